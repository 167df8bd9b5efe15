//! What the app remembers between runs: language, role, look, the family
//! doctor, the list's feed address. Kept in eframe's storage.

use serde::{Deserialize, Serialize};

use super::theme::Look;
use crate::guidance::Role;
use crate::i18n::Lang;

/// What the app remembers between runs (eframe storage).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Prefs {
    /// Language chosen.
    pub lang: Lang,
    /// Who uses the app.
    pub role: Role,
    /// Text size and contrast.
    pub look: Look,
    /// The family doctor's name.
    pub gp_name: String,
    /// The family doctor's e-mail.
    pub gp_email: String,
    /// Address of the published list; empty for the default feed.
    pub feed_url: String,
    /// The pharmacy counter's settings.
    pub counter: CounterPrefs,
}

/// What the pharmacy counter remembers between patients and runs. Nothing
/// here is about a patient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct CounterPrefs {
    /// The pharmacy's name, printed on the patient sheet.
    pub pharmacy_name: String,
    /// Its address (and phone), printed under the name.
    pub pharmacy_address: String,
    /// The printer chosen for patient sheets; `None` for the system default.
    pub printer: Option<String>,
    /// Keep a count of checks per day and verdict (no model, serial or name).
    pub keep_tally: bool,
}

/// Key of the preferences in eframe's storage.
pub(crate) const PREFS_KEY: &str = "monitor-check-prefs";
