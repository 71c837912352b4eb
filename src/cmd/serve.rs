//! `warta serve`: build into memory, serve on 127.0.0.1, rebuild and
//! reload the browser on change. The work is in [`crate::serve`].

use crate::diag::{Lang, Style};
use std::path::Path;

pub fn run(
    root: &Path,
    port: u16,
    bind: &str,
    open: bool,
    drafts: bool,
    style: Style,
    lang: Option<Lang>,
) -> i32 {
    crate::serve::run(crate::serve::Options {
        root: root.to_path_buf(),
        port,
        bind: bind.to_string(),
        open,
        style,
        drafts,
        lang,
    })
}
