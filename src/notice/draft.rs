//! The notice draft, saved on every change so nothing the user typed is
//! lost to a crash, a `kill -9` or a power cut; and [`write_atomic`], used
//! for every file the app saves so a target is never half-written.
//!
//! A save writes a temporary file in the same directory, flushes it to the
//! disk, and renames it over the old file: a reader sees the old draft or
//! the new one, never a mix.

use std::fs::{self, File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::content::NoticeForm;
use crate::guidance::Role;
use crate::i18n::Lang;

/// File name of the draft inside the data directory.
pub const DRAFT_FILE: &str = "notice-draft.json";

/// Schema revision of the draft file.
const DRAFT_VERSION: u32 = 1;

/// Why a draft or a file could not be saved or read.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    /// Reading or writing failed.
    #[error("{action} failed: {source}")]
    Io {
        /// What was being done, e.g. "writing the draft".
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
    /// Language of the notice.
    pub lang: Lang,
    /// Who is using the app.
    pub role: Role,
}

impl Draft {
    /// A draft of the current schema revision.
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
        }
    }
}

/// The app's data directory (`$XDG_DATA_HOME/monitor-check` on Linux, the
/// platform's usual place elsewhere), or `None` if the system has no home.
/// Callers pass it to [`DraftStore::new`]; core code never looks it up.
pub fn default_data_dir() -> Option<PathBuf> {
    // One place decides the data dir for the whole app (the list store
    // lives there too).
    crate::update::default_data_dir()
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
        fs::create_dir_all(&self.dir).map_err(io("creating the data folder"))?;
        write_atomic(&self.path(), &json)
    }

    /// The saved draft; `Ok(None)` when there is none. An unreadable draft
    /// is renamed aside and reported as [`DraftError::Corrupt`], so the
    /// caller can tell the user and carry on with an empty form.
    pub fn load(&self) -> Result<Option<Draft>, DraftError> {
        let path = self.path();
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io("reading the draft")(e)),
        };
        match serde_json::from_slice::<Draft>(&bytes) {
            Ok(d) => Ok(Some(d)),
            Err(e) => {
                let kept_as = self.set_aside(&path)?;
                Err(DraftError::Corrupt {
                    message: e.to_string(),
                    kept_as,
                })
            }
        }
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

/// Saves drafts on change, but not on every keystroke: a change is written
/// once the user pauses for [`Autosave::QUIET`], and at least every
/// [`Autosave::MAX_DELAY`] while they keep typing. The caller passes the
/// time (core does not read the clock).
#[derive(Debug)]
pub struct Autosave {
    store: DraftStore,
    saved: Option<Draft>,
    first_change: Option<Instant>,
    last_change: Option<Instant>,
}

impl Autosave {
    /// Pause after which a change is written.
    pub const QUIET: Duration = Duration::from_millis(400);
    /// Longest a change waits while the user keeps typing.
    pub const MAX_DELAY: Duration = Duration::from_secs(2);

    /// Autosave into `store`; `saved` is the draft already on disk, if any.
    pub fn new(store: DraftStore, saved: Option<Draft>) -> Autosave {
        Autosave {
            store,
            saved,
            first_change: None,
            last_change: None,
        }
    }

    /// Call every frame with the current draft: returns `Some` when it
    /// wrote (with the outcome, to show the user on failure), `None` when
    /// there was nothing to write yet.
    pub fn tick(&mut self, draft: &Draft, now: Instant) -> Option<Result<(), DraftError>> {
        let changed = self.saved.as_ref() != Some(draft);
        if !changed {
            self.first_change = None;
            self.last_change = None;
            return None;
        }
        let first = *self.first_change.get_or_insert(now);
        if self.last_change.is_none() {
            self.last_change = Some(now);
        }
        let last = self.last_change.unwrap_or(now);
        let due =
            now.duration_since(last) >= Self::QUIET || now.duration_since(first) >= Self::MAX_DELAY;
        if !due {
            return None;
        }
        Some(self.flush(draft))
    }

    /// Tells the autosaver the draft just changed (resets the quiet timer).
    pub fn changed(&mut self, now: Instant) {
        self.first_change.get_or_insert(now);
        self.last_change = Some(now);
    }

    /// Writes `draft` now if it differs from the saved one (on exit, or
    /// before a risky action).
    pub fn flush(&mut self, draft: &Draft) -> Result<(), DraftError> {
        if self.saved.as_ref() == Some(draft) {
            return Ok(());
        }
        self.store.save(draft)?;
        self.saved = Some(draft.clone());
        self.first_change = None;
        self.last_change = None;
        Ok(())
    }

    /// Removes the draft and forgets it ("Discard").
    pub fn discard(&mut self) -> Result<(), DraftError> {
        self.store.discard()?;
        self.saved = None;
        self.first_change = None;
        self.last_change = None;
        Ok(())
    }
}

/// Writes `bytes` to `path` so that `path` holds either its old content or
/// all of `bytes`, never part: a temporary file in the same directory is
/// written, flushed to the disk and renamed over `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), DraftError> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let result = write_then_rename(&tmp, path, bytes);
    if result.is_err() {
        // Leave no temporary file behind; the target is untouched.
        let _ = fs::remove_file(&tmp);
    }
    result?;
    sync_dir(&dir);
    Ok(())
}

fn write_then_rename(tmp: &Path, path: &Path, bytes: &[u8]) -> Result<(), DraftError> {
    let mut file: File = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(tmp)
        .map_err(io("creating a temporary file"))?;
    file.write_all(bytes)
        .map_err(io("writing a temporary file"))?;
    file.sync_all()
        .map_err(io("flushing a temporary file to disk"))?;
    drop(file);
    fs::rename(tmp, path).map_err(io("replacing the file"))
}

/// Flushes the directory entry of the rename (Unix); elsewhere the rename
/// is already durable or cannot be forced.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        // Best effort: the data is already safe in the file itself.
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guidance::TamperSign;

    fn sample() -> Draft {
        let mut form = NoticeForm {
            gp_name: "Dott.ssa Lucia Bianchi".into(),
            observations: "Il monitor si è riavviato due volte; più di così non so.".into(),
            ..NoticeForm::default()
        };
        form.tamper_signs.insert(TamperSign::UnexpectedRestart);
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
    fn write_atomic_replaces_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notice.pdf");
        write_atomic(&path, b"first version, rather long").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        // A target in a folder that does not exist fails cleanly.
        let bad = dir.path().join("missing").join("x.pdf");
        assert!(matches!(
            write_atomic(&bad, b"x"),
            Err(DraftError::Io { .. })
        ));
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn autosave_waits_for_a_pause() {
        let dir = tempfile::tempdir().unwrap();
        let store = DraftStore::new(dir.path().to_path_buf());
        let mut auto = Autosave::new(store.clone(), None);
        let t0 = Instant::now();
        let d = sample();
        auto.changed(t0);
        assert!(auto.tick(&d, t0).is_none());
        assert!(store.load().unwrap().is_none());
        assert!(auto.tick(&d, t0 + Autosave::QUIET).unwrap().is_ok());
        assert_eq!(store.load().unwrap(), Some(d.clone()));
        // Unchanged: nothing more is written.
        assert!(auto.tick(&d, t0 + Duration::from_secs(10)).is_none());
        auto.discard().unwrap();
        assert!(store.load().unwrap().is_none());
    }
}
