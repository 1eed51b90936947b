//! `GET /api/v1/tokens`: the tokens this user manages, never their secrets.

use actix_web::{HttpResponse, get, web};
use cecop_shared::ApiToken;

use super::{managed_member_id, to_view};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::api_tokens as db;
use crate::error::ApiError;
use crate::error::responses::{NotSignedIn, NotTokenManager};
use crate::handlers::NO_STORE;

/// List API tokens: a member user's organisation's, or all for an admin.
/// Newest first; revoked tokens are included with `revoked_at` set.
#[utoipa::path(
    tag = "tokens",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The tokens.", body = Vec<ApiToken>),
        NotSignedIn, NotTokenManager
    )
)]
#[get("/tokens")]
pub async fn list_tokens(user: CurrentUser, db: web::Data<Db>) -> Result<HttpResponse, ApiError> {
    let rows = db
        .run(move |conn| {
            let member_id = managed_member_id(conn, &user)?;
            Ok(db::list(conn, member_id)?)
        })
        .await?;
    let tokens: Vec<ApiToken> = rows.into_iter().map(to_view).collect();
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(tokens))
}
