//! Start-up: probes, failing fast on a bad database URL, and a demo dataset
//! that is loaded once and never duplicated.

use std::time::{Duration, Instant};

use cecop_shared::Overview;
use cecop_tests::{TestApp, TestDatabase, api_command};

#[tokio::test]
async fn liveness_and_readiness_probes_answer() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let live: serde_json::Value = app.get_json("/healthz").await;
    assert_eq!(live["status"], "ok");
    let ready: serde_json::Value = app.get_json("/readyz").await;
    assert_eq!(ready["status"], "ready");
}

#[test]
fn a_bad_database_url_ends_the_process_within_ten_seconds_with_one_line() {
    let db = TestDatabase::new();
    for url in [
        "mysql://root@127.0.0.1/cecop",
        "postgres://nobody@127.0.0.1:1/cecop",
        "postgres://user:secret-pw@[::1:5432/x",
        "/nonexistent-folder/deeper/cecop.sqlite3",
    ] {
        let started = Instant::now();
        let output = api_command(&db)
            .env("CECOP_DATABASE_URL", url)
            .arg("serve")
            .output()
            .unwrap();
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{url}: took {:?}",
            started.elapsed()
        );
        assert!(!output.status.success(), "{url}: exited successfully");
        assert!(output.stdout.is_empty(), "{url}: must not claim to listen");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let reason: Vec<_> = stderr
            .lines()
            .filter(|l| l.starts_with("cecop-api:"))
            .collect();
        assert_eq!(
            reason.len(),
            1,
            "{url}: one line of reason expected, got {stderr}"
        );
        assert!(
            !stderr.contains("secret-pw"),
            "the password leaked: {stderr}"
        );
    }
}

#[tokio::test]
async fn restarts_never_duplicate_the_demo_data() {
    let db = TestDatabase::new();
    let first: Overview = {
        let app = TestApp::spawn(&db);
        app.get_json("/api/v1/overview").await
    };
    let app = TestApp::spawn(&db);
    let second: Overview = app.get_json("/api/v1/overview").await;
    assert_eq!(first, second);
    assert_eq!(second.member_count, 27);
    drop(app);

    let output = api_command(&db).args(["seed", "--demo"]).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("0 members inserted, 28 already present"),
        "{stdout}"
    );

    let app = TestApp::spawn(&db);
    let third: Overview = app.get_json("/api/v1/overview").await;
    assert_eq!(third, first);
}

#[tokio::test]
async fn demo_data_can_be_turned_off_and_loaded_later() {
    let db = TestDatabase::new();
    let output = api_command(&db).arg("migrate").output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let app = cecop_tests::TestApp::spawn_with(
        &db,
        cecop_tests::SpawnOptions {
            extra_env: vec![("CECOP_DEMO_DATA".into(), "false".into())],
            ..Default::default()
        },
    );
    let empty: Overview = app.get_json("/api/v1/overview").await;
    assert_eq!((empty.member_count, empty.enterprise_count), (0, 0));
    drop(app);
    let output = api_command(&db).args(["seed", "--demo"]).output().unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).contains("28 members inserted"));
}

#[tokio::test]
async fn json_logs_carry_the_request_id() {
    let db = TestDatabase::new();
    let app = TestApp::spawn_with(
        &db,
        cecop_tests::SpawnOptions {
            extra_env: vec![
                ("CECOP_LOG".into(), "json".into()),
                ("RUST_LOG".into(), "info".into()),
            ],
            ..Default::default()
        },
    );
    let res = app.get("/api/v1/members/no-such-member").await;
    let id = res.headers()["x-request-id"].to_str().unwrap().to_owned();
    let deadline = Instant::now() + Duration::from_secs(5);
    while !app.stderr().contains(&id) && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let line = app
        .stderr()
        .lines()
        .find(|l| l.contains(&id))
        .map(str::to_owned);
    let line = line.unwrap_or_else(|| panic!("no log line has {id}:\n{}", app.stderr()));
    let parsed: serde_json::Value = serde_json::from_str(&line).expect("a JSON log line");
    assert!(parsed.is_object());
}
