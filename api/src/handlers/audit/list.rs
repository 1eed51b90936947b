//! `GET /api/v1/audit`: who did what to which record, when, from where.

use actix_web::{HttpRequest, HttpResponse, get, web};
use cecop_shared::{AuditEntry, Page};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::AdminUser;
use crate::db::Db;
use crate::db::audit::{self, AuditFilter, EntryRow};
use crate::error::ApiError;
use crate::error::responses::{BadParameter, NotAdmin, NotSignedIn};
use crate::handlers::pagination::{PageParams, page_response};
use crate::handlers::tokens::rfc3339;
use crate::handlers::{NO_STORE, parse_text};

/// Query parameters, parsed one by one so errors name the parameter.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListAuditQuery {
    /// An action (`auth.login_failed`) or a prefix ending in a dot (`auth.`).
    #[param(max_length = 100, pattern = r"^[a-z_.]*$")]
    action: Option<String>,
    /// `user:<id>`, `token:<prefix>` or `cli`.
    #[param(max_length = 100, pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$")]
    actor: Option<String>,
    /// The kind of record, e.g. `user`, `api_token`, `member`.
    #[param(max_length = 50, pattern = r"^[a-z_]*$")]
    target_type: Option<String>,
    /// The record's id or slug.
    #[param(max_length = 100, pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$")]
    target_id: Option<String>,
    /// From this day (UTC), inclusive: `YYYY-MM-DD`.
    #[param(value_type = Option<String>, format = Date)]
    from: Option<String>,
    /// Up to this day (UTC), inclusive: `YYYY-MM-DD`.
    #[param(value_type = Option<String>, format = Date)]
    to: Option<String>,
    /// `page` and `per_page`.
    #[serde(flatten)]
    #[param(ignore)]
    page: PageParams,
}

fn day(name: &str, raw: Option<&str>) -> Result<Option<NaiveDate>, ApiError> {
    raw.map(|value| {
        NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .map_err(|_| ApiError::invalid(name, "must be a date, YYYY-MM-DD"))
    })
    .transpose()
}

fn pattern(
    name: &str,
    raw: Option<&str>,
    max: usize,
    ok: fn(char) -> bool,
) -> Result<Option<String>, ApiError> {
    let text = parse_text(name, raw, max)?;
    if text.as_deref().is_some_and(|t| !t.chars().all(ok)) {
        return Err(ApiError::invalid(name, "contains characters it never has"));
    }
    Ok(text)
}

fn to_entry(row: EntryRow) -> AuditEntry {
    AuditEntry {
        id: row.id,
        at: rfc3339(row.at),
        actor: row.actor,
        action: row.action,
        target_type: row.target_type,
        target_id: row.target_id,
        subject: row.subject,
        ip: row.ip,
        user_agent: row.user_agent,
        detail: row.detail,
    }
}

/// List audit log entries, newest first (admins only).
#[utoipa::path(
    tag = "audit",
    security(("bearer" = [])),
    params(ListAuditQuery, PageParams),
    responses(
        (status = 200, description = "One page of entries.", body = Page<AuditEntry>,
            headers(
                ("X-Total-Count" = u64, description = "Entries matching the filters."),
                ("Link" = String, description = "RFC 8288 links: first, prev, next, last.")
            )),
        BadParameter, NotSignedIn, NotAdmin
    )
)]
#[get("/audit")]
pub async fn list_audit(
    _admin: AdminUser,
    req: HttpRequest,
    query: web::Query<ListAuditQuery>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let lower = |c: char| c.is_ascii_lowercase() || c == '_' || c == '.';
    let from = day("from", query.from.as_deref())?;
    let to = day("to", query.to.as_deref())?;
    let filter = AuditFilter {
        action: pattern("action", query.action.as_deref(), 100, lower)?,
        actor: parse_text("actor", query.actor.as_deref(), 100)?,
        target_type: pattern("target_type", query.target_type.as_deref(), 50, |c| {
            c.is_ascii_lowercase() || c == '_'
        })?,
        target_id: parse_text("target_id", query.target_id.as_deref(), 100)?,
        from: from.and_then(|d| d.and_hms_opt(0, 0, 0)),
        to: to
            .and_then(|d| d.succ_opt())
            .and_then(|d| d.and_hms_opt(0, 0, 0)),
    };
    let request = query.page.request()?;
    let (rows, total) = db
        .run(move |conn| {
            Ok(audit::list(
                conn,
                &filter,
                request.offset(),
                i64::from(request.per_page()),
            )?)
        })
        .await?;
    let entries = rows.into_iter().map(to_entry).collect();
    Ok(page_response(&req, request, entries, total, &[NO_STORE]))
}
