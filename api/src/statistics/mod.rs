//! Published statistics: figures computed from the approved returns of
//! published campaigns ([`figures`], summed by `db::statistics::facts`),
//! and the answers kept against the data's fingerprint ([`cache`]). The
//! HTTP side (query parsing, JSON or CSV) is `handlers::statistics`.

pub mod cache;
pub mod figures;

pub use cache::StatisticsCache;
