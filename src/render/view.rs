//! The small serializable views templates see. Every text in them is plain
//! text that Tera escapes, except the `body` fields (Markdown rendered by
//! [`super::markdown`]) and `json_ld` (see [`crate::escape`]).

use super::dates;
use super::i18n::I18n;
use super::urls;
use crate::images::{Card, Responsive};
use crate::site::{
    AwardId, EventId, Image, LibraryId, PostId, ProvinceId, ReportId, Site, StoryId, TagId,
};
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// What every view builder needs: the site, its strings, rendered bodies.
pub struct Cx<'a> {
    pub site: &'a Site,
    pub i18n: I18n<'a>,
    pub bodies: super::bodies::Html<'a>,
    /// QR masks remembered between builds (see [`super::qr_masks`]).
    pub qr: &'a super::qr_masks::QrMasks,
}

impl Cx<'_> {
    pub fn lang(&self) -> &str {
        self.i18n.language
    }
    pub fn date(&self, d: crate::model::Date) -> String {
        dates::long(d, &self.i18n)
    }
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.site.config.base_url, path)
    }
    pub fn province_name(&self, id: ProvinceId) -> String {
        let p = self.site.province(id);
        match (self.lang(), &p.name_en) {
            ("en", Some(en)) => en.clone(),
            _ => p.display_name().to_string(),
        }
    }
}

#[derive(Serialize, Clone)]
pub struct Link {
    pub name: String,
    pub url: String,
}

#[derive(Serialize, Clone)]
pub struct ImageView {
    pub url: String,
    pub alt: String,
    /// Its responsive variants when the build made them (see
    /// docs/images.md); `None` means the original at `url` is published.
    pub responsive: Option<Responsive>,
}

pub fn image(img: &Option<Image>) -> Option<ImageView> {
    img.as_ref().map(|i| ImageView {
        url: i.url.clone(),
        alt: i.alt.clone().unwrap_or_default(),
        responsive: responsive(&i.url),
    })
}

/// What the image pipeline planned, as the views need it: the responsive
/// variants of the site's front matter images and library photos (by the
/// original's URL) and the libraries' social cards (by library id).
#[derive(Default, Debug)]
pub struct ImageIndex {
    pub responsive: HashMap<String, Responsive>,
    pub library_cards: HashMap<String, Card>,
    /// Plain cards for pages without a picture (see [`super::cards`]).
    pub cards: Option<crate::images::CardMaker>,
}

impl ImageIndex {
    pub fn new(site: &Site, plan: &crate::images::Plan) -> Self {
        let mut ix = ImageIndex::default();
        let images = site
            .posts
            .iter()
            .map(|p| &p.image)
            .chain(site.stories.iter().map(|s| &s.image))
            .chain(site.events.iter().map(|e| &e.image))
            .chain(site.libraries.iter().map(|l| &l.photo))
            .flatten();
        for i in images {
            if let Some(r) = plan.responsive(&i.url) {
                ix.responsive.insert(i.url.clone(), r.clone());
            }
        }
        for l in &site.libraries {
            if let Some(c) = plan.library_card(&l.id) {
                ix.library_cards.insert(l.id.clone(), c.clone());
            }
        }
        ix.cards = Some(plan.card_maker());
        ix
    }
}

thread_local! {
    /// The images of the render running on this thread. Set only by
    /// [`with_images`] (in `render_with`), so the view builders can stay
    /// `fn(&Cx, Id)`; unset, every view shows originals as before.
    static IMAGES: RefCell<Option<Arc<ImageIndex>>> = const { RefCell::new(None) };
}

/// Runs `f` with `images` visible to the view builders of this thread.
pub fn with_images<R>(images: Option<&Arc<ImageIndex>>, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Arc<ImageIndex>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let prev = self.0.take();
            IMAGES.with(|c| *c.borrow_mut() = prev);
        }
    }
    let _restore = Restore(IMAGES.with(|c| c.replace(images.cloned())));
    f()
}

/// The responsive variants of the original at `url`, if the build made them.
pub fn responsive(url: &str) -> Option<Responsive> {
    IMAGES.with(|c| {
        c.borrow()
            .as_ref()
            .and_then(|ix| ix.responsive.get(url).cloned())
    })
}

/// The social card of library `id`, if the build makes one.
pub fn library_card(id: &str) -> Option<Card> {
    IMAGES.with(|c| {
        c.borrow()
            .as_ref()
            .and_then(|ix| ix.library_cards.get(id).cloned())
    })
}

/// A plain social card showing `spec`, if the build makes images.
pub fn page_card(spec: crate::images::CardSpec) -> Option<Card> {
    IMAGES.with(|c| {
        c.borrow()
            .as_ref()
            .and_then(|ix| ix.cards.as_ref().map(|m| m.card(spec)))
    })
}

/// The URL of a file that is published for the image at `url`: the largest
/// variant when the original is replaced by variants, else `url` itself.
pub fn published_url(url: &str) -> String {
    responsive(url).map_or_else(|| url.to_string(), |r| r.largest)
}

#[derive(Serialize)]
pub struct PostCard {
    pub title: String,
    pub url: String,
    pub date: String,
    pub date_iso: String,
    pub summary: Option<String>,
    pub image: Option<ImageView>,
    pub illustrative: bool,
    /// Published only by `--drafts`: the card says so.
    pub draft: bool,
}

pub fn post_card(cx: &Cx, id: PostId) -> PostCard {
    let p = &cx.site.posts[id.0 as usize];
    PostCard {
        title: p.title.clone(),
        url: urls::post(&p.slug),
        date: cx.date(p.date),
        date_iso: p.date.to_string(),
        summary: p.summary.clone(),
        image: image(&p.image),
        illustrative: p.illustrative,
        draft: p.draft,
    }
}

#[derive(Serialize)]
pub struct StoryCard {
    pub title: String,
    pub url: String,
    pub date: String,
    pub date_iso: String,
    pub person: String,
    pub library: Link,
    pub province: Link,
    pub quote: Option<String>,
    pub summary: Option<String>,
    pub image: Option<ImageView>,
    pub illustrative: bool,
    /// Published only by `--drafts`: the card says so.
    pub draft: bool,
}

pub fn story_card(cx: &Cx, id: StoryId) -> StoryCard {
    let s = &cx.site.stories[id.0 as usize];
    StoryCard {
        title: s.title.clone(),
        url: urls::story(&s.slug),
        date: cx.date(s.date),
        date_iso: s.date.to_string(),
        person: s.person.clone(),
        library: library_link(cx, s.library),
        province: province_link(cx, s.province),
        quote: s.quote.clone(),
        summary: s.summary.clone(),
        image: image(&s.image),
        illustrative: s.illustrative,
        draft: s.draft,
    }
}

#[derive(Serialize)]
pub struct EventCard {
    pub title: String,
    pub url: String,
    pub dates: String,
    pub date_iso: String,
    pub level: String,
    pub place: String,
    pub summary: Option<String>,
    /// Starts on the build's reference date or later (`Site::today`).
    pub upcoming: bool,
    pub illustrative: bool,
    /// Published only by `--drafts`: the card says so.
    pub draft: bool,
}

pub fn event_card(cx: &Cx, id: EventId) -> EventCard {
    let e = cx.site.event(id);
    EventCard {
        title: e.title.clone(),
        url: urls::event(&e.slug),
        dates: dates::range(e.start, e.end, &cx.i18n),
        date_iso: e.start.to_string(),
        level: cx.i18n.event_level(e.level),
        place: event_place(cx, id),
        summary: e.summary.clone(),
        upcoming: e.start >= cx.site.today,
        illustrative: e.illustrative,
        draft: e.draft,
    }
}

pub fn event_place(cx: &Cx, id: EventId) -> String {
    let e = cx.site.event(id);
    let mut parts: Vec<String> = Vec::new();
    if let Some(v) = &e.venue {
        parts.push(v.clone());
    }
    if let Some(c) = &e.city {
        parts.push(c.clone());
    }
    if e.online {
        parts.push(cx.i18n.get("online"));
    }
    parts.join(", ")
}

#[derive(Serialize)]
pub struct LibraryLink {
    pub name: String,
    pub url: String,
    pub level: String,
    pub place: String,
    pub illustrative: bool,
}

pub fn library_link(cx: &Cx, id: LibraryId) -> Link {
    let l = cx.site.library(id);
    Link {
        name: l.name.clone(),
        url: urls::library(&l.id),
    }
}

pub fn library_item(cx: &Cx, id: LibraryId) -> LibraryLink {
    let l = cx.site.library(id);
    let regency = &cx.site.regency(l.regency).official_name;
    let place = match &l.village {
        Some(v) => format!("{v}, {regency}"),
        None => regency.clone(),
    };
    LibraryLink {
        name: l.name.clone(),
        url: urls::library(&l.id),
        level: cx.i18n.library_level(l.level),
        place,
        illustrative: l.illustrative,
    }
}

pub fn province_link(cx: &Cx, id: ProvinceId) -> Link {
    Link {
        name: cx.province_name(id),
        url: urls::province(&cx.site.province(id).slug),
    }
}

pub fn event_link(cx: &Cx, id: EventId) -> Link {
    let e = cx.site.event(id);
    Link {
        name: e.title.clone(),
        url: urls::event(&e.slug),
    }
}

pub fn tag_link(cx: &Cx, id: TagId) -> Link {
    let t = cx.site.tag(id);
    Link {
        name: t.name.clone(),
        url: urls::tag(&t.slug),
    }
}

#[derive(Serialize)]
pub struct AwardView {
    pub year: u16,
    pub year_url: String,
    pub province: Link,
    pub category: String,
    pub rank: u16,
    pub library: Link,
    pub event: Option<Link>,
    pub note: Option<String>,
    pub illustrative: bool,
}

pub fn award(cx: &Cx, id: AwardId) -> AwardView {
    let a = &cx.site.awards[id.0 as usize];
    AwardView {
        year: a.year,
        year_url: urls::award_year(a.year),
        province: province_link(cx, a.province),
        category: cx.i18n.award_category(&a.category),
        rank: a.rank,
        library: library_link(cx, a.library),
        event: a.event.map(|e| event_link(cx, e)),
        note: a.note.clone(),
        illustrative: a.illustrative,
    }
}

#[derive(Serialize)]
pub struct Figure {
    pub label: String,
    pub value: String,
}

#[derive(Serialize)]
pub struct ReportView {
    pub title: String,
    pub period: String,
    pub date: String,
    pub province: Option<Link>,
    pub event: Option<Link>,
    pub source_title: Option<String>,
    pub source_url: Option<String>,
    pub figures: Vec<Figure>,
    pub note: Option<String>,
    pub illustrative: bool,
}

pub fn report(cx: &Cx, id: ReportId) -> ReportView {
    let r = &cx.site.reports[id.0 as usize];
    ReportView {
        title: r.title.clone(),
        period: r.period.clone(),
        date: cx.date(r.date),
        province: r.province.map(|p| province_link(cx, p)),
        event: r.event.map(|e| event_link(cx, e)),
        source_title: r.source_title.clone(),
        source_url: r.source_url.clone(),
        figures: r
            .figures
            .iter()
            .map(|(k, v)| Figure {
                label: cx.i18n.figure(k),
                value: cx.i18n.number(*v),
            })
            .collect(),
        note: r.note.clone(),
        illustrative: r.illustrative,
    }
}

/// Maps ids to views, for the many lists of a page.
pub fn all<I: Copy, T>(cx: &Cx, ids: &[I], f: fn(&Cx, I) -> T) -> Vec<T> {
    ids.iter().map(|&i| f(cx, i)).collect()
}

/// The links between the pages of a list: previous, the first, a few
/// around the current one, the last, next. Its size does not grow with the
/// list (a pager linking every page makes the site's size quadratic).
#[derive(Serialize)]
pub struct Pager {
    pub current: usize,
    pub total: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// The page numbers shown, in order.
    pub pages: Vec<PagerItem>,
    /// "Halaman 3 dari 40".
    pub status: String,
}

#[derive(Serialize)]
pub struct PagerItem {
    pub number: usize,
    pub url: String,
    pub current: bool,
    /// "Halaman 4": the link's name for screen readers.
    pub label: String,
    /// Numbers are left out between the one before and this one (`…`).
    pub gap_before: bool,
    /// Two or more pages from the current one, beside a `…`: left out
    /// on narrow screens.
    pub far: bool,
}

/// Pages shown on each side of the current one.
const PAGER_AROUND: usize = 2;

/// The page numbers a pager shows: the first, the last, the current and
/// [`PAGER_AROUND`] each side; a gap of one page shows that page rather
/// than `…`.
fn pager_numbers(current: usize, total: usize) -> Vec<usize> {
    let mut numbers: Vec<usize> = vec![1, total];
    numbers
        .extend(current.saturating_sub(PAGER_AROUND).max(1)..=(current + PAGER_AROUND).min(total));
    numbers.sort_unstable();
    numbers.dedup();
    let mut filled: Vec<usize> = Vec::with_capacity(numbers.len() + 2);
    for n in numbers {
        if filled.last().is_some_and(|&last| n == last + 2) {
            filled.push(n - 1);
        }
        filled.push(n);
    }
    filled
}

/// The pager of page `current` of `total`, page `n` being at `url(n)`.
pub fn pager(cx: &Cx, current: usize, total: usize, url: impl Fn(usize) -> String) -> Pager {
    let filled = pager_numbers(current, total);
    let page_label = cx.i18n.get("page_number");
    let mut pages: Vec<PagerItem> = Vec::with_capacity(filled.len());
    for (i, &n) in filled.iter().enumerate() {
        let gap_before = i > 0 && n > filled[i - 1] + 1;
        let gap_after = filled.get(i + 1).is_some_and(|&m| m > n + 1);
        pages.push(PagerItem {
            number: n,
            url: url(n),
            current: n == current,
            label: page_label.replace("{n}", &n.to_string()),
            gap_before,
            // Only the number beside a `…` is left out, so the `…` still
            // stands for every number missing.
            far: n.abs_diff(current) >= PAGER_AROUND
                && ((n < current && gap_before) || (n > current && gap_after)),
        });
    }
    Pager {
        current,
        total,
        prev: (current > 1).then(|| url(current - 1)),
        next: (current < total).then(|| url(current + 1)),
        pages,
        status: cx
            .i18n
            .get("page_of")
            .replace("{n}", &current.to_string())
            .replace("{total}", &total.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::pager_numbers;

    #[test]
    fn pagers_show_a_few_pages_whatever_the_total() {
        assert_eq!(pager_numbers(1, 1), vec![1]);
        assert_eq!(pager_numbers(1, 5), vec![1, 2, 3, 4, 5]);
        assert_eq!(pager_numbers(1, 100), vec![1, 2, 3, 100]);
        assert_eq!(pager_numbers(5, 100), vec![1, 2, 3, 4, 5, 6, 7, 100]);
        assert_eq!(pager_numbers(50, 100), vec![1, 48, 49, 50, 51, 52, 100]);
        assert_eq!(pager_numbers(100, 100), vec![1, 98, 99, 100]);
        assert_eq!(pager_numbers(97, 100), vec![1, 95, 96, 97, 98, 99, 100]);
        assert_eq!(pager_numbers(5, 9), vec![1, 2, 3, 4, 5, 6, 7, 8, 9]);
        for total in 1..200 {
            for current in 1..=total {
                assert!(pager_numbers(current, total).len() <= 9);
            }
        }
    }
}
