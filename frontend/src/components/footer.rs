//! The site footer: who publishes the site, where, and what "illustrative" means.

use leptos::prelude::*;

use crate::i18n::tr;

/// The contentinfo landmark at the bottom of every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="wrap footer-inner">
                <p class="footer-org">
                    <strong>"CECOP"</strong>
                    " — "
                    {tr(|t| t.org_full_name)}
                </p>
                <address>
                    {tr(|t| t.footer_address)}
                </address>
                <p class="footer-note">{tr(|t| t.footer_illustrative)}</p>
            </div>
        </footer>
    }
}
