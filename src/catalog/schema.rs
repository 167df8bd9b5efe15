//! Serde types of `affected-models.json`.
//!
//! Unknown fields are refused: a misspelt field name in a list that people's
//! safety rests on must fail loudly rather than be silently ignored.

use serde::{Deserialize, Serialize};

/// Why a list was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    /// The text is not JSON of the expected shape.
    #[error(
        "the list is not valid JSON of the expected shape (line {line}, column {column}): {message}"
    )]
    Parse {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What serde said.
        message: String,
    },
    /// The JSON parsed but breaks a rule of the schema.
    #[error("the list breaks a rule: {0}")]
    Invalid(String),
    /// The JSON parsed but breaks a rule at a place that can be pointed to.
    #[error("the list breaks a rule at line {line}: {message}")]
    Rule {
        /// 1-based line of the offending value in the list file.
        line: usize,
        /// Which rule, and what broke it.
        message: String,
    },
}

/// How close a source is to the authority that wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// The regulator's, agency's or statute's own text.
    Primary,
    /// A regulator's text relayed by a medical body.
    Relayed,
    /// Press or blogs.
    Secondary,
}

/// A document the list rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id used by models and advisories, e.g. `cisa-icsma-25-030-01`.
    pub id: String,
    /// Who published it.
    pub publisher: String,
    /// Its title.
    pub title: String,
    /// Date of first publication, `YYYY-MM-DD`.
    pub date: String,
    /// Date of the latest update used, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Where to read it.
    pub url: String,
    /// How close to the authority.
    pub grade: Grade,
}

/// One vulnerability named by an advisory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advisory {
    /// CVE id.
    pub cve: String,
    /// CWE id.
    pub cwe: String,
    /// One line in English on what it allows.
    pub summary: String,
    /// CVSS v3.1 base score.
    pub cvss_v3: f32,
    /// CVSS v4 base score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cvss_v4: Option<f32>,
    /// Which firmware it concerns: strings, or `["all"]`.
    pub firmware: Vec<String>,
    /// Source ids.
    pub sources: Vec<String>,
}

/// A code an importer or distributor sells the model under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImporterCode {
    /// The importer, e.g. `Gima`.
    pub importer: String,
    /// The code printed on its label, e.g. `35152`.
    pub code: String,
    /// Source ids.
    pub sources: Vec<String>,
}

/// One affected model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelEntry {
    /// Canonical model name as the app reports it, e.g. `CMS8000`, `MN-120`.
    pub model: String,
    /// Brand printed on the device.
    pub brand: String,
    /// Legal manufacturer.
    pub manufacturer: String,
    /// Kind of device, in English.
    pub kind: String,
    /// For a relabelled device, the canonical model it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relabel_of: Option<String>,
    /// Other spellings that name exactly this model.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Importer or distributor codes.
    #[serde(default)]
    pub importer_codes: Vec<ImporterCode>,
    /// Firmware strings known to run on it.
    #[serde(default)]
    pub firmware: Vec<String>,
    /// GS1 GTINs (14 digits) of the model; only sourced ones.
    #[serde(default)]
    pub gtins: Vec<String>,
    /// CVE ids that concern it.
    #[serde(default)]
    pub advisories: Vec<String>,
    /// Source ids that name it.
    pub sources: Vec<String>,
}

/// A product often confused with an affected one that no source lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LookAlike {
    /// Model name as printed.
    pub model: String,
    /// Brand.
    pub brand: String,
    /// Kind of device, in English.
    pub kind: String,
    /// Source ids where the name was seen.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// The whole list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Schema revision of this file format.
    pub schema: u32,
    /// Monotonic list version: an update must be strictly greater.
    pub version: u64,
    /// Date of issue, `YYYY-MM-DD`.
    pub issued: String,
    /// The documents the list rests on.
    pub sources: Vec<Source>,
    /// The vulnerabilities.
    pub advisories: Vec<Advisory>,
    /// Affected models.
    pub models: Vec<ModelEntry>,
    /// Known products that are not affected.
    #[serde(default)]
    pub not_affected: Vec<LookAlike>,
}
