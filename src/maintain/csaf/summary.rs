//! Reading an advisory: the file and its `.sha512` checked, the parts the
//! summary needs taken from the serde model ([`CsafSummary`]).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;
use std::str::FromStr;

use sha2::{Digest, Sha512};

use super::raw;
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

pub(super) fn unique<I: IntoIterator<Item = String>>(items: I) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    const EXAMPLE: &[u8] = include_bytes!("../../../tests/fixtures/csaf/example-advisory.json");
    const EXAMPLE_SHA512: &str =
        include_str!("../../../tests/fixtures/csaf/example-advisory.json.sha512");

    /// The example advisory, summarised.
    pub(crate) fn example() -> CsafSummary {
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
    fn cve_ids_are_found_in_prose() {
        assert_eq!(
            cve_ids("reporting CVE-2024-12248, CVE-2025-0626, and CVE-2025-1024 to CISA; CVE-12"),
            ["CVE-2024-12248", "CVE-2025-0626", "CVE-2025-1024"]
        );
    }
}
