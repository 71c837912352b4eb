//! The URL scheme of the site contract, in one place.

use crate::model::slugify;
use crate::site::{RegencyId, Site};

pub fn post(slug: &str) -> String {
    format!("/berita/{slug}/")
}
pub fn story(slug: &str) -> String {
    format!("/kisah/{slug}/")
}
pub fn event(slug: &str) -> String {
    format!("/plm/{slug}/")
}
pub fn page(slug: &str) -> String {
    format!("/{slug}/")
}
pub fn province(slug: &str) -> String {
    format!("/provinsi/{slug}/")
}
pub fn province_feed(slug: &str) -> String {
    format!("/provinsi/{slug}/atom.xml")
}
pub fn library(id: &str) -> String {
    format!("/perpustakaan/{id}/")
}
/// A library's printable poster (see docs/library-material.md).
pub fn library_poster(id: &str) -> String {
    format!("/perpustakaan/{id}/poster/")
}
/// The QR code of a library's profile URL.
pub fn library_qr(id: &str) -> String {
    format!("/perpustakaan/{id}/qr.svg")
}
/// A library's embeddable badge.
pub fn library_badge(id: &str) -> String {
    format!("/perpustakaan/{id}/lencana.svg")
}
pub fn award_year(year: u16) -> String {
    format!("/penghargaan/{year}/")
}
pub fn tag(slug: &str) -> String {
    format!("/tag/{slug}/")
}
/// Page `n` (1-based) of the news listing.
pub fn news_page(n: usize) -> String {
    paged("/berita/", n)
}

/// Page `n` (1-based) of the list whose first page is `base`: `base`
/// itself, then `base` + `page/N/` (as the contract's `/berita/page/N/`).
pub fn paged(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}page/{n}/")
    }
}

/// The list of a regency's libraries: `/provinsi/<province>/<regency>/`,
/// the regency's official name as a slug (`kabupaten-kudus`).
pub fn regency(site: &Site, id: RegencyId) -> String {
    let r = site.regency(id);
    format!(
        "{}{}/",
        province(&site.province(r.province).slug),
        regency_slug(site, id)
    )
}

/// Segments the province's own lists use, never a regency's.
const PROVINCE_SEGMENTS: &[&str] = &["berita", "kisah", "plm", "page"];

/// A regency's URL segment: its official name as a slug; with its code
/// added when another regency of the province has the same slug or the
/// slug is one of the province's own segments (neither happens with the
/// official regions, but the data does not forbid it).
fn regency_slug(site: &Site, id: RegencyId) -> String {
    let r = site.regency(id);
    let slug = slugify(&r.official_name);
    let clash = PROVINCE_SEGMENTS.contains(&slug.as_str())
        || site
            .province(r.province)
            .regencies
            .iter()
            .any(|&o| o != id && slugify(&site.regency(o).official_name) == slug);
    if clash || slug.is_empty() {
        format!("{slug}-{}", slugify(&r.code))
    } else {
        slug
    }
}

/// The file a URL path is written to: `/a/b/` → `a/b/index.html`.
pub fn file_path(url: &str) -> String {
    let rel = url.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_paths() {
        assert_eq!(super::file_path("/"), "index.html");
        assert_eq!(
            super::file_path("/berita/page/2/"),
            "berita/page/2/index.html"
        );
        assert_eq!(super::file_path("/atom.xml"), "atom.xml");
    }

    #[test]
    fn paged_urls() {
        assert_eq!(super::paged("/kisah/", 1), "/kisah/");
        assert_eq!(super::paged("/tag/plm/", 3), "/tag/plm/page/3/");
        assert_eq!(super::news_page(2), "/berita/page/2/");
    }
}
