//! The back office's queries: items of any status by id, the staff list,
//! saves guarded by the version they were read at, revisions, and the
//! slugs that redirect.

use std::collections::HashMap;

use cecop_shared::{ContentStatus, SaveAction, Slug, Theme};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::kinds::ItemType;
use super::list::{ContentFilter, narrowed};
use super::rows::{ContentRow, ItemFields, Translation};
use crate::db::schema::{
    content_items, content_members, content_redirects, content_revisions, content_tags,
    content_themes, content_translations, users,
};
use crate::db::types::{Json, Zone};
use crate::db::{Backend, DbConnection};

/// The item of this type with this id, whatever its status.
pub fn find(
    conn: &mut DbConnection,
    item_type: ItemType,
    id: i64,
) -> QueryResult<Option<ContentRow>> {
    content_items::table
        .filter(content_items::id.eq(id))
        .filter(content_items::item_type.eq(item_type))
        .select(ContentRow::as_select())
        .get_result(conn)
        .optional()
}

/// Statuses as editors see them: a scheduled item whose time has come is
/// published.
fn with_status(
    mut query: content_items::BoxedQuery<'static, Backend>,
    status: Option<ContentStatus>,
    now: NaiveDateTime,
) -> content_items::BoxedQuery<'static, Backend> {
    use ContentStatus::{Archived, Draft, Published, Scheduled};
    match status {
        None => {}
        Some(Draft) => query = query.filter(content_items::status.eq(Draft)),
        Some(Archived) => query = query.filter(content_items::status.eq(Archived)),
        Some(Published) => {
            query = query.filter(
                content_items::status.eq(Published).or(content_items::status
                    .eq(Scheduled)
                    .and(content_items::publish_at.le(now))),
            );
        }
        Some(Scheduled) => {
            query = query
                .filter(content_items::status.eq(Scheduled))
                .filter(content_items::publish_at.gt(now));
        }
    }
    query
}

fn staff_query(
    filter: &ContentFilter,
    status: Option<ContentStatus>,
    now: NaiveDateTime,
) -> content_items::BoxedQuery<'static, Backend> {
    let all = content_items::table
        .into_boxed()
        .filter(content_items::item_type.eq(filter.item_type));
    with_status(narrowed(all, filter, now), status, now)
}

/// How many items of every status match, for the back office.
pub fn staff_count(
    conn: &mut DbConnection,
    filter: &ContentFilter,
    status: Option<ContentStatus>,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    staff_query(filter, status, now).count().get_result(conn)
}

/// One page of items of every status, last changed first.
pub fn staff_page(
    conn: &mut DbConnection,
    filter: &ContentFilter,
    status: Option<ContentStatus>,
    now: NaiveDateTime,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<ContentRow>> {
    staff_query(filter, status, now)
        .select(ContentRow::as_select())
        .order_by((content_items::updated_at.desc(), content_items::id.desc()))
        .offset(offset)
        .limit(limit)
        .load(conn)
}

/// (language, version written) of each translation of these items.
pub fn written_versions(
    conn: &mut DbConnection,
    ids: &[i64],
) -> QueryResult<Vec<(i64, cecop_shared::Language, i64)>> {
    content_translations::table
        .filter(content_translations::content_id.eq_any(ids.to_vec()))
        .select((
            content_translations::content_id,
            content_translations::lang,
            content_translations::written_version,
        ))
        .order_by((content_translations::content_id, content_translations::lang))
        .load(conn)
}

/// Display names of these users.
pub fn names(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<HashMap<i64, String>> {
    let rows: Vec<(i64, String)> = users::table
        .filter(users::id.eq_any(ids.to_vec()))
        .select((users::id, users::display_name))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// Who saved, when, as which version, and how the default language's text
/// stands: the bookkeeping of one save.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = content_items)]
pub struct Stamp {
    pub version: i64,
    pub source_version: i64,
    pub updated_at: NaiveDateTime,
    pub updated_by: Option<i64>,
}

/// Writes an item's fields over the version `expected`; false when that is
/// no longer its version (another save got there first: nothing written).
pub fn update_fields(
    conn: &mut DbConnection,
    id: i64,
    expected: i64,
    fields: &ItemFields,
    stamp: &Stamp,
) -> QueryResult<bool> {
    let n = diesel::update(
        content_items::table
            .filter(content_items::id.eq(id))
            .filter(content_items::version.eq(expected)),
    )
    .set((fields, stamp))
    .execute(conn)?;
    Ok(n == 1)
}

/// A status change, as written.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = content_items, treat_none_as_null = true)]
pub struct StatusChange {
    pub status: ContentStatus,
    pub publish_at: NaiveDateTime,
    pub publish_zone: Option<Zone>,
    pub first_published_at: Option<NaiveDateTime>,
}

/// Changes an item's status over the version `expected`; false when that
/// is no longer its version.
pub fn update_status(
    conn: &mut DbConnection,
    id: i64,
    expected: i64,
    change: &StatusChange,
    stamp: &Stamp,
) -> QueryResult<bool> {
    let n = diesel::update(
        content_items::table
            .filter(content_items::id.eq(id))
            .filter(content_items::version.eq(expected)),
    )
    .set((change, stamp))
    .execute(conn)?;
    Ok(n == 1)
}

/// Replaces an item's translations, themes, tags and related members.
pub fn replace_children(
    conn: &mut DbConnection,
    id: i64,
    translations: &[Translation],
    themes: &[Theme],
    tags: &[String],
    member_ids: &[i64],
) -> QueryResult<()> {
    diesel::delete(content_translations::table.filter(content_translations::content_id.eq(id)))
        .execute(conn)?;
    diesel::delete(content_themes::table.filter(content_themes::content_id.eq(id)))
        .execute(conn)?;
    diesel::delete(content_tags::table.filter(content_tags::content_id.eq(id))).execute(conn)?;
    diesel::delete(content_members::table.filter(content_members::content_id.eq(id)))
        .execute(conn)?;
    super::write::insert_children(conn, id, translations, themes, tags, member_ids)
}

/// Deletes an item with everything that belongs to it.
pub fn delete(conn: &mut DbConnection, id: i64, expected: i64) -> QueryResult<bool> {
    let n = diesel::delete(
        content_items::table
            .filter(content_items::id.eq(id))
            .filter(content_items::version.eq(expected)),
    )
    .execute(conn)?;
    Ok(n == 1)
}

/// A revision as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = content_revisions)]
pub struct RevisionRow {
    pub content_id: i64,
    pub number: i64,
    pub action: SaveAction,
    pub status: ContentStatus,
    pub saved_by: Option<i64>,
    pub saved_at: NaiveDateTime,
    pub document: Json<cecop_shared::ItemDocument>,
    pub changed: Json<Vec<String>>,
}

/// A revision to store; JSON columns hold the serialised values.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = content_revisions)]
pub struct NewRevision {
    pub content_id: i64,
    pub number: i64,
    pub action: SaveAction,
    pub status: ContentStatus,
    pub saved_by: Option<i64>,
    pub saved_at: NaiveDateTime,
    pub document: String,
    pub changed: String,
}

pub fn insert_revision(conn: &mut DbConnection, revision: &NewRevision) -> QueryResult<()> {
    diesel::insert_into(content_revisions::table)
        .values(revision)
        .execute(conn)
        .map(|_| ())
}

/// True when the item has any revision (imported content has none until
/// its first save).
pub fn has_revisions(conn: &mut DbConnection, id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        content_revisions::table.filter(content_revisions::content_id.eq(id)),
    ))
    .get_result(conn)
}

/// Who created each of the items `ids` in the back office (the saver of
/// its `created` revision); imported items have none.
pub fn creators(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<HashMap<i64, i64>> {
    let rows: Vec<(i64, Option<i64>)> = content_revisions::table
        .filter(content_revisions::content_id.eq_any(ids.to_vec()))
        .filter(content_revisions::action.eq(SaveAction::Created))
        .select((content_revisions::content_id, content_revisions::saved_by))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, by)| Some((id, by?)))
        .collect())
}

/// Every revision of an item, newest first.
pub fn revisions(conn: &mut DbConnection, id: i64) -> QueryResult<Vec<RevisionRow>> {
    content_revisions::table
        .filter(content_revisions::content_id.eq(id))
        .select(RevisionRow::as_select())
        .order_by(content_revisions::number.desc())
        .load(conn)
}

/// One revision of an item.
pub fn revision(conn: &mut DbConnection, id: i64, number: i64) -> QueryResult<Option<RevisionRow>> {
    content_revisions::table
        .filter(content_revisions::content_id.eq(id))
        .filter(content_revisions::number.eq(number))
        .select(RevisionRow::as_select())
        .get_result(conn)
        .optional()
}

/// The current slug of the item an old slug of this type now points at.
pub fn redirect(
    conn: &mut DbConnection,
    item_type: ItemType,
    old: &Slug,
) -> QueryResult<Option<Slug>> {
    content_redirects::table
        .inner_join(content_items::table)
        .filter(content_redirects::item_type.eq(item_type))
        .filter(content_redirects::old_slug.eq(old))
        .select(content_items::slug)
        .get_result(conn)
        .optional()
}

/// Makes `old` lead to item `id`.
pub fn add_redirect(
    conn: &mut DbConnection,
    item_type: ItemType,
    old: &Slug,
    id: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    drop_redirect(conn, item_type, old)?;
    diesel::insert_into(content_redirects::table)
        .values((
            content_redirects::item_type.eq(item_type),
            content_redirects::old_slug.eq(old),
            content_redirects::content_id.eq(id),
            content_redirects::created_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Frees a slug from any redirect (an item takes it as its own).
pub fn drop_redirect(conn: &mut DbConnection, item_type: ItemType, slug: &Slug) -> QueryResult<()> {
    diesel::delete(
        content_redirects::table
            .filter(content_redirects::item_type.eq(item_type))
            .filter(content_redirects::old_slug.eq(slug)),
    )
    .execute(conn)
    .map(|_| ())
}
