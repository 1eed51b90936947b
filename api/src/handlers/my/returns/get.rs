//! `GET /api/v1/my/returns/{year}`: the caller's organisation's return.

use actix_web::{HttpResponse, get, web};
use cecop_shared::DataReturn;

use super::{campaign, current, no_store, organisation};
use crate::auth::Principal;
use crate::db::Db;
use crate::error::ApiError;
use crate::error::responses::{BadYear, NoCampaign, NoReturnsWrite, NoValidCredentials};
use crate::handlers::campaigns::parse_year;

/// Get the caller's organisation's return for a year: values, state, the
/// reviewer's reason, warnings against the previous approved year, and
/// every revision. A return nobody has started reads as an empty draft.
#[utoipa::path(
    tag = "data",
    security(("bearer" = []), ("api_token" = [])),
    params(("year" = i32, Path, description = "The campaign's reference year.", minimum = 2000, maximum = 2100)),
    responses(
        (status = 200, description = "The return.", body = DataReturn),
        BadYear, NoValidCredentials, NoReturnsWrite, NoCampaign
    )
)]
#[get("/my/returns/{year}")]
pub async fn get_my_return(
    principal: Principal,
    year: web::Path<String>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let year = parse_year(&year)?;
    let found = db
        .run(move |conn| {
            let org = organisation(conn, &principal)?;
            let campaign = campaign(conn, year)?;
            current(conn, &campaign, org)
        })
        .await?;
    Ok(no_store(&found))
}
