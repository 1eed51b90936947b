//! The member portal: API tokens (`/portal/tokens`) and the organisation's
//! public profile (`/portal/profile`).

pub mod profile;
pub mod token_form;
pub mod token_secret;
pub mod token_table;
pub mod tokens;
