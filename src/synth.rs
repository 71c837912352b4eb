//! Synthetic sites: a valid site of any size, for benchmarks and tests.
//!
//! [`generate`] is pure: the same [`SynthOptions`] always give the same files,
//! byte for byte (a tiny inline splitmix64 generator, no global state, no
//! clock). [`write`] puts them in a folder. The regions are the real ones of
//! the example site (embedded in the binary), so every regency can be named;
//! everything else (libraries, news, stories, events, awards, reports) is
//! made up but follows the site contract, so `warta check` passes with no
//! error and no warning. All dates are on or before 2025-12-31.

use crate::model::records::{ProvinceRecord, RegencyRecord};
use crate::model::slugify;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

/// The provinces of the example site, as shipped.
pub const PROVINCES_YAML: &str = include_str!("../data/provinces.yaml");
/// The regencies and cities of the example site, as shipped.
pub const REGENCIES_YAML: &str = include_str!("../data/regencies.yaml");

/// A 1×1 transparent PNG: the image every synthetic photo points at.
const PNG_1X1: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x64, 0x60, 0xf8, 0x5f,
    0x0f, 0x00, 0x02, 0x87, 0x01, 0x80, 0xeb, 0x47, 0xba, 0x92, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthOptions {
    pub libraries: usize,
    pub posts: usize,
    pub stories: usize,
    pub seed: u64,
}

/// What was generated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SynthSummary {
    pub files: usize,
    pub bytes: u64,
    /// Provinces with at least one library (one libraries file each).
    pub provinces: usize,
    pub libraries: usize,
    pub posts: usize,
    pub stories: usize,
    /// Published events (one more is a draft).
    pub events: usize,
    pub awards: usize,
    pub reports: usize,
}

/// A generated site: files (path relative to the site root, `/`-separated,
/// and contents) in a fixed order, and what they hold.
#[derive(Debug, Clone)]
pub struct SynthSite {
    pub files: Vec<(String, Vec<u8>)>,
    pub summary: SynthSummary,
}

/// splitmix64: tiny, fast, good enough to spread test data.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5EED_CAFE_F00D_D00D)
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }
    /// True with probability `percent`/100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// Up to `k` distinct items of `items`, in the order drawn.
    fn sample<T: Copy>(&mut self, items: &[T], k: usize) -> Vec<T> {
        let mut idx: Vec<usize> = (0..items.len()).collect();
        let k = k.min(items.len());
        for i in 0..k {
            let j = i + self.below(idx.len() - i);
            idx.swap(i, j);
        }
        idx[..k].iter().map(|&i| items[i]).collect()
    }
    /// Between `min` and `max` distinct items of `items`.
    fn some<T: Copy>(&mut self, items: &[T], min: u32, max: u32) -> Vec<T> {
        let k = self.range(min, max) as usize;
        self.sample(items, k)
    }
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
    /// A date from 2019-01-01 to 2025-12-31 (days 1–28, always real).
    fn date(&mut self) -> Ymd {
        Ymd(self.range(2019, 2025), self.range(1, 12), self.range(1, 28))
    }
}

/// A date as written in front matter; days stay ≤ 28 so +3 days is simple.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Ymd(u32, u32, u32);

impl Ymd {
    /// A few days later, staying in the same month when it can, and never
    /// past 2025-12-31.
    fn plus_days(self, n: u32) -> Ymd {
        let Ymd(y, m, d) = self;
        if d + n <= 28 {
            Ymd(y, m, d + n)
        } else if m < 12 {
            Ymd(y, m + 1, d + n - 28)
        } else if y < 2025 {
            Ymd(y + 1, 1, d + n - 28)
        } else {
            Ymd(2025, 12, 31)
        }
    }
}

impl std::fmt::Display for Ymd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0, self.1, self.2)
    }
}

/// A YAML scalar that is always read back as this exact string: a JSON
/// string is a valid YAML double-quoted scalar.
fn q(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

/// A YAML flow list of quoted strings.
fn qlist<S: AsRef<str>>(items: &[S]) -> String {
    let inner: Vec<String> = items.iter().map(|s| q(s.as_ref())).collect();
    format!("[{}]", inner.join(", "))
}

const VILLAGE_HEADS: &[&str] = &[
    "Suka", "Mekar", "Sumber", "Karang", "Tanjung", "Bojong", "Cipta", "Harja", "Sari", "Mulya",
    "Tegal", "Wono", "Sido", "Banyu", "Kali", "Gunung", "Pasir", "Muara", "Lubuk", "Teluk", "Batu",
    "Rejo", "Tirta", "Giri",
];
const VILLAGE_TAILS: &[&str] = &[
    "maju", "jaya", "sari", "mulya", "rejo", "makmur", "asri", "agung", "harjo", "wetan", "kulon",
    "tengah", "indah", "baru", "lestari", "mukti", "rahayu", "mekar", "sentosa", "raharja",
];
const LIBRARY_NAMES: &[&str] = &[
    "Sumber Ilmu",
    "Mawar",
    "Cahaya",
    "Pelita",
    "Tunas Harapan",
    "Bina Warga",
    "Melati",
    "Pustaka Jaya",
    "Sinar Ilmu",
    "Taman Bacaan",
    "Jendela Dunia",
    "Kenanga",
    "Anggrek",
    "Bintang",
    "Lentera",
];
const STREETS: &[&str] = &[
    "Jl. Merdeka",
    "Jl. Pemuda",
    "Jl. Diponegoro",
    "Jl. Sudirman",
    "Jl. Kartini",
    "Jl. Pahlawan",
    "Jl. Raya Desa",
    "Jl. Pendidikan",
    "Jl. Veteran",
    "Jl. Balai Desa",
];
const PEOPLE: &[&str] = &[
    "Ibu Siti",
    "Pak Budi",
    "Ibu Ratna",
    "Mbak Dewi",
    "Pak Agus",
    "Ibu Wulan",
    "Kak Rina",
    "Pak Joko",
    "Ibu Lestari",
    "Mas Andi",
    "Ibu Nur",
    "Pak Slamet",
    "Ibu Yuni",
    "Kak Fajar",
];
const ROLES: &[&str] = &[
    "pengelola perpustakaan desa",
    "kader PKK",
    "pelaku UMKM",
    "guru PAUD",
    "relawan literasi",
    "petani",
    "ibu rumah tangga",
    "pemuda karang taruna",
    "perajin",
    "penjahit",
];
const ACTIVITIES: &[&str] = &[
    "pelatihan menjahit",
    "kelas membatik",
    "pelatihan komputer",
    "lomba mendongeng",
    "pelatihan budidaya lele",
    "kelas memasak",
    "pelatihan pemasaran daring",
    "bimbingan belajar",
    "pelatihan hidroponik",
    "kelas merajut",
    "pelatihan pembukuan usaha",
    "kelas bahasa Inggris",
];
const TAGS: &[&str] = &[
    "plm",
    "literasi",
    "inklusi-sosial",
    "umkm",
    "pelatihan",
    "advokasi",
    "kemitraan",
    "perempuan",
    "anak",
    "teknologi",
    "pertanian",
    "kerajinan",
    "kesehatan",
    "pendidikan",
];
const THEMES: &[&str] = &[
    "ekonomi-keluarga",
    "keterampilan",
    "pendidikan-anak",
    "pemberdayaan-perempuan",
    "pengelolaan-perpustakaan",
    "teknologi-informasi",
];
const HOTELS: &[&str] = &[
    "Hotel Grand Nusantara",
    "Hotel Santika",
    "Hotel Aston",
    "Gedung Serbaguna Pemda",
    "Aula Dinas Perpustakaan",
    "Hotel Horison",
];
const FACILITATORS: &[&str] = &[
    "Master trainer nasional",
    "Fasilitator daerah",
    "Perpustakaan Nasional RI",
    "Dinas Perpustakaan Provinsi",
    "Mitra CSR",
    "Bappeda",
];

/// `kelas merajut` → `Kelas merajut`.
fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

fn village_name(rng: &mut Rng) -> String {
    format!("{}{}", rng.pick(VILLAGE_HEADS), rng.pick(VILLAGE_TAILS))
}

/// A real region, as the generator uses it.
struct Region {
    code: String,
    slug: String,
    name: String,
}

struct RegencyInfo {
    code: String,
    /// Index into the provinces.
    province: usize,
    name: String,
    kota: bool,
    official: String,
}

/// A generated library, enough to refer to it later.
struct Lib {
    id: String,
    name: String,
    province: usize,
}

/// A generated event.
struct Ev {
    slug: String,
    /// Provinces (indices); one for a provincial event.
    provinces: Vec<usize>,
    provincial: bool,
    end: Ymd,
    draft: bool,
}

fn regions() -> (Vec<Region>, Vec<RegencyInfo>) {
    let provinces: Vec<ProvinceRecord> =
        crate::yaml::from_str(PROVINCES_YAML).expect("embedded provinces.yaml is valid");
    let regencies: Vec<RegencyRecord> =
        crate::yaml::from_str(REGENCIES_YAML).expect("embedded regencies.yaml is valid");
    let mut provinces: Vec<Region> = provinces
        .into_iter()
        .map(|p| Region {
            code: p.code,
            slug: p.slug,
            name: p.short_name.unwrap_or(p.name),
        })
        .collect();
    provinces.sort_by(|a, b| a.code.cmp(&b.code));
    let by_code: HashMap<&str, usize> = provinces
        .iter()
        .enumerate()
        .map(|(i, p)| (p.code.as_str(), i))
        .collect();
    let mut out: Vec<RegencyInfo> = regencies
        .into_iter()
        .filter_map(|r| {
            let province = *by_code.get(r.province.as_str())?;
            let kota = r.kind == "kota";
            let official = r.official_name.unwrap_or_else(|| {
                format!("{} {}", if kota { "Kota" } else { "Kabupaten" }, r.name)
            });
            Some(RegencyInfo {
                code: r.code,
                province,
                name: r.name,
                kota,
                official,
            })
        })
        .collect();
    out.sort_by(|a, b| a.code.cmp(&b.code));
    (provinces, out)
}

/// Generates a site. Errors only on options that cannot make a valid site
/// (stories without any library to tell them about).
pub fn generate(opts: &SynthOptions) -> Result<SynthSite, String> {
    if opts.stories > 0 && opts.libraries == 0 {
        return Err("stories need at least one library: use --libraries 1 or more".into());
    }
    let mut rng = Rng::new(opts.seed);
    let (provinces, regencies) = regions();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    fn add(files: &mut Vec<(String, Vec<u8>)>, path: String, text: String) {
        files.push((path, text.into_bytes()));
    }

    add(&mut files, "data/site.yaml".into(), site_yaml(opts));
    add(
        &mut files,
        "data/provinces.yaml".into(),
        PROVINCES_YAML.to_string(),
    );
    add(
        &mut files,
        "data/regencies.yaml".into(),
        REGENCIES_YAML.to_string(),
    );

    // Bare names that fit one regency only may be written without the kind.
    let mut bare_count: HashMap<String, usize> = HashMap::new();
    for r in &regencies {
        *bare_count
            .entry(crate::diag::suggest::fold(&r.name))
            .or_default() += 1;
    }

    // Libraries: regencies in a seeded order, round and round, so that every
    // regency gets one once there are as many libraries as regencies.
    let mut order: Vec<usize> = (0..regencies.len()).collect();
    rng.shuffle(&mut order);
    let mut by_province: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut libs: Vec<Lib> = Vec::with_capacity(opts.libraries);
    let mut ids: HashSet<String> = HashSet::new();
    for i in 0..opts.libraries {
        let reg = &regencies[order[i % order.len()]];
        let entries = by_province.entry(reg.province).or_default();
        let (lib, text) = library(
            &mut rng,
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
        add(&mut files, format!("data/libraries/{slug}.yaml"), text);
    }
    let mut libs_of: Vec<Vec<usize>> = vec![Vec::new(); provinces.len()];
    for (i, l) in libs.iter().enumerate() {
        libs_of[l.province].push(i);
    }
    let with_libs: Vec<usize> = by_province.keys().copied().collect();

    // Events: about one per hundred posts, at least five, plus one draft.
    let n_events = (opts.posts / 100).max(5);
    let mut events: Vec<Ev> = Vec::with_capacity(n_events + 1);
    for i in 0..=n_events {
        let draft = i == n_events;
        let (ev, text) = event(&mut rng, i, &provinces, &regencies, &with_libs, draft);
        add(&mut files, format!("content/plm/{}.md", ev.slug), text);
        events.push(ev);
    }
    let mut events_of: Vec<Vec<usize>> = vec![Vec::new(); provinces.len()];
    for (i, e) in events.iter().enumerate() {
        if !e.draft {
            for &p in &e.provinces {
                events_of[p].push(i);
            }
        }
    }

    // News posts: mostly about one province and some of its libraries; some
    // report on an event; every fiftieth is a page bundle with its own photo.
    for i in 0..opts.posts {
        let (path, text, bundle) = post(
            &mut rng, i, &provinces, &libs, &libs_of, &with_libs, &events, &events_of,
        );
        if let Some(dir) = bundle {
            files.push((format!("{dir}/foto.png"), PNG_1X1.to_vec()));
        }
        add(&mut files, path, text);
    }

    for i in 0..opts.stories {
        let (path, text) = story(&mut rng, i, &libs);
        add(&mut files, path, text);
    }

    let (awards_text, n_awards) = awards(&mut rng, &provinces, &libs, &libs_of, &events);
    if n_awards > 0 {
        add(&mut files, "data/awards.yaml".into(), awards_text);
    }
    let (reports, n_reports) = reports(&mut rng, &provinces, &libs_of, &with_libs, &events);
    for (path, text) in reports {
        add(&mut files, path, text);
    }
    add(&mut files, "content/tentang.md".into(), about_page(opts));
    files.push(("static/images/perpustakaan.png".into(), PNG_1X1.to_vec()));
    files.push(("static/images/berita.png".into(), PNG_1X1.to_vec()));

    let summary = SynthSummary {
        files: files.len(),
        bytes: files.iter().map(|(_, b)| b.len() as u64).sum(),
        provinces: by_province.len(),
        libraries: libs.len(),
        posts: opts.posts,
        stories: opts.stories,
        events: events.iter().filter(|e| !e.draft).count(),
        awards: n_awards,
        reports: n_reports,
    };
    Ok(SynthSite { files, summary })
}

/// Generates the site and writes it under `out` (created if needed).
/// Does not check that `out` is empty: the caller decides.
pub fn write(out: &Path, opts: &SynthOptions) -> Result<SynthSummary, String> {
    let site = generate(opts)?;
    let mut dirs: Vec<&str> = site
        .files
        .iter()
        .filter_map(|(p, _)| p.rsplit_once('/').map(|(d, _)| d))
        .collect();
    dirs.sort_unstable();
    dirs.dedup();
    for d in dirs {
        let dir = out.join(d);
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    for (p, bytes) in &site.files {
        let path = out.join(p);
        std::fs::write(&path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(site.summary)
}

fn site_yaml(opts: &SynthOptions) -> String {
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

fn event(
    rng: &mut Rng,
    i: usize,
    provinces: &[Region],
    regencies: &[RegencyInfo],
    with_libs: &[usize],
    draft: bool,
) -> (Ev, String) {
    // Events sit in provinces with libraries when there are some.
    let pool: Vec<usize> = if with_libs.is_empty() {
        (0..provinces.len()).collect()
    } else {
        with_libs.to_vec()
    };
    let kind = if draft { 0 } else { i % 5 };
    let (level, provs) = match kind {
        3 => ("regional", rng.some(&pool, 2, 4)),
        4 => ("nasional", Vec::new()),
        _ => ("provinsi", vec![*rng.pick(&pool)]),
    };
    let start = {
        let d = rng.date();
        // Leave room for the news after it within 2025.
        Ymd(d.0, d.1.min(11), d.2)
    };
    let end = start.plus_days(rng.range(0, 2));
    let year = start.0;
    let (title, slug, city) = match level {
        "provinsi" => {
            let p = &provinces[provs[0]];
            let city = regencies
                .iter()
                .find(|r| r.province == provs[0] && r.kota)
                .or_else(|| regencies.iter().find(|r| r.province == provs[0]))
                .map_or_else(|| p.name.clone(), |r| r.name.clone());
            (
                format!("PLM Provinsi {} {year}", p.name),
                format!("plm-{}-{year}-{i}", p.slug),
                city,
            )
        }
        "regional" => (
            format!("PLM Regional {year} Gelombang {}", i + 1),
            format!("plm-regional-{year}-{i}"),
            provinces[provs[0]].name.clone(),
        ),
        _ => (
            format!("PLM Nasional {year} ke-{}", i + 1),
            format!("plm-nasional-{year}-{i}"),
            "Jakarta".into(),
        ),
    };
    let slug = if draft { format!("draf-{slug}") } else { slug };
    let prov_slugs: Vec<&str> = provs.iter().map(|&p| provinces[p].slug.as_str()).collect();
    let mut t = String::with_capacity(1200);
    t.push_str("---\n");
    let _ = writeln!(t, "title: {}", q(&title));
    let _ = writeln!(t, "level: {level}");
    let _ = writeln!(t, "provinces: {}", qlist(&prov_slugs));
    let _ = writeln!(t, "city: {}", q(&city));
    if rng.chance(15) {
        t.push_str("online: true\n");
    } else {
        let _ = writeln!(t, "venue: {}", q(&format!("{} {city}", rng.pick(HOTELS))));
    }
    let _ = writeln!(t, "start: {start}");
    let _ = writeln!(t, "end: {end}");
    let _ = writeln!(
        t,
        "theme: {}",
        q(&format!("Perpustakaan dan {}", rng.pick(ACTIVITIES)))
    );
    let total = rng.range(20, 300);
    let _ = writeln!(
        t,
        "participants:\n  total: {total}\n  provinsi: {}\n  kabupaten_kota: {}\n  desa_kelurahan: {}",
        provs.len().max(1),
        total / 4,
        total / 2
    );
    let facs = rng.sample(FACILITATORS, 2);
    let _ = writeln!(t, "facilitators: {}", qlist(&facs));
    let _ = writeln!(
        t,
        "tags: {}",
        qlist(&["plm".to_string(), format!("plm-{year}")])
    );
    let _ = writeln!(
        t,
        "summary: {}",
        q(&format!(
            "{title}: belajar bersama antarperpustakaan mitra."
        ))
    );
    if draft {
        t.push_str("draft: true\n");
    }
    t.push_str("---\n\n");
    body(rng, &mut t, &title, 3);
    (
        Ev {
            slug,
            provincial: level == "provinsi",
            provinces: provs,
            end,
            draft,
        },
        t,
    )
}

#[allow(clippy::too_many_arguments)]
fn post(
    rng: &mut Rng,
    i: usize,
    provinces: &[Region],
    libs: &[Lib],
    libs_of: &[Vec<usize>],
    with_libs: &[usize],
    events: &[Ev],
    events_of: &[Vec<usize>],
) -> (String, String, Option<String>) {
    let province = if with_libs.is_empty() {
        rng.below(provinces.len())
    } else {
        *rng.pick(with_libs)
    };
    let local: Vec<usize> = libs_of[province].clone();
    let chosen = rng.some(&local, 1, 3);
    let event = if !events_of[province].is_empty() && rng.chance(35) {
        Some(*rng.pick(&events_of[province]))
    } else {
        None
    };
    let date = match event {
        Some(e) => events[e].end.plus_days(rng.range(1, 5)),
        None => rng.date(),
    };
    let activity = rng.pick(ACTIVITIES);
    let what = capitalized(activity);
    let title = match chosen.first() {
        Some(&l) => format!("{} Gelar {what}", libs[l].name),
        None => format!("Perpustakaan di {} Gelar {what}", provinces[province].name),
    };
    let slug = format!("{}-{}", slugify(&title), i + 1);
    let bundle = i % 50 == 49;
    let (path, dir) = if bundle {
        let dir = format!("content/berita/{slug}");
        (format!("{dir}/index.md"), Some(dir))
    } else {
        (format!("content/berita/{slug}.md"), None)
    };
    let lib_ids: Vec<&str> = chosen.iter().map(|&l| libs[l].id.as_str()).collect();
    let mut t = String::with_capacity(1500);
    t.push_str("---\n");
    let _ = writeln!(t, "title: {}", q(&title));
    let _ = writeln!(t, "date: {date}");
    let _ = writeln!(
        t,
        "author: {}",
        q(&format!("Tim Komunikasi {}", provinces[province].name))
    );
    let _ = writeln!(t, "provinces: [{}]", provinces[province].slug);
    if !lib_ids.is_empty() {
        let _ = writeln!(t, "libraries:");
        for id in &lib_ids {
            let _ = writeln!(t, "  - {id}");
        }
    }
    if let Some(e) = event {
        let _ = writeln!(t, "event: {}", events[e].slug);
    }
    let tags = rng.some(TAGS, 1, 3);
    let _ = writeln!(t, "tags: {}", qlist(&tags));
    if bundle {
        let _ = writeln!(
            t,
            "image: foto.png\nimage_alt: {}",
            q(&format!("Peserta {activity}"))
        );
    } else if rng.chance(20) {
        let _ = writeln!(
            t,
            "image: /images/berita.png\nimage_alt: {}",
            q(&format!("Suasana {activity}"))
        );
    }
    let _ = writeln!(
        t,
        "summary: {}",
        q(&format!(
            "Kabar dari {}: {activity}.",
            provinces[province].name
        ))
    );
    t.push_str("---\n\n");
    body(rng, &mut t, &title, 4);
    (path, t, dir)
}

fn story(rng: &mut Rng, i: usize, libs: &[Lib]) -> (String, String) {
    let lib = rng.pick(libs);
    let person = format!("{}, {}", rng.pick(PEOPLE), rng.pick(ROLES));
    let activity = rng.pick(ACTIVITIES);
    let title = format!(
        "Berkat {activity}, Hidup {} Berubah",
        person.split(',').next().unwrap_or("Warga")
    );
    let slug = format!("{}-{}", slugify(&title), i + 1);
    let mut t = String::with_capacity(1500);
    t.push_str("---\n");
    let _ = writeln!(t, "title: {}", q(&title));
    let _ = writeln!(t, "date: {}", rng.date());
    let _ = writeln!(t, "person: {}", q(&person));
    let _ = writeln!(t, "library: {}", lib.id);
    let _ = writeln!(t, "themes: {}", qlist(&rng.some(THEMES, 1, 2)));
    let _ = writeln!(t, "tags: {}", qlist(&rng.some(TAGS, 1, 2)));
    let _ = writeln!(
        t,
        "quote: {}",
        q(&format!(
            "Dulu saya tidak tahu harus mulai dari mana. Di {} saya belajar {activity}.",
            lib.name
        ))
    );
    if rng.chance(20) {
        let _ = writeln!(
            t,
            "image: /images/berita.png\nimage_alt: {}",
            q(&format!("{person} di perpustakaan"))
        );
    }
    let _ = writeln!(
        t,
        "summary: {}",
        q(&format!("Kisah {person} setelah ikut {activity}."))
    );
    t.push_str("illustrative: true\n---\n\n");
    body(rng, &mut t, &title, 5);
    (format!("content/kisah/{slug}.md"), t)
}

/// A few paragraphs of plausible Markdown.
fn body(rng: &mut Rng, t: &mut String, title: &str, paragraphs: usize) {
    const SENTENCES: &[&str] = &[
        "Kegiatan ini diikuti warga dari berbagai kalangan, dari pelajar sampai ibu rumah tangga.",
        "Perpustakaan tidak lagi hanya tempat meminjam buku, tetapi ruang belajar bersama.",
        "Pengelola perpustakaan bekerja sama dengan pemerintah desa dan kader PKK.",
        "Peserta belajar langsung dari narasumber yang berpengalaman di bidangnya.",
        "Hasil pelatihan sebagian sudah dijual di pasar desa dan lewat media sosial.",
        "Kepala desa berjanji menambah anggaran perpustakaan pada tahun berikutnya.",
        "Buku-buku praktis tentang usaha kecil menjadi koleksi yang paling sering dipinjam.",
        "Anak-anak datang sepulang sekolah untuk membaca dan mengerjakan tugas.",
        "Relawan membantu warga yang belum terbiasa menggunakan komputer dan internet.",
        "Kegiatan serupa akan digelar lagi bulan depan dengan materi lanjutan.",
    ];
    let _ = writeln!(t, "Catatan singkat tentang **{title}**.\n");
    for p in 0..paragraphs {
        if p == paragraphs / 2 {
            t.push_str("## Yang dipelajari\n\n");
            for s in rng.sample(SENTENCES, 3) {
                let _ = writeln!(t, "- {s}");
            }
            t.push('\n');
        }
        let line = rng.some(SENTENCES, 2, 4);
        let _ = writeln!(t, "{}\n", line.join(" "));
    }
}

fn awards(
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

fn reports(
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

fn about_page(opts: &SynthOptions) -> String {
    format!(
        "---\ntitle: Tentang Situs Ini\nsummary: \"Situs sintetis untuk uji dan tolok ukur.\"\nweight: 1\n---\n\n\
         Situs ini dibuat oleh `warta dev synth --libraries {} --posts {} --stories {} --seed {}`.\n\
         Semua nama perpustakaan, berita dan kisah di sini rekaan.\n",
        opts.libraries, opts.posts, opts.stories, opts.seed
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::ResolveOptions;

    fn opts(libraries: usize, posts: usize, stories: usize, seed: u64) -> SynthOptions {
        SynthOptions {
            libraries,
            posts,
            stories,
            seed,
        }
    }

    fn check_clean(o: &SynthOptions) -> crate::pipeline::Checked {
        let dir = tempfile::tempdir().unwrap();
        let summary = write(dir.path(), o).unwrap();
        let checked = crate::pipeline::check(dir.path(), ResolveOptions::default());
        let diags: Vec<_> = checked.diags.iter().cloned().collect();
        let shown: Vec<String> = diags
            .iter()
            .map(|d| {
                let at = d
                    .span
                    .as_ref()
                    .map_or(String::new(), |s| checked.files.location(s));
                format!(
                    "{at}: {} ({:?})",
                    d.message.en(),
                    d.help.as_ref().map(|h| h.en())
                )
            })
            .collect();
        assert!(
            diags.is_empty(),
            "synthetic site has problems:\n{}",
            shown.join("\n")
        );
        assert_eq!(checked.site.libraries.len(), summary.libraries);
        assert_eq!(checked.site.posts.len(), summary.posts);
        assert_eq!(checked.site.stories.len(), summary.stories);
        assert_eq!(checked.site.events.len(), summary.events);
        assert_eq!(checked.site.awards.len(), summary.awards);
        assert_eq!(checked.site.reports.len(), summary.reports);
        checked
    }

    #[test]
    fn small_site_checks_clean() {
        let c = check_clean(&opts(40, 120, 20, 7));
        assert!(c.site.posts.iter().any(|p| p.event.is_some()));
        assert!(c.site.posts.iter().any(|p| p.image.is_some()));
        assert!(!c.site.awards.is_empty());
    }

    #[test]
    fn every_regency_can_be_named() {
        // More libraries than regencies: each regency is used, in every form.
        let c = check_clean(&opts(600, 10, 5, 3));
        assert!(c.site.regencies.iter().all(|r| !r.libraries.is_empty()));
        assert_eq!(
            c.site
                .provinces
                .iter()
                .filter(|p| !p.libraries.is_empty())
                .count(),
            38
        );
    }

    #[test]
    fn tiny_and_empty_sites_check_clean() {
        check_clean(&opts(1, 1, 1, 0));
        check_clean(&opts(0, 0, 0, 0));
        check_clean(&opts(2, 0, 0, u64::MAX));
        assert!(generate(&opts(0, 5, 1, 0)).is_err());
    }

    #[test]
    fn deterministic_for_a_seed() {
        let a = generate(&opts(30, 60, 10, 42)).unwrap();
        let b = generate(&opts(30, 60, 10, 42)).unwrap();
        assert_eq!(a.files, b.files);
        assert_eq!(a.summary, b.summary);
        let c = generate(&opts(30, 60, 10, 43)).unwrap();
        assert_ne!(a.files, c.files);
        let paths: HashSet<&str> = a.files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths.len(), a.files.len(), "no file is written twice");
    }

    #[test]
    fn rng_is_uniform_enough_and_dates_real() {
        let mut r = Rng::new(1);
        let mut counts = [0usize; 10];
        for _ in 0..10_000 {
            counts[r.below(10)] += 1;
        }
        assert!(
            counts.iter().all(|&c| (800..1200).contains(&c)),
            "{counts:?}"
        );
        for _ in 0..1000 {
            let d = r.date().plus_days(r.range(0, 7));
            assert!(crate::model::Date::parse(&d.to_string()).is_ok(), "{d}");
            assert!(d <= Ymd(2025, 12, 31));
        }
    }
}
