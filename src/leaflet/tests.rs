//! The doctor card and the QR payload read back as another app would, the
//! leaflet's words in every language, and its one page and QR code read
//! back from what the PDF draws.

use std::collections::HashSet;

use super::*;

fn rossi() -> Doctor {
    Doctor::new("Dott.ssa Maria Rossi", "m.rossi@example.org").unwrap()
}

fn at() -> jiff::Zoned {
    "2026-03-10T09:30:00+01:00[Europe/Rome]".parse().unwrap()
}

/// A card with `fields` as its JSON object.
fn card(fields: &serde_json::Value) -> Vec<u8> {
    serde_json::to_vec(fields).unwrap()
}

#[test]
fn a_typed_doctor_is_tidied_and_checked() {
    let d = Doctor::new("  Dott.ssa\tMaria \n Rossi\u{7} ", " m.rossi@example.org ").unwrap();
    assert_eq!(d.name, "Dott.ssa Maria Rossi");
    assert_eq!(d.email, "m.rossi@example.org");

    assert_eq!(Doctor::new(" \t ", "a@b.it"), Err(DoctorError::NoName));
    assert_eq!(
        Doctor::new(&"a".repeat(NAME_MAX_CHARS + 1), "a@b.it"),
        Err(DoctorError::NameTooLong {
            max_chars: NAME_MAX_CHARS
        })
    );
    assert!(Doctor::new(&"à".repeat(NAME_MAX_CHARS), "a@b.it").is_ok());
    for bad in [
        "",
        "333 1234567",
        "m.rossi@example",
        "m.rossi.example.org",
        "a@b.it, c@d.it",
        "<m.rossi@example.org>",
        "m.rossi@@example.org",
    ] {
        assert_eq!(
            Doctor::new("Rossi", bad),
            Err(DoctorError::BadEmail),
            "{bad}"
        );
    }
    let long = format!("{}@example.org", "a".repeat(EMAIL_MAX_CHARS));
    assert_eq!(
        Doctor::new("Rossi", &long),
        Err(DoctorError::EmailTooLong {
            max_chars: EMAIL_MAX_CHARS
        })
    );
    assert_eq!(
        Doctor::new("Rossi", "m.rossi@example.org\u{0}"),
        Err(DoctorError::BadEmail)
    );
}

#[test]
fn the_card_reads_back_as_written() {
    let d = Doctor::new("Dr Ann O'Brien-Müller", "ann.obrien@surgery.example.ie").unwrap();
    let bytes = d.card_json();
    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(value["schema"], "monitor-check/doctor");
    assert_eq!(value["schema_version"], 1);
    assert_eq!(value["name"], "Dr Ann O'Brien-Müller");
    assert_eq!(value["email"], "ann.obrien@surgery.example.ie");
    assert_eq!(Doctor::from_card(&bytes), Ok(d.clone()));

    // A byte-order mark from a Windows editor, and a field from a later
    // minor change, are no reason to refuse it.
    let mut with_bom = "\u{feff}".as_bytes().to_vec();
    with_bom.extend(card(&serde_json::json!({
        "schema": CARD_SCHEMA,
        "schema_version": 1,
        "name": d.name,
        "email": d.email,
        "phone": "+39 055 123456",
    })));
    assert_eq!(Doctor::from_card(&with_bom), Ok(d));
}

#[test]
fn a_card_up_to_64_kib_is_read_and_a_larger_one_refused() {
    let d = rossi();
    let build = |pad: usize| {
        card(&serde_json::json!({
            "schema": CARD_SCHEMA,
            "schema_version": 1,
            "name": d.name,
            "email": d.email,
            "padding": " ".repeat(pad),
        }))
    };
    let overhead = build(0).len();
    let exact = build(CARD_MAX_BYTES - overhead);
    assert_eq!(exact.len(), CARD_MAX_BYTES);
    assert_eq!(Doctor::from_card(&exact), Ok(d.clone()));
    let over = build(CARD_MAX_BYTES - overhead + 1);
    assert_eq!(
        Doctor::from_card(&over),
        Err(CardError::TooLarge {
            size: CARD_MAX_BYTES + 1
        })
    );
}

#[test]
fn each_wrong_card_is_refused_with_its_reason() {
    use serde_json::json;
    let ok = |v: serde_json::Value| Doctor::from_card(&card(&v));
    assert!(matches!(
        Doctor::from_card(b"Dott. Rossi, m.rossi@example.org"),
        Err(CardError::NotJson(_))
    ));
    assert!(matches!(
        Doctor::from_card(b"{\"schema\": \"monitor-check/doctor\""),
        Err(CardError::NotJson(_))
    ));
    assert_eq!(ok(json!(["monitor-check/doctor"])), Err(CardError::NotOurs));
    assert_eq!(
        ok(json!({"schema": "monitor-check/notice", "schema_version": 1})),
        Err(CardError::NotOurs)
    );
    assert_eq!(
        ok(json!({"name": "Rossi", "email": "m.rossi@example.org"})),
        Err(CardError::NotOurs)
    );
    assert_eq!(
        ok(
            json!({"schema": CARD_SCHEMA, "schema_version": 2, "name": "Rossi",
                  "email": "m.rossi@example.org"})
        ),
        Err(CardError::Newer {
            found: 2,
            supported: 1
        })
    );
    assert_eq!(
        ok(json!({"schema": CARD_SCHEMA, "name": "Rossi", "email": "m.rossi@example.org"})),
        Err(CardError::Missing("schema_version"))
    );
    for version in [json!(0), json!("1"), json!(-1), json!(1.5)] {
        assert_eq!(
            ok(
                json!({"schema": CARD_SCHEMA, "schema_version": version, "name": "Rossi",
                      "email": "m.rossi@example.org"})
            ),
            Err(CardError::Invalid("schema_version")),
            "{version}"
        );
    }
    assert_eq!(
        ok(json!({"schema": CARD_SCHEMA, "schema_version": 1, "email": "m.rossi@example.org"})),
        Err(CardError::Missing("name"))
    );
    assert_eq!(
        ok(json!({"schema": CARD_SCHEMA, "schema_version": 1, "name": "Rossi"})),
        Err(CardError::Missing("email"))
    );
    assert_eq!(
        ok(
            json!({"schema": CARD_SCHEMA, "schema_version": 1, "name": 42,
                  "email": "m.rossi@example.org"})
        ),
        Err(CardError::Invalid("name"))
    );
    assert_eq!(
        ok(
            json!({"schema": CARD_SCHEMA, "schema_version": 1, "name": "Rossi",
                  "email": ["m.rossi@example.org"]})
        ),
        Err(CardError::Invalid("email"))
    );
    assert_eq!(
        ok(
            json!({"schema": CARD_SCHEMA, "schema_version": 1, "name": "  ",
                  "email": "m.rossi@example.org"})
        ),
        Err(CardError::Doctor(DoctorError::NoName))
    );
    assert_eq!(
        ok(
            json!({"schema": CARD_SCHEMA, "schema_version": 1, "name": "Rossi",
                  "email": "m.rossi at example.org"})
        ),
        Err(CardError::Doctor(DoctorError::BadEmail))
    );
    // The messages say what is wrong in words.
    assert_eq!(
        CardError::Newer {
            found: 2,
            supported: 1
        }
        .to_string(),
        "it was written by a newer version of Monitor Check (card format 2; this version \
         reads up to 1): update the app"
    );
    assert_eq!(
        CardError::Doctor(DoctorError::BadEmail).to_string(),
        "the doctor card holds a wrong entry: the doctor's e-mail address does not look like \
         one (such as name@example.org)"
    );
}

#[test]
fn the_qr_text_is_a_mecard() {
    let d = Doctor::new("Rossi Mario", "m.rossi@example.org").unwrap();
    assert_eq!(
        d.qr_text(),
        "MECARD:N:Rossi Mario;EMAIL:m.rossi@example.org;;"
    );
    assert_eq!(Doctor::from_qr_text(&d.qr_text()), Some(d));
}

#[test]
fn awkward_characters_survive_the_mecard() {
    let d = Doctor::new(
        r"Dott.ssa Lucia D'Agostino; Müller: MMG\ASL, Città di Castello",
        "l.dagostino:mmg@asl-umbria.example.it",
    )
    .unwrap();
    let text = d.qr_text();
    assert_eq!(
        text,
        r"MECARD:N:Dott.ssa Lucia D'Agostino\; Müller\: MMG\\ASL\, Città di Castello;EMAIL:l.dagostino\:mmg@asl-umbria.example.it;;"
    );
    assert_eq!(Doctor::from_qr_text(&text), Some(d));
}

#[test]
fn mecards_from_other_apps_are_read_and_other_codes_are_not() {
    let read = |t: &str| Doctor::from_qr_text(t).map(|d| (d.name, d.email));
    let rossi = Some(("Rossi Mario".to_owned(), "m.rossi@example.org".to_owned()));
    // Surname and given name split by a comma, other fields, any case.
    assert_eq!(
        read("MECARD:N:Rossi,Mario;TEL:+390551234;EMAIL:m.rossi@example.org;;"),
        rossi
    );
    assert_eq!(
        read(" mecard:email:m.rossi@example.org;n:Rossi Mario;EMAIL:other@example.org "),
        rossi
    );
    assert_eq!(read("MECARD:N:Rossi Mario;;"), None);
    assert_eq!(read("MECARD:EMAIL:m.rossi@example.org;;"), None);
    assert_eq!(read("MECARD:N:;EMAIL:m.rossi@example.org;;"), None);
    assert_eq!(read("MECARD:N:Rossi;EMAIL:m.rossi;;"), None);
    assert_eq!(read("https://example.org/MECARD:N:Rossi"), None);
    assert_eq!(read("MECARD"), None);
    assert_eq!(read(""), None);
}

/// Every word a person reads on the leaflet, in order.
fn words(doc: &Doc) -> Vec<String> {
    let mut out = vec![doc.title.clone(), doc.subtitle.clone()];
    for s in &doc.sections {
        out.push(s.heading.clone());
        for b in &s.blocks {
            match b {
                Block::Para(t)
                | Block::Strong(t)
                | Block::Bullet(t)
                | Block::StrongBullet(t)
                | Block::SubBullet(t)
                | Block::Verdict(_, t) => out.push(t.clone()),
                Block::Field(l, v) => out.extend([l.clone(), v.clone()]),
                Block::Photos
                | Block::Qr(_)
                | Block::Picture(..)
                | Block::PictureBeside(..)
                | Block::Icon(..) => {}
            }
        }
    }
    out.push(doc.footer.clone());
    out
}

#[test]
fn the_leaflet_names_the_doctor_the_models_and_the_role_in_every_language() {
    let d = rossi();
    for lang in Lang::ALL {
        let doc = leaflet_doc(&d, lang, &at());
        let all = words(&doc).join("\n");
        for expected in [d.name.as_str(), d.email.as_str(), "Epsimed MN-120"]
            .into_iter()
            .chain(MODELS)
        {
            assert!(all.contains(expected), "{lang:?}: no {expected}:\n{all}");
        }
        // The role to pick is the app's own wording of it.
        assert!(all.contains(&tr(lang, "role-carer")), "{lang:?}");
        assert!(all.contains(&crate::i18n::format_civil_date(lang, at().date())));
        assert!(!all.contains("leaflet-"), "{lang:?}: a missing message");
        let qr: Vec<&String> = doc
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Qr(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(qr, [&d.qr_text()], "{lang:?}");
        // Never an "all clear": nothing tells the reader the monitor is fine.
        let lower = all.to_lowercase();
        for reassurance in ["all clear", "tutto a posto", "alles in ordnung", "is safe"] {
            assert!(!lower.contains(reassurance), "{lang:?}: {reassurance}");
        }
    }
}

/// The longest doctor [`Doctor::new`] accepts: a name of
/// [`NAME_MAX_CHARS`] and an address of [`EMAIL_MAX_CHARS`].
fn longest() -> Doctor {
    let name = "Dott.ssa Mariangela Giovanna Rossi-Bianchini ".repeat(3);
    let name: String = name.chars().take(NAME_MAX_CHARS).collect();
    let domain = "@aslroma1.medicinagenerale.example.it";
    let local = "mariangela.giovanna.rossi-bianchini.".repeat(7);
    let local: String = local.chars().take(EMAIL_MAX_CHARS - domain.len()).collect();
    let d = Doctor::new(&name, &format!("{local}{domain}")).unwrap();
    assert_eq!(d.name.chars().count(), NAME_MAX_CHARS);
    assert_eq!(d.email.chars().count(), EMAIL_MAX_CHARS);
    d
}

#[test]
fn the_leaflet_is_one_page_even_for_the_longest_doctor() {
    for d in [rossi(), longest()] {
        for lang in Lang::ALL {
            let pdf = render_leaflet(&d, lang, &at()).unwrap();
            assert!(pdf.starts_with(b"%PDF-"));
            if let Ok(dir) = std::env::var("NOTICE_PDF_OUT") {
                let len = d.name.len();
                std::fs::write(format!("{dir}/leaflet-{}-{len}.pdf", lang.code()), &pdf).unwrap();
            }
            let parsed = lopdf::Document::load_mem(&pdf).unwrap();
            assert_eq!(parsed.get_pages().len(), 1, "{lang:?}, {}", d.name);
        }
    }
}

/// Decodes the QR code in a grey picture with rxing, as the app reads
/// label photos.
fn decode_qr(gray: &image::GrayImage) -> Option<String> {
    use rxing::common::HybridBinarizer;
    use rxing::{
        BarcodeFormat, BinaryBitmap, DecodeHints, Luma8LuminanceSource, MultiFormatReader, Reader,
    };
    let (w, h) = gray.dimensions();
    let source = Luma8LuminanceSource::new(gray.as_raw().clone(), w, h).ok()?;
    let mut bitmap = BinaryBitmap::new(HybridBinarizer::new(source));
    let hints = DecodeHints {
        PossibleFormats: Some(HashSet::from([BarcodeFormat::QR_CODE])),
        TryHarder: Some(true),
        ..DecodeHints::default()
    };
    MultiFormatReader::default()
        .decode_with_hints(&mut bitmap, &hints)
        .ok()
        .map(|r| r.getText().to_owned())
}

/// Paints what the PDF draws for the QR code (the squares, in points)
/// onto white, `px_per_pt` pixels a point, with the page around them up
/// to `margin` points: what a camera sees of the printed leaflet.
fn rasterize(squares: &[(f32, f32, f32, f32)], px_per_pt: f32, margin: f32) -> image::GrayImage {
    let left = squares.iter().map(|r| r.0).fold(f32::MAX, f32::min) - margin;
    let top = squares.iter().map(|r| r.1).fold(f32::MAX, f32::min) - margin;
    let right = squares.iter().map(|r| r.0 + r.2).fold(f32::MIN, f32::max) + margin;
    let bottom = squares.iter().map(|r| r.1 + r.3).fold(f32::MIN, f32::max) + margin;
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a few hundred pixels, never negative"
    )]
    let px = |v: f32| (v * px_per_pt).round().max(0.0) as u32;
    let mut img =
        image::GrayImage::from_pixel(px(right - left), px(bottom - top), image::Luma([255]));
    for (x, y, w, h) in squares {
        for py in px(y - top)..px(y + h - top) {
            for qx in px(x - left)..px(x + w - left) {
                img.put_pixel(qx, py, image::Luma([0]));
            }
        }
    }
    img
}

#[test]
fn the_printed_qr_code_reads_back_as_the_doctor() {
    let awkward = Doctor::new(
        "Dott. Niccolò D'Angelo; Ambulatorio: Via Roma, 3",
        "n.dangelo@studio-medico.example.it",
    )
    .unwrap();
    for d in [rossi(), awkward, longest()] {
        let doc = leaflet_doc(&d, Lang::It, &at());
        let pages = pdf::laid_out(&[&doc], LEAFLET_STYLE);
        assert_eq!(pages.len(), 1);
        let page = &pages[0];
        let squares = &page.squares;
        assert!(!squares.is_empty(), "no QR code drawn");

        // About 35–40 mm wide, as a phone reads it from arm's length.
        let left = squares.iter().map(|r| r.0).fold(f32::MAX, f32::min);
        let right = squares.iter().map(|r| r.0 + r.2).fold(f32::MIN, f32::max);
        let top = squares.iter().map(|r| r.1).fold(f32::MAX, f32::min);
        let bottom = squares.iter().map(|r| r.1 + r.3).fold(f32::MIN, f32::max);
        let mm = |pt: f32| pt * 25.4 / 72.0;
        assert!(
            (35.0..=40.0).contains(&mm(right - left)),
            "{} mm",
            mm(right - left)
        );
        assert!((mm(bottom - top) - mm(right - left)).abs() < 0.01, "square");

        // The quiet zone is clear: no line of text comes within 4 modules
        // (at least 3 mm here) of the code, above, below or beside it.
        let quiet = 3.0 * 72.0 / 25.4;
        let mut beside = String::new();
        for (x, baseline, size, text) in &page.lines {
            let (line_top, line_bottom) = (baseline - size, baseline + 0.3 * size);
            if line_bottom >= top - quiet && line_top <= bottom + quiet {
                assert!(
                    *x > right + quiet,
                    "{text:?} is in the QR code's quiet zone"
                );
            }
            if *x > right + quiet {
                beside.push_str(text);
            }
        }
        // Beside it, the doctor's name and address, printed in full (a
        // long address is cut across lines).
        let beside: String = beside.split_whitespace().collect();
        let name: String = d.name.split_whitespace().collect();
        assert!(beside.contains(&name), "{beside}");
        assert!(beside.contains(&d.email), "{beside}");

        // What the page draws, seen at about 150 dpi with its quiet zone,
        // decodes to the MECARD, and the MECARD to the doctor.
        let (modules, _) = pdf::qr_modules(&d.qr_text()).unwrap();
        #[expect(clippy::cast_precision_loss, reason = "a few dozen modules")]
        let module = (right - left) / modules as f32;
        let img = rasterize(squares, 2.0, 4.0 * module);
        let text = decode_qr(&img).expect("the QR code decodes");
        assert_eq!(text, d.qr_text());
        assert_eq!(Doctor::from_qr_text(&text), Some(d));
    }
}

/// "Find the label" shows the same drawing as the app's identify step,
/// beside its paragraph, in every language.
#[test]
fn the_label_section_shows_where_the_label_is() {
    use crate::drawing::PictureId;
    for lang in Lang::ALL {
        let doc = leaflet_doc(&rossi(), lang, &at());
        let section = doc
            .sections
            .iter()
            .find(|s| s.heading == tr(lang, "leaflet-h-label"))
            .expect("the label section");
        assert_eq!(
            section.blocks.first(),
            Some(&Block::PictureBeside(PictureId::LabelLocation, lang))
        );
    }
}
