//! The demo dataset: CECOP's 27 members in 16 countries, built from the public
//! fact sheet (`shared/seed/FACTS.md`). Confirmed members and figures are kept
//! as the sources give them; every placeholder member or invented figure is
//! flagged illustrative in the data itself (`members.json`).

use cecop_shared::{
    CampaignState, CountryCode, FigureProvenance, MemberKind, MemberStatus, MembershipTier,
    ReturnState, Slug,
};
use serde::Deserialize;

use crate::db::DbConnection;
use crate::db::members::{self, MemberFields, NewMember};

const MEMBERS_JSON: &str = include_str!("../seed/members.json");

/// One member as written in `members.json`. Parsing into the shared domain
/// types validates the file: a bad slug or country fails the seed, loudly.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedMember {
    slug: Slug,
    name: String,
    acronym: Option<String>,
    country: CountryCode,
    kind: MemberKind,
    membership: Option<MembershipTier>,
    status: MemberStatus,
    joined_year: Option<i32>,
    website: Option<String>,
    description: String,
    sectors: Vec<String>,
    illustrative: bool,
    source_url: Option<String>,
    #[serde(default)]
    network_contact: Option<String>,
    figures: Option<SeedFigures>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedFigures {
    reference_year: Option<i32>,
    cooperatives: Option<i64>,
    workers: Option<i64>,
    worker_members: Option<i64>,
    turnover_eur: Option<i64>,
    provenance: FigureProvenance,
    note: Option<String>,
}

impl From<SeedMember> for NewMember {
    fn from(m: SeedMember) -> Self {
        let f = m.figures;
        Self {
            slug: m.slug,
            fields: MemberFields {
                name: m.name,
                acronym: m.acronym,
                country: m.country,
                kind: m.kind,
                membership: m.membership,
                status: m.status,
                joined_year: m.joined_year,
                website: m.website,
                description: m.description,
                sectors: serde_json::to_string(&m.sectors).unwrap_or_else(|_| "[]".into()),
                illustrative: m.illustrative,
                source_url: m.source_url,
                figures_year: f.as_ref().and_then(|f| f.reference_year),
                cooperatives: f.as_ref().and_then(|f| f.cooperatives),
                workers: f.as_ref().and_then(|f| f.workers),
                worker_members: f.as_ref().and_then(|f| f.worker_members),
                turnover_eur: f.as_ref().and_then(|f| f.turnover_eur),
                figures_provenance: f.as_ref().map(|f| f.provenance),
                figures_note: f.and_then(|f| f.note),
                public_contact: None,
                network_contact: m.network_contact,
            },
        }
    }
}

fn demo_members() -> anyhow::Result<Vec<NewMember>> {
    let members: Vec<SeedMember> = serde_json::from_str(MEMBERS_JSON)?;
    Ok(members.into_iter().map(NewMember::from).collect())
}

/// What a seed run did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedReport {
    pub inserted: usize,
    pub already_present: usize,
}

/// Inserts the demo members that are not there yet (matched by slug), in one
/// transaction: running it twice, or from two instances at once, never
/// duplicates a member.
pub fn seed_demo(conn: &mut DbConnection) -> anyhow::Result<SeedReport> {
    let members = demo_members()?;
    let report = crate::db::write::<_, diesel::result::Error, _>(conn, |conn| {
        let mut report = SeedReport {
            inserted: 0,
            already_present: 0,
        };
        for member in &members {
            if members::slug_exists(conn, member.slug.as_str())? {
                report.already_present += 1;
            } else {
                members::insert(conn, member)?;
                report.inserted += 1;
            }
        }
        Ok(report)
    })?;
    Ok(report)
}

/// Seeds the demo data only when the database has no members at all, so a
/// deployment whose members were edited or removed is never refilled.
pub fn seed_if_empty(conn: &mut DbConnection) -> anyhow::Result<Option<SeedReport>> {
    if members::count_all(conn)? > 0 {
        return Ok(None);
    }
    match seed_demo(conn) {
        Ok(report) => Ok(Some(report)),
        // Another instance seeding the same empty database at the same moment
        // wins the unique index; its data is the same, so that is success.
        Err(err) if is_unique_violation(&err) => Ok(None),
        Err(err) => Err(err),
    }
}

/// Loads the demo articles, events and stories when the database has no
/// content at all (a deployment's own content is never mixed with it).
pub fn seed_content_if_empty(conn: &mut DbConnection) -> anyhow::Result<Option<usize>> {
    if crate::db::content::count_all(conn)? > 0 {
        return Ok(None);
    }
    match crate::content::import::seed_demo_content(conn, chrono::Utc::now().naive_utc()) {
        Ok(items) => Ok(Some(items)),
        Err(err) if is_unique_violation(&err) => Ok(None),
        Err(err) => Err(err),
    }
}

const RETURNS_CSV: &str = include_str!("../seed/returns.csv");

/// The demo campaigns: (year, opens_on, closes_on, state).
const DEMO_CAMPAIGNS: [(i32, &str, &str, CampaignState); 3] = [
    (2022, "2023-03-01", "2023-05-31", CampaignState::Published),
    (2023, "2024-03-01", "2024-05-31", CampaignState::Published),
    (2024, "2026-10-01", "2027-01-31", CampaignState::Open),
];

/// Where the demo's 2024 returns stand; the rest are drafts.
fn demo_state(year: i32, member: &str) -> (ReturnState, Option<String>) {
    match (year, member) {
        (2022 | 2023, _) => (ReturnState::Approved, None),
        (_, "cg-scop") => (ReturnState::Submitted, None),
        (_, "nuwpc") => (
            ReturnState::Returned,
            Some(
                "Workers with disabilities in services look high against 2023; please check \
                 the figure with your cooperatives and resubmit."
                    .into(),
            ),
        ),
        _ => (ReturnState::Draft, None),
    }
}

/// Loads the demo data collection — campaigns 2022 and 2023 (published)
/// and 2024 (open) with the returns of `returns.csv` (built by
/// `make_returns.py` to match FACTS.md; every per-member split is
/// illustrative and flagged so) — when there are no campaigns yet and the
/// demo members are present.
pub fn seed_returns_if_empty(conn: &mut DbConnection) -> anyhow::Result<Option<usize>> {
    use crate::db::returns as db;
    if !db::campaigns(conn)?.is_empty() || !members::slug_exists(conn, "coceta")? {
        return Ok(None);
    }
    let result = crate::db::write::<_, anyhow::Error, _>(conn, |conn| {
        let now = chrono::Utc::now().naive_utc();
        for (year, opens, closes, state) in DEMO_CAMPAIGNS {
            let fields = db::CampaignFields {
                year,
                opens_on: opens.parse()?,
                closes_on: closes.parse()?,
                state,
                updated_at: now,
            };
            db::insert_campaign(conn, &fields, now)?;
        }
        let actor = crate::returns::Actor {
            id: "seed".into(),
            name: Some("Demo data".into()),
        };
        let report = crate::returns::bulk::import(
            conn,
            RETURNS_CSV.as_bytes(),
            &actor,
            true,
            demo_state,
            |_| {},
        )?;
        if let Some((line, reason)) = report.refused.first() {
            anyhow::bail!("returns.csv line {line}: {reason}");
        }
        Ok(report.returns)
    });
    match result {
        Ok(returns) => Ok(Some(returns)),
        Err(err) if is_unique_violation(&err) => Ok(None),
        Err(err) => Err(err),
    }
}

fn is_unique_violation(err: &anyhow::Error) -> bool {
    matches!(
        err.downcast_ref::<diesel::result::Error>(),
        Some(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _
        ))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_file_parses_and_matches_the_published_headline() {
        let members: Vec<SeedMember> = serde_json::from_str(MEMBERS_JSON).unwrap_or_default();
        let active: Vec<_> = members
            .iter()
            .filter(|m| m.status == MemberStatus::Active)
            .collect();
        let countries: std::collections::BTreeSet<_> = active.iter().map(|m| m.country).collect();
        assert_eq!((active.len(), countries.len()), (27, 16));
        let illustrative_without_flag = members.iter().any(|m| {
            m.figures
                .as_ref()
                .is_some_and(|f| f.provenance == FigureProvenance::Illustrative && f.note.is_none())
        });
        assert!(
            !illustrative_without_flag,
            "illustrative figures must say so in a note"
        );
    }
}
