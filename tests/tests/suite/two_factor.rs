//! Two-factor sign-in: enrolment with a password and a code, the second
//! sign-in step, one use per code, recovery codes, throttled guessing from
//! one address and from many, the admins' requirement, and an admin reset.

use cecop_shared::{
    LoginChallenge, Me, ProblemKind, RecoveryCodes, TokenPair, TwoFactorSetup, TwoFactorStatus,
    User,
};
use cecop_tests::totp::{base32_decode, code};
use cecop_tests::{
    Session, SpawnOptions, TestApp, TestDatabase, create_admin, expect_problem as problem, sign_in,
};
use reqwest::Method;
use serde_json::{Value, json};

const ADMIN: &str = "admin@cecop.coop";
const EDITOR: &str = "editor@cecop.coop";
const PASSWORD: &str = "correct horse battery staple";

fn app(db: &TestDatabase, extra: &[(&str, &str)]) -> TestApp {
    assert!(create_admin(db, ADMIN, PASSWORD).0);
    let mut extra_env = vec![("CECOP_TRUSTED_PROXIES".to_owned(), "127.0.0.1".to_owned())];
    extra_env.extend(
        extra
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
    );
    TestApp::spawn_with(
        db,
        SpawnOptions {
            extra_env,
            ..Default::default()
        },
    )
}

async fn post(app: &TestApp, path: &str, from: &str, body: Value) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header("x-forwarded-for", from)
        .json(&body)
        .send()
        .await
        .unwrap()
}

/// Signs in with the password; the challenge of the `202` answer.
async fn challenge(app: &TestApp, email: &str) -> String {
    let res = post(
        app,
        "/api/v1/auth/login",
        "198.51.100.1",
        json!({ "email": email, "password": PASSWORD }),
    )
    .await;
    assert_eq!(res.status(), 202, "a second step is asked for");
    let challenge: LoginChallenge = res.json().await.unwrap();
    assert_eq!(challenge.expires_in, 300);
    challenge.challenge
}

async fn second_step(app: &TestApp, challenge: &str, code: &str) -> reqwest::Response {
    post(
        app,
        "/api/v1/auth/two-factor",
        "198.51.100.1",
        json!({ "challenge": challenge, "code": code }),
    )
    .await
}

/// Turns two-factor sign-in on for a signed-in user with a code for the
/// previous time step; the secret and the recovery codes.
async fn enrol(user: &Session<'_>) -> (Vec<u8>, Vec<String>) {
    let setup: TwoFactorSetup = user
        .json(
            Method::POST,
            "/api/v1/me/two-factor/setup",
            Some(json!({ "password": PASSWORD })),
        )
        .await;
    let secret = base32_decode(&setup.secret);
    let codes: RecoveryCodes = user
        .json(
            Method::POST,
            "/api/v1/me/two-factor/confirm",
            Some(json!({ "code": code(&secret, -1).await })),
        )
        .await;
    (secret, codes.codes)
}

/// The editor account, created by the admin.
fn editor_body() -> Value {
    json!({ "email": EDITOR, "display_name": "Editor", "role": "editor", "password": PASSWORD })
}

async fn create_editor(admin: &Session<'_>) -> User {
    let res = admin
        .call(Method::POST, "/api/v1/users", Some(editor_body()))
        .await;
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

async fn status(user: &Session<'_>) -> TwoFactorStatus {
    user.json(Method::GET, "/api/v1/me/two-factor", None).await
}

/// A code that is not the right one for any accepted step.
async fn wrong_code(secret: &[u8]) -> String {
    let mut right = Vec::new();
    for offset in -1..=1 {
        right.push(code(secret, offset).await);
    }
    (0..)
        .map(|n| format!("{:06}", 123_456 + n))
        .find(|c| !right.contains(c))
        .unwrap()
}

#[tokio::test]
async fn enrol_then_sign_in_with_a_code_each_code_once_and_recovery_codes_once() {
    let db = TestDatabase::new();
    let app = app(&db, &[]);
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let off = status(&admin).await;
    assert!(
        !off.enabled && !off.required && off.recovery_codes_left == 0,
        "{off:?}"
    );

    // Confirming needs a setup first; a setup needs the password.
    let res = admin
        .call(
            Method::POST,
            "/api/v1/me/two-factor/confirm",
            Some(json!({ "code": "123456" })),
        )
        .await;
    assert!(problem(res, 409).await.is(ProblemKind::Conflict));
    let res = admin
        .call(
            Method::POST,
            "/api/v1/me/two-factor/setup",
            Some(json!({ "password": "not the password" })),
        )
        .await;
    let wrong = problem(res, 422).await;
    assert_eq!(wrong.errors[0].field, "password", "{wrong:?}");
    assert_eq!(db.count_rows("two_factor"), 0, "nothing was set up");

    let setup: TwoFactorSetup = admin
        .json(
            Method::POST,
            "/api/v1/me/two-factor/setup",
            Some(json!({ "password": PASSWORD })),
        )
        .await;
    assert!(
        setup
            .otpauth_uri
            .starts_with("otpauth://totp/CECOP:admin%40cecop.coop?")
            && setup
                .otpauth_uri
                .contains(&format!("secret={}", setup.secret))
            && setup.otpauth_uri.contains("issuer=CECOP"),
        "{}",
        setup.otpauth_uri
    );
    let secret = base32_decode(&setup.secret);
    assert_eq!(secret.len(), 20, "160-bit secret");
    // Set up but not confirmed: sign-in is unchanged.
    assert!(!status(&admin).await.enabled);
    sign_in(&app, ADMIN, PASSWORD).await;

    let res = admin
        .call(
            Method::POST,
            "/api/v1/me/two-factor/confirm",
            Some(json!({ "code": wrong_code(&secret).await })),
        )
        .await;
    let wrong = problem(res, 422).await;
    assert_eq!(
        (
            wrong.errors[0].field.as_str(),
            wrong.errors[0].code.as_deref()
        ),
        ("code", Some("wrong_code"))
    );
    assert!(!status(&admin).await.enabled);
    let codes: RecoveryCodes = admin
        .json(
            Method::POST,
            "/api/v1/me/two-factor/confirm",
            Some(json!({ "code": code(&secret, -1).await })),
        )
        .await;
    assert_eq!(codes.codes.len(), 10);
    let distinct: std::collections::HashSet<_> = codes.codes.iter().collect();
    assert_eq!(distinct.len(), 10);
    let on = status(&admin).await;
    assert!(
        on.enabled && on.enabled_at.is_some() && on.recovery_codes_left == 10,
        "{on:?}"
    );
    let me: Me = admin.json(Method::GET, "/api/v1/me", None).await;
    assert!(me.two_factor && !me.two_factor_required);

    // At rest: the secret is sealed, the recovery codes are hashes.
    let stored = db.count_rows(&format!(
        "two_factor WHERE sealed_secret LIKE '%{}%' OR lower(sealed_secret) LIKE '%{}%'",
        setup.secret,
        secret
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    ));
    assert_eq!(stored, 0, "the secret is not stored in the clear");
    for plain in &codes.codes {
        let raw = plain.replace('-', "");
        let clear = db.count_rows(&format!(
            "recovery_codes WHERE code_hash LIKE '%{raw}%' OR code_hash LIKE '%{plain}%'"
        ));
        assert_eq!(clear, 0);
    }
    assert_eq!(db.count_rows("recovery_codes"), 10);

    // The password alone no longer signs in: a challenge, not a session.
    let first = challenge(&app, ADMIN).await;
    let res = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth(&first)
        .send()
        .await
        .unwrap();
    problem(res, 401).await;
    problem(
        second_step(&app, &first, &wrong_code(&secret).await).await,
        401,
    )
    .await;
    let now = code(&secret, 0).await;
    let res = second_step(&app, &first, &now).await;
    assert_eq!(res.status(), 200);
    let pair: TokenPair = res.json().await.unwrap();
    assert_eq!(
        app.client
            .get(app.url("/api/v1/me"))
            .bearer_auth(&pair.access_token)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    // The same code does not sign in twice (RFC 6238 § 5.2), nor does an
    // older one, even with a fresh challenge.
    let again = challenge(&app, ADMIN).await;
    problem(second_step(&app, &again, &now).await, 401).await;
    problem(
        second_step(&app, &again, &code(&secret, -1).await).await,
        401,
    )
    .await;

    // A recovery code works once, in any case and without the dash.
    let recovery = codes.codes[3].to_uppercase().replace('-', " ");
    assert_eq!(second_step(&app, &again, &recovery).await.status(), 200);
    let third = challenge(&app, ADMIN).await;
    problem(second_step(&app, &third, &codes.codes[3]).await, 401).await;
    assert_eq!(status(&admin).await.recovery_codes_left, 9);
    assert_eq!(
        db.count_rows("audit_log WHERE action = 'auth.recovery_code_used'"),
        1
    );
    assert!(db.count_rows("audit_log WHERE action = 'auth.two_factor_failed'") >= 3);

    // A garbage or forged challenge, and one from before a password change.
    problem(
        second_step(&app, "not-a-challenge", &codes.codes[4]).await,
        401,
    )
    .await;
    let stale = challenge(&app, ADMIN).await;
    let new_password = "seven purple tigers dance at midnight";
    let res = admin
        .call(
            Method::POST,
            "/api/v1/me/password",
            Some(json!({ "current_password": PASSWORD, "new_password": new_password })),
        )
        .await;
    assert_eq!(res.status(), 204);
    problem(second_step(&app, &stale, &codes.codes[4]).await, 401).await;
    assert_eq!(
        db.count_rows("recovery_codes WHERE used_at IS NULL"),
        9,
        "a refused challenge uses no code"
    );
}

#[tokio::test]
async fn codes_turn_it_off_and_replace_the_recovery_codes_and_bad_input_changes_nothing() {
    let db = TestDatabase::new();
    let app = app(&db, &[]);
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let (secret, old_codes) = enrol(&admin).await;

    // Replacing the recovery codes needs a code; the old ones stop working.
    let res = admin
        .call(
            Method::POST,
            "/api/v1/me/two-factor/recovery-codes",
            Some(json!({ "code": wrong_code(&secret).await })),
        )
        .await;
    problem(res, 422).await;
    let fresh: RecoveryCodes = admin
        .json(
            Method::POST,
            "/api/v1/me/two-factor/recovery-codes",
            Some(json!({ "code": code(&secret, 0).await })),
        )
        .await;
    assert!(fresh.codes.iter().all(|c| !old_codes.contains(c)));
    let challenge_now = challenge(&app, ADMIN).await;
    problem(second_step(&app, &challenge_now, &old_codes[0]).await, 401).await;

    // Bad input: too long, not a code, a setup while on. Nothing changes.
    let before = (
        db.count_rows("two_factor"),
        db.count_rows("recovery_codes WHERE used_at IS NULL"),
    );
    for (path, body, status) in [
        (
            "/api/v1/me/two-factor/disable",
            json!({ "code": "1".repeat(40) }),
            422,
        ),
        (
            "/api/v1/me/two-factor/disable",
            json!({ "code": 123456 }),
            400,
        ),
        ("/api/v1/me/two-factor/disable", json!({}), 400),
        (
            "/api/v1/me/two-factor/setup",
            json!({ "password": PASSWORD }),
            409,
        ),
        (
            "/api/v1/me/two-factor/confirm",
            json!({ "code": "123456" }),
            409,
        ),
    ] {
        let res = admin.call(Method::POST, path, Some(body.clone())).await;
        assert_eq!(res.status(), status, "{path} {body}");
        problem(res, status).await;
    }
    let res = post(
        &app,
        "/api/v1/auth/two-factor",
        "198.51.100.1",
        json!({ "challenge": "x".repeat(2000), "code": "123456" }),
    )
    .await;
    problem(res, 422).await;
    let after = (
        db.count_rows("two_factor"),
        db.count_rows("recovery_codes WHERE used_at IS NULL"),
    );
    assert_eq!(before, after);

    // Off with a recovery code: the password alone signs in again.
    let res = admin
        .call(
            Method::POST,
            "/api/v1/me/two-factor/disable",
            Some(json!({ "code": fresh.codes[0] })),
        )
        .await;
    assert_eq!(res.status(), 204);
    assert_eq!(
        (db.count_rows("two_factor"), db.count_rows("recovery_codes")),
        (0, 0)
    );
    sign_in(&app, ADMIN, PASSWORD).await;
    let res = admin
        .call(
            Method::POST,
            "/api/v1/me/two-factor/disable",
            Some(json!({ "code": "123456" })),
        )
        .await;
    problem(res, 409).await;
    for action in [
        "user.two_factor_enabled",
        "user.recovery_codes_replaced",
        "user.two_factor_disabled",
        "auth.recovery_code_used",
    ] {
        assert_eq!(
            db.count_rows(&format!("audit_log WHERE action = '{action}'")),
            1,
            "{action}"
        );
    }
}

/// The attack: whoever has the password guesses six-digit codes, in a
/// parallel burst from one address, then spread over many addresses.
#[tokio::test]
async fn code_guessing_is_throttled_per_address_and_over_every_address() {
    let db = TestDatabase::new();
    let app = app(&db, &[]);
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let (secret, _) = enrol(&admin).await;
    let stolen = challenge(&app, ADMIN).await;
    let guess = wrong_code(&secret).await;
    let mut burst = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let (client, url) = (app.client.clone(), app.url("/api/v1/auth/two-factor"));
        let body = json!({ "challenge": stolen, "code": guess });
        burst.spawn(async move {
            let res = client
                .post(url)
                .header("x-forwarded-for", "203.0.113.66")
                .json(&body)
                .send()
                .await
                .unwrap();
            (
                res.status().as_u16(),
                res.headers().contains_key("retry-after"),
            )
        });
    }
    let mut statuses = Vec::new();
    while let Some(answer) = burst.join_next().await {
        let (status, retry_after) = answer.unwrap();
        assert!(status != 429 || retry_after, "429 says when to retry");
        statuses.push(status);
    }
    let guessed = statuses.iter().filter(|s| **s == 401).count();
    let held = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!((guessed, held), (5, 15), "{statuses:?}");

    // Five more addresses, one guess each: after ten wrong codes in all,
    // every address waits, the owner's included.
    for i in 0..5 {
        let res = post(
            &app,
            "/api/v1/auth/two-factor",
            &format!("192.0.2.{i}"),
            json!({ "challenge": stolen, "code": guess }),
        )
        .await;
        assert_eq!(res.status(), 401, "guess {i} from a new address");
    }
    let res = post(
        &app,
        "/api/v1/auth/two-factor",
        "198.51.100.200",
        json!({ "challenge": stolen, "code": code(&secret, 0).await }),
    )
    .await;
    assert!(problem(res, 429).await.is(ProblemKind::RateLimited));
    assert_eq!(
        db.count_rows("audit_log WHERE action = 'auth.two_factor_failed'"),
        10
    );
}

#[tokio::test]
async fn admins_can_do_nothing_as_admins_until_they_enrol_when_the_server_requires_it() {
    let db = TestDatabase::new();
    let app = app(&db, &[("CECOP_REQUIRE_2FA_FOR_ADMINS", "true")]);
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let me: Me = admin.json(Method::GET, "/api/v1/me", None).await;
    assert!(!me.two_factor && me.two_factor_required);
    let before = db.count_rows("users");
    for (method, path, body) in [
        (Method::GET, "/api/v1/users", None),
        (Method::GET, "/api/v1/audit", None),
        (Method::POST, "/api/v1/users", Some(editor_body())),
        (Method::GET, "/api/v1/tokens", None),
    ] {
        let res = admin.call(method.clone(), path, body).await;
        let refused = problem(res, 403).await;
        assert!(
            refused.detail.unwrap_or_default().contains("two-factor"),
            "{method} {path}"
        );
    }
    assert_eq!(
        db.count_rows("users"),
        before,
        "refused writes write nothing"
    );
    // Their own account still answers, so they can turn it on.
    let status = status(&admin).await;
    assert!(status.required && !status.enabled);
    let (secret, _) = enrol(&admin).await;
    assert_eq!(
        admin
            .call(Method::GET, "/api/v1/users", None)
            .await
            .status(),
        200
    );
    let me: Me = admin.json(Method::GET, "/api/v1/me", None).await;
    assert!(me.two_factor && !me.two_factor_required);
    // And cannot turn it off while it is required.
    let res = admin
        .call(
            Method::POST,
            "/api/v1/me/two-factor/disable",
            Some(json!({ "code": code(&secret, 0).await })),
        )
        .await;
    problem(res, 409).await;
    assert_eq!(
        db.count_rows("two_factor WHERE confirmed_at IS NOT NULL"),
        1
    );
    // Editors are not required to.
    create_editor(&admin).await;
    let editor = sign_in(&app, EDITOR, PASSWORD).await;
    let me: Me = editor.json(Method::GET, "/api/v1/me", None).await;
    assert!(!me.two_factor_required);
}

#[tokio::test]
async fn an_admin_resets_a_lost_second_factor_and_the_users_sessions_end() {
    let db = TestDatabase::new();
    let app = app(&db, &[]);
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let created = create_editor(&admin).await;
    assert!(!created.two_factor);
    let editor = sign_in(&app, EDITOR, PASSWORD).await;
    enrol(&editor).await;
    let path = format!("/api/v1/users/{}", created.id);
    let shown: User = admin.json(Method::GET, &path, None).await;
    assert!(shown.two_factor, "admins see who uses it");

    // Nobody else may reset it; the editor cannot reset their own this way.
    let reset = format!("{path}/two-factor");
    problem(editor.call(Method::DELETE, &reset, None).await, 403).await;
    assert_eq!(db.count_rows("two_factor"), 1);

    let res = admin.call(Method::DELETE, &reset, None).await;
    assert_eq!(res.status(), 204);
    assert_eq!(
        (db.count_rows("two_factor"), db.count_rows("recovery_codes")),
        (0, 0)
    );
    problem(editor.call(Method::GET, "/api/v1/me", None).await, 401).await;
    sign_in(&app, EDITOR, PASSWORD).await;
    let shown: User = admin.json(Method::GET, &path, None).await;
    assert!(!shown.two_factor);
    problem(admin.call(Method::DELETE, &reset, None).await, 404).await;
    problem(
        admin
            .call(Method::DELETE, "/api/v1/users/999999/two-factor", None)
            .await,
        404,
    )
    .await;
    problem(
        admin
            .call(Method::DELETE, "/api/v1/users/abc/two-factor", None)
            .await,
        400,
    )
    .await;
    assert_eq!(
        db.count_rows("audit_log WHERE action = 'user.two_factor_reset'"),
        1
    );
}

#[tokio::test]
async fn two_factor_routes_are_for_signed_in_people_only() {
    let db = TestDatabase::new();
    let app = app(&db, &[]);
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let token = admin.reader_token().await;
    let anonymous = Session::anonymous(&app);
    let before = (db.count_rows("two_factor"), db.count_rows("audit_log"));
    for (method, path, body) in [
        (Method::GET, "/api/v1/me/two-factor", None),
        (
            Method::POST,
            "/api/v1/me/two-factor/setup",
            Some(json!({ "password": PASSWORD })),
        ),
        (
            Method::POST,
            "/api/v1/me/two-factor/confirm",
            Some(json!({ "code": "123456" })),
        ),
        (
            Method::POST,
            "/api/v1/me/two-factor/disable",
            Some(json!({ "code": "123456" })),
        ),
        (
            Method::POST,
            "/api/v1/me/two-factor/recovery-codes",
            Some(json!({ "code": "123456" })),
        ),
    ] {
        let res = anonymous.call(method.clone(), path, body.clone()).await;
        problem(res, 401).await;
        let res = token.call(method.clone(), path, body).await;
        problem(res, 403).await;
    }
    assert_eq!(
        (db.count_rows("two_factor"), db.count_rows("audit_log")),
        before
    );
}

/// One code sent many times at once (a replay racing the owner): exactly
/// one sign-in, the rest refused, none a server error.
#[tokio::test]
async fn a_code_raced_by_parallel_requests_signs_in_exactly_once() {
    let db = TestDatabase::new();
    let app = app(&db, &[]);
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let (secret, _) = enrol(&admin).await;
    let pending = challenge(&app, ADMIN).await;
    let now = code(&secret, 0).await;
    let sessions_before = db.count_rows("sessions");
    let mut race = tokio::task::JoinSet::new();
    for i in 0..12 {
        let (client, url) = (app.client.clone(), app.url("/api/v1/auth/two-factor"));
        let body = json!({ "challenge": pending, "code": now });
        race.spawn(async move {
            client
                .post(url)
                .header("x-forwarded-for", format!("192.0.2.{i}"))
                .json(&body)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        });
    }
    let mut statuses = Vec::new();
    while let Some(status) = race.join_next().await {
        statuses.push(status.unwrap());
    }
    statuses.sort_unstable();
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| matches!(s, 200 | 401 | 429)),
        "{statuses:?}"
    );
    assert_eq!(db.count_rows("sessions"), sessions_before + 1);
}
