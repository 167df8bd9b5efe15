//! The krilla painter: laid-out pages ([`Pages`]) drawn onto PDF pages
//! with the embedded fonts and photos, the footer and page numbers, the
//! bookmarks, the metadata ([`PdfInfo`]) and the embedded data file.

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

use super::layout::{Op, Pages};
use super::style::{
    CONTENT_W, FOOTER_BASELINE, MARGIN_X, MIN_PICTURE_TEXT, MUTED, PAGE_H, PAGE_W, RULE, SMALL_SIZE,
};
use crate::i18n::{Lang, tr, tr_args};
use crate::notice::content::Notice;
use crate::notice::data::{self, NoticeData};
use crate::notice::font::{self, Metrics};
use crate::notice::photo::PhotoOutcome;

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

pub(super) fn write(
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
