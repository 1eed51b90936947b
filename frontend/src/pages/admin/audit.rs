//! `/admin/audit?action=&actor=&from=&to=&page=`: the audit log, newest
//! first, filtered and paged through the URL.

use cecop_shared::{AuditEntry, Page, Role};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::admin::{ADMIN_PER_PAGE, list_audit};
use crate::components::data_table::{DataTable, Text};
use crate::components::error_view::ErrorView;
use crate::components::loading::Loading;
use crate::components::page_head::page_title;
use crate::components::pagination::Pagination;
use crate::components::require_role::RequireRole;
use crate::i18n::{tr, use_i18n};
use crate::intl;
use crate::pages::admin::audit_filters::{AuditFilter, AuditFilters};
use crate::session::use_session;

/// The audit page.
/// The table's column headings.
const COLUMNS: &[Text] = &[
    |s| s.audit_time,
    |s| s.audit_actor,
    |s| s.audit_action,
    |s| s.audit_target,
    |s| s.audit_ip,
    |s| s.audit_user_agent,
];

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    view! {
        <Title text=move || page_title(t().audit_title) />
        <RequireRole roles=&[Role::Admin]>
            <AuditContent />
        </RequireRole>
    }
}

#[component]
fn AuditContent() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let query = query.read();
        AuditFilter {
            action: query.get("action").unwrap_or_default(),
            actor: query.get("actor").unwrap_or_default(),
            from: query.get("from").unwrap_or_default(),
            to: query.get("to").unwrap_or_default(),
            page: query
                .get("page")
                .and_then(|p| p.parse().ok())
                .unwrap_or(1u32)
                .max(1),
        }
    });
    let entries = LocalResource::new(move || {
        let filter = filter.get();
        async move {
            let mut query = filter.params();
            query.retain(|(_, value)| !value.is_empty());
            query.push(("per_page", ADMIN_PER_PAGE.to_string()));
            list_audit(session, &query).await
        }
    });
    let retry = Callback::new(move |()| entries.refetch());
    let list = move || {
        Suspend::new(async move {
            match entries.await {
                Ok(page) => audit_table(page, filter.get_untracked()).into_any(),
                Err(error) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            }
        })
    };
    view! {
        <div class="wrap page">
            <h1>{tr(|t| t.audit_heading)}</h1>
            {move || view! { <AuditFilters filter=filter.get() /> }}
            <section aria-labelledby="audit-list-heading">
                <h2 id="audit-list-heading">{tr(|t| t.audit_list_heading)}</h2>
                <Transition fallback=|| view! { <Loading /> }>{list}</Transition>
            </section>
        </div>
    }
}

/// One page of entries as a table, with pagination under it.
fn audit_table(page: Page<AuditEntry>, filter: AuditFilter) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let current = filter.page;
    let prev = (current > 1).then(|| filter.href(current - 1));
    let next = (current < page.total_pages).then(|| filter.href(current + 1));
    let total = page.total;
    let total_pages = page.total_pages.max(1);
    let rows = page
        .items
        .into_iter()
        .map(|entry| {
            let at = entry.at.clone();
            let target = match (entry.target_type, entry.target_id) {
                (Some(kind), Some(id)) => format!("{kind}:{id}"),
                (Some(kind), None) => kind,
                (None, _) => entry.subject.unwrap_or_default(),
            };
            let actor = entry.actor;
            view! {
                <tr data-testid="audit-row">
                    <td>
                        <time datetime=entry.at>{move || intl::date_time(i18n.lang(), &at)}</time>
                    </td>
                    <td>{move || actor.clone().unwrap_or_else(|| t().anonymous.to_owned())}</td>
                    <th scope="row"><code>{entry.action}</code></th>
                    <td>{target}</td>
                    <td>{entry.ip}</td>
                    <td class="user-agent">{entry.user_agent}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p data-testid="audit-total">{move || (t().audit_total)(total)}</p>
        <DataTable caption=|s| s.audit_list_heading columns=COLUMNS>
            {rows}
        </DataTable>
        <Pagination page=current total_pages prev_href=prev next_href=next />
    }
}
