//! The signed-in user's own account: `GET /api/v1/me`, `POST /api/v1/me/password`,
//! and the sessions signed in (`/api/v1/me/sessions`).

pub mod get;
pub mod password;
pub mod sessions;
pub mod two_factor;
