//! Checking an import record as an item of one type and turning it into
//! rows: the record is shaped into the document editors write
//! (`content::document`) and held to the same rules; every problem is
//! reported, not only the first.

use std::collections::BTreeMap;

use cecop_shared::{
    ArticleFields, ArticleKind, ContentStatus, EventFields, EventKind, ItemContent, StoryFields,
    TranslationText,
};
use chrono::NaiveDateTime;

use super::record::{ItemRecord, Prepared};
use crate::content::document::{self, MemberIds};
use crate::db::content::{ItemType, NewConsent, NewContent};

impl ItemRecord {
    /// Checks the record as an item of `item_type` and builds its rows, or
    /// says everything that is wrong with it.
    pub fn prepare(
        self,
        item_type: ItemType,
        member_ids: &MemberIds,
        now: NaiveDateTime,
    ) -> Result<Prepared, Vec<String>> {
        let mut errors = Vec::new();
        let (content, consent) = self.content(item_type, &mut errors);
        let checked = document::check(item_type, &self.slug, &content, member_ids)
            .map_err(|e| errors.extend(document::reasons(e)))
            .ok();
        let Some(checked) = checked.filter(|_| errors.is_empty()) else {
            return Err(errors);
        };
        let publish_at = self.published_at.naive_utc();
        let public_once = matches!(
            self.status,
            ContentStatus::Published | ContentStatus::Archived
        );
        Ok(Prepared {
            item: NewContent {
                item_type,
                fields: checked.fields,
                status: self.status,
                publish_at,
                first_published_at: public_once.then_some(publish_at),
                consent_id: None,
                created_at: now,
                updated_at: now,
                updated_by: None,
            },
            translations: checked.translations,
            themes: checked.themes,
            tags: checked.tags,
            member_ids: checked.member_ids,
            consent,
        })
    }

    /// The record as the document editors write, with what does not fit
    /// that shape (a field of another item type, a language twice, a kind
    /// that is not one) added to `errors`.
    fn content(
        &self,
        item_type: ItemType,
        errors: &mut Vec<String>,
    ) -> (ItemContent, Option<NewConsent>) {
        let mut translations = BTreeMap::from([(
            self.lang.clone(),
            TranslationText {
                title: self.title.clone(),
                summary: self.summary.clone(),
                body: self.body.clone(),
            },
        )]);
        for t in &self.translations {
            let text = TranslationText {
                title: t.title.clone(),
                summary: t.summary.clone(),
                body: t.body.clone(),
            };
            if translations.insert(t.lang.clone(), text).is_some() {
                errors.push(format!("translations: language {} appears twice", t.lang));
            }
        }
        let is = |t: ItemType| item_type == t;
        let event_fields = self.starts_at.is_some()
            || self.ends_at.is_some()
            || self.time_zone.is_some()
            || self.venue.is_some()
            || self.city.is_some()
            || self.online_url.is_some()
            || self.registration_url.is_some()
            || !self.organisers.is_empty();
        if event_fields && !is(ItemType::Event) {
            errors.push("event fields (starts_at, venue, organisers…) are for events only".into());
        }
        let story_fields = self.cooperative.is_some()
            || self.sector.is_some()
            || self.quote.is_some()
            || self.photo.is_some()
            || self.consent.is_some();
        if story_fields && !is(ItemType::Story) {
            errors.push("story fields (cooperative, quote, consent…) are for stories only".into());
        }
        let mut kind = |required: bool| match (&self.kind, required) {
            (Some(k), true) => Some(k.as_str()),
            (None, true) => {
                errors.push("kind is required".to_owned());
                None
            }
            (Some(_), false) => {
                errors.push("kind is not used for stories".to_owned());
                None
            }
            (None, false) => None,
        };
        let mut content = ItemContent {
            visibility: self.visibility,
            default_lang: self.lang.clone(),
            translations,
            country: self.country,
            themes: self.themes.clone(),
            tags: self.tags.clone(),
            members: self.members.clone(),
            eu_funded: self.eu_funded,
            illustrative: self.illustrative,
            attachments: self.attachments.clone(),
            article: None,
            event: None,
            story: None,
        };
        match item_type {
            ItemType::Article => {
                if let Some(k) = kind(true) {
                    match k.parse::<ArticleKind>() {
                        Ok(kind) => content.article = Some(ArticleFields { kind }),
                        Err(e) => errors.push(format!("kind {e}")),
                    }
                }
            }
            ItemType::Event => {
                let parsed = kind(true).map(|k| k.parse::<EventKind>());
                match (parsed, self.starts_at, self.ends_at, &self.time_zone) {
                    (Some(Err(e)), ..) => errors.push(format!("kind {e}")),
                    (Some(Ok(kind)), Some(starts_local), Some(ends_local), Some(zone)) => {
                        content.event = Some(EventFields {
                            kind,
                            starts_local,
                            ends_local,
                            time_zone: zone.clone(),
                            venue: self.venue.clone(),
                            city: self.city.clone(),
                            online_url: self.online_url.clone(),
                            registration_url: self.registration_url.clone(),
                            organisers: self.organisers.clone(),
                        });
                    }
                    (Some(Ok(_)), ..) => {
                        errors.push("events need starts_at, ends_at and time_zone".into());
                    }
                    (None, ..) => {}
                }
            }
            ItemType::Story => {
                kind(false);
                match &self.cooperative {
                    Some(cooperative) => {
                        content.story = Some(StoryFields {
                            cooperative: cooperative.clone(),
                            sector: self.sector.clone(),
                            quote: self.quote.clone(),
                            photo: self.photo.clone(),
                        });
                    }
                    None => errors.push("stories need a cooperative".into()),
                }
            }
        }
        let consent = self.consent.as_ref().map(|c| NewConsent {
            given_at: c.given_at.naive_utc(),
            given_by: c.given_by.clone(),
            wording: c.wording.clone(),
        });
        (content, consent)
    }
}
