//! Everything egui: the app, the wizard state, one file per step, the theme.

pub mod theme;
pub mod wizard;

use std::process::ExitCode;

/// Opens the app window and runs until it is closed.
pub fn run() -> ExitCode {
    ExitCode::SUCCESS
}
