//! The search page in a real headless Chromium: the example site is built
//! with the `warta` binary, the search files are written beside it by
//! `warta::search::build`, the folder is served on 127.0.0.1, and Chromium
//! dumps the DOM after the client has run.
//!
//! Skipped only when no Chromium can be found and `CI` is unset; in CI a
//! missing browser is a failure.

use crate::devtools;
use crate::static_server;

use devtools::{dump_dom as dom, Browser};
use static_server::StaticServer;
use std::path::Path;
use warta::search;

/// The markup the `/cari/` page needs (docs/search.md), added when the theme
/// does not have it yet, plus a test hook that types `#ketik=<words>` into
/// the search box, one key at a time, as a reader would. The hook is a file
/// of the site (`/ketik.js`): pages are served under the site's
/// Content-Security-Policy, which refuses inline scripts.
fn wire_page(out: &Path) {
    let page = out.join("cari/index.html");
    let mut html = std::fs::read_to_string(&page).expect("/cari/index.html");
    if !html.contains("id=\"warta-search\"") {
        let markup = format!(
            "<div id=\"warta-search\" data-entry=\"{}\"></div>\n<script src=\"{}\" defer></script>\n",
            search::ENTRY_URL,
            search::client_url()
        );
        let at = html
            .find("</main>")
            .or_else(|| html.find("</body>"))
            .expect("a place for the search markup");
        html.insert_str(at, &markup);
    }
    let typing = r#"addEventListener('load', () => {
  const m = location.hash.match(/^#ketik=(.*)$/);
  if (!m) return;
  const text = decodeURIComponent(m[1]), box = document.getElementById('q');
  let i = 0;
  const key = () => {
    box.value = text.slice(0, ++i);
    box.dispatchEvent(new Event('input', { bubbles: true }));
    if (i < text.length) setTimeout(key, 30);
  };
  setTimeout(key, 300);
});
"#;
    std::fs::write(out.join("ketik.js"), typing).expect("write /ketik.js");
    let at = html.find("</body>").expect("</body>");
    html.insert_str(at, "<script src=\"/ketik.js\"></script>\n");
    std::fs::write(&page, html).expect("write /cari/index.html");
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> &'a str {
    let a = s.find(start).map(|i| i + start.len()).unwrap_or(s.len());
    let b = s[a..].find(end).map(|i| a + i).unwrap_or(s.len());
    &s[a..b]
}

fn results(dom: &str) -> Vec<String> {
    between(dom, "<ol class=\"search-results\">", "</ol>")
        .split("<a href=\"")
        .skip(1)
        .map(|x| x.split('"').next().unwrap_or("").to_string())
        .collect()
}

fn status(dom: &str) -> String {
    let s = between(dom, "class=\"search-status\"", "</p>");
    s.split_once('>').map(|x| x.1).unwrap_or("").to_string()
}

/// Whether the facet's fieldset is hidden (the client sets `hidden=""`).
fn fieldset_hidden(dom: &str, facet: &str) -> bool {
    let tag = format!("<fieldset class=\"facet facet-{facet}\"");
    assert!(dom.contains(&tag), "no {facet} fieldset");
    between(dom, &tag, ">").contains("hidden")
}

#[test]
fn search_page_in_chromium() {
    let Some(browser) = devtools::chromium_or_skip() else {
        return;
    };
    // `warta build` of the example site: the search files are part of it.
    let out = static_server::build_example();
    wire_page(out.path());
    // Served under the site's Content-Security-Policy, as published.
    let port = StaticServer::new(out.path())
        .header("Content-Security-Policy", warta::csp::SITE)
        .start();
    let base = format!("http://127.0.0.1:{port}/cari/");

    // Typing a query shows results, announced in the live region.
    let typed = dom(&browser, &format!("{base}#ketik=perpustakaan%20desa"));
    let all = results(&typed);
    assert!(
        !all.is_empty(),
        "typed query shows results: {}",
        status(&typed)
    );
    assert!(
        status(&typed).contains("hasil"),
        "status: {}",
        status(&typed)
    );
    assert!(typed.contains("role=\"status\""));

    // A province facet in the URL narrows the results and is checked.
    let url = format!("{base}?q=perpustakaan+desa&provinsi=jawa-tengah");
    let narrowed = dom(&browser, &url);
    let some = results(&narrowed);
    assert!(!some.is_empty(), "status: {}", status(&narrowed));
    let n_all: usize = status(&typed)
        .split_whitespace()
        .next()
        .unwrap_or("0")
        .parse()
        .unwrap_or(0);
    let n_some: usize = status(&narrowed)
        .split_whitespace()
        .next()
        .unwrap_or("0")
        .parse()
        .unwrap_or(0);
    assert!(n_some > 0 && n_some < n_all, "{n_some} of {n_all}");
    assert!(
        between(&narrowed, "name=\"provinsi\" value=\"jawa-tengah\"", ">").contains("checked"),
        "facet box reflects the URL"
    );

    // A shared URL with two facets restores the query and both facets.
    let shared = dom(
        &browser,
        &format!("{base}?q=plm&jenis=berita&provinsi=jawa-tengah"),
    );
    assert!(
        between(&shared, "<input id=\"q\"", ">").contains("value=\"plm\""),
        "query box restored"
    );
    for (facet, value) in [("jenis", "berita"), ("provinsi", "jawa-tengah")] {
        let tag = between(&shared, &format!("name=\"{facet}\" value=\"{value}\""), ">");
        assert!(tag.contains("checked"), "{facet}={value} restored");
    }
    let hits = results(&shared);
    assert!(!hits.is_empty(), "status: {}", status(&shared));
    assert!(hits.iter().all(|u| u.starts_with("/berita/")), "{hits:?}");
    assert!(
        hits.contains(&"/berita/plm-jawa-tengah-2022-semarang/".to_string()),
        "the Central Java PLM news is found: {hits:?}"
    );

    // A facet with no value to offer draws no fieldset: libraries have no
    // year, news no library level.
    let libs = dom(&browser, &format!("{base}?jenis=perpustakaan"));
    assert!(!results(&libs).is_empty(), "status: {}", status(&libs));
    assert!(fieldset_hidden(&libs, "tahun"), "tahun fieldset hidden");
    assert!(!fieldset_hidden(&libs, "tingkat"), "tingkat fieldset shown");
    let news = dom(&browser, &format!("{base}?jenis=berita"));
    assert!(fieldset_hidden(&news, "tingkat"), "tingkat fieldset hidden");
    assert!(!fieldset_hidden(&news, "tahun"), "tahun fieldset shown");

    // No match says so.
    let none = dom(&browser, &format!("{base}?q=xyzzyqwerty"));
    assert!(results(&none).is_empty());
    assert!(
        status(&none).contains("Tidak ada hasil"),
        "status: {}",
        status(&none)
    );

    // A derived word finds its root form: "rajutan" (which no page says)
    // finds "Benang Rajut…", "membaca" finds pages that say "baca".
    let derived = dom(&browser, &format!("{base}#ketik=rajutan"));
    let r = results(&derived);
    assert!(
        r.iter().any(|u| u == "/kisah/benang-rajut-dan-lomba/"),
        "{r:?} / {}",
        status(&derived)
    );
    let baca = results(&dom(&browser, &format!("{base}?q=baca")));
    let membaca = results(&dom(&browser, &format!("{base}?q=membaca")));
    assert!(!baca.is_empty());
    assert_eq!(baca, membaca, "membaca finds what baca finds");

    // A word no page contains is stemmed in the browser as in the index.
    let lib = results(&dom(&browser, &format!("{base}?q=perpustakaan")));
    let lib2 = results(&dom(&browser, &format!("{base}?q=perpustakaannya")));
    assert!(!lib.is_empty());
    assert_eq!(lib, lib2, "perpustakaannya finds what perpustakaan finds");

    // Only stop words: too common, never every page.
    let common = dom(&browser, &format!("{base}?q=yang+dan"));
    assert!(results(&common).is_empty());
    assert!(
        status(&common).contains("terlalu umum"),
        "{}",
        status(&common)
    );

    // A typo is fixed to a word of the site and said so; an ordinary word
    // is never turned into a place name (`terang` is not Serang).
    let typo = dom(&browser, &format!("{base}?q=perpustakan"));
    assert!(!results(&typo).is_empty());
    assert!(
        status(&typo).contains("Menampilkan hasil untuk “perpustakaan”"),
        "{}",
        status(&typo)
    );
    let terang = dom(&browser, &format!("{base}?q=terang"));
    assert!(
        !status(&terang).contains("Menampilkan"),
        "{}",
        status(&terang)
    );

    // Snippets mark the matched words (escaped text in <mark> elements).
    let marked = dom(&browser, &format!("{base}?q=perpustakaan+desa"));
    let list = between(&marked, "<ol class=\"search-results\">", "</ol>");
    let marks: Vec<&str> = list
        .split("<mark>")
        .skip(1)
        .map(|m| m.split("</mark>").next().unwrap_or(""))
        .collect();
    assert!(!marks.is_empty(), "no <mark> in {list}");
    assert!(
        marks.iter().all(|m| {
            let m = m.to_lowercase();
            m.starts_with("perpustakaan") || m.starts_with("desa") || m.starts_with("pustaka")
        }),
        "{marks:?}"
    );
}

/// Waits for `expr` to be true in the page.
fn wait_true(b: &mut Browser, expr: &str) {
    b.wait_eval(expr, std::time::Duration::from_secs(20), |v| {
        v == &serde_json::Value::Bool(true)
    })
    .unwrap_or_else(|last| panic!("{expr}: {last:?}"));
}

/// Layout shifts since load (no user input), from the buffered entries.
fn layout_shift(b: &mut Browser) -> f64 {
    b.eval(
        "window.__cls = 0; new PerformanceObserver(l => l.getEntries().forEach(e => { if (!e.hadRecentInput) window.__cls += e.value; })).observe({type: 'layout-shift', buffered: true}); true",
    );
    std::thread::sleep(std::time::Duration::from_millis(500));
    b.eval("window.__cls")
        .and_then(|v| v.as_f64())
        .expect("CLS")
}

#[test]
fn phone_layout_keyboard_and_no_layout_shift() {
    let Some(chromium) = devtools::chromium_or_skip() else {
        return;
    };
    let out = static_server::build_example();
    let port = StaticServer::new(out.path())
        .header("Content-Security-Policy", warta::csp::SITE)
        .start();
    let base = format!("http://127.0.0.1:{port}/cari/");
    let shots = std::env::var_os("WARTA_SHOTS").map(std::path::PathBuf::from);
    let mut b = Browser::start(&chromium, 375, 800);
    b.viewport(375, 800, true);

    // The page alone: the client takes over without moving anything.
    b.open(&base);
    wait_true(&mut b, "!!document.querySelector('#saring .search-facets')");
    let cls = layout_shift(&mut b);
    println!("CLS /cari/ at 375×800: {cls:.4}");
    assert!(cls < 0.02, "CLS {cls}");

    // A query: the first result is on the first screen, right under the
    // box; the filters are folded behind "Saring" (with counts inside).
    b.open(&format!("{base}?q=perpustakaan+desa"));
    wait_true(
        &mut b,
        "document.querySelectorAll('.search-results li').length > 0",
    );
    let cls = layout_shift(&mut b);
    println!("CLS /cari/?q=… at 375×800: {cls:.4}");
    assert!(cls < 0.02, "CLS {cls} with a query");
    wait_true(
        &mut b,
        "document.querySelector('.search-results a').getBoundingClientRect().bottom <= innerHeight",
    );
    wait_true(&mut b, "!document.getElementById('saring').open");
    wait_true(&mut b, "document.querySelector('#saring summary').getBoundingClientRect().bottom <= document.querySelector('.search-results').getBoundingClientRect().top");
    wait_true(
        &mut b,
        "/\\(\\d+\\)/.test(document.querySelector('#saring .count').textContent)",
    );
    if let Some(dir) = &shots {
        std::fs::write(dir.join("cari-375.png"), b.screenshot()).unwrap();
    }

    // Keyboard: from the box to the first result in at most 10 Tabs.
    b.eval("document.getElementById('q').focus(); true");
    let mut presses = 0;
    while presses < 10 {
        for kind in ["keyDown", "keyUp"] {
            b.call_ok(
                "Input.dispatchKeyEvent",
                serde_json::json!({"type": kind, "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9}),
            );
        }
        presses += 1;
        if b.eval("document.activeElement === document.querySelector('.search-results a')")
            == Some(serde_json::Value::Bool(true))
        {
            break;
        }
    }
    println!("Tab presses from the box to the first result: {presses}");
    assert_eq!(
        b.eval("document.activeElement === document.querySelector('.search-results a')"),
        Some(serde_json::Value::Bool(true)),
        "first result not reached in 10 Tabs"
    );

    // Opening "Saring" shows the facets with counts; a box narrows.
    b.eval("document.querySelector('#saring summary').click(); true");
    wait_true(&mut b, "document.getElementById('saring').open");
    if let Some(dir) = &shots {
        std::fs::write(dir.join("cari-375-saring.png"), b.screenshot()).unwrap();
        b.viewport(1280, 900, false);
        b.open(&format!("{base}?q=perpustakaan+desa"));
        wait_true(
            &mut b,
            "document.querySelectorAll('.search-results li').length > 0",
        );
        std::fs::write(dir.join("cari-1280.png"), b.screenshot()).unwrap();
    }
}
