//! A load that remembers (for `warta serve`): the files of the last load
//! stay in memory, and a refresh re-reads and re-parses only the files
//! named as changed (by the watcher), or, on a rescan, those whose size or
//! modification time changed. The result is the same [`Loaded`] that
//! [`super::load_site`] makes, records in walk order.
//!
//! A file keeps its [`FileId`] for as long as it exists (new files get new
//! ids), so spans in a `Site` made from an earlier refresh still point at
//! the right file. Diagnostics carry these ids; [`LoadCache::source_map`]
//! makes the small [`SourceMap`] needed to print them.

use super::{
    add_parsed, classify, discover, load_file, missing_files, slash_path, Kind, Loaded, Parsed,
    Section,
};
use crate::diag::{Diagnostic, FileId, SourceFile, SourceMap};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The folders the loader reads; a change elsewhere is not the cache's.
const TOPS: &[&str] = &["data", "content", "static"];

/// A file to read: its path, kind, and size and time when known.
type ToRead = (PathBuf, Kind, Option<(SystemTime, u64)>);

/// One text file of the site, as last read.
struct Entry {
    kind: Kind,
    id: FileId,
    stamp: Option<(SystemTime, u64)>,
    file: SourceFile,
    diags: Vec<Diagnostic>,
    failed: Vec<String>,
    /// Records it gave to [`Loaded`] (0 when it failed to load).
    count: usize,
}

/// What a refresh changed.
#[derive(Debug, Default, Clone)]
pub struct Refresh {
    /// Text files read again whose text changed (relative, `/`-separated).
    pub modified: Vec<String>,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    /// An asset appeared or went away.
    pub assets: bool,
    /// The whole site was walked again.
    pub rescanned: bool,
}

impl Refresh {
    /// Only existing text files changed (no file came or went).
    pub fn only_modified(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && !self.assets && !self.rescanned
    }
}

/// The loaded site, kept current file by file.
pub struct LoadCache {
    root: PathBuf,
    /// Text files by path relative to the root; `PathBuf` order compares
    /// component by component, as the sorted walk does.
    entries: BTreeMap<PathBuf, Entry>,
    /// Problems of the last walk (missing folders, misplaced files).
    walk: Vec<Diagnostic>,
    /// Problems of required files that are missing.
    missing: Vec<Diagnostic>,
    loaded: Loaded,
    /// Each Markdown file's index in its `loaded` list.
    records: HashMap<PathBuf, usize>,
    /// Path of each file id still in use.
    paths: HashMap<FileId, PathBuf>,
    /// Every text file, its kind and how many records it gave, in the
    /// order of the lists of `loaded`.
    order: Vec<(PathBuf, Kind, usize)>,
    next_id: u32,
    scanned: bool,
}

impl LoadCache {
    pub fn new(root: &Path) -> LoadCache {
        LoadCache {
            root: root.to_path_buf(),
            entries: BTreeMap::new(),
            walk: Vec::new(),
            missing: Vec::new(),
            loaded: Loaded {
                root: root.to_path_buf(),
                ..Loaded::default()
            },
            records: HashMap::new(),
            paths: HashMap::new(),
            order: Vec::new(),
            next_id: 0,
            scanned: false,
        }
    }

    pub fn loaded(&self) -> &Loaded {
        &self.loaded
    }

    /// Every load problem of the current files.
    pub fn diags(&self) -> Vec<Diagnostic> {
        let mut v: Vec<Diagnostic> = self.walk.clone();
        v.extend(self.missing.iter().cloned());
        for e in self.entries.values() {
            v.extend(e.diags.iter().cloned());
        }
        v
    }

    /// The load problems of one file (`/`-separated relative path).
    pub fn file_diags(&self, rel: &str) -> &[Diagnostic] {
        self.entries
            .get(Path::new(rel))
            .map_or(&[], |e| &e.diags[..])
    }

    /// The id of a text file, if it is loaded.
    pub fn file_id(&self, rel: &str) -> Option<FileId> {
        self.entries.get(Path::new(rel)).map(|e| e.id)
    }

    /// Index of a Markdown file's record in its list of [`Loaded`], if the
    /// file loaded.
    pub fn record_index(&self, rel: &str) -> Option<usize> {
        self.records.get(Path::new(rel)).copied()
    }

    /// Walks the whole site; reads only files that are new or whose size
    /// or modification time changed.
    pub fn rescan(&mut self) -> Refresh {
        let mut assets = Default::default();
        let (texts, walk) = discover(&self.root, &mut assets);
        self.walk = walk;
        let assets_changed = assets != self.loaded.assets;
        self.loaded.assets = assets;
        let mut refresh = Refresh {
            assets: assets_changed,
            rescanned: true,
            ..Refresh::default()
        };
        let mut todo: Vec<ToRead> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (rel, kind) in texts {
            let stamp = stamp(&self.root.join(&rel));
            let same = self
                .entries
                .get(&rel)
                .is_some_and(|e| e.kind == kind && e.stamp.is_some() && e.stamp == stamp);
            seen.insert(rel.clone());
            if !same {
                todo.push((rel, kind, stamp));
            }
        }
        let gone: Vec<PathBuf> = self
            .entries
            .keys()
            .filter(|p| !seen.contains(*p))
            .cloned()
            .collect();
        for p in gone {
            self.remove(&p);
            refresh.removed.push(slash_path(&p));
        }
        let fresh = self.read(todo, &mut refresh);
        self.assemble(fresh);
        self.scanned = true;
        refresh
    }

    /// Brings the cache up to date after `changed` paths (relative to the
    /// root, `/`-separated, as the watcher reports them) changed. Walks the
    /// whole site again when a path is not a plain file change (a folder,
    /// a file in no section) or nothing was loaded yet.
    pub fn update(&mut self, changed: &[String]) -> Refresh {
        if !self.scanned {
            return self.rescan();
        }
        let mut todo = Vec::new();
        let mut refresh = Refresh::default();
        for rel in changed {
            let top = rel.split('/').next().unwrap_or("");
            if !TOPS.contains(&top) {
                continue; // themes, templates: not loaded here
            }
            if !rel.contains('/') {
                return self.rescan(); // a whole folder came or went
            }
            let path = PathBuf::from(rel);
            let name = rel.rsplit('/').next().unwrap_or("");
            let meta = std::fs::symlink_metadata(self.root.join(&path));
            match meta {
                Ok(m) if m.is_file() => {
                    if name.starts_with('.') {
                        continue;
                    }
                    match classify(rel) {
                        Ok(Some(kind)) => todo.push((path, kind, stamp_of(&m))),
                        Ok(None) => {
                            if top != "data" && self.loaded.assets.insert(rel.clone()) {
                                refresh.assets = true;
                            }
                        }
                        Err(_) => return self.rescan(),
                    }
                }
                Ok(m) if m.is_dir() => return self.rescan(),
                _ => {
                    // Gone (or a symlink, which the walk skips too).
                    if self.entries.contains_key(&path) {
                        self.remove(&path);
                        refresh.removed.push(rel.clone());
                    } else if self.loaded.assets.remove(rel) {
                        refresh.assets = true;
                    } else {
                        let dir = format!("{rel}/");
                        let inside = self.loaded.assets.iter().any(|a| a.starts_with(&dir))
                            || self.entries.keys().any(|p| slash_path(p).starts_with(&dir));
                        let misplaced = self
                            .walk
                            .iter()
                            .any(|d| d.message.text_arg("file") == Some(rel.as_str()));
                        if inside || misplaced {
                            return self.rescan();
                        }
                    }
                }
            }
        }
        let structural = !refresh.removed.is_empty()
            || todo.iter().any(|(p, _, _)| !self.entries.contains_key(p));
        let fresh = self.read(todo, &mut refresh);
        let fresh = if structural {
            fresh
        } else {
            match self.patch_in_place(fresh) {
                Ok(()) => return refresh,
                Err(f) => f,
            }
        };
        self.assemble(fresh);
        refresh
    }

    /// Builds a [`SourceMap`] holding the files `diags` point at, and
    /// renumbers their spans to it.
    pub fn source_map(&self, diags: &mut [Diagnostic]) -> SourceMap {
        let mut map = SourceMap::new();
        let mut ids: HashMap<FileId, FileId> = HashMap::new();
        let mut renumber = |span: &mut crate::diag::Span| {
            let new = *ids.entry(span.file).or_insert_with(|| {
                let file = self
                    .paths
                    .get(&span.file)
                    .and_then(|p| self.entries.get(p))
                    .map(|e| e.file.clone())
                    .unwrap_or_else(|| SourceFile::new(PathBuf::from("?"), String::new()));
                map.add(file)
            });
            span.file = new;
        };
        for d in diags.iter_mut() {
            if let Some(s) = d.span.as_mut() {
                renumber(s);
            }
            for (s, _) in d.related.iter_mut() {
                renumber(s);
            }
        }
        map
    }

    fn remove(&mut self, path: &Path) {
        if let Some(e) = self.entries.remove(path) {
            self.paths.remove(&e.id);
        }
    }

    /// Reads and parses `todo` (in parallel); returns what changed, in
    /// path order. Files whose text is unchanged are left as they are.
    fn read(&mut self, todo: Vec<ToRead>, refresh: &mut Refresh) -> Vec<(PathBuf, Parsed)> {
        let todo: Vec<_> = todo
            .into_iter()
            .map(|(p, kind, stamp)| {
                let id = match self.entries.get(&p) {
                    Some(e) if e.kind == kind => e.id,
                    _ => {
                        self.next_id += 1;
                        FileId(self.next_id - 1)
                    }
                };
                (p, kind, stamp, id)
            })
            .collect();
        let root = &self.root;
        let outcomes: Vec<_> = todo
            .into_par_iter()
            .map(|(rel, kind, stamp, id)| {
                let out = load_file(root, &rel, kind, id);
                (rel, kind, stamp, id, out)
            })
            .collect();
        let mut fresh = Vec::new();
        for (rel, kind, stamp, id, (file, parsed, diags, failed)) in outcomes {
            let slash = slash_path(&rel);
            match self.entries.get_mut(&rel) {
                Some(e) if e.kind == kind && e.file.text == file.text && e.diags == diags => {
                    e.stamp = stamp; // touched, not changed
                    continue;
                }
                Some(_) => refresh.modified.push(slash),
                None => refresh.added.push(slash),
            }
            self.paths.insert(id, rel.clone());
            let count = self.entries.get(&rel).map_or(0, |e| e.count);
            self.entries.insert(
                rel.clone(),
                Entry {
                    kind,
                    id,
                    stamp,
                    file,
                    diags,
                    failed,
                    count,
                },
            );
            fresh.push((rel, parsed));
        }
        fresh
    }

    /// Puts the records of changed Markdown files where they belong: in
    /// place of the old one, or (a file that stopped or started loading)
    /// removed from or inserted into its list. Hands `fresh` back when it
    /// cannot (an event that failed changes more than its list).
    fn patch_in_place(
        &mut self,
        fresh: Vec<(PathBuf, Parsed)>,
    ) -> Result<(), Vec<(PathBuf, Parsed)>> {
        let fits = fresh.iter().all(|(p, parsed)| {
            let Some(e) = self.entries.get(p) else {
                return false;
            };
            let Kind::Markdown(section) = e.kind else {
                return false;
            };
            match (e.count, parsed.count()) {
                (1, 1) => self.records.contains_key(p),
                (0, 1) | (1, 0) => section != Section::Plm,
                _ => false,
            }
        });
        if !fits {
            return Err(fresh);
        }
        for (p, parsed) in fresh {
            let kind = self.entries[&p].kind;
            let Ok(at) = self.order.binary_search_by(|(q, _, _)| q.as_path().cmp(&p)) else {
                unreachable!("every entry is in the order");
            };
            let new_count = parsed.count();
            let old_count = self.order[at].2;
            let l = &mut self.loaded;
            if old_count == 1 && new_count == 1 {
                let i = self.records[&p];
                match parsed {
                    Parsed::Post(c) => l.posts[i] = c,
                    Parsed::Story(c) => l.stories[i] = c,
                    Parsed::Event(c) => l.events[i] = c,
                    Parsed::Page(c) => l.pages[i] = c,
                    _ => unreachable!("only Markdown files have a record index"),
                }
                continue;
            }
            // Its index: the records of its kind before it.
            let i = self.order[..at]
                .iter()
                .filter(|(_, k, _)| *k == kind)
                .map(|(_, _, n)| n)
                .sum::<usize>();
            match parsed {
                Parsed::Post(c) => l.posts.insert(i, c),
                Parsed::Story(c) => l.stories.insert(i, c),
                Parsed::Page(c) => l.pages.insert(i, c),
                Parsed::Nothing => match kind {
                    Kind::Markdown(Section::Berita) => drop(l.posts.remove(i)),
                    Kind::Markdown(Section::Kisah) => drop(l.stories.remove(i)),
                    Kind::Markdown(Section::Page) => drop(l.pages.remove(i)),
                    _ => unreachable!("checked above"),
                },
                _ => unreachable!("checked above"),
            }
            self.order[at].2 = new_count;
            if let Some(e) = self.entries.get_mut(&p) {
                e.count = new_count;
            }
            // The records after it moved by one.
            for (q, k, n) in &self.order[at + 1..] {
                if *k == kind && *n == 1 {
                    if let Some(j) = self.records.get_mut(q) {
                        *j = if new_count == 1 { *j + 1 } else { *j - 1 };
                    }
                }
            }
            if new_count == 1 {
                self.records.insert(p, i);
            } else {
                self.records.remove(&p);
            }
        }
        Ok(())
    }

    /// Rebuilds [`Loaded`] in walk order from the records it holds and the
    /// `fresh` ones (moved, not copied).
    fn assemble(&mut self, fresh: Vec<(PathBuf, Parsed)>) {
        let mut fresh: HashMap<PathBuf, Parsed> = fresh.into_iter().collect();
        let mut old = std::mem::take(&mut self.loaded);
        let assets = std::mem::take(&mut old.assets);
        let mut held: HashMap<PathBuf, Parsed> = HashMap::new();
        let mut lists = Lists::new(old);
        for (path, kind, count) in std::mem::take(&mut self.order) {
            let parsed = lists.take(kind, count);
            if !fresh.contains_key(&path) && self.entries.contains_key(&path) {
                held.insert(path, parsed);
            }
        }
        let mut loaded = Loaded {
            root: self.root.clone(),
            assets,
            ..Loaded::default()
        };
        self.records.clear();
        for (path, e) in self.entries.iter_mut() {
            let parsed = fresh
                .remove(path)
                .or_else(|| held.remove(path))
                .unwrap_or(Parsed::Nothing);
            e.count = parsed.count();
            if let (1, Some(i)) = (e.count, markdown_len(&loaded, e.kind)) {
                self.records.insert(path.clone(), i);
            }
            self.order.push((path.clone(), e.kind, e.count));
            add_parsed(&mut loaded, path, e.kind, parsed, e.failed.clone());
        }
        let kinds: Vec<Kind> = self.entries.values().map(|e| e.kind).collect();
        self.missing = missing_files(&mut loaded, |k| kinds.contains(&k));
        self.loaded = loaded;
    }
}

fn stamp(abs: &Path) -> Option<(SystemTime, u64)> {
    std::fs::symlink_metadata(abs)
        .ok()
        .and_then(|m| stamp_of(&m))
}

fn stamp_of(m: &std::fs::Metadata) -> Option<(SystemTime, u64)> {
    m.modified().ok().map(|t| (t, m.len()))
}

/// The length of the list a Markdown file of `kind` goes into: the index
/// its record will have.
fn markdown_len(l: &Loaded, kind: Kind) -> Option<usize> {
    match kind {
        Kind::Markdown(Section::Berita) => Some(l.posts.len()),
        Kind::Markdown(Section::Kisah) => Some(l.stories.len()),
        Kind::Markdown(Section::Plm) => Some(l.events.len()),
        Kind::Markdown(Section::Page) => Some(l.pages.len()),
        _ => None,
    }
}

impl Parsed {
    /// How many records it holds.
    fn count(&self) -> usize {
        match self {
            Parsed::Nothing => 0,
            Parsed::Provinces(v) => v.len(),
            Parsed::Regencies(v) => v.len(),
            Parsed::Libraries(v) => v.len(),
            Parsed::Awards(v) => v.len(),
            Parsed::Reports(v) => v.len(),
            _ => 1,
        }
    }
}

/// The lists of an old [`Loaded`], taken apart file by file in walk order.
struct Lists {
    config: Option<super::Record<crate::model::records::SiteConfigRecord>>,
    provinces: std::vec::IntoIter<super::Record<crate::model::records::ProvinceRecord>>,
    regencies: std::vec::IntoIter<super::Record<crate::model::records::RegencyRecord>>,
    libraries: std::vec::IntoIter<super::Record<crate::model::records::LibraryRecord>>,
    awards: std::vec::IntoIter<super::Record<crate::model::records::AwardRecord>>,
    reports: std::vec::IntoIter<super::Record<crate::model::records::ReportRecord>>,
    posts: std::vec::IntoIter<super::Content<crate::model::records::PostFrontMatter>>,
    stories: std::vec::IntoIter<super::Content<crate::model::records::StoryFrontMatter>>,
    events: std::vec::IntoIter<super::Content<crate::model::records::EventFrontMatter>>,
    pages: std::vec::IntoIter<super::Content<crate::model::records::PageFrontMatter>>,
}

impl Lists {
    fn new(l: Loaded) -> Lists {
        Lists {
            config: l.config,
            provinces: l.provinces.into_iter(),
            regencies: l.regencies.into_iter(),
            libraries: l.libraries.into_iter(),
            awards: l.awards.into_iter(),
            reports: l.reports.into_iter(),
            posts: l.posts.into_iter(),
            stories: l.stories.into_iter(),
            events: l.events.into_iter(),
            pages: l.pages.into_iter(),
        }
    }

    /// The next `count` records of a file of `kind`.
    fn take(&mut self, kind: Kind, count: usize) -> Parsed {
        fn n<T>(it: &mut std::vec::IntoIter<T>, count: usize) -> Vec<T> {
            it.by_ref().take(count).collect()
        }
        if count == 0 {
            return Parsed::Nothing;
        }
        let one = |o: Option<Parsed>| o.unwrap_or(Parsed::Nothing);
        match kind {
            Kind::Config => one(self.config.take().map(Parsed::Config)),
            Kind::Provinces => Parsed::Provinces(n(&mut self.provinces, count)),
            Kind::Regencies => Parsed::Regencies(n(&mut self.regencies, count)),
            Kind::Libraries => Parsed::Libraries(n(&mut self.libraries, count)),
            Kind::Awards => Parsed::Awards(n(&mut self.awards, count)),
            Kind::Reports => Parsed::Reports(n(&mut self.reports, count)),
            Kind::Markdown(Section::Berita) => one(self.posts.next().map(Parsed::Post)),
            Kind::Markdown(Section::Kisah) => one(self.stories.next().map(Parsed::Story)),
            Kind::Markdown(Section::Plm) => one(self.events.next().map(Parsed::Event)),
            Kind::Markdown(Section::Page) => one(self.pages.next().map(Parsed::Page)),
        }
    }
}

#[cfg(test)]
mod tests;
