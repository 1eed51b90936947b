//! The black-box suite: the real `cecop-api` binary on port 0, a fresh
//! database per test (SQLite file or PostgreSQL database, by
//! `CECOP_TEST_BACKEND`), plain HTTP.

mod access;
mod auth;
mod content;
mod docs;
mod editing;
mod editorial;
mod errors;
mod feeds;
mod import;
mod mail;
mod media;
mod members;
mod membership;
mod overview;
mod returns;
mod search;
mod spa;
mod startup;
mod statistics;
mod two_factor;
