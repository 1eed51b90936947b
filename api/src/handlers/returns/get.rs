//! `GET /api/v1/returns/{id}`.

use actix_web::{HttpResponse, get, web};
use cecop_shared::DataReturn;

use super::{detail, parse_id};
use crate::auth::StaffUser;
use crate::db::Db;
use crate::db::returns;
use crate::error::ApiError;
use crate::error::responses::{BadId, NoSuchReturn, NotSignedIn, NotStaff};
use crate::handlers::NO_STORE;

/// Get one data return with its values, the member's previous approved
/// year, warnings and every revision (editors and admins).
#[utoipa::path(
    tag = "data",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The return's id.", minimum = 1)),
    responses(
        (status = 200, description = "The return.", body = DataReturn),
        BadId, NotSignedIn, NotStaff, NoSuchReturn
    )
)]
#[get("/returns/{id}")]
pub async fn get_return(
    _staff: StaffUser,
    id: web::Path<String>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    let found = db
        .run(move |conn| {
            let row = returns::find_return(conn, id)?
                .ok_or_else(|| ApiError::NotFound(format!("There is no return {id}.")))?;
            detail(conn, &row)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(found))
}
