//! `GET /api/v1/search`: one index over articles, events, stories and
//! members, accent- and case-insensitive, ranked, with safe snippets.

use cecop_shared::{Page, SearchHit, SearchKind};
use cecop_tests::{TestApp, TestDatabase};

async fn search(app: &TestApp, q: &str) -> Page<SearchHit> {
    app.get_json(&format!("/api/v1/search?per_page=100&q={q}"))
        .await
}

#[tokio::test]
async fn finds_every_kind_of_document_with_marked_snippets() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let hits = search(&app, "care").await;
    let kinds: std::collections::BTreeSet<_> = hits.items.iter().map(|h| h.kind.as_str()).collect();
    for kind in ["article", "event"] {
        assert!(kinds.contains(kind), "{kind} in {kinds:?}");
    }
    assert!(
        hits.items.iter().all(|h| h.snippet.contains("<mark>")),
        "every hit shows why"
    );
    let members = search(&app, "legacoop").await;
    assert!(
        members
            .items
            .iter()
            .any(|h| h.kind == SearchKind::Member && h.slug.as_str() == "legacoop-sociali")
    );
    let stories: Page<SearchHit> = app.get_json("/api/v1/search?q=wholefood&kind=story").await;
    assert!(stories.items.iter().all(|h| h.kind == SearchKind::Story));
    assert!(
        stories
            .items
            .iter()
            .any(|h| h.slug.as_str() == "suma-leeds-wholefoods")
    );
    let none = search(&app, "qqqzzzxx").await;
    assert_eq!(none.total, 0);
    let wordless = search(&app, "%21%40%20%2A").await;
    assert_eq!(wordless.total, 0, "punctuation alone finds nothing");
}

#[tokio::test]
async fn matching_ignores_accents_and_case_in_both_directions() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    // The French article's title has "coopérative"; its Italian neighbour
    // "società". Plain ASCII finds them, and accents find plain text.
    let plain = search(&app, "COOPERATIVE").await;
    assert!(
        plain
            .items
            .iter()
            .any(|h| h.slug.as_str() == "illustrative-reprise-entreprise-en-cooperative")
    );
    let italian = search(&app, "societa").await;
    assert!(
        italian
            .items
            .iter()
            .any(|h| h.slug.as_str() == "illustrative-societa-cooperativa-sociale-inserimento")
    );
    let accented = search(&app, "Légacoop").await;
    assert!(
        accented
            .items
            .iter()
            .any(|h| h.slug.as_str() == "legacoop-sociali")
    );
    // Query syntax is not interpreted: quotes, operators and stars are just separators.
    for q in [
        "%22care%22",
        "care%20OR",
        "care*",
        "NEAR(care",
        "care%3A*%20%26%20!x",
    ] {
        let res = app.get(&format!("/api/v1/search?q={q}")).await;
        assert_eq!(res.status(), 200, "{q}");
    }
}

#[tokio::test]
async fn hits_are_ranked_and_paged() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let all = search(&app, "cooperatives").await;
    assert!(all.total > 5);
    let first: Page<SearchHit> = app
        .get_json("/api/v1/search?q=cooperatives&per_page=2")
        .await;
    let second: Page<SearchHit> = app
        .get_json("/api/v1/search?q=cooperatives&per_page=2&page=2")
        .await;
    assert_eq!(first.total, all.total);
    assert_eq!(first.items, all.items[..2]);
    assert_eq!(second.items, all.items[2..4]);
    // A title match outranks a passing mention: "Snapshot" is in one title.
    let snapshot = search(&app, "snapshot").await;
    assert_eq!(snapshot.items[0].slug.as_str(), "cecop-snapshot-2022-2023");
}
