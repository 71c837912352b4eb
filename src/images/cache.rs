//! The cache folder: finished files named by content (see `select`), written
//! through a temp file and a rename so no reader ever sees half a file, a
//! memo of source probes keyed by path, size and modification time (so an
//! unchanged source is not even re-read), and pruning.

use super::select::is_pipeline_file;
use super::source::Probe;
use image::ImageFormat;
use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::Path;
use std::time::UNIX_EPOCH;

pub const MEMO_FILE: &str = "sources.tsv";

pub use crate::atomic_file::write as write_atomic;

/// Size and modification time of a file, the memo's key.
pub fn stamp(path: &Path) -> io::Result<Stamp> {
    let m = fs::metadata(path)?;
    let mtime = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    Ok((m.len(), mtime))
}

/// A file's size and modification time (ns since the epoch).
pub type Stamp = (u64, u128);

/// Probes by source path, valid while the file's size and mtime are unchanged.
#[derive(Debug, Default, Clone)]
pub struct Memo {
    pub entries: BTreeMap<String, (Stamp, Probe)>,
}

impl Memo {
    pub fn load(dir: &Path) -> Memo {
        let mut memo = Memo::default();
        let Ok(text) = fs::read_to_string(dir.join(MEMO_FILE)) else {
            return memo;
        };
        for line in text.lines() {
            if let Some((k, v)) = parse_line(line) {
                memo.entries.insert(k, v);
            }
        }
        memo
    }

    pub fn get(&self, path: &str, stamp: Stamp) -> Option<&Probe> {
        self.entries
            .get(path)
            .filter(|(s, _)| *s == stamp)
            .map(|(_, p)| p)
    }

    /// Writes the entries for `keep` only (the sources of this run).
    pub fn save(&self, dir: &Path, keep: &HashSet<&str>) -> io::Result<()> {
        let mut out = String::from(
            "# warta image probes: len\tmtime_ns\thash\tw\th\torientation\tformat\talpha\tpath\n",
        );
        for (path, ((len, mtime), p)) in &self.entries {
            if !keep.contains(path.as_str()) || path.contains(['\t', '\n']) {
                continue;
            }
            let fmt = match p.format {
                ImageFormat::Png => "png",
                ImageFormat::WebP => "webp",
                _ => "jpeg",
            };
            out.push_str(&format!(
                "{len}\t{mtime}\t{:032x}\t{}\t{}\t{}\t{fmt}\t{}\t{path}\n",
                p.hash, p.raw_width, p.raw_height, p.orientation, p.alpha as u8
            ));
        }
        write_atomic(dir, MEMO_FILE, out.as_bytes())
    }
}

fn parse_line(line: &str) -> Option<(String, (Stamp, Probe))> {
    if line.starts_with('#') {
        return None;
    }
    let f: Vec<&str> = line.splitn(9, '\t').collect();
    if f.len() != 9 {
        return None;
    }
    let format = match f[6] {
        "png" => ImageFormat::Png,
        "webp" => ImageFormat::WebP,
        "jpeg" => ImageFormat::Jpeg,
        _ => return None,
    };
    let probe = Probe {
        hash: u128::from_str_radix(f[2], 16).ok()?,
        raw_width: f[3].parse().ok()?,
        raw_height: f[4].parse().ok()?,
        orientation: f[5].parse().ok().filter(|o| (1..=8).contains(o))?,
        format,
        alpha: f[7] == "1",
    };
    Some((
        f[8].to_string(),
        ((f[0].parse().ok()?, f[1].parse().ok()?), probe),
    ))
}

/// Removes the pipeline's files in `dir` that are not in `wanted`, and
/// unfinished temp files. Leaves anything else alone. Returns how many.
pub fn prune(dir: &Path, wanted: &HashSet<&str>) -> usize {
    let Ok(rd) = fs::read_dir(dir) else {
        return 0;
    };
    let mut n = 0;
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if is_pipeline_file(&name)
            && !wanted.contains(name.as_str())
            && e.file_type().is_ok_and(|t| t.is_file())
            && fs::remove_file(e.path()).is_ok()
        {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memo_round_trips_and_checks_the_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let mut m = Memo::default();
        let p = Probe {
            hash: 0xdead_beef,
            raw_width: 4000,
            raw_height: 3000,
            orientation: 6,
            format: ImageFormat::Jpeg,
            alpha: false,
        };
        m.entries
            .insert("static/a b.jpg".into(), ((10, 20), p.clone()));
        m.entries
            .insert("static/gone.jpg".into(), ((1, 1), p.clone()));
        m.save(dir.path(), &HashSet::from(["static/a b.jpg"]))
            .unwrap();
        let back = Memo::load(dir.path());
        assert_eq!(back.get("static/a b.jpg", (10, 20)), Some(&p));
        assert_eq!(back.get("static/a b.jpg", (10, 21)), None);
        assert_eq!(back.get("static/gone.jpg", (1, 1)), None);
    }

    #[test]
    fn prune_keeps_wanted_and_foreign_files() {
        let dir = tempfile::tempdir().unwrap();
        for n in [
            "0123456789ab-480.webp",
            "0123456789ab-960.webp",
            ".tmp-1-0-x.jpg",
            "notes.txt",
        ] {
            fs::write(dir.path().join(n), b"x").unwrap();
        }
        let wanted = HashSet::from(["0123456789ab-480.webp"]);
        assert_eq!(prune(dir.path(), &wanted), 2);
        assert!(dir.path().join("0123456789ab-480.webp").exists());
        assert!(dir.path().join("notes.txt").exists());
        assert!(!dir.path().join("0123456789ab-960.webp").exists());
    }

    #[test]
    fn atomic_write_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        write_atomic(dir.path(), "a.jpg", b"123").unwrap();
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.jpg")]);
    }
}
