//! A real SMTP server for the e-mail tests: Python's `aiosmtpd` (from PyPI,
//! installed by `just py-tools`), which stores what it receives in a
//! maildir; messages are read back with `mail-parser`, an independent MIME
//! parser.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `aiosmtpd`, stopped when dropped.
#[derive(Debug)]
pub struct TestSmtp {
    pub port: u16,
    dir: tempfile::TempDir,
    child: Child,
}

/// One received message, parsed.
#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub from: String,
    pub to: Vec<String>,
    pub subject: String,
    /// The text body, decoded (quoted-printable or base64 undone).
    pub text: String,
    /// The raw `Content-Type` header.
    pub content_type: String,
}

impl ReceivedMail {
    /// The first link in the body that starts with `prefix`.
    pub fn link(&self, prefix: &str) -> Option<String> {
        self.text
            .split_whitespace()
            .find(|w| w.starts_with(prefix))
            .map(str::to_owned)
    }
}

impl TestSmtp {
    /// On a free port.
    pub fn start() -> Self {
        let port = {
            let socket = std::net::TcpListener::bind("127.0.0.1:0").expect("free port");
            socket.local_addr().expect("address").port()
        };
        Self::start_on(port)
    }

    /// On this port.
    pub fn start_on(port: u16) -> Self {
        let dir = tempfile::tempdir().expect("maildir folder");
        let maildir = dir.path().join("maildir");
        let child = Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start aiosmtpd (`just py-tools` installs it)");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "aiosmtpd did not listen on {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Self { port, dir, child }
    }

    /// The value for `CECOP_SMTP_URL`.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    fn files(&self) -> Vec<PathBuf> {
        let maildir = self.dir.path().join("maildir");
        let mut files: Vec<PathBuf> = ["new", "cur"]
            .iter()
            .filter_map(|sub| std::fs::read_dir(maildir.join(sub)).ok())
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        // Python's maildir names are `<seconds>.M<micros>P<pid>Q<n>.<host>`,
        // with `n` counting deliveries: arrival order.
        let order = |path: &PathBuf| {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let number = |after: char| -> u64 {
                name.split_once(after)
                    .map(|(_, rest)| {
                        rest.chars()
                            .take_while(char::is_ascii_digit)
                            .collect::<String>()
                    })
                    .and_then(|digits| digits.parse().ok())
                    .unwrap_or_default()
            };
            (number('Q'), name.to_owned())
        };
        files.sort_by_key(order);
        files
    }

    /// Every message received so far.
    pub fn received(&self) -> Vec<ReceivedMail> {
        self.files()
            .iter()
            .filter_map(|path| std::fs::read(path).ok())
            .map(|raw| parse(&raw))
            .collect()
    }

    /// The messages to `to`, once there are at least `count` (waits up to
    /// 15 s, then fails).
    pub async fn wait_for(&self, to: &str, count: usize) -> Vec<ReceivedMail> {
        let started = Instant::now();
        loop {
            let mail: Vec<_> = self
                .received()
                .into_iter()
                .filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(to)))
                .collect();
            if mail.len() >= count {
                return mail;
            }
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "{} message(s) to {to} after 15 s, wanted {count}",
                mail.len()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// How many messages to `to` have arrived.
    pub fn count_to(&self, to: &str) -> usize {
        self.received()
            .iter()
            .filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(to)))
            .count()
    }
}

/// Parses one raw message.
pub fn parse(raw: &[u8]) -> ReceivedMail {
    let message = mail_parser::MessageParser::default()
        .parse(raw)
        .expect("a MIME message");
    let addresses = |a: Option<&mail_parser::Address>| -> Vec<String> {
        a.map(|a| {
            a.iter()
                .filter_map(|addr| addr.address().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
    };
    ReceivedMail {
        from: addresses(message.from()).join(","),
        to: addresses(message.to()),
        subject: message.subject().unwrap_or_default().to_owned(),
        text: message
            .body_text(0)
            .map(|t| t.into_owned())
            .unwrap_or_default(),
        content_type: message
            .header_raw("Content-Type")
            .unwrap_or_default()
            .trim()
            .to_owned(),
    }
}

impl Drop for TestSmtp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
