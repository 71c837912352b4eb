//! A progress line for long builds: shown on a terminal only, and only once
//! the build has run for a moment, so quick builds print just their summary.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::cell::Cell;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// Builds that finish faster than this never show the bar.
const SHOW_AFTER: Duration = Duration::from_millis(400);

pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    terminal: bool,
    shown: Cell<bool>,
}

impl Progress {
    /// A bar of `stages` steps, hidden until [`SHOW_AFTER`] has passed.
    pub fn new(stages: u64) -> Progress {
        let bar = ProgressBar::with_draw_target(Some(stages), ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} [{pos}/{len}] {msg} ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        Progress {
            bar,
            started: Instant::now(),
            terminal: std::io::stderr().is_terminal(),
            shown: Cell::new(false),
        }
    }

    /// Starts the next stage (its text in the run's language).
    pub fn stage(&self, message: impl Into<String>) {
        if self.terminal && !self.shown.get() && self.started.elapsed() >= SHOW_AFTER {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.bar.enable_steady_tick(Duration::from_millis(120));
            self.shown.set(true);
        }
        self.bar.inc(1);
        self.bar.set_message(message.into());
    }

    /// Removes the bar before the summary or the diagnostics are printed.
    pub fn clear(&self) {
        self.bar.finish_and_clear();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
