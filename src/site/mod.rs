//! Site: the one resolved model of the programme that every later stage
//! (render, search, serve) reads. Immutable once built; every reference is
//! an index into one of the `Vec`s of [`Site`], and reverse links are
//! computed once here, never searched for later.

pub(crate) mod index;
mod resolve;

pub use resolve::{patch, resolve, ResolveOptions};

use crate::diag::Span;
use crate::model::{Date, EventLevel, KpiCategory, LibraryLevel, RegencyKind};
use std::collections::BTreeMap;

macro_rules! ids {
    ($($name:ident),*) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);
        impl $name {
            pub fn index(self) -> usize { self.0 as usize }
        }
    )*};
}
ids!(ProvinceId, RegencyId, LibraryId, PostId, StoryId, EventId, PageId, AwardId, ReportId, TagId);

/// The resolved site.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    /// The build's reference date ([`ResolveOptions::today`]): events
    /// starting after it are upcoming. Pages depend on it, so a build that
    /// must be repeatable sets `SOURCE_DATE_EPOCH`.
    pub today: crate::model::Date,
    /// Sorted by code.
    pub provinces: Vec<Province>,
    /// Sorted by code.
    pub regencies: Vec<Regency>,
    /// Sorted by id.
    pub libraries: Vec<Library>,
    /// Newest first, then by slug.
    pub posts: Vec<Post>,
    /// Newest first, then by slug.
    pub stories: Vec<Story>,
    /// Latest start first, then by slug.
    pub events: Vec<Event>,
    /// By weight, then title.
    pub pages: Vec<Page>,
    /// Newest year first, then province code, category, rank.
    pub awards: Vec<Award>,
    /// Newest first, then id.
    pub reports: Vec<Report>,
    /// By slug.
    pub tags: Vec<Tag>,
    /// Award years, newest first.
    pub award_years: Vec<u16>,
    /// Files to publish as they are: `(source path relative to the root,
    /// URL path)`, e.g. `("content/berita/x/foto.png", "/berita/x/foto.png")`.
    pub assets: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    pub description: Option<String>,
    /// Without a trailing slash.
    pub base_url: String,
    /// `id` or `en`.
    pub language: String,
    pub theme: String,
    pub menu: Vec<MenuItem>,
    pub per_page: usize,
    pub allow_html: bool,
    pub strict: bool,
    pub author: Option<String>,
    /// The browser editor's settings, as written (src/cms).
    pub cms: crate::model::records::CmsRecord,
    /// `extra:` of data/site.yaml: the theme's settings, for templates.
    pub extra: std::collections::BTreeMap<String, serde_json::Value>,
    /// The installed site and its icons (`render::icons`).
    pub app: App,
}

/// How the site looks on a phone's home screen: the web manifest's
/// settings and the icon (data/site.yaml; docs/contract-extensions.md).
#[derive(Debug, Clone, Default)]
pub struct App {
    pub short_name: Option<String>,
    /// `#rrggbb` (checked); `None`: the theme's.
    pub theme_color: Option<String>,
    pub background_color: Option<String>,
    /// The site's own icon; `None`: the theme draws one.
    pub icon: Option<Image>,
    /// Where `icon:` is written, for the image pipeline's messages.
    pub icon_at: Option<crate::diag::Span>,
}

#[derive(Debug, Clone)]
pub struct MenuItem {
    pub name: String,
    pub url: String,
}

#[derive(Debug, Clone)]
pub struct Province {
    pub code: String,
    pub slug: String,
    pub name: String,
    pub short_name: Option<String>,
    pub name_en: Option<String>,
    pub regencies: Vec<RegencyId>,
    /// Libraries grouped by regency, regencies by code, libraries by name.
    /// Only regencies with at least one library appear.
    pub libraries_by_regency: Vec<(RegencyId, Vec<LibraryId>)>,
    /// The province's own (level `provinsi`) libraries come first in
    /// `libraries`, then the rest by name.
    pub libraries: Vec<LibraryId>,
    pub posts: Vec<PostId>,
    pub stories: Vec<StoryId>,
    pub events: Vec<EventId>,
    pub awards: Vec<AwardId>,
    pub reports: Vec<ReportId>,
}

impl Province {
    /// The name readers use (`DKI Jakarta` rather than the official form).
    pub fn display_name(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone)]
pub struct Regency {
    pub code: String,
    pub province: ProvinceId,
    pub name: String,
    pub kind: RegencyKind,
    pub official_name: String,
    pub libraries: Vec<LibraryId>,
}

#[derive(Debug, Clone)]
pub struct Library {
    pub id: String,
    pub name: String,
    pub level: LibraryLevel,
    pub province: ProvinceId,
    pub regency: RegencyId,
    pub district: Option<String>,
    pub village: Option<String>,
    pub joined: Option<u16>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub social: BTreeMap<String, String>,
    pub location: Option<(f64, f64)>,
    pub photo: Option<Image>,
    pub summary: Option<String>,
    pub kpi: Vec<Kpi>,
    pub aliases: Vec<String>,
    pub illustrative: bool,
    pub posts: Vec<PostId>,
    pub stories: Vec<StoryId>,
    pub awards: Vec<AwardId>,
    pub events: Vec<EventId>,
}

#[derive(Debug, Clone)]
pub struct Kpi {
    pub period: String,
    pub category: KpiCategory,
    pub community_engagement: Option<u32>,
    pub advocacy: Option<u32>,
    pub service_improvement: Option<u32>,
}

/// An image file the site publishes, checked to exist.
#[derive(Debug, Clone)]
pub struct Image {
    /// Path relative to the site root (`static/images/a.jpg`).
    pub source: String,
    /// Its URL path on the site (`/images/a.jpg`).
    pub url: String,
    pub alt: Option<String>,
}

/// Where a Markdown body came from, for diagnostics raised while rendering.
#[derive(Debug, Clone)]
pub struct BodySource {
    pub span: Span,
    pub path: String,
}

#[derive(Debug, Clone)]
pub struct Post {
    pub slug: String,
    pub title: String,
    pub date: Date,
    /// When the text last changed, if after `date` (`updated`).
    pub updated: Option<Date>,
    pub author: Option<String>,
    /// Provinces named in the post, and those of its libraries and event.
    pub provinces: Vec<ProvinceId>,
    pub libraries: Vec<LibraryId>,
    pub event: Option<EventId>,
    pub tags: Vec<TagId>,
    pub image: Option<Image>,
    pub summary: Option<String>,
    pub illustrative: bool,
    pub draft: bool,
    pub body: crate::load::Body,
    pub source: BodySource,
}

#[derive(Debug, Clone)]
pub struct Story {
    pub slug: String,
    pub title: String,
    pub date: Date,
    /// When the text last changed, if after `date` (`updated`).
    pub updated: Option<Date>,
    pub person: String,
    pub library: LibraryId,
    pub province: ProvinceId,
    pub themes: Vec<String>,
    pub tags: Vec<TagId>,
    pub quote: Option<String>,
    pub image: Option<Image>,
    pub summary: Option<String>,
    pub illustrative: bool,
    pub draft: bool,
    pub body: crate::load::Body,
    pub source: BodySource,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub slug: String,
    pub title: String,
    pub level: EventLevel,
    pub provinces: Vec<ProvinceId>,
    pub city: Option<String>,
    pub venue: Option<String>,
    pub online: bool,
    pub start: Date,
    pub end: Option<Date>,
    pub theme: Option<String>,
    /// Counts as reported, by key (`total`, `desa`, …), in the fixed key order.
    pub participants: Vec<(String, u32)>,
    pub facilitators: Vec<String>,
    pub tags: Vec<TagId>,
    pub image: Option<Image>,
    pub summary: Option<String>,
    pub illustrative: bool,
    pub draft: bool,
    pub body: crate::load::Body,
    pub source: BodySource,
    pub posts: Vec<PostId>,
    pub awards: Vec<AwardId>,
    pub reports: Vec<ReportId>,
    /// Libraries named by the event's news posts.
    pub libraries: Vec<LibraryId>,
}

#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub summary: Option<String>,
    pub weight: i32,
    pub draft: bool,
    pub body: crate::load::Body,
    pub source: BodySource,
}

#[derive(Debug, Clone)]
pub struct Award {
    pub year: u16,
    pub province: ProvinceId,
    pub category: String,
    pub rank: u16,
    pub library: LibraryId,
    pub event: Option<EventId>,
    pub note: Option<String>,
    pub illustrative: bool,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub id: String,
    pub title: String,
    pub province: Option<ProvinceId>,
    pub period: String,
    pub date: Date,
    pub event: Option<EventId>,
    pub source_title: Option<String>,
    pub source_url: Option<String>,
    /// Figures as reported, in the fixed key order of `FIGURE_KEYS`.
    pub figures: Vec<(String, u64)>,
    pub note: Option<String>,
    pub illustrative: bool,
}

#[derive(Debug, Clone)]
pub struct Tag {
    pub slug: String,
    /// The label as first written (by sorted source order).
    pub name: String,
    pub posts: Vec<PostId>,
    pub stories: Vec<StoryId>,
    pub events: Vec<EventId>,
}

impl Site {
    pub fn province(&self, id: ProvinceId) -> &Province {
        &self.provinces[id.index()]
    }
    pub fn regency(&self, id: RegencyId) -> &Regency {
        &self.regencies[id.index()]
    }
    pub fn library(&self, id: LibraryId) -> &Library {
        &self.libraries[id.index()]
    }
    pub fn event(&self, id: EventId) -> &Event {
        &self.events[id.index()]
    }
    pub fn tag(&self, id: TagId) -> &Tag {
        &self.tags[id.index()]
    }

    /// One line for `warta check`: what was loaded.
    pub fn summary(&self) -> crate::diag::Message {
        crate::msg!(
            "site-summary",
            provinces = self.provinces.len(),
            regencies = self.regencies.len(),
            libraries = self.libraries.len(),
            posts = self.posts.len(),
            stories = self.stories.len(),
            events = self.events.len(),
            pages = self.pages.len(),
            awards = self.awards.len(),
            reports = self.reports.len()
        )
    }
}
