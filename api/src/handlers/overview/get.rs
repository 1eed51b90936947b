//! `GET /api/v1/overview`: headline figures computed from active members.

use actix_web::{HttpRequest, HttpResponse, get, web};
use cecop_shared::{CountryCount, Overview};

use crate::db::Db;
use crate::db::members;
use crate::error::ApiError;
use crate::handlers::PUBLIC_CACHE;
use crate::representation::etagged_json;

fn count(value: i64) -> u64 {
    u64::try_from(value).unwrap_or_default()
}

/// Get the headline figures of the network.
///
/// Every number is computed when asked — none is typed in. Each active
/// member counts with its latest approved data return of a published
/// campaign, or else with the figures declared on its profile;
/// `members_from_returns` and `members_from_declared` say how many of each. When some of those records are illustrative demo data,
/// `members_with_illustrative_figures` says how many.
#[utoipa::path(
    tag = "overview",
    responses((status = 200, description = "The headline figures.", body = Overview))
)]
#[get("/overview")]
pub async fn get_overview(req: HttpRequest, db: web::Data<Db>) -> Result<HttpResponse, ApiError> {
    let row = db.run(|conn| Ok(members::overview(conn)?)).await?;
    let countries = row
        .countries
        .into_iter()
        .map(|(country, members)| CountryCount {
            country,
            member_count: count(members),
        })
        .collect();
    let overview = Overview {
        member_count: count(row.member_count),
        country_count: count(row.country_count),
        enterprise_count: count(row.enterprise_count),
        worker_count: count(row.worker_count),
        worker_member_count: count(row.worker_member_count),
        members_with_figures: count(row.members_with_figures),
        members_with_illustrative_figures: count(row.members_with_illustrative_figures),
        members_from_returns: count(row.members_from_returns),
        members_from_declared: count(row.members_from_declared),
        latest_return_year: row.latest_return_year,
        countries,
    };
    let mut response = HttpResponse::Ok();
    response.insert_header(PUBLIC_CACHE);
    Ok(etagged_json(&req, response, &overview))
}
