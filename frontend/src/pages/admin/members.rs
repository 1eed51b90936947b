//! `/admin/members`: every member organisation, active and former, for
//! admins, with the way to a new one and to each one's form.

use cecop_shared::{Member, MemberStatus, Role};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::member_admin::all_members;
use crate::components::data_table::{DataTable, Text};
use crate::components::error_view::ErrorView;
use crate::components::loading::Loading;
use crate::components::member_card::kind_label;
use crate::components::page_head::page_title;
use crate::components::require_role::RequireRole;
use crate::i18n::{tr, use_i18n};
use crate::intl;
use crate::session::use_session;

const COLUMNS: &[Text] = &[
    |s| s.editorial.field_name,
    |s| s.field_country,
    |s| s.field_kind,
    |s| s.field_status,
];

#[component]
pub fn MembersAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || page_title(i18n.t().editorial.members_heading) />
        <RequireRole roles=&[Role::Admin]>
            <MembersAdmin />
        </RequireRole>
    }
}

#[component]
fn MembersAdmin() -> impl IntoView {
    let session = use_session();
    let members = LocalResource::new(move || all_members(session));
    let retry = Callback::new(move |()| members.refetch());
    let list = move || {
        Suspend::new(async move {
            match members.await {
                Ok(page) => members_table(page.items, page.total).into_any(),
                Err(error) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            }
        })
    };
    view! {
        <div class="wrap page">
            <h1>{tr(|t| t.editorial.members_heading)}</h1>
            <p>
                <A href="/admin/members/new" attr:class="button" attr:data-testid="member-new">
                    {tr(|t| t.editorial.new_member)}
                </A>
            </p>
            <Transition fallback=|| view! { <Loading /> }>{list}</Transition>
        </div>
    }
}

fn members_table(items: Vec<Member>, total: u64) -> impl IntoView {
    let i18n = use_i18n();
    let rows = items
        .into_iter()
        .map(|member| {
            let href = format!("/admin/members/{}", member.slug);
            let (kind, status, country) = (member.kind, member.status, member.country);
            view! {
                <tr data-testid="member-row" data-slug=member.slug.to_string()>
                    <td><A href=href>{member.name}</A></td>
                    <td>{move || intl::country_name(i18n.lang(), country)}</td>
                    <td>{move || kind_label(i18n.t(), kind)}</td>
                    <td>
                        {move || match status {
                            MemberStatus::Active => i18n.t().status_active,
                            MemberStatus::Former => i18n.t().status_former,
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p data-testid="members-admin-total">{move || (i18n.t().editorial.members_total)(total)}</p>
        <DataTable caption=|s| s.editorial.members_heading columns=COLUMNS>
            {rows}
        </DataTable>
    }
}
