//! The generated editor page in a real headless Chromium, with Decap's
//! real local backend: a test site is built by the `warta` binary (its
//! `cms.cdn` pointing at `/vendor/`), the output is served on 127.0.0.1
//! together with the npm-installed Decap and js-yaml (scripts/gates,
//! exactly as pinned: the page's integrity hashes must match them), and
//! `decap-server` serves the site's own files. No CDN, no login.
//!
//! Skipped only when Chromium, node or the npm packages are missing and
//! `CI` is unset; in CI that is a failure.

use crate::devtools;
use crate::static_server;
use crate::support;

use devtools::{skip_or_fail, Browser, Killed};
use static_server::StaticServer;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::TestSite;

/// An opening comment of a list file, which the editor must keep.
const HEADER: &str = "# Perpustakaan mitra di Jawa Tengah.";
const WAIT: Duration = Duration::from_secs(60);

fn gates() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/gates/node_modules")
}

fn vendor_file(rel: &str) -> Option<PathBuf> {
    let (pkg, file) = rel.split_once('/')?;
    let (name, version) = pkg.rsplit_once('@')?;
    let dir = gates().join(name);
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("package.json")).ok()?).ok()?;
    (manifest["version"] == version).then(|| dir.join(file))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// `decap-server` (Decap's local backend) over the site's folder.
fn decap_server(root: &Path, port: u16, log: &Path) -> Killed {
    let log = std::fs::File::create(log).expect("log file");
    let child = Command::new("node")
        .arg(gates().join("decap-server/dist/index.js"))
        .env("PORT", port.to_string())
        .env("BIND_HOST", "127.0.0.1")
        .env("MODE", "fs")
        .env("GIT_REPO_DIRECTORY", root)
        .env("LOG_LEVEL", "warn")
        .stdin(Stdio::null())
        .stdout(log.try_clone().expect("log"))
        .stderr(log)
        .spawn()
        .expect("start decap-server");
    let guard = Killed(child);
    let end = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < end, "decap-server did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    guard
}

/// The text of the page once it says every one of `words`.
fn wait_for_text(b: &mut Browser, words: &[&str], log: &Path) -> String {
    // What an officer reads: the text, and the values in the inputs.
    let expr = "document.body ? document.body.innerText + '\\n' + \
                [...document.querySelectorAll('input, textarea')].map(i => i.value).join('\\n') : ''";
    match b.wait_eval(expr, WAIT, |v| {
        let t = v.as_str().unwrap_or("");
        words.iter().all(|w| t.contains(w))
    }) {
        Ok(v) => v.as_str().unwrap_or("").to_string(),
        Err(last) => {
            if let Ok(p) = std::env::var("WARTA_CMS_SCREENSHOT") {
                std::fs::write(p.replace(".png", "-failed.png"), b.screenshot()).unwrap();
            }
            panic!(
                "the editor never showed all of {words:?}; it shows:\n{}\ndecap-server log:\n{}",
                last.as_ref()
                    .and_then(|v| v.as_str())
                    .unwrap_or("(nothing)"),
                std::fs::read_to_string(log).unwrap_or_default()
            )
        }
    }
}

/// Types `value` into the input labelled `label` as React expects it.
fn set_input(b: &mut Browser, label: &str, value: &str) {
    let js = format!(
        "(() => {{ const l = [...document.querySelectorAll('label')].find(l => l.innerText.trim().toLowerCase() === {label:?}); \
         if (!l) return null; const i = document.getElementById(l.htmlFor); \
         Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(i, {value:?}); \
         i.dispatchEvent(new Event('input', {{ bubbles: true }})); return i.value; }})()"
    );
    b.wait_eval(&js, WAIT, |v| v.is_string())
        .unwrap_or_else(|_| panic!("no input labelled {label}"));
}

/// Clicks the button (or menu item) that says exactly `text`.
fn click(b: &mut Browser, text: &str) {
    let js = format!(
        "(() => {{ const e = [...document.querySelectorAll('button, [role=menuitem], span')].find(e => e.innerText && e.innerText.trim() === {text:?}); if (e) e.click(); return !!e; }})()"
    );
    b.wait_eval(&js, WAIT, |v| v == &serde_json::Value::Bool(true))
        .unwrap_or_else(|_| panic!("no `{text}` to click"));
}

/// The text of `path` once it holds `want`.
fn wait_for_file(path: &Path, want: &str) -> String {
    let end = Instant::now() + WAIT;
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if text.contains(want) {
            return text;
        }
        assert!(
            Instant::now() < end,
            "{} was not saved:\n{text}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn the_editor_lists_the_collections_and_saves_what_warta_reads() {
    let Some(chromium) = devtools::chromium_or_skip() else {
        return;
    };
    if !gates().join("decap-cms/dist/decap-cms.js").exists()
        || Command::new("node").arg("--version").output().is_err()
    {
        return skip_or_fail("no node or no decap-cms in scripts/gates/node_modules");
    }
    let work = tempfile::tempdir().expect("work dir");
    let site = TestSite::minimal();
    let site_root = site.root().to_path_buf();
    let libs = site_root.join(support::LIBS_JATENG);
    let text = std::fs::read_to_string(&libs).unwrap();
    std::fs::write(&libs, format!("{HEADER}\n\n{text}")).unwrap();
    let config = site_root.join("data/site.yaml");
    let mut yaml = std::fs::read_to_string(&config).unwrap();
    yaml.push_str("cms:\n  repo: perpusnas/situs-uji\n  cdn: /vendor/\n");
    std::fs::write(&config, yaml).unwrap();
    let out = work.path().join("out");
    let built = support::run_in(&site_root, &["build", "--out", out.to_str().unwrap()]);
    built.assert_ok();

    // The local backend on a free port instead of Decap's default 8081.
    let dport = free_port();
    let cfg_path = out.join("admin/config.yml");
    let cfg = std::fs::read_to_string(&cfg_path).unwrap();
    assert!(cfg.contains("\"local_backend\": true,"), "{cfg}");
    let cfg = cfg.replace(
        "\"local_backend\": true,",
        &format!("\"local_backend\": {{\"url\": \"http://127.0.0.1:{dport}/api/v1\"}},"),
    );
    std::fs::write(&cfg_path, cfg).unwrap();
    let log = work.path().join("decap-server.log");
    let _server = decap_server(&site_root, dport, &log);
    // The site's output, and `/vendor/<package>@<version>/<file>` from
    // node_modules when the installed package has exactly that version.
    let port = StaticServer::new(&out).mount("vendor", vendor_file).start();
    let base = format!("http://127.0.0.1:{port}/admin/");

    let mut b = Browser::start(&chromium, 1280, 900);
    b.navigate(&base);
    // The local backend asks for no password, only a click on "Masuk" (log in).
    let login = b.wait_eval(
        "(() => { const l = [...document.querySelectorAll('button')].find(b => b.innerText.trim() === 'Masuk'); \
         if (l) { l.click(); return 'clicked'; } return document.body.innerText.includes('Berita') ? 'in' : ''; })()",
        WAIT,
        |v| v.as_str().is_some_and(|s| !s.is_empty()),
    );
    assert!(
        login.is_ok(),
        "no login button and no collections: {:?}\n{}",
        login,
        std::fs::read_to_string(&log).unwrap_or_default()
    );
    let collections = [
        "Berita",
        "Kisah",
        "Kegiatan PLM",
        "Perpustakaan mitra",
        "Penghargaan",
        "Halaman",
    ];
    let text = wait_for_text(&mut b, &collections, &log);
    // The first collection opens with its entries, read through the local
    // backend from content/berita.
    let text = if text.contains("PLM Jawa Tengah 2022 di Semarang") {
        text
    } else {
        wait_for_text(&mut b, &["PLM Jawa Tengah 2022 di Semarang"], &log)
    };
    assert!(text.contains("Berita"), "{text}");
    if let Ok(p) = std::env::var("WARTA_CMS_SCREENSHOT") {
        std::fs::write(&p, b.screenshot()).unwrap();
    }

    // The other folders are read too.
    for (collection, title) in [
        ("plm", "PLM Provinsi Jawa Tengah 2022"),
        ("halaman", "Tentang"),
    ] {
        b.navigate(&format!("{base}#/collections/{collection}"));
        let card = format!(
            "[...document.querySelectorAll('a')].some(a => a.innerText.trim() === {title:?})"
        );
        b.wait_eval(&card, WAIT, |v| v == &serde_json::Value::Bool(true))
            .unwrap_or_else(|_| panic!("no entry `{title}` in {collection}"));
    }

    // A library file opens as its list of libraries: the list format of
    // cms.js read the top-level YAML list.
    b.navigate(&format!(
        "{base}#/collections/perpustakaan/entries/jawa-tengah"
    ));
    wait_for_text(
        &mut b,
        &[
            "Perpustakaan Desa Loram Wetan",
            "Dinas Arsip dan Perpustakaan Kota Semarang",
        ],
        &log,
    );
    if let Ok(p) = std::env::var("WARTA_CMS_SCREENSHOT") {
        std::fs::write(p.replace(".png", "-libraries.png"), b.screenshot()).unwrap();
    }

    // A story's library is a relation: the id in the file is shown as the
    // library's name, found through `libraries.*.id` in the other files.
    b.navigate(&format!("{base}#/collections/kisah"));
    wait_for_text(&mut b, &["Dari Rajutan ke Usaha Keluarga"], &log);
    b.eval("[...document.querySelectorAll('a')].find(a => a.innerText.includes('Dari Rajutan')).click()")
        .expect("the story's card");
    wait_for_text(&mut b, &["Dari Rajutan ke Usaha Keluarga"], &log);
    if let Ok(p) = std::env::var("WARTA_CMS_SCREENSHOT") {
        std::thread::sleep(Duration::from_secs(3));
        std::fs::write(p.replace(".png", "-story.png"), b.screenshot()).unwrap();
    }
    wait_for_text(&mut b, &["Perpustakaan Desa Loram Wetan"], &log);

    // An officer retitles the news post and publishes: decap-server writes
    // the file, and warta still accepts the site.
    b.navigate(&format!("{base}#/collections/berita"));
    wait_for_text(&mut b, &["PLM Jawa Tengah 2022 di Semarang"], &log);
    b.eval("[...document.querySelectorAll('a')].find(a => a.innerText.includes('PLM Jawa Tengah')).click()")
        .expect("the post's card");
    wait_for_text(&mut b, &["PLM Jawa Tengah 2022 di Semarang"], &log);
    set_input(&mut b, "judul", "PLM Jawa Tengah 2022 di Kota Semarang");
    click(&mut b, "Terbitkan");
    click(&mut b, "Terbitkan sekarang");
    let written = wait_for_file(&site_root.join(support::POST), "di Kota Semarang");
    wait_for_text(&mut b, &["TERSIMPAN"], &log); // Decap is done saving
    assert!(
        written
            .starts_with("---\ntitle: PLM Jawa Tengah 2022 di Kota Semarang\ndate: 2022-08-04\n"),
        "{written}"
    );
    support::run_in(&site_root, &["check"]).assert_ok();

    // The same for a library in a list file: the list format writes the
    // top-level list back, with the file's opening comment.
    b.navigate(&format!("{base}#/collections/perpustakaan"));
    wait_for_text(&mut b, &["jawa-tengah", "jawa-timur"], &log);
    b.eval("[...document.querySelectorAll('a')].find(a => a.innerText.includes('jawa-tengah')).click()")
        .expect("the file's card");
    wait_for_text(&mut b, &["Perpustakaan Desa Loram Wetan"], &log);
    // Open the first library: the toggle of the item holding its name.
    let open = r#"(() => {
        const name = [...document.querySelectorAll('div')].find(d => d.children.length === 0 && d.innerText.trim() === 'Perpustakaan Desa Loram Wetan');
        for (let e = name; e; e = e.parentElement) {
            const t = e.querySelector('button');
            if (t) { t.click(); return true; }
        }
        return false; })()"#;
    assert_eq!(
        b.eval(open),
        Some(serde_json::Value::Bool(true)),
        "the library's toggle"
    );
    set_input(
        &mut b,
        "nama perpustakaan",
        "Perpustakaan Desa Loram Wetan Kudus",
    );
    click(&mut b, "Terbitkan");
    click(&mut b, "Terbitkan sekarang");
    let written = wait_for_file(&site_root.join(support::LIBS_JATENG), "Loram Wetan Kudus");
    wait_for_text(&mut b, &["TERSIMPAN"], &log); // Decap is done saving
                                                 // Nothing else changed: same order, same layout, the comment on top.
    let want = support::LIBRARIES_JATENG.replace("Loram Wetan\n", "Loram Wetan Kudus\n");
    assert_eq!(written, format!("{HEADER}\n\n{want}"));
    support::run_in(&site_root, &["check"]).assert_ok();

    // A new post: title, today's date, a sentence of body. Its file name
    // is an ASCII slug of the title and warta accepts it as written.
    b.navigate(&format!("{base}#/collections/berita/new"));
    set_input(&mut b, "judul", "Kunjungan Perpustakaan Desa");
    click(&mut b, "Hari ini");
    b.wait_eval("(() => { const e = document.querySelector('[data-slate-editor]'); if (e) e.focus(); return !!e; })()", WAIT, |v| v == &serde_json::Value::Bool(true))
        .expect("the body editor");
    b.call(
        "Input.insertText",
        serde_json::json!({"text": "Warga belajar bersama."}),
    );
    click(&mut b, "Terbitkan");
    click(&mut b, "Terbitkan sekarang");
    let new = wait_for_file(
        &site_root.join("content/berita/kunjungan-perpustakaan-desa.md"),
        "Warga belajar bersama.",
    );
    assert!(
        new.starts_with("---\ntitle: Kunjungan Perpustakaan Desa\ndate: 20"),
        "{new}"
    );
    support::run_in(&site_root, &["check"]).assert_ok();
}

/// The editor as it opens on the published site (any host but localhost):
/// under the page's own Content-Security-Policy Decap starts and offers
/// GitHub sign-in in Indonesian; without `cms:` the page says instead that
/// the repository is not set up. A host name mapped to 127.0.0.1, treated
/// as secure (Decap needs `crypto.randomUUID`, as on the HTTPS site).
#[test]
fn the_published_editor_offers_sign_in_under_its_policy() {
    let Some(chromium) = devtools::chromium_or_skip() else {
        return;
    };
    if !gates().join("decap-cms/dist/decap-cms.js").exists() {
        return skip_or_fail("no decap-cms in scripts/gates/node_modules");
    }
    for (cms, want) in [
        (
            "cms:\n  repo: perpusnas/situs-uji\n  cdn: /vendor/\n",
            "Masuk dengan GitHub",
        ),
        ("", "belum terhubung ke repositori"),
    ] {
        let work = tempfile::tempdir().expect("work dir");
        let site = TestSite::minimal();
        let yaml = std::fs::read_to_string(site.root().join("data/site.yaml")).unwrap();
        std::fs::write(site.root().join("data/site.yaml"), format!("{yaml}{cms}")).unwrap();
        let out = work.path().join("out");
        support::run_in(site.root(), &["build", "--out", out.to_str().unwrap()]).assert_ok();
        if cms.is_empty() {
            // Served from the test's copy instead of unpkg, same hashes.
            let page = out.join("admin/index.html");
            let html = std::fs::read_to_string(&page).unwrap();
            std::fs::write(&page, html.replace("https://unpkg.com/", "/vendor/")).unwrap();
        }
        let port = StaticServer::new(&out).mount("vendor", vendor_file).start();
        let origin = format!("http://warta.test:{port}");
        let profile = tempfile::tempdir().expect("profile dir");
        let run = Command::new(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--virtual-time-budget=20000",
                "--host-resolver-rules=MAP warta.test 127.0.0.1",
            ])
            .arg(format!(
                "--unsafely-treat-insecure-origin-as-secure={origin}"
            ))
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("--dump-dom")
            .arg(format!("{origin}/admin/"))
            .output()
            .expect("run chromium");
        let dom = String::from_utf8_lossy(&run.stdout);
        assert!(
            dom.contains(want),
            "{cms:?}: no `{want}` in\n{dom}\n{}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(!dom.contains("Error loading"), "{dom}");
    }
}
