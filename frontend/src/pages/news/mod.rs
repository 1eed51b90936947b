//! Articles: the news list (`/news`), the publications list
//! (`/publications`, the same list limited to publications, position papers
//! and consultation responses) and one article (`/news/:slug`).

pub mod article_view;
pub mod detail;
pub mod filters;
pub mod list;
pub mod query;
