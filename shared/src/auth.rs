//! Identity: e-mail addresses, roles, and the bodies of the login, refresh
//! and account endpoints.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{ParseError, Slug, serde_via_str};

/// An e-mail address, trimmed and lowercased so that comparisons are
/// case-insensitive. Deliberately simple: one `@`, a non-empty local part, a
/// domain with a dot, no spaces or control characters, at most 254 characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "server", derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub struct Email(String);

impl Email {
    pub const MAX_LEN: usize = 254;

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Email {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_lowercase();
        if s.len() > Self::MAX_LEN {
            return Err(ParseError::new(format!(
                "must be at most {} characters",
                Self::MAX_LEN
            )));
        }
        let valid = match s.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !s.chars().any(|c| c.is_whitespace() || c.is_control())
            }
            None => false,
        };
        if valid {
            Ok(Self(s))
        } else {
            Err(ParseError::new("must be an e-mail address"))
        }
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

serde_via_str!(Email);
crate::sql_text!(Email);

#[cfg(feature = "server")]
impl utoipa::PartialSchema for Email {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                utoipa::openapi::KnownFormat::Email,
            )))
            .max_length(Some(Email::MAX_LEN))
            .examples(["editor@cecop.coop"])
            .into()
    }
}

#[cfg(feature = "server")]
impl utoipa::ToSchema for Email {}

/// What a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "server", derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub enum Role {
    /// CECOP staff who manage members, users, tokens and the audit log.
    Admin,
    /// CECOP staff who write and publish content and review data.
    Editor,
    /// Staff of one member organisation.
    Member,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Editor => "editor",
            Self::Member => "member",
        }
    }
}

impl FromStr for Role {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "admin" => Ok(Self::Admin),
            "editor" => Ok(Self::Editor),
            "member" => Ok(Self::Member),
            _ => Err(ParseError::new("must be one of: admin, editor, member")),
        }
    }
}

/// `POST /api/v1/auth/login`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    #[cfg_attr(feature = "server", schema(max_length = 254))]
    pub email: String,
    #[cfg_attr(feature = "server", schema(max_length = 256))]
    pub password: String,
}

/// `POST /api/v1/auth/refresh` and `POST /api/v1/auth/logout`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct RefreshRequest {
    /// The refresh token from the last login or refresh; each is valid once.
    pub refresh_token: String,
}

/// A new session: a short-lived access token and a one-use refresh token.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TokenPair {
    /// JWT for `Authorization: Bearer …`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: u64,
    /// Opaque; exchange it at `/api/v1/auth/refresh` before the access token expires.
    /// It is rotated on every use, and presenting a used one ends the whole session.
    pub refresh_token: String,
}

/// The signed-in user, as `GET /api/v1/me` returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Me {
    pub id: i64,
    pub email: Email,
    pub display_name: String,
    pub role: Role,
    /// The member organisation a `member` user belongs to.
    pub organisation: Option<Slug>,
    /// Sign-in asks this user for a second-factor code.
    #[serde(default)]
    pub two_factor: bool,
    /// The server requires two-factor sign-in of this user and it is not
    /// on yet: until it is, only their own account's routes answer.
    #[serde(default)]
    pub two_factor_required: bool,
}

/// `POST /api/v1/me/password`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ChangePasswordRequest {
    #[cfg_attr(feature = "server", schema(max_length = 256))]
    pub current_password: String,
    /// At least 12 characters, not a common password, not containing the
    /// e-mail address, not one character repeated.
    #[cfg_attr(feature = "server", schema(min_length = 12, max_length = 256))]
    pub new_password: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            "  Editor@CECOP.coop "
                .parse::<Email>()
                .map(|e| e.to_string()),
            Ok("editor@cecop.coop".into())
        );
        for bad in [
            "",
            "no-at",
            "a@b",
            "@cecop.coop",
            "a b@cecop.coop",
            "a@@cecop.coop",
            "a@.coop",
            "a@cecop.",
        ] {
            assert!(bad.parse::<Email>().is_err(), "{bad:?} was accepted");
        }
    }
}

/// A user account, as admins see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct User {
    pub id: i64,
    pub email: Email,
    pub display_name: String,
    pub role: Role,
    /// The member organisation of a `member` user; none for staff.
    pub organisation: Option<Slug>,
    /// A disabled user cannot sign in, and its sessions have ended.
    pub disabled: bool,
    /// Sign-in asks this user for a second-factor code.
    #[serde(default)]
    pub two_factor: bool,
    /// RFC 3339 (UTC).
    pub created_at: String,
}

/// `POST /api/v1/users`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CreateUserRequest {
    #[cfg_attr(feature = "server", schema(max_length = 254))]
    pub email: String,
    #[cfg_attr(feature = "server", schema(min_length = 1, max_length = 100))]
    pub display_name: String,
    pub role: Role,
    /// Required for `member` users, refused for staff.
    #[serde(default)]
    pub organisation: Option<Slug>,
    /// The initial password: at least 12 characters, not a common one.
    #[cfg_attr(feature = "server", schema(min_length = 12, max_length = 256))]
    pub password: String,
}

/// `PATCH /api/v1/users/{id}`: only the fields present change.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct UpdateUserRequest {
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(min_length = 1, max_length = 100))]
    pub display_name: Option<String>,
    #[serde(default)]
    pub role: Option<Role>,
    /// The organisation of a `member` user (required when making someone a member).
    #[serde(default)]
    pub organisation: Option<Slug>,
    #[serde(default)]
    pub disabled: Option<bool>,
}

/// One audit log entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: i64,
    /// RFC 3339 (UTC).
    pub at: String,
    /// `user:<id>`, `token:<prefix>`, `cli`, or none for an anonymous attempt.
    pub actor: Option<String>,
    /// What happened, e.g. `auth.login_failed`, `token.revoked`, `user.updated`.
    pub action: String,
    pub target_type: Option<String>,
    pub target_id: Option<String>,
    /// Who an anonymous attempt was about (the e-mail of a failed login).
    pub subject: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub detail: Option<String>,
}

crate::sql_text!(Role);
