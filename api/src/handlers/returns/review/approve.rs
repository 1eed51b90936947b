//! `POST /api/v1/returns/{id}/approve`: approve a submitted return.

use actix_web::{HttpResponse, post, web};
use cecop_shared::DataReturn;
use cecop_shared::returns::Transition;

use super::{Decider, decide};
use crate::error::ApiError;
use crate::error::responses::{BadId, NoSuchReturn, NotSignedIn, NotStaff};

/// Approve a submitted return (editors and admins). It is then locked and
/// counts in the statistics once its campaign is published.
#[utoipa::path(
    tag = "data",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The return's id.", minimum = 1)),
    responses(
        (status = 200, description = "Approved; the return as it now is.", body = DataReturn),
        BadId, NotSignedIn, NotStaff, NoSuchReturn,
        (status = 409, description = "The return is not submitted, or its campaign is not open or \
            closed; `detail` names the current state.", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[post("/returns/{id}/approve")]
pub async fn approve_return(
    decider: Decider,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    decide(decider, &id, Transition::Approve, None).await
}
