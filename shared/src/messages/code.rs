//! The codes themselves: each variant is one code, its fields are the
//! code's parameters (beside `cell`, which [`super::Message`] adds).

use std::fmt;

use serde_json::Value;

use super::{Message, Params, Texts, format_number_in};
use crate::FieldError;
use crate::returns::{CoopType, Indicator, Sector};

/// What is wrong with a value. The doc of each variant gives its code and
/// its parameters besides `cell`.
#[derive(Debug, Clone, PartialEq)]
pub enum Code {
    /// `negative`: not a number of zero or more (or not a number at all).
    Negative,
    /// `too_large {max}`: more than the largest value accepted.
    TooLarge { max: f64 },
    /// `not_whole`: a count with decimals.
    NotWhole,
    /// `too_many_decimals {decimals}`: more decimals than the indicator has.
    TooManyDecimals { decimals: u32 },
    /// `derived_indicator {indicator}`: a share, computed, never reported.
    DerivedIndicator { indicator: Indicator },
    /// `duplicate`: the same cell twice in one set of values.
    Duplicate,
    /// `exceeds_workers {value, workers}`: a sub-count above the workers of
    /// the same cooperative type and sector.
    ExceedsWorkers { value: f64, workers: f64 },
    /// `needs_workers {coop_type, sector}`: a sub-count without the workers
    /// of the same cooperative type and sector.
    NeedsWorkers { coop_type: CoopType, sector: Sector },
    /// `large_change {value, previous, previous_year}`: a warning, a change
    /// of more than 50 % against the previous approved year.
    LargeChange {
        value: f64,
        previous: f64,
        previous_year: i32,
    },
    /// `required`: missing or empty.
    Required,
    /// `too_long {max}`: more than `max` characters.
    TooLong { max: u64 },
    /// `too_short {min}`: fewer than `min` characters.
    TooShort { min: u64 },
    /// `between {min, max}`: a number outside `min`–`max`.
    Between { min: u64, max: u64 },
    /// `control_characters`: text with control characters.
    ControlCharacters,
    /// `one_of {values}`: not one of the values listed.
    OneOf { values: Vec<String> },
    /// `common_password`: a password from the list of common ones.
    CommonPassword,
    /// `contains_email`: a password containing the account's e-mail address.
    ContainsEmail,
    /// `repeated_character`: a password of one character repeated.
    RepeatedCharacter,
    /// `wrong_password`: the current password does not match.
    WrongPassword,
    /// `wrong_code`: a second-factor code that is wrong, expired or used.
    WrongCode,
}

impl Code {
    /// The code as it travels, snake_case.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Negative => "negative",
            Self::TooLarge { .. } => "too_large",
            Self::NotWhole => "not_whole",
            Self::TooManyDecimals { .. } => "too_many_decimals",
            Self::DerivedIndicator { .. } => "derived_indicator",
            Self::Duplicate => "duplicate",
            Self::ExceedsWorkers { .. } => "exceeds_workers",
            Self::NeedsWorkers { .. } => "needs_workers",
            Self::LargeChange { .. } => "large_change",
            Self::Required => "required",
            Self::TooLong { .. } => "too_long",
            Self::TooShort { .. } => "too_short",
            Self::Between { .. } => "between",
            Self::ControlCharacters => "control_characters",
            Self::OneOf { .. } => "one_of",
            Self::CommonPassword => "common_password",
            Self::ContainsEmail => "contains_email",
            Self::RepeatedCharacter => "repeated_character",
            Self::WrongPassword => "wrong_password",
            Self::WrongCode => "wrong_code",
        }
    }

    /// The field error for a field that is not a cell of a return.
    pub fn field_error(self, field: impl Into<String>) -> FieldError {
        Message {
            cell: None,
            code: self,
        }
        .field_error(field)
    }

    pub(super) fn params(&self) -> Params {
        let pairs: Vec<(&str, Value)> = match self {
            Self::TooLarge { max } => vec![("max", number(*max))],
            Self::TooManyDecimals { decimals } => vec![("decimals", (*decimals).into())],
            Self::DerivedIndicator { indicator } => vec![("indicator", indicator.as_str().into())],
            Self::ExceedsWorkers { value, workers } => {
                vec![("value", number(*value)), ("workers", number(*workers))]
            }
            Self::NeedsWorkers { coop_type, sector } => vec![
                ("coop_type", coop_type.as_str().into()),
                ("sector", sector.as_str().into()),
            ],
            Self::LargeChange {
                value,
                previous,
                previous_year,
            } => vec![
                ("value", number(*value)),
                ("previous", number(*previous)),
                ("previous_year", (*previous_year).into()),
            ],
            Self::TooLong { max } => vec![("max", (*max).into())],
            Self::TooShort { min } => vec![("min", (*min).into())],
            Self::Between { min, max } => vec![("min", (*min).into()), ("max", (*max).into())],
            Self::OneOf { values } => vec![("values", values.clone().into())],
            _ => Vec::new(),
        };
        pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
    }

    pub(super) fn parse(name: &str, params: &Params) -> Option<Self> {
        let float = |key: &str| params.get(key).and_then(Value::as_f64);
        let whole = |key: &str| params.get(key).and_then(Value::as_u64);
        let text = |key: &str| params.get(key).and_then(Value::as_str);
        Some(match name {
            "negative" => Self::Negative,
            "too_large" => Self::TooLarge { max: float("max")? },
            "not_whole" => Self::NotWhole,
            "too_many_decimals" => Self::TooManyDecimals {
                decimals: whole("decimals")?.try_into().ok()?,
            },
            "derived_indicator" => Self::DerivedIndicator {
                indicator: text("indicator")?.parse().ok()?,
            },
            "duplicate" => Self::Duplicate,
            "exceeds_workers" => Self::ExceedsWorkers {
                value: float("value")?,
                workers: float("workers")?,
            },
            "needs_workers" => Self::NeedsWorkers {
                coop_type: text("coop_type")?.parse().ok()?,
                sector: text("sector")?.parse().ok()?,
            },
            "large_change" => Self::LargeChange {
                value: float("value")?,
                previous: float("previous")?,
                previous_year: params.get("previous_year")?.as_i64()?.try_into().ok()?,
            },
            "required" => Self::Required,
            "too_long" => Self::TooLong { max: whole("max")? },
            "too_short" => Self::TooShort { min: whole("min")? },
            "between" => Self::Between {
                min: whole("min")?,
                max: whole("max")?,
            },
            "control_characters" => Self::ControlCharacters,
            "one_of" => Self::OneOf {
                values: params
                    .get("values")?
                    .as_array()?
                    .iter()
                    .map(|v| v.as_str().map(str::to_owned))
                    .collect::<Option<_>>()?,
            },
            "common_password" => Self::CommonPassword,
            "contains_email" => Self::ContainsEmail,
            "repeated_character" => Self::RepeatedCharacter,
            "wrong_password" => Self::WrongPassword,
            "wrong_code" => Self::WrongCode,
            _ => return None,
        })
    }

    /// The text, without any cell, in the language of `t`.
    pub(super) fn render(&self, t: &Texts) -> String {
        let n = |value: f64| format_number_in(value, t.lang);
        match self {
            Self::Negative => t.negative.to_owned(),
            Self::TooLarge { max } => (t.too_large)(&n(*max)),
            Self::NotWhole => t.not_whole.to_owned(),
            Self::TooManyDecimals { decimals } => (t.too_many_decimals)(*decimals),
            Self::DerivedIndicator { indicator } => (t.derived_indicator)(*indicator),
            Self::Duplicate => t.duplicate.to_owned(),
            Self::ExceedsWorkers { value, workers } => {
                (t.exceeds_workers)(&n(*value), &n(*workers))
            }
            Self::NeedsWorkers { coop_type, sector } => {
                (t.needs_workers)(&super::place(t, *coop_type, *sector))
            }
            Self::LargeChange {
                value,
                previous,
                previous_year,
            } => (t.large_change)(&n(*value), &n(*previous), *previous_year),
            Self::Required => t.required.to_owned(),
            Self::TooLong { max } => (t.too_long)(&n(*max as f64)),
            Self::TooShort { min } => (t.too_short)(&n(*min as f64)),
            Self::Between { min, max } => (t.between)(&n(*min as f64), &n(*max as f64)),
            Self::ControlCharacters => t.control_characters.to_owned(),
            Self::OneOf { values } => (t.one_of)(&values.join(", ")),
            Self::CommonPassword => t.common_password.to_owned(),
            Self::ContainsEmail => t.contains_email.to_owned(),
            Self::RepeatedCharacter => t.repeated_character.to_owned(),
            Self::WrongPassword => t.wrong_password.to_owned(),
            Self::WrongCode => t.wrong_code.to_owned(),
        }
    }
}

/// The English text, for logs and the command line.
impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(super::texts("en")))
    }
}

/// A number as JSON: whole numbers without a fraction (`12`, not `12.0`).
fn number(value: f64) -> Value {
    // Below 2^53 a whole f64 converts to i64 exactly.
    if value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 {
        Value::from(value as i64)
    } else {
        Value::from(value)
    }
}
