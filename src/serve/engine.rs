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
//!
//! Here the steps in order; `check` (patch or check), `make` (the
//! files of a plan), `publish`, the deferred `search` index, `verify`
//! mode and the [`Outcome`] live beside.

mod check;
mod make;
mod outcome;
mod publish;
mod search;
mod verify;

use super::front;
use super::plan::{self, JobKey, Plan};
use crate::diag::{Diagnostic, Diagnostics, SourceMap};
use crate::load::cache::LoadCache;
use crate::load::theme;
use crate::render::incremental::{BodyCache, Prepared};
use crate::site::patch::Touched;
use crate::site::{ResolveOptions, Site};
use bytes::Bytes;
use check::Checked;
use make::Made;
use publish::Remade;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Instant;

pub use outcome::{DiagView, ErrorReport, Outcome, OverlayWords, Served, Timings};

/// The last good build.
struct Good {
    /// Shared with a search index being built in the background; a patch
    /// copies it then (`Arc::make_mut`) rather than wait.
    site: Arc<Site>,
    /// URL paths of the pages listed in the sitemap.
    sitemap_urls: Vec<String>,
    /// Its feeds, search index files and assets.
    remade: Remade,
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
        let Some(Checked {
            touched,
            same_card,
            new_site,
        }) = self.check(&mut out, theme_paths)
        else {
            return self.fail(out, started);
        };

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

        // A news post added: the set of pages grew, and the sitemap with it.
        let grew = match (&new_site, &self.good) {
            (Some(n), Some(g)) => n.posts.len() != g.site.posts.len(),
            _ => false,
        };
        let Some(mut made) = self.make(site, prepared, bodies, &plan, grew, &mut out) else {
            return self.fail(out, started);
        };
        self.search_due |= self.defer_search;
        let full = matches!(plan, Plan::Full(_));

        if self.verify && !full {
            out.mismatches
                .extend(self.verify_against_full(site, &made.files));
        }

        // Publish.
        let t = Instant::now();
        out.changed += self.publish(full, &mut made);
        out.timings.publish = t.elapsed();
        out.full = match plan {
            Plan::Full(why) => Some(why),
            Plan::Some(_) => None,
        };
        let Made {
            sitemap_urls,
            feeds,
            search,
            assets,
            ..
        } = made;
        let search = search
            .or_else(|| {
                self.good
                    .as_mut()
                    .map(|g| std::mem::take(&mut g.remade.search))
            })
            .unwrap_or_default();
        let remade = Remade {
            feeds,
            search,
            assets,
        };
        match (new_site, self.good.as_mut()) {
            (Some(site), _) => {
                self.good = Some(Good {
                    site: Arc::new(site),
                    sitemap_urls,
                    remade,
                })
            }
            (None, Some(g)) => {
                g.sitemap_urls = sitemap_urls;
                g.remade = remade;
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
