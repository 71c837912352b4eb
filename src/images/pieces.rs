//! A JPEG made of independent pieces, so that a social card's background is
//! encoded once and each card re-encodes only the few pieces its text
//! touches.
//!
//! jpeg-encoder writes a baseline JPEG (4:2:0, the standard Huffman tables)
//! with a restart marker after every [`PIECE_WIDTH`]×16 strip. A restart
//! resets the DC prediction, and 4:2:0 averages chroma inside one 16×16
//! block, so the bytes between two markers depend on that strip's pixels
//! alone: a piece encoded from a column of changed strips is byte for byte
//! the piece a whole-image encode would give (the tests check exactly
//! this). Splicing is then copying bytes and numbering the markers.

use image::RgbImage;

/// Height of a piece: one row of 4:2:0 blocks.
pub const PIECE_HEIGHT: u32 = 16;
/// Width of a piece: 15 blocks. 1200 (a card) is five of them.
pub const PIECE_WIDTH: u32 = 240;

/// An encoded image cut at its restart markers.
#[derive(Debug, Clone)]
pub struct Pieces {
    /// SOI up to the end of the scan header.
    head: Vec<u8>,
    /// Entropy-coded pieces, row by row, without their markers.
    pieces: Vec<Vec<u8>>,
}

impl Pieces {
    /// Encodes `img` (sides multiples of the piece size) and writes
    /// `height` into the frame header: the rows below it are what the
    /// encoder itself would pad with (see `card::Base`), so a decoder sees
    /// a `height`-tall image.
    pub fn encode(img: &RgbImage, height: u32, quality: u8) -> Result<Pieces, String> {
        let (w, h) = img.dimensions();
        if w % PIECE_WIDTH != 0 || h % PIECE_HEIGHT != 0 || height > h || height + PIECE_HEIGHT <= h
        {
            return Err(format!("internal: {w}×{h} cannot be cut into pieces"));
        }
        let bytes = encode(img, quality)?;
        let (mut head, pieces) = split(&bytes)?;
        let expected = (w / PIECE_WIDTH * (h / PIECE_HEIGHT)) as usize;
        if pieces.len() != expected {
            return Err(format!(
                "internal: {} JPEG pieces, expected {expected}",
                pieces.len()
            ));
        }
        set_height(&mut head, height)?;
        Ok(Pieces { head, pieces })
    }

    /// The JPEG with the pieces at `which` (ascending indexes, row-major)
    /// replaced by `new`.
    pub fn splice(&self, which: &[usize], new: Vec<Vec<u8>>) -> Vec<u8> {
        let size = self.head.len() + self.pieces.iter().map(|p| p.len() + 2).sum::<usize>();
        let mut out = Vec::with_capacity(size + size / 4);
        out.extend_from_slice(&self.head);
        let mut new = which.iter().copied().zip(new).peekable();
        for (i, piece) in self.pieces.iter().enumerate() {
            match new.next_if(|(at, _)| *at == i) {
                Some((_, p)) => out.extend_from_slice(&p),
                None => out.extend_from_slice(piece),
            }
            if i + 1 < self.pieces.len() {
                out.extend_from_slice(&[0xFF, 0xD0 + (i % 8) as u8]);
            }
        }
        out.extend_from_slice(&[0xFF, 0xD9]);
        out
    }
}

/// Encodes a column of strips ([`PIECE_WIDTH`] wide) and returns one piece
/// per strip, top to bottom.
pub fn encode_column(strips: &RgbImage, quality: u8) -> Result<Vec<Vec<u8>>, String> {
    let (w, h) = strips.dimensions();
    if w != PIECE_WIDTH || h % PIECE_HEIGHT != 0 || h == 0 {
        return Err(format!("internal: {w}×{h} is not a column of pieces"));
    }
    let (_, pieces) = split(&encode(strips, quality)?)?;
    if pieces.len() != (h / PIECE_HEIGHT) as usize {
        return Err("internal: JPEG pieces do not match the strips".into());
    }
    Ok(pieces)
}

fn encode(img: &RgbImage, quality: u8) -> Result<Vec<u8>, String> {
    let (w, h) = img.dimensions();
    let (w16, h16) = (
        u16::try_from(w).map_err(|_| "too wide for JPEG")?,
        u16::try_from(h).map_err(|_| "too tall for JPEG")?,
    );
    let mut out = Vec::new();
    let mut enc = jpeg_encoder::Encoder::new(&mut out, quality);
    enc.set_sampling_factor(jpeg_encoder::SamplingFactor::F_2_2);
    enc.set_restart_interval((PIECE_WIDTH / PIECE_HEIGHT) as u16);
    enc.encode(img.as_raw(), w16, h16, jpeg_encoder::ColorType::Rgb)
        .map_err(|e| format!("JPEG encoding failed: {e}"))?;
    Ok(out)
}

/// Cuts a baseline JPEG with one scan into its header (through the scan
/// header) and its restart intervals.
fn split(jpeg: &[u8]) -> Result<(Vec<u8>, Vec<Vec<u8>>), String> {
    let bad = || "internal: unexpected JPEG structure".to_string();
    let mut i = 2;
    let scan = loop {
        let (Some(&0xFF), Some(&m)) = (jpeg.get(i), jpeg.get(i + 1)) else {
            return Err(bad());
        };
        let len = jpeg
            .get(i + 2..i + 4)
            .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
            .ok_or_else(bad)?;
        i += 2 + len;
        if m == 0xDA {
            break i;
        }
    };
    let mut pieces = Vec::new();
    let mut start = scan;
    let mut j = scan;
    // Inside entropy-coded data 0xFF is always followed by 0x00 (stuffing)
    // or by a marker: RST0–7 between pieces, EOI at the end.
    while j + 1 < jpeg.len() {
        if jpeg[j] != 0xFF || jpeg[j + 1] == 0x00 {
            j += 1;
            continue;
        }
        pieces.push(jpeg[start..j].to_vec());
        match jpeg[j + 1] {
            0xD0..=0xD7 => {
                j += 2;
                start = j;
            }
            0xD9 => return Ok((jpeg[..scan].to_vec(), pieces)),
            _ => return Err(bad()),
        }
    }
    Err(bad())
}

/// Writes `height` into the baseline frame header (SOF0).
fn set_height(head: &mut [u8], height: u32) -> Result<(), String> {
    let h = u16::try_from(height).map_err(|_| "too tall for JPEG")?;
    let at = head
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .ok_or("internal: no baseline frame header")?;
    head[at + 5..at + 7].copy_from_slice(&h.to_be_bytes());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Rgb;

    fn noisy(w: u32, h: u32, seed: u32) -> RgbImage {
        let mut s = seed | 1;
        RgbImage::from_fn(w, h, |x, y| {
            s ^= s << 13;
            s ^= s >> 17;
            s ^= s << 5;
            Rgb([
                (x / 5) as u8,
                (y / 3) as u8 ^ (s % 40) as u8,
                (s >> 8) as u8,
            ])
        })
    }

    /// The strips at `which` of `img`, stacked.
    fn column(img: &RgbImage, which: &[usize]) -> RgbImage {
        let cols = (img.width() / PIECE_WIDTH) as usize;
        let mut out = RgbImage::new(PIECE_WIDTH, PIECE_HEIGHT * which.len() as u32);
        for (k, &p) in which.iter().enumerate() {
            let (r, c) = ((p / cols) as u32, (p % cols) as u32);
            for y in 0..PIECE_HEIGHT {
                for x in 0..PIECE_WIDTH {
                    let px = *img.get_pixel(c * PIECE_WIDTH + x, r * PIECE_HEIGHT + y);
                    out.put_pixel(x, k as u32 * PIECE_HEIGHT + y, px);
                }
            }
        }
        out
    }

    #[test]
    fn spliced_pieces_equal_a_whole_encode() {
        let before = noisy(720, 80, 7);
        let mut after = before.clone();
        // Change pixels in pieces 1 (row 0), 7 and 8 (row 2), 14 (last).
        for (x, y) in [(300, 3), (250, 40), (500, 47), (719, 79)] {
            after.put_pixel(x, y, Rgb([255, 0, 255]));
        }
        let which = [1, 7, 8, 14];
        let base = Pieces::encode(&before, 75, 80).unwrap();
        let new = encode_column(&column(&after, &which), 80).unwrap();
        let spliced = base.splice(&which, new);
        let whole = Pieces::encode(&after, 75, 80).unwrap().splice(&[], vec![]);
        assert!(spliced == whole, "splicing differs from encoding the whole");
        let img = image::load_from_memory(&spliced).unwrap().into_rgb8();
        assert_eq!(img.dimensions(), (720, 75));
        assert!(img.get_pixel(250, 40)[1] < 100, "the change is visible");
    }

    #[test]
    fn refuses_sizes_it_cannot_cut() {
        assert!(Pieces::encode(&noisy(100, 32, 1), 32, 80).is_err());
        assert!(Pieces::encode(&noisy(240, 32, 1), 10, 80).is_err());
        assert!(encode_column(&noisy(240, 20, 1), 80).is_err());
    }
}
