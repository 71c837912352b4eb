//! The front half of every command: load → validate → resolve.

use crate::diag::{Diagnostics, SourceMap};
use crate::site::{self, ResolveOptions, Site};
use std::path::Path;

/// A checked site: the model (meaningful only without errors), the files it
/// came from (for printing diagnostics) and every problem found.
pub struct Checked {
    pub site: Site,
    pub files: SourceMap,
    pub diags: Diagnostics,
}

/// Loads, validates and resolves the site at `root`. Diagnostics come sorted
/// by file and position; warnings are errors when `strict: true`.
pub fn check(root: &Path, opts: ResolveOptions) -> Checked {
    let (loaded, files, mut diags) = crate::load::load_site(root);
    crate::validate::validate(&loaded, &mut diags);
    let site = site::resolve(&loaded, opts, &mut diags);
    if site.config.strict {
        diags.escalate_warnings();
    }
    diags.sort(&files);
    Checked { site, files, diags }
}
