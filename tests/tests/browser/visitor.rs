//! A visitor: home figures, the directory, a country filter, a profile, back, deep links.

use cecop_shared::{Member, Overview, Page};
use cecop_tests::browser::{assert_accessible, axe_source, wait_count, wait_text, with_browser};
use cecop_tests::{TestApp, TestDatabase};
use fantoccini::{Client, Locator};

use super::{digits, spawn_with_spa};

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

    // The API documentation (Swagger UI, under its own policy) still works.
    c.goto(&app.url("/api/docs/")).await.unwrap();
    wait_text(c, ".swagger-ui .info .title", |t| t.contains("CECOP")).await;

    // The strict Content-Security-Policy broke nothing on the way: the
    // browser reported no violation (reports reach the server's log)…
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let log = app.stderr();
    assert!(!log.contains("csp violation"), "{log}");
    // …and it would have: an inline script is blocked, and reported.
    let ran = c
        .execute(
            "const s = document.createElement('script'); \
             s.textContent = 'window.inlineRan = true'; document.body.appendChild(s); \
             return window.inlineRan === true;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(ran, false, "the policy let an inline script run");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !app.stderr().contains("csp violation") {
        assert!(
            std::time::Instant::now() < deadline,
            "the blocked script was not reported"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_visitor_sees_the_figures_filters_members_by_country_and_opens_one() {
    let db = TestDatabase::new();
    let app = spawn_with_spa(&db);
    let axe = axe_source();
    with_browser(|client| async move { visit(&client, &app, &axe).await }).await;
}
