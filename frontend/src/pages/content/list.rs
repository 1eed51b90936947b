//! `/admin/content?collection=&status=&q=&page=`: every item of a
//! collection whatever its status, with its languages and last change,
//! filtered and searched; the way to a new article.

use cecop_shared::{Collection, ContentStatus, EditorialSummary, Page, Role};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::{editor_href, language_badges};
use crate::api::editorial::{CONTENT_PER_PAGE, list_items};
use crate::components::data_table::{DataTable, Text};
use crate::components::error_view::ErrorView;
use crate::components::loading::Loading;
use crate::components::page_head::page_title;
use crate::components::pagination::Pagination;
use crate::components::require_role::RequireRole;
use crate::components::text_field::TextField;
use crate::i18n::{tr, use_i18n};
use crate::intl;
use crate::query::{href_with, page_value, parse_opt, parse_page};
use crate::session::use_session;

const COLUMNS: &[Text] = &[
    |s| s.editorial.col_title,
    |s| s.editorial.col_status,
    |s| s.editorial.col_languages,
    |s| s.editorial.col_author,
    |s| s.editorial.col_changed,
];

/// The content page, for editors and admins.
#[component]
pub fn ContentPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || page_title(i18n.t().editorial.title) />
        <RequireRole roles=&[Role::Editor, Role::Admin]>
            <ContentList />
        </RequireRole>
    }
}

/// The filters as URL parameters.
fn params(collection: Collection, status: &str, q: &str, page: u32) -> Vec<(&'static str, String)> {
    vec![
        ("collection", collection.as_str().to_owned()),
        ("status", status.to_owned()),
        ("q", q.to_owned()),
        ("page", page_value(page)),
    ]
}

#[component]
fn ContentList() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let query = use_query_map();
    let navigate = use_navigate();
    let filter = Memo::new(move |_| {
        let query = query.read();
        let collection =
            parse_opt(query.get("collection").as_deref()).unwrap_or(Collection::Articles);
        (
            collection,
            query.get("status").unwrap_or_default(),
            query.get("q").unwrap_or_default(),
            parse_page(query.get("page").as_deref()),
        )
    });
    let items = LocalResource::new(move || {
        let (collection, status, q, page) = filter.get();
        async move {
            let mut query = params(collection, &status, &q, page);
            query.retain(|(name, value)| !value.is_empty() && *name != "collection");
            query.push(("per_page", CONTENT_PER_PAGE.to_string()));
            list_items(session, collection, &query).await
        }
    });
    let collection = RwSignal::new(filter.get_untracked().0.as_str().to_owned());
    let status = RwSignal::new(filter.get_untracked().1);
    let q = RwSignal::new(filter.get_untracked().2);
    let on_filter = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let chosen = collection
            .get_untracked()
            .parse()
            .unwrap_or(Collection::Articles);
        navigate(
            &href_with(
                "/admin/content",
                &params(chosen, &status.get_untracked(), &q.get_untracked(), 1),
            ),
            Default::default(),
        );
    };
    let retry = Callback::new(move |()| items.refetch());
    let list = move || {
        Suspend::new(async move {
            match items.await {
                Ok(page) => content_table(page, filter.get_untracked()).into_any(),
                Err(error) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            }
        })
    };
    let collection_option = move |c: Collection| {
        view! { <option value=c.as_str()>{move || t().editorial.collection(c)}</option> }
    };
    let status_option = move |s: ContentStatus| {
        view! { <option value=s.as_str()>{move || t().editorial.status(s)}</option> }
    };
    view! {
        <div class="wrap page">
            <h1>{tr(|t| t.editorial.heading)}</h1>
            <p class="actions">
                {[Collection::Articles, Collection::Events, Collection::Stories]
                    .into_iter()
                    .map(|c| {
                        let testid = match c {
                            Collection::Articles => "content-new",
                            Collection::Events => "content-new-event",
                            Collection::Stories => "content-new-story",
                        };
                        view! {
                            <A href=format!("/admin/content/{c}/new") attr:class="button" attr:data-testid=testid>
                                {move || t().editorial.new_item(c)}
                            </A>
                            " "
                        }
                    })
                    .collect_view()}
            </p>
            <form class="filters" role="search" on:submit=on_filter>
                <div class="field">
                    <label for="content-collection">{tr(|t| t.editorial.field_collection)}</label>
                    <select
                        id="content-collection"
                        prop:value=move || collection.get()
                        on:change=move |ev| collection.set(event_target_value(&ev))
                    >
                        {collection_option(Collection::Articles)}
                        {collection_option(Collection::Events)}
                        {collection_option(Collection::Stories)}
                    </select>
                </div>
                <div class="field">
                    <label for="content-status">{tr(|t| t.editorial.field_status)}</label>
                    <select
                        id="content-status"
                        prop:value=move || status.get()
                        on:change=move |ev| status.set(event_target_value(&ev))
                    >
                        <option value="">{tr(|t| t.editorial.all_statuses)}</option>
                        {status_option(ContentStatus::Draft)}
                        {status_option(ContentStatus::Scheduled)}
                        {status_option(ContentStatus::Published)}
                        {status_option(ContentStatus::Archived)}
                    </select>
                </div>
                <div class="field">
                    <TextField id="content-q" label=|t| t.editorial.search value=q input_type="search" />
                </div>
                <button type="submit" class="button">{tr(|t| t.filter_submit)}</button>
            </form>
            <section aria-labelledby="content-list-heading">
                <h2 id="content-list-heading">
                    {move || t().editorial.collection(filter.get().0)}
                </h2>
                <Transition fallback=|| view! { <Loading /> }>{list}</Transition>
            </section>
        </div>
    }
}

fn content_row(item: EditorialSummary) -> impl IntoView {
    let i18n = use_i18n();
    let status = item.status;
    let changed = intl::date_time(i18n.lang(), &item.updated_at.to_rfc3339());
    let by = item.updated_by.unwrap_or_default();
    view! {
        <tr data-testid="content-row" data-slug=item.slug.to_string()>
            <td>
                <A href=editor_href(item.collection, item.id)>{item.title}</A>
            </td>
            <td data-testid="content-status">{move || i18n.t().editorial.status(status)}</td>
            <td class="lang-badges">{language_badges(item.languages)}</td>
            <td data-testid="content-author">
                {match item.created_by {
                    Some(name) => name.into_any(),
                    None => view! { <span class="muted">{move || i18n.t().editorial.imported}</span> }.into_any(),
                }}
            </td>
            <td>{changed} " " <span class="muted">{by}</span></td>
        </tr>
    }
}

/// One page of items with pagination under it.
fn content_table(
    page: Page<EditorialSummary>,
    filter: (Collection, String, String, u32),
) -> impl IntoView {
    let i18n = use_i18n();
    let (collection, status, q, current) = filter;
    let link = move |n: u32| href_with("/admin/content", &params(collection, &status, &q, n));
    let prev = (current > 1).then(|| link(current - 1));
    let next = (current < page.total_pages).then(|| link(current + 1));
    let total = page.total;
    let total_pages = page.total_pages.max(1);
    if page.items.is_empty() {
        return view! { <p>{tr(|t| t.editorial.none_yet)}</p> }.into_any();
    }
    let rows = page.items.into_iter().map(content_row).collect_view();
    view! {
        <p data-testid="content-total">{move || (i18n.t().editorial.total)(total)}</p>
        <DataTable caption=|s| s.editorial.heading columns=COLUMNS>
            {rows}
        </DataTable>
        <Pagination page=current total_pages prev_href=prev next_href=next />
    }
    .into_any()
}
