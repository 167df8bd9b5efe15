//! The sheet a pharmacist prints for the patient at the counter, in the
//! patient's language: one page for the patient (the pharmacy, the verdict
//! in large type and its colour, the model, why, and what to do at home),
//! then the notice for the family doctor from a new page, so the patient
//! can hand those pages over as they are.
//!
//! Both parts are [`Doc`]s drawn by the notice's own PDF layout; nothing
//! here draws.

use serde::{Deserialize, Serialize};

use super::content::Notice;
use super::doc::{self, Block, Doc, Section};
use super::pdf::{self, PdfError};
use crate::explain;
use crate::guidance::{self, Role, TamperSign, Weight};
use crate::i18n::{Lang, has, tr, tr_args};
use crate::identify::VerdictKind;

/// The pharmacy that prints the sheet, as set once in the counter settings.
/// Either field may be empty; an empty one is left off the sheet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Pharmacy {
    /// Its name, e.g. "Farmacia Centrale".
    pub name: String,
    /// Its address, one or more lines.
    pub address: String,
}

/// The patient's sheet as A4 PDF bytes in `lang` (the patient's language,
/// which need not be the app's): the patient's page, then the notice for
/// the family doctor from page 2 on. The notice is printed without the
/// label photos: the sheet is for the patient to carry, and the photos stay
/// on the pharmacy's computer.
pub fn render_patient_sheet(
    notice: &Notice,
    pharmacy: &Pharmacy,
    lang: Lang,
) -> Result<Vec<u8>, PdfError> {
    let mut notice = notice.clone();
    notice.photo_names.clear();
    notice.unreadable_photos.clear();
    let patient = build(&notice, pharmacy, lang);
    let doctor = doctor_part(&notice, lang);
    let title = tr_args(
        lang,
        "sheet-pdf-title",
        &[("model", &doc::verdict_model(&notice, lang))],
    );
    let info = pdf::PdfInfo::for_notice(&notice, lang, &title);
    pdf::render_docs(&[&patient, &doctor], &info, &[])
}

/// The notice for the doctor, headed so the patient knows to hand it over.
pub(crate) fn doctor_part(notice: &Notice, lang: Lang) -> Doc {
    let mut d = doc::build(notice, lang);
    d.kicker = Some(tr(lang, "sheet-for-doctor"));
    d
}

/// The patient's page.
pub(crate) fn build(notice: &Notice, pharmacy: &Pharmacy, lang: Lang) -> Doc {
    let v = &notice.verdict;
    let mut letterhead = vec![pharmacy.name.trim().to_owned()];
    letterhead.extend(pharmacy.address.lines().map(|l| l.trim().to_owned()));
    letterhead.retain(|l| !l.is_empty());
    let model = doc::verdict_model(notice, lang);
    let reason_id = match v.verdict {
        VerdictKind::Affected => "sheet-reason-affected",
        VerdictKind::NotAffected => "sheet-reason-not-affected",
        VerdictKind::Unknown => "sheet-reason-unknown",
    };
    let model_arg = v.model.as_deref().unwrap_or_default();
    let result = Section {
        heading: String::new(),
        blocks: vec![
            Block::Verdict(v.verdict, explain::headline(lang, v)),
            Block::Field(tr(lang, "notice-f-model"), model),
            Block::Para(tr_args(lang, reason_id, &[("model", model_arg)])),
        ],
        new_page: false,
    };
    let mut home = Section {
        heading: tr(lang, "sheet-h-home"),
        blocks: home_steps(v.verdict, lang),
        new_page: false,
    };
    home.blocks
        .push(Block::Para(tr(lang, "sheet-doctor-pages")));
    let footer = doc::build(notice, lang).footer;
    Doc {
        letterhead,
        kicker: Some(tr(lang, "sheet-for-patient")),
        title: tr(lang, "sheet-title"),
        subtitle: String::new(),
        alert: None,
        header: vec![(
            tr(lang, "notice-checked-at"),
            doc::format_datetime(lang, &notice.checked_at),
        )],
        sections: vec![result, home],
        footer,
        photo_names: Vec::new(),
    }
}

/// The carer's steps for `kind`, worded for paper: a step whose screen
/// wording points at the app has a `.sheet` attribute, and the check for
/// tampering lists its signs. Urgent steps are bold. The first step, the
/// one that matters most, is followed by its drawing (the plug out and
/// Wi-Fi off), the same the app shows; the C key crossed out hangs small
/// in the margin beside its step, so the patient's part stays on one page.
fn home_steps(kind: VerdictKind, lang: Lang) -> Vec<Block> {
    let mut blocks = Vec::new();
    for step in guidance::steps(kind, Role::Carer) {
        let sheet_id = format!("{}.sheet", step.message_id);
        let text = if has(lang, &sheet_id) {
            tr(lang, &sheet_id)
        } else {
            tr(lang, step.message_id)
        };
        let picture = crate::drawing::PictureId::for_step(step.message_id);
        if let Some(icon @ crate::drawing::PictureId::NoCKey) = picture {
            blocks.push(Block::Icon(icon, lang));
        }
        blocks.push(match step.weight {
            Weight::Urgent => Block::StrongBullet(text),
            Weight::Normal | Weight::Info => Block::Bullet(text),
        });
        if let Some(picture @ crate::drawing::PictureId::Unplug) = picture {
            blocks.push(Block::Picture(picture, lang));
        }
        if step.message_id == "guide-check-tampering" {
            for sign in TamperSign::ALL {
                blocks.push(Block::SubBullet(tr(lang, sign.message_id())));
            }
        }
    }
    blocks
}

#[cfg(test)]
mod tests;
