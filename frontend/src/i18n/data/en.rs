//! English strings of the data-collection pages: the reference the other
//! languages mirror.

use super::Data;
use crate::i18n::en::plural;

/// The data-collection pages in English.
pub const EN: Data = Data {
    nav_data: "Data",
    nav_data_return: "Data return",
    nav_returns_review: "Returns review",
    home_sources: |returns, year, declared| {
        let from_returns = match year {
            Some(year) => format!(
                "{returns} {} counted from {} approved data returns (latest: {year})",
                plural(returns, "member is", "members are"),
                plural(returns, "its", "their"),
            ),
            None => format!(
                "{returns} {} counted from approved data returns",
                plural(returns, "member is", "members are"),
            ),
        };
        format!(
            "Where the totals come from: {from_returns}; {declared} {} from the figures \
             {} on {} profile.",
            plural(declared, "member", "members"),
            plural(declared, "it declared", "they declared"),
            plural(declared, "its", "their"),
        )
    },
    home_data_link: "Explore the statistics",

    dashboard_title: "Data and statistics",
    dashboard_description: "Cooperatives, workers and turnover of CECOP's member federations, \
        by country, sector and type of cooperative, from their yearly data returns.",
    dashboard_heading: "The network in data",
    dashboard_intro: "Every year CECOP's members report the cooperatives they bring together, \
        their workers and their turnover. The figures below add up the returns CECOP has \
        approved for a year, once the year is published.",
    pickers_label: "Choose the figures",
    field_year: "Year",
    field_indicator: "Figure",
    indicator_definition: "Definition:",
    headline_heading: |year| format!("Headline figures for {year}"),
    head_cooperatives: "cooperatives",
    head_workers: "workers",
    head_worker_member_share: "of workers are members of their cooperative",
    head_women_share: "of workers are women",
    head_permanent_share: "of workers have a permanent contract",
    head_disability_share: "of workers have a disability",
    head_turnover: "turnover",
    coverage: |responding, total| {
        format!(
            "{responding} of {total} {} responded",
            plural(u64::from(total), "member", "members")
        )
    },
    illustrative_returns: |n| {
        format!(
            "The {} of {n} of them {} illustrative demo data, not facts.",
            plural(u64::from(n), "return", "returns"),
            plural(u64::from(n), "is", "are"),
        )
    },
    no_statistics_year: |year| format!("No statistics are published for {year}."),
    no_statistics: "No statistics are published yet.",
    charts_heading: "Breakdowns",
    charts_keyboard_hint: "Each bar and point of a chart can be reached with the Tab key and \
        reads its figure; every chart is also given as a table.",
    chart_by_country: |indicator, year| format!("{indicator} by country, {year}"),
    chart_by_sector: |indicator, year| {
        format!("{indicator} by sector and type of cooperative, {year}")
    },
    chart_over_years: |indicator| format!("{indicator} over the years"),
    desc_bars: |n, label, value| {
        format!(
            "A bar chart of {n} {}. The highest is {label}, with {value}.",
            plural(n as u64, "bar", "bars")
        )
    },
    desc_stacked: |label, value| {
        format!(
            "One bar per sector, divided by type of cooperative. The largest part is {label}, \
             with {value}."
        )
    },
    desc_grouped: |label, value| {
        format!(
            "One group of bars per sector, one bar per type of cooperative. The highest is \
             {label}, with {value}."
        )
    },
    desc_line: |n, first_year, first, last_year, last| {
        format!(
            "A line over {n} {}: {first} in {first_year}, {last} in {last_year}.",
            plural(n as u64, "year", "years")
        )
    },
    shares_side_by_side: "Percentages do not add up, so the bars stand side by side.",
    chart_no_figures: "No figures to draw.",
    show_table: "Show the figures as a table",
    download_csv: "Download as CSV",
    col_country: "Country",
    col_sector: "Sector",
    col_coop_type: "Type of cooperative",
    col_year: "Year",
    col_responding: "Members responding",
    legend_label: "Types of cooperative",

    return_title: "Data return",
    return_heading: |year| format!("Data return {year}"),
    return_intro: "Report your cooperatives' figures for the year, by type of cooperative \
        and sector. Leave a cell empty when you have no figure for it. Save as often as you \
        like; submit when the return is complete.",
    no_campaign: "There is no data collection yet.",
    field_state: "State",
    field_campaign: "Data collection",
    campaign_not_open: |year| {
        format!("The {year} data collection is not open: the return can be read but not changed.")
    },
    locked_submitted: "The return is submitted and waits for CECOP's review; it cannot be \
        changed meanwhile.",
    locked_approved: "The return is approved; it can no longer be changed.",
    returned_heading: "CECOP sent the return back",
    grid_caption: |year| format!("Figures for {year}, by type of cooperative and sector"),
    grid_hint: "Type whole numbers without thousands separators; turnover in euros may have \
        two decimals after a dot. Under a cell, its figure of an earlier year.",
    group_enterprises: "Cooperatives",
    group_employment: "Employment",
    group_turnover: "Turnover",
    col_indicator: "Figure",
    previous_value: |year, value| format!("{year}: {value}"),
    errors_heading: |n| format!("{n} {} to fix", plural(n as u64, "problem", "problems")),
    warnings_heading: |n, year| {
        format!(
            "{n} {} changed by more than half since {year}",
            plural(n as u64, "figure", "figures")
        )
    },
    warnings_hint: "Check them: they may be right, and you can still save and submit.",
    save: "Save",
    saving: "Saving…",
    saved: "Saved.",
    unsaved_changes: "Unsaved changes.",
    submit: "Submit for review",
    submit_named: |year| format!("Submit for review: the {year} return"),
    submit_question: |year| {
        format!("Submit the {year} return to CECOP? You cannot change it while it is reviewed.")
    },
    submit_confirm: "Yes, submit",
    submitted_notice: "Submitted. CECOP will review the return.",
    import_heading: "Import from a CSV file",
    import_intro: "A CSV file has the columns indicator, coop_type, sector and value, one \
        figure per row, for example workers,social,services,1250. Use a dot for decimals and \
        no thousands separators. Cells the file does not mention keep their figures. The \
        file is checked first; nothing is written until you import it.",
    import_template: "Download the current figures as a CSV file",
    import_file: "CSV file",
    import_check: "Check the file",
    import_choose_first: "Choose a file first.",
    import_progress: "Upload",
    import_report_heading: "What the import would do",
    import_summary: |imported, updated, unchanged, refused| {
        format!("{imported} new, {updated} changed, {unchanged} unchanged, {refused} refused.")
    },
    import_refused_note: "Nothing can be imported while a row is refused: correct the file \
        and check it again.",
    import_run: "Import these figures",
    import_done: "Imported. The grid shows the return as it now is.",
    col_line: "Line",
    col_outcome: "Outcome",
    col_cell: "Cell",
    col_message: "Message",
    outcome_imported: "New",
    outcome_updated: "Changed",
    outcome_unchanged: "Unchanged",
    outcome_refused: "Refused",

    review_title: "Returns review",
    review_heading: "Data returns",
    review_intro: "The members' yearly data returns. Open a submitted return to approve it \
        or to send it back with a reason.",
    review_filters_label: "Filter returns",
    all_years: "All years",
    all_states: "All states",
    all_members: "All members",
    returns_total: |n| format!("{n} {}", plural(n, "return", "returns")),
    returns_empty: "No returns match these filters.",
    missing_heading: |year| format!("Still to send their {year} return"),
    missing_none: "Every active member has sent its return.",
    not_started: "Not started",
    col_member: "Member",
    col_figures: "Figures",
    col_changed: "Last change",
    review_back: "All returns",
    return_not_found_heading: "No such return",
    return_not_found_text: "There is no data return at this address.",
    review_return_heading: |member, year| format!("{member}, {year}"),
    reason_heading: "Reason given",
    compare_heading: "Figures",
    compare_caption: |year, previous| match previous {
        Some(previous) => format!("Figures for {year}, beside those of {previous}"),
        None => format!("Figures for {year}"),
    },
    col_change: "Change",
    no_previous: "The member has no approved return of an earlier year to compare with.",
    big_change: "more than 50 %",
    big_changes: |n| {
        format!(
            "{n} {} changed by more than 50 %; {} highlighted.",
            plural(n as u64, "figure", "figures"),
            plural(n as u64, "it is", "they are")
        )
    },
    not_reported: "—",
    history_heading: "History",
    history_empty: "Nothing has happened to this return yet.",
    col_when: "When",
    col_who: "Who",
    col_action: "Action",
    changed_figures: |n| format!("{n} {} changed", plural(n as u64, "figure", "figures")),
    decision_heading: "Decision",
    approve: "Approve",
    send_back: "Send back to the member",
    reopen: "Reopen",
    field_reason: "Reason, for the member",
    reason_hint: "Required to send a return back or to reopen it; the member reads it.",
    reason_required: "Give a reason.",
    decided: |state| format!("Done: the return is now {state}."),
    nothing_to_decide: |state| format!("Nothing to decide: the return is {state}."),

    campaign_planned: "planned",
    campaign_open: "open",
    campaign_closed: "closed",
    campaign_published: "published",
    state_draft: "Draft",
    state_submitted: "Submitted",
    state_approved: "Approved",
    state_returned: "Sent back",
    action_edited: "Edited",
    action_imported: "Imported from CSV",
    action_submitted: "Submitted",
    action_approved: "Approved",
    action_returned: "Sent back",
    action_reopened: "Reopened",
};
