//! End to end in headless Chromium: the real server with the real built SPA
//! (`just spa`), a visitor's path through home and the member directory, a
//! reader's path through the news, "About" in French and the events, a
//! member user's and an admin's paths through the signed-in pages, a data
//! return from the member's grid to the published dashboard, and axe-core's
//! WCAG 2.1 A/AA rules on every page visited. One journey per
//! module; the shared fixtures are here.

mod backoffice;
mod data;
mod editorial;
mod hostile_content;
mod portal;
mod publishing;
mod recovery;
mod session;
mod two_factor;
mod visitor;

use cecop_shared::TokenPair;
use cecop_tests::{SpawnOptions, TestApp, TestDatabase, repo_root};

pub(crate) fn spa_dir() -> std::path::PathBuf {
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

/// The server on `db`, serving the built SPA.
pub(crate) fn spawn_with_spa(db: &TestDatabase) -> TestApp {
    TestApp::spawn_with(
        db,
        SpawnOptions {
            static_dir: Some(spa_dir()),
            ..Default::default()
        },
    )
}

/// The server on a fresh database with the admin account, serving the SPA.
pub(crate) fn admin_with_spa(db: &TestDatabase) -> TestApp {
    let (ok, _, stderr) = cecop_tests::create_admin(db, ADMIN_EMAIL, ADMIN_PASSWORD);
    assert!(ok, "create-admin failed: {stderr}");
    spawn_with_spa(db)
}

pub(crate) fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

pub(crate) const ADMIN_EMAIL: &str = "admin@cecop.coop";
pub(crate) const ADMIN_PASSWORD: &str = "lighthouse-keeper-42";
pub(crate) const MEMBER_EMAIL: &str = "staff@coceta.example";
pub(crate) const MEMBER_PASSWORD: &str = "walnut-orchard-1977";

/// An access token for `email`, through the API.
pub(crate) async fn api_token(app: &TestApp, email: &str, password: &str) -> String {
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
