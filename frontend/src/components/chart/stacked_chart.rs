//! Bars divided into parts: one bar per row (a sector), one coloured part
//! per series (a type of cooperative). Parts of a whole are stacked; shares,
//! which do not add up, stand side by side instead, one thin bar per series.
//! The legend is HTML above the picture, so it wraps and reads as a list.

use leptos::prelude::*;

use super::{Datum, PALETTE, WIDTH, nice_scale, px, ticks};

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
    /// The series' names, in legend (and stacking) order; at most four.
    series: Vec<String>,
    parts: Vec<Part>,
    /// Stack the parts (`true`) or set them side by side.
    stacked: bool,
    /// The legend's accessible name.
    legend_label: String,
    /// Writes a tick of the scale, and a bar's total.
    tick: Callback<f64, String>,
) -> impl IntoView {
    let n_series = series.len().max(1);
    let band = if stacked { BAR } else { THIN * n_series as f64 };
    let left = LABEL_WIDTH + 10.0;
    let plot = WIDTH - left - TOTAL_WIDTH;
    let bottom = TOP + rows.len() as f64 * (band + GAP);
    let height = bottom + AXIS + 4.0;
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
    let scale = move |value: f64| plot * (value / top).clamp(0.0, 1.0);
    let grid = ticks(top, step)
        .into_iter()
        .map(|value| {
            let x = px(left + scale(value));
            view! {
                <line class="chart-grid" x1=x.clone() x2=x.clone() y1=px(TOP) y2=px(bottom) />
                <text class="chart-tick" x=x y=px(bottom + 18.0) text-anchor="middle">
                    {tick.run(value)}
                </text>
            }
        })
        .collect_view();
    let labels = rows
        .iter()
        .enumerate()
        .map(|(row, label)| {
            let y = TOP + row as f64 * (band + GAP) + band / 2.0;
            let total = stacked.then(|| {
                view! {
                    <text class="chart-value" aria-hidden="true" x=px(left + scale(totals[row]) + 6.0) y=px(y) dominant-baseline="central">
                        {tick.run(totals[row])}
                    </text>
                }
            });
            view! {
                <text class="chart-label" aria-hidden="true" x=px(LABEL_WIDTH) y=px(y) text-anchor="end" dominant-baseline="central">
                    {label.clone()}
                </text>
                {total}
            }
        })
        .collect_view();
    // Where the next stacked part of each row starts.
    let mut offsets = vec![0.0; rows.len()];
    let mut ordered = parts;
    ordered.sort_by_key(|p| (p.row, p.series));
    let shapes = ordered
        .into_iter()
        .map(|part| {
            let row_top = TOP + part.row as f64 * (band + GAP);
            let width = scale(part.datum.value);
            let (x, y, h) = if stacked {
                let x = left + offsets[part.row];
                offsets[part.row] += width;
                (x, row_top, BAR)
            } else {
                (left, row_top + part.series as f64 * THIN, THIN - 2.0)
            };
            let name = format!("{}: {}", part.datum.label, part.datum.text);
            let colour = PALETTE[part.series % PALETTE.len()];
            // The tip shows the part's figure while it has focus or the
            // pointer (CSS), above the bar so it never covers its neighbours.
            let tip_x = (x + width.max(1.0) / 2.0).clamp(left + 40.0, WIDTH - 40.0);
            view! {
                <rect
                    class="chart-point chart-part"
                    tabindex="0"
                    role="img"
                    aria-label=name
                    x=px(x)
                    y=px(y)
                    width=px(width.max(1.0))
                    height=px(h)
                    fill=colour
                />
                <text class="chart-tip" aria-hidden="true" x=px(tip_x) y=px(y - 4.0) text-anchor="middle">
                    {part.datum.text}
                </text>
            }
        })
        .collect_view();
    let legend = series
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let colour = format!("background: {}", PALETTE[i % PALETTE.len()]);
            view! {
                <li>
                    <span class="swatch" style=colour aria-hidden="true"></span>
                    {name}
                </li>
            }
        })
        .collect_view();
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let (labelledby, describedby) = (title_id.clone(), desc_id.clone());
    view! {
        <ul class="chart-legend" aria-label=legend_label>{legend}</ul>
        <svg
            class="chart-svg"
            viewBox=format!("0 0 {} {}", px(WIDTH), px(height))
            role="group"
            aria-labelledby=labelledby
            aria-describedby=describedby
        >
            <title id=title_id>{title}</title>
            <desc id=desc_id>{desc}</desc>
            <g aria-hidden="true">{grid}</g>
            {labels}
            {shapes}
        </svg>
    }
}
