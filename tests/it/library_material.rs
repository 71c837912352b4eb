//! Library promotion material end to end (docs/library-material.md): every
//! library's `qr.svg` decodes to its profile URL, `lencana.svg` says the
//! right things and fits, the poster page is printable and kept out of the
//! sitemap, and the profile page's badge snippet is shown escaped.

use crate::support;

use std::path::Path;
use support::{snapshot, TestSite, LIBS_JATENG};

const BASE: &str = "https://uji.example.id";
const EVIL: &str = "Perpustakaan <script>alert(1)</script> & \"Kutip\"";

/// The minimal site plus a library with a hostile name, illustrative KPI
/// and two awards (one illustrative), and one with a published KPI.
fn site() -> TestSite {
    let site = TestSite::minimal();
    let evil = serde_json::to_string(EVIL).unwrap();
    site.write(
        LIBS_JATENG,
        format!(
            "\
- id: perpusdes-loram-wetan
  name: Perpustakaan Desa Loram Wetan
  level: desa
  province: jawa-tengah
  regency: Kabupaten Kudus

- id: perpustakaan-kota-semarang
  name: Dinas Arsip dan Perpustakaan Kota Semarang
  level: kota
  province: jawa-tengah
  regency: Kota Semarang
  kpi:
    - period: \"2024\"
      category: rendah

- id: perpus-jahat
  name: {evil}
  level: desa
  province: jawa-tengah
  regency: Kabupaten Kudus
  village: {evil}
  illustrative: true
  kpi:
    - period: \"2023\"
      category: sedang
    - period: 2024-S1
      category: tinggi
"
        ),
    );
    site.write(
        "data/awards.yaml",
        "\
- year: 2022
  province: jawa-tengah
  category: terbaik
  rank: 1
  library: perpusdes-loram-wetan
- year: 2021
  province: jawa-tengah
  category: terbaik
  rank: 1
  library: perpus-jahat
- year: 2023
  province: jawa-tengah
  category: teraktif
  rank: 2
  library: perpus-jahat
  illustrative: true
",
    );
    site
}

fn build(site: &TestSite, out: &Path, threads: &str) {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_warta"))
        .env("RAYON_NUM_THREADS", threads)
        .arg("--root")
        .arg(site.root())
        .args(["--messages", "plain", "build", "--out"])
        .arg(out)
        .output()
        .expect("run warta");
    assert!(
        o.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Fills the path `d` (absolute and relative `M L H V` moves and lines,
/// `z`) into a white image, `scale` pixels per unit, with the even-odd
/// rule sampled at pixel centres: a small rasterizer, so the test decodes
/// exactly the path warta wrote.
fn rasterize(d: &str, side: u32, scale: u32) -> image::GrayImage {
    // Commands and their numbers.
    let mut cmds: Vec<(char, Vec<f64>)> = Vec::new();
    let mut num = String::new();
    let flush = |num: &mut String, cmds: &mut Vec<(char, Vec<f64>)>| {
        if !num.is_empty() {
            cmds.last_mut()
                .expect("a command first")
                .1
                .push(num.parse().unwrap());
            num.clear();
        }
    };
    for c in d.chars() {
        match c {
            'A'..='Z' | 'a'..='z' => {
                flush(&mut num, &mut cmds);
                cmds.push((c, Vec::new()));
            }
            ' ' | ',' => flush(&mut num, &mut cmds),
            '-' => {
                flush(&mut num, &mut cmds);
                num.push(c);
            }
            _ => num.push(c),
        }
    }
    flush(&mut num, &mut cmds);
    // Their edges.
    let mut edges: Vec<((f64, f64), (f64, f64))> = Vec::new();
    let (mut pen, mut start) = ((0.0, 0.0), (0.0, 0.0));
    for (cmd, n) in &cmds {
        let base = if cmd.is_ascii_lowercase() {
            pen
        } else {
            (0.0, 0.0)
        };
        let to = match cmd.to_ascii_uppercase() {
            'M' => {
                pen = (base.0 + n[0], base.1 + n[1]);
                start = pen;
                continue;
            }
            'L' => (base.0 + n[0], base.1 + n[1]),
            'H' => (base.0 + n[0], pen.1),
            'V' => (pen.0, base.1 + n[0]),
            'Z' => start,
            other => panic!("path command {other} not expected in a QR code"),
        };
        edges.push((pen, to));
        pen = to;
    }

    let px = side * scale;
    let mut img = image::GrayImage::from_pixel(px, px, image::Luma([255]));
    for y in 0..px {
        let yc = (y as f64 + 0.5) / scale as f64;
        let mut xs: Vec<f64> = edges
            .iter()
            .filter(|(a, b)| (a.1 <= yc) != (b.1 <= yc))
            .map(|(a, b)| a.0 + (yc - a.1) * (b.0 - a.0) / (b.1 - a.1))
            .collect();
        xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
        for pair in xs.chunks(2) {
            for x in 0..px {
                let xc = (x as f64 + 0.5) / scale as f64;
                if pair.len() == 2 && xc >= pair[0] && xc < pair[1] {
                    img.put_pixel(x, y, image::Luma([0]));
                }
            }
        }
    }
    img
}

/// Checks a `qr.svg` and returns what it decodes to.
fn decode_qr(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("qr.svg is XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let vb: Vec<u32> = root
        .attribute("viewBox")
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    let side = vb[2];
    assert_eq!(vb, [0, 0, side, side]);
    assert_eq!((side - 8 - 17) % 4, 0, "17 + 4 × version modules + 8 quiet");
    assert_eq!(root.attribute("width"), Some(&*(side * 8).to_string()));
    assert_eq!(root.attribute("height"), root.attribute("width"));
    assert_eq!(root.attribute("shape-rendering"), Some("crispEdges"));
    let paths: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("path"))
        .collect();
    assert_eq!(paths.len(), 1, "one path of modules");
    let img = rasterize(paths[0].attribute("d").unwrap(), side, 4);
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(
        img.width() as usize,
        img.height() as usize,
        |x, y| img.get_pixel(x as u32, y as u32).0[0],
    );
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code found");
    let (meta, text) = grids[0].decode().expect("decodes");
    // Error correction Q (format bits 0b11), to survive printing.
    assert_eq!(meta.ecc_level, 3);
    text
}

/// The `<text>` contents of a badge, after checking its frame.
fn badge_texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("lencana.svg is XML");
    let root = doc.root_element();
    let w: f64 = root.attribute("width").unwrap().parse().unwrap();
    let h: f64 = root.attribute("height").unwrap().parse().unwrap();
    assert_eq!(root.attribute("viewBox"), Some(&*format!("0 0 {w} {h}")));
    assert!(root.attribute("style").is_none());
    let mut texts = Vec::new();
    for t in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let x: f64 = t.attribute("x").unwrap().parse().unwrap();
        let y: f64 = t.attribute("y").unwrap().parse().unwrap();
        let len: f64 = t.attribute("textLength").unwrap().parse().unwrap();
        assert!(
            x + len <= w - 10.0 && y < h,
            "{:?} leaves the badge",
            t.text()
        );
        texts.push(t.text().unwrap_or_default().to_string());
    }
    texts
}

#[test]
fn qr_codes_decode_to_the_profile_urls() {
    let site = site();
    let tmp = tempfile::tempdir().unwrap();
    build(&site, tmp.path(), "2");
    for id in [
        "perpusdes-loram-wetan",
        "perpustakaan-kota-semarang",
        "perpus-jahat",
        "perpustakaan-kota-surabaya",
    ] {
        let svg = read(tmp.path(), &format!("perpustakaan/{id}/qr.svg"));
        assert_eq!(decode_qr(&svg), format!("{BASE}/perpustakaan/{id}/"));
        assert!(svg.len() < 8 * 1024, "{id}: {} bytes", svg.len());
    }
}

#[test]
fn example_site_qr_codes_decode() {
    // The real base URL and the longest ids of the example site.
    let tmp = tempfile::tempdir().unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["--messages", "plain", "--root", env!("CARGO_MANIFEST_DIR")])
        .args(["build", "--out"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let base =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/site.yaml"))
            .unwrap()
            .lines()
            .find_map(|l| l.strip_prefix("base_url: ").map(|s| s.trim().to_string()))
            .unwrap();
    let mut n = 0;
    for e in std::fs::read_dir(tmp.path().join("perpustakaan")).unwrap() {
        let e = e.unwrap();
        let id = e.file_name().to_string_lossy().into_owned();
        let qr = e.path().join("qr.svg");
        if !qr.exists() {
            continue; // an alias: a redirect page only
        }
        let svg = std::fs::read_to_string(qr).unwrap();
        assert_eq!(decode_qr(&svg), format!("{base}/perpustakaan/{id}/"));
        n += 1;
    }
    assert!(n >= 20, "only {n} libraries");
}

#[test]
fn badges_say_kpi_awards_and_illustrative_truthfully() {
    let site = site();
    let tmp = tempfile::tempdir().unwrap();
    build(&site, tmp.path(), "2");
    let badge = |id: &str| read(tmp.path(), &format!("perpustakaan/{id}/lencana.svg"));

    // No KPI, one award.
    assert_eq!(
        badge_texts(&badge("perpusdes-loram-wetan")),
        [
            "Mitra TPBIS",
            "Perpustakaan Desa Loram Wetan",
            "Terbaik 2022"
        ]
    );
    // No KPI, no award: only the partner line and the name.
    let texts = badge_texts(&badge("perpustakaan-kota-surabaya"));
    assert_eq!(texts[0], "Mitra TPBIS");
    assert_eq!(
        texts[1..].join(" "),
        "Dinas Perpustakaan dan Kearsipan Kota Surabaya",
        "the name, wrapped, and nothing else"
    );
    // A published KPI: red, written out, not marked illustrative.
    let semarang = badge("perpustakaan-kota-semarang");
    let texts = badge_texts(&semarang);
    assert!(texts.contains(&"KPI 2024: Rendah".to_string()), "{texts:?}");
    assert!(!semarang.contains("Ilustrasi"));
    assert!(semarang.contains("fill=\"#c62828\""));
    // Illustrative KPI (the latest entry) and awards: both marked; the
    // latest award is named, the other counted.
    let evil = badge("perpus-jahat");
    let texts = badge_texts(&evil);
    assert!(
        texts.contains(&"KPI 2024-S1: Tinggi".to_string()),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"Teraktif 2023, peringkat 2 · +1 lainnya".to_string()),
        "{texts:?}"
    );
    assert_eq!(texts.iter().filter(|t| *t == "Ilustrasi").count(), 2);
    assert!(evil.contains("fill=\"#1a7f37\""));
    // The hostile name is text, escaped in the XML source.
    assert!(!evil.contains("<script>"));
    assert!(evil.contains("&lt;script&gt;"));
    let doc = roxmltree::Document::parse(&evil).unwrap();
    let title = doc
        .descendants()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .unwrap();
    assert!(title.starts_with(EVIL), "{title}");
    assert!(title.contains("(ilustrasi)"));
}

/// Undoes HTML escaping (Tera's and warta's).
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn profile_page_shows_the_badge_snippet_as_escaped_text() {
    let site = site();
    let tmp = tempfile::tempdir().unwrap();
    build(&site, tmp.path(), "2");
    let page = read(tmp.path(), "perpustakaan/perpus-jahat/index.html");
    assert!(!page.contains("<script>alert"));
    assert!(!page.contains(" style=") && !page.contains("<style"));
    assert!(page.contains("href=\"/perpustakaan/perpus-jahat/poster/\""));
    assert!(page.contains("href=\"/perpustakaan/perpus-jahat/qr.svg\""));

    let badge = read(tmp.path(), "perpustakaan/perpus-jahat/lencana.svg");
    let doc = roxmltree::Document::parse(&badge).unwrap();
    let (w, h) = (
        doc.root_element().attribute("width").unwrap(),
        doc.root_element().attribute("height").unwrap(),
    );
    assert!(page.contains(&format!(
        "<img src=\"/perpustakaan/perpus-jahat/lencana.svg\" width=\"{w}\" height=\"{h}\""
    )));

    let start = page.find("<textarea").expect("a textarea");
    let open_end = start + page[start..].find('>').unwrap() + 1;
    let close = open_end + page[open_end..].find("</textarea>").unwrap();
    assert!(page[start..open_end].contains(" readonly"));
    let shown = unescape(&page[open_end..close]);
    // What the reader copies is HTML with the name escaped once more.
    let esc_name = "Perpustakaan &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Kutip&quot;";
    let want_start = format!(
        "<a href=\"{BASE}/perpustakaan/perpus-jahat/\"><img src=\"{BASE}/perpustakaan/perpus-jahat/lencana.svg\" alt=\"{esc_name} — Mitra TPBIS."
    );
    assert!(shown.starts_with(&want_start), "{shown}");
    assert!(
        shown.ends_with(&format!(" width=\"{w}\" height=\"{h}\"></a>")),
        "{shown}"
    );
    assert!(!shown.contains("<script>"));
    // The copy button needs the external script: hidden until it runs.
    assert!(page.contains("<script src=\"/salin.js\" defer></script>"));
    let button = &page[page.find("<button").unwrap()..];
    assert!(button[..button.find('>').unwrap()].contains(" hidden"));
    assert!(tmp.path().join("salin.js").exists());
}

#[test]
fn poster_is_a_noindex_page_out_of_the_sitemap() {
    let site = site();
    let tmp = tempfile::tempdir().unwrap();
    build(&site, tmp.path(), "2");
    let poster = read(tmp.path(), "perpustakaan/perpus-jahat/poster/index.html");
    assert!(poster.starts_with("<!doctype html>"));
    assert!(poster.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(poster.contains("<h1>Kunjungi profil kami</h1>"));
    assert!(poster.contains(
        "<p class=\"poster-name\">Perpustakaan &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Kutip&quot;</p>"
    ));
    assert!(
        !poster.contains("<script"),
        "no script at all on the poster"
    );
    assert!(!poster.contains(" style=") && !poster.contains("<style"));
    assert!(poster.contains("src=\"/perpustakaan/perpus-jahat/qr.svg\""));
    assert!(poster.contains(">uji.example.id/perpustakaan/perpus-jahat/</p>"));
    assert!(poster.contains("href=\"/perpustakaan/perpus-jahat/\""));
    // No site header, menu or footer: nothing to hide when printing.
    assert!(!poster.contains("site-header") && !poster.contains("site-footer"));

    let sitemap = read(tmp.path(), "sitemap.xml");
    assert!(sitemap.contains(&format!("{BASE}/perpustakaan/perpus-jahat/<")));
    assert!(
        !sitemap.contains("/poster/"),
        "posters are not in the sitemap"
    );
}

#[test]
fn material_is_the_same_at_any_thread_count() {
    let site = site();
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build(&site, &a, "1");
    build(&site, &b, "4");
    let (fa, fb) = (
        snapshot(&a.join("perpustakaan")),
        snapshot(&b.join("perpustakaan")),
    );
    assert!(fa.keys().any(|k| k.ends_with("qr.svg")));
    assert!(fa.keys().any(|k| k.ends_with("lencana.svg")));
    assert!(fa.keys().any(|k| k.ends_with("poster/index.html")));
    assert_eq!(fa, fb);
}

/// The masks remembered in `.warta-cache/qr-masks` change no byte of the
/// output; a damaged or stale memo only costs time, and never makes a code
/// that reads wrong. `check` writes no memo.
#[test]
fn remembered_qr_masks_change_nothing_but_time() {
    let site = site();
    let memo = site.root().join(".warta-cache/qr-masks");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_warta"))
        .arg("--root")
        .arg(site.root())
        .args(["--messages", "plain", "check"])
        .output()
        .expect("run warta");
    assert!(o.status.success());
    assert!(!memo.exists(), "check writes nothing");

    let tmp = tempfile::tempdir().unwrap();
    let out = |name: &str| tmp.path().join(name);
    build(&site, &out("first"), "2");
    let saved = std::fs::read(&memo).expect("build saves the masks");
    let codes = snapshot(&out("first").join("perpustakaan"))
        .keys()
        .filter(|k| k.ends_with("qr.svg"))
        .count();
    assert!(codes > 1);
    assert_eq!(saved.len(), b"warta-qr-masks 1\n".len() + 9 * codes);

    build(&site, &out("remembered"), "2");
    assert_eq!(
        std::fs::read(&memo).unwrap(),
        saved,
        "unchanged, not rewritten"
    );
    let first = snapshot(&out("first"));
    assert_eq!(first, snapshot(&out("remembered")));

    std::fs::write(&memo, b"not a memo").unwrap();
    build(&site, &out("damaged"), "2");
    assert_eq!(first, snapshot(&out("damaged")));
    assert_eq!(std::fs::read(&memo).unwrap(), saved, "made again");

    // Every entry made to say mask 0: other symbols, each still the URL.
    let mut stale = saved.clone();
    for entry in stale[b"warta-qr-masks 1\n".len()..].chunks_exact_mut(9) {
        entry[8] = 0;
    }
    std::fs::write(&memo, &stale).unwrap();
    build(&site, &out("stale"), "2");
    let mut differ = 0;
    for (path, bytes) in snapshot(&out("stale").join("perpustakaan")) {
        if let Some(id) = path.strip_suffix("/qr.svg") {
            differ += usize::from(first[&format!("perpustakaan/{path}")] != bytes);
            let svg = String::from_utf8(bytes).unwrap();
            assert_eq!(decode_qr(&svg), format!("{BASE}/perpustakaan/{id}/"));
        }
    }
    assert!(differ > 0, "the stale masks were used");
}
