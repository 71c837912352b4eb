//! Which pages the site has, and the context of the main listing pages.
//! Record pages (post, story, event, province, library, stand-alone page)
//! are in [`super::detail`]; awards, tags and search in [`super::listing`].

use super::seo::Meta;
use super::urls;
use super::view::{self, Cx, Link};
use super::{detail, listing};
use crate::site::{EventId, LibraryId, PageId, PostId, ProvinceId, Site, StoryId, TagId};
use serde::Serialize;
use tera::Context;

/// One page to make.
#[derive(Debug, Clone, Copy)]
pub enum Job {
    Home,
    /// Page n (1-based) of the news listing.
    News(usize),
    Post(PostId),
    Stories,
    Story(StoryId),
    Events,
    Event(EventId),
    Provinces,
    Province(ProvinceId),
    Library(LibraryId),
    /// A library's printable poster (docs/library-material.md).
    Poster(LibraryId),
    /// An earlier id of a library (its `aliases`): a redirect page.
    LibraryAlias(LibraryId, usize),
    Awards,
    AwardYear(u16),
    Tag(TagId),
    Search,
    Page(PageId),
    NotFound,
}

/// A page ready for its template.
pub struct Page {
    pub url: String,
    pub template: &'static str,
    pub context: Context,
    pub in_sitemap: bool,
}

/// Every page of the site, in a fixed order.
pub fn jobs(site: &Site) -> Vec<Job> {
    let mut v = vec![
        Job::Home,
        Job::Stories,
        Job::Events,
        Job::Provinces,
        Job::Awards,
        Job::Search,
        Job::NotFound,
    ];
    v.extend((1..=news_pages(site)).map(Job::News));
    v.extend((0..site.posts.len()).map(|i| Job::Post(PostId(i as u32))));
    v.extend((0..site.stories.len()).map(|i| Job::Story(StoryId(i as u32))));
    v.extend((0..site.events.len()).map(|i| Job::Event(EventId(i as u32))));
    v.extend((0..site.provinces.len()).map(|i| Job::Province(ProvinceId(i as u32))));
    for (i, l) in site.libraries.iter().enumerate() {
        v.push(Job::Library(LibraryId(i as u32)));
        v.push(Job::Poster(LibraryId(i as u32)));
        v.extend((0..l.aliases.len()).map(|a| Job::LibraryAlias(LibraryId(i as u32), a)));
    }
    v.extend(site.award_years.iter().map(|&y| Job::AwardYear(y)));
    v.extend((0..site.tags.len()).map(|i| Job::Tag(TagId(i as u32))));
    v.extend((0..site.pages.len()).map(|i| Job::Page(PageId(i as u32))));
    v
}

fn news_pages(site: &Site) -> usize {
    site.posts
        .len()
        .div_ceil(site.config.per_page.max(1))
        .max(1)
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: Option<&'a str>,
    base_url: &'a str,
    language: &'a str,
    menu: Vec<Link>,
    stylesheet: &'a str,
    feed_url: &'static str,
    /// The Content-Security-Policy for the page's `<meta http-equiv>`.
    csp: &'static str,
}

/// What every page's context holds: `site` and `t` (the UI strings).
pub fn common(cx: &Cx, stylesheet: &str) -> Context {
    let c = &cx.site.config;
    let mut ctx = Context::new();
    ctx.insert(
        "site",
        &SiteView {
            title: &c.title,
            description: c.description.as_deref(),
            base_url: &c.base_url,
            language: &c.language,
            menu: c
                .menu
                .iter()
                .map(|m| Link {
                    name: m.name.clone(),
                    url: m.url.clone(),
                })
                .collect(),
            stylesheet,
            feed_url: "/atom.xml",
            csp: super::csp::SITE,
        },
    );
    ctx.insert("t", cx.i18n.strings);
    ctx
}

/// Builds the context of one page.
pub fn build(cx: &Cx, job: &Job) -> Page {
    match *job {
        Job::Home => home(cx),
        Job::News(n) => news(cx, n),
        Job::Post(id) => detail::post(cx, id),
        Job::Stories => listing(
            cx,
            "story_list.html",
            "/kisah/",
            "stories_title",
            "stories",
            view::all(cx, &ids(cx.site.stories.len(), StoryId), view::story_card),
        ),
        Job::Story(id) => detail::story(cx, id),
        Job::Events => listing(
            cx,
            "event_list.html",
            "/plm/",
            "events_title",
            "events",
            view::all(cx, &ids(cx.site.events.len(), EventId), view::event_card),
        ),
        Job::Event(id) => detail::event(cx, id),
        Job::Provinces => {
            let mut p = listing(
                cx,
                "province_list.html",
                "/provinsi/",
                "provinces_title",
                "provinces",
                province_items(cx),
            );
            p.context.insert("map", &super::charts::province_map(cx));
            p
        }
        Job::Province(id) => detail::province(cx, id),
        Job::Library(id) => detail::library(cx, id),
        Job::Poster(id) => super::material::poster(cx, id),
        Job::LibraryAlias(id, a) => alias(cx, id, a),
        Job::Awards => listing::awards(cx),
        Job::AwardYear(y) => listing::award_year(cx, y),
        Job::Tag(id) => listing::tag(cx, id),
        Job::Search => listing::search(cx),
        Job::Page(id) => detail::page(cx, id),
        Job::NotFound => {
            let mut meta = Meta::new(cx, cx.i18n.get("not_found_title"), "/404.html", None);
            meta.noindex = true;
            page("/404.html", "404.html", meta, Context::new(), false)
        }
    }
}

pub fn ids<I>(n: usize, f: fn(u32) -> I) -> Vec<I> {
    (0..n as u32).map(f).collect()
}

pub fn page(
    url: &str,
    template: &'static str,
    meta: Meta,
    mut context: Context,
    in_sitemap: bool,
) -> Page {
    context.insert("page", &meta);
    Page {
        url: url.to_string(),
        template,
        context,
        in_sitemap,
    }
}

fn listing<T: Serialize>(
    cx: &Cx,
    template: &'static str,
    url: &str,
    title_key: &str,
    name: &'static str,
    items: Vec<T>,
) -> Page {
    let meta = Meta::new(cx, cx.i18n.get(title_key), url, None);
    let mut ctx = Context::new();
    ctx.insert(name, &items);
    page(url, template, meta, ctx, true)
}

#[derive(Serialize)]
struct ProvinceItem {
    name: String,
    url: String,
    libraries: usize,
    posts: usize,
}

fn province_items(cx: &Cx) -> Vec<ProvinceItem> {
    cx.site
        .provinces
        .iter()
        .enumerate()
        .map(|(i, p)| ProvinceItem {
            name: cx.province_name(ProvinceId(i as u32)),
            url: urls::province(&p.slug),
            libraries: p.libraries.len(),
            posts: p.posts.len(),
        })
        .collect()
}

fn home(cx: &Cx) -> Page {
    let s = cx.site;
    let mut ctx = Context::new();
    ctx.insert(
        "posts",
        &view::all(cx, &ids(s.posts.len().min(6), PostId), view::post_card),
    );
    ctx.insert(
        "stories",
        &view::all(cx, &ids(s.stories.len().min(3), StoryId), view::story_card),
    );
    ctx.insert(
        "events",
        &view::all(cx, &ids(s.events.len().min(3), EventId), view::event_card),
    );
    let national = s.reports.iter().position(|r| r.province.is_none());
    ctx.insert(
        "figures",
        &national.map(|i| view::report(cx, crate::site::ReportId(i as u32))),
    );
    ctx.insert("provinces", &province_items(cx));
    ctx.insert("map", &super::charts::province_map(cx));
    let meta = Meta::new(cx, s.config.title.clone(), "/", None);
    page("/", "home.html", meta, ctx, true)
}

#[derive(Serialize)]
struct Pager {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PagerItem>,
}

#[derive(Serialize)]
struct PagerItem {
    number: usize,
    url: String,
    current: bool,
}

fn news(cx: &Cx, n: usize) -> Page {
    let per = cx.site.config.per_page.max(1);
    let total = news_pages(cx.site);
    let start = (n - 1) * per;
    let end = (start + per).min(cx.site.posts.len());
    let posts: Vec<_> = (start..end)
        .map(|i| view::post_card(cx, PostId(i as u32)))
        .collect();
    let url = urls::news_page(n);
    let mut title = cx.i18n.get("news_title");
    if n > 1 {
        title = format!("{title} — {} {n}", cx.i18n.get("page"));
    }
    let mut ctx = Context::new();
    ctx.insert("posts", &posts);
    ctx.insert(
        "pager",
        &Pager {
            current: n,
            total,
            prev: (n > 1).then(|| urls::news_page(n - 1)),
            next: (n < total).then(|| urls::news_page(n + 1)),
            pages: (1..=total)
                .map(|i| PagerItem {
                    number: i,
                    url: urls::news_page(i),
                    current: i == n,
                })
                .collect(),
        },
    );
    page(
        &url,
        "post_list.html",
        Meta::new(cx, title, url.clone(), None),
        ctx,
        true,
    )
}

fn alias(cx: &Cx, id: LibraryId, a: usize) -> Page {
    let l = cx.site.library(id);
    let url = urls::library(&l.aliases[a]);
    let target = urls::library(&l.id);
    let mut meta = Meta::new(cx, l.name.clone(), url.clone(), None);
    meta.canonical = cx.absolute(&target);
    meta.noindex = true;
    let mut ctx = Context::new();
    ctx.insert("target", &target);
    page(&url, "redirect.html", meta, ctx, false)
}
