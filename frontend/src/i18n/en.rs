//! English strings: the reference table every other language mirrors.

use super::Strings;

/// "1 thing" or "N things", for the strings below.
const fn plural(n: u64, one: &'static str, other: &'static str) -> &'static str {
    if n == 1 { one } else { other }
}

/// The interface in English.
pub const EN: Strings = Strings {
    skip_to_content: "Skip to main content",
    org_full_name: "European confederation of industrial and service cooperatives",
    nav_label: "Main",
    nav_home: "Home",
    nav_members: "Members",
    nav_api: "API",
    language_label: "Language",
    footer_address: "European Cooperative House, Avenue Milcamps 105, 1030 Brussels, Belgium",
    footer_illustrative: "Figures marked illustrative are demo data, not facts.",

    loading: "Loading…",
    updating: "Updating results…",
    retry: "Try again",
    error_heading: "Something went wrong",
    error_network: "The server could not be reached. Check your connection and try again.",
    error_decode: "The server sent an answer this page could not read.",
    error_status: |status| format!("The server answered with status {status}."),
    illustrative_badge: "Illustrative",

    home_title: "Worker, social and producer cooperatives in Europe",
    home_description: "CECOP, the European confederation of industrial and service \
        cooperatives: its member federations, countries and figures.",
    home_heading: "Democracy and solidarity at work",
    home_mission: "CECOP brings democracy and solidarity to the workplace. Its members \
        are the federations of worker, social and producer cooperatives across Europe, \
        working together for sustainable economic growth and social cohesion.",
    home_figures_heading: "The network in figures",
    stat_members: |n| plural(n, "member organisation", "member organisations"),
    stat_countries: |n| plural(n, "country", "countries"),
    stat_enterprises: |n| plural(n, "cooperative enterprise", "cooperative enterprises"),
    stat_workers: |n| plural(n, "worker", "workers"),
    figures_basis: |n| {
        format!(
            "Enterprise and worker totals add up the figures declared by {n} {}.",
            plural(n, "member", "members")
        )
    },
    illustrative_totals_note: |n| {
        format!(
            "These totals include illustrative demo figures for {n} {}: they are not facts.",
            plural(n, "member", "members")
        )
    },
    home_directory_link: "Browse the member directory",

    members_title: "Members",
    members_description: "Directory of CECOP's member federations and cooperative \
        promotion bodies, by country and kind.",
    members_heading: "Member directory",
    members_intro: "CECOP's members are national federations of cooperatives and \
        bodies that promote cooperatives. Filter the directory by country or kind, \
        or search by name.",
    filters_label: "Filter members",
    filter_country: "Country",
    filter_all_countries: "All countries",
    filter_kind: "Kind of organisation",
    filter_all_kinds: "All kinds",
    filter_search: "Search by name",
    filter_search_hint: "Name or acronym",
    filter_submit: "Search",
    filter_clear: "Clear all filters",
    members_total: |n| format!("{n} {}", plural(n, "member", "members")),
    members_empty: "No members match these filters.",
    members_past_end: "This page is past the end of the results.",
    members_first_page: "Go to the first page",
    pagination_label: "Pages of results",
    pagination_previous: "Previous page",
    pagination_next: "Next page",
    page_of: |page, pages| format!("Page {page} of {pages}"),

    kind_national_federation: "National federation",
    kind_promotion_body: "Promotion body",
    tier_full: "Full member",
    tier_associate: "Associate member",
    status_active: "Active member",
    status_former: "Former member",
    provenance_confirmed: "Confirmed",
    provenance_third_party: "Third-party source",
    provenance_illustrative: "Illustrative — demo data, not a fact",

    profile_title: "Member",
    profile_back: "All members",
    profile_placeholder_notice: "This organisation is a placeholder in the demo data, \
        not a confirmed CECOP member.",
    profile_details: "Details",
    field_country: "Country",
    field_kind: "Kind",
    field_membership: "Membership",
    field_joined: "Joined CECOP",
    field_status: "Status",
    field_website: "Website",
    field_sectors: "Sectors",
    field_source: "Source",
    profile_about: "About",
    figures_heading: "Figures",
    figures_caption: |year| match year {
        Some(year) => format!("Declared figures for {year}"),
        None => "Declared figures (year not stated)".to_owned(),
    },
    figures_provenance: "Provenance",
    figures_cooperatives: "Cooperatives",
    figures_workers: "Workers",
    figures_worker_members: "Worker-members",
    figures_turnover: "Turnover",
    figures_not_stated: "Not stated",
    figures_note: "Note",
    figures_none: "This member has not declared any figures.",

    not_found_heading: "Page not found",
    not_found_text: "There is no page at this address. It may have moved, or the link may be mistyped.",
    member_not_found_heading: "Member not found",
    member_not_found_text: "No member of CECOP has this address. It may have been renamed.",
};
