//! Admins administer the member organisations: create, edit every field
//! (translated descriptions included) under `If-Match`, and deactivate —
//! each refusal a problem that writes nothing.

use std::time::Duration;

use cecop_shared::{Article, Member, Overview, Page, ProblemKind, SearchHit};
use cecop_tests::{
    Session, TestApp, TestDatabase, create_admin, expect_problem as problem, sign_in,
};
use reqwest::{Method, Response};
use serde_json::{Value, json};

const ADMIN: &str = "admin@cecop.coop";
const PASSWORD: &str = "correct horse battery staple";

async fn setup() -> (TestDatabase, TestApp) {
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

fn new_member() -> Value {
    json!({ "name": "Suomen Osuustoiminta", "acronym": "SOT", "country": "FI",
            "kind": "national_federation", "membership": "full", "joined_year": 2021,
            "website": "https://example.fi", "description": "Worker cooperatives of Finland.",
            "descriptions": { "fr": "Les coopératives de travail de Finlande." },
            "sectors": ["industry", "services"], "illustrative": true,
            "network_contact": "network@example.fi",
            "figures": { "reference_year": 2024, "cooperatives": 120, "workers": 3000,
                         "provenance": "illustrative" } })
}

fn etag(res: &Response) -> String {
    res.headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

async fn member_patch(s: &Session<'_>, slug: &str, tag: &str, body: Value) -> Response {
    s.request(Method::PATCH, &format!("/api/v1/members/{slug}"))
        .header("if-match", tag)
        .header("content-type", "application/merge-patch+json")
        .body(body.to_string())
        .send()
        .await
        .unwrap()
}

async fn overview(app: &TestApp) -> Overview {
    app.get_json("/api/v1/overview").await
}

#[tokio::test]
async fn admins_create_edit_and_deactivate_members_seen_everywhere_at_once() {
    let (_db, app) = setup().await;
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let before = overview(&app).await;
    let res = admin
        .call(Method::POST, "/api/v1/members", Some(new_member()))
        .await;
    assert_eq!(res.status(), 201);
    assert_eq!(
        res.headers()["location"],
        "/api/v1/members/suomen-osuustoiminta"
    );
    let tag = etag(&res);
    let created: Member = res.json().await.unwrap();
    assert_eq!(created.slug.as_str(), "suomen-osuustoiminta");
    assert_eq!(
        created.descriptions[&"fr".parse().unwrap()],
        "Les coopératives de travail de Finlande."
    );
    assert_eq!(
        created.network_contact.as_deref(),
        Some("network@example.fi")
    );
    // The directory, its counts and search have it at once.
    let listed: Page<Member> = app.get_json("/api/v1/members?per_page=100").await;
    assert!(listed.items.iter().any(|m| m.slug == created.slug));
    let public: Member = app.get_json("/api/v1/members/suomen-osuustoiminta").await;
    assert_eq!(
        public.network_contact, None,
        "members-only stays members-only"
    );
    assert_eq!(overview(&app).await.member_count, before.member_count + 1);
    let hits: Page<SearchHit> = app.get_json("/api/v1/search?q=osuustoiminta").await;
    assert_eq!(hits.items.len(), 1);

    // The tag of the admin's own read is the one to send back.
    let read = admin
        .call(Method::GET, "/api/v1/members/suomen-osuustoiminta", None)
        .await;
    assert_eq!(etag(&read), tag);
    let res = member_patch(
        &admin,
        "suomen-osuustoiminta",
        &tag,
        json!({ "descriptions": { "fr": null, "es": "Cooperativas de trabajo de Finlandia." },
                "website": null }),
    )
    .await;
    assert_eq!(res.status(), 200);
    let tag2 = etag(&res);
    let edited: Member = res.json().await.unwrap();
    let langs: Vec<&str> = edited.descriptions.keys().map(|l| l.as_str()).collect();
    assert_eq!(langs, ["es"]);
    assert_eq!(
        (edited.website, edited.acronym.as_deref()),
        (None, Some("SOT"))
    );
    // The old tag is stale now; none at all is a 428.
    let res = member_patch(
        &admin,
        "suomen-osuustoiminta",
        &tag,
        json!({ "acronym": "X" }),
    )
    .await;
    let stale = problem(res, 412).await;
    assert_eq!(stale.current.map(|c| c.etag), Some(tag2.clone()));
    let res = admin
        .request(Method::PATCH, "/api/v1/members/suomen-osuustoiminta")
        .json(&json!({ "acronym": "X" }))
        .send()
        .await
        .unwrap();
    assert!(
        problem(res, 428)
            .await
            .is(ProblemKind::PreconditionRequired)
    );

    // Deactivated: kept, but out of the active directory and the counts.
    let res = member_patch(
        &admin,
        "suomen-osuustoiminta",
        &tag2,
        json!({ "status": "former" }),
    )
    .await;
    assert_eq!(res.status(), 200);
    let listed: Page<Member> = app.get_json("/api/v1/members?per_page=100").await;
    assert!(!listed.items.iter().any(|m| m.slug == created.slug));
    let former: Page<Member> = app.get_json("/api/v1/members?status=former").await;
    assert!(former.items.iter().any(|m| m.slug == created.slug));
    assert_eq!(overview(&app).await.member_count, before.member_count);
    let kept: Member = app.get_json("/api/v1/members/suomen-osuustoiminta").await;
    assert_eq!(kept.status, cecop_shared::MemberStatus::Former);
}

#[tokio::test]
async fn a_members_new_name_shows_on_its_content_at_once() {
    let (_db, app) = setup().await;
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let editor = sign_in(&app, "editor@cecop.coop", PASSWORD).await;
    let res = editor
        .call(
            Method::POST,
            "/api/v1/editorial/articles",
            Some(
                json!({ "translations": { "en": { "title": "About COCETA" } },
                          "members": ["coceta"], "article": { "kind": "news" } }),
            ),
        )
        .await;
    assert_eq!(res.status(), 201);
    let tag = etag(&res);
    let item: cecop_shared::EditorialItem = res.json().await.unwrap();
    let res = editor
        .request(
            Method::POST,
            &format!("/api/v1/editorial/articles/{}/publish", item.id),
        )
        .header("if-match", tag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let path = "/api/v1/articles/about-coceta";
    let _: Article = app.get_json(path).await;
    let read = admin
        .call(Method::GET, "/api/v1/members/coceta", None)
        .await;
    let tag = etag(&read);
    let res = member_patch(&admin, "coceta", &tag, json!({ "name": "COCETA, renamed" })).await;
    assert_eq!(res.status(), 200);
    let started = std::time::Instant::now();
    loop {
        let article: Article = app.get_json(path).await;
        if article.members.iter().any(|m| m.name == "COCETA, renamed") {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            article.members
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn member_writes_refuse_everyone_but_admins_and_bad_input_changing_nothing() {
    let (db, app) = setup().await;
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let editor = sign_in(&app, "editor@cecop.coop", PASSWORD).await;
    let member = sign_in(&app, "staff@coceta.coop", PASSWORD).await;
    let org_token = member.organisation_token().await;
    let reader = admin.reader_token().await;
    let anonymous = Session::anonymous(&app);
    let tag = etag(
        &admin
            .call(Method::GET, "/api/v1/members/coceta", None)
            .await,
    );
    let tables = [
        "members",
        "member_descriptions",
        "audit_log WHERE action LIKE 'member.%'",
    ];
    let counts = || tables.iter().map(|t| db.count_rows(t)).collect::<Vec<_>>();
    let before = counts();
    let unchanged = admin
        .call(Method::GET, "/api/v1/members/coceta", None)
        .await
        .text()
        .await
        .unwrap();
    for (who, caller, status) in [
        ("anonymous", &anonymous, 401),
        ("editor", &editor, 403),
        ("member user", &member, 403),
        ("the organisation's token", &org_token, 403),
        ("integrator token", &reader, 403),
    ] {
        let res = caller
            .call(Method::POST, "/api/v1/members", Some(new_member()))
            .await;
        assert_eq!(res.status(), status, "{who}: POST");
        problem(res, status).await;
        let res = member_patch(caller, "coceta", &tag, json!({ "name": "Taken over" })).await;
        assert_eq!(res.status(), status, "{who}: PATCH");
        problem(res, status).await;
    }
    let mut bad_creates = Vec::new();
    for (field, value) in [
        ("name", json!("  ")),
        ("website", json!("ftp://example.fi")),
        ("joined_year", json!(1800)),
        ("slug", json!("coceta")),
        ("slug", json!("Not A Slug")),
        ("kind", json!("club")),
        ("country", json!("XX")),
        ("descriptions", json!({ "en": "English is description" })),
        (
            "figures",
            json!({ "workers": -1, "provenance": "confirmed" }),
        ),
        ("description", json!("x".repeat(2001))),
    ] {
        let mut body = new_member();
        body[field] = value;
        bad_creates.push((field, body));
    }
    for (field, body) in bad_creates {
        let res = admin
            .call(Method::POST, "/api/v1/members", Some(body))
            .await;
        let status = if field == "slug" && res.status() == 409 {
            409
        } else {
            422
        };
        let refused = problem(res, status).await;
        assert!(
            refused.errors.iter().any(|e| e.field.starts_with(field)),
            "{field}: {refused:?}"
        );
    }
    let mut unknown = new_member();
    unknown["colour"] = json!("red");
    problem(
        admin
            .call(Method::POST, "/api/v1/members", Some(unknown))
            .await,
        422,
    )
    .await;
    for body in [
        json!({ "slug": "renamed" }),
        json!({ "status": "gone" }),
        json!({ "name": "" }),
        json!({ "figures": { "cooperatives": -5, "provenance": "confirmed" } }),
    ] {
        let res = member_patch(&admin, "coceta", &tag, body.clone()).await;
        problem(res, 422).await;
    }
    problem(
        member_patch(&admin, "no-such-member", &tag, json!({})).await,
        404,
    )
    .await;
    assert_eq!(counts(), before, "refusals write nothing");
    let after = admin
        .call(Method::GET, "/api/v1/members/coceta", None)
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(after, unchanged);

    // Eight saves at once over one tag: exactly one wins.
    let mut attempts = tokio::task::JoinSet::new();
    for i in 0..8 {
        let request = admin
            .request(Method::PATCH, "/api/v1/members/coceta")
            .header("if-match", &tag)
            .json(&json!({ "acronym": format!("C{i}") }));
        attempts.spawn(async move { request.send().await.unwrap().status().as_u16() });
    }
    let statuses = attempts.join_all().await;
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| matches!(s, 200 | 412 | 409)),
        "{statuses:?}"
    );
}
