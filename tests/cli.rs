//! Runs the real `monitor-check` binary and checks stdout, stderr and the
//! exit code.

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

#[path = "common/pdf_text.rs"]
mod pdf_text;
use pdf_text::pdf_text;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_monitor-check"));
    // Keep the tests away from the user's own data and updated lists.
    c.env(
        "XDG_DATA_HOME",
        std::env::temp_dir().join("monitor-check-cli-tests"),
    );
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

fn verdict_of(text: &str) -> (String, serde_json::Value) {
    let v = json(&["identify", "--text", text, "--json"]);
    (
        v["verdict"].as_str().expect("a verdict string").to_owned(),
        v["model"].clone(),
    )
}

#[test]
fn typed_models_get_the_right_verdict() {
    let cases = [
        ("CMS 8000", "affected", Some("CMS8000")),
        ("cms-8000", "affected", Some("CMS8000")),
        ("Epsimed MN-120", "affected", Some("MN-120")),
        ("Gima 35152", "affected", Some("CMS8000")),
        ("CMS9000", "affected", Some("CMS9000")),
        ("CMS800", "not_affected", Some("CMS800")),
        ("KMS8000", "not_affected", Some("KMS8000")),
        ("CMS8000X", "unknown", None),
        ("SN 123456789", "unknown", None),
    ];
    for (text, verdict, model) in cases {
        let (v, m) = verdict_of(text);
        assert_eq!(v, verdict, "{text}");
        assert_eq!(m.as_str(), model, "{text}");
    }
}

#[test]
fn json_carries_evidence_and_sources() {
    let v = json(&["identify", "--text", "CMS 8000", "--json"]);
    let evidence = v["evidence"].as_array().unwrap();
    assert!(!evidence.is_empty());
    assert_eq!(evidence[0]["matched"], "CMS8000");
    assert!(
        v["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s.as_str().unwrap().contains("cisa"))
    );
}

#[test]
fn human_output_speaks_the_chosen_language() {
    let out = run(&["identify", "--text", "CMS 8000", "--lang", "it"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("è nell'elenco dei modelli coinvolti"),
        "{text}"
    );
    assert!(text.contains("Stacchi il cavo di rete"), "{text}");
    let out = run(&["identify", "--text", "CMS 8000", "--lang", "en"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("is on the list of affected models"), "{text}");
    let out = run(&["identify", "--text", "Modell: CMS8000", "--lang", "de"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("steht auf der Liste der betroffenen Modelle"),
        "{text}"
    );
    assert!(text.contains("Ziehen Sie das Netzwerkkabel"), "{text}");
}

#[test]
fn empty_text_is_refused_with_a_message() {
    let out = run(&["identify", "--text", "   "]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("monitor-check: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn long_text_is_refused_with_a_message() {
    // 100 KiB: near the most one argument may carry on Linux.
    let big = "CMS8000 ".repeat(12_800);
    let out = run(&["identify", "--text", &big]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("longer than"), "{err}");
}

#[test]
fn megabytes_on_stdin_are_refused_quickly() {
    let mut child = bin()
        .args(["identify", "--text-file", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The binary stops reading at its cap, so the write may end early.
    let _ = stdin.write_all(&b"CMS8000 ".repeat(1_000_000));
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("larger than"), "{err}");
}

#[test]
fn missing_text_is_a_usage_error() {
    let out = run(&["identify"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn list_shows_every_affected_model() {
    let out = run(&["list"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for model in [
        "CMS8000", "MN-120", "CMS6000", "CMS6500", "CMS7000", "CMS9000",
    ] {
        assert!(text.contains(model), "{model} missing from:\n{text}");
    }
    let v = json(&["list", "--json"]);
    assert_eq!(v["models"].as_array().unwrap().len(), 6);
    let raw = run(&["list", "--raw"]);
    let parsed: serde_json::Value = serde_json::from_slice(&raw.stdout).unwrap();
    assert_eq!(parsed["version"], v["version"]);
}

#[test]
fn notice_as_text_is_written_in_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notice.txt");
    let out = run(&[
        "notice",
        "--text",
        "Epsimed MN-120",
        "--serial",
        "SN-0042",
        "--lang",
        "it",
        "--format",
        "txt",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("MN-120"), "{text}");
    assert!(text.contains("SN-0042"), "{text}");
    assert!(text.contains("ICSMA-25-030-01"), "{text}");
}

#[test]
fn invalid_utf8_in_an_argument_is_refused_cleanly() {
    use std::os::unix::ffi::OsStrExt as _;
    let bad = std::ffi::OsStr::from_bytes(b"CMS\xff8000");
    let out = bin()
        .arg("identify")
        .arg("--text")
        .arg(bad)
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn help_documents_exit_codes() {
    let out = bin().arg("--help").stdin(Stdio::null()).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Exit codes"), "{text}");
    let _ = std::io::stdout().flush();
}

#[test]
fn text_file_with_invalid_utf8_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("label.txt");
    std::fs::write(&path, b"Model: CMS\xff8000\n").unwrap();
    let out = run(&["identify", "--text-file", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("not UTF-8"), "{err}");
}

#[test]
fn a_missing_text_file_is_named_in_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("label.txt");
    let out = run(&["identify", "--text-file", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with(&format!("monitor-check: could not read {}", path.display())),
        "{err}"
    );
}

#[test]
fn refused_text_with_photos_is_refused_before_the_photos_are_read() {
    let out = run(&[
        "identify",
        "--text",
        "CMS\u{7}8000",
        "--photo",
        "/nonexistent/label.jpg",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("control character"), "{err}");
    assert!(!err.contains("label.jpg"), "{err}");
}

#[test]
fn photos_carry_their_quality_and_a_blurred_one_is_coached() {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ocr_label.jpg");
    let v = json(&["identify", "--photo", fixture, "--json"]);
    let photo = &v["photos"][0];
    assert!(photo["quality"]["sharpness"].as_f64().is_some(), "{photo}");
    assert!(
        photo["quality"]["model_field"]["width"].as_u64().is_some(),
        "{photo}"
    );
    assert_eq!(photo["advice"], serde_json::json!([]), "{photo}");

    // The same label smeared beyond reading: the verdict is unknown, and the
    // plain output says why and what to do, in the language asked for.
    let dir = tempfile::tempdir().unwrap();
    let smeared = dir.path().join("smeared.png");
    let img = image::open(fixture).unwrap().blur(5.0);
    img.save(&smeared).unwrap();
    let smeared = smeared.to_str().unwrap();
    let v = json(&["identify", "--photo", smeared, "--json"]);
    assert_eq!(v["verdict"], "unknown");
    assert_eq!(v["photos"][0]["advice"][0]["kind"], "blurred", "{v}");
    for (lang, intro, steady) in [
        ("en", "To get a better photo:", "Hold the phone steady"),
        ("it", "Per una foto migliore:", "Tenga fermo il telefono"),
    ] {
        let out = run(&["identify", "--photo", smeared, "--lang", lang]);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(intro) && text.contains(steady), "{text}");
    }
}

#[test]
fn text_file_and_stdin_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("label.txt");
    std::fs::write(&path, "CONTEC\nModel: CMS 8000\nSN: 12345\n").unwrap();
    let v = json(&["identify", "--text-file", path.to_str().unwrap(), "--json"]);
    assert_eq!(v["verdict"], "affected");
    let mut child = bin()
        .args(["identify", "--text-file", "-", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Epsimed MN-120")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["model"], "MN-120");
}

#[cfg(feature = "maintain")]
#[test]
fn bench_times_the_pdf_notice() {
    let photo =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ocr_label.jpg");
    let out = run(&["bench", "--pdf-with", photo.to_str().expect("a UTF-8 path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("PDF with 1 photo(s), 10 runs: median "),
        "{text}"
    );
}

/// The maintainers' commands are not in the carer's build.
#[cfg(not(feature = "maintain"))]
#[test]
fn maintainers_commands_are_left_out_without_the_feature() {
    for args in [
        &["bench"][..],
        &["bench", "photos/"],
        &["import-csaf", "a.json"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("'{}' is not a command", args[0])),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn list_speaks_the_chosen_language() {
    let it = String::from_utf8(run(&["list", "--lang", "it"]).stdout).expect("UTF-8");
    assert!(
        it.starts_with("Elenco dei modelli coinvolti, versione "),
        "{it}"
    );
    assert!(it.contains("un CMS8000 venduto con un altro nome"), "{it}");
    let en = String::from_utf8(run(&["list", "--lang", "en"]).stdout).expect("UTF-8");
    assert!(en.starts_with("List of affected models, version "), "{en}");
    let de = String::from_utf8(run(&["list", "--lang", "de"]).stdout).expect("UTF-8");
    assert!(
        de.starts_with("Liste der betroffenen Modelle, Version "),
        "{de}"
    );
}

/// `identify --scan` with `input` on standard input.
fn scan_stdin(input: &[u8], extra: &[&str]) -> Output {
    let mut child = bin()
        .args(["identify", "--scan", "--text-file", "-", "--lang", "en"])
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input)
        .expect("the input is written");
    child.wait_with_output().expect("the CLI ends")
}

#[test]
fn a_scanned_udi_is_read_and_gives_unknown_with_the_serial() {
    let out = scan_stdin(b"]d20109506000134352\x1d21SN0042\r\n", &["--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["verdict"], "unknown");
    assert_eq!(v["identifiers"]["serial"], "SN0042");
    assert_eq!(v["scan"]["kind"], "gs1");
    assert_eq!(v["scan"]["repaired"][0]["repair"], "symbology_prefix");
    assert_eq!(v["scan"]["repaired"][0]["detail"], "]d2");
}

#[test]
fn a_written_separator_is_read_and_said() {
    let out = scan_stdin(b"]d20109506000134352<GS>21SN0042\n", &[]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.lines().next().unwrap();
    assert_eq!(
        first,
        "Read as: 0109506000134352<GS>21SN0042 (symbology identifier ]d2 taken off; \
         <GS> read as the group separator)"
    );
    assert!(text.contains("SN0042"), "{text}");
}

#[test]
fn a_scanned_model_through_the_italian_layout_is_affected() {
    let out = run(&["identify", "--scan", "--text", "CMS8000\r", "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["verdict"], "affected");
    assert_eq!(v["scan"]["kind"], "plain");
    // Bracketed HRI typed from US key codes on the Italian layout.
    let v = json(&[
        "identify",
        "--scan",
        "--text",
        ")01=09506000134352)21=SN0042",
        "--json",
    ]);
    assert_eq!(v["identifiers"]["serial"], "SN0042");
    assert_eq!(v["scan"]["repaired"][0]["repair"], "keyboard_layout");
}

#[test]
fn a_medicine_pack_is_refused_with_a_plain_message() {
    let out = scan_stdin(b"A031981069\r", &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("monitor-check: this is a medicine pack code (A031981069)"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn scanner_garbage_and_empty_scans_are_refused() {
    let noise: Vec<u8> = (0..10_240u32)
        .map(|i| u8::try_from((i * 31 + 7) % 128).unwrap())
        .collect();
    let out = scan_stdin(&noise, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err, "monitor-check: the scan is not readable text\n");
    let out = scan_stdin(b"\r\n", &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err, "monitor-check: the scan is empty\n");
}

#[test]
fn leaflet_writes_a_one_page_pdf_and_the_doctor_card() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("volantino.pdf");
    let card = dir.path().join("medico.json");
    let out = run(&[
        "leaflet",
        "--gp",
        "Dott.ssa Lucia D'Agostino",
        "--gp-email",
        "l.dagostino@example.org",
        "-o",
        pdf.to_str().unwrap(),
        "--card",
        card.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert_eq!(
        lopdf::Document::load_mem(&bytes).unwrap().get_pages().len(),
        1
    );
    // Italian unless asked otherwise, with the doctor and the models on it.
    let text = pdf_text(&bytes);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Per favore, controlli il monitor paziente",
        "Dott.ssa Lucia D'Agostino",
        "l.dagostino@example.org",
        "CMS8000",
        "CMS9000",
        "Epsimed MN-120",
        "Familiare o assistente",
    ] {
        assert!(flat.contains(expected), "no {expected:?} in:\n{flat}");
    }
    let doctor = monitor_check::leaflet::Doctor::from_card(&std::fs::read(&card).unwrap()).unwrap();
    assert_eq!(doctor.name, "Dott.ssa Lucia D'Agostino");
    assert_eq!(doctor.email, "l.dagostino@example.org");
}

#[test]
fn leaflet_refuses_a_wrong_address_or_an_empty_name() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("leaflet.pdf");
    let pdf_arg = pdf.to_str().unwrap();
    let out = run(&[
        "leaflet",
        "--gp",
        "Dr Rossi",
        "--gp-email",
        "055 123456",
        "--lang",
        "en",
        "-o",
        pdf_arg,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "monitor-check: the doctor's e-mail address does not look like one (such as \
         name@example.org): check --gp-email\n"
    );
    let out = run(&[
        "leaflet",
        "--gp",
        "  ",
        "--gp-email",
        "m.rossi@example.org",
        "-o",
        pdf_arg,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "monitor-check: the doctor's name is empty: check --gp\n"
    );
    assert!(!pdf.exists());
}
