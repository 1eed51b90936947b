//! `/admin/users?q=&role=&page=`: the user accounts, searchable and
//! filterable by role, with per-row actions, the invitations sent and a
//! form to invite someone, and a form that creates an account directly.

use cecop_shared::{Page, Role, User};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::admin::{ADMIN_PER_PAGE, list_users};
use crate::components::data_table::{DataTable, Text};
use crate::components::error_view::ErrorView;
use crate::components::loading::Loading;
use crate::components::page_head::page_title;
use crate::components::pagination::Pagination;
use crate::components::require_role::RequireRole;
use crate::components::text_field::TextField;
use crate::i18n::{tr, use_i18n};
use crate::pages::account::page::role_label;
use crate::pages::admin::invitations::Invitations;
use crate::pages::admin::user_form::UserForm;
use crate::pages::admin::user_row::UserRow;
use crate::query::href_with;
use crate::session::use_session;

/// The users page.
/// The table's column headings.
const COLUMNS: &[Text] = &[
    |s| s.field_display_name,
    |s| s.field_email,
    |s| s.field_role,
    |s| s.field_organisation,
    |s| s.col_state,
    |s| s.col_actions,
];

#[component]
pub fn UsersPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    view! {
        <Title text=move || page_title(t().users_title) />
        <RequireRole roles=&[Role::Admin]>
            <UsersContent />
        </RequireRole>
    }
}

/// The filters as URL parameters (q, role, page).
fn params(q: String, role: String, page: u32) -> Vec<(&'static str, String)> {
    let page = if page > 1 {
        page.to_string()
    } else {
        String::new()
    };
    vec![("q", q), ("role", role), ("page", page)]
}

#[component]
fn UsersContent() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let query = use_query_map();
    let navigate = use_navigate();
    let filter = Memo::new(move |_| {
        let query = query.read();
        let page = query
            .get("page")
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(1)
            .max(1);
        (
            query.get("q").unwrap_or_default(),
            query.get("role").unwrap_or_default(),
            page,
        )
    });
    let users = LocalResource::new(move || {
        let (q, role, page) = filter.get();
        async move {
            let mut query = params(q, role, page);
            query.retain(|(_, value)| !value.is_empty());
            query.push(("per_page", ADMIN_PER_PAGE.to_string()));
            list_users(session, &query).await
        }
    });
    let q = RwSignal::new(filter.get_untracked().0);
    let role = RwSignal::new(filter.get_untracked().1);
    let on_filter = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        navigate(
            &href_with(
                "/admin/users",
                &params(q.get_untracked(), role.get_untracked(), 1),
            ),
            Default::default(),
        );
    };
    let refetch = Callback::new(move |()| users.refetch());
    let list = move || {
        Suspend::new(async move {
            match users.await {
                Ok(page) => users_table(page, filter.get_untracked(), refetch).into_any(),
                Err(error) => view! { <ErrorView error on_retry=refetch /> }.into_any(),
            }
        })
    };
    let role_option = move |r: Role| {
        view! { <option value=r.as_str()>{move || role_label(t(), r)}</option> }
    };
    view! {
        <div class="wrap page">
            <h1>{tr(|t| t.users_heading)}</h1>
            <form class="filters" role="search" on:submit=on_filter>
                <div class="field">
                    <TextField id="users-q" label=|t| t.users_search value=q input_type="search" />
                </div>
                <div class="field">
                    <label for="users-role">{tr(|t| t.field_role)}</label>
                    <select
                        id="users-role"
                        prop:value=move || role.get()
                        on:change=move |ev| role.set(event_target_value(&ev))
                    >
                        <option value="">{tr(|t| t.all_roles)}</option>
                        {role_option(Role::Admin)}
                        {role_option(Role::Editor)}
                        {role_option(Role::Member)}
                    </select>
                </div>
                <button type="submit" class="button">{tr(|t| t.filter_submit)}</button>
            </form>
            <section aria-labelledby="users-list-heading">
                <h2 id="users-list-heading">{tr(|t| t.users_list_heading)}</h2>
                <Transition fallback=|| view! { <Loading /> }>{list}</Transition>
            </section>
            <Invitations />
            <UserForm on_created=refetch />
        </div>
    }
}

/// The table of one page of users, with pagination under it.
fn users_table(
    page: Page<User>,
    filter: (String, String, u32),
    refetch: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let (q, role, current) = filter;
    let link = move |n: u32| href_with("/admin/users", &params(q.clone(), role.clone(), n));
    let prev = (current > 1).then(|| link(current - 1));
    let next = (current < page.total_pages).then(|| link(current + 1));
    let total = page.total;
    let total_pages = page.total_pages.max(1);
    let rows = page
        .items
        .into_iter()
        .map(|user| view! { <UserRow user on_changed=refetch /> })
        .collect_view();
    view! {
        <p data-testid="users-total">{move || (t().users_total)(total)}</p>
        <DataTable caption=|s| s.users_list_heading columns=COLUMNS>
            {rows}
        </DataTable>
        <Pagination page=current total_pages prev_href=prev next_href=next />
    }
}
