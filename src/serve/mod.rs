//! `warta serve`: build the site into memory, serve it over HTTP, watch the
//! site's folders, rebuild what changed and reload open tabs. See
//! docs/serve.md.
//!
//! - [`engine`]: builds into an in-memory map (URL path → bytes), partially
//!   when it can; keeps the last good site when a build fails.
//! - [`http`]: hyper on one tokio thread, answering only from that map.
//! - [`live`]: the injected script, the error overlay, Server-Sent Events.
//! - [`watch`]: notify, debounced.
//!
//! Nothing is written to disk: `public/` is left alone.

pub mod engine;
mod front;
pub mod http;
pub mod live;
pub mod plan;
pub mod watch;

use crate::diag::Style;
use crate::site::ResolveOptions;
use engine::{Engine, Outcome};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// Exit status for a wrong command line or a port that cannot be used.
const EXIT_USAGE: i32 = 2;

pub struct Options {
    pub root: PathBuf,
    pub port: u16,
    pub bind: String,
    pub open: bool,
    pub style: Style,
    /// Publish drafts too (`--drafts`), as `warta build --drafts` does.
    pub drafts: bool,
}

/// How long the site must be quiet after a rebuild before the search
/// index is rebuilt (on its own thread; it takes most of a second on a
/// large site and would slow a rebuild that runs at the same time).
const SEARCH_AFTER: Duration = Duration::from_millis(300);
/// How often a search index being built is checked for.
const SEARCH_POLL: Duration = Duration::from_millis(50);

/// Runs the server until the process is stopped. Returns an exit status
/// only when it cannot start (2: bad address, port taken) or the server
/// fails.
pub fn run(opts: Options) -> i32 {
    let open = opts.open;
    let running = match start(opts) {
        Ok(r) => r,
        Err(code) => return code,
    };
    if open {
        open_browser(&running.url);
    }
    running.wait()
}

/// A server started by [`start`].
pub struct Running {
    pub addr: SocketAddr,
    /// `http://127.0.0.1:port/`.
    pub url: String,
    http: std::thread::JoinHandle<std::io::Result<()>>,
}

impl Running {
    /// Waits until the HTTP server stops; its exit status.
    pub fn wait(self) -> i32 {
        match self.http.join() {
            Ok(Ok(())) => 0,
            Ok(Err(e)) => {
                eprintln!("error: the server stopped: {e}");
                1
            }
            Err(_) => {
                eprintln!("error: the server stopped");
                1
            }
        }
    }
}

/// Builds the site, starts watching and serving (on threads of their own)
/// and prints the URL; `Err` holds the exit status when it cannot.
pub fn start(opts: Options) -> Result<Running, i32> {
    let ip: IpAddr = match opts.bind.as_str() {
        "localhost" => IpAddr::V4(Ipv4Addr::LOCALHOST),
        s => match s.trim_start_matches('[').trim_end_matches(']').parse() {
            Ok(ip) => ip,
            Err(_) => {
                eprintln!(
                    "error: `--bind {}` is not an IP address; use 127.0.0.1 (this computer only) or e.g. 0.0.0.0 (every network)",
                    opts.bind
                );
                return Err(EXIT_USAGE);
            }
        },
    };
    let listener = match TcpListener::bind(SocketAddr::new(ip, opts.port)) {
        Ok(l) => l,
        Err(e) => {
            let why = match e.kind() {
                std::io::ErrorKind::AddrInUse => format!(
                    "port {} on {ip} is already in use (is another `warta serve` running?); stop it or pick another port with `--port`",
                    opts.port
                ),
                std::io::ErrorKind::PermissionDenied => format!(
                    "not allowed to use port {} on {ip}; ports below 1024 need special rights, pick another with `--port`",
                    opts.port
                ),
                std::io::ErrorKind::AddrNotAvailable => format!(
                    "{ip} is not an address of this computer; use `--bind 127.0.0.1`"
                ),
                _ => format!("cannot listen on {ip} port {}: {e}", opts.port),
            };
            eprintln!("error: {why}");
            return Err(EXIT_USAGE);
        }
    };
    let addr = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: cannot listen: {e}");
            return Err(EXIT_USAGE);
        }
    };
    let root = opts.root.canonicalize().unwrap_or(opts.root.clone());

    let mut engine = Engine::new(
        &root,
        ResolveOptions {
            include_drafts: opts.drafts,
            ..ResolveOptions::default()
        },
    );
    engine.defer_search = true;
    let outcome = engine.build();
    report(&outcome, None, opts.style);
    engine.finish_search();

    let hub = Arc::new(live::Hub::default());
    let shared = Arc::new(http::Shared {
        served: engine.served(),
        hub: hub.clone(),
        epoch: format!(
            "{:x}",
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis())
                .unwrap_or(0)
        ),
    });

    let watch = match watch::Watch::start(&root) {
        Ok(w) => Some(w),
        Err(e) => {
            eprintln!(
                "warning: cannot watch {} for changes ({e}); the site will not rebuild by itself",
                root.display()
            );
            None
        }
    };
    {
        let shared = shared.clone();
        let style = opts.style;
        std::thread::Builder::new()
            .name("warta-rebuild".into())
            .spawn(move || {
                if let Some(w) = watch {
                    rebuild_loop(engine, w, &shared, style)
                }
            })
            .ok();
    }
    {
        // Keeps idle event streams open through proxies; forgets closed tabs.
        let hub = hub.clone();
        std::thread::Builder::new()
            .name("warta-ping".into())
            .spawn(move || loop {
                std::thread::sleep(Duration::from_secs(15));
                hub.broadcast(bytes::Bytes::from_static(b": ping\n\n"));
            })
            .ok();
    }

    let host = match addr.ip() {
        IpAddr::V4(v) if v.is_unspecified() => "127.0.0.1".to_string(),
        IpAddr::V6(v) if v.is_unspecified() => "[::1]".to_string(),
        IpAddr::V6(v) => format!("[{v}]"),
        IpAddr::V4(v) => v.to_string(),
    };
    let url = format!("http://{host}:{}/", addr.port());
    if !ip.is_loopback() {
        eprintln!(
            "warning: listening on {ip}, not only on this computer: anyone who can reach it on port {} can see the site. Use `--bind 127.0.0.1` to keep it private.",
            addr.port()
        );
    }
    println!(
        "warta serve: serving {} at {url} (Ctrl+C to stop)",
        root.display()
    );
    println!(
        "warta serve: watching {} for changes",
        watch::FOLDERS.join("/, ") + "/"
    );
    if opts.drafts {
        println!("warta serve: drafts are published too (--drafts); `warta build` leaves them out");
    }
    let http = std::thread::Builder::new()
        .name("warta-http".into())
        .spawn(move || http::run(listener, shared))
        .map_err(|e| {
            eprintln!("error: cannot start the server: {e}");
            1
        })?;
    Ok(Running { addr, url, http })
}

fn rebuild_loop(mut engine: Engine, mut watch: watch::Watch, shared: &http::Shared, style: Style) {
    let mut wait = None;
    loop {
        let paths = match watch.next_batch_within(wait) {
            watch::Batch::Paths(p) => p,
            watch::Batch::Stopped => return,
            watch::Batch::Quiet => {
                // The site has been quiet: the search index, on its own
                // thread (the old one is served until it is done).
                if let Some(d) = engine.poll_search() {
                    println!(
                        "warta serve: search index rebuilt in {:.0} ms",
                        d.as_secs_f64() * 1000.0
                    );
                }
                engine.start_search();
                wait = engine.searching().then_some(SEARCH_POLL);
                continue;
            }
        };
        let outcome = engine.rebuild(&paths);
        // The tabs first, then the terminal.
        let state = shared.state_json();
        let name = if outcome.ok { "reload" } else { "errors" };
        shared.hub.broadcast(live::event(name, &state));
        report(&outcome, Some((&paths, engine.root())), style);
        wait = Some(SEARCH_AFTER);
    }
}

/// Prints how a build went.
fn report(o: &Outcome, changed: Option<(&[PathBuf], &Path)>, style: Style) {
    let what = match changed {
        None => "built".to_string(),
        Some((paths, root)) => {
            let names: Vec<String> = paths
                .iter()
                .take(3)
                .map(|p| crate::load::slash_path(p.strip_prefix(root).unwrap_or(p)))
                .collect();
            let more = if paths.len() > 3 {
                format!(" and {} more", paths.len() - 3)
            } else {
                String::new()
            };
            format!("{}{more} changed", names.join(", "))
        }
    };
    o.emit(style);
    let t = &o.timings;
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    if o.ok {
        let scope = match &o.full {
            Some(why) => format!("full build ({why})"),
            None => "partial build".to_string(),
        };
        println!(
            "warta serve: {what}: {scope}, {} pages, {} changed files in {:.0} ms (load {:.0} ms, {} {:.0} ms, theme {:.0} ms, bodies {:.0} ms ({} rendered), render {:.0} ms, of which feeds {:.0} ms)",
            o.pages,
            o.changed,
            ms(t.total),
            ms(t.load),
            if o.patched { "patch" } else { "check" },
            ms(t.check),
            ms(t.theme),
            ms(t.bodies),
            o.bodies,
            ms(t.render),
            ms(t.feeds)
        );
    } else {
        let n = o.error_count();
        eprintln!(
            "warta serve: {what}: {n} error{}; still serving the last good site ({:.0} ms)",
            if n == 1 { "" } else { "s" },
            ms(t.total)
        );
    }
}

/// Opens `url` in the default browser, in the background; failure is only
/// reported.
fn open_browser(url: &str) {
    let cmd: (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    match std::process::Command::new(cmd.0)
        .args(&cmd.1)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
        }
        Err(e) => eprintln!(
            "warning: cannot open a browser ({}: {e}); open {url} yourself",
            cmd.0
        ),
    }
}
