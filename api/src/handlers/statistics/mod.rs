//! `/api/v1/statistics`: figures computed from the approved returns of
//! published campaigns, as JSON or CSV. Every answer is cached in memory
//! against a fingerprint of the data it depends on (see
//! `db::statistics::fingerprint`), so a repeated query costs one small
//! read, and any approval, reopening or campaign change shows at once.

pub mod get;
pub mod indicators;
pub mod series;

use std::sync::Arc;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use cecop_shared::{Coverage, Dimension, Indicator, StatisticsRow};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::cache::{Bound, Kept, Recent, Weight};
use crate::db::statistics::{AggregateRow, CoverageRow, Facts};
use crate::db::{Db, DbConnection};
use crate::error::ApiError;
use crate::handlers::REVALIDATE;
use crate::representation::Representations;
use crate::representation::etagged_kept;
use crate::returns::from_amount;

/// Statistics answers (query → body in its forms) and the approved values
/// behind them, per year (`None`: every year), kept while the data's
/// fingerprint is unchanged (see `crate::cache`). Writes through this
/// instance forget the fingerprint at once
/// ([`StatisticsCache::forget_fingerprint`]); another instance's (or the
/// CLI's) show within a second.
#[derive(Debug)]
pub struct StatisticsCache {
    fingerprint: Recent<String>,
    answers: Kept<String, Representations>,
    facts: Kept<String, Facts>,
}

/// Distinct queries kept; beyond this the generation starts over (queries
/// are few: years × indicators × groupings).
const CACHE_ENTRIES: usize = 1024;

impl Default for StatisticsCache {
    fn default() -> Self {
        Self {
            fingerprint: Recent::default(),
            answers: Kept::new(Bound::Entries(CACHE_ENTRIES)),
            // A year's values, or every year's: a few dozen at most.
            facts: Kept::new(Bound::Entries(64)),
        }
    }
}

impl Weight for Representations {
    fn weight(&self) -> usize {
        self.identity.len()
    }
}

impl Weight for Facts {
    fn weight(&self) -> usize {
        0
    }
}

impl StatisticsCache {
    /// Called after a write that may change statistics (a review decision,
    /// a campaign change): the next request reads the fingerprint again.
    pub fn forget_fingerprint(&self) {
        self.fingerprint.forget();
    }

    /// The approved values of `year` (or all years) as of `fingerprint`,
    /// loaded when not held yet.
    pub fn facts(
        &self,
        conn: &mut DbConnection,
        fingerprint: &str,
        year: Option<i32>,
    ) -> Result<Arc<Facts>, ApiError> {
        let key = format!("{year:?}");
        let fingerprint = fingerprint.to_owned();
        if let Some(facts) = self.facts.get(&key, &fingerprint) {
            return Ok(facts);
        }
        let facts = Arc::new(crate::db::statistics::load_facts(conn, year)?);
        self.facts.put(key, &fingerprint, Arc::clone(&facts));
        Ok(facts)
    }
}

/// The body for `key`: from the cache while the data's fingerprint is
/// unchanged, else built by `build` (on a pooled connection, with the cache
/// for the values and the fingerprint they must match) and kept.
pub async fn cached_body<F>(
    db: &Db,
    cache: web::Data<StatisticsCache>,
    key: String,
    build: F,
) -> Result<Arc<Representations>, ApiError>
where
    F: FnOnce(&mut DbConnection, &StatisticsCache, &str) -> Result<Vec<u8>, ApiError>
        + Send
        + 'static,
{
    let runner = db.clone();
    let shared = cache.clone();
    cache
        .answers
        .get_or_compute(
            &key,
            &cache.fingerprint,
            || {
                let db = db.clone();
                async move {
                    db.quick_read(|conn| Ok(crate::db::statistics::fingerprint(conn)?))
                        .await
                }
            },
            |_| {
                runner.run(move |conn| {
                    // Read again with the values: they are kept under the
                    // fingerprint they were read with.
                    let fingerprint = crate::db::statistics::fingerprint(conn)?;
                    shared.fingerprint.saw(&fingerprint);
                    let body = build(conn, &shared, &fingerprint)?;
                    let body = Representations::new(crate::representation::kept_bytes(body));
                    Ok((fingerprint, Arc::new(body)))
                })
            },
        )
        .await
}

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

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

fn bad(what: &str) -> ApiError {
    ApiError::Internal(anyhow::anyhow!("aggregate has a bad {what}"))
}

/// Turns sums into the rows asked for: sums for reported indicators,
/// percentages (one decimal) for shares, in the order indicators were asked.
pub fn rows(
    aggregates: &[AggregateRow],
    indicators: &[Indicator],
) -> Result<Vec<StatisticsRow>, ApiError> {
    let mut out = Vec::new();
    for aggregate in aggregates {
        let base = aggregate.indicator;
        for &indicator in indicators {
            let value = match indicator.share_of() {
                None if indicator == base => from_amount(base, aggregate.total),
                Some(numerator) if numerator == base => match aggregate.workers {
                    Some(workers) if workers > 0 => {
                        round1(aggregate.total as f64 * 100.0 / workers as f64)
                    }
                    _ => continue,
                },
                _ => continue,
            };
            out.push(StatisticsRow {
                year: aggregate.year,
                indicator,
                country: aggregate
                    .country
                    .as_deref()
                    .map(str::parse)
                    .transpose()
                    .map_err(|_| bad("country"))?,
                sector: aggregate.sector,
                coop_type: aggregate.coop_type,
                member: aggregate
                    .member
                    .as_deref()
                    .map(str::parse)
                    .transpose()
                    .map_err(|_| bad("member"))?,
                member_name: aggregate.member_name.clone(),
                value,
                responding_members: u32::try_from(aggregate.members).unwrap_or_default(),
            });
        }
    }
    let position = |i: Indicator| indicators.iter().position(|&x| x == i);
    out.sort_by_key(|row| (row.year, position(row.indicator)));
    Ok(out)
}

/// A year's coverage: its approved returns (none when the year has no
/// row) out of the network's active members.
pub fn coverage(row: Option<&CoverageRow>, total_members: i64) -> Coverage {
    Coverage {
        responding_members: row.map_or(0, |c| c.responding as u32),
        total_members: total_members as u32,
        illustrative_returns: row.map_or(0, |c| c.illustrative as u32),
    }
}

/// The rows as CSV, one column per grouped dimension.
pub fn to_csv(rows: &[StatisticsRow], group_by: &[Dimension]) -> Result<Vec<u8>, ApiError> {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let mut header = vec!["year", "indicator"];
    for dimension in group_by {
        header.push(dimension.as_str());
        if *dimension == Dimension::Member {
            header.push("member_name");
        }
    }
    header.extend(["value", "responding_members"]);
    let failed = |e: ::csv::Error| ApiError::Internal(e.into());
    writer.write_record(&header).map_err(failed)?;
    for row in rows {
        let mut record = vec![row.year.to_string(), row.indicator.to_string()];
        for dimension in group_by {
            match dimension {
                Dimension::Country => {
                    record.push(row.country.map(|c| c.to_string()).unwrap_or_default())
                }
                Dimension::Sector => {
                    record.push(row.sector.map(|s| s.to_string()).unwrap_or_default())
                }
                Dimension::CoopType => {
                    record.push(row.coop_type.map(|t| t.to_string()).unwrap_or_default())
                }
                Dimension::Member => {
                    record.push(
                        row.member
                            .as_ref()
                            .map(|m| m.to_string())
                            .unwrap_or_default(),
                    );
                    record.push(row.member_name.clone().unwrap_or_default());
                }
            }
        }
        record.push(row.value.to_string());
        record.push(row.responding_members.to_string());
        writer.write_record(&record).map_err(failed)?;
    }
    writer
        .into_inner()
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("cannot finish the CSV: {e}")))
}

/// A 200 with the body (JSON or CSV), public caching and an `ETag`.
pub fn respond(req: &HttpRequest, csv: bool, body: &Representations) -> HttpResponse {
    let mut response = HttpResponse::Ok();
    response.insert_header(REVALIDATE);
    response.insert_header((header::VARY, "Accept"));
    if csv {
        response.content_type("text/csv; charset=utf-8");
    } else {
        response.content_type("application/json");
    }
    etagged_kept(req, response, body)
}
