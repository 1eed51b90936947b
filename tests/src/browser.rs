//! Headless Chromium driven through chromedriver (WebDriver, via fantoccini),
//! with axe-core injected into pages for WCAG 2.1 A/AA checks.
//!
//! Chromium runs fully offline (no background networking, every host but
//! loopback unresolvable) with a fresh profile. chromedriver is started in its
//! own process group and the whole group is killed on drop, so no browser
//! outlives a test, even one that panics.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// A chromedriver process and its browsers.
#[derive(Debug)]
pub struct Driver {
    child: Child,
    port: u16,
    _profile: tempfile::TempDir,
}

impl Driver {
    pub fn start() -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("free port");
        let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let mut command = Command::new(&binary);
        // No inherited stdin: a background process group touching a terminal is stopped.
        command
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Some(log) = std::env::var_os("CECOP_CHROMEDRIVER_LOG") {
            // Debugging aid: chromedriver's own log, with the browser's console.
            command
                .arg("--verbose")
                .arg(format!("--log-path={}", PathBuf::from(log).display()));
        }
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command.spawn().unwrap_or_else(|e| {
            panic!("cannot start {binary}: {e} (apt-get install chromium-driver; .ci/run does)")
        });
        let driver = Self {
            child,
            port,
            _profile: tempfile::tempdir().expect("profile dir"),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not start listening"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }

    /// A new headless browser session.
    pub async fn browser(&self) -> Client {
        let profile = self
            ._profile
            .path()
            .join(format!("p{}", rand::random::<u32>()));
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let args = [
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--disable-breakpad".to_owned(),
            "--disable-crash-reporter".to_owned(),
            "--window-size=1280,900".to_owned(),
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"
                .to_owned(),
            format!("--user-data-dir={}", profile.display()),
        ];
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({ "binary": chromium, "args": args }),
        );
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("WebDriver session")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // Kill chromedriver and every browser it started (same process group).
        // A signal call, not the `kill` program: run from this test,
        // `kill -KILL -PGID` (procps-ng 4.0.2) took down every process on the
        // machine, test runner included.
        if let Ok(pgid) = i32::try_from(self.child.id()) {
            let _ = nix::sys::signal::killpg(
                nix::unistd::Pid::from_raw(pgid),
                nix::sys::signal::Signal::SIGKILL,
            );
        }
        let _ = self.child.wait();
    }
}

/// Runs `journey` with a fresh headless browser, in its own task, so the
/// browser and chromedriver are shut down whether the journey passes or
/// panics; a panic is then re-raised for the test to fail with.
pub async fn with_browser<F, Fut>(journey: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let driver = Driver::start();
    let client = driver.browser().await;
    let outcome = tokio::spawn(journey(client.clone())).await;
    let _ = client.close().await;
    drop(driver);
    if let Err(err) = outcome {
        std::panic::resume_unwind(err.into_panic());
    }
}

/// axe-core's script: `CECOP_AXE_JS`, or the copy `.ci/run` installs from npm.
pub fn axe_source() -> String {
    let path = std::env::var_os("CECOP_AXE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::repo_root().join(".tools/node_modules/axe-core/axe.min.js"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (npm install --prefix .tools axe-core; `just tools` does)",
            path.display()
        )
    })
}

/// Runs axe-core on the current page with the WCAG 2.1 A and AA rules and
/// returns the violations, each as `rule: help (selectors)`.
pub async fn axe_violations(client: &Client, axe: &str) -> Vec<String> {
    client.execute(axe, vec![]).await.expect("inject axe-core");
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag',
                 values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
               .then(r => done(r.violations.map(v => ({ id: v.id, help: v.help,
                   nodes: v.nodes.map(n => n.target.join(' ')) }))))
               .catch(e => done([{ id: 'axe-error', help: String(e), nodes: [] }]));",
            vec![],
        )
        .await
        .expect("run axe-core");
    result
        .as_array()
        .map(|violations| {
            violations
                .iter()
                .map(|v| {
                    format!(
                        "{}: {} ({})",
                        v["id"].as_str().unwrap_or_default(),
                        v["help"].as_str().unwrap_or_default(),
                        v["nodes"].as_array().map(Vec::len).unwrap_or_default()
                    ) + &nodes(v)
                })
                .collect()
        })
        .unwrap_or_default()
}

fn nodes(v: &Value) -> String {
    v["nodes"]
        .as_array()
        .map(|n| {
            let list: Vec<&str> = n.iter().filter_map(Value::as_str).take(5).collect();
            format!(" at {}", list.join(", "))
        })
        .unwrap_or_default()
}

/// How long a page may take to show what a test waits for.
pub const WAIT: Duration = Duration::from_secs(20);

/// Waits until `css` matches an element whose text satisfies `ok`; returns the text.
pub async fn wait_text(c: &Client, css: &str, ok: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + WAIT;
    let mut last = String::new();
    while Instant::now() < deadline {
        if let Ok(el) = c.find(Locator::Css(css)).await {
            last = el.text().await.unwrap_or_default();
            if ok(&last) {
                return last;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "{css}: text never satisfied the condition; last seen {last:?} at {:?}",
        c.current_url().await
    );
}

/// Waits until exactly `n` elements match `css`.
pub async fn wait_count(c: &Client, css: &str, n: usize) {
    let deadline = Instant::now() + WAIT;
    let mut seen = 0;
    while Instant::now() < deadline {
        seen = c
            .find_all(Locator::Css(css))
            .await
            .map(|v| v.len())
            .unwrap_or(0);
        if seen == n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "{css}: expected {n} elements, saw {seen} at {:?}",
        c.current_url().await
    );
}

pub async fn assert_accessible(c: &Client, axe: &str, page: &str) {
    let violations = axe_violations(c, axe).await;
    assert!(
        violations.is_empty(),
        "WCAG 2.1 A/AA violations on {page}:\n{}",
        violations.join("\n")
    );
}

/// Waits until `css` matches an element, and returns it.
pub async fn wait_find(c: &Client, css: &str) -> fantoccini::elements::Element {
    let deadline = Instant::now() + WAIT;
    while Instant::now() < deadline {
        if let Ok(el) = c.find(Locator::Css(css)).await {
            return el;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css}: never appeared at {:?}", c.current_url().await);
}

/// Waits until at least one element matches `css`; returns how many do.
pub async fn wait_some(c: &Client, css: &str) -> usize {
    let deadline = Instant::now() + WAIT;
    while Instant::now() < deadline {
        let n = c
            .find_all(Locator::Css(css))
            .await
            .map(|v| v.len())
            .unwrap_or(0);
        if n > 0 {
            return n;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css}: nothing matched at {:?}", c.current_url().await);
}

/// Waits until the address bar's path (and query) satisfies `ok`.
pub async fn wait_url(c: &Client, ok: impl Fn(&reqwest::Url) -> bool) -> reqwest::Url {
    let deadline = Instant::now() + WAIT;
    let mut last = None;
    while Instant::now() < deadline {
        if let Ok(url) = c.current_url().await {
            if ok(&url) {
                return url;
            }
            last = Some(url);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the address never satisfied the condition; last {last:?}");
}

/// Replaces an input's text.
pub async fn fill(c: &Client, css: &str, text: &str) {
    let input = wait_find(c, css).await;
    input.clear().await.unwrap();
    input.send_keys(text).await.unwrap();
}

/// Fills in and submits the sign-in form.
pub async fn sign_in_form(c: &Client, email: &str, password: &str) {
    fill(c, "#login-email", email).await;
    fill(c, "#login-password", password).await;
    wait_find(c, "[data-testid=login-submit]")
        .await
        .click()
        .await
        .unwrap();
}

/// Clicks the element `css` matches, finding it again if the page re-rendered
/// it between the find and the click (a stale element).
pub async fn click(c: &Client, css: &str) {
    let deadline = Instant::now() + WAIT;
    loop {
        let outcome = match c.find(Locator::Css(css)).await {
            Ok(element) => element.click().await.map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match outcome {
            Ok(()) => return,
            Err(e) if Instant::now() >= deadline => panic!("{css}: could not click: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}
