//! Load: the site's files into typed records. Knows files, not rules;
//! the one check it makes is [`invisible`], on each file's text as written
//! (nothing later sees that text).
//!
//! Files are discovered in a sorted walk (`walk`), so each gets a stable
//! [`FileId`] (its position), then read and parsed in parallel (`parse`);
//! results are assembled in file order, which keeps output and diagnostics
//! deterministic.

pub mod cache;
mod frontmatter;
pub mod invisible;
mod language;
mod parse;
mod read;
pub mod records;
pub mod theme;
mod walk;

pub use frontmatter::Body;
pub use language::message_language;
pub use records::Record;

use crate::diag::{Diagnostic, Diagnostics, FileId, SourceFile, SourceMap, Span};
use crate::model::records::*;
use crate::yaml::Origin;
use parse::{load_file, slug_and_dir};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use walk::{classify, discover};

/// The Markdown sections of the contract, by folder name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// `content/berita/`: news posts.
    Berita,
    /// `content/kisah/`: impact stories.
    Kisah,
    /// `content/plm/`: Peer Learning Meetings and other events.
    Plm,
    /// `content/*.md`: stand-alone pages.
    Page,
}

impl Section {
    pub const FOLDERS: &'static [&'static str] = &["berita", "kisah", "plm"];
    fn from_folder(s: &str) -> Option<Section> {
        match s {
            "berita" => Some(Section::Berita),
            "kisah" => Some(Section::Kisah),
            "plm" => Some(Section::Plm),
            _ => None,
        }
    }
    pub fn folder(self) -> &'static str {
        match self {
            Section::Berita => "berita",
            Section::Kisah => "kisah",
            Section::Plm => "plm",
            Section::Page => "",
        }
    }
}

/// A Markdown file: front matter, body and where it came from.
#[derive(Debug, Clone)]
pub struct Content<F> {
    pub front: F,
    pub origin: Origin,
    pub section: Section,
    /// The URL slug: the file name, or the folder name of a page bundle.
    pub slug: String,
    /// Span of the file name part that gave the slug (for slug errors).
    pub slug_span: Span,
    /// Folder of a page bundle, relative to the site root (`content/berita/x`);
    /// images named in the page resolve against it.
    pub dir: String,
    pub is_bundle: bool,
    /// The Markdown body and its byte offset in the file.
    pub body: Body,
    pub body_offset: usize,
}

/// Everything read from a site, before any rule is checked.
#[derive(Debug, Default)]
pub struct Loaded {
    pub root: PathBuf,
    pub config: Option<Record<SiteConfigRecord>>,
    pub provinces: Vec<Record<ProvinceRecord>>,
    pub regencies: Vec<Record<RegencyRecord>>,
    pub libraries: Vec<Record<LibraryRecord>>,
    pub awards: Vec<Record<AwardRecord>>,
    pub reports: Vec<Record<ReportRecord>>,
    pub posts: Vec<Content<PostFrontMatter>>,
    pub stories: Vec<Content<StoryFrontMatter>>,
    pub events: Vec<Content<EventFrontMatter>>,
    pub pages: Vec<Content<PageFrontMatter>>,
    /// Non-Markdown files under `content/` and `static/`, as `/`-separated
    /// paths relative to the root: what image references may point at.
    pub assets: BTreeSet<String>,
    /// Records that exist but failed to load (`library:<id>`, `event:<slug>`):
    /// their errors are reported; references to them stay quiet.
    pub unloaded: BTreeSet<String>,
    /// Record kinds of which a whole file failed to load (`library`,
    /// `province`, `regency`): any reference to that kind may be fine, so
    /// unknown ones are not reported this run.
    pub partial: BTreeSet<&'static str>,
}

/// What one file turned out to be.
enum Parsed {
    Config(Record<SiteConfigRecord>),
    Provinces(Vec<Record<ProvinceRecord>>),
    Regencies(Vec<Record<RegencyRecord>>),
    Libraries(Vec<Record<LibraryRecord>>),
    Awards(Vec<Record<AwardRecord>>),
    Reports(Vec<Record<ReportRecord>>),
    Post(Content<PostFrontMatter>),
    Story(Content<StoryFrontMatter>),
    Event(Content<EventFrontMatter>),
    Page(Content<PageFrontMatter>),
    Nothing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Config,
    Provinces,
    Regencies,
    Libraries,
    Awards,
    Reports,
    Markdown(Section),
}

/// Loads the site at `root`. Every problem goes into the diagnostics; what
/// could be read is returned even when some files failed.
pub fn load_site(root: &Path) -> (Loaded, SourceMap, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut loaded = Loaded {
        root: root.to_path_buf(),
        ..Loaded::default()
    };
    let (texts, global) = discover(root, &mut loaded.assets);
    diags.extend(global);

    let outcomes: Vec<(SourceFile, Parsed, Vec<Diagnostic>, Vec<String>)> = texts
        .par_iter()
        .enumerate()
        .map(|(i, (rel, kind))| load_file(root, rel, *kind, FileId(i as u32)))
        .collect();

    let mut files = SourceMap::new();
    for ((file, parsed, ds, failed), (rel, kind)) in outcomes.into_iter().zip(&texts) {
        files.add(file);
        diags.extend(ds);
        add_parsed(&mut loaded, rel, *kind, parsed, failed);
    }
    diags.extend(missing_files(&mut loaded, |k| {
        texts.iter().any(|(_, t)| *t == k)
    }));
    (loaded, files, diags)
}

/// Adds what one file gave to `loaded` (files must come in walk order).
fn add_parsed(loaded: &mut Loaded, rel: &Path, kind: Kind, parsed: Parsed, failed: Vec<String>) {
    let whole_file_failed = matches!(parsed, Parsed::Nothing);
    match kind {
        Kind::Libraries => loaded
            .unloaded
            .extend(failed.into_iter().map(|id| format!("library:{id}"))),
        Kind::Markdown(Section::Plm) if whole_file_failed => {
            let (slug, _) = slug_and_dir(&slash_path(rel));
            loaded.unloaded.insert(format!("event:{slug}"));
        }
        _ => {}
    }
    if whole_file_failed {
        loaded.partial.extend(partial_kinds(kind));
    }
    match parsed {
        Parsed::Config(r) => loaded.config = Some(r),
        Parsed::Provinces(v) => loaded.provinces.extend(v),
        Parsed::Regencies(v) => loaded.regencies.extend(v),
        Parsed::Libraries(v) => loaded.libraries.extend(v),
        Parsed::Awards(v) => loaded.awards.extend(v),
        Parsed::Reports(v) => loaded.reports.extend(v),
        Parsed::Post(c) => loaded.posts.push(c),
        Parsed::Story(c) => loaded.stories.push(c),
        Parsed::Event(c) => loaded.events.push(c),
        Parsed::Page(c) => loaded.pages.push(c),
        Parsed::Nothing => {}
    }
}

/// The problems of required files that are not there (`has`: whether a
/// file of that kind was found).
fn missing_files(loaded: &mut Loaded, has: impl Fn(Kind) -> bool) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    if loaded.config.is_none() && !has(Kind::Config) {
        diags.push(
            Diagnostic::global(crate::msg!("site-yaml-missing"))
                .with_help(crate::msg!("site-yaml-missing-help")),
        );
    }
    for (kind, name) in [
        (Kind::Provinces, "provinces.yaml"),
        (Kind::Regencies, "regencies.yaml"),
    ] {
        if !has(kind) {
            loaded.partial.extend(partial_kinds(kind));
            diags.push(
                Diagnostic::global(crate::msg!(
                    "data-file-missing",
                    file = format!("data/{name}")
                ))
                .with_help(crate::msg!("data-file-missing-help")),
            );
        }
    }
    diags
}

/// The reference kinds (as `site::resolve` names them) that become
/// uncertain when a file of `kind` fails to load.
fn partial_kinds(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Libraries => &["library"],
        Kind::Provinces => &["province", "province code", "regency"],
        Kind::Regencies => &["regency"],
        _ => &[],
    }
}

/// A relative path with `/` separators on every platform.
pub fn slash_path(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
