//! `POST /api/v1/returns/{id}/return`: send a submitted return back to its
//! member with a reason.

use actix_web::{HttpResponse, post, web};
use cecop_shared::returns::Transition;
use cecop_shared::{DataReturn, ReasonRequest};

use super::{Decider, decide};
use crate::auth::{ClientInfo, StaffUser};
use crate::db::Pool;
use crate::error::ApiError;
use crate::handlers::body::Body;
use crate::handlers::statistics::StatisticsCache;

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
