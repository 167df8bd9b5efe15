//! The window: the top bar, the current screen, Back and Next. It draws
//! the [`AppState`] and hands the actions the screens return back to it;
//! the state itself changes only in [`AppState::apply`].

use std::time::Instant;

use egui::RichText;

use super::prefs::{PREFS_KEY, Prefs};
use super::state::{AppConfig, AppState, Mode};
use super::steps;
use super::theme::{self, Look};
use super::wizard::{Action, Step};
use crate::i18n::{Lang, tr, tr_args};

/// The Monitor Check app.
pub struct MonitorCheckApp {
    state: AppState,
    applied_look: Option<Look>,
    started: Option<Instant>,
    frames_drawn: u32,
    /// The *About* window: shown or not, and its *Save diagnostics…*.
    about: super::about::About,
}

impl MonitorCheckApp {
    /// Builds the app, restoring saved preferences and any unfinished notice.
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig) -> Self {
        let prefs = cc
            .storage
            .and_then(|s| eframe::get_value::<Prefs>(s, PREFS_KEY));
        theme::install_fonts(&cc.egui_ctx);
        let started = config.started;
        let repaint = cc.egui_ctx.clone();
        let state = AppState::new(config, prefs, move || repaint.request_repaint());
        // Before the first frame: its `Ui` already carries the style, and
        // the theme's own text styles must be in it.
        let look = state.prefs().look;
        theme::apply(&cc.egui_ctx, look);
        Self {
            state,
            applied_look: Some(look),
            started,
            frames_drawn: 0,
            about: super::about::About::default(),
        }
    }

    /// What the app knows (for tests).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// What the app knows, to wait for its worker threads (for tests).
    pub fn state_mut(&mut self) -> &mut AppState {
        &mut self.state
    }

    /// The current step (for tests and the window title).
    pub fn step(&self) -> Step {
        self.state.step()
    }

    /// The saved preferences.
    pub fn prefs(&self) -> &Prefs {
        self.state.prefs()
    }

    /// The notice form as filled so far.
    pub fn form(&self) -> &crate::notice::NoticeForm {
        self.state.form()
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let prefs = self.state.prefs();
        let lang = prefs.lang;
        let mut action = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(theme::title(tr(lang, "app-title")));
            ui.add_space(theme::INLINE_GAP);
            for l in Lang::ALL {
                if ui.selectable_label(lang == l, l.native_name()).clicked() && l != lang {
                    action = Some(Action::SetLang(l));
                }
            }
            ui.add_space(theme::INLINE_GAP);
            let mut look = prefs.look;
            ui.checkbox(&mut look.large_text, tr(lang, "look-large-text"));
            ui.checkbox(&mut look.high_contrast, tr(lang, "look-high-contrast"));
            if look != prefs.look {
                action = Some(Action::SetLook(look));
            }
            ui.add_space(theme::INLINE_GAP);
            if ui.button(tr(lang, "about-open")).clicked() {
                self.about.open = true;
            }
        });
        action
    }

    fn nav_ui(&self, ui: &mut egui::Ui) -> Option<Action> {
        let lang = self.state.prefs().lang;
        let step = self.state.step();
        let next = step.next_label().map(|id| tr(lang, id));
        super::widgets::nav_ui(ui, lang, step != Step::Welcome, next.as_deref())
    }

    fn step_header_ui(&self, ui: &mut egui::Ui) {
        let lang = self.state.prefs().lang;
        let step = self.state.step();
        ui.label(
            RichText::new(tr_args(
                lang,
                "step-of",
                &[
                    ("n", &step.number().to_string()),
                    ("total", &Step::ALL.len().to_string()),
                    ("name", &tr(lang, step.message_id())),
                ],
            ))
            .small(),
        );
    }

    /// Draws the pharmacy counter.
    fn counter_ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let mut counter = std::mem::take(&mut self.state.counter);
        let ctx = self.state.step_ctx(&[]);
        let action = steps::counter::ui(ui, &ctx, &mut counter);
        self.state.counter = counter;
        action
    }

    /// Draws the family doctor's register.
    fn register_ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let mut register = std::mem::take(&mut self.state.register);
        let ctx = self.state.step_ctx(&[]);
        let action = steps::register::ui(ui, &ctx, &mut register);
        self.state.register = register;
        action
    }

    /// Draws the current screen. Each screen reads the shared context and
    /// edits only its own state.
    fn step_ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let step = self.state.step();
        let unreadable = if step == Step::Notice {
            self.state.identify.unreadable_photos()
        } else {
            Vec::new()
        };
        // The context borrows the state while a screen edits its own part:
        // take that part out for the frame and put it back after.
        let mut welcome = std::mem::take(&mut self.state.welcome);
        let mut identify = std::mem::take(&mut self.state.identify);
        let mut notice = std::mem::take(&mut self.state.notice);
        let ctx = self.state.step_ctx(&unreadable);
        let action = match step {
            Step::Welcome => steps::welcome::ui(ui, &ctx, &mut welcome),
            Step::Identify => steps::identify::ui(ui, &ctx, &mut identify),
            Step::Result => steps::result::ui(ui, &ctx),
            Step::Guidance => steps::guidance::ui(ui, &ctx, &mut notice.form),
            Step::Notice => steps::notice::ui(ui, &ctx, &mut notice),
        };
        self.state.welcome = welcome;
        self.state.identify = identify;
        self.state.notice = notice;
        action
    }
}

impl eframe::App for MonitorCheckApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(started) = self.started {
            // The second call starts once the first frame has been painted.
            if self.frames_drawn == 1 {
                eprintln!(
                    "monitor-check: first frame after {:.0} ms",
                    started.elapsed().as_secs_f64() * 1000.0
                );
                self.started = None;
            } else {
                ui.ctx().request_repaint();
            }
            self.frames_drawn += 1;
        }
        let look = self.state.prefs().look;
        if self.applied_look != Some(look) {
            theme::apply(ui.ctx(), look);
            self.applied_look = Some(look);
        }
        let lang = self.state.prefs().lang;
        let mut actions = Vec::new();
        egui::Panel::top("top-bar").show(ui, |ui| {
            ui.add_space(theme::BAR_MARGIN);
            actions.extend(self.top_bar_ui(ui));
            if let Some(e) = &self.state.counter_error {
                ui.label(
                    RichText::new(format!("{} ({e})", tr(lang, "counter-error")))
                        .color(theme::error_color(look)),
                );
            }
            if let Some(e) = &self.state.draft_error {
                ui.label(
                    RichText::new(format!("{} ({e})", tr(lang, "ui-draft-error")))
                        .color(theme::error_color(look)),
                );
            }
            ui.add_space(theme::BAR_MARGIN);
        });
        if self.state.mode() == Mode::Counter {
            egui::CentralPanel::default().show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("counter")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        centered(ui, |ui| actions.extend(self.counter_ui(ui)));
                    });
            });
        } else if self.state.mode() == Mode::Register {
            egui::CentralPanel::default().show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("register")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        // The table is wider than a column of text.
                        actions.extend(self.register_ui(ui));
                    });
            });
        } else {
            // Back and Next stay in view on every step, however long it is.
            egui::Panel::bottom("nav-bar").show(ui, |ui| {
                centered(ui, |ui| actions.extend(self.nav_ui(ui)));
            });
            egui::CentralPanel::default().show(ui, |ui| {
                // One scroll position per step: a new step starts at its top.
                egui::ScrollArea::vertical()
                    .id_salt(self.state.step().message_id())
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        centered(ui, |ui| {
                            self.step_header_ui(ui);
                            actions.extend(self.step_ui(ui));
                        });
                    });
            });
        }
        if self.about.open {
            let step = self.state.step_ctx(&[]);
            super::about::window(ui.ctx(), &step, &mut self.about);
        }
        for action in actions {
            self.state.apply(action);
        }
        self.state.after_frame();
        if let Some(after) = self.state.autosave_tick(Instant::now()) {
            ui.ctx().request_repaint_after(after);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, self.state.prefs());
        self.state.flush_draft();
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if self.state.mode() == Mode::Counter {
            // Closing the counter is the end of the last patient too.
            self.state.apply(Action::NextPatient);
            self.state
                .wait_for_cleanup(std::time::Duration::from_secs(3));
        }
        self.state.flush_draft();
        // Closing the window may wait a moment for the last draft.
        self.state
            .wait_for_writes(std::time::Duration::from_secs(3));
    }
}

/// Lays `add` out in a column no wider than [`theme::CONTENT_MAX_WIDTH`],
/// centred in the space available.
fn centered(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    let width = ui.available_width().min(theme::CONTENT_MAX_WIDTH);
    let margin = (ui.available_width() - width) / 2.0;
    ui.horizontal(|ui| {
        ui.add_space(margin.max(0.0));
        ui.vertical(|ui| {
            ui.set_max_width(width);
            add(ui);
        });
    });
}
