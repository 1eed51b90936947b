//! Articles — news, press releases, position papers, publications and
//! consultation responses: `GET /api/v1/articles` and `/articles/{slug}`.

pub mod get;
pub mod list;
