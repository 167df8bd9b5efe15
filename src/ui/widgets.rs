//! Small building blocks shared by the steps.

use egui::{Response, RichText, Ui};

use super::theme;
use super::wizard::Action;
use crate::i18n::{Lang, tr};

/// A one-line text field with a visible label that screen readers (and
/// tests) use as its name.
pub fn text_field(ui: &mut Ui, label: &str, value: &mut String, hint: &str) -> Response {
    let label = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(value)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id)
}

/// A several-line text field with a visible label.
pub fn text_area(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    hint: &str,
    rows: usize,
) -> Response {
    let label = ui.label(label);
    ui.add(
        egui::TextEdit::multiline(value)
            .hint_text(hint)
            .desired_rows(rows)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id)
}

/// Back and Next buttons at the foot of a step. `next` is the label of the
/// forward button, or `None` for a step without one.
pub fn nav_ui(ui: &mut Ui, lang: Lang, back: bool, next: Option<&str>) -> Option<Action> {
    let mut action = None;
    ui.add_space(theme::BAR_MARGIN);
    ui.horizontal(|ui| {
        if back && ui.button(format!("← {}", tr(lang, "nav-back"))).clicked() {
            action = Some(Action::Back);
        }
        if let Some(next) = next {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let button = egui::Button::new(RichText::new(format!("{next} →")).strong());
                if ui.add(button).clicked() {
                    action = Some(Action::Next);
                }
            });
        }
    });
    ui.add_space(theme::BAR_MARGIN);
    action
}

/// A numbered or bulleted line that wraps.
pub fn bullet(ui: &mut Ui, marker: &str, text: impl Into<egui::WidgetText>) {
    ui.horizontal_top(|ui| {
        ui.label(RichText::new(marker).strong());
        ui.add(egui::Label::new(text).wrap());
    });
}

/// A question answered by one of a few radio buttons, laid out in a row
/// under it. Many questions share the same choices ("Yes", "No"), so each
/// button is named "question: choice" for screen readers and tests.
/// Returns whether the user changed the answer.
pub fn choice_ui<T: PartialEq + Copy>(
    ui: &mut Ui,
    question: impl Into<egui::WidgetText>,
    name: &str,
    value: &mut T,
    choices: &[(T, String)],
) -> bool {
    let mut changed = false;
    ui.add(egui::Label::new(question).wrap());
    ui.horizontal_wrapped(|ui| {
        for (choice, text) in choices {
            let selected = *value == *choice;
            let response = ui.radio(selected, text.as_str());
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::RadioButton,
                    true,
                    selected,
                    format!("{name}: {text}"),
                )
            });
            if response.clicked() && !selected {
                *value = *choice;
                changed = true;
            }
        }
    });
    changed
}

/// A panel in the verdict's colours, full width; `add` draws its content
/// and gets the text colour to use on that fill.
pub fn verdict_panel(
    ui: &mut Ui,
    kind: crate::identify::VerdictKind,
    look: theme::Look,
    add: impl FnOnce(&mut Ui, egui::Color32),
) {
    let (fill, text) = theme::verdict_colors(kind, look);
    egui::Frame::new()
        .fill(fill)
        .inner_margin(theme::PANEL_MARGIN)
        .corner_radius(theme::PANEL_CORNER)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add(ui, text);
        });
}
