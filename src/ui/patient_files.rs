//! The one owner of the files written for a patient or a notice: the
//! counter's folder and the outbox (the e-mails and PDFs handed to the mail
//! program or the viewer, which carry the label photos). Both live in the
//! data folder; without one, nothing is written there at all.
//!
//! Every job that writes such a file holds a [`Writer`] while it runs.
//! [`PatientFiles::forget`] (*Next patient*, *Discard*, *Start over*,
//! closing the counter) opens a new round and, on a thread, waits until
//! every writer of the rounds before has finished, then removes both
//! folders. A writer of the new round waits, on its own thread, for that
//! removal before it writes, so it never loses its file to it. The jobs
//! themselves are cancelled when their screens drop them
//! ([`Job`](super::jobs::Job)'s `Drop`), so the wait is short.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Folder of the data folder that holds the counter's files for the
/// patient in front of it.
pub const COUNTER_DIR: &str = "counter";

/// Folder of the data folder for the copies handed to the mail program and
/// the printer.
pub const OUTBOX_DIR: &str = "outbox";

/// Which of the owned folders a file goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folder {
    /// The counter's sheets.
    Counter,
    /// The wizard's e-mails and PDFs to print.
    Outbox,
}

impl Folder {
    fn name(self) -> &'static str {
        match self {
            Folder::Counter => COUNTER_DIR,
            Folder::Outbox => OUTBOX_DIR,
        }
    }
}

/// What the writers and the cleanups share.
#[derive(Default)]
struct Rounds {
    /// The round new writers join; each [`PatientFiles::forget`] opens the
    /// next.
    current: u64,
    /// How many writers of each round are still running.
    running: BTreeMap<u64, usize>,
    /// Every round up to this one has been cleaned up (0: none yet; round
    /// 1 is the sweep at start).
    cleaned: u64,
    /// Why the last cleanup failed, until it is taken.
    error: Option<String>,
}

#[derive(Default)]
struct Shared {
    rounds: Mutex<Rounds>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Rounds> {
        // A writer that panicked holding the lock leaves the counts as they
        // were: still usable.
        self.rounds
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Owns the patient's files: hands out [`Writer`]s and removes the files
/// when the patient is forgotten.
pub struct PatientFiles {
    data_dir: Option<PathBuf>,
    shared: Arc<Shared>,
}

impl PatientFiles {
    /// The owner of the patient files in `data_dir`. Files left by an
    /// earlier run (a crash, a power cut) are removed first, on a thread:
    /// the counter's always, the outbox's unless `keep_outbox` (a notice
    /// draft was picked up, whose copies may still be in the mail program).
    pub fn new(data_dir: Option<PathBuf>, keep_outbox: bool) -> Self {
        let owner = Self {
            data_dir,
            shared: Arc::default(),
        };
        // The sweep is round 1; round 2 is the first patient's, whose
        // writers wait for the sweep.
        owner.shared.lock().current = 2;
        let folders = if keep_outbox {
            vec![Folder::Counter]
        } else {
            vec![Folder::Counter, Folder::Outbox]
        };
        owner.clean_up_to(1, folders, || Ok(()));
        owner
    }

    /// Where the files of `folder` go; `None` without a data folder, when
    /// nothing is written for a patient but where the user chooses.
    pub fn folder(&self, folder: Folder) -> Option<PathBuf> {
        self.data_dir.as_ref().map(|d| d.join(folder.name()))
    }

    /// A writer for the patient in front of the app, to be moved into the
    /// job that writes. `None` without a data folder.
    pub fn writer(&self, folder: Folder) -> Option<Writer> {
        let dir = self.folder(folder)?;
        let round = {
            let mut rounds = self.shared.lock();
            let round = rounds.current;
            *rounds.running.entry(round).or_default() += 1;
            round
        };
        Some(Writer {
            shared: Arc::clone(&self.shared),
            round,
            dir,
        })
    }

    /// Forgets the patient: a new round starts now, and on a thread, once
    /// every writer of the earlier rounds has finished, both folders are
    /// removed and then `after` runs (the tally is saved). The screens
    /// must have dropped their jobs first, which cancels them.
    pub fn forget(&self, after: impl FnOnce() -> Result<(), String> + Send + 'static) {
        let ending = {
            let mut rounds = self.shared.lock();
            let ending = rounds.current;
            rounds.current += 1;
            ending
        };
        self.clean_up_to(ending, vec![Folder::Counter, Folder::Outbox], after);
    }

    /// On a thread: waits for the writers of rounds up to `round` and for
    /// the cleanups before, removes `folders`, runs `after`, and marks
    /// `round` cleaned.
    fn clean_up_to(
        &self,
        round: u64,
        folders: Vec<Folder>,
        after: impl FnOnce() -> Result<(), String> + Send + 'static,
    ) {
        let shared = Arc::clone(&self.shared);
        let dirs: Vec<PathBuf> = folders.into_iter().filter_map(|f| self.folder(f)).collect();
        let work = move || {
            {
                let mut rounds = shared.lock();
                while rounds.cleaned + 1 < round
                    || rounds.running.range(..=round).any(|(_, n)| *n > 0)
                {
                    rounds = shared
                        .changed
                        .wait(rounds)
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                }
            }
            let mut result = remove_folders(&dirs);
            if result.is_ok() {
                result = after();
            }
            let mut rounds = shared.lock();
            rounds.running.retain(|r, _| *r > round);
            rounds.cleaned = rounds.cleaned.max(round);
            if let Err(e) = result {
                rounds.error = Some(e);
            }
            shared.changed.notify_all();
        };
        // With no thread to spare, the cleanup runs here: the folders still
        // go, at the cost of a pause (the writers it waits for were
        // cancelled).
        let slot = Arc::new(Mutex::new(Some(work)));
        let on_thread = Arc::clone(&slot);
        let spawned = std::thread::Builder::new()
            .name("patient-cleanup".to_owned())
            .spawn(move || take_and_run(&on_thread));
        if spawned.is_err() {
            take_and_run(&slot);
        }
    }

    /// Waits up to `limit` for every cleanup asked for so far (tests, and
    /// closing the window). Whether they have all finished.
    pub fn wait(&self, limit: Duration) -> bool {
        let deadline = Instant::now() + limit;
        let mut rounds = self.shared.lock();
        while rounds.cleaned + 1 < rounds.current {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            rounds = self
                .shared
                .changed
                .wait_timeout(rounds, left)
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .0;
        }
        true
    }

    /// Why the last cleanup failed, once.
    pub fn take_error(&self) -> Option<String> {
        self.shared.lock().error.take()
    }
}

/// Runs the work in `slot` unless it already ran.
fn take_and_run(slot: &Mutex<Option<impl FnOnce()>>) {
    let work = slot
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .take();
    if let Some(work) = work {
        work();
    }
}

/// Removes each folder with what is in it; one that is not there is fine.
fn remove_folders(dirs: &[PathBuf]) -> Result<(), String> {
    for dir in dirs {
        match std::fs::remove_dir_all(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{}: {e}", dir.display())),
        }
    }
    Ok(())
}

/// A job's right to write patient files, held while it runs: the cleanup
/// of its round waits until it is dropped.
pub struct Writer {
    shared: Arc<Shared>,
    round: u64,
    dir: PathBuf,
}

impl Writer {
    /// The folder to write into, once the cleanups of the earlier rounds
    /// have removed theirs (call it on the job's thread: it may wait).
    pub fn folder(&self) -> &Path {
        let mut rounds = self.shared.lock();
        while rounds.cleaned + 1 < self.round {
            rounds = self
                .shared
                .changed
                .wait(rounds)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        &self.dir
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        let mut rounds = self.shared.lock();
        if let Some(n) = rounds.running.get_mut(&self.round) {
            *n = n.saturating_sub(1);
        }
        self.shared.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on_thread(work: impl FnOnce() + Send + 'static) -> std::thread::JoinHandle<()> {
        std::thread::Builder::new()
            .name("test-writer".to_owned())
            .spawn(work)
            .unwrap()
    }

    fn files_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|e| {
                e.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    #[test]
    fn leftovers_of_an_earlier_run_are_removed_at_start() {
        let dir = tempfile::tempdir().unwrap();
        for folder in [COUNTER_DIR, OUTBOX_DIR] {
            std::fs::create_dir_all(dir.path().join(folder)).unwrap();
            std::fs::write(dir.path().join(folder).join("old.pdf"), b"%PDF").unwrap();
        }
        let owner = PatientFiles::new(Some(dir.path().to_path_buf()), true);
        assert!(owner.wait(Duration::from_secs(10)));
        assert_eq!(files_in(dir.path()), [OUTBOX_DIR], "a draft's outbox stays");
        let owner = PatientFiles::new(Some(dir.path().to_path_buf()), false);
        assert!(owner.wait(Duration::from_secs(10)));
        assert!(files_in(dir.path()).is_empty());
    }

    #[test]
    fn the_cleanup_waits_for_a_running_writer_and_removes_what_it_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let owner = PatientFiles::new(Some(dir.path().to_path_buf()), false);
        let writer = owner.writer(Folder::Counter).unwrap();
        let (go, wait) = std::sync::mpsc::channel::<()>();
        let job = on_thread(move || {
            // Still writing when the patient is forgotten.
            wait.recv().unwrap();
            let folder = writer.folder().to_path_buf();
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join("sheet.pdf"), b"%PDF").unwrap();
        });
        owner.forget(|| Ok(()));
        assert!(
            !owner.wait(Duration::from_millis(300)),
            "waits for the writer"
        );
        go.send(()).unwrap();
        job.join().unwrap();
        assert!(owner.wait(Duration::from_secs(10)));
        assert!(
            files_in(dir.path()).is_empty(),
            "{:?}",
            files_in(dir.path())
        );
        assert_eq!(owner.take_error(), None);
    }

    #[test]
    fn the_next_patients_writer_waits_for_the_cleanup_and_keeps_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let owner = PatientFiles::new(Some(dir.path().to_path_buf()), false);
        let old = owner.writer(Folder::Outbox).unwrap();
        owner.forget(|| Ok(()));
        let new = owner.writer(Folder::Outbox).unwrap();
        let job = on_thread(move || {
            let folder = new.folder().to_path_buf();
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join("next.eml"), b"To: x").unwrap();
        });
        std::thread::sleep(Duration::from_millis(200));
        assert!(
            files_in(dir.path()).is_empty(),
            "the new writer waits while the old one runs"
        );
        drop(old);
        job.join().unwrap();
        assert!(owner.wait(Duration::from_secs(10)));
        assert_eq!(files_in(&dir.path().join(OUTBOX_DIR)), ["next.eml"]);
    }

    #[test]
    fn without_a_data_folder_there_is_nowhere_to_write() {
        let owner = PatientFiles::new(None, false);
        assert!(owner.writer(Folder::Counter).is_none());
        assert!(owner.folder(Folder::Outbox).is_none());
        owner.forget(|| Ok(()));
        assert!(owner.wait(Duration::from_secs(10)));
    }

    #[test]
    fn a_failed_cleanup_is_reported_once() {
        let dir = tempfile::tempdir().unwrap();
        let owner = PatientFiles::new(Some(dir.path().to_path_buf()), false);
        assert!(owner.wait(Duration::from_secs(10)));
        owner.forget(|| Err("the tally could not be saved".to_owned()));
        assert!(owner.wait(Duration::from_secs(10)));
        assert_eq!(
            owner.take_error().as_deref(),
            Some("the tally could not be saved")
        );
        assert_eq!(owner.take_error(), None);
    }
}
