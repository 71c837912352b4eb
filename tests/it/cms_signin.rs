//! The editor's page and where it signs in, as `warta build` writes them
//! from `cms:` in data/site.yaml: the backend in `admin/config.yml`, the
//! page's scripts (pinned, integrity-checked, recomputed here from the
//! installed npm packages), its Content-Security-Policy, the Identity
//! widget and e-mails only for the legacy `git-gateway`; and the mistakes
//! in `cms:` that `check` and `build` both refuse.

use crate::support;

use serde_yaml::Value;
use sha2::{Digest, Sha384};
use std::path::Path;
use support::{TestSite, SITE_YAML};
use warta::cms::{DECAP, IDENTITY, JS_YAML, PINNED};

fn build(site: &TestSite) -> (tempfile::TempDir, Value, String) {
    support::build_admin(site)
}

fn with_cms(lines: &str) -> TestSite {
    let site = TestSite::minimal();
    site.write("data/site.yaml", format!("{SITE_YAML}cms:\n{lines}"));
    site
}

/// The `<script …>` tags of the page, opening tag only.
fn scripts(html: &str) -> Vec<&str> {
    html.split("<script")
        .skip(1)
        .map(|s| s.split('>').next().unwrap())
        .collect()
}

/// The page's policy, one directive per entry.
fn policy(html: &str) -> Vec<String> {
    let start = html
        .find("http-equiv=\"Content-Security-Policy\" content=\"")
        .expect("a CSP <meta>")
        + 46;
    let end = start + html[start..].find('"').unwrap();
    html[start..end]
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .split(';')
        .map(|d| d.trim().to_string())
        .collect()
}

fn directive<'a>(policy: &'a [String], name: &str) -> &'a str {
    policy
        .iter()
        .find(|d| d.starts_with(&format!("{name} ")))
        .unwrap_or_else(|| panic!("no {name} in {policy:?}"))
}

#[test]
fn github_through_netlify_is_the_default_and_needs_no_identity() {
    let site = with_cms("  repo: perpusnas/situs-uji\n");
    let (out, config, html) = build(&site);
    let b = &config["backend"];
    assert_eq!(b["name"], "github");
    assert_eq!(b["repo"], "perpusnas/situs-uji");
    assert_eq!(b["branch"], "main");
    assert_eq!(b["base_url"], "https://api.netlify.com");
    assert_eq!(b["auth_endpoint"], "auth");
    assert_eq!(config["local_backend"], true);
    assert_eq!(config["media_folder"], "static/images/uploads");
    assert_eq!(config["public_folder"], "/images/uploads");
    assert_eq!(config["site_url"], "https://uji.example.id");

    // No Identity: neither its widget nor its e-mails.
    assert!(!html.contains("netlify-identity-widget"), "{html}");
    assert!(!out.path().join("admin/email").exists());
    assert!(!html.contains("data-tanpa-repo"), "{html}");

    assert!(!html.contains("<style") && !html.contains("style="));
    let tags = scripts(&html);
    assert_eq!(tags.len(), 3, "{html}");
    for s in &tags {
        assert!(s.contains(" src=\""), "inline script: {s}");
        assert!(s.contains(" defer"), "{s}");
    }
    assert!(tags[0].contains("src=\"cms.js\""));
    assert!(out.path().join("admin/cms.js").exists());
    for (tag, s) in tags[1..].iter().zip([JS_YAML, DECAP]) {
        let url = format!("https://unpkg.com/{}@{}/{}", s.package, s.version, s.file);
        assert!(tag.contains(&format!("src=\"{url}\"")), "{tag}");
        assert!(tag.contains(&format!("integrity=\"{}\"", s.sri)), "{tag}");
        assert!(tag.contains("crossorigin=\"anonymous\""), "{tag}");
    }
    assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));

    // The policy comes before any script, allows exactly the pinned files
    // (and Decap's own folder, for its chunks), and GitHub's API.
    assert!(html.find("Content-Security-Policy").unwrap() < html.find("<script").unwrap());
    let p = policy(&html);
    assert_eq!(
        directive(&p, "script-src"),
        format!(
            "script-src 'self' 'unsafe-eval' https://unpkg.com/js-yaml@{}/{} https://unpkg.com/decap-cms@{}/dist/",
            JS_YAML.version, JS_YAML.file, DECAP.version
        )
    );
    let connect = directive(&p, "connect-src");
    assert!(connect.contains(" https://api.github.com"), "{connect}");
    assert!(!connect.contains("gitlab"), "{connect}");
}

#[test]
fn gitlab_and_gitea_sign_in_with_pkce_on_their_own_servers() {
    let (_, config, html) = build(&with_cms(
        "  backend: gitlab\n  repo: perpusnas/web/situs\n  app_id: 0a1b2c\n",
    ));
    let b = &config["backend"];
    assert_eq!(b["name"], "gitlab");
    assert_eq!(b["repo"], "perpusnas/web/situs");
    assert_eq!(b["auth_type"], "pkce");
    assert_eq!(b["app_id"], "0a1b2c");
    assert!(directive(&policy(&html), "connect-src").contains(" https://gitlab.com"));

    let (_, config, html) = build(&with_cms(
        "  backend: gitea\n  repo: tpbis/situs\n  app_id: 9f8e\n  base_url: https://git.perpusnas.example.id\n  branch: terbit\n",
    ));
    let b = &config["backend"];
    assert_eq!(b["name"], "gitea");
    assert_eq!(b["base_url"], "https://git.perpusnas.example.id");
    assert_eq!(b["api_root"], "https://git.perpusnas.example.id/api/v1");
    assert_eq!(b["branch"], "terbit");
    let connect = directive(&policy(&html), "connect-src").to_string();
    assert!(
        connect.contains(" https://git.perpusnas.example.id "),
        "{connect}"
    );
    assert!(!connect.contains("github"), "{connect}");
}

#[test]
fn a_site_without_cms_settings_still_edits_locally_and_says_what_is_missing() {
    let site = TestSite::minimal();
    site.check(&[]).assert_ok();
    let (out, config, html) = build(&site);
    assert_eq!(config["backend"]["name"], "github");
    assert!(config["backend"].get("repo").is_none());
    assert_eq!(config["local_backend"], true);
    // cms.js reads this and explains, instead of a sign-in that would fail.
    assert!(html.contains("<body data-tanpa-repo>"), "{html}");
    let js = std::fs::read_to_string(out.path().join("admin/cms.js")).unwrap();
    assert!(js.contains("hasAttribute('data-tanpa-repo')"));
    assert!(js.contains("belum terhubung ke repositori"));
    assert!(!out.path().join("admin/email").exists());
}

#[test]
fn git_gateway_is_the_legacy_choice_with_identity_and_its_emails() {
    let site = with_cms("  backend: git-gateway\n");
    site.edit(
        "data/site.yaml",
        "title: Situs Uji",
        "title: Situs <Uji> & Co",
    );
    let (out, config, html) = build(&site);
    assert_eq!(config["backend"]["name"], "git-gateway");
    assert!(config["backend"].get("repo").is_none());
    assert!(!html.contains("data-tanpa-repo"));
    let tags = scripts(&html);
    assert_eq!(tags.len(), 4, "{html}");
    // The Identity widget runs before Decap, which then uses it to log in.
    assert!(
        tags[2].contains(&format!(
            "{}@{}/{}",
            IDENTITY.package, IDENTITY.version, IDENTITY.file
        )) && tags[2].contains(IDENTITY.sri),
        "{}",
        tags[2]
    );
    let p = policy(&html);
    assert!(directive(&p, "script-src").contains("netlify-identity-widget@"));
    for (name, token) in [
        ("undangan", "invite_token"),
        ("konfirmasi", "confirmation_token"),
        ("pemulihan", "recovery_token"),
        ("ganti-email", "email_change_token"),
    ] {
        let path = out.path().join(format!("admin/email/{name}.html"));
        let html = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{name}"));
        // Netlify fills in the placeholders; the link opens the editor,
        // where the Identity widget completes it.
        assert!(
            html.contains(&format!(
                "href=\"{{{{ .SiteURL }}}}/admin/#{token}={{{{ .Token }}}}\""
            )),
            "{html}"
        );
        assert!(html.contains("<html lang=\"id\">"), "{html}");
        assert!(html.contains("Situs &lt;Uji&gt; &amp; Co"), "{html}");
        assert!(!html.contains("<Uji>"), "{html}");
    }
}

#[test]
fn site_settings_choose_the_branch_and_the_script_source() {
    let site = with_cms("  repo: a/b\n  branch: terbit\n  cdn: https://cdn.jsdelivr.net/npm\n");
    let (_out, config, html) = build(&site);
    assert_eq!(config["backend"]["branch"], "terbit");
    let decap = format!(
        "https://cdn.jsdelivr.net/npm/decap-cms@{}/dist/",
        DECAP.version
    );
    assert!(
        html.contains(&format!("src=\"{decap}decap-cms.js\"")),
        "{html}"
    );
    assert!(directive(&policy(&html), "script-src").ends_with(&decap));
    // A folder of the site: the scripts are the site's own ('self').
    let site = with_cms("  repo: a/b\n  cdn: /vendor/\n");
    let (_out, _, html) = build(&site);
    assert_eq!(
        directive(&policy(&html), "script-src"),
        "script-src 'self' 'unsafe-eval'"
    );
}

/// Each mistake, where `check` puts it, and what it says; `build` refuses
/// the same with the same words.
#[test]
fn mistakes_in_cms_are_errors_at_their_place_with_the_fix() {
    // SITE_YAML has 3 lines: `cms:` is line 4, its first key line 5.
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "  backend: githb\n  repo: a/b\n",
            "data/site.yaml:5:12",
            &["unknown editor backend `githb`", "did you mean `github`?"],
        ),
        (
            "  backend: wordpress\n  repo: a/b\n",
            "data/site.yaml:5:12",
            &[
                "unknown editor backend",
                "`github`, `gitlab`, `gitea`, `git-gateway`",
            ],
        ),
        (
            "  branch: terbit\n",
            "data/site.yaml:5:3",
            &[
                "`github` backend needs `repo`",
                "repo: perpusnas/situs-tpbis",
            ],
        ),
        (
            "  backend: gitea\n  app_id: x\n  base_url: https://git.example.id\n",
            "data/site.yaml:5:3",
            &["`gitea` backend needs `repo`"],
        ),
        (
            "  repo: https://github.com/a/b\n",
            "data/site.yaml:5:9",
            &["`repo` must be `owner/name`", "repo: perpusnas/situs-tpbis"],
        ),
        (
            "  backend: gitlab\n  repo: a/b\n",
            "data/site.yaml:5:3",
            &["`gitlab` backend needs `app_id`", "Application ID"],
        ),
        (
            "  backend: gitea\n  repo: a/b\n  app_id: x\n",
            "data/site.yaml:5:3",
            &["`gitea` backend needs `base_url`", "base_url: https://"],
        ),
        (
            "  repo: a/b\n  base_url: api.netlify.com\n",
            "data/site.yaml:6:13",
            &["`base_url` must be a web address"],
        ),
        (
            "  repo: a/b\n  bakend: gitlab\n",
            "data/site.yaml:6:3",
            &["unknown field `bakend`", "did you mean `backend`"],
        ),
    ];
    for (lines, at, words) in cases {
        let site = with_cms(lines);
        let check = site.check(&[]);
        let d = check.assert_only_error(at, words);
        let out = tempfile::tempdir().unwrap();
        let built = site.run(&["build", "--out", out.path().to_str().unwrap()]);
        assert_eq!(built.code, check.code, "{lines}\n{built}");
        assert!(built.stderr.contains(&d), "{lines}\n{d}\n{built}");
    }
}

fn node_modules() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/gates/node_modules")
}

#[test]
fn the_pinned_versions_are_the_ones_the_tests_install() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/gates/package.json"),
    )
    .unwrap();
    let pkg: serde_json::Value = serde_json::from_str(&text).unwrap();
    for s in PINNED {
        assert_eq!(pkg["dependencies"][s.package], s.version, "{}", s.package);
    }
}

/// The integrity hashes the page carries are recomputed from the files npm
/// installed (the same versions: see above). A new version without a new
/// hash, or a hash copied wrong, fails here, before any browser refuses
/// the script on the published site.
#[test]
fn integrity_hashes_are_those_of_the_installed_packages() {
    let modules = node_modules();
    if !modules.join("decap-cms").exists() {
        if std::env::var_os("CI").is_some() {
            panic!("scripts/gates/node_modules is missing: run `npm ci` there");
        }
        eprintln!("skipped: no scripts/gates/node_modules");
        return;
    }
    for s in PINNED {
        let dir = modules.join(s.package);
        let manifest: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("package.json")).unwrap())
                .unwrap();
        assert_eq!(manifest["version"], s.version, "installed {}", s.package);
        let bytes = std::fs::read(dir.join(s.file)).unwrap();
        let sri = format!(
            "sha384-{}",
            data_encoding::BASE64.encode(&Sha384::digest(&bytes))
        );
        assert_eq!(sri, s.sri, "{}@{}/{}", s.package, s.version, s.file);
    }
}

/// `cms.js` on a page without a repository: on the published site it
/// explains in Indonesian instead of starting Decap; on the officer's own
/// computer (the local backend) it starts as usual. Run in node with a
/// stand-in page, `CMS` and js-yaml.
#[test]
fn without_a_repository_the_page_explains_except_on_the_local_computer() {
    if std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(std::env::var_os("CI").is_none(), "node is needed");
        eprintln!("skipped: no node");
        return;
    }
    let cms = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cms/cms.js");
    let run = |host: &str, no_repo: bool| -> String {
        let script = format!(
            r#"
let listener, started = false, shown = [];
global.window = global;
global.jsyaml = {{}};
global.CMS = {{ registerCustomFormat() {{}}, registerLocale() {{}}, init() {{ started = true; }} }};
global.addEventListener = (_, f) => {{ listener = f; }};
global.location = {{ hostname: {host:?} }};
global.document = {{
  createElement: () => ({{}}),
  body: {{ hasAttribute: (a) => {no_repo} && a === 'data-tanpa-repo', appendChild: (p) => shown.push(p.textContent) }},
}};
eval(require('fs').readFileSync({cms:?}, 'utf8'));
listener();
process.stdout.write(started ? 'started' : shown.join('|'));
"#,
            cms = cms.display().to_string()
        );
        let out = std::process::Command::new("node")
            .args(["-e", &script])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let shown = run("tpbis-warta.netlify.app", true);
    assert!(shown.contains("belum terhubung ke repositori"), "{shown}");
    assert!(shown.contains("data/site.yaml"), "{shown}");
    assert_eq!(run("localhost", true), "started");
    assert_eq!(run("127.0.0.1", true), "started");
    assert_eq!(run("tpbis-warta.netlify.app", false), "started");
}
