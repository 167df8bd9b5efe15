//! Evidence → verdict: typed text, UDIs and lines read from photos are
//! matched against the list. No egui here, and no I/O.
//!
//! One machinery serves every input: typed text is a single [`Reading`]
//! with [`Origin::Typed`]; a photo gives one reading per OCR line (with its
//! confidence) and one per barcode. [`Matcher`] holds the list's names
//! pre-normalised; [`identify_text`] and [`identify_readings`] build one per
//! call, which costs a few microseconds.
//!
//! The path of a reading: `words` (the word tables) and `tokens` (model-like
//! tokens and what they read as) serve `scan`, which reads every line into a
//! `Scan`; `decide` turns that `Scan` into a [`Verdict`] with nothing but the
//! catalog. `markings` keeps ratings, dates and phone numbers from being read
//! as models.
//!
//! Safety rule, enforced in `decide`: a listed model read anywhere — even
//! at low confidence, even on an accessory label — never ends as
//! `not_affected`.

mod decide;
mod markings;
mod matcher;
mod names;
mod normalize;
mod scan;
mod scanner;
mod tokens;
pub mod udi;
mod verdict;
mod words;

#[cfg(test)]
mod tests;

pub use matcher::Matcher;
pub use scanner::{Repair, ScanError, ScanKind, ScannerInput, read_scan};
pub use verdict::{
    Caution, Evidence, Identifiers, MatchRule, NextStep, Origin, Verdict, VerdictKind,
};

use crate::catalog::Catalog;

/// The longest typed text accepted, in characters. A label has a few
/// hundred; the cap keeps pasted megabytes from being scanned at all.
pub const MAX_TEXT_CHARS: usize = 4096;

/// Photo lines read with a lower confidence than this do not decide a
/// verdict on their own. At 0.6 the recogniser gets most characters of a
/// line right but a single wrong digit is still likely, and one digit is
/// the difference between `CMS8000` and `CMS800`.
pub const MIN_CONFIDENCE: f32 = 0.6;

/// At most this many readings are looked at in one call; a photo has a few
/// dozen lines, so this only bounds the work on a pathological input.
pub const MAX_READINGS: usize = 1000;

/// At most this many characters are read over all readings of one call
/// (each reading is also cut at [`MAX_TEXT_CHARS`]). Labels of a few photos
/// hold a few thousand; the cap bounds the time a hostile input can take.
pub const MAX_TOTAL_CHARS: usize = 64 * 1024;

/// Why typed text was refused before matching.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// Nothing but spaces and line breaks.
    #[error("the text is empty")]
    Empty,
    /// Longer than [`MAX_TEXT_CHARS`].
    #[error("the text is longer than {max_chars} characters")]
    TooLong {
        /// The cap.
        max_chars: usize,
    },
    /// A control character other than GS, CR, LF or TAB.
    #[error("the text contains a control character (U+{code:04X})")]
    ControlCharacter {
        /// Its code point.
        code: u32,
    },
}

/// One piece of text to identify, and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The text: a typed input, one OCR line, or one barcode payload.
    pub text: String,
    /// Typed, photo line (with confidence) or barcode.
    pub origin: Origin,
}

impl Reading {
    /// Text the user typed.
    pub fn typed(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            origin: Origin::Typed,
        }
    }

    /// A line read by OCR from the photo `file` with `confidence` (0..=1).
    pub fn photo(file: impl Into<String>, confidence: f32, text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            origin: Origin::Photo {
                file: file.into(),
                confidence,
            },
        }
    }

    /// A barcode payload decoded from the photo `file`, of symbology `format`.
    pub fn barcode(
        file: impl Into<String>,
        format: impl Into<String>,
        text: impl Into<String>,
    ) -> Self {
        Self {
            text: text.into(),
            origin: Origin::Barcode {
                file: file.into(),
                format: format.into(),
            },
        }
    }
}

/// Checks typed text: not empty, not longer than [`MAX_TEXT_CHARS`], no
/// control characters but GS (barcode separators), CR, LF and TAB.
pub fn check_text(text: &str) -> Result<(), InputError> {
    // Bytes first: a character is at most 4 bytes, so anything longer than
    // this is refused without walking it.
    if text.len() > MAX_TEXT_CHARS * 4 || text.chars().count() > MAX_TEXT_CHARS {
        return Err(InputError::TooLong {
            max_chars: MAX_TEXT_CHARS,
        });
    }
    if let Some(c) = text
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\u{1D}' | '\r' | '\n' | '\t'))
    {
        return Err(InputError::ControlCharacter { code: u32::from(c) });
    }
    if text.chars().all(|c| c.is_whitespace() || c == '\u{1D}') {
        return Err(InputError::Empty);
    }
    Ok(())
}

/// Identifies a monitor from text the user typed (a model, brand and
/// model, importer code, firmware string or UDI, on one or more lines).
pub fn identify_text(catalog: &Catalog, text: &str) -> Result<Verdict, InputError> {
    Matcher::new(catalog).identify_text(text)
}

/// Identifies one monitor from several readings: OCR lines and barcodes
/// from one or more photos of it, and typed text.
pub fn identify_readings(catalog: &Catalog, readings: &[Reading]) -> Verdict {
    Matcher::new(catalog).identify_readings(readings)
}
