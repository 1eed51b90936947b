//! The strings of the publishing pages — news, publications, events,
//! #COOPTALES stories, search and "About" — kept in a table of their own
//! ([`Publishing`], reached as `t().publishing`) so that no language file
//! grows past a readable size. Like [`super::Strings`], it is a plain struct:
//! a language that misses a string does not compile.
//!
//! The shared enums' labels are methods here, so a new variant fails to
//! compile until every language names it.

mod en;
mod es;
mod fr;
mod it;

use cecop_shared::{ArticleKind, EventKind, OrganiserRole, SearchKind, Theme};

pub use en::EN;
pub use es::ES;
pub use fr::FR;
pub use it::IT;

/// Every string of the publishing pages, for one language.
#[derive(Debug)]
pub struct Publishing {
    // Navigation and the header's search.
    pub nav_news: &'static str,
    pub nav_events: &'static str,
    pub nav_cooptales: &'static str,
    pub nav_publications: &'static str,
    pub nav_about: &'static str,
    pub site_search_label: &'static str,
    // The shared enums.
    pub theme_employment_social_inclusion: &'static str,
    pub theme_entrepreneurship: &'static str,
    pub theme_sustainable_growth: &'static str,
    pub article_news: &'static str,
    pub article_press_release: &'static str,
    pub article_position_paper: &'static str,
    pub article_publication: &'static str,
    pub article_consultation_response: &'static str,
    pub event_conference: &'static str,
    pub event_webinar: &'static str,
    pub event_mutual_learning_session: &'static str,
    pub event_policy_debate: &'static str,
    pub event_visit: &'static str,
    pub result_article: &'static str,
    pub result_event: &'static str,
    pub result_story: &'static str,
    pub result_member: &'static str,
    pub organiser: &'static str,
    pub co_organiser: &'static str,
    // What every item may show.
    pub members_only_badge: &'static str,
    pub eu_notice_title: &'static str,
    pub eu_notice_text: &'static str,
    pub also_available_in: &'static str,
    pub switch_language_hint: &'static str,
    /// "Not available in <this language>; shown in {the item's language}."
    pub shown_in: fn(&str) -> String,
    pub field_themes: &'static str,
    pub field_tags: &'static str,
    pub field_related_members: &'static str,
    pub attachments_heading: &'static str,
    pub content_not_found_heading: &'static str,
    pub content_not_found_text: &'static str,
    // News and publications.
    pub news_title: &'static str,
    pub news_description: &'static str,
    pub news_heading: &'static str,
    pub news_intro: &'static str,
    pub news_filters_label: &'static str,
    pub news_search: &'static str,
    pub news_search_hint: &'static str,
    pub filter_article_kind: &'static str,
    pub filter_theme: &'static str,
    pub filter_all_themes: &'static str,
    pub articles_total: fn(u64) -> String,
    pub articles_empty: &'static str,
    pub news_feed: &'static str,
    pub news_back: &'static str,
    pub article_title: &'static str,
    pub publications_title: &'static str,
    pub publications_description: &'static str,
    pub publications_heading: &'static str,
    pub publications_intro: &'static str,
    pub publications_filters_label: &'static str,
    // Events.
    pub events_title: &'static str,
    pub events_description: &'static str,
    pub events_heading: &'static str,
    pub events_intro: &'static str,
    pub events_when_label: &'static str,
    pub events_upcoming: &'static str,
    pub events_past: &'static str,
    pub events_filters_label: &'static str,
    pub events_search: &'static str,
    pub events_search_hint: &'static str,
    pub filter_event_kind: &'static str,
    pub events_total: fn(u64) -> String,
    pub events_upcoming_empty: &'static str,
    pub events_past_empty: &'static str,
    pub add_to_calendar: &'static str,
    pub add_to_calendar_hint: &'static str,
    pub event_title: &'static str,
    pub events_back: &'static str,
    /// "At the venue ({IANA zone})".
    pub venue_time: fn(&str) -> String,
    /// "Your time ({IANA zone})".
    pub visitor_time: fn(&str) -> String,
    pub event_where: &'static str,
    pub event_online: &'static str,
    pub event_join: &'static str,
    pub event_organisers: &'static str,
    pub event_register: &'static str,
    // #COOPTALES.
    pub cooptales_title: &'static str,
    pub cooptales_description: &'static str,
    pub cooptales_heading: &'static str,
    pub cooptales_intro: &'static str,
    pub stories_total: fn(u64) -> String,
    pub stories_empty: &'static str,
    pub story_title: &'static str,
    pub stories_back: &'static str,
    pub field_cooperative: &'static str,
    pub field_sector: &'static str,
    /// What precedes a photograph's description, standing in for the
    /// photograph (not shown: the media store is not served yet).
    pub photo_label: &'static str,
    // Search.
    pub search_title: &'static str,
    pub search_description: &'static str,
    pub search_heading: &'static str,
    pub search_prompt: &'static str,
    pub search_filters_label: &'static str,
    pub search_words: &'static str,
    pub search_hint: &'static str,
    pub filter_result_kind: &'static str,
    pub search_everything: &'static str,
    pub search_total: fn(u64) -> String,
    pub search_empty: &'static str,
    // Home page.
    pub home_news_heading: &'static str,
    pub home_events_heading: &'static str,
    pub home_story_heading: &'static str,
    pub home_all_news: &'static str,
    pub home_all_events: &'static str,
    pub home_all_stories: &'static str,
    pub home_no_news: &'static str,
    pub home_no_events: &'static str,
    pub home_no_story: &'static str,
    // About.
    pub about_title: &'static str,
}

impl Publishing {
    pub fn theme(&self, theme: Theme) -> &'static str {
        match theme {
            Theme::EmploymentSocialInclusion => self.theme_employment_social_inclusion,
            Theme::Entrepreneurship => self.theme_entrepreneurship,
            Theme::SustainableGrowth => self.theme_sustainable_growth,
        }
    }

    pub fn article_kind(&self, kind: ArticleKind) -> &'static str {
        match kind {
            ArticleKind::News => self.article_news,
            ArticleKind::PressRelease => self.article_press_release,
            ArticleKind::PositionPaper => self.article_position_paper,
            ArticleKind::Publication => self.article_publication,
            ArticleKind::ConsultationResponse => self.article_consultation_response,
        }
    }

    pub fn event_kind(&self, kind: EventKind) -> &'static str {
        match kind {
            EventKind::Conference => self.event_conference,
            EventKind::Webinar => self.event_webinar,
            EventKind::MutualLearningSession => self.event_mutual_learning_session,
            EventKind::PolicyDebate => self.event_policy_debate,
            EventKind::Visit => self.event_visit,
        }
    }

    pub fn result_kind(&self, kind: SearchKind) -> &'static str {
        match kind {
            SearchKind::Article => self.result_article,
            SearchKind::Event => self.result_event,
            SearchKind::Story => self.result_story,
            SearchKind::Member => self.result_member,
        }
    }

    pub fn organiser_role(&self, role: OrganiserRole) -> &'static str {
        match role {
            OrganiserRole::Organiser => self.organiser,
            OrganiserRole::CoOrganiser => self.co_organiser,
        }
    }
}
