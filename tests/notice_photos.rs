//! Photos leave the app clean. `monitor-check notice`, run as a user would,
//! with label photos that carry a GPS position and the phone owner's name
//! (a JPEG stored on its side, and an iPhone HEIC): the e-mail's
//! attachments and the PDF's images carry neither, and are upright. A file
//! that is not a photo is not attached, and the notice names it.
//!
//! Fixtures: `label_gps.jpg` is `ocr_label.jpg` turned a quarter and tagged
//! EXIF orientation 6; `label_gps_iphone.heic` is `ocr_label.jpg` saved by
//! `heif-enc`. Both were then given, with `exiftool`, GPS latitude and
//! longitude, EXIF `Artist` and XMP `dc:creator` "Maria Rossi".

#![expect(
    clippy::unwrap_used,
    reason = "a failed step should stop the test right there"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use mail_parser::{MessageParser, MimeHeaders};

const BIN: &str = env!("CARGO_BIN_EXE_monitor-check");

/// The phone owner's name written into the fixtures.
const OWNER: &[u8] = b"Maria Rossi";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Writes the notice for a CMS 8000 with `photos` attached, in `lang` and
/// `format`, and returns the file and what the run printed.
fn notice(dir: &Path, lang: &str, format: &str, photos: &[&Path]) -> (Vec<u8>, Output) {
    let out = dir.join(format!("notice-{lang}.{format}"));
    let mut command = Command::new(BIN);
    command
        .args([
            "notice", "--text", "CMS 8000", "--lang", lang, "--format", format,
        ])
        .arg("-o")
        .arg(&out)
        // A private data dir: a list stored on this machine cannot interfere.
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("HOME", dir);
    for photo in photos {
        command.arg("--photo").arg(photo);
    }
    let run = command.output().expect("the binary runs");
    assert!(
        run.status.success(),
        "exit {:?}\nstderr: {}",
        run.status.code(),
        String::from_utf8_lossy(&run.stderr)
    );
    (std::fs::read(&out).expect("the notice is written"), run)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The markers of a JPEG's segments before the picture data, ending with
/// start-of-scan (`DA`).
fn jpeg_markers(jpeg: &[u8]) -> Vec<u8> {
    assert_eq!(jpeg.get(..2), Some([0xFF, 0xD8].as_slice()), "not a JPEG");
    let mut markers = Vec::new();
    let mut pos = 2;
    while let (Some(&0xFF), Some(&marker)) = (jpeg.get(pos), jpeg.get(pos + 1)) {
        markers.push(marker);
        if marker == 0xDA {
            break;
        }
        let len = usize::from(u16::from_be_bytes([jpeg[pos + 2], jpeg[pos + 3]]));
        pos += 2 + len;
    }
    markers
}

/// The EXIF (TIFF) data of a JPEG's APP1 segment, if it has one.
fn jpeg_exif(jpeg: &[u8]) -> Option<&[u8]> {
    let at = jpeg.windows(6).position(|w| w == b"Exif\0\0")?;
    jpeg.get(at + 6..)
}

/// A photo as it leaves the app: a JPEG with no APP1–APP15 segment (EXIF,
/// XMP, ICC, maker data) and no comment, upright at 640×420.
fn assert_clean(jpeg: &[u8], what: &str) {
    let markers = jpeg_markers(jpeg);
    assert_eq!(markers.last(), Some(&0xDA), "{what}: {markers:02X?}");
    assert!(
        markers
            .iter()
            .all(|&m| !(0xE1..=0xEF).contains(&m) && m != 0xFE),
        "{what}: metadata segments {markers:02X?}"
    );
    assert!(!contains(jpeg, b"Exif\0\0"), "{what}: EXIF");
    assert!(!contains(jpeg, OWNER), "{what}: owner's name");
    let img = image::load_from_memory(jpeg).expect("the photo decodes");
    assert_eq!((img.width(), img.height()), (640, 420), "{what}: upright");
}

/// The fixtures carry what must not leave: GPS and the owner's name.
fn gps_photos() -> [PathBuf; 2] {
    let jpeg = fixture("label_gps.jpg");
    let heic = fixture("label_gps_iphone.heic");
    let jpeg_bytes = std::fs::read(&jpeg).unwrap();
    let heic_bytes = std::fs::read(&heic).unwrap();
    let exif = heifer::Exif::parse(jpeg_exif(&jpeg_bytes).unwrap()).unwrap();
    assert!(exif.has_gps() && exif.orientation() == Some(6));
    let meta = heifer::read_metadata(&heic_bytes).unwrap();
    assert!(meta.exif_fields().unwrap().has_gps());
    assert!(meta.xmp.is_some());
    assert!(contains(&jpeg_bytes, OWNER) && contains(&heic_bytes, OWNER));
    [jpeg, heic]
}

/// The JPEG images embedded in a PDF. krilla writes each as an image
/// `XObject` with `/Filter /DCTDecode`, the JPEG bytes unchanged in the
/// stream that follows.
fn pdf_jpegs(pdf: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = pdf[from..]
        .windows(10)
        .position(|w| w == b"/DCTDecode")
        .map(|p| p + from)
    {
        let stream = pdf[at..].windows(6).position(|w| w == b"stream").unwrap() + at + 6;
        let start = stream + if pdf[stream] == b'\r' { 2 } else { 1 };
        let end = pdf[start..]
            .windows(9)
            .position(|w| w == b"endstream")
            .unwrap()
            + start;
        let data = &pdf[start..end];
        // The stream ends with the JPEG's end-of-image, then an end of line.
        let eoi = data.windows(2).rposition(|w| w == [0xFF, 0xD9]).unwrap();
        out.push(&data[..eoi + 2]);
        from = end;
    }
    out
}

#[test]
fn eml_attachments_carry_no_location_or_owner() {
    let dir = tempfile::tempdir().unwrap();
    let [jpeg, heic] = gps_photos();
    let (eml, _) = notice(dir.path(), "en", "eml", &[&jpeg, &heic]);
    let m = MessageParser::default().parse(&eml).unwrap();
    let atts: Vec<_> = m.attachments().collect();
    let names: Vec<_> = atts.iter().map(|a| a.attachment_name().unwrap()).collect();
    assert_eq!(names.len(), 4, "{names:?}");
    // The PDF, the notice's data, then the photos.
    assert_eq!(names[1], "monitor-check-notice.json");
    assert!(!contains(atts[1].contents(), OWNER));
    assert_eq!(&names[2..], ["label_gps.jpg", "label_gps_iphone.jpg"]);
    for a in &atts[2..] {
        assert_eq!(a.content_type().unwrap().subtype(), Some("jpeg"));
        assert_clean(a.contents(), a.attachment_name().unwrap());
    }
    // The PDF attached to the e-mail is clean too.
    let pdf = atts[0].contents();
    assert_eq!(pdf_jpegs(pdf).len(), 2);
    for image in pdf_jpegs(pdf) {
        assert_clean(image, "image in the attached PDF");
    }
}

#[test]
fn pdf_images_carry_no_location_or_owner() {
    let dir = tempfile::tempdir().unwrap();
    let [jpeg, heic] = gps_photos();
    let (pdf, _) = notice(dir.path(), "it", "pdf", &[&jpeg, &heic]);
    let images = pdf_jpegs(&pdf);
    assert_eq!(images.len(), 2);
    for image in images {
        assert_clean(image, "image in the PDF");
    }
    assert!(!contains(&pdf, OWNER));
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_file_that_is_not_a_photo_is_named_and_not_attached() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.jpg");
    std::fs::write(&notes, "Model CMS8000, bought 2021 — not a photo").unwrap();
    let photo = fixture("ocr_label.jpg");

    let (eml, run) = notice(dir.path(), "en", "eml", &[&notes, &photo]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("notes.jpg") && stderr.contains("not a picture"),
        "{stderr}"
    );
    let m = MessageParser::default().parse(&eml).unwrap();
    let names: Vec<_> = m
        .attachments()
        .map(|a| a.attachment_name().unwrap().to_owned())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert_eq!(names[1], "monitor-check-notice.json");
    assert_eq!(names[2], "ocr_label.jpg");
    let body = flat(m.body_text(0).unwrap().as_ref());
    assert!(
        body.contains("Label photo notes.jpg could not be read and is not attached."),
        "{body}"
    );
    assert!(body.contains("Label photos: ocr_label.jpg"), "{body}");
    assert!(
        !m.attachments()
            .any(|a| contains(a.contents(), b"not a photo"))
    );

    // The same line in Italian, in the text notice.
    let (txt, _) = notice(dir.path(), "it", "txt", &[&notes, &photo]);
    let txt = flat(&String::from_utf8(txt).unwrap());
    assert!(
        txt.contains("foto dell'etichetta notes.jpg, che quindi non è allegata"),
        "{txt}"
    );

    // Only a photo that cannot be read, and nothing typed: refused.
    let out = Command::new(BIN)
        .args(["notice", "--format", "txt", "--photo"])
        .arg(&notes)
        .arg("-o")
        .arg(dir.path().join("never.txt"))
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(!dir.path().join("never.txt").exists());
}
