//! The network's headline figures: `GET /api/v1/overview`.

pub mod get;
