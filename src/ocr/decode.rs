//! The text reader's view of a photo: grey, upright and shrunk, from the
//! one guarded decoder in [`crate::picture`] (format sniffing, HEIC, EXIF
//! orientation, size limits).

use image::GrayImage;

use super::OcrError;
use super::geometry::f32_of;
use crate::picture;

/// Long side of the picture the reader works on (crops are taken from it).
pub(crate) const WORK_MAX_SIDE_PX: u32 = 2048;

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

/// Decodes `bytes` into an upright grey picture whose long side is at most
/// `max_side` pixels.
#[cfg(test)]
pub(crate) fn decode(bytes: &[u8], max_side: u32) -> Result<Decoded, OcrError> {
    decode_timed(bytes, max_side).map(|(d, _)| d)
}

/// [`decode`], also saying how long decoding and shrinking took.
pub(crate) fn decode_timed(
    bytes: &[u8],
    max_side: u32,
) -> Result<(Decoded, picture::DecodeTimes), OcrError> {
    let (p, times) = picture::decode_gray_timed(bytes, max_side)?;
    Ok((
        Decoded {
            gray: p.pixels,
            width: p.width,
            height: p.height,
        },
        times,
    ))
}

/// Shrinks `gray` so its long side is at most `max_side`, averaging pixels
/// (not skipping them) so that thin strokes survive.
pub(crate) fn shrink(gray: GrayImage, max_side: u32) -> GrayImage {
    picture::shrink(gray, max_side)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_relates_the_shrunk_picture_to_the_photo() {
        let img =
            image::DynamicImage::ImageLuma8(GrayImage::from_pixel(3000, 2000, image::Luma([200])));
        let mut png = std::io::Cursor::new(Vec::new());
        img.write_to(&mut png, image::ImageFormat::Png).unwrap();
        let d = decode(png.get_ref(), 1500).unwrap();
        assert_eq!((d.width, d.height), (3000, 2000));
        assert!((d.scale() - 0.5).abs() < 1e-6);
    }

    #[test]
    fn decoder_errors_reach_the_reader() {
        assert!(matches!(
            decode(b"notes", 100),
            Err(OcrError::Picture(picture::PictureError::NotAnImage))
        ));
    }
}
