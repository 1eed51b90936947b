//! English strings of the publishing pages: the reference the other languages mirror.

use super::Publishing;
use crate::i18n::en::plural;

/// The publishing pages in English.
pub const EN: Publishing = Publishing {
    nav_news: "News",
    nav_events: "Events",
    nav_cooptales: "#COOPTALES",
    nav_publications: "Publications",
    nav_about: "About",
    site_search_label: "Search the site",

    theme_employment_social_inclusion: "Employment and social inclusion",
    theme_entrepreneurship: "Entrepreneurship",
    theme_sustainable_growth: "Sustainable growth",
    article_news: "News",
    article_press_release: "Press release",
    article_position_paper: "Position paper",
    article_publication: "Publication",
    article_consultation_response: "Consultation response",
    event_conference: "Conference",
    event_webinar: "Webinar",
    event_mutual_learning_session: "Mutual learning session",
    event_policy_debate: "Policy debate",
    event_visit: "Study visit",
    result_article: "Article",
    result_event: "Event",
    result_story: "#COOPTALES story",
    result_member: "Member",
    organiser: "Organiser",
    co_organiser: "Co-organiser",

    members_only_badge: "Members only",
    eu_notice_title: "Co-funded by the European Union",
    eu_notice_text: "Views and opinions expressed are however those of the author(s) only \
        and do not necessarily reflect those of the European Union or the European \
        Commission. Neither the European Union nor the granting authority can be held \
        responsible for them.",
    also_available_in: "Also available in",
    switch_language_hint: "Choosing a language also changes the language of the site.",
    shown_in: |lang| format!("This text is not available in English. It is shown in {lang}."),
    field_themes: "Themes",
    field_tags: "Tags",
    field_related_members: "Members concerned",
    attachments_heading: "Documents",
    content_not_found_heading: "Not found",
    content_not_found_text: "Nothing is published at this address. It may have been \
        withdrawn, or the link may be mistyped.",

    news_title: "News",
    news_description: "News, press releases, position papers and publications from CECOP \
        and its member federations.",
    news_heading: "News",
    news_intro: "News, press releases, position papers and publications from CECOP and \
        its members. Filter them by kind or theme, or search their text.",
    news_filters_label: "Filter news",
    news_search: "Search the text",
    news_search_hint: "e.g. care",
    filter_article_kind: "Kind",
    filter_theme: "Theme",
    filter_all_themes: "All themes",
    articles_total: |n| format!("{n} {}", plural(n, "article", "articles")),
    articles_empty: "No articles match these filters.",
    news_feed: "News feed (Atom)",
    news_back: "All news",
    article_title: "Article",
    publications_title: "Publications",
    publications_description: "CECOP's publications, position papers and responses to \
        public consultations.",
    publications_heading: "Publications",
    publications_intro: "Reports, position papers and CECOP's responses to public \
        consultations. Choose a kind, a theme, or search their text.",
    publications_filters_label: "Filter publications",

    events_title: "Events",
    events_description: "Conferences, webinars, mutual learning sessions and policy debates \
        organised or attended by CECOP.",
    events_heading: "Events",
    events_intro: "Conferences, webinars, mutual learning sessions and policy debates \
        that CECOP organises or takes part in.",
    events_when_label: "Which events",
    events_upcoming: "Upcoming",
    events_past: "Past",
    events_filters_label: "Filter events",
    events_search: "Search the text",
    events_search_hint: "e.g. care",
    filter_event_kind: "Kind",
    events_total: |n| format!("{n} {}", plural(n, "event", "events")),
    events_upcoming_empty: "No upcoming event matches these filters.",
    events_past_empty: "No past event matches these filters.",
    add_to_calendar: "Add CECOP's events to your calendar",
    add_to_calendar_hint: "An iCalendar feed: subscribe to it in a calendar app, or download it.",
    event_title: "Event",
    events_back: "All events",
    venue_time: |zone| format!("Local time at the venue ({zone})"),
    visitor_time: |zone| format!("In your time zone ({zone})"),
    event_where: "Where",
    event_online: "Online",
    event_join: "Join online",
    event_organisers: "Organisers",
    event_register: "Register",

    cooptales_title: "#COOPTALES stories",
    cooptales_description: "#COOPTALES: stories of worker, social and producer cooperatives \
        and the people who run them.",
    cooptales_heading: "#COOPTALES",
    cooptales_intro: "Stories of worker, social and producer cooperatives across Europe, \
        told by the people who run them.",
    stories_total: |n| format!("{n} {}", plural(n, "story", "stories")),
    stories_empty: "There are no stories yet.",
    story_title: "Story",
    stories_back: "All #COOPTALES stories",
    field_cooperative: "Cooperative",
    field_sector: "Sector",
    photo_label: "Photo (not shown):",

    search_title: "Search",
    search_description: "Search CECOP's news, events, #COOPTALES stories and members.",
    search_heading: "Search",
    search_prompt: "Type one or more words to search news, events, stories and members.",
    search_filters_label: "Search options",
    search_words: "Words to search",
    search_hint: "e.g. gender equality",
    filter_result_kind: "Kind of result",
    search_everything: "Everything",
    search_total: |n| format!("{n} {}", plural(n, "result", "results")),
    search_empty: "Nothing matches these words. Try fewer or different words.",

    home_news_heading: "Latest news",
    home_events_heading: "Upcoming events",
    home_story_heading: "#COOPTALES",
    home_all_news: "All news",
    home_all_events: "All events",
    home_all_stories: "All #COOPTALES stories",
    home_no_news: "No news has been published yet.",
    home_no_events: "No upcoming events are announced yet.",
    home_no_story: "No story has been published yet.",

    about_title: "About CECOP",
};
