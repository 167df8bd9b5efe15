//! The answer the app gives about one device, with everything it rests on.

use serde::{Deserialize, Serialize};

/// The three possible answers. There is deliberately no "safe".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerdictKind {
    /// A listed model was read.
    Affected,
    /// A model was read, and it is not on the list.
    NotAffected,
    /// Nothing conclusive was read.
    Unknown,
}

/// Where a piece of evidence came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    /// Typed by the user.
    Typed,
    /// Read by OCR from a photo.
    Photo {
        /// File name of the photo (no directory).
        file: String,
        /// Recogniser confidence of the line, 0..=1.
        confidence: f32,
    },
    /// Decoded from a barcode in a photo.
    Barcode {
        /// File name of the photo (no directory).
        file: String,
        /// Symbology, e.g. `DATA_MATRIX`.
        format: String,
    },
}

/// How a piece of text was tied to an entry of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchRule {
    /// The canonical model name, after normalisation.
    Model,
    /// A listed alias or relabel spelling.
    Alias,
    /// An importer or distributor code.
    ImporterCode,
    /// A firmware string.
    Firmware,
    /// A GTIN from a UDI.
    Gtin,
    /// A product known not to be affected.
    LookAlike,
    /// A model-like token that is not on the list.
    UnlistedModel,
}

/// One piece of text and what it was matched to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The text as the user typed it or the reader read it.
    pub text: String,
    /// What it was matched to (canonical model, code, firmware …).
    pub matched: String,
    /// Which rule matched.
    pub rule: MatchRule,
    /// Where the text came from.
    pub origin: Origin,
}

/// Why an answer is less than certain, or what to look at again.
/// Each variant has a translated sentence in the UI and the notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Caution {
    /// Nothing that looks like a model was found.
    NoModelFound,
    /// Only an accessory's label was read, naming the monitor it fits: that
    /// says nothing about which monitor this is.
    AccessoryOnly {
        /// The model the accessory names.
        fits: String,
    },
    /// Only a serial number was given; a serial identifies nothing alone.
    SerialOnly {
        /// The serial as given.
        serial: String,
    },
    /// A token that is close to a listed model but is another model.
    NearMiss {
        /// What was read.
        read: String,
        /// The listed model it resembles.
        listed: String,
    },
    /// A listed model with something extra: may be an unlisted variant.
    Variant {
        /// What was read.
        read: String,
        /// The listed model it starts with.
        listed: String,
    },
    /// Two different models were read for one device.
    Conflict {
        /// The models read.
        models: Vec<String>,
    },
    /// A brand that also sells other makers' devices was read without a model.
    BrandOnly {
        /// The brand.
        brand: String,
    },
    /// A UDI was read but its product code is not on the list.
    UnknownGtin {
        /// The GTIN.
        gtin: String,
    },
    /// A UDI or barcode could not be parsed.
    BadUdi {
        /// What was wrong, in English.
        detail: String,
    },
    /// The photo text was read with low confidence.
    LowConfidence {
        /// What was read.
        read: String,
    },
}

/// What the user should capture next when the answer is `unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NextStep {
    /// Type the model exactly as printed on the label.
    TypeModel,
    /// Photograph the rating label on the back or underside.
    PhotoLabel,
    /// Check the label again, letter by letter.
    CheckLabelAgain,
    /// Ask the family doctor.
    AskGp,
}

/// Other identifiers read, kept for the notice.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Identifiers {
    /// Serial number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub serial: Option<String>,
    /// UDI as read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub udi_raw: Option<String>,
    /// GTIN from the UDI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gtin: Option<String>,
    /// Lot from the UDI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lot: Option<String>,
    /// Production date from the UDI, `YYYY-MM-DD` (day 00 kept as printed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manufactured: Option<String>,
    /// Firmware string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub firmware: Option<String>,
    /// Importer code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub importer_code: Option<String>,
    /// Brand read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// HIBC labeler and product code (the UDI-DI of a HIBC label).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_code: Option<String>,
    /// Expiry date from the UDI, `YYYY-MM-DD` (day 00 kept as printed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiry: Option<String>,
}

/// The answer about one device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// Affected, not affected, or unknown.
    pub verdict: VerdictKind,
    /// The canonical model read (`CMS8000`, `MN-120`, or an unlisted model
    /// for `not_affected`); `None` when no model was read.
    pub model: Option<String>,
    /// For a relabelled model, the model it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relabel_of: Option<String>,
    /// Manufacturer from the list, when the model is listed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manufacturer: Option<String>,
    /// What was matched and how.
    pub evidence: Vec<Evidence>,
    /// Why the answer is less than certain.
    pub cautions: Vec<Caution>,
    /// What to do to get a firmer answer.
    pub next_steps: Vec<NextStep>,
    /// CVE ids that concern the model.
    pub advisories: Vec<String>,
    /// Source ids the answer rests on.
    pub sources: Vec<String>,
    /// Serial, UDI parts, firmware … as read.
    pub identifiers: Identifiers,
}

impl VerdictKind {
    /// Message id of the headline, e.g. `result-affected`; it takes the
    /// argument `model` (empty when no model was read).
    pub fn message_id(self) -> &'static str {
        match self {
            VerdictKind::Affected => "result-affected",
            VerdictKind::NotAffected => "result-not-affected",
            VerdictKind::Unknown => "result-unknown",
        }
    }

    /// Message id of the one-line explanation under the headline; same
    /// argument as [`VerdictKind::message_id`].
    pub fn explanation_message_id(self) -> &'static str {
        match self {
            VerdictKind::Affected => "result-affected-explain",
            VerdictKind::NotAffected => "result-not-affected-explain",
            VerdictKind::Unknown => "result-unknown-explain",
        }
    }
}

impl Caution {
    /// Message id of the sentence explaining this caution.
    pub fn message_id(&self) -> &'static str {
        match self {
            Caution::NoModelFound => "caution-no-model-found",
            Caution::AccessoryOnly { .. } => "caution-accessory-only",
            Caution::SerialOnly { .. } => "caution-serial-only",
            Caution::NearMiss { .. } => "caution-near-miss",
            Caution::Variant { .. } => "caution-variant",
            Caution::Conflict { .. } => "caution-conflict",
            Caution::BrandOnly { .. } => "caution-brand-only",
            Caution::UnknownGtin { .. } => "caution-unknown-gtin",
            Caution::BadUdi { .. } => "caution-bad-udi",
            Caution::LowConfidence { .. } => "caution-low-confidence",
        }
    }

    /// Fluent arguments of the sentence, by name, for `crate::i18n::tr_args`.
    pub fn message_args(&self) -> Vec<(&'static str, String)> {
        match self {
            Caution::NoModelFound => Vec::new(),
            Caution::AccessoryOnly { fits } => vec![("fits", fits.clone())],
            Caution::SerialOnly { serial } => vec![("serial", serial.clone())],
            Caution::NearMiss { read, listed } | Caution::Variant { read, listed } => {
                vec![("read", read.clone()), ("listed", listed.clone())]
            }
            Caution::Conflict { models } => vec![("models", models.join(", "))],
            Caution::BrandOnly { brand } => vec![("brand", brand.clone())],
            Caution::UnknownGtin { gtin } => vec![("gtin", gtin.clone())],
            Caution::BadUdi { detail } => vec![("detail", detail.clone())],
            Caution::LowConfidence { read } => vec![("read", read.clone())],
        }
    }
}

impl NextStep {
    /// Message id of the sentence asking for this step (no arguments).
    pub fn message_id(self) -> &'static str {
        match self {
            NextStep::TypeModel => "next-step-type-model",
            NextStep::PhotoLabel => "next-step-photo-label",
            NextStep::CheckLabelAgain => "next-step-check-label-again",
            NextStep::AskGp => "next-step-ask-gp",
        }
    }
}

impl Verdict {
    /// "Nothing conclusive yet", with nothing read: the start of every
    /// decision.
    pub fn unknown(identifiers: Identifiers) -> Verdict {
        Verdict {
            verdict: VerdictKind::Unknown,
            model: None,
            relabel_of: None,
            manufacturer: None,
            evidence: Vec::new(),
            cautions: Vec::new(),
            next_steps: Vec::new(),
            advisories: Vec::new(),
            sources: Vec::new(),
            identifiers,
        }
    }
}
