//! The app's pages, one per route: `home` (`/`), `members` (`/members` and
//! `/members/:slug`) and `not_found` (every other path).

pub mod home;
pub mod members;
pub mod not_found;

/// A document title for a page: the page's own name first, so tabs and
/// history entries stay distinguishable, then the site's (WCAG 2.4.2).
pub fn page_title(page: &str) -> String {
    format!("{page} — CECOP")
}
