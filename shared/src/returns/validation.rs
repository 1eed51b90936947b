//! The rules a return's values must obey: each value on its own
//! ([`check_value`]), the set ([`validate`], with the rules across cells),
//! and the changes against last year worth a second look ([`warnings`]).
//!
//! Validation lives here so the API and the SPA's data-entry grid give the
//! same message for the same value. Each problem is a [`Code`] about a
//! cell, so the grid can say it in the page's language
//! ([`crate::messages`]); the English text is the errors' `message`.

use std::collections::HashMap;

use super::{Cell, Indicator, ReturnValue};
use crate::FieldError;
use crate::messages::{Code, Message};

/// The largest value accepted, far above any real figure (and exact in f64).
pub const MAX_VALUE: f64 = 1e13;

/// Checks one value on its own: the problem with it, if any.
pub fn check_value(indicator: Indicator, value: f64) -> Option<String> {
    value_problem(indicator, value).map(|code| code.to_string())
}

/// [`check_value`] as a code.
pub fn value_problem(indicator: Indicator, value: f64) -> Option<Code> {
    if indicator.is_derived() {
        return Some(Code::DerivedIndicator { indicator });
    }
    if !value.is_finite() || value < 0.0 {
        return Some(Code::Negative);
    }
    if value > MAX_VALUE {
        return Some(Code::TooLarge { max: MAX_VALUE });
    }
    let scale = 10f64.powi(indicator.decimals() as i32);
    let scaled = value * scale;
    // A decimal such as 1234567890.07 has no exact binary value: allow the
    // error of the conversion (relative), not a real extra decimal (>= 0.1).
    let tolerance = (scaled.abs() * 1e-14).max(1e-6);
    if (scaled - scaled.round()).abs() > tolerance {
        return Some(match indicator.decimals() {
            0 => Code::NotWhole,
            decimals => Code::TooManyDecimals { decimals },
        });
    }
    None
}

/// Every problem with a set of values, one per value, each naming the
/// indicator, type and sector. An empty list means the set may be saved.
pub fn validate(values: &[ReturnValue]) -> Vec<FieldError> {
    let mut problems = Vec::new();
    let mut seen: HashMap<Cell, f64> = HashMap::new();
    for value in values {
        let cell = value.cell();
        if let Some(code) = value_problem(value.indicator, value.value) {
            problems.push((cell, code));
        } else if seen.insert(cell, value.value).is_some() {
            problems.push((cell, Code::Duplicate));
        }
    }
    problems.extend(cross_cell_codes(&seen));
    problems.into_iter().map(cell_error).collect()
}

/// Changes of more than 50 % against the member's previous approved year,
/// cell by cell: worth a second look, but not errors.
pub fn warnings(
    values: &[ReturnValue],
    previous: &[ReturnValue],
    previous_year: i32,
) -> Vec<FieldError> {
    let before: HashMap<Cell, f64> = previous.iter().map(|v| (v.cell(), v.value)).collect();
    let mut out = Vec::new();
    for value in values {
        let cell = value.cell();
        let Some(&old) = before.get(&cell) else {
            continue;
        };
        let changed = if old == 0.0 {
            value.value > 0.0
        } else {
            ((value.value - old) / old).abs() > 0.5
        };
        if changed {
            let code = Code::LargeChange {
                value: value.value,
                previous: old,
                previous_year,
            };
            out.push(cell_error((cell, code)));
        }
    }
    out
}

/// The rules across cells (worker-members, women, workers with disabilities
/// and permanent contracts each at most the workers of the same cell), as
/// (cell, message) pairs. Assumes each cell appears once.
pub fn cross_cell_problems(values: &[ReturnValue]) -> Vec<(Cell, String)> {
    cross_cell_codes(&values.iter().map(|v| (v.cell(), v.value)).collect())
        .into_iter()
        .map(|(cell, code)| (cell, Message::at(cell, code).render("en")))
        .collect()
}

fn cross_cell_codes(seen: &HashMap<Cell, f64>) -> Vec<(Cell, Code)> {
    let mut problems = Vec::new();
    for (cell, value) in sorted(seen) {
        if !cell.indicator.bounded_by_workers() {
            continue;
        }
        let workers = seen.get(&Cell {
            indicator: Indicator::Workers,
            ..cell
        });
        let code = match workers {
            Some(&workers) if value > workers => Code::ExceedsWorkers { value, workers },
            None if value > 0.0 => Code::NeedsWorkers {
                coop_type: cell.coop_type,
                sector: cell.sector,
            },
            _ => continue,
        };
        problems.push((cell, code));
    }
    problems
}

/// The error about a cell, named as the cell.
fn cell_error((cell, code): (Cell, Code)) -> FieldError {
    Message::at(cell, code).field_error(cell.field())
}

fn sorted(map: &HashMap<Cell, f64>) -> Vec<(Cell, f64)> {
    let mut cells: Vec<_> = map.iter().map(|(c, v)| (*c, *v)).collect();
    cells.sort_by_key(|(c, _)| *c);
    cells
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::returns::{CoopType, Sector, format_number};

    fn v(indicator: Indicator, value: f64) -> ReturnValue {
        ReturnValue {
            indicator,
            coop_type: CoopType::Worker,
            sector: Sector::Industry,
            value,
        }
    }

    #[test]
    fn values_must_be_non_negative_and_whole_except_turnover() {
        assert!(check_value(Indicator::Workers, 12.0).is_none());
        assert_eq!(
            check_value(Indicator::Workers, -1.0).as_deref(),
            Some("must be a number of zero or more")
        );
        assert_eq!(
            check_value(Indicator::Workers, 1.5).as_deref(),
            Some("must be a whole number")
        );
        assert!(check_value(Indicator::TurnoverEur, 1250.25).is_none());
        for cents in [7, 29, 57, 99] {
            let big: f64 = format!("1234567890.{cents:02}").parse().unwrap_or_default();
            assert!(check_value(Indicator::TurnoverEur, big).is_none(), "{big}");
        }
        assert_eq!(
            check_value(Indicator::TurnoverEur, 1.255).as_deref(),
            Some("must have at most two decimals")
        );
        assert!(check_value(Indicator::WomenShare, 5.0).is_some());
        assert!(check_value(Indicator::Workers, f64::NAN).is_some());
    }

    #[test]
    fn sub_counts_cannot_exceed_workers_in_the_same_cell() {
        let errors = validate(&[
            v(Indicator::Workers, 10.0),
            v(Indicator::WomenWorkers, 12.0),
        ]);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "women_workers.worker.industry");
        assert_eq!(
            errors[0].message,
            "Women workers of worker cooperatives in industry: 12 is more than the 10 workers in the same cooperatives"
        );
        assert!(
            validate(&[
                v(Indicator::Workers, 10.0),
                v(Indicator::WomenWorkers, 10.0)
            ])
            .is_empty()
        );
        let orphan = validate(&[v(Indicator::PermanentContracts, 3.0)]);
        assert_eq!(orphan[0].field, "permanent_contracts.worker.industry");
        let twice = validate(&[v(Indicator::Workers, 1.0), v(Indicator::Workers, 2.0)]);
        assert!(twice[0].message.ends_with("is given more than once"));
    }

    #[test]
    fn big_changes_warn() {
        let w = warnings(
            &[v(Indicator::Workers, 160.0)],
            &[v(Indicator::Workers, 100.0)],
            2023,
        );
        assert_eq!(w.len(), 1);
        assert!(
            w[0].message.contains("160 against 100 in 2023"),
            "{}",
            w[0].message
        );
        assert!(
            warnings(
                &[v(Indicator::Workers, 149.0)],
                &[v(Indicator::Workers, 100.0)],
                2023
            )
            .is_empty()
        );
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(format_number(1_300_000.0), "1,300,000");
        assert_eq!(format_number(1250.5), "1,250.5");
        assert_eq!(format_number(0.25), "0.25");
        assert_eq!(Cell::all().count(), 108);
    }
}
