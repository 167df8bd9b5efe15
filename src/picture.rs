//! Photo bytes → upright pixels, with limits: the one decoder behind the
//! text reader, the on-screen preview, the PDF and the e-mail.
//!
//! The format is sniffed from the bytes, never from the file name: phones and
//! messaging apps rename files freely. JPEG and PNG go through `image`, HEIC
//! (the iPhone default) through `heifer`. Sizes are checked from the header
//! before any pixel is decoded, so a decompression bomb is refused at once.
//! Pixels are converted (grey or RGB) and shrunk before the EXIF orientation
//! is applied, so turning a 12 MP photo costs a fraction of a full-size copy.
//!
//! Only pixels come out: no EXIF, XMP or colour profile survives decoding,
//! which is what lets a photo be re-encoded clean before it leaves the app.

use std::io::Cursor;

use image::{
    DynamicImage, GrayImage, ImageBuffer, ImageDecoder, ImageError, ImageFormat, ImageReader,
    Limits, Pixel, RgbImage, metadata::Orientation,
};

/// Most pixels decoded: a 48 MP phone photo (8064×6048) still passes.
pub const MAX_PIXELS: u64 = 50_000_000;

/// Most bytes a decoder may hold at once (a 48 MP RGB photo needs 146 MB).
const MAX_ALLOC_BYTES: u64 = 256 * 1024 * 1024;

/// Longest side accepted in either direction, whatever the pixel count.
const MAX_SIDE_PX: u32 = 20_000;

/// Why a photo could not be decoded.
///
/// Messages are lower-case and carry no file names or paths: the caller adds
/// the name it knows when it reports the error.
#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    /// The file has no bytes at all.
    #[error("the file is empty")]
    Empty,
    /// The bytes are not a picture in any format we know (e.g. text renamed `.jpg`).
    #[error("the file is not a picture (JPEG, PNG or HEIC)")]
    NotAnImage,
    /// A picture format we do not read (GIF, WebP, TIFF …).
    #[error("pictures in {format} format cannot be read: save the photo as JPEG")]
    UnsupportedFormat {
        /// The format that was recognised.
        format: String,
    },
    /// The picture stops before its end (an interrupted copy or download).
    #[error("the picture is cut short (truncated): copy the photo again")]
    Truncated,
    /// The picture is damaged in a way other than being cut short.
    #[error("the picture is damaged and cannot be decoded: {detail}")]
    Corrupt {
        /// What the decoder reported, in English.
        detail: String,
    },
    /// The picture has more pixels than we are willing to decode.
    #[error(
        "the picture is too large ({width}×{height} pixels; at most {max_pixels} pixels in all)"
    )]
    TooLarge {
        /// Width as declared by the file (0 when the file did not say).
        width: u32,
        /// Height as declared by the file (0 when the file did not say).
        height: u32,
        /// The limit in force.
        max_pixels: u64,
    },
    /// An iPhone HEIC/HEIF picture that could not be decoded here.
    #[error("this HEIC/HEIF picture cannot be read here ({detail}): save the photo as JPEG")]
    HeicUnsupported {
        /// Why, in English.
        detail: String,
    },
}

/// A decoded photo: upright, no larger than asked, pixels only.
#[derive(Debug, Clone)]
pub struct Picture<P: Pixel> {
    /// Upright pixels, shrunk so the long side is at most the limit asked for.
    pub pixels: ImageBuffer<P, Vec<P::Subpixel>>,
    /// Width of the upright photo at full resolution.
    pub width: u32,
    /// Height of the upright photo at full resolution.
    pub height: u32,
}

/// Decodes `bytes` into upright grey pixels whose long side is at most
/// `max_side_px` (for reading text and barcodes).
pub fn decode_gray(
    bytes: &[u8],
    max_side_px: u32,
) -> Result<Picture<image::Luma<u8>>, PictureError> {
    decode_gray_timed(bytes, max_side_px).map(|(picture, _)| picture)
}

/// How long [`decode_gray_timed`] spent decoding the file and then turning
/// the pixels grey, shrinking and orienting them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DecodeTimes {
    /// Sniffing, header checks and decoding the pixels at full size.
    pub decode: std::time::Duration,
    /// Grey conversion, shrinking and the EXIF orientation.
    pub resize: std::time::Duration,
}

/// [`decode_gray`], also saying how long each half took (for the
/// maintainers' `bench`); the pixels are the same.
pub fn decode_gray_timed(
    bytes: &[u8],
    max_side_px: u32,
) -> Result<(Picture<image::Luma<u8>>, DecodeTimes), PictureError> {
    let start = std::time::Instant::now();
    let raw = decode_raw(bytes)?;
    let decoded_at = std::time::Instant::now();
    let (width, height) = upright_size(&raw);
    let small = shrink(to_gray(raw.image), max_side_px);
    let pixels = turn(DynamicImage::ImageLuma8(small), raw.orientation).into_luma8();
    let times = DecodeTimes {
        decode: decoded_at.duration_since(start),
        resize: decoded_at.elapsed(),
    };
    Ok((
        Picture {
            pixels,
            width,
            height,
        },
        times,
    ))
}

/// Decodes `bytes` into upright RGB pixels whose long side is at most
/// `max_side_px` (for the screen, the PDF and the e-mail). Transparent areas
/// come out white, as on paper.
pub fn decode_rgb(bytes: &[u8], max_side_px: u32) -> Result<Picture<image::Rgb<u8>>, PictureError> {
    let raw = decode_raw(bytes)?;
    let (width, height) = upright_size(&raw);
    let small = shrink(to_rgb(raw.image), max_side_px);
    let pixels = turn(DynamicImage::ImageRgb8(small), raw.orientation).into_rgb8();
    Ok(Picture {
        pixels,
        width,
        height,
    })
}

/// Full-size pixels as stored, and how to turn them upright.
struct Raw {
    image: DynamicImage,
    orientation: Orientation,
}

fn upright_size(raw: &Raw) -> (u32, u32) {
    let (w, h) = (raw.image.width(), raw.image.height());
    let swaps = matches!(
        raw.orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    );
    if swaps { (h, w) } else { (w, h) }
}

fn turn(mut image: DynamicImage, orientation: Orientation) -> DynamicImage {
    image.apply_orientation(orientation);
    image
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

fn decode_raw(bytes: &[u8]) -> Result<Raw, PictureError> {
    if bytes.is_empty() {
        return Err(PictureError::Empty);
    }
    match sniff(bytes) {
        Sniffed::Jpeg => {
            if !jpeg_has_end(bytes) {
                return Err(PictureError::Truncated);
            }
            decode_with_image(bytes, ImageFormat::Jpeg)
        }
        Sniffed::Png => decode_with_image(bytes, ImageFormat::Png),
        Sniffed::Heif => decode_heif(bytes),
        Sniffed::Other(format) => Err(PictureError::UnsupportedFormat {
            format: format!("{format:?}").to_uppercase(),
        }),
        Sniffed::OtherNamed(format) => Err(PictureError::UnsupportedFormat {
            format: format.to_owned(),
        }),
        Sniffed::Unknown => Err(PictureError::NotAnImage),
    }
}

/// The decoder's own memory cap. Width and height are checked by
/// [`check_pixels`] right after the header, so the error can name them.
fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_ALLOC_BYTES);
    limits
}

fn check_pixels(width: u32, height: u32) -> Result<(), PictureError> {
    if width == 0 || height == 0 {
        return Err(PictureError::Corrupt {
            detail: "the picture has no pixels".to_owned(),
        });
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS
        || width > MAX_SIDE_PX
        || height > MAX_SIDE_PX
    {
        return Err(PictureError::TooLarge {
            width,
            height,
            max_pixels: MAX_PIXELS,
        });
    }
    Ok(())
}

fn decode_with_image(bytes: &[u8], format: ImageFormat) -> Result<Raw, PictureError> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| map_image_error(e, (0, 0)))?;
    let (width, height) = decoder.dimensions();
    // Checked before a single pixel is decoded: a bomb costs only its header.
    check_pixels(width, height)?;
    // A missing or broken EXIF block just means "upright".
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let image =
        DynamicImage::from_decoder(decoder).map_err(|e| map_image_error(e, (width, height)))?;
    Ok(Raw { image, orientation })
}

fn decode_heif(bytes: &[u8]) -> Result<Raw, PictureError> {
    // The size the container declares, checked before any HEVC decoding.
    // heifer checks `max_pixels` again on every tile and on the grid.
    if let Some((width, height)) = heif_declared_size(bytes) {
        check_pixels(width, height)?;
    }
    let options = heifer::Options {
        max_threads: 0,
        max_pixels: MAX_PIXELS,
    };
    // heifer applies the HEIF rotation and mirror boxes itself: EXIF
    // orientation must not be applied a second time.
    let image = heifer::decode_rgba8(bytes, &options).map_err(map_heif_error)?;
    check_pixels(image.width, image.height)?;
    let rgba =
        image::RgbaImage::from_raw(image.width, image.height, image.data).ok_or_else(|| {
            PictureError::HeicUnsupported {
                detail: "unexpected sample layout".to_owned(),
            }
        })?;
    Ok(Raw {
        image: DynamicImage::ImageRgba8(rgba),
        orientation: Orientation::NoTransforms,
    })
}

/// Width and height of the primary image, from its `ispe` box.
fn heif_declared_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let file = heifer::heifer_isobmff::HeifFile::parse(bytes).ok()?;
    file.image_size(file.primary_id).ok().flatten()
}

fn map_heif_error(err: heifer::Error) -> PictureError {
    match err {
        heifer::Error::Container(inner) if inner.to_string().contains("end of data") => {
            PictureError::Truncated
        }
        // heifer's own size limit: a grid or tile larger than `max_pixels`.
        heifer::Error::Invalid(detail) if detail.contains("too large") => PictureError::TooLarge {
            width: 0,
            height: 0,
            max_pixels: MAX_PIXELS,
        },
        other => PictureError::HeicUnsupported {
            detail: other.to_string(),
        },
    }
}

/// Maps a decoder error; `(width, height)` as declared, when known.
fn map_image_error(err: ImageError, (width, height): (u32, u32)) -> PictureError {
    match err {
        // E.g. a 16-bit RGBA picture just under the pixel limit.
        ImageError::Limits(_) => PictureError::TooLarge {
            width,
            height,
            max_pixels: MAX_PIXELS,
        },
        ImageError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            PictureError::Truncated
        }
        ImageError::Unsupported(e) => PictureError::UnsupportedFormat {
            format: e.to_string(),
        },
        other => {
            let detail = other.to_string();
            // The PNG decoder reports a cut-off stream as a decoding error.
            if detail.contains("EOF") || detail.contains("end of") || detail.contains("truncat") {
                PictureError::Truncated
            } else {
                PictureError::Corrupt { detail }
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
        dst.0 = [on_white(luma, a)];
    }
    gray
}

/// RGB, with transparent areas shown as white paper (not black).
fn to_rgb(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    let (w, h) = rgba.dimensions();
    let mut rgb = RgbImage::new(w, h);
    for (dst, src) in rgb.pixels_mut().zip(rgba.pixels()) {
        let [red, green, blue, a] = src.0;
        dst.0 = [
            on_white(u32::from(red), a),
            on_white(u32::from(green), a),
            on_white(u32::from(blue), a),
        ];
    }
    rgb
}

/// `value` (0..=255) at opacity `alpha`, over white.
fn on_white(value: u32, alpha: u8) -> u8 {
    let alpha = u32::from(alpha);
    let blended = (value * alpha + 255 * (255 - alpha)) / 255;
    u8::try_from(blended).unwrap_or(u8::MAX)
}

/// Shrinks `image` so its long side is at most `max_side_px`, averaging
/// pixels (not skipping them) so that thin strokes survive.
///
/// A large reduction is done first by a whole factor with a box average,
/// about three times faster than the area filter on a 12 MP photo; the
/// filter then only brings the smaller copy to the exact size.
pub fn shrink<P>(image: ImageBuffer<P, Vec<u8>>, max_side_px: u32) -> ImageBuffer<P, Vec<u8>>
where
    P: Pixel<Subpixel = u8> + 'static,
{
    if image.width().max(image.height()) <= max_side_px || max_side_px == 0 {
        return image;
    }
    shrunk_copy(&image, max_side_px)
}

/// A copy of `image` shrunk as [`shrink`] does, leaving `image` as it is
/// (a camera frame that is kept whole for the photo).
pub fn shrunk_copy<P>(image: &ImageBuffer<P, Vec<u8>>, max_side_px: u32) -> ImageBuffer<P, Vec<u8>>
where
    P: Pixel<Subpixel = u8> + 'static,
{
    let long = image.width().max(image.height());
    if long <= max_side_px || max_side_px == 0 {
        return image.clone();
    }
    let boxed = box_down(image, long / max_side_px);
    let src = boxed.as_ref().unwrap_or(image);
    let (w, h) = src.dimensions();
    let long = w.max(h);
    if long <= max_side_px {
        return boxed.unwrap_or_else(|| image.clone());
    }
    let factor = f64::from(max_side_px) / f64::from(long);
    image::imageops::thumbnail(src, scaled(w, factor), scaled(h, factor))
}

/// Shrinks `src` by a whole `factor` (at least 2), each output pixel the
/// mean of a `factor`×`factor` block; a ragged right or bottom edge is
/// dropped. `None` when there is nothing to do.
fn box_down<P>(src: &ImageBuffer<P, Vec<u8>>, factor: u32) -> Option<ImageBuffer<P, Vec<u8>>>
where
    P: Pixel<Subpixel = u8>,
{
    let (w, h) = (src.width() / factor.max(1), src.height() / factor.max(1));
    if factor < 2 || w == 0 || h == 0 {
        return None;
    }
    let channels = usize::from(P::CHANNEL_COUNT);
    let f = usize::try_from(factor).ok()?;
    let row_len = usize::try_from(src.width()).ok()? * channels;
    let out_w = usize::try_from(w).ok()?;
    let out_h = usize::try_from(h).ok()?;
    let n = factor * factor;
    let mut out = Vec::with_capacity(out_w * out_h * channels);
    let mut acc = vec![0u32; out_w * channels];
    for band in src.as_raw().chunks_exact(row_len * f).take(out_h) {
        acc.fill(0);
        for row in band.chunks_exact(row_len) {
            for (sum, block) in acc
                .chunks_exact_mut(channels)
                .zip(row.chunks_exact(channels * f))
            {
                for px in block.chunks_exact(channels) {
                    for (s, &v) in sum.iter_mut().zip(px) {
                        *s += u32::from(v);
                    }
                }
            }
        }
        out.extend(
            acc.iter()
                .map(|&s| u8::try_from((s + n / 2) / n).unwrap_or(u8::MAX)),
        );
    }
    ImageBuffer::from_raw(w, h, out)
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
    let Some((_, scan_start)) = jpeg_segments(bytes).find(|&(marker, _)| marker == 0xDA) else {
        return false;
    };
    bytes
        .get(scan_start..)
        .is_some_and(|rest| rest.windows(2).any(|w| w == [0xFF, 0xD9]))
}

/// The marker segments of a JPEG header, as `(marker, offset)`, from the
/// first after start-of-image up to and including the first start-of-scan.
/// Stops early at anything that is not a well-formed segment.
pub(crate) fn jpeg_segments(bytes: &[u8]) -> impl Iterator<Item = (u8, usize)> + '_ {
    let mut pos = 2; // after SOI
    let mut done = bytes.get(..2) != Some([0xFF, 0xD8].as_slice());
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        // Markers may be preceded by fill bytes (FF FF …).
        while bytes.get(pos) == Some(&0xFF) && bytes.get(pos + 1) == Some(&0xFF) {
            pos += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(pos), bytes.get(pos + 1)) else {
            done = true;
            return None;
        };
        let at = pos;
        if marker == 0xDA {
            done = true;
        } else if marker == 0x01 || (0xD0..=0xD8).contains(&marker) {
            // Markers without a length field.
            pos += 2;
        } else {
            let len = match (bytes.get(pos + 2), bytes.get(pos + 3)) {
                (Some(&hi), Some(&lo)) => usize::from(u16::from_be_bytes([hi, lo])),
                _ => 0,
            };
            if len < 2 {
                done = true;
                return None;
            }
            pos += 2 + len;
        }
        Some((marker, at))
    })
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

    fn fixture(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    #[test]
    fn empty_file_is_refused() {
        assert!(matches!(decode_gray(&[], 100), Err(PictureError::Empty)));
        assert!(matches!(decode_rgb(&[], 100), Err(PictureError::Empty)));
    }

    #[test]
    fn text_renamed_jpg_is_not_an_image() {
        let text = b"Model: CMS8000\nthis is a note, not a photo\n";
        assert!(matches!(
            decode_gray(text, 100),
            Err(PictureError::NotAnImage)
        ));
        assert!(matches!(
            decode_rgb(text, 100),
            Err(PictureError::NotAnImage)
        ));
    }

    #[test]
    fn truncated_jpeg_is_refused() {
        let jpeg = encode(&sample(), ImageFormat::Jpeg);
        let cut = &jpeg[..jpeg.len() * 2 / 3];
        assert!(matches!(
            decode_gray(cut, 100),
            Err(PictureError::Truncated)
        ));
        assert!(matches!(decode_rgb(cut, 100), Err(PictureError::Truncated)));
        // The whole file reads fine.
        let ok = decode_gray(&jpeg, 100).unwrap();
        assert_eq!((ok.width, ok.height), (60, 40));
    }

    #[test]
    fn truncated_png_is_refused() {
        let png = encode(&sample(), ImageFormat::Png);
        let cut = &png[..png.len() / 2];
        let err = decode_gray(cut, 100).unwrap_err();
        assert!(
            matches!(err, PictureError::Truncated | PictureError::Corrupt { .. }),
            "{err:?}"
        );
    }

    #[test]
    fn gif_is_unsupported_format() {
        let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;";
        assert!(matches!(
            decode_rgb(gif, 100),
            Err(PictureError::UnsupportedFormat { .. })
        ));
    }

    /// A valid PNG whose header claims 30000×30000 pixels: refused from the
    /// header alone, quickly and without allocating the pixels.
    #[test]
    fn png_bomb_is_refused_fast() {
        let png = bomb_png(30_000, 30_000);
        let start = std::time::Instant::now();
        for err in [
            decode_gray(&png, 100).unwrap_err(),
            decode_rgb(&png, 100).unwrap_err(),
        ] {
            assert!(
                matches!(
                    err,
                    PictureError::TooLarge {
                        width: 30_000,
                        height: 30_000,
                        ..
                    }
                ),
                "{err:?}"
            );
        }
        assert!(start.elapsed() < std::time::Duration::from_millis(500));
    }

    /// A JPEG whose frame header claims 60000×60000 pixels: refused from
    /// the header alone.
    #[test]
    fn jpeg_bomb_is_refused_fast() {
        let mut jpeg = encode(&sample(), ImageFormat::Jpeg);
        let (_, sof) = jpeg_segments(&jpeg).find(|&(m, _)| m == 0xC0).unwrap();
        // FF C0, length (2), precision (1), height (2), width (2).
        jpeg[sof + 5..sof + 7].copy_from_slice(&60_000u16.to_be_bytes());
        jpeg[sof + 7..sof + 9].copy_from_slice(&60_000u16.to_be_bytes());
        let start = std::time::Instant::now();
        let err = decode_rgb(&jpeg, 100).unwrap_err();
        assert!(
            matches!(
                err,
                PictureError::TooLarge {
                    width: 60_000,
                    height: 60_000,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(start.elapsed() < std::time::Duration::from_millis(500));
    }

    /// The HEIC fixture with its declared size (`ispe`) patched to
    /// 30000×30000: refused from the container, before any HEVC decoding.
    #[test]
    fn heic_bomb_is_refused_fast() {
        let mut heic = fixture("ocr_label.heic");
        let at = heic.windows(4).position(|w| w == b"ispe").unwrap();
        // "ispe", version and flags (4 bytes), width, height.
        heic[at + 8..at + 12].copy_from_slice(&30_000u32.to_be_bytes());
        heic[at + 12..at + 16].copy_from_slice(&30_000u32.to_be_bytes());
        let start = std::time::Instant::now();
        let err = decode_rgb(&heic, 100).unwrap_err();
        assert!(
            matches!(
                err,
                PictureError::TooLarge {
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
        let d = decode_gray(&jpeg, 1000).unwrap();
        assert_eq!((d.width, d.height), (40, 60));
        assert_eq!(d.pixels.dimensions(), (40, 60));
        // The dark square was top-left; after a clockwise turn it is top-right.
        assert!(d.pixels.get_pixel(35, 4).0[0] < 100);
        assert!(d.pixels.get_pixel(4, 4).0[0] > 150);
        // The same in colour.
        let c = decode_rgb(&jpeg, 1000).unwrap();
        assert_eq!(c.pixels.dimensions(), (40, 60));
        assert!(c.pixels.get_pixel(35, 4).0[0] < 100);
        assert!(c.pixels.get_pixel(4, 4).0[0] > 150);
    }

    #[test]
    fn large_photo_is_shrunk_and_keeps_full_size() {
        let img = DynamicImage::ImageLuma8(GrayImage::from_pixel(3000, 2000, image::Luma([200])));
        let png = encode(&img, ImageFormat::Png);
        let d = decode_gray(&png, 1500).unwrap();
        assert_eq!((d.width, d.height), (3000, 2000));
        assert_eq!(d.pixels.dimensions(), (1500, 1000));
        let c = decode_rgb(&png, 600).unwrap();
        assert_eq!(c.pixels.dimensions(), (600, 400));
    }

    #[test]
    fn box_down_averages_blocks() {
        let src = RgbImage::from_raw(
            4,
            2,
            vec![
                0, 0, 0, 10, 10, 10, 100, 0, 0, 100, 0, 0, //
                20, 20, 20, 30, 30, 30, 100, 0, 0, 100, 0, 4,
            ],
        )
        .unwrap();
        let out = box_down(&src, 2).unwrap();
        assert_eq!(out.dimensions(), (2, 1));
        assert_eq!(out.as_raw(), &vec![15, 15, 15, 100, 0, 1]);
        // A ragged edge is dropped rather than read past.
        let odd = GrayImage::new(5, 3);
        assert_eq!(box_down(&odd, 2).unwrap().dimensions(), (2, 1));
        assert!(box_down(&odd, 1).is_none());
        assert!(box_down(&odd, 6).is_none());
    }

    #[test]
    fn shrinking_reaches_the_exact_size() {
        for (w, h, max, want) in [
            (4000, 3000, 1200, (1200, 900)),
            (4000, 3000, 2000, (2000, 1500)),
            (3000, 4000, 900, (675, 900)),
            (1000, 10, 300, (300, 3)),
            (640, 420, 2000, (640, 420)),
        ] {
            let img = RgbImage::from_pixel(w, h, image::Rgb([90, 120, 200]));
            // The copy leaves the picture whole and equals the shrink.
            let copy = shrunk_copy(&img, max);
            assert_eq!(img.dimensions(), (w, h));
            let small = shrink(img, max);
            assert_eq!(copy, small, "{w}×{h} to {max}");
            assert_eq!(small.dimensions(), want, "{w}×{h} to {max}");
            assert_eq!(small.get_pixel(0, 0).0, [90, 120, 200]);
        }
    }

    #[test]
    fn heic_decodes_like_the_jpeg() {
        // The same label saved both ways: same size, similar pixels.
        let heic = decode_rgb(&fixture("ocr_label.heic"), 2000).unwrap();
        let jpeg = decode_rgb(&fixture("ocr_label.jpg"), 2000).unwrap();
        assert_eq!((heic.width, heic.height), (640, 420));
        assert_eq!(heic.pixels.dimensions(), jpeg.pixels.dimensions());
        let diff: u64 = heic
            .pixels
            .as_raw()
            .iter()
            .zip(jpeg.pixels.as_raw())
            .map(|(&a, &b)| u64::from(a.abs_diff(b)))
            .sum();
        let mean = diff / heic.pixels.as_raw().len() as u64;
        assert!(mean < 12, "mean difference {mean}");
    }

    #[test]
    fn transparent_areas_come_out_white() {
        let clear = image::RgbaImage::from_pixel(4, 4, image::Rgba([0, 0, 0, 0]));
        let png = encode(&DynamicImage::ImageRgba8(clear), ImageFormat::Png);
        let c = decode_rgb(&png, 100).unwrap();
        assert_eq!(c.pixels.get_pixel(1, 1).0, [255, 255, 255]);
        let g = decode_gray(&png, 100).unwrap();
        assert_eq!(g.pixels.get_pixel(1, 1).0, [255]);
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

    #[test]
    fn jpeg_segments_are_walked_to_the_scan() {
        let jpeg = tests_support::jpeg_with_orientation(&sample(), 6);
        let markers: Vec<u8> = jpeg_segments(&jpeg).map(|(m, _)| m).collect();
        assert_eq!(markers.first(), Some(&0xE1), "{markers:02X?}");
        assert_eq!(markers.last(), Some(&0xDA), "{markers:02X?}");
        assert_eq!(jpeg_segments(b"not a jpeg").count(), 0);
    }
}

/// Helpers shared by the tests of the modules that decode photos.
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
