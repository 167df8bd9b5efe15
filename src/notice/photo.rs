//! Label photos made fit to send: decoded by the one guarded decoder
//! ([`crate::picture`]: HEIC included, size limits, EXIF orientation), shrunk,
//! and re-encoded as a fresh JPEG. The new file carries pixels only: no
//! EXIF, XMP or colour profile, so neither the phone's GPS position of the
//! patient's home nor its owner's name travels with the notice.
//!
//! A photo that cannot be decoded is never sent as it came: it is left out,
//! and the notice names it ([`Notice::unreadable_photos`]).

use std::borrow::Cow;
use std::path::Path;

use image::codecs::jpeg::JpegEncoder;

use super::content::Notice;
use crate::fsutil::FsError;
use crate::photos;
use crate::picture::{self, PictureError};

/// Longest side of a thumbnail in the PDF, in pixels.
pub const PDF_MAX_PX: u32 = 1200;

/// Longest side of a photo attached to the e-mail, in pixels: large enough
/// to read small print on a label.
pub const ATTACH_MAX_PX: u32 = 2000;

/// JPEG quality of the re-encoded photos.
const JPEG_QUALITY: u8 = 82;

/// Why a photo could not be prepared.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    /// The bytes could not be decoded as a photo.
    #[error("the photo could not be read: {0}")]
    Decode(#[from] PictureError),
    /// Writing the JPEG failed.
    #[error("the photo could not be re-encoded: {0}")]
    Encode(#[source] image::ImageError),
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
    pub fn new(path: &Path, bytes: Vec<u8>) -> PhotoFile {
        PhotoFile {
            name: photos::display_name(path),
            bytes,
        }
    }

    /// Reads the photo at `path`, refusing a file larger than
    /// [`photos::MAX_PHOTO_BYTES`] without reading it all.
    pub fn read(path: &Path) -> Result<PhotoFile, FsError> {
        Ok(PhotoFile::new(path, photos::read_file(path)?))
    }
}

/// A photo ready to embed or attach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedPhoto {
    /// File name of the original.
    pub name: String,
    /// Upright JPEG with no metadata.
    pub jpeg: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Decodes `photo` upright with its longest side at most `max_px`, and
/// re-encodes it as a JPEG that carries nothing but the pixels.
pub fn prepare(photo: &PhotoFile, max_px: u32) -> Result<PreparedPhoto, PhotoError> {
    let rgb = picture::decode_rgb(&photo.bytes, max_px)?.pixels;
    let mut jpeg = Vec::new();
    // `image`'s encoder writes a JFIF header and the picture, nothing else
    // unless asked (no EXIF, no ICC profile).
    JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
        .encode_image(&rgb)
        .map_err(PhotoError::Encode)?;
    Ok(PreparedPhoto {
        name: photo.name.clone(),
        jpeg,
        width: rgb.width(),
        height: rgb.height(),
    })
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

/// `notice`, with every photo in `outcomes` that could not be prepared
/// named among its unreadable photos (once), so that the text, the PDF and
/// the e-mail all say it is not attached.
pub(crate) fn noting_unreadable<'a>(
    notice: &'a Notice,
    outcomes: &[PhotoOutcome],
) -> Cow<'a, Notice> {
    let mut notice = Cow::Borrowed(notice);
    for failed in outcomes.iter().filter(|o| o.result.is_err()) {
        if !notice.unreadable_photos.contains(&failed.name) {
            notice.to_mut().unreadable_photos.push(failed.name.clone());
        }
    }
    notice
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
        assert_clean(&p.jpeg);
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
        assert!(matches!(
            out[1].result,
            Err(PhotoError::Decode(PictureError::NotAnImage))
        ));
        assert_eq!(out[2].result.as_ref().unwrap().name, "c.jpg");
    }

    fn fixture(name: &str) -> PhotoFile {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        PhotoFile::read(&path).unwrap()
    }

    /// The Exif block (TIFF data) in a JPEG's APP1 segment, if any.
    fn jpeg_exif(jpeg: &[u8]) -> Option<&[u8]> {
        picture::jpeg_segments(jpeg)
            .filter(|&(marker, _)| marker == 0xE1)
            .find_map(|(_, at)| {
                let len = usize::from(u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]));
                let body = &jpeg[at + 4..at + 2 + len];
                body.strip_prefix(b"Exif\0\0")
            })
    }

    /// A JPEG with nothing but pixels: no APP1–APP15 (EXIF, XMP, ICC …) and
    /// no comment segment before the picture.
    fn assert_clean(jpeg: &[u8]) {
        let markers: Vec<u8> = picture::jpeg_segments(jpeg).map(|(m, _)| m).collect();
        assert_eq!(markers.last(), Some(&0xDA), "{markers:02X?}");
        assert!(
            markers
                .iter()
                .all(|&m| !(0xE1..=0xEF).contains(&m) && m != 0xFE),
            "metadata segments left: {markers:02X?}"
        );
        assert!(!jpeg.windows(11).any(|w| w == b"Maria Rossi"));
    }

    #[test]
    fn gps_and_owner_are_left_behind_jpeg() {
        let photo = fixture("label_gps.jpg");
        // The input carries the GPS position and the owner's name …
        let exif = heifer::Exif::parse(jpeg_exif(&photo.bytes).unwrap()).unwrap();
        assert!(exif.has_gps());
        assert!(photo.bytes.windows(11).any(|w| w == b"Maria Rossi"));
        // … stored on its side (orientation 6) …
        let p = prepare(&photo, ATTACH_MAX_PX).unwrap();
        // … and comes out upright, with neither.
        assert_eq!((p.width, p.height), (640, 420));
        assert_clean(&p.jpeg);
        assert!(jpeg_exif(&p.jpeg).is_none());
    }

    #[test]
    fn gps_and_owner_are_left_behind_heic() {
        let photo = fixture("label_gps_iphone.heic");
        let meta = heifer::read_metadata(&photo.bytes).unwrap();
        assert!(meta.exif_fields().unwrap().has_gps());
        assert!(photo.bytes.windows(11).any(|w| w == b"Maria Rossi"));
        for max_px in [PDF_MAX_PX, ATTACH_MAX_PX, 300] {
            let p = prepare(&photo, max_px).unwrap();
            assert_eq!(p.width.max(p.height), 640.min(max_px));
            assert_clean(&p.jpeg);
            assert!(jpeg_exif(&p.jpeg).is_none());
        }
    }

    #[test]
    fn failed_photos_are_named_once() {
        let n = crate::notice::tests::notice(
            &crate::notice::tests::affected(),
            crate::notice::tests::form(),
        );
        let photos = vec![
            PhotoFile {
                name: "ok.jpg".into(),
                bytes: jpeg(30, 20, None),
            },
            PhotoFile {
                name: "notes.jpg".into(),
                bytes: b"not a photo".to_vec(),
            },
        ];
        let outcomes = prepare_all(&photos, 100);
        let noted = noting_unreadable(&n, &outcomes);
        assert_eq!(noted.unreadable_photos, ["notes.jpg"]);
        let again = noting_unreadable(&noted, &outcomes);
        assert_eq!(again.unreadable_photos, ["notes.jpg"]);
        // Nothing failed: the notice is not copied.
        assert!(matches!(
            noting_unreadable(&n, &outcomes[..1]),
            Cow::Borrowed(_)
        ));
    }
}
