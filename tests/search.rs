//! The search index end to end, in Rust: a real site is checked, indexed by
//! `warta::search::build`, and queried through `warta::search::reader`,
//! which follows the same steps as the browser client.

mod support;

use support::TestSite;
use warta::search::{self, reader::Filters, reader::Reader};
use warta::site::ResolveOptions;

fn site_with_posts() -> TestSite {
    let s = TestSite::minimal();
    s.write(
        "content/berita/membaca-bersama.md",
        "---\ntitle: Membaca Bersama di Kudus\ndate: 2024-05-01\nprovinces: [jawa-tengah]\n---\n\nWarga datang setiap sore.\n",
    );
    s.write(
        "content/berita/pojok-bacaan-anak.md",
        "---\ntitle: Pojok Bacaan Anak di Surabaya\ndate: 2023-02-01\nprovinces: [jawa-timur]\n---\n\nRak baru untuk anak.\n",
    );
    s.write(
        "content/berita/lomba-mendongeng.md",
        "---\ntitle: Lomba Mendongeng\ndate: 2024-06-01\nprovinces: [aceh]\n---\n\nAnak-anak membaca buku cerita di perpustakaannya.\n",
    );
    s.write(
        "content/berita/dongeng-lama.md",
        "---\ntitle: Lomba Mendongeng Tahun Lalu\ndate: 2022-06-01\nprovinces: [aceh]\n---\n\nCerita lama.\n",
    );
    s
}

fn build(s: &TestSite) -> Vec<(String, Vec<u8>)> {
    let checked = warta::pipeline::check(s.root(), ResolveOptions::default());
    assert!(!checked.diags.has_errors(), "test site has errors");
    search::build(&checked.site, &ui(s.root()))
}

/// The site's theme strings (the client's words are its `search_*` keys).
fn ui(root: &std::path::Path) -> std::collections::BTreeMap<String, String> {
    let mut files = warta::diag::SourceMap::new();
    warta::load::theme::load_theme(root, "default", "id", &mut files)
        .map_err(|_| "the default theme loads")
        .unwrap()
        .strings
}

#[test]
fn the_client_words_come_from_the_theme() {
    let s = site_with_posts();
    let mut ui = ui(s.root());
    ui.insert("search_none".into(), "Nihil: “{q}”".into());
    ui.remove("search_more");
    let checked = warta::pipeline::check(s.root(), ResolveOptions::default());
    let files = search::build(&checked.site, &ui);
    let entry: serde_json::Value = serde_json::from_slice(entry(&files)).unwrap();
    assert_eq!(entry["t"]["none"], "Nihil: “{q}”");
    assert_eq!(
        entry["t"]["more"], "search_more",
        "a missing key shows as itself"
    );
    assert_eq!(entry["t"]["jenis"], "Jenis");
    assert_eq!(entry["t"]["kinds"][0], "Berita");
    assert_eq!(entry["t"]["levels"][4], "Kelurahan");
}

fn entry(files: &[(String, Vec<u8>)]) -> &[u8] {
    &files
        .iter()
        .find(|f| f.0 == search::ENTRY_URL)
        .expect("entry file")
        .1
}

fn urls(out: &search::reader::Outcome) -> Vec<String> {
    out.hits.iter().map(|h| h.url.clone()).collect()
}

fn prov(p: &[&str]) -> Filters {
    Filters {
        provinsi: p.iter().map(|s| s.to_string()).collect(),
        ..Filters::default()
    }
}

#[test]
fn files_are_content_hashed_deterministic_and_all_referenced() {
    let s = site_with_posts();
    let files = build(&s);
    assert_eq!(files, build(&s), "same site, same bytes");
    let mut sorted = files.clone();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(files, sorted, "sorted by URL");
    assert!(files.iter().any(|f| f.0 == search::client_url()));
    let entry = String::from_utf8(entry(&files).to_vec()).unwrap();
    let e: serde_json::Value = serde_json::from_str(&entry).unwrap();
    let recs = e["recs"].as_str().unwrap();
    let mut records = Vec::new();
    for (url, bytes) in &files {
        if url == search::ENTRY_URL {
            continue;
        }
        let name = url.rsplit('/').next().unwrap();
        if let Some(rest) = name.strip_prefix(&format!("{recs}-")) {
            // Record chunks are named by one hash of them all, in order:
            // the id layout (`<k>`) first, then the province one (`p<k>`).
            let rest = rest.trim_end_matches(".json");
            let layout = usize::from(rest.starts_with('p'));
            let n: usize = rest.trim_start_matches('p').parse().unwrap();
            records.push(((layout, n), bytes.clone()));
            continue;
        }
        let hash = name.split('.').rev().nth(1).unwrap();
        assert_eq!(
            hash,
            search::index::content_hash(bytes),
            "{url} is named by its content"
        );
        if url.starts_with("/cari/i/") && url != search::client_url() {
            assert!(entry.contains(hash), "{url} is referenced by the entry");
        }
    }
    records.sort();
    assert!(!records.is_empty());
    let all: Vec<u8> = records.into_iter().flat_map(|r| r.1).collect();
    assert_eq!(recs, search::index::content_hash(&all));
}

#[test]
fn both_record_layouts_hold_every_document_once() {
    let s = site_with_posts();
    let files = build(&s);
    let e: serde_json::Value = serde_json::from_slice(entry(&files)).unwrap();
    let prefix = format!("/cari/i/{}-", e["recs"].as_str().unwrap());
    let rows = |by_province: bool| {
        let mut rows: Vec<String> = Vec::new();
        for (url, bytes) in &files {
            let Some(rest) = url.strip_prefix(&prefix) else {
                continue;
            };
            if rest.starts_with('p') == by_province {
                let chunk: Vec<serde_json::Value> = serde_json::from_slice(bytes).unwrap();
                rows.extend(chunk.iter().map(|r| r.to_string()));
            }
        }
        rows.sort();
        rows
    };
    let (by_id, by_province) = (rows(false), rows(true));
    assert_eq!(by_id.len(), e["n"].as_u64().unwrap() as usize);
    assert_eq!(by_id, by_province);
}

#[test]
fn derived_words_find_their_root() {
    let s = site_with_posts();
    let files = build(&s);
    let r = Reader::new(entry(&files), &files);
    let baca = r.search("baca ", &Filters::default());
    let found = urls(&baca);
    for u in [
        "/berita/membaca-bersama/",
        "/berita/pojok-bacaan-anak/",
        "/berita/lomba-mendongeng/",
    ] {
        assert!(found.contains(&u.to_string()), "baca → {u}: {found:?}");
    }
    assert_eq!(
        urls(&r.search("membaca ", &Filters::default())),
        found,
        "membaca finds what baca finds"
    );
    assert_eq!(urls(&r.search("bacaan ", &Filters::default())), found);
    // A derived form that occurs nowhere still leads to its root.
    assert_eq!(urls(&r.search("dibacakan ", &Filters::default())), found);
    assert_eq!(urls(&r.search("Pembacaan", &Filters::default())), found);
    // Title matches before a body match.
    assert_eq!(found.last().unwrap(), "/berita/lomba-mendongeng/");

    let lib = r.search("perpustakaannya ", &Filters::default());
    assert!(
        urls(&lib).contains(&"/perpustakaan/perpusdes-loram-wetan/".to_string()),
        "{:?}",
        urls(&lib)
    );
}

#[test]
fn province_facet_narrows_or_within_and_across() {
    let s = site_with_posts();
    let files = build(&s);
    let r = Reader::new(entry(&files), &files);
    let all = r.search("baca", &Filters::default());
    assert_eq!(all.total, 3);
    let jateng = r.search("baca", &prov(&["jawa-tengah"]));
    assert_eq!(urls(&jateng), ["/berita/membaca-bersama/"]);
    let two = r.search("baca", &prov(&["jawa-tengah", "jawa-timur"]));
    assert_eq!(two.total, 2, "values of one facet combine with OR");
    let mut f = prov(&["jawa-tengah", "jawa-timur"]);
    f.tahun.push("2023".into());
    let and = r.search("baca", &f);
    assert_eq!(
        urls(&and),
        ["/berita/pojok-bacaan-anak/"],
        "facets combine with AND"
    );
    // Counts of a facet ignore its own selection, not the others'.
    assert_eq!(and.counts["provinsi"].get("jawa-timur"), Some(&1));
    assert_eq!(and.counts["provinsi"].get("jawa-tengah"), None);
    assert_eq!(and.counts["tahun"].get("2024"), Some(&1));
    assert_eq!(and.counts["tahun"].get("2023"), Some(&1));
    assert_eq!(and.counts["jenis"].get("berita"), Some(&1));
}

#[test]
fn facets_alone_list_by_recency() {
    let s = site_with_posts();
    let files = build(&s);
    let r = Reader::new(entry(&files), &files);
    let f = Filters {
        jenis: vec!["berita".into()],
        provinsi: vec!["aceh".into()],
        ..Filters::default()
    };
    let out = r.search("", &f);
    assert_eq!(
        urls(&out),
        ["/berita/lomba-mendongeng/", "/berita/dongeng-lama/"]
    );
}

#[test]
fn recency_breaks_ties_within_a_field() {
    let s = site_with_posts();
    let files = build(&s);
    let r = Reader::new(entry(&files), &files);
    let out = r.search("mendongeng ", &Filters::default());
    assert_eq!(
        urls(&out),
        ["/berita/lomba-mendongeng/", "/berita/dongeng-lama/"]
    );
}

#[test]
fn prefix_while_typing_and_no_match() {
    let s = site_with_posts();
    let files = build(&s);
    let r = Reader::new(entry(&files), &files);
    assert!(urls(&r.search("memba", &Filters::default()))
        .contains(&"/berita/membaca-bersama/".to_string()));
    assert_eq!(
        r.search("memba ", &Filters::default()).total,
        0,
        "a finished word is not a prefix"
    );
    let none = r.search("zzzqqq", &Filters::default());
    assert_eq!(none.total, 0);
    assert!(none.hits.is_empty());
    // Stop words are ignored, not failed.
    assert_eq!(r.search("membaca yang di", &Filters::default()).total, 3);
}

#[test]
fn place_names_tolerate_one_typo_and_are_not_stemmed() {
    let s = site_with_posts();
    let files = build(&s);
    let r = Reader::new(entry(&files), &files);
    let out = r.search("Kudos ", &Filters::default());
    assert_eq!(out.corrected, [("kudos".to_string(), "kudus".to_string())]);
    assert!(urls(&out).contains(&"/berita/membaca-bersama/".to_string()));
    assert!(urls(&out).contains(&"/perpustakaan/perpusdes-loram-wetan/".to_string()));
    let sby = r.search("surabya ", &Filters::default());
    assert!(
        urls(&sby).contains(&"/berita/pojok-bacaan-anak/".to_string()),
        "{:?}",
        urls(&sby)
    );
}

#[test]
fn every_kind_is_indexed_with_its_url() {
    let s = site_with_posts();
    let files = build(&s);
    let r = Reader::new(entry(&files), &files);
    let jateng = urls(&r.search_first("jawa tengah", &Filters::default(), 50));
    assert_eq!(
        jateng[0], "/provinsi/jawa-tengah/",
        "the province page ranks first: {jateng:?}"
    );
    for u in [
        "/plm/plm-jawa-tengah-2022/",
        "/perpustakaan/perpusdes-loram-wetan/",
        "/kisah/dari-rajutan-ke-usaha-keluarga/",
    ] {
        assert!(jateng.contains(&u.to_string()), "{u} in {jateng:?}");
    }
    let hit = r.search("rajutan", &Filters::default());
    let story = hit
        .hits
        .iter()
        .find(|h| h.url.starts_with("/kisah/"))
        .expect("story");
    assert_eq!(story.date, "2023-03-01");
    assert!(!story.excerpt.is_empty());
}

#[test]
fn the_example_site_is_indexed_within_budget() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let checked = warta::pipeline::check(root, ResolveOptions::default());
    assert!(!checked.diags.has_errors());
    let files = search::build(&checked.site, &ui(root));
    let r = Reader::new(entry(&files), &files);
    let out = r.search("perpustakaan desa", &prov(&["jawa-tengah"]));
    assert!(out.total > 0);
    assert!(out.fetched.len() < 6, "{:?}", out.fetched);
    assert!(out.bytes + search::CLIENT_JS.len() < 60 * 1024);
}
