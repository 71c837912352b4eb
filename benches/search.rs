//! The search budget: bytes and requests of a first query (two words and a
//! facet) on synthetic sites of about 2,000 and 10,000 pages, the index size
//! on disk and the indexing time. The client's fetch plan is replayed in
//! Rust by `warta::search::reader` (the same steps as `client.js`), so the
//! figures are what a browser with an empty cache downloads: the client
//! script, the entry file, term chunks and record chunks.
//!
//! `cargo bench --bench search` runs the full sizes; without `--bench` (as
//! `cargo test --benches` does) it smoke-tests a tiny site.
//! `WARTA_BENCH_PAGES=2000,10000` picks the sizes; `WARTA_SEARCH_OUT=DIR`
//! also writes the index files under `DIR/<pages>/`.

use std::io::Write as _;
use std::time::{Duration, Instant};
use warta::search::{self, reader::Filters, reader::Reader};
use warta::site::ResolveOptions;
use warta::synth::{self, SynthOptions};

fn gzip(b: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(b).expect("gzip");
    e.finish().expect("gzip").len()
}

fn opts(pages: usize) -> SynthOptions {
    // Roughly the programme's mix: a quarter libraries, a tenth stories,
    // the rest news (events are about one per hundred posts; provinces 38).
    let libraries = pages / 4;
    let stories = pages / 10;
    let posts = (pages - libraries - stories - 38) * 100 / 101;
    SynthOptions {
        libraries,
        posts,
        stories,
        seed: 2022,
    }
}

fn filters(facet: &str, value: &str) -> Filters {
    let mut f = Filters::default();
    match facet {
        "provinsi" => f.provinsi.push(value.into()),
        "jenis" => f.jenis.push(value.into()),
        "tingkat" => f.tingkat.push(value.into()),
        _ => f.tahun.push(value.into()),
    }
    f
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let sizes: Vec<usize> = match std::env::var("WARTA_BENCH_PAGES") {
        Ok(v) => v.split(',').filter_map(|x| x.trim().parse().ok()).collect(),
        Err(_) if full => vec![2_000, 10_000],
        Err(_) => vec![300],
    };
    // Two or three per facet kind; the last word is typed, not finished
    // (matched as a prefix), as a reader's first query usually is.
    let queries: &[(&str, &str, &str)] = &[
        ("pelatihan komputer", "provinsi", "jawa-tengah"),
        ("membaca anak", "provinsi", "jawa-timur"),
        ("pelatihan hidro", "provinsi", "aceh"),
        ("kelas memasak", "provinsi", "jawa-barat"),
        ("budidaya lele", "tahun", "2024"),
        ("lomba mendongeng", "tahun", "2021"),
        ("kelas membatik", "jenis", "berita"),
        ("perpustakaan desa", "jenis", "perpustakaan"),
        ("belajar komputer", "jenis", "kisah"),
        ("taman bacaan", "tingkat", "desa"),
        ("perpustakaan kelurahan", "tingkat", "kelurahan"),
        ("dinas perpustakaan", "tingkat", "kabupaten"),
    ];
    let js = search::client_js().as_bytes();
    println!("client.js: {} B, {} B gzip", js.len(), gzip(js));
    for &pages in &sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        synth::write(dir.path(), &opts(pages)).expect("synthetic site");
        let checked = warta::pipeline::check(dir.path(), ResolveOptions::default());
        assert!(!checked.diags.has_errors(), "synthetic site has errors");
        let site = checked.site;
        let mut theme_files = warta::diag::SourceMap::new();
        let ui = warta::load::theme::load_theme(dir.path(), "default", "id", &mut theme_files)
            .map_err(|_| "the default theme loads")
            .unwrap()
            .strings;

        let runs = if full { 5 } else { 1 };
        let mut best = Duration::MAX;
        let mut files = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            files = search::build(&site, &ui);
            best = best.min(t.elapsed());
        }
        let again = search::build(&site, &ui);
        assert!(files == again, "search::build is not deterministic");

        if let Ok(out) = std::env::var("WARTA_SEARCH_OUT") {
            for (url, bytes) in &files {
                let path = std::path::Path::new(&out).join(format!("{pages}{url}"));
                std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
                std::fs::write(path, bytes).expect("write");
            }
        }
        let docs = search::docs::collect(&site).len();
        let total: usize = files.iter().map(|f| f.1.len()).sum();
        let total_gz: usize = files.iter().map(|f| gzip(&f.1)).sum();
        let entry = &files
            .iter()
            .find(|f| f.0 == search::ENTRY_URL)
            .expect("entry")
            .1;
        let chunks: Vec<(String, Vec<u8>)> = files
            .iter()
            .filter(|f| f.0 != search::ENTRY_URL && !f.0.ends_with(".js"))
            .cloned()
            .collect();
        let terms = chunks.iter().filter(|f| f.0.ends_with(".bin")).count();
        let recs = chunks.iter().filter(|f| f.0.ends_with(".json")).count();
        println!();
        println!("== {docs} pages ({pages} asked) ==");
        println!(
            "index: {} files ({terms} term chunks, {recs} record chunks), {:.1} KB on disk, {:.1} KB gzip; entry {:.1} KB ({:.1} KB gzip)",
            files.len(),
            total as f64 / 1024.0,
            total_gz as f64 / 1024.0,
            entry.len() as f64 / 1024.0,
            gzip(entry) as f64 / 1024.0
        );
        println!(
            "indexing time: {:.0} ms (best of {runs})",
            best.as_secs_f64() * 1000.0
        );
        let by_url: std::collections::HashMap<&str, &[u8]> = files
            .iter()
            .map(|(u, b)| (u.as_str(), b.as_slice()))
            .collect();
        let reader = Reader::new(entry, &chunks);
        println!(
            "{:<22} {:<24} {:>7} {:>9} {:>9} {:>9}",
            "first query", "facet", "results", "requests", "KB", "KB gzip"
        );
        let mut worst = (0usize, 0usize);
        let mut by_facet: std::collections::BTreeMap<&str, (usize, usize, usize)> =
            std::collections::BTreeMap::new();
        for &(q, facet, value) in queries {
            let out = reader.search(q, &filters(facet, value));
            let requests = out.fetched.len() + 1;
            let bytes = out.bytes + js.len();
            let gz: usize = out
                .fetched
                .iter()
                .map(|u| gzip(by_url[u.as_str()]))
                .sum::<usize>()
                + gzip(js);
            worst = (worst.0.max(requests), worst.1.max(bytes));
            let w = by_facet.entry(facet).or_default();
            *w = (w.0.max(requests), w.1.max(bytes), w.2.max(gz));
            if std::env::var_os("WARTA_BENCH_VERBOSE").is_some() {
                for u in &out.fetched {
                    println!(
                        "    {:>7} {u}",
                        by_url.get(u.as_str()).map_or(entry.len(), |b| b.len())
                    );
                }
                for h in &out.hits {
                    println!("    hit {} {} {}", h.id, h.score, h.title);
                }
            }
            println!(
                "{:<22} {:<24} {:>7} {:>9} {:>9.1} {:>9.1}",
                q,
                format!("{facet}={value}"),
                out.total,
                requests,
                bytes as f64 / 1024.0,
                gz as f64 / 1024.0
            );
        }
        for (facet, (r, b, g)) in &by_facet {
            println!(
                "worst with {facet:<9} {r} requests, {:.1} KB, {:.1} KB gzip",
                *b as f64 / 1024.0,
                *g as f64 / 1024.0
            );
        }
        println!(
            "worst: {} requests, {:.1} KB uncompressed (budget at 10,000 pages: 6 requests, 60 KB)",
            worst.0,
            worst.1 as f64 / 1024.0
        );
    }
}
