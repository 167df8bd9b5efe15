//! The system's camera through `nokhwa`: the first camera the system lists,
//! at its highest resolution (small print needs pixels more than a smooth
//! preview does). Motion-JPEG frames are decoded by the same `image`
//! decoder as photo files; raw formats (YUYV, NV12, grey) by `nokhwa`.

use std::time::Duration;

use image::RgbImage;
use nokhwa::Camera;
use nokhwa::pixel_format::RgbFormat;
use nokhwa::utils::{FrameFormat, RequestedFormat, RequestedFormatType};

use super::{CameraError, FrameSource};

/// Largest frame accepted, in pixels (a 4K camera gives 8.3 million);
/// anything larger is a broken driver, refused before it fills memory.
const MAX_FRAME_PIXELS: u64 = 16_000_000;

/// An open camera, streaming.
struct Native {
    camera: Camera,
}

/// How long the system's "allow the camera?" question may wait for the
/// user (macOS asks once; elsewhere the answer is immediate).
const PERMISSION_WAIT: Duration = Duration::from_mins(2);

/// Opens the first camera the system lists. Can take a second or two
/// (drivers power the sensor up), or as long as the user takes to answer
/// the system's permission question: call it off the UI thread.
pub fn open() -> Result<Box<dyn FrameSource>, CameraError> {
    ask_permission()?;
    let backend = nokhwa::native_api_backend().ok_or(CameraError::NoCamera)?;
    let cameras =
        nokhwa::query(backend).map_err(|e| CameraError::from_open_failure(e.to_string()))?;
    let first = cameras.first().ok_or(CameraError::NoCamera)?;
    let format = RequestedFormat::new::<RgbFormat>(RequestedFormatType::AbsoluteHighestResolution);
    let mut camera = Camera::new(first.index().clone(), format)
        .map_err(|e| CameraError::from_open_failure(e.to_string()))?;
    camera
        .open_stream()
        .map_err(|e| CameraError::from_open_failure(e.to_string()))?;
    Ok(Box::new(Native { camera }))
}

/// Asks the system for the camera where it wants that asked first (macOS:
/// the app's `NSCameraUsageDescription` is shown to the user); elsewhere
/// `nokhwa` answers yes at once.
fn ask_permission() -> Result<(), CameraError> {
    if nokhwa::nokhwa_check() {
        return Ok(());
    }
    let (tx, rx) = std::sync::mpsc::channel();
    nokhwa::nokhwa_initialize(move |granted| {
        let _ = tx.send(granted);
    });
    match rx.recv_timeout(PERMISSION_WAIT) {
        Ok(true) => Ok(()),
        Ok(false) => Err(CameraError::Denied("camera access refused".to_owned())),
        Err(_) => Err(CameraError::Denied(
            "no answer to the camera permission question".to_owned(),
        )),
    }
}

impl FrameSource for Native {
    fn next_frame(&mut self) -> Result<RgbImage, CameraError> {
        let buffer = self
            .camera
            .frame()
            .map_err(|e| CameraError::Lost(e.to_string()))?;
        let resolution = buffer.resolution();
        let pixels = u64::from(resolution.width()) * u64::from(resolution.height());
        if pixels == 0 || pixels > MAX_FRAME_PIXELS {
            return Err(CameraError::Lost(format!(
                "frame of {}×{} pixels",
                resolution.width(),
                resolution.height()
            )));
        }
        match buffer.source_frame_format() {
            FrameFormat::MJPEG => {
                image::load_from_memory_with_format(buffer.buffer(), image::ImageFormat::Jpeg)
                    .map(image::DynamicImage::into_rgb8)
                    .map_err(|e| CameraError::Lost(e.to_string()))
            }
            _ => buffer
                .decode_image::<RgbFormat>()
                .map_err(|e| CameraError::Lost(e.to_string())),
        }
    }
}

impl Drop for Native {
    fn drop(&mut self) {
        // Frees the device for other programs; nothing to do if it is gone.
        let _ = self.camera.stop_stream();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On a machine with no video device, opening says so plainly (the CI
    /// machines have none; with a camera attached this checks nothing).
    #[cfg(target_os = "linux")]
    #[test]
    fn with_no_video_device_the_camera_is_reported_missing() {
        let any_device = std::fs::read_dir("/dev").is_ok_and(|dir| {
            dir.flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("video"))
        });
        if any_device {
            return;
        }
        assert!(matches!(open(), Err(CameraError::NoCamera)));
    }
}
