//! E-mail: password-reset links, invitations and notices about data returns.
//!
//! A message is written to the outbox (`db::mail`) in the same transaction
//! as the change it announces ([`enqueue`]), then sent by the deliverer
//! ([`deliver`]) over SMTP, or written as an `.eml` file when no SMTP server
//! is configured (development). So a request never waits for a mail server,
//! a message is never lost when one is down, and no message goes out for a
//! change that was rolled back.
//!
//! Links in messages start with the configured public URL, or the address
//! the server listens on: never with a request's `Host`, which would let
//! anyone who asks for a reset link for someone else choose where it points.

pub mod deliver;
pub mod texts;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::Notify;

use crate::db::DbConnection;
use crate::db::mail::NewMail;
use crate::settings::Settings;
use cecop_shared::UiLanguage;
pub use texts::Letter;

/// How long the deliverer waits for an SMTP server before it tries again.
const SMTP_TIMEOUT: Duration = Duration::from_secs(15);

/// Where messages go.
#[derive(Clone)]
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

/// The configured mail transport, sender and link origin, and the bell
/// that wakes the deliverer when a message is waiting.
#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    origin: String,
    bell: Arc<Notify>,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let transport = match &self.transport {
            // The URL may hold the server's password: never printed.
            Transport::Smtp(_) => "smtp".to_owned(),
            Transport::Files(dir) => format!("files in {}", dir.display()),
        };
        f.debug_struct("Mailer")
            .field("transport", &transport)
            .field("from", &self.from.to_string())
            .field("origin", &self.origin)
            .finish_non_exhaustive()
    }
}

/// Why a message could not be sent.
#[derive(Debug)]
pub struct SendError {
    /// The server refused it for good (a 5xx answer, a malformed address):
    /// trying again would not help.
    pub permanent: bool,
    pub reason: String,
}

impl Mailer {
    /// From the settings; `bound` is where the server listens, the origin of
    /// links when no public URL is configured.
    pub fn from_settings(settings: &Settings, bound: SocketAddr) -> anyhow::Result<Self> {
        let origin = settings
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{bound}"));
        let host = url::Url::parse(&origin)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .filter(|h| h.contains('.') && h.parse::<std::net::IpAddr>().is_err())
            .unwrap_or_else(|| "localhost".to_owned());
        let from = match &settings.mail_from {
            Some(raw) => raw
                .parse::<Mailbox>()
                .map_err(|e| anyhow::anyhow!("CECOP_MAIL_FROM {raw:?} is not a mailbox: {e}"))?,
            None => format!("CECOP <no-reply@{host}>")
                .parse::<Mailbox>()
                .map_err(|e| anyhow::anyhow!("no default sender for host {host:?}: {e}"))?,
        };
        let transport = match settings.smtp_url.as_deref() {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    // The error names what is wrong, not the URL (it may
                    // hold a password).
                    .map_err(|e| anyhow::anyhow!("CECOP_SMTP_URL is not usable: {e}"))?
                    .timeout(Some(SMTP_TIMEOUT))
                    .build(),
            ),
            None => {
                let dir = settings
                    .mail_dir
                    .clone()
                    .unwrap_or_else(|| settings.data_dir.join("mail"));
                std::fs::create_dir_all(&dir).map_err(|e| {
                    anyhow::anyhow!("cannot create mail folder {}: {e}", dir.display())
                })?;
                if settings.env == crate::settings::Environment::Production {
                    tracing::warn!(
                        dir = %dir.display(),
                        "no CECOP_SMTP_URL: e-mail is written to files, not sent"
                    );
                }
                Transport::Files(dir)
            }
        };
        Ok(Self {
            transport,
            from,
            origin,
            bell: Arc::new(Notify::new()),
        })
    }

    /// An absolute link to a page of the site.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    /// Tells the deliverer that a message is waiting (after its transaction
    /// committed).
    pub fn wake(&self) {
        self.bell.notify_one();
    }

    /// Sends one message.
    pub async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), SendError> {
        let refuse = |reason: String| SendError {
            permanent: true,
            reason,
        };
        let to: Mailbox = to
            .parse()
            .map_err(|e| refuse(format!("the recipient is not an address: {e}")))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .date_now()
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_owned())
            .map_err(|e| refuse(format!("cannot build the message: {e}")))?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp.send(message).await.map(drop).map_err(|e| SendError {
                permanent: e.is_permanent(),
                reason: e.to_string(),
            }),
            Transport::Files(dir) => AsyncFileTransport::<Tokio1Executor>::new(dir)
                .send(message)
                .await
                .map(drop)
                .map_err(|e| SendError {
                    permanent: false,
                    reason: e.to_string(),
                }),
        }
    }
}

/// Puts a message in the outbox, in the caller's transaction. Call
/// [`Mailer::wake`] once it has committed.
pub fn enqueue(
    conn: &mut DbConnection,
    to: &str,
    language: UiLanguage,
    letter: &Letter,
) -> diesel::QueryResult<()> {
    let (subject, body) = letter.render(language);
    let now = Utc::now().naive_utc();
    crate::db::mail::insert(
        conn,
        &NewMail {
            kind: letter.kind().to_owned(),
            recipient: to.to_owned(),
            subject,
            body: Some(body),
            created_at: now,
            attempts: 0,
            next_attempt_at: now,
        },
    )
}
