//! `warta serve`: the real binary on a free port against a site in a temp
//! folder (fetch, edit, reload event, error overlay, traversal), a browser
//! (headless Chromium over the DevTools protocol) that reloads after a
//! save, and the partial rebuilds of the engine compared with full builds.
//!
//! All traffic goes to 127.0.0.1; every wait is bounded; child processes
//! are killed when their guard drops, even when a test fails.

use crate::devtools;
use crate::support;

use devtools::{Browser, Killed};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use support::{TestSite, POST};

const POST_URL: &str = "/berita/plm-jawa-tengah-2022-semarang/";
const WAIT: Duration = Duration::from_secs(20);

/// A running `warta serve`, killed on drop.
struct Server {
    child: Child,
    port: u16,
    /// Everything it printed (stdout and stderr), collected as it goes.
    log: mpsc::Receiver<String>,
    seen: Vec<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(root: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
            .arg("--root")
            .arg(root)
            .args([
                "--messages",
                "plain",
                "--lang",
                "en",
                "serve",
                "--port",
                "0",
            ])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start warta serve");
        let (tx, rx) = mpsc::channel();
        for r in [
            Box::new(child.stdout.take().expect("stdout")) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().expect("stderr")),
        ] {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(r).lines().map_while(Result::ok) {
                    let _ = tx.send(line);
                }
            });
        }
        let mut s = Server {
            child,
            port: 0,
            log: rx,
            seen: Vec::new(),
        };
        // "serving … at http://…" (English) or "menyajikan … di http://…".
        let line =
            s.wait_line(|l| l.starts_with("warta serve:") && l.contains(" http://127.0.0.1:"));
        let port = line
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .and_then(|p| p.parse().ok())
            .expect("a port in the URL line");
        s.port = port;
        s
    }

    /// Waits for a printed line matching `f`; panics with the log on timeout.
    fn wait_line(&mut self, f: impl Fn(&str) -> bool) -> String {
        let end = Instant::now() + WAIT;
        if let Some(l) = self.seen.iter().find(|l| f(l)) {
            return l.clone();
        }
        while Instant::now() < end {
            if let Ok(l) = self.log.recv_timeout(Duration::from_millis(100)) {
                self.seen.push(l.clone());
                if f(&l) {
                    return l;
                }
            }
            if let Ok(Some(st)) = self.child.try_wait() {
                panic!("warta serve exited ({st}):\n{}", self.seen.join("\n"));
            }
        }
        panic!("timed out; warta serve printed:\n{}", self.seen.join("\n"));
    }

    fn get(&self, path: &str) -> Response {
        http_get(self.port, path)
    }

    fn version(&self) -> String {
        let r = self.get("/__warta/state");
        let v: serde_json::Value = serde_json::from_str(&r.body).expect("state JSON");
        v["version"].as_str().expect("version").to_string()
    }

    /// Waits until a build after `before` finished (good or bad).
    fn wait_build(&self, before: &str) {
        let end = Instant::now() + WAIT;
        while Instant::now() < end {
            if self.version() != before {
                return;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        panic!("no rebuild within {WAIT:?}");
    }
}

struct Response {
    status: u16,
    headers: HashMap<String, String>,
    body: String,
}

/// A plain HTTP/1.1 GET to 127.0.0.1 (the path is sent exactly as given).
fn http_get(port: u16, path: &str) -> Response {
    let (head, body) = devtools::http_get(port, path).unwrap_or_else(|e| panic!("GET {path}: {e}"));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .expect("a status line");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body,
    }
}

/// An open Server-Sent Events stream; `wait_for` reads until a text shows.
struct Events {
    stream: TcpStream,
    got: String,
}

impl Events {
    fn open(port: u16) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        write!(
            stream,
            "GET /__warta/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut e = Events {
            stream,
            got: String::new(),
        };
        e.wait_for("event: hello");
        e
    }

    fn wait_for(&mut self, what: &str) -> String {
        let end = Instant::now() + WAIT;
        let mut buf = [0u8; 4096];
        while Instant::now() < end {
            if let Some(i) = self.got.find(what) {
                let rest = self.got[i..].to_string();
                self.got = self.got[i + what.len()..].to_string();
                return rest;
            }
            match self.stream.read(&mut buf) {
                Ok(0) => panic!("event stream closed; got {:?}", self.got),
                Ok(n) => self.got.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(_) => {} // read timeout: try again
            }
        }
        panic!("no {what:?} on the event stream; got {:?}", self.got);
    }
}

#[test]
fn serves_the_site_and_reloads_after_an_edit() {
    let site = TestSite::minimal();
    let mut server = Server::start(site.root(), &[]);
    assert!(
        !site.path("public").exists(),
        "serve must not write public/"
    );

    let r = server.get(POST_URL);
    assert_eq!(r.status, 200);
    assert_eq!(r.headers["content-type"], "text/html; charset=utf-8");
    assert!(r.body.contains("PLM Jawa Tengah 2022 di Semarang"));
    assert!(
        r.body.contains("__warta_live"),
        "the live script is injected"
    );
    // The script is a file (the pages' CSP refuses inline scripts).
    assert!(r
        .body
        .contains("<script id=\"__warta_live\" src=\"/__warta/live.js\">"));
    let js = server.get("/__warta/live.js");
    assert_eq!(js.headers["content-type"], "text/javascript; charset=utf-8");
    assert!(js.body.contains("EventSource"));
    assert!(
        !r.body.contains("<div id=\"__warta_overlay\""),
        "no overlay on a good build"
    );

    // Content types of the other kinds of files.
    let home = server.get("/");
    assert_eq!(home.status, 200);
    let css = home
        .body
        .split('"')
        .find(|s| s.starts_with("/aset/style.") && s.ends_with(".css"))
        .expect("a stylesheet link")
        .to_string();
    for (path, ctype) in [
        (css.as_str(), "text/css; charset=utf-8"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/atom.xml", "application/atom+xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/images/perpustakaan.png", "image/png"),
    ] {
        let r = server.get(path);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.headers["content-type"], ctype, "{path}");
        assert!(
            !r.body.contains("__warta_live"),
            "{path}: script only in HTML"
        );
    }
    // A page without its trailing slash redirects; a missing page is the
    // site's 404 page with status 404.
    let r = server.get("/berita");
    assert_eq!(r.status, 301);
    assert_eq!(r.headers["location"], "/berita/");
    let r = server.get("/berita/tidak-ada/");
    assert_eq!(r.status, 404);
    assert!(r.body.contains("<html"), "the site's 404 page: {}", r.body);
    assert!(r.body.contains("__warta_live"));

    // An edit: the new title is served and the stream says reload.
    let mut events = Events::open(server.port);
    let v = server.version();
    site.edit(
        POST,
        "title: PLM Jawa Tengah 2022 di Semarang",
        "title: Judul yang Baru Disunting",
    );
    let ev = events.wait_for("event: reload");
    assert!(ev.contains("\"errors\":null"), "{ev}");
    server.wait_build(&v);
    let r = server.get(POST_URL);
    assert!(r.body.contains("Judul yang Baru Disunting"), "{}", r.body);
    assert!(server
        .get("/berita/")
        .body
        .contains("Judul yang Baru Disunting"));
    server.wait_line(|l| {
        l.contains("content/berita/plm-jawa-tengah-2022-semarang.md") && l.contains("partial build")
    });
    assert!(!site.path("public").exists());
}

#[test]
fn the_overlay_speaks_the_site_language_with_the_same_codes() {
    // The site says nothing about `language`: Indonesian, the default.
    let site = TestSite::minimal();
    let mut server = Server::start(site.root(), &["--lang", "id"]);
    let v = server.version();
    site.edit(
        POST,
        "  - perpustakaan-kota-semarang",
        "  - perpustakaan-kota-semarangg",
    );
    server.wait_build(&v);
    // The terminal and the overlay say the same, in Indonesian.
    let line = server.wait_line(|l| l.contains("error[unknown-reference]"));
    assert!(
        line.contains("perpustakaan `perpustakaan-kota-semarangg` tidak dikenal"),
        "{line}"
    );
    server.wait_line(|l| l.contains("situs terakhir yang berhasil tetap disajikan"));
    let r = server.get(POST_URL);
    let overlay = r
        .body
        .split("<div id=\"__warta_overlay\"")
        .nth(1)
        .and_then(|s| s.split("<script").next())
        .expect("overlay markup");
    for want in [
        "<h2>warta: situs ini punya error</h2>",
        "Perbaiki berkasnya lalu simpan",
        "<b>error[unknown-reference]:</b> perpustakaan `perpustakaan-kota-semarangg` tidak dikenal",
        "saran: maksud Anda `perpustakaan-kota-semarang`?",
    ] {
        assert!(overlay.contains(want), "no {want:?} in {overlay}");
    }
    // The state the script rebuilds the overlay from carries the same words.
    let state = r
        .body
        .split("<script type=\"application/json\" id=\"__warta_state\">")
        .nth(1)
        .expect("the state block");
    assert!(state.contains("\"code\":\"unknown-reference\""), "{state}");
    assert!(state.contains("\"help\":\"saran\""), "{state}");
}

#[test]
fn a_broken_edit_shows_the_overlay_and_keeps_the_last_good_site() {
    let site = TestSite::minimal();
    let mut server = Server::start(site.root(), &[]);
    let mut events = Events::open(server.port);
    let good = site.read(POST);

    let v = server.version();
    // An unknown library, with markup in it that must come out escaped.
    site.edit(
        POST,
        "  - perpustakaan-kota-semarang",
        "  - perpustakaan-kota-semarangg\n  - \"<img src=x onerror=alert(1)>\"",
    );
    let ev = events.wait_for("event: errors");
    assert!(
        ev.contains("content/berita/plm-jawa-tengah-2022-semarang.md:"),
        "{ev}"
    );
    server.wait_build(&v);
    server.wait_line(|l| l.contains("still serving the last good site"));

    // The last good page is still served, with the overlay on top.
    let r = server.get(POST_URL);
    assert_eq!(r.status, 200);
    assert!(r.body.contains("PLM Jawa Tengah 2022 di Semarang"));
    assert!(r.body.contains("<div id=\"__warta_overlay\""));
    let overlay = r
        .body
        .split("<div id=\"__warta_overlay\"")
        .nth(1)
        .and_then(|s| s.split("<script").next())
        .expect("overlay markup");
    assert!(
        overlay.contains("content/berita/plm-jawa-tengah-2022-semarang.md:"),
        "{overlay}"
    );
    assert!(overlay.contains("help:"), "{overlay}");
    assert!(
        overlay.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{overlay}"
    );
    assert!(!overlay.contains("<img"), "{overlay}");
    // The embedded state cannot close the script element either.
    let state = r
        .body
        .split("<script type=\"application/json\" id=\"__warta_state\">")
        .nth(1)
        .expect("the state block");
    let state = state.split("</script>").next().unwrap();
    assert!(!state.contains("<img"), "{state}");
    assert_eq!(server.get("/").status, 200);

    // The fix clears it.
    let v = server.version();
    site.write(POST, &good);
    let ev = events.wait_for("event: reload");
    assert!(ev.contains("\"errors\":null"), "{ev}");
    server.wait_build(&v);
    let r = server.get(POST_URL);
    assert!(!r.body.contains("<div id=\"__warta_overlay\""));

    // Garbage does not kill the server either.
    let v = server.version();
    site.write(POST, [0xffu8, 0xfe, 0x00, b'-', b'-']);
    events.wait_for("event: errors");
    server.wait_build(&v);
    assert_eq!(server.get(POST_URL).status, 200);
    let v = server.version();
    site.write("templates/post.html", "{% if %}");
    events.wait_for("event: errors");
    server.wait_build(&v);
    assert_eq!(server.get("/").status, 200);
    assert!(server.get("/").body.contains("<div id=\"__warta_overlay\""));
}

#[test]
fn only_the_site_is_served() {
    let site = TestSite::minimal();
    // A secret next to the site and a symlink inside it pointing out.
    let secret = site.root().parent().unwrap().join("warta-serve-secret.txt");
    let _ = std::fs::write(&secret, "SECRET");
    #[cfg(unix)]
    {
        let _ = std::os::unix::fs::symlink(&secret, site.path("static/leak.txt"));
    }
    let server = Server::start(site.root(), &[]);
    for path in [
        "/../../../../etc/passwd",
        "/berita/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/data/site.yaml",
        "/berita/..%2f..%2fdata/site.yaml",
        "/%2fetc%2fpasswd",
        "/..\\..\\etc\\passwd",
        "/%5c..%5cdata/site.yaml",
        "//etc/passwd",
        "/./data/site.yaml",
        "/%00",
    ] {
        let r = server.get(path);
        assert!(
            r.status == 400 || r.status == 404,
            "{path}: status {}",
            r.status
        );
        assert!(!r.body.contains("root:"), "{path}");
        assert!(!r.body.contains("base_url"), "{path}");
    }
    for path in ["/data/site.yaml", "/content/tentang.md", "/etc/passwd"] {
        assert_eq!(server.get(path).status, 404, "{path}");
    }
    // A symlink pointing out of the site is not published.
    let r = server.get("/leak.txt");
    assert_eq!(r.status, 404);
    assert!(!r.body.contains("SECRET"));
    // An absolute-form request target.
    let r = http_get(
        server.port,
        &format!("http://127.0.0.1:{}/../etc/passwd", server.port),
    );
    assert!(r.status == 400 || r.status == 404, "{}", r.status);
    // Other methods.
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(
        s,
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    assert!(out.starts_with("HTTP/1.1 405"), "{out}");
    let _ = std::fs::remove_file(secret);
    // The browser editor is served as built: no live reload in it (each
    // save through decap-server would reload it mid-edit).
    let admin = server.get("/admin/");
    assert_eq!(admin.status, 200);
    assert!(admin.body.contains("decap-cms"), "{}", admin.body);
    assert!(!admin.body.contains("__warta_live"), "{}", admin.body);
    assert!(server.get("/").body.contains("__warta_live"));
}

#[test]
fn a_taken_port_exits_2_and_other_addresses_warn() {
    let site = TestSite::minimal();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let (code, err) = run_bounded(site.root(), &["--lang", "en", "serve", "--port", &port]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("already in use") && err.contains("--port"),
        "{err}"
    );
    let (code, err) = run_bounded(site.root(), &["serve", "--bind", "not-an-address"]);
    assert_eq!(code, 2, "{err}");
    // The site's language: Indonesian, with the same code.
    assert!(
        err.contains("error[serve-bad-bind]: `--bind not-an-address` bukan alamat IP"),
        "{err}"
    );

    // Bound elsewhere than loopback: a clear warning (still only tested
    // through 127.0.0.1).
    let mut server = Server::start(site.root(), &["--bind", "0.0.0.0"]);
    server.wait_line(|l| l.starts_with("warning[serve-public]:") && l.contains("0.0.0.0"));
    assert_eq!(server.get("/").status, 200);
}

/// Runs warta expecting it to exit by itself; kills it after [`WAIT`].
/// Returns the exit code and stderr.
fn run_bounded(root: &Path, args: &[&str]) -> (i32, String) {
    let child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .arg("--root")
        .arg(root)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start warta");
    let mut child = Killed(child);
    let mut stderr = child.0.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let end = Instant::now() + WAIT;
    let code = loop {
        if let Ok(Some(st)) = child.0.try_wait() {
            break st.code().unwrap_or(-1);
        }
        assert!(Instant::now() < end, "warta {args:?} did not exit");
        std::thread::sleep(Duration::from_millis(20));
    };
    (code, reader.join().unwrap_or_default())
}

/// [`Browser::wait_eval`] within [`WAIT`]; panics with the last value.
fn wait_js(
    b: &mut Browser,
    expr: &str,
    ok: impl Fn(&serde_json::Value) -> bool,
) -> serde_json::Value {
    b.wait_eval(expr, WAIT, ok)
        .unwrap_or_else(|last| panic!("{expr}: last value {last:?}"))
}

#[test]
fn the_browser_reloads_after_a_save_and_keeps_its_place() {
    let Some(chromium) = devtools::chromium_or_skip() else {
        return;
    };
    let site = TestSite::minimal();
    // A long body, so there is something to scroll.
    let long: String = (1..=80)
        .map(|i| format!("Paragraf nomor {i} tentang perpustakaan desa.\n\n"))
        .collect();
    site.edit(POST, "Perpustakaan desa dan kota belajar bersama.", &long);
    let server = Server::start(site.root(), &[]);
    let mut b = Browser::start(&chromium, 800, 600);
    b.open(&format!("http://127.0.0.1:{}{POST_URL}", server.port));
    let title = b.eval("document.title").expect("a title");
    assert!(
        title
            .as_str()
            .is_some_and(|t| t.contains("PLM Jawa Tengah 2022")),
        "{title}"
    );
    // Connected to the event stream, marked, scrolled down.
    wait_js(
        &mut b,
        "window.__warta && window.__warta.state.version",
        |v| v.is_string(),
    );
    std::thread::sleep(Duration::from_millis(300));
    let y = b
        .eval("window.__mark = 1; window.scrollTo(0, 600); window.scrollY")
        .expect("scroll");
    let y = y.as_f64().unwrap_or(0.0);
    assert!(y > 0.0, "the page can scroll");

    site.edit(
        POST,
        "title: PLM Jawa Tengah 2022 di Semarang",
        "title: Disunting di Peramban",
    );
    // A fresh page (the mark is gone) with the new title, scrolled back.
    let v = wait_js(
        &mut b,
        "JSON.stringify([typeof window.__mark, document.title, window.scrollY])",
        |v| {
            v.as_str()
                .is_some_and(|s| s.contains("undefined") && s.contains("Disunting di Peramban"))
        },
    );
    let got: (String, String, f64) = serde_json::from_str(v.as_str().unwrap()).unwrap();
    let scrolled = wait_js(&mut b, "window.scrollY", |v| {
        v.as_f64().is_some_and(|s| (s - y).abs() < 2.0)
    });
    assert!((scrolled.as_f64().unwrap() - y).abs() < 2.0, "{got:?}");

    // A broken save shows the overlay in the page, without a reload.
    b.eval("window.__mark = 2; 1");
    site.edit(POST, "date: 2022-08-04", "date: 2022-13-04");
    let overlay = "(function(){var o=document.getElementById('__warta_overlay');return o?o.textContent:''})()";
    wait_js(&mut b, overlay, |v| {
        v.as_str().is_some_and(|t| {
            t.contains("content/berita/plm-jawa-tengah-2022-semarang.md:") && t.contains("help:")
        })
    });
    assert_eq!(b.eval("window.__mark").unwrap(), 2, "no reload on errors");
    // Fixed: reloaded, no overlay.
    site.edit(POST, "date: 2022-13-04", "date: 2022-08-04");
    wait_js(
        &mut b,
        "JSON.stringify([typeof window.__mark, !!document.getElementById('__warta_overlay')])",
        |v| v.as_str() == Some("[\"undefined\",false]"),
    );
}

#[test]
fn drafts_are_served_only_with_drafts_and_marked() {
    let site = TestSite::minimal();
    std::fs::write(
        site.path("content/berita/berita-draf.md"),
        "---\ntitle: Berita Masih Draf\ndate: 2022-08-05\nprovinces: [jawa-tengah]\ndraft: true\n---\n\nBelum terbit.\n",
    )
    .unwrap();
    let server = Server::start(site.root(), &[]);
    assert_eq!(server.get("/berita/berita-draf/").status, 404);
    drop(server);

    let mut server = Server::start(site.root(), &["--drafts"]);
    server.wait_line(|l| l.contains("drafts are published too"));
    let r = server.get("/berita/berita-draf/");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Berita Masih Draf"));
    assert!(
        r.body
            .contains("<p class=\"notice notice-draft\" role=\"note\"><strong>Draf:</strong>"),
        "the draft notice"
    );
    assert!(r
        .body
        .contains("<meta name=\"robots\" content=\"noindex\">"));
    let published = server.get(POST_URL);
    assert!(
        !published.body.contains("notice-draft"),
        "only drafts get the notice"
    );
}

#[test]
fn every_page_kind_runs_under_the_sites_headers_without_a_violation() {
    let site = TestSite::minimal();
    // The page kinds: one page of each `(section, depth)` a build makes.
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    support::run_in(site.root(), &["build", "--out", out.to_str().unwrap()]).assert_ok();
    let mut kinds: std::collections::BTreeMap<(String, usize), String> = Default::default();
    for e in walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e
            .path()
            .strip_prefix(&out)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if !rel.ends_with(".html") || rel.starts_with("admin/") {
            continue; // the editor loads Decap from a CDN: tests/it/browser_cms.rs
        }
        let url = format!("/{}", rel.strip_suffix("index.html").unwrap_or(&rel));
        let key = (
            rel.split('/').next().unwrap().to_string(),
            rel.matches('/').count(),
        );
        kinds.entry(key).or_insert(url);
    }
    let mut urls: Vec<String> = kinds.into_values().collect();
    urls.push("/cari/?q=perpustakaan".into()); // the client fetches the index
    urls.push("/tidak-ada/".into()); // the 404 page, at a missing address
    assert!(urls.len() >= 12, "{urls:?}");

    let server = Server::start(site.root(), &[]);
    let policy = format!("{}; frame-ancestors 'self'", warta::csp::SITE);
    for url in &urls {
        let r = server.get(url);
        assert_eq!(
            r.headers.get("content-security-policy"),
            Some(&policy),
            "{url}: the policy of _headers"
        );
        assert_eq!(
            r.headers.get("x-frame-options").map(String::as_str),
            Some("SAMEORIGIN")
        );
    }
    // The rules themselves are the host's, never served.
    assert_eq!(server.get("/_headers").status, 404);
    let Some(chromium) = devtools::chromium_or_skip() else {
        return;
    };
    let mut b = Browser::start(&chromium, 800, 600);
    b.call_ok("Page.enable", serde_json::json!({}));
    b.call_ok(
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({"source": "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));"}),
    );
    let base = format!("http://127.0.0.1:{}", server.port);
    let mut seen = Vec::new();
    for url in &urls {
        b.open(&format!("{base}{url}"));
        if url.starts_with("/cari/?") {
            wait_js(
                &mut b,
                "document.querySelectorAll('.search-results li').length",
                |v| v.as_u64().unwrap_or(0) > 0,
            );
        }
        std::thread::sleep(Duration::from_millis(150));
        let got = b
            .eval("JSON.stringify(window.__csp)")
            .expect("the listener ran");
        if got != "[]" {
            seen.push(format!("{url}: {got}"));
        }
    }
    assert!(seen.is_empty(), "violations:\n{}", seen.join("\n"));
    // The listener does see what the policy refuses.
    b.eval("var s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.head.appendChild(s); 1");
    let got = wait_js(&mut b, "JSON.stringify(window.__csp)", |v| v != "[]");
    assert!(got.as_str().unwrap().contains("script-src"), "{got}");
    assert!(b.eval("window.__ran").unwrap().is_null());
}
