//! `/news/:slug`: one article, in the interface language where translated;
//! fetched again when the language changes.

use cecop_shared::Slug;
use leptos::prelude::*;

use crate::api::articles::get_article;
use crate::components::detail_loader::{DetailLoader, use_slug};
use crate::pages::news::article_view::ArticleView;

/// `/news/:slug`
#[component]
pub fn ArticlePage() -> impl IntoView {
    view! {
        <DetailLoader
            id=use_slug()
            fetch=|slug: Slug, lang| async move { get_article(&slug, lang).await }
            render=|article| {
                view! { <ArticleView article back=("/news", |t| t.publishing.news_back) /> }.into_any()
            }
            heading=|t| t.publishing.article_title
        />
    }
}
