//! The page for any path the router does not know.

use leptos::prelude::*;

use crate::components::not_found_view::NotFoundView;

/// "Page not found", inside the site frame.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFoundView heading=|t| t.not_found_heading text=|t| t.not_found_text /> }
}
