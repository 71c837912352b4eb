//! `warta new` end to end: the file it writes, and what `warta check` then
//! says about it.

use crate::support;

use support::*;
use warta::model::Date;

const NEW_POST: &str = "content/berita/judul-berita.md";

/// Runs `warta new berita "Judul Berita"`, checking that the date written
/// is today's (taken before and after, in case the run crosses midnight).
fn new_post(site: &TestSite) -> Output {
    let before = Date::today();
    let out = site.run(&["new", "berita", "Judul Berita"]);
    let after = Date::today();
    out.assert_ok();
    assert!(out.stdout.contains(&format!("created {NEW_POST}")), "{out}");
    let text = site.read(NEW_POST);
    assert!(
        text.contains(&format!("\ndate: {before}\n"))
            || text.contains(&format!("\ndate: {after}\n")),
        "not dated today ({before}):\n{text}"
    );
    out
}

#[test]
fn new_post_has_its_front_matter_filled_in() {
    let site = TestSite::minimal();
    new_post(&site);
    let text = site.read(NEW_POST);
    assert!(
        text.starts_with("---\ntitle: \"Judul Berita\"\ndate: "),
        "{text}"
    );
    assert!(text.contains("\ndraft: true\n---\n"), "{text}");
}

#[test]
fn check_skips_the_new_draft() {
    let site = TestSite::minimal();
    new_post(&site);
    let out = site.check(&[]);
    out.assert_ok();
    assert!(out.stderr.is_empty(), "{out}");
    // Only the minimal site's own post is published.
    assert!(out.stdout.contains(", 1 news posts,"), "{out}");
}

#[test]
fn check_with_drafts_publishes_the_new_post() {
    let site = TestSite::minimal();
    new_post(&site);
    let out = site.check(&["--drafts"]);
    // Whatever is said about its empty fields, nothing else is wrong with it.
    assert_eq!(out.error_count(), 0, "{out}");
    assert!(out.stdout.contains(", 2 news posts,"), "{out}");
}

#[test]
fn check_with_drafts_treats_empty_fields_as_absent() {
    // `warta new` leaves `author: ""` and `summary: ""` for the officer to
    // fill in; left empty they count as absent, never as an empty byline.
    let site = TestSite::minimal();
    new_post(&site);
    let out = site.check(&["--drafts"]);
    assert_eq!(out.error_count(), 0, "{out}");
    assert!(!out.stderr.contains("author"), "{out}");
    assert!(!out.stderr.contains("summary"), "{out}");
}

#[test]
fn second_new_with_the_same_title_changes_nothing() {
    let site = TestSite::minimal();
    new_post(&site);
    // The officer has started writing.
    let edited = site
        .read(NEW_POST)
        .replace("Tulis isi di sini.", "Isi yang sudah ditulis.");
    site.write(NEW_POST, &edited);
    let out = site.run(&["new", "berita", "Judul Berita"]);
    assert_eq!(out.code, 1, "{out}");
    assert!(
        out.stderr.contains(&format!("{NEW_POST} already exists")),
        "{out}"
    );
    assert_eq!(site.read(NEW_POST), edited);
    // The same slug from a differently written title is refused too.
    let out = site.run(&["new", "berita", "judul   BERITA!"]);
    assert_eq!(out.code, 1, "{out}");
    assert_eq!(site.read(NEW_POST), edited);
}

#[test]
fn titles_with_quotes_and_colons_stay_valid_yaml() {
    let site = TestSite::minimal();
    let out = site.run(&["new", "berita", "PLM: \"Hebat\" #1 di Kudus"]);
    out.assert_ok();
    let text = site.read("content/berita/plm-hebat-1-di-kudus.md");
    assert!(
        text.contains("title: \"PLM: \\\"Hebat\\\" #1 di Kudus\"\n"),
        "{text}"
    );
    site.check(&[]).assert_ok();
    assert_eq!(site.check(&["--drafts"]).error_count(), 0);
}

#[test]
fn new_story_needs_its_library_when_published() {
    let site = TestSite::minimal();
    site.run(&["new", "kisah", "Kisah Baru"]).assert_ok();
    site.check(&["--drafts"]).assert_only_error(
        "content/kisah/kisah-baru.md:7:10",
        &["`library` is empty", "write the library"],
    );
}

#[test]
fn check_skips_a_new_story_draft() {
    let site = TestSite::minimal();
    site.run(&["new", "kisah", "Kisah Baru"]).assert_ok();
    site.check(&[]).assert_ok();
}

#[test]
fn new_event_and_page() {
    let site = TestSite::minimal();
    site.run(&["new", "plm", "PLM Baru 2026"]).assert_ok();
    assert!(site
        .read("content/plm/plm-baru-2026.md")
        .contains("level: provinsi\n"));
    site.run(&["new", "halaman", "Kontak Kami"]).assert_ok();
    assert!(site.path("content/kontak-kami.md").is_file());
    let out = site.check(&[]);
    out.assert_ok();
    // The event is a draft; the page is published at once.
    assert!(out.stdout.contains(", 1 events, 2 pages,"), "{out}");
}

#[test]
fn new_refuses_what_it_cannot_do() {
    let site = TestSite::minimal();
    let out = site.run(&["new", "berita", "!!!"]);
    assert_eq!(out.code, 1, "{out}");
    assert!(out.stderr.contains("cannot make a file name"), "{out}");

    let out = site.run(&["new", "artikel", "Judul"]);
    assert_eq!(out.code, 2, "{out}");
    assert!(out.stderr.contains("berita"), "{out}");

    let empty = tempfile::tempdir().unwrap();
    let out = run_in(empty.path(), &["new", "berita", "Judul"]);
    assert_eq!(out.code, 1, "{out}");
    assert!(out.stderr.contains("has no content/ folder"), "{out}");
    assert!(
        std::fs::read_dir(empty.path()).unwrap().next().is_none(),
        "nothing written"
    );
}
