//! Out of the register: a CSV for the local health authority (with or
//! without names), a one-page PDF summary (counts by verdict, the list of
//! incidents), and for an incident the notice as the sender wrote it,
//! which holds what the Ministry's report asks for.

use super::{Entry, Status, answer_key, sign_key, verdict_key};
use crate::catalog::Catalog;
use crate::i18n::{Lang, tr, tr_args};
use crate::identify::VerdictKind;
use crate::notice::data::NoticeData;
use crate::notice::doc::{Block, Doc, Section};
use crate::notice::pdf::{self, PdfInfo};
use crate::notice::{Notice, PdfError};

/// What the CSV holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// Whether the patient's and the sender's names (and the doctor's
    /// notes, which may name people) are in it.
    pub names: bool,
}

/// A column of the CSV: its key (the header) and whether it names people.
struct Column {
    key: &'static str,
    names_someone: bool,
    value: fn(&Entry) -> String,
}

const COLUMNS: &[Column] = &[
    Column {
        key: "patient",
        names_someone: true,
        value: |e| e.patient.clone(),
    },
    Column {
        key: "sender",
        names_someone: true,
        value: |e| e.sender.clone(),
    },
    Column {
        key: "received",
        names_someone: false,
        value: |e| e.received.clone(),
    },
    Column {
        key: "checked_at",
        names_someone: false,
        value: |e| e.checked_at.clone(),
    },
    Column {
        key: "model",
        names_someone: false,
        value: |e| e.model.clone(),
    },
    Column {
        key: "serial",
        names_someone: false,
        value: |e| e.serial.clone(),
    },
    Column {
        key: "verdict",
        names_someone: false,
        value: |e| verdict_key(e.verdict).to_owned(),
    },
    Column {
        key: "incident",
        names_someone: false,
        value: |e| if e.incident { "yes" } else { "no" }.to_owned(),
    },
    Column {
        key: "tamper_signs_seen",
        names_someone: false,
        value: |e| {
            e.signs_seen
                .iter()
                .map(|s| sign_key(*s))
                .collect::<Vec<_>>()
                .join(" ")
        },
    },
    Column {
        key: "still_used",
        names_someone: false,
        value: |e| answer_key(e.still_used).to_owned(),
    },
    Column {
        key: "status",
        names_someone: false,
        value: |e| e.status.key().to_owned(),
    },
    Column {
        key: "note",
        names_someone: true,
        value: |e| e.note.clone(),
    },
    Column {
        key: "notices",
        names_someone: false,
        value: |e| e.notices.to_string(),
    },
    Column {
        key: "notice_id",
        names_someone: false,
        value: |e| e.notice_id.clone(),
    },
];

fn columns(options: CsvOptions) -> impl Iterator<Item = &'static Column> {
    COLUMNS
        .iter()
        .filter(move |c| options.names || !c.names_someone)
}

/// The column keys the CSV will have.
pub fn csv_columns(options: CsvOptions) -> Vec<&'static str> {
    columns(options).map(|c| c.key).collect()
}

/// What a CSV of `rows` rows with `options` contains, said before it is
/// written.
pub fn csv_description(rows: usize, options: CsvOptions, lang: Lang) -> String {
    let id = if options.names {
        "register-csv-with-names"
    } else {
        "register-csv-without-names"
    };
    tr_args(
        lang,
        id,
        &[
            ("rows", &rows.to_string()),
            ("columns", &csv_columns(options).join(", ")),
        ],
    )
}

/// The CSV (RFC 4180, CRLF line ends, UTF-8 with a byte-order mark so
/// spreadsheet programs read accents right).
pub fn csv(entries: &[&Entry], options: CsvOptions) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = columns(options).map(|c| field(c.key)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for e in entries {
        let row: Vec<String> = columns(options).map(|c| field(&(c.value)(e))).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// One CSV field: quoted when it must be, and a text that a spreadsheet
/// would run as a formula (`=`, `+`, `-`, `@` first) is kept as text.
fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// Counts for the summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Devices in all.
    pub devices: usize,
    /// Affected.
    pub affected: usize,
    /// Not sure.
    pub unknown: usize,
    /// Not affected.
    pub not_affected: usize,
    /// With a sign of tampering seen.
    pub incidents: usize,
    /// Not yet contacted, among the affected and the incidents.
    pub to_contact: usize,
}

impl Counts {
    /// The counts over `entries`.
    pub fn of(entries: &[&Entry]) -> Counts {
        let mut c = Counts {
            devices: entries.len(),
            ..Counts::default()
        };
        for e in entries {
            match e.verdict {
                VerdictKind::Affected => c.affected += 1,
                VerdictKind::Unknown => c.unknown += 1,
                VerdictKind::NotAffected => c.not_affected += 1,
            }
            c.incidents += usize::from(e.incident);
            let urgent = e.incident || e.verdict == VerdictKind::Affected;
            c.to_contact += usize::from(urgent && e.status == Status::ToContact);
        }
        c
    }
}

/// The one-page summary as a PDF: counts by verdict, then the incidents.
/// `at` is the time of writing; `names` puts the patients' names in.
pub fn summary_pdf(
    entries: &[&Entry],
    lang: Lang,
    at: &jiff::Zoned,
    names: bool,
) -> Result<Vec<u8>, PdfError> {
    let doc = summary_doc(entries, lang, at, names);
    let info = PdfInfo {
        title: doc.title.clone(),
        description: tr(lang, "register-summary-title"),
        lang,
        app_version: crate::APP_VERSION.to_owned(),
        date: at.clone(),
        embedded: None,
    };
    pdf::render_docs(&[&doc], &info, &[])
}

/// The summary laid out (shared by the PDF and its tests).
pub(crate) fn summary_doc(entries: &[&Entry], lang: Lang, at: &jiff::Zoned, names: bool) -> Doc {
    let c = Counts::of(entries);
    let count = |id: &str, n: usize| Block::Field(tr(lang, id), n.to_string());
    let counts = Section {
        heading: tr(lang, "register-summary-counts"),
        blocks: vec![
            count("register-summary-devices", c.devices),
            count("register-verdict-affected", c.affected),
            count("register-verdict-unknown", c.unknown),
            count("register-verdict-not-affected", c.not_affected),
            count("register-summary-incidents", c.incidents),
            count("register-summary-to-contact", c.to_contact),
        ],
        new_page: false,
    };
    let incidents: Vec<Block> = entries
        .iter()
        .filter(|e| e.incident)
        .map(|e| {
            let signs: Vec<String> = e
                .signs_seen
                .iter()
                .map(|s| tr(lang, &format!("{}.notice", s.message_id())))
                .collect();
            let who = if names && !e.patient.is_empty() {
                format!("{}: ", e.patient)
            } else {
                String::new()
            };
            Block::Bullet(tr_args(
                lang,
                "register-summary-incident",
                &[
                    ("who", &who),
                    ("model", &e.model),
                    ("serial", &e.serial),
                    ("signs", &signs.join("; ")),
                    ("status", &tr(lang, e.status.message_id())),
                ],
            ))
        })
        .collect();
    let incidents = Section {
        heading: tr(lang, "register-summary-incident-list"),
        blocks: if incidents.is_empty() {
            vec![Block::Para(tr(lang, "register-summary-no-incidents"))]
        } else {
            incidents
        },
        new_page: false,
    };
    Doc {
        letterhead: Vec::new(),
        kicker: None,
        title: tr(lang, "register-summary-title"),
        subtitle: tr_args(
            lang,
            "register-summary-subtitle",
            &[("date", &crate::notice::doc::format_datetime(lang, at))],
        ),
        alert: None,
        header: Vec::new(),
        sections: vec![counts, incidents],
        footer: tr_args(
            lang,
            "register-summary-footer",
            &[("version", crate::APP_VERSION)],
        ),
        photo_names: Vec::new(),
    }
}

/// For an incident, the part of the notice behind `data` that holds the
/// data for the Ministry's report; for any other notice, the whole notice.
/// As it was written, in its own language, rebuilt from the data with
/// `catalog` for the advisories and sources it cites.
pub fn report_text(data: &NoticeData, catalog: &Catalog) -> String {
    let notice = notice_from(data, catalog);
    crate::notice::render_incident_text(&notice, data.lang)
        .unwrap_or_else(|| crate::notice::render_text(&notice, data.lang))
}

/// A [`Notice`] from its data.
pub fn notice_from(data: &NoticeData, catalog: &Catalog) -> Notice {
    let at = data
        .checked_at()
        .unwrap_or_else(|| jiff::Timestamp::UNIX_EPOCH.to_zoned(jiff::tz::TimeZone::UTC));
    let mut notice = Notice::new(
        data.answered_form(),
        &data.verdict,
        catalog,
        at,
        &data.app_version,
        data.photos.clone(),
    );
    notice.id.clone_from(&data.notice_id);
    notice.unreadable_photos.clone_from(&data.unreadable_photos);
    notice.list.version = data.list.version;
    notice.list.issued.clone_from(&data.list.issued);
    notice
}
