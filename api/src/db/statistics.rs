//! Statistics over approved returns of published campaigns. The approved
//! values of a year are loaded once ([`load_facts`]) and every breakdown is
//! summed in memory ([`Facts::aggregate`]): one plain scan instead of a
//! GROUP BY per request, which at 100 times the demo data cut the full
//! breakdown from about 110 ms to what the scan costs. SQL here is built
//! from integers and closed sets only; no request text reaches it.

use cecop_shared::{CoopType, Dimension, Indicator, Sector};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Nullable, Text};

use super::DbConnection;

/// One aggregate: sums over the approved values of one group.
#[derive(Debug, Clone, PartialEq)]
pub struct AggregateRow {
    pub year: i32,
    pub indicator: Indicator,
    pub country: Option<String>,
    pub sector: Option<Sector>,
    pub coop_type: Option<CoopType>,
    pub member: Option<String>,
    pub member_name: Option<String>,
    /// Sum of the amounts (smallest units).
    pub total: i64,
    /// Sum of the workers of the same cells, for shares.
    pub workers: Option<i64>,
    /// Members whose values make up the sums.
    pub members: i64,
}

/// One approved value, parsed and compact.
#[derive(Debug, Clone, Copy)]
struct Fact {
    year: i32,
    /// Index into [`Facts::members`].
    member: usize,
    indicator: Indicator,
    coop_type: CoopType,
    sector: Sector,
    amount: i64,
    workers: Option<i64>,
}

#[derive(Debug, Clone)]
struct MemberInfo {
    slug: String,
    name: String,
    country: String,
}

/// The approved values of published campaigns (one year's or all), held
/// in memory so that any breakdown is computed without another query.
/// At 100 times the demo data a year is about 63,000 values (~3 MB).
#[derive(Debug, Clone, Default)]
pub struct Facts {
    members: Vec<MemberInfo>,
    facts: Vec<Fact>,
}

#[derive(Debug, Clone, QueryableByName)]
struct MemberRow {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Text)]
    slug: String,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    country: String,
}

/// Loads the approved values of one published year, or of all of them.
pub fn load_facts(conn: &mut DbConnection, year: Option<i32>) -> QueryResult<Facts> {
    use super::schema::{campaigns, data_returns};
    // One row per return with its values packed (db::returns::pack): at
    // 60,000 values a row per value cost ~85 ms in row decoding alone.
    let mut query = data_returns::table
        .inner_join(campaigns::table)
        .filter(campaigns::state.eq("published"))
        .filter(data_returns::state.eq("approved"))
        .select((
            campaigns::year,
            data_returns::member_id,
            data_returns::packed_values,
        ))
        .into_boxed();
    if let Some(year) = year {
        query = query.filter(campaigns::year.eq(year));
    }
    let rows: Vec<(i32, i64, String)> = query.load(conn)?;
    let member_rows: Vec<MemberRow> = diesel::sql_query(
        "SELECT id, slug, name, country FROM members \
         WHERE id IN (SELECT member_id FROM data_returns WHERE state = 'approved')",
    )
    .load(conn)?;
    let mut index = std::collections::HashMap::with_capacity(member_rows.len());
    let mut members = Vec::with_capacity(member_rows.len());
    for row in member_rows {
        index.insert(row.id, members.len());
        members.push(MemberInfo {
            slug: row.slug,
            name: row.name,
            country: row.country,
        });
    }
    let corrupt = |what: &str| {
        diesel::result::Error::DeserializationError(format!("stored value has a bad {what}").into())
    };
    let mut facts = Vec::with_capacity(rows.len() * 40);
    for (year, member_id, packed) in &rows {
        let member = *index.get(member_id).ok_or_else(|| corrupt("member"))?;
        for (indicator, coop_type, sector, amount, workers) in
            super::returns::unpack(packed).ok_or_else(|| corrupt("packed value"))?
        {
            facts.push(Fact {
                year: *year,
                member,
                indicator: indicator.parse().map_err(|_| corrupt("indicator"))?,
                coop_type: coop_type.parse().map_err(|_| corrupt("coop_type"))?,
                sector: sector.parse().map_err(|_| corrupt("sector"))?,
                amount,
                workers,
            });
        }
    }
    Ok(Facts { members, facts })
}

type GroupKey = (
    i32,
    Indicator,
    Option<usize>,
    Option<Sector>,
    Option<CoopType>,
    Option<usize>,
);

#[derive(Debug, Default)]
struct Group {
    total: i64,
    workers: Option<i64>,
    members: Vec<usize>,
}

impl Facts {
    /// Sums of `indicators` (reported ones) grouped by year, indicator and
    /// `dimensions`, ordered by year, then the dimensions.
    pub fn aggregate(
        &self,
        indicators: &[Indicator],
        dimensions: &[Dimension],
    ) -> Vec<AggregateRow> {
        let by = |d: Dimension| dimensions.contains(&d);
        // Countries are grouped through the index of the first member seen
        // in each country, so the key stays small and copyable.
        let mut country_slot: std::collections::HashMap<&str, usize> =
            std::collections::HashMap::new();
        let mut groups: std::collections::HashMap<GroupKey, Group> =
            std::collections::HashMap::new();
        for fact in &self.facts {
            if !indicators.contains(&fact.indicator) {
                continue;
            }
            let member = &self.members[fact.member];
            let country = by(Dimension::Country).then(|| {
                *country_slot
                    .entry(member.country.as_str())
                    .or_insert(fact.member)
            });
            let key = (
                fact.year,
                fact.indicator,
                country,
                by(Dimension::Sector).then_some(fact.sector),
                by(Dimension::CoopType).then_some(fact.coop_type),
                by(Dimension::Member).then_some(fact.member),
            );
            let group = groups.entry(key).or_default();
            group.total += fact.amount;
            if let Some(workers) = fact.workers {
                group.workers = Some(group.workers.unwrap_or_default() + workers);
            }
            if group.members.last() != Some(&fact.member) {
                group.members.push(fact.member);
            }
        }
        let mut rows: Vec<AggregateRow> = groups
            .into_iter()
            .map(
                |((year, indicator, country, sector, coop_type, member), mut group)| {
                    group.members.sort_unstable();
                    group.members.dedup();
                    let info = member.map(|m| &self.members[m]);
                    AggregateRow {
                        year,
                        indicator,
                        country: country.map(|m| self.members[m].country.clone()),
                        sector,
                        coop_type,
                        member: info.map(|m| m.slug.clone()),
                        member_name: info.map(|m| m.name.clone()),
                        total: group.total,
                        workers: group.workers,
                        members: group.members.len() as i64,
                    }
                },
            )
            .collect();
        rows.sort_by(|a, b| {
            (
                a.year,
                &a.country,
                a.sector,
                a.coop_type,
                &a.member,
                a.indicator,
            )
                .cmp(&(
                    b.year,
                    &b.country,
                    b.sector,
                    b.coop_type,
                    &b.member,
                    b.indicator,
                ))
        });
        rows
    }
}

/// How many approved returns each published year has.
#[derive(Debug, Clone, QueryableByName)]
pub struct CoverageRow {
    #[diesel(sql_type = Integer)]
    pub year: i32,
    #[diesel(sql_type = BigInt)]
    pub responding: i64,
    #[diesel(sql_type = BigInt)]
    pub illustrative: i64,
}

/// Published years with their approved returns, oldest first (a published
/// year without any approved return is listed with zeros).
pub fn coverage(conn: &mut DbConnection, year: Option<i32>) -> QueryResult<Vec<CoverageRow>> {
    let year_filter = year
        .map(|y| format!(" AND c.year = {y}"))
        .unwrap_or_default();
    diesel::sql_query(format!(
        "SELECT c.year AS year, COUNT(r.id) AS responding, \
           CAST(COALESCE(SUM(CASE WHEN r.illustrative THEN 1 ELSE 0 END), 0) AS BIGINT) AS illustrative \
         FROM campaigns c \
         LEFT JOIN data_returns r ON r.campaign_id = c.id AND r.state = 'approved' \
         WHERE c.state = 'published'{year_filter} \
         GROUP BY c.year ORDER BY c.year"
    ))
    .load(conn)
}

/// Active members: the denominator of coverage.
pub fn active_members(conn: &mut DbConnection) -> QueryResult<i64> {
    use super::schema::members;
    members::table
        .filter(members::status.eq("active"))
        .count()
        .get_result(conn)
}

#[derive(Debug, Clone, QueryableByName)]
struct FingerprintRow {
    #[diesel(sql_type = BigInt)]
    revisions: i64,
    #[diesel(sql_type = BigInt)]
    campaigns: i64,
    #[diesel(sql_type = Nullable<Text>)]
    campaigns_at: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    members_at: Option<String>,
    #[diesel(sql_type = BigInt)]
    members: i64,
}

/// Changes whenever anything statistics depend on changes: every change of
/// a return writes a revision; campaigns and members carry `updated_at`.
pub fn fingerprint(conn: &mut DbConnection) -> QueryResult<String> {
    let row: FingerprintRow = diesel::sql_query(
        "SELECT CAST(COALESCE((SELECT MAX(id) FROM return_revisions), 0) AS BIGINT) AS revisions, \
           CAST((SELECT COUNT(*) FROM campaigns) AS BIGINT) AS campaigns, \
           CAST((SELECT MAX(updated_at) FROM campaigns) AS TEXT) AS campaigns_at, \
           CAST((SELECT MAX(updated_at) FROM members) AS TEXT) AS members_at, \
           CAST((SELECT COUNT(*) FROM members) AS BIGINT) AS members",
    )
    .get_result(conn)?;
    Ok(format!(
        "{}:{}:{}:{}:{}",
        row.revisions,
        row.campaigns,
        row.campaigns_at.unwrap_or_default(),
        row.members_at.unwrap_or_default(),
        row.members
    ))
}

/// One member's figures from one approved return of a published campaign.
#[derive(Debug, Clone, QueryableByName)]
pub struct ReturnFigures {
    #[diesel(sql_type = BigInt)]
    pub member_id: i64,
    #[diesel(sql_type = Integer)]
    pub year: i32,
    #[diesel(sql_type = BigInt)]
    pub cooperatives: i64,
    #[diesel(sql_type = BigInt)]
    pub workers: i64,
    #[diesel(sql_type = BigInt)]
    pub worker_members: i64,
    /// 1 when the return's breakdown is illustrative demo data.
    #[diesel(sql_type = BigInt)]
    pub illustrative: i64,
}

/// The headline figures of every approved return of a published campaign,
/// per member and year (callers keep each member's latest).
pub fn return_figures(conn: &mut DbConnection) -> QueryResult<Vec<ReturnFigures>> {
    let sum = |indicator: &str| {
        format!(
            "CAST(COALESCE(SUM(CASE WHEN v.indicator = '{indicator}' THEN v.amount ELSE 0 END), 0) AS BIGINT) AS {indicator}"
        )
    };
    diesel::sql_query(format!(
        "SELECT r.member_id AS member_id, c.year AS year, {}, {}, {}, \
           CAST(MAX(CASE WHEN r.illustrative THEN 1 ELSE 0 END) AS BIGINT) AS illustrative \
         FROM data_returns r \
         JOIN campaigns c ON c.id = r.campaign_id \
         JOIN return_values v ON v.return_id = r.id \
         WHERE r.state = 'approved' AND c.state = 'published' \
           AND v.indicator IN ('cooperatives', 'workers', 'worker_members') \
         GROUP BY r.member_id, c.year",
        sum("cooperatives"),
        sum("workers"),
        sum("worker_members")
    ))
    .load(conn)
}
