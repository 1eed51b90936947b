//! The CECOP platform's API server: an actix-web JSON REST API over diesel
//! (SQLite by default, PostgreSQL for scale) that also serves the single-page
//! app. `main.rs` is thin; `startup` builds the app, `routes` is the one route
//! table, `handlers` the actions, `db` the queries.

pub mod auth;
pub mod cache;
pub mod cli;
pub mod content;
pub mod db;
pub mod error;
pub mod flights;
pub mod handlers;
pub mod mail;
pub mod media;
pub mod middleware;
pub mod representation;
pub mod returns;
pub mod routes;
pub mod search_text;
pub mod security_headers;
pub mod seed;
pub mod settings;
pub mod spa;
pub mod startup;
pub mod statistics;
pub mod telemetry;
pub mod traffic;
