//! The engine of `warta serve` rebuilding part of a site: after each kind
//! of edit, what it serves must be byte for byte what a full build makes
//! (`assert_served_as_built`), the patched site must equal a full resolve (verify
//! mode, `Outcome::mismatches`), and an edit that breaks the site must be
//! reported exactly, with the last good site kept.

use crate::served;

use served::{assert_served_as_built, set_line};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use warta::serve::engine::{Engine, Outcome};

/// Messages in English: these tests assert English words.
fn en() -> warta::diag::Catalog {
    warta::diag::Catalog::new(warta::diag::Lang::En)
}

fn first_file(dir: &Path) -> PathBuf {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    v.sort();
    v.remove(v.len() / 2)
}

/// One rebuild after `changed`: it succeeds, takes the patch when
/// `patched` says so (`None`: either is right), matches a full build.
fn step(
    engine: &mut Engine,
    root: &Path,
    what: &str,
    changed: &Path,
    patched: Option<bool>,
) -> Outcome {
    let o = engine.rebuild(&[changed.to_path_buf()]);
    assert!(o.ok, "{what}: {:?}", o.views(&en()));
    if let Some(p) = patched {
        assert_eq!(
            o.patched, p,
            "{what}: full check because {:?}",
            o.full_check
        );
        if p {
            assert!(o.full.is_none(), "{what}: patched but rendered everything");
        }
    }
    assert!(o.mismatches.is_empty(), "{what}: {:?}", o.mismatches);
    assert_served_as_built(engine, root, what);
    o
}

fn synth_site(root: &Path) {
    warta::synth::write(
        root,
        &warta::synth::SynthOptions {
            libraries: 60,
            posts: 90,
            stories: 20,
            seed: 11,
        },
    )
    .unwrap();
}

fn engine(root: &Path, drafts: bool) -> Engine {
    let mut engine = Engine::new(
        root,
        warta::site::ResolveOptions {
            include_drafts: drafts,
            ..Default::default()
        },
    );
    engine.verify = true;
    let o = engine.build();
    assert!(o.ok, "{:?}", o.views(&en()));
    assert_served_as_built(&engine, root, "first build");
    engine
}

#[test]
fn partial_rebuilds_match_full_builds() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    synth_site(root);
    let mut engine = engine(root, false);
    let e = &mut engine;

    let post = first_file(&root.join("content/berita"));
    let story = first_file(&root.join("content/kisah"));

    set_line(&post, "title:", "title: \"Judul Baru <b>tebal</b>\"");
    step(e, root, "post title", &post, Some(true));
    let text = std::fs::read_to_string(&post).unwrap()
        + "\nParagraf tambahan dengan [tautan](@/tentang.md).\n";
    std::fs::write(&post, text).unwrap();
    let o = step(e, root, "post body", &post, Some(true));
    assert!(
        o.pages <= 4,
        "a body edit renders the post, home, its news page: {}",
        o.pages
    );
    set_line(&post, "tags:", "tags: [\"pendidikan\", \"umkm\"]");
    step(e, root, "post tags", &post, None);
    set_line(&post, "tags:", "tags: [\"pendidikan\"]");
    step(e, root, "a tag removed", &post, None);
    set_line(&post, "summary:", "summary: \"Ringkasan baru\"");
    step(e, root, "post summary", &post, Some(true));
    // Another library (of another province): its pages and both provinces.
    let other = std::fs::read_to_string(first_file(&root.join("content/kisah")))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("library: ").map(str::to_string))
        .unwrap();
    let text = std::fs::read_to_string(&post).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("libraries:"))
        .unwrap();
    lines[at + 1] = format!("  - {other}");
    std::fs::write(&post, lines.join("\n") + "\n").unwrap();
    step(e, root, "post library", &post, Some(true));
    set_line(&post, "date:", "date: 2030-01-01");
    let o = step(e, root, "post date (reorders)", &post, Some(false));
    assert!(o.full.is_some());
    set_line(&post, "date:", "date: 2030-01-02");
    step(e, root, "post date (same place)", &post, Some(true));

    // A draft leaves the site; its edits change nothing published.
    let text = std::fs::read_to_string(&post).unwrap();
    std::fs::write(&post, text.replacen("---\n", "---\ndraft: true\n", 1)).unwrap();
    step(e, root, "post drafted", &post, Some(false));
    set_line(&post, "title:", "title: Masih Draf");
    let o = step(e, root, "draft edited", &post, Some(true));
    assert_eq!(o.changed, 0, "a draft's edit changes nothing published");
    std::fs::write(&post, &text).unwrap();
    step(e, root, "published again", &post, Some(false));

    set_line(&story, "title:", "title: \"Kisah yang Disunting\"");
    step(e, root, "story title", &story, Some(true));
    set_line(&story, "quote:", "quote: \"Kutipan baru\"");
    step(e, root, "story quote", &story, Some(true));
    let text = std::fs::read_to_string(&story).unwrap() + "\nSatu paragraf lagi.\n";
    std::fs::write(&story, text).unwrap();
    let o = step(e, root, "story body", &story, Some(true));
    assert!(
        o.pages <= 3,
        "a body edit renders the story, the home page: {}",
        o.pages
    );
    set_line(&story, "library:", &format!("library: {other}"));
    step(e, root, "story library", &story, Some(true));

    let page = root.join("content/tentang.md");
    let text = std::fs::read_to_string(&page).unwrap() + "\nTambahan.\n";
    std::fs::write(&page, text).unwrap();
    step(e, root, "page", &page, None);

    let new_post = root.join("content/berita/berita-baru-sekali.md");
    std::fs::write(
        &new_post,
        "---\ntitle: Berita Baru\ndate: 2031-02-03\nprovinces: [aceh]\n---\n\nIsi.\n",
    )
    .unwrap();
    let o = step(e, root, "new post", &new_post, Some(false));
    assert!(
        o.full.is_none(),
        "a new post renders the pages that move: {:?}",
        o.full
    );
    // One in the middle of the date order too.
    let mid = root.join("content/berita/berita-di-tengah.md");
    let date = std::fs::read_to_string(first_file(&root.join("content/berita")))
        .unwrap()
        .lines()
        .find(|l| l.starts_with("date:"))
        .unwrap()
        .to_string();
    std::fs::write(
        &mid,
        format!(
            "---\ntitle: Di Tengah\n{date}\nprovinces: [aceh]\ntags: [literasi]\n---\n\nIsi.\n"
        ),
    )
    .unwrap();
    let o = step(e, root, "new post in the middle", &mid, Some(false));
    assert!(
        o.full.is_none() || o.full.as_deref() == Some("the set of tags changed"),
        "{:?}",
        o.full
    );

    // A broken edit keeps the last good site; the fix brings the new one.
    let before: HashMap<String, bytes::Bytes> = e.served().read().unwrap().files.clone();
    set_line(&new_post, "date:", "date: 2031-02-30");
    let o = e.rebuild(std::slice::from_ref(&new_post));
    assert!(!o.ok && !o.patched);
    let report = e
        .served()
        .read()
        .unwrap()
        .errors
        .clone()
        .expect("errors kept");
    let d = &report.items[0];
    assert_eq!(
        d.location.as_deref(),
        Some("content/berita/berita-baru-sekali.md:3:7"),
        "{d:?}"
    );
    // What the overlay shows speaks the site's language (Indonesian).
    assert_eq!(d.code, "invalid-date", "{d:?}");
    assert!(
        d.message.contains("tidak punya tanggal 30") && d.help.is_some(),
        "{d:?}"
    );
    assert!(e.served().read().unwrap().files == before);
    set_line(&new_post, "date:", "date: 2031-02-28");
    step(e, root, "fixed", &new_post, None);
    assert!(e.served().read().unwrap().errors.is_none());

    std::fs::remove_file(&new_post).unwrap();
    step(e, root, "removed post", &new_post, Some(false));

    // Assets: a new static file, then a changed one.
    let img = root.join("static/images/baru.png");
    std::fs::write(&img, b"not really a png").unwrap();
    step(e, root, "new asset", &img, None);
    std::fs::write(&img, b"still not a png").unwrap();
    step(e, root, "changed asset", &img, Some(true));

    // A template override: everything.
    let tpl = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/404.html");
    let text = std::fs::read_to_string(tpl)
        .unwrap()
        .replace("</", "<!-- ditimpa --></");
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(root.join("templates/404.html"), text).unwrap();
    let o = step(
        e,
        root,
        "template",
        &root.join("templates/404.html"),
        Some(false),
    );
    assert!(o.full.is_some());
    assert!(e
        .get("404.html")
        .is_some_and(|b| String::from_utf8_lossy(&b).contains("ditimpa")));

    // As `warta serve` runs it: the search index after the pages.
    e.defer_search = true;
    set_line(&post, "title:", "title: \"Sekali Lagi\"");
    let o = e.rebuild(std::slice::from_ref(&post));
    assert!(o.ok && o.patched && o.full.is_none(), "{:?}", o.full_check);
    assert!(e.finish_search().is_some());
    assert_served_as_built(e, root, "deferred search index");
    // As the server loop runs it: on its own thread, published when done;
    // an index of a site that changed meanwhile is dropped.
    set_line(&post, "title:", "title: \"Dua Kali\"");
    assert!(e.rebuild(std::slice::from_ref(&post)).ok);
    e.start_search();
    assert!(e.searching());
    set_line(&post, "title:", "title: \"Tiga Kali\"");
    assert!(e.rebuild(std::slice::from_ref(&post)).ok);
    let t = std::time::Instant::now();
    while e.searching() && e.poll_search().is_none() && e.searching() {
        assert!(t.elapsed().as_secs() < 60, "the search index never came");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    // The first index was of the older site: the due one is built now.
    e.start_search();
    while e.poll_search().is_none() {
        assert!(t.elapsed().as_secs() < 60, "the search index never came");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_served_as_built(e, root, "search index on its own thread");
    e.defer_search = false;

    // Settings: everything.
    let yaml = root.join("data/site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let text = text.replacen("title:", "title: \"Judul Situs Baru\"\n#", 1);
    std::fs::write(&yaml, text).unwrap();
    step(e, root, "settings", &yaml, Some(false));
}

/// Every error an edit of a post can cause is found by the patch, with its
/// place and help, as `warta check` reports it; the served site does not
/// change until the edit is fixed, and the fix is patched in.
#[test]
fn broken_post_edits_are_reported_by_the_patch() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    synth_site(root);
    let mut engine = engine(root, false);
    let post = first_file(&root.join("content/berita"));
    let rel = post
        .strip_prefix(root)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/");
    let good = std::fs::read_to_string(&post).unwrap();
    let served: HashMap<String, bytes::Bytes> = engine.served().read().unwrap().files.clone();

    let broken = |engine: &mut Engine, text: String| -> Vec<warta::serve::engine::DiagView> {
        std::fs::write(&post, text).unwrap();
        let o = engine.rebuild(std::slice::from_ref(&post));
        assert!(!o.ok, "the edit should fail");
        assert!(
            engine.served().read().unwrap().files == served,
            "the last good site stays"
        );
        // A full check of the same files finds the same errors.
        let checked = warta::pipeline::check(root, warta::site::ResolveOptions::default());
        let want: Vec<String> = checked
            .diags
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.message.en())
            .collect();
        let got: Vec<String> = o
            .views(&en())
            .into_iter()
            .filter(|d| d.severity == "error")
            .map(|d| d.message)
            .collect();
        assert_eq!(got, want);
        o.views(&en())
    };
    // YAML that does not parse.
    let v = broken(&mut engine, good.replacen("title:", "title: [", 1));
    assert!(
        v[0].location
            .as_deref()
            .unwrap()
            .starts_with(&format!("{rel}:")),
        "{v:?}"
    );
    // An unknown library, with the nearest known one.
    let lib = good
        .lines()
        .skip_while(|l| !l.starts_with("libraries:"))
        .nth(1)
        .unwrap()
        .trim_start_matches("  - ")
        .to_string();
    let typo = format!("{}x", lib);
    let v = broken(
        &mut engine,
        good.replacen(&format!("  - {lib}"), &format!("  - {typo}"), 1),
    );
    assert_eq!(v[0].message, format!("unknown library `{typo}`"));
    assert_eq!(
        v[0].help.as_deref(),
        Some(format!("did you mean `{lib}`?").as_str())
    );
    // An unknown field and a bad date, reported together.
    let v = broken(&mut engine, good.replacen("title:", "judul: x\ntitle:", 1));
    assert!(
        v.iter().any(|d| d.message == "unknown field `judul`"),
        "{v:?}"
    );
    let date = good.lines().find(|l| l.starts_with("date:")).unwrap();
    let v = broken(&mut engine, good.replacen(date, "date: 2022-13-01", 1));
    assert!(v[0].message.contains("month 13"), "{v:?}");

    std::fs::write(&post, good.replacen("title:", "title: Diperbaiki\n#", 1)).unwrap();
    let o = step(&mut engine, root, "fixed", &post, Some(true));
    assert!(o.ok);
    assert!(engine.served().read().unwrap().errors.is_none());
}

/// `--drafts`: drafts are published (marked by the theme), and editing one
/// is patched like any post.
#[test]
fn drafts_are_served_with_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    synth_site(root);
    let draft = root.join("content/berita/draf-uji.md");
    std::fs::write(
        &draft,
        "---\ntitle: Berita Draf\ndate: 2020-01-01\nprovinces: [aceh]\ndraft: true\n---\n\nBelum terbit.\n",
    )
    .unwrap();
    let plain = engine(root, false);
    assert!(plain.get("berita/draf-uji/index.html").is_none());
    let mut drafts = engine(root, true);
    let html = drafts
        .get("berita/draf-uji/index.html")
        .expect("the draft is served");
    let text = String::from_utf8_lossy(&html);
    assert!(text.contains("Berita Draf"));
    assert!(text.contains("notice-draft"), "the theme marks the draft");
    set_line(&draft, "title:", "title: Draf Disunting");
    let o = drafts.rebuild(std::slice::from_ref(&draft));
    assert!(o.ok && o.patched, "{:?}", o.full_check);
    assert!(o.mismatches.is_empty(), "{:?}", o.mismatches);
    let html = drafts.get("berita/draf-uji/index.html").unwrap();
    assert!(String::from_utf8_lossy(&html).contains("Draf Disunting"));
    assert_served_as_built(&drafts, root, "draft edited");

    // A published post made a draft stays served but leaves the sitemap;
    // published again, it comes back. Both are patched.
    let post = first_file(&root.join("content/berita"));
    let text = std::fs::read_to_string(&post).unwrap();
    let url = format!("/berita/{}/", post.file_stem().unwrap().to_string_lossy());
    let in_sitemap = |e: &Engine| {
        let xml = e.get("sitemap.xml").expect("a sitemap");
        String::from_utf8_lossy(&xml).contains(&format!("{url}</loc>"))
    };
    assert!(in_sitemap(&drafts), "{url} in the sitemap");
    std::fs::write(&post, text.replacen("---\n", "---\ndraft: true\n", 1)).unwrap();
    step(
        &mut drafts,
        root,
        "post drafted (--drafts)",
        &post,
        Some(true),
    );
    assert!(!in_sitemap(&drafts), "a draft leaves the sitemap");
    std::fs::write(&post, &text).unwrap();
    step(
        &mut drafts,
        root,
        "published again (--drafts)",
        &post,
        Some(true),
    );
    assert!(in_sitemap(&drafts), "published again, back in the sitemap");
}
