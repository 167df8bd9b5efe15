//! The matching table and property tests, against the bundled list.

use super::*;
use crate::catalog::Catalog;
use crate::i18n::{self, Lang};

use VerdictKind::{Affected as A, NotAffected as N, Unknown as U};

/// What a case feeds the matcher.
enum Input {
    Text(&'static str),
    Readings(Vec<Reading>),
}

/// Photo lines of one photo `a.jpg`.
fn photo(lines: &[(&str, f32)]) -> Input {
    Input::Readings(
        lines
            .iter()
            .map(|(t, c)| Reading::photo("a.jpg", *c, *t))
            .collect(),
    )
}

/// Photo lines of several photos: `(file, text, confidence)`.
fn photos(lines: &[(&str, &str, f32)]) -> Input {
    Input::Readings(
        lines
            .iter()
            .map(|(f, t, c)| Reading::photo(*f, *c, *t))
            .collect(),
    )
}

struct Case {
    input: Input,
    verdict: VerdictKind,
    model: Option<&'static str>,
    /// Message id of a caution the verdict must carry.
    caution: Option<&'static str>,
}

fn c(
    text: &'static str,
    verdict: VerdictKind,
    model: Option<&'static str>,
    caution: Option<&'static str>,
) -> Case {
    Case {
        input: Input::Text(text),
        verdict,
        model,
        caution,
    }
}

fn r(
    input: Input,
    verdict: VerdictKind,
    model: Option<&'static str>,
    caution: Option<&'static str>,
) -> Case {
    Case {
        input,
        verdict,
        model,
        caution,
    }
}

const NEAR: Option<&str> = Some("caution-near-miss");
const VARIANT: Option<&str> = Some("caution-variant");
const CONFLICT: Option<&str> = Some("caution-conflict");
const LOW: Option<&str> = Some("caution-low-confidence");
const NONE_FOUND: Option<&str> = Some("caution-no-model-found");
const ACCESSORY: Option<&str> = Some("caution-accessory-only");
const SERIAL: Option<&str> = Some("caution-serial-only");
const BRAND: Option<&str> = Some("caution-brand-only");
const GTIN: Option<&str> = Some("caution-unknown-gtin");
const BAD_UDI: Option<&str> = Some("caution-bad-udi");

#[expect(
    clippy::too_many_lines,
    reason = "one line per case reads best as a table"
)]
fn cases() -> Vec<Case> {
    vec![
        // Spellings, case, spaces, dashes, full width.
        c("CMS8000", A, Some("CMS8000"), None),
        c("cms8000", A, Some("CMS8000"), None),
        c("CMS 8000", A, Some("CMS8000"), None),
        c("CMS-8000", A, Some("CMS8000"), None),
        c("CMS.8000", A, Some("CMS8000"), None),
        c("CMS/8000", A, Some("CMS8000"), None),
        c("CMS – 8000", A, Some("CMS8000"), None),
        c("ＣＭＳ８０００", A, Some("CMS8000"), None),
        c("  Cms 8000  ", A, Some("CMS8000"), None),
        // OCR-style confusions inside the digit run.
        c("CMS8OOO", A, Some("CMS8000"), None),
        c("CMS 8O00", A, Some("CMS8000"), None),
        c("cms8ooo", A, Some("CMS8000"), None),
        c("MN-l20", A, Some("MN-120"), None),
        c("MNl20", A, Some("MN-120"), None),
        c("CMS6S00", A, Some("CMS6500"), None),
        // Brand words and keywords around the model.
        c("Contec CMS8000", A, Some("CMS8000"), None),
        c("Monitor paziente CMS 8000", A, Some("CMS8000"), None),
        c("Model: CMS8000", A, Some("CMS8000"), None),
        c("Modello CMS-8000, Contec", A, Some("CMS8000"), None),
        c("Contec CMS8000 SN 22G6076372", A, Some("CMS8000"), None),
        c("Model: CMS8000 SN: MN240708747", A, Some("CMS8000"), None),
        c("CMS8000 with SpO2 sensor", A, Some("CMS8000"), None),
        c("CMS8000 acquistato nel 2020", A, Some("CMS8000"), None),
        // Relabels and aliases.
        c("MN-120", A, Some("MN-120"), None),
        c("MN 120", A, Some("MN-120"), None),
        c("MN120", A, Some("MN-120"), None),
        c("Epsimed MN-120", A, Some("MN-120"), None),
        c("NM-120", A, Some("MN-120"), None),
        c("Epsimed NM 120", A, Some("MN-120"), None),
        // The other listed models.
        c("CMS6000", A, Some("CMS6000"), None),
        c("CMS 6500", A, Some("CMS6500"), None),
        c("cms-7000", A, Some("CMS7000"), None),
        c("Contec CMS9000", A, Some("CMS9000"), None),
        // Importer codes.
        c("Gima 35152", A, Some("CMS8000"), None),
        c("GIMA 35151", A, Some("CMS8000"), None),
        c("35151", A, Some("CMS8000"), None),
        c("REF 35152", A, Some("CMS8000"), None),
        c("cod. 35152", A, Some("CMS8000"), None),
        c("Gima35152", A, Some("CMS8000"), None),
        c("tel 35152", U, None, NONE_FOUND),
        c("Gima 35153", U, None, BRAND),
        // Firmware strings.
        c(
            "smart3250-2.6.27-wlan2.1.7.cramfs",
            A,
            Some("CMS8000"),
            None,
        ),
        c("CMS7.820.075.08/0.74(0.75)", A, Some("CMS8000"), None),
        c(
            "Firmware: CMS7.820.120.01/0.93(0.95)",
            A,
            Some("CMS8000"),
            None,
        ),
        c(
            "Epsimed MN-120 smart3250-2.6.27-wlan2.1.7.cramfs",
            A,
            Some("MN-120"),
            None,
        ),
        c("CMS7.820.999.01/0.99", U, None, NONE_FOUND),
        // Near misses are other models.
        c("CMS800", N, Some("CMS800"), NEAR),
        c("CMS80000", N, Some("CMS80000"), NEAR),
        c("CMS8800", N, Some("CMS8800"), NEAR),
        c("KMS8000", N, Some("KMS8000"), NEAR),
        c("MN-1200", N, Some("MN-1200"), NEAR),
        c("CMS-9100", N, Some("CMS-9100"), NEAR),
        c("CMS8OO", N, Some("CMS800"), NEAR),
        // Look-alikes.
        c("CMS50D", N, Some("CMS50D"), None),
        c("CMS50D+", N, Some("CMS50D+"), None),
        c("CMS-50C", N, Some("CMS-50C"), None),
        c("cms50dl", N, Some("CMS50DL"), None),
        c("CMS50S", N, Some("CMS50S"), None),
        c("Contec CMS50Q1", N, Some("CMS50Q1"), None),
        c("CMS60D1", N, Some("CMS60D1"), None),
        c("PM50", N, Some("PM50"), None),
        c("PM10", N, Some("PM10"), None),
        c("Contec08A", N, Some("Contec08A"), None),
        // Other models.
        c("Model: VM-8", N, Some("VM-8"), None),
        c("Type: CMS 5100", N, Some("CMS 5100"), None),
        c("Model: VM-8  SN 8251-2102-8542", N, Some("VM-8"), None),
        c("Philips MX450", N, Some("MX450"), None),
        c("iM60", N, Some("iM60"), None),
        c("Model No.: TH-839", N, Some("TH-839"), None),
        // Variants: a listed model with something extra.
        c("CMS8000X", U, None, VARIANT),
        c("CMS8000 Plus", U, None, VARIANT),
        c("CMS 8000 VET", U, None, VARIANT),
        c("CMS8000-X", U, None, VARIANT),
        c("MN-120S", U, None, VARIANT),
        c("CMS9000V3.0", U, None, VARIANT),
        c("Mod.: CMS6000C", U, None, VARIANT),
        c("CMS8000A", U, None, VARIANT),
        c("CMS8000+", U, None, VARIANT),
        // Read only in part, or a confusion outside the digit run.
        c("8000", U, None, NEAR),
        c("Model: 8000", U, None, NEAR),
        c("Contec 8000", U, None, BRAND),
        c("CM58000", U, None, NEAR),
        // Serial, brand, nothing.
        c("SN 12345", U, None, SERIAL),
        c("S/N: 22G6076372", U, None, SERIAL),
        c("Matricola 123456", U, None, SERIAL),
        // German labels and typed text.
        c("Modell: CMS8000", A, Some("CMS8000"), None),
        c("Typ CMS 8000", A, Some("CMS8000"), None),
        c("Seriennummer 123", U, None, SERIAL),
        c("Serien-Nr. 22G6076372", U, None, SERIAL),
        c(
            "Hersteller: Contec Medical Systems Modell: CMS8000",
            A,
            Some("CMS8000"),
            None,
        ),
        c(
            "Modell CMS8000 Seriennummer 22G6076372 Herstellungsdatum 2023-03",
            A,
            Some("CMS8000"),
            None,
        ),
        c("SN12345", U, None, SERIAL),
        c("Gima", U, None, BRAND),
        c("Contec", U, None, BRAND),
        c("Epsimed monitor", U, None, BRAND),
        c("hello world", U, None, NONE_FOUND),
        c("12345", U, None, NONE_FOUND),
        c("MN240708747", U, None, NONE_FOUND),
        c("SpO2 98%", U, None, NONE_FOUND),
        c("IEC 60601-1 IP22 CE 0123", U, None, NONE_FOUND),
        // UDIs in every form.
        c("(01)09506000134352(21)SN12345", U, None, GTIN),
        c("(01) 09506000134352 (11) 240115 (21) 7", U, None, GTIN),
        c("(01)09506000134353(21)SN12345", U, None, BAD_UDI),
        c("]d2010950600013435221SN12345", U, None, GTIN),
        c("010950600013435211240115\u{1D}21SN1\r\n", U, None, GTIN),
        c("]C1010950600013435211240115<GS>21X", U, None, GTIN),
        c(
            "]Q3\r\n010950600013435211240115\u{1D}21X\r\n",
            U,
            None,
            GTIN,
        ),
        c("https://id.gs1.org/01/09506000134352/21/ABC", U, None, GTIN),
        c(
            "https://id.gs1.org/01/09506000134353/21/ABC",
            U,
            None,
            BAD_UDI,
        ),
        c("+A123BJC5D6E71G", U, None, GTIN),
        c("+A123BJC5D6E71H", U, None, BAD_UDI),
        c(
            "CMS8000 (01)09506000134352(21)SN12345",
            A,
            Some("CMS8000"),
            None,
        ),
        c("(01)09506000134352(21)CMS8000", U, None, GTIN),
        // Accessory labels name the monitor they fit, not the device.
        c("SpO2 sensor for CMS8000", U, None, ACCESSORY),
        c("for use with CMS8000", U, None, ACCESSORY),
        c("compatibile con CMS 8000", U, None, ACCESSORY),
        c("Cavo ECG per Contec CMS8000", U, None, ACCESSORY),
        c("per uso con MN-120", U, None, ACCESSORY),
        c("battery for CMS50D", U, None, ACCESSORY),
        // Two models for one device.
        c("CMS8000 CMS6000", U, None, CONFLICT),
        c("CMS8000 or CMS800", U, None, CONFLICT),
        c("CMS8000\nModel: VM-8", U, None, CONFLICT),
        c("CMS8000 MN-120", A, Some("CMS8000"), None),
        // Photos: key words, confidence, accessories, several photos.
        r(photo(&[("MODEL CMS8000", 0.95)]), A, Some("CMS8000"), None),
        r(
            photo(&[("Model:", 0.9), ("CMS 8000", 0.9)]),
            A,
            Some("CMS8000"),
            None,
        ),
        r(photo(&[("ModelCMS8000", 0.9)]), A, Some("CMS8000"), None),
        r(photo(&[("Mod.: CMS-8000", 0.7)]), A, Some("CMS8000"), None),
        r(
            photo(&[("Model: VM-8", 0.9), ("SN 8251-2102-8542", 0.9)]),
            N,
            Some("VM-8"),
            None,
        ),
        r(
            photo(&[
                ("Type: CMS 5100", 0.9),
                ("IEC 60601-1", 0.9),
                ("100-240V~ 50/60Hz", 0.8),
            ]),
            N,
            Some("CMS 5100"),
            None,
        ),
        r(photo(&[("Model CMS800", 0.95)]), N, Some("CMS800"), NEAR),
        r(photo(&[("KMS8000", 0.9)]), N, Some("KMS8000"), NEAR),
        r(
            photo(&[("Model No.: MN-1200", 0.9)]),
            N,
            Some("MN-1200"),
            NEAR,
        ),
        r(photo(&[("Model: CMS60D", 0.9)]), N, Some("CMS60D"), None),
        r(photo(&[("VM-8", 0.9)]), U, None, NONE_FOUND),
        r(
            photo(&[("MODEL", 0.9), ("C520E472537", 0.9)]),
            U,
            None,
            NONE_FOUND,
        ),
        r(
            photo(&[("MN240708747", 0.9), ("Type: MN120", 0.9)]),
            A,
            Some("MN-120"),
            None,
        ),
        r(photo(&[("Model: CMS8000", 0.4)]), U, None, LOW),
        r(photo(&[("Model: VM-8", 0.5)]), U, None, LOW),
        r(
            photo(&[("Model: VM-8", 0.95), ("CMS8000", 0.3)]),
            U,
            None,
            CONFLICT,
        ),
        r(
            photo(&[("Model: VM-8", 0.95), ("Model: 8000", 0.9)]),
            U,
            None,
            CONFLICT,
        ),
        r(
            photo(&[("CMS8000", 0.4), ("Model: CMS8000", 0.9)]),
            A,
            Some("CMS8000"),
            None,
        ),
        r(photo(&[("Model No.: CMS8000A", 0.9)]), U, None, VARIANT),
        // The model field names the device; a REF or catalogue code that
        // extends it is the same model, not another one.
        r(
            photo(&[("MODEL CMS8000", 0.95), ("REF CMS8000-EU", 0.95)]),
            A,
            Some("CMS8000"),
            None,
        ),
        r(
            photo(&[("Mod.: CMS-6500", 0.9), ("CMS6500-001", 0.9)]),
            A,
            Some("CMS6500"),
            None,
        ),
        // … but a longer form in the model field itself can't be told apart.
        r(
            photo(&[("Model: CMS8000X", 0.9), ("REF CMS8000", 0.9)]),
            U,
            None,
            VARIANT,
        ),
        // Without a model field, two forms of the model stay undecided.
        r(
            photo(&[("CMS8000", 0.9), ("CMS8000-EU", 0.9)]),
            U,
            None,
            VARIANT,
        ),
        // Ratings, dates, addresses, phone numbers and standards are never
        // models, even where a keyword above them asks for one.
        r(
            photo(&[
                ("MODEL", 0.9),
                ("INPUT 100-240V~ 50/60Hz", 0.9),
                ("CMS8000", 0.9),
            ]),
            A,
            Some("CMS8000"),
            None,
        ),
        c(
            "Model: CMS 6500\nINPUT: AC 230V 50Hz 25VA",
            A,
            Some("CMS6500"),
            None,
        ),
        r(
            photo(&[("REF", 0.9), ("DC 12V 1.5A", 0.9), ("Model: VM-8", 0.9)]),
            N,
            Some("VM-8"),
            None,
        ),
        r(
            photo(&[
                ("TYPE", 0.9),
                ("IEC 60601-1-2:2014", 0.9),
                ("Model: VM-8", 0.9),
            ]),
            N,
            Some("VM-8"),
            None,
        ),
        c("Type: CMS 5100\nYY 0505-2012", N, Some("CMS 5100"), None),
        c("Mindray ePM 10\nDATE: MAR 2023", N, Some("ePM 10"), None),
        c("CMS8000 acquistato NEL 2020", A, Some("CMS8000"), None),
        c(
            "Model: VM-8\nSUITE 120, 4 HARBOUR ROAD",
            N,
            Some("VM-8"),
            None,
        ),
        r(
            photo(&[
                ("REF", 0.9),
                ("ROOM 1203, BLDG 5", 0.9),
                ("Model: VM-8", 0.9),
            ]),
            N,
            Some("VM-8"),
            None,
        ),
        r(
            photo(&[("MODEL", 0.9), ("FAX 0335 8015430", 0.9), ("CMS 6000", 0.9)]),
            A,
            Some("CMS6000"),
            None,
        ),
        r(
            photo(&[("REF", 0.9), ("120V~ 60Hz", 0.9), ("Model: VM-8", 0.9)]),
            N,
            Some("VM-8"),
            None,
        ),
        // … but a listed model, a variant or a near miss is never dropped
        // as a marking.
        c("CMS 2000", N, Some("CMS 2000"), NEAR),
        c("INPUT CMS 8000 230V", A, Some("CMS8000"), None),
        c("MN 120V", U, None, VARIANT),
        // A key printed under its value, as the reader gives the lines
        // (the pipeline joins them when the boxes allow), and as typed.
        r(
            photo(&[
                ("CONTEC", 0.95),
                ("CMS8000", 0.95),
                ("CMS8000-01", 0.9),
                ("REF", 0.9),
                ("INPUT 100-240V~ 50/60Hz", 0.9),
            ]),
            A,
            Some("CMS8000"),
            None,
        ),
        r(
            photo(&[("Patient Monitor CMS8000", 0.95), ("REF CMS8000-01", 0.9)]),
            A,
            Some("CMS8000"),
            None,
        ),
        c("CMS 6500\nCMS6500-EU\nREF", A, Some("CMS6500"), None),
        r(
            photo(&[("VM-8", 0.9), ("MODEL", 0.9), ("SN 8251-2102-8542", 0.9)]),
            N,
            Some("VM-8"),
            None,
        ),
        r(
            photo(&[("CMS 8000", 0.9), ("CMS8000X", 0.9), ("MODEL", 0.9)]),
            U,
            None,
            VARIANT,
        ),
        r(
            photo(&[("MODEL", 0.9), ("CMS8000", 0.9), ("REF", 0.9)]),
            A,
            Some("CMS8000"),
            None,
        ),
        // A catalogue code that extends the model named elsewhere on the
        // label names that model.
        r(
            photo(&[("CMS6000", 0.95), ("REF CMS6000-A", 0.9)]),
            A,
            Some("CMS6000"),
            None,
        ),
        c("CMS6000\nREF CMS6000-A", A, Some("CMS6000"), None),
        c(
            "Contec CMS 7000 Cat. No. CMS7000-2",
            A,
            Some("CMS7000"),
            None,
        ),
        c("Art. CMS9000-IT\nCMS 9000", A, Some("CMS9000"), None),
        c("Epsimed MN-120\nREF MN-120-US", A, Some("MN-120"), None),
        // A catalogue code not on the list is a code, not another model.
        c("Model: CMS 7000\nREF MS-7-0042", A, Some("CMS7000"), None),
        c("Model: VM-8\nREF KX-200", N, Some("VM-8"), None),
        c("REF VM-8", N, Some("VM-8"), None),
        // … but not alone, not against a longer form in the model field,
        // not without a keyword, and not for another model.
        c("REF CMS6000-A", U, None, VARIANT),
        c("Model: CMS6000C\nREF CMS6000", U, None, VARIANT),
        c("CMS6000\nCMS6000-A", U, None, VARIANT),
        c("CMS6000\nREF CMS6000-A\nCMS6000 Plus", U, None, VARIANT),
        c("Model: VM-8\nREF CMS8000-01", U, None, CONFLICT),
        c("CMS6000\nREF CMS8000-01", U, None, CONFLICT),
        // A monitor of another maker named plainly.
        c("Mindray ePM 10", N, Some("ePM 10"), None),
        c("Edan iM 70 SN 12345", N, Some("iM 70"), None),
        c("Mindray ePM 10\nCMS 8000", U, None, CONFLICT),
        c("TEL 35152", U, None, NONE_FOUND),
        c("CMS8000 BPM 120 SpO2 98", A, Some("CMS8000"), None),
        r(
            photo(&[
                ("SpO2 Sensor", 0.9),
                ("Compatible with:", 0.9),
                ("CMS8000", 0.9),
            ]),
            U,
            None,
            ACCESSORY,
        ),
        r(
            photo(&[("Model: VM-8", 0.9), ("for use with CMS8000", 0.9)]),
            U,
            None,
            CONFLICT,
        ),
        r(
            photo(&[("Model: CMS8000", 0.9), ("for use with VM-8", 0.9)]),
            A,
            Some("CMS8000"),
            None,
        ),
        r(
            photo(&[("GIMA", 0.9), ("35152", 0.9)]),
            A,
            Some("CMS8000"),
            None,
        ),
        r(photo(&[("35152", 0.9)]), U, None, NONE_FOUND),
        r(
            photo(&[
                ("IEC 60601-1", 0.9),
                ("100-240V 50/60Hz", 0.9),
                ("Model: MN120", 0.9),
            ]),
            A,
            Some("MN-120"),
            None,
        ),
        r(
            photos(&[
                ("a.jpg", "Model: CMS8000", 0.9),
                ("b.jpg", "Model: CMS6000", 0.9),
            ]),
            U,
            None,
            CONFLICT,
        ),
        r(
            photos(&[
                ("a.jpg", "Model: CMS8000", 0.9),
                ("b.jpg", "SN 22G6076372", 0.9),
            ]),
            A,
            Some("CMS8000"),
            None,
        ),
        r(
            photos(&[
                ("a.jpg", "Type: MN120", 0.9),
                ("b.jpg", "smart3250-2.6.27-wlan2.1.7.cramfs", 0.8),
            ]),
            A,
            Some("MN-120"),
            None,
        ),
        r(
            photos(&[("a.jpg", "Model: VM-8", 0.9), ("b.jpg", "Model: VM-8", 0.8)]),
            N,
            Some("VM-8"),
            None,
        ),
        r(
            Input::Readings(vec![
                Reading::photo("a.jpg", 0.9, "Model: CMS8000"),
                Reading::barcode(
                    "a.jpg",
                    "DATA_MATRIX",
                    "]d2010950600013435211240115\u{1D}21SN1",
                ),
            ]),
            A,
            Some("CMS8000"),
            None,
        ),
        r(
            Input::Readings(vec![Reading::barcode("a.jpg", "CODE_128", "22G6076372")]),
            U,
            None,
            SERIAL,
        ),
        r(
            Input::Readings(vec![Reading::barcode("a.jpg", "EAN_13", "9506000134352")]),
            U,
            None,
            GTIN,
        ),
        r(
            Input::Readings(vec![
                Reading::typed("CMS 8000"),
                Reading::photo("a.jpg", 0.9, "MODEL CMS8000"),
            ]),
            A,
            Some("CMS8000"),
            None,
        ),
    ]
}

fn run(catalog: &Catalog, input: &Input) -> Verdict {
    match input {
        Input::Text(text) => match identify_text(catalog, text) {
            Ok(v) => v,
            Err(e) => panic!("{text:?} refused: {e}"),
        },
        Input::Readings(readings) => identify_readings(catalog, readings),
    }
}

fn describe(input: &Input) -> String {
    match input {
        Input::Text(t) => format!("{t:?}"),
        Input::Readings(rs) => format!(
            "{:?}",
            rs.iter().map(|r| r.text.as_str()).collect::<Vec<_>>()
        ),
    }
}

#[test]
fn matching_table() {
    let catalog = Catalog::bundled();
    let cases = cases();
    assert!(cases.len() >= 80, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let v = run(&catalog, &case.input);
        let caution_ok = case
            .caution
            .is_none_or(|id| v.cautions.iter().any(|c| c.message_id() == id));
        if v.verdict != case.verdict || v.model.as_deref() != case.model || !caution_ok {
            failures.push(format!(
                "{} → {:?} {:?} {:?}; expected {:?} {:?} {:?}",
                describe(&case.input),
                v.verdict,
                v.model,
                v.cautions,
                case.verdict,
                case.model,
                case.caution
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_verdict_is_complete() {
    let catalog = Catalog::bundled();
    for case in cases() {
        let v = run(&catalog, &case.input);
        let what = describe(&case.input);
        match v.verdict {
            A => {
                assert!(!v.evidence.is_empty(), "{what}: no evidence");
                assert!(!v.sources.is_empty(), "{what}: no sources");
                assert!(v.manufacturer.is_some(), "{what}: no manufacturer");
                for id in &v.sources {
                    assert!(catalog.source(id).is_some(), "{what}: unknown source {id}");
                }
            }
            N => {
                assert!(v.model.is_some(), "{what}: not affected without a model");
                assert!(!v.evidence.is_empty(), "{what}: no evidence");
            }
            U => {
                assert!(v.model.is_none(), "{what}: unknown with a model");
                assert!(
                    !v.next_steps.is_empty(),
                    "{what}: unknown without next steps"
                );
                assert!(!v.cautions.is_empty(), "{what}: unknown without a caution");
            }
        }
    }
}

#[test]
fn affected_details() {
    let catalog = Catalog::bundled();
    let v = identify_text(&catalog, "Epsimed NM-120").expect("verdict");
    assert_eq!(v.relabel_of.as_deref(), Some("CMS8000"));
    assert_eq!(v.manufacturer.as_deref(), Some("Epsimed LLC"));
    assert_eq!(v.advisories.len(), 4);
    assert_eq!(v.identifiers.brand.as_deref(), Some("Epsimed"));
    let e = v.evidence.first().expect("evidence");
    assert_eq!(e.rule, MatchRule::Alias);
    assert_eq!(e.matched, "MN-120");
    assert!(v.sources.iter().any(|s| s == "fda-2025-01-30"));
    assert!(v.sources.iter().any(|s| s == "cisa-icsma-25-030-01"));

    let v = identify_text(&catalog, "Gima 35152").expect("verdict");
    assert_eq!(
        v.evidence.first().map(|e| e.rule),
        Some(MatchRule::ImporterCode)
    );
    assert_eq!(v.identifiers.importer_code.as_deref(), Some("Gima 35152"));
    assert!(v.sources.iter().any(|s| s == "gima-cms8000"));

    let v = identify_text(&catalog, "CMS7.820.075.08/0.74(0.75)").expect("verdict");
    assert_eq!(
        v.evidence.first().map(|e| e.rule),
        Some(MatchRule::Firmware)
    );
    assert_eq!(
        v.identifiers.firmware.as_deref(),
        Some("CMS7.820.075.08/0.74(0.75)")
    );

    let v = identify_text(&catalog, "CMS6000").expect("verdict");
    assert!(
        v.advisories.is_empty(),
        "which CVEs concern the CMS6000 is unconfirmed"
    );
    assert!(v.sources.iter().any(|s| s == "minsal-2025-02-24"));
}

#[test]
fn identifiers_are_kept() {
    let catalog = Catalog::bundled();
    let v = identify_text(
        &catalog,
        "CMS8000 (01)09506000134352(11)240100(10)L7(21)SN12345",
    )
    .expect("verdict");
    let ids = &v.identifiers;
    assert_eq!(ids.gtin.as_deref(), Some("09506000134352"));
    assert_eq!(ids.serial.as_deref(), Some("SN12345"));
    assert_eq!(ids.lot.as_deref(), Some("L7"));
    assert_eq!(ids.manufactured.as_deref(), Some("2024-01-00"));
    assert!(
        ids.udi_raw
            .as_deref()
            .is_some_and(|u| u.starts_with("(01)"))
    );

    let v = identify_text(&catalog, "Model: VM-8  SN 8251-2102-8542").expect("verdict");
    assert_eq!(v.identifiers.serial.as_deref(), Some("8251-2102-8542"));

    let v = identify_text(&catalog, "+A123BJC5D6E71G").expect("verdict");
    assert_eq!(v.identifiers.product_code.as_deref(), Some("A123BJC5D6E7"));
}

#[test]
fn listed_gtins_identify_the_model() {
    let mut catalog = Catalog::bundled();
    if let Some(m) = catalog.models.iter_mut().find(|m| m.model == "CMS8000") {
        m.gtins.push("09506000134352".into());
    }
    assert!(catalog.validate().is_ok());
    let v = identify_text(&catalog, "]d2010950600013435221SN12345").expect("verdict");
    assert_eq!(v.verdict, A);
    assert_eq!(v.model.as_deref(), Some("CMS8000"));
    assert_eq!(v.evidence.first().map(|e| e.rule), Some(MatchRule::Gtin));
}

#[test]
fn typed_input_is_checked() {
    let catalog = Catalog::bundled();
    assert_eq!(identify_text(&catalog, ""), Err(InputError::Empty));
    assert_eq!(identify_text(&catalog, " \n\t\r "), Err(InputError::Empty));
    assert_eq!(
        identify_text(&catalog, "CMS\u{0}8000"),
        Err(InputError::ControlCharacter { code: 0 })
    );
    assert_eq!(
        identify_text(&catalog, "CMS\u{1B}8000"),
        Err(InputError::ControlCharacter { code: 0x1B })
    );
    assert!(identify_text(&catalog, "CMS8000\r\n\t\u{1D}").is_ok());
    let long = "A".repeat(MAX_TEXT_CHARS + 1);
    assert_eq!(
        identify_text(&catalog, &long),
        Err(InputError::TooLong {
            max_chars: MAX_TEXT_CHARS
        })
    );
    assert!(identify_text(&catalog, &"é".repeat(MAX_TEXT_CHARS)).is_ok());
    let huge = "CMS8000 ".repeat(1 << 20);
    let start = std::time::Instant::now();
    assert!(matches!(
        identify_text(&catalog, &huge),
        Err(InputError::TooLong { .. })
    ));
    assert!(
        start.elapsed() < std::time::Duration::from_millis(50),
        "megabytes must be refused fast"
    );
}

#[test]
fn long_and_hostile_readings_are_bounded() {
    let catalog = Catalog::bundled();
    let huge = "CMS8000X ".repeat(10_000);
    let many: Vec<Reading> = (0..5000)
        .map(|_| Reading::photo("a.jpg", 0.9, huge.as_str()))
        .collect();
    let start = std::time::Instant::now();
    let v = identify_readings(&catalog, &many);
    assert_eq!(v.verdict, U);
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
    let nan = identify_readings(
        &catalog,
        &[Reading::photo("a.jpg", f32::NAN, "Model: CMS8000")],
    );
    assert_eq!(nan.verdict, U);
    let empty = identify_readings(&catalog, &[]);
    assert_eq!(empty.verdict, U);
    assert!(!empty.next_steps.is_empty());
}

#[test]
fn a_code_that_fails_to_parse_does_not_hide_a_model() {
    // A bracketed "(01)" that is no GTIN once took the rest of the line as
    // its value and blanked it out, model and all.
    let catalog = Catalog::bundled();
    for text in [
        "CMS800(01) CMS8000",
        "(01) CMS8000",
        "(01)CMS8000",
        "(17)xx CMS8000",
        "]d2 CMS8000",
    ] {
        let v = identify_text(&catalog, text).expect("accepted");
        assert_ne!(v.verdict, VerdictKind::NotAffected, "{text}");
    }
    let v = identify_text(&catalog, "(01) CMS8000").expect("accepted");
    assert_eq!(v.verdict, VerdictKind::Affected);
}

#[test]
fn empty_list_never_says_not_affected() {
    let catalog = Catalog::unavailable();
    for text in ["CMS8000", "VM-8", "CMS800", "PM50", "Model: BP7450"] {
        let v = identify_text(&catalog, text).expect("verdict");
        assert_eq!(v.verdict, U, "{text}");
    }
}

/// Spellings of a name: as listed, upper, lower, and with the letters and
/// digits apart, joined by a space, a dash, a dot or nothing.
fn spellings(name: &str) -> Vec<String> {
    let key = crate::catalog::model_key(name);
    let letters: String = key.chars().take_while(char::is_ascii_alphabetic).collect();
    let rest: String = key.chars().skip(letters.len()).collect();
    let mut out = vec![name.to_owned(), name.to_uppercase(), name.to_lowercase()];
    for sep in ["", " ", "-", ".", "/", " - ", "–"] {
        out.push(format!("{letters}{sep}{rest}"));
        out.push(format!("{}{sep}{rest}", letters.to_lowercase()));
    }
    let full_width: String = key
        .chars()
        .map(|c| char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c))
        .collect();
    out.push(full_width);
    out
}

#[test]
fn listed_names_in_any_decoration_are_never_not_affected() {
    let catalog = Catalog::bundled();
    let matcher = Matcher::new(&catalog);
    let prefixes = [
        "",
        "Contec ",
        "Epsimed ",
        "Gima ",
        "Model: ",
        "MODEL ",
        "Mod. ",
        "Modello: ",
        "Type ",
        "Tipo: ",
        "Modell: ",
        "Typ ",
        "REF ",
        "Monitor paziente ",
        "Patient monitor ",
        "il mio monitor è un ",
        "(",
        "\"",
        "N. ",
        "» ",
    ];
    let suffixes = [
        "",
        " monitor",
        " paziente",
        " SN 12345",
        " S/N: 22G6076372",
        ",",
        ".",
        ")",
        "\"",
        " - Contec",
        " Lot 2401",
        " CE 0123",
        " 2020",
        " 100-240V",
        "\nSN 123",
        " IEC 60601-1",
        " ❤",
    ];
    let mut names: Vec<&str> = Vec::new();
    for m in &catalog.models {
        names.push(&m.model);
        names.extend(m.aliases.iter().map(String::as_str));
    }
    let mut tried = 0;
    for name in names {
        for spelling in spellings(name) {
            for prefix in prefixes {
                for suffix in suffixes {
                    let text = format!("{prefix}{spelling}{suffix}");
                    let v = matcher.identify_text(&text).expect("valid input");
                    assert_ne!(v.verdict, N, "{text:?} → not affected");
                    // Plain decorations keep the answer firm.
                    if !text.contains('/') || spelling.contains('/') {
                        assert_eq!(v.verdict, A, "{text:?} → {:?} {:?}", v.verdict, v.cautions);
                    }
                    tried += 1;
                }
            }
        }
    }
    assert!(tried > 5000, "only {tried} decorations");
}

#[test]
fn listed_names_from_photos_are_never_not_affected() {
    let catalog = Catalog::bundled();
    let others = [
        "Model: VM-8",
        "Type: CMS 5100",
        "PM50",
        "Model CMS800",
        "KMS8000",
    ];
    for m in &catalog.models {
        for confidence in [0.1, 0.59, 0.6, 0.99] {
            for other in others {
                for line in [
                    m.model.clone(),
                    format!("for use with {}", m.model),
                    format!("{}X", m.model),
                ] {
                    let readings = [
                        Reading::photo("a.jpg", 0.95, other),
                        Reading::photo("b.jpg", confidence, line.as_str()),
                    ];
                    let v = identify_readings(&catalog, &readings);
                    assert_ne!(v.verdict, N, "{other} + {line} at {confidence}");
                }
            }
        }
    }
}

#[test]
fn every_message_is_translated() {
    let cautions = [
        Caution::NoModelFound,
        Caution::AccessoryOnly { fits: "x".into() },
        Caution::SerialOnly { serial: "1".into() },
        Caution::NearMiss {
            read: "a".into(),
            listed: "b".into(),
        },
        Caution::Variant {
            read: "a".into(),
            listed: "b".into(),
        },
        Caution::Conflict {
            models: vec!["a".into(), "b".into()],
        },
        Caution::BrandOnly {
            brand: "Gima".into(),
        },
        Caution::UnknownGtin { gtin: "1".into() },
        Caution::BadUdi { detail: "x".into() },
        Caution::LowConfidence { read: "a".into() },
    ];
    let steps = [
        NextStep::TypeModel,
        NextStep::PhotoLabel,
        NextStep::CheckLabelAgain,
        NextStep::AskGp,
    ];
    for lang in Lang::ALL {
        for kind in [A, N, U] {
            assert!(i18n::has(lang, kind.message_id()), "{lang:?} {kind:?}");
            assert!(
                i18n::has(lang, kind.explanation_message_id()),
                "{lang:?} {kind:?}"
            );
        }
        for caution in &cautions {
            assert!(
                i18n::has(lang, caution.message_id()),
                "{lang:?} {caution:?}"
            );
            let args = caution.message_args();
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let text = i18n::tr_args(lang, caution.message_id(), &args);
            assert!(!text.contains('{'), "{lang:?} {caution:?}: {text}");
        }
        for step in steps {
            assert!(i18n::has(lang, step.message_id()), "{lang:?} {step:?}");
        }
    }
    let v = identify_text(&Catalog::bundled(), "CMS800").expect("verdict");
    let en = crate::explain::explanation(Lang::En, &v);
    assert!(
        en.contains("CMS800") && en.contains("not an all-clear"),
        "{en}"
    );
}

/// Found by the property test on scanner input: a listed name inside a UDI
/// element (here read as the serial, AI 21) was blanked out with the UDI,
/// which left only the near miss `CMS800` and said "not on the list".
#[test]
fn a_listed_name_inside_a_udi_element_still_counts() {
    let catalog = Catalog::bundled();
    for text in [
        "CMS800(21) CMS8000",
        "CMS800 (01)08012345678901(21)CMS8000",
        "CMS800 (21)MN-120",
    ] {
        let v = identify_text(&catalog, text).expect("verdict");
        assert_ne!(v.verdict, VerdictKind::NotAffected, "{text}: {v:?}");
    }
    // A UDI with no model name in it is still set aside whole.
    let v = identify_text(&catalog, "CMS8000 (01)08012345678901(21)SN12345").expect("verdict");
    assert_eq!(v.verdict, VerdictKind::Affected);
    assert_eq!(v.identifiers.serial.as_deref(), Some("SN12345"));
}

/// The same, with the name running across the end of the UDI element.
#[test]
fn a_listed_name_across_the_end_of_a_udi_element_still_counts() {
    let catalog = Catalog::bundled();
    for text in [
        "CMS800(21) CMS 8000",
        "CMS800(21)CMS 8000",
        "CMS800 (21)MN 120",
    ] {
        let v = identify_text(&catalog, text).expect("verdict");
        assert_ne!(v.verdict, VerdictKind::NotAffected, "{text}: {v:?}");
    }
}

/// Found by the property test: a malformed code followed by a second scan
/// on the same line cut the second one off, with the model name in it.
#[test]
fn a_malformed_code_drops_nothing_that_follows_it() {
    let catalog = Catalog::bundled();
    let scan = read_scan("]d201 ]d2 CMS8000\rCMS800").expect("a reading");
    assert!(scan.text.contains("CMS8000"), "{scan:?}");
    let v = identify_text(&catalog, &scan.text).expect("verdict");
    assert_ne!(v.verdict, VerdictKind::NotAffected, "{v:?}");
}
