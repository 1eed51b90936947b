//! A signed-in session outlives its short-lived access token.

use std::time::Duration;

use cecop_tests::browser::{sign_in_form, wait_find, wait_some, wait_url, with_browser};
use cecop_tests::{SpawnOptions, TestApp, TestDatabase, create_admin};

use super::{ADMIN_EMAIL, ADMIN_PASSWORD, admin_with_spa, spa_dir};

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

/// The attack that worked: `next=/<TAB>/evil.example` passed the same-site
/// check, and after signing in the router followed it off the site (a URL
/// parser drops the tab: `//evil.example`).
#[tokio::test]
async fn signing_in_never_sends_the_user_to_another_site() {
    let db = TestDatabase::new();
    let app = admin_with_spa(&db);
    with_browser(|c| async move {
        c.goto(&app.url("/login?next=%2F%09%2Fevil.example"))
            .await
            .unwrap();
        // Nothing has gone wrong yet: no empty alert or notice bar shows.
        wait_find(&c, "#login-email").await;
        let empty_bars = c
            .execute(
                "return [...document.querySelectorAll('main .notice, main .form-error, \
                 main [role=alert], main [role=status]')] \
                 .filter(e => e.textContent.trim() === '' && e.offsetHeight > 0).map(e => e.outerHTML).join(' ');",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(empty_bars, "", "an empty alert or notice is rendered");
        sign_in_form(&c, ADMIN_EMAIL, ADMIN_PASSWORD).await;
        wait_find(&c, "[data-testid=nav-account]").await;
        let url = wait_url(&c, |u| u.path() == "/").await;
        assert_eq!(url.host_str(), Some("127.0.0.1"), "{url}");
    })
    .await;
}
