//! `GET /api/v1/invitations`: every invitation, newest first.

use actix_web::{HttpRequest, HttpResponse, get, web};
use cecop_shared::{Invitation, Page};
use chrono::Utc;

use super::to_invitation;
use crate::auth::AdminUser;
use crate::db::{Db, invitations};
use crate::error::ApiError;
use crate::error::responses::{BadParameter, NotAdmin, NotSignedIn};
use crate::handlers::NO_STORE;
use crate::handlers::pagination::{PageParams, page_response};

/// List invitations, newest first, with where each stands (admins only).
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(PageParams),
    responses(
        (status = 200, description = "One page of invitations.", body = Page<Invitation>,
            headers(
                ("X-Total-Count" = u64, description = "All invitations."),
                ("Link" = String, description = "RFC 8288 links: first, prev, next, last.")
            )),
        BadParameter, NotSignedIn, NotAdmin
    )
)]
#[get("/invitations")]
pub async fn list_invitations(
    _admin: AdminUser,
    req: HttpRequest,
    query: web::Query<PageParams>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let request = query.request()?;
    let (rows, total) = db
        .run(move |conn| {
            Ok(invitations::list(
                conn,
                request.offset(),
                i64::from(request.per_page()),
            )?)
        })
        .await?;
    let now = Utc::now().naive_utc();
    let items: Vec<_> = rows.into_iter().map(|r| to_invitation(r, now)).collect();
    Ok(page_response(&req, request, items, total, &[NO_STORE]))
}
