//! Rendering a site piece by piece, for `warta serve`: compile the theme
//! once ([`Prepared`]), keep Markdown bodies between builds ([`BodyCache`],
//! re-rendering only bodies whose text changed), and render any subset of
//! the pages ([`render_jobs`]) or the machine-read files ([`feeds`]).
//!
//! Rendering every job with [`render_jobs`], plus [`feeds`], [`model_files`]
//! and [`Prepared::static_files`], gives exactly the files of [`super::render`]:
//! both run the same page builders, templates and feeds code.

use super::{feeds, i18n, markdown, pages, templates, urls, view, Bodies, OutFile};
use crate::diag::Diagnostic;
use crate::load::theme::Theme;
use crate::site::Site;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use tera::Tera;

pub use super::job::{Job, List, Section};
pub use super::related::REACH as RELATED_REACH;

/// A theme compiled once and reused for every build until it changes.
pub struct Prepared {
    tera: Tera,
    theme: Theme,
    static_files: Vec<OutFile>,
    stylesheet: String,
    /// Kept between saves: a save that remakes the side files places the
    /// libraries' QR codes without scoring masks again.
    qr: super::qr_masks::QrMasks,
}

impl Prepared {
    /// The theme's UI strings (the search client's words among them).
    pub fn strings(&self) -> &BTreeMap<String, String> {
        &self.theme.strings
    }
    /// Compiles the theme's templates. The theme's files must be in the
    /// source map used to print the diagnostics.
    pub fn new(theme: Theme) -> Result<Prepared, Vec<Diagnostic>> {
        let tera = templates::compile(&theme)?;
        let (static_files, stylesheet) = super::theme_static(&theme);
        Ok(Prepared {
            tera,
            theme,
            static_files,
            stylesheet,
            qr: Default::default(),
        })
    }

    /// The theme's static files (the stylesheet under its hashed name).
    pub fn static_files(&self) -> &[OutFile] {
        &self.static_files
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    fn cx<'a>(&'a self, site: &'a Site, bodies: &'a Bodies) -> view::Cx<'a> {
        view::Cx {
            site,
            i18n: i18n::I18n {
                strings: &self.theme.strings,
                language: &site.config.language,
            },
            bodies: super::bodies::Html::Kept(bodies),
            qr: &self.qr,
        }
    }
}

/// Every page of the site, in the order [`super::render`] makes them.
pub fn jobs(site: &Site) -> Vec<Job> {
    pages::jobs(site)
}

/// What the lists show of a post or story (its card), as text to compare:
/// an edit that keeps it, and the record's links, changes no list.
pub fn card(
    site: &Site,
    prepared: &Prepared,
    bodies: &Bodies,
    story: bool,
    index: usize,
) -> String {
    let cx = prepared.cx(site, bodies);
    let json = if story {
        serde_json::to_string(&view::story_card(&cx, crate::site::StoryId(index as u32)))
    } else {
        serde_json::to_string(&view::post_card(&cx, crate::site::PostId(index as u32)))
    };
    json.unwrap_or_default()
}

/// The page of news listing page `n` (1-based) that shows post `index`.
pub fn news_page_of(site: &Site, index: usize) -> usize {
    List::News.page_of(site, index)
}

/// One rendered HTML page.
#[derive(Debug, Clone)]
pub struct RenderedPage {
    /// URL path (`/berita/x/`).
    pub url: String,
    /// Output path (`berita/x/index.html`).
    pub path: String,
    /// Template name without `.html`.
    pub kind: String,
    pub in_sitemap: bool,
    pub html: String,
    /// How long it took to build and render (for `warta serve`'s timings).
    pub took: std::time::Duration,
}

/// Renders `jobs` in parallel; results are in the order of `jobs`. All
/// template errors are returned, each once.
pub fn render_jobs(
    site: &Site,
    prepared: &Prepared,
    bodies: &Bodies,
    jobs: &[Job],
) -> Result<Vec<RenderedPage>, Vec<Diagnostic>> {
    let cx = prepared.cx(site, bodies);
    let icons = super::icons::build(&cx, None, false).map_err(|e| {
        vec![Diagnostic::global(crate::msg!(
            "icon-failed",
            error = e.to_string()
        ))]
    })?;
    let common = pages::common(&cx, &prepared.stylesheet, &icons);
    let results: Vec<Result<RenderedPage, Diagnostic>> = jobs
        .par_iter()
        .map(|job| {
            let started = std::time::Instant::now();
            let page = pages::build(&cx, job);
            let mut ctx = common.clone();
            ctx.extend(page.context);
            let html = prepared
                .tera
                .render(page.template, &ctx)
                .map_err(|e| templates::diagnostic(&e, &prepared.theme))?;
            Ok(RenderedPage {
                path: urls::file_path(&page.url),
                url: page.url,
                kind: page.template.trim_end_matches(".html").to_string(),
                in_sitemap: page.in_sitemap,
                html,
                took: started.elapsed(),
            })
        })
        .collect();
    let mut out = Vec::with_capacity(results.len());
    let mut diags: Vec<Diagnostic> = Vec::new();
    for r in results {
        match r {
            Ok(p) => out.push(p),
            Err(d) => templates::push_unique(&mut diags, d),
        }
    }
    if diags.is_empty() {
        Ok(out)
    } else {
        Err(diags)
    }
}

/// The feeds, sitemap and robots.txt; `sitemap_urls` are the URL paths of
/// the pages rendered with `in_sitemap` (any order).
pub fn feeds(
    site: &Site,
    prepared: &Prepared,
    bodies: &Bodies,
    sitemap_urls: &[String],
) -> Vec<OutFile> {
    feeds::all(&prepared.cx(site, bodies), sitemap_urls)
}

/// The files [`super::render`] makes from data and settings besides pages,
/// feeds, theme files and the search index: each library's QR code and
/// badge, `_redirects`, the browser editor. A full build in `warta serve`
/// makes them; a partial one (content edits only) keeps them. The same
/// function as `warta build`'s, so the two cannot drift.
pub fn side_files(site: &Site, prepared: &Prepared, bodies: &Bodies) -> Vec<OutFile> {
    let cx = prepared.cx(site, bodies);
    let mut files = super::side_files(&cx);
    files.extend(super::icons::build(&cx, None, true).map_or(Vec::new(), |i| i.files));
    files
}

/// `_headers` ([`super::headers`]) from the paths of every file a full
/// build made (not the site's own static files, as in `warta build`).
pub fn headers_file<'a>(
    site: &Site,
    paths: impl IntoIterator<Item = &'a str>,
) -> Result<OutFile, Diagnostic> {
    super::headers::file(site, paths).map(|text| OutFile {
        path: super::HEADERS.to_string(),
        bytes: text.into_bytes(),
    })
}

/// The files [`super::render`] makes from the model besides pages, feeds
/// and theme files: the search index (see docs/search.md). Built whole.
pub fn model_files(site: &Site, words: &BTreeMap<String, String>) -> Vec<OutFile> {
    super::search_files(site, words)
}

/// Markdown bodies kept between builds. A body is rendered again only when
/// its text changed, the site's `allow_html` changed, or it holds an `@/`
/// link and the set of link targets changed. Bodies that produced
/// diagnostics are never reused, so their errors are reported every time.
#[derive(Default)]
pub struct BodyCache {
    state: Option<CacheState>,
}

struct CacheState {
    allow_html: bool,
    targets: u64,
    /// The `@/` link targets, kept for [`BodyCache::refresh_some`].
    link_targets: Option<markdown::LinkTargets>,
    bodies: Bodies,
    /// Per kind (posts, stories, events, pages), by index: slug and key.
    keys: [Vec<(String, Option<BodyKey>)>; 4],
}

/// What a cached body was made from (`None` in `keys`: not reusable).
#[derive(Clone, Copy, PartialEq, Eq)]
struct BodyKey {
    text: u64,
    len: usize,
    links: bool,
}

impl BodyKey {
    fn of(body: &str) -> BodyKey {
        BodyKey {
            text: xxhash_rust::xxh3::xxh3_64(body.as_bytes()),
            len: body.len(),
            links: body.contains("@/"),
        }
    }
}

/// What [`BodyCache::update`] did.
#[derive(Debug, Default, Clone, Copy)]
pub struct BodyStats {
    pub rendered: usize,
    pub reused: usize,
}

impl BodyCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// The bodies of the site last passed to [`BodyCache::update`].
    pub fn bodies(&self) -> Option<&Bodies> {
        self.state.as_ref().map(|s| &s.bodies)
    }

    /// Brings the cache up to date with `site`, rendering only what changed.
    /// Returns the diagnostics of the bodies rendered (broken `@/` links).
    pub fn update(&mut self, site: &Site) -> (Vec<Diagnostic>, BodyStats) {
        let allow_html = site.config.allow_html;
        let targets = targets_hash(site);
        let mut old = self.state.take();
        if old.as_ref().is_some_and(|o| o.allow_html != allow_html) {
            old = None;
        }
        let targets_same = old.as_ref().is_some_and(|o| o.targets == targets);
        let mut link_targets: Option<markdown::LinkTargets> = None;
        let mut diags = Vec::new();
        let mut stats = BodyStats::default();

        let sources: [Vec<(&str, &str, &crate::site::BodySource)>; 4] = [
            site.posts
                .iter()
                .map(|p| (p.slug.as_str(), p.body.as_str(), &p.source))
                .collect(),
            site.stories
                .iter()
                .map(|p| (p.slug.as_str(), p.body.as_str(), &p.source))
                .collect(),
            site.events
                .iter()
                .map(|p| (p.slug.as_str(), p.body.as_str(), &p.source))
                .collect(),
            site.pages
                .iter()
                .map(|p| (p.slug.as_str(), p.body.as_str(), &p.source))
                .collect(),
        ];
        let mut new_bodies: [Vec<String>; 4] = Default::default();
        let mut new_keys: [Vec<(String, Option<BodyKey>)>; 4] = Default::default();
        for (k, items) in sources.iter().enumerate() {
            // Old index by slug, and the old bodies to move out of.
            let (old_index, mut old_html, old_keys): (HashMap<&str, usize>, Vec<String>, &[_]) =
                match old.as_mut() {
                    Some(o) => {
                        let html = std::mem::take(kind_mut(&mut o.bodies, k));
                        (
                            o.keys[k]
                                .iter()
                                .enumerate()
                                .map(|(i, (s, _))| (s.as_str(), i))
                                .collect(),
                            html,
                            &o.keys[k][..],
                        )
                    }
                    None => (HashMap::new(), Vec::new(), &[]),
                };
            let keys: Vec<BodyKey> = items.par_iter().map(|(_, b, _)| BodyKey::of(b)).collect();
            let mut slots: Vec<Option<String>> = Vec::with_capacity(items.len());
            let mut todo = Vec::new();
            for (i, ((slug, _, _), key)) in items.iter().zip(&keys).enumerate() {
                let reuse = old_index.get(slug).and_then(|&j| {
                    let (_, old_key) = &old_keys[j];
                    (old_key.as_ref() == Some(key) && (!key.links || targets_same))
                        .then(|| std::mem::take(&mut old_html[j]))
                });
                match reuse {
                    Some(h) => {
                        stats.reused += 1;
                        slots.push(Some(h));
                    }
                    None => {
                        todo.push(i);
                        slots.push(None);
                    }
                }
            }
            let mut reusable: Vec<bool> = vec![true; items.len()];
            if !todo.is_empty() {
                let targets = link_targets.get_or_insert_with(|| markdown::LinkTargets::new(site));
                let made: Vec<(usize, String, Vec<Diagnostic>)> = todo
                    .par_iter()
                    .map(|&i| {
                        let (_, body, src) = items[i];
                        let (h, d) = markdown::render(body, src, allow_html, targets);
                        (i, h, d)
                    })
                    .collect();
                stats.rendered += made.len();
                for (i, h, d) in made {
                    if !d.is_empty() {
                        reusable[i] = false;
                        diags.extend(d);
                    }
                    slots[i] = Some(h);
                }
            }
            new_bodies[k] = slots.into_iter().map(Option::unwrap_or_default).collect();
            new_keys[k] = items
                .iter()
                .zip(keys)
                .zip(reusable)
                .map(|(((slug, _, _), key), ok)| (slug.to_string(), ok.then_some(key)))
                .collect();
        }
        let [posts, stories, events, pages] = new_bodies;
        self.state = Some(CacheState {
            allow_html,
            targets,
            link_targets,
            bodies: Bodies {
                posts,
                stories,
                events,
                pages,
            },
            keys: new_keys,
        });
        (diags, stats)
    }
}

impl BodyCache {
    /// Renders again the bodies of the posts and stories at these indices
    /// of `site` when their text changed; every other record, and the set
    /// of link targets, must be as at the last [`BodyCache::update`]
    /// (`None`: there was none, use `update`).
    pub fn refresh_some(
        &mut self,
        site: &Site,
        posts: &[usize],
        stories: &[usize],
    ) -> Option<(Vec<Diagnostic>, BodyStats)> {
        let state = self.state.as_mut()?;
        if state.allow_html != site.config.allow_html
            || state.bodies.posts.len() != site.posts.len()
            || state.bodies.stories.len() != site.stories.len()
        {
            return None;
        }
        let mut todo: Vec<(usize, usize, &str, &crate::site::BodySource, BodyKey)> = Vec::new();
        let mut stats = BodyStats::default();
        let items = posts
            .iter()
            .map(|&i| (0, i, site.posts[i].body.as_str(), &site.posts[i].source))
            .chain(
                stories
                    .iter()
                    .map(|&i| (1, i, site.stories[i].body.as_str(), &site.stories[i].source)),
            );
        for (k, i, body, src) in items {
            let key = BodyKey::of(body);
            if state.keys[k][i].1 == Some(key) {
                stats.reused += 1;
            } else {
                todo.push((k, i, body, src, key));
            }
        }
        let mut diags = Vec::new();
        if !todo.is_empty() {
            let targets = state
                .link_targets
                .get_or_insert_with(|| markdown::LinkTargets::new(site));
            let allow = state.allow_html;
            let made: Vec<(String, Vec<Diagnostic>)> = todo
                .par_iter()
                .map(|(_, _, body, src, _)| markdown::render(body, src, allow, targets))
                .collect();
            for ((k, i, _, _, key), (html, d)) in todo.into_iter().zip(made) {
                stats.rendered += 1;
                let slug = if k == 0 {
                    &site.posts[i].slug
                } else {
                    &site.stories[i].slug
                };
                state.keys[k][i] = (slug.clone(), d.is_empty().then_some(key));
                kind_mut(&mut state.bodies, k)[i] = html;
                diags.extend(d);
            }
        }
        Some((diags, stats))
    }
}

fn kind_mut(b: &mut Bodies, k: usize) -> &mut Vec<String> {
    match k {
        0 => &mut b.posts,
        1 => &mut b.stories,
        2 => &mut b.events,
        _ => &mut b.pages,
    }
}

/// A hash of every `@/` link target of the site (which records are
/// published, by slug).
fn targets_hash(site: &Site) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for p in &site.posts {
        p.slug.hash(&mut h);
    }
    1u8.hash(&mut h);
    for s in &site.stories {
        s.slug.hash(&mut h);
    }
    2u8.hash(&mut h);
    for e in &site.events {
        e.slug.hash(&mut h);
    }
    3u8.hash(&mut h);
    for p in &site.pages {
        p.slug.hash(&mut h);
    }
    h.finish()
}
