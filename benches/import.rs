//! Importing 10,000 spreadsheet rows: `cargo bench --bench import`.
//!
//! Makes a site in a temp folder with the repo's official lists, writes a
//! CSV of 10,000 libraries spread over every regency (names written the
//! messy ways sheets do), then times a first import (all added, files
//! written) and a second one (all unchanged, nothing written).

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;
use warta::import::{self, Options};

const ROWS: usize = 10_000;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(root.join("data/libraries")).unwrap();
    std::fs::create_dir_all(root.join("content")).unwrap();
    for f in ["site.yaml", "provinces.yaml", "regencies.yaml"] {
        std::fs::copy(repo.join("data").join(f), root.join("data").join(f)).unwrap();
    }
    let (_, _, regions) =
        import::load(root).unwrap_or_else(|_| panic!("the repo's data/ does not load"));
    let mut csv = String::from(
        "No;Nama Perpustakaan;Jenis;Provinsi;Kabupaten/Kota;Kecamatan;Desa/Kelurahan;Tahun Bergabung;No. HP;Email;Latitude;Longitude\n",
    );
    for i in 0..ROWS {
        let r = &regions.regencies[i % regions.regencies.len()];
        let p = &regions.provinces[r.province];
        let regency = match i % 3 {
            0 => r.official.clone(),
            1 => r.official.to_uppercase(),
            _ => r.official.replace("Kabupaten ", "Kab. "),
        };
        let _ = writeln!(
            csv,
            "{};Perpustakaan Desa Contoh {i};Perpustakaan Desa;{};{regency};Kecamatan {};Desa {i};{};08{:09};perpus{i}@example.id;-{},{};1{},{}",
            i + 1,
            p.name,
            i % 17,
            2018 + i % 7,
            i,
            1 + i % 9,
            i % 100,
            10 + i % 30,
            i % 1000,
        );
    }
    let sheet = root.join("bench.csv");
    std::fs::write(&sheet, csv).unwrap();

    let t = Instant::now();
    let plan = import::prepare(root, &sheet, &Options::default())
        .unwrap_or_else(|_| panic!("prepare failed"));
    let planned = t.elapsed();
    assert!(
        plan.plan.errors.is_empty(),
        "{:?}",
        &plan.plan.errors[..plan.plan.errors.len().min(3)]
    );
    assert_eq!(plan.plan.added.len(), ROWS);
    let written = import::apply(root, &plan).unwrap();
    let first = t.elapsed();

    let t = Instant::now();
    let _ = import::load(root);
    let load = t.elapsed();

    let t = Instant::now();
    let again = import::prepare(root, &sheet, &Options::default())
        .unwrap_or_else(|_| panic!("prepare failed"));
    let second = t.elapsed();
    assert_eq!(again.plan.unchanged.len(), ROWS);
    assert!(again.files.is_empty());

    println!(
        "import {ROWS} rows: first import {:.0} ms (plan {:.0} ms, {} files written); re-import (all unchanged) {:.0} ms, of which loading data/ {:.0} ms",
        first.as_secs_f64() * 1000.0,
        planned.as_secs_f64() * 1000.0,
        written.len(),
        second.as_secs_f64() * 1000.0,
        load.as_secs_f64() * 1000.0
    );
}
