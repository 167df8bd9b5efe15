//! Tests of the notice content and its writers, with a frozen copy of the
//! list (`tests/fixtures/notice/catalog.json`) and a fixed time, so the
//! golden files in `tests/snapshots/` change only when the notice does.

use std::collections::BTreeSet;

use super::*;
use crate::catalog::Catalog;
use crate::guidance::{Connection, Role, TamperSign};
use crate::i18n::{Lang, tr};
use crate::identify::{
    Caution, Evidence, Identifiers, MatchRule, NextStep, Origin, Verdict, VerdictKind,
};

pub(crate) fn catalog() -> Catalog {
    serde_json::from_str(include_str!("../../tests/fixtures/notice/catalog.json")).unwrap()
}

pub(crate) fn at() -> jiff::Zoned {
    "2025-03-10T14:30:00+01:00[+01:00]".parse().unwrap()
}

pub(crate) fn affected() -> Verdict {
    Verdict {
        verdict: VerdictKind::Affected,
        model: Some("CMS8000".into()),
        relabel_of: None,
        manufacturer: Some("Contec Medical Systems Co., Ltd".into()),
        evidence: vec![
            Evidence {
                text: "Gima 35152".into(),
                matched: "CMS8000".into(),
                rule: MatchRule::ImporterCode,
                origin: Origin::Typed,
            },
            Evidence {
                text: "CMS 8000".into(),
                matched: "CMS8000".into(),
                rule: MatchRule::Model,
                origin: Origin::Photo {
                    file: "etichetta-retro.jpg".into(),
                    confidence: 0.93,
                },
            },
        ],
        cautions: vec![],
        next_steps: vec![],
        advisories: vec![
            "CVE-2024-12248".into(),
            "CVE-2025-0626".into(),
            "CVE-2025-0683".into(),
            "CVE-2025-1204".into(),
        ],
        sources: vec![
            "cisa-icsma-25-030-01".into(),
            "fda-2025-01-30".into(),
            "minsal-2025-02-07".into(),
        ],
        identifiers: Identifiers {
            serial: Some("CM80-2019-004711".into()),
            udi_raw: Some("(01)08012345678901(11)190301(21)CM80-2019-004711".into()),
            gtin: Some("08012345678901".into()),
            lot: None,
            manufactured: Some("2019-03-01".into()),
            firmware: None,
            importer_code: Some("35152".into()),
            brand: Some("Gima".into()),
            ..Identifiers::default()
        },
    }
}

pub(crate) fn unknown() -> Verdict {
    Verdict {
        verdict: VerdictKind::Unknown,
        model: None,
        relabel_of: None,
        manufacturer: None,
        evidence: vec![],
        cautions: vec![
            Caution::Variant {
                read: "CMS8000X".into(),
                listed: "CMS8000".into(),
            },
            Caution::BrandOnly {
                brand: "Gima".into(),
            },
        ],
        next_steps: vec![NextStep::PhotoLabel, NextStep::CheckLabelAgain],
        advisories: vec![],
        sources: vec![],
        identifiers: Identifiers::default(),
    }
}

/// A form as a carer fills it, with accents, a ticked tamper sign and the
/// full name *not* opted in.
pub(crate) fn form() -> NoticeForm {
    NoticeForm {
        gp_name: "Dott.ssa Lucia Bianchi".into(),
        gp_email: "lucia.bianchi@asl.example.it".into(),
        sender_role: Role::Carer,
        sender_name: "Niccolò D'Angelo".into(),
        sender_contact: "niccolo.dangelo@example.it".into(),
        patient_initials: "G. D.".into(),
        age_band: Some(AgeBand::From80),
        patient_full_name: "Giuseppina D'Angelo".into(),
        print_full_name: false,
        place_of_use: "casa, camera da letto".into(),
        device: DeviceDetails::default(),
        identified_by: BTreeSet::new(),
        connection: Some(Connection::WiFi),
        actions: ActionsTaken {
            cable_unplugged: Answer::Yes,
            wifi_off: Answer::Yes,
            still_used_locally: Answer::Yes,
            when: "10 marzo, ore 13:45".into(),
        },
        // Seen, not seen, and two signs nobody answered.
        tamper: [
            (TamperSign::UnexpectedRestart, Answer::Yes),
            (TamperSign::ReadingsMismatch, Answer::No),
        ]
        .into_iter()
        .collect(),
        observations: "Martedì sera il monitor si è riavviato due volte da solo.\n\n\
                       La saturazione segnava 88% ma la mamma stava bene."
            .into(),
        request: "Può richiamarmi dopo le 17?".into(),
    }
}

pub(crate) fn notice(verdict: &Verdict, form: NoticeForm) -> Notice {
    let cat = catalog();
    let mut form = form;
    form.prefill(verdict, &cat);
    Notice::new(
        form,
        verdict,
        &cat,
        at(),
        "0.1.0",
        vec!["etichetta-retro.jpg".into(), "etichetta-lato.jpg".into()],
    )
}

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({
        snapshot_path => "../../tests/snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn golden_text_affected_with_incident() {
    let n = notice(&affected(), form());
    snapshot("notice_affected_incident_it", &render_text(&n, Lang::It));
    snapshot("notice_affected_incident_en", &render_text(&n, Lang::En));
}

#[test]
fn golden_text_unknown_without_incident() {
    let mut f = form();
    f.tamper.clear();
    f.observations.clear();
    let n = notice(&unknown(), f);
    snapshot("notice_unknown_it", &render_text(&n, Lang::It));
    snapshot("notice_unknown_en", &render_text(&n, Lang::En));
}

#[test]
fn every_message_exists_in_both_languages() {
    let mut f = form();
    f.print_full_name = true;
    for verdict in [affected(), unknown()] {
        for lang in Lang::ALL {
            let text = render_text(&notice(&verdict, f.clone()), lang);
            assert!(
                !text.contains("notice-"),
                "missing message in {lang:?}:\n{text}"
            );
        }
    }
}

#[test]
fn prefill_takes_what_was_read_and_keeps_what_was_typed() {
    let mut f = NoticeForm::default();
    f.device.serial = "typed by hand".into();
    f.prefill(&affected(), &catalog());
    assert_eq!(f.device.model, "CMS8000");
    assert_eq!(f.device.brand, "Gima");
    assert_eq!(f.device.importer_code, "35152");
    assert_eq!(f.device.serial, "typed by hand");
    assert_eq!(f.device.manufactured, "2019-03-01");
    assert_eq!(
        f.identified_by,
        [IdentifiedBy::Typed, IdentifiedBy::Photo]
            .into_iter()
            .collect()
    );
}

#[test]
fn full_name_only_on_opt_in() {
    let f = form();
    let text = render_text(&notice(&affected(), f.clone()), Lang::En);
    assert!(!text.contains("Giuseppina"));
    assert!(text.contains("G. D."));
    let mut f = f;
    f.print_full_name = true;
    let text = render_text(&notice(&affected(), f), Lang::En);
    assert!(text.contains("Giuseppina D'Angelo"));
}

/// A notice where the user answered nothing says nothing was answered: no
/// "no", no "not seen", in any writer or language.
#[test]
fn unanswered_questions_read_as_unanswered_never_as_no() {
    let f = NoticeForm {
        gp_name: "Dr Rossi".into(),
        ..NoticeForm::default()
    };
    let n = notice(&affected(), f);
    assert!(!n.is_incident());
    for lang in Lang::ALL {
        let text = render_text(&n, lang);
        let not_seen = tr(lang, "tamper-answer-not-seen.notice");
        let no = format!(": {}", tr(lang, "notice-no"));
        assert!(!text.contains(&not_seen), "{lang:?}: {text}");
        assert!(
            !text.lines().any(|l| l.trim_end().ends_with(&no)),
            "{lang:?}: {text}"
        );
        assert!(text.contains(&tr(lang, "notice-tamper-not-done")), "{text}");
        // Connection, cable, Wi-Fi and "still used": four unanswered fields.
        let unanswered = tr(lang, "notice-not-answered");
        assert!(text.matches(&unanswered).count() >= 4, "{lang:?}: {text}");
    }
}

/// Each sign reads what the user answered: seen, not seen, or not checked.
#[test]
fn each_sign_reads_its_own_answer() {
    let mut f = NoticeForm::default();
    f.set_tamper_answer(TamperSign::ReadingsMismatch, Answer::No);
    f.set_tamper_answer(TamperSign::SettingsChanged, Answer::Yes);
    let n = notice(&affected(), f.clone());
    assert!(n.is_incident());
    let text = render_text(&n, Lang::En);
    let line = |label_id: &str| {
        let label = tr(Lang::En, label_id);
        text.lines()
            .find(|l| l.contains(&label))
            .unwrap_or_else(|| panic!("{label} in {text}"))
            .to_owned()
    };
    assert!(line("tamper-readings-mismatch.notice").ends_with(": not seen"));
    assert!(line("tamper-settings-changed.notice").ends_with(": seen"));
    assert!(line("tamper-unexpected-restart.notice").ends_with(": not checked"));
    assert!(line("tamper-network-turned-on.notice").ends_with(": not checked"));
    // "I checked, none of these" answers only the open signs.
    f.no_other_signs();
    assert_eq!(f.tamper_answer(TamperSign::SettingsChanged), Answer::Yes);
    assert_eq!(f.tamper_answer(TamperSign::UnexpectedRestart), Answer::No);
    // Un-answering a sign makes it "not checked" again.
    f.set_tamper_answer(TamperSign::UnexpectedRestart, Answer::NotAnswered);
    assert!(!f.tamper.contains_key(&TamperSign::UnexpectedRestart));
}

#[test]
fn incident_only_when_a_sign_is_ticked() {
    let n = notice(&affected(), form());
    assert!(n.is_incident());
    let it = render_text(&n, Lang::It);
    assert!(it.contains("D.Lgs. 137/2022, art. 10"));
    assert!(it.contains("DATI PER LA SEGNALAZIONE DI INCIDENTE GRAVE"));
    let mut f = form();
    f.tamper.clear();
    let n = notice(&affected(), f);
    assert!(!n.is_incident());
    let it = render_text(&n, Lang::It);
    assert!(!it.contains("137/2022"));
    assert!(subject(&n, Lang::En).starts_with("Patient monitor CMS8000"));
}

#[test]
fn incident_channel_follows_the_date() {
    let mut n = notice(&affected(), form());
    assert!(render_text(&n, Lang::En).contains("prot. 87235"));
    n.checked_at = "2026-03-18T09:00:00+01:00[+01:00]".parse().unwrap();
    let text = render_text(&n, Lang::En);
    assert!(text.contains("NSIS"));
    assert!(!text.contains("prot. 87235"));
}

#[test]
fn advisories_and_sources_come_from_the_list() {
    let n = notice(&affected(), form());
    let ids: Vec<_> = n.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "cisa-icsma-25-030-01",
            "minsal-2025-02-07",
            "minsal-2025-02-24",
            "fda-2025-01-30",
            "dlgs-137-2022",
        ]
    );
    assert_eq!(n.advisories.len(), 4);
    let en = render_text(&n, Lang::En);
    for needle in [
        "ICSMA-25-030-01",
        "CVE-2024-12248",
        "CVE-2025-1204",
        "30 January 2025",
        "updated 25 February 2025",
        "prot. n. 0010860-07/02/2025",
        "Update of 24 February 2025",
        "list v1 of 3 March 2025",
        "Monitor Check 0.1.0",
    ] {
        assert!(en.contains(needle), "missing {needle}");
    }
    // An unknown verdict names no advisory: the notice still says which
    // ones the question is about.
    let n = notice(&unknown(), form());
    assert_eq!(n.advisories.len(), 4);
    assert!(!n.sources.is_empty());
}

#[test]
fn ask_depends_on_the_verdict() {
    let mut f = form();
    f.tamper.clear();
    let en = render_text(&notice(&affected(), f.clone()), Lang::En);
    assert!(en.contains("remote monitoring"));
    let en = render_text(&notice(&unknown(), f.clone()), Lang::En);
    assert!(en.contains("help us identify"));
    assert!(!en.contains("remote monitoring"));
    let mut not = unknown();
    not.verdict = VerdictKind::NotAffected;
    not.model = Some("CMS50D".into());
    let en = render_text(&notice(&not, f), Lang::En);
    assert!(en.contains("is not on the list"));
}

#[test]
fn text_lines_fit_the_width() {
    let n = notice(&affected(), form());
    for lang in Lang::ALL {
        for line in render_text(&n, lang).lines() {
            // URLs are kept whole even when longer.
            if !line.contains("https://") {
                assert!(line.chars().count() <= text::WIDTH, "{line}");
            }
            assert_eq!(line, line.trim_end());
        }
    }
}

#[test]
fn mailto_is_encoded_and_short() {
    let n = notice(&affected(), form());
    let url = mailto_url(&n, Lang::It);
    assert!(url.starts_with("mailto:lucia.bianchi@asl.example.it?subject=Possibile%20incidente"));
    assert!(!url.contains(' ') && !url.contains('\n'));
    // The body is cut with a note, well under the length clients refuse.
    assert!(url.len() < 8000, "{}", url.len());
    assert!(url.contains("PDF%20allegato"));
    // No GP address: no recipient, the rest stays.
    let mut f = form();
    f.gp_email = "ask at the desk".into();
    let url = mailto_url(&notice(&affected(), f), Lang::En);
    assert!(url.starts_with("mailto:?subject="));
}

fn photos() -> Vec<PhotoFile> {
    vec![
        PhotoFile {
            name: "etichetta-retro.jpg".into(),
            bytes: photo::tests::jpeg(1600, 1200, Some(6)),
        },
        PhotoFile {
            name: "etichetta-lato.jpg".into(),
            bytes: photo::tests::jpeg(1200, 900, None),
        },
    ]
}

/// The text of each page of a PDF, read with `lopdf`; pages are joined by
/// a form feed, which `sheet::tests` splits on.
#[path = "../../tests/common/pdf_text.rs"]
mod pdf_reader;
pub(crate) use pdf_reader::pdf_text;

#[test]
fn pdf_renders_both_languages_with_photos() {
    let n = notice(&affected(), form());
    for lang in Lang::ALL {
        let pdf = render_pdf(&n, lang, &photos()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        // Keep a copy to look at when asked.
        if let Ok(dir) = std::env::var("NOTICE_PDF_OUT") {
            std::fs::write(format!("{dir}/notice-{}.pdf", lang.code()), &pdf).unwrap();
        }
        let text = pdf_text(&pdf);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let expect: &[&str] = match lang {
            Lang::It => &[
                "Segnalazione al medico di famiglia",
                "Possibile incidente grave",
                "Niccolò D'Angelo",
                "Dott.ssa Lucia Bianchi",
                "CM80-2019-004711",
                "35152",
                "Riavvii inattesi",
                "Martedì sera il monitor si è riavviato due volte da solo.",
                "CVE-2025-0683",
                "ICSMA-25-030-01",
                "0010860-07/02/2025",
                "D.Lgs. 137/2022",
                "elenco v1 del 3 marzo 2025",
                "pagina 1 di",
                "80 anni o più",
                "«C»",
            ],
            Lang::En => &[
                "Notice for the family doctor",
                "Possible serious incident",
                "remote monitoring",
                "Patient's initials G. D.",
                "list v1 of 3 March 2025",
                "page 1 of",
                "Data for the serious incident report",
            ],
            Lang::De => &[
                "Mitteilung an die Hausärztin oder den Hausarzt",
                "Mögliches schwerwiegendes Vorkommnis",
                "Niccolò D'Angelo",
                "Fernüberwachung",
                "Initialen G. D.",
                "Liste v1 vom 3. März 2025",
                "Seite 1 von",
                "80 oder älter",
                "Das Gerät",
                "italienischen Gesundheitsministerium",
                "D.Lgs. 137/2022",
                "Angaben für die Meldung eines schwerwiegenden Vorkommnisses",
            ],
        };
        for e in expect {
            assert!(flat.contains(e), "{lang:?}: missing {e:?} in\n{text}");
        }
        assert!(!flat.contains("Giuseppina"));
    }
}

#[test]
fn german_pdf_keeps_umlauts_and_sharp_s() {
    // The bundled fonts must carry ä ö ü ß (and capitals) for German text,
    // both the app's own wording and what the sender typed.
    let mut f = form();
    f.observations = "Äußerst merkwürdige Werte; Größe übermäßig, Grüße aus Bozen.".into();
    let n = notice(&affected(), f);
    let pdf = render_pdf(&n, Lang::De, &photos()).unwrap();
    let flat = pdf_text(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for e in [
        "Das Gerät",
        "Anzeichen einer Manipulation",
        "Äußerst merkwürdige Werte; Größe übermäßig, Grüße aus Bozen.",
        "Unerwartete Neustarts",
        "Ärztin",
    ] {
        assert!(flat.contains(e), "missing {e:?} in\n{flat}");
    }
    assert!(!flat.contains("Notice for the family doctor"));
}

#[test]
fn pdf_survives_odd_input() {
    // Characters the font lacks, a huge word, a broken photo, long text.
    let mut f = form();
    f.observations = format!(
        "漢字 🙂 \u{E000} {} {}",
        "x".repeat(500),
        "Parola lunga e paziente. ".repeat(400)
    );
    let mut ph = photos();
    ph.push(PhotoFile {
        name: "rotta.heic".into(),
        bytes: vec![0, 1, 2, 3],
    });
    let n = notice(&unknown(), f);
    let pdf = render_pdf(&n, Lang::It, &ph).unwrap();
    let text = pdf_text(&pdf);
    assert!(text.contains("rotta.heic"));
    assert!(text.contains("pagina 3 di"), "several pages");
}

#[test]
fn eml_parses_back_with_attachments() {
    use mail_parser::{MessageParser, MimeHeaders};
    let n = notice(&affected(), form());
    let ph = photos();
    let pdf = render_pdf(&n, Lang::It, &ph).unwrap();
    let eml = render_eml(&n, Lang::It, &pdf, &ph).unwrap();
    let m = MessageParser::default().parse(&eml).unwrap();
    assert_eq!(m.subject(), Some(subject(&n, Lang::It).as_str()));
    assert!(m.subject().unwrap().contains("Possibile incidente grave"));
    let to = m.to().and_then(|a| a.first()).unwrap();
    assert_eq!(to.address(), Some("lucia.bianchi@asl.example.it"));
    assert_eq!(
        m.from().and_then(|a| a.first()).and_then(|a| a.address()),
        Some("niccolo.dangelo@example.it")
    );
    assert_eq!(
        m.date().unwrap().to_timestamp(),
        at().timestamp().as_second()
    );
    assert_eq!(m.header_raw("X-Unsent").map(str::trim), Some("1"));
    let body = m.body_text(0).unwrap();
    assert!(body.contains("Martedì sera il monitor si è riavviato"));
    let atts: Vec<_> = m.attachments().collect();
    let names: Vec<_> = atts.iter().map(|a| a.attachment_name().unwrap()).collect();
    assert_eq!(
        names,
        [
            "segnalazione-monitor-2025-03-10.pdf",
            "monitor-check-notice.json",
            "etichetta-retro.jpg",
            "etichetta-lato.jpg"
        ]
    );
    assert_eq!(atts[0].content_type().unwrap().subtype(), Some("pdf"));
    assert_eq!(atts[0].contents(), pdf.as_slice());
    // The notice's data, for the doctor's register.
    assert_eq!(atts[1].content_type().unwrap().subtype(), Some("json"));
    let data = crate::notice::NoticeData::parse(atts[1].contents()).unwrap();
    assert_eq!(data.notice_id, n.id);
    // Every answer, and the patient's name only if it is printed (not here).
    let mut said = n.form.clone();
    said.patient_full_name.clear();
    assert_eq!(data.answered_form(), said);
    assert!(!String::from_utf8_lossy(atts[1].contents()).contains("Giuseppina"));
    // Photos go out upright and without EXIF.
    let first = image::load_from_memory(atts[2].contents()).unwrap();
    assert_eq!((first.width(), first.height()), (1200, 1600));
    assert!(!atts[2].contents().windows(4).any(|w| w == b"Exif"));
}

#[test]
fn eml_without_addresses_has_no_to_or_from() {
    use mail_parser::MessageParser;
    let mut f = form();
    f.gp_email.clear();
    f.tamper.clear();
    f.sender_contact = "333 123 4567".into();
    let n = notice(&unknown(), f);
    let eml = render_eml(&n, Lang::En, b"%PDF-1.7", &[]).unwrap();
    let m = MessageParser::default().parse(&eml).unwrap();
    assert!(m.to().is_none());
    assert!(m.from().is_none());
    // The PDF and the notice's data.
    assert_eq!(m.attachments().count(), 2);
    assert!(
        m.subject()
            .unwrap()
            .starts_with("Patient monitor to identify")
    );
}
