//! API tokens: `POST/GET /api/v1/tokens`, `PATCH` and `DELETE /api/v1/tokens/{id}`.
//! A member user manages its own organisation's tokens; an admin any
//! organisation's, and integrator tokens (no organisation, read scopes only).

pub mod create;
pub mod list;
pub mod revoke;
pub mod update;

use cecop_shared::ApiToken;
use chrono::{NaiveDateTime, SecondsFormat};

use crate::auth::CurrentUser;
use crate::db::api_tokens::TokenRow;
use crate::db::{DbConnection, members};
use crate::error::ApiError;
use cecop_shared::Role;

pub(crate) fn rfc3339(at: NaiveDateTime) -> String {
    at.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn to_view(row: TokenRow) -> ApiToken {
    ApiToken {
        id: row.id,
        name: row.name,
        prefix: row.prefix,
        scopes: row.scopes.0,
        organisation: row.organisation,
        created_at: rfc3339(row.created_at),
        expires_at: rfc3339(row.expires_at),
        last_used_at: row.last_used_at.map(rfc3339),
        revoked_at: row.revoked_at.map(rfc3339),
        survives_creator: row.survives_creator,
    }
}

/// Parses a token id from the path.
fn token_id(raw: &str) -> Result<i64, ApiError> {
    raw.parse()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| ApiError::invalid("id", "must be a positive whole number"))
}

/// Whose tokens this user manages: `None` for admins (all), the member id of
/// a member user's organisation; editors manage none.
fn managed_member_id(conn: &mut DbConnection, user: &CurrentUser) -> Result<Option<i64>, ApiError> {
    match (user.role, &user.organisation) {
        (Role::Admin, _) => Ok(None),
        (Role::Member, Some(slug)) => members::id_by_slug(conn, slug.as_str())?
            .map(Some)
            .ok_or_else(|| ApiError::Forbidden("Your organisation no longer exists.".into())),
        _ => Err(ApiError::Forbidden(
            "Only administrators and member organisations' users manage API tokens.".into(),
        )),
    }
}
