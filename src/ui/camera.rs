//! The identify step's camera panel: what the computer's camera sees, live,
//! and *Take photo*.
//!
//! The camera is opened, read and closed on its own `camera` thread (a
//! driver may take seconds to start, or never answer); the UI only uploads
//! the newest preview frame as a texture. The photo taken is encoded to
//! JPEG on a `photo-encoder` job and handed back in memory, to be read
//! like any photo. Closing the panel (or leaving
//! the step) stops the thread after its current frame; a thread stuck in a
//! driver is left behind, never waited for.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use egui::{ColorImage, RichText, TextureHandle, Ui};
use image::RgbImage;

use super::jobs::Job;
use super::theme::{self, Look};
use crate::camera::{self, CameraError, Opener};
use crate::i18n::{Lang, tr, tr_args};

/// Longest side of the live preview uploaded each frame, in pixels: sharp
/// enough to see whether the writing is in focus, small enough to upload
/// at the camera's pace.
const PREVIEW_MAX_SIDE_PX: u32 = 960;

/// Widest the preview is drawn, in points.
const PREVIEW_MAX_WIDTH: f32 = 640.0;

/// Tallest the preview is drawn, in points: the buttons under it stay in
/// the window with it.
const PREVIEW_MAX_HEIGHT: f32 = 400.0;

/// The self-timer of *Take photo in 3 seconds*: time to press the button,
/// then hold the monitor (or the label) to the camera with both hands.
const SELF_TIMER: Duration = Duration::from_secs(3);

/// What the camera thread shares with the panel.
#[derive(Default)]
struct Latest {
    /// The newest frame, full size, for *Take photo*.
    frame: Option<Arc<RgbImage>>,
    /// The newest frame, shrunk for the screen, not yet uploaded.
    preview: Option<ColorImage>,
    /// Why the camera gave no (more) frames.
    error: Option<CameraError>,
}

struct Shared {
    stop: AtomicBool,
    latest: Mutex<Latest>,
}

/// What the user did in the panel.
pub enum CameraEvent {
    /// A photo was taken: its JPEG bytes, to be read.
    Taken(Vec<u8>),
    /// *Close the camera*.
    Closed,
}

/// An open camera panel. Dropping it stops the camera.
pub struct CameraPanel {
    shared: Arc<Shared>,
    opener: Opener,
    texture: Option<TextureHandle>,
    encoding: Option<Job<Result<Vec<u8>, CameraError>>>,
    /// The panel was brought into view once.
    scrolled: bool,
    /// When the self-timer takes the photo.
    timer: Option<Instant>,
}

impl CameraPanel {
    /// Starts the camera from `opener`.
    pub fn open(ctx: &egui::Context, opener: Opener) -> Self {
        let shared = start(ctx, &opener);
        Self {
            shared,
            opener,
            texture: None,
            encoding: None,
            scrolled: false,
            timer: None,
        }
    }

    /// Draws the panel; says when a photo was taken or the panel closed.
    pub fn ui(&mut self, ui: &mut Ui, lang: Lang, look: Look) -> Option<CameraEvent> {
        let mut event = None;
        let (frame, preview, error) = match self.shared.latest.lock() {
            Ok(mut latest) => (
                latest.frame.clone(),
                latest.preview.take(),
                latest.error.clone(),
            ),
            Err(_) => (None, None, Some(CameraError::Failed(String::new()))),
        };
        if let Some(image) = preview {
            match &mut self.texture {
                Some(texture) => texture.set(image, egui::TextureOptions::LINEAR),
                None => {
                    self.texture = Some(ui.ctx().load_texture(
                        "camera-preview",
                        image,
                        egui::TextureOptions::LINEAR,
                    ));
                }
            }
        }
        let panel = egui::Frame::new()
            .fill(ui.visuals().extreme_bg_color)
            .inner_margin(theme::PANEL_MARGIN)
            .corner_radius(theme::PANEL_CORNER)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(theme::title(tr(lang, "camera-heading")));
                self.picture_ui(ui, lang, look, error.as_ref());
                ui.add_space(theme::GAP);
                ui.horizontal_wrapped(|ui| {
                    if self.buttons_ui(ui, lang, frame.as_ref(), error.is_some()) {
                        event = Some(CameraEvent::Closed);
                    }
                });
            });
        if let Some(at) = self.timer {
            if error.is_some() {
                self.timer = None;
            } else if Instant::now() >= at {
                self.timer = None;
                if let Some(frame) = frame {
                    self.take(ui.ctx(), frame);
                }
            } else {
                ui.ctx().request_repaint_after(Duration::from_millis(100));
            }
        }
        if !self.scrolled && (self.texture.is_some() || error.is_some()) {
            // The panel opens below the fold: bring it into view once,
            // when it has its size.
            ui.scroll_to_rect(panel.response.rect, Some(egui::Align::Max));
            self.scrolled = true;
        }
        if let Some(job) = &mut self.encoding
            && let Some(result) = job.poll()
        {
            self.encoding = None;
            match result {
                Ok(bytes) => event = Some(CameraEvent::Taken(bytes)),
                Err(e) => self.fail(e),
            }
        }
        event
    }

    /// What the camera sees, or why it shows nothing, or that it is starting.
    fn picture_ui(&self, ui: &mut Ui, lang: Lang, look: Look, error: Option<&CameraError>) {
        if let Some(error) = error {
            ui.label(RichText::new(tr(lang, error.message_id())).color(theme::error_color(look)));
            if let Some(detail) = error.detail() {
                ui.label(RichText::new(format!("{}: {detail}", tr(lang, "ui-details"))).small());
            }
        } else if let Some(texture) = &self.texture {
            let size = texture.size_vec2();
            let scale = (ui.available_width().min(PREVIEW_MAX_WIDTH) / size.x.max(1.0))
                .min(PREVIEW_MAX_HEIGHT / size.y.max(1.0));
            ui.add(
                egui::Image::new((texture.id(), size * scale))
                    .alt_text(tr(lang, "camera-preview-alt")),
            );
            ui.label(tr(lang, "camera-hint"));
        } else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr(lang, "camera-starting"));
            });
        }
    }

    /// *Take photo* and the self-timer, *Try again* after a failure, and
    /// *Close the camera*; true when that was pressed.
    fn buttons_ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        frame: Option<&Arc<RgbImage>>,
        failed: bool,
    ) -> bool {
        if self.encoding.is_some() {
            ui.spinner();
            ui.label(tr(lang, "camera-taking"));
        } else if failed {
            if ui.button(tr(lang, "camera-retry")).clicked() {
                self.restart(ui.ctx());
            }
        } else if let Some(at) = self.timer {
            let left = at.saturating_duration_since(Instant::now());
            let seconds = left.as_millis().div_ceil(1000).max(1);
            ui.label(theme::emphasis(tr_args(
                lang,
                "camera-timer-left",
                &[("seconds", &seconds.to_string())],
            )));
            if ui.button(tr(lang, "camera-timer-stop")).clicked() {
                self.timer = None;
            }
        } else {
            let take = egui::Button::new(RichText::new(tr(lang, "camera-take")).strong());
            if ui.add_enabled(frame.is_some(), take).clicked()
                && let Some(frame) = frame
            {
                self.take(ui.ctx(), Arc::clone(frame));
            }
            let timer = egui::Button::new(tr(lang, "camera-take-timer"));
            if ui.add_enabled(frame.is_some(), timer).clicked() {
                self.timer = Some(Instant::now() + SELF_TIMER);
            }
        }
        ui.button(tr(lang, "camera-close")).clicked()
    }

    /// Encodes `frame` off the UI thread.
    fn take(&mut self, ctx: &egui::Context, frame: Arc<RgbImage>) {
        match Job::spawn("photo-encoder", ctx, move |_| camera::encode_photo(&frame)) {
            Ok(job) => self.encoding = Some(job),
            Err(e) => self.fail(CameraError::Failed(e.to_string())),
        }
    }

    fn fail(&self, error: CameraError) {
        log::warn!("camera: {error}");
        if let Ok(mut latest) = self.shared.latest.lock() {
            latest.error = Some(error);
        }
    }

    /// *Try again*: a new thread, a fresh start.
    fn restart(&mut self, ctx: &egui::Context) {
        self.shared.stop.store(true, Ordering::Relaxed);
        self.texture = None;
        self.shared = start(ctx, &self.opener);
    }
}

impl Drop for CameraPanel {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
    }
}

/// Opens the camera on a new `camera` thread, which keeps the newest frame
/// in the shared slot until told to stop.
fn start(ctx: &egui::Context, opener: &Opener) -> Arc<Shared> {
    let shared = Arc::new(Shared {
        stop: AtomicBool::new(false),
        latest: Mutex::new(Latest::default()),
    });
    let thread_shared = Arc::clone(&shared);
    let opener = Arc::clone(opener);
    let repaint = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("camera".to_owned())
        .spawn(move || run(&thread_shared, &opener, &repaint));
    if let Err(e) = spawned
        && let Ok(mut latest) = shared.latest.lock()
    {
        log::warn!("camera: the camera thread could not start: {e}");
        latest.error = Some(CameraError::Failed(e.to_string()));
    }
    shared
}

/// The camera thread: open, then frame after frame until stopped or failed.
fn run(shared: &Shared, opener: &Opener, ctx: &egui::Context) {
    let report = |error: CameraError| {
        log::warn!("camera: {error}");
        if let Ok(mut latest) = shared.latest.lock() {
            latest.error = Some(error);
        }
        ctx.request_repaint();
    };
    let mut source = match opener() {
        Ok(source) => source,
        Err(e) => return report(e),
    };
    while !shared.stop.load(Ordering::Relaxed) {
        match source.next_frame() {
            Ok(frame) => {
                let small = crate::picture::shrunk_copy(&frame, PREVIEW_MAX_SIDE_PX);
                let size = [small.width() as usize, small.height() as usize];
                let preview = ColorImage::from_rgb(size, small.as_raw());
                if let Ok(mut latest) = shared.latest.lock() {
                    latest.frame = Some(Arc::new(frame));
                    latest.preview = Some(preview);
                }
                ctx.request_repaint();
            }
            Err(e) => return report(e),
        }
    }
}
