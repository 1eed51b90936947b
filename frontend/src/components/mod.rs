//! Widgets shared by the pages, one component per file. They take their
//! strings from the i18n context and their data as props; none calls the API.

pub mod account_nav;
pub mod article_card;
pub mod chart;
pub mod choice_select;
pub mod confirm_button;
pub mod content_card;
pub mod data_table;
pub mod detail_loader;
pub mod error_view;
pub mod eu_notice;
pub mod event_card;
pub mod filter_form;
pub mod footer;
pub mod form_alert;
pub mod header;
pub mod illustrative_badge;
pub mod item_badges;
pub mod item_header;
pub mod item_languages;
pub mod language_select;
pub mod loading;
pub mod member_card;
pub mod not_found_view;
pub mod organisation_select;
pub mod page_head;
pub mod paged_list;
pub mod pagination;
pub mod provenance_badge;
pub mod require_role;
pub mod site_search;
pub mod skip_link;
pub mod stat_card;
pub mod story_card;
pub mod text_field;
