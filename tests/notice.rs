//! `monitor-check notice`, run as a user would: the real binary writes the
//! notice as text, PDF and e-mail in both languages, and each file is read
//! back (PDF through `lopdf`, e-mail through a MIME parser).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use mail_parser::{MessageParser, MimeHeaders};

#[path = "common/pdf_text.rs"]
mod pdf_text;
use pdf_text::pdf_text;

const BIN: &str = env!("CARGO_BIN_EXE_monitor-check");

/// Runs the binary with a private data dir, so a list stored by an update
/// on this machine cannot change what the test sees.
fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("HOME", dir)
        .output()
        .expect("the binary runs")
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A label-like JPEG (a dark band on light grey) of `w`×`h`.
fn photo(dir: &Path, name: &str, w: u32, h: u32) -> PathBuf {
    let img = image::RgbImage::from_fn(w, h, |_, y| {
        if y > h / 3 && y < h / 2 {
            image::Rgb([30, 30, 30])
        } else {
            image::Rgb([215, 215, 210])
        }
    });
    let path = dir.join(name);
    img.save(&path).expect("the test photo is written");
    path
}

fn notice(dir: &Path, lang: &str, format: &str, extra: &[&str]) -> PathBuf {
    let out = dir.join(format!("notice-{lang}.{format}"));
    let mut args = vec![
        "notice",
        "--text",
        "Gima 35152",
        "--serial",
        "CM80-2019-004711",
        "--gp",
        "Dott.ssa Lucia Bianchi",
        "--role",
        "pharmacist",
        "--lang",
        lang,
        "--format",
        format,
        "-o",
    ];
    let out_s = out.to_str().expect("a UTF-8 temp path").to_owned();
    args.push(&out_s);
    args.extend_from_slice(extra);
    ok(&run(dir, &args));
    out
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn text_notice_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let it = std::fs::read_to_string(notice(dir.path(), "it", "txt", &[])).unwrap();
    for needle in [
        "SEGNALAZIONE AL MEDICO DI FAMIGLIA",
        "CMS8000",
        "Numero di serie: CM80-2019-004711",
        "Dott.ssa Lucia Bianchi",
        "farmacista",
        "CVE-2025-0626",
        "è",
    ] {
        assert!(it.contains(needle), "missing {needle:?} in\n{it}");
    }
    // The importer code as read (the matcher may keep the brand with it).
    assert!(
        it.lines()
            .any(|l| l.starts_with("Codice del distributore:") && l.contains("35152")),
        "{it}"
    );
    let en = std::fs::read_to_string(notice(dir.path(), "en", "txt", &[])).unwrap();
    for needle in [
        "NOTICE FOR THE FAMILY DOCTOR",
        "Serial number: CM80-2019-004711",
        "pharmacist",
        "remote monitoring",
        "Monitor Check ",
    ] {
        assert!(en.contains(needle), "missing {needle:?} in\n{en}");
    }
}

#[test]
fn pdf_notice_in_both_languages_with_photos() {
    let dir = tempfile::tempdir().unwrap();
    let p1 = photo(dir.path(), "etichetta.jpg", 1600, 1200);
    let p2 = photo(dir.path(), "lato.png", 900, 1200);
    let (p1, p2) = (p1.to_str().unwrap(), p2.to_str().unwrap());
    for (lang, needles) in [
        (
            "it",
            &[
                "Segnalazione al medico di famiglia",
                "Numero di serie CM80-2019-004711",
                "Codice del distributore",
                "35152",
                "Dott.ssa Lucia Bianchi",
                "farmacista",
                "Foto dell'etichetta etichetta.jpg, lato.png",
                "Data e ora del controllo",
                "Elenco dei modelli versione",
                "CVE-2024-12248",
                "un'informazione, non una diagnosi",
                "pagina 1 di",
                "più",
            ][..],
        ),
        (
            "en",
            &[
                "Notice for the family doctor",
                "Serial number CM80-2019-004711",
                "Distributor's code",
                "pharmacist",
                "Label photos etichetta.jpg, lato.png",
                "information, not a diagnosis",
                "page 1 of",
            ][..],
        ),
    ] {
        let path = notice(dir.path(), lang, "pdf", &["--photo", p1, "--photo", p2]);
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let text = flat(&pdf_text(&bytes));
        for needle in needles {
            assert!(
                text.contains(needle),
                "{lang}: missing {needle:?} in\n{text}"
            );
        }
    }
}

#[test]
fn eml_notice_parses_back() {
    let dir = tempfile::tempdir().unwrap();
    let p1 = photo(dir.path(), "etichetta.jpg", 1600, 1200);
    let p1 = p1.to_str().unwrap();
    for (lang, subject, pdf_name) in [
        ("it", "Monitor paziente CMS8000", "segnalazione-monitor-"),
        ("en", "Patient monitor CMS8000", "monitor-notice-"),
    ] {
        let path = notice(dir.path(), lang, "eml", &["--photo", p1]);
        let raw = std::fs::read(&path).unwrap();
        let m = MessageParser::default().parse(&raw).unwrap();
        assert!(
            m.subject().unwrap().starts_with(subject),
            "{:?}",
            m.subject()
        );
        assert!(m.date().is_some() && m.message_id().is_some());
        let names: Vec<_> = m
            .attachments()
            .map(|a| a.attachment_name().unwrap().to_owned())
            .collect();
        assert_eq!(names.len(), 3, "{names:?}");
        assert!(names[0].starts_with(pdf_name));
        assert_eq!(Path::new(&names[0]).extension(), Some("pdf".as_ref()));
        // The notice's data, for the doctor's register.
        assert_eq!(names[1], "monitor-check-notice.json");
        assert_eq!(names[2], "etichetta.jpg");
        let pdf = m.attachments().next().unwrap();
        assert!(pdf.contents().starts_with(b"%PDF-"));
        assert!(m.body_text(0).unwrap().contains("CM80-2019-004711"));
    }
}

#[test]
fn unknown_device_asks_for_help() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("n.txt");
    ok(&run(
        dir.path(),
        &[
            "notice",
            "--text",
            "Gima",
            "--lang",
            "en",
            "--format",
            "txt",
            "-o",
            out.to_str().unwrap(),
        ],
    ));
    let text = std::fs::read_to_string(out).unwrap();
    assert!(text.contains("help us identify"), "{text}");
    assert!(!text.contains("remote monitoring"));
}

#[test]
fn bad_input_is_refused_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("n.pdf");
    let out_s = out.to_str().unwrap();
    // No text.
    let o = run(dir.path(), &["notice", "--format", "pdf", "-o", out_s]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--text"));
    // A photo that is not there.
    let o = run(
        dir.path(),
        &[
            "notice",
            "--text",
            "CMS8000",
            "--photo",
            "/nonexistent/x.jpg",
            "--format",
            "pdf",
            "-o",
            out_s,
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("x.jpg"));
    // A folder that does not exist: nothing is left behind.
    let bad = dir.path().join("missing").join("n.pdf");
    let o = run(
        dir.path(),
        &[
            "notice",
            "--text",
            "CMS8000",
            "--format",
            "pdf",
            "-o",
            bad.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.exists());
    // A wrong format is a usage error.
    let o = run(
        dir.path(),
        &[
            "notice", "--text", "CMS8000", "--format", "doc", "-o", out_s,
        ],
    );
    assert_eq!(o.status.code(), Some(2));
}
