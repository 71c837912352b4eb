//! Markdown bodies to HTML: tables, footnotes, strikethrough, heading ids,
//! smart punctuation; `@/section/slug.md` links resolved to URLs; external
//! links marked `rel="noopener"`; raw HTML escaped unless the site allows it.
//! Only safe addresses become `href`/`src` (see [`link_safety`]): any
//! other, in a link, image, reference definition, autolink or allowed raw
//! HTML, is an error at its place in the file and is left out of the HTML.

mod headings;
mod link_safety;
mod links;
mod picture;
mod video;

use crate::diag::Diagnostic;
use crate::escape;
use crate::site::BodySource;
use headings::add_heading_ids;
use link_safety::{
    check_definitions, checked_html, heading_attribute, is_reference, unsafe_address, unsafe_scheme,
};
pub use links::LinkTargets;
use links::{broken_link, is_external, LinkEnd};
use picture::picture_html;
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// Renders a body. Broken `@/` links become diagnostics pointing at the
/// link in its file; the link is left in place so rendering can go on.
pub fn render(
    body: &str,
    source: &BodySource,
    allow_html: bool,
    targets: &LinkTargets,
) -> (String, Vec<Diagnostic>) {
    render_with(body, source, allow_html, targets, None, false)
}

/// [`render`], with images the pipeline planned written as `<picture>`
/// (WebP `<source>` and a fallback `<img>` with `srcset`, `sizes`, `width`
/// and `height`). The first image is `loading="eager"` when `eager_first`
/// (a page without a lead image), every other one `loading="lazy"`.
pub fn render_with(
    body: &str,
    source: &BodySource,
    allow_html: bool,
    targets: &LinkTargets,
    images: Option<&crate::images::Plan>,
    eager_first: bool,
) -> (String, Vec<Diagnostic>) {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut diags = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let parser = Parser::new_ext(body, opts);
    check_definitions(&parser, body, source, &mut diags);
    // How each open link ends: its start tag was pulldown-cmark's, warta's
    // raw HTML, or dropped (an unsafe address).
    let mut link_stack: Vec<LinkEnd> = Vec::new();
    // Inside an image written as `<picture>`: its alt text, then its title.
    let mut picture: Option<(String, String, &crate::images::Responsive)> = None;
    // Inside a dropped image (unsafe address): how many images deep.
    let mut dropped_image = 0usize;
    // Inside an HTML block (`allow_html`): its lines, checked as one.
    let mut html_block: Option<Vec<(CowStr, Range<usize>)>> = None;
    let mut first_image = true;
    // How deep blocks and inline spans are nested: bounded, because each
    // level costs memory in every later step and no real text needs many.
    // Checked as the parser goes, before anything is collected.
    let mut depth = 0usize;
    let mut too_deep_at: Option<Range<usize>> = None;
    let bounded = parser.into_offset_iter().map_while(|(event, range)| {
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > MAX_NESTING {
            too_deep_at = Some(range);
            return None;
        }
        Some((event, range))
    });
    let pieces = video::blocks(bounded, body, source, &mut diags);
    if let Some(range) = too_deep_at {
        diags.push(too_deep(body, range, source));
        return (String::new(), diags);
    }
    for piece in pieces {
        let (event, range) = match piece {
            video::Piece::Event(event, range) => (event, range),
            video::Piece::Video(html) => {
                events.push(Event::Html(CowStr::from(html)));
                continue;
            }
        };
        if dropped_image > 0 {
            match event {
                Event::Start(Tag::Image { .. }) => dropped_image += 1,
                Event::End(TagEnd::Image) => dropped_image -= 1,
                _ => {}
            }
            continue;
        }
        if let Some((alt, title, r)) = &mut picture {
            match event {
                Event::End(TagEnd::Image) => {
                    let eager = std::mem::take(&mut first_image) && eager_first;
                    let html = picture_html(r, alt, title, eager);
                    events.push(Event::InlineHtml(CowStr::from(html)));
                    picture = None;
                }
                // As pulldown-cmark writes alt text: the plain text inside.
                Event::Text(t)
                | Event::Code(t)
                | Event::InlineMath(t)
                | Event::DisplayMath(t)
                | Event::Html(t)
                | Event::InlineHtml(t) => alt.push_str(&t),
                Event::SoftBreak | Event::HardBreak => alt.push(' '),
                _ => {}
            }
            continue;
        }
        if let Some(lines) = &mut html_block {
            if let Event::Html(h) = event {
                lines.push((h, range));
                continue;
            }
            let lines = html_block.take().unwrap_or_default();
            events.extend(checked_html(lines, true, body, source, &mut diags));
        }
        match event {
            Event::Start(Tag::Image {
                link_type,
                ref dest_url,
                ..
            }) if unsafe_scheme(dest_url).is_some() => {
                if !is_reference(link_type) {
                    diags.push(unsafe_address("image", dest_url, body, range, source));
                }
                dropped_image = 1;
            }
            Event::Start(Tag::Image {
                ref dest_url,
                ref title,
                ..
            }) if images.is_some() => {
                let r = crate::images::resolve_reference(dest_url, &source.path)
                    .and_then(|(_, url)| images?.responsive(&url));
                match r {
                    Some(r) => picture = Some((String::new(), title.to_string(), r)),
                    None => {
                        first_image = false;
                        events.push(event);
                    }
                }
            }
            Event::Html(h) | Event::InlineHtml(h) if !allow_html => events.push(Event::Text(h)),
            Event::Start(Tag::HtmlBlock) if allow_html => {
                html_block = Some(Vec::new());
                events.push(event);
            }
            Event::Html(h) => events.extend(checked_html(
                vec![(h, range)],
                true,
                body,
                source,
                &mut diags,
            )),
            Event::InlineHtml(h) => events.extend(checked_html(
                vec![(h, range)],
                false,
                body,
                source,
                &mut diags,
            )),
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                for (name, _) in &attrs {
                    diags.push(heading_attribute(name, body, range.clone(), source));
                }
                events.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs: Vec::new(),
                }));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) if unsafe_scheme(&dest_url).is_some() => {
                if !is_reference(link_type) {
                    diags.push(unsafe_address("link", &dest_url, body, range, source));
                }
                link_stack.push(LinkEnd::Dropped);
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = dest_url.to_string();
                if let Some(target) = dest.strip_prefix("@/") {
                    let url = match targets.resolve(target) {
                        Some(u) => u,
                        None => {
                            diags.push(broken_link(&dest, body, range.clone(), source, targets));
                            dest.clone()
                        }
                    };
                    link_stack.push(LinkEnd::Markdown);
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url: CowStr::from(url),
                        title,
                        id,
                    }));
                } else if is_external(&dest) {
                    let mut tag = format!("<a href=\"{}\" rel=\"noopener\"", escape::html(&dest));
                    if !title.is_empty() {
                        tag.push_str(&format!(" title=\"{}\"", escape::html(&title)));
                    }
                    tag.push('>');
                    link_stack.push(LinkEnd::Raw);
                    events.push(Event::InlineHtml(CowStr::from(tag)));
                } else {
                    link_stack.push(LinkEnd::Markdown);
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) => match link_stack.pop() {
                Some(LinkEnd::Raw) => events.push(Event::InlineHtml(CowStr::from("</a>"))),
                Some(LinkEnd::Dropped) => {}
                _ => events.push(Event::End(TagEnd::Link)),
            },
            other => events.push(other),
        }
    }
    if let Some(lines) = html_block {
        events.extend(checked_html(lines, true, body, source, &mut diags));
    }
    add_heading_ids(&mut events);
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    (aligned_by_class(html), diags)
}

/// Quotes in quotes, lists in lists, emphasis in links…: more levels than
/// this are refused (the YAML limit is the same).
pub const MAX_NESTING: usize = 32;

fn too_deep(body: &str, range: Range<usize>, source: &BodySource) -> Diagnostic {
    let at = source.span.range.start + range.start.min(body.len());
    Diagnostic::error(
        crate::diag::Span::new(source.span.file, at..at),
        crate::msg!("markdown-too-deep", levels = MAX_NESTING),
    )
    .with_help(crate::msg!("markdown-too-deep-help"))
}

/// pulldown-cmark writes a table column's alignment as a `style`
/// attribute, which the site's Content-Security-Policy (`style-src
/// 'self'`) refuses; the theme styles these classes instead.
fn aligned_by_class(html: String) -> String {
    if !html.contains(" style=\"text-align: ") {
        return html;
    }
    let mut out = html;
    for cell in ["th", "td"] {
        for (align, class) in [("left", "al-l"), ("center", "al-c"), ("right", "al-r")] {
            out = out.replace(
                &format!("<{cell} style=\"text-align: {align}\">"),
                &format!("<{cell} class=\"{class}\">"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{FileId, Span};

    fn targets() -> LinkTargets {
        LinkTargets::from_targets(vec![
            ("berita/a".into(), "/berita/a/".into()),
            ("tentang".into(), "/tentang/".into()),
        ])
    }
    fn src() -> BodySource {
        BodySource {
            span: Span::new(FileId(0), 100..100),
            path: "content/berita".into(),
        }
    }

    #[test]
    fn resolves_internal_and_marks_external_links() {
        let (h, d) = render(
            "[a](@/berita/a.md) [b](https://x.org/?a=1&b=2) [t](@/tentang.md#x)",
            &src(),
            false,
            &targets(),
        );
        assert!(d.is_empty());
        assert!(h.contains(r#"<a href="/berita/a/">a</a>"#), "{h}");
        assert!(
            h.contains(r#"<a href="https://x.org/?a=1&amp;b=2" rel="noopener">b</a>"#),
            "{h}"
        );
        assert!(h.contains(r#"href="/tentang/#x""#));
    }

    #[test]
    fn broken_link_points_into_the_file() {
        let body = "teks\n\n[x](@/berita/b.md)";
        let (_, d) = render(body, &src(), false, &targets());
        assert_eq!(d.len(), 1);
        let at = d[0].span.as_ref().unwrap().range.start;
        assert_eq!(at, 100 + body.find("@/").unwrap());
        assert!(d[0].help.as_ref().unwrap().en().contains("@/berita/a.md"));
    }

    #[test]
    fn raw_html_is_escaped_unless_allowed() {
        let body = "<script>alert(1)</script>\n\nhalo <b>x</b>";
        let (h, _) = render(body, &src(), false, &targets());
        assert!(!h.contains("<script>") && !h.contains("<b>"), "{h}");
        let (h, _) = render(body, &src(), true, &targets());
        assert!(h.contains("<b>x</b>"));
    }

    /// The error positions (relative to the body) and the HTML.
    fn unsafe_in(body: &str, allow_html: bool) -> (Vec<usize>, String) {
        let (h, d) = render(body, &src(), allow_html, &targets());
        let at = d
            .iter()
            .map(|d| d.span.as_ref().unwrap().range.start - 100)
            .collect();
        (at, h)
    }

    #[test]
    fn unsafe_addresses_are_errors_at_the_address_and_not_written() {
        for (body, written) in [
            ("[a](javascript:alert(1))", "javascript:alert(1)"),
            ("[a](JaVaScRiPt:alert(1))", "JaVaScRiPt:alert(1)"),
            ("[a](vbscript:msgbox)", "vbscript:msgbox"),
            ("[a](data:text/html;base64,PHNjcmlwdD4)", "data:"),
            ("[a](<java\tscript:x>)", "java\tscript:x"),
            ("[a](&#106;avascript:x)", "&#106;avascript:x"),
            ("[a](java&#9;script:x)", "java&#9;script:x"),
            ("[a](%6Aavascript:x)", "%6Aavascript:x"),
            ("<javascript:alert(1)>", "javascript:alert(1)"),
            ("![gambar](javascript:x)", "javascript:x"),
            ("![gambar](data:image/svg+xml,x)", "data:"),
            ("[![g](x.png)](javascript:x)", "javascript:x"),
        ] {
            let (at, h) = unsafe_in(&format!("teks\n\n{body}"), false);
            assert_eq!(at.len(), 1, "{body}: {at:?}");
            assert_eq!(at[0], 6 + body.find(written).unwrap(), "{body}");
            assert_live_addresses_safe(&h);
        }
    }

    /// No tag in `html` has an unsafe address, handler or element (by the
    /// raw HTML scanner, which reads tags as a browser would), nor an empty
    /// `href`.
    fn assert_live_addresses_safe(html: &str) {
        assert_eq!(link_safety::scan_html(html), [], "{html}");
        assert!(!html.contains("href=\"\""), "{html}");
    }

    #[test]
    fn reference_definitions_are_reported_once_where_written() {
        let body = "[a][x] [b][x] [x]\n\n[x]: javascript:alert(1)\n[y]: vbscript:unused\n";
        let (at, h) = unsafe_in(body, false);
        assert_eq!(
            at,
            [
                body.find("javascript").unwrap(),
                body.find("vbscript").unwrap()
            ]
        );
        assert!(!h.contains("href"), "{h}");
        assert!(h.contains("<p>a b x</p>"), "link text stays: {h}");
    }

    #[test]
    fn safe_addresses_stay_links() {
        let body = "[m](mailto:a@b.id) [t](tel:+6221) [r](../x/) [f](#bagian) ![g](foto.jpg)";
        let (at, h) = unsafe_in(body, false);
        assert!(at.is_empty());
        for w in [
            "href=\"mailto:a@b.id\"",
            "href=\"tel:+6221\"",
            "href=\"../x/\"",
            "href=\"#bagian\"",
            "src=\"foto.jpg\"",
        ] {
            assert!(h.contains(w), "{w}: {h}");
        }
    }

    #[test]
    fn raw_html_is_checked_when_allowed() {
        let body =
            "<div>\n<a href=\"javascript:x\">a</a>\n<img src=x onerror=\"alert(1)\">\n</div>\n\n\
                    teks <a href=\"https://ok.id\">ok</a> <a href=\"&#106;avascript:y\">b</a>\n";
        let (at, h) = unsafe_in(body, true);
        assert_eq!(
            at,
            [
                body.find("javascript:x").unwrap(),
                body.find("onerror").unwrap(),
                body.find("&#106;").unwrap()
            ]
        );
        assert_live_addresses_safe(&h);
        assert!(
            !h.contains("<img") && !h.contains("<a href=\"&#106;"),
            "{h}"
        );
        assert!(h.contains("<a href=\"https://ok.id\">ok</a>"), "{h}");
        // The same HTML with allow_html off is text: nothing to report.
        let (at, h) = unsafe_in(body, false);
        assert!(at.is_empty() && !h.contains("<a href=\"j"), "{h}");
    }

    #[test]
    fn heading_attributes_other_than_id_and_class_are_errors() {
        let body = "## Jadwal {#jadwal .penting onclick=alert(1)}";
        let (at, h) = unsafe_in(body, false);
        assert_eq!(at, [body.find("onclick").unwrap()]);
        assert!(!h.contains("onclick"), "{h}");
        assert!(h.contains(r#"<h2 id="jadwal" class="penting">"#), "{h}");
    }

    #[test]
    fn headings_get_ids_and_stay_below_h1() {
        let (h, _) = render("# Satu\n\n## Dua\n\n## Dua", &src(), false, &targets());
        assert!(h.contains(r#"<h2 id="satu">"#), "{h}");
        assert!(h.contains(r#"<h3 id="dua-2">"#), "{h}");
    }

    #[test]
    fn many_equal_headings_are_numbered_on_and_collisions_skipped() {
        // Found by the fuzzer: counting from 1 for each heading was
        // quadratic (a 900 KB body took minutes).
        let mut md = String::from("## Dua 3\n\n");
        for _ in 0..5_000 {
            md.push_str("## Dua\n\n");
        }
        let (h, _) = render(&md, &src(), false, &targets());
        assert!(h.contains(r#"<h2 id="dua">"#), "{h}");
        assert!(h.contains(r#"<h2 id="dua-2">"#));
        assert!(h.contains(r#"<h2 id="dua-4">"#), "dua-3 is taken");
        assert!(h.contains(r#"<h2 id="dua-5001">"#));
        assert_eq!(h.matches(r#"id="dua-3""#).count(), 1);
    }

    #[test]
    fn nesting_past_the_limit_is_one_error_where_it_goes_too_deep() {
        let ok = "> ".repeat(MAX_NESTING - 2) + "x";
        let (html, d) = render(&ok, &src(), false, &targets());
        assert!(d.is_empty() && html.contains("<blockquote>"), "{d:?}");
        for deep in [
            "> ".repeat(200_000) + "x",
            "- ".repeat(200) + "x",
            "*".repeat(100) + "x" + &"*".repeat(100),
        ] {
            let (html, d) = render(&deep, &src(), false, &targets());
            assert_eq!(d.len(), 1, "{d:?}");
            assert!(
                d[0].message.en().contains("nested more than 32"),
                "{}",
                d[0].message.en()
            );
            assert!(html.is_empty());
        }
    }

    #[test]
    fn table_alignment_is_a_class_not_a_style() {
        let md = "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n";
        let (h, d) = render(md, &src(), false, &targets());
        assert!(d.is_empty());
        assert!(!h.contains("style="), "{h}");
        assert!(h.contains(r#"<th class="al-l">a</th>"#), "{h}");
        assert!(h.contains(r#"<th class="al-c">b</th>"#), "{h}");
        assert!(h.contains(r#"<td class="al-r">3</td>"#), "{h}");
    }
}
