//! `warta build --out` never replaces what warta did not make: the site's
//! sources, the site itself, a file, or a folder of someone else's files.

use crate::support;

use support::*;

/// Every file under `dir` with its bytes, for "nothing changed" checks.
#[test]
fn refuses_every_folder_that_is_not_warta_output_and_changes_nothing() {
    let site = TestSite::minimal();
    site.write("notes.txt", "mine");
    site.write("mine/keep.txt", "mine too");
    let before = snapshot(site.root());
    let root = site.root().display().to_string();
    // `--out` is relative to the working folder, as for every command line
    // tool: the paths here are the site's.
    for (out, words) in [
        ("content", "inside the site's `content` folder"),
        ("data", "inside the site's `data` folder"),
        ("static", "inside the site's `static` folder"),
        ("content/berita/baru", "inside the site's `content` folder"),
        (".", "the site's own folder"),
        ("content/..", "the site's own folder"),
        ("..", "holds the site's own files"),
        ("notes.txt", "existing file"),
        ("mine", "not made by warta"),
        (".git", "inside the site's `.git` folder"),
    ] {
        let out = format!("{root}/{out}");
        let run = site.run(&["build", "--out", &out]);
        assert_eq!(run.code, 2, "--out {out}\n{run}");
        assert!(run.stderr.contains(words), "--out {out}: {words}\n{run}");
        assert!(run.stderr.contains("help: "), "{run}");
    }
    assert_eq!(snapshot(site.root()), before, "nothing was touched");
}

#[test]
fn own_output_is_replaced_and_leaves_no_hidden_folders() {
    let site = TestSite::minimal();
    let out = site.path("keluaran");
    let out_s = out.to_str().unwrap();
    site.run(&["build", "--out", out_s]).assert_ok();
    assert!(out.join(".warta-output").is_file());
    site.edit(POST, "title:", "title: Diubah —");
    site.run(&["build", "--out", out_s]).assert_ok();
    let hidden: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".keluaran"))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
    // An empty folder is fine too.
    std::fs::create_dir_all(site.path("kosong")).unwrap();
    site.run(&["build", "--out", site.path("kosong").to_str().unwrap()])
        .assert_ok();
}

#[test]
fn a_failed_build_leaves_the_output_and_no_hidden_folder() {
    let site = TestSite::minimal();
    let out = site.path("public");
    site.run(&["build", "--out", out.to_str().unwrap()])
        .assert_ok();
    let before = snapshot(&out);
    site.edit(POST, "jawa-tengah", "jawa-tengha");
    let run = site.run(&["build", "--out", out.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{run}");
    assert_eq!(snapshot(&out), before);
    let hidden = std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".public"))
        .count();
    assert_eq!(hidden, 0);
}
