//! Which addresses in content may become an `href` or `src`: `http:`,
//! `https:`, `mailto:`, `tel:`, and addresses without a scheme (paths on the
//! site, `#fragments`, `@/…` content links). Anything else — `javascript:`,
//! `vbscript:`, `data:`… — is an error, however it is disguised: read as a
//! browser reads it (tabs and newlines inside dropped, controls and spaces
//! around trimmed), any case, and in raw HTML after character references
//! are decoded. Pages have a CSP, Atom feeds do not, so the check is on
//! the content itself.
//!
//! Also the scanner for raw HTML (`allow_html: true`): a small tag and
//! attribute tokenizer, written here rather than pulling in an HTML parser
//! for the few attributes that matter (URL attributes, `on…` handlers,
//! `srcdoc`, `<script>`, `<base>`).

use crate::diag::{shorten, Diagnostic, Span};
use crate::site::BodySource;
use pulldown_cmark::{CowStr, Event, LinkType, Parser};
use std::ops::Range;

const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// The scheme of `url` as a browser reads it when warta does not publish
/// it (lowercase, e.g. `javascript`); `None` when the address is safe.
///
/// Deliberately stricter than a browser: any `:` before the first `/`, `?`
/// or `#` starts a scheme, so a disguise (`java&#9;script:`, `%6Aavascript:`,
/// `java\u{1}script:`) is an error rather than a guess about how a browser
/// or feed reader will read it.
pub fn unsafe_scheme(url: &str) -> Option<String> {
    let read: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let end = read.find(['/', '?', '#']).unwrap_or(read.len());
    let colon = read[..end].find(':')?;
    let scheme = read[..colon].to_lowercase();
    (!ALLOWED_SCHEMES.contains(&scheme.as_str())).then_some(scheme)
}

/// One problem in raw HTML: where (byte range in the scanned text) and what.
#[derive(Debug, PartialEq, Eq)]
pub struct Finding {
    pub range: std::ops::Range<usize>,
    pub problem: Problem,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Problem {
    /// A URL attribute (`href`, `src`, …) with a scheme warta does not publish.
    Scheme {
        attr: String,
        value: String,
        scheme: String,
    },
    /// An `on…` event handler, or `srcdoc` (a whole HTML page in an attribute).
    ScriptAttribute(String),
    /// `<script>` or `<base>`.
    Element(String),
}

/// Attributes whose value is fetched or followed as an address.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "cite",
    "xlink:href",
    "ping",
    "longdesc",
    "lowsrc",
    "dynsrc",
    "manifest",
    "codebase",
    "usemap",
    "icon",
    "archive",
    "classid",
    "profile",
];

/// Elements refused whatever their attributes.
const ELEMENTS: &[&str] = &["script", "base"];

/// Scans raw HTML for unsafe addresses, script attributes and elements.
pub fn scan_html(html: &str) -> Vec<Finding> {
    let b = html.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(lt) = html[i..].find('<') {
        i += lt;
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        if !b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        let name_start = i + 1;
        let mut j = name_start;
        while j < b.len() && !is_space(b[j]) && b[j] != b'>' && b[j] != b'/' {
            j += 1;
        }
        let name = html[name_start..j].to_ascii_lowercase();
        if ELEMENTS.contains(&name.as_str()) {
            found.push(Finding {
                range: i..j,
                problem: Problem::Element(name),
            });
        }
        // Attributes, until the tag's `>`.
        loop {
            while j < b.len() && (is_space(b[j]) || b[j] == b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                break;
            }
            let attr_start = j;
            while j < b.len() && !is_space(b[j]) && !matches!(b[j], b'>' | b'/' | b'=') {
                j += 1;
            }
            // A stray `=` with no name: step over it.
            j = j.max(attr_start + 1).min(b.len());
            let attr = html[attr_start..j].to_ascii_lowercase();
            let mut k = j;
            while k < b.len() && is_space(b[k]) {
                k += 1;
            }
            let mut value = None;
            if k < b.len() && b[k] == b'=' {
                k += 1;
                while k < b.len() && is_space(b[k]) {
                    k += 1;
                }
                let (start, end, next) = match b.get(k) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = html[k + 1..].find(q as char).map_or(b.len(), |e| k + 1 + e);
                        (k + 1, end, (end + 1).min(b.len()))
                    }
                    _ => {
                        let mut e = k;
                        while e < b.len() && !is_space(b[e]) && b[e] != b'>' {
                            e += 1;
                        }
                        (k, e, e)
                    }
                };
                value = Some(start..end);
                j = next;
            }
            if let Some(problem) = attribute_problem(&attr, value.clone().map(|r| &html[r])) {
                // A bad address is shown at the address, anything else at its name.
                let range = match (&problem, value) {
                    (Problem::Scheme { .. }, Some(v)) => v,
                    _ => attr_start..attr_start + attr.len(),
                };
                found.push(Finding { range, problem });
            }
        }
        i = j;
    }
    found
}

fn attribute_problem(attr: &str, value: Option<&str>) -> Option<Problem> {
    if (attr.starts_with("on") && attr.len() > 2) || attr == "srcdoc" {
        return Some(Problem::ScriptAttribute(attr.to_string()));
    }
    let value = value?;
    let decoded = decode_references(value);
    let urls: Vec<&str> = if attr == "srcset" || attr == "imagesrcset" {
        // `a.jpg 1x, b.jpg 2x`: the address is the first word of each item.
        decoded
            .split(',')
            .filter_map(|item| item.split_whitespace().next())
            .collect()
    } else if URL_ATTRIBUTES.contains(&attr) {
        vec![decoded.as_str()]
    } else {
        return None;
    };
    urls.into_iter().find_map(|u| {
        unsafe_scheme(u).map(|scheme| Problem::Scheme {
            attr: attr.to_string(),
            value: value.to_string(),
            scheme,
        })
    })
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Decodes the character references a browser decodes in an attribute:
/// numeric ones (`&#106;`, `&#x6A;`, with or without `;`) and the named
/// ones that could spell a scheme or hide a separator. Other named
/// references stay as written; their `&` then keeps the text from being a
/// safe scheme (see [`unsafe_scheme`]).
fn decode_references(s: &str) -> String {
    const NAMED: &[(&str, char)] = &[
        ("colon", ':'),
        ("tab", '\t'),
        ("newline", '\n'),
        ("sol", '/'),
        ("quest", '?'),
        ("num", '#'),
        ("amp", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("nbsp", '\u{a0}'),
        ("period", '.'),
        ("lpar", '('),
        ("rpar", ')'),
    ];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp + 1..];
        if let Some(num) = rest.strip_prefix('#') {
            let (hex, digits) = match num.strip_prefix(['x', 'X']) {
                Some(h) => (true, h),
                None => (false, num),
            };
            let len = digits
                .find(|c: char| !c.is_ascii_hexdigit() || (!hex && !c.is_ascii_digit()))
                .unwrap_or(digits.len());
            if len > 0 {
                let code = u32::from_str_radix(
                    &digits[..len].chars().take(8).collect::<String>(),
                    if hex { 16 } else { 10 },
                );
                out.push(code.ok().and_then(char::from_u32).unwrap_or('\u{fffd}'));
                let used = num.len() - digits.len() + len;
                rest = &num[used..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
                continue;
            }
        } else {
            let len = rest
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(rest.len());
            let word = rest[..len].to_ascii_lowercase();
            if let Some(&(_, c)) = NAMED.iter().find(|(n, _)| *n == word) {
                out.push(c);
                rest = &rest[len..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
                continue;
            }
        }
        out.push('&');
    }
    out.push_str(rest);
    out
}

/// Links and images whose address comes from a reference definition: an
/// unsafe one is reported once, at the definition.
pub(super) fn is_reference(t: LinkType) -> bool {
    matches!(
        t,
        LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut
    )
}

/// Reports every reference definition (`[label]: address`) with an unsafe
/// address, at the address, in the order they are written.
pub(super) fn check_definitions(
    parser: &Parser,
    body: &str,
    source: &BodySource,
    diags: &mut Vec<Diagnostic>,
) {
    let mut bad: Vec<(Range<usize>, String)> = parser
        .reference_definitions()
        .iter()
        .filter(|(_, def)| unsafe_scheme(&def.dest).is_some())
        .map(|(_, def)| (def.span.clone(), def.dest.to_string()))
        .collect();
    bad.sort_by_key(|(span, _)| span.start);
    for (span, dest) in bad {
        diags.push(unsafe_address("link", &dest, body, span, source));
    }
}

/// An unsafe address in a link or image at `range` of the body.
pub(super) fn unsafe_address(
    what: &str,
    dest: &str,
    body: &str,
    range: Range<usize>,
    source: &BodySource,
) -> Diagnostic {
    let scheme = unsafe_scheme(dest).unwrap_or_default();
    let at = locate_address(body, range, dest);
    Diagnostic::error(
        body_span(source, at),
        crate::msg!(
            "unsafe-address",
            what = what,
            address = shorten(dest),
            scheme = shorten(&scheme)
        ),
    )
    .with_help(crate::msg!("unsafe-address-help"))
}

/// Where the address `dest` is written in the link at `range`: the text
/// itself when it is written as pulldown-cmark read it, else the start of
/// the destination (after `](` or `]:`), else the whole link.
fn locate_address(body: &str, range: Range<usize>, dest: &str) -> Range<usize> {
    let slice = body.get(range.clone()).unwrap_or("");
    let opener = slice.rfind("](").or_else(|| slice.find("]:"));
    let after = opener.map_or(0, |o| o + 2);
    if !dest.is_empty() {
        if let Some(at) = slice[after..].find(dest) {
            let start = range.start + after + at;
            return start..start + dest.len();
        }
    }
    match opener {
        Some(_) => {
            let rest = &slice[after..];
            let skip = rest.len() - rest.trim_start_matches([' ', '\t', '\n', '<']).len();
            let start = range.start + after + skip;
            start..start
        }
        None => range,
    }
}

fn body_span(source: &BodySource, at: Range<usize>) -> Span {
    let base = source.span.range.start;
    Span::new(source.span.file, base + at.start..base + at.end)
}

/// `# Title {onclick=…}`: pulldown-cmark would write any attribute.
pub(super) fn heading_attribute(
    name: &str,
    body: &str,
    range: Range<usize>,
    source: &BodySource,
) -> Diagnostic {
    let slice = body.get(range.clone()).unwrap_or("");
    let at = slice
        .rfind('{')
        .and_then(|b| slice[b..].find(name).map(|n| b + n))
        .map_or(range.clone(), |n| {
            range.start + n..range.start + n + name.len()
        });
    Diagnostic::error(
        body_span(source, at),
        crate::msg!("heading-attribute", attribute = shorten(name)),
    )
    .with_help(crate::msg!("heading-attribute-help"))
}

/// Raw HTML (`allow_html: true`), given as the pieces pulldown-cmark read
/// with their ranges in the body, checked as one text. With a problem, the
/// whole piece is written as text, and every problem is reported.
pub(super) fn checked_html<'a>(
    pieces: Vec<(CowStr<'a>, Range<usize>)>,
    block: bool,
    body: &str,
    source: &BodySource,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Event<'a>> {
    let text: String = pieces.iter().map(|(t, _)| t.as_ref()).collect();
    let found = scan_html(&text);
    if found.is_empty() {
        return pieces
            .into_iter()
            .map(|(t, _)| {
                if block {
                    Event::Html(t)
                } else {
                    Event::InlineHtml(t)
                }
            })
            .collect();
    }
    for f in found {
        let written = &text[f.range.clone()];
        // The piece holding the problem, and where it is in the body.
        let mut offset = 0;
        let mut at = 0..0;
        for (t, r) in &pieces {
            if f.range.start < offset + t.len() {
                let local = f.range.start - offset;
                let slice = body.get(r.clone()).unwrap_or("");
                at = if slice == t.as_ref() {
                    r.start + local..r.start + local + written.len()
                } else if let Some(i) = slice.find(written).filter(|_| !written.is_empty()) {
                    r.start + i..r.start + i + written.len()
                } else {
                    r.start..r.start
                };
                break;
            }
            offset += t.len();
        }
        let (message, help) = match &f.problem {
            Problem::Scheme {
                attr,
                value,
                scheme,
            } => (
                crate::msg!(
                    "unsafe-html-address",
                    attribute = attr.to_string(),
                    value = shorten(value),
                    scheme = shorten(scheme)
                ),
                crate::msg!("unsafe-address-help"),
            ),
            Problem::ScriptAttribute(a) => (
                crate::msg!("html-script-attribute", attribute = shorten(a)),
                crate::msg!("html-script-attribute-help"),
            ),
            Problem::Element(e) => (
                crate::msg!("html-element", element = e.to_string()),
                crate::msg!("html-element-help"),
            ),
        };
        diags.push(Diagnostic::error(body_span(source, at), message).with_help(help));
    }
    vec![Event::Text(CowStr::from(text))]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_addresses_pass() {
        for u in [
            "https://perpusnas.go.id/a?b=c:d",
            "HTTP://x.org",
            "mailto:tpbis@perpusnas.go.id",
            "tel:+62-21-123",
            "/berita/x/",
            "../gambar/a:b.jpg",
            "gambar/foto.jpg",
            "#bagian",
            "?q=a:b",
            "//cdn.example.org/x.js",
            "@/berita/x.md",
            "",
        ] {
            assert_eq!(unsafe_scheme(u), None, "{u}");
        }
    }

    #[test]
    fn disguised_schemes_are_caught() {
        for (u, scheme) in [
            ("javascript:alert(1)", "javascript"),
            ("JaVaScRiPt:alert(1)", "javascript"),
            ("  javascript:x", "javascript"),
            ("\u{1}javascript:x", "javascript"),
            ("java\tscript:x", "javascript"),
            ("java\nscript:x", "javascript"),
            ("java\u{1}script:x", "java\u{1}script"),
            ("vbscript:msgbox", "vbscript"),
            ("data:text/html;base64,PHNjcmlwdD4=", "data"),
            ("%6Aavascript:x", "%6aavascript"),
            ("file:///etc/passwd", "file"),
            ("C:\\Users\\a.docx", "c"),
        ] {
            assert_eq!(unsafe_scheme(u).as_deref(), Some(scheme), "{u:?}");
        }
    }

    #[test]
    fn character_references_are_decoded_first() {
        assert_eq!(
            decode_references("&#106;ava&#x53;cript&colon;x"),
            "javaScript:x"
        );
        assert_eq!(decode_references("java&Tab;script:"), "java\tscript:");
        assert_eq!(decode_references("&#0000106&#0000097"), "ja");
        assert_eq!(decode_references("a&b;c&"), "a&b;c&");
        for v in [
            "&#106;avascript:alert(1)",
            "javascript&colon;alert(1)",
            "java&NewLine;script:x",
            "java&#x09;script:x",
        ] {
            let html = format!("<a href=\"{v}\">x</a>");
            assert_eq!(scan_html(&html).len(), 1, "{html}");
        }
    }

    #[test]
    fn raw_html_scanner_finds_each_kind() {
        let html = "<p><a href='https://ok.org'>a</a> <A HREF=javascript:x>b</A>\n\
            <img src=\"data:image/svg+xml,x\" onerror=\"alert(1)\">\
            <iframe srcdoc=\"&lt;script&gt;\"></iframe><script>x</script>\
            <!-- <a href=\"javascript:in-comment\"> -->\
            <img srcset=\"a.jpg 1x, javascript:x 2x\"><form action=\"vbscript:x\"></form>";
        let found: Vec<_> = scan_html(html).into_iter().map(|f| f.problem).collect();
        let kinds: Vec<String> = found
            .iter()
            .map(|p| match p {
                Problem::Scheme { attr, scheme, .. } => format!("{attr}={scheme}"),
                Problem::ScriptAttribute(a) => a.clone(),
                Problem::Element(e) => format!("<{e}>"),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "href=javascript",
                "src=data",
                "onerror",
                "srcdoc",
                "<script>",
                "srcset=javascript",
                "action=vbscript"
            ]
        );
    }

    #[test]
    fn scanner_positions_point_at_the_value() {
        let html = "<a title=x href=\"javascript:x\">";
        let f = &scan_html(html)[0];
        assert_eq!(&html[f.range.clone()], "javascript:x");
        // Unterminated input does not panic.
        for s in [
            "<a href=\"javascript:",
            "<a href=",
            "<a ",
            "<",
            "<!--",
            "<a =x>",
        ] {
            scan_html(s);
        }
    }
}
