//! What the editor controls of an item, as it is being edited ([`Edits`]):
//! the fields every collection has, and an article's kind, an event's
//! dates, place and organisers, or a story's cooperative, quote and photo.
//! Kept in the browser between visits, turned into the API's document, and
//! sent as a merge patch of only what the editor changed — so saving over
//! a colleague's newer version keeps every field they changed and the
//! editor did not.

use std::collections::{BTreeMap, BTreeSet};

use cecop_shared::{
    ArticleKind, Attachment, Collection, EventKind, ItemDocument, Language, OrganiserRole, Theme,
    TranslationText, Visibility,
};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

/// An item as edited. Text the API checks (dates, slugs, addresses) is kept
/// as typed, so the server's answer can name what is wrong with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edits {
    pub slug: String,
    pub visibility: Visibility,
    pub default_lang: Language,
    pub translations: BTreeMap<Language, TranslationText>,
    pub country: String,
    pub themes: BTreeSet<Theme>,
    /// Separated by commas.
    pub tags: String,
    /// Member organisations the item is about, by slug.
    pub members: BTreeSet<String>,
    pub eu_funded: bool,
    pub illustrative: bool,
    /// Kept as they are: the media library brings their picker.
    pub attachments: Vec<Attachment>,
    pub article: Option<ArticleKind>,
    pub event: Option<EventForm>,
    pub story: Option<StoryForm>,
}

/// An event's own fields, as typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventForm {
    pub kind: EventKind,
    /// As a `datetime-local` input holds it: `2024-12-11T09:00`.
    pub starts: String,
    pub ends: String,
    pub time_zone: String,
    pub venue: String,
    pub city: String,
    pub online_url: String,
    pub registration_url: String,
    pub organisers: Vec<OrganiserForm>,
}

/// One organiser of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganiserForm {
    pub name: String,
    /// The member organisation's slug, or empty.
    pub member: String,
    pub role: OrganiserRole,
}

/// A story's own fields, as typed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StoryForm {
    pub cooperative: String,
    pub sector: String,
    pub quote: String,
    /// Where the photograph is kept in the media store, or empty.
    pub photo: String,
    pub photo_alt: String,
}

pub fn blank_text() -> TranslationText {
    TranslationText {
        title: String::new(),
        summary: String::new(),
        body: String::new(),
    }
}

/// A local date and time as a `datetime-local` input shows it.
fn local_input(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M").to_string()
}

/// A `datetime-local` input's value as the API reads it (with seconds);
/// anything else is sent as typed, for the API to refuse by name.
fn local_value(typed: &str) -> String {
    let typed = typed.trim();
    if typed.len() == 16 {
        format!("{typed}:00")
    } else {
        typed.to_owned()
    }
}

/// Text that may be left empty: empty is "none".
fn optional(text: &str) -> Value {
    match text.trim() {
        "" => Value::Null,
        text => json!(text),
    }
}

impl Edits {
    /// A new item of `collection`, in English.
    pub fn blank(collection: Collection) -> Self {
        let english = Language::english();
        Self {
            slug: String::new(),
            visibility: Visibility::Public,
            default_lang: english.clone(),
            translations: BTreeMap::from([(english, blank_text())]),
            country: String::new(),
            themes: BTreeSet::new(),
            tags: String::new(),
            members: BTreeSet::new(),
            eu_funded: false,
            illustrative: false,
            attachments: Vec::new(),
            article: (collection == Collection::Articles).then_some(ArticleKind::News),
            event: (collection == Collection::Events).then(|| EventForm {
                kind: EventKind::Conference,
                starts: String::new(),
                ends: String::new(),
                time_zone: "Europe/Brussels".to_owned(),
                venue: String::new(),
                city: String::new(),
                online_url: String::new(),
                registration_url: String::new(),
                organisers: Vec::new(),
            }),
            story: (collection == Collection::Stories).then(StoryForm::default),
        }
    }

    pub fn of(document: &ItemDocument) -> Self {
        let content = &document.content;
        Self {
            slug: document.slug.to_string(),
            visibility: content.visibility,
            default_lang: content.default_lang.clone(),
            translations: content.translations.clone(),
            country: content
                .country
                .map(|c| c.as_str().to_owned())
                .unwrap_or_default(),
            themes: content.themes.iter().copied().collect(),
            tags: content
                .tags
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            members: content.members.iter().map(|m| m.to_string()).collect(),
            eu_funded: content.eu_funded,
            illustrative: content.illustrative,
            attachments: content.attachments.clone(),
            article: content.article.as_ref().map(|a| a.kind),
            event: content.event.as_ref().map(|e| EventForm {
                kind: e.kind,
                starts: local_input(e.starts_local),
                ends: local_input(e.ends_local),
                time_zone: e.time_zone.clone(),
                venue: e.venue.clone().unwrap_or_default(),
                city: e.city.clone().unwrap_or_default(),
                online_url: e.online_url.clone().unwrap_or_default(),
                registration_url: e.registration_url.clone().unwrap_or_default(),
                organisers: e
                    .organisers
                    .iter()
                    .map(|o| OrganiserForm {
                        name: o.name.clone(),
                        member: o.member.as_ref().map(|m| m.to_string()).unwrap_or_default(),
                        role: o.role,
                    })
                    .collect(),
            }),
            story: content.story.as_ref().map(|s| StoryForm {
                cooperative: s.cooperative.clone(),
                sector: s.sector.clone().unwrap_or_default(),
                quote: s.quote.clone().unwrap_or_default(),
                photo: s
                    .photo
                    .as_ref()
                    .map(|p| p.media.clone())
                    .unwrap_or_default(),
                photo_alt: s.photo.as_ref().map(|p| p.alt.clone()).unwrap_or_default(),
            }),
        }
    }

    /// The translations worth sending: a language with nothing written is
    /// not one the item has.
    fn written(&self) -> BTreeMap<Language, TranslationText> {
        self.translations
            .iter()
            .filter(|(lang, t)| {
                **lang == self.default_lang
                    || !(t.title.trim().is_empty()
                        && t.summary.trim().is_empty()
                        && t.body.trim().is_empty())
            })
            .map(|(lang, t)| (lang.clone(), t.clone()))
            .collect()
    }

    /// The item's document as the API takes it; without a slug when none
    /// is typed (the API makes one from the title).
    pub fn document(&self) -> Value {
        let tags: Vec<&str> = self
            .tags
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        let mut document = json!({
            "visibility": self.visibility,
            "default_lang": self.default_lang,
            "translations": self.written(),
            "country": optional(&self.country.to_uppercase()),
            "themes": self.themes,
            "tags": tags,
            "members": self.members,
            "eu_funded": self.eu_funded,
            "illustrative": self.illustrative,
            "attachments": self.attachments,
        });
        if !self.slug.trim().is_empty() {
            document["slug"] = json!(self.slug.trim());
        }
        if let Some(kind) = self.article {
            document["article"] = json!({ "kind": kind });
        }
        if let Some(event) = &self.event {
            let organisers: Vec<Value> = event
                .organisers
                .iter()
                .map(|o| json!({ "name": o.name.trim(), "member": optional(&o.member), "role": o.role }))
                .collect();
            document["event"] = json!({
                "kind": event.kind,
                "starts_local": local_value(&event.starts),
                "ends_local": local_value(&event.ends),
                "time_zone": event.time_zone.trim(),
                "venue": optional(&event.venue),
                "city": optional(&event.city),
                "online_url": optional(&event.online_url),
                "registration_url": optional(&event.registration_url),
                "organisers": organisers,
            });
        }
        if let Some(story) = &self.story {
            let photo = match story.photo.trim() {
                "" => Value::Null,
                media => json!({ "media": media, "alt": story.photo_alt.trim() }),
            };
            document["story"] = json!({
                "cooperative": story.cooperative.trim(),
                "sector": optional(&story.sector),
                "quote": optional(&story.quote),
                "photo": photo,
            });
        }
        without_nulls(document)
    }

    /// A merge patch (RFC 7396) from `base` — the version these edits
    /// started from — to these edits: only what the editor changed. Sent
    /// over a newer version, it keeps that version's other changes.
    pub fn patch(&self, base: &Edits) -> Value {
        let mut from = base.document();
        let mut to = self.document();
        if self.slug.trim().is_empty() {
            // An emptied slug field keeps the slug the item has.
            for document in [&mut from, &mut to] {
                if let Value::Object(fields) = document {
                    fields.remove("slug");
                }
            }
        }
        merge_diff(&from, &to).unwrap_or_else(|| json!({}))
    }
}

/// Members whose value is `null` mean "none" in a document, and "remove"
/// in a patch: a document leaves them out.
fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        other => other,
    }
}

/// The merge patch that turns `from` into `to`, or `None` when they are
/// equal. Objects are compared member by member; anything else (arrays
/// included) is replaced whole.
pub fn merge_diff(from: &Value, to: &Value) -> Option<Value> {
    match (from, to) {
        (Value::Object(a), Value::Object(b)) => {
            let mut patch = Map::new();
            for (key, old) in a {
                match b.get(key) {
                    None => {
                        patch.insert(key.clone(), Value::Null);
                    }
                    Some(new) => {
                        if let Some(change) = merge_diff(old, new) {
                            patch.insert(key.clone(), change);
                        }
                    }
                }
            }
            for (key, new) in b {
                if !a.contains_key(key) {
                    patch.insert(key.clone(), new.clone());
                }
            }
            (!patch.is_empty()).then_some(Value::Object(patch))
        }
        (a, b) if a == b => None,
        (_, b) => Some(b.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diff_names_only_what_changed_and_removes_with_null() {
        let from = json!({ "a": 1, "t": { "en": { "title": "x", "body": "b" }, "fr": { "title": "y" } }, "list": [1, 2] });
        let to =
            json!({ "a": 1, "t": { "en": { "title": "x2", "body": "b" } }, "list": [1, 2, 3] });
        assert_eq!(
            merge_diff(&from, &to),
            Some(json!({ "t": { "en": { "title": "x2" }, "fr": null }, "list": [1, 2, 3] }))
        );
        assert_eq!(merge_diff(&from, &from), None);
    }

    #[test]
    fn an_edit_patches_only_its_own_fields() {
        let mut base = Edits::blank(Collection::Events);
        base.slug = "congress".into();
        base.translations
            .get_mut(&Language::english())
            .unwrap()
            .title = "Congress".into();
        let mut mine = base.clone();
        mine.event.as_mut().unwrap().venue = "Mundo-B".into();
        mine.themes.insert(Theme::Entrepreneurship);
        assert_eq!(
            mine.patch(&base),
            json!({ "event": { "venue": "Mundo-B" }, "themes": ["entrepreneurship"] })
        );
        // Emptying an optional field removes it; an emptied slug keeps it.
        let mut cleared = mine.clone();
        cleared.event.as_mut().unwrap().venue.clear();
        cleared.slug.clear();
        assert_eq!(cleared.patch(&mine), json!({ "event": { "venue": null } }));
    }

    #[test]
    fn typed_local_times_gain_their_seconds() {
        assert_eq!(local_value("2027-03-28T09:30"), "2027-03-28T09:30:00");
        assert_eq!(local_value(" 2027-03-28T09:30:15 "), "2027-03-28T09:30:15");
        assert_eq!(local_value(""), "");
    }
}
