//! The notice for the family doctor: what it says ([`Notice`], built from
//! the [`NoticeForm`] the user fills, the verdict and the list) and the
//! three ways it is written — plain text, PDF and e-mail — plus the draft
//! that keeps the form safe between sessions. No egui here; the caller
//! passes the time, the data directory and the photos' bytes in.
//!
//! - [`content`]: the form and the notice value.
//! - [`text`]: plain text (copy, `.txt`, e-mail body).
//! - [`pdf`]: A4 PDF/A-3b with the label photos and the data embedded.
//! - [`eml`]: `.eml` with attachments, and `mailto:` links.
//! - [`data`]: the notice as JSON, for the doctor's register.
//! - [`id`]: the notice's random id.
//! - [`draft`]: the autosaved draft.
//! - [`photo`]: label photos shrunk, turned upright, stripped of EXIF.
//! - [`font`]: the bundled fonts, shared with the UI.
//! - [`sheet`]: the sheet printed for the patient at the pharmacy counter
//!   (the patient's page, then the notice), drawn by the PDF writer.

pub(crate) mod content;
pub mod data;
pub(crate) mod doc;
pub(crate) mod draft;
pub(crate) mod eml;
pub(crate) mod font;
pub mod id;
pub(crate) mod pdf;
pub(crate) mod photo;
pub(crate) mod sheet;
pub(crate) mod text;

pub use content::{
    ActionsTaken, AgeBand, Answer, DeviceDetails, IdentifiedBy, ListInfo, Notice, NoticeForm,
};
pub use data::{DataError, NoticeData};
pub use draft::{Autosave, Draft, DraftError, DraftStore, DraftWriter};
pub use eml::{EmlError, mailto_url, render_eml};
pub use pdf::{PdfError, render_pdf};
pub use photo::{PhotoError, PhotoFile, PhotoOutcome, PreparedPhoto};
pub use sheet::{Pharmacy, render_patient_sheet};
pub use text::{render_incident_text, render_text};

/// The subject line of the notice (e-mail subject, PDF title).
pub fn subject(notice: &Notice, lang: crate::i18n::Lang) -> String {
    doc::subject(notice, lang)
}

#[cfg(test)]
mod tests;
