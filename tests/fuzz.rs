//! Fuzzing on stable Rust: front matter, YAML data, Markdown bodies and
//! template overrides, generated and mutated from a seed, run through the
//! real pipeline. A panic, a crash, an exit status other than 0/1, a hang,
//! a case over the CPU or memory limit, a diagnostic pointing outside its
//! file, script from content on a page, a feed that is not XML or two runs
//! that differ is a finding. See docs/fuzzing.md.
//!
//! `cargo test --test fuzz` runs a short fixed run (WARTA_FUZZ_CASES,
//! default 150). Long runs: `WARTA_FUZZ_SECONDS=1800 [WARTA_FUZZ_SEED=S]
//! nice -n 10 cargo test --test fuzz -- --nocapture`. One case again:
//! `WARTA_FUZZ_SEED=S WARTA_FUZZ_CASE=N`.

mod support;

#[path = "fuzz/case.rs"]
mod case;
#[path = "support/html.rs"]
mod html;
#[path = "fuzz/markdown.rs"]
mod markdown;
#[path = "fuzz/records.rs"]
mod records;
#[path = "fuzz/reduce.rs"]
mod reduce;
#[path = "fuzz/rng.rs"]
mod rng;
#[path = "fuzz/runner.rs"]
mod runner;
#[path = "fuzz/schemas.rs"]
mod schemas;
#[path = "fuzz/templates.rs"]
mod templates;
#[path = "fuzz/text.rs"]
mod text;
#[path = "fuzz/worker.rs"]
mod worker;
#[path = "fuzz/yaml.rs"]
mod yaml;

use case::{Bases, Case, Mode};
use runner::{Finding, Limits, Runner};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use text::Knobs;

/// The input classes of the default run. A class set to `false` still
/// fails on main (see docs/fuzzing.md for what and who fixes it) and is
/// generated only with WARTA_FUZZ_KNOWN=1 (or a list of names:
/// WARTA_FUZZ_KNOWN=huge_values,script_markup); set it to `true` when its fix
/// lands, so that every `cargo test` covers it again.
const DEFAULT_KNOBS: Knobs = Knobs {
    alias_bombs: true,
    deep_nesting: true,
    huge_values: true,
    invisible: true,
    control_chars: true,
    script_markup: true,
};

const DEFAULT_SEED: u64 = 0x0077_6172_7461; // "warta"
const DEFAULT_CASES: u64 = 150;

struct Config {
    seed: u64,
    cases: Option<u64>,
    seconds: Option<u64>,
    only: Option<u64>,
    knobs: Knobs,
    reduce: bool,
    dir: PathBuf,
    limits: Limits,
}

fn env_u64(name: &str) -> Option<u64> {
    let v = std::env::var(name).ok()?;
    let v = v.trim();
    let n = match v.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => v.parse(),
    };
    Some(n.unwrap_or_else(|_| panic!("{name}={v} is not a number")))
}

impl Config {
    fn from_env() -> Config {
        let seconds = env_u64("WARTA_FUZZ_SECONDS");
        let seed = env_u64("WARTA_FUZZ_SEED").unwrap_or_else(|| match seconds {
            // A long run without a seed explores: a new seed each time.
            Some(_) => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64,
            None => DEFAULT_SEED,
        });
        let knobs = match std::env::var("WARTA_FUZZ_KNOWN") {
            Ok(v) if v == "1" => Knobs::ALL,
            Ok(v) => DEFAULT_KNOBS.with(&v),
            Err(_) => DEFAULT_KNOBS,
        };
        let dir = std::env::var_os("WARTA_FUZZ_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| std::env::temp_dir().join(format!("warta-fuzz-{seed:x}")));
        let mb = |name: &str, default: u64| env_u64(name).unwrap_or(default) * 1024 * 1024;
        Config {
            seed,
            cases: env_u64("WARTA_FUZZ_CASES").or(if seconds.is_some() {
                None
            } else {
                Some(DEFAULT_CASES)
            }),
            seconds,
            only: env_u64("WARTA_FUZZ_CASE"),
            knobs,
            reduce: std::env::var("WARTA_FUZZ_REDUCE").map_or(true, |v| v != "0"),
            dir,
            limits: Limits {
                timeout: Duration::from_secs(env_u64("WARTA_FUZZ_TIMEOUT").unwrap_or(60)),
                slow_cpu_ms: env_u64("WARTA_FUZZ_SLOW_MS").unwrap_or(8_000),
                peak_kb: mb("WARTA_FUZZ_MEMORY_MB", 300) / 1024,
                worker_as: mb("WARTA_FUZZ_WORKER_AS_MB", 2_048),
                // The binary's allocator (mimalloc) reserves 1 GiB of
                // address space at start, before it uses any: the limit
                // only stops a runaway; real memory is `peak_kb`'s oracle.
                binary_as: mb("WARTA_FUZZ_BINARY_AS_MB", 2_048),
            },
        }
    }
}

/// One finding signature: how often, and the first case that showed it.
struct Seen {
    count: usize,
    first: Finding,
    case: u64,
    saved: PathBuf,
}

#[derive(Default)]
struct Stats {
    cases: u64,
    by_kind: BTreeMap<String, u64>,
    by_exit: BTreeMap<String, u64>,
    max_cpu: (u64, u64),
    max_peak: (u64, u64),
}

#[test]
fn fuzz() {
    let cfg = Config::from_env();
    let _ = std::fs::remove_dir_all(cfg.dir.join("cases"));
    std::fs::create_dir_all(cfg.dir.join("cases")).unwrap();
    let bases = Bases::new(&cfg.dir);
    let mut runner = Runner::new(&cfg.dir, cfg.limits.clone());
    let started = Instant::now();
    let deadline = cfg.seconds.map(|s| started + Duration::from_secs(s));
    eprintln!(
        "fuzz: seed {:#x}, {}, findings go to {}",
        cfg.seed,
        match (cfg.only, cfg.cases, cfg.seconds) {
            (Some(i), _, _) => format!("case {i} only"),
            (_, Some(n), _) => format!("{n} cases"),
            (_, _, Some(s)) => format!("{s} s"),
            _ => unreachable!(),
        },
        cfg.dir.display()
    );
    let mut seen: BTreeMap<String, Seen> = BTreeMap::new();
    let mut stats = Stats::default();
    let mut index = cfg.only.unwrap_or(0);
    loop {
        if cfg.only.is_some_and(|i| index > i)
            || cfg.cases.is_some_and(|n| stats.cases >= n)
            || deadline.is_some_and(|d| Instant::now() >= d)
        {
            break;
        }
        let case = case::generate(&bases, cfg.seed, index, cfg.knobs);
        index += 1;
        let site = cfg.dir.join("cases").join(case.index.to_string());
        case::write(&bases, &case, &site);
        // Every eighth in-process case runs twice: same input, same output.
        let out = runner.run(&case, &site, case.index % 8 == 3, cfg.limits.timeout);
        if cfg.only.is_some() {
            // Reproducing one case: show it and what `warta check` says.
            for (rel, bytes) in &case.files {
                eprintln!("--- {rel} ({} bytes)\n{}", bytes.len(), preview(bytes));
            }
            let said = runner.run(
                &Case {
                    mode: Mode::Binary,
                    ..case.clone()
                },
                &site,
                false,
                cfg.limits.timeout,
            );
            eprintln!("--- warta check: exit {:?}\n{}", said.exit, said.stderr);
        }
        let _ = std::fs::remove_dir_all(&site);
        stats.cases += 1;
        *stats
            .by_kind
            .entry(format!("{:?}/{:?}", case.kind, case.mode))
            .or_default() += 1;
        let exit = out.exit.map_or("-".into(), |c| c.to_string());
        *stats.by_exit.entry(exit).or_default() += 1;
        stats.max_cpu = stats.max_cpu.max((out.cpu_ms, case.index));
        stats.max_peak = stats.max_peak.max((out.peak_kb, case.index));
        for f in out.findings {
            let sig = f.signature();
            if let Some(s) = seen.get_mut(&sig) {
                s.count += 1;
                continue;
            }
            eprintln!(
                "fuzz: case {} ({:?}, {:?}): {sig}\n{}",
                case.index,
                case.kind,
                case.mode,
                indent(&f.detail)
            );
            let saved = save(&cfg, &case, &f, "found");
            if cfg.reduce {
                let small = shrink(&cfg, &bases, &mut runner, &case, &f);
                save(&cfg, &small, &f, "reduced");
            }
            seen.insert(
                sig,
                Seen {
                    count: 1,
                    first: f,
                    case: case.index,
                    saved,
                },
            );
        }
        if stats.cases % 100 == 0 {
            eprintln!(
                "fuzz: {} cases, {} s, {} finding signatures",
                stats.cases,
                started.elapsed().as_secs(),
                seen.len()
            );
        }
    }
    drop(runner);
    let summary = summary(&cfg, &stats, &seen, started.elapsed());
    eprintln!("{summary}");
    std::fs::write(cfg.dir.join("summary.txt"), &summary).unwrap();
    let _ = std::fs::remove_dir_all(cfg.dir.join("cases"));
    for b in ["base-example", "base-minimal"] {
        let _ = std::fs::remove_dir_all(cfg.dir.join(b));
    }
    if seen.is_empty() {
        let _ = std::fs::remove_dir_all(&cfg.dir);
    }
    assert!(
        seen.is_empty(),
        "the fuzz run found problems (seed {:#x}); inputs are in {}\n{summary}",
        cfg.seed,
        cfg.dir.display()
    );
}

/// Reduces a failing case while it fails the same way; slow classes get
/// fewer tries and a shorter timeout.
fn shrink(cfg: &Config, bases: &Bases, runner: &mut Runner, case: &Case, f: &Finding) -> Case {
    let sig = f.signature();
    let slow = matches!(f.class.as_str(), "hang" | "slow" | "memory");
    let timeout = if slow {
        Duration::from_millis((cfg.limits.slow_cpu_ms * 2).max(5_000))
    } else {
        cfg.limits.timeout
    };
    let budget = if slow { 30 } else { 250 };
    let dir = cfg.dir.join("cases").join("reduce");
    let mut still = |c: &Case| {
        let _ = std::fs::remove_dir_all(&dir);
        case::write(bases, c, &dir);
        let out = runner.run(c, &dir, sig.starts_with("nondeterministic"), timeout);
        out.findings.iter().any(|g| {
            g.signature() == sig || (slow && matches!(g.class.as_str(), "hang" | "slow" | "memory"))
        })
    };
    let small = reduce::reduce(case, budget, &mut still);
    let _ = std::fs::remove_dir_all(&dir);
    small
}

/// Writes a case's files and what went wrong under
/// `<dir>/findings/<case>-<class>/<what>/`.
fn save(cfg: &Config, case: &Case, f: &Finding, what: &str) -> PathBuf {
    let dir = cfg
        .dir
        .join("findings")
        .join(format!("{}-{}", case.index, f.class))
        .join(what);
    let _ = std::fs::remove_dir_all(&dir);
    for (rel, bytes) in &case.files {
        let p = dir.join("site").join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    let base = match case.base {
        case::Base::Minimal => "tests/support/mod.rs TestSite::minimal()",
        case::Base::Example => "the repository's example site (content/, data/, static/, themes/)",
    };
    let mut about = format!(
        "{}\n\nseed {:#x}, case {} ({:?}, {:?}{}); rerun: WARTA_FUZZ_SEED={:#x} WARTA_FUZZ_CASE={} cargo test --test fuzz\nbase: {base}\nfiles written over it (in site/):\n",
        f.signature(), cfg.seed, case.index, case.kind, case.mode, if case.drafts { ", --drafts" } else { "" }, cfg.seed, case.index
    );
    for (rel, bytes) in &case.files {
        about.push_str(&format!(
            "--- {rel} ({} bytes)\n{}\n",
            bytes.len(),
            preview(bytes)
        ));
    }
    about.push_str(&format!("\n{}\n", f.detail));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("README.txt"), about).unwrap();
    dir
}

/// A file's start, readable: invisible and control characters escaped.
fn preview(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(2_000)]);
    let mut out: String = text
        .chars()
        .map(|c| match c {
            '\n' | '\t' => c.to_string(),
            c if c.is_control() || text::INVISIBLE.contains(&c) => format!("\\u{{{:x}}}", c as u32),
            c => c.to_string(),
        })
        .collect();
    if bytes.len() > 2_000 {
        out.push_str(&format!("\n[… {} more bytes]", bytes.len() - 2_000));
    }
    out
}

fn indent(s: &str) -> String {
    s.lines().take(30).map(|l| format!("    {l}\n")).collect()
}

fn summary(cfg: &Config, stats: &Stats, seen: &BTreeMap<String, Seen>, took: Duration) -> String {
    let mut s = format!(
        "fuzz summary: seed {:#x}, {} cases in {:.0} s, knobs {:?}\n  by kind/mode: {:?}\n  by exit status: {:?}\n  most CPU: {} ms (case {}); highest peak memory: {} MB (case {})\n",
        cfg.seed, stats.cases, took.as_secs_f64(), cfg.knobs, stats.by_kind, stats.by_exit,
        stats.max_cpu.0, stats.max_cpu.1, stats.max_peak.0 / 1024, stats.max_peak.1
    );
    s.push_str(&format!("  findings: {}\n", seen.len()));
    for (sig, x) in seen {
        s.push_str(&format!(
            "  - {sig} ({} times; first case {}, in {})\n{}",
            x.count,
            x.case,
            x.saved.display(),
            indent(&x.first.detail)
        ));
    }
    s
}

/// The worker process the `fuzz` test starts (see tests/fuzz/worker.rs):
/// does nothing unless started by it.
#[test]
#[ignore = "the fuzz harness's worker process; `fuzz` starts it"]
fn fuzz_worker() {
    if std::env::var_os(runner::WORKER_ENV).is_some() {
        worker::serve();
    }
}
