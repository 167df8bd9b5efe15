//! `identify --text`: typed label text → verdict; with `--scan`, the text
//! is a barcode scanner's output and is read by `identify::read_scan` first.

use std::fmt::Write as _;
use std::process::ExitCode;

use crate::catalog::Catalog;
use crate::explain;
use crate::guidance;
use crate::i18n::{Lang, tr, tr_args};
use crate::identify::{self, ScanKind, Verdict};

/// Identifies typed text and prints the verdict.
pub(super) fn typed(text: Option<&str>, json: bool, lang: Lang) -> anyhow::Result<ExitCode> {
    let Some(text) = text else {
        anyhow::bail!("give the label text with --text, or photos with --photo");
    };
    let catalog = super::catalog();
    let verdict = identify::identify_text(&catalog, text)?;
    print_verdict(&catalog, &verdict, json, lang)?;
    Ok(ExitCode::SUCCESS)
}

/// Reads scanner output, identifies it and prints the verdict with what
/// was read; a medicine pack's code is refused.
pub(super) fn scanned(text: Option<&str>, json: bool, lang: Lang) -> anyhow::Result<ExitCode> {
    let Some(text) = text else {
        anyhow::bail!("give the scan with --text, or --text-file - to read it from standard input");
    };
    let scan = identify::read_scan(text)?;
    if scan.kind == ScanKind::MedicinePack {
        anyhow::bail!(
            "{}",
            tr_args(lang, "scan-medicine-pack", &[("code", &shown(&scan.text))])
        );
    }
    let catalog = super::catalog();
    let verdict = identify::identify_text(&catalog, &scan.text)?;
    let out = if json {
        let mut value = serde_json::to_value(&verdict)?;
        if let Some(object) = value.as_object_mut() {
            object.insert(
                "scan".into(),
                serde_json::json!({ "kind": scan.kind, "repaired": scan.repaired }),
            );
        }
        serde_json::to_string_pretty(&value)?
    } else {
        let read_as = tr_args(
            lang,
            "scan-read-as",
            &[("text", &explain::scan_read_as(lang, &scan))],
        );
        format!("{read_as}\n\n{}", human(&catalog, &verdict, lang))
    };
    super::out(&format!("{out}\n"))?;
    Ok(ExitCode::SUCCESS)
}

/// Scanned text on one line: GS shown as `<GS>`, line breaks as ` / `.
fn shown(text: &str) -> String {
    text.replace('\u{1D}', "<GS>").replace('\n', " / ")
}

/// Prints a verdict as JSON or as plain sentences.
pub(super) fn print_verdict(
    catalog: &Catalog,
    verdict: &Verdict,
    json: bool,
    lang: Lang,
) -> anyhow::Result<()> {
    let out = if json {
        serde_json::to_string_pretty(verdict)?
    } else {
        human(catalog, verdict, lang)
    };
    super::out(&format!("{out}\n"))
}

/// The verdict in plain sentences, as the app shows it.
pub(super) fn human(catalog: &Catalog, verdict: &Verdict, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", explain::headline(lang, verdict));
    let _ = writeln!(s, "{}", explain::explanation(lang, verdict));
    if !verdict.cautions.is_empty() {
        let _ = writeln!(s, "\n{}:", tr(lang, "result-cautions"));
        for c in &verdict.cautions {
            let _ = writeln!(s, "  ! {}", explain::caution(lang, c));
        }
    }
    if !verdict.next_steps.is_empty() {
        let _ = writeln!(s, "\n{}:", tr(lang, "result-next-steps"));
        for (i, n) in verdict.next_steps.iter().enumerate() {
            let _ = writeln!(s, "  {}. {}", i + 1, tr(lang, n.message_id()));
        }
    }
    let _ = writeln!(s, "\n{}:", tr(lang, "result-evidence"));
    if verdict.evidence.is_empty() {
        let _ = writeln!(s, "  - {}", tr(lang, "result-no-evidence"));
    }
    for e in &verdict.evidence {
        let _ = writeln!(s, "  - {}", explain::evidence(lang, e));
    }
    let _ = writeln!(s, "\n{}:", tr(lang, "result-next"));
    for (i, step) in guidance::steps(verdict.verdict, crate::guidance::Role::Carer)
        .iter()
        .enumerate()
    {
        let _ = writeln!(s, "  {}. {}", i + 1, tr(lang, step.message_id));
    }
    if guidance::asks_about_tampering(verdict.verdict) {
        let _ = writeln!(s, "\n{}:", tr(lang, "guidance-tamper-heading"));
        for sign in guidance::TamperSign::ALL {
            let _ = writeln!(s, "  [ ] {}", tr(lang, sign.message_id()));
        }
    }
    if !verdict.sources.is_empty() {
        let _ = writeln!(s, "\n{}:", tr(lang, "result-sources"));
        for id in &verdict.sources {
            if let Some(src) = catalog.source(id) {
                let _ = writeln!(
                    s,
                    "  - {} — {} ({}) {}",
                    src.publisher, src.title, src.date, src.url
                );
            }
        }
    }
    let _ = write!(
        s,
        "\n{}",
        tr_args(
            lang,
            "result-list-version",
            &[
                ("version", &catalog.version.to_string()),
                ("date", &crate::i18n::format_date(lang, &catalog.issued))
            ],
        )
    );
    s
}
