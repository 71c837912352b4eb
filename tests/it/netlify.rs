//! netlify.toml and the files `warta build` writes for Netlify (`_headers`,
//! `_redirects`), read by Netlify's own parsers (`netlify-headers-parser`,
//! `netlify-redirect-parser`, through scripts/gates/netlify-rules.mjs) and
//! checked against real builds (the example site, a synthetic one, a site
//! whose pages are named like warta's folders): every file gets exactly the
//! headers meant for it, once (immutable only for content-hashed names),
//! every page satisfies the Content-Security-Policy that applies to it, and
//! every library alias redirects to a page that exists.

use crate::devtools;
use crate::html;
use crate::support;

use devtools::skip_or_fail;
use html::tags;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use support::{run_in, TestSite};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn config() -> toml::Table {
    let text = std::fs::read_to_string(repo().join("netlify.toml")).unwrap();
    text.parse::<toml::Table>()
        .unwrap_or_else(|e| panic!("netlify.toml does not parse: {e}"))
}

fn files(out: &Path) -> Vec<String> {
    let mut v: Vec<String> = walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    v.sort();
    v
}

// ---------------------------------------------------------------- CSP ----

/// A policy: directive → its source list.
fn policy(text: &str) -> BTreeMap<String, Vec<String>> {
    text.split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut words = d.split_whitespace();
            let name = words.next().unwrap().to_ascii_lowercase();
            (name, words.map(str::to_string).collect())
        })
        .collect()
}

/// The sources of `directive`, falling back to `default-src` as CSP does.
fn sources<'a>(p: &'a BTreeMap<String, Vec<String>>, directive: &str) -> &'a [String] {
    p.get(directive)
        .or_else(|| p.get("default-src"))
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// Whether a URL written in a page (relative to its origin) is allowed.
fn allowed(sources: &[String], url: &str) -> bool {
    let url = url.trim();
    let same_origin = url.starts_with('/') && !url.starts_with("//")
        || !url.contains(':') && !url.starts_with("//");
    if same_origin {
        return sources.iter().any(|s| s == "'self'");
    }
    if url.starts_with("data:") {
        return sources.iter().any(|s| s == "data:");
    }
    sources.iter().any(|s| {
        if s == "https:" {
            url.starts_with("https://")
        } else if s.starts_with("https://") {
            // A host source, or a full URL (path-exact when it has one).
            let host_only = s.trim_start_matches("https://").find('/').is_none();
            if host_only {
                url.starts_with(&format!("{s}/"))
            } else {
                url == s || s.ends_with('/') && url.starts_with(s.as_str())
            }
        } else {
            false
        }
    })
}

/// Everything in one page the policy refuses, as readable lines.
fn violations(page: &str, html: &str, p: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    let mut bad = Vec::new();
    let refused = |directive: &str, what: &str, url: &str| {
        (!allowed(sources(p, directive), url))
            .then(|| format!("{page}: {what} `{url}` is refused by {directive}"))
    };
    let scripts = sources(p, "script-src");
    let styles = sources(p, "style-src");
    for t in tags(html) {
        for (name, value) in &t.attrs {
            if name.starts_with("on") {
                bad.push(format!(
                    "{page}: <{}> has an inline handler `{name}`",
                    t.name
                ));
            }
            if value
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("javascript:")
            {
                bad.push(format!("{page}: <{}> has a javascript: URL", t.name));
            }
            if name == "style" && !styles.iter().any(|s| s == "'unsafe-inline'") {
                bad.push(format!(
                    "{page}: <{} style=\"{value}\"> is refused by style-src",
                    t.name
                ));
            }
        }
        match t.name.as_str() {
            "script" => match t.attr("src") {
                Some(src) => bad.extend(refused("script-src", "script", src)),
                None => {
                    // Data blocks are never executed, so CSP allows them.
                    let data = matches!(
                        t.attr("type"),
                        Some("application/ld+json") | Some("application/json")
                    );
                    if !data && !scripts.iter().any(|s| s == "'unsafe-inline'") {
                        bad.push(format!(
                            "{page}: an inline <script> is refused by script-src: {}",
                            t.text.chars().take(60).collect::<String>()
                        ));
                    }
                }
            },
            "style" if !styles.iter().any(|s| s == "'unsafe-inline'") => {
                bad.push(format!("{page}: a <style> element is refused by style-src"));
            }
            "link" if t.attr("rel") == Some("stylesheet") => bad.extend(refused(
                "style-src",
                "stylesheet",
                t.attr("href").unwrap_or(""),
            )),
            "img" | "source" => {
                if let Some(src) = t.attr("src") {
                    bad.extend(refused("img-src", "image", src));
                }
                for part in t.attr("srcset").unwrap_or("").split(',') {
                    if let Some(url) = part.split_whitespace().next() {
                        bad.extend(refused("img-src", "image", url));
                    }
                }
            }
            "form" => bad.extend(refused(
                "form-action",
                "form",
                t.attr("action").unwrap_or("/"),
            )),
            "iframe" | "frame" => {
                bad.extend(refused("frame-src", "frame", t.attr("src").unwrap_or("")))
            }
            "object" | "embed" => bad.push(format!("{page}: <{}> is refused", t.name)),
            _ => {}
        }
    }
    bad
}

fn meta_policy(html: &str) -> Option<String> {
    tags(html)
        .into_iter()
        .find(|t| {
            t.name == "meta"
                && t.attr("http-equiv")
                    .is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy"))
        })
        .map(|t| t.attr("content").unwrap().to_string())
}

// --------------------------------------------------------------- tests ---

#[test]
fn build_settings_and_deploy_previews() {
    let c = config();
    let build = c["build"].as_table().unwrap();
    assert_eq!(build["publish"].as_str(), Some("public"));
    assert!(build["command"].as_str().unwrap().ends_with("-- build"));
    let preview = c["context"]["deploy-preview"]["command"].as_str().unwrap();
    assert!(preview.contains("build --drafts"), "{preview}");
    assert!(
        preview.contains("--base-url \"$DEPLOY_PRIME_URL\""),
        "{preview}"
    );
    let cached = c["plugins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["package"].as_str() == Some("netlify-plugin-cache"));
    let paths = cached.expect("the cache plugin")["inputs"]["paths"]
        .as_array()
        .unwrap();
    assert!(paths.iter().any(|p| p.as_str() == Some(".warta-cache")));
}

/// What Netlify's own parsers make of a built site
/// (scripts/gates/netlify-rules.mjs): every header of every file under
/// every URL it answers to. `None` (after `skip_or_fail`) without node or
/// the packages.
fn netlify_view(out: &Path) -> Option<serde_json::Value> {
    let gates = repo().join("scripts/gates");
    if !gates.join("node_modules/netlify-headers-parser").exists() {
        skip_or_fail("no netlify-headers-parser in scripts/gates/node_modules (run npm ci there)");
        return None;
    }
    let run = std::process::Command::new("node")
        .arg(gates.join("netlify-rules.mjs"))
        .arg(out)
        .arg(repo().join("netlify.toml"))
        .output();
    let Ok(o) = run else {
        skip_or_fail("no node");
        return None;
    };
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    Some(serde_json::from_slice(&o.stdout).expect("JSON from netlify-rules.mjs"))
}

/// A name with a content hash in it (8+ hex digits between `.` and `-`).
fn hashed_name(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap();
    name.split(['.', '-'])
        .any(|part| part.len() >= 8 && part.chars().all(|c| c.is_ascii_hexdigit()))
}

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "public, max-age=0, must-revalidate";

/// Builds nothing: checks the built site at `out` as Netlify would serve
/// it. Every file, under each URL it answers to, gets each header from
/// exactly one rule; the security headers everywhere; pages the policy of
/// their kind and a short cache; content-hashed files, and only they, are
/// immutable; every page satisfies its policy. Returns the number of pages.
fn check_published(out: &Path) -> usize {
    let Some(view) = netlify_view(out) else {
        return 0;
    };
    assert_eq!(
        view["errors"],
        serde_json::json!([]),
        "Netlify's parsers refuse a rule"
    );
    let site_header = format!("{}; frame-ancestors 'self'", warta::csp::SITE);
    let mut bad = Vec::new();
    let mut pages = 0;
    let mut hashed = 0;
    for (rel, urls) in view["files"].as_object().unwrap() {
        let html = rel.ends_with(".html");
        let editor = html && rel.starts_with("admin/");
        let page_policy = if html && !editor {
            let text = std::fs::read_to_string(out.join(rel)).unwrap();
            let meta = meta_policy(&text).unwrap_or_else(|| panic!("{rel} has no CSP <meta>"));
            assert_eq!(meta, warta::csp::SITE, "{rel}");
            bad.extend(violations(rel, &text, &policy(&meta)));
            Some(meta)
        } else {
            None
        };
        pages += usize::from(html);
        for (url, got) in urls.as_object().unwrap() {
            let one = |name: &str| -> Option<&str> {
                let v = got.get(name)?.as_array().unwrap();
                Some(v[0].as_str().unwrap())
            };
            for (name, values) in got.as_object().unwrap() {
                let n = values.as_array().unwrap().len();
                if n != 1 {
                    bad.push(format!("{url}: `{name}` is set by {n} rules: {values}"));
                }
            }
            for (name, value) in [
                ("x-content-type-options", "nosniff"),
                ("referrer-policy", "strict-origin-when-cross-origin"),
                ("x-frame-options", "SAMEORIGIN"),
            ] {
                if one(name) != Some(value) {
                    bad.push(format!("{url}: {name} is {:?}", one(name)));
                }
            }
            if one("permissions-policy").is_none() {
                bad.push(format!("{url}: no Permissions-Policy"));
            }
            let cache = one("cache-control");
            let csp = one("content-security-policy");
            let in_hashed_folder = ["aset/", "img/", "cari/_i/"]
                .iter()
                .any(|f| rel.strip_prefix(f).is_some_and(|r| !r.contains('/')));
            if in_hashed_folder {
                hashed += 1;
                if !hashed_name(rel) {
                    bad.push(format!("{rel} is in a hashed folder without a hash"));
                }
                if cache != Some(IMMUTABLE) {
                    bad.push(format!(
                        "{url}: content-hashed, but Cache-Control is {cache:?}"
                    ));
                }
            } else if cache == Some(IMMUTABLE) || cache.is_some_and(|c| c.contains("immutable")) {
                bad.push(format!(
                    "{url}: cached for ever, but its name changes nothing"
                ));
            }
            if editor {
                let c = csp.unwrap_or_else(|| panic!("{url}: the editor has no policy"));
                let p = policy(c);
                assert!(sources(&p, "script-src").contains(&"'unsafe-eval'".to_string()));
                assert!(!sources(&p, "script-src").contains(&"'unsafe-inline'".to_string()));
                assert_eq!(sources(&p, "frame-ancestors"), ["'self'"]);
                let text = std::fs::read_to_string(out.join(rel)).unwrap();
                bad.extend(violations(rel, &text, &p));
                if cache != Some(REVALIDATE) {
                    bad.push(format!("{url}: Cache-Control {cache:?}"));
                }
            } else if page_policy.is_some() {
                if csp != Some(site_header.as_str()) {
                    bad.push(format!("{url}: the page's policy header is {csp:?}"));
                }
                if cache != Some(REVALIDATE) {
                    bad.push(format!("{url}: Cache-Control {cache:?}"));
                }
            } else if csp.is_some_and(|c| c != site_header) {
                bad.push(format!("{url}: another policy than the site's: {csp:?}"));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    assert!(hashed > 0, "no content-hashed file was checked");
    pages
}

#[test]
fn netlify_toml_keeps_only_what_warta_cannot_write() {
    let c = config();
    assert!(
        c.get("headers").is_none(),
        "netlify.toml has [[headers]]: warta writes public/_headers (src/render/headers.rs)"
    );
    assert!(
        c.get("redirects").is_none(),
        "warta writes public/_redirects"
    );
}

#[test]
fn example_site_gets_exactly_its_headers_from_netlifys_parser() {
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("public");
    run_in(&repo(), &["build", "--out", out.to_str().unwrap()]).assert_ok();
    let files = files(&out);
    assert!(files.iter().any(|f| f.starts_with("aset/style.")));
    assert!(files.iter().any(|f| f.starts_with("cari/_i/")));
    let pages = check_published(&out);
    if pages > 0 {
        assert!(pages > 50, "only {pages} pages were checked");
    }
    // The rules stay few: they grow with the kinds of page, not the records.
    let rules = std::fs::read_to_string(out.join("_headers")).unwrap();
    let n = rules.lines().filter(|l| l.starts_with('/')).count();
    assert!(n < 60, "{n} rules");
}

#[test]
fn synthetic_site_gets_exactly_its_headers_from_netlifys_parser() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("situs");
    run_in(
        dir.path(),
        &[
            "dev",
            "synth",
            src.to_str().unwrap(),
            "--libraries",
            "40",
            "--posts",
            "60",
            "--stories",
            "10",
            "--seed",
            "3",
        ],
    )
    .assert_ok();
    let out = dir.path().join("public");
    run_in(&src, &["build", "--out", out.to_str().unwrap()]).assert_ok();
    check_published(&out);
}

#[test]
fn pages_named_like_warta_folders_get_page_headers() {
    // Netlify compiles `/aset/*` to `^/aset/?(.*)/?$`: a page `aset-desa`
    // would be cached for a year, `administrasi` would get the editor's
    // policy. The generated rules must reach exactly their own files.
    let site = TestSite::minimal();
    for slug in [
        "aset-desa",
        "administrasi",
        "img-galeri",
        "beritaku",
        "cari-i",
        "_i",
    ] {
        if slug.starts_with('_') {
            continue; // not a slug: no page can be named so
        }
        site.write(
            &format!("content/{slug}.md"),
            format!("---\ntitle: Halaman {slug}\n---\n\nIsi halaman.\n"),
        );
    }
    let out = site.path("public");
    site.run(&["build", "--out", out.to_str().unwrap()])
        .assert_ok();
    assert!(out.join("aset-desa/index.html").exists());
    check_published(&out);
}

#[test]
fn a_page_inside_a_hashed_folder_is_refused() {
    let site = TestSite::minimal();
    site.write("content/img.md", "---\ntitle: Galeri\n---\n\nFoto.\n");
    let out = site.path("public");
    for r in [
        site.run(&["build", "--out", out.to_str().unwrap()]),
        site.check(&[]),
    ] {
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert!(r.stderr.contains("`/img/index.html`"), "{}", r.stderr);
        assert!(r.stderr.contains("cached for a year"), "{}", r.stderr);
        assert!(r.stderr.contains("another slug"), "{}", r.stderr);
    }
    assert!(!out.exists(), "nothing published");
}

#[test]
fn the_checker_finds_what_the_policy_refuses() {
    let p = policy("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'");
    let html = r#"<p style="color:red" onclick="x()">a</p><script>alert(1)</script>
<script type="application/ld+json">{}</script><style>p{}</style>
<img src="https://elsewhere.example/a.png"><script src="https://cdn.example/x.js"></script>
<a href="javascript:alert(1)">x</a><img src="/img/ok-0123abcd.jpg"><script src="/aset/ok.js"></script>"#;
    let v = violations("t.html", html, &p);
    let joined = v.join("\n");
    for expected in [
        "style=\"color:red\"",
        "inline handler `onclick`",
        "inline <script> is refused",
        "<style> element",
        "image `https://elsewhere.example/a.png`",
        "script `https://cdn.example/x.js`",
        "javascript: URL",
    ] {
        assert!(joined.contains(expected), "missing {expected} in\n{joined}");
    }
    assert_eq!(v.len(), 7, "{joined}");
}

#[test]
fn library_aliases_become_permanent_redirects() {
    let site = TestSite::minimal();
    let libs = site.read("data/libraries/jawa-tengah.yaml");
    site.write(
        "data/libraries/jawa-tengah.yaml",
        libs.replacen(
            "  name: Perpustakaan Desa Loram Wetan\n",
            "  name: Perpustakaan Desa Loram Wetan\n  aliases: [perpus-loram, loram-wetan-lama]\n",
            1,
        ),
    );
    let out = site.path("public");
    site.run(&["build", "--out", out.to_str().unwrap()])
        .assert_ok();
    let text = std::fs::read_to_string(out.join("_redirects")).expect("_redirects is written");
    let rules: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rules.len(), 4, "{text}");
    for r in &rules {
        assert_eq!(r.len(), 3, "{r:?}");
        assert_eq!(r[2], "301!", "forced, so the alias page does not shadow it");
        let target = r[1].trim_end_matches(":splat");
        assert!(
            out.join(target.trim_start_matches('/'))
                .join("index.html")
                .exists(),
            "{target} does not exist"
        );
    }
    assert_eq!(
        rules[0],
        [
            "/perpustakaan/perpus-loram/",
            "/perpustakaan/perpusdes-loram-wetan/",
            "301!"
        ]
    );
    assert_eq!(
        rules[1],
        [
            "/perpustakaan/perpus-loram/*",
            "/perpustakaan/perpusdes-loram-wetan/:splat",
            "301!"
        ]
    );
    assert!(text.contains("/perpustakaan/loram-wetan-lama/  "));
    // Netlify's own parser reads the same four forced 301s.
    if let Some(view) = netlify_view(&out) {
        assert_eq!(view["errors"], serde_json::json!([]));
        let parsed = view["redirects"].as_array().unwrap();
        assert_eq!(parsed.len(), 4, "{parsed:?}");
        for (r, ours) in parsed.iter().zip(&rules) {
            assert_eq!(r["from"], ours[0]);
            assert_eq!(r["to"], ours[1]);
            assert_eq!(r["status"], 301);
            assert_eq!(r["force"], true);
        }
    }
    // The alias page is still made, for hosts that do not read _redirects.
    assert!(out.join("perpustakaan/perpus-loram/index.html").exists());

    // No aliases: no file.
    let plain = TestSite::minimal();
    let out = plain.path("public");
    plain
        .run(&["build", "--out", out.to_str().unwrap()])
        .assert_ok();
    assert!(!out.join("_redirects").exists());
}

#[test]
fn base_url_can_be_given_for_a_deploy_preview() {
    let site = TestSite::minimal();
    let out = site.path("public");
    site.run(&[
        "build",
        "--out",
        out.to_str().unwrap(),
        "--base-url",
        "https://deploy-preview-7--warta.netlify.app/",
    ])
    .assert_ok();
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home
        .contains(r#"<link rel="canonical" href="https://deploy-preview-7--warta.netlify.app/">"#));
    let bad = site.run(&[
        "build",
        "--out",
        out.to_str().unwrap(),
        "--base-url",
        "deploy-preview",
    ]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(
        bad.stderr.contains("not an http(s) address"),
        "{}",
        bad.stderr
    );
}
