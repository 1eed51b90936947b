//! `PUT /api/v1/my/returns/{year}`: save the return's values.

use actix_web::{HttpResponse, put, web};
use cecop_shared::{DataReturn, ReturnValuesUpdate, RevisionAction};

use super::{campaign, current, no_store, organisation, record};
use crate::auth::audit::AuditAction;
use crate::auth::{ClientInfo, Principal};
use crate::db::Db;
use crate::error::ApiError;
use crate::error::responses::{
    BadYearOrBody, NoCampaign, NoReturnsWrite, NoValidCredentials, ReturnLocked,
};
use crate::handlers::body::Body;
use crate::handlers::campaigns::parse_year;
use crate::returns::{self as workflow, Actor};

/// Save the return's values: the complete set, replacing what was saved
/// (cells left out are not reported). Every value is checked and every
/// problem named by indicator, type and sector; with any problem nothing is
/// saved. The campaign must be open and the return a draft or returned.
#[utoipa::path(
    tag = "data",
    security(("bearer" = []), ("api_token" = [])),
    params(("year" = i32, Path, description = "The campaign's reference year.", minimum = 2000, maximum = 2100)),
    request_body = ReturnValuesUpdate,
    responses(
        (status = 200, description = "Saved; the return as it now is, with warnings.", body = DataReturn),
        BadYearOrBody, NoValidCredentials, NoReturnsWrite, NoCampaign, ReturnLocked,
        (status = 422, description = "Some values are invalid; `errors` names each cell \
            (`indicator.coop_type.sector`).", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[put("/my/returns/{year}")]
pub async fn update_my_return(
    principal: Principal,
    year: web::Path<String>,
    Body(update): Body<ReturnValuesUpdate>,
    client: ClientInfo,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let year = parse_year(&year)?;
    let saved = db
        .run(move |conn| {
            crate::db::write(conn, |conn| {
                let org = organisation(conn, &principal)?;
                let campaign = campaign(conn, year)?;
                let row = workflow::ensure_return(conn, &campaign, org.id)?;
                let changes = workflow::save_values(
                    conn,
                    &row,
                    &update.values,
                    &Actor::of(&principal),
                    RevisionAction::Edited,
                )?;
                if !changes.is_empty() {
                    let detail = format!("{} values changed", changes.len());
                    record(
                        conn,
                        &client,
                        &principal,
                        &org,
                        (AuditAction::ReturnUpdated, year),
                        detail,
                    )?;
                }
                current(conn, &campaign, org)
            })
        })
        .await?;
    Ok(no_store(&saved))
}
