//! The data-entry grid's model: the text typed in each of a return's 108
//! cells, read into the values the shared validation checks. Parsing is
//! strict (digits, one dot for decimals), so what the grid accepts is what
//! the API and the CSV import accept; anything else becomes a value the
//! shared `check_value` refuses, with its message.

use cecop_shared::returns::Cell;
use cecop_shared::{Indicator, ReturnValue};
use leptos::prelude::*;

/// The rows of the grid: indicators in groups, each with its heading.
pub const GROUPS: &[(crate::components::data_table::Text, &[Indicator])] = &[
    (
        |t| t.data.group_enterprises,
        &[
            Indicator::Cooperatives,
            Indicator::CoopsJoined,
            Indicator::CoopsLeft,
        ],
    ),
    (
        |t| t.data.group_employment,
        &[
            Indicator::Workers,
            Indicator::WorkerMembers,
            Indicator::WomenWorkers,
            Indicator::WorkersWithDisabilities,
            Indicator::PermanentContracts,
        ],
    ),
    (|t| t.data.group_turnover, &[Indicator::TurnoverEur]),
];

/// The id of a cell's input ("cell-women_workers-social-services"); its
/// message and last year's value add "-error" and "-prev".
pub fn cell_id(cell: &Cell) -> String {
    format!("cell-{}-{}-{}", cell.indicator, cell.coop_type, cell.sector)
}

/// A cell in words, for its input's accessible name: "Workers, Social
/// cooperatives, Services".
pub fn cell_name(cell: &Cell, lang: &str) -> String {
    format!(
        "{}, {}, {}",
        cell.indicator.name(lang),
        cell.coop_type.name(lang),
        cell.sector.name(lang)
    )
}

/// What a typed text means: `None` for an empty cell (not reported), a
/// number, or NaN for text that is not one (which validation refuses).
/// Spaces are ignored, as they can only be digit grouping.
pub fn parse_entry(text: &str) -> Option<f64> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .collect();
    if compact.is_empty() {
        return None;
    }
    let digits = compact.strip_prefix('-').unwrap_or(&compact);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let well_formed = !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
        && !(digits.contains('.') && fraction.is_empty());
    Some(if well_formed {
        compact.parse().unwrap_or(f64::NAN)
    } else {
        f64::NAN
    })
}

/// A value as the grid shows it for editing: no grouping, no needless
/// decimals ("1250", "1250.5").
pub fn entry_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// The texts of every cell, one signal each, so typing in one cell
/// redraws only what depends on it.
#[derive(Debug, Clone, Copy)]
pub struct Grid {
    cells: StoredValue<Vec<(Cell, RwSignal<String>)>>,
}

impl Grid {
    /// Every cell, filled in from `values`.
    pub fn new(values: &[ReturnValue]) -> Self {
        let cells = Cell::all()
            .map(|cell| (cell, RwSignal::new(String::new())))
            .collect();
        let grid = Self {
            cells: StoredValue::new(cells),
        };
        grid.load(values);
        grid
    }

    /// The text of one cell.
    pub fn entry(self, cell: Cell) -> RwSignal<String> {
        self.cells.with_value(|cells| {
            cells
                .iter()
                .find(|(c, _)| *c == cell)
                .map(|(_, text)| *text)
                .unwrap_or_else(|| RwSignal::new(String::new()))
        })
    }

    /// Replaces every cell's text with `values` (empty where none).
    pub fn load(self, values: &[ReturnValue]) {
        self.cells.with_value(|cells| {
            for (cell, text) in cells {
                let value = values.iter().find(|v| v.cell() == *cell);
                text.set(value.map(|v| entry_text(v.value)).unwrap_or_default());
            }
        });
    }

    /// The values typed, in grid order (tracked: callers re-run on typing).
    pub fn values(self) -> Vec<ReturnValue> {
        self.collect(|text| text.with(|t| parse_entry(t)))
    }

    /// [`values`](Self::values), without tracking.
    pub fn values_untracked(self) -> Vec<ReturnValue> {
        self.collect(|text| text.with_untracked(|t| parse_entry(t)))
    }

    fn collect(self, read: impl Fn(&RwSignal<String>) -> Option<f64>) -> Vec<ReturnValue> {
        self.cells.with_value(|cells| {
            cells
                .iter()
                .filter_map(|(cell, text)| {
                    read(text).map(|value| ReturnValue {
                        indicator: cell.indicator,
                        coop_type: cell.coop_type,
                        sector: cell.sector,
                        value,
                    })
                })
                .collect()
        })
    }
}

/// The values as a CSV file the import reads back: the header, then one
/// row per reported value.
pub fn to_csv(values: &[ReturnValue]) -> String {
    let mut csv = String::from("indicator,coop_type,sector,value\n");
    for value in values.iter().filter(|v| v.value.is_finite()) {
        csv.push_str(&format!(
            "{},{},{},{}\n",
            value.indicator,
            value.coop_type,
            value.sector,
            entry_text(value.value)
        ));
    }
    csv
}

/// True when two sets of values report the same figures.
pub fn same_values(a: &[ReturnValue], b: &[ReturnValue]) -> bool {
    let sorted = |values: &[ReturnValue]| {
        let mut out: Vec<(Cell, u64)> = values
            .iter()
            .map(|v| (v.cell(), v.value.to_bits()))
            .collect();
        out.sort();
        out
    };
    sorted(a) == sorted(b)
}

#[cfg(test)]
mod tests {
    use cecop_shared::{CoopType, Sector};

    use super::*;

    fn cell(indicator: Indicator, coop_type: CoopType, sector: Sector) -> Cell {
        Cell {
            indicator,
            coop_type,
            sector,
        }
    }

    #[test]
    fn entries_are_read_strictly() {
        assert_eq!(parse_entry(""), None);
        assert_eq!(parse_entry("  "), None);
        assert_eq!(parse_entry("1250"), Some(1250.0));
        assert_eq!(parse_entry("1 250"), Some(1250.0));
        assert_eq!(parse_entry("1250.50"), Some(1250.5));
        assert_eq!(parse_entry("-3"), Some(-3.0));
        for bad in ["1,250", "12a", "1e5", "1.", ".5", "--1"] {
            assert!(parse_entry(bad).is_some_and(f64::is_nan), "{bad}");
        }
    }

    #[test]
    fn values_read_back_as_typed_and_as_csv() {
        assert_eq!(entry_text(1250.0), "1250");
        assert_eq!(entry_text(1250.5), "1250.5");
        let values = [ReturnValue {
            indicator: Indicator::Workers,
            coop_type: CoopType::Social,
            sector: Sector::Services,
            value: 1234.0,
        }];
        assert_eq!(
            to_csv(&values),
            "indicator,coop_type,sector,value\nworkers,social,services,1234\n"
        );
        assert_eq!(
            cell_id(&cell(
                Indicator::WomenWorkers,
                CoopType::Social,
                Sector::Services
            )),
            "cell-women_workers-social-services"
        );
    }

    #[test]
    fn the_groups_hold_every_reported_indicator_once() {
        let mut grouped: Vec<Indicator> =
            GROUPS.iter().flat_map(|(_, i)| i.iter().copied()).collect();
        grouped.sort();
        let mut reported = Indicator::REPORTED.to_vec();
        reported.sort();
        assert_eq!(grouped, reported);
    }
}
