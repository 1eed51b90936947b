//! `GET /api/v1/statistics` (and `/statistics.csv`).

use actix_web::{HttpRequest, HttpResponse, get, web};
use cecop_shared::Statistics;

use super::{
    Parsed, StatisticsCache, StatisticsQuery, cached_body, coverage, respond, rows, to_csv,
};
use crate::db::statistics as db;
use crate::db::{Db, returns};
use crate::error::ApiError;
use crate::error::responses::{BadParameter, NoPublishedCampaign};
use crate::handlers::campaigns::to_campaign;

async fn statistics(
    req: HttpRequest,
    query: web::Query<StatisticsQuery>,
    db: web::Data<Db>,
    cache: web::Data<StatisticsCache>,
    csv_path: bool,
) -> Result<HttpResponse, ApiError> {
    let parsed = Parsed::new(&req, &query, csv_path)?;
    let key = parsed.key("statistics");
    let csv = parsed.csv;
    let body = cached_body(&db, cache, key, move |conn, cache, fingerprint| {
        let campaigns = returns::campaigns(conn)?;
        let published =
            |c: &&returns::CampaignRow| c.state == cecop_shared::CampaignState::Published;
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
        }
        .clone();
        let year = campaign.year;
        let facts = cache.facts(conn, fingerprint, Some(year))?;
        let aggregates = facts.aggregate(&parsed.needed(), &parsed.group_by);
        let covered = db::coverage(conn, Some(year))?;
        let total = db::active_members(conn)?;
        let rows = rows(&aggregates, &parsed.indicators)?;
        let body = if parsed.csv {
            to_csv(&rows, &parsed.group_by)?
        } else {
            let statistics = Statistics {
                campaign: to_campaign(campaign),
                group_by: parsed.group_by.clone(),
                coverage: coverage(covered.first(), total),
                rows,
            };
            serde_json::to_vec(&statistics).map_err(|e| ApiError::Internal(e.into()))?
        };
        Ok(body)
    })
    .await?;
    Ok(respond(&req, csv, &body))
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
        (status = 304, description = "Not modified since the `ETag` sent in `If-None-Match`."),
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
        (status = 304, description = "Not modified since the `ETag` sent in `If-None-Match`."),
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
