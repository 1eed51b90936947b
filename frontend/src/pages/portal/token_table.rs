//! The list of API tokens, with a two-step revoke ([`ConfirmButton`]).

use cecop_shared::ApiToken;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::portal::revoke_token;
use crate::components::confirm_button::ConfirmButton;
use crate::components::data_table::{DataTable, Text};
use crate::components::form_alert::{FormAlert, error_text};
use crate::i18n::{tr, use_i18n};
use crate::intl;
use crate::session::use_session;

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
                    <td>
                        {move || if revoked { t().token_revoked } else { t().token_active }}
                    </td>
                    <td>{actions}</td>
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
