//! The worker process: runs cases in-process through the library API, one
//! at a time, and answers each with one `@fuzz {json}` line on stdout. It
//! is this test binary run again (the ignored test `fuzz_worker`), so a
//! crash the panic machinery cannot catch (stack overflow, out of memory,
//! abort) ends only the worker; the parent sees which case did it.

use super::html;
use std::io::BufRead;
use std::path::Path;
use std::sync::Mutex;
use warta::diag::{Catalog, Diagnostic, Lang, SourceMap};
use warta::pipeline;

/// One case to run, as the parent sends it: `MODE DRAFTS MARKUP TWICE DIR`.
pub struct Request {
    /// `make` (what `warta check` and `build` run) or `check` (load,
    /// validate, resolve only).
    pub mode: String,
    pub drafts: bool,
    /// Pages must hold no `FUZZX` markup (off for template overrides and
    /// `allow_html: true`, where markup is the author's choice).
    pub markup: bool,
    /// Run twice and compare: same input, same output.
    pub twice: bool,
    pub dir: String,
}

impl Request {
    pub fn line(&self) -> String {
        let b = |x: bool| if x { "1" } else { "0" };
        format!(
            "{} {} {} {} {}\n",
            self.mode,
            b(self.drafts),
            b(self.markup),
            b(self.twice),
            self.dir
        )
    }

    fn parse(line: &str) -> Option<Request> {
        let mut p = line.splitn(5, ' ');
        let mode = p.next()?.to_string();
        let mut flag = || p.next().map(|f| f == "1");
        let (drafts, markup, twice) = (flag()?, flag()?, flag()?);
        Some(Request {
            mode,
            drafts,
            markup,
            twice,
            dir: p.next()?.to_string(),
        })
    }
}

/// The first panic of the current case: message, place and backtrace.
static PANIC: Mutex<Option<String>> = Mutex::new(None);

pub fn serve() {
    std::panic::set_hook(Box::new(|info| {
        let mut p = PANIC.lock().unwrap_or_else(|e| e.into_inner());
        if p.is_none() {
            let bt = std::backtrace::Backtrace::force_capture();
            *p = Some(format!("{info}\n{}", short_backtrace(&bt.to_string())));
        }
    }));
    let stdin = std::io::stdin();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let Some(req) = Request::parse(line.trim_end()) else {
            break;
        };
        *PANIC.lock().unwrap_or_else(|e| e.into_inner()) = None;
        reset_peak_memory();
        let cpu = cpu_ms();
        let started = std::time::Instant::now();
        // The binary runs on the main thread (8 MB of stack); so does this.
        let outcome = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || run(&req))
            .expect("spawn")
            .join();
        let mut report = serde_json::json!({
            "cpu_ms": cpu_ms().saturating_sub(cpu),
            "wall_ms": started.elapsed().as_millis() as u64,
            "peak_kb": peak_memory_kb(),
        });
        match outcome {
            Ok(found) => {
                report["status"] = "ok".into();
                report["errors"] = found.errors.into();
                report["problems"] = serde_json::json!(found.problems);
            }
            Err(_) => {
                let p = PANIC.lock().unwrap_or_else(|e| e.into_inner()).take();
                report["status"] = "panic".into();
                report["panic"] = p
                    .unwrap_or_else(|| "a panic without a message".into())
                    .into();
            }
        }
        println!("@fuzz {report}");
    }
}

/// What one run found besides panics: (class, key, detail), where the key
/// tells problems of one class apart (see `runner::Finding`).
struct Found {
    errors: usize,
    problems: Vec<Problem>,
}

type Problem = (String, String, String);

fn problem(class: &str, key: impl Into<String>, detail: impl Into<String>) -> Problem {
    (class.into(), key.into(), detail.into())
}

fn run(req: &Request) -> Found {
    let root = Path::new(&req.dir);
    let mut problems = Vec::new();
    if req.mode == "check" {
        let c = pipeline::check(root, Default::default());
        let diags = c.diags.into_vec();
        problems.extend(check_diagnostics(&diags, &c.files));
        return Found {
            errors: diags.iter().filter(|d| d.is_error()).count(),
            problems,
        };
    }
    let opts = pipeline::Options {
        drafts: req.drafts,
        ..Default::default()
    };
    let sink = warta::render::Memory::default();
    let made = pipeline::make(root, &opts, &sink, &|_| {});
    let files = sink.into_files();
    problems.extend(check_diagnostics(&made.diags, &made.files));
    // Only a run without errors publishes anything.
    if made.rendered.is_some() && !made.has_errors() {
        for f in &files {
            problems.extend(check_file(&f.path, &f.bytes, req.markup));
        }
    }
    if req.twice {
        let sink2 = warta::render::Memory::default();
        let again = pipeline::make(root, &opts, &sink2, &|_| {});
        if fingerprint(&again, &sink2.into_files()) != fingerprint(&made, &files) {
            problems.push(problem(
                "nondeterministic",
                "",
                "two runs on the same site differ",
            ));
        }
    }
    Found {
        errors: made.diags.iter().filter(|d| d.is_error()).count(),
        problems,
    }
}

fn fingerprint(
    m: &pipeline::Made,
    files: &[warta::render::OutFile],
) -> (String, Vec<(String, u64)>) {
    use std::hash::{Hash, Hasher};
    let files = files
        .iter()
        .map(|f| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            f.bytes.hash(&mut h);
            (f.path.clone(), h.finish())
        })
        .collect();
    // Every diagnostic whole (ids, arguments, spans): the same in any
    // language, and not cut at the 200 that are printed.
    (format!("{:?}", m.diags), files)
}

/// Every span lies inside its file on character boundaries, and both
/// printed forms (plain and rich) can be made.
fn check_diagnostics(diags: &[Diagnostic], files: &SourceMap) -> Vec<Problem> {
    let mut out = Vec::new();
    for d in diags {
        let spans = d.span.iter().chain(d.related.iter().map(|(s, _)| s));
        for s in spans {
            if s.file.0 as usize >= files.len() {
                out.push(problem(
                    "span",
                    "no such file",
                    format!(
                        "file id {} of {}: {}",
                        s.file.0,
                        files.len(),
                        d.message.en()
                    ),
                ));
                continue;
            }
            let text = &files.get(s.file).text;
            let r = &s.range;
            if r.start > r.end
                || r.end > text.len()
                || !text.is_char_boundary(r.start)
                || !text.is_char_boundary(r.end)
            {
                out.push(problem(
                    "span",
                    d.code(),
                    format!(
                        "{}: span {r:?} in a file of {} bytes: {}",
                        files.path(s.file).display(),
                        text.len(),
                        d.message.en()
                    ),
                ));
            }
        }
    }
    if out.is_empty() {
        // Both languages: every message renders with its arguments (a
        // missing one is a debug assertion in `Catalog::text`).
        for lang in [Lang::Id, Lang::En] {
            let cat = Catalog::new(lang);
            let _ = warta::diag::render_plain(diags, files, &cat);
            let config = codespan_reporting::term::Config::default();
            for d in diags.iter().take(200) {
                let cs = to_codespan(d, &cat);
                if let Err(e) = codespan_reporting::term::emit_into_string(&config, files, &cs) {
                    out.push(problem(
                        "span",
                        "rich form",
                        format!("the rich form cannot be printed: {e}: {}", d.message.en()),
                    ));
                }
            }
        }
    }
    out
}

/// As `diag::emit` builds it for a terminal.
fn to_codespan(d: &Diagnostic, cat: &Catalog) -> codespan_reporting::diagnostic::Diagnostic<u32> {
    use codespan_reporting::diagnostic::{Diagnostic as Cs, Label, Severity};
    let mut labels = Vec::new();
    if let Some(s) = &d.span {
        labels.push(Label::primary(s.file.0, s.range.clone()));
    }
    for (s, l) in &d.related {
        labels.push(Label::secondary(s.file.0, s.range.clone()).with_message(cat.text(l)));
    }
    let sev = if d.is_error() {
        Severity::Error
    } else {
        Severity::Warning
    };
    Cs::new(sev)
        .with_code(d.code())
        .with_message(cat.text(&d.message))
        .with_labels(labels)
        .with_notes(d.help.iter().map(|h| cat.text(h)).collect())
}

/// Pages hold no script from content or data; feeds and sitemaps parse.
fn check_file(path: &str, bytes: &[u8], markup: bool) -> Vec<Problem> {
    let mut out = Vec::new();
    let Ok(text) = std::str::from_utf8(bytes) else {
        if path.ends_with(".html") || path.ends_with(".xml") {
            out.push(problem(
                "output",
                "not UTF-8",
                format!("{path} is not UTF-8"),
            ));
        }
        return out;
    };
    if path.ends_with(".xml") {
        if let Err(e) = roxmltree::Document::parse(text) {
            let kind = e
                .to_string()
                .split(['\'', '`'])
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            out.push(problem(
                "xml",
                kind,
                format!("{path} is not well-formed XML: {e}"),
            ));
        }
    }
    if !path.ends_with(".html") {
        return out;
    }
    for tag in html::tags(text) {
        let json = tag.attr("type").is_some_and(|t| t.contains("json"));
        if tag.name == "script"
            && json
            && serde_json::from_str::<serde_json::Value>(&tag.text).is_err()
        {
            out.push(problem(
                "markup",
                "JSON-LD",
                format!(
                    "{path}:{}: a JSON-LD script that is not JSON (broken out of?)",
                    tag.line
                ),
            ));
        }
        if !markup {
            continue;
        }
        if tag.name == "script" && !json && tag.text.contains("FUZZX") {
            out.push(problem(
                "markup",
                "<script>",
                format!("{path}:{}: <script> from content", tag.line),
            ));
        }
        for (name, value) in &tag.attrs {
            let v: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            let script_url = ["javascript:", "vbscript:", "data:text/html"]
                .iter()
                .any(|s| v.starts_with(s));
            if (name.starts_with("on") || script_url) && value.contains("FUZZX") {
                let key = if script_url {
                    format!("script URL in {name}")
                } else {
                    "event handler attribute".into()
                };
                out.push(problem(
                    "markup",
                    key,
                    format!(
                        "{path}:{}: <{} {name}=\"{}\">",
                        tag.line,
                        tag.name,
                        warta::diag::shorten(value)
                    ),
                ));
            }
        }
    }
    out
}

/// The frames of a backtrace that are warta's or a dependency's, without
/// the panic machinery and the test harness around them.
fn short_backtrace(bt: &str) -> String {
    let mut out = Vec::new();
    let mut lines = bt.lines().peekable();
    while let Some(l) = lines.next() {
        let frame = l.trim_start();
        let interesting = !(frame.contains("std::")
            || frame.contains("core::")
            || frame.contains("rayon_core::")
            || frame.contains("__rust")
            || frame.contains("test::")
            || frame.contains("fuzz::worker"));
        if frame
            .split(':')
            .next()
            .is_some_and(|n| n.trim().parse::<u32>().is_ok())
            && interesting
        {
            let at = lines
                .peek()
                .filter(|n| n.trim_start().starts_with("at "))
                .map(|n| n.trim())
                .unwrap_or("");
            out.push(format!("  {frame} {at}"));
        }
        if out.len() >= 25 {
            break;
        }
    }
    out.join("\n")
}

/// Resets the peak resident size (VmHWM) to the current size.
fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn peak_memory_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// CPU time of this process (all threads), from /proc (clock ticks of
/// 10 ms, as on every Linux the project runs on).
fn cpu_ms() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit_once(") ").map_or("", |(_, r)| r);
    let f: Vec<u64> = rest.split(' ').map(|x| x.parse().unwrap_or(0)).collect();
    (f.get(11).unwrap_or(&0) + f.get(12).unwrap_or(&0)) * 10
}
