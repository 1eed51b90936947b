//! Site search across articles, events, stories and members (`GET /api/v1/search`).

use cecop_shared::{PER_PAGE_DEFAULT, Page, SearchHit, SearchKind};

use super::{ApiError, get_json};
use crate::i18n::Lang;

/// Fetches page `page` of the hits for `q` (at least one word), best first,
/// optionally of one kind only.
pub async fn search(
    q: &str,
    kind: Option<SearchKind>,
    page: u32,
    lang: Lang,
) -> Result<Page<SearchHit>, ApiError> {
    let mut query = vec![
        ("q", q.to_owned()),
        ("lang", lang.code().to_owned()),
        ("page", page.to_string()),
        ("per_page", PER_PAGE_DEFAULT.to_string()),
    ];
    if let Some(kind) = kind {
        query.push(("kind", kind.as_str().to_owned()));
    }
    get_json("/search", &query).await
}
