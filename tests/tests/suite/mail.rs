//! E-mail through a real SMTP server (aiosmtpd), read back with an
//! independent MIME parser: password reset by a single-use link,
//! invitations, notices about data returns, the outbox that survives a mail
//! server being down, and the development default of `.eml` files.

use cecop_shared::{Invitation, InvitationStatus, Me, Page, ProblemKind, Role};
use cecop_tests::smtp::{ReceivedMail, TestSmtp};
use cecop_tests::{
    SpawnOptions, TestApp, TestDatabase, create_admin, expect_problem as problem, sign_in,
};
use reqwest::Method;
use serde_json::json;

const ADMIN: &str = "admin@cecop.coop";
const PASSWORD: &str = "correct horse battery staple";
const NEW_PASSWORD: &str = "a kinder password for spring";

fn app_with_smtp(db: &TestDatabase, smtp: &TestSmtp) -> TestApp {
    TestApp::spawn_with(
        db,
        SpawnOptions {
            extra_env: vec![("CECOP_SMTP_URL".into(), smtp.url())],
            ..SpawnOptions::default()
        },
    )
}

fn setup() -> (TestSmtp, TestDatabase, TestApp) {
    let smtp = TestSmtp::start();
    let db = TestDatabase::new();
    assert!(create_admin(&db, ADMIN, PASSWORD).0);
    let app = app_with_smtp(&db, &smtp);
    (smtp, db, app)
}

async fn post(app: &TestApp, path: &str, body: serde_json::Value) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn login_status(app: &TestApp, email: &str, password: &str) -> u16 {
    post(
        app,
        "/api/v1/auth/login",
        json!({ "email": email, "password": password }),
    )
    .await
    .status()
    .as_u16()
}

/// The token after `#token=` in a message's link to `page`.
fn token_in(mail: &ReceivedMail, app: &TestApp, page: &str) -> String {
    let prefix = app.url(&format!("{page}#token="));
    let link = mail
        .link(&prefix)
        .unwrap_or_else(|| panic!("no {prefix} link in: {}", mail.text));
    link[prefix.len()..].to_owned()
}

#[tokio::test]
async fn a_forgotten_password_is_replaced_through_a_single_use_link() {
    let (smtp, _db, app) = setup();
    let old = sign_in(&app, ADMIN, PASSWORD).await;

    // Asked for in any case; the answer is the same with or without an account.
    let res = post(
        &app,
        "/api/v1/auth/password-reset",
        json!({ "email": "Admin@CECOP.coop" }),
    )
    .await;
    assert_eq!(res.status(), 202);
    let nobody = post(
        &app,
        "/api/v1/auth/password-reset",
        json!({ "email": "nobody@cecop.coop" }),
    )
    .await;
    assert_eq!(nobody.status(), 202);

    let mail = smtp.wait_for(ADMIN, 1).await.remove(0);
    assert_eq!(mail.subject, "Set a new password for CECOP");
    assert!(mail.from.starts_with("no-reply@"), "{}", mail.from);
    assert!(
        mail.content_type.starts_with("text/plain") && mail.content_type.contains("utf-8"),
        "{}",
        mail.content_type
    );
    let token = token_in(&mail, &app, "/reset-password");
    assert!(token.len() >= 43, "{token}");

    // A refused password leaves the link usable.
    let weak = post(
        &app,
        "/api/v1/auth/password-reset/confirm",
        json!({ "token": token, "new_password": "password1234" }),
    )
    .await;
    assert_eq!(problem(weak, 422).await.errors[0].field, "new_password");

    let res = post(
        &app,
        "/api/v1/auth/password-reset/confirm",
        json!({ "token": token, "new_password": NEW_PASSWORD }),
    )
    .await;
    assert_eq!(res.status(), 204);
    assert_eq!(login_status(&app, ADMIN, PASSWORD).await, 401);
    assert_eq!(login_status(&app, ADMIN, NEW_PASSWORD).await, 200);
    // Every session of the account ended with the old password.
    problem(old.call(Method::GET, "/api/v1/me", None).await, 401).await;

    // Once only.
    let again = post(
        &app,
        "/api/v1/auth/password-reset/confirm",
        json!({ "token": token, "new_password": "yet another fine passphrase" }),
    )
    .await;
    assert_eq!(problem(again, 422).await.errors[0].field, "token");
    assert_eq!(login_status(&app, ADMIN, NEW_PASSWORD).await, 200);
    // No account, no message.
    assert_eq!(smtp.count_to("nobody@cecop.coop"), 0);
}

#[tokio::test]
async fn reset_links_point_at_the_site_whatever_host_the_request_names() {
    let (smtp, _db, app) = setup();
    // The classic poisoning: ask for someone's link with your own Host.
    let res = app
        .client
        .post(app.url("/api/v1/auth/password-reset"))
        .header("host", "evil.example")
        .header("x-forwarded-host", "evil.example")
        .json(&json!({ "email": ADMIN }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    let mail = smtp.wait_for(ADMIN, 1).await.remove(0);
    assert!(!mail.text.contains("evil.example"), "{}", mail.text);
    token_in(&mail, &app, "/reset-password");
}

#[tokio::test]
async fn reset_links_expire_and_one_link_is_redeemed_once_under_a_race() {
    let (smtp, db, app) = setup();
    post(
        &app,
        "/api/v1/auth/password-reset",
        json!({ "email": ADMIN }),
    )
    .await;
    let first = token_in(&smtp.wait_for(ADMIN, 1).await[0], &app, "/reset-password");
    // Pressing the button twice within a minute sends one message.
    post(
        &app,
        "/api/v1/auth/password-reset",
        json!({ "email": ADMIN }),
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(700)).await;
    assert_eq!(smtp.count_to(ADMIN), 1);

    // An expired link is refused.
    db.execute("UPDATE password_resets SET expires_at = '2001-01-01 00:00:00'");
    let expired = post(
        &app,
        "/api/v1/auth/password-reset/confirm",
        json!({ "token": first, "new_password": NEW_PASSWORD }),
    )
    .await;
    assert_eq!(problem(expired, 422).await.errors[0].field, "token");

    // A fresh link, used eight times at once: exactly one sets a password.
    post(
        &app,
        "/api/v1/auth/password-reset",
        json!({ "email": ADMIN }),
    )
    .await;
    let token = token_in(&smtp.wait_for(ADMIN, 2).await[1], &app, "/reset-password");
    let bodies = (0..8)
        .map(|i| json!({ "token": token, "new_password": format!("{NEW_PASSWORD} number {i}") }))
        .collect();
    let answers = burst(&app, "/api/v1/auth/password-reset/confirm", bodies).await;
    assert_eq!(
        answers.iter().filter(|s| **s == 204).count(),
        1,
        "{answers:?}"
    );
    assert!(
        answers.iter().all(|s| *s == 204 || *s == 422),
        "{answers:?}"
    );
    let mut winners = 0;
    for i in 0..8 {
        // Seven wrong passwords would otherwise be throttled (429).
        db.execute("DELETE FROM login_throttles");
        let password = format!("{NEW_PASSWORD} number {i}");
        if login_status(&app, ADMIN, &password).await == 200 {
            winners += 1;
        }
    }
    assert_eq!(winners, 1);

    // Malformed and oversized bodies are clear 4xx answers.
    for body in [
        json!({ "email": 7 }),
        json!({ "mail": ADMIN }),
        json!({ "email": format!("{}@cecop.coop", "a".repeat(300)) }),
    ] {
        let res = post(&app, "/api/v1/auth/password-reset", body).await;
        let status = res.status().as_u16();
        assert!(matches!(status, 400 | 422), "{res:?}");
        problem(res, status).await;
    }
}

#[tokio::test]
async fn an_admin_invites_member_staff_who_choose_their_own_password() {
    let (smtp, db, app) = setup();
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let invitee = "ana@coceta.coop";
    let body = json!({ "email": invitee, "display_name": "Ana García", "role": "member",
                       "organisation": "coceta", "language": "es" });
    let invitation: Invitation = admin
        .json(Method::POST, "/api/v1/invitations", Some(body.clone()))
        .await;
    assert_eq!(
        (
            invitation.status,
            invitation.role,
            invitation.email.as_str()
        ),
        (InvitationStatus::Pending, Role::Member, invitee)
    );
    let mail = smtp.wait_for(invitee, 1).await.remove(0);
    assert_eq!(mail.subject, "Su invitación a la plataforma de CECOP");
    assert!(
        mail.text.contains("Ana García") && mail.text.contains("Cooperativas de Trabajo Asociado"),
        "{}",
        mail.text
    );
    let first = token_in(&mail, &app, "/accept-invitation");

    // Inviting again replaces the open invitation: the first link stops working.
    let second: Invitation = admin
        .json(Method::POST, "/api/v1/invitations", Some(body))
        .await;
    let token = token_in(
        &smtp.wait_for(invitee, 2).await[1],
        &app,
        "/accept-invitation",
    );
    let stale = post(
        &app,
        "/api/v1/auth/accept-invitation",
        json!({ "token": first, "password": NEW_PASSWORD }),
    )
    .await;
    assert_eq!(problem(stale, 422).await.errors[0].field, "token");

    // A refused password creates nothing.
    let users_before = db.count_rows("users");
    let weak = post(
        &app,
        "/api/v1/auth/accept-invitation",
        json!({ "token": token, "password": "ana@coceta.coop 2026" }),
    )
    .await;
    assert_eq!(problem(weak, 422).await.errors[0].field, "password");
    assert_eq!(db.count_rows("users"), users_before);

    // Eight acceptances at once: one account.
    let bodies = (0..8)
        .map(|_| json!({ "token": token, "password": NEW_PASSWORD }))
        .collect();
    let answers = burst(&app, "/api/v1/auth/accept-invitation", bodies).await;
    assert_eq!(
        answers.iter().filter(|s| **s == 201).count(),
        1,
        "{answers:?}"
    );
    assert!(
        answers.iter().all(|s| *s == 201 || *s == 422),
        "{answers:?}"
    );
    assert_eq!(db.count_rows("users"), users_before + 1);

    let ana = sign_in(&app, invitee, NEW_PASSWORD).await;
    let me: Me = ana.json(Method::GET, "/api/v1/me", None).await;
    assert_eq!(
        (
            me.role,
            me.organisation.as_ref().map(|s| s.as_str()),
            me.display_name.as_str()
        ),
        (Role::Member, Some("coceta"), "Ana García")
    );
    let page: Page<Invitation> = admin.json(Method::GET, "/api/v1/invitations", None).await;
    let status = |id: i64| page.items.iter().find(|i| i.id == id).map(|i| i.status);
    assert_eq!(status(second.id), Some(InvitationStatus::Accepted));
    assert_eq!(status(invitation.id), Some(InvitationStatus::Revoked));

    // An address with an account is not invited; bad invitations change nothing.
    let taken = json!({ "email": invitee.to_uppercase(), "display_name": "Ana", "role": "member",
                        "organisation": "coceta" });
    let conflict = problem(
        admin
            .call(Method::POST, "/api/v1/invitations", Some(taken))
            .await,
        409,
    )
    .await;
    assert_eq!(conflict.errors[0].field, "email");
    let invitations_before = db.count_rows("invitations");
    for bad in [
        json!({ "email": "x@cecop.coop", "display_name": "X", "role": "member" }),
        json!({ "email": "x@cecop.coop", "display_name": "X", "role": "editor", "organisation": "coceta" }),
        json!({ "email": "not an address", "display_name": "X", "role": "editor" }),
        json!({ "email": "x@cecop.coop", "display_name": "", "role": "editor" }),
        json!({ "email": "x@cecop.coop", "display_name": "X", "role": "editor", "language": "de" }),
    ] {
        let res = admin
            .call(Method::POST, "/api/v1/invitations", Some(bad.clone()))
            .await;
        assert!(
            matches!(res.status().as_u16(), 400 | 422),
            "{bad}: {}",
            res.status()
        );
    }
    assert_eq!(db.count_rows("invitations"), invitations_before);

    // Withdrawn: the link stops working, and withdrawing twice is a conflict.
    let editor: Invitation = admin
        .json(
            Method::POST,
            "/api/v1/invitations",
            Some(json!({ "email": "ed@cecop.coop", "display_name": "Ed", "role": "editor" })),
        )
        .await;
    let ed_token = token_in(
        &smtp.wait_for("ed@cecop.coop", 1).await[0],
        &app,
        "/accept-invitation",
    );
    let path = format!("/api/v1/invitations/{}", editor.id);
    assert_eq!(admin.call(Method::DELETE, &path, None).await.status(), 204);
    let withdrawn = problem(admin.call(Method::DELETE, &path, None).await, 409).await;
    assert!(withdrawn.is(ProblemKind::Conflict), "{withdrawn:?}");
    let refused = post(
        &app,
        "/api/v1/auth/accept-invitation",
        json!({ "token": ed_token, "password": NEW_PASSWORD }),
    )
    .await;
    problem(refused, 422).await;
    problem(
        admin
            .call(Method::DELETE, "/api/v1/invitations/999999", None)
            .await,
        404,
    )
    .await;
    // An expired invitation is refused too.
    db.execute("UPDATE invitations SET expires_at = '2001-01-01 00:00:00'");
    let page: Page<Invitation> = admin.json(Method::GET, "/api/v1/invitations", None).await;
    assert!(
        page.items
            .iter()
            .all(|i| i.status != InvitationStatus::Pending)
    );
}

#[tokio::test]
async fn members_are_told_in_their_language_when_their_return_is_returned_or_approved() {
    let (smtp, _db, app) = setup();
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    // A member user of the organisation, invited in Italian.
    let returns: Page<cecop_shared::ReturnSummary> = admin
        .json(Method::GET, "/api/v1/returns?state=submitted", None)
        .await;
    let submitted = returns
        .items
        .first()
        .expect("the demo data has a submitted return");
    let organisation = submitted.member.slug.clone();
    let invitee = "staff@member.example.org";
    admin
        .json::<Invitation>(
            Method::POST,
            "/api/v1/invitations",
            Some(
                json!({ "email": invitee, "display_name": "Staff", "role": "member",
                         "organisation": organisation, "language": "it" }),
            ),
        )
        .await;
    let token = token_in(
        &smtp.wait_for(invitee, 1).await[0],
        &app,
        "/accept-invitation",
    );
    let res = post(
        &app,
        "/api/v1/auth/accept-invitation",
        json!({ "token": token, "password": NEW_PASSWORD }),
    )
    .await;
    assert_eq!(res.status(), 201);

    let id = submitted.id.expect("a saved return");
    let reason = "Le cifre dei lavoratori mancano per il settore B.";
    let sent_back = admin
        .call(
            Method::POST,
            &format!("/api/v1/returns/{id}/return"),
            Some(json!({ "reason": reason })),
        )
        .await;
    assert_eq!(sent_back.status(), 200);
    let notice = smtp.wait_for(invitee, 2).await.remove(1);
    assert!(
        notice.subject.contains("vanno corretti"),
        "{}",
        notice.subject
    );
    assert!(notice.text.contains(reason), "{}", notice.text);
    assert!(
        notice.link(&app.url("/portal/returns")).is_some(),
        "{}",
        notice.text
    );

    // The member corrects nothing here and submits again; CECOP approves.
    let member = sign_in(&app, invitee, NEW_PASSWORD).await;
    let year = submitted.year;
    let res = member
        .call(
            Method::POST,
            &format!("/api/v1/my/returns/{year}/submit"),
            None,
        )
        .await;
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    let approved = admin
        .call(Method::POST, &format!("/api/v1/returns/{id}/approve"), None)
        .await;
    assert_eq!(approved.status(), 200);
    let notice = smtp.wait_for(invitee, 3).await.remove(2);
    assert!(notice.subject.contains("approvati"), "{}", notice.subject);
    // The admin, who is nobody's member, was told nothing about returns.
    assert_eq!(smtp.count_to(ADMIN), 0);
}

#[tokio::test]
async fn mail_waits_in_the_outbox_while_the_server_is_down_and_goes_out_when_it_is_back() {
    let db = TestDatabase::new();
    assert!(create_admin(&db, ADMIN, PASSWORD).0);
    let port = {
        let socket = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        socket.local_addr().unwrap().port()
    };
    let app = TestApp::spawn_with(
        &db,
        SpawnOptions {
            extra_env: vec![("CECOP_SMTP_URL".into(), format!("smtp://127.0.0.1:{port}"))],
            ..SpawnOptions::default()
        },
    );
    let res = post(
        &app,
        "/api/v1/auth/password-reset",
        json!({ "email": ADMIN }),
    )
    .await;
    assert_eq!(
        res.status(),
        202,
        "a mail server down is not the caller's error"
    );
    // The first attempt fails and is recorded; the message waits.
    let started = std::time::Instant::now();
    while db.count_rows("mail_outbox WHERE attempts >= 1") == 0 {
        assert!(started.elapsed().as_secs() < 10, "no attempt was made");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(db.count_rows("mail_outbox WHERE body IS NOT NULL"), 1);
    // The server comes up; the retry (10 s after the failure) delivers it.
    let smtp = TestSmtp::start_on(port);
    let mail = smtp.wait_for(ADMIN, 1).await;
    token_in(&mail[0], &app, "/reset-password");
    let started = std::time::Instant::now();
    while db.count_rows("mail_outbox") != 0 {
        assert!(
            started.elapsed().as_secs() < 5,
            "a sent message leaves the outbox"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn without_an_smtp_server_messages_are_written_as_files() {
    let db = TestDatabase::new();
    assert!(create_admin(&db, ADMIN, PASSWORD).0);
    let app = TestApp::spawn(&db);
    let res = post(
        &app,
        "/api/v1/auth/password-reset",
        json!({ "email": ADMIN }),
    )
    .await;
    assert_eq!(res.status(), 202);
    let dir = db.data_dir.path().join("mail");
    let started = std::time::Instant::now();
    let file = loop {
        let found = std::fs::read_dir(&dir).ok().and_then(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .find(|p| p.extension().is_some_and(|e| e == "eml"))
        });
        if let Some(file) = found {
            break file;
        }
        assert!(
            started.elapsed().as_secs() < 10,
            "no .eml in {}",
            dir.display()
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    let raw = std::fs::read(&file).unwrap();
    let mail = cecop_tests::smtp::parse(&raw);
    assert_eq!(mail.to, vec![ADMIN.to_owned()]);
    token_in(&mail, &app, "/reset-password");
}

/// POSTs the bodies to `path` all at once; the statuses, sorted.
async fn burst(app: &TestApp, path: &str, bodies: Vec<serde_json::Value>) -> Vec<u16> {
    let mut set = tokio::task::JoinSet::new();
    for body in bodies {
        let (client, url) = (app.client.clone(), app.url(path));
        set.spawn(async move {
            client
                .post(url)
                .json(&body)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        });
    }
    let mut statuses = Vec::new();
    while let Some(status) = set.join_next().await {
        statuses.push(status.unwrap());
    }
    statuses.sort_unstable();
    statuses
}
