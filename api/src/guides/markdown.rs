//! Markdown to safe HTML for operating models.
//!
//! Staff write Markdown; readers get HTML the web app can insert as it is. So the rendering keeps
//! nothing that could run or load anything: raw HTML is shown as text, links keep only `http`,
//! `https`, `mailto` and `tel` addresses and relative ones (others become plain text), and images
//! become their description. Headings move down two levels, so a model's `#` sits under the page's
//! own section heading.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// The HTML for `markdown`, safe to insert into a page.
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    // One entry per link opened: whether its tags are kept.
    let mut links: Vec<bool> = Vec::new();
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let kept = safe_url(&dest_url);
            links.push(kept);
            kept.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Link) => links
            .pop()
            .unwrap_or(false)
            .then_some(Event::End(TagEnd::Link)),
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: lower(level),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(lower(level)))),
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// Two levels down, at most `h6`.
fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// True for addresses a reader may follow: web, mail and phone links, and relative ones.
fn safe_url(url: &CowStr<'_>) -> bool {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    if ["http://", "https://", "mailto:", "tel:"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return true;
    }
    // Relative: no scheme before the first `/`, `?` or `#`. Browsers drop tabs and line breaks
    // inside a scheme, so anything with control characters is refused too.
    let head = url.split(['/', '?', '#']).next().unwrap_or("");
    !head.contains(':') && !url.chars().any(char::is_control) && !url.starts_with("//")
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_html("Hei <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn only_safe_links_are_kept() {
        let html = to_html(
            "[a](https://kirjasto.fi) [b](javascript:alert(1)) [c](/book) [d](tel:+358401234567) \
             [e](JaVaScRiPt:x) [f](//evil.example) [g](data:text/html,x)",
        );
        assert!(
            html.contains(r#"<a href="https://kirjasto.fi">a</a>"#),
            "{html}"
        );
        assert!(html.contains(r#"<a href="/book">c</a>"#), "{html}");
        assert!(
            html.contains(r#"<a href="tel:+358401234567">d</a>"#),
            "{html}"
        );
        for bad in ["javascript", "JaVaScRiPt", "evil.example", "data:"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(
            html.contains(" b ") && html.contains(" e ") && html.contains(" g"),
            "{html}"
        );
    }

    #[test]
    fn images_become_their_description_and_headings_move_down() {
        let html =
            to_html("# Vaiheet\n\n![Kuvakaappaus varauksesta](https://x.fi/k.png)\n\n## Lisää");
        assert!(html.contains("<h3>Vaiheet</h3>"), "{html}");
        assert!(html.contains("<h4>Lisää</h4>"), "{html}");
        assert!(html.contains("Kuvakaappaus varauksesta"), "{html}");
        assert!(!html.contains("<img"), "{html}");
    }

    #[test]
    fn lists_and_emphasis_render() {
        let html = to_html("1. **Varaa** aika\n2. Odota linkkiä");
        assert_eq!(
            html,
            "<ol>\n<li><strong>Varaa</strong> aika</li>\n<li>Odota linkkiä</li>\n</ol>\n"
        );
    }
}
