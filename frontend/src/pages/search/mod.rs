//! `/search`: the site search across articles, events, stories and members.

pub mod hit;
pub mod page;
pub mod query;
