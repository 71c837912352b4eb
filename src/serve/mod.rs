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

use crate::diag::{Catalog, Lang, Style};
use crate::msg;
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
    /// `--lang`: messages in this language whatever the site says.
    pub lang: Option<Lang>,
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
    let cat = Catalog::new(crate::load::message_language(&opts.root, opts.lang));
    let say = |m: crate::diag::Message| cat.text(&m);
    let ip: IpAddr = match opts.bind.as_str() {
        "localhost" => IpAddr::V4(Ipv4Addr::LOCALHOST),
        s => match s.trim_start_matches('[').trim_end_matches(']').parse() {
            Ok(ip) => ip,
            Err(_) => {
                eprintln!(
                    "error[serve-bad-bind]: {}",
                    say(msg!("serve-bad-bind", bind = &opts.bind))
                );
                return Err(EXIT_USAGE);
            }
        },
    };
    let listener = match TcpListener::bind(SocketAddr::new(ip, opts.port)) {
        Ok(l) => l,
        Err(e) => {
            let (ip, port) = (ip.to_string(), opts.port);
            let why = match e.kind() {
                std::io::ErrorKind::AddrInUse => msg!("serve-port-in-use", port = port, ip = ip),
                std::io::ErrorKind::PermissionDenied => {
                    msg!("serve-port-not-allowed", port = port, ip = ip)
                }
                std::io::ErrorKind::AddrNotAvailable => msg!("serve-not-this-computer", ip = ip),
                _ => msg!(
                    "serve-cannot-listen",
                    port = port,
                    ip = ip,
                    error = e.to_string()
                ),
            };
            eprintln!("error[{}]: {}", why.id, say(why.clone()));
            return Err(EXIT_USAGE);
        }
    };
    let addr = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!(
                "error[serve-cannot-listen]: {}",
                say(msg!(
                    "serve-cannot-listen",
                    port = opts.port,
                    ip = ip.to_string(),
                    error = e.to_string()
                ))
            );
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
    engine.set_lang(cat.lang());
    let outcome = engine.build();
    report(&outcome, None, opts.style, &cat);
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
                "warning[serve-cannot-watch]: {}",
                say(msg!(
                    "serve-cannot-watch",
                    folder = root.display().to_string(),
                    error = e.to_string()
                ))
            );
            None
        }
    };
    {
        let shared = shared.clone();
        let style = opts.style;
        let cat = engine.catalog();
        std::thread::Builder::new()
            .name("warta-rebuild".into())
            .spawn(move || {
                if let Some(w) = watch {
                    rebuild_loop(engine, w, &shared, style, &cat)
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
            "warning[serve-public]: {}",
            say(msg!(
                "serve-public",
                ip = ip.to_string(),
                port = addr.port()
            ))
        );
    }
    println!(
        "{}",
        say(msg!(
            "serve-serving",
            folder = root.display().to_string(),
            url = &url
        ))
    );
    println!(
        "{}",
        say(msg!(
            "serve-watching",
            folders = watch::FOLDERS.join("/, ") + "/"
        ))
    );
    if opts.drafts {
        println!("{}", say(msg!("serve-drafts")));
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

fn rebuild_loop(
    mut engine: Engine,
    mut watch: watch::Watch,
    shared: &http::Shared,
    style: Style,
    cat: &Catalog,
) {
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
                        "{}",
                        cat.text(&msg!("serve-search-rebuilt", ms = d.as_millis() as u64))
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
        report(&outcome, Some((&paths, engine.root())), style, cat);
        wait = Some(SEARCH_AFTER);
    }
}

/// Prints how a build went.
fn report(o: &Outcome, changed: Option<(&[PathBuf], &Path)>, style: Style, cat: &Catalog) {
    let what = match changed {
        None => msg!("serve-built"),
        Some((paths, root)) => {
            let names: Vec<String> = paths
                .iter()
                .take(3)
                .map(|p| crate::load::slash_path(p.strip_prefix(root).unwrap_or(p)))
                .collect();
            msg!(
                "serve-changed",
                files = names.join(", "),
                more = paths.len().saturating_sub(3)
            )
        }
    };
    o.emit(style, cat);
    let t = &o.timings;
    let ms = |d: Duration| d.as_millis() as u64;
    if o.ok {
        // Timings stay in a developer's words: they are for profiling.
        let detail = format!(
            "load {} ms, {} {} ms, theme {} ms, bodies {} ms ({} rendered), render {} ms, of which feeds {} ms",
            ms(t.load),
            if o.patched { "patch" } else { "check" },
            ms(t.check),
            ms(t.theme),
            ms(t.bodies),
            o.bodies,
            ms(t.render),
            ms(t.feeds)
        );
        let scope = match &o.full {
            Some(why) => msg!("serve-full-build", why = why),
            None => msg!("serve-partial-build"),
        };
        println!(
            "{}",
            cat.text(&msg!(
                "serve-rebuilt",
                what = what,
                scope = scope,
                pages = o.pages,
                changed = o.changed,
                ms = ms(t.total),
                detail = detail
            ))
        );
    } else {
        eprintln!(
            "{}",
            cat.text(&msg!(
                "serve-failed",
                what = what,
                errors = o.error_count(),
                ms = ms(t.total)
            ))
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
