//! `warta build` end to end, with the real binary: the example site's
//! contract URLs, escaping of hostile text, determinism, and atomic output.

use crate::support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support::snapshot;

const BIN: &str = env!("CARGO_BIN_EXE_warta");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn build(root: &Path, out: &Path, threads: Option<&str>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(["--messages", "plain", "--root"])
        .arg(root)
        .args(["build", "--out"])
        .arg(out);
    if let Some(n) = threads {
        cmd.env("RAYON_NUM_THREADS", n);
    }
    cmd.output().expect("run warta")
}

fn build_ok(root: &Path, out: &Path) {
    let o = build(root, out, None);
    assert!(
        o.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn read(out: &Path, rel: &str) -> String {
    fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Values of `key: value` lines in YAML files (enough for ids and slugs).
fn yaml_values(files: &[PathBuf], key: &str) -> Vec<String> {
    let mut v = Vec::new();
    for f in files {
        for line in fs::read_to_string(f).unwrap().lines() {
            let t = line.trim_start().trim_start_matches("- ");
            if let Some(val) = t.strip_prefix(&format!("{key}:")) {
                // Top-level fields of list items only, not nested records.
                if line.len() - line.trim_start().len() <= 2 {
                    v.push(val.trim().trim_matches('"').to_string());
                }
            }
        }
    }
    v
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

/// Ids of the library records marked `illustrative: true`.
fn illustrative_ids(dir: &Path) -> Vec<String> {
    let mut ids = Vec::new();
    for f in yaml_files(dir) {
        let text = fs::read_to_string(f).unwrap();
        for record in text.split("\n- ").skip(1) {
            if record.contains("\n  illustrative: true") {
                let id = record
                    .lines()
                    .next()
                    .unwrap()
                    .trim_start_matches("id:")
                    .trim();
                ids.push(id.to_string());
            }
        }
    }
    ids
}

fn copy_site(to: &Path) {
    for top in ["data", "content", "static"] {
        let from = Path::new(ROOT).join(top);
        for e in walkdir::WalkDir::new(&from) {
            let e = e.unwrap();
            let dest = to.join(top).join(e.path().strip_prefix(&from).unwrap());
            if e.file_type().is_dir() {
                fs::create_dir_all(&dest).unwrap();
            } else {
                fs::copy(e.path(), &dest).unwrap();
            }
        }
    }
}

#[test]
fn example_site_has_every_contract_url() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_ok(Path::new(ROOT), &out);
    let root = Path::new(ROOT);

    for page in [
        "index.html",
        "berita/index.html",
        "kisah/index.html",
        "plm/index.html",
        "provinsi/index.html",
        "penghargaan/index.html",
        "cari/index.html",
        "404.html",
        "atom.xml",
        "sitemap.xml",
        "robots.txt",
        "tentang/index.html",
    ] {
        assert!(out.join(page).is_file(), "missing {page}");
    }
    let home = read(&out, "index.html");
    assert!(home.contains("<html lang=\"id\">") && home.contains("href=\"#main\""));
    assert!(
        home.contains("cahyadsn/wilayah (MIT)") && home.contains("denyherianto, CC BY 4.0, diubah")
    );

    let provinces = yaml_values(&[root.join("data/provinces.yaml")], "slug");
    assert_eq!(provinces.len(), 38);
    for slug in &provinces {
        let html = read(&out, &format!("provinsi/{slug}/index.html"));
        assert_eq!(html.matches("<h1").count(), 1, "{slug}: one h1");
        assert!(out.join(format!("provinsi/{slug}/atom.xml")).is_file());
    }
    let jateng = read(&out, "provinsi/jawa-tengah/index.html");
    assert!(
        jateng.contains("Kota Semarang") && jateng.contains("/perpustakaan/perpusdes-loram-wetan/")
    );

    let libraries = yaml_values(&yaml_files(&root.join("data/libraries")), "id");
    assert!(libraries.len() >= 20, "{libraries:?}");
    for id in &libraries {
        let html = read(&out, &format!("perpustakaan/{id}/index.html"));
        let illustrative = illustrative_ids(&root.join("data/libraries")).contains(id);
        assert_eq!(
            html.contains("\"@type\":\"Library\""),
            !illustrative,
            "{id}: JSON-LD only for records from public sources"
        );
    }
    let example = read(&out, "perpustakaan/contoh-perpustakaan-desa/index.html");
    assert!(example.contains("Ilustrasi"), "illustrative records say so");
    assert!(example.contains("Riwayat KPI") && example.contains("<table>"));

    let years = yaml_values(&[root.join("data/awards.yaml")], "year");
    assert!(!years.is_empty());
    for y in &years {
        let html = read(&out, &format!("penghargaan/{y}/index.html"));
        assert!(html.contains("Ilustrasi"));
    }

    let posts: Vec<String> = yaml_files(&root.join("content/berita"))
        .iter()
        .filter(|p| {
            !fs::read_to_string(p.join("index.md"))
                .or_else(|_| fs::read_to_string(p))
                .unwrap()
                .contains("draft: true")
        })
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    for slug in &posts {
        let html = read(&out, &format!("berita/{slug}/index.html"));
        assert!(html.contains("\"@type\":\"NewsArticle\""), "{slug}");
        assert!(html.contains("<link rel=\"canonical\" href=\"https://"));
        assert!(html.contains("og:title"));
    }
    let per_page: usize = yaml_values(&[root.join("data/site.yaml")], "per_page")[0]
        .parse()
        .unwrap();
    assert_eq!(
        out.join("berita/page/2/index.html").is_file(),
        posts.len() > per_page
    );
    assert!(
        !out.join("berita/contoh-draf-berita").exists(),
        "drafts are not published"
    );

    let plm = read(&out, "plm/plm-jawa-tengah-2022/index.html");
    assert!(plm.contains("Penghargaan") && plm.contains("2–3 Agustus 2022"));
    assert!(fs::read_dir(out.join("tag")).unwrap().count() > 0);
    assert!(read(&out, "tag/plm/index.html").contains("/berita/"));
    let search = read(&out, "cari/index.html");
    assert!(
        search.contains("<form")
            && search.contains("method=\"get\"")
            && search.contains("<label for=\"q\">")
    );

    // The sitemap lists every page (redirects of old library ids and pages
    // kept out of search engines, like library posters, excepted).
    let sitemap = read(&out, "sitemap.xml");
    roxmltree::Document::parse(&sitemap).expect("sitemap is XML");
    for (rel, bytes) in snapshot(&out) {
        let html = String::from_utf8_lossy(&bytes);
        if rel.ends_with("index.html")
            && !html.contains("http-equiv=\"refresh\"")
            && !html.contains("<meta name=\"robots\" content=\"noindex\">")
        {
            let url = format!(
                "https://tpbis-warta.netlify.app/{}",
                rel.trim_end_matches("index.html")
            );
            assert!(
                sitemap.contains(&format!("<loc>{url}</loc>")),
                "sitemap lacks {url}"
            );
        }
    }
    for feed in ["atom.xml", "provinsi/jawa-timur/atom.xml"] {
        let text = read(&out, feed);
        let doc = roxmltree::Document::parse(&text).expect("feed is XML");
        assert_eq!(doc.root_element().tag_name().name(), "feed");
    }
    assert!(
        read(&out, "robots.txt").contains("Sitemap: https://tpbis-warta.netlify.app/sitemap.xml")
    );
    // Budget: a news post page with its stylesheet stays under 30 KB.
    let css: u64 = fs::read_dir(&out)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".css"))
        .map(|e| e.metadata().unwrap().len())
        .sum();
    for slug in &posts {
        let size = fs::metadata(out.join(format!("berita/{slug}/index.html")))
            .unwrap()
            .len();
        assert!(size + css <= 30 * 1024, "{slug}: {size} + {css} bytes");
    }

    // Illustrative records say so on the page, and are never given to
    // search engines as structured data; real ones are.
    let made_up = read(&out, "perpustakaan/contoh-perpustakaan-desa/index.html");
    assert!(made_up.contains("Ilustrasi"), "illustrative notice missing");
    assert!(!made_up.contains("application/ld+json"));
    let real = read(
        &out,
        "perpustakaan/perpusdes-sumber-ilmu-labruk-kidul/index.html",
    );
    assert!(real.contains("application/ld+json"));
    assert!(real.contains("\"@type\":\"Library\""), "Library JSON-LD");
}

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "\"><img src=x onerror=alert(1)>";

/// A tiny site whose every text field holds markup (tags and themes
/// cannot: they must be slugs).
const PNG_1X1: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x64, 0x60, 0xf8, 0x5f,
    0x0f, 0x00, 0x02, 0x87, 0x01, 0x80, 0xeb, 0x47, 0xba, 0x92, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

fn hostile_site(dir: &Path) {
    let evil = format!("{SCRIPT}{IMG}");
    let q = |s: &str| serde_json::to_string(s).unwrap();
    let e = q(&evil);
    let files: Vec<(&str, String)> = vec![
        ("data/site.yaml", format!("title: {e}\nbase_url: https://example.org\ndescription: {e}\nauthor: {e}\nmenu:\n  - name: {e}\n    url: /\n")),
        ("data/provinces.yaml", format!("- code: \"33\"\n  slug: jawa-tengah\n  name: {e}\n")),
        ("data/regencies.yaml", "- code: \"33.19\"\n  province: \"33\"\n  name: Kudus\n  kind: kabupaten\n".into()),
        ("data/libraries/a.yaml", format!(
            "- id: perpus-a\n  name: {e}\n  level: desa\n  province: jawa-tengah\n  regency: Kabupaten Kudus\n  village: {e}\n  address: {e}\n  summary: {e}\n  photo: /img/a.png\n  photo_alt: {e}\n  illustrative: true\n  kpi:\n    - period: {e}\n      category: tinggi\n")),
        ("data/awards.yaml", format!("- year: 2022\n  province: jawa-tengah\n  category: terbaik\n  rank: 1\n  library: perpus-a\n  note: {e}\n")),
        ("content/berita/b.md", format!(
            "---\ntitle: {e}\ndate: 2022-08-02\nauthor: {e}\nlibraries: [perpus-a]\ntags: [plm]\nimage: /img/a.png\nimage_alt: {e}\nsummary: {e}\n---\n\nTeks {evil}\n\n[tautan](https://x.org/\"><script>)\n")),
        ("content/kisah/k.md", format!(
            "---\ntitle: {e}\ndate: 2022-08-02\nperson: {e}\nlibrary: perpus-a\nquote: {e}\nthemes: [keterampilan]\nsummary: {e}\n---\n\n{evil}\n")),
        ("content/tentang.md", format!("---\ntitle: {e}\nsummary: {e}\n---\n\n<b>tebal</b> {evil}\n")),
    ];
    for (rel, text) in files {
        let p = dir.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
    fs::create_dir_all(dir.join("static/img")).unwrap();
    // A real (1×1) PNG: the image pipeline refuses files that are not images.
    fs::write(dir.join("static/img/a.png"), PNG_1X1).unwrap();
}

#[test]
fn no_text_can_inject_markup() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    hostile_site(&site);
    let out = tmp.path().join("public");
    build_ok(&site, &out);
    let files = snapshot(&out);
    assert!(files.contains_key("perpustakaan/perpus-a/index.html"));
    for (rel, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("<script>alert"),
            "{rel} holds an unescaped script"
        );
        assert!(!text.contains("<img src=x"), "{rel} holds an unescaped img");
        assert!(
            !text.contains("<b>tebal"),
            "{rel}: raw HTML passes though allow_html is off"
        );
    }
    let post = String::from_utf8_lossy(&files["berita/b/index.html"]).into_owned();
    assert!(
        post.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the text is shown, escaped"
    );
}

#[test]
fn output_is_the_same_at_any_thread_count() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert!(build(Path::new(ROOT), &a, Some("1")).status.success());
    assert!(build(Path::new(ROOT), &b, Some("4")).status.success());
    let (sa, sb) = (snapshot(&a), snapshot(&b));
    assert_eq!(sa.keys().collect::<Vec<_>>(), sb.keys().collect::<Vec<_>>());
    for (k, v) in &sa {
        assert!(v == &sb[k], "{k} differs between 1 and 4 threads");
    }
}

#[test]
fn failed_build_leaves_previous_output_untouched_and_stale_files_go() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&site);
    let out = tmp.path().join("public");
    build_ok(&site, &out);

    // A stale file from an earlier build does not survive a new one.
    fs::write(out.join("stale.html"), "old").unwrap();
    build_ok(&site, &out);
    assert!(!out.join("stale.html").exists());
    let before = snapshot(&out);

    let post = site.join("content/berita/plm-jawa-tengah-2022-semarang.md");
    let text = fs::read_to_string(&post).unwrap();
    fs::write(
        &post,
        text.replace("- perpusdes-loram-wetan", "- perpusdes-loram-wetann"),
    )
    .unwrap();
    let o = build(&site, &out, None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        snapshot(&out),
        before,
        "the previous output is byte-identical"
    );
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "no temporary folder is left: {leftovers:?}"
    );
}

#[test]
fn broken_internal_link_fails_with_file_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&site);
    let post = site.join("content/berita/plm-jawa-tengah-2022-semarang.md");
    let mut text = fs::read_to_string(&post).unwrap();
    text.push_str("\nLihat [laporan](@/berita/tidak-ada.md).\n");
    let line = text.lines().count();
    fs::write(&post, &text).unwrap();
    let out = tmp.path().join("public");
    let o = build(&site, &out, None);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    let at = format!("content/berita/plm-jawa-tengah-2022-semarang.md:{line}:");
    assert!(err.contains(&at), "expected {at} in:\n{err}");
    assert!(err.contains("@/berita/tidak-ada.md"));
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn english_site_uses_english_strings_and_dates() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&site);
    let cfg = site.join("data/site.yaml");
    let text = fs::read_to_string(&cfg)
        .unwrap()
        .replace("language: id", "language: en");
    fs::write(&cfg, text).unwrap();
    let out = tmp.path().join("public");
    build_ok(&site, &out);
    let post = read(&out, "berita/plm-jawa-tengah-2022-semarang/index.html");
    assert!(
        post.contains("<html lang=\"en\">")
            && post.contains("4 August 2022")
            && post.contains("Skip to content")
    );
}

#[test]
fn drafts_published_with_drafts_are_marked_and_kept_out_of_search_engines() {
    // The example site has one draft post; deploy previews build with
    // `--drafts` so officers can review it.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let o = Command::new(BIN)
        .args([
            "--messages",
            "plain",
            "--root",
            ROOT,
            "build",
            "--drafts",
            "--out",
        ])
        .arg(&out)
        .output()
        .expect("run warta");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let draft = read(&out, "berita/contoh-draf-berita/index.html");
    assert!(
        draft.contains(r#"<p class="notice notice-draft" role="note"><strong>Draf:</strong>"#),
        "{draft}"
    );
    assert!(draft.contains(r#"<meta name="robots" content="noindex">"#));
    let sitemap = read(&out, "sitemap.xml");
    assert!(
        !sitemap.contains("contoh-draf-berita"),
        "drafts stay out of the sitemap"
    );
    // Its card in the lists says so too.
    let list = read(&out, "berita/index.html");
    let card = list
        .split("<article class=\"card\">")
        .find(|c| c.contains("/berita/contoh-draf-berita/"))
        .expect("the draft is listed");
    assert!(
        card.contains(r#"<span class="badge">Draf</span>"#),
        "{card}"
    );
    assert_eq!(
        list.matches(r#"<span class="badge">Draf</span>"#).count(),
        1
    );
    // A published post says nothing of drafts.
    let post = read(&out, "berita/plm-jawa-tengah-2022-semarang/index.html");
    assert!(!post.contains("notice-draft") && !post.contains("noindex"));
}
