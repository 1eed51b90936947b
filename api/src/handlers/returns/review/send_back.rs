//! `POST /api/v1/returns/{id}/return`: send a submitted return back to its
//! member with a reason.

use actix_web::{HttpResponse, post, web};
use cecop_shared::returns::Transition;
use cecop_shared::{DataReturn, ReasonRequest};

use super::{Decider, decide};
use crate::error::ApiError;
use crate::error::responses::{BadIdOrBody, InvalidReason, NoSuchReturn, NotSignedIn, NotStaff};
use crate::handlers::body::Body;

/// Send a submitted return back to its member with a reason (editors and
/// admins); the member can then correct and resubmit it.
#[utoipa::path(
    tag = "data",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The return's id.", minimum = 1)),
    request_body = ReasonRequest,
    responses(
        (status = 200, description = "Returned; the return as it now is.", body = DataReturn),
        BadIdOrBody, NotSignedIn, NotStaff, NoSuchReturn,
        (status = 409, description = "The return is not submitted, or its campaign is not open.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        InvalidReason
    )
)]
#[post("/returns/{id}/return")]
pub async fn return_return(
    decider: Decider,
    id: web::Path<String>,
    Body(request): Body<ReasonRequest>,
) -> Result<HttpResponse, ApiError> {
    decide(decider, &id, Transition::Return, Some(request.reason)).await
}
