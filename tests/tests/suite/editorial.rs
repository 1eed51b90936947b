//! The editorial back office: the live preview of a body, rendered and
//! sanitised as published bodies are, for staff only.

use cecop_shared::{Article, Preview, ProblemKind};
use cecop_tests::{
    Session, TestApp, TestDatabase, api_command, create_admin, expect_problem as problem, sign_in,
};
use reqwest::Method;
use serde_json::json;

const ADMIN: &str = "admin@cecop.coop";
const PASSWORD: &str = "correct horse battery staple";

async fn app_with_people() -> (TestDatabase, TestApp) {
    let db = TestDatabase::new();
    assert!(create_admin(&db, ADMIN, PASSWORD).0);
    let app = TestApp::spawn(&db);
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    admin
        .create_users(&[
            json!({ "email": "editor@cecop.coop", "display_name": "Editor", "role": "editor",
                    "password": PASSWORD }),
            json!({ "email": "staff@coceta.coop", "display_name": "COCETA", "role": "member",
                    "organisation": "coceta", "password": PASSWORD }),
        ])
        .await;
    (db, app)
}

#[tokio::test]
async fn staff_preview_a_body_rendered_and_sanitised_as_published() {
    let (db, app) = app_with_people().await;
    let editor = sign_in(&app, "editor@cecop.coop", PASSWORD).await;
    let markdown = "## Worker buyouts\n\nSee [the report](https://cecop.coop/report) \
                    and **act**.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\
                    <script>alert(1)</script><img src=x onerror=alert(1)>\n\n\
                    [x](javascript:alert(1))";
    let preview: Preview = editor
        .json(
            Method::POST,
            "/api/v1/preview",
            Some(json!({ "markdown": markdown })),
        )
        .await;
    let html = preview.html.to_lowercase();
    assert!(html.contains("<h2>worker buyouts</h2>"), "{html}");
    assert!(html.contains("<table>"), "{html}");
    assert!(html.contains("rel=\"noopener noreferrer\""), "{html}");
    for bad in ["<script", "onerror", "javascript:"] {
        assert!(!html.contains(bad), "{bad} in {html}");
    }
    // Words as read: the heading, the paragraph, the table cells and the
    // neutralised link's text.
    assert_eq!(preview.words, 12, "{preview:?}");
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let same: Preview = admin
        .json(
            Method::POST,
            "/api/v1/preview",
            Some(json!({ "markdown": markdown })),
        )
        .await;
    assert_eq!(same, preview);

    // Published with the same body (by the import, another process), the
    // article reads exactly as the preview showed.
    let record = json!({ "slug": "previewed", "kind": "news", "status": "published",
                         "published_at": "2024-05-01T10:00:00Z", "lang": "en",
                         "title": "Previewed", "summary": "", "body": markdown });
    let file = db.data_dir.path().join("previewed.jsonl");
    std::fs::write(&file, format!("{record}\n")).unwrap();
    let output = api_command(&db)
        .args(["import", "--articles"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let published: Article = app.get_json("/api/v1/articles/previewed").await;
    assert_eq!(published.body_html, preview.html);
}

#[tokio::test]
async fn preview_refuses_everyone_but_staff_and_bad_bodies_with_problems() {
    let (_db, app) = app_with_people().await;
    let member = sign_in(&app, "staff@coceta.coop", PASSWORD).await;
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let org_token = member.organisation_token().await;
    let body = json!({ "markdown": "Hello" });
    for (who, caller, status) in [
        ("anonymous", Session::anonymous(&app), 401),
        ("member user", member, 403),
        ("the organisation's token", org_token, 403),
        ("integrator token", admin.reader_token().await, 403),
    ] {
        let res = caller
            .call(Method::POST, "/api/v1/preview", Some(body.clone()))
            .await;
        assert_eq!(res.status(), status, "{who}");
        problem(res, status).await;
    }

    let editor = sign_in(&app, "editor@cecop.coop", PASSWORD).await;
    // The longest body allowed renders; one character more is a 422.
    let longest = "a".repeat(200_000);
    let ok: Preview = editor
        .json(
            Method::POST,
            "/api/v1/preview",
            Some(json!({ "markdown": longest })),
        )
        .await;
    assert_eq!(ok.words, 1);
    let res = editor
        .call(
            Method::POST,
            "/api/v1/preview",
            Some(json!({ "markdown": "a".repeat(200_001) })),
        )
        .await;
    let long = problem(res, 422).await;
    assert_eq!(
        (
            long.errors[0].field.as_str(),
            long.errors[0].code.as_deref()
        ),
        ("markdown", Some("too_long"))
    );
    let res = editor
        .call(
            Method::POST,
            "/api/v1/preview",
            Some(json!({ "markdown": "a\u{7}b" })),
        )
        .await;
    assert_eq!(problem(res, 422).await.errors[0].field, "markdown");
    // Over the operation's 1 MiB: 413, said as a problem.
    let res = editor
        .call(
            Method::POST,
            "/api/v1/preview",
            Some(json!({ "markdown": "é".repeat(600_000) })),
        )
        .await;
    assert!(problem(res, 413).await.is(ProblemKind::PayloadTooLarge));
    // Elsewhere the limit stays 64 KiB, now also a 413 problem.
    let res = editor
        .call(
            Method::POST,
            "/api/v1/me/password",
            Some(json!({ "current_password": "x".repeat(70_000), "new_password": "y" })),
        )
        .await;
    assert!(problem(res, 413).await.is(ProblemKind::PayloadTooLarge));
    for bad in [json!(["markdown"]), json!({}), json!({ "markdown": 5 })] {
        let res = editor
            .call(Method::POST, "/api/v1/preview", Some(bad))
            .await;
        problem(res, 400).await;
    }
    // No body at all is a malformed request.
    problem(
        editor.call(Method::POST, "/api/v1/preview", None).await,
        400,
    )
    .await;
    // A body sent as another type than JSON: 415, here as on every JSON
    // operation.
    for (path, content_type, raw) in [
        ("/api/v1/preview", "text/plain", "{\"markdown\": \"x\"}"),
        (
            "/api/v1/auth/login",
            "application/x-www-form-urlencoded",
            "email=a%40b.c&password=x",
        ),
    ] {
        let res = app
            .client
            .post(app.url(path))
            .bearer_auth(&editor.bearer)
            .header("content-type", content_type)
            .body(raw)
            .send()
            .await
            .unwrap();
        let refused = problem(res, 415).await;
        assert!(refused.is(ProblemKind::UnsupportedMediaType), "{path}");
    }
}
