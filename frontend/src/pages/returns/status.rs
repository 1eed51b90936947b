//! Where the return stands: its state and its campaign's, why it cannot be
//! changed when it cannot, and the reviewer's reason when CECOP sent it
//! back.

use cecop_shared::{CampaignState, ReturnState};
use leptos::prelude::*;

use crate::i18n::{tr, use_i18n};
use crate::pages::returns::editor::Editor;

#[component]
pub fn ReturnStatus(editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let summary = editor.summary;
    let state = move || summary.with(|s| s.state);
    let campaign = move || summary.with(|s| s.campaign_state);
    let year = editor.year;
    let lock = move || {
        let text = if campaign() != CampaignState::Open {
            (t().data.campaign_not_open)(year)
        } else {
            match state() {
                ReturnState::Submitted => t().data.locked_submitted.to_owned(),
                ReturnState::Approved => t().data.locked_approved.to_owned(),
                ReturnState::Draft | ReturnState::Returned => return None,
            }
        };
        Some(view! { <p class="notice notice-info" data-testid="return-locked">{text}</p> })
    };
    let reason = move || {
        let reason = summary.with(|s| s.reason.clone())?;
        (state() == ReturnState::Returned).then(|| {
            view! {
                <div class="notice notice-returned" data-testid="return-reason">
                    <h2>{tr(|t| t.data.returned_heading)}</h2>
                    <p>{reason}</p>
                </div>
            }
        })
    };
    view! {
        <dl class="facts return-facts">
            <div>
                <dt>{tr(|t| t.data.field_state)}</dt>
                <dd data-testid="return-state">{move || t().data.return_state(state())}</dd>
            </div>
            <div>
                <dt>{tr(|t| t.data.field_campaign)}</dt>
                <dd>{year} " — " {move || t().data.campaign_state(campaign())}</dd>
            </div>
        </dl>
        {lock}
        {reason}
    }
}
