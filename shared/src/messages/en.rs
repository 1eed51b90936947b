//! The English texts: the `message` of every coded field error.

use super::Texts;

pub(super) const EN: Texts = Texts {
    lang: "en",
    indicator: |indicator| capitalise(&indicator.name("en").to_lowercase()),
    of: |coop_type| format!("of {}", coop_type.name("en").to_lowercase()),
    within: |sector| format!("in {}", sector.name("en").to_lowercase()),
    separator: ": ",
    negative: "must be a number of zero or more",
    too_large: |max| format!("is implausibly large (more than {max})"),
    not_whole: "must be a whole number",
    too_many_decimals: |decimals| match decimals {
        1 => "must have at most one decimal".to_owned(),
        2 => "must have at most two decimals".to_owned(),
        n => format!("must have at most {n} decimals"),
    },
    derived_indicator: |indicator| {
        format!("{indicator} is computed from the other figures and cannot be reported")
    },
    duplicate: "is given more than once",
    exceeds_workers: |value, workers| {
        format!("{value} is more than the {workers} workers in the same cooperatives")
    },
    needs_workers: |place| format!("give the number of workers {place} as well"),
    large_change: |value, previous, year| {
        format!("{value} against {previous} in {year}, a change of more than 50 %")
    },
    required: "is required",
    too_long: |max| format!("must be at most {max} characters"),
    too_short: |min| format!("must be at least {min} characters"),
    between: |min, max| format!("must be between {min} and {max}"),
    control_characters: "must not contain control characters",
    one_of: |values| format!("must be one of: {values}"),
    common_password: "is too common; choose a longer or less predictable one",
    contains_email: "must not contain your e-mail address",
    repeated_character: "must not repeat a single character",
    wrong_password: "is wrong",
    wrong_code: "is wrong, expired or used already",
};

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
