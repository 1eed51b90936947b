//! `POST /api/v1/users`: an admin creates an account.

use actix_web::{HttpResponse, post, web};
use cecop_shared::{CreateUserRequest, User};
use chrono::Utc;

use super::{binding, check_display_name, check_email};
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{AdminUser, AuthState, ClientInfo, password};
use crate::db::Db;
use crate::db::users::{self, NewUser};
use crate::error::ApiError;
use crate::error::responses::{InvalidFields, NotAdmin, NotSignedIn};
use crate::handlers::body::Body;
use crate::handlers::tokens::rfc3339;

/// Create a user (admins only).
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    request_body = CreateUserRequest,
    responses(
        (status = 201, description = "Created.", body = User),
        (status = 400, description = "The body is not a user.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        NotSignedIn, NotAdmin,
        (status = 409, description = "The e-mail address is taken.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        InvalidFields
    )
)]
#[post("/users")]
pub async fn create_user(
    AdminUser(admin): AdminUser,
    Body(request): Body<CreateUserRequest>,
    client: ClientInfo,
    db: web::Data<Db>,
    auth: web::Data<AuthState>,
) -> Result<HttpResponse, ApiError> {
    let mut errors = Vec::new();
    let email = check_email(&request.email, &mut errors);
    let display_name = check_display_name(&request.display_name, &mut errors);
    if let Err(code) = password::check_policy(&request.password, request.email.trim()) {
        errors.push(code.field_error("password"));
    }
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    let hash = auth.hasher.hash(request.password.clone()).await?;
    let user = db
        .run(move |conn| {
            crate::db::write(conn, |conn| {
                let member_id = binding(conn, request.role, request.organisation.as_ref())?;
                if users::find_by_email(conn, email.as_str())?.is_some() {
                    return Err(ApiError::Conflict {
                        field: "email".into(),
                        message: "a user with this e-mail address exists".into(),
                    });
                }
                let now = Utc::now().naive_utc();
                let id = users::insert(
                    conn,
                    &NewUser {
                        email: email.clone(),
                        display_name: display_name.clone(),
                        role: request.role,
                        member_id,
                        password_hash: hash,
                        disabled: false,
                        language: cecop_shared::UiLanguage::En,
                        created_at: now,
                        updated_at: now,
                    },
                )?;
                let event = Event {
                    actor: Some(admin.actor()),
                    target: Some(("user", id.to_string())),
                    detail: Some(format!("role={}", request.role.as_str())),
                    ..Event::new(AuditAction::UserCreated)
                };
                audit::record(conn, &client, event)?;
                // What was inserted, as a read would give it: the id from
                // `RETURNING`, the rest from the request.
                Ok(User {
                    id,
                    email,
                    display_name,
                    role: request.role,
                    organisation: request.organisation,
                    disabled: false,
                    two_factor: false,
                    created_at: rfc3339(now),
                })
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(user))
}
