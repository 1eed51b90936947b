//! The deliverer: one task per instance that sends what the outbox holds.
//! It wakes when a request on this instance enqueued a message, and at the
//! latest every [`POLL`] for messages other instances enqueued or that are
//! due for another attempt. A message is claimed before it is sent, so two
//! instances never send it at once; a deliverer that dies mid-send leaves a
//! claim that lapses after [`CLAIM`], and the message is sent again (at
//! least once, as mail always is).

use std::time::Duration;

use actix_web::web;
use chrono::Utc;

use super::Mailer;
use crate::db::Db;
use crate::db::mail::{self, MailRow};

/// The longest the deliverer sleeps.
const POLL: Duration = Duration::from_secs(30);
/// How long a claim holds: longer than one SMTP exchange can take.
const CLAIM_SECS: i64 = 120;
/// Messages claimed per round.
const BATCH: i64 = 20;
/// Waits after the first, second, … failed attempt; after the last the
/// message is given up on (about 11 hours in all).
const BACKOFF_SECS: [i64; 7] = [10, 60, 5 * 60, 15 * 60, 60 * 60, 3 * 3600, 6 * 3600];

/// Starts the deliverer on the current runtime.
pub fn spawn(db: web::Data<Db>, mailer: Mailer) {
    actix_web::rt::spawn(async move {
        loop {
            let full = match round(&db, &mailer).await {
                Ok(sent) => sent == BATCH as usize,
                Err(err) => {
                    tracing::warn!(error = %err, "mail deliverer: database unavailable");
                    false
                }
            };
            if full {
                continue;
            }
            let wait = match db.run(|conn| Ok(mail::next_due(conn)?)).await {
                Ok(Some(due)) => (due - Utc::now().naive_utc())
                    .to_std()
                    .unwrap_or(Duration::ZERO)
                    .min(POLL),
                _ => POLL,
            };
            if wait.is_zero() {
                // Due now but claimed elsewhere: do not spin.
                tokio::time::sleep(Duration::from_millis(500)).await;
                continue;
            }
            tokio::select! {
                () = mailer.bell.notified() => {}
                () = tokio::time::sleep(wait) => {}
            }
        }
    });
}

/// Claims and sends one batch; returns how many were claimed.
async fn round(db: &web::Data<Db>, mailer: &Mailer) -> Result<usize, crate::error::ApiError> {
    let claimed = db
        .run(|conn| {
            let now = Utc::now().naive_utc();
            let until = now + chrono::Duration::seconds(CLAIM_SECS);
            Ok(mail::claim_due(conn, now, until, BATCH)?)
        })
        .await?;
    let count = claimed.len();
    for message in claimed {
        let outcome = match &message.body {
            Some(body) => {
                mailer
                    .send(&message.recipient, &message.subject, body)
                    .await
            }
            None => Err(super::SendError {
                permanent: true,
                reason: "no body".into(),
            }),
        };
        settle(db, message, outcome).await?;
    }
    Ok(count)
}

async fn settle(
    db: &web::Data<Db>,
    message: MailRow,
    outcome: Result<(), super::SendError>,
) -> Result<(), crate::error::ApiError> {
    let MailRow {
        id, kind, attempts, ..
    } = message;
    match outcome {
        Ok(()) => {
            tracing::info!(mail = id, kind, "mail sent");
            db.run(move |conn| Ok(mail::delete(conn, id)?)).await?;
        }
        Err(err) => {
            let wait = usize::try_from(attempts)
                .ok()
                .and_then(|n| BACKOFF_SECS.get(n))
                .filter(|_| !err.permanent);
            let reason: String = err.reason.chars().take(500).collect();
            match wait {
                Some(&secs) => {
                    tracing::warn!(mail = id, kind, attempts = attempts + 1, retry_in = secs,
                        error = %reason, "mail not sent; will try again");
                    db.run(move |conn| {
                        let next = Utc::now().naive_utc() + chrono::Duration::seconds(secs);
                        Ok(mail::retry_at(conn, id, next, &reason)?)
                    })
                    .await?;
                }
                None => {
                    tracing::error!(mail = id, kind, attempts = attempts + 1,
                        error = %reason, "mail given up on");
                    db.run(move |conn| {
                        Ok(mail::give_up(conn, id, Utc::now().naive_utc(), &reason)?)
                    })
                    .await?;
                }
            }
        }
    }
    Ok(())
}
