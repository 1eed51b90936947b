//! The review queue's filters: campaign year, state and member. Each menu
//! navigates as soon as it changes, back to page 1; back/forward moves
//! them with the URL.

use cecop_shared::{ReturnState, Slug};
use leptos::prelude::*;

use crate::api::members::list_organisations;
use crate::api::statistics::list_campaigns;
use crate::components::choice_select::ChoiceSelect;
use crate::components::organisation_select::OrganisationSelect;
use crate::i18n::tr;
use crate::pages::review::query::ReviewQuery;
use crate::query::use_apply;

#[component]
pub fn ReviewFilters(query: Memo<ReviewQuery>) -> impl IntoView {
    let apply = use_apply(query);
    let campaigns = LocalResource::new(list_campaigns);
    let organisations = LocalResource::new(list_organisations);
    let options =
        Signal::derive(move || organisations.get().and_then(Result::ok).unwrap_or_default());

    let apply_year = apply.clone();
    let on_year = move |ev| {
        let year = event_target_value(&ev).parse::<i32>().ok();
        apply_year(&|q: &mut ReviewQuery| q.campaign = year);
    };
    let years = move || {
        let mut years: Vec<i32> = campaigns
            .get()
            .and_then(Result::ok)
            .map(|list| list.iter().map(|c| c.year).collect())
            .unwrap_or_default();
        // The URL's year, even before (or without) the campaigns.
        if let Some(year) = query.read().campaign
            && !years.contains(&year)
        {
            years.insert(0, year);
        }
        years
            .into_iter()
            .map(|year| {
                view! {
                    <option value=year.to_string() prop:selected=move || query.read().campaign == Some(year)>
                        {year}
                    </option>
                }
            })
            .collect_view()
    };

    let apply_state = apply.clone();
    let on_state = Callback::new(move |state: Option<ReturnState>| {
        apply_state(&|q: &mut ReviewQuery| q.state = state);
    });
    let state = Signal::derive(move || query.read().state);

    // The organisation menu works on a string signal: it follows the URL,
    // and a choice in it navigates.
    let member = RwSignal::new(String::new());
    Effect::new(move |_| {
        let wanted = query
            .read()
            .member
            .as_ref()
            .map(Slug::to_string)
            .unwrap_or_default();
        if member.get_untracked() != wanted {
            member.set(wanted);
        }
    });
    let apply_member = apply.clone();
    Effect::watch(
        move || member.get(),
        move |chosen, _, _| {
            let slug = chosen.parse::<Slug>().ok();
            // Set from the URL: nothing to apply.
            if slug == query.get_untracked().member {
                return;
            }
            apply_member(&|q: &mut ReviewQuery| q.member = slug.clone());
        },
        false,
    );
    view! {
        <form class="filters" role="search" aria-label=tr(|t| t.data.review_filters_label) on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="review-year">{tr(|t| t.data.field_year)}</label>
                <select id="review-year" on:change=on_year>
                    <option value="" prop:selected=move || query.read().campaign.is_none()>
                        {tr(|t| t.data.all_years)}
                    </option>
                    {years}
                </select>
            </div>
            <ChoiceSelect
                id="review-state"
                label=|t| t.data.field_state
                all=Some(|t| t.data.all_states)
                choices=ReturnState::ALL
                name=|t, state| t.data.return_state(state)
                selected=state
                on_change=on_state
            />
            <div class="field">
                <OrganisationSelect
                    id="review-member"
                    options
                    value=member
                    none_label=|t| t.data.all_members
                />
            </div>
        </form>
        {move || {
            query
                .read()
                .cleared()
                .map(|href| {
                    view! {
                        <p class="clear-filters">
                            <a href=href>{tr(|t| t.filter_clear)}</a>
                        </p>
                    }
                })
        }}
    }
}
