//! A horizontal bar chart: one labelled bar per item, its value written at
//! its end, over a scale with light grid lines.

use leptos::prelude::*;

use super::svg::{Anchor, ChartSvg, Shape};
use super::{Datum, PALETTE, WIDTH, nice_scale, ticks};

/// Room for the labels left of the bars, and for the values right of them.
const LABEL_WIDTH: f64 = 190.0;
const VALUE_WIDTH: f64 = 120.0;
const ROW: f64 = 30.0;
const BAR: f64 = 20.0;
const AXIS: f64 = 28.0;

/// One focusable bar per datum, in the order given.
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
    let (height, shapes) = layout(&bars, |v| tick.run(v));
    view! { <ChartSvg id title desc width=WIDTH height shapes /> }
}

/// The picture's height and shapes.
fn layout(bars: &[Datum], tick: impl Fn(f64) -> String) -> (f64, Vec<Shape>) {
    let left = LABEL_WIDTH + 10.0;
    let plot = WIDTH - left - VALUE_WIDTH;
    let bottom = bars.len() as f64 * ROW + 4.0;
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let (top, step) = nice_scale(max, 4);
    let x = |value: f64| left + plot * (value / top).clamp(0.0, 1.0);
    let mut shapes = Vec::new();
    for value in ticks(top, step) {
        shapes.push(Shape::Rule {
            x1: x(value),
            y1: 0.0,
            x2: x(value),
            y2: bottom,
        });
        shapes.push(Shape::Text {
            x: x(value),
            y: bottom + 18.0,
            text: tick(value),
            anchor: Anchor::Middle,
            centred: false,
            class: "chart-tick",
        });
    }
    for (i, bar) in bars.iter().enumerate() {
        let y = i as f64 * ROW + (ROW - BAR) / 2.0;
        let width = (x(bar.value) - left).max(1.0);
        shapes.push(Shape::Text {
            x: LABEL_WIDTH,
            y: y + BAR / 2.0,
            text: bar.label.clone(),
            anchor: Anchor::End,
            centred: true,
            class: "chart-label",
        });
        shapes.push(Shape::Bar {
            x: left,
            y,
            width,
            height: BAR,
            fill: PALETTE[0],
            name: format!("{}: {}", bar.label, bar.text),
            class: "chart-point",
        });
        shapes.push(Shape::Text {
            x: left + width + 6.0,
            y: y + BAR / 2.0,
            text: bar.text.clone(),
            anchor: Anchor::Start,
            centred: true,
            class: "chart-value",
        });
    }
    (bottom + AXIS + 4.0, shapes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn datum(label: &str, value: f64) -> Datum {
        Datum {
            label: label.into(),
            value,
            text: value.to_string(),
        }
    }

    #[test]
    fn bars_are_as_long_as_their_values_and_named_by_them() {
        let (height, shapes) = layout(&[datum("Italy", 800.0), datum("Spain", 200.0)], |v| {
            v.to_string()
        });
        let bars: Vec<(f64, &str)> = shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Bar { width, name, .. } => Some((*width, name.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(bars.len(), 2);
        assert_eq!(bars[0].1, "Italy: 800");
        assert!((bars[0].0 / bars[1].0 - 4.0).abs() < 1e-9);
        assert!(height > 2.0 * ROW);
    }
}
