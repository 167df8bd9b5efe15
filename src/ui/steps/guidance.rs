//! Step 4: what to do, each step with its source, and the tampering checklist.

use egui::{RichText, Ui};

use super::StepCtx;
use crate::guidance::{self, Connection, TamperSign, Weight};
use crate::i18n::tr;
use crate::identify::VerdictKind;
use crate::notice::NoticeForm;
use crate::ui::theme;
use crate::ui::widgets;
use crate::ui::wizard::Action;

/// Draws the guidance step.
/// What the user ticks here goes straight into the notice form.
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
        if !names.is_empty() {
            ui.indent(step.message_id, |ui| {
                ui.label(
                    RichText::new(format!(
                        "{} {}",
                        tr(lang, "guidance-source"),
                        names.join("; ")
                    ))
                    .small(),
                );
            });
        }
    }

    if kind != VerdictKind::NotAffected {
        ui.add_space(theme::GAP);
        ui.label(RichText::new(tr(lang, "guidance-connection")).strong());
        for c in Connection::ALL {
            ui.radio_value(&mut form.connection, c, tr(lang, c.message_id()));
        }
        ui.add_space(theme::GAP);
        ui.label(RichText::new(tr(lang, "guidance-done")).strong());
        ui.checkbox(
            &mut form.actions.cable_unplugged,
            tr(lang, "guidance-done-cable"),
        );
        ui.checkbox(&mut form.actions.wifi_off, tr(lang, "guidance-done-wifi"));
    }

    if guidance::asks_about_tampering(kind) {
        ui.add_space(theme::GAP);
        ui.label(RichText::new(tr(lang, "guidance-tamper-heading")).strong());
        ui.label(tr(lang, "guidance-tamper-intro"));
        form.tamper_checklist_done = true;
        for sign in TamperSign::ALL {
            let mut ticked = form.tamper_signs.contains(&sign);
            if ui
                .checkbox(&mut ticked, tr(lang, sign.message_id()))
                .changed()
            {
                if ticked {
                    form.tamper_signs.insert(sign);
                } else {
                    form.tamper_signs.remove(&sign);
                }
            }
        }
        if !form.tamper_signs.is_empty() {
            ui.label(
                RichText::new(tr(lang, "guidance-tamper-serious"))
                    .strong()
                    .color(theme::urgent_color(ctx.look)),
            );
        }
    }
    None
}
