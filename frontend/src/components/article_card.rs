//! One article in a list: its kind, date, title and summary.

use cecop_shared::ArticleSummary;
use leptos::prelude::*;

use crate::components::content_card::ContentCard;
use crate::i18n::use_i18n;
use crate::intl;

/// A [`ContentCard`] linking to `/news/{slug}`.
#[component]
pub fn ArticleCard(article: ArticleSummary) -> impl IntoView {
    let i18n = use_i18n();
    let kind = article.kind;
    let published = article.meta.published_at;
    let facts = view! {
        <span class="card-kind">{move || i18n.t().publishing.article_kind(kind)}</span>
        <time datetime=published.to_rfc3339()>{move || intl::date(i18n.lang(), &published)}</time>
    };
    view! {
        <ContentCard
            href=format!("/news/{}", article.meta.slug)
            meta=article.meta
            testid="article-card"
            facts=facts.into_any()
        />
    }
}
