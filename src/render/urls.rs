//! The URL scheme of the site contract, in one place.

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
    if n <= 1 {
        "/berita/".into()
    } else {
        format!("/berita/page/{n}/")
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
}
