//! `/admin/content/{collection}/new` and `/admin/content/{collection}/{id}`:
//! the editor. A tab per language shows where its translation stands; the
//! body is previewed beside it exactly as the server will publish it; a
//! save sends only what the editor controls here as a merge patch under
//! `If-Match`, so a colleague's save in between brings up the conflict
//! screen instead of being overwritten. Unsaved changes are kept in this
//! browser (a reload or a crash loses nothing), leaving with them asks
//! first, and Ctrl+S saves.

use cecop_shared::{
    ArticleKind, Collection, ContentStatus, Language, Role, SITE_LANGUAGES, TranslationState,
    TranslationText, Visibility,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use serde::{Deserialize, Serialize};

use super::actions::Actions;
use super::conflict::ConflictPanel;
use super::fields::{CommonFields, EventSection, StorySection, field_label};
use super::form::{Edits, blank_text};
use super::leave::LeaveGuard;
use super::revisions::Revisions;
use super::share::SharePreview;
use super::{editor_href, language_badges};
use crate::api::ApiError;
use crate::api::editorial::{Versioned, create_item, get_item, patch_item, preview};
use crate::components::error_view::ErrorView;
use crate::components::form_alert::{FieldMessage, FormAlert, error_text, field_error};
use crate::components::loading::Loading;
use crate::components::page_head::page_title;
use crate::components::require_role::RequireRole;
use crate::i18n::{tr, use_i18n};
use crate::session::use_session;

/// The editor page.
#[component]
pub fn EditorPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || page_title(i18n.t().editorial.edit_heading) />
        <RequireRole roles=&[Role::Editor, Role::Admin]>
            <EditorLoader />
        </RequireRole>
    }
}

/// Reads the path, loads the item (unless it is a new one), then shows the
/// editor.
#[component]
fn EditorLoader() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let target = Memo::new(move |_| {
        let params = params.read();
        let collection: Option<Collection> = params.get("collection").and_then(|c| c.parse().ok());
        let id = params.get("id").and_then(|id| id.parse::<i64>().ok());
        (collection, id)
    });
    let loaded = LocalResource::new(move || {
        let (collection, id) = target.get();
        async move {
            match (collection, id) {
                (Some(collection), Some(id)) => get_item(session, collection, id).await.map(Some),
                (Some(_), None) => Ok(None),
                (None, _) => Err(ApiError::Status(404)),
            }
        }
    });
    let retry = Callback::new(move |()| loaded.refetch());
    let body = move || {
        Suspend::new(async move {
            let collection = target.get_untracked().0.unwrap_or(Collection::Articles);
            match loaded.await {
                Ok(item) => view! { <ItemEditor collection initial=item /> }.into_any(),
                Err(error) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            }
        })
    };
    view! {
        <div class="wrap page">
            <p>
                <A href="/admin/content" attr:data-testid="editor-back">{tr(|t| t.editorial.back_to_list)}</A>
            </p>
            <Transition fallback=|| view! { <Loading /> }>{body}</Transition>
        </div>
    }
}

/// Where unsaved edits of an item are kept in this browser.
fn storage_key(collection: Collection, id: Option<i64>) -> String {
    match id {
        Some(id) => format!("cecop-edit-{collection}-{id}"),
        None => format!("cecop-edit-{collection}-new"),
    }
}

/// Edits kept for an item, and the version they were made on.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Kept {
    version: Option<i64>,
    edits: Edits,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load_kept(key: &str) -> Option<Kept> {
    let raw = storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&raw).ok()
}

fn store_kept(key: &str, kept: Option<&Kept>) {
    let Some(storage) = storage() else { return };
    // Storage may be refused (private browsing): edits then last as long as
    // the page.
    match kept.and_then(|k| serde_json::to_string(k).ok()) {
        Some(raw) => storage.set_item(key, &raw).ok(),
        None => storage.remove_item(key).ok(),
    };
}

/// The editor of one item (`initial`), or of a new article.
#[component]
fn ItemEditor(collection: Collection, initial: Option<Versioned>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let navigate = use_navigate();
    let id = initial.as_ref().map(|v| v.item.id);
    let key = storage_key(collection, id);
    let saved_edits = initial
        .as_ref()
        .map_or_else(|| Edits::blank(collection), |v| Edits::of(&v.item.document));
    let current = RwSignal::new(initial);
    let saved = RwSignal::new(saved_edits.clone());
    // Edits kept in the browser from an earlier visit, made on this version.
    let kept = load_kept(&key).filter(|k| {
        k.version == current.with_untracked(|v| v.as_ref().map(|v| v.item.version))
            && k.edits != saved_edits
    });
    let restored = RwSignal::new(kept.is_some());
    let edits = RwSignal::new(kept.map_or(saved_edits.clone(), |k| k.edits));
    let tab = RwSignal::new(edits.with_untracked(|e| e.default_lang.clone()));
    let dirty = Memo::new(move |_| edits.with(|e| saved.with(|s| e != s)));
    let error = RwSignal::new(None::<ApiError>);
    let conflict = RwSignal::new(None::<Versioned>);
    let busy = RwSignal::new(false);
    let just_saved = RwSignal::new(false);

    // Keep unsaved edits in the browser; forget them once saved.
    {
        let key = key.clone();
        Effect::new(move |_| {
            let version = current.with(|v| v.as_ref().map(|v| v.item.version));
            if dirty.get() {
                store_kept(
                    &key,
                    Some(&Kept {
                        version,
                        edits: edits.get(),
                    }),
                );
            } else {
                store_kept(&key, None);
            }
        });
    }
    // Leaving the page with unsaved edits asks first.
    let unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if dirty.get_untracked() {
            ev.prevent_default();
            ev.set_return_value(t().editorial.leave_question);
        }
    });
    on_cleanup(move || unload.remove());

    let on_saved = move |versioned: Versioned| {
        let fresh = Edits::of(&versioned.item.document);
        saved.set(fresh.clone());
        edits.set(fresh);
        current.set(Some(versioned));
        conflict.set(None);
        restored.set(false);
        just_saved.set(true);
    };
    // A save or action refused because someone saved first: their version
    // is fetched for the conflict screen; nothing of ours is dropped.
    let on_error = move |err: ApiError| {
        if err.status() == Some(412)
            && let Some(id) = id
        {
            spawn_local(async move {
                match get_item(session, collection, id).await {
                    Ok(theirs) => conflict.set(Some(theirs)),
                    Err(err) => error.set(Some(err)),
                }
            });
        } else {
            error.set(Some(err));
        }
    };
    let save = Callback::new(move |()| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        just_saved.set(false);
        error.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            let mine = edits.get_untracked();
            let outcome = match current.get_untracked() {
                Some(v) => {
                    let patch = mine.patch(&saved.get_untracked());
                    patch_item(session, collection, v.item.id, &v.etag, &patch).await
                }
                None => create_item(session, collection, &mine.document()).await,
            };
            busy.set(false);
            match outcome {
                Ok(versioned) => {
                    let created = id.is_none();
                    let href = editor_href(collection, versioned.item.id);
                    on_saved(versioned);
                    if created {
                        store_kept(&storage_key(collection, None), None);
                        navigate(&href, Default::default());
                    }
                }
                Err(err) => on_error(err),
            }
        });
    });
    let shortcut = window_event_listener(leptos::ev::keydown, move |ev| {
        if (ev.ctrl_key() || ev.meta_key()) && ev.key().eq_ignore_ascii_case("s") {
            ev.prevent_default();
            save.run(());
        }
    });
    on_cleanup(move || shortcut.remove());
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        save.run(());
    };
    let message = Signal::derive(move || {
        error.with(|e| {
            e.as_ref()
                .map(|e| error_summary(t(), i18n.lang().code(), e))
        })
    });
    let discard = move |_| {
        edits.set(saved.get_untracked());
        restored.set(false);
    };
    let take_theirs = Callback::new(move |theirs: Versioned| on_saved(theirs));
    let keep_mine = Callback::new(move |theirs: Versioned| {
        // Only what this editor changed since the version they started
        // from is sent, over theirs: their other changes stay.
        current.set(Some(theirs));
        conflict.set(None);
        save.run(());
    });
    let heading = move || match current.get() {
        Some(v) => v
            .item
            .document
            .content
            .translations
            .get(&v.item.document.content.default_lang)
            .map(|t| t.title.clone())
            .unwrap_or_default(),
        None => t().editorial.new_item(collection).to_owned(),
    };
    let status_line = move || {
        current.get().map(|v| {
            let status = t().editorial.status(v.item.status);
            let by = v.item.updated_by.clone().unwrap_or_default();
            view! {
                <p class="muted" data-testid="editor-status" data-status=v.item.status.as_str()>
                    {(t().editorial.status_line)(status, v.item.version, &by)}
                </p>
            }
        })
    };
    let public_link = move || {
        current.get().and_then(|v| {
            (v.item.status == ContentStatus::Published).then(|| {
                let section = match collection {
                    Collection::Articles => "news",
                    Collection::Events => "events",
                    Collection::Stories => "cooptales",
                };
                let href = format!("/{section}/{}", v.item.document.slug);
                view! { <p><a href=href data-testid="editor-public-link">{tr(|t| t.editorial.view_public)}</a></p> }
            })
        })
    };
    let on_action = Callback::new(move |versioned: Versioned| on_saved(versioned));
    let on_action_error = Callback::new(on_error);
    view! {
        <LeaveGuard dirty=Signal::from(dirty) />
        <h1 data-testid="editor-heading">{heading}</h1>
        {status_line}
        {public_link}
        <Show when=move || restored.get()>
            <div class="notice" role="status">
                <p>{tr(|t| t.editorial.restored_local)}</p>
                <button type="button" class="text-button" on:click=discard>
                    {tr(|t| t.editorial.discard_local)}
                </button>
            </div>
        </Show>
        {move || {
            conflict
                .get()
                .map(|theirs| {
                    view! {
                        <ConflictPanel
                            theirs
                            base=saved.get_untracked()
                            mine=edits.get_untracked()
                            on_take_theirs=take_theirs
                            on_keep_mine=keep_mine
                        />
                    }
                })
        }}
        <form class="stack-form editor" on:submit=on_submit novalidate>
            <FormAlert id="editor-error" message />
            <div role="status" class="form-success">
                {move || {
                    if just_saved.get() && !dirty.get() {
                        view! { <p data-testid="editor-saved">{t().editorial.saved}</p> }.into_any()
                    } else if dirty.get() {
                        view! { <p class="muted" data-testid="editor-unsaved">{t().editorial.unsaved}</p> }
                            .into_any()
                    } else {
                        ().into_any()
                    }
                }}
            </div>
            <ItemFields collection edits error />
            <LanguageTabs edits tab current />
            <TranslationFields edits tab error />
            {match collection {
                Collection::Events => view! { <EventSection edits error /> }.into_any(),
                Collection::Stories => view! { <StorySection edits error /> }.into_any(),
                Collection::Articles => ().into_any(),
            }}
            <CommonFields edits error />
            <p>
                <button type="submit" class="button" data-testid="editor-save" disabled=move || busy.get()>
                    {move || if current.with(Option::is_some) { t().editorial.save } else { t().editorial.create }}
                </button>
                " "
                <span class="muted">{tr(|t| t.editorial.save_hint)}</span>
            </p>
        </form>
        {move || {
            current
                .get()
                .map(|item| {
                    view! {
                        <Actions item=item.clone() dirty=Signal::from(dirty) on_done=on_action on_error=on_action_error />
                        <SharePreview collection id=item.item.id on_error=on_action_error />
                        <Revisions item on_restored=on_action on_error=on_action_error />
                    }
                })
        }}
    }
}

/// What went wrong with a save: for refused fields, each named with its
/// message, wherever it is (another language's tab, an event's times).
fn error_summary(t: &'static crate::i18n::Strings, lang: &str, error: &ApiError) -> String {
    if let ApiError::Problem(problem) = error
        && problem.status == 422
        && !problem.errors.is_empty()
    {
        let fields: Vec<String> = problem
            .errors
            .iter()
            .map(|e| format!("{}: {}", field_label(t, &e.field), e.text(lang)))
            .collect();
        return format!("{} {}", t.form_fix_fields, fields.join(" · "));
    }
    error_text(t, error)
}

/// The fields of the item as a whole: slug, kind, visibility, default
/// language.
#[component]
fn ItemFields(
    collection: Collection,
    edits: RwSignal<Edits>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let slug_message = field_error(error, "slug");
    let i18n = use_i18n();
    let t = move || i18n.t();
    let kinds = ArticleKind::ALL
        .iter()
        .map(|kind| {
            let kind = *kind;
            view! {
                <option value=kind.as_str() selected=move || edits.with(|e| e.article == Some(kind))>
                    {move || t().publishing.article_kind(kind)}
                </option>
            }
        })
        .collect_view();
    let languages = SITE_LANGUAGES
        .iter()
        .map(|code| {
            let code = *code;
            view! {
                <option value=code selected=move || edits.with(|e| e.default_lang.as_str() == code)>
                    {move || crate::intl::language_name(i18n.lang().code(), code)}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for="item-slug">{tr(|t| t.editorial.field_slug)}</label>
            <input
                id="item-slug"
                aria-describedby="item-slug-hint item-slug-error"
                aria-invalid=move || slug_message.with(Option::is_some).to_string()
                prop:value=move || edits.with(|e| e.slug.clone())
                on:input=move |ev| edits.update(|e| e.slug = event_target_value(&ev))
            />
            <p class="hint" id="item-slug-hint">{tr(|t| t.editorial.slug_hint)}</p>
            <FieldMessage id="item-slug-error" message=slug_message />
        </div>
        <Show when=move || collection == Collection::Articles>
            <div class="field">
                <label for="item-kind">{tr(|t| t.editorial.field_kind)}</label>
                <select
                    id="item-kind"
                    on:change=move |ev| {
                        let kind = event_target_value(&ev).parse().ok();
                        edits.update(|e| e.article = kind);
                    }
                >
                    {kinds.clone()}
                </select>
            </div>
        </Show>
        <div class="field">
            <label for="item-visibility">{tr(|t| t.editorial.field_visibility)}</label>
            <select
                id="item-visibility"
                on:change=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse() {
                        edits.update(|e| e.visibility = v);
                    }
                }
            >
                <option value="public" selected=move || edits.with(|e| e.visibility == Visibility::Public)>
                    {tr(|t| t.editorial.public)}
                </option>
                <option value="members_only" selected=move || edits.with(|e| e.visibility == Visibility::MembersOnly)>
                    {tr(|t| t.editorial.members_only)}
                </option>
            </select>
        </div>
        <div class="field">
            <label for="item-default-lang">{tr(|t| t.editorial.field_default_lang)}</label>
            <select
                id="item-default-lang"
                on:change=move |ev| {
                    if let Ok(lang) = event_target_value(&ev).parse::<Language>() {
                        edits.update(|e| {
                            e.translations.entry(lang.clone()).or_insert_with(blank_text);
                            e.default_lang = lang;
                        });
                    }
                }
            >
                {languages}
            </select>
        </div>
    }
}

/// A tab per language: the site's four and any other the item has, each
/// with where its translation stands (as last saved).
#[component]
fn LanguageTabs(
    edits: RwSignal<Edits>,
    tab: RwSignal<Language>,
    current: RwSignal<Option<Versioned>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let codes = move || {
        let mut codes: Vec<Language> = SITE_LANGUAGES
            .iter()
            .filter_map(|c| c.parse().ok())
            .collect();
        edits.with(|e| {
            for lang in e.translations.keys() {
                if !codes.contains(lang) {
                    codes.push(lang.clone());
                }
            }
        });
        codes
    };
    let state_of = move |lang: &Language| {
        current.with(|v| {
            v.as_ref().and_then(|v| {
                v.item
                    .languages
                    .iter()
                    .find(|l| l.lang == *lang)
                    .map(|l| l.state)
            })
        })
    };
    view! {
        <div class="lang-tabs" role="group" aria-label=tr(|t| t.editorial.languages_label)>
            {move || {
                codes()
                    .into_iter()
                    .map(|lang| {
                        let state = state_of(&lang).unwrap_or(TranslationState::Missing);
                        let selected = {
                            let lang = lang.clone();
                            move || tab.with(|t| *t == lang)
                        };
                        let choose = {
                            let lang = lang.clone();
                            move |_| {
                                edits.update(|e| {
                                    e.translations.entry(lang.clone()).or_insert_with(blank_text);
                                });
                                tab.set(lang.clone());
                            }
                        };
                        let name = crate::intl::language_name(i18n.lang().code(), lang.as_str());
                        view! {
                            <button
                                type="button"
                                class="lang-tab"
                                data-lang=lang.to_string()
                                data-state=state.as_str()
                                aria-pressed=move || if selected() { "true" } else { "false" }
                                on:click=choose
                            >
                                {name}
                                " "
                                <span class="muted">{move || format!("({})", i18n.t().editorial.translation(state))}</span>
                            </button>
                        }
                    })
                    .collect_view()
            }}
        </div>
        {move || current.get().map(|v| view! { <p class="lang-badges">{language_badges(v.item.languages)}</p> })}
    }
}

/// Title, summary and body of the language of the current tab, and the
/// body as readers will see it, rendered by the server as it is typed.
#[component]
fn TranslationFields(
    edits: RwSignal<Edits>,
    tab: RwSignal<Language>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // The API's message for a text of the language being edited.
    let message = move |part: &'static str| {
        Signal::derive(move || {
            let field = format!("translations.{}.{part}", tab.get());
            let lang = i18n.lang().code();
            error.with(|e| e.as_ref().and_then(|e| e.field_message(&field, lang)))
        })
    };
    let invalid = move |part: &'static str| move || message(part).with(Option::is_some).to_string();
    let session = use_session();
    let field = move |get: fn(&TranslationText) -> String| {
        move || {
            let lang = tab.get();
            edits.with(|e| e.translations.get(&lang).map(get).unwrap_or_default())
        }
    };
    let set = move |put: fn(&mut TranslationText, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            let lang = tab.get_untracked();
            edits.update(|e| put(e.translations.entry(lang).or_insert_with(blank_text), value));
        }
    };
    // The preview follows the body after a pause in the typing.
    let body = Memo::new(move |_| field(|t| t.body.clone())());
    let settled = RwSignal::new(body.get_untracked());
    Effect::new(move |_| {
        let text = body.get();
        set_timeout(
            move || {
                if body.get_untracked() == text {
                    settled.set(text);
                }
            },
            std::time::Duration::from_millis(300),
        );
    });
    let rendered = LocalResource::new(move || {
        let text = settled.get();
        async move { preview(session, text).await }
    });
    let preview_view = move || {
        Suspend::new(async move {
            match rendered.await {
                Ok(preview) => view! {
                    <p class="muted" data-testid="preview-words">{(i18n.t().editorial.words)(preview.words)}</p>
                    <div class="prose" data-testid="editor-preview" inner_html=preview.html></div>
                }
                .into_any(),
                Err(_) => ().into_any(),
            }
        })
    };
    view! {
        <div class="editor-columns">
            <div>
                <div class="field">
                    <label for="item-title">{tr(|t| t.editorial.field_title)}</label>
                    <input
                        id="item-title"
                        maxlength="300"
                        aria-describedby="item-title-error"
                        aria-invalid=invalid("title")
                        prop:value=field(|t| t.title.clone())
                        on:input=set(|t, v| t.title = v)
                    />
                    <FieldMessage id="item-title-error" message=message("title") />
                </div>
                <div class="field">
                    <label for="item-summary">{tr(|t| t.editorial.field_summary)}</label>
                    <textarea
                        id="item-summary"
                        rows="3"
                        maxlength="1000"
                        aria-describedby="item-summary-error"
                        aria-invalid=invalid("summary")
                        prop:value=field(|t| t.summary.clone())
                        on:input=set(|t, v| t.summary = v)
                    ></textarea>
                    <FieldMessage id="item-summary-error" message=message("summary") />
                </div>
                <div class="field">
                    <label for="item-body">{tr(|t| t.editorial.field_body)}</label>
                    <textarea
                        id="item-body"
                        rows="16"
                        aria-describedby="item-body-hint item-body-error"
                        aria-invalid=invalid("body")
                        prop:value=field(|t| t.body.clone())
                        on:input=set(|t, v| t.body = v)
                    ></textarea>
                    <p class="hint" id="item-body-hint">{tr(|t| t.editorial.body_hint)}</p>
                    <FieldMessage id="item-body-error" message=message("body") />
                </div>
            </div>
            <section class="editor-preview" aria-labelledby="editor-preview-heading">
                <h2 id="editor-preview-heading">{tr(|t| t.editorial.preview_heading)}</h2>
                <Transition fallback=|| view! { <Loading /> }>{preview_view}</Transition>
            </section>
        </div>
    }
}
