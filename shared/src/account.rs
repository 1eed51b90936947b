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

/// `202` from `POST /api/v1/auth/login` when the account uses two-factor
/// sign-in: the password was right; send a code with the challenge to
/// `POST /api/v1/auth/two-factor` for the session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct LoginChallenge {
    /// Opaque; valid for `expires_in` seconds, for this sign-in only.
    pub challenge: String,
    /// Seconds the challenge stays valid.
    pub expires_in: u64,
}

/// `POST /api/v1/auth/two-factor`: the second step of a sign-in.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TwoFactorSignIn {
    /// From the `202` answer of `POST /api/v1/auth/login`.
    #[cfg_attr(feature = "server", schema(max_length = 1024))]
    pub challenge: String,
    /// The six digits the authenticator app shows, or an unused recovery
    /// code (`abcde-fghjk`).
    #[cfg_attr(feature = "server", schema(max_length = 32))]
    pub code: String,
}

/// A code proving the signed-in user holds their second factor: to turn
/// two-factor sign-in on, off, or to replace the recovery codes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TwoFactorCode {
    /// Six digits from the authenticator app (or, except to turn it on, an
    /// unused recovery code).
    #[cfg_attr(feature = "server", schema(max_length = 32))]
    pub code: String,
}

/// `POST /api/v1/me/two-factor/setup`: begin enrolling an authenticator.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TwoFactorSetupRequest {
    /// The account's password, asked again.
    #[cfg_attr(feature = "server", schema(max_length = 256))]
    pub password: String,
}

/// A new authenticator secret, shown once: scan `otpauth_uri` as a QR code
/// (or type `secret`), then confirm with a code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TwoFactorSetup {
    /// The secret in base 32, for typing into an app.
    pub secret: String,
    /// `otpauth://totp/…`, the key-URI format authenticator apps read.
    pub otpauth_uri: String,
}

/// Recovery codes, shown once: each signs in once in place of a code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct RecoveryCodes {
    pub codes: Vec<String>,
}

/// The signed-in user's two-factor sign-in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TwoFactorStatus {
    /// Sign-in asks for a code.
    pub enabled: bool,
    /// RFC 3339 (UTC): when it was turned on.
    pub enabled_at: Option<String>,
    /// Unused recovery codes.
    pub recovery_codes_left: i64,
    /// The server requires it of this account (admins, when configured);
    /// it cannot then be turned off.
    pub required: bool,
}
