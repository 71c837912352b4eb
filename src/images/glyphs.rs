//! Text on the cards: the two DejaVu faces (compiled in), lines of
//! kerned glyphs placed at quarter pixels, a per-thread memo of drawn
//! glyphs, and blending them onto an image.

use ab_glyph::{point, Font, FontRef, GlyphId, PxScale, ScaleFont};
use image::RgbImage;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

pub struct Fonts {
    pub bold: FontRef<'static>,
    pub regular: FontRef<'static>,
}

/// Which of the two fonts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    Bold,
    Regular,
}

impl Face {
    fn font(self) -> &'static FontRef<'static> {
        match self {
            Face::Bold => &fonts().bold,
            Face::Regular => &fonts().regular,
        }
    }
}

pub fn fonts() -> &'static Fonts {
    static FONTS: std::sync::OnceLock<Fonts> = std::sync::OnceLock::new();
    FONTS.get_or_init(|| Fonts {
        // The fonts are compiled in and known to parse (a test draws them).
        bold: FontRef::try_from_slice(dejavu::sans_condensed::bold()).expect("DejaVu bold"),
        regular: FontRef::try_from_slice(dejavu::sans_condensed::regular())
            .expect("DejaVu regular"),
    })
}

/// One glyph's coverage, placed on the card.
pub struct Mask {
    left: i32,
    top: i32,
    glyph: Rc<Glyph>,
    color: [u8; 3],
}

/// Quarter pixels: finer horizontal placement than that is invisible.
const SUBPIXEL: f32 = 4.0;

/// The glyphs of one line of text, kerned, starting at `x` on `baseline`
/// (rounded to whole pixels).
pub fn line_masks(
    face: Face,
    size: f32,
    text: &str,
    x: f32,
    baseline: f32,
    color: [u8; 3],
) -> Vec<Mask> {
    let f = face.font().as_scaled(PxScale::from(size));
    let base = baseline.round() as i32;
    let mut caret = x;
    let mut prev = None;
    let mut out = Vec::new();
    for c in text.chars() {
        let id = f.glyph_id(c);
        if let Some(p) = prev {
            caret += f.kern(p, id);
        }
        let at = (caret * SUBPIXEL).round() / SUBPIXEL;
        caret += f.h_advance(id);
        prev = Some(id);
        let whole = at.floor();
        if let Some(g) = glyph(face, size, id, ((at - whole) * SUBPIXEL) as u8) {
            out.push(Mask {
                left: whole as i32 + g.left,
                top: base + g.top,
                glyph: g,
                color,
            });
        }
    }
    out
}

/// A glyph drawn at a subpixel offset, relative to its origin.
struct Glyph {
    left: i32,
    top: i32,
    width: u32,
    height: u32,
    coverage: Vec<u8>,
}

/// Glyphs drawn so far on this thread: a card repeats the rasterising of
/// the same few letters at the same few sizes thousands of times. Always
/// drawn at the same quarter-pixel offsets, so whether a glyph comes from
/// here never changes a pixel.
type GlyphKey = (Face, u32, u16, u8);
thread_local! {
    static GLYPHS: RefCell<HashMap<GlyphKey, Option<Rc<Glyph>>>> = RefCell::new(HashMap::new());
}
/// Bounds the memo (a glyph is at most a few KB).
const GLYPHS_KEPT: usize = 4096;

fn glyph(face: Face, size: f32, id: GlyphId, quarter: u8) -> Option<Rc<Glyph>> {
    let key = (face, size.to_bits(), id.0, quarter);
    if let Some(g) = GLYPHS.with_borrow(|m| m.get(&key).cloned()) {
        return g;
    }
    let g = id.with_scale_and_position(
        PxScale::from(size),
        point(f32::from(quarter) / SUBPIXEL, 0.0),
    );
    let drawn = face.font().outline_glyph(g).map(|outline| {
        let b = outline.px_bounds();
        let (width, height) = (b.width() as u32, b.height() as u32);
        let mut coverage = vec![0u8; (width * height) as usize];
        outline.draw(|x, y, c| {
            coverage[(y * width + x) as usize] = (c.clamp(0.0, 1.0) * 255.0).round() as u8;
        });
        Rc::new(Glyph {
            left: b.min.x as i32,
            top: b.min.y as i32,
            width,
            height,
            coverage,
        })
    });
    GLYPHS.with_borrow_mut(|m| {
        if m.len() >= GLYPHS_KEPT {
            m.clear();
        }
        m.insert(key, drawn.clone());
    });
    drawn
}

impl Mask {
    /// The card pixels it covers, `(x0, y0, x1, y1)` exclusive, or `None`.
    pub fn clipped(&self, (w, h): (u32, u32)) -> Option<(u32, u32, u32, u32)> {
        let x0 = self.left.max(0) as u32;
        let y0 = self.top.max(0) as u32;
        let x1 = (self.left + self.glyph.width as i32).clamp(0, w as i32) as u32;
        let y1 = (self.top + self.glyph.height as i32).clamp(0, h as i32) as u32;
        (x0 < x1 && y0 < y1).then_some((x0, y0, x1, y1))
    }

    /// Blends the glyph onto `img`, each card pixel where `locate` puts it.
    pub fn draw(
        &self,
        area: (u32, u32),
        locate: impl Fn(u32, u32) -> Option<(u32, u32)>,
        img: &mut RgbImage,
    ) {
        let Some((x0, y0, x1, y1)) = self.clipped(area) else {
            return;
        };
        for y in y0..y1 {
            let row = ((y as i32 - self.top) as u32 * self.glyph.width) as usize;
            for x in x0..x1 {
                let a = u32::from(self.glyph.coverage[row + (x as i32 - self.left) as usize]);
                if a == 0 {
                    continue;
                }
                let Some((px, py)) = locate(x, y) else {
                    continue;
                };
                let p = img.get_pixel_mut(px, py);
                for (c, t) in p.0.iter_mut().zip(self.color) {
                    *c = ((u32::from(*c) * (255 - a) + u32::from(t) * a + 127) / 255) as u8;
                }
            }
        }
    }
}
