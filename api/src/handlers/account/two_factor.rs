//! The signed-in user's two-factor sign-in: `GET /api/v1/me/two-factor`,
//! and `POST …/setup`, `…/confirm`, `…/disable`, `…/recovery-codes`.
//!
//! Turning it on takes two steps: `setup` (with the password) makes a new
//! secret for the authenticator app; `confirm` (with a code from the app)
//! turns it on and returns the recovery codes, shown once.

use actix_web::{HttpResponse, get, post, web};
use cecop_shared::messages::Code;
use cecop_shared::{
    RecoveryCodes, TwoFactorCode, TwoFactorSetup, TwoFactorSetupRequest, TwoFactorStatus,
};
use chrono::Utc;

use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::two_factor::{self, Accepted, MAX_CODE_CHARS};
use crate::auth::{AuthState, ClientInfo, CurrentUser, password, rate_limit};
use crate::db::{Db, DbConnection, two_factor as factors, users};
use crate::error::ApiError;
use crate::error::responses::{BadBody, NotSignedIn, TooManyCodes, WrongCode};
use crate::handlers::NO_STORE;
use crate::handlers::body::Body;
use crate::handlers::tokens::rfc3339;

/// The user's two-factor sign-in, as the API shows it.
fn status_of(
    conn: &mut DbConnection,
    user_id: i64,
    required: bool,
) -> Result<TwoFactorStatus, ApiError> {
    let confirmed = factors::find(conn, user_id)?.and_then(|f| f.confirmed_at);
    let left = match confirmed {
        Some(_) => factors::recovery_codes_left(conn, user_id)?,
        None => 0,
    };
    Ok(TwoFactorStatus {
        enabled: confirmed.is_some(),
        enabled_at: confirmed.map(rfc3339),
        recovery_codes_left: left,
        required,
    })
}

/// Checks a code for the signed-in user, recording a wrong one; a 422
/// naming `code` when it is wrong.
fn check_code(
    conn: &mut DbConnection,
    auth: &AuthState,
    user: &CurrentUser,
    client: &ClientInfo,
    code: &str,
    pending: bool,
) -> Result<Accepted, ApiError> {
    let source = client.ip.clone().unwrap_or_default();
    let accepted = two_factor::check(conn, &auth.sealer, user.id, code, &source, pending)?;
    if let Some(accepted) = accepted {
        if let Accepted::RecoveryCode { left } = accepted {
            let event = Event {
                actor: Some(user.actor()),
                target: Some(("user", user.id.to_string())),
                detail: Some(format!("left={left}")),
                ..Event::new(AuditAction::RecoveryCodeUsed)
            };
            audit::record(conn, client, event)?;
        }
        return Ok(accepted);
    }
    let event = Event {
        actor: Some(user.actor()),
        target: Some(("user", user.id.to_string())),
        ..Event::new(AuditAction::TwoFactorFailed)
    };
    audit::record(conn, client, event)?;
    Err(ApiError::Validation(vec![
        Code::WrongCode.field_error("code"),
    ]))
}

/// Runs `then` in one write transaction once `code` proved that the user
/// holds their second factor: the set-up waiting for confirmation
/// (`pending`) or the confirmed one. 409 when there is no such factor, 422
/// naming `code` when the code is wrong, 429 when throttled.
async fn with_code<T, F>(
    db: &Db,
    auth: web::Data<AuthState>,
    user: CurrentUser,
    client: ClientInfo,
    code: String,
    pending: bool,
    then: F,
) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConnection, &CurrentUser, &ClientInfo) -> Result<T, ApiError> + Send + 'static,
{
    code_too_long(&code)?;
    let auth = auth.into_inner();
    db.run(move |conn| {
        let factor = factors::find(conn, user.id)?;
        let ready = factor.is_some_and(|f| f.confirmed_at.is_none() == pending);
        if !ready {
            return Err(if pending { no_setup() } else { not_on() });
        }
        check_code(conn, &auth, &user, &client, &code, pending)?;
        crate::db::write(conn, |conn| then(conn, &user, &client))
    })
    .await
}

fn code_too_long(code: &str) -> Result<(), ApiError> {
    if code.chars().count() > MAX_CODE_CHARS {
        return Err(ApiError::Validation(vec![
            Code::TooLong {
                max: MAX_CODE_CHARS as u64,
            }
            .field_error("code"),
        ]));
    }
    Ok(())
}

/// New recovery codes for the user, replacing any others; returns them as
/// shown once.
fn replace_codes(conn: &mut DbConnection, user_id: i64) -> Result<RecoveryCodes, ApiError> {
    let codes = two_factor::new_recovery_codes();
    let hashes: Vec<String> = codes
        .iter()
        .filter_map(|c| two_factor::recovery_code_hash(c))
        .collect();
    factors::replace_recovery_codes(conn, user_id, &hashes, Utc::now().naive_utc())?;
    Ok(RecoveryCodes { codes })
}

fn on_already() -> ApiError {
    ApiError::Conflict {
        field: "two_factor".into(),
        message: "two-factor sign-in is on already".into(),
    }
}

fn no_setup() -> ApiError {
    ApiError::Conflict {
        field: "two_factor".into(),
        message: "no setup is waiting for confirmation: begin with \
                  POST /api/v1/me/two-factor/setup"
            .into(),
    }
}

fn not_on() -> ApiError {
    ApiError::Conflict {
        field: "two_factor".into(),
        message: "two-factor sign-in is not on".into(),
    }
}

fn audit_own(
    conn: &mut DbConnection,
    client: &ClientInfo,
    user: &CurrentUser,
    action: AuditAction,
) -> Result<(), ApiError> {
    let event = Event {
        actor: Some(user.actor()),
        target: Some(("user", user.id.to_string())),
        ..Event::new(action)
    };
    audit::record(conn, client, event)?;
    Ok(())
}

/// The signed-in user's two-factor sign-in: on or off, since when, and how
/// many recovery codes are left.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The user's two-factor sign-in.", body = TwoFactorStatus),
        NotSignedIn
    )
)]
#[get("/me/two-factor")]
pub async fn get_two_factor(
    user: CurrentUser,
    db: web::Data<Db>,
    auth: web::Data<AuthState>,
) -> Result<HttpResponse, ApiError> {
    let required = auth.requires_two_factor(user.role);
    let status = db
        .run(move |conn| status_of(conn, user.id, required))
        .await?;
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(status))
}

/// Begin turning two-factor sign-in on: a new secret for an authenticator
/// app, shown once (scan `otpauth_uri` as a QR code, or type `secret`).
///
/// Needs the password again; wrong ones are throttled like failed sign-ins.
/// Nothing changes at sign-in until the secret is confirmed with a code
/// (`POST /api/v1/me/two-factor/confirm`); setting up again replaces an
/// unconfirmed secret.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = TwoFactorSetupRequest,
    responses(
        (status = 200, description = "A new secret, not yet in use.", body = TwoFactorSetup),
        BadBody,
        NotSignedIn,
        (status = 409, description = "Two-factor sign-in is on already.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The password is wrong (`errors` names `password`).",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many wrong passwords; see `Retry-After`.",
            body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[post("/me/two-factor/setup")]
pub async fn set_up_two_factor(
    user: CurrentUser,
    Body(request): Body<TwoFactorSetupRequest>,
    client: ClientInfo,
    db: web::Data<Db>,
    auth: web::Data<AuthState>,
) -> Result<HttpResponse, ApiError> {
    let wrong = || ApiError::Validation(vec![Code::WrongPassword.field_error("password")]);
    if request.password.chars().count() > password::MAX_CHARS {
        return Err(wrong());
    }
    let account = user.email.as_str().to_owned();
    let source = client.ip.clone().unwrap_or_default();
    let user_id = user.id;
    let (reservation, stored) = db
        .run(move |conn| {
            if factors::is_enabled(conn, user_id)? {
                return Err(on_already());
            }
            let reservation = rate_limit::reserve(conn, &account, &source)?;
            let stored = users::find_by_id(conn, user_id)?
                .ok_or_else(|| ApiError::Unauthorized("The account no longer exists.".into()))?;
            Ok((reservation, stored.password_hash))
        })
        .await?;
    if !auth.hasher.verify(request.password, Some(stored)).await? {
        return Err(wrong());
    }
    let secret = two_factor::new_secret();
    let totp = two_factor::totp(&secret, user.email.as_str())?;
    let setup = TwoFactorSetup {
        secret: totp.secret().to_base32(),
        otpauth_uri: totp
            .to_url()
            .map_err(|e| anyhow::anyhow!("cannot write the key URI: {e}"))?,
    };
    let sealed = auth.sealer.seal(user_id, &secret)?;
    db.run(move |conn| {
        crate::db::write(conn, |conn| {
            rate_limit::succeeded(conn, &reservation)?;
            if factors::begin(conn, user_id, &sealed, Utc::now().naive_utc())? == 0 {
                return Err(on_already());
            }
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(setup))
}

/// Turn two-factor sign-in on with a code from the app just set up; returns
/// ten recovery codes, shown once.
///
/// From now on, signing in asks for a code after the password. Other
/// sessions stay signed in.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = TwoFactorCode,
    responses(
        (status = 200, description = "On; keep the recovery codes somewhere safe.",
            body = RecoveryCodes),
        BadBody,
        NotSignedIn,
        (status = 409, description = "No setup is waiting for confirmation (or it is on already).",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        WrongCode,
        TooManyCodes
    )
)]
#[post("/me/two-factor/confirm")]
pub async fn confirm_two_factor(
    user: CurrentUser,
    Body(request): Body<TwoFactorCode>,
    client: ClientInfo,
    db: web::Data<Db>,
    auth: web::Data<AuthState>,
) -> Result<HttpResponse, ApiError> {
    let codes = with_code(
        &db,
        auth,
        user,
        client,
        request.code,
        true,
        |conn, user, client| {
            if factors::confirm(conn, user.id, Utc::now().naive_utc())? == 0 {
                return Err(not_on());
            }
            let codes = replace_codes(conn, user.id)?;
            audit_own(conn, client, user, AuditAction::TwoFactorEnabled)?;
            Ok(codes)
        },
    )
    .await?;
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(codes))
}

/// Turn two-factor sign-in off, with a code from the app or a recovery
/// code. Refused (409) while the server requires it of this account.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = TwoFactorCode,
    responses(
        (status = 204, description = "Off; signing in asks for the password only."),
        BadBody,
        NotSignedIn,
        (status = 409, description = "It is not on, or the server requires it of administrators.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        WrongCode,
        TooManyCodes
    )
)]
#[post("/me/two-factor/disable")]
pub async fn disable_two_factor(
    user: CurrentUser,
    Body(request): Body<TwoFactorCode>,
    client: ClientInfo,
    db: web::Data<Db>,
    auth: web::Data<AuthState>,
) -> Result<HttpResponse, ApiError> {
    if auth.requires_two_factor(user.role) {
        return Err(ApiError::Conflict {
            field: "two_factor".into(),
            message: "this server requires two-factor sign-in of administrators".into(),
        });
    }
    with_code(
        &db,
        auth,
        user,
        client,
        request.code,
        false,
        |conn, user, client| {
            if factors::remove(conn, user.id)? == 0 {
                return Err(not_on());
            }
            audit_own(conn, client, user, AuditAction::TwoFactorDisabled)
        },
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Replace the recovery codes (all ten, used or not) with new ones, shown
/// once; needs a code from the app or a recovery code.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = TwoFactorCode,
    responses(
        (status = 200, description = "The new recovery codes; the old ones no longer work.",
            body = RecoveryCodes),
        BadBody,
        NotSignedIn,
        (status = 409, description = "Two-factor sign-in is not on.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        WrongCode,
        TooManyCodes
    )
)]
#[post("/me/two-factor/recovery-codes")]
pub async fn replace_recovery_codes(
    user: CurrentUser,
    Body(request): Body<TwoFactorCode>,
    client: ClientInfo,
    db: web::Data<Db>,
    auth: web::Data<AuthState>,
) -> Result<HttpResponse, ApiError> {
    let codes = with_code(
        &db,
        auth,
        user,
        client,
        request.code,
        false,
        |conn, user, client| {
            let codes = replace_codes(conn, user.id)?;
            audit_own(conn, client, user, AuditAction::RecoveryCodesReplaced)?;
            Ok(codes)
        },
    )
    .await?;
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(codes))
}
