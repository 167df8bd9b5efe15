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
}

/// Key of the preferences in eframe's storage.
pub(crate) const PREFS_KEY: &str = "monitor-check-prefs";
