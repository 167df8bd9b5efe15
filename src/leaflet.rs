//! The family doctor's leaflet for patients, and the doctor's details that
//! travel with it to the patient's app.
//!
//! Italy's Ministry of Health asked family doctors to find every affected
//! monitor among their patients. The doctor prints a one-page leaflet
//! ([`render_leaflet`]): why the check matters, where the label is, how to
//! run the check, and where to send the notice — the doctor's name and
//! e-mail address, printed and in a QR code a phone camera offers to save
//! as a contact ([`Doctor::qr_text`], a MECARD). The same details go in a
//! small JSON file, the doctor card ([`Doctor::card_json`]), that the
//! doctor can e-mail with the leaflet and the patient's app reads back
//! ([`Doctor::from_card`]).
//!
//! No egui here, no clock and no files: the caller passes the time in and
//! reads or writes the bytes.

use serde::Serialize;

use crate::i18n::{Lang, tr, tr_args};
use crate::notice::PdfError;
use crate::notice::doc::{Block, Doc, Section};
use crate::notice::pdf::{self, PdfInfo, Style};

/// The doctor card's file name.
pub const CARD_FILE_NAME: &str = "monitor-check-doctor.json";
/// The `schema` value of every doctor card.
pub const CARD_SCHEMA: &str = "monitor-check/doctor";
/// The card version this build writes and the newest it reads.
pub const CARD_SCHEMA_VERSION: u32 = 1;
/// The largest card read, in bytes: a real one is about a hundred.
pub const CARD_MAX_BYTES: usize = 64 * 1024;
/// The longest name accepted, in characters: a title, two given names and
/// two surnames fit with room to spare.
pub const NAME_MAX_CHARS: usize = 120;
/// The longest e-mail address accepted, in characters: far more than any
/// real one (RFC 5321 allows 254), and short enough that the leaflet stays
/// one page.
pub const EMAIL_MAX_CHARS: usize = 100;

/// The leaflet's type sizes: larger than the notice's, for older eyes
/// (the body at 11 pt of DejaVu Sans reads like 12 pt of most faces).
const LEAFLET_STYLE: Style = Style {
    title: 18.0,
    subtitle: 12.0,
    heading: 13.5,
    body: 11.0,
};

/// The five model names the leaflet names: the Ministry's note and its
/// update. The relabel (Epsimed MN-120) is named with them.
#[cfg(test)]
const MODELS: [&str; 5] = ["CMS8000", "CMS6000", "CMS6500", "CMS7000", "CMS9000"];

/// The family doctor whom the notices go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doctor {
    /// The name as it should be printed, e.g. "Dott.ssa Maria Rossi".
    pub name: String,
    /// The e-mail address the notices go to.
    pub email: String,
}

/// Why a doctor's name or e-mail address was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DoctorError {
    /// Nothing but spaces in the name.
    #[error("the doctor's name is empty")]
    NoName,
    /// A name longer than [`NAME_MAX_CHARS`].
    #[error("the doctor's name is longer than {max_chars} characters")]
    NameTooLong {
        /// The limit.
        max_chars: usize,
    },
    /// Not something mail could be sent to.
    #[error("the doctor's e-mail address does not look like one (such as name@example.org)")]
    BadEmail,
    /// An address longer than [`EMAIL_MAX_CHARS`].
    #[error("the doctor's e-mail address is longer than {max_chars} characters")]
    EmailTooLong {
        /// The limit.
        max_chars: usize,
    },
}

/// Why a file is not a doctor card this build can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CardError {
    /// Larger than any card.
    #[error("it is too large to be a doctor card ({size} bytes; a card is at most 64 KiB)")]
    TooLarge {
        /// Its size in bytes.
        size: usize,
    },
    /// Not JSON at all.
    #[error("it is not a doctor card written by Monitor Check (not JSON: {0})")]
    NotJson(String),
    /// JSON, but not one of ours.
    #[error("it is not a doctor card written by Monitor Check")]
    NotOurs,
    /// Written by a newer version of the app.
    #[error(
        "it was written by a newer version of Monitor Check (card format {found}; this \
         version reads up to {supported}): update the app"
    )]
    Newer {
        /// The version in the file.
        found: u64,
        /// The newest this build reads.
        supported: u32,
    },
    /// A field the card must have is not there.
    #[error("the doctor card has no {0}")]
    Missing(&'static str),
    /// A field is there but of the wrong kind (a number for a name, a
    /// version 0).
    #[error("the doctor card's {0} is not valid")]
    Invalid(&'static str),
    /// The name or the address is refused.
    #[error("the doctor card holds a wrong entry: {0}")]
    Doctor(#[from] DoctorError),
}

/// The card as written: the fields in this order.
#[derive(Serialize)]
struct Card<'a> {
    schema: &'a str,
    schema_version: u32,
    name: &'a str,
    email: &'a str,
}

impl Doctor {
    /// A doctor from what was typed: runs of spaces (and line breaks) in
    /// the name become one space and invisible control characters go; the
    /// address is trimmed. Refuses an empty or overlong name and an address
    /// that does not look like one.
    pub fn new(name: &str, email: &str) -> Result<Doctor, DoctorError> {
        let name = name
            .split_whitespace()
            .map(|word| word.chars().filter(|c| !c.is_control()).collect::<String>())
            .filter(|word| !word.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if name.is_empty() {
            return Err(DoctorError::NoName);
        }
        if name.chars().count() > NAME_MAX_CHARS {
            return Err(DoctorError::NameTooLong {
                max_chars: NAME_MAX_CHARS,
            });
        }
        let email = email.trim();
        if email.chars().any(char::is_control) || !crate::notice::eml::is_email(email) {
            return Err(DoctorError::BadEmail);
        }
        if email.chars().count() > EMAIL_MAX_CHARS {
            return Err(DoctorError::EmailTooLong {
                max_chars: EMAIL_MAX_CHARS,
            });
        }
        Ok(Doctor {
            name,
            email: email.to_owned(),
        })
    }

    /// The doctor card: pretty-printed JSON with the schema, its version,
    /// the name and the address.
    pub fn card_json(&self) -> Vec<u8> {
        let card = Card {
            schema: CARD_SCHEMA,
            schema_version: CARD_SCHEMA_VERSION,
            name: &self.name,
            email: &self.email,
        };
        let mut bytes = serde_json::to_vec_pretty(&card).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    /// Reads a doctor card: one of ours, of a version this build reads,
    /// with a name and an address that [`Doctor::new`] accepts. Fields it
    /// does not know are ignored; a byte-order mark (some Windows editors
    /// add one) is skipped.
    pub fn from_card(bytes: &[u8]) -> Result<Doctor, CardError> {
        use serde_json::Value;
        if bytes.len() > CARD_MAX_BYTES {
            return Err(CardError::TooLarge { size: bytes.len() });
        }
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        let value: Value =
            serde_json::from_slice(bytes).map_err(|e| CardError::NotJson(e.to_string()))?;
        if value.get("schema").and_then(Value::as_str) != Some(CARD_SCHEMA) {
            return Err(CardError::NotOurs);
        }
        let version = value
            .get("schema_version")
            .ok_or(CardError::Missing("schema_version"))?
            .as_u64()
            .filter(|v| *v > 0)
            .ok_or(CardError::Invalid("schema_version"))?;
        if version > u64::from(CARD_SCHEMA_VERSION) {
            return Err(CardError::Newer {
                found: version,
                supported: CARD_SCHEMA_VERSION,
            });
        }
        Ok(Doctor::new(
            card_text(&value, "name")?,
            card_text(&value, "email")?,
        )?)
    }

    /// What the leaflet's QR code holds: a MECARD with the name and the
    /// address, which a phone camera offers to save as a contact, e.g.
    /// `MECARD:N:Rossi Mario;EMAIL:m.rossi@example.org;;`. `\`, `;`, `:`
    /// and `,` in the values are escaped with a backslash.
    pub fn qr_text(&self) -> String {
        format!(
            "MECARD:N:{};EMAIL:{};;",
            mecard_escape(&self.name),
            mecard_escape(&self.email)
        )
    }

    /// The doctor in a MECARD (a photo of the leaflet's QR code, read back):
    /// the first `N` and the first `EMAIL`, unescaped, other fields
    /// ignored. A name written as MECARD's "surname,given name" is read with
    /// a space between the two. `None` when the text is not a MECARD, lacks
    /// either field, or [`Doctor::new`] refuses them.
    pub fn from_qr_text(text: &str) -> Option<Doctor> {
        let text = text.trim();
        let prefix = text.get(..7)?;
        if !prefix.eq_ignore_ascii_case("MECARD:") {
            return None;
        }
        let body = text.get(7..)?;
        let mut name = None;
        let mut email = None;
        for field in split_unescaped(body, ';') {
            let Some((key, value)) = split_once_unescaped(field, ':') else {
                continue;
            };
            let key = key.trim();
            if key.eq_ignore_ascii_case("N") && name.is_none() {
                let parts: Vec<String> = split_unescaped(value, ',')
                    .into_iter()
                    .map(mecard_unescape)
                    .collect();
                name = Some(parts.join(" "));
            } else if key.eq_ignore_ascii_case("EMAIL") && email.is_none() {
                email = Some(mecard_unescape(value));
            }
        }
        Doctor::new(&name?, &email?).ok()
    }
}

/// The text field `field` of a card.
fn card_text<'a>(card: &'a serde_json::Value, field: &'static str) -> Result<&'a str, CardError> {
    card.get(field)
        .ok_or(CardError::Missing(field))?
        .as_str()
        .ok_or(CardError::Invalid(field))
}

/// `value` with MECARD's special characters escaped.
fn mecard_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if matches!(c, '\\' | ';' | ':' | ',') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `value` with its backslash escapes undone; a lone backslash at the end
/// is dropped.
fn mecard_unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` cut at every `sep` that no backslash escapes; the pieces keep
/// their escapes.
fn split_unescaped(text: &str, sep: char) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some((piece, after)) = split_once_unescaped(rest, sep) {
        pieces.push(piece);
        rest = after;
    }
    pieces.push(rest);
    pieces
}

/// `text` cut at its first `sep` that no backslash escapes.
fn split_once_unescaped(text: &str, sep: char) -> Option<(&str, &str)> {
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep {
            return Some((text.get(..i)?, text.get(i + c.len_utf8()..)?));
        }
    }
    None
}

/// The leaflet's file name in `lang`, e.g. `volantino-monitor-check.pdf`.
pub fn file_name(lang: Lang) -> String {
    tr(lang, "leaflet-file-name")
}

/// The leaflet for `doctor` as a one-page A4 PDF in `lang`; `at` is when
/// it was made (printed in the footer and the PDF's metadata).
pub fn render_leaflet(doctor: &Doctor, lang: Lang, at: &jiff::Zoned) -> Result<Vec<u8>, PdfError> {
    let doc = leaflet_doc(doctor, lang, at);
    let info = PdfInfo {
        title: doc.title.clone(),
        description: tr(lang, "leaflet-pdf-description"),
        lang,
        app_version: crate::APP_VERSION.to_owned(),
        date: at.clone(),
        embedded: None,
    };
    pdf::render_docs_styled(&[&doc], &info, &[], LEAFLET_STYLE)
}

/// The leaflet laid out as words in `lang` (shared by the PDF and its
/// tests).
pub(crate) fn leaflet_doc(doctor: &Doctor, lang: Lang, at: &jiff::Zoned) -> Doc {
    let t = |id: &str| tr(lang, id);
    let section = |heading: &str, blocks: Vec<Block>| Section {
        heading: heading.to_owned(),
        blocks,
        new_page: false,
    };
    let sections = vec![
        section(
            &t("leaflet-h-why"),
            vec![
                Block::Para(t("leaflet-why-flaw")),
                Block::Para(t("leaflet-why-ministry")),
            ],
        ),
        section(
            &t("leaflet-h-label"),
            vec![
                // The same drawing the app shows on its identify step.
                Block::PictureBeside(crate::drawing::PictureId::LabelLocation, lang),
                Block::Para(t("leaflet-label")),
            ],
        ),
        section(
            &t("leaflet-h-check"),
            [
                "leaflet-check-install",
                "leaflet-check-role",
                "leaflet-check-model",
                "leaflet-check-steps",
                "leaflet-check-send",
            ]
            .into_iter()
            .map(|id| Block::Bullet(t(id)))
            .collect(),
        ),
        section(
            &t("leaflet-h-doctor"),
            // The code first: the PDF sets the rest beside it.
            vec![
                Block::Qr(doctor.qr_text()),
                Block::Strong(doctor.name.clone()),
                Block::Strong(doctor.email.clone()),
                Block::Para(t("leaflet-qr-caption")),
            ],
        ),
        // No heading: the closing line stands on its own.
        section("", vec![Block::Strong(t("leaflet-privacy"))]),
    ];
    Doc {
        letterhead: Vec::new(),
        kicker: None,
        title: t("leaflet-title"),
        // The doctor is named once, beside the QR code: a long name here
        // would take lines the page does not have.
        subtitle: t("leaflet-subtitle"),
        alert: None,
        header: Vec::new(),
        sections,
        footer: tr_args(
            lang,
            "leaflet-footer",
            &[
                ("date", &crate::i18n::format_civil_date(lang, at.date())),
                ("version", crate::APP_VERSION),
            ],
        ),
        photo_names: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
