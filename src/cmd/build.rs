//! `warta build`: check, plan the images, render, make the images, write
//! atomically.

use super::EXIT_SITE_ERRORS;
use crate::diag::{emit, Diagnostic, Style};
use crate::images::Pipeline;
use crate::load::theme;
use crate::site::ResolveOptions;
use crate::{output, pipeline, render};
use std::path::Path;

pub fn run(root: &Path, out: &Path, drafts: bool, base_url: Option<&str>, style: Style) -> i32 {
    let started = std::time::Instant::now();
    if let Err(refused) = output::guard::check(out, root) {
        eprintln!("error: {}\n  help: {}", refused.message, refused.help);
        return super::EXIT_USAGE;
    }
    let progress = super::progress::Progress::new(5);
    progress.stage("checking content and data");
    let checked = pipeline::check(
        root,
        ResolveOptions {
            include_drafts: drafts,
            ..ResolveOptions::default()
        },
    );
    let mut files = checked.files;
    let mut diags: Vec<Diagnostic> = checked.diags.iter().cloned().collect();
    let fail = |diags: &[Diagnostic], files: &crate::diag::SourceMap| {
        progress.clear();
        let _ = emit(diags, files, style);
        let errors = diags.iter().filter(|d| d.is_error()).count();
        eprintln!(
            "warta build: {errors} error{}; nothing was written, {} is unchanged",
            if errors == 1 { "" } else { "s" },
            out.display()
        );
        EXIT_SITE_ERRORS
    };
    if checked.diags.has_errors() {
        return fail(&diags, &files);
    }
    let mut site = checked.site;
    // Deploy previews publish under their own address (`--base-url`).
    if let Some(url) = base_url {
        site.config.base_url = url.to_string();
    }
    let theme = match theme::load_theme(root, &site.config.theme, &site.config.language, &mut files)
    {
        Ok(t) => t,
        Err(ds) => {
            diags.extend(ds);
            return fail(&diags, &files);
        }
    };
    let sort = |ds: &mut Vec<Diagnostic>, files: &crate::diag::SourceMap| {
        ds.sort_by_key(|d| {
            d.span
                .as_ref()
                .map(|s| (files.path(s.file).to_path_buf(), s.range.start))
        });
    };
    // Images: planned from headers only; made after render, which may ask
    // for more sizes (`resize` in templates). See docs/images.md.
    progress.stage("planning images");
    let images = Pipeline::new(root.join(".warta-cache/images"), root.to_path_buf());
    let plan = images.plan(&site);
    let mut planned = plan.diagnostics();
    sort(&mut planned, &files);
    diags.extend(planned.iter().cloned());
    if planned.iter().any(Diagnostic::is_error) {
        return fail(&diags, &files);
    }
    progress.stage("rendering pages");
    let rendered = match render::render_with(&site, &theme, Some(&plan)) {
        Ok(r) => r,
        Err(mut ds) => {
            sort(&mut ds, &files);
            diags.extend(ds);
            return fail(&diags, &files);
        }
    };
    progress.stage("making image variants");
    let done = match images.process(&plan) {
        Ok(d) => d,
        Err(mut ds) => {
            // Those found while planning are already in `diags`.
            ds.retain(|d| !planned.contains(d));
            sort(&mut ds, &files);
            diags.extend(ds);
            return fail(&diags, &files);
        }
    };
    // Originals replaced by their variants are not published.
    let assets: Vec<(String, String)> = site
        .assets
        .iter()
        .filter(|(source, _)| !plan.is_processed(source))
        .cloned()
        .collect();
    let made: Vec<(std::path::PathBuf, String)> = done
        .files
        .iter()
        .map(|f| (f.path.clone(), f.url.clone()))
        .collect();
    progress.stage("writing the site");
    let written = match output::write_with(out, root, &rendered.files, &assets, &made) {
        Ok(w) => w,
        Err(e) => {
            progress.clear();
            eprintln!("error: {e}");
            eprintln!(
                "warta build: nothing was published; {} is unchanged",
                out.display()
            );
            return EXIT_SITE_ERRORS;
        }
    };
    progress.clear();
    if !diags.is_empty() {
        let _ = emit(&diags, &files, style);
    }
    let pages: usize = rendered.pages_by_kind.values().sum();
    let kinds = rendered
        .pages_by_kind
        .iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(", ");
    println!(
        "warta build: {pages} pages ({kinds}), {} other files, {} assets, {} image files ({} made, {} cached), {:.1} MB in {} ({} ms)",
        written.files - pages,
        written.assets,
        written.copied,
        done.processed,
        done.cached,
        written.bytes as f64 / (1024.0 * 1024.0),
        out.display(),
        started.elapsed().as_millis()
    );
    0
}
