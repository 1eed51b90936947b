//! Full-text search over content and members behind one interface: SQLite
//! FTS5 (`unicode61 remove_diacritics 2`) on the embedded default, a
//! `tsvector` over application-folded text on PostgreSQL. Both match every
//! query word as a prefix, accent- and case-insensitively; only the ranking
//! functions differ (bm25 and ts_rank).

use cecop_shared::Language;
use chrono::NaiveDateTime;
use diesel::deserialize::FromSqlRow;
use diesel::expression::AsExpression;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Text, Timestamp};

use super::DbConnection;
use super::content::TextMatch;
use super::schema::members;
use crate::search_text as text;

/// Which kind of row a search document stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum DocType {
    Content,
    Member,
}

impl DocType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Content => "content",
            Self::Member => "member",
        }
    }
}

impl std::str::FromStr for DocType {
    type Err = &'static str;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "content" => Ok(Self::Content),
            "member" => Ok(Self::Member),
            _ => Err("must be content or member"),
        }
    }
}

impl std::fmt::Display for DocType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

cecop_shared::impl_sql_text!(DocType);

/// Languages a document may have in the SQLite index (its rowid range).
const ROWIDS_PER_DOC: i64 = 64;

/// The full-text condition for these query words on this connection.
pub fn text_match(conn: &DbConnection, tokens: &[String]) -> TextMatch {
    match conn {
        DbConnection::Sqlite(_) => TextMatch::Fts5(text::fts5_query(tokens)),
        DbConnection::Pg(_) => TextMatch::TsQuery(text::tsquery(tokens)),
    }
}

/// Replaces a document's entries (one per language: title and plain text).
pub fn index(
    conn: &mut DbConnection,
    doc_type: DocType,
    doc_id: i64,
    entries: &[(String, String, String)],
) -> QueryResult<()> {
    match conn {
        DbConnection::Sqlite(c) => {
            // FTS5 finds rows fast only by rowid: each document owns the
            // rowid range [base, base + 63], one rowid per language.
            let base = (doc_id * 2 + i64::from(doc_type == DocType::Member)) * ROWIDS_PER_DOC;
            diesel::sql_query("DELETE FROM search_index WHERE rowid BETWEEN ? AND ?")
                .bind::<BigInt, _>(base)
                .bind::<BigInt, _>(base + ROWIDS_PER_DOC - 1)
                .execute(c)?;
            for (rowid, (lang, title, body)) in
                (base..).zip(entries.iter().take(ROWIDS_PER_DOC as usize))
            {
                diesel::sql_query(
                    "INSERT INTO search_index (rowid, title, body, doc_type, doc_id, lang) \
                     VALUES (?, ?, ?, ?, ?, ?)",
                )
                .bind::<BigInt, _>(rowid)
                .bind::<Text, _>(title)
                .bind::<Text, _>(body)
                .bind::<Text, _>(doc_type.as_str())
                .bind::<BigInt, _>(doc_id)
                .bind::<Text, _>(lang)
                .execute(c)?;
            }
        }
        DbConnection::Pg(c) => {
            diesel::sql_query("DELETE FROM search_index WHERE doc_type = $1 AND doc_id = $2")
                .bind::<Text, _>(doc_type.as_str())
                .bind::<BigInt, _>(doc_id)
                .execute(c)?;
            for (lang, title, body) in entries {
                diesel::sql_query(
                    "INSERT INTO search_index \
                     (doc_type, doc_id, lang, title, body, folded_title, folded_body) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind::<Text, _>(doc_type.as_str())
                .bind::<BigInt, _>(doc_id)
                .bind::<Text, _>(lang)
                .bind::<Text, _>(title)
                .bind::<Text, _>(body)
                .bind::<Text, _>(text::fold(title))
                .bind::<Text, _>(text::fold(body))
                .execute(c)?;
            }
        }
    }
    Ok(())
}

/// Re-indexes every member organisation (name, acronym and description, in
/// English). Cheap at the scale of a confederation, so it runs at every
/// start; a profile change re-indexes its own member ([`reindex_member`]).
pub fn reindex_members(conn: &mut DbConnection) -> QueryResult<()> {
    let rows = members::table.select(MemberText::as_select()).load(conn)?;
    super::write(conn, |conn| index_members(conn, rows))
}

/// Re-indexes one member organisation, by slug, in the caller's transaction.
pub fn reindex_member(conn: &mut DbConnection, slug: &str) -> QueryResult<()> {
    let rows = members::table
        .filter(members::slug.eq(slug))
        .select(MemberText::as_select())
        .load(conn)?;
    index_members(conn, rows)
}

/// What the index holds of a member.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = members)]
struct MemberText {
    id: i64,
    name: String,
    acronym: Option<String>,
    description: String,
}

fn index_members(conn: &mut DbConnection, rows: Vec<MemberText>) -> QueryResult<()> {
    for member in rows {
        let title = match member.acronym {
            Some(acronym) => format!("{} ({acronym})", member.name),
            None => member.name,
        };
        index(
            conn,
            DocType::Member,
            member.id,
            &[("en".to_owned(), title, member.description)],
        )?;
    }
    Ok(())
}

/// One matching document in one language.
#[derive(Debug, Clone, QueryableByName)]
pub struct Hit {
    #[diesel(sql_type = Text)]
    pub doc_type: DocType,
    #[diesel(sql_type = BigInt)]
    pub doc_id: i64,
    #[diesel(sql_type = Text)]
    pub lang: Language,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Text)]
    pub body: String,
}

/// The public-ness test of a hit, shared by both dialects' queries: active
/// members, and content the audience may see (see `content::visible`).
const VISIBLE: &str = "(
    (doc_type = 'member' AND EXISTS (
        SELECT 1 FROM members m WHERE m.id = doc_id AND m.status = 'active'))
    OR (doc_type = 'content' AND EXISTS (
        SELECT 1 FROM content_items c WHERE c.id = doc_id
        AND c.status IN ('published', 'scheduled')
        AND c.publish_at <= {now}
        AND (c.visibility = 'public' OR {members_only})
        AND (c.item_type <> 'story' OR EXISTS (
            SELECT 1 FROM story_consents k
            WHERE k.id = c.consent_id AND k.withdrawn_at IS NULL)))))";

/// Matching documents the audience may see, best first, at most `limit`
/// rows (a document matching in several languages has several rows).
pub fn search(
    conn: &mut DbConnection,
    tokens: &[String],
    now: NaiveDateTime,
    members_only: bool,
    limit: i64,
) -> QueryResult<Vec<Hit>> {
    match conn {
        DbConnection::Sqlite(c) => {
            let sql = format!(
                "SELECT doc_type, CAST(doc_id AS BIGINT) AS doc_id, lang, title, body \
                 FROM search_index WHERE search_index MATCH ? AND {} \
                 ORDER BY bm25(search_index, 10.0, 1.0) LIMIT ?",
                VISIBLE.replace("{now}", "?").replace("{members_only}", "?")
            );
            diesel::sql_query(sql)
                .bind::<Text, _>(text::fts5_query(tokens))
                .bind::<Timestamp, _>(now)
                .bind::<Bool, _>(members_only)
                .bind::<BigInt, _>(limit)
                .load(c)
        }
        DbConnection::Pg(c) => {
            let sql = format!(
                "SELECT doc_type, doc_id, lang, title, body \
                 FROM search_index, to_tsquery('simple', $1) query \
                 WHERE document @@ query AND {} \
                 ORDER BY ts_rank(document, query) DESC, id LIMIT $4",
                VISIBLE
                    .replace("{now}", "$2")
                    .replace("{members_only}", "$3")
            );
            diesel::sql_query(sql)
                .bind::<Text, _>(text::tsquery(tokens))
                .bind::<Timestamp, _>(now)
                .bind::<Bool, _>(members_only)
                .bind::<BigInt, _>(limit)
                .load(c)
        }
    }
}
