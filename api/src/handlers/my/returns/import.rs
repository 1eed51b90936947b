//! `POST /api/v1/my/returns/{year}/import`: values from a CSV file.

use actix_web::{HttpResponse, post, web};
use cecop_shared::{FieldError, ImportOutcome, ImportReport, RevisionAction};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{campaign, no_store, organisation, record};
use crate::auth::audit::AuditAction;
use crate::auth::{ClientInfo, Principal};
use crate::db::Db;
use crate::db::returns as db;
use crate::error::ApiError;
use crate::error::responses::{NoCampaign, NoReturnsWrite, NoValidCredentials, ReturnLocked};
use crate::handlers::campaigns::parse_year;
use crate::returns::{self as workflow, Actor};

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
        NoValidCredentials, NoReturnsWrite, NoCampaign, ReturnLocked,
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
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let year = parse_year(&year)?;
    let dry_run = match query.dry_run.as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => return Err(ApiError::invalid("dry_run", "must be true or false")),
    };
    let records = workflow::csv::read(&body, &[])?;
    let report = db
        .run(move |conn| {
            crate::db::write(conn, |conn| {
                let org = organisation(conn, &principal)?;
                let campaign = campaign(conn, year)?;
                workflow::require_open(year, campaign.state)?;
                let existing = db::find_member_return(conn, campaign.id, org.id)?;
                let current = match &existing {
                    Some(row) => {
                        workflow::require_editable(row)?;
                        workflow::to_values(&db::values(conn, row.id)?)
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
                    (AuditAction::ReturnImported, year),
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
        .map(|r| {
            FieldError::new(
                format!("line {}", r.line),
                r.message.clone().unwrap_or_default(),
            )
        })
        .collect()
}
