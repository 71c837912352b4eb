//! `warta dev …`: developer tools (synthetic sites for benchmarks and tests).

use super::EXIT_SITE_ERRORS;
use crate::synth::{self, SynthOptions};
use std::path::Path;

/// `warta dev synth OUT`: writes a valid synthetic site into `out`, which
/// must not exist yet or be an empty folder (nothing is ever overwritten).
pub fn synth(out: &Path, libraries: usize, posts: usize, stories: usize, seed: u64) -> i32 {
    if out.exists() {
        let empty = out.is_dir() && std::fs::read_dir(out).is_ok_and(|mut d| d.next().is_none());
        if !empty {
            eprintln!(
                "error: {} already exists and is not an empty folder; warta dev synth writes only into a new or empty folder",
                out.display()
            );
            return EXIT_SITE_ERRORS;
        }
    }
    let opts = SynthOptions {
        libraries,
        posts,
        stories,
        seed,
    };
    let started = std::time::Instant::now();
    match synth::write(out, &opts) {
        Ok(s) => {
            println!(
                "wrote {} files ({:.1} MB) to {} in {} ms (seed {seed})",
                s.files,
                s.bytes as f64 / (1024.0 * 1024.0),
                out.display(),
                started.elapsed().as_millis()
            );
            println!(
                "  {} libraries in {} provinces, {} news posts, {} stories, {} events (+1 draft), {} awards, {} reports",
                s.libraries, s.provinces, s.posts, s.stories, s.events, s.awards, s.reports
            );
            println!("check it with: warta check --root {}", out.display());
            0
        }
        Err(msg) => {
            eprintln!("error: {msg}");
            EXIT_SITE_ERRORS
        }
    }
}
