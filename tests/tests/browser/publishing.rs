//! A reader of the published content: the news list filtered by kind and by
//! words (and back again), an article, "About" switched to French (interface
//! and content, kept across a reload), the upcoming events with their
//! calendar feed, and one event; then the home page's previews, the header's
//! search, the #COOPTALES stories and the publications.

use cecop_shared::{Article, ArticleSummary, EventSummary, Page, SearchHit, StorySummary};
use cecop_tests::browser::{
    assert_accessible, axe_source, click, fill, wait_count, wait_find, wait_text, wait_url,
    with_browser,
};
use cecop_tests::{TestApp, TestDatabase};
use fantoccini::{Client, Locator};

use super::{digits, spawn_with_spa};

/// Waits until the list's count heading shows `n`.
async fn wait_total(c: &Client, testid: &str, n: u64) {
    wait_text(c, &format!("[data-testid={testid}]"), |t| {
        digits(t) == n.to_string()
    })
    .await;
}

async fn news(c: &Client, app: &TestApp, axe: &str) {
    let all: Page<ArticleSummary> = app.get_json("/api/v1/articles?per_page=1").await;
    let news: Page<ArticleSummary> = app.get_json("/api/v1/articles?kind=news").await;
    let care: Page<ArticleSummary> = app.get_json("/api/v1/articles?kind=news&q=care").await;
    assert!(
        care.total > 0 && care.total < news.total,
        "the demo data changed"
    );

    // The list, reached through the site navigation.
    c.goto(&app.url("/")).await.unwrap();
    click(c, "header nav a[href='/news']").await;
    wait_total(c, "article-total", all.total).await;
    assert_accessible(c, axe, "/news").await;

    // A kind: the URL keeps it, the list follows the API.
    wait_find(c, "#filter-kind")
        .await
        .select_by_value("news")
        .await
        .unwrap();
    wait_total(c, "article-total", news.total).await;
    wait_url(c, |u| u.query() == Some("kind=news")).await;
    assert_accessible(c, axe, "/news?kind=news").await;

    // Words, searched for once typing pauses.
    fill(c, "#filter-q", "care").await;
    wait_total(c, "article-total", care.total).await;
    wait_count(c, "[data-testid=article-card]", care.items.len()).await;
    wait_url(c, |u| u.query() == Some("kind=news&q=care")).await;
    assert_accessible(c, axe, "/news?kind=news&q=care").await;

    // Back and forward move between the two lists.
    c.back().await.unwrap();
    wait_total(c, "article-total", news.total).await;
    c.forward().await.unwrap();
    wait_total(c, "article-total", care.total).await;

    // The first hit's page.
    let first = &care.items[0].meta;
    click(c, "[data-testid=article-card] a").await;
    wait_url(c, |u| u.path() == format!("/news/{}", first.slug)).await;
    wait_text(c, "[data-testid=item-title]", |t| t == first.title).await;
    wait_find(c, "[data-testid=item-body] p").await;
    assert!(c.title().await.unwrap().starts_with(&first.title));
    assert_accessible(c, axe, "an article").await;
}

async fn about_in_french(c: &Client, app: &TestApp, axe: &str) {
    let english: Article = app.get_json("/api/v1/articles/about-cecop?lang=en").await;
    let french: Article = app.get_json("/api/v1/articles/about-cecop?lang=fr").await;
    assert_eq!(french.summary.meta.title, "À propos de la CECOP");

    click(c, "header nav a[href='/about']").await;
    wait_text(c, "[data-testid=item-title]", |t| {
        t == english.summary.meta.title
    })
    .await;
    // The French version is offered.
    wait_find(c, "[data-testid=other-languages] button[lang=fr]").await;
    assert_accessible(c, axe, "/about").await;

    // The language menu switches the interface and the content.
    wait_find(c, "#language")
        .await
        .select_by_value("fr")
        .await
        .unwrap();
    wait_text(c, "[data-testid=item-title]", |t| {
        t == "À propos de la CECOP"
    })
    .await;
    wait_text(c, "header nav a[href='/news']", |t| t == "Actualités").await;
    let html_lang = wait_find(c, "html").await.attr("lang").await.unwrap();
    assert_eq!(html_lang.as_deref(), Some("fr"));
    let title_lang = wait_find(c, "[data-testid=item-title]")
        .await
        .attr("lang")
        .await
        .unwrap();
    assert_eq!(title_lang.as_deref(), Some("fr"));
    assert_accessible(c, axe, "/about in French").await;

    // The choice outlives a reload.
    c.refresh().await.unwrap();
    wait_text(c, "[data-testid=item-title]", |t| {
        t == "À propos de la CECOP"
    })
    .await;
    wait_text(c, "header nav a[href='/news']", |t| t == "Actualités").await;
}

async fn events(c: &Client, app: &TestApp, axe: &str) {
    let upcoming: Page<EventSummary> = app.get_json("/api/v1/events?upcoming=true").await;
    assert!(upcoming.total > 0, "the demo data has no upcoming event");
    let next = &upcoming.items[0].meta;

    click(c, "header nav a[href='/events']").await;
    wait_total(c, "event-total", upcoming.total).await;
    wait_count(c, "[data-testid=event-card]", upcoming.items.len()).await;
    let first_title = wait_text(c, "[data-testid=event-card] h3", |t| !t.is_empty()).await;
    assert_eq!(first_title, next.title);
    // An English-only event under the French interface says it is in English
    // (WCAG 3.1.2).
    let lang = wait_find(c, "[data-testid=event-card] h3")
        .await
        .attr("lang")
        .await
        .unwrap();
    assert_eq!(lang.as_deref(), Some(next.lang.as_str()));

    // The calendar feed is linked, and is one.
    let feed = wait_find(c, "[data-testid=calendar-link]")
        .await
        .attr("href")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(feed.starts_with("/api/v1/feeds/events.ics"), "{feed}");
    let ics = app.get(&feed).await;
    assert_eq!(ics.status(), 200);
    assert!(ics.text().await.unwrap().starts_with("BEGIN:VCALENDAR"));
    assert_accessible(c, axe, "/events").await;

    // Past events are a tab away, in the URL.
    click(c, "nav.tabs a[href='/events?when=past']").await;
    wait_url(c, |u| u.query() == Some("when=past")).await;
    let past: Page<EventSummary> = app.get_json("/api/v1/events?upcoming=false").await;
    wait_total(c, "event-total", past.total).await;
    assert_accessible(c, axe, "/events?when=past").await;
    c.back().await.unwrap();
    wait_total(c, "event-total", upcoming.total).await;

    // The next event's page: its time at the venue and in the visitor's zone.
    c.find(Locator::Css("[data-testid=event-card] h3 a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_url(c, |u| u.path() == format!("/events/{}", next.slug)).await;
    wait_text(c, "[data-testid=item-title]", |t| t == next.title).await;
    wait_text(c, "[data-testid=venue-time]", |t| !t.is_empty()).await;
    wait_text(c, "[data-testid=visitor-time]", |t| !t.is_empty()).await;
    wait_find(c, "[data-testid=calendar-link]").await;
    assert_accessible(c, axe, "an event").await;
}

async fn more_pages(c: &Client, app: &TestApp, axe: &str) {
    let hits: Page<SearchHit> = app.get_json("/api/v1/search?q=care&lang=fr").await;
    let stories: Page<StorySummary> = app.get_json("/api/v1/stories").await;
    let publications: Page<ArticleSummary> = app
        .get_json("/api/v1/articles?kind=publication,position_paper,consultation_response")
        .await;

    // Home: the figures and the three previews, each with its list link.
    click(c, "header nav a[href='/']").await;
    wait_count(c, "[data-testid=latest-news] [data-testid=article-card]", 3).await;
    wait_count(
        c,
        "[data-testid=upcoming-events] [data-testid=event-card]",
        3,
    )
    .await;
    wait_count(c, "[data-testid=latest-story] [data-testid=story-card]", 1).await;
    assert_accessible(c, axe, "/ with the previews").await;

    // The header's search leads to the search page.
    fill(c, "#site-search-q", "care").await;
    click(c, "[data-testid=site-search-submit]").await;
    wait_url(c, |u| u.path() == "/search" && u.query() == Some("q=care")).await;
    wait_total(c, "search-total", hits.total).await;
    wait_count(c, "[data-testid=search-hit]", hits.items.len()).await;
    wait_find(c, "[data-testid=search-hit] mark").await;
    assert_accessible(c, axe, "/search?q=care").await;

    // #COOPTALES: the list and the newest story, its quote a blockquote.
    click(c, "header nav a[href='/cooptales']").await;
    wait_total(c, "story-total", stories.total).await;
    assert_accessible(c, axe, "/cooptales").await;
    click(c, "[data-testid=story-card] h3 a").await;
    wait_text(c, "[data-testid=item-title]", |t| {
        t == stories.items[0].meta.title
    })
    .await;
    wait_find(c, "blockquote.story-quote").await;
    assert_accessible(c, axe, "a story").await;

    // Publications start with the publication kind.
    click(c, "header nav a[href='/publications']").await;
    wait_total(c, "article-total", publications.total).await;
    assert_accessible(c, axe, "/publications").await;
}

#[tokio::test]
async fn a_reader_filters_the_news_reads_about_cecop_in_french_and_finds_the_next_event() {
    let db = TestDatabase::new();
    let app = spawn_with_spa(&db);
    let axe = axe_source();
    with_browser(|c| async move {
        news(&c, &app, &axe).await;
        about_in_french(&c, &app, &axe).await;
        events(&c, &app, &axe).await;
        more_pages(&c, &app, &axe).await;
    })
    .await;
}
