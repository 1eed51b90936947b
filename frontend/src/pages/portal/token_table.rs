//! The list of API tokens, with a two-step revoke ([`ConfirmButton`]).

use cecop_shared::ApiToken;
use leptos::prelude::*;
use leptos::task::spawn_local;

use cecop_shared::Role;

use crate::api::portal::{revoke_token, set_token_owner};
use crate::components::confirm_button::ConfirmButton;
use crate::components::data_table::{DataTable, Text};
use crate::components::form_alert::{FormAlert, error_text};
use crate::i18n::{tr, use_i18n};
use crate::intl;
use crate::session::{SessionState, use_session};

/// The table's column headings.
const COLUMNS: &[Text] = &[
    |s| s.field_token_name,
    |s| s.col_prefix,
    |s| s.field_scopes,
    |s| s.field_organisation,
    |s| s.col_created,
    |s| s.col_expires,
    |s| s.col_last_used,
    |s| s.col_state,
    |s| s.col_actions,
];

/// A table of tokens; `on_changed` runs after one is revoked.
#[component]
pub fn TokenTable(tokens: Vec<ApiToken>, on_changed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    if tokens.is_empty() {
        return view! { <p data-testid="tokens-empty">{tr(|t| t.tokens_empty)}</p> }.into_any();
    }
    let session = use_session();
    let error = RwSignal::new(None::<String>);
    let admin = matches!(session.state(), SessionState::SignedIn(me) if me.role == Role::Admin);
    let set_owner = move |id: i64, keep: bool| {
        error.set(None);
        spawn_local(async move {
            match set_token_owner(session, id, keep).await {
                Ok(_) => on_changed.run(()),
                Err(err) => error.set(Some(error_text(i18n.t(), &err))),
            }
        });
    };
    let revoke = move |id: i64| {
        spawn_local(async move {
            match revoke_token(session, id).await {
                Ok(()) => on_changed.run(()),
                Err(err) => error.set(Some(error_text(i18n.t(), &err))),
            }
        });
    };
    let rows = tokens
        .into_iter()
        .map(|token| {
            let id = token.id;
            let revoked = token.revoked_at.is_some();
            let scopes = token
                .scopes
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let org = token.organisation.map(|o| o.to_string());
            let when = move |time: Option<String>| {
                move || match &time {
                    Some(time) => intl::date_time(i18n.lang(), time),
                    None => t().never.to_owned(),
                }
            };
            let kept = token.survives_creator;
            let name = StoredValue::new(token.name.clone());
            // Only an admin decides who owns a token.
            let owner_button = (admin && !revoked).then(|| {
                view! {
                    <button
                        type="button"
                        class="button secondary"
                        data-testid="token-owner"
                        // The visible words first, then the token (WCAG 2.5.3).
                        aria-label=move || {
                            let label = if kept { t().token_tie } else { t().token_keep };
                            format!("{label}: {}", name.read_value())
                        }
                        on:click=move |_| set_owner(id, !kept)
                    >
                        {move || if kept { t().token_tie } else { t().token_keep }}
                    </button>
                    " "
                }
            });
            let actions = (!revoked).then(|| {
                view! {
                    <ConfirmButton
                        name=token.name.clone()
                        label=|t| t.revoke
                        named=|t| t.revoke_named
                        question=|t| t.revoke_confirm_question
                        confirm=|t| t.revoke_confirm
                        testid="token-revoke"
                        on_confirm=Callback::new(move |()| revoke(id))
                    />
                }
            });
            view! {
                <tr data-testid="token-row" class:revoked=revoked>
                    <th scope="row">{token.name}</th>
                    <td><code>{token.prefix}</code></td>
                    <td>{scopes}</td>
                    <td>{move || org.clone().unwrap_or_else(|| t().integrator.to_owned())}</td>
                    <td>{when(Some(token.created_at))}</td>
                    <td>{when(Some(token.expires_at))}</td>
                    <td>{when(token.last_used_at)}</td>
                    <td data-testid="token-state">
                        {move || if revoked { t().token_revoked } else { t().token_active }}
                        {move || (kept && !revoked).then(|| format!(" · {}", t().token_kept))}
                    </td>
                    <td>{owner_button}{actions}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <FormAlert id="tokens-error" message=error />
        <DataTable caption=|s| s.tokens_list_heading columns=COLUMNS>
            {rows}
        </DataTable>
    }
    .into_any()
}
