//! Accounts by e-mail, in the browser: an admin invites a member federation's
//! staff on `/admin/users`, the invitee opens the link from the message a
//! real SMTP server received and chooses a password, later forgets it and
//! sets a new one through `/forgot-password` and the reset link; axe on
//! every page, in the language the invitation chose.

use cecop_tests::browser::{
    assert_accessible, axe_source, click, fill, sign_in_form, wait_count, wait_find, wait_text,
    wait_url, with_browser,
};
use cecop_tests::smtp::TestSmtp;
use cecop_tests::{SpawnOptions, TestApp, TestDatabase, create_admin};

use super::{ADMIN_EMAIL, ADMIN_PASSWORD, spa_dir};

const INVITEE: &str = "lucia@coceta.example";
const CHOSEN: &str = "a sunny terrace in valencia";
const RESET: &str = "the orange trees of the huerta";

fn app_with_smtp(db: &TestDatabase, smtp: &TestSmtp) -> TestApp {
    let (ok, _, stderr) = create_admin(db, ADMIN_EMAIL, ADMIN_PASSWORD);
    assert!(ok, "create-admin failed: {stderr}");
    TestApp::spawn_with(
        db,
        SpawnOptions {
            static_dir: Some(spa_dir()),
            extra_env: vec![("CECOP_SMTP_URL".into(), smtp.url())],
        },
    )
}

/// The link in the latest message to `to` that opens `page`.
async fn link_to(smtp: &TestSmtp, app: &TestApp, to: &str, count: usize, page: &str) -> String {
    let mail = smtp.wait_for(to, count).await;
    mail[count - 1]
        .link(&app.url(page))
        .unwrap_or_else(|| panic!("no {page} link in {}", mail[count - 1].text))
}

#[tokio::test]
async fn an_invitee_joins_from_the_email_and_later_resets_a_forgotten_password() {
    let smtp = TestSmtp::start();
    let db = TestDatabase::new();
    let app = app_with_smtp(&db, &smtp);
    let axe = axe_source();
    with_browser(|c| async move {
        // The admin invites, choosing Spanish for the message.
        c.goto(&app.url("/login?next=/admin/users")).await.unwrap();
        sign_in_form(&c, ADMIN_EMAIL, ADMIN_PASSWORD).await;
        wait_url(&c, |u| u.path() == "/admin/users").await;
        wait_find(&c, "#invite-email").await;
        fill(&c, "#invite-email", INVITEE).await;
        fill(&c, "#invite-name", "Lucía Pérez").await;
        c.execute(
            "const o = document.querySelector('#invite-organisation'); \
             o.value = 'coceta'; o.dispatchEvent(new Event('change', {bubbles: true})); \
             const l = document.querySelector('#invite-language'); \
             l.value = 'es'; l.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![],
        )
        .await
        .unwrap();
        click(&c, "[data-testid=invite-submit]").await;
        wait_text(&c, "[data-testid=invite-sent]", |t| t.contains(INVITEE)).await;
        wait_text(&c, "[data-testid=invitation-status]", |t| !t.is_empty()).await;
        assert_accessible(&c, &axe, "/admin/users with an invitation").await;
        click(&c, "[data-testid=nav-signout]").await;
        wait_find(&c, "[data-testid=nav-signin]").await;

        // The invitee opens the link from the message.
        let link = link_to(&smtp, &app, INVITEE, 1, "/accept-invitation").await;
        c.goto(&link).await.unwrap();
        wait_find(&c, "#invitation-password").await;
        // The token left the address bar once read.
        let url = c.current_url().await.unwrap();
        assert_eq!(url.fragment(), None, "{url}");
        assert_accessible(&c, &axe, "/accept-invitation").await;
        fill(&c, "#invitation-password", CHOSEN).await;
        click(&c, "[data-testid=invitation-submit]").await;
        wait_url(&c, |u| u.path() == "/account").await;
        wait_find(&c, "[data-testid=nav-account]").await;
        // The account page lists this device among the sessions.
        wait_find(&c, "[data-testid=session-current]").await;
        assert_accessible(&c, &axe, "/account with its sessions").await;
        click(&c, "[data-testid=nav-signout]").await;
        wait_find(&c, "[data-testid=nav-signin]").await;

        // The same link again: refused when used, and the button stays off.
        c.goto(&link).await.unwrap();
        fill(&c, "#invitation-password", CHOSEN).await;
        click(&c, "[data-testid=invitation-submit]").await;
        wait_text(&c, "#invitation-error", |t| !t.is_empty()).await;
        let disabled = wait_find(&c, "[data-testid=invitation-submit]")
            .await
            .attr("disabled")
            .await
            .unwrap();
        assert!(
            disabled.is_some(),
            "a refused link cannot be submitted again"
        );
        assert_accessible(&c, &axe, "/accept-invitation, used").await;

        // Forgotten: a link by e-mail, then a new password.
        c.goto(&app.url("/login")).await.unwrap();
        click(&c, "a[href='/forgot-password']").await;
        wait_find(&c, "#forgot-email").await;
        assert_accessible(&c, &axe, "/forgot-password").await;
        fill(&c, "#forgot-email", INVITEE).await;
        click(&c, "[data-testid=forgot-submit]").await;
        wait_text(&c, "[data-testid=forgot-sent]", |t| !t.is_empty()).await;
        let reset = link_to(&smtp, &app, INVITEE, 2, "/reset-password").await;
        let mail = smtp.wait_for(INVITEE, 2).await;
        assert_eq!(mail[1].subject, "Elegir una nueva contraseña para CECOP");
        c.goto(&reset).await.unwrap();
        wait_find(&c, "#reset-password").await;
        assert_accessible(&c, &axe, "/reset-password").await;
        fill(&c, "#reset-password", RESET).await;
        click(&c, "[data-testid=reset-submit]").await;
        wait_url(&c, |u| u.path() == "/login").await;
        wait_text(&c, "[data-testid=login-notice]", |t| !t.is_empty()).await;
        sign_in_form(&c, INVITEE, RESET).await;
        wait_find(&c, "[data-testid=nav-account]").await;
    })
    .await;
}

/// Another device signed in (through the API, as a phone would) is listed
/// on `/account` and signed out from there; its access token stops working.
/// An admin then signs a user out everywhere from `/admin/users`.
#[tokio::test]
async fn a_user_signs_out_another_device_and_an_admin_signs_a_user_out_everywhere() {
    let db = TestDatabase::new();
    let app = super::admin_with_spa(&db);
    let axe = axe_source();
    with_browser(|c| async move {
        let phone = super::api_token(&app, ADMIN_EMAIL, ADMIN_PASSWORD).await;
        assert_eq!(me_status(&app, &phone).await, 200);
        c.goto(&app.url("/login?next=/account")).await.unwrap();
        sign_in_form(&c, ADMIN_EMAIL, ADMIN_PASSWORD).await;
        wait_url(&c, |u| u.path() == "/account").await;
        wait_find(&c, "[data-testid=session-current]").await;
        wait_count(&c, "[data-testid=session]", 2).await;
        assert_accessible(&c, &axe, "/account with two sessions").await;
        click(&c, "[data-testid=session-end]").await;
        click(&c, "[data-testid=session-end-confirm]").await;
        wait_count(&c, "[data-testid=session]", 1).await;
        assert_eq!(me_status(&app, &phone).await, 401);

        // The admin signs an editor out everywhere.
        let editor = "editor@cecop.coop";
        let res = app
            .client
            .post(app.url("/api/v1/users"))
            .bearer_auth(&super::api_token(&app, ADMIN_EMAIL, ADMIN_PASSWORD).await)
            .json(
                &serde_json::json!({ "email": editor, "display_name": "Editor", "role": "editor",
                                        "password": CHOSEN }),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        let member = super::api_token(&app, editor, CHOSEN).await;
        c.goto(&app.url("/admin/users")).await.unwrap();
        let row = format!("tr[data-email='{editor}']");
        click(&c, &format!("{row} [data-testid=user-sign-out]")).await;
        click(&c, &format!("{row} [data-testid=user-sign-out-confirm]")).await;
        wait_text(&c, &format!("{row} [data-testid=user-signed-out]"), |t| {
            !t.is_empty()
        })
        .await;
        assert_eq!(me_status(&app, &member).await, 401);
    })
    .await;
}

async fn me_status(app: &TestApp, token: &str) -> u16 {
    app.client
        .get(app.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}
