//! Which pages the site has, and the context of the listing pages. Record
//! pages (post, story, event, province, library, stand-alone page) are in
//! [`super::detail`].

use super::detail;
use super::seo::Meta;
use super::urls;
use super::view::{self, Cx, Link};
use crate::model::LibraryLevel;
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

/// A rendered page.
pub struct Made {
    pub url: String,
    pub kind: String,
    pub in_sitemap: bool,
    pub html: String,
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
        Job::Provinces => listing(
            cx,
            "province_list.html",
            "/provinsi/",
            "provinces_title",
            "provinces",
            province_items(cx),
        ),
        Job::Province(id) => detail::province(cx, id),
        Job::Library(id) => detail::library(cx, id),
        Job::LibraryAlias(id, a) => alias(cx, id, a),
        Job::Awards => awards(cx),
        Job::AwardYear(y) => award_year(cx, y),
        Job::Tag(id) => tag(cx, id),
        Job::Search => search(cx),
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

#[derive(Serialize)]
struct YearItem {
    year: u16,
    url: String,
    count: usize,
}

#[derive(Serialize)]
struct ProvinceAwards {
    province: Link,
    awards: Vec<view::AwardView>,
}

fn awards(cx: &Cx) -> Page {
    let years: Vec<YearItem> = cx
        .site
        .award_years
        .iter()
        .map(|&y| YearItem {
            year: y,
            url: urls::award_year(y),
            count: cx.site.awards.iter().filter(|a| a.year == y).count(),
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("years", &years);
    let latest = cx.site.award_years.first().copied();
    ctx.insert("latest_year", &latest);
    ctx.insert(
        "groups",
        &latest.map(|y| award_groups(cx, y)).unwrap_or_default(),
    );
    let meta = Meta::new(cx, cx.i18n.get("awards_title"), "/penghargaan/", None);
    page("/penghargaan/", "award_list.html", meta, ctx, true)
}

/// Awards of a year grouped by province (the site's award order keeps a
/// province's awards together).
fn award_groups(cx: &Cx, year: u16) -> Vec<ProvinceAwards> {
    let mut groups: Vec<ProvinceAwards> = Vec::new();
    let mut last = None;
    for (i, a) in cx
        .site
        .awards
        .iter()
        .enumerate()
        .filter(|(_, a)| a.year == year)
    {
        if last != Some(a.province) {
            groups.push(ProvinceAwards {
                province: view::province_link(cx, a.province),
                awards: Vec::new(),
            });
            last = Some(a.province);
        }
        if let Some(g) = groups.last_mut() {
            g.awards
                .push(view::award(cx, crate::site::AwardId(i as u32)));
        }
    }
    groups
}

fn award_year(cx: &Cx, year: u16) -> Page {
    let url = urls::award_year(year);
    let mut ctx = Context::new();
    ctx.insert("year", &year);
    ctx.insert("groups", &award_groups(cx, year));
    let title = format!("{} {year}", cx.i18n.get("awards_title"));
    page(
        &url,
        "award_year.html",
        Meta::new(cx, title, url.clone(), None),
        ctx,
        true,
    )
}

fn tag(cx: &Cx, id: TagId) -> Page {
    let t = cx.site.tag(id);
    let url = urls::tag(&t.slug);
    let mut ctx = Context::new();
    ctx.insert("tag", &t.name);
    ctx.insert("posts", &view::all(cx, &t.posts, view::post_card));
    ctx.insert("stories", &view::all(cx, &t.stories, view::story_card));
    ctx.insert("events", &view::all(cx, &t.events, view::event_card));
    let title = format!("{}: {}", cx.i18n.get("tag"), t.name);
    page(
        &url,
        "tag.html",
        Meta::new(cx, title, url.clone(), None),
        ctx,
        true,
    )
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

fn search(cx: &Cx) -> Page {
    let provinces: Vec<Choice> = cx
        .site
        .provinces
        .iter()
        .enumerate()
        .map(|(i, p)| Choice {
            value: p.slug.clone(),
            label: cx.province_name(ProvinceId(i as u32)),
        })
        .collect();
    let kinds: Vec<Choice> = ["berita", "kisah", "plm", "perpustakaan"]
        .iter()
        .map(|k| Choice {
            value: k.to_string(),
            label: cx.i18n.get(&format!("kind_{k}")),
        })
        .collect();
    let levels: Vec<Choice> = LibraryLevel::ALL
        .iter()
        .map(|l| Choice {
            value: l.as_str().to_string(),
            label: cx.i18n.library_level(*l),
        })
        .collect();
    let mut years: Vec<i32> = cx.site.posts.iter().map(|p| p.date.year()).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let mut ctx = Context::new();
    ctx.insert("provinces", &provinces);
    ctx.insert("kinds", &kinds);
    ctx.insert("levels", &levels);
    ctx.insert("years", &years);
    page(
        "/cari/",
        "search.html",
        Meta::new(cx, cx.i18n.get("search_title"), "/cari/", None),
        ctx,
        true,
    )
}
