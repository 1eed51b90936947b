//! `/preview/{token}`: what a shareable preview link shows a colleague
//! without an account — the item as it will read once published, whatever
//! its status now, under a banner saying it is not public; an expired or
//! revoked link says so.

use cecop_shared::PublishedItem;
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::use_params_map;

use crate::api::editorial::open_preview;
use crate::components::error_view::ErrorView;
use crate::components::loading::Loading;
use crate::components::not_found_view::NotFoundView;
use crate::i18n::{tr, use_i18n};
use crate::pages::cooptales::detail::StoryView;
use crate::pages::events::detail::EventView;
use crate::pages::news::article_view::ArticleView;

#[component]
pub fn PreviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let item = LocalResource::new(move || {
        let token = params.read().get("token").unwrap_or_default();
        let lang = i18n.lang().code().to_owned();
        async move { open_preview(&token, &lang).await }
    });
    let retry = Callback::new(move |()| item.refetch());
    let body = move || {
        Suspend::new(async move {
            match item.await {
                Ok(item) => {
                    let view = match item {
                        PublishedItem::Article(article) => view! { <ArticleView article /> }.into_any(),
                        PublishedItem::Event(event) => view! { <EventView event /> }.into_any(),
                        PublishedItem::Story(story) => view! { <StoryView story /> }.into_any(),
                    };
                    view! {
                        <div class="wrap">
                            <p class="notice notice-strong" role="note" data-testid="preview-banner">
                                {tr(|t| t.editorial.preview_banner)}
                            </p>
                        </div>
                        {view}
                    }
                    .into_any()
                }
                Err(error) if error.is_not_found() => view! {
                    <NotFoundView heading=|t| t.editorial.preview_gone text=|t| t.editorial.preview_gone_text />
                }
                .into_any(),
                Err(error) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            }
        })
    };
    view! {
        // Not for search engines, whatever the page shows.
        <Meta name="robots" content="noindex, nofollow" />
        <Transition fallback=|| view! { <Loading /> }>{body}</Transition>
    }
}
