//! One page of directory results: the count, the member cards, and the links
//! to the neighbouring pages (or why there is nothing to show).

use cecop_shared::{Member, Page};
use leptos::prelude::*;

use crate::api::members::MemberFilter;
use crate::components::member_card::MemberCard;
use crate::components::pagination::Pagination;
use crate::i18n::use_i18n;
use crate::pages::members::query::members_href;

/// The results for `filter`, as the API returned them in `page`.
#[component]
pub fn MemberResults(page: Page<Member>, filter: MemberFilter) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let total = page.total;
    let href_for = |number: u32| {
        members_href(&MemberFilter {
            page: number,
            ..filter.clone()
        })
    };
    let prev_href = (page.page > 1).then(|| href_for(page.page - 1));
    let next_href = (page.page < page.total_pages).then(|| href_for(page.page + 1));
    let body = if !page.items.is_empty() {
        let cards = page
            .items
            .into_iter()
            .map(|member| view! { <MemberCard member /> })
            .collect_view();
        view! { <ul class="member-list">{cards}</ul> }.into_any()
    } else if total == 0 {
        view! { <p class="empty">{move || t().members_empty}</p> }.into_any()
    } else {
        let first = href_for(1);
        view! {
            <p class="empty">{move || t().members_past_end}</p>
            <p>
                <a href=first>{move || t().members_first_page}</a>
            </p>
        }
        .into_any()
    };
    view! {
        <h2 class="results-total" data-testid="member-total">
            {move || (t().members_total)(total)}
        </h2>
        {body}
        {(page.total_pages > 1)
            .then(|| {
                view! {
                    <Pagination
                        page=page.page
                        total_pages=page.total_pages
                        prev_href
                        next_href
                    />
                }
            })}
    }
}
