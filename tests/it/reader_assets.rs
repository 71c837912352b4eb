//! What makes pages travel (docs/images.md, docs/contract-extensions.md):
//! a social card on every page that is shared, the icons and the web
//! manifest from site.yaml with their settings checked, and each event as
//! an iCalendar file (RFC 5545) with schema.org `Event` JSON-LD.

use crate::support;

use image::{Rgb, RgbImage};
use std::path::Path;
use support::*;

fn build(site: &TestSite, out: &Path) -> Output {
    site.run(&["build", "--out", out.to_str().unwrap()])
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 200]));
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

/// The `content` of `<meta property|name="key" content="…">`, unescaped
/// enough for URLs and plain words.
fn meta<'a>(html: &'a str, key: &str) -> Option<&'a str> {
    let at = html
        .find(&format!("property=\"{key}\" content=\""))
        .or_else(|| html.find(&format!("name=\"{key}\" content=\"")))?;
    let rest = &html[at..];
    let start = rest.find("content=\"")? + 9;
    Some(&rest[start..start + rest[start..].find('"')?])
}

fn html_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            html_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "html") {
            out.push(p);
        }
    }
}

#[test]
fn every_shared_page_has_a_card_with_its_size_and_alt() {
    let site = TestSite::minimal();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build(&site, &out).assert_ok();
    let mut pages = Vec::new();
    html_files(&out, &mut pages);
    let mut checked = 0;
    for p in &pages {
        let html = std::fs::read_to_string(p).unwrap();
        let rel = p.strip_prefix(&out).unwrap().display().to_string();
        if html.contains("name=\"robots\" content=\"noindex\"") || rel.starts_with("admin/") {
            continue;
        }
        let image = meta(&html, "og:image").unwrap_or_else(|| panic!("{rel}: no og:image"));
        let path = image
            .strip_prefix("https://uji.example.id/")
            .unwrap_or_else(|| panic!("{rel}: {image}"));
        let bytes = std::fs::read(out.join(path)).unwrap_or_else(|_| panic!("{rel}: {path}"));
        let img = image::load_from_memory(&bytes).unwrap();
        let w: u32 = meta(&html, "og:image:width").unwrap().parse().unwrap();
        let h: u32 = meta(&html, "og:image:height").unwrap().parse().unwrap();
        assert_eq!((img.width(), img.height()), (w, h), "{rel}");
        assert!(
            !meta(&html, "og:image:alt").unwrap_or("").is_empty(),
            "{rel}"
        );
        assert_eq!(meta(&html, "twitter:card"), Some("summary_large_image"));
        checked += 1;
    }
    assert!(checked >= 15, "{checked} pages");
    // The post has no photo: its card shows its title; the news list's
    // card is its own.
    let post = std::fs::read_to_string(out.join("berita/plm-jawa-tengah-2022-semarang/index.html"))
        .unwrap();
    let list = std::fs::read_to_string(out.join("berita/index.html")).unwrap();
    assert!(meta(&post, "og:image").unwrap().contains("/img/card-"));
    assert_ne!(meta(&post, "og:image"), meta(&list, "og:image"));
}

#[test]
fn a_post_with_a_photo_keeps_it_and_the_pages_of_a_list_share_a_card() {
    let site = TestSite::minimal();
    site.write("static/images/rapat.png", png(1300, 800)).edit(
        POST,
        "tags: [plm]\n",
        "tags: [plm]\nimage: /images/rapat.png\nimage_alt: Peserta rapat\n",
    );
    site.edit(
        "data/site.yaml",
        "language: id\n",
        "language: id\nper_page: 1\n",
    );
    // A second post: two pages of news.
    let second = site
        .read(POST)
        .replace("title:", "title: Kedua")
        .replace("image: /images/rapat.png\nimage_alt: Peserta rapat\n", "");
    site.write("content/berita/kedua.md", second);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build(&site, &out).assert_ok();
    let post = std::fs::read_to_string(out.join("berita/plm-jawa-tengah-2022-semarang/index.html"))
        .unwrap();
    assert!(!meta(&post, "og:image").unwrap().contains("/img/card-"));
    assert_eq!(meta(&post, "og:image:alt"), Some("Peserta rapat"));
    let one = std::fs::read_to_string(out.join("berita/index.html")).unwrap();
    let two = std::fs::read_to_string(out.join("berita/page/2/index.html")).unwrap();
    assert_eq!(meta(&one, "og:image"), meta(&two, "og:image"));
}

#[test]
fn icons_and_manifest_come_from_the_theme_by_default() {
    let site = TestSite::minimal();
    site.edit(
        "data/site.yaml",
        "language: id\n",
        "language: id\nshort_name: Uji\ntheme_color: \"#1A2B3C\"\n",
    );
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build(&site, &out).assert_ok();
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.webmanifest")).unwrap()).unwrap();
    assert_eq!(m["name"], "Situs Uji");
    assert_eq!(m["short_name"], "Uji");
    assert_eq!(m["theme_color"], "#1a2b3c");
    assert_eq!(m["lang"], "id");
    assert_eq!(m["start_url"], "/");
    for icon in m["icons"].as_array().unwrap() {
        let side: u32 = icon["sizes"]
            .as_str()
            .unwrap()
            .split('x')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let bytes =
            std::fs::read(out.join(icon["src"].as_str().unwrap().trim_start_matches('/'))).unwrap();
        let img = image::load_from_memory(&bytes).unwrap();
        assert_eq!((img.width(), img.height()), (side, side));
        // Drawn in the site's colour.
        assert_eq!(img.to_rgb8().get_pixel(1, 1).0, [0x1a, 0x2b, 0x3c]);
    }
    let ico = std::fs::read(out.join("favicon.ico")).unwrap();
    assert_eq!(&ico[..4], &[0, 0, 1, 0]);
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    for want in [
        "<link rel=\"manifest\" href=\"/manifest.webmanifest\">",
        "<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">",
        "<link rel=\"apple-touch-icon\" href=\"/apple-touch-icon.png\" sizes=\"180x180\"",
        "<meta name=\"theme-color\" content=\"#1a2b3c\">",
    ] {
        assert!(home.contains(want), "{want}");
    }
    assert!(out.join("favicon.svg").is_file() && out.join("apple-touch-icon.png").is_file());
}

#[test]
fn a_site_icon_is_made_in_every_size() {
    let site = TestSite::minimal();
    site.write("static/images/ikon.png", png(600, 600)).edit(
        "data/site.yaml",
        "language: id\n",
        "language: id\nicon: /images/ikon.png\n",
    );
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build(&site, &out).assert_ok();
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.webmanifest")).unwrap()).unwrap();
    for icon in m["icons"].as_array().unwrap() {
        let src = icon["src"].as_str().unwrap();
        assert!(src.starts_with("/img/"), "{src}");
        let img = image::load_from_memory(&std::fs::read(out.join(&src[1..])).unwrap()).unwrap();
        let side: u32 = icon["sizes"]
            .as_str()
            .unwrap()
            .split('x')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!((img.width(), img.height()), (side, side));
    }
    let ico = std::fs::read(out.join("favicon.ico")).unwrap();
    assert_eq!(&ico[..4], &[0, 0, 1, 0]);
    let inner = image::load_from_memory(&ico[22..]).unwrap();
    assert_eq!((inner.width(), inner.height()), (32, 32));
    assert!(
        !out.join("favicon.svg").exists(),
        "no theme icon beside the site's"
    );
}

#[test]
fn bad_app_settings_are_errors_at_their_place_in_check_and_build() {
    let site = TestSite::minimal();
    site.write("static/images/lebar.png", png(800, 400)).edit(
        "data/site.yaml",
        "language: id\n",
        "language: id\ntheme_color: biru\nbackground_color: \"#12345\"\nicon: /images/lebar.png\n",
    );
    for out in [site.check(&[]), site.run(&["build", "--out", "x"])] {
        out.assert_error("data/site.yaml:4:14", &["theme_color", "not a colour", "#"]);
        out.assert_error("data/site.yaml:5:19", &["background_color", "not a colour"]);
        out.assert_error("data/site.yaml:6:7", &["800×400", "not square", "512"]);
    }
    site.edit(
        "data/site.yaml",
        "icon: /images/lebar.png",
        "icon: /images/tidak-ada.png",
    );
    site.check(&[])
        .assert_error("data/site.yaml:6:7", &["tidak-ada.png", "not found"]);
    site.write("static/images/kecil.png", png(64, 64)).edit(
        "data/site.yaml",
        "icon: /images/tidak-ada.png",
        "icon: /images/kecil.png",
    );
    site.check(&[])
        .assert_error("data/site.yaml:6:7", &["64×64", "too small"]);
}

/// Unfolds an iCalendar text (RFC 5545 3.1) into its content lines,
/// checking the folding on the way: CRLF only, at most 75 octets a line.
fn unfold(ics: &str) -> Vec<String> {
    assert!(ics.ends_with("\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains(['\r', '\n']),
        "bare CR or LF"
    );
    let mut lines: Vec<String> = Vec::new();
    for l in ics.split_terminator("\r\n") {
        assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
        match l.strip_prefix(' ') {
            Some(rest) => lines.last_mut().expect("a line to continue").push_str(rest),
            None => lines.push(l.to_string()),
        }
    }
    lines
}

fn property<'a>(lines: &'a [String], name: &str) -> &'a str {
    lines
        .iter()
        .find_map(|l| l.strip_prefix(name))
        .unwrap_or_else(|| panic!("no {name} in {lines:#?}"))
}

#[test]
fn each_event_is_a_calendar_file_and_structured_data() {
    let site = TestSite::minimal();
    let long = "Pertemuan; belajar, bersama \\ mitra ".repeat(6);
    site.edit(
        EVENT,
        "venue: Hotel MG Setos Semarang",
        "venue: \"Aula; Gedung A, Lt. 2\"",
    )
    .edit(
        EVENT,
        "participants:",
        &format!("summary: '{long}'\nparticipants:"),
    );
    // A one-day event with no `end`, with a long title in another script.
    let one_day = EVENT_MD
        .replace("title: PLM Provinsi Jawa Tengah 2022", "title: Lokakarya Ñandú — pustaka digital untuk desa-desa di lereng Gunung Merapi dan sekitarnya")
        .replace("start: 2022-08-02\nend: 2022-08-03\n", "start: 2022-12-31\n");
    site.write("content/plm/lokakarya.md", one_day);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build(&site, &out).assert_ok();

    let ics = std::fs::read_to_string(out.join("plm/plm-jawa-tengah-2022/kalender.ics")).unwrap();
    let lines = unfold(&ics);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    assert_eq!(property(&lines, "VERSION:"), "2.0");
    assert_eq!(property(&lines, "DTSTART;VALUE=DATE:"), "20220802");
    // The end is exclusive: the day after the last day.
    assert_eq!(property(&lines, "DTEND;VALUE=DATE:"), "20220804");
    assert_eq!(
        property(&lines, "UID:"),
        "plm-jawa-tengah-2022@uji.example.id"
    );
    assert_eq!(property(&lines, "DTSTAMP:"), "20220802T000000Z");
    assert_eq!(
        property(&lines, "LOCATION:"),
        "Aula\\; Gedung A\\, Lt. 2\\, Semarang"
    );
    assert_eq!(
        property(&lines, "URL:"),
        "https://uji.example.id/plm/plm-jawa-tengah-2022/"
    );
    let description = property(&lines, "DESCRIPTION:");
    assert!(
        description.starts_with("Pertemuan\\; belajar\\, bersama \\\\ mitra"),
        "{description}"
    );
    assert!(description.ends_with("\\n\\nhttps://uji.example.id/plm/plm-jawa-tengah-2022/"));

    let one = std::fs::read_to_string(out.join("plm/lokakarya/kalender.ics")).unwrap();
    let one = unfold(&one);
    assert_eq!(property(&one, "DTSTART;VALUE=DATE:"), "20221231");
    assert_eq!(property(&one, "DTEND;VALUE=DATE:"), "20230101");
    assert!(property(&one, "SUMMARY:").starts_with("Lokakarya Ñandú"));

    let page = std::fs::read_to_string(out.join("plm/plm-jawa-tengah-2022/index.html")).unwrap();
    assert!(page.contains("href=\"/plm/plm-jawa-tengah-2022/kalender.ics\""));
    let ld = page
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|s| s.split("</script>").next())
        .expect("JSON-LD");
    let v: serde_json::Value = serde_json::from_str(ld).unwrap();
    assert_eq!(v["@type"], "Event");
    assert_eq!(v["startDate"], "2022-08-02");
    assert_eq!(v["endDate"], "2022-08-03");
    assert_eq!(v["location"]["@type"], "Place");
    assert_eq!(v["location"]["address"]["addressLocality"], "Semarang");
    assert_eq!(v["eventStatus"], "https://schema.org/EventScheduled");
    assert_eq!(v["organizer"]["name"], "Situs Uji");
    assert_eq!(v["url"], "https://uji.example.id/plm/plm-jawa-tengah-2022/");
}
