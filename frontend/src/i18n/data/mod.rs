//! The strings of the data collection — the public statistics dashboard
//! (`/data`), a member's data return (`/portal/returns`) and CECOP staff's
//! review of the returns (`/admin/returns`) — in a table of their own
//! ([`Data`], reached as `t().data`), like [`super::publishing`].
//!
//! The names of indicators, cooperative types and sectors are not here:
//! they come from `cecop_shared::returns` (`Indicator::name(lang)` and its
//! kin), the same names the API's catalogue serves. The validation messages
//! are not here either: the grid says the errors of
//! `cecop_shared::returns::validate` (and the API's) from their codes, in
//! `cecop_shared::messages`, whose texts the API's problem details share.

mod en;
mod es;
mod fr;
mod it;

use cecop_shared::{CampaignState, ImportOutcome, ReturnState, RevisionAction};

pub use en::EN;
pub use es::ES;
pub use fr::FR;
pub use it::IT;

/// Every string of the data-collection pages, for one language.
#[derive(Debug)]
pub struct Data {
    // Navigation and the home page.
    pub nav_data: &'static str,
    pub nav_data_return: &'static str,
    pub nav_returns_review: &'static str,
    /// Where the home page's totals come from: members counted from
    /// approved returns (and the latest year), members counted from the
    /// figures they declared.
    pub home_sources: fn(u64, Option<i32>, u64) -> String,
    pub home_data_link: &'static str,

    // The dashboard.
    pub dashboard_title: &'static str,
    pub dashboard_description: &'static str,
    pub dashboard_heading: &'static str,
    pub dashboard_intro: &'static str,
    pub pickers_label: &'static str,
    pub field_year: &'static str,
    pub field_indicator: &'static str,
    /// "Definition:", before the (English) definition of the indicator.
    pub indicator_definition: &'static str,
    pub headline_heading: fn(i32) -> String,
    pub head_cooperatives: &'static str,
    pub head_workers: &'static str,
    pub head_worker_member_share: &'static str,
    pub head_women_share: &'static str,
    pub head_permanent_share: &'static str,
    pub head_disability_share: &'static str,
    pub head_turnover: &'static str,
    /// "17 of 27 members responded".
    pub coverage: fn(u32, u32) -> String,
    /// "The returns of N of them are illustrative demo data, not facts."
    pub illustrative_returns: fn(u32) -> String,
    pub no_statistics_year: fn(i32) -> String,
    pub no_statistics: &'static str,
    pub charts_heading: &'static str,
    pub charts_keyboard_hint: &'static str,
    /// "{indicator} by country, {year}".
    pub chart_by_country: fn(&str, i32) -> String,
    /// "{indicator} by sector and type of cooperative, {year}".
    pub chart_by_sector: fn(&str, i32) -> String,
    /// "{indicator} over the years".
    pub chart_over_years: fn(&str) -> String,
    /// A bar chart's description: how many bars, the highest and its value.
    pub desc_bars: fn(usize, &str, &str) -> String,
    /// A stacked chart's: the largest part and its value.
    pub desc_stacked: fn(&str, &str) -> String,
    /// Bars side by side (shares, which do not add up): the highest.
    pub desc_grouped: fn(&str, &str) -> String,
    /// A line chart's: how many years, the first and the last value.
    pub desc_line: fn(usize, i32, &str, i32, &str) -> String,
    pub shares_side_by_side: &'static str,
    pub chart_no_figures: &'static str,
    pub show_table: &'static str,
    pub download_csv: &'static str,
    pub col_country: &'static str,
    pub col_sector: &'static str,
    pub col_coop_type: &'static str,
    pub col_year: &'static str,
    pub col_responding: &'static str,
    pub legend_label: &'static str,

    // A member's data return.
    pub return_title: &'static str,
    pub return_heading: fn(i32) -> String,
    pub return_intro: &'static str,
    pub no_campaign: &'static str,
    pub field_state: &'static str,
    pub field_campaign: &'static str,
    pub campaign_not_open: fn(i32) -> String,
    pub locked_submitted: &'static str,
    pub locked_approved: &'static str,
    pub returned_heading: &'static str,
    pub grid_caption: fn(i32) -> String,
    pub grid_hint: &'static str,
    pub group_enterprises: &'static str,
    pub group_employment: &'static str,
    pub group_turnover: &'static str,
    pub col_indicator: &'static str,
    /// The value of the same cell in an earlier year: "2023: 1,250".
    pub previous_value: fn(i32, &str) -> String,
    pub errors_heading: fn(usize) -> String,
    pub warnings_heading: fn(usize, i32) -> String,
    pub warnings_hint: &'static str,
    pub save: &'static str,
    pub saving: &'static str,
    pub saved: &'static str,
    pub unsaved_changes: &'static str,
    pub submit: &'static str,
    /// The submit button's accessible name: its visible text first (WCAG
    /// 2.5.3), then the year.
    pub submit_named: fn(&str) -> String,
    pub submit_question: fn(&str) -> String,
    pub submit_confirm: &'static str,
    pub submitted_notice: &'static str,
    pub import_heading: &'static str,
    pub import_intro: &'static str,
    pub import_template: &'static str,
    pub import_file: &'static str,
    pub import_check: &'static str,
    pub import_choose_first: &'static str,
    pub import_progress: &'static str,
    pub import_report_heading: &'static str,
    /// "3 new, 1 changed, 0 unchanged, 1 refused".
    pub import_summary: fn(u32, u32, u32, u32) -> String,
    pub import_refused_note: &'static str,
    pub import_run: &'static str,
    pub import_done: &'static str,
    pub col_line: &'static str,
    pub col_outcome: &'static str,
    pub col_cell: &'static str,
    pub col_message: &'static str,
    pub outcome_imported: &'static str,
    pub outcome_updated: &'static str,
    pub outcome_unchanged: &'static str,
    pub outcome_refused: &'static str,

    // The review.
    pub review_title: &'static str,
    pub review_heading: &'static str,
    pub review_intro: &'static str,
    pub review_filters_label: &'static str,
    pub all_years: &'static str,
    pub all_states: &'static str,
    pub all_members: &'static str,
    pub returns_total: fn(u64) -> String,
    pub returns_empty: &'static str,
    pub missing_heading: fn(i32) -> String,
    pub missing_none: &'static str,
    pub not_started: &'static str,
    pub col_member: &'static str,
    pub col_figures: &'static str,
    pub col_changed: &'static str,
    pub review_back: &'static str,
    pub return_not_found_heading: &'static str,
    pub return_not_found_text: &'static str,
    /// "{member}, {year}".
    pub review_return_heading: fn(&str, i32) -> String,
    pub reason_heading: &'static str,
    pub compare_heading: &'static str,
    pub compare_caption: fn(i32, Option<i32>) -> String,
    pub col_change: &'static str,
    pub no_previous: &'static str,
    pub big_change: &'static str,
    pub big_changes: fn(usize) -> String,
    pub not_reported: &'static str,
    pub history_heading: &'static str,
    pub history_empty: &'static str,
    pub col_when: &'static str,
    pub col_who: &'static str,
    pub col_action: &'static str,
    pub changed_figures: fn(usize) -> String,
    pub decision_heading: &'static str,
    pub approve: &'static str,
    pub send_back: &'static str,
    pub reopen: &'static str,
    pub field_reason: &'static str,
    pub reason_hint: &'static str,
    pub reason_required: &'static str,
    pub decided: fn(&str) -> String,
    pub nothing_to_decide: fn(&str) -> String,

    // The shared enums.
    pub campaign_planned: &'static str,
    pub campaign_open: &'static str,
    pub campaign_closed: &'static str,
    pub campaign_published: &'static str,
    pub state_draft: &'static str,
    pub state_submitted: &'static str,
    pub state_approved: &'static str,
    pub state_returned: &'static str,
    pub action_edited: &'static str,
    pub action_imported: &'static str,
    pub action_submitted: &'static str,
    pub action_approved: &'static str,
    pub action_returned: &'static str,
    pub action_reopened: &'static str,
}

impl Data {
    pub fn campaign_state(&self, state: CampaignState) -> &'static str {
        match state {
            CampaignState::Planned => self.campaign_planned,
            CampaignState::Open => self.campaign_open,
            CampaignState::Closed => self.campaign_closed,
            CampaignState::Published => self.campaign_published,
        }
    }

    pub fn return_state(&self, state: ReturnState) -> &'static str {
        match state {
            ReturnState::Draft => self.state_draft,
            ReturnState::Submitted => self.state_submitted,
            ReturnState::Approved => self.state_approved,
            ReturnState::Returned => self.state_returned,
        }
    }

    pub fn outcome(&self, outcome: ImportOutcome) -> &'static str {
        match outcome {
            ImportOutcome::Imported => self.outcome_imported,
            ImportOutcome::Updated => self.outcome_updated,
            ImportOutcome::Unchanged => self.outcome_unchanged,
            ImportOutcome::Refused => self.outcome_refused,
        }
    }

    pub fn revision_action(&self, action: RevisionAction) -> &'static str {
        match action {
            RevisionAction::Edited => self.action_edited,
            RevisionAction::Imported => self.action_imported,
            RevisionAction::Submitted => self.action_submitted,
            RevisionAction::Approved => self.action_approved,
            RevisionAction::Returned => self.action_returned,
            RevisionAction::Reopened => self.action_reopened,
        }
    }
}
