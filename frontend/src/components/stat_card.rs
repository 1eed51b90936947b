//! One headline figure on the home page: a big number and what it counts.

use leptos::prelude::*;

use crate::i18n::{Strings, use_i18n};
use crate::intl;

/// A figure as a list item: "27" over "member organisations", the number
/// grouped for the current language and the words in its plural form.
#[component]
pub fn StatCard(
    /// The figure.
    value: u64,
    /// What is counted, in the language of `Strings`, for this figure.
    label: fn(&Strings, u64) -> &'static str,
    /// The `data-testid` of the number, for end-to-end tests.
    testid: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li class="stat-card">
            <span class="stat-value" data-testid=testid>
                {move || intl::number(i18n.lang(), value)}
            </span>
            " "
            <span class="stat-label">{move || label(i18n.t(), value)}</span>
        </li>
    }
}
