//! Images: every picture a page shows, made light for readers on slow
//! mobile data.
//!
//! Two steps, kept apart so that rendering never waits on pixels:
//!
//! 1. [`Pipeline::plan`] looks at the [`Site`](crate::site::Site) (front matter `image`,
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
mod gather;
mod glyphs;
pub mod icon;
mod pieces;
mod plan;
mod report;
mod run;
mod select;
mod source;
pub mod text;

pub use card::{CardSpec, CARD_HEIGHT, CARD_WIDTH};
pub use gather::{markdown_images, missing_body_images, resolve_reference};
pub use plan::{CardMaker, Plan};
pub use select::{fit_size, scaled_height, select_widths, Fit, Format, PIPELINE_VERSION};

use crate::diag::{Diagnostic, Span};
use cache::Memo;
use encode::Quality;
use plan::Late;
use rayon::prelude::*;
use run::{Job, JobResult};
use serde::Serialize;
use source::Guard;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
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
            page_cards: Default::default(),
            diagnostics: Vec::new(),
            late: Mutex::new(Late::default()),
        }
    }
    /// The diagnostics [`Pipeline::process`] would give for `plan` (run it
    /// after render, as `process`, so the sizes templates asked for are
    /// in), writing nothing: no cache folder, no memo, no output file, no
    /// encoding. A source is decoded only when none of its outputs is
    /// cached; a cached output proves the same bytes decoded before. What
    /// only writing can find (a cache folder that cannot be created, a full
    /// disk) is left to `process`.
    pub fn verify(&self, plan: &Plan) -> Vec<Diagnostic> {
        self.verify_counted(plan).0
    }

    /// [`Pipeline::verify`] and how many sources it decoded.
    fn verify_counted(&self, plan: &Plan) -> (Vec<Diagnostic>, usize) {
        let mut diags = plan.diagnostics();
        let jobs = run::jobs(plan);
        let check = |j: &Job| run::verify_job(plan, j);
        let results: Vec<(Option<Diagnostic>, bool)> = match self.settings.pool() {
            Some(pool) => pool.install(|| jobs.par_iter().map(check).collect()),
            None => jobs.iter().map(check).collect(),
        };
        let decoded = results.iter().filter(|r| r.1).count();
        diags.extend(results.into_iter().filter_map(|r| r.0));
        (diags, decoded)
    }

    /// Makes every output of `plan` that the cache lacks, then prunes the
    /// cache of files no longer planned. Errors (including those found while
    /// planning) name the image and the pages that use it; a failed image
    /// leaves no file behind, and the others are still made and cached.
    pub fn process(&self, plan: &Plan) -> Result<Processed, Vec<Diagnostic>> {
        let mut diags = plan.diagnostics();
        if let Err(e) = std::fs::create_dir_all(&self.cache_dir) {
            diags.push(Diagnostic::global(crate::msg!(
                "image-cache-folder",
                folder = self.cache_dir.display().to_string(),
                error = e.to_string()
            )));
            return Err(diags);
        }
        let jobs = run::jobs(plan);
        // A job's files are looked for in the cache on the worker that ran
        // it (a large site has a hundred thousand cards to look for).
        let run = |j: &Job| {
            let r = run::run_job(plan, j);
            let found: Vec<ImageFile> = j
                .outs
                .iter()
                .filter_map(|o| {
                    let path = self.cache_dir.join(&o.name);
                    path.is_file().then(|| ImageFile {
                        url: format!("{}{}", plan.settings.url_prefix, o.name),
                        path,
                    })
                })
                .collect();
            (r, found)
        };
        let results: Vec<(JobResult, Vec<ImageFile>)> = match self.settings.pool() {
            Some(pool) => pool.install(|| jobs.par_iter().map(run).collect()),
            None => jobs.iter().map(run).collect(),
        };
        let mut out = Processed::default();
        let mut wanted = HashSet::new();
        for (job, (r, found)) in jobs.iter().zip(results) {
            out.processed += r.processed;
            out.cached += r.cached;
            out.decoded += usize::from(r.decoded);
            diags.extend(r.diag);
            wanted.extend(job.outs.iter().map(|o| o.name.as_str()));
            out.files.extend(found);
        }
        let aliases = plan.late.lock().unwrap().aliases.clone();
        for (url, name) in aliases {
            let path = self.cache_dir.join(&name);
            if path.is_file() {
                out.files.push(ImageFile { url, path });
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

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([x as u8, y as u8, 50]));
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
            .encode_image(&img)
            .unwrap();
        out
    }

    #[test]
    fn verify_decodes_only_sources_with_nothing_cached() {
        let root = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("static")).unwrap();
        // Different sizes: different bytes, so different output names.
        for (n, h) in [("a", 400), ("b", 401)] {
            let path = root.path().join(format!("static/{n}.jpg"));
            std::fs::write(path, jpeg(600, h)).unwrap();
        }
        let p = Pipeline::new(cache.path().to_path_buf(), root.path().to_path_buf());
        let assets = [
            ("static/a.jpg".to_string(), "/a.jpg".to_string()),
            ("static/b.jpg".to_string(), "/b.jpg".to_string()),
        ];
        let plan_with = |names: &[&str]| {
            let mut plan = p.empty_plan(&assets);
            for n in names {
                let used = ImageUse {
                    page: "/".into(),
                    span: None,
                };
                assert!(plan
                    .add(&format!("static/{n}.jpg"), &format!("/{n}.jpg"), used)
                    .is_some());
            }
            plan
        };
        assert_eq!(p.verify_counted(&plan_with(&["a"])), (vec![], 1));
        p.process(&plan_with(&["a"])).unwrap();
        // `a` is cached: only `b` is decoded, and a new size of `a` (one
        // missing output) needs no decoding either.
        let plan = plan_with(&["a", "b"]);
        plan.resize("/a.jpg", 100, 0, Fit::Cover, None).unwrap();
        assert_eq!(p.verify_counted(&plan), (vec![], 1));
    }
}
