//! Signing in (`/login`), a forgotten password (`/forgot-password`,
//! `/reset-password`) and an accepted invitation (`/accept-invitation`).

pub mod invitation;
pub mod login;
pub mod recovery;
pub mod token_password;
