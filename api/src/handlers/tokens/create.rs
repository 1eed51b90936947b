//! `POST /api/v1/tokens`: mint an API token; its secret is shown once.

use actix_web::{HttpResponse, post, web};
use cecop_shared::messages::Code;
use cecop_shared::{CreateTokenRequest, CreatedApiToken, FieldError, Role};
use chrono::{Duration, Utc};

use super::{managed_member_id, to_view};
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{ClientInfo, CurrentUser, api_tokens, session_tokens};
use crate::db::api_tokens::{self as db, NewToken};
use crate::db::{Db, members};
use crate::error::ApiError;
use crate::error::responses::{InvalidFields, NotSignedIn};
use crate::handlers::NO_STORE;
use crate::handlers::body::Body;

const DEFAULT_DAYS: u32 = 90;
const MAX_DAYS: u32 = 366;

/// Create an API token.
///
/// A member user's token acts for its own organisation. An admin may name any
/// organisation, or none for an integrator token, which may hold read scopes
/// only. The response carries the secret; it is stored only as a hash and is
/// never shown again.
#[utoipa::path(
    tag = "tokens",
    security(("bearer" = [])),
    request_body = CreateTokenRequest,
    responses(
        (status = 201, description = "Created; the secret is in the body, once.", body = CreatedApiToken),
        (status = 400, description = "The body is not a token request.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        NotSignedIn,
        (status = 403, description = "Not allowed to mint tokens, or not for that organisation.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        InvalidFields
    )
)]
#[post("/tokens")]
pub async fn create_token(
    user: CurrentUser,
    Body(request): Body<CreateTokenRequest>,
    client: ClientInfo,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let name = request.name.trim().to_owned();
    let days = request.expires_in_days.unwrap_or(DEFAULT_DAYS);
    let mut errors = Vec::new();
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
        errors.push(FieldError::new(
            "name",
            "must be 1 to 100 characters, without control characters",
        ));
    }
    if request.scopes.is_empty() {
        errors.push(FieldError::new("scopes", "must name at least one scope"));
    }
    if !(1..=MAX_DAYS).contains(&days) {
        errors.push(
            Code::Between {
                min: 1,
                max: MAX_DAYS.into(),
            }
            .field_error("expires_in_days"),
        );
    }
    if user.role == Role::Admin
        && request.organisation.is_none()
        && request.scopes.iter().any(|s| !s.is_read_only())
    {
        errors.push(FieldError::new(
            "scopes",
            "an integrator token (no organisation) may hold read scopes only",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let created = db
        .run(move |conn| {
            let member_id = match (managed_member_id(conn, &user)?, &request.organisation) {
                // Admin: the named organisation, or none (integrator).
                (None, Some(slug)) => {
                    Some(members::id_by_slug(conn, slug.as_str())?.ok_or_else(|| {
                        ApiError::Validation(vec![FieldError::new(
                            "organisation",
                            "no member organisation has this slug",
                        )])
                    })?)
                }
                (None, None) => None,
                // Member user: always its own organisation.
                (Some(own), requested) => {
                    if requested
                        .as_ref()
                        .is_some_and(|slug| Some(slug) != user.organisation.as_ref())
                    {
                        return Err(ApiError::Forbidden(
                            "You can create tokens for your own organisation only.".into(),
                        ));
                    }
                    Some(own)
                }
            };
            let secret = api_tokens::generate();
            let now = Utc::now().naive_utc();
            let token = NewToken {
                name,
                prefix: secret.chars().take(api_tokens::SHOWN_LEN).collect(),
                token_hash: session_tokens::sha256_hex(&secret),
                scopes: crate::db::types::Scopes::encode(&request.scopes),
                member_id,
                created_by: Some(user.id),
                created_at: now,
                expires_at: now + Duration::days(i64::from(days)),
            };
            crate::db::write(conn, |conn| {
                let id = db::insert(conn, &token)?;
                let event = Event {
                    actor: Some(user.actor()),
                    target: Some(("api_token", id.to_string())),
                    detail: Some(format!("scopes={}", token.scopes)),
                    ..Event::new(AuditAction::TokenCreated)
                };
                audit::record(conn, &client, event)?;
                let row = db::find_by_id(conn, id)?
                    .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("token {id} vanished")))?;
                Ok(CreatedApiToken {
                    token: to_view(row),
                    secret,
                })
            })
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header(NO_STORE)
        .json(created))
}
