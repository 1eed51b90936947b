//! `/portal/returns`: a member organisation's yearly data return — the
//! data-entry grid with live validation (the same rules and messages as
//! the API, from `cecop_shared::returns`), save and submit, last year's
//! figures for comparison, and a CSV import with a dry run first.

mod actions;
mod cells;
mod editor;
mod grid;
mod import;
mod import_report;
pub mod page;
mod status;
mod summary;

pub use cells::cell_name;
