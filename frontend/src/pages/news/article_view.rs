//! One article as its page shows it: the header, the body, its documents,
//! themes, tags and related members, and the EU-funding notice when due.
//! `/news/:slug` and `/about` both draw an article this way.

use cecop_shared::{Article, Attachment, MemberRef, Theme};
use leptos::prelude::*;

use crate::components::data_table::Text;
use crate::components::eu_notice::EuNotice;
use crate::components::item_header::{ItemBody, ItemHeader};
use crate::i18n::{Strings, tr, use_i18n};
use crate::intl;

/// The article's page content. Without a list to go back to (the article is
/// a page of the site, like "About"), its kind and date are left out too.
#[component]
pub fn ArticleView(
    article: Article,
    /// The list to go back to, and the link's words.
    #[prop(optional)]
    back: Option<(&'static str, Text)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let summary = article.summary;
    let meta = summary.meta;
    let kind = summary.kind;
    let published = meta.published_at;
    let facts = back.is_some().then(|| {
        view! {
            <span class="card-kind">{move || i18n.t().publishing.article_kind(kind)}</span>
            <time datetime=published.to_rfc3339()>{move || intl::date(i18n.lang(), &published)}</time>
        }
        .into_any()
    });
    let lang = meta.lang.to_string();
    let eu_funded = meta.eu_funded;
    let details = item_details(meta.themes.clone(), meta.tags.clone(), article.members);
    view! {
        <article class="wrap page item">
            <ItemHeader meta back facts />
            <ItemBody html=article.body_html lang />
            {attachments(article.attachments)}
            {details}
            {eu_funded.then(|| view! { <EuNotice /> })}
        </article>
    }
}

/// The article's documents, each with the language it is written in. The
/// files themselves are not served yet, so they are listed, not linked.
fn attachments(list: Vec<Attachment>) -> Option<impl IntoView> {
    let i18n = use_i18n();
    (!list.is_empty()).then(|| {
        let items = list
            .into_iter()
            .map(|file| {
                let code = file.lang.to_string();
                let language = {
                    let code = code.clone();
                    move || intl::language_name(i18n.lang().code(), &code)
                };
                view! {
                    <li>
                        <span lang=code>{file.title}</span>
                        " "
                        <span class="muted">"(" {language} ")"</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="item-section" aria-labelledby="attachments-heading">
                <h2 id="attachments-heading">{tr(|t| t.publishing.attachments_heading)}</h2>
                <ul class="attachments">{items}</ul>
            </section>
        }
    })
}

/// Themes, tags and related members, as a description list.
pub fn item_details(
    themes: Vec<Theme>,
    tags: Vec<String>,
    members: Vec<MemberRef>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let fact = |label: fn(&Strings) -> &'static str, items: AnyView| {
        view! {
            <div>
                <dt>{move || label(t())}</dt>
                <dd>
                    <ul class="tags">{items}</ul>
                </dd>
            </div>
        }
    };
    let themes = (!themes.is_empty()).then(|| {
        let items = themes
            .into_iter()
            .map(|theme| view! { <li>{move || t().publishing.theme(theme)}</li> })
            .collect_view();
        fact(|t| t.publishing.field_themes, items.into_any())
    });
    // Tags are identifiers (`long-term-care`), the same in every language.
    let tags = (!tags.is_empty()).then(|| {
        let items = tags
            .into_iter()
            .map(|tag| view! { <li>{tag}</li> })
            .collect_view();
        fact(|t| t.publishing.field_tags, items.into_any())
    });
    let members = (!members.is_empty()).then(|| {
        let items = members
            .into_iter()
            .map(|m| view! { <li><a href=format!("/members/{}", m.slug)>{m.name}</a></li> })
            .collect_view();
        fact(|t| t.publishing.field_related_members, items.into_any())
    });
    view! { <dl class="facts item-details">{themes}{tags}{members}</dl> }
}
