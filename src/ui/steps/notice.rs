//! Step 5: the notice for the family doctor — the form, a live preview, and
//! copy / save / e-mail / print. Files are written on a worker thread.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::StepCtx;
use crate::i18n::{Lang, tr};
use crate::identify::Verdict;
use crate::leaflet::Doctor;
use crate::notice::{self, AgeBand, Answer, Notice, NoticeForm, PhotoFile};
// The register screen names it through here.
use crate::ui::dialogs::Dialogs;
use crate::ui::jobs::{self, Job};
use crate::ui::patient_files::Folder;
use crate::ui::theme;
use crate::ui::widgets;
use crate::ui::wizard::Action;

/// A file the notice step writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Plain text.
    Text,
    /// PDF.
    Pdf,
    /// `.eml`, opened in the mail program.
    Email,
    /// PDF opened in the system viewer to print.
    Print,
}

/// How a file job ended.
#[derive(Debug)]
pub enum Outcome {
    /// Written to this path.
    Written(Output, PathBuf),
    /// Written to this path, but no program could open it; the detail is
    /// for the "Details" line.
    NotOpened(Output, PathBuf, String),
    /// The user closed the dialog or pressed Cancel.
    Cancelled,
    /// It failed; the message is for the "Details" line.
    Failed(String),
}

/// The notice being written: its form (which the guidance step fills in
/// too) and what the notice step keeps between frames.
#[derive(Default)]
pub struct State {
    /// The notice's id, the same in all its renderings and kept in the
    /// draft; empty until the notice step first shows, and a new notice
    /// (after Discard or Start over) gets a new one. (The app swaps this
    /// state out with its default every frame, so the default is free.)
    pub id: String,
    /// What the user has said so far.
    pub form: NoticeForm,
    /// The language the notice is written in, when the user chose one
    /// other than the app's (the doctor may read another language).
    pub lang: Option<Lang>,
    job: Option<Job<Outcome>>,
    message: Option<(bool, String)>,
    built: Option<Built>,
    /// A doctor card being chosen or read.
    card: Option<Job<Option<Result<Doctor, String>>>>,
}

/// What a notice is made of; it is rebuilt only when one of them changes.
type Inputs = (String, NoticeForm, Lang, Verdict, Vec<String>, Vec<String>);

/// The notice and its renderings, built once per change of what they are
/// made from rather than on every frame.
struct Built {
    from: Inputs,
    notice: Notice,
    text: String,
    mailto: String,
}

impl Built {
    /// Makes `slot` hold the notice for `from`, rebuilding it only when
    /// `from` changed.
    fn refresh(slot: &mut Option<Built>, ctx: &StepCtx<'_>, from: Inputs) {
        if slot.as_ref().is_some_and(|b| b.from == from) {
            return;
        }
        let (id, form, lang, verdict, names, unreadable) = &from;
        let mut notice = Notice::new(
            form.clone(),
            verdict,
            ctx.catalog,
            ctx.checked_at.clone(),
            crate::APP_VERSION,
            names.clone(),
        );
        notice.id.clone_from(id);
        notice.unreadable_photos.clone_from(unreadable);
        let text = notice::render_text(&notice, *lang);
        let mailto = notice::mailto_url(&notice, *lang);
        *slot = Some(Built {
            from,
            notice,
            text,
            mailto,
        });
    }
}

/// Draws the notice step.
pub fn ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State) -> Option<Action> {
    let lang = ctx.lang;
    let mut action = None;
    let Some(verdict) = ctx.verdict else {
        return Some(Action::Back);
    };
    ui.heading(tr(lang, "ui-notice-heading"));
    if ctx.restored {
        ui.label(RichText::new(tr(lang, "ui-notice-restored")).strong());
    }
    ui.label(tr(lang, "ui-notice-intro"));
    let names = ctx
        .photo_paths
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .chain(ctx.taken_photos.iter().map(|p| p.name.clone()))
        .collect();
    if state.id.is_empty() {
        state.id = notice::id::new_notice_id();
    }
    // The notice's own language: the app's unless the user chose another.
    let notice_lang = notice_lang_ui(ui, lang, state);
    let from = (
        state.id.clone(),
        state.form.clone(),
        notice_lang,
        verdict.clone(),
        names,
        ctx.unreadable_photos.to_vec(),
    );
    let mut built = state.built.take();
    Built::refresh(&mut built, ctx, from);
    let current = built.as_ref()?;

    // What most people came for comes first; the form refines it.
    ui.add_space(theme::GAP);
    actions_ui(ui, ctx, current, notice_lang, state);
    ui.add_space(theme::GAP);

    if let Some(from_card) = card_ui(ui, ctx, state) {
        action = Some(from_card);
    }
    form_ui(ui, lang, &mut state.form);
    ui.add_space(theme::GAP);
    egui::CollapsingHeader::new(RichText::new(tr(lang, "ui-notice-preview")).strong())
        .default_open(true)
        .show(ui, |ui| {
            // The preview shows what the form said at the start of this
            // frame; an edit made in this frame shows in the next one.
            let mut text = current.text.as_str();
            let label = ui.label(tr(lang, "ui-notice-preview-label"));
            ui.add(
                egui::TextEdit::multiline(&mut text)
                    .font(egui::TextStyle::Monospace)
                    .interactive(false)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        });

    ui.add_space(theme::GAP);
    // Under an id of their own, so that a message shown or hidden above
    // (a file written, a job started) does not change who they are for a
    // screen reader, or for a click on its way.
    let end = egui::UiBuilder::new().scope_id(egui::Id::unique("notice-end"));
    ui.scope_builder(end, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr(lang, "ui-notice-start-over")).clicked() {
                action = Some(Action::StartOver);
            }
            if ui.button(tr(lang, "ui-notice-discard")).clicked() {
                action = Some(Action::Discard);
            }
        });
    });
    state.built = built;
    action
}

/// "Fill in from the doctor's card…", and a card dropped on the window:
/// read on a worker thread, it fills in the doctor (an [`Action`]).
fn card_ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State) -> Option<Action> {
    let lang = ctx.lang;
    let dropped: Vec<PathBuf> = crate::ui::photo_reading::dropped_paths(ui)
        .into_iter()
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        })
        .collect();
    let idle = state.card.is_none();
    let clicked = ui
        .add_enabled(idle, egui::Button::new(tr(lang, "ui-notice-doctor-card")))
        .on_hover_text(tr(lang, "ui-notice-doctor-card-hint"))
        .clicked();
    let chosen = match (dropped.into_iter().next(), clicked, ctx.dialogs) {
        (Some(path), _, _) => Some(Some(path)),
        // Tests drop the card instead.
        (None, true, Dialogs::System) => Some(None),
        _ => None,
    };
    if idle && let Some(path) = chosen {
        let spawned = Job::spawn("card-reader", ui.ctx(), move |_| {
            let path = path.or_else(|| {
                rfd::FileDialog::new()
                    .add_filter("Monitor Check", &["json"])
                    .pick_file()
            })?;
            Some(super::leaflet::read_card(&path))
        });
        match spawned {
            Ok(job) => state.card = Some(job),
            Err(e) => state.message = Some((false, jobs::not_started_message(lang, &e))),
        }
    }
    let done = state.card.as_mut().and_then(Job::poll);
    if let Some(job) = state.card.as_ref().filter(|j| j.is_lost()) {
        state.message = Some((false, jobs::lost_message(lang, job)));
        state.card = None;
    }
    let read = done?;
    state.card = None;
    match read? {
        Ok(doctor) => {
            state.message = Some((
                true,
                crate::i18n::tr_args(
                    lang,
                    "ui-notice-doctor-card-read",
                    &[("name", &doctor.name)],
                ),
            ));
            Some(Action::DoctorCard(Box::new(doctor)))
        }
        Err(e) => {
            state.message = Some((false, e));
            None
        }
    }
}

fn form_ui(ui: &mut Ui, lang: Lang, form: &mut NoticeForm) {
    section(ui, &tr(lang, "ui-notice-section-gp"));
    widgets::text_field(ui, &tr(lang, "ui-notice-gp-name"), &mut form.gp_name, "");
    widgets::text_field(ui, &tr(lang, "ui-notice-gp-email"), &mut form.gp_email, "");

    section(ui, &tr(lang, "ui-notice-section-sender"));
    widgets::text_field(
        ui,
        &tr(lang, "ui-notice-sender-name"),
        &mut form.sender_name,
        "",
    );
    widgets::text_field(
        ui,
        &tr(lang, "ui-notice-sender-contact"),
        &mut form.sender_contact,
        "",
    );

    section(ui, &tr(lang, "notice-h-patient"));
    widgets::text_field(
        ui,
        &tr(lang, "notice-f-initials"),
        &mut form.patient_initials,
        "",
    );
    ui.label(tr(lang, "notice-f-age-band"));
    ui.horizontal_wrapped(|ui| {
        ui.radio_value(&mut form.age_band, None, tr(lang, "ui-notice-age-not-said"));
        for band in AgeBand::ALL {
            ui.radio_value(&mut form.age_band, Some(band), tr(lang, band.message_id()));
        }
    });
    ui.checkbox(
        &mut form.print_full_name,
        tr(lang, "ui-notice-print-full-name"),
    );
    if form.print_full_name {
        widgets::text_field(
            ui,
            &tr(lang, "notice-f-full-name"),
            &mut form.patient_full_name,
            "",
        );
    }
    widgets::text_field(
        ui,
        &tr(lang, "notice-f-place"),
        &mut form.place_of_use,
        &tr(lang, "ui-notice-place-hint"),
    );

    section(ui, &tr(lang, "notice-h-device"));
    let d = &mut form.device;
    for (id, value) in [
        ("notice-f-model", &mut d.model),
        ("notice-f-brand", &mut d.brand),
        ("notice-f-manufacturer", &mut d.manufacturer),
        ("notice-f-serial", &mut d.serial),
        ("notice-f-importer-code", &mut d.importer_code),
        ("notice-f-manufactured", &mut d.manufactured),
        ("notice-f-udi", &mut d.udi),
        ("notice-f-firmware", &mut d.firmware),
    ] {
        widgets::text_field(ui, &tr(lang, id), value, "");
    }

    section(ui, &tr(lang, "notice-h-connection"));
    let question = tr(lang, "notice-f-still-used");
    widgets::choice_ui(
        ui,
        question.as_str(),
        &question,
        &mut form.actions.still_used_locally,
        &[
            (Answer::NotAnswered, tr(lang, "ui-notice-not-said")),
            (Answer::Yes, tr(lang, "ui-yes")),
            (Answer::No, tr(lang, "ui-no")),
        ],
    );
    widgets::text_field(
        ui,
        &tr(lang, "notice-f-when"),
        &mut form.actions.when,
        &tr(lang, "ui-notice-when-hint"),
    );

    section(ui, &tr(lang, "notice-h-observations"));
    widgets::text_area(
        ui,
        &tr(lang, "ui-notice-observations"),
        &mut form.observations,
        "",
        3,
    );
    widgets::text_area(ui, &tr(lang, "ui-notice-request"), &mut form.request, "", 2);
}

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(theme::GAP);
    ui.label(theme::title(title));
}

/// "Language of the notice": the app's by default, or another one.
fn notice_lang_ui(ui: &mut Ui, lang: Lang, state: &mut State) -> Lang {
    let mut chosen = state.lang.unwrap_or(lang);
    let choices: Vec<(Lang, String)> = Lang::ALL
        .into_iter()
        .map(|l| (l, l.native_name().to_owned()))
        .collect();
    let question = tr(lang, "ui-notice-language");
    if widgets::choice_ui(ui, question.as_str(), &question, &mut chosen, &choices) {
        state.lang = (chosen != lang).then_some(chosen);
    }
    chosen
}

fn actions_ui(ui: &mut Ui, ctx: &StepCtx<'_>, built: &Built, notice_lang: Lang, state: &mut State) {
    let notice = &built.notice;
    let lang = ctx.lang;
    if let Some(job) = &mut state.job {
        if let Some(outcome) = job.poll() {
            state.message = Some(outcome_message(lang, &outcome));
            state.job = None;
        } else if job.is_lost() {
            let detail = job.lost_detail().unwrap_or_default();
            state.message = Some((
                false,
                jobs::with_details(lang, &tr(lang, "ui-notice-failed"), detail),
            ));
            state.job = None;
        }
    }
    if ctx.data_dir.is_none() {
        ui.label(RichText::new(tr(lang, "ui-notice-no-data-dir")).small());
    }
    if let Some(job) = &state.job {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(tr(lang, "ui-notice-working"));
            if ui.button(tr(lang, "ui-cancel")).clicked() {
                job.cancel();
            }
        });
    }
    let idle = state.job.is_none();
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr(lang, "ui-notice-copy")).clicked() {
            ui.ctx().copy_text(built.text.clone());
            state.message = Some((true, tr(lang, "ui-notice-copied")));
        }
        let mut start = None;
        if ui
            .add_enabled(idle, egui::Button::new(tr(lang, "ui-notice-save-pdf")))
            .clicked()
        {
            start = Some(Output::Pdf);
        }
        if ui
            .add_enabled(idle, egui::Button::new(tr(lang, "ui-notice-save-text")))
            .clicked()
        {
            start = Some(Output::Text);
        }
        if ui
            .add_enabled(idle, egui::Button::new(tr(lang, "ui-notice-email")))
            .clicked()
        {
            start = Some(Output::Email);
        }
        if ui
            .add_enabled(idle, egui::Button::new(tr(lang, "ui-notice-print")))
            .clicked()
        {
            start = Some(Output::Print);
        }
        if let Some(output) = start {
            state.message = None;
            match start_job(ui.ctx(), ctx, notice, notice_lang, output) {
                Ok(job) => state.job = Some(job),
                Err(e) => state.message = Some((false, jobs::not_started_message(lang, &e))),
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(tr(lang, "ui-notice-webmail"));
        ui.hyperlink_to(tr(lang, "ui-notice-webmail-link"), &built.mailto);
    });
    if let Some((ok, text)) = &state.message {
        let color = if *ok {
            ui.visuals().text_color()
        } else {
            theme::error_color(ctx.look)
        };
        ui.label(RichText::new(text).strong().color(color));
    }
}

fn outcome_message(lang: Lang, outcome: &Outcome) -> (bool, String) {
    match outcome {
        Outcome::Written(Output::Email, path) => (
            true,
            crate::i18n::tr_args(
                lang,
                "ui-notice-email-ready",
                &[("path", &path.display().to_string())],
            ),
        ),
        Outcome::Written(Output::Print, _) => (true, tr(lang, "ui-notice-print-ready")),
        Outcome::Written(_, path) => (
            true,
            crate::i18n::tr_args(
                lang,
                "ui-notice-saved",
                &[("path", &path.display().to_string())],
            ),
        ),
        Outcome::NotOpened(output, path, detail) => {
            let id = if *output == Output::Email {
                "ui-notice-email-not-opened"
            } else {
                "ui-notice-print-not-opened"
            };
            let message = crate::i18n::tr_args(lang, id, &[("path", &path.display().to_string())]);
            (
                false,
                format!("{message}\n{}: {detail}", tr(lang, "ui-details")),
            )
        }
        Outcome::Cancelled => (true, tr(lang, "ui-notice-cancelled")),
        Outcome::Failed(detail) => (
            false,
            jobs::with_details(lang, &tr(lang, "ui-notice-failed"), detail),
        ),
    }
}

fn start_job(
    egui_ctx: &egui::Context,
    ctx: &StepCtx<'_>,
    notice: &Notice,
    lang: Lang,
    output: Output,
) -> std::io::Result<Job<Outcome>> {
    let notice = notice.clone();
    let photo_paths = ctx.photo_paths.to_vec();
    let taken: Vec<_> = ctx.taken_photos.to_vec();
    let dialogs = ctx.dialogs.clone();
    // Copies for the mail program and the printer go to the outbox, which
    // is removed with the notice; with no data folder, where the user
    // chooses.
    let writer = match output {
        Output::Email | Output::Print => ctx.files.writer(Folder::Outbox),
        Output::Text | Output::Pdf => None,
    };
    let (extension, kind) = match output {
        Output::Text => ("txt", "Text"),
        Output::Pdf | Output::Print => ("pdf", "PDF"),
        Output::Email => ("eml", "E-mail"),
    };
    let file_name = notice::eml::file_name(&notice, lang, extension);
    Job::spawn("notice-writer", egui_ctx, move |r| {
        let target = match &writer {
            Some(writer) => writer.folder().join(&file_name),
            None => match dialogs.save_path(&file_name, kind, extension) {
                Some(path) => path,
                None => return Outcome::Cancelled,
            },
        };
        r.progress(0.2, "");
        // A photo that cannot be read is named in the notice, not dropped.
        let mut notice = notice;
        let mut photos = Vec::new();
        for path in &photo_paths {
            if let Ok(photo) = PhotoFile::read(path) {
                photos.push(photo);
            } else {
                let name = crate::photos::display_name(path);
                if !notice.unreadable_photos.contains(&name) {
                    notice.unreadable_photos.push(name);
                }
            }
        }
        // A photo taken with the camera reaches the disk only here, inside
        // the notice.
        photos.extend(taken.iter().map(|p| (**p).clone()));
        if r.cancelled() {
            return Outcome::Cancelled;
        }
        let bytes = match output {
            Output::Text => Ok(notice::render_text(&notice, lang).into_bytes()),
            Output::Pdf | Output::Print => {
                notice::render_pdf(&notice, lang, &photos).map_err(|e| e.to_string())
            }
            Output::Email => notice::render_pdf(&notice, lang, &photos)
                .map_err(|e| e.to_string())
                .and_then(|pdf| {
                    notice::render_eml(&notice, lang, &pdf, &photos).map_err(|e| e.to_string())
                }),
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => return Outcome::Failed(e),
        };
        r.progress(0.8, "");
        if r.cancelled() {
            return Outcome::Cancelled;
        }
        if let Some(parent) = target.parent()
            && let Err(e) = crate::fsutil::create_dir_all(parent)
        {
            return Outcome::Failed(e.to_string());
        }
        if let Err(e) = crate::fsutil::write_atomic(&target, &bytes) {
            return Outcome::Failed(e.to_string());
        }
        if matches!(output, Output::Email | Output::Print)
            && dialogs == Dialogs::System
            && let Err(e) = jobs::open_with_system(&target)
        {
            return Outcome::NotOpened(output, target, e.to_string());
        }
        Outcome::Written(output, target)
    })
}
