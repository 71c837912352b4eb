//! The plan: every source with its probe, uses and variants, the cards and
//! the sizes templates ask for, and what the renderer reads from it.

use super::cache::{self, Memo};
use super::card::CARD_VERSION;
use super::report::{problem_diag, problem_text};
use super::run::read;
use super::select::{self, fit_size, scaled_height, select_widths, Fit, Format, PIPELINE_VERSION};
use super::source::{self, Probe, Problem};
use super::{library_key, Card, CardSpec, ImageUse, Resized, Responsive, Settings};
use super::{CARD_HEIGHT, CARD_WIDTH};
use crate::diag::Diagnostic;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// A source as planned.
#[derive(Debug)]
pub(super) struct Entry {
    pub(super) probe: Result<Probe, Problem>,
    pub(super) uses: Vec<ImageUse>,
    pub(super) tag: String,
    /// `(width, height)` of each responsive variant, orientation applied.
    pub(super) variants: Vec<(u32, u32)>,
    pub(super) fallback: Format,
    pub(super) responsive: Option<Responsive>,
}

#[derive(Debug)]
pub(super) struct PlannedCard {
    pub(super) spec: CardSpec,
    pub(super) photo: Option<String>,
    pub(super) name: String,
    pub(super) card: Card,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct ResizeOp {
    pub(super) source: String,
    pub(super) name: String,
    pub(super) width: u32,
    pub(super) height: u32,
    pub(super) fit: Fit,
    pub(super) format: Format,
}

/// What templates ask for while pages render.
#[derive(Debug, Default)]
pub(super) struct Late {
    pub(super) sources: BTreeMap<String, Entry>,
    pub(super) resizes: BTreeMap<String, ResizeOp>,
    /// Fixed addresses a made file is also published at
    /// (`/favicon.ico`), by address.
    pub(super) aliases: BTreeMap<String, String>,
}

/// Every image of a site and what to make of it. Read by the renderer
/// (shared between threads: [`Plan::resize`] takes `&self`).
#[derive(Debug)]
pub struct Plan {
    pub(super) settings: Settings,
    pub(super) fingerprint: String,
    pub(super) site_root: PathBuf,
    pub(super) cache_dir: PathBuf,
    pub(super) memo: Mutex<Memo>,
    pub(super) assets_by_url: HashMap<String, String>,
    pub(super) asset_sources: HashSet<String>,
    /// By source path.
    pub(super) sources: BTreeMap<String, Entry>,
    /// Site URL of an original → source path.
    pub(super) by_url: HashMap<String, String>,
    pub(super) cards: BTreeMap<String, PlannedCard>,
    /// Cards asked for while pages render (through [`CardMaker`]), by file
    /// name: no photo, so the name alone decides the bytes.
    pub(super) page_cards: Arc<Mutex<BTreeMap<String, CardSpec>>>,
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) late: Mutex<Late>,
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
        let (name, card) = self.card_maker().name(photo_hash, &spec);
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

    /// What render uses to ask for a plain card per page while it runs
    /// (from any thread, without the plan: the maker is `'static`). The
    /// cards it hands out are made by the next `process`.
    pub fn card_maker(&self) -> CardMaker {
        CardMaker {
            url_prefix: self.settings.url_prefix.clone(),
            quality: self.settings.jpeg_quality,
            cards: Arc::clone(&self.page_cards),
        }
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

    /// Publishes the file of `made` (a URL [`Plan::resize`] gave) also at
    /// `url`, a fixed address such as `/favicon.ico`.
    pub fn publish_at(&self, made: &Resized, url: &str) {
        if let Some(name) = made.url.strip_prefix(&self.settings.url_prefix) {
            self.late
                .lock()
                .unwrap()
                .aliases
                .insert(url.to_string(), name.to_string());
        }
    }

    /// Adds many images at once (`(source path, site URL, use)`), probing
    /// the new sources in parallel.
    pub fn add_many(&mut self, wanted: Vec<(String, String, ImageUse)>) {
        self.add_all(wanted);
    }

    pub(super) fn add_all(&mut self, wanted: Vec<(String, String, ImageUse)>) {
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

    pub(super) fn probe(&self, source: &str) -> Result<Probe, Problem> {
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

    pub(super) fn entry(&self, probe: Result<Probe, Problem>, uses: Vec<ImageUse>) -> Entry {
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

    pub(super) fn save_memo(&self) {
        let mut keep: HashSet<&str> = self.sources.keys().map(String::as_str).collect();
        let late = self.late.lock().unwrap();
        keep.extend(late.sources.keys().map(String::as_str));
        let _ = self.memo.lock().unwrap().save(&self.cache_dir, &keep);
    }
}

/// Hands out plain social cards (no photo) while pages render: each card
/// is named by its words, so the same words on many pages (a list's pages)
/// are one file, and which thread asks first never matters.
#[derive(Debug, Clone)]
pub struct CardMaker {
    url_prefix: String,
    quality: u8,
    cards: Arc<Mutex<BTreeMap<String, CardSpec>>>,
}

impl CardMaker {
    /// The card showing `spec` over the plain design.
    pub fn card(&self, spec: CardSpec) -> Card {
        let (name, card) = self.name(None, &spec);
        self.cards
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(name)
            .or_insert(spec);
        card
    }

    /// A card's file name and view: a hash of everything that decides its
    /// bytes (the words, the photo's content, the JPEG quality, versions).
    fn name(&self, photo_hash: Option<u128>, spec: &CardSpec) -> (String, Card) {
        let tag = select::tag(&format!(
            "card/{PIPELINE_VERSION}.{CARD_VERSION}/{}/{}/{}",
            photo_hash.map_or("-".into(), |h| format!("{h:032x}")),
            spec.fingerprint(),
            self.quality
        ));
        let name = select::card_name(&tag);
        let card = Card {
            url: format!("{}{name}", self.url_prefix),
            width: CARD_WIDTH,
            height: CARD_HEIGHT,
        };
        (name, card)
    }
}
