//! Locale-aware display of country and language names, counts, amounts,
//! dates and times through the browser's `Intl` API, so no table of names,
//! number formats or time zones has to be shipped or kept up to date.
//!
//! `Intl` is reached with `js_sys::Reflect` rather than typed bindings: the
//! constructors throw on bad input, and `Reflect::construct` turns a throw
//! into an `Err` instead of aborting the module. Every function falls back to
//! a plain rendering when `Intl` is missing or fails.

use cecop_shared::returns::format_number;
use cecop_shared::{CountryCode, Indicator, Unit};
use chrono::{DateTime, NaiveDateTime, Utc};
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::Lang;

/// Builds `new Intl.<name>(lang, options)`, where options are string pairs.
fn intl(name: &str, lang: Lang, options: &[(&str, &str)]) -> Option<Object> {
    intl_in(name, lang.code(), options)
}

/// [`intl`] for any BCP 47 locale, e.g. a content language the interface lacks.
fn intl_in(name: &str, locale: &str, options: &[(&str, &str)]) -> Option<Object> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let constructor = Reflect::get(&intl, &JsValue::from_str(name))
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let opts = Object::new();
    for (key, value) in options {
        Reflect::set(&opts, &JsValue::from_str(key), &JsValue::from_str(value)).ok()?;
    }
    let args = Array::of2(&JsValue::from_str(locale), &opts);
    Reflect::construct(&constructor, &args)
        .ok()?
        .dyn_into::<Object>()
        .ok()
}

/// Calls `object.method(arg)` and returns the string result.
fn call_str(object: &Object, method: &str, arg: &JsValue) -> Option<String> {
    let function = Reflect::get(object, &JsValue::from_str(method))
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    function.call1(object, arg).ok()?.as_string()
}

/// The country's name in the given language ("Italy" for `IT` in English),
/// or the code itself when the browser cannot name it.
pub fn country_name(lang: Lang, code: CountryCode) -> String {
    intl(
        "DisplayNames",
        lang,
        &[("type", "region"), ("fallback", "code")],
    )
    .and_then(|names| call_str(&names, "of", &JsValue::from_str(code.as_str())))
    .unwrap_or_else(|| code.to_string())
}

/// Orders two names as the language's alphabet does ("Égypte" before "Espagne"
/// in French), for menus sorted by name.
pub fn compare(lang: Lang, a: &str, b: &str) -> std::cmp::Ordering {
    // The locale is one of our own valid tags, so localeCompare cannot throw.
    let locales = Array::of1(&JsValue::from_str(lang.code()));
    js_sys::JsString::from(a)
        .locale_compare(b, &locales, &Object::new())
        .cmp(&0)
}

/// A count with the language's digit grouping ("12,345" in English).
pub fn number(lang: Lang, n: u64) -> String {
    // Counts here stay far below 2^53, where f64 is exact.
    format_f64(lang, n as f64, &[("maximumFractionDigits", "0")])
        .unwrap_or_else(|| group_digits(&n.to_string()))
}

/// A signed count, as figures from member records are typed.
pub fn number_i64(lang: Lang, n: i64) -> String {
    format_f64(lang, n as f64, &[("maximumFractionDigits", "0")])
        .unwrap_or_else(|| signed_grouped(n))
}

/// An amount in euros without cents ("€1,234,567" in English).
pub fn euros(lang: Lang, amount: i64) -> String {
    let options = [
        ("style", "currency"),
        ("currency", "EUR"),
        ("maximumFractionDigits", "0"),
    ];
    format_f64(lang, amount as f64, &options)
        .unwrap_or_else(|| format!("EUR {}", signed_grouped(amount)))
}

/// A number with at most `decimals` fraction digits ("1,250.5" in English).
pub fn decimal(lang: Lang, value: f64, decimals: u32) -> String {
    let max = decimals.to_string();
    format_f64(lang, value, &[("maximumFractionDigits", max.as_str())])
        .unwrap_or_else(|| format_number(value))
}

/// A percentage given in percent, with one decimal ("50.8%"; "50,8 %" in French).
pub fn percent(lang: Lang, value: f64) -> String {
    let options = [("style", "percent"), ("maximumFractionDigits", "1")];
    format_f64(lang, value / 100.0, &options).unwrap_or_else(|| format!("{value:.1}%"))
}

/// A short form for chart axes and large amounts ("1.3M", "€62B" in English).
pub fn compact(lang: Lang, value: f64, in_euros: bool) -> String {
    let mut options = vec![("notation", "compact"), ("maximumFractionDigits", "1")];
    if in_euros {
        options.extend([("style", "currency"), ("currency", "EUR")]);
    }
    format_f64(lang, value, &options).unwrap_or_else(|| format_number(value))
}

/// An indicator's value as its unit reads: a count, euros or a percentage.
pub fn indicator_value(lang: Lang, indicator: Indicator, value: f64) -> String {
    match indicator.unit() {
        Unit::Percent => percent(lang, value),
        // Whole euros: sums of turnovers are in millions, cents would be noise.
        Unit::Eur => euros(lang, value.round() as i64),
        Unit::Enterprises | Unit::People => decimal(lang, value, 0),
    }
}

/// The short form of an indicator's value, for axes and tight spaces.
pub fn indicator_short(lang: Lang, indicator: Indicator, value: f64) -> String {
    match indicator.unit() {
        Unit::Percent => percent(lang, value),
        Unit::Eur => compact(lang, value, true),
        Unit::Enterprises | Unit::People => compact(lang, value, false),
    }
}

fn format_f64(lang: Lang, value: f64, options: &[(&str, &str)]) -> Option<String> {
    let format = intl("NumberFormat", lang, options)?;
    call_str(&format, "format", &JsValue::from_f64(value))
}

fn signed_grouped(n: i64) -> String {
    let grouped = group_digits(&n.unsigned_abs().to_string());
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// The fallback: digits grouped in threes with commas.
fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An RFC 3339 time as a short local date and time ("27 Nov 2026, 21:30" in
/// English), or the text itself when the browser cannot read or format it.
pub fn date_time(lang: Lang, rfc3339: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    intl(
        "DateTimeFormat",
        lang,
        &[("dateStyle", "medium"), ("timeStyle", "short")],
    )
    .and_then(|format| call_str(&format, "format", &date.into()))
    .unwrap_or_else(|| rfc3339.to_owned())
}

/// An RFC 3339 time as the clocks show it in an IANA `zone` ("28 Mar 2027,
/// 03:30"), or the text itself when the browser cannot format it.
pub fn date_time_in(lang: Lang, rfc3339: &str, zone: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    intl(
        "DateTimeFormat",
        lang,
        &[
            ("dateStyle", "medium"),
            ("timeStyle", "short"),
            ("timeZone", zone),
        ],
    )
    .and_then(|format| call_str(&format, "format", &date.into()))
    .unwrap_or_else(|| rfc3339.to_owned())
}

/// A language's name in the language `in_locale` ("French" for `fr` in
/// English; "français" for `fr` in `fr`), or the code when the browser cannot name it.
pub fn language_name(in_locale: &str, code: &str) -> String {
    intl_in(
        "DisplayNames",
        in_locale,
        &[("type", "language"), ("fallback", "code")],
    )
    .and_then(|names| call_str(&names, "of", &JsValue::from_str(code)))
    .unwrap_or_else(|| code.to_owned())
}

/// A day ("27 November 2026" in English), in the visitor's time zone.
pub fn date(lang: Lang, at: &DateTime<Utc>) -> String {
    intl("DateTimeFormat", lang, &[("dateStyle", "long")])
        .and_then(|format| call_str(&format, "format", &js_date(at.timestamp_millis())))
        .unwrap_or_else(|| at.date_naive().to_string())
}

/// A span of wall-clock times as the clocks show them where an event happens
/// ("16 Mar 2027, 11:00 – 12:30"). The times carry no zone: they are
/// formatted as if in UTC, which leaves their fields as they are.
pub fn local_range(lang: Lang, start: &NaiveDateTime, end: &NaiveDateTime) -> String {
    let options = [
        ("dateStyle", "medium"),
        ("timeStyle", "short"),
        ("timeZone", "UTC"),
    ];
    format_range(lang, &options, start.and_utc(), end.and_utc())
        .unwrap_or_else(|| format!("{start} – {end}"))
}

/// A span of instants in the visitor's own time zone, with the zone's short
/// name ("16 Mar 2027, 10:00 – 11:30 UTC").
pub fn visitor_range(lang: Lang, start: &DateTime<Utc>, end: &DateTime<Utc>) -> String {
    let options = [
        ("year", "numeric"),
        ("month", "short"),
        ("day", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("timeZoneName", "short"),
    ];
    // Without Intl: ISO-like text, which Display gives without a format parser.
    format_range(lang, &options, *start, *end).unwrap_or_else(|| format!("{start} – {end}"))
}

/// The visitor's IANA time zone (`Europe/Paris`), as the browser reports it.
pub fn visitor_time_zone() -> Option<String> {
    let format = intl("DateTimeFormat", Lang::default(), &[])?;
    let resolved = Reflect::get(&format, &JsValue::from_str("resolvedOptions"))
        .ok()?
        .dyn_into::<Function>()
        .ok()?
        .call0(&format)
        .ok()?;
    Reflect::get(&resolved, &JsValue::from_str("timeZone"))
        .ok()?
        .as_string()
}

/// `Intl.DateTimeFormat(lang, options).formatRange(start, end)`; `format`
/// of the start alone where `formatRange` is missing.
fn format_range(
    lang: Lang,
    options: &[(&str, &str)],
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Option<String> {
    let format = intl("DateTimeFormat", lang, options)?;
    let (start, end) = (
        js_date(start.timestamp_millis()),
        js_date(end.timestamp_millis()),
    );
    let range = Reflect::get(&format, &JsValue::from_str("formatRange"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    match range {
        Some(range) => range.call2(&format, &start, &end).ok()?.as_string(),
        None => call_str(&format, "format", &start),
    }
}

fn js_date(millis: i64) -> JsValue {
    // Times here are within a few centuries of now, where f64 is exact.
    js_sys::Date::new(&JsValue::from_f64(millis as f64)).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fallback_groups_digits_in_threes() {
        assert_eq!(group_digits("0"), "0");
        assert_eq!(group_digits("999"), "999");
        assert_eq!(group_digits("1000"), "1,000");
        assert_eq!(group_digits("1234567"), "1,234,567");
        assert_eq!(signed_grouped(-1_234), "-1,234");
    }
}
