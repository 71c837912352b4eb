//! The build half of `warta serve`: builds the site into memory and, on
//! each change, rebuilds what the change touches.
//!
//! Front half ([`super::front`]): the files come from a
//! [`LoadCache`] (only the changed ones are read and parsed again). When
//! every change since the last good build is an edit of a news post or
//! story (or an asset), those records are validated and resolved alone
//! and patched into the last good [`Site`] (`site::patch`); anything else
//! (data, settings, events, pages, files added or removed, a record whose
//! edit changes the site's shape) validates and resolves the whole site.
//!
//! Back half ([`super::plan`]): the theme is compiled again only when it
//! changed; Markdown bodies are rendered again only when their text
//! changed ([`BodyCache`]); then either every page, or just the pages that
//! show the changed records, plus the feeds (the sitemap only when the set
//! of pages changed). A build with errors changes nothing that is served:
//! the last good site stays, and the errors are kept for the browser
//! overlay.

mod outcome;
mod publish;
mod search;
mod verify;

use super::front;
use super::plan::{self, JobKey, Plan};
use crate::diag::{Diagnostic, Diagnostics, SourceMap};
use crate::load::cache::LoadCache;
use crate::load::theme;
use crate::render::incremental::{self, BodyCache, Prepared, RenderedPage};
use crate::site::patch::{self, Touched};
use crate::site::{ResolveOptions, Site};
use bytes::Bytes;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

pub use outcome::{DiagView, ErrorReport, Outcome, OverlayWords, Served, Timings};

/// The last good build.
struct Good {
    /// Shared with a search index being built in the background; a patch
    /// copies it then (`Arc::make_mut`) rather than wait.
    site: Arc<Site>,
    /// URL paths of the pages listed in the sitemap.
    sitemap_urls: Vec<String>,
    /// URL path of each asset → its source path relative to the root.
    assets: BTreeMap<String, String>,
    /// Output paths of the search index files (their names change with
    /// their content, so stale ones must go).
    search: BTreeSet<String>,
}

/// Builds and rebuilds one site into a [`Served`] map.
pub struct Engine {
    root: PathBuf,
    opts: ResolveOptions,
    cache: LoadCache,
    prepared: Option<Prepared>,
    /// The source map of the theme's files (their diagnostics point there).
    theme_files: Arc<SourceMap>,
    bodies: BodyCache,
    good: Option<Good>,
    /// Paths (relative, `/`-separated) changed since the last good build.
    pending: BTreeSet<String>,
    /// Since the last good build a file came or went (no patching).
    structural: bool,
    /// Pages of a patched site not rendered yet (its rendering failed).
    owed: BTreeSet<JobKey>,
    served: Arc<RwLock<Served>>,
    /// After every partial build, render everything too and report any
    /// difference (for tests: `WARTA_SERVE_VERIFY=1`); the differences
    /// are in [`Outcome::mismatches`].
    pub verify: bool,
    /// Leave the search index (built whole, the slowest part of a partial
    /// build) to [`Engine::finish_search`], so pages are ready sooner. The
    /// previous index keeps being served until then.
    pub defer_search: bool,
    search_due: bool,
    search_job: Option<SearchJob>,
    /// Bumped by every good build: a search index of an older one is stale.
    generation: u64,
    /// The messages of the overlay and the terminal, in the site's
    /// language (or `--lang`, see [`Engine::set_lang`]).
    catalog: Arc<crate::diag::Catalog>,
}

/// A search index being built on its own thread.
struct SearchJob {
    generation: u64,
    started: Instant,
    handle: std::thread::JoinHandle<Vec<crate::render::OutFile>>,
}

impl Engine {
    /// Messages in `lang` whatever the site says (`--lang`).
    pub fn set_lang(&mut self, lang: crate::diag::Lang) {
        self.catalog = Arc::new(crate::diag::Catalog::new(lang));
    }
    /// The catalogue messages are written with.
    pub fn catalog(&self) -> Arc<crate::diag::Catalog> {
        self.catalog.clone()
    }
    pub fn new(root: &Path, opts: ResolveOptions) -> Engine {
        Engine {
            root: root.to_path_buf(),
            opts,
            cache: LoadCache::new(root),
            prepared: None,
            theme_files: Arc::new(SourceMap::new()),
            bodies: BodyCache::new(),
            good: None,
            pending: BTreeSet::new(),
            structural: true,
            owed: BTreeSet::new(),
            served: Arc::new(RwLock::new(Served::default())),
            verify: std::env::var_os("WARTA_SERVE_VERIFY").is_some_and(|v| v == "1"),
            defer_search: false,
            search_due: false,
            search_job: None,
            catalog: Arc::new(crate::diag::Catalog::new(crate::load::message_language(
                root, None,
            ))),
            generation: 0,
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn options(&self) -> ResolveOptions {
        self.opts
    }

    /// What is served, shared with the HTTP server.
    pub fn served(&self) -> Arc<RwLock<Served>> {
        self.served.clone()
    }

    /// The bytes served at output path `path` (`berita/x/index.html`).
    pub fn get(&self, path: &str) -> Option<Bytes> {
        self.served
            .read()
            .ok()
            .and_then(|s| s.files.get(path).cloned())
    }

    /// Builds everything (the first build, or after a change of theme):
    /// every file is read again when its size or time changed.
    pub fn build(&mut self) -> Outcome {
        self.pending.insert("themes/".into());
        self.rebuild_now(None)
    }

    /// Notes changed paths (absolute, or relative to the root) and rebuilds.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Outcome {
        let mut fresh = Vec::with_capacity(changed.len());
        for p in changed {
            let rel = p.strip_prefix(&self.root).unwrap_or(p);
            let rel = crate::load::slash_path(rel);
            if rel.is_empty() {
                return self.build(); // the whole folder
            }
            self.pending.insert(rel.clone());
            fresh.push(rel);
        }
        self.rebuild_now(Some(fresh))
    }

    /// Diagnostics of the site's files, with the files to print them.
    fn site_diags(&self, mut diags: Vec<Diagnostic>) -> (Vec<Diagnostic>, Arc<SourceMap>) {
        let files = self.cache.source_map(&mut diags);
        let mut sorted = Diagnostics::new();
        sorted.extend(diags);
        sorted.sort(&files);
        (sorted.into_vec(), Arc::new(files))
    }

    fn rebuild_now(&mut self, fresh: Option<Vec<String>>) -> Outcome {
        let started = Instant::now();
        let mut out = Outcome::default();
        let t = Instant::now();
        let refresh = match fresh {
            Some(paths) => self.cache.update(&paths),
            None => self.cache.rescan(),
        };
        if !refresh.only_modified() {
            self.structural = true;
        }
        out.timings.load = t.elapsed();

        let theme_paths = self.pending.iter().any(|p| {
            p.starts_with("themes/")
                || p.starts_with("templates/")
                || p.starts_with("i18n/")
                || p == "themes"
                || p == "templates"
                || p == "i18n"
        });

        // Check: patch the last good site, or the whole site.
        let t = Instant::now();
        let mut touched: Option<Vec<Touched>> = None;
        let mut same_card: Vec<(bool, usize)> = Vec::new();
        let mut new_site: Option<Site> = None;
        let attempt = match &self.good {
            Some(_) if !self.structural && !theme_paths => front::edits(&self.cache, &self.pending),
            Some(_) => Err("files came or went, or the theme changed".to_string()),
            None => Err("first build".to_string()),
        };
        let mut why_full = None;
        match attempt {
            Ok((edits, paths)) => {
                let good = self.good.as_mut().expect("checked above");
                let (planned, diags) =
                    front::patch(&good.site, &self.cache, self.opts, &edits, &paths);
                if diags.iter().any(Diagnostic::is_error) {
                    out.timings.check = t.elapsed();
                    out.diags.push(self.site_diags(diags));
                    return self.fail(out, started);
                }
                match planned {
                    Ok(p) => {
                        // What the lists show of each record, before and after.
                        let targets = p.targets();
                        let cards = |site: &Site| -> Vec<String> {
                            match (&self.prepared, self.bodies.bodies()) {
                                (Some(pr), Some(b)) => targets
                                    .iter()
                                    .map(|&(story, i)| incremental::card(site, pr, b, story, i))
                                    .collect(),
                                _ => Vec::new(),
                            }
                        };
                        let before = cards(&good.site);
                        touched = Some(patch::apply(Arc::make_mut(&mut good.site), p));
                        let after = cards(&good.site);
                        same_card = targets
                            .iter()
                            .zip(before.iter().zip(&after))
                            .filter(|(_, (a, b))| a == b)
                            .map(|(t, _)| *t)
                            .collect();
                        for p in &paths {
                            self.pending.remove(p);
                        }
                        if !diags.is_empty() {
                            out.diags.push(self.site_diags(diags));
                        }
                    }
                    Err(why) => why_full = Some(why),
                }
            }
            Err(why) => why_full = Some(why),
        }
        if touched.is_none() {
            let (site, diags) = front::full(&self.cache, self.opts);
            let errors = diags.iter().any(Diagnostic::is_error);
            if !diags.is_empty() {
                out.diags.push(self.site_diags(diags));
            }
            if errors {
                out.timings.check = t.elapsed();
                return self.fail(out, started);
            }
            new_site = Some(site);
        }
        out.timings.check = t.elapsed();
        out.patched = touched.is_some();
        out.full_check = why_full;
        if let (true, Some(g)) = (self.verify && out.patched, &self.good) {
            out.mismatches
                .extend(front::verify(&g.site, &self.cache, self.opts));
        }

        let site: &Site = match (&new_site, &self.good) {
            (Some(s), _) => s,
            (None, Some(g)) => &g.site,
            (None, None) => unreachable!("a patch needs a good build"),
        };

        // The theme: again when its files, the site's templates or the
        // settings that choose it changed.
        let theme_changed = theme_paths
            || self.prepared.is_none()
            || self.good.as_ref().is_some_and(|g| {
                g.site.config.theme != site.config.theme
                    || g.site.config.language != site.config.language
            });
        if theme_changed {
            let t = Instant::now();
            self.prepared = None;
            let mut theme_files = SourceMap::new();
            let loaded = theme::load_theme(
                &self.root,
                &site.config.theme,
                &site.config.language,
                &mut theme_files,
            )
            .and_then(Prepared::new);
            self.theme_files = Arc::new(theme_files);
            out.timings.theme = t.elapsed();
            match loaded {
                Ok(p) => self.prepared = Some(p),
                Err(ds) => {
                    out.diags.push((ds, self.theme_files.clone()));
                    return self.fail(out, started);
                }
            }
        }
        let Some(prepared) = self.prepared.as_ref() else {
            return self.fail(out, started);
        };

        // What to render.
        let plan = match (&self.good, theme_changed, &touched, &new_site) {
            (None, _, _, _) => Plan::Full("first build".into()),
            (_, true, _, _) => Plan::Full("the theme or templates changed".into()),
            (Some(g), false, Some(t), _) => {
                plan::touched_pages(&g.site, t, &same_card, std::mem::take(&mut self.owed))
            }
            (Some(g), false, None, Some(new)) => {
                match plan::affected(&g.site, new, &self.pending) {
                    Plan::Some(mut keys) => {
                        keys.extend(std::mem::take(&mut self.owed));
                        Plan::Some(keys)
                    }
                    full => full,
                }
            }
            (Some(_), false, None, None) => unreachable!("a site is patched or new"),
        };
        if let (Plan::Some(keys), true) = (&plan, touched.is_some()) {
            // Until they are rendered, the patched site's pages are owed.
            self.owed = keys.clone();
        }

        let t = Instant::now();
        let refreshed = match &touched {
            Some(list) => {
                let (mut posts, mut stories) = (Vec::new(), Vec::new());
                for x in list {
                    match x {
                        Touched::Post { id, .. } => posts.push(id.index()),
                        Touched::Story { id, .. } => stories.push(id.index()),
                    }
                }
                self.bodies.refresh_some(site, &posts, &stories)
            }
            None => None,
        };
        let (body_diags, stats) = refreshed.unwrap_or_else(|| self.bodies.update(site));
        out.timings.bodies = t.elapsed();
        out.bodies = stats.rendered;
        if !body_diags.is_empty() {
            out.diags.push(self.site_diags(body_diags));
            return self.fail(out, started);
        }
        let Some(bodies) = self.bodies.bodies() else {
            return self.fail(out, started);
        };

        let t = Instant::now();
        let jobs = match &plan {
            Plan::Full(_) => incremental::jobs(site),
            Plan::Some(keys) => plan::jobs_of(site, keys),
        };
        let full = matches!(plan, Plan::Full(_));
        // A news post added: the set of pages grew, and the sitemap with it.
        let grew = match (&new_site, &self.good) {
            (Some(n), Some(g)) => n.posts.len() != g.site.posts.len(),
            _ => false,
        };
        // A partial build makes its feeds beside the pages (a full one
        // needs the pages' URLs for the sitemap first). The sitemap is made
        // again too: its `lastmod`s follow the records' dates.
        let tf = Instant::now();
        let (pages, partial_feeds) = if full || grew {
            (
                incremental::render_jobs(site, prepared, bodies, &jobs),
                None,
            )
        } else {
            let kept: &[String] = self.good.as_ref().map_or(&[], |g| &g.sitemap_urls);
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
                return self.fail(out, started);
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
        // A partial build keeps the set of pages, so the sitemap too.
        let sitemap_urls = match (&plan, &self.good) {
            (Plan::Some(_), Some(g)) if grew => {
                let mut urls = g.sitemap_urls.clone();
                urls.extend(sitemap_of(&pages));
                urls.sort();
                urls.dedup();
                urls
            }
            (Plan::Some(_), Some(g)) => g.sitemap_urls.clone(),
            _ => sitemap_of(&pages),
        };
        let mut new_files: Vec<(String, Bytes)> = pages
            .into_iter()
            .map(|p| (p.path, Bytes::from(p.html.into_bytes())))
            .collect();
        let feeds = match partial_feeds {
            Some((feeds, took)) => {
                out.timings.feeds = took;
                feeds
            }
            None => {
                let tf = Instant::now();
                let feeds = incremental::feeds(site, prepared, bodies, &sitemap_urls);
                out.timings.feeds = tf.elapsed();
                feeds
            }
        };
        new_files.extend(feeds.into_iter().map(|f| (f.path, Bytes::from(f.bytes))));
        let search: Option<BTreeSet<String>> = if self.defer_search {
            self.search_due = true;
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
                .is_some_and(|g| g.assets.get(path) == Some(src));
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
            return self.fail(out, started);
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
                return self.fail(out, started);
            }
        }
        out.timings.render = t.elapsed();

        if self.verify && !full {
            out.mismatches
                .extend(self.verify_against_full(site, &new_files));
        }

        // Publish.
        let t = Instant::now();
        out.changed += self.publish(full, new_files, search.as_ref(), &assets);
        out.timings.publish = t.elapsed();
        out.full = match plan {
            Plan::Full(why) => Some(why),
            Plan::Some(_) => None,
        };
        let search = search
            .or_else(|| self.good.as_ref().map(|g| g.search.clone()))
            .unwrap_or_default();
        match (new_site, self.good.as_mut()) {
            (Some(site), _) => {
                self.good = Some(Good {
                    site: Arc::new(site),
                    sitemap_urls,
                    assets,
                    search,
                })
            }
            (None, Some(g)) => {
                g.sitemap_urls = sitemap_urls;
                g.assets = assets;
                g.search = search;
            }
            (None, None) => {}
        }
        self.owed.clear();
        self.pending.clear();
        self.structural = false;
        self.generation += 1;
        out.ok = true;
        out.timings.total = started.elapsed();
        out
    }

    fn fail(&mut self, mut out: Outcome, started: Instant) -> Outcome {
        let report = ErrorReport {
            items: out.views(&self.catalog),
        };
        let mut served = self.served.write().unwrap_or_else(|e| e.into_inner());
        served.version += 1;
        served.errors = Some(Arc::new(report));
        out.ok = false;
        out.timings.total = started.elapsed();
        out
    }
}

fn sitemap_of(pages: &[RenderedPage]) -> Vec<String> {
    pages
        .iter()
        .filter(|p| p.in_sitemap)
        .map(|p| p.url.clone())
        .collect()
}
