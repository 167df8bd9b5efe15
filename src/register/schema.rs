//! The register's tables and their versions. SQLite's `user_version` holds
//! the version; [`prepare`] creates a new register at the current one or
//! brings an older one up to it, in one transaction.
//!
//! - 1: one table, `notices`, with the doctor's status and note on each
//!   notice.
//! - 2: `devices` holds the status and note, one per monitor (a second
//!   notice about the same serial updates the device and keeps what the
//!   doctor noted), and each notice names its device.

use std::path::Path;

use rusqlite::{Connection, params};

use super::{RegisterError, device_key};

/// The version this build writes.
pub const VERSION: i64 = 2;

const CREATE_NOTICES: &str = "
CREATE TABLE notices (
    notice_id   TEXT PRIMARY KEY NOT NULL,
    device_key  TEXT NOT NULL,
    received_at TEXT NOT NULL,
    checked_at  TEXT NOT NULL,
    origin      TEXT NOT NULL,
    patient     TEXT NOT NULL,
    sender      TEXT NOT NULL,
    model       TEXT NOT NULL,
    serial      TEXT NOT NULL,
    verdict     TEXT NOT NULL,
    incident    INTEGER NOT NULL,
    signs_seen  TEXT NOT NULL,
    still_used  TEXT NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX notices_by_device ON notices (device_key);
";

/// Adds one notice row, its columns in `CREATE_NOTICES`' order.
pub(super) const INSERT_NOTICE: &str = "INSERT INTO notices (notice_id, device_key, \
     received_at, checked_at, origin, patient, sender, model, serial, verdict, incident, \
     signs_seen, still_used, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, \
     ?13, ?14)";

const CREATE_DEVICES: &str = "
CREATE TABLE devices (
    device_key TEXT PRIMARY KEY NOT NULL,
    status     TEXT NOT NULL DEFAULT 'to_contact',
    note       TEXT NOT NULL DEFAULT '',
    changed_at TEXT NOT NULL DEFAULT ''
);
";

/// Sets the connection up (WAL, foreign keys, a wait for a busy file) and
/// brings the tables to [`VERSION`].
pub fn prepare(conn: &mut Connection, path: &Path) -> Result<(), RegisterError> {
    let open_error = |source| RegisterError::Open {
        path: path.to_path_buf(),
        source,
    };
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .map_err(open_error)?;
    // WAL: a crash mid-import leaves the last committed register; readers
    // never see half an import.
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(open_error)?;
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(open_error)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(open_error)?;
    if version > VERSION {
        return Err(RegisterError::Newer {
            path: path.to_path_buf(),
            found: version,
            supported: VERSION,
        });
    }
    if version == VERSION {
        return Ok(());
    }
    let tx = conn.transaction()?;
    match version {
        0 => {
            tx.execute_batch(CREATE_NOTICES)?;
            tx.execute_batch(CREATE_DEVICES)?;
        }
        1 => from_1(&tx)?,
        _ => unreachable!("versions above {VERSION} are refused above"),
    }
    tx.pragma_update(None, "user_version", VERSION)?;
    tx.commit()?;
    Ok(())
}

/// 1 → 2: the status and note move from each notice to its device (the
/// newest notice's, as version 1 showed it), and each notice gets its
/// device's key.
fn from_1(tx: &rusqlite::Transaction<'_>) -> Result<(), RegisterError> {
    struct Old {
        id: String,
        received: String,
        checked: String,
        origin: String,
        patient: String,
        sender: String,
        model: String,
        serial: String,
        verdict: String,
        incident: bool,
        signs: String,
        still_used: String,
        data: String,
        status: String,
        note: String,
    }
    tx.execute_batch("ALTER TABLE notices RENAME TO notices_v1;")?;
    tx.execute_batch(CREATE_NOTICES)?;
    tx.execute_batch(CREATE_DEVICES)?;
    let old: Vec<Old> = {
        let mut stmt = tx.prepare(
            "SELECT notice_id, received_at, checked_at, origin, patient, sender, model, serial, \
             verdict, incident, signs_seen, still_used, data, status, note FROM notices_v1",
        )?;
        stmt.query_map([], |r| {
            Ok(Old {
                id: r.get(0)?,
                received: r.get(1)?,
                checked: r.get(2)?,
                origin: r.get(3)?,
                patient: r.get(4)?,
                sender: r.get(5)?,
                model: r.get(6)?,
                serial: r.get(7)?,
                verdict: r.get(8)?,
                incident: r.get(9)?,
                signs: r.get(10)?,
                still_used: r.get(11)?,
                data: r.get(12)?,
                status: r.get(13)?,
                note: r.get(14)?,
            })
        })?
        .collect::<Result<_, _>>()?
    };
    // The newest notice per device gives the device its status and note.
    let mut newest: std::collections::HashMap<String, (Option<jiff::Timestamp>, &Old)> =
        std::collections::HashMap::new();
    for o in &old {
        let key = device_key(&o.serial, &o.id);
        let at = o.checked.parse::<jiff::Zoned>().ok().map(|z| z.timestamp());
        tx.execute(
            INSERT_NOTICE,
            params![
                o.id,
                key,
                o.received,
                o.checked,
                o.origin,
                o.patient,
                o.sender,
                o.model,
                o.serial,
                o.verdict,
                o.incident,
                o.signs,
                o.still_used,
                o.data
            ],
        )?;
        let slot = newest.entry(key).or_insert((at, o));
        if at > slot.0 {
            *slot = (at, o);
        }
    }
    for (key, (_, o)) in newest {
        tx.execute(
            "INSERT INTO devices (device_key, status, note) VALUES (?1, ?2, ?3)",
            params![key, o.status, o.note],
        )?;
    }
    tx.execute_batch("DROP TABLE notices_v1;")?;
    Ok(())
}
