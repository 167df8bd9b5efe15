//! Reading label photos on a worker thread for the identify step, and
//! drawing them with the text found outlined.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use egui::{ColorImage, TextureHandle, Ui};

use crate::fsutil::FsError;
use crate::i18n::{Lang, tr};
use crate::notice::PhotoFile;
use crate::ocr::{self, OcrError, PhotoText, Reader};
use crate::photos;
use crate::picture::{self, PictureError};
use crate::ui::jobs::{Job, Reporter};

/// Longest side of the preview drawn on screen, in pixels.
const PREVIEW_MAX_SIDE_PX: u32 = 900;

/// What went wrong with one photo.
#[derive(Debug)]
pub enum PhotoProblem {
    /// The file could not be read.
    File(FsError),
    /// The picture could not be read.
    Ocr(OcrError),
    /// The text reader could not start.
    Reader(String),
}

impl PhotoProblem {
    /// A plain sentence for the user.
    pub fn message(&self, lang: Lang) -> String {
        tr(lang, self.message_id())
    }

    /// The id of [`Self::message`]'s sentence: also what the log says,
    /// since the detail may name the file.
    fn message_id(&self) -> &'static str {
        match self {
            PhotoProblem::File(FsError::TooLarge { .. }) => "photo-error-too-big",
            PhotoProblem::File(_) => "photo-error-io",
            PhotoProblem::Ocr(OcrError::Picture(e)) => picture_message_id(e),
            PhotoProblem::Ocr(OcrError::Cancelled) => "photo-error-cancelled",
            PhotoProblem::Ocr(OcrError::Model { .. }) | PhotoProblem::Reader(_) => {
                "photo-error-reader"
            }
        }
    }

    /// The technical detail, in English, for "Details".
    pub fn detail(&self) -> String {
        match self {
            PhotoProblem::File(e) => e.to_string(),
            PhotoProblem::Ocr(e) => e.to_string(),
            PhotoProblem::Reader(e) => e.clone(),
        }
    }
}

/// The message for a photo the decoder refused.
fn picture_message_id(err: &PictureError) -> &'static str {
    match err {
        PictureError::Empty => "photo-error-empty",
        PictureError::NotAnImage | PictureError::UnsupportedFormat { .. } => {
            "photo-error-not-image"
        }
        PictureError::Truncated | PictureError::Corrupt { .. } => "photo-error-damaged",
        PictureError::TooLarge { .. } => "photo-error-too-large",
        PictureError::HeicUnsupported { .. } => "photo-error-heic",
    }
}

/// A photo to read: a file the user chose, or one taken with the
/// computer's camera and held in memory.
#[derive(Debug, Clone)]
pub enum PhotoInput {
    /// A photo file.
    File(PathBuf),
    /// A photo taken with the camera (JPEG bytes, never written alone).
    Taken(Arc<PhotoFile>),
}

impl PhotoInput {
    /// The name shown for it.
    pub fn name(&self) -> String {
        match self {
            PhotoInput::File(path) => photos::display_name(path),
            PhotoInput::Taken(photo) => photo.name.clone(),
        }
    }
}

/// One photo after reading.
pub struct PhotoResult {
    /// File name shown.
    pub name: String,
    /// What was read, or why not.
    pub outcome: Result<PhotoText, PhotoProblem>,
    preview: Option<ColorImage>,
    texture: Option<TextureHandle>,
}

/// What a batch of photos gave.
pub struct Batch {
    /// One result per photo, in the order given.
    pub results: Vec<PhotoResult>,
    /// The user pressed Cancel.
    pub cancelled: bool,
}

/// A running read of photos, with the progress of the photo being read.
pub struct Running {
    /// The job.
    pub job: Job<Batch>,
    current: Arc<Mutex<Option<Arc<ocr::Progress>>>>,
    /// Number of photos.
    pub count: usize,
}

impl Running {
    /// Fraction of the whole batch done.
    pub fn fraction(&self) -> f32 {
        let done = self.job.fraction;
        let within = self
            .current
            .lock()
            .ok()
            .and_then(|c| c.as_ref().map(|p| p.fraction()))
            .unwrap_or(0.0);
        #[expect(clippy::cast_precision_loss, reason = "a handful of photos")]
        let count = self.count.max(1) as f32;
        (done + within / count).min(1.0)
    }

    /// Stops after the current stage of the current photo.
    pub fn cancel(&self) {
        self.job.cancel();
        if let Ok(c) = self.current.lock()
            && let Some(p) = c.as_ref()
        {
            p.cancel();
        }
    }
}

fn reader() -> &'static Result<Reader, String> {
    static READER: OnceLock<Result<Reader, String>> = OnceLock::new();
    READER.get_or_init(|| Reader::new().map_err(|e| e.to_string()))
}

/// Starts reading photo files on a worker thread.
pub fn start(ctx: &egui::Context, paths: Vec<PathBuf>) -> std::io::Result<Running> {
    start_inputs(ctx, paths.into_iter().map(PhotoInput::File).collect())
}

/// Starts reading `photos` (files or taken) on a worker thread.
pub fn start_inputs(ctx: &egui::Context, photos: Vec<PhotoInput>) -> std::io::Result<Running> {
    let current: Arc<Mutex<Option<Arc<ocr::Progress>>>> = Arc::default();
    let count = photos.len();
    let shared = Arc::clone(&current);
    let repaint = ctx.clone();
    let job = Job::spawn("photo-reader", ctx, move |r| {
        read_all(r, &photos, &shared, &repaint)
    })?;
    Ok(Running {
        job,
        current,
        count,
    })
}

fn read_all(
    r: &Reporter<Batch>,
    inputs: &[PhotoInput],
    current: &Mutex<Option<Arc<ocr::Progress>>>,
    ctx: &egui::Context,
) -> Batch {
    let mut results = Vec::with_capacity(inputs.len());
    #[expect(clippy::cast_precision_loss, reason = "a handful of photos")]
    let count = inputs.len().max(1) as f32;
    for (i, input) in inputs.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "a handful of photos")]
        r.progress(i as f32 / count, "");
        if r.cancelled() {
            return Batch {
                results,
                cancelled: true,
            };
        }
        let name = input.name();
        let repaint = ctx.clone();
        let progress = Arc::new(ocr::Progress::with_callback(move |_| {
            repaint.request_repaint();
        }));
        if let Ok(mut c) = current.lock() {
            *c = Some(Arc::clone(&progress));
        }
        let (outcome, preview) = read_one(input, &name, &progress);
        let cancelled = matches!(outcome, Err(PhotoProblem::Ocr(OcrError::Cancelled)));
        if let Err(problem) = &outcome {
            log::warn!("a photo could not be read: {}", problem.message_id());
        }
        results.push(PhotoResult {
            name,
            outcome,
            preview,
            texture: None,
        });
        if cancelled || r.cancelled() {
            return Batch {
                results,
                cancelled: true,
            };
        }
    }
    Batch {
        results,
        cancelled: false,
    }
}

/// Reads one photo once: its text, and (when that worked) the preview
/// from the same bytes. A taken photo goes the same way as a file.
fn read_one(
    input: &PhotoInput,
    name: &str,
    progress: &ocr::Progress,
) -> (Result<PhotoText, PhotoProblem>, Option<ColorImage>) {
    let bytes: std::borrow::Cow<'_, [u8]> = match input {
        PhotoInput::File(path) => match photos::read_file(path) {
            Ok(bytes) => bytes.into(),
            Err(e) => return (Err(PhotoProblem::File(e)), None),
        },
        PhotoInput::Taken(photo) => photo.bytes.as_slice().into(),
    };
    let outcome = reader()
        .as_ref()
        .map_err(|e| PhotoProblem::Reader(e.clone()))
        .and_then(|reader| {
            reader
                .read(&bytes, name, progress)
                .map_err(PhotoProblem::Ocr)
        });
    let preview = outcome.as_ref().ok().and_then(|_| preview(&bytes));
    (outcome, preview)
}

/// The files dropped on the window this frame.
pub fn dropped_paths(ui: &Ui) -> Vec<PathBuf> {
    ui.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .collect()
    })
}

/// "Reading 2 photos…" with *Cancel* and the progress bar.
pub fn progress_ui(ui: &mut Ui, running: &Running, lang: Lang) {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(crate::i18n::tr_args(
            lang,
            "photo-reading",
            &[("count", &running.count.to_string())],
        ));
        if ui.button(crate::i18n::tr(lang, "ui-cancel")).clicked() {
            running.cancel();
        }
    });
    ui.add(egui::ProgressBar::new(running.fraction()).show_percentage());
}

/// Uploads the photo's preview to the GPU once; `None` if it has none.
fn texture<'a>(ui: &Ui, result: &'a mut PhotoResult) -> Option<&'a TextureHandle> {
    if result.texture.is_none()
        && let Some(img) = result.preview.take()
    {
        result.texture = Some(ui.ctx().load_texture(
            format!("photo-{}", result.name),
            img,
            egui::TextureOptions::LINEAR,
        ));
    }
    result.texture.as_ref()
}

/// A small upright copy for the screen, from the same guarded decoder as
/// the text reader (so HEIC shows too, and size limits hold).
pub fn preview(bytes: &[u8]) -> Option<ColorImage> {
    let rgb = picture::decode_rgb(bytes, PREVIEW_MAX_SIDE_PX).ok()?.pixels;
    let size = [rgb.width() as usize, rgb.height() as usize];
    Some(ColorImage::from_rgb(size, rgb.as_raw()))
}

/// Draws a photo with every line found outlined, and the lines whose text
/// is in `decisive` outlined heavily.
pub fn photo_ui(
    ui: &mut Ui,
    result: &mut PhotoResult,
    decisive: &[String],
    lang: Lang,
    look: crate::ui::theme::Look,
) {
    let Some(texture) = texture(ui, result).cloned() else {
        return;
    };
    let Ok(text) = &result.outcome else {
        return;
    };
    let size = texture.size_vec2();
    let width = ui.available_width().min(size.x).min(640.0);
    let scale = width / size.x;
    let shown = size * scale;
    let response = ui.add(
        egui::Image::new((texture.id(), shown)).alt_text(crate::i18n::tr_args(
            lang,
            "photo-alt",
            &[("name", &result.name)],
        )),
    );
    #[expect(clippy::cast_precision_loss, reason = "pixel sizes")]
    let to_screen = shown.x / text.width.max(1) as f32;
    let origin = response.rect.min;
    let painter = ui.painter_at(response.rect);
    for line in &text.lines {
        let points: Vec<egui::Pos2> = line
            .quad
            .iter()
            .map(|(x, y)| origin + egui::vec2(x * to_screen, y * to_screen))
            .collect();
        let decisive = decisive.iter().any(|d| d == &line.text);
        let stroke = crate::ui::theme::photo_line_stroke(decisive, look);
        painter.add(egui::Shape::closed_line(points, stroke));
    }
}

/// Why this photo may have read badly and what to do, measured from the
/// photo itself, with the part of it where the model should be; nothing
/// when the photo looks fine. Returns whether anything was shown.
pub fn coaching_ui(ui: &mut Ui, result: &mut PhotoResult, lang: Lang) -> bool {
    let Ok(text) = &result.outcome else {
        return false;
    };
    let advice = text.advice();
    if advice.is_empty() {
        return false;
    }
    ui.label(
        egui::RichText::new(format!(
            "{} — {}",
            result.name,
            crate::i18n::tr(lang, "coach-intro")
        ))
        .strong(),
    );
    for a in &advice {
        crate::ui::widgets::bullet(ui, "•", crate::i18n::tr(lang, a.message_id()));
    }
    let crop = text.model_field();
    let (width, height) = (text.width.max(1), text.height.max(1));
    let name = result.name.clone();
    if let (Some(crop), Some(texture)) = (crop, texture(ui, result)) {
        #[expect(clippy::cast_precision_loss, reason = "pixel sizes")]
        let uv = egui::Rect::from_min_max(
            egui::pos2(crop.x as f32 / width as f32, crop.y as f32 / height as f32),
            egui::pos2(
                (crop.x + crop.width) as f32 / width as f32,
                (crop.y + crop.height) as f32 / height as f32,
            ),
        );
        let shown = texture.size_vec2() * uv.size();
        if shown.x >= 1.0 && shown.y >= 1.0 {
            let scale = (ui.available_width().min(480.0) / shown.x).min(3.0);
            ui.add(
                egui::Image::new((texture.id(), shown * scale))
                    .uv(uv)
                    .alt_text(crate::i18n::tr_args(
                        lang,
                        "coach-crop-alt",
                        &[("name", &name)],
                    )),
            );
        }
        ui.label(crate::i18n::tr(lang, "coach-close-up"));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name),
        )
        .unwrap()
    }

    #[test]
    fn heic_and_jpeg_both_have_a_preview() {
        for name in ["label_gps_iphone.heic", "ocr_label.heic", "ocr_label.jpg"] {
            let img = preview(&fixture(name)).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(img.size, [640, 420], "{name}");
        }
        // Stored on its side with EXIF orientation 6: shown upright.
        assert_eq!(preview(&fixture("label_gps.jpg")).unwrap().size, [640, 420]);
        assert!(preview(b"not a photo").is_none());
    }

    #[test]
    fn every_decoder_error_has_a_message() {
        for lang in Lang::ALL {
            for e in [
                PictureError::Empty,
                PictureError::NotAnImage,
                PictureError::Truncated,
                PictureError::HeicUnsupported {
                    detail: String::new(),
                },
            ] {
                let text = PhotoProblem::Ocr(OcrError::Picture(e)).message(lang);
                assert!(!text.starts_with("photo-error"), "{text}");
            }
        }
    }
}
