//! One user in the admin table: role change, enable/disable, unlock, sign
//! out everywhere, reset two-factor sign-in, and delete with a confirm
//! step. Each change is sent at once.

use cecop_shared::{Role, UpdateUserRequest, User};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::admin::{
    delete_user, end_user_sessions, reset_two_factor, unlock_user, update_user,
};
use crate::components::confirm_button::ConfirmButton;
use crate::components::form_alert::error_text;
use crate::i18n::use_i18n;
use crate::pages::account::page::role_label;
use crate::session::use_session;

/// A table row; `on_changed` runs after any successful change.
#[component]
pub fn UserRow(user: User, on_changed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let id = user.id;
    let disabled = user.disabled;
    let role = user.role;
    let name = StoredValue::new(user.display_name.clone());
    let error = RwSignal::new(None::<String>);
    let patch = move |update: UpdateUserRequest| {
        error.set(None);
        spawn_local(async move {
            match update_user(session, id, &update).await {
                Ok(_) => on_changed.run(()),
                Err(err) => error.set(Some(error_text(i18n.t(), &err))),
            }
        });
    };
    let on_role = move |ev| {
        if let Ok(new) = event_target_value(&ev).parse::<Role>()
            && new != role
        {
            patch(UpdateUserRequest {
                role: Some(new),
                ..Default::default()
            });
        }
    };
    let toggle = move |_| {
        patch(UpdateUserRequest {
            disabled: Some(!disabled),
            ..Default::default()
        });
    };
    let remove = Callback::new(move |()| {
        error.set(None);
        spawn_local(async move {
            match delete_user(session, id).await {
                Ok(()) => on_changed.run(()),
                Err(err) => error.set(Some(error_text(i18n.t(), &err))),
            }
        });
    });
    let unlocked = RwSignal::new(false);
    let unlock = move |_| {
        error.set(None);
        spawn_local(async move {
            match unlock_user(session, id).await {
                Ok(()) => unlocked.set(true),
                Err(err) => error.set(Some(error_text(i18n.t(), &err))),
            }
        });
    };
    let signed_out = RwSignal::new(false);
    let sign_out = Callback::new(move |()| {
        error.set(None);
        spawn_local(async move {
            match end_user_sessions(session, id).await {
                Ok(()) => signed_out.set(true),
                Err(err) => error.set(Some(error_text(i18n.t(), &err))),
            }
        });
    });
    let two_factor = RwSignal::new(user.two_factor);
    let was_reset = RwSignal::new(false);
    let reset = Callback::new(move |()| {
        error.set(None);
        spawn_local(async move {
            match reset_two_factor(session, id).await {
                Ok(()) => {
                    two_factor.set(false);
                    was_reset.set(true);
                }
                Err(err) => error.set(Some(error_text(i18n.t(), &err))),
            }
        });
    });
    let role_option = move |r: Role| {
        view! {
            <option value=r.as_str() selected=r == role>
                {move || role_label(t(), r)}
            </option>
        }
    };
    let select_id = format!("user-role-{id}");
    view! {
        <tr data-testid="user-row" data-email=user.email.to_string() class:revoked=disabled>
            <th scope="row">{user.display_name}</th>
            <td>{user.email.to_string()}</td>
            <td>
                <label for=select_id.clone() class="visually-hidden">
                    {move || (t().role_of)(&name.read_value())}
                </label>
                <select id=select_id on:change=on_role>
                    {role_option(Role::Admin)}
                    {role_option(Role::Editor)}
                    {role_option(Role::Member)}
                </select>
            </td>
            <td>{user.organisation.map(|o| o.to_string())}</td>
            <td>
                {move || if disabled { t().user_disabled } else { t().user_enabled }}
                {move || two_factor.get().then(|| view! {
                    " " <span class="badge" data-testid="user-two-factor">{move || t().two_factor.badge}</span>
                })}
            </td>
            <td class="actions">
                <button
                    type="button"
                    class="button secondary"
                    data-testid="user-toggle"
                    aria-label=move || {
                        if disabled {
                            (t().enable_named)(&name.read_value())
                        } else {
                            (t().disable_named)(&name.read_value())
                        }
                    }
                    on:click=toggle
                >
                    {move || if disabled { t().enable } else { t().disable }}
                </button>
                " "
                <button
                    type="button"
                    class="button secondary"
                    data-testid="user-unlock"
                    aria-label=move || (t().unlock_named)(&name.read_value())
                    on:click=unlock
                >
                    {move || t().unlock}
                </button>
                " "
                {move || (!signed_out.get()).then(|| view! {
                    <ConfirmButton
                        name=name.get_value()
                        label=|t| t.identity.sign_out_everywhere
                        named=|t| t.identity.sign_out_everywhere_named
                        question=|t| t.identity.sign_out_everywhere_question
                        confirm=|t| t.identity.session_end_confirm
                        confirm_class="button"
                        testid="user-sign-out"
                        on_confirm=sign_out
                    />
                })}
                " "
                {move || two_factor.get().then(|| view! {
                    <ConfirmButton
                        name=name.get_value()
                        label=|t| t.two_factor.reset
                        named=|t| t.two_factor.reset_named
                        question=|t| t.two_factor.reset_question
                        confirm=|t| t.two_factor.reset_confirm
                        confirm_class="button"
                        testid="user-reset-two-factor"
                        on_confirm=reset
                    />
                    " "
                })}
                <ConfirmButton
                    name=name.get_value()
                    label=|t| t.delete
                    named=|t| t.delete_named
                    question=|t| t.delete_confirm_question
                    confirm=|t| t.delete_confirm
                    testid="user-delete"
                    on_confirm=remove
                />
                <span role="status" data-testid="user-unlocked">
                    {move || unlocked.get().then(|| t().unlocked)}
                </span>
                <span role="status" data-testid="user-signed-out">
                    {move || signed_out.get().then(|| t().identity.signed_out_everywhere)}
                </span>
                <span role="status" data-testid="user-two-factor-reset">
                    {move || was_reset.get().then(|| t().two_factor.reset_done)}
                </span>
                <span role="alert" class="field-error">{move || error.get()}</span>
            </td>
        </tr>
    }
}
