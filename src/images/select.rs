//! Pure decisions: which widths to make, what size a crop comes out at, what
//! a cached file is called. No I/O here, so all of it is unit-tested.

use xxhash_rust::xxh3::xxh3_128;

/// Bump when the bytes an operation produces change for the same input
/// (encoder, filter; cards have `CARD_VERSION` too): every output name changes with it.
pub const PIPELINE_VERSION: u32 = 1;

/// How a requested box is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum Fit {
    /// Fill the box exactly, cropping the middle of what overflows.
    Cover,
    /// Fit inside the box, keeping the whole image (one side may be shorter).
    Contain,
}

impl Fit {
    pub fn parse(s: &str) -> Option<Fit> {
        match s.trim().to_ascii_lowercase().as_str() {
            "cover" | "crop" | "fill" => Some(Fit::Cover),
            "contain" | "fit" | "inside" => Some(Fit::Contain),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Fit::Cover => "cover",
            Fit::Contain => "contain",
        }
    }
}

/// An encoded output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    WebP,
    Jpeg,
    Png,
    /// A PNG inside an ICO container (`/favicon.ico`).
    Ico,
}

impl Format {
    pub fn ext(self) -> &'static str {
        match self {
            Format::WebP => "webp",
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::Ico => "ico",
        }
    }
    pub fn mime(self) -> &'static str {
        match self {
            Format::WebP => "image/webp",
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::Ico => "image/x-icon",
        }
    }
}

/// The widths to make of an image `source_width` pixels wide, smallest first.
///
/// Only the configured widths below the source (or below the largest
/// configured width) are kept, never upscaling; the largest variant is the
/// source itself when it is narrower than the largest configured width, and
/// it replaces a configured width it barely exceeds (within 15%), so there is
/// no pair of near-identical files such as 960 and 1000.
pub fn select_widths(source_width: u32, widths: &[u32]) -> Vec<u32> {
    let source_width = source_width.max(1);
    let cap = widths
        .iter()
        .copied()
        .max()
        .map_or(source_width, |m| m.min(source_width));
    let mut out: Vec<u32> = widths
        .iter()
        .copied()
        .filter(|&w| w > 0 && w < cap)
        .collect();
    out.sort_unstable();
    out.dedup();
    match out.last_mut() {
        Some(last) if u64::from(cap) * 100 <= u64::from(*last) * 115 => *last = cap,
        _ => out.push(cap),
    }
    out
}

/// Height of a `width`-wide resize of a `sw`×`sh` image, rounded, at least 1.
pub fn scaled_height(sw: u32, sh: u32, width: u32) -> u32 {
    let sw = u64::from(sw.max(1));
    ((u64::from(sh) * u64::from(width) + sw / 2) / sw).max(1) as u32
}

/// The size an image of `sw`×`sh` comes out at when asked for `w`×`h` with
/// `fit`, never upscaling. `h == 0` means "any height" (fit the width).
///
/// `Cover` keeps the requested aspect ratio: a source too small for the box
/// gives a smaller box of the same shape. `Contain` keeps the source's.
pub fn fit_size(sw: u32, sh: u32, w: u32, h: u32, fit: Fit) -> (u32, u32) {
    let (sw, sh) = (sw.max(1), sh.max(1));
    let w = if w == 0 { sw } else { w };
    if h == 0 {
        let w = w.min(sw);
        return (w, scaled_height(sw, sh, w));
    }
    let (fw, fh) = (f64::from(sw), f64::from(sh));
    match fit {
        Fit::Contain => {
            let s = (f64::from(w) / fw).min(f64::from(h) / fh).min(1.0);
            (
                ((fw * s).round() as u32).max(1),
                ((fh * s).round() as u32).max(1),
            )
        }
        Fit::Cover => {
            let s = (f64::from(w) / fw).max(f64::from(h) / fh);
            if s <= 1.0 {
                (w, h)
            } else {
                (
                    ((f64::from(w) / s).round() as u32).max(1),
                    ((f64::from(h) / s).round() as u32).max(1),
                )
            }
        }
    }
}

/// The centred region of a `sw`×`sh` source that has the aspect ratio of
/// `w`×`h`: `(left, top, width, height)` in source pixels.
pub fn cover_crop(sw: u32, sh: u32, w: u32, h: u32) -> (f64, f64, f64, f64) {
    let (fw, fh) = (f64::from(sw.max(1)), f64::from(sh.max(1)));
    let target = f64::from(w.max(1)) / f64::from(h.max(1));
    if fw / fh > target {
        let cw = fh * target;
        ((fw - cw) / 2.0, 0.0, cw, fh)
    } else {
        let ch = fw / target;
        (0.0, (fh - ch) / 2.0, fw, ch)
    }
}

/// Twelve hex digits naming everything made from one source with one set of
/// encoder settings. It changes when the source bytes, the settings or
/// [`PIPELINE_VERSION`] change, so a URL made from it can be cached forever.
pub fn source_tag(content_hash: u128, settings_fingerprint: &str) -> String {
    tag(&format!(
        "warta-img/{PIPELINE_VERSION}/{content_hash:032x}/{settings_fingerprint}"
    ))
}

/// Twelve hex digits of the hash of `text`.
pub fn tag(text: &str) -> String {
    format!("{:032x}", xxh3_128(text.as_bytes()))[..12].to_string()
}

/// `<tag>-<width>.<ext>`: one responsive variant.
pub fn variant_name(tag: &str, width: u32, format: Format) -> String {
    format!("{tag}-{width}.{}", format.ext())
}

/// `<tag>-<w>x<h>-<fit>.<ext>`: one requested size or crop.
pub fn resize_name(tag: &str, w: u32, h: u32, fit: Fit, format: Format) -> String {
    format!("{tag}-{w}x{h}-{}.{}", fit.name(), format.ext())
}

/// `card-<tag>.jpg`: one social card.
pub fn card_name(tag: &str) -> String {
    format!("card-{tag}.jpg")
}

/// Whether a file in the cache folder was made by this pipeline (and so may
/// be pruned): a name from the functions above, or an unfinished temp file.
pub fn is_pipeline_file(name: &str) -> bool {
    if name.starts_with(".tmp-") {
        return true;
    }
    let rest = name.strip_prefix("card-").unwrap_or(name);
    let hex = rest.get(..12).is_some_and(|h| {
        h.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    });
    let ext_ok = [".webp", ".jpg", ".png", ".ico"]
        .iter()
        .any(|e| name.ends_with(e));
    hex && ext_ok
        && rest
            .as_bytes()
            .get(12)
            .is_some_and(|&b| b == b'-' || b == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: [u32; 3] = [480, 960, 1600];

    #[test]
    fn phone_photo_gets_all_three_widths() {
        assert_eq!(select_widths(4000, &W), vec![480, 960, 1600]);
        assert_eq!(select_widths(1600, &W), vec![480, 960, 1600]);
        assert_eq!(select_widths(1700, &W), vec![480, 960, 1600]);
    }

    #[test]
    fn never_upscales() {
        assert_eq!(select_widths(1200, &W), vec![480, 960, 1200]);
        assert_eq!(select_widths(700, &W), vec![480, 700]);
        assert_eq!(select_widths(300, &W), vec![300]);
        assert_eq!(select_widths(480, &W), vec![480]);
        assert_eq!(select_widths(1, &W), vec![1]);
    }

    #[test]
    fn near_duplicate_widths_collapse_into_the_source_width() {
        assert_eq!(select_widths(1000, &W), vec![480, 1000]);
        assert_eq!(select_widths(500, &W), vec![500]);
        // 15% above is still "near": 960 * 1.15 = 1104.
        assert_eq!(select_widths(1104, &W), vec![480, 1104]);
        assert_eq!(select_widths(1105, &W), vec![480, 960, 1105]);
    }

    #[test]
    fn unsorted_and_duplicate_configured_widths() {
        assert_eq!(select_widths(5000, &[960, 480, 960]), vec![480, 960]);
    }

    #[test]
    fn heights_keep_the_aspect_ratio() {
        assert_eq!(scaled_height(4000, 3000, 480), 360);
        assert_eq!(scaled_height(3000, 4000, 960), 1280);
        assert_eq!(scaled_height(1000, 1, 480), 1);
        assert_eq!(scaled_height(1001, 667, 480), 320);
    }

    #[test]
    fn cover_is_exact_when_the_source_is_large_enough() {
        assert_eq!(fit_size(4000, 3000, 1200, 630, Fit::Cover), (1200, 630));
        // Too small: same shape, smaller.
        assert_eq!(fit_size(600, 600, 1200, 630, Fit::Cover), (600, 315));
    }

    #[test]
    fn contain_keeps_the_source_shape() {
        assert_eq!(fit_size(4000, 3000, 800, 800, Fit::Contain), (800, 600));
        assert_eq!(fit_size(300, 200, 800, 800, Fit::Contain), (300, 200));
        assert_eq!(fit_size(4000, 3000, 500, 0, Fit::Cover), (500, 375));
        assert_eq!(fit_size(400, 300, 500, 0, Fit::Cover), (400, 300));
    }

    #[test]
    fn cover_crop_is_centred() {
        let (l, t, w, h) = cover_crop(4000, 3000, 1200, 600);
        assert_eq!((l, t, w, h), (0.0, 500.0, 4000.0, 2000.0));
        let (l, t, w, h) = cover_crop(1000, 1000, 2, 1);
        assert_eq!((l, t, w, h), (0.0, 250.0, 1000.0, 500.0));
        let (l, _, w, _) = cover_crop(3000, 1000, 1, 1);
        assert_eq!((l, w), (1000.0, 1000.0));
    }

    #[test]
    fn tags_change_with_content_settings_and_nothing_else() {
        let a = source_tag(1, "q75");
        assert_eq!(a.len(), 12);
        assert_eq!(a, source_tag(1, "q75"));
        assert_ne!(a, source_tag(2, "q75"));
        assert_ne!(a, source_tag(1, "q80"));
    }

    #[test]
    fn names_and_what_may_be_pruned() {
        let t = "0123456789ab";
        assert_eq!(variant_name(t, 960, Format::WebP), "0123456789ab-960.webp");
        assert_eq!(
            resize_name(t, 1200, 630, Fit::Cover, Format::Jpeg),
            "0123456789ab-1200x630-cover.jpg"
        );
        assert_eq!(card_name(t), "card-0123456789ab.jpg");
        for n in [
            "0123456789ab-960.webp",
            "0123456789ab-1200x630-cover.jpg",
            "card-0123456789ab.jpg",
            ".tmp-123-0123456789ab-960.webp",
        ] {
            assert!(is_pipeline_file(n), "{n}");
        }
        for n in [
            "sources.tsv",
            "README",
            "0123456789ab.txt",
            "photo-960.webp",
            "0123456789AB-1.jpg",
        ] {
            assert!(!is_pipeline_file(n), "{n}");
        }
    }
}
