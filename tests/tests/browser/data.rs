//! The data collection end to end: a member fills in its 2024 return in the
//! grid (with the live validation), imports a figure from CSV, saves and
//! submits; an editor approves it from the review queue; once the campaign
//! is published, the public dashboard shows exactly what the member typed.

use cecop_shared::Campaign;
use cecop_tests::browser::{
    assert_accessible, axe_source, click, fill, sign_in_form, wait_find, wait_some, wait_text,
    wait_url, with_browser,
};
use cecop_tests::{TestApp, TestDatabase, create_admin};
use fantoccini::{Client, Locator};

use super::{ADMIN_EMAIL, ADMIN_PASSWORD, api_token, digits, spawn_with_spa};

const MEMBER_EMAIL: &str = "data@legacoop-sociali.example";
const MEMBER_PASSWORD: &str = "cooperative figures 2024";
const EDITOR_EMAIL: &str = "editor@cecop.coop";
const EDITOR_PASSWORD: &str = "approving returns since 1975";

/// The workers of social cooperatives in services the member reports.
const WORKERS: &str = "340";

/// Creates a user through the API as the admin.
async fn create_user(app: &TestApp, admin: &str, body: serde_json::Value) {
    let res = app
        .client
        .post(app.url("/api/v1/users"))
        .bearer_auth(admin)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        201,
        "{}",
        res.text().await.unwrap_or_default()
    );
}

/// Moves the 2024 campaign to `state` through the API, as the admin.
async fn set_campaign_state(app: &TestApp, admin: &str, state: &str) {
    let campaigns: Vec<Campaign> = app.get_json("/api/v1/campaigns").await;
    let campaign = campaigns
        .iter()
        .find(|c| c.year == 2024)
        .expect("a 2024 campaign");
    let res = app
        .client
        .put(app.url("/api/v1/campaigns/2024"))
        .bearer_auth(admin)
        .json(&serde_json::json!({
            "year": 2024,
            "opens_on": campaign.opens_on,
            "closes_on": campaign.closes_on,
            "state": state,
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
}

/// The published 2023 figures: coverage in words, and charts whose points
/// take keyboard focus and say what they show.
async fn dashboard_2023(c: &Client, axe: &str) {
    wait_text(c, "[data-testid=coverage]", |t| t.starts_with("17 of 27")).await;
    wait_find(c, "[data-testid=illustrative-returns]").await;
    let point = wait_find(c, "[data-testid=chart-country] .chart-point").await;
    assert_eq!(point.attr("tabindex").await.unwrap().as_deref(), Some("0"));
    let name = point.attr("aria-label").await.unwrap().unwrap_or_default();
    assert!(name.starts_with("Italy: "), "{name}");
    // Tab from the last control before the charts reaches the first bar.
    c.execute("document.getElementById('data-indicator').focus();", vec![])
        .await
        .unwrap();
    c.active_element()
        .await
        .unwrap()
        .send_keys("\u{e004}")
        .await
        .unwrap();
    let focused = c
        .execute(
            "return document.activeElement.getAttribute('aria-label');",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(focused.as_str(), Some(name.as_str()));
    wait_some(c, "[data-testid=chart-sector] .chart-point").await;
    wait_some(c, "[data-testid=chart-series] .chart-point").await;
    // Every chart is also a table and a CSV download of the same figures.
    let tables = c
        .execute(
            "return [...document.querySelectorAll('.chart')].map(s =>
                 [s.querySelectorAll('table tbody tr').length,
                  s.querySelector('svg title') ? s.querySelector('svg title').textContent : '',
                  s.querySelector('a[download]').getAttribute('href')]);",
            vec![],
        )
        .await
        .unwrap();
    let tables = tables.as_array().unwrap();
    assert_eq!(tables.len(), 3, "{tables:?}");
    for table in tables {
        assert!(table[0].as_u64().unwrap() > 0, "{table:?}");
        assert!(!table[1].as_str().unwrap().is_empty(), "{table:?}");
        assert!(
            table[2].as_str().unwrap().starts_with("/api/v1/statistics"),
            "{table:?}"
        );
    }
    assert_accessible(c, axe, "/data?year=2023").await;
}

/// The member's grid: live validation, CSV import, save and submit.
async fn fill_in_the_return(c: &Client, axe: &str, csv: &std::path::Path) {
    let workers = "#cell-workers-social-services";
    let women = "#cell-women_workers-social-services";
    wait_find(c, workers).await;
    wait_text(c, "[data-testid=return-state]", |t| t == "Draft").await;
    let label = wait_find(c, workers)
        .await
        .attr("aria-label")
        .await
        .unwrap()
        .unwrap_or_default();
    assert_eq!(label, "Workers, Social cooperatives, Services");
    fill(c, "#cell-cooperatives-social-services", "12").await;
    fill(c, workers, WORKERS).await;
    // More women than workers: the shared rule's message, next to the cell
    // and in the summary, before anything is sent.
    fill(c, women, "400").await;
    let message = wait_text(c, &format!("{women}-error"), |t| !t.is_empty()).await;
    assert_eq!(
        message,
        format!("400 is more than the {WORKERS} workers in the same cooperatives")
    );
    wait_text(c, "[data-testid=return-errors]", |t| {
        t.contains("Women workers of social cooperatives in services: 400 is more than the 340")
    })
    .await;
    assert_eq!(
        wait_find(c, women)
            .await
            .attr("aria-invalid")
            .await
            .unwrap()
            .as_deref(),
        Some("true")
    );
    assert_accessible(c, axe, "/portal/returns with a problem").await;
    // In French the same live problem reads in French, from its code.
    let language = |lang: &'static str| async move {
        wait_find(c, "#language")
            .await
            .select_by_value(lang)
            .await
            .unwrap();
    };
    language("fr").await;
    wait_text(c, &format!("{women}-error"), |t| {
        t == format!("400 dépasse les {WORKERS} travailleurs des mêmes coopératives")
    })
    .await;
    wait_text(c, "[data-testid=return-errors]", |t| {
        t.contains("Travailleuses des coopératives sociales dans les services")
            && t.contains("400 dépasse les 340 travailleurs")
    })
    .await;
    language("en").await;
    wait_text(c, &format!("{women}-error"), |t| {
        t.starts_with("400 is more than")
    })
    .await;
    // The summary's link takes the keyboard to the cell.
    click(c, "[data-testid=return-errors] a").await;
    let focused = c
        .execute("return document.activeElement.id;", vec![])
        .await
        .unwrap();
    assert_eq!(focused.as_str(), Some(&women[1..]));
    fill(c, women, "200").await;
    wait_text(c, &format!("{women}-error"), str::is_empty).await;
    click(c, "[data-testid=return-save]").await;
    wait_text(c, "[data-testid=return-done]", |t| t == "Saved.").await;

    // A CSV file: checked first (a dry run, row by row), then imported.
    wait_find(c, "#import-file")
        .await
        .send_keys(&csv.display().to_string())
        .await
        .unwrap();
    click(c, "[data-testid=import-check]").await;
    wait_text(c, "[data-testid=import-summary]", |t| {
        t == "1 new, 0 changed, 1 unchanged, 0 refused."
    })
    .await;
    assert_accessible(c, axe, "/portal/returns with an import report").await;
    click(c, "[data-testid=import-run]").await;
    wait_find(c, "[data-testid=import-done]").await;
    let joined = wait_find(c, "#cell-coops_joined-social-services").await;
    assert_eq!(joined.prop("value").await.unwrap().as_deref(), Some("3"));

    click(c, "[data-testid=return-submit]").await;
    click(c, "[data-testid=return-submit-confirm]").await;
    wait_text(c, "[data-testid=return-state]", |t| t == "Submitted").await;
    wait_find(c, "[data-testid=return-locked]").await;
    let readonly = wait_find(c, workers).await.attr("readonly").await.unwrap();
    assert!(readonly.is_some(), "a submitted return is read-only");
    assert_accessible(c, axe, "/portal/returns submitted").await;
}

/// The editor finds the submitted return in the queue and approves it.
async fn approve_the_return(c: &Client, axe: &str) {
    wait_find(c, "header a[href='/admin/returns']").await;
    click(c, "header a[href='/admin/returns']").await;
    wait_some(c, "[data-testid=return-row]").await;
    // Who has not sent the open campaign's return; Legacoop Sociali has.
    wait_some(c, "[data-testid=missing-returns] [data-testid=missing-row]").await;
    assert!(
        c.find(Locator::Css(
            "[data-testid=missing-row][data-member=legacoop-sociali]"
        ))
        .await
        .is_err()
    );
    wait_find(c, "#review-state")
        .await
        .select_by_value("submitted")
        .await
        .unwrap();
    wait_url(c, |u| {
        u.query().is_some_and(|q| q.contains("state=submitted"))
    })
    .await;
    let row = "[data-testid=return-row][data-member=legacoop-sociali][data-state=submitted]";
    wait_find(c, row).await;
    assert_accessible(c, axe, "/admin/returns?state=submitted").await;
    click(c, &format!("{row} a")).await;
    wait_text(c, "[data-testid=review-state]", |t| t == "Submitted").await;
    // Last year's figures beside this year's; the big drop is highlighted.
    wait_find(
        c,
        "[data-testid=compare-row][data-field='workers.social.services'].big-change",
    )
    .await;
    wait_some(c, "[data-testid=revision-row]").await;
    assert_accessible(c, axe, "a return under review").await;
    // Sending back needs a reason; without one nothing is sent.
    click(c, "[data-testid=review-send-back]").await;
    wait_text(c, "#review-reason-error", |t| t == "Give a reason.").await;
    wait_text(c, "[data-testid=review-state]", |t| t == "Submitted").await;
    click(c, "[data-testid=review-approve]").await;
    wait_text(c, "[data-testid=review-state]", |t| t == "Approved").await;
    wait_find(c, "[data-testid=review-reopen]").await;
}

async fn journey(c: &Client, app: &TestApp, axe: &str) {
    let admin = api_token(app, ADMIN_EMAIL, ADMIN_PASSWORD).await;
    create_user(
        app,
        &admin,
        serde_json::json!({
            "email": MEMBER_EMAIL, "display_name": "Legacoop Sociali data", "role": "member",
            "organisation": "legacoop-sociali", "password": MEMBER_PASSWORD,
        }),
    )
    .await;
    create_user(
        app,
        &admin,
        serde_json::json!({
            "email": EDITOR_EMAIL, "display_name": "Data editor", "role": "editor",
            "password": EDITOR_PASSWORD,
        }),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("return.csv");
    std::fs::write(
        &csv,
        format!("indicator,coop_type,sector,value\ncoops_joined,social,services,3\nworkers,social,services,{WORKERS}\n"),
    )
    .unwrap();

    // A visitor reaches the dashboard from the navigation; 2023 is published.
    c.goto(&app.url("/")).await.unwrap();
    wait_text(c, "[data-testid=figures-sources]", |t| {
        t.contains("approved data returns")
    })
    .await;
    click(c, "header nav a[href='/data']").await;
    wait_url(c, |u| u.path() == "/data").await;
    wait_text(c, "#headline-heading", |t| t.contains("2023")).await;
    // Another year goes into the address; back returns to the newest.
    wait_find(c, "#data-year")
        .await
        .select_by_value("2022")
        .await
        .unwrap();
    wait_url(c, |u| u.query() == Some("year=2022")).await;
    wait_text(c, "#headline-heading", |t| t.contains("2022")).await;
    c.back().await.unwrap();
    wait_url(c, |u| u.query().is_none()).await;
    wait_text(c, "#headline-heading", |t| t.contains("2023")).await;
    let year = wait_find(c, "#data-year")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(year.as_deref(), Some("2023"));
    dashboard_2023(c, axe).await;
    // 2024 is not published yet: said so, deliberately.
    c.goto(&app.url("/data?year=2024")).await.unwrap();
    wait_text(c, "[data-testid=no-statistics]", |t| t.contains("2024")).await;
    assert_accessible(c, axe, "/data?year=2024 before publication").await;

    // The member fills in and submits the 2024 return.
    c.goto(&app.url("/login?next=/portal/returns"))
        .await
        .unwrap();
    sign_in_form(c, MEMBER_EMAIL, MEMBER_PASSWORD).await;
    wait_url(c, |u| u.path() == "/portal/returns").await;
    wait_find(c, "header a[href='/portal/returns']").await;
    fill_in_the_return(c, axe, &csv).await;
    click(c, "[data-testid=nav-signout]").await;
    wait_find(c, "[data-testid=nav-signin]").await;

    // The editor approves it.
    c.goto(&app.url("/login")).await.unwrap();
    sign_in_form(c, EDITOR_EMAIL, EDITOR_PASSWORD).await;
    approve_the_return(c, axe).await;
    click(c, "[data-testid=nav-signout]").await;
    wait_find(c, "[data-testid=nav-signin]").await;

    // The campaign is closed and published (no page for that: the API).
    set_campaign_state(app, &admin, "closed").await;
    set_campaign_state(app, &admin, "published").await;

    // The newest published year is the dashboard's default.
    c.goto(&app.url("/data")).await.unwrap();
    wait_text(c, "#headline-heading", |t| t.contains("2024")).await;
    let workers = wait_text(c, "[data-testid=headline-workers]", |t| {
        !digits(t).is_empty()
    })
    .await;
    assert_eq!(digits(&workers), WORKERS);
    wait_text(c, "[data-testid=coverage]", |t| t.starts_with("1 of 27")).await;
    assert_accessible(c, axe, "/data for 2024").await;
}

#[tokio::test]
async fn a_member_s_return_is_approved_published_and_shown_on_the_dashboard() {
    let db = TestDatabase::new();
    let (ok, _, stderr) = create_admin(&db, ADMIN_EMAIL, ADMIN_PASSWORD);
    assert!(ok, "create-admin failed: {stderr}");
    let app = spawn_with_spa(&db);
    let axe = axe_source();
    with_browser(|c| async move { journey(&c, &app, &axe).await }).await;
}
