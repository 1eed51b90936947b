//! The site header: the CECOP name, the search form, the account links, the
//! language menu and, on a row of its own, the main navigation.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::account_nav::AccountNav;
use crate::components::data_table::Text;
use crate::components::language_select::LanguageSelect;
use crate::components::site_search::SiteSearch;
use crate::i18n::{tr, use_i18n};

/// The app's sections, in navigation order: address and name.
const SECTIONS: &[(&str, Text)] = &[
    ("/news", |t| t.publishing.nav_news),
    ("/events", |t| t.publishing.nav_events),
    ("/cooptales", |t| t.publishing.nav_cooptales),
    ("/publications", |t| t.publishing.nav_publications),
    ("/members", |t| t.nav_members),
    ("/data", |t| t.data.nav_data),
    ("/about", |t| t.publishing.nav_about),
];

/// The banner landmark at the top of every page.
#[component]
pub fn SiteHeader(
    /// The search page's address for some words (see [`SiteSearch`]).
    search_href: fn(&str) -> String,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let sections = SECTIONS
        .iter()
        .map(|&(href, name)| {
            view! {
                <li>
                    <A href=href>{move || name(t())}</A>
                </li>
            }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <div class="wrap header-inner">
                <a class="brand" href="/">
                    // "CECOP" is a proper name; the expansion is translated.
                    <span class="brand-mark">"CECOP"</span>
                    <span class="brand-name">{tr(|t| t.org_full_name)}</span>
                </a>
                <div class="header-tools">
                    <SiteSearch href=search_href />
                    <AccountNav />
                    <LanguageSelect />
                </div>
                <nav class="site-nav" aria-label=tr(|t| t.nav_label)>
                    <ul>
                        <li>
                            <A href="/" exact=true>
                                {tr(|t| t.nav_home)}
                            </A>
                        </li>
                        {sections}
                        <li>
                            // The API docs are served by the server, not the app:
                            // rel=external makes the router leave the click alone.
                            <a href="/api/docs" rel="external">
                                {tr(|t| t.nav_api)}
                            </a>
                        </li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
