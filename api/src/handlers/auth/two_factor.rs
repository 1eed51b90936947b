//! `POST /api/v1/auth/two-factor`: the second step of a sign-in with
//! two-factor sign-in turned on.

use actix_web::{HttpResponse, post, web};
use cecop_shared::{FieldError, TokenPair, TwoFactorSignIn};

use super::{challenge_binding, start_session};
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::two_factor::{self, Accepted, MAX_CODE_CHARS};
use crate::auth::{AuthState, ClientInfo};
use crate::db::{Db, users};
use crate::error::ApiError;
use crate::error::responses::{BadBody, TooManyCodes};
use crate::handlers::NO_STORE;
use crate::handlers::body::Body;

/// Longest challenge accepted (a signed token of a few hundred bytes).
const MAX_CHALLENGE_CHARS: usize = 1024;

/// Finish signing in with a code from the authenticator app, or with an
/// unused recovery code.
///
/// The challenge comes from the `202` answer of `POST /api/v1/auth/login`
/// and lives five minutes. Each code works once. Wrong codes are throttled
/// per account and client address, and per account over every address
/// (429 with `Retry-After`).
#[utoipa::path(
    tag = "auth",
    request_body = TwoFactorSignIn,
    responses(
        (status = 200, description = "Signed in.", body = TokenPair),
        BadBody,
        (status = 401, description = "The challenge has expired or is not valid any more (sign \
            in again), or the code is wrong or used already.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "The challenge or code is too long.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        TooManyCodes
    )
)]
#[post("/auth/two-factor")]
pub async fn sign_in_second_step(
    Body(request): Body<TwoFactorSignIn>,
    client: ClientInfo,
    db: web::Data<Db>,
    auth: web::Data<AuthState>,
) -> Result<HttpResponse, ApiError> {
    let TwoFactorSignIn { challenge, code } = request;
    let mut errors = Vec::new();
    if challenge.chars().count() > MAX_CHALLENGE_CHARS {
        errors.push(FieldError::new("challenge", "is too long"));
    }
    if code.chars().count() > MAX_CODE_CHARS {
        errors.push(FieldError::new("code", "is too long"));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let expired =
        || ApiError::Unauthorized("The sign-in has expired or ended: sign in again.".into());
    let (user_id, binding) = auth.keys.verify_challenge(&challenge).ok_or_else(expired)?;
    let auth = auth.into_inner();
    let pair = db
        .run(move |conn| {
            let user = users::find_by_id(conn, user_id)?
                .filter(|u| !u.disabled && challenge_binding(&u.password_hash) == binding)
                .ok_or_else(expired)?;
            let source = client.ip.clone().unwrap_or_default();
            let accepted = two_factor::check(conn, &auth.sealer, user.id, &code, &source, false)?;
            let Some(accepted) = accepted else {
                let event = Event {
                    actor: Some(format!("user:{}", user.id)),
                    target: Some(("user", user.id.to_string())),
                    detail: Some("step=sign-in".into()),
                    ..Event::new(AuditAction::TwoFactorFailed)
                };
                audit::record(conn, &client, event)?;
                return Err(ApiError::Unauthorized(
                    "The code is wrong, expired or used already.".into(),
                ));
            };
            crate::db::write(conn, |conn| {
                if let Accepted::RecoveryCode { left } = accepted {
                    let event = Event {
                        actor: Some(format!("user:{}", user.id)),
                        target: Some(("user", user.id.to_string())),
                        detail: Some(format!("left={left}")),
                        ..Event::new(AuditAction::RecoveryCodeUsed)
                    };
                    audit::record(conn, &client, event)?;
                }
                start_session(conn, &auth.keys, user.id, &client)
            })
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(pair))
}
