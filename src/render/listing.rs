//! The paginated lists ([`List`]: news, stories, events, tags, a year's
//! awards, a regency's libraries, a province's news, stories and events),
//! the award index and the search page.

use super::job::{award_pages, page, year_awards, List, Page, Section};
use super::seo::Meta;
use super::urls;
use super::view::{self, Cx, Link};
use crate::model::LibraryLevel;
use crate::site::{AwardId, EventId, PostId, ProvinceId, RegencyId, StoryId, TagId};
use serde::Serialize;
use tera::Context;

/// Page `n` (1-based) of `list`.
pub fn list(cx: &Cx, list: List, n: usize) -> Page {
    let site = cx.site;
    let range = list.range(site, n);
    let mut ctx = Context::new();
    ctx.insert(
        "pager",
        &view::pager(cx, n, list.pages(site).max(1), |i| list.url(site, i)),
    );
    ctx.insert("parent", &None::<Link>);
    let (template, title) = match list {
        List::News => {
            let posts = view::all(cx, &ids(range, PostId), view::post_card);
            ctx.insert("posts", &posts);
            ("post_list.html", cx.i18n.get("news_title"))
        }
        List::Stories => {
            ctx.insert(
                "stories",
                &view::all(cx, &ids(range, StoryId), view::story_card),
            );
            ("story_list.html", cx.i18n.get("stories_title"))
        }
        List::Events => {
            let upcoming = super::job::upcoming(site);
            let events: Vec<EventId> = range.map(|i| super::job::event_at(upcoming, i)).collect();
            ctx.insert("events", &view::all(cx, &events, view::event_card));
            ("event_list.html", cx.i18n.get("events_title"))
        }
        List::Province(id, section) => {
            let p = cx.site.province(id);
            ctx.insert("parent", &Some(view::province_link(cx, id)));
            let (template, key) = match section {
                Section::News => {
                    let posts = view::all(cx, &p.posts[range], view::post_card);
                    ctx.insert("posts", &posts);
                    ("post_list.html", "news_title")
                }
                Section::Stories => {
                    let stories = view::all(cx, &p.stories[range], view::story_card);
                    ctx.insert("stories", &stories);
                    ("story_list.html", "stories_title")
                }
                Section::Events => {
                    let events = view::all(cx, &p.events[range], view::event_card);
                    ctx.insert("events", &events);
                    ("event_list.html", "events_title")
                }
            };
            let title = format!("{} — {}", cx.i18n.get(key), cx.province_name(id));
            (template, title)
        }
        List::Tag(id) => {
            tag(cx, id, range, &mut ctx);
            let title = format!("{}: {}", cx.i18n.get("tag"), cx.site.tag(id).name);
            ("tag.html", title)
        }
        List::AwardYear(year) => {
            let all = year_awards(site, year);
            let groups = award_groups(cx, all.start + range.start..all.start + range.end);
            ctx.insert("year", &year);
            ctx.insert("groups", &groups);
            let title = format!("{} {year}", cx.i18n.get("awards_title"));
            ("award_year.html", title)
        }
        List::Regency(id) => {
            let r = cx.site.regency(id);
            ctx.insert("parent", &Some(view::province_link(cx, r.province)));
            let libraries = view::all(cx, &regency_libraries(cx, id)[range], view::library_item);
            ctx.insert("libraries", &libraries);
            ctx.insert("count", &r.libraries.len());
            ctx.insert("breadcrumbs", &Some(super::crumbs::regency(cx, id)));
            let title = cx
                .i18n
                .get("regency_title")
                .replace("{name}", &r.official_name);
            ("regency.html", title)
        }
    };
    let title = if n > 1 {
        format!("{title} — {} {n}", cx.i18n.get("page"))
    } else {
        title
    };
    let url = list.url(site, n);
    page(
        &url,
        template,
        Meta::new(cx, title, url.clone(), None),
        ctx,
        true,
    )
}

fn ids<I>(range: std::ops::Range<usize>, f: fn(u32) -> I) -> Vec<I> {
    range.map(|i| f(i as u32)).collect()
}

/// A regency's libraries, by name (as its province's page groups them).
pub fn regency_libraries<'a>(cx: &Cx<'a>, id: RegencyId) -> &'a [crate::site::LibraryId] {
    let p = cx.site.province(cx.site.regency(id).province);
    p.libraries_by_regency
        .iter()
        .find(|(r, _)| *r == id)
        .map_or(&[], |(_, libs)| libs.as_slice())
}

/// The posts, stories and events of a tag at `range` of its list (posts,
/// then stories, then events).
fn tag(cx: &Cx, id: TagId, range: std::ops::Range<usize>, ctx: &mut Context) {
    let t = cx.site.tag(id);
    let (np, ns) = (t.posts.len(), t.stories.len());
    let part = |len: usize, offset: usize| {
        range.start.saturating_sub(offset).min(len)..range.end.saturating_sub(offset).min(len)
    };
    ctx.insert("tag", &t.name);
    ctx.insert(
        "posts",
        &view::all(cx, &t.posts[part(np, 0)], view::post_card),
    );
    ctx.insert(
        "stories",
        &view::all(cx, &t.stories[part(ns, np)], view::story_card),
    );
    ctx.insert(
        "events",
        &view::all(
            cx,
            &t.events[part(t.events.len(), np + ns)],
            view::event_card,
        ),
    );
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

/// `/penghargaan/`: every year, and the first page of the latest.
pub fn awards(cx: &Cx) -> Page {
    let years: Vec<YearItem> = cx
        .site
        .award_years
        .iter()
        .map(|&y| YearItem {
            year: y,
            url: urls::award_year(y),
            count: year_awards(cx.site, y).len(),
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("years", &years);
    let latest = cx.site.award_years.first().copied();
    ctx.insert("latest_year", &latest);
    let pages = latest.map(|y| award_pages(cx.site, y)).unwrap_or_default();
    ctx.insert(
        "groups",
        &pages
            .first()
            .map(|r| award_groups(cx, r.clone()))
            .unwrap_or_default(),
    );
    // The rest of the latest year is on its own pages.
    let more = latest.filter(|_| pages.len() > 1).map(|y| Link {
        name: cx
            .i18n
            .get("all_awards_of_year")
            .replace("{year}", &y.to_string()),
        url: urls::award_year(y),
    });
    ctx.insert("more", &more);
    let meta = Meta::new(cx, cx.i18n.get("awards_title"), "/penghargaan/", None);
    page("/penghargaan/", "award_list.html", meta, ctx, true)
}

/// The awards at `range` of `site.awards` grouped by province (the site's
/// award order keeps a province's awards of a year together).
fn award_groups(cx: &Cx, range: std::ops::Range<usize>) -> Vec<ProvinceAwards> {
    let mut groups: Vec<ProvinceAwards> = Vec::new();
    let mut last = None;
    for i in range {
        let a = &cx.site.awards[i];
        if last != Some(a.province) {
            groups.push(ProvinceAwards {
                province: view::province_link(cx, a.province),
                awards: Vec::new(),
            });
            last = Some(a.province);
        }
        if let Some(g) = groups.last_mut() {
            g.awards.push(view::award(cx, AwardId(i as u32)));
        }
    }
    groups
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

pub fn search(cx: &Cx) -> Page {
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
    ctx.insert("search_client", &crate::search::client_url());
    ctx.insert("search_entry", crate::search::ENTRY_URL);
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
