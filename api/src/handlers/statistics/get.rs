//! `GET /api/v1/statistics` (and `/statistics.csv`).

use actix_web::{HttpRequest, HttpResponse, get, web};
use cecop_shared::Statistics;

use super::{Answer, Parsed, StatisticsQuery, answer};
use crate::db::statistics as db;
use crate::db::{Db, DbConnection, returns};
use crate::error::ApiError;
use crate::error::responses::{BadParameter, NoPublishedCampaign, NotModified};
use crate::handlers::campaigns::to_campaign;
use crate::statistics::StatisticsCache;
use crate::statistics::figures::coverage;

/// The published campaign of the year asked for, else the newest one.
fn campaign(
    conn: &mut DbConnection,
    parsed: &Parsed,
) -> Result<(Option<i32>, returns::CampaignRow), ApiError> {
    let campaigns = returns::campaigns(conn)?;
    let published = |c: &&returns::CampaignRow| c.state == cecop_shared::CampaignState::Published;
    let campaign = match parsed.year {
        Some(year) => campaigns
            .iter()
            .filter(published)
            .find(|c| c.year == year)
            .ok_or_else(|| {
                ApiError::NotFound(format!("No statistics are published for {year}."))
            })?,
        None => campaigns
            .iter()
            .find(published)
            .ok_or_else(|| ApiError::NotFound("No statistics are published yet.".into()))?,
    };
    Ok((Some(campaign.year), campaign.clone()))
}

/// The rows with their campaign and its coverage.
fn wrap(
    conn: &mut DbConnection,
    campaign: returns::CampaignRow,
    parsed: &Parsed,
    rows: Vec<cecop_shared::StatisticsRow>,
) -> Result<Statistics, ApiError> {
    let covered = db::coverage(conn, Some(campaign.year))?;
    let total = db::active_members(conn)?;
    Ok(Statistics {
        campaign: to_campaign(campaign),
        group_by: parsed.group_by.clone(),
        coverage: coverage(covered.first(), total),
        rows,
    })
}

async fn statistics(
    req: HttpRequest,
    query: web::Query<StatisticsQuery>,
    db: web::Data<Db>,
    cache: web::Data<StatisticsCache>,
    csv_path: bool,
) -> Result<HttpResponse, ApiError> {
    let parsed = Parsed::new(&req, &query, csv_path)?;
    let how = Answer {
        endpoint: "statistics",
        scope: campaign,
        wrap,
    };
    answer(&req, &db, cache, parsed, how).await
}

/// Statistics for one year, computed from the approved returns of its
/// published campaign.
///
/// Rows hold each requested indicator for every combination of the
/// `group_by` dimensions (sums; shares are percentages of the workers of
/// the same cells). `coverage` says how many members responded out of the
/// network's active members. `Accept: text/csv`, `format=csv` or the
/// `/statistics.csv` path give the rows as CSV.
#[utoipa::path(
    tag = "data",
    params(StatisticsQuery),
    responses(
        (status = 200, description = "The statistics.", content(
            (Statistics = "application/json"),
            (String = "text/csv")
        )),
        NotModified,
        BadParameter, NoPublishedCampaign
    )
)]
#[get("/statistics")]
pub async fn get_statistics(
    req: HttpRequest,
    query: web::Query<StatisticsQuery>,
    db: web::Data<Db>,
    cache: web::Data<StatisticsCache>,
) -> Result<HttpResponse, ApiError> {
    statistics(req, query, db, cache, false).await
}

/// The same as `GET /statistics`, always as CSV.
#[utoipa::path(
    tag = "data",
    params(StatisticsQuery),
    responses(
        (status = 200, description = "The statistics as CSV.", body = String, content_type = "text/csv"),
        NotModified,
        BadParameter, NoPublishedCampaign
    )
)]
#[get("/statistics.csv")]
pub async fn get_statistics_csv(
    req: HttpRequest,
    query: web::Query<StatisticsQuery>,
    db: web::Data<Db>,
    cache: web::Data<StatisticsCache>,
) -> Result<HttpResponse, ApiError> {
    statistics(req, query, db, cache, true).await
}
