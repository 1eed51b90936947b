//! Bars divided into parts: one bar per row (a sector), one coloured part
//! per series (a type of cooperative). Parts of a whole are stacked; shares,
//! which do not add up, stand side by side instead, one thin bar per series.
//! The legend is HTML above the picture, so it wraps and reads as a list.

use leptos::prelude::*;

use super::svg::{Anchor, ChartSvg, Shape};
use super::{Datum, PALETTE, WIDTH, nice_scale, ticks};

const LABEL_WIDTH: f64 = 130.0;
const TOTAL_WIDTH: f64 = 110.0;
const BAR: f64 = 26.0;
const THIN: f64 = 14.0;
const GAP: f64 = 16.0;
const AXIS: f64 = 28.0;
/// Room above the first bar for its parts' tips.
const TOP: f64 = 18.0;

/// One part of a bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// Which row (bar) it belongs to, an index into `rows`.
    pub row: usize,
    /// Which series it is, an index into `series`.
    pub series: usize,
    /// Label (row and series, in words), value and its text.
    pub datum: Datum,
}

/// The legend and the `<svg>`.
#[component]
pub fn StackedChart(
    id: &'static str,
    title: String,
    desc: String,
    /// The bars' labels, top to bottom.
    rows: Vec<String>,
    /// The series' names, in legend (and stacking) order.
    series: Vec<String>,
    parts: Vec<Part>,
    /// Stack the parts (`true`) or set them side by side.
    stacked: bool,
    /// The legend's accessible name.
    legend_label: String,
    /// Writes a tick of the scale, and a bar's total.
    tick: Callback<f64, String>,
) -> impl IntoView {
    let (height, shapes) = layout(&rows, series.len(), parts, stacked, |v| tick.run(v));
    let legend = series
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            // A drawn square, not a styled span: the Content-Security-Policy
            // allows no inline style.
            let colour = PALETTE[i % PALETTE.len()];
            view! {
                <li>
                    <svg class="swatch" viewBox="0 0 1 1" aria-hidden="true" focusable="false">
                        <rect width="1" height="1" fill=colour></rect>
                    </svg>
                    {name}
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="chart-legend" aria-label=legend_label>{legend}</ul>
        <ChartSvg id title desc width=WIDTH height shapes />
    }
}

/// The picture's height and shapes.
fn layout(
    rows: &[String],
    n_series: usize,
    mut parts: Vec<Part>,
    stacked: bool,
    tick: impl Fn(f64) -> String,
) -> (f64, Vec<Shape>) {
    let band = if stacked {
        BAR
    } else {
        THIN * n_series.max(1) as f64
    };
    let left = LABEL_WIDTH + 10.0;
    let plot = WIDTH - left - TOTAL_WIDTH;
    let bottom = TOP + rows.len() as f64 * (band + GAP);
    let totals: Vec<f64> = (0..rows.len())
        .map(|row| {
            parts
                .iter()
                .filter(|p| p.row == row)
                .map(|p| p.datum.value)
                .sum()
        })
        .collect();
    let max = if stacked {
        totals.iter().copied().fold(0.0, f64::max)
    } else {
        parts.iter().map(|p| p.datum.value).fold(0.0, f64::max)
    };
    let (top, step) = nice_scale(max, 4);
    let scale = |value: f64| plot * (value / top).clamp(0.0, 1.0);
    let mut shapes = Vec::new();
    for value in ticks(top, step) {
        let x = left + scale(value);
        shapes.push(Shape::Rule {
            x1: x,
            y1: TOP,
            x2: x,
            y2: bottom,
        });
        shapes.push(Shape::Text {
            x,
            y: bottom + 18.0,
            text: tick(value),
            anchor: Anchor::Middle,
            centred: false,
            class: "chart-tick",
        });
    }
    for (row, label) in rows.iter().enumerate() {
        let y = TOP + row as f64 * (band + GAP) + band / 2.0;
        shapes.push(Shape::Text {
            x: LABEL_WIDTH,
            y,
            text: label.clone(),
            anchor: Anchor::End,
            centred: true,
            class: "chart-label",
        });
        if stacked {
            shapes.push(Shape::Text {
                x: left + scale(totals[row]) + 6.0,
                y,
                text: tick(totals[row]),
                anchor: Anchor::Start,
                centred: true,
                class: "chart-value",
            });
        }
    }
    // Where the next stacked part of each row starts.
    let mut offsets = vec![0.0; rows.len()];
    parts.sort_by_key(|p| (p.row, p.series));
    for part in parts {
        let row_top = TOP + part.row as f64 * (band + GAP);
        let width = scale(part.datum.value).max(1.0);
        let (x, y, height) = if stacked {
            let x = left + offsets.get(part.row).copied().unwrap_or_default();
            if let Some(offset) = offsets.get_mut(part.row) {
                *offset += width;
            }
            (x, row_top, BAR)
        } else {
            (left, row_top + part.series as f64 * THIN, THIN - 2.0)
        };
        shapes.push(Shape::Bar {
            x,
            y,
            width,
            height,
            fill: PALETTE[part.series % PALETTE.len()],
            name: format!("{}: {}", part.datum.label, part.datum.text),
            class: "chart-point chart-part",
        });
        // The tip shows the part's figure while it has focus or the pointer
        // (CSS), above the bar so it never covers its neighbours.
        shapes.push(Shape::Text {
            x: (x + width / 2.0).clamp(left + 40.0, WIDTH - 40.0),
            y: y - 4.0,
            text: part.datum.text,
            anchor: Anchor::Middle,
            centred: false,
            class: "chart-tip",
        });
    }
    (bottom + AXIS + 4.0, shapes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(row: usize, series: usize, value: f64) -> Part {
        Part {
            row,
            series,
            datum: Datum {
                label: format!("{row}/{series}"),
                value,
                text: value.to_string(),
            },
        }
    }

    fn bars(shapes: &[Shape]) -> Vec<(f64, f64, f64)> {
        shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Bar { x, y, width, .. } => Some((*x, *y, *width)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn stacked_parts_follow_each_other_and_grouped_ones_share_a_start() {
        let rows = ["Industry".to_owned()];
        let parts = vec![part(0, 1, 300.0), part(0, 0, 100.0)];
        let (_, shapes) = layout(&rows, 2, parts.clone(), true, |v| v.to_string());
        let stacked = bars(&shapes);
        // Series 0 first, then series 1 starting where it ends.
        assert!((stacked[0].0 + stacked[0].2 - stacked[1].0).abs() < 1e-9);
        assert!((stacked[1].2 / stacked[0].2 - 3.0).abs() < 1e-9);
        let (_, shapes) = layout(&rows, 2, parts, false, |v| v.to_string());
        let grouped = bars(&shapes);
        assert_eq!(grouped[0].0, grouped[1].0);
        assert!(grouped[0].1 < grouped[1].1);
        // Each part's tip follows it, for the CSS sibling rule.
        let after_bar = shapes.windows(2).filter(|w| {
            matches!(w[0], Shape::Bar { .. })
                && matches!(
                    w[1],
                    Shape::Text {
                        class: "chart-tip",
                        ..
                    }
                )
        });
        assert_eq!(after_bar.count(), 2);
    }
}
