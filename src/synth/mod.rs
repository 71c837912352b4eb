//! Synthetic sites: a valid site of any size, for benchmarks and tests.
//!
//! [`generate`] is pure: the same [`SynthOptions`] always give the same files,
//! byte for byte (a tiny inline splitmix64 generator, no global state, no
//! clock). [`write`] puts them in a folder. The regions are the real ones of
//! the example site (embedded in the binary), so every regency can be named;
//! everything else (libraries, news, stories, events, awards, reports) is
//! made up but follows the site contract, so `warta check` passes with no
//! error and no warning. All dates are on or before 2025-12-31.

mod content;
mod records;
mod regions;
mod rng;
mod words;

use records::Libraries;
use rng::Rng;
use std::path::Path;

/// The provinces of the example site, as shipped.
pub const PROVINCES_YAML: &str = include_str!("../../data/provinces.yaml");
/// The regencies and cities of the example site, as shipped.
pub const REGENCIES_YAML: &str = include_str!("../../data/regencies.yaml");

/// A 1×1 transparent PNG: the image every synthetic photo points at.
const PNG_1X1: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x64, 0x60, 0xf8, 0x5f,
    0x0f, 0x00, 0x02, 0x87, 0x01, 0x80, 0xeb, 0x47, 0xba, 0x92, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthOptions {
    pub libraries: usize,
    pub posts: usize,
    pub stories: usize,
    pub seed: u64,
}

/// What was generated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SynthSummary {
    pub files: usize,
    pub bytes: u64,
    /// Provinces with at least one library (one libraries file each).
    pub provinces: usize,
    pub libraries: usize,
    pub posts: usize,
    pub stories: usize,
    /// Published events (one more is a draft).
    pub events: usize,
    pub awards: usize,
    pub reports: usize,
}

/// A generated site: files (path relative to the site root, `/`-separated,
/// and contents) in a fixed order, and what they hold.
#[derive(Debug, Clone)]
pub struct SynthSite {
    pub files: Vec<(String, Vec<u8>)>,
    pub summary: SynthSummary,
}

/// Generates a site. Errors only on options that cannot make a valid site
/// (stories without any library to tell them about).
pub fn generate(opts: &SynthOptions) -> Result<SynthSite, String> {
    if opts.stories > 0 && opts.libraries == 0 {
        return Err("stories need at least one library: use --libraries 1 or more".into());
    }
    let mut rng = Rng::new(opts.seed);
    let (provinces, regencies) = regions::regions();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    fn add(files: &mut Vec<(String, Vec<u8>)>, path: String, text: String) {
        files.push((path, text.into_bytes()));
    }

    add(
        &mut files,
        "data/site.yaml".into(),
        records::site_yaml(opts),
    );
    add(
        &mut files,
        "data/provinces.yaml".into(),
        PROVINCES_YAML.to_string(),
    );
    add(
        &mut files,
        "data/regencies.yaml".into(),
        REGENCIES_YAML.to_string(),
    );

    let Libraries {
        libs,
        libs_of,
        with_libs,
    } = records::libraries(&mut rng, opts.libraries, &provinces, &regencies, &mut files);
    let (events, events_of) = content::events(
        &mut rng, opts.posts, &provinces, &regencies, &with_libs, &mut files,
    );

    // News posts: mostly about one province and some of its libraries; some
    // report on an event; every fiftieth is a page bundle with its own photo.
    for i in 0..opts.posts {
        let (path, text, bundle) = content::post(
            &mut rng, i, &provinces, &libs, &libs_of, &with_libs, &events, &events_of,
        );
        if let Some(dir) = bundle {
            files.push((format!("{dir}/foto.png"), PNG_1X1.to_vec()));
        }
        add(&mut files, path, text);
    }

    for i in 0..opts.stories {
        let (path, text) = content::story(&mut rng, i, &libs);
        add(&mut files, path, text);
    }

    let (awards_text, n_awards) = records::awards(&mut rng, &provinces, &libs, &libs_of, &events);
    if n_awards > 0 {
        add(&mut files, "data/awards.yaml".into(), awards_text);
    }
    let (reports, n_reports) =
        records::reports(&mut rng, &provinces, &libs_of, &with_libs, &events);
    for (path, text) in reports {
        add(&mut files, path, text);
    }
    add(
        &mut files,
        "content/tentang.md".into(),
        content::about_page(opts),
    );
    files.push(("static/images/perpustakaan.png".into(), PNG_1X1.to_vec()));
    files.push(("static/images/berita.png".into(), PNG_1X1.to_vec()));

    let summary = SynthSummary {
        files: files.len(),
        bytes: files.iter().map(|(_, b)| b.len() as u64).sum(),
        provinces: with_libs.len(),
        libraries: libs.len(),
        posts: opts.posts,
        stories: opts.stories,
        events: events.iter().filter(|e| !e.draft).count(),
        awards: n_awards,
        reports: n_reports,
    };
    Ok(SynthSite { files, summary })
}

/// Generates the site and writes it under `out` (created if needed).
/// Does not check that `out` is empty: the caller decides.
pub fn write(out: &Path, opts: &SynthOptions) -> Result<SynthSummary, String> {
    let site = generate(opts)?;
    let mut dirs: Vec<&str> = site
        .files
        .iter()
        .filter_map(|(p, _)| p.rsplit_once('/').map(|(d, _)| d))
        .collect();
    dirs.sort_unstable();
    dirs.dedup();
    for d in dirs {
        let dir = out.join(d);
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    for (p, bytes) in &site.files {
        let path = out.join(p);
        std::fs::write(&path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(site.summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::ResolveOptions;
    use std::collections::HashSet;

    fn opts(libraries: usize, posts: usize, stories: usize, seed: u64) -> SynthOptions {
        SynthOptions {
            libraries,
            posts,
            stories,
            seed,
        }
    }

    fn check_clean(o: &SynthOptions) -> crate::pipeline::Checked {
        let dir = tempfile::tempdir().unwrap();
        let summary = write(dir.path(), o).unwrap();
        let checked = crate::pipeline::check(dir.path(), ResolveOptions::default());
        let diags: Vec<_> = checked.diags.iter().cloned().collect();
        let shown: Vec<String> = diags
            .iter()
            .map(|d| {
                let at = d
                    .span
                    .as_ref()
                    .map_or(String::new(), |s| checked.files.location(s));
                format!(
                    "{at}: {} ({:?})",
                    d.message.en(),
                    d.help.as_ref().map(|h| h.en())
                )
            })
            .collect();
        assert!(
            diags.is_empty(),
            "synthetic site has problems:\n{}",
            shown.join("\n")
        );
        assert_eq!(checked.site.libraries.len(), summary.libraries);
        assert_eq!(checked.site.posts.len(), summary.posts);
        assert_eq!(checked.site.stories.len(), summary.stories);
        assert_eq!(checked.site.events.len(), summary.events);
        assert_eq!(checked.site.awards.len(), summary.awards);
        assert_eq!(checked.site.reports.len(), summary.reports);
        checked
    }

    #[test]
    fn small_site_checks_clean() {
        let c = check_clean(&opts(40, 120, 20, 7));
        assert!(c.site.posts.iter().any(|p| p.event.is_some()));
        assert!(c.site.posts.iter().any(|p| p.image.is_some()));
        assert!(!c.site.awards.is_empty());
    }

    #[test]
    fn every_regency_can_be_named() {
        // More libraries than regencies: each regency is used, in every form.
        let c = check_clean(&opts(600, 10, 5, 3));
        assert!(c.site.regencies.iter().all(|r| !r.libraries.is_empty()));
        assert_eq!(
            c.site
                .provinces
                .iter()
                .filter(|p| !p.libraries.is_empty())
                .count(),
            38
        );
    }

    #[test]
    fn tiny_and_empty_sites_check_clean() {
        check_clean(&opts(1, 1, 1, 0));
        check_clean(&opts(0, 0, 0, 0));
        check_clean(&opts(2, 0, 0, u64::MAX));
        assert!(generate(&opts(0, 5, 1, 0)).is_err());
    }

    #[test]
    fn deterministic_for_a_seed() {
        let a = generate(&opts(30, 60, 10, 42)).unwrap();
        let b = generate(&opts(30, 60, 10, 42)).unwrap();
        assert_eq!(a.files, b.files);
        assert_eq!(a.summary, b.summary);
        let c = generate(&opts(30, 60, 10, 43)).unwrap();
        assert_ne!(a.files, c.files);
        let paths: HashSet<&str> = a.files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths.len(), a.files.len(), "no file is written twice");
    }
}
