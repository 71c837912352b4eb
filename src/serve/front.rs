//! The front half of a rebuild (load → validate → resolve), incremental:
//! files come from the [`LoadCache`] (only changed files are read again);
//! then either the edited news posts and stories are checked and patched
//! into the last good site ([`patch`]), or the whole site is validated and
//! resolved ([`full`]), as `warta check` does.
//!
//! The patch finds every problem an edit of a post or story can cause:
//! its load errors, the rules `validate` applies to one record, and its
//! references and values (the same code as a full resolve). What a record
//! edit cannot do on its own (a duplicate slug: the slug is the file name;
//! a new or vanished tag; a change of order) is not patched: the caller
//! then checks the whole site.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::cache::LoadCache;
use crate::load::Loaded;
use crate::site::patch::{self, Edit, Patch};
use crate::site::{ResolveOptions, Site};
use std::collections::BTreeSet;

/// The edits pending since the last good build, when every pending path is
/// an edited news post or story (or an asset, published as it is); with
/// the text files they came from. `Err`: why the whole site is checked.
pub fn edits(
    cache: &LoadCache,
    pending: &BTreeSet<String>,
) -> Result<(Vec<Edit>, Vec<String>), String> {
    let mut edits = Vec::new();
    let mut paths = Vec::new();
    for p in pending {
        if p.starts_with("static/") {
            continue;
        }
        let Some(rest) = p.strip_prefix("content/") else {
            return Err("data or settings changed".into());
        };
        if !p.ends_with(".md") {
            continue; // an asset beside a page
        }
        let section = rest.split('/').next().unwrap_or("");
        if cache.file_id(p).is_none() {
            return Err("a Markdown file came or went".into());
        }
        let edit = match section {
            "berita" => cache.record_index(p).map(Edit::Post),
            "kisah" => cache.record_index(p).map(Edit::Story),
            "plm" => return Err("an event changed".into()),
            _ => return Err("a page changed".into()),
        };
        // No record: the file did not load, its errors say why.
        edits.extend(edit);
        paths.push(p.clone());
    }
    Ok((edits, paths))
}

/// Checks the edits against the last good `site`. Returns the patch (or
/// why there is none) and every problem found.
pub fn patch(
    site: &Site,
    cache: &LoadCache,
    opts: ResolveOptions,
    edits: &[Edit],
    paths: &[String],
) -> (Result<Patch, String>, Vec<Diagnostic>) {
    let mut diags = Diagnostics::new();
    for p in paths {
        diags.extend(cache.file_diags(p).iter().cloned());
    }
    let loaded = cache.loaded();
    // The rules of `validate` that look at one record, on just these.
    let mut one = Loaded {
        root: loaded.root.clone(),
        ..Loaded::default()
    };
    for e in edits {
        match *e {
            Edit::Post(i) => one.posts.push(loaded.posts[i].clone()),
            Edit::Story(i) => one.stories.push(loaded.stories[i].clone()),
        }
    }
    crate::validate::validate(&one, &mut diags);
    let planned = patch::plan(site, loaded, opts, edits, &mut diags);
    if site.config.strict {
        diags.escalate_warnings();
    }
    (planned, diags.into_vec())
}

/// Validates and resolves the whole site.
pub fn full(cache: &LoadCache, opts: ResolveOptions) -> (Site, Vec<Diagnostic>) {
    let mut diags = Diagnostics::new();
    diags.extend(cache.diags());
    crate::validate::validate(cache.loaded(), &mut diags);
    let site = crate::site::resolve(cache.loaded(), opts, &mut diags);
    if site.config.strict {
        diags.escalate_warnings();
    }
    (site, diags.into_vec())
}

/// For verify mode: whether a patched `site` equals a full resolve of the
/// same files, and the patch found the errors a full check finds.
pub fn verify(site: &Site, cache: &LoadCache, opts: ResolveOptions) -> Option<String> {
    let (full, diags) = full(cache, opts);
    if diags.iter().any(Diagnostic::is_error) {
        return Some("a full check finds errors the patch did not".into());
    }
    let (a, b) = (format!("{site:#?}"), format!("{full:#?}"));
    if a == b {
        return None;
    }
    let line = a
        .lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or(0);
    Some(format!(
        "the patched site differs from a full resolve at line {line}: `{}` vs `{}`",
        a.lines().nth(line).unwrap_or("").trim(),
        b.lines().nth(line).unwrap_or("").trim()
    ))
}
