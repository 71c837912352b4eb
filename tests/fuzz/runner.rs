//! Running cases and judging them: in-process through a worker process
//! (see worker.rs), or through the binary under a memory limit; exit 0/1
//! is fine, anything else is a finding.

use super::case::{Case, Mode};
use super::worker::Request;
use std::io::{BufRead, BufReader, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

pub const WORKER_ENV: &str = "WARTA_FUZZ_WORKER";

#[derive(Clone, Debug)]
pub struct Limits {
    /// Wall-clock time after which a case is a hang and is killed.
    pub timeout: Duration,
    /// CPU time of one in-process case past which it is too slow.
    pub slow_cpu_ms: u64,
    /// Peak resident memory of one in-process case.
    pub peak_kb: u64,
    /// Address-space limit of the worker process (a safety net).
    pub worker_as: u64,
    /// Address-space limit of the binary: running out of it is a finding.
    pub binary_as: u64,
}

#[derive(Clone, Debug)]
pub struct Finding {
    /// panic, crash, exit, hang, slow, memory, span, markup, xml, output,
    /// nondeterministic.
    pub class: String,
    /// What tells two findings of a class apart (e.g. the panic's place).
    pub key: String,
    pub detail: String,
}

impl Finding {
    fn new(class: &str, key: impl Into<String>, detail: impl Into<String>) -> Finding {
        Finding {
            class: class.into(),
            key: key.into(),
            detail: detail.into(),
        }
    }

    pub fn signature(&self) -> String {
        if self.key.is_empty() {
            self.class.clone()
        } else {
            format!("{}: {}", self.class, self.key)
        }
    }
}

/// What a case did, for the summary.
#[derive(Default, Debug)]
pub struct Outcome {
    pub findings: Vec<Finding>,
    /// Exit status the binary had or would have had (0 ok, 1 site errors).
    pub exit: Option<i32>,
    pub cpu_ms: u64,
    pub peak_kb: u64,
    /// What the binary printed on stderr (binary runs only).
    pub stderr: String,
}

/// A command under an address-space limit: prlimit (util-linux) when
/// there, else `ulimit -v` in sh.
fn limited(program: &Path, bytes: u64) -> Command {
    static PRLIMIT: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let prlimit = *PRLIMIT.get_or_init(|| {
        Command::new("prlimit")
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    });
    if prlimit {
        let mut c = Command::new("prlimit");
        c.arg(format!("--as={bytes}")).arg("--").arg(program);
        c
    } else {
        let mut c = Command::new("sh");
        c.args([
            "-c",
            "ulimit -v \"$0\" && exec \"$@\"",
            &(bytes / 1024).to_string(),
        ])
        .arg(program);
        c
    }
}

struct Worker {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
    stderr: PathBuf,
}

pub struct Runner {
    dir: PathBuf,
    limits: Limits,
    worker: Option<Worker>,
    spawned: usize,
}

impl Runner {
    pub fn new(dir: &Path, limits: Limits) -> Runner {
        Runner {
            dir: dir.to_path_buf(),
            limits,
            worker: None,
            spawned: 0,
        }
    }

    fn spawn(&mut self) -> &mut Worker {
        if self.worker.is_none() {
            self.spawned += 1;
            let stderr = self.dir.join(format!("worker-{}.stderr", self.spawned));
            let exe = std::env::current_exe().expect("current exe");
            let mut child = limited(&exe, self.limits.worker_as)
                .args([
                    "fuzz_worker",
                    "--exact",
                    "--ignored",
                    "--nocapture",
                    "--test-threads=1",
                    "--quiet",
                ])
                .env(WORKER_ENV, "1")
                // Fewer malloc arenas: address space the limit would count.
                .env("MALLOC_ARENA_MAX", "2")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(std::fs::File::create(&stderr).expect("worker stderr"))
                .spawn()
                .expect("start the fuzz worker");
            let stdin = child.stdin.take().unwrap();
            let stdout = child.stdout.take().unwrap();
            let (tx, lines) = mpsc::channel();
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines() {
                    let Ok(line) = line else { break };
                    if let Some(report) = line.strip_prefix("@fuzz ") {
                        if tx.send(report.to_string()).is_err() {
                            break;
                        }
                    }
                }
            });
            self.worker = Some(Worker {
                child,
                stdin,
                lines,
                stderr,
            });
        }
        self.worker.as_mut().unwrap()
    }

    /// Runs a case written at `site`, with `timeout` (the limit's unless
    /// reducing a slow case).
    pub fn run(&mut self, case: &Case, site: &Path, twice: bool, timeout: Duration) -> Outcome {
        match case.mode {
            Mode::Binary => self.run_binary(case, site, timeout),
            Mode::Make | Mode::Check => self.run_in_process(case, site, twice, timeout),
        }
    }

    fn run_in_process(
        &mut self,
        case: &Case,
        site: &Path,
        twice: bool,
        timeout: Duration,
    ) -> Outcome {
        // Hangs and blow-ups carry no place: tell them apart by input kind.
        let kind = &format!("{:?}", case.kind);
        let req = Request {
            mode: if case.mode == Mode::Check {
                "check"
            } else {
                "make"
            }
            .into(),
            drafts: case.drafts,
            markup: case.markup,
            twice,
            dir: site.to_string_lossy().into_owned(),
        };
        let limits = self.limits.clone();
        let w = self.spawn();
        let from = std::fs::metadata(&w.stderr).map_or(0, |m| m.len());
        let sent = w
            .stdin
            .write_all(req.line().as_bytes())
            .and_then(|_| w.stdin.flush());
        let answer = match sent {
            Ok(()) => w.lines.recv_timeout(timeout),
            Err(_) => Err(RecvTimeoutError::Disconnected),
        };
        let mut out = Outcome::default();
        match answer {
            Ok(json) => {
                let r: serde_json::Value = serde_json::from_str(&json).expect("worker report");
                out.cpu_ms = r["cpu_ms"].as_u64().unwrap_or(0);
                out.peak_kb = r["peak_kb"].as_u64().unwrap_or(0);
                if r["status"] == "panic" {
                    let text = r["panic"].as_str().unwrap_or("").to_string();
                    out.findings
                        .push(Finding::new("panic", panic_place(&text), text));
                } else {
                    out.exit = Some(if r["errors"].as_u64().unwrap_or(0) > 0 {
                        1
                    } else {
                        0
                    });
                    for p in r["problems"].as_array().into_iter().flatten() {
                        let field = |i: usize| p[i].as_str().unwrap_or("").to_string();
                        out.findings
                            .push(Finding::new(&field(0), field(1), field(2)));
                    }
                }
                if out.cpu_ms > limits.slow_cpu_ms {
                    out.findings.push(Finding::new(
                        "slow",
                        kind,
                        format!(
                            "{} ms of CPU time (limit {} ms)",
                            out.cpu_ms, limits.slow_cpu_ms
                        ),
                    ));
                }
                if out.peak_kb > limits.peak_kb {
                    out.findings.push(Finding::new(
                        "memory",
                        kind,
                        format!(
                            "peak resident memory {} MB (limit {} MB)",
                            out.peak_kb / 1024,
                            limits.peak_kb / 1024
                        ),
                    ));
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                let mut w = self.worker.take().unwrap();
                let _ = w.child.kill();
                let _ = w.child.wait();
                out.findings.push(Finding::new(
                    "hang",
                    kind,
                    format!("no answer within {} s (killed)", timeout.as_secs()),
                ));
            }
            Err(RecvTimeoutError::Disconnected) => {
                let mut w = self.worker.take().unwrap();
                let status = w.child.wait().map(|s| describe(&s)).unwrap_or_default();
                let err = tail(&w.stderr, from);
                out.findings
                    .push(crash(&status, &err, "the in-process worker"));
            }
        }
        out
    }

    fn run_binary(&mut self, case: &Case, site: &Path, timeout: Duration) -> Outcome {
        let kind = &format!("{:?}", case.kind);
        let err_path = site.with_extension("stderr");
        let mut cmd = limited(
            Path::new(env!("CARGO_BIN_EXE_warta")),
            self.limits.binary_as,
        );
        cmd.arg("--root")
            .arg(site)
            .args(["--messages", "plain", "check"]);
        // The binary's allocator is mimalloc, which reserves a 1 GiB arena
        // of address space up front: the limit (2 GB by default) only
        // stops a runaway, real memory is the peak-RSS oracle's.
        if case.drafts {
            cmd.arg("--drafts");
        }
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&err_path).expect("stderr file"))
            .spawn()
            .expect("run warta");
        let started = Instant::now();
        let mut peak_kb = 0;
        let status = loop {
            // The peak so far, read while the process is there to read.
            peak_kb = peak_kb.max(peak_of(child.id()));
            if let Some(s) = child.try_wait().expect("wait") {
                break Some(s);
            }
            if started.elapsed() > timeout {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let err = tail(&err_path, 0);
        let _ = std::fs::remove_file(&err_path);
        let mut out = Outcome {
            peak_kb,
            ..Outcome::default()
        };
        if peak_kb > self.limits.peak_kb {
            out.findings.push(Finding::new(
                "memory",
                kind,
                format!(
                    "warta check: peak resident memory {} MB (limit {} MB)",
                    peak_kb / 1024,
                    self.limits.peak_kb / 1024
                ),
            ));
        }
        match status {
            None => out.findings.push(Finding::new(
                "hang",
                kind,
                format!("warta check ran over {} s (killed)", timeout.as_secs()),
            )),
            Some(s) => {
                out.exit = s.code();
                if err.contains("panicked at") {
                    out.findings
                        .push(Finding::new("panic", panic_place(&err), err.clone()));
                } else if !matches!(s.code(), Some(0 | 1)) {
                    out.findings.push(crash(&describe(&s), &err, "warta check"));
                }
                out.stderr = err;
            }
        }
        out
    }
}

impl Drop for Runner {
    fn drop(&mut self) {
        if let Some(mut w) = self.worker.take() {
            drop(w.stdin);
            let _ = w.child.wait();
        }
    }
}

/// VmHWM of a running process, in KB (0 once it has gone).
fn peak_of(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn describe(s: &std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (s.code(), s.signal()) {
        (Some(c), _) => format!("exit status {c}"),
        (None, Some(sig)) => format!("signal {sig}"),
        _ => "unknown".into(),
    }
}

fn crash(status: &str, stderr: &str, who: &str) -> Finding {
    let key = if stderr.contains("overflowed its stack") {
        "stack overflow".to_string()
    } else if stderr.contains("memory allocation of") || stderr.contains("capacity overflow") {
        "out of memory".to_string()
    } else {
        status.to_string()
    };
    let class = if status.starts_with("exit status") && key == status {
        "exit"
    } else {
        "crash"
    };
    Finding::new(class, key, format!("{who} ended with {status}\n{stderr}"))
}

/// `src/x.rs:12` from "panicked at src/x.rs:12:5:".
fn panic_place(text: &str) -> String {
    text.split("panicked at ")
        .nth(1)
        .and_then(|r| r.split(['\n', ' ']).next())
        .map(|p| {
            p.trim_end_matches(':')
                .rsplit_once(':')
                .map_or(p, |x| x.0)
                .to_string()
        })
        .unwrap_or_default()
}

/// The end of a stderr file from byte `from` (at most 4 KB).
fn tail(path: &Path, from: u64) -> String {
    let mut s = String::new();
    if let Ok(mut f) = std::fs::File::open(path) {
        let len = f.metadata().map_or(0, |m| m.len());
        let start = from.max(len.saturating_sub(4096));
        let _ = f.seek(std::io::SeekFrom::Start(start));
        let mut bytes = Vec::new();
        let _ = f.read_to_end(&mut bytes);
        s = String::from_utf8_lossy(&bytes).into_owned();
    }
    s
}
