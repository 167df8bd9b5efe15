//! Step 2: what the label says — typed, or read from photos of the label.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::StepCtx;
use crate::i18n::{tr, tr_args};
use crate::identify::{self, InputError, Origin, Verdict, VerdictKind};
use crate::ocr::PhotoText;
use crate::photos::{self, CheckError};
use crate::ui::camera::{CameraEvent, CameraPanel};
use crate::ui::photo_reading::{self, PhotoInput, PhotoResult, Running};
use crate::ui::theme;
use crate::ui::widgets;
use crate::ui::wizard::Action;

/// What the identify step keeps between frames.
#[derive(Default)]
pub struct State {
    /// The text typed.
    pub text: String,
    /// The last refusal, shown under the field.
    pub error: Option<InputError>,
    /// The field got the keyboard focus once already.
    pub focused: bool,
    /// Photos to read when the step is next drawn (opened at start, or a
    /// restored notice whose verdict must be reached again).
    pending: Vec<PathBuf>,
    reading: Option<Running>,
    picking: Option<crate::ui::jobs::Job<Option<Vec<PathBuf>>>>,
    results: Vec<PhotoResult>,
    photo_verdict: Option<Verdict>,
    photo_note: Option<String>,
    confirm_shown: bool,
    /// The computer's camera, while its panel is open.
    camera: Option<CameraPanel>,
    /// Photos taken with the camera so far, for their names.
    taken: u32,
}

impl State {
    /// Reads `paths` as soon as the step is drawn, as if they were dropped
    /// on the window.
    pub fn read_when_shown(&mut self, paths: Vec<PathBuf>) {
        self.pending = paths;
    }

    /// Stops the camera, if it is on.
    pub fn close_camera(&mut self) {
        self.camera = None;
    }

    /// Names of the chosen photos that could not be read as pictures: the
    /// notice names them instead of attaching them.
    pub fn unreadable_photos(&self) -> Vec<String> {
        self.results
            .iter()
            .filter(|r| r.outcome.is_err())
            .map(|r| r.name.clone())
            .collect()
    }
}

/// How the photo picker is answered (tests drop files instead).
fn pick_photos(ctx: &egui::Context) -> std::io::Result<crate::ui::jobs::Job<Option<Vec<PathBuf>>>> {
    crate::ui::jobs::Job::spawn("photo-picker", ctx, |_| {
        rfd::FileDialog::new()
            .add_filter(
                "Photos",
                &["jpg", "jpeg", "png", "heic", "heif", "JPG", "JPEG", "PNG"],
            )
            .pick_files()
    })
}

/// Draws the identify step.
pub fn ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State) -> Option<Action> {
    let lang = ctx.lang;
    let mut action = None;
    ui.heading(tr(lang, "identify-heading"));
    ui.add_space(theme::GAP);
    ui.label(tr(lang, "identify-where"));
    // Where the label is (on the back, or underneath), and what the model
    // field looks like.
    ui.horizontal_wrapped(|ui| {
        crate::ui::pictures::label_location(ui, lang, ctx.look);
        ui.add_space(theme::INLINE_GAP);
        crate::ui::pictures::label_underneath(ui, lang, ctx.look);
        ui.add_space(theme::INLINE_GAP);
        crate::ui::pictures::rating_label(ui, lang, ctx.look);
    });
    ui.label(tr(lang, "identify-examples"));
    ui.add_space(theme::GAP);

    let field = widgets::text_field(
        ui,
        &tr(lang, "identify-field"),
        &mut state.text,
        &tr(lang, "identify-hint"),
    );
    if !state.focused {
        // Keyboard users land straight in the field.
        field.request_focus();
        state.focused = true;
    }
    if field.changed() {
        state.error = None;
        action = Some(Action::InputChanged);
    }
    // Enter in the field checks, as the button does.
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if let Some(error) = &state.error {
        ui.label(RichText::new(input_error_text(ctx, error)).color(theme::error_color(ctx.look)));
    }
    ui.add_space(theme::GAP);
    let check = ui.add(egui::Button::new(
        RichText::new(tr(lang, "identify-check")).strong(),
    ));
    if check.clicked() || enter {
        match identify::identify_text(ctx.catalog, &state.text) {
            Ok(verdict) => action = Some(Action::Identified(Box::new(verdict))),
            Err(e) => state.error = Some(e),
        }
    }
    ui.label(RichText::new(tr(lang, "identify-serial-note")).small());

    ui.add_space(theme::GAP * 2.0);
    if let Some(a) = photos_ui(ui, ctx, state) {
        action = Some(a);
    }

    action
}

fn photos_ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State) -> Option<Action> {
    let lang = ctx.lang;
    let mut action = None;
    ui.label(theme::title(tr(lang, "photo-heading")));
    ui.label(tr(lang, "photo-intro"));

    // Files dropped on the window, or chosen in the picker.
    let dropped = photo_reading::dropped_paths(ui);
    let mut chosen = (!dropped.is_empty()).then_some(dropped);
    if !state.pending.is_empty() {
        // Already kept by the app: read them without announcing them again.
        let paths = std::mem::take(&mut state.pending);
        start_reading(ui.ctx(), state, paths);
    }
    if let Some(job) = &mut state.picking
        && let Some(picked) = job.poll()
    {
        chosen = picked;
        state.picking = None;
    }
    if let Some(paths) = chosen
        && state.reading.is_none()
    {
        state.camera = None;
        start_reading(ui.ctx(), state, paths.clone());
        action = Some(Action::PhotosChosen(paths));
    }

    if let Some(running) = &state.reading {
        photo_reading::progress_ui(ui, running, lang);
    } else {
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(
                    state.picking.is_none(),
                    egui::Button::new(tr(lang, "photo-add")),
                )
                .clicked()
            {
                match pick_photos(ui.ctx()) {
                    Ok(job) => state.picking = Some(job),
                    Err(e) => state.photo_note = Some(e.to_string()),
                }
            }
            if state.camera.is_none() && ui.button(tr(lang, "camera-open")).clicked() {
                state.camera = Some(CameraPanel::open(ui.ctx(), ctx.camera.clone()));
            }
        });
    }
    if let Some(a) = camera_ui(ui, ctx, state) {
        action = Some(a);
    }
    finish_reading(ctx, state);

    if let Some(note) = &state.photo_note {
        ui.label(RichText::new(note).color(theme::error_color(ctx.look)));
    }
    for result in &state.results {
        if let Err(problem) = &result.outcome {
            ui.label(
                RichText::new(format!("{}: {}", result.name, problem.message(lang)))
                    .color(theme::error_color(ctx.look)),
            );
            ui.label(
                RichText::new(format!("{}: {}", tr(lang, "ui-details"), problem.detail())).small(),
            );
        }
    }

    if let Some(verdict) = state.photo_verdict.clone()
        && let Some(confirmed) = confirm_ui(ui, ctx, state, &verdict)
    {
        action = Some(confirmed);
    }
    action
}

/// "We read …: does the label say this?", and the photos with the text outlined.
fn confirm_ui(
    ui: &mut Ui,
    ctx: &StepCtx<'_>,
    state: &mut State,
    verdict: &Verdict,
) -> Option<Action> {
    let lang = ctx.lang;
    let mut action = None;
    let decisive: Vec<String> = verdict
        .evidence
        .iter()
        .filter(|e| matches!(e.origin, Origin::Photo { .. }))
        .map(|e| e.text.clone())
        .collect();
    ui.add_space(theme::GAP);
    let mut dismiss = false;
    let frame = egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .inner_margin(theme::PANEL_MARGIN)
        .corner_radius(theme::PANEL_CORNER)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            if let Some(read) = decisive.first() {
                ui.label(theme::emphasis(tr_args(
                    lang,
                    "photo-we-read",
                    &[("text", read)],
                )));
                ui.label(tr(lang, "photo-confirm-question"));
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .button(RichText::new(tr(lang, "photo-confirm-yes")).strong())
                        .clicked()
                    {
                        action = Some(Action::Identified(Box::new(verdict.clone())));
                    }
                    if ui.button(tr(lang, "photo-confirm-no")).clicked() {
                        state.text.clone_from(read);
                        state.focused = false;
                        dismiss = true;
                    }
                });
            } else {
                ui.label(theme::emphasis(tr(lang, "photo-nothing-read")));
                if ui.button(tr(lang, "photo-see-result")).clicked() {
                    action = Some(Action::Identified(Box::new(verdict.clone())));
                }
            }
        });
    if !state.confirm_shown {
        // The answer appears below the fold: bring it into view once.
        ui.scroll_to_rect(frame.response.rect.expand(24.0), Some(egui::Align::TOP));
        state.confirm_shown = true;
    }
    if dismiss {
        state.photo_verdict = None;
    }
    if verdict.verdict == VerdictKind::Unknown {
        // Say why the photos may have read badly, from the photos.
        ui.add_space(theme::GAP);
        for result in &mut state.results {
            photo_reading::coaching_ui(ui, result, lang);
        }
    }
    for result in &mut state.results {
        if result.outcome.is_ok() {
            ui.label(RichText::new(&result.name).small());
            photo_reading::photo_ui(ui, result, &decisive, lang, ctx.look);
        }
    }
    action
}

/// The camera panel, while open; a photo taken is read at once and becomes
/// the check's photo.
fn camera_ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State) -> Option<Action> {
    let panel = state.camera.as_mut()?;
    ui.add_space(theme::GAP);
    match panel.ui(ui, ctx.lang, ctx.look)? {
        CameraEvent::Closed => {
            state.camera = None;
            None
        }
        CameraEvent::Taken(bytes) => {
            state.camera = None;
            state.taken += 1;
            let name = tr_args(
                ctx.lang,
                "camera-photo-name",
                &[("n", &state.taken.to_string())],
            );
            let photo = std::sync::Arc::new(crate::notice::PhotoFile { name, bytes });
            start_inputs(
                ui.ctx(),
                state,
                vec![PhotoInput::Taken(std::sync::Arc::clone(&photo))],
            );
            Some(Action::PhotoTaken(photo))
        }
    }
}

fn start_reading(ctx: &egui::Context, state: &mut State, paths: Vec<PathBuf>) {
    start_inputs(
        ctx,
        state,
        paths.into_iter().map(PhotoInput::File).collect(),
    );
}

fn start_inputs(ctx: &egui::Context, state: &mut State, photos: Vec<PhotoInput>) {
    state.photo_verdict = None;
    state.confirm_shown = false;
    state.photo_note = None;
    state.results.clear();
    match photo_reading::start_inputs(ctx, photos) {
        Ok(running) => state.reading = Some(running),
        Err(e) => state.photo_note = Some(e.to_string()),
    }
}

fn finish_reading(ctx: &StepCtx<'_>, state: &mut State) {
    let Some(running) = &mut state.reading else {
        return;
    };
    let Some(batch) = running.job.poll() else {
        if running.job.is_lost() {
            let detail = running.job.lost_detail().unwrap_or_default();
            state.photo_note = Some(crate::ui::jobs::with_details(
                ctx.lang,
                &tr(ctx.lang, "photo-error-reader"),
                detail,
            ));
            state.reading = None;
        }
        return;
    };
    state.reading = None;
    if batch.cancelled {
        state.photo_note = Some(tr(ctx.lang, "photo-error-cancelled"));
        return;
    }
    let read: Vec<(&str, &PhotoText)> = batch
        .results
        .iter()
        .filter_map(|r| r.outcome.as_ref().ok().map(|t| (r.name.as_str(), t)))
        .collect();
    match photos::verdict(ctx.catalog, &state.text, &read) {
        Ok(verdict) => {
            debug_assert!(verdict.verdict != VerdictKind::NotAffected || verdict.model.is_some());
            state.photo_verdict = Some(verdict);
        }
        // The field shows why its text was refused; the photos wait for it.
        Err(CheckError::Text(e)) => state.error = Some(e),
        // Each photo's problem is shown below the button.
        Err(CheckError::NothingRead) => {}
    }
    state.results = batch.results;
}

fn input_error_text(ctx: &StepCtx<'_>, error: &InputError) -> String {
    match error {
        InputError::Empty => tr(ctx.lang, "identify-error-empty"),
        InputError::TooLong { .. } => tr(ctx.lang, "identify-error-too-long"),
        InputError::ControlCharacter { .. } => tr(ctx.lang, "identify-error-other"),
    }
}
