//! Publishing: what turns stored articles, events and stories into what
//! visitors read — Markdown rendering and sanitising, language choice, search
//! results, feeds — and how content gets in (the demo content and JSONL import).
//! Queries live in `crate::db::content`; HTTP in `crate::handlers`.

pub mod cache;
pub mod clock;
pub mod document;
pub mod editorial;
pub mod feeds;
pub mod import;
pub mod language;
pub mod markdown;
pub mod search;
pub mod wire;
