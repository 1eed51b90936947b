//! `POST /api/v1/csp-reports`: where browsers report what the
//! Content-Security-Policy (`security_headers`) blocked. Each report is
//! logged as a warning, so an operator sees a page the policy breaks (and
//! the browser tests assert there are none); at most 60 a minute per
//! process are logged, so a flood of reports cannot flood the log.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use actix_web::{HttpResponse, post, web};
use serde_json::Value;

use crate::error::ApiError;

/// The largest report accepted.
const MAX_BYTES: usize = 16 * 1024;
/// Reports logged per minute and process.
const LOGGED_PER_MINUTE: u32 = 60;

/// The window and how many reports it has logged.
static LOGGED: Mutex<Option<(Instant, u32)>> = Mutex::new(None);

/// True when one more report may be logged in this minute.
fn may_log() -> bool {
    let Ok(mut logged) = LOGGED.lock() else {
        return false;
    };
    let now = Instant::now();
    let (start, count) = logged.get_or_insert((now, 0));
    if now.duration_since(*start) >= Duration::from_secs(60) {
        (*start, *count) = (now, 0);
    }
    *count += 1;
    *count <= LOGGED_PER_MINUTE
}

/// A field of a report as text, shortened for the log.
fn field(value: &Value, names: &[&str]) -> String {
    names
        .iter()
        .find_map(|name| value.get(*name).and_then(Value::as_str))
        .unwrap_or("-")
        .chars()
        .take(300)
        .collect()
}

/// The violations in a body: the `report-uri` form (`{"csp-report": {…}}`)
/// or the Reporting API's (`[{"type": "csp-violation", "body": {…}}]`).
fn violations(body: &Value) -> Option<Vec<&Value>> {
    match body {
        Value::Object(map) => map
            .get("csp-report")
            .filter(|r| r.is_object())
            .map(|r| vec![r]),
        Value::Array(reports) => Some(
            reports
                .iter()
                .filter(|r| r.get("type").and_then(Value::as_str) == Some("csp-violation"))
                .filter_map(|r| r.get("body").filter(|b| b.is_object()))
                .take(10)
                .collect(),
        ),
        _ => None,
    }
}

/// Report what a Content-Security-Policy blocked (browsers send these).
///
/// Takes `application/csp-report` (`{"csp-report": {...}}`) or
/// `application/reports+json` (a list of `csp-violation` reports). Answers
/// 204 whatever the report says; only a body that is not a report is
/// refused.
#[utoipa::path(
    tag = "meta",
    request_body(description = "A CSP violation report.",
        content(
            (Object = "application/csp-report"),
            (Object = "application/reports+json"),
            (Object = "application/json")
        )
    ),
    responses(
        (status = 204, description = "Received."),
        (status = 400, description = "The body is not a CSP report.", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[post("/csp-reports")]
pub async fn report_csp_violation(body: web::Bytes) -> Result<HttpResponse, ApiError> {
    let not_a_report = || ApiError::Malformed("The body is not a CSP violation report.".into());
    if body.len() > MAX_BYTES {
        return Err(not_a_report());
    }
    let value: Value = serde_json::from_slice(&body).map_err(|_| not_a_report())?;
    let reports = violations(&value).ok_or_else(not_a_report)?;
    for report in reports {
        if may_log() {
            tracing::warn!(
                directive = %field(report, &["effective-directive", "violated-directive", "effectiveDirective"]),
                blocked = %field(report, &["blocked-uri", "blockedURL"]),
                page = %field(report, &["document-uri", "documentURL"]),
                "csp violation"
            );
        }
    }
    Ok(HttpResponse::NoContent().finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_report_forms_are_read_and_anything_else_is_not() {
        let legacy = serde_json::json!({ "csp-report": { "blocked-uri": "inline" } });
        assert_eq!(violations(&legacy).map(|v| v.len()), Some(1));
        let api = serde_json::json!([
            { "type": "csp-violation", "body": { "blockedURL": "inline" } },
            { "type": "deprecation", "body": {} }
        ]);
        assert_eq!(violations(&api).map(|v| v.len()), Some(1));
        assert!(violations(&serde_json::json!("x")).is_none());
        assert!(violations(&serde_json::json!({ "other": 1 })).is_none());
    }
}
