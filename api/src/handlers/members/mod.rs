//! The member directory: `GET /api/v1/members` and `GET /api/v1/members/{slug}`.

pub mod get;
pub mod list;

use anyhow::Context;
use cecop_shared::{Member, MemberFigures};

use crate::db::members::MemberRow;
use crate::error::ApiError;
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

/// Turns a stored row into the published type. Stored values were validated
/// on the way in, so a failure here is corrupt data: a logged 500.
pub(crate) fn to_member(row: MemberRow) -> Result<Member, ApiError> {
    let parse =
        |what: &str, value: &str| anyhow::anyhow!("member {}: bad {what} {value:?}", row.slug);
    let figures = match &row.figures_provenance {
        None => None,
        Some(provenance) => Some(MemberFigures {
            reference_year: row.figures_year,
            cooperatives: row.cooperatives,
            workers: row.workers,
            worker_members: row.worker_members,
            turnover_eur: row.turnover_eur,
            provenance: provenance
                .parse()
                .map_err(|_| parse("provenance", provenance))?,
            note: row.figures_note.clone(),
        }),
    };
    Ok(Member {
        slug: row.slug.parse().map_err(|_| parse("slug", &row.slug))?,
        country: row
            .country
            .parse()
            .map_err(|_| parse("country", &row.country))?,
        kind: row.kind.parse().map_err(|_| parse("kind", &row.kind))?,
        membership: match &row.membership {
            Some(tier) => Some(tier.parse().map_err(|_| parse("membership", tier))?),
            None => None,
        },
        status: row
            .status
            .parse()
            .map_err(|_| parse("status", &row.status))?,
        sectors: serde_json::from_str(&row.sectors)
            .with_context(|| format!("member {}: bad sectors", row.slug))?,
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
    })
}
