//! A line through one value per year, each year a focusable point with its
//! value written above it.

use leptos::prelude::*;

use super::{Datum, PALETTE, WIDTH, nice_scale, px, ticks};

const HEIGHT: f64 = 280.0;
const LEFT: f64 = 80.0;
const RIGHT: f64 = 40.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 34.0;

/// `<svg>` with the points in the order given (oldest first).
#[component]
pub fn LineChart(
    id: &'static str,
    title: String,
    desc: String,
    points: Vec<Datum>,
    /// Writes a tick of the vertical scale.
    tick: Callback<f64, String>,
) -> impl IntoView {
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let max = points.iter().map(|p| p.value).fold(0.0, f64::max);
    let (top, step) = nice_scale(max, 4);
    let y = move |value: f64| TOP + plot_h * (1.0 - (value / top).clamp(0.0, 1.0));
    let n = points.len();
    // One point sits in the middle; more spread over the width.
    let x = move |i: usize| {
        if n <= 1 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + plot_w * i as f64 / (n - 1) as f64
        }
    };
    let grid = ticks(top, step)
        .into_iter()
        .map(|value| {
            view! {
                <line class="chart-grid" x1=px(LEFT) x2=px(WIDTH - RIGHT) y1=px(y(value)) y2=px(y(value)) />
                <text class="chart-tick" x=px(LEFT - 8.0) y=px(y(value)) text-anchor="end" dominant-baseline="central">
                    {tick.run(value)}
                </text>
            }
        })
        .collect_view();
    let path = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "{}{},{}",
                if i == 0 { "M" } else { "L" },
                px(x(i)),
                px(y(p.value))
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let marks = points
        .into_iter()
        .enumerate()
        .map(|(i, point)| {
            let name = format!("{}: {}", point.label, point.text);
            let (cx, cy) = (x(i), y(point.value));
            view! {
                <text class="chart-tick" aria-hidden="true" x=px(cx) y=px(HEIGHT - 10.0) text-anchor="middle">
                    {point.label}
                </text>
                <text class="chart-value" aria-hidden="true" x=px(cx) y=px(cy - 12.0) text-anchor="middle">
                    {point.text}
                </text>
                <circle
                    class="chart-point"
                    tabindex="0"
                    role="img"
                    aria-label=name
                    cx=px(cx)
                    cy=px(cy)
                    r="7"
                    fill=PALETTE[0]
                />
            }
        })
        .collect_view();
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let (labelledby, describedby) = (title_id.clone(), desc_id.clone());
    view! {
        <svg
            class="chart-svg"
            viewBox=format!("0 0 {} {}", px(WIDTH), px(HEIGHT))
            role="group"
            aria-labelledby=labelledby
            aria-describedby=describedby
        >
            <title id=title_id>{title}</title>
            <desc id=desc_id>{desc}</desc>
            <g aria-hidden="true">{grid}</g>
            <path class="chart-line" d=path stroke=PALETTE[0] fill="none" aria-hidden="true" />
            {marks}
        </svg>
    }
}
