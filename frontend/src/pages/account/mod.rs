//! The signed-in user's own account (`/account`).

pub mod page;
pub mod password_form;
pub mod sessions;
pub mod two_factor;
