//! The counter's sheet for the patient (print it, or save it as PDF), the
//! printer setting and the tally. The PDF is made and printed on a worker
//! thread. Printing hands it to CUPS on standard input, so no file is
//! written; only Windows' print verb needs one, which goes to the counter's
//! folder that *Next patient* empties ([`PatientFiles`]).
//!
//! [`PatientFiles`]: crate::ui::patient_files::PatientFiles

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::StepCtx;
use crate::i18n::{Lang, tr, tr_args};
use crate::identify::Verdict;
use crate::notice::{self, Notice, NoticeForm, Pharmacy};
use crate::print::{PrintError, Printer};
use crate::ui::jobs::{self, Job};
use crate::ui::patient_files::Folder;
use crate::ui::prefs::CounterPrefs;
use crate::ui::theme;

/// The patient's sheet: its language (kept for the patient) and what its
/// buttons are doing for the current answer.
#[derive(Default)]
pub struct SheetState {
    /// The patient's language for the sheet; `None` for the app's.
    lang: Option<Lang>,
    job: Option<Job<Outcome>>,
    message: Option<(bool, String)>,
}

impl SheetState {
    /// A new answer: drops the sheet made for the one before (a job still
    /// running is cancelled) and keeps the patient's language.
    pub fn new_answer(&mut self) {
        self.job = None;
        self.message = None;
    }
}

/// The printers of this computer, asked for once.
#[derive(Default)]
pub struct Printers {
    job: Option<Job<Result<Vec<Printer>, PrintError>>>,
    found: Option<Result<Vec<Printer>, String>>,
}

/// What the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Output {
    Print,
    Save,
}

/// How a sheet job ended.
enum Outcome {
    Printed {
        printer: String,
    },
    Saved(PathBuf),
    Cancelled,
    NoPrinter(String),
    /// Printing needs a file here (Windows) and there is no data folder.
    NeedsFolder,
    Failed(String),
}

/// *Print for the patient*, *Save PDF…* and the sheet's language, for the
/// answer `verdict` given at `at`.
pub fn ui(
    ui: &mut Ui,
    ctx: &StepCtx<'_>,
    sheet: &mut SheetState,
    verdict: &Verdict,
    at: &jiff::Zoned,
    print_key: bool,
    save_key: bool,
) {
    let lang = ctx.lang;
    let sheet_lang = sheet.lang.unwrap_or(lang);
    ui.horizontal_wrapped(|ui| {
        ui.label(tr(lang, "counter-sheet-lang"));
        for l in Lang::ALL {
            if ui.radio(sheet_lang == l, l.native_name()).clicked() {
                sheet.lang = Some(l);
            }
        }
    });
    if let Some(job) = &mut sheet.job {
        if let Some(outcome) = job.poll() {
            sheet.message = Some(outcome_message(lang, outcome));
            sheet.job = None;
        } else if job.is_lost() {
            sheet.message = Some((false, jobs::lost_message(lang, job)));
            sheet.job = None;
        }
    }
    let idle = sheet.job.is_none();
    let mut start = None;
    ui.horizontal_wrapped(|ui| {
        let print = egui::Button::new(
            RichText::new(format!("{} (F9)", tr(lang, "counter-print"))).strong(),
        );
        if ui.add_enabled(idle, print).clicked() || (idle && print_key) {
            start = Some(Output::Print);
        }
        let save = egui::Button::new(format!("{} (F8)", tr(lang, "counter-save-pdf")));
        if ui.add_enabled(idle, save).clicked() || (idle && save_key) {
            start = Some(Output::Save);
        }
        if let Some(job) = &sheet.job {
            ui.spinner();
            ui.label(tr(lang, "counter-sheet-working"));
            if ui.button(tr(lang, "ui-cancel")).clicked() {
                job.cancel();
            }
        }
    });
    if let Some(output) = start {
        let notice = sheet_notice(ctx, verdict, at);
        sheet.message = None;
        match start_job(ui.ctx(), ctx, notice, sheet_lang, output) {
            Ok(job) => sheet.job = Some(job),
            Err(e) => sheet.message = Some((false, jobs::not_started_message(lang, &e))),
        }
    }
    if let Some((ok, text)) = &sheet.message {
        let color = if *ok {
            ui.visuals().text_color()
        } else {
            theme::error_color(ctx.look)
        };
        ui.label(RichText::new(text).strong().color(color));
    }
}

/// The doctor's notice that goes with the sheet: what the counter knows,
/// sent by the pharmacy. Everything the patient was not asked stays "not
/// answered".
fn sheet_notice(ctx: &StepCtx<'_>, verdict: &Verdict, at: &jiff::Zoned) -> Notice {
    let mut form = NoticeForm::default();
    form.prefill(verdict, ctx.catalog);
    form.sender_role = crate::guidance::Role::Pharmacist;
    form.sender_name.clone_from(&ctx.counter.pharmacy_name);
    form.sender_contact
        .clone_from(&ctx.counter.pharmacy_address);
    Notice::new(
        form,
        verdict,
        ctx.catalog,
        at.clone(),
        crate::APP_VERSION,
        Vec::new(),
    )
}

fn start_job(
    egui_ctx: &egui::Context,
    ctx: &StepCtx<'_>,
    notice: Notice,
    lang: Lang,
    output: Output,
) -> std::io::Result<Job<Outcome>> {
    let pharmacy = Pharmacy {
        name: ctx.counter.pharmacy_name.clone(),
        address: ctx.counter.pharmacy_address.clone(),
    };
    let printer = ctx.counter.printer.clone();
    let dialogs = ctx.dialogs.clone();
    let print_system = ctx.print.clone();
    // Only Windows' print verb needs the sheet as a file.
    let writer = if cfg!(windows) && output == Output::Print {
        ctx.files.writer(Folder::Counter)
    } else {
        None
    };
    let file_name = notice::eml::file_name(&notice, lang, "pdf");
    let title = tr(lang, "counter-print-title");
    Job::spawn("sheet-writer", egui_ctx, move |r| {
        let pdf = match notice::render_patient_sheet(&notice, &pharmacy, lang) {
            Ok(pdf) => pdf,
            Err(e) => return Outcome::Failed(e.to_string()),
        };
        r.progress(0.5, "");
        if r.cancelled() {
            return Outcome::Cancelled;
        }
        let answer = match output {
            Output::Save => {
                let Some(target) = dialogs.save_path(&file_name, "PDF", "pdf") else {
                    return Outcome::Cancelled;
                };
                return match crate::fsutil::write_atomic(&target, &pdf) {
                    Ok(()) => Outcome::Saved(target),
                    Err(e) => Outcome::Failed(e.to_string()),
                };
            }
            Output::Print if cfg!(windows) => {
                let Some(writer) = &writer else {
                    return Outcome::NeedsFolder;
                };
                let target = writer.folder().join(&file_name);
                if r.cancelled() {
                    return Outcome::Cancelled;
                }
                if let Err(e) = crate::fsutil::create_dir_all(writer.folder())
                    .and_then(|()| crate::fsutil::write_atomic(&target, &pdf))
                {
                    return Outcome::Failed(e.to_string());
                }
                print_system.print_file(&target, printer.as_deref(), &title)
            }
            Output::Print => {
                print_system.print_pdf(&pdf, printer.as_deref(), &title, &|| r.cancelled())
            }
        };
        match answer {
            Ok(_) => Outcome::Printed {
                printer: printer.unwrap_or_default(),
            },
            Err(PrintError::Cancelled) => Outcome::Cancelled,
            Err(e @ (PrintError::NoPrintSystem | PrintError::NoPrinter)) => {
                Outcome::NoPrinter(e.to_string())
            }
            Err(e) => Outcome::Failed(e.to_string()),
        }
    })
}

fn outcome_message(lang: Lang, outcome: Outcome) -> (bool, String) {
    match outcome {
        Outcome::Printed { printer } if printer.is_empty() => {
            (true, tr(lang, "counter-printed-default"))
        }
        Outcome::Printed { printer } => (
            true,
            tr_args(lang, "counter-printed", &[("printer", &printer)]),
        ),
        Outcome::Saved(path) => (
            true,
            tr_args(
                lang,
                "ui-notice-saved",
                &[("path", &path.display().to_string())],
            ),
        ),
        Outcome::Cancelled => (true, tr(lang, "ui-notice-cancelled")),
        Outcome::NoPrinter(detail) => (
            false,
            format!(
                "{}\n{}: {detail}",
                tr(lang, "counter-no-printer"),
                tr(lang, "ui-details")
            ),
        ),
        Outcome::NeedsFolder => (false, tr(lang, "counter-print-needs-folder")),
        Outcome::Failed(detail) => (
            false,
            jobs::with_details(lang, &tr(lang, "counter-sheet-failed"), &detail),
        ),
    }
}

/// The printer for patient sheets: the system's default or one chosen.
pub fn printer_ui(
    ui: &mut Ui,
    ctx: &StepCtx<'_>,
    printers: &mut Printers,
    prefs: &mut CounterPrefs,
) {
    let lang = ctx.lang;
    if printers.found.is_none() && printers.job.is_none() {
        let system = ctx.print.clone();
        match Job::spawn("printer-list", ui.ctx(), move |_| system.printers()) {
            Ok(job) => printers.job = Some(job),
            Err(e) => printers.found = Some(Err(jobs::not_started_message(lang, &e))),
        }
    }
    if let Some(job) = &mut printers.job {
        if let Some(result) = job.poll() {
            printers.found = Some(result.map_err(|e| e.to_string()));
            printers.job = None;
        } else if job.is_lost() {
            printers.found = Some(Err(jobs::lost_message(lang, job)));
            printers.job = None;
        }
    }
    let default_name = tr(lang, "counter-printer-default");
    let shown = prefs
        .printer
        .clone()
        .unwrap_or_else(|| default_name.clone());
    let label = ui.label(tr(lang, "counter-printer"));
    egui::ComboBox::from_id_salt("counter-printer")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut prefs.printer, None, default_name);
            if let Some(Ok(list)) = &printers.found {
                for p in list {
                    ui.selectable_value(&mut prefs.printer, Some(p.name.clone()), &p.name);
                }
            }
        })
        .response
        .labelled_by(label.id);
    match &printers.found {
        None => {
            ui.label(RichText::new(tr(lang, "counter-printers-looking")).small());
        }
        Some(Ok(list)) if list.is_empty() => {
            ui.label(RichText::new(tr(lang, "counter-printers-none")).small());
        }
        Some(Err(e)) => {
            ui.label(RichText::new(format!("{} ({e})", tr(lang, "counter-printers-none"))).small());
        }
        Some(Ok(_)) => {}
    }
}

/// The tally being exported as CSV.
#[derive(Default)]
pub struct Export {
    job: Option<Job<Result<Option<PathBuf>, String>>>,
    message: Option<(bool, String)>,
}

/// Today's count and the CSV export, when the tally is kept.
pub fn tally_ui(ui: &mut Ui, ctx: &StepCtx<'_>, export: &mut Export) {
    let lang = ctx.lang;
    if !ctx.counter.keep_tally {
        return;
    }
    let today = ctx.tally.day(jiff::Zoned::now().date());
    ui.label(tr_args(
        lang,
        "counter-tally-today",
        &[
            ("total", &today.total().to_string()),
            ("affected", &today.affected.to_string()),
            ("not_affected", &today.not_affected.to_string()),
            ("unknown", &today.unknown.to_string()),
        ],
    ));
    if let Some(job) = &mut export.job
        && let Some(result) = job.poll()
    {
        export.message = match result {
            Ok(Some(path)) => Some((
                true,
                tr_args(
                    lang,
                    "ui-notice-saved",
                    &[("path", &path.display().to_string())],
                ),
            )),
            Ok(None) => None,
            Err(e) => Some((false, e)),
        };
        export.job = None;
    } else if let Some(job) = &export.job
        && job.is_lost()
    {
        export.message = Some((false, jobs::lost_message(lang, job)));
        export.job = None;
    }
    let button = egui::Button::new(tr(lang, "counter-tally-export"));
    if ui.add_enabled(export.job.is_none(), button).clicked() {
        let csv = ctx.tally.to_csv();
        let dialogs = ctx.dialogs.clone();
        let name = format!("monitor-check-tally-{}.csv", jiff::Zoned::now().date());
        let spawned = Job::spawn("tally-export", ui.ctx(), move |_| {
            let Some(target) = dialogs.save_path(&name, "CSV", "csv") else {
                return Ok(None);
            };
            crate::fsutil::write_atomic(&target, csv.as_bytes()).map_err(|e| e.to_string())?;
            Ok(Some(target))
        });
        match spawned {
            Ok(job) => export.job = Some(job),
            Err(e) => export.message = Some((false, jobs::not_started_message(lang, &e))),
        }
    }
    if let Some((ok, text)) = &export.message {
        let text = RichText::new(text);
        ui.label(if *ok {
            text
        } else {
            text.color(theme::error_color(ctx.look))
        });
    }
}
