//! Readers' features in headless Chromium (issue 17): a video block asks
//! nothing of any other host until it is pressed, then shows the
//! privacy-mode player; "Salin tautan" copies the page's address; the dark
//! theme (prefers-color-scheme) has no serious axe violation.

use crate::devtools;
use crate::static_server;
use crate::support;

use devtools::Browser;
use serde_json::json;
use std::time::Duration;
use support::{TestSite, POST};

/// A test site whose post has a YouTube and a Vimeo block, built and served.
fn served() -> (TestSite, tempfile::TempDir, u16) {
    let site = TestSite::minimal();
    site.edit(
        POST,
        "belajar bersama.",
        "belajar bersama.\n\n[Rekaman pembukaan](https://youtu.be/dQw4w9WgXcQ?t=90)\n\n\
         https://vimeo.com/76979871\n",
    );
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    site.run(&["build", "--out", public.to_str().unwrap()])
        .assert_ok();
    let port = static_server::serve(&public);
    (site, out, port)
}

const POST_URL: &str = "/berita/plm-jawa-tengah-2022-semarang/";

#[test]
fn a_video_loads_nothing_from_its_host_until_it_is_pressed() {
    let Some(chromium) = devtools::chromium_or_skip() else {
        return;
    };
    let (_site, _out, port) = served();
    let origin = format!("http://127.0.0.1:{port}/");
    let mut b = Browser::start(&chromium, 375, 800);
    b.call_ok("Network.enable", json!({}));
    b.open(&format!("{origin}{}", POST_URL.trim_start_matches('/')));
    // video.js has made the links buttons.
    b.wait_eval(
        "document.querySelectorAll('figure.video button.video-link').length",
        Duration::from_secs(20),
        |v| v == 2,
    )
    .expect("video.js turns both links into buttons");
    let name = b
        .eval("document.querySelector('figure.video button').textContent")
        .unwrap();
    assert_eq!(name, "Putar video: Rekaman pembukaan YouTube");
    let elsewhere: Vec<&String> = b
        .requests
        .iter()
        .filter(|u| !u.starts_with(&origin) && !u.starts_with("data:"))
        .collect();
    assert!(elsewhere.is_empty(), "requests before play: {elsewhere:?}");
    assert!(!b.requests.is_empty(), "the page's own requests were seen");

    b.eval("document.querySelector('figure.video button').click()")
        .unwrap();
    let src = b
        .wait_eval(
            "(document.querySelector('figure.video iframe') || {}).src || ''",
            Duration::from_secs(10),
            |v| v.as_str().is_some_and(|s| !s.is_empty()),
        )
        .expect("an iframe after the click");
    assert_eq!(
        src,
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90"
    );
    let title = b
        .eval("document.querySelector('figure.video iframe').title")
        .unwrap();
    assert_eq!(title, "Rekaman pembukaan");
    // The player is the only other host asked, and only now; the Vimeo
    // block still waits.
    b.eval("1").unwrap();
    let elsewhere: Vec<&String> = b
        .requests
        .iter()
        .filter(|u| !u.starts_with(&origin) && !u.starts_with("data:"))
        .collect();
    assert!(
        elsewhere
            .iter()
            .all(|u| u.starts_with("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")),
        "{elsewhere:?}"
    );
    let vimeo_waits = b
        .eval("document.querySelectorAll('figure.video button.video-link').length")
        .unwrap();
    assert_eq!(vimeo_waits, 1);
}

#[test]
fn salin_tautan_copies_the_address_and_share_links_need_no_script() {
    let Some(chromium) = devtools::chromium_or_skip() else {
        return;
    };
    let (_site, _out, port) = served();
    let origin = format!("http://127.0.0.1:{port}");
    let mut b = Browser::start(&chromium, 375, 800);
    b.call_ok(
        "Browser.grantPermissions",
        json!({"origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]}),
    );
    // The clipboard is for the page that has the focus.
    b.call_ok(
        "Emulation.setFocusEmulationEnabled",
        json!({"enabled": true}),
    );
    b.open(&format!("{origin}{POST_URL}"));
    b.wait_eval(
        "document.querySelector('button[data-copy-text]').parentNode.hidden",
        Duration::from_secs(20),
        |v| v == false,
    )
    .expect("salin.js shows Salin tautan");
    b.eval("document.querySelector('button[data-copy-text]').click()")
        .unwrap();
    b.wait_eval(
        "document.getElementById('share-status').textContent",
        Duration::from_secs(10),
        |v| v == "Tautan sudah disalin.",
    )
    .expect("the status says the link was copied");
    let copied = b
        .call_ok(
            "Runtime.evaluate",
            json!({"expression": "navigator.clipboard.readText()", "awaitPromise": true, "returnByValue": true}),
        );
    assert_eq!(
        copied["result"]["value"],
        "https://uji.example.id/berita/plm-jawa-tengah-2022-semarang/"
    );
    // The Web Share button shows exactly where the browser can share.
    let shown = b
        .eval("!!navigator.share === !document.querySelector('button[data-share-url]').parentNode.hidden")
        .unwrap();
    assert_eq!(shown, true);
    // Every share link is a plain link out, with the page's address.
    let hrefs = b
        .eval("[...document.querySelectorAll('.share a')].map(a => a.href)")
        .unwrap();
    let hrefs: Vec<&str> = hrefs
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(hrefs.len(), 5, "{hrefs:?}");
    for h in &hrefs {
        assert!(
            h.contains("uji.example.id%2Fberita%2Fplm-jawa-tengah-2022-semarang%2F"),
            "{h}"
        );
    }
}

#[test]
fn an_article_prints_without_navigation_and_with_addresses() {
    let Some(chromium) = devtools::chromium_or_skip() else {
        return;
    };
    let (_site, _out, port) = served();
    let mut b = Browser::start(&chromium, 375, 800);
    b.open(&format!("http://127.0.0.1:{port}{POST_URL}"));
    b.wait_eval(
        "document.querySelectorAll('figure.video button').length",
        Duration::from_secs(20),
        |v| v == 2,
    )
    .expect("video.js ran");
    let hidden = "['.site-header', '.site-footer', '.crumbs', '.share', '.skip']\
        .map(s => s + ' ' + getComputedStyle(document.querySelector(s)).display)";
    let screen = b.eval(hidden).unwrap();
    assert!(
        !screen.to_string().contains("none"),
        "all shown on screen: {screen}"
    );
    b.call_ok("Emulation.setEmulatedMedia", json!({"media": "print"}));
    let print = b.eval(hidden).unwrap();
    for s in print.as_array().unwrap() {
        assert!(
            s.as_str().unwrap().ends_with(" none"),
            "hidden in print: {s}"
        );
    }
    // The video's address follows its title (the button keeps it).
    let after = b
        .eval("getComputedStyle(document.querySelector('figure.video .video-link'), '::after').content")
        .unwrap();
    assert_eq!(
        after,
        "\" (https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s)\""
    );
}

/// axe-core from the gates' npm packages (scripts/test.sh installs them).
fn axe_source() -> Option<String> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scripts/gates/node_modules/axe-core/axe.min.js");
    let found = std::fs::read_to_string(&p).ok();
    if found.is_none() {
        devtools::skip_or_fail(&format!("no {} (npm ci in scripts/gates)", p.display()));
    }
    found
}

#[test]
fn the_dark_theme_has_no_serious_axe_violation() {
    let Some(chromium) = devtools::chromium_or_skip() else {
        return;
    };
    let Some(axe) = axe_source() else {
        return;
    };
    let out = static_server::build_example();
    let port = static_server::serve(out.path());
    let mut b = Browser::start(&chromium, 375, 800);
    // The pages' policy refuses injected scripts; it is tested elsewhere.
    b.call_ok("Page.setBypassCSP", json!({"enabled": true}));
    b.call_ok(
        "Emulation.setEmulatedMedia",
        json!({"features": [{"name": "prefers-color-scheme", "value": "dark"}]}),
    );
    let mut failures = Vec::new();
    for url in [
        "/",
        "/berita/",
        "/berita/plm-regional-surabaya-2023/",
        "/kisah/dari-paud-sampai-sma/",
        "/plm/",
        "/plm/plm-jawa-tengah-2022/",
        "/provinsi/jawa-timur/",
        "/perpustakaan/",
        "/cari/",
    ] {
        let full = format!("http://127.0.0.1:{port}{url}");
        if url == "/perpustakaan/" {
            // The first library's profile.
            let first = std::fs::read_dir(out.path().join("perpustakaan"))
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .min()
                .unwrap();
            b.open(&format!("{full}{first}/"));
        } else {
            b.open(&full);
        }
        let dark = b
            .eval("getComputedStyle(document.body).backgroundColor")
            .unwrap();
        assert_ne!(dark, "rgb(255, 255, 255)", "{url} is dark");
        b.eval(&axe).expect("axe loads");
        let v = b.call_ok(
            "Runtime.evaluate",
            json!({
                "expression": "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.html.slice(0, 120)).join(' | ')))",
                "awaitPromise": true,
                "returnByValue": true
            }),
        );
        let found = v["result"]["value"].as_array().cloned().unwrap_or_default();
        if !found.is_empty() {
            failures.push(format!("{url}: {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
