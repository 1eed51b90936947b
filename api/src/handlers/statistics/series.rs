//! `GET /api/v1/statistics/series` (and `/statistics/series.csv`).

use actix_web::{HttpRequest, HttpResponse, get, web};
use cecop_shared::{SeriesYear, StatisticsSeries};

use super::{Answer, Parsed, StatisticsQuery, answer};
use crate::db::statistics as db;
use crate::db::{Db, DbConnection};
use crate::error::ApiError;
use crate::error::responses::{BadParameter, NotModified};
use crate::statistics::StatisticsCache;
use crate::statistics::figures::coverage;

/// The rows with every published year's coverage.
fn wrap(
    conn: &mut DbConnection,
    (): (),
    parsed: &Parsed,
    rows: Vec<cecop_shared::StatisticsRow>,
) -> Result<StatisticsSeries, ApiError> {
    let covered = db::coverage(conn, None)?;
    let total = db::active_members(conn)?;
    Ok(StatisticsSeries {
        group_by: parsed.group_by.clone(),
        years: covered
            .iter()
            .map(|c| SeriesYear {
                year: c.year,
                coverage: coverage(Some(c), total),
            })
            .collect(),
        rows,
    })
}

async fn series(
    req: HttpRequest,
    query: web::Query<StatisticsQuery>,
    db: web::Data<Db>,
    cache: web::Data<StatisticsCache>,
    csv_path: bool,
) -> Result<HttpResponse, ApiError> {
    let mut parsed = Parsed::new(&req, &query, csv_path)?;
    parsed.year = None;
    let how = Answer {
        endpoint: "series",
        scope: |_, _| Ok((None, ())),
        wrap,
    };
    answer(&req, &db, cache, parsed, how).await
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
        NotModified,
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
        NotModified,
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
