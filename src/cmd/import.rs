//! `warta import libraries FILE`: a spreadsheet into `data/libraries/`.

use super::EXIT_SITE_ERRORS;
use crate::diag::{emit, Style};
use crate::import::{self, Failure, Options};
use std::path::Path;

pub fn libraries(root: &Path, file: &Path, opts: &Options, dry_run: bool, style: Style) -> i32 {
    let started = std::time::Instant::now();
    let import = match import::prepare(root, file, opts) {
        Ok(i) => i,
        Err(f) => return failure(f, style),
    };
    print!("{}", import::report(&import, dry_run, dry_run));
    for n in &import.plan.notes {
        eprint!("{}", n.render("warning"));
    }
    let errors = &import.plan.errors;
    if !errors.is_empty() {
        for e in errors {
            eprint!("{}", e.render("error"));
        }
        eprintln!(
            "warta import: {} problem{} in {}; nothing was written",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            import.sheet.label
        );
        return EXIT_SITE_ERRORS;
    }
    if dry_run {
        return 0;
    }
    match import::apply(root, &import) {
        Ok(written) => {
            if !written.is_empty() {
                eprintln!(
                    "warta import: {} file{} written in {} ms; run `warta check` to see the site with them",
                    written.len(),
                    if written.len() == 1 { "" } else { "s" },
                    started.elapsed().as_millis()
                );
            }
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("warta import: nothing was changed in data/");
            EXIT_SITE_ERRORS
        }
    }
}

/// Prints why an import or export could not start.
pub(super) fn failure(f: Failure, style: Style) -> i32 {
    match f {
        Failure::Site { diags, files } => {
            let _ = emit(&diags, &files, style);
            eprintln!("warta: fix these problems in data/ first (`warta check` lists them); nothing was written");
        }
        Failure::Problems(ps) => {
            for p in &ps {
                eprint!("{}", p.render("error"));
            }
            eprintln!("warta: nothing was written");
        }
    }
    EXIT_SITE_ERRORS
}
