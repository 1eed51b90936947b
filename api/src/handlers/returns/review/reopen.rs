//! `POST /api/v1/returns/{id}/reopen`: reopen an approved return.

use actix_web::{HttpResponse, post, web};
use cecop_shared::returns::Transition;
use cecop_shared::{DataReturn, ReasonRequest};

use super::{Decider, decide};
use crate::error::ApiError;
use crate::error::responses::{BadIdOrBody, InvalidReason, NoSuchReturn, NotSignedIn, NotStaff};
use crate::handlers::body::Body;

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
        BadIdOrBody, NotSignedIn, NotStaff, NoSuchReturn,
        (status = 409, description = "The return is not approved, or its campaign is not open.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        InvalidReason
    )
)]
#[post("/returns/{id}/reopen")]
pub async fn reopen_return(
    decider: Decider,
    id: web::Path<String>,
    Body(request): Body<ReasonRequest>,
) -> Result<HttpResponse, ApiError> {
    decide(decider, &id, Transition::Reopen, Some(request.reason)).await
}
