//! CSAF 2.0 advisories (as CISA publishes them): reading one, checking it
//! against the `.sha512` beside it, summarising what it affects, and
//! drafting a list entry for the maintainers.
//!
//! Only the parts of CSAF 2.0 the summary needs are modelled, leniently:
//! unknown fields are ignored, so newer generators still read. The kept
//! CSAF crates were weighed and not used: `csaf` 0.5 panics on a bad CVSS
//! vector and pulls in `rustsec`; `csaf-rs` generates the whole schema and
//! pulls in a JSON-schema validator. Neither is needed for a summary.
//!
//! A draft entry is never used by the app: the maintainers finish it, add
//! it to the list and sign the list. CSAF names no relabelled devices, no
//! importer codes and no other models that share the flaw, so the draft
//! says what a person must still fill in.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;
use std::str::FromStr;

use sha2::{Digest, Sha512};

use crate::catalog::{Advisory, Catalog, Grade, ModelEntry, Source};
use crate::fsutil::{self, FsError};

/// The largest advisory read, in bytes (16 MiB). Real advisories are tens
/// of kilobytes; vendors' largest are a few megabytes.
pub const MAX_CSAF_BYTES: u64 = 16 * 1024 * 1024;

/// Why an advisory could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsafError {
    /// The file could not be opened or read (the message names it).
    #[error("{0}")]
    Unreadable(String),
    /// The file is larger than any advisory we read.
    #[error("the file is larger than the {max_bytes} bytes allowed for an advisory")]
    TooLarge {
        /// The cap, in bytes.
        max_bytes: u64,
    },
    /// The file is not JSON.
    #[error("the file is not JSON (line {line}, column {column}): {message}")]
    NotJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// The file is JSON but not a CSAF document.
    #[error("the file is JSON but not a CSAF advisory: {0}")]
    NotCsaf(String),
    /// A CSAF version other than 2.0.
    #[error("CSAF version {0} is not supported (only 2.0)")]
    UnsupportedVersion(String),
    /// CSAF 2.0, but a required part is missing or malformed.
    #[error("the advisory is not valid CSAF 2.0: {0}")]
    Invalid(String),
    /// The `.sha512` file beside the advisory is not a SHA-512 checksum.
    #[error("the .sha512 file beside the advisory is not a SHA-512 checksum")]
    BadChecksumFile,
    /// The file does not match its `.sha512`.
    #[error("the file does not match its .sha512 checksum: it was changed or damaged")]
    ChecksumMismatch,
}

/// Whether the advisory was checked against a published checksum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checksum {
    /// A `.sha512` was beside it and matched.
    Matched,
    /// No `.sha512` was beside it.
    Absent,
}

/// One entry of the revision history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// Revision number, e.g. `2`.
    pub number: String,
    /// Date, `YYYY-MM-DD`.
    pub date: String,
    /// The publisher's own label, e.g. `Update A`.
    pub label: Option<String>,
    /// What changed.
    pub summary: String,
}

/// The version part of a product, as the product tree gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProductVersion {
    /// One exact version (`product_version`).
    Exact(String),
    /// A range (`product_version_range`), e.g. `vers:all/*` or `<=3.64`.
    Range(String),
}

impl ProductVersion {
    /// True for a range that covers every version (`vers:all/*`).
    pub fn is_all(&self) -> bool {
        match self {
            Self::Range(r) | Self::Exact(r) => r.trim() == "vers:all/*",
        }
    }
}

/// One product of the product tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    /// The id vulnerabilities refer to, e.g. `CSAFPID-0001`.
    pub product_id: String,
    /// The full product name.
    pub name: String,
    /// The vendor branch.
    pub vendor: Option<String>,
    /// The product-name branch (or family, if no name).
    pub product: Option<String>,
    /// The version branch.
    pub version: Option<ProductVersion>,
}

/// A CVSS score.
#[derive(Debug, Clone, PartialEq)]
pub struct Cvss {
    /// `3.0`, `3.1` or `4.0`.
    pub version: String,
    /// Base score.
    pub base_score: f64,
    /// Severity, lower case (`critical`, `high`…).
    pub severity: String,
    /// The vector string.
    pub vector: String,
    /// True when the score was computed here from a vector found only in a
    /// reference link (CISA puts CVSS v4 there: CSAF 2.0 has no v4 field).
    pub computed_from_link: bool,
}

/// CWE of a vulnerability.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cwe {
    /// e.g. `CWE-912`.
    pub id: String,
    /// e.g. `Hidden Functionality`.
    pub name: String,
}

/// What the advisory tells users to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remediation {
    /// `mitigation`, `vendor_fix`, `workaround`, `none_available`, `no_fix_planned`.
    pub category: String,
    /// The text.
    pub details: String,
    /// A link, if given.
    pub url: Option<String>,
    /// Products it applies to.
    pub product_ids: Vec<String>,
}

/// One vulnerability.
#[derive(Debug, Clone, PartialEq)]
pub struct Vulnerability {
    /// CVE id, if it has one.
    pub cve: Option<String>,
    /// The weakness.
    pub cwe: Option<Cwe>,
    /// The publisher's summary text.
    pub summary: Option<String>,
    /// CVSS v3.x.
    pub cvss_v3: Option<Cvss>,
    /// CVSS v4.0.
    pub cvss_v4: Option<Cvss>,
    /// Products known affected (including first/last affected).
    pub affected: Vec<String>,
    /// Products fixed (including first fixed).
    pub fixed: Vec<String>,
    /// Products known not affected.
    pub not_affected: Vec<String>,
    /// Remediations.
    pub remediations: Vec<Remediation>,
}

/// What an advisory says, for people.
#[derive(Debug, Clone, PartialEq)]
pub struct CsafSummary {
    /// Tracking id, e.g. `ICSMA-25-030-01`.
    pub tracking_id: String,
    /// Title.
    pub title: String,
    /// Document category, e.g. `csaf_security_advisory`.
    pub category: String,
    /// Publisher name, e.g. `CISA`.
    pub publisher: String,
    /// Publisher category, e.g. `coordinator`.
    pub publisher_category: String,
    /// Tracking status, e.g. `final`.
    pub status: String,
    /// Document version, e.g. `2`.
    pub version: String,
    /// First publication, `YYYY-MM-DD`.
    pub initial_release: String,
    /// This revision's date, `YYYY-MM-DD`.
    pub current_release: String,
    /// Revision history, oldest first.
    pub revisions: Vec<Revision>,
    /// The human-readable page of the advisory, if the file links one.
    pub web_url: Option<String>,
    /// Every product of the product tree.
    pub products: Vec<Product>,
    /// The vulnerabilities.
    pub vulnerabilities: Vec<Vulnerability>,
    /// Whether a published checksum was checked.
    pub checksum: Checksum,
    /// Oddities found in the file (typos, scores that disagree…).
    pub warnings: Vec<String>,
}

impl CsafSummary {
    /// Vendor names, each once, in tree order.
    pub fn vendors(&self) -> Vec<String> {
        unique(self.products.iter().filter_map(|p| p.vendor.clone()))
    }

    /// CVE ids, in file order.
    pub fn cves(&self) -> Vec<String> {
        self.vulnerabilities
            .iter()
            .filter_map(|v| v.cve.clone())
            .collect()
    }

    /// Each distinct remediation text once, with the CVEs it is given for.
    pub fn remediations(&self) -> Vec<(Remediation, Vec<String>)> {
        let mut out: Vec<(Remediation, Vec<String>)> = Vec::new();
        for v in &self.vulnerabilities {
            let cve = v.cve.clone().unwrap_or_else(|| "(no CVE)".to_owned());
            for r in &v.remediations {
                if let Some((_, cves)) = out
                    .iter_mut()
                    .find(|(seen, _)| seen.details == r.details && seen.category == r.category)
                {
                    if !cves.contains(&cve) {
                        cves.push(cve.clone());
                    }
                } else {
                    out.push((r.clone(), vec![cve.clone()]));
                }
            }
        }
        out
    }

    /// True if any remediation is a vendor fix.
    pub fn has_vendor_fix(&self) -> bool {
        self.vulnerabilities
            .iter()
            .flat_map(|v| &v.remediations)
            .any(|r| r.category == "vendor_fix")
    }

    /// The product with this id.
    pub fn product(&self, product_id: &str) -> Option<&Product> {
        self.products.iter().find(|p| p.product_id == product_id)
    }
}

/// Reads the advisory at `path`, checking it against `<path>.sha512` when
/// that file exists.
pub fn read_advisory(path: &Path) -> Result<CsafSummary, CsafError> {
    let bytes = fsutil::read_capped(path, MAX_CSAF_BYTES).map_err(unreadable)?;
    let mut sidecar = path.as_os_str().to_owned();
    sidecar.push(".sha512");
    // A checksum line is ~150 bytes; the cap only bounds a wrong file.
    let checksum = match fsutil::if_exists(fsutil::read_capped_text(sidecar.as_ref(), 4096)) {
        Ok(text) => text,
        Err(FsError::TooLarge { .. } | FsError::NotText { .. }) => {
            return Err(CsafError::BadChecksumFile);
        }
        Err(e) => return Err(unreadable(e)),
    };
    parse_advisory(&bytes, checksum.as_deref())
}

fn unreadable(e: FsError) -> CsafError {
    match e {
        FsError::TooLarge { max_bytes, .. } => CsafError::TooLarge { max_bytes },
        e => CsafError::Unreadable(e.to_string()),
    }
}

/// Summarises an advisory given as bytes; `sha512_file` is the text of the
/// `.sha512` published beside it, if any (`<hex>  <file name>`).
pub fn parse_advisory(bytes: &[u8], sha512_file: Option<&str>) -> Result<CsafSummary, CsafError> {
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_CSAF_BYTES {
        return Err(CsafError::TooLarge {
            max_bytes: MAX_CSAF_BYTES,
        });
    }
    let checksum = match sha512_file {
        Some(text) => {
            check_sha512(bytes, text)?;
            Checksum::Matched
        }
        None => Checksum::Absent,
    };
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| CsafError::NotJson {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
    let version = value
        .get("document")
        .and_then(|d| d.get("csaf_version"))
        .ok_or_else(|| CsafError::NotCsaf("it has no document.csaf_version".to_owned()))?;
    let version = version.as_str().unwrap_or_default();
    if version != "2.0" {
        return Err(CsafError::UnsupportedVersion(version.to_owned()));
    }
    let raw: raw::Csaf =
        serde_json::from_value(value).map_err(|e| CsafError::Invalid(e.to_string()))?;
    summarise(raw, checksum)
}

fn check_sha512(bytes: &[u8], sidecar: &str) -> Result<(), CsafError> {
    let expected = sidecar
        .split_whitespace()
        .next()
        .filter(|h| h.len() == 128 && h.bytes().all(|b| b.is_ascii_hexdigit()))
        .ok_or(CsafError::BadChecksumFile)?
        .to_ascii_lowercase();
    let digest = Sha512::digest(bytes);
    let mut actual = String::with_capacity(128);
    for b in digest {
        let _ = write!(actual, "{b:02x}");
    }
    if actual == expected {
        Ok(())
    } else {
        Err(CsafError::ChecksumMismatch)
    }
}

fn summarise(raw: raw::Csaf, checksum: Checksum) -> Result<CsafSummary, CsafError> {
    let doc = raw.document;
    let mut warnings = Vec::new();
    let revisions = doc
        .tracking
        .revision_history
        .iter()
        .map(|r| {
            Ok(Revision {
                number: r.number.clone(),
                date: day(&r.date)?,
                label: r.legacy_version.clone(),
                summary: r.summary.clone(),
            })
        })
        .collect::<Result<Vec<_>, CsafError>>()?;
    let web_url = doc
        .references
        .iter()
        .filter(|r| r.category.as_deref() == Some("self"))
        .map(|r| r.url.clone())
        .find(|u| {
            !Path::new(u)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        });

    let mut products = Vec::new();
    if let Some(tree) = &raw.product_tree {
        collect_products(&tree.branches, &Path3::default(), &mut products);
        for p in &tree.full_product_names {
            products.push(Product {
                product_id: p.product_id.clone(),
                name: p.name.clone(),
                vendor: None,
                product: Some(p.name.clone()),
                version: None,
            });
        }
    }

    let mut vulnerabilities = Vec::new();
    for v in raw.vulnerabilities {
        vulnerabilities.push(vulnerability(v, &mut warnings));
    }

    let known: BTreeSet<&str> = products.iter().map(|p| p.product_id.as_str()).collect();
    for v in &vulnerabilities {
        for id in v.affected.iter().chain(&v.fixed).chain(&v.not_affected) {
            if !known.contains(id.as_str()) && !id.starts_with("CSAFGID") {
                warnings.push(format!(
                    "{} names product {id}, which the product tree does not define",
                    v.cve.as_deref().unwrap_or("a vulnerability")
                ));
            }
        }
    }

    // CISA's text sometimes mistypes a CVE id (25-030-01 credits
    // "CVE-2025-1024" for CVE-2025-1204): point out ids that no
    // vulnerability of the file has.
    let cves: BTreeSet<String> = vulnerabilities
        .iter()
        .filter_map(|v| v.cve.clone())
        .collect();
    let mut mentioned = String::new();
    for a in &doc.acknowledgments {
        mentioned.push_str(a.summary.as_deref().unwrap_or_default());
        mentioned.push(' ');
    }
    for n in &doc.notes {
        mentioned.push_str(&n.text);
        mentioned.push(' ');
    }
    for id in cve_ids(&mentioned) {
        if !cves.contains(&id) {
            warnings.push(format!(
                "the text mentions {id}, which is not one of the advisory's vulnerabilities (a typo?)"
            ));
        }
    }

    Ok(CsafSummary {
        tracking_id: doc.tracking.id,
        title: doc.title,
        category: doc.category,
        publisher: doc.publisher.name,
        publisher_category: doc.publisher.category,
        status: doc.tracking.status,
        version: doc.tracking.version,
        initial_release: day(&doc.tracking.initial_release_date)?,
        current_release: day(&doc.tracking.current_release_date)?,
        revisions,
        web_url,
        products,
        vulnerabilities,
        checksum,
        warnings: unique(warnings),
    })
}

/// The branch categories seen on the way down to a product.
#[derive(Debug, Clone, Default)]
struct Path3 {
    vendor: Option<String>,
    product: Option<String>,
    family: Option<String>,
    version: Option<ProductVersion>,
}

fn collect_products(branches: &[raw::Branch], above: &Path3, out: &mut Vec<Product>) {
    for b in branches {
        let mut here = above.clone();
        match b.category.as_str() {
            "vendor" => here.vendor = Some(b.name.clone()),
            "product_name" => here.product = Some(b.name.clone()),
            "product_family" => here.family = Some(b.name.clone()),
            "product_version" => here.version = Some(ProductVersion::Exact(b.name.clone())),
            "product_version_range" => here.version = Some(ProductVersion::Range(b.name.clone())),
            _ => {}
        }
        if let Some(p) = &b.product {
            out.push(Product {
                product_id: p.product_id.clone(),
                name: p.name.clone(),
                vendor: here.vendor.clone(),
                product: here.product.clone().or_else(|| here.family.clone()),
                version: here.version.clone(),
            });
        }
        collect_products(&b.branches, &here, out);
    }
}

fn vulnerability(v: raw::Vulnerability, warnings: &mut Vec<String>) -> Vulnerability {
    let label = v
        .cve
        .clone()
        .unwrap_or_else(|| "a vulnerability".to_owned());
    let mut cvss_v3 = None;
    let mut cvss_v4 = None;
    for s in &v.scores {
        if let (None, Some(c)) = (&cvss_v3, &s.cvss_v3) {
            cvss_v3 = Some(score_from_file(c, &label, warnings));
        }
        // Not in CSAF 2.0, but CSAF 2.1 files have it: read it if present.
        if let (None, Some(c)) = (&cvss_v4, &s.cvss_v4) {
            cvss_v4 = Some(score_from_file(c, &label, warnings));
        }
    }
    if cvss_v4.is_none() {
        cvss_v4 = v
            .references
            .iter()
            .find_map(|r| r.url.split_once("#CVSS:4.0/").map(|(_, rest)| rest))
            .and_then(|rest| v4_from_vector(&format!("CVSS:4.0/{rest}"), &label, warnings));
    }
    let status = v.product_status.unwrap_or_default();
    let summary = v
        .notes
        .iter()
        .find(|n| n.category == "summary" || n.category == "description")
        .map(|n| n.text.clone());
    Vulnerability {
        cve: v.cve,
        cwe: v.cwe.map(|c| Cwe {
            id: c.id,
            name: c.name,
        }),
        summary,
        cvss_v3,
        cvss_v4,
        affected: unique(
            status
                .known_affected
                .into_iter()
                .chain(status.first_affected)
                .chain(status.last_affected),
        ),
        fixed: unique(status.fixed.into_iter().chain(status.first_fixed)),
        not_affected: status.known_not_affected,
        remediations: v
            .remediations
            .into_iter()
            .map(|r| Remediation {
                category: r.category,
                details: r.details,
                url: r.url,
                product_ids: r.product_ids,
            })
            .collect(),
    }
}

/// A score as the file states it; the vector is re-scored to catch a file
/// whose number and vector disagree (the file's number is kept).
fn score_from_file(c: &raw::CvssScore, label: &str, warnings: &mut Vec<String>) -> Cvss {
    let computed = if c.vector_string.starts_with("CVSS:4.0/") {
        cvss::v4::Vector::from_str(&c.vector_string)
            .ok()
            .map(|v| v.score().value())
    } else {
        cvss::v3::Vector::from_str(&c.vector_string)
            .ok()
            .map(|v| v.score().value())
    };
    match computed {
        None => warnings.push(format!(
            "{label}: the CVSS vector {} cannot be read",
            c.vector_string
        )),
        Some(score) if (score - c.base_score).abs() > 0.05 => warnings.push(format!(
            "{label}: the file gives CVSS {} but its vector scores {score:.1}",
            c.base_score
        )),
        Some(_) => {}
    }
    Cvss {
        version: c.version.clone(),
        base_score: c.base_score,
        severity: c
            .base_severity
            .as_deref()
            .map_or_else(|| severity_of(c.base_score).to_owned(), str::to_lowercase),
        vector: c.vector_string.clone(),
        computed_from_link: false,
    }
}

fn v4_from_vector(vector: &str, label: &str, warnings: &mut Vec<String>) -> Option<Cvss> {
    let Ok(parsed) = cvss::v4::Vector::from_str(vector) else {
        warnings.push(format!(
            "{label}: the CVSS v4 vector {vector} cannot be read"
        ));
        return None;
    };
    let score = parsed.score();
    Some(Cvss {
        version: "4.0".to_owned(),
        base_score: score.clone().value(),
        severity: score.severity().as_str().to_owned(),
        vector: vector.to_owned(),
        computed_from_link: true,
    })
}

fn severity_of(score: f64) -> &'static str {
    match score {
        s if s >= 9.0 => "critical",
        s if s >= 7.0 => "high",
        s if s >= 4.0 => "medium",
        s if s > 0.0 => "low",
        _ => "none",
    }
}

/// `YYYY-MM-DD` (UTC) of a CSAF date-time.
fn day(date_time: &str) -> Result<String, CsafError> {
    date_time
        .parse::<jiff::Timestamp>()
        .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())
        .map_err(|_| CsafError::Invalid(format!("{date_time:?} is not an RFC 3339 date-time")))
}

/// `CVE-YYYY-NNNN…` ids in `text`, each once.
fn cve_ids(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("CVE-") {
        let tail = rest.get(at + 4..).unwrap_or_default();
        let year: String = tail.chars().take_while(char::is_ascii_digit).collect();
        let after_year = tail.get(year.len()..).unwrap_or_default();
        if year.len() == 4
            && let Some(num_part) = after_year.strip_prefix('-')
        {
            let num: String = num_part.chars().take_while(char::is_ascii_digit).collect();
            if num.len() >= 4 {
                out.push(format!("CVE-{year}-{num}"));
            }
        }
        rest = tail;
    }
    unique(out)
}

fn unique<I: IntoIterator<Item = String>>(items: I) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Draft list entry

/// A draft for the maintainers: list parts in the catalog schema, and what
/// a person must check or fill in before the list is signed.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftEntry {
    /// The advisory as a list source.
    pub source: Source,
    /// Its vulnerabilities as list advisories.
    pub advisories: Vec<Advisory>,
    /// Its products as list models.
    pub models: Vec<ModelEntry>,
    /// What a person must check or add.
    pub needs_human: Vec<String>,
}

impl DraftEntry {
    /// The draft as JSON to merge into `affected-models.json`: an object
    /// with `sources`, `advisories` and `models` arrays.
    pub fn to_json(&self) -> String {
        // A struct rather than `json!`: it keeps the catalog's field order
        // and writes f32 scores as 9.8, not 9.800000190734863.
        #[derive(serde::Serialize)]
        struct Snippet<'a> {
            sources: [&'a Source; 1],
            advisories: &'a [Advisory],
            models: &'a [ModelEntry],
        }
        serde_json::to_string_pretty(&Snippet {
            sources: [&self.source],
            advisories: &self.advisories,
            models: &self.models,
        })
        .unwrap_or_default()
    }
}

/// Drafts list entries from `summary`. With `current`, it also flags what
/// the list already has.
pub fn draft_entry(summary: &CsafSummary, current: Option<&Catalog>) -> DraftEntry {
    let mut needs = standing_flags(summary);
    let source = draft_source(summary, &mut needs);
    let advisories = summary
        .vulnerabilities
        .iter()
        .filter_map(|v| draft_advisory(summary, v, &source.id, &mut needs))
        .collect::<Vec<_>>();
    let models = draft_models(summary, &source.id, &mut needs);
    if let Some(list) = current {
        flag_overlap(list, &source, &advisories, &models, &mut needs);
    }
    for w in &summary.warnings {
        needs.push(format!("check: {w}"));
    }
    DraftEntry {
        source,
        advisories,
        models,
        needs_human: unique(needs),
    }
}

/// What CSAF never says, so a person always has to add it.
fn standing_flags(summary: &CsafSummary) -> Vec<String> {
    let mut needs = vec![
        "relabelled devices: CSAF names none; add other brands' names (e.g. from FDA or \
         national notices) as their own entries with relabel_of"
            .to_owned(),
        "importer and distributor codes: CSAF names none; add them from distributors' \
         documents"
            .to_owned(),
        "other models that share the flaw: CSAF names only the products above; add those \
         named by regulators"
            .to_owned(),
        "aliases and GTINs: CSAF names none".to_owned(),
        "advisory summaries are the publisher's first sentence: rewrite each as one plain \
         line on what it allows"
            .to_owned(),
        "when publishing: raise the list's version, set issued, then sign the list".to_owned(),
    ];
    // CISA points to relabels only in prose (and a link to FDA's page).
    needs.extend(
        summary
            .vulnerabilities
            .iter()
            .flat_map(|v| &v.remediations)
            .filter(|r| {
                let d = r.details.to_lowercase();
                d.contains("re-label") || d.contains("relabel")
            })
            .map(|r| match &r.url {
                Some(url) => format!("the advisory says the device may be relabelled; see {url}"),
                None => "the advisory says the device may be relabelled".to_owned(),
            }),
    );
    needs
}

fn draft_source(summary: &CsafSummary, needs: &mut Vec<String>) -> Source {
    let id = format!(
        "{}-{}",
        slug(&summary.publisher),
        summary.tracking_id.to_lowercase()
    );
    if summary.web_url.is_none() {
        needs.push(format!(
            "source {id}: the file links no web page; add its url"
        ));
    }
    Source {
        id,
        publisher: summary.publisher.clone(),
        title: summary.title.clone(),
        date: summary.initial_release.clone(),
        updated: (summary.current_release != summary.initial_release)
            .then(|| summary.current_release.clone()),
        url: summary.web_url.clone().unwrap_or_default(),
        // The publisher's own CSAF is the primary text.
        grade: Grade::Primary,
    }
}

fn draft_advisory(
    summary: &CsafSummary,
    v: &Vulnerability,
    source_id: &str,
    needs: &mut Vec<String>,
) -> Option<Advisory> {
    let Some(cve) = &v.cve else {
        needs.push("a vulnerability without a CVE id was left out".to_owned());
        return None;
    };
    let cwe = v.cwe.as_ref().map(|c| c.id.clone()).unwrap_or_default();
    if cwe.is_empty() {
        needs.push(format!("{cve}: no CWE in the advisory; fill in cwe"));
    }
    if v.cvss_v3.is_none() {
        needs.push(format!(
            "{cve}: no CVSS v3 score in the advisory; fill in cvss_v3"
        ));
    }
    if v.cvss_v4.as_ref().is_some_and(|c| c.computed_from_link) {
        needs.push(format!(
            "{cve}: CVSS v4 was computed from the vector in the advisory's first.org link \
             (CSAF 2.0 carries only v3); check it against the advisory's page"
        ));
    }
    let affected: Vec<&Product> = v
        .affected
        .iter()
        .filter_map(|id| summary.product(id))
        .collect();
    let firmware = if affected
        .iter()
        .any(|p| p.version.as_ref().is_some_and(ProductVersion::is_all))
    {
        vec!["all".to_owned()]
    } else {
        unique(
            affected
                .iter()
                .filter_map(|p| p.version.as_ref())
                .map(|ver| firmware_string(ver, needs)),
        )
    };
    Some(Advisory {
        cve: cve.clone(),
        cwe,
        summary: v
            .summary
            .as_deref()
            .map_or_else(String::new, first_sentence),
        cvss_v3: v.cvss_v3.as_ref().map_or(0.0, |c| score_f32(c.base_score)),
        cvss_v4: v.cvss_v4.as_ref().map(|c| score_f32(c.base_score)),
        firmware,
        sources: vec![source_id.to_owned()],
    })
}

/// Flags what the list in use already has, so the draft is merged, not
/// added twice.
fn flag_overlap(
    list: &Catalog,
    source: &Source,
    advisories: &[Advisory],
    models: &[ModelEntry],
    needs: &mut Vec<String>,
) {
    if list.source(&source.id).is_some() {
        needs.push(format!(
            "source {} is already in the list: update it rather than add it",
            source.id
        ));
    }
    for a in advisories {
        if let Some(b) = list.advisory(&a.cve) {
            needs.push(compare_advisory(a, b));
        }
    }
    for m in models {
        if let Some(listed) = list.model(&m.model) {
            let missing: Vec<&str> = m
                .firmware
                .iter()
                .filter(|f| !listed.firmware.contains(f))
                .map(String::as_str)
                .collect();
            let firmware = if missing.is_empty() {
                String::new()
            } else {
                format!(" (firmware not yet there: {})", missing.join(", "))
            };
            needs.push(format!(
                "model {} is already in the list as {}: merge into it rather than add \
                 it{firmware}",
                m.model, listed.model
            ));
        }
    }
}

/// How a drafted advisory compares with the one the list already has.
fn compare_advisory(draft: &Advisory, listed: &Advisory) -> String {
    let mut differences = Vec::new();
    if !draft.cwe.eq_ignore_ascii_case(&listed.cwe) {
        differences.push(format!(
            "CWE {} here, {} in the list",
            draft.cwe, listed.cwe
        ));
    }
    if (draft.cvss_v3 - listed.cvss_v3).abs() > 0.05 {
        differences.push(format!(
            "CVSS v3 {} here, {} in the list",
            draft.cvss_v3, listed.cvss_v3
        ));
    }
    match (draft.cvss_v4, listed.cvss_v4) {
        (Some(d), Some(l)) if (d - l).abs() > 0.05 => {
            differences.push(format!("CVSS v4 {d} here, {l} in the list"));
        }
        (Some(d), None) => differences.push(format!("CVSS v4 {d} here, none in the list")),
        _ => {}
    }
    let mut draft_fw = draft.firmware.clone();
    let mut listed_fw = listed.firmware.clone();
    draft_fw.sort();
    listed_fw.sort();
    if draft_fw != listed_fw {
        differences.push(format!(
            "firmware [{}] here, [{}] in the list",
            draft.firmware.join(", "),
            listed.firmware.join(", ")
        ));
    }
    if differences.is_empty() {
        format!(
            "{} is already in the list and agrees on CWE, CVSS and firmware",
            draft.cve
        )
    } else {
        format!(
            "{} is already in the list but differs: {}",
            draft.cve,
            differences.join("; ")
        )
    }
}

/// One model per (vendor, model name derived from the product name).
fn draft_models(
    summary: &CsafSummary,
    source_id: &str,
    needs: &mut Vec<String>,
) -> Vec<ModelEntry> {
    let mut models: Vec<ModelEntry> = Vec::new();
    for p in &summary.products {
        let vendor = p.vendor.clone().unwrap_or_default();
        let product_name = p.product.clone().unwrap_or_else(|| p.name.clone());
        let (model, kind) = split_model(&product_name, &vendor);
        let cves: Vec<String> = summary
            .vulnerabilities
            .iter()
            .filter(|v| v.affected.contains(&p.product_id))
            .filter_map(|v| v.cve.clone())
            .collect();
        let firmware: Vec<String> = p
            .version
            .as_ref()
            .filter(|v| !v.is_all())
            .map(|v| firmware_string(v, needs))
            .into_iter()
            .collect();
        if let Some(entry) = models
            .iter_mut()
            .find(|m| m.model == model && m.brand == vendor)
        {
            entry.firmware = unique(entry.firmware.drain(..).chain(firmware));
            entry.advisories = unique(entry.advisories.drain(..).chain(cves));
            if entry.kind.is_empty() {
                entry.kind = kind;
            }
            continue;
        }
        needs.push(format!(
            "model {model:?} was derived from the product name {product_name:?}: check the \
             spelling on the label"
        ));
        models.push(ModelEntry {
            model,
            brand: vendor.clone(),
            manufacturer: vendor.clone(),
            kind,
            relabel_of: None,
            aliases: Vec::new(),
            importer_codes: Vec::new(),
            firmware,
            gtins: Vec::new(),
            advisories: cves,
            sources: vec![source_id.to_owned()],
        });
    }
    for m in &models {
        if m.kind.is_empty() {
            needs.push(format!(
                "model {}: the kind of device is unknown; fill in kind",
                m.model
            ));
        } else {
            needs.push(format!(
                "model {}: kind {:?} was derived from the product name; check it",
                m.model, m.kind
            ));
        }
    }
    for vendor in summary.vendors() {
        needs.push(format!(
            "brand and manufacturer are the CSAF vendor name {vendor:?}: use the brand and the \
             legal manufacturer printed on the label"
        ));
    }
    models
}

/// Splits a product name into the model (up to the last word with a digit)
/// and the kind of device (the rest, without "firmware" or the vendor).
fn split_model(product_name: &str, vendor: &str) -> (String, String) {
    let words: Vec<&str> = product_name.split_whitespace().collect();
    let Some(last_digit) = words
        .iter()
        .rposition(|w| w.chars().any(|c| c.is_ascii_digit()))
    else {
        return (product_name.trim().to_owned(), String::new());
    };
    let model = words.get(..=last_digit).unwrap_or_default().join(" ");
    let vendor_words: Vec<String> = vendor.split_whitespace().map(str::to_lowercase).collect();
    let rest: Vec<String> = words
        .get(last_digit + 1..)
        .unwrap_or_default()
        .iter()
        .map(|w| w.to_lowercase())
        .filter(|w| w != "firmware" && !vendor_words.contains(w))
        .collect();
    let rest = rest.join(" ");
    // CISA spells the same device several ways ("CONTEC ICU CCU Vital Signs
    // Patient Monitor"); the list uses the plain kind.
    let kind = if rest.contains("patient monitor") {
        "patient monitor".to_owned()
    } else {
        rest
    };
    (model, kind)
}

/// The firmware string the list would hold for a product version.
fn firmware_string(version: &ProductVersion, needs: &mut Vec<String>) -> String {
    let (text, is_range) = match version {
        ProductVersion::Exact(v) => (v.trim(), false),
        ProductVersion::Range(v) => (v.trim(), true),
    };
    let mut out = text.to_owned();
    if is_range {
        let bound = text.trim_start_matches(['<', '>', '=']).trim();
        if bound != text {
            needs.push(format!(
                "version range {text:?} became firmware {bound:?}: the list matches exact \
                 strings, so add the versions below it if they are known"
            ));
            bound.clone_into(&mut out);
        }
    }
    // CISA's first 25-030-01 release wrote "Firmware__smart3250…".
    if let Some(rest) = out.strip_prefix("Firmware")
        && rest.starts_with('_')
    {
        let stripped = rest.trim_start_matches('_').to_owned();
        needs.push(format!(
            "version {out:?} lost its \"Firmware_\" prefix: {stripped:?}; check it"
        ));
        out = stripped;
    }
    out
}

fn first_sentence(text: &str) -> String {
    let text = text.trim();
    match text.find(". ") {
        Some(end) => text.get(..=end).unwrap_or(text).to_owned(),
        None => text.to_owned(),
    }
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// Scores are 0.0–10.0 with one decimal: f32 holds them exactly enough.
#[expect(
    clippy::cast_possible_truncation,
    reason = "CVSS scores are 0.0 to 10.0 with one decimal"
)]
fn score_f32(score: f64) -> f32 {
    score as f32
}

/// Serde types of the CSAF 2.0 parts we read.
mod raw {
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    pub(super) struct Csaf {
        pub(super) document: Document,
        #[serde(default)]
        pub(super) product_tree: Option<ProductTree>,
        #[serde(default)]
        pub(super) vulnerabilities: Vec<Vulnerability>,
    }

    #[derive(Debug, Deserialize)]
    pub(super) struct Document {
        pub(super) category: String,
        pub(super) title: String,
        pub(super) publisher: Publisher,
        pub(super) tracking: Tracking,
        #[serde(default)]
        pub(super) notes: Vec<Note>,
        #[serde(default)]
        pub(super) references: Vec<Reference>,
        #[serde(default)]
        pub(super) acknowledgments: Vec<Acknowledgment>,
    }

    #[derive(Debug, Deserialize)]
    pub(super) struct Publisher {
        pub(super) category: String,
        pub(super) name: String,
    }

    #[derive(Debug, Deserialize)]
    pub(super) struct Tracking {
        pub(super) id: String,
        pub(super) current_release_date: String,
        pub(super) initial_release_date: String,
        #[serde(default)]
        pub(super) revision_history: Vec<RevisionEntry>,
        pub(super) status: String,
        pub(super) version: String,
    }

    #[derive(Debug, Deserialize)]
    pub(super) struct RevisionEntry {
        pub(super) date: String,
        #[serde(default)]
        pub(super) legacy_version: Option<String>,
        pub(super) number: String,
        pub(super) summary: String,
    }

    #[derive(Debug, Deserialize)]
    pub(super) struct Note {
        pub(super) category: String,
        pub(super) text: String,
    }

    #[derive(Debug, Deserialize)]
    pub(super) struct Reference {
        #[serde(default)]
        pub(super) category: Option<String>,
        pub(super) url: String,
    }

    #[derive(Debug, Deserialize)]
    pub(super) struct Acknowledgment {
        #[serde(default)]
        pub(super) summary: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    pub(super) struct ProductTree {
        #[serde(default)]
        pub(super) branches: Vec<Branch>,
        #[serde(default)]
        pub(super) full_product_names: Vec<FullProductName>,
    }

    #[derive(Debug, Deserialize)]
    pub(super) struct Branch {
        pub(super) category: String,
        pub(super) name: String,
        #[serde(default)]
        pub(super) branches: Vec<Branch>,
        #[serde(default)]
        pub(super) product: Option<FullProductName>,
    }

    #[derive(Debug, Deserialize)]
    pub(super) struct FullProductName {
        pub(super) name: String,
        pub(super) product_id: String,
    }

    #[derive(Debug, Deserialize)]
    pub(super) struct Vulnerability {
        #[serde(default)]
        pub(super) cve: Option<String>,
        #[serde(default)]
        pub(super) cwe: Option<Cwe>,
        #[serde(default)]
        pub(super) notes: Vec<Note>,
        #[serde(default)]
        pub(super) product_status: Option<ProductStatus>,
        #[serde(default)]
        pub(super) references: Vec<Reference>,
        #[serde(default)]
        pub(super) remediations: Vec<Remediation>,
        #[serde(default)]
        pub(super) scores: Vec<Score>,
    }

    #[derive(Debug, Deserialize)]
    pub(super) struct Cwe {
        pub(super) id: String,
        pub(super) name: String,
    }

    #[derive(Debug, Default, Deserialize)]
    #[serde(default)]
    pub(super) struct ProductStatus {
        pub(super) known_affected: Vec<String>,
        pub(super) first_affected: Vec<String>,
        pub(super) last_affected: Vec<String>,
        pub(super) fixed: Vec<String>,
        pub(super) first_fixed: Vec<String>,
        pub(super) known_not_affected: Vec<String>,
    }

    #[derive(Debug, Deserialize)]
    pub(super) struct Remediation {
        pub(super) category: String,
        pub(super) details: String,
        #[serde(default)]
        pub(super) url: Option<String>,
        #[serde(default)]
        pub(super) product_ids: Vec<String>,
    }

    #[derive(Debug, Deserialize)]
    pub(super) struct Score {
        #[serde(default)]
        pub(super) cvss_v3: Option<CvssScore>,
        #[serde(default)]
        pub(super) cvss_v4: Option<CvssScore>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub(super) struct CvssScore {
        pub(super) base_score: f64,
        #[serde(default)]
        pub(super) base_severity: Option<String>,
        pub(super) vector_string: String,
        pub(super) version: String,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &[u8] = include_bytes!("../../tests/fixtures/csaf/example-advisory.json");
    const EXAMPLE_SHA512: &str =
        include_str!("../../tests/fixtures/csaf/example-advisory.json.sha512");

    fn example() -> CsafSummary {
        parse_advisory(EXAMPLE, Some(EXAMPLE_SHA512)).unwrap()
    }

    #[test]
    fn summary_has_document_facts() {
        let s = example();
        assert_eq!(s.tracking_id, "TCERT-99-001-01");
        assert_eq!(s.title, "Example Medical EX100 Patient Monitor (Update A)");
        assert_eq!(s.publisher, "Test CERT");
        assert_eq!(s.publisher_category, "coordinator");
        assert_eq!(s.initial_release, "2099-01-30");
        assert_eq!(s.current_release, "2099-02-25");
        assert_eq!(s.version, "2");
        assert_eq!(s.revisions.len(), 2);
        assert_eq!(s.revisions[1].label.as_deref(), Some("Update A"));
        assert_eq!(
            s.web_url.as_deref(),
            Some("https://example.invalid/advisories/tcert-99-001-01")
        );
        assert_eq!(s.checksum, Checksum::Matched);
        assert_eq!(s.vendors(), ["Example Medical"]);
        assert_eq!(s.cves(), ["CVE-2099-0001", "CVE-2099-0002"]);
        assert!(!s.has_vendor_fix());
    }

    #[test]
    fn products_come_from_the_branches() {
        let s = example();
        assert_eq!(s.products.len(), 2);
        let p = s.product("CSAFPID-0001").unwrap();
        assert_eq!(p.vendor.as_deref(), Some("Example Medical"));
        assert_eq!(p.product.as_deref(), Some("EX100 Patient Monitor Firmware"));
        assert_eq!(
            p.version,
            Some(ProductVersion::Exact("ex-1.2.3".to_owned()))
        );
        let all = s.product("CSAFPID-0002").unwrap();
        assert!(all.version.as_ref().unwrap().is_all());
    }

    #[test]
    fn scores_v3_from_file_and_v4_from_link() {
        let s = example();
        let v = &s.vulnerabilities[0];
        assert_eq!(v.cwe.as_ref().unwrap().id, "CWE-787");
        let v3 = v.cvss_v3.as_ref().unwrap();
        assert!((v3.base_score - 9.8).abs() < 1e-9);
        assert_eq!(v3.severity, "critical");
        assert!(!v3.computed_from_link);
        let v4 = v.cvss_v4.as_ref().unwrap();
        assert!((v4.base_score - 9.3).abs() < 1e-9, "{v4:?}");
        assert!(v4.computed_from_link);
        assert!(v4.vector.starts_with("CVSS:4.0/AV:N"));
        let v4b = s.vulnerabilities[1].cvss_v4.as_ref().unwrap();
        assert!((v4b.base_score - 7.7).abs() < 1e-9, "{v4b:?}");
    }

    #[test]
    fn remediations_are_grouped_by_text() {
        let s = example();
        let r = s.remediations();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].0.details, "Remove the device from the network.");
        assert_eq!(r[0].1, ["CVE-2099-0001", "CVE-2099-0002"]);
    }

    #[test]
    fn mistyped_cve_in_the_text_is_a_warning() {
        let s = example();
        assert!(
            s.warnings.iter().any(|w| w.contains("CVE-2099-0020")),
            "{:?}",
            s.warnings
        );
        assert!(!s.warnings.iter().any(|w| w.contains("CVE-2099-0001")));
    }

    #[test]
    fn checksum_mismatch_and_bad_checksum_file() {
        let mut changed = EXAMPLE.to_vec();
        changed.push(b'\n');
        assert_eq!(
            parse_advisory(&changed, Some(EXAMPLE_SHA512)),
            Err(CsafError::ChecksumMismatch)
        );
        assert_eq!(
            parse_advisory(EXAMPLE, Some("not a checksum")),
            Err(CsafError::BadChecksumFile)
        );
        assert_eq!(
            parse_advisory(EXAMPLE, None).unwrap().checksum,
            Checksum::Absent
        );
    }

    #[test]
    fn bad_input_is_a_clear_error() {
        assert!(matches!(
            parse_advisory(b"hello", None),
            Err(CsafError::NotJson { line: 1, .. })
        ));
        assert!(matches!(
            parse_advisory(br#"{"models": []}"#, None),
            Err(CsafError::NotCsaf(_))
        ));
        assert_eq!(
            parse_advisory(br#"{"document": {"csaf_version": "1.2"}}"#, None),
            Err(CsafError::UnsupportedVersion("1.2".to_owned()))
        );
        let Err(CsafError::Invalid(msg)) =
            parse_advisory(br#"{"document": {"csaf_version": "2.0"}}"#, None)
        else {
            panic!("expected Invalid");
        };
        assert!(msg.contains("missing field"), "{msg}");
        let big = vec![b' '; usize::try_from(MAX_CSAF_BYTES).unwrap() + 1];
        assert_eq!(
            parse_advisory(&big, None),
            Err(CsafError::TooLarge {
                max_bytes: MAX_CSAF_BYTES
            })
        );
        let bad_date = String::from_utf8(EXAMPLE.to_vec())
            .unwrap()
            .replace("2099-01-30T07:00:00.000000Z", "30/01/2099");
        assert!(matches!(
            parse_advisory(bad_date.as_bytes(), None),
            Err(CsafError::Invalid(_))
        ));
    }

    #[test]
    fn draft_entry_in_catalog_schema_with_human_flags() {
        let d = draft_entry(&example(), None);
        assert_eq!(d.source.id, "test-cert-tcert-99-001-01");
        assert_eq!(d.source.date, "2099-01-30");
        assert_eq!(d.source.updated.as_deref(), Some("2099-02-25"));
        assert_eq!(d.source.grade, Grade::Primary);
        assert_eq!(d.advisories.len(), 2);
        assert_eq!(d.advisories[0].firmware, ["ex-1.2.3"]);
        assert_eq!(d.advisories[1].firmware, ["all"]);
        assert_eq!(
            d.advisories[0].summary,
            "The affected product writes out of bounds when sent a crafted packet."
        );
        assert_eq!(d.advisories[0].cvss_v4, Some(9.3));
        assert_eq!(d.models.len(), 1);
        let m = &d.models[0];
        assert_eq!(m.model, "EX100");
        assert_eq!(m.kind, "patient monitor");
        assert_eq!(m.brand, "Example Medical");
        assert_eq!(m.firmware, ["ex-1.2.3"]);
        assert_eq!(m.advisories, ["CVE-2099-0001", "CVE-2099-0002"]);
        let flags = d.needs_human.join("\n");
        for needle in [
            "relabelled devices",
            "importer and distributor codes",
            "other models",
            "https://example.invalid/relabels",
            "CVSS v4 was computed",
            "model \"EX100\" was derived",
            "CVE-2099-0020",
        ] {
            assert!(flags.contains(needle), "missing {needle:?} in\n{flags}");
        }
        let json: serde_json::Value = serde_json::from_str(&d.to_json()).unwrap();
        assert_eq!(json["models"][0]["model"], "EX100");
        assert_eq!(json["sources"][0]["grade"], "primary");
    }

    #[test]
    fn draft_flags_what_the_list_already_has() {
        let s = example();
        let mut list = crate::update::diff::tests::catalog(1, &["EX100"]);
        list.advisories[0].cve = "CVE-2099-0002".to_owned();
        let flags = draft_entry(&s, Some(&list)).needs_human.join("\n");
        assert!(
            flags.contains("CVE-2099-0002 is already in the list and agrees"),
            "{flags}"
        );
        assert!(
            flags.contains("model EX100 is already in the list"),
            "{flags}"
        );
        assert!(
            flags.contains("firmware not yet there: ex-1.2.3"),
            "{flags}"
        );

        list.advisories[0].cvss_v3 = 8.0;
        let flags = draft_entry(&s, Some(&list)).needs_human.join("\n");
        assert!(
            flags.contains(
                "CVE-2099-0002 is already in the list but differs: CVSS v3 7.5 here, 8 in the list"
            ),
            "{flags}"
        );
    }

    #[test]
    fn model_names_and_kinds_from_product_names() {
        assert_eq!(
            split_model(
                "CMS8000 CONTEC ICU CCU Vital Signs Patient Monitor",
                "Contec Health"
            ),
            ("CMS8000".to_owned(), "patient monitor".to_owned())
        );
        assert_eq!(
            split_model("CMS8000 Patient Monitor Firmware", "Contec Health"),
            ("CMS8000".to_owned(), "patient monitor".to_owned())
        );
        assert_eq!(
            split_model("QardioARM A100", "Qardio"),
            ("QardioARM A100".to_owned(), String::new())
        );
        assert_eq!(
            split_model("Be Well Android Application", "BPL"),
            ("Be Well Android Application".to_owned(), String::new())
        );
    }

    #[test]
    fn firmware_strings_lose_cisa_prefixes_and_range_operators() {
        let mut needs = Vec::new();
        assert_eq!(
            firmware_string(
                &ProductVersion::Exact("Firmware___CMS7.820.075.08/0.74(0.75)".to_owned()),
                &mut needs
            ),
            "CMS7.820.075.08/0.74(0.75)"
        );
        assert_eq!(
            firmware_string(
                &ProductVersion::Range("<=smart3250-2.6.27-wlan2.1.7.cramfs".to_owned()),
                &mut needs
            ),
            "smart3250-2.6.27-wlan2.1.7.cramfs"
        );
        assert_eq!(needs.len(), 2);
    }

    #[test]
    fn cve_ids_are_found_in_prose() {
        assert_eq!(
            cve_ids("reporting CVE-2024-12248, CVE-2025-0626, and CVE-2025-1024 to CISA; CVE-12"),
            ["CVE-2024-12248", "CVE-2025-0626", "CVE-2025-1024"]
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("CISA"), "cisa");
        assert_eq!(slug("Test  CERT!"), "test-cert");
    }
}
