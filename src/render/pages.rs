//! Which pages the site has, and which builder makes each: the home
//! page, the province list and redirects here; record pages (post, story,
//! event, province, library, stand-alone page) in [`super::detail`];
//! paginated lists, awards and search in [`super::listing`]; posters in
//! [`super::material`]. They share [`super::job`].

use super::job::{ids, page, Job, List, Page, Section};
use super::seo::Meta;
use super::urls;
use super::view::{self, Cx, Link};
use super::{detail, listing};
use crate::site::{
    EventId, LibraryId, PageId, PostId, ProvinceId, RegencyId, Site, StoryId, TagId,
};
use serde::Serialize;
use tera::Context;

/// Every page of the site, in a fixed order.
pub fn jobs(site: &Site) -> Vec<Job> {
    let mut v = vec![
        Job::Home,
        Job::Provinces,
        Job::Awards,
        Job::Search,
        Job::NotFound,
    ];
    let mut lists = vec![List::News, List::Stories, List::Events];
    lists.extend((0..site.tags.len()).map(|i| List::Tag(TagId(i as u32))));
    lists.extend(site.award_years.iter().map(|&y| List::AwardYear(y)));
    lists.extend((0..site.regencies.len()).map(|i| List::Regency(RegencyId(i as u32))));
    for p in 0..site.provinces.len() as u32 {
        for s in [Section::News, Section::Stories, Section::Events] {
            lists.push(List::Province(ProvinceId(p), s));
        }
    }
    for l in lists {
        v.extend(l.jobs(site));
    }
    v.extend((0..site.posts.len()).map(|i| Job::Post(PostId(i as u32))));
    v.extend((0..site.stories.len()).map(|i| Job::Story(StoryId(i as u32))));
    v.extend((0..site.events.len()).map(|i| Job::Event(EventId(i as u32))));
    v.extend((0..site.provinces.len()).map(|i| Job::Province(ProvinceId(i as u32))));
    for (i, l) in site.libraries.iter().enumerate() {
        v.push(Job::Library(LibraryId(i as u32)));
        v.push(Job::Poster(LibraryId(i as u32)));
        v.extend((0..l.aliases.len()).map(|a| Job::LibraryAlias(LibraryId(i as u32), a)));
    }
    v.extend((0..site.pages.len()).map(|i| Job::Page(PageId(i as u32))));
    v
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
    /// Icons and manifest for the head (`partials/icons.html`).
    icons: &'a [super::icons::IconLink],
    manifest: &'static str,
    theme_color: &'a str,
    /// The theme's settings from `extra:` in data/site.yaml.
    extra: &'a std::collections::BTreeMap<String, serde_json::Value>,
}

/// What every page's context holds: `site` and `t` (the UI strings).
pub fn common(cx: &Cx, stylesheet: &str, icons: &super::icons::Icons) -> Context {
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
            csp: crate::csp::SITE,
            icons: &icons.links,
            manifest: super::icons::MANIFEST,
            theme_color: &icons.theme_color,
            extra: &c.extra,
        },
    );
    ctx.insert("t", cx.i18n.strings);
    // Set by the pages that have them (record pages, the places).
    ctx.insert("breadcrumbs", &None::<()>);
    ctx.insert("share", &None::<()>);
    ctx
}

/// Builds the context of one page: its builder's, and a social card when
/// the page shows no picture of its own (see [`super::cards`]).
pub fn build(cx: &Cx, job: &Job) -> Page {
    let mut page = builder(cx, job);
    if page.meta.image.is_none() && !page.meta.noindex {
        if let Some(spec) = super::cards::spec(cx, job, &page.meta) {
            page.meta = std::mem::take(&mut page.meta).with_card(cx, view::page_card(spec));
        }
    }
    page.context.insert("page", &page.meta);
    page
}

fn builder(cx: &Cx, job: &Job) -> Page {
    match *job {
        Job::Home => home(cx),
        Job::Post(id) => detail::post(cx, id),
        Job::Story(id) => detail::story(cx, id),
        Job::Event(id) => detail::event(cx, id),
        Job::Provinces => provinces(cx),
        Job::Province(id) => detail::province(cx, id),
        Job::Library(id) => detail::library(cx, id),
        Job::Poster(id) => super::material::poster(cx, id),
        Job::LibraryAlias(id, a) => alias(cx, id, a),
        Job::Awards => listing::awards(cx),
        Job::Search => listing::search(cx),
        Job::Page(id) => detail::page(cx, id),
        Job::NotFound => {
            let mut meta = Meta::new(cx, cx.i18n.get("not_found_title"), "/404.html", None);
            meta.noindex = true;
            page("/404.html", "404.html", meta, Context::new(), false)
        }
        Job::List(list, n) => listing::list(cx, list, n),
    }
}

fn provinces(cx: &Cx) -> Page {
    let url = "/provinsi/";
    let meta = Meta::new(cx, cx.i18n.get("provinces_title"), url, None);
    let mut ctx = Context::new();
    ctx.insert("provinces", &province_items(cx));
    ctx.insert("map", &super::charts::province_map(cx));
    page(url, "province_list.html", meta, ctx, true)
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
    let upcoming = super::job::upcoming(s);
    let events: Vec<EventId> = (0..s.events.len().min(3))
        .map(|i| super::job::event_at(upcoming, i))
        .collect();
    ctx.insert("events", &view::all(cx, &events, view::event_card));
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
