//! The image pipeline end to end on real files in temp folders: a site with
//! a phone-style JPEG (EXIF orientation + GPS), a transparent PNG in a
//! Markdown body and a library photo; then the cache, and every kind of
//! bad input.

use crate::support;

use image::{GenericImageView, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};
use std::io::Cursor;
use std::path::Path;
use support::*;
use warta::images::{Fit, Format, ImageUse, Pipeline, Settings};
use warta::site::ResolveOptions;

// ------------------------------------------------------------ test images

/// A noisy picture, red in the stored top-left quarter, blue elsewhere.
fn photo(w: u32, h: u32) -> RgbImage {
    let mut seed = 0x2545_f491_u32;
    RgbImage::from_fn(w, h, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let n = (seed % 24) as u8;
        if x < w / 2 && y < h / 2 {
            Rgb([220 + n / 2, 20 + n, 20])
        } else {
            Rgb([20, 40 + n, 200 + n / 2])
        }
    })
}

fn jpeg(img: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(img)
        .unwrap();
    out
}

fn png_rgba(w: u32, h: u32) -> Vec<u8> {
    let img = RgbaImage::from_fn(w, h, |x, _| {
        Rgba([10, 120, 60, if x < w / 2 { 0 } else { 255 }])
    });
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .unwrap();
    out
}

const SECRET: &str = "warta-secret-home-of-ibu-siti";

/// An EXIF APP1 segment, written by hand: IFD0 with ImageDescription,
/// Orientation and a GPS IFD (latitude 6°12'34.56" S).
fn exif_app1(orientation: u16) -> Vec<u8> {
    let mut t: Vec<u8> = Vec::new();
    let u16le = |t: &mut Vec<u8>, v: u16| t.extend_from_slice(&v.to_le_bytes());
    let u32le = |t: &mut Vec<u8>, v: u32| t.extend_from_slice(&v.to_le_bytes());
    let desc = format!("{SECRET}\0");
    let ifd0 = 8u32;
    let desc_at = ifd0 + 2 + 3 * 12 + 4;
    let gps_at = desc_at + desc.len() as u32;
    let lat_at = gps_at + 2 + 2 * 12 + 4;
    t.extend_from_slice(b"II");
    u16le(&mut t, 42);
    u32le(&mut t, ifd0);
    u16le(&mut t, 3);
    // ImageDescription, ASCII
    u16le(&mut t, 0x010E);
    u16le(&mut t, 2);
    u32le(&mut t, desc.len() as u32);
    u32le(&mut t, desc_at);
    // Orientation, SHORT
    u16le(&mut t, 0x0112);
    u16le(&mut t, 3);
    u32le(&mut t, 1);
    u16le(&mut t, orientation);
    u16le(&mut t, 0);
    // GPS IFD pointer, LONG
    u16le(&mut t, 0x8825);
    u16le(&mut t, 4);
    u32le(&mut t, 1);
    u32le(&mut t, gps_at);
    u32le(&mut t, 0);
    t.extend_from_slice(desc.as_bytes());
    // GPS IFD: GPSLatitudeRef "S", GPSLatitude 3 rationals.
    u16le(&mut t, 2);
    u16le(&mut t, 0x0001);
    u16le(&mut t, 2);
    u32le(&mut t, 2);
    t.extend_from_slice(b"S\0\0\0");
    u16le(&mut t, 0x0002);
    u16le(&mut t, 5);
    u32le(&mut t, 3);
    u32le(&mut t, lat_at);
    u32le(&mut t, 0);
    for (n, d) in [(6u32, 1u32), (12, 1), (3456, 100)] {
        u32le(&mut t, n);
        u32le(&mut t, d);
    }
    let mut seg = vec![0xFF, 0xE1];
    let len = (2 + 6 + t.len()) as u16;
    seg.extend_from_slice(&len.to_be_bytes());
    seg.extend_from_slice(b"Exif\0\0");
    seg.extend_from_slice(&t);
    seg
}

/// A JPEG with the EXIF segment right after SOI.
fn phone_jpeg(img: &RgbImage, orientation: u16) -> Vec<u8> {
    let plain = jpeg(img);
    let mut out = plain[..2].to_vec();
    out.extend(exif_app1(orientation));
    out.extend_from_slice(&plain[2..]);
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for &b in bytes {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xEDB8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

/// A tiny PNG whose header claims `w`×`h`.
fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut p = Vec::new();
    RgbImage::new(1, 1)
        .write_to(&mut Cursor::new(&mut p), ImageFormat::Png)
        .unwrap();
    p[16..20].copy_from_slice(&w.to_be_bytes());
    p[20..24].copy_from_slice(&h.to_be_bytes());
    let crc = crc32(&p[12..29]);
    p[29..33].copy_from_slice(&crc.to_be_bytes());
    p
}

/// A small JPEG whose frame header claims `w`×`h`.
fn jpeg_claiming(w: u16, h: u16) -> Vec<u8> {
    let mut j = jpeg(&photo(16, 16));
    let mut i = 2;
    while j[i + 1] != 0xC0 {
        i += 2 + usize::from(u16::from_be_bytes([j[i + 2], j[i + 3]]));
    }
    j[i + 5..i + 7].copy_from_slice(&h.to_be_bytes());
    j[i + 7..i + 9].copy_from_slice(&w.to_be_bytes());
    j
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// No EXIF (APP1 in JPEG, EXIF/XMP chunk in WebP, eXIf in PNG) and not a
/// byte of the planted description.
fn assert_no_metadata(bytes: &[u8], what: &str) {
    assert!(
        !contains(bytes, SECRET.as_bytes()),
        "{what} leaks the description"
    );
    assert!(!contains(bytes, b"Exif"), "{what} has EXIF");
    assert!(!contains(bytes, b"EXIF"), "{what} has an EXIF chunk");
    assert!(!contains(bytes, b"XMP "), "{what} has XMP");
    assert!(!contains(bytes, b"eXIf"), "{what} has a PNG eXIf chunk");
    if bytes.starts_with(&[0xFF, 0xD8]) {
        assert!(
            !contains(bytes, &[0xFF, 0xE1]),
            "{what} has an APP1 segment"
        );
    }
}

// ------------------------------------------------------------- a real site

const POST_IMAGE: &str = "static/images/rapat.jpg";
const BODY_IMAGE: &str = "static/images/logo.png";
const LIB_PHOTO: &str = "static/images/perpus-loram.jpg";

/// The minimal test site plus: a 1400×1200 phone JPEG turned by EXIF
/// (orientation 6: shown 1200×1400) as the post's image, a 700×500
/// transparent PNG in the post's body and a 1000×750 library photo.
fn site_with_images() -> TestSite {
    let site = TestSite::minimal();
    site.write(POST_IMAGE, phone_jpeg(&photo(1400, 1200), 6))
        .write(BODY_IMAGE, png_rgba(700, 500))
        .write(LIB_PHOTO, jpeg(&photo(1000, 750)))
        .edit(
            POST,
            "tags: [plm]\n",
            "tags: [plm]\nimage: /images/rapat.jpg\nimage_alt: Peserta rapat\n",
        )
        .edit(
            POST,
            "Perpustakaan desa dan kota belajar bersama.\n",
            "Perpustakaan desa dan kota belajar bersama.\n\n![Logo](/images/logo.png)\n",
        )
        .edit(
            LIBS_JATENG,
            "  joined: 2019\n",
            "  joined: 2019\n  photo: images/perpus-loram.jpg\n  photo_alt: Gedung perpustakaan\n",
        );
    site
}

fn load(site: &TestSite) -> warta::site::Site {
    let checked = warta::pipeline::check(site.root(), ResolveOptions::default());
    let errors: Vec<_> = checked.diags.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    checked.site
}

fn pipeline(site: &TestSite, cache: &Path) -> Pipeline {
    Pipeline::new(cache.to_path_buf(), site.root().to_path_buf()).with_settings(Settings {
        threads: 2,
        ..Settings::default()
    })
}

fn decode(path: &Path) -> image::DynamicImage {
    image::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn variants_have_the_right_sizes_orientation_and_no_metadata() {
    let site = site_with_images();
    let cache = tempfile::tempdir().unwrap();
    let p = pipeline(&site, cache.path());
    let s = load(&site);
    let plan = p.plan(&s);
    assert!(plan.diagnostics().is_empty(), "{:#?}", plan.diagnostics());

    // The phone photo, shown upright: 1200×1400.
    let r = plan
        .responsive("/images/rapat.jpg")
        .expect("post image planned");
    let tag = r
        .src
        .trim_start_matches("/img/")
        .split('-')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(tag.len(), 12);
    assert_eq!(
        r.srcset_webp,
        format!("/img/{tag}-480.webp 480w, /img/{tag}-960.webp 960w, /img/{tag}-1200.webp 1200w")
    );
    assert_eq!(
        r.srcset_fallback,
        format!("/img/{tag}-480.jpg 480w, /img/{tag}-960.jpg 960w, /img/{tag}-1200.jpg 1200w")
    );
    assert_eq!(r.src, format!("/img/{tag}-960.jpg"));
    assert_eq!((r.width, r.height), (960, 1120));
    assert_eq!(r.largest, format!("/img/{tag}-1200.jpg"));
    assert_eq!(r.fallback_type, "image/jpeg");
    assert!(!r.sizes.is_empty());

    // The transparent PNG from the Markdown body: PNG fallback, no upscale.
    let logo = plan
        .responsive("/images/logo.png")
        .expect("body image planned");
    assert_eq!(logo.fallback_type, "image/png");
    assert!(
        logo.srcset_fallback.ends_with("-700.png 700w"),
        "{}",
        logo.srcset_fallback
    );
    assert!(logo.srcset_webp.contains("-480.webp 480w, "));
    assert_eq!((logo.width, logo.height), (700, 500));

    let card = plan
        .library_card("perpusdes-loram-wetan")
        .expect("card")
        .clone();
    let plain_card = plan
        .library_card("perpustakaan-kota-surabaya")
        .expect("card")
        .clone();
    assert_ne!(card.url, plain_card.url);
    let cover = plan
        .resize("/images/rapat.jpg", 1200, 630, Fit::Cover, None)
        .unwrap();
    assert_eq!((cover.width, cover.height), (1200, 630));
    let contain = plan
        .resize(
            "/images/rapat.jpg",
            800,
            800,
            Fit::Contain,
            Some(Format::WebP),
        )
        .unwrap();
    assert_eq!((contain.width, contain.height), (686, 800));
    assert!(contain.url.ends_with("-800x800-contain.webp"));

    let done = p.process(&plan).unwrap_or_else(|d| panic!("{d:#?}"));
    // 3 widths × 2 formats (photo), 2 × 2 (logo: 480, 700), 2 × 2 (library
    // photo: 480, 1000), 3 cards, 2 requests.
    assert_eq!(done.processed, 6 + 4 + 4 + 3 + 2);
    assert_eq!(done.cached, 0);
    assert_eq!(done.files.len(), done.processed);
    let file = |url: &str| {
        done.files
            .iter()
            .find(|f| f.url == url)
            .unwrap_or_else(|| panic!("no {url}"))
            .path
            .clone()
    };
    for (w, h) in [(480, 560), (960, 1120), (1200, 1400)] {
        for ext in ["webp", "jpg"] {
            let path = file(&format!("/img/{tag}-{w}.{ext}"));
            let bytes = std::fs::read(&path).unwrap();
            assert_no_metadata(&bytes, &format!("{w}.{ext}"));
            let img = decode(&path);
            assert_eq!(img.dimensions(), (w, h), "{w}.{ext}");
            // Stored top-left (red) is shown top-right after a 90° turn.
            let tr = img.get_pixel(w * 3 / 4, h / 4).0;
            let tl = img.get_pixel(w / 4, h / 4).0;
            assert!(tr[0] > 150 && tr[2] < 100, "{w}.{ext}: top right {tr:?}");
            assert!(tl[2] > 150 && tl[0] < 100, "{w}.{ext}: top left {tl:?}");
        }
    }
    let png = decode(&file(&logo.src));
    assert!(png.color().has_alpha());
    assert_eq!(png.get_pixel(10, 10).0[3], 0);
    for c in [&card, &plain_card] {
        let img = decode(&file(&c.url));
        assert_eq!(img.dimensions(), (1200, 630));
    }
    assert_eq!(decode(&file(&cover.url)).dimensions(), (1200, 630));
    assert_eq!(decode(&file(&contain.url)).dimensions(), (686, 800));
    assert_no_metadata(&std::fs::read(file(&cover.url)).unwrap(), "crop");
    // Nothing half-written is left.
    for e in std::fs::read_dir(cache.path()).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.starts_with(".tmp-"), "{name}");
    }
}

#[test]
fn a_second_run_processes_nothing_and_changes_are_pruned() {
    let site = site_with_images();
    let cache = tempfile::tempdir().unwrap();
    let p = pipeline(&site, cache.path());
    let first = p.process(&p.plan(&load(&site))).unwrap();
    assert!(first.processed > 0);
    assert_eq!(first.cached, 0);

    let second = p.process(&p.plan(&load(&site))).unwrap();
    assert_eq!(second.processed, 0);
    assert_eq!(second.decoded, 0);
    assert_eq!(second.cached, first.processed);
    assert_eq!(second.pruned, 0);
    assert_eq!(second.files, first.files);

    // The same picture under a new modification time: still nothing to do
    // (the memo misses, the content hash matches).
    std::thread::sleep(std::time::Duration::from_millis(20));
    site.write(LIB_PHOTO, jpeg(&photo(1000, 750)));
    let third = p.process(&p.plan(&load(&site))).unwrap();
    assert_eq!(third.processed, 0);

    // A new library photo: only its variants and its card are made; the
    // old ones are pruned.
    let mut other = photo(1000, 750);
    other.put_pixel(0, 0, Rgb([0, 255, 0]));
    site.write(LIB_PHOTO, jpeg(&other));
    let fourth = p.process(&p.plan(&load(&site))).unwrap();
    assert_eq!(fourth.processed, 4 + 1);
    assert_eq!(fourth.decoded, 1);
    assert_eq!(fourth.pruned, 4 + 1);
    let on_disk = std::fs::read_dir(cache.path())
        .unwrap()
        .filter(|e| {
            let n = e.as_ref().unwrap().file_name();
            n != "sources.tsv"
        })
        .count();
    assert_eq!(on_disk, fourth.files.len());
}

/// Many cards (more than one batch) on one worker and on two, in two
/// fresh caches: the same names and the same bytes.
#[test]
fn cards_are_the_same_bytes_whatever_the_threads() {
    let root = tempfile::tempdir().unwrap();
    let make = |threads: usize| {
        let cache = tempfile::tempdir().unwrap();
        let p = Pipeline::new(cache.path().to_path_buf(), root.path().to_path_buf()).with_settings(
            Settings {
                threads,
                ..Settings::default()
            },
        );
        let mut plan = p.empty_plan(&[]);
        for i in 0..300 {
            let spec = warta::images::CardSpec {
                title: format!("Perpustakaan Desa Nomor {i} Kecamatan Sukamaju"),
                subtitle: Some("Kabupaten Kudus, Jawa Tengah".into()),
                label: Some(
                    if i % 7 == 0 {
                        "TPBIS"
                    } else {
                        "Perpustakaan Nasional"
                    }
                    .into(),
                ),
            };
            plan.add_card(&format!("lib:{i}"), spec, None);
        }
        let done = p.process(&plan).unwrap();
        assert_eq!(done.processed, 300);
        let files: Vec<(String, Vec<u8>)> = done
            .files
            .iter()
            .map(|f| (f.url.clone(), std::fs::read(&f.path).unwrap()))
            .collect();
        (cache, files)
    };
    let (_c1, one) = make(1);
    let (_c2, two) = make(2);
    assert!(one == two, "cards differ between runs");
    let img = image::load_from_memory(&one[0].1).unwrap();
    assert_eq!(img.dimensions(), (1200, 630));
}

// --------------------------------------------------------------- bad input

/// Plans one image `name` with `bytes` (or none) used by `/berita/a/`, and
/// returns the error message of processing it.
fn fails_with(name: &str, bytes: Option<&[u8]>) -> String {
    let root = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let source = format!("static/images/{name}");
    if let Some(b) = bytes {
        std::fs::create_dir_all(root.path().join("static/images")).unwrap();
        std::fs::write(root.path().join(&source), b).unwrap();
    }
    let url = format!("/images/{name}");
    let p = Pipeline::new(cache.path().to_path_buf(), root.path().to_path_buf());
    let mut plan = p.empty_plan(&[(source.clone(), url.clone())]);
    let used = ImageUse {
        page: "/berita/a/".into(),
        span: None,
    };
    assert!(
        plan.add(&source, &url, used).is_none(),
        "{name} should not be usable"
    );
    let diags = p.process(&plan).expect_err("bad input must fail");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert!(d.is_error());
    let text = d.message.en();
    assert!(text.contains(&format!("`{source}`")), "{text}");
    assert!(text.contains("(used by /berita/a/)"), "{text}");
    assert!(d.help.is_some());
    let left: Vec<_> = std::fs::read_dir(cache.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "sources.tsv")
        .collect();
    assert!(left.is_empty(), "{name}: left {left:?}");
    text
}

#[test]
fn missing_file() {
    assert!(fails_with("hilang.jpg", None).ends_with("is missing"));
}

#[test]
fn truncated_jpeg() {
    let full = jpeg(&photo(400, 300));
    let m = fails_with("terpotong.jpg", Some(&full[..full.len() / 2]));
    assert!(m.contains("damaged or incomplete"), "{m}");
}

#[test]
fn corrupt_png() {
    let mut p = png_rgba(64, 64);
    let n = p.len();
    for b in &mut p[40..n - 20] {
        *b = 0x5A;
    }
    let m = fails_with("rusak.png", Some(&p));
    assert!(m.contains("damaged or incomplete"), "{m}");
}

#[test]
fn corrupt_jpeg_body() {
    let mut j = jpeg(&photo(64, 64));
    let n = j.len();
    // Keep the headers and the end marker, destroy the frame header's
    // component table so the decoder cannot make sense of it.
    let mut i = 2;
    while j[i + 1] != 0xC0 {
        i += 2 + usize::from(u16::from_be_bytes([j[i + 2], j[i + 3]]));
    }
    j[i + 9] = 0; // zero components
    j[n - 3] = 0;
    let m = fails_with("rusak.jpg", Some(&j));
    assert!(m.contains("damaged or incomplete"), "{m}");
}

#[test]
fn not_an_image() {
    let m = fails_with("catatan.jpg", Some(b"Notulen rapat PLM, bukan foto.\n"));
    assert!(m.contains("is not an image"), "{m}");
}

#[test]
fn decompression_bomb_png() {
    let m = fails_with("bom.png", Some(&png_claiming(20_000, 20_000)));
    assert!(m.contains("20000×20000 pixels (400 megapixels)"), "{m}");
}

#[test]
fn decompression_bomb_jpeg() {
    let m = fails_with("bom.jpg", Some(&jpeg_claiming(20_000, 20_000)));
    assert!(m.contains("20000×20000 pixels"), "{m}");
}

/// A PNG whose header is sound but whose pixel data is damaged: only
/// decoding finds it.
fn png_damaged_pixels() -> Vec<u8> {
    let mut p = Vec::new();
    photo(64, 64)
        .write_to(&mut Cursor::new(&mut p), ImageFormat::Png)
        .unwrap();
    let at = p.windows(4).position(|w| w == b"IDAT").unwrap();
    let len = u32::from_be_bytes(p[at - 4..at].try_into().unwrap()) as usize;
    for b in &mut p[at + 4 + len / 2..at + 4 + len / 2 + 16] {
        *b ^= 0xA5;
    }
    p
}

#[test]
fn verify_reports_what_process_reports_and_writes_nothing() {
    let site = site_with_images();
    site.write(BODY_IMAGE, png_damaged_pixels());
    let s = load(&site);
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("images");
    let p = pipeline(&site, &cache);
    let plan = p.plan(&s);
    assert!(plan.diagnostics().is_empty(), "only decoding finds it");
    let verified = p.verify(&plan);
    assert!(!cache.exists(), "verify wrote the cache folder");
    let processed = p.process(&plan).expect_err("a damaged image fails");
    assert_eq!(verified, processed);
    assert_eq!(verified.len(), 1, "{verified:#?}");
    let text = verified[0].message.en();
    assert!(
        text.starts_with("image `static/images/logo.png` (used by /berita/plm-jawa-tengah-2022-semarang/) is damaged or incomplete"),
        "{text}"
    );

    // The others are cached now; a problem found while planning as well.
    site.write(LIB_PHOTO, b"Notulen rapat, bukan foto.");
    let plan = p.plan(&load(&site));
    let listing = |d: &Path| {
        let mut v: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (e.file_name(), e.metadata().unwrap().modified().unwrap())
            })
            .collect();
        v.sort();
        v
    };
    let before = listing(&cache);
    let verified = p.verify(&plan);
    assert_eq!(listing(&cache), before, "verify touched the cache");
    assert_eq!(verified.len(), 2, "{verified:#?}");
    assert_eq!(verified, p.process(&plan).expect_err("still bad"));
}

#[test]
fn bad_image_in_a_site_points_at_the_page_that_uses_it() {
    let site = site_with_images();
    let s = load(&site);
    site.write(POST_IMAGE, b"<html>not a photo</html>");
    let cache = tempfile::tempdir().unwrap();
    let p = pipeline(&site, cache.path());
    let plan = p.plan(&s);
    let diags = p.process(&plan).expect_err("must fail");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    let text = d.message.en();
    assert!(
        text.starts_with(
            "image `static/images/rapat.jpg` (used by /berita/plm-jawa-tengah-2022-semarang/) is not an image"
        ),
        "{text}"
    );
    let span = d.span.as_ref().expect("points into the post");
    let checked = warta::pipeline::check(site.root(), ResolveOptions::default());
    assert_eq!(checked.files.path(span.file), Path::new(POST));
    // The other images were still made.
    assert!(plan.responsive("/images/logo.png").is_some());
    assert!(std::fs::read_dir(cache.path()).unwrap().count() > 4);
}

#[test]
fn missing_image_in_a_markdown_body_is_reported_with_its_line() {
    let site = site_with_images();
    site.edit(
        POST,
        "![Logo](/images/logo.png)",
        "![Logo](/images/tidak-ada.png)",
    );
    let s = load(&site);
    let cache = tempfile::tempdir().unwrap();
    let plan = pipeline(&site, cache.path()).plan(&s);
    let diags = plan.diagnostics();
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(diags[0]
        .message
        .en()
        .contains("`/images/tidak-ada.png` not found"));
    let checked = warta::pipeline::check(site.root(), ResolveOptions::default());
    let loc = checked.files.location(diags[0].span.as_ref().unwrap());
    let line = site
        .read(POST)
        .lines()
        .position(|l| l.contains("tidak-ada"))
        .unwrap()
        + 1;
    assert_eq!(loc, format!("{POST}:{line}:1"));
}

#[test]
fn resize_refuses_unknown_images_and_silly_sizes() {
    let site = site_with_images();
    let cache = tempfile::tempdir().unwrap();
    let plan = pipeline(&site, cache.path()).plan(&load(&site));
    assert!(plan
        .resize("/images/tidak-ada.jpg", 100, 100, Fit::Cover, None)
        .unwrap_err()
        .contains("no image"));
    assert!(plan
        .resize("/images/rapat.jpg", 0, 100, Fit::Cover, None)
        .is_err());
    assert!(plan
        .resize("/images/rapat.jpg", 100_000, 100, Fit::Cover, None)
        .is_err());
    // A source path works as well as a URL.
    assert!(plan.resize(LIB_PHOTO, 300, 0, Fit::Contain, None).is_ok());
}
