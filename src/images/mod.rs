//! Images: every picture a page shows, made light for readers on slow
//! mobile data.
//!
//! Two steps, kept apart so that rendering never waits on pixels:
//!
//! 1. [`Pipeline::plan`] looks at the [`Site`] (front matter `image`,
//!    library `photo`, images in Markdown bodies), reads each source's header
//!    (size, EXIF orientation) and content hash — or takes them from the
//!    probe memo when the file is unchanged — and decides every output file
//!    and its content-hashed URL. The [`Plan`] answers the renderer:
//!    [`Plan::responsive`] (a `<picture>`'s `srcset`s, `width`, `height`),
//!    [`Plan::library_card`] (the 1200×630 social card) and [`Plan::resize`]
//!    (any size or crop, for a template function).
//! 2. [`Pipeline::process`] makes what the cache lacks, in parallel on a
//!    bounded pool (one decoded image per worker at a time), and returns
//!    `(URL, cached file)` pairs for the output stage to copy.
//!
//! See docs/images.md for the choices (encoders, sizes, cache).

mod cache;
mod card;
mod encode;
mod select;
mod source;
pub mod text;

pub use card::{CardSpec, CARD_HEIGHT, CARD_WIDTH};
pub use select::{fit_size, scaled_height, select_widths, Fit, Format, PIPELINE_VERSION};

use crate::diag::{Diagnostic, Span};
use crate::site::Site;
use cache::Memo;
use encode::Quality;
use image::DynamicImage;
use rayon::prelude::*;
use serde::Serialize;
use source::{Guard, Probe, Problem};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// How images are made. [`Settings::default`] is what `warta build` uses.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Widths of the responsive variants (never upscaled).
    pub widths: Vec<u32>,
    /// The variant `src` points at (the largest not above this).
    pub default_width: u32,
    /// The `sizes` attribute given with every [`Responsive`].
    pub sizes: String,
    /// libwebp quality, 0–100.
    pub webp_quality: f32,
    /// libwebp effort, 0 (fastest) – 6 (smallest files).
    pub webp_method: u8,
    /// JPEG quality, 1–100.
    pub jpeg_quality: u8,
    /// Decompression-bomb guard: larger sources are refused unread.
    pub max_pixels: u64,
    pub max_side: u32,
    /// Largest side a template may ask [`Plan::resize`] for.
    pub max_request: u32,
    /// Worker threads, each holding at most one decoded image; 0 = one per core.
    pub threads: usize,
    /// URL folder of the outputs.
    pub url_prefix: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            widths: vec![480, 960, 1600],
            default_width: 960,
            sizes: "(min-width: 50rem) 50rem, 100vw".into(),
            webp_quality: 75.0,
            webp_method: 4,
            jpeg_quality: 80,
            max_pixels: 50_000_000,
            max_side: 16_383,
            max_request: 4096,
            threads: 0,
            url_prefix: "/img/".into(),
        }
    }
}

impl Settings {
    /// What besides the source decides an output's bytes.
    fn fingerprint(&self) -> String {
        format!(
            "webp{}m{}-jpeg{}",
            self.webp_quality, self.webp_method, self.jpeg_quality
        )
    }
    fn quality(&self) -> Quality {
        Quality {
            webp: self.webp_quality,
            webp_method: self.webp_method,
            jpeg: self.jpeg_quality,
        }
    }
    fn guard(&self) -> Guard {
        Guard {
            max_pixels: self.max_pixels,
            max_side: self.max_side,
        }
    }
    fn pool(&self) -> Option<rayon::ThreadPool> {
        let n = if self.threads == 0 {
            std::thread::available_parallelism().map_or(2, |n| n.get())
        } else {
            self.threads
        };
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("warta-img-{i}"))
            .build()
            .ok()
    }
}

/// Where an image is used: the page's URL and, where known, the place in a
/// source file that names it. Diagnostics about the image point there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageUse {
    pub page: String,
    pub span: Option<Span>,
}

/// What a template needs for a responsive image:
///
/// ```html
/// <picture>
///   <source type="image/webp" srcset="{{ srcset_webp }}" sizes="{{ sizes }}">
///   <img src="{{ src }}" srcset="{{ srcset_fallback }}" sizes="{{ sizes }}"
///        width="{{ width }}" height="{{ height }}" alt="…" loading="lazy" decoding="async">
/// </picture>
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Responsive {
    /// The fallback variant nearest [`Settings::default_width`].
    pub src: String,
    /// `"/img/…-480.webp 480w, /img/…-960.webp 960w, …"`.
    pub srcset_webp: String,
    /// The same widths as JPEG (or PNG when the source has transparency).
    pub srcset_fallback: String,
    /// MIME type of the fallback (`image/jpeg` or `image/png`).
    pub fallback_type: String,
    /// Size of `src`, orientation applied: the `width`/`height` attributes.
    pub width: u32,
    pub height: u32,
    pub sizes: String,
    /// The largest fallback variant (e.g. for `og:image` or a lightbox link).
    pub largest: String,
    pub largest_width: u32,
    pub largest_height: u32,
}

/// A social card: `og:image` with `og:image:width`/`height`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Card {
    pub url: String,
    pub width: u32,
    pub height: u32,
}

/// One image made on request (see [`Plan::resize`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resized {
    pub url: String,
    /// The size it comes out at (never upscaled, so maybe less than asked).
    pub width: u32,
    pub height: u32,
}

/// One finished file: its URL and where it lies in the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageFile {
    pub url: String,
    pub path: PathBuf,
}

/// What [`Pipeline::process`] did.
#[derive(Debug, Default)]
pub struct Processed {
    /// Every output of the plan, by URL, ready to copy into the site.
    pub files: Vec<ImageFile>,
    /// Files made in this run.
    pub processed: usize,
    /// Files found in the cache.
    pub cached: usize,
    /// Sources decoded in this run.
    pub decoded: usize,
    /// Stale cache files removed.
    pub pruned: usize,
}

/// The image pipeline of one site.
#[derive(Debug, Clone)]
pub struct Pipeline {
    pub cache_dir: PathBuf,
    pub site_root: PathBuf,
    pub settings: Settings,
}

impl Pipeline {
    /// `cache_dir` holds finished files and the probe memo; keep it between
    /// builds (e.g. `<root>/.warta-cache/images`). Only files this pipeline
    /// names are ever deleted from it.
    pub fn new(cache_dir: PathBuf, site_root: PathBuf) -> Self {
        Pipeline {
            cache_dir,
            site_root,
            settings: Settings::default(),
        }
    }

    pub fn with_settings(mut self, settings: Settings) -> Self {
        self.settings = settings;
        self
    }

    /// An empty plan for this site's assets (for [`Plan::add`]).
    pub fn empty_plan(&self, assets: &[(String, String)]) -> Plan {
        Plan {
            settings: self.settings.clone(),
            fingerprint: self.settings.fingerprint(),
            site_root: self.site_root.clone(),
            cache_dir: self.cache_dir.clone(),
            memo: Mutex::new(Memo::load(&self.cache_dir)),
            assets_by_url: assets.iter().map(|(s, u)| (u.clone(), s.clone())).collect(),
            asset_sources: assets.iter().map(|(s, _)| s.clone()).collect(),
            sources: BTreeMap::new(),
            by_url: HashMap::new(),
            cards: BTreeMap::new(),
            diagnostics: Vec::new(),
            late: Mutex::new(Late::default()),
        }
    }

    /// Plans every image `site` uses: front matter `image` of posts,
    /// stories and events, each library's `photo` and social card, and the
    /// images of Markdown bodies (relative to the page, or `/…` under
    /// `static/`). Reads headers only; problems go to [`Plan::diagnostics`].
    pub fn plan(&self, site: &Site) -> Plan {
        let mut plan = self.empty_plan(&site.assets);
        let mut wanted: Vec<(String, String, ImageUse)> = Vec::new();
        let front = |img: &Option<crate::site::Image>, page: String, span: Span| {
            img.as_ref().map(|i| {
                (
                    i.source.clone(),
                    i.url.clone(),
                    ImageUse {
                        page,
                        span: Some(Span::file_start(span.file)),
                    },
                )
            })
        };
        let mut bodies: Vec<(String, &crate::site::BodySource, &str)> = Vec::new();
        for p in &site.posts {
            let page = format!("/berita/{}/", p.slug);
            wanted.extend(front(&p.image, page.clone(), p.source.span.clone()));
            bodies.push((page, &p.source, &p.body));
        }
        for s in &site.stories {
            let page = format!("/kisah/{}/", s.slug);
            wanted.extend(front(&s.image, page.clone(), s.source.span.clone()));
            bodies.push((page, &s.source, &s.body));
        }
        for e in &site.events {
            let page = format!("/plm/{}/", e.slug);
            wanted.extend(front(&e.image, page.clone(), e.source.span.clone()));
            bodies.push((page, &e.source, &e.body));
        }
        for p in &site.pages {
            bodies.push((format!("/{}/", p.slug), &p.source, &p.body));
        }
        for l in &site.libraries {
            if let Some(i) = &l.photo {
                wanted.push((
                    i.source.clone(),
                    i.url.clone(),
                    ImageUse {
                        page: format!("/perpustakaan/{}/", l.id),
                        span: None,
                    },
                ));
            }
        }
        for (page, src, body) in bodies {
            for (dest, offset) in markdown_images(body) {
                let span = Span::new(
                    src.span.file,
                    src.span.range.start + offset..src.span.range.start + offset,
                );
                let Some((source, url)) = resolve_reference(&dest, &src.path) else {
                    continue;
                };
                if plan.asset_sources.contains(&source) {
                    wanted.push((
                        source,
                        url,
                        ImageUse {
                            page: page.clone(),
                            span: Some(span),
                        },
                    ));
                } else {
                    plan.diagnostics.push(
                        Diagnostic::error(
                            span,
                            format!("image `{dest}` not found (used by {page})"),
                        )
                        .with_help(format!("put the image file at `{source}`, or fix the name")),
                    );
                }
            }
        }
        plan.add_all(wanted);
        for l in &site.libraries {
            let regency = site.regency(l.regency);
            let province = site.province(l.province);
            let spec = CardSpec {
                title: l.name.clone(),
                subtitle: Some(format!(
                    "{}, {}",
                    regency.official_name,
                    province.display_name()
                )),
                label: Some(site.config.title.clone()),
            };
            let photo = l.photo.as_ref().map(|i| i.source.as_str());
            plan.add_card(&library_key(&l.id), spec, photo);
        }
        plan
    }

    /// Makes every output of `plan` that the cache lacks, then prunes the
    /// cache of files no longer planned. Errors (including those found while
    /// planning) name the image and the pages that use it; a failed image
    /// leaves no file behind, and the others are still made and cached.
    pub fn process(&self, plan: &Plan) -> Result<Processed, Vec<Diagnostic>> {
        let mut diags = plan.diagnostics();
        if let Err(e) = std::fs::create_dir_all(&self.cache_dir) {
            diags.push(Diagnostic::global(format!(
                "cannot create the image cache folder {}: {e}",
                self.cache_dir.display()
            )));
            return Err(diags);
        }
        let jobs = plan.jobs();
        let run = |j: &Job| run_job(plan, j);
        let results: Vec<JobResult> = match self.settings.pool() {
            Some(pool) => pool.install(|| jobs.par_iter().map(run).collect()),
            None => jobs.iter().map(run).collect(),
        };
        let mut out = Processed::default();
        let mut wanted = HashSet::new();
        for (job, r) in jobs.iter().zip(results) {
            out.processed += r.processed;
            out.cached += r.cached;
            out.decoded += usize::from(r.decoded);
            diags.extend(r.diag);
            for o in &job.outs {
                wanted.insert(o.name.clone());
                let path = self.cache_dir.join(&o.name);
                if path.is_file() {
                    out.files.push(ImageFile {
                        url: format!("{}{}", plan.settings.url_prefix, o.name),
                        path,
                    });
                }
            }
        }
        out.files.sort_by(|a, b| a.url.cmp(&b.url));
        out.files.dedup_by(|a, b| a.url == b.url);
        out.pruned = cache::prune(&self.cache_dir, &wanted);
        plan.save_memo();
        if diags.iter().any(Diagnostic::is_error) {
            Err(diags)
        } else {
            Ok(out)
        }
    }
}

fn library_key(id: &str) -> String {
    format!("library:{id}")
}

/// A source as planned.
#[derive(Debug)]
struct Entry {
    probe: Result<Probe, Problem>,
    uses: Vec<ImageUse>,
    tag: String,
    /// `(width, height)` of each responsive variant, orientation applied.
    variants: Vec<(u32, u32)>,
    fallback: Format,
    responsive: Option<Responsive>,
}

#[derive(Debug)]
struct PlannedCard {
    spec: CardSpec,
    photo: Option<String>,
    name: String,
    card: Card,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct ResizeOp {
    source: String,
    name: String,
    width: u32,
    height: u32,
    fit: Fit,
    format: Format,
}

/// What templates ask for while pages render.
#[derive(Debug, Default)]
struct Late {
    sources: BTreeMap<String, Entry>,
    resizes: BTreeMap<String, ResizeOp>,
}

/// Every image of a site and what to make of it. Read by the renderer
/// (shared between threads: [`Plan::resize`] takes `&self`).
#[derive(Debug)]
pub struct Plan {
    settings: Settings,
    fingerprint: String,
    site_root: PathBuf,
    cache_dir: PathBuf,
    memo: Mutex<Memo>,
    assets_by_url: HashMap<String, String>,
    asset_sources: HashSet<String>,
    /// By source path.
    sources: BTreeMap<String, Entry>,
    /// Site URL of an original → source path.
    by_url: HashMap<String, String>,
    cards: BTreeMap<String, PlannedCard>,
    diagnostics: Vec<Diagnostic>,
    late: Mutex<Late>,
}

impl Plan {
    /// Problems found while planning (also returned by `process`): each
    /// unusable source once, naming every page that uses it.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut out = self.diagnostics.clone();
        for (source, e) in &self.sources {
            if let Err(p) = &e.probe {
                out.push(problem_diag(source, &e.uses, p));
            }
        }
        out
    }

    /// The responsive image for an original's site URL (`Image::url`, or the
    /// URL a Markdown image resolves to, see [`resolve_reference`]). `None`
    /// when it was not planned or cannot be used (its error is reported).
    pub fn responsive(&self, url: &str) -> Option<&Responsive> {
        let source = self.by_url.get(url)?;
        self.sources.get(source)?.responsive.as_ref()
    }

    /// The social card of library `id`.
    pub fn library_card(&self, id: &str) -> Option<&Card> {
        self.card(&library_key(id))
    }

    /// A card added with [`Plan::add_card`].
    pub fn card(&self, key: &str) -> Option<&Card> {
        self.cards.get(key).map(|c| &c.card)
    }

    /// Whether `source` (a path relative to the site root) is made into
    /// variants, so the output may leave the original out.
    pub fn is_processed(&self, source: &str) -> bool {
        self.sources
            .get(source)
            .is_some_and(|e| e.responsive.is_some())
    }

    /// Number of distinct sources planned.
    pub fn source_count(&self) -> usize {
        self.sources.len()
    }

    /// Adds one image (source path relative to the site root, its site URL)
    /// used by `used_by`; returns its responsive view if it can be used.
    pub fn add(&mut self, source: &str, url: &str, used_by: ImageUse) -> Option<&Responsive> {
        self.add_all(vec![(source.to_string(), url.to_string(), used_by)]);
        self.responsive(url)
    }

    /// Adds a social card under `key` (e.g. a post's URL), drawn over the
    /// image at `photo` (a source path) when given and usable.
    pub fn add_card(&mut self, key: &str, spec: CardSpec, photo: Option<&str>) -> Card {
        let photo_hash = photo
            .and_then(|p| self.sources.get(p))
            .and_then(|e| e.probe.as_ref().ok())
            .map(|p| p.hash);
        let photo = photo.filter(|_| photo_hash.is_some()).map(str::to_string);
        let tag = select::tag(&format!(
            "card/{PIPELINE_VERSION}/{}/{}/{}",
            photo_hash.map_or("-".into(), |h| format!("{h:032x}")),
            spec.fingerprint(),
            self.settings.jpeg_quality
        ));
        let name = select::card_name(&tag);
        let card = Card {
            url: format!("{}{name}", self.settings.url_prefix),
            width: CARD_WIDTH,
            height: CARD_HEIGHT,
        };
        self.cards.insert(
            key.to_string(),
            PlannedCard {
                spec,
                photo,
                name,
                card: card.clone(),
            },
        );
        card
    }

    /// Any size or crop of an image, for a template function:
    /// `image` is a site URL (`/images/a.jpg`, as `Image::url`) or a source
    /// path; `height` 0 means "keep the aspect ratio"; `format` defaults to
    /// JPEG (PNG for images with transparency). Never upscales. Safe to call
    /// from many render threads; the file is made by the next `process`.
    pub fn resize(
        &self,
        image: &str,
        width: u32,
        height: u32,
        fit: Fit,
        format: Option<Format>,
    ) -> Result<Resized, String> {
        let source = self
            .by_url
            .get(image)
            .or_else(|| self.assets_by_url.get(image))
            .cloned()
            .or_else(|| {
                self.asset_sources
                    .contains(image)
                    .then(|| image.to_string())
            })
            .ok_or_else(|| format!("no image `{image}` in the site"))?;
        let max = self.settings.max_request;
        if width == 0 || width > max || height > max {
            return Err(format!(
                "resize: width must be 1–{max} and height 0–{max} (got {width}×{height})"
            ));
        }
        let probe = match self.sources.get(&source) {
            Some(e) => e.probe.clone(),
            None => {
                let known = self
                    .late
                    .lock()
                    .unwrap()
                    .sources
                    .get(&source)
                    .map(|e| e.probe.clone());
                match known {
                    Some(p) => p,
                    None => {
                        let probe = self.probe(&source);
                        let entry = self.entry(probe.clone(), Vec::new());
                        self.late
                            .lock()
                            .unwrap()
                            .sources
                            .insert(source.clone(), entry);
                        probe
                    }
                }
            }
        };
        let probe = probe.map_err(|p| problem_text(&source, &[], &p))?;
        let (sw, sh) = probe.size();
        let (w, h) = fit_size(sw, sh, width, height, fit);
        let format = format.unwrap_or(if probe.alpha {
            Format::Png
        } else {
            Format::Jpeg
        });
        let tag = select::source_tag(probe.hash, &self.fingerprint);
        let name = select::resize_name(&tag, width, height, fit, format);
        let url = format!("{}{name}", self.settings.url_prefix);
        self.late.lock().unwrap().resizes.insert(
            name.clone(),
            ResizeOp {
                source,
                name,
                width: w,
                height: h,
                fit,
                format,
            },
        );
        Ok(Resized {
            url,
            width: w,
            height: h,
        })
    }

    /// Adds many images at once (`(source path, site URL, use)`), probing
    /// the new sources in parallel.
    pub fn add_many(&mut self, wanted: Vec<(String, String, ImageUse)>) {
        self.add_all(wanted);
    }

    fn add_all(&mut self, wanted: Vec<(String, String, ImageUse)>) {
        let mut uses: BTreeMap<String, Vec<ImageUse>> = BTreeMap::new();
        for (source, url, u) in wanted {
            self.by_url.insert(url, source.clone());
            uses.entry(source).or_default().push(u);
        }
        // Probe new sources in parallel (each reads one file at a time).
        let new: Vec<&String> = uses
            .keys()
            .filter(|s| !self.sources.contains_key(*s))
            .collect();
        let probes: Vec<Result<Probe, Problem>> = match self.settings.pool() {
            Some(pool) => pool.install(|| new.par_iter().map(|s| self.probe(s)).collect()),
            None => new.iter().map(|s| self.probe(s)).collect(),
        };
        let probed: Vec<(String, Result<Probe, Problem>)> =
            new.into_iter().cloned().zip(probes).collect();
        for (source, probe) in probed {
            let entry = self.entry(probe, Vec::new());
            self.sources.insert(source, entry);
        }
        for (source, mut u) in uses {
            if let Some(e) = self.sources.get_mut(&source) {
                e.uses.append(&mut u);
            }
        }
    }

    fn probe(&self, source: &str) -> Result<Probe, Problem> {
        let path = self.site_root.join(source);
        let stamp = match cache::stamp(&path) {
            Ok(s) => s,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Problem::Missing),
            Err(e) => return Err(Problem::Unreadable(e.to_string())),
        };
        if let Some(p) = self.memo.lock().unwrap().get(source, stamp) {
            return Ok(p.clone());
        }
        let bytes = read(&path)?;
        let probe = source::probe(&bytes, self.settings.guard())?;
        self.memo
            .lock()
            .unwrap()
            .entries
            .insert(source.to_string(), (stamp, probe.clone()));
        Ok(probe)
    }

    fn entry(&self, probe: Result<Probe, Problem>, uses: Vec<ImageUse>) -> Entry {
        let Ok(p) = &probe else {
            return Entry {
                probe,
                uses,
                tag: String::new(),
                variants: Vec::new(),
                fallback: Format::Jpeg,
                responsive: None,
            };
        };
        let tag = select::source_tag(p.hash, &self.fingerprint);
        let (sw, sh) = p.size();
        let fallback = if p.alpha { Format::Png } else { Format::Jpeg };
        let variants: Vec<(u32, u32)> = select_widths(sw, &self.settings.widths)
            .into_iter()
            .map(|w| (w, scaled_height(sw, sh, w)))
            .collect();
        let url = |w: u32, f: Format| {
            format!(
                "{}{}",
                self.settings.url_prefix,
                select::variant_name(&tag, w, f)
            )
        };
        let srcset = |f: Format| {
            variants
                .iter()
                .map(|&(w, _)| format!("{} {w}w", url(w, f)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let pick = variants
            .iter()
            .rposition(|&(w, _)| w <= self.settings.default_width)
            .unwrap_or(0);
        let (w, h) = variants[pick];
        let (lw, lh) = variants[variants.len() - 1];
        let responsive = Responsive {
            src: url(w, fallback),
            srcset_webp: srcset(Format::WebP),
            srcset_fallback: srcset(fallback),
            fallback_type: fallback.mime().to_string(),
            width: w,
            height: h,
            sizes: self.settings.sizes.clone(),
            largest: url(lw, fallback),
            largest_width: lw,
            largest_height: lh,
        };
        Entry {
            probe,
            uses,
            tag,
            variants,
            fallback,
            responsive: Some(responsive),
        }
    }

    /// Every output, grouped by the source it is made from.
    fn jobs(&self) -> Vec<Job> {
        let late = self.late.lock().unwrap();
        let mut by_source: BTreeMap<String, Job> = BTreeMap::new();
        for (source, e) in self.sources.iter().chain(late.sources.iter()) {
            let Ok(probe) = &e.probe else { continue };
            let job = by_source.entry(source.clone()).or_insert_with(|| Job {
                source: Some((source.clone(), probe.clone(), e.uses.clone())),
                outs: Vec::new(),
            });
            for &(w, h) in &e.variants {
                for f in [Format::WebP, e.fallback] {
                    job.outs.push(Out {
                        name: select::variant_name(&e.tag, w, f),
                        task: Task::Variant {
                            width: w,
                            height: h,
                            format: f,
                        },
                    });
                }
            }
        }
        for op in late.resizes.values() {
            if let Some(job) = by_source.get_mut(&op.source) {
                job.outs.push(Out {
                    name: op.name.clone(),
                    task: Task::Resize(op.clone()),
                });
            }
        }
        let mut plain = Vec::new();
        for c in self.cards.values() {
            let out = Out {
                name: c.name.clone(),
                task: Task::Card(c.spec.clone()),
            };
            match c.photo.as_ref().and_then(|p| by_source.get_mut(p)) {
                Some(job) => job.outs.push(out),
                None => plain.push(Job {
                    source: None,
                    outs: vec![out],
                }),
            }
        }
        let mut jobs: Vec<Job> = by_source.into_values().collect();
        for j in &mut jobs {
            j.outs.sort_by(|a, b| a.name.cmp(&b.name));
            j.outs.dedup_by(|a, b| a.name == b.name);
        }
        plain.sort_by(|a, b| a.outs[0].name.cmp(&b.outs[0].name));
        plain.dedup_by(|a, b| a.outs[0].name == b.outs[0].name);
        jobs.extend(plain);
        jobs
    }

    fn save_memo(&self) {
        let mut keep: HashSet<&str> = self.sources.keys().map(String::as_str).collect();
        let late = self.late.lock().unwrap();
        keep.extend(late.sources.keys().map(String::as_str));
        let _ = self.memo.lock().unwrap().save(&self.cache_dir, &keep);
    }
}

#[derive(Debug)]
struct Job {
    source: Option<(String, Probe, Vec<ImageUse>)>,
    outs: Vec<Out>,
}

#[derive(Debug)]
struct Out {
    name: String,
    task: Task,
}

#[derive(Debug)]
enum Task {
    Variant {
        width: u32,
        height: u32,
        format: Format,
    },
    Resize(ResizeOp),
    Card(CardSpec),
}

#[derive(Debug, Default)]
struct JobResult {
    processed: usize,
    cached: usize,
    decoded: bool,
    diag: Option<Diagnostic>,
}

fn read(path: &Path) -> Result<Vec<u8>, Problem> {
    std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Problem::Missing,
        _ => Problem::Unreadable(e.to_string()),
    })
}

/// Makes the outputs of one job that the cache lacks. Holds at most one
/// decoded source (plus one output) in memory.
fn run_job(plan: &Plan, job: &Job) -> JobResult {
    let dir = &plan.cache_dir;
    let mut r = JobResult::default();
    let missing: Vec<&Out> = job
        .outs
        .iter()
        .filter(|o| !dir.join(&o.name).is_file())
        .collect();
    r.cached = job.outs.len() - missing.len();
    if missing.is_empty() {
        return r;
    }
    let q = plan.settings.quality();
    let fail = |source: &str, uses: &[ImageUse], p: Problem| problem_diag(source, uses, &p);
    let mut img: Option<DynamicImage> = None;
    let mut orientation = 1;
    if let Some((source, probe, uses)) = &job.source {
        let decoded = read(&plan.site_root.join(source))
            .and_then(|bytes| source::decode(&bytes, probe, plan.settings.guard()));
        match decoded {
            Ok(i) => {
                img = Some(i);
                orientation = probe.orientation;
                r.decoded = true;
            }
            Err(p) => {
                r.diag = Some(fail(source, uses, p));
                return r;
            }
        }
    }
    let mut emit = |o: &Out, made: Result<Vec<u8>, String>| {
        let written = made.and_then(|bytes| {
            cache::write_atomic(dir, &o.name, &bytes)
                .map_err(|e| format!("cannot write {}: {e}", dir.join(&o.name).display()))
        });
        match written {
            Ok(()) => r.processed += 1,
            Err(e) => {
                let d = match &job.source {
                    Some((source, _, uses)) => fail(source, uses, Problem::Unreadable(e)),
                    None => Diagnostic::global(format!("social card {}: {e}", o.name)),
                };
                r.diag.get_or_insert(d);
            }
        }
    };
    // Responsive variants, largest first, each size resized once for all
    // its formats: the largest from the stored pixels (resized before it is
    // turned, which is cheaper and needs no second full-size copy), each
    // smaller one from the one above it (a fraction of the work, no
    // visible difference).
    type Size<'a> = (u32, Vec<(&'a Out, Format)>);
    let mut sizes: BTreeMap<std::cmp::Reverse<u32>, Size> = BTreeMap::new();
    let mut others: Vec<&Out> = Vec::new();
    for o in missing {
        match o.task {
            Task::Variant {
                width,
                height,
                format,
            } => sizes
                .entry(std::cmp::Reverse(width))
                .or_insert((height, Vec::new()))
                .1
                .push((o, format)),
            _ => others.push(o),
        }
    }
    let mut above: Option<DynamicImage> = None;
    for (std::cmp::Reverse(w), (h, outs)) in sizes {
        let small = match (&above, img.as_ref()) {
            (Some(a), _) => encode::resize(a, w, h, None),
            (None, Some(i)) => {
                let (rw, rh) = if orientation >= 5 { (h, w) } else { (w, h) };
                encode::resize(i, rw, rh, None).map(|mut s| {
                    source::orient(&mut s, orientation);
                    s
                })
            }
            (None, None) => Err("internal: no source for a variant".to_string()),
        };
        match small {
            Ok(s) => {
                for (o, f) in outs {
                    emit(o, encode::encode(&s, f, q));
                }
                above = Some(s);
            }
            Err(e) => {
                for (o, _) in outs {
                    emit(o, Err(e.clone()));
                }
            }
        }
    }
    drop(above);
    // Crops and cards work on the turned full image.
    if !others.is_empty() && orientation != 1 {
        if let Some(i) = img.as_mut() {
            source::orient(i, orientation);
        }
    }
    for o in others {
        let made = match (&o.task, img.as_ref()) {
            (Task::Resize(op), Some(i)) => {
                let crop = match op.fit {
                    Fit::Cover => Some(select::cover_crop(
                        i.width(),
                        i.height(),
                        op.width,
                        op.height,
                    )),
                    Fit::Contain => None,
                };
                encode::resize(i, op.width, op.height, crop)
                    .and_then(|small| encode::encode(&small, op.format, q))
            }
            (Task::Card(spec), photo) => card::render(spec, photo, q),
            _ => Err("internal: no source for a request".to_string()),
        };
        emit(o, made);
    }
    r
}

fn pages_text(uses: &[ImageUse]) -> String {
    let mut pages: Vec<&str> = uses.iter().map(|u| u.page.as_str()).collect();
    pages.sort_unstable();
    pages.dedup();
    match pages.len() {
        0 => String::new(),
        1..=3 => format!(" (used by {})", pages.join(", ")),
        n => format!(" (used by {} and {} more)", pages[..3].join(", "), n - 3),
    }
}

fn problem_text(source: &str, uses: &[ImageUse], p: &Problem) -> String {
    let at = format!("image `{source}`{}", pages_text(uses));
    match p {
        Problem::Missing => format!("{at} is missing"),
        Problem::Unreadable(e) => format!("{at} cannot be read: {e}"),
        Problem::NotAnImage => format!("{at} is not an image: it is not a JPEG, PNG or WebP file"),
        Problem::Unsupported(f) => format!("{at} is in a format warta cannot resize ({f})"),
        Problem::TooLarge { width, height } if *width > 0 => format!(
            "{at} is {width}×{height} pixels ({:.0} megapixels), too large to process safely",
            f64::from(*width) * f64::from(*height) / 1e6
        ),
        Problem::TooLarge { .. } => format!("{at} is too large to process safely"),
        Problem::Damaged(e) => format!("{at} is damaged or incomplete: {e}"),
        Problem::Changed => format!("{at} changed while the site was being built"),
    }
}

fn problem_diag(source: &str, uses: &[ImageUse], p: &Problem) -> Diagnostic {
    let message = problem_text(source, uses, p);
    let help = match p {
        Problem::Missing => format!("put the file back at `{source}`, or change the reference to it"),
        Problem::Unreadable(_) => "check the file's permissions, then build again".into(),
        Problem::NotAnImage | Problem::Unsupported(_) => {
            "save the picture as JPEG (photos) or PNG (drawings, logos) and point to that file".into()
        }
        Problem::TooLarge { .. } => {
            "scale it down to at most 8000 pixels on the long side (a phone photo is about 4000×3000) and save it again".into()
        }
        Problem::Damaged(_) => "open the picture and save it again, or copy it again from the camera or phone".into(),
        Problem::Changed => "build again once the file is saved".into(),
    };
    let mut spans = uses.iter().filter_map(|u| u.span.clone());
    let d = match spans.next() {
        Some(s) => Diagnostic::error(s, message),
        None => Diagnostic::global(message),
    };
    spans
        .fold(d, |d, s| d.with_related(s, "also used here"))
        .with_help(help)
}

/// Image destinations in a Markdown body with their byte offsets, in order.
pub fn markdown_images(body: &str) -> Vec<(String, usize)> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    Parser::new_ext(body, Options::all())
        .into_offset_iter()
        .filter_map(|(ev, range)| match ev {
            Event::Start(Tag::Image { dest_url, .. }) => Some((dest_url.to_string(), range.start)),
            _ => None,
        })
        .collect()
}

/// Where an image reference in a page resolves, by the rule front matter
/// `image` follows: `/a.jpg` is `static/a.jpg`, anything else is beside the
/// page (`base_dir`, e.g. `content/berita/x`). `(source path, site URL)`, or
/// `None` for external, `data:` or escaping (`..`) references.
pub fn resolve_reference(dest: &str, base_dir: &str) -> Option<(String, String)> {
    let p = dest.trim();
    let p = p.split(['?', '#']).next().unwrap_or(p).replace("%20", " ");
    if p.is_empty()
        || p.starts_with("//")
        || p.contains("://")
        || p.contains('\\')
        // Any scheme (`data:`, `mailto:`, `javascript:`…): not a file of
        // the site; render reports the unsafe ones.
        || p.split('/').next().is_some_and(|first| first.contains(':'))
        || p.split('/').any(|s| s == ".." || s == ".")
    {
        return None;
    }
    Some(if let Some(rest) = p.strip_prefix('/') {
        (format!("static/{rest}"), format!("/{rest}"))
    } else if base_dir.is_empty() || base_dir == "static" {
        (format!("static/{p}"), format!("/{p}"))
    } else {
        let url_dir = base_dir.strip_prefix("content/").unwrap_or(base_dir);
        (format!("{base_dir}/{p}"), format!("/{url_dir}/{p}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_resolve_like_front_matter() {
        assert_eq!(
            resolve_reference("foto.jpg", "content/berita/x"),
            Some((
                "content/berita/x/foto.jpg".into(),
                "/berita/x/foto.jpg".into()
            ))
        );
        assert_eq!(
            resolve_reference("/images/a b.jpg", "content/berita/x"),
            Some(("static/images/a b.jpg".into(), "/images/a b.jpg".into()))
        );
        assert_eq!(
            resolve_reference("/images/a%20b.jpg?v=1", "content"),
            Some(("static/images/a b.jpg".into(), "/images/a b.jpg".into()))
        );
        for bad in [
            "https://x.id/a.jpg",
            "//cdn/a.jpg",
            "../a.jpg",
            "data:image/png;base64,AA",
            "",
        ] {
            assert_eq!(resolve_reference(bad, "content/berita/x"), None, "{bad}");
        }
    }

    #[test]
    fn markdown_images_are_found_with_offsets() {
        let body = "Teks.\n\n![Rapat](rapat.jpg)\n\n[tautan](x.md) ![b](/images/b.png \"t\")\n";
        let found = markdown_images(body);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, "rapat.jpg");
        assert_eq!(&body[found[0].1..found[0].1 + 2], "![");
        assert_eq!(found[1].0, "/images/b.png");
    }

    #[test]
    fn messages_list_pages() {
        let u = |p: &str| ImageUse {
            page: p.into(),
            span: None,
        };
        let uses = vec![u("/b/"), u("/a/"), u("/a/"), u("/c/"), u("/d/")];
        let t = problem_text("static/x.jpg", &uses, &Problem::Missing);
        assert_eq!(
            t,
            "image `static/x.jpg` (used by /a/, /b/, /c/ and 1 more) is missing"
        );
        let d = problem_diag(
            "static/x.jpg",
            &uses[..1],
            &Problem::TooLarge {
                width: 20000,
                height: 20000,
            },
        );
        assert!(
            d.message.contains("20000×20000 pixels (400 megapixels)"),
            "{}",
            d.message
        );
        assert!(d.help.unwrap().contains("8000"));
    }
}
