//! Aggregates over approved returns of published campaigns. The SQL is
//! built from closed sets (dimensions, indicators) and integers only, so no
//! request text reaches it; both backends run the same statement.

use cecop_shared::{Dimension, Indicator};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Nullable, Text};

use super::DbConnection;

/// One aggregate: sums over the approved values of one group.
#[derive(Debug, Clone, QueryableByName)]
pub struct AggregateRow {
    #[diesel(sql_type = Integer)]
    pub year: i32,
    #[diesel(sql_type = Text)]
    pub indicator: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub country: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub sector: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub coop_type: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub member: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub member_name: Option<String>,
    /// Sum of the amounts (smallest units).
    #[diesel(sql_type = BigInt)]
    pub total: i64,
    /// Sum of the workers of the same cells, for shares.
    #[diesel(sql_type = Nullable<BigInt>)]
    pub workers: Option<i64>,
    #[diesel(sql_type = BigInt)]
    pub members: i64,
}

fn column(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Country => "m.country",
        Dimension::Sector => "v.sector",
        Dimension::CoopType => "v.coop_type",
        Dimension::Member => "m.slug",
    }
}

/// The aggregates of `indicators` (reported ones) grouped by year,
/// indicator and `dimensions`, for one year or for every published year.
pub fn aggregate(
    conn: &mut DbConnection,
    year: Option<i32>,
    indicators: &[Indicator],
    dimensions: &[Dimension],
) -> QueryResult<Vec<AggregateRow>> {
    if indicators.is_empty() {
        return Ok(Vec::new());
    }
    let pick = |d: Dimension| {
        if dimensions.contains(&d) {
            column(d)
        } else {
            "CAST(NULL AS TEXT)"
        }
    };
    let member_name = if dimensions.contains(&Dimension::Member) {
        "m.name"
    } else {
        "CAST(NULL AS TEXT)"
    };
    let mut group = vec!["c.year", "v.indicator"];
    for &d in dimensions {
        group.push(column(d));
        if d == Dimension::Member {
            group.push("m.name");
        }
    }
    let list = indicators
        .iter()
        .map(|i| format!("'{}'", i.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    let year_filter = year
        .map(|y| format!(" AND c.year = {y}"))
        .unwrap_or_default();
    let group = group.join(", ");
    let query = format!(
        "SELECT c.year AS year, v.indicator AS indicator, \
           {country} AS country, {sector} AS sector, {coop_type} AS coop_type, \
           {member} AS member, {member_name} AS member_name, \
           CAST(SUM(v.amount) AS BIGINT) AS total, \
           CAST(SUM(v.cell_workers) AS BIGINT) AS workers, \
           COUNT(DISTINCT r.member_id) AS members \
         FROM campaigns c \
         JOIN data_returns r ON r.campaign_id = c.id AND r.state = 'approved' \
         JOIN members m ON m.id = r.member_id \
         JOIN return_values v ON v.return_id = r.id \
         WHERE c.state = 'published'{year_filter} AND v.indicator IN ({list}) \
         GROUP BY {group} ORDER BY {group}",
        country = pick(Dimension::Country),
        sector = pick(Dimension::Sector),
        coop_type = pick(Dimension::CoopType),
        member = pick(Dimension::Member),
    );
    diesel::sql_query(query).load(conn)
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
