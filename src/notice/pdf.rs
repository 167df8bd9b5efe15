//! The notice as an A4 PDF/A-3b with krilla: the bundled DejaVu fonts
//! embedded, headings, wrapped paragraphs, the label photos as thumbnails,
//! bookmarks per section, a footer with the list version and page
//! numbers, and the notice's data ([`super::data`]) as an embedded file.
//!
//! krilla draws glyphs where it is told and does no layout, so this module
//! lays the document out itself in two passes: first into pages of drawing
//! operations (so the page count is known), then onto krilla pages.

use krilla::Document;
use krilla::color::rgb;
use krilla::configure::{Configuration, ConfigurationBuilder, Validator};
use krilla::destination::XyzDestination;
use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Data, SerializeSettings};

use super::content::Notice;
use super::data::{self, NoticeData};
use super::doc::{self, Block, Doc};
use super::font::{self, Metrics};
use super::photo::{self, PDF_MAX_PX, PhotoFile, PhotoOutcome};
use crate::i18n::{Lang, tr, tr_args};
use crate::identify::VerdictKind;

/// Why the PDF could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A bundled font could not be read (a broken build).
    #[error("the bundled font could not be read")]
    Font,
    /// krilla refused the document.
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

// A4 in points, and the frame the content flows in.
const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN_X: f32 = 56.0;
const TOP: f32 = 54.0;
const BOTTOM: f32 = PAGE_H - 58.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
const FOOTER_BASELINE: f32 = PAGE_H - 34.0;

// Type sizes in points.
const TITLE_SIZE: f32 = 17.0;
const SUBTITLE_SIZE: f32 = 11.5;
const HEADING_SIZE: f32 = 12.5;
const BODY_SIZE: f32 = 10.0;

/// The type sizes of a document, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Style {
    /// The title.
    pub title: f32,
    /// The line under the title.
    pub subtitle: f32,
    /// Section headings.
    pub heading: f32,
    /// Paragraphs, bullets and fields.
    pub body: f32,
}

impl Style {
    /// The notice's sizes: a doctor's document, dense but clear.
    pub(crate) const STANDARD: Style = Style {
        title: TITLE_SIZE,
        subtitle: SUBTITLE_SIZE,
        heading: HEADING_SIZE,
        body: BODY_SIZE,
    };
}
const SMALL_SIZE: f32 = 8.0;
const LEADING: f32 = 1.36;

/// Width of the label column of fields.
const LABEL_W: f32 = 160.0;
const LABEL_GAP: f32 = 10.0;
const BULLET_INDENT: f32 = 14.0;
const SUB_INDENT: f32 = 30.0;
const PHOTO_MAX_H: f32 = 210.0;
const PHOTO_GAP: f32 = 14.0;
/// Side of a QR code without its quiet zone: 38 mm, which a phone camera
/// reads from a leaflet held at arm's length.
const QR_SIDE: f32 = 38.0 * 72.0 / 25.4;
/// The light margin kept around a QR code, in modules (the standard's 4).
const QR_QUIET_MODULES: f32 = 4.0;
/// Space between a QR code's quiet zone and the text beside it.
const QR_TEXT_GAP: f32 = 8.0;

/// Colours (sRGB).
const INK: (u8, u8, u8) = (0x1a, 0x1a, 0x1a);
const ACCENT: (u8, u8, u8) = (0x1f, 0x3a, 0x5f);
const MUTED: (u8, u8, u8) = (0x5a, 0x5a, 0x5a);
const RULE: (u8, u8, u8) = (0xb8, 0xc2, 0xcc);
const ALERT_INK: (u8, u8, u8) = (0x9b, 0x1c, 0x1c);
const ALERT_BG: (u8, u8, u8) = (0xfd, 0xee, 0xee);
const WHITE: (u8, u8, u8) = (0xff, 0xff, 0xff);
/// Amber for a verdict that is not known yet (dark ink on it).
const AMBER: (u8, u8, u8) = (0xf5, 0xb7, 0x2e);
/// Pure black for QR modules: the most contrast for a camera.
const QR_INK: (u8, u8, u8) = (0, 0, 0);

/// Letterhead, kicker and verdict banner sizes in points.
const LETTERHEAD_SIZE: f32 = 13.0;
const KICKER_SIZE: f32 = 10.5;
const VERDICT_SIZE: f32 = 21.0;
const VERDICT_PAD: f32 = 12.0;

/// Fill and ink of the verdict banner: the alert's red when affected, amber
/// when unknown, the notice's own navy when not listed — a neutral colour,
/// never a green that would read as "all clear".
fn verdict_colors(kind: VerdictKind) -> ((u8, u8, u8), (u8, u8, u8)) {
    match kind {
        VerdictKind::Affected => (ALERT_INK, WHITE),
        VerdictKind::Unknown => (AMBER, INK),
        VerdictKind::NotAffected => (ACCENT, WHITE),
    }
}

/// The notice as PDF bytes in `lang`, with `photos` as thumbnails: each
/// re-encoded upright with no metadata. A photo that cannot be decoded is
/// left out and the notice names it.
pub fn render_pdf(notice: &Notice, lang: Lang, photos: &[PhotoFile]) -> Result<Vec<u8>, PdfError> {
    let prepared = photo::prepare_all(photos, PDF_MAX_PX);
    render_pdf_prepared(notice, lang, &prepared)
}

/// As [`render_pdf`], with photos already prepared by
/// [`photo::prepare_all`] (a photo that failed is named in the notice).
pub fn render_pdf_prepared(
    notice: &Notice,
    lang: Lang,
    photos: &[PhotoOutcome],
) -> Result<Vec<u8>, PdfError> {
    let notice = photo::noting_unreadable(notice, photos);
    let notice = notice.as_ref();
    let d = doc::build(notice, lang);
    let info = PdfInfo::for_notice(notice, lang, &doc::subject(notice, lang));
    render_docs(&[&d], &info, photos)
}

/// What goes around the pages of a PDF: its metadata and the file
/// embedded with it.
pub(crate) struct PdfInfo {
    /// Document title.
    pub title: String,
    /// One line on what the document is (the metadata's description).
    pub description: String,
    /// Its language.
    pub lang: Lang,
    /// The app version that made it.
    pub app_version: String,
    /// When it was made (passed in: core does not read the clock).
    pub date: jiff::Zoned,
    /// A file embedded in the PDF: name, media type, description, bytes.
    pub embedded: Option<(String, String, String, Vec<u8>)>,
}

impl PdfInfo {
    /// For a document that carries `notice`: its data embedded.
    pub(crate) fn for_notice(notice: &Notice, lang: Lang, title: &str) -> PdfInfo {
        PdfInfo {
            title: title.to_owned(),
            description: tr(lang, "notice-title"),
            lang,
            app_version: notice.app_version.clone(),
            date: notice.checked_at.clone(),
            embedded: Some((
                data::FILE_NAME.to_owned(),
                data::MEDIA_TYPE.to_owned(),
                tr(lang, "notice-data-description"),
                NoticeData::from_notice(notice, lang).to_json(),
            )),
        }
    }
}

/// Lays out `docs` one after the other, each from a new page, into one PDF
/// described by `info`, with the footer of the first and pages numbered
/// across all of them. The notice is one document; the patient's sheet is
/// two (the patient's page, then the notice).
pub(crate) fn render_docs(
    docs: &[&Doc],
    info: &PdfInfo,
    photos: &[PhotoOutcome],
) -> Result<Vec<u8>, PdfError> {
    render_docs_styled(docs, info, photos, Style::STANDARD)
}

/// As [`render_docs`], with the type sizes of `style` (the patients'
/// leaflet is set larger, for older eyes).
pub(crate) fn render_docs_styled(
    docs: &[&Doc],
    info: &PdfInfo,
    photos: &[PhotoOutcome],
    style: Style,
) -> Result<Vec<u8>, PdfError> {
    let fonts = font::metrics().ok_or(PdfError::Font)?;
    let pages = layout(docs, fonts, photos, style);
    let footer = docs.first().map(|d| d.footer.as_str()).unwrap_or_default();
    write(&pages, footer, info, fonts, photos)
}

/// One drawing operation, in points from the page's top-left corner.
#[derive(Debug, Clone)]
enum Op {
    /// One line of text; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: (u8, u8, u8),
        text: String,
    },
    /// A rectangle, filled and/or outlined.
    Rect {
        rect: (f32, f32, f32, f32),
        fill: Option<(u8, u8, u8)>,
        stroke: Option<(u8, u8, u8)>,
    },
    /// A horizontal rule.
    Rule { x: f32, y: f32, w: f32 },
    /// Photo number `index` scaled into the box.
    Image {
        index: usize,
        rect: (f32, f32, f32, f32),
    },
    /// A drawing, its design units in points from `origin`, scaled.
    Picture {
        origin: (f32, f32),
        scale: f32,
        picture: crate::drawing::Picture,
    },
    /// Rectangles filled as one shape (the dark modules of a QR code), so
    /// no hairline shows where two of them touch.
    Squares {
        rects: Vec<(f32, f32, f32, f32)>,
        color: (u8, u8, u8),
    },
}

/// Widest a drawing is set on the page, in points (about 34 mm): beside
/// the steps of the patient's one-page sheet.
const PICTURE_MAX_W: f32 = 96.0;

/// Smallest type a drawing's words are printed at, in points.
const MIN_PICTURE_TEXT: f32 = 5.0;

/// Width of an icon hung in the margin ([`Block::Icon`]), about 10 mm.
const ICON_W: f32 = 28.0;

/// Space between an icon and the text beside it.
const ICON_TEXT_GAP: f32 = 6.0;

/// Width of a drawing set beside text (about 25 mm).
const PICTURE_BESIDE_W: f32 = 72.0;

/// The drawings' colours on paper: the screen's, as printed ink.
fn paint_color(paint: crate::drawing::Paint) -> (u8, u8, u8) {
    use crate::drawing::Paint;
    match paint {
        Paint::Background => (255, 255, 255),
        Paint::Body => (222, 224, 228),
        Paint::Outline => (40, 44, 52),
        Paint::Detail => (110, 116, 128),
        Paint::Highlight => (255, 200, 60),
        Paint::HighlightText => (30, 30, 30),
        Paint::Stop => (178, 34, 34),
    }
}

/// A path through `points` (on the page), closed or not, filled and/or
/// outlined (colour and width).
fn draw_points(
    surface: &mut Surface,
    points: &[(f32, f32)],
    closed: bool,
    fill_color: Option<(u8, u8, u8)>,
    line: Option<((u8, u8, u8), f32)>,
) {
    let mut pb = PathBuilder::new();
    for (i, (x, y)) in points.iter().enumerate() {
        if i == 0 {
            pb.move_to(*x, *y);
        } else {
            pb.line_to(*x, *y);
        }
    }
    if closed {
        pb.close();
    }
    let Some(path) = pb.finish() else {
        return;
    };
    surface.set_fill(fill_color.map(fill));
    surface.set_stroke(line.map(|(c, w)| stroke(c, w)));
    surface.draw_path(&path);
    surface.set_stroke(None);
}

/// A circle as a 32-sided polygon.
fn circle_points(center: (f32, f32), radius: f32) -> Vec<(f32, f32)> {
    (0u8..32)
        .map(|i| {
            let a = std::f32::consts::TAU * f32::from(i) / 32.0;
            (center.0 + radius * a.cos(), center.1 + radius * a.sin())
        })
        .collect()
}

/// Laid-out pages, plus the bookmark of each section.
struct Pages {
    pages: Vec<Vec<Op>>,
    bookmarks: Vec<(String, usize, f32)>,
}

struct Layout<'a> {
    fonts: &'a (Metrics, Metrics),
    /// Finished pages.
    done: Vec<Vec<Op>>,
    /// The page being filled.
    current: Vec<Op>,
    bookmarks: Vec<(String, usize, f32)>,
    y: f32,
    /// The type sizes.
    style: Style,
    /// Left edge and width of the column that paragraphs, bullets and
    /// fields flow in: the full content width, or the column beside a QR
    /// code.
    column: (f32, f32),
    /// The bottom of the QR code the column runs beside, while it does.
    float_bottom: Option<f32>,
}

impl Layout<'_> {
    fn page(&mut self) -> &mut Vec<Op> {
        &mut self.current
    }

    fn new_page(&mut self) {
        self.done.push(std::mem::take(&mut self.current));
        self.y = TOP;
        // A QR code stays on its page; the text after it takes the width.
        self.column = (MARGIN_X, CONTENT_W);
        self.float_bottom = None;
    }

    /// Starts a new page unless `height` more points fit on this one.
    /// A drawing at the column's left edge, at most [`PICTURE_MAX_W`]
    /// wide, kept whole on one page.
    fn picture(&mut self, picture: crate::drawing::Picture) {
        let (left, width) = self.column;
        let scale = (width.min(PICTURE_MAX_W) / picture.size.0).min(1.0);
        let height = picture.size.1 * scale;
        self.ensure(height + 8.0);
        self.y += 4.0;
        let origin = (left + BULLET_INDENT, self.y);
        self.page().push(Op::Picture {
            origin,
            scale,
            picture,
        });
        self.y += height + 4.0;
    }

    /// A drawing at the left margin, [`PICTURE_BESIDE_W`] wide, with what
    /// follows in its section set in the column beside it (as beside a QR
    /// code).
    fn picture_beside(&mut self, picture: crate::drawing::Picture) {
        self.end_float();
        let scale = PICTURE_BESIDE_W / picture.size.0;
        let height = picture.size.1 * scale;
        self.ensure(height + 6.0);
        let top = self.y + 2.0;
        self.page().push(Op::Picture {
            origin: (MARGIN_X, top),
            scale,
            picture,
        });
        let indent = PICTURE_BESIDE_W + QR_TEXT_GAP;
        self.column = (MARGIN_X + indent, CONTENT_W - indent);
        self.float_bottom = Some(top + height + 2.0);
        self.y = top;
    }

    /// A small drawing hung in the left margin beside the block that
    /// follows, as wide as what it draws: it takes no room from the text.
    fn icon(&mut self, picture: crate::drawing::Picture) {
        let (right, bottom) = picture.extent();
        let scale = ICON_W / right.max(1.0);
        let height = bottom * scale;
        // On the same page as the line it stands beside, centred on it.
        self.ensure(height);
        let line = self.style.body * LEADING;
        let top = (self.y + (line - height) / 2.0).max(TOP);
        let origin = (MARGIN_X - ICON_W - ICON_TEXT_GAP, top);
        self.page().push(Op::Picture {
            origin,
            scale,
            picture,
        });
    }

    fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP {
            self.new_page();
        }
    }

    fn metrics(&self, bold: bool) -> &Metrics {
        if bold { &self.fonts.1 } else { &self.fonts.0 }
    }

    fn wrap(&self, text: &str, bold: bool, size: f32, width: f32) -> Vec<String> {
        let clean = font::printable(text, self.fonts);
        font::wrap(&clean, self.metrics(bold), size, width)
    }

    fn text(
        &mut self,
        x: f32,
        line_top: f32,
        size: f32,
        bold: bool,
        color: (u8, u8, u8),
        text: String,
    ) {
        // The baseline sits about one em below the top of the line box.
        let y = line_top + size * 1.02;
        self.page().push(Op::Text {
            x,
            y,
            size,
            bold,
            color,
            text,
        });
    }

    /// A wrapped paragraph at `x` with `width`, flowing across pages.
    fn para(&mut self, text: &str, x: f32, width: f32, size: f32, bold: bool, color: (u8, u8, u8)) {
        let line_h = size * LEADING;
        for line in self.wrap(text, bold, size, width) {
            self.ensure(line_h);
            let y = self.y;
            self.text(x, y, size, bold, color, line);
            self.y += line_h;
        }
    }

    fn bullet(&mut self, text: &str, indent: f32, mark: &str, bold: bool) {
        let line_h = self.style.body * LEADING;
        let (left, width) = self.column;
        let x = left + indent;
        let lines = self.wrap(text, bold, self.style.body, width - indent);
        for (i, line) in lines.into_iter().enumerate() {
            self.ensure(line_h);
            let y = self.y;
            if i == 0 {
                self.text(x - 10.0, y, self.style.body, bold, ACCENT, mark.to_owned());
            }
            self.text(x, y, self.style.body, bold, INK, line);
            self.y += line_h;
        }
    }

    /// The verdict in large type on a band of its colour, kept whole.
    fn verdict(&mut self, kind: VerdictKind, text: &str) {
        let (bg, ink) = verdict_colors(kind);
        let line_h = VERDICT_SIZE * 1.2;
        let lines = self.wrap(text, true, VERDICT_SIZE, CONTENT_W - 2.0 * VERDICT_PAD);
        #[expect(clippy::cast_precision_loss, reason = "a handful of lines")]
        let height = 2.0 * VERDICT_PAD + lines.len() as f32 * line_h;
        self.ensure(height + 8.0);
        self.y += 4.0;
        let top = self.y;
        self.page().push(Op::Rect {
            rect: (MARGIN_X, top, CONTENT_W, height),
            fill: Some(bg),
            stroke: None,
        });
        // Optical centring: the cap height sits a little above the line box's middle.
        self.y += VERDICT_PAD - 0.1 * VERDICT_SIZE;
        for line in lines {
            let y = self.y;
            self.text(MARGIN_X + VERDICT_PAD, y, VERDICT_SIZE, true, ink, line);
            self.y += line_h;
        }
        self.y = top + height + 10.0;
    }

    /// The pharmacy's name (larger) and address above everything else,
    /// then a rule.
    fn letterhead(&mut self, lines: &[String]) {
        let mut lines = lines.iter().filter(|l| !l.trim().is_empty());
        let Some(first) = lines.next() else {
            return;
        };
        self.para(first, MARGIN_X, CONTENT_W, LETTERHEAD_SIZE, true, INK);
        for line in lines {
            self.para(line, MARGIN_X, CONTENT_W, self.style.body, false, MUTED);
        }
        self.y += 4.0;
        let y = self.y;
        self.page().push(Op::Rule {
            x: MARGIN_X,
            y,
            w: CONTENT_W,
        });
        self.y += 14.0;
    }

    fn field(&mut self, label: &str, value: &str) {
        let line_h = self.style.body * LEADING;
        let labels = self.wrap(label, true, self.style.body, LABEL_W);
        let (left, width) = self.column;
        let values = self.wrap(value, false, self.style.body, width - LABEL_W - LABEL_GAP);
        let rows = labels.len().max(values.len()).max(1);
        // Keep a field together unless it is longer than a page.
        #[expect(clippy::cast_precision_loss, reason = "a handful of lines")]
        let height = rows as f32 * line_h;
        self.ensure(height.min(BOTTOM - TOP));
        for i in 0..rows {
            self.ensure(line_h);
            let y = self.y;
            if let Some(l) = labels.get(i) {
                self.text(left, y, self.style.body, true, MUTED, l.clone());
            }
            if let Some(v) = values.get(i) {
                self.text(
                    left + LABEL_W + LABEL_GAP,
                    y,
                    self.style.body,
                    false,
                    INK,
                    v.clone(),
                );
            }
            self.y += line_h;
        }
        self.y += 1.5;
    }

    fn heading(&mut self, text: &str) {
        // Keep the heading with at least three lines of what follows.
        self.ensure(self.style.heading * LEADING + 6.0 + 3.0 * self.style.body * LEADING);
        if self.y > TOP {
            self.y += 10.0;
        }
        let page = self.done.len();
        self.bookmarks.push((text.to_owned(), page, self.y));
        self.para(text, MARGIN_X, CONTENT_W, self.style.heading, true, ACCENT);
        let y = self.y + 1.0;
        self.page().push(Op::Rule {
            x: MARGIN_X,
            y,
            w: CONTENT_W,
        });
        self.y += 6.0;
    }

    fn alert(&mut self, heading: &str, paras: &[String]) {
        let pad = 10.0;
        let inner_w = CONTENT_W - 2.0 * pad;
        let head = self.wrap(heading, true, 11.0, inner_w);
        let body: Vec<Vec<String>> = paras
            .iter()
            .map(|p| self.wrap(p, false, self.style.body, inner_w))
            .collect();
        #[expect(clippy::cast_precision_loss, reason = "a handful of lines")]
        let height = 2.0 * pad
            + head.len() as f32 * 11.0 * LEADING
            + body
                .iter()
                .map(|p| p.len() as f32 * self.style.body * LEADING + 4.0)
                .sum::<f32>();
        self.ensure(height);
        let top = self.y;
        self.page().push(Op::Rect {
            rect: (MARGIN_X, top, CONTENT_W, height),
            fill: Some(ALERT_BG),
            stroke: Some(ALERT_INK),
        });
        self.y += pad;
        for line in head {
            let y = self.y;
            self.text(MARGIN_X + pad, y, 11.0, true, ALERT_INK, line);
            self.y += 11.0 * LEADING;
        }
        for p in body {
            self.y += 4.0;
            for line in p {
                let y = self.y;
                self.text(MARGIN_X + pad, y, self.style.body, false, INK, line);
                self.y += self.style.body * LEADING;
            }
        }
        self.y = top + height + 12.0;
    }

    /// The photos that could be prepared, two to a row, each with its name
    /// (the document names those that could not).
    fn photos(&mut self, photos: &[PhotoOutcome]) {
        let cell_w = (CONTENT_W - PHOTO_GAP) / 2.0;
        let caption_h = SMALL_SIZE * LEADING + 2.0;
        let mut row: Vec<(usize, f32, f32, String)> = Vec::new();
        for (index, p) in photos.iter().enumerate() {
            if let Ok(p) = &p.result {
                #[expect(clippy::cast_precision_loss, reason = "pixel sizes fit f32")]
                let (w, h) = (p.width.max(1) as f32, p.height.max(1) as f32);
                let scale = (cell_w / w).min(PHOTO_MAX_H / h);
                row.push((index, w * scale, h * scale, p.name.clone()));
            }
        }
        self.y += 6.0;
        for pair in row.chunks(2) {
            let row_h = pair.iter().map(|c| c.2).fold(0.0, f32::max) + caption_h;
            self.ensure(row_h);
            let top = self.y;
            for (col, (index, w, h, name)) in pair.iter().enumerate() {
                #[expect(clippy::cast_precision_loss, reason = "column 0 or 1")]
                let x = MARGIN_X + col as f32 * (cell_w + PHOTO_GAP);
                self.page().push(Op::Image {
                    index: *index,
                    rect: (x, top, *w, *h),
                });
                self.page().push(Op::Rect {
                    rect: (x, top, *w, *h),
                    fill: None,
                    stroke: Some(RULE),
                });
                let caption = self
                    .wrap(name, false, SMALL_SIZE, cell_w)
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                self.text(x, top + h + 1.0, SMALL_SIZE, false, MUTED, caption);
            }
            self.y = top + row_h + 8.0;
        }
    }

    /// A QR code of `text`, [`QR_SIDE`] wide at the left margin, with its
    /// quiet zone kept clear all round (to the left it lies in the page
    /// margin). The rest of the section flows in a column beside it, from
    /// its top, until [`Layout::end_float`]. Text too long for a QR code
    /// is printed as it is.
    fn qr(&mut self, text: &str) {
        self.end_float();
        let Some((width, dark)) = qr_modules(text) else {
            let (left, width) = self.column;
            self.para(text, left, width, self.style.body, false, INK);
            return;
        };
        #[expect(
            clippy::cast_precision_loss,
            reason = "a QR code is at most 177 modules"
        )]
        let module = QR_SIDE / width as f32;
        let quiet = QR_QUIET_MODULES * module;
        self.ensure(QR_SIDE + 2.0 * quiet);
        let top = self.y + quiet;
        let rects = qr_squares(width, &dark, (MARGIN_X, top), module);
        self.page().push(Op::Squares {
            rects,
            color: QR_INK,
        });
        let indent = QR_SIDE + quiet + QR_TEXT_GAP;
        self.column = (MARGIN_X + indent, CONTENT_W - indent);
        self.float_bottom = Some(top + QR_SIDE + quiet);
        self.y = top;
    }

    /// Back to the full width below the QR code the column ran beside.
    fn end_float(&mut self) {
        if let Some(bottom) = self.float_bottom.take() {
            self.y = self.y.max(bottom);
        }
        self.column = (MARGIN_X, CONTENT_W);
    }

    /// One document from the top of the current page.
    fn doc(&mut self, d: &Doc, photos: &[PhotoOutcome]) {
        self.letterhead(&d.letterhead);
        if let Some(kicker) = &d.kicker {
            // The kicker names the pages: a bookmark reaches them.
            let page = self.done.len();
            self.bookmarks.push((kicker.clone(), page, self.y));
            self.para(kicker, MARGIN_X, CONTENT_W, KICKER_SIZE, true, MUTED);
            self.y += 3.0;
        }
        self.para(
            &d.title,
            MARGIN_X,
            CONTENT_W,
            self.style.title,
            true,
            ACCENT,
        );
        if !d.subtitle.is_empty() {
            self.y += 2.0;
            self.para(
                &d.subtitle,
                MARGIN_X,
                CONTENT_W,
                self.style.subtitle,
                false,
                INK,
            );
        }
        self.y += 6.0;
        let y = self.y;
        self.page().push(Op::Rule {
            x: MARGIN_X,
            y,
            w: CONTENT_W,
        });
        self.y += 12.0;
        if let Some(a) = &d.alert {
            self.alert(&a.heading, &a.paras);
        }
        for (label, value) in &d.header {
            self.field(label, value);
        }
        for s in &d.sections {
            if s.new_page {
                self.new_page();
            }
            if !s.heading.is_empty() {
                self.heading(&s.heading);
            }
            self.blocks(&s.blocks, photos);
            self.end_float();
        }
    }

    fn blocks(&mut self, blocks: &[Block], photos: &[PhotoOutcome]) {
        let mut after_list = false;
        for b in blocks {
            // A field right after a list would read as one more item.
            if after_list && matches!(b, Block::Field(..)) {
                self.y += 5.0;
            }
            after_list = matches!(
                b,
                Block::Bullet(_) | Block::StrongBullet(_) | Block::SubBullet(_)
            );
            match b {
                Block::Para(p) => {
                    let (left, width) = self.column;
                    self.y += 2.0;
                    self.para(p, left, width, self.style.body, false, INK);
                    self.y += 2.0;
                }
                Block::Strong(p) => {
                    // A sub-heading stays with at least two lines of what follows.
                    self.ensure(4.0 * self.style.body * LEADING);
                    let (left, width) = self.column;
                    self.y += 3.0;
                    self.para(p, left, width, self.style.body + 0.5, true, INK);
                    self.y += 3.0;
                }
                Block::Field(label, value) => self.field(label, value),
                Block::Bullet(p) => self.bullet(p, BULLET_INDENT, "•", false),
                Block::StrongBullet(p) => self.bullet(p, BULLET_INDENT, "•", true),
                Block::SubBullet(p) => self.bullet(p, SUB_INDENT, "–", false),
                Block::Verdict(kind, p) => self.verdict(*kind, p),
                Block::Photos => self.photos(photos),
                Block::Qr(text) => self.qr(text),
                Block::Picture(id, lang) => self.picture(id.picture(*lang)),
                Block::PictureBeside(id, lang) => self.picture_beside(id.picture(*lang)),
                Block::Icon(id, lang) => self.icon(id.picture(*lang)),
            }
        }
    }
}

/// The modules of a QR code holding `text` (error correction level M,
/// which survives a crease or a smudge on paper): its width in modules and
/// whether each module is dark, row by row. `None` when the text is too
/// long for any QR code.
pub(crate) fn qr_modules(text: &str) -> Option<(usize, Vec<bool>)> {
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let dark = code
        .into_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Some((width, dark))
}

/// The dark modules of a `width`-module QR code as rectangles, with its
/// top-left corner at `origin` and modules `module` points wide: each run
/// of dark modules in a row is one rectangle.
pub(crate) fn qr_squares(
    width: usize,
    dark: &[bool],
    origin: (f32, f32),
    module: f32,
) -> Vec<(f32, f32, f32, f32)> {
    let mut rects = Vec::new();
    for (row, modules) in dark.chunks(width.max(1)).enumerate() {
        let mut col = 0;
        while col < modules.len() {
            if !modules.get(col).copied().unwrap_or(false) {
                col += 1;
                continue;
            }
            let start = col;
            while modules.get(col).copied().unwrap_or(false) {
                col += 1;
            }
            #[expect(
                clippy::cast_precision_loss,
                reason = "a QR code is at most 177 modules"
            )]
            let rect = (
                origin.0 + start as f32 * module,
                origin.1 + row as f32 * module,
                (col - start) as f32 * module,
                module,
            );
            rects.push(rect);
        }
    }
    rects
}

fn layout(
    docs: &[&Doc],
    fonts: &(Metrics, Metrics),
    photos: &[PhotoOutcome],
    style: Style,
) -> Pages {
    let mut l = Layout {
        fonts,
        done: Vec::new(),
        current: Vec::new(),
        bookmarks: Vec::new(),
        y: TOP,
        style,
        column: (MARGIN_X, CONTENT_W),
        float_bottom: None,
    };
    for (i, d) in docs.iter().enumerate() {
        if i > 0 {
            l.new_page();
        }
        l.doc(d, photos);
    }
    l.done.push(l.current);
    Pages {
        pages: l.done,
        bookmarks: l.bookmarks,
    }
}

/// What the layout put on each page of `docs` set in `style`: the QR squares, and each
/// line of text as its left edge, baseline and words (for tests that read
/// the page back as a camera or a reader would).
#[cfg(test)]
pub(crate) fn laid_out(docs: &[&Doc], style: Style) -> Vec<LaidOutPage> {
    let Some(fonts) = font::metrics() else {
        return Vec::new();
    };
    layout(docs, fonts, &[], style)
        .pages
        .iter()
        .map(|ops| {
            let mut page = LaidOutPage::default();
            for op in ops {
                match op {
                    Op::Squares { rects, .. } => page.squares.extend(rects.iter().copied()),
                    Op::Text {
                        x, y, size, text, ..
                    } => {
                        page.lines.push((*x, *y, *size, text.clone()));
                    }
                    Op::Rect { .. } | Op::Rule { .. } | Op::Image { .. } | Op::Picture { .. } => {}
                }
            }
            page
        })
        .collect()
}

/// One laid-out page, as [`laid_out`] gives it.
#[cfg(test)]
#[derive(Debug, Default)]
pub(crate) struct LaidOutPage {
    /// The QR squares: x, y, width, height in points from the top left.
    pub squares: Vec<(f32, f32, f32, f32)>,
    /// The lines of text: x, baseline, type size and the words.
    pub lines: Vec<(f32, f32, f32, String)>,
}

fn fill(color: (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn stroke(color: (u8, u8, u8), width: f32) -> Stroke {
    Stroke {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        width,
        ..Stroke::default()
    }
}

fn settings() -> SerializeSettings {
    // PDF/A-3b: a notice may end up in a medical record, and A-3 is the
    // archival level that allows the embedded data file. Should krilla ever
    // refuse the combination, a plain PDF is better than none.
    let configuration = ConfigurationBuilder::new()
        .set_validator(Validator::A(krilla::configure::Archival::A3_B))
        .finish()
        .unwrap_or_else(|_| Configuration::default());
    SerializeSettings {
        configuration,
        ..SerializeSettings::default()
    }
}

fn metadata(info: &PdfInfo) -> Metadata {
    Metadata::new()
        .title(info.title.clone())
        .language(info.lang.code().to_owned())
        .creator(format!("Monitor Check {}", info.app_version))
        .description(info.description.clone())
        .creation_date(pdf_date(&info.date))
}

/// `at` as a PDF date, with its UTC offset.
fn pdf_date(at: &jiff::Zoned) -> DateTime {
    let offset_secs = at.offset().seconds();
    let mut date = DateTime::new(u16::try_from(at.year()).unwrap_or(2000))
        .month(u8::try_from(at.month()).unwrap_or(1))
        .day(u8::try_from(at.day()).unwrap_or(1))
        .hour(u8::try_from(at.hour()).unwrap_or(0))
        .minute(u8::try_from(at.minute()).unwrap_or(0))
        .second(u8::try_from(at.second()).unwrap_or(0));
    if let (Ok(h), Ok(m)) = (
        i8::try_from(offset_secs / 3600),
        u8::try_from((offset_secs.abs() % 3600) / 60),
    ) {
        date = date.utc_offset_hour(h).utc_offset_minute(m);
    }
    date
}

/// The fonts and images a page is drawn with.
struct Painter<'a> {
    regular: Font,
    bold: Font,
    /// The two fonts' glyphs and advances.
    metrics: &'a (Metrics, Metrics),
    /// One per photo, `None` for a photo that could not be prepared. Each
    /// is embedded once, however often it is drawn.
    images: Vec<Option<Image>>,
}

impl Painter<'_> {
    fn text(
        &self,
        surface: &mut Surface,
        at: (f32, f32),
        size: f32,
        bold: bool,
        color: (u8, u8, u8),
        text: &str,
    ) {
        surface.set_fill(Some(fill(color)));
        let (font, metrics) = if bold {
            (&self.bold, &self.metrics.1)
        } else {
            (&self.regular, &self.metrics.0)
        };
        // One glyph per character, at its advance: as the text was measured.
        let glyphs: Vec<KrillaGlyph> = text
            .char_indices()
            .map(|(at, c)| {
                let (id, advance) = metrics.glyph(c);
                let id = GlyphId::new(u32::from(id));
                KrillaGlyph::new(id, advance, 0.0, 0.0, 0.0, at..at + c.len_utf8(), None)
            })
            .collect();
        surface.draw_glyphs(
            Point::from_xy(at.0, at.1),
            &glyphs,
            font.clone(),
            text,
            size,
            false,
        );
    }

    fn line(surface: &mut Surface, x: f32, y: f32, w: f32, width: f32) {
        let mut pb = PathBuilder::new();
        pb.move_to(x, y);
        pb.line_to(x + w, y);
        if let Some(path) = pb.finish() {
            surface.set_fill(None);
            surface.set_stroke(Some(stroke(RULE, width)));
            surface.draw_path(&path);
            surface.set_stroke(None);
        }
    }

    fn op(&self, surface: &mut Surface, op: &Op) {
        match op {
            Op::Text {
                x,
                y,
                size,
                bold,
                color,
                text,
            } => self.text(surface, (*x, *y), *size, *bold, *color, text),
            Op::Rect {
                rect,
                fill: f,
                stroke: s,
            } => {
                let Some(r) = Rect::from_xywh(rect.0, rect.1, rect.2, rect.3) else {
                    return;
                };
                let mut pb = PathBuilder::new();
                pb.push_rect(r);
                let Some(path) = pb.finish() else {
                    return;
                };
                surface.set_fill(f.map(fill));
                surface.set_stroke(s.map(|c| stroke(c, 0.8)));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
            Op::Rule { x, y, w } => Self::line(surface, *x, *y, *w, 0.7),
            Op::Squares { rects, color } => {
                let mut pb = PathBuilder::new();
                for r in rects {
                    if let Some(r) = Rect::from_xywh(r.0, r.1, r.2, r.3) {
                        pb.push_rect(r);
                    }
                }
                let Some(path) = pb.finish() else {
                    return;
                };
                surface.set_fill(Some(fill(*color)));
                surface.set_stroke(None);
                surface.draw_path(&path);
            }
            Op::Picture {
                origin,
                scale,
                picture,
            } => self.picture(surface, *origin, *scale, picture),
            Op::Image { index, rect } => {
                let Some(Some(image)) = self.images.get(*index) else {
                    return;
                };
                let Some(size) = Size::from_wh(rect.2, rect.3) else {
                    return;
                };
                surface.push_transform(&Transform::from_translate(rect.0, rect.1));
                surface.draw_image(image.clone(), size);
                surface.pop();
            }
        }
    }

    /// Draws a drawing's shapes: outlines and fills as paths, words in the
    /// notice's font.
    fn picture(
        &self,
        surface: &mut Surface,
        origin: (f32, f32),
        scale: f32,
        picture: &crate::drawing::Picture,
    ) {
        use crate::drawing::Shape;
        let at = |(x, y): (f32, f32)| (origin.0 + x * scale, origin.1 + y * scale);
        let outline = |paint, width: f32| Some((paint_color(paint), width * scale));
        for shape in &picture.shapes {
            match shape {
                Shape::Box {
                    rect,
                    fill: f,
                    width,
                    stroke: s,
                    ..
                } => {
                    let corners = [
                        (rect[0], rect[1]),
                        (rect[2], rect[1]),
                        (rect[2], rect[3]),
                        (rect[0], rect[3]),
                    ]
                    .map(at);
                    draw_points(
                        surface,
                        &corners,
                        true,
                        Some(paint_color(*f)),
                        outline(*s, *width),
                    );
                }
                Shape::Line {
                    points,
                    width,
                    paint,
                } => {
                    let points: Vec<_> = points.iter().copied().map(at).collect();
                    draw_points(surface, &points, false, None, outline(*paint, *width));
                }
                Shape::Ring {
                    center,
                    radius,
                    width,
                    paint,
                } => {
                    let points = circle_points(at(*center), radius * scale);
                    draw_points(surface, &points, true, None, outline(*paint, *width));
                }
                Shape::Dot {
                    center,
                    radius,
                    paint,
                } => {
                    let points = circle_points(at(*center), radius * scale);
                    draw_points(surface, &points, true, Some(paint_color(*paint)), None);
                }
                Shape::Text {
                    at: point,
                    anchor,
                    text,
                    size,
                    paint,
                } => self.picture_text(surface, at(*point), *anchor, text, *size, scale, *paint),
            }
        }
    }

    /// A drawing's words at `point` (already placed on the page).
    #[expect(clippy::too_many_arguments, reason = "one text shape, taken apart")]
    fn picture_text(
        &self,
        surface: &mut Surface,
        (x, y): (f32, f32),
        anchor: crate::drawing::Anchor,
        text: &str,
        size: crate::drawing::TextSize,
        scale: f32,
        paint: crate::drawing::Paint,
    ) {
        use crate::drawing::{Anchor, TextSize};
        let size = scale
            * match size {
                TextSize::Small => 7.5,
                TextSize::Body => 9.5,
                TextSize::Large => 16.0,
            };
        // A drawing set small (beside a paragraph) drops words too small
        // to read; its shapes still show what to look for.
        if size < MIN_PICTURE_TEXT {
            return;
        }
        let Some(fonts) = font::metrics() else {
            return;
        };
        let text = font::printable(text, fonts);
        let w = fonts.0.width(&text, size);
        let (x, baseline) = match anchor {
            Anchor::LeftTop => (x, y + size * 0.8),
            Anchor::LeftMiddle => (x, y + size * 0.35),
            Anchor::Middle => (x - w / 2.0, y + size * 0.35),
            Anchor::CenterBottom => (x - w / 2.0, y - size * 0.2),
        };
        self.text(
            surface,
            (x, baseline),
            size,
            false,
            paint_color(paint),
            &text,
        );
    }

    /// App and list version on the left, page number on the right.
    fn footer(&self, surface: &mut Surface, metrics: &Metrics, left: &str, page_no: &str) {
        Self::line(
            surface,
            MARGIN_X,
            FOOTER_BASELINE - SMALL_SIZE - 4.0,
            CONTENT_W,
            0.5,
        );
        let page_w = metrics.width(page_no, SMALL_SIZE);
        let left = font::wrap(left, metrics, SMALL_SIZE, CONTENT_W - page_w - 20.0)
            .into_iter()
            .next()
            .unwrap_or_default();
        self.text(
            surface,
            (MARGIN_X, FOOTER_BASELINE),
            SMALL_SIZE,
            false,
            MUTED,
            &left,
        );
        self.text(
            surface,
            (MARGIN_X + CONTENT_W - page_w, FOOTER_BASELINE),
            SMALL_SIZE,
            false,
            MUTED,
            page_no,
        );
    }
}

fn write(
    pages: &Pages,
    footer: &str,
    info: &PdfInfo,
    metrics: &(Metrics, Metrics),
    photos: &[PhotoOutcome],
) -> Result<Vec<u8>, PdfError> {
    let painter = Painter {
        regular: Font::new(Data::from(font::regular()), 0).ok_or(PdfError::Font)?,
        bold: Font::new(Data::from(font::bold()), 0).ok_or(PdfError::Font)?,
        metrics,
        images: photos
            .iter()
            .map(|p| {
                p.result
                    .as_ref()
                    .ok()
                    .and_then(|p| Image::from_jpeg(Data::from(p.jpeg.clone()), false).ok())
            })
            .collect(),
    };
    let mut document = Document::new_with(settings());
    let total = pages.pages.len().to_string();
    let footer = font::printable(footer, metrics);
    for (n, ops) in pages.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
            .ok_or_else(|| PdfError::Write("bad page size".to_owned()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for op in ops {
            painter.op(&mut surface, op);
        }
        let page_no = tr_args(
            info.lang,
            "notice-page",
            &[("page", &(n + 1).to_string()), ("pages", &total)],
        );
        painter.footer(
            &mut surface,
            &metrics.0,
            &footer,
            &font::printable(&page_no, metrics),
        );
        surface.finish();
        page.finish();
    }
    let mut outline = Outline::new();
    for (text, page, y) in &pages.bookmarks {
        outline.push_child(OutlineNode::new(
            text.clone(),
            XyzDestination::new(*page, Point::from_xy(0.0, *y)),
        ));
    }
    document.set_outline(outline);
    document.set_metadata(metadata(info));
    if let Some((name, media_type, description, bytes)) = &info.embedded {
        document
            .embed_file(EmbeddedFile {
                path: name.clone(),
                mime_type: MimeType::new(media_type),
                description: Some(description.clone()),
                association_kind: AssociationKind::Data,
                data: Data::from(bytes.clone()),
                modification_date: Some(pdf_date(&info.date)),
                // Uncompressed: the data stays readable with a text editor.
                compress: Some(false),
                location: None,
            })
            .ok_or_else(|| PdfError::Write(format!("{name} was embedded twice")))?;
    }
    document.finish().map_err(|e| match &e {
        krilla::error::KrillaError::Validation(errors) => PdfError::Write(format!(
            "{e}: {}",
            errors
                .iter()
                .map(|(v, _)| format!("{v:?}"))
                .collect::<Vec<_>>()
                .join("; ")
        )),
        other => PdfError::Write(other.to_string()),
    })
}
