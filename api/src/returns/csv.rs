//! CSV import of return values: parsing, a per-row report, and the merged
//! values a real run would save. Nothing here writes; callers save the
//! merged values in one transaction only when no row was refused.
//!
//! The file has a header row naming the columns `indicator`, `coop_type`,
//! `sector` and `value`, in any order (the command-line import adds `year`
//! and `member`). Values use a dot for decimals and no thousands separators.

use std::collections::HashMap;

use cecop_shared::returns::{Cell, cross_cell_problems};
use cecop_shared::{ImportOutcome, ImportReport, ImportRow, Indicator, ReturnValue};

use crate::error::ApiError;

/// At most this many data rows per file. A member's return has at most 108
/// cells (and HTTP bodies are limited to 256 KiB); the command-line import
/// of many members' history is bounded here.
pub const MAX_ROWS: usize = 5_000_000;

/// One data row, with the columns the caller asked for beyond the value's.
#[derive(Debug, Clone)]
pub struct Record {
    pub line: u64,
    pub extra: Vec<String>,
    pub fields: [String; 4],
}

/// Reads a CSV file: its header must name `columns` (in any order, with
/// `extra` ones first in the result), and nothing else.
pub fn read(data: &[u8], extra: &[&str]) -> Result<Vec<Record>, ApiError> {
    const VALUE_COLUMNS: [&str; 4] = ["indicator", "coop_type", "sector", "value"];
    let malformed = |message: String| {
        ApiError::Validation(vec![cecop_shared::FieldError::new("file", message)])
    };
    let text = std::str::from_utf8(data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data))
        .map_err(|_| malformed("The file is not UTF-8 text.".into()))?;
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .trim(::csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| malformed(format!("The header row cannot be read: {e}.")))?
        .clone();
    let names: Vec<String> = headers.iter().map(|h| h.to_ascii_lowercase()).collect();
    let wanted: Vec<&str> = extra.iter().copied().chain(VALUE_COLUMNS).collect();
    for name in &names {
        if !wanted.contains(&name.as_str()) {
            return Err(malformed(format!(
                "Unknown column {name:?}; the columns are: {}.",
                wanted.join(", ")
            )));
        }
    }
    let mut position = Vec::new();
    for column in &wanted {
        match names.iter().position(|n| n == column) {
            Some(i) if names.iter().filter(|n| n.as_str() == *column).count() == 1 => {
                position.push(i)
            }
            Some(_) => return Err(malformed(format!("The column {column:?} appears twice."))),
            None => {
                return Err(malformed(format!(
                    "The header row lacks the column {column:?}; the columns are: {}.",
                    wanted.join(", ")
                )));
            }
        }
    }
    let mut records = Vec::new();
    for result in reader.records() {
        let record = result.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or_default();
            malformed(format!("Line {line} cannot be read: {e}."))
        })?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        if records.len() == MAX_ROWS {
            return Err(malformed(format!(
                "The file has more than {MAX_ROWS} rows."
            )));
        }
        let line = record.position().map(|p| p.line()).unwrap_or_default();
        let get = |i: usize| record.get(position[i]).unwrap_or_default().to_owned();
        let n = extra.len();
        records.push(Record {
            line,
            extra: (0..n).map(get).collect(),
            fields: [get(n), get(n + 1), get(n + 2), get(n + 3)],
        });
    }
    Ok(records)
}

/// A value as written in a CSV cell: digits, optionally a dot and digits.
fn parse_number(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let ok = !whole.is_empty()
        && digits(whole)
        && digits(fraction)
        && !(text.contains('.') && fraction.is_empty())
        && whole.len() <= 15;
    ok.then(|| text.parse().ok()).flatten()
}

/// One row parsed into a value, or why it cannot be.
pub fn parse_row(fields: &[String; 4]) -> Result<ReturnValue, (Option<String>, String)> {
    let [indicator, coop_type, sector, value] = fields;
    let indicator: Indicator = indicator
        .parse()
        .map_err(|e| (None, format!("indicator {indicator:?} {e}")))?;
    let coop_type = coop_type
        .parse()
        .map_err(|e| (None, format!("coop_type {coop_type:?} {e}")))?;
    let sector = sector
        .parse()
        .map_err(|e| (None, format!("sector {sector:?} {e}")))?;
    let cell = Cell {
        indicator,
        coop_type,
        sector,
    };
    let number = parse_number(value).ok_or_else(|| {
        (
            Some(cell.field()),
            format!("value {value:?} is not a number of zero or more (use a dot for decimals, no thousands separators)"),
        )
    })?;
    // Decimals are counted in the text, exactly (f64 cannot tell 0.07 from
    // 0.0700000001 at large magnitudes).
    let decimals = value
        .split_once('.')
        .map_or(0, |(_, f)| f.trim_end_matches('0').len());
    if decimals > indicator.decimals() as usize {
        let problem = if indicator.decimals() == 0 {
            "must be a whole number"
        } else {
            "must have at most two decimals"
        };
        return Err((Some(cell.field()), format!("value {problem}")));
    }
    if let Some(problem) = cecop_shared::returns::check_value(indicator, number) {
        return Err((Some(cell.field()), format!("value {problem}")));
    }
    Ok(ReturnValue {
        indicator,
        coop_type,
        sector,
        value: number,
    })
}

/// What importing `records` over `current` would do, row by row, and the
/// values the return would then hold. Cells the file does not mention keep
/// their values.
pub fn plan(current: &[ReturnValue], records: &[Record]) -> (ImportReport, Vec<ReturnValue>) {
    let before: HashMap<Cell, f64> = current.iter().map(|v| (v.cell(), v.value)).collect();
    let mut merged = before.clone();
    let mut rows = Vec::with_capacity(records.len());
    let mut line_of: HashMap<Cell, usize> = HashMap::new();
    for record in records {
        let row = match parse_row(&record.fields) {
            Err((field, message)) => ImportRow {
                line: record.line,
                outcome: ImportOutcome::Refused,
                field,
                message: Some(message),
            },
            Ok(value) => {
                let cell = value.cell();
                if let Some(&first) = line_of.get(&cell) {
                    ImportRow {
                        line: record.line,
                        outcome: ImportOutcome::Refused,
                        field: Some(cell.field()),
                        message: Some(format!(
                            "{} is already given on line {}",
                            cell.field(),
                            rows_line(&rows, first)
                        )),
                    }
                } else {
                    line_of.insert(cell, rows.len());
                    merged.insert(cell, value.value);
                    let outcome = match before.get(&cell) {
                        None => ImportOutcome::Imported,
                        Some(&old) if old == value.value => ImportOutcome::Unchanged,
                        Some(_) => ImportOutcome::Updated,
                    };
                    ImportRow {
                        line: record.line,
                        outcome,
                        field: Some(cell.field()),
                        message: None,
                    }
                }
            }
        };
        rows.push(row);
    }
    let mut values: Vec<ReturnValue> = merged
        .into_iter()
        .map(|(cell, value)| ReturnValue {
            indicator: cell.indicator,
            coop_type: cell.coop_type,
            sector: cell.sector,
            value,
        })
        .collect();
    values.sort_by_key(ReturnValue::cell);
    // Rules across cells (e.g. women ≤ workers) are checked on the result;
    // each error is charged to the row that set the offending cell, or to
    // the row that set the same cell's workers.
    for (cell, message) in cross_cell_problems(&values) {
        let workers = Cell {
            indicator: Indicator::Workers,
            ..cell
        };
        let index = line_of
            .get(&cell)
            .or_else(|| line_of.get(&workers))
            .copied();
        if let Some(index) = index {
            let row = &mut rows[index];
            row.outcome = ImportOutcome::Refused;
            row.message = Some(match row.message.take() {
                Some(earlier) => format!("{earlier}; {message}"),
                None => message,
            });
        }
    }
    let count = |outcome| rows.iter().filter(|r| r.outcome == outcome).count() as u32;
    let report = ImportReport {
        dry_run: true,
        written: false,
        imported: count(ImportOutcome::Imported),
        updated: count(ImportOutcome::Updated),
        unchanged: count(ImportOutcome::Unchanged),
        refused: count(ImportOutcome::Refused),
        rows,
    };
    (report, values)
}

fn rows_line(rows: &[ImportRow], index: usize) -> u64 {
    rows.get(index).map(|r| r.line).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_plain_decimals() {
        assert_eq!(parse_number("12"), Some(12.0));
        assert_eq!(parse_number("12.50"), Some(12.5));
        for bad in ["", "-1", "1,000", "1e3", "12.", ".5", "abc", " 1"] {
            assert_eq!(parse_number(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_plan_reports_each_row_and_charges_cross_cell_errors() {
        let csv = "indicator,coop_type,sector,value\n\
                   workers,worker,industry,10\n\
                   women_workers,worker,industry,12\n\
                   cooperatives,worker,industry,2\n\
                   cooperatives,worker,industry,3\n\
                   workers,unicorn,industry,1\n";
        let records = read(csv.as_bytes(), &[]).unwrap_or_default();
        assert_eq!(records.len(), 5);
        let current = [ReturnValue {
            indicator: Indicator::Cooperatives,
            coop_type: cecop_shared::CoopType::Worker,
            sector: cecop_shared::Sector::Industry,
            value: 2.0,
        }];
        let (report, _) = plan(&current, &records);
        let outcomes: Vec<_> = report.rows.iter().map(|r| (r.line, r.outcome)).collect();
        assert_eq!(
            outcomes,
            vec![
                (2, ImportOutcome::Imported),
                (3, ImportOutcome::Refused),
                (4, ImportOutcome::Unchanged),
                (5, ImportOutcome::Refused),
                (6, ImportOutcome::Refused),
            ]
        );
        assert!(
            report.rows[1]
                .message
                .as_deref()
                .unwrap_or_default()
                .contains("more than the 10 workers")
        );
        assert!(
            report.rows[3]
                .message
                .as_deref()
                .unwrap_or_default()
                .contains("already given on line 4")
        );
        assert!(
            report.rows[4]
                .message
                .as_deref()
                .unwrap_or_default()
                .starts_with("coop_type \"unicorn\"")
        );
    }

    #[test]
    fn decimals_are_counted_in_the_text() {
        let row = |indicator: &str, value: &str| {
            parse_row(&[
                indicator.into(),
                "worker".into(),
                "industry".into(),
                value.into(),
            ])
        };
        assert!(row("turnover_eur", "123456789012.07").is_ok());
        assert!(row("workers", "12.00").is_ok());
        assert!(row("turnover_eur", "1.005").is_err_and(|(_, m)| m.ends_with("two decimals")));
        assert!(row("workers", "12.5").is_err_and(|(_, m)| m.ends_with("whole number")));
    }

    #[test]
    fn headers_must_name_the_columns() {
        assert!(read(b"indicator,coop_type,sector\n", &[]).is_err());
        assert!(read(b"indicator,coop_type,sector,value,colour\n", &[]).is_err());
        assert!(
            read(
                b"value,sector,coop_type,indicator\n1,services,social,workers\n",
                &[]
            )
            .is_ok()
        );
    }
}
