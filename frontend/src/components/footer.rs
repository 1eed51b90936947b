//! The site footer: who publishes the site, where, and what "illustrative" means.

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// The contentinfo landmark at the bottom of every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    view! {
        <footer class="site-footer">
            <div class="wrap footer-inner">
                <p class="footer-org">
                    <strong>"CECOP"</strong>
                    " — "
                    {move || t().org_full_name}
                </p>
                <address>
                    {move || t().footer_address}
                </address>
                <p class="footer-note">{move || t().footer_illustrative}</p>
            </div>
        </footer>
    }
}
