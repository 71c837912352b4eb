//! The charts' text alternatives as a screen reader gets them: the example
//! site is built with the `warta` binary, served on 127.0.0.1, and headless
//! Chromium (driven over the DevTools protocol) is asked for its
//! accessibility tree. The chart's table must be there with its cells, the
//! map's provinces must be named links, and a phone-wide window must not
//! scroll sideways.
//!
//! Skipped only when no Chromium can be found and `CI` is unset; in CI a
//! missing browser is a failure.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Serves `root` (a built site) on a free port; `/x/` is `/x/index.html`.
fn serve(root: PathBuf) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        // A thread per connection: Chromium keeps idle sockets open.
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || answer(stream, &root));
        }
    });
    port
}

fn answer(mut stream: TcpStream, root: &Path) {
    let mut line = String::new();
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let mut h = String::new();
    while reader.read_line(&mut h).is_ok_and(|n| n > 2) {
        h.clear();
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/");
    let rel = path.split(['?', '#']).next().unwrap_or("/");
    let mut rel = rel.trim_start_matches('/').to_string();
    if rel.is_empty() || rel.ends_with('/') {
        rel.push_str("index.html");
    }
    let ty = match rel.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    };
    let (status, body) = match (rel.contains(".."), std::fs::read(root.join(&rel))) {
        (false, Ok(b)) => ("200 OK", b),
        _ => ("404 Not Found", b"not found".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ty}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// A child process killed when dropped.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Headless Chromium and the WebSocket of its one page.
struct Browser {
    ws: tungstenite::WebSocket<TcpStream>,
    _child: Killed,
    _profile: tempfile::TempDir,
    next_id: u64,
}

/// The body of a GET to Chromium's DevTools HTTP endpoint, read by its
/// length: Chromium keeps the connection open despite `Connection: close`.
fn http_get(port: u16, path: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let req = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).expect("send");
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        let n = s.read(&mut buf).unwrap_or(0);
        raw.extend_from_slice(&buf[..n]);
        if let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
            let len = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            if len.is_some_and(|len| raw.len() >= end + 4 + len) || n == 0 {
                return String::from_utf8_lossy(&raw[end + 4..]).into_owned();
            }
        } else if n == 0 {
            return String::new();
        }
    }
}

impl Browser {
    fn start(exe: &Path) -> Browser {
        let profile = tempfile::tempdir().expect("profile");
        let mut child = Command::new(exe)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--remote-debugging-port=0",
                "--remote-debugging-address=127.0.0.1",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start chromium");
        let stderr = child.stderr.take().expect("stderr");
        let child = Killed(child);
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let end = Instant::now() + Duration::from_secs(60);
        let port: u16 = loop {
            assert!(Instant::now() < end, "chromium did not start");
            if let Ok(l) = rx.recv_timeout(Duration::from_millis(200)) {
                if let Some(rest) = l.split("DevTools listening on ws://127.0.0.1:").nth(1) {
                    break rest.split('/').next().unwrap().parse().unwrap();
                }
            }
        };
        let ws_url = loop {
            assert!(Instant::now() < end, "no page target");
            let targets: Value =
                serde_json::from_str(&http_get(port, "/json/list")).unwrap_or_default();
            let page = targets.as_array().and_then(|a| {
                a.iter()
                    .find(|t| t["type"] == "page")
                    .and_then(|t| t["webSocketDebuggerUrl"].as_str().map(String::from))
            });
            if let Some(u) = page {
                break u;
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let (ws, _) = tungstenite::client(ws_url.as_str(), stream).expect("DevTools WebSocket");
        Browser {
            ws,
            _child: child,
            _profile: profile,
            next_id: 0,
        }
    }

    /// Sends a DevTools command and returns its `result` (events skipped).
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let msg = json!({"id": id, "method": method, "params": params});
        self.ws
            .send(tungstenite::Message::text(msg.to_string()))
            .expect("send");
        let end = Instant::now() + Duration::from_secs(20);
        loop {
            assert!(Instant::now() < end, "no answer to {method}");
            if let tungstenite::Message::Text(t) = self.ws.read().expect("read") {
                let v: Value = serde_json::from_str(t.as_str()).unwrap();
                if v["id"] == id {
                    assert!(v.get("error").is_none(), "{method}: {v}");
                    return v["result"].clone();
                }
            }
        }
    }

    fn eval(&mut self, expr: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": expr, "returnByValue": true}),
        );
        r["result"]["value"].clone()
    }

    /// Opens `url` at `width` CSS pixels and waits until it has loaded.
    fn open(&mut self, url: &str, width: u32) {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600}),
        );
        self.call("Page.navigate", json!({ "url": url }));
        let end = Instant::now() + Duration::from_secs(20);
        while self.eval("document.readyState + ' ' + location.href")
            != json!(format!("complete {url}"))
        {
            assert!(Instant::now() < end, "{url} did not load");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The page's accessibility tree, ignored nodes included (their
    /// children may not be).
    fn ax_tree(&mut self) -> Vec<Value> {
        let r = self.call("Accessibility.getFullAXTree", json!({}));
        r["nodes"].as_array().expect("nodes").clone()
    }
}

fn role(n: &Value) -> &str {
    n["role"]["value"].as_str().unwrap_or("")
}

fn name(n: &Value) -> &str {
    n["name"]["value"].as_str().unwrap_or("")
}

fn exposed(n: &Value) -> bool {
    n["ignored"] != json!(true)
}

/// The exposed nodes of `tree`.
fn nodes(tree: &[Value]) -> impl Iterator<Item = &Value> {
    tree.iter().filter(|n| exposed(n))
}

/// The exposed descendants of `node`, through ignored ones.
fn descendants<'a>(tree: &'a [Value], node: &Value) -> Vec<&'a Value> {
    let mut out = Vec::new();
    let mut stack: Vec<Value> = node["childIds"].as_array().cloned().unwrap_or_default();
    while let Some(id) = stack.pop() {
        if let Some(n) = tree.iter().find(|n| n["nodeId"] == id) {
            stack.extend(n["childIds"].as_array().cloned().unwrap_or_default());
            if exposed(n) {
                out.push(n);
            }
        }
    }
    out
}

#[test]
fn chart_tables_and_map_links_reach_assistive_technology() {
    let Some(exe) = chromium() else {
        if std::env::var_os("CI").is_some() {
            panic!("Chromium is required in CI (apt-get install -y chromium)");
        }
        eprintln!("skipped: no Chromium found (set CHROMIUM=/path or install Debian's chromium)");
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().expect("out dir");
    let st = Command::new(env!("CARGO_BIN_EXE_warta"))
        .arg("--root")
        .arg(root)
        .args(["build", "--out"])
        .arg(out.path())
        .output()
        .expect("run warta build");
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
    let port = serve(out.path().to_path_buf());
    let mut b = Browser::start(&exe);
    b.call("Accessibility.enable", json!({}));

    // East Java: the KPI chart is an image with a name, and its table has
    // the reported numbers as cells under their row headers.
    let url = format!("http://127.0.0.1:{port}/provinsi/jawa-timur/");
    b.open(&url, 375);
    let tree = b.ax_tree();
    let image = nodes(&tree)
        .find(|n| role(n) == "image" && name(n).contains("Sebaran kategori KPI"))
        .expect("the KPI chart is an image with a name");
    assert!(
        name(image).contains("persis seperti yang dilaporkan"),
        "{}",
        name(image)
    );
    let table = nodes(&tree)
        .find(|n| role(n) == "table" && name(n).contains("Sebaran kategori KPI"))
        .expect("the KPI table, named by its caption");
    let inside = descendants(&tree, table);
    let texts: Vec<(&str, &str)> = inside.iter().map(|n| (role(n), name(n))).collect();
    for (r, n) in [
        ("rowheader", "Tinggi"),
        ("rowheader", "Sedang"),
        ("rowheader", "Rendah"),
        ("columnheader", "Januari–September 2024"),
        ("cell", "24"),
        ("cell", "114"),
        ("cell", "134"),
    ] {
        assert!(texts.contains(&(r, n)), "{r} {n:?} in the table: {texts:?}");
    }
    let wide = b.eval("document.documentElement.scrollWidth");
    assert!(
        wide.as_u64().unwrap() <= 375,
        "no sideways scrolling at 375: {wide}"
    );

    // The province list: each province of the map is a link named by its
    // title, and the table behind "Tabel: …" lists the same numbers.
    let url = format!("http://127.0.0.1:{port}/provinsi/");
    b.open(&url, 1280);
    let tree = b.ax_tree();
    let link = nodes(&tree)
        .find(|n| role(n) == "link" && name(n).starts_with("Jawa Timur: "))
        .expect("East Java is a named link on the map");
    assert!(
        name(link).ends_with(" perpustakaan mitra"),
        "{}",
        name(link)
    );
    let count = name(link)
        .trim_start_matches("Jawa Timur: ")
        .split(' ')
        .next()
        .unwrap()
        .to_string();
    assert!(
        nodes(&tree).any(|n| role(n) == "DisclosureTriangle" && name(n).contains("Tabel")),
        "the table's summary is a control"
    );
    b.eval("document.querySelector('details.map-table').open = true");
    let tree = b.ax_tree();
    let table = nodes(&tree)
        .find(|n| role(n) == "table")
        .expect("the map's table, once opened");
    let inside = descendants(&tree, table);
    let rows = inside.iter().filter(|n| role(n) == "row").count();
    assert_eq!(rows, 39, "a head row and 38 provinces");
    assert!(
        inside.iter().any(|n| role(n) == "cell" && name(n) == count),
        "{count} is a cell"
    );
    assert!(inside
        .iter()
        .any(|n| role(n) == "link" && name(n) == "Jawa Timur"));
}
