//! Statistics over approved returns of published campaigns: the values
//! behind every breakdown ([`facts`]), each year's coverage, the headline
//! figures per member, and the fingerprint answers are kept against. SQL
//! here is built from integers and closed sets only; no request text
//! reaches it.

pub mod facts;

use cecop_shared::MemberStatus;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Nullable, Text};

use super::DbConnection;

pub use facts::{AggregateRow, Facts, load_facts};

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
        .filter(members::status.eq(MemberStatus::Active))
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
