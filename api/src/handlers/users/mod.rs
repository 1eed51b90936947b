//! User administration (admins only): `GET/POST /api/v1/users`,
//! `GET/PATCH/DELETE /api/v1/users/{id}`.

pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod sessions;
pub mod two_factor;
pub mod unlock;
pub mod update;

use cecop_shared::{Email, FieldError, Role, Slug, User};

use super::tokens::rfc3339;
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{ClientInfo, CurrentUser};
use crate::db::users::{self, UserRow};
use crate::db::{Db, DbConnection, members};
use crate::error::ApiError;

/// The API's view of a user; `two_factor` says whether sign-in asks them
/// for a code (`db::two_factor`).
pub(crate) fn to_user(row: UserRow, two_factor: bool) -> User {
    User {
        two_factor,
        id: row.id,
        email: row.email,
        role: row.role,
        organisation: row.organisation,
        display_name: row.display_name,
        disabled: row.disabled,
        created_at: rfc3339(row.created_at),
    }
}

/// An admin's action on one user (`/users/{id}/…`), in one write
/// transaction: the user must exist (else 404), `work` does the change and
/// says what to put in the audit entry's detail, and the entry is recorded
/// as `action` by the admin.
pub(crate) async fn act_on_user<F>(
    db: &Db,
    admin: CurrentUser,
    client: ClientInfo,
    raw_id: &str,
    action: AuditAction,
    work: F,
) -> Result<(), ApiError>
where
    F: FnOnce(&mut DbConnection, &UserRow) -> Result<String, ApiError> + Send + 'static,
{
    let id = user_id(raw_id)?;
    db.run(move |conn| {
        crate::db::write(conn, |conn| {
            let user = users::find_by_id(conn, id)?
                .ok_or_else(|| ApiError::NotFound("No user has this id.".into()))?;
            let detail = work(conn, &user)?;
            let event = Event {
                actor: Some(admin.actor()),
                target: Some(("user", id.to_string())),
                detail: Some(detail),
                ..Event::new(action)
            };
            audit::record(conn, &client, event)?;
            Ok(())
        })
    })
    .await
}

/// Parses a user id from the path.
pub(crate) fn user_id(raw: &str) -> Result<i64, ApiError> {
    raw.parse()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| ApiError::invalid("id", "must be a positive whole number"))
}

/// An e-mail address, or its field error.
pub(crate) fn check_email(raw: &str, errors: &mut Vec<FieldError>) -> Option<Email> {
    raw.parse()
        .map_err(|e| errors.push(FieldError::new("email", format!("{e}"))))
        .ok()
}

/// A display name: trimmed, 1 to 100 characters, one line.
pub(crate) fn check_display_name(name: &str, errors: &mut Vec<FieldError>) -> String {
    let name = name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
        errors.push(FieldError::new(
            "display_name",
            "must be 1 to 100 characters on one line",
        ));
    }
    name
}

/// The member id a user of `role` binds to: required for members, refused
/// for staff (admins and editors belong to no organisation).
pub(crate) fn binding(
    conn: &mut DbConnection,
    role: Role,
    organisation: Option<&Slug>,
) -> Result<Option<i64>, ApiError> {
    match (role, organisation) {
        (Role::Member, Some(slug)) => members::id_by_slug(conn, slug.as_str())?
            .map(Some)
            .ok_or_else(|| {
                ApiError::Validation(vec![FieldError::new(
                    "organisation",
                    "no member organisation has this slug",
                )])
            }),
        (Role::Member, None) => Err(ApiError::Validation(vec![FieldError::new(
            "organisation",
            "a member user must belong to an organisation",
        )])),
        (_, Some(_)) => Err(ApiError::Validation(vec![FieldError::new(
            "organisation",
            "only member users belong to an organisation",
        )])),
        (_, None) => Ok(None),
    }
}
