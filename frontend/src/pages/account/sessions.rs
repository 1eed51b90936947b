//! The devices signed in to this account, on `/account`: when each signed
//! in and was last used, from which browser and address; sign out one, or
//! every other.

use cecop_shared::SignedInSession;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::api::account::{end_other_sessions, end_session, list_sessions};
use crate::components::confirm_button::ConfirmButton;
use crate::components::error_view::ErrorView;
use crate::components::form_alert::{FormAlert, error_text};
use crate::components::loading::Loading;
use crate::i18n::{tr, use_i18n};
use crate::intl::date_time;
use crate::session::use_session;

#[component]
pub fn SessionsList() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let sessions = LocalResource::new(move || list_sessions(session));
    let refetch = Callback::new(move |()| sessions.refetch());
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(false);
    let message = Signal::derive(move || error.get().map(|e| error_text(t(), &e)));
    let end_others = move |_| {
        error.set(None);
        done.set(false);
        spawn_local(async move {
            match end_other_sessions(session).await {
                Ok(()) => {
                    done.set(true);
                    refetch.run(());
                }
                Err(err) => error.set(Some(err)),
            }
        });
    };
    let list = move || {
        Suspend::new(async move {
            match sessions.await {
                Ok(list) => {
                    let others = list.iter().any(|s| !s.current);
                    let items = list
                        .into_iter()
                        .map(|s| view! { <SessionItem item=s on_ended=refetch error /> })
                        .collect_view();
                    view! {
                        <ul class="plain-list" data-testid="sessions">{items}</ul>
                        {others.then(|| view! {
                            <button type="button" class="button secondary" data-testid="sessions-end-others"
                                on:click=end_others>
                                {tr(|t| t.identity.sessions_end_others)}
                            </button>
                        })}
                    }
                    .into_any()
                }
                Err(error) => view! { <ErrorView error on_retry=refetch /> }.into_any(),
            }
        })
    };
    view! {
        <section aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{tr(|t| t.identity.sessions_heading)}</h2>
            <p>{tr(|t| t.identity.sessions_intro)}</p>
            <FormAlert id="sessions-error" message />
            <div role="status" class="form-success">
                {move || done.get().then(|| view! { <p>{move || t().identity.sessions_end_others_done}</p> })}
            </div>
            <Transition fallback=|| view! { <Loading /> }>{list}</Transition>
        </section>
    }
}

#[component]
fn SessionItem(
    item: SignedInSession,
    on_ended: Callback<()>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let SignedInSession {
        id,
        created_at,
        last_used_at,
        user_agent,
        address,
        current,
    } = item;
    let device = StoredValue::new(user_agent);
    let name = move || {
        device
            .get_value()
            .unwrap_or_else(|| t().identity.session_unknown_device.to_owned())
    };
    let end = Callback::new(move |()| {
        let id = id.clone();
        spawn_local(async move {
            match end_session(session, &id).await {
                Ok(()) => on_ended.run(()),
                Err(err) => error.set(Some(err)),
            }
        });
    });
    view! {
        <li data-testid="session">
            <strong>{name}</strong>
            {current.then(|| view! { " " <span class="badge" data-testid="session-current">{move || t().identity.session_this_device}</span> })}
            <br />
            {move || t().identity.session_signed_in} ": " {move || date_time(i18n.lang(), &created_at)}
            " · " {move || t().identity.session_last_used} ": " {move || date_time(i18n.lang(), &last_used_at)}
            {address.map(|a| view! { " · " {move || t().identity.session_address} ": " {a.clone()} })}
            {(!current).then(|| view! {
                " "
                <ConfirmButton
                    name=name()
                    label=|t| t.identity.session_end
                    named=|t| t.identity.session_end_named
                    question=|t| t.identity.session_end_question
                    confirm=|t| t.identity.session_end_confirm
                    testid="session-end"
                    on_confirm=end
                />
            })}
        </li>
    }
}
