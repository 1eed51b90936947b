//! `POST /api/v1/auth/login`: e-mail and password for a session.

use actix_web::{HttpResponse, post, web};
use cecop_shared::{FieldError, LoginRequest, TokenPair};

use super::issue;
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::rate_limit;
use crate::auth::{AuthState, ClientInfo, password, session_tokens};
use crate::db::{Db, users};
use crate::error::ApiError;
use crate::handlers::NO_STORE;
use crate::handlers::body::Body;

/// Sign in with e-mail and password.
///
/// Returns a 15-minute access token and a one-use refresh token. A wrong
/// e-mail and a wrong password get the same answer. After 5 failures for an
/// account, or 20 from one address, within 15 minutes, attempts get 429
/// until the window has passed.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in.", body = TokenPair),
        (status = 400, description = "The body is not a login request.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 401, description = "Wrong e-mail or password.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "A field is too long.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts; see `Retry-After`.",
            body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/login")]
pub async fn login(
    Body(request): Body<LoginRequest>,
    client: ClientInfo,
    db: web::Data<Db>,
    auth: web::Data<AuthState>,
) -> Result<HttpResponse, ApiError> {
    let LoginRequest { email, password } = request;
    let subject = email.trim().to_lowercase();
    let mut errors = Vec::new();
    if subject.chars().count() > cecop_shared::Email::MAX_LEN {
        errors.push(FieldError::new("email", "is too long"));
    }
    if password.chars().count() > password::MAX_CHARS {
        errors.push(FieldError::new("password", "is too long"));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let keys = auth.keys.clone();
    let pair = db
        .run(move |conn| {
            rate_limit::check_login(conn, client.ip.as_deref().unwrap_or_default(), &subject)?;
            let user = users::find_by_email(conn, &subject)?.filter(|u| !u.disabled);
            let verified = match &user {
                Some(user) => password::verify(&password, &user.password_hash),
                None => {
                    // Same work as a real check, so timing says nothing either.
                    password::verify(&password, password::decoy_hash());
                    false
                }
            };
            let Some(user) = user.filter(|_| verified) else {
                let event = Event {
                    subject: Some(subject),
                    ..Event::new(AuditAction::LoginFailed)
                };
                audit::record(conn, &client, event)?;
                return Err(ApiError::Unauthorized(
                    "The e-mail address or password is wrong.".into(),
                ));
            };
            crate::db::write(conn, |conn| {
                let pair = issue(conn, &keys, user.id, session_tokens::random_string(22))?;
                let event = Event {
                    actor: Some(format!("user:{}", user.id)),
                    target: Some(("user", user.id.to_string())),
                    ..Event::new(AuditAction::Login)
                };
                audit::record(conn, &client, event)?;
                Ok(pair)
            })
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(pair))
}
