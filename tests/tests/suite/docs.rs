//! The OpenAPI document and the offline Swagger UI, and the committed copy.

use cecop_tests::{TestApp, TestDatabase, api_binary, repo_root};

#[tokio::test]
async fn the_openapi_document_is_served_and_lists_every_route() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let doc: serde_json::Value = app.get_json("/api/v1/openapi.json").await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/api/v1/members",
        "/api/v1/members/{slug}",
        "/api/v1/overview",
        "/healthz",
        "/readyz",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} is not documented");
    }
    let ids: Vec<_> = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|item| item.as_object().unwrap().values())
        .filter_map(|op| op["operationId"].as_str())
        .collect();
    assert!(
        ids.contains(&"list_members") && ids.contains(&"get_overview"),
        "{ids:?}"
    );
}

#[tokio::test]
async fn swagger_ui_is_built_in_and_needs_no_network() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let res = app.get("/api/docs").await;
    assert_eq!(res.status(), 308);
    assert_eq!(res.headers()["location"], "/api/docs/");
    let res = app.get("/api/docs/").await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("swagger-ui"), "{html}");
    assert!(
        !html.contains("https://"),
        "the page must not load anything from the network"
    );
    for asset in [
        "/api/docs/swagger-ui-bundle.js",
        "/api/docs/swagger-initializer.js",
    ] {
        let res = app.get(asset).await;
        assert_eq!(res.status(), 200, "{asset}");
        let body = res.text().await.unwrap();
        if asset.ends_with("initializer.js") {
            assert!(body.contains("/api/v1/openapi.json"), "{body}");
        }
    }
}

#[test]
fn the_committed_openapi_document_matches_the_code() {
    let output = std::process::Command::new(api_binary())
        .arg("openapi")
        .output()
        .unwrap();
    assert!(output.status.success());
    let generated = String::from_utf8(output.stdout).unwrap();
    let committed =
        std::fs::read_to_string(repo_root().join("openapi/openapi.json")).unwrap_or_default();
    assert!(
        generated.trim_end() == committed.trim_end(),
        "openapi/openapi.json is out of date with the code: run `just openapi` and commit it"
    );
}
