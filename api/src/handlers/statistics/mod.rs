//! `/api/v1/statistics`: figures computed from the approved returns of
//! published campaigns (`crate::statistics`), as JSON or CSV: the query
//! both endpoints share, how an answer is built and how it is sent.

pub mod get;
pub mod indicators;
pub mod series;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use cecop_shared::{Dimension, Indicator, StatisticsRow};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

use crate::db::{Db, DbConnection};
use crate::error::ApiError;
use crate::handlers::REVALIDATE;
use crate::representation::etagged_kept;
use crate::statistics::StatisticsCache;
use crate::statistics::cache::cached_body;
use crate::statistics::figures::{rows, to_csv};

/// The query parameters both statistics endpoints share.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatisticsQuery {
    /// The reference year; by default the newest published campaign. (Ignored by `/series`.)
    #[param(value_type = Option<i32>, minimum = 2000, maximum = 2100)]
    pub year: Option<String>,
    /// Indicators, separated by commas; by default all of them, shares included.
    #[param(value_type = Option<String>, example = "workers,women_share", pattern = r"^(cooperatives|workers|worker_members|women_workers|workers_with_disabilities|permanent_contracts|turnover_eur|coops_joined|coops_left|women_share|worker_member_share|permanent_contract_share|disability_share)(,(cooperatives|workers|worker_members|women_workers|workers_with_disabilities|permanent_contracts|turnover_eur|coops_joined|coops_left|women_share|worker_member_share|permanent_contract_share|disability_share))*$")]
    pub indicator: Option<String>,
    /// Dimensions to break the figures down by, separated by commas: any of
    /// `country`, `sector`, `coop_type`, `member`. By default, totals.
    #[param(value_type = Option<String>, example = "country,sector", pattern = r"^(country|sector|coop_type|member)(,(country|sector|coop_type|member))*$")]
    pub group_by: Option<String>,
    /// `csv` for CSV (as does `Accept: text/csv`); the `.csv` paths are always CSV.
    #[param(value_type = Option<String>, pattern = "^(json|csv)$")]
    pub format: Option<String>,
}

/// Parses a comma-separated list of closed values, naming the parameter.
fn list<T: std::str::FromStr + PartialEq>(name: &str, raw: Option<&str>) -> Result<Vec<T>, ApiError>
where
    T::Err: std::fmt::Display,
{
    let mut out = Vec::new();
    let Some(raw) = raw else {
        return Ok(out);
    };
    if raw.trim().is_empty() {
        return Err(ApiError::invalid(
            name,
            "must name at least one value; leave it out for the default",
        ));
    }
    for part in raw.split(',').map(str::trim) {
        let value: T = part
            .parse()
            .map_err(|e| ApiError::invalid(name, format!("{part:?} {e}")))?;
        if !out.contains(&value) {
            out.push(value);
        }
    }
    Ok(out)
}

/// The query, validated.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub year: Option<i32>,
    pub indicators: Vec<Indicator>,
    pub group_by: Vec<Dimension>,
    pub csv: bool,
}

impl Parsed {
    pub fn new(
        req: &HttpRequest,
        query: &StatisticsQuery,
        csv_path: bool,
    ) -> Result<Self, ApiError> {
        let year = query
            .year
            .as_deref()
            .map(crate::handlers::campaigns::parse_year)
            .transpose()?;
        let mut indicators: Vec<Indicator> = list("indicator", query.indicator.as_deref())?;
        if indicators.is_empty() {
            indicators = Indicator::ALL.to_vec();
        }
        let group_by: Vec<Dimension> = list("group_by", query.group_by.as_deref())?;
        let csv = match query.format.as_deref() {
            Some("csv") => true,
            Some("json") => csv_path,
            Some(_) => return Err(ApiError::invalid("format", "must be json or csv")),
            None => csv_path || wants_csv(req),
        };
        Ok(Self {
            year,
            indicators,
            group_by,
            csv,
        })
    }

    /// The reported indicators whose sums the requested ones need.
    pub fn needed(&self) -> Vec<Indicator> {
        let mut needed = Vec::new();
        for indicator in &self.indicators {
            let base = indicator.share_of().unwrap_or(*indicator);
            if !needed.contains(&base) {
                needed.push(base);
            }
        }
        needed
    }

    /// The cache key: everything that shapes the answer.
    pub fn key(&self, endpoint: &str) -> String {
        format!(
            "{endpoint}|{:?}|{}|{}|{}",
            self.year,
            self.indicators
                .iter()
                .map(|i| i.as_str())
                .collect::<Vec<_>>()
                .join(","),
            self.group_by
                .iter()
                .map(|d| d.as_str())
                .collect::<Vec<_>>()
                .join(","),
            self.csv
        )
    }
}

/// True when `Accept` prefers CSV to JSON.
fn wants_csv(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| {
            let accept = accept.to_ascii_lowercase();
            accept.contains("text/csv") && !accept.contains("application/json")
        })
}

/// What one statistics answer is made of: which values it sums (`scope`:
/// a year's or every year's, with what the answer says about them, or an
/// error such as an unpublished year), and the JSON it puts the rows in
/// (`wrap`; CSV is the rows alone).
#[derive(Debug)]
pub struct Answer<C, T> {
    pub endpoint: &'static str,
    pub scope: Scope<C>,
    pub wrap: Wrap<C, T>,
}

/// Which year's values an answer sums (`None`: every year's), and what the
/// answer says about them.
pub type Scope<C> = fn(&mut DbConnection, &Parsed) -> Result<(Option<i32>, C), ApiError>;

/// The JSON an answer puts its rows in.
pub type Wrap<C, T> = fn(&mut DbConnection, C, &Parsed, Vec<StatisticsRow>) -> Result<T, ApiError>;

/// Answers a statistics query: the body kept for it, else built as
/// `answer` says and kept, sent as JSON or CSV with an `ETag`.
pub async fn answer<C: 'static, T: Serialize + 'static>(
    req: &HttpRequest,
    db: &Db,
    cache: web::Data<StatisticsCache>,
    parsed: Parsed,
    answer: Answer<C, T>,
) -> Result<HttpResponse, ApiError> {
    let Answer {
        endpoint,
        scope,
        wrap,
    } = answer;
    let key = parsed.key(endpoint);
    let csv = parsed.csv;
    let body = cached_body(
        db,
        cache.into_inner(),
        key,
        move |conn, cache, fingerprint| {
            let (year, context) = scope(conn, &parsed)?;
            let facts = cache.facts(conn, fingerprint, year)?;
            let rows = rows(
                &facts.aggregate(&parsed.needed(), &parsed.group_by),
                &parsed.indicators,
            );
            if parsed.csv {
                return to_csv(&rows, &parsed.group_by);
            }
            serde_json::to_vec(&wrap(conn, context, &parsed, rows)?)
                .map_err(|e| ApiError::Internal(e.into()))
        },
    )
    .await?;
    let mut response = HttpResponse::Ok();
    response.insert_header(REVALIDATE);
    response.insert_header((header::VARY, "Accept"));
    if csv {
        response.content_type("text/csv; charset=utf-8");
    } else {
        response.content_type("application/json");
    }
    Ok(etagged_kept(req, response, &body))
}
