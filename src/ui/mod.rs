//! Everything egui: the window, the app state and its actions, one file per
//! screen, the theme.

mod app;
pub(crate) mod jobs;
pub(crate) mod photo_reading;
mod prefs;
mod state;
pub(crate) mod steps;
pub(crate) mod theme;
mod widgets;
pub mod wizard;

use std::process::ExitCode;
use std::time::Instant;

pub use app::MonitorCheckApp;
pub use prefs::Prefs;
pub use state::{AppConfig, AppState};

/// Opens the app window and runs until it is closed.
/// `photos` are opened on the identify step, as if dropped on the window.
pub fn run(photos: Vec<std::path::PathBuf>) -> ExitCode {
    let started = Instant::now();
    let mut config = AppConfig::from_system();
    config.initial_photos = photos;
    // Set by the developers' startup measurement (see README): the time to
    // the first drawn frame is printed to stderr.
    if std::env::var_os("MONITOR_CHECK_STARTUP_TIMING").is_some() {
        config.started = Some(started);
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Monitor Check")
            .with_app_id("monitor-check")
            .with_inner_size([1000.0, 780.0])
            .with_min_inner_size([560.0, 480.0]),
        ..Default::default()
    };
    match eframe::run_native(
        "monitor-check",
        options,
        Box::new(move |cc| Ok(Box::new(MonitorCheckApp::new(cc, config)))),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("monitor-check: the window could not be opened: {e}");
            eprintln!("monitor-check: the command line still works: monitor-check --help");
            ExitCode::from(1)
        }
    }
}
