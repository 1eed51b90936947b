//! `/portal/returns`: picks the open campaign (or, when none is open, the
//! latest one, read-only), loads the member's return for it and lays out
//! the editor.

use cecop_shared::{CampaignState, DataReturn, Role};
use leptos::html;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::ApiError;
use crate::api::returns::get_my_return;
use crate::api::statistics::list_campaigns;
use crate::components::error_view::ErrorView;
use crate::components::loading::Loading;
use crate::components::page_head::page_title;
use crate::components::require_role::RequireRole;
use crate::i18n::{tr, use_i18n};
use crate::pages::returns::actions::ReturnActions;
use crate::pages::returns::editor::Editor;
use crate::pages::returns::grid::ReturnGrid;
use crate::pages::returns::import::CsvImport;
use crate::pages::returns::status::ReturnStatus;
use crate::pages::returns::summary::{ErrorSummary, WarningSummary};
use crate::session::{Session, use_session};

/// `/portal/returns` (member users).
#[component]
pub fn ReturnsPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    view! {
        <Title text=move || page_title(t().data.return_title) />
        <RequireRole roles=&[Role::Member]>
            <ReturnsContent />
        </RequireRole>
    }
}

/// The campaign to show: the open one, else the newest; and its return.
async fn load(session: Session) -> Result<Option<DataReturn>, ApiError> {
    let campaigns = list_campaigns().await?;
    let chosen = campaigns
        .iter()
        .find(|c| c.state == CampaignState::Open)
        .or_else(|| campaigns.first());
    match chosen {
        Some(campaign) => get_my_return(session, campaign.year).await.map(Some),
        None => Ok(None),
    }
}

#[component]
fn ReturnsContent() -> impl IntoView {
    let session = use_session();
    let data = LocalResource::new(move || load(session));
    let retry = Callback::new(move |()| data.refetch());
    let body = move || {
        Suspend::new(async move {
            match data.await {
                Ok(Some(data)) => view! { <ReturnEditor data /> }.into_any(),
                Ok(None) => view! {
                    <h1>{tr(|t| t.data.return_title)}</h1>
                    <p class="empty">{tr(|t| t.data.no_campaign)}</p>
                }
                .into_any(),
                Err(error) => view! {
                    <h1>{tr(|t| t.data.return_title)}</h1>
                    <ErrorView error on_retry=retry />
                }
                .into_any(),
            }
        })
    };
    view! {
        <div class="wrap wrap-wide page">
            <Transition fallback=|| view! { <Loading /> }>{body}</Transition>
        </div>
    }
}

/// The return, editable while its campaign is open and it is a draft or
/// was sent back.
#[component]
fn ReturnEditor(data: DataReturn) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let member = data.summary.member.name.clone();
    let editor = Editor::new(data);
    let year = editor.year;
    let summary = NodeRef::<html::Div>::new();
    view! {
        <h1>{move || (t().data.return_heading)(year)}</h1>
        <p class="lead-muted" data-testid="return-member">{member}</p>
        <p class="intro">{tr(|t| t.data.return_intro)}</p>
        <ReturnStatus editor />
        <ErrorSummary editor node_ref=summary />
        <WarningSummary editor />
        <ReturnGrid editor />
        <ReturnActions editor summary />
        {move || editor.editable.get().then(|| view! { <CsvImport editor /> })}
    }
}
