//! Tests of the list: the bundled copy is valid, and each rule has a small
//! fixture that breaks it.

use super::*;

#[test]
fn bundled_list_is_valid() {
    let catalog = match Catalog::try_bundled() {
        Ok(c) => c,
        Err(e) => panic!("the bundled list is invalid: {e}"),
    };
    assert_eq!(catalog.schema, 1);
    assert!(catalog.version >= 1);
    assert_eq!(Catalog::bundled(), catalog);
}

#[test]
fn bundled_list_has_the_sourced_models() {
    let c = Catalog::bundled();
    for name in [
        "CMS8000", "MN-120", "CMS6000", "CMS6500", "CMS7000", "CMS9000",
    ] {
        assert!(c.model(name).is_some(), "{name} missing");
    }
    let cms = c.model("cms 8000").expect("CMS8000");
    assert_eq!(cms.model, "CMS8000");
    assert_eq!(cms.advisories.len(), 4);
    assert_eq!(cms.firmware.len(), 3);
    let codes: Vec<&str> = cms.importer_codes.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["35151", "35152"]);
    let mn = c.model("NM-120").expect("BfArM spelling");
    assert_eq!(mn.model, "MN-120");
    assert_eq!(mn.relabel_of.as_deref(), Some("CMS8000"));
    assert_eq!(c.relabel_root(mn).model, "CMS8000");
    assert_eq!(c.advisories_for(mn).len(), 4);
    assert!(
        c.models.iter().all(|m| m.gtins.is_empty()),
        "no GTIN is sourced"
    );
    let look_alike = |name: &str| c.not_affected.iter().any(|l| l.model == name);
    assert!(look_alike("CMS-50C"));
    assert!(!look_alike("CMS8000"));
    // Sources the guidance cites must exist.
    for id in [
        "cisa-icsma-25-030-01",
        "cisa-icsma-22-244-01",
        "fda-2025-01-30",
        "minsal-2025-02-07",
        "minsal-2025-02-24",
        "fofi-2025-02-28",
        "bfarm-2025",
        "dlgs-137-2022",
    ] {
        assert!(c.source(id).is_some(), "source {id} missing");
    }
    assert!(c.advisory("cve-2025-1204").is_some());
}

/// A small valid list; each test breaks one thing in it.
const FIXTURE: &str = r#"{
  "schema": 1,
  "version": 3,
  "issued": "2025-03-03",
  "sources": [
    {
      "id": "src-a",
      "publisher": "Agency",
      "title": "Advisory",
      "date": "2025-01-30",
      "url": "https://example.org/a",
      "grade": "primary"
    }
  ],
  "advisories": [
    {
      "cve": "CVE-2025-0001",
      "cwe": "CWE-912",
      "summary": "A hidden function.",
      "cvss_v3": 7.5,
      "firmware": ["all"],
      "sources": ["src-a"]
    }
  ],
  "models": [
    {
      "model": "AB100",
      "brand": "Brand",
      "manufacturer": "Maker",
      "kind": "patient monitor",
      "aliases": ["AB 100"],
      "importer_codes": [{ "importer": "Imp", "code": "12345", "sources": ["src-a"] }],
      "firmware": ["fw-1.0"],
      "gtins": ["09506000134352"],
      "advisories": ["CVE-2025-0001"],
      "sources": ["src-a"]
    },
    {
      "model": "XY-1",
      "brand": "Other",
      "manufacturer": "Other LLC",
      "kind": "patient monitor",
      "relabel_of": "AB100",
      "sources": ["src-a"]
    }
  ],
  "not_affected": [
    { "model": "AB50", "brand": "Brand", "kind": "pulse oximeter" }
  ]
}"#;

fn broken(from: &str, to: &str) -> CatalogError {
    assert!(FIXTURE.contains(from), "fixture lacks {from:?}");
    let text = FIXTURE.replacen(from, to, 1);
    match Catalog::from_json(&text) {
        Ok(_) => panic!("accepted a list with {to:?} for {from:?}"),
        Err(e) => e,
    }
}

/// Asserts a rule error at `line` whose message contains `words`.
fn assert_rule(e: &CatalogError, line: usize, words: &str) {
    match e {
        CatalogError::Rule { line: l, message } => {
            assert_eq!(*l, line, "wrong line for {message}");
            assert!(message.contains(words), "{message:?} lacks {words:?}");
            assert!(e.to_string().contains(&format!("line {line}")));
        }
        other => panic!("expected a rule error, got {other}"),
    }
}

#[test]
fn fixture_is_valid() {
    let c = Catalog::from_json(FIXTURE).expect("fixture");
    assert_eq!(c.model("ab-100").map(|m| m.model.as_str()), Some("AB100"));
    let gtin = crate::catalog::gtin14("9506000134352").expect("a GTIN");
    assert_eq!(
        c.models
            .iter()
            .find(|m| m.gtins.contains(&gtin))
            .map(|m| m.model.as_str()),
        Some("AB100")
    );
    assert!(c.validate().is_ok());
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let text = FIXTURE.replacen("\"version\": 3,", "\"version\": 3", 1);
    match Catalog::from_json(&text) {
        Err(CatalogError::Parse { line, column, .. }) => {
            assert_eq!(line, 4);
            assert!(column > 0);
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[test]
fn unknown_fields_are_refused() {
    let text = FIXTURE.replacen("\"aliases\"", "\"alias\"", 1);
    assert!(matches!(
        Catalog::from_json(&text),
        Err(CatalogError::Parse { line: 31, .. })
    ));
}

#[test]
fn schema_must_be_1() {
    assert_rule(&broken("\"schema\": 1", "\"schema\": 2"), 2, "schema is 2");
}

#[test]
fn version_must_be_positive() {
    assert_rule(&broken("\"version\": 3", "\"version\": 0"), 3, "version");
}

#[test]
fn dates_must_be_real() {
    assert_rule(
        &broken("\"issued\": \"2025-03-03\"", "\"issued\": \"3 March 2025\""),
        4,
        "issued",
    );
    assert_rule(
        &broken("\"date\": \"2025-01-30\"", "\"date\": \"2025-02-30\""),
        10,
        "YYYY-MM-DD",
    );
    assert_rule(
        &broken("\"date\": \"2025-01-30\"", "\"date\": \"2025-04-01\""),
        10,
        "after the list was issued",
    );
}

#[test]
fn sources_must_exist_and_be_unique() {
    assert_rule(
        &broken(
            "\"sources\": [\"src-a\"]\n    }\n  ],\n  \"models\"",
            "\"sources\": [\"src-b\"]\n    }\n  ],\n  \"models\"",
        ),
        22,
        "src-b",
    );
    assert_rule(
        &broken(
            "\"sources\": [\"src-a\"]\n    },\n    {\n      \"model\": \"XY-1\"",
            "\"sources\": [\"nope\"]\n    },\n    {\n      \"model\": \"XY-1\"",
        ),
        36,
        "nope",
    );
    assert_rule(
        &broken(
            "\"code\": \"12345\", \"sources\": [\"src-a\"]",
            "\"code\": \"12345\", \"sources\": [\"src-z\"]",
        ),
        32,
        "src-z",
    );
    assert_rule(
        &broken(
            "\"relabel_of\": \"AB100\",\n      \"sources\": [\"src-a\"]",
            "\"relabel_of\": \"AB100\",\n      \"sources\": []",
        ),
        39,
        "cites no source",
    );
    let twice = broken(
        "\"grade\": \"primary\"\n    }\n  ],",
        "\"grade\": \"primary\"\n    },\n    { \"id\": \"src-a\", \"publisher\": \"P\", \"title\": \"T\", \"date\": \"2025-01-01\", \"url\": \"https://x.org\", \"grade\": \"secondary\" }\n  ],",
    );
    assert_rule(&twice, 14, "listed twice");
    assert_rule(
        &broken(
            "\"url\": \"https://example.org/a\"",
            "\"url\": \"example.org/a\"",
        ),
        11,
        "web address",
    );
}

#[test]
fn model_cves_must_be_advisories() {
    assert_rule(
        &broken(
            "\"advisories\": [\"CVE-2025-0001\"]",
            "\"advisories\": [\"CVE-2025-9999\"]",
        ),
        35,
        "CVE-2025-9999",
    );
    assert_rule(
        &broken("\"cve\": \"CVE-2025-0001\"", "\"cve\": \"CVE-25-1\""),
        17,
        "not a CVE id",
    );
}

#[test]
fn relabel_must_name_a_listed_model() {
    assert_rule(
        &broken("\"relabel_of\": \"AB100\"", "\"relabel_of\": \"ZZ9\""),
        43,
        "ZZ9",
    );
    assert_rule(
        &broken("\"relabel_of\": \"AB100\"", "\"relabel_of\": \"XY-1\""),
        43,
        "relabel of XY-1",
    );
}

#[test]
fn gtins_need_14_digits_and_a_good_check_digit() {
    assert_rule(
        &broken("09506000134352", "09506000134353"),
        34,
        "check digit",
    );
    assert_rule(&broken("09506000134352", "9506000134352"), 34, "14-digit");
}

#[test]
fn names_must_lead_to_one_entry() {
    // An alias of one model that is another model's name.
    assert_rule(
        &broken(
            "\"aliases\": [\"AB 100\"]",
            "\"aliases\": [\"AB 100\", \"xy 1\"]",
        ),
        39,
        "names both",
    );
    // The same alias twice.
    assert_rule(
        &broken(
            "\"aliases\": [\"AB 100\"]",
            "\"aliases\": [\"AB 100\", \"ab 100\"]",
        ),
        31,
        "listed twice",
    );
    // A look-alike that is also listed.
    assert_rule(
        &broken("{ \"model\": \"AB50\"", "{ \"model\": \"AB-100\""),
        48,
        "look-alike AB-100",
    );
    // The same importer code on two models.
    assert_rule(
        &broken(
            "\"relabel_of\": \"AB100\",",
            "\"relabel_of\": \"AB100\",\n      \"importer_codes\": [{ \"importer\": \"Imp\", \"code\": \"12345\", \"sources\": [\"src-a\"] }],",
        ),
        44,
        "importer code 12345",
    );
    // The same firmware on two models.
    assert_rule(
        &broken(
            "\"relabel_of\": \"AB100\",",
            "\"relabel_of\": \"AB100\",\n      \"firmware\": [\"FW-1.0\"],",
        ),
        44,
        "firmware FW-1.0",
    );
}

#[test]
fn at_least_one_model() {
    let start = FIXTURE.find("\"models\": [").expect("models");
    let end = FIXTURE.find("\"not_affected\"").expect("not_affected");
    let text = format!(
        "{}\"models\": [],\n  {}",
        FIXTURE.get(..start).expect("head"),
        FIXTURE.get(end..).expect("tail")
    );
    assert_rule(
        &Catalog::from_json(&text).expect_err("no models"),
        25,
        "no model",
    );
}

#[test]
fn unavailable_catalog_is_not_valid_but_is_safe() {
    let c = Catalog::unavailable();
    assert!(c.validate().is_err());
    assert!(c.models.is_empty());
}
