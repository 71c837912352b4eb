//! The page job, shared by every page builder: which page to make
//! ([`Job`]; the paginated lists are [`List`]s), what a builder returns
//! for its template ([`Page`], made with [`page`]), and how a list is cut
//! into pages. [`super::pages`] knows every builder ([`super::detail`],
//! [`super::listing`], [`super::material`]); they know only this module,
//! so the dependencies run one way.

use super::seo::Meta;
use super::urls;
use crate::site::{
    EventId, LibraryId, PageId, PostId, ProvinceId, RegencyId, Site, StoryId, TagId,
};
use std::ops::Range;
use tera::Context;

/// Libraries on one page of a regency's list (≈ 20 KB of HTML).
pub const LIBRARIES_PER_PAGE: usize = 100;
/// A regency with at most this many libraries is listed whole on its
/// province's page; one with more gets pages of its own, so a province
/// page stays small however many libraries it has.
pub const REGENCY_INLINE: usize = 12;
/// News posts, stories and events a province page shows; a province with
/// more has a paginated list of each.
pub const PROVINCE_INLINE: usize = 6;
/// Awards on one page of a year (whole province groups when they fit).
pub const AWARDS_PER_PAGE: usize = 50;

/// One page to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Job {
    Home,
    Post(PostId),
    Story(StoryId),
    Event(EventId),
    Provinces,
    Province(ProvinceId),
    Library(LibraryId),
    /// A library's printable poster (docs/library-material.md).
    Poster(LibraryId),
    /// An earlier id of a library (its `aliases`): a redirect page.
    LibraryAlias(LibraryId, usize),
    Awards,
    Search,
    Page(PageId),
    NotFound,
    /// Page n (1-based) of a list.
    List(List, usize),
}

/// A list of records shown a page at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum List {
    /// `/berita/`: every news post.
    News,
    /// `/kisah/`
    Stories,
    /// `/plm/`
    Events,
    /// `/tag/<slug>/`: its posts, then its stories, then its events.
    Tag(TagId),
    /// `/penghargaan/<year>/`: a year's awards, grouped by province.
    AwardYear(u16),
    /// `/provinsi/<province>/<regency>/`: a regency's libraries by name.
    Regency(RegencyId),
    /// `/provinsi/<province>/berita|kisah|plm/`: one kind of record of a
    /// province.
    Province(ProvinceId, Section),
}

/// The kinds of record a province page lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    News,
    Stories,
    Events,
}

impl Section {
    /// The URL segment (the section's folder).
    pub fn folder(self) -> &'static str {
        match self {
            Section::News => "berita",
            Section::Stories => "kisah",
            Section::Events => "plm",
        }
    }
}

impl List {
    /// How many records the list holds.
    pub fn len(self, site: &Site) -> usize {
        match self {
            List::News => site.posts.len(),
            List::Stories => site.stories.len(),
            List::Events => site.events.len(),
            List::Tag(t) => {
                let t = site.tag(t);
                t.posts.len() + t.stories.len() + t.events.len()
            }
            List::AwardYear(y) => year_awards(site, y).len(),
            List::Regency(r) => site.regency(r).libraries.len(),
            List::Province(p, s) => {
                let p = site.province(p);
                match s {
                    Section::News => p.posts.len(),
                    Section::Stories => p.stories.len(),
                    Section::Events => p.events.len(),
                }
            }
        }
    }

    fn per_page(self, site: &Site) -> usize {
        match self {
            List::Regency(_) => LIBRARIES_PER_PAGE,
            List::AwardYear(_) => AWARDS_PER_PAGE,
            _ => site.config.per_page.max(1),
        }
    }

    /// How many pages the list has. A section's list has at least one
    /// (it says "nothing yet"); a list that its parent page shows whole
    /// (a regency's few libraries, a province's few posts) has none.
    pub fn pages(self, site: &Site) -> usize {
        self.pages_of_len(site, self.len(site))
    }

    /// How many pages the list would have with `len` records (a year's
    /// awards: as it has, whatever `len`).
    pub fn pages_of_len(self, site: &Site, len: usize) -> usize {
        match self {
            List::News | List::Stories | List::Events => len.div_ceil(self.per_page(site)).max(1),
            List::AwardYear(y) => award_pages(site, y).len(),
            List::Regency(_) if len <= REGENCY_INLINE => 0,
            List::Province(..) if len <= PROVINCE_INLINE => 0,
            _ => len.div_ceil(self.per_page(site)),
        }
    }

    /// The page (1-based) that shows the record at `position` in the list
    /// (not for [`List::AwardYear`], whose pages follow its groups).
    pub fn page_of(self, site: &Site, position: usize) -> usize {
        position / self.per_page(site) + 1
    }

    /// The positions in the list of the records page `n` shows.
    pub fn range(self, site: &Site, n: usize) -> Range<usize> {
        if let List::AwardYear(y) = self {
            let all = year_awards(site, y);
            return award_pages(site, y)
                .get(n.wrapping_sub(1))
                .map_or(0..0, |r| r.start - all.start..r.end - all.start);
        }
        let per = self.per_page(site);
        let len = self.len(site);
        let start = (n.max(1) - 1).saturating_mul(per).min(len);
        start..(start + per).min(len)
    }

    /// The URL of page `n`.
    pub fn url(self, site: &Site, n: usize) -> String {
        let base = match self {
            List::News => return urls::news_page(n),
            List::Stories => "/kisah/".to_string(),
            List::Events => "/plm/".to_string(),
            List::Tag(t) => urls::tag(&site.tag(t).slug),
            List::AwardYear(y) => urls::award_year(y),
            List::Regency(r) => urls::regency(site, r),
            List::Province(p, s) => {
                format!("{}{}/", urls::province(&site.province(p).slug), s.folder())
            }
        };
        urls::paged(&base, n)
    }

    /// Every page of the list.
    pub fn jobs(self, site: &Site) -> impl Iterator<Item = Job> {
        (1..=self.pages(site)).map(move |n| Job::List(self, n))
    }
}

/// How many events are upcoming: starting on the build's reference date
/// ([`Site::today`]) or later. The site's events run latest start first,
/// so they are the first ones.
pub fn upcoming(site: &Site) -> usize {
    site.events.partition_point(|e| e.start >= site.today)
}

/// The event at `position` of `/plm/` and the home page: the upcoming ones
/// first, soonest first, then the others, latest first. Constant time for
/// any position, so a page of the list costs the same wherever it is.
pub fn event_at(upcoming: usize, position: usize) -> EventId {
    let i = if position < upcoming {
        upcoming - 1 - position
    } else {
        position
    };
    EventId(i as u32)
}

/// The indices in `site.awards` of a year's awards (the site's award order
/// keeps a year together, and a province within it).
pub fn year_awards(site: &Site, year: u16) -> Range<usize> {
    let start = site.awards.partition_point(|a| a.year > year);
    let end = site.awards.partition_point(|a| a.year >= year);
    start..end
}

/// A year's awards cut into pages of at most [`AWARDS_PER_PAGE`], each
/// page whole province groups (a group larger than a page is cut).
pub fn award_pages(site: &Site, year: u16) -> Vec<Range<usize>> {
    let all = year_awards(site, year);
    let provinces: Vec<ProvinceId> = site.awards[all.clone()]
        .iter()
        .map(|a| a.province)
        .collect();
    pack(&provinces, AWARDS_PER_PAGE)
        .into_iter()
        .map(|r| all.start + r.start..all.start + r.end)
        .collect()
}

/// Cuts runs of equal `keys` into pages of at most `limit`, ending a page
/// where a run starts unless the run began the page.
fn pack<K: PartialEq>(keys: &[K], limit: usize) -> Vec<Range<usize>> {
    let mut pages: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    while start < keys.len() {
        let mut end = (start + limit.max(1)).min(keys.len());
        if end < keys.len() {
            // Back to the start of the run the limit falls in.
            let mut g = end;
            while g > start && keys[g - 1] == keys[end] {
                g -= 1;
            }
            if g > start {
                end = g;
            }
        }
        pages.push(start..end);
        start = end;
    }
    pages
}

/// A page ready for its template.
pub struct Page {
    pub url: String,
    pub template: &'static str,
    /// The `page` of the context, put in by [`super::pages::build`] once
    /// the page has its social card.
    pub meta: Meta,
    pub context: Context,
    pub in_sitemap: bool,
}

/// A page: its URL, template, `page` (the [`Meta`]) and the rest of its
/// context.
pub fn page(
    url: &str,
    template: &'static str,
    meta: Meta,
    context: Context,
    in_sitemap: bool,
) -> Page {
    Page {
        url: url.to_string(),
        template,
        meta,
        context,
        in_sitemap,
    }
}

/// The ids `0..n`.
pub fn ids<I>(n: usize, f: fn(u32) -> I) -> Vec<I> {
    (0..n as u32).map(f).collect()
}

#[cfg(test)]
mod tests {
    use super::pack;

    #[test]
    fn award_pages_keep_province_groups_whole() {
        // Groups of 3, 4, 2 with room for 5: a page each, none cut.
        let keys = [1, 1, 1, 2, 2, 2, 2, 3, 3];
        assert_eq!(pack(&keys, 5), vec![0..3, 3..7, 7..9]);
        // Two groups fit on one page.
        assert_eq!(pack(&keys, 7), vec![0..7, 7..9]);
        // A group larger than a page is cut; its end shares a page.
        assert_eq!(pack(&[1, 1, 1, 1, 1, 2], 2), vec![0..2, 2..4, 4..6]);
        assert_eq!(pack(&[1, 1, 1, 2, 2], 2), vec![0..2, 2..3, 3..5]);
        assert!(pack::<u8>(&[], 5).is_empty());
    }
}
