//! Links in a body: the `@/…` content links a body may use and the
//! error for one that names no published page; external links, which get
//! `rel="noopener"`.

use crate::diag::{suggest, Diagnostic, Span};
use crate::site::{BodySource, Site};
use std::collections::BTreeMap;

/// Every `@/` link target a body may use: `berita/x.md` → `/berita/x/`.
pub struct LinkTargets {
    pub(super) by_path: BTreeMap<String, String>,
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
            add("berita", &p.slug, crate::render::urls::post(&p.slug));
        }
        for s in &site.stories {
            add("kisah", &s.slug, crate::render::urls::story(&s.slug));
        }
        for e in &site.events {
            add("plm", &e.slug, crate::render::urls::event(&e.slug));
        }
        for p in &site.pages {
            add("", &p.slug, crate::render::urls::page(&p.slug));
        }
        LinkTargets { by_path }
    }

    /// The URL of `@/path#frag`, or `None` if no such page is published.
    pub(super) fn resolve(&self, target: &str) -> Option<String> {
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

/// How an open link is closed (see `render_with`).
pub(super) enum LinkEnd {
    Markdown,
    Raw,
    Dropped,
}

pub(super) fn is_external(dest: &str) -> bool {
    let lower = dest.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//")
}

pub(super) fn broken_link(
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
    let help = suggest::closest(
        typed.split('#').next().unwrap_or(typed),
        targets.by_path.keys().map(String::as_str),
    )
    .map(|c| crate::msg!("did-you-mean", suggestion = format!("@/{c}")))
    .unwrap_or_else(|| crate::msg!("broken-link-help"));
    Diagnostic::error(
        Span::new(source.span.file, start..end),
        crate::msg!("broken-link", link = crate::diag::shorten(dest)),
    )
    .with_help(help)
}
