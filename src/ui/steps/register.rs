//! The family doctor's register of received notices: drop or choose the
//! files, see one row per monitor (incidents and affected first), filter,
//! record what was done, and write the CSV, the summary or an incident's
//! report. The register file is touched only on a worker thread.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::StepCtx;
use crate::i18n::{Lang, tr, tr_args};
use crate::identify::VerdictKind;
use crate::register::export::{self, Counts, CsvOptions};
use crate::register::{self, Entry, Filter, Register, Sort, Status};
use crate::ui::dialogs::Dialogs;
use crate::ui::jobs::Job;
use crate::ui::photo_reading;
use crate::ui::theme;
use crate::ui::widgets;
use crate::ui::wizard::Action;

/// Rows drawn at once: a register of hundreds of monitors stays quick to
/// draw (every row is laid out each frame), and a page fits a screen or two.
const PAGE_ROWS: usize = 50;

/// What the register screen keeps between frames.
#[derive(Default)]
pub struct State {
    /// The rows, once loaded.
    entries: Option<Vec<Entry>>,
    filter: Filter,
    sort: Sort,
    /// The page of rows shown (from 0), and the filter and order it is a
    /// page of: another filter or order starts again at the first page.
    page: (usize, Filter, Sort),
    /// Leave names out of the CSV and the summary.
    without_names: bool,
    /// The device whose details are shown.
    selected: Option<String>,
    /// The note being edited for the selected device.
    note: String,
    /// The work running on the register file.
    job: Option<Job<Outcome>>,
    /// The file picker, while open.
    picker: Option<Job<Option<Vec<PathBuf>>>>,
    /// The last outcome: success or not, and what to say.
    message: Option<(bool, String)>,
    /// The last import's refused files, a line each.
    refused: Vec<String>,
    /// The incident report shown: the device and the notice's text.
    report: Option<(String, String)>,
    /// The leaflet for patients.
    pub leaflet: super::leaflet::State,
}

impl State {
    /// The rows loaded (for tests).
    pub fn entries(&self) -> &[Entry] {
        self.entries.as_deref().unwrap_or_default()
    }

    /// The last outcome shown: success or not, and the sentence.
    pub fn message(&self) -> Option<&(bool, String)> {
        self.message.as_ref()
    }

    /// Whether work on the register file is running.
    pub fn busy(&self) -> bool {
        self.job.is_some() || self.picker.is_some()
    }
}

/// What to do on the worker thread.
enum Task {
    Load,
    Import(Vec<PathBuf>),
    Status(String, Status),
    Note(String, String),
    Csv(CsvOptions),
    Summary { names: bool },
    Report(String),
}

/// What came back from the worker.
#[derive(Default)]
struct Outcome {
    entries: Option<Vec<Entry>>,
    message: Option<(bool, String)>,
    refused: Vec<String>,
    report: Option<(String, String)>,
}

/// Draws the register.
pub fn ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State) -> Option<Action> {
    let lang = ctx.lang;
    let mut action = None;
    poll(state, ctx.lang);
    if state.entries.is_none() && state.job.is_none() {
        start(ui, ctx, state, Task::Load);
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr(lang, "register-back")).clicked() {
            action = Some(Action::OpenWizard);
        }
    });
    ui.heading(tr(lang, "register-heading"));
    ui.label(tr(lang, "register-intro"));
    ui.add_space(theme::GAP);
    // Handing the leaflet out comes first: open while the register is
    // empty, folded once notices have come back (drawn once the register
    // is read, so that it knows which).
    if let Some(entries) = &state.entries {
        let first_use = entries.is_empty();
        egui::CollapsingHeader::new(theme::emphasis(tr(lang, "leaflet-ui-heading")))
            .id_salt("register-leaflet")
            .default_open(first_use)
            .show(ui, |ui| {
                action = super::leaflet::ui(ui, ctx, &mut state.leaflet).or(action.take());
            });
        ui.add_space(theme::GAP);
    }

    import_ui(ui, ctx, state);
    message_ui(ui, ctx, state);
    ui.add_space(theme::GAP);

    let Some(entries) = state.entries.take() else {
        return action;
    };
    let all: Vec<&Entry> = entries.iter().collect();
    counts_ui(ui, lang, &Counts::of(&all));
    ui.add_space(theme::GAP);
    filter_ui(ui, lang, state);
    let rows = register::select(&entries, &state.filter, state.sort);
    if (&state.page.1, state.page.2) != (&state.filter, state.sort) {
        state.page = (0, state.filter.clone(), state.sort);
    }
    ui.add_space(theme::GAP);
    if entries.is_empty() {
        ui.label(tr(lang, "register-empty"));
    } else if rows.is_empty() {
        ui.label(tr(lang, "register-none-match"));
    } else {
        let pages = rows.len().div_ceil(PAGE_ROWS);
        state.page.0 = state.page.0.min(pages - 1);
        let first = state.page.0 * PAGE_ROWS;
        let shown = rows
            .get(first..rows.len().min(first + PAGE_ROWS))
            .unwrap_or_default();
        table_ui(ui, ctx, state, shown);
        if pages > 1 {
            pager_ui(ui, lang, state, first, shown.len(), rows.len());
        }
    }
    let selected = state
        .selected
        .as_ref()
        .and_then(|d| entries.iter().find(|e| &e.device == d))
        .cloned();
    if let Some(entry) = selected {
        ui.add_space(theme::GAP);
        details_ui(ui, ctx, state, &entry);
    }
    ui.add_space(theme::GAP);
    export_ui(ui, ctx, state, entries.len());
    state.entries = Some(entries);
    action
}

/// Adding notices: the file and folder pickers, files dropped on the
/// window, and the import's progress with *Cancel*.
fn import_ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State) {
    let lang = ctx.lang;
    let dropped = photo_reading::dropped_paths(ui);
    if !dropped.is_empty() && !state.busy() {
        start(ui, ctx, state, Task::Import(dropped));
    }
    ui.horizontal_wrapped(|ui| {
        let add = ui.add_enabled(
            !state.busy(),
            egui::Button::new(RichText::new(tr(lang, "register-add")).strong()),
        );
        let folder = ui.add_enabled(
            !state.busy(),
            egui::Button::new(tr(lang, "register-add-folder")),
        );
        // Tests drop files instead of using the dialogs.
        if matches!(ctx.dialogs, Dialogs::System) && (add.clicked() || folder.clicked()) {
            let files = add.clicked();
            let spawned = Job::spawn("notice-picker", ui.ctx(), move |_| {
                let dialog = rfd::FileDialog::new();
                if files {
                    dialog
                        .add_filter("Notices", &["eml", "mbox", "mbx", "pdf", "json"])
                        .pick_files()
                } else {
                    dialog.pick_folder().map(|folder| vec![folder])
                }
            });
            match spawned {
                Ok(job) => state.picker = Some(job),
                Err(e) => {
                    state.message = Some((false, crate::ui::jobs::not_started_message(lang, &e)));
                }
            }
        }
        ui.label(tr(lang, "register-drop-hint"));
    });
    if let Some(picker) = &mut state.picker
        && let Some(picked) = picker.poll()
    {
        state.picker = None;
        if let Some(paths) = picked.filter(|p| !p.is_empty()) {
            start(ui, ctx, state, Task::Import(paths));
        }
    } else if let Some(picker) = state.picker.as_ref().filter(|p| p.is_lost()) {
        state.message = Some((false, crate::ui::jobs::lost_message(lang, picker)));
        state.picker = None;
    }
    if let Some(job) = &state.job {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(job.status.as_str());
            if ui.button(tr(lang, "ui-cancel")).clicked() {
                job.cancel();
            }
        });
    }
}

/// Takes in what the worker finished.
fn poll(state: &mut State, lang: Lang) {
    let Some(job) = &mut state.job else {
        return;
    };
    let outcome = if let Some(outcome) = job.poll() {
        outcome
    } else if job.is_lost() {
        Outcome {
            message: Some((false, crate::ui::jobs::lost_message(lang, job))),
            ..Outcome::default()
        }
    } else {
        return;
    };
    state.job = None;
    if let Some(entries) = outcome.entries {
        state.entries = Some(entries);
    } else if state.entries.is_none() {
        // Nothing could be loaded: show an empty register and the reason.
        state.entries = Some(Vec::new());
    }
    if outcome.message.is_some() {
        state.message = outcome.message;
        state.refused = outcome.refused;
    }
    if outcome.report.is_some() {
        state.report = outcome.report;
    }
}

fn start(ui: &Ui, ctx: &StepCtx<'_>, state: &mut State, task: Task) {
    let lang = ctx.lang;
    let Some(dir) = ctx.data_dir.map(std::path::Path::to_path_buf) else {
        state.entries = Some(Vec::new());
        state.message = Some((false, tr(lang, "register-no-folder")));
        return;
    };
    let dialogs = ctx.dialogs.clone();
    let catalog = ctx.catalog.clone();
    let spawned = Job::spawn("register", ui.ctx(), move |r| {
        r.progress(0.0, tr(lang, "register-working"));
        match run(&dir, task, lang, &dialogs, &catalog, r) {
            Ok(outcome) => outcome,
            Err(e) => Outcome {
                message: Some((false, e)),
                ..Outcome::default()
            },
        }
    });
    match spawned {
        Ok(job) => state.job = Some(job),
        Err(e) => state.message = Some((false, crate::ui::jobs::not_started_message(lang, &e))),
    }
}

/// The task, on the worker thread: opens the register, does the work,
/// and reads the rows again.
fn run(
    dir: &std::path::Path,
    task: Task,
    lang: Lang,
    dialogs: &Dialogs,
    catalog: &crate::catalog::Catalog,
    r: &crate::ui::jobs::Reporter<Outcome>,
) -> Result<Outcome, String> {
    let mut register = Register::open_in(dir).map_err(|e| e.to_string())?;
    let now = || jiff::Zoned::now().timestamp().to_string();
    let mut outcome = Outcome::default();
    match task {
        Task::Load => {}
        Task::Import(paths) => {
            let found = register::read_paths(&paths);
            if r.cancelled() {
                outcome.message = Some((false, tr(lang, "register-import-cancelled")));
            } else {
                let s = register.import(found, &now()).map_err(|e| e.to_string())?;
                outcome.refused = s
                    .refused
                    .iter()
                    .map(|(origin, why)| format!("{}: {why}", short_origin(origin)))
                    .collect();
                let text = tr_args(
                    lang,
                    "register-imported",
                    &[
                        ("added", &s.added.to_string()),
                        ("updated", &s.updated.to_string()),
                        ("same", &s.already_there.to_string()),
                        ("refused", &s.refused.len().to_string()),
                    ],
                );
                outcome.message = Some((s.refused.is_empty(), text));
            }
        }
        Task::Status(device, status) => register
            .set_status(&device, status, &now())
            .map_err(|e| e.to_string())?,
        Task::Note(device, note) => register
            .set_note(&device, &note, &now())
            .map_err(|e| e.to_string())?,
        Task::Csv(options) => {
            let entries = register.entries().map_err(|e| e.to_string())?;
            let rows = register::select(&entries, &Filter::default(), Sort::Priority);
            let bytes = export::csv(&rows, options);
            outcome.message = save(dialogs, "monitor-register.csv", "CSV", "csv", &bytes, lang)?;
        }
        Task::Summary { names } => {
            let entries = register.entries().map_err(|e| e.to_string())?;
            let rows = register::select(&entries, &Filter::default(), Sort::Priority);
            let pdf = export::summary_pdf(&rows, lang, &jiff::Zoned::now(), names)
                .map_err(|e| e.to_string())?;
            let name = "monitor-register-summary.pdf";
            outcome.message = save(dialogs, name, "PDF", "pdf", &pdf, lang)?;
        }
        Task::Report(device) => {
            let notices = register.notices_of(&device).map_err(|e| e.to_string())?;
            if let Some(newest) = notices.first() {
                outcome.report = Some((device, export::report_text(newest, catalog)));
            }
        }
    }
    outcome.entries = Some(register.entries().map_err(|e| e.to_string())?);
    Ok(outcome)
}

/// Writes `bytes` where the user chooses (see [`Dialogs::save_path`]):
/// the sentence saying where, or `None` when the user cancelled.
fn save(
    dialogs: &Dialogs,
    name: &str,
    kind: &str,
    extension: &str,
    bytes: &[u8],
    lang: Lang,
) -> Result<Option<(bool, String)>, String> {
    let Some(path) = dialogs.save_path(name, kind, extension) else {
        return Ok(None);
    };
    crate::fsutil::write_atomic(&path, bytes).map_err(|e| e.to_string())?;
    let path = path.display().to_string();
    Ok(Some((
        true,
        tr_args(lang, "register-saved", &[("path", &path)]),
    )))
}

/// The file's name, and the message number of an mbox.
fn short_origin(origin: &str) -> String {
    let (path, rest) = match origin.split_once(", ") {
        Some((path, rest)) => (path, format!(", {rest}")),
        None => (origin, String::new()),
    };
    let name = std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned());
    format!("{name}{rest}")
}

fn message_ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &State) {
    let Some((ok, text)) = &state.message else {
        return;
    };
    let text = RichText::new(text).strong();
    ui.label(if *ok {
        text
    } else {
        text.color(theme::error_color(ctx.look))
    });
    for line in &state.refused {
        widgets::bullet(ui, "•", line.as_str());
    }
}

fn counts_ui(ui: &mut Ui, lang: Lang, c: &Counts) {
    ui.label(theme::emphasis(tr_args(
        lang,
        "register-counts",
        &[
            ("devices", &c.devices.to_string()),
            ("affected", &c.affected.to_string()),
            ("incidents", &c.incidents.to_string()),
            ("to_contact", &c.to_contact.to_string()),
        ],
    )));
}

fn verdict_label(lang: Lang, v: VerdictKind) -> String {
    tr(
        lang,
        match v {
            VerdictKind::Affected => "register-verdict-affected",
            VerdictKind::Unknown => "register-verdict-unknown",
            VerdictKind::NotAffected => "register-verdict-not-affected",
        },
    )
}

fn filter_ui(ui: &mut Ui, lang: Lang, state: &mut State) {
    ui.horizontal_wrapped(|ui| {
        let all = tr(lang, "register-filter-all");
        let label = ui.label(tr(lang, "register-filter-verdict"));
        let shown = state
            .filter
            .verdict
            .map_or_else(|| all.clone(), |v| verdict_label(lang, v));
        egui::ComboBox::from_id_salt("register-verdict")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.filter.verdict, None, all.as_str());
                for v in [
                    VerdictKind::Affected,
                    VerdictKind::Unknown,
                    VerdictKind::NotAffected,
                ] {
                    ui.selectable_value(&mut state.filter.verdict, Some(v), verdict_label(lang, v));
                }
            })
            .response
            .labelled_by(label.id);
        ui.add_space(theme::INLINE_GAP);
        let label = ui.label(tr(lang, "register-filter-status"));
        let shown = state
            .filter
            .status
            .map_or_else(|| all.clone(), |s| tr(lang, s.message_id()));
        egui::ComboBox::from_id_salt("register-status")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.filter.status, None, all.as_str());
                for s in Status::ALL {
                    ui.selectable_value(
                        &mut state.filter.status,
                        Some(s),
                        tr(lang, s.message_id()),
                    );
                }
            })
            .response
            .labelled_by(label.id);
        ui.add_space(theme::INLINE_GAP);
        ui.checkbox(
            &mut state.filter.incidents_only,
            tr(lang, "register-filter-incidents"),
        );
        ui.add_space(theme::INLINE_GAP);
        let label = ui.label(tr(lang, "register-sort"));
        let sorts = [
            (Sort::Priority, "register-sort-priority"),
            (Sort::Received, "register-sort-received"),
            (Sort::Patient, "register-sort-patient"),
            (Sort::Model, "register-sort-model"),
            (Sort::Status, "register-sort-status"),
        ];
        let shown = sorts
            .iter()
            .find(|(s, _)| *s == state.sort)
            .map_or_else(String::new, |(_, id)| tr(lang, id));
        egui::ComboBox::from_id_salt("register-sort")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for (sort, id) in sorts {
                    ui.selectable_value(&mut state.sort, sort, tr(lang, id));
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// The accessible name of a row: who, what and its serial.
pub fn row_name(e: &Entry) -> String {
    let patient = if e.patient.is_empty() {
        "—"
    } else {
        &e.patient
    };
    format!("{patient} · {} · {}", e.model, e.serial)
}

fn table_ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State, rows: &[&Entry]) {
    let lang = ctx.lang;
    egui::ScrollArea::horizontal()
        .id_salt("register-table")
        .show(ui, |ui| {
            egui::Grid::new("register-rows")
                .striped(true)
                .spacing(egui::vec2(theme::INLINE_GAP, 6.0))
                .show(ui, |ui| {
                    for id in [
                        "register-col-patient",
                        "register-col-model",
                        "register-col-verdict",
                        "register-col-signs",
                        "register-col-still-used",
                        "register-col-status",
                        "register-col-received",
                    ] {
                        ui.label(RichText::new(tr(lang, id)).strong());
                    }
                    ui.end_row();
                    for e in rows {
                        row_ui(ui, ctx, state, e);
                        ui.end_row();
                    }
                });
        });
}

/// "Rows 51–100 of 230", with the buttons to the pages before and after.
fn pager_ui(ui: &mut Ui, lang: Lang, state: &mut State, first: usize, shown: usize, total: usize) {
    ui.add_space(theme::GAP);
    ui.horizontal_wrapped(|ui| {
        let before = state.page.0 > 0;
        if ui
            .add_enabled(
                before,
                egui::Button::new(tr(lang, "register-page-previous")),
            )
            .clicked()
        {
            state.page.0 -= 1;
        }
        ui.label(tr_args(
            lang,
            "register-page-rows",
            &[
                ("from", &(first + 1).to_string()),
                ("to", &(first + shown).to_string()),
                ("total", &total.to_string()),
            ],
        ));
        let after = first + shown < total;
        if ui
            .add_enabled(after, egui::Button::new(tr(lang, "register-page-next")))
            .clicked()
        {
            state.page.0 += 1;
        }
    });
}

fn row_ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State, e: &Entry) {
    let lang = ctx.lang;
    let selected = state.selected.as_deref() == Some(e.device.as_str());
    let patient = if e.patient.is_empty() {
        "—"
    } else {
        &e.patient
    };
    let name = row_name(e);
    let response = ui.selectable_label(selected, patient);
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name));
    if response.clicked() {
        state.selected = Some(e.device.clone());
        state.note.clone_from(&e.note);
        state.report = None;
    }
    let model = if e.model.is_empty() { "—" } else { &e.model };
    ui.label(format!("{model} ({})", e.serial));
    let (fill, text) = theme::verdict_colors(e.verdict, ctx.look);
    ui.label(
        RichText::new(verdict_label(lang, e.verdict))
            .background_color(fill)
            .color(text),
    );
    if e.incident {
        // Short names here; the details below say each sign in full.
        let signs: Vec<String> = e
            .signs_seen
            .iter()
            .map(|s| {
                tr(
                    lang,
                    &format!("register-sign-{}", register::sign_key(*s).replace('_', "-")),
                )
            })
            .collect();
        ui.label(
            RichText::new(signs.join(", "))
                .strong()
                .color(theme::urgent_color(ctx.look)),
        );
    } else {
        ui.label("—");
    }
    ui.label(answer_label(lang, e.still_used));
    ui.label(tr(lang, e.status.message_id()));
    ui.label(short_date(lang, &e.received));
    if e.notices > 1 {
        ui.label(tr_args(
            lang,
            "register-updates",
            &[("count", &e.notices.to_string())],
        ));
    }
}

fn answer_label(lang: Lang, a: crate::notice::Answer) -> String {
    tr(
        lang,
        match a {
            crate::notice::Answer::Yes => "register-answer-yes",
            crate::notice::Answer::No => "register-answer-no",
            crate::notice::Answer::NotAnswered => "register-answer-not-answered",
        },
    )
}

/// The day of an RFC 3339 time, in the language's format.
fn short_date(lang: Lang, at: &str) -> String {
    at.parse::<jiff::Timestamp>().map_or_else(
        |_| at.to_owned(),
        |t| crate::i18n::format_civil_date(lang, t.to_zoned(jiff::tz::TimeZone::system()).date()),
    )
}

fn details_ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State, e: &Entry) {
    let lang = ctx.lang;
    ui.separator();
    ui.heading(tr_args(lang, "register-details", &[("name", &row_name(e))]));
    if e.incident {
        ui.label(
            RichText::new(tr(lang, "register-incident-note"))
                .strong()
                .color(theme::urgent_color(ctx.look)),
        );
        for sign in &e.signs_seen {
            widgets::bullet(ui, "•", tr(lang, sign.message_id()));
        }
    }
    let mut status = e.status;
    let choices: Vec<(Status, String)> = Status::ALL
        .into_iter()
        .map(|s| (s, tr(lang, s.message_id())))
        .collect();
    let question = tr(lang, "register-status-question");
    let busy = state.busy();
    let changed = ui
        .add_enabled_ui(!busy, |ui| {
            widgets::choice_ui(ui, question.as_str(), &question, &mut status, &choices)
        })
        .inner;
    if changed {
        start(ui, ctx, state, Task::Status(e.device.clone(), status));
    }
    widgets::text_area(
        ui,
        &tr(lang, "register-note"),
        &mut state.note,
        &tr(lang, "register-note-hint"),
        2,
    );
    ui.horizontal_wrapped(|ui| {
        let save = ui.add_enabled(
            !busy && state.note != e.note,
            egui::Button::new(tr(lang, "register-note-save")),
        );
        if save.clicked() {
            let note = state.note.clone();
            start(ui, ctx, state, Task::Note(e.device.clone(), note));
        }
        let label = if e.incident {
            "register-report"
        } else {
            "register-show-notice"
        };
        let report = ui.add_enabled(!busy, egui::Button::new(tr(lang, label)));
        if report.clicked() {
            start(ui, ctx, state, Task::Report(e.device.clone()));
        }
    });
    if let Some((device, text)) = &state.report
        && device == &e.device
    {
        if e.incident {
            ui.label(tr(lang, "register-report-intro"));
        }
        if ui.button(tr(lang, "register-report-copy")).clicked() {
            ui.ctx().copy_text(text.clone());
        }
        let mut shown = text.as_str();
        let label = ui.label(tr(lang, "register-report-label"));
        ui.add(
            egui::TextEdit::multiline(&mut shown)
                .font(egui::TextStyle::Monospace)
                .interactive(false)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    }
    ui.separator();
}

/// The CSV and the summary; `total` is how many rows the register has.
fn export_ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State, total: usize) {
    let lang = ctx.lang;
    ui.label(RichText::new(tr(lang, "register-export-heading")).strong());
    ui.checkbox(&mut state.without_names, tr(lang, "register-without-names"));
    let options = CsvOptions {
        names: !state.without_names,
    };
    // Said before anything is written.
    ui.label(export::csv_description(total, options, lang));
    let busy = state.busy();
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(
                !busy && total > 0,
                egui::Button::new(tr(lang, "register-save-csv")),
            )
            .clicked()
        {
            start(ui, ctx, state, Task::Csv(options));
        }
        if ui
            .add_enabled(
                !busy && total > 0,
                egui::Button::new(tr(lang, "register-save-summary")),
            )
            .clicked()
        {
            start(
                ui,
                ctx,
                state,
                Task::Summary {
                    names: options.names,
                },
            );
        }
    });
}
