//! Links in a body: the `@/…` content links a body may use and the
//! error for one that names no published page; external links, which get
//! `rel="noopener"`.

use crate::diag::{suggest, Diagnostic, Span};
use crate::site::{BodySource, Site};

/// Every `@/` link target a body may use: `berita/x.md` → `/berita/x/`.
/// A sorted list searched by halves, made on all cores: a site of
/// 100,000 posts has 200,000 paths.
pub struct LinkTargets {
    /// `(path, index in urls)`, sorted by path, each path once.
    paths: Vec<(String, u32)>,
    urls: Vec<String>,
}

impl LinkTargets {
    pub fn new(site: &Site) -> Self {
        use crate::render::urls;
        use rayon::prelude::*;
        let mut targets: Vec<(String, String)> = site
            .posts
            .par_iter()
            .map(|p| (format!("berita/{}", p.slug), urls::post(&p.slug)))
            .collect();
        targets.extend(
            site.stories
                .iter()
                .map(|s| (format!("kisah/{}", s.slug), urls::story(&s.slug))),
        );
        targets.extend(
            site.events
                .iter()
                .map(|e| (format!("plm/{}", e.slug), urls::event(&e.slug))),
        );
        targets.extend(
            site.pages
                .iter()
                .map(|p| (p.slug.clone(), urls::page(&p.slug))),
        );
        Self::from_targets(targets)
    }

    /// `(path without `.md`, URL)` pairs; of one path named twice, the
    /// later wins.
    pub(super) fn from_targets(targets: Vec<(String, String)>) -> Self {
        use rayon::prelude::*;
        let mut paths: Vec<(String, u32)> = targets
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, (base, _))| {
                [
                    (format!("{base}.md"), i as u32),
                    (format!("{base}/index.md"), i as u32),
                ]
            })
            .collect();
        // Stable: of equal paths the later target stays last, and is kept.
        paths.par_sort_by(|a, b| a.0.cmp(&b.0));
        paths.reverse();
        paths.dedup_by(|a, b| a.0 == b.0);
        paths.reverse();
        let urls = targets.into_iter().map(|(_, url)| url).collect();
        LinkTargets { paths, urls }
    }

    /// The URL of `@/path#frag`, or `None` if no such page is published.
    pub(super) fn resolve(&self, target: &str) -> Option<String> {
        let (path, frag) = match target.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (target, None),
        };
        let path = path.trim_start_matches('/');
        let at = self
            .paths
            .binary_search_by(|(p, _)| p.as_str().cmp(path))
            .ok()?;
        let url = &self.urls[self.paths[at].1 as usize];
        Some(match frag {
            Some(f) => format!("{url}#{f}"),
            None => url.clone(),
        })
    }

    /// Every path, sorted (for "did you mean").
    fn paths(&self) -> impl Iterator<Item = &str> {
        self.paths.iter().map(|(p, _)| p.as_str())
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
    let help = suggest::closest(typed.split('#').next().unwrap_or(typed), targets.paths())
        .map(|c| crate::msg!("did-you-mean", suggestion = format!("@/{c}")))
        .unwrap_or_else(|| crate::msg!("broken-link-help"));
    Diagnostic::error(
        Span::new(source.span.file, start..end),
        crate::msg!("broken-link", link = crate::diag::shorten(dest)),
    )
    .with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_by_file_or_folder_with_fragments() {
        let t = LinkTargets::from_targets(vec![
            ("berita/b".into(), "/berita/b/".into()),
            ("berita/a".into(), "/berita/a/".into()),
            ("tentang".into(), "/tentang/".into()),
            ("berita/a".into(), "/berita/a-later/".into()),
        ]);
        assert_eq!(t.resolve("berita/b.md").as_deref(), Some("/berita/b/"));
        assert_eq!(
            t.resolve("/berita/b/index.md").as_deref(),
            Some("/berita/b/")
        );
        assert_eq!(
            t.resolve("tentang.md#visi").as_deref(),
            Some("/tentang/#visi")
        );
        // Of one path named twice, the later target wins.
        assert_eq!(
            t.resolve("berita/a.md").as_deref(),
            Some("/berita/a-later/")
        );
        assert_eq!(t.resolve("berita/c.md"), None);
        assert_eq!(t.resolve("berita/b"), None);
        let paths: Vec<&str> = t.paths().collect();
        let mut sorted = paths.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(paths, sorted, "sorted, each once");
    }
}
