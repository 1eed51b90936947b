//! The head of a list page: its document title and description (WCAG
//! 2.4.2), its one `<h1>` and the sentence introducing it; and
//! [`page_title`], the form every page's document title takes.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::data_table::Text;
use crate::i18n::use_i18n;

/// A document title for a page: the page's own name first, so tabs and
/// history entries stay distinguishable, then the site's (WCAG 2.4.2).
pub fn page_title(page: &str) -> String {
    format!("{page} — CECOP")
}

/// Title, description, heading and introduction, in the interface language.
#[component]
pub fn PageHead(
    title: Text,
    description: Text,
    heading: Text,
    #[prop(optional)] intro: Option<Text>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    view! {
        <Title text=move || page_title(title(t())) />
        <Meta name="description" content=move || description(t()) />
        <h1>{move || heading(t())}</h1>
        {intro.map(|intro| view! { <p class="intro">{move || intro(t())}</p> })}
    }
}
