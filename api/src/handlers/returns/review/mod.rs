//! `POST /api/v1/returns/{id}/approve`, `…/return` and `…/reopen`: CECOP
//! staff's decisions on a data return, one file per decision; this module
//! holds the transition they share. Sending a return back lives in
//! `send_back.rs` because `return` is a Rust keyword.

pub mod approve;
pub mod reopen;
pub mod send_back;

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use cecop_shared::returns::Transition;

use super::{detail, parse_id};
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{ClientInfo, Principal, StaffUser};
use crate::db::Db;
use crate::db::{returns, users};
use crate::error::ApiError;
use crate::handlers::NO_STORE;
use crate::mail::{Letter, Mailer};
use crate::returns::{Actor, parse_reason};
use crate::statistics::StatisticsCache;

/// Who decides, and where: the request's parts every decision needs. An
/// extractor, so a decision handler takes it like any other: a caller who
/// is not CECOP staff gets 401 or 403 before anything else is looked at.
#[derive(Debug)]
pub struct Decider {
    staff: StaffUser,
    client: ClientInfo,
    db: web::Data<Db>,
    statistics: web::Data<StatisticsCache>,
    mailer: web::Data<Mailer>,
}

impl FromRequest for Decider {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let staff = StaffUser::from_request(req, payload);
        let client = ClientInfo::from_request(req, payload).into_inner();
        let db = req.app_data::<web::Data<Db>>().cloned();
        let statistics = req.app_data::<web::Data<StatisticsCache>>().cloned();
        let mailer = req.app_data::<web::Data<Mailer>>().cloned();
        Box::pin(async move {
            let staff = staff.await?;
            let (Some(db), Some(statistics), Some(mailer)) = (db, statistics, mailer) else {
                return Err(ApiError::Internal(anyhow::anyhow!(
                    "database, statistics cache or mailer not configured"
                )));
            };
            Ok(Self {
                staff,
                client: client?,
                db,
                statistics,
                mailer,
            })
        })
    }
}

async fn decide(
    Decider {
        staff,
        client,
        db,
        statistics,
        mailer,
    }: Decider,
    id: &str,
    transition: Transition,
    reason: Option<String>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(id)?;
    let reason = reason.as_deref().map(parse_reason).transpose()?;
    let principal = Principal::User(staff.0);
    let link = mailer.link("/portal/returns");
    let (updated, told) = db
        .run(move |conn| {
            crate::db::write(conn, |conn| {
                let row = returns::find_return(conn, id)?
                    .ok_or_else(|| ApiError::NotFound(format!("There is no return {id}.")))?;
                let next = crate::returns::transition(
                    conn,
                    &row,
                    transition,
                    &Actor::of(&principal),
                    reason,
                )?;
                let event = Event {
                    actor: Some(principal.actor()),
                    target: Some(("data_return", id.to_string())),
                    detail: Some(format!("{} {} -> {next}", row.member_slug, row.year)),
                    ..Event::new(AuditAction::from(transition))
                };
                audit::record(conn, &client, event)?;
                let told = tell_members(conn, &row, transition, &link)?;
                let row = returns::find_return(conn, id)?
                    .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("return {id} vanished")))?;
                Ok((detail(conn, &row)?, told))
            })
        })
        .await?;
    if told {
        mailer.wake();
    }
    statistics.forget_fingerprint();
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(updated))
}

/// E-mails the organisation's users when their return is approved or sent
/// back (in the decision's transaction); true if any message is waiting.
fn tell_members(
    conn: &mut crate::db::DbConnection,
    row: &returns::ReturnRow,
    transition: Transition,
    link: &str,
) -> Result<bool, ApiError> {
    let (organisation, year, link) = (row.member_name.clone(), row.year, link.to_owned());
    let letter = match transition {
        Transition::Approve => Letter::ReturnApproved {
            organisation,
            year,
            link,
        },
        Transition::Return => Letter::ReturnReturned {
            organisation,
            year,
            // The reason as just recorded.
            reason: returns::find_return(conn, row.id)?.and_then(|r| r.reason),
            link,
        },
        Transition::Submit | Transition::Reopen => return Ok(false),
    };
    let recipients = users::recipients_of(conn, row.member_id)?;
    for (email, language) in &recipients {
        crate::mail::enqueue(conn, email.as_str(), *language, &letter)?;
    }
    Ok(!recipients.is_empty())
}
