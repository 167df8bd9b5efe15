//! `list`: the list of affected models in use.

use std::fmt::Write as _;
use std::process::ExitCode;

use crate::i18n::{Lang, format_date, tr, tr_args};

pub(super) fn run(json: bool, raw: bool, lang: Lang) -> anyhow::Result<ExitCode> {
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
        "{}",
        tr_args(
            lang,
            "cli-list-title",
            &[
                ("version", &catalog.version.to_string()),
                ("date", &format_date(lang, &catalog.issued)),
            ],
        )
    );
    let _ = writeln!(s, "\n{}:", tr(lang, "cli-list-affected"));
    for m in &catalog.models {
        let mut line = format!("  {:<10} {} ({})", m.model, m.brand, m.kind);
        if let Some(of) = &m.relabel_of {
            let _ = write!(
                line,
                "; {}",
                tr_args(lang, "cli-list-relabel", &[("of", of)])
            );
        }
        if !m.aliases.is_empty() {
            let aliases = m.aliases.join(", ");
            let _ = write!(
                line,
                "; {}",
                tr_args(lang, "cli-list-aliases", &[("aliases", &aliases)])
            );
        }
        for c in &m.importer_codes {
            let _ = write!(
                line,
                "; {}",
                tr_args(
                    lang,
                    "cli-list-code",
                    &[("importer", &c.importer), ("code", &c.code)]
                )
            );
        }
        let _ = writeln!(s, "{line}");
        let sources = m.sources.join(", ");
        let _ = writeln!(
            s,
            "             {}",
            tr_args(lang, "cli-list-sources", &[("ids", &sources)])
        );
    }
    if !catalog.not_affected.is_empty() {
        let _ = writeln!(s, "\n{}:", tr(lang, "cli-list-look-alikes"));
        for l in &catalog.not_affected {
            let _ = writeln!(s, "  {:<10} {} ({})", l.model, l.brand, l.kind);
        }
    }
    let _ = writeln!(s, "\n{}:", tr(lang, "result-sources"));
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
