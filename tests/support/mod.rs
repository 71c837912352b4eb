//! Shared helpers for the integration tests: a minimal valid site written
//! into a temporary folder, and running the real `warta` binary on it.
#![allow(dead_code)] // each test file uses a different part of it

use std::path::{Path, PathBuf};
use std::process::Command;

pub const SITE_YAML: &str = "\
title: Situs Uji
base_url: https://uji.example.id
language: id
";

pub const PROVINCES_YAML: &str = "\
- code: \"11\"
  slug: aceh
  name: Aceh
- code: \"33\"
  slug: jawa-tengah
  name: Jawa Tengah
- code: \"35\"
  slug: jawa-timur
  name: Jawa Timur
";

pub const REGENCIES_YAML: &str = "\
- code: \"11.01\"
  province: \"11\"
  name: Aceh Selatan
  kind: kabupaten
- code: \"33.19\"
  province: \"33\"
  name: Kudus
  kind: kabupaten
- code: \"33.22\"
  province: \"33\"
  name: Semarang
  kind: kabupaten
- code: \"33.74\"
  province: \"33\"
  name: Semarang
  kind: kota
- code: \"35.07\"
  province: \"35\"
  name: Malang
  kind: kabupaten
- code: \"35.78\"
  province: \"35\"
  name: Surabaya
  kind: kota
";

/// `data/libraries/jawa-tengah.yaml`. Line numbers matter to the tests:
/// `province: jawa-tengah` of the first library is on line 4, its
/// `regency` on line 5, the second library starts on line 8.
pub const LIBRARIES_JATENG: &str = "\
- id: perpusdes-loram-wetan
  name: Perpustakaan Desa Loram Wetan
  level: desa
  province: jawa-tengah
  regency: Kabupaten Kudus
  joined: 2019

- id: perpustakaan-kota-semarang
  name: Dinas Arsip dan Perpustakaan Kota Semarang
  level: kota
  province: jawa-tengah
  regency: Kota Semarang
";

pub const LIBRARIES_JATIM: &str = "\
- id: perpustakaan-kota-surabaya
  name: Dinas Perpustakaan dan Kearsipan Kota Surabaya
  level: kota
  province: jawa-timur
  regency: \"35.78\"
";

pub const AWARDS_YAML: &str = "\
- year: 2022
  province: jawa-tengah
  category: terbaik
  rank: 1
  library: perpusdes-loram-wetan
  event: plm-jawa-tengah-2022
";

pub const REPORT_YAML: &str = "\
- id: nasional-2022
  title: Jangkauan Program sampai 2022
  period: \"2018–2022\"
  date: 2022-12-31
  figures:
    villages: 3505
    provinces: 34
";

pub const EVENT_MD: &str = "\
---
title: PLM Provinsi Jawa Tengah 2022
level: provinsi
provinces: [jawa-tengah]
city: Semarang
venue: Hotel MG Setos Semarang
start: 2022-08-02
end: 2022-08-03
participants:
  total: 40
---

Dua hari belajar bersama di Semarang.
";

/// `content/berita/plm-jawa-tengah-2022-semarang.md`.
pub const POST_MD: &str = "\
---
title: PLM Jawa Tengah 2022 di Semarang
date: 2022-08-04
provinces:
  - jawa-tengah
libraries:
  - perpusdes-loram-wetan
  - perpustakaan-kota-semarang
event: plm-jawa-tengah-2022
tags: [plm]
---

Perpustakaan desa dan kota belajar bersama.
";

pub const STORY_MD: &str = "\
---
title: Dari Rajutan ke Usaha Keluarga
date: 2023-03-01
person: Ibu Siti
library: perpusdes-loram-wetan
themes: [keterampilan]
---

Ibu Siti belajar merajut di perpustakaan desa.
";

pub const PAGE_MD: &str = "\
---
title: Tentang
weight: 1
---

Situs uji.
";

/// A 1×1 PNG, for image references.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x64, 0x60, 0xf8, 0x5f,
    0x0f, 0x00, 0x02, 0x87, 0x01, 0x80, 0xeb, 0x47, 0xba, 0x92, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

pub const POST: &str = "content/berita/plm-jawa-tengah-2022-semarang.md";
pub const STORY: &str = "content/kisah/dari-rajutan-ke-usaha-keluarga.md";
pub const EVENT: &str = "content/plm/plm-jawa-tengah-2022.md";
pub const LIBS_JATENG: &str = "data/libraries/jawa-tengah.yaml";
pub const LIBS_JATIM: &str = "data/libraries/jawa-timur.yaml";

/// A site in a temporary folder, removed when dropped.
pub struct TestSite {
    dir: tempfile::TempDir,
}

impl TestSite {
    /// The minimal valid site: three provinces, six regencies (both
    /// Semarangs and Kudus), three libraries in two files, an event, a news
    /// post, a story, a page, an award, a report and one static image.
    pub fn minimal() -> TestSite {
        let site = TestSite {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        site.write("data/site.yaml", SITE_YAML)
            .write("data/provinces.yaml", PROVINCES_YAML)
            .write("data/regencies.yaml", REGENCIES_YAML)
            .write(LIBS_JATENG, LIBRARIES_JATENG)
            .write(LIBS_JATIM, LIBRARIES_JATIM)
            .write("data/awards.yaml", AWARDS_YAML)
            .write("data/reports/nasional.yaml", REPORT_YAML)
            .write(EVENT, EVENT_MD)
            .write(POST, POST_MD)
            .write(STORY, STORY_MD)
            .write("content/tentang.md", PAGE_MD)
            .write("static/images/perpustakaan.png", PNG);
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes (or overwrites) a file, creating its folders.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Self {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().expect("a parent")).expect("create dir");
        std::fs::write(&p, contents).expect("write file");
        self
    }

    pub fn remove(&self, rel: &str) -> &Self {
        std::fs::remove_file(self.path(rel)).expect("remove file");
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).expect("read file")
    }

    /// Replaces the first `from` in a file with `to` (which must be there).
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, text.replacen(from, to, 1))
    }

    /// `warta --root SITE --messages plain --lang en ARGS…`.
    pub fn run(&self, args: &[&str]) -> Output {
        run_in(self.root(), args)
    }

    /// `warta check` (plus `args`).
    pub fn check(&self, args: &[&str]) -> Output {
        let mut all = vec!["check"];
        all.extend_from_slice(args);
        self.run(&all)
    }
}

/// Every file under `dir`: path relative to it (`/`-separated) → bytes.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut m = std::collections::BTreeMap::new();
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            m.insert(rel, std::fs::read(e.path()).unwrap());
        }
    }
    m
}

/// Runs the binary with `--root root --messages plain --lang en` before
/// `args`: these tests assert the English wording of messages (a later
/// `--lang id` in `args` overrides it); tests/it/messages_id.rs asserts the
/// Indonesian, which a site gets by default.
pub fn run_in(root: &Path, args: &[&str]) -> Output {
    run_lang(root, Some("en"), args)
}

/// `warta --root root --messages plain [--lang lang] args…`; without a
/// language, the site's own (as an officer runs it).
pub fn run_lang(root: &Path, lang: Option<&str>, args: &[&str]) -> Output {
    let lang: &[&str] = match &lang {
        Some(l) => &["--lang", l],
        None => &[],
    };
    let out = Command::new(env!("CARGO_BIN_EXE_warta"))
        .arg("--root")
        .arg(root)
        .args(["--messages", "plain"])
        .args(lang)
        .args(args)
        .output()
        .expect("run warta");
    Output {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// The plain diagnostics: each first line (`path:l:c: error: …`) with
    /// its indented note and help lines.
    pub fn diagnostics(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for line in self.stderr.lines() {
            if line.starts_with("  ") {
                if let Some(last) = out.last_mut() {
                    last.push('\n');
                    last.push_str(line);
                    continue;
                }
            }
            if line.starts_with("warta check:") || line.starts_with("warta build:") {
                continue;
            }
            out.push(line.to_string());
        }
        out
    }

    /// Number of `error:` diagnostics printed.
    pub fn error_count(&self) -> usize {
        self.diagnostics()
            .iter()
            .filter(|d| is_kind(d, "error"))
            .count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics()
            .iter()
            .filter(|d| is_kind(d, "warning"))
            .count()
    }

    pub fn assert_ok(&self) {
        assert_eq!(self.code, 0, "expected success\n{self}");
    }

    /// The run failed (exit 1) with an error at exactly `at` (`path:line:col`
    /// or `path:line:` to leave the column out) whose message and help hold
    /// every one of `words`. Returns that diagnostic.
    #[track_caller]
    pub fn assert_error(&self, at: &str, words: &[&str]) -> String {
        assert_eq!(self.code, 1, "expected exit status 1\n{self}");
        self.assert_diag("error", at, words)
    }

    /// Like [`Output::assert_error`], and that error is the only one: no
    /// second report of the same mistake, no cascade into other files.
    #[track_caller]
    pub fn assert_only_error(&self, at: &str, words: &[&str]) -> String {
        let d = self.assert_error(at, words);
        assert_eq!(self.error_count(), 1, "expected exactly one error\n{self}");
        d
    }

    #[track_caller]
    pub fn assert_warning(&self, at: &str, words: &[&str]) -> String {
        self.assert_diag("warning", at, words)
    }

    /// An error or a warning at `at` saying all of `words`.
    #[track_caller]
    pub fn assert_diag_any(&self, at: &str, words: &[&str]) -> String {
        self.assert_diag("", at, words)
    }

    #[track_caller]
    fn assert_diag(&self, kind: &str, at: &str, words: &[&str]) -> String {
        let prefix = if at.ends_with(':') {
            at.to_string()
        } else {
            format!("{at}: ")
        };
        let found: Vec<String> = self
            .diagnostics()
            .into_iter()
            .filter(|d| (kind.is_empty() || is_kind(d, kind)) && d.starts_with(&prefix))
            .collect();
        let kind = if kind.is_empty() { "diagnostic" } else { kind };
        assert!(!found.is_empty(), "no {kind} at `{at}`\n{self}");
        match found.iter().find(|d| words.iter().all(|w| d.contains(w))) {
            Some(d) => d.clone(),
            None => panic!("the {kind} at `{at}` does not say all of {words:?}\n{self}"),
        }
    }
}

/// `path:l:c: error[code]: …` or `error[code]: …` (no place).
fn is_kind(diag: &str, kind: &str) -> bool {
    let first = diag.lines().next().unwrap_or("");
    first.contains(&format!(": {kind}[")) || first.starts_with(&format!("{kind}["))
}

/// The code of a plain diagnostic: `unknown-field` in
/// `a.yaml:1:1: error[unknown-field]: …`.
pub fn code_of(diag: &str) -> Option<&str> {
    let first = diag.lines().next()?;
    let start = first
        .find("error[")
        .map(|i| i + 6)
        .or_else(|| first.find("warning[").map(|i| i + 8))?;
    first[start..].split(']').next()
}

impl std::fmt::Display for Output {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit status {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Builds `site` and reads what the browser editor is made of:
/// (output folder, `admin/config.yml` parsed, `admin/index.html`).
pub fn build_admin(site: &TestSite) -> (tempfile::TempDir, serde_yaml::Value, String) {
    let out = tempfile::tempdir().unwrap();
    site.run(&["build", "--out", out.path().to_str().unwrap()])
        .assert_ok();
    let text = std::fs::read_to_string(out.path().join("admin/config.yml")).unwrap();
    let config = serde_yaml::from_str(&text).expect("config.yml is YAML");
    let html = std::fs::read_to_string(out.path().join("admin/index.html")).unwrap();
    (out, config, html)
}
