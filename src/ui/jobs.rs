//! Slow work off the UI thread: a named thread, a channel back, progress and
//! a cancel flag. The UI polls each frame and is woken when a message lands.
//! A job is cancelled when the screen that holds it drops it; a job that
//! panics keeps its message, for the details line and the log.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

/// What a running job may tell the UI.
enum Message<T> {
    Progress(f32, String),
    Done(T),
    /// The work panicked, with this message.
    Panicked(String),
}

/// Handed to the work: report progress, check for cancellation.
pub struct Reporter<T> {
    tx: Sender<Message<T>>,
    ctx: egui::Context,
    cancel: Arc<AtomicBool>,
}

impl<T> Reporter<T> {
    /// Reports `fraction` (0..=1) done, with a short status line.
    pub fn progress(&self, fraction: f32, status: impl Into<String>) {
        let _ = self.tx.send(Message::Progress(fraction, status.into()));
        self.ctx.request_repaint();
    }

    /// Whether the user pressed Cancel.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// A job running on its own thread.
pub struct Job<T> {
    rx: Receiver<Message<T>>,
    cancel: Arc<AtomicBool>,
    /// Last reported fraction done.
    pub fraction: f32,
    /// Last reported status line.
    pub status: String,
    /// Why the work ended without an answer, once it has.
    lost: Option<String>,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a thread called `name`.
    pub fn spawn(
        name: &str,
        ctx: &egui::Context,
        work: impl FnOnce(&Reporter<T>) -> T + Send + 'static,
    ) -> std::io::Result<Self> {
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let reporter = Reporter {
            tx,
            ctx: ctx.clone(),
            cancel: Arc::clone(&cancel),
        };
        let job_name = name.to_owned();
        log::info!("the {name} job started");
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                // What `work` captured (a patient-file writer, say) is
                // dropped inside, before the answer goes out.
                let message = match catch_unwind(AssertUnwindSafe(|| work(&reporter))) {
                    Ok(out) => {
                        log::info!("the {job_name} job finished");
                        Message::Done(out)
                    }
                    Err(payload) => {
                        let text = panic_text(payload.as_ref());
                        // Kept for the log; the screen shows a sentence in
                        // the user's language with this under "Details".
                        log::error!("the {job_name} job stopped: {text}");
                        Message::Panicked(text)
                    }
                };
                let _ = reporter.tx.send(message);
                reporter.ctx.request_repaint();
            })?;
        Ok(Self {
            rx,
            cancel,
            fraction: 0.0,
            status: String::new(),
            lost: None,
        })
    }
}

impl<T> Job<T> {
    /// Takes new messages; `Some` once the work is done. A job whose work
    /// panicked yields `None` forever: `is_lost` tells, and `lost_detail`
    /// says what happened.
    pub fn poll(&mut self) -> Option<T> {
        loop {
            match self.rx.try_recv() {
                Ok(Message::Progress(f, s)) => {
                    self.fraction = f;
                    self.status = s;
                }
                Ok(Message::Done(out)) => return Some(out),
                Ok(Message::Panicked(text)) => {
                    self.lost = Some(text);
                    return None;
                }
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    self.lost
                        .get_or_insert_with(|| "the worker thread ended".to_owned());
                    return None;
                }
            }
        }
    }

    /// Asks the work to stop at its next check.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether the work ended without an answer (it panicked).
    pub fn is_lost(&self) -> bool {
        self.lost.is_some()
    }

    /// What the work said when it ended without an answer (the panic's
    /// message), for the "Details" line.
    pub fn lost_detail(&self) -> Option<&str> {
        self.lost.as_deref()
    }
}

impl<T> Drop for Job<T> {
    /// A screen that lets go of a job (*Next patient*, *Start over*, the
    /// window closing) no longer wants its answer: the work is asked to
    /// stop. Whoever must wait for it (the cleanup of a patient's files)
    /// waits on what the work holds, not on the job.
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// The text of a panic's payload (`panic!("…")` gives a `&str` or a
/// `String`).
fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an unknown error".to_owned())
}

/// What the screen says when a job ended without an answer: a sentence in
/// the user's language, and what the work said under "Details".
pub fn lost_message<T>(lang: crate::i18n::Lang, job: &Job<T>) -> String {
    with_details(
        lang,
        &crate::i18n::tr(lang, "job-stopped"),
        job.lost_detail().unwrap_or_default(),
    )
}

/// What the screen says when a job could not even start (no thread could
/// be made: the computer is short of memory or of threads).
pub fn not_started_message(lang: crate::i18n::Lang, error: &std::io::Error) -> String {
    with_details(
        lang,
        &crate::i18n::tr(lang, "job-not-started"),
        &error.to_string(),
    )
}

/// `sentence`, then "Details: `detail`" on a line of its own when there is
/// a detail.
pub fn with_details(lang: crate::i18n::Lang, sentence: &str, detail: &str) -> String {
    if detail.is_empty() {
        sentence.to_owned()
    } else {
        format!(
            "{sentence}\n{}: {detail}",
            crate::i18n::tr(lang, "ui-details")
        )
    }
}

/// How long a launcher gets to report failure before it is taken to have
/// started the program (some wait for the program to close).
#[cfg(not(any(target_os = "windows", target_os = "macos")))]
const LAUNCH_WAIT: std::time::Duration = std::time::Duration::from_secs(4);

/// Opens a file with the system's default program (PDF viewer, mail
/// program). Nothing is sent anywhere.
///
/// Through the `open` crate: `ShellExecuteW` on Windows (no `cmd`, so `&`,
/// `^` and `%` in a path are just characters), `open` on macOS, and
/// elsewhere the first of `xdg-open`, `gio`, `gnome-open`, `kde-open` and
/// `wslview` that works. An error means no program could open the file:
/// the caller then says where it was saved.
pub fn open_with_system(path: &std::path::Path) -> std::io::Result<()> {
    open_file(path)
}

#[cfg(target_os = "windows")]
fn open_file(path: &std::path::Path) -> std::io::Result<()> {
    // With `shellexecute-on-windows`: `ShellExecuteExW`, which fails when
    // no program is associated with the file type.
    open::that_detached(path)
}

#[cfg(target_os = "macos")]
fn open_file(path: &std::path::Path) -> std::io::Result<()> {
    // `open` returns at once, failing when no program takes the file.
    open::that(path)
}

#[cfg(not(any(target_os = "windows", target_os = "macos")))]
fn open_file(path: &std::path::Path) -> std::io::Result<()> {
    launch_first(open::commands(path), LAUNCH_WAIT)
}

/// Runs `commands` in turn until one succeeds: exits with success, or is
/// still running after `wait` (a launcher that waits for the program it
/// started, or the program itself). One that is missing or exits with an
/// error (e.g. `xdg-open` with no program for the file type) passes the
/// turn to the next.
#[cfg(not(any(target_os = "windows", target_os = "macos")))]
fn launch_first(
    commands: Vec<std::process::Command>,
    wait: std::time::Duration,
) -> std::io::Result<()> {
    use std::process::Stdio;
    let mut last_error = None;
    for mut command in commands {
        let program = command.get_program().to_string_lossy().into_owned();
        let spawned = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let mut child = match spawned {
            Ok(child) => child,
            Err(e) => {
                last_error = Some(std::io::Error::new(e.kind(), format!("{program}: {e}")));
                continue;
            }
        };
        match wait_briefly(&mut child, wait) {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                last_error = Some(std::io::Error::other(format!("{program}: {status}")));
            }
            Ok(None) => {
                reap_later(child);
                return Ok(());
            }
            Err(e) => last_error = Some(e),
        }
    }
    Err(last_error.unwrap_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "no program to open files with",
        )
    }))
}

/// The child's exit status, or `None` if it is still running after `wait`.
#[cfg(not(any(target_os = "windows", target_os = "macos")))]
fn wait_briefly(
    child: &mut std::process::Child,
    wait: std::time::Duration,
) -> std::io::Result<Option<std::process::ExitStatus>> {
    let deadline = std::time::Instant::now() + wait;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if std::time::Instant::now() >= deadline {
            return Ok(None);
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// Waits for a child that outlives the launch on a thread of its own, so it
/// does not linger as a zombie after it exits.
#[cfg(not(any(target_os = "windows", target_os = "macos")))]
fn reap_later(mut child: std::process::Child) {
    let _ = std::thread::Builder::new()
        .name("opener-wait".to_owned())
        .spawn(move || {
            let _ = child.wait();
        });
}

#[cfg(all(test, not(any(target_os = "windows", target_os = "macos"))))]
mod tests {
    use std::process::Command;
    use std::time::{Duration, Instant};

    use super::*;

    fn sh(script: &str) -> Command {
        let mut c = Command::new("sh");
        c.args(["-c", script]);
        c
    }

    #[test]
    fn the_first_launcher_that_works_wins() {
        let wait = Duration::from_secs(2);
        assert!(launch_first(vec![sh("exit 0")], wait).is_ok());
        // Missing, then failing (xdg-open with no program for the type): next.
        let commands = vec![
            Command::new("/nonexistent/xdg-open"),
            sh("exit 3"),
            sh("exit 0"),
        ];
        assert!(launch_first(commands, wait).is_ok());
    }

    #[test]
    fn nothing_to_open_with_is_an_error() {
        let wait = Duration::from_secs(2);
        let err =
            launch_first(vec![Command::new("/nonexistent/gio"), sh("exit 4")], wait).unwrap_err();
        assert!(err.to_string().contains("sh"), "{err}");
        assert!(launch_first(Vec::new(), wait).is_err());
    }

    #[test]
    fn a_launcher_that_stays_is_taken_as_working_without_waiting_for_it() {
        let start = Instant::now();
        assert!(launch_first(vec![sh("sleep 30")], Duration::from_millis(300)).is_ok());
        assert!(start.elapsed() < Duration::from_secs(5));
    }
}

#[cfg(test)]
mod job_tests {
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    use super::*;

    /// Polls `job` until it answers or is lost, at most 10 s.
    fn settle<T>(job: &mut Job<T>) -> Option<T> {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Some(out) = job.poll() {
                return Some(out);
            }
            if job.is_lost() {
                return None;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("the job neither answered nor was lost");
    }

    #[test]
    fn a_dropped_job_is_cancelled() {
        let ctx = egui::Context::default();
        let (saw, seen) = mpsc::channel();
        let job = Job::spawn("test-drop", &ctx, move |r: &Reporter<()>| {
            let deadline = Instant::now() + Duration::from_secs(10);
            while !r.cancelled() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(5));
            }
            let _ = saw.send(r.cancelled());
        })
        .unwrap();
        drop(job);
        assert_eq!(seen.recv_timeout(Duration::from_secs(10)), Ok(true));
    }

    #[test]
    fn a_panic_keeps_its_message_and_the_screen_says_it_in_the_users_language() {
        let ctx = egui::Context::default();
        let mut job = Job::spawn("test-panic", &ctx, |_: &Reporter<u8>| {
            panic!("the sheet had {} pages", 3)
        })
        .unwrap();
        assert_eq!(settle(&mut job), None);
        assert_eq!(job.lost_detail(), Some("the sheet had 3 pages"));
        let it = lost_message(crate::i18n::Lang::It, &job);
        assert!(it.starts_with(&crate::i18n::tr(crate::i18n::Lang::It, "job-stopped")));
        assert!(it.ends_with("Dettagli: the sheet had 3 pages"), "{it}");
    }

    #[test]
    fn an_answer_comes_back_whole() {
        let ctx = egui::Context::default();
        let mut job = Job::spawn("test-answer", &ctx, |r: &Reporter<u32>| {
            r.progress(0.5, "half");
            42
        })
        .unwrap();
        assert_eq!(settle(&mut job), Some(42));
        assert!(!job.is_lost());
    }
}
