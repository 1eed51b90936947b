//! The top of every content page (article, event, story, about): the
//! document title and description from the item, a way back to its list,
//! a line of facts, the title and summary in the item's language
//! (WCAG 3.1.2), its badges and which languages it is in.

use cecop_shared::ItemMeta;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::data_table::Text;
use crate::components::item_badges::ItemBadges;
use crate::components::item_languages::ItemLanguages;
use crate::components::page_head::page_title;
use crate::i18n::use_i18n;

/// The header of an item's page.
#[component]
pub fn ItemHeader(
    /// The item.
    meta: ItemMeta,
    /// The list to go back to, and the link's words.
    #[prop(optional_no_strip)]
    back: Option<(&'static str, Text)>,
    /// The line of facts above the title (kind, date).
    #[prop(optional_no_strip)]
    facts: Option<AnyView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = meta.lang.to_string();
    view! {
        <Title text=page_title(&meta.title) />
        <Meta name="description" content=meta.summary.clone() />
        <header class="item-header">
            {back
                .map(|(href, words)| {
                    view! {
                        <p class="back">
                            <a href=href>
                                <span aria-hidden="true">"← "</span>
                                {move || words(i18n.t())}
                            </a>
                        </p>
                    }
                })}
            {facts.map(|facts| view! { <p class="item-facts">{facts}</p> })}
            <h1 lang=lang.clone() data-testid="item-title">{meta.title}</h1>
            <p class="lead" lang=lang>{meta.summary}</p>
            <ItemBadges illustrative=meta.illustrative visibility=meta.visibility />
            <ItemLanguages lang=meta.lang languages=meta.languages />
        </header>
    }
}

/// An item's body: HTML the server rendered from Markdown and sanitised
/// (so it is safe to insert), in the item's language.
#[component]
pub fn ItemBody(html: String, lang: String) -> impl IntoView {
    view! { <div class="prose" lang=lang inner_html=html data-testid="item-body"></div> }
}
