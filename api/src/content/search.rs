//! Search results: the ranked index rows of `crate::db::search` grouped into
//! one hit per document (at its best rank), each in the caller's language
//! where the document has it, with a highlighted snippet; and paged.

use std::collections::HashMap;

use cecop_shared::{ItemMeta, Language, PageRequest, SearchHit, SearchKind, Slug};
use chrono::{DateTime, Utc};

use crate::content::language::Preferences;
use crate::content::wire::metas;
use crate::db::DbConnection;
use crate::db::content::{self as content_db, Audience, ItemType};
use crate::db::members;
use crate::db::search::{DocType, Hit};
use crate::error::ApiError;
use crate::search_text as text;

/// What a search asks: its folded words, the kind of hit wanted (all when
/// `None`), the page, and for whom in which languages.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub words: Vec<String>,
    pub kind: Option<SearchKind>,
    pub page: PageRequest,
    pub prefs: Preferences,
    pub audience: Audience,
}

impl From<ItemType> for SearchKind {
    fn from(item_type: ItemType) -> Self {
        match item_type {
            ItemType::Article => Self::Article,
            ItemType::Event => Self::Event,
            ItemType::Story => Self::Story,
        }
    }
}

/// One page of hits for `rows` (ranked, best first; a document may have a
/// row per language), and how many hits there are on all pages.
pub fn hits(
    conn: &mut DbConnection,
    rows: Vec<Hit>,
    request: &SearchRequest,
) -> Result<(Vec<SearchHit>, usize), ApiError> {
    // One hit per document, at its best rank.
    let mut order: Vec<(DocType, i64)> = Vec::new();
    let mut versions: HashMap<(DocType, i64), Vec<Hit>> = HashMap::new();
    for row in rows {
        let key = (row.doc_type, row.doc_id);
        if !versions.contains_key(&key) {
            order.push(key);
        }
        versions.entry(key).or_default().push(row);
    }
    let ids = |doc_type: DocType| -> Vec<i64> {
        order
            .iter()
            .filter(|(t, _)| *t == doc_type)
            .map(|(_, id)| *id)
            .collect()
    };
    let items = content_db::visible_by_ids(conn, &ids(DocType::Content), request.audience)?;
    let item_metas = metas(conn, &items, &request.prefs)?;
    let content: HashMap<i64, (SearchKind, ItemMeta)> = items
        .iter()
        .zip(item_metas)
        .map(|(row, meta)| (row.id, (SearchKind::from(row.item_type), meta)))
        .collect();
    let member_slugs = members::slugs_by_ids(conn, &ids(DocType::Member))?;
    let mut hits = Vec::new();
    for key in order {
        let found = versions.remove(&key).unwrap_or_default();
        let (kind, slug, lang, published_at): (_, Slug, Language, Option<DateTime<Utc>>) =
            match key.0 {
                DocType::Member => match member_slugs.get(&key.1) {
                    Some(slug) => (SearchKind::Member, slug.clone(), Language::english(), None),
                    None => continue,
                },
                DocType::Content => match content.get(&key.1) {
                    Some((kind, meta)) => (
                        *kind,
                        meta.slug.clone(),
                        meta.lang.clone(),
                        Some(meta.published_at),
                    ),
                    None => continue,
                },
            };
        if request.kind.is_some_and(|wanted| wanted != kind) {
            continue;
        }
        // The matching version in the served language, else the best one.
        let Some(version) = found
            .iter()
            .find(|h| h.lang == lang)
            .or_else(|| found.first())
        else {
            continue;
        };
        hits.push(SearchHit {
            kind,
            slug,
            title: version.title.clone(),
            lang: version.lang.clone(),
            snippet: text::snippet(&version.body, &request.words),
            published_at,
        });
    }
    let total = hits.len();
    let page = hits
        .into_iter()
        .skip(usize::try_from(request.page.offset()).unwrap_or(usize::MAX))
        .take(request.page.per_page() as usize)
        .collect();
    Ok((page, total))
}
