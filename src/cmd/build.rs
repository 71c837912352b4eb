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
    let progress = super::progress::Progress::new(8);
    let opts = pipeline::Options {
        drafts,
        base_url: base_url.map(str::to_string),
        process_images: true,
    };
    // Pages are written into a hidden folder as they are rendered; it
    // replaces `out` only when everything succeeded (dropped otherwise).
    let staging = match output::Staging::new(out) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("warta build: nothing was published");
            return EXIT_SITE_ERRORS;
        }
    };
    // `WARTA_TIMINGS=1` prints how long each stage took (for profiling).
    let timings = std::cell::RefCell::new(Vec::new());
    let made = pipeline::make(root, &opts, &staging, &|s| {
        timings
            .borrow_mut()
            .push((s.to_string(), std::time::Instant::now()));
        progress.stage(s)
    });
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
    timings
        .borrow_mut()
        .push(("copying images, swapping".into(), std::time::Instant::now()));
    let written = match staging.commit(root, &made.assets, &made_files) {
        Ok(w) => w,
        Err(e) => {
            progress.clear();
            eprintln!("error: {e}");
            eprintln!("warta build: nothing was published; {}", unchanged());
            return EXIT_SITE_ERRORS;
        }
    };
    progress.clear();
    if std::env::var_os("WARTA_TIMINGS").is_some() {
        let mut t = timings.into_inner();
        t.push(("done".into(), std::time::Instant::now()));
        for w in t.windows(2) {
            eprintln!("{:>8} ms  {}", (w[1].1 - w[0].1).as_millis(), w[0].0);
        }
    }
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
