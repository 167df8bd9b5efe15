//! `update` (fetch a newer signed list) and `import-csaf` (summarise a CSAF
//! advisory and draft a list entry for the maintainers).
//!
//! The CLI always verifies with the pinned release key: a key taken from
//! the environment would let whoever sets it make the app accept any list.
//! Tests that need their own key drive `crate::update` directly.

use std::fmt::Write as _;
use std::io::Write as _;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::update::csaf::{self, Checksum, CsafSummary, DraftEntry, ProductVersion};
use crate::update::{
    self, ActiveList, DEFAULT_FEED_URL, FetchOptions, ListDiff, ListOrigin, UpdateOutcome, Verifier,
};

/// Environment variable that points the CLI at another data dir (tests,
/// portable installs). Read here only, never by the core.
pub(super) const DATA_DIR_ENV: &str = "MONITOR_CHECK_DATA_DIR";

/// The data dir: `$MONITOR_CHECK_DATA_DIR` if set, else the platform's.
pub(super) fn data_dir() -> Option<PathBuf> {
    std::env::var_os(DATA_DIR_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(update::default_data_dir)
}

/// The list in use, with a note on stderr if a stored list was refused.
pub(super) fn active_list() -> ActiveList {
    let list = update::active_list(data_dir().as_deref(), &Verifier::pinned());
    if let Some(e) = &list.ignored_stored {
        eprintln!("monitor-check: note: {e}; using the list built into the app");
    }
    if let Some(e) = &list.bundled_error {
        eprintln!("monitor-check: warning: {e}");
    }
    list
}

pub(super) fn update(from: Option<&str>) -> anyhow::Result<ExitCode> {
    let dir = data_dir().context(
        "no data folder for the downloaded list: this system has no home folder \
         (set MONITOR_CHECK_DATA_DIR)",
    )?;
    let current = active_list();
    let url = from.unwrap_or(DEFAULT_FEED_URL);
    eprintln!(
        "monitor-check: list in use: {}; checking {url}",
        describe(&current)
    );
    let result = update::fetch_update(
        url,
        &current,
        &Verifier::pinned(),
        &dir,
        &FetchOptions::default(),
        &mut |_| ControlFlow::Continue(()),
    );
    let mut out = String::new();
    match result {
        Ok(UpdateOutcome::UpToDate { version, issued }) => {
            let _ = writeln!(
                out,
                "The list is already up to date: version {version} of {issued}."
            );
        }
        Ok(UpdateOutcome::Updated { diff, .. }) => {
            write_diff(&mut out, &diff);
            let _ = writeln!(
                out,
                "Saved in {}.",
                update::store::list_path(&dir).display()
            );
        }
        Err(e) => {
            return Err(anyhow::Error::new(e).context(format!(
                "update refused, keeping the list in use ({})",
                describe(&current)
            )));
        }
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn import_csaf(file: &Path) -> anyhow::Result<ExitCode> {
    let summary = csaf::read_advisory(file)
        .with_context(|| format!("cannot import the advisory {}", file.display()))?;
    let current = active_list();
    let draft = csaf::draft_entry(&summary, Some(&current.catalog));
    let mut out = String::new();
    write_summary(&mut out, &summary);
    write_draft(&mut out, &draft);
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn print(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .context("cannot write to standard output")
}

/// "version 3 of 2025-02-24, built in".
fn describe(list: &ActiveList) -> String {
    let origin = match list.origin {
        ListOrigin::Bundled => "built in",
        ListOrigin::Stored => "downloaded",
    };
    format!(
        "version {} of {}, {origin}",
        list.catalog.version, list.catalog.issued
    )
}

fn write_diff(out: &mut String, d: &ListDiff) {
    let _ = writeln!(
        out,
        "Updated the list: version {} of {} -> version {} of {}.",
        d.old_version, d.old_issued, d.new_version, d.new_issued
    );
    let models = |v: &[crate::catalog::ModelEntry]| {
        v.iter()
            .map(|m| format!("{} ({})", m.model, m.brand))
            .collect::<Vec<_>>()
    };
    let sources = |v: &[crate::catalog::Source]| {
        v.iter()
            .map(|s| format!("{}: {} ({})", s.publisher, s.title, s.date))
            .collect::<Vec<_>>()
    };
    write_items(out, "Models added", &models(&d.models_added));
    write_items(out, "Models removed", &models(&d.models_removed));
    write_items(out, "Models changed", &d.models_changed);
    write_items(out, "New sources", &sources(&d.sources_added));
    write_items(out, "Sources removed", &sources(&d.sources_removed));
    write_items(out, "New vulnerabilities", &d.advisories_added);
    write_items(out, "Vulnerabilities removed", &d.advisories_removed);
    if d.is_content_unchanged() {
        let _ = writeln!(out, "No model, source or vulnerability changed.");
    }
}

fn write_items(out: &mut String, heading: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{heading}:");
    for i in items {
        let _ = writeln!(out, "  - {i}");
    }
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
