//! Watching the site's folders with notify, debounced: a save (often
//! several file-system events: write, rename, chmod) becomes one batch of
//! paths, handed over after [`DEBOUNCE`] of quiet. Access events (the build
//! itself reading files) are dropped, or every build would start another.

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// Quiet time after the last event of a save before rebuilding. An
/// editor's save (write, or write a copy and rename; chmod) comes as a
/// burst of events well within it; each millisecond here is one the
/// reader waits for the reload.
pub const DEBOUNCE: Duration = Duration::from_millis(20);
/// A stream of events never delays a rebuild longer than this.
const MAX_WAIT: Duration = Duration::from_millis(500);

/// The folders of a site that are watched (each when it exists).
pub const FOLDERS: &[&str] = &["content", "data", "static", "themes", "templates", "i18n"];

/// What [`Watch::next_batch_within`] saw.
pub enum Batch {
    Paths(Vec<PathBuf>),
    /// Nothing changed in the time given.
    Quiet,
    /// The watcher stopped.
    Stopped,
}

/// A watcher of a site's folders; dropping it stops watching.
pub struct Watch {
    root: PathBuf,
    watcher: RecommendedWatcher,
    rx: Receiver<PathBuf>,
    watched: BTreeSet<String>,
}

impl Watch {
    /// Starts watching `root` (which should be canonical: events name
    /// paths under the path watched).
    pub fn start(root: &Path) -> notify::Result<Watch> {
        let (tx, rx) = std::sync::mpsc::channel();
        let filter_root = root.to_path_buf();
        let watcher = notify::recommended_watcher(move |res: notify::Result<Event>| {
            if let Ok(ev) = res {
                if ev.need_rescan() {
                    // Events were lost: the root stands for "everything".
                    let _ = tx.send(filter_root.clone());
                    return;
                }
                if matches!(ev.kind, EventKind::Access(_)) {
                    return;
                }
                for p in ev.paths {
                    if relevant(&filter_root, &p) {
                        let _ = tx.send(p);
                    }
                }
            }
        })?;
        let mut w = Watch {
            root: root.to_path_buf(),
            watcher,
            rx,
            watched: BTreeSet::new(),
        };
        // The root itself (not recursively), to notice a folder created later.
        w.watcher.watch(root, RecursiveMode::NonRecursive)?;
        w.refresh();
        Ok(w)
    }

    /// Waits for the next change and returns every path changed until
    /// [`DEBOUNCE`] passed without another event. `None` when the watcher
    /// stopped.
    pub fn next_batch(&mut self) -> Option<Vec<PathBuf>> {
        match self.next_batch_within(None) {
            Batch::Paths(p) => Some(p),
            Batch::Quiet | Batch::Stopped => None,
        }
    }

    /// Like [`Watch::next_batch`], but gives up after `wait` without an
    /// event (`None`: waits for ever).
    pub fn next_batch_within(&mut self, wait: Option<Duration>) -> Batch {
        let first = match wait {
            None => self.rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(w) => self.rx.recv_timeout(w),
        };
        let first = match first {
            Ok(p) => p,
            Err(RecvTimeoutError::Timeout) => return Batch::Quiet,
            Err(RecvTimeoutError::Disconnected) => return Batch::Stopped,
        };
        let mut paths = BTreeSet::from([first]);
        let started = Instant::now();
        loop {
            match self.rx.recv_timeout(DEBOUNCE) {
                Ok(p) => {
                    paths.insert(p);
                    if started.elapsed() > MAX_WAIT {
                        break;
                    }
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        self.refresh();
        Batch::Paths(paths.into_iter().collect())
    }

    /// Watches the site folders that exist now and were not watched yet.
    pub fn refresh(&mut self) {
        for f in FOLDERS {
            let dir = self.root.join(f);
            if dir.is_dir() && !self.watched.contains(*f) {
                match self.watcher.watch(&dir, RecursiveMode::Recursive) {
                    Ok(()) => {
                        self.watched.insert(f.to_string());
                    }
                    Err(e) => eprintln!("warning: cannot watch {}: {e}", dir.display()),
                }
            } else if !dir.is_dir() && self.watched.remove(*f) {
                let _ = self.watcher.unwatch(&dir);
            }
        }
    }
}

/// Whether a changed path matters: under a site folder, and not an
/// editor's temporary or backup file.
pub fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = rel.components();
    let Some(top) = parts.next() else {
        return false;
    };
    if !FOLDERS.iter().any(|f| top.as_os_str() == *f) {
        return false;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    !(name.starts_with('.')
        || name.starts_with("#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913")
}

#[cfg(test)]
mod tests {
    use super::relevant;
    use std::path::Path;

    #[test]
    fn ignores_editor_files_and_other_folders() {
        let r = Path::new("/s");
        assert!(relevant(r, Path::new("/s/content/berita/a.md")));
        assert!(relevant(r, Path::new("/s/data/site.yaml")));
        assert!(relevant(r, Path::new("/s/templates")));
        assert!(!relevant(r, Path::new("/s/content/berita/.a.md.swp")));
        assert!(!relevant(r, Path::new("/s/content/berita/a.md~")));
        assert!(!relevant(r, Path::new("/s/content/berita/4913")));
        assert!(!relevant(r, Path::new("/s/public/index.html")));
        assert!(!relevant(r, Path::new("/s/README.md")));
        assert!(!relevant(r, Path::new("/elsewhere/content/a.md")));
    }
}
