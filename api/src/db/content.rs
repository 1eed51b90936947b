//! Queries over published content: articles, events and stories share one
//! table (`content_items`) with their translations, themes, tags and related
//! members beside it. Every public read goes through [`visible`], the one
//! definition of what an audience may see.

use std::fmt;
use std::str::FromStr;

use cecop_shared::{
    ArticleKind, Attachment, ContentStatus, CountryCode, EventKind, Language, Organiser, Photo,
    Slug, Theme, Visibility,
};
use chrono::NaiveDateTime;
use diesel::deserialize::FromSqlRow;
use diesel::dsl::sql;
use diesel::expression::AsExpression;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable, Text, Timestamp};

use super::schema::{
    content_items, content_members, content_tags, content_themes, content_translations, members,
    story_consents,
};
use super::types::{Json, Zone};
use super::{Backend, DbConnection};

/// The three kinds of item, as stored in `item_type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
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

impl FromStr for ItemType {
    type Err = &'static str;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [Self::Article, Self::Event, Self::Story]
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or("must be one of: article, event, story")
    }
}

impl fmt::Display for ItemType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

cecop_shared::impl_sql_text!(ItemType);

/// The `kind` column: an article's or an event's kind (stories have none).
/// The two sets share no name, so the stored text says which it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum ItemKind {
    Article(ArticleKind),
    Event(EventKind),
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Article(kind) => kind.as_str(),
            Self::Event(kind) => kind.as_str(),
        }
    }
}

impl FromStr for ItemKind {
    type Err = &'static str;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse()
            .map(Self::Article)
            .or_else(|_| s.parse().map(Self::Event))
            .map_err(|_| "is neither an article kind nor an event kind")
    }
}

impl fmt::Display for ItemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

cecop_shared::impl_sql_text!(ItemKind);

/// An item as stored, decoded into domain types (a bad stored value fails
/// here, once: see `db::types`).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = content_items)]
pub struct ContentRow {
    pub id: i64,
    pub item_type: ItemType,
    pub slug: Slug,
    pub kind: Option<ItemKind>,
    pub status: ContentStatus,
    pub visibility: Visibility,
    pub publish_at: NaiveDateTime,
    pub default_lang: Language,
    pub country: Option<CountryCode>,
    pub eu_funded: bool,
    pub illustrative: bool,
    pub attachments: Json<Vec<Attachment>>,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
    pub time_zone: Option<Zone>,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub online_url: Option<String>,
    pub registration_url: Option<String>,
    pub organisers: Json<Vec<Organiser>>,
    pub cooperative: Option<String>,
    pub sector: Option<String>,
    pub quote: Option<String>,
    pub photo: Option<Json<Photo>>,
    pub consent_id: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A new item; translations, themes, tags and members are inserted beside
/// it. JSON columns hold the serialised documents.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = content_items)]
pub struct NewContent {
    pub item_type: ItemType,
    pub slug: Slug,
    pub kind: Option<ItemKind>,
    pub status: ContentStatus,
    pub visibility: Visibility,
    pub publish_at: NaiveDateTime,
    pub default_lang: Language,
    pub country: Option<CountryCode>,
    pub eu_funded: bool,
    pub illustrative: bool,
    pub attachments: String,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
    pub time_zone: Option<Zone>,
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
    pub lang: Language,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub body_html: String,
}

/// A translation without its body, for lists.
#[derive(Debug, Clone, Queryable)]
pub struct TranslationHead {
    pub content_id: i64,
    pub lang: Language,
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
    pub kinds: Vec<ItemKind>,
    pub theme: Option<Theme>,
    pub tag: Option<Slug>,
    pub member_slug: Option<Slug>,
    pub country: Option<CountryCode>,
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

/// The statuses under which an item is public once its time has come.
const PUBLISHABLE: [ContentStatus; 2] = [ContentStatus::Published, ContentStatus::Scheduled];

/// The visibility rule, for a row already read: what [`visible`] says in
/// SQL, said in Rust for a lookup by unique key (see [`find_visible`]).
/// `consent_standing` is whether the row's consent record exists and is not
/// withdrawn; only stories ask for it. The unit tests hold the two forms
/// against each other on every combination of status, visibility, publish
/// time, consent and audience.
pub fn shows(
    row: &ContentRow,
    audience: Audience,
    consent_standing: impl FnOnce() -> bool,
) -> bool {
    PUBLISHABLE.contains(&row.status)
        && row.publish_at <= audience.now
        && (audience.members_only || row.visibility == Visibility::Public)
        && (row.item_type != ItemType::Story || (row.consent_id.is_some() && consent_standing()))
}

/// What `audience` may see of one item type: published (or scheduled and
/// due) items, members-only ones only for members, and stories only while
/// their consent stands. [`shows`] is the same rule for one row.
pub fn visible(
    item_type: ItemType,
    audience: Audience,
) -> content_items::BoxedQuery<'static, Backend> {
    let mut query = content_items::table
        .into_boxed()
        .filter(content_items::item_type.eq(item_type))
        // `a OR b` rather than `IN (a, b)`: diesel keeps no prepared statement
        // with an IN list, and preparing was a third of a detail request.
        .filter(
            content_items::status
                .eq(PUBLISHABLE[0])
                .or(content_items::status.eq(PUBLISHABLE[1])),
        )
        .filter(content_items::publish_at.le(audience.now));
    if !audience.members_only {
        query = query.filter(content_items::visibility.eq(Visibility::Public));
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
        [kind] => query = query.filter(content_items::kind.eq(*kind)),
        kinds => query = query.filter(content_items::kind.eq_any(kinds.to_vec())),
    }
    if let Some(country) = &filter.country {
        query = query.filter(content_items::country.eq(*country));
    }
    if let Some(theme) = &filter.theme {
        query = query.filter(
            content_items::id.eq_any(
                content_themes::table
                    .filter(content_themes::theme.eq(*theme))
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
/// The rule of [`visible`], applied in Rust ([`shows`]) to the one row found
/// by its unique key: a `publish_at <= ?` range in SQL makes SQLite
/// re-prepare the statement on every call (its planner may pick another
/// index for another value), which was a quarter of a detail request's time.
pub fn find_visible(
    conn: &mut DbConnection,
    item_type: ItemType,
    slug: &Slug,
    audience: Audience,
) -> QueryResult<Option<ContentRow>> {
    let Some(row) = content_items::table
        .filter(content_items::item_type.eq(item_type))
        .filter(content_items::slug.eq(slug))
        .select(ContentRow::as_select())
        // Not `first()`: see `crate::db` on unique lookups.
        .get_result(conn)
        .optional()?
    else {
        return Ok(None);
    };
    // The consent is read only when the rest of the rule holds.
    let mut failed = None;
    let standing = || match row.consent_id.map(|id| consent_stands(conn, id)) {
        Some(Ok(standing)) => standing,
        Some(Err(e)) => {
            failed = Some(e);
            false
        }
        None => false,
    };
    let shown = shows(&row, audience, standing);
    match failed {
        Some(e) => Err(e),
        None => Ok(shown.then_some(row)),
    }
}

/// True when this consent record exists and has not been withdrawn.
fn consent_stands(conn: &mut DbConnection, consent: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        story_consents::table
            .filter(story_consents::id.eq(consent))
            .filter(story_consents::withdrawn_at.is_null()),
    ))
    .get_result(conn)
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
pub fn themes(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<(i64, Theme)>> {
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
pub fn related_members(conn: &mut DbConnection, id: i64) -> QueryResult<Vec<(Slug, String)>> {
    content_members::table
        .inner_join(members::table)
        .filter(content_members::content_id.eq(id))
        .select((members::slug, members::name))
        .order_by(members::name)
        .load(conn)
}

/// True when an item of this type has this slug, whatever its status.
pub fn slug_taken(conn: &mut DbConnection, item_type: ItemType, slug: &Slug) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        content_items::table
            .filter(content_items::item_type.eq(item_type))
            .filter(content_items::slug.eq(slug)),
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
    themes: &[Theme],
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

#[cfg(test)]
mod tests {
    //! [`visible`] (SQL, for lists) and [`shows`] through [`find_visible`]
    //! (Rust, for one row) are two spellings of one rule: they must agree on
    //! every combination of what decides visibility.
    use std::collections::BTreeSet;

    use chrono::Duration;

    use super::*;
    use crate::db::{connect, migrate};

    const STATUSES: [ContentStatus; 4] = [
        ContentStatus::Draft,
        ContentStatus::Scheduled,
        ContentStatus::Published,
        ContentStatus::Archived,
    ];

    #[derive(Debug, Clone, Copy)]
    enum Consent {
        None,
        Standing,
        Withdrawn,
    }

    fn item(
        item_type: ItemType,
        slug: Slug,
        status: ContentStatus,
        visibility: Visibility,
        publish_at: NaiveDateTime,
        consent_id: Option<i64>,
    ) -> NewContent {
        NewContent {
            item_type,
            slug,
            kind: match item_type {
                ItemType::Article => Some(ItemKind::Article(ArticleKind::News)),
                ItemType::Event => Some(ItemKind::Event(EventKind::Webinar)),
                ItemType::Story => None,
            },
            status,
            visibility,
            publish_at,
            default_lang: Language::english(),
            country: None,
            eu_funded: false,
            illustrative: false,
            attachments: "[]".into(),
            starts_at: None,
            ends_at: None,
            time_zone: None,
            venue: None,
            city: None,
            online_url: None,
            registration_url: None,
            organisers: "[]".into(),
            cooperative: None,
            sector: None,
            quote: None,
            photo: None,
            consent_id,
            created_at: publish_at,
            updated_at: publish_at,
        }
    }

    #[test]
    fn the_sql_rule_and_the_row_rule_agree_on_every_combination()
    -> Result<(), Box<dyn std::error::Error>> {
        let mut conn = connect(":memory:")?;
        migrate(&mut conn)?;
        let now = chrono::Utc::now().naive_utc();
        let mut made = Vec::new();
        for item_type in [ItemType::Article, ItemType::Story] {
            for status in STATUSES {
                for visibility in [Visibility::Public, Visibility::MembersOnly] {
                    for publish_at in [now - Duration::hours(1), now + Duration::hours(1)] {
                        for consent in [Consent::None, Consent::Standing, Consent::Withdrawn] {
                            let consent_id = match consent {
                                Consent::None => None,
                                Consent::Standing | Consent::Withdrawn => Some(insert_consent(
                                    &mut conn,
                                    &NewConsent {
                                        given_at: now,
                                        given_by: "A worker".into(),
                                        wording: "I agree.".into(),
                                    },
                                )?),
                            };
                            if let (Consent::Withdrawn, Some(id)) = (consent, consent_id) {
                                diesel::update(story_consents::table.find(id))
                                    .set(story_consents::withdrawn_at.eq(Some(now)))
                                    .execute(&mut conn)?;
                            }
                            let slug: Slug = format!("item-{}", made.len()).parse()?;
                            let new = item(
                                item_type,
                                slug.clone(),
                                status,
                                visibility,
                                publish_at,
                                consent_id,
                            );
                            insert(&mut conn, &new, &[], &[], &[], &[])?;
                            made.push((item_type, slug));
                        }
                    }
                }
            }
        }
        let mut shown_somewhere = 0;
        for members_only in [false, true] {
            let audience = Audience { now, members_only };
            for item_type in [ItemType::Article, ItemType::Story] {
                let by_sql: BTreeSet<Slug> = visible(item_type, audience)
                    .select(content_items::slug)
                    .load::<Slug>(&mut conn)?
                    .into_iter()
                    .collect();
                let mut by_row = BTreeSet::new();
                for (t, slug) in made.iter().filter(|(t, _)| *t == item_type) {
                    if let Some(row) = find_visible(&mut conn, *t, slug, audience)? {
                        by_row.insert(row.slug);
                    }
                }
                assert_eq!(
                    by_sql, by_row,
                    "{item_type} for members_only={members_only}"
                );
                shown_somewhere += by_sql.len();
            }
        }
        // Not vacuous: public articles, members-only ones for members, and
        // stories with standing consent only.
        // Articles: 2 statuses × 1 time × 3 consents = 6 public, 12 for members;
        // stories: 2 × 1 × 1 = 2 public, 4 for members.
        assert_eq!(shown_somewhere, 6 + 2 + 12 + 4);
        Ok(())
    }
}
