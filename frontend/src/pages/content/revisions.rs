//! The editor's history: every revision (what it did, who, when, which
//! fields), what each changed against the one before it word by word, and
//! restoring one after confirming. Restoring is a new save: the newer
//! revisions stay, and it goes through `If-Match` like any save.

use cecop_shared::{Collection, DiffOp, ItemRevision, RevisionDiff};
use leptos::prelude::*;
use leptos::task::spawn_local;

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
                Ok(rows) => rows
                    .into_iter()
                    .map(|revision| {
                        view! {
                            <RevisionRow revision collection id current=version etag shown on_restored on_error />
                        }
                    })
                    .collect_view()
                    .into_any(),
                Err(_) => ().into_any(),
            }
        })
    };
    view! {
        <section class="revisions" aria-labelledby="revisions-heading">
            <h2 id="revisions-heading">{tr(|t| t.editorial.revisions_heading)}</h2>
            <ol class="revision-list" data-testid="revisions">
                <Transition fallback=|| view! { <Loading /> }>{body}</Transition>
            </ol>
        </section>
    }
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

/// Field by field, the words taken out and put in.
fn diff_table(diff: RevisionDiff) -> impl IntoView {
    let rows = diff
        .changes
        .into_iter()
        .map(|change| {
            let segments = change
                .segments
                .into_iter()
                .map(|segment| match segment.op {
                    DiffOp::Equal => view! { <span>{segment.text}</span> }.into_any(),
                    DiffOp::Insert => view! { <ins>{segment.text}</ins> }.into_any(),
                    DiffOp::Delete => view! { <del>{segment.text}</del> }.into_any(),
                })
                .collect_view();
            let field = change.field;
            let name = field.clone();
            view! {
                <div class="diff-field" data-field=field>
                    <p class="muted"><code>{name}</code></p>
                    <p class="diff-text">{segments}</p>
                </div>
            }
        })
        .collect_view();
    view! { <div class="diff" data-testid="revision-diff">{rows}</div> }
}
