//! #COOPTALES stories: `GET /api/v1/stories` and `/stories/{slug}`. A story
//! is public only while its consent record stands.

pub mod get;
pub mod list;
