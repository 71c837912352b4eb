//! Raw records exactly as authors write them in `data/` and front matter.
//!
//! These are the serde shapes of the site contract. They keep references as
//! the strings the author typed (slugs, names, codes); `validate` checks the
//! rules and `site::resolve` turns references into indices. Enum-like fields
//! stay strings here so a wrong value gets a "did you mean" diagnostic with
//! the allowed list instead of serde's generic message.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Field names of a record kind, for "unknown field" suggestions.
pub trait Fields {
    const FIELDS: &'static [&'static str];
    /// Fields holding a record (or a list of records) with fields of their own.
    const NESTED: &'static [(&'static str, &'static [&'static str])] = &[];
}

macro_rules! fields {
    ($t:ty, [$($f:literal),* $(,)?] $(, nested: [$(($n:literal, $nt:ty)),*])?) => {
        impl Fields for $t {
            const FIELDS: &'static [&'static str] = &[$($f),*];
            $(const NESTED: &'static [(&'static str, &'static [&'static str])] =
                &[$(($n, <$nt as Fields>::FIELDS)),*];)?
        }
    };
}

/// `data/site.yaml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct SiteConfigRecord {
    pub title: String,
    pub base_url: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub theme: Option<String>,
    #[serde(default)]
    pub menu: Vec<MenuItemRecord>,
    #[serde(default)]
    pub per_page: Option<u32>,
    /// Let raw HTML in Markdown bodies through (off by default).
    #[serde(default)]
    pub allow_html: bool,
    /// Treat warnings (future dates, missing alt text) as errors.
    #[serde(default)]
    pub strict: bool,
    #[serde(default)]
    pub author: Option<String>,
    /// The browser editor's settings (docs/cms.md).
    #[serde(default)]
    pub cms: CmsRecord,
    /// The name under the icon on a phone's home screen (web manifest).
    #[serde(default)]
    pub short_name: Option<String>,
    /// `#rrggbb`: the browser's bar and the manifest's `theme_color`.
    #[serde(default)]
    pub theme_color: Option<String>,
    /// `#rrggbb`: the splash screen of the installed site.
    #[serde(default)]
    pub background_color: Option<String>,
    /// A square PNG or JPEG under `static/` (at least 512×512): the site's
    /// icon; without it, the theme draws one from the site's initial.
    #[serde(default)]
    pub icon: Option<String>,
}
fields!(SiteConfigRecord, ["title", "base_url", "description", "language", "theme", "menu", "per_page", "allow_html", "strict", "author", "cms", "short_name", "theme_color", "background_color", "icon"],
    nested: [("menu", MenuItemRecord), ("cms", CmsRecord)]);

/// `cms:` in `data/site.yaml`: the browser editor (Decap CMS) and where
/// it signs in (docs/cms.md, "Signing in").
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct CmsRecord {
    /// Where the editor commits: `github` (default), `gitlab`, `gitea`, or
    /// the legacy `git-gateway` (Netlify Identity).
    #[serde(default)]
    pub backend: Option<String>,
    /// The repository, `owner/name` (GitLab: `group/…/name`).
    #[serde(default)]
    pub repo: Option<String>,
    /// The git branch the editor commits to (default `main`).
    #[serde(default)]
    pub branch: Option<String>,
    /// The sign-in server: for GitHub the OAuth provider Netlify runs for
    /// the sites it hosts (default `https://api.netlify.com`); for GitLab
    /// or Gitea the server itself (default `https://gitlab.com`).
    #[serde(default)]
    pub base_url: Option<String>,
    /// The path of the sign-in page on `base_url` (GitHub default `auth`).
    #[serde(default)]
    pub auth_endpoint: Option<String>,
    /// The API of a self-hosted server (GitHub Enterprise, GitLab, Gitea).
    #[serde(default)]
    pub api_root: Option<String>,
    /// The application id of the OAuth app on GitLab or Gitea (PKCE).
    #[serde(default)]
    pub app_id: Option<String>,
    /// The npm CDN the editor's scripts come from (default
    /// `https://unpkg.com/`), or a folder of the site holding the same
    /// `<package>@<version>/…` files.
    #[serde(default)]
    pub cdn: Option<String>,
}
fields!(
    CmsRecord,
    [
        "backend",
        "repo",
        "branch",
        "base_url",
        "auth_endpoint",
        "api_root",
        "app_id",
        "cdn"
    ]
);

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct MenuItemRecord {
    pub name: String,
    pub url: String,
}
fields!(MenuItemRecord, ["name", "url"]);

/// One entry of `data/provinces.yaml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct ProvinceRecord {
    /// Two-digit Kemendagri code, e.g. `"33"`.
    pub code: String,
    pub slug: String,
    /// Official name as in the Kemendagri list.
    pub name: String,
    /// Everyday name where it differs (e.g. `DKI Jakarta`).
    #[serde(default)]
    pub short_name: Option<String>,
    #[serde(default)]
    pub name_en: Option<String>,
}
fields!(
    ProvinceRecord,
    ["code", "slug", "name", "short_name", "name_en"]
);

/// One entry of `data/regencies.yaml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct RegencyRecord {
    /// Kemendagri code `PP.RR`, e.g. `"33.19"`.
    pub code: String,
    /// Province code, e.g. `"33"`.
    pub province: String,
    /// Short name without the kind, e.g. `Kudus`.
    pub name: String,
    /// `kabupaten` or `kota`.
    pub kind: String,
    /// Full official name when it is not simply "Kabupaten/Kota <name>".
    #[serde(default)]
    pub official_name: Option<String>,
}
fields!(
    RegencyRecord,
    ["code", "province", "name", "kind", "official_name"]
);

impl RegencyRecord {
    /// The official name: as written, or "Kabupaten/Kota <name>".
    pub fn official(&self, kind: super::RegencyKind) -> String {
        self.official_name.clone().unwrap_or_else(|| {
            let prefix = match kind {
                super::RegencyKind::Kabupaten => "Kabupaten",
                super::RegencyKind::Kota => "Kota",
            };
            format!("{prefix} {}", self.name)
        })
    }
}

/// One partner library, an item of a `data/libraries/*.yaml` list.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct LibraryRecord {
    pub id: String,
    pub name: String,
    pub level: String,
    pub province: String,
    pub regency: String,
    #[serde(default)]
    pub district: Option<String>,
    #[serde(default)]
    pub village: Option<String>,
    #[serde(default)]
    pub joined: Option<u16>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    /// Network name → URL, e.g. `facebook: https://…`.
    #[serde(default)]
    pub social: BTreeMap<String, String>,
    #[serde(default)]
    pub location: Option<LocationRecord>,
    #[serde(default)]
    pub photo: Option<String>,
    #[serde(default)]
    pub photo_alt: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub kpi: Vec<KpiRecord>,
    /// Earlier ids of this library; old URLs redirect to the current one.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Not from a public source: shown with an "illustrative" notice.
    #[serde(default)]
    pub illustrative: bool,
}
fields!(LibraryRecord, [
    "id", "name", "level", "province", "regency", "district", "village", "joined",
    "address", "phone", "email", "website", "social", "location", "photo", "photo_alt",
    "summary", "kpi", "aliases", "illustrative",
], nested: [("kpi", KpiRecord), ("location", LocationRecord)]);

impl LibraryRecord {
    /// A record with its required fields and nothing else (import, tests).
    pub fn new(id: String, name: String, level: String, province: String, regency: String) -> Self {
        LibraryRecord {
            id,
            name,
            level,
            province,
            regency,
            district: None,
            village: None,
            joined: None,
            address: None,
            phone: None,
            email: None,
            website: None,
            social: Default::default(),
            location: None,
            photo: None,
            photo_alt: None,
            summary: None,
            kpi: Vec::new(),
            aliases: Vec::new(),
            illustrative: false,
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
pub struct LocationRecord {
    pub lat: f64,
    pub lon: f64,
}
fields!(LocationRecord, ["lat", "lon"]);

/// One KPI period of a library.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct KpiRecord {
    /// Free-form period label, e.g. `2024` or `2024-S1`.
    pub period: String,
    /// `tinggi` (green), `sedang` (yellow) or `rendah` (red).
    pub category: String,
    #[serde(default)]
    pub community_engagement: Option<u32>,
    #[serde(default)]
    pub advocacy: Option<u32>,
    #[serde(default)]
    pub service_improvement: Option<u32>,
}
fields!(
    KpiRecord,
    [
        "period",
        "category",
        "community_engagement",
        "advocacy",
        "service_improvement"
    ]
);

/// One entry of `data/awards.yaml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct AwardRecord {
    pub year: u16,
    pub province: String,
    /// e.g. `terbaik` (best) or `teraktif` (most active).
    pub category: String,
    pub rank: u16,
    pub library: String,
    #[serde(default)]
    pub event: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
}
fields!(
    AwardRecord,
    [
        "year",
        "province",
        "category",
        "rank",
        "library",
        "event",
        "note",
        "illustrative"
    ]
);

/// One entry of a `data/reports/*.yaml` list: programme figures as a source
/// reported them.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct ReportRecord {
    pub id: String,
    pub title: String,
    /// Province slug; absent for national figures.
    #[serde(default)]
    pub province: Option<String>,
    /// Period the figures cover, as reported (e.g. `Januari–September 2024`).
    pub period: String,
    /// Date the figures were published.
    pub date: String,
    #[serde(default)]
    pub event: Option<String>,
    #[serde(default)]
    pub source: Option<SourceRecord>,
    /// Figure key → value, exactly as reported. Keys come from a fixed list.
    pub figures: BTreeMap<String, u64>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
}
fields!(ReportRecord, ["id", "title", "province", "period", "date", "event", "source", "figures", "note", "illustrative"],
    nested: [("source", SourceRecord)]);

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct SourceRecord {
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
}
fields!(SourceRecord, ["title", "url"]);

/// Front matter of `content/berita/*.md`.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct PostFrontMatter {
    pub title: String,
    pub date: String,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub provinces: Vec<String>,
    #[serde(default)]
    pub libraries: Vec<String>,
    #[serde(default)]
    pub event: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub image: Option<String>,
    #[serde(default)]
    pub image_alt: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub illustrative: bool,
}
fields!(
    PostFrontMatter,
    [
        "title",
        "date",
        "author",
        "provinces",
        "libraries",
        "event",
        "tags",
        "image",
        "image_alt",
        "summary",
        "draft",
        "illustrative",
    ]
);

/// Front matter of `content/kisah/*.md`.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct StoryFrontMatter {
    pub title: String,
    pub date: String,
    pub person: String,
    pub library: String,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub quote: Option<String>,
    #[serde(default)]
    pub image: Option<String>,
    #[serde(default)]
    pub image_alt: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub illustrative: bool,
}
fields!(
    StoryFrontMatter,
    [
        "title",
        "date",
        "person",
        "library",
        "themes",
        "tags",
        "quote",
        "image",
        "image_alt",
        "summary",
        "draft",
        "illustrative",
    ]
);

/// Front matter of `content/plm/*.md`.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct EventFrontMatter {
    pub title: String,
    /// `provinsi`, `regional` or `nasional`.
    pub level: String,
    #[serde(default)]
    pub provinces: Vec<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub venue: Option<String>,
    #[serde(default)]
    pub online: bool,
    pub start: String,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub theme: Option<String>,
    /// Participant counts by library level, as reported.
    #[serde(default)]
    pub participants: BTreeMap<String, u32>,
    #[serde(default)]
    pub facilitators: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub image: Option<String>,
    #[serde(default)]
    pub image_alt: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub illustrative: bool,
}
fields!(
    EventFrontMatter,
    [
        "title",
        "level",
        "provinces",
        "city",
        "venue",
        "online",
        "start",
        "end",
        "theme",
        "participants",
        "facilitators",
        "tags",
        "image",
        "image_alt",
        "summary",
        "draft",
        "illustrative",
    ]
);

/// Front matter of a stand-alone page `content/*.md`.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct PageFrontMatter {
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub draft: bool,
    /// Position in menus and listings; lower first.
    #[serde(default)]
    pub weight: Option<i32>,
}
fields!(PageFrontMatter, ["title", "summary", "draft", "weight"]);

/// Keys allowed in an event's `participants`.
pub const PARTICIPANT_KEYS: &[&str] = &[
    "total",
    "provinsi",
    "kabupaten",
    "kota",
    "kabupaten_kota",
    "desa",
    "kelurahan",
    "desa_kelurahan",
    "penerima_manfaat",
    "desa_champion",
    "lainnya",
];

/// Keys allowed in a report's `figures`.
pub const FIGURE_KEYS: &[&str] = &[
    "partners",
    "provinces",
    "regencies",
    "villages",
    "participants",
    "community_engagement",
    "advocacy",
    "service_improvement",
    "kpi_tinggi",
    "kpi_sedang",
    "kpi_rendah",
    "without_sim_account",
];
