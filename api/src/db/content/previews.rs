//! Shareable preview links: a token's hash, the item it opens, until when.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::rows::ContentRow;
use crate::db::DbConnection;
use crate::db::schema::{content_items, preview_links};

/// A preview link as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = preview_links)]
pub struct PreviewLinkRow {
    pub id: i64,
    pub content_id: i64,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub revoked_at: Option<NaiveDateTime>,
}

impl PreviewLinkRow {
    pub fn active(&self, now: NaiveDateTime) -> bool {
        self.revoked_at.is_none() && self.expires_at > now
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = preview_links)]
pub struct NewPreviewLink {
    pub token_hash: String,
    pub content_id: i64,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, link: &NewPreviewLink) -> QueryResult<PreviewLinkRow> {
    let id: i64 = diesel::insert_into(preview_links::table)
        .values(link)
        .returning(preview_links::id)
        .get_result(conn)?;
    Ok(PreviewLinkRow {
        id,
        content_id: link.content_id,
        created_by: link.created_by,
        created_at: link.created_at,
        expires_at: link.expires_at,
        revoked_at: None,
    })
}

/// An item's links, newest first.
pub fn of_item(conn: &mut DbConnection, content_id: i64) -> QueryResult<Vec<PreviewLinkRow>> {
    preview_links::table
        .filter(preview_links::content_id.eq(content_id))
        .select(PreviewLinkRow::as_select())
        .order_by(preview_links::id.desc())
        .load(conn)
}

/// Revokes one of an item's links; false when it has no such link or it
/// was revoked already.
pub fn revoke(
    conn: &mut DbConnection,
    content_id: i64,
    id: i64,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        preview_links::table
            .filter(preview_links::id.eq(id))
            .filter(preview_links::content_id.eq(content_id))
            .filter(preview_links::revoked_at.is_null()),
    )
    .set(preview_links::revoked_at.eq(now))
    .execute(conn)?;
    Ok(n == 1)
}

/// The item a token opens now: unrevoked, unexpired.
pub fn open(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<ContentRow>> {
    preview_links::table
        .inner_join(content_items::table)
        .filter(preview_links::token_hash.eq(token_hash))
        .filter(preview_links::revoked_at.is_null())
        .filter(preview_links::expires_at.gt(now))
        .select(ContentRow::as_select())
        .get_result(conn)
        .optional()
}
