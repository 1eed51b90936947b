//! `/admin/members/new` and `/admin/members/{slug}`: an admin creates or
//! edits a member organisation — every field, the description in each of
//! the site's languages, and its status (former members leave the active
//! directory and the counts). A change is sent as a merge patch under
//! `If-Match`; when someone changed the organisation meanwhile (its own
//! users edit their profile too) the form says so instead of overwriting.

use std::collections::BTreeMap;

use cecop_shared::{
    Language, MemberInput, MemberKind, MemberStatus, MembershipTier, Role, SITE_LANGUAGES, Slug,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::api::ApiError;
use crate::api::member_admin::{Tagged, create_member, member, patch_member};
use crate::components::error_view::ErrorView;
use crate::components::form_alert::{FormAlert, error_text, field_error};
use crate::components::loading::Loading;
use crate::components::member_card::kind_label;
use crate::components::page_head::page_title;
use crate::components::require_role::RequireRole;
use crate::components::text_field::TextField;
use crate::i18n::{tr, use_i18n};
use crate::session::use_session;

#[component]
pub fn MemberFormPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || page_title(i18n.t().editorial.members_heading) />
        <RequireRole roles=&[Role::Admin]>
            <MemberLoader />
        </RequireRole>
    }
}

#[component]
fn MemberLoader() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let slug = Memo::new(move |_| {
        params
            .read()
            .get("slug")
            .and_then(|s| s.parse::<Slug>().ok())
    });
    let loaded = LocalResource::new(move || {
        let slug = slug.get();
        async move {
            match slug {
                Some(slug) => member(session, &slug).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let retry = Callback::new(move |()| loaded.refetch());
    let body = move || {
        Suspend::new(async move {
            match loaded.await {
                Ok(initial) => view! { <MemberForm initial on_reload=retry /> }.into_any(),
                Err(error) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            }
        })
    };
    view! {
        <div class="wrap page narrow">
            <p><A href="/admin/members">{tr(|t| t.editorial.members_heading)}</A></p>
            <Transition fallback=|| view! { <Loading /> }>{body}</Transition>
        </div>
    }
}

fn optional(text: String) -> Option<String> {
    let text = text.trim().to_owned();
    (!text.is_empty()).then_some(text)
}

#[component]
fn MemberForm(initial: Option<Tagged>, on_reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let navigate = use_navigate();
    let existing = initial.as_ref().map(|m| m.member.clone());
    let etag = StoredValue::new(initial.map(|m| m.etag));
    let base = existing.clone();
    let text = |get: fn(&cecop_shared::Member) -> String| {
        RwSignal::new(existing.as_ref().map(get).unwrap_or_default())
    };
    let name = text(|m| m.name.clone());
    let acronym = text(|m| m.acronym.clone().unwrap_or_default());
    let country = text(|m| m.country.to_string());
    let website = text(|m| m.website.clone().unwrap_or_default());
    let description = text(|m| m.description.clone());
    let sectors = text(|m| m.sectors.join(", "));
    let public_contact = text(|m| m.public_contact.clone().unwrap_or_default());
    let network_contact = text(|m| m.network_contact.clone().unwrap_or_default());
    let joined = text(|m| m.joined_year.map(|y| y.to_string()).unwrap_or_default());
    let kind = RwSignal::new(
        existing
            .as_ref()
            .map_or(MemberKind::NationalFederation, |m| m.kind),
    );
    let tier = RwSignal::new(existing.as_ref().and_then(|m| m.membership));
    let status = RwSignal::new(existing.as_ref().map_or(MemberStatus::Active, |m| m.status));
    let illustrative = RwSignal::new(existing.as_ref().is_some_and(|m| m.illustrative));
    let others: Vec<(Language, RwSignal<String>)> = SITE_LANGUAGES
        .iter()
        .filter(|code| **code != "en")
        .filter_map(|code| code.parse::<Language>().ok())
        .map(|lang| {
            let value = existing
                .as_ref()
                .and_then(|m| m.descriptions.get(&lang).cloned())
                .unwrap_or_default();
            (lang, RwSignal::new(value))
        })
        .collect();
    let error = RwSignal::new(None::<ApiError>);
    let stale = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let message = Signal::derive(move || error.get().map(|e| error_text(t(), &e)));
    let input = {
        let others = others.clone();
        move || -> Result<MemberInput, ApiError> {
            let descriptions: BTreeMap<Language, String> = others
                .iter()
                .filter_map(|(lang, text)| {
                    optional(text.get_untracked()).map(|t| (lang.clone(), t))
                })
                .collect();
            let parse_err = |field: &str, e: String| {
                ApiError::Problem(cecop_shared::Problem {
                    errors: vec![cecop_shared::FieldError::new(field, e)],
                    ..cecop_shared::Problem::new(cecop_shared::ProblemKind::ValidationFailed, "")
                })
            };
            Ok(MemberInput {
                slug: base.as_ref().map(|m| m.slug.clone()),
                name: name.get_untracked(),
                acronym: optional(acronym.get_untracked()),
                country: country
                    .get_untracked()
                    .trim()
                    .parse()
                    .map_err(|e: cecop_shared::ParseError| parse_err("country", e.to_string()))?,
                kind: kind.get_untracked(),
                membership: tier.get_untracked(),
                status: status.get_untracked(),
                joined_year: match optional(joined.get_untracked()) {
                    Some(year) => Some(
                        year.parse()
                            .map_err(|_| parse_err("joined_year", "must be a year".to_owned()))?,
                    ),
                    None => None,
                },
                website: optional(website.get_untracked()),
                description: description.get_untracked(),
                descriptions,
                sectors: sectors
                    .get_untracked()
                    .split(',')
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect(),
                illustrative: illustrative.get_untracked(),
                source_url: base.as_ref().and_then(|m| m.source_url.clone()),
                public_contact: optional(public_contact.get_untracked()),
                network_contact: optional(network_contact.get_untracked()),
                figures: base.as_ref().and_then(|m| m.figures.clone()),
            })
        }
    };
    let slug = existing.as_ref().map(|m| m.slug.clone());
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let request = match input() {
            Ok(request) => request,
            Err(err) => {
                error.set(Some(err));
                return;
            }
        };
        busy.set(true);
        error.set(None);
        saved.set(false);
        let slug = slug.clone();
        let navigate = navigate.clone();
        spawn_local(async move {
            let outcome = match (&slug, etag.get_value()) {
                (Some(slug), Some(tag)) => {
                    // Every field of the form, the descriptions replaced whole.
                    let mut patch = serde_json::to_value(&request).unwrap_or_default();
                    if let Some(object) = patch.as_object_mut() {
                        object.remove("slug");
                        object.remove("figures");
                        object.remove("source_url");
                    }
                    let mut descriptions = serde_json::Map::new();
                    for code in SITE_LANGUAGES.iter().filter(|c| **c != "en") {
                        let value = code
                            .parse::<Language>()
                            .ok()
                            .and_then(|lang| request.descriptions.get(&lang).cloned())
                            .map_or(serde_json::Value::Null, serde_json::Value::String);
                        descriptions.insert((*code).to_owned(), value);
                    }
                    patch["descriptions"] = serde_json::Value::Object(descriptions);
                    patch_member(session, slug, &tag, &patch).await
                }
                _ => create_member(session, &request).await,
            };
            busy.set(false);
            match outcome {
                Ok(tagged) => {
                    if slug.is_none() {
                        navigate(
                            &format!("/admin/members/{}", tagged.member.slug),
                            Default::default(),
                        );
                    } else {
                        etag.set_value(Some(tagged.etag));
                        saved.set(true);
                    }
                }
                Err(err) if err.status() == Some(412) => stale.set(true),
                Err(err) => error.set(Some(err)),
            }
        });
    };
    let field = move |name: &'static str| field_error(error, name);
    let heading = existing
        .as_ref()
        .map_or_else(|| t().editorial.new_member.to_owned(), |m| m.name.clone());
    let kind_option = move |k: MemberKind| {
        view! { <option value=k.as_str() selected=move || kind.get() == k>{move || kind_label(t(), k)}</option> }
    };
    let description_fields = others
        .into_iter()
        .map(|(lang, value)| {
            let id = format!("member-description-{lang}");
            let label = move || {
                (t().editorial.description_in)(&crate::intl::language_name(
                    i18n.lang().code(),
                    lang.as_str(),
                ))
            };
            view! {
                <div class="field">
                    <label for=id.clone()>{label}</label>
                    <textarea
                        id=id
                        rows="4"
                        maxlength="2000"
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))
                    ></textarea>
                </div>
            }
        })
        .collect_view();
    let is_new = existing.is_none();
    view! {
        <h1 data-testid="member-form-heading">{heading}</h1>
        <Show when=move || stale.get()>
            <div class="conflict" role="alert" data-testid="member-stale">
                <p>{tr(|t| t.editorial.member_changed)}</p>
                <button type="button" class="button" on:click=move |_| on_reload.run(())>
                    {tr(|t| t.editorial.reload)}
                </button>
            </div>
        </Show>
        <form class="stack-form" on:submit=on_submit novalidate>
            <FormAlert id="member-error" message />
            <div role="status" class="form-success">
                {move || saved.get().then(|| view! { <p data-testid="member-saved">{t().editorial.saved}</p> })}
            </div>
            <TextField id="member-name" label=|t| t.editorial.field_name value=name maxlength=300 required=true error=field("name") />
            <TextField id="member-acronym" label=|t| t.editorial.field_acronym value=acronym maxlength=40 error=field("acronym") />
            <TextField id="member-country" label=|t| t.field_country value=country maxlength=2 hint=|t| t.editorial.country_hint error=field("country") />
            <div class="field">
                <label for="member-kind">{tr(|t| t.field_kind)}</label>
                <select id="member-kind" on:change=move |ev| {
                    if let Ok(k) = event_target_value(&ev).parse() { kind.set(k) }
                }>
                    {kind_option(MemberKind::NationalFederation)}
                    {kind_option(MemberKind::PromotionBody)}
                </select>
            </div>
            <div class="field">
                <label for="member-tier">{tr(|t| t.field_membership)}</label>
                <select id="member-tier" on:change=move |ev| tier.set(event_target_value(&ev).parse().ok())>
                    <option value="" selected=move || tier.get().is_none()>{tr(|t| t.editorial.no_tier)}</option>
                    <option value="full" selected=move || tier.get() == Some(MembershipTier::Full)>{tr(|t| t.tier_full)}</option>
                    <option value="associate" selected=move || tier.get() == Some(MembershipTier::Associate)>{tr(|t| t.tier_associate)}</option>
                </select>
            </div>
            <div class="field">
                <label for="member-status">{tr(|t| t.field_status)}</label>
                <select id="member-status" data-testid="member-status" on:change=move |ev| {
                    if let Ok(s) = event_target_value(&ev).parse() { status.set(s) }
                }>
                    <option value="active" selected=move || status.get() == MemberStatus::Active>{tr(|t| t.status_active)}</option>
                    <option value="former" selected=move || status.get() == MemberStatus::Former>{tr(|t| t.status_former)}</option>
                </select>
            </div>
            <TextField id="member-joined" label=|t| t.field_joined value=joined input_type="number" min=1950 max=2100 error=field("joined_year") />
            <TextField id="member-website" label=|t| t.field_website value=website input_type="url" error=field("website") />
            <TextField id="member-description" label=|t| t.editorial.description_en value=description rows=5 maxlength=2000 error=field("description") />
            {description_fields}
            <TextField id="member-sectors" label=|t| t.field_sectors value=sectors hint=|t| t.editorial.sectors_hint error=field("sectors") />
            <TextField id="member-public-contact" label=|t| t.field_public_contact value=public_contact maxlength=200 error=field("public_contact") />
            <TextField id="member-network-contact" label=|t| t.editorial.field_network_contact value=network_contact maxlength=200 error=field("network_contact") />
            <div class="field checkbox">
                <input
                    id="member-illustrative"
                    type="checkbox"
                    prop:checked=move || illustrative.get()
                    on:change=move |ev| illustrative.set(event_target_checked(&ev))
                />
                <label for="member-illustrative">{tr(|t| t.editorial.field_illustrative)}</label>
            </div>
            <button type="submit" class="button" data-testid="member-save" disabled=move || busy.get()>
                {move || if is_new { t().editorial.create_member } else { t().editorial.save }}
            </button>
        </form>
    }
}
