//! The content caches, each tied to the content [`Fingerprint`] (see
//! `crate::cache` for how a fingerprint and a generation of kept answers
//! work):
//!
//! - list **totals**, reused only while the fingerprint read in the same
//!   transaction is unchanged — never stale, whichever process wrote;
//! - whole **anonymous list pages**, served while the fingerprint is
//!   unchanged; the fingerprint itself is re-read at most once a second, so a
//!   change shows in lists within a second (responses already say
//!   `max-age=60` to shared caches);
//! - **anonymous item answers** (an article, event or story), the same way,
//!   kept gzipped within a byte budget (`CECOP_ITEM_CACHE_MB`): an item
//!   page is the most read page of a publishing site, and a site's whole
//!   published set should fit — a news-length answer (2.5 KB) costs about
//!   1.4 KB here, so the default 32 MB holds some 20,000 of them.

use crate::cache::{Bound, Kept, Recent, Weight};
use crate::db::content::Fingerprint;
use crate::representation::{GzipOnly, Representations};

/// Distinct totals remembered; beyond it the generation starts over.
const COUNTS: usize = 4_096;
/// Distinct pages remembered (a page is a few to 20 KB).
const PAGES: usize = 256;

/// A serialised page of a list and what its headers need.
#[derive(Debug)]
pub struct CachedPage {
    /// The body, with its entity tag and compressed forms made once.
    pub body: Representations,
    pub total: i64,
    pub languages: String,
}

impl Weight for CachedPage {
    fn weight(&self) -> usize {
        self.body.identity.len()
    }
}

/// One item's answer: its body and the language it is in.
#[derive(Debug)]
pub struct CachedItem {
    pub body: GzipOnly,
    pub lang: cecop_shared::Language,
}

impl Weight for CachedItem {
    fn weight(&self) -> usize {
        self.body.size()
    }
}

/// The content fingerprint last read, and what is kept under it.
#[derive(Debug)]
pub struct ContentCache {
    pub fingerprint: Recent<Fingerprint>,
    pub totals: Kept<Fingerprint, i64>,
    pub pages: Kept<Fingerprint, CachedPage>,
    pub items: Kept<Fingerprint, CachedItem>,
}

impl ContentCache {
    /// Caches whose item answers take at most `item_bytes`.
    pub fn new(item_bytes: usize) -> Self {
        Self {
            fingerprint: Recent::default(),
            totals: Kept::new(Bound::Entries(COUNTS)),
            pages: Kept::new(Bound::Entries(PAGES)),
            items: Kept::new(Bound::Bytes(item_bytes)),
        }
    }
}
