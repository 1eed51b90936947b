//! Queries over published content: articles, events and stories share one
//! table (`content_items`) with their translations, themes, tags and related
//! members beside it. Every public read goes through [`visible`], the one
//! definition of what an audience may see.

use cecop_shared::{ContentStatus, Slug, Theme, Visibility};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Timestamp};

use crate::db::schema::{
    content_items, content_members, content_tags, content_themes, content_translations, members,
    story_consents,
};
use crate::db::{Backend, DbConnection};

pub mod editorial;
mod kinds;
mod list;
pub mod previews;
mod rows;
#[cfg(test)]
mod tests;
mod write;

pub use kinds::{ItemKind, ItemType};
pub use list::{ContentFilter, Order, TextMatch, count, page};
pub use rows::{ContentRow, ItemFields, NewConsent, NewContent, Translation, TranslationHead};
pub use write::{insert, insert_consent};

/// Who is reading, and when: the two things that decide what is public.
#[derive(Debug, Clone, Copy)]
pub struct Audience {
    pub now: NaiveDateTime,
    /// Signed-in users and `members:read` tokens also see members-only items.
    pub members_only: bool,
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
