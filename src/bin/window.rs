//! The app window alone, without a console: on Windows this is
//! `Monitor Check.exe`, which the Start menu, the desktop and "Open with"
//! start, so no console window opens behind the app. `monitor-check.exe`
//! stays a console program for the command line, so that `cmd.exe` and
//! PowerShell wait for it, print what it says and get its exit code.
//! (A program of the Windows subsystem can do neither: the shell does not
//! wait for it, and it has no console to print to.)
//!
//! Elsewhere this program is not shipped: `monitor-check` opens the window
//! when it is given no command.

#![cfg_attr(windows, windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    monitor_check::cli::window_main(std::env::args_os().skip(1))
}
