//! The signed-in user's own account: `GET /api/v1/me`, `POST /api/v1/me/password`.

pub mod get;
pub mod password;
