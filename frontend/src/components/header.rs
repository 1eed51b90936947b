//! The site header: the CECOP name, the main navigation, the account links
//! and the language menu.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::account_nav::AccountNav;
use crate::components::language_select::LanguageSelect;
use crate::i18n::use_i18n;

/// The banner landmark at the top of every page.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    view! {
        <header class="site-header">
            <div class="wrap header-inner">
                <a class="brand" href="/">
                    // "CECOP" is a proper name; the expansion is translated.
                    <span class="brand-mark">"CECOP"</span>
                    <span class="brand-name">{move || t().org_full_name}</span>
                </a>
                <nav class="site-nav" aria-label=move || t().nav_label>
                    <ul>
                        <li>
                            <A href="/" exact=true>
                                {move || t().nav_home}
                            </A>
                        </li>
                        <li>
                            <A href="/members">{move || t().nav_members}</A>
                        </li>
                        <li>
                            // The API docs are served by the server, not the app:
                            // rel=external makes the router leave the click alone.
                            <a href="/api/docs" rel="external">
                                {move || t().nav_api}
                            </a>
                        </li>
                    </ul>
                </nav>
                <AccountNav />
                <LanguageSelect />
            </div>
        </header>
    }
}
