//! One member in the directory's result list.

use cecop_shared::{Member, MemberKind};
use leptos::prelude::*;

use crate::components::illustrative_badge::IllustrativeBadge;
use crate::i18n::{Strings, use_i18n};
use crate::intl;

/// A list item with the member's name (linking to its profile), acronym,
/// country and kind, marked illustrative when the organisation or its
/// figures are demo data.
#[component]
pub fn MemberCard(member: Member) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/members/{}", member.slug);
    let illustrative =
        member.illustrative || member.figures.as_ref().is_some_and(|f| f.is_illustrative());
    let country = member.country;
    let kind = member.kind;
    view! {
        <li class="member-card" data-testid="member-card">
            <h3 class="member-card-name">
                <a href=href>{member.name}</a>
            </h3>
            {member.acronym.map(|acronym| view! { <p class="member-card-acronym">{acronym}</p> })}
            <p class="member-card-meta">
                <span>{move || intl::country_name(i18n.lang(), country)}</span>
                <span aria-hidden="true">" · "</span>
                <span>{move || kind_label(i18n.t(), kind)}</span>
            </p>
            {illustrative.then(|| view! { <IllustrativeBadge /> })}
        </li>
    }
}

/// The words for a kind of member.
pub fn kind_label(t: &Strings, kind: MemberKind) -> &'static str {
    match kind {
        MemberKind::NationalFederation => t.kind_national_federation,
        MemberKind::PromotionBody => t.kind_promotion_body,
    }
}
