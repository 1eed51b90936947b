//! What the charts draw, as data: each chart computes a list of [`Shape`]s
//! (plain geometry, testable without a browser) and [`ChartSvg`] draws any
//! list of them. One renderer for every chart keeps the WASM small: each
//! kind of SVG element is compiled once, not once per chart.

use leptos::prelude::*;

use super::px;

/// How a text sits on its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn as_str(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Middle => "middle",
            Self::End => "end",
        }
    }
}

/// One element of a chart.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A grid line.
    Rule { x1: f64, y1: f64, x2: f64, y2: f64 },
    /// A text in the picture, hidden from assistive technology (which
    /// reads the points' names instead). `class` styles it: `chart-label`,
    /// `chart-value`, `chart-tick`, or `chart-tip` (shown while the point
    /// just before it has focus or the pointer).
    Text {
        x: f64,
        y: f64,
        text: String,
        anchor: Anchor,
        /// Centred vertically on `y` rather than sitting on it.
        centred: bool,
        class: &'static str,
    },
    /// A value as a bar: focusable, named with its label and value.
    Bar {
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        fill: &'static str,
        name: String,
        /// `chart-point`, plus `chart-part` for a part of a stacked bar.
        class: &'static str,
    },
    /// A value as a dot on a line: focusable, named.
    Dot {
        cx: f64,
        cy: f64,
        fill: &'static str,
        name: String,
    },
    /// A line through points (`d` is SVG path data).
    Line { d: String, stroke: &'static str },
}

/// Draws one shape.
fn draw(shape: Shape) -> AnyView {
    match shape {
        Shape::Rule { x1, y1, x2, y2 } => view! {
            <line class="chart-grid" x1=px(x1) y1=px(y1) x2=px(x2) y2=px(y2) />
        }
        .into_any(),
        Shape::Text {
            x,
            y,
            text,
            anchor,
            centred,
            class,
        } => view! {
            <text
                class=class
                aria-hidden="true"
                x=px(x)
                y=px(y)
                text-anchor=anchor.as_str()
                dominant-baseline=centred.then_some("central")
            >
                {text}
            </text>
        }
        .into_any(),
        Shape::Bar {
            x,
            y,
            width,
            height,
            fill,
            name,
            class,
        } => view! {
            <rect
                class=class
                tabindex="0"
                role="img"
                aria-label=name
                x=px(x)
                y=px(y)
                width=px(width)
                height=px(height)
                fill=fill
            />
        }
        .into_any(),
        Shape::Dot { cx, cy, fill, name } => view! {
            <circle
                class="chart-point"
                tabindex="0"
                role="img"
                aria-label=name
                cx=px(cx)
                cy=px(cy)
                r="7"
                fill=fill
            />
        }
        .into_any(),
        Shape::Line { d, stroke } => view! {
            <path class="chart-line" aria-hidden="true" d=d stroke=stroke fill="none" />
        }
        .into_any(),
    }
}

/// An `<svg>` named by its `<title>` and described by its `<desc>`, with
/// the shapes in order (later ones on top).
#[component]
pub fn ChartSvg(
    /// Prefix of the ids the `<svg>` points at.
    id: &'static str,
    title: String,
    desc: String,
    width: f64,
    height: f64,
    shapes: Vec<Shape>,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let (labelledby, describedby) = (title_id.clone(), desc_id.clone());
    view! {
        <svg
            class="chart-svg"
            viewBox=format!("0 0 {} {}", px(width), px(height))
            role="group"
            aria-labelledby=labelledby
            aria-describedby=describedby
        >
            <title id=title_id>{title}</title>
            <desc id=desc_id>{desc}</desc>
            {shapes.into_iter().map(draw).collect_view()}
        </svg>
    }
}
