//! `GET /api/v1/returns`: the review queue.

use actix_web::{HttpRequest, HttpResponse, get, web};
use cecop_shared::{Page, ReturnState, ReturnSummary, Slug};
use serde::Deserialize;
use utoipa::IntoParams;

use super::summary;
use crate::auth::StaffUser;
use crate::db::Db;
use crate::db::returns::{self, ReturnFilter};
use crate::error::ApiError;
use crate::error::responses::{BadParameter, NotSignedIn, NotStaff};
use crate::handlers::pagination::{PageParams, page_response};
use crate::handlers::{NO_STORE, parse_param};

/// Query parameters, parsed one by one so errors name the parameter.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListReturnsQuery {
    /// The campaign's reference year.
    #[param(value_type = Option<i32>, minimum = 2000, maximum = 2100)]
    campaign: Option<String>,
    /// Only returns in this state.
    #[param(value_type = Option<ReturnState>)]
    state: Option<String>,
    /// Only this member's returns (its slug).
    #[param(value_type = Option<String>, pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 80)]
    member: Option<String>,
    /// `page` and `per_page`.
    #[serde(flatten)]
    #[param(ignore)]
    page: PageParams,
}

/// List data returns (editors and admins): newest campaign first, then the
/// return that has waited longest since its last change.
#[utoipa::path(
    tag = "data",
    security(("bearer" = [])),
    params(ListReturnsQuery, PageParams),
    responses(
        (status = 200, description = "One page of returns.", body = Page<ReturnSummary>,
            headers(
                ("X-Total-Count" = u64, description = "Returns matching the filters."),
                ("Link" = String, description = "RFC 8288 links: first, prev, next, last.")
            )),
        BadParameter, NotSignedIn, NotStaff
    )
)]
#[get("/returns")]
pub async fn list_returns(
    _staff: StaffUser,
    req: HttpRequest,
    query: web::Query<ListReturnsQuery>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let year = query
        .campaign
        .as_deref()
        .map(crate::handlers::campaigns::parse_year)
        .transpose()
        .map_err(|_| ApiError::invalid("campaign", "must be a year between 2000 and 2100"))?;
    let state: Option<ReturnState> = parse_param("state", query.state.as_deref())?;
    let member: Option<Slug> = parse_param("member", query.member.as_deref())?;
    let filter = ReturnFilter {
        year,
        state,
        member,
    };
    let request = query.page.request()?;
    let (rows, counts, total) = db
        .run(move |conn| {
            let (rows, total) = returns::list_returns(
                conn,
                &filter,
                request.offset(),
                i64::from(request.per_page()),
            )?;
            let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
            let counts = returns::value_counts(conn, &ids)?;
            Ok((rows, counts, total))
        })
        .await?;
    let items = rows
        .iter()
        .map(|row| summary(row, counts.get(&row.id).copied().unwrap_or_default()))
        .collect::<Vec<_>>();
    Ok(page_response(&req, request, items, total, &[NO_STORE]))
}
