//! `PATCH /api/v1/users/{id}`: role, organisation binding, name, disabling.

use actix_web::{HttpResponse, patch, web};
use cecop_shared::{FieldError, Role, UpdateUserRequest, User};
use chrono::Utc;

use super::{binding, check_display_name, to_user, user_id};
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{AdminUser, ClientInfo};
use crate::db::users::{self, UserChanges};
use crate::db::{Db, api_tokens, sessions, two_factor};
use crate::error::ApiError;
use crate::error::responses::{BadIdOrBody, InvalidFields, NoSuchUser, NotAdmin, NotSignedIn};
use crate::handlers::NO_STORE;
use crate::handlers::body::Body;

/// Change a user (admins only). Making someone a `member` needs an
/// organisation; making them staff unbinds it. Disabling ends every session
/// of the user at once. Disabling or moving a user (to another organisation,
/// or between an organisation and the staff) revokes the API tokens they
/// created, except those an admin made the organisation's
/// (`survives_creator`). Admins cannot demote or disable themselves, so the
/// platform never loses its last way in by accident.
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The user's id.", minimum = 1)),
    request_body = UpdateUserRequest,
    responses(
        (status = 200, description = "The user as it now is.", body = User),
        BadIdOrBody, NotSignedIn, NotAdmin, NoSuchUser, InvalidFields
    )
)]
#[patch("/users/{id}")]
pub async fn update_user(
    AdminUser(admin): AdminUser,
    id: web::Path<String>,
    Body(request): Body<UpdateUserRequest>,
    client: ClientInfo,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let id = user_id(&id)?;
    let mut errors = Vec::new();
    let display_name = request
        .display_name
        .as_deref()
        .map(|n| check_display_name(n, &mut errors));
    if id == admin.id
        && (request.role.is_some_and(|r| r != Role::Admin) || request.disabled == Some(true))
    {
        errors.push(FieldError::new(
            "role",
            "you cannot demote or disable yourself",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let user = db
        .run(move |conn| {
            crate::db::write(conn, |conn| {
                let current = users::find_by_id(conn, id)?
                    .ok_or_else(|| ApiError::NotFound("No user has this id.".into()))?;
                let role = request.role.unwrap_or(current.role);
                let organisation = match (&request.organisation, role) {
                    (Some(slug), _) => Some(slug.clone()),
                    (None, Role::Member) => current.organisation.clone(),
                    (None, _) => None,
                };
                let member_id = binding(conn, role, organisation.as_ref())?;
                let disabled = request.disabled.unwrap_or(current.disabled);
                let now = Utc::now().naive_utc();
                let changes = UserChanges {
                    display_name: display_name.unwrap_or(current.display_name),
                    role,
                    member_id,
                    disabled,
                    updated_at: now,
                };
                users::update(conn, id, &changes)?;
                if disabled && !current.disabled {
                    sessions::revoke_user(conn, id, now)?;
                }
                // Their tokens are theirs unless an admin made them the
                // organisation's: they go when the person leaves or moves.
                let moved = organisation != current.organisation;
                let tokens_revoked = if (disabled && !current.disabled) || moved {
                    api_tokens::revoke_created_by(conn, id, now)?
                } else {
                    0
                };
                let action = if disabled && !current.disabled {
                    AuditAction::UserDisabled
                } else {
                    AuditAction::UserUpdated
                };
                let event = Event {
                    actor: Some(admin.actor()),
                    target: Some(("user", id.to_string())),
                    detail: Some(format!(
                        "role={} disabled={disabled} tokens_revoked={tokens_revoked}",
                        role.as_str()
                    )),
                    ..Event::new(action)
                };
                audit::record(conn, &client, event)?;
                let row = users::find_by_id(conn, id)?
                    .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("user {id} vanished")))?;
                Ok(to_user(row, two_factor::is_enabled(conn, id)?))
            })
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(user))
}
