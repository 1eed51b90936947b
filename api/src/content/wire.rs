//! Stored rows to published types: the language-resolved metadata of an
//! item, the summaries of articles, events and stories, and what a detail
//! page adds. Rows arrive decoded into domain types (`crate::db::content`);
//! what fails here is only a row whose columns do not fit together.

use std::collections::HashMap;

use cecop_shared::{
    Article, ArticleSummary, Event, EventSummary, ItemMeta, Language, MemberRef, PublishedItem,
    Story, StorySummary, Theme,
};
use chrono::{NaiveDateTime, TimeZone};

use crate::content::language::Preferences;
use crate::db::DbConnection;
use crate::db::content::{self, ContentRow, ItemKind, TranslationHead};
use crate::error::ApiError;

/// The `Content-Language` of a list: the distinct languages of its items.
pub fn content_language(metas: &[&ItemMeta]) -> String {
    let mut languages: Vec<&str> = metas.iter().map(|m| m.lang.as_str()).collect();
    languages.sort_unstable();
    languages.dedup();
    languages.join(", ")
}

/// A row whose columns decoded but do not fit together (an event without
/// its times, an article whose kind is an event's): corrupt data, a logged
/// 500.
fn corrupt(row: &ContentRow, what: &str) -> ApiError {
    ApiError::Internal(anyhow::anyhow!(
        "{} {}: stored {what}",
        row.item_type,
        row.slug
    ))
}

/// Builds the language-resolved metadata of each row (same order), loading
/// translations, themes and tags for all of them in three queries.
pub fn metas(
    conn: &mut DbConnection,
    rows: &[ContentRow],
    prefs: &Preferences,
) -> Result<Vec<ItemMeta>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut heads: HashMap<i64, Vec<TranslationHead>> = HashMap::new();
    for head in content::translation_heads(conn, &ids)? {
        heads.entry(head.content_id).or_default().push(head);
    }
    let mut themes: HashMap<i64, Vec<Theme>> = HashMap::new();
    for (id, theme) in content::themes(conn, &ids)? {
        themes.entry(id).or_default().push(theme);
    }
    let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
    for (id, tag) in content::tags(conn, &ids)? {
        tags.entry(id).or_default().push(tag);
    }
    rows.iter()
        .map(|row| {
            let heads = heads.remove(&row.id).unwrap_or_default();
            meta(
                row,
                heads,
                themes.remove(&row.id).unwrap_or_default(),
                tags.remove(&row.id).unwrap_or_default(),
                prefs,
            )
        })
        .collect()
}

fn meta(
    row: &ContentRow,
    heads: Vec<TranslationHead>,
    themes: Vec<Theme>,
    tags: Vec<String>,
    prefs: &Preferences,
) -> Result<ItemMeta, ApiError> {
    let languages: Vec<Language> = heads.iter().map(|h| h.lang.clone()).collect();
    let lang = prefs.choose(&languages, &row.default_lang).clone();
    let head = heads
        .into_iter()
        .find(|h| h.lang == lang)
        .ok_or_else(|| corrupt(row, "without a translation in its default language"))?;
    Ok(ItemMeta {
        slug: row.slug.clone(),
        lang,
        default_lang: row.default_lang.clone(),
        languages,
        title: head.title,
        summary: head.summary,
        published_at: row.publish_at.and_utc(),
        themes,
        tags,
        visibility: row.visibility,
        eu_funded: row.eu_funded,
        illustrative: row.illustrative,
    })
}

pub fn article_summary(row: &ContentRow, meta: ItemMeta) -> Result<ArticleSummary, ApiError> {
    let Some(ItemKind::Article(kind)) = row.kind else {
        return Err(corrupt(row, "without an article kind"));
    };
    Ok(ArticleSummary {
        kind,
        country: row.country,
        meta,
    })
}

pub fn event_summary(row: &ContentRow, meta: ItemMeta) -> Result<EventSummary, ApiError> {
    let (Some(ItemKind::Event(kind)), Some(zone), Some(starts), Some(ends)) =
        (row.kind, row.time_zone, row.starts_at, row.ends_at)
    else {
        return Err(corrupt(row, "without its kind, time zone, start or end"));
    };
    let local = |t: NaiveDateTime| zone.0.from_utc_datetime(&t).naive_local();
    Ok(EventSummary {
        kind,
        starts_at: starts.and_utc(),
        ends_at: ends.and_utc(),
        starts_local: local(starts),
        ends_local: local(ends),
        time_zone: zone.as_str().to_owned(),
        venue: row.venue.clone(),
        city: row.city.clone(),
        country: row.country,
        online_url: row.online_url.clone(),
        meta,
    })
}

pub fn story_summary(row: &ContentRow, meta: ItemMeta) -> Result<StorySummary, ApiError> {
    Ok(StorySummary {
        cooperative: row.cooperative.clone().unwrap_or_default(),
        country: row.country,
        sector: row.sector.clone(),
        quote: row.quote.clone(),
        photo: row.photo.as_ref().map(|p| p.0.clone()),
        meta,
    })
}

/// What a detail page adds to the list view: the body in the served
/// language and the related member organisations.
#[derive(Debug)]
pub struct Detail {
    pub meta: ItemMeta,
    pub body_html: String,
    pub members: Vec<MemberRef>,
}

pub fn detail(
    conn: &mut DbConnection,
    row: &ContentRow,
    prefs: &Preferences,
) -> Result<Detail, ApiError> {
    // Every language version once, bodies included: the heads for choosing
    // the language come from the same rows.
    let translations = content::translations(conn, row.id)?;
    let heads = translations
        .iter()
        .map(|t| TranslationHead {
            content_id: t.content_id,
            lang: t.lang.clone(),
            title: t.title.clone(),
            summary: t.summary.clone(),
        })
        .collect();
    let ids = [row.id];
    let themes = content::themes(conn, &ids)?
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    let tags = content::tags(conn, &ids)?
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    let meta = meta(row, heads, themes, tags, prefs)?;
    let body_html = translations
        .into_iter()
        .find(|t| t.lang == meta.lang)
        .map(|t| t.body_html)
        .unwrap_or_default();
    let members = content::related_members(conn, row.id)?
        .into_iter()
        .map(|(slug, name)| MemberRef { slug, name })
        .collect();
    Ok(Detail {
        meta,
        body_html,
        members,
    })
}

/// An article's public detail.
pub fn article(row: &ContentRow, detail: Detail) -> Result<Article, ApiError> {
    Ok(Article {
        summary: article_summary(row, detail.meta)?,
        body_html: detail.body_html,
        attachments: row.attachments.0.clone(),
        members: detail.members,
    })
}

/// An event's public detail.
pub fn event(row: &ContentRow, detail: Detail) -> Result<Event, ApiError> {
    Ok(Event {
        summary: event_summary(row, detail.meta)?,
        body_html: detail.body_html,
        organisers: row.organisers.0.clone(),
        registration_url: row.registration_url.clone(),
        attachments: row.attachments.0.clone(),
        members: detail.members,
    })
}

/// A story's public detail.
pub fn story(row: &ContentRow, detail: Detail) -> Result<Story, ApiError> {
    Ok(Story {
        summary: story_summary(row, detail.meta)?,
        body_html: detail.body_html,
        members: detail.members,
    })
}

/// Any item as its public detail will read once published (previews).
pub fn published(
    conn: &mut DbConnection,
    row: &ContentRow,
    prefs: &Preferences,
) -> Result<PublishedItem, ApiError> {
    let detail = detail(conn, row, prefs)?;
    Ok(match row.item_type {
        content::ItemType::Article => PublishedItem::Article(article(row, detail)?),
        content::ItemType::Event => PublishedItem::Event(event(row, detail)?),
        content::ItemType::Story => PublishedItem::Story(story(row, detail)?),
    })
}
