//! `warta dev …`: developer tools (synthetic sites for benchmarks and tests).

use std::path::Path;

pub fn synth(_out: &Path, _libraries: usize, _posts: usize, _stories: usize, _seed: u64) -> i32 {
    eprintln!("error: `warta dev synth` is being written");
    super::EXIT_USAGE
}
