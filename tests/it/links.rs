//! The built site holds together: every link to the site itself resolves to
//! a file, every `#fragment` to an element on its page, every Atom feed is
//! Atom and the sitemap a sitemap of exactly the indexable pages.
//!
//! Run over the example site and over a synthetic one large enough to be
//! paginated, both built by the real binary into temp folders. A checker of
//! the checker (`checker_finds_what_it_should`) keeps it honest.

use crate::html;
use crate::support;

use html::{tags, Tag};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use warta::percent::Undecodable;

const BIN: &str = env!("CARGO_BIN_EXE_warta");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

#[test]
fn example_site_links_feeds_and_sitemap_resolve() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build(Path::new(ROOT), &out);
    let report = check_site(&out, &base_url(Path::new(ROOT)));
    report.assert_clean("example site");
    assert!(report.pages >= 100, "only {} pages", report.pages);
    assert!(report.feeds >= 2, "only {} feeds", report.feeds);
    assert!(report.links > 1000, "only {} links", report.links);
}

#[test]
fn paginated_synthetic_site_links_resolve() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let o = Command::new(BIN)
        .args(["--messages", "plain", "dev", "synth"])
        .arg(&site)
        .args(["--libraries", "40", "--posts", "60", "--stories", "15"])
        .output()
        .expect("run warta dev synth");
    assert!(
        o.status.success(),
        "synth failed:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = tmp.path().join("public");
    build(&site, &out);
    assert!(
        walkdir::WalkDir::new(&out)
            .into_iter()
            .any(|e| e.unwrap().path().ends_with("page/2/index.html")),
        "60 posts should make at least two list pages"
    );
    check_site(&out, &base_url(&site)).assert_clean("synthetic site");
}

/// The checker itself: a hand-made site with one of each mistake.
#[test]
fn checker_finds_what_it_should() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let page = |body: &str| {
        format!("<!doctype html><html><head><title>t</title></head><body>{body}</body></html>")
    };
    let write = |rel: &str, text: &str| {
        let p = d.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    };
    write(
        "index.html",
        &page(concat!(
            r#"<a href="/ok/">fine</a> <a href="ok/#s%C3%A9ksi">fine, relative, encoded</a>"#,
            r#" <a href="https://b.example/ok/?x=1&amp;y=2#top">fine, absolute</a>"#,
            r#" <a href="https://elsewhere.example/nope/">external</a> <a href="mailto:a@b.c">mail</a>"#,
            r#" <img src="/gone.png" alt=""> <a href="/ok/#nope">bad fragment</a>"#,
            r##" <a href="/ok">folder without slash</a> <a href="#">empty fragment</a>"##,
            r#" <A HREF='../../up'>above the root</A>"#,
            r#" <img srcset="/a.png 1x, /missing.png 2x" alt="">"#,
            r#" <script>var s = '<a href="/in-script/">';</script><!-- <a href="/in-comment/"> -->"#,
        )),
    );
    write("a.png", "");
    write("ok/index.html", &page(r#"<h2 id="séksi">x</h2>"#));
    write(
        "404.html",
        r#"<!doctype html><meta name="robots" content="noindex"><a href="ok/">relative on a 404</a>"#,
    );
    write(
        "atom.xml",
        r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
        <id>https://b.example/atom.xml</id><updated>2024-01-01</updated>
        <link rel="self" href="https://b.example/atom.xml"/>
        <entry><title>e</title><id>x</id><updated>2024-01-01T00:00:00Z</updated>
        <link href="https://b.example/gone/"/></entry></feed>"#,
    );
    write(
        "sitemap.xml",
        r#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>https://b.example/</loc></url><url><loc>https://other.example/</loc></url>
        </urlset>"#,
    );
    let report = check_site(d, "https://b.example");
    let all = report.problems.join("\n");
    for expected in [
        "index.html:1: src=\"/gone.png\": no file gone.png",
        "href=\"/ok/#nope\": no id=\"nope\" in ok/index.html",
        "href=\"/ok\": ok is a folder: write /ok/",
        "href=\"#\": an empty fragment",
        "href=\"../../up\": goes above the site's root",
        "srcset=\"/missing.png\": no file missing.png",
        "404.html:1: href=\"ok/\": relative link on the 404 page",
        "atom.xml:2: <updated> \"2024-01-01\" is not an RFC 3339 date-time",
        "atom.xml:1: the feed has no <author> and an entry has none either",
        "atom.xml:5: entry: href=\"https://b.example/gone/\": no file gone/index.html",
        "sitemap.xml:2: <loc> https://other.example/ is not under https://b.example/",
        "sitemap.xml: misses ok/index.html, which is not noindex",
    ] {
        assert!(all.contains(expected), "missing {expected:?} in:\n{all}");
    }
    assert_eq!(report.problems.len(), 12, "{all}");
}

// ---------------------------------------------------------------------------

fn build(root: &Path, out: &Path) {
    let o = Command::new(BIN)
        .args(["--messages", "plain", "--root"])
        .arg(root)
        .args(["build", "--out"])
        .arg(out)
        .output()
        .expect("run warta build");
    assert!(
        o.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// `base_url` of a site folder, without a trailing slash.
fn base_url(root: &Path) -> String {
    let yaml = fs::read_to_string(root.join("data/site.yaml")).unwrap();
    let line = yaml
        .lines()
        .find_map(|l| l.strip_prefix("base_url:"))
        .expect("data/site.yaml has base_url");
    line.trim()
        .trim_matches(|c| c == '"' || c == '\'')
        .trim_end_matches('/')
        .to_string()
}

#[derive(Default)]
struct Report {
    problems: Vec<String>,
    pages: usize,
    feeds: usize,
    links: usize,
}

impl Report {
    fn assert_clean(&self, what: &str) {
        if self.problems.is_empty() {
            return;
        }
        let shown: Vec<&str> = self.problems.iter().take(200).map(String::as_str).collect();
        panic!(
            "{what}: {} problem(s) in the built site:\n{}{}",
            self.problems.len(),
            shown.join("\n"),
            if self.problems.len() > shown.len() {
                "\n…"
            } else {
                ""
            }
        );
    }
}

/// One built site: its folder and what was learnt about its pages.
struct Site<'a> {
    dir: &'a Path,
    /// `https://host`, no trailing slash.
    base: &'a str,
    /// Ids (and `<a name>`s) of each HTML page read so far.
    ids: HashMap<PathBuf, HashSet<String>>,
}

fn check_site(dir: &Path, base: &str) -> Report {
    let mut site = Site {
        dir,
        base,
        ids: HashMap::new(),
    };
    let mut report = Report::default();
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| rel(dir, e.path()))
        // Netlify Identity's e-mail templates: their links are placeholders
        // (`{{ .SiteURL }}`) that Netlify fills in, not links of the site.
        .filter(|f| !f.starts_with("admin/email/"))
        .collect();
    files.sort();

    // Pages that ask not to be indexed (the 404 page, redirect stubs).
    let mut noindex = BTreeSet::new();
    let mut indexable = BTreeSet::new();
    for file in files.iter().filter(|f| f.ends_with(".html")) {
        report.pages += 1;
        let html = fs::read_to_string(dir.join(file)).unwrap();
        let tags = tags(&html);
        let is_noindex = tags.iter().any(|t| {
            t.name == "meta"
                && t.attr("name")
                    .is_some_and(|n| n.eq_ignore_ascii_case("robots"))
                && t.attr("content").is_some_and(|c| c.contains("noindex"))
        });
        if is_noindex {
            noindex.insert(file.clone());
        } else {
            indexable.insert(file.clone());
        }
        for tag in &tags {
            for (attr, url) in urls(tag) {
                report.links += 1;
                let at = format!("{file}:{}: {attr}=\"{url}\"", tag.line);
                if file == "404.html" && is_relative(&url) && !url.starts_with('#') {
                    report.problems.push(format!(
                        "{at}: relative link on the 404 page, which is served at any address: start it with /"
                    ));
                    continue;
                }
                if let Err(e) = site.resolve(file, &url, true) {
                    report.problems.push(format!("{at}: {e}"));
                }
            }
        }
    }

    let mut sitemapped = None;
    for file in files.iter().filter(|f| f.ends_with(".xml")) {
        let text = fs::read_to_string(dir.join(file)).unwrap();
        let doc = match roxmltree::Document::parse(&text) {
            Ok(doc) => doc,
            Err(e) => {
                report
                    .problems
                    .push(format!("{file}: not well-formed XML: {e}"));
                continue;
            }
        };
        let root = doc.root_element();
        let mut problems = Vec::new();
        match (root.tag_name().namespace(), root.tag_name().name()) {
            (Some(ATOM), "feed") => {
                report.feeds += 1;
                site.check_feed(file, root, &mut problems);
            }
            (Some(SITEMAP), "urlset") => {
                let pages = site.check_sitemap(file, root, &mut problems);
                sitemapped.get_or_insert_with(BTreeSet::new).extend(pages);
            }
            (ns, name) => problems.push((
                root.range().start,
                format!("neither an Atom feed nor a sitemap: <{name}> in {ns:?}"),
            )),
        }
        for (pos, p) in problems {
            let line = doc.text_pos_at(pos).row;
            report.problems.push(format!("{file}:{line}: {p}"));
        }
    }

    match sitemapped {
        None => report
            .problems
            .push("no sitemap (<urlset>) in the site".into()),
        Some(listed) => {
            for page in indexable.difference(&listed) {
                report
                    .problems
                    .push(format!("sitemap.xml: misses {page}, which is not noindex"));
            }
            for page in noindex.intersection(&listed) {
                report
                    .problems
                    .push(format!("sitemap.xml: lists {page}, which is noindex"));
            }
        }
    }

    if let Ok(robots) = fs::read_to_string(dir.join("robots.txt")) {
        for line in robots.lines() {
            if let Some(url) = line.strip_prefix("Sitemap:") {
                if let Err(e) = site.resolve("robots.txt", url.trim(), false) {
                    report.problems.push(format!("robots.txt: {line}: {e}"));
                }
            }
        }
    }
    report
}

impl Site<'_> {
    /// Checks that `url`, found in the file `from` (relative to the site),
    /// points at a file of the site, and its fragment at an element. Links
    /// elsewhere are fine. `relative_ok`: whether a relative URL may stand here.
    fn resolve(&mut self, from: &str, url: &str, relative_ok: bool) -> Result<(), String> {
        let url = url.trim();
        if url.is_empty() {
            return Err("empty URL".into());
        }
        let path = if let Some(rest) = url.strip_prefix(self.base) {
            if !(rest.is_empty() || rest.starts_with(['/', '?', '#'])) {
                return Ok(()); // https://host.example.org: another host
            }
            if rest.is_empty() {
                "/".to_string()
            } else {
                rest.to_string()
            }
        } else if let Some(scheme) = scheme(url) {
            let scheme = scheme.to_ascii_lowercase();
            let host = url[scheme.len() + 1..].trim_start_matches('/');
            return match scheme.as_str() {
                "javascript" | "file" => Err(format!("a {scheme}: link")),
                "http" | "https"
                    if ["localhost", "127.", "0.0.0.0", "[::1]"]
                        .iter()
                        .any(|h| host.starts_with(h)) =>
                {
                    Err("a link to this machine".into())
                }
                _ => Ok(()),
            };
        } else if let Some(host_and_path) = url.strip_prefix("//") {
            let own = self.base.split_once("//").map_or("", |(_, h)| h);
            match host_and_path.strip_prefix(own) {
                Some(rest) if rest.is_empty() || rest.starts_with(['/', '?', '#']) => {
                    format!("/{}", rest.trim_start_matches('/'))
                }
                _ => return Ok(()),
            }
        } else if !relative_ok {
            return Err("must be an absolute URL".into());
        } else {
            url.to_string()
        };

        let (before_fragment, fragment) = match path.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (path.as_str(), None),
        };
        let raw = before_fragment.split('?').next().unwrap();
        let decoded = percent_decode(raw)?;
        let target = if raw.is_empty() {
            from.to_string() // "#x" or "?q": this very page
        } else {
            let joined = if decoded.starts_with('/') {
                decoded.clone()
            } else {
                let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
                format!("/{dir}/{decoded}")
            };
            let mut parts: Vec<&str> = Vec::new();
            for seg in joined.split('/') {
                match seg {
                    "" | "." => {}
                    ".." => {
                        if parts.pop().is_none() {
                            return Err("goes above the site's root".into());
                        }
                    }
                    s => parts.push(s),
                }
            }
            let mut t = parts.join("/");
            if joined.ends_with('/') || joined.ends_with("/.") || joined.ends_with("/..") {
                if !t.is_empty() {
                    t.push('/');
                }
                t.push_str("index.html");
            } else if self.dir.join(&t).is_dir() {
                return Err(format!("{t} is a folder: write /{t}/"));
            }
            t
        };
        let file = self.dir.join(&target);
        if !file.is_file() {
            return Err(format!("no file {target}"));
        }
        match fragment {
            None => Ok(()),
            Some("") => Err("an empty fragment (`#`) leads nowhere".into()),
            Some(f) => {
                let f = percent_decode(f)?;
                if f == "top" || !target.ends_with(".html") {
                    return Ok(());
                }
                let ids = self.ids.entry(file.clone()).or_insert_with(|| {
                    let html = fs::read_to_string(&file).unwrap_or_default();
                    tags(&html)
                        .iter()
                        .flat_map(|t| {
                            let name = (t.name == "a").then(|| t.attr("name")).flatten();
                            t.attr("id").into_iter().chain(name)
                        })
                        .map(str::to_string)
                        .collect()
                });
                if ids.contains(&f) {
                    Ok(())
                } else {
                    Err(format!("no id=\"{f}\" in {target}"))
                }
            }
        }
    }

    fn check_feed(&mut self, file: &str, feed: roxmltree::Node, problems: &mut Problems) {
        let at = |n: roxmltree::Node| n.range().start;
        let self_url = format!("{}/{file}", self.base);
        check_common(feed, "feed", problems);
        let links: Vec<_> = children(feed, "link").collect();
        match links.iter().find(|l| l.attribute("rel") == Some("self")) {
            Some(l) if l.attribute("href") == Some(self_url.as_str()) => {}
            Some(l) => problems.push((
                at(*l),
                format!(
                    "rel=\"self\" is {:?}, not {self_url}",
                    l.attribute("href").unwrap_or("")
                ),
            )),
            None => problems.push((at(feed), "no <link rel=\"self\">".into())),
        }
        let feed_author = children(feed, "author").next().is_some();
        let mut ids = HashSet::new();
        for node in feed.descendants().filter(|n| is_atom(*n, "link")) {
            let href = node.attribute("href").unwrap_or("");
            if let Err(e) = self.resolve(file, href, false) {
                let whose = if node.parent().is_some_and(|p| is_atom(p, "entry")) {
                    "entry: "
                } else {
                    ""
                };
                problems.push((at(node), format!("{whose}href=\"{href}\": {e}")));
            }
        }
        for entry in children(feed, "entry") {
            check_common(entry, "entry", problems);
            if !feed_author && children(entry, "author").next().is_none() {
                problems.push((
                    at(feed),
                    "the feed has no <author> and an entry has none either".into(),
                ));
            }
            if let Some(id) = children(entry, "id").next() {
                if !ids.insert(id.text().unwrap_or("").trim().to_string()) {
                    problems.push((at(id), "an entry <id> used twice".into()));
                }
            }
            for p in children(entry, "published") {
                check_date(p, problems);
            }
            if !children(entry, "link")
                .any(|l| matches!(l.attribute("rel"), None | Some("alternate")))
                && children(entry, "content").next().is_none()
            {
                problems.push((at(entry), "an entry with neither a link nor content".into()));
            }
            // HTML content: its links resolve against xml:base (or must be absolute).
            for content in children(entry, "content").chain(children(entry, "summary")) {
                if content.attribute("type") != Some("html") {
                    continue;
                }
                let xml_base = content
                    .ancestors()
                    .find_map(|n| n.attribute(("http://www.w3.org/XML/1998/namespace", "base")));
                for tag in tags(content.text().unwrap_or("")) {
                    for (attr, url) in urls(&tag) {
                        let absolute = if scheme(&url).is_some() || url.starts_with("//") {
                            url.clone()
                        } else if let Some(b) = xml_base {
                            join_url(b, &url)
                        } else {
                            problems.push((
                                at(content),
                                format!(
                                    "{attr}=\"{url}\": relative link in a feed without xml:base"
                                ),
                            ));
                            continue;
                        };
                        if let Err(e) = self.resolve(file, &absolute, false) {
                            problems.push((
                                at(content),
                                format!("entry content: {attr}=\"{url}\": {e}"),
                            ));
                        }
                    }
                }
            }
        }
    }

    /// Checks a `<urlset>`; returns the pages (as files) it lists.
    fn check_sitemap(
        &mut self,
        file: &str,
        urlset: roxmltree::Node,
        problems: &mut Problems,
    ) -> Vec<String> {
        let mut pages = Vec::new();
        let mut seen = HashSet::new();
        let prefix = format!("{}/", self.base);
        for child in urlset.children().filter(|n| n.is_element()) {
            if child.tag_name().namespace() != Some(SITEMAP) || child.tag_name().name() != "url" {
                problems.push((
                    child.range().start,
                    "only <url> may stand in <urlset>".into(),
                ));
                continue;
            }
            let locs: Vec<_> = child
                .children()
                .filter(|n| n.is_element() && n.tag_name().name() == "loc")
                .collect();
            if locs.len() != 1 {
                problems.push((
                    child.range().start,
                    "a <url> needs exactly one <loc>".into(),
                ));
                continue;
            }
            let loc = locs[0].text().unwrap_or("").trim();
            let pos = locs[0].range().start;
            if !seen.insert(loc.to_string()) {
                problems.push((pos, format!("<loc> {loc} listed twice")));
            }
            let Some(path) = loc.strip_prefix(&prefix) else {
                problems.push((pos, format!("<loc> {loc} is not under {prefix}")));
                continue;
            };
            if let Err(e) = self.resolve(file, loc, false) {
                problems.push((pos, format!("<loc> {loc}: {e}")));
                continue;
            }
            let decoded = percent_decode(path).unwrap_or_default();
            pages.push(if decoded.is_empty() || decoded.ends_with('/') {
                format!("{decoded}index.html")
            } else {
                decoded
            });
            for lastmod in child
                .children()
                .filter(|n| n.is_element() && n.tag_name().name() == "lastmod")
            {
                let t = lastmod.text().unwrap_or("").trim();
                let date_only =
                    t.len() == 10 && chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").is_ok();
                if !date_only && chrono::DateTime::parse_from_rfc3339(t).is_err() {
                    problems.push((
                        lastmod.range().start,
                        format!("<lastmod> {t:?} is no W3C date"),
                    ));
                }
            }
        }
        if seen.len() > 50_000 {
            problems.push((
                0,
                format!("{} URLs: a sitemap holds at most 50,000", seen.len()),
            ));
        }
        pages
    }
}

type Problems = Vec<(usize, String)>;

fn is_atom(n: roxmltree::Node, name: &str) -> bool {
    n.is_element() && n.tag_name().namespace() == Some(ATOM) && n.tag_name().name() == name
}

fn children<'a, 'i>(
    n: roxmltree::Node<'a, 'i>,
    name: &'static str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> {
    n.children().filter(move |c| is_atom(*c, name))
}

/// What RFC 4287 asks of both `<feed>` and `<entry>`: one id, title, updated.
fn check_common(n: roxmltree::Node, what: &str, problems: &mut Problems) {
    for name in ["id", "title", "updated"] {
        let found: Vec<_> = children(n, name).collect();
        match found.as_slice() {
            [one] => {
                if one.text().unwrap_or("").trim().is_empty() {
                    problems.push((one.range().start, format!("{what}: empty <{name}>")));
                }
                if name == "updated" {
                    check_date(*one, problems);
                }
            }
            _ => problems.push((
                n.range().start,
                format!("{what}: {} <{name}> elements, not one", found.len()),
            )),
        }
    }
}

fn check_date(n: roxmltree::Node, problems: &mut Problems) {
    let t = n.text().unwrap_or("").trim();
    if chrono::DateTime::parse_from_rfc3339(t).is_err() {
        problems.push((
            n.range().start,
            format!(
                "<{}> {t:?} is not an RFC 3339 date-time",
                n.tag_name().name()
            ),
        ));
    }
}

/// `base` (absolute, from xml:base) joined with a relative `url`.
fn join_url(base: &str, url: &str) -> String {
    if url.starts_with('/') {
        let origin_end = base
            .find("://")
            .and_then(|i| base[i + 3..].find('/').map(|j| i + 3 + j))
            .unwrap_or(base.len());
        format!("{}{url}", &base[..origin_end])
    } else if url.starts_with(['#', '?']) {
        format!("{base}{url}")
    } else {
        let dir_end = base.rfind('/').map_or(base.len(), |i| i + 1);
        format!("{}{url}", &base[..dir_end])
    }
}

fn rel(dir: &Path, p: &Path) -> String {
    p.strip_prefix(dir)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

/// The scheme of an absolute URL (`https`, `mailto`), if it has one.
fn scheme(url: &str) -> Option<&str> {
    let (s, _) = url.split_once(':')?;
    let mut chars = s.chars();
    (chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(s)
}

fn is_relative(url: &str) -> bool {
    scheme(url).is_none() && !url.starts_with('/')
}

fn percent_decode(s: &str) -> Result<String, String> {
    warta::percent::decode(s).map_err(|e| match e {
        Undecodable::Escape => format!("bad percent-escape in {s:?}"),
        Undecodable::NotUtf8 => format!("{s:?} decodes to invalid UTF-8"),
    })
}

/// The URLs a tag points at, with the attribute each came from.
fn urls(tag: &Tag) -> Vec<(&'static str, String)> {
    let mut v = Vec::new();
    for (name, attr) in [
        ("href", "href"),
        ("src", "src"),
        ("poster", "poster"),
        ("action", "action"),
    ] {
        if let Some(u) = tag.attr(attr) {
            v.push((name, u.to_string()));
        }
    }
    for s in tag
        .attr("srcset")
        .into_iter()
        .chain(tag.attr("imagesrcset"))
    {
        for cand in s.split(',') {
            if let Some(u) = cand.split_whitespace().next() {
                v.push(("srcset", u.to_string()));
            }
        }
    }
    if tag.name == "meta" {
        let key = tag.attr("property").or(tag.attr("name")).unwrap_or("");
        if matches!(key, "og:url" | "og:image" | "twitter:image") {
            if let Some(u) = tag.attr("content") {
                v.push(("content", u.to_string()));
            }
        }
        if tag
            .attr("http-equiv")
            .is_some_and(|h| h.eq_ignore_ascii_case("refresh"))
        {
            let c = tag.attr("content").unwrap_or("");
            if let Some(i) = c.to_ascii_lowercase().find("url=") {
                let u = c[i + 4..].trim().trim_matches(|c| c == '\'' || c == '"');
                v.push(("refresh", u.to_string()));
            }
        }
    }
    v
}

/// `(loc, lastmod)` of every URL of a sitemap.
fn sitemap_dates(text: &str) -> HashMap<String, Option<String>> {
    let doc = roxmltree::Document::parse(text).expect("sitemap is XML");
    doc.root_element()
        .children()
        .filter(|n| n.is_element())
        .map(|u| {
            let field = |name: &str| {
                u.children()
                    .find(|n| n.is_element() && n.tag_name().name() == name)
                    .and_then(|n| n.text())
                    .map(str::to_string)
            };
            (field("loc").unwrap(), field("lastmod"))
        })
        .collect()
}

/// `updated` of a feed, and `(published, updated)` of its entries.
fn feed_dates(text: &str) -> (String, Vec<(String, String)>) {
    let doc = roxmltree::Document::parse(text).expect("feed is XML");
    let feed = doc.root_element();
    let text_of = |n: roxmltree::Node, name: &str| {
        n.children()
            .find(|c| is_atom(*c, name))
            .and_then(|c| c.text())
            .unwrap_or_else(|| panic!("no <{name}>"))
            .to_string()
    };
    let entries = feed
        .children()
        .filter(|c| is_atom(*c, "entry"))
        .map(|e| (text_of(e, "published"), text_of(e, "updated")))
        .collect();
    (text_of(feed, "updated"), entries)
}

#[test]
fn sitemap_and_feeds_carry_the_records_dates_and_no_made_up_one() {
    let site = support::TestSite::minimal();
    site.edit(
        support::POST,
        "date: 2022-08-04\n",
        "date: 2022-08-04\nupdated: 2023-05-06\n",
    );
    let out = site.path("public");
    let run = |site: &support::TestSite| {
        site.run(&["build", "--out", out.to_str().unwrap()])
            .assert_ok();
        (
            fs::read_to_string(out.join("sitemap.xml")).unwrap(),
            fs::read_to_string(out.join("atom.xml")).unwrap(),
        )
    };
    let (sitemap, atom) = run(&site);
    let dates = sitemap_dates(&sitemap);
    let at = |path: &str| -> Option<String> {
        dates
            .iter()
            .find(|(loc, _)| {
                loc.ends_with(path) && loc.matches('/').count() == path.matches('/').count() + 2
            })
            .unwrap_or_else(|| panic!("{path} is not in the sitemap"))
            .1
            .clone()
    };
    // A post: its last change; a story: its date.
    assert_eq!(
        at("/berita/plm-jawa-tengah-2022-semarang/").as_deref(),
        Some("2023-05-06")
    );
    assert_eq!(
        at("/kisah/dari-rajutan-ke-usaha-keluarga/").as_deref(),
        Some("2023-03-01")
    );
    // Lists: their newest record; the front page the newest of all.
    assert_eq!(at("/berita/").as_deref(), Some("2023-05-06"));
    assert_eq!(at("/kisah/").as_deref(), Some("2023-03-01"));
    assert_eq!(at("/").as_deref(), Some("2023-05-06"));
    // An event, a province, a library: the news and stories they show.
    assert_eq!(
        at("/plm/plm-jawa-tengah-2022/").as_deref(),
        Some("2023-05-06")
    );
    assert_eq!(at("/provinsi/jawa-tengah/").as_deref(), Some("2023-05-06"));
    assert_eq!(
        at("/perpustakaan/perpusdes-loram-wetan/").as_deref(),
        Some("2023-05-06")
    );
    // A page with no date gets none rather than a made-up one.
    assert_eq!(at("/tentang/"), None);
    for (loc, d) in &dates {
        if let Some(d) = d {
            assert!(
                chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok(),
                "{loc}: {d}"
            );
        }
    }

    // The post's entry: published on its date, updated on its last change.
    let (updated, entries) = feed_dates(&atom);
    assert_eq!(updated, "2023-05-06T00:00:00+07:00");
    assert_eq!(
        entries,
        [(
            "2022-08-04T00:00:00+07:00".to_string(),
            "2023-05-06T00:00:00+07:00".to_string()
        )]
    );
    // A province without news: no entries, and the site's newest date.
    let empty = fs::read_to_string(out.join("provinsi/jawa-timur/atom.xml")).unwrap();
    let (updated, entries) = feed_dates(&empty);
    assert!(entries.is_empty());
    assert_eq!(updated, "2023-05-06T00:00:00+07:00");
    let mut any_feed = 0;
    for e in walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.file_name() == "atom.xml" {
            any_feed += 1;
            let text = fs::read_to_string(e.path()).unwrap();
            assert!(!text.contains("2000-01-01"), "{}", e.path().display());
        }
    }
    assert!(any_feed > 2);

    // Reproducible: the same site builds to the same bytes.
    assert_eq!(run(&site), (sitemap, atom));
}

#[test]
fn updated_must_be_a_date_not_before_date() {
    let site = support::TestSite::minimal();
    site.edit(
        support::POST,
        "date: 2022-08-04\n",
        "date: 2022-08-04\nupdated: 2022-08-01\n",
    );
    site.edit(
        support::STORY,
        "date: 2023-03-01\n",
        "date: 2023-03-01\nupdated: 2023-02-30\n",
    );
    let r = site.check(&[]);
    r.assert_error(
        &format!("{}:4:10", support::POST),
        &[
            "`updated` (2022-08-01) is before `date` (2022-08-04)",
            "same day as `date` or later",
        ],
    );
    r.assert_error(&format!("{}:4:10", support::STORY), &["invalid `updated`"]);
}
