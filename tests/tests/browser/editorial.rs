//! The editorial back office in the browser: an editor writes an article in
//! English and French with the server's live preview beside the text, a
//! second editor's save in between brings up the conflict screen (nothing
//! lost: every field either changed is listed, the first editor's changes
//! go over the second's and the revisions hold both), two revisions are
//! compared and one restored, unsaved edits survive a reload, a preview
//! link shows the scheduled article to someone without an account until it
//! is revoked, and the article appears on `/news` once the clock passes its
//! time. By keyboard alone, an editor creates and publishes an event with
//! its place and organisers and a story with its cooperative and photo,
//! and leaving with unsaved changes asks first. axe on every page.

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

/// Editor accounts (email, name), with [`PASSWORD`], made by the admin.
async fn create_editors(app: &TestApp, editors: &[(&str, &str)]) {
    let admin = api_token(app, ADMIN_EMAIL, ADMIN_PASSWORD).await;
    for (email, name) in editors {
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
    create_editors(&app, &[(ANA, "Ana Editor"), (BEN, "Ben Editor")]).await;
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
        // Every field either changed is listed: Ben's title (which stays
        // if Ana keeps hers) and Ana's summary (which replaces his).
        let title_row = "[data-testid=conflict-row][data-field='translations.en.title']";
        wait_text(
            &c,
            &format!("{title_row} [data-testid=conflict-theirs]"),
            |t| t.contains("Ben's better title"),
        )
        .await;
        wait_find(&c, &format!("{title_row}[data-by-me=false]")).await;
        wait_find(
            &c,
            "[data-testid=conflict-row][data-field='translations.en.summary'][data-by-me=true]",
        )
        .await;
        wait_text(&c, "[data-testid=conflict]", |t| t.contains("Ben Editor")).await;
        assert_accessible(&c, &axe, "the conflict screen").await;
        click(&c, "[data-testid=conflict-keep-mine]").await;
        wait_find(&c, "[data-testid=editor-saved]").await;
        // Ana's change went over Ben's version: both are in it.
        let saved = stored(&app, &ben, &item_path).await;
        let en = &saved.document.content.translations[&"en".parse().unwrap()];
        assert_eq!(en.summary, "Kept across a reload.");
        assert_eq!(en.title, "Ben's better title");
        assert_eq!(
            saved.version, 4,
            "Ben's save is a revision of its own: {saved:?}"
        );
        wait_text(&c, "[data-testid=editor-heading]", |t| {
            t.contains("Ben's better title")
        })
        .await;

        // Any two revisions side by side: the first against Ana's last.
        wait_find(&c, "[data-testid=revision][data-number='4']").await;
        wait_find(&c, "#compare-from")
            .await
            .select_by_value("1")
            .await
            .unwrap();
        wait_find(&c, "#compare-to")
            .await
            .select_by_value("4")
            .await
            .unwrap();
        click(&c, "[data-testid=compare-submit]").await;
        wait_text(
            &c,
            "[data-testid=compare-result] [data-field='translations.fr.title']",
            |t| t.contains("Reprises par les salariés"),
        )
        .await;
        wait_find(
            &c,
            "[data-testid=compare-result] [data-field='translations.en.title'] del",
        )
        .await;

        // A revision restored: Ana's second, before Ben's title, comes back
        // as a new revision.
        click(
            &c,
            "[data-testid=revision][data-number='2'] [data-testid=revision-restore]",
        )
        .await;
        click(&c, "[data-testid=revision-restore-confirm]").await;
        wait_text(&c, "[data-testid=editor-heading]", |t| {
            t.contains("Zanzibar worker buyouts")
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
        wait_text(&c, "main", |t| t.contains("Zanzibar worker buyouts")).await;
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
        assert!(!now.contains("Zanzibar worker buyouts"));
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
        wait_text(&c, "main", |t| t.contains("Zanzibar worker buyouts")).await;
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

/// Presses Tab until the focus is on `css` (at most 120 times): the
/// element is reachable by keyboard, in the page's order.
async fn tab_to(c: &fantoccini::Client, css: &str) {
    for _ in 0..120 {
        let here = c
            .execute(
                "return document.activeElement && document.activeElement.matches(arguments[0]);",
                vec![json!(css)],
            )
            .await
            .unwrap();
        if here.as_bool() == Some(true) {
            return;
        }
        keys(c, "\u{e004}").await;
    }
    panic!("Tab never reached {css}");
}

/// Types into whatever has the keyboard focus.
async fn keys(c: &fantoccini::Client, text: &str) {
    c.active_element()
        .await
        .unwrap()
        .send_keys(text)
        .await
        .unwrap();
}

const ENTER: &str = "\u{e007}";
const CTRL_S: &str = "\u{e009}s\u{e000}";
const ARROW_DOWN: &str = "\u{e015}";

#[tokio::test]
async fn by_keyboard_alone_an_editor_creates_and_publishes_an_event_and_a_story_and_leaving_unsaved_asks()
 {
    let db = TestDatabase::new();
    let app = admin_with_spa(&db);
    create_editors(&app, &[(ANA, "Ana Editor")]).await;
    let ana = api_token(&app, ANA, PASSWORD).await;
    let axe = axe_source();

    with_browser(|c| async move {
        c.goto(&app.url("/login?next=/admin/content"))
            .await
            .unwrap();
        sign_in_form(&c, ANA, PASSWORD).await;
        wait_url(&c, |u| u.path() == "/admin/content").await;
        wait_find(&c, "[data-testid=content-row]").await;

        // A new event: every field reached with Tab, typed, saved by Ctrl+S.
        tab_to(&c, "[data-testid=content-new-event]").await;
        keys(&c, ENTER).await;
        wait_url(&c, |u| u.path() == "/admin/content/events/new").await;
        wait_find(&c, "[data-testid=event-fields]").await;
        tab_to(&c, "#item-title").await;
        keys(&c, "Worker buyouts in the Baltics").await;
        tab_to(&c, "#item-summary").await;
        keys(&c, "A day on worker buyouts.").await;
        // Chromium's date-and-time control reads typed digits by locale:
        // its value is set the way the control itself sets it.
        set_value(&c, "#event-starts", "2031-05-06T09:30").await;
        set_value(&c, "#event-ends", "2031-05-06T17:00").await;
        tab_to(&c, "#event-zone").await;
        keys(&c, "Europe/Helsinki").await;
        tab_to(&c, "#event-venue").await;
        keys(&c, "Kaapelitehdas").await;
        tab_to(&c, "#event-city").await;
        keys(&c, "Helsinki").await;
        tab_to(&c, "[data-testid=organiser-add]").await;
        keys(&c, ENTER).await;
        wait_find(&c, "#organiser-0-name").await;
        tab_to(&c, "#organiser-0-name").await;
        keys(&c, "Pellervo").await;
        tab_to(&c, "#organiser-0-role").await;
        keys(&c, ARROW_DOWN).await;
        tab_to(&c, "#item-theme-entrepreneurship").await;
        keys(&c, " ").await;
        assert_accessible(&c, &axe, "the editor, a new event").await;
        keys(&c, CTRL_S).await;
        let url = wait_url(&c, |u| {
            u.path().starts_with("/admin/content/events/") && !u.path().ends_with("/new")
        })
        .await;
        let id: i64 = url.path().rsplit('/').next().unwrap().parse().unwrap();
        wait_find(&c, "[data-testid=editor-status][data-status=draft]").await;
        let event = stored(&app, &ana, &format!("/api/v1/editorial/events/{id}")).await;
        let fields = event.document.content.event.clone().unwrap();
        assert_eq!(fields.starts_local.to_string(), "2031-05-06 09:30:00");
        assert_eq!(fields.time_zone, "Europe/Helsinki");
        assert_eq!(fields.venue.as_deref(), Some("Kaapelitehdas"));
        assert_eq!(fields.organisers.len(), 1);
        assert_eq!(fields.organisers[0].name, "Pellervo");
        assert_eq!(fields.organisers[0].role.as_str(), "co_organiser");
        assert_eq!(event.document.content.themes.len(), 1);

        // Published by keyboard; the public page has the venue.
        tab_to(&c, "[data-testid=action-publish]").await;
        keys(&c, ENTER).await;
        wait_find(&c, "[data-testid=editor-status][data-status=published]").await;
        let public = wait_find(&c, "[data-testid=editor-public-link]").await;
        let href = public.attr("href").await.unwrap().unwrap_or_default();
        assert_eq!(href, format!("/events/{}", event.document.slug));

        // Unsaved changes: a link inside the app asks first; staying keeps
        // the page, leaving keeps the changes in this browser.
        tab_to(&c, "#item-title").await;
        // Tab selects the whole text; End puts the caret after it.
        keys(&c, "\u{e010} — updated").await;
        wait_find(&c, "[data-testid=editor-unsaved]").await;
        tab_to(&c, "[data-testid=editor-back]").await;
        keys(&c, ENTER).await;
        wait_find(&c, "[data-testid=leave-dialog][open]").await;
        assert_accessible(&c, &axe, "the editor, leaving with unsaved changes").await;
        let focused = c
            .execute("return document.activeElement.dataset.testid;", vec![])
            .await
            .unwrap();
        assert_eq!(focused.as_str(), Some("leave-stay"));
        keys(&c, ENTER).await;
        assert!(
            c.find(fantoccini::Locator::Css("[data-testid=leave-dialog][open]"))
                .await
                .is_err()
        );
        assert_eq!(c.current_url().await.unwrap().path(), url.path());
        tab_to(&c, "[data-testid=editor-back]").await;
        keys(&c, ENTER).await;
        wait_find(&c, "[data-testid=leave-dialog][open]").await;
        tab_to(&c, "[data-testid=leave-go]").await;
        keys(&c, ENTER).await;
        wait_url(&c, |u| u.path() == "/admin/content").await;
        c.goto(url.as_str()).await.unwrap();
        wait_find(&c, ".notice").await;
        let title = wait_find(&c, "#item-title").await;
        assert_eq!(
            title.prop("value").await.unwrap().as_deref(),
            Some("Worker buyouts in the Baltics — updated")
        );
        c.goto(&app.url(&href)).await.unwrap();
        wait_text(&c, "main", |t| t.contains("Kaapelitehdas")).await;

        // A story: a photo without its description is refused by the
        // server, the message beside the field; with it, saved.
        c.goto(&app.url("/admin/content")).await.unwrap();
        tab_to(&c, "[data-testid=content-new-story]").await;
        keys(&c, ENTER).await;
        wait_url(&c, |u| u.path() == "/admin/content/stories/new").await;
        tab_to(&c, "#item-title").await;
        keys(&c, "Baking bread together").await;
        tab_to(&c, "#story-cooperative").await;
        keys(&c, "Leipomo Osuuskunta").await;
        tab_to(&c, "#story-quote").await;
        keys(&c, "We own the ovens now.").await;
        tab_to(&c, "#story-photo").await;
        keys(&c, "cooptales/leipomo.jpg").await;
        keys(&c, CTRL_S).await;
        wait_text(&c, "#story-photo-alt-error", |t| !t.is_empty()).await;
        wait_text(&c, "#editor-error", |t| t.contains("photograph shows")).await;
        assert_accessible(&c, &axe, "the editor, a story refused").await;
        tab_to(&c, "#story-photo-alt").await;
        keys(&c, "Four bakers at a wood-fired oven").await;
        keys(&c, CTRL_S).await;
        let url = wait_url(&c, |u| {
            u.path().starts_with("/admin/content/stories/") && !u.path().ends_with("/new")
        })
        .await;
        let id: i64 = url.path().rsplit('/').next().unwrap().parse().unwrap();
        let story = stored(&app, &ana, &format!("/api/v1/editorial/stories/{id}")).await;
        let fields = story.document.content.story.unwrap();
        assert_eq!(fields.cooperative, "Leipomo Osuuskunta");
        assert_eq!(fields.quote.as_deref(), Some("We own the ovens now."));
        assert_eq!(
            fields.photo.unwrap().alt,
            "Four bakers at a wood-fired oven"
        );
        assert_accessible(&c, &axe, "the editor, a story").await;
    })
    .await;
}
