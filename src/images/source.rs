//! Reading source images safely: hash, header probe (format, size,
//! orientation) before any pixel is decoded, the decompression-bomb guard,
//! and decoding into 8-bit RGB(A).

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use std::io::Cursor;
use xxhash_rust::xxh3::xxh3_128;

/// What a source's header says, plus its content hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// xxh3-128 of the file's bytes.
    pub hash: u128,
    /// Stored size, before orientation.
    pub raw_width: u32,
    pub raw_height: u32,
    /// EXIF orientation, 1–8 (1 when absent).
    pub orientation: u8,
    pub format: ImageFormat,
    pub alpha: bool,
}

impl Probe {
    /// Whether the orientation turns the image a quarter (swaps the sides).
    pub fn turns(&self) -> bool {
        self.orientation >= 5
    }
    /// Width and height as displayed (orientation applied).
    pub fn size(&self) -> (u32, u32) {
        if self.turns() {
            (self.raw_height, self.raw_width)
        } else {
            (self.raw_width, self.raw_height)
        }
    }
}

/// Why a source cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing,
    Unreadable(String),
    NotAnImage,
    Unsupported(String),
    TooLarge { width: u32, height: u32 },
    Damaged(String),
    Changed,
}

/// Limits a run works within.
#[derive(Debug, Clone, Copy)]
pub struct Guard {
    pub max_pixels: u64,
    pub max_side: u32,
}

impl Guard {
    fn check(&self, w: u32, h: u32) -> Result<(), Problem> {
        if w == 0 || h == 0 {
            return Err(Problem::Damaged("its header gives a size of zero".into()));
        }
        if u64::from(w) * u64::from(h) > self.max_pixels || w > self.max_side || h > self.max_side {
            return Err(Problem::TooLarge {
                width: w,
                height: h,
            });
        }
        Ok(())
    }

    /// Limits for the decoder itself: the safety net under [`Guard::check`].
    fn limits(&self) -> Limits {
        let mut l = Limits::default();
        l.max_image_width = Some(self.max_side);
        l.max_image_height = Some(self.max_side);
        // 16-bit RGBA at the pixel limit, plus decoder scratch.
        l.max_alloc = Some(self.max_pixels * 8 + (64 << 20));
        l
    }
}

/// Reads the header of `bytes` (and hashes them); never decodes pixels.
pub fn probe(bytes: &[u8], guard: Guard) -> Result<Probe, Problem> {
    let hash = xxh3_128(bytes);
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| Problem::Unreadable(e.to_string()))?;
    let format = reader.format().ok_or(Problem::NotAnImage)?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP
    ) {
        return Err(Problem::Unsupported(
            format
                .extensions_str()
                .first()
                .unwrap_or(&"?")
                .to_uppercase(),
        ));
    }
    // Header only, with no size limit yet, so that a bomb is reported with
    // its size; `decode` then runs under the decoder's own limits too.
    let mut reader = reader;
    let mut limits = Limits::default();
    limits.max_alloc = Some(64 << 20);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(damaged)?;
    let (w, h) = decoder.dimensions();
    guard.check(w, h)?;
    let orientation = decoder.orientation().ok().map_or(1, orientation_to_exif);
    if format == ImageFormat::Jpeg {
        jpeg_complete(bytes)?;
    }
    Ok(Probe {
        hash,
        raw_width: w,
        raw_height: h,
        orientation,
        format,
        alpha: decoder.color_type().has_alpha(),
    })
}

/// Decodes `bytes` (already probed) into 8-bit RGB, or RGBA when the
/// source has an alpha channel, as stored (orientation not yet applied).
pub fn decode(bytes: &[u8], probe: &Probe, guard: Guard) -> Result<DynamicImage, Problem> {
    if xxh3_128(bytes) != probe.hash {
        return Err(Problem::Changed);
    }
    guard.check(probe.raw_width, probe.raw_height)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), probe.format);
    reader.limits(guard.limits());
    let img = reader.decode().map_err(damaged)?;
    Ok(if probe.alpha {
        DynamicImage::ImageRgba8(img.into_rgba8())
    } else {
        DynamicImage::ImageRgb8(img.into_rgb8())
    })
}

fn damaged(e: image::ImageError) -> Problem {
    match e {
        image::ImageError::Limits(_) => Problem::TooLarge {
            width: 0,
            height: 0,
        },
        image::ImageError::Unsupported(u) => Problem::Unsupported(u.to_string()),
        other => Problem::Damaged(other.to_string()),
    }
}

/// A JPEG cut short (an interrupted upload or copy) decodes "successfully"
/// in lenient decoders, with the missing part grey. Walk the segments to
/// the first scan and require an end-of-image marker after it. Segment
/// lengths are followed, so a thumbnail's marker inside EXIF does not count.
fn jpeg_complete(bytes: &[u8]) -> Result<(), Problem> {
    let truncated = || Problem::Damaged("the file is cut short (no end-of-image marker)".into());
    let mut i = 2;
    loop {
        // Skip fill bytes before a marker.
        while bytes.get(i) == Some(&0xFF) && bytes.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        let (Some(&0xFF), Some(&m)) = (bytes.get(i), bytes.get(i + 1)) else {
            return Err(truncated());
        };
        if m == 0xD9 {
            return Err(truncated());
        }
        if (0xD0..=0xD7).contains(&m) || m == 0x01 {
            i += 2;
            continue;
        }
        let Some(len) = bytes
            .get(i + 2..i + 4)
            .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
        else {
            return Err(truncated());
        };
        if m == 0xDA {
            let scan = i + 2 + len;
            return if bytes
                .get(scan..)
                .is_some_and(|rest| rest.windows(2).any(|w| w == [0xFF, 0xD9]))
            {
                Ok(())
            } else {
                Err(truncated())
            };
        }
        i += 2 + len;
    }
}

fn orientation_to_exif(o: image::metadata::Orientation) -> u8 {
    use image::metadata::Orientation as O;
    match o {
        O::NoTransforms => 1,
        O::FlipHorizontal => 2,
        O::Rotate180 => 3,
        O::FlipVertical => 4,
        O::Rotate90FlipH => 5,
        O::Rotate90 => 6,
        O::Rotate270FlipH => 7,
        O::Rotate270 => 8,
    }
}

/// Applies an EXIF orientation (1–8) to a decoded image.
pub fn orient(img: &mut DynamicImage, exif: u8) {
    if let Some(o) = image::metadata::Orientation::from_exif(exif) {
        img.apply_orientation(o);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([x as u8, y as u8, 7]));
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), ImageFormat::Jpeg)
            .unwrap();
        out
    }

    const G: Guard = Guard {
        max_pixels: 50_000_000,
        max_side: 16_383,
    };

    #[test]
    fn probe_reads_size_without_decoding() {
        let p = probe(&jpeg(40, 30), G).unwrap();
        assert_eq!((p.raw_width, p.raw_height, p.orientation), (40, 30, 1));
        assert_eq!(p.format, ImageFormat::Jpeg);
        assert!(!p.alpha);
    }

    #[test]
    fn truncated_jpeg_is_damaged() {
        let full = jpeg(64, 64);
        assert!(jpeg_complete(&full).is_ok());
        let cut = &full[..full.len() * 2 / 3];
        assert!(matches!(probe(cut, G), Err(Problem::Damaged(_))));
    }

    #[test]
    fn text_is_not_an_image() {
        assert_eq!(probe(b"hello, not a photo", G), Err(Problem::NotAnImage));
    }

    #[test]
    fn guard_refuses_by_pixels_and_by_side() {
        assert!(G.check(8000, 6000).is_ok());
        assert!(matches!(
            G.check(20_000, 20_000),
            Err(Problem::TooLarge { .. })
        ));
        assert!(matches!(G.check(16_384, 10), Err(Problem::TooLarge { .. })));
        assert!(matches!(G.check(0, 10), Err(Problem::Damaged(_))));
    }
}
