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

    /// The shared cancel flag, for core functions that take one.
    pub fn cancel_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.cancel)
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

    /// Whether Cancel was pressed.
    pub fn is_cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// Opens a file with the system's default program (PDF viewer, mail
/// program). Nothing is sent anywhere.
pub fn open_with_system(path: &std::path::Path) -> std::io::Result<()> {
    #[cfg(target_os = "windows")]
    let mut cmd = {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    };
    #[cfg(target_os = "macos")]
    let mut cmd = std::process::Command::new("open");
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    let mut cmd = std::process::Command::new("xdg-open");
    cmd.arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
}
