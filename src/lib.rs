//! Monitor Check: finds out whether a patient monitor is one of the Contec
//! models with a known backdoor, and helps the carer act on it.
//!
//! Crate map (dependencies point down this list, never up):
//! - [`ui`]: the egui wizard (the only module that knows egui).
//! - `maintain` (only with the cargo feature `maintain`, which the release
//!   build leaves out): the maintainers' tools, CSAF import and `bench`.
//!   `cli` routes `import-csaf` and `bench` to it and passes the list in
//!   use in; it reads photos and writes notices with the code the CLI runs
//!   (`photos`, `notice`), so a timing measures what carers run.
//! - [`cli`]: the command line over the same core.
//! - `console`: what `cli` and `maintain` share: standard output that a
//!   closed pipe ends quietly.
//! - [`leaflet`]: the family doctor's one-page leaflet for patients (PDF
//!   with a QR code), and the doctor card that carries the doctor's name
//!   and e-mail address to the patient's app.
//! - [`register`]: the family doctor's register of received notices (SQLite).
//! - [`notice`]: the notice for the family doctor (text, PDF, e-mail, draft).
//! - [`explain`]: a verdict in plain sentences (shared by app, CLI, notice).
//! - [`guidance`]: what to do, per verdict and role, each step with its source.
//! - [`drawing`]: the app's drawings as shapes, for the screen and paper.
//! - [`print`]: printing a file on paper (CUPS `lp`/`lpstat`, Windows' print
//!   verb), with a deadline; no egui.
//! - [`identify`]: evidence (typed text, UDI, photo lines) → verdict.
//! - [`photos`]: photo files → their text (`read_photo`) → readings for
//!   the matcher.
//! - [`ocr`]: photo → text lines and barcodes.
//! - [`model_line`]: whether a line could carry a model name, without the
//!   list (the reader's pick of its best pass); depends on nothing.
//! - [`camera`]: the computer's camera (live frames, the photo taken), and
//!   a stand-in camera for tests; no egui.
//! - [`picture`]: photo bytes → upright pixels: the one guarded decoder.
//! - [`update`]: fetching and verifying signed list updates.
//! - [`catalog`]: the list of affected models.
//! - [`i18n`]: languages and translated strings.
//! - [`tally`]: the counter's checks per day and verdict, numbers only.
//! - [`datadir`]: the one data folder of the window and the command line
//!   (local, never roaming), and the move from where older versions kept it.
//! - [`applog`]: the app's log file in the data folder (rotated daily,
//!   kept 7 days, no patient data), started by the front ends.
//! - [`fsutil`]: every file read (capped) and written (atomically), with
//!   errors that name the file.
//!
//! Core modules never read the clock, the environment or the user's files
//! by themselves: callers pass those in.
//!
//! Each module's public face is what its `mod.rs` re-exports; the files
//! behind it are `pub(crate)` or private, so code that nothing uses is
//! reported by the compiler.

pub mod applog;
pub mod camera;
pub mod catalog;
pub mod cli;
mod console;
pub mod datadir;
pub mod drawing;
pub mod explain;
pub mod fsutil;
pub mod guidance;
pub mod i18n;
pub mod identify;
pub mod leaflet;
#[cfg(feature = "maintain")]
pub mod maintain;
pub mod model_line;
pub mod notice;
pub mod ocr;
pub mod photos;
pub mod picture;
pub mod print;
pub mod register;
pub mod tally;
pub mod ui;
pub mod update;

/// The app's version, as printed in notices.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
