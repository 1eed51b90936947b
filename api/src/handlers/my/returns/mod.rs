//! `/api/v1/my/returns/{year}`: a member organisation's own data return —
//! read it, save its values, import them from CSV, submit it. Open to the
//! organisation's member users and to its tokens with `returns:write`;
//! there is no way to name another organisation's return here. One file per
//! action; this module holds what they share: finding the caller's
//! organisation and the campaign, the current view of the return, and the
//! audit record.

pub mod get;
pub mod import;
pub mod submit;
pub mod update;

use actix_web::HttpResponse;
use cecop_shared::{DataReturn, MemberRef, Scope};

use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{ClientInfo, Principal};
use crate::db::returns::{self as db, CampaignRow};
use crate::db::{DbConnection, members};
use crate::error::ApiError;
use crate::handlers::NO_STORE;
use crate::handlers::returns::{detail, not_started};

/// The caller's organisation: its id and reference.
struct Organisation {
    id: i64,
    member: MemberRef,
}

fn organisation(conn: &mut DbConnection, principal: &Principal) -> Result<Organisation, ApiError> {
    let slug = principal.organisation_for(Scope::ReturnsWrite)?;
    let gone = || ApiError::NotFound("Your organisation no longer exists.".into());
    let id = members::id_by_slug(conn, slug.as_str())?.ok_or_else(gone)?;
    let row = members::find_by_slug(conn, slug.as_str())?.ok_or_else(gone)?;
    Ok(Organisation {
        id,
        member: MemberRef {
            slug,
            name: row.name,
        },
    })
}

fn campaign(conn: &mut DbConnection, year: i32) -> Result<CampaignRow, ApiError> {
    db::campaign(conn, year)?
        .ok_or_else(|| ApiError::NotFound(format!("There is no {year} campaign.")))
}

/// The organisation's return as it stands (an empty draft when not started).
fn current(
    conn: &mut DbConnection,
    campaign: &CampaignRow,
    org: Organisation,
) -> Result<DataReturn, ApiError> {
    match db::find_member_return(conn, campaign.id, org.id)? {
        Some(row) => detail(conn, &row),
        None => not_started(conn, campaign.year, campaign.state, org.id, org.member),
    }
}

fn no_store(body: &impl serde::Serialize) -> HttpResponse {
    HttpResponse::Ok().insert_header(NO_STORE).json(body)
}

fn record(
    conn: &mut DbConnection,
    client: &ClientInfo,
    principal: &Principal,
    org: &Organisation,
    (action, year): (AuditAction, i32),
    detail: String,
) -> Result<(), ApiError> {
    let event = Event {
        actor: Some(principal.actor()),
        target: Some(("data_return", format!("{}/{year}", org.member.slug))),
        detail: Some(detail),
        ..Event::new(action)
    };
    Ok(audit::record(conn, client, event)?)
}
