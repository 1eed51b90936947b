//! A member user mints a token and edits its profile; an admin sees users and the audit log.

use std::time::{Duration, Instant};

use cecop_shared::Member;
use cecop_tests::browser::{
    WAIT, assert_accessible, axe_source, click, fill, sign_in_form, wait_count, wait_find,
    wait_some, wait_text, wait_url, with_browser,
};
use cecop_tests::{TestApp, TestDatabase};
use fantoccini::Client;

use super::{
    ADMIN_EMAIL, ADMIN_PASSWORD, MEMBER_EMAIL, MEMBER_PASSWORD, admin_with_spa, api_token,
};

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

    // Revoking takes a confirmation, and the secret stops working. Focus
    // moves to the question's harmless choice, and back when it is declined
    // (WCAG 2.4.3: the pressed button is gone, so focus must not drop to the
    // page).
    click(c, "[data-testid=token-revoke]").await;
    wait_focus(c, "token-revoke-cancel").await;
    click(c, "[data-testid=token-revoke-cancel]").await;
    wait_focus(c, "token-revoke").await;
    click(c, "[data-testid=token-revoke]").await;
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

    // An admin's token form also offers the organisation (or none), and an
    // admin decides who owns a token: this one survives its creator.
    let res = app
        .client
        .post(app.url("/api/v1/tokens"))
        .bearer_auth(&admin)
        .json(
            &serde_json::json!({ "name": "Nightly sync", "scopes": ["profile:write"],
                                   "organisation": "coceta" }),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        201,
        "{}",
        res.text().await.unwrap_or_default()
    );
    wait_find(c, "header a[href='/portal/tokens']")
        .await
        .click()
        .await
        .unwrap();
    wait_some(c, "#token-organisation option[value=coceta]").await;
    wait_count(c, "[data-testid=token-row]", 2).await;
    click(c, "[data-testid=token-owner]").await;
    wait_text(c, "[data-testid=token-state]", |t| {
        t.contains("kept if its creator leaves")
    })
    .await;
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
    let db = TestDatabase::new();
    let app = admin_with_spa(&db);
    let axe = axe_source();
    with_browser(|client| async move { sign_in_journey(&client, &app, &axe).await }).await;
}

/// Waits until the focused element has this `data-testid`.
async fn wait_focus(c: &Client, testid: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let focused = c
            .execute(
                "return document.activeElement.dataset.testid || '';",
                vec![],
            )
            .await
            .unwrap();
        if focused == testid {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "focus is on {focused}, not {testid}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
