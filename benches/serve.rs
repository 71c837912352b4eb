//! Save-to-reload time of `warta serve` on a large synthetic site.
//!
//! 1. Engine rows (the phase split): a file is edited and handed straight
//!    to the engine; its timings say where the time goes.
//! 2. End to end: the real server (`serve::start`, watcher, HTTP), a client
//!    on `/__warta/events`; a news post is written and the time until the
//!    `reload` event arrives is measured: the figure a reader feels.
//!
//! `cargo bench --bench serve` runs the full size (10,000 posts, 5,000
//! libraries, 1,000 stories); run without `--bench` (as `cargo test
//! --benches` does) it only smoke-tests a tiny site. `WARTA_BENCH_RUNS=N`
//! changes the number of timed edits.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use warta::serve::engine::{Engine, Outcome};
use warta::site::ResolveOptions;
use warta::synth::{self, SynthOptions};

fn main() {
    let full_bench = std::env::args().any(|a| a == "--bench");
    let (scale, runs) = if full_bench { (1, 15) } else { (100, 3) };
    let scale: usize = std::env::var("WARTA_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(scale);
    let runs: usize = std::env::var("WARTA_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(runs);
    let opts = SynthOptions {
        libraries: 5_000 / scale,
        posts: 10_000 / scale,
        stories: 1_000 / scale,
        seed: 2022,
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical temp dir");
    synth::write(&root, &opts).expect("synthetic site");
    println!(
        "warta serve: save-to-reload on {} posts, {} libraries, {} stories; {} threads; {runs} timed edits per row",
        opts.posts,
        opts.libraries,
        opts.stories,
        rayon::current_num_threads()
    );
    let post = pick(&root.join("content/berita"));
    let rel = post.strip_prefix(&root).unwrap().display().to_string();
    let original = std::fs::read_to_string(&post).unwrap();

    // 1. The engine alone: where the time goes.
    let mut engine = Engine::new(&root, ResolveOptions::default());
    engine.defer_search = true;
    let t = Instant::now();
    let first = engine.build();
    assert!(first.ok, "{:?}", first.views(&engine.catalog()));
    let first_ms = t.elapsed();
    let search_first = engine.finish_search().unwrap_or_default();
    println!(
        "first (full) build: {} ms, {} pages; search index {} ms",
        first_ms.as_millis(),
        first.pages,
        search_first.as_millis()
    );
    let mut title_rows = Vec::new();
    for i in 0..runs {
        edit_title(&post, &original, i);
        let mut o = engine.rebuild(std::slice::from_ref(&post));
        assert!(
            o.ok && o.patched && o.full.is_none(),
            "{:?} {:?}",
            o.full_check,
            o.views(&engine.catalog())
        );
        o.timings.search = engine.finish_search().unwrap_or_default();
        title_rows.push(o);
    }
    let mut body_rows = Vec::new();
    for i in 0..runs {
        std::fs::write(&post, format!("{original}\nParagraf tambahan {i}.\n")).unwrap();
        let mut o = engine.rebuild(std::slice::from_ref(&post));
        assert!(o.ok && o.patched, "{:?}", o.full_check);
        o.timings.search = engine.finish_search().unwrap_or_default();
        body_rows.push(o);
    }
    // A broken edit: the errors, found by the patch.
    std::fs::write(&post, original.replacen("title:", "title: [", 1)).unwrap();
    let broken = engine.rebuild(std::slice::from_ref(&post));
    assert!(!broken.ok && broken.error_count() > 0);
    std::fs::write(&post, &original).unwrap();
    let mut fixed = engine.rebuild(std::slice::from_ref(&post));
    assert!(fixed.ok, "{:?}", fixed.views(&engine.catalog()));
    fixed.timings.search = engine.finish_search().unwrap_or_default();
    // A new post: a full check; the pages after it in the news list move.
    let new_post = root.join("content/berita/zz-bench-baru.md");
    std::fs::write(
        &new_post,
        "---\ntitle: Berita Baru\ndate: 2031-01-01\nprovinces: [aceh]\n---\n\nIsi.\n",
    )
    .unwrap();
    let mut added = engine.rebuild(std::slice::from_ref(&new_post));
    assert!(added.ok, "{:?}", added.views(&engine.catalog()));
    added.timings.search = engine.finish_search().unwrap_or_default();
    std::fs::remove_file(&new_post).unwrap();
    let mut removed = engine.rebuild(std::slice::from_ref(&new_post));
    assert!(removed.ok);
    removed.timings.search = engine.finish_search().unwrap_or_default();
    engine.finish_search();
    drop(engine);

    println!("\nedited file: {rel}");
    println!(
        "total = save handed over → pages ready; (search) = the index, rebuilt after the reload"
    );
    println!(
        "{:<24} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8} {:>7} {:>6} {:>6}",
        "edit",
        "total",
        "load",
        "check",
        "bodies",
        "render",
        "(feeds)",
        "(search)",
        "p90",
        "pages",
        "files"
    );
    row("post title (patched)", &title_rows);
    row("post body (patched)", &body_rows);
    row("broken front matter", std::slice::from_ref(&broken));
    row("fixed again", std::slice::from_ref(&fixed));
    row("new post", std::slice::from_ref(&added));
    row("post removed (full)", std::slice::from_ref(&removed));
    println!("\nslowest pages of a patched rebuild (render time each, in parallel):");
    for (url, took) in &title_rows[title_rows.len() / 2].slowest {
        println!("  {:>6} ms  {url}", ms(*took));
    }

    // 2. End to end through the server.
    let running = warta::serve::start(warta::serve::Options {
        root: root.clone(),
        port: 0,
        bind: "127.0.0.1".into(),
        open: false,
        style: warta::diag::Style::Plain,
        drafts: false,
        lang: None,
    })
    .expect("server");
    let events = subscribe(running.addr.port());
    std::thread::sleep(Duration::from_millis(300));
    // Quiet: each save after the search index of the last one is done.
    let quiet = saves(
        &events,
        &post,
        &original,
        runs,
        0,
        Duration::from_millis(3000),
    );
    // Busy: a save every half second, while the search index of the last
    // one is being built on its own thread.
    let busy = saves(
        &events,
        &post,
        &original,
        runs,
        5000,
        Duration::from_millis(500),
    );
    std::fs::write(&post, &original).unwrap();
    println!(
        "\nsave → SSE `reload` received (watcher debounce {} ms + patch + render + publish), {} saves each:",
        warta::serve::watch::DEBOUNCE.as_millis(),
        runs
    );
    for (label, v) in [
        ("after a quiet spell", &quiet),
        ("every 0.5 s (search index building)", &busy),
    ] {
        println!(
            "  {label:<38} median {} ms, p90 {} ms, min {} ms, max {} ms",
            ms(median(v)),
            ms(p90(v)),
            ms(v[0]),
            ms(*v.last().unwrap())
        );
    }
    // The server's threads run until the process ends (there is no stop):
    // the site is deleted by a child that outlives this process, so the
    // watcher never sees it go (it would report every file as missing).
    drop(running);
    let root = dir.keep();
    let _ = std::process::Command::new("rm")
        .arg("-rf")
        .arg(&root)
        .spawn();
    std::process::exit(0);
}

/// Writes `runs` title edits, each `gap` after the last event; returns the
/// times from each write to its `reload` event, sorted.
fn saves(
    events: &mpsc::Receiver<String>,
    post: &Path,
    original: &str,
    runs: usize,
    first: usize,
    gap: Duration,
) -> Vec<Duration> {
    let mut v = Vec::new();
    for i in 0..runs {
        wait_quiet(events, gap);
        let saved = Instant::now();
        edit_title(post, original, first + i);
        loop {
            let name = events
                .recv_timeout(Duration::from_secs(30))
                .expect("an event within 30 s");
            if name == "reload" {
                break;
            }
            assert_ne!(name, "errors", "the edit failed");
        }
        v.push(saved.elapsed());
    }
    v.sort();
    v
}

/// Event names from `/__warta/events`, as they arrive.
fn subscribe(port: u16) -> mpsc::Receiver<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        s,
        "GET /__warta/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(s).lines().map_while(Result::ok) {
            if let Some(name) = line.strip_prefix("event: ") {
                if tx.send(name.trim().to_string()).is_err() {
                    return;
                }
            }
        }
    });
    rx
}

/// Drains events until none came for `quiet`.
fn wait_quiet(events: &mpsc::Receiver<String>, quiet: Duration) {
    while events.recv_timeout(quiet).is_ok() {}
}

fn pick(dir: &Path) -> PathBuf {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    v.sort();
    v.remove(v.len() / 3)
}

fn edit_title(post: &Path, original: &str, i: usize) {
    let text: String = original
        .lines()
        .map(|l| {
            if l.starts_with("title:") {
                format!("title: \"Judul Disunting {i}\"\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(post, text).unwrap();
}

fn row(label: &str, rows: &[Outcome]) {
    let pick = |f: fn(&Outcome) -> Duration| median(&rows.iter().map(f).collect::<Vec<_>>());
    let mut totals: Vec<Duration> = rows.iter().map(|o| o.timings.total).collect();
    totals.sort();
    println!(
        "{:<24} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8} {:>7} {:>6} {:>6}",
        label,
        ms(pick(|o| o.timings.total)),
        ms(pick(|o| o.timings.load)),
        ms(pick(|o| o.timings.check)),
        ms(pick(|o| o.timings.bodies)),
        ms(pick(|o| o.timings.render)),
        ms(pick(|o| o.timings.feeds)),
        ms(pick(|o| o.timings.search)),
        ms(p90(&totals)),
        rows[0].pages,
        rows[0].changed
    );
}

fn median(v: &[Duration]) -> Duration {
    let mut v = v.to_vec();
    v.sort();
    v[v.len() / 2]
}

/// The 90th percentile (nearest rank).
fn p90(v: &[Duration]) -> Duration {
    let mut v = v.to_vec();
    v.sort();
    v[((v.len() * 9).div_ceil(10)).saturating_sub(1)]
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}
