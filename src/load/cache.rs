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

mod place;

use super::{classify, discover, load_file, slash_path, Kind, Loaded, Parsed};
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
}

fn stamp(abs: &Path) -> Option<(SystemTime, u64)> {
    std::fs::symlink_metadata(abs)
        .ok()
        .and_then(|m| stamp_of(&m))
}

fn stamp_of(m: &std::fs::Metadata) -> Option<(SystemTime, u64)> {
    m.modified().ok().map(|t| (t, m.len()))
}

#[cfg(test)]
mod tests;
