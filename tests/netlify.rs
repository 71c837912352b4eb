//! netlify.toml and the files `warta build` writes for Netlify (`_redirects`),
//! parsed and checked against a real build of the example site: every page
//! satisfies the Content-Security-Policy that applies to it, no header is set
//! twice for one path, content-hashed folders hold only hashed names, and
//! every library alias redirects to a page that exists.

#[path = "support/html.rs"]
mod html;
mod support;

use html::tags;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use support::{run_in, TestSite};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One `[[headers]]` rule.
struct Rule {
    pattern: String,
    values: BTreeMap<String, String>,
}

fn config() -> toml::Table {
    let text = std::fs::read_to_string(repo().join("netlify.toml")).unwrap();
    text.parse::<toml::Table>()
        .unwrap_or_else(|e| panic!("netlify.toml does not parse: {e}"))
}

fn rules(config: &toml::Table) -> Vec<Rule> {
    config["headers"]
        .as_array()
        .expect("[[headers]] rules")
        .iter()
        .map(|h| Rule {
            pattern: h["for"].as_str().unwrap().to_string(),
            values: h["values"]
                .as_table()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), v.as_str().unwrap().to_string()))
                .collect(),
        })
        .collect()
}

/// Netlify's path matching as this file uses it: an exact path, or a prefix
/// ending in `*` (which matches anything, `/` included).
fn matches(pattern: &str, path: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => path.starts_with(prefix),
        None => pattern == path,
    }
}

/// Whether some path matches both patterns.
fn overlap(a: &str, b: &str) -> bool {
    match (a.strip_suffix('*'), b.strip_suffix('*')) {
        (Some(pa), Some(pb)) => pa.starts_with(pb) || pb.starts_with(pa),
        (Some(p), None) => b.starts_with(p),
        (None, Some(p)) => a.starts_with(p),
        (None, None) => a == b,
    }
}

fn headers_for<'a>(rules: &'a [Rule], path: &str) -> BTreeMap<&'a str, &'a str> {
    let mut out = BTreeMap::new();
    for r in rules.iter().filter(|r| matches(&r.pattern, path)) {
        for (k, v) in &r.values {
            assert!(
                out.insert(k.as_str(), v.as_str()).is_none(),
                "{path}: header {k} is set by two rules"
            );
        }
    }
    out
}

/// The URL path a published file answers to.
fn url_of(rel: &str) -> String {
    match rel.strip_suffix("index.html") {
        Some(dir) => format!("/{dir}"),
        None => format!("/{rel}"),
    }
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

#[test]
fn no_header_is_set_twice_for_one_path() {
    let rules = rules(&config());
    for (i, a) in rules.iter().enumerate() {
        assert!(a.pattern.starts_with('/'), "{}", a.pattern);
        assert!(
            !a.pattern.contains(':') && a.pattern.find('*').is_none_or(|p| p == a.pattern.len() - 1),
            "{}: only exact paths and a trailing `*` are used (a `*` inside a name is not a wildcard there)",
            a.pattern
        );
        for b in &rules[i + 1..] {
            if !overlap(&a.pattern, &b.pattern) {
                continue;
            }
            for key in a.values.keys() {
                assert!(
                    !b.values.contains_key(key),
                    "`{key}` is set for both {} and {}: Netlify may join the two values",
                    a.pattern,
                    b.pattern
                );
            }
        }
    }
    // Every path gets the basic security headers.
    let all = headers_for(&rules, "/any/path/");
    assert_eq!(all.get("x-content-type-options"), Some(&"nosniff"));
    assert!(all.contains_key("referrer-policy"));
}

#[test]
fn built_pages_satisfy_their_policy_and_caching_is_right() {
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("public");
    run_in(&repo(), &["build", "--out", out.to_str().unwrap()]).assert_ok();
    let rules = rules(&config());
    let files = files(&out);
    let mut site_policy: Option<String> = None;
    let mut bad = Vec::new();
    let mut pages = 0;
    for rel in &files {
        let url = url_of(rel);
        let headers = headers_for(&rules, &url);
        let cache = headers.get("cache-control").copied().unwrap_or("");
        let immutable = cache.contains("immutable");
        if immutable {
            // Only content-hashed names may be cached for ever.
            let name = rel.rsplit('/').next().unwrap();
            let hashed = name
                .split(['.', '-'])
                .any(|part| part.len() >= 8 && part.chars().all(|c| c.is_ascii_hexdigit()));
            assert!(
                hashed,
                "{rel} is cached for ever but its name has no content hash"
            );
        }
        if !rel.ends_with(".html") {
            continue;
        }
        pages += 1;
        assert!(!immutable, "{rel}: a page must not be cached for ever");
        let html = std::fs::read_to_string(out.join(rel)).unwrap();
        if url.starts_with("/admin/") {
            let header = headers
                .get("content-security-policy")
                .unwrap_or_else(|| panic!("{url} has no policy header"));
            // The editor's policy is its page's <meta> (it names the site's
            // sign-in backend, src/cms); the header adds frame-ancestors.
            assert!(header.contains("frame-ancestors 'self'"), "{url}: {header}");
            let p =
                policy(&meta_policy(&html).unwrap_or_else(|| panic!("{rel} has no CSP <meta>")));
            // Decap needs eval and inline styles, never inline scripts.
            assert!(!sources(&p, "script-src").contains(&"'unsafe-inline'".to_string()));
            bad.extend(violations(rel, &html, &p));
            continue;
        }
        let meta = meta_policy(&html).unwrap_or_else(|| panic!("{rel} has no CSP <meta>"));
        match &site_policy {
            Some(p) => assert_eq!(&meta, p, "{rel}: every page has the same policy"),
            None => site_policy = Some(meta.clone()),
        }
        if let Some(header) = headers.get("content-security-policy") {
            // The header is the <meta> policy plus what only a header can say.
            assert_eq!(
                *header,
                format!("{meta}; frame-ancestors 'self'"),
                "{url}: netlify.toml's policy differs from the pages' <meta>"
            );
            assert_eq!(cache, "public, max-age=0, must-revalidate", "{url}");
        }
        bad.extend(violations(rel, &html, &policy(&meta)));
    }
    assert!(pages > 50, "only {pages} pages were checked");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    // The stylesheet and images really are under the immutable folders.
    assert!(files.iter().any(|f| f.starts_with("aset/style.")));
    let css = headers_for(&rules, "/aset/style.0123abcd.css");
    assert!(css["cache-control"].contains("immutable"));
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
