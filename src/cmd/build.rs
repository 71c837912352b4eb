//! `warta build`: check, render, write atomically.

use super::EXIT_SITE_ERRORS;
use crate::diag::{emit, Diagnostic, Style};
use crate::load::theme;
use crate::site::ResolveOptions;
use crate::{output, pipeline, render};
use std::path::Path;

pub fn run(root: &Path, out: &Path, drafts: bool, style: Style) -> i32 {
    let started = std::time::Instant::now();
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
    let site = checked.site;
    let theme = match theme::load_theme(root, &site.config.theme, &site.config.language, &mut files)
    {
        Ok(t) => t,
        Err(ds) => {
            diags.extend(ds);
            return fail(&diags, &files);
        }
    };
    let rendered = match render::render(&site, &theme) {
        Ok(r) => r,
        Err(mut ds) => {
            ds.sort_by_key(|d| {
                d.span
                    .as_ref()
                    .map(|s| (files.path(s.file).to_path_buf(), s.range.start))
            });
            diags.extend(ds);
            return fail(&diags, &files);
        }
    };
    let written = match output::write(out, root, &rendered.files, &site.assets) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!(
                "warta build: nothing was published; {} is unchanged",
                out.display()
            );
            return EXIT_SITE_ERRORS;
        }
    };
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
        "warta build: {pages} pages ({kinds}), {} other files, {} assets, {:.1} MB in {} ({} ms)",
        written.files - pages,
        written.assets,
        written.bytes as f64 / (1024.0 * 1024.0),
        out.display(),
        started.elapsed().as_millis()
    );
    0
}
