//! Records generated from the field tables of tests/fuzz/schemas.rs:
//! mostly valid values drawn from the base site's own names, with near
//! misses, wrong types, duplicate keys, unknown fields and anchors.

use super::rng::Rng;
use super::schemas::{Schema, F};
use super::text::Knobs;
use super::yaml::{self, raw, s, Y};

/// Names a base site defines, so generated references mostly resolve.
pub struct Refs {
    pub provinces: Vec<String>,
    pub libraries: Vec<String>,
    pub events: Vec<String>,
    /// `@/` targets: content files relative to `content/`.
    pub pages: Vec<String>,
    /// Images that exist, as pages refer to them (`/x.png` is `static/x.png`).
    pub images: Vec<String>,
}

/// One record: the schema's fields (required ones nearly always), values
/// from `value`, sometimes wrong; unknown, misspelt and duplicate keys.
/// With `clean`, every value is one the contract accepts (references may
/// still be to records the base lacks).
pub fn record(
    rng: &mut Rng,
    schema: Schema,
    refs: &Refs,
    knobs: Knobs,
    clean: bool,
) -> Vec<(String, Y)> {
    let mut out = Vec::new();
    for &(name, f, required) in schema {
        let keep = if required {
            clean || !rng.one_in(30)
        } else {
            rng.one_in(3)
        };
        if !keep {
            continue;
        }
        let v = if !clean && rng.percent(12) {
            yaml::chaos(rng, knobs, 0)
        } else {
            value(rng, f, refs, knobs, clean)
        };
        out.push((name.to_string(), v));
    }
    if clean {
        consistent(rng, &mut out);
        return out;
    }
    if rng.one_in(6) && !out.is_empty() {
        // The same key twice, or a near-miss spelling of one.
        let k = out[rng.below(out.len())].0.clone();
        let k = match rng.below(3) {
            0 => k,
            1 => k.to_uppercase(),
            _ => format!("{k}s"),
        };
        let v = value(rng, F::Text, refs, knobs, false);
        out.insert(rng.below(out.len() + 1), (k, v));
    }
    if rng.one_in(5) && out.len() > 1 {
        // One anchored value reused by another field.
        let (a, b) = (rng.below(out.len()), rng.below(out.len()));
        // Anchor first, alias after it; now and then the other way round.
        let (i, j) = if rng.one_in(4) {
            (a.max(b), a.min(b))
        } else {
            (a.min(b), a.max(b))
        };
        let v = std::mem::replace(&mut out[i].1, raw(""));
        out[i].1 = Y::Anchor("x".into(), Box::new(v));
        if i != j {
            out[j].1 = Y::Alias("x".into());
        }
    }
    if rng.one_in(12) {
        out.push((
            "<<".into(),
            raw(*rng.pick(&["{title: Gabung}", "*x", "[{a: 1}, {b: 2}]", "x"])),
        ));
    }
    if rng.one_in(6) {
        rng_shuffle(rng, &mut out);
    }
    out
}

fn rng_shuffle<T>(rng: &mut Rng, v: &mut [T]) {
    for i in (1..v.len()).rev() {
        v.swap(i, rng.below(i + 1));
    }
}

/// A mapping; a clean one without a key twice.
fn map(clean: bool, mut entries: Vec<(String, Y)>) -> Y {
    if clean {
        let mut seen = std::collections::HashSet::new();
        entries.retain(|(k, _)| seen.insert(k.clone()));
    }
    Y::Map(entries)
}

/// A clean record's references agree with each other: the regency lies in
/// the province, the awarded library too (pairs both bases have).
fn consistent(rng: &mut Rng, fields: &mut [(String, Y)]) {
    let has = |k: &str| fields.iter().any(|(n, _)| n == k);
    let pair: (&str, &str, &str) = if has("regency") {
        *rng.pick(&[
            ("jawa-tengah", "regency", "Kabupaten Kudus"),
            ("jawa-tengah", "regency", "Kota Semarang"),
            ("jawa-tengah", "regency", "33.19"),
            ("jawa-timur", "regency", "35.78"),
            ("jawa-timur", "regency", "Kota Surabaya"),
        ])
    } else if has("library") && has("province") {
        *rng.pick(&[
            ("jawa-tengah", "library", "perpusdes-loram-wetan"),
            ("jawa-tengah", "library", "perpustakaan-kota-semarang"),
        ])
    } else {
        return;
    };
    for (name, v) in fields.iter_mut() {
        if name == "province" {
            *v = s(pair.0);
        } else if name == pair.1 {
            *v = s(pair.2);
        }
    }
}

/// A value for field kind `f`: valid when `clean`, most of the time
/// otherwise. Each list of choices starts with `n` valid ones.
pub fn value(rng: &mut Rng, f: F, refs: &Refs, knobs: Knobs, clean: bool) -> Y {
    let near = !clean && rng.one_in(12);
    let pv = |rng: &mut Rng, xs: &[&'static str], n: usize| -> &'static str {
        if clean {
            xs[rng.below(n)]
        } else {
            rng.pick_str(xs)
        }
    };
    let name = |rng: &mut Rng, xs: &[String], fallback: &str| -> String {
        let v = if xs.is_empty() {
            fallback.to_string()
        } else {
            rng.pick(xs).clone()
        };
        if near {
            near_miss(rng, &v, knobs)
        } else {
            v
        }
    };
    match f {
        F::Title => s(match rng.below(5) {
            0 => yaml::odd_text(rng, knobs),
            _ => rng
                .pick(&[
                    "PLM Provinsi Jawa Tengah 2022",
                    "Dari Rajutan ke Usaha",
                    "Perpustakaan: jantung desa",
                    "Judul \"bertanda\" kutip",
                    "#1 di Kudus",
                    "a",
                ])
                .to_string(),
        }),
        F::Text => s(if rng.one_in(4) {
            yaml::odd_text(rng, knobs)
        } else {
            rng.pick(&[
                "Semarang",
                "Ibu Siti",
                "Tim Komunikasi TPBIS",
                "Hotel MG Setos",
                "x",
            ])
            .to_string()
        }),
        F::Long => s(if rng.one_in(3) {
            yaml::odd_text(rng, knobs)
        } else {
            "Perpustakaan desa dan kota belajar bersama.\nBaris kedua.".repeat(rng.range(1, 4))
        }),
        F::Slug => s(if rng.one_in(3) {
            name(rng, &[], "perpusdes-baru")
        } else {
            format!("perpus-{}", rng.below(50))
        }),
        F::Province => s(name(rng, &refs.provinces, "jawa-tengah")),
        F::Provinces => Y::Seq(
            (0..rng.size(4))
                .map(|_| s(name(rng, &refs.provinces, "jawa-tengah")))
                .collect(),
        ),
        F::Library => s(name(rng, &refs.libraries, "perpusdes-loram-wetan")),
        F::Libraries => Y::Seq(
            (0..rng.size(5))
                .map(|_| s(name(rng, &refs.libraries, "perpusdes-loram-wetan")))
                .collect(),
        ),
        F::Event => s(name(rng, &refs.events, "plm-jawa-tengah-2022")),
        F::Tags => Y::Seq(
            (0..rng.size(5))
                .map(|_| {
                    s(if rng.one_in(4) {
                        yaml::odd_text(rng, knobs)
                    } else {
                        rng.pick(&[
                            "plm",
                            "plm-2022",
                            "kemitraan",
                            "Literasi Digital",
                            "a b",
                            "-",
                            "ÉTÉ",
                        ])
                        .to_string()
                    })
                })
                .collect(),
        ),
        F::Date => {
            let d = if clean {
                pv(rng, &["2022-08-04", "2024-02-29", "1999-12-31"], 3)
            } else if rng.one_in(3) {
                rng.pick_str(yaml::DATES)
            } else {
                "2022-08-04"
            };
            if rng.one_in(2) {
                raw(d)
            } else {
                s(d)
            }
        }
        F::Year => raw(pv(
            rng,
            &[
                "2019", "2022", "1999", "0", "65535", "65536", "-1", "\"2020\"",
            ],
            3,
        )),
        F::Count => raw(pv(
            rng,
            &[
                "1",
                "2",
                "3",
                "0",
                "100",
                "65535",
                "4294967295",
                "4294967296",
                "-3",
            ],
            3,
        )),
        F::Weight => raw(pv(
            rng,
            &[
                "1",
                "10",
                "0",
                "-5",
                "2147483647",
                "-2147483648",
                "2147483648",
                "4294967296",
            ],
            3,
        )),
        F::Bool => raw(pv(rng, &["true", "false", "yes", "\"true\"", "1"], 2)),
        F::Url => s(pv(
            rng,
            &[
                "https://uji.example.id",
                "http://x.id/a?b=1&c=<2>",
                "https://tpbis.perpusnas.go.id/",
                "javascript:alert(FUZZX)",
                "JaVaScRiPt:FUZZX()",
                "data:text/html,<script>FUZZX()</script>",
                "//evil.example",
                "ftp://x",
                "https://",
                "https://ex ample.id",
                "https://例え.jp/パス",
                "mailto:a@b.id",
                "/relatif",
                "https://x.id/\"><script>FUZZX()</script>",
            ],
            3,
        )
        .to_string()),
        F::Email => s(pv(
            rng,
            &[
                "perpus@desa.id",
                "a@b",
                "@",
                "x@y.z\u{202E}",
                "\"a b\"@c.id",
                "<script>FUZZX()</script>@x.id",
            ],
            1,
        )
        .to_string()),
        F::Phone => s(pv(
            rng,
            &[
                "+62 291 123456",
                "0812-3456-7890",
                "=HYPERLINK(\"x\")",
                "tel:123",
                "٠١٢٣",
            ],
            2,
        )
        .to_string()),
        F::Vocab(words) => {
            let w = rng.pick_str(words);
            s(if near {
                near_miss(rng, w, knobs)
            } else {
                w.to_string()
            })
        }
        F::Regency => s(pv(
            rng,
            &[
                "Kabupaten Kudus",
                "Kota Semarang",
                "33.19",
                "35.78",
                "Semarang",
                "kota semarang",
                "Kab. Kudus",
                "33.99",
                "Kudus",
            ],
            4,
        )
        .to_string()),
        F::Location => Y::Map(vec![
            (
                "lat".into(),
                raw(pv(
                    rng,
                    &["-6.8", "0", "-91", "90.0001", "1e308", ".nan", "-6,8"],
                    2,
                )),
            ),
            (
                "lon".into(),
                raw(pv(rng, &["110.8", "180", "-181", "-.inf", "110"], 2)),
            ),
        ]),
        F::Kpi => Y::Seq(
            (0..rng.size(4))
                .map(|_| {
                    Y::Map(vec![
                        (
                            "period".into(),
                            s(pv(rng, &["2024", "2024-S1", "", "2023"], 2)),
                        ),
                        (
                            "category".into(),
                            s(pv(rng, &["tinggi", "sedang", "rendah", "hijau"], 3)),
                        ),
                        (
                            "community_engagement".into(),
                            raw(pv(rng, &["12", "0", "4294967295", "4294967296", "-1"], 2)),
                        ),
                    ])
                })
                .collect(),
        ),
        F::Figures => map(
            clean,
            (0..rng.size(6))
                .map(|_| {
                    (
                        pv(
                            rng,
                            &[
                                "partners",
                                "villages",
                                "provinces",
                                "kpi_tinggi",
                                "participants",
                                "unknown_figure",
                                "advocacy",
                            ],
                            3,
                        )
                        .to_string(),
                        raw(pv(
                            rng,
                            &[
                                "932",
                                "0",
                                "18446744073709551615",
                                "18446744073709551616",
                                "-5",
                                "1.5",
                            ],
                            2,
                        )),
                    )
                })
                .collect(),
        ),
        F::Participants => map(
            clean,
            (0..rng.size(5))
                .map(|_| {
                    (
                        pv(rng, &["total", "desa", "kota", "lainnya", "peserta"], 3).to_string(),
                        raw(pv(rng, &["40", "0", "4294967295", "4294967296", "-1"], 2)),
                    )
                })
                .collect(),
        ),
        F::Source => Y::Map(vec![
            ("title".into(), s("Paparan")),
            ("url".into(), value(rng, F::Url, refs, knobs, clean)),
        ]),
        F::Menu => Y::Seq(
            (0..rng.size(12))
                .map(|_| {
                    Y::Map(vec![
                        ("name".into(), value(rng, F::Text, refs, knobs, clean)),
                        (
                            "url".into(),
                            s(pv(
                                rng,
                                &[
                                    "/",
                                    "/berita/",
                                    "/tidak-ada/",
                                    "https://x.id",
                                    "javascript:FUZZX()",
                                    "",
                                    "@/tentang.md",
                                ],
                                2,
                            )),
                        ),
                    ])
                })
                .collect(),
        ),
        F::Social => map(
            clean,
            (0..rng.size(4))
                .map(|_| {
                    (
                        pv(rng, &["facebook", "instagram", "x", "<b>", ""], 2).to_string(),
                        value(rng, F::Url, refs, knobs, clean),
                    )
                })
                .collect(),
        ),
        F::Image => s(if !clean && (refs.images.is_empty() || rng.one_in(3)) {
            rng.pick(&[
                "foto.jpg",
                "../../data/site.yaml",
                "/etc/passwd",
                "static/images/perpustakaan.png",
                "https://x.id/a.png",
                "",
                "a\u{0}.png",
                "foto.png",
            ])
            .to_string()
        } else {
            rng.pick(&refs.images).clone()
        }),
        F::Aliases => Y::Seq(
            (0..rng.size(3))
                .map(|i| s(format!("alamat-lama-{}-{i}", rng.below(1000))))
                .collect(),
        ),
        F::Strings => Y::Seq(
            (0..rng.size(4))
                .map(|_| value(rng, F::Text, refs, knobs, clean))
                .collect(),
        ),
        F::Code => s(rng
            .pick(&[
                "33", "35", "11", "33.19", "99", "3", "33.", ".19", "33.19.01", "٣٣",
            ])
            .to_string()),
    }
}

/// A name as a hurried author types it: a typo, other case, spaces, an
/// invisible character (when on), accents.
pub fn near_miss(rng: &mut Rng, v: &str, knobs: Knobs) -> String {
    let mut chars: Vec<char> = v.chars().collect();
    match rng.below(7) {
        0 if chars.len() > 1 => {
            let i = rng.below(chars.len() - 1);
            chars.swap(i, i + 1);
        }
        1 => return v.to_uppercase(),
        2 => return format!(" {v} "),
        3 => return v.replace('-', rng.pick_str(&[" ", "_", "", "‐", "--"])),
        4 if knobs.invisible => {
            let at = rng.below(chars.len() + 1);
            chars.insert(at, *rng.pick(super::text::INVISIBLE));
        }
        5 => return format!("{v}é"),
        _ => {
            if !chars.is_empty() {
                chars.remove(rng.below(chars.len()));
            }
        }
    }
    chars.into_iter().collect()
}
