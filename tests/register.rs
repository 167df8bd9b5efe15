//! The doctor's register through the real binary: notices written by
//! `monitor-check notice` in each language and format are imported back
//! with `register import` and come out of `register list --json` and
//! `register export` with the fields they went in with.

#![expect(
    clippy::unwrap_used,
    reason = "a failed step should stop the test right there"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_monitor-check"));
    c.env("MONITOR_CHECK_DATA_DIR", data);
    c
}

fn run(data: &Path, args: &[&str]) -> Output {
    bin(data).args(args).output().expect("the binary runs")
}

fn ok(data: &Path, args: &[&str]) -> Output {
    let out = run(data, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Writes one notice in `format` and returns its path.
fn notice(data: &Path, dir: &Path, name: &str, format: &str, extra: &[&str]) -> PathBuf {
    let path = dir.join(format!("{name}.{format}"));
    let mut args = vec!["notice", "--format", format, "-o", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    ok(data, &args);
    path
}

fn list(data: &Path) -> Vec<serde_json::Value> {
    let out = ok(data, &["register", "list", "--json"]);
    serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).expect("JSON rows")
}

/// Six notices in each format and language, with a mix of verdicts,
/// tamper signs and answers, written into `out`.
fn write_mix(data: &Path, out: &Path) -> Vec<PathBuf> {
    let cases: [(&str, &str, &[&str]); 6] = [
        (
            "it",
            "eml",
            &[
                "--text",
                "CMS8000",
                "--serial",
                "IT-EML-1",
                "--initials",
                "M.R.",
                "--seen",
                "unexpected-restart",
                "--no-other-signs",
            ],
        ),
        (
            "en",
            "eml",
            &[
                "--text",
                "Epsimed MN-120",
                "--serial",
                "EN-EML-1",
                "--initials",
                "A.B.",
                "--still-used",
                "no",
            ],
        ),
        (
            "it",
            "pdf",
            &[
                "--text",
                "CMS6000",
                "--serial",
                "IT-PDF-1",
                "--initials",
                "C.D.",
            ],
        ),
        (
            "en",
            "pdf",
            &[
                "--text",
                "CMS50D",
                "--serial",
                "EN-PDF-1",
                "--initials",
                "E.F.",
                "--no-other-signs",
            ],
        ),
        (
            "it",
            "json",
            &[
                "--text",
                "Contec",
                "--serial",
                "IT-JSON-1",
                "--initials",
                "G.H.",
            ],
        ),
        (
            "de",
            "json",
            &[
                "--text",
                "CMS9000",
                "--serial",
                "DE-JSON-1",
                "--initials",
                "I.J.",
                "--seen",
                "settings-changed",
                "--seen",
                "network-turned-on",
            ],
        ),
    ];
    cases
        .iter()
        .enumerate()
        .map(|(i, (lang, format, extra))| {
            let mut args = vec!["--lang", lang, "--gp", "Dr. Neri"];
            args.extend_from_slice(extra);
            notice(data, out, &format!("n{i}"), format, &args)
        })
        .collect()
}

#[test]
fn notices_in_each_format_and_language_come_back_with_their_fields() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let written = write_mix(data.path(), out.path());
    let imported = ok(
        data.path(),
        &["register", "import", out.path().to_str().unwrap()],
    );
    let said = String::from_utf8_lossy(&imported.stderr);
    assert!(
        said.contains("6 added, 0 updated, 0 already there, 0 refused"),
        "{said}"
    );

    let rows = list(data.path());
    assert_eq!(rows.len(), 6);
    let row = |serial: &str| {
        rows.iter()
            .find(|r| r["serial"] == serial)
            .unwrap_or_else(|| panic!("{serial} in {rows:?}"))
    };
    let r = row("IT-EML-1");
    assert_eq!(r["verdict"], "affected");
    assert_eq!(r["model"], "CMS8000");
    assert_eq!(r["patient"], "M.R.");
    assert_eq!(r["incident"], true);
    assert_eq!(r["signs_seen"], serde_json::json!(["unexpected_restart"]));
    assert_eq!(row("EN-EML-1")["still_used"], "no");
    assert_eq!(row("EN-EML-1")["model"], "MN-120");
    assert_eq!(row("IT-PDF-1")["still_used"], "not_answered");
    assert_eq!(row("EN-PDF-1")["incident"], false);
    assert_eq!(row("IT-JSON-1")["verdict"], "unknown");
    assert_eq!(
        row("DE-JSON-1")["signs_seen"],
        serde_json::json!(["settings_changed", "network_turned_on"])
    );
    // Incidents first, then the affected.
    assert_eq!(rows[0]["incident"], true);
    assert_eq!(rows[1]["incident"], true);
    assert_eq!(rows[2]["verdict"], "affected");

    // The same files again: nothing new.
    let again = ok(
        data.path(),
        &["register", "import", out.path().to_str().unwrap()],
    );
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(
        said.contains("0 added, 0 updated, 6 already there"),
        "{said}"
    );

    // What the register keeps is each notice's own data, field for field.
    for path in &written {
        let one = tempfile::tempdir().unwrap();
        ok(one.path(), &["register", "import", path.to_str().unwrap()]);
        let rows = list(one.path());
        assert_eq!(rows.len(), 1, "{}", path.display());
        let device = rows[0]["device"].as_str().unwrap();
        let report = ok(one.path(), &["register", "report", device]);
        let text = String::from_utf8(report.stdout).unwrap();
        assert!(text.contains("Dr. Neri"), "{text}");
    }
}

#[test]
fn a_second_notice_for_the_same_serial_updates_the_patient_row() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let first = notice(
        data.path(),
        out.path(),
        "first",
        "json",
        &["--text", "CMS8000", "--serial", "SN 77"],
    );
    ok(
        data.path(),
        &["register", "import", first.to_str().unwrap()],
    );
    let device = list(data.path())[0]["device"].as_str().unwrap().to_owned();
    ok(
        data.path(),
        &[
            "register",
            "status",
            &device,
            "contacted",
            "--note",
            "phoned",
        ],
    );
    let second = notice(
        data.path(),
        out.path(),
        "second",
        "eml",
        &[
            "--text",
            "CMS8000",
            "--serial",
            "sn77",
            "--seen",
            "readings-mismatch",
        ],
    );
    let imported = ok(
        data.path(),
        &["register", "import", second.to_str().unwrap()],
    );
    assert!(String::from_utf8_lossy(&imported.stderr).contains("0 added, 1 updated"));
    let rows = list(data.path());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["notices"], 2);
    assert_eq!(rows[0]["status"], "contacted");
    assert_eq!(rows[0]["note"], "phoned");
    assert_eq!(rows[0]["incident"], true);
}

#[test]
fn bad_files_are_refused_one_by_one_and_the_register_is_untouched() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let good = notice(
        data.path(),
        out.path(),
        "good",
        "json",
        &["--text", "CMS8000", "--serial", "G-1"],
    );
    let letter = out.path().join("letter.eml");
    std::fs::write(
        &letter,
        "From: a@example.org\r\nSubject: hi\r\n\r\nhello\r\n",
    )
    .unwrap();
    let plain_txt = notice(
        data.path(),
        out.path(),
        "plain",
        "txt",
        &["--text", "CMS8000"],
    );
    let newer = out.path().join("newer.json");
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&good).unwrap()).unwrap();
    v["schema_version"] = 99.into();
    std::fs::write(&newer, serde_json::to_vec(&v).unwrap()).unwrap();
    let huge = out.path().join("huge.pdf");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();

    let before = run(
        data.path(),
        &["register", "import", letter.to_str().unwrap()],
    );
    assert_eq!(
        before.status.code(),
        Some(1),
        "a refused file is an error for scripts"
    );
    let out = run(
        data.path(),
        &[
            "register",
            "import",
            good.to_str().unwrap(),
            letter.to_str().unwrap(),
            plain_txt.to_str().unwrap(),
            newer.to_str().unwrap(),
            huge.to_str().unwrap(),
        ],
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("1 added, 0 updated, 0 already there, 4 refused"),
        "{said}"
    );
    assert!(
        said.contains("letter.eml: it is an e-mail, but not a notice"),
        "{said}"
    );
    assert!(said.contains("plain.txt: it is not a notice"), "{said}");
    assert!(
        said.contains("newer.json: it was written by a newer version"),
        "{said}"
    );
    assert!(
        said.contains("huge.pdf") && said.contains("larger than"),
        "{said}"
    );
    assert_eq!(list(data.path()).len(), 1);
}

#[test]
fn the_csv_says_what_it_holds_and_leaves_names_out_when_asked() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let n = notice(
        data.path(),
        out.path(),
        "n",
        "json",
        &[
            "--text",
            "CMS8000",
            "--serial",
            "CSV-1",
            "--initials",
            "Z.Z.",
            "--sender-name",
            "Lucia",
        ],
    );
    ok(data.path(), &["register", "import", n.to_str().unwrap()]);
    let csv = out.path().join("asl.csv");
    let written = ok(
        data.path(),
        &[
            "register",
            "export",
            "--csv",
            csv.to_str().unwrap(),
            "--no-names",
            "--lang",
            "en",
        ],
    );
    let said = String::from_utf8_lossy(&written.stderr);
    assert!(
        said.contains("1 rows") && said.contains("leaves out names"),
        "{said}"
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.contains("CSV-1") && !text.contains("Z.Z.") && !text.contains("Lucia"));
    let summary = out.path().join("summary.pdf");
    ok(
        data.path(),
        &["register", "export", "--summary", summary.to_str().unwrap()],
    );
    assert!(std::fs::read(&summary).unwrap().starts_with(b"%PDF-"));
}
