//! The article lists' filter form: kind, theme and a text search. Every
//! change navigates to the matching URL, back on page 1.

use cecop_shared::{ArticleKind, Theme};
use leptos::prelude::*;

use crate::components::choice_select::ChoiceSelect;
use crate::components::data_table::Text;
use crate::components::filter_form::FilterForm;
use crate::pages::news::query::NewsQuery;
use crate::query::use_apply;

/// The kind menu (with "All kinds" on `/news` only), the theme menu and the search.
#[component]
pub fn ArticleFilters(query: Memo<NewsQuery>, label: Text) -> impl IntoView {
    let section = query.get_untracked().section;
    let apply = use_apply(query);
    let on_search = {
        let apply = apply.clone();
        Callback::new(move |q: Option<String>| apply(&|s| s.filter.q = q.clone()))
    };
    let on_kind = {
        let apply = apply.clone();
        Callback::new(move |kind: Option<ArticleKind>| apply(&|s| s.filter.kind = kind))
    };
    let on_theme = Callback::new(move |theme: Option<Theme>| apply(&|s| s.filter.theme = theme));
    let all_kinds: Option<Text> = Some(|t| t.filter_all_kinds);
    view! {
        <FilterForm
            label
            search_label=|t| t.publishing.news_search
            search_hint=|t| t.publishing.news_search_hint
            q=Signal::derive(move || query.read().filter.q.clone())
            on_search
            clear_href=Signal::derive(move || {
                query.with(|q| q.is_filtered().then(|| section.path().to_owned()))
            })
        >
            <ChoiceSelect
                id="filter-kind"
                label=|t| t.publishing.filter_article_kind
                all=all_kinds
                choices=section.kinds()
                name=|t, kind| t.publishing.article_kind(kind)
                selected=Signal::derive(move || query.read().filter.kind)
                on_change=on_kind
            />
            <ChoiceSelect
                id="filter-theme"
                label=|t| t.publishing.filter_theme
                all=Some(|t| t.publishing.filter_all_themes)
                choices=Theme::ALL
                name=|t, theme| t.publishing.theme(theme)
                selected=Signal::derive(move || query.read().filter.theme)
                on_change=on_theme
            />
        </FilterForm>
    }
}
