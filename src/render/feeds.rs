//! Machine-read files: Atom feeds of news (site-wide and per province), the
//! sitemap and robots.txt. Written here in Rust, every text escaped.

use super::dates;
use super::escape::html as esc;
use super::urls;
use super::view::Cx;
use super::OutFile;
use crate::site::PostId;

/// Posts in a feed.
const FEED_LEN: usize = 20;

/// `atom.xml`, one feed per province, `sitemap.xml`, `robots.txt`.
/// `pages` are the URL paths of the HTML pages for the sitemap.
pub fn all(cx: &Cx, pages: &[String]) -> Vec<OutFile> {
    let site = cx.site;
    let mut out = Vec::new();
    let all_posts: Vec<PostId> = (0..site.posts.len().min(FEED_LEN) as u32)
        .map(PostId)
        .collect();
    out.push(OutFile {
        path: "atom.xml".into(),
        bytes: atom(cx, &site.config.title, "/atom.xml", "/berita/", &all_posts).into_bytes(),
    });
    for (i, p) in site.provinces.iter().enumerate() {
        let name = cx.province_name(crate::site::ProvinceId(i as u32));
        let title = format!("{} — {}", site.config.title, name);
        let posts: Vec<PostId> = p.posts.iter().take(FEED_LEN).copied().collect();
        let feed = urls::province_feed(&p.slug);
        out.push(OutFile {
            path: feed.trim_start_matches('/').to_string(),
            bytes: atom(cx, &title, &feed, &urls::province(&p.slug), &posts).into_bytes(),
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

fn atom(cx: &Cx, title: &str, self_url: &str, alternate: &str, posts: &[PostId]) -> String {
    let site = cx.site;
    // The newest post dates the feed: the clock never enters the output.
    let updated = posts
        .iter()
        .map(|id| site.posts[id.0 as usize].date)
        .max()
        .map(dates::rfc3339)
        .unwrap_or_else(|| "2000-01-01T00:00:00+07:00".into());
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
            dates::rfc3339(p.date)
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

fn sitemap(cx: &Cx, pages: &[String]) -> String {
    let mut urls: Vec<&String> = pages.iter().collect();
    urls.sort();
    let mut x = String::with_capacity(pages.len() * 80 + 200);
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for u in urls {
        x.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            esc(&cx.absolute(u))
        ));
    }
    x.push_str("</urlset>\n");
    x
}
