//! Property tests: the UDI parser, the list parser and validator, the CSAF
//! reader and the matcher give a result or a typed error for any input,
//! never a panic; and no input makes a listed model `not_affected`.
//!
//! A normal test run tries [`SHORT_CASES`] inputs per target. The ignored
//! `fuzz_long_*` tests try `FUZZ_CASES` (default 1,000,000) each and print
//! the count and the time; run them with dependencies optimised:
//!
//! ```sh
//! cargo test --release --test fuzz -- --ignored --nocapture fuzz_long_
//! ```
//!
//! Inputs are of two kinds per target: arbitrary strings or bytes, and
//! inputs built from the target's own vocabulary (UDI fragments, label
//! words, a real list or advisory with values replaced), which reach the
//! code behind the first syntax check.

use std::fmt::Debug;
use std::sync::OnceLock;
use std::time::Instant;

use monitor_check::catalog::{BUNDLED_JSON, Catalog};
use monitor_check::identify::{self, InputError, Matcher, Reading, Verdict, VerdictKind, udi};
use monitor_check::update::Verifier;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::Value;

/// Cases per target in a normal test run: enough to catch a careless
/// slice or unwrap, quick enough on a two-core machine.
const SHORT_CASES: u32 = 256;

/// Cases per target in a long run: `FUZZ_CASES`, or a million.
fn long_cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

/// Runs `property` on `cases` inputs from `strategy`; a panic or a failed
/// check fails the test with the smallest input found.
fn check<S>(
    name: &str,
    cases: u32,
    strategy: &S,
    property: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S: Strategy,
    S::Value: Debug,
{
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let start = Instant::now();
    if let Err(e) = runner.run(strategy, property) {
        panic!("{name}: {e}");
    }
    eprintln!(
        "{name}: {cases} cases in {:.1} s",
        start.elapsed().as_secs_f64()
    );
}

fn bundled() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(Catalog::bundled)
}

/// Concatenations of up to `max` pieces drawn from `pieces`, with
/// arbitrary characters mixed in.
fn built_from(pieces: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(pieces).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        1 => "[0-9]{1,14}",
    ];
    proptest::collection::vec(piece, 0..max).prop_map(|v| v.concat())
}

// ---------------------------------------------------------------- UDI

const UDI_PIECES: &[&str] = &[
    "(01)",
    "(10)",
    "(11)",
    "(17)",
    "(21)",
    "(240)",
    "(7003)",
    "(99)",
    "01",
    "10",
    "11",
    "17",
    "21",
    "09506000134352",
    "09506000134353",
    "240115",
    "241300",
    "\u{1D}",
    "<GS>",
    "[GS]",
    "\\x1d",
    "\u{241D}",
    "]d2",
    "]C1",
    "]Q3",
    "]d1",
    "+",
    "*+",
    "$$",
    "$",
    "/",
    "A123",
    "BJC5D6E7",
    "1G",
    "https://id.gs1.org/01/",
    "http://example.com/01/",
    "/21/",
    "/10/",
    "?17=",
    "%1D",
    " ",
    "\r\n",
    "(",
    ")",
    "é",
    "０１",
];

fn udi_input() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), built_from(UDI_PIECES, 24)]
}

fn udi_property(text: &str) -> Result<(), TestCaseError> {
    if let Some(Ok(u)) = udi::parse(text)
        && let Some(gtin) = &u.gtin
    {
        prop_assert!(monitor_check::catalog::is_valid_gtin14(gtin), "{gtin}");
    }
    Ok(())
}

#[test]
fn udi_parser_never_panics() {
    check("udi", SHORT_CASES, &udi_input(), |t| udi_property(&t));
}

#[test]
#[ignore = "long fuzz run"]
fn fuzz_long_udi_parser() {
    check("udi", long_cases(), &udi_input(), |t| udi_property(&t));
}

// ---------------------------------------------------------------- JSON

/// Every path to a value in `value`, as JSON pointers.
fn pointers(value: &Value, at: &str, out: &mut Vec<String>) {
    out.push(at.to_owned());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let key = k.replace('~', "~0").replace('/', "~1");
                pointers(v, &format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// What a value is replaced with; `None` removes it.
fn replacement(words: &'static [&'static str]) -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        Just(None),
        Just(Some(Value::Null)),
        any::<bool>().prop_map(|b| Some(Value::Bool(b))),
        any::<i64>().prop_map(|n| Some(Value::from(n))),
        any::<f64>()
            .prop_map(|f| Some(serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number))),
        any::<String>().prop_map(|s| Some(Value::String(s))),
        proptest::sample::select(words).prop_map(|s| Some(Value::String(s.to_owned()))),
        Just(Some(Value::Array(Vec::new()))),
        Just(Some(Value::Object(serde_json::Map::new()))),
        proptest::collection::vec(proptest::sample::select(words), 0..4)
            .prop_map(|v| Some(Value::Array(v.into_iter().map(Value::from).collect()))),
    ]
}

/// `base` with up to four values replaced or removed, written out.
fn mutated_json(
    base: &'static Value,
    words: &'static [&'static str],
) -> impl Strategy<Value = String> {
    let mut paths = Vec::new();
    pointers(base, "", &mut paths);
    let edits =
        proptest::collection::vec((proptest::sample::select(paths), replacement(words)), 1..5);
    edits.prop_map(move |edits| {
        let mut value = base.clone();
        for (path, with) in edits {
            apply(&mut value, &path, with);
        }
        serde_json::to_string_pretty(&value).unwrap_or_default()
    })
}

fn apply(value: &mut Value, path: &str, with: Option<Value>) {
    if let Some(v) = with {
        if let Some(slot) = value.pointer_mut(path) {
            *slot = v;
        }
        return;
    }
    let Some((parent, last)) = path.rsplit_once('/') else {
        return;
    };
    let key = last.replace("~1", "/").replace("~0", "~");
    match value.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.remove(&key);
        }
        Some(Value::Array(items)) => {
            if let Ok(i) = key.parse::<usize>()
                && i < items.len()
            {
                items.remove(i);
            }
        }
        _ => {}
    }
}

/// `text` with up to eight characters replaced, inserted or removed.
fn mutated_text(base: &'static str) -> impl Strategy<Value = String> {
    let len = base.chars().count().max(1);
    proptest::collection::vec((0..len, 0u8..3, any::<char>()), 1..9).prop_map(move |edits| {
        let mut chars: Vec<char> = base.chars().collect();
        for (at, op, c) in edits {
            let at = at.min(chars.len());
            match op {
                0 if at < chars.len() => chars[at] = c,
                1 => chars.insert(at, c),
                _ if at < chars.len() => {
                    chars.remove(at);
                }
                _ => {}
            }
        }
        chars.into_iter().collect()
    })
}

// ---------------------------------------------------------------- list

const LIST_WORDS: &[&str] = &[
    "CMS8000",
    "cms 8000",
    "MN-120",
    "",
    " ",
    "2025-02-30",
    "2025-13-01",
    "1999-01-01",
    "2025-01-30",
    "CVE-2024-12248",
    "cve-2025-0626",
    "fda-2025-01-30",
    "no-such-source",
    "https://",
    "http://x",
    "09506000134352",
    "09506000134353",
    "confirmed",
    "reported",
    "Gima",
    "35152",
    "CMS8000X",
    "PM50",
    "ÿ",
    "\u{0}",
];

fn bundled_value() -> &'static Value {
    static VALUE: OnceLock<Value> = OnceLock::new();
    VALUE.get_or_init(|| serde_json::from_str(BUNDLED_JSON).unwrap_or(Value::Null))
}

fn list_input() -> impl Strategy<Value = (Vec<u8>, String)> {
    let text = prop_oneof![
        2 => mutated_json(bundled_value(), LIST_WORDS).prop_map(String::into_bytes),
        1 => mutated_text(BUNDLED_JSON).prop_map(String::into_bytes),
        1 => any::<Vec<u8>>(),
        1 => any::<String>().prop_map(String::into_bytes),
    ];
    (text, any::<String>())
}

fn list_property((bytes, signature): (Vec<u8>, String)) -> Result<(), TestCaseError> {
    // A forged signature never verifies, whatever the bytes.
    prop_assert!(Verifier::pinned().verify(&bytes, &signature).is_err());
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Ok(());
    };
    if let Ok(catalog) = Catalog::from_json(text) {
        // A list that passed its checks passes them again once parsed.
        prop_assert!(catalog.validate().is_ok(), "{:?}", catalog.validate());
        for m in &catalog.models {
            let _ = catalog.relabel_root(m);
            let _ = catalog.advisories_for(m);
        }
    }
    Ok(())
}

#[test]
fn list_parser_never_panics() {
    check("list", SHORT_CASES, &list_input(), list_property);
}

#[test]
#[ignore = "long fuzz run"]
fn fuzz_long_list_parser() {
    check("list", long_cases(), &list_input(), list_property);
}

// ---------------------------------------------------------------- CSAF

/// The CSAF reader is a maintainers' tool: fuzzed only with `--features
/// maintain`.
#[cfg(feature = "maintain")]
mod csaf {
    use super::*;
    use monitor_check::maintain::csaf::{draft_entry, parse_advisory};

    const CSAF_FIXTURE: &str = include_str!("fixtures/csaf/example-advisory.json");

    const CSAF_WORDS: &[&str] = &[
        "2.0",
        "2.1",
        "",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "CVSS:3.0/AV:N",
        "CVSS:3.1/",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
        "vers:all/*",
        "vers:generic/<=2.0",
        "<=2.0",
        "all",
        "CVE-2099-0001",
        "CVE-2099-1",
        "CWE-787",
        "CWE-",
        "vendor_fix",
        "workaround",
        "mitigation",
        "product_version",
        "product_version_range",
        "vendor",
        "product_name",
        "CSAFPID-0001",
        "2025-01-30T00:00:00Z",
        "not a date",
        "https://www.first.org/cvss/calculator/4.0#CVSS:4.0/AV:N",
        "known_affected",
        "fixed",
    ];

    fn csaf_value() -> &'static Value {
        static VALUE: OnceLock<Value> = OnceLock::new();
        VALUE.get_or_init(|| serde_json::from_str(CSAF_FIXTURE).unwrap_or(Value::Null))
    }

    fn csaf_input() -> impl Strategy<Value = (Vec<u8>, Option<String>)> {
        let bytes = prop_oneof![
            3 => mutated_json(csaf_value(), CSAF_WORDS).prop_map(String::into_bytes),
            1 => mutated_text(CSAF_FIXTURE).prop_map(String::into_bytes),
            1 => any::<Vec<u8>>(),
        ];
        let sidecar = prop_oneof![
            4 => Just(None),
            1 => any::<String>().prop_map(Some),
            1 => "[0-9a-f]{128}  a\\.json".prop_map(Some),
        ];
        (bytes, sidecar)
    }

    fn csaf_property((bytes, sidecar): (Vec<u8>, Option<String>)) -> Result<(), TestCaseError> {
        if let Ok(summary) = parse_advisory(&bytes, sidecar.as_deref()) {
            let _ = summary.vendors();
            let _ = summary.cves();
            let _ = summary.remediations();
            let _ = summary.has_vendor_fix();
            for draft in [
                draft_entry(&summary, None),
                draft_entry(&summary, Some(bundled())),
            ] {
                let json = draft.to_json();
                prop_assert!(serde_json::from_str::<Value>(&json).is_ok(), "{json}");
            }
        }
        Ok(())
    }

    #[test]
    fn csaf_reader_never_panics() {
        check("csaf", SHORT_CASES, &csaf_input(), csaf_property);
    }

    #[test]
    #[ignore = "long fuzz run"]
    fn fuzz_long_csaf_reader() {
        check("csaf", long_cases(), &csaf_input(), csaf_property);
    }
}

// ---------------------------------------------------------------- matcher

const LABEL_PIECES: &[&str] = &[
    "CMS8000",
    "CMS 8000",
    "cms-8000",
    "CMS8OOO",
    "MN-120",
    "MN l20",
    "NM120",
    "CMS6000",
    "CMS6500",
    "CMS7000",
    "CMS9000",
    "CMS800",
    "KMS8000",
    "CMS8000X",
    "CMS8000-01",
    "CMS50D+",
    "PM50",
    "VM-8",
    "ePM 10",
    "8000",
    "35152",
    "Gima",
    "Contec",
    "Epsimed",
    "Model:",
    "MODEL",
    "Mod.",
    "Type",
    "REF",
    "Cat. No.",
    "SN",
    "S/N:",
    "LOT",
    "for use with",
    "sensor",
    "Plus",
    "INPUT",
    "100-240V~",
    "50/60Hz",
    "DC 12V",
    "IEC 60601-1",
    "CE 0123",
    "IPX1",
    "2024-03-18",
    "MAR 2023",
    "Tel:",
    "+39 055 1234567",
    "Via Roma 12",
    "CMS7.820.075.08/0.74(0.75)",
    "smart3250-2.6.27-wlan2.1.7.cramfs",
    "(01)09506000134352(21)SN1",
    "+A123BJC5D6E71G",
    "]d2",
    "\u{1D}",
    " ",
    " ",
    "  ",
    "\n",
    "\n",
    "\r\n",
    "-",
    ".",
    "/",
    ":",
    ",",
    "(",
    ")",
    "+",
    "ＣＭＳ",
    "８０００",
    "\u{2013}",
    "\u{200B}",
    "\u{00AD}",
    "é",
    "Ö",
    "ß",
];

const LISTED: &[&str] = &[
    "CMS8000",
    "CMS 8000",
    "CMS-8000",
    "cms8000",
    "MN-120",
    "MN 120",
    "MN120",
    "NM-120",
    "CMS6000",
    "CMS 6500",
    "CMS7000",
    "CMS9000",
    "Model: CMS8000",
    "Contec CMS8000",
    "Gima 35152",
];

/// Label text, and how it is read: typed, or as photo lines with these
/// confidences.
fn matcher_input() -> impl Strategy<Value = (String, Vec<f32>)> {
    let text = prop_oneof![
        1 => any::<String>(),
        3 => built_from(LABEL_PIECES, 30),
    ];
    let confidences =
        proptest::collection::vec(prop_oneof![4 => 0.0f32..=1.0, 1 => any::<f32>()], 0..6);
    (text, confidences)
}

/// What every verdict must be, whatever was read.
fn well_formed(v: &Verdict) -> Result<(), TestCaseError> {
    match v.verdict {
        VerdictKind::Affected | VerdictKind::NotAffected => {
            prop_assert!(v.model.is_some() && !v.evidence.is_empty(), "{v:?}");
        }
        VerdictKind::Unknown => {
            prop_assert!(v.model.is_none(), "{v:?}");
            prop_assert!(!v.next_steps.is_empty() && !v.cautions.is_empty(), "{v:?}");
        }
    }
    Ok(())
}

fn matcher_property((text, confidences): (String, Vec<f32>)) -> Result<(), TestCaseError> {
    let matcher = Matcher::new(bundled());
    match matcher.identify_text(&text) {
        Ok(v) => well_formed(&v)?,
        Err(
            InputError::Empty | InputError::TooLong { .. } | InputError::ControlCharacter { .. },
        ) => {}
    }
    // The same text as photo lines, one per line, with the confidences
    // given (cycled), plus the whole text as a barcode payload.
    let mut readings: Vec<Reading> = text
        .lines()
        .zip(confidences.iter().copied().chain(std::iter::repeat(0.9)))
        .map(|(line, c)| Reading::photo("a.jpg", c, line))
        .collect();
    readings.push(Reading::barcode("a.jpg", "DATA_MATRIX", text.as_str()));
    well_formed(&identify::identify_readings(bundled(), &readings))
}

#[test]
fn matcher_never_panics() {
    check("matcher", SHORT_CASES, &matcher_input(), matcher_property);
}

#[test]
#[ignore = "long fuzz run"]
fn fuzz_long_matcher() {
    check("matcher", long_cases(), &matcher_input(), matcher_property);
}

/// A listed model alone on a line, between any label lines.
fn listed_input() -> impl Strategy<Value = (String, String, String, f32)> {
    (
        built_from(LABEL_PIECES, 12).prop_map(|s| s.replace(['\n', '\r'], " ")),
        proptest::sample::select(LISTED).prop_map(str::to_owned),
        built_from(LABEL_PIECES, 12).prop_map(|s| s.replace(['\n', '\r'], " ")),
        0.0f32..=1.0,
    )
}

fn listed_property(
    (before, listed, after, confidence): (String, String, String, f32),
) -> Result<(), TestCaseError> {
    let text = format!("{before}\n{listed}\n{after}");
    if let Ok(v) = identify::identify_text(bundled(), &text) {
        prop_assert_ne!(v.verdict, VerdictKind::NotAffected, "{:?} → {:?}", text, v);
    }
    let readings = [
        Reading::photo("a.jpg", 0.95, before.as_str()),
        Reading::photo("a.jpg", confidence, listed.as_str()),
        Reading::photo("a.jpg", 0.95, after.as_str()),
    ];
    let v = identify::identify_readings(bundled(), &readings);
    prop_assert_ne!(
        v.verdict,
        VerdictKind::NotAffected,
        "{:?} → {:?}",
        readings,
        v
    );
    Ok(())
}

#[test]
fn a_listed_model_on_its_own_line_is_never_not_affected() {
    check("listed", SHORT_CASES, &listed_input(), listed_property);
}

#[test]
#[ignore = "long fuzz run"]
fn fuzz_long_listed_model_is_never_not_affected() {
    check("listed", long_cases(), &listed_input(), listed_property);
}

// ---------------------------------------------------------------- scanner

const SCAN_PIECES: &[&str] = &[
    "]d2",
    "]C1",
    "]Q3",
    "]e0",
    "+d2",
    "+C1",
    "]A0",
    "01",
    "10",
    "17",
    "21",
    "716",
    "09506000134352",
    "09506000134353",
    "240115",
    "SN0042",
    "A031981069",
    "031981069",
    "\u{1D}",
    "<GS>",
    ";GS:",
    "{GS}",
    "[GS]",
    "^]",
    "\\x1d",
    "\u{241D}",
    "(01)",
    ")01=",
    ")21=",
    "(21)",
    "'",
    "=",
    "+",
    "\r",
    "\n",
    "\r\n",
    "\t",
    " ",
    "CMS800",
    "KMS8000",
    "è",
    "ç",
];

fn scan_input() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), built_from(SCAN_PIECES, 24)]
}

fn scan_property(raw: &str) -> Result<(), TestCaseError> {
    if let Ok(scan) = identify::read_scan(raw) {
        // What comes out is always accepted by the matcher.
        prop_assert!(
            identify::check_text(&scan.text).is_ok(),
            "{raw:?} → {scan:?}"
        );
    }
    Ok(())
}

#[test]
fn scanner_reader_never_panics() {
    check("scanner", SHORT_CASES, &scan_input(), |t| scan_property(&t));
}

#[test]
#[ignore = "long fuzz run"]
fn fuzz_long_scanner_reader() {
    check("scanner", long_cases(), &scan_input(), |t| {
        scan_property(&t)
    });
}

/// A listed model with scanner noise before and after it, set apart by
/// what a scanner or a person puts between things.
fn scanned_listed_input() -> impl Strategy<Value = String> {
    const SEPARATORS: &[&str] = &["\r", "\n", "\r\n", "\t", " "];
    let separator = proptest::sample::select(SEPARATORS);
    (
        built_from(SCAN_PIECES, 10),
        separator.clone(),
        proptest::sample::select(LISTED),
        separator,
        built_from(SCAN_PIECES, 10),
    )
        .prop_map(|(before, s1, listed, s2, after)| format!("{before}{s1}{listed}{s2}{after}"))
}

fn scanned_listed_property(raw: &str) -> Result<(), TestCaseError> {
    let Ok(scan) = identify::read_scan(raw) else {
        return Ok(());
    };
    if scan.kind == identify::ScanKind::MedicinePack {
        return Ok(());
    }
    if let Ok(v) = identify::identify_text(bundled(), &scan.text) {
        prop_assert_ne!(
            v.verdict,
            VerdictKind::NotAffected,
            "{:?} → {:?} → {:?}",
            raw,
            scan,
            v
        );
    }
    Ok(())
}

#[test]
fn a_scanned_listed_model_is_never_not_affected() {
    check(
        "scanned listed",
        SHORT_CASES,
        &scanned_listed_input(),
        |t| scanned_listed_property(&t),
    );
}

#[test]
#[ignore = "long fuzz run"]
fn fuzz_long_scanned_listed_model_is_never_not_affected() {
    check(
        "scanned listed",
        long_cases(),
        &scanned_listed_input(),
        |t| scanned_listed_property(&t),
    );
}

// ------------------------------------------------- received files (register)
//
// Every file a doctor's register takes in from outside: a notice's JSON, a
// notice e-mail, an mbox export and a notice PDF, each made for real by
// the notice writers and then damaged byte by byte, plus arbitrary bytes.
// Whatever comes in, the reader answers with notices or refusals, never a
// panic; and a notice it accepts passes the data check again.

use monitor_check::i18n::Lang;
use monitor_check::leaflet::Doctor;
use monitor_check::notice::{self, Notice, NoticeData, NoticeForm};
use monitor_check::register;

/// A real notice, as a patient's carer would send it.
fn sample_notice() -> &'static Notice {
    static NOTICE: OnceLock<Notice> = OnceLock::new();
    NOTICE.get_or_init(|| {
        let catalog = bundled();
        let verdict =
            identify::identify_text(catalog, "Contec CMS8000 SN 12345").expect("accepted text");
        let mut form = NoticeForm::default();
        form.prefill(&verdict, catalog);
        form.gp_name = "Dr. Rossi".into();
        form.gp_email = "rossi@example.org".into();
        let at: jiff::Zoned = "2026-12-08T10:00:00+01:00[+01:00]".parse().expect("a time");
        Notice::new(form, &verdict, catalog, at, "0.1.0", Vec::new())
    })
}

/// The notice's data (JSON), its PDF and its e-mail, written once.
fn sample_files() -> &'static (Vec<u8>, Vec<u8>, Vec<u8>) {
    static FILES: OnceLock<(Vec<u8>, Vec<u8>, Vec<u8>)> = OnceLock::new();
    FILES.get_or_init(|| {
        let notice = sample_notice();
        let json = NoticeData::from_notice(notice, Lang::It).to_json();
        let pdf = notice::render_pdf(notice, Lang::It, &[]).expect("the PDF");
        let eml = notice::render_eml(notice, Lang::It, &pdf, &[]).expect("the e-mail");
        (json, pdf, eml)
    })
}

/// `base` with up to eight bytes replaced, inserted or removed, a run cut
/// out, or a run repeated (what a damaged download or a careless edit
/// does).
fn damaged(base: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
    let len = base.len().max(1);
    let edit = (0..len, 0u8..5, any::<u8>(), 0usize..4096);
    proptest::collection::vec(edit, 1..9).prop_map(move |edits| {
        let mut bytes = base.to_vec();
        for (at, op, byte, run) in edits {
            let at = at.min(bytes.len());
            let end = at.saturating_add(run).min(bytes.len());
            match op {
                0 if at < bytes.len() => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                2 if at < bytes.len() => {
                    bytes.remove(at);
                }
                3 => {
                    bytes.drain(at..end);
                }
                _ => {
                    let copy = bytes[at..end].to_vec();
                    bytes.splice(at..at, copy);
                }
            }
        }
        bytes
    })
}

/// Damaged copies of a real file, the file cut short, and arbitrary bytes
/// that start the way the file does.
fn received(base: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
    let head = &base[..base.len().min(16)];
    prop_oneof![
        6 => damaged(base),
        1 => (0..base.len()).prop_map(move |n| base[..n].to_vec()),
        1 => any::<Vec<u8>>().prop_map(move |tail| [head, &tail].concat()),
    ]
}

fn received_property(bytes: &[u8]) -> Result<(), TestCaseError> {
    let results = register::read_bytes(bytes);
    prop_assert!(!results.is_empty(), "a file gives a notice or a refusal");
    for data in results.into_iter().flatten() {
        // What was accepted is a notice this version reads, whole.
        prop_assert!(NoticeData::parse(&data.to_json()).is_ok());
    }
    Ok(())
}

fn notice_json_input() -> impl Strategy<Value = Vec<u8>> {
    received(&sample_files().0)
}

fn notice_pdf_input() -> impl Strategy<Value = Vec<u8>> {
    received(&sample_files().1)
}

fn notice_eml_input() -> impl Strategy<Value = Vec<u8>> {
    received(&sample_files().2)
}

/// A notice's data: received as a `.json` file, and parsed on its own.
fn notice_json_property(bytes: &[u8]) -> Result<(), TestCaseError> {
    let _ = NoticeData::parse(bytes);
    received_property(bytes)
}

/// An mbox export of up to four messages (real notice e-mails, damaged
/// ones, and `From ` lines in odd places), read from a file as the
/// register reads one.
fn mbox_input() -> impl Strategy<Value = Vec<u8>> {
    let message = prop_oneof![
        2 => Just(sample_files().2.clone()),
        2 => damaged(&sample_files().2),
        1 => any::<Vec<u8>>(),
        1 => Just(b"From nobody\n>From quoted\nFrom \n\n".to_vec()),
    ];
    proptest::collection::vec(message, 0..4).prop_map(|messages| {
        let mut mbox = Vec::new();
        for (i, m) in messages.iter().enumerate() {
            mbox.extend_from_slice(
                format!("From sender{i}@example.org Tue Dec  8 10:00:00 2026\n").as_bytes(),
            );
            mbox.extend_from_slice(m);
            mbox.extend_from_slice(b"\n\n");
        }
        mbox
    })
}

fn mbox_property(bytes: &[u8], file: &std::path::Path) -> Result<(), TestCaseError> {
    std::fs::write(file, bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let found = register::read_paths(&[file.to_path_buf()]);
    for f in found {
        if let Ok(data) = f.result {
            prop_assert!(NoticeData::parse(&data.to_json()).is_ok());
        }
    }
    Ok(())
}

/// A doctor card: a real one damaged, or arbitrary bytes; and the text of
/// its QR code.
fn doctor_card_input() -> impl Strategy<Value = (Vec<u8>, String)> {
    static CARD: OnceLock<(Vec<u8>, String)> = OnceLock::new();
    let (card, qr) = CARD.get_or_init(|| {
        let doctor = Doctor::new("Dott.ssa Maria Rossi", "m.rossi@example.org").expect("a doctor");
        (doctor.card_json(), doctor.qr_text())
    });
    let qr: &'static str = qr;
    (
        received(card),
        prop_oneof![mutated_text(qr), any::<String>()],
    )
}

fn doctor_card_property((card, qr): (Vec<u8>, String)) -> Result<(), TestCaseError> {
    if let Ok(doctor) = Doctor::from_card(&card) {
        // A card read is a card that can be written and read again.
        prop_assert_eq!(Doctor::from_card(&doctor.card_json()).ok(), Some(doctor));
    }
    if let Some(doctor) = Doctor::from_qr_text(&qr) {
        prop_assert_eq!(Doctor::from_qr_text(&doctor.qr_text()), Some(doctor));
    }
    Ok(())
}

/// Runs the short and the long run of each received-file target.
macro_rules! received_targets {
    ($($short:ident, $long:ident, $name:literal, $input:expr, $property:expr;)*) => {$(
        #[test]
        fn $short() {
            check($name, SHORT_CASES, &$input, $property);
        }

        #[test]
        #[ignore = "long fuzz run"]
        fn $long() {
            check($name, long_cases(), &$input, $property);
        }
    )*};
}

received_targets! {
    notice_json_reader_never_panics, fuzz_long_notice_json_reader, "notice JSON",
        notice_json_input(), |b: Vec<u8>| notice_json_property(&b);
    notice_pdf_reader_never_panics, fuzz_long_notice_pdf_reader, "notice PDF",
        notice_pdf_input(), |b: Vec<u8>| received_property(&b);
    notice_eml_reader_never_panics, fuzz_long_notice_eml_reader, "notice e-mail",
        notice_eml_input(), |b: Vec<u8>| received_property(&b);
    doctor_card_reader_never_panics, fuzz_long_doctor_card_reader, "doctor card",
        doctor_card_input(), doctor_card_property;
}

#[test]
fn mbox_reader_never_panics() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("inbox.mbox");
    check("mbox", SHORT_CASES, &mbox_input(), |b| {
        mbox_property(&b, &file)
    });
}

#[test]
#[ignore = "long fuzz run"]
fn fuzz_long_mbox_reader() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("inbox.mbox");
    check("mbox", long_cases(), &mbox_input(), |b| {
        mbox_property(&b, &file)
    });
}

/// The files the received-file targets damage are read whole when left
/// alone, so that the damaged ones reach past the first check.
#[test]
fn the_undamaged_samples_are_read_as_notices() {
    let (json, pdf, eml) = sample_files();
    for (name, bytes) in [("json", json), ("pdf", pdf), ("eml", eml)] {
        let results = register::read_bytes(bytes);
        assert!(matches!(results.as_slice(), [Ok(_)]), "{name}: {results:?}");
    }
}

/// Every input a fuzzer stopped on, kept in `tests/data/fuzz/<target>/`,
/// read again by the same reader: it must answer (a notice or a refusal).
/// `notice_pdf/timeout-lzw-dictionary.pdf`: an LZW-packed embedded file in
/// a cut-short PDF, which held `cargo fuzz` over 10 s in an earlier build
/// of the PDF scanner.
#[test]
fn inputs_the_fuzzers_stopped_on_are_answered() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let mut read = 0;
    for target in std::fs::read_dir(&root).expect("tests/data/fuzz").flatten() {
        for input in std::fs::read_dir(target.path())
            .expect("a target's folder")
            .flatten()
        {
            let bytes = std::fs::read(input.path()).expect("an input");
            let results = match target.file_name().to_str() {
                Some("notice_pdf" | "notice_eml" | "notice_json") => register::read_bytes(&bytes),
                Some(other) => panic!("no reader for {other}"),
                None => panic!("a folder name that is not UTF-8"),
            };
            assert!(!results.is_empty(), "{}", input.path().display());
            read += 1;
        }
    }
    assert!(read > 0, "no kept input was read");
}
