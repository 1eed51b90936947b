//! `/admin/returns/:id`: one return for review — its state, the reason it
//! was sent back, the decision, its figures beside the member's previous
//! year, and its history.

use cecop_shared::DataReturn;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::returns::get_return;
use crate::components::detail_loader::{DetailLoader, use_id};
use crate::components::page_head::page_title;
use crate::components::require_role::RequireRole;
use crate::i18n::{tr, use_i18n};
use crate::intl;
use crate::pages::review::compare::Compare;
use crate::pages::review::decision::Decision;
use crate::pages::review::history::History;
use crate::pages::review::list::STAFF;
use crate::session::use_session;

/// `/admin/returns/:id`
#[component]
pub fn ReviewDetailPage() -> impl IntoView {
    let session = use_session();
    view! {
        <RequireRole roles=STAFF>
            <DetailLoader
                id=use_id()
                fetch=move |id: i64, _| get_return(session, id)
                render=|data| view! { <ReviewView data /> }.into_any()
                heading=|t| t.data.review_title
                not_found=(|t| t.data.return_not_found_heading, |t| t.data.return_not_found_text)
            />
        </RequireRole>
    }
}

/// The return; a decision replaces it with the server's new version.
#[component]
fn ReviewView(data: DataReturn) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let current = RwSignal::new(data);
    let summary = move || current.with(|d| d.summary.clone());
    let heading = move || {
        let s = summary();
        (t().data.review_return_heading)(&s.member.name, s.year)
    };
    let when = move |at: Option<chrono::DateTime<chrono::Utc>>| {
        at.map(|at| intl::date_time(i18n.lang(), &at.to_rfc3339()))
            .unwrap_or_else(|| t().data.not_reported.to_owned())
    };
    let reason = move || {
        summary().reason.map(|reason| {
            view! {
                <div class="notice notice-returned" data-testid="review-reason">
                    <h2>{tr(|t| t.data.reason_heading)}</h2>
                    <p>{reason}</p>
                </div>
            }
        })
    };
    view! {
        <Title text=move || page_title(&heading()) />
        <article class="wrap wrap-wide page review">
            <p class="back">
                <a href="/admin/returns">
                    <span aria-hidden="true">"← "</span>
                    {tr(|t| t.data.review_back)}
                </a>
            </p>
            <h1>{heading}</h1>
            <dl class="facts">
                <div>
                    <dt>{tr(|t| t.data.field_state)}</dt>
                    <dd data-testid="review-state">{move || t().data.return_state(summary().state)}</dd>
                </div>
                <div>
                    <dt>{tr(|t| t.data.field_campaign)}</dt>
                    <dd>
                        {move || summary().year} " — "
                        {move || t().data.campaign_state(summary().campaign_state)}
                    </dd>
                </div>
                <div>
                    <dt>{tr(|t| t.data.col_figures)}</dt>
                    <dd>{move || intl::number(i18n.lang(), u64::from(summary().value_count))}</dd>
                </div>
                <div>
                    <dt>{tr(|t| t.data.col_changed)}</dt>
                    <dd>{move || when(summary().updated_at)}</dd>
                </div>
            </dl>
            {reason}
            <Decision current />
            {move || view! { <Compare data=current.get() /> }}
            {move || view! { <History revisions=current.with(|d| d.revisions.clone()) /> }}
        </article>
    }
}
