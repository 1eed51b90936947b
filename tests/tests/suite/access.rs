//! Who may do what: user administration, API tokens, a member organisation
//! editing its own profile, and the audit log that records it all.

use cecop_shared::{
    ApiToken, AuditEntry, CreatedApiToken, Invitation, Member, Page, ProblemKind, Role, Scope, User,
};
use cecop_tests::{
    Session, TestApp, TestDatabase, create_admin, expect_problem as problem, sign_in,
};
use reqwest::Method;
use serde_json::{Value, json};

const ADMIN: &str = "admin@cecop.coop";
const PASSWORD: &str = "correct horse battery staple";
const MEMBER: &str = "staff@coceta.coop";

/// An app with an admin and a member user of COCETA.
async fn setup() -> (TestDatabase, TestApp) {
    let db = TestDatabase::new();
    assert!(create_admin(&db, ADMIN, PASSWORD).0);
    let app = TestApp::spawn(&db);
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let res = admin
        .call(
            Method::POST,
            "/api/v1/users",
            Some(
                json!({ "email": MEMBER, "display_name": "COCETA staff", "role": "member",
                         "organisation": "coceta", "password": PASSWORD }),
            ),
        )
        .await;
    assert_eq!(res.status(), 201);
    (db, app)
}

#[tokio::test]
async fn admins_manage_users_and_everyone_else_is_refused() {
    let (_db, app) = setup().await;
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let member = sign_in(&app, MEMBER, PASSWORD).await;

    let page: Page<User> = admin
        .call(Method::GET, "/api/v1/users?role=member", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page.total, 1);
    let user = &page.items[0];
    assert_eq!(
        (user.role, user.organisation.as_ref().map(|s| s.as_str())),
        (Role::Member, Some("coceta"))
    );

    let unlock = format!("/api/v1/users/{}/unlock", user.id);
    for (method, path) in [
        (Method::GET, "/api/v1/users"),
        (Method::GET, "/api/v1/audit"),
        (Method::POST, unlock.as_str()),
    ] {
        let body = problem(member.call(method.clone(), path, None).await, 403).await;
        assert!(body.is(ProblemKind::Forbidden));
        let anonymous = app
            .client
            .request(method, app.url(path))
            .send()
            .await
            .unwrap();
        problem(anonymous, 401).await;
    }
    // An unlock names a real user, by a well-formed id.
    problem(
        admin
            .call(Method::POST, "/api/v1/users/999999/unlock", None)
            .await,
        404,
    )
    .await;
    problem(
        admin
            .call(Method::POST, "/api/v1/users/x/unlock", None)
            .await,
        400,
    )
    .await;
    assert_eq!(
        audited(&admin, "user.unlocked").await,
        0,
        "a refused unlock records nothing"
    );
    assert_eq!(admin.call(Method::POST, &unlock, None).await.status(), 204);
    assert_eq!(audited(&admin, "user.unlocked").await, 1);

    // Invalid changes are refused and change nothing.
    let path = format!("/api/v1/users/{}", user.id);
    let cases = [
        json!({ "role": "editor", "organisation": "coceta" }),
        json!({ "organisation": "no-such-member" }),
        json!({ "display_name": "" }),
    ];
    for body in cases {
        problem(admin.call(Method::PATCH, &path, Some(body)).await, 422).await;
    }
    let unchanged: User = admin
        .call(Method::GET, &path, None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(&unchanged, user);
    let dup = json!({ "email": MEMBER.to_uppercase(), "display_name": "x", "role": "editor", "password": PASSWORD });
    let conflict = problem(
        admin.call(Method::POST, "/api/v1/users", Some(dup)).await,
        409,
    )
    .await;
    assert_eq!(conflict.errors[0].field, "email");
    let staff_with_org = json!({ "email": "e@cecop.coop", "display_name": "E", "role": "editor",
                                 "organisation": "coceta", "password": PASSWORD });
    problem(
        admin
            .call(Method::POST, "/api/v1/users", Some(staff_with_org))
            .await,
        422,
    )
    .await;

    // Disabling ends the member's access at once, even with a live access token.
    let res = admin
        .call(Method::PATCH, &path, Some(json!({ "disabled": true })))
        .await;
    assert_eq!(res.status(), 200);
    problem(member.call(Method::GET, "/api/v1/me", None).await, 401).await;

    // Admins cannot lock themselves out.
    let me: cecop_shared::Me = admin
        .call(Method::GET, "/api/v1/me", None)
        .await
        .json()
        .await
        .unwrap();
    let own = format!("/api/v1/users/{}", me.id);
    problem(
        admin
            .call(Method::PATCH, &own, Some(json!({ "role": "editor" })))
            .await,
        422,
    )
    .await;
    problem(admin.call(Method::DELETE, &own, None).await, 409).await;
    assert_eq!(admin.call(Method::DELETE, &path, None).await.status(), 204);
    problem(admin.call(Method::GET, &path, None).await, 404).await;
}

#[tokio::test]
async fn member_tokens_are_shown_once_scoped_to_their_organisation_and_revocable() {
    let (_db, app) = setup().await;
    let member = sign_in(&app, MEMBER, PASSWORD).await;
    let request =
        json!({ "name": "Membership sync", "scopes": ["profile:write"], "expires_in_days": 30 });
    let res = member
        .call(Method::POST, "/api/v1/tokens", Some(request))
        .await;
    assert_eq!(res.status(), 201);
    let created: CreatedApiToken = res.json().await.unwrap();
    assert!(created.secret.starts_with("cecop_pat_") && created.secret.len() >= 10 + 32);
    assert!(created.secret.starts_with(&created.token.prefix));
    assert_eq!(
        created.token.organisation.as_ref().map(|s| s.as_str()),
        Some("coceta")
    );

    // Listing never shows the secret again.
    let listed = member
        .call(Method::GET, "/api/v1/tokens", None)
        .await
        .text()
        .await
        .unwrap();
    assert!(!listed.contains(&created.secret));
    let tokens: Vec<ApiToken> = serde_json::from_str(&listed).unwrap();
    assert_eq!(tokens.len(), 1);

    // The token edits its own organisation...
    let token = Session {
        app: &app,
        bearer: created.secret.clone(),
    };
    let update = json!({ "description": "Spanish worker cooperatives.", "website": "https://www.coceta.coop",
                         "public_contact": "info@coceta.coop" });
    let res = token
        .call(Method::PUT, "/api/v1/my/organisation", Some(update))
        .await;
    assert_eq!(res.status(), 200);
    let public: Member = app.get_json("/api/v1/members/coceta").await;
    assert_eq!(public.public_contact.as_deref(), Some("info@coceta.coop"));
    // ...but is no person and holds no other scope.
    problem(token.call(Method::GET, "/api/v1/me", None).await, 403).await;
    problem(token.call(Method::GET, "/api/v1/tokens", None).await, 403).await;

    // A member cannot mint for another organisation.
    let other =
        json!({ "name": "x", "scopes": ["members:read"], "organisation": "legacoop-sociali" });
    problem(
        member
            .call(Method::POST, "/api/v1/tokens", Some(other))
            .await,
        403,
    )
    .await;

    // Revoked: refused at once, and the attempt is audited.
    let revoke = format!("/api/v1/tokens/{}", created.token.id);
    assert_eq!(
        member.call(Method::DELETE, &revoke, None).await.status(),
        204
    );
    // Refused every time, but recorded once a minute: a client retrying in
    // a loop does not flood the audit log.
    for _ in 0..5 {
        problem(
            token
                .call(Method::GET, "/api/v1/my/organisation", None)
                .await,
            401,
        )
        .await;
    }
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let audit: Page<AuditEntry> = admin
        .call(
            Method::GET,
            "/api/v1/audit?action=token.used_after_revocation",
            None,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(audit.total, 1);
    assert_eq!(
        audit.items[0].actor.as_deref(),
        Some(created.token.prefix.as_str())
            .map(|p| format!("token:{p}"))
            .as_deref()
    );
}

#[tokio::test]
async fn tokens_without_the_scope_and_forged_tokens_are_refused() {
    let (_db, app) = setup().await;
    let member = sign_in(&app, MEMBER, PASSWORD).await;
    let created: CreatedApiToken = member
        .call(
            Method::POST,
            "/api/v1/tokens",
            Some(json!({ "name": "read", "scopes": ["members:read"] })),
        )
        .await
        .json()
        .await
        .unwrap();
    let reader = Session {
        app: &app,
        bearer: created.secret.clone(),
    };
    let update = json!({ "description": "changed" });
    problem(
        reader
            .call(Method::PUT, "/api/v1/my/organisation", Some(update.clone()))
            .await,
        403,
    )
    .await;
    let before: Member = app.get_json("/api/v1/members/coceta").await;
    assert_ne!(before.description, "changed");

    // Same shape, wrong checksum or unknown: 401.
    let mut forged = created.secret.clone();
    forged.replace_range(12..13, if &forged[12..13] == "a" { "b" } else { "a" });
    for secret in [forged, format!("cecop_pat_{}", "A".repeat(38))] {
        let session = Session {
            app: &app,
            bearer: secret,
        };
        problem(
            session
                .call(Method::GET, "/api/v1/my/organisation", None)
                .await,
            401,
        )
        .await;
    }
}

#[tokio::test]
async fn token_requests_are_validated_and_integrator_tokens_are_read_only() {
    let (_db, app) = setup().await;
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let cases = [
        (json!({ "name": "", "scopes": ["members:read"] }), "name"),
        (json!({ "name": "x", "scopes": [] }), "scopes"),
        (
            json!({ "name": "x", "scopes": ["members:read"], "expires_in_days": 367 }),
            "expires_in_days",
        ),
        (
            json!({ "name": "x", "scopes": ["profile:write"] }),
            "scopes",
        ),
        (
            json!({ "name": "x", "scopes": ["members:read"], "organisation": "no-such-member" }),
            "organisation",
        ),
    ];
    for (body, field) in cases {
        let p = problem(
            admin
                .call(Method::POST, "/api/v1/tokens", Some(body.clone()))
                .await,
            422,
        )
        .await;
        assert_eq!(p.errors[0].field, field, "{body}");
    }
    let unknown_scope = json!({ "name": "x", "scopes": ["everything"] });
    problem(
        admin
            .call(Method::POST, "/api/v1/tokens", Some(unknown_scope))
            .await,
        400,
    )
    .await;
    let tokens: Vec<ApiToken> = admin
        .call(Method::GET, "/api/v1/tokens", None)
        .await
        .json()
        .await
        .unwrap();
    assert!(tokens.is_empty(), "refused requests created nothing");

    let integrator: CreatedApiToken = admin
        .call(
            Method::POST,
            "/api/v1/tokens",
            Some(json!({ "name": "Open data portal", "scopes": ["members:read"] })),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (integrator.token.organisation, integrator.token.scopes),
        (None, vec![Scope::MembersRead])
    );
    let session = Session {
        app: &app,
        bearer: integrator.secret,
    };
    problem(
        session
            .call(Method::GET, "/api/v1/my/organisation", None)
            .await,
        403,
    )
    .await;
}

#[tokio::test]
async fn member_users_edit_their_own_profile_with_validation() {
    let (_db, app) = setup().await;
    let member = sign_in(&app, MEMBER, PASSWORD).await;
    let mine: Member = member
        .call(Method::GET, "/api/v1/my/organisation", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine.slug.as_str(), "coceta");
    let bad = [
        (
            json!({ "description": "ok", "website": "javascript:alert(1)" }),
            "website",
        ),
        (json!({ "description": "x".repeat(2001) }), "description"),
        (
            json!({ "description": "ok", "public_contact": "a\nb" }),
            "public_contact",
        ),
    ];
    for (body, field) in bad {
        let p = problem(
            member
                .call(Method::PUT, "/api/v1/my/organisation", Some(body))
                .await,
            422,
        )
        .await;
        assert_eq!(p.errors[0].field, field);
    }
    let unchanged: Member = app.get_json("/api/v1/members/coceta").await;
    assert_eq!(unchanged.description, mine.description);

    // Staff have no organisation of their own to edit.
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    problem(
        admin
            .call(
                Method::PUT,
                "/api/v1/my/organisation",
                Some(json!({ "description": "x" })),
            )
            .await,
        403,
    )
    .await;

    let res = member
        .call(
            Method::PUT,
            "/api/v1/my/organisation",
            Some(json!({ "description": "Updated." })),
        )
        .await;
    assert_eq!(res.status(), 200);
    let audit: Page<AuditEntry> = admin
        .call(
            Method::GET,
            "/api/v1/audit?action=organisation.&target_type=member&target_id=coceta",
            None,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(audit.total, 1);
    assert!(
        audit.items[0]
            .actor
            .as_deref()
            .is_some_and(|a| a.starts_with("user:"))
    );
}

#[tokio::test]
async fn the_audit_log_records_sign_ins_and_filters_by_day() {
    let (_db, app) = setup().await;
    let _ = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("user-agent", "audit-test/1.0")
        .json(&json!({ "email": ADMIN, "password": "definitely wrong pw" }))
        .send()
        .await
        .unwrap();
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let page: Page<AuditEntry> = admin
        .call(Method::GET, "/api/v1/audit?action=auth.", None)
        .await
        .json()
        .await
        .unwrap();
    let failed = page
        .items
        .iter()
        .find(|e| e.action == "auth.login_failed")
        .expect("failure recorded");
    assert_eq!(
        (failed.subject.as_deref(), failed.user_agent.as_deref()),
        (Some(ADMIN), Some("audit-test/1.0"))
    );
    assert_eq!(failed.ip.as_deref(), Some("127.0.0.1"));
    assert!(page.items.iter().any(|e| e.action == "auth.login"));
    // Windows with nothing in them, including an inverted one, are just empty.
    for window in [
        "/api/v1/audit?to=2000-01-01",
        "/api/v1/audit?from=2026-02-01&to=2026-01-01",
    ] {
        let empty: Page<AuditEntry> = admin
            .call(Method::GET, window, None)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(empty.total, 0, "{window}");
    }
    for bad in [
        "/api/v1/audit?from=yesterday",
        "/api/v1/audit?action=DROP%20TABLE",
    ] {
        problem(admin.call(Method::GET, bad, None).await, 400).await;
    }
}

#[tokio::test]
async fn members_only_fields_reach_members_and_readers_only() {
    let (_db, app) = setup().await;
    let member = sign_in(&app, MEMBER, PASSWORD).await;
    let mint = |scopes: Value| {
        member.call(
            Method::POST,
            "/api/v1/tokens",
            Some(json!({ "name": "t", "scopes": scopes })),
        )
    };
    let reader: CreatedApiToken = mint(json!(["members:read"])).await.json().await.unwrap();
    let writer: CreatedApiToken = mint(json!(["profile:write"])).await.json().await.unwrap();

    let anonymous = app.get("/api/v1/members/coceta").await;
    assert_eq!(anonymous.headers()["cache-control"], "public, max-age=60");
    assert_eq!(anonymous.headers()["vary"], "Authorization");
    let anonymous: Member = anonymous.json().await.unwrap();
    assert_eq!(anonymous.network_contact, None);

    for (who, bearer, sees) in [
        ("member user", member.bearer.clone(), true),
        ("members:read token", reader.secret.clone(), true),
        ("profile:write token", writer.secret.clone(), false),
    ] {
        let session = Session { app: &app, bearer };
        let res = session
            .call(Method::GET, "/api/v1/members/coceta", None)
            .await;
        let private = res.headers()["cache-control"] == "private, no-store";
        let body: Member = res.json().await.unwrap();
        assert_eq!(body.network_contact.is_some(), sees, "{who}");
        assert_eq!(
            private, sees,
            "{who}: a members-only view must not be cached publicly"
        );
        let page: Page<Member> = session
            .call(Method::GET, "/api/v1/members?q=coceta", None)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            page.items[0].network_contact.is_some(),
            sees,
            "{who} (list)"
        );
        // The organisation's own view follows the same rule: a token of
        // another scope does not get the members-only contact either.
        let own: Member = session
            .json(Method::GET, "/api/v1/my/organisation", None)
            .await;
        assert_eq!(own.network_contact.is_some(), sees, "{who} (own)");
    }

    // Broken credentials are an error, not a silent anonymous view.
    let broken = Session {
        app: &app,
        bearer: "not-a-token".into(),
    };
    problem(
        broken
            .call(Method::GET, "/api/v1/members/coceta", None)
            .await,
        401,
    )
    .await;
}

/// How many audit entries have this action.
async fn audited(admin: &cecop_tests::Session<'_>, action: &str) -> u64 {
    let page: Page<cecop_shared::AuditEntry> = admin
        .json(Method::GET, &format!("/api/v1/audit?action={action}"), None)
        .await;
    page.total
}

/// The attack that worked: a token outlived the person who created it by
/// up to a year. Now a token goes with its creator — disabled, moved or
/// deleted — unless an admin made it the organisation's.
#[tokio::test]
async fn tokens_go_with_their_creator_unless_an_admin_made_them_the_organisations() {
    let (_db, app) = setup().await;
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let member = sign_in(&app, MEMBER, PASSWORD).await;
    let mint = |name: &'static str| {
        let member = &member;
        async move {
            let body = json!({ "name": name, "scopes": ["profile:write"], "expires_in_days": 30 });
            let res = member
                .call(Method::POST, "/api/v1/tokens", Some(body))
                .await;
            assert_eq!(res.status(), 201);
            res.json::<CreatedApiToken>().await.unwrap()
        }
    };
    let works = |secret: &str| {
        let session = Session {
            app: &app,
            bearer: secret.to_owned(),
        };
        async move {
            session
                .call(Method::GET, "/api/v1/my/organisation", None)
                .await
                .status()
                .as_u16()
        }
    };
    let personal = mint("Personal script").await;
    let shared = mint("Nightly membership sync").await;
    assert!(!shared.token.survives_creator);

    // Only an admin decides who owns a token; bad input changes nothing.
    let keep = json!({ "survives_creator": true });
    let path = format!("/api/v1/tokens/{}", shared.token.id);
    problem(
        member.call(Method::PATCH, &path, Some(keep.clone())).await,
        403,
    )
    .await;
    let anonymous = app
        .client
        .patch(app.url(&path))
        .json(&keep)
        .send()
        .await
        .unwrap();
    problem(anonymous, 401).await;
    for (bad_path, body, status) in [
        ("/api/v1/tokens/x", keep.clone(), 400),
        ("/api/v1/tokens/999999", keep.clone(), 404),
        (path.as_str(), json!({ "survives_creator": "yes" }), 400),
        (path.as_str(), json!({ "owner": "someone" }), 400),
    ] {
        problem(
            admin.call(Method::PATCH, bad_path, Some(body)).await,
            status,
        )
        .await;
    }
    assert_eq!(audited(&admin, "token.updated").await, 0);
    let kept: ApiToken = admin.json(Method::PATCH, &path, Some(keep)).await;
    assert!(kept.survives_creator);
    assert_eq!(audited(&admin, "token.updated").await, 1);

    // Disabling the creator ends their personal token at once; the
    // organisation's keeps working.
    let page: Page<User> = admin
        .json(Method::GET, "/api/v1/users?role=member", None)
        .await;
    let user = format!("/api/v1/users/{}", page.items[0].id);
    assert_eq!(works(&personal.secret).await, 200);
    admin
        .json::<User>(Method::PATCH, &user, Some(json!({ "disabled": true })))
        .await;
    assert_eq!(works(&personal.secret).await, 401);
    assert_eq!(works(&shared.secret).await, 200);

    // Deleting them too.
    assert_eq!(admin.call(Method::DELETE, &user, None).await.status(), 204);
    assert_eq!(works(&shared.secret).await, 200);
    let tokens: Vec<ApiToken> = admin.json(Method::GET, "/api/v1/tokens", None).await;
    let revoked: Vec<bool> = tokens.iter().map(|t| t.revoked_at.is_some()).collect();
    assert_eq!(revoked.iter().filter(|r| **r).count(), 1, "{tokens:?}");
}

/// Moving a member user to another organisation revokes the tokens they
/// made for the old one.
#[tokio::test]
async fn moving_a_member_user_revokes_the_tokens_they_created() {
    let (_db, app) = setup().await;
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let member = sign_in(&app, MEMBER, PASSWORD).await;
    let body = json!({ "name": "Export", "scopes": ["profile:write"], "expires_in_days": 30 });
    let created: CreatedApiToken = member
        .call(Method::POST, "/api/v1/tokens", Some(body))
        .await
        .json()
        .await
        .unwrap();
    let token = Session {
        app: &app,
        bearer: created.secret,
    };
    let page: Page<User> = admin
        .json(Method::GET, "/api/v1/users?role=member", None)
        .await;
    let user = format!("/api/v1/users/{}", page.items[0].id);
    let other: Page<Member> = app.get_json("/api/v1/members?per_page=2").await;
    let elsewhere = other
        .items
        .iter()
        .find(|m| m.slug.as_str() != "coceta")
        .expect("another member");
    admin
        .json::<User>(
            Method::PATCH,
            &user,
            Some(json!({ "organisation": elsewhere.slug.as_str() })),
        )
        .await;
    problem(
        token
            .call(Method::GET, "/api/v1/my/organisation", None)
            .await,
        401,
    )
    .await;
}

/// A member's profile edit reaches the search index at once (before, only
/// the next restart re-indexed members).
#[tokio::test]
async fn a_profile_edit_is_found_by_search_at_once() {
    let (_db, app) = setup().await;
    let member = sign_in(&app, MEMBER, PASSWORD).await;
    let find = || async {
        let hits: Value = app.get_json("/api/v1/search?q=zymurgical").await;
        hits["items"]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|h| h["slug"].as_str().map(str::to_owned))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    assert!(find().await.is_empty());
    let update = json!({ "description": "Worker cooperatives, including zymurgical ones.",
                         "website": "https://www.coceta.coop" });
    let res = member
        .call(Method::PUT, "/api/v1/my/organisation", Some(update))
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(find().await, ["coceta"]);
}

/// The admin-only routes this release added refuse everyone else — nobody
/// signed in, the wrong role (an editor, the organisation's own member
/// user), a token of that organisation whatever its scopes, an integrator
/// token — and a refused call changes nothing. (`POST /csp-reports` is
/// public by design: browsers send reports without credentials.)
#[tokio::test]
async fn admin_only_routes_refuse_everyone_but_admins_and_write_nothing() {
    let (db, app) = setup().await;
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let editor_body = json!({ "email": "editor@cecop.coop", "display_name": "Editor",
                              "role": "editor", "password": PASSWORD });
    assert_eq!(
        admin
            .call(Method::POST, "/api/v1/users", Some(editor_body))
            .await
            .status(),
        201
    );
    let editor = sign_in(&app, "editor@cecop.coop", PASSWORD).await;
    let member = sign_in(&app, MEMBER, PASSWORD).await;
    let mint = |owner: &Session<'_>, body: Value| {
        let owner = owner.bearer.clone();
        let app = &app;
        async move {
            let res = app
                .client
                .post(app.url("/api/v1/tokens"))
                .bearer_auth(owner)
                .json(&body)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 201);
            res.json::<CreatedApiToken>().await.unwrap()
        }
    };
    let own = mint(
        &member,
        json!({ "name": "all scopes", "scopes": ["members:read", "profile:write", "returns:write"] }),
    )
    .await;
    let integrator = mint(
        &admin,
        json!({ "name": "reader", "scopes": ["members:read"] }),
    )
    .await;
    let as_token = |secret: &str| Session {
        app: &app,
        bearer: secret.to_owned(),
    };
    let anonymous = as_token("");
    let (org_token, reader) = (as_token(&own.secret), as_token(&integrator.secret));
    let users: Page<User> = admin
        .json(Method::GET, "/api/v1/users?role=member", None)
        .await;
    let unlock = format!("/api/v1/users/{}/unlock", users.items[0].id);
    let end_sessions = format!("/api/v1/users/{}/sessions", users.items[0].id);
    let reset_two_factor = format!("/api/v1/users/{}/two-factor", users.items[0].id);
    let owner = format!("/api/v1/tokens/{}", own.token.id);
    let invitation: Invitation = admin
        .json(
            Method::POST,
            "/api/v1/invitations",
            Some(json!({ "email": "new@cecop.coop", "display_name": "New", "role": "editor" })),
        )
        .await;
    let withdraw = format!("/api/v1/invitations/{}", invitation.id);
    let invite = json!({ "email": "other@cecop.coop", "display_name": "Other", "role": "admin" });
    let tables = [
        "audit_log",
        "login_throttles",
        "api_tokens",
        "users",
        "invitations",
        "invitations WHERE revoked_at IS NULL",
        "refresh_tokens WHERE revoked_at IS NULL",
        "two_factor",
    ];
    let before: Vec<i64> = tables.iter().map(|t| db.count_rows(t)).collect();
    let routes = [
        (Method::POST, unlock.as_str(), None),
        (
            Method::PATCH,
            owner.as_str(),
            Some(json!({ "survives_creator": true })),
        ),
        (Method::DELETE, end_sessions.as_str(), None),
        (Method::DELETE, reset_two_factor.as_str(), None),
        (Method::GET, "/api/v1/invitations", None),
        (Method::POST, "/api/v1/invitations", Some(invite)),
        (Method::DELETE, withdraw.as_str(), None),
    ];
    for (method, path, body) in routes {
        for (who, caller, status) in [
            ("anonymous", &anonymous, 401),
            ("editor", &editor, 403),
            ("member user", &member, 403),
            ("the organisation's token", &org_token, 403),
            ("integrator token", &reader, 403),
        ] {
            let res = caller.call(method.clone(), path, body.clone()).await;
            assert_eq!(res.status(), status, "{who}: {method} {path}");
            problem(res, status).await;
        }
    }
    let after: Vec<i64> = tables.iter().map(|t| db.count_rows(t)).collect();
    assert_eq!(before, after, "refused calls write nothing");
    let tokens: Vec<ApiToken> = admin.json(Method::GET, "/api/v1/tokens", None).await;
    assert!(tokens.iter().all(|t| !t.survives_creator), "{tokens:?}");
}
