//! QR codes of library profile URLs, written as small, crisp SVG.
//!
//! The module matrix: the first time a text is encoded, `fast_qr` scores
//! the eight masks and places the modules with the best; the mask is then
//! remembered ([`QrMasks`]) and later builds place the modules with
//! `qrcodegen`, which takes a given mask without scoring any (~10× less
//! work). Given one mask the two make the same symbol (a test checks it),
//! so a build's bytes do not depend on what was remembered. The SVG is ours: one white square
//! (so the quiet zone survives a dark background) and one `<path>` holding
//! every dark module, merged into horizontal runs, with relative moves to
//! keep it short. Error correction is Q (a quarter of the symbol may be
//! lost): posters get scuffed, folded and photographed at an angle.

use super::qr_masks::QrMasks;
use fast_qr::{QRBuilder, ECL};
use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};

/// Light modules around the symbol, as the standard asks (4).
pub const QUIET: usize = 4;

/// The dark/light modules of one QR symbol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    size: usize,
    dark: Vec<bool>,
}

/// Bytes a version 40 symbol holds at level Q (byte mode): the longest
/// text [`Qr::encode`] accepts.
pub const MAX_BYTES: usize = 1663;

impl Qr {
    /// Encodes `text` at error correction level Q, with the mask `masks`
    /// remembers for it or the best of the eight (then remembered); `None`
    /// if it is longer than [`MAX_BYTES`] (never a profile URL).
    pub fn encode(text: &str, masks: &QrMasks) -> Option<Qr> {
        match masks.get(text) {
            Some(mask) => Qr::with_mask(text, mask),
            None => {
                let (qr, mask) = Qr::best(text)?;
                masks.learn(text, mask);
                Some(qr)
            }
        }
    }

    /// The symbol with the best-scored mask, and that mask.
    fn best(text: &str) -> Option<(Qr, u8)> {
        let code = QRBuilder::new(text).ecl(ECL::Q).build().ok()?;
        let mask = code.mask? as u8;
        Some((Qr::from_fn(code.size, |x, y| code[y][x].value()), mask))
    }

    /// The symbol with `mask` (0–7), none scored.
    fn with_mask(text: &str, mask: u8) -> Option<Qr> {
        let segments = QrSegment::make_segments(text);
        let code = QrCode::encode_segments_advanced(
            &segments,
            QrCodeEcc::Quartile,
            Version::MIN,
            Version::MAX,
            Some(qrcodegen::Mask::new(mask)),
            false,
        )
        .ok()?;
        Some(Qr::from_fn(code.size() as usize, |x, y| {
            code.get_module(x as i32, y as i32)
        }))
    }

    /// A symbol of `size` modules a side, `dark(x, y)` for each.
    fn from_fn(size: usize, dark: impl Fn(usize, usize) -> bool) -> Qr {
        let dark = (0..size)
            .flat_map(|y| (0..size).map(move |x| (x, y)))
            .map(|(x, y)| dark(x, y))
            .collect();
        Qr { size, dark }
    }

    /// Modules per side of the symbol, without the quiet zone.
    #[cfg(test)]
    pub fn size(&self) -> usize {
        self.size
    }

    /// Modules per side with the quiet zone: the SVG's `viewBox` side.
    pub fn side(&self) -> usize {
        self.size + 2 * QUIET
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.size + x]
    }

    /// The `d` of one path that draws every dark module, in viewBox units
    /// (one module = 1, the quiet zone included in the offsets). Each run of
    /// dark modules in a row is one closed rectangle; after `z` the pen is
    /// back at the rectangle's corner, so the next move is relative.
    pub fn path(&self) -> String {
        let mut d = String::with_capacity(self.size * self.size);
        let mut pen: Option<(i64, i64)> = None;
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.size && self.is_dark(x, y) {
                    x += 1;
                }
                let len = x - start;
                let (px, py) = ((start + QUIET) as i64, (y + QUIET) as i64);
                // Numbers pushed through `itoa` rather than `write!`: a
                // library's code has hundreds of runs, a site thousands of
                // libraries.
                let mut num = itoa::Buffer::new();
                match pen {
                    None => {
                        d.push('M');
                        d.push_str(num.format(px));
                        d.push(' ');
                        d.push_str(num.format(py));
                    }
                    Some((ox, oy)) => {
                        d.push('m');
                        d.push_str(num.format(px - ox));
                        d.push(' ');
                        d.push_str(num.format(py - oy));
                    }
                }
                let len = num.format(len);
                d.push('h');
                d.push_str(len);
                d.push_str("v1h-");
                d.push_str(len);
                d.push('z');
                pen = Some((px, py));
            }
        }
        d
    }

    /// A standalone SVG document of the symbol, `px` pixels per module by
    /// default; `title` (plain text, escaped here) names it for screen
    /// readers and file browsers.
    pub fn svg(&self, title: &str, px: usize) -> String {
        let side = self.side();
        let size = side * px;
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" \
             width=\"{size}\" height=\"{size}\" shape-rendering=\"crispEdges\" role=\"img\">\
             <title>{}</title>\
             <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
             <path fill=\"#000\" d=\"{}\"/></svg>\n",
            crate::escape::html(title),
            self.path()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fills the rectangles of `path` (as [`Qr::path`] writes them) into a
    /// module grid, so the path can be compared with the matrix.
    fn fill(path: &str, side: usize) -> Vec<bool> {
        let mut grid = vec![false; side * side];
        let mut pen = (0i64, 0i64);
        let mut rest = path;
        while !rest.is_empty() {
            let (cmd, tail) = rest.split_at(1);
            let end = tail.find(['M', 'm', 'h', 'v', 'z']).unwrap_or(tail.len());
            let (args, tail) = tail.split_at(end);
            rest = tail;
            let nums: Vec<i64> = args
                .split([' ', ','])
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap())
                .collect();
            match cmd {
                "M" => pen = (nums[0], nums[1]),
                "m" => pen = (pen.0 + nums[0], pen.1 + nums[1]),
                "h" if nums[0] > 0 => {
                    for x in pen.0..pen.0 + nums[0] {
                        grid[pen.1 as usize * side + x as usize] = true;
                    }
                }
                "h" | "v" | "z" => {}
                other => panic!("unexpected path command {other}"),
            }
        }
        grid
    }

    #[test]
    fn a_remembered_mask_gives_the_symbol_scoring_chose() {
        // Byte, alphanumeric and numeric texts, at versions 1 to 40.
        let mut texts: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    "https://uji.example.id/perpustakaan/perpusdes-{}/",
                    "a".repeat(i * 7)
                )
            })
            .collect();
        texts.extend(["HTTPS://A.ID/X", "0123456789", &"a".repeat(MAX_BYTES)].map(String::from));
        let masks = QrMasks::default();
        for text in &texts {
            let (best, mask) = Qr::best(text).unwrap();
            assert_eq!(Qr::with_mask(text, mask).as_ref(), Some(&best), "{text}");
            assert_eq!(
                Qr::encode(text, &masks).as_ref(),
                Some(&best),
                "first: {text}"
            );
            assert_eq!(masks.get(text), Some(mask));
            assert_eq!(
                Qr::encode(text, &masks).as_ref(),
                Some(&best),
                "remembered: {text}"
            );
        }
    }

    #[test]
    fn the_path_draws_exactly_the_dark_modules() {
        let qr = Qr::encode(
            "https://uji.example.id/perpustakaan/perpusdes-loram-wetan/",
            &QrMasks::default(),
        )
        .unwrap();
        let side = qr.side();
        let grid = fill(&qr.path(), side);
        for y in 0..side {
            for x in 0..side {
                let inside = (QUIET..QUIET + qr.size()).contains(&x)
                    && (QUIET..QUIET + qr.size()).contains(&y);
                let want = inside && qr.is_dark(x - QUIET, y - QUIET);
                assert_eq!(grid[y * side + x], want, "module {x},{y}");
            }
        }
    }

    #[test]
    fn symbols_have_finder_patterns_and_a_quiet_zone() {
        let qr = Qr::encode("https://a.example/perpustakaan/x/", &QrMasks::default()).unwrap();
        assert_eq!((qr.size() - 17) % 4, 0, "size is 17 + 4 × version");
        // Finder pattern corners: dark 7×7 rings at three corners.
        for (x, y) in [(0, 0), (qr.size() - 7, 0), (0, qr.size() - 7)] {
            assert!(qr.is_dark(x, y) && qr.is_dark(x + 6, y + 6) && !qr.is_dark(x + 1, y + 1));
        }
        assert!(qr.path().starts_with(&format!("M{QUIET} {QUIET}h7")));
    }

    #[test]
    fn max_bytes_is_the_capacity() {
        assert!(Qr::encode(&"a".repeat(MAX_BYTES), &QrMasks::default()).is_some());
        assert!(Qr::encode(&"a".repeat(MAX_BYTES + 1), &QrMasks::default()).is_none());
    }

    #[test]
    fn svg_is_small_escaped_and_deterministic() {
        let qr = Qr::encode(
            "https://tpbis-warta.netlify.app/perpustakaan/perpustakaan-kabupaten-kudus/",
            &QrMasks::default(),
        )
        .unwrap();
        let svg = qr.svg("QR <a&b>", 8);
        assert!(svg.contains("<title>QR &lt;a&amp;b&gt;</title>"));
        assert_eq!(svg.matches("<path").count(), 1);
        assert!(svg.contains("shape-rendering=\"crispEdges\""));
        assert!(svg.len() < 8 * 1024, "{} bytes", svg.len());
        assert_eq!(svg, qr.svg("QR <a&b>", 8));
    }
}
