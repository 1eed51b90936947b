//! One search hit: what kind of thing it is, its title linking to its page,
//! and the passage that matched.

use cecop_shared::{SearchHit, SearchKind};
use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::intl;

/// The page a hit leads to.
pub fn hit_href(kind: SearchKind, slug: &str) -> String {
    let section = match kind {
        SearchKind::Article => "news",
        SearchKind::Event => "events",
        SearchKind::Story => "cooptales",
        SearchKind::Member => "members",
    };
    format!("/{section}/{slug}")
}

/// A list item for one hit. Title and passage carry the hit's language
/// (WCAG 3.1.2).
#[component]
pub fn SearchHitCard(hit: SearchHit) -> impl IntoView {
    let i18n = use_i18n();
    let kind = hit.kind;
    let lang = hit.lang.to_string();
    let date = hit.published_at.map(|at| {
        view! { <time datetime=at.to_rfc3339()>{move || intl::date(i18n.lang(), &at)}</time> }
    });
    view! {
        <li class="content-card search-hit" data-testid="search-hit" data-kind=kind.as_str()>
            <p class="card-facts">
                <span class="card-kind">{move || i18n.t().publishing.result_kind(kind)}</span>
                {date}
            </p>
            <h3 class="card-title" lang=lang.clone()>
                <a href=hit_href(kind, hit.slug.as_str())>{hit.title}</a>
            </h3>
            // The server escapes the text and adds only <mark> around the
            // matched words, so the passage is safe to insert as HTML.
            <p class="card-summary snippet" lang=lang inner_html=hit.snippet></p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_hit_leads_to_its_own_page() {
        assert_eq!(hit_href(SearchKind::Article, "a"), "/news/a");
        assert_eq!(hit_href(SearchKind::Event, "e"), "/events/e");
        assert_eq!(hit_href(SearchKind::Story, "s"), "/cooptales/s");
        assert_eq!(hit_href(SearchKind::Member, "m"), "/members/m");
    }
}
