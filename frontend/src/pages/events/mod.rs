//! Events: the list (`/events`, upcoming or past) and one event
//! (`/events/:slug`), with the pieces only they use.

pub mod calendar_link;
pub mod detail;
pub mod facts;
pub mod filters;
pub mod list;
pub mod query;
