//! API tokens: scopes, and the bodies of the token endpoints.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{ParseError, Slug};

/// What an API token may do. More scopes may be added; clients must ignore
/// ones they do not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "server", derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub enum Scope {
    /// Read members-only content.
    #[serde(rename = "members:read")]
    MembersRead,
    /// Edit the token's organisation's public profile.
    #[serde(rename = "profile:write")]
    ProfileWrite,
    /// Submit the organisation's yearly data returns.
    #[serde(rename = "returns:write")]
    ReturnsWrite,
    /// Propose #COOPTALES stories.
    #[serde(rename = "stories:write")]
    StoriesWrite,
    /// Upload the organisation's logo and story photos to the media library.
    #[serde(rename = "media:write")]
    MediaWrite,
}

impl Scope {
    pub const ALL: &'static [Self] = &[
        Self::MembersRead,
        Self::ProfileWrite,
        Self::ReturnsWrite,
        Self::StoriesWrite,
        Self::MediaWrite,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::MembersRead => "members:read",
            Self::ProfileWrite => "profile:write",
            Self::ReturnsWrite => "returns:write",
            Self::StoriesWrite => "stories:write",
            Self::MediaWrite => "media:write",
        }
    }

    /// Read-only scopes, the only ones an integrator token (no organisation) may hold.
    pub fn is_read_only(self) -> bool {
        matches!(self, Self::MembersRead)
    }
}

impl FromStr for Scope {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .copied()
            .find(|scope| scope.as_str() == s)
            .ok_or_else(|| {
                ParseError::new(
                    "must be one of: members:read, profile:write, returns:write, stories:write, media:write",
                )
            })
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `POST /api/v1/tokens`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CreateTokenRequest {
    /// What the token is for, e.g. "Membership system sync".
    #[cfg_attr(feature = "server", schema(min_length = 1, max_length = 100))]
    pub name: String,
    /// At least one scope.
    #[cfg_attr(feature = "server", schema(min_items = 1))]
    pub scopes: Vec<Scope>,
    /// Days until it expires, 1 to 366; default 90.
    #[serde(default, deserialize_with = "whole_number")]
    #[cfg_attr(feature = "server", schema(minimum = 1, maximum = 366))]
    pub expires_in_days: Option<u32>,
    /// Admins only: the organisation the token acts for; none makes an
    /// integrator token, which may hold read scopes only. Member users always
    /// get their own organisation.
    #[serde(default)]
    pub organisation: Option<Slug>,
}

/// JSON Schema counts `30.0` as an integer; so does this field.
fn whole_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    match Option::<f64>::deserialize(d)? {
        None => Ok(None),
        Some(v) if v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v) => {
            // In range and whole, so the conversion is exact.
            Ok(Some(v as u32))
        }
        Some(_) => Err(serde::de::Error::custom("must be a whole number of days")),
    }
}

/// An API token as listed: never its secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    /// The first characters of the secret, to recognise it (`cecop_pat_AbCd`).
    pub prefix: String,
    pub scopes: Vec<Scope>,
    /// The organisation it acts for; none for an integrator token.
    pub organisation: Option<Slug>,
    /// RFC 3339 times (UTC).
    pub created_at: String,
    pub expires_at: String,
    pub last_used_at: Option<String>,
    /// Set when the token was revoked; it no longer works.
    pub revoked_at: Option<String>,
    /// Whether it keeps working when the person who created it is disabled,
    /// deleted or moves to another organisation (an admin's decision: the
    /// organisation owns it). Otherwise it is revoked with them.
    #[serde(default)]
    pub survives_creator: bool,
}

/// The body of `PATCH /api/v1/tokens/{id}` (admins).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateApiTokenRequest {
    /// Make the token the organisation's, so it survives its creator (or
    /// tie it back to its creator).
    pub survives_creator: Option<bool>,
}

/// The answer to `POST /api/v1/tokens`: the only time the secret is shown.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CreatedApiToken {
    pub token: ApiToken,
    /// `cecop_pat_…`: send it as `Authorization: Bearer …`. It is stored only
    /// as a hash and cannot be shown again.
    pub secret: String,
}

crate::sql_text!(Scope);
