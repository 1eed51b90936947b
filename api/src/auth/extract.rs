//! Extractors: `Principal` (a signed-in person or an API token, from
//! `Authorization: Bearer`), `CurrentUser` (a person only), `AdminUser` and
//! `StaffUser`. Handlers never parse `Authorization` themselves; each
//! declares what it needs by the extractor it takes. (Where a request comes
//! from is `auth::client`.)

use std::future::{Future, ready};
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use cecop_shared::{Email, Role, Scope, Slug};
use chrono::Utc;

use super::audit::{self, AuditAction, Event};
use super::{AuthState, ClientInfo, api_tokens, session_tokens};
use crate::db::api_tokens as db_tokens;
use crate::db::audit as audit_log;
use crate::db::{Db, sessions, two_factor, users};
use crate::error::ApiError;

/// The signed-in user making the request.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: i64,
    pub email: Email,
    pub display_name: String,
    pub role: Role,
    pub organisation: Option<Slug>,
    /// The session (refresh-token family) the access token belongs to.
    pub session: String,
    /// An admin while `CECOP_REQUIRE_2FA_FOR_ADMINS` is set who has not
    /// turned two-factor sign-in on: refused everywhere but their own
    /// account's routes until they do.
    pub needs_two_factor: bool,
}

impl CurrentUser {
    /// How the audit log names this user.
    pub fn actor(&self) -> String {
        format!("user:{}", self.id)
    }
}

/// The token of an `Authorization: Bearer …` header, if any.
fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

/// An API token acting for its organisation (or, with none, an integrator).
#[derive(Debug, Clone)]
pub struct TokenPrincipal {
    pub id: i64,
    pub prefix: String,
    pub scopes: Vec<Scope>,
    pub organisation: Option<Slug>,
}

/// Whoever presented valid credentials: a signed-in person (access JWT) or an
/// API token. `Authorization: Bearer …` accepts either.
#[derive(Debug, Clone)]
pub enum Principal {
    User(CurrentUser),
    Token(TokenPrincipal),
}

impl Principal {
    /// How the audit log names this principal.
    pub fn actor(&self) -> String {
        match self {
            Self::User(user) => user.actor(),
            Self::Token(token) => format!("token:{}", token.prefix),
        }
    }

    /// The organisation this principal may act for with `scope`: a member
    /// user's own organisation, or a token's when it holds the scope.
    pub fn organisation_for(&self, scope: Scope) -> Result<Slug, ApiError> {
        let organisation = match self {
            Self::User(user) if user.role == Role::Member => user.organisation.clone(),
            Self::Token(token) if token.scopes.contains(&scope) => token.organisation.clone(),
            Self::Token(_) => {
                return Err(ApiError::Forbidden(format!(
                    "This token lacks the {scope} scope."
                )));
            }
            Self::User(_) => None,
        };
        organisation.ok_or_else(|| {
            ApiError::Forbidden("Only a member organisation's users and tokens can do this.".into())
        })
    }
}

impl FromRequest for Principal {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let token = bearer(req);
        let auth = req.app_data::<web::Data<AuthState>>().cloned();
        let db = req.app_data::<web::Data<Db>>().cloned();
        let client = ClientInfo::from_request(req, payload).into_inner();
        let enrolment_path = is_enrolment_path(req.path());
        Box::pin(async move {
            let token = token.ok_or_else(|| {
                ApiError::Unauthorized(
                    "Sign in and send `Authorization: Bearer <access token>`.".into(),
                )
            })?;
            let (Some(auth), Some(db), Ok(client)) = (auth, db, client) else {
                return Err(ApiError::Internal(anyhow::anyhow!(
                    "auth state not configured"
                )));
            };
            if token.starts_with(api_tokens::PREFIX) {
                return resolve_api_token(token, &db, client).await.map(Self::Token);
            }
            let user = resolve_user(&token, &auth, &db).await?;
            if user.needs_two_factor && !enrolment_path {
                return Err(ApiError::Forbidden(
                    "Administrators must turn on two-factor sign-in first: \
                     see POST /api/v1/me/two-factor/setup."
                        .into(),
                ));
            }
            Ok(Self::User(user))
        })
    }
}

/// The routes an admin who must but does not yet use two-factor sign-in
/// may still use: their own account (to turn it on) and signing out.
fn is_enrolment_path(path: &str) -> bool {
    path == "/api/v1/me" || path.starts_with("/api/v1/me/") || path.starts_with("/api/v1/auth/")
}

async fn resolve_user(token: &str, auth: &AuthState, db: &Db) -> Result<CurrentUser, ApiError> {
    let invalid = || ApiError::Unauthorized("The access token is invalid or has expired.".into());
    let (id, session) = auth.keys.verify_access(token).ok_or_else(invalid)?;
    let family = session.clone();
    let row = db
        .run(move |conn| {
            let now = Utc::now().naive_utc();
            let active = sessions::is_active(conn, id, &family, now)?;
            Ok(users::find_by_id(conn, id)?.filter(|_| active))
        })
        .await?;
    let row = row.filter(|u| !u.disabled).ok_or_else(invalid)?;
    let needs_two_factor = if auth.requires_two_factor(row.role) {
        !db.run(move |conn| Ok(two_factor::is_enabled(conn, id)?))
            .await?
    } else {
        false
    };
    Ok(CurrentUser {
        needs_two_factor,
        id,
        email: row.email,
        display_name: row.display_name,
        role: row.role,
        organisation: row.organisation,
        session,
    })
}

async fn resolve_api_token(
    secret: String,
    db: &Db,
    client: ClientInfo,
) -> Result<TokenPrincipal, ApiError> {
    let invalid = || ApiError::Unauthorized("The API token is invalid, expired or revoked.".into());
    if !api_tokens::is_well_formed(&secret) {
        return Err(invalid());
    }
    let hash = session_tokens::sha256_hex(&secret);
    let row = db
        .run(move |conn| {
            let Some(row) = db_tokens::find_by_hash(conn, &hash)? else {
                return Ok(None);
            };
            let now = Utc::now().naive_utc();
            if row.revoked_at.is_some() {
                // Once a minute per token: a client retrying a revoked
                // token in a loop must not write a row per request.
                let action = AuditAction::TokenUsedAfterRevocation;
                let id = row.id.to_string();
                let recent = now - chrono::Duration::minutes(1);
                if !audit_log::recorded_since(conn, action.as_str(), ("api_token", &id), recent)? {
                    let event = Event {
                        actor: Some(format!("token:{}", row.prefix)),
                        target: Some(("api_token", id)),
                        ..Event::new(action)
                    };
                    audit::record(conn, &client, event)?;
                }
                return Ok(None);
            }
            if row.expires_at <= now {
                return Ok(None);
            }
            db_tokens::touch(conn, row.id, now)?;
            Ok(Some(row))
        })
        .await?
        .ok_or_else(invalid)?;
    Ok(TokenPrincipal {
        id: row.id,
        scopes: row.scopes.0,
        organisation: row.organisation,
        prefix: row.prefix,
    })
}

impl FromRequest for CurrentUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let principal = Principal::from_request(req, payload);
        Box::pin(async move {
            match principal.await? {
                Principal::User(user) => Ok(user),
                Principal::Token(_) => Err(ApiError::Forbidden(
                    "This operation needs a signed-in person; API tokens cannot use it.".into(),
                )),
            }
        })
    }
}

/// Credentials if the request carries any: `None` without an `Authorization`
/// header; invalid credentials are still a 401, so a client with a broken
/// token learns it instead of silently getting the anonymous view.
#[derive(Debug, Clone)]
pub struct MaybePrincipal(pub Option<Principal>);

impl MaybePrincipal {
    /// True when the caller may read members-only content: any signed-in
    /// person, or a token with `members:read`.
    pub fn reads_members_only(&self) -> bool {
        match &self.0 {
            Some(Principal::User(_)) => true,
            Some(Principal::Token(token)) => token.scopes.contains(&Scope::MembersRead),
            None => false,
        }
    }
}

impl FromRequest for MaybePrincipal {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if !req.headers().contains_key(header::AUTHORIZATION) {
            return Box::pin(ready(Ok(Self(None))));
        }
        let principal = Principal::from_request(req, payload);
        Box::pin(async move { principal.await.map(|p| Self(Some(p))) })
    }
}

/// A signed-in admin; anyone else gets 403 (or 401 without credentials).
#[derive(Debug, Clone)]
pub struct AdminUser(pub CurrentUser);

impl FromRequest for AdminUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = CurrentUser::from_request(req, payload);
        Box::pin(async move {
            let user = user.await?;
            if user.role == Role::Admin {
                Ok(Self(user))
            } else {
                Err(ApiError::Forbidden(
                    "Only administrators can do this.".into(),
                ))
            }
        })
    }
}

/// A signed-in editor or admin (CECOP staff); anyone else gets 403 (or 401
/// without credentials).
#[derive(Debug, Clone)]
pub struct StaffUser(pub CurrentUser);

impl FromRequest for StaffUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = CurrentUser::from_request(req, payload);
        Box::pin(async move {
            let user = user.await?;
            if matches!(user.role, Role::Admin | Role::Editor) {
                Ok(Self(user))
            } else {
                Err(ApiError::Forbidden(
                    "Only CECOP editors and administrators can do this.".into(),
                ))
            }
        })
    }
}
