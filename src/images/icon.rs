//! The site's icon when it has none of its own (`icon:` in site.yaml): its
//! initial, white on the theme colour over an amber bar, drawn from the
//! same DejaVu outline as a PNG at any size and as an SVG (`favicon.svg`),
//! so both look alike. And the ICO container of `/favicon.ico`.

use super::glyphs::fonts;
use ab_glyph::{point, Font, OutlineCurve, PxScale, ScaleFont};
use image::{Rgba, RgbaImage};

const AMBER: [u8; 3] = [244, 162, 89];

/// The letter an icon shows: the first letter or digit of `name` that the
/// font can draw (so never an empty box), upper-cased; `None` if there is
/// none (then the icon is the background and the bar alone).
pub fn initial(name: &str) -> Option<char> {
    let font = &fonts().bold;
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .find(|&c| font.glyph_id(c).0 != 0)
}

/// Where the letter goes on an icon of side `s`: `(scale, left, baseline)`
/// in pixels, the glyph's box centred a little above the middle.
fn placement(letter: char, s: f32) -> Option<(f32, f32, f32, PxScale)> {
    let font = &fonts().bold;
    let id = font.glyph_id(letter);
    let outline = font.outline(id)?;
    let px = PxScale::from(s * 0.62);
    let k = font.as_scaled(px).h_scale_factor();
    let b = outline.bounds;
    // Font units, y up.
    let (cx, cy) = ((b.min.x + b.max.x) / 2.0, (b.min.y + b.max.y) / 2.0);
    let left = s / 2.0 - cx * k;
    let baseline = s * 0.45 + cy * k;
    Some((k, left, baseline, px))
}

/// The amber bar under the letter: `(x0, y0, x1, y1)` on an icon of side `s`.
fn bar(s: f32) -> (f32, f32, f32, f32) {
    (s * 0.30, s * 0.74, s * 0.70, s * 0.80)
}

/// The icon as RGBA pixels, `size`×`size`.
pub fn draw(letter: Option<char>, background: [u8; 3], size: u32) -> RgbaImage {
    let s = size as f32;
    let [r, g, b] = background;
    let mut img = RgbaImage::from_pixel(size, size, Rgba([r, g, b, 255]));
    let (x0, y0, x1, y1) = bar(s);
    fill_rect(&mut img, x0, y0, x1, y1, AMBER);
    if let Some((_, left, baseline, px)) = letter.and_then(|c| placement(c, s)) {
        let font = &fonts().bold;
        let glyph = font
            .glyph_id(letter.unwrap_or(' '))
            .with_scale_and_position(px, point(left, baseline));
        if let Some(o) = font.outline_glyph(glyph) {
            let bounds = o.px_bounds();
            o.draw(|x, y, c| {
                let (x, y) = (
                    bounds.min.x as i32 + x as i32,
                    bounds.min.y as i32 + y as i32,
                );
                if x < 0 || y < 0 || x >= size as i32 || y >= size as i32 {
                    return;
                }
                blend(img.get_pixel_mut(x as u32, y as u32), [255; 3], c);
            });
        }
    }
    img
}

/// An axis-aligned rectangle with anti-aliased edges (coverage per pixel).
fn fill_rect(img: &mut RgbaImage, x0: f32, y0: f32, x1: f32, y1: f32, color: [u8; 3]) {
    let cover = |a: f32, b: f32, p: f32| (b.min(p + 1.0) - a.max(p)).clamp(0.0, 1.0);
    for y in y0.floor() as u32..(y1.ceil() as u32).min(img.height()) {
        let cy = cover(y0, y1, y as f32);
        for x in x0.floor() as u32..(x1.ceil() as u32).min(img.width()) {
            blend(img.get_pixel_mut(x, y), color, cy * cover(x0, x1, x as f32));
        }
    }
}

fn blend(p: &mut Rgba<u8>, color: [u8; 3], a: f32) {
    let a = a.clamp(0.0, 1.0);
    for (c, t) in p.0.iter_mut().zip(color) {
        *c = (f32::from(*c) * (1.0 - a) + f32::from(t) * a).round() as u8;
    }
}

/// The same icon as SVG (a 512 box; the letter as a path, so it does not
/// depend on the reader's fonts).
pub fn svg(letter: Option<char>, background: [u8; 3]) -> String {
    let s = 512.0;
    let [r, g, b] = background;
    let (x0, y0, x1, y1) = bar(s);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 512 512\">\
         <rect width=\"512\" height=\"512\" fill=\"#{r:02x}{g:02x}{b:02x}\"/>\
         <rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\" fill=\"#f4a259\"/>",
        x1 - x0,
        y1 - y0
    );
    if let (Some(c), Some((k, left, baseline, _))) = (letter, letter.and_then(|c| placement(c, s)))
    {
        if let Some(o) = fonts().bold.outline(fonts().bold.glyph_id(c)) {
            out.push_str(&format!(
                "<path fill=\"#fff\" transform=\"translate({left:.2} {baseline:.2}) scale({k:.5} -{k:.5})\" d=\"{}\"/>",
                path(&o.curves)
            ));
        }
    }
    out.push_str("</svg>\n");
    out
}

/// SVG path data of a glyph's curves (font units).
fn path(curves: &[OutlineCurve]) -> String {
    let mut d = String::new();
    let mut last = None;
    let p = |q: ab_glyph::Point| format!("{} {}", q.x, q.y);
    for c in curves {
        let (start, seg) = match *c {
            OutlineCurve::Line(a, b) => (a, (format!("L{}", p(b)), b)),
            OutlineCurve::Quad(a, b, e) => (a, (format!("Q{} {}", p(b), p(e)), e)),
            OutlineCurve::Cubic(a, b, e, f) => (a, (format!("C{} {} {}", p(b), p(e), p(f)), f)),
        };
        if last != Some(start) {
            d.push_str(&format!("M{}", p(start)));
        }
        d.push_str(&seg.0);
        last = Some(seg.1);
    }
    d
}

/// `png` (a `w`×`h` PNG) in an ICO container: one image, stored as PNG
/// (every browser since 2007 reads these).
pub fn ico(png: &[u8], w: u32, h: u32) -> Vec<u8> {
    let side = |n: u32| if n >= 256 { 0 } else { n as u8 };
    let mut out = Vec::with_capacity(22 + png.len());
    out.extend_from_slice(&[0, 0, 1, 0, 1, 0]);
    out.extend_from_slice(&[side(w), side(h), 0, 0]);
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&32u16.to_le_bytes());
    out.extend_from_slice(&(png.len() as u32).to_le_bytes());
    out.extend_from_slice(&22u32.to_le_bytes());
    out.extend_from_slice(png);
    out
}

/// The icon as a PNG file of `size`×`size`.
pub fn png(letter: Option<char>, background: [u8; 3], size: u32) -> Vec<u8> {
    let img = image::DynamicImage::ImageRgba8(draw(letter, background, size));
    // An RGBA image of a valid size always encodes.
    super::encode::encode(
        &img,
        super::Format::Png,
        super::Settings::default().quality(),
    )
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_initial_is_a_letter_the_font_has() {
        assert_eq!(initial("TPBIS — Transformasi"), Some('T'));
        assert_eq!(initial("  warta"), Some('W'));
        assert_eq!(initial("—"), None);
    }

    #[test]
    fn icons_show_the_letter_in_the_middle_and_decode() {
        let img = draw(Some('T'), [11, 85, 99], 192);
        // White letter pixels near the middle, background in the corner.
        assert_eq!(img.get_pixel(2, 2).0, [11, 85, 99, 255]);
        let white = (60..130)
            .flat_map(|y| (60..130).map(move |x| (x, y)))
            .filter(|&(x, y)| img.get_pixel(x, y).0[0] > 240)
            .count();
        assert!(white > 400, "{white}");
        let bytes = png(Some('T'), [11, 85, 99], 32);
        let ico = ico(&bytes, 32, 32);
        assert_eq!(&ico[..6], &[0, 0, 1, 0, 1, 0]);
        assert_eq!(ico[6], 32);
        let back = image::load_from_memory(&ico[22..]).unwrap();
        assert_eq!((back.width(), back.height()), (32, 32));
        let svg = svg(Some('T'), [11, 85, 99]);
        assert!(svg.contains("<path") && svg.contains("#0b5563"), "{svg}");
    }
}
