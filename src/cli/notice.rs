//! `notice`: writes the notice for the family doctor as text, PDF,
//! e-mail (`.eml`, never sent) or its data as JSON, from typed label text
//! and optional photos, with the answers given as options.
//!
//! The CLI is a caller, so it may read the clock and the files; the notice
//! core gets them passed in.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use super::FormatArg;
use crate::catalog::Catalog;
use crate::guidance::{Role, TamperSign};
use crate::i18n::Lang;
use crate::identify::Verdict;
use crate::notice::{self, Answer, IdentifiedBy, Notice, NoticeData, NoticeForm, PhotoFile};
use crate::ocr::{self, OcrError, PhotoText};
use crate::photos::CheckError;

/// Arguments of `notice`.
pub(super) struct Args {
    pub text: Option<String>,
    pub serial: Option<String>,
    pub photos: Vec<PathBuf>,
    pub gp: Option<String>,
    pub gp_email: Option<String>,
    pub initials: Option<String>,
    pub role: Role,
    pub sender_name: Option<String>,
    pub sender_contact: Option<String>,
    /// Signs of tampering seen.
    pub seen: Vec<TamperSign>,
    /// Whether the other signs were looked for.
    pub no_other_signs: bool,
    pub still_used: Option<Answer>,
    pub lang: Lang,
    pub format: FormatArg,
    pub output: PathBuf,
}

pub(super) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let text = args.text.as_deref().map(str::trim).unwrap_or_default();
    if text.is_empty() && args.photos.is_empty() {
        anyhow::bail!("give what the label says with --text, or photos of the label with --photo");
    }
    let photos = read_photos(&args.photos)?;
    let list = super::update::active_list();
    let (verdict, unreadable) = identify(&list.catalog, text, &photos)?;

    let given = |o: &Option<String>| o.as_deref().map(str::trim).unwrap_or_default().to_owned();
    let mut form = NoticeForm {
        gp_name: given(&args.gp),
        gp_email: given(&args.gp_email),
        patient_initials: given(&args.initials),
        sender_role: args.role,
        sender_name: given(&args.sender_name),
        sender_contact: given(&args.sender_contact),
        ..NoticeForm::default()
    };
    for sign in &args.seen {
        form.set_tamper_answer(*sign, Answer::Yes);
    }
    if args.no_other_signs {
        form.no_other_signs();
    }
    if let Some(answer) = args.still_used {
        form.actions.still_used_locally = answer;
    }
    if let Some(serial) = args.serial.as_deref().map(str::trim) {
        // The user's serial wins over one read from a UDI.
        serial.clone_into(&mut form.device.serial);
    }
    form.prefill(&verdict, &list.catalog);
    if !text.is_empty() {
        // The label was typed here, whatever the matcher made of it.
        form.identified_by.insert(IdentifiedBy::Typed);
    }
    let mut notice = build(form, &verdict, &list.catalog, &photos);
    // Named in every format, the text one included: it has no photos to
    // decode by itself.
    notice.unreadable_photos = unreadable;

    let bytes = match args.format {
        FormatArg::Txt => notice::render_text(&notice, args.lang).into_bytes(),
        FormatArg::Pdf => notice::render_pdf(&notice, args.lang, &photos)?,
        FormatArg::Json => NoticeData::from_notice(&notice, args.lang).to_json(),
        FormatArg::Eml => {
            let pdf = notice::render_pdf(&notice, args.lang, &photos)?;
            notice::render_eml(&notice, args.lang, &pdf, &photos)?
        }
    };
    crate::fsutil::write_atomic(&args.output, &bytes)?;
    Ok(ExitCode::SUCCESS)
}

/// Reads the photos to attach, refusing the first that cannot be read.
fn read_photos(paths: &[PathBuf]) -> anyhow::Result<Vec<PhotoFile>> {
    paths
        .iter()
        // The error names the file.
        .map(|path| Ok(PhotoFile::read(path)?))
        .collect()
}

/// The verdict for the typed text and what the photos show, together
/// ([`crate::photos::verdict`]), and the names of the photos that could not
/// be decoded. Those are reported on stderr and named in the notice instead
/// of attached; only when nothing at all is left to identify from is that
/// an error.
fn identify(
    catalog: &Catalog,
    text: &str,
    photos: &[PhotoFile],
) -> anyhow::Result<(Verdict, Vec<String>)> {
    const REFUSED: &str = "the text given with --text was refused";
    // Refused text is reported before the slow part, reading the photos.
    crate::photos::typed_reading(text).context(REFUSED)?;
    let mut texts: Vec<(&str, PhotoText)> = Vec::new();
    let mut unreadable = Vec::new();
    if !photos.is_empty() {
        let reader = ocr::Reader::new().context("the text reader could not start")?;
        for photo in photos {
            match reader.read(&photo.bytes, &photo.name, &ocr::Progress::new()) {
                Ok(read) => texts.push((photo.name.as_str(), read)),
                Err(OcrError::Picture(e)) => unreadable.push((photo.name.clone(), e)),
                Err(e) => {
                    return Err(e)
                        .with_context(|| format!("photo {} could not be read", photo.name));
                }
            }
        }
    }
    let read: Vec<(&str, &PhotoText)> = texts.iter().map(|(name, t)| (*name, t)).collect();
    let verdict = match crate::photos::verdict(catalog, text, &read) {
        Ok(verdict) => verdict,
        Err(CheckError::NothingRead) => {
            let why: Vec<String> = unreadable
                .iter()
                .map(|(name, e)| format!("{name}: {e}"))
                .collect();
            anyhow::bail!(
                "no photo could be read ({}): give what the label says with --text",
                why.join("; ")
            );
        }
        Err(CheckError::Text(e)) => return Err(e).context(REFUSED),
    };
    for (name, e) in &unreadable {
        eprintln!(
            "monitor-check: photo {name} could not be read ({e}): the notice names it and it \
             is not attached"
        );
    }
    let unreadable = unreadable.into_iter().map(|(name, _)| name).collect();
    Ok((verdict, unreadable))
}

/// The notice as of now, with `photos` attached.
fn build(form: NoticeForm, verdict: &Verdict, catalog: &Catalog, photos: &[PhotoFile]) -> Notice {
    let names = photos.iter().map(|p| p.name.clone()).collect();
    Notice::new(
        form,
        verdict,
        catalog,
        jiff::Zoned::now(),
        crate::APP_VERSION,
        names,
    )
}
