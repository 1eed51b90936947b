//! `GET /api/v1/statistics/series` (and `/statistics/series.csv`).

use actix_web::{HttpRequest, HttpResponse, get, web};
use cecop_shared::{SeriesYear, StatisticsSeries};

use super::{
    Parsed, StatisticsCache, StatisticsQuery, cached_body, coverage, respond, rows, to_csv,
};
use crate::db::Db;
use crate::db::statistics as db;
use crate::error::ApiError;
use crate::error::responses::BadParameter;

async fn series(
    req: HttpRequest,
    query: web::Query<StatisticsQuery>,
    db: web::Data<Db>,
    cache: web::Data<StatisticsCache>,
    csv_path: bool,
) -> Result<HttpResponse, ApiError> {
    let mut parsed = Parsed::new(&req, &query, csv_path)?;
    parsed.year = None;
    let csv = parsed.csv;
    let key = parsed.key("series");
    let body = cached_body(&db, cache, key, move |conn, cache, fingerprint| {
        let facts = cache.facts(conn, fingerprint, None)?;
        let aggregates = facts.aggregate(&parsed.needed(), &parsed.group_by);
        let covered = db::coverage(conn, None)?;
        let total = db::active_members(conn)?;
        let rows = rows(&aggregates, &parsed.indicators)?;
        let body = if parsed.csv {
            to_csv(&rows, &parsed.group_by)?
        } else {
            let series = StatisticsSeries {
                group_by: parsed.group_by.clone(),
                years: covered
                    .iter()
                    .map(|c| SeriesYear {
                        year: c.year,
                        coverage: coverage(Some(c), total),
                    })
                    .collect(),
                rows,
            };
            serde_json::to_vec(&series).map_err(|e| ApiError::Internal(e.into()))?
        };
        Ok(body)
    })
    .await?;
    Ok(respond(&req, csv, &body))
}

/// The same statistics for every published year, oldest first, with each
/// year's coverage: the data behind a line chart. `year` is ignored.
#[utoipa::path(
    tag = "data",
    params(StatisticsQuery),
    responses(
        (status = 200, description = "The series.", content(
            (StatisticsSeries = "application/json"),
            (String = "text/csv")
        )),
        (status = 304, description = "Not modified since the `ETag` sent in `If-None-Match`."),
        BadParameter
    )
)]
#[get("/statistics/series")]
pub async fn get_series(
    req: HttpRequest,
    query: web::Query<StatisticsQuery>,
    db: web::Data<Db>,
    cache: web::Data<StatisticsCache>,
) -> Result<HttpResponse, ApiError> {
    series(req, query, db, cache, false).await
}

/// The same as `GET /statistics/series`, always as CSV.
#[utoipa::path(
    tag = "data",
    params(StatisticsQuery),
    responses(
        (status = 200, description = "The series as CSV.", body = String, content_type = "text/csv"),
        (status = 304, description = "Not modified since the `ETag` sent in `If-None-Match`."),
        BadParameter
    )
)]
#[get("/statistics/series.csv")]
pub async fn get_series_csv(
    req: HttpRequest,
    query: web::Query<StatisticsQuery>,
    db: web::Data<Db>,
    cache: web::Data<StatisticsCache>,
) -> Result<HttpResponse, ApiError> {
    series(req, query, db, cache, true).await
}
