//! `POST /api/v1/invitations`: an admin invites someone by e-mail.

use actix_web::{HttpResponse, post, web};
use cecop_shared::{CreateInvitationRequest, Invitation, UiLanguage};
use chrono::{Duration, Utc};

use super::{VALID_DAYS, to_invitation};
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{AdminUser, ClientInfo, session_tokens};
use crate::db::invitations::{self, NewInvitation};
use crate::db::{Db, members, users};
use crate::error::ApiError;
use crate::error::responses::{InvalidFields, NotAdmin, NotSignedIn};
use crate::handlers::body::Body;
use crate::handlers::users::{binding, check_display_name, check_email};
use crate::mail::{self, Letter, Mailer};

/// Invite someone to create an account (admins only).
///
/// Instead of choosing a password for them, an admin names the account
/// (address, name, role, organisation) and the invitee receives a link,
/// valid once for 7 days, to choose their own password. Inviting an
/// address again replaces its open invitation (the old link stops
/// working). An address that already has an account is refused (409).
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    request_body = CreateInvitationRequest,
    responses(
        (status = 201, description = "Sent.", body = Invitation),
        (status = 400, description = "The body is not an invitation.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        NotSignedIn, NotAdmin,
        (status = 409, description = "A user has this e-mail address.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        InvalidFields
    )
)]
#[post("/invitations")]
pub async fn create_invitation(
    AdminUser(admin): AdminUser,
    Body(request): Body<CreateInvitationRequest>,
    client: ClientInfo,
    db: web::Data<Db>,
    mailer: web::Data<Mailer>,
) -> Result<HttpResponse, ApiError> {
    let mut errors = Vec::new();
    let email = check_email(&request.email, &mut errors);
    let display_name = check_display_name(&request.display_name, &mut errors);
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    let language = request.language.unwrap_or(UiLanguage::En);
    let link_base = mailer.link("/accept-invitation#token=");
    let invitation = db
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
                invitations::revoke_open_for(conn, &email, now)?;
                let token = session_tokens::random_string(43);
                let id = invitations::insert(
                    conn,
                    &NewInvitation {
                        email: email.clone(),
                        display_name: display_name.clone(),
                        role: request.role,
                        member_id,
                        language,
                        token_hash: session_tokens::sha256_hex(&token),
                        invited_by: Some(admin.id),
                        created_at: now,
                        expires_at: now + Duration::days(VALID_DAYS),
                    },
                )?;
                let organisation = match member_id {
                    Some(id) => members::name_by_id(conn, id)?,
                    None => None,
                };
                let letter = Letter::Invitation {
                    name: display_name.clone(),
                    inviter: admin.display_name.clone(),
                    organisation,
                    link: format!("{link_base}{token}"),
                    days: VALID_DAYS,
                };
                mail::enqueue(conn, email.as_str(), language, &letter)?;
                let event = Event {
                    actor: Some(admin.actor()),
                    target: Some(("invitation", id.to_string())),
                    detail: Some(format!("role={}", request.role.as_str())),
                    ..Event::new(AuditAction::InvitationSent)
                };
                audit::record(conn, &client, event)?;
                let row = invitations::find(conn, id)?.ok_or_else(|| {
                    ApiError::Internal(anyhow::anyhow!("invitation {id} vanished"))
                })?;
                Ok(to_invitation(row, now))
            })
        })
        .await?;
    mailer.wake();
    Ok(HttpResponse::Created().json(invitation))
}
