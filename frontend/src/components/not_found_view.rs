//! The body of a "not found" answer, for unknown paths and unknown members.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::page_head::page_title;
use crate::i18n::{Strings, tr, use_i18n};

/// The page's title and single `<h1>`, an explanation and ways back into the
/// site. The texts are picked from the current language's strings.
#[component]
pub fn NotFoundView(
    /// Picks the heading (also the document title).
    heading: fn(&Strings) -> &'static str,
    /// Picks the explanation under it.
    text: fn(&Strings) -> &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    view! {
        <Title text=move || page_title(heading(t())) />
        <Meta name="description" content=move || text(t()) />
        <section class="wrap page not-found">
            <h1>{move || heading(t())}</h1>
            <p>{move || text(t())}</p>
            <ul class="link-list">
                <li>
                    <a href="/">{tr(|t| t.nav_home)}</a>
                </li>
                <li>
                    <a href="/members">{tr(|t| t.members_heading)}</a>
                </li>
            </ul>
        </section>
    }
}
