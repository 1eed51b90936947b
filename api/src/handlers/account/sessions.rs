//! The signed-in user's sessions: `GET /api/v1/me/sessions` lists the
//! devices signed in, `DELETE /api/v1/me/sessions/{id}` signs one out, and
//! `POST /api/v1/auth/logout-others` signs out all but this one.

use actix_web::{HttpResponse, delete, get, post, web};
use cecop_shared::SignedInSession;
use chrono::Utc;

use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{ClientInfo, CurrentUser};
use crate::db::{Db, sessions};
use crate::error::ApiError;
use crate::error::responses::NotSignedIn;
use crate::handlers::NO_STORE;
use crate::handlers::tokens::rfc3339;

/// List the devices signed in to this account (sessions with a live
/// token), most recently used first; `current` marks this one.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The live sessions.", body = Vec<SignedInSession>),
        NotSignedIn,
        (status = 403, description = "API tokens have no sessions.", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[get("/me/sessions")]
pub async fn list_my_sessions(
    user: CurrentUser,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let (id, current) = (user.id, user.session.clone());
    let rows = db
        .run(move |conn| Ok(sessions::list_active(conn, id, Utc::now().naive_utc())?))
        .await?;
    let list: Vec<SignedInSession> = rows
        .into_iter()
        .map(|row| SignedInSession {
            current: row.family == current,
            id: row.public_id,
            created_at: rfc3339(row.created_at),
            last_used_at: rfc3339(row.last_used_at),
            user_agent: row.user_agent,
            address: row.address,
        })
        .collect();
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(list))
}

/// Sign out one session (a device): its refresh and access tokens stop
/// working at once, on every instance. Ending the current one signs out.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The session's id, from the list.", max_length = 64)),
    responses(
        (status = 204, description = "Signed out."),
        NotSignedIn,
        (status = 403, description = "API tokens have no sessions.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "This account has no live session with this id.",
            body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[delete("/me/sessions/{id}")]
pub async fn end_my_session(
    user: CurrentUser,
    id: web::Path<String>,
    client: ClientInfo,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let public_id = id.into_inner();
    db.run(move |conn| {
        crate::db::write(conn, |conn| {
            let now = Utc::now().naive_utc();
            let not_found = || ApiError::NotFound("No live session of yours has this id.".into());
            let family = sessions::family_of(conn, user.id, &public_id)?.ok_or_else(not_found)?;
            if sessions::revoke_family(conn, &family, now)? == 0 {
                return Err(not_found());
            }
            let event = Event {
                actor: Some(user.actor()),
                target: Some(("user", user.id.to_string())),
                detail: Some(format!("session={public_id}")),
                ..Event::new(AuditAction::SessionEnded)
            };
            audit::record(conn, &client, event)?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Sign out every other session of this account (a lost phone, a shared
/// computer): only the one making this request stays signed in.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Every other session is signed out."),
        NotSignedIn,
        (status = 403, description = "API tokens have no sessions.", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[post("/auth/logout-others")]
pub async fn end_my_other_sessions(
    user: CurrentUser,
    client: ClientInfo,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    db.run(move |conn| {
        crate::db::write(conn, |conn| {
            let now = Utc::now().naive_utc();
            let ended = sessions::revoke_user_except(conn, user.id, &user.session, now)?;
            let event = Event {
                actor: Some(user.actor()),
                target: Some(("user", user.id.to_string())),
                detail: Some(format!("tokens={ended}")),
                ..Event::new(AuditAction::OtherSessionsEnded)
            };
            audit::record(conn, &client, event)?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
