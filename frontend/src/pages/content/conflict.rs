//! The conflict screen: someone saved the item after the editor opened it.
//! Every field that either of them changed since the version the editor
//! started from is listed with their value and the editor's, and what
//! keeping the editor's version does to it: a field the editor changed
//! takes theirs over; a field only the colleague changed keeps the
//! colleague's value (the save sends only the editor's own changes). The
//! editor takes theirs or keeps their own; nothing is lost until they
//! choose, and the revisions keep both afterwards.

use std::collections::BTreeSet;

use cecop_shared::document_fields;
use leptos::prelude::*;

use super::fields::field_label;
use super::form::Edits;
use crate::api::editorial::Versioned;
use crate::i18n::{tr, use_i18n};

/// One field either side changed.
struct Changed {
    path: String,
    theirs: String,
    mine: String,
    /// The editor changed it: keeping theirs puts the editor's value.
    by_me: bool,
}

/// The fields changed since `base` by them or by me, in document order.
fn changes(base: &Edits, mine: &Edits, theirs: &Edits) -> Vec<Changed> {
    let base = document_fields(&base.document());
    let mine = document_fields(&mine.document());
    let theirs = document_fields(&theirs.document());
    let paths: BTreeSet<&String> = base
        .keys()
        .chain(mine.keys())
        .chain(theirs.keys())
        .collect();
    paths
        .into_iter()
        .filter_map(|path| {
            let before = base.get(path);
            let by_me = mine.get(path) != before;
            let by_them = theirs.get(path) != before;
            (by_me || by_them).then(|| Changed {
                path: path.clone(),
                theirs: theirs.get(path).cloned().unwrap_or_default(),
                mine: mine.get(path).cloned().unwrap_or_default(),
                by_me,
            })
        })
        .collect()
}

#[component]
pub fn ConflictPanel(
    theirs: Versioned,
    /// The version the editor's edits started from.
    base: Edits,
    mine: Edits,
    on_take_theirs: Callback<Versioned>,
    on_keep_mine: Callback<Versioned>,
) -> impl IntoView {
    let i18n = use_i18n();
    let who = theirs.item.updated_by.clone();
    let rows = changes(&base, &mine, &Edits::of(&theirs.item.document))
        .into_iter()
        .map(|change| {
            let label = {
                let path = change.path.clone();
                move || field_label(i18n.t(), &path)
            };
            let by_me = change.by_me;
            let outcome = move || {
                let t = i18n.t();
                if by_me {
                    t.editorial.conflict_yours_replace
                } else {
                    t.editorial.conflict_theirs_stay
                }
            };
            view! {
                <tr data-testid="conflict-row" data-field=change.path data-by-me=by_me.to_string()>
                    <th scope="row">{label}</th>
                    <td class="conflict-value" data-testid="conflict-theirs">{change.theirs}</td>
                    <td class="conflict-value" data-testid="conflict-mine">{change.mine}</td>
                    <td>{outcome}</td>
                </tr>
            }
        })
        .collect_view();
    let take = {
        let theirs = theirs.clone();
        move |_| on_take_theirs.run(theirs.clone())
    };
    let keep = move |_| on_keep_mine.run(theirs.clone());
    view! {
        <section class="conflict" role="alertdialog" aria-labelledby="conflict-heading" aria-describedby="conflict-intro" data-testid="conflict">
            <h2 id="conflict-heading">{tr(|t| t.editorial.conflict_heading)}</h2>
            <p id="conflict-intro">
                {move || {
                    let t = i18n.t();
                    (t.editorial.conflict_intro)(who.as_deref().unwrap_or(t.editorial.conflict_someone))
                }}
            </p>
            <div class="table-wrap">
                <table class="conflict-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr(|t| t.editorial.conflict_field)}</th>
                            <th scope="col">{tr(|t| t.editorial.conflict_theirs)}</th>
                            <th scope="col">{tr(|t| t.editorial.conflict_mine)}</th>
                            <th scope="col">{tr(|t| t.editorial.conflict_outcome)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
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

#[cfg(test)]
mod tests {
    use cecop_shared::{Collection, Language};

    use super::*;

    #[test]
    fn both_sides_changes_are_listed_with_what_keeping_mine_does() {
        let mut base = Edits::blank(Collection::Articles);
        base.slug = "a".into();
        base.translations
            .get_mut(&Language::english())
            .unwrap()
            .title = "Old".into();
        let mut mine = base.clone();
        mine.translations
            .get_mut(&Language::english())
            .unwrap()
            .summary = "Mine".into();
        let mut theirs = base.clone();
        theirs
            .translations
            .get_mut(&Language::english())
            .unwrap()
            .title = "Theirs".into();
        let rows = changes(&base, &mine, &theirs);
        let seen: Vec<(&str, &str, &str, bool)> = rows
            .iter()
            .map(|c| (c.path.as_str(), c.theirs.as_str(), c.mine.as_str(), c.by_me))
            .collect();
        assert_eq!(
            seen,
            [
                ("translations.en.summary", "", "Mine", true),
                ("translations.en.title", "Theirs", "Old", false),
            ]
        );
    }
}
