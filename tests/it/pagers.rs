//! Lists stay small however large the site, and still reach every record:
//! every list page is at most 30 KB of HTML, a province page at most
//! 150 KB even with 3,500 libraries, pagers link a fixed handful of pages,
//! and following links from a section's first page reaches each of its
//! records (every library from `/provinsi/`, every post from `/berita/`, …).
//! `warta serve` keeps paginated lists whole when an edit adds or removes
//! one of their pages.

use crate::html;
use crate::served;

use served::{assert_served_as_built, set_line};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use warta::render::incremental::{self, BodyCache, Job, List, Prepared};
use warta::site::{ResolveOptions, Site};

const BIN: &str = env!("CARGO_BIN_EXE_warta");
const LIST_MAX: usize = 30 * 1024;
const PROVINCE_MAX: usize = 150 * 1024;
/// Numbered links in a pager: first, two each side of the current, last,
/// and on each side a lone page left out shown rather than `…` for it.
const PAGER_MAX: usize = 8;

/// Internal link targets of `html` (path only, no fragment or query).
fn links(html: &str) -> Vec<String> {
    html::tags(html)
        .into_iter()
        .filter(|t| t.name == "a")
        .filter_map(|t| t.attr("href").map(str::to_string))
        .filter(|h| h.starts_with('/'))
        .map(|h| h.split(['#', '?']).next().unwrap_or_default().to_string())
        .collect()
}

/// Every link reached from `start` by following the links `follow` allows
/// (each a page `page` returns), with the clicks it takes.
fn crawl(
    page: &dyn Fn(&str) -> Option<String>,
    start: &str,
    follow: &dyn Fn(&str) -> bool,
) -> HashMap<String, usize> {
    let mut seen: HashMap<String, usize> = HashMap::from([(start.to_string(), 0)]);
    let mut queue = VecDeque::from([start.to_string()]);
    while let Some(url) = queue.pop_front() {
        let html = page(&url).unwrap_or_else(|| panic!("no page at {url}"));
        let depth = seen[&url];
        for l in links(&html) {
            if !seen.contains_key(&l) {
                seen.insert(l.clone(), depth + 1);
                if follow(&l) {
                    queue.push_back(l);
                }
            }
        }
    }
    seen
}

/// Links of `reached` under `prefix` one segment deep (`/berita/<slug>/`).
fn records(reached: &HashMap<String, usize>, prefix: &str) -> BTreeSet<String> {
    reached
        .keys()
        .filter_map(|u| u.strip_prefix(prefix)?.strip_suffix('/'))
        .filter(|s| !s.is_empty() && !s.contains('/') && *s != "page")
        .map(str::to_string)
        .collect()
}

fn is_page_of(url: &str, base: &str) -> bool {
    url == base
        || url
            .strip_prefix(base)
            .and_then(|r| r.strip_prefix("page/"))
            .and_then(|r| r.strip_suffix('/'))
            .is_some_and(|n| n.parse::<usize>().is_ok())
}

/// Numbered links of the page's pager (the current page is not a link).
fn pager_links(html: &str) -> usize {
    let Some(nav) = html.split("<nav class=\"pager\"").nth(1) else {
        return 0;
    };
    let nav = nav.split("</nav>").next().unwrap_or_default();
    html::tags(nav)
        .iter()
        .filter(|t| t.name == "a" && t.attr("rel").is_none())
        .count()
}

fn synth(root: &Path, libraries: usize, posts: usize, stories: usize) {
    warta::synth::write(
        root,
        &warta::synth::SynthOptions {
            libraries,
            posts,
            stories,
            seed: 7,
        },
    )
    .expect("synth");
}

fn check(root: &Path) -> Site {
    let checked = warta::pipeline::check(root, ResolveOptions::default());
    assert!(!checked.diags.has_errors(), "the site has errors");
    checked.site
}

/// Built through the binary: every list small, every record reached.
#[test]
fn synthetic_site_lists_are_small_and_reach_every_record() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    synth(&root, 80, 260, 30);
    let out = tmp.path().join("public");
    let o = Command::new(BIN)
        .args(["--messages", "plain", "--root"])
        .arg(&root)
        .args(["build", "--out"])
        .arg(&out)
        .output()
        .expect("run warta build");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let site = check(&root);
    let page = |url: &str| {
        fs::read_to_string(out.join(url.trim_start_matches('/')).join("index.html")).ok()
    };

    // Sizes, and pagers of a fixed size.
    let mut lists = 0;
    let mut largest: BTreeMap<&str, usize> = BTreeMap::new();
    for e in walkdir::WalkDir::new(&out) {
        let e = e.unwrap();
        if e.file_name() != "index.html" {
            continue;
        }
        let rel = e.path().parent().unwrap().strip_prefix(&out).unwrap();
        let url = format!("/{}/", rel.to_string_lossy()).replace("//", "/");
        let html = fs::read_to_string(e.path()).unwrap();
        let parts: Vec<&str> = url.trim_matches('/').split('/').collect();
        let kind = match parts.as_slice() {
            ["berita" | "kisah" | "plm" | "penghargaan" | "tag", ..] if parts.len() == 1 => {
                "section"
            }
            [_, "page", _] | ["tag", _] | ["tag", _, "page", _] | ["penghargaan", _] => "list",
            ["penghargaan", _, "page", _] => "list",
            ["provinsi", _, _] | ["provinsi", _, _, "page", _] => "list",
            ["provinsi", _] => "province",
            _ => continue,
        };
        let max = if kind == "province" {
            PROVINCE_MAX
        } else {
            LIST_MAX
        };
        assert!(html.len() <= max, "{url}: {} bytes", html.len());
        assert!(
            pager_links(&html) <= PAGER_MAX,
            "{url}: {} pager links",
            pager_links(&html)
        );
        let l = largest.entry(kind).or_default();
        *l = (*l).max(html.len());
        lists += 1;
    }
    eprintln!("{lists} list and province pages; largest: {largest:?}");
    assert!(
        out.join("berita/page/26/index.html").is_file(),
        "260 posts, 10 a page"
    );
    assert!(out.join("kisah/page/3/index.html").is_file());
    // The pager: named, the current page marked, Indonesian words.
    let p5 = page("/berita/page/5/").unwrap();
    for want in [
        "<nav class=\"pager\" aria-label=\"Pilih halaman\">",
        "Halaman 5 dari 26",
        "<span aria-current=\"page\">5</span>",
        "<a href=\"/berita/page/4/\" rel=\"prev\">← Sebelumnya</a>",
        "<a href=\"/berita/page/6/\" rel=\"next\">Berikutnya →</a>",
        "<a href=\"/berita/\" aria-label=\"Halaman 1\">1</a>",
        "<a href=\"/berita/page/26/\" aria-label=\"Halaman 26\">26</a>",
    ] {
        assert!(p5.contains(want), "/berita/page/5/ lacks {want}");
    }
    assert!(!p5.contains("/berita/page/10/"));

    // Each section's first page reaches every record of it.
    let section = |base: &str| {
        let reached = crawl(&page, base, &|u| is_page_of(u, base));
        records(&reached, base)
    };
    let slugs = |v: Vec<&str>| v.into_iter().map(str::to_string).collect::<BTreeSet<_>>();
    assert_eq!(
        section("/berita/"),
        slugs(site.posts.iter().map(|p| p.slug.as_str()).collect())
    );
    assert_eq!(
        section("/kisah/"),
        slugs(site.stories.iter().map(|p| p.slug.as_str()).collect())
    );
    assert_eq!(
        section("/plm/"),
        slugs(site.events.iter().map(|p| p.slug.as_str()).collect())
    );
    for t in &site.tags {
        let base = format!("/tag/{}/", t.slug);
        let reached = crawl(&page, &base, &|u| is_page_of(u, &base));
        let posts = records(&reached, "/berita/");
        let want: Vec<&str> = t
            .posts
            .iter()
            .map(|&p| site.posts[p.index()].slug.as_str())
            .collect();
        assert_eq!(posts, slugs(want), "tag {}", t.slug);
        assert_eq!(
            records(&reached, "/kisah/").len(),
            t.stories.len(),
            "tag {}",
            t.slug
        );
    }
    // Libraries from the province list, and a province's news from its page.
    let reached = crawl(&page, "/provinsi/", &|u| {
        u.starts_with("/provinsi/") && u.ends_with('/')
    });
    let want: Vec<&str> = site.libraries.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(records(&reached, "/perpustakaan/"), slugs(want));
    let mut paged = 0;
    for p in &site.provinces {
        let base = format!("/provinsi/{}/", p.slug);
        let news = format!("{base}berita/");
        let reached = crawl(&page, &base, &|u| is_page_of(u, &news));
        let want: Vec<&str> = p
            .posts
            .iter()
            .map(|&i| site.posts[i.index()].slug.as_str())
            .collect();
        let got: BTreeSet<String> = records(&reached, "/berita/");
        assert!(slugs(want.clone()).is_subset(&got), "{}", p.slug);
        if reached.contains_key(&news) {
            paged += 1;
        }
    }
    assert!(paged > 0, "some province has a list of its own news");
    // Every award, from the award index.
    let reached = crawl(&page, "/penghargaan/", &|u| {
        u.starts_with("/penghargaan/") && u.ends_with('/')
    });
    let rows: usize = reached
        .keys()
        .filter(|u| u.len() > "/penghargaan/".len() && u.starts_with("/penghargaan/"))
        .map(|u| {
            page(u)
                .unwrap()
                .matches("<tr><td><a href=\"/penghargaan/")
                .count()
        })
        .sum();
    assert_eq!(rows, site.awards.len());
}

/// 3,500 libraries in one province (in-process: rendering only the
/// province and regency pages keeps it quick).
#[test]
fn a_province_with_3500_libraries_stays_small() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    synth(root, 40, 20, 0);
    let regencies: Vec<serde_yaml::Value> =
        serde_yaml::from_str(warta::synth::REGENCIES_YAML).unwrap();
    let codes: Vec<&str> = regencies
        .iter()
        .filter(|r| r["province"].as_str() == Some("33"))
        .filter_map(|r| r["code"].as_str())
        .collect();
    assert!(codes.len() >= 30);
    let mut yaml = String::new();
    for i in 0..3500 {
        // Uneven, as real regencies are: the first has 400.
        let code = if i < 400 {
            codes[0]
        } else {
            codes[i % codes.len()]
        };
        yaml.push_str(&format!(
            "- id: uji-perpus-{i}\n  name: \"Perpustakaan Desa Uji {i:04}\"\n  level: desa\n  province: jawa-tengah\n  regency: \"{code}\"\n  village: \"Ujimulya {i}\"\n"
        ));
    }
    fs::write(root.join("data/libraries/uji-jawa-tengah.yaml"), yaml).unwrap();
    let site = check(root);
    let jateng = site
        .provinces
        .iter()
        .position(|p| p.slug == "jawa-tengah")
        .unwrap();
    assert!(site.provinces[jateng].libraries.len() >= 3500);

    let jobs: Vec<Job> = incremental::jobs(&site)
        .into_iter()
        .filter(|j| matches!(j, Job::Province(_) | Job::List(List::Regency(_), _)))
        .collect();
    let pages = render(root, &site, &jobs);
    let province = &pages["/provinsi/jawa-tengah/"];
    eprintln!(
        "province page with 3,500 libraries: {} bytes",
        province.len()
    );
    assert!(province.len() <= PROVINCE_MAX, "{} bytes", province.len());
    for (url, html) in &pages {
        if url.starts_with("/provinsi/jawa-tengah/") && url != "/provinsi/jawa-tengah/" {
            assert!(html.len() <= LIST_MAX, "{url}: {} bytes", html.len());
        }
    }
    let get = |u: &str| pages.get(u).cloned();
    let reached = crawl(&get, "/provinsi/jawa-tengah/", &|u| {
        u.starts_with("/provinsi/jawa-tengah/") && pages.contains_key(u)
    });
    let want: BTreeSet<String> = site.provinces[jateng]
        .libraries
        .iter()
        .map(|&l| site.libraries[l.index()].id.clone())
        .collect();
    assert_eq!(records(&reached, "/perpustakaan/"), want);
    let deepest = want
        .iter()
        .map(|id| reached[&format!("/perpustakaan/{id}/")])
        .max()
        .unwrap();
    assert!(
        deepest <= 3,
        "a library {deepest} clicks from its province page"
    );
    assert!(pages.contains_key(&format!(
        "/provinsi/jawa-tengah/{}/page/4/",
        slug(&site, codes[0])
    )));
}

fn slug(site: &Site, code: &str) -> String {
    let r = site.regencies.iter().find(|r| r.code == code).unwrap();
    warta::model::slugify(&r.official_name)
}

/// URL → HTML of `jobs` rendered with the site's theme.
fn render(root: &Path, site: &Site, jobs: &[Job]) -> BTreeMap<String, String> {
    let mut files = warta::diag::SourceMap::new();
    let theme =
        warta::load::theme::load_theme(root, &site.config.theme, &site.config.language, &mut files)
            .expect("theme");
    let prepared = Prepared::new(theme).expect("templates compile");
    let mut bodies = BodyCache::new();
    bodies.update(site);
    incremental::render_jobs(site, &prepared, bodies.bodies().unwrap(), jobs)
        .expect("render")
        .into_iter()
        .map(|p| (p.url, p.html))
        .collect()
}

/// A post edit that gives a tag a second page, then takes it away: the
/// served site is the built one each time.
#[test]
fn serve_adds_and_removes_list_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    synth(root, 20, 30, 0);
    // Ten posts with a tag of their own: one page of ten.
    for i in 0..10 {
        fs::write(
            root.join(format!("content/berita/uji-halaman-{i}.md")),
            format!("---\ntitle: Uji Halaman {i}\ndate: 2020-02-{:02}\nprovinces: [aceh]\ntags: [uji-halaman]\n---\n\nIsi.\n", i + 1),
        )
        .unwrap();
    }
    let mut engine = warta::serve::engine::Engine::new(root, ResolveOptions::default());
    engine.verify = true;
    assert!(engine.build().ok);
    let post: PathBuf = {
        let mut v: Vec<PathBuf> = fs::read_dir(root.join("content/berita"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| !p.to_string_lossy().contains("uji-halaman"))
            .filter(|p| fs::read_to_string(p).is_ok_and(|t| t.contains("\ntags:")))
            .collect();
        v.sort();
        v.remove(0)
    };
    let before = fs::read_to_string(&post).unwrap();
    let second = "tag/uji-halaman/page/2/index.html";

    set_line(&post, "tags:", "tags: [\"uji-halaman\"]");
    let o = engine.rebuild(std::slice::from_ref(&post));
    assert!(o.ok && o.patched, "{:?}", o.full_check);
    assert!(o.full.is_some(), "a page came: everything is rendered");
    assert!(engine.get(second).is_some());
    assert_served_as_built(&engine, root, "a tag's second page");

    set_line(&post, "title:", "title: \"Judul Lain\"");
    let o = engine.rebuild(std::slice::from_ref(&post));
    assert!(o.ok && o.patched && o.full.is_none(), "{:?}", o.full);
    assert!(o.mismatches.is_empty(), "{:?}", o.mismatches);
    assert_served_as_built(&engine, root, "a title in a paged tag");

    fs::write(&post, &before).unwrap();
    let o = engine.rebuild(std::slice::from_ref(&post));
    assert!(o.ok && o.full.is_some());
    assert!(engine.get(second).is_none(), "the second page went");
    assert_served_as_built(&engine, root, "the second page gone");
}
