//! Everything egui: the window, the app state and its actions, one file per
//! screen, the theme.

mod about;
mod app;
mod camera;
mod dialogs;
pub(crate) mod jobs;
pub mod patient_files;
pub(crate) mod photo_reading;
mod pictures;
mod prefs;
mod state;
pub(crate) mod steps;
pub(crate) mod theme;
mod widgets;
pub mod wizard;

use std::process::ExitCode;
use std::time::Instant;

pub use app::MonitorCheckApp;
pub use dialogs::Dialogs;
pub use prefs::Prefs;
pub use state::{AppConfig, AppState, Mode};

/// The desktop's name for the app: the `.desktop` file, the `AppStream`
/// metainfo and the icon under `packaging/` carry it too, so that the desktop
/// matches the window to its menu entry.
pub const APP_ID: &str = "io.github.monitor_check.MonitorCheck";

/// The folder name eframe keeps the preferences under (unchanged since the
/// first version, so nobody's settings are lost).
const STORAGE_NAME: &str = "monitor-check";

/// The window icon, the same artwork as the menu icon at 256 px.
const WINDOW_ICON_PNG: &[u8] = include_bytes!("../../assets/icon-256.png");

/// Decodes the window icon; without it the window gets the system's default.
fn window_icon() -> Option<egui::IconData> {
    let icon = image::load_from_memory_with_format(WINDOW_ICON_PNG, image::ImageFormat::Png)
        .ok()?
        .into_rgba8();
    let (width, height) = icon.dimensions();
    Some(egui::IconData {
        rgba: icon.into_raw(),
        width,
        height,
    })
}

/// Opens the app window and runs until it is closed.
/// `photos` are opened on the identify step, as if dropped on the window.
/// With `counter`, it opens on the pharmacy counter.
/// `resolved` is the data folder the front end found (its log is there).
pub fn run(
    photos: Vec<std::path::PathBuf>,
    counter: bool,
    resolved: crate::datadir::Resolved,
) -> ExitCode {
    let started = Instant::now();
    let mut config = AppConfig::from_system(resolved);
    // A doctor card given with the photos ("Open with") is read here,
    // before the window: it fills in the doctor.
    let (cards, photos): (Vec<_>, Vec<_>) = photos.into_iter().partition(|p| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    });
    for card in &cards {
        match steps::leaflet::read_card(card) {
            Ok(doctor) => config.doctor = Some(doctor),
            Err(e) => {
                eprintln!("monitor-check: {e}");
                // The error names the file: the log says only what failed.
                log::info!("a doctor card opened with the app could not be read");
            }
        }
    }
    config.initial_photos = photos;
    config.counter = counter;
    // Set by the developers' startup measurement (see README): the time to
    // the first drawn frame is printed to stderr.
    if std::env::var_os("MONITOR_CHECK_STARTUP_TIMING").is_some() {
        config.started = Some(started);
    }
    // For developers without a camera (see README): a stand-in that shows
    // a photo as the camera's frames, or fails as a camera can. Debug
    // builds only: left set on a carer's computer, it would put a photo's
    // label in place of the monitor held to the camera.
    if let Some(fake) = std::env::var_os(FAKE_CAMERA_ENV) {
        #[cfg(debug_assertions)]
        {
            config.camera = stand_in_camera(&fake);
        }
        #[cfg(not(debug_assertions))]
        {
            let _ = fake;
            eprintln!(
                "monitor-check: {FAKE_CAMERA_ENV} is ignored: stand-in cameras exist only in \
                 debug builds"
            );
        }
    }
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Monitor Check")
        .with_app_id(APP_ID)
        .with_inner_size([1100.0, 800.0])
        .with_min_inner_size([560.0, 480.0]);
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        // eframe would otherwise name its settings folder after the app id:
        // keep the preferences where earlier versions saved them.
        persistence_path: eframe::storage_dir(STORAGE_NAME).map(|dir| dir.join("app.ron")),
        ..Default::default()
    };
    match eframe::run_native(
        STORAGE_NAME,
        options,
        Box::new(move |cc| Ok(Box::new(MonitorCheckApp::new(cc, config)))),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            log::error!("the window could not be opened: {e}");
            eprintln!("monitor-check: the command line still works: monitor-check --help");
            ExitCode::from(1)
        }
    }
}

/// Names a stand-in camera, for developers (debug builds only).
const FAKE_CAMERA_ENV: &str = "MONITOR_CHECK_FAKE_CAMERA";

/// The stand-in camera named by `MONITOR_CHECK_FAKE_CAMERA`: `none`,
/// `busy`, `denied`, `lost` (stops after two seconds), or a photo's path.
#[cfg(debug_assertions)]
fn stand_in_camera(fake: &std::ffi::OsStr) -> crate::camera::Opener {
    use crate::camera::{CameraError, Synthetic};
    /// About 15 frames a second, as a webcam in dim light.
    const INTERVAL: std::time::Duration = std::time::Duration::from_millis(66);
    /// A full-HD webcam's long side.
    const FRAME_MAX_SIDE_PX: u32 = 1920;
    let said = || "stand-in camera (MONITOR_CHECK_FAKE_CAMERA)".to_owned();
    let photo = |path: &std::path::Path| {
        crate::photos::read_file(path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                crate::picture::decode_rgb(&bytes, FRAME_MAX_SIDE_PX).map_err(|e| e.to_string())
            })
            .map(|p| p.pixels)
    };
    match fake.to_str() {
        Some("none") => Synthetic::failing_opener(CameraError::NoCamera),
        Some("busy") => Synthetic::failing_opener(CameraError::Busy(said())),
        Some("denied") => Synthetic::failing_opener(CameraError::Denied(said())),
        Some("lost") => {
            let frame = image::RgbImage::from_pixel(640, 480, image::Rgb([90, 90, 90]));
            Synthetic::new(frame, INTERVAL)
                .failing_after(30, CameraError::Lost(said()))
                .into_opener()
        }
        _ => match photo(std::path::Path::new(fake)) {
            Ok(frame) => Synthetic::opener(frame, INTERVAL),
            Err(e) => Synthetic::failing_opener(CameraError::Failed(e)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_icon_decodes_to_256_px_with_transparent_corners() {
        let icon = window_icon().unwrap();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // The top-left pixel is outside the drawing: fully transparent.
        assert_eq!(icon.rgba.get(3), Some(&0));
        // Some pixel is opaque: the artwork is there.
        assert!(icon.rgba.chunks_exact(4).any(|px| px.get(3) == Some(&255)));
    }

    #[test]
    fn the_app_id_names_the_desktop_files() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging");
        let desktop = root.join(format!("{APP_ID}.desktop"));
        let metainfo = root.join(format!("{APP_ID}.metainfo.xml"));
        let svg = root.join(format!("icons/hicolor/scalable/apps/{APP_ID}.svg"));
        for path in [&desktop, &metainfo, &svg] {
            assert!(path.is_file(), "{} is missing", path.display());
        }
        let desktop = std::fs::read_to_string(desktop).unwrap();
        assert!(desktop.contains(&format!("Icon={APP_ID}\n")));
        assert!(desktop.contains(&format!("StartupWMClass={APP_ID}\n")));
        let metainfo = std::fs::read_to_string(metainfo).unwrap();
        assert!(metainfo.contains(&format!("<id>{APP_ID}</id>")));
        assert!(metainfo.contains(&format!("{APP_ID}.desktop")));
    }
}
