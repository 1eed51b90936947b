//! The caller's own organisation: `GET/PUT /api/v1/my/organisation`, for a
//! member organisation's users and its API tokens.

pub mod organisation;
pub mod returns;
