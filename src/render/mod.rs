//! Render: the resolved [`Site`] and a loaded [`Theme`] → the files of the
//! published site, in memory (URL path → bytes). Never touches the disk;
//! [`crate::output`] writes.
//!
//! Every page is rendered in parallel with rayon, its Markdown body with
//! it ([`bodies`]), and goes to a [`Sink`] at once: nothing grows with the
//! number of pages but the list of sitemap URLs. Problems are collected in
//! a fixed order, and the bytes never depend on the number of threads.

mod bodies;
mod cards;
mod charts;
mod crumbs;
mod dates;
mod detail;
mod feeds;
pub mod headers;
mod i18n;
mod icons;
mod ics;
pub mod incremental;
mod job;
mod listing;
mod markdown;
mod material;
mod pages;
mod qr;
mod qr_masks;
mod redirects;
mod related;
mod seo;
mod share;
mod templates;
mod urls;
mod view;

use crate::diag::Diagnostic;
use crate::load::theme::Theme;
use crate::site::Site;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// The output path of the header rules the host reads ([`headers`]).
pub const HEADERS: &str = "_headers";

/// One file of the published site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutFile {
    /// Path relative to the output folder, `/`-separated (`berita/x/index.html`).
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Everything render made.
#[derive(Debug)]
pub struct Rendered {
    /// Sorted by path, no duplicates.
    pub files: Vec<OutFile>,
    /// HTML pages made, by kind (template name without `.html`).
    pub pages_by_kind: BTreeMap<String, usize>,
}

pub use bodies::Bodies;
pub use qr_masks::{QrMasks, MAX_FILE as QR_MASKS_MAX_FILE};

/// Where rendered files go as they are made: a folder being filled
/// (`build`), nowhere (`check`), or memory ([`render`]: `serve`, tests).
/// Called from many threads; files of a page go out as soon as the page is
/// rendered, so memory does not grow with the number of pages.
pub trait Sink: Sync {
    /// Stores one file (`path` relative to the output folder).
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), String>;
}

/// What render made, without the files themselves.
#[derive(Debug, Default)]
pub struct Summary {
    /// HTML pages made, by kind (template name without `.html`).
    pub pages_by_kind: BTreeMap<String, usize>,
    /// Every file given to the sink, pages included.
    pub files: usize,
    pub bytes: u64,
}

/// Renders the whole site into memory, sorted by path. Errors (broken `@/`
/// links, template errors) are all collected; any error means no output.
/// Images are published as they are; see [`render_into`] for responsive
/// variants.
pub fn render(site: &Site, theme: &Theme) -> Result<Rendered, Vec<Diagnostic>> {
    let memory = Memory::default();
    let summary = render_into(site, theme, None, &QrMasks::default(), &memory, &|_| {})?;
    Ok(Rendered {
        files: memory.into_files(),
        pages_by_kind: summary.pages_by_kind,
    })
}

/// A sink that keeps every file in memory (tests, fuzzing).
#[derive(Default)]
pub struct Memory {
    files: std::sync::Mutex<Vec<OutFile>>,
}

impl Memory {
    /// The files given to the sink, sorted by path.
    pub fn into_files(self) -> Vec<OutFile> {
        let mut files = self.files.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for Memory {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        files.push(OutFile {
            path: path.to_string(),
            bytes: bytes.to_vec(),
        });
        Ok(())
    }
}

/// Renders the whole site into `sink`, with the image pipeline's plan when
/// given: the views of posts, stories, events and library photos carry
/// their responsive variants, Markdown images become `<picture>`, library
/// pages use their social card for `og:image`, and templates may call
/// `resize(..)` (the files it names are made by
/// [`crate::images::Pipeline::process`], which must run after this).
/// Every problem is collected; on error the sink may hold part of the site.
/// `stage` is told when each part starts (pages, feeds, search index).
/// `qr` gives the QR masks remembered from earlier builds, and learns the
/// masks of new codes (the caller saves them).
pub fn render_into(
    site: &Site,
    theme: &Theme,
    images: Option<&crate::images::Plan>,
    qr: &QrMasks,
    sink: &dyn Sink,
    stage: &dyn Fn(&'static str),
) -> Result<Summary, Vec<Diagnostic>> {
    let Some(plan) = images else {
        let tera = templates::compile(theme)?;
        return render_pages(site, theme, tera, None, qr, sink, stage);
    };
    // Tera's functions must be `'static`, the plan is borrowed: `resize`
    // sends its requests to a thread of this scope that holds the plan. It
    // ends when the templates (and so the function) are dropped.
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel::<templates::ResizeRequest>();
        scope.spawn(move || {
            for req in rx {
                let _ = req.reply.send(req.run(plan));
            }
        });
        let tera = templates::compile_with(theme, Some(tx))?;
        render_pages(site, theme, tera, Some(plan), qr, sink, stage)
    })
}

/// Checks Markdown bodies that are not published because their record has
/// an error (a story whose library is unknown, say): their broken links
/// and unsafe addresses are reported in the same run, not after the record
/// is mended. The HTML is thrown away.
pub fn check_bodies(site: &Site, bodies: &[(&str, &crate::site::BodySource)]) -> Vec<Diagnostic> {
    let targets = markdown::LinkTargets::new(site);
    let allow = site.config.allow_html;
    bodies
        .par_iter()
        .flat_map_iter(|(body, src)| markdown::render(body, src, allow, &targets).1)
        .collect()
}

/// How the message about two pages of one address starts: a site that
/// already has errors (a duplicate id, say) may cause it, and then it is
/// not reported again (see `pipeline::make`).
pub const COLLISION: &str = "page-address-collision";

/// Counts what goes to a sink, and keeps the first file written to a path:
/// two pages of one address are an error; the files made after the pages
/// (feeds, side files, theme files, search) never replace one.
struct Written<'a> {
    sink: &'a dyn Sink,
    paths: std::sync::Mutex<std::collections::HashSet<String>>,
    bytes: std::sync::atomic::AtomicU64,
}

impl Written<'_> {
    /// `Ok(false)` when the path was already written.
    fn put(&self, path: &str, bytes: &[u8]) -> Result<bool, Diagnostic> {
        let fresh = self
            .paths
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string());
        if !fresh {
            return Ok(false);
        }
        self.bytes
            .fetch_add(bytes.len() as u64, std::sync::atomic::Ordering::Relaxed);
        self.sink.put(path, bytes).map(|()| true).map_err(|e| {
            Diagnostic::global(crate::msg!(
                "cannot-write",
                path = path,
                error = e.to_string()
            ))
        })
    }
    /// Which files are written is settled in order (the first of a path
    /// wins), the writing is done on all cores (a large site has tens of
    /// thousands of QR codes and badges).
    fn put_all(&self, files: Vec<OutFile>) -> Vec<Diagnostic> {
        let fresh: Vec<OutFile> = {
            let mut paths = self.paths.lock().unwrap_or_else(|e| e.into_inner());
            files
                .into_iter()
                .filter(|f| paths.insert(f.path.clone()))
                .collect()
        };
        let bytes = fresh.iter().map(|f| f.bytes.len() as u64).sum();
        self.bytes
            .fetch_add(bytes, std::sync::atomic::Ordering::Relaxed);
        fresh
            .par_iter()
            .filter_map(|f| {
                self.sink.put(&f.path, &f.bytes).err().map(|e| {
                    Diagnostic::global(crate::msg!(
                        "cannot-write",
                        path = f.path.as_str(),
                        error = e.to_string()
                    ))
                })
            })
            .collect()
    }
}

fn render_pages(
    site: &Site,
    theme: &Theme,
    tera: tera::Tera,
    images: Option<&crate::images::Plan>,
    qr: &QrMasks,
    sink: &dyn Sink,
    stage: &dyn Fn(&'static str),
) -> Result<Summary, Vec<Diagnostic>> {
    let fresh = bodies::Fresh::new(site, images);
    let index = images.map(|plan| std::sync::Arc::new(view::ImageIndex::new(site, plan)));
    let index = index.as_ref();
    let cx = view::Cx {
        site,
        i18n: i18n::I18n {
            strings: &theme.strings,
            language: &site.config.language,
        },
        bodies: bodies::Html::Fresh(&fresh),
        qr,
    };
    let (static_files, stylesheet) = theme_static(theme);
    let icons = icons::build(&cx, images, true).map_err(|e| {
        vec![Diagnostic::global(crate::msg!(
            "icon-failed",
            error = e.to_string()
        ))]
    })?;
    let common = view::with_images(index, || pages::common(&cx, &stylesheet, &icons));
    let out = Written {
        sink,
        paths: Default::default(),
        bytes: Default::default(),
    };

    // Pages go to the sink as they are rendered; only what the sitemap and
    // the summary need is kept. The side files and the search index need
    // no page: they are made beside the pages, on the same threads, so
    // their serial parts fill the cores' gaps; they are written after the
    // pages, as before (the first file of a path wins).
    let jobs = pages::jobs(site);
    let render_page = |job: &job::Job| {
        let page = view::with_images(index, || pages::build(&cx, job));
        let mut ctx = common.clone();
        ctx.extend(page.context);
        let html = tera
            .render(page.template, &ctx)
            .map_err(|e| templates::diagnostic(&e, theme))?;
        if !out.put(&urls::file_path(&page.url), html.as_bytes())? {
            return Err(Diagnostic::global(crate::msg!(
                "page-address-collision",
                url = crate::diag::shorten(&page.url)
            ))
            .with_help(crate::msg!("page-address-collision-help")));
        }
        Ok((page.url, page.template, page.in_sitemap))
    };
    let (results, (side, search)): (Vec<Result<_, Diagnostic>>, _) = rayon::join(
        || jobs.par_iter().map(render_page).collect(),
        || rayon::join(|| side_files(&cx), || search_files(site, &theme.strings)),
    );

    // The bodies' problems first, then each template error once.
    let mut diags = fresh.take_diagnostics();
    let mut summary = Summary::default();
    let mut sitemap_urls = Vec::new();
    for r in results {
        match r {
            Ok((url, template, in_sitemap)) => {
                let kind = template.trim_end_matches(".html");
                match summary.pages_by_kind.get_mut(kind) {
                    Some(n) => *n += 1,
                    None => {
                        summary.pages_by_kind.insert(kind.to_string(), 1);
                    }
                }
                if in_sitemap {
                    sitemap_urls.push(url);
                }
            }
            Err(d) => templates::push_unique(&mut diags, d),
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    stage("stage-feeds");
    diags.extend(out.put_all(view::with_images(index, || feeds::all(&cx, &sitemap_urls))));
    diags.extend(out.put_all(side));
    diags.extend(out.put_all(icons.files));
    diags.extend(out.put_all(static_files));
    stage("stage-search");
    diags.extend(out.put_all(search));
    if !diags.is_empty() {
        return Err(diags);
    }
    // Last: `_headers` is made from the paths of every file above.
    let rules = {
        let paths = out.paths.lock().unwrap_or_else(|e| e.into_inner());
        headers::file(site, paths.iter().map(String::as_str))
    };
    match rules {
        Ok(text) => diags.extend(out.put_all(vec![OutFile {
            path: HEADERS.into(),
            bytes: text.into_bytes(),
        }])),
        Err(d) => diags.push(d),
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    summary.files = out
        .paths
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .len();
    summary.bytes = out.bytes.into_inner();
    Ok(summary)
}

/// The files made from the model besides pages, feeds, theme files and
/// the search index: each library's QR code and badge
/// (docs/library-material.md), `_redirects` from library aliases
/// (docs/publishing.md) and the browser editor (docs/cms.md). `serve`
/// makes them through this same function.
pub(crate) fn side_files(cx: &view::Cx) -> Vec<OutFile> {
    let mut files = material::files(cx);
    files.extend((0..cx.site.events.len() as u32).map(|i| {
        let id = crate::site::EventId(i);
        OutFile {
            path: urls::file_path(&ics::url(&cx.site.event(id).slug)),
            bytes: ics::event(cx, id).into_bytes(),
        }
    }));
    if let Some(rules) = redirects::file(cx.site) {
        files.push(OutFile {
            path: "_redirects".into(),
            bytes: rules.into_bytes(),
        });
    }
    files.extend(url_files(crate::cms::build(cx.site)));
    files
}

/// The search index: part of the published site, built from the model,
/// not from the HTML (see docs/search.md).
pub(crate) fn search_files(site: &Site, words: &BTreeMap<String, String>) -> Vec<OutFile> {
    url_files(crate::search::build(site, words))
}

fn url_files(v: Vec<(String, Vec<u8>)>) -> Vec<OutFile> {
    v.into_iter()
        .map(|(url, bytes)| OutFile {
            path: url.trim_start_matches('/').to_string(),
            bytes,
        })
        .collect()
}

/// The theme's static files; `style.css` gets a content-hashed name under
/// `/aset/` (the folder netlify.toml caches for ever: a header rule needs a
/// folder, Netlify's `*` does not match inside a file name). Returns the
/// files and the stylesheet URL.
fn theme_static(theme: &Theme) -> (Vec<OutFile>, String) {
    let mut stylesheet = String::new();
    let files = theme
        .static_files
        .iter()
        .map(|(url, bytes)| {
            let url = if url == "/style.css" {
                let hashed = format!("/aset/style.{}.css", crate::hash::hex(bytes, 8));
                stylesheet = hashed.clone();
                hashed
            } else {
                url.clone()
            };
            OutFile {
                path: url.trim_start_matches('/').to_string(),
                bytes: bytes.clone(),
            }
        })
        .collect();
    (files, stylesheet)
}
