//! The back of a rebuild: the files a plan makes (pages, feeds and
//! sitemap, search index, side files, assets, `_headers`), not yet served.

use super::plan::{self, Plan};
use super::{Engine, Outcome};
use crate::diag::{Diagnostic, SourceMap};
use crate::render::incremental::{self, Prepared, RenderedPage};
use crate::render::Bodies;
use crate::site::Site;
use bytes::Bytes;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The files of a build, and what the next build needs to know of them.
pub(super) struct Made {
    /// Output path → bytes.
    pub files: Vec<(String, Bytes)>,
    /// URL paths of the pages listed in the sitemap.
    pub sitemap_urls: Vec<String>,
    /// Output paths of the feeds, sitemap files and robots.txt.
    pub feeds: BTreeSet<String>,
    /// Output paths of the search index files; `None` when it is left to
    /// [`Engine::finish_search`].
    pub search: Option<BTreeSet<String>>,
    /// URL path of each asset → its source path relative to the root.
    pub assets: BTreeMap<String, String>,
}

impl Engine {
    /// Makes the files `plan` asks for. `grew`: news posts were added, so
    /// the feeds wait for the pages' URLs. `None` when something fails
    /// (the errors are in `out`).
    pub(super) fn make(
        &self,
        site: &Site,
        prepared: &Prepared,
        bodies: &Bodies,
        plan: &Plan,
        grew: bool,
        out: &mut Outcome,
    ) -> Option<Made> {
        let t = Instant::now();
        let jobs = match plan {
            Plan::Full(_) => incremental::jobs(site),
            Plan::Some(keys) => plan::jobs_of(site, keys),
        };
        let full = matches!(plan, Plan::Full(_));
        // A partial build makes its feeds beside the pages (a full one
        // needs the pages' URLs for the sitemap first). The sitemap is made
        // again too: its `lastmod`s follow the records' dates.
        let kept: &[String] = self.good.as_ref().map_or(&[], |g| &g.sitemap_urls);
        let tf = Instant::now();
        let (pages, partial_feeds) = if full || grew {
            (
                incremental::render_jobs(site, prepared, bodies, &jobs),
                None,
            )
        } else {
            let (pages, feeds) = rayon::join(
                || incremental::render_jobs(site, prepared, bodies, &jobs),
                || {
                    let f = incremental::feeds(site, prepared, bodies, kept);
                    (f, tf.elapsed())
                },
            );
            (pages, Some(feeds))
        };
        let pages = match pages {
            Ok(p) => p,
            Err(ds) => {
                out.diags.push((ds, self.theme_files.clone()));
                return None;
            }
        };
        out.pages = pages.len();
        if !full {
            let mut slow: Vec<(String, Duration)> =
                pages.iter().map(|p| (p.url.clone(), p.took)).collect();
            slow.sort_by_key(|p| std::cmp::Reverse(p.1));
            slow.truncate(8);
            out.slowest = slow;
        }
        // A partial build keeps the set of pages, so the sitemap too, but
        // for the pages it rendered: a post added, or a draft published or
        // unpublished under `--drafts`, comes in or goes out.
        let changed_sitemap = match plan {
            Plan::Some(_) if self.good.is_some() => {
                sitemap_after(kept, pages.iter().map(|p| (p.url.as_str(), p.in_sitemap)))
            }
            _ => Some(sitemap_of(&pages)),
        };
        let feeds = match (partial_feeds, &changed_sitemap) {
            (Some((feeds, took)), None) => {
                out.timings.feeds = took;
                feeds
            }
            (_, sitemap) => {
                let tf = Instant::now();
                let urls = sitemap.as_deref().unwrap_or(kept);
                let feeds = incremental::feeds(site, prepared, bodies, urls);
                out.timings.feeds = tf.elapsed();
                feeds
            }
        };
        let sitemap_urls = changed_sitemap.unwrap_or_else(|| kept.to_vec());
        let mut new_files: Vec<(String, Bytes)> = pages
            .into_iter()
            .map(|p| (p.path, Bytes::from(p.html.into_bytes())))
            .collect();
        let feed_paths: BTreeSet<String> = feeds.iter().map(|f| f.path.clone()).collect();
        new_files.extend(feeds.into_iter().map(|f| (f.path, Bytes::from(f.bytes))));
        let search: Option<BTreeSet<String>> = if self.defer_search {
            None
        } else {
            let ts = Instant::now();
            let search_files = incremental::model_files(site, prepared.strings());
            out.timings.search = ts.elapsed();
            let set = search_files.iter().map(|f| f.path.clone()).collect();
            new_files.extend(
                search_files
                    .into_iter()
                    .map(|f| (f.path, Bytes::from(f.bytes))),
            );
            Some(set)
        };
        if full {
            let side = incremental::side_files(site, prepared, bodies);
            new_files.extend(side.into_iter().map(|f| (f.path, Bytes::from(f.bytes))));
            new_files.extend(
                prepared
                    .static_files()
                    .iter()
                    .map(|f| (f.path.clone(), Bytes::from(f.bytes.clone()))),
            );
        }
        // Assets: all on a full build; else the new and the changed ones.
        let assets: BTreeMap<String, String> = site
            .assets
            .iter()
            .map(|(src, url)| (url.trim_start_matches('/').to_string(), src.clone()))
            .collect();
        let mut read_errors = Vec::new();
        for (path, src) in &assets {
            let known = self
                .good
                .as_ref()
                .is_some_and(|g| g.remade.assets.get(path) == Some(src));
            if full || !known || self.pending.contains(src) {
                match std::fs::read(self.root.join(src)) {
                    Ok(b) => {
                        out.assets += 1;
                        new_files.push((path.clone(), Bytes::from(b)));
                    }
                    Err(e) => read_errors.push(Diagnostic::global(crate::msg!(
                        "cannot-read",
                        path = src,
                        error = e.to_string()
                    ))),
                }
            }
        }
        if !read_errors.is_empty() {
            out.diags.push((read_errors, Arc::new(SourceMap::new())));
            return None;
        }
        // `_headers` follows the pages (a partial build may add a kind of
        // page, the second news page say); the site's own files are not
        // part of it, as in `build`. Only pages shape it.
        let headers = {
            let served = self.served.read().unwrap_or_else(|e| e.into_inner());
            let is_page = |p: &str| p.ends_with(".html") && !assets.contains_key(p);
            // A partial build that adds no page leaves the set of pages, and
            // so `_headers`, as it was (saves tens of milliseconds a save).
            let adds_page = full
                || new_files
                    .iter()
                    .any(|(p, _)| is_page(p) && !served.files.contains_key(p));
            adds_page.then(|| {
                let kept = served.files.keys().filter(|_| !full);
                let pages: BTreeSet<&str> = new_files
                    .iter()
                    .map(|(p, _)| p)
                    .chain(kept)
                    .map(String::as_str)
                    .filter(|p| is_page(p))
                    .collect();
                incremental::headers_file(site, pages)
            })
        };
        match headers {
            None => {}
            Some(Ok(f)) => new_files.push((f.path, Bytes::from(f.bytes))),
            Some(Err(d)) => {
                out.diags.push((vec![d], Arc::new(SourceMap::new())));
                return None;
            }
        }
        out.timings.render = t.elapsed();
        Some(Made {
            files: new_files,
            sitemap_urls,
            feeds: feed_paths,
            search,
            assets,
        })
    }
}

/// URL paths of the rendered pages that the sitemap lists.
pub(super) fn sitemap_of(pages: &[RenderedPage]) -> Vec<String> {
    pages
        .iter()
        .filter(|p| p.in_sitemap)
        .map(|p| p.url.clone())
        .collect()
}

/// The sitemap's URLs after a partial build: `kept`, with each rendered
/// page (URL path, whether the sitemap lists it) in or out as it now says.
/// `None` when none of them comes or goes.
fn sitemap_after<'a>(
    kept: &[String],
    rendered: impl IntoIterator<Item = (&'a str, bool)>,
) -> Option<Vec<String>> {
    let mut rendered: HashMap<&str, bool> = rendered.into_iter().collect();
    let mut out: Vec<String> = Vec::with_capacity(kept.len());
    let mut changed = false;
    for url in kept {
        match rendered.remove(url.as_str()) {
            Some(false) => changed = true, // left the sitemap
            _ => out.push(url.clone()),
        }
    }
    // Those left were not listed before.
    let mut added: Vec<&str> = rendered
        .into_iter()
        .filter(|&(_, listed)| listed)
        .map(|(url, _)| url)
        .collect();
    added.sort_unstable();
    changed |= !added.is_empty();
    out.extend(added.into_iter().map(String::from));
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::sitemap_after;

    fn urls(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_partial_build_keeps_the_sitemap_unless_a_rendered_page_comes_or_goes() {
        let kept = urls(&["/", "/berita/a/", "/berita/b/"]);
        // Rendered again, listed as before: the same sitemap.
        assert_eq!(
            sitemap_after(
                &kept,
                [("/", true), ("/berita/a/", true), ("/404.html", false)]
            ),
            None
        );
        // A post made a draft (under `--drafts`) leaves it.
        assert_eq!(
            sitemap_after(&kept, [("/berita/a/", false), ("/", true)]),
            Some(urls(&["/", "/berita/b/"]))
        );
        // A post added, or published again, comes in.
        assert_eq!(
            sitemap_after(&kept, [("/berita/c/", true), ("/berita/0/", true)]),
            Some(urls(&[
                "/",
                "/berita/a/",
                "/berita/b/",
                "/berita/0/",
                "/berita/c/"
            ]))
        );
    }
}
