//! The conflict screen: someone saved the item after the editor opened it.
//! Their version and the editor's edits are shown side by side (title and
//! body of the language being edited); the editor takes theirs or keeps
//! theirs own, saved over the new version. Nothing is lost either way
//! until the editor chooses, and the revisions keep both afterwards.

use cecop_shared::Language;
use leptos::prelude::*;

use super::editor::Edits;
use crate::api::editorial::Versioned;
use crate::i18n::{tr, use_i18n};

#[component]
pub fn ConflictPanel(
    theirs: Versioned,
    mine: Edits,
    lang: Language,
    on_take_theirs: Callback<Versioned>,
    on_keep_mine: Callback<Versioned>,
) -> impl IntoView {
    let i18n = use_i18n();
    let who = theirs.item.updated_by.clone();
    let theirs_text = theirs
        .item
        .document
        .content
        .translations
        .get(&lang)
        .cloned()
        .unwrap_or_else(|| cecop_shared::TranslationText {
            title: String::new(),
            summary: String::new(),
            body: String::new(),
        });
    let mine_text = mine
        .translations
        .get(&lang)
        .cloned()
        .unwrap_or_else(|| theirs_text.clone());
    let take = {
        let theirs = theirs.clone();
        move |_| on_take_theirs.run(theirs.clone())
    };
    let keep = move |_| on_keep_mine.run(theirs.clone());
    let column = |heading: fn(&'static crate::i18n::Strings) -> &'static str,
                  text: cecop_shared::TranslationText,
                  testid: &'static str| {
        view! {
            <div class="conflict-side" data-testid=testid>
                <h3>{tr(heading)}</h3>
                <p><strong>{text.title}</strong></p>
                <pre class="conflict-body">{text.body}</pre>
            </div>
        }
    };
    view! {
        <section class="conflict" role="alertdialog" aria-labelledby="conflict-heading" data-testid="conflict">
            <h2 id="conflict-heading">{tr(|t| t.editorial.conflict_heading)}</h2>
            <p>
                {move || {
                    let t = i18n.t();
                    (t.editorial.conflict_intro)(who.as_deref().unwrap_or(t.editorial.conflict_someone))
                }}
            </p>
            <div class="conflict-columns">
                {column(|t| t.editorial.conflict_theirs, theirs_text, "conflict-theirs")}
                {column(|t| t.editorial.conflict_mine, mine_text, "conflict-mine")}
            </div>
            <p class="actions">
                <button type="button" class="button secondary" data-testid="conflict-take-theirs" on:click=take>
                    {tr(|t| t.editorial.conflict_take_theirs)}
                </button>
                " "
                <button type="button" class="button" data-testid="conflict-keep-mine" on:click=keep>
                    {tr(|t| t.editorial.conflict_keep_mine)}
                </button>
            </p>
        </section>
    }
}
