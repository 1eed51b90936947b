//! Extractors: `CurrentUser` (a valid bearer access token of an enabled user;
//! otherwise 401) and `ClientInfo` (address and user agent for the audit
//! log). Handlers never parse `Authorization` themselves.

use std::future::{Future, Ready, ready};
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use cecop_shared::{Email, Role, Slug};

use super::AuthState;
use crate::db::{Pool, users};
use crate::error::ApiError;
use crate::handlers::with_conn;

/// The signed-in user making the request.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: i64,
    pub email: Email,
    pub display_name: String,
    pub role: Role,
    pub organisation: Option<Slug>,
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

impl FromRequest for CurrentUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let token = bearer(req);
        let auth = req.app_data::<web::Data<AuthState>>().cloned();
        let pool = req.app_data::<web::Data<Pool>>().cloned();
        Box::pin(async move {
            let token = token.ok_or_else(|| {
                ApiError::Unauthorized(
                    "Sign in and send `Authorization: Bearer <access token>`.".into(),
                )
            })?;
            let (Some(auth), Some(pool)) = (auth, pool) else {
                return Err(ApiError::Internal(anyhow::anyhow!(
                    "auth state not configured"
                )));
            };
            let invalid =
                || ApiError::Unauthorized("The access token is invalid or has expired.".into());
            let id = auth.keys.verify_access(&token).ok_or_else(invalid)?;
            let row = with_conn(&pool, move |conn| Ok(users::find_by_id(conn, id)?)).await?;
            let row = row.filter(|u| !u.disabled).ok_or_else(invalid)?;
            let corrupt = |what: &str| ApiError::Internal(anyhow::anyhow!("user {id}: bad {what}"));
            Ok(Self {
                id,
                email: row.email.parse().map_err(|_| corrupt("email"))?,
                display_name: row.display_name,
                role: row.role.parse().map_err(|_| corrupt("role"))?,
                organisation: match row.organisation {
                    Some(slug) => Some(slug.parse().map_err(|_| corrupt("organisation"))?),
                    None => None,
                },
            })
        })
    }
}

/// Where a request comes from, for the audit log and rate limits. The address
/// is the TCP peer's: forwarding headers are not trusted, since any client
/// can set them.
#[derive(Debug, Clone, Default)]
pub struct ClientInfo {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

impl FromRequest for ClientInfo {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let user_agent = req
            .headers()
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|ua| ua.chars().take(512).collect());
        ready(Ok(Self {
            ip: req.peer_addr().map(|a| a.ip().to_string()),
            user_agent,
        }))
    }
}
