//! `/admin/returns?campaign=&state=&member=&page=`: the review queue —
//! newest campaign first, then the return that has waited longest.

use cecop_shared::{CampaignState, ReturnSummary, Role};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::returns::{list_returns, missing_returns};
use crate::api::statistics::list_campaigns;
use crate::components::data_table::Text;
use crate::components::page_head::PageHead;
use crate::components::paged_list::PagedList;
use crate::components::require_role::RequireRole;
use crate::i18n::use_i18n;
use crate::intl;
use crate::pages::review::filters::ReviewFilters;
use crate::pages::review::query::ReviewQuery;
use crate::session::use_session;

/// Who reviews returns.
pub const STAFF: &[Role] = &[Role::Editor, Role::Admin];

const COLUMNS: &[Text] = &[
    |t| t.data.col_member,
    |t| t.data.col_year,
    |t| t.data.field_state,
    |t| t.data.col_figures,
    |t| t.data.col_changed,
];

/// `/admin/returns`
#[component]
pub fn ReviewPage() -> impl IntoView {
    view! {
        <div class="wrap page">
            <PageHead
                title=|t| t.data.review_title
                description=|t| t.data.review_intro
                heading=|t| t.data.review_heading
                intro=|t| t.data.review_intro
            />
            <RequireRole roles=STAFF>
                <ReviewQueue />
            </RequireRole>
        </div>
    }
}

#[component]
fn ReviewQueue() -> impl IntoView {
    let session = use_session();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let params = params.read();
        ReviewQuery::from_query(|name| params.get_str(name))
    });
    let returns = LocalResource::new(move || {
        let params = query.get().api_params();
        async move { list_returns(session, &params).await }
    });
    view! {
        <ReviewFilters query />
        <PagedList
            resource=returns
            query
            item=|summary| view! { <ReturnRow summary /> }.into_any()
            total=|t, n| (t.data.returns_total)(n)
            empty=|t| t.data.returns_empty
            testid="returns-total"
            table=(|t| t.data.review_heading, COLUMNS)
        />
        <Missing />
    }
}

/// The active members that have not sent the open campaign's return yet:
/// not started, a draft, or sent back to them.
#[component]
fn Missing() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let missing = LocalResource::new(move || async move {
        let campaigns = list_campaigns().await?;
        match campaigns.iter().find(|c| c.state == CampaignState::Open) {
            Some(open) => missing_returns(session, open.year)
                .await
                .map(|rows| Some((open.year, rows))),
            None => Ok(None),
        }
    });
    let body = move || {
        Suspend::new(async move {
            let Ok(Some((year, rows))) = missing.await else {
                return ().into_any();
            };
            let list = if rows.is_empty() {
                view! { <p>{move || i18n.t().data.missing_none}</p> }.into_any()
            } else {
                let items = rows
                    .into_iter()
                    .map(|row| {
                        let state = row.state;
                        let started = row.id.is_some();
                        view! {
                            <li data-testid="missing-row" data-member=row.member.slug.to_string()>
                                {row.member.name}
                                " — "
                                {move || {
                                    if started {
                                        i18n.t().data.return_state(state)
                                    } else {
                                        i18n.t().data.not_started
                                    }
                                }}
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="missing-returns">{items}</ul> }.into_any()
            };
            view! {
                <section aria-labelledby="missing-heading" data-testid="missing-returns">
                    <h2 id="missing-heading">{move || (i18n.t().data.missing_heading)(year)}</h2>
                    {list}
                </section>
            }
            .into_any()
        })
    };
    view! { <Transition fallback=|| ()>{body}</Transition> }
}

/// One return of the queue, its member linking to its page.
#[component]
fn ReturnRow(summary: ReturnSummary) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let state = summary.state;
    let name = summary.member.name.clone();
    let member = match summary.id {
        Some(id) => view! { <a href=format!("/admin/returns/{id}")>{name}</a> }.into_any(),
        None => name.into_any(),
    };
    let changed = summary.updated_at.map(|at| {
        let at = at.to_rfc3339();
        let datetime = at.clone();
        view! { <time datetime=datetime>{move || intl::date_time(i18n.lang(), &at)}</time> }
    });
    let count = u64::from(summary.value_count);
    view! {
        <tr data-testid="return-row" data-member=summary.member.slug.to_string() data-state=state.as_str()>
            <th scope="row">{member}</th>
            <td>{summary.year}</td>
            <td>{move || t().data.return_state(state)}</td>
            <td>{move || intl::number(i18n.lang(), count)}</td>
            <td>{changed}</td>
        </tr>
    }
}
