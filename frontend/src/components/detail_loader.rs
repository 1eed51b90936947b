//! What every one-item page (a member, an article, an event, a story, a data
//! return) does around the item itself: read its key (a slug, an id) from
//! the address, fetch the item in the interface language (again when that
//! changes), and show loading, an error with a retry, or a not-found view.

use std::future::Future;

use cecop_shared::Slug;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::ApiError;
use crate::components::data_table::Text;
use crate::components::error_view::ErrorView;
use crate::components::loading::Loading;
use crate::components::not_found_view::NotFoundView;
use crate::components::page_head::page_title;
use crate::i18n::{Lang, use_i18n};

/// The `:slug` of the current route. Parse, don't validate: a slug that
/// cannot exist is `None` and is not worth a request.
pub fn use_slug() -> Signal<Option<Slug>> {
    let params = use_params_map();
    let slug = Memo::new(move |_| {
        params
            .read()
            .get_str("slug")
            .and_then(|s| s.parse::<Slug>().ok())
    });
    slug.into()
}

/// The `:id` of the current route, when it is a positive number.
pub fn use_id() -> Signal<Option<i64>> {
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get_str("id")
            .and_then(|s| s.parse::<i64>().ok())
            .filter(|id| *id > 0)
    });
    id.into()
}

/// Fetches the item `id` names (a slug, a number) and renders it.
#[component]
pub fn DetailLoader<K, T, F, Fut>(
    /// The item's key (`None` when the address holds no valid one).
    #[prop(into)]
    id: Signal<Option<K>>,
    /// Fetches the item in a language.
    fetch: F,
    /// Draws the item; it sets the document title and description.
    render: fn(T) -> AnyView,
    /// The page's name: the title while loading, and the heading of an error.
    heading: Text,
    /// The not-found view's heading and text; by default, those for content.
    #[prop(optional)]
    not_found: Option<(Text, Text)>,
) -> impl IntoView
where
    K: Clone + Send + Sync + 'static,
    T: Clone + 'static,
    F: Fn(K, Lang) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let i18n = use_i18n();
    let t = move || i18n.t();
    let (not_found_heading, not_found_text): (Text, Text) = not_found.unwrap_or((
        |t| t.publishing.content_not_found_heading,
        |t| t.publishing.content_not_found_text,
    ));
    let item = LocalResource::new(move || {
        let lang = i18n.lang();
        let pending = id.get().map(|id| fetch(id, lang));
        async move {
            match pending {
                Some(pending) => pending.await.map(Some),
                None => Ok(None),
            }
        }
    });
    let retry = Callback::new(move |()| item.refetch());
    let body = move || {
        Suspend::new(async move {
            match item.await {
                Ok(Some(item)) => render(item),
                Err(error) if !error.is_not_found() => view! {
                    <div class="wrap page">
                        <h1>{move || heading(t())}</h1>
                        <ErrorView error on_retry=retry />
                    </div>
                }
                .into_any(),
                Ok(None) | Err(_) => {
                    view! { <NotFoundView heading=not_found_heading text=not_found_text /> }
                        .into_any()
                }
            }
        })
    };
    view! {
        <Title text=move || page_title(heading(t())) />
        <Transition fallback=|| view! { <div class="wrap page"><Loading /></div> }>{body}</Transition>
    }
}
