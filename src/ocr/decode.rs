//! Bytes → an upright grey picture, with limits.
//!
//! The format is sniffed from the bytes, never from the file name: phones and
//! messaging apps rename files freely. Sizes are checked from the header
//! before any pixel is decoded, so a decompression bomb is refused at once.
//! The picture is turned to grey and shrunk before EXIF orientation is
//! applied, so rotating a 12 MP photo costs a fraction of a full-size copy.

use std::io::Cursor;

use image::{
    DynamicImage, GrayImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits,
    metadata::Orientation,
};

use super::OcrError;
use super::geometry::f32_of;

/// Most pixels we decode: a 48 MP phone photo (8064×6048) still passes.
pub const MAX_PIXELS: u64 = 50_000_000;

/// Most bytes a decoder may hold at once (a 48 MP RGB photo needs 146 MB).
const MAX_ALLOC_BYTES: u64 = 256 * 1024 * 1024;

/// Longest side accepted in either direction, whatever the pixel count.
const MAX_SIDE_PX: u32 = 20_000;

/// A decoded photo: grey, upright, and no larger than asked.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// Upright grey pixels, shrunk so the long side is at most the limit asked for.
    pub gray: GrayImage,
    /// Width of the upright photo at full resolution.
    pub width: u32,
    /// Height of the upright photo at full resolution.
    pub height: u32,
}

impl Decoded {
    /// Pixels of `gray` per pixel of the full-resolution upright photo.
    pub fn scale(&self) -> f32 {
        if self.width == 0 {
            1.0
        } else {
            f32_of(self.gray.width()) / f32_of(self.width)
        }
    }
}

/// What the first bytes say the file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sniffed {
    Jpeg,
    Png,
    Heif,
    Other(ImageFormat),
    OtherNamed(&'static str),
    Unknown,
}

fn sniff(bytes: &[u8]) -> Sniffed {
    // ISO-BMFF: size (4 bytes), "ftyp", major brand.
    if bytes.get(4..8) == Some(b"ftyp".as_slice()) {
        return match bytes.get(8..12) {
            Some(b"avif" | b"avis") => Sniffed::OtherNamed("AVIF"),
            Some(
                b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1"
                | b"mif2",
            ) => Sniffed::Heif,
            _ => Sniffed::OtherNamed("video or ISO media"),
        };
    }
    match image::guess_format(bytes) {
        Ok(ImageFormat::Jpeg) => Sniffed::Jpeg,
        Ok(ImageFormat::Png) => Sniffed::Png,
        Ok(other) => Sniffed::Other(other),
        Err(_) => Sniffed::Unknown,
    }
}

/// Decodes `bytes` into an upright grey picture whose long side is at most
/// `max_side` pixels.
pub(crate) fn decode(bytes: &[u8], max_side: u32) -> Result<Decoded, OcrError> {
    if bytes.is_empty() {
        return Err(OcrError::Empty);
    }
    match sniff(bytes) {
        Sniffed::Jpeg => {
            if !jpeg_has_end(bytes) {
                return Err(OcrError::Truncated);
            }
            decode_with_image(bytes, ImageFormat::Jpeg, max_side)
        }
        Sniffed::Png => decode_with_image(bytes, ImageFormat::Png, max_side),
        Sniffed::Heif => decode_heif(bytes, max_side),
        Sniffed::Other(format) => Err(OcrError::UnsupportedFormat {
            format: format!("{format:?}").to_uppercase(),
        }),
        Sniffed::OtherNamed(format) => Err(OcrError::UnsupportedFormat {
            format: format.to_owned(),
        }),
        Sniffed::Unknown => Err(OcrError::NotAnImage),
    }
}

/// The decoder's own memory cap. Width and height are checked by
/// [`check_pixels`] right after the header, so the error can name them.
fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_ALLOC_BYTES);
    limits
}

fn check_pixels(width: u32, height: u32) -> Result<(), OcrError> {
    if width == 0 || height == 0 {
        return Err(OcrError::Corrupt {
            detail: "the picture has no pixels".to_owned(),
        });
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS
        || width > MAX_SIDE_PX
        || height > MAX_SIDE_PX
    {
        return Err(OcrError::TooLarge {
            width,
            height,
            max_pixels: MAX_PIXELS,
        });
    }
    Ok(())
}

fn decode_with_image(
    bytes: &[u8],
    format: ImageFormat,
    max_side: u32,
) -> Result<Decoded, OcrError> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| map_image_error(e, (0, 0)))?;
    let (raw_w, raw_h) = decoder.dimensions();
    // Checked before a single pixel is decoded: a bomb costs only its header.
    check_pixels(raw_w, raw_h)?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let image =
        DynamicImage::from_decoder(decoder).map_err(|e| map_image_error(e, (raw_w, raw_h)))?;
    let gray = to_gray(image);
    Ok(finish(gray, orientation, max_side))
}

fn decode_heif(bytes: &[u8], max_side: u32) -> Result<Decoded, OcrError> {
    let options = heifer::Options {
        max_threads: 0,
        max_pixels: MAX_PIXELS,
    };
    // heifer applies the HEIF rotation and mirror boxes itself: EXIF
    // orientation must not be applied a second time.
    let image = heifer::decode_rgba8(bytes, &options).map_err(|e| match e {
        heifer::Error::Container(inner) if inner.to_string().contains("end of data") => {
            OcrError::Truncated
        }
        other => OcrError::HeicUnsupported {
            detail: other.to_string(),
        },
    })?;
    check_pixels(image.width, image.height)?;
    let rgba =
        image::RgbaImage::from_raw(image.width, image.height, image.data).ok_or_else(|| {
            OcrError::HeicUnsupported {
                detail: "unexpected sample layout".to_owned(),
            }
        })?;
    let gray = to_gray(DynamicImage::ImageRgba8(rgba));
    Ok(finish(gray, Orientation::NoTransforms, max_side))
}

/// Maps a decoder error; `(width, height)` as declared, when known.
fn map_image_error(err: ImageError, (width, height): (u32, u32)) -> OcrError {
    match err {
        // E.g. a 16-bit RGBA picture just under the pixel limit.
        ImageError::Limits(_) => OcrError::TooLarge {
            width,
            height,
            max_pixels: MAX_PIXELS,
        },
        ImageError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            OcrError::Truncated
        }
        ImageError::Unsupported(e) => OcrError::UnsupportedFormat {
            format: e.to_string(),
        },
        other => {
            let detail = other.to_string();
            // The PNG decoder reports a cut-off stream as a decoding error.
            if detail.contains("EOF") || detail.contains("end of") || detail.contains("truncat") {
                OcrError::Truncated
            } else {
                OcrError::Corrupt { detail }
            }
        }
    }
}

/// Grey levels, with transparent areas shown as white paper (not black).
fn to_gray(image: DynamicImage) -> GrayImage {
    if !image.color().has_alpha() {
        return image.into_luma8();
    }
    let rgba = image.into_rgba8();
    let (w, h) = rgba.dimensions();
    let mut gray = GrayImage::new(w, h);
    for (dst, src) in gray.pixels_mut().zip(rgba.pixels()) {
        let [red, green, blue, a] = src.0;
        let luma = (u32::from(red) * 299 + u32::from(green) * 587 + u32::from(blue) * 114) / 1000;
        let alpha = u32::from(a);
        let blended = (luma * alpha + 255 * (255 - alpha)) / 255;
        dst.0 = [u8::try_from(blended).unwrap_or(u8::MAX)];
    }
    gray
}

/// Shrinks, then turns upright; returns the full-resolution upright size too.
fn finish(gray: GrayImage, orientation: Orientation, max_side: u32) -> Decoded {
    let (raw_w, raw_h) = gray.dimensions();
    let shrunk = shrink(gray, max_side);
    let mut upright = DynamicImage::ImageLuma8(shrunk);
    upright.apply_orientation(orientation);
    let swaps = matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    );
    let (width, height) = if swaps {
        (raw_h, raw_w)
    } else {
        (raw_w, raw_h)
    };
    Decoded {
        gray: upright.into_luma8(),
        width,
        height,
    }
}

/// Shrinks `gray` so its long side is at most `max_side`, averaging pixels
/// (not skipping them) so that thin strokes survive.
pub(crate) fn shrink(gray: GrayImage, max_side: u32) -> GrayImage {
    let (w, h) = gray.dimensions();
    let long = w.max(h);
    if long <= max_side || max_side == 0 {
        return gray;
    }
    let factor = f64::from(max_side) / f64::from(long);
    let new_w = scaled(w, factor);
    let new_h = scaled(h, factor);
    image::imageops::thumbnail(&gray, new_w, new_h)
}

fn scaled(side: u32, factor: f64) -> u32 {
    // Rounded and at least one pixel; the value fits: factor < 1.
    let v = (f64::from(side) * factor).round().max(1.0);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "positive and below the original u32 side"
    )]
    let out = v as u32;
    out
}

/// True when a JPEG has its end-of-image marker after the first scan.
///
/// The JPEG decoder fills a cut-off photo with grey instead of failing, which
/// would hide an interrupted copy. Inside entropy-coded data `FF` is always
/// followed by `00` or a restart marker, so `FF D9` after the first
/// start-of-scan can only be the real end (data appended after it, as motion
/// photos do, is fine).
fn jpeg_has_end(bytes: &[u8]) -> bool {
    let Some(scan_start) = first_scan(bytes) else {
        return false;
    };
    bytes
        .get(scan_start..)
        .is_some_and(|rest| rest.windows(2).any(|w| w == [0xFF, 0xD9]))
}

/// Offset of the first start-of-scan segment, walking the marker segments.
fn first_scan(bytes: &[u8]) -> Option<usize> {
    let mut pos = 2; // after SOI
    loop {
        // Markers may be preceded by fill bytes (FF FF …).
        while bytes.get(pos) == Some(&0xFF) && bytes.get(pos + 1) == Some(&0xFF) {
            pos += 1;
        }
        if bytes.get(pos) != Some(&0xFF) {
            return None;
        }
        let marker = *bytes.get(pos + 1)?;
        if marker == 0xDA {
            return Some(pos);
        }
        // Markers without a length field.
        if marker == 0x01 || (0xD0..=0xD8).contains(&marker) {
            pos += 2;
            continue;
        }
        let hi = *bytes.get(pos + 2)?;
        let lo = *bytes.get(pos + 3)?;
        let len = usize::from(u16::from_be_bytes([hi, lo]));
        if len < 2 {
            return None;
        }
        pos += 2 + len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(img: &DynamicImage, format: ImageFormat) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, format).unwrap();
        out.into_inner()
    }

    fn sample() -> DynamicImage {
        // A dark square in the top-left corner of a light 60×40 picture.
        let mut img = GrayImage::from_pixel(60, 40, image::Luma([230]));
        for y in 0..10 {
            for x in 0..10 {
                img.put_pixel(x, y, image::Luma([10]));
            }
        }
        DynamicImage::ImageLuma8(img)
    }

    #[test]
    fn empty_file_is_refused() {
        assert!(matches!(decode(&[], 100), Err(OcrError::Empty)));
    }

    #[test]
    fn text_renamed_jpg_is_not_an_image() {
        let text = b"Model: CMS8000\nthis is a note, not a photo\n";
        assert!(matches!(decode(text, 100), Err(OcrError::NotAnImage)));
    }

    #[test]
    fn truncated_jpeg_is_refused() {
        let jpeg = encode(&sample(), ImageFormat::Jpeg);
        let cut = &jpeg[..jpeg.len() * 2 / 3];
        assert!(matches!(decode(cut, 100), Err(OcrError::Truncated)));
        // The whole file reads fine.
        let ok = decode(&jpeg, 100).unwrap();
        assert_eq!((ok.width, ok.height), (60, 40));
    }

    #[test]
    fn truncated_png_is_refused() {
        let png = encode(&sample(), ImageFormat::Png);
        let cut = &png[..png.len() / 2];
        let err = decode(cut, 100).unwrap_err();
        assert!(
            matches!(err, OcrError::Truncated | OcrError::Corrupt { .. }),
            "{err:?}"
        );
    }

    #[test]
    fn gif_is_unsupported_format() {
        let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;";
        assert!(matches!(
            decode(gif, 100),
            Err(OcrError::UnsupportedFormat { .. })
        ));
    }

    /// A valid PNG whose header claims 30000×30000 pixels: refused from the
    /// header alone, quickly and without allocating the pixels.
    #[test]
    fn png_bomb_is_refused_fast() {
        let png = bomb_png(30_000, 30_000);
        let start = std::time::Instant::now();
        let err = decode(&png, 100).unwrap_err();
        assert!(
            matches!(
                err,
                OcrError::TooLarge {
                    width: 30_000,
                    height: 30_000,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(start.elapsed() < std::time::Duration::from_millis(500));
    }

    /// A tiny valid PNG (zlib stream of a few rows) with a huge IHDR.
    fn bomb_png(width: u32, height: u32) -> Vec<u8> {
        fn crc32(data: &[u8]) -> u32 {
            let mut crc = 0xFFFF_FFFF_u32;
            for &b in data {
                crc ^= u32::from(b);
                for _ in 0..8 {
                    crc = if crc & 1 == 1 {
                        (crc >> 1) ^ 0xEDB8_8320
                    } else {
                        crc >> 1
                    };
                }
            }
            !crc
        }
        fn chunk(out: &mut Vec<u8>, kind: [u8; 4], data: &[u8]) {
            out.extend_from_slice(&u32::try_from(data.len()).unwrap().to_be_bytes());
            let mut body = kind.to_vec();
            body.extend_from_slice(data);
            out.extend_from_slice(&body);
            out.extend_from_slice(&crc32(&body).to_be_bytes());
        }
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&width.to_be_bytes());
        ihdr.extend_from_slice(&height.to_be_bytes());
        ihdr.extend_from_slice(&[8, 0, 0, 0, 0]); // 8-bit grey
        chunk(&mut png, *b"IHDR", &ihdr);
        // A valid zlib stream far too short for the pixels: the header
        // alone must get the file refused, before any inflating.
        chunk(
            &mut png,
            *b"IDAT",
            &[0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0, 0, 0, 1],
        );
        chunk(&mut png, *b"IEND", &[]);
        png
    }

    #[test]
    fn exif_rotation_is_applied() {
        // Orientation 6: the stored pixels must be turned 90° clockwise.
        let jpeg = tests_support::jpeg_with_orientation(&sample(), 6);
        let d = decode(&jpeg, 1000).unwrap();
        assert_eq!((d.width, d.height), (40, 60));
        assert_eq!(d.gray.dimensions(), (40, 60));
        // The dark square was top-left; after a clockwise turn it is top-right.
        assert!(d.gray.get_pixel(35, 4).0[0] < 100);
        assert!(d.gray.get_pixel(4, 4).0[0] > 150);
    }

    #[test]
    fn large_photo_is_shrunk_and_keeps_full_size() {
        let img = DynamicImage::ImageLuma8(GrayImage::from_pixel(3000, 2000, image::Luma([200])));
        let png = encode(&img, ImageFormat::Png);
        let d = decode(&png, 1500).unwrap();
        assert_eq!((d.width, d.height), (3000, 2000));
        assert_eq!(d.gray.dimensions(), (1500, 1000));
        assert!((d.scale() - 0.5).abs() < 1e-6);
    }

    #[test]
    fn jpeg_end_marker_check() {
        let jpeg = encode(&sample(), ImageFormat::Jpeg);
        assert!(jpeg_has_end(&jpeg));
        let mut appended = jpeg.clone();
        appended.extend_from_slice(b"trailing data of a motion photo");
        assert!(jpeg_has_end(&appended));
        assert!(!jpeg_has_end(&jpeg[..jpeg.len() - 2]));
    }
}

/// Helpers shared by the reader's tests.
#[cfg(test)]
pub(crate) mod tests_support {
    use std::io::Cursor;

    use image::{DynamicImage, ImageFormat};

    /// Builds a JPEG with an APP1 EXIF segment carrying `orientation`.
    pub(crate) fn jpeg_with_orientation(img: &DynamicImage, orientation: u16) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        img.write_to(&mut buf, ImageFormat::Jpeg).unwrap();
        let jpeg = buf.into_inner();
        // Little-endian TIFF with one IFD entry: 0x0112 SHORT 1 = orientation.
        let mut tiff = b"II*\x00\x08\x00\x00\x00".to_vec();
        tiff.extend_from_slice(&1u16.to_le_bytes());
        tiff.extend_from_slice(&0x0112u16.to_le_bytes());
        tiff.extend_from_slice(&3u16.to_le_bytes());
        tiff.extend_from_slice(&1u32.to_le_bytes());
        tiff.extend_from_slice(&u32::from(orientation).to_le_bytes());
        tiff.extend_from_slice(&0u32.to_le_bytes());
        let mut app1 = b"Exif\x00\x00".to_vec();
        app1.extend_from_slice(&tiff);
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&u16::try_from(app1.len() + 2).unwrap().to_be_bytes());
        out.extend_from_slice(&app1);
        out.extend_from_slice(&jpeg[2..]);
        out
    }
}
