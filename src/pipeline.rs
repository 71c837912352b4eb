//! The stages every command shares: load → validate → resolve
//! ([`check`]), and everything `build` does short of writing ([`make`]),
//! which `warta check` and `warta build` both run, so that what `check`
//! approves `build` publishes, with the same diagnostics.

use crate::diag::{Diagnostic, Diagnostics, SourceMap};
use crate::images::{Pipeline, Plan, Processed};
use crate::load::theme;
use crate::render::{self, Sink, Summary};
use crate::site::{self, ResolveOptions, Site};
use std::path::Path;

/// A checked site: the model (meaningful only without errors), the files it
/// came from (for printing diagnostics) and every problem found.
pub struct Checked {
    pub site: Site,
    pub files: SourceMap,
    pub diags: Diagnostics,
}

/// Loads, validates and resolves the site at `root`. Diagnostics come sorted
/// by file and position; warnings are errors when `strict: true`.
pub fn check(root: &Path, opts: ResolveOptions) -> Checked {
    let (loaded, files, mut diags) = crate::load::load_site(root);
    crate::validate::validate(&loaded, &mut diags);
    let site = site::resolve(&loaded, opts, &mut diags);
    if site.config.strict {
        diags.escalate_warnings();
    }
    diags.sort(&files);
    Checked { site, files, diags }
}

/// What a build is asked for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Publish drafts too.
    pub drafts: bool,
    /// Replaces `base_url` of site.yaml (deploy previews).
    pub base_url: Option<String>,
    /// Make the image variants (into the cache); otherwise only check that
    /// every image would be made, writing nothing (`warta check`).
    pub process_images: bool,
}

/// Everything a build makes, in memory, and every problem found on the way.
pub struct Made {
    pub site: Site,
    pub files: SourceMap,
    /// Sorted by file and position; the same for `check` and `build`.
    pub diags: Vec<Diagnostic>,
    /// What render gave the sink; `None` when it could not run (no theme)
    /// or failed.
    pub rendered: Option<Summary>,
    /// The image variants made (only with `process_images` and no error).
    pub images: Option<Processed>,
    /// Assets published as they are (`(source, URL)`): originals that no
    /// image variant replaces.
    pub assets: Vec<(String, String)>,
}

impl Made {
    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(Diagnostic::is_error)
    }
}

/// The most bytes of one part of an output path (most file systems).
const MAX_NAME_BYTES: usize = 255;
/// The most bytes of a whole output path below the output folder, leaving
/// room for the folder itself within the usual 4,096.
const MAX_PATH_BYTES: usize = 3_000;

/// Where `build` keeps the QR masks of the libraries' codes between builds
/// (`render::QrMasks`): folder and file name.
const QR_MASKS: (&str, &str) = (".warta-cache", "qr-masks");

/// The QR masks of the last build; none when the file is missing, larger
/// than any warta writes, or not warta's.
fn read_qr_masks(root: &Path) -> render::QrMasks {
    use std::io::Read;
    let mut bytes = Vec::new();
    let path = root.join(QR_MASKS.0).join(QR_MASKS.1);
    let read = std::fs::File::open(path).and_then(|f| {
        f.take(render::QR_MASKS_MAX_FILE + 1)
            .read_to_end(&mut bytes)
    });
    match read {
        Ok(n) if n as u64 <= render::QR_MASKS_MAX_FILE => render::QrMasks::parse(&bytes),
        _ => render::QrMasks::default(),
    }
}

/// Saves the masks when they changed. A memo only: a build that cannot
/// save it is no worse than a site's first (every mask scored again).
fn save_qr_masks(root: &Path, qr: &render::QrMasks) {
    if let Some(bytes) = qr.to_bytes() {
        let dir = root.join(QR_MASKS.0);
        let _ = std::fs::create_dir_all(&dir)
            .and_then(|()| crate::atomic_file::write(&dir, QR_MASKS.1, &bytes));
    }
}

/// A sink that keeps nothing (`warta check`, and a build that already
/// failed: its pages are rendered for their problems only).
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _: &str, _: &[u8]) -> Result<(), String> {
        Ok(())
    }
}

/// Refuses paths no file system can hold (before the disk does, so `check`
/// says it too), passing the others on.
struct Limits<'a> {
    sink: &'a dyn Sink,
    too_long: std::sync::Mutex<Vec<String>>,
}

impl Sink for Limits<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        if path.len() > MAX_PATH_BYTES || path.split('/').any(|p| p.len() > MAX_NAME_BYTES) {
            self.too_long
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(path.to_string());
            return Ok(());
        }
        self.sink.put(path, bytes)
    }
}

/// Everything `build` does before writing: check, load the theme, plan
/// the images, render every page into `sink`, then make (or, for `check`,
/// verify) the images. A problem in one stage never stops the others: every
/// stage runs on what is valid, so one run reports every problem; once
/// there is an error, pages go to [`Discard`] instead of `sink`. `stage`
/// is told the message id of each stage as it starts (for a progress line).
pub fn make(root: &Path, opts: &Options, sink: &dyn Sink, stage: &dyn Fn(&'static str)) -> Made {
    stage("stage-reading");
    let (loaded, mut files, mut all) = crate::load::load_site(root);
    stage("stage-checking");
    crate::validate::validate(&loaded, &mut all);
    let mut site = site::resolve(
        &loaded,
        ResolveOptions {
            include_drafts: opts.drafts,
            ..ResolveOptions::default()
        },
        &mut all,
    );
    let rejected = rejected_bodies(&loaded, &site, opts.drafts);
    // Freed on a worker while this thread goes on (a large site's front
    // matter is a few hundred thousand small allocations).
    rayon::spawn(move || drop(loaded));
    let mut diags = all.into_vec();
    if let Some(url) = &opts.base_url {
        site.config.base_url = url.clone();
    }
    let theme = match theme::load_theme(root, &site.config.theme, &site.config.language, &mut files)
    {
        Ok(t) => Some(t),
        Err(ds) => {
            diags.extend(ds);
            None
        }
    };
    // Images are planned from headers only, before render, which may ask
    // for more sizes (`resize` in templates). See docs/images.md.
    stage("stage-planning-images");
    let images = Pipeline::new(root.join(".warta-cache/images"), root.to_path_buf());
    let plan = images.plan(&site);
    diags.extend(plan.diagnostics());
    diags.extend(check_rejected(&site, &rejected));
    drop(rejected);
    let failed = diags.iter().any(Diagnostic::is_error);
    let limits = Limits {
        sink: if failed { &Discard } else { sink },
        too_long: Default::default(),
    };
    let qr = read_qr_masks(root);
    let rendered = theme.as_ref().and_then(|theme| {
        stage("stage-rendering");
        match render::render_into(&site, theme, Some(&plan), &qr, &limits, stage) {
            Ok(r) => Some(r),
            Err(ds) => {
                // Two pages at one address follow from an error already
                // reported (a duplicate id or alias): don't say it twice.
                diags.extend(
                    ds.into_iter()
                        .filter(|d| !(failed && d.code() == render::COLLISION)),
                );
                None
            }
        }
    });
    let mut too_long = limits
        .too_long
        .into_inner()
        .unwrap_or_else(|e| e.into_inner());
    too_long.sort();
    diags.extend(too_long.iter().map(|p| path_too_long(p)));
    let fine = !diags.iter().any(Diagnostic::is_error);
    let processed = if opts.process_images && fine {
        save_qr_masks(root, &qr);
        stage("stage-images");
        match images.process(&plan) {
            Ok(done) => Some(done),
            Err(ds) => {
                diags.extend(ds);
                None
            }
        }
    } else {
        diags.extend(verify_images(&images, &plan));
        None
    };
    let assets = published_assets(&site, &plan);
    if site.config.strict {
        for d in &mut diags {
            d.severity = crate::diag::Severity::Error;
        }
    }
    sort(&mut diags, &files);
    Made {
        site,
        files,
        diags,
        rendered,
        images: processed,
        assets,
    }
}

/// A Markdown body left out of the site: its text, where it is, and the
/// address its page would have.
struct Rejected {
    body: crate::load::Body,
    source: crate::site::BodySource,
    page: String,
}

/// The bodies of content that would be published but is not in the site
/// because its record has an error (drafts are checked with `--drafts`).
fn rejected_bodies(loaded: &crate::load::Loaded, site: &Site, drafts: bool) -> Vec<Rejected> {
    use std::collections::HashSet;
    fn take<F>(
        out: &mut Vec<Rejected>,
        items: &[crate::load::Content<F>],
        kept: HashSet<&str>,
        draft: impl Fn(&F) -> bool,
        page: impl Fn(&str) -> String,
    ) {
        for c in items {
            if !draft(&c.front) && !kept.contains(c.slug.as_str()) {
                out.push(Rejected {
                    body: c.body.clone(),
                    source: crate::site::BodySource {
                        span: crate::diag::Span::new(c.origin.file, c.body_offset..c.body_offset),
                        path: c.dir.clone(),
                    },
                    page: page(&c.slug),
                });
            }
        }
    }
    let mut out = Vec::new();
    take(
        &mut out,
        &loaded.posts,
        site.posts.iter().map(|p| p.slug.as_str()).collect(),
        |f| f.draft && !drafts,
        |s| format!("/berita/{s}/"),
    );
    take(
        &mut out,
        &loaded.stories,
        site.stories.iter().map(|p| p.slug.as_str()).collect(),
        |f| f.draft && !drafts,
        |s| format!("/kisah/{s}/"),
    );
    take(
        &mut out,
        &loaded.events,
        site.events.iter().map(|p| p.slug.as_str()).collect(),
        |f| f.draft && !drafts,
        |s| format!("/plm/{s}/"),
    );
    take(
        &mut out,
        &loaded.pages,
        site.pages.iter().map(|p| p.slug.as_str()).collect(),
        |f| f.draft && !drafts,
        |s| format!("/{s}/"),
    );
    out
}

/// Links, addresses and images of rejected bodies, as the published ones
/// are checked by render and the image plan.
fn check_rejected(site: &Site, rejected: &[Rejected]) -> Vec<Diagnostic> {
    let bodies: Vec<(&str, &crate::site::BodySource)> = rejected
        .iter()
        .map(|r| (r.body.as_str(), &r.source))
        .collect();
    let mut diags = render::check_bodies(site, &bodies);
    let assets: std::collections::HashSet<&str> =
        site.assets.iter().map(|(s, _)| s.as_str()).collect();
    for r in rejected {
        diags.extend(crate::images::missing_body_images(
            &r.body,
            &r.source,
            &r.page,
            &|source| assets.contains(source),
        ));
    }
    diags
}

/// What `process` would report, without writing: sources with nothing
/// cached are decoded (a cached variant proves its source decoded before).
fn verify_images(images: &Pipeline, plan: &Plan) -> Vec<Diagnostic> {
    images.verify(plan)
}

/// Originals replaced by their variants are not published.
fn published_assets(site: &Site, plan: &Plan) -> Vec<(String, String)> {
    site.assets
        .iter()
        .filter(|(source, _)| !plan.is_processed(source))
        .cloned()
        .collect()
}

/// An output path no file system can hold: the name of the page is what an
/// officer can change, so the message shows it.
fn path_too_long(path: &str) -> Diagnostic {
    Diagnostic::global(crate::msg!(
        "page-address-too-long",
        url = crate::diag::shorten(path)
    ))
    .with_help(crate::msg!(
        "page-address-too-long-help",
        limit = MAX_NAME_BYTES
    ))
}

/// By file and position, then message; the same problem found by two
/// stages is reported once.
fn sort(diags: &mut Vec<Diagnostic>, files: &SourceMap) {
    let mut all = Diagnostics::new();
    all.extend(diags.drain(..));
    all.sort(files);
    let mut v = all.into_vec();
    v.dedup();
    *diags = v;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The memo file is read without trust: too large, a folder, or not
    /// warta's is the same as none; a saved one is read back.
    #[test]
    fn qr_masks_are_read_only_from_a_file_warta_could_have_written() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join(QR_MASKS.0);
        let learnt = render::QrMasks::default();
        assert_eq!(learnt.get("https://a.id/"), None);
        learnt.learn("https://a.id/", 6);
        save_qr_masks(root.path(), &learnt);
        assert_eq!(read_qr_masks(root.path()).get("https://a.id/"), Some(6));
        let leftovers = std::fs::read_dir(&dir).unwrap().count();
        assert_eq!(leftovers, 1, "no temp file left beside the memo");

        let saved = std::fs::read(dir.join(QR_MASKS.1)).unwrap();
        // Well formed, one entry more than the bound allows.
        let entry = saved[saved.len() - 9..].to_vec();
        let mut huge = saved.clone();
        while huge.len() as u64 <= render::QR_MASKS_MAX_FILE {
            huge.extend_from_slice(&entry);
        }
        assert_eq!(render::QrMasks::parse(&huge).get("https://a.id/"), Some(6));
        std::fs::write(dir.join(QR_MASKS.1), &huge).unwrap();
        assert_eq!(
            read_qr_masks(root.path()).get("https://a.id/"),
            None,
            "too large"
        );

        std::fs::remove_file(dir.join(QR_MASKS.1)).unwrap();
        std::fs::create_dir(dir.join(QR_MASKS.1)).unwrap();
        assert_eq!(
            read_qr_masks(root.path()).get("https://a.id/"),
            None,
            "a folder"
        );
    }
}
