//! What the notice says: the form the user fills (also the autosaved draft)
//! and the [`Notice`] value built from it, the verdict and the list.
//!
//! Nothing here is in a particular language: the writers (text, PDF,
//! e-mail) turn a [`Notice`] into words through the translation files.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::catalog::{Advisory, Catalog, Source};
use crate::guidance::{Connection, Role, TamperSign};
use crate::identify::{Origin, Verdict};

/// Sources the notice always cites when the list has them, in this order:
/// the CISA advisory, the Italian Ministry's note of 7 Feb 2025 and its
/// update of 24 Feb 2025, the FDA communication. Ids the list does not
/// have are skipped.
const KEY_SOURCE_IDS: &[&str] = &[
    "cisa-icsma-25-030-01",
    "minsal-2025-02-07",
    "minsal-2025-02-24",
    "fda-2025-01-30",
];

/// Added when the notice reports a possible serious incident: the statute
/// that makes reporting a duty.
pub(crate) const INCIDENT_SOURCE_IDS: &[&str] = &["dlgs-137-2022"];

/// Age band of the patient, printed instead of a name by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeBand {
    /// Under 18: the family paediatrician (PLS) may be the one to tell.
    Under18,
    /// 18 to 64.
    From18To64,
    /// 65 to 79.
    From65To79,
    /// 80 or more.
    From80,
}

impl AgeBand {
    /// Every band, in the order the form shows them.
    pub const ALL: [AgeBand; 4] = [
        AgeBand::Under18,
        AgeBand::From18To64,
        AgeBand::From65To79,
        AgeBand::From80,
    ];

    /// Message id of its label in the translation files.
    pub fn message_id(self) -> &'static str {
        match self {
            AgeBand::Under18 => "notice-age-under-18",
            AgeBand::From18To64 => "notice-age-18-64",
            AgeBand::From65To79 => "notice-age-65-79",
            AgeBand::From80 => "notice-age-80-plus",
        }
    }
}

/// How the device was identified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentifiedBy {
    /// The label's text was typed.
    Typed,
    /// The label's text was read from a photo.
    Photo,
    /// A barcode on the label was decoded.
    Barcode,
}

impl IdentifiedBy {
    /// Every way, in the order the form shows them.
    pub const ALL: [IdentifiedBy; 3] = [
        IdentifiedBy::Typed,
        IdentifiedBy::Photo,
        IdentifiedBy::Barcode,
    ];

    /// Message id of its label in the translation files.
    pub fn message_id(self) -> &'static str {
        match self {
            IdentifiedBy::Typed => "notice-identified-typed",
            IdentifiedBy::Photo => "notice-identified-photo",
            IdentifiedBy::Barcode => "notice-identified-barcode",
        }
    }
}

/// The device as the user confirmed it (prefilled from what was read).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeviceDetails {
    /// Legal manufacturer, e.g. `Contec Medical Systems Co., Ltd`.
    pub manufacturer: String,
    /// Brand or importer printed on the device, e.g. `Gima`.
    pub brand: String,
    /// Model, e.g. `CMS8000`.
    pub model: String,
    /// Importer or distributor code, e.g. `35152`.
    pub importer_code: String,
    /// Serial number.
    pub serial: String,
    /// Manufacture date as printed.
    pub manufactured: String,
    /// UDI as read (raw).
    pub udi: String,
    /// Firmware version, if the monitor shows it.
    pub firmware: String,
}

/// The user's answer to a yes/no question of the form. A question nobody
/// answered stays [`Answer::NotAnswered`]: the notice must never turn
/// silence into "no".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Nobody answered.
    #[default]
    NotAnswered,
    /// Yes (for a sign of tampering: seen).
    Yes,
    /// No (for a sign of tampering: looked for and not seen).
    No,
}

impl Answer {
    /// Every answer, in the order the form offers them.
    pub const ALL: [Answer; 3] = [Answer::Yes, Answer::No, Answer::NotAnswered];

    /// Whether the user answered at all.
    pub fn is_answered(self) -> bool {
        self != Answer::NotAnswered
    }

    /// Message id of this answer about a sign of tampering: "I noticed it"
    /// on screen, "seen" on the notice (its `.notice` attribute).
    pub fn sign_message_id(self) -> &'static str {
        match self {
            Answer::Yes => "tamper-answer-seen",
            Answer::No => "tamper-answer-not-seen",
            Answer::NotAnswered => "tamper-answer-not-checked",
        }
    }
}

/// What was done with the monitor, and when.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionsTaken {
    /// Whether the network cable was unplugged.
    pub cable_unplugged: Answer,
    /// Whether Wi-Fi was turned off.
    pub wifi_off: Answer,
    /// Whether the monitor is still used locally.
    pub still_used_locally: Answer,
    /// When, in the user's words (e.g. "10 March, 18:00").
    pub when: String,
}

/// Everything the user fills in for the notice. It is also what the draft
/// store saves on every change, so every field has a default and unknown or
/// missing fields in an older draft do not stop it loading.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NoticeForm {
    /// The family doctor's name.
    pub gp_name: String,
    /// The family doctor's e-mail address (used as `To` of the e-mail).
    pub gp_email: String,
    /// Who sends the notice.
    pub sender_role: Role,
    /// The sender's name.
    pub sender_name: String,
    /// The sender's phone or e-mail.
    pub sender_contact: String,
    /// The patient's initials (printed by default instead of the name).
    pub patient_initials: String,
    /// The patient's age band.
    pub age_band: Option<AgeBand>,
    /// The patient's full name; printed only when `print_full_name` is set.
    pub patient_full_name: String,
    /// The user's explicit choice to print the full name.
    pub print_full_name: bool,
    /// Where the monitor is used (home, care home …).
    pub place_of_use: String,
    /// The device as confirmed by the user.
    pub device: DeviceDetails,
    /// How the device was identified.
    pub identified_by: BTreeSet<IdentifiedBy>,
    /// How the monitor was connected when it was found; `None` until the
    /// user picks one ("I don't know" is an answer, [`Connection::Unknown`]).
    pub connection: Option<Connection>,
    /// What was done, and when.
    pub actions: ActionsTaken,
    /// The tampering checklist: one answer per sign the user gave. A sign
    /// missing here was not checked.
    pub tamper: BTreeMap<TamperSign, Answer>,
    /// Observations in the sender's words.
    pub observations: String,
    /// What the sender asks of the doctor, in their own words (added to the
    /// request the notice makes for the verdict).
    pub request: String,
}

impl NoticeForm {
    /// Fills the empty device fields and the way of identification from what
    /// the verdict read, and the brand from the list entry of the model.
    /// Fields the user already filled are left alone.
    pub fn prefill(&mut self, verdict: &Verdict, catalog: &Catalog) {
        let ids = &verdict.identifiers;
        let entry = verdict
            .model
            .as_deref()
            .and_then(|m| catalog.models.iter().find(|e| e.model == m));
        let d = &mut self.device;
        fill(&mut d.model, verdict.model.as_deref());
        fill(
            &mut d.manufacturer,
            verdict
                .manufacturer
                .as_deref()
                .or(entry.map(|e| e.manufacturer.as_str())),
        );
        fill(
            &mut d.brand,
            ids.brand.as_deref().or(entry.map(|e| e.brand.as_str())),
        );
        fill(&mut d.importer_code, ids.importer_code.as_deref());
        fill(&mut d.serial, ids.serial.as_deref());
        fill(&mut d.manufactured, ids.manufactured.as_deref());
        fill(&mut d.udi, ids.udi_raw.as_deref());
        fill(&mut d.firmware, ids.firmware.as_deref());
        if self.identified_by.is_empty() {
            self.identified_by = identified_by(verdict);
        }
    }

    /// Whether the notice reports a possible serious incident: the user
    /// said they saw at least one sign of tampering.
    pub fn is_incident(&self) -> bool {
        self.signs_seen().next().is_some()
    }

    /// The user's answer about `sign`.
    pub fn tamper_answer(&self, sign: TamperSign) -> Answer {
        self.tamper.get(&sign).copied().unwrap_or_default()
    }

    /// Records the user's answer about `sign`.
    pub fn set_tamper_answer(&mut self, sign: TamperSign, answer: Answer) {
        if answer.is_answered() {
            self.tamper.insert(sign, answer);
        } else {
            self.tamper.remove(&sign);
        }
    }

    /// "I checked, none of these": every sign not yet answered becomes
    /// "not seen"; signs already marked seen stay seen.
    pub fn no_other_signs(&mut self) {
        for sign in TamperSign::ALL {
            self.tamper.entry(sign).or_insert(Answer::No);
        }
    }

    /// The signs the user saw, in checklist order.
    pub fn signs_seen(&self) -> impl Iterator<Item = TamperSign> + '_ {
        TamperSign::ALL
            .into_iter()
            .filter(|s| self.tamper_answer(*s) == Answer::Yes)
    }

    /// Whether the user answered about at least one sign.
    pub fn tamper_checked(&self) -> bool {
        TamperSign::ALL
            .iter()
            .any(|s| self.tamper_answer(*s).is_answered())
    }
}

fn fill(field: &mut String, value: Option<&str>) {
    if field.trim().is_empty()
        && let Some(v) = value.map(str::trim).filter(|v| !v.is_empty())
    {
        v.clone_into(field);
    }
}

/// The ways the verdict's evidence was read.
pub fn identified_by(verdict: &Verdict) -> BTreeSet<IdentifiedBy> {
    verdict
        .evidence
        .iter()
        .map(|e| match e.origin {
            Origin::Typed => IdentifiedBy::Typed,
            Origin::Photo { .. } => IdentifiedBy::Photo,
            Origin::Barcode { .. } => IdentifiedBy::Barcode,
        })
        .collect()
}

/// The list's own version, for the footer and the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListInfo {
    /// Monotonic list version.
    pub version: u64,
    /// Date of issue, `YYYY-MM-DD`.
    pub issued: String,
}

/// One notice: the form, the verdict with its evidence and cautions, the
/// advisories and sources it rests on, and when and with what it was made.
/// The text, PDF and e-mail writers all render this one value.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The notice's random id ([`super::id::new_notice_id`]): the same in
    /// each of its renderings, so the doctor's register knows it again.
    /// A caller that keeps a notice across sessions sets its own.
    pub id: String,
    /// What the user filled in.
    pub form: NoticeForm,
    /// The answer about the device.
    pub verdict: Verdict,
    /// The vulnerabilities the answer rests on (from the list).
    pub advisories: Vec<Advisory>,
    /// The documents cited, in the order the notice lists them.
    pub sources: Vec<Source>,
    /// Version and date of the list used.
    pub list: ListInfo,
    /// When the check was made (passed in by the caller).
    pub checked_at: jiff::Zoned,
    /// Version of the app that made it.
    pub app_version: String,
    /// File names (no directories) of the label photos sent with it.
    pub photo_names: Vec<String>,
    /// File names of the chosen photos that could not be read: the notice
    /// names them and they are not attached. The writers add any photo
    /// they fail to decode; callers add files they could not read.
    pub unreadable_photos: Vec<String>,
}

impl Notice {
    /// Builds the notice. `checked_at` is the time of the check (core does
    /// not read the clock); `photo_names` are the file names of the photos
    /// that will be attached.
    pub fn new(
        form: NoticeForm,
        verdict: &Verdict,
        catalog: &Catalog,
        checked_at: jiff::Zoned,
        app_version: &str,
        photo_names: Vec<String>,
    ) -> Notice {
        let advisories = advisories_for(verdict, catalog);
        let sources = sources_for(verdict, &advisories, catalog, form.is_incident());
        Notice {
            id: super::id::new_notice_id(),
            form,
            verdict: verdict.clone(),
            advisories,
            sources,
            list: ListInfo {
                version: catalog.version,
                issued: catalog.issued.clone(),
            },
            checked_at,
            app_version: app_version.to_owned(),
            photo_names,
            unreadable_photos: Vec::new(),
        }
    }

    /// Whether the notice reports a possible serious incident.
    pub fn is_incident(&self) -> bool {
        self.form.is_incident()
    }
}

/// The advisories named by the verdict; all of the list's when the verdict
/// names none (an unknown device may still be one of them, and the notice
/// must say what it is about).
fn advisories_for(verdict: &Verdict, catalog: &Catalog) -> Vec<Advisory> {
    let named: Vec<Advisory> = catalog
        .advisories
        .iter()
        .filter(|a| verdict.advisories.contains(&a.cve))
        .cloned()
        .collect();
    if named.is_empty() {
        catalog.advisories.clone()
    } else {
        named
    }
}

/// The key sources first (CISA, Ministry and its update, FDA, and the
/// statute for an incident), then those the verdict and its advisories
/// cite, each once; the whole list's sources if none of these is present.
fn sources_for(
    verdict: &Verdict,
    advisories: &[Advisory],
    catalog: &Catalog,
    incident: bool,
) -> Vec<Source> {
    let mut ids: Vec<&str> = Vec::new();
    let incident_ids = if incident { INCIDENT_SOURCE_IDS } else { &[] };
    let wanted = KEY_SOURCE_IDS
        .iter()
        .chain(incident_ids)
        .copied()
        .chain(verdict.sources.iter().map(String::as_str))
        .chain(
            advisories
                .iter()
                .flat_map(|a| a.sources.iter().map(String::as_str)),
        );
    for id in wanted {
        if !ids.contains(&id) && catalog.sources.iter().any(|s| s.id == id) {
            ids.push(id);
        }
    }
    if ids.is_empty() {
        return catalog.sources.clone();
    }
    ids.iter()
        .filter_map(|id| catalog.sources.iter().find(|s| s.id == *id))
        .cloned()
        .collect()
}
