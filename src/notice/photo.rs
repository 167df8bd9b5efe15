//! Label photos made fit to send: decoded, shrunk with a fast box filter,
//! turned the way the camera's EXIF orientation says, and re-encoded as
//! JPEG. Re-encoding also drops the EXIF block, so a phone's GPS position
//! of the patient's home does not travel with the notice.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageReader, RgbImage};

/// Longest side of a thumbnail in the PDF, in pixels.
pub const PDF_MAX_PX: u32 = 1200;

/// Longest side of a photo attached to the e-mail, in pixels: large enough
/// to read small print on a label.
pub const ATTACH_MAX_PX: u32 = 2000;

/// JPEG quality of the re-encoded photos.
const JPEG_QUALITY: u8 = 82;

/// Largest photo accepted, in pixels (a 108 MP phone camera is below it).
const MAX_PIXELS: u64 = 120_000_000;

/// Why a photo could not be prepared.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    /// The bytes are not an image this build can read.
    #[error("the photo could not be read: {0}")]
    Decode(#[source] image::ImageError),
    /// The photo is larger than any camera makes.
    #[error("the photo is too large ({width}×{height} pixels)")]
    TooLarge {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// Writing the JPEG failed.
    #[error("the photo could not be re-encoded: {0}")]
    Encode(#[source] jpeg_encoder::EncodingError),
}

/// A photo as the caller read it from disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoFile {
    /// File name without directories, as shown in the notice.
    pub name: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

impl PhotoFile {
    /// A photo from its path and bytes; only the file name is kept.
    pub fn new(path: &std::path::Path, bytes: Vec<u8>) -> PhotoFile {
        let name = path
            .file_name()
            .map_or_else(|| "photo".to_owned(), |n| n.to_string_lossy().into_owned());
        PhotoFile { name, bytes }
    }
}

/// A photo ready to embed or attach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedPhoto {
    /// File name of the original.
    pub name: String,
    /// Upright JPEG, no EXIF.
    pub jpeg: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Decodes `photo`, shrinks it by a whole factor so its longest side is at
/// most `max_px`, applies the EXIF orientation and re-encodes it as JPEG.
pub fn prepare(photo: &PhotoFile, max_px: u32) -> Result<PreparedPhoto, PhotoError> {
    let reader = ImageReader::new(Cursor::new(&photo.bytes))
        .with_guessed_format()
        .map_err(|e| PhotoError::Decode(image::ImageError::IoError(e)))?;
    let mut decoder = reader.into_decoder().map_err(PhotoError::Decode)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoError::TooLarge { width, height });
    }
    // A missing or broken EXIF block just means "upright".
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let full = DynamicImage::from_decoder(decoder)
        .map_err(PhotoError::Decode)?
        .into_rgb8();
    // Shrink before rotating: rotating the small image is far cheaper.
    let factor = width.max(height).div_ceil(max_px.max(1)).max(1);
    let small = if factor > 1 {
        box_down(&full, factor).ok_or(PhotoError::TooLarge { width, height })?
    } else {
        full
    };
    let mut turned = DynamicImage::ImageRgb8(small);
    turned.apply_orientation(orientation);
    let rgb = turned.into_rgb8();
    let (w, h) = (rgb.width(), rgb.height());
    let (Ok(w16), Ok(h16)) = (u16::try_from(w), u16::try_from(h)) else {
        return Err(PhotoError::TooLarge { width, height });
    };
    let mut jpeg = Vec::new();
    jpeg_encoder::Encoder::new(&mut jpeg, JPEG_QUALITY)
        .encode(rgb.as_raw(), w16, h16, jpeg_encoder::ColorType::Rgb)
        .map_err(PhotoError::Encode)?;
    Ok(PreparedPhoto {
        name: photo.name.clone(),
        jpeg,
        width: w,
        height: h,
    })
}

/// Shrinks `src` by an integer `factor`, each output pixel the mean of a
/// `factor`×`factor` block. On a 12 MP photo this is several times faster
/// than a filtered resize, and a label photo loses nothing that matters.
fn box_down(src: &RgbImage, factor: u32) -> Option<RgbImage> {
    let f = usize::try_from(factor).ok()?;
    let src_w = usize::try_from(src.width()).ok()?;
    let w = src.width() / factor;
    let h = src.height() / factor;
    let out_w = usize::try_from(w).ok()?;
    let out_h = usize::try_from(h).ok()?;
    let row_len = src_w * 3;
    let n = factor * factor;
    let mut out = Vec::with_capacity(out_w * out_h * 3);
    let mut acc = vec![0u32; out_w * 3];
    for band in src.as_raw().chunks_exact(row_len * f).take(out_h) {
        acc.fill(0);
        for row in band.chunks_exact(row_len) {
            for (sum, block) in acc.chunks_exact_mut(3).zip(row.chunks_exact(3 * f)) {
                for px in block.chunks_exact(3) {
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
    RgbImage::from_raw(w, h, out)
}

/// What became of one photo.
#[derive(Debug)]
pub struct PhotoOutcome {
    /// File name of the original.
    pub name: String,
    /// The prepared photo, or why it could not be prepared.
    pub result: Result<PreparedPhoto, PhotoError>,
}

fn outcome(photo: &PhotoFile, max_px: u32) -> PhotoOutcome {
    PhotoOutcome {
        name: photo.name.clone(),
        result: prepare(photo, max_px),
    }
}

/// Prepares every photo, two at a time on named threads (decoding a 12 MP
/// JPEG is most of the time a PDF takes). Results keep the input order.
pub fn prepare_all(photos: &[PhotoFile], max_px: u32) -> Vec<PhotoOutcome> {
    if photos.len() < 2 {
        return photos.iter().map(|p| outcome(p, max_px)).collect();
    }
    let mid = photos.len() / 2;
    let (a, b) = photos.split_at(mid);
    std::thread::scope(|scope| {
        let other = std::thread::Builder::new()
            .name("notice-photos".to_owned())
            .spawn_scoped(scope, || {
                b.iter().map(|p| outcome(p, max_px)).collect::<Vec<_>>()
            });
        let mut out: Vec<_> = a.iter().map(|p| outcome(p, max_px)).collect();
        match other.map(std::thread::ScopedJoinHandle::join) {
            Ok(Ok(rest)) => out.extend(rest),
            // The thread could not start or panicked: do its share here.
            _ => out.extend(b.iter().map(|p| outcome(p, max_px))),
        }
        out
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A JPEG of `w`×`h` whose left half is dark, with EXIF orientation
    /// `orientation` when given.
    pub(crate) fn jpeg(w: u32, h: u32, orientation: Option<u16>) -> Vec<u8> {
        let img = image::RgbImage::from_fn(w, h, |x, _| {
            if x < w / 2 {
                image::Rgb([20, 20, 20])
            } else {
                image::Rgb([230, 230, 230])
            }
        });
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
            .encode_image(&img)
            .unwrap();
        match orientation {
            Some(o) => insert_exif_orientation(&out, o),
            None => out,
        }
    }

    /// Inserts an APP1 EXIF segment with one Orientation tag after SOI.
    fn insert_exif_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
        let mut tiff = Vec::new();
        tiff.extend_from_slice(b"MM\x00\x2a\x00\x00\x00\x08"); // big-endian, IFD at 8
        tiff.extend_from_slice(&1u16.to_be_bytes()); // one entry
        tiff.extend_from_slice(&0x0112u16.to_be_bytes()); // Orientation
        tiff.extend_from_slice(&3u16.to_be_bytes()); // SHORT
        tiff.extend_from_slice(&1u32.to_be_bytes()); // count
        tiff.extend_from_slice(&orientation.to_be_bytes());
        tiff.extend_from_slice(&[0, 0]);
        tiff.extend_from_slice(&0u32.to_be_bytes()); // no next IFD
        let mut app1 = b"Exif\x00\x00".to_vec();
        app1.extend_from_slice(&tiff);
        let len = u16::try_from(app1.len() + 2).unwrap();
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(&app1);
        out.extend_from_slice(&jpeg[2..]);
        out
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
        assert_eq!((out.width(), out.height()), (2, 1));
        assert_eq!(out.as_raw(), &vec![15, 15, 15, 100, 0, 1]);
        // An odd edge is dropped rather than read past.
        let odd = RgbImage::new(5, 3);
        let out = box_down(&odd, 2).unwrap();
        assert_eq!((out.width(), out.height()), (2, 1));
    }

    #[test]
    fn shrinks_and_turns_upright() {
        // Orientation 6: the camera was turned; the upright image is tall.
        let photo = PhotoFile {
            name: "label.jpg".into(),
            bytes: jpeg(1600, 1200, Some(6)),
        };
        let p = prepare(&photo, 800).unwrap();
        assert_eq!((p.width, p.height), (600, 800));
        let back = image::load_from_memory(&p.jpeg).unwrap().into_rgb8();
        // Rotated 90° clockwise: the dark left half is now the top half.
        assert!(back.get_pixel(300, 100)[0] < 80);
        assert!(back.get_pixel(300, 700)[0] > 170);
        // No EXIF travels on.
        assert!(!p.jpeg.windows(4).any(|w| w == b"Exif"));
    }

    #[test]
    fn small_photo_is_kept_at_its_size_and_order_is_kept() {
        let photos = vec![
            PhotoFile {
                name: "a.jpg".into(),
                bytes: jpeg(300, 200, None),
            },
            PhotoFile {
                name: "b.jpg".into(),
                bytes: b"not an image".to_vec(),
            },
            PhotoFile {
                name: "c.jpg".into(),
                bytes: jpeg(200, 300, None),
            },
        ];
        let out = prepare_all(&photos, 1200);
        assert_eq!(out.len(), 3);
        let a = out[0].result.as_ref().unwrap();
        assert_eq!((a.name.as_str(), a.width, a.height), ("a.jpg", 300, 200));
        assert_eq!(out[1].name, "b.jpg");
        assert!(matches!(out[1].result, Err(PhotoError::Decode(_))));
        assert_eq!(out[2].result.as_ref().unwrap().name, "c.jpg");
    }
}
