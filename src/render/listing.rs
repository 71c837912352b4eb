//! Award listings, tag pages and the search page.

use super::pages::{page, Page};
use super::seo::Meta;
use super::urls;
use super::view::{self, Cx, Link};
use crate::model::LibraryLevel;
use crate::site::{ProvinceId, TagId};
use serde::Serialize;
use tera::Context;

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

pub fn awards(cx: &Cx) -> Page {
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

pub fn award_year(cx: &Cx, year: u16) -> Page {
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

pub fn tag(cx: &Cx, id: TagId) -> Page {
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
