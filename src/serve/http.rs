//! The HTTP half of `warta serve`: hyper's HTTP/1.1 server on one small
//! tokio runtime, answering from the in-memory [`Served`] map only. No
//! request ever reaches the file system, so no path can escape the site;
//! malformed or traversing paths are refused anyway (400).

use super::engine::Served;
use super::live::{self, Hub, State};
use crate::percent::Undecodable;
use crate::render::{headers, HEADERS};
use bytes::Bytes;
use http_body_util::{combinators::BoxBody, BodyExt, Empty, Full};
use hyper::body::{Body, Frame, Incoming};
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use std::convert::Infallible;
use std::pin::Pin;
use std::sync::{Arc, RwLock};
use std::task::{Context, Poll};
use tokio::sync::mpsc::UnboundedReceiver;

/// What every connection shares.
pub struct Shared {
    pub served: Arc<RwLock<Served>>,
    pub hub: Arc<Hub>,
    /// Distinguishes this run's versions from an earlier run's.
    pub epoch: String,
}

impl Shared {
    /// `(version, errors)` as the tabs see them.
    pub fn state_json(&self) -> String {
        let s = self.served.read().unwrap_or_else(|e| e.into_inner());
        let version = format!("{}-{}", self.epoch, s.version);
        State {
            version: &version,
            errors: s.errors.as_ref().map(|r| &r.items[..]),
        }
        .json()
    }
}

type Resp = Response<BoxBody<Bytes, Infallible>>;

/// Serves connections from `listener` until the process ends.
pub fn run(listener: std::net::TcpListener, shared: Arc<Shared>) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        loop {
            let (stream, _) = match listener.accept().await {
                Ok(s) => s,
                // Out of file descriptors and the like: keep serving.
                Err(_) => continue,
            };
            let _ = stream.set_nodelay(true);
            let shared = shared.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |req| {
                    let shared = shared.clone();
                    async move { Ok::<_, Infallible>(handle(&req, &shared)) }
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                    .await;
            });
        }
    })
}

fn full(bytes: impl Into<Bytes>) -> BoxBody<Bytes, Infallible> {
    Full::new(bytes.into()).boxed()
}

fn plain(status: StatusCode, text: &str) -> Resp {
    let mut r = Response::new(full(format!("{text}\n")));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    common_headers(&mut r);
    r
}

fn common_headers(r: &mut Resp) {
    let h = r.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
}

/// Answers one request.
pub fn handle(req: &Request<Incoming>, shared: &Shared) -> Resp {
    let head = req.method() == Method::HEAD;
    if req.method() != Method::GET && !head {
        let mut r = plain(StatusCode::METHOD_NOT_ALLOWED, "method not allowed");
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let raw = req.uri().path();
    let mut resp = route(raw, shared);
    if head {
        // Same headers, no body (hyper keeps an explicit content-length).
        let len = resp.body().size_hint().exact();
        *resp.body_mut() = Empty::new().boxed();
        if let Some(n) = len {
            resp.headers_mut()
                .insert(header::CONTENT_LENGTH, HeaderValue::from(n));
        }
    }
    resp
}

fn route(raw: &str, shared: &Shared) -> Resp {
    if raw == live::EVENTS_PATH {
        return events(shared);
    }
    if raw == live::SCRIPT_PATH {
        // An external script: the pages' Content-Security-Policy refuses
        // inline ones, in `serve` as on the published site.
        let mut r = Response::new(full(Bytes::from_static(live::SCRIPT.as_bytes())));
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/javascript; charset=utf-8"),
        );
        common_headers(&mut r);
        return r;
    }
    if raw == live::STATE_PATH {
        let mut r = Response::new(full(shared.state_json()));
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        common_headers(&mut r);
        return r;
    }
    let path = match site_path(raw) {
        Ok(p) => p,
        Err(why) => return plain(StatusCode::BAD_REQUEST, why),
    };
    let (found, dir_index, not_found, errors, rules) = {
        let s = shared.served.read().unwrap_or_else(|e| e.into_inner());
        let rules = s
            .files
            .get(HEADERS)
            .map(|b| headers::Rules::parse(&String::from_utf8_lossy(b)));
        let found = s.files.get(&path).cloned();
        let dir_index = found.is_none()
            && !path.is_empty()
            && !path.ends_with(".html")
            && s.files.contains_key(&format!("{path}/index.html"));
        (
            found,
            dir_index,
            s.files.get("404.html").cloned(),
            s.errors.clone(),
            rules.unwrap_or_default(),
        )
    };
    // Drafts (`--drafts`) are marked by the theme itself, as in `build`.
    let snippet = || live::snippet(&shared.state_json(), errors.as_deref());
    if let Some(bytes) = found {
        let ctype = content_type(&path);
        // Not into the editor: Decap saves files through decap-server, and
        // each save would reload it mid-edit.
        let body = if ctype.starts_with("text/html") && !path.starts_with("admin/") {
            Bytes::from(live::inject(&bytes, &snippet()))
        } else {
            bytes
        };
        let mut r = Response::new(full(body));
        r.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
        common_headers(&mut r);
        site_headers(&mut r, &rules, raw);
        return r;
    }
    if dir_index {
        // `/berita/x` → `/berita/x/`, as static hosts do.
        let mut r = plain(StatusCode::MOVED_PERMANENTLY, "moved");
        if let Ok(v) = HeaderValue::from_str(&format!("{raw}/")) {
            r.headers_mut().insert(header::LOCATION, v);
        }
        return r;
    }
    let body = match not_found {
        Some(b) => live::inject(&b, &snippet()),
        None if errors.is_some() => live::no_site_page(&snippet()),
        None => b"<!doctype html><title>404</title><h1>404</h1>".to_vec(),
    };
    let mut r = Response::new(full(body));
    *r.status_mut() = StatusCode::NOT_FOUND;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    common_headers(&mut r);
    site_headers(&mut r, &rules, "/404.html");
    r
}

/// The headers the published site sends (its `_headers`), so a page runs
/// under the same Content-Security-Policy as on the host. Not the cache
/// rules: `serve` never lets the browser keep a file (`no-store`), or an
/// edit would not show.
fn site_headers(r: &mut Resp, rules: &headers::Rules, path: &str) {
    for (k, v) in rules.for_path(path) {
        if k.eq_ignore_ascii_case("cache-control") {
            continue;
        }
        if let (Ok(k), Ok(v)) = (
            header::HeaderName::from_bytes(k.as_bytes()),
            HeaderValue::from_str(v),
        ) {
            r.headers_mut().insert(k, v);
        }
    }
}

/// The output path a request path names (`/berita/x/` → `berita/x/index.html`),
/// or why it is refused: backslashes, encoded `/` or `\`, `.` or `..`
/// segments (plain or percent-encoded), empty segments, control characters,
/// bytes that are not UTF-8.
pub fn site_path(raw: &str) -> Result<String, &'static str> {
    if !raw.starts_with('/') {
        return Err("the path must start with /");
    }
    if raw.contains('\\') {
        return Err("backslashes are not allowed in paths");
    }
    let lower = raw.to_ascii_lowercase();
    if lower.contains("%2f") || lower.contains("%5c") {
        return Err("encoded slashes are not allowed in paths");
    }
    let decoded = crate::percent::decode(raw).map_err(|e| match e {
        Undecodable::Escape => "malformed percent-encoding",
        Undecodable::NotUtf8 => "the path is not UTF-8",
    })?;
    if decoded.chars().any(|c| c.is_control()) || decoded.contains('\\') {
        return Err("control characters are not allowed in paths");
    }
    let rel = &decoded[1..];
    let segments: Vec<&str> = rel.split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        if seg.is_empty() && !last {
            return Err("empty path segments are not allowed");
        }
        if *seg == "." || *seg == ".." {
            return Err("`.` and `..` are not allowed in paths");
        }
    }
    Ok(if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    })
}

/// The Content-Type of an output path, by extension.
pub fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "xml" if name == "atom.xml" => "application/atom+xml; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

/// A Server-Sent Events stream: the current state first, then whatever the
/// hub sends, until the tab goes away.
fn events(shared: &Shared) -> Resp {
    let rx = shared.hub.subscribe(Bytes::from(format!(
        "retry: 500\n\n{}",
        String::from_utf8_lossy(&live::event("hello", &shared.state_json()))
    )));
    let mut r = Response::new(SseBody { rx }.boxed());
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    common_headers(&mut r);
    r
}

struct SseBody {
    rx: UnboundedReceiver<Bytes>,
}

impl Body for SseBody {
    type Data = Bytes;
    type Error = Infallible;
    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        self.rx.poll_recv(cx).map(|m| m.map(|b| Ok(Frame::data(b))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(site_path("/").unwrap(), "index.html");
        assert_eq!(site_path("/berita/").unwrap(), "berita/index.html");
        assert_eq!(site_path("/atom.xml").unwrap(), "atom.xml");
        assert_eq!(site_path("/tag/l%C3%A9/").unwrap(), "tag/lé/index.html");
        for bad in [
            "/../etc/passwd",
            "/berita/../../x",
            "/%2e%2e/x",
            "/%2E%2E/%2e%2e/etc/passwd",
            "/a%2fb",
            "/a%5cb",
            "/a\\b",
            "//etc/passwd",
            "/./x",
            "/a/%00",
            "/%zz",
            "/%ff",
            "x",
        ] {
            assert!(site_path(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn types() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("style.1234.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("x.JPG"), "image/jpeg");
        assert_eq!(
            content_type("sitemap.xml"),
            "application/xml; charset=utf-8"
        );
        assert_eq!(content_type("README"), "application/octet-stream");
    }
}
