//! An admin's member document ([`MemberInput`]) checked into the columns
//! that store it, and a member read back as one.

use std::collections::BTreeMap;

use cecop_shared::{FieldError, Member, MemberInput};

use crate::content::document::{line_errors, optional_line, url_errors};
use crate::db::members::MemberFields;
use crate::handlers::prose_errors;

const NAME_MAX: usize = 300;
const ACRONYM_MAX: usize = 40;
const DESCRIPTION_MAX: usize = 2_000;
const CONTACT_MAX: usize = 200;
const SECTORS_MAX: usize = 20;
const SECTOR_MAX: usize = 100;
const NOTE_MAX: usize = 500;

/// An empty or blank optional text is none.
fn given(text: Option<&String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

/// Checks an admin's member document; every problem names its field.
pub fn check(input: &MemberInput) -> Result<MemberFields, Vec<FieldError>> {
    let mut errors = Vec::new();
    line_errors(&mut errors, "name", &input.name, NAME_MAX);
    let acronym = given(input.acronym.as_ref());
    optional_line(&mut errors, "acronym", acronym.as_deref(), ACRONYM_MAX);
    let website = given(input.website.as_ref());
    url_errors(&mut errors, "website", website.as_deref());
    let source_url = given(input.source_url.as_ref());
    url_errors(&mut errors, "source_url", source_url.as_deref());
    let description = input.description.trim().to_owned();
    errors.extend(prose_errors("description", &description, DESCRIPTION_MAX));
    for (lang, text) in &input.descriptions {
        if lang.as_str() == "en" {
            errors.push(FieldError::new(
                "descriptions.en",
                "English is `description` itself",
            ));
        }
        errors.extend(prose_errors(
            &format!("descriptions.{lang}"),
            text,
            DESCRIPTION_MAX,
        ));
    }
    if input.sectors.len() > SECTORS_MAX {
        errors.push(FieldError::new(
            "sectors",
            format!("at most {SECTORS_MAX} sectors"),
        ));
    }
    for sector in &input.sectors {
        line_errors(&mut errors, "sectors", sector, SECTOR_MAX);
    }
    let public_contact = given(input.public_contact.as_ref());
    optional_line(
        &mut errors,
        "public_contact",
        public_contact.as_deref(),
        CONTACT_MAX,
    );
    let network_contact = given(input.network_contact.as_ref());
    optional_line(
        &mut errors,
        "network_contact",
        network_contact.as_deref(),
        CONTACT_MAX,
    );
    if input
        .joined_year
        .is_some_and(|y| !(1950..=2100).contains(&y))
    {
        errors.push(FieldError::new(
            "joined_year",
            "must be between 1950 and 2100",
        ));
    }
    let figures = input.figures.as_ref();
    if let Some(f) = figures {
        for (field, value) in [
            ("figures.cooperatives", f.cooperatives),
            ("figures.workers", f.workers),
            ("figures.worker_members", f.worker_members),
            ("figures.turnover_eur", f.turnover_eur),
        ] {
            if value.is_some_and(|v| v < 0) {
                errors.push(FieldError::new(field, "must be zero or more"));
            }
        }
        if f.reference_year
            .is_some_and(|y| !(1950..=2100).contains(&y))
        {
            errors.push(FieldError::new(
                "figures.reference_year",
                "must be between 1950 and 2100",
            ));
        }
        if let Some(note) = &f.note {
            errors.extend(prose_errors("figures.note", note, NOTE_MAX));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut sectors: Vec<String> = input.sectors.iter().map(|s| s.trim().to_owned()).collect();
    sectors.dedup();
    Ok(MemberFields {
        name: input.name.trim().to_owned(),
        acronym,
        country: input.country,
        kind: input.kind,
        membership: input.membership,
        status: input.status,
        joined_year: input.joined_year,
        website,
        description,
        sectors: serde_json::to_string(&sectors).unwrap_or_else(|_| "[]".into()),
        illustrative: input.illustrative,
        source_url,
        figures_year: figures.and_then(|f| f.reference_year),
        cooperatives: figures.and_then(|f| f.cooperatives),
        workers: figures.and_then(|f| f.workers),
        worker_members: figures.and_then(|f| f.worker_members),
        turnover_eur: figures.and_then(|f| f.turnover_eur),
        figures_provenance: figures.map(|f| f.provenance),
        figures_note: figures.and_then(|f| given(f.note.as_ref())),
        public_contact,
        network_contact,
    })
}

/// The descriptions to store: trimmed, the empty ones dropped.
pub fn descriptions(input: &MemberInput) -> BTreeMap<cecop_shared::Language, String> {
    input
        .descriptions
        .iter()
        .map(|(lang, text)| (lang.clone(), text.trim().to_owned()))
        .filter(|(_, text)| !text.is_empty())
        .collect()
}

/// A member as the document an admin edits.
pub fn of(member: Member) -> MemberInput {
    MemberInput {
        slug: Some(member.slug),
        name: member.name,
        acronym: member.acronym,
        country: member.country,
        kind: member.kind,
        membership: member.membership,
        status: member.status,
        joined_year: member.joined_year,
        website: member.website,
        description: member.description,
        descriptions: member.descriptions,
        sectors: member.sectors,
        illustrative: member.illustrative,
        source_url: member.source_url,
        public_contact: member.public_contact,
        network_contact: member.network_contact,
        figures: member.figures,
    }
}
