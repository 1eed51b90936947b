//! The editorial back office's writes: items created as drafts, saved
//! under `If-Match`, published, scheduled, unpublished, archived and
//! restored, with revisions, diffs, slug redirects and outdated
//! translations — each refusal a problem that changes nothing.

use std::time::Duration;

use cecop_shared::{
    Article, ArticleSummary, ContentStatus, EditorialItem, EditorialSummary, ItemRevision,
    ItemRevisionDetail, Page, Problem, ProblemKind, RevisionDiff, SaveAction, SearchHit,
    TranslationState,
};
use cecop_tests::{
    Session, SpawnOptions, TestApp, TestDatabase, create_admin, expect_problem as problem, sign_in,
};
use reqwest::{Method, Response};
use serde_json::{Value, json};

const ADMIN: &str = "admin@cecop.coop";
const PASSWORD: &str = "correct horse battery staple";

struct Desk {
    db: TestDatabase,
    app: TestApp,
}

impl Desk {
    /// A fresh platform with an admin, two editors and a member user.
    async fn new() -> Self {
        Self::with_env(Vec::new()).await
    }

    async fn with_env(extra_env: Vec<(String, String)>) -> Self {
        let db = TestDatabase::new();
        assert!(create_admin(&db, ADMIN, PASSWORD).0);
        let app = TestApp::spawn_with(
            &db,
            SpawnOptions {
                extra_env,
                ..SpawnOptions::default()
            },
        );
        let admin = sign_in(&app, ADMIN, PASSWORD).await;
        admin
            .create_users(&[
                json!({ "email": "ana@cecop.coop", "display_name": "Ana Editor", "role": "editor",
                        "password": PASSWORD }),
                json!({ "email": "ben@cecop.coop", "display_name": "Ben Editor", "role": "editor",
                        "password": PASSWORD }),
                json!({ "email": "staff@coceta.coop", "display_name": "COCETA", "role": "member",
                        "organisation": "coceta", "password": PASSWORD }),
            ])
            .await;
        Self { db, app }
    }

    async fn ana(&self) -> Session<'_> {
        sign_in(&self.app, "ana@cecop.coop", PASSWORD).await
    }

    async fn ben(&self) -> Session<'_> {
        sign_in(&self.app, "ben@cecop.coop", PASSWORD).await
    }
}

/// An article's document: English, and French when `fr` is given.
fn article(title: &str, fr: Option<&str>) -> Value {
    let mut translations = json!({
        "en": { "title": title, "summary": "A summary.", "body": "Worker **buyouts** save jobs." }
    });
    if let Some(fr) = fr {
        translations["fr"] = json!({ "title": fr, "summary": "Un résumé.",
                                     "body": "Les reprises **par les salariés**." });
    }
    json!({ "default_lang": "en", "translations": translations,
            "themes": ["entrepreneurship"], "article": { "kind": "news" } })
}

fn etag(res: &Response) -> String {
    res.headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// The item answer of a call that must succeed, with its `ETag`.
async fn answer(res: Response, status: u16) -> (EditorialItem, String) {
    let tag = etag(&res);
    let got = res.status().as_u16();
    let text = res.text().await.unwrap();
    assert_eq!(got, status, "{text}");
    let item: EditorialItem = serde_json::from_str(&text).unwrap();
    assert_eq!(tag, format!("\"v{}\"", item.version), "ETag is the version");
    (item, tag)
}

async fn create(s: &Session<'_>, collection: &str, body: Value) -> (EditorialItem, String) {
    let res = s
        .call(
            Method::POST,
            &format!("/api/v1/editorial/{collection}"),
            Some(body),
        )
        .await;
    answer(res, 201).await
}

fn path(item: &EditorialItem) -> String {
    format!("/api/v1/editorial/{}/{}", item.collection, item.id)
}

async fn patch(s: &Session<'_>, item: &EditorialItem, tag: &str, body: Value) -> Response {
    s.request(Method::PATCH, &path(item))
        .header("if-match", tag)
        .header("content-type", "application/merge-patch+json")
        .body(body.to_string())
        .send()
        .await
        .unwrap()
}

async fn act(
    s: &Session<'_>,
    item: &EditorialItem,
    action: &str,
    tag: &str,
    body: Option<Value>,
) -> Response {
    let mut request = s
        .request(Method::POST, &format!("{}/{action}", path(item)))
        .header("if-match", tag);
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.unwrap()
}

async fn read(s: &Session<'_>, item: &EditorialItem) -> (EditorialItem, String) {
    answer(s.call(Method::GET, &path(item), None).await, 200).await
}

/// Waits (up to 3 s) until `check` holds for what anonymous readers get.
async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let started = std::time::Instant::now();
    while !check().await {
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "not within 3 s: {what}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Whether anonymous readers find the article with this slug in the list,
/// its page, search and the Atom feed.
async fn public_everywhere(app: &TestApp, slug: &str, word: &str) -> [bool; 4] {
    let list: Page<ArticleSummary> = app.get_json("/api/v1/articles?per_page=100").await;
    let detail = app.get(&format!("/api/v1/articles/{slug}")).await.status() == 200;
    let hits: Page<SearchHit> = app.get_json(&format!("/api/v1/search?q={word}")).await;
    let feed = app
        .get("/api/v1/feeds/articles.atom")
        .await
        .text()
        .await
        .unwrap();
    [
        list.items.iter().any(|a| a.meta.slug.as_str() == slug),
        detail,
        hits.items.iter().any(|h| h.slug.as_str() == slug),
        feed.contains(&format!("/news/{slug}")),
    ]
}

#[tokio::test]
async fn an_article_is_drafted_published_everywhere_within_a_second_and_unpublished() {
    let desk = Desk::new().await;
    let ana = desk.ana().await;
    let (draft, tag) = create(
        &ana,
        "articles",
        article(
            "Zanzibar cooperatives grow",
            Some("Les coopératives de Zanzibar"),
        ),
    )
    .await;
    assert_eq!(draft.status, ContentStatus::Draft);
    assert_eq!(draft.document.slug.as_str(), "zanzibar-cooperatives-grow");
    assert_eq!(draft.created_by.as_deref(), Some("Ana Editor"));
    assert_eq!(draft.updated_by.as_deref(), Some("Ana Editor"));
    assert_eq!((draft.version, draft.publish_at), (1, None));
    assert!(!draft.ever_published);
    let states: Vec<(&str, TranslationState)> = draft
        .languages
        .iter()
        .map(|l| (l.lang.as_str(), l.state))
        .collect();
    assert_eq!(
        states,
        [
            ("en", TranslationState::Current),
            ("fr", TranslationState::Current),
            ("es", TranslationState::Missing),
            ("it", TranslationState::Missing)
        ]
    );
    // A draft is nowhere public.
    let slug = draft.document.slug.as_str();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(
        public_everywhere(&desk.app, slug, "zanzibar").await,
        [false; 4]
    );
    // The staff list has it, with its status and languages.
    let drafts: Page<EditorialSummary> = ana
        .json(
            Method::GET,
            "/api/v1/editorial/articles?status=draft&q=zanzib",
            None,
        )
        .await;
    assert_eq!(drafts.items.len(), 1, "{drafts:?}");
    assert_eq!(drafts.items[0].title, "Zanzibar cooperatives grow");
    assert_eq!(drafts.items[0].created_by.as_deref(), Some("Ana Editor"));
    // Imported content has no author in the back office.
    let imported: Page<EditorialSummary> = ana
        .json(
            Method::GET,
            "/api/v1/editorial/articles?status=published",
            None,
        )
        .await;
    assert!(!imported.items.is_empty());
    assert!(
        imported.items.iter().all(|i| i.created_by.is_none()),
        "{imported:?}"
    );

    let (published, tag) = answer(act(&ana, &draft, "publish", &tag, None).await, 200).await;
    assert_eq!(published.status, ContentStatus::Published);
    assert!(published.ever_published && published.publish_at.is_some());
    eventually("published everywhere", || async {
        public_everywhere(&desk.app, slug, "zanzibar").await == [true; 4]
    })
    .await;
    let french: Article = desk
        .app
        .get_json(&format!("/api/v1/articles/{slug}?lang=fr"))
        .await;
    assert_eq!(french.summary.meta.title, "Les coopératives de Zanzibar");
    assert!(
        french
            .body_html
            .contains("<strong>par les salariés</strong>")
    );

    let (back, _) = answer(act(&ana, &published, "unpublish", &tag, None).await, 200).await;
    assert_eq!(back.status, ContentStatus::Draft);
    eventually("gone everywhere", || async {
        public_everywhere(&desk.app, slug, "zanzibar").await == [false; 4]
    })
    .await;
    // Once published, a draft can no longer be deleted.
    let res = ana
        .request(Method::DELETE, &path(&back))
        .header("if-match", format!("\"v{}\"", back.version))
        .send()
        .await
        .unwrap();
    assert_eq!(problem(res, 409).await.errors[0].field, "status");
}

#[tokio::test]
async fn two_editors_never_overwrite_each_other() {
    let desk = Desk::new().await;
    let (ana, ben) = (desk.ana().await, desk.ben().await);
    let (draft, v1) = create(&ana, "articles", article("Care cooperatives", None)).await;
    // Without If-Match: 428, and nothing changes.
    let res = ana
        .request(Method::PATCH, &path(&draft))
        .json(&json!({ "country": "BE" }))
        .send()
        .await
        .unwrap();
    assert!(
        problem(res, 428)
            .await
            .is(ProblemKind::PreconditionRequired)
    );
    // Both read version 1; Ana saves first.
    let res = patch(
        &ana,
        &draft,
        &v1,
        json!({ "translations": { "en": { "title": "Ana's title" } } }),
    )
    .await;
    let (saved, v2) = answer(res, 200).await;
    assert_eq!(saved.version, 2);
    assert_eq!(
        saved.document.content.translations[&"en".parse().unwrap()].summary,
        "A summary."
    );
    // Ben's save over version 1 is refused, naming who saved since.
    let res = patch(
        &ben,
        &draft,
        &v1,
        json!({ "translations": { "en": { "title": "Ben's title" } } }),
    )
    .await;
    let stale: Problem = problem(res, 412).await;
    assert!(stale.is(ProblemKind::PreconditionFailed));
    let current = stale.current.expect("the current version");
    assert_eq!(
        (current.version, current.etag.as_str()),
        (Some(2), v2.as_str())
    );
    assert_eq!(current.saved_by.as_deref(), Some("Ana Editor"));
    let (now, _) = read(&ben, &draft).await;
    assert_eq!(
        now.document.content.translations[&"en".parse().unwrap()].title,
        "Ana's title"
    );
    // A weak tag never matches a write.
    let res = patch(&ben, &draft, &format!("W/{v2}"), json!({ "country": "BE" })).await;
    problem(res, 412).await;

    // Ten saves at once over the same version: exactly one wins.
    let mut attempts = tokio::task::JoinSet::new();
    for i in 0..10 {
        let request = ana
            .request(Method::PATCH, &path(&draft))
            .header("if-match", &v2)
            .json(&json!({ "tags": [format!("tag-{i}")] }));
        attempts.spawn(async move { request.send().await.unwrap().status().as_u16() });
    }
    let mut statuses = attempts.join_all().await;
    statuses.sort_unstable();
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| matches!(s, 200 | 412 | 409)),
        "{statuses:?}"
    );
    let revisions: Vec<ItemRevision> = ana
        .json(Method::GET, &format!("{}/revisions", path(&draft)), None)
        .await;
    assert_eq!(
        revisions.len(),
        3,
        "one revision per save that won: {revisions:?}"
    );
    // Status actions are guarded the same way.
    let res = act(&ben, &draft, "publish", &v1, None).await;
    problem(res, 412).await;
    // The tag of a compressed answer (what a browser hands over after a
    // gzip or brotli read) names the same version.
    let (latest, tag) = read(&ben, &draft).await;
    let gzip_tag = format!("{}-gzip\"", tag.trim_end_matches('"'));
    let res = act(&ben, &latest, "publish", &gzip_tag, None).await;
    let (published, _) = answer(res, 200).await;
    assert_eq!(published.version, latest.version + 1);
    let res = act(&ben, &latest, "unpublish", &gzip_tag, None).await;
    problem(res, 412).await;
}

#[tokio::test]
async fn status_actions_follow_the_workflow_and_refuse_the_rest_naming_the_status() {
    let desk = Desk::new().await;
    let ana = desk.ana().await;
    let (draft, mut tag) = create(&ana, "articles", article("Workflow", None)).await;
    let future = json!({ "local": "2031-05-01T09:00:00", "time_zone": "Europe/Brussels" });
    // (action, body, expected status after, or the 409).
    let steps: [(&str, Option<Value>, Result<ContentStatus, ContentStatus>); 14] = [
        ("unpublish", None, Err(ContentStatus::Draft)),
        ("restore", None, Err(ContentStatus::Draft)),
        (
            "schedule",
            Some(future.clone()),
            Ok(ContentStatus::Scheduled),
        ),
        (
            "schedule",
            Some(future.clone()),
            Ok(ContentStatus::Scheduled),
        ),
        ("restore", None, Err(ContentStatus::Scheduled)),
        ("unpublish", None, Ok(ContentStatus::Draft)),
        ("publish", None, Ok(ContentStatus::Published)),
        ("publish", None, Err(ContentStatus::Published)),
        (
            "schedule",
            Some(future.clone()),
            Err(ContentStatus::Published),
        ),
        ("restore", None, Err(ContentStatus::Published)),
        ("archive", None, Ok(ContentStatus::Archived)),
        ("archive", None, Err(ContentStatus::Archived)),
        ("publish", None, Err(ContentStatus::Archived)),
        ("restore", None, Ok(ContentStatus::Draft)),
    ];
    for (action, body, expected) in steps {
        let res = act(&ana, &draft, action, &tag, body).await;
        match expected {
            Ok(status) => {
                let (now, next) = answer(res, 200).await;
                assert_eq!(now.status, status, "{action}");
                tag = next;
            }
            Err(current) => {
                let refused = problem(res, 409).await;
                assert_eq!(refused.errors[0].field, "status", "{action}");
                assert!(
                    refused.errors[0].message.contains(current.as_str()),
                    "{action}: {refused:?}"
                );
            }
        }
    }
    let (now, _) = read(&ana, &draft).await;
    assert_eq!(now.version, 7, "one version per action taken");
    let revisions: Vec<ItemRevision> = ana
        .json(Method::GET, &format!("{}/revisions", path(&draft)), None)
        .await;
    let actions: Vec<SaveAction> = revisions.iter().rev().map(|r| r.action).collect();
    assert_eq!(
        actions,
        [
            SaveAction::Created,
            SaveAction::Scheduled,
            SaveAction::Scheduled,
            SaveAction::Unpublished,
            SaveAction::Published,
            SaveAction::Archived,
            SaveAction::Unarchived,
        ]
    );
    // Scheduling in the past is a 422 naming `local`; a zone that is not
    // one names `time_zone`.
    for (body, field) in [
        (
            json!({ "local": "2020-01-01T09:00:00", "time_zone": "Europe/Brussels" }),
            "local",
        ),
        (
            json!({ "local": "2031-01-01T09:00:00", "time_zone": "Mars/Olympus" }),
            "time_zone",
        ),
    ] {
        let res = act(&ana, &draft, "schedule", &tag, Some(body)).await;
        assert_eq!(problem(res, 422).await.errors[0].field, field);
    }
    // A draft never published may be deleted, with its revisions.
    let (fresh, fresh_tag) = create(&ana, "articles", article("Short-lived", None)).await;
    let res = ana
        .request(Method::DELETE, &path(&fresh))
        .header("if-match", &fresh_tag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    problem(ana.call(Method::GET, &path(&fresh), None).await, 404).await;
    assert_eq!(
        desk.db.count_rows(&format!(
            "content_revisions WHERE content_id = {}",
            fresh.id
        )),
        0
    );
}

#[tokio::test]
async fn revisions_keep_every_save_diff_any_two_and_restore_without_losing_newer_ones() {
    let desk = Desk::new().await;
    let (ana, ben) = (desk.ana().await, desk.ben().await);
    let (draft, v1) = create(&ana, "articles", article("First title", None)).await;
    let res = patch(
        &ana,
        &draft,
        &v1,
        json!({ "translations": { "en": { "body": "Worker buyouts save many jobs in Europe." } } }),
    )
    .await;
    let (_, v2) = answer(res, 200).await;
    let res = patch(
        &ben,
        &draft,
        &v2,
        json!({ "translations": { "en": { "title": "Second title" } },
                                                "country": "IT" }),
    )
    .await;
    let (_, v3) = answer(res, 200).await;
    let revisions: Vec<ItemRevision> = ana
        .json(Method::GET, &format!("{}/revisions", path(&draft)), None)
        .await;
    let summary: Vec<(i64, SaveAction, Option<&str>)> = revisions
        .iter()
        .map(|r| (r.number, r.action, r.saved_by.as_deref()))
        .collect();
    assert_eq!(
        summary,
        [
            (3, SaveAction::Edited, Some("Ben Editor")),
            (2, SaveAction::Edited, Some("Ana Editor")),
            (1, SaveAction::Created, Some("Ana Editor")),
        ]
    );
    assert_eq!(revisions[0].changed, ["country", "translations.en.title"]);
    assert_eq!(revisions[1].changed, ["translations.en.body"]);

    let diff: RevisionDiff = ana
        .json(
            Method::GET,
            &format!("{}/revisions/1/diff/3", path(&draft)),
            None,
        )
        .await;
    let fields: Vec<&str> = diff.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(
        fields,
        ["country", "translations.en.body", "translations.en.title"]
    );
    let title = &diff.changes[2];
    assert_eq!(
        (title.before.as_deref(), title.after.as_deref()),
        (Some("First title"), Some("Second title"))
    );
    let ops: Vec<(String, String)> = title
        .segments
        .iter()
        .map(|s| (s.op.to_string(), s.text.clone()))
        .collect();
    assert_eq!(
        ops,
        [
            ("delete".to_owned(), "First".to_owned()),
            ("insert".to_owned(), "Second".to_owned()),
            ("equal".to_owned(), " title".to_owned())
        ]
    );
    assert_eq!(diff.changes[0].before, None, "country was absent");
    let one: ItemRevisionDetail = ana
        .json(Method::GET, &format!("{}/revisions/1", path(&draft)), None)
        .await;
    assert_eq!(
        one.document.content.translations[&"en".parse().unwrap()].title,
        "First title"
    );

    // Restoring 1 is a new revision 4 equal to 1; 2 and 3 stay.
    let res = ana
        .request(
            Method::POST,
            &format!("{}/revisions/1/restore", path(&draft)),
        )
        .header("if-match", &v3)
        .send()
        .await
        .unwrap();
    let (restored, _) = answer(res, 200).await;
    assert_eq!(restored.version, 4);
    assert_eq!(restored.document, one.document);
    let revisions: Vec<ItemRevision> = ana
        .json(Method::GET, &format!("{}/revisions", path(&draft)), None)
        .await;
    assert_eq!(revisions.len(), 4);
    assert_eq!(revisions[0].action, SaveAction::Restored);
    let same: RevisionDiff = ana
        .json(
            Method::GET,
            &format!("{}/revisions/1/diff/4", path(&draft)),
            None,
        )
        .await;
    assert!(same.changes.is_empty(), "{same:?}");
    // Restoring needs the current version, like any save.
    let res = ana
        .request(
            Method::POST,
            &format!("{}/revisions/2/restore", path(&draft)),
        )
        .header("if-match", &v3)
        .send()
        .await
        .unwrap();
    problem(res, 412).await;
    for missing in ["revisions/9", "revisions/1/diff/9"] {
        let res = ana
            .call(Method::GET, &format!("{}/{missing}", path(&draft)), None)
            .await;
        problem(res, 404).await;
    }
}

#[tokio::test]
async fn a_published_items_old_slug_redirects_to_its_new_one() {
    let desk = Desk::new().await;
    let ana = desk.ana().await;
    let (draft, tag) = create(&ana, "articles", article("Old name", None)).await;
    assert_eq!(draft.document.slug.as_str(), "old-name");
    // A draft renamed leaves nothing behind.
    let res = patch(&ana, &draft, &tag, json!({ "slug": "draft-name" })).await;
    let (renamed, tag) = answer(res, 200).await;
    let (published, tag) = answer(act(&ana, &renamed, "publish", &tag, None).await, 200).await;
    let res = patch(&ana, &published, &tag, json!({ "slug": "new-name" })).await;
    let (moved, tag) = answer(res, 200).await;
    assert_eq!(moved.public_path, "/api/v1/articles/new-name");
    let res = desk.app.get("/api/v1/articles/draft-name?lang=fr").await;
    assert_eq!(res.status(), 308);
    assert_eq!(
        res.headers()["location"].to_str().unwrap(),
        "/api/v1/articles/new-name?lang=fr"
    );
    assert_eq!(
        desk.app.get("/api/v1/articles/old-name").await.status(),
        404
    );
    // Renamed again: the first old slug follows to the newest.
    let res = patch(&ana, &moved, &tag, json!({ "slug": "newest-name" })).await;
    let (_, tag) = answer(res, 200).await;
    for old in ["draft-name", "new-name"] {
        let res = desk.app.get(&format!("/api/v1/articles/{old}")).await;
        assert_eq!(res.status(), 308, "{old}");
        assert_eq!(
            res.headers()["location"].to_str().unwrap(),
            "/api/v1/articles/newest-name"
        );
    }
    // A slug another item has is a 409 naming it; a new item may take an
    // old slug, which then stops redirecting.
    let (other, other_tag) = create(&ana, "articles", article("Other", None)).await;
    let res = patch(&ana, &other, &other_tag, json!({ "slug": "newest-name" })).await;
    assert_eq!(problem(res, 409).await.errors[0].field, "slug");
    let res = ana
        .call(
            Method::POST,
            "/api/v1/editorial/articles",
            Some(json!({ "slug": "newest-name", "default_lang": "en",
                          "translations": { "en": { "title": "Taken" } }, "article": { "kind": "news" } })),
        )
        .await;
    assert_eq!(problem(res, 409).await.errors[0].field, "slug");
    let mut taker = article("Taker", None);
    taker["slug"] = json!("new-name");
    let (taker, _) = create(&ana, "articles", taker).await;
    assert_eq!(taker.document.slug.as_str(), "new-name");
    let res = desk.app.get("/api/v1/articles/new-name").await;
    assert_eq!(
        res.status(),
        404,
        "the taker is a draft; no redirect is left"
    );
    // An unpublished item's old slugs do not reveal where it went.
    let (current, _) = read(&ana, &moved).await;
    assert_eq!(current.version, 5);
    let res = act(&ana, &current, "unpublish", &tag, None).await;
    answer(res, 200).await;
    assert_eq!(
        desk.app.get("/api/v1/articles/draft-name").await.status(),
        404
    );
    // Two drafts made from one title get distinct slugs.
    let (a, _) = create(&ana, "articles", article("Same title", None)).await;
    let (b, _) = create(&ana, "articles", article("Same title", None)).await;
    assert_eq!(
        (a.document.slug.as_str(), b.document.slug.as_str()),
        ("same-title", "same-title-2")
    );
}

#[tokio::test]
async fn translations_written_before_the_default_text_changed_are_outdated() {
    let desk = Desk::new().await;
    let ana = desk.ana().await;
    let (draft, tag) = create(&ana, "articles", article("Original", Some("Original FR"))).await;
    let state = |item: &EditorialItem, lang: &str| {
        item.languages
            .iter()
            .find(|l| l.lang.as_str() == lang)
            .map(|l| l.state)
    };
    // Editing something else outdates nothing.
    let (edited, tag) = answer(
        patch(&ana, &draft, &tag, json!({ "country": "FR" })).await,
        200,
    )
    .await;
    assert_eq!(state(&edited, "fr"), Some(TranslationState::Current));
    // The English text changes: French is outdated, Spanish added later is not.
    let res = patch(
        &ana,
        &edited,
        &tag,
        json!({ "translations": { "en": { "body": "New text." } } }),
    )
    .await;
    let (changed, tag) = answer(res, 200).await;
    assert_eq!(state(&changed, "en"), Some(TranslationState::Current));
    assert_eq!(state(&changed, "fr"), Some(TranslationState::Outdated));
    let res = patch(
        &ana,
        &changed,
        &tag,
        json!({ "translations": { "es": { "title": "Nuevo" } } }),
    )
    .await;
    let (spanish, tag) = answer(res, 200).await;
    assert_eq!(state(&spanish, "es"), Some(TranslationState::Current));
    assert_eq!(state(&spanish, "fr"), Some(TranslationState::Outdated));
    assert_eq!(state(&spanish, "it"), Some(TranslationState::Missing));
    let list: Page<EditorialSummary> = ana
        .json(Method::GET, "/api/v1/editorial/articles", None)
        .await;
    assert_eq!(list.items[0].languages, spanish.languages);
    // Re-translated: current again. Removed: missing.
    let res = patch(
        &ana,
        &spanish,
        &tag,
        json!({ "translations": { "fr": { "body": "Nouveau texte." },
                                                                    "es": null } }),
    )
    .await;
    let (fixed, _) = answer(res, 200).await;
    assert_eq!(state(&fixed, "fr"), Some(TranslationState::Current));
    assert_eq!(state(&fixed, "es"), Some(TranslationState::Missing));
}

/// Rows of the tables a content write touches, to show a refusal wrote
/// nothing.
fn counts(db: &TestDatabase) -> Vec<i64> {
    [
        "content_items",
        "content_translations",
        "content_revisions",
        "content_redirects",
        "content_tags",
        "preview_links",
        "audit_log WHERE action LIKE 'content.%'",
    ]
    .iter()
    .map(|t| db.count_rows(t))
    .collect()
}

#[tokio::test]
async fn bad_items_are_refused_naming_the_field_and_change_nothing() {
    let desk = Desk::new().await;
    let ana = desk.ana().await;
    let (draft, tag) = create(&ana, "articles", article("Kept as is", None)).await;
    let before = counts(&desk.db);
    let (kept, _) = read(&ana, &draft).await;
    let long = "x".repeat(301);
    // (body, status, field named)
    let creates: Vec<(Value, u16, &str)> = vec![
        (
            json!({ "translations": {}, "article": { "kind": "news" } }),
            422,
            "translations.en",
        ),
        (
            json!({ "default_lang": "en", "translations": { "en": { "title": long } },
                 "article": { "kind": "news" } }),
            422,
            "translations.en.title",
        ),
        (
            json!({ "translations": { "en": { "title": "  " } }, "article": { "kind": "news" } }),
            422,
            "translations.en.title",
        ),
        (
            json!({ "translations": { "en": { "title": "x", "body": "[x](javascript:alert(1))" } },
                 "article": { "kind": "news" } }),
            422,
            "translations.en.body",
        ),
        (
            json!({ "translations": { "en": { "title": "x", "body": "a\u{0}b" } },
                 "article": { "kind": "news" } }),
            422,
            "translations.en.body",
        ),
        (
            json!({ "translations": { "en": { "title": "x" } }, "article": { "kind": "blog" } }),
            422,
            "article.kind",
        ),
        (
            json!({ "translations": { "en": { "title": "x" } }, "visibility": "secret",
                 "article": { "kind": "news" } }),
            422,
            "visibility",
        ),
        (
            json!({ "translations": { "en": { "title": "x" } } }),
            422,
            "article",
        ),
        (
            json!({ "translations": { "en": { "title": "x" } }, "article": { "kind": "news" },
                 "story": { "cooperative": "C" } }),
            422,
            "story",
        ),
        (
            json!({ "translations": { "en": { "title": "x" } }, "article": { "kind": "news" },
                 "colour": "red" }),
            422,
            "colour",
        ),
        (
            json!({ "translations": { "en": { "title": "x", "colour": "red" } },
                 "article": { "kind": "news" } }),
            422,
            "translations.en",
        ),
        (
            json!({ "translations": { "en": { "title": "x" } }, "article": { "kind": "news" },
                 "members": ["no-such-member"] }),
            422,
            "members",
        ),
        (
            json!({ "translations": { "en": { "title": "x" } }, "article": { "kind": "news" },
                 "slug": "Not A Slug" }),
            422,
            "slug",
        ),
        (
            json!({ "translations": { "en": { "title": "x" } }, "article": { "kind": "news" },
                 "slug": "kept-as-is" }),
            409,
            "slug",
        ),
        (
            json!({ "translations": { "en": { "title": "x" } }, "article": { "kind": "news" },
                 "tags": (0..21).map(|i| format!("t{i}")).collect::<Vec<_>>() }),
            422,
            "tags",
        ),
    ];
    for (body, status, field) in creates {
        let res = ana
            .call(
                Method::POST,
                "/api/v1/editorial/articles",
                Some(body.clone()),
            )
            .await;
        let refused = problem(res, status).await;
        assert!(
            refused.errors.iter().any(|e| e.field.starts_with(field)),
            "{body}: {refused:?}"
        );
    }
    let event = json!({ "translations": { "en": { "title": "Assembly" } },
        "event": { "kind": "conference", "starts_local": "2027-03-28T02:30:00",
                   "ends_local": "2027-03-28T05:00:00", "time_zone": "Europe/Brussels",
                   "online_url": "ftp://example.org" } });
    let res = ana
        .call(Method::POST, "/api/v1/editorial/events", Some(event))
        .await;
    let refused = problem(res, 422).await;
    let fields: Vec<&str> = refused.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        ["event.starts_local", "event.online_url"],
        "{refused:?}"
    );
    // Patches that leave a bad document.
    for (body, field) in [
        (json!({ "translations": { "en": null } }), "translations.en"),
        (json!({ "article": null }), "article"),
        (json!({ "event": { "kind": "webinar" } }), "event"),
        (
            json!({ "translations": { "en": { "summary": "y".repeat(1001) } } }),
            "translations.en.summary",
        ),
        (json!({ "themes": ["gardening"] }), "themes"),
        (json!({ "slug": 5 }), "slug"),
    ] {
        let res = patch(&ana, &draft, &tag, body.clone()).await;
        let refused = problem(res, 422).await;
        assert!(
            refused.errors.iter().any(|e| e.field.starts_with(field)),
            "{body}: {refused:?}"
        );
    }
    for raw in ["[1]", "\"text\"", "{"] {
        let res = ana
            .request(Method::PATCH, &path(&draft))
            .header("if-match", &tag)
            .header("content-type", "application/merge-patch+json")
            .body(raw)
            .send()
            .await
            .unwrap();
        problem(res, 400).await;
    }
    // Over the operation's limit: 413.
    let huge = json!({ "translations": { "en": { "body": "é".repeat(2_200_000) } } });
    let res = patch(&ana, &draft, &tag, huge).await;
    assert!(problem(res, 413).await.is(ProblemKind::PayloadTooLarge));
    // Unknown collection and ids.
    problem(
        ana.call(Method::GET, "/api/v1/editorial/pages/1", None)
            .await,
        404,
    )
    .await;
    problem(
        ana.call(Method::GET, "/api/v1/editorial/articles/0", None)
            .await,
        400,
    )
    .await;
    problem(
        ana.call(Method::GET, "/api/v1/editorial/events/1", None)
            .await,
        404,
    )
    .await;
    let res = ana
        .request(
            Method::POST,
            &format!("{}/publish", "/api/v1/editorial/articles/999999"),
        )
        .header("if-match", "*")
        .send()
        .await
        .unwrap();
    problem(res, 404).await;

    assert_eq!(counts(&desk.db), before, "refusals write nothing");
    let (after, _) = read(&ana, &draft).await;
    assert_eq!(after, kept);
}

#[tokio::test]
async fn the_back_office_refuses_everyone_but_editors_and_admins_and_writes_nothing() {
    let desk = Desk::new().await;
    let ana = desk.ana().await;
    let admin = sign_in(&desk.app, ADMIN, PASSWORD).await;
    // Admins edit too.
    let (draft, tag) = create(&admin, "articles", article("By an admin", None)).await;
    let member = sign_in(&desk.app, "staff@coceta.coop", PASSWORD).await;
    let org_token = member.organisation_token().await;
    let reader = admin.reader_token().await;
    let anonymous = Session::anonymous(&desk.app);
    let item = path(&draft);
    let body = article("Intruder", None);
    let schedule = json!({ "local": "2031-05-01T09:00:00", "time_zone": "Europe/Brussels" });
    let routes: Vec<(Method, String, Option<Value>)> = vec![
        (Method::GET, "/api/v1/editorial/articles".into(), None),
        (
            Method::POST,
            "/api/v1/editorial/articles".into(),
            Some(body.clone()),
        ),
        (Method::GET, item.clone(), None),
        (
            Method::PATCH,
            item.clone(),
            Some(json!({ "country": "BE" })),
        ),
        (Method::DELETE, item.clone(), None),
        (Method::POST, format!("{item}/publish"), None),
        (Method::POST, format!("{item}/schedule"), Some(schedule)),
        (Method::POST, format!("{item}/unpublish"), None),
        (Method::POST, format!("{item}/archive"), None),
        (Method::POST, format!("{item}/restore"), None),
        (Method::GET, format!("{item}/revisions"), None),
        (Method::GET, format!("{item}/revisions/1"), None),
        (Method::GET, format!("{item}/revisions/1/diff/1"), None),
        (Method::POST, format!("{item}/revisions/1/restore"), None),
        (Method::GET, format!("{item}/preview"), None),
        (Method::GET, format!("{item}/preview-links"), None),
        (
            Method::POST,
            format!("{item}/preview-links"),
            Some(json!({ "hours": 2 })),
        ),
        (Method::DELETE, format!("{item}/preview-links/1"), None),
    ];
    let before = counts(&desk.db);
    for (method, route, body) in &routes {
        for (who, caller, status) in [
            ("anonymous", &anonymous, 401),
            ("member user", &member, 403),
            ("the organisation's token", &org_token, 403),
            ("integrator token", &reader, 403),
        ] {
            let mut request = caller
                .request(method.clone(), route)
                .header("if-match", &tag);
            if let Some(body) = body {
                request = request.json(body);
            }
            let res = request.send().await.unwrap();
            assert_eq!(res.status(), status, "{who}: {method} {route}");
            problem(res, status).await;
        }
    }
    assert_eq!(counts(&desk.db), before, "refused calls write nothing");
    // Editors and admins get through the same routes.
    for (method, route, _) in routes.iter().filter(|(m, _, _)| *m == Method::GET) {
        for caller in [&ana, &admin] {
            let res = caller.call(method.clone(), route, None).await;
            assert_eq!(res.status(), 200, "{method} {route}");
        }
    }
}

#[tokio::test]
async fn a_scheduled_item_goes_public_at_its_time_across_a_daylight_saving_change() {
    let desk = Desk::new().await;
    let ana = desk.ana().await;
    let (draft, tag) = create(&ana, "articles", article("Spring forward", None)).await;
    // 02:30 on 28 March 2027 does not exist in Brussels (clocks go from
    // 02:00 to 03:00).
    let skipped = json!({ "local": "2027-03-28T02:30:00", "time_zone": "Europe/Brussels" });
    let res = act(&ana, &draft, "schedule", &tag, Some(skipped)).await;
    assert_eq!(problem(res, 422).await.errors[0].field, "local");
    // 02:30 on 31 October 2027 happens twice; the first is meant (CEST).
    let repeated = json!({ "local": "2027-10-31T02:30:00", "time_zone": "Europe/Brussels" });
    let res = act(&ana, &draft, "schedule", &tag, Some(repeated)).await;
    let (autumn, tag) = answer(res, 200).await;
    assert_eq!(
        autumn.publish_at.unwrap().to_rfc3339(),
        "2027-10-31T00:30:00+00:00"
    );
    // Rescheduled to 03:30 Brussels time, just after the spring change:
    // 01:30 UTC (CEST, +2), not 02:30 (CET, +1).
    let spring = json!({ "local": "2027-03-28T03:30:00", "time_zone": "Europe/Brussels" });
    let (scheduled, _) = answer(act(&ana, &draft, "schedule", &tag, Some(spring)).await, 200).await;
    let at = scheduled.publish_at.unwrap();
    assert_eq!(at.to_rfc3339(), "2027-03-28T01:30:00+00:00");
    assert_eq!(scheduled.publish_zone.as_deref(), Some("Europe/Brussels"));
    assert_eq!(scheduled.status, ContentStatus::Scheduled);
    let slug = scheduled.document.slug.as_str();
    assert_eq!(
        public_everywhere(&desk.app, slug, "spring").await,
        [false; 4]
    );
    // Instances whose clocks read a minute before and a minute after.
    let offset = |seconds: i64| (at - chrono::Utc::now()).num_seconds() + seconds;
    for (shift, public) in [(-60, false), (60, true)] {
        let other = TestApp::spawn_with(
            &desk.db,
            SpawnOptions {
                extra_env: vec![("CECOP_CLOCK_OFFSET".into(), offset(shift).to_string())],
                ..SpawnOptions::default()
            },
        );
        assert_eq!(
            public_everywhere(&other, slug, "spring").await,
            [public; 4],
            "{shift} s from the scheduled time"
        );
    }
}

#[tokio::test]
async fn drafts_are_previewed_as_published_and_shared_by_links_that_expire_or_are_revoked() {
    let desk = Desk::new().await;
    let ana = desk.ana().await;
    let mut body = article("Preview me", Some("Aperçu"));
    body["translations"]["en"]["body"] =
        json!("## Heading\n\n<script>alert(1)</script>[site](https://cecop.coop)");
    let (draft, tag) = create(&ana, "articles", body).await;
    // The editor's own preview of the draft, in the language asked for.
    let res = ana
        .call(
            Method::GET,
            &format!("{}/preview?lang=fr", path(&draft)),
            None,
        )
        .await;
    assert_eq!(res.headers()["x-robots-tag"], "noindex, nofollow");
    let french: Article = res.json().await.unwrap();
    assert_eq!(french.summary.meta.title, "Aperçu");
    let english: Article = ana
        .json(Method::GET, &format!("{}/preview", path(&draft)), None)
        .await;
    assert!(
        !english.body_html.contains("<script"),
        "{}",
        english.body_html
    );

    // A link for a colleague without an account.
    let made = ana
        .call(
            Method::POST,
            &format!("{}/preview-links", path(&draft)),
            Some(json!({ "hours": 2 })),
        )
        .await;
    assert_eq!(made.status(), 201);
    let made: cecop_shared::CreatedPreviewLink = made.json().await.unwrap();
    assert!(made.token.starts_with("cecop_pv_") && made.token.len() > 50);
    assert_eq!(made.path, format!("/preview/{}", made.token));
    let shared = format!("/api/v1/preview/{}", made.token);
    let res = desk.app.get(&shared).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let seen: Article = res.json().await.unwrap();
    assert_eq!(seen, english, "the link shows what the editor previews");
    // It shows the item as it is at each visit.
    let res = patch(
        &ana,
        &draft,
        &tag,
        json!({ "translations": { "en": { "title": "Renamed" } } }),
    )
    .await;
    answer(res, 200).await;
    let seen: Article = desk.app.get_json(&shared).await;
    assert_eq!(seen.summary.meta.title, "Renamed");
    // Published, the article reads exactly as previewed.
    let (now, tag) = read(&ana, &draft).await;
    answer(act(&ana, &now, "publish", &tag, None).await, 200).await;
    let preview: Article = ana
        .json(Method::GET, &format!("{}/preview", path(&draft)), None)
        .await;
    let public: Article = desk
        .app
        .get_json(&format!("/api/v1/articles/{}", now.document.slug))
        .await;
    assert_eq!(public, preview);

    // Two hours later, on an instance whose clock says so, the link is gone.
    let later = TestApp::spawn_with(
        &desk.db,
        SpawnOptions {
            extra_env: vec![("CECOP_CLOCK_OFFSET".into(), (2 * 3600 + 60).to_string())],
            ..SpawnOptions::default()
        },
    );
    assert_eq!(later.get(&shared).await.status(), 404);
    assert_eq!(desk.app.get(&shared).await.status(), 200);
    // Revoked, it stops at once; listed, it shows no token.
    let links: Vec<cecop_shared::PreviewLink> = ana
        .json(
            Method::GET,
            &format!("{}/preview-links", path(&draft)),
            None,
        )
        .await;
    assert_eq!(links.len(), 1);
    assert!(links[0].active);
    assert_eq!(links[0].created_by.as_deref(), Some("Ana Editor"));
    let listed = ana
        .call(
            Method::GET,
            &format!("{}/preview-links", path(&draft)),
            None,
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(!listed.contains(&made.token));
    let revoke = format!("{}/preview-links/{}", path(&draft), links[0].id);
    assert_eq!(ana.call(Method::DELETE, &revoke, None).await.status(), 204);
    problem(desk.app.get(&shared).await, 404).await;
    problem(ana.call(Method::DELETE, &revoke, None).await, 404).await;
    let links: Vec<cecop_shared::PreviewLink> = ana
        .json(
            Method::GET,
            &format!("{}/preview-links", path(&draft)),
            None,
        )
        .await;
    assert!(!links[0].active && links[0].revoked_at.is_some());
    // Forged and malformed tokens, and bad lengths, are refused alike.
    for token in [
        "cecop_pv_0000000000000000000000000000000000000000000",
        "nope",
        "%00",
    ] {
        problem(desk.app.get(&format!("/api/v1/preview/{token}")).await, 404).await;
    }
    for hours in [0, 721] {
        let res = ana
            .call(
                Method::POST,
                &format!("{}/preview-links", path(&draft)),
                Some(json!({ "hours": hours })),
            )
            .await;
        assert_eq!(problem(res, 422).await.errors[0].field, "hours");
    }
    assert_eq!(desk.db.count_rows("preview_links"), 1);
}
