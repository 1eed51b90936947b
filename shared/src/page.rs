//! Paginated lists: the request (`page`, `per_page`) and the response body.

use serde::{Deserialize, Serialize};

use crate::ParseError;

/// Items per page when the client does not say.
pub const PER_PAGE_DEFAULT: u32 = 20;
/// The most items a client may ask for in one page.
pub const PER_PAGE_MAX: u32 = 100;

/// A validated page request: `page` ≥ 1 and `per_page` in 1..=100.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    page: u32,
    per_page: u32,
}

impl PageRequest {
    /// The largest page number accepted; beyond it offsets stop making sense.
    pub const PAGE_MAX: u32 = 1_000_000;

    pub fn new(page: u32, per_page: u32) -> Result<Self, (&'static str, ParseError)> {
        if !(1..=Self::PAGE_MAX).contains(&page) {
            return Err((
                "page",
                ParseError::new(format!("must be between 1 and {}", Self::PAGE_MAX)),
            ));
        }
        if !(1..=PER_PAGE_MAX).contains(&per_page) {
            return Err((
                "per_page",
                ParseError::new(format!("must be between 1 and {PER_PAGE_MAX}")),
            ));
        }
        Ok(Self { page, per_page })
    }

    pub fn page(self) -> u32 {
        self.page
    }

    pub fn per_page(self) -> u32 {
        self.per_page
    }

    /// Rows to skip before this page.
    pub fn offset(self) -> i64 {
        i64::from(self.page - 1) * i64::from(self.per_page)
    }
}

impl Default for PageRequest {
    fn default() -> Self {
        Self {
            page: 1,
            per_page: PER_PAGE_DEFAULT,
        }
    }
}

/// One page of a list, with what a client needs to page through the rest.
/// The same numbers travel in the `X-Total-Count` and `Link` headers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Page<T> {
    /// The items on this page, in the list's stable order.
    pub items: Vec<T>,
    /// This page's number, from 1.
    pub page: u32,
    /// The page size that was applied.
    pub per_page: u32,
    /// How many items match the filters, on all pages.
    pub total: u64,
    /// How many pages there are (0 when nothing matches).
    pub total_pages: u32,
}

impl<T> Page<T> {
    pub fn new(items: Vec<T>, request: PageRequest, total: u64) -> Self {
        let per_page = u64::from(request.per_page);
        let total_pages = u32::try_from(total.div_ceil(per_page)).unwrap_or(u32::MAX);
        Self {
            items,
            page: request.page,
            per_page: request.per_page,
            total,
            total_pages,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_enforced_and_named() {
        assert_eq!(PageRequest::new(0, 10).map_err(|e| e.0), Err("page"));
        assert_eq!(PageRequest::new(1, 0).map_err(|e| e.0), Err("per_page"));
        assert_eq!(PageRequest::new(1, 101).map_err(|e| e.0), Err("per_page"));
        assert!(PageRequest::new(1, 100).is_ok());
    }

    #[test]
    fn page_counts_round_up() {
        let request = PageRequest::new(2, 10).unwrap_or_default();
        let page = Page::new(vec![1, 2], request, 21);
        assert_eq!((page.total_pages, request.offset()), (3, 10));
        assert_eq!(Page::<u8>::new(vec![], request, 0).total_pages, 0);
    }
}
