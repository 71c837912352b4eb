//! Markdown bodies to HTML: tables, footnotes, strikethrough, heading ids,
//! smart punctuation; `@/section/slug.md` links resolved to URLs; external
//! links marked `rel="noopener"`; raw HTML escaped unless the site allows it.

use super::escape;
use crate::diag::{suggest, Diagnostic, Span};
use crate::site::{BodySource, Site};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::{BTreeMap, HashSet};

/// Every `@/` link target a body may use: `berita/x.md` → `/berita/x/`.
pub struct LinkTargets {
    by_path: BTreeMap<String, String>,
}

impl LinkTargets {
    pub fn new(site: &Site) -> Self {
        let mut by_path = BTreeMap::new();
        let mut add = |section: &str, slug: &str, url: String| {
            let base = if section.is_empty() {
                slug.to_string()
            } else {
                format!("{section}/{slug}")
            };
            by_path.insert(format!("{base}.md"), url.clone());
            by_path.insert(format!("{base}/index.md"), url);
        };
        for p in &site.posts {
            add("berita", &p.slug, super::urls::post(&p.slug));
        }
        for s in &site.stories {
            add("kisah", &s.slug, super::urls::story(&s.slug));
        }
        for e in &site.events {
            add("plm", &e.slug, super::urls::event(&e.slug));
        }
        for p in &site.pages {
            add("", &p.slug, super::urls::page(&p.slug));
        }
        LinkTargets { by_path }
    }

    /// The URL of `@/path#frag`, or `None` if no such page is published.
    fn resolve(&self, target: &str) -> Option<String> {
        let (path, frag) = match target.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (target, None),
        };
        let url = self.by_path.get(path.trim_start_matches('/'))?;
        Some(match frag {
            Some(f) => format!("{url}#{f}"),
            None => url.clone(),
        })
    }
}

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
    // Links whose start tag was written as raw HTML: their end must be too.
    let mut link_stack: Vec<bool> = Vec::new();
    // Inside an image written as `<picture>`: its alt text, then its title.
    let mut picture: Option<(String, String, &crate::images::Responsive)> = None;
    let mut first_image = true;
    for (event, range) in Parser::new_ext(body, opts).into_offset_iter() {
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
        match event {
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
                    link_stack.push(false);
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
                    link_stack.push(true);
                    events.push(Event::InlineHtml(CowStr::from(tag)));
                } else {
                    link_stack.push(false);
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) => {
                if link_stack.pop().unwrap_or(false) {
                    events.push(Event::InlineHtml(CowStr::from("</a>")));
                } else {
                    events.push(Event::End(TagEnd::Link));
                }
            }
            other => events.push(other),
        }
    }
    add_heading_ids(&mut events);
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    (aligned_by_class(html), diags)
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

/// The `<picture>` of a Markdown image (see docs/images.md).
fn picture_html(r: &crate::images::Responsive, alt: &str, title: &str, eager: bool) -> String {
    let e = escape::html;
    let title = if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", e(title))
    };
    let loading = if eager {
        r#"loading="eager" fetchpriority="high""#
    } else {
        r#"loading="lazy""#
    };
    format!(
        "<picture><source type=\"image/webp\" srcset=\"{webp}\" sizes=\"{sizes}\">\
         <img src=\"{src}\" srcset=\"{fallback}\" sizes=\"{sizes}\" width=\"{w}\" height=\"{h}\" \
         alt=\"{alt}\"{title} {loading} decoding=\"async\"></picture>",
        webp = e(&r.srcset_webp),
        sizes = e(&r.sizes),
        src = e(&r.src),
        fallback = e(&r.srcset_fallback),
        w = r.width,
        h = r.height,
        alt = e(alt),
    )
}

fn is_external(dest: &str) -> bool {
    let lower = dest.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//")
}

fn broken_link(
    dest: &str,
    body: &str,
    range: std::ops::Range<usize>,
    source: &BodySource,
    targets: &LinkTargets,
) -> Diagnostic {
    // Point at the `@/…` text itself when it can be found inside the link.
    let within = body
        .get(range.clone())
        .and_then(|s| s.find(dest))
        .unwrap_or(0);
    let start = source.span.range.start + range.start + within;
    let end = if within > 0 || body.get(range.clone()).is_some_and(|s| s.starts_with(dest)) {
        start + dest.len()
    } else {
        source.span.range.start + range.end
    };
    let typed = dest.trim_start_matches("@/");
    let help = suggest::closest(typed.split('#').next().unwrap_or(typed), targets.by_path.keys().map(String::as_str))
        .map(|c| format!("did you mean `@/{c}`?"))
        .unwrap_or_else(|| {
            "internal links name the file under content/, e.g. `@/berita/slug.md`, `@/plm/slug.md` or `@/tentang.md`".into()
        });
    Diagnostic::error(
        Span::new(source.span.file, start..end),
        format!("broken internal link `{dest}`: no published page comes from that file"),
    )
    .with_help(help)
}

/// Gives every heading an id (its text as a slug, made unique) unless it has
/// one, and demotes all headings one level when the body uses `#`, so the
/// page title stays the only `h1`.
fn add_heading_ids(events: &mut [Event]) {
    let demote = events.iter().any(|e| {
        matches!(
            e,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            })
        )
    });
    let mut used = HashSet::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { .. }) = &events[i] {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            if let Event::Start(Tag::Heading { level, id, .. }) = &mut events[i] {
                let base = id.as_ref().map(|s| s.to_string()).unwrap_or_else(|| {
                    let s = crate::model::slugify(&text);
                    if s.is_empty() {
                        "bagian".into()
                    } else {
                        s
                    }
                });
                let mut unique = base.clone();
                let mut n = 1;
                while !used.insert(unique.clone()) {
                    n += 1;
                    unique = format!("{base}-{n}");
                }
                *id = Some(CowStr::from(unique));
                if demote {
                    *level = deeper(*level);
                }
            }
            if demote {
                if let Some(Event::End(TagEnd::Heading(level))) = events.get_mut(j) {
                    *level = deeper(*level);
                }
            }
            i = j;
        }
        i += 1;
    }
}

fn deeper(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::FileId;

    fn targets() -> LinkTargets {
        let mut by_path = BTreeMap::new();
        by_path.insert("berita/a.md".to_string(), "/berita/a/".to_string());
        by_path.insert("tentang.md".to_string(), "/tentang/".to_string());
        LinkTargets { by_path }
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
        assert!(d[0].help.as_deref().unwrap().contains("@/berita/a.md"));
    }

    #[test]
    fn raw_html_is_escaped_unless_allowed() {
        let body = "<script>alert(1)</script>\n\nhalo <b>x</b>";
        let (h, _) = render(body, &src(), false, &targets());
        assert!(!h.contains("<script>") && !h.contains("<b>"), "{h}");
        let (h, _) = render(body, &src(), true, &targets());
        assert!(h.contains("<b>x</b>"));
    }

    #[test]
    fn headings_get_ids_and_stay_below_h1() {
        let (h, _) = render("# Satu\n\n## Dua\n\n## Dua", &src(), false, &targets());
        assert!(h.contains(r#"<h2 id="satu">"#), "{h}");
        assert!(h.contains(r#"<h3 id="dua-2">"#), "{h}");
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
