//! The pharmacy counter: one large field that always has the focus, for a
//! barcode scanner or the keyboard; the answer in large type; the sheet for
//! the patient; and *Next patient*, after which nothing of the last one is
//! kept.

use egui::{Key, RichText, Ui};

use super::StepCtx;
use crate::explain;
use crate::guidance::{self, Role, Weight};
use crate::i18n::{Lang, tr, tr_args};
use crate::identify::{self, Reading, ScanKind, Verdict, VerdictKind};
use crate::ui::photo_reading::{self, Running};
use crate::ui::prefs::CounterPrefs;
use crate::ui::theme;
use crate::ui::widgets;
use crate::ui::wizard::Action;

/// How many of the steps for the patient the counter shows.
const STEPS_SHOWN: usize = 3;

/// What the counter keeps about the patient in front of it. All of it goes
/// with *Next patient*.
#[derive(Default)]
pub struct State {
    /// What is being typed or scanned.
    input: String,
    /// Earlier inputs for this patient that named no model (a serial, a
    /// product code): kept and read again with the next one.
    kept: Vec<String>,
    /// The answer for this patient, once there is one.
    answer: Option<Answer>,
    /// Why the last input was refused.
    refusal: Option<String>,
    /// Photos dropped on the window, being read.
    reading: Option<Running>,
    /// The sheet: its language, and the one being printed or saved.
    sheet: super::counter_sheet::SheetState,
    /// The printers of this computer (not about the patient, but asked
    /// for again after *Next patient*, which is cheap).
    printers: super::counter_sheet::Printers,
    /// The tally being exported.
    export: super::counter_sheet::Export,
}

/// The answer shown for the patient.
pub(crate) struct Answer {
    /// The verdict, with its evidence.
    pub verdict: Verdict,
    /// How the scanner's input was read, when it had to be repaired.
    read_as: Option<String>,
    /// When the answer was given.
    at: jiff::Zoned,
}

impl State {
    /// The verdict shown, if any.
    pub fn verdict(&self) -> Option<&Verdict> {
        self.answer.as_ref().map(|a| &a.verdict)
    }
}

#[cfg(test)]
impl State {
    /// A counter showing `verdict`, as if it had just been checked.
    pub(crate) fn answered(verdict: Verdict) -> Self {
        Self {
            answer: Some(Answer {
                verdict,
                read_as: None,
                at: jiff::Zoned::now(),
            }),
            ..Self::default()
        }
    }
}

/// Draws the counter.
pub fn ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State) -> Option<Action> {
    let lang = ctx.lang;
    let mut action = None;
    // The shortcuts work wherever the focus is.
    let (next_key, print_key, save_key) = ui.input(|i| {
        (
            i.key_pressed(Key::F5),
            i.key_pressed(Key::F9),
            i.key_pressed(Key::F8),
        )
    });
    if next_key {
        return Some(Action::NextPatient);
    }

    ui.horizontal_wrapped(|ui| {
        ui.heading(tr(lang, "counter-heading"));
        ui.add_space(theme::INLINE_GAP);
        if ui.button(tr(lang, "counter-open-wizard")).clicked() {
            action = Some(Action::OpenWizard);
        }
    });
    ui.label(tr(lang, "counter-intro"));
    ui.add_space(theme::GAP);

    input_ui(ui, ctx, state);
    photos_ui(ui, ctx, state);

    if let Some(answer) = &state.answer {
        ui.add_space(theme::GAP);
        answer_ui(ui, ctx, answer);
        ui.add_space(theme::GAP);
        super::counter_sheet::ui(
            ui,
            ctx,
            &mut state.sheet,
            &answer.verdict,
            &answer.at,
            print_key,
            save_key,
        );
    }
    ui.add_space(theme::GAP);
    if ui
        .button(RichText::new(format!("{} (F5)", tr(lang, "counter-next-patient"))).strong())
        .clicked()
    {
        action = Some(Action::NextPatient);
    }
    ui.add_space(theme::GAP * 2.0);
    if let Some(a) = settings_ui(ui, ctx, state) {
        action = Some(a);
    }
    action
}

/// The one large field, with the focus kept on it.
fn input_ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State) {
    let lang = ctx.lang;
    let label = ui.label(theme::title(tr(lang, "counter-field")));
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut state.input)
                .font(theme::counter_input_style())
                .hint_text(tr(lang, "counter-hint"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    // Read before the focus is taken back below, which would hide it.
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    // The field takes the focus back unless the user moved it to another
    // control (Tab to a button, a click in the settings).
    let other_focused = ui
        .ctx()
        .memory(|m| m.focused().is_some_and(|id| id != field.id));
    // Not on the very first frame of the window: a text field focused
    // before the window has been shown once keeps the desktop's screen
    // reader from finding the window (seen with AT-SPI on X11).
    let shown_before = ui.ctx().cumulative_frame_nr() > 1;
    if !other_focused && shown_before {
        field.request_focus();
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr(lang, "counter-check")).clicked() || enter {
            check(ctx, state);
            field.request_focus();
        }
        ui.label(RichText::new(tr(lang, "counter-enter-note")).small());
    });
    if let Some(refusal) = &state.refusal {
        ui.label(
            RichText::new(refusal)
                .strong()
                .color(theme::error_color(ctx.look)),
        );
    }
    if !state.kept.is_empty() {
        // What the kept codes gave, in the label's own terms.
        let kept = state.verdict().map_or_else(
            || state.kept.join(" · "),
            |v| {
                let ids = &v.identifiers;
                let parts: Vec<String> = [
                    ids.serial.as_ref().map(|s| format!("S/N {s}")),
                    ids.gtin.as_ref().map(|g| format!("GTIN {g}")),
                    ids.product_code.as_ref().map(|p| format!("UDI {p}")),
                ]
                .into_iter()
                .flatten()
                .collect();
                if parts.is_empty() {
                    state.kept.join(" · ")
                } else {
                    parts.join(" · ")
                }
            },
        );
        ui.label(tr_args(lang, "counter-kept", &[("kept", &kept)]));
    }
}

/// Checks what was typed or scanned, together with what was kept for this
/// patient. The field is emptied for the next scan.
fn check(ctx: &StepCtx<'_>, state: &mut State) {
    let lang = ctx.lang;
    let raw = std::mem::take(&mut state.input);
    state.refusal = None;
    let scan = match identify::read_scan(&raw) {
        Ok(scan) => scan,
        Err(e) => {
            state.refusal = Some(scan_error_text(lang, &e));
            return;
        }
    };
    if scan.kind == ScanKind::MedicinePack {
        state.refusal = Some(tr(lang, "counter-medicine-pack"));
        return;
    }
    if let Err(e) = identify::check_text(&scan.text) {
        state.refusal = Some(tr(
            lang,
            match e {
                identify::InputError::Empty => "counter-empty",
                identify::InputError::TooLong { .. } => "counter-too-long",
                identify::InputError::ControlCharacter { .. } => "counter-garbage",
            },
        ));
        return;
    }
    let readings: Vec<Reading> = state
        .kept
        .iter()
        .chain(std::iter::once(&scan.text))
        .map(|t| Reading::typed(t.clone()))
        .collect();
    let verdict = identify::identify_readings(ctx.catalog, &readings);
    // What was changed to read it, said as the CLI says it: a pharmacist
    // sees when a serial was left out rather than guessed.
    let read_as = (!scan.repaired.is_empty()).then(|| explain::scan_read_as(ctx.lang, &scan));
    if verdict.model.is_none() {
        // A serial or a code without a model: kept for the next input,
        // never an answer by itself.
        state.kept.push(scan.text);
    } else {
        state.kept.clear();
    }
    state.sheet.new_answer();
    state.answer = Some(Answer {
        verdict,
        read_as,
        at: jiff::Zoned::now(),
    });
}

fn scan_error_text(lang: Lang, error: &identify::ScanError) -> String {
    match error {
        identify::ScanError::Empty => tr(lang, "counter-empty"),
        identify::ScanError::TooLong { .. } => tr(lang, "counter-too-long"),
        identify::ScanError::Garbage => tr(lang, "counter-garbage"),
    }
}

/// Photos dropped on the window are read like the wizard's.
fn photos_ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State) {
    let lang = ctx.lang;
    let dropped = photo_reading::dropped_paths(ui);
    if !dropped.is_empty() && state.reading.is_none() {
        match photo_reading::start(ui.ctx(), dropped) {
            Ok(running) => state.reading = Some(running),
            Err(e) => state.refusal = Some(e.to_string()),
        }
    }
    let Some(running) = &mut state.reading else {
        ui.label(RichText::new(tr(lang, "counter-photos-note")).small());
        return;
    };
    if let Some(batch) = running.job.poll() {
        state.reading = None;
        if batch.cancelled {
            return;
        }
        let read: Vec<(&str, &crate::ocr::PhotoText)> = batch
            .results
            .iter()
            .filter_map(|r| r.outcome.as_ref().ok().map(|t| (r.name.as_str(), t)))
            .collect();
        let problems: Vec<String> = batch
            .results
            .iter()
            .filter_map(|r| {
                r.outcome
                    .as_ref()
                    .err()
                    .map(|p| format!("{}: {}", r.name, p.message(lang)))
            })
            .collect();
        let kept = state.kept.join("\n");
        match crate::photos::verdict(ctx.catalog, &kept, &read) {
            Ok(verdict) => {
                state.sheet.new_answer();
                state.answer = Some(Answer {
                    verdict,
                    read_as: None,
                    at: jiff::Zoned::now(),
                });
                state.refusal = (!problems.is_empty()).then(|| problems.join("\n"));
            }
            Err(_) => {
                state.refusal = Some(if problems.is_empty() {
                    tr(lang, "counter-photo-nothing")
                } else {
                    problems.join("\n")
                });
            }
        }
    } else if running.job.is_lost() {
        let detail = running.job.lost_detail().unwrap_or_default().to_owned();
        state.reading = None;
        state.refusal = Some(crate::ui::jobs::with_details(
            lang,
            &tr(lang, "photo-error-reader"),
            &detail,
        ));
    } else {
        photo_reading::progress_ui(ui, running, lang);
    }
}

/// The verdict large enough to read across the counter, the model, why,
/// and the first things to do at home.
fn answer_ui(ui: &mut Ui, ctx: &StepCtx<'_>, answer: &Answer) {
    let lang = ctx.lang;
    let verdict = &answer.verdict;
    widgets::verdict_panel(ui, verdict.verdict, ctx.look, |ui, text| {
        ui.label(
            RichText::new(tr(lang, verdict_word(verdict.verdict)))
                .text_style(theme::counter_verdict_style())
                .strong()
                .color(text),
        );
        let model = verdict
            .model
            .clone()
            .unwrap_or_else(|| tr(lang, "counter-no-model"));
        ui.label(theme::emphasis(tr_args(lang, "counter-model", &[("model", &model)])).color(text));
        ui.label(RichText::new(explain::headline(lang, verdict)).color(text));
        for e in verdict.evidence.iter().take(1) {
            ui.label(
                RichText::new(explain::evidence(lang, e))
                    .small()
                    .color(text),
            );
        }
        if let Some(read_as) = &answer.read_as {
            ui.label(
                RichText::new(tr_args(lang, "counter-read-as", &[("text", read_as)]))
                    .small()
                    .color(text),
            );
        }
    });
    for caution in &verdict.cautions {
        widgets::bullet(ui, "!", explain::caution(lang, caution));
    }
    ui.add_space(theme::GAP);
    ui.label(theme::title(tr(lang, "counter-what-to-do")));
    for (i, step) in guidance::steps(verdict.verdict, Role::Carer)
        .iter()
        .take(STEPS_SHOWN)
        .enumerate()
    {
        let mut line = RichText::new(tr(lang, step.message_id));
        if step.weight == Weight::Urgent {
            line = line.strong().color(theme::urgent_color(ctx.look));
        }
        widgets::bullet(ui, &format!("{}.", i + 1), line);
    }
}

/// The large word for each verdict.
fn verdict_word(kind: VerdictKind) -> &'static str {
    match kind {
        VerdictKind::Affected => "counter-verdict-affected",
        VerdictKind::NotAffected => "counter-verdict-not-affected",
        VerdictKind::Unknown => "counter-verdict-unknown",
    }
}

/// The pharmacy's details, the printer and the tally: set once.
fn settings_ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State) -> Option<Action> {
    let lang = ctx.lang;
    let mut prefs: CounterPrefs = ctx.counter.clone();
    let mut action = None;
    egui::CollapsingHeader::new(tr(lang, "counter-settings")).show(ui, |ui| {
        widgets::text_field(
            ui,
            &tr(lang, "counter-pharmacy-name"),
            &mut prefs.pharmacy_name,
            "",
        );
        widgets::text_field(
            ui,
            &tr(lang, "counter-pharmacy-address"),
            &mut prefs.pharmacy_address,
            "",
        );
        super::counter_sheet::printer_ui(ui, ctx, &mut state.printers, &mut prefs);
        ui.checkbox(&mut prefs.keep_tally, tr(lang, "counter-keep-tally"));
        ui.label(RichText::new(tr(lang, "counter-tally-note")).small());
        super::counter_sheet::tally_ui(ui, ctx, &mut state.export);
    });
    if prefs != *ctx.counter {
        action = Some(Action::SetCounter(prefs));
    }
    action
}
