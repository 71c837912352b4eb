//! `warta import libraries FILE`: a spreadsheet into `data/libraries/`.

use super::EXIT_SITE_ERRORS;
use crate::diag::{emit, Catalog, Style};
use crate::import::{self, Failure, Options};
use crate::msg;
use std::path::Path;

pub fn libraries(
    root: &Path,
    file: &Path,
    opts: &Options,
    dry_run: bool,
    style: Style,
    cat: &Catalog,
) -> i32 {
    let started = std::time::Instant::now();
    let import = match import::prepare(root, file, opts) {
        Ok(i) => i,
        Err(f) => return failure(f, style, cat),
    };
    print!("{}", import::report(&import, dry_run, dry_run, cat));
    for n in &import.plan.notes {
        eprint!("{}", n.render("warning", cat));
    }
    let errors = &import.plan.errors;
    if !errors.is_empty() {
        for e in errors {
            eprint!("{}", e.render("error", cat));
        }
        eprintln!(
            "{}",
            cat.text(&msg!(
                "import-failed",
                problems = errors.len(),
                sheet = &import.sheet.label
            ))
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
                    "{}",
                    cat.text(&msg!(
                        "import-written",
                        files = written.len(),
                        ms = started.elapsed().as_millis() as u64
                    ))
                );
            }
            0
        }
        Err(e) => {
            eprintln!("error[cannot-write]: {e}");
            eprintln!("{}", cat.text(&msg!("import-nothing-changed")));
            EXIT_SITE_ERRORS
        }
    }
}

/// Prints why an import or export could not start.
pub(super) fn failure(f: Failure, style: Style, cat: &Catalog) -> i32 {
    match f {
        Failure::Site { diags, files } => {
            let _ = emit(&diags, &files, style, cat);
            eprintln!("{}", cat.text(&msg!("import-fix-site-first")));
        }
        Failure::Problems(ps) => {
            for p in &ps {
                eprint!("{}", p.render("error", cat));
            }
            eprintln!("{}", cat.text(&msg!("import-nothing-written")));
        }
    }
    EXIT_SITE_ERRORS
}
