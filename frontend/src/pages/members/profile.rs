//! `/members/:slug`: one member's profile, with its figures and where they
//! come from. An unknown or malformed slug shows the not-found view.

use cecop_shared::{Member, MemberStatus, MembershipTier, Slug};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::members::get_member;
use crate::components::detail_loader::{DetailLoader, use_slug};
use crate::components::illustrative_badge::IllustrativeBadge;
use crate::components::member_card::kind_label;
use crate::components::page_head::page_title;
use crate::i18n::{Strings, tr, use_i18n};
use crate::intl;
use crate::pages::members::figures::FiguresSection;

/// `/members/:slug`
#[component]
pub fn MemberProfilePage() -> impl IntoView {
    view! {
        <DetailLoader
            id=use_slug()
            // Members are not translated (yet): the language is not sent.
            fetch=|slug: Slug, _| async move { get_member(&slug).await }
            render=|member| view! { <MemberProfile member /> }.into_any()
            heading=|t| t.profile_title
            not_found=(|t| t.member_not_found_heading, |t| t.member_not_found_text)
        />
    }
}

/// The profile itself.
#[component]
fn MemberProfile(member: Member) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let summary = member.description.clone();
    let title = page_title(&member.name);
    let country = member.country;
    let kind = member.kind;
    let status = member.status;
    let membership = member.membership;
    let fact = |label: fn(&Strings) -> &'static str, value: AnyView| {
        view! {
            <div>
                <dt>{move || label(t())}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    let link = |url: String| view! { <a href=url.clone()>{display_url(&url)}</a> }.into_any();
    let sectors = (!member.sectors.is_empty()).then(|| {
        let items = member
            .sectors
            .into_iter()
            .map(|s| view! { <li>{s}</li> })
            .collect_view();
        fact(
            |t| t.field_sectors,
            view! { <ul class="tags">{items}</ul> }.into_any(),
        )
    });
    view! {
        <Title text=title />
        <Meta name="description" content=summary />
        <article class="wrap page profile">
            <p class="back">
                <a href="/members">
                    <span aria-hidden="true">"← "</span>
                    {tr(|t| t.profile_back)}
                </a>
            </p>
            <h1 data-testid="member-name">{member.name}</h1>
            {member.acronym.map(|a| view! { <p class="acronym">{a}</p> })}
            {member
                .illustrative
                .then(|| {
                    view! {
                        <p class="notice notice-illustrative notice-strong" data-testid="placeholder-notice">
                            <IllustrativeBadge />
                            " "
                            {tr(|t| t.profile_placeholder_notice)}
                        </p>
                    }
                })}
            <h2>{tr(|t| t.profile_about)}</h2>
            <p class="description">{member.description}</p>
            <h2>{tr(|t| t.profile_details)}</h2>
            <dl class="facts">
                {fact(
                    |t| t.field_country,
                    (move || intl::country_name(i18n.lang(), country)).into_any(),
                )}
                {fact(|t| t.field_kind, (move || kind_label(t(), kind)).into_any())}
                {membership
                    .map(|tier| fact(|t| t.field_membership, (move || tier_label(t(), tier)).into_any()))}
                {member.joined_year.map(|year| fact(|t| t.field_joined, year.into_any()))}
                {fact(|t| t.field_status, (move || status_label(t(), status)).into_any())}
                {member.website.map(|url| fact(|t| t.field_website, link(url)))}
                {sectors}
                {member.source_url.map(|url| fact(|t| t.field_source, link(url)))}
            </dl>
            <FiguresSection figures=member.figures />
        </article>
    }
}

/// A URL as link text: without the scheme and a trailing slash.
fn display_url(url: &str) -> String {
    let bare = url.split_once("://").map_or(url, |(_, rest)| rest);
    bare.strip_suffix('/').unwrap_or(bare).to_owned()
}

fn tier_label(t: &Strings, tier: MembershipTier) -> &'static str {
    match tier {
        MembershipTier::Full => t.tier_full,
        MembershipTier::Associate => t.tier_associate,
    }
}

fn status_label(t: &Strings, status: MemberStatus) -> &'static str {
    match status {
        MemberStatus::Active => t.status_active,
        MemberStatus::Former => t.status_former,
    }
}
