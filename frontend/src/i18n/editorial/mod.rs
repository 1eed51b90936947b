//! The strings of the editorial back office: the content list and the
//! editor ([`Editorial`], reached as `t().editorial`). A plain struct: a
//! language that misses a string does not compile.

mod en;
mod es;
mod fr;
mod it;

use cecop_shared::{Collection, ContentStatus, TranslationState};

pub use en::EN;
pub use es::ES;
pub use fr::FR;
pub use it::IT;

/// Every string of the editorial back office, for one language.
#[derive(Debug)]
pub struct Editorial {
    pub nav_content: &'static str,
    pub title: &'static str,
    pub heading: &'static str,
    pub articles: &'static str,
    pub events: &'static str,
    pub stories: &'static str,
    pub field_collection: &'static str,
    pub field_status: &'static str,
    pub all_statuses: &'static str,
    pub draft: &'static str,
    pub scheduled: &'static str,
    pub published: &'static str,
    pub archived: &'static str,
    pub search: &'static str,
    pub new_article: &'static str,
    pub col_title: &'static str,
    pub col_status: &'static str,
    pub col_languages: &'static str,
    pub col_author: &'static str,
    pub imported: &'static str,
    pub col_changed: &'static str,
    pub total: fn(u64) -> String,
    pub none_yet: &'static str,
    pub lang_current: &'static str,
    pub lang_outdated: &'static str,
    pub lang_missing: &'static str,
    pub edit_heading: &'static str,
    pub status_line: fn(&str, i64, &str) -> String,
    pub field_slug: &'static str,
    pub slug_hint: &'static str,
    pub field_kind: &'static str,
    pub field_visibility: &'static str,
    pub public: &'static str,
    pub members_only: &'static str,
    pub field_default_lang: &'static str,
    pub languages_label: &'static str,
    pub field_title: &'static str,
    pub field_summary: &'static str,
    pub field_body: &'static str,
    pub body_hint: &'static str,
    pub preview_heading: &'static str,
    pub words: fn(u64) -> String,
    pub create: &'static str,
    pub save: &'static str,
    pub save_hint: &'static str,
    pub saved: &'static str,
    pub unsaved: &'static str,
    pub restored_local: &'static str,
    pub discard_local: &'static str,
    pub leave_question: &'static str,
    pub publish: &'static str,
    pub unpublish: &'static str,
    pub archive: &'static str,
    pub unarchive: &'static str,
    pub schedule_heading: &'static str,
    pub schedule_local: &'static str,
    pub schedule_zone: &'static str,
    pub schedule_submit: &'static str,
    pub schedule_yours: fn(&str) -> String,
    pub scheduled_for: fn(&str, &str) -> String,
    pub conflict_heading: &'static str,
    pub conflict_intro: fn(&str) -> String,
    pub conflict_someone: &'static str,
    pub conflict_theirs: &'static str,
    pub conflict_mine: &'static str,
    pub conflict_take_theirs: &'static str,
    pub conflict_keep_mine: &'static str,
    pub revisions_heading: &'static str,
    pub revision_line: fn(i64, &str, &str, &str) -> String,
    pub compare_previous: &'static str,
    pub restore_revision: &'static str,
    pub restore_named: fn(&str) -> String,
    pub restore_question: fn(&str) -> String,
    pub restore_confirm: &'static str,
    pub nav_members: &'static str,
    pub members_heading: &'static str,
    pub members_total: fn(u64) -> String,
    pub new_member: &'static str,
    pub field_name: &'static str,
    pub field_acronym: &'static str,
    pub country_hint: &'static str,
    pub description_en: &'static str,
    pub description_in: fn(&str) -> String,
    pub sectors_hint: &'static str,
    pub field_network_contact: &'static str,
    pub field_illustrative: &'static str,
    pub no_tier: &'static str,
    pub create_member: &'static str,
    pub member_changed: &'static str,
    pub reload: &'static str,
    pub preview_banner: &'static str,
    pub preview_gone: &'static str,
    pub preview_gone_text: &'static str,
    pub share_heading: &'static str,
    pub share_hours: &'static str,
    pub share_make: &'static str,
    pub share_link: &'static str,
    pub share_active: fn(&str) -> String,
    pub share_ended: &'static str,
    pub share_revoke: &'static str,
    pub new_event: &'static str,
    pub new_story: &'static str,
    pub field_themes: &'static str,
    pub field_tags: &'static str,
    pub tags_hint: &'static str,
    pub field_about_members: &'static str,
    pub field_eu_funded: &'static str,
    pub field_item_illustrative: &'static str,
    pub field_attachments: &'static str,
    pub event_heading: &'static str,
    pub field_starts: &'static str,
    pub field_ends: &'static str,
    pub field_time_zone: &'static str,
    pub times_hint: &'static str,
    pub field_venue: &'static str,
    pub field_city: &'static str,
    pub field_online_url: &'static str,
    pub field_registration_url: &'static str,
    pub organiser_member: &'static str,
    pub organiser_not_member: &'static str,
    pub organiser_role: &'static str,
    pub add_organiser: &'static str,
    pub story_heading: &'static str,
    pub field_quote: &'static str,
    pub field_photo: &'static str,
    pub photo_hint: &'static str,
    pub field_photo_alt: &'static str,
    pub leave_heading: &'static str,
    pub leave_text: &'static str,
    pub leave_stay: &'static str,
    pub leave_go: &'static str,
    pub conflict_field: &'static str,
    pub conflict_outcome: &'static str,
    pub conflict_yours_replace: &'static str,
    pub conflict_theirs_stay: &'static str,
    pub compare_heading: &'static str,
    pub compare_from: &'static str,
    pub compare_to: &'static str,
    pub compare_submit: &'static str,
    pub remove_organiser: fn(&str) -> String,
    pub revision_option: fn(i64, &str) -> String,
    pub revision_n: fn(i64) -> String,
    pub view_public: &'static str,
    pub back_to_list: &'static str,
}

impl Editorial {
    pub fn collection(&self, collection: Collection) -> &'static str {
        match collection {
            Collection::Articles => self.articles,
            Collection::Events => self.events,
            Collection::Stories => self.stories,
        }
    }

    /// "New article", "New event", "New story".
    pub fn new_item(&self, collection: Collection) -> &'static str {
        match collection {
            Collection::Articles => self.new_article,
            Collection::Events => self.new_event,
            Collection::Stories => self.new_story,
        }
    }

    pub fn status(&self, status: ContentStatus) -> &'static str {
        match status {
            ContentStatus::Draft => self.draft,
            ContentStatus::Scheduled => self.scheduled,
            ContentStatus::Published => self.published,
            ContentStatus::Archived => self.archived,
        }
    }

    pub fn translation(&self, state: TranslationState) -> &'static str {
        match state {
            TranslationState::Current => self.lang_current,
            TranslationState::Outdated => self.lang_outdated,
            TranslationState::Missing => self.lang_missing,
        }
    }
}
