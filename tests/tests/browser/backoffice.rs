//! An admin creates, promotes and deletes a user in the back office.

use std::time::{Duration, Instant};

use cecop_shared::Page;
use cecop_tests::TestDatabase;
use cecop_tests::browser::{
    WAIT, assert_accessible, axe_source, click, fill, sign_in_form, wait_count, wait_find,
    wait_text, wait_url, with_browser,
};
use fantoccini::Locator;

use super::{ADMIN_EMAIL, ADMIN_PASSWORD, admin_with_spa, api_token};

#[tokio::test]
async fn an_admin_creates_promotes_and_deletes_a_user_in_the_back_office() {
    let db = TestDatabase::new();
    let app = admin_with_spa(&db);
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

        // Unlocking sign-in says so in the row.
        click(&c, &format!("{row} [data-testid=user-unlock]")).await;
        wait_text(&c, &format!("{row} [data-testid=user-unlocked]"), |t| {
            t == "Sign-in unlocked."
        })
        .await;

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
