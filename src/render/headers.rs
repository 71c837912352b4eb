//! `_headers`: the HTTP headers Netlify sends with every file, written by
//! `warta build` from the files the build made (as `_redirects` is made
//! from the libraries), so every page — stand-alone pages and `404.html`
//! included — gets the Content-Security-Policy of [`crate::csp`] from this
//! one place. `warta serve` reads the file back and sends the same headers
//! ([`Rules`]).
//!
//! Netlify applies every rule whose pattern matches a path and may join two
//! values of one header with a comma (two `max-age`s, two policies both
//! enforced), so each header comes from exactly one rule for any path.
//! Netlify compiles `/x/*` to `^/x/?(.*)/?$`, which also matches `/xyz`;
//! so the rules use no `*` but `/*` itself: a page rule is its first
//! segment written out and `:placeholders` for the rest (one rule covers
//! every post, `^/berita/([^/]+)/?$`), which match only whole segments.
//! `tests/it/netlify.rs` checks the result with Netlify's own parser.

use crate::csp;
use crate::diag::Diagnostic;
use std::collections::BTreeSet;

/// Files named by their content: a new content gets a new name, so they
/// are cached for a year and never asked for again.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Pages: checked again on every visit (a rebuild changes them in place).
pub const REVALIDATE: &str = "public, max-age=0, must-revalidate";

/// Folders (output paths) that hold only content-hashed files, one level
/// deep: the stylesheet, the images and the search chunks.
pub fn hashed_folders() -> [&'static str; 3] {
    ["aset/", "img/", crate::search::chunk_folder()]
}

/// Sent with every file.
pub const SECURITY: [(&str, &str); 4] = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("X-Frame-Options", "SAMEORIGIN"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=(), payment=()",
    ),
];

/// What a published file is, for its headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An HTML page of the site: the site's policy, revalidated.
    Page,
    /// A page of the browser editor (`admin/`): the editor's own policy.
    Editor,
    /// A content-hashed file: cached for ever.
    Hashed,
    /// Anything else (feeds, sitemap, scripts, the site's static files):
    /// the security headers and the host's default cache.
    Other,
}

/// The kind of the file at `path` (relative to the output folder).
pub fn kind(path: &str) -> Kind {
    let html = path.ends_with(".html");
    if path.starts_with("admin/") && html {
        Kind::Editor
    } else if html {
        Kind::Page
    } else if hashed_folders()
        .iter()
        .any(|f| path.strip_prefix(f).is_some_and(|rest| !rest.contains('/')))
    {
        Kind::Hashed
    } else {
        Kind::Other
    }
}

/// The headers of one kind, besides the security headers; `editor` is the
/// editor's policy (`cms::policy`, as a header).
fn kind_headers(kind: Kind, editor: &str) -> Vec<(&'static str, String)> {
    match kind {
        Kind::Page => vec![
            ("Content-Security-Policy", csp::header(csp::SITE)),
            ("Cache-Control", REVALIDATE.to_string()),
        ],
        Kind::Editor => vec![
            ("Content-Security-Policy", editor.to_string()),
            ("Cache-Control", REVALIDATE.to_string()),
        ],
        Kind::Hashed => vec![("Cache-Control", IMMUTABLE.to_string())],
        Kind::Other => Vec::new(),
    }
}

/// One segment of a rule's pattern.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Seg {
    Name(String),
    Any,
}

/// The patterns that reach the page at `path`: its folder URL (`/x/`) and
/// the file itself (`/x/index.html`), first segment written out, the rest
/// placeholders, `index.html` kept (so `/x/:a/` never reaches a file
/// beside the page).
fn shapes(path: &str) -> Vec<Vec<Seg>> {
    let segs: Vec<&str> = path.split('/').collect();
    let shape = |segs: &[&str]| -> Vec<Seg> {
        segs.iter()
            .enumerate()
            .map(|(i, s)| {
                if i == 0 || *s == "index.html" && i == segs.len() - 1 {
                    Seg::Name((*s).to_string())
                } else {
                    Seg::Any
                }
            })
            .collect()
    };
    let mut out = vec![shape(&segs)];
    if segs.last() == Some(&"index.html") {
        out.push(shape(&segs[..segs.len() - 1]));
    }
    out
}

/// Whether every path `b` matches is matched by `a` too.
fn covers(a: &[Seg], b: &[Seg]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| *x == Seg::Any || x == y)
}

fn pattern(shape: &[Seg]) -> String {
    let mut out = String::new();
    for (i, s) in shape.iter().enumerate() {
        out.push('/');
        match s {
            Seg::Name(n) => out.push_str(n),
            Seg::Any => out.push_str(PLACEHOLDERS[i.min(PLACEHOLDERS.len() - 1)]),
        }
    }
    if out.is_empty() || !out.ends_with(".html") {
        out.push('/');
    }
    out
}

const PLACEHOLDERS: [&str; 6] = [":a", ":b", ":c", ":d", ":e", ":f"];

fn block(out: &mut String, pattern: &str, headers: &[(&str, String)]) {
    out.push_str(pattern);
    out.push('\n');
    for (k, v) in headers {
        out.push_str(&format!("  {k}: {v}\n"));
    }
}

/// The file's text, from the paths of every file the build made. The
/// number of rules grows with the site's kinds of page and its stand-alone
/// pages, not with its records. A page inside a hashed folder (a page with
/// the slug `img`) would be cached for ever: that is an error.
pub fn file<'a>(
    site: &crate::site::Site,
    paths: impl IntoIterator<Item = &'a str>,
) -> Result<String, Diagnostic> {
    rules_text(&csp::header(&crate::cms::policy(site)), paths)
}

fn rules_text<'a>(
    editor: &str,
    paths: impl IntoIterator<Item = &'a str>,
) -> Result<String, Diagnostic> {
    let mut pages: BTreeSet<(bool, Vec<Seg>)> = BTreeSet::new();
    for path in paths {
        let k = kind(path);
        if !matches!(k, Kind::Page | Kind::Editor) {
            continue;
        }
        if let Some(f) = hashed_folders().iter().find(|f| path.starts_with(*f)) {
            return Err(Diagnostic::global(crate::msg!(
                "page-in-hashed-folder",
                page = format!("/{path}"),
                folder = format!("/{f}")
            ))
            .with_help(crate::msg!("page-in-hashed-folder-help")));
        }
        for s in shapes(path) {
            pages.insert((k == Kind::Editor, s));
        }
    }
    // A shape another one covers would set the headers twice.
    let all: Vec<&(bool, Vec<Seg>)> = pages.iter().collect();
    let kept = all
        .iter()
        .filter(|(_, s)| !all.iter().any(|(_, o)| o != s && covers(o, s)));
    let mut out = String::from(
        "# Made by `warta build` (src/render/headers.rs): the headers of every file.\n\
         # Do not edit; docs/publishing.md says what each rule is for.\n",
    );
    let security: Vec<(&str, String)> = SECURITY.iter().map(|(k, v)| (*k, v.to_string())).collect();
    block(&mut out, "/*", &security);
    for (is_editor, shape) in kept {
        let kind = if *is_editor { Kind::Editor } else { Kind::Page };
        block(&mut out, &pattern(shape), &kind_headers(kind, editor));
    }
    for f in hashed_folders() {
        block(
            &mut out,
            &format!("/{f}:file"),
            &kind_headers(Kind::Hashed, ""),
        );
    }
    Ok(out)
}

/// The rules of a `_headers` file, read back: what `warta serve` sends.
/// Patterns are matched as Netlify compiles them: segment by segment,
/// `:name` for one whole segment, a last `*` for the rest of the path
/// (the `/` before it optional), a `/` at the end optional, letters in any
/// case. A `*` inside a segment is not used by warta and matches nothing.
#[derive(Debug, Default, Clone)]
pub struct Rules(Vec<(String, Vec<(String, String)>)>);

impl Rules {
    pub fn parse(text: &str) -> Rules {
        let mut rules: Vec<(String, Vec<(String, String)>)> = Vec::new();
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('/') {
                rules.push((line.to_string(), Vec::new()));
            } else if let (Some((name, value)), Some(rule)) =
                (line.split_once(':'), rules.last_mut())
            {
                rule.1
                    .push((name.trim().to_string(), value.trim().to_string()));
            }
        }
        Rules(rules)
    }

    /// The headers of the request path `path`, in the file's order.
    pub fn for_path(&self, path: &str) -> Vec<(&str, &str)> {
        self.0
            .iter()
            .filter(|(p, _)| pattern_matches(p, path))
            .flat_map(|(_, h)| h.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .collect()
    }
}

fn pattern_matches(pattern: &str, path: &str) -> bool {
    let pat: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
    let path = path.strip_suffix('/').unwrap_or(path);
    let Some(path) = path.strip_prefix('/').or((path.is_empty()).then_some("")) else {
        return false;
    };
    if let Some((&"*", lead)) = pat.split_last() {
        // `^/lead/?(.*)/?$`: the lead's text, then anything.
        let lead = lead.join("/");
        return path.len() >= lead.len()
            && path.is_char_boundary(lead.len())
            && path[..lead.len()].eq_ignore_ascii_case(&lead);
    }
    let segs: Vec<&str> = if path.is_empty() {
        Vec::new()
    } else {
        path.split('/').collect()
    };
    segs.len() == pat.len()
        && pat.iter().zip(&segs).all(|(p, s)| {
            if p.starts_with(':') {
                !s.is_empty()
            } else {
                !p.contains('*') && p.eq_ignore_ascii_case(s)
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(kind("index.html"), Kind::Page);
        assert_eq!(kind("404.html"), Kind::Page);
        assert_eq!(kind("admin/index.html"), Kind::Editor);
        assert_eq!(kind("admin/config.yml"), Kind::Other);
        assert_eq!(kind("aset/style.0123abcd.css"), Kind::Hashed);
        assert_eq!(kind("img/x/y.webp"), Kind::Other, "one level deep only");
        assert_eq!(kind("aset-desa/index.html"), Kind::Page);
        assert_eq!(kind("atom.xml"), Kind::Other);
    }

    #[test]
    fn one_rule_per_shape_and_none_covered_twice() {
        let text = rules_text(
            "E",
            [
                "index.html",
                "404.html",
                "berita/index.html",
                "berita/a/index.html",
                "berita/b/index.html",
                "berita/page/2/index.html",
                "tentang/index.html",
                "admin/index.html",
                "aset/style.0123abcd.css",
            ],
        )
        .unwrap();
        let patterns: Vec<&str> = text.lines().filter(|l| l.starts_with('/')).collect();
        assert_eq!(
            patterns,
            [
                "/*",
                "/",
                "/404.html",
                "/berita/",
                "/berita/:b/",
                "/berita/:b/:c/",
                // `/berita/index.html` is reached by `/berita/:b/`.
                "/berita/:b/:c/index.html",
                "/index.html",
                "/tentang/",
                "/tentang/index.html",
                "/admin/",
                "/admin/index.html",
                "/aset/:file",
                "/img/:file",
                &format!("/{}:file", crate::search::chunk_folder()),
            ]
            .iter()
            .map(|s| &**s)
            .collect::<Vec<_>>()
            .as_slice()
        );
    }

    #[test]
    fn patterns_match_as_netlify_compiles_them() {
        // Netlify: `/cari/i/*` is `^/cari/i/?(.*)/?$`.
        assert!(pattern_matches("/cari/i/*", "/cari/index.json"));
        assert!(pattern_matches("/*", "/"));
        assert!(pattern_matches("/*", "/a/b.css"));
        assert!(pattern_matches("/", "/"));
        assert!(!pattern_matches("/", "/a/"));
        assert!(pattern_matches("/berita/:b/", "/berita/x/"));
        assert!(pattern_matches("/berita/:b/", "/berita/x"));
        assert!(pattern_matches("/Berita/:b/", "/berita/x"));
        assert!(!pattern_matches("/berita/:b/", "/berita/x/index.html"));
        assert!(!pattern_matches("/berita/:b/", "/berita/"));
        assert!(!pattern_matches("/aset/:file", "/aset-desa/"));
        assert!(!pattern_matches("/a*b/", "/ab/"));
        let rules = Rules::parse("# c\n/*\n  A: 1\n/x/:b\n  B: 2:3\n");
        assert_eq!(rules.for_path("/x/y"), [("A", "1"), ("B", "2:3")]);
        assert_eq!(rules.for_path("/x/"), [("A", "1")]);
    }
}
