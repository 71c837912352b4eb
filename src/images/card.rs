//! Social cards: a 1200×630 JPEG for link previews (WhatsApp, Facebook,
//! X), with the photo cropped behind a dark gradient, or a plain design,
//! and the title drawn in DejaVu Sans Condensed (embedded; Bitstream Vera
//! licence, free to embed) through `ab_glyph`.
//!
//! Thousands of cards share a few backgrounds (the plain design, or one
//! photo) and the label (the site's title), so a [`Base`] draws and
//! encodes those once; each card then draws only its title and subtitle
//! and re-encodes only the pieces of the JPEG they touch (see `pieces`).

use super::encode;
use super::glyphs::{fonts, line_masks, Face, Mask};
use super::pieces::{encode_column, Pieces, PIECE_HEIGHT, PIECE_WIDTH};
use super::select::cover_crop;
use super::text::{drawable_words, fit as fit_line, wrap};
use ab_glyph::{Font, PxScale, ScaleFont};
use image::{DynamicImage, Rgb, RgbImage};
use std::collections::BTreeSet;

pub const CARD_WIDTH: u32 = 1200;
pub const CARD_HEIGHT: u32 = 630;
/// Bump when a card's bytes change for the same words and photo (part of
/// every card's name, with `PIPELINE_VERSION`).
pub const CARD_VERSION: u32 = 3;
/// The card's height in whole pieces; the rows below [`CARD_HEIGHT`]
/// repeat the last one and are not shown.
const PADDED_HEIGHT: u32 = CARD_HEIGHT.div_ceil(PIECE_HEIGHT) * PIECE_HEIGHT;

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
/// Where text may be drawn: the card's visible pixels.
const AREA: (u32, u32) = (CARD_WIDTH, CARD_HEIGHT);

/// What every card over one background with one label shares: the
/// background with the label drawn, and its encoding in pieces.
#[derive(Debug)]
pub struct Base {
    canvas: RgbImage,
    pieces: Pieces,
    quality: u8,
}

impl Base {
    /// Draws and encodes the background: `photo` (already oriented, 8-bit
    /// RGB(A)) cropped to fill, or the plain design without one, and
    /// `label` at the top. `quality` is the JPEG quality.
    pub fn new(
        photo: Option<&DynamicImage>,
        label: Option<&str>,
        quality: u8,
    ) -> Result<Base, String> {
        let background = match photo {
            Some(p) => photo_background(p)?,
            None => plain(),
        };
        let row = (CARD_WIDTH * 3) as usize;
        let mut raw = background.into_raw();
        let last = raw[raw.len() - row..].to_vec();
        for _ in CARD_HEIGHT..PADDED_HEIGHT {
            raw.extend_from_slice(&last);
        }
        let mut canvas =
            RgbImage::from_raw(CARD_WIDTH, PADDED_HEIGHT, raw).ok_or("internal: card canvas")?;
        let f = fonts();
        let label = label.map(|l| drawable_words(&f.regular, l));
        if let Some(label) = label.as_deref().filter(|s| !s.trim().is_empty()) {
            let size = 32.0;
            let line = fit_line(&f.regular, size, label, CARD_WIDTH as f32 - 2.0 * MARGIN);
            let top = MARGIN + f.regular.as_scaled(PxScale::from(size)).ascent();
            for m in line_masks(Face::Regular, size, &line, MARGIN, top, AMBER) {
                m.draw(AREA, |x, y| Some((x, y)), &mut canvas);
            }
        }
        let pieces = Pieces::encode(&canvas, CARD_HEIGHT, quality)?;
        Ok(Base {
            canvas,
            pieces,
            quality,
        })
    }

    /// The card for `spec` over this base, as JPEG bytes. The label is the
    /// base's (`spec.label` is what the base was made with).
    pub fn render(&self, spec: &CardSpec) -> Result<Vec<u8>, String> {
        let masks = title_masks(spec);
        // The pieces the text touches, and where each goes in the column.
        let cols = CARD_WIDTH / PIECE_WIDTH;
        let mut touched = BTreeSet::new();
        for m in &masks {
            let Some((x0, y0, x1, y1)) = m.clipped(AREA) else {
                continue;
            };
            for r in y0 / PIECE_HEIGHT..=(y1 - 1) / PIECE_HEIGHT {
                for c in x0 / PIECE_WIDTH..=(x1 - 1) / PIECE_WIDTH {
                    touched.insert((r * cols + c) as usize);
                }
            }
        }
        let which: Vec<usize> = touched.into_iter().collect();
        if which.is_empty() {
            return Ok(self.pieces.splice(&[], Vec::new()));
        }
        let mut slot = vec![u32::MAX; (cols * PADDED_HEIGHT / PIECE_HEIGHT) as usize];
        let mut column = RgbImage::new(PIECE_WIDTH, PIECE_HEIGHT * which.len() as u32);
        let (w3, src_row) = ((PIECE_WIDTH * 3) as usize, (CARD_WIDTH * 3) as usize);
        for (k, &p) in which.iter().enumerate() {
            slot[p] = k as u32;
            let (r, c) = (p as u32 / cols, p as u32 % cols);
            for y in 0..PIECE_HEIGHT {
                let from =
                    ((r * PIECE_HEIGHT + y) as usize) * src_row + (c * PIECE_WIDTH * 3) as usize;
                let to = ((k as u32 * PIECE_HEIGHT + y) as usize) * w3;
                column.as_mut()[to..to + w3]
                    .copy_from_slice(&self.canvas.as_raw()[from..from + w3]);
            }
        }
        let locate = |x: u32, y: u32| {
            let k = slot[(y / PIECE_HEIGHT * cols + x / PIECE_WIDTH) as usize];
            (k != u32::MAX).then(|| (x % PIECE_WIDTH, k * PIECE_HEIGHT + y % PIECE_HEIGHT))
        };
        for m in &masks {
            m.draw(AREA, locate, &mut column);
        }
        let new = encode_column(&column, self.quality)?;
        Ok(self.pieces.splice(&which, new))
    }
}

/// The photo cropped to fill the card and darkened.
fn photo_background(p: &DynamicImage) -> Result<RgbImage, String> {
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
    Ok(bg)
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

/// The title (the largest size at which it fits in three lines, from 72
/// down to 44 px, then cut with "…") and the subtitle, bottom-aligned.
fn title_masks(spec: &CardSpec) -> Vec<Mask> {
    let f = fonts();
    let width = CARD_WIDTH as f32 - 2.0 * MARGIN;
    // Words the font cannot draw as written (emoji, right-to-left
    // scripts) are left out rather than drawn as boxes or out of order.
    let title = drawable_words(&f.bold, &spec.title);
    let mut size = 72.0;
    let mut lines = wrap(&f.bold, size, &title, width, usize::MAX);
    while lines.len() > 3 && size > 44.0 {
        size -= 4.0;
        lines = wrap(&f.bold, size, &title, width, usize::MAX);
    }
    if lines.len() > 3 {
        lines.truncate(3);
        let last = format!("{}…", lines[2].trim_end_matches(['.', ',', ' ']));
        lines[2] = fit_line(&f.bold, size, &last, width);
    }
    let sub_size = 34.0;
    let subtitle = spec
        .subtitle
        .as_deref()
        .map(|s| drawable_words(&f.regular, s))
        .filter(|s| !s.trim().is_empty())
        .map(|s| fit_line(&f.regular, sub_size, &s, width));
    let mut masks = Vec::new();
    let line_h = size * 1.15;
    let mut baseline = CARD_HEIGHT as f32 - MARGIN;
    if let Some(sub) = &subtitle {
        masks.extend(line_masks(
            Face::Regular,
            sub_size,
            sub,
            MARGIN,
            baseline,
            MIST,
        ));
        baseline -= sub_size * 1.9;
    }
    let first = baseline - line_h * (lines.len().saturating_sub(1)) as f32;
    for (i, line) in lines.iter().enumerate() {
        let y = first + line_h * i as f32;
        masks.extend(line_masks(Face::Bold, size, line, MARGIN, y, WHITE));
    }
    masks
}

#[cfg(test)]
mod tests {
    use super::super::text::width as text_width;
    use super::*;

    fn spec(title: &str) -> CardSpec {
        CardSpec {
            title: title.into(),
            subtitle: Some("Kabupaten Kudus, Jawa Tengah".into()),
            label: Some("TPBIS".into()),
        }
    }

    #[test]
    fn long_titles_wrap_and_fit() {
        let font = &fonts().bold;
        let lines = wrap(
            font,
            72.0,
            "Perpustakaan Umum Daerah Kabupaten Kepulauan Siau Tagulandang Biaro",
            1056.0,
            usize::MAX,
        );
        assert!(lines.len() >= 2);
        for l in &lines {
            assert!(text_width(font, 72.0, l) <= 1056.0, "{l}");
        }
        let long = fit_line(font, 72.0, &"x".repeat(200), 1056.0);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn cards_are_1200_by_630_jpegs() {
        let s = spec("Perpustakaan Desa Sukamaju");
        let plain = Base::new(None, s.label.as_deref(), 80).unwrap();
        let photo = DynamicImage::ImageRgb8(RgbImage::from_pixel(300, 400, Rgb([200, 10, 10])));
        let over_photo = Base::new(Some(&photo), s.label.as_deref(), 80).unwrap();
        for base in [&plain, &over_photo] {
            let img = image::load_from_memory(&base.render(&s).unwrap()).unwrap();
            assert_eq!((img.width(), img.height()), (CARD_WIDTH, CARD_HEIGHT));
        }
    }

    /// Drawing a card whole and encoding it gives the same bytes as the
    /// base with the touched pieces spliced in.
    #[test]
    fn a_card_is_its_base_with_the_text_pieces_replaced() {
        let s = spec("Perpustakaan Umum Daerah Kabupaten Kepulauan Siau Tagulandang Biaro");
        let base = Base::new(None, s.label.as_deref(), 80).unwrap();
        let mut whole = base.canvas.clone();
        for m in title_masks(&s) {
            m.draw(AREA, |x, y| Some((x, y)), &mut whole);
        }
        let expected = Pieces::encode(&whole, CARD_HEIGHT, 80)
            .unwrap()
            .splice(&[], vec![]);
        let card = base.render(&s).unwrap();
        assert!(card == expected, "spliced card differs from a whole encode");
        // The text is there: white title pixels near the bottom left.
        let img = image::load_from_memory(&card).unwrap().into_rgb8();
        let bright = (380..560)
            .flat_map(|y| (72..600).map(move |x| (x, y)))
            .filter(|&(x, y)| img.get_pixel(x, y)[0] > 200)
            .count();
        assert!(bright > 1000, "{bright} bright pixels");
    }

    /// Emoji and Arabic-script words are left out, not drawn as boxes or
    /// as unjoined letters in the wrong order: the card is the one of the
    /// words that remain.
    #[test]
    fn words_the_font_cannot_draw_are_left_out() {
        let base = Base::new(None, Some("TPBIS 📚"), 80).unwrap();
        let card = |title: &str, sub: &str| {
            base.render(&CardSpec {
                title: title.into(),
                subtitle: Some(sub.into()),
                label: Some("TPBIS".into()),
            })
            .unwrap()
        };
        assert_eq!(
            card("Perpustakaan 📚 Al-Ikhlas مكتبة", "Kudus 🇮🇩"),
            card("Perpustakaan Al-Ikhlas", "Kudus")
        );
        assert_eq!(card("مكتبة الإخلاص", "Kudus"), card("", "Kudus"));
        assert_eq!(
            Base::new(None, Some("TPBIS 📚"), 80).unwrap().canvas,
            Base::new(None, Some("TPBIS"), 80).unwrap().canvas
        );
    }

    #[test]
    fn same_words_same_bytes() {
        let s = spec("Perpustakaan Desa Sukamaju");
        let a = Base::new(None, s.label.as_deref(), 80)
            .unwrap()
            .render(&s)
            .unwrap();
        let b = Base::new(None, s.label.as_deref(), 80)
            .unwrap()
            .render(&s)
            .unwrap();
        assert_eq!(a, b);
        let other = spec("Perpustakaan Desa Sukamulya");
        let c = Base::new(None, s.label.as_deref(), 80)
            .unwrap()
            .render(&other)
            .unwrap();
        assert_ne!(a, c);
    }
}
