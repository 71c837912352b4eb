//! Save-to-ready time of `warta serve` on a large synthetic site: a news
//! post is edited on disk, the watcher notices it (debounced), the engine
//! rebuilds, and the new page is in the served map.
//!
//! `cargo bench --bench serve` runs the full size (10,000 posts, 5,000
//! libraries, 1,000 stories); run without `--bench` (as `cargo test
//! --benches` does) it only smoke-tests a tiny site. `WARTA_BENCH_RUNS=N`
//! changes the number of timed edits.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use warta::serve::engine::{Engine, Outcome};
use warta::serve::watch::{Watch, DEBOUNCE};
use warta::site::ResolveOptions;
use warta::synth::{self, SynthOptions};

fn main() {
    let full_bench = std::env::args().any(|a| a == "--bench");
    let (scale, runs) = if full_bench { (1, 7) } else { (100, 2) };
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
        "warta serve: save-to-ready on {} posts, {} libraries, {} stories; {} threads; {runs} timed edits per row",
        opts.posts,
        opts.libraries,
        opts.stories,
        rayon::current_num_threads()
    );

    let mut engine = Engine::new(&root, ResolveOptions::default());
    // As `warta serve` runs: the search index after the pages.
    engine.defer_search = true;
    let t = Instant::now();
    let first = engine.build();
    engine.finish_search();
    assert!(first.ok, "{:?}", first.views());
    println!(
        "first (full) build: {} ms, {} pages",
        t.elapsed().as_millis(),
        first.pages
    );

    let post = pick(&root.join("content/berita"));
    let rel = post.strip_prefix(&root).unwrap().display().to_string();
    let original = std::fs::read_to_string(&post).unwrap();

    // Engine only: the edit is handed over directly.
    let mut title_rows = Vec::new();
    for i in 0..runs {
        edit_title(&post, &original, i);
        let mut o = engine.rebuild(std::slice::from_ref(&post));
        assert!(o.ok && o.full.is_none(), "{:?} {:?}", o.full, o.views());
        o.timings.search = engine.finish_search().unwrap_or_default();
        title_rows.push(o);
    }
    let mut body_rows = Vec::new();
    for i in 0..runs {
        std::fs::write(&post, format!("{original}\nParagraf tambahan {i}.\n")).unwrap();
        let mut o = engine.rebuild(std::slice::from_ref(&post));
        assert!(o.ok && o.full.is_none(), "{:?}", o.full);
        o.timings.search = engine.finish_search().unwrap_or_default();
        body_rows.push(o);
    }

    // End to end: write the file, wait for the watcher's batch, rebuild.
    let mut watch = Watch::start(&root).expect("watch");
    std::thread::sleep(Duration::from_millis(200));
    let mut e2e = Vec::new();
    let mut notice = Vec::new();
    for i in 0..runs {
        let saved = Instant::now();
        edit_title(&post, &original, 100 + i);
        let batch = watch.next_batch().expect("a batch");
        notice.push(saved.elapsed());
        let o = engine.rebuild(&batch);
        assert!(o.ok, "{:?}", o.views());
        e2e.push(saved.elapsed());
        engine.finish_search();
    }

    // A new post reorders the list: a full rebuild.
    let new_post = root.join("content/berita/zz-bench-baru.md");
    std::fs::write(
        &new_post,
        "---\ntitle: Berita Baru\ndate: 2031-01-01\nprovinces: [aceh]\n---\n\nIsi.\n",
    )
    .unwrap();
    let mut added = engine.rebuild(std::slice::from_ref(&new_post));
    assert!(added.ok && added.full.is_some());
    added.timings.search = engine.finish_search().unwrap_or_default();
    std::fs::write(&post, &original).unwrap();

    println!("\nedited file: {rel}");
    println!("total = ready to reload (pages, feeds, sitemap); the search index is rebuilt after it, (search) is that extra time");
    println!(
        "{:<22} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>6} {:>6}",
        "edit",
        "total",
        "check",
        "bodies",
        "render",
        "(feeds)",
        "(search)",
        "min",
        "pages",
        "files"
    );
    row("post title (engine)", &title_rows);
    row("post body (engine)", &body_rows);
    row("new post (full)", std::slice::from_ref(&added));
    println!(
        "\nsave → watcher batch (debounce {} ms): median {} ms; save → pages ready: median {} ms, min {} ms",
        DEBOUNCE.as_millis(),
        ms(median(&notice)),
        ms(median(&e2e)),
        ms(*e2e.iter().min().unwrap())
    );
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
    println!(
        "{:<22} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>6} {:>6}",
        label,
        ms(pick(|o| o.timings.total)),
        ms(pick(|o| o.timings.check)),
        ms(pick(|o| o.timings.bodies)),
        ms(pick(|o| o.timings.render)),
        ms(pick(|o| o.timings.feeds)),
        ms(pick(|o| o.timings.search)),
        ms(rows.iter().map(|o| o.timings.total).min().unwrap()),
        rows[0].pages,
        rows[0].changed
    );
}

fn median(v: &[Duration]) -> Duration {
    let mut v = v.to_vec();
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}
