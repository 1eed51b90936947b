//! Numbers as each language writes them in messages. The SPA formats the
//! numbers of its pages through the browser's `Intl`; messages are built
//! on the server too, so their numbers follow the same CLDR conventions
//! here, for the four languages messages are translated into.

/// A number with thousands separators and no needless decimals: `12,500`, `1,250.5`.
pub fn format_number(value: f64) -> String {
    format_number_in(value, "en")
}

/// [`format_number`] as `lang` writes it: `12 500` and `1 250,5` in French
/// (a narrow no-break space), `12.500` and `1250,5` in Spanish (which
/// groups only from five digits), `12.500` and `1.250,5` in Italian;
/// English for any other language.
pub fn format_number_in(value: f64, lang: &str) -> String {
    let (group, point, min_digits) = match lang {
        "fr" => ("\u{202f}", ',', 4),
        "es" => (".", ',', 5),
        "it" => (".", ',', 4),
        _ => (",", '.', 4),
    };
    let negative = value < 0.0;
    let rounded = (value.abs() * 100.0).round() / 100.0;
    let whole = rounded.trunc() as u64;
    let cents = ((rounded - rounded.trunc()) * 100.0).round() as u64;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) && digits.len() >= min_digits {
            grouped.push_str(group);
        }
        grouped.push(c);
    }
    let mut out = if negative {
        format!("-{grouped}")
    } else {
        grouped
    };
    if cents > 0 {
        out.push(point);
        if cents.is_multiple_of(10) {
            out.push_str(&(cents / 10).to_string());
        } else {
            out.push_str(&format!("{cents:02}"));
        }
    }
    out
}
