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
//!
//! One file per job: `raw` (the serde model), `summary` (reading and
//! summarising an advisory) and `draft` (the draft list entry).

mod draft;
mod raw;
mod summary;

pub use draft::{DraftEntry, draft_entry};
pub use summary::{
    Checksum, CsafError, CsafSummary, Cvss, Cwe, MAX_CSAF_BYTES, Product, ProductVersion,
    Remediation, Revision, Vulnerability, parse_advisory, read_advisory,
};
