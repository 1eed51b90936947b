//! `/api/v1/my/returns/{year}`: a member organisation's own data return —
//! read it, save its values, import them from CSV, submit it. Open to the
//! organisation's member users and to its tokens with `returns:write`;
//! there is no way to name another organisation's return here.

use actix_web::{HttpResponse, get, post, put, web};
use cecop_shared::returns::Transition;
use cecop_shared::{
    DataReturn, FieldError, ImportOutcome, ImportReport, MemberRef, ReturnValuesUpdate,
    RevisionAction, Scope,
};
use diesel::Connection;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::audit::{self, Event};
use crate::auth::{ClientInfo, Principal};
use crate::db::returns::{self as db, CampaignRow};
use crate::db::{DbConnection, Pool, members};
use crate::error::ApiError;
use crate::handlers::body::Body;
use crate::handlers::campaigns::parse_year;
use crate::handlers::returns::{detail, not_started};
use crate::handlers::with_conn;
use crate::returns::{self as workflow, Actor};

/// The caller's organisation: its id and reference.
struct Organisation {
    id: i64,
    member: MemberRef,
}

fn organisation(conn: &mut DbConnection, principal: &Principal) -> Result<Organisation, ApiError> {
    let slug = principal.organisation_for(Scope::ReturnsWrite)?;
    let gone = || ApiError::NotFound("Your organisation no longer exists.".into());
    let id = members::id_by_slug(conn, slug.as_str())?.ok_or_else(gone)?;
    let row = members::find_by_slug(conn, slug.as_str())?.ok_or_else(gone)?;
    Ok(Organisation {
        id,
        member: MemberRef {
            slug,
            name: row.name,
        },
    })
}

fn campaign(conn: &mut DbConnection, year: i32) -> Result<CampaignRow, ApiError> {
    db::campaign(conn, year)?
        .ok_or_else(|| ApiError::NotFound(format!("There is no {year} campaign.")))
}

/// The organisation's return as it stands (an empty draft when not started).
fn current(
    conn: &mut DbConnection,
    campaign: &CampaignRow,
    org: Organisation,
) -> Result<DataReturn, ApiError> {
    match db::find_member_return(conn, campaign.id, org.id)? {
        Some(row) => detail(conn, &row),
        None => not_started(
            conn,
            campaign.year,
            workflow::campaign_state(campaign)?,
            org.id,
            org.member,
        ),
    }
}

fn no_store(body: &impl serde::Serialize) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(body)
}

fn record(
    conn: &mut DbConnection,
    client: &ClientInfo,
    principal: &Principal,
    org: &Organisation,
    (action, year): (&'static str, i32),
    detail: String,
) -> Result<(), ApiError> {
    let event = Event {
        action,
        actor: Some(principal.actor()),
        target: Some(("data_return", format!("{}/{year}", org.member.slug))),
        detail: Some(detail),
        ..Event::default()
    };
    Ok(audit::record(conn, client, event)?)
}

/// Get the caller's organisation's return for a year: values, state, the
/// reviewer's reason, warnings against the previous approved year, and
/// every revision. A return nobody has started reads as an empty draft.
#[utoipa::path(
    tag = "data",
    security(("bearer" = []), ("api_token" = [])),
    params(("year" = i32, Path, description = "The campaign's reference year.", minimum = 2000, maximum = 2100)),
    responses(
        (status = 200, description = "The return.", body = DataReturn),
        (status = 400, description = "The year is malformed.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 401, description = "No valid credentials.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 403, description = "Not a member organisation's user, or a token without \
            `returns:write`.", body = cecop_shared::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No campaign for this year.", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[get("/my/returns/{year}")]
pub async fn get_my_return(
    principal: Principal,
    year: web::Path<String>,
    pool: web::Data<Pool>,
) -> Result<HttpResponse, ApiError> {
    let year = parse_year(&year)?;
    let found = with_conn(&pool, move |conn| {
        let org = organisation(conn, &principal)?;
        let campaign = campaign(conn, year)?;
        current(conn, &campaign, org)
    })
    .await?;
    Ok(no_store(&found))
}

/// Save the return's values: the complete set, replacing what was saved
/// (cells left out are not reported). Every value is checked and every
/// problem named by indicator, type and sector; with any problem nothing is
/// saved. The campaign must be open and the return a draft or returned.
#[utoipa::path(
    tag = "data",
    security(("bearer" = []), ("api_token" = [])),
    params(("year" = i32, Path, description = "The campaign's reference year.", minimum = 2000, maximum = 2100)),
    request_body = ReturnValuesUpdate,
    responses(
        (status = 200, description = "Saved; the return as it now is, with warnings.", body = DataReturn),
        (status = 400, description = "The year or body is malformed.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 401, description = "No valid credentials.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 403, description = "Not a member organisation's user, or a token without \
            `returns:write`.", body = cecop_shared::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No campaign for this year.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The campaign is not open, or the return is submitted or \
            approved.", body = cecop_shared::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some values are invalid; `errors` names each cell \
            (`indicator.coop_type.sector`).", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[put("/my/returns/{year}")]
pub async fn update_my_return(
    principal: Principal,
    year: web::Path<String>,
    Body(update): Body<ReturnValuesUpdate>,
    client: ClientInfo,
    pool: web::Data<Pool>,
) -> Result<HttpResponse, ApiError> {
    let year = parse_year(&year)?;
    let saved = with_conn(&pool, move |conn| {
        conn.transaction(|conn| {
            let org = organisation(conn, &principal)?;
            let campaign = campaign(conn, year)?;
            let row = workflow::ensure_return(conn, &campaign, org.id)?;
            let changes = workflow::save_values(
                conn,
                &row,
                &update.values,
                &Actor::of(&principal),
                RevisionAction::Edited,
            )?;
            if !changes.is_empty() {
                let detail = format!("{} values changed", changes.len());
                record(
                    conn,
                    &client,
                    &principal,
                    &org,
                    ("return.updated", year),
                    detail,
                )?;
            }
            current(conn, &campaign, org)
        })
    })
    .await?;
    Ok(no_store(&saved))
}

/// Query parameters of the CSV import.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// `true` to check the file and report row by row without writing anything.
    #[param(value_type = Option<bool>)]
    dry_run: Option<String>,
}

/// Import values from CSV into the return.
///
/// The body is a CSV file (`text/csv`, UTF-8, at most 256 KiB) whose header
/// row names the columns `indicator`, `coop_type`, `sector` and `value` in
/// any order; values use a dot for decimals and no thousands separators,
/// e.g. `workers,worker,industry,1250`. Cells the file does not mention keep
/// their values.
///
/// With `dry_run=true` nothing is written and the report says, row by row,
/// what would be `imported`, `updated`, `unchanged` or `refused` (and why).
/// A real run is all or nothing in one transaction: with any refused row it
/// is a 422 whose `errors` name each line, and nothing is written.
#[utoipa::path(
    tag = "data",
    security(("bearer" = []), ("api_token" = [])),
    params(("year" = i32, Path, description = "The campaign's reference year.", minimum = 2000, maximum = 2100), ImportQuery),
    request_body(content = String, content_type = "text/csv",
        description = "Header `indicator,coop_type,sector,value`, then one value per row."),
    responses(
        (status = 200, description = "The report; `written` says whether values were saved.", body = ImportReport),
        (status = 400, description = "The year or a parameter is malformed.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 401, description = "No valid credentials.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 403, description = "Not a member organisation's user, or a token without \
            `returns:write`.", body = cecop_shared::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No campaign for this year.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The campaign is not open, or the return is submitted or \
            approved.", body = cecop_shared::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The file is unreadable, or (real run) rows were refused; \
            `errors` names each.", body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[post("/my/returns/{year}/import")]
pub async fn import_my_return(
    principal: Principal,
    year: web::Path<String>,
    query: web::Query<ImportQuery>,
    body: web::Bytes,
    client: ClientInfo,
    pool: web::Data<Pool>,
) -> Result<HttpResponse, ApiError> {
    let year = parse_year(&year)?;
    let dry_run = match query.dry_run.as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => return Err(ApiError::invalid("dry_run", "must be true or false")),
    };
    let records = workflow::csv::read(&body, &[])?;
    let report = with_conn(&pool, move |conn| {
        conn.transaction(|conn| {
            let org = organisation(conn, &principal)?;
            let campaign = campaign(conn, year)?;
            workflow::require_open(year, workflow::campaign_state(&campaign)?)?;
            let existing = db::find_member_return(conn, campaign.id, org.id)?;
            let current = match &existing {
                Some(row) => {
                    workflow::require_editable(row)?;
                    workflow::to_values(&db::values(conn, row.id)?)?
                }
                None => Vec::new(),
            };
            let (mut report, merged) = workflow::csv::plan(&current, &records);
            report.dry_run = dry_run;
            if dry_run {
                return Ok(report);
            }
            if report.refused > 0 {
                return Err(ApiError::Validation(refusals(&report)));
            }
            let row = workflow::ensure_return(conn, &campaign, org.id)?;
            let changes = workflow::save_values(
                conn,
                &row,
                &merged,
                &Actor::of(&principal),
                RevisionAction::Imported,
            )?;
            let detail = format!("CSV import, {} values changed", changes.len());
            record(
                conn,
                &client,
                &principal,
                &org,
                ("return.imported", year),
                detail,
            )?;
            report.written = true;
            Ok(report)
        })
    })
    .await?;
    Ok(no_store(&report))
}

/// The refused rows of a report as problem `errors`, one per line.
pub fn refusals(report: &ImportReport) -> Vec<FieldError> {
    report
        .rows
        .iter()
        .filter(|r| r.outcome == ImportOutcome::Refused)
        .map(|r| FieldError {
            field: format!("line {}", r.line),
            message: r.message.clone().unwrap_or_default(),
        })
        .collect()
}

/// Submit the return for review. It must hold at least one value and pass
/// every check; the campaign must be open. The return is then locked for
/// the member until CECOP approves it or sends it back.
#[utoipa::path(
    tag = "data",
    security(("bearer" = []), ("api_token" = [])),
    params(("year" = i32, Path, description = "The campaign's reference year.", minimum = 2000, maximum = 2100)),
    responses(
        (status = 200, description = "Submitted; the return as it now is.", body = DataReturn),
        (status = 400, description = "The year is malformed.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 401, description = "No valid credentials.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 403, description = "Not a member organisation's user, or a token without \
            `returns:write`.", body = cecop_shared::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No campaign for this year.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The campaign is not open, or the return is already \
            submitted or approved; `detail` names the state.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "The return is empty or has invalid values.", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[post("/my/returns/{year}/submit")]
pub async fn submit_my_return(
    principal: Principal,
    year: web::Path<String>,
    client: ClientInfo,
    pool: web::Data<Pool>,
) -> Result<HttpResponse, ApiError> {
    let year = parse_year(&year)?;
    let submitted = with_conn(&pool, move |conn| {
        conn.transaction(|conn| {
            let org = organisation(conn, &principal)?;
            let campaign = campaign(conn, year)?;
            let row = workflow::ensure_return(conn, &campaign, org.id)?;
            workflow::transition(conn, &row, Transition::Submit, &Actor::of(&principal), None)?;
            record(
                conn,
                &client,
                &principal,
                &org,
                ("return.submitted", year),
                "submitted".into(),
            )?;
            current(conn, &campaign, org)
        })
    })
    .await?;
    Ok(no_store(&submitted))
}
