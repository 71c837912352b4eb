//! Breadcrumbs: where a page sits in the site, from the home page down
//! (Beranda › Provinsi › Jawa Timur › Kabupaten Blitar › Perpustakaan
//! Mawar), shown as a list of links and given to search engines as
//! schema.org `BreadcrumbList` ([`super::seo::breadcrumb_list`]).

use super::job::List;
use super::urls;
use super::view::{Cx, Link};
use crate::escape;
use crate::site::{LibraryId, ProvinceId, RegencyId};
use serde::Serialize;

#[derive(Serialize)]
pub struct Breadcrumbs {
    /// From the home page to the page itself (the last).
    pub items: Vec<Link>,
    /// `BreadcrumbList` JSON-LD, safe inside `<script>`; none for an
    /// illustrative record (made-up records are never given to search
    /// engines as structured data).
    pub json_ld: Option<String>,
}

fn trail(cx: &Cx, items: Vec<Link>, illustrative: bool) -> Breadcrumbs {
    let mut all = Vec::with_capacity(items.len() + 1);
    all.push(Link {
        name: cx.i18n.get("home"),
        url: "/".into(),
    });
    all.extend(items);
    let json_ld =
        (!illustrative).then(|| escape::json_for_script(&super::seo::breadcrumb_list(cx, &all)));
    Breadcrumbs {
        items: all,
        json_ld,
    }
}

fn link(name: impl Into<String>, url: impl Into<String>) -> Link {
    Link {
        name: name.into(),
        url: url.into(),
    }
}

fn province_items(cx: &Cx, id: ProvinceId) -> Vec<Link> {
    vec![
        link(cx.i18n.get("provinces_title"), "/provinsi/"),
        link(
            cx.province_name(id),
            urls::province(&cx.site.province(id).slug),
        ),
    ]
}

/// The id of a regency's heading on its province's page (a regency with
/// few libraries has no page of its own; its crumb leads there).
pub fn regency_anchor(cx: &Cx, id: RegencyId) -> String {
    format!("wilayah-{}", cx.site.regency(id).code.replace('.', "-"))
}

fn regency_items(cx: &Cx, id: RegencyId) -> Vec<Link> {
    let r = cx.site.regency(id);
    let mut items = province_items(cx, r.province);
    let list = List::Regency(id);
    let url = if list.pages(cx.site) > 0 {
        list.url(cx.site, 1)
    } else {
        format!(
            "{}#{}",
            urls::province(&cx.site.province(r.province).slug),
            regency_anchor(cx, id)
        )
    };
    items.push(link(r.official_name.clone(), url));
    items
}

pub fn province(cx: &Cx, id: ProvinceId) -> Breadcrumbs {
    trail(cx, province_items(cx, id), false)
}

pub fn regency(cx: &Cx, id: RegencyId) -> Breadcrumbs {
    trail(cx, regency_items(cx, id), false)
}

pub fn library(cx: &Cx, id: LibraryId) -> Breadcrumbs {
    let l = cx.site.library(id);
    let mut items = regency_items(cx, l.regency);
    items.push(link(l.name.clone(), urls::library(&l.id)));
    trail(cx, items, l.illustrative)
}

/// A record of a section (news, stories, events): its section, then it.
pub fn record(
    cx: &Cx,
    section: (&str, &str),
    title: &str,
    url: &str,
    illustrative: bool,
) -> Breadcrumbs {
    let items = vec![link(cx.i18n.get(section.0), section.1), link(title, url)];
    trail(cx, items, illustrative)
}
