//! `POST /api/v1/returns/{id}/approve`, `…/return` and `…/reopen`: CECOP
//! staff's decisions on a data return.

use actix_web::{HttpResponse, post, web};
use cecop_shared::returns::Transition;
use cecop_shared::{DataReturn, ReasonRequest};
use diesel::Connection;

use super::{detail, parse_id};
use crate::auth::audit::{self, Event};
use crate::auth::{ClientInfo, Principal, StaffUser};
use crate::db::Pool;
use crate::db::returns;
use crate::error::ApiError;
use crate::handlers::body::Body;
use crate::handlers::statistics::StatisticsCache;
use crate::handlers::with_conn;
use crate::returns::{Actor, parse_reason};

/// Who decides, and where: the request's parts every decision needs.
struct Decider {
    staff: StaffUser,
    client: ClientInfo,
    pool: web::Data<Pool>,
    statistics: web::Data<StatisticsCache>,
}

async fn decide(
    Decider {
        staff,
        client,
        pool,
        statistics,
    }: Decider,
    id: &str,
    transition: Transition,
    reason: Option<String>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(id)?;
    let reason = reason.as_deref().map(parse_reason).transpose()?;
    let principal = Principal::User(staff.0);
    let updated = with_conn(&pool, move |conn| {
        conn.transaction(|conn| {
            let row = returns::find_return(conn, id)?
                .ok_or_else(|| ApiError::NotFound(format!("There is no return {id}.")))?;
            let next =
                crate::returns::transition(conn, &row, transition, &Actor::of(&principal), reason)?;
            let event = Event {
                action: match transition {
                    Transition::Approve => "return.approved",
                    Transition::Return => "return.returned",
                    _ => "return.reopened",
                },
                actor: Some(principal.actor()),
                target: Some(("data_return", id.to_string())),
                detail: Some(format!("{} {} -> {next}", row.member_slug, row.year)),
                ..Event::default()
            };
            audit::record(conn, &client, event)?;
            let row = returns::find_return(conn, id)?
                .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("return {id} vanished")))?;
            detail(conn, &row)
        })
    })
    .await?;
    statistics.forget_fingerprint();
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(updated))
}

/// Approve a submitted return (editors and admins). It is then locked and
/// counts in the statistics once its campaign is published.
#[utoipa::path(
    tag = "data",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The return's id.", minimum = 1)),
    responses(
        (status = 200, description = "Approved; the return as it now is.", body = DataReturn),
        (status = 400, description = "The id is malformed.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 401, description = "Not signed in.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 403, description = "Not CECOP staff.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such return.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The return is not submitted, or its campaign is not open or \
            closed; `detail` names the current state.", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[post("/returns/{id}/approve")]
pub async fn approve_return(
    staff: StaffUser,
    id: web::Path<String>,
    client: ClientInfo,
    pool: web::Data<Pool>,
    statistics: web::Data<StatisticsCache>,
) -> Result<HttpResponse, ApiError> {
    let decider = Decider {
        staff,
        client,
        pool,
        statistics,
    };
    decide(decider, &id, Transition::Approve, None).await
}

/// Send a submitted return back to its member with a reason (editors and
/// admins); the member can then correct and resubmit it.
#[utoipa::path(
    tag = "data",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The return's id.", minimum = 1)),
    request_body = ReasonRequest,
    responses(
        (status = 200, description = "Returned; the return as it now is.", body = DataReturn),
        (status = 400, description = "The id or body is malformed.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 401, description = "Not signed in.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 403, description = "Not CECOP staff.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such return.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The return is not submitted, or its campaign is not open.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The reason is empty or too long.", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[post("/returns/{id}/return")]
pub async fn return_return(
    staff: StaffUser,
    id: web::Path<String>,
    Body(request): Body<ReasonRequest>,
    client: ClientInfo,
    pool: web::Data<Pool>,
    statistics: web::Data<StatisticsCache>,
) -> Result<HttpResponse, ApiError> {
    let decider = Decider {
        staff,
        client,
        pool,
        statistics,
    };
    decide(decider, &id, Transition::Return, Some(request.reason)).await
}

/// Reopen an approved return with a reason (editors and admins): it goes
/// back to its member as `returned` and leaves the statistics until it is
/// approved again. Its campaign must be open.
#[utoipa::path(
    tag = "data",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The return's id.", minimum = 1)),
    request_body = ReasonRequest,
    responses(
        (status = 200, description = "Reopened; the return as it now is.", body = DataReturn),
        (status = 400, description = "The id or body is malformed.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 401, description = "Not signed in.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 403, description = "Not CECOP staff.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such return.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The return is not approved, or its campaign is not open.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The reason is empty or too long.", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[post("/returns/{id}/reopen")]
pub async fn reopen_return(
    staff: StaffUser,
    id: web::Path<String>,
    Body(request): Body<ReasonRequest>,
    client: ClientInfo,
    pool: web::Data<Pool>,
    statistics: web::Data<StatisticsCache>,
) -> Result<HttpResponse, ApiError> {
    let decider = Decider {
        staff,
        client,
        pool,
        statistics,
    };
    decide(decider, &id, Transition::Reopen, Some(request.reason)).await
}
