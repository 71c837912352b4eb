//! A small static file server on 127.0.0.1 for the browser tests: a built
//! site's folder, `/x/` answered by `/x/index.html`, optional extra headers
//! (the site's Content-Security-Policy) and optional mounted folders; and
//! the repository's example site, built, to serve.
//! Include with `#[path = "support/static_server.rs"] mod static_server;`.
#![allow(dead_code)] // each test uses a different part of it

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

/// Maps the rest of a URL path under a mount prefix to a file, if any.
type Resolve = Box<dyn Fn(&str) -> Option<PathBuf> + Send + Sync>;

pub struct StaticServer {
    root: PathBuf,
    headers: Vec<(String, String)>,
    mounts: Vec<(String, Resolve)>,
}

impl StaticServer {
    pub fn new(root: impl Into<PathBuf>) -> StaticServer {
        StaticServer {
            root: root.into(),
            headers: Vec::new(),
            mounts: Vec::new(),
        }
    }

    /// A header sent with every answer.
    pub fn header(mut self, name: &str, value: &str) -> StaticServer {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// Paths under `/<prefix>/` are files found by `resolve`, given the
    /// rest of the path, instead of files of the root.
    pub fn mount(
        mut self,
        prefix: &str,
        resolve: impl Fn(&str) -> Option<PathBuf> + Send + Sync + 'static,
    ) -> StaticServer {
        self.mounts
            .push((format!("{}/", prefix.trim_matches('/')), Box::new(resolve)));
        self
    }

    /// Serves on a free port until the test process ends; returns the port.
    pub fn start(self) -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let server = Arc::new(self);
        std::thread::spawn(move || {
            // A thread per connection: Chromium keeps idle sockets open.
            for stream in listener.incoming().flatten() {
                let server = Arc::clone(&server);
                std::thread::spawn(move || server.answer(stream));
            }
        });
        port
    }

    fn file(&self, rel: &str) -> Option<PathBuf> {
        if rel.contains("..") {
            return None;
        }
        for (prefix, resolve) in &self.mounts {
            if let Some(rest) = rel.strip_prefix(prefix.as_str()) {
                return resolve(rest);
            }
        }
        Some(self.root.join(rel))
    }

    fn answer(&self, mut stream: TcpStream) {
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        let mut line = String::new();
        if reader.read_line(&mut line).is_err() {
            return;
        }
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
                break;
            }
        }
        let path = line.split_whitespace().nth(1).unwrap_or("/");
        let path = path.split(['?', '#']).next().unwrap_or("/");
        let mut rel = path.trim_start_matches('/').to_string();
        if rel.is_empty() || rel.ends_with('/') {
            rel.push_str("index.html");
        }
        let (status, body, ty) = match self.file(&rel).map(std::fs::read) {
            Some(Ok(b)) => ("200 OK", b, content_type(&rel)),
            _ => ("404 Not Found", b"not found".to_vec(), "text/plain"),
        };
        let mut head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {ty}\r\nContent-Length: {}\r\n",
            body.len()
        );
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("Connection: close\r\n\r\n");
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(&body);
    }
}

/// Serves `root` alone; returns the port.
pub fn serve(root: &Path) -> u16 {
    StaticServer::new(root).start()
}

/// The repository's example site, built by the `warta` binary into a
/// temporary folder.
pub fn build_example() -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("out dir");
    let st = Command::new(env!("CARGO_BIN_EXE_warta"))
        .arg("--root")
        .arg(env!("CARGO_MANIFEST_DIR"))
        .args(["build", "--out"])
        .arg(out.path())
        .output()
        .expect("run warta build");
    assert!(
        st.status.success(),
        "warta build failed: {}",
        String::from_utf8_lossy(&st.stderr)
    );
    out
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("json") => "application/json",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("txt") => "text/plain; charset=utf-8",
        Some("ics") => "text/calendar; charset=utf-8",
        Some("yml" | "yaml") => "text/yaml; charset=utf-8",
        Some("xml") => "application/xml",
        _ => "application/octet-stream",
    }
}
