//! Which folders `build` may replace: only its own output. A typo such as
//! `--out content` must never replace the site's sources, an officer's
//! files or the site itself, so the folder is checked before anything runs.

use std::fs;
use std::path::{Component, Path, PathBuf};

/// The file warta writes into every output folder it makes. A folder with
/// it may be replaced by the next build; a non-empty folder without it is
/// never touched.
pub const MARKER: &str = ".warta-output";

/// What the marker file says to a person who opens it.
pub const MARKER_TEXT: &str =
    "This folder was made by `warta build` and is replaced whole by the next build.\n\
Folder ini dibuat oleh `warta build` dan diganti seluruhnya pada build berikutnya.\n\
Do not keep your own files here. / Jangan simpan file Anda sendiri di sini.\n";

/// Folders of a site (relative to its root) that hold what an officer
/// wrote, or that warta and version control keep for themselves.
const SOURCES: &[&str] = &[
    "content",
    "data",
    "static",
    "themes",
    "templates",
    "i18n",
    ".warta-cache",
    ".git",
    ".hg",
    ".svn",
];

/// Why an output folder is refused: the message and the fix, in plain
/// words, for the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub message: crate::diag::Message,
    pub help: crate::diag::Message,
}

/// Checks that `out` may be (re)placed by a build of the site at `root`.
pub fn check(out: &Path, root: &Path) -> Result<(), Refused> {
    let shown = out.display().to_string();
    use crate::msg;
    let refuse = |why: crate::diag::Message, help: crate::diag::Message| {
        Err(Refused {
            message: msg!("output-refused", folder = &shown, why = why),
            help,
        })
    };
    let pick = || msg!("output-pick-help");
    if let Ok(meta) = fs::symlink_metadata(out) {
        if meta.file_type().is_symlink() {
            return refuse(msg!("output-is-link"), msg!("output-is-link-help"));
        }
        if !meta.is_dir() {
            return refuse(msg!("output-is-file"), pick());
        }
    }
    let root = absolute(root);
    let out_abs = absolute(out);
    if out_abs == root {
        return refuse(msg!("output-is-site"), pick());
    }
    if root.starts_with(&out_abs) {
        return refuse(msg!("output-holds-site"), pick());
    }
    for s in SOURCES {
        if out_abs.starts_with(root.join(s)) {
            return refuse(msg!("output-inside-source", folder = *s), pick());
        }
    }
    if out_abs.is_dir() && !out_abs.join(MARKER).is_file() && !is_empty_dir(&out_abs) {
        return refuse(msg!("output-foreign"), msg!("output-foreign-help"));
    }
    Ok(())
}

fn is_empty_dir(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none())
}

/// `p` as an absolute path with symbolic links of its existing part
/// resolved and `.`/`..` removed, whether or not it exists yet.
pub fn absolute(p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut clean = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    // Resolve links in the longest part that exists; keep the rest as is.
    let mut existing = clean.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut full = real;
            full.extend(rest.iter().rev());
            return full;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return clean,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for d in ["content/berita", "data", "static", "themes/x"] {
            fs::create_dir_all(dir.path().join(d)).unwrap();
        }
        fs::write(dir.path().join("content/berita/a.md"), "x").unwrap();
        dir
    }

    #[test]
    fn refuses_sources_the_root_and_its_ancestors() {
        let s = site();
        let root = s.path();
        for out in [
            root.join("content"),
            root.join("data"),
            root.join("content/berita/new"),
            root.join("themes"),
            root.join(".git/x"),
            root.to_path_buf(),
            root.join("content/.."),
            root.parent().unwrap().to_path_buf(),
        ] {
            assert!(check(&out, root).is_err(), "{}", out.display());
        }
    }

    #[test]
    fn refuses_files_and_foreign_folders_accepts_own_and_new() {
        let s = site();
        let root = s.path();
        fs::write(root.join("notes.txt"), "mine").unwrap();
        assert!(check(&root.join("notes.txt"), root)
            .unwrap_err()
            .message
            .en()
            .contains("existing file"));
        fs::create_dir_all(root.join("mine")).unwrap();
        fs::write(root.join("mine/a.txt"), "x").unwrap();
        assert!(check(&root.join("mine"), root).is_err());
        fs::write(root.join("mine").join(MARKER), MARKER_TEXT).unwrap();
        assert!(check(&root.join("mine"), root).is_ok());
        fs::create_dir_all(root.join("empty")).unwrap();
        assert!(check(&root.join("empty"), root).is_ok());
        assert!(check(&root.join("public"), root).is_ok());
        assert!(check(&root.join("a/b/c"), root).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_link_even_to_its_own_output() {
        let s = site();
        let root = s.path();
        fs::create_dir_all(root.join("public")).unwrap();
        fs::write(root.join("public").join(MARKER), MARKER_TEXT).unwrap();
        std::os::unix::fs::symlink(root.join("public"), root.join("link")).unwrap();
        assert!(check(&root.join("link"), root).is_err());
        std::os::unix::fs::symlink(root.join("content"), root.join("c2")).unwrap();
        assert!(check(&root.join("c2/x"), root).is_err());
    }
}
