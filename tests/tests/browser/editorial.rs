//! The editorial back office in the browser: an editor writes an article in
//! English and French with the server's live preview beside the text, a
//! second editor's save in between brings up the conflict screen (nothing
//! lost: their text is shown, the first editor keeps theirs and the
//! revisions hold both), a revision is restored, unsaved edits survive a
//! reload, a preview link shows the scheduled article to someone without an
//! account until it is revoked, and the article appears on `/news` once the
//! clock passes its time; axe on every page.

use cecop_shared::EditorialItem;
use cecop_tests::browser::{
    assert_accessible, axe_source, click, fill, sign_in_form, wait_find, wait_text, wait_url,
    with_browser,
};
use cecop_tests::{SpawnOptions, TestApp, TestDatabase};
use serde_json::json;

use super::{ADMIN_EMAIL, ADMIN_PASSWORD, admin_with_spa, api_token, spa_dir};

const ANA: &str = "ana@cecop.coop";
const BEN: &str = "ben@cecop.coop";
const PASSWORD: &str = "inkwell-meadow-2026";

/// Sets a field's value as a person would type it, for inputs WebDriver
/// cannot type into the same way everywhere (`datetime-local`).
async fn set_value(c: &fantoccini::Client, css: &str, value: &str) {
    wait_find(c, css).await;
    c.execute(
        "const el = document.querySelector(arguments[0]); el.value = arguments[1]; \
         el.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![json!(css), json!(value)],
    )
    .await
    .unwrap();
}

/// The item as the API has it now, read with `token`.
async fn stored(app: &TestApp, token: &str, path: &str) -> EditorialItem {
    let res = app
        .client
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

#[tokio::test]
async fn editors_write_translate_resolve_a_conflict_restore_and_schedule_an_article() {
    let db = TestDatabase::new();
    let app = admin_with_spa(&db);
    let admin = api_token(&app, ADMIN_EMAIL, ADMIN_PASSWORD).await;
    for (email, name) in [(ANA, "Ana Editor"), (BEN, "Ben Editor")] {
        let res = app
            .client
            .post(app.url("/api/v1/users"))
            .bearer_auth(&admin)
            .json(
                &json!({ "email": email, "display_name": name, "role": "editor",
                           "password": PASSWORD }),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
    }
    let ben = api_token(&app, BEN, PASSWORD).await;
    let axe = axe_source();

    with_browser(|c| async move {
        c.goto(&app.url("/login?next=/admin/content"))
            .await
            .unwrap();
        sign_in_form(&c, ANA, PASSWORD).await;
        wait_url(&c, |u| u.path() == "/admin/content").await;
        wait_find(&c, "[data-testid=content-row]").await;
        assert_accessible(&c, &axe, "/admin/content").await;

        // A new article, with the server's preview beside the text.
        click(&c, "[data-testid=content-new]").await;
        wait_url(&c, |u| u.path() == "/admin/content/articles/new").await;
        fill(&c, "#item-title", "Zanzibar worker buyouts").await;
        fill(&c, "#item-summary", "Workers take over their firms.").await;
        fill(
            &c,
            "#item-body",
            "Worker **buyouts** keep jobs.\n\n<script>alert(1)</script>",
        )
        .await;
        wait_text(&c, "[data-testid=editor-preview]", |t| {
            t.contains("buyouts keep jobs")
        })
        .await;
        let preview = c
            .execute(
                "return document.querySelector('[data-testid=editor-preview]').innerHTML;",
                vec![],
            )
            .await
            .unwrap();
        let preview = preview.as_str().unwrap_or_default().to_owned();
        assert!(preview.contains("<strong>buyouts</strong>"), "{preview}");
        assert!(!preview.contains("<script"), "{preview}");
        assert_accessible(&c, &axe, "the editor, a new article").await;
        click(&c, "[data-testid=editor-save]").await;
        let url = wait_url(&c, |u| {
            u.path().starts_with("/admin/content/articles/") && !u.path().ends_with("/new")
        })
        .await;
        let id: i64 = url.path().rsplit('/').next().unwrap().parse().unwrap();
        wait_find(&c, "[data-testid=editor-status][data-status=draft]").await;
        wait_text(&c, "[data-testid=editor-status]", |t| t.contains("1")).await;

        // French, in its own tab; English stays as written.
        click(&c, ".lang-tab[data-lang=fr]").await;
        fill(&c, "#item-title", "Reprises par les salariés à Zanzibar").await;
        fill(&c, "#item-body", "Les **reprises** gardent les emplois.").await;
        wait_text(&c, "[data-testid=editor-preview]", |t| {
            t.contains("gardent")
        })
        .await;
        click(&c, "[data-testid=editor-save]").await;
        wait_find(&c, "[data-testid=editor-saved]").await;
        wait_find(&c, ".lang-badge[data-lang=fr][data-state=current]").await;
        assert_accessible(&c, &axe, "the editor, French").await;

        // Unsaved edits survive a reload.
        click(&c, ".lang-tab[data-lang=en]").await;
        fill(&c, "#item-summary", "Kept across a reload.").await;
        wait_find(&c, "[data-testid=editor-unsaved]").await;
        c.refresh().await.unwrap();
        wait_find(&c, ".notice").await;
        let summary = wait_find(&c, "#item-summary").await;
        assert_eq!(
            summary.prop("value").await.unwrap().as_deref(),
            Some("Kept across a reload.")
        );

        // Ben saves in between; Ana's save meets the conflict screen.
        let item_path = format!("/api/v1/editorial/articles/{id}");
        let etag = format!("\"v{}\"", stored(&app, &ben, &item_path).await.version);
        let res = app
            .client
            .patch(app.url(&item_path))
            .bearer_auth(&ben)
            .header("if-match", etag)
            .json(&json!({ "translations": { "en": { "title": "Ben's better title" } } }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        click(&c, "[data-testid=editor-save]").await;
        wait_text(&c, "[data-testid=conflict-theirs]", |t| {
            t.contains("Ben's better title")
        })
        .await;
        wait_text(&c, "[data-testid=conflict]", |t| t.contains("Ben Editor")).await;
        assert_accessible(&c, &axe, "the conflict screen").await;
        click(&c, "[data-testid=conflict-keep-mine]").await;
        wait_find(&c, "[data-testid=editor-saved]").await;
        let saved = stored(&app, &ben, &item_path).await;
        let en = &saved.document.content.translations[&"en".parse().unwrap()];
        assert_eq!(en.summary, "Kept across a reload.");
        assert_eq!(
            saved.version, 4,
            "Ben's save is a revision of its own: {saved:?}"
        );

        // A revision restored: Ben's title comes back, as a new revision.
        wait_find(&c, "[data-testid=revision][data-number='3']").await;
        click(
            &c,
            "[data-testid=revision][data-number='3'] [data-testid=revision-restore]",
        )
        .await;
        click(&c, "[data-testid=revision-restore-confirm]").await;
        wait_text(&c, "[data-testid=editor-heading]", |t| {
            t.contains("Ben's better title")
        })
        .await;
        wait_text(&c, "[data-testid=editor-status]", |t| t.contains("5")).await;
        click(&c, "[data-testid=revision-5-diff]").await;
        wait_find(&c, "[data-testid=revision-diff] ins").await;
        assert_accessible(&c, &axe, "the editor's revisions").await;

        // Scheduled for a day in 2031, Brussels time.
        set_value(&c, "#schedule-local", "2031-05-01T09:00").await;
        let zone = wait_find(&c, "#schedule-zone").await;
        zone.select_by_value("Europe/Brussels").await.unwrap();
        click(&c, "[data-testid=action-schedule]").await;
        wait_find(&c, "[data-testid=editor-status][data-status=scheduled]").await;
        wait_text(&c, "[data-testid=scheduled-for]", |t| {
            t.contains("Europe/Brussels")
        })
        .await;
        let scheduled = stored(&app, &ben, &item_path).await;
        let at = scheduled.publish_at.unwrap();
        assert_eq!(at.to_rfc3339(), "2031-05-01T07:00:00+00:00");

        // A preview link for a colleague without an account: it shows the
        // scheduled article, marked as not public, until it is revoked.
        click(&c, "[data-testid=share-make]").await;
        let link = wait_find(&c, "[data-testid=share-link]").await;
        let url = link.prop("value").await.unwrap().unwrap_or_default();
        assert!(url.contains("/preview/cecop_pv_"), "{url}");
        wait_find(&c, "[data-testid=share-row][data-active=true]").await;
        assert_accessible(&c, &axe, "the editor, sharing a preview").await;
        let editor_url = c.current_url().await.unwrap();
        c.goto(&url).await.unwrap();
        wait_find(&c, "[data-testid=preview-banner]").await;
        wait_text(&c, "main", |t| t.contains("Ben's better title")).await;
        assert_accessible(&c, &axe, "a shared preview").await;
        c.goto(editor_url.as_str()).await.unwrap();
        click(&c, "[data-testid=share-revoke]").await;
        wait_find(&c, "[data-testid=share-row][data-active=false]").await;
        c.goto(&url).await.unwrap();
        wait_find(&c, ".not-found").await;
        assert!(
            c.find(fantoccini::Locator::Css("[data-testid=preview-banner]"))
                .await
                .is_err()
        );

        // Not on /news yet; on an instance whose clock has passed it, it is.
        c.goto(&app.url("/news")).await.unwrap();
        wait_text(&c, "[data-testid=article-total]", |t| !t.is_empty()).await;
        let now = c.source().await.unwrap();
        assert!(!now.contains("Ben's better title"));
        let later = TestApp::spawn_with(
            &db,
            SpawnOptions {
                static_dir: Some(spa_dir()),
                extra_env: vec![(
                    "CECOP_CLOCK_OFFSET".into(),
                    ((at - chrono::Utc::now()).num_seconds() + 60).to_string(),
                )],
            },
        );
        c.goto(&later.url("/news")).await.unwrap();
        wait_text(&c, "main", |t| t.contains("Ben's better title")).await;
    })
    .await;
}

#[tokio::test]
async fn an_admin_creates_a_member_organisation_that_appears_in_the_directory_and_retires_it() {
    let db = TestDatabase::new();
    let app = admin_with_spa(&db);
    let axe = axe_source();
    with_browser(|c| async move {
        c.goto(&app.url("/login?next=/admin/members"))
            .await
            .unwrap();
        sign_in_form(&c, ADMIN_EMAIL, ADMIN_PASSWORD).await;
        wait_url(&c, |u| u.path() == "/admin/members").await;
        wait_find(&c, "[data-testid=member-row][data-slug=coceta]").await;
        assert_accessible(&c, &axe, "/admin/members").await;

        click(&c, "[data-testid=member-new]").await;
        wait_url(&c, |u| u.path() == "/admin/members/new").await;
        fill(&c, "#member-name", "Suomen Työosuuskunnat").await;
        fill(&c, "#member-acronym", "STO").await;
        fill(&c, "#member-country", "XX").await;
        fill(&c, "#member-description", "Worker cooperatives of Finland.").await;
        fill(
            &c,
            "#member-description-fr",
            "Les coopératives de travail de Finlande.",
        )
        .await;
        fill(&c, "#member-website", "ftp://example.fi").await;
        click(&c, "[data-testid=member-save]").await;
        // The country is checked here; the website by the server.
        wait_text(&c, "#member-error", |t| !t.is_empty()).await;
        fill(&c, "#member-country", "FI").await;
        click(&c, "[data-testid=member-save]").await;
        wait_text(&c, "#member-website-error", |t| !t.is_empty()).await;
        assert_accessible(&c, &axe, "the member form, refused").await;
        fill(&c, "#member-website", "https://example.fi").await;
        click(&c, "[data-testid=member-save]").await;
        wait_url(&c, |u| u.path() == "/admin/members/suomen-tyoosuuskunnat").await;
        wait_text(&c, "[data-testid=member-form-heading]", |t| {
            t.contains("Suomen")
        })
        .await;

        // In the public directory at once, its French description with it.
        c.goto(&app.url("/members/suomen-tyoosuuskunnat"))
            .await
            .unwrap();
        wait_text(&c, "main", |t| t.contains("Suomen Työosuuskunnat")).await;

        // Retired: out of the active directory, kept at its address.
        c.goto(&app.url("/admin/members/suomen-tyoosuuskunnat"))
            .await
            .unwrap();
        let status = wait_find(&c, "[data-testid=member-status]").await;
        status.select_by_value("former").await.unwrap();
        click(&c, "[data-testid=member-save]").await;
        wait_find(&c, "[data-testid=member-saved]").await;
        let listed: cecop_shared::Page<cecop_shared::Member> =
            app.get_json("/api/v1/members?per_page=100").await;
        assert!(
            !listed
                .items
                .iter()
                .any(|m| m.slug.as_str() == "suomen-tyoosuuskunnat")
        );
        let kept: cecop_shared::Member =
            app.get_json("/api/v1/members/suomen-tyoosuuskunnat").await;
        assert_eq!(kept.status, cecop_shared::MemberStatus::Former);
        assert_eq!(
            kept.descriptions[&"fr".parse().unwrap()],
            "Les coopératives de travail de Finlande."
        );
    })
    .await;
}
