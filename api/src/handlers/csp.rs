//! `POST /api/v1/csp-reports`: where browsers report what the
//! Content-Security-Policy (`security_headers`) blocked. Each report is
//! logged as a warning, so an operator sees a page the policy breaks (and
//! the browser tests assert there are none); at most 60 a minute per
//! process are logged, so a flood of reports cannot flood the log.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Deserialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;

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
fn field(report: &Map<String, Value>, names: &[&str]) -> String {
    names
        .iter()
        .find_map(|name| report.get(*name).and_then(Value::as_str))
        .unwrap_or("-")
        .chars()
        .take(300)
        .collect()
}

/// A report as `report-uri` sends it (`application/csp-report`).
#[derive(Debug, Deserialize, ToSchema)]
pub struct CspReport {
    /// What was blocked: `document-uri`, `violated-directive`,
    /// `effective-directive`, `blocked-uri`, … (CSP Level 2).
    #[serde(rename = "csp-report")]
    #[schema(value_type = Object)]
    pub csp_report: Map<String, Value>,
}

/// One report as the Reporting API sends them (`application/reports+json`,
/// a list); only `csp-violation` reports are read.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReportingApiReport {
    /// `csp-violation`, or another kind of report (ignored).
    #[serde(rename = "type")]
    pub kind: String,
    /// For a CSP violation: `documentURL`, `effectiveDirective`, `blockedURL`, …
    #[schema(value_type = Object)]
    pub body: Map<String, Value>,
}

/// The violations in a body, by its media type.
fn violations(content_type: &str, body: &[u8]) -> Result<Vec<Map<String, Value>>, ApiError> {
    let not_a_report = || ApiError::Malformed("The body is not a CSP violation report.".into());
    if content_type.starts_with("application/reports+json") {
        let reports: Vec<ReportingApiReport> =
            serde_json::from_slice(body).map_err(|_| not_a_report())?;
        return Ok(reports
            .into_iter()
            .filter(|r| r.kind == "csp-violation")
            .map(|r| r.body)
            .take(10)
            .collect());
    }
    let report: CspReport = serde_json::from_slice(body).map_err(|_| not_a_report())?;
    Ok(vec![report.csp_report])
}

/// Report what a Content-Security-Policy blocked (browsers send these).
///
/// Takes `application/csp-report` (`{"csp-report": {...}}`, also as
/// `application/json`) or `application/reports+json` (a list of reports, of
/// which the `csp-violation` ones are read). Answers 204 whatever the report
/// says; a body that is not a report is refused.
#[utoipa::path(
    tag = "meta",
    request_body(description = "A CSP violation report.",
        content(
            (CspReport = "application/csp-report"),
            (Vec<ReportingApiReport> = "application/reports+json"),
            (CspReport = "application/json")
        )
    ),
    responses(
        (status = 204, description = "Received."),
        (status = 400, description = "The body is not a CSP report, or not in a report media type.",
            body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[post("/csp-reports")]
pub async fn report_csp_violation(
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let known = [
        "application/csp-report",
        "application/reports+json",
        "application/json",
    ];
    if !known.iter().any(|k| content_type.starts_with(k)) {
        return Err(ApiError::Malformed(
            "A report is application/csp-report or application/reports+json.".into(),
        ));
    }
    if body.len() > MAX_BYTES {
        return Err(ApiError::Malformed("The report is too large.".into()));
    }
    for report in violations(&content_type, &body)? {
        if may_log() {
            tracing::warn!(
                directive = %field(&report, &["effective-directive", "violated-directive", "effectiveDirective"]),
                blocked = %field(&report, &["blocked-uri", "blockedURL"]),
                page = %field(&report, &["document-uri", "documentURL"]),
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
    fn both_report_forms_are_read_by_media_type_and_anything_else_is_not() {
        let legacy = br#"{ "csp-report": { "blocked-uri": "inline" } }"#;
        assert_eq!(
            violations("application/csp-report", legacy)
                .map(|v| v.len())
                .ok(),
            Some(1)
        );
        let api = br#"[{ "type": "csp-violation", "body": { "blockedURL": "inline" } },
                      { "type": "deprecation", "body": {} }]"#;
        assert_eq!(
            violations("application/reports+json", api)
                .map(|v| v.len())
                .ok(),
            Some(1)
        );
        for (media, bad) in [
            ("application/csp-report", &b"{}"[..]),
            ("application/csp-report", b"[]"),
            ("application/json", br#"{ "csp-report": 3 }"#),
            ("application/reports+json", b"[null, null]"),
            ("application/reports+json", br#"{ "csp-report": {} }"#),
        ] {
            assert!(
                violations(media, bad).is_err(),
                "{media} {:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }
}
