//! What is wrong with a field, as a stable code with named parameters
//! ([`Message`]), and its text in English, French, Spanish and Italian.
//!
//! A [`FieldError`] carries the English `message` integrators read, and
//! beside it the `code` and `params` a client renders in its own language.
//! The texts live here, not in the SPA, because both sides speak them: the
//! SPA shows a field error in the page's language, and the API writes the
//! `detail` of a validation problem in the language `Accept-Language` asks
//! for. English is rendered from the same tables, so `message` and the
//! English rendering of its code cannot drift apart.
//!
//! Codes are listed in `docs/api.md`; a code, once published, keeps its
//! meaning and its parameters. A client meeting a code it does not know
//! shows `message`.

mod code;
mod en;
mod es;
mod fr;
mod it;
mod numbers;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

pub use code::Code;
pub use numbers::{format_number, format_number_in};

use crate::FieldError;
use crate::returns::{Cell, CoopType, Indicator, Sector};

/// A code's named values: numbers, strings and lists of strings.
pub type Params = BTreeMap<String, serde_json::Value>;

/// The languages field errors are translated into; others get English.
pub const LANGUAGES: [&str; 4] = ["en", "fr", "es", "it"];

/// What is wrong, and with which cell of a data return, if any: the cell
/// begins the full text ("Women workers of worker cooperatives in industry:
/// …") and travels as the `cell` parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub cell: Option<Cell>,
    pub code: Code,
}

impl Message {
    /// A message about one cell of a data return.
    pub fn at(cell: Cell, code: Code) -> Self {
        Self {
            cell: Some(cell),
            code,
        }
    }

    /// Reads a code and its parameters as a field error carries them;
    /// `None` for a code this version does not know or a missing parameter.
    pub fn parse(code: &str, params: &Params) -> Option<Self> {
        let cell = match params.get("cell") {
            Some(cell) => Some(cell.as_str()?.parse().ok()?),
            None => None,
        };
        Some(Self {
            cell,
            code: Code::parse(code, params)?,
        })
    }

    /// The parameters, `cell` among them when the message has one.
    pub fn params(&self) -> Params {
        let mut params = self.code.params();
        if let Some(cell) = self.cell {
            params.insert("cell".into(), cell.field().into());
        }
        params
    }

    /// The full text in `lang` (English for a language not translated).
    pub fn render(&self, lang: &str) -> String {
        let texts = texts(lang);
        let bare = self.code.render(texts);
        match self.cell {
            Some(cell) => format!(
                "{} {}{}{bare}",
                (texts.indicator)(cell.indicator),
                place(texts, cell.coop_type, cell.sector),
                texts.separator
            ),
            None => bare,
        }
    }

    /// The text without the cell, for a place that shows the cell already
    /// (the data-entry grid, under the cell's input).
    pub fn render_bare(&self, lang: &str) -> String {
        self.code.render(texts(lang))
    }

    /// The field error: code, parameters, and the English text as `message`.
    pub fn field_error(&self, field: impl Into<String>) -> FieldError {
        FieldError::coded(field, self.code.name(), self.params(), self.render("en"))
    }
}

impl FieldError {
    /// The error's text in `lang`, from its code, when it has one this
    /// version knows.
    pub fn localised(&self, lang: &str) -> Option<String> {
        Some(self.message_code()?.render(lang))
    }

    /// [`localised`](Self::localised) without the cell the error names.
    pub fn localised_bare(&self, lang: &str) -> Option<String> {
        Some(self.message_code()?.render_bare(lang))
    }

    /// The error's text in `lang`: from its code, else `message`.
    pub fn text(&self, lang: &str) -> String {
        self.localised(lang).unwrap_or_else(|| self.message.clone())
    }

    fn message_code(&self) -> Option<Message> {
        Message::parse(self.code.as_deref()?, &self.params)
    }
}

/// The full text of `code` with `params` in `lang`, if the code is known
/// and its parameters are all there.
pub fn render(code: &str, params: &Params, lang: &str) -> Option<String> {
    Some(Message::parse(code, params)?.render(lang))
}

/// One language's texts. A plain struct, so a language that misses a text
/// does not compile. Numbers arrive formatted as the language writes them.
pub(crate) struct Texts {
    /// How the language writes numbers: its code for [`format_number_in`].
    pub lang: &'static str,
    /// The indicator as it begins a message, with a capital.
    pub indicator: fn(Indicator) -> String,
    /// "of worker cooperatives", after the indicator.
    pub of: fn(CoopType) -> String,
    /// "in industry", after the cooperative type.
    pub within: fn(Sector) -> String,
    /// Between the cell and what is wrong with it.
    pub separator: &'static str,
    pub negative: &'static str,
    /// The largest value accepted.
    pub too_large: fn(&str) -> String,
    pub not_whole: &'static str,
    /// The number of decimals allowed.
    pub too_many_decimals: fn(u32) -> String,
    pub derived_indicator: fn(Indicator) -> String,
    pub duplicate: &'static str,
    /// The value, then the workers of the same cell.
    pub exceeds_workers: fn(&str, &str) -> String,
    /// Where the workers are missing: "of worker cooperatives in industry".
    pub needs_workers: fn(&str) -> String,
    /// The value, the earlier value and its year.
    pub large_change: fn(&str, &str, i32) -> String,
    pub required: &'static str,
    pub too_long: fn(&str) -> String,
    pub too_short: fn(&str) -> String,
    /// The smallest and the largest value allowed.
    pub between: fn(&str, &str) -> String,
    pub control_characters: &'static str,
    /// The values allowed, separated by commas.
    pub one_of: fn(&str) -> String,
    pub common_password: &'static str,
    pub contains_email: &'static str,
    pub repeated_character: &'static str,
    pub wrong_password: &'static str,
    pub wrong_code: &'static str,
}

/// "of worker cooperatives in industry", in the language of `t`.
pub(crate) fn place(t: &Texts, coop_type: CoopType, sector: Sector) -> String {
    format!("{} {}", (t.of)(coop_type), (t.within)(sector))
}

fn texts(lang: &str) -> &'static Texts {
    match lang {
        "fr" => &fr::FR,
        "es" => &es::ES,
        "it" => &it::IT,
        _ => &en::EN,
    }
}
