//! `GET /api/v1/me`: who the access token belongs to.

use actix_web::{HttpResponse, get};
use cecop_shared::Me;

use crate::auth::CurrentUser;
use crate::error::responses::NotSignedIn;
use crate::handlers::NO_STORE;

/// Get the signed-in user.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The signed-in user.", body = Me),
        NotSignedIn
    )
)]
#[get("/me")]
pub async fn get_me(user: CurrentUser) -> HttpResponse {
    HttpResponse::Ok().insert_header(NO_STORE).json(Me {
        id: user.id,
        email: user.email,
        display_name: user.display_name,
        role: user.role,
        organisation: user.organisation,
    })
}
