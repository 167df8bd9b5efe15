//! Step 1: language and role; the list in use, its update and its sources.

use std::fmt::Write as _;
use std::ops::ControlFlow;
use std::path::Path;

use egui::{RichText, Ui};

use super::StepCtx;
use crate::guidance::Role;
use crate::i18n::{Lang, tr, tr_args};
use crate::ui::jobs::Job;
use crate::ui::theme;
use crate::ui::wizard::Action;
use crate::update::{self, ActiveList, FetchOptions, UpdateError, UpdateOutcome};

/// What the welcome step keeps between frames: the update check.
#[derive(Default)]
pub struct State {
    job: Option<Job<Result<UpdateOutcome, UpdateError>>>,
    message: Option<(bool, String)>,
}

/// Draws the welcome step. The language, the role and the feed address
/// are the app's preferences: a change comes back as an action.
pub fn ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State) -> Option<Action> {
    let lang = ctx.lang;
    let mut action = None;
    ui.heading(tr(lang, "welcome-heading"));
    ui.add_space(theme::GAP);
    ui.label(tr(lang, "welcome-intro"));
    ui.label(tr(lang, "welcome-privacy"));
    ui.add_space(theme::GAP);

    ui.label(RichText::new(tr(lang, "welcome-language")).strong());
    ui.horizontal(|ui| {
        for l in Lang::ALL {
            if ui.radio(lang == l, l.native_name()).clicked() && l != lang {
                action = Some(Action::SetLang(l));
            }
        }
    });
    ui.add_space(theme::GAP);

    ui.label(RichText::new(tr(lang, "welcome-role")).strong());
    for role in Role::ALL {
        if ui
            .radio(ctx.role == role, tr(lang, role.message_id()))
            .clicked()
            && role != ctx.role
        {
            action = Some(Action::SetRole(role));
        }
    }
    if ctx.role == Role::Pharmacist {
        ui.add_space(theme::GAP);
        ui.label(tr(lang, "welcome-counter-note"));
        if ui
            .button(RichText::new(tr(lang, "welcome-open-counter")).strong())
            .clicked()
        {
            action = Some(Action::OpenCounter);
        }
    }
    if ctx.role == Role::Gp {
        ui.add_space(theme::GAP);
        ui.label(tr(lang, "welcome-register-note"));
        if ui
            .button(RichText::new(tr(lang, "welcome-open-register")).strong())
            .clicked()
        {
            action = Some(Action::OpenRegister);
        }
    }
    ui.add_space(theme::GAP * 2.0);
    list_ui(ui, ctx, state).or(action)
}

/// "List of 3 March 2025, version 1.": the list in use, as the welcome
/// screen and *About* say it.
pub(crate) fn list_in_use(lang: Lang, list: &ActiveList) -> String {
    tr_args(
        lang,
        "list-in-use",
        &[
            ("date", &crate::i18n::format_date(lang, list.issued())),
            ("version", &list.version().to_string()),
        ],
    )
}

fn list_ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State) -> Option<Action> {
    let (lang, list) = (ctx.lang, ctx.list);
    let mut action = None;
    ui.label(RichText::new(tr(lang, "list-heading")).strong());
    ui.label(list_in_use(lang, list));
    if let Some(e) = &list.ignored_stored {
        ui.label(RichText::new(format!("{} ({e})", tr(lang, "list-stored-ignored"))).small());
    }

    if let Some(job) = &mut state.job {
        if let Some(result) = job.poll() {
            let (message, new_list) = outcome_message(lang, result);
            state.message = Some(message);
            action = new_list.map(|l| Action::ListUpdated(Box::new(l)));
            state.job = None;
        } else if job.is_lost() {
            let detail = job.lost_detail().unwrap_or_default();
            state.message = Some((
                false,
                crate::ui::jobs::with_details(lang, &tr(lang, "list-update-failed"), detail),
            ));
            state.job = None;
        }
    }
    if let Some(job) = &state.job {
        ui.horizontal(|ui| {
            ui.spinner();
            let status = if job.status.is_empty() {
                tr(lang, "list-checking")
            } else {
                job.status.clone()
            };
            ui.label(status);
            if ui.button(tr(lang, "ui-cancel")).clicked() {
                job.cancel();
            }
        });
    } else if ui.button(tr(lang, "list-check-updates")).clicked() {
        state.message = None;
        let url = if ctx.feed_url.trim().is_empty() {
            update::DEFAULT_FEED_URL.to_owned()
        } else {
            ctx.feed_url.trim().to_owned()
        };
        match start_update(ui.ctx(), ctx, &url) {
            Ok(job) => state.job = Some(job),
            Err(e) => state.message = Some((false, e)),
        }
    }
    ui.label(RichText::new(tr(lang, "list-network-note")).small());
    if let Some((ok, text)) = &state.message {
        let text = RichText::new(text);
        ui.label(if *ok {
            text
        } else {
            text.color(theme::error_color(ctx.look))
        });
    }

    egui::CollapsingHeader::new(tr(lang, "list-settings")).show(ui, |ui| {
        let mut feed_url = ctx.feed_url.to_owned();
        if crate::ui::widgets::text_field(
            ui,
            &tr(lang, "list-feed-url"),
            &mut feed_url,
            update::DEFAULT_FEED_URL,
        )
        .changed()
        {
            action = Some(Action::SetFeedUrl(feed_url));
        }
        ui.label(RichText::new(tr(lang, "list-feed-url-note")).small());
    });
    advisories_ui(ui, lang, list);
    action
}

/// The advisories behind the list, with the models and CVEs each covers.
fn advisories_ui(ui: &mut Ui, lang: Lang, list: &ActiveList) {
    egui::CollapsingHeader::new(tr(lang, "list-about-advisories")).show(ui, |ui| {
        for o in update::about::overview(&list.catalog) {
            ui.horizontal_wrapped(|ui| {
                ui.hyperlink_to(
                    format!(
                        "{} — {} ({})",
                        o.source.publisher, o.source.title, o.source.date
                    ),
                    &o.source.url,
                );
            });
            let models: Vec<&str> = o.models.iter().map(|m| m.model.as_str()).collect();
            let cves: Vec<String> = o
                .advisories
                .iter()
                .map(|a| format!("{} (CVSS {:.1})", a.cve, a.cvss_v3))
                .collect();
            if !models.is_empty() {
                ui.label(
                    RichText::new(format!(
                        "{}: {}",
                        tr(lang, "list-models"),
                        models.join(", ")
                    ))
                    .small(),
                );
            }
            if !cves.is_empty() {
                ui.label(
                    RichText::new(format!("{}: {}", tr(lang, "list-cves"), cves.join(", ")))
                        .small(),
                );
            }
        }
    });
}

fn start_update(
    egui_ctx: &egui::Context,
    ctx: &StepCtx<'_>,
    url: &str,
) -> Result<Job<Result<UpdateOutcome, UpdateError>>, String> {
    let lang = ctx.lang;
    let Some(dir) = ctx.data_dir.map(Path::to_path_buf) else {
        return Err(tr(lang, "list-no-data-dir"));
    };
    let current = ctx.list.clone();
    let url = url.to_owned();
    let verifier = ctx.verifier.clone();
    let receiving = tr(lang, "list-receiving");
    let verifying = tr(lang, "list-verifying");
    Job::spawn("list-update", egui_ctx, move |r| {
        let mut progress = |p: update::Progress| {
            let status = match p {
                update::Progress::Connecting(_) | update::Progress::Receiving { .. } => {
                    receiving.clone()
                }
                update::Progress::Verifying | update::Progress::Saving => verifying.clone(),
            };
            r.progress(0.5, status);
            if r.cancelled() {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        };
        update::fetch_update(
            &url,
            &current,
            &verifier,
            &dir,
            &FetchOptions::default(),
            &mut progress,
        )
    })
    .map_err(|e| format!("{} ({e})", tr(lang, "list-update-failed")))
}

/// What to tell the user about an update, and the new list to use if one
/// was accepted.
fn outcome_message(
    lang: Lang,
    result: Result<UpdateOutcome, UpdateError>,
) -> ((bool, String), Option<ActiveList>) {
    match result {
        Ok(UpdateOutcome::UpToDate { .. }) => ((true, tr(lang, "list-up-to-date")), None),
        Ok(UpdateOutcome::Updated { list: new, diff }) => {
            let mut text = tr_args(
                lang,
                "list-updated",
                &[
                    ("date", &crate::i18n::format_date(lang, &diff.new_issued)),
                    ("version", &diff.new_version.to_string()),
                ],
            );
            for m in &diff.models_added {
                let _ = write!(text, "\n+ {}", m.model);
            }
            for m in &diff.models_removed {
                let _ = write!(text, "\n− {}", m.model);
            }
            for s in &diff.sources_added {
                let _ = write!(text, "\n+ {} — {}", s.publisher, s.title);
            }
            ((true, text), Some(new))
        }
        Err(UpdateError::Cancelled) => ((true, tr(lang, "list-update-cancelled")), None),
        Err(e) => {
            let why = match &e {
                UpdateError::Network(_) | UpdateError::Timeout => "list-why-network",
                UpdateError::HttpStatus { .. }
                | UpdateError::BadUrl(_)
                | UpdateError::InsecureUrl => "list-why-address",
                UpdateError::Unsigned
                | UpdateError::MalformedSignature
                | UpdateError::BadSignature
                | UpdateError::WrongKey => "list-why-signature",
                UpdateError::Rollback { .. } | UpdateError::SameVersion { .. } => "list-why-older",
                UpdateError::TooLarge { .. }
                | UpdateError::Unparseable(_)
                | UpdateError::SchemaInvalid(_) => "list-why-invalid",
                UpdateError::Storage(_) => "list-why-storage",
                UpdateError::Cancelled => "list-update-cancelled",
            };
            let text = format!(
                "{} {}\n{}: {e}",
                tr(lang, "list-update-refused"),
                tr(lang, why),
                tr(lang, "ui-details")
            );
            ((false, text), None)
        }
    }
}
