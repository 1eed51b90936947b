//! Publishing, read side: articles, events and stories — filters and their
//! edges, languages, visibility rules, caching.

use cecop_shared::{
    Article, ArticleKind, ArticleSummary, EventSummary, Page, Story, StorySummary, Theme,
    TokenPair, Visibility,
};
use cecop_tests::{TestApp, TestDatabase, create_admin, expect_problem as problem};
use serde_json::json;

const ADMIN: &str = "editor@cecop.test";
const PASSWORD: &str = "a long enough passphrase 42";

async fn all_articles(app: &TestApp, query: &str) -> Vec<ArticleSummary> {
    let mut items = Vec::new();
    for page in 1.. {
        let body: Page<ArticleSummary> = app
            .get_json(&format!(
                "/api/v1/articles?per_page=100&page={page}&{query}"
            ))
            .await;
        items.extend(body.items);
        if page >= body.total_pages {
            break;
        }
    }
    items
}

/// A signed-in user's bearer token (an admin: any signed-in user reads
/// members-only content).
async fn bearer(app: &TestApp, db: &TestDatabase) -> String {
    let (ok, _, err) = create_admin(db, ADMIN, PASSWORD);
    assert!(ok, "{err}");
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": ADMIN, "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let pair: TokenPair = res.json().await.unwrap();
    format!("Bearer {}", pair.access_token)
}

#[tokio::test]
async fn articles_are_newest_first_and_only_published_public_ones_are_listed() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let articles = all_articles(&app, "").await;
    assert!(articles.len() >= 30, "the demo content has many articles");
    let dates: Vec<_> = articles.iter().map(|a| a.meta.published_at).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "newest first");
    let slugs: Vec<_> = articles.iter().map(|a| a.meta.slug.to_string()).collect();
    for hidden in [
        "illustrative-draft-worker-buyouts-guide",
        "illustrative-archived-working-group-call-2023",
        "illustrative-scheduled-statement-2027",
        "illustrative-members-briefing-eu-budget",
    ] {
        assert!(
            !slugs.contains(&hidden.to_owned()),
            "{hidden} must not be public"
        );
        let res = app.get(&format!("/api/v1/articles/{hidden}")).await;
        problem(res, 404).await;
    }
    assert!(
        articles
            .iter()
            .all(|a| a.meta.visibility == Visibility::Public)
    );
}

#[tokio::test]
async fn every_filter_narrows_the_list_and_can_come_back_empty() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let all = all_articles(&app, "").await;

    let news = all_articles(&app, "kind=position_paper").await;
    assert!(!news.is_empty());
    assert!(news.iter().all(|a| a.kind == ArticleKind::PositionPaper));
    assert_eq!(
        news.len(),
        all.iter()
            .filter(|a| a.kind == ArticleKind::PositionPaper)
            .count()
    );

    // Several kinds at once, as the publications page asks for them.
    let publications = all_articles(
        &app,
        "kind=publication,position_paper,consultation_response",
    )
    .await;
    let expected = all
        .iter()
        .filter(|a| {
            matches!(
                a.kind,
                ArticleKind::Publication
                    | ArticleKind::PositionPaper
                    | ArticleKind::ConsultationResponse
            )
        })
        .count();
    assert_eq!(publications.len(), expected);
    assert!(
        publications
            .iter()
            .any(|a| a.kind == ArticleKind::Publication)
    );
    assert!(
        publications
            .iter()
            .any(|a| a.kind == ArticleKind::PositionPaper)
    );

    let growth = all_articles(&app, "theme=sustainable_growth").await;
    assert!(!growth.is_empty() && growth.len() < all.len());
    assert!(
        growth
            .iter()
            .all(|a| a.meta.themes.contains(&Theme::SustainableGrowth))
    );

    let care = all_articles(&app, "tag=care").await;
    assert!(!care.is_empty());
    assert!(
        care.iter()
            .all(|a| a.meta.tags.contains(&"care".to_owned()))
    );

    let polish = all_articles(&app, "member=nauwc").await;
    assert!(
        polish
            .iter()
            .any(|a| a.meta.slug.as_str() == "zoom-in-polish-members-nauwc-ozrss")
    );

    let belgium = all_articles(&app, "country=BE").await;
    assert!(!belgium.is_empty());
    assert!(
        belgium
            .iter()
            .all(|a| a.country.map(|c| c.to_string()) == Some("BE".into()))
    );

    let in_2024 = all_articles(&app, "from=2024-01-01&to=2024-12-31").await;
    assert!(!in_2024.is_empty());
    assert!(
        in_2024
            .iter()
            .all(|a| a.meta.published_at.to_rfc3339().starts_with("2024"))
    );
    assert_eq!(
        in_2024.len(),
        all.iter()
            .filter(|a| a.meta.published_at.to_rfc3339().starts_with("2024"))
            .count(),
        "`to` includes its whole day"
    );
    let one_day = all_articles(&app, "from=2024-09-27&to=2024-09-27").await;
    assert!(
        one_day
            .iter()
            .any(|a| a.meta.slug.as_str() == "cecop-snapshot-2022-2023")
    );

    let combined = all_articles(&app, "kind=news&country=PL&q=zoom").await;
    assert_eq!(combined.len(), 1);

    for empty in [
        "country=IS",
        "tag=no-such-tag",
        "member=no-such-member",
        "from=2030-01-01",
        "from=2024-05-01&to=2024-04-01",
        "q=zzzzqqqq",
    ] {
        let res = app.get(&format!("/api/v1/articles?{empty}")).await;
        assert_eq!(res.status(), 200, "{empty}");
        assert_eq!(res.headers()["x-total-count"], "0", "{empty}");
        let page: Page<ArticleSummary> = res.json().await.unwrap();
        assert!(page.items.is_empty(), "{empty}");
    }
}

#[tokio::test]
async fn bad_parameters_are_400_problems_naming_the_parameter() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let long_q = "a".repeat(201);
    for (path, field) in [
        ("/api/v1/articles?from=2024-13-01", "from"),
        ("/api/v1/articles?to=yesterday", "to"),
        ("/api/v1/articles?kind=blog", "kind"),
        ("/api/v1/articles?kind=news,,publication", "kind"),
        ("/api/v1/articles?kind=news,blog", "kind"),
        ("/api/v1/articles?theme=sport", "theme"),
        ("/api/v1/articles?country=XX", "country"),
        ("/api/v1/articles?tag=Not%20A%20Tag", "tag"),
        ("/api/v1/articles?lang=french", "lang"),
        (&format!("/api/v1/articles?q={long_q}"), "q"),
        ("/api/v1/events?upcoming=soon", "upcoming"),
        ("/api/v1/events?kind=party", "kind"),
        ("/api/v1/stories?theme=x", "theme"),
        ("/api/v1/search?q=", "q"),
        ("/api/v1/search?q=care&kind=page", "kind"),
        ("/api/v1/articles/Bad_Slug", "slug"),
    ] {
        let body = problem(app.get(path).await, 400).await;
        let errors = body.errors;
        assert!(
            errors.iter().any(|e| e.field == field),
            "{path}: expected an error on {field}, got {errors:?}"
        );
    }
    problem(app.get("/api/v1/articles/no-such-article").await, 404).await;
    problem(app.get("/api/v1/events/no-such-event").await, 404).await;
    problem(app.get("/api/v1/stories/no-such-story").await, 404).await;
}

#[tokio::test]
async fn languages_fall_back_to_the_default_and_say_which_was_served() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);

    let res = app.get("/api/v1/articles/about-cecop?lang=fr").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-language"], "fr");
    let fr: Article = res.json().await.unwrap();
    assert_eq!(fr.summary.meta.lang.as_str(), "fr");
    assert_eq!(fr.summary.meta.default_lang.as_str(), "en");
    assert!(
        fr.summary.meta.title.contains("propos"),
        "{}",
        fr.summary.meta.title
    );

    // No German version: the default language, said so.
    let res = app.get("/api/v1/articles/about-cecop?lang=de").await;
    assert_eq!(res.headers()["content-language"], "en");
    let en: Article = res.json().await.unwrap();
    assert_eq!(en.summary.meta.lang.as_str(), "en");
    assert_ne!(en.summary.meta.title, fr.summary.meta.title);
    assert_ne!(en.body_html, fr.body_html);

    // Accept-Language by quality; ?lang= wins over it.
    let res = app
        .client
        .get(app.url("/api/v1/articles/about-cecop"))
        .header("Accept-Language", "de-DE, fr;q=0.8, en;q=0.5")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-language"], "fr");
    let res = app
        .client
        .get(app.url("/api/v1/articles/about-cecop?lang=en"))
        .header("Accept-Language", "fr")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-language"], "en");

    // An item whose default is Italian stays Italian for an English reader.
    let it: Article = app
        .get_json("/api/v1/articles/illustrative-societa-cooperativa-sociale-inserimento?lang=en")
        .await;
    assert_eq!(it.summary.meta.lang.as_str(), "it");

    // Lists: each item in its best language; the header lists those served.
    let res = app.get("/api/v1/articles?lang=es&per_page=100").await;
    let languages = res.headers()["content-language"]
        .to_str()
        .unwrap()
        .to_owned();
    let page: Page<ArticleSummary> = res.json().await.unwrap();
    let spanish = page
        .items
        .iter()
        .find(|a| a.meta.slug.as_str() == "elections-2024-priorities")
        .unwrap();
    assert_eq!(spanish.meta.lang.as_str(), "es");
    assert!(
        languages.contains("es") && languages.contains("en"),
        "{languages}"
    );
    assert!(
        page.items
            .iter()
            .all(|a| a.meta.lang == a.meta.default_lang || a.meta.lang.as_str() == "es")
    );
}

#[tokio::test]
async fn public_reads_carry_etags_and_answer_304_when_unchanged() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    for path in [
        "/api/v1/articles",
        "/api/v1/articles/about-cecop",
        "/api/v1/events?upcoming=true",
        "/api/v1/events/members-visit-eu-institutions-2024",
        "/api/v1/stories",
        "/api/v1/stories/suma-leeds-wholefoods",
        "/api/v1/search?q=cooperative",
        "/api/v1/feeds/articles.atom",
        "/api/v1/feeds/events.ics",
        "/api/v1/members",
        "/api/v1/members/coceta",
        "/api/v1/overview",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 200, "{path}");
        assert!(
            res.headers()["cache-control"]
                .to_str()
                .unwrap()
                .contains("public"),
            "{path}"
        );
        let etag = res.headers()["etag"].to_str().unwrap().to_owned();
        assert!(
            etag.starts_with('"') && !etag.starts_with("W/"),
            "{path}: strong ETag"
        );
        let again = app
            .client
            .get(app.url(path))
            .header("If-None-Match", &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 304, "{path}");
        assert_eq!(again.headers()["etag"], etag.as_str(), "{path}");
        assert!(
            again.bytes().await.unwrap().is_empty(),
            "{path}: 304 has no body"
        );
        let stale = app
            .client
            .get(app.url(path))
            .header("If-None-Match", "\"something-else\"")
            .send()
            .await
            .unwrap();
        assert_eq!(stale.status(), 200, "{path}");
    }
    // Another language is another representation.
    let en = app.get("/api/v1/articles/about-cecop?lang=en").await;
    let fr = app.get("/api/v1/articles/about-cecop?lang=fr").await;
    assert_ne!(en.headers()["etag"], fr.headers()["etag"]);
}

#[tokio::test]
async fn members_only_items_reach_signed_in_readers_only() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let slug = "illustrative-members-briefing-eu-budget";
    let anonymous = all_articles(&app, "").await;
    assert!(!anonymous.iter().any(|a| a.meta.slug.as_str() == slug));
    problem(app.get(&format!("/api/v1/articles/{slug}")).await, 404).await;
    let hits: Page<cecop_shared::SearchHit> =
        app.get_json("/api/v1/search?q=briefing+budget").await;
    assert!(!hits.items.iter().any(|h| h.slug.as_str() == slug));
    let feed = app
        .get("/api/v1/feeds/articles.atom")
        .await
        .text()
        .await
        .unwrap();
    assert!(!feed.contains(slug));
    let events: Page<EventSummary> = app.get_json("/api/v1/events?per_page=100").await;
    assert!(
        !events
            .items
            .iter()
            .any(|e| e.meta.slug.as_str() == "illustrative-prague-members-seminar-2027")
    );

    let auth = bearer(&app, &db).await;
    let get = |path: String| {
        app.client
            .get(app.url(&path))
            .header("Authorization", auth.clone())
            .send()
    };
    let res = get(format!("/api/v1/articles/{slug}")).await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "private, no-store");
    let article: Article = res.json().await.unwrap();
    assert_eq!(article.summary.meta.visibility, Visibility::MembersOnly);
    let res = get("/api/v1/articles?per_page=100".into()).await.unwrap();
    let page: Page<ArticleSummary> = res.json().await.unwrap();
    assert_eq!(
        page.total as usize,
        anonymous.len() + 2,
        "both members-only articles"
    );
    let res = get("/api/v1/search?q=briefing+budget".into())
        .await
        .unwrap();
    let hits: Page<cecop_shared::SearchHit> = res.json().await.unwrap();
    assert!(hits.items.iter().any(|h| h.slug.as_str() == slug));
    let feed = get("/api/v1/feeds/articles.atom".into()).await.unwrap();
    assert!(feed.text().await.unwrap().contains(slug));

    let res = app
        .client
        .get(app.url("/api/v1/articles"))
        .header("Authorization", "Bearer not-a-token")
        .send()
        .await
        .unwrap();
    problem(res, 401).await;
}

#[tokio::test]
async fn events_split_into_upcoming_and_past_with_local_and_utc_times() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let now = chrono::Utc::now();
    let upcoming: Page<EventSummary> = app
        .get_json("/api/v1/events?upcoming=true&per_page=100")
        .await;
    assert!(!upcoming.items.is_empty(), "the demo has future events");
    assert!(upcoming.items.iter().all(|e| e.ends_at >= now));
    let starts: Vec<_> = upcoming.items.iter().map(|e| e.starts_at).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "soonest first");
    let past: Page<EventSummary> = app
        .get_json("/api/v1/events?upcoming=false&per_page=100")
        .await;
    assert!(past.items.iter().all(|e| e.ends_at < now));
    let starts: Vec<_> = past.items.iter().map(|e| e.starts_at).collect();
    assert!(starts.windows(2).all(|w| w[0] >= w[1]), "latest first");
    let all: Page<EventSummary> = app.get_json("/api/v1/events?per_page=100").await;
    assert_eq!(all.total, upcoming.total + past.total);

    // 11 December 2024, 09:00 in Brussels is 08:00 UTC (winter time).
    let visit = all
        .items
        .iter()
        .find(|e| e.meta.slug.as_str() == "members-visit-eu-institutions-2024")
        .unwrap();
    assert_eq!(visit.time_zone, "Europe/Brussels");
    assert_eq!(visit.starts_local.to_string(), "2024-12-11 09:00:00");
    assert_eq!(visit.starts_at.to_rfc3339(), "2024-12-11T08:00:00+00:00");

    let conferences: Page<EventSummary> = app.get_json("/api/v1/events?kind=conference").await;
    assert!(
        conferences
            .items
            .iter()
            .all(|e| e.kind == cecop_shared::EventKind::Conference)
    );
    let in_2024: Page<EventSummary> = app
        .get_json("/api/v1/events?from=2024-11-01&to=2024-11-30&per_page=100")
        .await;
    assert!(!in_2024.items.is_empty());
    assert!(
        in_2024
            .items
            .iter()
            .all(|e| e.starts_at.to_rfc3339().starts_with("2024-11"))
    );
    let event: cecop_shared::Event = app
        .get_json("/api/v1/events/cooperative-vision-european-parliament-2024")
        .await;
    assert!(!event.organisers.is_empty());
    assert!(event.body_html.contains("<p>"));
}

#[tokio::test]
async fn stories_without_standing_consent_are_never_public() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let stories: Page<StorySummary> = app.get_json("/api/v1/stories?per_page=100").await;
    let slugs: Vec<_> = stories
        .items
        .iter()
        .map(|s| s.meta.slug.to_string())
        .collect();
    assert!(slugs.contains(&"suma-leeds-wholefoods".to_owned()));
    assert!(
        !slugs.contains(&"erse-young-cooperators-tuscany".to_owned()),
        "no consent"
    );
    problem(
        app.get("/api/v1/stories/erse-young-cooperators-tuscany")
            .await,
        404,
    )
    .await;
    let hits: Page<cecop_shared::SearchHit> = app.get_json("/api/v1/search?q=erse").await;
    assert!(
        !hits
            .items
            .iter()
            .any(|h| h.slug.as_str() == "erse-young-cooperators-tuscany")
    );
    assert!(stories.items.iter().all(|s| s.meta.illustrative));
    let story: Story = app.get_json("/api/v1/stories/suma-leeds-wholefoods").await;
    assert_eq!(story.summary.cooperative, "Suma");
    assert!(story.summary.quote.is_some());
}

/// The body of a response, decoded from whatever coding it came in.
async fn decoded(res: reqwest::Response) -> (Option<String>, String, Vec<u8>) {
    let coding = res
        .headers()
        .get("content-encoding")
        .map(|v| v.to_str().unwrap().to_owned());
    let etag = res.headers()["etag"].to_str().unwrap().to_owned();
    let bytes = res.bytes().await.unwrap();
    let mut body = Vec::new();
    match coding.as_deref() {
        Some("br") => {
            brotli::BrotliDecompress(&mut &bytes[..], &mut body).unwrap();
        }
        Some("gzip") => {
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut body)
                .unwrap();
        }
        None => body = bytes.to_vec(),
        Some(other) => panic!("unexpected coding {other}"),
    }
    (coding, etag, body)
}

#[tokio::test]
async fn compressed_answers_carry_the_same_json_and_revalidate_across_codings() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let fetch = |path: &'static str, accept: Option<&'static str>| {
        let mut req = app.client.get(app.url(path));
        if let Some(accept) = accept {
            req = req.header("accept-encoding", accept);
        }
        req.send()
    };
    for (path, kept) in [
        ("/api/v1/articles?per_page=20", "br"),
        ("/api/v1/articles/cecop-snapshot-2022-2023", "gzip"),
        ("/api/v1/statistics?year=2023&group_by=country", "br"),
    ] {
        // Twice each: the first answer is computed, the second kept.
        for round in 0..2 {
            let (coding, plain_tag, plain) = decoded(fetch(path, None).await.unwrap()).await;
            assert_eq!(coding, None, "{path}: nothing asked, nothing encoded");
            let (coding, tag, body) =
                decoded(fetch(path, Some("gzip, deflate, br")).await.unwrap()).await;
            assert_eq!(coding.as_deref(), Some(kept), "{path} round {round}");
            assert_eq!(
                body, plain,
                "{path}: the coding changes the bytes, not the JSON"
            );
            assert_eq!(
                tag,
                format!("{}-{kept}\"", plain_tag.trim_end_matches('"')),
                "{path}: each coding has its own strong tag"
            );
            let (coding, _, body) = decoded(fetch(path, Some("gzip")).await.unwrap()).await;
            assert_eq!(coding.as_deref(), Some("gzip"), "{path}");
            assert_eq!(body, plain, "{path}");
            // A client holding the encoded copy revalidates it, whatever it asks now.
            let res = app
                .client
                .get(app.url(path))
                .header("If-None-Match", &tag)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 304, "{path}");
            assert!(!res.headers().contains_key("content-encoding"), "{path}");
        }
    }
    // Bodies that fit in a packet go out as they are.
    let res = fetch("/healthz", Some("gzip, br")).await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(!res.headers().contains_key("content-encoding"));
}

#[tokio::test]
async fn kept_item_answers_follow_changes_made_by_another_process() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let path = "/api/v1/articles/cecop-snapshot-2022-2023";
    let first: Article = app.get_json(path).await;
    assert!(first.members.iter().any(|m| m.slug.as_str() == "nuwpc"));
    let app = &app;
    let eventually = |check: fn(&Article) -> bool| async move {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        loop {
            let article: Article = app.get_json(path).await;
            if check(&article) {
                return true;
            }
            if std::time::Instant::now() > deadline {
                return false;
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
    };

    // A member organisation renamed behind the server's back...
    db.execute(
        "UPDATE members SET name = 'Renamed federation', updated_at = '2099-01-01 00:00:00' \
         WHERE slug = 'nuwpc'",
    );
    assert!(
        eventually(|a| a.members.iter().any(|m| m.name == "Renamed federation")).await,
        "the related member's new name shows"
    );
    // ...and the article itself retitled.
    db.execute(
        "UPDATE content_translations SET title = 'Retitled snapshot' WHERE lang = 'en' AND \
         content_id = (SELECT id FROM content_items WHERE slug = 'cecop-snapshot-2022-2023')",
    );
    db.execute(
        "UPDATE content_items SET updated_at = '2099-01-02 00:00:00' \
         WHERE slug = 'cecop-snapshot-2022-2023'",
    );
    assert!(
        eventually(|a| a.summary.meta.title == "Retitled snapshot").await,
        "the new title shows"
    );
}
