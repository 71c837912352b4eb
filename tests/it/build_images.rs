//! `warta build` with the image pipeline: pages show `<picture>` with
//! WebP and fallback `srcset`s, the variants are published, a second build
//! makes nothing, a bad image fails the build and keeps the old output.

use crate::support;

use image::{Rgb, RgbImage};
use std::path::Path;
use support::*;

const LEAD: &str = "static/images/rapat.jpg";
const INSIDE: &str = "static/images/isi.jpg";
const POST_PAGE: &str = "berita/plm-jawa-tengah-2022-semarang/index.html";

fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&img)
        .unwrap();
    out
}

/// The minimal site with a 1400×1000 lead photo on the post and an 800×600
/// photo in its body (alt text with characters to escape).
fn site() -> TestSite {
    let site = TestSite::minimal();
    site.write(LEAD, jpeg(1400, 1000))
        .write(INSIDE, jpeg(800, 600))
        .edit(
            POST,
            "tags: [plm]\n",
            "tags: [plm]\nimage: /images/rapat.jpg\nimage_alt: Peserta rapat\n",
        )
        .edit(
            POST,
            "Perpustakaan desa dan kota belajar bersama.\n",
            "Perpustakaan desa dan kota belajar bersama.\n\n![Isi \"kutip\" & <b>](/images/isi.jpg)\n",
        );
    site
}

fn build(site: &TestSite, out: &Path) -> Output {
    site.run(&["build", "--out", out.to_str().unwrap()])
}

/// The `<picture>…</picture>` elements of a page, in order.
fn pictures(html: &str) -> Vec<&str> {
    html.match_indices("<picture>")
        .map(|(i, _)| {
            let end = html[i..].find("</picture>").expect("closed picture") + i;
            &html[i..end]
        })
        .collect()
}

/// The widths (`480w` …) of the first `attr="…"` in `tag`.
fn widths(tag: &str, attr: &str) -> Vec<u32> {
    let start = tag.find(&format!("{attr}=\"")).expect(attr) + attr.len() + 2;
    let value = &tag[start..start + tag[start..].find('"').unwrap()];
    value
        .split(", ")
        .map(|c| {
            c.rsplit(' ')
                .next()
                .unwrap()
                .trim_end_matches('w')
                .parse()
                .unwrap()
        })
        .collect()
}

fn attr<'a>(tag: &'a str, name: &str) -> &'a str {
    let key = format!(" {name}=\"");
    let start = tag.find(&key).unwrap_or_else(|| panic!("{name} in {tag}")) + key.len();
    &tag[start..start + tag[start..].find('"').unwrap()]
}

#[test]
fn pages_get_responsive_pictures_and_a_second_build_makes_nothing() {
    let site = site();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let first = build(&site, &out);
    assert_eq!(first.code, 0, "{first}");
    assert!(!first.stdout.contains(" 0 made"), "{}", first.stdout);

    let html = std::fs::read_to_string(out.join(POST_PAGE)).unwrap();
    let pics = pictures(&html);
    assert_eq!(pics.len(), 2, "{html}");

    // The lead photo: above the fold.
    let lead = pics[0];
    assert!(lead.contains(r#"<source type="image/webp""#), "{lead}");
    assert_eq!(widths(lead, "srcset"), [480, 960, 1400], "{lead}");
    let img = &lead[lead.find("<img").unwrap()..];
    assert_eq!(widths(img, "srcset"), [480, 960, 1400], "{img}");
    assert_eq!(attr(img, "alt"), "Peserta rapat");
    assert_eq!(attr(img, "loading"), "eager");
    assert_eq!(attr(img, "fetchpriority"), "high");
    assert_eq!(attr(img, "decoding"), "async");
    assert_eq!(attr(img, "width"), "960");
    let src = attr(img, "src");
    assert!(
        src.starts_with("/img/") && src.ends_with("-960.jpg"),
        "{src}"
    );
    let made = image::open(out.join(src.trim_start_matches('/'))).unwrap();
    assert_eq!(
        (made.width(), made.height()),
        (960, attr(img, "height").parse().unwrap())
    );

    // The body image: below the fold, alt text escaped.
    let inside = pics[1];
    assert_eq!(widths(inside, "srcset"), [480, 800], "{inside}");
    let img = &inside[inside.find("<img").unwrap()..];
    assert_eq!(attr(img, "loading"), "lazy");
    assert_eq!(attr(img, "decoding"), "async");
    assert_eq!((attr(img, "width"), attr(img, "height")), ("800", "600"));
    // (Smart punctuation curls the quotes.)
    assert_eq!(attr(img, "alt"), "Isi “kutip” &amp; &lt;b&gt;");
    assert!(!html.contains("<b>"), "{html}");

    // Every variant named is published; the originals are not.
    for p in &pics {
        for part in p.split('"').filter(|s| s.starts_with("/img/")) {
            for candidate in part.split(", ") {
                let url = candidate.split(' ').next().unwrap();
                assert!(
                    out.join(url.trim_start_matches('/')).is_file(),
                    "{url} missing"
                );
            }
        }
    }
    assert!(!out.join("images/rapat.jpg").exists());
    assert!(!out.join("images/isi.jpg").exists());
    // og:image is a published variant with its size.
    assert!(
        html.contains(r#"<meta property="og:image:width" content="1400">"#),
        "{html}"
    );

    // The post card on the news list shows the same variants; the first
    // card is above the fold (the largest paint): eager, high priority.
    let list = std::fs::read_to_string(out.join("berita/index.html")).unwrap();
    let card = pictures(&list);
    assert_eq!(card.len(), 1, "{list}");
    assert_eq!(attr(card[0], "loading"), "eager");
    assert_eq!(attr(card[0], "fetchpriority"), "high");

    let second = build(&site, &out);
    assert_eq!(second.code, 0, "{second}");
    assert!(second.stdout.contains("(0 made,"), "{}", second.stdout);
    assert_eq!(std::fs::read_to_string(out.join(POST_PAGE)).unwrap(), html);
}

#[test]
fn a_corrupt_image_fails_the_build_and_keeps_the_old_output() {
    let site = site();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    assert_eq!(build(&site, &out).code, 0);
    let before = std::fs::read(out.join(POST_PAGE)).unwrap();

    let mut bad = jpeg(1400, 1000);
    bad.truncate(bad.len() / 2);
    site.write(LEAD, bad);
    let failed = build(&site, &out);
    assert_eq!(failed.code, 1, "{failed}");
    assert!(failed.stderr.contains(LEAD), "{}", failed.stderr);
    assert!(
        failed
            .stderr
            .contains("/berita/plm-jawa-tengah-2022-semarang/"),
        "{}",
        failed.stderr
    );
    assert!(
        failed.stderr.contains("nothing was written"),
        "{}",
        failed.stderr
    );
    assert_eq!(std::fs::read(out.join(POST_PAGE)).unwrap(), before);
}

#[test]
fn templates_can_ask_for_any_size() {
    let site = site();
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}\
         {% set c = resize(src=\"/images/rapat.jpg\", width=600, height=315) %}\
         <img id=\"c\" src=\"{{ c.url }}\" width=\"{{ c.width }}\" height=\"{{ c.height }}\">\
         {% endblock main %}",
    );
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let built = build(&site, &out);
    assert_eq!(built.code, 0, "{built}");
    let html = std::fs::read_to_string(out.join("tentang/index.html")).unwrap();
    let tag = &html[html.find("<img id=\"c\"").expect("the resized image")..];
    assert_eq!((attr(tag, "width"), attr(tag, "height")), ("600", "315"));
    let made = image::open(out.join(attr(tag, "src").trim_start_matches('/'))).unwrap();
    assert_eq!((made.width(), made.height()), (600, 315));

    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}\
         {% set c = resize(src=\"/images/tidak-ada.jpg\", width=600) %}{{ c.url }}\
         {% endblock main %}",
    );
    let failed = build(&site, &out);
    assert_eq!(failed.code, 1, "{failed}");
    assert!(failed.stderr.contains("tidak-ada.jpg"), "{}", failed.stderr);
}
