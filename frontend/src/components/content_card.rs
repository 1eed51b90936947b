//! The card every list of content draws an item as (articles, events,
//! stories): a line of facts, the title linking to the item, its summary and
//! its badges. Title and summary carry the item's language (WCAG 3.1.2),
//! which may differ from the interface's.

use cecop_shared::ItemMeta;
use leptos::prelude::*;

use crate::components::item_badges::ItemBadges;

/// A list item for one piece of content.
#[component]
pub fn ContentCard(
    /// The item's own page.
    href: String,
    /// Its title, summary, language and flags.
    meta: ItemMeta,
    /// The `data-testid`, for end-to-end tests.
    testid: &'static str,
    /// The line of facts above the title (kind, date, place).
    facts: AnyView,
    /// Anything shown under the summary (a quote).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let lang = meta.lang.to_string();
    view! {
        <li class="content-card" data-testid=testid>
            <p class="card-facts">{facts}</p>
            <h3 class="card-title" lang=lang.clone()>
                <a href=href>{meta.title}</a>
            </h3>
            <p class="card-summary" lang=lang>{meta.summary}</p>
            {children.map(|children| children())}
            <ItemBadges illustrative=meta.illustrative visibility=meta.visibility />
        </li>
    }
}
