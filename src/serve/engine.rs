//! The build half of `warta serve`: builds the site into memory and, on
//! each change, rebuilds what the change touches.
//!
//! Every rebuild checks the whole site (load → validate → resolve, as
//! `warta build` does), then decides from the files changed since the last
//! good build and from the old and new [`Site`]:
//! - theme or `templates/` changed → the theme is loaded and compiled again,
//!   and every page is rendered;
//! - settings, data files, events, or the set or order of posts, stories,
//!   pages, libraries, provinces, tags or award years changed → every page;
//! - only news posts, stories or stand-alone pages changed → just the pages
//!   that show them (see [`affected`]), plus the feeds;
//! - only assets changed → the assets are read again.
//!
//! Markdown bodies are rendered again only when their text changed
//! ([`BodyCache`]). A build with errors changes nothing that is served: the
//! last good site stays, and the errors are kept for the browser overlay.

use crate::diag::{emit, Diagnostic, Severity, SourceMap, Style};
use crate::load::theme;
use crate::pipeline;
use crate::render::incremental::{self, BodyCache, Job, Prepared, RenderedPage};
use crate::site::{
    EventId, LibraryId, PageId, PostId, ProvinceId, ResolveOptions, Site, StoryId, TagId,
};
use bytes::Bytes;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// What is served: output path (`berita/x/index.html`, no leading slash) →
/// bytes, plus the errors of the last build if it failed.
#[derive(Default)]
pub struct Served {
    pub files: HashMap<String, Bytes>,
    /// Bumped on every build, good or bad (the browser reloads when its
    /// page is older than this).
    pub version: u64,
    /// The errors of the last build, if it failed.
    pub errors: Option<Arc<ErrorReport>>,
}

/// One diagnostic, positions resolved, ready for the overlay.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DiagView {
    pub severity: &'static str,
    /// `file:line:col`, when the problem has a place.
    pub location: Option<String>,
    pub message: String,
    pub related: Vec<(String, String)>,
    pub help: Option<String>,
}

/// The errors of a failed build.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ErrorReport {
    pub items: Vec<DiagView>,
}

/// How a rebuild went.
#[derive(Debug, Default)]
pub struct Outcome {
    pub ok: bool,
    /// Every page was rendered (and why), or only some.
    pub full: Option<String>,
    /// HTML pages rendered.
    pub pages: usize,
    /// Markdown bodies rendered (the others were reused).
    pub bodies: usize,
    /// Assets read from disk.
    pub assets: usize,
    /// Files whose bytes changed or that appeared or went away.
    pub changed: usize,
    pub timings: Timings,
    /// Every diagnostic (warnings of a good build, errors of a bad one),
    /// with the file map to print them.
    pub diags: Vec<(Vec<Diagnostic>, Arc<SourceMap>)>,
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Timings {
    /// load + validate + resolve of the whole site.
    pub check: Duration,
    /// Loading and compiling the theme (only when it changed).
    pub theme: Duration,
    /// Markdown bodies.
    pub bodies: Duration,
    /// Pages, feeds, assets.
    pub render: Duration,
    /// Of `render`: the feeds, sitemap and robots.txt.
    pub feeds: Duration,
    /// Of `render`: the search index (always built whole).
    pub search: Duration,
    /// Updating what is served.
    pub publish: Duration,
    pub total: Duration,
}

impl Outcome {
    /// Prints the diagnostics in the chosen style.
    pub fn emit(&self, style: Style) {
        for (ds, files) in &self.diags {
            let _ = emit(ds, files, style);
        }
    }
    pub fn views(&self) -> Vec<DiagView> {
        self.diags
            .iter()
            .flat_map(|(ds, files)| ds.iter().map(|d| view(d, files)))
            .collect()
    }
    pub fn error_count(&self) -> usize {
        self.diags
            .iter()
            .map(|(ds, _)| ds.iter().filter(|d| d.is_error()).count())
            .sum()
    }
}

fn view(d: &Diagnostic, files: &SourceMap) -> DiagView {
    DiagView {
        severity: match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        location: d.span.as_ref().map(|s| files.location(s)),
        message: d.message.clone(),
        related: d
            .related
            .iter()
            .map(|(s, l)| (files.location(s), l.clone()))
            .collect(),
        help: d.help.clone(),
    }
}

/// The last good build.
struct Good {
    site: Site,
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
    prepared: Option<Prepared>,
    /// The source map of the theme's files (their diagnostics point there).
    theme_files: Arc<SourceMap>,
    bodies: BodyCache,
    good: Option<Good>,
    /// Paths (relative, `/`-separated) changed since the last good build.
    pending: BTreeSet<String>,
    served: Arc<RwLock<Served>>,
    /// After every partial build, render everything too and report any
    /// difference (for tests: `WARTA_SERVE_VERIFY=1`).
    pub verify: bool,
    /// Leave the search index (built whole, the slowest part of a partial
    /// build) to [`Engine::finish_search`], so pages are ready sooner. The
    /// previous index keeps being served until then.
    pub defer_search: bool,
    search_due: bool,
}

impl Engine {
    pub fn new(root: &Path, opts: ResolveOptions) -> Engine {
        Engine {
            root: root.to_path_buf(),
            opts,
            prepared: None,
            theme_files: Arc::new(SourceMap::new()),
            bodies: BodyCache::new(),
            good: None,
            pending: BTreeSet::new(),
            served: Arc::new(RwLock::new(Served::default())),
            verify: std::env::var_os("WARTA_SERVE_VERIFY").is_some_and(|v| v == "1"),
            defer_search: false,
            search_due: false,
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
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

    /// Builds everything (the first build, or after a change of theme).
    pub fn build(&mut self) -> Outcome {
        self.pending.insert("themes/".into());
        self.rebuild_now()
    }

    /// Notes changed paths (absolute, or relative to the root) and rebuilds.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Outcome {
        for p in changed {
            let rel = p.strip_prefix(&self.root).unwrap_or(p);
            self.pending.insert(crate::load::slash_path(rel));
        }
        self.rebuild_now()
    }

    fn rebuild_now(&mut self) -> Outcome {
        let started = Instant::now();
        let mut out = Outcome::default();
        let t = Instant::now();
        let checked = pipeline::check(&self.root, self.opts);
        out.timings.check = t.elapsed();
        let files = Arc::new(checked.files);
        let check_diags = checked.diags.into_vec();
        if check_diags.iter().any(Diagnostic::is_error) {
            out.diags.push((check_diags, files));
            return self.fail(out, started);
        }
        let site = checked.site;
        if !check_diags.is_empty() {
            out.diags.push((check_diags, files.clone()));
        }

        // The theme: again when its files, the site's templates or the
        // settings that choose it changed.
        let theme_changed = self.pending.iter().any(|p| {
            p.starts_with("themes/")
                || p.starts_with("templates/")
                || p == "themes"
                || p == "templates"
        }) || self.prepared.is_none()
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

        let t = Instant::now();
        let (body_diags, stats) = self.bodies.update(&site);
        out.timings.bodies = t.elapsed();
        out.bodies = stats.rendered;
        if !body_diags.is_empty() {
            out.diags.push((body_diags, files.clone()));
            return self.fail(out, started);
        }
        let Some(bodies) = self.bodies.bodies() else {
            return self.fail(out, started);
        };

        let t = Instant::now();
        let plan = match (&self.good, theme_changed) {
            (Some(good), false) => affected(&good.site, &site, &self.pending),
            (None, _) => Plan::Full("first build".into()),
            (_, true) => Plan::Full("the theme or templates changed".into()),
        };
        let jobs = match &plan {
            Plan::Full(_) => incremental::jobs(&site),
            Plan::Some(jobs) => jobs.clone(),
        };
        let pages = match incremental::render_jobs(&site, prepared, bodies, &jobs) {
            Ok(p) => p,
            Err(ds) => {
                out.diags.push((ds, self.theme_files.clone()));
                return self.fail(out, started);
            }
        };
        out.pages = pages.len();
        let sitemap_urls = match (&plan, &self.good) {
            (Plan::Some(_), Some(g)) => g.sitemap_urls.clone(),
            _ => sitemap_of(&pages),
        };
        let mut new_files: Vec<(String, Bytes)> = pages
            .into_iter()
            .map(|p| (p.path, Bytes::from(p.html.into_bytes())))
            .collect();
        let tf = Instant::now();
        let feeds = incremental::feeds(&site, prepared, bodies, &sitemap_urls);
        out.timings.feeds = tf.elapsed();
        new_files.extend(feeds.into_iter().map(|f| (f.path, Bytes::from(f.bytes))));
        let search: Option<BTreeSet<String>> = if self.defer_search {
            self.search_due = true;
            None
        } else {
            let ts = Instant::now();
            let search_files = incremental::model_files(&site);
            out.timings.search = ts.elapsed();
            let set = search_files.iter().map(|f| f.path.clone()).collect();
            new_files.extend(
                search_files
                    .into_iter()
                    .map(|f| (f.path, Bytes::from(f.bytes))),
            );
            Some(set)
        };
        let full = matches!(plan, Plan::Full(_));
        if full {
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
                    Err(e) => {
                        read_errors.push(Diagnostic::global(format!("cannot read {src}: {e}")))
                    }
                }
            }
        }
        if !read_errors.is_empty() {
            out.diags.push((read_errors, files.clone()));
            return self.fail(out, started);
        }
        out.timings.render = t.elapsed();

        if self.verify {
            if let Plan::Some(_) = plan {
                self.verify_against_full(&site, &new_files);
            }
        }

        // Publish.
        let t = Instant::now();
        {
            let mut served = self.served.write().unwrap_or_else(|e| e.into_inner());
            if full {
                let mut map: HashMap<String, Bytes> = HashMap::with_capacity(new_files.len());
                for (k, v) in new_files {
                    if served.files.get(&k) != Some(&v) {
                        out.changed += 1;
                    }
                    map.insert(k, v);
                }
                if search.is_none() {
                    // Deferred: the old index (consistent in itself) stays
                    // until `finish_search` replaces it.
                    for k in self.good.iter().flat_map(|g| &g.search) {
                        if let Some(v) = served.files.get(k) {
                            map.insert(k.clone(), v.clone());
                        }
                    }
                }
                out.changed += served
                    .files
                    .keys()
                    .filter(|k| !map.contains_key(*k))
                    .count();
                served.files = map;
            } else {
                if let Some(g) = &self.good {
                    let stale = g
                        .search
                        .iter()
                        .filter(|k| search.as_ref().is_some_and(|s| !s.contains(*k)));
                    for gone in stale {
                        served.files.remove(gone);
                        out.changed += 1;
                    }
                    for gone in g.assets.keys().filter(|k| !assets.contains_key(*k)) {
                        served.files.remove(gone);
                        out.changed += 1;
                    }
                }
                for (k, v) in new_files {
                    if served.files.get(&k) != Some(&v) {
                        out.changed += 1;
                        served.files.insert(k, v);
                    }
                }
            }
            served.version += 1;
            served.errors = None;
        }
        out.timings.publish = t.elapsed();
        out.full = match plan {
            Plan::Full(why) => Some(why),
            Plan::Some(_) => None,
        };
        let search = search
            .or_else(|| self.good.as_ref().map(|g| g.search.clone()))
            .unwrap_or_default();
        self.good = Some(Good {
            site,
            sitemap_urls,
            assets,
            search,
        });
        self.pending.clear();
        out.ok = true;
        out.timings.total = started.elapsed();
        out
    }

    /// Builds and publishes the search index of the last good build when
    /// [`Engine::defer_search`] left it for later; returns the time taken.
    pub fn finish_search(&mut self) -> Option<Duration> {
        if !std::mem::take(&mut self.search_due) {
            return None;
        }
        let good = self.good.as_mut()?;
        let t = Instant::now();
        let files = incremental::model_files(&good.site);
        let set: BTreeSet<String> = files.iter().map(|f| f.path.clone()).collect();
        let mut served = self.served.write().unwrap_or_else(|e| e.into_inner());
        for gone in good.search.iter().filter(|k| !set.contains(*k)) {
            served.files.remove(gone);
        }
        for f in files {
            served.files.insert(f.path, Bytes::from(f.bytes));
        }
        good.search = set;
        Some(t.elapsed())
    }

    fn fail(&mut self, mut out: Outcome, started: Instant) -> Outcome {
        let report = ErrorReport { items: out.views() };
        let mut served = self.served.write().unwrap_or_else(|e| e.into_inner());
        served.version += 1;
        served.errors = Some(Arc::new(report));
        out.ok = false;
        out.timings.total = started.elapsed();
        out
    }

    /// Renders the whole site and compares it with what a partial build
    /// would serve; prints every difference to stderr.
    fn verify_against_full(&self, site: &Site, partial: &[(String, Bytes)]) {
        let (Some(prepared), Some(bodies)) = (self.prepared.as_ref(), self.bodies.bodies()) else {
            return;
        };
        let Ok(pages) = incremental::render_jobs(site, prepared, bodies, &incremental::jobs(site))
        else {
            return;
        };
        let urls = sitemap_of(&pages);
        let mut expected: HashMap<String, Vec<u8>> = pages
            .into_iter()
            .map(|p| (p.path, p.html.into_bytes()))
            .collect();
        for f in incremental::feeds(site, prepared, bodies, &urls)
            .into_iter()
            .chain(incremental::model_files(site))
        {
            expected.insert(f.path, f.bytes);
        }
        let served = self.served.read().unwrap_or_else(|e| e.into_inner());
        let partial: HashMap<&str, &Bytes> = partial.iter().map(|(k, v)| (k.as_str(), v)).collect();
        let mut bad = 0;
        for (path, bytes) in &expected {
            let got = partial
                .get(path.as_str())
                .copied()
                .or_else(|| served.files.get(path));
            if got.map(|b| &b[..]) != Some(&bytes[..]) {
                bad += 1;
                if bad <= 20 {
                    eprintln!("warta serve: verify: {path} differs from a full build");
                }
            }
        }
        if bad > 0 {
            eprintln!("warta serve: verify: {bad} files differ from a full build");
        }
    }
}

fn sitemap_of(pages: &[RenderedPage]) -> Vec<String> {
    pages
        .iter()
        .filter(|p| p.in_sitemap)
        .map(|p| p.url.clone())
        .collect()
}

/// What a rebuild renders.
#[derive(Debug)]
pub enum Plan {
    /// Every page, and why.
    Full(String),
    /// These pages (the feeds and sitemap are always made again).
    Some(Vec<Job>),
}

/// Which content record a path belongs to: section folder and slug.
fn content_record(path: &str) -> Option<(&str, &str)> {
    let rest = path.strip_prefix("content/")?;
    let parts: Vec<&str> = rest.split('/').collect();
    match parts.as_slice() {
        [file] => Some(("", file.strip_suffix(".md")?)),
        [folder, file] if matches!(*folder, "berita" | "kisah" | "plm") => {
            Some((folder, file.strip_suffix(".md")?))
        }
        [folder, slug, ..] if matches!(*folder, "berita" | "kisah" | "plm") => Some((folder, slug)),
        [slug, _, ..] => Some(("", slug)),
        _ => None,
    }
}

/// Decides what to render after `changed` paths turned `old` into `new`.
pub fn affected(old: &Site, new: &Site, changed: &BTreeSet<String>) -> Plan {
    let full = |why: &str| Plan::Full(why.to_string());
    if format!("{:?}", old.config) != format!("{:?}", new.config) {
        return full("the site settings changed");
    }
    let same = |a: Vec<&str>, b: Vec<&str>| a == b;
    if !same(
        old.posts.iter().map(|p| p.slug.as_str()).collect(),
        new.posts.iter().map(|p| p.slug.as_str()).collect(),
    ) {
        return full("news posts were added, removed or reordered");
    }
    if !same(
        old.stories.iter().map(|p| p.slug.as_str()).collect(),
        new.stories.iter().map(|p| p.slug.as_str()).collect(),
    ) {
        return full("stories were added, removed or reordered");
    }
    if !same(
        old.events.iter().map(|p| p.slug.as_str()).collect(),
        new.events.iter().map(|p| p.slug.as_str()).collect(),
    ) || !same(
        old.pages.iter().map(|p| p.slug.as_str()).collect(),
        new.pages.iter().map(|p| p.slug.as_str()).collect(),
    ) {
        return full("events or pages were added, removed or reordered");
    }
    if old.tags.len() != new.tags.len()
        || old
            .tags
            .iter()
            .zip(&new.tags)
            .any(|(a, b)| a.slug != b.slug || a.name != b.name)
    {
        return full("the set of tags changed");
    }
    if old.libraries.len() != new.libraries.len()
        || old.provinces.len() != new.provinces.len()
        || old.regencies.len() != new.regencies.len()
        || old.award_years != new.award_years
        || old.awards.len() != new.awards.len()
        || old.reports.len() != new.reports.len()
    {
        return full("the data changed");
    }

    let mut jobs: BTreeSet<JobKey> = BTreeSet::new();
    for path in changed {
        if path == "static" || path.starts_with("static/") {
            continue; // assets only
        }
        if path == "content" || path.starts_with("content/") {
            if !path.ends_with(".md") {
                // An asset (served as it is) or a folder: a page added or
                // removed shows in the shape compared above.
                continue;
            }
        } else {
            return full("data or settings changed");
        }
        let Some((section, slug)) = content_record(path) else {
            continue;
        };
        match section {
            "berita" => {
                let Some(i) = new.posts.iter().position(|p| p.slug == slug) else {
                    continue; // not published (a draft), as before
                };
                post_pages(old, new, i, &mut jobs);
            }
            "kisah" => {
                let Some(i) = new.stories.iter().position(|p| p.slug == slug) else {
                    continue;
                };
                story_pages(old, new, i, &mut jobs);
            }
            "plm" => {
                if new.events.iter().any(|e| e.slug == slug) {
                    return full("an event changed");
                }
            }
            _ => {
                if let Some(i) = new.pages.iter().position(|p| p.slug == slug) {
                    jobs.insert(JobKey::Page(i as u32));
                }
            }
        }
    }
    Plan::Some(jobs.into_iter().map(JobKey::job).collect())
}

/// A sortable, deduplicated stand-in for [`Job`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum JobKey {
    Home,
    News(usize),
    Post(u32),
    Stories,
    Story(u32),
    Provinces,
    Province(u32),
    Library(u32),
    Event(u32),
    Tag(u32),
    Search,
    Page(u32),
}

impl JobKey {
    fn job(self) -> Job {
        match self {
            JobKey::Home => Job::Home,
            JobKey::News(n) => Job::News(n),
            JobKey::Post(i) => Job::Post(PostId(i)),
            JobKey::Stories => Job::Stories,
            JobKey::Story(i) => Job::Story(StoryId(i)),
            JobKey::Provinces => Job::Provinces,
            JobKey::Province(i) => Job::Province(ProvinceId(i)),
            JobKey::Library(i) => Job::Library(LibraryId(i)),
            JobKey::Event(i) => Job::Event(EventId(i)),
            JobKey::Tag(i) => Job::Tag(TagId(i)),
            JobKey::Search => Job::Search,
            JobKey::Page(i) => Job::Page(PageId(i)),
        }
    }
}

/// The pages that show news post `i` (same index in both sites): the post,
/// its listing page, the home page (latest posts), its provinces,
/// libraries, event and tags before and after, the search page (years) and,
/// when its provinces changed, the lists that count posts per province.
fn post_pages(old: &Site, new: &Site, i: usize, jobs: &mut BTreeSet<JobKey>) {
    let (o, n) = (&old.posts[i], &new.posts[i]);
    jobs.insert(JobKey::Post(i as u32));
    jobs.insert(JobKey::News(incremental::news_page_of(new, i)));
    jobs.insert(JobKey::Home);
    jobs.insert(JobKey::Search);
    if o.provinces != n.provinces {
        jobs.insert(JobKey::Provinces);
    }
    for p in o.provinces.iter().chain(&n.provinces) {
        jobs.insert(JobKey::Province(p.0));
    }
    for l in o.libraries.iter().chain(&n.libraries) {
        jobs.insert(JobKey::Library(l.0));
    }
    for e in o.event.iter().chain(&n.event) {
        jobs.insert(JobKey::Event(e.0));
    }
    for t in o.tags.iter().chain(&n.tags) {
        jobs.insert(JobKey::Tag(t.0));
    }
}

/// The pages that show story `i`: the story, the story list, the home page,
/// its library and province before and after, its tags.
fn story_pages(old: &Site, new: &Site, i: usize, jobs: &mut BTreeSet<JobKey>) {
    let (o, n) = (&old.stories[i], &new.stories[i]);
    jobs.insert(JobKey::Story(i as u32));
    jobs.insert(JobKey::Stories);
    jobs.insert(JobKey::Home);
    for p in [o.province, n.province] {
        jobs.insert(JobKey::Province(p.0));
    }
    for l in [o.library, n.library] {
        jobs.insert(JobKey::Library(l.0));
    }
    for t in o.tags.iter().chain(&n.tags) {
        jobs.insert(JobKey::Tag(t.0));
    }
}

#[cfg(test)]
mod tests {
    use super::content_record;

    #[test]
    fn paths_to_records() {
        assert_eq!(content_record("content/berita/a.md"), Some(("berita", "a")));
        assert_eq!(
            content_record("content/berita/a/index.md"),
            Some(("berita", "a"))
        );
        assert_eq!(
            content_record("content/kisah/b/foto.jpg"),
            Some(("kisah", "b"))
        );
        assert_eq!(content_record("content/tentang.md"), Some(("", "tentang")));
        assert_eq!(
            content_record("content/kontak/index.md"),
            Some(("", "kontak"))
        );
        assert_eq!(content_record("data/site.yaml"), None);
    }
}
