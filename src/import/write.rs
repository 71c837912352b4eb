//! Writing libraries back as tidy YAML: fields in the contract's order,
//! 2-space indent, strings quoted only when needed, records sorted by id,
//! the comments of the file kept; and committing all files at once.

use crate::model::records::{Fields, LibraryRecord};
use crate::yaml::{folded, scalar};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

/// Width the writer keeps long texts (summaries) within.
const WIDTH: usize = 80;

/// Largest file `warta` loads (see `load::read::MAX_TEXT_BYTES`).
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// Comments of one record: above it, above each of its fields, at its end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordComments {
    pub before: Vec<String>,
    pub fields: Vec<(String, Vec<String>)>,
    pub end: Vec<String>,
}

/// The comments of a library file, so a rewrite keeps them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// Comment lines before the first record (blank lines as `""`).
    pub header: Vec<String>,
    /// Comment lines after the last record.
    pub trailer: Vec<String>,
    /// By the 1-based line where the record's `- ` stands.
    pub records: HashMap<usize, RecordComments>,
    /// Lines where records start, ascending.
    starts: Vec<usize>,
}

impl Layout {
    /// Reads the comments of a YAML list file.
    pub fn of(text: &str) -> Layout {
        let mut out = Layout::default();
        let mut top: Vec<String> = Vec::new(); // column-0 comments since the last content line
        let mut inner: Vec<String> = Vec::new(); // indented comments inside a record
        let mut current: Option<usize> = None;
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            let t = line.trim();
            if t.is_empty() {
                if !top.is_empty() {
                    top.push(String::new());
                }
                continue;
            }
            if t.starts_with('#') {
                if line.starts_with('#') {
                    top.push(line.trim_end().to_string());
                } else {
                    inner.push(t.to_string());
                }
                continue;
            }
            if line.starts_with('-') && (line.len() == 1 || line[1..].starts_with(' ')) {
                if let Some(c) = current {
                    let rc = out.records.entry(c).or_default();
                    rc.end.append(&mut inner);
                }
                let mut before = std::mem::take(&mut top);
                if current.is_none() {
                    // Before the first record: the file's header, unless the
                    // last block sits right on the record.
                    let split = before.iter().rposition(String::is_empty);
                    match split {
                        Some(k) => {
                            out.header = before[..k].to_vec();
                            before = before[k + 1..].to_vec();
                        }
                        None => {
                            out.header = before;
                            before = Vec::new();
                        }
                    }
                }
                current = Some(n);
                out.starts.push(n);
                out.records.entry(n).or_default().before = tidy(before);
                continue;
            }
            // A line inside a record.
            inner.append(&mut top);
            inner.retain(|l| !l.is_empty());
            if let Some(c) = current {
                let indent = line.len() - line.trim_start().len();
                if indent == 2 && !inner.is_empty() {
                    if let Some((key, _)) = t.split_once(':') {
                        let comments = std::mem::take(&mut inner)
                            .into_iter()
                            .map(|l| l.trim().to_string())
                            .collect();
                        out.records
                            .entry(c)
                            .or_default()
                            .fields
                            .push((key.trim().to_string(), comments));
                    }
                }
            }
        }
        match current {
            Some(c) => {
                out.records.entry(c).or_default().end.append(&mut inner);
                out.trailer = tidy(top);
            }
            None => out.header = tidy(top),
        }
        out.header = tidy(std::mem::take(&mut out.header));
        out
    }

    /// The comments of the record starting at or just before `line`.
    pub fn record(&self, line: usize) -> Option<&RecordComments> {
        let k = self.starts.partition_point(|&s| s <= line);
        k.checked_sub(1)
            .and_then(|k| self.records.get(&self.starts[k]))
    }
}

/// Comment lines without blank lines at either end or doubled inside.
fn tidy(mut lines: Vec<String>) -> Vec<String> {
    lines.dedup_by(|a, b| a.is_empty() && b.is_empty());
    while lines.first().is_some_and(String::is_empty) {
        lines.remove(0);
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

fn float(x: f64) -> String {
    let s = format!("{x}");
    if s.contains(['.', 'e', 'i', 'N']) {
        s
    } else {
        format!("{s}.0")
    }
}

/// One library as a YAML list item, with its comments.
pub fn record(rec: &LibraryRecord, comments: Option<&RecordComments>) -> String {
    let mut out = String::new();
    let empty = RecordComments::default();
    let c = comments.unwrap_or(&empty);
    for line in &c.before {
        out.push_str(line);
        out.push('\n');
    }
    let mut first = true;
    let mut field = |out: &mut String, key: &str, value: Option<String>| {
        let Some(value) = value else { return };
        if let Some((_, lines)) = c.fields.iter().find(|(k, _)| k == key) {
            for l in lines {
                let _ = writeln!(out, "  {l}");
            }
        }
        let lead = if first { "- " } else { "  " };
        first = false;
        if value.starts_with('\n') || value.is_empty() {
            let _ = writeln!(out, "{lead}{key}:{value}");
        } else {
            let _ = writeln!(out, "{lead}{key}: {value}");
        }
    };
    let s = |v: &Option<String>| v.as_deref().map(scalar);
    field(&mut out, "id", Some(scalar(&rec.id)));
    field(&mut out, "name", Some(scalar(&rec.name)));
    field(&mut out, "level", Some(scalar(&rec.level)));
    field(&mut out, "province", Some(scalar(&rec.province)));
    field(&mut out, "regency", Some(scalar(&rec.regency)));
    field(&mut out, "district", s(&rec.district));
    field(&mut out, "village", s(&rec.village));
    field(&mut out, "joined", rec.joined.map(|y| y.to_string()));
    field(&mut out, "address", s(&rec.address));
    field(&mut out, "phone", s(&rec.phone));
    field(&mut out, "email", s(&rec.email));
    field(&mut out, "website", s(&rec.website));
    if !rec.social.is_empty() {
        let mut v = String::new();
        for (k, url) in &rec.social {
            let _ = write!(v, "\n    {}: {}", scalar(k), scalar(url));
        }
        field(&mut out, "social", Some(v));
    }
    if let Some(l) = &rec.location {
        field(
            &mut out,
            "location",
            Some(format!(
                "\n    lat: {}\n    lon: {}",
                float(l.lat),
                float(l.lon)
            )),
        );
    }
    field(&mut out, "photo", s(&rec.photo));
    field(&mut out, "photo_alt", s(&rec.photo_alt));
    if let Some(sum) = &rec.summary {
        let plain = scalar(sum);
        let v = if "  summary: ".len() + plain.chars().count() > WIDTH {
            folded(sum, 4, WIDTH).unwrap_or(plain)
        } else {
            plain
        };
        field(&mut out, "summary", Some(v));
    }
    if !rec.kpi.is_empty() {
        let mut v = String::new();
        for k in &rec.kpi {
            let _ = write!(
                v,
                "\n    - period: {}\n      category: {}",
                scalar(&k.period),
                scalar(&k.category)
            );
            for (name, count) in [
                ("community_engagement", k.community_engagement),
                ("advocacy", k.advocacy),
                ("service_improvement", k.service_improvement),
            ] {
                if let Some(n) = count {
                    let _ = write!(v, "\n      {name}: {n}");
                }
            }
        }
        field(&mut out, "kpi", Some(v));
    }
    if !rec.aliases.is_empty() {
        let v: String = rec
            .aliases
            .iter()
            .map(|a| format!("\n    - {}", scalar(a)))
            .collect();
        field(&mut out, "aliases", Some(v));
    }
    if rec.illustrative {
        field(&mut out, "illustrative", Some("true".into()));
    }
    // Comments on fields that are not written, and at the end.
    const WRITTEN: &[&str] = <LibraryRecord as Fields>::FIELDS;
    for (k, lines) in &c.fields {
        if !WRITTEN.contains(&k.as_str()) {
            for l in lines {
                let _ = writeln!(out, "  {l}");
            }
        }
    }
    for l in &c.end {
        let _ = writeln!(out, "  {l}");
    }
    out
}

/// A whole library file: header comments, the records sorted by id (each
/// with its comments), trailer comments.
pub fn file(
    header: &[String],
    records: &[(&LibraryRecord, Option<&RecordComments>)],
    trailer: &[String],
) -> String {
    let mut sorted: Vec<&(&LibraryRecord, Option<&RecordComments>)> = records.iter().collect();
    sorted.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    let mut parts: Vec<String> = Vec::new();
    if !header.is_empty() {
        parts.push(header.iter().map(|l| format!("{l}\n")).collect());
    }
    parts.extend(sorted.iter().map(|(r, c)| record(r, *c)));
    if !trailer.is_empty() {
        parts.push(trailer.iter().map(|l| format!("{l}\n")).collect());
    }
    parts.join("\n")
}

/// Writes every file or none: all go to temporary names first, then each
/// replaces its target; if any step fails, the targets already replaced are
/// put back and the temporary files removed.
pub fn commit(root: &Path, files: &[(String, String)]) -> io::Result<()> {
    let tmp_of = |p: &Path, suffix: &str| -> PathBuf {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        p.with_file_name(format!(".{name}.warta-import.{suffix}"))
    };
    let targets: Vec<PathBuf> = files.iter().map(|(rel, _)| root.join(rel)).collect();
    let mut temps: Vec<PathBuf> = Vec::new();
    let cleanup = |temps: &[PathBuf]| {
        for t in temps {
            let _ = std::fs::remove_file(t);
        }
    };
    for (target, (_, text)) in targets.iter().zip(files) {
        let tmp = tmp_of(target, "tmp");
        let written = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| std::fs::write(&tmp, text));
        if let Err(e) = written {
            cleanup(&temps);
            let _ = std::fs::remove_file(&tmp);
            return Err(io::Error::new(
                e.kind(),
                format!("cannot write {}: {e}", target.display()),
            ));
        }
        temps.push(tmp);
    }
    // (target, backup of the previous file if there was one)
    let mut done: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
    for (target, tmp) in targets.iter().zip(&temps) {
        let backup = tmp_of(target, "bak");
        let had = target.exists();
        let step = (|| {
            if had {
                std::fs::rename(target, &backup)?;
            }
            std::fs::rename(tmp, target).inspect_err(|_| {
                if had {
                    let _ = std::fs::rename(&backup, target);
                }
            })
        })();
        if let Err(e) = step {
            for (t, b) in done.iter().rev() {
                match b {
                    Some(b) => {
                        let _ = std::fs::rename(b, t);
                    }
                    None => {
                        let _ = std::fs::remove_file(t);
                    }
                }
            }
            cleanup(&temps);
            return Err(io::Error::new(
                e.kind(),
                format!("cannot replace {}: {e}", target.display()),
            ));
        }
        done.push((target.clone(), had.then_some(backup)));
    }
    for (_, b) in done {
        if let Some(b) = b {
            let _ = std::fs::remove_file(b);
        }
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::records::{KpiRecord, LocationRecord};

    pub(crate) fn library(id: &str) -> LibraryRecord {
        LibraryRecord::new(
            id.into(),
            "Perpustakaan Desa Maju".into(),
            "desa".into(),
            "jawa-tengah".into(),
            "Kabupaten Kudus".into(),
        )
    }

    #[test]
    fn tidy_yaml_in_the_contract_order() {
        let mut r = library("perpusdes-maju");
        r.village = Some("Loram Wetan".into());
        r.joined = Some(2019);
        r.phone = Some("0812345678".into());
        r.address = Some("Jl. Sunan Kudus No. 5: belakang balai desa".into());
        r.social
            .insert("facebook".into(), "https://facebook.com/x".into());
        r.location = Some(LocationRecord {
            lat: -6.8,
            lon: 111.0,
        });
        r.summary = Some("Perpustakaan desa yang aktif mengadakan pelatihan membuat kerajinan dan kelas membaca untuk anak-anak setiap pekan.".into());
        r.kpi.push(KpiRecord {
            period: "2024".into(),
            category: "tinggi".into(),
            community_engagement: Some(12),
            advocacy: None,
            service_improvement: Some(1),
        });
        r.aliases.push("perpus-maju".into());
        let text = record(&r, None);
        assert_eq!(
            text,
            "- id: perpusdes-maju
  name: Perpustakaan Desa Maju
  level: desa
  province: jawa-tengah
  regency: Kabupaten Kudus
  village: Loram Wetan
  joined: 2019
  address: \"Jl. Sunan Kudus No. 5: belakang balai desa\"
  phone: \"0812345678\"
  social:
    facebook: https://facebook.com/x
  location:
    lat: -6.8
    lon: 111.0
  summary: >-
    Perpustakaan desa yang aktif mengadakan pelatihan membuat kerajinan dan
    kelas membaca untuk anak-anak setiap pekan.
  kpi:
    - period: \"2024\"
      category: tinggi
      community_engagement: 12
      service_improvement: 1
  aliases:
    - perpus-maju
"
        );
        // It reads back as the same record, with no unknown field.
        let doc = crate::yaml::parse(&text, crate::diag::FileId(0), 0).unwrap();
        let mut diags = Vec::new();
        let back = crate::load::records::list::<LibraryRecord>(
            doc,
            crate::diag::FileId(0),
            crate::msg!("what-libraries"),
            &mut diags,
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(back.len(), 1);
        let b = &back[0].data;
        assert_eq!(
            (b.phone.as_deref(), b.joined, b.summary.as_deref()),
            (r.phone.as_deref(), r.joined, r.summary.as_deref())
        );
        assert_eq!(b.location.map(|l| (l.lat, l.lon)), Some((-6.8, 111.0)));
        assert_eq!(b.kpi[0].period, "2024");
        assert_eq!(b.address, r.address);
    }

    #[test]
    fn comments_are_kept_where_they_stood() {
        let text = "# Header line one.\n# Header two.\n\n- id: b\n  name: B\n  # about the regency\n  regency: Kota Batam\n\n# Contoh: an example.\n- id: a\n  name: A\n# trailing\n";
        let l = Layout::of(text);
        assert_eq!(l.header, vec!["# Header line one.", "# Header two."]);
        let b = l.record(4).unwrap();
        assert!(b.before.is_empty());
        assert_eq!(
            b.fields,
            vec![(
                "regency".to_string(),
                vec!["# about the regency".to_string()]
            )]
        );
        let a = l.record(10).unwrap();
        assert_eq!(a.before, vec!["# Contoh: an example."]);
        assert_eq!(l.trailer, vec!["# trailing"]);
        // A record's span may start after its `- `.
        assert_eq!(l.record(11), Some(a));
    }

    #[test]
    fn files_sorted_by_id_with_comments() {
        let (a, b) = (library("a"), library("b"));
        let c = RecordComments {
            before: vec!["# about a".into()],
            ..Default::default()
        };
        let text = file(&["# Head".into()], &[(&b, None), (&a, Some(&c))], &[]);
        assert!(text.starts_with("# Head\n\n# about a\n- id: a\n"), "{text}");
        assert!(text.contains("\n\n- id: b\n"), "{text}");
        assert!(!text.ends_with("\n\n"));
    }

    #[test]
    fn commit_writes_all_or_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("data/libraries")).unwrap();
        std::fs::write(root.join("data/libraries/a.yaml"), "old\n").unwrap();
        // `x` is a file, so `x/b.yaml` cannot be written.
        std::fs::write(root.join("data/libraries/x"), "").unwrap();
        let files = vec![
            ("data/libraries/a.yaml".to_string(), "new\n".to_string()),
            ("data/libraries/x/b.yaml".to_string(), "new\n".to_string()),
        ];
        assert!(commit(root, &files).is_err());
        assert_eq!(
            std::fs::read_to_string(root.join("data/libraries/a.yaml")).unwrap(),
            "old\n"
        );
        let names: Vec<_> = std::fs::read_dir(root.join("data/libraries"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        commit(root, &files[..1]).unwrap();
        assert_eq!(
            std::fs::read_to_string(root.join("data/libraries/a.yaml")).unwrap(),
            "new\n"
        );
        let names: Vec<_> = std::fs::read_dir(root.join("data/libraries"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
