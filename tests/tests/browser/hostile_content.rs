//! Hostile content: an imported article whose title, summary, body, tags
//! and attachment names carry script in every form we know is rendered on
//! its page, in the news list and in search results, and none of it runs.

use cecop_tests::browser::{wait_find, wait_text, with_browser};
use cecop_tests::{TestDatabase, api_command};
use fantoccini::Client;
use serde_json::json;

use super::spawn_with_spa;

/// Each vector, if it ran, would set `window.__xss`.
const VECTORS: &[&str] = &[
    "<script>window.__xss = 'script'</script>",
    "<img src=x onerror=\"window.__xss = 'img'\">",
    "<svg onload=\"window.__xss = 'svg'\"></svg>",
    "<iframe srcdoc=\"<script>parent.__xss = 'iframe'</script>\"></iframe>",
    "<a href=\"javascript:window.__xss = 'link'\" id=\"xss-link\">a link</a>",
    "[a markdown link](javascript:window.__xss='md')",
    "<details open ontoggle=\"window.__xss = 'details'\"></details>",
];

fn import_hostile_article(db: &TestDatabase) {
    let body = format!("Hostile zanzibar body.\n\n{}", VECTORS.join("\n\n"));
    let record = json!({
        "slug": "hostile-article",
        "kind": "news",
        "status": "published",
        "published_at": "2025-12-01T10:00:00Z",
        "title": format!("Zanzibar {}", VECTORS[1]),
        "summary": format!("Zanzibar summary {}", VECTORS[0]),
        "body": body,
        "tags": ["zanzibar"],
        "attachments": [{ "title": VECTORS[1], "lang": "en", "media": "media/x.pdf" }]
    });
    let file = db.data_dir.path().join("hostile.jsonl");
    std::fs::write(&file, format!("{record}\n")).unwrap();
    let output = api_command(db)
        .args(["import", "--articles"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

async fn nothing_ran(c: &Client, page: &str) {
    let ran = c
        .execute(
            "return window.__xss === undefined ? null : String(window.__xss);",
            vec![],
        )
        .await
        .unwrap();
    assert!(ran.is_null(), "{page}: injected script ran ({ran})");
}

#[tokio::test]
async fn script_in_titles_bodies_and_snippets_never_runs() {
    let db = TestDatabase::new();
    let app = spawn_with_spa(&db);
    import_hostile_article(&db);
    with_browser(|c| async move {
        // The article page: the title shows as text, the body as sanitised HTML.
        c.goto(&app.url("/news/hostile-article")).await.unwrap();
        let title = wait_text(&c, "[data-testid=item-title]", |t| t.contains("Zanzibar")).await;
        assert!(
            title.contains("<img"),
            "the title is shown as text: {title}"
        );
        wait_text(&c, "[data-testid=item-body]", |t| {
            t.contains("Hostile zanzibar body")
        })
        .await;
        // Give any handler (onerror, onload, ontoggle) time to fire.
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        nothing_ran(&c, "/news/hostile-article").await;
        let scripts = c
            .execute(
                "return document.querySelectorAll('main script, main iframe, main [onerror], \
                 main [onload], main [ontoggle], main a[href^=\"javascript\"]').length;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(scripts, json!(0), "no executable element reached the page");
        if let Ok(link) = c.find(fantoccini::Locator::Id("xss-link")).await {
            let _ = link.click().await;
        }
        nothing_ran(&c, "/news/hostile-article after a click").await;

        // The list and the search results show the same title and snippet.
        c.goto(&app.url("/news?q=zanzibar")).await.unwrap();
        wait_find(&c, "[data-testid=article-card]").await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        nothing_ran(&c, "/news?q=zanzibar").await;
        c.goto(&app.url("/search?q=zanzibar")).await.unwrap();
        wait_text(&c, "main", |t| t.contains("Zanzibar")).await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        nothing_ran(&c, "/search?q=zanzibar").await;
    })
    .await;
}
