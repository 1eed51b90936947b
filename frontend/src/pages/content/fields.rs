//! The editor's fields beyond the texts: what every item has (country,
//! themes, tags, the members it is about, flags), an event's kind, local
//! times in its zone, place, links and organisers, and a story's
//! cooperative, quote and photograph. Each field shows the API's message
//! for it under it, and [`field_label`] names every field of a document
//! for the error summary and the conflict screen.

use cecop_shared::{EventKind, OrganiserRole, Theme};
use leptos::prelude::*;

use super::actions::ZONES;
use super::form::{Edits, EventForm, OrganiserForm, StoryForm};
use crate::api::ApiError;
use crate::api::members::list_organisations;
use crate::components::data_table::Text;
use crate::components::form_alert::{FieldMessage, field_error};
use crate::i18n::{Strings, tr, use_i18n};

/// The words for a field of a document (`translations.fr.body`,
/// `event.venue`…), as the error summary and the conflict screen name it.
pub fn field_label(t: &'static Strings, path: &str) -> String {
    let e = &t.editorial;
    let p = &t.publishing;
    if let Some(rest) = path.strip_prefix("translations.") {
        let (lang, field) = rest.split_once('.').unwrap_or((rest, ""));
        let name = match field {
            "title" => e.field_title,
            "summary" => e.field_summary,
            "body" => e.field_body,
            _ => e.languages_label,
        };
        return format!("{name} ({})", lang.to_uppercase());
    }
    let label = match path.split('[').next().unwrap_or(path) {
        "slug" => e.field_slug,
        "visibility" => e.field_visibility,
        "default_lang" => e.field_default_lang,
        "country" => t.field_country,
        "themes" => e.field_themes,
        "tags" => e.field_tags,
        "members" => e.field_about_members,
        "eu_funded" => e.field_eu_funded,
        "illustrative" => e.field_item_illustrative,
        "attachments" => e.field_attachments,
        "article.kind" | "event.kind" => e.field_kind,
        "event.starts_local" => e.field_starts,
        "event.ends_local" => e.field_ends,
        "event.time_zone" => e.field_time_zone,
        "event.venue" => e.field_venue,
        "event.city" => e.field_city,
        "event.online_url" => e.field_online_url,
        "event.registration_url" => e.field_registration_url,
        "event.organisers" | "event.organisers.name" | "event.organisers.member" => {
            p.event_organisers
        }
        "story.cooperative" => p.field_cooperative,
        "story.sector" => p.field_sector,
        "story.quote" => e.field_quote,
        "story.photo" | "story.photo.media" => e.field_photo,
        "story.photo.alt" => e.field_photo_alt,
        _ => return path.to_owned(),
    };
    label.to_owned()
}

/// A labelled text box bound to a part of the edits, with the API's
/// message for `field` under it.
#[component]
fn EditField(
    id: &'static str,
    label: Text,
    /// The document field the API names in its messages.
    field: &'static str,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    error: RwSignal<Option<ApiError>>,
    #[prop(optional_no_strip)] hint: Option<Text>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional_no_strip)] rows: Option<u32>,
    #[prop(optional_no_strip)] maxlength: Option<u32>,
) -> impl IntoView {
    let message = field_error(error, field);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let describedby = match hint {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    let invalid = move || message.with(Option::is_some).to_string();
    let control = match rows {
        Some(rows) => view! {
            <textarea
                id=id
                rows=rows
                maxlength=maxlength
                aria-invalid=invalid
                aria-describedby=describedby
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
        }
        .into_any(),
        None => view! {
            <input
                id=id
                type=input_type
                maxlength=maxlength
                aria-invalid=invalid
                aria-describedby=describedby
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            {control}
            {hint.map(|hint| view! { <p id=hint_id class="hint">{tr(hint)}</p> })}
            <FieldMessage id=error_id message />
        </div>
    }
}

/// A text box of the edits as a whole.
fn edits_text(
    edits: RwSignal<Edits>,
    get: fn(&Edits) -> &String,
    put: fn(&mut Edits, String),
) -> (Signal<String>, Callback<String>) {
    (
        Signal::derive(move || edits.with(|e| get(e).clone())),
        Callback::new(move |value: String| edits.update(|e| put(e, value))),
    )
}

/// Country, themes, tags, the member organisations the item is about, and
/// its flags.
#[component]
pub fn CommonFields(edits: RwSignal<Edits>, error: RwSignal<Option<ApiError>>) -> impl IntoView {
    let i18n = use_i18n();
    let themes = Theme::ALL
        .iter()
        .map(|theme| {
            let theme = *theme;
            let id = format!("item-theme-{}", theme.as_str());
            view! {
                <div class="check">
                    <input
                        type="checkbox"
                        id=id.clone()
                        prop:checked=move || edits.with(|e| e.themes.contains(&theme))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            edits.update(|e| {
                                if on { e.themes.insert(theme); } else { e.themes.remove(&theme); }
                            });
                        }
                    />
                    <label for=id>{move || i18n.t().publishing.theme(theme)}</label>
                </div>
            }
        })
        .collect_view();
    let organisations = LocalResource::new(list_organisations);
    let members = move || {
        Suspend::new(async move {
            let list = organisations.await.unwrap_or_default();
            list.into_iter()
                .map(|(slug, name)| {
                    let id = format!("item-member-{slug}");
                    let key = slug.clone();
                    let checked = slug.clone();
                    view! {
                        <div class="check">
                            <input
                                type="checkbox"
                                id=id.clone()
                                prop:checked=move || edits.with(|e| e.members.contains(&checked))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let key = key.clone();
                                    edits.update(|e| {
                                        if on { e.members.insert(key); } else { e.members.remove(&key); }
                                    });
                                }
                            />
                            <label for=id>{name}</label>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let flag =
        |id: &'static str, label: Text, get: fn(&Edits) -> bool, put: fn(&mut Edits, bool)| {
            view! {
                <div class="check">
                    <input
                        type="checkbox"
                        id=id
                        prop:checked=move || edits.with(get)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            edits.update(|e| put(e, on));
                        }
                    />
                    <label for=id>{tr(label)}</label>
                </div>
            }
        };
    let (country, on_country) = edits_text(edits, |e| &e.country, |e, v| e.country = v);
    let (tags, on_tags) = edits_text(edits, |e| &e.tags, |e, v| e.tags = v);
    view! {
        <EditField
            id="item-country"
            field="country"
            label=|t| t.field_country
            value=country
            on_input=on_country
            error
            hint=Some(|t: &Strings| t.editorial.country_hint)
            maxlength=Some(2)
        />
        <fieldset>
            <legend>{tr(|t| t.editorial.field_themes)}</legend>
            {themes}
        </fieldset>
        <EditField
            id="item-tags"
            field="tags"
            label=|t| t.editorial.field_tags
            value=tags
            on_input=on_tags
            error
            hint=Some(|t: &Strings| t.editorial.tags_hint)
        />
        <fieldset class="checkbox-list">
            <legend>{tr(|t| t.editorial.field_about_members)}</legend>
            <Transition fallback=|| ()>{members}</Transition>
        </fieldset>
        {flag("item-eu-funded", |t| t.editorial.field_eu_funded, |e| e.eu_funded, |e, on| e.eu_funded = on)}
        {flag("item-illustrative", |t| t.editorial.field_item_illustrative, |e| e.illustrative, |e, on| e.illustrative = on)}
    }
}

/// Runs `put` on the edits' event, which an event always has.
fn update_event(edits: RwSignal<Edits>, put: impl FnOnce(&mut EventForm)) {
    edits.update(|e| {
        if let Some(event) = e.event.as_mut() {
            put(event);
        }
    });
}

/// A text box of a part of the edits that an item of one collection
/// always has (an event's fields, a story's).
fn part_text<P: 'static>(
    edits: RwSignal<Edits>,
    part: fn(&Edits) -> Option<&P>,
    part_mut: fn(&mut Edits) -> Option<&mut P>,
    get: fn(&P) -> &String,
    put: fn(&mut P, String),
) -> (Signal<String>, Callback<String>) {
    (
        Signal::derive(move || edits.with(|e| part(e).map(|p| get(p).clone()).unwrap_or_default())),
        Callback::new(move |value: String| {
            edits.update(|e| {
                if let Some(p) = part_mut(e) {
                    put(p, value);
                }
            })
        }),
    )
}

fn event_text(
    edits: RwSignal<Edits>,
    get: fn(&EventForm) -> &String,
    put: fn(&mut EventForm, String),
) -> (Signal<String>, Callback<String>) {
    part_text(edits, |e| e.event.as_ref(), |e| e.event.as_mut(), get, put)
}

/// An event's kind, local times in its zone, place, links and organisers.
#[component]
pub fn EventSection(edits: RwSignal<Edits>, error: RwSignal<Option<ApiError>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let kind_now = move || edits.with(|e| e.event.as_ref().map(|ev| ev.kind));
    let kinds = EventKind::ALL
        .iter()
        .map(|kind| {
            let kind = *kind;
            view! {
                <option value=kind.as_str() selected=move || kind_now() == Some(kind)>
                    {move || t().publishing.event_kind(kind)}
                </option>
            }
        })
        .collect_view();
    let zone_now = move || {
        edits.with(|e| {
            e.event
                .as_ref()
                .map(|ev| ev.time_zone.clone())
                .unwrap_or_default()
        })
    };
    let zones = move || {
        let now = zone_now();
        let mut zones: Vec<String> = ZONES.iter().map(|z| (*z).to_owned()).collect();
        if !now.is_empty() && !zones.contains(&now) {
            zones.insert(0, now.clone());
        }
        zones
            .into_iter()
            .map(|zone| {
                let selected = zone == now;
                view! { <option value=zone.clone() selected=selected>{zone.clone()}</option> }
            })
            .collect_view()
    };
    let text = |id: &'static str,
                field: &'static str,
                label: Text,
                input_type: &'static str,
                get: fn(&EventForm) -> &String,
                put: fn(&mut EventForm, String)| {
        let (value, on_input) = event_text(edits, get, put);
        view! { <EditField id field label value on_input error input_type /> }
    };
    let zone_message = field_error(error, "event.time_zone");
    view! {
        <fieldset class="item-section" data-testid="event-fields">
            <legend>{tr(|t| t.editorial.event_heading)}</legend>
            <div class="field">
                <label for="event-kind">{tr(|t| t.editorial.field_kind)}</label>
                <select
                    id="event-kind"
                    on:change=move |ev| {
                        if let Ok(kind) = event_target_value(&ev).parse() {
                            update_event(edits, |e| e.kind = kind);
                        }
                    }
                >
                    {kinds}
                </select>
            </div>
            {text("event-starts", "event.starts_local", |t| t.editorial.field_starts, "datetime-local", |e| &e.starts, |e, v| e.starts = v)}
            {text("event-ends", "event.ends_local", |t| t.editorial.field_ends, "datetime-local", |e| &e.ends, |e, v| e.ends = v)}
            <div class="field">
                <label for="event-zone">{tr(|t| t.editorial.field_time_zone)}</label>
                <select
                    id="event-zone"
                    aria-describedby="event-zone-hint event-zone-error"
                    on:change=move |ev| {
                        let zone = event_target_value(&ev);
                        update_event(edits, |e| e.time_zone = zone);
                    }
                >
                    {zones}
                </select>
                <p class="hint" id="event-zone-hint">{tr(|t| t.editorial.times_hint)}</p>
                <FieldMessage id="event-zone-error" message=zone_message />
            </div>
            {text("event-venue", "event.venue", |t| t.editorial.field_venue, "text", |e| &e.venue, |e, v| e.venue = v)}
            {text("event-city", "event.city", |t| t.editorial.field_city, "text", |e| &e.city, |e, v| e.city = v)}
            {text("event-online", "event.online_url", |t| t.editorial.field_online_url, "url", |e| &e.online_url, |e, v| e.online_url = v)}
            {text("event-registration", "event.registration_url", |t| t.editorial.field_registration_url, "url", |e| &e.registration_url, |e, v| e.registration_url = v)}
            <Organisers edits error />
        </fieldset>
    }
}

/// An event's organisers: a row each (name, member organisation, role),
/// added and removed by buttons.
#[component]
fn Organisers(edits: RwSignal<Edits>, error: RwSignal<Option<ApiError>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let organisations = LocalResource::new(list_organisations);
    let count = move || edits.with(|e| e.event.as_ref().map_or(0, |ev| ev.organisers.len()));
    let add = move |_| {
        update_event(edits, |e| {
            e.organisers.push(OrganiserForm {
                name: String::new(),
                member: String::new(),
                role: OrganiserRole::Organiser,
            })
        })
    };
    let message = Signal::derive(move || {
        let lang = i18n.lang().code();
        error.with(|e| {
            let e = e.as_ref()?;
            [
                "event.organisers",
                "event.organisers.name",
                "event.organisers.member",
            ]
            .iter()
            .find_map(|field| e.field_message(field, lang))
        })
    });
    let row = move |index: usize| {
        let get = move |pick: fn(&OrganiserForm) -> String| {
            move || {
                edits.with(|e| {
                    e.event
                        .as_ref()
                        .and_then(|ev| ev.organisers.get(index))
                        .map(pick)
                        .unwrap_or_default()
                })
            }
        };
        let put = move |apply: fn(&mut OrganiserForm, String)| {
            move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                update_event(edits, |e| {
                    if let Some(o) = e.organisers.get_mut(index) {
                        apply(o, value);
                    }
                });
            }
        };
        let name_id = format!("organiser-{index}-name");
        let member_id = format!("organiser-{index}-member");
        let role_id = format!("organiser-{index}-role");
        let member_now = get(|o| o.member.clone());
        let role_now = get(|o| o.role.as_str().to_owned());
        let options = move || {
            Suspend::new(async move {
                let list = organisations.await.unwrap_or_default();
                list.into_iter()
                    .map(|(slug, name)| {
                        let selected = {
                            let slug = slug.clone();
                            move || member_now() == slug
                        };
                        view! { <option value=slug selected=selected>{name}</option> }
                    })
                    .collect_view()
            })
        };
        let roles = OrganiserRole::ALL
            .iter()
            .map(|role| {
                let role = *role;
                view! {
                    <option value=role.as_str() selected=move || role_now() == role.as_str()>
                        {move || t().publishing.organiser_role(role)}
                    </option>
                }
            })
            .collect_view();
        let remove = move |_| {
            update_event(edits, |e| {
                if index < e.organisers.len() {
                    e.organisers.remove(index);
                }
            })
        };
        let name_now = get(|o| o.name.clone());
        view! {
            <li class="organiser-row" data-testid="organiser">
                <div class="field">
                    <label for=name_id.clone()>{tr(|t| t.editorial.field_name)}</label>
                    <input id=name_id prop:value=name_now on:input=put(|o, v| o.name = v) />
                </div>
                <div class="field">
                    <label for=member_id.clone()>{tr(|t| t.editorial.organiser_member)}</label>
                    <select id=member_id on:change=put(|o, v| o.member = v)>
                        <option value="" selected=move || get(|o| o.member.clone())().is_empty()>
                            {tr(|t| t.editorial.organiser_not_member)}
                        </option>
                        <Transition fallback=|| ()>{options}</Transition>
                    </select>
                </div>
                <div class="field">
                    <label for=role_id.clone()>{tr(|t| t.editorial.organiser_role)}</label>
                    <select
                        id=role_id
                        on:change=put(|o, v| {
                            if let Ok(role) = v.parse() {
                                o.role = role;
                            }
                        })
                    >
                        {roles}
                    </select>
                </div>
                <button type="button" class="text-button" on:click=remove>
                    {move || (t().editorial.remove_organiser)(&get(|o| o.name.clone())())}
                </button>
            </li>
        }
    };
    view! {
        <fieldset>
            <legend>{move || t().publishing.event_organisers}</legend>
            <ol class="organiser-list">{move || (0..count()).map(row).collect_view()}</ol>
            <FieldMessage id="event-organisers-error" message />
            <button type="button" class="button secondary" data-testid="organiser-add" on:click=add>
                {tr(|t| t.editorial.add_organiser)}
            </button>
        </fieldset>
    }
}

fn story_text(
    edits: RwSignal<Edits>,
    get: fn(&StoryForm) -> &String,
    put: fn(&mut StoryForm, String),
) -> (Signal<String>, Callback<String>) {
    part_text(edits, |e| e.story.as_ref(), |e| e.story.as_mut(), get, put)
}

/// A story's cooperative, sector, quote and photograph.
#[component]
pub fn StorySection(edits: RwSignal<Edits>, error: RwSignal<Option<ApiError>>) -> impl IntoView {
    let text = |id: &'static str,
                field: &'static str,
                label: Text,
                rows: Option<u32>,
                hint: Option<Text>,
                get: fn(&StoryForm) -> &String,
                put: fn(&mut StoryForm, String)| {
        let (value, on_input) = story_text(edits, get, put);
        view! { <EditField id field label value on_input error rows hint /> }
    };
    view! {
        <fieldset class="item-section" data-testid="story-fields">
            <legend>{tr(|t| t.editorial.story_heading)}</legend>
            {text("story-cooperative", "story.cooperative", |t| t.publishing.field_cooperative, None, None, |s| &s.cooperative, |s, v| s.cooperative = v)}
            {text("story-sector", "story.sector", |t| t.publishing.field_sector, None, None, |s| &s.sector, |s, v| s.sector = v)}
            {text("story-quote", "story.quote", |t| t.editorial.field_quote, Some(3), None, |s| &s.quote, |s, v| s.quote = v)}
            {text("story-photo", "story.photo.media", |t| t.editorial.field_photo, None, Some(|t| t.editorial.photo_hint), |s| &s.photo, |s, v| s.photo = v)}
            {text("story-photo-alt", "story.photo.alt", |t| t.editorial.field_photo_alt, None, None, |s| &s.photo_alt, |s, v| s.photo_alt = v)}
        </fieldset>
    }
}
