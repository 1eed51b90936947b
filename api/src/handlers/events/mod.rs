//! Events — conferences, webinars, mutual learning sessions, policy debates
//! and visits: `GET /api/v1/events` and `/events/{slug}`.

pub mod get;
pub mod list;
