//! One fuzz case: files written over a base site (the repository's example
//! site or the tests' minimal one), how to run it, and its generation from
//! `(seed, index)` alone.

use super::records::{self as rec, Refs};
use super::rng::Rng;
use super::schemas::{self, Schema};
use super::text::{self, Knobs};
use super::yaml::{self, Y};
use super::{markdown, templates};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    FrontMatter,
    Data,
    Markdown,
    Template,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    Minimal,
    Example,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// In-process `pipeline::make`: everything `warta check` does.
    Make,
    /// In-process `pipeline::check`: load, validate, resolve.
    Check,
    /// The real binary, `warta check`, under a memory limit.
    Binary,
}

#[derive(Clone, Debug)]
pub struct Case {
    pub index: u64,
    pub kind: Kind,
    pub base: Base,
    pub mode: Mode,
    pub drafts: bool,
    /// Pages must hold no `FUZZX` markup.
    pub markup: bool,
    /// Files written over the base: (path under the site, bytes).
    pub files: Vec<(String, Vec<u8>)>,
}

/// The two base sites, written once per run, and what they define.
pub struct Bases {
    pub minimal: PathBuf,
    pub example: PathBuf,
    pub minimal_refs: Refs,
    pub example_refs: Refs,
    /// The default theme's templates: (name under templates/, text).
    pub theme: Vec<(String, String)>,
}

impl Bases {
    pub fn new(run_dir: &Path) -> Bases {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let example = run_dir.join("base-example");
        for sub in ["content", "data", "static", "themes"] {
            copy_tree(&repo.join(sub), &example.join(sub));
        }
        let minimal = run_dir.join("base-minimal");
        let site = super::support::TestSite::minimal();
        copy_tree(site.root(), &minimal);
        let mut theme = Vec::new();
        let tdir = repo.join("themes/default/templates");
        for f in files_under(&tdir) {
            let name = f
                .strip_prefix(&tdir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            theme.push((name, std::fs::read_to_string(&f).unwrap()));
        }
        theme.sort();
        Bases {
            minimal_refs: refs_of(&minimal),
            example_refs: refs_of(&example),
            minimal,
            example,
            theme,
        }
    }

    pub fn dir(&self, base: Base) -> &Path {
        match base {
            Base::Minimal => &self.minimal,
            Base::Example => &self.example,
        }
    }

    fn refs(&self, base: Base) -> &Refs {
        match base {
            Base::Minimal => &self.minimal_refs,
            Base::Example => &self.example_refs,
        }
    }
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn copy_tree(from: &Path, to: &Path) {
    for f in files_under(from) {
        let target = to.join(f.strip_prefix(from).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&f, &target).unwrap();
    }
}

/// The names a base site defines, read from its files.
fn refs_of(root: &Path) -> Refs {
    let read = |rel: &str| std::fs::read_to_string(root.join(rel)).unwrap_or_default();
    let values = |text: &str, key: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.trim_start_matches("- ").trim().strip_prefix(key))
            .map(|v| v.trim().trim_matches('"').to_string())
            .collect()
    };
    let mut libraries = Vec::new();
    for f in files_under(&root.join("data/libraries")) {
        libraries.extend(values(&std::fs::read_to_string(f).unwrap(), "id:"));
    }
    let content = root.join("content");
    let mut pages = Vec::new();
    // As pages refer to them: `/x.png` is `static/x.png`.
    let images: Vec<String> = files_under(&root.join("static"))
        .iter()
        .map(|f| {
            format!(
                "/{}",
                f.strip_prefix(root.join("static"))
                    .unwrap()
                    .to_string_lossy()
            )
        })
        .collect();
    let mut events = Vec::new();
    for f in files_under(&content) {
        let rel = f
            .strip_prefix(&content)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.ends_with(".md") {
            if let Some(e) = rel.strip_prefix("plm/").and_then(|r| r.strip_suffix(".md")) {
                events.push(e.to_string());
            }
            pages.push(rel);
        }
    }
    Refs {
        provinces: values(&read("data/provinces.yaml"), "slug:"),
        libraries,
        events,
        pages,
        images,
    }
}

/// Writes the case's site into `dir`: the base hard-linked (copied where
/// links fail), then the case's files over it.
pub fn write(bases: &Bases, case: &Case, dir: &Path) {
    let base = bases.dir(case.base);
    for f in files_under(base) {
        let target = dir.join(f.strip_prefix(base).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        if std::fs::hard_link(&f, &target).is_err() {
            std::fs::copy(&f, &target).unwrap();
        }
    }
    for (rel, bytes) in &case.files {
        let target = dir.join(rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        let _ = std::fs::remove_file(&target); // never write through a link
        std::fs::write(&target, bytes).unwrap();
    }
}

const YAML_DICT: &[&str] = &[
    "- ",
    ": ",
    "&a ",
    "*a",
    "<<: *a\n",
    "? ",
    "!!str ",
    "!!binary ",
    "|\n",
    ">-\n",
    "#",
    "'",
    "\"",
    "[",
    "]",
    "{",
    "}",
    ",",
    "---\n",
    "...\n",
    "\t",
    "%TAG ! tag:x,2000:\n",
    "title: Judul\n",
    "date: 2022-08-04\n",
    "  - ",
    "~",
    "draft: true\n",
    "tags: [a, b]\n",
    "x: &a [1, 2]\n",
    "\\",
];

/// Case `index` of a run with `seed`: the same pair gives the same case.
pub fn generate(bases: &Bases, seed: u64, index: u64, knobs: Knobs) -> Case {
    let mut rng = Rng::for_case(seed, index);
    let kind = *rng.pick(&[
        Kind::FrontMatter,
        Kind::FrontMatter,
        Kind::Data,
        Kind::Data,
        Kind::Markdown,
        Kind::Markdown,
        Kind::Template,
    ]);
    let base = if rng.one_in(6) {
        Base::Example
    } else {
        Base::Minimal
    };
    let mode = match rng.below(10) {
        0 => Mode::Binary,
        1 | 2 if matches!(kind, Kind::FrontMatter | Kind::Data) => Mode::Check,
        _ => Mode::Make,
    };
    let mut case = Case {
        index,
        kind,
        base,
        mode,
        drafts: rng.one_in(5),
        markup: kind != Kind::Template,
        files: Vec::new(),
    };
    let refs = bases.refs(base);
    let dir = bases.dir(base);
    match kind {
        Kind::FrontMatter => front_matter(&mut rng, &mut case, dir, refs, knobs),
        Kind::Data => data(&mut rng, &mut case, dir, refs, knobs),
        Kind::Markdown => markdown_case(&mut rng, &mut case, dir, refs, knobs),
        Kind::Template => {
            for _ in 0..rng.range(1, 3) {
                let (name, text) = templates::override_of(&mut rng, &bases.theme, knobs);
                case.files
                    .push((format!("templates/{name}"), text.into_bytes()));
            }
        }
    }
    if let Some((_, bytes)) = case.files.first_mut() {
        text::maybe_break_utf8(&mut rng, bytes);
    }
    case
}

/// A content file to write: an existing one of the base or a new one
/// (plain or page bundle), with the schema of its section.
fn content_target(rng: &mut Rng, refs: &Refs, clean: bool) -> (String, Schema) {
    let path = if rng.one_in(2) && !refs.pages.is_empty() {
        format!("content/{}", rng.pick(&refs.pages))
    } else {
        let section = rng.pick(&["berita", "kisah", "plm", ""]);
        let names = ["fuzz", "berita-baru", "a", "Nama File", "ḟuzz", "-", "x.y"];
        let name = names[rng.below(if clean { 3 } else { names.len() })];
        let p = if section.is_empty() {
            format!("content/{name}")
        } else {
            format!("content/{section}/{name}")
        };
        if rng.one_in(4) {
            format!("{p}/index.md")
        } else {
            format!("{p}.md")
        }
    };
    let schema = if path.starts_with("content/berita/") {
        schemas::POST
    } else if path.starts_with("content/kisah/") {
        schemas::STORY
    } else if path.starts_with("content/plm/") {
        schemas::EVENT
    } else {
        schemas::PAGE
    };
    (path, schema)
}

/// Cases that are `clean` hold no deliberate mistakes, so that most of
/// them reach render with the odd but valid values they carry.
fn front_matter(rng: &mut Rng, case: &mut Case, dir: &Path, refs: &Refs, knobs: Knobs) {
    let clean = rng.percent(50);
    let (path, schema) = content_target(rng, refs, clean);
    let existing = std::fs::read_to_string(dir.join(&path)).ok();
    let (mut front, body) = match existing
        .as_deref()
        .and_then(|t| t.strip_prefix("---\n"))
        .and_then(|t| t.split_once("\n---\n"))
    {
        Some((f, b)) if rng.one_in(2) => (format!("{f}\n"), b.to_string()),
        _ => {
            let mut fields = rec::record(rng, schema, refs, knobs, clean);
            bomb(rng, knobs, &mut fields);
            let body = if rng.one_in(3) {
                markdown::body(rng, refs, knobs, clean)
            } else {
                "Isi berita.\n".into()
            };
            (yaml::document(rng, &Y::Map(fields)), body)
        }
    };
    if !clean && rng.percent(60) {
        text::mutate(rng, &mut front, knobs, YAML_DICT, 4);
    }
    let (open, close) = if clean {
        ("---\n", "---\n")
    } else {
        *rng.pick(&[
            ("---\n", "---\n"),
            ("---\n", "---\n"),
            ("---\n", "---\n"),
            ("---\r\n", "---\r\n"),
            ("--- \n", "...\n"),
            ("\u{FEFF}---\n", "---\n"),
            ("\n---\n", "---\n"),
            ("---\n", ""),
            ("+++\n", "+++\n"),
            ("---\n", "--- # akhir\n"),
            ("---\n", "---"),
        ])
    };
    let text = if !clean && rng.one_in(25) {
        front
    } else {
        format!("{open}{front}{close}{body}")
    };
    case.files.push((path, text.into_bytes()));
}

/// Sometimes (when on) a billion-laughs expansion into one field.
fn bomb(rng: &mut Rng, knobs: Knobs, fields: &mut Vec<(String, Y)>) {
    if knobs.alias_bombs && rng.one_in(10) && !fields.is_empty() {
        let (defs, last) = yaml::alias_bomb(rng);
        let at = rng.below(fields.len());
        fields[at].1 = Y::Alias(last);
        for (i, d) in defs.into_iter().enumerate() {
            fields.insert(i, d);
        }
    }
}

fn data(rng: &mut Rng, case: &mut Case, dir: &Path, refs: &Refs, knobs: Knobs) {
    let clean = rng.percent(50);
    let (path, schema): (String, Schema) = match rng.below(12) {
        0 => ("data/site.yaml".into(), schemas::SITE),
        1 => ("data/provinces.yaml".into(), schemas::PROVINCE),
        2 => ("data/regencies.yaml".into(), schemas::REGENCY),
        3 | 4 => ("data/awards.yaml".into(), schemas::AWARD),
        5 => (
            format!("data/reports/{}.yaml", rng.pick(&["nasional", "baru"])),
            schemas::REPORT,
        ),
        6 if case.base == Base::Example => (
            format!("themes/default/i18n/{}.yaml", rng.pick(&["id", "en"])),
            schemas::PAGE,
        ),
        _ => (
            format!(
                "data/libraries/{}.yaml",
                rng.pick(&["jawa-tengah", "jawa-timur", "baru", "Jawa Tengah"])
            ),
            schemas::LIBRARY,
        ),
    };
    let existing = std::fs::read_to_string(dir.join(&path)).unwrap_or_default();
    let is_map = path.ends_with("site.yaml") || path.contains("/i18n/");
    let generated = |rng: &mut Rng| -> String {
        if is_map {
            let mut fields = rec::record(rng, schema, refs, knobs, clean);
            if clean {
                // Added to the base's own: no key twice.
                fields.retain(|(k, _)| !existing.lines().any(|l| l.starts_with(&format!("{k}:"))));
            }
            bomb(rng, knobs, &mut fields);
            yaml::document(rng, &Y::Map(fields))
        } else {
            let mut records: Vec<Vec<(String, Y)>> = (0..rng.range(1, 4))
                .map(|_| rec::record(rng, schema, refs, knobs, clean))
                .collect();
            bomb(rng, knobs, &mut records[0]);
            yaml::document(rng, &Y::Seq(records.into_iter().map(Y::Map).collect()))
        }
    };
    let mut text = match rng.below(10) {
        // More records after the base's own (lists only).
        0..=3 if !is_map && !existing.is_empty() => format!("{existing}\n{}", generated(rng)),
        0..=6 if !existing.is_empty() && !clean => existing.clone(),
        // A clean site.yaml keeps the base's own and adds to it.
        _ if clean && is_map && !existing.is_empty() => format!("{existing}{}", generated(rng)),
        _ => generated(rng),
    };
    if !clean && (text == existing || rng.one_in(3)) {
        text::mutate(rng, &mut text, knobs, YAML_DICT, 4);
    }
    case.files.push((path, text.into_bytes()));
}

fn markdown_case(rng: &mut Rng, case: &mut Case, dir: &Path, refs: &Refs, knobs: Knobs) {
    let clean = rng.percent(60);
    let (path, _) = content_target(rng, refs, clean);
    let front = match std::fs::read_to_string(dir.join(&path)).ok().and_then(|t| {
        t.strip_prefix("---\n")
            .and_then(|r| r.split_once("\n---\n"))
            .map(|(f, _)| f.to_string())
    }) {
        Some(f) => f,
        None if path.starts_with("content/kisah/") => {
            "title: Kisah\ndate: 2023-03-01\nperson: Ibu Siti\nlibrary: perpusdes-loram-wetan"
                .into()
        }
        None if path.starts_with("content/plm/") => {
            "title: PLM\nlevel: provinsi\nstart: 2022-08-02".into()
        }
        None if path.starts_with("content/berita/") => "title: Berita\ndate: 2022-08-04".into(),
        None => "title: Halaman".into(),
    };
    let body = markdown::body(rng, refs, knobs, clean);
    case.files.push((
        path.clone(),
        format!("---\n{front}\n---\n{body}").into_bytes(),
    ));
    if path.ends_with("/index.md") {
        // A page bundle with a picture beside it (a real one or not).
        let bytes = if clean || rng.one_in(2) {
            super::support::PNG.to_vec()
        } else {
            b"bukan gambar".to_vec()
        };
        case.files
            .push((path.replace("index.md", "foto.png"), bytes));
    }
    if rng.one_in(6) {
        let site = std::fs::read_to_string(dir.join("data/site.yaml")).unwrap_or_default();
        case.files.push((
            "data/site.yaml".into(),
            format!("{site}allow_html: true\n").into_bytes(),
        ));
        case.markup = false;
    }
}
