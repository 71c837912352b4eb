//! Render: the resolved [`Site`] and a loaded [`Theme`] → the files of the
//! published site, in memory (URL path → bytes). Never touches the disk;
//! [`crate::output`] writes.
//!
//! Markdown bodies are rendered first, then every page, both in parallel
//! with rayon. Results are sorted by path, so the output is byte-identical
//! whatever the number of threads.

mod charts;
pub mod csp;
mod dates;
mod detail;
pub(crate) mod escape;
mod feeds;
mod i18n;
pub mod incremental;
mod listing;
mod markdown;
mod material;
mod pages;
mod qr;
mod redirects;
mod seo;
mod templates;
mod urls;
mod view;

use crate::diag::Diagnostic;
use crate::load::theme::Theme;
use crate::site::Site;
use rayon::prelude::*;
use std::collections::BTreeMap;

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

/// Markdown bodies rendered to HTML, by index of their record.
pub struct Bodies {
    pub posts: Vec<String>,
    pub stories: Vec<String>,
    pub events: Vec<String>,
    pub pages: Vec<String>,
}

/// Renders the whole site. Errors (broken `@/` links, template errors) are
/// all collected; any error means no output. Images are published as they
/// are; see [`render_with`] for responsive variants.
pub fn render(site: &Site, theme: &Theme) -> Result<Rendered, Vec<Diagnostic>> {
    render_with(site, theme, None)
}

/// [`render`], with the image pipeline's plan when given: the views of
/// posts, stories, events and library photos carry their responsive
/// variants, Markdown images become `<picture>`, library pages use their
/// social card for `og:image`, and templates may call `resize(..)` (the
/// files it names are made by [`crate::images::Pipeline::process`], which
/// must run after this). Without a plan this is exactly [`render`].
pub fn render_with(
    site: &Site,
    theme: &Theme,
    images: Option<&crate::images::Plan>,
) -> Result<Rendered, Vec<Diagnostic>> {
    let Some(plan) = images else {
        let tera = templates::compile(theme)?;
        return render_pages(site, theme, tera, None);
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
        render_pages(site, theme, tera, Some(plan))
    })
}

fn render_pages(
    site: &Site,
    theme: &Theme,
    tera: tera::Tera,
    images: Option<&crate::images::Plan>,
) -> Result<Rendered, Vec<Diagnostic>> {
    let (bodies, mut diags) = render_bodies(site, images);
    let index = images.map(|plan| std::sync::Arc::new(view::ImageIndex::new(site, plan)));
    let index = index.as_ref();
    let cx = view::Cx {
        site,
        i18n: i18n::I18n {
            strings: &theme.strings,
            language: &site.config.language,
        },
        bodies: &bodies,
    };
    let (static_files, stylesheet) = theme_static(theme);
    let common = view::with_images(index, || pages::common(&cx, &stylesheet));

    let jobs = pages::jobs(site);
    let results: Vec<Result<pages::Made, Diagnostic>> = jobs
        .par_iter()
        .map(|job| {
            let page = view::with_images(index, || pages::build(&cx, job));
            let mut ctx = common.clone();
            ctx.extend(page.context);
            let html = tera
                .render(page.template, &ctx)
                .map_err(|e| templates::diagnostic(&e, theme))?;
            Ok(pages::Made {
                url: page.url,
                kind: page.template.trim_end_matches(".html").to_string(),
                in_sitemap: page.in_sitemap,
                html,
            })
        })
        .collect();

    let mut made = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(m) => made.push(m),
            Err(d) => templates::push_unique(&mut diags, d),
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }

    let mut pages_by_kind = BTreeMap::new();
    let mut files = Vec::with_capacity(made.len() + 64);
    let mut sitemap_urls = Vec::new();
    for m in made {
        *pages_by_kind.entry(m.kind).or_insert(0) += 1;
        if m.in_sitemap {
            sitemap_urls.push(m.url.clone());
        }
        files.push(OutFile {
            path: urls::file_path(&m.url),
            bytes: m.html.into_bytes(),
        });
    }
    files.extend(view::with_images(index, || feeds::all(&cx, &sitemap_urls)));
    files.extend(side_files(&cx));
    files.extend(static_files);
    files.extend(search_files(site, &theme.strings));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);
    Ok(Rendered {
        files,
        pages_by_kind,
    })
}

/// The files made from the model besides pages, feeds, theme files and
/// the search index: each library's QR code and badge
/// (docs/library-material.md), `_redirects` from library aliases
/// (docs/publishing.md) and the browser editor (docs/cms.md). `serve`
/// makes them through this same function.
pub(crate) fn side_files(cx: &view::Cx) -> Vec<OutFile> {
    let mut files = material::files(cx);
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

fn render_bodies(site: &Site, images: Option<&crate::images::Plan>) -> (Bodies, Vec<Diagnostic>) {
    let targets = markdown::LinkTargets::new(site);
    let allow = site.config.allow_html;
    // `bool`: the page has no lead image, so its first body image is the
    // one above the fold.
    type Item<'a> = (&'a str, &'a crate::site::BodySource, bool);
    let run = |items: Vec<Item>| -> Vec<(String, Vec<Diagnostic>)> {
        items
            .par_iter()
            .map(|(body, src, eager)| {
                markdown::render_with(body, src, allow, &targets, images, *eager)
            })
            .collect()
    };
    let posts = run(site
        .posts
        .iter()
        .map(|p| (p.body.as_str(), &p.source, p.image.is_none()))
        .collect());
    let stories = run(site
        .stories
        .iter()
        .map(|p| (p.body.as_str(), &p.source, p.image.is_none()))
        .collect());
    let events = run(site
        .events
        .iter()
        .map(|p| (p.body.as_str(), &p.source, p.image.is_none()))
        .collect());
    let pages = run(site
        .pages
        .iter()
        .map(|p| (p.body.as_str(), &p.source, true))
        .collect());
    let mut diags = Vec::new();
    let mut split = |v: Vec<(String, Vec<Diagnostic>)>| -> Vec<String> {
        v.into_iter()
            .map(|(h, d)| {
                diags.extend(d);
                h
            })
            .collect()
    };
    let bodies = Bodies {
        posts: split(posts),
        stories: split(stories),
        events: split(events),
        pages: split(pages),
    };
    (bodies, diags)
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
                let hashed = format!("/aset/style.{:08x}.css", fnv1a(bytes) as u32);
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

/// FNV-1a: a tiny, stable hash (the same on every platform and release).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}
