//! Material a partner library uses to promote its profile page: the QR
//! code of its profile URL (`qr.svg`), a printable A4 poster page
//! (`poster/`) and an embeddable badge (`lencana.svg`) with a copy-paste
//! snippet on the profile page. See docs/library-material.md.
//!
//! All of it is made from the model in Rust (every text escaped here) or
//! through templates (Tera escapes); nothing needs a script or a style
//! attribute, so it satisfies the site's Content-Security-Policy.

pub mod badge;

use super::job::{self as pages, Page};
use super::qr::Qr;
use super::seo::Meta;
use super::urls;
use super::view::Cx;
use super::OutFile;
use crate::escape::html as esc;
use crate::site::LibraryId;
use badge::{AwardLine, Badge, BadgeInput, KpiLine};
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

/// Pixels per QR module in the standalone `qr.svg` (a 49-module symbol
/// is then 392 px wide; it is a vector, any size prints sharp).
const QR_PX: usize = 8;
/// Side of the QR image on the poster page, in CSS pixels.
const POSTER_QR_PX: usize = 400;

/// `qr.svg` and `lencana.svg` of every library, made in parallel, in
/// library order.
pub fn files(cx: &Cx) -> Vec<OutFile> {
    (0..cx.site.libraries.len() as u32)
        .into_par_iter()
        .flat_map_iter(|i| library_files(cx, LibraryId(i)))
        .collect()
}

fn library_files(cx: &Cx, id: LibraryId) -> Vec<OutFile> {
    let l = cx.site.library(id);
    let mut out = Vec::with_capacity(2);
    if let Some(qr) = Qr::encode(&cx.absolute(&urls::library(&l.id)), cx.qr) {
        out.push(OutFile {
            path: rel(&urls::library_qr(&l.id)),
            bytes: qr.svg(&qr_alt(cx, &l.name), QR_PX).into_bytes(),
        });
    }
    out.push(OutFile {
        path: rel(&urls::library_badge(&l.id)),
        bytes: library_badge(cx, id).svg.into_bytes(),
    });
    out
}

fn rel(url: &str) -> String {
    url.trim_start_matches('/').to_string()
}

fn qr_alt(cx: &Cx, name: &str) -> String {
    format!("{} {name}", cx.i18n.get("qr_alt"))
}

/// The badge of library `id`, worded in the site's language.
pub fn library_badge(cx: &Cx, id: LibraryId) -> Badge {
    badge::render(&badge_input(cx, id))
}

fn badge_input(cx: &Cx, id: LibraryId) -> BadgeInput {
    let l = cx.site.library(id);
    let mark = || cx.i18n.get("illustrative");
    // KPI history is written oldest first (docs/panduan-penulis.md): the
    // last entry is the latest. A library's KPI is illustrative when the
    // library record is (the programme does not publish single libraries').
    let kpi = l.kpi.last().map(|k| KpiLine {
        text: cx
            .i18n
            .get("badge_kpi")
            .replace("{period}", &k.period)
            .replace("{category}", &cx.i18n.kpi(k.category)),
        category: k.category,
        illustrative: l.illustrative.then(mark),
    });
    // The latest year, then the best rank (awards are sorted by year, newest
    // first, so `min_by_key` keeps the first of equals: stable).
    let latest = l
        .awards
        .iter()
        .map(|&a| &cx.site.awards[a.index()])
        .min_by_key(|a| (std::cmp::Reverse(a.year), a.rank));
    let award = latest.map(|a| {
        let key = if a.rank == 1 {
            "badge_award"
        } else {
            "badge_award_rank"
        };
        let mut text = cx
            .i18n
            .get(key)
            .replace("{category}", &cx.i18n.award_category(&a.category))
            .replace("{year}", &a.year.to_string())
            .replace("{rank}", &a.rank.to_string());
        let more = l.awards.len() - 1;
        if more > 0 {
            text.push_str(" · ");
            text.push_str(
                &cx.i18n
                    .get("badge_awards_more")
                    .replace("{n}", &more.to_string()),
            );
        }
        let any_illustrative = l
            .awards
            .iter()
            .any(|&a| cx.site.awards[a.index()].illustrative);
        AwardLine {
            text,
            illustrative: any_illustrative.then(mark),
        }
    });
    let partner = cx.i18n.get("badge_partner");
    let mut title = format!("{} — {partner}", l.name);
    for (line, ill) in kpi
        .iter()
        .map(|k| (&k.text, &k.illustrative))
        .chain(award.iter().map(|a| (&a.text, &a.illustrative)))
    {
        title.push_str(". ");
        title.push_str(line);
        if let Some(m) = ill {
            title.push_str(&format!(" ({})", m.to_lowercase()));
        }
    }
    BadgeInput {
        name: l.name.clone(),
        partner,
        kpi,
        award,
        title,
    }
}

/// What the profile page shows of the material: links, the badge preview
/// and the snippet to paste (plain text: the template escapes it).
#[derive(Serialize)]
pub struct MaterialView {
    pub poster_url: String,
    pub qr_url: String,
    pub badge_url: String,
    pub badge_width: u32,
    pub badge_height: u32,
    pub badge_alt: String,
    pub snippet: String,
}

pub fn view(cx: &Cx, id: LibraryId) -> MaterialView {
    let l = cx.site.library(id);
    let input = badge_input(cx, id);
    let b = badge::render(&input);
    let badge_url = urls::library_badge(&l.id);
    let snippet = format!(
        "<a href=\"{}\"><img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\"></a>",
        esc(&cx.absolute(&urls::library(&l.id))),
        esc(&cx.absolute(&badge_url)),
        esc(&input.title),
        b.width,
        b.height
    );
    MaterialView {
        poster_url: urls::library_poster(&l.id),
        qr_url: urls::library_qr(&l.id),
        badge_url,
        badge_width: b.width,
        badge_height: b.height,
        badge_alt: input.title,
        snippet,
    }
}

#[derive(Serialize)]
struct PosterView {
    name: String,
    level: String,
    /// Village, district, regency, province: what is known, in that order.
    place: String,
    profile_url: String,
    /// The profile URL to type, without `https://`.
    short_url: String,
    qr_url: String,
    /// Side of the QR image in CSS pixels (the print CSS sizes it in mm);
    /// 0 when the URL is too long for a QR code (there is no `qr.svg`).
    qr_size: usize,
    qr_alt: String,
}

/// The printable poster of library `id` (kept out of search engines and
/// the sitemap: it repeats the profile page).
pub fn poster(cx: &Cx, id: LibraryId) -> Page {
    let l = cx.site.library(id);
    let url = urls::library_poster(&l.id);
    let profile = urls::library(&l.id);
    let absolute = cx.absolute(&profile);
    let short = absolute
        .strip_prefix("https://")
        .or_else(|| absolute.strip_prefix("http://"))
        .unwrap_or(&absolute)
        .to_string();
    let place: Vec<String> = [
        l.village.clone(),
        l.district.clone(),
        Some(cx.site.regency(l.regency).official_name.clone()),
        Some(cx.province_name(l.province)),
    ]
    .into_iter()
    .flatten()
    .collect();
    // The image is square and a vector: its size on paper comes from the
    // print CSS; the attributes only reserve its place on screen.
    let qr_size = if absolute.len() <= super::qr::MAX_BYTES {
        POSTER_QR_PX
    } else {
        0
    };
    let v = PosterView {
        name: l.name.clone(),
        level: cx.i18n.library_level(l.level),
        place: place.join(", "),
        profile_url: profile,
        short_url: short,
        qr_url: urls::library_qr(&l.id),
        qr_size,
        qr_alt: qr_alt(cx, &l.name),
    };
    let title = format!("{} — {}", cx.i18n.get("poster_title"), l.name);
    let mut meta = Meta::new(cx, title, url.clone(), l.summary.as_deref());
    meta.noindex = true;
    let mut ctx = Context::new();
    ctx.insert("poster", &v);
    pages::page(&url, "poster.html", meta, ctx, false)
}
