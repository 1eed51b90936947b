//! A horizontal bar chart: one labelled bar per item, its value written at
//! its end, over a scale with light grid lines.

use leptos::prelude::*;

use super::{Datum, PALETTE, WIDTH, nice_scale, px, ticks};

/// Room for the labels left of the bars, and for the values right of them.
const LABEL_WIDTH: f64 = 190.0;
const VALUE_WIDTH: f64 = 120.0;
const ROW: f64 = 30.0;
const BAR: f64 = 20.0;
const AXIS: f64 = 28.0;

/// `<svg>` with one focusable bar per datum, in the order given.
#[component]
pub fn BarChart(
    /// Prefix of the ids the `<svg>` points at.
    id: &'static str,
    title: String,
    desc: String,
    bars: Vec<Datum>,
    /// Writes a tick of the scale.
    tick: Callback<f64, String>,
) -> impl IntoView {
    let left = LABEL_WIDTH + 10.0;
    let plot = WIDTH - left - VALUE_WIDTH;
    let height = bars.len() as f64 * ROW + AXIS + 8.0;
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let (top, step) = nice_scale(max, 4);
    let x = move |value: f64| left + plot * (value / top).clamp(0.0, 1.0);
    let bottom = bars.len() as f64 * ROW + 4.0;
    let grid = ticks(top, step)
        .into_iter()
        .map(|value| {
            view! {
                <line class="chart-grid" x1=px(x(value)) x2=px(x(value)) y1="0" y2=px(bottom) />
                <text class="chart-tick" x=px(x(value)) y=px(bottom + 18.0) text-anchor="middle">
                    {tick.run(value)}
                </text>
            }
        })
        .collect_view();
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = i as f64 * ROW + (ROW - BAR) / 2.0;
            let width = (x(bar.value) - left).max(1.0);
            let name = format!("{}: {}", bar.label, bar.text);
            view! {
                <text class="chart-label" aria-hidden="true" x=px(LABEL_WIDTH) y=px(y + BAR / 2.0) text-anchor="end" dominant-baseline="central">
                    {bar.label}
                </text>
                <rect
                    class="chart-point"
                    tabindex="0"
                    role="img"
                    aria-label=name
                    x=px(left)
                    y=px(y)
                    width=px(width)
                    height=px(BAR)
                    fill=PALETTE[0]
                />
                <text class="chart-value" aria-hidden="true" x=px(left + width + 6.0) y=px(y + BAR / 2.0) dominant-baseline="central">
                    {bar.text}
                </text>
            }
        })
        .collect_view();
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let (labelledby, describedby) = (title_id.clone(), desc_id.clone());
    view! {
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
            {rows}
        </svg>
    }
}
