//! The results half of every filtered, paged list (members, news, events,
//! stories, search): loading, "updating" while a new page loads behind the
//! old one, the error view, the count, the items, an empty or past-the-end
//! message, and the page links — all driven by the list's URL state. The
//! items are cards in a list, or rows of a [`DataTable`] (the review queue).

use cecop_shared::Page;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::data_table::{DataTable, Text};
use crate::components::error_view::ErrorView;
use crate::components::loading::Loading;
use crate::components::pagination::Pagination;
use crate::i18n::{Strings, tr, use_i18n};
use crate::query::ListQuery;

/// One page of `resource`, which fetches the list `query` describes.
#[component]
pub fn PagedList<T, Q>(
    /// The page of items for the current query.
    resource: LocalResource<Result<Page<T>, ApiError>>,
    /// The list's state, from the URL.
    query: Memo<Q>,
    /// Renders one item as a list item (`<li>`).
    item: fn(T) -> AnyView,
    /// "12 articles": the heading above the items.
    total: fn(&Strings, u64) -> String,
    /// What an empty list says.
    empty: Text,
    /// The class of the `<ul>`.
    #[prop(default = "card-list")]
    list_class: &'static str,
    /// The `data-testid` of the count, for end-to-end tests.
    testid: &'static str,
    /// Rows of a table with this caption and these column headings, instead
    /// of a list; `item` then renders a `<tr>`.
    #[prop(optional)]
    table: Option<(Text, &'static [Text])>,
) -> impl IntoView
where
    T: Clone + 'static,
    Q: ListQuery,
{
    let i18n = use_i18n();
    let t = move || i18n.t();
    let retry = Callback::new(move |()| resource.refetch());
    let (pending, set_pending) = signal(false);
    let results = move || {
        Suspend::new(async move {
            match resource.await {
                Ok(page) => {
                    let view = PageView {
                        item,
                        total,
                        empty,
                        list_class,
                        testid,
                        table,
                    };
                    view.render(page, &query.get_untracked())
                }
                Err(error) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            }
        })
    };
    view! {
        <section class="results" aria-busy=move || pending.get().to_string()>
            // Announced while new results load behind the old ones (WCAG 4.1.3).
            <p class="updating" role="status">
                {move || pending.get().then(|| t().updating)}
            </p>
            <Transition fallback=|| view! { <Loading /> } set_pending>
                {results}
            </Transition>
        </section>
    }
}

/// How one page is drawn.
struct PageView<T> {
    item: fn(T) -> AnyView,
    total: fn(&Strings, u64) -> String,
    empty: Text,
    list_class: &'static str,
    testid: &'static str,
    table: Option<(Text, &'static [Text])>,
}

impl<T: 'static> PageView<T> {
    fn render<Q: ListQuery>(self, page: Page<T>, query: &Q) -> AnyView {
        let i18n = use_i18n();
        let t = move || i18n.t();
        let Self {
            item,
            total,
            empty,
            list_class,
            testid,
            table,
        } = self;
        let count = page.total;
        let prev_href = (page.page > 1).then(|| query.on_page(page.page - 1).href());
        let next_href = (page.page < page.total_pages).then(|| query.on_page(page.page + 1).href());
        let body = if !page.items.is_empty() {
            let items = page.items.into_iter().map(item).collect_view();
            match table {
                Some((caption, columns)) => {
                    view! { <DataTable caption columns>{items}</DataTable> }.into_any()
                }
                None => view! { <ul class=list_class>{items}</ul> }.into_any(),
            }
        } else if count == 0 {
            view! { <p class="empty">{move || empty(t())}</p> }.into_any()
        } else {
            let first = query.on_page(1).href();
            view! {
                <p class="empty">{tr(|t| t.results_past_end)}</p>
                <p>
                    <a href=first>{tr(|t| t.results_first_page)}</a>
                </p>
            }
            .into_any()
        };
        view! {
            <h2 class="results-total" data-testid=testid>
                {move || total(t(), count)}
            </h2>
            {body}
            {(page.total_pages > 1)
                .then(|| {
                    view! {
                        <Pagination
                            page=page.page
                            total_pages=page.total_pages
                            prev_href
                            next_href
                        />
                    }
                })}
        }
        .into_any()
    }
}
