//! Library material in headless Chromium (docs/library-material.md): the
//! poster prints on exactly one A4 page, and the badge snippet's copy
//! button (external script, progressive enhancement) appears and works.

use crate::devtools;
use crate::static_server;
use crate::support;

use devtools::Browser;
use std::time::Duration;
use support::TestSite;

#[test]
fn poster_prints_on_one_a4_page_and_the_copy_button_works() {
    let Some(chromium) = devtools::chromium_or_skip() else {
        return;
    };
    let site = TestSite::minimal();
    // A long name and place: the poster must still fit one page.
    site.edit(
        support::LIBS_JATENG,
        "name: Perpustakaan Desa Loram Wetan",
        "name: Perpustakaan Desa Loram Wetan Kecamatan Jati Kabupaten Kudus Provinsi Jawa Tengah Bagian Utara yang Namanya Sangat Panjang Sekali\n  village: Desa Loram Wetan Lor Kidul\n  district: Kecamatan Jati Wetan Kidul",
    );
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    support::run_in(site.root(), &["build", "--out", out.to_str().unwrap()]).assert_ok();
    let port = static_server::serve(&out);
    let base = format!("http://127.0.0.1:{port}/perpustakaan/perpusdes-loram-wetan/");

    let mut b = Browser::start(&chromium, 375, 800);
    b.open(&format!("{base}poster/"));
    let qr = b
        .eval("document.querySelector('.poster-qr').naturalWidth")
        .unwrap();
    assert!(qr.as_u64().unwrap_or(0) > 0, "the QR code image loads");
    let pdf = b.pdf();
    let text = String::from_utf8_lossy(&pdf);
    // The page tree's root: `<</Type /Pages /Kids [..] /Count N>>`.
    let pages: u32 = text
        .split("/Type /Pages")
        .nth(1)
        .and_then(|s| s.split("/Count ").nth(1))
        .and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .expect("a page count");
    assert_eq!(pages, 1, "the poster prints on one page");
    let media = text
        .split("/MediaBox [")
        .nth(1)
        .and_then(|s| s.split(']').next())
        .expect("a MediaBox");
    let size: Vec<f64> = media
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    // A4 is 210 × 297 mm = 595.3 × 841.9 pt.
    assert!(
        (size[2] - 595.3).abs() < 2.0 && (size[3] - 841.9).abs() < 2.0,
        "A4 portrait, not {media}"
    );

    // The profile page: the copy button is shown by salin.js and copies
    // (or, where the clipboard is refused, selects the code to copy).
    b.navigate(&base);
    b.wait_eval(
        "document.querySelector('button[data-copy]').hidden",
        Duration::from_secs(20),
        |v| v == false,
    )
    .expect("salin.js shows the copy button");
    b.eval("document.querySelector('button[data-copy]').click()")
        .unwrap();
    let state = "(() => { const t = document.getElementById('badge-code'); \
        return document.getElementById('badge-copied').textContent || \
        (document.activeElement === t && t.selectionEnd === t.value.length && t.selectionEnd > 0 ? 'selected' : ''); })()";
    let got = b
        .wait_eval(state, Duration::from_secs(10), |v| {
            v.as_str().is_some_and(|s| !s.is_empty())
        })
        .expect("the code is copied or selected");
    assert!(got == "Kode sudah disalin." || got == "selected", "{got}");
}
