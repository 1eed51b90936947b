//! Sign-in, sessions, the signed-in user's account, and who is refused.

use cecop_shared::{Me, ProblemKind, Role, TokenPair};
use cecop_tests::{TestApp, TestDatabase, api_command, create_admin, expect_problem as problem};
use serde_json::json;

const EMAIL: &str = "admin@cecop.coop";
const PASSWORD: &str = "correct horse battery staple";

async fn post(app: &TestApp, path: &str, body: serde_json::Value) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn login(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    post(
        app,
        "/api/v1/auth/login",
        json!({ "email": email, "password": password }),
    )
    .await
}

fn app_with_admin() -> (TestDatabase, TestApp) {
    let db = TestDatabase::new();
    let (ok, _, stderr) = create_admin(&db, EMAIL, PASSWORD);
    assert!(ok, "{stderr}");
    let app = TestApp::spawn(&db);
    (db, app)
}

#[tokio::test]
async fn create_admin_refuses_weak_passwords_bad_emails_and_duplicates() {
    let db = TestDatabase::new();
    for (email, password, reason) in [
        (EMAIL, "short", "at least 12 characters"),
        (EMAIL, "Password1234", "too common"),
        ("not-an-email", PASSWORD, "e-mail"),
    ] {
        let (ok, _, stderr) = create_admin(&db, email, password);
        assert!(!ok, "{email}/{password} was accepted");
        assert!(stderr.contains(reason), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "one line of reason: {stderr}");
    }
    let (ok, stdout, _) = create_admin(&db, "Admin@CECOP.coop", PASSWORD);
    assert!(
        ok && stdout.contains("admin@cecop.coop created"),
        "{stdout}"
    );
    let (ok, _, stderr) = create_admin(&db, EMAIL, PASSWORD);
    assert!(!ok && stderr.contains("already exists"), "{stderr}");
}

#[tokio::test]
async fn login_returns_tokens_that_identify_the_user() {
    let (_db, app) = app_with_admin();
    let res = login(&app, "ADMIN@cecop.coop", PASSWORD).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let pair: TokenPair = res.json().await.unwrap();
    assert_eq!((pair.token_type.as_str(), pair.expires_in), ("Bearer", 900));
    assert!(pair.refresh_token.len() >= 43);
    let me: Me = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth(&pair.access_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (me.email.as_str(), me.role, me.organisation),
        (EMAIL, Role::Admin, None)
    );
}

#[tokio::test]
async fn wrong_passwords_and_unknown_accounts_get_the_same_answer() {
    let (_db, app) = app_with_admin();
    let wrong = problem(login(&app, EMAIL, "not the password at all").await, 401).await;
    let unknown = problem(login(&app, "nobody@cecop.coop", PASSWORD).await, 401).await;
    assert_eq!(wrong, unknown);
    assert!(wrong.is(ProblemKind::Unauthorized));
}

#[tokio::test]
async fn protected_routes_refuse_missing_invalid_and_forged_tokens() {
    let (_db, app) = app_with_admin();
    let forged = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwiZXhwIjo0MTAyNDQ0ODAwLCJpYXQiOjAsInR5cCI6ImFjY2VzcyJ9.c2lnbmF0dXJlLW1hZGUtdXA";
    for header in [
        None,
        Some("Bearer nonsense".to_owned()),
        Some(format!("Bearer {forged}")),
        Some("Basic YTpi".into()),
    ] {
        let mut request = app.client.get(app.url("/api/v1/me"));
        if let Some(value) = &header {
            request = request.header("authorization", value);
        }
        let res = request.send().await.unwrap();
        assert_eq!(
            res.headers()
                .get("www-authenticate")
                .map(|v| v.to_str().unwrap()),
            Some("Bearer")
        );
        let body = problem(res, 401).await;
        assert!(body.is(ProblemKind::Unauthorized), "{header:?}");
    }
}

#[tokio::test]
async fn refresh_tokens_rotate_and_a_reused_one_ends_the_session() {
    let (_db, app) = app_with_admin();
    let first: TokenPair = login(&app, EMAIL, PASSWORD).await.json().await.unwrap();
    let res = post(
        &app,
        "/api/v1/auth/refresh",
        json!({ "refresh_token": first.refresh_token }),
    )
    .await;
    assert_eq!(res.status(), 200);
    let second: TokenPair = res.json().await.unwrap();
    assert_ne!(second.refresh_token, first.refresh_token);

    // Presenting the first token again: refused, and the second dies with it.
    let reuse = post(
        &app,
        "/api/v1/auth/refresh",
        json!({ "refresh_token": first.refresh_token }),
    )
    .await;
    problem(reuse, 401).await;
    let after = post(
        &app,
        "/api/v1/auth/refresh",
        json!({ "refresh_token": second.refresh_token }),
    )
    .await;
    problem(after, 401).await;

    // A different login is a different session and still works.
    let other: TokenPair = login(&app, EMAIL, PASSWORD).await.json().await.unwrap();
    let res = post(
        &app,
        "/api/v1/auth/refresh",
        json!({ "refresh_token": other.refresh_token }),
    )
    .await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn logout_ends_the_session() {
    let (_db, app) = app_with_admin();
    let pair: TokenPair = login(&app, EMAIL, PASSWORD).await.json().await.unwrap();
    let res = post(
        &app,
        "/api/v1/auth/logout",
        json!({ "refresh_token": pair.refresh_token }),
    )
    .await;
    assert_eq!(res.status(), 204);
    let res = post(
        &app,
        "/api/v1/auth/refresh",
        json!({ "refresh_token": pair.refresh_token }),
    )
    .await;
    problem(res, 401).await;
    // Unknown tokens get the same 204: logout reveals nothing.
    let res = post(
        &app,
        "/api/v1/auth/logout",
        json!({ "refresh_token": "unknown" }),
    )
    .await;
    assert_eq!(res.status(), 204);
}

#[tokio::test]
async fn changing_the_password_checks_both_and_ends_other_sessions() {
    let (_db, app) = app_with_admin();
    let pair: TokenPair = login(&app, EMAIL, PASSWORD).await.json().await.unwrap();
    let change = |current: &str, new: &str| {
        app.client
            .post(app.url("/api/v1/me/password"))
            .bearer_auth(&pair.access_token)
            .json(&json!({ "current_password": current, "new_password": new }))
            .send()
    };
    let new_password = "a much better passphrase 2026";
    let wrong = problem(
        change("wrong current password", new_password)
            .await
            .unwrap(),
        422,
    )
    .await;
    assert_eq!(wrong.errors[0].field, "current_password");
    let weak = problem(change(PASSWORD, "password1234").await.unwrap(), 422).await;
    assert_eq!(weak.errors[0].field, "new_password");
    // Refusals changed nothing.
    assert_eq!(login(&app, EMAIL, PASSWORD).await.status(), 200);

    let res = change(PASSWORD, new_password).await.unwrap();
    assert_eq!(res.status(), 204);
    problem(login(&app, EMAIL, PASSWORD).await, 401).await;
    assert_eq!(login(&app, EMAIL, new_password).await.status(), 200);
    let res = post(
        &app,
        "/api/v1/auth/refresh",
        json!({ "refresh_token": pair.refresh_token }),
    )
    .await;
    problem(res, 401).await;
}

#[tokio::test]
async fn repeated_failures_are_rate_limited_even_with_the_right_password() {
    let (_db, app) = app_with_admin();
    for _ in 0..5 {
        problem(login(&app, EMAIL, "not the password at all").await, 401).await;
    }
    let res = login(&app, EMAIL, PASSWORD).await;
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&retry), "{retry}");
    assert_eq!(res.headers()["ratelimit-limit"], "5");
    assert_eq!(res.headers()["ratelimit-remaining"], "0");
    let body = problem(res, 429).await;
    assert!(body.is(ProblemKind::RateLimited));
    // Another account from the same address is not locked by these five.
    problem(login(&app, "someone.else@cecop.coop", PASSWORD).await, 401).await;
}

#[tokio::test]
async fn malformed_bodies_are_400_problems() {
    let (_db, app) = app_with_admin();
    for body in [
        "not json",
        "{\"email\": 1}",
        "{}",
        "[]",
        "[null, null]",
        "[\"a@b.co\", \"x\"]",
    ] {
        let res = app
            .client
            .post(app.url("/api/v1/auth/login"))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        let p = problem(res, 400).await;
        assert!(p.is(ProblemKind::InvalidParameter), "{body}: {p:?}");
    }
    let huge = json!({ "email": EMAIL, "password": "x".repeat(100_000) });
    let res = post(&app, "/api/v1/auth/login", huge).await;
    assert!(res.status().is_client_error(), "{}", res.status());
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let long = json!({ "email": EMAIL, "password": "x".repeat(300) });
    let p = problem(post(&app, "/api/v1/auth/login", long).await, 422).await;
    assert_eq!(p.errors[0].field, "password");
}

#[test]
fn production_refuses_to_start_without_a_strong_jwt_secret() {
    let db = TestDatabase::new();
    for secret in [None, Some("too-short")] {
        let mut command = api_command(&db);
        command.env("CECOP_ENV", "production").arg("serve");
        if let Some(secret) = secret {
            command.env("CECOP_JWT_SECRET", secret);
        }
        let output = command.output().unwrap();
        assert!(!output.status.success(), "{secret:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("CECOP_JWT_SECRET"), "{stderr}");
        assert!(output.stdout.is_empty());
    }
}

/// The client address of the newest failed login, as the audit log has it.
async fn last_failure_ip(app: &TestApp) -> Option<String> {
    let pair: TokenPair = login(app, EMAIL, PASSWORD).await.json().await.unwrap();
    let page: cecop_shared::Page<cecop_shared::AuditEntry> = app
        .client
        .get(app.url("/api/v1/audit?action=auth.login_failed&per_page=1"))
        .bearer_auth(pair.access_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    page.items[0].ip.clone()
}

#[tokio::test]
async fn forwarded_addresses_count_only_from_trusted_proxies() {
    let db = TestDatabase::new();
    assert!(create_admin(&db, EMAIL, PASSWORD).0);
    let attempt = |app: &TestApp, from: &str, email: String| {
        app.client
            .post(app.url("/api/v1/auth/login"))
            .header("x-forwarded-for", from)
            .json(&json!({ "email": email, "password": "not the password at all" }))
            .send()
    };

    // No proxy configured: a client cannot choose its address.
    {
        let app = TestApp::spawn(&db);
        attempt(&app, "203.0.113.5", "a@example.org".into())
            .await
            .unwrap();
        assert_eq!(last_failure_ip(&app).await.as_deref(), Some("127.0.0.1"));
    }

    // Behind a trusted proxy, each forwarded client is recorded and limited on its own.
    let app = TestApp::spawn_with(
        &db,
        cecop_tests::SpawnOptions {
            extra_env: vec![(
                "CECOP_TRUSTED_PROXIES".into(),
                "127.0.0.1, 10.0.0.0/8".into(),
            )],
            ..Default::default()
        },
    );
    for i in 0..20 {
        let res = attempt(
            &app,
            "198.51.100.1, 203.0.113.9",
            format!("user{i}@example.org"),
        )
        .await
        .unwrap();
        assert_eq!(
            res.status(),
            401,
            "attempt {i}: {}",
            res.text().await.unwrap_or_default()
        );
    }
    let limited = attempt(&app, "203.0.113.9", "another@example.org".into())
        .await
        .unwrap();
    assert_eq!(
        limited.status(),
        429,
        "the 21st failure from one client address is limited"
    );
    let other = attempt(&app, "203.0.113.10", "another@example.org".into())
        .await
        .unwrap();
    assert_eq!(
        other.status(),
        401,
        "another client behind the same proxy is not"
    );
    assert_eq!(last_failure_ip(&app).await.as_deref(), Some("203.0.113.10"));
}
