//! `warta build`: check, render, write atomically.

use crate::diag::Style;
use std::path::Path;

pub fn run(_root: &Path, _out: &Path, _drafts: bool, _style: Style) -> i32 {
    eprintln!("error: `warta build` is being written; use `warta check` for now");
    super::EXIT_USAGE
}
