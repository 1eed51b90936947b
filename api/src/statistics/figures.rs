//! From sums to published figures: the rows asked for (sums of reported
//! indicators, percentages for shares), a year's coverage, and the rows as
//! CSV.

use cecop_shared::{Coverage, Dimension, Indicator, StatisticsRow};

use crate::db::statistics::{AggregateRow, CoverageRow};
use crate::error::ApiError;
use crate::returns::from_amount;

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// Turns sums into the rows asked for: sums for reported indicators,
/// percentages (one decimal) for shares, in the order indicators were asked.
pub fn rows(aggregates: &[AggregateRow], indicators: &[Indicator]) -> Vec<StatisticsRow> {
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
                country: aggregate.country,
                sector: aggregate.sector,
                coop_type: aggregate.coop_type,
                member: aggregate.member.clone(),
                member_name: aggregate.member_name.clone(),
                value,
                responding_members: u32::try_from(aggregate.members).unwrap_or_default(),
            });
        }
    }
    let position = |i: Indicator| indicators.iter().position(|&x| x == i);
    out.sort_by_key(|row| (row.year, position(row.indicator)));
    out
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
/// Free text made safe to open in a spreadsheet (OWASP "CSV injection"): a
/// cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
/// would be read as a formula, so it gets a leading `'`, which spreadsheets
/// show as text. Only text columns pass through here; numbers are written as
/// they are.
pub fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

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
                    record.push(spreadsheet_safe(
                        row.member_name.as_deref().unwrap_or_default(),
                    ));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cells_never_start_a_formula() {
        for formula in ["=HYPERLINK(\"x\")", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(spreadsheet_safe(formula), format!("'{formula}"));
        }
        assert_eq!(spreadsheet_safe("Legacoop Sociali"), "Legacoop Sociali");
    }
}
