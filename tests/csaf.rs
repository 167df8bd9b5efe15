//! CSAF import: every real CISA advisory in ../shared/reference/csaf (tests
//! ignored unless asked for, since that folder is not part of the repo),
//! our own small fixture (always), bad input, and `monitor-check
//! import-csaf` run as a user would. A maintainers' tool: built and tested
//! only with `--features maintain`.
#![cfg(feature = "maintain")]
#![expect(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may panic in a test"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use monitor_check::maintain::csaf::{
    Checksum, CsafError, CsafSummary, ProductVersion, draft_entry, read_advisory,
};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/csaf/example-advisory.json")
}

/// The real CISA files; fails the test when ../shared is absent.
fn reference_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/csaf");
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{} cannot be read: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn reference(name: &str) -> CsafSummary {
    let files = reference_files();
    let path = files
        .iter()
        .find(|p| p.file_name().is_some_and(|n| n == name))
        .unwrap_or_else(|| panic!("{name} is not in ../shared/reference/csaf"));
    read_advisory(path).unwrap()
}

fn score(s: &CsafSummary, cve: &str) -> (f64, Option<f64>) {
    let v = s
        .vulnerabilities
        .iter()
        .find(|v| v.cve.as_deref() == Some(cve))
        .unwrap_or_else(|| panic!("{cve} missing"));
    (
        v.cvss_v3.as_ref().unwrap().base_score,
        v.cvss_v4.as_ref().map(|c| c.base_score),
    )
}

#[test]
#[ignore = "needs ../shared"]
fn every_reference_advisory_reads_checks_and_drafts() {
    let files = reference_files();
    assert!(files.len() >= 7, "{files:?}");
    for path in &files {
        let s = read_advisory(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let has_sidecar = path.with_extension("json.sha512").exists();
        let expected = if has_sidecar {
            Checksum::Matched
        } else {
            Checksum::Absent
        };
        assert_eq!(s.checksum, expected, "{}", path.display());
        assert!(s.tracking_id.starts_with("ICSMA-"), "{}", s.tracking_id);
        assert_eq!(s.publisher, "CISA");
        assert!(!s.products.is_empty());
        assert!(!s.vulnerabilities.is_empty());
        for v in &s.vulnerabilities {
            assert!(v.cve.is_some());
            assert!(v.cwe.is_some());
            assert!(v.cvss_v3.is_some(), "{:?}", v.cve);
            assert!(!v.affected.is_empty());
            assert!(!v.remediations.is_empty());
        }
        let d = draft_entry(&s, None);
        assert_eq!(d.advisories.len(), s.vulnerabilities.len());
        assert!(!d.models.is_empty());
        assert!(
            d.needs_human
                .iter()
                .any(|n| n.contains("relabelled devices"))
        );
        let json: serde_json::Value = serde_json::from_str(&d.to_json()).unwrap();
        assert_eq!(json["sources"][0]["publisher"], "CISA");
    }
}

#[test]
#[ignore = "needs ../shared"]
fn contec_2025_advisory_matches_the_facts() {
    let s = reference("icsma-25-030-01.json");
    assert_eq!(s.tracking_id, "ICSMA-25-030-01");
    assert_eq!(s.initial_release, "2025-01-30");
    assert_eq!(s.current_release, "2025-02-25");
    assert_eq!(s.revisions.len(), 2);
    assert_eq!(s.vendors(), ["Contec Health"]);
    assert_eq!(
        s.cves(),
        [
            "CVE-2024-12248",
            "CVE-2025-0626",
            "CVE-2025-0683",
            "CVE-2025-1204"
        ]
    );
    // CVSS v3.1 from the file; v4 computed from CISA's first.org links.
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
    for (cve, v3, v4) in [
        ("CVE-2024-12248", 9.8, 9.3),
        ("CVE-2025-0626", 7.5, 7.7),
        ("CVE-2025-0683", 5.9, 8.2),
        ("CVE-2025-1204", 7.5, 7.7),
    ] {
        let (got3, got4) = score(&s, cve);
        assert!(close(got3, v3), "{cve} v3 {got3}");
        assert!(close(got4.unwrap(), v4), "{cve} v4 {got4:?}");
    }
    assert!(!s.has_vendor_fix());
    // The acknowledgment's "CVE-2025-1024" typo is pointed out.
    assert!(s.warnings.iter().any(|w| w.contains("CVE-2025-1024")));

    let d = draft_entry(&s, None);
    assert_eq!(d.source.id, "cisa-icsma-25-030-01");
    assert_eq!(d.models.len(), 1);
    assert_eq!(d.models[0].model, "CMS8000");
    assert_eq!(
        d.models[0].firmware,
        [
            "smart3250-2.6.27-wlan2.1.7.cramfs",
            "CMS7.820.075.08/0.74(0.75)",
            "CMS7.820.120.01/0.93(0.95)"
        ]
    );
    let by_cve = |cve: &str| d.advisories.iter().find(|a| a.cve == cve).unwrap();
    assert_eq!(by_cve("CVE-2024-12248").firmware.len(), 3);
    assert_eq!(by_cve("CVE-2025-0626").firmware, ["all"]);
    assert_eq!(by_cve("CVE-2025-0683").cwe, "CWE-359");
}

#[test]
#[ignore = "needs ../shared"]
fn older_layouts_are_read_too() {
    let v1 = reference("icsma-25-030-01.v1-initial-2025-01-30.json");
    assert_eq!(v1.checksum, Checksum::Absent);
    assert_eq!(v1.cves().len(), 3);
    // "Firmware__smart3250…" loses CISA's prefix in the draft.
    let d = draft_entry(&v1, None);
    assert!(
        d.models[0]
            .firmware
            .contains(&"smart3250-2.6.27-wlan2.1.7.cramfs".to_owned()),
        "{:?}",
        d.models[0].firmware
    );

    let old = reference("icsma-22-244-01.v1-2023-10-03.json");
    // "vers:all/*" given as an exact product_version still means all.
    assert!(old.products[0].version.as_ref().unwrap().is_all());
    // CVSS 3.0 vectors, and no v4 link in this one.
    assert_eq!(
        old.vulnerabilities[0].cvss_v3.as_ref().unwrap().version,
        "3.0"
    );
    assert!(old.vulnerabilities[0].cvss_v4.is_none());
    assert!(old.has_vendor_fix());

    let upd = reference("icsma-22-244-01.json");
    assert!(matches!(
        upd.products[0].version,
        Some(ProductVersion::Range(ref r)) if r.starts_with("<=")
    ));
}

#[test]
fn our_fixture_reads_with_its_checksum() {
    let s = read_advisory(&fixture()).unwrap();
    assert_eq!(s.checksum, Checksum::Matched);
    assert_eq!(s.tracking_id, "TCERT-99-001-01");
}

#[test]
fn changed_file_fails_its_checksum() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.json");
    let mut bytes = std::fs::read(fixture()).unwrap();
    bytes.extend_from_slice(b"\n");
    std::fs::write(&path, bytes).unwrap();
    let sidecar = std::fs::read(fixture().with_extension("json.sha512")).unwrap();
    std::fs::write(dir.path().join("a.json.sha512"), sidecar).unwrap();
    assert_eq!(read_advisory(&path), Err(CsafError::ChecksumMismatch));
}

#[test]
fn bad_files_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.json");
    assert!(matches!(
        read_advisory(&missing),
        Err(CsafError::Unreadable(_))
    ));

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not json at all").unwrap();
    assert!(matches!(
        read_advisory(&text),
        Err(CsafError::NotJson { .. })
    ));

    let list = dir.path().join("list.json");
    std::fs::write(&list, r#"{"schema": 1, "models": []}"#).unwrap();
    assert!(matches!(read_advisory(&list), Err(CsafError::NotCsaf(_))));

    let huge = dir.path().join("huge.json");
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(17 * 1024 * 1024).unwrap();
    assert!(matches!(
        read_advisory(&huge),
        Err(CsafError::TooLarge { .. })
    ));
}

fn cli(args: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_monitor-check"))
        .args(args)
        .env("MONITOR_CHECK_DATA_DIR", dir.path())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn cli_import_prints_summary_and_draft() {
    let path = fixture();
    let (code, stdout, stderr) = cli(&["import-csaf", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    for needle in [
        "TCERT-99-001-01",
        "Checksum: matches",
        "CVE-2099-0001 (CWE-787 Out-of-bounds Write)",
        "CVSS 3.1 9.8 critical",
        "CVSS 4.0 9.3 critical, computed from the first.org link",
        "Example Medical EX100 Patient Monitor: all versions",
        "Draft list entry",
        "\"model\": \"EX100\"",
        "Needs a human:",
        "relabelled devices",
    ] {
        assert!(stdout.contains(needle), "missing {needle:?} in\n{stdout}");
    }
}

#[test]
fn cli_import_of_a_bad_file_exits_1_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.json");
    std::fs::write(&path, "{").unwrap();
    let (code, stdout, stderr) = cli(&["import-csaf", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(stderr.contains("cannot import the advisory"), "{stderr}");
    assert!(stderr.contains("not JSON"), "{stderr}");
}

#[test]
#[ignore = "needs ../shared"]
fn cli_import_runs_on_every_reference_advisory() {
    for path in reference_files() {
        let (code, stdout, stderr) = cli(&["import-csaf", path.to_str().unwrap()]);
        assert_eq!(code, 0, "{}: {stderr}", path.display());
        assert!(stdout.contains("Needs a human:"));
    }
}
