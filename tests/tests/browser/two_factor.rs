//! Two-factor sign-in in the browser, where the server requires it of
//! admins: an admin signing in is sent to `/account`, sets up an
//! authenticator from the QR code drawn on the page (the test reads the key
//! shown beside it and computes codes as an app would), keeps the recovery
//! codes, reaches the admin pages, and signs in again with a code (in
//! French); axe on every step.

use cecop_tests::browser::{
    assert_accessible, axe_source, click, fill, sign_in_form, wait_count, wait_find, wait_text,
    wait_url, with_browser,
};
use cecop_tests::totp::{base32_decode, code};
use cecop_tests::{SpawnOptions, TestApp, TestDatabase, create_admin};

use super::{ADMIN_EMAIL, ADMIN_PASSWORD, spa_dir};

#[tokio::test]
async fn an_admin_required_to_use_two_factor_sets_it_up_and_signs_in_with_a_code() {
    let db = TestDatabase::new();
    let (ok, _, stderr) = create_admin(&db, ADMIN_EMAIL, ADMIN_PASSWORD);
    assert!(ok, "create-admin failed: {stderr}");
    let app = TestApp::spawn_with(
        &db,
        SpawnOptions {
            static_dir: Some(spa_dir()),
            extra_env: vec![("CECOP_REQUIRE_2FA_FOR_ADMINS".into(), "true".into())],
        },
    );
    let axe = axe_source();
    with_browser(|c| async move {
        c.goto(&app.url("/login?next=/admin/users")).await.unwrap();
        sign_in_form(&c, ADMIN_EMAIL, ADMIN_PASSWORD).await;
        // Not yet allowed to administer: sent to set it up first.
        wait_url(&c, |u| u.path() == "/account").await;
        wait_text(&c, "[data-testid=two-factor-required]", |t| !t.is_empty()).await;
        assert_accessible(&c, &axe, "/account, two-factor required").await;

        fill(&c, "#two-factor-password", "not the password").await;
        click(&c, "[data-testid=two-factor-setup]").await;
        wait_text(&c, "#two-factor-setup-error", |t| !t.is_empty()).await;
        fill(&c, "#two-factor-password", ADMIN_PASSWORD).await;
        click(&c, "[data-testid=two-factor-setup]").await;
        let key = wait_text(&c, "[data-testid=two-factor-secret]", |t| t.len() >= 32).await;
        let qr = wait_find(&c, "[data-testid=two-factor-qr]").await;
        let src = qr.attr("src").await.unwrap().unwrap_or_default();
        assert!(
            src.starts_with("data:image/svg+xml"),
            "drawn here: {src:.40}"
        );
        let drawn = c
            .execute(
                "const i = document.querySelector('[data-testid=two-factor-qr]'); \
                 return i.complete && i.naturalWidth >= 200;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(drawn, serde_json::Value::Bool(true), "the QR code renders");
        assert_accessible(&c, &axe, "/account, scanning the QR code").await;
        let secret = base32_decode(key.trim());

        fill(&c, "#two-factor-confirm", "000000").await;
        click(&c, "[data-testid=two-factor-confirm-submit]").await;
        wait_text(&c, "#two-factor-confirm-error", |t| !t.is_empty()).await;
        fill(&c, "#two-factor-confirm", &code(&secret, -1).await).await;
        click(&c, "[data-testid=two-factor-confirm-submit]").await;
        wait_count(&c, "[data-testid=recovery-codes] li", 10).await;
        assert_accessible(&c, &axe, "/account, recovery codes").await;
        click(&c, "[data-testid=recovery-codes-saved]").await;
        wait_text(&c, "[data-testid=two-factor-status]", |t| t.contains("10")).await;

        // Now the admin pages answer, and show who uses it.
        c.goto(&app.url("/admin/users")).await.unwrap();
        wait_find(&c, "[data-testid=user-two-factor]").await;

        // Signing in again asks for a code after the password.
        click(&c, "[data-testid=nav-signout]").await;
        wait_find(&c, "[data-testid=nav-signin]").await;
        // In French this time.
        c.goto(&app.url("/login?next=/admin/users")).await.unwrap();
        wait_find(&c, "#language")
            .await
            .select_by_value("fr")
            .await
            .unwrap();
        sign_in_form(&c, ADMIN_EMAIL, ADMIN_PASSWORD).await;
        wait_find(&c, "#login-code").await;
        wait_text(&c, "main h2", |t| t == "Connexion à deux facteurs").await;
        assert_accessible(&c, &axe, "/login, second step, in French").await;
        fill(&c, "#login-code", "000000").await;
        click(&c, "[data-testid=login-code-submit]").await;
        wait_text(&c, "#login-error", |t| t.starts_with("Le code est erroné")).await;
        fill(&c, "#login-code", &code(&secret, 0).await).await;
        click(&c, "[data-testid=login-code-submit]").await;
        wait_url(&c, |u| u.path() == "/admin/users").await;
        wait_find(&c, "[data-testid=user-two-factor]").await;
    })
    .await;
}
