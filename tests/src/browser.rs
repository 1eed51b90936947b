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

use fantoccini::{Client, ClientBuilder};
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
