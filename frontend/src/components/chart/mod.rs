//! Charts drawn as SVG by our own components — no JavaScript chart library.
//!
//! Every chart is accessible the same way: the `<svg>` is named by its
//! `<title>` and described by its `<desc>` (a sentence with the highest
//! value or the trend); each bar, segment or point is keyboard-focusable
//! (`tabindex=0`, WCAG 2.1.1) with an accessible name giving its label and
//! its formatted value, and a visible focus style (2.4.7); the texts drawn
//! inside the picture are hidden from assistive technology, which reads the
//! points' names instead. [`chart_figure::ChartFigure`] puts each chart
//! beside the same figures as a real table (1.3.1) and a CSV download.
//!
//! Charts take their data already labelled and formatted ([`Datum`]) and
//! know nothing of the API or of indicators; the pages decide what to draw.
//! Each chart lays its data out as plain [`svg::Shape`]s, which one
//! renderer, [`svg::ChartSvg`], draws for all of them.

pub mod bar_chart;
pub mod chart_figure;
pub mod line_chart;
pub mod stacked_chart;
pub mod svg;

/// One value to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Datum {
    /// What the value is for: "Italy", "2023".
    pub label: String,
    pub value: f64,
    /// The value as people read it: "480,000", "50.8%".
    pub text: String,
}

/// The width every chart is drawn at, in SVG units; the `<svg>` scales to
/// its container, keeping the proportions.
pub const WIDTH: f64 = 720.0;

/// Colours for the series of a chart: each is at least 6:1 against the white
/// background (WCAG 1.4.11 asks 3:1 of graphics), and they differ in
/// lightness as well as in hue.
pub const PALETTE: [&str; 4] = ["#8b1c2c", "#1f4d7a", "#2e6b30", "#8a5300"];

/// An axis from zero to a round number at or above `max`, with the step
/// between its ticks: (top, step). At most about `ticks` steps.
pub fn nice_scale(max: f64, ticks: u32) -> (f64, f64) {
    if !max.is_finite() || max <= 0.0 {
        return (1.0, 1.0);
    }
    let raw = max / f64::from(ticks.max(1));
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = match raw / magnitude {
        n if n <= 1.0 => 1.0,
        n if n <= 2.0 => 2.0,
        n if n <= 2.5 => 2.5,
        n if n <= 5.0 => 5.0,
        _ => 10.0,
    } * magnitude;
    ((max / step).ceil() * step, step)
}

/// The ticks of an axis: 0, step, 2 × step … up to `top`.
pub fn ticks(top: f64, step: f64) -> Vec<f64> {
    let count = (top / step).round() as u32;
    (0..=count).map(|i| f64::from(i) * step).collect()
}

/// A number for an SVG attribute, rounded to a tenth of a unit so the
/// markup stays short.
pub fn px(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_end_on_round_numbers() {
        assert_eq!(nice_scale(1_299_499.0, 4), (1_500_000.0, 500_000.0));
        assert_eq!(nice_scale(50.8, 4), (60.0, 20.0));
        assert_eq!(nice_scale(100.0, 4), (100.0, 25.0));
        assert_eq!(nice_scale(7.0, 4), (8.0, 2.0));
        assert_eq!(nice_scale(0.0, 4), (1.0, 1.0));
        assert_eq!(ticks(60.0, 20.0), [0.0, 20.0, 40.0, 60.0]);
    }

    #[test]
    fn coordinates_are_short() {
        assert_eq!(px(12.0), "12");
        assert_eq!(px(12.345), "12.3");
        assert_eq!(px(-0.04), "0");
    }
}
