//! A Markdown image the image pipeline planned, written as `<picture>`.

use crate::escape;

/// The `<picture>` of a Markdown image (see docs/images.md).
pub(super) fn picture_html(
    r: &crate::images::Responsive,
    alt: &str,
    title: &str,
    eager: bool,
) -> String {
    let e = escape::html;
    let title = if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", e(title))
    };
    let loading = if eager {
        r#"loading="eager" fetchpriority="high""#
    } else {
        r#"loading="lazy""#
    };
    format!(
        "<picture><source type=\"image/webp\" srcset=\"{webp}\" sizes=\"{sizes}\">\
         <img src=\"{src}\" srcset=\"{fallback}\" sizes=\"{sizes}\" width=\"{w}\" height=\"{h}\" \
         alt=\"{alt}\"{title} {loading} decoding=\"async\"></picture>",
        webp = e(&r.srcset_webp),
        sizes = e(&r.sizes),
        src = e(&r.src),
        fallback = e(&r.srcset_fallback),
        w = r.width,
        h = r.height,
        alt = e(alt),
    )
}
