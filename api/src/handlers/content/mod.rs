//! What the article, event, story, search and feed handlers share:
//! [`Reader`] (the caller's audience, the database and the content cache),
//! [`params`] parses their requests, [`respond`] answers them (with the
//! content cache); turning rows into published types is
//! `crate::content::wire`.

pub mod params;
pub mod reader;
pub mod respond;

pub use crate::content::wire::{article_summary, detail, event_summary, metas, story_summary};
pub use params::{ListParams, day_range, preferences, query_words};
pub use reader::Reader;
pub use respond::{cache_headers, respond_detail, respond_list};
