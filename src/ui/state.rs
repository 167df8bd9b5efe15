//! What the app knows, and the one place it changes: [`AppState::apply`].
//!
//! Nothing here draws. The screens read the state through a
//! [`StepCtx`](super::steps::StepCtx) and ask for changes with an
//! [`Action`]; the app applies them after the frame. So every transition —
//! a verdict, a new list, a discarded notice — is a unit test without a
//! window (see the tests below).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::dialogs::Dialogs;
use super::patient_files::PatientFiles;
use super::prefs::Prefs;
use super::steps::{self, StepCtx};
use super::wizard::{Action, Step, Wizard};
use crate::camera::{CameraError, Opener, Synthetic};
use crate::i18n::Lang;
use crate::identify::{Origin, Verdict};
use crate::notice::{
    Autosave, DeviceDetails, Draft, DraftStore, DraftWriter, NoticeForm, PhotoFile,
};
use crate::print::PrintSystem;
use crate::tally::Tally;
use crate::update::{self, ActiveList, Verifier};

/// Everything the app takes from outside: [`AppConfig::from_system`] reads
/// this machine, tests start from [`AppConfig::offline`].
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
    /// Open on the pharmacy counter (`--counter`).
    pub counter: bool,
    /// A doctor card opened with the app ("Open with").
    pub doctor: Option<crate::leaflet::Doctor>,
    /// Opens the computer's camera: the system's, or a stand-in.
    pub camera: Opener,
    /// The print programs: CUPS's, or stand-ins in tests.
    pub print: PrintSystem,
}

impl AppConfig {
    /// Reads the locale and the list in use on this machine, with the data
    /// folder the front end `resolved` (`crate::datadir::resolve`).
    pub fn from_system(resolved: crate::datadir::Resolved) -> Self {
        let default_lang = sys_locale::get_locale().map_or(Lang::En, |l| Lang::from_locale(&l));
        for note in resolved.notes() {
            eprintln!("monitor-check: note: {note}");
        }
        let data_dir = resolved.dir;
        let list = update::active_list(data_dir.as_deref(), &Verifier::pinned());
        log_list(&list);
        Self {
            default_lang,
            data_dir,
            list,
            dialogs: Dialogs::System,
            started: None,
            initial_photos: Vec::new(),
            verifier: Verifier::pinned(),
            counter: false,
            doctor: None,
            camera: crate::camera::system_opener(),
            print: PrintSystem::cups(),
        }
    }

    /// The bundled list, everything kept in `data_dir`, and files saved
    /// into `data_dir/saved` without a dialog: for tests and demos.
    pub fn offline(lang: Lang, data_dir: &std::path::Path) -> Self {
        Self {
            default_lang: lang,
            data_dir: Some(data_dir.to_path_buf()),
            list: ActiveList::bundled(),
            dialogs: Dialogs::Fixed(data_dir.join("saved")),
            started: None,
            initial_photos: Vec::new(),
            verifier: Verifier::pinned(),
            counter: false,
            doctor: None,
            // Tests and demos never touch a real device: they give their
            // own stand-in camera.
            camera: Synthetic::failing_opener(CameraError::NoCamera),
            print: PrintSystem::cups(),
        }
    }
}

/// Logs the list in use at start, and a list refused.
fn log_list(list: &ActiveList) {
    if let Some(e) = &list.ignored_stored {
        log::warn!("the stored list was refused: {e}; using the list built into the app");
    }
    if let Some(e) = &list.bundled_error {
        log::error!("the list built into the app was refused: {e}");
    }
    let origin = match list.origin {
        update::ListOrigin::Bundled => "built in",
        update::ListOrigin::Stored => "downloaded",
    };
    log::info!(
        "list in use: version {} of {}, {origin}",
        list.catalog.version,
        list.catalog.issued
    );
}

/// Which screens the app shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The step-by-step wizard, for carers (and anyone).
    Wizard,
    /// The pharmacy counter: one screen, one patient after another.
    Counter,
    /// The family doctor's register of received notices.
    Register,
}

/// What the app knows between frames.
pub struct AppState {
    /// What the user chose and the app remembers between runs.
    pub(super) prefs: Prefs,
    pub(super) wizard: Wizard,
    pub(super) list: ActiveList,
    data_dir: Option<PathBuf>,
    dialogs: Dialogs,
    verifier: Verifier,
    /// Photos of the label chosen for this check.
    photos: Vec<PathBuf>,
    /// Photos taken with the camera for this check, in memory only.
    taken: Vec<Arc<PhotoFile>>,
    camera: Opener,
    print: PrintSystem,
    /// When this check's verdict was reached.
    checked_at: jiff::Zoned,
    pub(super) welcome: steps::welcome::State,
    pub(super) identify: steps::identify::State,
    /// The notice being written, with its form.
    pub(super) notice: steps::notice::State,
    autosave: Autosave,
    writer: Option<DraftWriter>,
    /// Why the last draft could not be saved or read, shown in the top bar.
    pub(super) draft_error: Option<String>,
    /// A saved notice was picked up at start.
    restored: bool,
    /// The wizard or the counter.
    mode: Mode,
    /// The counter's screen, about the patient in front of it.
    pub(super) counter: steps::counter::State,
    /// The family doctor's register screen.
    pub(super) register: steps::register::State,
    /// The counter's checks per day (numbers only).
    tally: Tally,
    /// The files written for the patient or the notice, and their
    /// removal.
    files: PatientFiles,
    /// Why the tally or the cleanup after a patient failed.
    pub(super) counter_error: Option<String>,
}

impl AppState {
    /// The state at start: `prefs` as saved (or `None` on a first run), and
    /// any unfinished notice picked up from the data dir. `repaint` is
    /// called when the draft writer has finished a write.
    pub fn new(
        config: AppConfig,
        prefs: Option<Prefs>,
        repaint: impl Fn() + Send + 'static,
    ) -> Self {
        let prefs = prefs.unwrap_or_else(|| Prefs {
            lang: config.default_lang,
            ..Prefs::default()
        });
        // A notice picked up at start may still have its e-mail open in
        // the mail program: its outbox stays until the notice is done.
        let has_draft = config
            .data_dir
            .as_ref()
            .is_some_and(|d| DraftStore::new(d.clone()).path().exists());
        let files = PatientFiles::new(config.data_dir.clone(), has_draft);
        let mut state = Self {
            prefs,
            wizard: Wizard::default(),
            list: config.list,
            data_dir: config.data_dir,
            dialogs: config.dialogs,
            verifier: config.verifier,
            photos: Vec::new(),
            taken: Vec::new(),
            camera: config.camera,
            print: config.print,
            checked_at: jiff::Zoned::now(),
            welcome: steps::welcome::State::default(),
            identify: steps::identify::State::default(),
            notice: steps::notice::State::default(),
            autosave: Autosave::default(),
            writer: None,
            draft_error: None,
            restored: false,
            mode: Mode::Wizard,
            counter: steps::counter::State::default(),
            register: steps::register::State::default(),
            tally: Tally::default(),
            files,
            counter_error: None,
        };
        if let Some(dir) = &state.data_dir {
            match Tally::load(dir) {
                Ok(t) => state.tally = t,
                Err(e) => state.counter_error = Some(e.to_string()),
            }
        }
        let counter = config.counter;
        state.restore_draft(repaint);
        if counter {
            state.mode = Mode::Counter;
        }
        if let Some(doctor) = config.doctor {
            state.apply(Action::DoctorCard(Box::new(doctor)));
        }
        if !config.initial_photos.is_empty() {
            state.wizard = Wizard::restore(Step::Identify, None);
            state.read_photos(config.initial_photos);
        }
        state
    }

    /// The wizard or the counter.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The verdict shown at the counter for the patient in front of it.
    pub fn counter_verdict(&self) -> Option<&Verdict> {
        self.counter.verdict()
    }

    /// The family doctor's register screen.
    pub fn register(&self) -> &steps::register::State {
        &self.register
    }

    /// The counter's checks per day.
    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    /// The current step.
    pub fn step(&self) -> Step {
        self.wizard.step()
    }

    /// The verdict the later steps rest on.
    pub fn verdict(&self) -> Option<&Verdict> {
        self.wizard.verdict()
    }

    /// The saved preferences.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The notice form as filled so far.
    pub fn form(&self) -> &NoticeForm {
        &self.notice.form
    }

    /// Photos of the label chosen for this check.
    pub fn photos(&self) -> &[PathBuf] {
        &self.photos
    }

    /// What the screens read this frame. `unreadable_photos` are the names
    /// of the chosen photos that could not be decoded.
    pub(super) fn step_ctx<'a>(&'a self, unreadable_photos: &'a [String]) -> StepCtx<'a> {
        StepCtx {
            lang: self.prefs.lang,
            role: self.prefs.role,
            look: self.prefs.look,
            feed_url: &self.prefs.feed_url,
            list: &self.list,
            catalog: &self.list.catalog,
            verdict: self.wizard.verdict(),
            checked_at: &self.checked_at,
            photo_paths: &self.photos,
            taken_photos: &self.taken,
            camera: &self.camera,
            unreadable_photos,
            data_dir: self.data_dir.as_deref(),
            dialogs: &self.dialogs,
            verifier: &self.verifier,
            restored: self.restored,
            counter: &self.prefs.counter,
            tally: &self.tally,
            files: &self.files,
            print: &self.print,
        }
    }

    /// The only place the state changes in answer to the user.
    pub fn apply(&mut self, action: Action) {
        match &action {
            // Another device, or the notice thrown away: nothing of this
            // one is kept.
            Action::StartOver | Action::Discard => {
                // Dropping the screens' jobs cancels them; the files go
                // once they have stopped.
                self.discard_draft();
                self.identify = steps::identify::State::default();
                self.photos.clear();
                self.taken.clear();
                self.files.forget(|| Ok(()));
            }
            Action::ListUpdated(list) => self.list = (**list).clone(),
            Action::Identified(verdict) => {
                self.checked_at = jiff::Zoned::now();
                // The form follows the device just identified.
                let form = &mut self.notice.form;
                form.device = DeviceDetails::default();
                form.identified_by.clear();
                form.prefill(verdict, &self.list.catalog);
            }
            Action::PhotosChosen(paths) => {
                self.photos.clone_from(paths);
                self.taken.clear();
            }
            // A photo taken replaces the photos chosen before, as a new
            // choice of files does.
            Action::PhotoTaken(photo) => {
                self.photos.clear();
                self.taken = vec![Arc::clone(photo)];
            }
            Action::SetLang(lang) => self.prefs.lang = *lang,
            Action::SetRole(role) => self.prefs.role = *role,
            Action::SetLook(look) => self.prefs.look = *look,
            Action::SetFeedUrl(url) => self.prefs.feed_url.clone_from(url),
            Action::SetCounter(counter) => self.prefs.counter.clone_from(counter),
            Action::OpenCounter => self.mode = Mode::Counter,
            Action::OpenWizard => self.mode = Mode::Wizard,
            Action::DoctorCard(doctor) => {
                // The card is the doctor's own word: it replaces what was
                // typed before.
                self.prefs.gp_name.clone_from(&doctor.name);
                self.prefs.gp_email.clone_from(&doctor.email);
                self.notice.form.gp_name.clone_from(&doctor.name);
                self.notice.form.gp_email.clone_from(&doctor.email);
            }
            Action::OpenRegister => {
                // Read afresh: another import may have run since.
                self.register = steps::register::State::default();
                self.mode = Mode::Register;
            }
            Action::NextPatient => self.next_patient(),
            Action::Next | Action::Back | Action::InputChanged => {}
        }
        let moves = matches!(
            action,
            Action::Next
                | Action::Back
                | Action::Identified(_)
                | Action::StartOver
                | Action::Discard
        );
        self.wizard.apply(action);
        if self.mode != Mode::Wizard || self.wizard.step() != Step::Identify {
            // The camera is for the identify step only: off as soon as
            // the user leaves it.
            self.identify.close_camera();
        }
        if moves && self.wizard.step() == Step::Notice {
            self.fill_notice_from_prefs();
        }
        if moves {
            self.flush_draft();
        }
    }

    /// Forgets the patient at the counter: the screen, any notice or draft,
    /// the photos, and the files written for them (once the jobs that
    /// write them have stopped, on a thread: the UI thread does not touch
    /// the disk). The check is counted first, when the tally is kept.
    fn next_patient(&mut self) {
        let verdict = self.counter.verdict().map(|v| v.verdict);
        // Dropping the screens' jobs cancels them.
        self.counter = steps::counter::State::default();
        self.discard_draft();
        self.identify = steps::identify::State::default();
        self.photos.clear();
        self.taken.clear();
        self.wizard = Wizard::restore(Step::Identify, None);
        let tally = match verdict {
            Some(kind) if self.prefs.counter.keep_tally => {
                self.tally.record(jiff::Zoned::now().date(), kind);
                Some(self.tally.clone())
            }
            _ => None,
        };
        let dir = self.data_dir.clone();
        self.files.forget(move || match (tally, dir) {
            (Some(tally), Some(dir)) => tally.save(&dir).map_err(|e| e.to_string()),
            _ => Ok(()),
        });
    }

    /// Waits up to `limit` for the files of the patients and notices done
    /// with to be removed (tests, closing).
    pub fn wait_for_cleanup(&mut self, limit: Duration) {
        self.files.wait(limit);
        if let Some(e) = self.files.take_error() {
            self.counter_error = Some(e);
        }
    }

    /// Called once a frame has been drawn: the doctor's details typed on
    /// the notice are remembered for the next one, and the cleanup after a
    /// patient reports back.
    pub fn after_frame(&mut self) {
        self.wait_for_cleanup(Duration::ZERO);
        let form = &self.notice.form;
        if !form.gp_name.is_empty() && form.gp_name != self.prefs.gp_name {
            self.prefs.gp_name.clone_from(&form.gp_name);
        }
        if !form.gp_email.is_empty() && form.gp_email != self.prefs.gp_email {
            self.prefs.gp_email.clone_from(&form.gp_email);
        }
    }

    /// What the notice takes from the preferences on arrival: the sender's
    /// role, and the doctor when none was typed yet.
    fn fill_notice_from_prefs(&mut self) {
        let form = &mut self.notice.form;
        form.sender_role = self.prefs.role;
        if form.gp_name.is_empty() {
            form.gp_name.clone_from(&self.prefs.gp_name);
        }
        if form.gp_email.is_empty() {
            form.gp_email.clone_from(&self.prefs.gp_email);
        }
    }

    /// Starts reading `paths` on the identify step.
    fn read_photos(&mut self, paths: Vec<PathBuf>) {
        self.photos.clone_from(&paths);
        self.identify.read_when_shown(paths);
    }

    fn restore_draft(&mut self, repaint: impl Fn() + Send + 'static) {
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
            self.notice.form = draft.form.clone();
            self.notice.lang = draft.notice_lang;
            if crate::notice::id::is_notice_id(&draft.notice_id) {
                self.notice.id.clone_from(&draft.notice_id);
            }
            self.identify.text.clone_from(&draft.typed_text);
            self.photos.clone_from(&draft.photo_paths);
            if let Ok(at) = draft.checked_at.parse() {
                self.checked_at = at;
            }
            let verdict = self.restored_verdict(draft);
            let step = Step::from_key(&draft.step).unwrap_or(Step::Notice);
            self.wizard = Wizard::restore(step, verdict);
            if self.wizard.verdict().is_none() && !draft.photo_paths.is_empty() {
                // The photos are read again to reach a verdict afresh.
                self.read_photos(draft.photo_paths.clone());
            }
            self.restored = true;
        }
        self.autosave = Autosave::new(saved);
        match DraftWriter::spawn(store, repaint) {
            Ok(writer) => self.writer = Some(writer),
            Err(e) => self.draft_error = Some(e.to_string()),
        }
    }

    /// The verdict a restored notice rests on. The saved one, with its
    /// evidence, if the list in use is the one it was reached with. With a
    /// different list the answer may have changed: typed text is checked
    /// again; a verdict that rests on photos is dropped, so the photos are
    /// read again.
    fn restored_verdict(&self, draft: &Draft) -> Option<Verdict> {
        let catalog = &self.list.catalog;
        let typed_only = draft.photo_paths.is_empty()
            && draft
                .verdict
                .as_ref()
                .is_none_or(|v| v.evidence.iter().all(|e| e.origin == Origin::Typed));
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
            self.notice.form.clone(),
            self.identify.text.clone(),
            self.photos.clone(),
            self.prefs.lang,
            self.prefs.role,
        );
        draft.verdict = self.wizard.verdict().cloned();
        draft.list_version = Some(self.list.catalog.version);
        draft.checked_at = self.checked_at.to_string();
        draft.notice_id.clone_from(&self.notice.id);
        draft.notice_lang = self.notice.lang;
        self.wizard.step().key().clone_into(&mut draft.step);
        draft
    }

    /// Whether there is anything worth keeping: a verdict was reached.
    fn has_work(&self) -> bool {
        self.wizard.verdict().is_some()
    }

    /// Hands the draft to the writer thread once the user pauses, and
    /// takes in how the last writes went. No disk I/O on this thread.
    /// Returns when to look again if a write is still waiting for a pause.
    pub fn autosave_tick(&mut self, now: Instant) -> Option<Duration> {
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
            return None;
        }
        let draft = self.draft();
        match self.autosave.tick(&draft, now) {
            Some(draft) => {
                self.write(draft);
                None
            }
            None if self.autosave.is_pending() => Some(Autosave::QUIET),
            None => None,
        }
    }

    fn write(&self, draft: Draft) {
        if let Some(writer) = &self.writer {
            writer.save(draft);
        }
    }

    /// Queues the current draft at once (a step change, the app closing).
    pub fn flush_draft(&mut self) {
        if !self.has_work() {
            return;
        }
        let draft = self.draft();
        if let Some(draft) = self.autosave.flush(&draft) {
            self.write(draft);
        }
    }

    /// Waits up to `limit` for the queued drafts to reach the disk.
    pub fn wait_for_writes(&self, limit: Duration) {
        if let Some(writer) = &self.writer {
            writer.wait(limit);
        }
    }

    fn discard_draft(&mut self) {
        if let Some(writer) = &self.writer {
            writer.discard();
        }
        self.autosave.forget();
        self.notice = steps::notice::State::default();
        self.restored = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guidance::Role;
    use crate::ui::theme::Look;

    const WAIT: Duration = Duration::from_secs(5);

    fn state(dir: &std::path::Path) -> AppState {
        AppState::new(AppConfig::offline(Lang::En, dir), None, || {})
    }

    fn identified(text: &str) -> Action {
        let verdict = crate::identify::identify_text(&crate::catalog::Catalog::bundled(), text);
        Action::Identified(Box::new(verdict.unwrap()))
    }

    fn draft_file(dir: &std::path::Path) -> PathBuf {
        DraftStore::new(dir.to_path_buf()).path()
    }

    #[test]
    fn a_verdict_fills_the_form_and_is_saved_on_the_step_change() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = state(dir.path());
        s.apply(Action::Next);
        assert!(!draft_file(dir.path()).exists(), "nothing to keep yet");
        s.apply(identified("CMS8000"));
        assert_eq!(s.step(), Step::Result);
        assert_eq!(s.form().device.model, "CMS8000");
        s.wait_for_writes(WAIT);
        let saved = DraftStore::new(dir.path().to_path_buf()).load().unwrap();
        let saved = saved.unwrap();
        assert_eq!(saved.step, "result");
        assert!(saved.verdict.is_some());
    }

    #[test]
    fn a_new_verdict_replaces_the_device_of_the_last_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = state(dir.path());
        s.apply(identified("CMS8000"));
        s.apply(Action::Back);
        s.apply(identified("Epsimed MN-120"));
        assert_eq!(s.form().device.model, "MN-120");
    }

    #[test]
    fn reaching_the_notice_fills_the_sender_and_the_doctor_from_prefs() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = state(dir.path());
        s.apply(Action::SetRole(Role::Pharmacist));
        s.prefs.gp_name = "Dr. Rossi".to_owned();
        s.apply(identified("CMS8000"));
        s.apply(Action::Next);
        assert_eq!(s.form().gp_name, "", "not before the notice step");
        s.apply(Action::Next);
        assert_eq!(s.step(), Step::Notice);
        assert_eq!(s.form().sender_role, Role::Pharmacist);
        assert_eq!(s.form().gp_name, "Dr. Rossi");
    }

    #[test]
    fn the_doctor_typed_on_a_notice_is_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = state(dir.path());
        s.notice.form.gp_email = "medico@example.org".to_owned();
        s.after_frame();
        assert_eq!(s.prefs().gp_email, "medico@example.org");
        s.notice.form.gp_email.clear();
        s.after_frame();
        assert_eq!(
            s.prefs().gp_email,
            "medico@example.org",
            "kept when cleared"
        );
    }

    #[test]
    fn discard_removes_the_saved_notice_and_clears_everything() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = state(dir.path());
        s.apply(identified("CMS8000"));
        s.apply(Action::PhotosChosen(vec![dir.path().join("label.jpg")]));
        s.apply(identified("CMS8000"));
        s.notice.form.observations = "restarted twice".to_owned();
        s.apply(Action::Next);
        s.wait_for_writes(WAIT);
        assert!(draft_file(dir.path()).exists());
        s.apply(Action::Discard);
        s.wait_for_writes(WAIT);
        assert!(!draft_file(dir.path()).exists());
        assert_eq!(s.step(), Step::Identify);
        assert!(s.verdict().is_none());
        assert!(s.photos().is_empty());
        assert_eq!(s.form(), &NoticeForm::default());
    }

    #[test]
    fn choosing_photos_drops_the_verdict_and_keeps_them_for_the_notice() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = state(dir.path());
        s.apply(identified("CMS8000"));
        s.apply(Action::Back);
        let photo = dir.path().join("label.jpg");
        s.apply(Action::PhotosChosen(vec![photo.clone()]));
        assert!(s.verdict().is_none());
        assert_eq!(s.photos(), [photo]);
    }

    #[test]
    fn a_photo_taken_replaces_the_chosen_ones_and_is_never_saved_in_the_draft() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = state(dir.path());
        s.apply(Action::PhotosChosen(vec![dir.path().join("label.jpg")]));
        let taken = Arc::new(PhotoFile {
            name: "camera-photo-1.jpg".to_owned(),
            bytes: vec![0xFF, 0xD8, 0xFF, 0xE0],
        });
        s.apply(identified("CMS8000"));
        s.apply(Action::Back);
        s.apply(Action::PhotoTaken(Arc::clone(&taken)));
        assert!(s.verdict().is_none(), "the verdict rested on other photos");
        assert!(s.photos().is_empty());
        assert_eq!(s.taken, [Arc::clone(&taken)]);
        s.apply(identified("CMS8000"));
        s.wait_for_writes(WAIT);
        let draft = std::fs::read_to_string(draft_file(dir.path())).unwrap();
        assert!(!draft.contains("camera-photo-1"), "{draft}");
        // Choosing files, or starting over, forgets it.
        s.apply(Action::PhotosChosen(vec![dir.path().join("label.jpg")]));
        assert!(s.taken.is_empty());
        s.apply(Action::PhotoTaken(taken));
        s.apply(Action::StartOver);
        assert!(s.taken.is_empty());
    }

    #[test]
    fn a_new_list_is_used_and_the_old_verdict_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = state(dir.path());
        s.apply(identified("CMS8000"));
        let mut list = ActiveList::bundled();
        list.catalog.version += 1;
        s.apply(Action::ListUpdated(Box::new(list)));
        assert!(s.verdict().is_none());
        assert_eq!(s.list.catalog.version, ActiveList::bundled().version() + 1);
    }

    #[test]
    fn preferences_change_only_through_actions() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = state(dir.path());
        let look = Look {
            large_text: true,
            high_contrast: true,
        };
        for action in [
            Action::SetLang(Lang::It),
            Action::SetRole(Role::Gp),
            Action::SetLook(look),
            Action::SetFeedUrl("https://example.org/list.json".to_owned()),
        ] {
            s.apply(action);
        }
        assert_eq!(s.prefs().lang, Lang::It);
        assert_eq!(s.prefs().role, Role::Gp);
        assert_eq!(s.prefs().look, look);
        assert_eq!(s.prefs().feed_url, "https://example.org/list.json");
        assert_eq!(s.step(), Step::Welcome, "none of them moves the wizard");
    }

    fn verdict(text: &str) -> Verdict {
        crate::identify::identify_text(&crate::catalog::Catalog::bundled(), text).unwrap()
    }

    #[test]
    fn next_patient_counts_the_check_and_removes_every_file_of_the_patient() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = state(dir.path());
        s.apply(Action::OpenCounter);
        assert_eq!(s.mode(), Mode::Counter);
        let mut prefs = s.prefs().counter.clone();
        prefs.keep_tally = true;
        s.apply(Action::SetCounter(prefs));
        s.counter = steps::counter::State::answered(verdict("CMS8000"));
        let sheet = dir
            .path()
            .join(crate::ui::patient_files::COUNTER_DIR)
            .join("sheet.pdf");
        let eml = dir
            .path()
            .join(crate::ui::patient_files::OUTBOX_DIR)
            .join("notice.eml");
        for f in [&sheet, &eml] {
            std::fs::create_dir_all(f.parent().unwrap()).unwrap();
            std::fs::write(f, b"about the patient").unwrap();
        }
        s.apply(Action::NextPatient);
        s.wait_for_cleanup(WAIT);
        assert!(s.counter_error.is_none(), "{:?}", s.counter_error);
        assert!(!sheet.exists() && !eml.exists());
        assert!(s.counter_verdict().is_none());
        assert_eq!(s.mode(), Mode::Counter, "still at the counter");
        let today = jiff::Zoned::now().date();
        assert_eq!(s.tally().day(today).affected, 1);
        assert_eq!(Tally::load(dir.path()).unwrap().day(today).affected, 1);
    }

    #[test]
    fn without_the_tally_next_patient_keeps_no_count() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = state(dir.path());
        s.apply(Action::OpenCounter);
        s.counter = steps::counter::State::answered(verdict("CMS8000"));
        s.apply(Action::NextPatient);
        s.wait_for_cleanup(WAIT);
        assert_eq!(s.tally(), &Tally::default());
        assert!(!Tally::path(dir.path()).exists());
    }

    #[test]
    fn a_saved_notice_comes_back_on_its_step_with_its_answers() {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut s = state(dir.path());
            s.apply(Action::SetLang(Lang::It));
            s.apply(identified("CMS8000"));
            s.apply(Action::Next);
            s.notice.form.observations = "si riavvia".to_owned();
            s.apply(Action::Next);
            s.wait_for_writes(WAIT);
        }
        let s = state(dir.path());
        assert_eq!(s.step(), Step::Notice);
        assert_eq!(s.prefs().lang, Lang::It);
        assert_eq!(s.form().observations, "si riavvia");
        assert!(s.verdict().is_some());
    }
}
