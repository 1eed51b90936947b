//! Articles (`GET /api/v1/articles`, `GET /api/v1/articles/{slug}`): news,
//! press releases, position papers, publications and consultation responses.

use cecop_shared::{Article, ArticleKind, ArticleSummary, PER_PAGE_DEFAULT, Page, Slug, Theme};

use super::{ApiError, get_json};
use crate::i18n::Lang;

/// What an article list is filtered by, and which page of it is wanted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFilter {
    /// One kind; when `None`, any of `scope`.
    pub kind: Option<ArticleKind>,
    /// The kinds the list is limited to when no single kind is chosen;
    /// empty means every kind.
    pub scope: &'static [ArticleKind],
    pub theme: Option<Theme>,
    /// Words to search for; never empty when `Some`.
    pub q: Option<String>,
    /// The page number, from 1.
    pub page: u32,
    /// Items per page.
    pub per_page: u32,
}

impl Default for ArticleFilter {
    fn default() -> Self {
        Self {
            kind: None,
            scope: &[],
            theme: None,
            q: None,
            page: 1,
            per_page: PER_PAGE_DEFAULT,
        }
    }
}

/// Fetches one page of published articles, newest first, each in `lang`
/// where it has that translation.
pub async fn list_articles(
    filter: &ArticleFilter,
    lang: Lang,
) -> Result<Page<ArticleSummary>, ApiError> {
    let mut query = vec![
        ("lang", lang.code().to_owned()),
        ("page", filter.page.to_string()),
        ("per_page", filter.per_page.to_string()),
    ];
    if let Some(kind) = filter.kind {
        query.push(("kind", kind.as_str().to_owned()));
    } else if !filter.scope.is_empty() {
        let kinds: Vec<&str> = filter.scope.iter().map(|k| k.as_str()).collect();
        query.push(("kind", kinds.join(",")));
    }
    if let Some(theme) = filter.theme {
        query.push(("theme", theme.as_str().to_owned()));
    }
    if let Some(q) = &filter.q {
        query.push(("q", q.clone()));
    }
    get_json("/articles", &query).await
}

/// Fetches one article in `lang` (or its default language); an unknown slug
/// is an [`ApiError`] whose [`is_not_found`](ApiError::is_not_found) is true.
pub async fn get_article(slug: &Slug, lang: Lang) -> Result<Article, ApiError> {
    // A `Slug` is only `a-z`, `0-9` and `-`, so it needs no escaping in a path.
    get_json(
        &format!("/articles/{slug}"),
        &[("lang", lang.code().to_owned())],
    )
    .await
}
