//! The media library's records: one per upload, pointing at a stored file
//! by its SHA-256, with alt texts per language.

use std::collections::{BTreeMap, HashMap};

use cecop_shared::{Language, MediaKind, Visibility};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{content_items, content_translations, media, media_alts, members, users};

/// A media record as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = media)]
pub struct MediaRow {
    pub id: i64,
    pub sha256: String,
    pub kind: MediaKind,
    pub content_type: String,
    pub size: i64,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub colour: Option<String>,
    pub variants: String,
    pub variant_format: Option<String>,
    pub file_name: String,
    pub title: String,
    pub credit: Option<String>,
    pub licence: Option<String>,
    pub visibility: Visibility,
    pub member_id: Option<i64>,
    pub uploaded_by: Option<i64>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl MediaRow {
    /// The widths an image is served in, narrowest first.
    pub fn widths(&self) -> Vec<u32> {
        self.variants
            .split(',')
            .filter_map(|w| w.parse().ok())
            .collect()
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = media)]
pub struct NewMedia {
    pub sha256: String,
    pub kind: MediaKind,
    pub content_type: String,
    pub size: i64,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub colour: Option<String>,
    pub variants: String,
    pub variant_format: Option<String>,
    pub file_name: String,
    pub title: String,
    pub visibility: Visibility,
    pub member_id: Option<i64>,
    pub uploaded_by: Option<i64>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Metadata as an edit leaves it.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = media, treat_none_as_null = true)]
pub struct MediaChanges {
    pub title: String,
    pub credit: Option<String>,
    pub licence: Option<String>,
    pub visibility: Visibility,
    pub version: i64,
    pub updated_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, new: &NewMedia) -> QueryResult<i64> {
    diesel::insert_into(media::table)
        .values(new)
        .returning(media::id)
        .get_result(conn)
}

pub fn find(conn: &mut DbConnection, id: i64) -> QueryResult<Option<MediaRow>> {
    media::table
        .find(id)
        .select(MediaRow::as_select())
        .first(conn)
        .optional()
}

/// Another record of the same stored file, whose sizes it shares.
pub fn same_file(conn: &mut DbConnection, sha256: &str) -> QueryResult<Option<MediaRow>> {
    media::table
        .filter(media::sha256.eq(sha256))
        .select(MediaRow::as_select())
        .order_by(media::id.asc())
        .first(conn)
        .optional()
}

/// Every record of a stored file, for serving it: public when one of them
/// is, and only to members when all are members-only.
pub fn of_file(conn: &mut DbConnection, sha256: &str) -> QueryResult<Vec<MediaRow>> {
    media::table
        .filter(media::sha256.eq(sha256))
        .select(MediaRow::as_select())
        .load(conn)
}

/// Whether any record still names a stored file.
pub fn file_named(conn: &mut DbConnection, sha256: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        media::table.filter(media::sha256.eq(sha256)),
    ))
    .get_result(conn)
}

/// The stored files records name: what the collector keeps.
pub fn named_files(conn: &mut DbConnection) -> QueryResult<Vec<String>> {
    media::table.select(media::sha256).distinct().load(conn)
}

/// One page of the library, newest first: `kind`, words in the title or
/// file name, and (for a member) only their organisation's files.
#[derive(Debug, Clone, Default)]
pub struct MediaFilter {
    pub kind: Option<MediaKind>,
    pub q: Option<String>,
    pub member_id: Option<i64>,
}

pub fn page(
    conn: &mut DbConnection,
    filter: &MediaFilter,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<MediaRow>, i64)> {
    let query = || {
        let mut query = media::table.into_boxed();
        if let Some(kind) = filter.kind {
            query = query.filter(media::kind.eq(kind));
        }
        if let Some(member) = filter.member_id {
            query = query.filter(media::member_id.eq(member));
        }
        if let Some(q) = &filter.q {
            let pattern = format!("%{}%", escape_like(&q.to_lowercase()));
            query = query.filter(
                diesel::dsl::sql::<diesel::sql_types::Bool>("(LOWER(media.title) LIKE ")
                    .bind::<diesel::sql_types::Text, _>(pattern.clone())
                    .sql(" ESCAPE '\\' OR LOWER(media.file_name) LIKE ")
                    .bind::<diesel::sql_types::Text, _>(pattern)
                    .sql(" ESCAPE '\\')"),
            );
        }
        query
    };
    let total = query().count().get_result(conn)?;
    let rows = query()
        .select(MediaRow::as_select())
        .order_by(media::id.desc())
        .offset(offset)
        .limit(limit)
        .load(conn)?;
    Ok((rows, total))
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// Alt texts of the records `ids`.
pub fn alts(
    conn: &mut DbConnection,
    ids: &[i64],
) -> QueryResult<HashMap<i64, BTreeMap<Language, String>>> {
    let rows: Vec<(i64, Language, String)> = media_alts::table
        .filter(media_alts::media_id.eq_any(ids.to_vec()))
        .select((media_alts::media_id, media_alts::lang, media_alts::alt))
        .load(conn)?;
    let mut out: HashMap<i64, BTreeMap<Language, String>> = HashMap::new();
    for (id, lang, alt) in rows {
        out.entry(id).or_default().insert(lang, alt);
    }
    Ok(out)
}

/// Replaces a record's alt texts.
pub fn set_alts(
    conn: &mut DbConnection,
    id: i64,
    alts: &BTreeMap<Language, String>,
) -> QueryResult<()> {
    diesel::delete(media_alts::table.filter(media_alts::media_id.eq(id))).execute(conn)?;
    for (lang, alt) in alts {
        diesel::insert_into(media_alts::table)
            .values((
                media_alts::media_id.eq(id),
                media_alts::lang.eq(lang),
                media_alts::alt.eq(alt),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Writes metadata over the version `expected`; false when that is no
/// longer the record's version (someone saved first: nothing written).
pub fn update(
    conn: &mut DbConnection,
    id: i64,
    expected: i64,
    changes: &MediaChanges,
) -> QueryResult<bool> {
    let n = diesel::update(
        media::table
            .filter(media::id.eq(id))
            .filter(media::version.eq(expected)),
    )
    .set(changes)
    .execute(conn)?;
    Ok(n == 1)
}

/// Deletes a record at the version `expected`; false when it moved on.
pub fn delete(conn: &mut DbConnection, id: i64, expected: i64) -> QueryResult<bool> {
    let n = diesel::delete(
        media::table
            .filter(media::id.eq(id))
            .filter(media::version.eq(expected)),
    )
    .execute(conn)?;
    Ok(n == 1)
}

/// Display names of users, and slugs of member organisations.
pub fn names(
    conn: &mut DbConnection,
    user_ids: &[i64],
    member_ids: &[i64],
) -> QueryResult<(HashMap<i64, String>, HashMap<i64, cecop_shared::Slug>)> {
    let users: Vec<(i64, String)> = users::table
        .filter(users::id.eq_any(user_ids.to_vec()))
        .select((users::id, users::display_name))
        .load(conn)?;
    let orgs: Vec<(i64, cecop_shared::Slug)> = members::table
        .filter(members::id.eq_any(member_ids.to_vec()))
        .select((members::id, members::slug))
        .load(conn)?;
    Ok((users.into_iter().collect(), orgs.into_iter().collect()))
}

/// Where `reference` (`media:{id}`) stands in content as it is now: in an
/// item's attachments or photo (JSON text holding `"media:{id}"`), or in a
/// body as a Markdown image's address (`(media:{id})` or `(media:{id} "…")`).
pub fn uses(
    conn: &mut DbConnection,
    reference: &str,
) -> QueryResult<
    Vec<(
        crate::db::content::ItemType,
        i64,
        cecop_shared::Slug,
        &'static str,
    )>,
> {
    let quoted = format!("%\"{}\"%", escape_like(reference));
    let attached: Vec<(crate::db::content::ItemType, i64, cecop_shared::Slug)> =
        content_items::table
            .filter(
                diesel::dsl::sql::<diesel::sql_types::Bool>("content_items.attachments LIKE ")
                    .bind::<diesel::sql_types::Text, _>(quoted.clone())
                    .sql(" ESCAPE '\\'"),
            )
            .select((
                content_items::item_type,
                content_items::id,
                content_items::slug,
            ))
            .load(conn)?;
    let photo: Vec<(crate::db::content::ItemType, i64, cecop_shared::Slug)> = content_items::table
        .filter(
            diesel::dsl::sql::<diesel::sql_types::Bool>("content_items.photo LIKE ")
                .bind::<diesel::sql_types::Text, _>(quoted)
                .sql(" ESCAPE '\\'"),
        )
        .select((
            content_items::item_type,
            content_items::id,
            content_items::slug,
        ))
        .load(conn)?;
    let closed = format!("%({})%", escape_like(reference));
    let titled = format!("%({} %", escape_like(reference));
    let bodies: Vec<(crate::db::content::ItemType, i64, cecop_shared::Slug)> = content_items::table
        .inner_join(content_translations::table)
        .filter(
            diesel::dsl::sql::<diesel::sql_types::Bool>("(content_translations.body LIKE ")
                .bind::<diesel::sql_types::Text, _>(closed)
                .sql(" ESCAPE '\\' OR content_translations.body LIKE ")
                .bind::<diesel::sql_types::Text, _>(titled)
                .sql(" ESCAPE '\\')"),
        )
        .select((
            content_items::item_type,
            content_items::id,
            content_items::slug,
        ))
        .distinct()
        .load(conn)?;
    let mut out = Vec::new();
    for (rows, role) in [(attached, "attachment"), (photo, "photo"), (bodies, "body")] {
        out.extend(rows.into_iter().map(|(t, id, slug)| (t, id, slug, role)));
    }
    Ok(out)
}
