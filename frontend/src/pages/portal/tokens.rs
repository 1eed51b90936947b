//! `/portal/tokens`: the API tokens the user may manage, a form to create
//! one, and the new token's secret, shown once. Member users and admins.

use cecop_shared::{CreatedApiToken, Role};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::portal::list_tokens;
use crate::components::error_view::ErrorView;
use crate::components::loading::Loading;
use crate::components::page_head::page_title;
use crate::components::require_role::RequireRole;
use crate::i18n::{tr, use_i18n};
use crate::pages::portal::token_form::TokenForm;
use crate::pages::portal::token_secret::TokenSecret;
use crate::pages::portal::token_table::TokenTable;
use crate::session::use_session;

/// The tokens page.
#[component]
pub fn TokensPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    view! {
        <Title text=move || page_title(t().tokens_title) />
        <RequireRole roles=&[Role::Admin, Role::Member]>
            <TokensContent />
        </RequireRole>
    }
}

/// The page behind the role gate.
#[component]
fn TokensContent() -> impl IntoView {
    let session = use_session();
    let tokens = LocalResource::new(move || list_tokens(session));
    let created = RwSignal::new(None::<CreatedApiToken>);
    let on_created = Callback::new(move |token: CreatedApiToken| {
        created.set(Some(token));
        tokens.refetch();
    });
    let on_changed = Callback::new(move |()| tokens.refetch());
    let retry = Callback::new(move |()| tokens.refetch());
    let list = move || {
        Suspend::new(async move {
            match tokens.await {
                Ok(list) => view! { <TokenTable tokens=list on_changed /> }.into_any(),
                Err(error) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            }
        })
    };
    view! {
        <div class="wrap page">
            <h1>{tr(|t| t.tokens_heading)}</h1>
            <p class="intro">{tr(|t| t.tokens_intro)}</p>
            {move || created.get().map(|token| view! { <TokenSecret token /> })}
            <TokenForm on_created />
            <section aria-labelledby="tokens-list-heading">
                <h2 id="tokens-list-heading">{tr(|t| t.tokens_list_heading)}</h2>
                <Transition fallback=|| view! { <Loading /> }>{list}</Transition>
            </section>
        </div>
    }
}
