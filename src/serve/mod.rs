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
pub mod http;
pub mod live;
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
}

/// Runs the server until the process is stopped. Returns an exit status
/// only when it cannot start (2: bad address, port taken) or the server
/// fails.
pub fn run(opts: Options) -> i32 {
    let ip: IpAddr = match opts.bind.as_str() {
        "localhost" => IpAddr::V4(Ipv4Addr::LOCALHOST),
        s => match s.trim_start_matches('[').trim_end_matches(']').parse() {
            Ok(ip) => ip,
            Err(_) => {
                eprintln!(
                    "error: `--bind {}` is not an IP address; use 127.0.0.1 (this computer only) or e.g. 0.0.0.0 (every network)",
                    opts.bind
                );
                return EXIT_USAGE;
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
            return EXIT_USAGE;
        }
    };
    let addr = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: cannot listen: {e}");
            return EXIT_USAGE;
        }
    };
    let root = opts.root.canonicalize().unwrap_or(opts.root.clone());

    let mut engine = Engine::new(&root, ResolveOptions::default());
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
    if opts.open {
        open_browser(&url);
    }
    match http::run(listener, shared) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: the server stopped: {e}");
            1
        }
    }
}

fn rebuild_loop(mut engine: Engine, mut watch: watch::Watch, shared: &http::Shared, style: Style) {
    while let Some(paths) = watch.next_batch() {
        let outcome = engine.rebuild(&paths);
        report(&outcome, Some((&paths, engine.root())), style);
        let state = shared.state_json();
        let name = if outcome.ok { "reload" } else { "errors" };
        shared.hub.broadcast(live::event(name, &state));
        // The pages are out; now the search index (the old one is served
        // until this is done).
        if let Some(d) = engine.finish_search() {
            println!(
                "warta serve: search index rebuilt in {:.0} ms",
                d.as_secs_f64() * 1000.0
            );
        }
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
            "warta serve: {what}: {scope}, {} pages, {} changed files in {:.0} ms (check {:.0} ms, theme {:.0} ms, bodies {:.0} ms ({} rendered), render {:.0} ms, of which feeds {:.0} ms)",
            o.pages,
            o.changed,
            ms(t.total),
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
