//! Machine-read files: Atom feeds of news (site-wide and per province), the
//! sitemap and robots.txt. Written here in Rust, every text escaped.

use super::bodies::Kind;
use super::dates;
use super::urls;
use super::view::Cx;
use super::OutFile;
use crate::escape::html as esc;
use crate::model::Date;
use crate::site::{Post, PostId, Site, Story};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;

/// Posts in a feed.
const FEED_LEN: usize = 20;

/// `atom.xml`, one feed per province, `sitemap.xml`, `robots.txt`.
/// `pages` are the URL paths of the HTML pages for the sitemap.
pub fn all(cx: &Cx, pages: &[String]) -> Vec<OutFile> {
    let site = cx.site;
    let newest = newest(site);
    let mut out = Vec::new();
    let all_posts: Vec<PostId> = (0..site.posts.len().min(FEED_LEN) as u32)
        .map(PostId)
        .collect();
    // The bodies of every post in a feed, each rendered once (the feeds
    // share most of theirs), in parallel.
    let mut in_feeds: Vec<PostId> = site
        .provinces
        .iter()
        .flat_map(|p| p.posts.iter().take(FEED_LEN).copied())
        .chain(all_posts.iter().copied())
        .collect();
    in_feeds.sort_unstable_by_key(|id| id.0);
    in_feeds.dedup();
    let bodies: HashMap<u32, Cow<str>> = in_feeds
        .par_iter()
        .map(|id| (id.0, cx.bodies.again(Kind::Post, id.0)))
        .collect();
    out.push(OutFile {
        path: "atom.xml".into(),
        bytes: atom(
            cx,
            &bodies,
            &site.config.title,
            "/atom.xml",
            "/berita/",
            &all_posts,
            &newest,
        )
        .into_bytes(),
    });
    // The province feeds and the sitemap side by side, each feed on its
    // own task (`warta serve` makes them again on every save).
    let (provinces, sitemaps) = rayon::join(
        || {
            site.provinces
                .par_iter()
                .enumerate()
                .map(|(i, p)| {
                    let name = cx.province_name(crate::site::ProvinceId(i as u32));
                    let title = format!("{} — {}", site.config.title, name);
                    let posts: Vec<PostId> = p.posts.iter().take(FEED_LEN).copied().collect();
                    let feed = urls::province_feed(&p.slug);
                    OutFile {
                        path: feed.trim_start_matches('/').to_string(),
                        bytes: atom(
                            cx,
                            &bodies,
                            &title,
                            &feed,
                            &urls::province(&p.slug),
                            &posts,
                            &newest,
                        )
                        .into_bytes(),
                    }
                })
                .collect::<Vec<_>>()
        },
        || sitemaps(&site.config.base_url, pages, &lastmods(site)),
    );
    out.extend(provinces);
    out.extend(sitemaps);
    out.push(OutFile {
        path: "robots.txt".into(),
        bytes: format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}\n",
            cx.absolute("/sitemap.xml")
        )
        .into_bytes(),
    });
    out
}

/// When a post or story last changed: its `updated`, else its `date`.
fn post_changed(p: &Post) -> Date {
    p.updated.unwrap_or(p.date)
}

fn story_changed(s: &Story) -> Date {
    s.updated.unwrap_or(s.date)
}

/// The site's newest date, as Atom's `updated`: of its newest post, else
/// of any dated record (story, event, report). A feed without entries (a
/// province without news) says this, so it changes only when the site's
/// data does; never the clock, so two builds of one site are identical. A
/// site with no dated record at all has only the Unix epoch to say.
fn newest(site: &Site) -> String {
    let posts = site.posts.iter().map(post_changed).max();
    let any = || {
        let stories = site.stories.iter().map(story_changed);
        let events = site
            .events
            .iter()
            .map(|e| e.end.unwrap_or(e.start).max(e.start));
        let reports = site.reports.iter().map(|r| r.date);
        stories.chain(events).chain(reports).max()
    };
    posts
        .or_else(any)
        .map(dates::rfc3339)
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into())
}

fn atom(
    cx: &Cx,
    bodies: &HashMap<u32, Cow<str>>,
    title: &str,
    self_url: &str,
    alternate: &str,
    posts: &[PostId],
    newest: &str,
) -> String {
    let site = cx.site;
    // The newest entry dates the feed: the clock never enters the output.
    let updated = posts
        .iter()
        .map(|id| post_changed(&site.posts[id.0 as usize]))
        .max()
        .map(dates::rfc3339)
        .unwrap_or_else(|| newest.to_string());
    let mut x = String::with_capacity(4096);
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        esc(cx.lang())
    ));
    x.push_str(&format!("  <title>{}</title>\n", esc(title)));
    x.push_str(&format!("  <id>{}</id>\n", esc(&cx.absolute(self_url))));
    x.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        esc(&cx.absolute(self_url))
    ));
    x.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        esc(&cx.absolute(alternate))
    ));
    x.push_str(&format!("  <updated>{updated}</updated>\n"));
    let author = site
        .config
        .author
        .clone()
        .unwrap_or_else(|| site.config.title.clone());
    x.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        esc(&author)
    ));
    for id in posts {
        let p = &site.posts[id.0 as usize];
        let url = cx.absolute(&urls::post(&p.slug));
        x.push_str("  <entry>\n");
        x.push_str(&format!("    <title>{}</title>\n", esc(&p.title)));
        x.push_str(&format!("    <id>{}</id>\n", esc(&url)));
        x.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            esc(&url)
        ));
        x.push_str(&format!(
            "    <published>{}</published>\n",
            dates::rfc3339(p.date)
        ));
        x.push_str(&format!(
            "    <updated>{}</updated>\n",
            dates::rfc3339(post_changed(p))
        ));
        if let Some(a) = &p.author {
            x.push_str(&format!("    <author><name>{}</name></author>\n", esc(a)));
        }
        if let Some(s) = &p.summary {
            x.push_str(&format!("    <summary>{}</summary>\n", esc(s.trim())));
        }
        x.push_str(&format!(
            "    <content type=\"html\" xml:base=\"{}\">{}</content>\n",
            esc(&url),
            esc(bodies.get(&id.0).map_or("", |b| b.as_ref()))
        ));
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

/// `lastmod` of the pages that have a date: a post or story page (its
/// last change), an event page and a province's or library's page (the
/// newest change of the news and stories it shows), the front page and
/// the news and story lists. Pages without a date get none rather than a
/// made-up one. Linear in the records.
fn lastmods(site: &Site) -> HashMap<String, Date> {
    let mut m: HashMap<String, Date> = HashMap::new();
    let newest_of = |posts: &[PostId], stories: &[crate::site::StoryId]| {
        let p = posts.iter().map(|i| post_changed(&site.posts[i.index()]));
        let s = stories
            .iter()
            .map(|i| story_changed(&site.stories[i.index()]));
        p.chain(s).max()
    };
    for p in &site.posts {
        m.insert(urls::post(&p.slug), post_changed(p));
    }
    for s in &site.stories {
        m.insert(urls::story(&s.slug), story_changed(s));
    }
    for e in &site.events {
        if let Some(d) = newest_of(&e.posts, &[]) {
            m.insert(urls::event(&e.slug), d);
        }
    }
    for p in &site.provinces {
        if let Some(d) = newest_of(&p.posts, &p.stories) {
            m.insert(urls::province(&p.slug), d);
        }
    }
    for l in &site.libraries {
        if let Some(d) = newest_of(&l.posts, &l.stories) {
            m.insert(urls::library(&l.id), d);
        }
    }
    let news = site.posts.iter().map(post_changed).max();
    let stories = site.stories.iter().map(story_changed).max();
    for (url, d) in [
        ("/berita/", news),
        ("/kisah/", stories),
        ("/", news.max(stories)),
    ] {
        if let Some(d) = d {
            m.insert(url.to_string(), d);
        }
    }
    m
}

/// URLs in one sitemap file: the protocol's limit (sitemaps.org).
const SITEMAP_MAX: usize = 50_000;

/// `sitemap.xml` listing `pages`, sorted; above [`SITEMAP_MAX`] pages, a
/// sitemap index naming `sitemap-1.xml`, `sitemap-2.xml`, … of that many
/// each (a larger file is ignored by search engines).
fn sitemaps(base_url: &str, pages: &[String], lastmod: &HashMap<String, Date>) -> Vec<OutFile> {
    const HEAD: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
    const NS: &str = "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"";
    use std::fmt::Write as _;
    let mut urls: Vec<&String> = pages.iter().collect();
    // Equal addresses are the same bytes, so an unstable sort is exact.
    urls.par_sort_unstable();
    let urlset = |urls: &[&String]| {
        let mut x = String::with_capacity(urls.len() * 80 + 200);
        x.push_str(HEAD);
        let _ = writeln!(x, "<urlset {NS}>");
        for u in urls {
            let _ = write!(x, "  <url><loc>{}</loc>", esc(&format!("{base_url}{u}")));
            if let Some(d) = lastmod.get(u.as_str()) {
                let _ = write!(x, "<lastmod>{d}</lastmod>");
            }
            x.push_str("</url>\n");
        }
        x.push_str("</urlset>\n");
        x.into_bytes()
    };
    if urls.len() <= SITEMAP_MAX {
        return vec![OutFile {
            path: "sitemap.xml".into(),
            bytes: urlset(&urls),
        }];
    }
    let mut index = format!("{HEAD}<sitemapindex {NS}>\n");
    // The parts on all cores (50,000 addresses each).
    let mut out: Vec<OutFile> = urls
        .par_chunks(SITEMAP_MAX)
        .enumerate()
        .map(|(i, part)| OutFile {
            path: format!("sitemap-{}.xml", i + 1),
            bytes: urlset(part),
        })
        .collect();
    for part in &out {
        let _ = writeln!(
            index,
            "  <sitemap><loc>{}</loc></sitemap>",
            esc(&format!("{base_url}/{}", part.path))
        );
    }
    index.push_str("</sitemapindex>\n");
    out.push(OutFile {
        path: "sitemap.xml".into(),
        bytes: index.into_bytes(),
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `path` is one of the sitemap files [`all`] makes.
    fn is_sitemap(path: &str) -> bool {
        path == "sitemap.xml"
            || path
                .strip_prefix("sitemap-")
                .and_then(|p| p.strip_suffix(".xml"))
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
    }

    fn count(bytes: &[u8], what: &str) -> usize {
        String::from_utf8_lossy(bytes).matches(what).count()
    }

    #[test]
    fn a_small_site_has_one_sitemap() {
        let pages = vec!["/b/".to_string(), "/a/".to_string()];
        let files = sitemaps("https://x.id", &pages, &HashMap::new());
        assert_eq!(files.len(), 1);
        let text = String::from_utf8_lossy(&files[0].bytes).to_string();
        assert!(text.find("https://x.id/a/") < text.find("https://x.id/b/"));
        assert!(files.iter().all(|f| is_sitemap(&f.path)));
    }

    #[test]
    fn a_large_site_has_a_sitemap_index() {
        let pages: Vec<String> = (0..SITEMAP_MAX * 2 + 1)
            .map(|i| format!("/berita/{i:06}/"))
            .collect();
        let files = sitemaps("https://x.id", &pages, &HashMap::new());
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml",
                "sitemap.xml"
            ]
        );
        assert_eq!(count(&files[0].bytes, "<url>"), SITEMAP_MAX);
        assert_eq!(count(&files[2].bytes, "<url>"), 1);
        assert_eq!(count(&files[3].bytes, "<sitemap>"), 3);
        assert!(String::from_utf8_lossy(&files[3].bytes)
            .contains("<loc>https://x.id/sitemap-2.xml</loc>"));
        assert!(files.iter().all(|f| is_sitemap(&f.path)));
        assert!(!is_sitemap("sitemap-x.xml") && !is_sitemap("atom.xml"));
    }
}
