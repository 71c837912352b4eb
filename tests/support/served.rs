//! Shared by the tests of `warta serve`'s partial rebuilds: what a full
//! build publishes, in memory, and the check that the engine serves exactly
//! that; editing one line of a record's file.
#![allow(dead_code)] // each test uses a different part of it

use std::collections::HashMap;
use std::path::Path;
use warta::serve::engine::Engine;
use warta::site::ResolveOptions;

/// What `warta build` would publish, in memory: output path → bytes.
pub fn full_build(root: &Path, opts: ResolveOptions) -> HashMap<String, Vec<u8>> {
    let checked = warta::pipeline::check(root, opts);
    assert!(!checked.diags.has_errors(), "the site has errors");
    let mut files = checked.files;
    let site = checked.site;
    let theme =
        warta::load::theme::load_theme(root, &site.config.theme, &site.config.language, &mut files)
            .expect("theme");
    let rendered = warta::render::render(&site, &theme).expect("render");
    let mut map: HashMap<String, Vec<u8>> = rendered
        .files
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect();
    for (src, url) in &site.assets {
        map.insert(
            url.trim_start_matches('/').to_string(),
            std::fs::read(root.join(src)).unwrap(),
        );
    }
    map
}

/// The engine serves byte for byte what a full build of `root` makes with
/// its options; otherwise fails naming every file missing, extra or
/// different after `step`.
pub fn assert_served_as_built(engine: &Engine, root: &Path, step: &str) {
    let expected = full_build(root, engine.options());
    let served = engine.served();
    let served = served.read().unwrap();
    let mut missing: Vec<&String> = expected
        .keys()
        .filter(|k| !served.files.contains_key(*k))
        .collect();
    missing.sort();
    let mut extra: Vec<&String> = served
        .files
        .keys()
        .filter(|k| !expected.contains_key(*k))
        .collect();
    extra.sort();
    let mut differ: Vec<&String> = expected
        .iter()
        .filter(|(k, v)| served.files.get(*k).is_some_and(|s| s[..] != v[..]))
        .map(|(k, _)| k)
        .collect();
    differ.sort();
    assert!(
        missing.is_empty() && extra.is_empty() && differ.is_empty(),
        "{step}: missing {missing:?}, extra {extra:?}, different {differ:?}"
    );
}

/// Replaces every line of `path` that starts with `key` by `line`.
pub fn set_line(path: &Path, key: &str, line: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let out: Vec<&str> = text
        .lines()
        .map(|l| if l.starts_with(key) { line } else { l })
        .collect();
    std::fs::write(path, out.join("\n") + "\n").unwrap();
}
