//! `import-csaf`: summarises a CSAF 2.0 advisory and drafts a list entry
//! from it, for the maintainers to finish, add to the list and sign.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use super::csaf::{self, Checksum, CsafSummary, DraftEntry, ProductVersion};
use crate::update::ActiveList;

/// Reads the advisory at `file` and prints its summary and the draft entry,
/// compared with the list in use (which `active_list` gives).
pub(crate) fn import_csaf(
    file: &Path,
    active_list: impl FnOnce() -> ActiveList,
) -> anyhow::Result<ExitCode> {
    let summary = csaf::read_advisory(file)
        .with_context(|| format!("cannot import the advisory {}", file.display()))?;
    let current = active_list();
    let draft = csaf::draft_entry(&summary, Some(&current.catalog));
    let mut out = String::new();
    write_summary(&mut out, &summary);
    write_draft(&mut out, &draft);
    crate::console::out(&out)?;
    Ok(ExitCode::SUCCESS)
}
fn write_summary(out: &mut String, s: &CsafSummary) {
    let _ = writeln!(out, "{} — {}", s.tracking_id, s.title);
    let _ = writeln!(
        out,
        "Publisher: {} ({}); status {}, version {}",
        s.publisher, s.publisher_category, s.status, s.version
    );
    let _ = writeln!(
        out,
        "First published {}; this revision {}",
        s.initial_release, s.current_release
    );
    if let Some(url) = &s.web_url {
        let _ = writeln!(out, "Web page: {url}");
    }
    let _ = writeln!(
        out,
        "Checksum: {}",
        match s.checksum {
            Checksum::Matched => "matches the .sha512 beside the file",
            Checksum::Absent => "not checked (no .sha512 beside the file)",
        }
    );
    let _ = writeln!(out, "\nRevisions:");
    for r in &s.revisions {
        let label = r.label.as_deref().unwrap_or("");
        let _ = writeln!(out, "  {} {} {label}: {}", r.number, r.date, r.summary);
    }
    let _ = writeln!(out, "\nProducts:");
    for p in &s.products {
        let version = match &p.version {
            Some(v) if v.is_all() => "all versions".to_owned(),
            Some(ProductVersion::Exact(v)) => format!("version {v}"),
            Some(ProductVersion::Range(v)) => format!("versions {v}"),
            None => "no version given".to_owned(),
        };
        let _ = writeln!(
            out,
            "  {} {}: {version} [{}]",
            p.vendor.as_deref().unwrap_or("(no vendor)"),
            p.product.as_deref().unwrap_or(&p.name),
            p.product_id
        );
    }
    let _ = writeln!(out, "\nVulnerabilities:");
    for v in &s.vulnerabilities {
        let cwe = v
            .cwe
            .as_ref()
            .map_or_else(|| "no CWE".to_owned(), |c| format!("{} {}", c.id, c.name));
        let _ = writeln!(out, "  {} ({cwe})", v.cve.as_deref().unwrap_or("(no CVE)"));
        for c in v.cvss_v3.iter().chain(&v.cvss_v4) {
            let note = if c.computed_from_link {
                ", computed from the first.org link"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "    CVSS {} {:.1} {}{note}: {}",
                c.version, c.base_score, c.severity, c.vector
            );
        }
        let _ = writeln!(out, "    affects: {}", v.affected.join(", "));
        if !v.fixed.is_empty() {
            let _ = writeln!(out, "    fixed in: {}", v.fixed.join(", "));
        }
        if let Some(text) = &v.summary {
            let _ = writeln!(out, "    {text}");
        }
    }
    let _ = writeln!(out, "\nRemediations:");
    for (r, cves) in s.remediations() {
        let url = r.url.map_or_else(String::new, |u| format!(" <{u}>"));
        let _ = writeln!(
            out,
            "  [{}] {}{url} ({})",
            r.category,
            r.details,
            cves.join(", ")
        );
    }
    if !s.has_vendor_fix() {
        let _ = writeln!(out, "  No vendor fix in this advisory.");
    }
    if !s.warnings.is_empty() {
        let _ = writeln!(out, "\nWarnings:");
        for w in &s.warnings {
            let _ = writeln!(out, "  - {w}");
        }
    }
}

fn write_draft(out: &mut String, d: &DraftEntry) {
    let _ = writeln!(
        out,
        "\nDraft list entry (for the maintainers: not used by the app until it is \
         merged into the list and the list is signed):"
    );
    let _ = writeln!(out, "{}", d.to_json());
    let _ = writeln!(out, "\nNeeds a human:");
    for n in &d.needs_human {
        let _ = writeln!(out, "  - {n}");
    }
}
