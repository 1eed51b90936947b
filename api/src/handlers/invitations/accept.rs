//! `POST /api/v1/auth/accept-invitation`: the invitee chooses a password, and
//! the account exists.

use actix_web::{HttpResponse, post, web};
use cecop_shared::{AcceptInvitationRequest, AcceptedInvitation, FieldError, InvitationStatus};
use chrono::Utc;

use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{AuthState, ClientInfo, password, session_tokens};
use crate::db::users::{self, NewUser};
use crate::db::{Db, invitations};
use crate::error::ApiError;
use crate::handlers::body::Body;

/// The longest token accepted (links carry 43 characters).
const MAX_TOKEN: usize = 128;

/// Accept an invitation: choose a password, and the account is created.
///
/// The link works once, for 7 days, while no admin has withdrawn it; then
/// it is refused (422 naming `token`). Then sign in with the invitation's
/// e-mail address and the new password.
#[utoipa::path(
    tag = "users",
    request_body = AcceptInvitationRequest,
    responses(
        (status = 201, description = "The account exists.", body = AcceptedInvitation),
        (status = 400, description = "The body is not an acceptance.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "An account with this e-mail address was created meanwhile.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The link is invalid, used, withdrawn or expired (`token`), \
            or the password is refused (`password`).", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 503, description = "Too many password operations at once; try again shortly.",
            body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/accept-invitation")]
pub async fn accept_invitation(
    Body(request): Body<AcceptInvitationRequest>,
    client: ClientInfo,
    db: web::Data<Db>,
    auth: web::Data<AuthState>,
) -> Result<HttpResponse, ApiError> {
    let AcceptInvitationRequest { token, password } = request;
    let invalid = || {
        ApiError::Validation(vec![FieldError::new(
            "token",
            "this invitation is invalid, used, withdrawn or expired: ask for a new one",
        )])
    };
    if token.is_empty() || token.len() > MAX_TOKEN {
        return Err(invalid());
    }
    let token_hash = session_tokens::sha256_hex(&token);
    let invitation = db
        .run(move |conn| Ok(invitations::find_by_token(conn, &token_hash)?))
        .await?
        .filter(|row| row.status(Utc::now().naive_utc()) == InvitationStatus::Pending)
        .ok_or_else(invalid)?;
    if let Err(code) = password::check_policy(&password, invitation.email.as_str()) {
        return Err(ApiError::Validation(vec![code.field_error("password")]));
    }
    let hash = auth.hasher.hash(password).await?;
    let accepted = db
        .run(move |conn| {
            crate::db::write(conn, |conn| {
                let now = Utc::now().naive_utc();
                // Of two acceptances of one link, or an acceptance racing a
                // withdrawal, exactly one wins here.
                if invitations::accept(conn, invitation.id, now)? == 0 {
                    return Err(invalid());
                }
                if users::find_by_email(conn, invitation.email.as_str())?.is_some() {
                    return Err(ApiError::Conflict {
                        field: "email".into(),
                        message: "a user with this e-mail address exists".into(),
                    });
                }
                let id = users::insert(
                    conn,
                    &NewUser {
                        email: invitation.email.clone(),
                        display_name: invitation.display_name.clone(),
                        role: invitation.role,
                        member_id: invitation.member_id,
                        password_hash: hash,
                        disabled: false,
                        language: invitation.language,
                        created_at: now,
                        updated_at: now,
                    },
                )?;
                let event = Event {
                    actor: Some(format!("user:{id}")),
                    target: Some(("invitation", invitation.id.to_string())),
                    detail: Some(format!(
                        "user={id} role={} invited_by={}",
                        invitation.role.as_str(),
                        invitation
                            .invited_by
                            .map_or_else(|| "-".to_owned(), |by| by.to_string())
                    )),
                    ..Event::new(AuditAction::InvitationAccepted)
                };
                audit::record(conn, &client, event)?;
                Ok(AcceptedInvitation {
                    email: invitation.email,
                })
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(accepted))
}
