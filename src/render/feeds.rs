//! Machine-read files: Atom feeds of news (site-wide and per province), the
//! sitemap and robots.txt. Written here in Rust, every text escaped.

use super::dates;
use super::escape::html as esc;
use super::urls;
use super::view::Cx;
use super::OutFile;
use crate::model::Date;
use crate::site::{Post, PostId, Site, Story};
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
    out.push(OutFile {
        path: "atom.xml".into(),
        bytes: atom(
            cx,
            &site.config.title,
            "/atom.xml",
            "/berita/",
            &all_posts,
            &newest,
        )
        .into_bytes(),
    });
    for (i, p) in site.provinces.iter().enumerate() {
        let name = cx.province_name(crate::site::ProvinceId(i as u32));
        let title = format!("{} — {}", site.config.title, name);
        let posts: Vec<PostId> = p.posts.iter().take(FEED_LEN).copied().collect();
        let feed = urls::province_feed(&p.slug);
        out.push(OutFile {
            path: feed.trim_start_matches('/').to_string(),
            bytes: atom(cx, &title, &feed, &urls::province(&p.slug), &posts, &newest).into_bytes(),
        });
    }
    out.push(OutFile {
        path: "sitemap.xml".into(),
        bytes: sitemap(cx, pages).into_bytes(),
    });
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
            esc(&cx.bodies.posts[id.0 as usize])
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

fn sitemap(cx: &Cx, pages: &[String]) -> String {
    let mut urls: Vec<&String> = pages.iter().collect();
    urls.sort();
    let lastmod = lastmods(cx.site);
    let mut x = String::with_capacity(pages.len() * 110 + 200);
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for u in urls {
        x.push_str(&format!("  <url><loc>{}</loc>", esc(&cx.absolute(u))));
        if let Some(d) = lastmod.get(u.as_str()) {
            x.push_str(&format!("<lastmod>{d}</lastmod>"));
        }
        x.push_str("</url>\n");
    }
    x.push_str("</urlset>\n");
    x
}
