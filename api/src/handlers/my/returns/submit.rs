//! `POST /api/v1/my/returns/{year}/submit`: submit the return for review.

use actix_web::{HttpResponse, post, web};
use cecop_shared::DataReturn;
use cecop_shared::returns::Transition;

use super::{campaign, current, no_store, organisation, record};
use crate::auth::audit::AuditAction;
use crate::auth::{ClientInfo, Principal};
use crate::db::Db;
use crate::error::ApiError;
use crate::error::responses::{BadYear, NoCampaign, NoReturnsWrite, NoValidCredentials};
use crate::handlers::campaigns::parse_year;
use crate::returns::{self as workflow, Actor};

/// Submit the return for review. It must hold at least one value and pass
/// every check; the campaign must be open. The return is then locked for
/// the member until CECOP approves it or sends it back.
#[utoipa::path(
    tag = "data",
    security(("bearer" = []), ("api_token" = [])),
    params(("year" = i32, Path, description = "The campaign's reference year.", minimum = 2000, maximum = 2100)),
    responses(
        (status = 200, description = "Submitted; the return as it now is.", body = DataReturn),
        BadYear, NoValidCredentials, NoReturnsWrite, NoCampaign,
        (status = 409, description = "The campaign is not open, or the return is already \
            submitted or approved; `detail` names the state.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "The return is empty or has invalid values.", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[post("/my/returns/{year}/submit")]
pub async fn submit_my_return(
    principal: Principal,
    year: web::Path<String>,
    client: ClientInfo,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let year = parse_year(&year)?;
    let submitted = db
        .run(move |conn| {
            crate::db::write(conn, |conn| {
                let org = organisation(conn, &principal)?;
                let campaign = campaign(conn, year)?;
                let row = workflow::ensure_return(conn, &campaign, org.id)?;
                workflow::transition(conn, &row, Transition::Submit, &Actor::of(&principal), None)?;
                record(
                    conn,
                    &client,
                    &principal,
                    &org,
                    (AuditAction::ReturnSubmitted, year),
                    "submitted".into(),
                )?;
                current(conn, &campaign, org)
            })
        })
        .await?;
    Ok(no_store(&submitted))
}
