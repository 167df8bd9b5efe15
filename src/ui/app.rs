//! The app: preferences, the wizard, the draft, and routing to the current step.

use std::path::PathBuf;
use std::time::Instant;

use egui::RichText;

use super::prefs::{PREFS_KEY, Prefs};
use super::steps::notice::{Dialogs, NoticeCtx, Request};
use super::steps::{self, StepCtx};
use super::theme::{self, Look};
use super::wizard::{Action, Step, Wizard};
use crate::i18n::{Lang, tr, tr_args};
use crate::notice::{Autosave, Draft, DraftStore, DraftWriter, NoticeForm};
use crate::update::{self, ActiveList, Verifier};

/// Everything the app takes from outside: `from_system` reads this machine,
/// tests pass their own.
pub struct AppConfig {
    /// Language when nothing was saved yet (the system locale's).
    pub default_lang: Lang,
    /// Where the draft, e-mail copies and updated lists live; `None` keeps
    /// nothing on disk.
    pub data_dir: Option<PathBuf>,
    /// The list in use.
    pub list: ActiveList,
    /// How save dialogs are answered.
    pub dialogs: Dialogs,
    /// When the process started, to report the time to the first frame.
    pub started: Option<Instant>,
    /// Photos to read at start ("Open with").
    pub initial_photos: Vec<PathBuf>,
    /// Checks the signature of list updates: the pinned key, except in tests.
    pub verifier: Verifier,
}

impl AppConfig {
    /// Reads the locale, the data dir and the list in use on this machine.
    pub fn from_system() -> Self {
        let default_lang = sys_locale::get_locale().map_or(Lang::En, |l| Lang::from_locale(&l));
        let data_dir = update::default_data_dir();
        let list = update::active_list(data_dir.as_deref(), &Verifier::pinned());
        Self {
            default_lang,
            data_dir,
            list,
            dialogs: Dialogs::System,
            started: None,
            initial_photos: Vec::new(),
            verifier: Verifier::pinned(),
        }
    }
}

/// The Monitor Check app.
pub struct MonitorCheckApp {
    prefs: Prefs,
    wizard: Wizard,
    list: ActiveList,
    data_dir: Option<PathBuf>,
    dialogs: Dialogs,
    verifier: Verifier,
    identify: steps::identify::State,
    form: NoticeForm,
    notice: steps::notice::State,
    welcome: steps::welcome::State,
    checked_at: jiff::Zoned,
    autosave: Autosave,
    writer: Option<DraftWriter>,
    draft_error: Option<String>,
    restored: bool,
    applied_look: Option<Look>,
    started: Option<Instant>,
    frames_drawn: u32,
}

impl MonitorCheckApp {
    /// Builds the app, restoring saved preferences and any unfinished notice.
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig) -> Self {
        let prefs = cc
            .storage
            .and_then(|s| eframe::get_value::<Prefs>(s, PREFS_KEY))
            .unwrap_or_else(|| Prefs {
                lang: config.default_lang,
                ..Prefs::default()
            });
        theme::install_fonts(&cc.egui_ctx);
        // Before the first frame: its `Ui` already carries the style, and
        // the theme's own text styles must be in it.
        let look = prefs.look;
        theme::apply(&cc.egui_ctx, look);
        let mut app = Self {
            prefs,
            wizard: Wizard::default(),
            list: config.list,
            data_dir: config.data_dir,
            dialogs: config.dialogs,
            verifier: config.verifier,
            identify: steps::identify::State::default(),
            form: NoticeForm::default(),
            notice: steps::notice::State::default(),
            welcome: steps::welcome::State::default(),
            checked_at: jiff::Zoned::now(),
            autosave: Autosave::default(),
            writer: None,
            draft_error: None,
            restored: false,
            applied_look: Some(look),
            started: config.started,
            frames_drawn: 0,
        };
        app.restore_draft(&cc.egui_ctx);
        if !config.initial_photos.is_empty() {
            app.wizard = Wizard::restore(Step::Identify, None);
            app.identify.open(&cc.egui_ctx, config.initial_photos);
        }
        app
    }

    fn restore_draft(&mut self, ctx: &egui::Context) {
        let Some(dir) = &self.data_dir else {
            return;
        };
        let store = DraftStore::new(dir.clone());
        let saved = match store.load() {
            Ok(saved) => saved,
            Err(e) => {
                self.draft_error = Some(e.to_string());
                None
            }
        };
        if let Some(draft) = &saved {
            self.prefs.lang = draft.lang;
            self.prefs.role = draft.role;
            self.form = draft.form.clone();
            self.identify.text.clone_from(&draft.typed_text);
            self.identify.photos.clone_from(&draft.photo_paths);
            if let Ok(at) = draft.checked_at.parse() {
                self.checked_at = at;
            }
            let verdict = self.restored_verdict(draft);
            let step = Step::from_key(&draft.step).unwrap_or(Step::Notice);
            self.wizard = Wizard::restore(step, verdict);
            if self.wizard.verdict().is_none() && !draft.photo_paths.is_empty() {
                // The photos are read again to reach a verdict afresh.
                self.identify.open(ctx, draft.photo_paths.clone());
            }
            self.restored = true;
        }
        self.autosave = Autosave::new(saved);
        let repaint = ctx.clone();
        match DraftWriter::spawn(store, move || repaint.request_repaint()) {
            Ok(writer) => self.writer = Some(writer),
            Err(e) => self.draft_error = Some(e.to_string()),
        }
    }

    /// The verdict a restored notice rests on. The saved one, with its
    /// evidence, if the list in use is the one it was reached with. With a
    /// different list the answer may have changed: typed text is checked
    /// again; a verdict that rests on photos is dropped, so the photos are
    /// read again.
    fn restored_verdict(&self, draft: &Draft) -> Option<crate::identify::Verdict> {
        let catalog = &self.list.catalog;
        let typed_only = draft.photo_paths.is_empty()
            && draft.verdict.as_ref().is_none_or(|v| {
                v.evidence
                    .iter()
                    .all(|e| e.origin == crate::identify::Origin::Typed)
            });
        match &draft.verdict {
            Some(v) if draft.list_version == Some(catalog.version) => Some(v.clone()),
            _ if typed_only && !draft.typed_text.trim().is_empty() => {
                crate::identify::identify_text(catalog, &draft.typed_text).ok()
            }
            _ => None,
        }
    }

    fn draft(&self) -> Draft {
        let mut draft = Draft::new(
            self.form.clone(),
            self.identify.text.clone(),
            self.identify.photos.clone(),
            self.prefs.lang,
            self.prefs.role,
        );
        draft.verdict = self.wizard.verdict().cloned();
        draft.list_version = Some(self.list.catalog.version);
        draft.checked_at = self.checked_at.to_string();
        self.wizard.step().key().clone_into(&mut draft.step);
        draft
    }

    /// Whether there is anything worth keeping: a verdict was reached.
    fn has_work(&self) -> bool {
        self.wizard.verdict().is_some()
    }

    /// Hands the draft to the writer thread once the user pauses, and
    /// shows how the last writes went. No disk I/O on this thread.
    fn autosave_tick(&mut self, ctx: &egui::Context) {
        if let Some(writer) = &self.writer {
            for result in writer.finished() {
                match result {
                    Ok(()) => self.draft_error = None,
                    Err(e) => {
                        self.draft_error = Some(e.to_string());
                        self.autosave.failed();
                    }
                }
            }
        }
        if !self.has_work() {
            return;
        }
        let draft = self.draft();
        match self.autosave.tick(&draft, Instant::now()) {
            Some(draft) => self.write(draft),
            None if self.autosave.is_pending() => ctx.request_repaint_after(Autosave::QUIET),
            None => {}
        }
    }

    fn write(&self, draft: Draft) {
        if let Some(writer) = &self.writer {
            writer.save(draft);
        }
    }

    /// Queues the current draft at once (a step change, the app closing).
    fn flush_draft(&mut self) {
        if !self.has_work() {
            return;
        }
        let draft = self.draft();
        if let Some(draft) = self.autosave.flush(&draft) {
            self.write(draft);
        }
    }

    fn discard_draft(&mut self) {
        if let Some(writer) = &self.writer {
            writer.discard();
        }
        self.autosave.forget();
        self.form = NoticeForm::default();
        self.restored = false;
    }

    /// The current step (for tests and the window title).
    pub fn step(&self) -> Step {
        self.wizard.step()
    }

    /// The saved preferences.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The notice form as filled so far.
    pub fn form(&self) -> &NoticeForm {
        &self.form
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.prefs.lang;
        ui.horizontal_wrapped(|ui| {
            ui.label(theme::title(tr(lang, "app-title")));
            ui.add_space(theme::INLINE_GAP);
            for l in Lang::ALL {
                ui.selectable_value(&mut self.prefs.lang, l, l.native_name());
            }
            ui.add_space(theme::INLINE_GAP);
            ui.checkbox(&mut self.prefs.look.large_text, tr(lang, "look-large-text"));
            ui.checkbox(
                &mut self.prefs.look.high_contrast,
                tr(lang, "look-high-contrast"),
            );
        });
    }

    fn nav_ui(&self, ui: &mut egui::Ui) -> Option<Action> {
        let lang = self.prefs.lang;
        let step = self.wizard.step();
        let next = step.next_label().map(|id| tr(lang, id));
        super::widgets::nav_ui(ui, lang, step != Step::Welcome, next.as_deref())
    }

    fn step_header_ui(&self, ui: &mut egui::Ui) {
        let lang = self.prefs.lang;
        let step = self.wizard.step();
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

    fn step_ui(&mut self, ui: &mut egui::Ui) -> Option<Request> {
        let ctx = StepCtx {
            lang: self.prefs.lang,
            role: self.prefs.role,
            look: self.prefs.look,
            catalog: &self.list.catalog,
            verdict: self.wizard.verdict(),
        };
        let wizard = |a: Option<Action>| a.map(Request::Wizard);
        match self.wizard.step() {
            Step::Welcome => wizard(steps::welcome::ui(
                ui,
                &mut self.prefs,
                &mut self.welcome,
                &self.list,
                self.data_dir.as_deref(),
                &self.verifier,
            )),
            Step::Identify => wizard(steps::identify::ui(ui, &ctx, &mut self.identify)),
            Step::Result => wizard(steps::result::ui(ui, &ctx)),
            Step::Guidance => wizard(steps::guidance::ui(ui, &ctx, &mut self.form)),
            Step::Notice => {
                let outbox = self.data_dir.as_ref().map(|d| d.join("outbox"));
                let unreadable = self.identify.unreadable_photos();
                let nctx = NoticeCtx {
                    step: &ctx,
                    checked_at: &self.checked_at,
                    photo_paths: &self.identify.photos,
                    unreadable_photos: &unreadable,
                    dialogs: &self.dialogs,
                    outbox: outbox.as_deref(),
                    restored: self.restored,
                };
                steps::notice::ui(ui, &nctx, &mut self.form, &mut self.notice)
            }
        }
    }

    fn apply(&mut self, request: Request) {
        match request {
            Request::Discard => self.apply(Request::Wizard(Action::Discard)),
            Request::Wizard(action) => {
                match &action {
                    // Another device, or the notice thrown away: nothing of
                    // this one is kept.
                    Action::StartOver | Action::Discard => {
                        self.discard_draft();
                        self.identify = steps::identify::State::default();
                    }
                    Action::ListUpdated(list) => self.list = (**list).clone(),
                    Action::Identified(verdict) => {
                        self.checked_at = jiff::Zoned::now();
                        // The form follows the device just identified.
                        self.form.device = crate::notice::DeviceDetails::default();
                        self.form.identified_by.clear();
                        self.form.prefill(verdict, &self.list.catalog);
                    }
                    _ => {}
                }
                self.wizard.apply(action);
                if self.wizard.step() == Step::Notice {
                    self.form.sender_role = self.prefs.role;
                    if self.form.gp_name.is_empty() {
                        self.form.gp_name.clone_from(&self.prefs.gp_name);
                    }
                    if self.form.gp_email.is_empty() {
                        self.form.gp_email.clone_from(&self.prefs.gp_email);
                    }
                }
                self.flush_draft();
            }
        }
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
        if self.applied_look != Some(self.prefs.look) {
            theme::apply(ui.ctx(), self.prefs.look);
            self.applied_look = Some(self.prefs.look);
        }
        egui::Panel::top("top-bar").show(ui, |ui| {
            ui.add_space(theme::BAR_MARGIN);
            self.top_bar_ui(ui);
            if let Some(e) = &self.draft_error {
                ui.label(
                    RichText::new(format!("{} ({e})", tr(self.prefs.lang, "ui-draft-error")))
                        .color(theme::error_color(self.prefs.look)),
                );
            }
            ui.add_space(theme::BAR_MARGIN);
        });
        let mut request = None;
        // Back and Next stay in view on every step, however long it is.
        egui::Panel::bottom("nav-bar").show(ui, |ui| {
            centered(ui, |ui| {
                if let Some(action) = self.nav_ui(ui) {
                    request = Some(Request::Wizard(action));
                }
            });
        });
        egui::CentralPanel::default().show(ui, |ui| {
            // One scroll position per step: a new step starts at its top.
            egui::ScrollArea::vertical()
                .id_salt(self.wizard.step().message_id())
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    centered(ui, |ui| {
                        self.step_header_ui(ui);
                        if let Some(r) = self.step_ui(ui) {
                            request = Some(r);
                        }
                    });
                });
        });
        // The doctor's details are remembered for the next notice.
        if !self.form.gp_name.is_empty() {
            self.prefs.gp_name.clone_from(&self.form.gp_name);
        }
        if !self.form.gp_email.is_empty() {
            self.prefs.gp_email.clone_from(&self.form.gp_email);
        }
        if let Some(request) = request {
            self.apply(request);
        }
        self.autosave_tick(ui.ctx());
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
        self.flush_draft();
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.flush_draft();
        // Closing the window may wait a moment for the last draft.
        if let Some(writer) = &self.writer {
            writer.wait(std::time::Duration::from_secs(3));
        }
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
