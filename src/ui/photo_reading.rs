//! Reading label photos on a worker thread for the identify step, and
//! drawing them with the text found outlined.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use egui::{ColorImage, TextureHandle, Ui};

use crate::i18n::{Lang, tr};
use crate::ocr::{self, OcrError, PhotoText, Reader};
use crate::photos::{self, PhotoFileError};
use crate::ui::jobs::{Job, Reporter};

/// Longest side of the preview drawn on screen, in pixels.
const PREVIEW_MAX_SIDE_PX: u32 = 900;

/// What went wrong with one photo.
#[derive(Debug)]
pub enum PhotoProblem {
    /// The file could not be read.
    File(PhotoFileError),
    /// The picture could not be read.
    Ocr(OcrError),
    /// The text reader could not start.
    Reader(String),
}

impl PhotoProblem {
    /// A plain sentence for the user.
    pub fn message(&self, lang: Lang) -> String {
        let id = match self {
            PhotoProblem::File(PhotoFileError::TooBig) => "photo-error-too-big",
            PhotoProblem::File(PhotoFileError::Io(_)) => "photo-error-io",
            PhotoProblem::Ocr(OcrError::Empty) => "photo-error-empty",
            PhotoProblem::Ocr(OcrError::NotAnImage | OcrError::UnsupportedFormat { .. }) => {
                "photo-error-not-image"
            }
            PhotoProblem::Ocr(OcrError::Truncated | OcrError::Corrupt { .. }) => {
                "photo-error-damaged"
            }
            PhotoProblem::Ocr(OcrError::TooLarge { .. }) => "photo-error-too-large",
            PhotoProblem::Ocr(OcrError::HeicUnsupported { .. }) => "photo-error-heic",
            PhotoProblem::Ocr(OcrError::Cancelled) => "photo-error-cancelled",
            PhotoProblem::Ocr(OcrError::Model { .. }) | PhotoProblem::Reader(_) => {
                "photo-error-reader"
            }
        };
        tr(lang, id)
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

/// One photo after reading.
pub struct PhotoResult {
    /// Where it is.
    pub path: PathBuf,
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

/// Starts reading `paths` on a worker thread.
pub fn start(ctx: &egui::Context, paths: Vec<PathBuf>) -> std::io::Result<Running> {
    let current: Arc<Mutex<Option<Arc<ocr::Progress>>>> = Arc::default();
    let count = paths.len();
    let shared = Arc::clone(&current);
    let repaint = ctx.clone();
    let job = Job::spawn("photo-reader", ctx, move |r| {
        read_all(r, &paths, &shared, &repaint)
    })?;
    Ok(Running {
        job,
        current,
        count,
    })
}

fn read_all(
    r: &Reporter<Batch>,
    paths: &[PathBuf],
    current: &Mutex<Option<Arc<ocr::Progress>>>,
    ctx: &egui::Context,
) -> Batch {
    let mut results = Vec::with_capacity(paths.len());
    #[expect(clippy::cast_precision_loss, reason = "a handful of photos")]
    let count = paths.len().max(1) as f32;
    for (i, path) in paths.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "a handful of photos")]
        r.progress(i as f32 / count, "");
        if r.cancelled() {
            return Batch {
                results,
                cancelled: true,
            };
        }
        let name = photos::display_name(path);
        let repaint = ctx.clone();
        let progress = Arc::new(ocr::Progress::with_callback(move |_| {
            repaint.request_repaint();
        }));
        if let Ok(mut c) = current.lock() {
            *c = Some(Arc::clone(&progress));
        }
        let outcome = read_one(path, &name, &progress);
        let cancelled = matches!(outcome, Err(PhotoProblem::Ocr(OcrError::Cancelled)));
        let preview = match &outcome {
            Ok(_) => preview(path),
            Err(_) => None,
        };
        results.push(PhotoResult {
            path: path.clone(),
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

fn read_one(
    path: &std::path::Path,
    name: &str,
    progress: &ocr::Progress,
) -> Result<PhotoText, PhotoProblem> {
    let bytes = photos::read_file(path).map_err(PhotoProblem::File)?;
    let reader = reader()
        .as_ref()
        .map_err(|e| PhotoProblem::Reader(e.clone()))?;
    reader
        .read(&bytes, name, progress)
        .map_err(PhotoProblem::Ocr)
}

/// A small upright copy for the screen. The photo already decoded once
/// for OCR, so it is known to be within the pixel limits.
fn preview(path: &std::path::Path) -> Option<ColorImage> {
    use image::ImageDecoder as _;
    let reader = image::ImageReader::open(path)
        .ok()?
        .with_guessed_format()
        .ok()?;
    let mut decoder = reader.into_decoder().ok()?;
    let orientation = decoder.orientation().ok()?;
    let mut img = image::DynamicImage::from_decoder(decoder).ok()?;
    img.apply_orientation(orientation);
    let small = img
        .thumbnail(PREVIEW_MAX_SIDE_PX, PREVIEW_MAX_SIDE_PX)
        .to_rgba8();
    let size = [small.width() as usize, small.height() as usize];
    Some(ColorImage::from_rgba_unmultiplied(size, small.as_raw()))
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
    let Ok(text) = &result.outcome else {
        return;
    };
    if result.texture.is_none()
        && let Some(img) = result.preview.take()
    {
        result.texture = Some(ui.ctx().load_texture(
            format!("photo-{}", result.path.display()),
            img,
            egui::TextureOptions::LINEAR,
        ));
    }
    let Some(texture) = &result.texture else {
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
