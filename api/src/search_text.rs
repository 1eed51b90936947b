//! Search text: accent- and case-folding (the same on both databases and for
//! queries), query tokens, and highlighted snippets.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The most words a query may have; more are ignored.
const MAX_TOKENS: usize = 8;
/// Words shown in a snippet.
const SNIPPET_WORDS: usize = 24;

/// Lowercase, without accents: `Coopérative` → `cooperative`, `Società` →
/// `societa`. Letters that decompose into a base and a mark lose the mark.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of a query, folded: runs of letters and digits. Everything else
/// (quotes, operators, punctuation) separates words, so no query syntax of
/// either database can be injected through them.
pub fn tokens(query: &str) -> Vec<String> {
    let mut seen = Vec::new();
    for word in fold(query).split(|c: char| !c.is_alphanumeric()) {
        if !word.is_empty() && !seen.iter().any(|w| w == word) {
            seen.push(word.to_owned());
        }
        if seen.len() == MAX_TOKENS {
            break;
        }
    }
    seen
}

/// An FTS5 query: every token as a prefix, all required.
pub fn fts5_query(tokens: &[String]) -> String {
    tokens
        .iter()
        .map(|t| format!("\"{t}\"*"))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// A PostgreSQL `to_tsquery('simple', …)` query: every token as a prefix,
/// all required.
pub fn tsquery(tokens: &[String]) -> String {
    tokens
        .iter()
        .map(|t| format!("{t}:*"))
        .collect::<Vec<_>>()
        .join(" & ")
}

fn escape_html(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// A passage of `text` around the first matching word, as HTML: everything is
/// escaped and words starting with a query token are wrapped in `<mark>`.
pub fn snippet(text: &str, tokens: &[String]) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let matches = |word: &str| {
        let folded = fold(word);
        let core = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
        tokens.iter().any(|t| core.starts_with(t.as_str()))
    };
    let first = words.iter().position(|w| matches(w)).unwrap_or(0);
    let start = first.saturating_sub(SNIPPET_WORDS / 3);
    let end = (start + SNIPPET_WORDS).min(words.len());
    let mut html = String::new();
    if start > 0 {
        html.push('…');
    }
    for (i, word) in words[start..end].iter().enumerate() {
        if i > 0 {
            html.push(' ');
        }
        if matches(word) {
            html.push_str("<mark>");
            escape_html(word, &mut html);
            html.push_str("</mark>");
        } else {
            escape_html(word, &mut html);
        }
    }
    if end < words.len() {
        html.push('…');
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_accents_and_case() {
        assert_eq!(
            fold("Coopérative SOCIETÀ Cooperación Ærø"),
            "cooperative societa cooperacion ærø"
        );
    }

    #[test]
    fn tokens_cannot_carry_query_syntax() {
        assert_eq!(
            tokens("\"care\" OR x* & !y:* (z)"),
            ["care", "or", "x", "y", "z"]
        );
        assert_eq!(
            fts5_query(&tokens("Coopé care")),
            "\"coope\"* AND \"care\"*"
        );
        assert_eq!(tsquery(&tokens("Coopé care")), "coope:* & care:*");
        assert!(tokens("  ,;  ").is_empty());
    }

    #[test]
    fn snippets_escape_and_mark() {
        let html = snippet("Les «coopératives» <b> & l'emploi", &tokens("cooperative"));
        assert_eq!(
            html,
            "Les <mark>«coopératives»</mark> &lt;b&gt; &amp; l&#39;emploi"
        );
    }
}
