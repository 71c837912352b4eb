//! What readers get besides the text (issue 17): video blocks, share
//! links, breadcrumbs with BreadcrumbList, related news, upcoming events
//! first (from the build date), the first card image eager. Built sites,
//! asserted on their HTML; the browser side is in tests/it/browser_readers.rs.

use crate::support;

use std::process::Command;
use support::{TestSite, EVENT, POST};

const VIDEOS: &str = "\n\nhttps://youtu.be/dQw4w9WgXcQ?t=90\n\n\
[Pembukaan PLM & \"diskusi\"](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n\n\
<https://vimeo.com/76979871>\n\n\
Lihat juga https://youtu.be/dQw4w9WgXcQ di tengah kalimat.\n";

/// Builds `site` into a temp folder with `SOURCE_DATE_EPOCH` (seconds).
fn build(site: &TestSite, epoch: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_warta"))
        .arg("--root")
        .arg(site.root())
        .args(["--messages", "plain", "build", "--out"])
        .arg(out.path().join("public"))
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

fn page(out: &tempfile::TempDir, url: &str) -> String {
    let rel = format!("public{url}index.html");
    std::fs::read_to_string(out.path().join(rel)).unwrap()
}

/// 2024-01-01 00:00 in Jakarta.
const JAN_2024: &str = "1704042000";

#[test]
fn a_lone_video_link_becomes_a_video_block_that_asks_nothing_of_the_host() {
    let site = TestSite::minimal();
    site.edit(
        POST,
        "belajar bersama.",
        &format!("belajar bersama.{VIDEOS}"),
    );
    site.edit(
        EVENT,
        "di Semarang.",
        "di Semarang.\n\nhttps://www.youtube.com/shorts/dQw4w9WgXcQ\n",
    );
    let out = build(&site, JAN_2024);
    let html = page(&out, "/berita/plm-jawa-tengah-2022-semarang/");
    assert_eq!(html.matches("<figure class=\"video\"").count(), 3, "{html}");
    assert!(html.contains(
        "data-embed=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;start=90\""
    ));
    assert!(html
        .contains("data-embed=\"https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1\""));
    // Without JavaScript: a link to the video on its host, titled.
    assert!(html.contains("href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=90s\""));
    assert!(
        html.contains("<span class=\"video-title\">Pembukaan PLM &amp; “diskusi”</span>"),
        "{html}"
    );
    assert!(html.contains("<span class=\"video-title\">Video Vimeo</span>"));
    // In a sentence it stays text.
    assert!(html.contains("Lihat juga https://youtu.be/dQw4w9WgXcQ di tengah kalimat."));
    // Nothing loads from a video host: no iframe, image or script from one.
    for tag in ["<iframe", "i.ytimg.com", "<script src=\"http"] {
        assert!(!html.contains(tag), "{tag}");
    }
    assert!(html.contains("<script src=\"/video.js\" defer data-play=\"Putar video\"></script>"));
    // The event page too; a page without a video has no script.
    let event = page(&out, "/plm/plm-jawa-tengah-2022/");
    assert!(
        event.contains("<figure class=\"video video-tall\""),
        "{event}"
    );
    assert!(!page(&out, "/tentang/").contains("video.js"));
    assert!(out.path().join("public/video.js").exists());
}

#[test]
fn a_wrong_video_id_is_an_error_at_the_link() {
    let site = TestSite::minimal();
    site.edit(
        POST,
        "belajar bersama.",
        "belajar bersama.\n\nhttps://youtu.be/dQw4w9Wg\n\n[Rekaman](https://vimeo.com/12ab)\n",
    );
    let o = site.check(&[]);
    assert_eq!(o.code, 1, "{o}");
    // The first address starts line 15 (front matter included), column 1;
    // the second at column 11 of line 17.
    o.assert_error(
        &format!("{POST}:15:1"),
        &["video link", "dQw4w9Wg", "not a YouTube video id"],
    );
    o.assert_error(&format!("{POST}:17:11"), &["12ab", "not a Vimeo video id"]);
    assert_eq!(o.error_count(), 2, "{o}");
    // `build` refuses it with the same words.
    let b = site.run(&["build", "--out", site.path("public").to_str().unwrap()]);
    assert_eq!(b.code, 1);
    assert_eq!(b.diagnostics(), o.diagnostics());
}

#[test]
fn share_links_carry_the_address_and_the_title_escaped() {
    let site = TestSite::minimal();
    site.edit(
        POST,
        "title: PLM Jawa Tengah 2022 di Semarang",
        "title: \"Baca & <Tulis> \\\"Bersama\\\" #1\"",
    );
    let out = build(&site, JAN_2024);
    let html = page(&out, "/berita/plm-jawa-tengah-2022-semarang/");
    let url = "https%3A%2F%2Fuji.example.id%2Fberita%2Fplm-jawa-tengah-2022-semarang%2F";
    let title = "Baca%20%26%20%3CTulis%3E%20%22Bersama%22%20%231";
    for href in [
        format!("https://wa.me/?text={title}%20{url}"),
        format!("https://www.facebook.com/sharer/sharer.php?u={url}"),
        format!("https://x.com/intent/post?text={title}&amp;url={url}"),
        format!("https://t.me/share/url?url={url}&amp;text={title}"),
        format!("mailto:?subject={title}&amp;body={url}"),
    ] {
        assert!(html.contains(&format!("href=\"{href}\"")), "{href}\n{html}");
    }
    assert!(html.contains(
        "data-copy-text=\"https://uji.example.id/berita/plm-jawa-tengah-2022-semarang/\""
    ));
    assert!(html.contains("data-share-title=\"Baca &amp; &lt;Tulis&gt; &quot;Bersama&quot; #1\""));
    assert!(html.contains("<script src=\"/salin.js\" defer></script>"));
    // Stories, events and library profiles share too; lists do not.
    for url in [
        "/kisah/dari-rajutan-ke-usaha-keluarga/",
        "/plm/plm-jawa-tengah-2022/",
        "/perpustakaan/perpusdes-loram-wetan/",
    ] {
        assert!(page(&out, url).contains("class=\"share\""), "{url}");
    }
    assert!(!page(&out, "/berita/").contains("class=\"share\""));
}

/// The `BreadcrumbList` JSON-LD of a page: (name, item) of each crumb.
fn crumbs(html: &str) -> Vec<(String, String)> {
    let json = html
        .split("<script type=\"application/ld+json\">")
        .skip(1)
        .map(|s| s.split("</script>").next().unwrap())
        .find(|s| s.contains("BreadcrumbList"))
        .expect("a BreadcrumbList");
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v["itemListElement"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, e)| {
            assert_eq!(e["position"], i + 1);
            (
                e["name"].as_str().unwrap().to_string(),
                e["item"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn places_and_posts_have_breadcrumbs_from_the_home_page() {
    let site = TestSite::minimal();
    site.edit(
        support::LIBS_JATENG,
        "  regency: Kota Semarang\n",
        "  regency: Kota Semarang\n  illustrative: true\n",
    );
    let out = build(&site, JAN_2024);
    let base = "https://uji.example.id";
    let library = page(&out, "/perpustakaan/perpusdes-loram-wetan/");
    assert_eq!(
        crumbs(&library),
        [
            ("Beranda", "/"),
            ("Provinsi", "/provinsi/"),
            ("Jawa Tengah", "/provinsi/jawa-tengah/"),
            // Kudus has a few libraries: listed on the province's page.
            ("Kabupaten Kudus", "/provinsi/jawa-tengah/#wilayah-33-19"),
            (
                "Perpustakaan Desa Loram Wetan",
                "/perpustakaan/perpusdes-loram-wetan/"
            ),
        ]
        .map(|(n, u)| (n.to_string(), format!("{base}{u}")))
    );
    assert!(library.contains("<nav class=\"crumbs\" aria-label=\"Jejak halaman\">"));
    assert!(library.contains("aria-current=\"page\">Perpustakaan Desa Loram Wetan</a>"));
    // The crumb's target exists.
    assert!(page(&out, "/provinsi/jawa-tengah/")
        .contains("<h3 id=\"wilayah-33-19\">Kabupaten Kudus</h3>"));
    let post = page(&out, "/berita/plm-jawa-tengah-2022-semarang/");
    assert_eq!(
        crumbs(&post)[1],
        ("Berita".into(), format!("{base}/berita/"))
    );
    assert_eq!(crumbs(&page(&out, "/provinsi/jawa-timur/")).len(), 3);
    // A made-up record is never structured data for search engines.
    let made_up = page(&out, "/perpustakaan/perpustakaan-kota-semarang/");
    assert!(made_up.contains("<nav class=\"crumbs\""));
    assert!(!made_up.contains("BreadcrumbList"));
}

#[test]
fn a_regency_with_its_own_pages_is_a_crumb_of_its_libraries() {
    let site = TestSite::minimal();
    let mut libs = String::from(support::LIBRARIES_JATIM);
    for i in 0..13 {
        libs.push_str(&format!(
            "\n- id: perpus-malang-{i:02}\n  name: Perpustakaan Malang {i:02}\n  level: desa\n  province: jawa-timur\n  regency: Kabupaten Malang\n"
        ));
    }
    site.write(support::LIBS_JATIM, libs);
    let out = build(&site, JAN_2024);
    let regency = page(&out, "/provinsi/jawa-timur/kabupaten-malang/");
    let names: Vec<String> = crumbs(&regency).into_iter().map(|c| c.0).collect();
    assert_eq!(
        names,
        ["Beranda", "Provinsi", "Jawa Timur", "Kabupaten Malang"]
    );
    let library = crumbs(&page(&out, "/perpustakaan/perpus-malang-00/"));
    assert_eq!(
        library[3],
        (
            "Kabupaten Malang".into(),
            "https://uji.example.id/provinsi/jawa-timur/kabupaten-malang/".into()
        )
    );
}

/// A news post `slug` dated `date` with extra front matter `more`.
fn post(site: &TestSite, slug: &str, date: &str, more: &str) {
    site.write(
        &format!("content/berita/{slug}.md"),
        format!("---\ntitle: Berita {slug}\ndate: {date}\n{more}---\n\nIsi.\n"),
    );
}

/// The slugs of the cards under "Berita terkait" of a post.
fn related(out: &tempfile::TempDir, slug: &str) -> Vec<String> {
    let html = page(out, &format!("/berita/{slug}/"));
    let Some(section) = html.split("<h2 id=\"related\">").nth(1) else {
        return Vec::new();
    };
    let section = section.split("</section>").next().unwrap();
    section
        .split("<a href=\"/berita/")
        .skip(1)
        .map(|s| s.split('/').next().unwrap().to_string())
        .collect()
}

#[test]
fn related_news_comes_from_the_same_event_then_library_then_province() {
    let site = TestSite::minimal();
    // Ten posts of Central Java; two of them on the event, two of a
    // library, none of East Java.
    for d in 10..20 {
        let more = match d {
            11 | 18 => "provinces: [jawa-tengah]\nevent: plm-jawa-tengah-2022\n",
            12 | 17 => "provinces: [jawa-tengah]\nlibraries: [perpustakaan-kota-semarang]\n",
            _ => "provinces: [jawa-tengah]\n",
        };
        post(&site, &format!("b{d}"), &format!("2023-05-{d}"), more);
    }
    post(&site, "timur", "2023-05-15", "provinces: [jawa-timur]\n");
    let out = build(&site, JAN_2024);
    // The first post (2022) shares the event with b11, b18, and the
    // library with b12, b17: those first, nearest in time first.
    let r = related(&out, "plm-jawa-tengah-2022-semarang");
    assert_eq!(r, ["b11", "b18", "b12", "b17"]);
    // A post of the province only: its nearest neighbours in time.
    let r = related(&out, "b15");
    assert_eq!(r, ["b16", "b14", "b17", "b13"]);
    assert!(related(&out, "timur").is_empty(), "alone in its province");
}

/// The event slugs of `/plm/` (or the home page's events) in order.
fn event_order(html: &str) -> Vec<String> {
    html.split("<a href=\"/plm/")
        .skip(1)
        .map(|s| s.split('/').next().unwrap().to_string())
        .filter(|s| !s.is_empty() && !s.starts_with('"'))
        .collect()
}

fn event(site: &TestSite, slug: &str, start: &str) {
    site.write(
        &format!("content/plm/{slug}.md"),
        format!(
            "---\ntitle: Kegiatan {slug}\nlevel: provinsi\nonline: true\nstart: {start}\n---\n\nIsi.\n"
        ),
    );
}

#[test]
fn upcoming_events_come_first_by_the_build_date() {
    let site = TestSite::minimal();
    event(&site, "e-2023", "2023-06-01");
    event(&site, "e-2024-03", "2024-03-01");
    event(&site, "e-2024-02", "2024-02-01");
    event(&site, "e-today", "2024-01-01");
    let order = |out: &tempfile::TempDir, url: &str| {
        let html = page(out, url);
        let html = html.split("<main").nth(1).unwrap().to_string();
        event_order(html.split("id=\"events\"").last().unwrap())
    };
    let out = build(&site, JAN_2024);
    // Today and later, soonest first; then the past, latest first.
    assert_eq!(
        order(&out, "/plm/"),
        [
            "e-today",
            "e-2024-02",
            "e-2024-03",
            "e-2023",
            "plm-jawa-tengah-2022"
        ]
    );
    assert_eq!(order(&out, "/"), ["e-today", "e-2024-02", "e-2024-03"]);
    let plm = page(&out, "/plm/");
    assert_eq!(
        plm.matches("<span class=\"badge badge-soon\">Akan datang</span>")
            .count(),
        3
    );
    // A year later none is upcoming: latest first, as before.
    let later = build(&site, "1735664400");
    assert_eq!(
        order(&later, "/plm/"),
        [
            "e-2024-03",
            "e-2024-02",
            "e-today",
            "e-2023",
            "plm-jawa-tengah-2022"
        ]
    );
    assert!(!page(&later, "/plm/").contains("badge-soon"));
    // The same date, the same bytes.
    let again = build(&site, JAN_2024);
    assert_eq!(page(&again, "/plm/"), plm);
    assert_eq!(page(&again, "/"), page(&out, "/"));
}

#[test]
fn only_the_first_card_image_of_home_and_news_loads_eagerly() {
    let site = TestSite::minimal();
    for d in 10..14 {
        post(
            &site,
            &format!("foto-{d}"),
            &format!("2023-05-{d}"),
            "provinces: [jawa-tengah]\nimage: /images/perpustakaan.png\nimage_alt: Ruang baca\n",
        );
    }
    let out = build(&site, JAN_2024);
    for url in ["/", "/berita/"] {
        let html = page(&out, url);
        let imgs: Vec<&str> = html.split("<img ").skip(1).collect();
        assert!(imgs.len() >= 4, "{url}");
        assert!(
            imgs[0].contains("loading=\"eager\" fetchpriority=\"high\""),
            "{url}: {}",
            imgs[0]
        );
        for i in &imgs[1..] {
            assert!(
                i.contains("loading=\"lazy\"") && !i.contains("fetchpriority"),
                "{url}: {i}"
            );
        }
    }
    // Cards further down a page stay lazy.
    let post = page(&out, "/berita/foto-13/");
    let related: Vec<&str> = post
        .split("id=\"related\"")
        .nth(1)
        .unwrap()
        .split("<img ")
        .skip(1)
        .collect();
    assert!(!related.is_empty() && related.iter().all(|i| i.contains("loading=\"lazy\"")));
}
