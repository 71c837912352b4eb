//! Resizing (fast_image_resize, Lanczos3) and encoding (libwebp for lossy
//! WebP, jpeg-encoder for progressive JPEG, the `png` crate via `image`).
//! No encoder here writes metadata: EXIF, GPS, XMP and ICC never reach an
//! output file.

use super::select::Format;
use fast_image_resize::images::{Image as FirImage, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::{DynamicImage, RgbImage, RgbaImage};

/// Encoder settings; part of every output name (see `Settings::fingerprint`).
#[derive(Debug, Clone, Copy)]
pub struct Quality {
    pub webp: f32,
    /// libwebp effort, 0 (fast) – 6 (small).
    pub webp_method: u8,
    pub jpeg: u8,
}

/// Resizes `img` (8-bit RGB or RGBA) to exactly `w`×`h`, taking the source
/// region `crop` (`left, top, width, height`) or all of it.
pub fn resize(
    img: &DynamicImage,
    w: u32,
    h: u32,
    crop: Option<(f64, f64, f64, f64)>,
) -> Result<DynamicImage, String> {
    let (pixel, data): (PixelType, &[u8]) = match img {
        DynamicImage::ImageRgb8(i) => (PixelType::U8x3, i.as_raw()),
        DynamicImage::ImageRgba8(i) => (PixelType::U8x4, i.as_raw()),
        _ => return Err("internal: resize wants 8-bit RGB(A)".into()),
    };
    if (img.width(), img.height()) == (w, h) && crop.is_none() {
        return Ok(img.clone());
    }
    let src = ImageRef::new(img.width(), img.height(), data, pixel).map_err(|e| e.to_string())?;
    let mut dst = FirImage::new(w, h, pixel);
    let mut opts = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    if let Some((l, t, cw, ch)) = crop {
        opts = opts.crop(l, t, cw, ch);
    }
    Resizer::new()
        .resize(&src, &mut dst, &opts)
        .map_err(|e| e.to_string())?;
    let buf = dst.into_vec();
    Ok(match pixel {
        PixelType::U8x4 => DynamicImage::ImageRgba8(
            RgbaImage::from_raw(w, h, buf).ok_or("internal: resize buffer size")?,
        ),
        _ => DynamicImage::ImageRgb8(
            RgbImage::from_raw(w, h, buf).ok_or("internal: resize buffer size")?,
        ),
    })
}

/// Encodes an 8-bit RGB(A) image. JPEG drops alpha (composited on white).
pub fn encode(img: &DynamicImage, format: Format, q: Quality) -> Result<Vec<u8>, String> {
    let (w, h) = (img.width(), img.height());
    match format {
        Format::WebP => {
            let enc = match img {
                DynamicImage::ImageRgba8(i) => webp::Encoder::from_rgba(i.as_raw(), w, h),
                DynamicImage::ImageRgb8(i) => webp::Encoder::from_rgb(i.as_raw(), w, h),
                _ => return Err("internal: encode wants 8-bit RGB(A)".into()),
            };
            if w > 16_383 || h > 16_383 {
                return Err(format!("{w}×{h} is too large for WebP"));
            }
            let mut config = webp::WebPConfig::new().map_err(|_| "libwebp version mismatch")?;
            config.quality = q.webp;
            config.method = i32::from(q.webp_method.min(6));
            config.alpha_quality = 90;
            let mem = enc
                .encode_advanced(&config)
                .map_err(|e| format!("WebP encoding failed: {e:?}"))?;
            Ok(mem.to_vec())
        }
        Format::Jpeg => {
            let rgb;
            let data = match img {
                DynamicImage::ImageRgb8(i) => i.as_raw(),
                DynamicImage::ImageRgba8(i) => {
                    rgb = flatten_on_white(i);
                    rgb.as_raw()
                }
                _ => return Err("internal: encode wants 8-bit RGB(A)".into()),
            };
            let (w16, h16) = (
                u16::try_from(w).map_err(|_| "too wide for JPEG")?,
                u16::try_from(h).map_err(|_| "too tall for JPEG")?,
            );
            let mut out = Vec::new();
            let mut enc = jpeg_encoder::Encoder::new(&mut out, q.jpeg);
            enc.set_progressive(true);
            enc.set_optimized_huffman_tables(true);
            enc.set_sampling_factor(jpeg_encoder::SamplingFactor::F_2_2);
            enc.encode(data, w16, h16, jpeg_encoder::ColorType::Rgb)
                .map_err(|e| format!("JPEG encoding failed: {e}"))?;
            Ok(out)
        }
        Format::Png => {
            use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
            use image::ImageEncoder;
            let mut out = Vec::new();
            let (data, color) = match img {
                DynamicImage::ImageRgba8(i) => (i.as_raw(), image::ExtendedColorType::Rgba8),
                DynamicImage::ImageRgb8(i) => (i.as_raw(), image::ExtendedColorType::Rgb8),
                _ => return Err("internal: encode wants 8-bit RGB(A)".into()),
            };
            PngEncoder::new_with_quality(&mut out, CompressionType::Best, PngFilter::Adaptive)
                .write_image(data, w, h, color)
                .map_err(|e| format!("PNG encoding failed: {e}"))?;
            Ok(out)
        }
        Format::Ico => encode(img, Format::Png, q).map(|png| super::icon::ico(&png, w, h)),
    }
}

fn flatten_on_white(i: &RgbaImage) -> RgbImage {
    RgbImage::from_fn(i.width(), i.height(), |x, y| {
        let p = i.get_pixel(x, y).0;
        let a = u32::from(p[3]);
        let mix = |c: u8| ((u32::from(c) * a + 255 * (255 - a) + 127) / 255) as u8;
        image::Rgb([mix(p[0]), mix(p[1]), mix(p[2])])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resize_then_encode_each_format() {
        let img = DynamicImage::ImageRgb8(RgbImage::from_fn(64, 48, |x, y| {
            image::Rgb([(x * 4) as u8, (y * 5) as u8, 100])
        }));
        let small = resize(&img, 32, 24, None).unwrap();
        assert_eq!((small.width(), small.height()), (32, 24));
        let q = Quality {
            webp: 75.0,
            webp_method: 4,
            jpeg: 80,
        };
        let webp = encode(&small, Format::WebP, q).unwrap();
        assert_eq!(&webp[..4], b"RIFF");
        assert_eq!(&webp[8..12], b"WEBP");
        let jpg = encode(&small, Format::Jpeg, q).unwrap();
        assert_eq!(&jpg[..2], &[0xFF, 0xD8]);
        let png = encode(&small, Format::Png, q).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let cropped = resize(&img, 10, 10, Some((8.0, 0.0, 48.0, 48.0))).unwrap();
        assert_eq!((cropped.width(), cropped.height()), (10, 10));
    }

    #[test]
    fn alpha_is_flattened_for_jpeg() {
        let i = RgbaImage::from_pixel(2, 2, image::Rgba([0, 0, 0, 0]));
        assert_eq!(flatten_on_white(&i).get_pixel(0, 0).0, [255, 255, 255]);
    }
}
