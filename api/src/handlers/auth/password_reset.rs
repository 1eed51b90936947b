//! `POST /api/v1/auth/password-reset` and `…/password-reset/confirm`: a
//! forgotten password replaced through a single-use link sent by e-mail.

use actix_web::{HttpResponse, post, web};
use cecop_shared::{FieldError, PasswordResetConfirmation, PasswordResetRequest, UiLanguage};
use chrono::{Duration, Utc};

use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{AuthState, ClientInfo, password, rate_limit, session_tokens};
use crate::db::password_resets::{self, NewReset};
use crate::db::{Db, sessions, users};
use crate::error::ApiError;
use crate::handlers::body::Body;
use crate::mail::{self, Letter, Mailer};

/// How long a reset link works.
pub const LINK_MINUTES: i64 = 30;
/// No second link to the same account within this long: a button pressed
/// twice, or someone filling another's mailbox, sends one message.
const COOLDOWN_SECS: i64 = 60;

/// The longest token accepted (links carry 43 characters).
const MAX_TOKEN: usize = 128;

/// Ask for a password-reset link.
///
/// Always 202, whether or not an account has this address, so the answer
/// tells nobody who has an account. When an enabled account has it, a link
/// that sets a new password once, within 30 minutes, is e-mailed to it in
/// the account's language (at most one a minute). Requests are throttled
/// per address and client like failed sign-ins (429).
#[utoipa::path(
    tag = "auth",
    request_body = PasswordResetRequest,
    responses(
        (status = 202, description = "If an account has this address, a link is on its way."),
        (status = 400, description = "The body is not a reset request.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "The address is too long.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 429, description = "Too many requests; see `Retry-After`.",
            body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/password-reset")]
pub async fn request_password_reset(
    Body(request): Body<PasswordResetRequest>,
    client: ClientInfo,
    db: web::Data<Db>,
    mailer: web::Data<Mailer>,
) -> Result<HttpResponse, ApiError> {
    let subject = request.email.trim().to_lowercase();
    if subject.chars().count() > cecop_shared::Email::MAX_LEN {
        return Err(ApiError::Validation(vec![FieldError::new(
            "email",
            "is too long",
        )]));
    }
    let source = client.ip.clone().unwrap_or_default();
    let link_base = mailer.link("/reset-password#token=");
    let sent = db
        .run(move |conn| {
            // Each request counts as a failure of its own throttle key:
            // asking is cheap, so it is limited like guessing.
            rate_limit::reserve(conn, &format!("reset:{subject}"), &source)?;
            crate::db::write(conn, |conn| {
                let now = Utc::now().naive_utc();
                let event = Event {
                    subject: Some(subject.clone()),
                    ..Event::new(AuditAction::PasswordResetRequested)
                };
                audit::record(conn, &client, event)?;
                let Some(user) = users::find_by_email(conn, &subject)?.filter(|u| !u.disabled)
                else {
                    return Ok(false);
                };
                let recent = password_resets::latest_usable(conn, user.id, now)?
                    .is_some_and(|at| at > now - Duration::seconds(COOLDOWN_SECS));
                if recent {
                    return Ok(false);
                }
                password_resets::purge(conn, now - Duration::days(1))?;
                let token = session_tokens::random_string(43);
                password_resets::insert(
                    conn,
                    &NewReset {
                        user_id: user.id,
                        token_hash: session_tokens::sha256_hex(&token),
                        created_at: now,
                        expires_at: now + Duration::minutes(LINK_MINUTES),
                    },
                )?;
                let language = users::language_of(conn, user.id)?.unwrap_or(UiLanguage::En);
                let letter = Letter::PasswordReset {
                    link: format!("{link_base}{token}"),
                    minutes: LINK_MINUTES,
                };
                mail::enqueue(conn, user.email.as_str(), language, &letter)?;
                Ok(true)
            })
        })
        .await?;
    if sent {
        mailer.wake();
    }
    Ok(HttpResponse::Accepted().finish())
}

/// Set a new password with a reset link's token.
///
/// The link works once: afterwards, and after 30 minutes, it is refused
/// (422 naming `token`). Setting the password ends every session of the
/// account and every other reset link, and clears its sign-in throttles.
#[utoipa::path(
    tag = "auth",
    request_body = PasswordResetConfirmation,
    responses(
        (status = 204, description = "The password is set; sign in with it."),
        (status = 400, description = "The body is not a reset confirmation.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "The link is invalid, used or expired (`token`), or the \
            password is refused (`new_password`).", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 503, description = "Too many password operations at once; try again shortly.",
            body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/password-reset/confirm")]
pub async fn confirm_password_reset(
    Body(request): Body<PasswordResetConfirmation>,
    client: ClientInfo,
    db: web::Data<Db>,
    auth: web::Data<AuthState>,
) -> Result<HttpResponse, ApiError> {
    let PasswordResetConfirmation {
        token,
        new_password,
    } = request;
    let invalid = || {
        ApiError::Validation(vec![FieldError::new(
            "token",
            "this link is invalid, used or expired: ask for a new one",
        )])
    };
    if token.is_empty() || token.len() > MAX_TOKEN {
        return Err(invalid());
    }
    let token_hash = session_tokens::sha256_hex(&token);
    let email = {
        let token_hash = token_hash.clone();
        db.run(move |conn| {
            let now = Utc::now().naive_utc();
            Ok(password_resets::usable_email(conn, &token_hash, now)?)
        })
        .await?
        .ok_or_else(invalid)?
    };
    if let Err(code) = password::check_policy(&new_password, email.as_str()) {
        return Err(ApiError::Validation(vec![code.field_error("new_password")]));
    }
    let hash = auth.hasher.hash(new_password).await?;
    db.run(move |conn| {
        crate::db::write(conn, |conn| {
            let now = Utc::now().naive_utc();
            // Redeemed here, in the transaction that sets the password: of
            // two uses of one link, exactly one sets it.
            let user_id = password_resets::redeem(conn, &token_hash, now)?.ok_or_else(invalid)?;
            users::set_password_hash(conn, user_id, &hash, now)?;
            sessions::revoke_user(conn, user_id, now)?;
            rate_limit::unlock(conn, email.as_str())?;
            let event = Event {
                actor: Some(format!("user:{user_id}")),
                target: Some(("user", user_id.to_string())),
                ..Event::new(AuditAction::PasswordReset)
            };
            audit::record(conn, &client, event)?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
