//! The generated data files: `site.yaml`, the libraries (one file a
//! province), awards and reports.

use super::content::Ev;
use super::regions::{RegencyInfo, Region};
use super::rng::Rng;
use super::words::{q, village_name, LIBRARY_NAMES, STREETS};
use super::SynthOptions;
use crate::model::slugify;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

pub(super) fn site_yaml(opts: &SynthOptions) -> String {
    format!(
        "# Situs sintetis dari `warta dev synth` (seed {seed}).\n\
         title: \"TPBIS sintetis\"\n\
         base_url: https://synth.example.id\n\
         description: \"Situs sintetis: {l} perpustakaan, {p} berita, {s} kisah.\"\n\
         language: id\n\
         per_page: 10\n\
         menu:\n  - name: Beranda\n    url: /\n  - name: Berita\n    url: /berita/\n  - name: Kisah\n    url: /kisah/\n  \
         - name: PLM\n    url: /plm/\n  - name: Provinsi\n    url: /provinsi/\n  - name: Cari\n    url: /cari/\n",
        seed = opts.seed,
        l = opts.libraries,
        p = opts.posts,
        s = opts.stories,
    )
}

/// A generated library, enough to refer to it later.
pub(super) struct Lib {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) province: usize,
}

/// The generated libraries and where they are.
pub(super) struct Libraries {
    pub(super) libs: Vec<Lib>,
    /// Indices into `libs`, by province.
    pub(super) libs_of: Vec<Vec<usize>>,
    /// Provinces with at least one library, ascending.
    pub(super) with_libs: Vec<usize>,
}

/// `n` libraries, one `data/libraries/<province>.yaml` a province that has
/// any. Regencies are taken in a seeded order, round and round, so that
/// every regency gets one once there are as many libraries as regencies.
pub(super) fn libraries(
    rng: &mut Rng,
    n: usize,
    provinces: &[Region],
    regencies: &[RegencyInfo],
    files: &mut Vec<(String, Vec<u8>)>,
) -> Libraries {
    // Bare names that fit one regency only may be written without the kind.
    let mut bare_count: HashMap<String, usize> = HashMap::new();
    for r in regencies {
        *bare_count
            .entry(crate::diag::suggest::fold(&r.name))
            .or_default() += 1;
    }

    let mut order: Vec<usize> = (0..regencies.len()).collect();
    rng.shuffle(&mut order);
    let mut by_province: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut libs: Vec<Lib> = Vec::with_capacity(n);
    let mut ids: HashSet<String> = HashSet::new();
    for i in 0..n {
        let reg = &regencies[order[i % order.len()]];
        let entries = by_province.entry(reg.province).or_default();
        let (lib, text) = library(
            rng,
            i,
            reg,
            &provinces[reg.province],
            entries.is_empty(),
            &bare_count,
            &mut ids,
        );
        entries.push(text);
        libs.push(lib);
    }
    for (&p, entries) in &by_province {
        let slug = &provinces[p].slug;
        let mut text = format!(
            "# Perpustakaan mitra (sintetis) di {}. Dibuat oleh `warta dev synth`.\n",
            provinces[p].name
        );
        for e in entries {
            text.push('\n');
            text.push_str(e);
        }
        files.push((format!("data/libraries/{slug}.yaml"), text.into_bytes()));
    }
    let mut libs_of: Vec<Vec<usize>> = vec![Vec::new(); provinces.len()];
    for (i, l) in libs.iter().enumerate() {
        libs_of[l.province].push(i);
    }
    let with_libs: Vec<usize> = by_province.keys().copied().collect();
    Libraries {
        libs,
        libs_of,
        with_libs,
    }
}

/// One library entry (a `- id: …` block) and what later records need of it.
fn library(
    rng: &mut Rng,
    i: usize,
    reg: &RegencyInfo,
    prov: &Region,
    first_in_province: bool,
    bare_count: &HashMap<String, usize>,
    ids: &mut HashSet<String>,
) -> (Lib, String) {
    let village = village_name(rng);
    let (level, name, base_id) = if first_in_province {
        (
            "provinsi",
            format!("Dinas Perpustakaan Provinsi {}", prov.name),
            format!("perpustakaan-provinsi-{}", prov.slug),
        )
    } else if rng.chance(15) {
        let level = if reg.kota { "kota" } else { "kabupaten" };
        (
            level,
            format!("Dinas Perpustakaan {}", reg.official),
            format!("perpustakaan-{}", slugify(&reg.official)),
        )
    } else {
        let level = if reg.kota { "kelurahan" } else { "desa" };
        let kind = if reg.kota { "Kelurahan" } else { "Desa" };
        let lname = rng.pick(LIBRARY_NAMES);
        (
            level,
            format!("Perpustakaan {kind} {lname} {village}"),
            format!("perpusdes-{}-{}", slugify(&village), slugify(&reg.name)),
        )
    };
    let mut id = base_id.clone();
    let mut n = 2;
    while !ids.insert(id.clone()) {
        id = format!("{base_id}-{n}");
        n += 1;
    }
    // Name the regency every way the contract allows.
    let regency = match i % 7 {
        0 => reg.code.clone(),
        1 if bare_count.get(&crate::diag::suggest::fold(&reg.name)) == Some(&1) => reg.name.clone(),
        2 => reg.official.to_uppercase(),
        _ => reg.official.clone(),
    };
    let mut t = String::with_capacity(600);
    let _ = writeln!(t, "- id: {id}");
    let _ = writeln!(t, "  name: {}", q(&name));
    let _ = writeln!(t, "  level: {level}");
    let _ = writeln!(t, "  province: {}", prov.slug);
    let _ = writeln!(t, "  regency: {}", q(&regency));
    if level == "desa" || level == "kelurahan" {
        let _ = writeln!(t, "  district: {}", q(&village_name(rng)));
        let _ = writeln!(t, "  village: {}", q(&village));
    }
    let _ = writeln!(t, "  joined: {}", rng.range(2018, 2024));
    let _ = writeln!(
        t,
        "  address: {}",
        q(&format!(
            "{} No. {}, {village}",
            rng.pick(STREETS),
            rng.range(1, 200)
        ))
    );
    if rng.chance(60) {
        let _ = writeln!(
            t,
            "  phone: \"0{}-{}\"",
            rng.range(21, 999),
            rng.range(100_000, 9_999_999)
        );
    }
    if rng.chance(50) {
        let _ = writeln!(t, "  email: {}@perpus.example.id", id.replace('-', "."));
    }
    if rng.chance(30) {
        let _ = writeln!(t, "  website: https://{id}.example.id");
    }
    if rng.chance(40) {
        let _ = writeln!(t, "  social:\n    facebook: https://www.facebook.com/{id}");
        if rng.chance(50) {
            let _ = writeln!(
                t,
                "    instagram: https://www.instagram.com/{}",
                id.replace('-', "_")
            );
        }
    }
    if rng.chance(70) {
        // Inside Indonesia's bounding box, not necessarily on land.
        let lat = -8.9 + rng.below(14_000) as f64 / 1000.0;
        let lon = 95.5 + rng.below(45_000) as f64 / 1000.0;
        let _ = writeln!(t, "  location:\n    lat: {lat:.3}\n    lon: {lon:.3}");
    }
    if rng.chance(20) {
        let _ = writeln!(t, "  photo: /images/perpustakaan.png");
        let _ = writeln!(t, "  photo_alt: {}", q(&format!("Ruang baca {name}")));
    }
    let _ = writeln!(
        t,
        "  summary: {}",
        q(&format!(
            "{name} di {}, mitra TPBIS sejak bergabung dengan program.",
            reg.official
        ))
    );
    if rng.chance(30) {
        let _ = writeln!(t, "  kpi:");
        for year in 2022..=rng.range(2022, 2024) {
            let cat = *rng.pick(&["tinggi", "sedang", "rendah"]);
            let _ = writeln!(
                t,
                "    - period: \"{year}\"\n      category: {cat}\n      community_engagement: {}\n      advocacy: {}\n      service_improvement: {}",
                rng.range(0, 40),
                rng.range(0, 10),
                rng.range(0, 10)
            );
        }
        // KPI of one library is not published: mark the figures as made up.
        let _ = writeln!(t, "  illustrative: true");
    }
    (
        Lib {
            id,
            name,
            province: reg.province,
        },
        t,
    )
}

pub(super) fn awards(
    rng: &mut Rng,
    provinces: &[Region],
    libs: &[Lib],
    libs_of: &[Vec<usize>],
    events: &[Ev],
) -> (String, usize) {
    let mut t = String::from("# Penghargaan (sintetis): terbaik dan teraktif di PLM provinsi.\n");
    let mut n = 0;
    let mut seen: HashSet<(u32, usize)> = HashSet::new();
    for e in events.iter().filter(|e| e.provincial && !e.draft) {
        let p = e.provinces[0];
        let year = e.end.0;
        if libs_of[p].is_empty() || !seen.insert((year, p)) {
            continue; // award places are unique per year and province
        }
        for category in ["terbaik", "teraktif"] {
            for (rank, &l) in rng.sample(&libs_of[p], 3).iter().enumerate() {
                let _ = write!(
                    t,
                    "\n- year: {year}\n  province: {}\n  category: {category}\n  rank: {}\n  library: {}\n  event: {}\n  note: \"Contoh ilustratif.\"\n  illustrative: true\n",
                    provinces[p].slug,
                    rank + 1,
                    libs[l].id,
                    e.slug
                );
                n += 1;
            }
        }
    }
    (t, n)
}

pub(super) fn reports(
    rng: &mut Rng,
    provinces: &[Region],
    libs_of: &[Vec<usize>],
    with_libs: &[usize],
    events: &[Ev],
) -> (Vec<(String, String)>, usize) {
    let total: usize = libs_of.iter().map(Vec::len).sum();
    let mut out = Vec::new();
    let mut n = 0;
    let mut t = String::from("# Jangkauan nasional (sintetis), per tahun.\n");
    for year in 2019..=2025 {
        let _ = write!(
            t,
            "\n- id: nasional-{year}\n  title: \"Jangkauan Program TPBIS {year}\"\n  period: \"{year}\"\n  date: {year}-12-31\n  \
             source:\n    title: \"Laporan tahunan (sintetis)\"\n    url: https://laporan.example.org/tpbis/{year}\n  \
             figures:\n    partners: {}\n    provinces: {}\n    villages: {}\n  illustrative: true\n",
            total * (year as usize - 2017) / 8,
            with_libs.len(),
            total * (year as usize - 2017) / 10,
        );
        n += 1;
    }
    out.push(("data/reports/nasional.yaml".to_string(), t));
    // A figure report for the first few provinces with libraries, tied to
    // one of their events when there is one.
    for &p in with_libs.iter().take(5) {
        let slug = &provinces[p].slug;
        let ev = events.iter().find(|e| !e.draft && e.provinces.contains(&p));
        let mut t = format!(
            "- id: {slug}-2024\n  title: {}\n  province: {slug}\n  period: \"Januari–September 2024\"\n  date: 2024-10-15\n",
            q(&format!("Capaian KPI {} 2024", provinces[p].name))
        );
        if let Some(e) = ev {
            let _ = writeln!(t, "  event: {}", e.slug);
        }
        let (a, b) = (rng.range(0, 20), rng.range(0, 20));
        let _ = write!(
            t,
            "  figures:\n    partners: {}\n    kpi_tinggi: {a}\n    kpi_sedang: {b}\n    kpi_rendah: {}\n  illustrative: true\n",
            libs_of[p].len(),
            rng.range(0, 10)
        );
        out.push((format!("data/reports/{slug}.yaml"), t));
        n += 1;
    }
    (out, n)
}
