//! Invitations (admins): `GET/POST /api/v1/invitations`,
//! `DELETE /api/v1/invitations/{id}`; and the invitee's
//! `POST /api/v1/auth/accept-invitation`, which creates the account.

pub mod accept;
pub mod create;
pub mod list;
pub mod revoke;

use cecop_shared::Invitation;
use chrono::NaiveDateTime;

use super::tokens::rfc3339;
use crate::db::invitations::InvitationRow;

/// How long an invitation's link works.
pub const VALID_DAYS: i64 = 7;

pub(crate) fn to_invitation(row: InvitationRow, now: NaiveDateTime) -> Invitation {
    Invitation {
        status: row.status(now),
        id: row.id,
        email: row.email,
        display_name: row.display_name,
        role: row.role,
        organisation: row.organisation,
        language: row.language,
        invited_by: row.invited_by,
        created_at: rfc3339(row.created_at),
        expires_at: rfc3339(row.expires_at),
    }
}
