//! The yearly data collection: campaigns, the indicator catalogue, member
//! federations' data returns, and the rules a return's values must obey.
//!
//! One file per concept: the indicator catalogue (`catalogue`, its names in
//! each language in `names`), the states of campaigns and returns
//! (`workflow`), the rules values must obey (`validation`) and the bodies
//! the API sends and receives (`wire`). Everything is re-exported here, so
//! callers name `cecop_shared::returns::X`.

mod catalogue;
mod names;
mod validation;
mod wire;
mod workflow;

pub use catalogue::{Cell, CoopType, Indicator, Sector, Unit};
pub use validation::{
    MAX_VALUE, check_value, cross_cell_problems, validate, value_problem, warnings,
};
pub use wire::{
    Campaign, CampaignRequest, DataReturn, ImportOutcome, ImportReport, ImportRow, IndicatorInfo,
    PreviousValues, ReasonRequest, ReturnSummary, ReturnValue, ReturnValuesUpdate, Revision,
    ValueChange,
};
// Where the grid and the messages' numbers are formatted; re-exported
// under its former path.
pub use crate::messages::format_number;
pub use workflow::{CampaignState, ReturnState, RevisionAction, Transition};
