//! End to end in headless Chromium: the real server with the real built SPA
//! (`just spa`), a visitor's path through home and the member directory, and
//! axe-core's WCAG 2.1 A/AA rules on every page visited.

use std::time::{Duration, Instant};

use cecop_shared::{Member, Overview, Page};
use cecop_tests::browser::{Driver, axe_source, axe_violations};
use cecop_tests::{SpawnOptions, TestApp, TestDatabase, repo_root};
use fantoccini::{Client, Locator};

const WAIT: Duration = Duration::from_secs(20);

fn spa_dir() -> std::path::PathBuf {
    let dir = std::env::var_os("CECOP_TEST_STATIC_DIR")
        .map(Into::into)
        .unwrap_or_else(|| repo_root().join("frontend/dist"));
    assert!(
        dir.join("index.html").exists(),
        "{} has no built SPA: run `just spa`",
        dir.display()
    );
    dir
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// Waits until `css` matches an element whose text satisfies `ok`; returns the text.
async fn wait_text(c: &Client, css: &str, ok: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + WAIT;
    let mut last = String::new();
    while Instant::now() < deadline {
        if let Ok(el) = c.find(Locator::Css(css)).await {
            last = el.text().await.unwrap_or_default();
            if ok(&last) {
                return last;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "{css}: text never satisfied the condition; last seen {last:?} at {:?}",
        c.current_url().await
    );
}

/// Waits until exactly `n` elements match `css`.
async fn wait_count(c: &Client, css: &str, n: usize) {
    let deadline = Instant::now() + WAIT;
    let mut seen = 0;
    while Instant::now() < deadline {
        seen = c
            .find_all(Locator::Css(css))
            .await
            .map(|v| v.len())
            .unwrap_or(0);
        if seen == n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "{css}: expected {n} elements, saw {seen} at {:?}",
        c.current_url().await
    );
}

async fn assert_accessible(c: &Client, axe: &str, page: &str) {
    let violations = axe_violations(c, axe).await;
    assert!(
        violations.is_empty(),
        "WCAG 2.1 A/AA violations on {page}:\n{}",
        violations.join("\n")
    );
}

async fn visit(c: &Client, app: &TestApp, axe: &str) {
    let overview: Overview = app.get_json("/api/v1/overview").await;
    let italy: Page<Member> = app
        .get_json("/api/v1/members?country=IT&per_page=100")
        .await;

    // Home: the headline figures come from the API.
    c.goto(&app.url("/")).await.unwrap();
    let members = wait_text(c, "[data-testid=member-count]", |t| !digits(t).is_empty()).await;
    assert_eq!(digits(&members), "27");
    let countries = wait_text(c, "[data-testid=country-count]", |t| !digits(t).is_empty()).await;
    assert_eq!(digits(&countries), "16");
    let enterprises = wait_text(c, "[data-testid=enterprise-count]", |t| {
        !digits(t).is_empty()
    })
    .await;
    assert_eq!(digits(&enterprises), overview.enterprise_count.to_string());
    let workers = wait_text(c, "[data-testid=worker-count]", |t| !digits(t).is_empty()).await;
    assert_eq!(digits(&workers), overview.worker_count.to_string());
    assert!(c.title().await.unwrap().contains("CECOP"));
    assert_accessible(c, axe, "/").await;

    // The directory, reached through the site navigation.
    c.find(Locator::Css("header nav a[href='/members']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_text(c, "[data-testid=member-total]", |t| digits(t) == "27").await;
    wait_count(c, "[data-testid=member-card]", 20).await;
    assert_accessible(c, axe, "/members").await;

    // Filter by a country: the URL keeps the state, the list follows the API.
    let select = c.find(Locator::Css("#filter-country")).await.unwrap();
    select.select_by_value("IT").await.unwrap();
    wait_text(c, "[data-testid=member-total]", |t| {
        digits(t) == italy.total.to_string()
    })
    .await;
    wait_count(c, "[data-testid=member-card]", italy.items.len()).await;
    assert!(
        c.current_url()
            .await
            .unwrap()
            .as_str()
            .contains("country=IT")
    );
    assert_accessible(c, axe, "/members?country=IT").await;

    // Open the first member.
    let first = &italy.items[0];
    c.find(Locator::Css("[data-testid=member-card] a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let name = wait_text(c, "[data-testid=member-name]", |t| !t.is_empty()).await;
    assert_eq!(name, first.name);
    assert!(
        c.current_url()
            .await
            .unwrap()
            .path()
            .ends_with(&format!("/members/{}", first.slug))
    );
    assert_accessible(c, axe, "a member profile").await;

    // Back returns to the filtered list.
    c.back().await.unwrap();
    wait_count(c, "[data-testid=member-card]", italy.items.len()).await;
    assert!(
        c.current_url()
            .await
            .unwrap()
            .as_str()
            .contains("country=IT")
    );

    // A deep link to an illustrative placeholder says so on the page.
    c.goto(&app.url("/members/example-federation-de-1"))
        .await
        .unwrap();
    wait_text(c, "[data-testid=member-name]", |t| {
        t.contains("illustrative")
    })
    .await;
    let notice = wait_text(c, "[data-testid=placeholder-notice]", |t| !t.is_empty()).await;
    assert!(notice.to_lowercase().contains("demo"), "{notice}");
    assert_accessible(c, axe, "an illustrative member").await;

    // An unknown member shows a not-found view, not a blank page.
    c.goto(&app.url("/members/no-such-member")).await.unwrap();
    wait_text(c, "h1", |t| !t.is_empty()).await;
    assert_accessible(c, axe, "a missing member").await;
}

#[tokio::test]
async fn a_visitor_sees_the_figures_filters_members_by_country_and_opens_one() {
    let static_dir = spa_dir();
    let db = TestDatabase::new();
    let app = TestApp::spawn_with(
        &db,
        SpawnOptions {
            static_dir: Some(static_dir),
            ..Default::default()
        },
    );
    let axe = axe_source();
    let driver = Driver::start();
    let client = driver.browser().await;
    // Run the journey in its own task so the browser is closed even when it fails.
    let journey = {
        let client = client.clone();
        async move { visit(&client, &app, &axe).await }
    };
    let outcome = tokio::spawn(journey).await;
    let _ = client.close().await;
    drop(driver);
    if let Err(err) = outcome {
        std::panic::resume_unwind(err.into_panic());
    }
}
