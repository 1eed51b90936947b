//! HTTP representations of an answer: content codings and their
//! negotiation ([`codings`]), gzip with reused states ([`gzip`]), entity tags ([`tags`]), bodies kept with their
//! encoded forms ([`kept`]), conditional answers ([`conditional`]) and the
//! compression middleware ([`middleware`]). Lower modules here know nothing
//! of handlers; handlers and caches use what this module exports.

pub mod codings;
pub mod conditional;
pub mod gzip;
pub mod kept;
pub mod middleware;
pub mod tags;

pub use codings::kept_bytes;
pub use conditional::{etagged, etagged_json, etagged_kept, etagged_with};
pub use kept::{Chosen, GzipOnly, Representations};
pub use middleware::compress;
pub use tags::entity_tag;
