//! Step 3: the verdict, with its evidence and sources.

use egui::{RichText, Ui};

use super::StepCtx;
use crate::explain;
use crate::i18n::{tr, tr_args};
use crate::identify::Verdict;
use crate::ui::theme;
use crate::ui::widgets;
use crate::ui::wizard::Action;

/// Draws the result step.
pub fn ui(ui: &mut Ui, ctx: &StepCtx<'_>) -> Option<Action> {
    let lang = ctx.lang;
    let Some(verdict) = ctx.verdict else {
        // The wizard never shows this step without a verdict.
        return Some(Action::Back);
    };
    banner_ui(ui, ctx, verdict);
    ui.add_space(theme::GAP);
    let action = None;
    ui.add_space(theme::GAP);

    if !verdict.cautions.is_empty() {
        ui.label(RichText::new(tr(lang, "result-cautions")).strong());
        for caution in &verdict.cautions {
            widgets::bullet(ui, "!", explain::caution(lang, caution));
        }
        ui.add_space(theme::GAP);
    }
    if !verdict.next_steps.is_empty() {
        ui.label(RichText::new(tr(lang, "result-next-steps")).strong());
        for (i, next) in verdict.next_steps.iter().enumerate() {
            widgets::bullet(ui, &format!("{}.", i + 1), tr(lang, next.message_id()));
        }
        ui.add_space(theme::GAP);
    }

    ui.label(RichText::new(tr(lang, "result-evidence")).strong());
    if verdict.evidence.is_empty() {
        widgets::bullet(ui, "•", tr(lang, "result-no-evidence"));
    }
    for e in &verdict.evidence {
        widgets::bullet(ui, "•", explain::evidence(lang, e));
    }
    ui.add_space(theme::GAP);

    if !verdict.sources.is_empty() {
        ui.label(RichText::new(tr(lang, "result-sources")).strong());
        for id in &verdict.sources {
            if let Some(source) = ctx.catalog.source(id) {
                ui.horizontal_wrapped(|ui| {
                    ui.label("•");
                    ui.hyperlink_to(
                        format!("{} — {} ({})", source.publisher, source.title, source.date),
                        &source.url,
                    );
                });
            }
        }
    }
    ui.label(
        RichText::new(tr_args(
            lang,
            "result-list-version",
            &[
                ("version", &ctx.catalog.version.to_string()),
                ("date", &crate::i18n::format_date(lang, &ctx.catalog.issued)),
            ],
        ))
        .small(),
    );

    action
}

fn banner_ui(ui: &mut Ui, ctx: &StepCtx<'_>, verdict: &Verdict) {
    let lang = ctx.lang;
    widgets::verdict_panel(ui, verdict.verdict, ctx.look, |ui, text| {
        ui.label(
            RichText::new(explain::headline(lang, verdict))
                .heading()
                .color(text),
        );
        ui.label(RichText::new(explain::explanation(lang, verdict)).color(text));
    });
}
