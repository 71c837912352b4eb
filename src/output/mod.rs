//! Output: the only stage that writes. The site is written into a fresh
//! hidden sibling folder (`.<out>.tmp-<pid>`), assets are copied in (the
//! image cache's files hard-linked where the file system allows), and only
//! when everything succeeded is it swapped in place of the old output.
//! A failed build leaves the previous output exactly as it was; no stale
//! file of an earlier build survives a successful one. Every output carries
//! [`guard::MARKER`], and [`guard::check`] refuses to replace anything else.

pub mod guard;

use crate::render::OutFile;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// What was written.
#[derive(Debug, Default)]
pub struct Written {
    pub files: usize,
    pub assets: usize,
    /// Files from elsewhere (the image cache), linked or copied, see
    /// [`write_with`].
    pub copied: usize,
    pub bytes: u64,
}

/// A failure with the path it concerns.
#[derive(Debug)]
pub struct Error {
    pub path: PathBuf,
    pub what: &'static str,
    pub source: io::Error,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "cannot {} {}: {}",
            self.what,
            self.path.display(),
            self.source
        )
    }
}

impl std::error::Error for Error {}

fn err<'a>(what: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> Error + 'a {
    move |source| Error {
        path: path.to_path_buf(),
        what,
        source,
    }
}

/// Writes `files` and copies `assets` (`(source relative to root, URL
/// path)`) into `out`, replacing it as a whole.
pub fn write(
    out: &Path,
    root: &Path,
    files: &[OutFile],
    assets: &[(String, String)],
) -> Result<Written, Error> {
    write_with(out, root, files, assets, &[])
}

/// [`write`], also copying `copied` (`(path, URL path)`, the path absolute
/// or relative to the working folder, e.g. the image cache's files) in the
/// same atomic swap.
pub fn write_with(
    out: &Path,
    root: &Path,
    files: &[OutFile],
    assets: &[(String, String)],
    copied: &[(PathBuf, String)],
) -> Result<Written, Error> {
    let staging = Staging::new(out)?;
    for f in files {
        staging.write(&f.path, &f.bytes)?;
    }
    staging.commit(root, assets, copied)
}

/// The hidden folder a build fills (`.<out>.tmp-<pid>` beside `out`) before
/// it replaces `out` in one swap ([`Staging::commit`]). Pages are written
/// into it as they are rendered ([`crate::render::Sink`]); dropped without
/// a commit, it is removed and `out` stays as it was.
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    files: std::sync::atomic::AtomicUsize,
    bytes: std::sync::atomic::AtomicU64,
    committed: bool,
}

impl Staging {
    /// Creates the hidden folder beside `out` (removing what an interrupted
    /// build left there).
    pub fn new(out: &Path) -> Result<Staging, Error> {
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(err("create", &parent))?;
        remove_leftovers(&parent, &name);
        let pid = std::process::id();
        let tmp = parent.join(format!(".{name}.tmp-{pid}"));
        let old = parent.join(format!(".{name}.old-{pid}"));
        let _ = fs::remove_dir_all(&tmp);
        fs::create_dir_all(&tmp).map_err(err("create", &tmp))?;
        // First, so an interrupted build's folder is recognised as warta's.
        let marker = tmp.join(guard::MARKER);
        let staging = Staging {
            out: out.to_path_buf(),
            tmp,
            old,
            files: Default::default(),
            bytes: Default::default(),
            committed: false,
        };
        fs::write(&marker, guard::MARKER_TEXT).map_err(err("write", &marker))?;
        Ok(staging)
    }

    /// Writes one file (`path` relative to the output, `/`-separated).
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        let to = self.tmp.join(safe_rel(path));
        if let Some(p) = to.parent() {
            fs::create_dir_all(p).map_err(err("create", p))?;
        }
        fs::write(&to, bytes).map_err(err("write", &to))?;
        self.files
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.bytes
            .fetch_add(bytes.len() as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    /// Copies the assets (`(source relative to root, URL path)`) and other
    /// files (`(path, URL path)`, e.g. the image cache's), then swaps the
    /// folder in place of the output.
    pub fn commit(
        mut self,
        root: &Path,
        assets: &[(String, String)],
        copied: &[(PathBuf, String)],
    ) -> Result<Written, Error> {
        let mut w = Written {
            files: self.files.load(std::sync::atomic::Ordering::Relaxed),
            bytes: self.bytes.load(std::sync::atomic::Ordering::Relaxed),
            ..Written::default()
        };
        // Copied on all cores (thousands of image files on a large site);
        // the first failure in input order is the one reported.
        use rayon::prelude::*;
        let sources: Vec<(PathBuf, &str, Bring)> = assets
            .iter()
            .map(|(source, url)| (root.join(source), url.as_str(), Bring::Copy))
            .chain(
                copied
                    .iter()
                    .map(|(from, url)| (from.clone(), url.as_str(), Bring::LinkOrCopy)),
            )
            .collect();
        let sizes: Vec<Result<u64, Error>> = sources
            .par_iter()
            .map(|(from, url, how)| self.bring(from, url, *how))
            .collect();
        for size in sizes {
            w.bytes += size?;
        }
        w.assets = assets.len();
        w.copied = copied.len();
        // Swap: old away, new in, old deleted.
        let (out, tmp, old) = (&self.out, &self.tmp, &self.old);
        let had_old = out.exists();
        if had_old {
            fs::rename(out, old).map_err(err("move away the old output", out))?;
        }
        if let Err(e) = fs::rename(tmp, out) {
            if had_old {
                let _ = fs::rename(old, out);
            }
            return Err(err("move the new output into", out)(e));
        }
        self.committed = true;
        if had_old {
            remove_tree(old);
        }
        Ok(w)
    }

    /// Puts `from` at `url` in the new output, as `how` says; returns its
    /// size.
    fn bring(&self, from: &Path, url: &str, how: Bring) -> Result<u64, Error> {
        let to = self.tmp.join(safe_rel(url));
        if let Some(p) = to.parent() {
            fs::create_dir_all(p).map_err(err("create", p))?;
        }
        if how == Bring::LinkOrCopy && fs::hard_link(from, &to).is_ok() {
            return fs::metadata(&to)
                .map(|m| m.len())
                .map_err(err("copy", from));
        }
        fs::copy(from, &to).map_err(err("copy", from))
    }
}

/// How a file from outside the staging folder gets into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bring {
    /// A site's own file (`static/`, a photo): always copied, so the
    /// output never shares a file with a source someone may edit.
    Copy,
    /// A file warta made (the image cache's): a hard link where the file
    /// system allows, else a copy — nothing is written for tens of
    /// thousands of cached cards. Safe because the image cache replaces a
    /// file by renaming a new one over it, never by writing into it, so a
    /// linked output file keeps its bytes.
    LinkOrCopy,
}

impl crate::render::Sink for Staging {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        self.write(path, bytes).map_err(|e| e.source.to_string())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Deletes a folder of a former output, its second level on all cores (a
/// large site has tens of thousands of pages under `berita/` alone).
fn remove_tree(dir: &Path) {
    use rayon::prelude::*;
    // `(path, is a real folder)`: links are never followed.
    let children = |d: &Path| -> Vec<(PathBuf, bool)> {
        fs::read_dir(d)
            .map(|es| {
                es.flatten()
                    .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_dir())))
                    .collect()
            })
            .unwrap_or_default()
    };
    let parts: Vec<(PathBuf, bool)> = children(dir)
        .into_iter()
        .flat_map(|(p, is_dir)| {
            if is_dir {
                children(&p)
            } else {
                vec![(p, false)]
            }
        })
        .collect();
    parts.par_iter().for_each(|(p, is_dir)| {
        let _ = if *is_dir {
            fs::remove_dir_all(p)
        } else {
            fs::remove_file(p)
        };
    });
    let _ = fs::remove_dir_all(dir);
}

/// Removes the hidden folders an interrupted build of `name` left beside
/// it (killed between writing and swapping). Only folders that carry the
/// marker, i.e. that warta made, are removed.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let (tmp, old) = (format!(".{name}.tmp-"), format!(".{name}.old-"));
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        let path = e.path();
        if (n.starts_with(&tmp) || n.starts_with(&old))
            && !path.is_symlink()
            && path.join(guard::MARKER).is_file()
        {
            let _ = fs::remove_dir_all(&path);
        }
    }
}

/// A `/`-separated URL path as a relative path that cannot leave the
/// output folder (`..` and empty parts dropped).
fn safe_rel(url: &str) -> PathBuf {
    url.split('/')
        .filter(|s| !s.is_empty() && *s != "." && *s != "..")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutFile {
        OutFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn replaces_the_whole_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write(
            &out,
            dir.path(),
            &[file("a/index.html", "1"), file("stale.txt", "x")],
            &[],
        )
        .unwrap();
        write(&out, dir.path(), &[file("a/index.html", "2")], &[]).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "2");
        assert!(!out.join("stale.txt").exists());
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temp folder left: {names:?}");
        assert!(out.join(guard::MARKER).is_file());
    }

    #[test]
    fn leftovers_of_an_interrupted_build_are_removed_foreign_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let ours = dir.path().join(".public.old-99999");
        fs::create_dir_all(&ours).unwrap();
        fs::write(ours.join(guard::MARKER), "x").unwrap();
        let theirs = dir.path().join(".public.tmp-1");
        fs::create_dir_all(&theirs).unwrap();
        write(&out, dir.path(), &[file("index.html", "1")], &[]).unwrap();
        assert!(!ours.exists());
        assert!(
            theirs.exists(),
            "a folder without the marker is not warta's"
        );
    }

    #[test]
    fn failed_copy_keeps_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write(&out, dir.path(), &[file("index.html", "old")], &[]).unwrap();
        let e = write(
            &out,
            dir.path(),
            &[file("index.html", "new")],
            &[("missing.png".into(), "/m.png".into())],
        );
        assert!(e.is_err());
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
    }

    #[test]
    fn copies_extra_files() {
        let dir = tempfile::tempdir().unwrap();
        let cached = dir.path().join("cache-a.webp");
        fs::write(&cached, "img").unwrap();
        let out = dir.path().join("public");
        let w = write_with(
            &out,
            dir.path(),
            &[file("index.html", "x")],
            &[],
            &[(cached, "/img/a.webp".into())],
        )
        .unwrap();
        assert_eq!(w.copied, 1);
        assert_eq!(fs::read_to_string(out.join("img/a.webp")).unwrap(), "img");
    }

    /// Made files are linked (same file system), a site's own are copied:
    /// writing into the output never changes a source.
    #[test]
    fn links_made_files_copies_the_sites_own() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let cached = dir.path().join("cache-a.jpg");
        fs::write(&cached, "card").unwrap();
        fs::create_dir(dir.path().join("static")).unwrap();
        let own = dir.path().join("static/logo.svg");
        fs::write(&own, "<svg/>").unwrap();
        let out = dir.path().join("public");
        let w = write_with(
            &out,
            dir.path(),
            &[file("index.html", "x")],
            &[("static/logo.svg".into(), "/logo.svg".into())],
            &[(cached.clone(), "/img/a.jpg".into())],
        )
        .unwrap();
        assert_eq!((w.assets, w.copied), (1, 1));
        let ino = |p: &Path| fs::metadata(p).unwrap().ino();
        assert_eq!(ino(&out.join("img/a.jpg")), ino(&cached));
        assert_ne!(ino(&out.join("logo.svg")), ino(&own));
        assert_eq!(fs::read_to_string(out.join("logo.svg")).unwrap(), "<svg/>");
    }

    #[test]
    fn paths_cannot_escape() {
        assert_eq!(safe_rel("/../../etc/x"), PathBuf::from("etc/x"));
    }
}
