//! `list`: the list of affected models in use.

use std::fmt::Write as _;
use std::process::ExitCode;

pub(super) fn run(json: bool, raw: bool) -> anyhow::Result<ExitCode> {
    let active = super::update::active_list();
    if raw {
        super::out(&active.raw)?;
        return Ok(ExitCode::SUCCESS);
    }
    let catalog = active.catalog;
    if json {
        super::out(&format!("{}\n", serde_json::to_string_pretty(&catalog)?))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut s = String::new();
    let _ = writeln!(
        s,
        "List of affected models, version {} of {}",
        catalog.version, catalog.issued
    );
    let _ = writeln!(s, "\nAffected:");
    for m in &catalog.models {
        let mut line = format!("  {:<10} {} ({})", m.model, m.brand, m.kind);
        if let Some(of) = &m.relabel_of {
            let _ = write!(line, ", sold as a relabelled {of}");
        }
        if !m.aliases.is_empty() {
            let _ = write!(line, "; also written {}", m.aliases.join(", "));
        }
        for c in &m.importer_codes {
            let _ = write!(line, "; {} code {}", c.importer, c.code);
        }
        let _ = writeln!(s, "{line}");
        let _ = writeln!(s, "             sources: {}", m.sources.join(", "));
    }
    if !catalog.not_affected.is_empty() {
        let _ = writeln!(s, "\nKnown look-alikes that are not affected:");
        for l in &catalog.not_affected {
            let _ = writeln!(s, "  {:<10} {} ({})", l.model, l.brand, l.kind);
        }
    }
    let _ = writeln!(s, "\nSources:");
    for src in &catalog.sources {
        let _ = writeln!(
            s,
            "  [{}] {} — {} ({}) {}",
            src.id, src.publisher, src.title, src.date, src.url
        );
    }
    super::out(&s)?;
    Ok(ExitCode::SUCCESS)
}
