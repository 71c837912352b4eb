//! `warta build`: everything `check` does, then make the images and write
//! atomically. Nothing is written when any problem is an error.

use super::{EXIT_SITE_ERRORS, EXIT_USAGE};
use crate::diag::{emit, Catalog, Message, Style};
use crate::{msg, output, pipeline};
use std::path::Path;

pub fn run(
    root: &Path,
    out: &Path,
    drafts: bool,
    base_url: Option<&str>,
    style: Style,
    cat: &Catalog,
) -> i32 {
    let started = std::time::Instant::now();
    if let Err(refused) = output::guard::check(out, root) {
        eprintln!(
            "error[{}]: {}\n  {}: {}",
            refused.message.id,
            cat.text(&refused.message),
            cat.text(&msg!("label-help")),
            cat.text(&refused.help)
        );
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
            eprintln!(
                "error[cannot-stage]: {}",
                cat.text(&msg!("cannot-stage", error = e.to_string()))
            );
            eprintln!("{}", cat.text(&msg!("build-nothing-published")));
            return EXIT_SITE_ERRORS;
        }
    };
    // `WARTA_TIMINGS=1` prints how long each stage took (for profiling).
    let timings = std::cell::RefCell::new(Vec::new());
    let made = pipeline::make(root, &opts, &staging, &|s| {
        timings
            .borrow_mut()
            .push((s.to_string(), std::time::Instant::now(), cpu_ticks()));
        progress.stage(cat.text(&Message::new(s)))
    });
    let unchanged = || {
        let folder = out.display().to_string();
        if out.exists() {
            msg!("output-unchanged", folder = folder)
        } else {
            msg!("output-not-made", folder = folder)
        }
    };
    let (Some(rendered), Some(done), false) = (&made.rendered, &made.images, made.has_errors())
    else {
        progress.clear();
        let _ = emit(&made.diags, &made.files, style, cat);
        let errors = made.diags.iter().filter(|d| d.is_error()).count();
        eprintln!(
            "{}",
            cat.text(&msg!("build-failed", errors = errors, output = unchanged()))
        );
        return EXIT_SITE_ERRORS;
    };
    let made_files: Vec<(std::path::PathBuf, String)> = done
        .files
        .iter()
        .map(|f| (f.path.clone(), f.url.clone()))
        .collect();
    progress.stage(cat.text(&msg!("stage-writing")));
    timings.borrow_mut().push((
        "copying images, swapping".into(),
        std::time::Instant::now(),
        cpu_ticks(),
    ));
    let written = match staging.commit(root, &made.assets, &made_files) {
        Ok(w) => w,
        Err(e) => {
            progress.clear();
            eprintln!(
                "error[cannot-publish]: {}",
                cat.text(&msg!("cannot-publish", error = e.to_string()))
            );
            eprintln!(
                "{}",
                cat.text(&msg!("build-not-published", output = unchanged()))
            );
            return EXIT_SITE_ERRORS;
        }
    };
    progress.clear();
    if std::env::var_os("WARTA_TIMINGS").is_some() {
        let mut t = timings.into_inner();
        t.push(("done".into(), std::time::Instant::now(), cpu_ticks()));
        for w in t.windows(2) {
            let wall = (w[1].1 - w[0].1).as_millis();
            // Ticks are hundredths of a second on Linux; 0 elsewhere.
            let cpu = (w[1].2 - w[0].2) * 10;
            eprintln!("{wall:>8} ms  {cpu:>6} ms cpu  {}", w[0].0);
        }
    }
    if !made.diags.is_empty() {
        let _ = emit(&made.diags, &made.files, style, cat);
    }
    let pages: usize = rendered.pages_by_kind.values().sum();
    let kinds = rendered
        .pages_by_kind
        .iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(", ");
    println!(
        "{}",
        cat.text(&msg!(
            "build-ok",
            pages = pages,
            kinds = kinds,
            others = written.files - pages,
            assets = written.assets,
            images = written.copied,
            made = done.processed,
            cached = done.cached,
            megabytes = format!("{:.1}", written.bytes as f64 / (1024.0 * 1024.0)),
            output = out.display().to_string(),
            ms = started.elapsed().as_millis() as u64
        ))
    );
    super::exit_without_freeing(made);
    0
}

/// User + system CPU time of this process so far, in clock ticks (1/100 s),
/// from `/proc/self/stat`; 0 where there is no such file. Only for
/// `WARTA_TIMINGS`.
fn cpu_ticks() -> u64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0;
    };
    // The command name (field 2) may hold spaces; fields after its `)`:
    // state is the 3rd, utime the 14th, stime the 15th.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let field = |n: usize| fields.get(n - 3).and_then(|f| f.parse::<u64>().ok());
    field(14).unwrap_or(0) + field(15).unwrap_or(0)
}
