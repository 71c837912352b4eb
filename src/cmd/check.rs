//! `warta check`: everything `build` does, in memory, writing nothing.

use super::EXIT_SITE_ERRORS;
use crate::diag::{emit, Catalog, Message, Style};
use crate::{msg, pipeline};
use std::path::Path;

pub fn run(root: &Path, drafts: bool, style: Style, cat: &Catalog) -> i32 {
    let started = std::time::Instant::now();
    let progress = super::progress::Progress::new(6);
    let opts = pipeline::Options {
        drafts,
        ..pipeline::Options::default()
    };
    let made = pipeline::make(root, &opts, &pipeline::Discard, &|s| {
        progress.stage(cat.text(&Message::new(s)))
    });
    progress.clear();
    let _ = emit(&made.diags, &made.files, style, cat);
    let errors = made.diags.iter().filter(|d| d.is_error()).count();
    let warnings = made.diags.len() - errors;
    if errors > 0 {
        eprintln!(
            "{}",
            cat.text(&msg!(
                "check-failed",
                errors = errors,
                warnings = warnings,
                files = made.files.len()
            ))
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
        "{}",
        cat.text(&msg!(
            "check-ok",
            warnings = warnings,
            site = made.site.summary(),
            pages = pages,
            files = made.files.len(),
            ms = started.elapsed().as_millis() as u64
        ))
    );
    super::exit_without_freeing(made);
    0
}
