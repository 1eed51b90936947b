//! `GET /api/v1/me`: who the access token belongs to.

use actix_web::{HttpResponse, get, web};
use cecop_shared::Me;

use crate::auth::CurrentUser;
use crate::db::{Db, two_factor};
use crate::error::ApiError;
use crate::error::responses::NotSignedIn;
use crate::handlers::NO_STORE;

/// Get the signed-in user.
///
/// `two_factor_required` is true for an admin who must use two-factor
/// sign-in (`CECOP_REQUIRE_2FA_FOR_ADMINS`) and has not turned it on:
/// until they do, only their own account's routes answer them.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The signed-in user.", body = Me),
        NotSignedIn
    )
)]
#[get("/me")]
pub async fn get_me(user: CurrentUser, db: web::Data<Db>) -> Result<HttpResponse, ApiError> {
    let id = user.id;
    let enabled = db
        .run(move |conn| Ok(two_factor::is_enabled(conn, id)?))
        .await?;
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(Me {
        id: user.id,
        email: user.email,
        display_name: user.display_name,
        role: user.role,
        organisation: user.organisation,
        two_factor: enabled,
        two_factor_required: user.needs_two_factor,
    }))
}
