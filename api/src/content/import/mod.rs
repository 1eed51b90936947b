//! Getting content in: one record format for the demo content
//! (`seed/content.json`) and for `cecop-api import --articles FILE.jsonl`, the
//! migration path from an existing site. Every record is validated into
//! domain types first; a run writes all of its records in one transaction or
//! nothing at all.
//!
//! `record` is the format, `prepare` its checks into rows; this module
//! writes them.

mod prepare;
mod record;

pub use record::{ConsentRecord, ItemRecord, Prepared, TranslationRecord};

use std::collections::{HashMap, HashSet};
use std::io::BufRead;

use cecop_shared::Slug;
use chrono::NaiveDateTime;
use serde::Deserialize;

use crate::db::DbConnection;
use crate::db::content::{self, ItemType};

/// Inserts a prepared item and indexes it for search; returns its id.
pub fn insert(conn: &mut DbConnection, prepared: Prepared) -> diesel::QueryResult<i64> {
    let mut item = prepared.item;
    if let Some(consent) = &prepared.consent {
        item.consent_id = Some(content::insert_consent(conn, consent)?);
    }
    let id = content::insert(
        conn,
        &item,
        &prepared.translations,
        &prepared.themes,
        &prepared.tags,
        &prepared.member_ids,
    )?;
    super::editorial::index(conn, id, &prepared.translations)?;
    Ok(id)
}

/// Member ids by slug, for resolving `members` and organisers.
pub fn member_ids(conn: &mut DbConnection) -> diesel::QueryResult<HashMap<String, i64>> {
    use crate::db::schema::members;
    use diesel::prelude::*;
    let rows: Vec<(String, i64)> = members::table
        .select((members::slug, members::id))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// The outcome of one line of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineOutcome {
    Imported { line: usize, slug: Slug },
    Refused { line: usize, reasons: Vec<String> },
}

impl std::fmt::Display for LineOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Imported { line, slug } => write!(f, "line {line}: imported {slug}"),
            Self::Refused { line, reasons } => {
                write!(f, "line {line}: refused: {}", reasons.join("; "))
            }
        }
    }
}

/// What an import did: `imported` is 0 whenever any line was refused.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    pub imported: usize,
    pub refused: usize,
}

/// Imports articles from JSON Lines (blank lines are skipped). The file is
/// read twice: once to validate every line (nothing is held in memory but
/// the slugs, so millions of lines work), and, when no line was refused, once
/// more to insert all of them in one transaction. `report` gets one outcome
/// per line as it is decided.
pub fn import_articles<R: BufRead>(
    conn: &mut DbConnection,
    mut open: impl FnMut() -> std::io::Result<R>,
    now: NaiveDateTime,
    mut report: impl FnMut(&LineOutcome),
) -> anyhow::Result<ImportReport> {
    let members = member_ids(conn)?;
    let mut seen: HashSet<Slug> = HashSet::new();
    let mut result = ImportReport::default();
    let parse = |raw: &str| -> Result<ItemRecord, Vec<String>> {
        let de = &mut serde_json::Deserializer::from_str(raw);
        serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            if path == "." {
                vec![format!("not a valid article record: {}", e.inner())]
            } else {
                vec![format!("{path}: {}", e.inner())]
            }
        })
    };
    for (index, line) in open()?.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let outcome = match parse(&line).and_then(|r| r.prepare(ItemType::Article, &members, now)) {
            Ok(prepared) => {
                let slug = prepared.item.fields.slug.clone();
                if !seen.insert(slug.clone()) {
                    Err(vec![format!("slug {slug} appears on an earlier line")])
                } else if content::slug_taken(conn, ItemType::Article, &slug)? {
                    Err(vec![format!("an article with slug {slug} already exists")])
                } else {
                    Ok(())
                }
            }
            Err(reasons) => Err(reasons),
        };
        if let Err(reasons) = outcome {
            result.refused += 1;
            report(&LineOutcome::Refused {
                line: index + 1,
                reasons,
            });
        }
    }
    if result.refused > 0 {
        return Ok(result);
    }
    crate::db::write::<_, anyhow::Error, _>(conn, |conn| {
        for (index, line) in open()?.lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let prepared = parse(&line)
                .and_then(|r| r.prepare(ItemType::Article, &members, now))
                .map_err(|reasons| {
                    anyhow::anyhow!("line {}: changed while importing: {reasons:?}", index + 1)
                })?;
            let slug = prepared.item.fields.slug.clone();
            insert(conn, prepared)?;
            result.imported += 1;
            report(&LineOutcome::Imported {
                line: index + 1,
                slug,
            });
        }
        Ok(())
    })?;
    Ok(result)
}

/// The demo content file: articles, events and stories.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoContent {
    articles: Vec<ItemRecord>,
    events: Vec<ItemRecord>,
    stories: Vec<ItemRecord>,
}

const CONTENT_JSON: &str = include_str!("../../../seed/content.json");

/// Inserts the demo content in one transaction; returns how many items. Fails
/// loudly on any invalid record: the file ships with the binary.
pub fn seed_demo_content(conn: &mut DbConnection, now: NaiveDateTime) -> anyhow::Result<usize> {
    let demo: DemoContent = serde_json::from_str(CONTENT_JSON)?;
    crate::db::write::<_, anyhow::Error, _>(conn, |conn| {
        let members = member_ids(conn)?;
        let mut count = 0;
        for (item_type, records) in [
            (ItemType::Article, demo.articles),
            (ItemType::Event, demo.events),
            (ItemType::Story, demo.stories),
        ] {
            for record in records {
                let slug = record.slug.to_string();
                let prepared = record.prepare(item_type, &members, now).map_err(|e| {
                    anyhow::anyhow!("demo {} {slug}: {}", item_type.as_str(), e.join("; "))
                })?;
                insert(conn, prepared)?;
                count += 1;
            }
        }
        Ok(count)
    })
}
