//! The data collection's write side: members fill in, import and submit
//! their yearly return; CECOP staff approve, send back and reopen it. Every
//! rule, every transition, who may touch which return, and that a refused
//! or interrupted write leaves nothing behind.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use cecop_shared::{
    Campaign, CreatedApiToken, DataReturn, ImportOutcome, ImportReport, Page, ProblemKind,
    ReturnState, ReturnSummary, RevisionAction,
};
use cecop_tests::{
    Session, TestApp, TestDatabase, api_command, create_admin, expect_problem, sign_in,
};
use reqwest::Method;
use serde_json::{Value, json};

const ADMIN: &str = "admin@cecop.coop";
const EDITOR: &str = "editor@cecop.coop";
const PASSWORD: &str = "correct horse battery staple";

fn member_email(slug: &str) -> String {
    format!("staff@{slug}.example")
}

/// An app on the demo data (campaigns 2022 and 2023 published, 2024 open)
/// with an admin, an editor and member users of COCETA, NUWPC and Legacoop
/// Sociali.
async fn setup() -> (TestDatabase, TestApp) {
    let db = TestDatabase::new();
    assert!(create_admin(&db, ADMIN, PASSWORD).0);
    let app = TestApp::spawn(&db);
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let mut users = vec![
        json!({ "email": EDITOR, "display_name": "CECOP editor", "role": "editor",
                                 "password": PASSWORD }),
    ];
    for slug in ["coceta", "nuwpc", "legacoop-sociali"] {
        users.push(
            json!({ "email": member_email(slug), "display_name": format!("{slug} staff"),
                           "role": "member", "organisation": slug, "password": PASSWORD }),
        );
    }
    for user in users {
        let res = admin.call(Method::POST, "/api/v1/users", Some(user)).await;
        assert_eq!(res.status(), 201);
    }
    (db, app)
}

fn cell(indicator: &str, coop_type: &str, sector: &str, value: Value) -> Value {
    json!({ "indicator": indicator, "coop_type": coop_type, "sector": sector, "value": value })
}

async fn my_return(session: &Session<'_>, year: i32) -> DataReturn {
    session
        .json(Method::GET, &format!("/api/v1/my/returns/{year}"), None)
        .await
}

#[tokio::test]
async fn every_validation_rule_names_its_cell_and_a_refused_save_writes_nothing() {
    let (db, app) = setup().await;
    let member = sign_in(&app, &member_email("legacoop-sociali"), PASSWORD).await;
    let before = my_return(&member, 2024).await;
    assert_eq!(before.summary.id, None, "not started yet");
    assert_eq!(before.summary.state, ReturnState::Draft);
    assert_eq!(before.previous.as_ref().map(|p| p.year), Some(2023));
    let revisions = db.count_rows("return_revisions");

    let bad = json!({ "values": [
        cell("workers", "social", "services", json!(-1)),
        cell("workers", "worker", "industry", json!(10)),
        cell("women_workers", "worker", "industry", json!(12)),
        cell("worker_members", "worker", "industry", json!(11)),
        cell("workers_with_disabilities", "worker", "industry", json!(10)),
        cell("permanent_contracts", "worker", "construction", json!(4)),
        cell("cooperatives", "worker", "industry", json!(1.5)),
        cell("turnover_eur", "worker", "industry", json!(1000.255)),
        cell("women_share", "worker", "industry", json!(50)),
        cell("coops_joined", "worker", "industry", json!(1)),
        cell("coops_joined", "worker", "industry", json!(2)),
    ]});
    let res = member
        .call(Method::PUT, "/api/v1/my/returns/2024", Some(bad))
        .await;
    let problem = expect_problem(res, 422).await;
    assert!(problem.is(ProblemKind::ValidationFailed));
    let message = |field: &str| {
        problem
            .errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
            .unwrap_or_else(|| panic!("no error for {field}: {problem:?}"))
    };
    assert_eq!(
        message("workers.social.services"),
        "Workers of social cooperatives in services: must be a number of zero or more"
    );
    assert_eq!(
        message("women_workers.worker.industry"),
        "Women workers of worker cooperatives in industry: 12 is more than the 10 workers in the same cooperatives"
    );
    assert!(message("worker_members.worker.industry").contains("11 is more than the 10 workers"));
    assert!(
        !problem
            .errors
            .iter()
            .any(|e| e.field == "workers_with_disabilities.worker.industry"),
        "equal to workers is allowed"
    );
    assert!(
        message("permanent_contracts.worker.construction").contains("give the number of workers")
    );
    assert!(message("cooperatives.worker.industry").ends_with("must be a whole number"));
    assert!(message("turnover_eur.worker.industry").ends_with("must have at most two decimals"));
    assert!(message("women_share.worker.industry").contains("computed from the other figures"));
    assert!(message("coops_joined.worker.industry").ends_with("is given more than once"));
    assert_eq!(problem.errors.len(), 8, "{problem:?}");

    // Nothing was saved, not even an empty return.
    let after = my_return(&member, 2024).await;
    assert_eq!(after.summary.id, None);
    assert_eq!(db.count_rows("return_revisions"), revisions);

    // Malformed bodies are 400s, not 5xx.
    for body in [
        json!({ "values": "many" }),
        json!({ "values": [ { "indicator": "workers" } ] }),
        json!({ "values": [cell("unicorns", "worker", "industry", json!(1))] }),
    ] {
        expect_problem(
            member
                .call(Method::PUT, "/api/v1/my/returns/2024", Some(body))
                .await,
            400,
        )
        .await;
    }
    // A year without a campaign is a 404; a year that is no year a 400.
    expect_problem(
        member
            .call(Method::GET, "/api/v1/my/returns/2030", None)
            .await,
        404,
    )
    .await;
    expect_problem(
        member
            .call(Method::GET, "/api/v1/my/returns/soon", None)
            .await,
        400,
    )
    .await;

    // A valid save: kept, with a revision and a warning for a big change.
    let good = json!({ "values": [
        cell("cooperatives", "social", "services", json!(2750)),
        cell("workers", "social", "services", json!(200000)),
        cell("women_workers", "social", "services", json!(150000)),
        cell("turnover_eur", "social", "services", json!(3700000000.5)),
    ]});
    let saved: DataReturn = member
        .json(Method::PUT, "/api/v1/my/returns/2024", Some(good.clone()))
        .await;
    assert!(saved.summary.id.is_some());
    assert_eq!(saved.values.len(), 4);
    assert_eq!(
        saved
            .values
            .iter()
            .find(|v| v.indicator.as_str() == "turnover_eur")
            .map(|v| v.value),
        Some(3_700_000_000.5)
    );
    assert_eq!(saved.revisions.len(), 1);
    assert_eq!(saved.revisions[0].action, RevisionAction::Edited);
    assert_eq!(saved.revisions[0].changes.len(), 4);
    assert_eq!(
        saved.revisions[0].actor_name.as_deref(),
        Some("legacoop-sociali staff")
    );
    let warning = saved
        .warnings
        .iter()
        .find(|w| w.field == "workers.social.services")
        .expect("a warning for +82 %");
    assert_eq!(
        warning.message,
        "Workers of social cooperatives in services: 200,000 against 110,000 in 2023, a change of more than 50 %"
    );
    assert!(
        !saved
            .warnings
            .iter()
            .any(|w| w.field == "cooperatives.social.services"),
        "+2 % is fine"
    );

    // Saving the same values again changes nothing and records nothing.
    let again: DataReturn = member
        .json(Method::PUT, "/api/v1/my/returns/2024", Some(good))
        .await;
    assert_eq!(again.revisions.len(), 1);
}

async fn review(
    editor: &Session<'_>,
    id: i64,
    action: &str,
    reason: Option<&str>,
) -> reqwest::Response {
    let body = reason.map(|r| json!({ "reason": r }));
    editor
        .call(
            Method::POST,
            &format!("/api/v1/returns/{id}/{action}"),
            body,
        )
        .await
}

async fn set_campaign(admin: &Session<'_>, year: i32, state: &str) -> reqwest::Response {
    let current: Vec<Campaign> = admin.json(Method::GET, "/api/v1/campaigns", None).await;
    let campaign = current.iter().find(|c| c.year == year).expect("campaign");
    admin
        .call(
            Method::PUT,
            &format!("/api/v1/campaigns/{year}"),
            Some(json!({ "year": year, "opens_on": campaign.opens_on, "closes_on": campaign.closes_on,
                         "state": state })),
        )
        .await
}

/// A PUT with an `Accept-Language` header, as a browser or an integrator sends it.
async fn put_in(
    session: &Session<'_>,
    path: &str,
    lang: Option<&str>,
    body: &Value,
) -> reqwest::Response {
    let mut request = session
        .app
        .client
        .put(session.app.url(path))
        .bearer_auth(&session.bearer)
        .json(body);
    if let Some(lang) = lang {
        request = request.header("accept-language", lang);
    }
    request.send().await.expect("request failed")
}

#[tokio::test]
async fn a_refused_save_gives_codes_with_params_and_accept_language_picks_the_detail() {
    let (_db, app) = setup().await;
    let member = sign_in(&app, &member_email("legacoop-sociali"), PASSWORD).await;
    let bad = json!({ "values": [
        cell("workers", "worker", "industry", json!(10)),
        cell("women_workers", "worker", "industry", json!(12)),
        cell("cooperatives", "worker", "industry", json!(1.5)),
    ]});
    let path = "/api/v1/my/returns/2024";
    let english = expect_problem(put_in(&member, path, None, &bad).await, 422).await;
    let res = put_in(&member, path, Some("fr-BE, en;q=0.5"), &bad).await;
    let vary = res.headers().get("vary").and_then(|v| v.to_str().ok());
    assert!(
        vary.is_some_and(|v| v.contains("Accept-Language")),
        "{vary:?}"
    );
    let french = expect_problem(res, 422).await;

    let coded: Vec<(String, Option<String>, Value)> = french
        .errors
        .iter()
        .map(|e| (e.field.clone(), e.code.clone(), json!(e.params)))
        .collect();
    assert_eq!(
        coded,
        [
            (
                "cooperatives.worker.industry".to_owned(),
                Some("not_whole".to_owned()),
                json!({ "cell": "cooperatives.worker.industry" })
            ),
            (
                "women_workers.worker.industry".to_owned(),
                Some("exceeds_workers".to_owned()),
                json!({ "cell": "women_workers.worker.industry", "value": 12, "workers": 10 })
            ),
        ]
    );
    // Only the detail is French: messages, title and type stay as they were.
    assert_eq!(french.errors, english.errors);
    assert_eq!(
        (&french.type_, &french.title),
        (&english.type_, &english.title)
    );
    assert_eq!(
        english.errors[1].message,
        "Women workers of worker cooperatives in industry: 12 is more than the 10 workers in the same cooperatives"
    );
    assert_eq!(
        english.detail.as_deref(),
        Some(
            "cooperatives.worker.industry: Cooperatives of worker cooperatives in industry: must be \
             a whole number; women_workers.worker.industry: Women workers of worker cooperatives in \
             industry: 12 is more than the 10 workers in the same cooperatives"
        )
    );
    assert_eq!(
        french.detail.as_deref(),
        Some(
            "cooperatives.worker.industry: Coopératives des coopératives de travail dans \
             l’industrie\u{a0}: doit être un nombre entier; women_workers.worker.industry: \
             Travailleuses des coopératives de travail dans l’industrie\u{a0}: 12 dépasse les 10 \
             travailleurs des mêmes coopératives"
        )
    );
    let spanish = expect_problem(put_in(&member, path, Some("es"), &bad).await, 422).await;
    assert!(
        spanish.detail.as_deref().is_some_and(
            |d| d.ends_with("12 supera los 10 trabajadores de las mismas cooperativas")
        ),
        "{spanish:?}"
    );
    // A language without translations gets English.
    let german = expect_problem(put_in(&member, path, Some("de"), &bad).await, 422).await;
    assert_eq!(german.detail, english.detail);

    // One error without a code keeps the whole detail English.
    let profile = json!({ "description": "x".repeat(2001), "website": "ftp://example.org" });
    let res = put_in(&member, "/api/v1/my/organisation", Some("it"), &profile).await;
    let mixed = expect_problem(res, 422).await;
    assert_eq!(mixed.errors[0].code.as_deref(), Some("too_long"));
    assert_eq!(mixed.errors[1].code, None);
    assert_eq!(
        mixed.detail.as_deref(),
        Some(
            "description: must be at most 2,000 characters; website: must be an http:// or \
             https:// address of at most 300 characters"
        )
    );
}

#[tokio::test]
async fn a_return_moves_through_its_review_and_every_illegal_move_is_a_409() {
    let (_db, app) = setup().await;
    let member = sign_in(&app, &member_email("coceta"), PASSWORD).await;
    let editor = sign_in(&app, EDITOR, PASSWORD).await;
    let admin = sign_in(&app, ADMIN, PASSWORD).await;

    let draft = my_return(&member, 2024).await;
    assert_eq!(draft.summary.state, ReturnState::Draft);
    let id = draft
        .summary
        .id
        .expect("the demo has a 2024 draft for COCETA");
    let conflict = |state: &'static str| {
        move |p: cecop_shared::Problem| {
            assert!(p.is(ProblemKind::Conflict), "{p:?}");
            let detail = p.detail.clone().unwrap_or_default();
            assert!(detail.contains(&format!("is {state}")), "{detail}");
        }
    };

    // Staff cannot approve or return a draft.
    conflict("draft")(expect_problem(review(&editor, id, "approve", None).await, 409).await);
    conflict("draft")(expect_problem(review(&editor, id, "return", Some("no")).await, 409).await);
    conflict("draft")(expect_problem(review(&editor, id, "reopen", Some("no")).await, 409).await);

    // Submit; then the member can neither edit nor submit again.
    let submitted: DataReturn = member
        .json(Method::POST, "/api/v1/my/returns/2024/submit", None)
        .await;
    assert_eq!(submitted.summary.state, ReturnState::Submitted);
    assert!(submitted.summary.submitted_at.is_some());
    let edit = json!({ "values": [cell("workers", "worker", "services", json!(1))] });
    conflict("submitted")(
        expect_problem(
            member
                .call(Method::PUT, "/api/v1/my/returns/2024", Some(edit.clone()))
                .await,
            409,
        )
        .await,
    );
    conflict("submitted")(
        expect_problem(
            member
                .call(Method::POST, "/api/v1/my/returns/2024/submit", None)
                .await,
            409,
        )
        .await,
    );
    conflict("submitted")(
        expect_problem(review(&editor, id, "reopen", Some("why")).await, 409).await,
    );

    // Members cannot review, not even their own return.
    expect_problem(review(&member, id, "approve", None).await, 403).await;

    // Sending back needs a reason; the member sees it and may edit again.
    expect_problem(review(&editor, id, "return", Some("   ")).await, 422).await;
    expect_problem(review(&editor, id, "return", None).await, 400).await;
    let returned: DataReturn = review(
        &editor,
        id,
        "return",
        Some("Construction looks low against 2023."),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(returned.summary.state, ReturnState::Returned);
    let seen = my_return(&member, 2024).await;
    assert_eq!(
        seen.summary.reason.as_deref(),
        Some("Construction looks low against 2023.")
    );
    let mut values: Vec<Value> = seen
        .values
        .iter()
        .map(|v| serde_json::to_value(v).unwrap())
        .collect();
    values.push(cell("coops_left", "other", "industry", json!(0)));
    let _: DataReturn = member
        .json(
            Method::PUT,
            "/api/v1/my/returns/2024",
            Some(json!({ "values": values })),
        )
        .await;
    let _: DataReturn = member
        .json(Method::POST, "/api/v1/my/returns/2024/submit", None)
        .await;

    // Approve: locked for the member; approving twice is a conflict.
    let approved: DataReturn = review(&editor, id, "approve", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(approved.summary.state, ReturnState::Approved);
    assert_eq!(approved.summary.reason, None);
    conflict("approved")(expect_problem(review(&editor, id, "approve", None).await, 409).await);
    conflict("approved")(expect_problem(review(&editor, id, "return", Some("x")).await, 409).await);
    conflict("approved")(
        expect_problem(
            member
                .call(Method::PUT, "/api/v1/my/returns/2024", Some(edit.clone()))
                .await,
            409,
        )
        .await,
    );

    // Reopening needs a reason and leaves the return with the member.
    expect_problem(review(&editor, id, "reopen", Some("")).await, 422).await;
    let reopened: DataReturn = review(
        &editor,
        id,
        "reopen",
        Some("Turnover double-counted a subsidiary."),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(reopened.summary.state, ReturnState::Returned);
    assert_eq!(
        reopened.summary.reason.as_deref(),
        Some("Turnover double-counted a subsidiary.")
    );

    // The history, newest first, says who did what.
    let full: DataReturn = editor
        .json(Method::GET, &format!("/api/v1/returns/{id}"), None)
        .await;
    let actions: Vec<_> = full.revisions.iter().map(|r| r.action).collect();
    use RevisionAction::*;
    assert_eq!(
        actions,
        vec![
            Reopened, Approved, Submitted, Edited, Returned, Submitted, Imported
        ]
    );
    assert_eq!(full.revisions[0].from_state, Some(ReturnState::Approved));
    assert_eq!(
        full.revisions[0].actor_name.as_deref(),
        Some("CECOP editor")
    );
    assert_eq!(
        full.revisions[3].changes.len(),
        1,
        "the edit added one value"
    );
    assert_eq!(full.previous.as_ref().map(|p| p.year), Some(2023));

    // A closed campaign takes no edits, but staff may still approve.
    let _: DataReturn = member
        .json(Method::POST, "/api/v1/my/returns/2024/submit", None)
        .await;
    assert_eq!(set_campaign(&admin, 2024, "closed").await.status(), 200);
    let problem = expect_problem(
        member
            .call(Method::PUT, "/api/v1/my/returns/2024", Some(edit))
            .await,
        409,
    )
    .await;
    assert!(
        problem
            .detail
            .unwrap_or_default()
            .contains("campaign is closed")
    );
    let _: DataReturn = review(&editor, id, "approve", None)
        .await
        .json()
        .await
        .unwrap();
    // Published: nothing may be reopened.
    assert_eq!(set_campaign(&admin, 2024, "published").await.status(), 200);
    let problem = expect_problem(review(&editor, id, "reopen", Some("late")).await, 409).await;
    assert!(
        problem
            .detail
            .unwrap_or_default()
            .contains("campaign is published")
    );
    // Campaign states move only along their path.
    let problem = expect_problem(set_campaign(&admin, 2024, "planned").await, 409).await;
    assert!(problem.detail.unwrap_or_default().contains("is published"));
    expect_problem(set_campaign(&editor, 2024, "closed").await, 403).await;

    // Every decision is in the audit log.
    let audit: Page<cecop_shared::AuditEntry> = admin
        .json(
            Method::GET,
            "/api/v1/audit?action=return.&per_page=100",
            None,
        )
        .await;
    for action in [
        "return.submitted",
        "return.updated",
        "return.returned",
        "return.approved",
        "return.reopened",
    ] {
        assert!(
            audit.items.iter().any(|e| e.action == action),
            "{action} not audited"
        );
    }
}

#[tokio::test]
async fn members_and_tokens_reach_only_their_own_return() {
    let (_db, app) = setup().await;
    let coceta = sign_in(&app, &member_email("coceta"), PASSWORD).await;
    let nuwpc = sign_in(&app, &member_email("nuwpc"), PASSWORD).await;
    let editor = sign_in(&app, EDITOR, PASSWORD).await;
    let admin = sign_in(&app, ADMIN, PASSWORD).await;

    let theirs = my_return(&nuwpc, 2024).await;
    let their_id = theirs.summary.id.expect("NUWPC has a returned 2024 return");
    assert_eq!(theirs.summary.state, ReturnState::Returned);
    assert!(theirs.summary.reason.is_some());

    // A member user sees only its own return and cannot use the staff routes.
    let mine = my_return(&coceta, 2024).await;
    assert_eq!(mine.summary.member.slug.as_str(), "coceta");
    for path in [
        format!("/api/v1/returns/{their_id}"),
        "/api/v1/returns".into(),
    ] {
        expect_problem(coceta.call(Method::GET, &path, None).await, 403).await;
    }

    // A COCETA token with returns:write acts for COCETA only.
    let mint = |scopes: Value| {
        let coceta = &coceta;
        async move {
            let res = coceta
                .call(
                    Method::POST,
                    "/api/v1/tokens",
                    Some(json!({ "name": "ERP", "scopes": scopes })),
                )
                .await;
            assert_eq!(res.status(), 201);
            res.json::<CreatedApiToken>().await.unwrap().secret
        }
    };
    let token = Session {
        app: &app,
        bearer: mint(json!(["returns:write"])).await,
    };
    let via_token = my_return(&token, 2024).await;
    assert_eq!(via_token.summary.id, mine.summary.id);
    let values = json!({ "values": [cell("workers", "worker", "services", json!(200000)),
                                    cell("cooperatives", "worker", "services", json!(11000))] });
    let saved: DataReturn = token
        .json(Method::PUT, "/api/v1/my/returns/2024", Some(values))
        .await;
    assert!(saved.revisions[0].actor.starts_with("token:cecop_pat_"));
    for path in [
        format!("/api/v1/returns/{their_id}"),
        "/api/v1/returns".into(),
    ] {
        expect_problem(token.call(Method::GET, &path, None).await, 403).await;
    }
    expect_problem(review(&token, their_id, "approve", None).await, 403).await;
    // NUWPC's return is untouched.
    let unchanged = my_return(&nuwpc, 2024).await;
    assert_eq!(unchanged.values, theirs.values);
    assert_eq!(unchanged.revisions.len(), theirs.revisions.len());

    // Without the scope, or without an organisation, no access at all.
    let reader = Session {
        app: &app,
        bearer: mint(json!(["members:read", "profile:write"])).await,
    };
    let problem = expect_problem(
        reader
            .call(Method::GET, "/api/v1/my/returns/2024", None)
            .await,
        403,
    )
    .await;
    assert!(problem.detail.unwrap_or_default().contains("returns:write"));
    let integrator: CreatedApiToken = admin
        .json(
            Method::POST,
            "/api/v1/tokens",
            Some(json!({ "name": "stats portal", "scopes": ["members:read"] })),
        )
        .await;
    let integrator = Session {
        app: &app,
        bearer: integrator.secret,
    };
    expect_problem(
        integrator
            .call(Method::GET, "/api/v1/my/returns/2024", None)
            .await,
        403,
    )
    .await;
    // Staff have no return of their own.
    expect_problem(
        editor
            .call(Method::GET, "/api/v1/my/returns/2024", None)
            .await,
        403,
    )
    .await;
    // Nobody anonymous.
    let res = app
        .client
        .get(app.url("/api/v1/my/returns/2024"))
        .send()
        .await
        .unwrap();
    expect_problem(res, 401).await;
    let res = app
        .client
        .get(app.url("/api/v1/returns"))
        .send()
        .await
        .unwrap();
    expect_problem(res, 401).await;

    // The staff queue filters by campaign, state and member.
    let queue: Page<ReturnSummary> = editor
        .json(
            Method::GET,
            "/api/v1/returns?campaign=2024&state=submitted",
            None,
        )
        .await;
    assert!(
        queue
            .items
            .iter()
            .all(|r| r.state == ReturnState::Submitted && r.year == 2024)
    );
    assert!(
        queue
            .items
            .iter()
            .any(|r| r.member.slug.as_str() == "cg-scop")
    );
    let one: Page<ReturnSummary> = editor
        .json(Method::GET, "/api/v1/returns?member=nuwpc", None)
        .await;
    assert_eq!(one.total, 3, "2022, 2023 and 2024");
    for bad in [
        "campaign=1800",
        "state=lost",
        "member=Not%20A%20Slug",
        "per_page=0",
    ] {
        let res = editor
            .call(Method::GET, &format!("/api/v1/returns?{bad}"), None)
            .await;
        expect_problem(res, 400).await;
    }
}

const CSV: &str = "text/csv";

#[tokio::test]
async fn a_csv_dry_run_reports_each_row_and_writes_nothing_and_a_real_run_is_all_or_nothing() {
    let (db, app) = setup().await;
    let member = sign_in(&app, &member_email("nuwpc"), PASSWORD).await;
    let before = my_return(&member, 2024).await;
    let workers_before = before
        .values
        .iter()
        .find(|v| {
            v.indicator.as_str() == "workers"
                && v.coop_type.as_str() == "worker"
                && v.sector.as_str() == "industry"
        })
        .map(|v| v.value)
        .expect("NUWPC reported workers in industry");
    let rows = |db: &TestDatabase| {
        (
            db.count_rows("return_values"),
            db.count_rows("return_revisions"),
        )
    };
    let counted = rows(&db);

    let file = format!(
        "indicator,coop_type,sector,value\n\
         workers,worker,industry,{workers_before}\n\
         cooperatives,worker,industry,40\n\
         coops_joined,social,services,2\n\
         workers,worker,services,1.5\n\
         women_workers,worker,industry,99999\n\
         workers,robot,industry,3\n\
         cooperatives,worker,industry,41\n"
    );
    let report: ImportReport = member
        .send_bytes(
            "/api/v1/my/returns/2024/import?dry_run=true",
            CSV,
            file.clone().into_bytes(),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(report.dry_run && !report.written);
    let outcomes: Vec<_> = report.rows.iter().map(|r| (r.line, r.outcome)).collect();
    use ImportOutcome::*;
    assert_eq!(
        outcomes,
        vec![
            (2, Unchanged),
            (3, Updated),
            (4, Imported),
            (5, Refused),
            (6, Refused),
            (7, Refused),
            (8, Refused)
        ]
    );
    assert_eq!(
        (
            report.imported,
            report.updated,
            report.unchanged,
            report.refused
        ),
        (1, 1, 1, 4)
    );
    let reason = |line: u64| {
        report
            .rows
            .iter()
            .find(|r| r.line == line)
            .and_then(|r| r.message.clone())
            .unwrap_or_default()
    };
    assert!(
        reason(5).contains("must be a whole number"),
        "{}",
        reason(5)
    );
    assert!(reason(6).contains("more than the"), "{}", reason(6));
    assert!(
        reason(7).starts_with("coop_type \"robot\""),
        "{}",
        reason(7)
    );
    assert!(
        reason(8).contains("already given on line 3"),
        "{}",
        reason(8)
    );
    assert_eq!(rows(&db), counted, "a dry run writes nothing");

    // The real run of the same file: refused as a whole, naming each line.
    let res = member
        .send_bytes("/api/v1/my/returns/2024/import", CSV, file.into_bytes())
        .await;
    let problem = expect_problem(res, 422).await;
    let lines: Vec<_> = problem.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(lines, ["line 5", "line 6", "line 7", "line 8"]);
    assert_eq!(rows(&db), counted, "a refused import writes nothing");
    assert_eq!(my_return(&member, 2024).await.values, before.values);

    // A clean file is written, and reported the same way.
    let clean = "value,sector,coop_type,indicator\n40,industry,worker,cooperatives\n2,services,social,coops_joined\n";
    let report: ImportReport = member
        .send_bytes(
            "/api/v1/my/returns/2024/import",
            CSV,
            clean.as_bytes().to_vec(),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(report.written && !report.dry_run);
    assert_eq!((report.imported, report.updated, report.refused), (1, 1, 0));
    let after = my_return(&member, 2024).await;
    assert_eq!(after.values.len(), before.values.len() + 1);
    assert_eq!(after.revisions[0].action, RevisionAction::Imported);
    assert_eq!(after.revisions[0].changes.len(), 2);

    // Files that are no CSV of values are 422s naming the problem.
    for (body, says) in [
        (
            "indicator,coop_type,sector\nworkers,worker,industry\n",
            "lacks the column \"value\"",
        ),
        (
            "indicator,coop_type,sector,value,colour\n",
            "Unknown column \"colour\"",
        ),
        (
            "indicator,coop_type,sector,value\nworkers,worker\n",
            "cannot be read",
        ),
        ("", "lacks the column"),
    ] {
        let res = member
            .send_bytes(
                "/api/v1/my/returns/2024/import?dry_run=true",
                CSV,
                body.as_bytes().to_vec(),
            )
            .await;
        let problem = expect_problem(res, 422).await;
        assert!(
            problem.errors[0].message.contains(says),
            "{body:?}: {problem:?}"
        );
    }
    let res = member
        .send_bytes(
            "/api/v1/my/returns/2024/import?dry_run=maybe",
            CSV,
            clean.as_bytes().to_vec(),
        )
        .await;
    assert_eq!(expect_problem(res, 400).await.errors[0].field, "dry_run");
    let res = member
        .send_bytes(
            "/api/v1/my/returns/2024/import",
            CSV,
            vec![0xff, 0xfe, 0x00],
        )
        .await;
    expect_problem(res, 422).await;
}

#[tokio::test]
async fn an_import_killed_half_way_leaves_no_partial_data() {
    let (db, app) = setup().await;
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let members: Page<cecop_shared::Member> = admin
        .json(Method::GET, "/api/v1/members?per_page=100", None)
        .await;
    let years: Vec<i32> = (2001..=2020).collect();
    for year in &years {
        let res = admin
            .call(
                Method::POST,
                "/api/v1/campaigns",
                Some(json!({
                "year": year, "opens_on": format!("{}-02-01", year + 1),
                "closes_on": format!("{}-04-30", year + 1), "state": "closed" })),
            )
            .await;
        assert_eq!(res.status(), 201);
    }
    // 20 years × the members × every cell: about 58,000 values.
    let mut file = String::from("year,member,indicator,coop_type,sector,value\n");
    for year in &years {
        for member in &members.items {
            for indicator in [
                "cooperatives",
                "workers",
                "worker_members",
                "women_workers",
                "workers_with_disabilities",
                "permanent_contracts",
                "turnover_eur",
                "coops_joined",
                "coops_left",
            ] {
                for coop_type in ["worker", "social", "self_employed_producers", "other"] {
                    for sector in ["industry", "construction", "services"] {
                        let value = if indicator == "workers" { 100 } else { 10 };
                        file.push_str(&format!(
                            "{year},{},{indicator},{coop_type},{sector},{value}\n",
                            member.slug
                        ));
                    }
                }
            }
        }
    }
    let path = db.data_dir.path().join("history.csv");
    std::fs::write(&path, file).unwrap();
    let counted = (
        db.count_rows("data_returns"),
        db.count_rows("return_values"),
        db.count_rows("return_revisions"),
    );

    let mut child = api_command(&db)
        .args(["import", "--returns"])
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert!(line.contains("writing them in one transaction"), "{line:?}");
    // Let it write for a moment, then kill it mid-transaction.
    std::thread::sleep(std::time::Duration::from_millis(100));
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(
        !status.success(),
        "the import finished before it was killed; make the file larger"
    );

    assert_eq!(
        (
            db.count_rows("data_returns"),
            db.count_rows("return_values"),
            db.count_rows("return_revisions")
        ),
        counted,
        "nothing of the killed import may remain"
    );
    let campaign_rows: Page<ReturnSummary> = admin
        .json(Method::GET, "/api/v1/returns?campaign=2005", None)
        .await;
    assert_eq!(campaign_rows.total, 0);

    // Run to the end, the same file loads completely.
    let output = api_command(&db)
        .args(["import", "--returns"])
        .arg(&path)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{said}");
    assert!(
        said.contains(&format!(
            "imported {} return(s)",
            years.len() * members.items.len()
        )),
        "{said}"
    );
    let loaded: Page<ReturnSummary> = admin
        .json(
            Method::GET,
            "/api/v1/returns?campaign=2005&state=approved",
            None,
        )
        .await;
    assert_eq!(loaded.total as usize, members.items.len());
}

#[tokio::test]
async fn campaign_writes_refuse_bad_input_and_change_nothing() {
    let (db, app) = setup().await;
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let before: Vec<Campaign> = admin.json(Method::GET, "/api/v1/campaigns", None).await;
    let counted = db.count_rows("campaigns");

    // Closing before opening, a year out of range, a taken year.
    let bad = json!({ "year": 2025, "opens_on": "2026-05-01", "closes_on": "2026-04-01" });
    let problem = expect_problem(
        admin
            .call(Method::POST, "/api/v1/campaigns", Some(bad))
            .await,
        422,
    )
    .await;
    assert_eq!(problem.errors[0].field, "closes_on");
    let far = json!({ "year": 1999, "opens_on": "2026-01-01", "closes_on": "2026-02-01" });
    expect_problem(
        admin
            .call(Method::POST, "/api/v1/campaigns", Some(far))
            .await,
        422,
    )
    .await;
    let taken = json!({ "year": 2023, "opens_on": "2026-01-01", "closes_on": "2026-02-01" });
    let problem = expect_problem(
        admin
            .call(Method::POST, "/api/v1/campaigns", Some(taken))
            .await,
        409,
    )
    .await;
    assert_eq!(problem.errors[0].field, "year");
    // A PUT whose body names another year, or an unknown campaign.
    let other = json!({ "year": 2022, "opens_on": "2026-01-01", "closes_on": "2026-02-01" });
    let problem = expect_problem(
        admin
            .call(Method::PUT, "/api/v1/campaigns/2023", Some(other))
            .await,
        422,
    )
    .await;
    assert_eq!(problem.errors[0].field, "year");
    let missing = json!({ "year": 2030, "opens_on": "2026-01-01", "closes_on": "2026-02-01" });
    expect_problem(
        admin
            .call(Method::PUT, "/api/v1/campaigns/2030", Some(missing))
            .await,
        404,
    )
    .await;
    // A campaign with returns cannot be deleted.
    let problem = expect_problem(
        admin
            .call(Method::DELETE, "/api/v1/campaigns/2023", None)
            .await,
        409,
    )
    .await;
    assert!(problem.detail.unwrap_or_default().contains("returns"));
    assert_eq!(db.count_rows("campaigns"), counted);
    let after: Vec<Campaign> = admin.json(Method::GET, "/api/v1/campaigns", None).await;
    assert_eq!(after, before, "nothing changed");

    // A good one is created, planned by default, and an empty one deleted.
    let good = json!({ "year": 2025, "opens_on": "2027-03-01", "closes_on": "2027-05-31" });
    let created: Campaign = admin
        .json(Method::POST, "/api/v1/campaigns", Some(good))
        .await;
    assert_eq!(created.state, cecop_shared::CampaignState::Planned);
    let res = admin
        .call(Method::DELETE, "/api/v1/campaigns/2025", None)
        .await;
    assert_eq!(res.status(), 204);
    assert_eq!(db.count_rows("campaigns"), counted);
}

/// The routes whose handlers moved to one file each (and the decisions to
/// the `Decider` extractor) keep refusing every caller they do not serve:
/// anonymous callers, the wrong role, tokens without the scope or without an
/// organisation; and a refused call writes nothing.
#[tokio::test]
async fn every_return_route_refuses_callers_it_does_not_serve_and_writes_nothing() {
    let (db, app) = setup().await;
    let coceta = sign_in(&app, &member_email("coceta"), PASSWORD).await;
    let editor = sign_in(&app, EDITOR, PASSWORD).await;
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let queue: Page<ReturnSummary> = editor
        .json(
            Method::GET,
            "/api/v1/returns?campaign=2024&state=submitted",
            None,
        )
        .await;
    let submitted = queue.items[0].id.expect("a submitted 2024 return");
    let token = |scopes: Value, owner: &Session<'_>| {
        let owner = owner.bearer.clone();
        let app = &app;
        async move {
            let res = app
                .client
                .post(app.url("/api/v1/tokens"))
                .bearer_auth(owner)
                .json(&json!({ "name": "probe", "scopes": scopes }))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 201);
            Session {
                app,
                bearer: res.json::<CreatedApiToken>().await.unwrap().secret,
            }
        }
    };
    let unscoped = token(json!(["members:read", "profile:write"]), &coceta).await;
    let returns_token = token(json!(["returns:write"]), &coceta).await;
    let integrator = token(json!(["members:read"]), &admin).await;
    let anonymous = Session {
        app: &app,
        bearer: String::new(),
    };
    let tables = [
        "data_returns",
        "return_values",
        "return_revisions",
        "audit_log",
    ];
    let before: Vec<i64> = tables.iter().map(|t| db.count_rows(t)).collect();

    let values = json!({ "values": [cell("workers", "worker", "services", json!(1))] });
    let csv = b"indicator,coop_type,sector,value\nworkers,worker,services,1\n".to_vec();
    // (route, who is refused and with which status)
    let mine: [(Method, &str); 3] = [
        (Method::GET, "/api/v1/my/returns/2024"),
        (Method::PUT, "/api/v1/my/returns/2024"),
        (Method::POST, "/api/v1/my/returns/2024/submit"),
    ];
    for (method, path) in mine {
        let body = (method == Method::PUT).then(|| values.clone());
        for (caller, status) in [
            (&anonymous, 401),
            (&editor, 403),
            (&unscoped, 403),
            (&integrator, 403),
        ] {
            let res = caller.call(method.clone(), path, body.clone()).await;
            expect_problem(res, status).await;
        }
    }
    for (caller, status) in [
        (&anonymous, 401),
        (&editor, 403),
        (&unscoped, 403),
        (&integrator, 403),
    ] {
        let res = caller
            .send_bytes("/api/v1/my/returns/2024/import", CSV, csv.clone())
            .await;
        expect_problem(res, status).await;
    }
    for action in ["approve", "return", "reopen"] {
        let reason = (action != "approve").then_some("a reason");
        for (caller, status) in [
            (&anonymous, 401),
            (&coceta, 403),
            (&returns_token, 403),
            (&integrator, 403),
        ] {
            expect_problem(review(caller, submitted, action, reason).await, status).await;
        }
    }
    // The signed-in person's own account: no token and nobody anonymous.
    for (method, path, body) in [
        (Method::GET, "/api/v1/me", None),
        (
            Method::POST,
            "/api/v1/me/password",
            Some(json!({ "current_password": PASSWORD,
                         "new_password": "another long passphrase 2026" })),
        ),
    ] {
        expect_problem(
            anonymous.call(method.clone(), path, body.clone()).await,
            401,
        )
        .await;
        expect_problem(
            returns_token.call(method.clone(), path, body.clone()).await,
            403,
        )
        .await;
    }

    let after: Vec<i64> = tables.iter().map(|t| db.count_rows(t)).collect();
    assert_eq!(before, after, "{tables:?}");
    let still: DataReturn = editor
        .json(Method::GET, &format!("/api/v1/returns/{submitted}"), None)
        .await;
    assert_eq!(still.summary.state, ReturnState::Submitted);
    // The password did not change.
    sign_in(&app, &member_email("coceta"), PASSWORD).await;
}

/// The race that worked on PostgreSQL: state changes were plain updates, so
/// two editors deciding at once both won, and a member's save could land
/// after the submit. Now each change is conditional on the state it saw:
/// exactly one of many conflicting requests wins, the rest get 409, none a
/// 5xx, and the history records one decision.
#[tokio::test]
async fn conflicting_decisions_and_saves_at_once_have_exactly_one_winner() {
    let (_db, app) = setup().await;
    let member = sign_in(&app, &member_email("coceta"), PASSWORD).await;
    let editor = sign_in(&app, EDITOR, PASSWORD).await;
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let id = my_return(&member, 2024)
        .await
        .summary
        .id
        .expect("a 2024 draft");

    // A member's saves racing their own submit: whatever lands, nothing
    // changes after the submit.
    let mut race = tokio::task::JoinSet::new();
    for i in 0..24 {
        let client = app.client.clone();
        let bearer = member.bearer.clone();
        let base = app.url("/api/v1/my/returns/2024");
        race.spawn(async move {
            let request = if i == 12 {
                client.post(format!("{base}/submit"))
            } else {
                let body =
                    json!({ "values": [cell("workers", "worker", "services", json!(100 + i))] });
                client.put(base).json(&body)
            };
            let res = request.bearer_auth(bearer).send().await.unwrap();
            (i, res.status().as_u16())
        });
    }
    let mut statuses = Vec::new();
    while let Some(done) = race.join_next().await {
        statuses.push(done.unwrap());
    }
    assert!(
        statuses.iter().all(|(_, s)| *s == 200 || *s == 409),
        "{statuses:?}"
    );
    assert!(
        statuses.contains(&(12, 200)),
        "the submit wins or goes first: {statuses:?}"
    );
    let after = my_return(&member, 2024).await;
    assert_eq!(after.summary.state, ReturnState::Submitted);
    let submit_at = after
        .revisions
        .iter()
        .position(|r| r.action == cecop_shared::RevisionAction::Submitted)
        .expect("a submit revision");
    // Revisions are newest first: nothing was saved after the submit.
    let actions: Vec<_> = after.revisions.iter().map(|r| r.action).collect();
    assert_eq!(submit_at, 0, "{actions:?}");

    // Staff deciding at once: one approval or send-back, the rest 409.
    let mut decisions = tokio::task::JoinSet::new();
    for i in 0..30 {
        let client = app.client.clone();
        let bearer = if i % 2 == 0 {
            editor.bearer.clone()
        } else {
            admin.bearer.clone()
        };
        let (action, body) = if i % 3 == 0 {
            ("return", Some(json!({ "reason": format!("check {i}") })))
        } else {
            ("approve", None)
        };
        let url = app.url(&format!("/api/v1/returns/{id}/{action}"));
        decisions.spawn(async move {
            let mut request = client.post(url).bearer_auth(bearer);
            if let Some(body) = body {
                request = request.json(&body);
            }
            request.send().await.unwrap().status().as_u16()
        });
    }
    let mut statuses = Vec::new();
    while let Some(done) = decisions.join_next().await {
        statuses.push(done.unwrap());
    }
    statuses.sort_unstable();
    let won = statuses.iter().filter(|s| **s == 200).count();
    assert_eq!(won, 1, "{statuses:?}");
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 409),
        "{statuses:?}"
    );
    let decided = my_return(&member, 2024).await;
    let decisions = decided
        .revisions
        .iter()
        .filter(|r| {
            matches!(
                r.action,
                cecop_shared::RevisionAction::Approved | cecop_shared::RevisionAction::Returned
            )
        })
        .count();
    let actions: Vec<_> = decided.revisions.iter().map(|r| r.action).collect();
    assert_eq!(decisions, 1, "{actions:?}");
}

#[tokio::test]
async fn staff_see_which_active_members_have_not_sent_the_open_campaigns_return() {
    let (db, app) = setup().await;
    let editor = sign_in(&app, EDITOR, PASSWORD).await;
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let coceta = sign_in(&app, &member_email("coceta"), PASSWORD).await;
    let missing = |session: &Session<'_>| {
        let bearer = session.bearer.clone();
        let app = &app;
        async move {
            let res = app
                .client
                .get(app.url("/api/v1/campaigns/2024/missing"))
                .bearer_auth(bearer)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200);
            res.json::<Vec<ReturnSummary>>().await.unwrap()
        }
    };
    let listed = missing(&editor).await;
    // Every active member is either still to send its return or in the
    // review queue (submitted or approved), never both, never neither.
    let active: Page<cecop_shared::Member> = app.get_json("/api/v1/members?per_page=100").await;
    let queue: Page<ReturnSummary> = editor
        .json(
            Method::GET,
            "/api/v1/returns?campaign=2024&per_page=100",
            None,
        )
        .await;
    let sent: Vec<&str> = queue
        .items
        .iter()
        .filter(|r| matches!(r.state, ReturnState::Submitted | ReturnState::Approved))
        .map(|r| r.member.slug.as_str())
        .collect();
    for member in &active.items {
        let waiting = listed
            .iter()
            .filter(|r| r.member.slug == member.slug)
            .count();
        let in_queue = sent.contains(&member.slug.as_str());
        assert_eq!(waiting + usize::from(in_queue), 1, "{}", member.slug);
    }
    assert!(
        listed
            .iter()
            .all(|r| r.year == 2024 && r.state != ReturnState::Submitted)
    );
    let names: Vec<&str> = listed.iter().map(|r| r.member.name.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted, "by name");
    let coceta_row = listed
        .iter()
        .find(|r| r.member.slug.as_str() == "coceta")
        .expect("COCETA's 2024 return is a draft");
    assert!(coceta_row.id.is_some() && coceta_row.state == ReturnState::Draft);
    assert!(
        listed.iter().any(|r| r.id.is_none()),
        "some have not started"
    );

    // Submitted, it leaves the list.
    let _: DataReturn = coceta
        .json(Method::POST, "/api/v1/my/returns/2024/submit", None)
        .await;
    assert!(
        !missing(&editor)
            .await
            .iter()
            .any(|r| r.member.slug.as_str() == "coceta")
    );
    // A former member is not expected.
    let not_started = listed
        .iter()
        .find(|r| r.id.is_none())
        .unwrap()
        .member
        .slug
        .clone();
    let path = format!("/api/v1/members/{not_started}");
    let read = admin.call(Method::GET, &path, None).await;
    let tag = read.headers()["etag"].to_str().unwrap().to_owned();
    let res = admin
        .request(Method::PATCH, &path)
        .header("if-match", tag)
        .json(&json!({ "status": "former" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        !missing(&admin)
            .await
            .iter()
            .any(|r| r.member.slug == not_started)
    );

    // Staff only; a year without a campaign is a 404.
    let before = db.count_rows("data_returns");
    let token = coceta.organisation_token().await;
    for (caller, status) in [
        (Session::anonymous(&app), 401),
        (coceta, 403),
        (token, 403),
        (admin.reader_token().await, 403),
    ] {
        let res = caller
            .call(Method::GET, "/api/v1/campaigns/2024/missing", None)
            .await;
        expect_problem(res, status).await;
    }
    for (year, status) in [("1999", 400), ("2099", 404), ("x", 400)] {
        let res = editor
            .call(
                Method::GET,
                &format!("/api/v1/campaigns/{year}/missing"),
                None,
            )
            .await;
        expect_problem(res, status).await;
    }
    assert_eq!(db.count_rows("data_returns"), before);
}
