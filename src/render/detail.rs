//! The pages of single records: a post, a story, an event, a province, a
//! library, a stand-alone page.

use super::bodies::Kind;
use super::job::{self, List, Page, Section, PROVINCE_INLINE};
use super::seo::{self, Meta};
use super::urls;
use super::view::{self, Cx, Figure, Link};
use crate::site::{EventId, LibraryId, PageId, PostId, ProvinceId, StoryId};
use serde::Serialize;
use tera::Context;

#[derive(Serialize)]
struct PostView {
    title: String,
    date: String,
    date_iso: String,
    author: Option<String>,
    summary: Option<String>,
    image: Option<view::ImageView>,
    illustrative: bool,
    provinces: Vec<Link>,
    libraries: Vec<Link>,
    event: Option<Link>,
    tags: Vec<Link>,
    body: String,
    /// "Berita terkait" (see [`super::related`]).
    related: Vec<view::PostCard>,
}

pub fn post(cx: &Cx, id: PostId) -> Page {
    let p = &cx.site.posts[id.0 as usize];
    let url = urls::post(&p.slug);
    let v = PostView {
        title: p.title.clone(),
        date: cx.date(p.date),
        date_iso: p.date.to_string(),
        author: p.author.clone(),
        summary: p.summary.clone(),
        image: view::image(&p.image),
        illustrative: p.illustrative,
        provinces: view::all(cx, &p.provinces, view::province_link),
        libraries: view::all(cx, &p.libraries, view::library_link),
        event: p.event.map(|e| view::event_link(cx, e)),
        tags: view::all(cx, &p.tags, view::tag_link),
        body: cx.bodies.for_page(Kind::Post, id.0),
        related: view::all(cx, &super::related::posts(cx.site, id), view::post_card),
    };
    let mut meta = Meta::new(cx, p.title.clone(), url.clone(), p.summary.as_deref())
        .with_image(cx, &p.image)
        .draft(p.draft);
    if !p.illustrative {
        meta = meta.with_json_ld(&seo::news_article(cx, id));
    }
    meta.og_type = "article".into();
    let mut ctx = Context::new();
    ctx.insert("post", &v);
    reader_links(
        cx,
        &mut ctx,
        ("news_title", "/berita/"),
        (&p.title, &url),
        p.illustrative,
    );
    job::page(&url, "post.html", meta, ctx, !p.draft)
}

#[derive(Serialize)]
struct StoryView {
    #[serde(flatten)]
    card: view::StoryCard,
    themes: Vec<String>,
    tags: Vec<Link>,
    body: String,
}

pub fn story(cx: &Cx, id: StoryId) -> Page {
    let s = &cx.site.stories[id.0 as usize];
    let url = urls::story(&s.slug);
    let v = StoryView {
        card: view::story_card(cx, id),
        themes: s.themes.clone(),
        tags: view::all(cx, &s.tags, view::tag_link),
        body: cx.bodies.for_page(Kind::Story, id.0),
    };
    let mut meta = Meta::new(
        cx,
        s.title.clone(),
        url.clone(),
        s.summary.as_deref().or(s.quote.as_deref()),
    )
    .with_image(cx, &s.image);
    meta.og_type = "article".into();
    let mut ctx = Context::new();
    ctx.insert("story", &v);
    reader_links(
        cx,
        &mut ctx,
        ("stories_title", "/kisah/"),
        (&s.title, &url),
        s.illustrative,
    );
    job::page(&url, "story.html", meta.draft(s.draft), ctx, !s.draft)
}

#[derive(Serialize)]
struct EventView {
    #[serde(flatten)]
    card: view::EventCard,
    theme: Option<String>,
    online: bool,
    provinces: Vec<Link>,
    participants: Vec<Figure>,
    facilitators: Vec<String>,
    image: Option<view::ImageView>,
    tags: Vec<Link>,
    body: String,
    posts: Vec<view::PostCard>,
    awards: Vec<view::AwardView>,
    libraries: Vec<view::LibraryLink>,
    reports: Vec<view::ReportView>,
}

pub fn event(cx: &Cx, id: EventId) -> Page {
    let e = cx.site.event(id);
    let url = urls::event(&e.slug);
    let v = EventView {
        card: view::event_card(cx, id),
        theme: e.theme.clone(),
        online: e.online,
        provinces: view::all(cx, &e.provinces, view::province_link),
        participants: e
            .participants
            .iter()
            .map(|(k, n)| Figure {
                label: cx.i18n.figure(k),
                value: cx.i18n.number(*n as u64),
            })
            .collect(),
        facilitators: e.facilitators.clone(),
        image: view::image(&e.image),
        tags: view::all(cx, &e.tags, view::tag_link),
        body: cx.bodies.for_page(Kind::Event, id.0),
        posts: view::all(cx, &e.posts, view::post_card),
        awards: view::all(cx, &e.awards, view::award),
        libraries: view::all(cx, &e.libraries, view::library_item),
        reports: view::all(cx, &e.reports, view::report),
    };
    let mut meta =
        Meta::new(cx, e.title.clone(), url.clone(), e.summary.as_deref()).with_image(cx, &e.image);
    if !e.illustrative {
        meta = meta.with_json_ld(&seo::event(cx, id));
    }
    let mut ctx = Context::new();
    ctx.insert("event", &v);
    reader_links(
        cx,
        &mut ctx,
        ("events_title", "/plm/"),
        (&e.title, &url),
        e.illustrative,
    );
    ctx.insert("calendar", &super::ics::url(&e.slug));
    job::page(&url, "event.html", meta.draft(e.draft), ctx, !e.draft)
}

/// A regency with few libraries, listed whole on its province's page.
#[derive(Serialize)]
struct RegencyGroup {
    name: String,
    /// Its heading's id (its libraries' breadcrumbs lead there).
    anchor: String,
    libraries: Vec<view::LibraryLink>,
}

/// A regency with pages of its own, linked from its province's page.
#[derive(Serialize)]
struct RegencyLink {
    name: String,
    url: String,
    libraries: usize,
}

#[derive(Serialize)]
struct ProvinceView {
    name: String,
    official_name: String,
    code: String,
    library_count: usize,
    regency_count: usize,
    /// Regencies with many libraries (a link each), then the others with
    /// their libraries: the page stays small however many there are.
    regency_pages: Vec<RegencyLink>,
    regencies: Vec<RegencyGroup>,
    /// The latest few of each; `*_more` links to the whole list.
    posts: Vec<view::PostCard>,
    posts_more: Option<Link>,
    stories: Vec<view::StoryCard>,
    stories_more: Option<Link>,
    events: Vec<view::EventCard>,
    events_more: Option<Link>,
    awards: Vec<view::AwardView>,
    reports: Vec<view::ReportView>,
    /// Reported KPI distribution and activity counts (docs/charts.md).
    charts: super::charts::ProvinceCharts,
}

pub fn province(cx: &Cx, id: ProvinceId) -> Page {
    let p = cx.site.province(id);
    let url = urls::province(&p.slug);
    let v = ProvinceView {
        name: cx.province_name(id),
        official_name: p.name.clone(),
        code: p.code.clone(),
        library_count: p.libraries.len(),
        regency_count: p.regencies.len(),
        regency_pages: p
            .libraries_by_regency
            .iter()
            .filter(|(r, _)| List::Regency(*r).pages(cx.site) > 0)
            .map(|(r, libs)| RegencyLink {
                name: cx.site.regency(*r).official_name.clone(),
                url: List::Regency(*r).url(cx.site, 1),
                libraries: libs.len(),
            })
            .collect(),
        regencies: p
            .libraries_by_regency
            .iter()
            .filter(|(r, _)| List::Regency(*r).pages(cx.site) == 0)
            .map(|(r, libs)| RegencyGroup {
                name: cx.site.regency(*r).official_name.clone(),
                anchor: super::crumbs::regency_anchor(cx, *r),
                libraries: view::all(cx, libs, view::library_item),
            })
            .collect(),
        posts: view::all(cx, latest(&p.posts), view::post_card),
        posts_more: more(cx, id, Section::News, "province_all_news"),
        stories: view::all(cx, latest(&p.stories), view::story_card),
        stories_more: more(cx, id, Section::Stories, "province_all_stories"),
        events: view::all(cx, latest(&p.events), view::event_card),
        events_more: more(cx, id, Section::Events, "province_all_events"),
        awards: view::all(cx, &p.awards, view::award),
        reports: view::all(cx, &p.reports, view::report),
        charts: super::charts::province(cx, id),
    };
    let desc = format!("{} {}", cx.i18n.get("province_description"), v.name);
    let mut meta = Meta::new(
        cx,
        format!("{} {}", cx.i18n.get("province"), v.name),
        url.clone(),
        Some(&desc),
    );
    meta.feed = Some(Link {
        name: format!("{} — {}", cx.i18n.get("news_title"), v.name),
        url: urls::province_feed(&p.slug),
    });
    let mut ctx = Context::new();
    ctx.insert("province", &v);
    ctx.insert("breadcrumbs", &Some(super::crumbs::province(cx, id)));
    job::page(&url, "province.html", meta, ctx, true)
}

/// The first few of a province's list (newest first).
fn latest<T>(ids: &[T]) -> &[T] {
    &ids[..ids.len().min(PROVINCE_INLINE)]
}

/// A link to a province's list of `section`, when it has one.
fn more(cx: &Cx, id: ProvinceId, section: Section, key: &str) -> Option<Link> {
    let list = List::Province(id, section);
    (list.pages(cx.site) > 0).then(|| Link {
        name: cx
            .i18n
            .get(key)
            .replace("{n}", &cx.i18n.number(list.len(cx.site) as u64))
            .replace("{name}", &cx.province_name(id)),
        url: list.url(cx.site, 1),
    })
}

#[derive(Serialize)]
struct KpiRow {
    period: String,
    category: String,
    category_key: &'static str,
    community_engagement: Option<u32>,
    advocacy: Option<u32>,
    service_improvement: Option<u32>,
}

#[derive(Serialize)]
struct LibraryView {
    name: String,
    level: String,
    province: Link,
    regency: String,
    district: Option<String>,
    village: Option<String>,
    joined: Option<u16>,
    address: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    website: Option<String>,
    social: Vec<Link>,
    map_url: Option<String>,
    photo: Option<view::ImageView>,
    summary: Option<String>,
    illustrative: bool,
    kpi: Vec<KpiRow>,
    awards: Vec<view::AwardView>,
    posts: Vec<view::PostCard>,
    stories: Vec<view::StoryCard>,
    events: Vec<view::EventCard>,
    /// QR code, poster and badge (docs/library-material.md).
    material: super::material::MaterialView,
}

pub fn library(cx: &Cx, id: LibraryId) -> Page {
    let l = cx.site.library(id);
    let url = urls::library(&l.id);
    let v = LibraryView {
        name: l.name.clone(),
        level: cx.i18n.library_level(l.level),
        province: view::province_link(cx, l.province),
        regency: cx.site.regency(l.regency).official_name.clone(),
        district: l.district.clone(),
        village: l.village.clone(),
        joined: l.joined,
        address: l.address.clone(),
        phone: l.phone.clone(),
        email: l.email.clone(),
        website: l.website.clone(),
        social: l
            .social
            .iter()
            .map(|(k, u)| Link {
                name: capitalize(k),
                url: u.clone(),
            })
            .collect(),
        map_url: l.location.map(|(lat, lon)| {
            format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=16/{lat}/{lon}")
        }),
        photo: view::image(&l.photo),
        summary: l.summary.clone(),
        illustrative: l.illustrative,
        kpi: l
            .kpi
            .iter()
            .map(|k| KpiRow {
                period: k.period.clone(),
                category: cx.i18n.kpi(k.category),
                category_key: k.category.as_str(),
                community_engagement: k.community_engagement,
                advocacy: k.advocacy,
                service_improvement: k.service_improvement,
            })
            .collect(),
        awards: view::all(cx, &l.awards, view::award),
        posts: view::all(cx, &l.posts, view::post_card),
        stories: view::all(cx, &l.stories, view::story_card),
        events: view::all(cx, &l.events, view::event_card),
        material: super::material::view(cx, id),
    };
    let mut meta = Meta::new(cx, l.name.clone(), url.clone(), l.summary.as_deref())
        .with_image(cx, &l.photo)
        .with_card(cx, view::library_card(&l.id));
    // Structured data is for search engines: an illustrative record (made-up
    // contacts, KPI) must not be fed to them as fact.
    if !l.illustrative {
        meta = meta.with_json_ld(&seo::library(cx, id));
    }
    let mut ctx = Context::new();
    ctx.insert("library", &v);
    ctx.insert("breadcrumbs", &Some(super::crumbs::library(cx, id)));
    ctx.insert("share", &Some(super::share::links(cx, &l.name, &url)));
    job::page(&url, "library.html", meta, ctx, true)
}

/// Breadcrumbs and share links of a record of a section (`(title key,
/// section URL)`) titled `page.0` at `page.1`.
fn reader_links(
    cx: &Cx,
    ctx: &mut Context,
    section: (&str, &str),
    page: (&str, &str),
    illustrative: bool,
) {
    let (title, url) = page;
    let crumbs = super::crumbs::record(cx, section, title, url, illustrative);
    ctx.insert("breadcrumbs", &Some(crumbs));
    ctx.insert("share", &Some(super::share::links(cx, title, url)));
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[derive(Serialize)]
struct PageView {
    title: String,
    summary: Option<String>,
    body: String,
}

pub fn page(cx: &Cx, id: PageId) -> Page {
    let p = &cx.site.pages[id.0 as usize];
    let url = urls::page(&p.slug);
    let v = PageView {
        title: p.title.clone(),
        summary: p.summary.clone(),
        body: cx.bodies.for_page(Kind::Page, id.0),
    };
    let meta = Meta::new(cx, p.title.clone(), url.clone(), p.summary.as_deref()).draft(p.draft);
    let mut ctx = Context::new();
    ctx.insert("content", &v);
    job::page(&url, "page.html", meta, ctx, !p.draft)
}
