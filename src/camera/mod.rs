//! The computer's camera: frames for a live preview, and the one frame the
//! user takes, encoded as a JPEG and read like any photo file. No egui.
//!
//! A [`FrameSource`] hands out frames one at a time; it is opened, used and
//! dropped on one thread (the UI's `camera` thread), so it need not be
//! `Send`. The app opens sources with an [`Opener`]: [`native::open`] (the
//! system's camera through `nokhwa`: V4L2 on Linux, Media Foundation on
//! Windows, `AVFoundation` on macOS) on a real machine; [`Synthetic`] in
//! tests and demos, which goes through the same preview and reading path.
//!
//! Nothing here writes a file: a frame reaches the disk only inside a
//! notice the user writes.

pub mod native;

use std::sync::Arc;
use std::time::Duration;

use image::RgbImage;

/// Something that gives frames: a camera, or a stand-in.
pub trait FrameSource {
    /// Waits for the next frame (about one frame's time) and returns it.
    fn next_frame(&mut self) -> Result<RgbImage, CameraError>;
}

/// Opens a frame source; called on the thread that will use it.
pub type Opener = Arc<dyn Fn() -> Result<Box<dyn FrameSource>, CameraError> + Send + Sync>;

/// The system's camera, for the app.
pub fn system_opener() -> Opener {
    Arc::new(native::open)
}

/// Why there are no frames. Each has a plain sentence for the user
/// ([`CameraError::message_id`]) and the system's own words for the helper
/// who reads the details.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CameraError {
    /// The system lists no camera.
    #[error("no camera was found on this computer")]
    NoCamera,
    /// Another program holds the camera.
    #[error("the camera is in use by another program ({0})")]
    Busy(String),
    /// The system does not let the app use the camera.
    #[error("the system did not allow the camera to be used ({0})")]
    Denied(String),
    /// It gave frames, then stopped (unplugged, or taken by the system).
    #[error("the camera stopped sending pictures ({0})")]
    Lost(String),
    /// Anything else, in the system's words.
    #[error("the camera could not be started ({0})")]
    Failed(String),
}

impl CameraError {
    /// The message id of the sentence shown to the user.
    pub fn message_id(&self) -> &'static str {
        match self {
            CameraError::NoCamera => "camera-none",
            CameraError::Busy(_) => "camera-busy",
            CameraError::Denied(_) => "camera-denied",
            CameraError::Lost(_) => "camera-lost",
            CameraError::Failed(_) => "camera-failed",
        }
    }

    /// What the system said, if anything.
    pub fn detail(&self) -> Option<&str> {
        match self {
            CameraError::NoCamera => None,
            CameraError::Busy(d)
            | CameraError::Denied(d)
            | CameraError::Lost(d)
            | CameraError::Failed(d) => Some(d),
        }
    }

    /// Sorts a failure to open the camera by the system's message: the
    /// camera libraries report errors as text, with the OS error inside
    /// (`EBUSY` is 16 and `EACCES` 13 on Linux; `0x80070005` is Windows'
    /// access denied, `0xC00D3704` its "in use by another application";
    /// macOS says "not authorized").
    pub fn from_open_failure(detail: String) -> CameraError {
        let lower = detail.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
        if has(&["busy", "os error 16", "in use", "0xc00d3704", "0xc00d3e85"]) {
            CameraError::Busy(detail)
        } else if has(&[
            "permission denied",
            "os error 13",
            "access is denied",
            "0x80070005",
            "not authorized",
            "not authorised",
            "denied",
        ]) {
            CameraError::Denied(detail)
        } else if has(&[
            "no such file",
            "no such device",
            "os error 2)",
            "os error 19",
        ]) {
            CameraError::NoCamera
        } else {
            CameraError::Failed(detail)
        }
    }
}

/// A stand-in camera: the same picture again and again, at a steady pace,
/// optionally failing after a number of frames.
#[derive(Clone)]
pub struct Synthetic {
    frame: RgbImage,
    interval: Duration,
    given: u64,
    fail_after: Option<(u64, CameraError)>,
}

impl Synthetic {
    /// Gives `frame` every `interval`.
    pub fn new(frame: RgbImage, interval: Duration) -> Self {
        Self {
            frame,
            interval,
            given: 0,
            fail_after: None,
        }
    }

    /// After `frames` good frames, fails with `error` (a camera unplugged).
    #[must_use]
    pub fn failing_after(mut self, frames: u64, error: CameraError) -> Self {
        self.fail_after = Some((frames, error));
        self
    }

    /// An opener that gives `frame` every `interval`, from a fresh start
    /// each time the camera is opened.
    pub fn opener(frame: RgbImage, interval: Duration) -> Opener {
        Synthetic::new(frame, interval).into_opener()
    }

    /// An opener that gives a fresh copy of this source each time.
    pub fn into_opener(self) -> Opener {
        Arc::new(move || Ok(Box::new(self.clone()) as Box<dyn FrameSource>))
    }

    /// An opener that always fails with `error` (no camera, busy, denied).
    pub fn failing_opener(error: CameraError) -> Opener {
        Arc::new(move || Err(error.clone()))
    }
}

impl FrameSource for Synthetic {
    fn next_frame(&mut self) -> Result<RgbImage, CameraError> {
        std::thread::sleep(self.interval);
        if let Some((after, error)) = &self.fail_after
            && self.given >= *after
        {
            return Err(error.clone());
        }
        self.given += 1;
        Ok(self.frame.clone())
    }
}

/// JPEG quality of a taken photo: high enough that the reader sees what the
/// preview showed (small print survives), about 0.4 MB for a 1280×720 frame.
const PHOTO_QUALITY: u8 = 92;

/// A taken frame as JPEG bytes, in memory: the same bytes the reader, the
/// preview and the notice get from a photo file.
pub fn encode_photo(frame: &RgbImage) -> Result<Vec<u8>, CameraError> {
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, PHOTO_QUALITY)
        .encode_image(frame)
        .map_err(|e| CameraError::Failed(e.to_string()))?;
    Ok(jpeg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_failures_are_sorted_by_the_systems_words() {
        let cases = [
            (
                "Could not open device: Device or resource busy (os error 16)",
                "camera-busy",
            ),
            (
                "Failed to open /dev/video0: Permission denied (os error 13)",
                "camera-denied",
            ),
            ("MF error 0x80070005: Access is denied.", "camera-denied"),
            ("The device is not authorized for capture", "camera-denied"),
            (
                "Failed to open /dev/video0: No such file or directory (os error 2)",
                "camera-none",
            ),
            ("Invalid argument (os error 22)", "camera-failed"),
        ];
        for (detail, id) in cases {
            assert_eq!(
                CameraError::from_open_failure(detail.to_owned()).message_id(),
                id,
                "{detail}"
            );
        }
        // The system's words are kept for the details line.
        assert_eq!(
            CameraError::from_open_failure("Invalid argument (os error 22)".into()).detail(),
            Some("Invalid argument (os error 22)")
        );
    }

    #[test]
    fn a_synthetic_camera_gives_its_frame_then_fails_when_told() {
        let frame = RgbImage::from_pixel(4, 3, image::Rgb([10, 20, 30]));
        let mut source = Synthetic::new(frame.clone(), Duration::ZERO)
            .failing_after(2, CameraError::Lost("unplugged".into()));
        assert_eq!(source.next_frame().unwrap(), frame);
        assert_eq!(source.next_frame().unwrap(), frame);
        assert_eq!(
            source.next_frame(),
            Err(CameraError::Lost("unplugged".into()))
        );
    }

    #[test]
    fn a_taken_frame_is_a_jpeg_the_photo_decoder_reads_back() {
        let mut frame = RgbImage::new(64, 48);
        for (x, _, px) in frame.enumerate_pixels_mut() {
            let v = u8::try_from(x * 4).unwrap_or(u8::MAX);
            *px = image::Rgb([v, v, v]);
        }
        let jpeg = encode_photo(&frame).unwrap();
        assert_eq!(jpeg.get(..3), Some(&[0xFF, 0xD8, 0xFF][..]), "JPEG magic");
        let back = crate::picture::decode_rgb(&jpeg, 4096).unwrap().pixels;
        assert_eq!(back.dimensions(), (64, 48));
        // A gradient survives: left dark, right light.
        assert!(back.get_pixel(2, 24)[0] < 30);
        assert!(back.get_pixel(61, 24)[0] > 220);
    }
}
