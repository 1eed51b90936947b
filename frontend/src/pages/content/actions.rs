//! An item's status actions in the editor: publish, schedule (a date and
//! time in a chosen zone, shown in the reader's own time too), back to
//! draft, archive, bring back. Each is sent under `If-Match`; while there
//! are unsaved edits they wait, so an action never publishes something
//! other than what the editor sees.

use cecop_shared::{ContentStatus, ScheduleRequest};
use chrono::NaiveDateTime;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::api::editorial::{Versioned, act};
use crate::i18n::{tr, use_i18n};
use crate::intl;
use crate::session::use_session;

/// Zones offered besides the editor's own: CECOP's members' capitals.
pub(super) const ZONES: &[&str] = &[
    "Europe/Brussels",
    "Europe/Paris",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Lisbon",
    "Europe/Berlin",
    "Europe/Warsaw",
    "Europe/Athens",
    "Europe/Helsinki",
    "Europe/London",
    "UTC",
];

/// `datetime-local` gives minutes; the API reads seconds too.
fn parse_local(value: &str) -> Option<NaiveDateTime> {
    let full = if value.len() == 16 {
        format!("{value}:00")
    } else {
        value.to_owned()
    };
    NaiveDateTime::parse_from_str(&full, "%Y-%m-%dT%H:%M:%S").ok()
}

#[component]
pub fn Actions(
    item: Versioned,
    dirty: Signal<bool>,
    on_done: Callback<Versioned>,
    on_error: Callback<ApiError>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let busy = RwSignal::new(false);
    let status = item.item.status;
    let collection = item.item.collection;
    let id = item.item.id;
    let etag = StoredValue::new(item.etag.clone());
    let run = move |action: &'static str, schedule: Option<ScheduleRequest>| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let outcome = act(
                session,
                collection,
                id,
                &etag.get_value(),
                action,
                schedule.as_ref(),
            )
            .await;
            busy.set(false);
            match outcome {
                Ok(versioned) => on_done.run(versioned),
                Err(err) => on_error.run(err),
            }
        });
    };
    let button = move |action: &'static str,
                       label: fn(&'static crate::i18n::Strings) -> &'static str| {
        view! {
            <button
                type="button"
                class="button secondary"
                data-testid=format!("action-{action}")
                disabled=move || busy.get() || dirty.get()
                on:click=move |_| run(action, None)
            >
                {tr(label)}
            </button>
        }
    };
    let can = |from: &[ContentStatus]| from.contains(&status);
    use ContentStatus::{Archived, Draft, Published, Scheduled};
    let own_zone = intl::visitor_time_zone().unwrap_or_else(|| "Europe/Brussels".to_owned());
    let mut zones: Vec<String> = vec![own_zone.clone()];
    zones.extend(
        ZONES
            .iter()
            .map(|z| (*z).to_owned())
            .filter(|z| *z != own_zone),
    );
    let local = RwSignal::new(String::new());
    let zone = RwSignal::new(own_zone);
    let schedule_error = RwSignal::new(None::<String>);
    let on_schedule = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        match parse_local(&local.get_untracked()) {
            Some(at) => {
                schedule_error.set(None);
                run(
                    "schedule",
                    Some(ScheduleRequest {
                        local: at,
                        time_zone: zone.get_untracked(),
                    }),
                );
            }
            None => schedule_error.set(Some(t().form_fix_fields.to_owned())),
        }
    };
    // When it goes public, as meant in its zone and in the reader's own.
    let when = item.item.publish_at.filter(|_| status == Scheduled).map(|at| {
        let at = at.to_rfc3339();
        let zone = item.item.publish_zone.clone().unwrap_or_else(|| "UTC".to_owned());
        let meant = intl::date_time_in(i18n.lang(), &at, &zone);
        let yours = intl::date_time(i18n.lang(), &at);
        view! {
            <p data-testid="scheduled-for">{move || (i18n.t().editorial.scheduled_for)(&meant, &zone)}</p>
            <p class="muted">{move || (i18n.t().editorial.schedule_yours)(&yours)}</p>
        }
    });
    view! {
        <section class="editor-actions" aria-labelledby="editor-actions-heading">
            <h2 id="editor-actions-heading" class="visually-hidden">{tr(|t| t.editorial.field_status)}</h2>
            {when}
            <p class="actions">
                {can(&[Draft, Scheduled]).then(|| button("publish", |t| t.editorial.publish))}
                {can(&[Published, Scheduled]).then(|| button("unpublish", |t| t.editorial.unpublish))}
                {can(&[Draft, Scheduled, Published]).then(|| button("archive", |t| t.editorial.archive))}
                {can(&[Archived]).then(|| button("restore", |t| t.editorial.unarchive))}
            </p>
            {can(&[Draft, Scheduled]).then(|| view! {
                <form class="schedule-form" on:submit=on_schedule novalidate>
                    <h3>{tr(|t| t.editorial.schedule_heading)}</h3>
                    <div class="field">
                        <label for="schedule-local">{tr(|t| t.editorial.schedule_local)}</label>
                        <input
                            id="schedule-local"
                            type="datetime-local"
                            aria-invalid=move || if schedule_error.with(Option::is_some) { "true" } else { "false" }
                            prop:value=move || local.get()
                            on:input=move |ev| local.set(event_target_value(&ev))
                        />
                    </div>
                    <div class="field">
                        <label for="schedule-zone">{tr(|t| t.editorial.schedule_zone)}</label>
                        <select id="schedule-zone" on:change=move |ev| zone.set(event_target_value(&ev))>
                            {zones
                                .into_iter()
                                .map(|z| view! { <option value=z.clone()>{z.clone()}</option> })
                                .collect_view()}
                        </select>
                    </div>
                    <p role="alert">{move || schedule_error.get()}</p>
                    <button
                        type="submit"
                        class="button secondary"
                        data-testid="action-schedule"
                        disabled=move || busy.get() || dirty.get()
                    >
                        {tr(|t| t.editorial.schedule_submit)}
                    </button>
                </form>
            })}
        </section>
    }
}
