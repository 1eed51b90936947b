//! A data table: horizontally scrollable on narrow screens, with a caption
//! for assistive technology (WCAG 1.3.1) and translated column headings.
//! Pages supply the rows as children.

use leptos::prelude::*;

use crate::i18n::{Strings, use_i18n};

/// A string of the translation table, picked by a field accessor.
pub type Text = fn(&Strings) -> &'static str;

#[component]
pub fn DataTable(
    /// The table's caption; visually hidden, read by screen readers.
    caption: Text,
    /// The column headings, in order.
    columns: &'static [Text],
    /// The rows (`<tr>` elements).
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let headings = columns
        .iter()
        .map(|&column| view! { <th scope="col">{move || column(i18n.t())}</th> })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <caption class="visually-hidden">{move || caption(i18n.t())}</caption>
                <thead>
                    <tr>{headings}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
