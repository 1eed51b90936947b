//! The black-box test harness: starts the real `cecop-api` binary on port 0
//! against a fresh database — a SQLite file in a temporary folder, or a
//! uniquely named PostgreSQL database — and talks to it over HTTP.
//!
//! The backend comes from `CECOP_TEST_BACKEND` (`sqlite`, the default, or
//! `postgres` with `CECOP_TEST_PG_URL` naming a server's admin database).
//! `just test` runs the suite once per backend; nothing is skipped.

pub mod browser;
pub mod smtp;
pub mod totp;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use diesel::{Connection, RunQueryDsl, pg::PgConnection};
use rand::Rng;

/// The repository root (this crate lives in `tests/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// The `cecop-api` binary under test: `CECOP_API_BIN`, or the one cargo built
/// next to this test executable.
pub fn api_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("CECOP_API_BIN") {
        return PathBuf::from(bin);
    }
    let exe = std::env::current_exe().expect("test executable path");
    // target/<profile>/deps/<test>-<hash> → target/<profile>/cecop-api
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("target profile folder");
    let bin = profile_dir.join("cecop-api");
    assert!(
        bin.exists(),
        "{} is missing: run `cargo build -p cecop-api` first",
        bin.display()
    );
    bin
}

/// Which database the suite runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_env() -> Self {
        match std::env::var("CECOP_TEST_BACKEND").as_deref() {
            Ok("postgres") => Self::Postgres,
            Ok("sqlite") | Err(_) => Self::Sqlite,
            Ok(other) => panic!("CECOP_TEST_BACKEND={other:?}: use sqlite or postgres"),
        }
    }
}

/// A database that exists for one test and is removed afterwards.
#[derive(Debug)]
pub struct TestDatabase {
    /// The value for `CECOP_DATABASE_URL`; `None` means the default SQLite
    /// file in the data folder.
    pub url: Option<String>,
    pub data_dir: tempfile::TempDir,
    pg: Option<(String, String)>,
}

impl TestDatabase {
    pub fn new() -> Self {
        let data_dir = tempfile::tempdir().expect("temporary data folder");
        match Backend::from_env() {
            Backend::Sqlite => Self {
                url: None,
                data_dir,
                pg: None,
            },
            Backend::Postgres => {
                let admin = std::env::var("CECOP_TEST_PG_URL").expect(
                    "CECOP_TEST_BACKEND=postgres needs CECOP_TEST_PG_URL (e.g. \
                     postgres://postgres@127.0.0.1:55432/postgres); `just test` starts one",
                );
                let name = format!("cecop_test_{:016x}", rand::rng().random::<u64>());
                let mut conn = PgConnection::establish(&admin).expect("connect to PostgreSQL");
                diesel::sql_query(format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .expect("create test database");
                let (base, _) = admin.rsplit_once('/').expect("URL with a database name");
                let url = format!("{base}/{name}");
                Self {
                    url: Some(url),
                    data_dir,
                    pg: Some((admin, name)),
                }
            }
        }
    }
}

impl Default for TestDatabase {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some((admin, name)) = &self.pg
            && let Ok(mut conn) = PgConnection::establish(admin)
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut conn);
        }
    }
}

/// A running `cecop-api serve`, killed when dropped.
#[derive(Debug)]
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    child: Child,
    stderr: std::sync::Arc<std::sync::Mutex<String>>,
}

/// Options for [`TestApp::spawn_with`].
#[derive(Debug, Default)]
pub struct SpawnOptions {
    pub static_dir: Option<PathBuf>,
    pub extra_env: Vec<(String, String)>,
}

impl TestApp {
    /// Starts the server on a fresh database of the configured backend.
    pub fn spawn(db: &TestDatabase) -> Self {
        Self::spawn_with(db, SpawnOptions::default())
    }

    pub fn spawn_with(db: &TestDatabase, options: SpawnOptions) -> Self {
        let mut command = api_command(db);
        command.arg("serve");
        if let Some(dir) = &options.static_dir {
            command.env("CECOP_STATIC_DIR", dir);
        }
        for (key, value) in &options.extra_env {
            command.env(key, value);
        }
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start cecop-api");
        let stderr = collect(child.stderr.take().expect("stderr"));
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let _ = tx.send(line);
            // Keep draining so the server never blocks on a full pipe.
            let _ = std::io::copy(&mut reader, &mut std::io::sink());
        });
        let line = rx.recv_timeout(Duration::from_secs(60)).unwrap_or_default();
        let Some(address) = line.trim().strip_prefix("listening on ") else {
            let _ = child.kill();
            let _ = child.wait();
            std::thread::sleep(Duration::from_millis(100));
            panic!(
                "first stdout line was {line:?}, not `listening on …`; stderr:\n{}",
                stderr.lock().map(|s| s.clone()).unwrap_or_default()
            );
        };
        Self {
            address: address.to_owned(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                // Below the server's 5 s keep-alive, so an idle pooled
                // connection is never reused just as the server closes it.
                .pool_idle_timeout(Duration::from_secs(3))
                .build()
                .expect("HTTP client"),
            child,
            stderr,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request failed")
    }

    /// GET and decode a 200 JSON body, failing with the body otherwise.
    pub async fn get_json<T: serde::de::DeserializeOwned>(&self, path: &str) -> T {
        let res = self.get(path).await;
        let status = res.status();
        let text = res.text().await.expect("body");
        assert_eq!(status, 200, "GET {path}: {text}");
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("GET {path}: {e}: {text}"))
    }

    /// What the server wrote to stderr so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A `cecop-api` command configured for the test database, quiet logs.
pub fn api_command(db: &TestDatabase) -> Command {
    let mut command = Command::new(api_binary());
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("CECOP_BIND", "127.0.0.1:0")
        .env("CECOP_DATA_DIR", db.data_dir.path())
        .env("CECOP_WORKERS", "2")
        .env("RUST_LOG", "warn");
    if let Some(url) = &db.url {
        command.env("CECOP_DATABASE_URL", url);
    }
    command
}

/// Runs `cecop-api create-admin` with the password on stdin; returns the
/// exit status and what it printed (stdout, stderr).
pub fn create_admin(db: &TestDatabase, email: &str, password: &str) -> (bool, String, String) {
    use std::io::Write;
    let mut child = api_command(db)
        .args(["create-admin", "--email", email, "--password-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start create-admin");
    if let Some(mut stdin) = child.stdin.take() {
        let _ = writeln!(stdin, "{password}");
    }
    let output = child.wait_with_output().expect("create-admin output");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn collect(mut pipe: impl Read + Send + 'static) -> std::sync::Arc<std::sync::Mutex<String>> {
    let buffer = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let sink = buffer.clone();
    std::thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        while let Ok(n) = pipe.read(&mut chunk) {
            if n == 0 {
                break;
            }
            if let Ok(mut s) = sink.lock() {
                s.push_str(&String::from_utf8_lossy(&chunk[..n]));
            }
        }
    });
    buffer
}

/// A signed-in caller: a person's access token or an API token.
#[derive(Debug)]
pub struct Session<'a> {
    pub app: &'a TestApp,
    pub bearer: String,
}

impl Session<'_> {
    pub async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> reqwest::Response {
        let mut request = self
            .app
            .client
            .request(method, self.app.url(path))
            .bearer_auth(&self.bearer);
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send().await.expect("request failed")
    }

    /// A request with this caller's credentials, for headers of its own
    /// (`If-Match`).
    pub fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.app
            .client
            .request(method, self.app.url(path))
            .bearer_auth(&self.bearer)
    }

    /// Sends a raw body with a content type (CSV uploads).
    pub async fn send_bytes(
        &self,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> reqwest::Response {
        self.app
            .client
            .post(self.app.url(path))
            .bearer_auth(&self.bearer)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("request failed")
    }

    /// A call whose answer must be 200 JSON, decoded.
    pub async fn json<T: serde::de::DeserializeOwned>(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> T {
        let res = self.call(method.clone(), path, body).await;
        let status = res.status();
        let text = res.text().await.expect("body");
        assert!(status.is_success(), "{method} {path}: {status} {text}");
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{method} {path}: {e}: {text}"))
    }
}

impl<'a> Session<'a> {
    /// An integrator token (no organisation, `members:read` only) minted by
    /// this signed-in admin, as a caller of its own: the least an API token
    /// can be, for "tokens are refused here" checks.
    pub async fn reader_token(&self) -> Session<'a> {
        let minted: cecop_shared::CreatedApiToken = self
            .json(
                reqwest::Method::POST,
                "/api/v1/tokens",
                Some(serde_json::json!({ "name": "reader", "scopes": ["members:read"] })),
            )
            .await;
        Session {
            app: self.app,
            bearer: minted.secret,
        }
    }

    /// The organisation's token with every scope a member organisation can
    /// hold, minted by this signed-in member user: the most an
    /// organisation's token can be, for "tokens are refused here" checks.
    pub async fn organisation_token(&self) -> Session<'a> {
        let minted: cecop_shared::CreatedApiToken = self
            .json(
                reqwest::Method::POST,
                "/api/v1/tokens",
                Some(serde_json::json!({ "name": "every scope",
                    "scopes": ["members:read", "profile:write", "returns:write", "stories:write", "media:write"] })),
            )
            .await;
        Session {
            app: self.app,
            bearer: minted.secret,
        }
    }

    /// Creates these users (`POST /api/v1/users` bodies) as this signed-in
    /// admin.
    pub async fn create_users(&self, users: &[serde_json::Value]) {
        for body in users {
            let res = self
                .call(reqwest::Method::POST, "/api/v1/users", Some(body.clone()))
                .await;
            assert_eq!(res.status(), 201, "{body}");
        }
    }

    /// A caller without credentials.
    pub fn anonymous(app: &'a TestApp) -> Self {
        Session {
            app,
            bearer: String::new(),
        }
    }
}

/// Signs in with e-mail and password.
pub async fn sign_in<'a>(app: &'a TestApp, email: &str, password: &str) -> Session<'a> {
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&serde_json::json!({ "email": email, "password": password }))
        .send()
        .await
        .expect("request failed");
    assert_eq!(res.status(), 200, "{email} could not sign in");
    let pair: cecop_shared::TokenPair = res.json().await.expect("token pair");
    Session {
        app,
        bearer: pair.access_token,
    }
}

/// The problem+json body of a response that must have this status.
pub async fn expect_problem(res: reqwest::Response, status: u16) -> cecop_shared::Problem {
    let got = res.status().as_u16();
    let content_type = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let text = res.text().await.expect("body");
    assert_eq!(got, status, "{text}");
    assert_eq!(
        content_type, "application/problem+json",
        "errors are problem+json: {text}"
    );
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not a problem: {e}: {text}"))
}

impl TestDatabase {
    /// Runs one SQL statement straight on the database, as another process
    /// (an operator, a second server) would; returns the rows it changed.
    pub fn execute(&self, sql: &str) -> usize {
        match &self.url {
            Some(url) => {
                let mut conn = PgConnection::establish(url).expect("connect to PostgreSQL");
                diesel::sql_query(sql).execute(&mut conn).expect("execute")
            }
            None => {
                let path = self.data_dir.path().join("cecop.sqlite3");
                let mut conn = diesel::sqlite::SqliteConnection::establish(&path.to_string_lossy())
                    .expect("open SQLite");
                diesel::sql_query(sql).execute(&mut conn).expect("execute")
            }
        }
    }

    /// How many rows a table has, read straight from the database (for
    /// checks that nothing was half-written).
    pub fn count_rows(&self, table: &str) -> i64 {
        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let query = format!("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM {table}");
        let count: Count = match &self.url {
            Some(url) => {
                let mut conn = PgConnection::establish(url).expect("connect to PostgreSQL");
                diesel::sql_query(query)
                    .get_result(&mut conn)
                    .expect("count")
            }
            None => {
                let path = self.data_dir.path().join("cecop.sqlite3");
                let mut conn = diesel::sqlite::SqliteConnection::establish(&path.to_string_lossy())
                    .expect("open SQLite");
                diesel::sql_query(query)
                    .get_result(&mut conn)
                    .expect("count")
            }
        };
        count.n
    }
}
