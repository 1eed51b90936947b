//! #COOPTALES: the list of stories (`/cooptales`) and one story
//! (`/cooptales/:slug`).

pub mod detail;
pub mod list;
