//! The family doctor's leaflet for patients, a section of the register
//! screen: the doctor types a name and an
//! e-mail address, picks the leaflet's language, and saves the one-page PDF
//! to print and the doctor card to send with it, each written on a worker
//! thread. [`read_card`] is for the patient's side: a doctor card opened in
//! the app.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::StepCtx;
use crate::i18n::{Lang, tr, tr_args};
use crate::leaflet::{self, CARD_FILE_NAME, CARD_MAX_BYTES, Doctor, DoctorError};
use crate::ui::dialogs::Dialogs;
use crate::ui::jobs::Job;
use crate::ui::theme;
use crate::ui::widgets;
use crate::ui::wizard::Action;

/// What the leaflet screen keeps between frames.
#[derive(Default)]
pub struct State {
    /// The doctor's name as typed.
    pub name: String,
    /// The doctor's e-mail address as typed.
    pub email: String,
    /// The leaflet's language; `None` follows the app's.
    pub lang: Option<Lang>,
    /// The file being written.
    job: Option<Job<Outcome>>,
    /// The last outcome: success or not, and what to say.
    message: Option<(bool, String)>,
}

impl State {
    /// The last outcome shown: success or not, and the sentence.
    pub fn message(&self) -> Option<&(bool, String)> {
        self.message.as_ref()
    }

    /// Whether a file is being written.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }
}

/// Which file to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Task {
    /// The leaflet as a PDF.
    Leaflet,
    /// The doctor card.
    Card,
}

/// What came back from the worker.
enum Outcome {
    /// Written there.
    Saved(PathBuf),
    /// The user closed the save dialog.
    Cancelled,
    /// Not written, and why.
    Failed(String),
}

/// Draws the leaflet screen. It changes nothing outside its own state, so
/// it asks for no action.
pub fn ui(ui: &mut Ui, ctx: &StepCtx<'_>, state: &mut State) -> Option<Action> {
    let lang = ctx.lang;
    poll(state, lang);
    // The heading is the register's section header (`leaflet-ui-heading`).
    ui.add(egui::Label::new(tr(lang, "leaflet-ui-intro")).wrap());
    ui.add_space(theme::GAP);
    widgets::text_field(
        ui,
        &tr(lang, "leaflet-ui-name"),
        &mut state.name,
        &tr(lang, "leaflet-ui-name-hint"),
    );
    widgets::text_field(
        ui,
        &tr(lang, "leaflet-ui-email"),
        &mut state.email,
        &tr(lang, "leaflet-ui-email-hint"),
    );
    ui.add_space(theme::GAP);
    let mut leaflet_lang = state.lang.unwrap_or(lang);
    let choices: Vec<(Lang, String)> = Lang::ALL
        .into_iter()
        .map(|l| (l, l.native_name().to_owned()))
        .collect();
    let question = tr(lang, "leaflet-ui-language");
    if widgets::choice_ui(
        ui,
        question.as_str(),
        &question,
        &mut leaflet_lang,
        &choices,
    ) {
        state.lang = Some(leaflet_lang);
    }
    ui.add_space(theme::GAP);
    let busy = state.busy();
    ui.horizontal_wrapped(|ui| {
        let pdf = egui::Button::new(RichText::new(tr(lang, "leaflet-ui-save-pdf")).strong());
        if ui.add_enabled(!busy, pdf).clicked() {
            start(ui, ctx, state, Task::Leaflet, leaflet_lang);
        }
        let card = egui::Button::new(tr(lang, "leaflet-ui-save-card"));
        if ui.add_enabled(!busy, card).clicked() {
            start(ui, ctx, state, Task::Card, leaflet_lang);
        }
    });
    ui.add(egui::Label::new(tr(lang, "leaflet-ui-card-note")).wrap());
    if let Some(job) = &state.job {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(job.status.as_str());
        });
    }
    if let Some((ok, text)) = &state.message {
        let text = RichText::new(text).strong();
        ui.add(
            egui::Label::new(if *ok {
                text
            } else {
                text.color(theme::error_color(ctx.look))
            })
            .wrap(),
        );
    }
    None
}

/// Takes in what the worker finished.
fn poll(state: &mut State, lang: Lang) {
    let Some(job) = &mut state.job else {
        return;
    };
    let Some(outcome) = job.poll() else {
        if job.is_lost() {
            state.message = Some((false, crate::ui::jobs::lost_message(lang, job)));
            state.job = None;
        }
        return;
    };
    state.job = None;
    state.message = match outcome {
        Outcome::Saved(path) => Some((
            true,
            tr_args(
                lang,
                "leaflet-ui-saved",
                &[("path", &path.display().to_string())],
            ),
        )),
        Outcome::Cancelled => None,
        Outcome::Failed(reason) => Some((
            false,
            tr_args(lang, "leaflet-ui-error-write", &[("reason", &reason)]),
        )),
    };
}

/// Checks what was typed and starts writing the file in `leaflet_lang`;
/// what was typed wrong is said instead.
fn start(ui: &Ui, ctx: &StepCtx<'_>, state: &mut State, task: Task, leaflet_lang: Lang) {
    let lang = ctx.lang;
    let doctor = match Doctor::new(&state.name, &state.email) {
        Ok(doctor) => doctor,
        Err(e) => {
            let id = match e {
                DoctorError::NoName => "leaflet-ui-error-name",
                DoctorError::NameTooLong { .. } => "leaflet-ui-error-name-long",
                DoctorError::BadEmail => "leaflet-ui-error-email",
                DoctorError::EmailTooLong { .. } => "leaflet-ui-error-email-long",
            };
            state.message = Some((false, tr(lang, id)));
            return;
        }
    };
    let dialogs = ctx.dialogs.clone();
    let spawned = Job::spawn("leaflet-writer", ui.ctx(), move |r| {
        r.progress(0.0, tr(lang, "leaflet-ui-working"));
        write(task, &doctor, leaflet_lang, &dialogs)
    });
    match spawned {
        Ok(job) => {
            state.job = Some(job);
            state.message = None;
        }
        Err(e) => {
            state.message = Some((
                false,
                tr_args(
                    lang,
                    "leaflet-ui-error-write",
                    &[("reason", &e.to_string())],
                ),
            ));
        }
    }
}

/// On the worker thread: asks where to save, then writes the file.
fn write(task: Task, doctor: &Doctor, lang: Lang, dialogs: &Dialogs) -> Outcome {
    let (name, kind, extension) = match task {
        Task::Leaflet => (leaflet::file_name(lang), "PDF", "pdf"),
        Task::Card => (CARD_FILE_NAME.to_owned(), "JSON", "json"),
    };
    let Some(path) = dialogs.save_path(&name, kind, extension) else {
        return Outcome::Cancelled;
    };
    let bytes = match task {
        Task::Leaflet => match leaflet::render_leaflet(doctor, lang, &jiff::Zoned::now()) {
            Ok(pdf) => pdf,
            Err(e) => return Outcome::Failed(e.to_string()),
        },
        Task::Card => doctor.card_json(),
    };
    match crate::fsutil::write_atomic(&path, &bytes) {
        Ok(()) => Outcome::Saved(path),
        Err(e) => Outcome::Failed(e.to_string()),
    }
}

/// Reads the doctor card at `path` (for the patient's side): the doctor,
/// or a sentence that names the file and says what is wrong with it.
pub fn read_card(path: &Path) -> Result<Doctor, String> {
    let max_bytes = u64::try_from(CARD_MAX_BYTES).unwrap_or(u64::MAX);
    // The read error names the file itself.
    let bytes = crate::fsutil::read_capped(path, max_bytes).map_err(|e| e.to_string())?;
    Doctor::from_card(&bytes).map_err(|e| {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        format!("{name}: {e}")
    })
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::catalog::Catalog;
    use crate::guidance::Role as UserRole;
    use crate::ui::prefs::CounterPrefs;
    use crate::ui::theme::Look;
    use crate::update::{ActiveList, Verifier};

    /// What the app would hand the screen, saving into `dir`.
    struct World {
        list: ActiveList,
        catalog: Catalog,
        checked_at: jiff::Zoned,
        dialogs: Dialogs,
        verifier: Verifier,
        counter: CounterPrefs,
        tally: crate::tally::Tally,
        camera: crate::camera::Opener,
        files: crate::ui::patient_files::PatientFiles,
        print: crate::print::PrintSystem,
    }

    impl World {
        fn new(dir: &Path) -> World {
            let list = ActiveList::bundled();
            World {
                catalog: list.catalog.clone(),
                list,
                checked_at: jiff::Zoned::now(),
                dialogs: Dialogs::Fixed(dir.to_path_buf()),
                verifier: Verifier::pinned(),
                counter: CounterPrefs::default(),
                tally: crate::tally::Tally::default(),
                camera: crate::camera::Synthetic::failing_opener(
                    crate::camera::CameraError::NoCamera,
                ),
                files: crate::ui::patient_files::PatientFiles::new(None, true),
                print: crate::print::PrintSystem::cups(),
            }
        }

        fn ctx(&self, lang: Lang) -> StepCtx<'_> {
            StepCtx {
                lang,
                role: UserRole::Gp,
                look: Look::default(),
                feed_url: "",
                list: &self.list,
                catalog: &self.catalog,
                verdict: None,
                checked_at: &self.checked_at,
                photo_paths: &[],
                taken_photos: &[],
                camera: &self.camera,
                unreadable_photos: &[],
                data_dir: None,
                dialogs: &self.dialogs,
                verifier: &self.verifier,
                restored: false,
                counter: &self.counter,
                tally: &self.tally,
                files: &self.files,
                print: &self.print,
            }
        }
    }

    fn harness(world: &World, lang: Lang) -> Harness<'_, State> {
        let mut h = Harness::builder()
            .with_size(egui::vec2(900.0, 900.0))
            .with_context_setup(crate::ui::theme::install_fonts)
            .build_ui_state(
                move |ui, state: &mut State| {
                    let ctx = world.ctx(lang);
                    // The screen changes nothing outside its own state.
                    assert!(super::ui(ui, &ctx, state).is_none());
                },
                State::default(),
            );
        h.run_steps(2);
        h
    }

    fn type_into(h: &mut Harness<'_, State>, label: &str, text: &str) {
        h.get_by_label(label).focus();
        h.run_steps(2);
        h.get_by_label(label).type_text(text);
        h.run_steps(2);
    }

    fn click(h: &mut Harness<'_, State>, role: Role, label: &str) {
        h.get_by_role_and_label(role, label).click();
        h.run_steps(2);
    }

    /// Runs frames until the writer is done, at most 20 s.
    fn wait_idle(h: &mut Harness<'_, State>) {
        for _ in 0..200 {
            h.run_steps(2);
            if !h.state().busy() {
                h.run_steps(2);
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the leaflet writer never finished");
    }

    #[test]
    fn a_doctor_saves_the_leaflet_and_the_card_by_label() {
        let dir = tempfile::tempdir().unwrap();
        let world = World::new(dir.path());
        let lang = Lang::En;
        let mut h = harness(&world, lang);
        h.get_by_label(&tr(lang, "leaflet-ui-intro"));

        // Nothing typed: the doctor is told what is missing, nothing written.
        click(&mut h, Role::Button, &tr(lang, "leaflet-ui-save-pdf"));
        assert_eq!(
            h.state().message(),
            Some(&(false, tr(lang, "leaflet-ui-error-name")))
        );
        type_into(&mut h, &tr(lang, "leaflet-ui-name"), "Dott.ssa Maria Rossi");
        type_into(&mut h, &tr(lang, "leaflet-ui-email"), "m.rossi");
        click(&mut h, Role::Button, &tr(lang, "leaflet-ui-save-card"));
        assert_eq!(
            h.state().message(),
            Some(&(false, tr(lang, "leaflet-ui-error-email")))
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);

        // The address completed, an Italian leaflet and the card.
        type_into(&mut h, &tr(lang, "leaflet-ui-email"), "@example.org");
        assert_eq!(h.state().email, "m.rossi@example.org");
        let question = tr(lang, "leaflet-ui-language");
        click(
            &mut h,
            Role::RadioButton,
            &format!("{question}: {}", Lang::It.native_name()),
        );
        assert_eq!(h.state().lang, Some(Lang::It));
        click(&mut h, Role::Button, &tr(lang, "leaflet-ui-save-pdf"));
        wait_idle(&mut h);
        let pdf_path = dir.path().join(leaflet::file_name(Lang::It));
        assert_eq!(pdf_path.file_name().unwrap(), "volantino-monitor-check.pdf");
        let (ok, text) = h.state().message().unwrap().clone();
        assert!(ok, "{text}");
        assert!(text.contains("volantino-monitor-check.pdf"), "{text}");
        let pdf = std::fs::read(&pdf_path).unwrap();
        assert_eq!(
            lopdf::Document::load_mem(&pdf).unwrap().get_pages().len(),
            1
        );

        click(&mut h, Role::Button, &tr(lang, "leaflet-ui-save-card"));
        wait_idle(&mut h);
        let card = dir.path().join(CARD_FILE_NAME);
        assert_eq!(
            read_card(&card),
            Ok(Doctor::new("Dott.ssa Maria Rossi", "m.rossi@example.org").unwrap())
        );
        assert!(h.state().message().is_some_and(|(ok, _)| *ok));
    }

    #[test]
    fn a_wrong_card_is_refused_with_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dottore.json");
        std::fs::write(&path, br#"{"schema": "monitor-check/notice"}"#).unwrap();
        assert_eq!(
            read_card(&path),
            Err("dottore.json: it is not a doctor card written by Monitor Check".to_owned())
        );
        let missing = read_card(&dir.path().join("none.json")).unwrap_err();
        assert!(missing.contains("none.json"), "{missing}");
        std::fs::write(&path, vec![b' '; CARD_MAX_BYTES + 1]).unwrap();
        let large = read_card(&path).unwrap_err();
        assert!(large.contains("64 KiB"), "{large}");
    }
}
