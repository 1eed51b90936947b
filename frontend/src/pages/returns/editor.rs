//! The state of a return being edited, shared by the parts of the page
//! ([`Editor`]): what the server last saved, what the grid holds now, the
//! live validation of it (the shared rules, the API's own messages, both
//! said in the page's language from their codes), the changes worth a
//! second look against last year, and whether the member may still change
//! anything.

use cecop_shared::returns::{validate, warnings};
use cecop_shared::{
    CampaignState, DataReturn, FieldError, PreviousValues, ReturnSummary, ReturnValue,
};
use leptos::prelude::*;

use crate::pages::returns::cells::{Grid, same_values};

/// A return on the page; `Copy`, so every part can hold it.
#[derive(Debug, Clone, Copy)]
pub struct Editor {
    pub year: i32,
    /// The return's state, as the server last reported it.
    pub summary: RwSignal<ReturnSummary>,
    /// The values the server last saved.
    pub saved: RwSignal<Vec<ReturnValue>>,
    /// The member's latest approved values before this year.
    pub previous: StoredValue<Option<PreviousValues>>,
    pub grid: Grid,
    /// The problems with the grid as typed, as `validate` names them.
    pub errors: Memo<Vec<FieldError>>,
    /// The problems the server named in its last refusal (cleared on typing).
    pub server_errors: RwSignal<Vec<FieldError>>,
    /// Changes of more than half against `previous`.
    pub warnings: Memo<Vec<FieldError>>,
    /// The campaign is open and the return a draft or sent back.
    pub editable: Memo<bool>,
    /// The grid differs from what is saved.
    pub dirty: Memo<bool>,
}

impl Editor {
    pub fn new(data: DataReturn) -> Self {
        let grid = Grid::new(&data.values);
        let summary = RwSignal::new(data.summary);
        let saved = RwSignal::new(data.values);
        let previous = StoredValue::new(data.previous);
        let errors = Memo::new(move |_| validate(&grid.values()));
        let warnings = Memo::new(move |_| {
            previous.with_value(|previous| match previous {
                Some(p) => warnings(&grid.values(), &p.values, p.year),
                None => Vec::new(),
            })
        });
        let editable = Memo::new(move |_| {
            summary.with(|s| s.campaign_state == CampaignState::Open && s.state.editable())
        });
        let dirty = Memo::new(move |_| saved.with(|saved| !same_values(&grid.values(), saved)));
        Self {
            year: summary.with_untracked(|s| s.year),
            summary,
            saved,
            previous,
            grid,
            errors,
            server_errors: RwSignal::new(Vec::new()),
            warnings,
            editable,
            dirty,
        }
    }

    /// Takes in the return as the server now has it.
    pub fn apply(self, data: DataReturn) {
        self.grid.load(&data.values);
        self.saved.set(data.values);
        self.summary.set(data.summary);
        self.previous.set_value(data.previous);
        self.server_errors.set(Vec::new());
    }

    /// What to say next to a cell (`field` as errors name it), in `lang`:
    /// the live problem, else the server's, without the cell's description
    /// that starts the message (the cell is right there).
    pub fn message(self, field: &str, lang: &str) -> Option<String> {
        let find = |errors: &Vec<FieldError>| {
            errors.iter().find(|e| e.field == field).map(|e| {
                e.localised_bare(lang)
                    .unwrap_or_else(|| short(&e.message).to_owned())
            })
        };
        self.errors
            .with(find)
            .or_else(|| self.server_errors.with(find))
    }

    /// True when a cell's figure changed by more than half since last year.
    pub fn warned(self, field: &str) -> bool {
        self.warnings.with(|w| w.iter().any(|e| e.field == field))
    }
}

/// A message without its leading "Cell in words: ".
pub fn short(message: &str) -> &str {
    message.split_once(": ").map_or(message, |(_, rest)| rest)
}
