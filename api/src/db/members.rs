//! Queries over member organisations: the directory, one profile, the
//! headline figures, and inserting the demo dataset.

use diesel::dsl::{count, count_star, sql};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Text};

use super::schema::members;
use super::{Backend, DbConnection};

diesel::define_sql_function!(fn lower(x: Text) -> Text);
diesel::define_sql_function!(#[sql_name = "lower"] fn lower_opt(x: Nullable<Text>) -> Nullable<Text>);

/// A member as stored. Enum-like columns are text; the handler layer parses
/// them into `cecop_shared` types.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = members)]
pub struct MemberRow {
    pub slug: String,
    pub name: String,
    pub acronym: Option<String>,
    pub country: String,
    pub kind: String,
    pub membership: Option<String>,
    pub status: String,
    pub joined_year: Option<i32>,
    pub website: Option<String>,
    pub description: String,
    pub sectors: String,
    pub illustrative: bool,
    pub source_url: Option<String>,
    pub figures_year: Option<i32>,
    pub cooperatives: Option<i64>,
    pub workers: Option<i64>,
    pub worker_members: Option<i64>,
    pub turnover_eur: Option<i64>,
    pub figures_provenance: Option<String>,
    pub figures_note: Option<String>,
    pub public_contact: Option<String>,
    pub network_contact: Option<String>,
}

/// A new member row.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = members)]
pub struct NewMember {
    pub slug: String,
    pub name: String,
    pub acronym: Option<String>,
    pub country: String,
    pub kind: String,
    pub membership: Option<String>,
    pub status: String,
    pub joined_year: Option<i32>,
    pub website: Option<String>,
    pub description: String,
    pub sectors: String,
    pub illustrative: bool,
    pub source_url: Option<String>,
    pub figures_year: Option<i32>,
    pub cooperatives: Option<i64>,
    pub workers: Option<i64>,
    pub worker_members: Option<i64>,
    pub turnover_eur: Option<i64>,
    pub figures_provenance: Option<String>,
    pub figures_note: Option<String>,
    pub network_contact: Option<String>,
}

/// Directory filters, already validated.
#[derive(Debug, Clone, Default)]
pub struct MemberFilter {
    pub country: Option<String>,
    pub kind: Option<String>,
    /// Statuses to include; empty means all.
    pub statuses: Vec<String>,
    /// Case-insensitive text matched against name and acronym.
    pub text: Option<String>,
}

const ACTIVE: &str = "active";

/// Escapes `%`, `_` and the escape character itself for a LIKE pattern.
pub fn like_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

fn filtered(filter: &MemberFilter) -> members::BoxedQuery<'static, Backend> {
    let mut query = members::table.into_boxed();
    if !filter.statuses.is_empty() {
        query = query.filter(members::status.eq_any(filter.statuses.clone()));
    }
    if let Some(country) = &filter.country {
        query = query.filter(members::country.eq(country.clone()));
    }
    if let Some(kind) = &filter.kind {
        query = query.filter(members::kind.eq(kind.clone()));
    }
    if let Some(text) = &filter.text {
        let pattern = like_pattern(text);
        query = query.filter(
            lower(members::name)
                .like(pattern.clone())
                .escape('\\')
                .nullable()
                .or(lower_opt(members::acronym).like(pattern).escape('\\')),
        );
    }
    query
}

/// One page of the directory, ordered by name (then slug, so ties are stable),
/// with the number of matches on all pages.
pub fn list(
    conn: &mut DbConnection,
    filter: &MemberFilter,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<MemberRow>, i64)> {
    conn.transaction(|conn| {
        let total = filtered(filter).count().get_result(conn)?;
        let rows = filtered(filter)
            .select(MemberRow::as_select())
            .order_by((members::name.asc(), members::slug.asc()))
            .offset(offset)
            .limit(limit)
            .load(conn)?;
        Ok((rows, total))
    })
}

/// The member with this slug, whatever its status.
pub fn find_by_slug(conn: &mut DbConnection, slug: &str) -> QueryResult<Option<MemberRow>> {
    members::table
        .filter(members::slug.eq(slug))
        .select(MemberRow::as_select())
        .first(conn)
        .optional()
}

/// Aggregates over the active members, read in one transaction so the
/// figures are consistent with each other.
#[derive(Debug, Clone, PartialEq)]
pub struct OverviewRow {
    pub member_count: i64,
    pub country_count: i64,
    pub enterprise_count: i64,
    pub worker_count: i64,
    pub worker_member_count: i64,
    pub members_with_figures: i64,
    pub members_with_illustrative_figures: i64,
    /// (country, active members), most members first.
    pub countries: Vec<(String, i64)>,
}

/// `SUM` over a BIGINT is NUMERIC on PostgreSQL and INTEGER on SQLite; the
/// cast gives both backends one result type.
fn sum_of(column: &'static str) -> diesel::expression::SqlLiteral<BigInt> {
    sql::<BigInt>(&format!("CAST(COALESCE(SUM({column}), 0) AS BIGINT)"))
}

pub fn overview(conn: &mut DbConnection) -> QueryResult<OverviewRow> {
    conn.transaction(|conn| {
        let active = || members::table.filter(members::status.eq(ACTIVE));
        let member_count = active().count().get_result(conn)?;
        let country_count = active()
            .select(count(members::country).aggregate_distinct())
            .get_result(conn)?;
        let (enterprise_count, worker_count, worker_member_count) = active()
            .select((
                sum_of("cooperatives"),
                sum_of("workers"),
                sum_of("worker_members"),
            ))
            .get_result(conn)?;
        let members_with_figures = active()
            .filter(members::figures_provenance.is_not_null())
            .count()
            .get_result(conn)?;
        let members_with_illustrative_figures = active()
            .filter(members::figures_provenance.eq("illustrative"))
            .count()
            .get_result(conn)?;
        let countries = active()
            .group_by(members::country)
            .select((members::country, count_star()))
            .order_by((count_star().desc(), members::country.asc()))
            .load(conn)?;
        Ok(OverviewRow {
            member_count,
            country_count,
            enterprise_count,
            worker_count,
            worker_member_count,
            members_with_figures,
            members_with_illustrative_figures,
            countries,
        })
    })
}

/// The id of the member with this slug.
pub fn id_by_slug(conn: &mut DbConnection, slug: &str) -> QueryResult<Option<i64>> {
    members::table
        .filter(members::slug.eq(slug))
        .select(members::id)
        .first(conn)
        .optional()
}

/// The fields a member organisation edits itself.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = members, treat_none_as_null = true)]
pub struct ProfileChanges {
    pub description: String,
    pub website: Option<String>,
    pub public_contact: Option<String>,
    pub updated_at: chrono::NaiveDateTime,
}

pub fn update_profile(
    conn: &mut DbConnection,
    slug: &str,
    changes: &ProfileChanges,
) -> QueryResult<usize> {
    diesel::update(members::table.filter(members::slug.eq(slug)))
        .set(changes)
        .execute(conn)
}

/// Slugs of the members with these ids.
pub fn slugs_by_ids(
    conn: &mut DbConnection,
    ids: &[i64],
) -> QueryResult<std::collections::HashMap<i64, String>> {
    let rows: Vec<(i64, String)> = members::table
        .filter(members::id.eq_any(ids.to_vec()))
        .select((members::id, members::slug))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// How many members exist, whatever their status.
pub fn count_all(conn: &mut DbConnection) -> QueryResult<i64> {
    members::table.count().get_result(conn)
}

/// True when a member with this slug exists.
pub fn slug_exists(conn: &mut DbConnection, slug: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        members::table.filter(members::slug.eq(slug)),
    ))
    .get_result(conn)
}

/// Inserts one member. (Multi-row inserts do not compile through a
/// `MultiConnection`; callers loop inside a transaction.)
pub fn insert(conn: &mut DbConnection, member: &NewMember) -> QueryResult<usize> {
    diesel::insert_into(members::table)
        .values(member)
        .execute(conn)
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn like_patterns_escape_wildcards_and_ignore_case() {
        assert_eq!(like_pattern("Co_op 100%"), "%co\\_op 100\\%%");
    }
}
