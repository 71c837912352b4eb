//! What a page says about itself to browsers, search engines and link
//! previews: title, description, canonical URL, Open Graph, JSON-LD.

use super::urls;
use super::view::{Cx, Link};
use crate::escape;
use crate::site::{EventId, LibraryId, PostId};
use serde::Serialize;
use serde_json::{json, Value};

/// The `page` of every template context.
#[derive(Serialize, Default)]
pub struct Meta {
    /// The page's own title (the `h1`); the `<title>` adds the site title.
    pub title: String,
    pub description: String,
    /// Root-relative URL path, e.g. `/berita/x/`.
    pub url: String,
    /// Absolute URL, for `<link rel=canonical>` and `og:url`.
    pub canonical: String,
    /// `website` or `article`.
    pub og_type: String,
    /// Absolute URL of the preview image, if any.
    pub image: Option<String>,
    pub image_alt: Option<String>,
    /// Size of `image` in pixels, when known (responsive variants, cards).
    pub image_width: Option<u32>,
    pub image_height: Option<u32>,
    /// JSON-LD, already safe inside `<script>` (see [`escape::json_for_script`]).
    pub json_ld: Option<String>,
    /// An Atom feed for this page (province pages).
    pub feed: Option<Link>,
    /// Keep out of search engines (404, redirects, drafts).
    pub noindex: bool,
    /// A draft published by `--drafts` (deploy previews, `serve --drafts`):
    /// the page says so.
    pub draft: bool,
}

impl Meta {
    pub fn new(
        cx: &Cx,
        title: impl Into<String>,
        url: impl Into<String>,
        description: Option<&str>,
    ) -> Self {
        let url = url.into();
        Meta {
            title: title.into(),
            description: description
                .map(str::to_string)
                .or_else(|| cx.site.config.description.clone())
                .unwrap_or_default()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            canonical: cx.absolute(&url),
            url,
            og_type: "website".into(),
            ..Meta::default()
        }
    }
    /// A draft (`--drafts`): marked on the page, kept out of search engines.
    pub fn draft(mut self, draft: bool) -> Self {
        self.draft = draft;
        self.noindex |= draft;
        self
    }
    pub fn with_image(mut self, cx: &Cx, img: &Option<crate::site::Image>) -> Self {
        if let Some(i) = img {
            self.image_alt = i.alt.clone();
            match super::view::responsive(&i.url) {
                Some(r) => {
                    self.image = Some(cx.absolute(&r.largest));
                    self.image_width = Some(r.largest_width);
                    self.image_height = Some(r.largest_height);
                }
                None => self.image = Some(cx.absolute(&i.url)),
            }
        }
        self
    }
    /// A social card made for this page (1200×630), replacing any image.
    pub fn with_card(mut self, cx: &Cx, card: Option<crate::images::Card>) -> Self {
        if let Some(c) = card {
            self.image = Some(cx.absolute(&c.url));
            self.image_width = Some(c.width);
            self.image_height = Some(c.height);
            // The card shows the page's title (e.g. the library's name).
            self.image_alt = Some(self.title.clone());
        }
        self
    }
    pub fn with_json_ld(mut self, value: &Value) -> Self {
        self.json_ld = Some(escape::json_for_script(value));
        self
    }
}

/// schema.org `NewsArticle` for a news post.
pub fn news_article(cx: &Cx, id: PostId) -> Value {
    let p = &cx.site.posts[id.0 as usize];
    let url = cx.absolute(&urls::post(&p.slug));
    let publisher = json!({"@type": "Organization", "name": cx.site.config.title, "url": cx.site.config.base_url});
    let author = match p.author.as_ref().or(cx.site.config.author.as_ref()) {
        Some(a) => json!({"@type": "Organization", "name": a}),
        None => publisher.clone(),
    };
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": p.title,
        "datePublished": p.date.to_string(),
        "inLanguage": cx.lang(),
        "mainEntityOfPage": url,
        "url": url,
        "author": author,
        "publisher": publisher,
    });
    if let Some(s) = &p.summary {
        v["description"] = json!(s.trim());
    }
    if let Some(i) = &p.image {
        v["image"] = json!([cx.absolute(&super::view::published_url(&i.url))]);
    }
    v
}

/// schema.org `Library` for a library profile.
pub fn library(cx: &Cx, id: LibraryId) -> Value {
    let l = cx.site.library(id);
    let regency = &cx.site.regency(l.regency).official_name;
    let mut address = json!({
        "@type": "PostalAddress",
        "addressLocality": l.village.clone().unwrap_or_else(|| regency.clone()),
        "addressRegion": cx.site.province(l.province).name,
        "addressCountry": "ID",
    });
    if let Some(a) = &l.address {
        address["streetAddress"] = json!(a);
    }
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "Library",
        "name": l.name,
        "url": cx.absolute(&urls::library(&l.id)),
        "address": address,
    });
    if let Some(s) = &l.summary {
        v["description"] = json!(s.trim());
    }
    if let Some(p) = &l.phone {
        v["telephone"] = json!(p);
    }
    if let Some(e) = &l.email {
        v["email"] = json!(e);
    }
    if let Some((lat, lon)) = l.location {
        v["geo"] = json!({"@type": "GeoCoordinates", "latitude": lat, "longitude": lon});
    }
    if let Some(p) = &l.photo {
        v["image"] = json!(cx.absolute(&super::view::published_url(&p.url)));
    }
    let same_as: Vec<&String> = l.website.iter().chain(l.social.values()).collect();
    if !same_as.is_empty() {
        v["sameAs"] = json!(same_as);
    }
    v
}

/// schema.org `BreadcrumbList` of a page's breadcrumbs (see
/// [`super::crumbs`]), the home page first, the page itself last.
pub fn breadcrumb_list(cx: &Cx, items: &[Link]) -> Value {
    let elements: Vec<Value> = items
        .iter()
        .enumerate()
        .map(|(i, l)| {
            json!({
                "@type": "ListItem",
                "position": i + 1,
                "name": l.name,
                "item": cx.absolute(&l.url),
            })
        })
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": elements,
    })
}

/// schema.org `Event` for an event page (its own function: other kinds of
/// JSON-LD, such as breadcrumbs, go beside it).
pub fn event(cx: &Cx, id: EventId) -> Value {
    let e = cx.site.event(id);
    let url = cx.absolute(&urls::event(&e.slug));
    let organizer = json!({"@type": "Organization", "name": cx.site.config.title, "url": cx.site.config.base_url});
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": e.title,
        "startDate": e.start.to_string(),
        "endDate": e.end.unwrap_or(e.start).to_string(),
        "eventStatus": "https://schema.org/EventScheduled",
        "organizer": organizer,
        "url": url,
        "inLanguage": cx.lang(),
    });
    let region = e
        .provinces
        .first()
        .map(|&p| cx.site.province(p).name.clone());
    let place = (e.venue.is_some() || e.city.is_some()).then(|| {
        let mut address = json!({"@type": "PostalAddress", "addressCountry": "ID"});
        if let Some(c) = &e.city {
            address["addressLocality"] = json!(c);
        }
        if let Some(r) = &region {
            address["addressRegion"] = json!(r);
        }
        json!({
            "@type": "Place",
            "name": e.venue.as_ref().or(e.city.as_ref()),
            "address": address,
        })
    });
    let online = e
        .online
        .then(|| json!({"@type": "VirtualLocation", "url": url}));
    let (mode, location) = match (place, online) {
        (Some(p), Some(o)) => ("Mixed", json!([p, o])),
        (Some(p), None) => ("Offline", p),
        (None, Some(o)) => ("Online", o),
        (None, None) => ("Offline", Value::Null),
    };
    v["eventAttendanceMode"] = json!(format!("https://schema.org/{mode}EventAttendanceMode"));
    if !location.is_null() {
        v["location"] = location;
    }
    if let Some(s) = &e.summary {
        v["description"] = json!(s.trim());
    }
    if let Some(i) = &e.image {
        v["image"] = json!([cx.absolute(&super::view::published_url(&i.url))]);
    }
    v
}
