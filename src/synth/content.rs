//! The generated content: events, news posts (some of them page bundles),
//! stories and the about page, each with a few paragraphs of Markdown.

use super::records::Lib;
use super::regions::{RegencyInfo, Region};
use super::rng::{Rng, Ymd};
use super::words::{
    capitalized, q, qlist, ACTIVITIES, FACILITATORS, HOTELS, PEOPLE, ROLES, TAGS, THEMES,
};
use super::SynthOptions;
use crate::model::slugify;
use std::fmt::Write as _;

/// A generated event.
pub(super) struct Ev {
    pub(super) slug: String,
    /// Provinces (indices); one for a provincial event.
    pub(super) provinces: Vec<usize>,
    pub(super) provincial: bool,
    pub(super) end: Ymd,
    pub(super) draft: bool,
}

/// Events: about one per hundred posts, at least five, plus one draft.
/// Returns them with the published ones of each province (indices).
pub(super) fn events(
    rng: &mut Rng,
    posts: usize,
    provinces: &[Region],
    regencies: &[RegencyInfo],
    with_libs: &[usize],
    files: &mut Vec<(String, Vec<u8>)>,
) -> (Vec<Ev>, Vec<Vec<usize>>) {
    let n_events = (posts / 100).max(5);
    let mut events: Vec<Ev> = Vec::with_capacity(n_events + 1);
    for i in 0..=n_events {
        let draft = i == n_events;
        let (ev, text) = event(rng, i, provinces, regencies, with_libs, draft);
        files.push((format!("content/plm/{}.md", ev.slug), text.into_bytes()));
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
    (events, events_of)
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
pub(super) fn post(
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

pub(super) fn story(rng: &mut Rng, i: usize, libs: &[Lib]) -> (String, String) {
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

pub(super) fn about_page(opts: &SynthOptions) -> String {
    format!(
        "---\ntitle: Tentang Situs Ini\nsummary: \"Situs sintetis untuk uji dan tolok ukur.\"\nweight: 1\n---\n\n\
         Situs ini dibuat oleh `warta dev synth --libraries {} --posts {} --stories {} --seed {}`.\n\
         Semua nama perpustakaan, berita dan kisah di sini rekaan.\n",
        opts.libraries, opts.posts, opts.stories, opts.seed
    )
}
