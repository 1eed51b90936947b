//! The member directory: `GET /api/v1/members` and `GET /api/v1/members/{slug}`.

pub mod get;
pub mod list;

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
pub(crate) fn to_member(row: MemberRow) -> Member {
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
        illustrative: row.illustrative,
        source_url: row.source_url,
        public_contact: row.public_contact,
        network_contact: row.network_contact,
    }
}
