//! `/about`: who CECOP is, from the article `about-cecop`, in the interface
//! language where translated (so it is edited like any other content).

use cecop_shared::Slug;
use leptos::prelude::*;

use crate::api::articles::get_article;
use crate::components::detail_loader::DetailLoader;
use crate::pages::news::article_view::ArticleView;

/// The article the page shows.
const ABOUT_SLUG: &str = "about-cecop";

/// `/about`
#[component]
pub fn AboutPage() -> impl IntoView {
    let slug = ABOUT_SLUG.parse::<Slug>().ok();
    view! {
        <DetailLoader
            id=Signal::stored(slug)
            fetch=|slug: Slug, lang| async move { get_article(&slug, lang).await }
            render=|article| view! { <ArticleView article /> }.into_any()
            heading=|t| t.publishing.about_title
        />
    }
}
