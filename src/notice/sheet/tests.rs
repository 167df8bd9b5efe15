//! The patient's sheet: its words in both languages, read back from the
//! PDF, and no reassurance where the verdict is not known.

use super::*;
use crate::i18n::{self, Lang};
use crate::identify::Verdict;
use crate::notice::tests::{affected, form, notice, pdf_text, unknown};
use crate::notice::text;

fn pharmacy() -> Pharmacy {
    Pharmacy {
        name: "Farmacia San Lorenzo".into(),
        address: "Via Roma 12\n50123 Firenze".into(),
    }
}

fn not_affected() -> Verdict {
    let mut v = unknown();
    v.verdict = VerdictKind::NotAffected;
    v.model = Some("CMS50D".into());
    v.cautions.clear();
    v
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sheet's text as `pdf_text` reads it, one string per page.
fn pages(n: &Notice, ph: &Pharmacy, lang: Lang) -> Vec<String> {
    let pdf = render_patient_sheet(n, ph, lang).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    if let Ok(dir) = std::env::var("NOTICE_PDF_OUT") {
        let kind = format!("{:?}", n.verdict.verdict).to_lowercase();
        std::fs::write(format!("{dir}/sheet-{kind}-{}.pdf", lang.code()), &pdf).unwrap();
    }
    pdf_text(&pdf).split('\u{c}').map(flat).collect()
}

/// Phrases that would tell a patient all is well. None may appear on the
/// sheet of a monitor nobody could identify.
/// (A caution may say a variant "is not on the list"; the verdict says the
/// model read ", is not on the list".)
const REASSURANCE: &[&str] = &[
    ", is not on the list",
    "all-clear",
    "all clear",
    "nothing else is needed",
    ", non è nell'elenco",
    "tutto a posto",
    "non serve",
    ", steht nicht auf der liste",
    "nichts weiter nötig",
    "alles in ordnung",
];

#[test]
fn affected_sheet_in_both_languages() {
    let n = notice(&affected(), form());
    for lang in Lang::ALL {
        let pages = pages(&n, &pharmacy(), lang);
        let first = &pages[0];
        let expect: &[&str] = match lang {
            Lang::It => &[
                "Farmacia San Lorenzo",
                "Via Roma 12",
                "Per il paziente",
                "Questo monitor (CMS8000) è nell'elenco dei modelli coinvolti",
                "Modello CMS8000",
                "Cosa fare a casa",
                "Stacchi il cavo di rete",
                "Il monitor si è riavviato da solo",
                "10 marzo 2025",
            ],
            Lang::En => &[
                "Farmacia San Lorenzo",
                "50123 Firenze",
                "For the patient",
                "This monitor (CMS8000) is on the list of affected models",
                "Model CMS8000",
                "What to do at home",
                "Unplug the network cable",
                "The monitor restarted by itself",
                "10 March 2025",
            ],
            Lang::De => &[
                "Farmacia San Lorenzo",
                "Via Roma 12",
                "Für die Patientin oder den Patienten",
                "Dieser Monitor (CMS8000) steht auf der Liste der betroffenen Modelle",
                "Modell CMS8000",
                "Was zu Hause zu tun ist",
                "Ziehen Sie das Netzwerkkabel",
                "Der Monitor hat sich von selbst neu gestartet",
                "10. März 2025",
            ],
        };
        for e in expect {
            assert!(
                first.contains(e),
                "{lang:?}: missing {e:?} on page 1:\n{first}"
            );
        }
        // The patient's part fits one page; the doctor's starts on page 2.
        assert!(
            pages[1].starts_with(&tr(lang, "sheet-for-doctor")),
            "{}",
            pages[1]
        );
        let doctor = pages[1..].join(" ");
        for e in [
            tr(lang, "sheet-for-doctor"),
            tr(lang, "notice-title"),
            "Dott.ssa Lucia Bianchi".to_owned(),
            "CVE-2025-0683".to_owned(),
        ] {
            assert!(
                doctor.contains(&e),
                "{lang:?}: missing {e:?} after page 1:\n{doctor}"
            );
        }
        assert!(!first.contains(&tr(lang, "notice-title")));
        // Words for the app's screens stay off paper.
        let app_wording = tr(lang, "guide-tell-gp");
        assert!(!pages.iter().any(|p| p.contains(&app_wording)));
        assert!(!pages.iter().any(|p| p.contains("Giuseppina")));
    }
}

#[test]
fn unknown_sheet_never_reassures() {
    let mut f = form();
    f.tamper.clear();
    let n = notice(&unknown(), f);
    for lang in Lang::ALL {
        let all = pages(&n, &pharmacy(), lang).join(" ");
        assert!(
            all.contains(&tr(lang, "result-unknown")),
            "{lang:?}:\n{all}"
        );
        assert!(all.contains(&tr(lang, "sheet-reason-unknown")), "{lang:?}");
        assert!(
            all.contains(&tr(lang, "guide-unknown-precaution")),
            "{lang:?}"
        );
        for phrase in REASSURANCE {
            assert!(
                !all.to_lowercase().contains(phrase),
                "{lang:?}: {phrase:?} on an unknown sheet:\n{all}"
            );
        }
        // The same check on the text the same document gives.
        let text = text::render_doc(&build(&n, &pharmacy(), lang), lang).to_lowercase();
        assert!(text.contains(">> "), "{text}");
        for phrase in REASSURANCE {
            assert!(!text.contains(phrase), "{lang:?}: {phrase:?} in\n{text}");
        }
    }
    // The phrases are real: the sheet of a monitor not on the list has some.
    let n = notice(&not_affected(), form());
    for lang in Lang::ALL {
        let all = pages(&n, &pharmacy(), lang).join(" ").to_lowercase();
        assert!(REASSURANCE.iter().any(|p| all.contains(p)), "{lang:?}");
    }
}

#[test]
fn not_affected_sheet_is_neutral_and_checked() {
    let n = notice(&not_affected(), form());
    let d = build(&n, &pharmacy(), Lang::En);
    let verdicts: Vec<_> = d
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Verdict(kind, text) => Some((*kind, text.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        verdicts,
        [(
            VerdictKind::NotAffected,
            "The model we read, CMS50D, is not on the list".to_owned()
        )]
    );
    let first = &pages(&n, &pharmacy(), Lang::En)[0];
    assert!(first.contains("not an all-clear"), "{first}");
    assert!(first.contains("Check once more that the model on the label"));
}

#[test]
fn empty_pharmacy_leaves_no_gap_or_label() {
    let n = notice(&affected(), form());
    let d = build(&n, &Pharmacy::default(), Lang::It);
    assert!(d.letterhead.is_empty());
    let with_blank_lines = Pharmacy {
        name: "  ".into(),
        address: "\n Via Roma 12 \n\n".into(),
    };
    let d = build(&n, &with_blank_lines, Lang::It);
    assert_eq!(d.letterhead, ["Via Roma 12"]);
    // The sheet still opens with whom it is for.
    let first = &pages(&n, &Pharmacy::default(), Lang::It)[0];
    assert!(first.starts_with("Per il paziente"), "{first}");
}

#[test]
fn urgent_steps_are_bold_and_every_sheet_message_exists() {
    for verdict in [affected(), unknown(), not_affected()] {
        for lang in Lang::ALL {
            let n = notice(&verdict, form());
            let d = build(&n, &pharmacy(), lang);
            let steps = guidance::steps(verdict.verdict, Role::Carer);
            let strong = d
                .sections
                .iter()
                .flat_map(|s| &s.blocks)
                .filter(|b| matches!(b, Block::StrongBullet(_)))
                .count();
            let urgent = steps.iter().filter(|s| s.weight == Weight::Urgent).count();
            assert_eq!(strong, urgent, "{lang:?} {:?}", verdict.verdict);
            let text = text::render_doc(&d, lang);
            assert!(!text.contains("sheet-"), "{lang:?}: {text}");
            assert!(!text.contains("guide-"), "{lang:?}: {text}");
            assert!(i18n::has(lang, "sheet-pdf-title"));
        }
    }
}

/// The first step's drawing is on paper too, right after the step, the C
/// key small beside its step, and the patient's page still fits one page.
#[test]
fn the_first_steps_are_drawn_on_the_sheet() {
    use crate::drawing::PictureId;
    let n = notice(&affected(), form());
    for lang in Lang::ALL {
        let d = build(&n, &pharmacy(), lang);
        let blocks: Vec<&Block> = d.sections.iter().flat_map(|s| &s.blocks).collect();
        assert!(!blocks.contains(&&Block::Picture(PictureId::NoCKey, lang)));
        let icon = blocks
            .iter()
            .position(|b| **b == Block::Icon(PictureId::NoCKey, lang))
            .unwrap_or_else(|| panic!("the C key on the {lang:?} sheet"));
        let no_c = i18n::tr(lang, "guide-no-c-key");
        let beside = format!("{:?}", blocks[icon + 1]);
        assert!(
            beside.contains(&no_c.chars().take(20).collect::<String>()),
            "{beside}"
        );
        let at = blocks
            .iter()
            .position(|b| **b == Block::Picture(PictureId::Unplug, lang))
            .unwrap_or_else(|| panic!("the plug on the {lang:?} sheet"));
        let before = format!("{:?}", blocks[at - 1]);
        let words = if i18n::has(lang, "guide-unplug.sheet") {
            i18n::tr(lang, "guide-unplug.sheet")
        } else {
            i18n::tr(lang, "guide-unplug")
        };
        let start: String = words.chars().take(20).collect();
        assert!(before.contains(&start), "{before}");
        // The notice for the doctor draws only the plug, beside the
        // answers about the connection.
        let doctor = doctor_part(&n, lang);
        let drawn: Vec<&Block> = doctor
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|b| {
                matches!(
                    b,
                    Block::Picture(..) | Block::PictureBeside(..) | Block::Icon(..)
                )
            })
            .collect();
        assert_eq!(drawn, [&Block::PictureBeside(PictureId::Unplug, lang)]);
    }
    let pdf = render_patient_sheet(&n, &pharmacy(), Lang::It).unwrap();
    let text = pdf_text(&pdf);
    let first = text.split('\u{c}').next().unwrap();
    assert!(first.contains("Farmacia San Lorenzo"), "{first}");
}
