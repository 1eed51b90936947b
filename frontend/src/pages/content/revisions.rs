//! The editor's history: every revision (what it did, who, when, which
//! fields), what each changed against the one before it word by word, any
//! two compared side by side, and restoring one after confirming.
//! Restoring is a new save: the newer revisions stay, and it goes through
//! `If-Match` like any save.

use cecop_shared::{Collection, DiffOp, ItemRevision, RevisionDiff};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::fields::field_label;
use crate::api::ApiError;
use crate::api::editorial::{Versioned, diff, restore_revision, revisions};
use crate::components::confirm_button::ConfirmButton;
use crate::components::loading::Loading;
use crate::i18n::{tr, use_i18n};
use crate::intl;
use crate::session::use_session;

#[component]
pub fn Revisions(
    item: Versioned,
    on_restored: Callback<Versioned>,
    on_error: Callback<ApiError>,
) -> impl IntoView {
    let session = use_session();
    let collection = item.item.collection;
    let id = item.item.id;
    let etag = StoredValue::new(item.etag.clone());
    let version = item.item.version;
    let list = LocalResource::new(move || revisions(session, collection, id));
    let shown = RwSignal::new(None::<i64>);
    let body = move || {
        Suspend::new(async move {
            match list.await {
                Ok(rows) => {
                    let numbers: Vec<(i64, &'static str)> =
                        rows.iter().map(|r| (r.number, r.action.as_str())).collect();
                    let rows = rows
                        .into_iter()
                        .map(|revision| {
                            view! {
                                <RevisionRow revision collection id current=version etag shown on_restored on_error />
                            }
                        })
                        .collect_view();
                    view! {
                        <CompareRevisions collection id numbers />
                        <ol class="revision-list" data-testid="revisions">{rows}</ol>
                    }
                    .into_any()
                }
                Err(_) => ().into_any(),
            }
        })
    };
    view! {
        <section class="revisions" aria-labelledby="revisions-heading">
            <h2 id="revisions-heading">{tr(|t| t.editorial.revisions_heading)}</h2>
            <Transition fallback=|| view! { <Loading /> }>{body}</Transition>
        </section>
    }
}

/// Any two revisions side by side: the older and the newer chosen from
/// the list (by default the first and the latest), then compared field by
/// field.
#[component]
fn CompareRevisions(
    collection: Collection,
    id: i64,
    /// Every revision's number and action, newest first.
    numbers: Vec<(i64, &'static str)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let several = numbers.len() > 1;
    let newest = numbers.first().map_or(1, |n| n.0);
    let oldest = numbers.last().map_or(1, |n| n.0);
    let from = RwSignal::new(oldest);
    let to = RwSignal::new(newest);
    let asked = RwSignal::new(None::<(i64, i64)>);
    let compared = LocalResource::new(move || async move {
        match asked.get() {
            Some((a, b)) => diff(session, collection, id, a.min(b), a.max(b))
                .await
                .map(Some),
            None => Ok(None),
        }
    });
    let options = move |chosen: RwSignal<i64>| {
        numbers
            .iter()
            .map(|(n, action)| {
                let (n, action) = (*n, *action);
                view! {
                    <option value=n.to_string() selected=move || chosen.get() == n>
                        {move || (i18n.t().editorial.revision_option)(n, action)}
                    </option>
                }
            })
            .collect_view()
    };
    let pick = |chosen: RwSignal<i64>| {
        move |ev: leptos::ev::Event| {
            if let Ok(n) = event_target_value(&ev).parse() {
                chosen.set(n);
            }
        }
    };
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        asked.set(Some((from.get_untracked(), to.get_untracked())));
    };
    let result = move || {
        Suspend::new(async move {
            match compared.await {
                Ok(Some(diff)) => diff_table(diff).into_any(),
                _ => ().into_any(),
            }
        })
    };
    several.then(|| {
        view! {
            <form class="filters compare-revisions" on:submit=on_submit aria-labelledby="compare-heading">
                <h3 id="compare-heading">{tr(|t| t.editorial.compare_heading)}</h3>
                <div class="field">
                    <label for="compare-from">{tr(|t| t.editorial.compare_from)}</label>
                    <select id="compare-from" on:change=pick(from)>{options(from)}</select>
                </div>
                <div class="field">
                    <label for="compare-to">{tr(|t| t.editorial.compare_to)}</label>
                    <select id="compare-to" on:change=pick(to)>{options(to)}</select>
                </div>
                <button type="submit" class="button secondary" data-testid="compare-submit">
                    {tr(|t| t.editorial.compare_submit)}
                </button>
            </form>
            <div data-testid="compare-result">
                <Transition fallback=|| ()>{result}</Transition>
            </div>
        }
    })
}

#[component]
fn RevisionRow(
    revision: ItemRevision,
    collection: Collection,
    id: i64,
    current: i64,
    etag: StoredValue<String>,
    shown: RwSignal<Option<i64>>,
    on_restored: Callback<Versioned>,
    on_error: Callback<ApiError>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let number = revision.number;
    let when = intl::date_time(i18n.lang(), &revision.saved_at.to_rfc3339());
    let who = revision.saved_by.clone().unwrap_or_default();
    let action = revision.action;
    let changed = revision.changed.join(", ");
    let restore = Callback::new(move |()| {
        spawn_local(async move {
            match restore_revision(session, collection, id, number, &etag.get_value()).await {
                Ok(versioned) => on_restored.run(versioned),
                Err(err) => on_error.run(err),
            }
        });
    });
    let toggle = move |_| {
        shown.update(|s| {
            *s = if *s == Some(number) {
                None
            } else {
                Some(number)
            }
        })
    };
    let changes = LocalResource::new(move || async move {
        match shown.get() {
            Some(n) if n == number && n > 1 => {
                diff(session, collection, id, n - 1, n).await.map(Some)
            }
            _ => Ok(None),
        }
    });
    let diff_view = move || {
        Suspend::new(async move {
            match changes.await {
                Ok(Some(diff)) => diff_table(diff).into_any(),
                _ => ().into_any(),
            }
        })
    };
    view! {
        <li data-testid="revision" data-number=number data-action=action.as_str()>
            <p>
                <strong>{(i18n.t().editorial.revision_line)(number, action.as_str(), &who, &when)}</strong>
            </p>
            <p class="muted">{changed}</p>
            <p class="actions">
                {(number > 1).then(|| view! {
                    <button type="button" class="text-button" data-testid=format!("revision-{number}-diff") on:click=toggle>
                        {tr(|t| t.editorial.compare_previous)}
                    </button>
                })}
                {(number != current).then(|| view! {
                    <ConfirmButton
                        name=number.to_string()
                        label=|t| t.editorial.restore_revision
                        named=|t| t.editorial.restore_named
                        question=|t| t.editorial.restore_question
                        confirm=|t| t.editorial.restore_confirm
                        testid="revision-restore"
                        confirm_class="button"
                        on_confirm=restore
                    />
                })}
            </p>
            <Transition fallback=|| ()>{diff_view}</Transition>
        </li>
    }
}

/// Field by field and side by side: the older text with the words taken
/// out marked, the newer with the words put in marked.
fn diff_table(diff: RevisionDiff) -> impl IntoView {
    let (older, newer) = (diff.from, diff.to);
    let rows = diff
        .changes
        .into_iter()
        .map(|change| {
            let side = |keep: DiffOp| {
                change
                    .segments
                    .iter()
                    .filter(|s| s.op == DiffOp::Equal || s.op == keep)
                    .map(|segment| {
                        let text = segment.text.clone();
                        match segment.op {
                            DiffOp::Equal => view! { <span>{text}</span> }.into_any(),
                            DiffOp::Insert => view! { <ins>{text}</ins> }.into_any(),
                            DiffOp::Delete => view! { <del>{text}</del> }.into_any(),
                        }
                    })
                    .collect_view()
            };
            let (before, after) = (side(DiffOp::Delete), side(DiffOp::Insert));
            let field = change.field;
            let label = {
                let field = field.clone();
                let i18n = use_i18n();
                move || field_label(i18n.t(), &field)
            };
            view! {
                <tr class="diff-field" data-field=field>
                    <th scope="row">{label}</th>
                    <td class="diff-text">{before}</td>
                    <td class="diff-text">{after}</td>
                </tr>
            }
        })
        .collect_view();
    let i18n = use_i18n();
    view! {
        <div class="diff table-wrap" data-testid="revision-diff">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{tr(|t| t.editorial.conflict_field)}</th>
                        <th scope="col">{move || (i18n.t().editorial.revision_n)(older)}</th>
                        <th scope="col">{move || (i18n.t().editorial.revision_n)(newer)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
