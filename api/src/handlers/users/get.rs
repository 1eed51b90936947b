//! `GET /api/v1/users/{id}`.

use actix_web::{HttpResponse, get, web};
use cecop_shared::User;

use super::{to_user, user_id};
use crate::auth::AdminUser;
use crate::db::{Db, two_factor, users};
use crate::error::ApiError;
use crate::error::responses::{BadId, NoSuchUser, NotAdmin, NotSignedIn};
use crate::handlers::NO_STORE;

/// Get one user (admins only).
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The user's id.", minimum = 1)),
    responses(
        (status = 200, description = "The user.", body = User),
        BadId, NotSignedIn, NotAdmin, NoSuchUser
    )
)]
#[get("/users/{id}")]
pub async fn get_user(
    _admin: AdminUser,
    id: web::Path<String>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let id = user_id(&id)?;
    let (row, enabled) = db
        .run(move |conn| {
            Ok((
                users::find_by_id(conn, id)?,
                two_factor::is_enabled(conn, id)?,
            ))
        })
        .await?;
    let row = row.ok_or_else(|| ApiError::NotFound("No user has this id.".into()))?;
    Ok(HttpResponse::Ok()
        .insert_header(NO_STORE)
        .json(to_user(row, enabled)))
}
