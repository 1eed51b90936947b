//! A return's values between the form and the database: amounts in the
//! indicator's smallest unit (cents for turnover), and what changed between
//! two sets, cell by cell.

use std::collections::HashMap;

use cecop_shared::returns::Cell;
use cecop_shared::{CoopType, Indicator, ReturnValue, Sector, ValueChange};

use crate::db::returns::ValueRow;

fn scale(indicator: Indicator) -> f64 {
    10f64.powi(indicator.decimals() as i32)
}

/// A checked value as stored: whole units of the indicator's smallest unit.
pub fn to_amount(indicator: Indicator, value: f64) -> i64 {
    (value * scale(indicator)).round() as i64
}

pub fn from_amount(indicator: Indicator, amount: i64) -> f64 {
    amount as f64 / scale(indicator)
}

/// Stored rows as values, in form order.
pub fn to_values(rows: &[ValueRow]) -> Vec<ReturnValue> {
    let mut values: Vec<ReturnValue> = rows
        .iter()
        .map(|row| ReturnValue {
            indicator: row.indicator,
            coop_type: row.coop_type,
            sector: row.sector,
            value: from_amount(row.indicator, row.amount),
        })
        .collect();
    values.sort_by_key(ReturnValue::cell);
    values
}

pub(super) fn to_rows(return_id: i64, values: &[ReturnValue]) -> Vec<ValueRow> {
    let workers: HashMap<(CoopType, Sector), i64> = values
        .iter()
        .filter(|v| v.indicator == Indicator::Workers)
        .map(|v| {
            (
                (v.coop_type, v.sector),
                to_amount(Indicator::Workers, v.value),
            )
        })
        .collect();
    values
        .iter()
        .map(|v| ValueRow {
            return_id,
            indicator: v.indicator,
            coop_type: v.coop_type,
            sector: v.sector,
            amount: to_amount(v.indicator, v.value),
            cell_workers: workers.get(&(v.coop_type, v.sector)).copied(),
        })
        .collect()
}

/// What differs between two sets of values, cell by cell, in form order.
pub fn diff(old: &[ReturnValue], new: &[ReturnValue]) -> Vec<ValueChange> {
    let before: HashMap<Cell, f64> = old.iter().map(|v| (v.cell(), v.value)).collect();
    let after: HashMap<Cell, f64> = new.iter().map(|v| (v.cell(), v.value)).collect();
    let mut cells: Vec<Cell> = before.keys().chain(after.keys()).copied().collect();
    cells.sort();
    cells.dedup();
    cells
        .into_iter()
        .filter_map(|cell| {
            let (old, new) = (before.get(&cell).copied(), after.get(&cell).copied());
            (old != new).then_some(ValueChange {
                indicator: cell.indicator,
                coop_type: cell.coop_type,
                sector: cell.sector,
                old,
                new,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_keep_cents_for_turnover_only() {
        assert_eq!(to_amount(Indicator::TurnoverEur, 1250.25), 125_025);
        assert_eq!(from_amount(Indicator::TurnoverEur, 125_025), 1250.25);
        assert_eq!(to_amount(Indicator::Workers, 12.0), 12);
    }

    #[test]
    fn diffs_name_added_changed_and_removed_cells() {
        let v = |indicator, value| ReturnValue {
            indicator,
            coop_type: CoopType::Social,
            sector: Sector::Services,
            value,
        };
        let changes = diff(
            &[v(Indicator::Workers, 10.0), v(Indicator::Cooperatives, 2.0)],
            &[v(Indicator::Workers, 12.0), v(Indicator::WomenWorkers, 5.0)],
        );
        let pairs: Vec<_> = changes
            .iter()
            .map(|c| (c.indicator, c.old, c.new))
            .collect();
        assert_eq!(
            pairs,
            vec![
                (Indicator::Cooperatives, Some(2.0), None),
                (Indicator::Workers, Some(10.0), Some(12.0)),
                (Indicator::WomenWorkers, None, Some(5.0)),
            ]
        );
    }
}
