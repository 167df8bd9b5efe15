//! What to do, per verdict and role; every step names its source.
//!
//! The steps are data: a message id for the sentence (in
//! `assets/i18n/*/guidance.ftl`) and the ids of the list's sources that say
//! it. The wording is ours and calm; the advice is the authorities'.

use serde::{Deserialize, Serialize};

use crate::identify::VerdictKind;

/// Who is using the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A family member or carer at home.
    #[default]
    Carer,
    /// A pharmacist at the counter.
    Pharmacist,
    /// A family doctor or paediatrician.
    Gp,
}

/// A sign that the monitor may have been tampered with, as ticked by the
/// user on the guidance step. Any ticked sign makes the notice a report of a
/// possible serious incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum TamperSign {
    /// Readings that do not match how the patient is.
    ReadingsMismatch,
    /// The monitor restarted by itself.
    UnexpectedRestart,
    /// Settings or alarm limits changed without anyone changing them.
    SettingsChanged,
    /// The network or Wi-Fi turned itself back on.
    NetworkTurnedOn,
}

impl TamperSign {
    /// Every sign, in the order the checklist shows them.
    pub const ALL: [TamperSign; 4] = [
        TamperSign::ReadingsMismatch,
        TamperSign::UnexpectedRestart,
        TamperSign::SettingsChanged,
        TamperSign::NetworkTurnedOn,
    ];

    /// Message id of its sentence in the translation files.
    pub fn message_id(self) -> &'static str {
        match self {
            TamperSign::ReadingsMismatch => "tamper-readings-mismatch",
            TamperSign::UnexpectedRestart => "tamper-unexpected-restart",
            TamperSign::SettingsChanged => "tamper-settings-changed",
            TamperSign::NetworkTurnedOn => "tamper-network-turned-on",
        }
    }
}

/// How the monitor was connected when it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Connection {
    /// Not known.
    #[default]
    Unknown,
    /// Not connected to anything.
    None,
    /// A network cable.
    Cable,
    /// Wi-Fi.
    WiFi,
    /// A central monitoring station.
    CentralStation,
}

impl Connection {
    /// Every choice, in the order the form shows them.
    pub const ALL: [Connection; 5] = [
        Connection::Unknown,
        Connection::None,
        Connection::Cable,
        Connection::WiFi,
        Connection::CentralStation,
    ];

    /// Message id of its label in the translation files.
    pub fn message_id(self) -> &'static str {
        match self {
            Connection::Unknown => "connection-unknown",
            Connection::None => "connection-none",
            Connection::Cable => "connection-cable",
            Connection::WiFi => "connection-wifi",
            Connection::CentralStation => "connection-central",
        }
    }
}

impl Role {
    /// Every role, in the order the welcome step offers them.
    pub const ALL: [Role; 3] = [Role::Carer, Role::Pharmacist, Role::Gp];

    /// Message id of its label in the translation files.
    pub fn message_id(self) -> &'static str {
        match self {
            Role::Carer => "role-carer",
            Role::Pharmacist => "role-pharmacist",
            Role::Gp => "role-gp",
        }
    }
}

/// Source ids as they appear in the list (`affected-models.json`).
pub mod source_ids {
    /// CISA ICSMA-25-030-01.
    pub const CISA: &str = "cisa-icsma-25-030-01";
    /// FDA safety communication of 30 Jan 2025.
    pub const FDA: &str = "fda-2025-01-30";
    /// Italian Ministry of Health note of 7 Feb 2025.
    pub const MINISTRY: &str = "minsal-2025-02-07";
    /// Italian Ministry update of 24 Feb 2025 (relayed by FOFI).
    pub const MINISTRY_UPDATE: &str = "minsal-2025-02-24";
    /// BfArM notice, updated 3 Mar 2025.
    pub const BFARM: &str = "bfarm-2025";
    /// D.Lgs. 137/2022, art. 10.
    pub const DLGS_137: &str = "dlgs-137-2022";
}

/// How much a step matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Weight {
    /// Do this now.
    Urgent,
    /// Do this soon.
    Normal,
    /// Good to know.
    Info,
}

/// One thing to do, with the sources that say it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// Message id of the sentence.
    pub message_id: &'static str,
    /// Source ids from the list.
    pub sources: &'static [&'static str],
    /// How much it matters.
    pub weight: Weight,
}

const fn step(message_id: &'static str, sources: &'static [&'static str], weight: Weight) -> Step {
    Step {
        message_id,
        sources,
        weight,
    }
}

use source_ids::{BFARM, CISA, DLGS_137, FDA, MINISTRY, MINISTRY_UPDATE};

const UNPLUG: Step = step(
    "guide-unplug",
    &[CISA, FDA, MINISTRY, BFARM],
    Weight::Urgent,
);
const REMOTE_QUESTION: Step = step("guide-remote-question", &[FDA], Weight::Urgent);
const REMOTE_YES: Step = step("guide-remote-yes", &[FDA], Weight::Normal);
const REMOTE_NO: Step = step("guide-remote-no", &[FDA, BFARM], Weight::Normal);
const NO_UPDATE: Step = step("guide-no-update", &[CISA], Weight::Normal);
const NO_C_KEY: Step = step("guide-no-c-key", &[CISA], Weight::Normal);
const CHECK_TAMPER: Step = step("guide-check-tampering", &[MINISTRY], Weight::Normal);
const TELL_GP: Step = step(
    "guide-tell-gp",
    &[MINISTRY, MINISTRY_UPDATE],
    Weight::Normal,
);
const TAMPER_SERIOUS: Step = step("guide-tamper-serious", &[MINISTRY, DLGS_137], Weight::Info);
const BLOCK_RANGE: Step = step("guide-block-range", &[CISA], Weight::Normal);
const GP_FIND_PATIENTS: Step = step("guide-gp-find-patients", &[MINISTRY], Weight::Normal);
const GP_REPORT: Step = step("guide-gp-report", &[MINISTRY, DLGS_137], Weight::Info);
const FSCA: Step = step("guide-fsca", &[BFARM], Weight::Info);

const UNKNOWN_PRECAUTION: Step = step("guide-unknown-precaution", &[CISA, FDA], Weight::Urgent);
const UNKNOWN_IDENTIFY: Step = step("guide-unknown-identify", &[MINISTRY], Weight::Normal);
const UNKNOWN_ASK_GP: Step = step("guide-unknown-ask-gp", &[MINISTRY], Weight::Normal);

const NOT_LISTED_CHECK: Step = step("guide-not-listed-check", &[MINISTRY_UPDATE], Weight::Normal);
const NOT_LISTED_SIGNS: Step = step("guide-not-listed-signs", &[MINISTRY], Weight::Info);
const NOT_LISTED_UPDATES: Step = step("guide-not-listed-updates", &[MINISTRY_UPDATE], Weight::Info);

/// The steps for a verdict and a role, in the order to do them.
pub fn steps(verdict: VerdictKind, role: Role) -> Vec<Step> {
    match verdict {
        VerdictKind::Affected => {
            let mut out = vec![
                UNPLUG,
                REMOTE_QUESTION,
                REMOTE_YES,
                REMOTE_NO,
                NO_UPDATE,
                NO_C_KEY,
                CHECK_TAMPER,
            ];
            match role {
                Role::Carer => out.push(TELL_GP),
                Role::Pharmacist => {
                    out.push(BLOCK_RANGE);
                    out.push(TELL_GP);
                }
                Role::Gp => {
                    out.push(BLOCK_RANGE);
                    out.push(GP_FIND_PATIENTS);
                    out.push(GP_REPORT);
                }
            }
            out.push(TAMPER_SERIOUS);
            out.push(FSCA);
            out
        }
        VerdictKind::Unknown => {
            let mut out = vec![UNKNOWN_PRECAUTION, UNKNOWN_IDENTIFY];
            if role == Role::Gp {
                out.push(GP_FIND_PATIENTS);
            } else {
                out.push(UNKNOWN_ASK_GP);
            }
            out.push(CHECK_TAMPER);
            out
        }
        VerdictKind::NotAffected => vec![NOT_LISTED_CHECK, NOT_LISTED_SIGNS, NOT_LISTED_UPDATES],
    }
}

/// Whether the tampering checklist applies: whenever the device may be one
/// of the listed models.
pub fn asks_about_tampering(verdict: VerdictKind) -> bool {
    verdict != VerdictKind::NotAffected
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::i18n::{self, Lang};

    const VERDICTS: [VerdictKind; 3] = [
        VerdictKind::Affected,
        VerdictKind::NotAffected,
        VerdictKind::Unknown,
    ];

    #[test]
    fn every_step_is_translated_and_sourced_from_the_list() {
        let catalog = Catalog::bundled();
        for verdict in VERDICTS {
            for role in Role::ALL {
                for s in steps(verdict, role) {
                    for lang in Lang::ALL {
                        assert!(
                            i18n::has(lang, s.message_id),
                            "{lang:?} lacks {}",
                            s.message_id
                        );
                    }
                    assert!(!s.sources.is_empty(), "{} has no source", s.message_id);
                    for id in s.sources {
                        assert!(
                            catalog.source(id).is_some(),
                            "{} cites unknown source {id}",
                            s.message_id
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn affected_starts_with_unplugging_for_everyone() {
        for role in Role::ALL {
            let s = steps(VerdictKind::Affected, role);
            assert_eq!(s.first().map(|s| s.message_id), Some("guide-unplug"));
            assert!(s.iter().any(|s| s.message_id == "guide-no-c-key"));
        }
    }

    #[test]
    fn only_professionals_are_told_to_block_the_address_range() {
        let has_block = |role| {
            steps(VerdictKind::Affected, role)
                .iter()
                .any(|s| s.message_id == "guide-block-range")
        };
        assert!(!has_block(Role::Carer));
        assert!(has_block(Role::Pharmacist));
        assert!(has_block(Role::Gp));
    }

    #[test]
    fn unknown_is_treated_with_precaution_not_as_clear() {
        let s = steps(VerdictKind::Unknown, Role::Carer);
        assert_eq!(
            s.first().map(|s| s.message_id),
            Some("guide-unknown-precaution")
        );
        assert!(asks_about_tampering(VerdictKind::Unknown));
        assert!(!asks_about_tampering(VerdictKind::NotAffected));
    }

    #[test]
    fn tamper_signs_and_connections_are_translated() {
        for lang in Lang::ALL {
            for sign in TamperSign::ALL {
                assert!(i18n::has(lang, sign.message_id()));
            }
            for c in Connection::ALL {
                assert!(i18n::has(lang, c.message_id()));
            }
            for r in Role::ALL {
                assert!(i18n::has(lang, r.message_id()));
            }
        }
    }
}
