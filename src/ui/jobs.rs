//! Slow work off the UI thread: a named thread, a channel back, progress and
//! a cancel flag. The UI polls each frame and is woken when a message lands.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

/// What a running job may tell the UI.
enum Message<T> {
    Progress(f32, String),
    Done(T),
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
    lost: bool,
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
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let out = work(&reporter);
                let _ = reporter.tx.send(Message::Done(out));
                reporter.ctx.request_repaint();
            })?;
        Ok(Self {
            rx,
            cancel,
            fraction: 0.0,
            status: String::new(),
            lost: false,
        })
    }

    /// Takes new messages; `Some` once the work is done. A job whose thread
    /// died without answering yields `None` forever: `is_lost` tells.
    pub fn poll(&mut self) -> Option<T> {
        loop {
            match self.rx.try_recv() {
                Ok(Message::Progress(f, s)) => {
                    self.fraction = f;
                    self.status = s;
                }
                Ok(Message::Done(out)) => return Some(out),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    self.lost = true;
                    return None;
                }
            }
        }
    }

    /// Whether the thread ended without an answer (it panicked).
    pub fn is_lost(&self) -> bool {
        self.lost
    }

    /// Asks the work to stop at its next check.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
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
