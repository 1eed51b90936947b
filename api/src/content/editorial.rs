//! The editorial workflow: creating and saving items (every save a
//! revision, guarded by the version it was read at), status changes,
//! deleting a draft, restoring a revision, and what the back office shows
//! of an item. Each function runs inside the caller's write transaction;
//! handlers add HTTP and the audit entry.

use std::collections::{BTreeMap, HashMap};

use cecop_shared::{
    Collection, ContentStatus, CurrentVersion, DiffOp, DiffSegment, EditorialItem,
    EditorialSummary, FieldDiff, ItemDocument, Language, LanguageStatus, NewItem, SITE_LANGUAGES,
    SaveAction, TranslationState,
};
use chrono::{NaiveDateTime, TimeZone, Utc};

use super::document::{self, Checked};
use super::import::member_ids;
use super::markdown;
use crate::db::DbConnection;
use crate::db::content::editorial::{self as db, NewRevision, Stamp, StatusChange};
use crate::db::content::{self, ContentRow, ItemType, NewContent, Translation};
use crate::db::search::{self, DocType};
use crate::db::types::Zone;
use crate::error::ApiError;

/// The item type a collection holds.
pub fn item_type(collection: Collection) -> ItemType {
    match collection {
        Collection::Articles => ItemType::Article,
        Collection::Events => ItemType::Event,
        Collection::Stories => ItemType::Story,
    }
}

pub fn collection_of(item_type: ItemType) -> Collection {
    match item_type {
        ItemType::Article => Collection::Articles,
        ItemType::Event => Collection::Events,
        ItemType::Story => Collection::Stories,
    }
}

/// An item's entity tag: its version.
pub fn etag(version: i64) -> String {
    format!("\"v{version}\"")
}

/// The status readers experience: a scheduled item whose time has come is
/// published.
pub fn status(row: &ContentRow, now: NaiveDateTime) -> ContentStatus {
    match row.status {
        ContentStatus::Scheduled if row.publish_at <= now => ContentStatus::Published,
        status => status,
    }
}

/// True once readers could see the item (it can then only be archived).
fn ever_public(row: &ContentRow, now: NaiveDateTime) -> bool {
    row.first_published_at.is_some() || status(row, now) == ContentStatus::Published
}

fn utc(at: NaiveDateTime) -> chrono::DateTime<Utc> {
    Utc.from_utc_datetime(&at)
}

/// The item of `collection` with this id, or a 404.
pub fn find(
    conn: &mut DbConnection,
    collection: Collection,
    id: i64,
) -> Result<ContentRow, ApiError> {
    let item_type = item_type(collection);
    db::find(conn, item_type, id)?
        .ok_or_else(|| ApiError::NotFound(format!("No {item_type} has this id.")))
}

/// What `If-Match` asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Precondition {
    /// `*`: whatever the current version is.
    Any,
    /// One of these entity tags.
    Tags(Vec<String>),
}

/// Refuses a write whose `If-Match` does not name the item's current
/// version: 412 with the version that is current and who saved it.
pub fn check_version(
    conn: &mut DbConnection,
    row: &ContentRow,
    precondition: &Precondition,
) -> Result<(), ApiError> {
    let current = etag(row.version);
    match precondition {
        Precondition::Any => Ok(()),
        Precondition::Tags(tags) if tags.contains(&current) => Ok(()),
        Precondition::Tags(_) => Err(stale(conn, row)),
    }
}

/// The 412 for an item another save got to first.
fn stale(conn: &mut DbConnection, row: &ContentRow) -> ApiError {
    // Re-read: the row in hand may be the one the loser read.
    let row = match db::find(conn, row.item_type, row.id) {
        Ok(Some(fresh)) => fresh,
        Ok(None) => return ApiError::NotFound(format!("No {} has this id.", row.item_type)),
        Err(e) => return e.into(),
    };
    let saved_by = match row.updated_by.map(|id| db::names(conn, &[id])) {
        Some(Ok(mut names)) => row.updated_by.and_then(|id| names.remove(&id)),
        Some(Err(e)) => return e.into(),
        None => None,
    };
    ApiError::PreconditionFailed(Box::new(CurrentVersion {
        version: Some(row.version),
        etag: etag(row.version),
        saved_by,
        saved_at: utc(row.updated_at),
    }))
}

/// Indexes an item's translations for search (drafts too: public search
/// shows only what the visibility rule lets through).
pub fn index(
    conn: &mut DbConnection,
    id: i64,
    translations: &[Translation],
) -> diesel::QueryResult<()> {
    let entries: Vec<(String, String, String)> = translations
        .iter()
        .map(|t| {
            let text = format!("{} {}", t.summary, markdown::to_plain_text(&t.body));
            (t.lang.to_string(), t.title.clone(), text)
        })
        .collect();
    search::index(conn, DocType::Content, id, &entries)
}

fn checked(
    conn: &mut DbConnection,
    item_type: ItemType,
    document: &ItemDocument,
) -> Result<Checked, ApiError> {
    let members = member_ids(conn)?;
    let links = document::link_errors(&document.content);
    match document::check(item_type, &document.slug, &document.content, &members) {
        Ok(checked) if links.is_empty() => Ok(checked),
        Ok(_) => Err(ApiError::Validation(links)),
        Err(mut errors) => {
            errors.extend(links);
            Err(ApiError::Validation(errors))
        }
    }
}

fn slug_conflict(item_type: ItemType) -> ApiError {
    ApiError::Conflict {
        field: "slug".into(),
        message: format!("another {item_type} has this slug"),
    }
}

/// What a save did, by whom, when, leaving the item in which status.
#[derive(Debug, Clone, Copy)]
struct Saved {
    action: SaveAction,
    status: ContentStatus,
    by: Option<i64>,
    at: NaiveDateTime,
}

/// Keeps `document` as revision `number` of item `id`.
fn keep(
    conn: &mut DbConnection,
    (id, number): (i64, i64),
    saved: Saved,
    document: &ItemDocument,
    changed: &[String],
) -> Result<(), ApiError> {
    let json = |v: serde_json::Result<String>| v.map_err(|e| ApiError::Internal(e.into()));
    let revision = NewRevision {
        content_id: id,
        number,
        action: saved.action,
        status: saved.status,
        saved_by: saved.by,
        saved_at: saved.at,
        document: json(serde_json::to_string(document))?,
        changed: json(serde_json::to_string(changed))?,
    };
    Ok(db::insert_revision(conn, &revision)?)
}

/// Creates a draft; returns its id. Without a slug, one is made from the
/// default language's title (`-2`, `-3`… when taken); a slug given and
/// taken is a 409.
pub fn create(
    conn: &mut DbConnection,
    collection: Collection,
    new: NewItem,
    editor: i64,
    now: NaiveDateTime,
) -> Result<i64, ApiError> {
    let item_type = item_type(collection);
    let slug = match new.slug {
        Some(slug) if content::slug_taken(conn, item_type, &slug)? => {
            return Err(slug_conflict(item_type));
        }
        Some(slug) => slug,
        None => {
            let title = new
                .content
                .translations
                .get(&new.content.default_lang)
                .map(|t| t.title.as_str())
                .unwrap_or_default();
            document::free_slug(&document::slug_from(title), |s| {
                content::slug_taken(conn, item_type, s)
            })?
        }
    };
    let document = ItemDocument {
        slug,
        content: new.content,
    };
    let checked = checked(conn, item_type, &document)?;
    db::drop_redirect(conn, item_type, &document.slug)?;
    let id = content::insert(
        conn,
        &NewContent {
            item_type,
            fields: checked.fields,
            status: ContentStatus::Draft,
            publish_at: now,
            first_published_at: None,
            consent_id: None,
            created_at: now,
            updated_at: now,
            updated_by: Some(editor),
        },
        &checked.translations,
        &checked.themes,
        &checked.tags,
        &checked.member_ids,
    )?;
    index(conn, id, &checked.translations)?;
    let changed: Vec<String> = document::fields(&document)
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    let saved = Saved {
        action: SaveAction::Created,
        status: ContentStatus::Draft,
        by: Some(editor),
        at: now,
    };
    keep(conn, (id, 1), saved, &document, &changed)?;
    Ok(id)
}

/// Imported content has no revision until the back office first changes
/// it: keep the state it had as revision `version` before writing over it.
fn keep_base(
    conn: &mut DbConnection,
    row: &ContentRow,
    current: &ItemDocument,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    if !db::has_revisions(conn, row.id)? {
        let saved = Saved {
            action: SaveAction::Imported,
            status: status(row, now),
            by: None,
            at: row.updated_at,
        };
        keep(conn, (row.id, row.version), saved, current, &[])?;
    }
    Ok(())
}

/// Saves `document` over the item as it is at `row` (the version checked
/// against `If-Match`), as a new revision: `Edited` for a patch,
/// `Restored` for a revision brought back. A slug another item has is a
/// 409; a published item's old slug keeps answering, as a redirect.
pub fn save(
    conn: &mut DbConnection,
    row: &ContentRow,
    document: ItemDocument,
    action: SaveAction,
    editor: i64,
    now: NaiveDateTime,
) -> Result<Vec<String>, ApiError> {
    let item_type = row.item_type;
    let before = document::read(conn, row)?;
    keep_base(conn, row, &before, now)?;
    let checked = checked(conn, item_type, &document)?;
    let slug_moved = document.slug != row.slug;
    if slug_moved && content::slug_taken(conn, item_type, &document.slug)? {
        return Err(slug_conflict(item_type));
    }
    let version = row.version + 1;
    let source_version = if document::source_changed(&before, &document) {
        version
    } else {
        row.source_version
    };
    // A translation keeps the version it was written at unless its text
    // changed now.
    let written: HashMap<Language, i64> = db::written_versions(conn, &[row.id])?
        .into_iter()
        .map(|(_, lang, v)| (lang, v))
        .collect();
    let translations: Vec<Translation> = checked
        .translations
        .into_iter()
        .map(|t| {
            let unchanged = before
                .content
                .translations
                .get(&t.lang)
                .is_some_and(|old| document.content.translations.get(&t.lang) == Some(old));
            let written_version = match written.get(&t.lang) {
                Some(v) if unchanged => *v,
                _ => version,
            };
            Translation {
                written_version,
                ..t
            }
        })
        .collect();
    let stamp = Stamp {
        version,
        source_version,
        updated_at: now,
        updated_by: Some(editor),
    };
    if !db::update_fields(conn, row.id, row.version, &checked.fields, &stamp)? {
        return Err(stale(conn, row));
    }
    db::replace_children(
        conn,
        row.id,
        &translations,
        &checked.themes,
        &checked.tags,
        &checked.member_ids,
    )?;
    index(conn, row.id, &translations)?;
    if slug_moved {
        db::drop_redirect(conn, item_type, &document.slug)?;
        if ever_public(row, now) {
            db::add_redirect(conn, item_type, &row.slug, row.id, now)?;
        }
    }
    let changed = document::changed(&before, &document);
    let saved = Saved {
        action,
        status: status(row, now),
        by: Some(editor),
        at: now,
    };
    keep(conn, (row.id, version), saved, &document, &changed)?;
    Ok(changed)
}

/// A status action an editor takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    /// Public now.
    Publish,
    /// Public at this instant (UTC), as meant in this zone.
    Schedule(NaiveDateTime, chrono_tz::Tz),
    /// Back to a draft.
    Unpublish,
    Archive,
    /// Out of the archive, as a draft.
    Unarchive,
}

impl Transition {
    pub fn action(self) -> SaveAction {
        match self {
            Self::Publish => SaveAction::Published,
            Self::Schedule(..) => SaveAction::Scheduled,
            Self::Unpublish => SaveAction::Unpublished,
            Self::Archive => SaveAction::Archived,
            Self::Unarchive => SaveAction::Unarchived,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Publish => "published",
            Self::Schedule(..) => "scheduled",
            Self::Unpublish => "unpublished",
            Self::Archive => "archived",
            Self::Unarchive => "restored from the archive",
        }
    }
}

/// What a transition makes of an item in `current` status, or the 409
/// that names the status it is in.
fn next(
    row: &ContentRow,
    current: ContentStatus,
    transition: Transition,
    now: NaiveDateTime,
) -> Result<StatusChange, ApiError> {
    use ContentStatus::{Archived, Draft, Published, Scheduled};
    // Leaving the public: remember that it was.
    let first_published_at = match (row.first_published_at, current) {
        (Some(at), _) => Some(at),
        (None, Published) => Some(row.publish_at),
        (None, _) => None,
    };
    let change = |status, publish_at, publish_zone, first_published_at| StatusChange {
        status,
        publish_at,
        publish_zone,
        first_published_at,
    };
    match (transition, current) {
        (Transition::Publish, Draft | Scheduled) => {
            let at = row.first_published_at.unwrap_or(now);
            Ok(change(Published, at, None, Some(at)))
        }
        (Transition::Schedule(at, zone), Draft | Scheduled) => {
            Ok(change(Scheduled, at, Some(Zone(zone)), first_published_at))
        }
        (Transition::Unpublish, Published | Scheduled) => {
            Ok(change(Draft, row.publish_at, None, first_published_at))
        }
        (Transition::Archive, Draft | Scheduled | Published) => {
            Ok(change(Archived, row.publish_at, None, first_published_at))
        }
        (Transition::Unarchive, Archived) => {
            Ok(change(Draft, row.publish_at, None, first_published_at))
        }
        (transition, current) => Err(ApiError::Conflict {
            field: "status".into(),
            message: format!(
                "the {} is {current}: it cannot be {} from there",
                row.item_type,
                transition.name()
            ),
        }),
    }
}

/// Applies a status action as a new revision (the document unchanged).
pub fn transition(
    conn: &mut DbConnection,
    row: &ContentRow,
    transition: Transition,
    editor: i64,
    now: NaiveDateTime,
) -> Result<ContentStatus, ApiError> {
    let current = status(row, now);
    let change = next(row, current, transition, now)?;
    let document = document::read(conn, row)?;
    keep_base(conn, row, &document, now)?;
    let version = row.version + 1;
    let stamp = Stamp {
        version,
        source_version: row.source_version,
        updated_at: now,
        updated_by: Some(editor),
    };
    if !db::update_status(conn, row.id, row.version, &change, &stamp)? {
        return Err(stale(conn, row));
    }
    let after = match change.status {
        ContentStatus::Scheduled if change.publish_at <= now => ContentStatus::Published,
        status => status,
    };
    let saved = Saved {
        action: transition.action(),
        status: after,
        by: Some(editor),
        at: now,
    };
    keep(
        conn,
        (row.id, version),
        saved,
        &document,
        &["status".to_owned()],
    )?;
    Ok(after)
}

/// Deletes a draft that was never public; anything else is a 409 (archive
/// it instead, so links and history stay whole).
pub fn delete(
    conn: &mut DbConnection,
    row: &ContentRow,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let current = status(row, now);
    if current != ContentStatus::Draft || ever_public(row, now) {
        return Err(ApiError::Conflict {
            field: "status".into(),
            message: format!(
                "only a draft that was never published can be deleted; this {} is {current}{}: \
                 archive it instead",
                row.item_type,
                if current == ContentStatus::Draft {
                    " but was published before"
                } else {
                    ""
                }
            ),
        });
    }
    if !db::delete(conn, row.id, row.version)? {
        return Err(stale(conn, row));
    }
    search::index(conn, DocType::Content, row.id, &[])?;
    Ok(())
}

/// Where each of the site's languages (and any other the item has)
/// stands.
fn languages(row: &ContentRow, written: &[(Language, i64)]) -> Vec<LanguageStatus> {
    let mut states: BTreeMap<Language, TranslationState> = SITE_LANGUAGES
        .iter()
        .filter_map(|l| l.parse().ok())
        .map(|l| (l, TranslationState::Missing))
        .collect();
    for (lang, version) in written {
        let state = if *lang != row.default_lang && *version < row.source_version {
            TranslationState::Outdated
        } else {
            TranslationState::Current
        };
        states.insert(lang.clone(), state);
    }
    let mut list: Vec<LanguageStatus> = states
        .into_iter()
        .map(|(lang, state)| LanguageStatus { lang, state })
        .collect();
    // The default language first, then the site's order, then the rest.
    let rank = |l: &Language| {
        if *l == row.default_lang {
            0
        } else {
            SITE_LANGUAGES
                .iter()
                .position(|s| *s == l.as_str())
                .map_or(SITE_LANGUAGES.len() + 1, |p| p + 1)
        }
    };
    list.sort_by_key(|s| rank(&s.lang));
    list
}

/// The item as the back office shows it.
pub fn to_item(
    conn: &mut DbConnection,
    row: &ContentRow,
    now: NaiveDateTime,
) -> Result<EditorialItem, ApiError> {
    let document = document::read(conn, row)?;
    let written: Vec<(Language, i64)> = db::written_versions(conn, &[row.id])?
        .into_iter()
        .map(|(_, lang, v)| (lang, v))
        .collect();
    let creator = db::creators(conn, &[row.id])?.get(&row.id).copied();
    let ids: Vec<i64> = creator
        .iter()
        .chain(row.updated_by.iter())
        .copied()
        .collect();
    let names = db::names(conn, &ids)?;
    let current = status(row, now);
    let collection = collection_of(row.item_type);
    Ok(EditorialItem {
        id: row.id,
        collection,
        status: current,
        publish_at: (current != ContentStatus::Draft || row.first_published_at.is_some())
            .then(|| utc(row.publish_at)),
        publish_zone: row.publish_zone.map(|z| z.0.name().to_owned()),
        version: row.version,
        ever_published: ever_public(row, now),
        created_at: utc(row.created_at),
        created_by: creator.and_then(|id| names.get(&id).cloned()),
        updated_at: utc(row.updated_at),
        updated_by: row.updated_by.and_then(|id| names.get(&id).cloned()),
        languages: languages(row, &written),
        public_path: format!("/api/v1/{collection}/{}", row.slug),
        document,
    })
}

/// Items as the back office lists them, in the rows' order.
pub fn summaries(
    conn: &mut DbConnection,
    rows: &[ContentRow],
    now: NaiveDateTime,
) -> Result<Vec<EditorialSummary>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut written: HashMap<i64, Vec<(Language, i64)>> = HashMap::new();
    for (id, lang, version) in db::written_versions(conn, &ids)? {
        written.entry(id).or_default().push((lang, version));
    }
    let mut titles: HashMap<(i64, Language), String> = HashMap::new();
    for head in content::translation_heads(conn, &ids)? {
        titles.insert((head.content_id, head.lang), head.title);
    }
    let creators = db::creators(conn, &ids)?;
    let editors: Vec<i64> = rows
        .iter()
        .filter_map(|r| r.updated_by)
        .chain(creators.values().copied())
        .collect();
    let names = db::names(conn, &editors)?;
    Ok(rows
        .iter()
        .map(|row| {
            let current = status(row, now);
            EditorialSummary {
                id: row.id,
                collection: collection_of(row.item_type),
                slug: row.slug.clone(),
                title: titles
                    .remove(&(row.id, row.default_lang.clone()))
                    .unwrap_or_default(),
                status: current,
                publish_at: (current != ContentStatus::Draft || row.first_published_at.is_some())
                    .then(|| utc(row.publish_at)),
                version: row.version,
                languages: languages(row, written.get(&row.id).map_or(&[], Vec::as_slice)),
                created_by: creators.get(&row.id).and_then(|id| names.get(id).cloned()),
                updated_at: utc(row.updated_at),
                updated_by: row.updated_by.and_then(|id| names.get(&id).cloned()),
            }
        })
        .collect())
}

/// Field by field, how `before` became `after`; text word by word.
pub fn diff(before: &ItemDocument, after: &ItemDocument) -> Vec<FieldDiff> {
    let old: BTreeMap<String, String> = document::fields(before).into_iter().collect();
    let new: BTreeMap<String, String> = document::fields(after).into_iter().collect();
    document::changed(before, after)
        .into_iter()
        .map(|field| {
            let (a, b) = (old.get(&field), new.get(&field));
            let text_diff = similar::TextDiff::from_words(
                a.map_or("", String::as_str),
                b.map_or("", String::as_str),
            );
            let mut segments: Vec<DiffSegment> = Vec::new();
            for change in text_diff.iter_all_changes() {
                let op = match change.tag() {
                    similar::ChangeTag::Equal => DiffOp::Equal,
                    similar::ChangeTag::Insert => DiffOp::Insert,
                    similar::ChangeTag::Delete => DiffOp::Delete,
                };
                match segments.last_mut() {
                    Some(last) if last.op == op => last.text.push_str(change.value()),
                    _ => segments.push(DiffSegment {
                        op,
                        text: change.value().to_owned(),
                    }),
                }
            }
            FieldDiff {
                field,
                before: a.cloned(),
                after: b.cloned(),
                segments,
            }
        })
        .collect()
}
