//! Sharing a preview with a colleague who has no account: a link that
//! shows the item as it will be published, whatever its status, until it
//! expires or is revoked. The link is shown once, when made; the list keeps
//! when each works until.

use cecop_shared::{Collection, CreatedPreviewLink};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::api::editorial::{create_preview_link, preview_links, revoke_preview_link};
use crate::components::loading::Loading;
use crate::i18n::{tr, use_i18n};
use crate::intl;
use crate::session::use_session;

/// Hours a link may work, as offered.
const DURATIONS: &[u32] = &[24, 72, 168, 720];

#[component]
pub fn SharePreview(
    collection: Collection,
    id: i64,
    on_error: Callback<ApiError>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let links = LocalResource::new(move || preview_links(session, collection, id));
    let hours = RwSignal::new(72_u32);
    let made = RwSignal::new(None::<CreatedPreviewLink>);
    let make = move |_| {
        spawn_local(async move {
            match create_preview_link(session, collection, id, hours.get_untracked()).await {
                Ok(link) => {
                    made.set(Some(link));
                    links.refetch();
                }
                Err(err) => on_error.run(err),
            }
        });
    };
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let shown = move || {
        made.get().map(|link| {
            let url = format!("{origin}{}", link.path);
            view! {
                <div class="field">
                    <label for="share-link">{tr(|t| t.editorial.share_link)}</label>
                    <input id="share-link" readonly prop:value=url data-testid="share-link" />
                </div>
            }
        })
    };
    let list = move || {
        Suspend::new(async move {
            let Ok(rows) = links.await else {
                return ().into_any();
            };
            rows.into_iter()
                .map(|link| {
                    let until = intl::date_time(i18n.lang(), &link.expires_at.to_rfc3339());
                    let link_id = link.id;
                    let revoke = move |_| {
                        spawn_local(async move {
                            match revoke_preview_link(session, collection, id, link_id).await {
                                Ok(()) => links.refetch(),
                                Err(err) => on_error.run(err),
                            }
                        });
                    };
                    view! {
                        <li data-testid="share-row" data-active=link.active.to_string()>
                            {if link.active {
                                view! {
                                    {move || (i18n.t().editorial.share_active)(&until)}
                                    " "
                                    <button type="button" class="text-button" data-testid="share-revoke" on:click=revoke>
                                        {tr(|t| t.editorial.share_revoke)}
                                    </button>
                                }
                                .into_any()
                            } else {
                                view! { <span class="muted">{tr(|t| t.editorial.share_ended)}</span> }.into_any()
                            }}
                        </li>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <section class="share-preview" aria-labelledby="share-heading">
            <h2 id="share-heading">{tr(|t| t.editorial.share_heading)}</h2>
            <div class="field">
                <label for="share-hours">{tr(|t| t.editorial.share_hours)}</label>
                <select id="share-hours" on:change=move |ev| {
                    if let Ok(h) = event_target_value(&ev).parse() { hours.set(h) }
                }>
                    {DURATIONS
                        .iter()
                        .map(|h| {
                            let h = *h;
                            let label = if h < 48 { format!("{h} h") } else { format!("{} d", h / 24) };
                            view! { <option value=h.to_string() selected=move || hours.get() == h>{label}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <p>
                <button type="button" class="button secondary" data-testid="share-make" on:click=make>
                    {tr(|t| t.editorial.share_make)}
                </button>
            </p>
            {shown}
            <ul class="share-list">
                <Transition fallback=|| view! { <Loading /> }>{list}</Transition>
            </ul>
        </section>
    }
}
