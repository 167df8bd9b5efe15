//! Draws the app's drawings ([`crate::drawing`]) on screen with the egui
//! painter: one widget per picture, named for screen readers by its
//! alternative text, in the theme's colours (high contrast included), and
//! scaled to the width available. No image files are loaded, so nothing
//! slows the first frame.

use egui::{Align2, Pos2, Response, Sense, Stroke, TextStyle, Ui, Vec2};

use super::theme::{self, Look, PictureColors};
use crate::drawing::{Anchor, Paint, Picture, PictureId, Shape, TextSize};
use crate::i18n::Lang;

/// Widest the label pictures are drawn, in points: three side by side
/// in the wizard's column.
const LABEL_MAX_WIDTH: f32 = 250.0;

/// Widest a guidance step's picture is drawn, in points.
const STEP_MAX_WIDTH: f32 = 260.0;

/// The back of a bedside monitor with the label marked.
pub fn label_location(ui: &mut Ui, lang: Lang, look: Look) -> Response {
    show(
        ui,
        &PictureId::LabelLocation.picture(lang),
        look,
        LABEL_MAX_WIDTH,
    )
}

/// The monitor seen from below, with a label underneath marked.
pub fn label_underneath(ui: &mut Ui, lang: Lang, look: Look) -> Response {
    show(
        ui,
        &PictureId::LabelUnderneath.picture(lang),
        look,
        LABEL_MAX_WIDTH,
    )
}

/// A rating label with the model field marked.
pub fn rating_label(ui: &mut Ui, lang: Lang, look: Look) -> Response {
    show(
        ui,
        &PictureId::RatingLabel.picture(lang),
        look,
        LABEL_MAX_WIDTH,
    )
}

/// The picture for a guidance step, by the step's message id, if it has
/// one.
pub fn for_step(ui: &mut Ui, step_id: &str, lang: Lang, look: Look) -> Option<Response> {
    let id = PictureId::for_step(step_id)?;
    Some(show(ui, &id.picture(lang), look, STEP_MAX_WIDTH))
}

/// Draws `picture` at most `max_width` wide.
fn show(ui: &mut Ui, picture: &Picture, look: Look, max_width: f32) -> Response {
    let design = Vec2::new(picture.size.0, picture.size.1);
    let scale = ui.available_width().min(max_width) / design.x;
    let (rect, response) = ui.allocate_exact_size(design * scale, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &picture.alt));
    let painter = ui.painter_at(rect);
    let colors = theme::picture_colors(look);
    let pos = |(x, y): (f32, f32)| rect.min + Vec2::new(x, y) * scale;
    for shape in &picture.shapes {
        match shape {
            Shape::Box {
                rect: r,
                corner,
                fill,
                width,
                stroke,
            } => {
                let r = egui::Rect::from_two_pos(pos((r[0], r[1])), pos((r[2], r[3])));
                painter.rect(
                    r,
                    egui::CornerRadius::from(corner * scale),
                    color(colors, *fill),
                    Stroke::new(width * scale, color(colors, *stroke)),
                    egui::StrokeKind::Inside,
                );
            }
            Shape::Line {
                points,
                width,
                paint,
            } => {
                let points: Vec<Pos2> = points.iter().copied().map(pos).collect();
                painter.add(egui::Shape::line(
                    points,
                    Stroke::new(width * scale, color(colors, *paint)),
                ));
            }
            Shape::Ring {
                center,
                radius,
                width,
                paint,
            } => {
                painter.circle_stroke(
                    pos(*center),
                    radius * scale,
                    Stroke::new(width * scale, color(colors, *paint)),
                );
            }
            Shape::Dot {
                center,
                radius,
                paint,
            } => {
                painter.circle_filled(pos(*center), radius * scale, color(colors, *paint));
            }
            Shape::Text {
                at,
                anchor,
                text,
                size,
                paint,
            } => {
                let style = match size {
                    TextSize::Small => TextStyle::Small,
                    TextSize::Body => TextStyle::Body,
                    TextSize::Large => theme::title_style(),
                };
                let anchor = match anchor {
                    Anchor::LeftTop => Align2::LEFT_TOP,
                    Anchor::LeftMiddle => Align2::LEFT_CENTER,
                    Anchor::Middle => Align2::CENTER_CENTER,
                    Anchor::CenterBottom => Align2::CENTER_BOTTOM,
                };
                painter.text(
                    pos(*at),
                    anchor,
                    text,
                    style.resolve(ui.style()),
                    color(colors, *paint),
                );
            }
        }
    }
    response
}

fn color(c: PictureColors, paint: Paint) -> egui::Color32 {
    match paint {
        Paint::Background => c.background,
        Paint::Body => c.body,
        Paint::Outline => c.outline,
        Paint::Detail => c.detail,
        Paint::Highlight => c.highlight,
        Paint::HighlightText => c.highlight_text,
        Paint::Stop => c.stop,
    }
}
