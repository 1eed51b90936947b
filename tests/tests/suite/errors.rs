//! Bad input gets a 4xx problem+json naming what is wrong, never a 5xx.

use cecop_shared::{Problem, ProblemKind};
use cecop_tests::{SpawnOptions, TestApp, TestDatabase, expect_problem};

async fn problem(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
) -> (u16, Problem, reqwest::header::HeaderMap) {
    let res = app
        .client
        .request(method, app.url(path))
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    assert_eq!(
        headers.get("content-type").and_then(|v| v.to_str().ok()),
        Some("application/problem+json"),
        "{path}"
    );
    let body: Problem = res.json().await.unwrap();
    assert_eq!(body.status, status, "{path}: body status matches");
    (status, body, headers)
}

#[tokio::test]
async fn invalid_parameters_are_400_problems_naming_the_parameter() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let long_q = "a".repeat(101);
    let cases = [
        ("/api/v1/members?per_page=0", "per_page"),
        ("/api/v1/members?per_page=100000", "per_page"),
        ("/api/v1/members?per_page=ten", "per_page"),
        ("/api/v1/members?page=-1", "page"),
        ("/api/v1/members?page=0", "page"),
        ("/api/v1/members?page=99999999999999999999", "page"),
        ("/api/v1/members?country=ZZZ", "country"),
        ("/api/v1/members?country=ZZ", "country"),
        ("/api/v1/members?kind=cooperative", "kind"),
        ("/api/v1/members?status=gone", "status"),
        (&format!("/api/v1/members?q={long_q}"), "q"),
        ("/api/v1/members?q=a%00b", "q"),
        ("/api/v1/members/Not_A_Slug", "slug"),
        (&format!("/api/v1/members/{}", "a".repeat(81)), "slug"),
    ];
    for (path, field) in cases {
        let (status, body, _) = problem(&app, reqwest::Method::GET, path).await;
        assert_eq!(status, 400, "{path}");
        assert!(body.is(ProblemKind::InvalidParameter), "{path}: {body:?}");
        assert_eq!(
            body.errors.first().map(|e| e.field.as_str()),
            Some(field),
            "{path}"
        );
    }
}

#[tokio::test]
async fn malformed_query_strings_are_400_problems() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    for path in [
        "/api/v1/members?page=1&page=2",
        "/api/v1/members?per_page=1&per_page=1",
    ] {
        let (status, body, _) = problem(&app, reqwest::Method::GET, path).await;
        assert_eq!(status, 400, "{path}: {body:?}");
    }
}

#[tokio::test]
async fn unknown_slugs_and_api_routes_are_404_problems() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    for path in [
        "/api/v1/members/no-such-member",
        "/api/v1/nothing-here",
        "/api/v2/members",
        "/api",
    ] {
        let (status, body, _) = problem(&app, reqwest::Method::GET, path).await;
        assert_eq!(status, 404, "{path}");
        assert!(body.is(ProblemKind::NotFound), "{path}: {body:?}");
    }
}

#[tokio::test]
async fn wrong_methods_are_405_problems_with_allow() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    for (path, allow) in [
        ("/api/v1/members", "GET, POST"),
        ("/api/v1/members/coceta", "GET, PATCH"),
        ("/api/v1/overview", "GET"),
    ] {
        let (status, body, headers) = problem(&app, reqwest::Method::DELETE, path).await;
        assert_eq!(status, 405, "{path}");
        assert!(body.is(ProblemKind::MethodNotAllowed));
        assert_eq!(
            headers.get("allow").and_then(|v| v.to_str().ok()),
            Some(allow),
            "{path}"
        );
    }
    // The data is untouched.
    let res = app.get("/api/v1/members/coceta").await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn every_response_carries_a_request_id() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let ok = app.get("/api/v1/overview").await;
    let err = app.get("/api/v1/members?per_page=0").await;
    let a = ok.headers()["x-request-id"].to_str().unwrap().to_owned();
    let b = err.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert!(a.len() >= 16 && b.len() >= 16 && a != b);
}

#[tokio::test]
async fn head_answers_like_get_without_a_body() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    for path in [
        "/healthz",
        "/api/v1/members",
        "/api/v1/articles/cecop-snapshot-2022-2023",
        "/api/v1/statistics?year=2023",
    ] {
        let get = app.get(path).await;
        assert_eq!(get.status(), 200, "{path}");
        let length = get.bytes().await.unwrap().len();
        let head = app.client.head(app.url(path)).send().await.unwrap();
        assert_eq!(head.status(), 200, "{path}");
        assert_eq!(
            head.headers()
                .get("content-length")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<usize>().ok()),
            Some(length),
            "{path}: the length GET would send"
        );
        assert!(head.bytes().await.unwrap().is_empty(), "{path}: no body");
    }
    // Other methods are still refused.
    let (status, _, _) = problem(&app, reqwest::Method::PUT, "/api/v1/members").await;
    assert_eq!(status, 405);
}

/// Writes that race wait their turn: on SQLite a transaction that reads and
/// then writes while another connection writes used to fail at once with
/// `database is locked` (a 500), whatever the busy timeout.
#[tokio::test]
async fn concurrent_writes_all_succeed_and_each_is_recorded_once() {
    const EMAIL: &str = "race@cecop.coop";
    const PASSWORD: &str = "several writers at one moment";
    const WRITERS: usize = 8;
    const ROUNDS: usize = 12;
    let db = TestDatabase::new();
    let (ok, _, stderr) = cecop_tests::create_admin(&db, EMAIL, PASSWORD);
    assert!(ok, "{stderr}");
    let app = TestApp::spawn(&db);
    let admin = cecop_tests::sign_in(&app, EMAIL, PASSWORD).await;
    let me: serde_json::Value = admin.json(reqwest::Method::GET, "/api/v1/me", None).await;
    let id = me["id"].as_i64().expect("id");
    let audited = |action: &str| db.count_rows(&format!("audit_log WHERE action = '{action}'"));
    let (updated_before, logins_before) = (audited("user.updated"), audited("auth.login"));
    let mut tasks = tokio::task::JoinSet::new();
    for writer in 0..WRITERS {
        let client = app.client.clone();
        let bearer = admin.bearer.clone();
        let user = app.url(&format!("/api/v1/users/{id}"));
        tasks.spawn(async move {
            let mut failures = Vec::new();
            for round in 0..ROUNDS {
                let name = format!("Writer {writer}.{round}");
                let req = client.patch(&user).bearer_auth(&bearer);
                failures.extend(
                    unless_ok(req.json(&serde_json::json!({ "display_name": name }))).await,
                );
            }
            failures
        });
    }
    // Sign-ins write too (a session, an audit entry), on their own connections.
    for _ in 0..2 {
        let client = app.client.clone();
        let login = app.url("/api/v1/auth/login");
        tasks.spawn(async move {
            let mut failures = Vec::new();
            for _ in 0..2 {
                let body = serde_json::json!({ "email": EMAIL, "password": PASSWORD });
                failures.extend(unless_ok(client.post(&login).json(&body)).await);
            }
            failures
        });
    }
    let mut failures = Vec::new();
    while let Some(done) = tasks.join_next().await {
        failures.extend(done.expect("task"));
    }
    assert!(
        failures.is_empty(),
        "{} failed: {failures:?}",
        failures.len()
    );
    assert_eq!(
        audited("user.updated") - updated_before,
        (WRITERS * ROUNDS) as i64
    );
    assert_eq!(audited("auth.login") - logins_before, 4);
    let me: serde_json::Value = admin.json(reqwest::Method::GET, "/api/v1/me", None).await;
    let name = me["display_name"].as_str().unwrap_or_default();
    assert!(
        name.starts_with("Writer "),
        "one writer's name stays: {name}"
    );
}

/// The status and body of a request that did not answer 200.
async fn unless_ok(request: reqwest::RequestBuilder) -> Option<String> {
    let res = request.send().await.expect("request");
    let status = res.status();
    (status != 200).then_some(format!(
        "{status}: {}",
        res.text().await.unwrap_or_default()
    ))
}

fn app_with_quotas(db: &TestDatabase, anonymous: u32, token: u32) -> TestApp {
    TestApp::spawn_with(
        db,
        SpawnOptions {
            extra_env: vec![
                ("CECOP_RATE_LIMIT_ANONYMOUS".into(), anonymous.to_string()),
                ("CECOP_RATE_LIMIT_TOKEN".into(), token.to_string()),
            ],
            ..SpawnOptions::default()
        },
    )
}

fn header(res: &reqwest::Response, name: &str) -> String {
    res.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Anonymous traffic is limited per client address, API tokens per token,
/// signed-in people not at all; every limited answer says where the caller
/// stands, and over the quota a 429 problem says when to come back.
#[tokio::test]
async fn anonymous_and_token_traffic_is_rate_limited_with_ratelimit_headers() {
    let db = TestDatabase::new();
    let admin_email = "admin@cecop.coop";
    let password = "correct horse battery staple";
    assert!(cecop_tests::create_admin(&db, admin_email, password).0);
    let app = app_with_quotas(&db, 6, 3);
    fresh_window().await;
    // Signing in is an anonymous request too: the first of the six.
    let admin = cecop_tests::sign_in(&app, admin_email, password).await;
    for expected in (0..5).rev() {
        let res = app.get("/api/v1/members").await;
        assert_eq!(res.status(), 200);
        assert_eq!(header(&res, "ratelimit-policy"), "\"anonymous\";q=6;w=60");
        let state = header(&res, "ratelimit");
        assert!(
            state.starts_with(&format!("\"anonymous\";r={expected};t=")),
            "{state}"
        );
    }
    let refused = app.get("/api/v1/members").await;
    assert_eq!(refused.status(), 429);
    let retry: u64 = header(&refused, "retry-after").parse().unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    assert_eq!(
        header(&refused, "ratelimit-policy"),
        "\"anonymous\";q=6;w=60"
    );
    assert!(header(&refused, "ratelimit").starts_with("\"anonymous\";r=0;t="));
    let body = expect_problem(refused, 429).await;
    assert!(body.is(cecop_shared::ProblemKind::RateLimited));
    // A forged bearer token is no way around it.
    let forged = app
        .client
        .get(app.url("/api/v1/members"))
        .bearer_auth("eyJhbGciOiJIUzI1NiJ9.e30.forged")
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 429);
    // The probes and the site's own files are not the API.
    assert_eq!(app.get("/healthz").await.status(), 200);

    // A signed-in person is not limited (the SPA never meets a quota)…
    for _ in 0..8 {
        let res = admin
            .call(reqwest::Method::GET, "/api/v1/members", None)
            .await;
        assert_eq!(res.status(), 200);
        assert!(res.headers().get("ratelimit").is_none());
    }
    // …and an API token has its own quota.
    let minted: cecop_shared::CreatedApiToken = admin
        .json(
            reqwest::Method::POST,
            "/api/v1/tokens",
            Some(serde_json::json!({ "name": "sync", "scopes": ["members:read"] })),
        )
        .await;
    let token = cecop_tests::Session {
        app: &app,
        bearer: minted.secret,
    };
    let statuses = {
        let mut statuses = Vec::new();
        for _ in 0..4 {
            let res = token
                .call(reqwest::Method::GET, "/api/v1/members", None)
                .await;
            assert!(header(&res, "ratelimit-policy").starts_with("\"token\";q=3;"));
            statuses.push(res.status().as_u16());
        }
        statuses
    };
    assert_eq!(statuses, [200, 200, 200, 429]);
}

/// Two instances on one database share each quota: what one counted, the
/// other refuses once the total is reached (within a second's sync).
#[tokio::test]
async fn rate_limits_hold_across_instances_sharing_the_database() {
    let db = TestDatabase::new();
    let first = app_with_quotas(&db, 10, 0);
    let second = app_with_quotas(&db, 10, 0);
    fresh_window().await;
    for _ in 0..7 {
        assert_eq!(first.get("/api/v1/members").await.status(), 200);
    }
    // Both instances sync once a second.
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    let mut statuses = Vec::new();
    for _ in 0..5 {
        statuses.push(second.get("/api/v1/members").await.status().as_u16());
    }
    assert_eq!(statuses, [200, 200, 200, 429, 429]);
}

/// Waits, if needed, until a one-minute window has at least 20 s left, so a
/// test's requests all fall in one window.
async fn fresh_window() {
    let second = chrono::Utc::now().timestamp().rem_euclid(60);
    if second > 40 {
        let wait = u64::try_from(61 - second).unwrap_or(1);
        tokio::time::sleep(std::time::Duration::from_secs(wait)).await;
    }
}
