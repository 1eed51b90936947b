//! End to end in headless Chromium: the real server with the real built SPA
//! (`just spa`), a visitor's path through home and the member directory, a
//! member user's and an admin's path through the signed-in pages, and
//! axe-core's WCAG 2.1 A/AA rules on every page visited.

use std::time::{Duration, Instant};

use cecop_shared::{Member, Overview, Page, TokenPair};
use cecop_tests::browser::{
    WAIT, assert_accessible, axe_source, click, fill, sign_in_form, wait_count, wait_find,
    wait_some, wait_text, wait_url, with_browser,
};
use cecop_tests::{SpawnOptions, TestApp, TestDatabase, create_admin, repo_root};
use fantoccini::{Client, Locator};

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
    with_browser(|client| async move { visit(&client, &app, &axe).await }).await;
}

const ADMIN_EMAIL: &str = "admin@cecop.coop";
const ADMIN_PASSWORD: &str = "lighthouse-keeper-42";
const MEMBER_EMAIL: &str = "staff@coceta.example";
const MEMBER_PASSWORD: &str = "walnut-orchard-1977";

/// An access token for `email`, through the API.
async fn api_token(app: &TestApp, email: &str, password: &str) -> String {
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&serde_json::json!({ "email": email, "password": password }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{email} could not sign in");
    res.json::<TokenPair>().await.unwrap().access_token
}

async fn sign_in_journey(c: &Client, app: &TestApp, axe: &str) {
    // A member user for coceta, created by the admin through the API.
    let admin = api_token(app, ADMIN_EMAIL, ADMIN_PASSWORD).await;
    let res = app
        .client
        .post(app.url("/api/v1/users"))
        .bearer_auth(&admin)
        .json(&serde_json::json!({
            "email": MEMBER_EMAIL,
            "display_name": "COCETA staff",
            "role": "member",
            "organisation": "coceta",
            "password": MEMBER_PASSWORD,
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        201,
        "{}",
        res.text().await.unwrap_or_default()
    );

    // Signed out, a protected page sends to the sign-in page and back.
    c.goto(&app.url("/portal/tokens")).await.unwrap();
    let login = wait_url(c, |u| u.path() == "/login").await;
    assert_eq!(
        login
            .query_pairs()
            .find(|(k, _)| k == "next")
            .map(|(_, v)| v.into_owned()),
        Some("/portal/tokens".to_owned()),
        "{login}"
    );
    wait_find(c, "[data-testid=nav-signin]").await;
    assert_accessible(c, axe, "/login").await;
    // A wrong password is explained, in an accessible way.
    sign_in_form(c, MEMBER_EMAIL, "not the password at all").await;
    wait_text(c, "#login-error", |t| !t.is_empty()).await;
    assert_accessible(c, axe, "/login with an error").await;
    sign_in_form(c, MEMBER_EMAIL, MEMBER_PASSWORD).await;
    wait_url(c, |u| u.path() == "/portal/tokens").await;
    wait_find(c, "[data-testid=nav-account]").await;

    // A token with profile:write; its secret is shown once.
    fill(c, "#token-name", "Membership system sync").await;
    wait_find(c, "[data-testid=token-scope][data-scope='profile:write']")
        .await
        .click()
        .await
        .unwrap();
    wait_find(c, "[data-testid=token-create]")
        .await
        .click()
        .await
        .unwrap();
    let secret_field = wait_find(c, "[data-testid=token-secret]").await;
    let secret = secret_field
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(secret.starts_with("cecop_pat_"), "{secret:?}");
    wait_count(c, "[data-testid=token-row]", 1).await;
    assert_accessible(c, axe, "/portal/tokens with a new secret").await;

    // The secret works against the API.
    let coceta: Member = app.get_json("/api/v1/members/coceta").await;
    let res = app
        .client
        .put(app.url("/api/v1/my/organisation"))
        .bearer_auth(&secret)
        .json(&serde_json::json!({
            "description": coceta.description,
            "website": "https://token.coceta.example/",
            "public_contact": null,
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

    // Revoking takes a confirmation, and the secret stops working.
    wait_find(c, "[data-testid=token-revoke]")
        .await
        .click()
        .await
        .unwrap();
    wait_find(c, "[data-testid=token-revoke-confirm]")
        .await
        .click()
        .await
        .unwrap();
    wait_text(c, "[data-testid=token-row]", |t| t.contains("Revoked")).await;
    let res = app
        .client
        .get(app.url("/api/v1/my/organisation"))
        .bearer_auth(&secret)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);

    // A reload keeps the session (the refresh token is stored); a page for
    // another role says it is not allowed.
    c.goto(&app.url("/admin/users")).await.unwrap();
    wait_find(c, "[data-testid=not-allowed]").await;
    wait_find(c, "[data-testid=nav-account]").await;
    assert_accessible(c, axe, "/admin/users as a member").await;

    // The profile form, reached through the header.
    wait_find(c, "header a[href='/portal/profile']")
        .await
        .click()
        .await
        .unwrap();
    let website = wait_find(c, "#profile-website").await;
    let deadline = Instant::now() + WAIT;
    while website
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
        .is_empty()
    {
        assert!(Instant::now() < deadline, "the form was never filled in");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    fill(c, "#profile-website", "https://www.coceta.example/new").await;
    wait_find(c, "[data-testid=profile-save]")
        .await
        .click()
        .await
        .unwrap();
    wait_find(c, "[data-testid=profile-saved]").await;
    let coceta: Member = app.get_json("/api/v1/members/coceta").await;
    assert_eq!(
        coceta.website.as_deref(),
        Some("https://www.coceta.example/new")
    );
    assert_accessible(c, axe, "/portal/profile").await;

    // Signing out leaves "Sign in" in the header.
    wait_find(c, "[data-testid=nav-signout]")
        .await
        .click()
        .await
        .unwrap();
    wait_find(c, "[data-testid=nav-signin]").await;

    // The admin's pages.
    c.goto(&app.url("/login?next=%2Fadmin%2Fusers"))
        .await
        .unwrap();
    sign_in_form(c, ADMIN_EMAIL, ADMIN_PASSWORD).await;
    wait_url(c, |u| u.path() == "/admin/users").await;
    assert!(wait_some(c, "[data-testid=user-row]").await >= 2);
    assert_accessible(c, axe, "/admin/users").await;
    wait_find(c, "header a[href='/admin/audit']")
        .await
        .click()
        .await
        .unwrap();
    wait_some(c, "[data-testid=audit-row]").await;
    assert_accessible(c, axe, "/admin/audit").await;

    // An admin's token form also offers the organisation (or none).
    wait_find(c, "header a[href='/portal/tokens']")
        .await
        .click()
        .await
        .unwrap();
    wait_some(c, "#token-organisation option[value=coceta]").await;
    wait_count(c, "[data-testid=token-row]", 1).await;
    assert_accessible(c, axe, "/portal/tokens as an admin").await;

    // Disabling the member user from the users table.
    c.goto(&app.url("/admin/users?role=member")).await.unwrap();
    wait_count(c, "[data-testid=user-row]", 1).await;
    wait_find(c, "[data-testid=user-toggle]")
        .await
        .click()
        .await
        .unwrap();
    wait_text(c, "[data-testid=user-row]", |t| t.contains("Disabled")).await;

    // Changing the password: a refused one is explained under its field; an
    // accepted one ends the session and asks to sign in again.
    wait_find(c, "header [data-testid=nav-account]")
        .await
        .click()
        .await
        .unwrap();
    fill(c, "#current-password", ADMIN_PASSWORD).await;
    fill(c, "#new-password", "short").await;
    wait_find(c, "[data-testid=password-submit]")
        .await
        .click()
        .await
        .unwrap();
    wait_text(c, "#new-password-error", |t| !t.is_empty()).await;
    assert_accessible(c, axe, "/account with a field error").await;
    fill(c, "#new-password", "a-much-better-passphrase-9").await;
    wait_find(c, "[data-testid=password-submit]")
        .await
        .click()
        .await
        .unwrap();
    wait_url(c, |u| u.path() == "/login").await;
    wait_find(c, "[data-testid=nav-signin]").await;
    sign_in_form(c, ADMIN_EMAIL, "a-much-better-passphrase-9").await;
    wait_find(c, "[data-testid=nav-account]").await;
}

#[tokio::test]
async fn a_member_creates_a_token_and_edits_the_profile_and_an_admin_sees_users_and_audit() {
    let static_dir = spa_dir();
    let db = TestDatabase::new();
    let (ok, _, stderr) = create_admin(&db, ADMIN_EMAIL, ADMIN_PASSWORD);
    assert!(ok, "create-admin failed: {stderr}");
    let app = TestApp::spawn_with(
        &db,
        SpawnOptions {
            static_dir: Some(static_dir),
            ..Default::default()
        },
    );
    let axe = axe_source();
    with_browser(|client| async move { sign_in_journey(&client, &app, &axe).await }).await;
}

#[tokio::test]
async fn a_signed_in_session_outlives_its_short_lived_access_token() {
    let static_dir = spa_dir();
    let db = TestDatabase::new();
    let (ok, _, stderr) = create_admin(&db, ADMIN_EMAIL, ADMIN_PASSWORD);
    assert!(ok, "create-admin failed: {stderr}");
    // Access tokens live 5 s here (plus the server's 5 s leeway for clock skew).
    let app = TestApp::spawn_with(
        &db,
        SpawnOptions {
            static_dir: Some(static_dir),
            extra_env: vec![("CECOP_ACCESS_TOKEN_TTL".into(), "5".into())],
        },
    );
    with_browser(|c| async move {
        c.goto(&app.url("/login?next=/account")).await.unwrap();
        sign_in_form(&c, ADMIN_EMAIL, ADMIN_PASSWORD).await;
        wait_url(&c, |u| u.path() == "/account").await;
        // Long enough for the first access token to be dead for sure.
        tokio::time::sleep(Duration::from_secs(12)).await;
        // In-app navigation to a page whose data needs a valid token.
        wait_find(&c, "a[href='/admin/users']")
            .await
            .click()
            .await
            .unwrap();
        wait_url(&c, |u| u.path() == "/admin/users").await;
        assert!(wait_some(&c, "[data-testid=user-row]").await >= 1);
        wait_find(&c, "[data-testid=nav-account]").await;
    })
    .await;
}

#[tokio::test]
async fn an_admin_creates_promotes_and_deletes_a_user_in_the_back_office() {
    let static_dir = spa_dir();
    let db = TestDatabase::new();
    let (ok, _, stderr) = create_admin(&db, ADMIN_EMAIL, ADMIN_PASSWORD);
    assert!(ok, "create-admin failed: {stderr}");
    let app = TestApp::spawn_with(
        &db,
        SpawnOptions {
            static_dir: Some(static_dir),
            ..Default::default()
        },
    );
    let axe = axe_source();
    with_browser(|c| async move {
        let editor = "new.editor@cecop.coop";
        let row = format!("[data-testid=user-row][data-email='{editor}']");
        c.goto(&app.url("/login?next=/admin/users")).await.unwrap();
        sign_in_form(&c, ADMIN_EMAIL, ADMIN_PASSWORD).await;
        wait_url(&c, |u| u.path() == "/admin/users").await;
        wait_count(&c, "[data-testid=user-row]", 1).await;

        // Create an editor through the form.
        fill(&c, "#user-email", editor).await;
        fill(&c, "#user-name", "New Editor").await;
        wait_find(&c, "#user-role")
            .await
            .select_by_value("editor")
            .await
            .unwrap();
        fill(&c, "#user-password", "a sturdy editor passphrase").await;
        wait_find(&c, "[data-testid=user-create]")
            .await
            .click()
            .await
            .unwrap();
        wait_find(&c, &row).await;
        let admin = api_token(&app, ADMIN_EMAIL, ADMIN_PASSWORD).await;
        let users: Page<cecop_shared::User> = app
            .client
            .get(app.url("/api/v1/users?role=editor"))
            .bearer_auth(&admin)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            users
                .items
                .iter()
                .map(|u| u.email.as_str())
                .collect::<Vec<_>>(),
            [editor]
        );
        let id = users.items[0].id;

        // The same e-mail again: the form says it is taken, nothing is created.
        fill(&c, "#user-email", editor).await;
        fill(&c, "#user-name", "Duplicate").await;
        fill(&c, "#user-password", "another sturdy passphrase").await;
        wait_find(&c, "[data-testid=user-create]")
            .await
            .click()
            .await
            .unwrap();
        wait_text(&c, "#user-email-error, #user-error", |t| {
            !t.trim().is_empty()
        })
        .await;
        assert_accessible(&c, &axe, "/admin/users with a form error").await;
        wait_count(&c, "[data-testid=user-row]", 2).await;

        // Promote to admin from the row.
        wait_find(&c, &format!("#user-role-{id}"))
            .await
            .select_by_value("admin")
            .await
            .unwrap();
        let deadline = Instant::now() + WAIT;
        loop {
            let user: cecop_shared::User = app
                .client
                .get(app.url(&format!("/api/v1/users/{id}")))
                .bearer_auth(&admin)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            if user.role == cecop_shared::Role::Admin {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the role change never reached the API"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }

        // Delete, with confirmation. The list reloads after the role change and
        // may reset a confirmation in progress, so ask again until it sticks.
        let confirm = format!("{row} [data-testid=user-delete-confirm]");
        let deadline = Instant::now() + WAIT;
        loop {
            click(&c, &format!("{row} [data-testid=user-delete]")).await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            if let Ok(button) = c.find(Locator::Css(&confirm)).await {
                assert_accessible(&c, &axe, "/admin/users confirming a deletion").await;
                if button.click().await.is_ok() {
                    break;
                }
            }
            assert!(
                Instant::now() < deadline,
                "the deletion was never confirmed"
            );
        }
        wait_count(&c, "[data-testid=user-row]", 1).await;
        let gone = app
            .client
            .get(app.url(&format!("/api/v1/users/{id}")))
            .bearer_auth(&admin)
            .send()
            .await
            .unwrap();
        assert_eq!(gone.status(), 404);
    })
    .await;
}
