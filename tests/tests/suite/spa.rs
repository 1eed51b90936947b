//! Serving the single-page app: files, deep links, media types, caching,
//! compression. A small static folder stands in for the built SPA here; the
//! real build is exercised by the browser test.

use cecop_tests::{SpawnOptions, TestApp, TestDatabase};

fn spa_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let index = format!(
        "<!doctype html><html lang=\"en\"><title>CECOP</title>{}</html>",
        "x".repeat(2000)
    );
    std::fs::write(dir.path().join("index.html"), index).unwrap();
    // A minimal valid WebAssembly module (magic + version), hashed name.
    std::fs::write(
        dir.path().join("app_bg-0123456789abcdef.wasm"),
        b"\0asm\x01\0\0\0",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("app-0123456789abcdef.js"),
        "export default 1;\n".repeat(200),
    )
    .unwrap();
    dir
}

#[tokio::test]
async fn deep_links_get_index_html_and_api_paths_never_do() {
    let db = TestDatabase::new();
    let dir = spa_folder();
    let app = TestApp::spawn_with(
        &db,
        SpawnOptions {
            static_dir: Some(dir.path().into()),
            ..Default::default()
        },
    );
    for path in ["/", "/members", "/members/coceta", "/some/deep/link"] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 200, "{path}");
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        assert_eq!(res.headers()["cache-control"], "no-cache", "{path}");
        assert!(res.text().await.unwrap().contains("<title>CECOP</title>"));
    }
    let res = app.get("/api/v1/unknown").await;
    assert_eq!(res.status(), 404);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
}

#[tokio::test]
async fn hashed_assets_are_cached_for_a_year_and_wasm_has_its_media_type() {
    let db = TestDatabase::new();
    let dir = spa_folder();
    let app = TestApp::spawn_with(
        &db,
        SpawnOptions {
            static_dir: Some(dir.path().into()),
            ..Default::default()
        },
    );
    let res = app.get("/app_bg-0123456789abcdef.wasm").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/wasm");
    assert_eq!(
        res.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(res.headers().contains_key("etag"));
}

#[tokio::test]
async fn responses_are_compressed_when_the_client_accepts_it() {
    let db = TestDatabase::new();
    let dir = spa_folder();
    let app = TestApp::spawn_with(
        &db,
        SpawnOptions {
            static_dir: Some(dir.path().into()),
            ..Default::default()
        },
    );
    for (encoding, path) in [
        ("br", "/app-0123456789abcdef.js"),
        ("gzip", "/members"),
        ("gzip", "/api/v1/members"),
    ] {
        let res = app
            .client
            .get(app.url(path))
            .header("accept-encoding", encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(
            res.headers()
                .get("content-encoding")
                .and_then(|v| v.to_str().ok()),
            Some(encoding),
            "{path}"
        );
    }
}

/// Every answer carries the security headers; pages get the app's strict
/// policy (no inline script or style, WebAssembly allowed, no framing), the
/// API documentation a looser one for Swagger UI, and data a closed one.
#[tokio::test]
async fn every_answer_carries_security_headers_and_pages_a_strict_policy() {
    let db = TestDatabase::new();
    let dir = spa_folder();
    let app = TestApp::spawn_with(
        &db,
        SpawnOptions {
            static_dir: Some(dir.path().into()),
            ..Default::default()
        },
    );
    let directives = |res: &reqwest::Response| -> Vec<String> {
        res.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .split(';')
            .map(|d| d.trim().to_owned())
            .collect()
    };
    for path in [
        "/",
        "/members/coceta",
        "/api/v1/members",
        "/api/v1/nowhere",
        "/healthz",
        "/api/docs/",
    ] {
        let res = app.get(path).await;
        for (name, value) in [
            ("x-content-type-options", "nosniff"),
            ("referrer-policy", "strict-origin-when-cross-origin"),
            ("x-frame-options", "DENY"),
        ] {
            assert_eq!(res.headers()[name], value, "{path}: {name}");
        }
        assert!(res.headers().contains_key("permissions-policy"), "{path}");
        // Served over plain HTTP here: no HSTS, which browsers would ignore anyway.
        assert!(
            !res.headers().contains_key("strict-transport-security"),
            "{path}"
        );
        let policy = directives(&res);
        assert!(
            policy.contains(&"frame-ancestors 'none'".to_owned()),
            "{path}: {policy:?}"
        );
        assert!(
            policy.contains(&"base-uri 'none'".to_owned()),
            "{path}: {policy:?}"
        );
    }
    let page = directives(&app.get("/members").await);
    for directive in [
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "object-src 'none'",
        "report-uri /api/v1/csp-reports",
    ] {
        assert!(
            page.contains(&directive.to_owned()),
            "{directive}: {page:?}"
        );
    }
    assert!(
        !page.iter().any(|d| d.contains("unsafe-inline")),
        "{page:?}"
    );
    let data = directives(&app.get("/api/v1/members").await);
    assert!(data.contains(&"default-src 'none'".to_owned()), "{data:?}");
    // A client cannot claim HTTPS itself…
    let https = |app: &TestApp| {
        app.client
            .get(app.url("/healthz"))
            .header("x-forwarded-proto", "https")
            .send()
    };
    let res = https(&app).await.unwrap();
    assert!(!res.headers().contains_key("strict-transport-security"));
    // …but behind a trusted proxy that terminated TLS, HSTS is sent.
    let proxied = TestApp::spawn_with(
        &db,
        SpawnOptions {
            extra_env: vec![("CECOP_TRUSTED_PROXIES".into(), "127.0.0.1".into())],
            ..Default::default()
        },
    );
    let res = https(&proxied).await.unwrap();
    assert_eq!(
        res.headers()["strict-transport-security"],
        "max-age=63072000"
    );
}

/// Browsers report what the policy blocked; reports are logged for the
/// operator, and a body that is not a report is a 400 problem.
#[tokio::test]
async fn csp_violation_reports_are_logged_and_garbage_is_refused() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let send = |content_type: &'static str, body: &'static str| {
        app.client
            .post(app.url("/api/v1/csp-reports"))
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let legacy = r#"{"csp-report":{"document-uri":"http://x/members","violated-directive":"script-src-elem","blocked-uri":"inline"}}"#;
    assert_eq!(
        send("application/csp-report", legacy)
            .await
            .unwrap()
            .status(),
        204
    );
    let api = r#"[{"type":"csp-violation","body":{"documentURL":"http://x/","effectiveDirective":"img-src","blockedURL":"http://tracker.example/p.gif"}}]"#;
    assert_eq!(
        send("application/reports+json", api)
            .await
            .unwrap()
            .status(),
        204
    );
    for (content_type, garbage) in [
        ("application/csp-report", ""),
        ("application/csp-report", "not json"),
        ("application/csp-report", "[1,2]"),
        ("application/csp-report", "{}"),
        ("application/json", r#"{"csp-report": 3}"#),
        ("application/reports+json", "[null, null]"),
        ("text/plain", legacy),
    ] {
        let res = send(content_type, garbage).await.unwrap();
        cecop_tests::expect_problem(res, 400).await;
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let log = app.stderr();
        if log.contains("tracker.example") {
            assert!(
                log.contains("csp violation") && log.contains("script-src-elem"),
                "{log}"
            );
            break;
        }
        assert!(std::time::Instant::now() < deadline, "not logged: {log}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}
