//! The notice draft, saved on every change so nothing the user typed is
//! lost to a crash, a `kill -9` or a power cut.
//!
//! A save goes through [`fsutil::write_atomic`]: a temporary file in the
//! same directory, flushed to the disk and renamed over the old file, so a
//! reader sees the old draft or the new one, never a mix.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::content::NoticeForm;
use crate::fsutil::{self, FsError};
use crate::guidance::Role;
use crate::i18n::Lang;
use crate::identify::Verdict;

/// File name of the draft inside the data directory.
pub const DRAFT_FILE: &str = "notice-draft.json";

/// Schema revision of the draft file. 2: yes/no answers and the tamper
/// checklist keep "not answered"; the verdict, the step and the time of the
/// check are kept.
const DRAFT_VERSION: u32 = 2;

/// The largest draft read back, in bytes. A draft is a few kilobytes; a
/// larger file is set aside as unreadable rather than read whole.
const MAX_DRAFT_BYTES: u64 = 16 * 1024 * 1024;

/// Why a draft could not be saved, read or removed.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    /// Reading or writing the draft file (or creating its folder) failed;
    /// the error names the file.
    #[error(transparent)]
    File(#[from] FsError),
    /// Removing or setting the draft aside failed.
    #[error("{action} failed: {source}")]
    Io {
        /// What was being done, e.g. "removing the draft".
        action: &'static str,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The saved draft is not readable. It was set aside (renamed) so that
    /// the app can start afresh without destroying it.
    #[error("the saved draft could not be read ({message}); it was kept as {kept_as}")]
    Corrupt {
        /// What the parser said.
        message: String,
        /// Where the unreadable file now is.
        kept_as: PathBuf,
    },
    /// The draft could not be turned into JSON (should not happen).
    #[error("the draft could not be encoded: {0}")]
    Encode(#[from] serde_json::Error),
}

fn io(action: &'static str) -> impl FnOnce(std::io::Error) -> DraftError {
    move |source| DraftError::Io { action, source }
}

/// Everything needed to pick the notice up where the user left it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// Schema revision of the file.
    pub version: u32,
    /// The notice form.
    pub form: NoticeForm,
    /// What the user typed on the identify step.
    pub typed_text: String,
    /// Label photos chosen on the identify step.
    pub photo_paths: Vec<PathBuf>,
    /// Language of the app when the draft was saved.
    pub lang: Lang,
    /// Language of the notice when it differs from the app's.
    pub notice_lang: Option<Lang>,
    /// Who is using the app.
    pub role: Role,
    /// The verdict the notice rests on, with its evidence, as it was shown.
    pub verdict: Option<Verdict>,
    /// Version of the list the verdict was reached with.
    pub list_version: Option<u64>,
    /// When the check was made (RFC 9557, e.g.
    /// `2025-03-10T13:45:00+01:00[Europe/Rome]`); empty when not known.
    pub checked_at: String,
    /// The notice's id ([`super::data`]); empty in drafts from before ids.
    pub notice_id: String,
    /// Where the user was: the wizard step's key (`result`, `guidance`,
    /// `notice`); empty when not known.
    pub step: String,
}

impl Draft {
    /// A draft of the current schema revision, with no verdict yet.
    pub fn new(
        form: NoticeForm,
        typed_text: String,
        photo_paths: Vec<PathBuf>,
        lang: Lang,
        role: Role,
    ) -> Draft {
        Draft {
            version: DRAFT_VERSION,
            form,
            typed_text,
            photo_paths,
            lang,
            role,
            ..Draft::default()
        }
    }

    /// Reads a draft file of any revision. Older revisions are brought up
    /// to date on the way in, without inventing an answer: a "no" that was
    /// only the default of an old field becomes "not answered".
    pub fn from_json(bytes: &[u8]) -> Result<Draft, serde_json::Error> {
        let mut value: serde_json::Value = serde_json::from_slice(bytes)?;
        let version = value
            .get("version")
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0);
        if version < 2
            && let Some(form) = value.get_mut("form").and_then(|f| f.as_object_mut())
        {
            upgrade_form_v1(form);
        }
        serde_json::from_value(value)
    }
}

/// Revision 1 kept yes/no answers as plain booleans (so `false` meant both
/// "no" and "nobody said"), the connection defaulted to "unknown", and the
/// checklist was a set of ticked signs plus a flag set merely by showing it.
/// Only what the user positively said survives: a ticked box, a ticked sign,
/// a connection other than the default, an explicit yes or no.
fn upgrade_form_v1(form: &mut serde_json::Map<String, serde_json::Value>) {
    use serde_json::Value;
    if form.get("connection").and_then(Value::as_str) == Some("unknown") {
        form.remove("connection");
    }
    form.remove("tamper_checklist_done");
    if let Some(Value::Array(signs)) = form.remove("tamper_signs") {
        let seen: serde_json::Map<String, Value> = signs
            .into_iter()
            .filter_map(|s| s.as_str().map(|s| (s.to_owned(), Value::from("yes"))))
            .collect();
        form.insert("tamper".into(), Value::Object(seen));
    }
    if let Some(Value::Object(actions)) = form.get_mut("actions") {
        for key in ["cable_unplugged", "wifi_off"] {
            match actions.get(key) {
                Some(Value::Bool(true)) => {
                    actions.insert(key.into(), Value::from("yes"));
                }
                Some(Value::Bool(false) | Value::Null) => {
                    actions.remove(key);
                }
                _ => {}
            }
        }
        match actions.get("still_used_locally") {
            Some(Value::Bool(b)) => {
                let answer = if *b { "yes" } else { "no" };
                actions.insert("still_used_locally".into(), Value::from(answer));
            }
            Some(Value::Null) => {
                actions.remove("still_used_locally");
            }
            _ => {}
        }
    }
}

/// Where the draft lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftStore {
    dir: PathBuf,
}

impl DraftStore {
    /// A store in `dir` (created on the first save).
    pub fn new(dir: PathBuf) -> DraftStore {
        DraftStore { dir }
    }

    /// Path of the draft file.
    pub fn path(&self) -> PathBuf {
        self.dir.join(DRAFT_FILE)
    }

    /// Saves `draft` atomically.
    pub fn save(&self, draft: &Draft) -> Result<(), DraftError> {
        let mut draft = draft.clone();
        draft.version = DRAFT_VERSION;
        let json = serde_json::to_vec_pretty(&draft)?;
        fsutil::create_dir_all(&self.dir)?;
        fsutil::write_atomic(&self.path(), &json)?;
        Ok(())
    }

    /// The saved draft; `Ok(None)` when there is none. An unreadable draft
    /// (not a draft, or far too large for one) is renamed aside and
    /// reported as [`DraftError::Corrupt`], so the caller can tell the user
    /// and carry on with an empty form without destroying it.
    pub fn load(&self) -> Result<Option<Draft>, DraftError> {
        let path = self.path();
        let message = match fsutil::if_exists(fsutil::read_capped(&path, MAX_DRAFT_BYTES)) {
            Ok(None) => return Ok(None),
            Ok(Some(bytes)) => match Draft::from_json(&bytes) {
                Ok(d) => return Ok(Some(d)),
                Err(e) => e.to_string(),
            },
            Err(e @ FsError::TooLarge { .. }) => e.to_string(),
            Err(e) => return Err(e.into()),
        };
        let kept_as = self.set_aside(&path)?;
        Err(DraftError::Corrupt { message, kept_as })
    }

    /// Removes the draft ("Discard"). Not an error if there is none.
    pub fn discard(&self) -> Result<(), DraftError> {
        match fs::remove_file(self.path()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io("removing the draft")(e)),
        }
    }

    /// Renames an unreadable draft to the first free
    /// `notice-draft.corrupt-N.json`.
    fn set_aside(&self, path: &Path) -> Result<PathBuf, DraftError> {
        for n in 1..1000 {
            let target = self.dir.join(format!("notice-draft.corrupt-{n}.json"));
            if !target.exists() {
                fs::rename(path, &target).map_err(io("setting the unreadable draft aside"))?;
                return Ok(target);
            }
        }
        // A thousand broken drafts: stop keeping them.
        fs::remove_file(path).map_err(io("removing the unreadable draft"))?;
        Ok(path.to_path_buf())
    }
}

/// Decides when a changed draft is written: not on every keystroke, but
/// once the user pauses for [`Autosave::QUIET`], and at least every
/// [`Autosave::MAX_DELAY`] while they keep typing. It does no I/O itself:
/// the caller hands the drafts it releases to a [`DraftWriter`], and passes
/// the time (core does not read the clock).
#[derive(Debug, Default)]
pub struct Autosave {
    saved: Option<Draft>,
    first_change: Option<Instant>,
    last_change: Option<Instant>,
    last_seen: Option<Draft>,
}

impl Autosave {
    /// Pause after which a change is written.
    pub const QUIET: Duration = Duration::from_millis(400);
    /// Longest a change waits while the user keeps typing.
    pub const MAX_DELAY: Duration = Duration::from_secs(2);

    /// Starts from `saved`, the draft already on disk, if any.
    pub fn new(saved: Option<Draft>) -> Autosave {
        Autosave {
            saved,
            ..Autosave::default()
        }
    }

    /// Call every frame with the current draft: returns the draft to write
    /// when a change is due, `None` when there is nothing to write yet.
    pub fn tick(&mut self, draft: &Draft, now: Instant) -> Option<Draft> {
        if self.saved.as_ref() == Some(draft) {
            self.first_change = None;
            self.last_change = None;
            self.last_seen = None;
            return None;
        }
        let first = *self.first_change.get_or_insert(now);
        // The quiet time counts from the last edit, not the first.
        if self.last_seen.as_ref() != Some(draft) {
            self.last_change = Some(now);
            self.last_seen = Some(draft.clone());
        }
        let last = self.last_change.unwrap_or(now);
        let due =
            now.duration_since(last) >= Self::QUIET || now.duration_since(first) >= Self::MAX_DELAY;
        if due { self.flush(draft) } else { None }
    }

    /// The draft to write right away if it differs from the saved one (on
    /// a step change, on exit).
    pub fn flush(&mut self, draft: &Draft) -> Option<Draft> {
        if self.saved.as_ref() == Some(draft) {
            return None;
        }
        self.saved = Some(draft.clone());
        self.first_change = None;
        self.last_change = None;
        self.last_seen = None;
        Some(draft.clone())
    }

    /// Whether a change is waiting for the user to pause.
    pub fn is_pending(&self) -> bool {
        self.first_change.is_some()
    }

    /// A write failed: the draft counts as unsaved again, so the next
    /// change (or tick) tries once more.
    pub fn failed(&mut self) {
        self.saved = None;
    }

    /// The draft was discarded: nothing is on disk any more.
    pub fn forget(&mut self) {
        *self = Autosave::default();
    }
}

/// What the UI asks of the writer thread.
enum WriterCommand {
    Save(Box<Draft>),
    Discard,
    Flush(mpsc::Sender<()>),
}

/// Writes drafts on a thread of its own, so the UI thread never waits on the
/// disk. Saves are atomic ([`DraftStore::save`]); when several are queued
/// only the newest is written. Commands run in the order they were given,
/// so a discard is never undone by a save queued before it.
#[derive(Debug)]
pub struct DraftWriter {
    commands: mpsc::Sender<WriterCommand>,
    results: mpsc::Receiver<Result<(), DraftError>>,
}

impl DraftWriter {
    /// Starts the `draft-writer` thread over `store`; `on_done` is called
    /// after each write (the UI asks for a repaint there, to show errors).
    pub fn spawn(
        store: DraftStore,
        on_done: impl Fn() + Send + 'static,
    ) -> std::io::Result<DraftWriter> {
        let (commands, inbox) = mpsc::channel::<WriterCommand>();
        let (outbox, results) = mpsc::channel();
        std::thread::Builder::new()
            .name("draft-writer".into())
            .spawn(move || {
                while let Ok(first) = inbox.recv() {
                    let mut batch = vec![first];
                    batch.extend(inbox.try_iter());
                    // Of several saves in a row, only the last one matters.
                    let mut pending: Option<Box<Draft>> = None;
                    for command in batch {
                        match command {
                            WriterCommand::Save(d) => pending = Some(d),
                            WriterCommand::Discard => {
                                pending = None;
                                let _ = outbox.send(store.discard());
                            }
                            WriterCommand::Flush(done) => {
                                if let Some(d) = pending.take() {
                                    let _ = outbox.send(store.save(&d));
                                }
                                let _ = done.send(());
                            }
                        }
                    }
                    if let Some(d) = pending {
                        let _ = outbox.send(store.save(&d));
                    }
                    on_done();
                }
            })?;
        Ok(DraftWriter { commands, results })
    }

    /// Queues `draft` to be written.
    pub fn save(&self, draft: Draft) {
        let _ = self.commands.send(WriterCommand::Save(Box::new(draft)));
    }

    /// Queues the removal of the draft.
    pub fn discard(&self) {
        let _ = self.commands.send(WriterCommand::Discard);
    }

    /// Waits up to `timeout` until everything queued so far is on disk (on
    /// exit). Returns whether it finished in time.
    pub fn wait(&self, timeout: Duration) -> bool {
        let (done, finished) = mpsc::channel();
        if self.commands.send(WriterCommand::Flush(done)).is_err() {
            return false;
        }
        finished.recv_timeout(timeout).is_ok()
    }

    /// The outcomes of the writes finished since the last call, oldest
    /// first.
    pub fn finished(&self) -> Vec<Result<(), DraftError>> {
        self.results.try_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guidance::{Connection, TamperSign};
    use crate::notice::Answer;

    fn sample() -> Draft {
        let mut form = NoticeForm {
            gp_name: "Dott.ssa Lucia Bianchi".into(),
            observations: "Il monitor si è riavviato due volte; più di così non so.".into(),
            ..NoticeForm::default()
        };
        form.set_tamper_answer(TamperSign::UnexpectedRestart, Answer::Yes);
        Draft::new(
            form,
            "Gima 35152".into(),
            vec![PathBuf::from("/home/a/etichetta.jpg")],
            Lang::It,
            Role::Carer,
        )
    }

    #[test]
    fn save_load_discard_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let store = DraftStore::new(dir.path().join("nested"));
        assert!(store.load().unwrap().is_none());
        store.save(&sample()).unwrap();
        assert_eq!(store.load().unwrap(), Some(sample()));
        // Overwrite, and no temporary files are left behind.
        let mut d = sample();
        d.typed_text = "CMS8000".into();
        store.save(&d).unwrap();
        assert_eq!(store.load().unwrap().unwrap().typed_text, "CMS8000");
        let names: Vec<_> = fs::read_dir(dir.path().join("nested"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, vec![DRAFT_FILE.to_owned()]);
        store.discard().unwrap();
        assert!(store.load().unwrap().is_none());
        store.discard().unwrap();
    }

    #[test]
    fn corrupt_draft_is_reported_and_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let store = DraftStore::new(dir.path().to_path_buf());
        // What a torn write by another program could leave.
        fs::write(store.path(), b"{\"form\": {\"gp_name\": \"Dott").unwrap();
        let err = store.load().unwrap_err();
        let DraftError::Corrupt { kept_as, .. } = &err else {
            panic!("{err}");
        };
        assert!(kept_as.exists());
        assert!(err.to_string().contains("could not be read"));
        // The next start is clean, and saving works again.
        assert!(store.load().unwrap().is_none());
        store.save(&sample()).unwrap();
        assert!(store.load().unwrap().is_some());
    }

    #[test]
    fn older_or_partial_draft_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        let store = DraftStore::new(dir.path().to_path_buf());
        fs::write(
            store.path(),
            br#"{"form": {"gp_name": "Dr Rossi", "someday_field": 3}, "lang": "en"}"#,
        )
        .unwrap();
        let d = store.load().unwrap().unwrap();
        assert_eq!(d.form.gp_name, "Dr Rossi");
        assert_eq!(d.lang, Lang::En);
    }

    #[test]
    fn a_draft_too_large_to_be_one_is_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let store = DraftStore::new(dir.path().to_path_buf());
        fs::File::create(store.path())
            .unwrap()
            .set_len(MAX_DRAFT_BYTES + 1)
            .unwrap();
        let err = store.load().unwrap_err();
        let DraftError::Corrupt { kept_as, message } = &err else {
            panic!("{err}");
        };
        assert!(kept_as.exists());
        assert!(message.contains("larger than 16 MiB"), "{message}");
        assert!(store.load().unwrap().is_none());
    }

    #[test]
    fn a_draft_that_cannot_be_written_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = DraftStore::new(dir.path().to_path_buf());
        // A folder where the draft file should be: the rename fails.
        fs::create_dir(store.path()).unwrap();
        fs::write(store.path().join("x"), b"x").unwrap();
        let err = store.save(&sample()).unwrap_err();
        assert!(
            matches!(&err, DraftError::File(FsError::Write { path, .. }) if path == &store.path()),
            "{err:?}"
        );
        assert!(err.to_string().contains(DRAFT_FILE), "{err}");
    }

    #[test]
    fn autosave_waits_for_a_pause_in_typing() {
        let mut auto = Autosave::new(None);
        let t0 = Instant::now();
        let mut d = sample();
        assert!(auto.tick(&d, t0).is_none());
        // Still typing: each edit restarts the quiet time.
        d.form.gp_name.push('x');
        assert!(auto.tick(&d, t0 + Duration::from_millis(300)).is_none());
        d.form.gp_name.push('y');
        assert!(auto.tick(&d, t0 + Duration::from_millis(600)).is_none());
        // A pause: the newest draft is released once.
        let out = auto.tick(&d, t0 + Duration::from_secs(1)).unwrap();
        assert_eq!(out, d);
        assert!(auto.tick(&d, t0 + Duration::from_secs(10)).is_none());
        // Typing that never pauses is still saved after MAX_DELAY.
        let t1 = t0 + Duration::from_secs(20);
        let mut released = None;
        for i in 0..30u32 {
            d.observations_push(i);
            if let Some(out) = auto.tick(&d, t1 + Duration::from_millis(100) * i) {
                released = Some(i);
                assert_eq!(out, d);
                break;
            }
        }
        let i = released.expect("saved while typing");
        assert!(Duration::from_millis(100) * i >= Autosave::MAX_DELAY);
        // A failed write is tried again.
        auto.failed();
        assert!(auto.flush(&d).is_some());
        auto.forget();
        assert!(auto.flush(&d).is_some());
    }

    impl Draft {
        fn observations_push(&mut self, i: u32) {
            self.form.observations.push_str(&i.to_string());
        }
    }

    #[test]
    fn writer_thread_saves_the_newest_and_discards_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let store = DraftStore::new(dir.path().to_path_buf());
        let writer = DraftWriter::spawn(store.clone(), || {}).unwrap();
        let mut d = sample();
        for i in 0..50 {
            d.typed_text = format!("CMS8000 {i}");
            writer.save(d.clone());
        }
        assert!(writer.wait(Duration::from_secs(10)));
        assert_eq!(store.load().unwrap().unwrap().typed_text, "CMS8000 49");
        assert!(writer.finished().iter().all(Result::is_ok));
        // A save queued before a discard does not bring the draft back.
        writer.save(sample());
        writer.discard();
        assert!(writer.wait(Duration::from_secs(10)));
        assert!(store.load().unwrap().is_none());
        // A folder that cannot be created reports the failure.
        let blocked = dir.path().join("file");
        fs::write(&blocked, b"x").unwrap();
        let writer = DraftWriter::spawn(DraftStore::new(blocked.join("sub")), || {}).unwrap();
        writer.save(sample());
        assert!(writer.wait(Duration::from_secs(10)));
        assert!(matches!(
            writer.finished().as_slice(),
            [Err(DraftError::File(FsError::CreateFolder { .. }))]
        ));
    }

    #[test]
    fn a_version_1_draft_keeps_only_what_was_said() {
        let v1 = br#"{
            "version": 1,
            "form": {
                "gp_name": "Dr Rossi",
                "connection": "unknown",
                "actions": {"cable_unplugged": true, "wifi_off": false, "still_used_locally": null, "when": "ieri"},
                "tamper_checklist_done": true,
                "tamper_signs": ["unexpected_restart"]
            },
            "typed_text": "CMS 8000",
            "lang": "it",
            "role": "carer"
        }"#;
        let d = Draft::from_json(v1).unwrap();
        let f = &d.form;
        assert_eq!(f.gp_name, "Dr Rossi");
        assert_eq!(f.connection, None);
        assert_eq!(f.actions.cable_unplugged, Answer::Yes);
        assert_eq!(f.actions.wifi_off, Answer::NotAnswered);
        assert_eq!(f.actions.still_used_locally, Answer::NotAnswered);
        assert_eq!(f.actions.when, "ieri");
        assert_eq!(f.tamper_answer(TamperSign::UnexpectedRestart), Answer::Yes);
        assert_eq!(
            f.tamper_answer(TamperSign::ReadingsMismatch),
            Answer::NotAnswered
        );
        assert!(f.is_incident());
        assert!(d.verdict.is_none());

        let v1_said = br#"{"version": 1, "form": {"connection": "wi_fi",
            "actions": {"still_used_locally": false}, "tamper_checklist_done": true}}"#;
        let f = Draft::from_json(v1_said).unwrap().form;
        assert_eq!(f.connection, Some(Connection::WiFi));
        assert_eq!(f.actions.still_used_locally, Answer::No);
        assert!(!f.tamper_checked());
    }

    #[test]
    fn the_verdict_and_the_step_come_back() {
        let dir = tempfile::tempdir().unwrap();
        let store = DraftStore::new(dir.path().to_path_buf());
        let catalog = crate::catalog::Catalog::bundled();
        let verdict = crate::identify::identify_text(&catalog, "Gima 35152").unwrap();
        let mut d = sample();
        d.verdict = Some(verdict.clone());
        d.list_version = Some(catalog.version);
        d.step = "guidance".into();
        d.checked_at = "2025-03-10T13:45:00+01:00[Europe/Rome]".into();
        store.save(&d).unwrap();
        let back = store.load().unwrap().unwrap();
        assert_eq!(back.verdict, Some(verdict));
        assert_eq!(
            back,
            Draft {
                version: DRAFT_VERSION,
                ..d
            }
        );
    }
}
