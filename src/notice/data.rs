//! The notice as data: the JSON copy of what a [`Notice`] says, carried by
//! every notice the app writes (attached to the e-mail, embedded in the
//! PDF, or on its own from the CLI) so that the doctor's register can read
//! it back without anyone retyping it.
//!
//! The copy says no more than the notice does: the patient's full name is
//! in it only when the user chose to print it. "Not answered" stays
//! distinct from "no": every tamper sign is listed with its answer, and a
//! question nobody answered is `"not_answered"` (or `null` for the
//! connection and the age band).
//!
//! [`NoticeData::parse`] is the schema check: it refuses what is not one of
//! ours, a newer schema version, and a copy whose fields do not hold
//! together, each with an error that says which.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::content::{Answer, Notice, NoticeForm};
use super::id::is_notice_id;
use crate::guidance::TamperSign;
use crate::i18n::Lang;
use crate::identify::Verdict;

/// The `schema` value of every copy.
pub const SCHEMA: &str = "monitor-check/notice";
/// The schema version this build writes and the newest it reads.
pub const SCHEMA_VERSION: u32 = 1;
/// The copy's file name as an attachment or an embedded file.
pub const FILE_NAME: &str = "monitor-check-notice.json";
/// Its media type.
pub const MEDIA_TYPE: &str = "application/json";
/// The largest copy read back, in bytes: a real one is a few kilobytes.
pub const MAX_BYTES: usize = 1024 * 1024;

/// Why a file is not a notice this build can read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DataError {
    /// Larger than any notice.
    #[error("it is too large to be a notice ({size} bytes)")]
    TooLarge {
        /// Its size in bytes.
        size: usize,
    },
    /// Not JSON at all.
    #[error("it is not a notice written by Monitor Check (not JSON: {0})")]
    NotJson(String),
    /// JSON, but not one of ours.
    #[error("it is not a notice written by Monitor Check")]
    NotOurs,
    /// Written by a newer version of the app.
    #[error(
        "it was written by a newer version of Monitor Check (notice format {found}; this \
         version reads up to {supported}): update the app"
    )]
    Newer {
        /// The version in the file.
        found: u32,
        /// The newest this build reads.
        supported: u32,
    },
    /// One of ours, but a field is missing or wrong.
    #[error("the notice is damaged: {0}")]
    Invalid(String),
}

/// The list the verdict was reached with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListData {
    /// Monotonic list version.
    pub version: u64,
    /// Date of issue, `YYYY-MM-DD`.
    pub issued: String,
}

/// The machine-readable copy of one notice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeData {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// [`SCHEMA_VERSION`] when written by this build.
    pub schema_version: u32,
    /// The notice's random id: the same in its PDF, e-mail and JSON, and
    /// how the register recognises a notice it already has.
    pub notice_id: String,
    /// The app version that wrote it.
    pub app_version: String,
    /// The language the notice was written in.
    pub lang: Lang,
    /// When the check was made (RFC 9557, with the time zone).
    pub checked_at: String,
    /// The list used.
    pub list: ListData,
    /// The verdict, with its evidence and cautions.
    pub verdict: Verdict,
    /// Whether the notice reports a possible serious incident (a sign of
    /// tampering was seen).
    pub incident: bool,
    /// Every answer of the form. The full name is empty unless the user
    /// chose to print it.
    pub form: NoticeForm,
    /// Every tamper sign with its answer, the unanswered ones included.
    pub tamper: BTreeMap<TamperSign, Answer>,
    /// File names of the label photos attached.
    pub photos: Vec<String>,
    /// File names of the chosen photos that could not be read.
    pub unreadable_photos: Vec<String>,
}

impl NoticeData {
    /// The copy of `notice`, written in `lang`.
    pub fn from_notice(notice: &Notice, lang: Lang) -> NoticeData {
        let mut form = notice.form.clone();
        if !form.print_full_name {
            form.patient_full_name.clear();
        }
        let tamper = TamperSign::ALL
            .into_iter()
            .map(|sign| (sign, form.tamper_answer(sign)))
            .collect();
        // The answers are given once, in `tamper`, with the unanswered ones.
        form.tamper.clear();
        NoticeData {
            schema: SCHEMA.to_owned(),
            schema_version: SCHEMA_VERSION,
            notice_id: notice.id.clone(),
            app_version: notice.app_version.clone(),
            lang,
            checked_at: notice.checked_at.to_string(),
            list: ListData {
                version: notice.list.version,
                issued: notice.list.issued.clone(),
            },
            verdict: notice.verdict.clone(),
            incident: notice.is_incident(),
            form,
            tamper,
            photos: notice.photo_names.clone(),
            unreadable_photos: notice.unreadable_photos.clone(),
        }
    }

    /// The copy as pretty-printed JSON.
    pub fn to_json(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    /// Reads and checks a copy: one of ours, of a version this build
    /// reads, with every field present and consistent.
    pub fn parse(bytes: &[u8]) -> Result<NoticeData, DataError> {
        if bytes.len() > MAX_BYTES {
            return Err(DataError::TooLarge { size: bytes.len() });
        }
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| DataError::NotJson(e.to_string()))?;
        if value.get("schema").and_then(serde_json::Value::as_str) != Some(SCHEMA) {
            return Err(DataError::NotOurs);
        }
        let version = value
            .get("schema_version")
            .and_then(serde_json::Value::as_u64)
            .ok_or_else(|| DataError::Invalid("no schema_version".to_owned()))?;
        let version = u32::try_from(version).unwrap_or(u32::MAX);
        if version > SCHEMA_VERSION {
            return Err(DataError::Newer {
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if version == 0 {
            return Err(DataError::Invalid("schema_version 0".to_owned()));
        }
        let data: NoticeData =
            serde_json::from_value(value).map_err(|e| DataError::Invalid(e.to_string()))?;
        data.check()?;
        Ok(data)
    }

    /// The rules serde cannot express.
    fn check(&self) -> Result<(), DataError> {
        let invalid = |why: String| Err(DataError::Invalid(why));
        if !is_notice_id(&self.notice_id) {
            return invalid(format!("notice_id {:?} is not a notice id", self.notice_id));
        }
        if self.checked_at.parse::<jiff::Zoned>().is_err() {
            return invalid(format!("checked_at {:?} is not a time", self.checked_at));
        }
        if self.list.version == 0 {
            return invalid("list version 0".to_owned());
        }
        if self.tamper.len() != TamperSign::ALL.len() {
            return invalid(format!(
                "{} tamper answers where there are {} signs",
                self.tamper.len(),
                TamperSign::ALL.len()
            ));
        }
        let seen = self.tamper.values().any(|a| *a == Answer::Yes);
        if seen != self.incident {
            return invalid("the incident flag does not match the tamper answers".to_owned());
        }
        Ok(())
    }

    /// The form as the user filled it: the tamper answers put back.
    pub fn answered_form(&self) -> NoticeForm {
        let mut form = self.form.clone();
        for (sign, answer) in &self.tamper {
            form.set_tamper_answer(*sign, *answer);
        }
        form
    }

    /// When the check was made.
    pub fn checked_at(&self) -> Option<jiff::Zoned> {
        self.checked_at.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn notice(text: &str) -> Notice {
        let catalog = Catalog::bundled();
        let verdict = crate::identify::identify_text(&catalog, text).unwrap();
        let mut form = NoticeForm::default();
        form.prefill(&verdict, &catalog);
        form.patient_initials = "M.R.".to_owned();
        form.patient_full_name = "Maria Rossi".to_owned();
        form.set_tamper_answer(TamperSign::UnexpectedRestart, Answer::Yes);
        form.set_tamper_answer(TamperSign::ReadingsMismatch, Answer::No);
        let at: jiff::Zoned = "2025-03-10T13:45:00+01:00[Europe/Rome]".parse().unwrap();
        Notice::new(form, &verdict, &catalog, at, "0.1.0", Vec::new())
    }

    #[test]
    fn a_copy_reads_back_equal_with_every_answer() {
        let n = notice("CMS8000 SN 123");
        let data = NoticeData::from_notice(&n, Lang::It);
        let back = NoticeData::parse(&data.to_json()).unwrap();
        assert_eq!(back, data);
        assert_eq!(back.notice_id, n.id);
        assert!(back.incident);
        assert_eq!(back.tamper.len(), TamperSign::ALL.len());
        assert_eq!(back.tamper[&TamperSign::UnexpectedRestart], Answer::Yes);
        assert_eq!(back.tamper[&TamperSign::ReadingsMismatch], Answer::No);
        let unanswered = back
            .tamper
            .values()
            .filter(|a| **a == Answer::NotAnswered)
            .count();
        assert_eq!(unanswered, TamperSign::ALL.len() - 2);
        let mut expected = n.form.clone();
        expected.patient_full_name.clear();
        assert_eq!(back.answered_form(), expected);
        assert_eq!(back.checked_at(), Some(n.checked_at.clone()));
    }

    #[test]
    fn the_full_name_travels_only_when_it_is_printed() {
        let mut n = notice("CMS8000");
        let json = String::from_utf8(NoticeData::from_notice(&n, Lang::En).to_json()).unwrap();
        assert!(!json.contains("Maria Rossi"), "{json}");
        n.form.print_full_name = true;
        let json = String::from_utf8(NoticeData::from_notice(&n, Lang::En).to_json()).unwrap();
        assert!(json.contains("Maria Rossi"), "{json}");
    }

    #[test]
    fn what_is_not_a_notice_is_refused_with_the_reason() {
        let good = NoticeData::from_notice(&notice("CMS8000"), Lang::En);
        let value = serde_json::to_value(&good).unwrap();
        let with = |key: &str, v: serde_json::Value| {
            let mut value = value.clone();
            value[key] = v;
            serde_json::to_vec(&value).unwrap()
        };
        assert!(matches!(
            NoticeData::parse(b"%PDF-1.7"),
            Err(DataError::NotJson(_))
        ));
        assert_eq!(
            NoticeData::parse(br#"{"name": "a list"}"#),
            Err(DataError::NotOurs)
        );
        assert_eq!(
            NoticeData::parse(&with("schema_version", 7.into())),
            Err(DataError::Newer {
                found: 7,
                supported: SCHEMA_VERSION
            })
        );
        for (key, bad) in [
            ("notice_id", serde_json::Value::from("1234")),
            ("checked_at", "yesterday".into()),
            ("incident", false.into()),
            ("verdict", "affected".into()),
            ("tamper", serde_json::json!({})),
        ] {
            let err = NoticeData::parse(&with(key, bad)).unwrap_err();
            assert!(matches!(err, DataError::Invalid(_)), "{key}: {err}");
        }
        let mut missing = value.clone();
        missing.as_object_mut().unwrap().remove("list");
        let err = NoticeData::parse(&serde_json::to_vec(&missing).unwrap()).unwrap_err();
        assert!(err.to_string().contains("list"), "{err}");
        let huge = vec![b' '; MAX_BYTES + 1];
        assert!(matches!(
            NoticeData::parse(&huge),
            Err(DataError::TooLarge { .. })
        ));
    }
}
