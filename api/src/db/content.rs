//! Queries over published content: articles, events and stories share one
//! table (`content_items`) with their translations, themes, tags and related
//! members beside it. Every public read goes through [`visible`], the one
//! definition of what an audience may see.

use chrono::NaiveDateTime;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable, Text, Timestamp};

use super::schema::{
    content_items, content_members, content_tags, content_themes, content_translations, members,
    story_consents,
};
use super::{Backend, DbConnection};

/// The three kinds of item, as stored in `item_type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemType {
    Article,
    Event,
    Story,
}

impl ItemType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Article => "article",
            Self::Event => "event",
            Self::Story => "story",
        }
    }
}

/// An item as stored. Enum-like and JSON columns are text; the handler layer
/// parses them into `cecop_shared` types.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = content_items)]
pub struct ContentRow {
    pub id: i64,
    pub item_type: String,
    pub slug: String,
    pub kind: Option<String>,
    pub status: String,
    pub visibility: String,
    pub publish_at: NaiveDateTime,
    pub default_lang: String,
    pub country: Option<String>,
    pub eu_funded: bool,
    pub illustrative: bool,
    pub attachments: String,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
    pub time_zone: Option<String>,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub online_url: Option<String>,
    pub registration_url: Option<String>,
    pub organisers: String,
    pub cooperative: Option<String>,
    pub sector: Option<String>,
    pub quote: Option<String>,
    pub photo: Option<String>,
    pub consent_id: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A new item; translations, themes, tags and members are inserted beside it.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = content_items)]
pub struct NewContent {
    pub item_type: String,
    pub slug: String,
    pub kind: Option<String>,
    pub status: String,
    pub visibility: String,
    pub publish_at: NaiveDateTime,
    pub default_lang: String,
    pub country: Option<String>,
    pub eu_funded: bool,
    pub illustrative: bool,
    pub attachments: String,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
    pub time_zone: Option<String>,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub online_url: Option<String>,
    pub registration_url: Option<String>,
    pub organisers: String,
    pub cooperative: Option<String>,
    pub sector: Option<String>,
    pub quote: Option<String>,
    pub photo: Option<String>,
    pub consent_id: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// One language version of an item.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = content_translations)]
pub struct Translation {
    pub content_id: i64,
    pub lang: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub body_html: String,
}

/// A translation without its body, for lists.
#[derive(Debug, Clone, Queryable)]
pub struct TranslationHead {
    pub content_id: i64,
    pub lang: String,
    pub title: String,
    pub summary: String,
}

/// Who is reading, and when: the two things that decide what is public.
#[derive(Debug, Clone, Copy)]
pub struct Audience {
    pub now: NaiveDateTime,
    /// Signed-in users and `members:read` tokens also see members-only items.
    pub members_only: bool,
}

/// A full-text condition, in the dialect of the connection it will run on.
#[derive(Debug, Clone)]
pub enum TextMatch {
    Fts5(String),
    TsQuery(String),
}

/// List order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Most recently published first.
    Newest,
    /// Events by start, soonest first.
    StartsSoonest,
    /// Events by start, latest first.
    StartsLatest,
}

/// List filters, already validated.
#[derive(Debug, Clone)]
pub struct ContentFilter {
    pub item_type: ItemType,
    /// Any of these kinds; empty means every kind.
    pub kinds: Vec<String>,
    pub theme: Option<String>,
    pub tag: Option<String>,
    pub member_slug: Option<String>,
    pub country: Option<String>,
    /// Inclusive lower bound: publication time, or start for events.
    pub from: Option<NaiveDateTime>,
    /// Exclusive upper bound: publication time, or start for events.
    pub to: Option<NaiveDateTime>,
    /// Events only: `Some(true)` not yet ended, `Some(false)` ended.
    pub upcoming: Option<bool>,
    pub text: Option<TextMatch>,
}

impl ContentFilter {
    pub fn new(item_type: ItemType) -> Self {
        Self {
            item_type,
            kinds: Vec::new(),
            theme: None,
            tag: None,
            member_slug: None,
            country: None,
            from: None,
            to: None,
            upcoming: None,
            text: None,
        }
    }
}

const PUBLISHABLE: [&str; 2] = ["published", "scheduled"];

/// What `audience` may see of one item type: published (or scheduled and
/// due) items, members-only ones only for members, and stories only while
/// their consent stands.
pub fn visible(
    item_type: ItemType,
    audience: Audience,
) -> content_items::BoxedQuery<'static, Backend> {
    let mut query = content_items::table
        .into_boxed()
        .filter(content_items::item_type.eq(item_type.as_str()))
        // `a OR b` rather than `IN (a, b)`: diesel keeps no prepared statement
        // with an IN list, and preparing was a third of a detail request.
        .filter(
            content_items::status
                .eq(PUBLISHABLE[0])
                .or(content_items::status.eq(PUBLISHABLE[1])),
        )
        .filter(content_items::publish_at.le(audience.now));
    if !audience.members_only {
        query = query.filter(content_items::visibility.eq("public"));
    }
    if item_type == ItemType::Story {
        query = query.filter(
            content_items::consent_id.eq_any(
                story_consents::table
                    .filter(story_consents::withdrawn_at.is_null())
                    .select(story_consents::id.nullable()),
            ),
        );
    }
    query
}

fn filtered(
    filter: &ContentFilter,
    audience: Audience,
) -> content_items::BoxedQuery<'static, Backend> {
    let mut query = visible(filter.item_type, audience);
    match filter.kinds.as_slice() {
        [] => {}
        [kind] => query = query.filter(content_items::kind.eq(kind.clone())),
        kinds => query = query.filter(content_items::kind.eq_any(kinds.to_vec())),
    }
    if let Some(country) = &filter.country {
        query = query.filter(content_items::country.eq(country.clone()));
    }
    if let Some(theme) = &filter.theme {
        query = query.filter(
            content_items::id.eq_any(
                content_themes::table
                    .filter(content_themes::theme.eq(theme.clone()))
                    .select(content_themes::content_id),
            ),
        );
    }
    if let Some(tag) = &filter.tag {
        query = query.filter(
            content_items::id.eq_any(
                content_tags::table
                    .filter(content_tags::tag.eq(tag.clone()))
                    .select(content_tags::content_id),
            ),
        );
    }
    if let Some(slug) = &filter.member_slug {
        query = query.filter(
            content_items::id.eq_any(
                content_members::table
                    .inner_join(members::table)
                    .filter(members::slug.eq(slug.clone()))
                    .select(content_members::content_id),
            ),
        );
    }
    let is_event = filter.item_type == ItemType::Event;
    if let Some(from) = filter.from {
        query = if is_event {
            query.filter(content_items::starts_at.ge(from))
        } else {
            query.filter(content_items::publish_at.ge(from))
        };
    }
    if let Some(to) = filter.to {
        query = if is_event {
            query.filter(content_items::starts_at.lt(to))
        } else {
            query.filter(content_items::publish_at.lt(to))
        };
    }
    match filter.upcoming {
        Some(true) => query = query.filter(content_items::ends_at.ge(audience.now)),
        Some(false) => query = query.filter(content_items::ends_at.lt(audience.now)),
        None => {}
    }
    match &filter.text {
        Some(TextMatch::Fts5(q)) => {
            query = query.filter(
                sql::<Bool>(
                    "content_items.id IN (SELECT doc_id FROM search_index \
                     WHERE doc_type = 'content' AND search_index MATCH ",
                )
                .bind::<Text, _>(q.clone())
                .sql(")"),
            );
        }
        Some(TextMatch::TsQuery(q)) => {
            query = query.filter(
                sql::<Bool>(
                    "content_items.id IN (SELECT doc_id FROM search_index \
                     WHERE doc_type = 'content' AND document @@ to_tsquery('simple', ",
                )
                .bind::<Text, _>(q.clone())
                .sql("))"),
            );
        }
        None => {}
    }
    query
}

/// How many items match, on all pages.
pub fn count(
    conn: &mut DbConnection,
    filter: &ContentFilter,
    audience: Audience,
) -> QueryResult<i64> {
    filtered(filter, audience).count().get_result(conn)
}

/// One page of matching items in the given order.
pub fn page(
    conn: &mut DbConnection,
    filter: &ContentFilter,
    audience: Audience,
    order: Order,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<ContentRow>> {
    let query = filtered(filter, audience).select(ContentRow::as_select());
    let query = match order {
        Order::Newest => {
            query.order_by((content_items::publish_at.desc(), content_items::id.desc()))
        }
        Order::StartsSoonest => {
            query.order_by((content_items::starts_at.asc(), content_items::id.asc()))
        }
        Order::StartsLatest => {
            query.order_by((content_items::starts_at.desc(), content_items::id.desc()))
        }
    };
    query.offset(offset).limit(limit).load(conn)
}

/// Changes whenever what some list or item shows could have changed: an
/// item added or edited, an item becoming public or an event ending as the
/// clock passes, a story's consent withdrawn, a member organisation (named
/// on the items related to it) edited. Every part but the last is an index
/// lookup and the members are a few dozen rows, read in one statement, so
/// checking it costs far less than counting a large table.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct Fingerprint {
    #[diesel(sql_type = Nullable<BigInt>)]
    newest_id: Option<i64>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    last_update: Option<NaiveDateTime>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    next_publication: Option<NaiveDateTime>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    next_event_end: Option<NaiveDateTime>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    last_withdrawal: Option<NaiveDateTime>,
    #[diesel(sql_type = BigInt)]
    withdrawals: i64,
    #[diesel(sql_type = Nullable<Timestamp>)]
    members_update: Option<NaiveDateTime>,
}

const FINGERPRINT: &str = "SELECT
    (SELECT MAX(id) FROM content_items) AS newest_id,
    (SELECT MAX(updated_at) FROM content_items) AS last_update,
    (SELECT MIN(publish_at) FROM content_items
        WHERE status IN ('published', 'scheduled') AND publish_at > {now}) AS next_publication,
    (SELECT MIN(ends_at) FROM content_items
        WHERE item_type = 'event' AND ends_at > {now}) AS next_event_end,
    (SELECT MAX(withdrawn_at) FROM story_consents) AS last_withdrawal,
    (SELECT CAST(COUNT(*) AS BIGINT) FROM story_consents
        WHERE withdrawn_at IS NOT NULL) AS withdrawals,
    (SELECT MAX(updated_at) FROM members) AS members_update";

pub fn fingerprint(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<Fingerprint> {
    match conn {
        DbConnection::Sqlite(c) => diesel::sql_query(FINGERPRINT.replace("{now}", "?1"))
            .bind::<Timestamp, _>(now)
            .get_result(c),
        DbConnection::Pg(c) => diesel::sql_query(FINGERPRINT.replace("{now}", "$1"))
            .bind::<Timestamp, _>(now)
            .get_result(c),
    }
}

/// Every item of a type the audience may see, newest first, up to `limit`
/// (for feeds).
pub fn latest(
    conn: &mut DbConnection,
    item_type: ItemType,
    audience: Audience,
    limit: i64,
) -> QueryResult<Vec<ContentRow>> {
    visible(item_type, audience)
        .select(ContentRow::as_select())
        .order_by((content_items::publish_at.desc(), content_items::id.desc()))
        .limit(limit)
        .load(conn)
}

/// The item with this slug, when the audience may see it.
///
/// The same rule as [`visible`], applied in Rust to the one row found by its
/// unique key: a `publish_at <= ?` range in SQL makes SQLite re-prepare the
/// statement on every call (its planner may pick another index for another
/// value), which was a quarter of a detail request's time.
pub fn find_visible(
    conn: &mut DbConnection,
    item_type: ItemType,
    slug: &str,
    audience: Audience,
) -> QueryResult<Option<ContentRow>> {
    let Some(row) = content_items::table
        .filter(content_items::item_type.eq(item_type.as_str()))
        .filter(content_items::slug.eq(slug))
        .select(ContentRow::as_select())
        // Not `first()`: see `crate::db` on unique lookups.
        .get_result(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let public = PUBLISHABLE.contains(&row.status.as_str())
        && row.publish_at <= audience.now
        && (audience.members_only || row.visibility == "public");
    if !public {
        return Ok(None);
    }
    if item_type == ItemType::Story {
        let Some(consent) = row.consent_id else {
            return Ok(None);
        };
        let standing: bool = diesel::select(diesel::dsl::exists(
            story_consents::table
                .filter(story_consents::id.eq(consent))
                .filter(story_consents::withdrawn_at.is_null()),
        ))
        .get_result(conn)?;
        if !standing {
            return Ok(None);
        }
    }
    Ok(Some(row))
}

/// Visible items by id, in no particular order (for search hits).
pub fn visible_by_ids(
    conn: &mut DbConnection,
    ids: &[i64],
    audience: Audience,
) -> QueryResult<Vec<ContentRow>> {
    let mut rows = Vec::new();
    for item_type in [ItemType::Article, ItemType::Event, ItemType::Story] {
        rows.extend(
            visible(item_type, audience)
                .filter(content_items::id.eq_any(ids.to_vec()))
                .select(ContentRow::as_select())
                .load(conn)?,
        );
    }
    Ok(rows)
}

/// Title and summary of every language of these items.
pub fn translation_heads(
    conn: &mut DbConnection,
    ids: &[i64],
) -> QueryResult<Vec<TranslationHead>> {
    let query = content_translations::table
        .select((
            content_translations::content_id,
            content_translations::lang,
            content_translations::title,
            content_translations::summary,
        ))
        .order_by((content_translations::content_id, content_translations::lang));
    // One id (a detail page) as `=`, which diesel keeps prepared.
    match ids {
        [id] => query
            .filter(content_translations::content_id.eq(*id))
            .load(conn),
        _ => query
            .filter(content_translations::content_id.eq_any(ids.to_vec()))
            .load(conn),
    }
}

/// Every language version of one item, bodies included.
pub fn translations(conn: &mut DbConnection, id: i64) -> QueryResult<Vec<Translation>> {
    content_translations::table
        .filter(content_translations::content_id.eq(id))
        .select(Translation::as_select())
        .order_by(content_translations::lang)
        .load(conn)
}

/// (item id, theme) pairs for these items.
pub fn themes(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<(i64, String)>> {
    let query = content_themes::table
        .select((content_themes::content_id, content_themes::theme))
        .order_by((content_themes::content_id, content_themes::theme));
    // One id (a detail page) as `=`, which diesel keeps prepared.
    match ids {
        [id] => query.filter(content_themes::content_id.eq(*id)).load(conn),
        _ => query
            .filter(content_themes::content_id.eq_any(ids.to_vec()))
            .load(conn),
    }
}

/// (item id, tag) pairs for these items.
pub fn tags(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<(i64, String)>> {
    let query = content_tags::table
        .select((content_tags::content_id, content_tags::tag))
        .order_by((content_tags::content_id, content_tags::tag));
    // One id (a detail page) as `=`, which diesel keeps prepared.
    match ids {
        [id] => query.filter(content_tags::content_id.eq(*id)).load(conn),
        _ => query
            .filter(content_tags::content_id.eq_any(ids.to_vec()))
            .load(conn),
    }
}

/// (slug, name) of the member organisations related to an item, by name.
pub fn related_members(conn: &mut DbConnection, id: i64) -> QueryResult<Vec<(String, String)>> {
    content_members::table
        .inner_join(members::table)
        .filter(content_members::content_id.eq(id))
        .select((members::slug, members::name))
        .order_by(members::name)
        .load(conn)
}

/// True when an item of this type has this slug, whatever its status.
pub fn slug_taken(conn: &mut DbConnection, item_type: ItemType, slug: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        content_items::table
            .filter(content_items::item_type.eq(item_type.as_str()))
            .filter(content_items::slug.eq(slug.to_owned())),
    ))
    .get_result(conn)
}

/// How many items exist, whatever their type and status.
pub fn count_all(conn: &mut DbConnection) -> QueryResult<i64> {
    content_items::table.count().get_result(conn)
}

/// A stored consent record for a story.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = story_consents)]
pub struct NewConsent {
    pub given_at: NaiveDateTime,
    pub given_by: String,
    pub wording: String,
}

pub fn insert_consent(conn: &mut DbConnection, consent: &NewConsent) -> QueryResult<i64> {
    diesel::insert_into(story_consents::table)
        .values(consent)
        .returning(story_consents::id)
        .get_result(conn)
}

/// Inserts an item with its translations, themes, tags and related members,
/// returning its id. Callers run it inside their transaction.
pub fn insert(
    conn: &mut DbConnection,
    item: &NewContent,
    translations: &[Translation],
    themes: &[String],
    tags: &[String],
    member_ids: &[i64],
) -> QueryResult<i64> {
    let id: i64 = diesel::insert_into(content_items::table)
        .values(item)
        .returning(content_items::id)
        .get_result(conn)?;
    for t in translations {
        let t = Translation {
            content_id: id,
            ..t.clone()
        };
        diesel::insert_into(content_translations::table)
            .values(&t)
            .execute(conn)?;
    }
    for theme in themes {
        diesel::insert_into(content_themes::table)
            .values((
                content_themes::content_id.eq(id),
                content_themes::theme.eq(theme),
            ))
            .execute(conn)?;
    }
    for tag in tags {
        diesel::insert_into(content_tags::table)
            .values((content_tags::content_id.eq(id), content_tags::tag.eq(tag)))
            .execute(conn)?;
    }
    for member_id in member_ids {
        diesel::insert_into(content_members::table)
            .values((
                content_members::content_id.eq(id),
                content_members::member_id.eq(member_id),
            ))
            .execute(conn)?;
    }
    Ok(id)
}
