//! The family doctor's register of patients' monitors: the notices the
//! doctor received, read back from their data ([`crate::notice::data`]),
//! one row per device, in an SQLite file in the app's data directory.
//!
//! - [`extract`]: received files (JSON, e-mail, mbox, PDF, folders) →
//!   notices, or a reason per file.
//! - [`schema`]: the tables, their version and the migrations.
//! - [`export`]: CSV for the health authority, the one-page summary, the
//!   incident report.
//!
//! Each import is one transaction: a failure leaves the register as it
//! was. A notice already there (same id, same content) is counted and left
//! alone; the same id with other content replaces it (the sender edited and
//! sent it again); a new notice for a serial already in the register is an
//! update of that device, whose status and note stay. Nothing here is sent
//! anywhere.

pub mod export;
pub mod extract;
mod schema;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::guidance::TamperSign;
use crate::identify::VerdictKind;
use crate::notice::data::NoticeData;
use crate::notice::{Answer, DataError};

pub use extract::{Found, Refusal, read_bytes, read_paths};

/// File name of the register inside the data directory.
pub const FILE_NAME: &str = "register.sqlite";

/// Why the register could not be opened or changed.
#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    /// The file could not be opened as a register.
    #[error("the register {} could not be opened: {source}", path.display())]
    Open {
        /// The file.
        path: PathBuf,
        /// What SQLite said.
        #[source]
        source: rusqlite::Error,
    },
    /// Written by a newer version of the app.
    #[error(
        "the register {} was written by a newer version of Monitor Check (register format \
         {found}; this version reads up to {supported}): update the app",
        path.display()
    )]
    Newer {
        /// The file.
        path: PathBuf,
        /// Its version.
        found: i64,
        /// The newest this build reads.
        supported: i64,
    },
    /// A read or a change failed; a change was rolled back whole.
    #[error("the register could not be updated: {0}")]
    Db(#[from] rusqlite::Error),
    /// No row for this device.
    #[error("no device {0} in the register")]
    NoSuchDevice(String),
}

/// What the doctor has done about a device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not yet contacted.
    #[default]
    ToContact,
    /// The patient was contacted.
    Contacted,
    /// The monitor was replaced.
    DeviceReplaced,
    /// The incident was reported to the Ministry.
    Reported,
}

impl Status {
    /// Every status, in the order the screen offers them.
    pub const ALL: [Status; 4] = [
        Status::ToContact,
        Status::Contacted,
        Status::DeviceReplaced,
        Status::Reported,
    ];

    /// Its key in the database, the CSV and the CLI.
    pub fn key(self) -> &'static str {
        match self {
            Status::ToContact => "to_contact",
            Status::Contacted => "contacted",
            Status::DeviceReplaced => "device_replaced",
            Status::Reported => "reported",
        }
    }

    /// The status with `key`.
    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Message id of its label.
    pub fn message_id(self) -> &'static str {
        match self {
            Status::ToContact => "register-status-to-contact",
            Status::Contacted => "register-status-contacted",
            Status::DeviceReplaced => "register-status-replaced",
            Status::Reported => "register-status-reported",
        }
    }
}

/// One row of the register: a device, as its newest notice describes it,
/// and what the doctor noted about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// The device's key: its serial when there is one, else its notice.
    pub device: String,
    /// The newest notice about it.
    pub notice_id: String,
    /// When that notice was imported (RFC 3339).
    pub received: String,
    /// When its check was made (RFC 9557).
    pub checked_at: String,
    /// The same, as an instant, for ordering (read once, not per
    /// comparison: the screen orders the rows every frame).
    #[serde(skip)]
    pub checked: Option<jiff::Timestamp>,
    /// The patient: the name if the sender gave it, else the initials.
    pub patient: String,
    /// Who sent it.
    pub sender: String,
    /// The model.
    pub model: String,
    /// The serial.
    pub serial: String,
    /// The newest verdict.
    pub verdict: VerdictKind,
    /// Whether any notice about it reported a sign of tampering.
    pub incident: bool,
    /// The signs seen, in any of its notices, in checklist order.
    pub signs_seen: Vec<TamperSign>,
    /// Whether it is still used (newest notice).
    pub still_used: Answer,
    /// What the doctor has done.
    pub status: Status,
    /// The doctor's note.
    pub note: String,
    /// How many notices the register holds about it.
    pub notices: usize,
}

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportSummary {
    /// New devices.
    pub added: usize,
    /// Notices that updated a device already there.
    pub updated: usize,
    /// Notices the register already had.
    pub already_there: usize,
    /// What gave no notice, with where and why.
    pub refused: Vec<(String, Refusal)>,
}

/// Logs an import: the counts and each refusal's kind, never where it came
/// from (file names and e-mail subjects may name a patient).
fn log_import(summary: &ImportSummary) {
    log::info!(
        "register import: {} added, {} updated, {} already there, {} refused",
        summary.added,
        summary.updated,
        summary.already_there,
        summary.refused.len()
    );
    for (_, why) in &summary.refused {
        log::info!("register import refused one item: {}", why.kind());
    }
}

/// How the rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Incidents, then affected, unknown, not affected; newest first.
    #[default]
    Priority,
    /// Newest notice first.
    Received,
    /// By patient.
    Patient,
    /// By model, then serial.
    Model,
    /// By status, in the order of [`Status::ALL`].
    Status,
}

/// Which rows to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this verdict.
    pub verdict: Option<VerdictKind>,
    /// Only this status.
    pub status: Option<Status>,
    /// Only devices with a sign of tampering seen.
    pub incidents_only: bool,
}

impl Filter {
    /// Whether `entry` passes.
    pub fn keeps(&self, entry: &Entry) -> bool {
        self.verdict.is_none_or(|v| entry.verdict == v)
            && self.status.is_none_or(|s| entry.status == s)
            && (!self.incidents_only || entry.incident)
    }
}

/// `entries` that pass `filter`, ordered by `sort`.
pub fn select<'a>(entries: &'a [Entry], filter: &Filter, sort: Sort) -> Vec<&'a Entry> {
    let mut rows: Vec<&Entry> = entries.iter().filter(|e| filter.keeps(e)).collect();
    let newest_first = |a: &Entry, b: &Entry| b.checked.cmp(&a.checked);
    rows.sort_by(|a, b| match sort {
        Sort::Priority => priority(a)
            .cmp(&priority(b))
            .then_with(|| newest_first(a, b)),
        Sort::Received => b.received.cmp(&a.received).then_with(|| newest_first(a, b)),
        Sort::Patient => a.patient.to_lowercase().cmp(&b.patient.to_lowercase()),
        Sort::Model => a.model.cmp(&b.model).then_with(|| a.serial.cmp(&b.serial)),
        Sort::Status => a
            .status
            .cmp(&b.status)
            .then_with(|| priority(a).cmp(&priority(b))),
    });
    rows
}

/// Incidents first, then affected, unknown, not affected.
fn priority(e: &Entry) -> (bool, u8) {
    let verdict = match e.verdict {
        VerdictKind::Affected => 0,
        VerdictKind::Unknown => 1,
        VerdictKind::NotAffected => 2,
    };
    (!e.incident, verdict)
}

/// The UTC instant of an RFC 9557 time, for ordering; `None` sorts first.
fn timestamp(at: &str) -> Option<jiff::Timestamp> {
    at.parse::<jiff::Zoned>().ok().map(|z| z.timestamp())
}

/// The key that makes a second notice for the same monitor an update: the
/// serial's letters and digits in capitals (`sn 12-34` and `SN1234` are one
/// monitor, typed two ways); a notice with no serial is a device of its own.
pub fn device_key(serial: &str, notice_id: &str) -> String {
    let serial: String = serial
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect();
    if serial.is_empty() {
        format!("notice:{notice_id}")
    } else {
        format!("serial:{serial}")
    }
}

/// The register file, open.
pub struct Register {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Register {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Register")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Register {
    /// Opens the register at `path`, creating it (and its folder) if need
    /// be and bringing an older one up to date.
    pub fn open(path: &Path) -> Result<Register, RegisterError> {
        if let Some(dir) = path.parent() {
            // A failure shows as SQLite's own "unable to open".
            let _ = std::fs::create_dir_all(dir);
        }
        let open_error = |source| RegisterError::Open {
            path: path.to_path_buf(),
            source,
        };
        let mut conn = Connection::open(path).map_err(open_error)?;
        schema::prepare(&mut conn, path)?;
        Ok(Register {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// The register in the data directory `dir`.
    pub fn open_in(dir: &Path) -> Result<Register, RegisterError> {
        Register::open(&dir.join(FILE_NAME))
    }

    /// Where it is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Adds what `found` holds, in one transaction; `received_at` (RFC
    /// 3339) is when. Refusals are counted and never touch the register.
    pub fn import(
        &mut self,
        found: Vec<Found>,
        received_at: &str,
    ) -> Result<ImportSummary, RegisterError> {
        let mut summary = ImportSummary::default();
        let tx = self.conn.transaction()?;
        for Found { origin, result } in found {
            match result {
                Ok(data) => match add(&tx, &data, &origin, received_at)? {
                    Added::New => summary.added += 1,
                    Added::Update => summary.updated += 1,
                    Added::Same => summary.already_there += 1,
                },
                Err(why) => summary.refused.push((origin, why)),
            }
        }
        tx.commit()
            .inspect_err(|e| log::error!("the register could not save an import: {e}"))?;
        log_import(&summary);
        Ok(summary)
    }

    /// Every device, with its newest notice (in no particular order: see
    /// [`select`]).
    pub fn entries(&self) -> Result<Vec<Entry>, RegisterError> {
        let mut stmt = self.conn.prepare(
            "SELECT n.notice_id, n.device_key, n.received_at, n.checked_at, n.patient, \
             n.sender, n.model, n.serial, n.verdict, n.incident, n.signs_seen, n.still_used, \
             d.status, d.note \
             FROM notices n JOIN devices d ON d.device_key = n.device_key",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Row {
                notice_id: r.get(0)?,
                device: r.get(1)?,
                received: r.get(2)?,
                checked_at: r.get(3)?,
                patient: r.get(4)?,
                sender: r.get(5)?,
                model: r.get(6)?,
                serial: r.get(7)?,
                verdict: r.get(8)?,
                incident: r.get(9)?,
                signs_seen: r.get(10)?,
                still_used: r.get(11)?,
                status: r.get(12)?,
                note: r.get(13)?,
            })
        })?;
        let mut by_device: BTreeMap<String, Vec<Row>> = BTreeMap::new();
        for row in rows {
            let row = row?;
            by_device.entry(row.device.clone()).or_default().push(row);
        }
        Ok(by_device.into_values().filter_map(entry).collect())
    }

    /// How many notices it holds, all devices together.
    pub fn notice_count(&self) -> Result<usize, RegisterError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM notices", [], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or_default())
    }

    /// Sets what the doctor has done about `device`.
    pub fn set_status(
        &mut self,
        device: &str,
        status: Status,
        at: &str,
    ) -> Result<(), RegisterError> {
        let n = self.conn.execute(
            "UPDATE devices SET status = ?1, changed_at = ?2 WHERE device_key = ?3",
            params![status.key(), at, device],
        )?;
        if n == 0 {
            return Err(RegisterError::NoSuchDevice(device.to_owned()));
        }
        Ok(())
    }

    /// Sets the doctor's note on `device`.
    pub fn set_note(&mut self, device: &str, note: &str, at: &str) -> Result<(), RegisterError> {
        let n = self.conn.execute(
            "UPDATE devices SET note = ?1, changed_at = ?2 WHERE device_key = ?3",
            params![note, at, device],
        )?;
        if n == 0 {
            return Err(RegisterError::NoSuchDevice(device.to_owned()));
        }
        Ok(())
    }

    /// The data of every notice about `device`, newest first.
    pub fn notices_of(&self, device: &str) -> Result<Vec<NoticeData>, RegisterError> {
        let mut stmt = self
            .conn
            .prepare("SELECT data FROM notices WHERE device_key = ?1")?;
        let mut notices: Vec<NoticeData> = stmt
            .query_map([device], |r| r.get::<_, String>(0))?
            .filter_map(Result::ok)
            // Checked on the way in; a row changed by hand is skipped.
            .filter_map(|json| NoticeData::parse(json.as_bytes()).ok())
            .collect();
        notices.sort_by_key(|n| std::cmp::Reverse(timestamp(&n.checked_at)));
        Ok(notices)
    }
}

/// One notice row joined with its device.
struct Row {
    notice_id: String,
    device: String,
    received: String,
    checked_at: String,
    patient: String,
    sender: String,
    model: String,
    serial: String,
    verdict: String,
    incident: bool,
    signs_seen: String,
    still_used: String,
    status: String,
    note: String,
}

/// The device's entry: its newest notice, with the signs seen in any.
fn entry(mut rows: Vec<Row>) -> Option<Entry> {
    rows.sort_by_cached_key(|r| {
        (
            std::cmp::Reverse(timestamp(&r.checked_at)),
            std::cmp::Reverse(r.received.clone()),
        )
    });
    let notices = rows.len();
    let incident = rows.iter().any(|r| r.incident);
    let seen: Vec<TamperSign> = rows
        .iter()
        .flat_map(|r| r.signs_seen.split(','))
        .filter_map(sign_from_key)
        .collect();
    let signs_seen = TamperSign::ALL
        .into_iter()
        .filter(|s| seen.contains(s))
        .collect();
    let newest = rows.into_iter().next()?;
    Some(Entry {
        checked: timestamp(&newest.checked_at),
        device: newest.device,
        notice_id: newest.notice_id,
        received: newest.received,
        checked_at: newest.checked_at,
        patient: newest.patient,
        sender: newest.sender,
        model: newest.model,
        serial: newest.serial,
        verdict: verdict_from_key(&newest.verdict),
        incident,
        signs_seen,
        still_used: answer_from_key(&newest.still_used),
        status: Status::from_key(&newest.status).unwrap_or_default(),
        note: newest.note,
        notices,
    })
}

/// How a notice went into the register.
enum Added {
    /// A new device.
    New,
    /// A device already there, or a notice replaced by a newer copy.
    Update,
    /// Already there, the same.
    Same,
}

fn add(
    tx: &rusqlite::Transaction<'_>,
    data: &NoticeData,
    origin: &str,
    received_at: &str,
) -> Result<Added, RegisterError> {
    let json = String::from_utf8(data.to_json()).unwrap_or_default();
    let stored: Option<(String, String)> = tx
        .query_row(
            "SELECT data, device_key FROM notices WHERE notice_id = ?1",
            [&data.notice_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let form = &data.form;
    let device = device_key(&form.device.serial, &data.notice_id);
    if let Some((stored, _)) = &stored {
        if *stored == json {
            return Ok(Added::Same);
        }
        tx.execute(
            "DELETE FROM notices WHERE notice_id = ?1",
            [&data.notice_id],
        )?;
    }
    let device_known = tx
        .query_row(
            "SELECT 1 FROM devices WHERE device_key = ?1",
            [&device],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    let patient = if form.print_full_name && !form.patient_full_name.trim().is_empty() {
        form.patient_full_name.trim()
    } else {
        form.patient_initials.trim()
    };
    let signs: Vec<&str> = data
        .tamper
        .iter()
        .filter(|(_, a)| **a == Answer::Yes)
        .map(|(s, _)| sign_key(*s))
        .collect();
    tx.execute(
        schema::INSERT_NOTICE,
        params![
            data.notice_id,
            device,
            received_at,
            data.checked_at,
            origin,
            patient,
            form.sender_name.trim(),
            model_of(data),
            form.device.serial.trim(),
            verdict_key(data.verdict.verdict),
            data.incident,
            signs.join(","),
            answer_key(form.actions.still_used_locally),
            json,
        ],
    )?;
    if !device_known {
        tx.execute("INSERT INTO devices (device_key) VALUES (?1)", [&device])?;
    }
    // A replaced copy that moved to another serial leaves no empty device.
    if let Some((_, old_device)) = &stored
        && *old_device != device
    {
        tx.execute(
            "DELETE FROM devices WHERE device_key = ?1 \
             AND NOT EXISTS (SELECT 1 FROM notices WHERE device_key = ?1)",
            [old_device],
        )?;
    }
    Ok(if device_known || stored.is_some() {
        Added::Update
    } else {
        Added::New
    })
}

/// The model as the sender confirmed it, else as read.
fn model_of(data: &NoticeData) -> String {
    let confirmed = data.form.device.model.trim();
    if confirmed.is_empty() {
        data.verdict.model.clone().unwrap_or_default()
    } else {
        confirmed.to_owned()
    }
}

/// The verdict's key, as in the notice's data.
pub fn verdict_key(v: VerdictKind) -> &'static str {
    match v {
        VerdictKind::Affected => "affected",
        VerdictKind::NotAffected => "not_affected",
        VerdictKind::Unknown => "unknown",
    }
}

fn verdict_from_key(key: &str) -> VerdictKind {
    match key {
        "affected" => VerdictKind::Affected,
        "not_affected" => VerdictKind::NotAffected,
        // Anything else is treated as the cautious answer.
        _ => VerdictKind::Unknown,
    }
}

/// An answer's key, as in the notice's data.
pub fn answer_key(a: Answer) -> &'static str {
    match a {
        Answer::Yes => "yes",
        Answer::No => "no",
        Answer::NotAnswered => "not_answered",
    }
}

fn answer_from_key(key: &str) -> Answer {
    match key {
        "yes" => Answer::Yes,
        "no" => Answer::No,
        _ => Answer::NotAnswered,
    }
}

/// A sign's key, as in the notice's data.
pub fn sign_key(s: TamperSign) -> &'static str {
    match s {
        TamperSign::ReadingsMismatch => "readings_mismatch",
        TamperSign::UnexpectedRestart => "unexpected_restart",
        TamperSign::SettingsChanged => "settings_changed",
        TamperSign::NetworkTurnedOn => "network_turned_on",
    }
}

fn sign_from_key(key: &str) -> Option<TamperSign> {
    TamperSign::ALL.into_iter().find(|s| sign_key(*s) == key)
}

/// Whether a refusal says the file came from a newer app (the summary
/// suggests updating).
pub fn is_newer(refusal: &Refusal) -> bool {
    matches!(refusal, Refusal::Data(DataError::Newer { .. }))
}

#[cfg(test)]
mod tests;
