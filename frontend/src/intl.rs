//! Locale-aware display of country names, counts and amounts through the
//! browser's `Intl` API, so no table of country names or number formats has to
//! be shipped or kept up to date.
//!
//! `Intl` is reached with `js_sys::Reflect` rather than typed bindings: the
//! constructors throw on bad input, and `Reflect::construct` turns a throw
//! into an `Err` instead of aborting the module. Every function falls back to
//! a plain rendering when `Intl` is missing or fails.

use cecop_shared::CountryCode;
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::Lang;

/// Builds `new Intl.<name>(lang, options)`, where options are string pairs.
fn intl(name: &str, lang: Lang, options: &[(&str, &str)]) -> Option<Object> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let constructor = Reflect::get(&intl, &JsValue::from_str(name))
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let opts = Object::new();
    for (key, value) in options {
        Reflect::set(&opts, &JsValue::from_str(key), &JsValue::from_str(value)).ok()?;
    }
    let args = Array::of2(&JsValue::from_str(lang.code()), &opts);
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
