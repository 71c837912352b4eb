//! Icons and the web manifest in headless Chromium: the browser finds the
//! manifest and reports no problem with it (`Page.getAppManifest`), and
//! every icon a page or the manifest names loads, at its stated size, as
//! does `/favicon.ico` — with the theme's icon and with a site's own.

use crate::devtools;
use crate::static_server;
use crate::support;

use devtools::Browser;
use image::{Rgb, RgbImage};
use support::TestSite;

/// Loads every icon the page links and the manifest lists, and
/// `/favicon.ico`: `[url, status, naturalWidth, stated width]` of each.
const ICONS: &str = r#"(async () => {
  const seen = [];
  const load = (url) => new Promise((done) => {
    const img = new Image();
    img.onload = () => done(img.naturalWidth);
    img.onerror = () => done(0);
    img.src = url;
  });
  const check = async (url, sizes) => {
    const r = await fetch(url);
    seen.push([url, r.status, await load(url), sizes ? parseInt(sizes) : null]);
  };
  for (const l of document.querySelectorAll('link[rel~="icon"], link[rel="apple-touch-icon"]')) {
    await check(l.href, l.getAttribute('sizes'));
  }
  const m = await (await fetch(document.querySelector('link[rel="manifest"]').href)).json();
  for (const i of m.icons) await check(new URL(i.src, location.href).href, i.sizes);
  await check('/favicon.ico', '32');
  return JSON.stringify(seen);
})()"#;

fn png(side: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(side, side, |x, y| {
        Rgb([(x % 256) as u8, 90, (y % 256) as u8])
    });
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

fn check_site(chromium: &std::path::Path, site: &TestSite) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    support::run_in(site.root(), &["build", "--out", out.to_str().unwrap()]).assert_ok();
    let port = static_server::serve(&out);
    let mut b = Browser::start(chromium, 375, 800);
    for page in ["/", "/plm/plm-jawa-tengah-2022/"] {
        b.open(&format!("http://127.0.0.1:{port}{page}"));
        let m = b.call_ok("Page.getAppManifest", serde_json::json!({}));
        assert!(
            m["url"]
                .as_str()
                .unwrap_or("")
                .ends_with("/manifest.webmanifest"),
            "{m}"
        );
        assert_eq!(m["errors"], serde_json::json!([]), "manifest problems: {m}");
        let parsed: serde_json::Value =
            serde_json::from_str(m["data"].as_str().unwrap_or("{}")).unwrap();
        assert!(parsed["icons"].as_array().is_some_and(|a| a.len() >= 2));
        let v = b.call_ok(
            "Runtime.evaluate",
            serde_json::json!({"expression": ICONS, "awaitPromise": true, "returnByValue": true}),
        );
        let got = v["result"]["value"].clone();
        let list: Vec<(String, u16, u32, Option<u32>)> =
            serde_json::from_str(got.as_str().expect("a list of icons")).unwrap();
        assert!(list.len() >= 5, "{list:?}");
        for (url, status, natural, stated) in &list {
            assert_eq!(*status, 200, "{url}");
            assert!(*natural > 0, "{url} does not load as an image");
            if let Some(s) = stated {
                if !url.ends_with(".svg") {
                    assert_eq!(natural, s, "{url}");
                }
            }
        }
    }
}

#[test]
fn the_manifest_is_valid_and_no_icon_is_missing() {
    let Some(chromium) = devtools::chromium_or_skip() else {
        return;
    };
    let site = TestSite::minimal();
    site.edit(
        "data/site.yaml",
        "language: id\n",
        "language: id\nshort_name: Uji\ntheme_color: \"#7a3e00\"\n",
    );
    check_site(&chromium, &site);
    site.write("static/images/ikon.png", png(640)).edit(
        "data/site.yaml",
        "language: id\n",
        "language: id\nicon: /images/ikon.png\n",
    );
    check_site(&chromium, &site);
}

/// What the event page's calendar link is and what it fetches.
const CALENDAR: &str = r#"(async () => {
  const a = document.querySelector('.calendar a');
  if (!a) return JSON.stringify(null);
  const r = await fetch(a.href);
  return JSON.stringify({
    href: a.getAttribute('href'),
    download: a.hasAttribute('download'),
    type: a.getAttribute('type'),
    status: r.status,
    contentType: r.headers.get('content-type'),
    text: await r.text(),
  });
})()"#;

#[test]
fn the_event_page_links_a_calendar_file_the_browser_can_fetch() {
    let Some(chromium) = devtools::chromium_or_skip() else {
        return;
    };
    let site = TestSite::minimal();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    support::run_in(site.root(), &["build", "--out", out.to_str().unwrap()]).assert_ok();
    let port = static_server::serve(&out);
    let mut b = Browser::start(&chromium, 375, 800);
    b.open(&format!(
        "http://127.0.0.1:{port}/plm/plm-jawa-tengah-2022/"
    ));
    let v = b.call_ok(
        "Runtime.evaluate",
        serde_json::json!({"expression": CALENDAR, "awaitPromise": true, "returnByValue": true}),
    );
    let got: serde_json::Value =
        serde_json::from_str(v["result"]["value"].as_str().expect("a JSON answer")).unwrap();
    assert_eq!(
        got["href"], "/plm/plm-jawa-tengah-2022/kalender.ics",
        "{got}"
    );
    assert_eq!(got["download"], true, "{got}");
    assert_eq!(got["type"], "text/calendar", "{got}");
    assert_eq!(got["status"], 200, "{got}");
    assert!(
        got["contentType"]
            .as_str()
            .unwrap_or("")
            .starts_with("text/calendar"),
        "{got}"
    );
    let text = got["text"].as_str().unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert!(
        text.contains("\r\nSUMMARY:PLM Provinsi Jawa Tengah 2022\r\n"),
        "{text}"
    );
    assert!(
        text.contains("\r\nDTSTART;VALUE=DATE:20220802\r\n"),
        "{text}"
    );
    assert!(text.ends_with("END:VCALENDAR\r\n"), "{text}");
}
