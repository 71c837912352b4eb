//! Running a plan: the jobs (one per source, each with every output made
//! from it), and making what the cache lacks, one decoded source per worker.

use super::plan::{Plan, ResizeOp};
use super::report::problem_diag;
use super::select::{self, Fit, Format};
use super::source::{self, Probe, Problem};
use super::{cache, card, encode, CardSpec, ImageUse};
use crate::diag::Diagnostic;
use image::DynamicImage;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// Every output of `plan`, grouped by the source it is made from.
pub(super) fn jobs(plan: &Plan) -> Vec<Job> {
    let late = plan.late.lock().unwrap();
    let mut by_source: BTreeMap<String, Job> = BTreeMap::new();
    for (source, e) in plan.sources.iter().chain(late.sources.iter()) {
        let Ok(probe) = &e.probe else { continue };
        let job = by_source.entry(source.clone()).or_insert_with(|| Job {
            source: Some((source.clone(), probe.clone(), e.uses.clone())),
            outs: Vec::new(),
        });
        for &(w, h) in &e.variants {
            for f in [Format::WebP, e.fallback] {
                job.outs.push(Out {
                    name: select::variant_name(&e.tag, w, f),
                    task: Task::Variant {
                        width: w,
                        height: h,
                        format: f,
                    },
                });
            }
        }
    }
    for op in late.resizes.values() {
        if let Some(job) = by_source.get_mut(&op.source) {
            job.outs.push(Out {
                name: op.name.clone(),
                task: Task::Resize(op.clone()),
            });
        }
    }
    let mut plain = Vec::new();
    for c in plan.cards.values() {
        let out = Out {
            name: c.name.clone(),
            task: Task::Card(c.spec.clone()),
        };
        match c.photo.as_ref().and_then(|p| by_source.get_mut(p)) {
            Some(job) => job.outs.push(out),
            None => plain.push(out),
        }
    }
    let page_cards = plan.page_cards.lock().unwrap_or_else(|e| e.into_inner());
    plain.extend(page_cards.iter().map(|(name, spec)| Out {
        name: name.clone(),
        task: Task::Card(spec.clone()),
    }));
    drop(page_cards);
    let mut jobs: Vec<Job> = by_source.into_values().collect();
    // Cards without a photo share one background: a job draws it once for
    // a batch of them (and the batches still spread over the workers).
    plain.sort_by(|a, b| a.name.cmp(&b.name));
    plain.dedup_by(|a, b| a.name == b.name);
    let mut plain = plain.into_iter().peekable();
    while plain.peek().is_some() {
        jobs.push(Job {
            source: None,
            outs: plain.by_ref().take(CARDS_PER_JOB).collect(),
        });
    }
    // Each file is made once: sources with the same bytes (a photo copied
    // into several page bundles) have the same output names, and only the
    // first job keeps them; a job left with nothing to make is dropped.
    let mut claimed = HashSet::new();
    for j in &mut jobs {
        j.outs.sort_by(|a, b| a.name.cmp(&b.name));
        j.outs.retain(|o| claimed.insert(o.name.clone()));
    }
    jobs.retain(|j| !j.outs.is_empty());
    jobs
}

/// Cards without a photo per job: drawing their shared background costs
/// about as much as a few cards.
const CARDS_PER_JOB: usize = 256;

#[derive(Debug)]
pub(super) struct Job {
    pub source: Option<(String, Probe, Vec<ImageUse>)>,
    pub outs: Vec<Out>,
}

#[derive(Debug)]
pub(super) struct Out {
    pub name: String,
    pub task: Task,
}

#[derive(Debug)]
pub(super) enum Task {
    Variant {
        width: u32,
        height: u32,
        format: Format,
    },
    Resize(ResizeOp),
    Card(CardSpec),
}

#[derive(Debug, Default)]
pub(super) struct JobResult {
    pub processed: usize,
    pub cached: usize,
    pub decoded: bool,
    pub diag: Option<Diagnostic>,
}

pub(super) fn read(path: &Path) -> Result<Vec<u8>, Problem> {
    std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Problem::Missing,
        _ => Problem::Unreadable(e.to_string()),
    })
}

fn decode(plan: &Plan, source: &str, probe: &Probe) -> Result<DynamicImage, Problem> {
    read(&plan.site_root.join(source))
        .and_then(|bytes| source::decode(&bytes, probe, plan.settings.guard()))
}

/// What [`run_job`] would report about `job`'s source, writing nothing:
/// decodes the source only when none of its outputs is cached (a cached
/// output is named by the source's content hash, so that source decoded
/// before). `(diagnostic, decoded)`.
pub(super) fn verify_job(plan: &Plan, job: &Job) -> (Option<Diagnostic>, bool) {
    let Some((source, probe, uses)) = &job.source else {
        return (None, false);
    };
    if job
        .outs
        .iter()
        .any(|o| plan.cache_dir.join(&o.name).is_file())
    {
        return (None, false);
    }
    let diag = decode(plan, source, probe)
        .err()
        .map(|p| problem_diag(source, uses, &p));
    (diag, true)
}

/// Makes the outputs of one job that the cache lacks. Holds at most one
/// decoded source (plus one output) in memory.
pub(super) fn run_job(plan: &Plan, job: &Job) -> JobResult {
    let dir = &plan.cache_dir;
    let mut r = JobResult::default();
    let missing: Vec<&Out> = job
        .outs
        .iter()
        .filter(|o| !dir.join(&o.name).is_file())
        .collect();
    r.cached = job.outs.len() - missing.len();
    if missing.is_empty() {
        return r;
    }
    let q = plan.settings.quality();
    let fail = |source: &str, uses: &[ImageUse], p: Problem| problem_diag(source, uses, &p);
    let mut img: Option<DynamicImage> = None;
    let mut orientation = 1;
    if let Some((source, probe, uses)) = &job.source {
        match decode(plan, source, probe) {
            Ok(i) => {
                img = Some(i);
                orientation = probe.orientation;
                r.decoded = true;
            }
            Err(p) => {
                r.diag = Some(fail(source, uses, p));
                return r;
            }
        }
    }
    let mut emit = |o: &Out, made: Result<Vec<u8>, String>| {
        let written = made.and_then(|bytes| {
            cache::write_atomic(dir, &o.name, &bytes)
                .map_err(|e| format!("cannot write {}: {e}", dir.join(&o.name).display()))
        });
        match written {
            Ok(()) => r.processed += 1,
            Err(e) => {
                let d = match &job.source {
                    Some((source, _, uses)) => fail(source, uses, Problem::Unreadable(e)),
                    None => Diagnostic::global(crate::msg!(
                        "social-card-failed",
                        card = &o.name,
                        error = e
                    )),
                };
                r.diag.get_or_insert(d);
            }
        }
    };
    // Responsive variants, largest first, each size resized once for all
    // its formats: the largest from the stored pixels (resized before it is
    // turned, which is cheaper and needs no second full-size copy), each
    // smaller one from the one above it (a fraction of the work, no
    // visible difference).
    type Size<'a> = (u32, Vec<(&'a Out, Format)>);
    let mut sizes: BTreeMap<std::cmp::Reverse<u32>, Size> = BTreeMap::new();
    let mut others: Vec<&Out> = Vec::new();
    for o in missing {
        match o.task {
            Task::Variant {
                width,
                height,
                format,
            } => sizes
                .entry(std::cmp::Reverse(width))
                .or_insert((height, Vec::new()))
                .1
                .push((o, format)),
            _ => others.push(o),
        }
    }
    let mut above: Option<DynamicImage> = None;
    for (std::cmp::Reverse(w), (h, outs)) in sizes {
        let small = match (&above, img.as_ref()) {
            (Some(a), _) => encode::resize(a, w, h, None),
            (None, Some(i)) => {
                let (rw, rh) = if orientation >= 5 { (h, w) } else { (w, h) };
                encode::resize(i, rw, rh, None).map(|mut s| {
                    source::orient(&mut s, orientation);
                    s
                })
            }
            (None, None) => Err("internal: no source for a variant".to_string()),
        };
        match small {
            Ok(s) => {
                for (o, f) in outs {
                    emit(o, encode::encode(&s, f, q));
                }
                above = Some(s);
            }
            Err(e) => {
                for (o, _) in outs {
                    emit(o, Err(e.clone()));
                }
            }
        }
    }
    drop(above);
    // Crops and cards work on the turned full image.
    if !others.is_empty() && orientation != 1 {
        if let Some(i) = img.as_mut() {
            source::orient(i, orientation);
        }
    }
    // One base per label (in practice one: the site's title) for all the
    // cards of this job.
    let mut bases: HashMap<Option<&str>, Result<card::Base, String>> = HashMap::new();
    for o in others {
        let made = match (&o.task, img.as_ref()) {
            (Task::Resize(op), Some(i)) => {
                let crop = match op.fit {
                    Fit::Cover => Some(select::cover_crop(
                        i.width(),
                        i.height(),
                        op.width,
                        op.height,
                    )),
                    Fit::Contain => None,
                };
                encode::resize(i, op.width, op.height, crop)
                    .and_then(|small| encode::encode(&small, op.format, q))
            }
            (Task::Card(spec), photo) => {
                let label = spec.label.as_deref();
                bases
                    .entry(label)
                    .or_insert_with(|| card::Base::new(photo, label, q.jpeg))
                    .as_ref()
                    .map_err(Clone::clone)
                    .and_then(|base| base.render(spec))
            }
            _ => Err("internal: no source for a request".to_string()),
        };
        emit(o, made);
    }
    r
}
