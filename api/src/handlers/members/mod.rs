//! The member directory: `GET /api/v1/members` and `GET /api/v1/members/{slug}`;
//! admins create and edit members (`write`).

pub mod get;
pub mod input;
pub mod list;
pub mod write;

use cecop_shared::{Member, MemberFigures};

use crate::db::members::MemberRow;
use crate::handlers::{PRIVATE_NO_STORE, PUBLIC_CACHE};

/// `Cache-Control` and `Vary` for a member read: shared caches may keep the
/// anonymous view; a view with members-only fields is private.
fn cache_headers(members_only: bool) -> [(&'static str, &'static str); 2] {
    [
        if members_only {
            PRIVATE_NO_STORE
        } else {
            PUBLIC_CACHE
        },
        ("Vary", "Authorization"),
    ]
}

/// Removes what only members may read, unless the caller may.
fn for_caller(mut member: Member, members_only: bool) -> Member {
    if !members_only {
        member.network_contact = None;
    }
    member
}

/// Turns a stored row into the published type.
/// Members as published, with their descriptions in other languages (one
/// query for all of them).
pub(crate) fn to_members(
    conn: &mut crate::db::DbConnection,
    rows: Vec<MemberRow>,
) -> diesel::QueryResult<Vec<Member>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut descriptions = crate::db::members::descriptions(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let translated = descriptions.remove(&row.id).unwrap_or_default();
            to_member(row, translated)
        })
        .collect())
}

/// One member as published.
pub(crate) fn to_one(
    conn: &mut crate::db::DbConnection,
    row: MemberRow,
) -> diesel::QueryResult<Member> {
    let mut descriptions = crate::db::members::descriptions(conn, &[row.id])?;
    let translated = descriptions.remove(&row.id).unwrap_or_default();
    Ok(to_member(row, translated))
}

fn to_member(
    row: MemberRow,
    descriptions: std::collections::BTreeMap<cecop_shared::Language, String>,
) -> Member {
    let figures = row.figures_provenance.map(|provenance| MemberFigures {
        reference_year: row.figures_year,
        cooperatives: row.cooperatives,
        workers: row.workers,
        worker_members: row.worker_members,
        turnover_eur: row.turnover_eur,
        provenance,
        note: row.figures_note.clone(),
    });
    Member {
        slug: row.slug,
        country: row.country,
        kind: row.kind,
        membership: row.membership,
        status: row.status,
        sectors: row.sectors.0,
        figures,
        name: row.name,
        acronym: row.acronym,
        joined_year: row.joined_year,
        website: row.website,
        description: row.description,
        descriptions,
        illustrative: row.illustrative,
        source_url: row.source_url,
        public_contact: row.public_contact,
        network_contact: row.network_contact,
    }
}
