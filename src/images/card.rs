//! Social cards: a 1200×630 JPEG for link previews (WhatsApp, Facebook,
//! X), with the photo cropped behind a dark gradient, or a plain design,
//! and the title drawn in DejaVu Sans Condensed (embedded; Bitstream Vera
//! licence, free to embed) through `ab_glyph`.

use super::encode::{self, Quality};
use super::select::{cover_crop, Format};
use super::text::{fit as fit_line, wrap};
use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use image::{DynamicImage, Rgb, RgbImage};

pub const CARD_WIDTH: u32 = 1200;
pub const CARD_HEIGHT: u32 = 630;

/// The words on a card.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CardSpec {
    /// Large, bold, up to three lines (e.g. the library's name).
    pub title: String,
    /// One line below the title (e.g. `Kabupaten Kudus, Jawa Tengah`).
    pub subtitle: Option<String>,
    /// Small, at the top (e.g. the site's title).
    pub label: Option<String>,
}

impl CardSpec {
    /// Everything that decides the card's pixels, for its cache name.
    pub fn fingerprint(&self) -> String {
        format!(
            "{}\u{1f}{}\u{1f}{}",
            self.title,
            self.subtitle.as_deref().unwrap_or(""),
            self.label.as_deref().unwrap_or("")
        )
    }
}

const MARGIN: f32 = 72.0;
const TEAL: [u8; 3] = [11, 85, 99];
const TEAL_DARK: [u8; 3] = [6, 52, 62];
const AMBER: [u8; 3] = [244, 162, 89];
const WHITE: [u8; 3] = [255, 255, 255];
const MIST: [u8; 3] = [225, 232, 234];

/// Draws a card: `photo` (already oriented, 8-bit RGB(A)) cropped to fill, or
/// the plain design without one. Returns JPEG bytes.
pub fn render(
    spec: &CardSpec,
    photo: Option<&DynamicImage>,
    q: Quality,
) -> Result<Vec<u8>, String> {
    let mut canvas = match photo {
        Some(p) => {
            let crop = cover_crop(p.width(), p.height(), CARD_WIDTH, CARD_HEIGHT);
            let rgb;
            let p = match p {
                DynamicImage::ImageRgba8(_) => {
                    rgb = DynamicImage::ImageRgb8(p.to_rgb8());
                    &rgb
                }
                other => other,
            };
            let mut bg = encode::resize(p, CARD_WIDTH, CARD_HEIGHT, Some(crop))?.into_rgb8();
            shade(&mut bg);
            bg
        }
        None => plain(),
    };
    draw_text(&mut canvas, spec);
    encode::encode(&DynamicImage::ImageRgb8(canvas), Format::Jpeg, q)
}

/// Darkens the photo, more towards the bottom where the title sits.
fn shade(img: &mut RgbImage) {
    let h = img.height() as f32;
    for (_, y, p) in img.enumerate_pixels_mut() {
        let t = y as f32 / h;
        let dark = 0.30 + 0.55 * t * t;
        for c in &mut p.0 {
            *c = (f32::from(*c) * (1.0 - dark)).round() as u8;
        }
    }
}

/// The design without a photo: a diagonal teal gradient, an amber bar.
fn plain() -> RgbImage {
    let (w, h) = (CARD_WIDTH as f32, CARD_HEIGHT as f32);
    RgbImage::from_fn(CARD_WIDTH, CARD_HEIGHT, |x, y| {
        if x < 18 {
            return Rgb(AMBER);
        }
        let t = (x as f32 / w * 0.6 + y as f32 / h * 0.4).clamp(0.0, 1.0);
        let mix = |a: u8, b: u8| (f32::from(a) * (1.0 - t) + f32::from(b) * t).round() as u8;
        Rgb([
            mix(TEAL[0], TEAL_DARK[0]),
            mix(TEAL[1], TEAL_DARK[1]),
            mix(TEAL[2], TEAL_DARK[2]),
        ])
    })
}

fn draw_text(img: &mut RgbImage, spec: &CardSpec) {
    let (Ok(bold), Ok(regular)) = (
        FontRef::try_from_slice(dejavu::sans_condensed::bold()),
        FontRef::try_from_slice(dejavu::sans_condensed::regular()),
    ) else {
        return;
    };
    let width = CARD_WIDTH as f32 - 2.0 * MARGIN;
    if let Some(label) = spec.label.as_deref().filter(|s| !s.trim().is_empty()) {
        let size = 32.0;
        let line = fit_line(&regular, size, label, width);
        let top = MARGIN + regular.as_scaled(PxScale::from(size)).ascent();
        draw_line(img, &regular, size, &line, MARGIN, top, AMBER);
    }
    // Title: the largest size at which it fits in three lines.
    let mut size = 72.0;
    let mut lines = wrap(&bold, size, &spec.title, width, usize::MAX);
    while lines.len() > 3 && size > 44.0 {
        size -= 4.0;
        lines = wrap(&bold, size, &spec.title, width, usize::MAX);
    }
    if lines.len() > 3 {
        lines.truncate(3);
        let last = format!("{}…", lines[2].trim_end_matches(['.', ',', ' ']));
        lines[2] = fit_line(&bold, size, &last, width);
    }
    let sub_size = 34.0;
    let subtitle = spec
        .subtitle
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(|s| fit_line(&regular, sub_size, s, width));
    let line_h = size * 1.15;
    let mut baseline = CARD_HEIGHT as f32 - MARGIN;
    if let Some(sub) = &subtitle {
        draw_line(img, &regular, sub_size, sub, MARGIN, baseline, MIST);
        baseline -= sub_size * 1.9;
    }
    let first = baseline - line_h * (lines.len().saturating_sub(1)) as f32;
    for (i, line) in lines.iter().enumerate() {
        draw_line(
            img,
            &bold,
            size,
            line,
            MARGIN,
            first + line_h * i as f32,
            WHITE,
        );
    }
}

fn draw_line(
    img: &mut RgbImage,
    font: &FontRef<'_>,
    size: f32,
    text: &str,
    x: f32,
    baseline: f32,
    color: [u8; 3],
) {
    let scale = PxScale::from(size);
    let f = font.as_scaled(scale);
    let mut caret = point(x, baseline);
    let mut prev = None;
    for c in text.chars() {
        let id = f.glyph_id(c);
        if let Some(p) = prev {
            caret.x += f.kern(p, id);
        }
        let glyph = id.with_scale_and_position(scale, caret);
        caret.x += f.h_advance(id);
        prev = Some(id);
        let Some(outline) = font.outline_glyph(glyph) else {
            continue;
        };
        let b = outline.px_bounds();
        outline.draw(|gx, gy, cov| {
            let px = b.min.x as i64 + i64::from(gx);
            let py = b.min.y as i64 + i64::from(gy);
            if px < 0 || py < 0 || px >= i64::from(img.width()) || py >= i64::from(img.height()) {
                return;
            }
            let p = img.get_pixel_mut(px as u32, py as u32);
            let a = cov.clamp(0.0, 1.0);
            for (c, t) in p.0.iter_mut().zip(color) {
                *c = (f32::from(*c) * (1.0 - a) + f32::from(t) * a).round() as u8;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::width as text_width;
    use super::*;

    #[test]
    fn long_titles_wrap_and_fit() {
        let font = FontRef::try_from_slice(dejavu::sans_condensed::bold()).unwrap();
        let lines = wrap(
            &font,
            72.0,
            "Perpustakaan Umum Daerah Kabupaten Kepulauan Siau Tagulandang Biaro",
            1056.0,
            usize::MAX,
        );
        assert!(lines.len() >= 2);
        for l in &lines {
            assert!(text_width(&font, 72.0, l) <= 1056.0, "{l}");
        }
        let long = fit_line(&font, 72.0, &"x".repeat(200), 1056.0);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn cards_are_1200_by_630_jpegs() {
        let spec = CardSpec {
            title: "Perpustakaan Desa Sukamaju".into(),
            subtitle: Some("Kabupaten Kudus, Jawa Tengah".into()),
            label: Some("TPBIS".into()),
        };
        let q = Quality {
            webp: 75.0,
            webp_method: 4,
            jpeg: 80,
        };
        let bytes = render(&spec, None, q).unwrap();
        let img = image::load_from_memory(&bytes).unwrap();
        assert_eq!((img.width(), img.height()), (CARD_WIDTH, CARD_HEIGHT));
        let photo = DynamicImage::ImageRgb8(RgbImage::from_pixel(300, 400, Rgb([200, 10, 10])));
        let bytes = render(&spec, Some(&photo), q).unwrap();
        let img = image::load_from_memory(&bytes).unwrap();
        assert_eq!((img.width(), img.height()), (CARD_WIDTH, CARD_HEIGHT));
    }
}
