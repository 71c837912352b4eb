//! Load: the site's files into typed records. Knows files, not rules;
//! the one check it makes is [`invisible`], on each file's text as written
//! (nothing later sees that text).
//!
//! Files are discovered in a sorted walk, so each gets a stable [`FileId`]
//! (its position), then read and parsed in parallel; results are assembled
//! in file order, which keeps output and diagnostics deterministic.

pub mod cache;
mod frontmatter;
pub mod invisible;
mod language;
mod read;
pub mod records;
pub mod theme;

pub use frontmatter::Body;
pub use language::message_language;
pub use records::Record;

use crate::diag::{suggest, Diagnostic, Diagnostics, FileId, SourceFile, SourceMap, Span};
use crate::model::records::*;
use crate::yaml::{self, Origin};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

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

/// Data files the contract knows, for "did you mean" on a misnamed one.
const DATA_FILES: &[&str] = &[
    "site.yaml",
    "provinces.yaml",
    "regencies.yaml",
    "awards.yaml",
    "libraries/",
    "reports/",
];

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

/// Walks the site in sorted order. Returns the text files to load with their
/// kind; fills `assets`; reports misplaced files.
fn discover(root: &Path, assets: &mut BTreeSet<String>) -> (Vec<(PathBuf, Kind)>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for top in ["data", "content", "static"] {
        let dir = root.join(top);
        if !dir.is_dir() {
            if top != "static" {
                diags.push(
                    Diagnostic::global(crate::msg!(
                        "folder-missing",
                        folder = top,
                        root = root.display().to_string()
                    ))
                    .with_help(crate::msg!("folder-missing-help")),
                );
            }
            continue;
        }
        for entry in WalkDir::new(&dir).sort_by_file_name() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    diags.push(Diagnostic::global(crate::msg!(
                        "cannot-read",
                        path = dir.display().to_string(),
                        error = e.to_string()
                    )));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(root)
                .unwrap_or(entry.path())
                .to_path_buf();
            let rel_str = slash_path(&rel);
            let name = entry.file_name().to_string_lossy();
            if name.starts_with('.') {
                continue; // editor swap files, .DS_Store
            }
            match classify(&rel_str) {
                Ok(Some(kind)) => out.push((rel, kind)),
                Ok(None) => {
                    if top != "data" {
                        assets.insert(rel_str);
                    }
                }
                Err(help) => diags.push(
                    Diagnostic::global(crate::msg!("file-in-no-section", file = rel_str))
                        .with_help(help),
                ),
            }
        }
    }
    (out, diags)
}

/// What a file is, from its path. `Ok(None)` for assets; `Err(help)` for a
/// file in a place the contract does not know.
fn classify(rel: &str) -> Result<Option<Kind>, crate::diag::Message> {
    use crate::msg;
    let parts: Vec<&str> = rel.split('/').collect();
    let is_yaml = rel.ends_with(".yaml") || rel.ends_with(".yml");
    match parts.as_slice() {
        ["data", "site.yaml"] => Ok(Some(Kind::Config)),
        ["data", "provinces.yaml"] => Ok(Some(Kind::Provinces)),
        ["data", "regencies.yaml"] => Ok(Some(Kind::Regencies)),
        ["data", "awards.yaml"] => Ok(Some(Kind::Awards)),
        ["data", "libraries", _] if is_yaml => Ok(Some(Kind::Libraries)),
        ["data", "reports", _] if is_yaml => Ok(Some(Kind::Reports)),
        ["data", ..] => {
            let tail = parts[1..].join("/");
            Err(match suggest::closest(&tail, DATA_FILES.iter().copied()) {
                Some(c) => msg!("did-you-mean-data-file", file = format!("data/{c}")),
                None => msg!(
                    "data-files-read",
                    files = DATA_FILES
                        .iter()
                        .map(|f| format!("`data/{f}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })
        }
        ["content", ..] if rel.ends_with(".md") => match &parts[1..] {
            [_page] => Ok(Some(Kind::Markdown(Section::Page))),
            // A stand-alone page bundle: `content/kontak/index.md`.
            [folder, "index.md"] if Section::from_folder(folder).is_none() => {
                Ok(Some(Kind::Markdown(Section::Page)))
            }
            [folder, rest @ ..] => match Section::from_folder(folder) {
                Some(s) if rest.len() == 1 || (rest.len() == 2 && rest[1] == "index.md") => {
                    Ok(Some(Kind::Markdown(s)))
                }
                Some(s) => Err(msg!("post-too-deep-help", folder = s.folder())),
                None => Err(
                    match suggest::closest(folder, Section::FOLDERS.iter().copied()) {
                        Some(c) => msg!("did-you-mean-folder", folder = format!("content/{c}/")),
                        None => msg!("markdown-folders-help"),
                    },
                ),
            },
            [] => Ok(None),
        },
        _ => Ok(None),
    }
}

/// Reads and parses one file. Also returns the ids of list records that
/// failed to load.
fn load_file(
    root: &Path,
    rel: &Path,
    kind: Kind,
    id: FileId,
) -> (SourceFile, Parsed, Vec<Diagnostic>, Vec<String>) {
    let (file, err) = read::read_text(&root.join(rel), rel, id);
    let mut diags = Vec::new();
    let mut failed = Vec::new();
    if let Some(d) = err {
        diags.push(d);
        return (file, Parsed::Nothing, diags, failed);
    }
    // Needs the text as written: done here, once per file, for every field.
    let body = matches!(kind, Kind::Markdown(_))
        .then(|| frontmatter::split(&file.text).map_or(0, |s| s.body.start));
    diags.extend(invisible::in_file(&file.text, id, body));
    let parsed = match kind {
        Kind::Markdown(section) => markdown(&file, rel, section, id, &mut diags),
        _ => match yaml::parse(&file.text, id, 0) {
            Err(d) => {
                diags.push(d);
                Parsed::Nothing
            }
            Ok(doc) => match kind {
                Kind::Config => {
                    records::single(doc, id, crate::msg!("what-site-settings"), &mut diags)
                        .map_or(Parsed::Nothing, Parsed::Config)
                }
                Kind::Provinces => Parsed::Provinces(records::list(
                    doc,
                    id,
                    crate::msg!("what-provinces"),
                    &mut diags,
                )),
                Kind::Regencies => Parsed::Regencies(records::list(
                    doc,
                    id,
                    crate::msg!("what-regencies"),
                    &mut diags,
                )),
                Kind::Libraries => {
                    let (records, ids) =
                        records::list_keyed(doc, id, crate::msg!("what-libraries"), &mut diags);
                    failed = ids;
                    Parsed::Libraries(records)
                }
                Kind::Awards => Parsed::Awards(records::list(
                    doc,
                    id,
                    crate::msg!("what-awards"),
                    &mut diags,
                )),
                Kind::Reports => Parsed::Reports(records::list(
                    doc,
                    id,
                    crate::msg!("what-reports"),
                    &mut diags,
                )),
                Kind::Markdown(_) => unreachable!("handled above"),
            },
        },
    };
    (file, parsed, diags, failed)
}

/// The slug and folder of a Markdown file: a page bundle takes its folder's
/// name, any other file its own name.
fn slug_and_dir(rel: &str) -> (String, String) {
    if let Some(dir) = rel.strip_suffix("/index.md") {
        (
            dir.rsplit('/').next().unwrap_or("").to_string(),
            dir.to_string(),
        )
    } else {
        let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        (name.trim_end_matches(".md").to_string(), dir.to_string())
    }
}

fn markdown(
    file: &SourceFile,
    rel: &Path,
    section: Section,
    id: FileId,
    diags: &mut Vec<Diagnostic>,
) -> Parsed {
    let text = &file.text;
    let split = match frontmatter::split(text) {
        Ok(s) => s,
        Err(frontmatter::SplitError::Missing) => {
            let msg = if text.trim().is_empty() {
                crate::msg!("markdown-empty")
            } else {
                crate::msg!("front-matter-missing")
            };
            diags.push(
                Diagnostic::error(Span::new(id, 0..0), msg)
                    .with_help(crate::msg!("front-matter-missing-help")),
            );
            return Parsed::Nothing;
        }
        Err(frontmatter::SplitError::Unclosed) => {
            diags.push(
                Diagnostic::error(Span::new(id, 0..3), crate::msg!("front-matter-not-closed"))
                    .with_help(crate::msg!("front-matter-not-closed-help")),
            );
            return Parsed::Nothing;
        }
    };
    let doc = match yaml::parse(&text[split.front.clone()], id, split.front.start) {
        Ok(d) => d,
        Err(d) => {
            diags.push(d);
            return Parsed::Nothing;
        }
    };
    let rel_str = slash_path(rel);
    let is_bundle = rel_str.ends_with("/index.md");
    let (slug, dir) = slug_and_dir(&rel_str);
    let mk = |origin: Origin| (origin, slug.clone(), dir.clone());
    macro_rules! content {
        ($ty:ty, $variant:ident) => {
            match records::single::<$ty>(doc, id, crate::msg!("what-front-matter"), diags) {
                Some(r) => {
                    let (origin, slug, dir) = mk(r.origin);
                    Parsed::$variant(Content {
                        front: r.data,
                        origin,
                        section,
                        slug,
                        slug_span: Span::file_start(id),
                        dir,
                        is_bundle,
                        body: Body::new(file.text.clone(), split.body.start),
                        body_offset: split.body.start,
                    })
                }
                None => Parsed::Nothing,
            }
        };
    }
    match section {
        Section::Berita => content!(PostFrontMatter, Post),
        Section::Kisah => content!(StoryFrontMatter, Story),
        Section::Plm => content!(EventFrontMatter, Event),
        Section::Page => content!(PageFrontMatter, Page),
    }
}

/// A relative path with `/` separators on every platform.
pub fn slash_path(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_the_contract_layout() {
        assert_eq!(classify("data/site.yaml"), Ok(Some(Kind::Config)));
        assert_eq!(
            classify("data/libraries/jawa-tengah.yaml"),
            Ok(Some(Kind::Libraries))
        );
        assert_eq!(
            classify("content/berita/a.md"),
            Ok(Some(Kind::Markdown(Section::Berita)))
        );
        assert_eq!(
            classify("content/berita/a/index.md"),
            Ok(Some(Kind::Markdown(Section::Berita)))
        );
        assert_eq!(
            classify("content/tentang.md"),
            Ok(Some(Kind::Markdown(Section::Page)))
        );
        assert_eq!(classify("content/berita/a/foto.jpg"), Ok(None));
        assert!(classify("content/beritaa/a.md")
            .unwrap_err()
            .en()
            .contains("content/berita/"));
        assert!(classify("data/province.yaml")
            .unwrap_err()
            .en()
            .contains("provinces.yaml"));
    }
}
