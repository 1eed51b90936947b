//! Signing in (`/login`).

pub mod login;
