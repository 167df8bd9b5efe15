//! The serde model: the CSAF 2.0 parts the summary reads, leniently
//! (unknown fields are ignored, so newer generators still read).

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
