//! A line through one value per year, each year a focusable point with its
//! value written above it.

use leptos::prelude::*;

use super::svg::{Anchor, ChartSvg, Shape};
use super::{Datum, PALETTE, WIDTH, nice_scale, px, ticks};

const HEIGHT: f64 = 280.0;
const LEFT: f64 = 80.0;
const RIGHT: f64 = 40.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 34.0;

/// The points in the order given (oldest first).
#[component]
pub fn LineChart(
    id: &'static str,
    title: String,
    desc: String,
    points: Vec<Datum>,
    /// Writes a tick of the vertical scale.
    tick: Callback<f64, String>,
) -> impl IntoView {
    let shapes = layout(&points, |v| tick.run(v));
    view! { <ChartSvg id title desc width=WIDTH height=HEIGHT shapes /> }
}

fn layout(points: &[Datum], tick: impl Fn(f64) -> String) -> Vec<Shape> {
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let max = points.iter().map(|p| p.value).fold(0.0, f64::max);
    let (top, step) = nice_scale(max, 4);
    let y = |value: f64| TOP + plot_h * (1.0 - (value / top).clamp(0.0, 1.0));
    let n = points.len();
    // One point sits in the middle; more spread over the width.
    let x = |i: usize| {
        if n <= 1 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + plot_w * i as f64 / (n - 1) as f64
        }
    };
    let mut shapes = Vec::new();
    for value in ticks(top, step) {
        shapes.push(Shape::Rule {
            x1: LEFT,
            y1: y(value),
            x2: WIDTH - RIGHT,
            y2: y(value),
        });
        shapes.push(Shape::Text {
            x: LEFT - 8.0,
            y: y(value),
            text: tick(value),
            anchor: Anchor::End,
            centred: true,
            class: "chart-tick",
        });
    }
    let d = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let command = if i == 0 { "M" } else { "L" };
            format!("{command}{},{}", px(x(i)), px(y(p.value)))
        })
        .collect::<Vec<_>>()
        .join(" ");
    shapes.push(Shape::Line {
        d,
        stroke: PALETTE[0],
    });
    for (i, point) in points.iter().enumerate() {
        let (cx, cy) = (x(i), y(point.value));
        shapes.push(Shape::Text {
            x: cx,
            y: HEIGHT - 10.0,
            text: point.label.clone(),
            anchor: Anchor::Middle,
            centred: false,
            class: "chart-tick",
        });
        shapes.push(Shape::Text {
            x: cx,
            y: cy - 12.0,
            text: point.text.clone(),
            anchor: Anchor::Middle,
            centred: false,
            class: "chart-value",
        });
        shapes.push(Shape::Dot {
            cx,
            cy,
            fill: PALETTE[0],
            name: format!("{}: {}", point.label, point.text),
        });
    }
    shapes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_rise_with_their_values_from_left_to_right() {
        let points = [("2022", 100.0), ("2023", 150.0)].map(|(label, value)| Datum {
            label: label.into(),
            value,
            text: value.to_string(),
        });
        let dots: Vec<(f64, f64, String)> = layout(&points, |v| v.to_string())
            .into_iter()
            .filter_map(|s| match s {
                Shape::Dot { cx, cy, name, .. } => Some((cx, cy, name)),
                _ => None,
            })
            .collect();
        assert_eq!(dots.len(), 2);
        assert!(dots[0].0 < dots[1].0 && dots[0].1 > dots[1].1);
        assert_eq!(dots[1].2, "2023: 150");
    }
}
