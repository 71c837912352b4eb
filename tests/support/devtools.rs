//! Headless Chromium driven over the DevTools protocol (`tungstenite`):
//! start, navigate, evaluate, wait, screenshot; and the DOM of a page after
//! a budget of virtual time (`--dump-dom`); a plain HTTP GET. Every wait
//! is bounded and the browser is killed when its guard drops, even when a
//! test fails.
//! Include with `#[path = "support/devtools.rs"] mod devtools;`.
#![allow(dead_code)] // each test uses a different part of it

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Debian's Chromium, or `$CHROMIUM`.
pub fn chromium() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

/// Says why a test is skipped; in CI (`$CI` set) fails instead.
pub fn skip_or_fail(why: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{why} (scripts/test.sh installs it)");
    }
    eprintln!("skipped: {why}");
}

/// [`chromium`], or `None` after [`skip_or_fail`].
pub fn chromium_or_skip() -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        skip_or_fail("no Chromium found (set CHROMIUM=/path or install Debian's chromium)");
    }
    found
}

/// The DOM of `url` once its scripts had 8 s of virtual time, from a
/// Chromium of its own (`--dump-dom`): timers run without real waiting.
pub fn dump_dom(chromium: &Path, url: &str) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--virtual-time-budget=8000",
            "--run-all-compositor-stages-before-draw",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .output()
        .expect("run chromium");
    let dom = String::from_utf8(out.stdout).expect("utf-8 DOM");
    assert!(
        dom.contains("</html>"),
        "no DOM from chromium for {url}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    dom
}

/// A child process killed when dropped (made right after spawning, so a
/// panic while starting up cannot leak it).
pub struct Killed(pub Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub struct Browser {
    // Dropped first: the WebSocket, then the process, then its profile.
    ws: tungstenite::WebSocket<TcpStream>,
    _child: Killed,
    _profile: tempfile::TempDir,
    next_id: u64,
    /// Messages of JavaScript dialogs (`confirm`, `alert`) the page opened;
    /// each was accepted, so a dialog never stalls a test.
    pub dialogs: Vec<String>,
    /// URLs of the requests the page made, once `Network.enable` was
    /// called (events read while waiting for answers).
    pub requests: Vec<String>,
}

/// A GET to 127.0.0.1 with the path sent exactly as given: the response
/// head and body. The body is read by its length: Chromium keeps the
/// connection open despite `Connection: close`.
pub fn http_get(port: u16, path: &str) -> std::io::Result<(String, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        let n = s.read(&mut buf)?;
        raw.extend_from_slice(&buf[..n]);
        let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
            if n == 0 {
                let e = "connection closed before the end of the head";
                return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, e));
            }
            continue;
        };
        let head = String::from_utf8_lossy(&raw[..end]).into_owned();
        let len = head.to_ascii_lowercase().lines().find_map(|l| {
            l.strip_prefix("content-length:")?
                .trim()
                .parse::<usize>()
                .ok()
        });
        let body = &raw[end + 4..];
        let body = match len {
            Some(len) if body.len() >= len => &body[..len],
            _ if n == 0 => body,
            _ => continue,
        };
        return Ok((head, String::from_utf8_lossy(body).into_owned()));
    }
}

impl Browser {
    /// Starts Chromium with a page of `width`×`height` CSS pixels.
    pub fn start(chromium: &Path, width: u32, height: u32) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--no-first-run",
                "--remote-debugging-port=0",
                "--remote-debugging-address=127.0.0.1",
            ])
            .arg(format!("--window-size={width},{height}"))
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start chromium");
        let stderr = child.stderr.take().unwrap();
        let child = Killed(child);
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut seen = Vec::new();
        let end = Instant::now() + Duration::from_secs(60);
        let port: u16 = loop {
            assert!(Instant::now() < end, "chromium did not start: {seen:?}");
            if let Ok(l) = rx.recv_timeout(Duration::from_millis(200)) {
                if let Some(rest) = l.split("DevTools listening on ws://127.0.0.1:").nth(1) {
                    break rest.split('/').next().unwrap().parse().unwrap();
                }
                seen.push(l);
            }
        };
        let ws_url = loop {
            assert!(Instant::now() < end, "no page target");
            let list = http_get(port, "/json/list").map(|(_, body)| body);
            let targets: serde_json::Value =
                serde_json::from_str(&list.unwrap_or_default()).unwrap_or_default();
            if let Some(u) = targets.as_array().and_then(|a| {
                a.iter()
                    .find(|t| t["type"] == "page")
                    .and_then(|t| t["webSocketDebuggerUrl"].as_str().map(String::from))
            }) {
                break u;
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let (ws, _) = tungstenite::client(ws_url.as_str(), stream).expect("DevTools WebSocket");
        let mut b = Browser {
            ws,
            _child: child,
            _profile: profile,
            next_id: 0,
            dialogs: Vec::new(),
            requests: Vec::new(),
        };
        b.call("Page.enable", serde_json::json!({}));
        b.viewport(width, height, false);
        b
    }

    /// Sizes the page to `width`×`height` CSS pixels, as a phone if `mobile`.
    pub fn viewport(&mut self, width: u32, height: u32, mobile: bool) {
        self.call_ok(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}),
        );
    }

    /// Sends a DevTools command and returns its answer (events skipped).
    pub fn call(&mut self, method: &str, params: serde_json::Value) -> serde_json::Value {
        self.next_id += 1;
        let id = self.next_id;
        let msg = serde_json::json!({"id": id, "method": method, "params": params});
        self.ws
            .send(tungstenite::Message::text(msg.to_string()))
            .expect("send to chromium");
        let end = Instant::now() + Duration::from_secs(30);
        while Instant::now() < end {
            if let tungstenite::Message::Text(t) = self.ws.read().expect("read from chromium") {
                let v: serde_json::Value = serde_json::from_str(t.as_str()).unwrap();
                if v["id"] == id {
                    return v;
                }
                if v["method"] == "Network.requestWillBeSent" {
                    let url = v["params"]["request"]["url"].as_str().unwrap_or("");
                    self.requests.push(url.to_string());
                }
                if v["method"] == "Page.javascriptDialogOpening" {
                    self.dialogs
                        .push(v["params"]["message"].as_str().unwrap_or("").to_string());
                    let accept = serde_json::json!({"id": 0, "method": "Page.handleJavaScriptDialog", "params": {"accept": true}});
                    self.ws
                        .send(tungstenite::Message::text(accept.to_string()))
                        .expect("send to chromium");
                }
            }
        }
        panic!("no answer to {method}");
    }

    /// [`Browser::call`] that must succeed; its `result`.
    pub fn call_ok(&mut self, method: &str, params: serde_json::Value) -> serde_json::Value {
        let v = self.call(method, params);
        assert!(v.get("error").is_none(), "{method}: {v}");
        v["result"].clone()
    }

    pub fn navigate(&mut self, url: &str) {
        let v = self.call("Page.navigate", serde_json::json!({ "url": url }));
        assert!(v.get("error").is_none(), "navigate to {url}: {v}");
    }

    /// Navigates to `url` and waits until that page has loaded (not the
    /// one before it, which was complete too).
    pub fn open(&mut self, url: &str) {
        self.navigate(url);
        let want = serde_json::json!(format!("complete {url}"));
        self.wait_eval(
            "document.readyState + ' ' + location.href",
            Duration::from_secs(20),
            |v| v == &want,
        )
        .unwrap_or_else(|last| panic!("{url} did not load: {last:?}"));
    }

    /// Evaluates a JavaScript expression; `None` if it threw.
    pub fn eval(&mut self, expr: &str) -> Option<serde_json::Value> {
        let v = self.call(
            "Runtime.evaluate",
            serde_json::json!({"expression": expr, "returnByValue": true}),
        );
        if v.get("error").is_some() || v["result"].get("exceptionDetails").is_some() {
            return None;
        }
        Some(v["result"]["result"]["value"].clone())
    }

    /// Evaluates `expr` until `ok` accepts its value, for at most `wait`.
    pub fn wait_eval(
        &mut self,
        expr: &str,
        wait: Duration,
        ok: impl Fn(&serde_json::Value) -> bool,
    ) -> Result<serde_json::Value, Option<serde_json::Value>> {
        let end = Instant::now() + wait;
        let mut last = None;
        while Instant::now() < end {
            if let Some(v) = self.eval(expr) {
                if ok(&v) {
                    return Ok(v);
                }
                last = Some(v);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(last)
    }

    /// A PNG of the page as it is now.
    pub fn screenshot(&mut self) -> Vec<u8> {
        let v = self.call(
            "Page.captureScreenshot",
            serde_json::json!({"format": "png"}),
        );
        let b64 = v["result"]["data"].as_str().expect("screenshot data");
        decode_base64(b64)
    }

    /// The page printed to PDF, at the page size its CSS asks for.
    pub fn pdf(&mut self) -> Vec<u8> {
        let v = self.call_ok(
            "Page.printToPDF",
            serde_json::json!({"preferCSSPageSize": true, "printBackground": true}),
        );
        decode_base64(v["data"].as_str().expect("a PDF"))
    }
}

pub fn decode_base64(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let bytes: Vec<u8> = s.bytes().filter(|&c| c != b'=').collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &c)| acc | (val(c) as u32) << (18 - 6 * i));
        for i in 0..chunk.len().saturating_sub(1) {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    out
}
