//! One "latest" section of the home page (news, events, a story): a
//! heading, the first few items of a list, and a link to the whole list.

use cecop_shared::Page;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::data_table::Text;
use crate::components::error_view::ErrorView;
use crate::components::loading::Loading;
use crate::i18n::use_i18n;

/// A section labelled by its heading, with its own loading, empty and error states.
#[component]
pub fn Latest<T>(
    /// The heading's id, which names the section.
    id: &'static str,
    heading: Text,
    /// The first page of the list, as short as the section wants.
    resource: LocalResource<Result<Page<T>, ApiError>>,
    /// Renders one item as a list item.
    item: fn(T) -> AnyView,
    /// What the section says when the list is empty.
    empty: Text,
    /// The whole list's address, and the link's words.
    all: (&'static str, Text),
) -> impl IntoView
where
    T: Clone + 'static,
{
    let i18n = use_i18n();
    let t = move || i18n.t();
    let retry = Callback::new(move |()| resource.refetch());
    let body = move || {
        Suspend::new(async move {
            match resource.await {
                Ok(page) if page.items.is_empty() => {
                    view! { <p class="empty">{move || empty(t())}</p> }.into_any()
                }
                Ok(page) => {
                    let items = page.items.into_iter().map(item).collect_view();
                    view! { <ul class="card-list">{items}</ul> }.into_any()
                }
                Err(error) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            }
        })
    };
    let (href, words) = all;
    view! {
        <section class="latest" aria-labelledby=id data-testid=id>
            <div class="section-head">
                <h2 id=id>{move || heading(t())}</h2>
                <a href=href>{move || words(t())}</a>
            </div>
            <Transition fallback=|| view! { <Loading /> }>{body}</Transition>
        </section>
    }
}
