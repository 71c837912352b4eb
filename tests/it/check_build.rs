//! `warta check` is `warta build` minus writing: over many mutations of the
//! repository's example site, `check` exits 0 exactly when `build` does, and
//! both print the same diagnostics. Each build also reports every problem
//! in one run (a data error does not hide an image or a link error).

use crate::support;

use std::path::Path;
use support::*;

/// One change to a copy of the example site.
enum Edit {
    /// Replace the first `from` in a file by `to`.
    Replace(&'static str, &'static str, String),
    /// Write a whole file.
    Write(&'static str, String),
    /// Delete line `n` (0-based, modulo the line count) of a file.
    DeleteLine(String, usize),
}

struct Mutation {
    name: String,
    edits: Vec<Edit>,
    /// Words each expected error must contain (`[]` for a valid site; `None`
    /// when any outcome is fine as long as check and build agree).
    expect: Option<Vec<&'static str>>,
}

fn m(name: &str, edits: Vec<Edit>, expect: &[&'static str]) -> Mutation {
    Mutation {
        name: name.into(),
        edits,
        expect: Some(expect.to_vec()),
    }
}

const POST_EX: &str = "content/berita/plm-jawa-tengah-2022-semarang.md";
const LIBS_EX: &str = "data/libraries/jawa-tengah.yaml";

/// The example site with its image cache filled once, so that each
/// mutation's build makes only the images the mutation adds.
fn template() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        for sub in ["content", "data", "static", "themes"] {
            copy_dir(&repo.join(sub), &dir.path().join(sub));
        }
        let out = dir.path().join("public");
        let first = run_in(dir.path(), &["build", "--out", out.to_str().unwrap()]);
        first.assert_ok();
        std::fs::remove_dir_all(out).unwrap();
        dir
    })
    .path()
}

fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(template(), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

fn apply(root: &Path, edits: &[Edit]) {
    for e in edits {
        match e {
            Edit::Replace(file, from, to) => {
                let p = root.join(file);
                let text = std::fs::read_to_string(&p).unwrap();
                assert!(text.contains(from), "{file} lacks {from:?}");
                std::fs::write(p, text.replacen(from, to, 1)).unwrap();
            }
            Edit::Write(file, text) => {
                let p = root.join(file);
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(p, text).unwrap();
            }
            Edit::DeleteLine(file, n) => {
                let p = root.join(file);
                let text = std::fs::read_to_string(&p).unwrap();
                let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
                let at = n % lines.len();
                lines.remove(at);
                std::fs::write(p, lines.concat()).unwrap();
            }
        }
    }
}

/// The hand-written mutations: each class of problem the issue names, and
/// several at once in one file.
fn named() -> Vec<Mutation> {
    use Edit::*;
    let body_end = |extra: &str| format!("\n\n{extra}\n");
    vec![
        m("unchanged", vec![], &[]),
        m(
            "broken content link",
            vec![Replace(POST_EX, "\n\n", body_end("[lihat](@/berita/tidak-ada.md)") + "\n")],
            &["tidak-ada"],
        ),
        m(
            "missing image in a body",
            vec![Write(
                "content/berita/gambar-hilang.md",
                "---\ntitle: Gambar hilang\ndate: 2023-01-02\n---\nTeks.\n\n![foto](hilang.jpg)\n".into(),
            )],
            &["hilang.jpg"],
        ),
        m(
            "broken template override",
            vec![Write(
                "templates/post.html",
                "{% extends \"base.html\" %}{% block main %}{% if page.title %}x{% endblock main %}".into(),
            )],
            &["templates/post.html"],
        ),
        m(
            "unknown province",
            vec![Replace(POST_EX, "jawa-tengah", "jawa-tengha".into())],
            &["jawa-tengha"],
        ),
        m(
            "invalid YAML in a data file",
            vec![Replace(LIBS_EX, "- id:", "- id: [".into())],
            &["never closed"],
        ),
        m(
            "an image that is not an image",
            vec![
                Write("content/berita/rusak/index.md", "---\ntitle: Rusak\ndate: 2023-01-02\nimage: foto.jpg\nimage_alt: Foto rusak\n---\nTeks.\n".into()),
                Write("content/berita/rusak/foto.jpg", "this is not a JPEG".into()),
            ],
            &["foto.jpg"],
        ),
        m(
            "a data error, a missing image and a broken link in one file",
            vec![Write(
                "content/berita/tiga-masalah.md",
                "---\ntitle: Tiga masalah\ndate: 2023-01-02\nprovinces: [jawa-tengha]\n---\n![x](tidak-ada.png)\n\n[y](@/berita/juga-tidak-ada.md)\n".into(),
            )],
            &["jawa-tengha", "tidak-ada.png", "juga-tidak-ada"],
        ),
        m(
            "a story left out by a data error still has its body checked",
            vec![Write(
                "content/kisah/tertolak.md",
                "---\ntitle: Tertolak\ndate: 2023-01-02\nperson: Ibu Sari\nlibrary: tidak-ada\n---\n![x](hilang.png)\n\n[y](@/berita/juga-hilang.md) [z](javascript:alert(1))\n".into(),
            )],
            &["tidak-ada", "hilang.png", "juga-hilang", "javascript"],
        ),
        m(
            "a very long tag",
            vec![Replace(POST_EX, "tags:\n", format!("tags:\n  - {}\n", "a".repeat(300)))],
            &["tag"],
        ),
        m(
            "undefined value in a template override",
            vec![Write(
                "templates/page.html",
                "{% extends \"base.html\" %}{% block main %}{{ page.tidak_ada.sama_sekali }}{% endblock main %}".into(),
            )],
            &["templates/page.html"],
        ),
    ]
}

/// Mechanical mutations: one line deleted from every source file, at a
/// place that differs from file to file.
fn deleted_lines(root: &Path) -> Vec<Mutation> {
    let mut files = Vec::new();
    for sub in ["content", "data"] {
        collect(&root.join(sub), root, &mut files);
    }
    files.sort();
    files
        .into_iter()
        .enumerate()
        .map(|(i, f)| Mutation {
            name: format!("line {} of {f} deleted", i * 7 + 1),
            edits: vec![Edit::DeleteLine(f, i * 7)],
            expect: None,
        })
        .collect()
}

fn collect(dir: &Path, root: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            collect(&p, root, out);
        } else if p.extension().is_some_and(|x| x == "md" || x == "yaml") {
            out.push(p.strip_prefix(root).unwrap().to_string_lossy().into_owned());
        }
    }
}

fn run_one(mutation: &Mutation) -> Result<(), String> {
    let site = example_copy();
    apply(site.path(), &mutation.edits);
    let check = run_in(site.path(), &["check"]);
    let out = site.path().join("public");
    let build = run_in(site.path(), &["build", "--out", out.to_str().unwrap()]);
    let name = &mutation.name;
    if (check.code == 0) != (build.code == 0) {
        return Err(format!(
            "{name}: check {} but build {}\n{check}\n{build}",
            check.code, build.code
        ));
    }
    if check.diagnostics() != build.diagnostics() {
        return Err(format!(
            "{name}: different diagnostics\n--- check\n{check}\n--- build\n{build}"
        ));
    }
    if build.code != 0 && out.exists() {
        return Err(format!("{name}: a failed build wrote {}", out.display()));
    }
    match &mutation.expect {
        Some(words) if words.is_empty() && check.code != 0 => {
            Err(format!("{name}: expected a valid site\n{check}"))
        }
        Some(words) if !words.is_empty() => {
            if check.code != 1 {
                return Err(format!("{name}: expected errors\n{check}"));
            }
            let missing: Vec<_> = words
                .iter()
                .filter(|w| !check.stderr.contains(*w))
                .collect();
            if missing.is_empty() {
                Ok(())
            } else {
                Err(format!("{name}: not reported: {missing:?}\n{check}"))
            }
        }
        _ => Ok(()),
    }
}

#[test]
fn check_and_build_agree_on_every_mutation() {
    let probe = example_copy();
    let mut all = named();
    all.extend(deleted_lines(probe.path()));
    assert!(all.len() > 40, "{} mutations", all.len());
    // Two at a time: the machine has two cores.
    let failures: Vec<String> = std::thread::scope(|s| {
        let (a, b): (Vec<_>, Vec<_>) = all.iter().enumerate().partition(|(i, _)| i % 2 == 0);
        let run = |part: Vec<(usize, &Mutation)>| {
            part.into_iter()
                .filter_map(|(_, m)| run_one(m).err())
                .collect::<Vec<_>>()
        };
        let h = s.spawn(move || run(a));
        let mut f = run(b);
        f.extend(h.join().unwrap());
        f
    });
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
