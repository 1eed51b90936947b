//! `GET /api/v1/search`: one search box over articles, events, stories and
//! member organisations.

pub mod get;
