//! `cecop-api import --articles FILE.jsonl`: all or nothing, a reason for
//! every refused line; imported content is sanitised and scheduled content
//! appears when its time comes.

use cecop_shared::{Article, ArticleSummary, Page, SearchHit};
use cecop_tests::{SpawnOptions, TestApp, TestDatabase, api_command};
use serde_json::{Value, json};

fn article(slug: &str, extra: Value) -> Value {
    let mut record = json!({
        "slug": slug,
        "kind": "news",
        "status": "published",
        "published_at": "2024-05-01T10:00:00Z",
        "lang": "en",
        "title": format!("Imported {slug}"),
        "summary": "An imported article.",
        "body": "Some *Markdown* text about worker buyouts.",
        "country": "IT",
        "themes": ["entrepreneurship"]
    });
    if let (Some(base), Some(extra)) = (record.as_object_mut(), extra.as_object()) {
        base.extend(extra.clone());
    }
    record
}

/// Runs the import and returns (success, stdout, stderr).
fn import(db: &TestDatabase, lines: &[Value]) -> (bool, String, String) {
    let file = db.data_dir.path().join("articles.jsonl");
    let text: Vec<String> = lines.iter().map(Value::to_string).collect();
    std::fs::write(&file, text.join("\n") + "\n\n").unwrap();
    let output = api_command(db)
        .args(["import", "--articles"])
        .arg(&file)
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

async fn total(app: &TestApp) -> u64 {
    let page: Page<ArticleSummary> = app.get_json("/api/v1/articles?per_page=1").await;
    page.total
}

/// Lists show another process's writes within a second (docs/content.md).
async fn wait_total(app: &TestApp, expected: u64) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(3);
    while total(app).await != expected {
        assert!(
            std::time::Instant::now() < deadline,
            "the list never showed {expected}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_file_with_a_bad_line_is_refused_whole_with_a_reason_per_line() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let before = total(&app).await;
    let lines = [
        article("good-one", json!({})),
        article("bad-kind", json!({ "kind": "blog" })),
        article("good-two", json!({})),
        json!({ "slug": "no-title", "kind": "news", "status": "published",
                "published_at": "2024-05-01T10:00:00Z" }),
        article("about-cecop", json!({})),
        article("good-one", json!({})),
        article("bad-date", json!({ "published_at": "yesterday" })),
        article("bad-member", json!({ "members": ["no-such-member"] })),
        article("bad-field", json!({ "colour": "red" })),
    ];
    let (ok, stdout, stderr) = import(&db, &lines);
    assert!(!ok, "a refused line fails the run: {stdout}");
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    for (line, reason) in [
        (2, "kind must be one of"),
        (4, "title"),
        (5, "already exists"),
        (6, "earlier line"),
        (7, "published_at"),
        (8, "no-such-member"),
        (9, "colour"),
    ] {
        let report = stdout
            .lines()
            .find(|l| l.starts_with(&format!("line {line}: refused")))
            .unwrap_or_else(|| panic!("no report for line {line}: {stdout}"));
        assert!(report.contains(reason), "line {line}: {report}");
    }
    assert!(!stdout.contains("line 1: refused") && !stdout.contains("line 3: refused"));
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(total(&app).await, before, "nothing was written");
    assert_eq!(app.get("/api/v1/articles/good-one").await.status(), 404);
}

#[tokio::test]
async fn a_clean_file_is_imported_searchable_and_sanitised() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let before = total(&app).await;
    let lines = [
        article(
            "imported-xss",
            json!({
                "title": "<script>alert('title')</script> Coopérative test",
                "body": "Hello <script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[click](javascript:alert(3))\n\n<a href=\"https://cecop.coop\" onclick=\"alert(4)\">ok</a>",
            }),
        ),
        article(
            "imported-plain",
            json!({ "translations": [
            { "lang": "fr", "title": "Importé", "summary": "Résumé", "body": "Texte." }
        ] }),
        ),
    ];
    let (ok, stdout, stderr) = import(&db, &lines);
    assert!(ok, "{stdout}\n{stderr}");
    assert!(stdout.contains("line 1: imported imported-xss"), "{stdout}");
    assert!(
        stdout.contains("line 2: imported imported-plain"),
        "{stdout}"
    );
    wait_total(&app, before + 2).await;
    let xss: Article = app.get_json("/api/v1/articles/imported-xss").await;
    let html = xss.body_html.to_lowercase();
    for bad in ["<script", "onerror", "javascript:", "onclick"] {
        assert!(!html.contains(bad), "{bad} survived: {html}");
    }
    assert!(
        html.contains("https://cecop.coop"),
        "safe links stay: {html}"
    );
    // Titles are plain text: kept as written, escaped by whoever renders them.
    assert!(xss.summary.meta.title.contains("<script>"));
    let fr: Article = app
        .get_json("/api/v1/articles/imported-plain?lang=fr")
        .await;
    assert_eq!(fr.summary.meta.title, "Importé");
    let hits: Page<SearchHit> = app.get_json("/api/v1/search?q=cooperative+test").await;
    assert!(hits.items.iter().any(|h| h.slug.as_str() == "imported-xss"));
    let snippet = &hits
        .items
        .iter()
        .find(|h| h.slug.as_str() == "imported-xss")
        .unwrap()
        .snippet;
    assert!(!snippet.contains("<script"), "{snippet}");
}

#[tokio::test]
async fn scheduled_articles_become_public_when_the_clock_passes_their_time() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let tomorrow = (chrono::Utc::now() + chrono::Duration::days(1)).to_rfc3339();
    let (ok, stdout, stderr) = import(
        &db,
        &[article(
            "scheduled-tomorrow",
            json!({ "status": "scheduled", "published_at": tomorrow,
                    "title": "Zanzibar scheduled announcement" }),
        )],
    );
    assert!(ok, "{stdout}\n{stderr}");
    let path = "/api/v1/articles/scheduled-tomorrow";
    assert_eq!(app.get(path).await.status(), 404, "not yet");
    let hits: Page<SearchHit> = app.get_json("/api/v1/search?q=zanzibar").await;
    assert!(hits.items.is_empty());
    // The same database, read by a server whose clock is two days ahead:
    // the article is public, with no change to the data.
    let later = TestApp::spawn_with(
        &db,
        SpawnOptions {
            extra_env: vec![("CECOP_CLOCK_OFFSET".into(), "172800".into())],
            ..SpawnOptions::default()
        },
    );
    assert_eq!(later.get(path).await.status(), 200);
    let newest: Page<ArticleSummary> = later.get_json("/api/v1/articles?per_page=1").await;
    assert_eq!(newest.items[0].meta.slug.as_str(), "scheduled-tomorrow");
    let hits: Page<SearchHit> = later.get_json("/api/v1/search?q=zanzibar").await;
    assert_eq!(hits.items.len(), 1);
    let feed = later
        .get("/api/v1/feeds/articles.atom")
        .await
        .text()
        .await
        .unwrap();
    assert!(feed.contains("scheduled-tomorrow"));
}

#[test]
fn production_refuses_a_shifted_clock() {
    let db = TestDatabase::new();
    let output = api_command(&db)
        .env("CECOP_ENV", "production")
        .env("CECOP_JWT_SECRET", "x".repeat(40))
        .env("CECOP_CLOCK_OFFSET", "60")
        .arg("serve")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("CECOP_CLOCK_OFFSET"));
}
