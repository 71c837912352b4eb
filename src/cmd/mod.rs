//! One file per command; each is thin and returns the process exit code.

pub mod build;
pub mod check;
pub mod dev;
pub mod export;
pub mod import;
pub mod new;
mod progress;
pub mod serve;

use crate::cli::MessageStyle;
use crate::diag::Style;

/// Exit status when the site has errors (usage errors exit 2, via clap).
pub const EXIT_SITE_ERRORS: i32 = 1;
/// Exit status for a wrong command line.
pub const EXIT_USAGE: i32 = 2;

pub fn style(choice: Option<MessageStyle>) -> Style {
    match choice {
        Some(MessageStyle::Rich) => Style::Rich,
        Some(MessageStyle::Plain) => Style::Plain,
        None => Style::detect(),
    }
}

/// Leaves the site model (and all it owns) for the operating system to
/// free when the process exits, which it does right after: freeing a
/// 100,000-post model piece by piece takes the one thread about a second.
/// Only for the command line (`main` exits after `run`).
fn exit_without_freeing<T>(made: T) {
    std::mem::forget(made);
}
