//! Data returns: a member's own return for a year (`/api/v1/my/returns/{year}`,
//! with its CSV import and submission) and CECOP staff's review queue
//! (`/api/v1/returns`). The server checks every value again and enforces
//! who may do what; its 409 and 422 problems reach the pages as they are.

use cecop_shared::{
    DataReturn, ImportReport, Page, ReasonRequest, ReturnSummary, ReturnValue, ReturnValuesUpdate,
};
use gloo_net::http::Method;
use web_sys::Blob;

use super::authorized::Authorized;
use super::upload::post_with_progress;
use super::{ApiError, to_json};

/// The signed-in member's return for `year` (an empty draft when not started).
pub async fn get_my_return(session: impl Authorized, year: i32) -> Result<DataReturn, ApiError> {
    session
        .call_json(Method::GET, &format!("/my/returns/{year}"), &[], None)
        .await
}

/// Saves the complete set of values (cells left out are not reported).
pub async fn save_my_return(
    session: impl Authorized,
    year: i32,
    values: Vec<ReturnValue>,
) -> Result<DataReturn, ApiError> {
    let body = to_json(&ReturnValuesUpdate { values })?;
    session
        .call_json(Method::PUT, &format!("/my/returns/{year}"), &[], Some(body))
        .await
}

/// Sends the saved return for review.
pub async fn submit_my_return(session: impl Authorized, year: i32) -> Result<DataReturn, ApiError> {
    session
        .call_json(
            Method::POST,
            &format!("/my/returns/{year}/submit"),
            &[],
            None,
        )
        .await
}

/// Uploads a CSV file of values: with `dry_run`, only the report of what
/// would happen; otherwise the import itself (all or nothing). `on_progress`
/// hears the share of the file sent.
pub async fn import_my_return(
    session: impl Authorized,
    year: i32,
    file: &Blob,
    dry_run: bool,
    on_progress: impl Fn(f64) + Clone + 'static,
) -> Result<ImportReport, ApiError> {
    let text = post_with_progress(
        session,
        &format!("/my/returns/{year}/import"),
        &[("dry_run", dry_run.to_string())],
        file,
        "text/csv",
        on_progress,
    )
    .await?;
    serde_json::from_str(&text).map_err(|err| ApiError::Decode(err.to_string()))
}

/// One page of the review queue; `query` holds the filters and `page`.
pub async fn list_returns(
    session: impl Authorized,
    query: &[(&str, String)],
) -> Result<Page<ReturnSummary>, ApiError> {
    session
        .call_json(Method::GET, "/returns", query, None)
        .await
}

/// One return with its values, last year's, warnings and history.
pub async fn get_return(session: impl Authorized, id: i64) -> Result<DataReturn, ApiError> {
    session
        .call_json(Method::GET, &format!("/returns/{id}"), &[], None)
        .await
}

/// A reviewer's decision on a return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Approve,
    /// Send back to the member, with the reason.
    Return(String),
    /// Reopen an approved return, with the reason.
    Reopen(String),
}

/// Records a decision; the answer is the return as it now is.
pub async fn decide(
    session: impl Authorized,
    id: i64,
    decision: Decision,
) -> Result<DataReturn, ApiError> {
    let (action, reason) = match decision {
        Decision::Approve => ("approve", None),
        Decision::Return(reason) => ("return", Some(reason)),
        Decision::Reopen(reason) => ("reopen", Some(reason)),
    };
    let body = reason
        .map(|reason| to_json(&ReasonRequest { reason }))
        .transpose()?;
    session
        .call_json(Method::POST, &format!("/returns/{id}/{action}"), &[], body)
        .await
}

/// The active members whose return for `year` is not in yet (staff).
pub async fn missing_returns(
    session: impl Authorized,
    year: i32,
) -> Result<Vec<ReturnSummary>, ApiError> {
    session
        .call_json(
            Method::GET,
            &format!("/campaigns/{year}/missing"),
            &[],
            None,
        )
        .await
}
