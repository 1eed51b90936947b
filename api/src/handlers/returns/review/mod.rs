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
use crate::db::returns;
use crate::error::ApiError;
use crate::handlers::NO_STORE;
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
}

impl FromRequest for Decider {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let staff = StaffUser::from_request(req, payload);
        let client = ClientInfo::from_request(req, payload).into_inner();
        let db = req.app_data::<web::Data<Db>>().cloned();
        let statistics = req.app_data::<web::Data<StatisticsCache>>().cloned();
        Box::pin(async move {
            let staff = staff.await?;
            let (Some(db), Some(statistics)) = (db, statistics) else {
                return Err(ApiError::Internal(anyhow::anyhow!(
                    "database or statistics cache not configured"
                )));
            };
            Ok(Self {
                staff,
                client: client?,
                db,
                statistics,
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
    }: Decider,
    id: &str,
    transition: Transition,
    reason: Option<String>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(id)?;
    let reason = reason.as_deref().map(parse_reason).transpose()?;
    let principal = Principal::User(staff.0);
    let updated = db
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
                let row = returns::find_return(conn, id)?
                    .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("return {id} vanished")))?;
                detail(conn, &row)
            })
        })
        .await?;
    statistics.forget_fingerprint();
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(updated))
}
