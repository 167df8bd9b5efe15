//! Drafting a list entry from a summary ([`DraftEntry`]), flagged where a
//! person must check or fill in, and compared with the list in use.

use super::summary::{CsafSummary, Product, ProductVersion, Vulnerability, unique};
use crate::catalog::{Advisory, Catalog, Grade, ModelEntry, Source};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::maintain::csaf::summary::tests::example;

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
    fn slugs() {
        assert_eq!(slug("CISA"), "cisa");
        assert_eq!(slug("Test  CERT!"), "test-cert");
    }
}
