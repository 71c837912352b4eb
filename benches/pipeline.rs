//! How long the front half of every command (load → validate → resolve)
//! takes on a large synthetic site, and whether it grows linearly.
//!
//! `cargo bench --bench pipeline` runs the full sizes; run without
//! `--bench` (as `cargo test --benches` does) it only smoke-tests a tiny
//! site. `WARTA_BENCH_RUNS=N` changes the number of timed runs.

use std::time::{Duration, Instant};
use warta::site::ResolveOptions;
use warta::synth::{self, SynthOptions};

struct Row {
    label: &'static str,
    opts: SynthOptions,
    files: usize,
    mb: f64,
    generate: Duration,
    runs: Vec<Duration>,
    phases: [Duration; 3],
}

fn main() {
    let full_bench = std::env::args().any(|a| a == "--bench");
    let (scale, runs) = if full_bench { (1, 7) } else { (100, 1) };
    let runs = std::env::var("WARTA_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(runs);
    let full = SynthOptions {
        libraries: 5_000 / scale,
        posts: 10_000 / scale,
        stories: 1_000 / scale,
        seed: 2022,
    };
    let quarter = SynthOptions {
        libraries: full.libraries / 4,
        posts: full.posts / 4,
        stories: full.stories / 4,
        ..full
    };
    println!(
        "warta pipeline::check (load + validate + resolve), {} threads, {runs} timed runs after 1 warm-up",
        rayon::current_num_threads()
    );
    let rows: Vec<Row> = [("1/4", quarter), ("full", full)]
        .into_iter()
        .map(|(l, o)| measure(l, o, runs))
        .collect();

    println!();
    println!(
        "{:<5} {:>9} {:>7} {:>7} {:>6} {:>8} {:>9} {:>9} {:>10} {:>8} {:>8} {:>8}",
        "size",
        "libraries",
        "posts",
        "stories",
        "files",
        "MB",
        "generate",
        "min",
        "median",
        "load",
        "validate",
        "resolve"
    );
    for r in &rows {
        println!(
            "{:<5} {:>9} {:>7} {:>7} {:>6} {:>8.1} {:>9} {:>9} {:>10} {:>8} {:>8} {:>8}",
            r.label,
            r.opts.libraries,
            r.opts.posts,
            r.opts.stories,
            r.files,
            r.mb,
            ms(r.generate),
            ms(min(&r.runs)),
            ms(median(&r.runs)),
            ms(r.phases[0]),
            ms(r.phases[1]),
            ms(r.phases[2]),
        );
    }
    let (q, f) = (&rows[0], &rows[1]);
    let ratio = median(&f.runs).as_secs_f64() / median(&q.runs).as_secs_f64();
    let file_ratio = f.files as f64 / q.files as f64;
    println!();
    println!(
        "growth: {:.2}x the time for {:.2}x the files (linear ≈ {:.2}x); {:.1} µs per file at full size",
        ratio,
        file_ratio,
        file_ratio,
        median(&f.runs).as_secs_f64() * 1e6 / f.files as f64
    );
}

fn measure(label: &'static str, opts: SynthOptions, runs: usize) -> Row {
    let dir = tempfile::tempdir().expect("temp dir");
    let started = Instant::now();
    let summary = synth::write(dir.path(), &opts).expect("synthetic site");
    let generate = started.elapsed();
    let check = || {
        let t = Instant::now();
        let checked = warta::pipeline::check(dir.path(), ResolveOptions::default());
        let took = t.elapsed();
        assert!(
            checked.diags.is_empty(),
            "the synthetic site has {} problems",
            checked.diags.iter().count()
        );
        assert_eq!(checked.site.posts.len(), opts.posts);
        took
    };
    check(); // warm-up: page cache, allocator, thread pool
    let mut times: Vec<Duration> = (0..runs.max(1)).map(|_| check()).collect();
    times.sort();
    // One run split into its phases, as pipeline::check runs them.
    let t = Instant::now();
    let (loaded, _files, mut diags) = warta::load::load_site(dir.path());
    let load = t.elapsed();
    let t = Instant::now();
    warta::validate::validate(&loaded, &mut diags);
    let validate = t.elapsed();
    let t = Instant::now();
    let _site = warta::site::resolve(&loaded, ResolveOptions::default(), &mut diags);
    let resolve = t.elapsed();
    eprintln!(
        "  {label}: {} files, median {}",
        summary.files,
        ms(median(&times))
    );
    Row {
        label,
        opts,
        files: summary.files,
        mb: summary.bytes as f64 / (1024.0 * 1024.0),
        generate,
        runs: times,
        phases: [load, validate, resolve],
    }
}

fn min(sorted: &[Duration]) -> Duration {
    sorted[0]
}

fn median(sorted: &[Duration]) -> Duration {
    sorted[sorted.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}
