//! `/accept-invitation#token=…`: the invitee chooses a password; the
//! account is created and signed in.

use leptos::prelude::*;
use leptos_meta::Title;

use super::token_password::TokenPasswordForm;
use crate::api::auth::accept_invitation;
use crate::components::page_head::page_title;
use crate::i18n::{tr, use_i18n};
use crate::session::use_session;

#[component]
pub fn AcceptInvitationPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    // A new account has no second factor: the password signs it in.
    let accept = move |token: String, password: String| async move {
        let account = accept_invitation(&token, &password).await?;
        session
            .login(account.email.as_str(), &password)
            .await
            .map(drop)
    };
    view! {
        <Title text=move || page_title(t().identity.invitation_title) />
        <div class="wrap page narrow">
            <h1>{tr(|t| t.identity.invitation_title)}</h1>
            <p>{tr(|t| t.identity.invitation_intro)}</p>
            <TokenPasswordForm
                field_id="invitation-password"
                alert_id="invitation-error"
                submit_testid="invitation-submit"
                password_field="password"
                label=|t| t.field_password
                refused=|t| t.identity.invitation_invalid
                submit_label=|t| t.identity.invitation_submit
                done="/account"
                submit=accept
            />
        </div>
    }
}
