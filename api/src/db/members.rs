//! Queries over member organisations: the directory, one profile, the
//! headline figures, and inserting the demo dataset.

use std::collections::HashMap;

use cecop_shared::{CountryCode, FigureProvenance, MemberKind, MemberStatus, MembershipTier, Slug};
use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text};

use super::schema::members;
use super::types::Json;
use super::{Backend, DbConnection};

diesel::define_sql_function!(fn lower(x: Text) -> Text);
diesel::define_sql_function!(#[sql_name = "lower"] fn lower_opt(x: Nullable<Text>) -> Nullable<Text>);

/// A member as stored, decoded into domain types (see `db::types`).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = members)]
pub struct MemberRow {
    pub id: i64,
    pub slug: Slug,
    pub name: String,
    pub acronym: Option<String>,
    pub country: CountryCode,
    pub kind: MemberKind,
    pub membership: Option<MembershipTier>,
    pub status: MemberStatus,
    pub joined_year: Option<i32>,
    pub website: Option<String>,
    pub description: String,
    pub sectors: Json<Vec<String>>,
    pub illustrative: bool,
    pub source_url: Option<String>,
    pub figures_year: Option<i32>,
    pub cooperatives: Option<i64>,
    pub workers: Option<i64>,
    pub worker_members: Option<i64>,
    pub turnover_eur: Option<i64>,
    pub figures_provenance: Option<FigureProvenance>,
    pub figures_note: Option<String>,
    pub public_contact: Option<String>,
    pub network_contact: Option<String>,
    pub updated_at: chrono::NaiveDateTime,
}

/// A new member row.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = members)]
pub struct NewMember {
    pub slug: Slug,
    #[diesel(embed)]
    pub fields: MemberFields,
}

/// Every column of a member but its slug and timestamps, as inserted and
/// as admins update it: `None` clears a column.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = members, treat_none_as_null = true)]
pub struct MemberFields {
    pub name: String,
    pub acronym: Option<String>,
    pub country: CountryCode,
    pub kind: MemberKind,
    pub membership: Option<MembershipTier>,
    pub status: MemberStatus,
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
    pub figures_provenance: Option<FigureProvenance>,
    pub figures_note: Option<String>,
    pub public_contact: Option<String>,
    pub network_contact: Option<String>,
}

/// Directory filters, already validated.
#[derive(Debug, Clone, Default)]
pub struct MemberFilter {
    pub country: Option<CountryCode>,
    pub kind: Option<MemberKind>,
    /// Statuses to include; empty means all.
    pub statuses: Vec<MemberStatus>,
    /// Case-insensitive text matched against name and acronym.
    pub text: Option<String>,
}

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
        query = query.filter(members::country.eq(*country));
    }
    if let Some(kind) = &filter.kind {
        query = query.filter(members::kind.eq(*kind));
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
        .get_result(conn)
        .optional()
}

/// Aggregates over the active members, read in one transaction so the
/// figures are consistent with each other. Each member counts with its
/// latest approved return of a published campaign, else with the figures
/// declared on its profile.
#[derive(Debug, Clone, PartialEq)]
pub struct OverviewRow {
    pub member_count: i64,
    pub country_count: i64,
    pub enterprise_count: i64,
    pub worker_count: i64,
    pub worker_member_count: i64,
    pub members_with_figures: i64,
    pub members_with_illustrative_figures: i64,
    pub members_from_returns: i64,
    pub members_from_declared: i64,
    pub latest_return_year: Option<i32>,
    /// (country, active members), most members first.
    pub countries: Vec<(CountryCode, i64)>,
}

type Declared = (
    i64,
    CountryCode,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<FigureProvenance>,
);

pub fn overview(conn: &mut DbConnection) -> QueryResult<OverviewRow> {
    conn.transaction(|conn| {
        let declared: Vec<Declared> = members::table
            .filter(members::status.eq(MemberStatus::Active))
            .select((
                members::id,
                members::country,
                members::cooperatives,
                members::workers,
                members::worker_members,
                members::figures_provenance,
            ))
            .load(conn)?;
        let mut latest: HashMap<i64, super::statistics::ReturnFigures> = HashMap::new();
        for figures in super::statistics::return_figures(conn)? {
            match latest.get(&figures.member_id) {
                Some(kept) if kept.year >= figures.year => {}
                _ => {
                    latest.insert(figures.member_id, figures);
                }
            }
        }
        let mut row = OverviewRow {
            member_count: declared.len() as i64,
            country_count: 0,
            enterprise_count: 0,
            worker_count: 0,
            worker_member_count: 0,
            members_with_figures: 0,
            members_with_illustrative_figures: 0,
            members_from_returns: 0,
            members_from_declared: 0,
            latest_return_year: None,
            countries: Vec::new(),
        };
        let mut countries: HashMap<CountryCode, i64> = HashMap::new();
        for (id, country, cooperatives, workers, worker_members, provenance) in declared {
            *countries.entry(country).or_default() += 1;
            if let Some(figures) = latest.get(&id) {
                row.members_from_returns += 1;
                row.enterprise_count += figures.cooperatives;
                row.worker_count += figures.workers;
                row.worker_member_count += figures.worker_members;
                row.latest_return_year = row.latest_return_year.max(Some(figures.year));
                if figures.illustrative > 0 {
                    row.members_with_illustrative_figures += 1;
                }
            } else if let Some(provenance) = provenance {
                row.members_from_declared += 1;
                row.enterprise_count += cooperatives.unwrap_or_default();
                row.worker_count += workers.unwrap_or_default();
                row.worker_member_count += worker_members.unwrap_or_default();
                if provenance == FigureProvenance::Illustrative {
                    row.members_with_illustrative_figures += 1;
                }
            }
        }
        row.members_with_figures = row.members_from_returns + row.members_from_declared;
        row.country_count = countries.len() as i64;
        let mut countries: Vec<(CountryCode, i64)> = countries.into_iter().collect();
        countries.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        row.countries = countries;
        Ok(row)
    })
}

/// The id of the member with this slug.
pub fn id_by_slug(conn: &mut DbConnection, slug: &str) -> QueryResult<Option<i64>> {
    members::table
        .filter(members::slug.eq(slug))
        .select(members::id)
        .get_result(conn)
        .optional()
}

/// A member organisation's name.
pub fn name_by_id(conn: &mut DbConnection, id: i64) -> QueryResult<Option<String>> {
    members::table
        .filter(members::id.eq(id))
        .select(members::name)
        .get_result(conn)
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
pub fn slugs_by_ids(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<HashMap<i64, Slug>> {
    let rows: Vec<(i64, Slug)> = members::table
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

/// Inserts one member, returning its id. (Multi-row inserts do not
/// compile through a `MultiConnection`; callers loop inside a transaction.)
pub fn insert(conn: &mut DbConnection, member: &NewMember) -> QueryResult<i64> {
    diesel::insert_into(members::table)
        .values(member)
        .returning(members::id)
        .get_result(conn)
}

/// Writes an admin's changes over the member as it was at `read_at` (its
/// `updated_at` when read); false when it changed since (nothing written).
pub fn update_fields(
    conn: &mut DbConnection,
    id: i64,
    read_at: chrono::NaiveDateTime,
    fields: &MemberFields,
    now: chrono::NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        members::table
            .filter(members::id.eq(id))
            .filter(members::updated_at.eq(read_at)),
    )
    .set((fields, members::updated_at.eq(now)))
    .execute(conn)?;
    Ok(n == 1)
}

/// The descriptions in other languages of these members.
pub fn descriptions(
    conn: &mut DbConnection,
    ids: &[i64],
) -> QueryResult<HashMap<i64, std::collections::BTreeMap<cecop_shared::Language, String>>> {
    use super::schema::member_descriptions as d;
    let rows: Vec<(i64, cecop_shared::Language, String)> = d::table
        .filter(d::member_id.eq_any(ids.to_vec()))
        .select((d::member_id, d::lang, d::description))
        .load(conn)?;
    let mut by_member: HashMap<i64, std::collections::BTreeMap<_, _>> = HashMap::new();
    for (id, lang, text) in rows {
        by_member.entry(id).or_default().insert(lang, text);
    }
    Ok(by_member)
}

/// Replaces a member's descriptions in other languages.
pub fn replace_descriptions(
    conn: &mut DbConnection,
    id: i64,
    descriptions: &std::collections::BTreeMap<cecop_shared::Language, String>,
) -> QueryResult<()> {
    use super::schema::member_descriptions as d;
    diesel::delete(d::table.filter(d::member_id.eq(id))).execute(conn)?;
    for (lang, text) in descriptions {
        diesel::insert_into(d::table)
            .values((
                d::member_id.eq(id),
                d::lang.eq(lang),
                d::description.eq(text),
            ))
            .execute(conn)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn like_patterns_escape_wildcards_and_ignore_case() {
        assert_eq!(like_pattern("Co_op 100%"), "%co\\_op 100\\%%");
    }
}
