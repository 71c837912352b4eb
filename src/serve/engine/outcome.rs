//! What the engine hands out: the served map, and how a rebuild went.

use crate::diag::{emit, Diagnostic, Severity, SourceMap, Style};
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
    pub severity: &'static str,
    /// `file:line:col`, when the problem has a place.
    pub location: Option<String>,
    pub message: String,
    pub related: Vec<(String, String)>,
    pub help: Option<String>,
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
    pub fn emit(&self, style: Style) {
        for (ds, files) in &self.diags {
            let _ = emit(ds, files, style);
        }
    }
    pub fn views(&self) -> Vec<DiagView> {
        self.diags
            .iter()
            .flat_map(|(ds, files)| ds.iter().map(|d| view(d, files)))
            .collect()
    }
    pub fn error_count(&self) -> usize {
        self.diags
            .iter()
            .map(|(ds, _)| ds.iter().filter(|d| d.is_error()).count())
            .sum()
    }
}

fn view(d: &Diagnostic, files: &SourceMap) -> DiagView {
    DiagView {
        severity: match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        location: d.span.as_ref().map(|s| files.location(s)),
        message: d.message.clone(),
        related: d
            .related
            .iter()
            .map(|(s, l)| (files.location(s), l.clone()))
            .collect(),
        help: d.help.clone(),
    }
}
