//! `warta check`: validate everything, write nothing.

use super::EXIT_SITE_ERRORS;
use crate::diag::{emit, Style};
use crate::pipeline;
use crate::site::ResolveOptions;
use std::path::Path;

pub fn run(root: &Path, drafts: bool, style: Style) -> i32 {
    let started = std::time::Instant::now();
    let checked = pipeline::check(
        root,
        ResolveOptions {
            include_drafts: drafts,
            ..ResolveOptions::default()
        },
    );
    let diags: Vec<_> = checked.diags.iter().cloned().collect();
    let _ = emit(&diags, &checked.files, style);
    let (errors, warnings) = (checked.diags.error_count(), checked.diags.warning_count());
    if errors > 0 {
        eprintln!(
            "warta check: {errors} error{}, {warnings} warning{} in {} files; nothing was published",
            plural(errors),
            plural(warnings),
            checked.files.len()
        );
        return EXIT_SITE_ERRORS;
    }
    println!(
        "warta check: ok, {warnings} warning{}: {} ({} files, {} ms)",
        plural(warnings),
        checked.site.summary(),
        checked.files.len(),
        started.elapsed().as_millis()
    );
    0
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
