//! Markdown bodies: rendered to HTML on the way in, sanitised with ammonia so
//! that no stored body can make script run in a reader's browser, and
//! flattened to plain text for the search index.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

/// The longest body accepted, in characters (import, preview).
pub const BODY_MAX_CHARS: usize = 200_000;

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// The body as sanitised HTML: Markdown's output filtered through ammonia's
/// allow-list (no `<script>`, no event handlers, no `javascript:` links; links
/// get `rel="noopener noreferrer"`).
pub fn to_safe_html(markdown: &str) -> String {
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, options()));
    ammonia::clean(&raw)
}

/// The destinations of the body's links and images that readers must not
/// be sent to: anything but `http(s):`, `mailto:` and relative addresses
/// (`javascript:`, `data:`, `vbscript:`…). Rendering drops them anyway;
/// an editor is told instead of finding a dead link.
pub fn unsafe_links(markdown: &str) -> Vec<String> {
    let mut found = Vec::new();
    for event in Parser::new_ext(markdown, options()) {
        let (Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. })) =
            event
        else {
            continue;
        };
        if !safe_destination(&dest_url) && !found.iter().any(|f| f == dest_url.as_ref()) {
            found.push(dest_url.to_string());
        }
    }
    found
}

/// A relative address, or one with a scheme readers may follow.
fn safe_destination(url: &str) -> bool {
    // Browsers ignore these inside a scheme (`java\tscript:`).
    let url: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let scheme_end = url.find(':');
    let path_start = url.find(['/', '?', '#']);
    match (scheme_end, path_start) {
        // No colon before the path: relative (`/news`, `#notes`, `a:b` after a slash).
        (None, _) => true,
        (Some(colon), Some(path)) if path < colon => true,
        (Some(colon), _) => {
            let scheme = url[..colon].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
    }
}

/// The body's words without markup, for the search index and snippets.
/// Blocks are separated by a space so words of adjacent paragraphs never fuse.
pub fn to_plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => text.push(' '),
            Event::End(TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell) => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_markdown() {
        let html = to_safe_html("## Title\n\nSome **bold** [link](https://cecop.coop).");
        assert!(html.contains("<h2>Title</h2>"), "{html}");
        assert!(html.contains("<strong>bold</strong>"), "{html}");
        assert!(html.contains("rel=\"noopener noreferrer\""), "{html}");
    }

    #[test]
    fn strips_everything_that_could_run() {
        for vector in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg onload=alert(1)>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
        ] {
            let html = to_safe_html(vector).to_lowercase();
            for bad in [
                "<script",
                "onerror",
                "javascript:",
                "<iframe",
                "onload",
                "style=",
            ] {
                assert!(!html.contains(bad), "{vector:?} gave {html:?}");
            }
        }
    }

    #[test]
    fn unsafe_links_are_found() {
        let body = "[a](https://cecop.coop) [b](/news/x) [c](#top) [d](mailto:x@cecop.coop) \
                    [e](javascript:alert(1)) ![f](data:image/png;base64,AA) [g](JaVaScRiPt:x) \
                    <vbscript:msgbox> [h](?page=2) [i](news:item)";
        assert_eq!(
            unsafe_links(body),
            [
                "javascript:alert(1)",
                "data:image/png;base64,AA",
                "JaVaScRiPt:x",
                "vbscript:msgbox",
                "news:item"
            ]
        );
    }

    #[test]
    fn plain_text_keeps_words_apart() {
        assert_eq!(
            to_plain_text("# Head\n\nOne *two*\nthree\n\n- a\n- b"),
            "Head One two three a b"
        );
    }
}
