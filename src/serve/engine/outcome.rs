//! What the engine hands out: the served map, and how a rebuild went.

use crate::diag::{emit, Catalog, Diagnostic, SourceMap, Style};
use crate::msg;
use bytes::Bytes;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// What is served: output path (`berita/x/index.html`, no leading slash) →
/// bytes, plus the errors of the last build if it failed.
#[derive(Default)]
pub struct Served {
    pub files: HashMap<String, Bytes>,
    /// Bumped on every build, good or bad (the browser reloads when its
    /// page is older than this).
    pub version: u64,
    /// The errors of the last build, if it failed.
    pub errors: Option<Arc<ErrorReport>>,
}

/// One diagnostic, positions resolved, ready for the overlay.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DiagView {
    /// `error` or `warning`, the same in every language.
    pub severity: &'static str,
    /// The diagnostic's code (`unknown-field`), the same in every language.
    pub code: &'static str,
    /// `file:line:col`, when the problem has a place.
    pub location: Option<String>,
    pub message: String,
    pub related: Vec<(String, String)>,
    pub help: Option<String>,
    /// The overlay's own words, in the run's language.
    pub words: OverlayWords,
}

/// The overlay's heading, its line of advice and the labels of notes and
/// help, in the run's language.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OverlayWords {
    pub title: String,
    pub intro: String,
    pub note: String,
    pub help: String,
}

impl OverlayWords {
    pub fn new(cat: &Catalog) -> OverlayWords {
        OverlayWords {
            title: cat.text(&msg!("overlay-title")),
            intro: cat.text(&msg!("overlay-intro")),
            note: cat.text(&msg!("label-note")),
            help: cat.text(&msg!("label-help")),
        }
    }
}

/// The errors of a failed build.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ErrorReport {
    pub items: Vec<DiagView>,
}

/// How a rebuild went.
#[derive(Debug, Default)]
pub struct Outcome {
    pub ok: bool,
    /// Every page was rendered (and why), or only some.
    pub full: Option<String>,
    /// HTML pages rendered.
    pub pages: usize,
    /// Markdown bodies rendered (the others were reused).
    pub bodies: usize,
    /// Assets read from disk.
    pub assets: usize,
    /// Files whose bytes changed or that appeared or went away.
    pub changed: usize,
    /// The edited records were checked and patched into the last good
    /// site (no full check).
    pub patched: bool,
    /// Why the whole site was checked, when it was.
    pub full_check: Option<String>,
    /// Verify mode: what differs from a full build (empty: nothing).
    pub mismatches: Vec<String>,
    /// Of a partial build: the pages that took longest to render.
    pub slowest: Vec<(String, Duration)>,
    pub timings: Timings,
    /// Every diagnostic (warnings of a good build, errors of a bad one),
    /// with the file map to print them.
    pub diags: Vec<(Vec<Diagnostic>, Arc<SourceMap>)>,
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Timings {
    /// Reading the changed files (all files on a first build).
    pub load: Duration,
    /// Validate + resolve: of the edited records (patched) or the site.
    pub check: Duration,
    /// Loading and compiling the theme (only when it changed).
    pub theme: Duration,
    /// Markdown bodies.
    pub bodies: Duration,
    /// Pages, feeds, assets.
    pub render: Duration,
    /// Of `render`: the feeds, sitemap and robots.txt.
    pub feeds: Duration,
    /// Of `render`: the search index (always built whole).
    pub search: Duration,
    /// Updating what is served.
    pub publish: Duration,
    pub total: Duration,
}

impl Outcome {
    /// Prints the diagnostics in the chosen style.
    pub fn emit(&self, style: Style, cat: &Catalog) {
        for (ds, files) in &self.diags {
            let _ = emit(ds, files, style, cat);
        }
    }
    /// The diagnostics as the overlay shows them, in `cat`'s language.
    pub fn views(&self, cat: &Catalog) -> Vec<DiagView> {
        let words = OverlayWords::new(cat);
        self.diags
            .iter()
            .flat_map(|(ds, files)| ds.iter().map(|d| view(d, files, cat, &words)))
            .collect()
    }
    pub fn error_count(&self) -> usize {
        self.diags
            .iter()
            .map(|(ds, _)| ds.iter().filter(|d| d.is_error()).count())
            .sum()
    }
}

fn view(d: &Diagnostic, files: &SourceMap, cat: &Catalog, words: &OverlayWords) -> DiagView {
    DiagView {
        severity: crate::diag::severity_word(d.severity),
        code: d.code(),
        location: d.span.as_ref().map(|s| files.location(s)),
        message: cat.text(&d.message),
        related: d
            .related
            .iter()
            .map(|(s, l)| (files.location(s), cat.text(l)))
            .collect(),
        help: d.help.as_ref().map(|h| cat.text(h)),
        words: words.clone(),
    }
}
