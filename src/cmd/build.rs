//! `warta build`: everything `check` does, then make the images and write
//! atomically. Nothing is written when any problem is an error.

use super::{check::plural, EXIT_SITE_ERRORS, EXIT_USAGE};
use crate::diag::{emit, Style};
use crate::{output, pipeline};
use std::path::Path;

pub fn run(root: &Path, out: &Path, drafts: bool, base_url: Option<&str>, style: Style) -> i32 {
    let started = std::time::Instant::now();
    if let Err(refused) = output::guard::check(out, root) {
        eprintln!("error: {}\n  help: {}", refused.message, refused.help);
        return EXIT_USAGE;
    }
    let progress = super::progress::Progress::new(6);
    let opts = pipeline::Options {
        drafts,
        base_url: base_url.map(str::to_string),
        process_images: true,
    };
    let made = pipeline::make(root, &opts, &|s| progress.stage(s));
    let unchanged = || {
        if out.exists() {
            format!("{} is unchanged", out.display())
        } else {
            format!("{} was not made", out.display())
        }
    };
    let (Some(rendered), Some(done), false) = (&made.rendered, &made.images, made.has_errors())
    else {
        progress.clear();
        let _ = emit(&made.diags, &made.files, style);
        let errors = made.diags.iter().filter(|d| d.is_error()).count();
        eprintln!(
            "warta build: {errors} error{}; nothing was written, {}",
            plural(errors),
            unchanged()
        );
        return EXIT_SITE_ERRORS;
    };
    let made_files: Vec<(std::path::PathBuf, String)> = done
        .files
        .iter()
        .map(|f| (f.path.clone(), f.url.clone()))
        .collect();
    progress.stage("writing the site");
    let written = match output::write_with(out, root, &rendered.files, &made.assets, &made_files) {
        Ok(w) => w,
        Err(e) => {
            progress.clear();
            eprintln!("error: {e}");
            eprintln!("warta build: nothing was published; {}", unchanged());
            return EXIT_SITE_ERRORS;
        }
    };
    progress.clear();
    if !made.diags.is_empty() {
        let _ = emit(&made.diags, &made.files, style);
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
