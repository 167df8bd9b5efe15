//! Step 4: what to do, each step with its source, and the tampering checklist.

use egui::{RichText, Ui};

use super::StepCtx;
use crate::guidance::{self, Connection, TamperSign, Weight};
use crate::i18n::{Lang, tr};
use crate::identify::VerdictKind;
use crate::notice::{Answer, NoticeForm};
use crate::ui::theme;
use crate::ui::widgets;
use crate::ui::wizard::Action;

/// Draws the guidance step.
/// What the user answers here goes straight into the notice form.
pub fn ui(ui: &mut Ui, ctx: &StepCtx<'_>, form: &mut NoticeForm) -> Option<Action> {
    let lang = ctx.lang;
    let kind = ctx.verdict.map_or(VerdictKind::Unknown, |v| v.verdict);
    ui.heading(tr(lang, "guidance-heading"));
    ui.add_space(theme::GAP);
    for (i, step) in guidance::steps(kind, ctx.role).iter().enumerate() {
        let mut text = RichText::new(tr(lang, step.message_id));
        if step.weight == Weight::Urgent {
            text = text.strong().color(theme::urgent_color(ctx.look));
        }
        widgets::bullet(ui, &format!("{}.", i + 1), text);
        let names: Vec<String> = step
            .sources
            .iter()
            .filter_map(|id| ctx.catalog.source(id))
            // "CISA 2025-01-30": the publisher's short name is enough here,
            // the full titles are on the result step.
            .map(|s| {
                let short = s.publisher.split(" (").next().unwrap_or(&s.publisher);
                format!("{short} {}", s.date)
            })
            .collect();
        ui.indent(step.message_id, |ui| {
            if !names.is_empty() {
                ui.label(
                    RichText::new(format!(
                        "{} {}",
                        tr(lang, "guidance-source"),
                        names.join("; ")
                    ))
                    .small(),
                );
            }
            // Shown, not only told: the plug, Wi-Fi, the C key.
            crate::ui::pictures::for_step(ui, step.message_id, lang, ctx.look);
        });
    }

    if kind != VerdictKind::NotAffected {
        connection_ui(ui, lang, form);
    }
    if guidance::asks_about_tampering(kind) {
        tamper_ui(ui, ctx, form);
    }
    None
}

/// How the monitor was connected and what was done about it. Nothing is
/// chosen until the user chooses: "not said" is never printed as "no".
fn connection_ui(ui: &mut Ui, lang: Lang, form: &mut NoticeForm) {
    ui.add_space(theme::GAP);
    let question = tr(lang, "guidance-connection");
    let choices: Vec<(Option<Connection>, String)> = Connection::ALL
        .into_iter()
        .map(|c| (Some(c), tr(lang, c.message_id())))
        .collect();
    widgets::choice_ui(
        ui,
        RichText::new(&question).strong(),
        &question,
        &mut form.connection,
        &choices,
    );
    ui.add_space(theme::GAP);
    ui.label(RichText::new(tr(lang, "guidance-done")).strong());
    let yes_no = [
        (Answer::Yes, tr(lang, "ui-yes")),
        (Answer::No, tr(lang, "ui-no")),
        (Answer::NotAnswered, tr(lang, "ui-notice-not-said")),
    ];
    for (id, answer) in [
        ("guidance-done-cable", &mut form.actions.cable_unplugged),
        ("guidance-done-wifi", &mut form.actions.wifi_off),
    ] {
        let question = tr(lang, id);
        widgets::choice_ui(ui, question.as_str(), &question, answer, &yes_no);
    }
}

/// The tampering checklist: one explicit answer per sign. Showing or
/// scrolling past the list answers nothing; only a click does.
fn tamper_ui(ui: &mut Ui, ctx: &StepCtx<'_>, form: &mut NoticeForm) {
    let lang = ctx.lang;
    ui.add_space(theme::GAP);
    ui.label(RichText::new(tr(lang, "guidance-tamper-heading")).strong());
    ui.label(tr(lang, "guidance-tamper-intro"));
    let choices =
        [Answer::Yes, Answer::No, Answer::NotAnswered].map(|a| (a, tr(lang, a.sign_message_id())));
    for sign in TamperSign::ALL {
        let question = tr(lang, sign.message_id());
        let mut answer = form.tamper_answer(sign);
        if widgets::choice_ui(ui, question.as_str(), &question, &mut answer, &choices) {
            form.set_tamper_answer(sign, answer);
        }
    }
    let all_answered = TamperSign::ALL
        .iter()
        .all(|s| form.tamper_answer(*s).is_answered());
    if ui
        .add_enabled(
            !all_answered,
            egui::Button::new(tr(lang, "guidance-tamper-none")),
        )
        .clicked()
    {
        form.no_other_signs();
    }
    if form.is_incident() {
        ui.label(
            RichText::new(tr(lang, "guidance-tamper-serious"))
                .strong()
                .color(theme::urgent_color(ctx.look)),
        );
    }
}
