//! The search index end to end, in Rust: a real site is checked, indexed by
//! `warta::search::build`, and queried through `warta::search::reader`,
//! which follows the same steps as the browser client.

use crate::support;

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
        if url.starts_with("/cari/_i/") && url != search::client_url() {
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
    let prefix = format!("/cari/_i/{}-", e["recs"].as_str().unwrap());
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
    assert!(out.bytes + search::client_js().len() < 60 * 1024);
}

// ---- one analyser, two languages; conflation; threads ----

const VECTORS: &str = "src/search/stem-vectors.tsv";

fn manifest(rel: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// `word → root` pairs of a list in `src/search/`.
fn pairs(file: &str) -> Vec<(String, String)> {
    std::fs::read_to_string(manifest(&format!("src/search/{file}")))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (a, b) = l.split_once('\t').expect("word<TAB>root");
            (a.to_string(), b.to_string())
        })
        .collect()
}

/// Every word of the vectors: `(word, candidate roots, best first)`.
fn vectors() -> Vec<(String, Vec<String>)> {
    std::fs::read_to_string(manifest(VECTORS))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (w, c) = l.split_once('\t').expect("word<TAB>roots");
            (w.to_string(), c.split(' ').map(String::from).collect())
        })
        .collect()
}

fn rust_roots(w: &str) -> Vec<String> {
    search::stem::candidates(w)
        .into_iter()
        .map(|c| c.root)
        .collect()
}

/// Rewrites the shared vectors from the Rust stemmer (review the diff):
/// `cargo test --test it search::write_stem_vectors -- --ignored`.
#[test]
#[ignore]
fn write_stem_vectors() {
    let mut words: Vec<String> = Vec::new();
    for f in ["pairs-warta.tsv", "pairs-sastrawi.tsv"] {
        for (a, b) in pairs(f) {
            words.extend([a, b]);
        }
    }
    words.extend(
        "perpustakaannya bersih berita sekolah mandiri pakai literasi teknologi kediri 2024 \
         memasak menanti mengebom bukunya ilmu berikan keluarga"
            .split(' ')
            .map(String::from),
    );
    words.sort();
    words.dedup();
    let mut out = String::from(
        "# Shared test vectors of the stemmer: word, then its candidate roots, best\n\
         # first, as stem.rs and client.js give them (tests/it/search.rs checks both).\n\
         # Regenerate: cargo test --test it search::write_stem_vectors -- --ignored\n",
    );
    for w in words {
        out.push_str(&format!("{w}\t{}\n", rust_roots(&w).join(" ")));
    }
    std::fs::write(manifest(VECTORS), out).unwrap();
}

#[test]
fn the_rust_stemmer_gives_the_shared_vectors() {
    let v = vectors();
    assert!(v.len() > 400, "{} vectors", v.len());
    for (w, roots) in v {
        assert_eq!(rust_roots(&w), roots, "{w}");
    }
}

/// The served client script, run in node, gives the same candidates for
/// every vector (the browser test checks the same script in Chromium).
#[test]
fn the_client_stemmer_gives_the_shared_vectors() {
    if std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(std::env::var_os("CI").is_none(), "node is missing in CI");
        eprintln!("skipped: no node");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let js = dir.path().join("client.js");
    std::fs::write(&js, search::client_js()).unwrap();
    let script = format!(
        "const {{cands}} = require({js:?}); const fs = require('fs');\n\
         const bad = [];\n\
         for (const line of fs.readFileSync({v:?}, 'utf8').split('\\n')) {{\n\
           if (!line || line[0] === '#') continue;\n\
           const [w, want] = line.split('\\t');\n\
           const got = cands(w).map(c => c.r).join(' ');\n\
           if (got !== want) bad.push(w + ': ' + got + ' != ' + want);\n\
         }}\n\
         console.log(JSON.stringify(bad));",
        js = js.display().to_string(),
        v = manifest(VECTORS).display().to_string()
    );
    let out = std::process::Command::new("node")
        .arg("-e")
        .arg(script)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bad: Vec<String> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(bad.is_empty(), "client.js differs from stem.rs: {bad:#?}");
}

/// A site of one news post per pair, each holding `word` of the pair.
fn site_of(words: &[&str]) -> (TestSite, Vec<(String, Vec<u8>)>) {
    let s = TestSite::minimal();
    for (i, w) in words.iter().enumerate() {
        s.write(
            &format!("content/berita/entri-{i}.md"),
            format!(
                "---\ntitle: Entri {i}\ndate: 2024-05-01\nprovinces: [jawa-tengah]\n---\n\n{w}\n"
            ),
        );
    }
    let files = build(&s);
    (s, files)
}

/// Share of pairs where a query for one word finds the post holding the
/// other: `(root finds derived, derived finds root, results of another
/// root per query, pairs)`.
/// Pairs with a stop word are left out: those are never searched.
fn conflation(list: &[(String, String)]) -> (f64, f64, f64, usize) {
    let list: Vec<&(String, String)> = list
        .iter()
        .filter(|(a, b)| !search::text::is_stopword(a) && !search::text::is_stopword(b))
        .collect();
    let mut found = [0usize; 2];
    let mut wrong = 0usize;
    for (way, (query, held)) in [(0, (1, 0)), (1, (0, 1))] {
        let words: Vec<&str> = list
            .iter()
            .map(|p| {
                if held == 0 {
                    p.0.as_str()
                } else {
                    p.1.as_str()
                }
            })
            .collect();
        let (_site, files) = site_of(&words);
        let r = Reader::new(entry(&files), &files);
        for (i, p) in list.iter().enumerate() {
            let q = if query == 0 { &p.0 } else { &p.1 };
            let out = r.search_first(&format!("{q} "), &Filters::default(), 2000);
            let want = format!("/berita/entri-{i}/");
            let ok = out.hits.iter().any(|h| h.url == want);
            found[way] += usize::from(ok);
            if !ok && std::env::var_os("WARTA_CONFLATION_VERBOSE").is_some() {
                println!("  miss {} → {}", q, if held == 0 { &p.0 } else { &p.1 });
            }
            // A post of another root is a result a reader would not want.
            wrong += out
                .hits
                .iter()
                .filter_map(|h| h.url.strip_prefix("/berita/entri-"))
                .filter_map(|x| x.trim_end_matches('/').parse::<usize>().ok())
                .filter(|&j| list[j].1 != p.1)
                .count();
        }
    }
    let n = list.len() as f64;
    (
        found[0] as f64 / n,
        found[1] as f64 / n,
        wrong as f64 / (2.0 * n),
        list.len(),
    )
}

#[test]
fn conflation_both_ways_on_public_pairs() {
    for (file, floor) in [("pairs-warta.tsv", 0.9), ("pairs-sastrawi.tsv", 0.8)] {
        let (root_finds, derived_finds, per_query, n) = conflation(&pairs(file));
        println!(
            "{file}: {n} pairs, root finds derived {:.1} %, derived finds root {:.1} %, {per_query:.2} results of another root a query",
            root_finds * 100.0,
            derived_finds * 100.0
        );
        assert!(root_finds >= floor && derived_finds >= floor, "{file}");
    }
}

#[test]
fn the_index_is_the_same_on_one_thread_or_many() {
    let s = site_with_posts();
    let checked = warta::pipeline::check(s.root(), ResolveOptions::default());
    let ui = ui(s.root());
    let on = |n: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .unwrap()
            .install(|| search::build(&checked.site, &ui))
    };
    let one = on(1);
    assert!(one == on(4), "4 threads");
    assert!(one == on(3), "3 threads");
}

#[test]
fn query_words_the_site_never_has_are_stemmed_like_the_index() {
    let s = site_with_posts();
    let files = build(&s);
    let r = Reader::new(entry(&files), &files);
    // `bacakanlah`, `pembacaannya` occur nowhere; their roots do.
    let baca = urls(&r.search("baca ", &Filters::default()));
    assert_eq!(urls(&r.search("bacakanlah ", &Filters::default())), baca);
    assert_eq!(urls(&r.search("pembacaannya ", &Filters::default())), baca);
    // Only stop words: too common, never everything.
    let common = r.search("yang dan ", &Filters::default());
    assert!(common.common && common.total == 0 && common.hits.is_empty());
    // Content words are not stop words any more.
    let baru = r.search("baru ", &Filters::default());
    assert!(!baru.common);
    assert_eq!(urls(&baru), ["/berita/pojok-bacaan-anak/"]);
}

#[test]
fn typos_are_fixed_to_site_words_of_the_same_kind() {
    let s = site_with_posts();
    s.write(
        "content/berita/bandung.md",
        "---\ntitle: Kunjungan ke Bandung\ndate: 2024-01-01\nprovinces: [jawa-tengah]\n---\n\nSerang dan Nusa.\n",
    );
    let files = build(&s);
    let r = Reader::new(entry(&files), &files);
    let fixed = r.search("perpustakan ", &Filters::default());
    assert_eq!(
        fixed.corrected,
        [("perpustakan".to_string(), "perpustakaan".to_string())]
    );
    assert!(fixed.total > 0);
    // Never another first letter: no place name for these ordinary words.
    for w in ["terang", "kandung", "rusa"] {
        let out = r.search(&format!("{w} "), &Filters::default());
        assert!(
            out.corrected.is_empty() && out.total == 0,
            "{w}: {:?}",
            out.corrected
        );
    }
}
