//! One file per screen. Each has the same shape,
//! `fn ui(ui, &StepCtx, &mut State) -> Option<Action>`: it reads the app
//! through the [`StepCtx`], edits only its own `State` (for guidance and
//! notice, the notice form they show), and asks for every other change with
//! an [`Action`](super::wizard::Action) that the app applies after the frame.

pub mod counter;
pub mod counter_sheet;
pub mod guidance;
pub mod identify;
pub mod leaflet;
pub mod notice;
pub mod register;
pub mod result;
pub mod welcome;

use std::path::{Path, PathBuf};

use crate::catalog::Catalog;
use crate::guidance::Role;
use crate::i18n::Lang;
use crate::identify::Verdict;
use crate::update::{ActiveList, Verifier};

use super::dialogs::Dialogs;
use super::prefs::CounterPrefs;
use super::theme::Look;

/// What every screen may read. Built by the app for each frame.
pub struct StepCtx<'a> {
    /// Language in use.
    pub lang: Lang,
    /// Who uses the app.
    pub role: Role,
    /// Text size and contrast.
    pub look: Look,
    /// Address of the published list; empty for the default feed.
    pub feed_url: &'a str,
    /// The list in use.
    pub list: &'a ActiveList,
    /// The list's models (`&list.catalog`).
    pub catalog: &'a Catalog,
    /// The verdict, once there is one.
    pub verdict: Option<&'a Verdict>,
    /// When the verdict was reached.
    pub checked_at: &'a jiff::Zoned,
    /// Photos of the label chosen for this check.
    pub photo_paths: &'a [PathBuf],
    /// Photos taken with the computer's camera for this check (in memory).
    pub taken_photos: &'a [std::sync::Arc<crate::notice::PhotoFile>],
    /// Opens the computer's camera (a stand-in in tests).
    pub camera: &'a crate::camera::Opener,
    /// Names of those that could not be read as pictures.
    pub unreadable_photos: &'a [String],
    /// Where the app keeps its files; `None` keeps nothing on disk.
    pub data_dir: Option<&'a Path>,
    /// How save dialogs are answered.
    pub dialogs: &'a Dialogs,
    /// Checks the signature of list updates.
    pub verifier: &'a Verifier,
    /// A saved notice was picked up at start.
    pub restored: bool,
    /// The pharmacy counter's settings.
    pub counter: &'a CounterPrefs,
    /// The counter's checks per day (numbers only).
    pub tally: &'a crate::tally::Tally,
    /// The owner of the files written for the patient or the notice.
    pub files: &'a crate::ui::patient_files::PatientFiles,
    /// The print programs (CUPS's; stand-ins in tests).
    pub print: &'a crate::print::PrintSystem,
}
