//! Library material in headless Chromium (docs/library-material.md): the
//! poster prints on exactly one A4 page, and the badge snippet's copy
//! button (external script, progressive enhancement) appears and works.

#[path = "support/devtools.rs"]
mod devtools;
mod support;

use devtools::{Browser, Killed};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::TestSite;

fn skip_or_fail(why: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{why} (scripts/test.sh installs it)");
    }
    eprintln!("skipped: {why}");
}

/// `python3 -m http.server` over `dir` on a free port of 127.0.0.1.
fn serve(dir: &std::path::Path) -> (Killed, u16) {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let child = Command::new("python3")
        .args(["-m", "http.server", "--bind", "127.0.0.1", "--directory"])
        .arg(dir)
        .arg(port.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start python3 -m http.server");
    let server = Killed(child);
    let end = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < end, "the HTTP server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    (server, port)
}

fn decode_base64(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    } as u32;
    let clean: Vec<u8> = s.bytes().filter(|&c| c != b'=').collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &c)| n | val(c) << (18 - 6 * i));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len() - 1]);
    }
    out
}

#[test]
fn poster_prints_on_one_a4_page_and_the_copy_button_works() {
    let Some(chromium) = devtools::chromium() else {
        return skip_or_fail("no Chromium found (set CHROMIUM=/path or install Debian's chromium)");
    };
    if Command::new("python3").arg("--version").output().is_err() {
        return skip_or_fail("no python3 to serve the built site");
    }
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
    let (_server, port) = serve(&out);
    let base = format!("http://127.0.0.1:{port}/perpustakaan/perpusdes-loram-wetan/");

    let mut b = Browser::start(&chromium, 375, 800);
    b.navigate(&format!("{base}poster/"));
    b.wait_eval("document.readyState", Duration::from_secs(20), |v| {
        v == "complete"
    })
    .expect("the poster loads");
    let qr = b
        .eval("document.querySelector('.poster-qr').naturalWidth")
        .unwrap();
    assert!(qr.as_u64().unwrap_or(0) > 0, "the QR code image loads");
    let pdf = b.call(
        "Page.printToPDF",
        serde_json::json!({"preferCSSPageSize": true, "printBackground": true}),
    );
    let pdf = decode_base64(pdf["result"]["data"].as_str().expect("a PDF"));
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
