//! `POST /api/v1/auth/login`: e-mail and password for a session.

use actix_web::{HttpResponse, post, web};
use cecop_shared::{FieldError, LoginChallenge, LoginRequest, TokenPair};
use chrono::Utc;

use super::{challenge_binding, start_session};
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::rate_limit;
use crate::auth::session_tokens::CHALLENGE_TTL_SECS;
use crate::auth::{AuthState, ClientInfo, password};
use crate::db::{Db, two_factor, users};
use crate::error::ApiError;
use crate::handlers::NO_STORE;
use crate::handlers::body::Body;

/// What a right password leads to.
enum Outcome {
    Session(TokenPair),
    /// The account uses two-factor sign-in: a code must follow.
    Challenge(LoginChallenge),
}

/// Sign in with e-mail and password.
///
/// Returns a 15-minute access token and a one-use refresh token. A wrong
/// e-mail and a wrong password get the same answer. Failures are counted
/// per account and client address: after 5, each further attempt at that
/// account from that address must wait (5 s, doubling up to 15 minutes;
/// 429 with `Retry-After` until then), while the owner signing in from
/// elsewhere is not held back. One address gets at most 50 failures in 15
/// minutes over all accounts.
///
/// An account with two-factor sign-in answers `202` with a challenge
/// instead: send it with a code to `POST /api/v1/auth/two-factor`.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in.", body = TokenPair),
        (status = 202, description = "The password is right and the account uses two-factor \
            sign-in: send the challenge with a code to `/api/v1/auth/two-factor` within \
            `expires_in` seconds.", body = LoginChallenge),
        (status = 400, description = "The body is not a login request.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 401, description = "Wrong e-mail or password.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "A field is too long.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts; see `Retry-After`.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many sign-ins at once; try again shortly.",
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
    let source = client.ip.clone().unwrap_or_default();
    let (reservation, user) = {
        let (subject, source) = (subject.clone(), source.clone());
        db.run(move |conn| {
            let reservation = rate_limit::reserve(conn, &subject, &source)?;
            let user = users::find_by_email(conn, &subject)?.filter(|u| !u.disabled);
            Ok((reservation, user))
        })
        .await?
    };
    // The password is checked with no database connection held.
    let stored = user.as_ref().map(|u| u.password_hash.clone());
    let verified = match auth.hasher.verify(password, stored).await {
        Ok(verified) => verified,
        Err(busy) => {
            db.run(move |conn| rate_limit::release(conn, &reservation))
                .await?;
            return Err(busy);
        }
    };
    let keys = auth.keys.clone();
    let outcome = db
        .run(move |conn| {
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
                let now = Utc::now().naive_utc();
                rate_limit::succeeded(conn, &reservation)?;
                rate_limit::purge(conn, now)?;
                if two_factor::is_enabled(conn, user.id)? {
                    let binding = challenge_binding(&user.password_hash);
                    let challenge = keys.issue_challenge(user.id, &binding)?;
                    return Ok(Outcome::Challenge(LoginChallenge {
                        challenge,
                        expires_in: CHALLENGE_TTL_SECS,
                    }));
                }
                start_session(conn, &keys, user.id, &client).map(Outcome::Session)
            })
        })
        .await?;
    Ok(match outcome {
        Outcome::Session(pair) => HttpResponse::Ok().insert_header(NO_STORE).json(pair),
        Outcome::Challenge(challenge) => HttpResponse::Accepted()
            .insert_header(NO_STORE)
            .json(challenge),
    })
}
