//! `warta check`: everything `build` does, in memory, writing nothing.

use super::EXIT_SITE_ERRORS;
use crate::diag::{emit, Style};
use crate::pipeline;
use std::path::Path;

pub fn run(root: &Path, drafts: bool, style: Style) -> i32 {
    let started = std::time::Instant::now();
    let progress = super::progress::Progress::new(6);
    let opts = pipeline::Options {
        drafts,
        ..pipeline::Options::default()
    };
    let made = pipeline::make(root, &opts, &pipeline::Discard, &|s| progress.stage(s));
    progress.clear();
    let _ = emit(&made.diags, &made.files, style);
    let errors = made.diags.iter().filter(|d| d.is_error()).count();
    let warnings = made.diags.len() - errors;
    if errors > 0 {
        eprintln!(
            "warta check: {errors} error{}, {warnings} warning{} in {} files; nothing was published",
            plural(errors),
            plural(warnings),
            made.files.len()
        );
        return EXIT_SITE_ERRORS;
    }
    let pages = made
        .rendered
        .as_ref()
        .map_or(0, |r| r.pages_by_kind.values().sum::<usize>());
    // The same figures `build` prints, so a run of `check` tells what a
    // build would publish.
    println!(
        "warta check: ok, {warnings} warning{}: {}, {pages} pages ({} files, {} ms)",
        plural(warnings),
        made.site.summary(),
        made.files.len(),
        started.elapsed().as_millis()
    );
    0
}

pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
