//! Step 2: what the label says, typed (photos come through the same step).

use egui::{RichText, Ui};

use super::StepCtx;
use crate::i18n::tr;
use crate::identify::{self, InputError};
use crate::ui::theme;
use crate::ui::widgets;
use crate::ui::wizard::Action;

/// What the identify step keeps between frames.
#[derive(Debug, Default, Clone)]
pub struct State {
    /// The text typed.
    pub text: String,
    /// The last refusal, shown under the field.
    pub error: Option<InputError>,
    /// Photos of the label chosen by the user.
    pub photos: Vec<std::path::PathBuf>,
}

/// Draws the identify step.
pub fn ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State) -> Option<Action> {
    let lang = ctx.lang;
    let mut action = None;
    ui.heading(tr(lang, "identify-heading"));
    ui.add_space(theme::GAP);
    ui.label(tr(lang, "identify-where"));
    ui.label(tr(lang, "identify-examples"));
    ui.add_space(theme::GAP);

    let field = widgets::text_area(
        ui,
        &tr(lang, "identify-field"),
        &mut state.text,
        &tr(lang, "identify-hint"),
        3,
    );
    if field.changed() {
        state.error = None;
        action = Some(Action::InputChanged);
    }
    let enter =
        field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter) && i.modifiers.command);
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
    ui.add_space(theme::GAP);
    ui.label(RichText::new(tr(lang, "identify-serial-note")).small());

    if let Some(nav) = widgets::nav_ui(ui, lang, true, None) {
        action = Some(nav);
    }
    action
}

fn input_error_text(ctx: &StepCtx<'_>, error: &InputError) -> String {
    match error {
        InputError::Empty => tr(ctx.lang, "identify-error-empty"),
        InputError::TooLong { .. } => tr(ctx.lang, "identify-error-too-long"),
        InputError::ControlCharacter { .. } => tr(ctx.lang, "identify-error-other"),
    }
}
