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
