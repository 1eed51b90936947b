//! The mail outbox (`crate::mail`): messages waiting to be sent, claimed by
//! one deliverer at a time.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::mail_outbox;

/// A message to send.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = mail_outbox)]
pub struct NewMail {
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body: Option<String>,
    pub created_at: NaiveDateTime,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
}

/// A claimed message.
#[derive(Debug, Clone, Queryable)]
pub struct MailRow {
    pub id: i64,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body: Option<String>,
    pub attempts: i32,
}

pub fn insert(conn: &mut DbConnection, mail: &NewMail) -> QueryResult<()> {
    diesel::insert_into(mail_outbox::table)
        .values(mail)
        .execute(conn)
        .map(drop)
}

/// Messages due and not claimed by a live deliverer.
#[diesel::dsl::auto_type]
fn claimable(now: NaiveDateTime) -> _ {
    mail_outbox::table
        .filter(mail_outbox::failed_at.is_null())
        .filter(mail_outbox::next_attempt_at.le(now))
        .filter(
            mail_outbox::claimed_until
                .is_null()
                .or(mail_outbox::claimed_until.lt(now)),
        )
}

/// Claims up to `limit` due messages until `until`: each is claimed by a
/// conditional update, so of two deliverers (two instances) one wins it.
pub fn claim_due(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    until: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<MailRow>> {
    let ids: Vec<i64> = claimable(now)
        .select(mail_outbox::id)
        .order_by(mail_outbox::id.asc())
        .limit(limit)
        .load(conn)?;
    let mut claimed = Vec::with_capacity(ids.len());
    for id in ids {
        let won = diesel::update(claimable(now).filter(mail_outbox::id.eq(id)))
            .set(mail_outbox::claimed_until.eq(until))
            .execute(conn)?;
        if won == 1 {
            claimed.push(
                mail_outbox::table
                    .filter(mail_outbox::id.eq(id))
                    .select((
                        mail_outbox::id,
                        mail_outbox::kind,
                        mail_outbox::recipient,
                        mail_outbox::subject,
                        mail_outbox::body,
                        mail_outbox::attempts,
                    ))
                    .get_result(conn)?,
            );
        }
    }
    Ok(claimed)
}

/// A sent message leaves the outbox.
pub fn delete(conn: &mut DbConnection, id: i64) -> QueryResult<usize> {
    diesel::delete(mail_outbox::table.filter(mail_outbox::id.eq(id))).execute(conn)
}

/// A failed attempt: try again at `next`.
pub fn retry_at(
    conn: &mut DbConnection,
    id: i64,
    next: NaiveDateTime,
    error: &str,
) -> QueryResult<usize> {
    diesel::update(mail_outbox::table.filter(mail_outbox::id.eq(id)))
        .set((
            mail_outbox::attempts.eq(mail_outbox::attempts + 1),
            mail_outbox::next_attempt_at.eq(next),
            mail_outbox::claimed_until.eq(None::<NaiveDateTime>),
            mail_outbox::last_error.eq(error),
        ))
        .execute(conn)
}

/// Given up: the row stays as the record of the failure, without its body.
pub fn give_up(
    conn: &mut DbConnection,
    id: i64,
    now: NaiveDateTime,
    error: &str,
) -> QueryResult<usize> {
    diesel::update(mail_outbox::table.filter(mail_outbox::id.eq(id)))
        .set((
            mail_outbox::attempts.eq(mail_outbox::attempts + 1),
            mail_outbox::failed_at.eq(now),
            mail_outbox::body.eq(None::<String>),
            mail_outbox::claimed_until.eq(None::<NaiveDateTime>),
            mail_outbox::last_error.eq(error),
        ))
        .execute(conn)
}

/// When the next waiting message is due, if any.
pub fn next_due(conn: &mut DbConnection) -> QueryResult<Option<NaiveDateTime>> {
    mail_outbox::table
        .filter(mail_outbox::failed_at.is_null())
        .select(diesel::dsl::min(mail_outbox::next_attempt_at))
        .get_result(conn)
}
