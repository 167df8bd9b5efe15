//! A verdict in plain sentences, in either language. Shared by the app, the
//! CLI and the notice, so all three say the same thing the same way.

use crate::i18n::{Lang, tr, tr_args};
use crate::identify::{Caution, Evidence, MatchRule, Origin, ScannerInput, Verdict};

/// The headline, e.g. "This monitor (CMS8000) is on the list of affected models".
pub fn headline(lang: Lang, verdict: &Verdict) -> String {
    let model = verdict.model.as_deref().unwrap_or_default();
    tr_args(lang, verdict.verdict.message_id(), &[("model", model)])
}

/// What the headline means and what to watch for, one or two sentences.
pub fn explanation(lang: Lang, verdict: &Verdict) -> String {
    let model = verdict.model.as_deref().unwrap_or_default();
    let id = verdict.verdict.explanation_message_id();
    let mut s = tr_args(lang, id, &[("model", model)]);
    if let Some(of) = &verdict.relabel_of {
        s.push('\n');
        s.push_str(&tr_args(lang, "result-relabel", &[("of", of)]));
    }
    s
}

/// How a scanner's text was read: the text as the matcher got it (a group
/// separator shown as `<GS>`, lines joined by ` / `), then what was
/// changed to get it, e.g.
/// `0108033333333332 (symbology identifier ]d2 taken off; …)`.
pub fn scan_read_as(lang: Lang, scan: &ScannerInput) -> String {
    let mut read_as = scan.text.replace('\u{1d}', "<GS>").replace('\n', " / ");
    let repairs: Vec<String> = scan
        .repaired
        .iter()
        .map(|r| {
            let args = r.message_args();
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            tr_args(lang, r.message_id(), &args)
        })
        .collect();
    if !repairs.is_empty() {
        read_as.push_str(" (");
        read_as.push_str(&repairs.join("; "));
        read_as.push(')');
    }
    read_as
}

/// The sentence for a caution.
pub fn caution(lang: Lang, caution: &Caution) -> String {
    let args = caution.message_args();
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    tr_args(lang, caution.message_id(), &args)
}

/// "You typed "CMS 8000" → CMS8000 (model name)".
pub fn evidence(lang: Lang, e: &Evidence) -> String {
    let rule = match e.rule {
        MatchRule::Model => "rule-model",
        MatchRule::Alias => "rule-alias",
        MatchRule::ImporterCode => "rule-importer-code",
        MatchRule::Firmware => "rule-firmware",
        MatchRule::Gtin => "rule-gtin",
        MatchRule::LookAlike => "rule-look-alike",
        MatchRule::UnlistedModel => "rule-unlisted",
    };
    let origin = match &e.origin {
        Origin::Typed => tr(lang, "origin-typed"),
        Origin::Photo { file, confidence } => tr_args(
            lang,
            "origin-photo",
            &[
                ("file", file),
                ("percent", &format!("{:.0}", confidence * 100.0)),
            ],
        ),
        Origin::Barcode { file, format } => tr_args(
            lang,
            "origin-barcode",
            &[("file", file), ("format", format)],
        ),
    };
    tr_args(
        lang,
        "result-evidence-line",
        &[
            ("origin", &origin),
            ("text", &e.text),
            ("matched", &e.matched),
            ("rule", &tr(lang, rule)),
        ],
    )
}
