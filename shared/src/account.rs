//! Account recovery and enrolment: password-reset links, invitations, and
//! the language of the messages a user receives.

use serde::{Deserialize, Serialize};

use crate::{Email, Role, Slug, string_enum};

string_enum!(
    /// A language of the interface and of the e-mail the platform sends.
    UiLanguage {
        En => "en",
        Fr => "fr",
        Es => "es",
        It => "it",
    }
);

impl UiLanguage {
    /// A stored or requested code; anything else is English.
    pub fn or_english(code: &str) -> Self {
        code.parse().unwrap_or(Self::En)
    }
}

/// `POST /api/v1/auth/password-reset`: send a reset link to this address.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PasswordResetRequest {
    #[cfg_attr(feature = "server", schema(max_length = 254))]
    pub email: String,
}

/// `POST /api/v1/auth/password-reset/confirm`: the link's token and the new
/// password.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PasswordResetConfirmation {
    /// From the link in the message (after `#token=`).
    #[cfg_attr(feature = "server", schema(max_length = 128))]
    pub token: String,
    /// At least 12 characters, not easy to guess, not containing the e-mail
    /// address.
    #[cfg_attr(feature = "server", schema(min_length = 12, max_length = 256))]
    pub new_password: String,
}

string_enum!(
    /// Where an invitation stands.
    InvitationStatus {
        /// Sent; its link works until it expires.
        Pending => "pending",
        /// The invitee chose a password: the account exists.
        Accepted => "accepted",
        /// An admin withdrew it, or a newer invitation replaced it.
        Revoked => "revoked",
        /// Not accepted in time.
        Expired => "expired",
    }
);

/// An invitation, as admins see it (never with its token).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Invitation {
    pub id: i64,
    pub email: Email,
    pub display_name: String,
    pub role: Role,
    /// The member organisation of a `member` invitee.
    pub organisation: Option<Slug>,
    /// The language of the invitation and of later messages.
    pub language: UiLanguage,
    /// The admin who sent it, while their account exists.
    pub invited_by: Option<i64>,
    pub status: InvitationStatus,
    /// RFC 3339 (UTC).
    pub created_at: String,
    /// RFC 3339 (UTC).
    pub expires_at: String,
}

/// `POST /api/v1/invitations`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CreateInvitationRequest {
    #[cfg_attr(feature = "server", schema(max_length = 254))]
    pub email: String,
    #[cfg_attr(feature = "server", schema(min_length = 1, max_length = 100))]
    pub display_name: String,
    pub role: Role,
    /// Required for `member` invitees, refused for staff.
    #[serde(default)]
    pub organisation: Option<Slug>,
    /// The message's language; default English.
    #[serde(default)]
    pub language: Option<UiLanguage>,
}

/// `POST /api/v1/auth/accept-invitation`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AcceptInvitationRequest {
    /// From the link in the invitation (after `#token=`).
    #[cfg_attr(feature = "server", schema(max_length = 128))]
    pub token: String,
    /// The password to sign in with from now on.
    #[cfg_attr(feature = "server", schema(min_length = 12, max_length = 256))]
    pub password: String,
}

/// The account an accepted invitation created: sign in with its e-mail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AcceptedInvitation {
    pub email: Email,
}

/// A signed-in session (one sign-in on one device), as its user sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SignedInSession {
    /// Names the session in `DELETE /api/v1/me/sessions/{id}`.
    pub id: String,
    /// RFC 3339 (UTC): when it signed in.
    pub created_at: String,
    /// RFC 3339 (UTC): its last sign-in or refresh.
    pub last_used_at: String,
    /// The browser or program, as it names itself.
    pub user_agent: Option<String>,
    /// The client address it last came from.
    pub address: Option<String>,
    /// The session this request was made in.
    pub current: bool,
}
