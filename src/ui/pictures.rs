//! Drawings that show instead of tell, made for this app with the egui
//! painter: where the label sits on the back of a bedside monitor, and what
//! the model field of a rating label looks like. Each is one widget with
//! alternative text for screen readers, drawn from shapes (no image files
//! to load, nothing to slow the first frame) in the theme's colours, high
//! contrast included. Every word in a drawing comes from the translation
//! files.

use egui::{Align2, Pos2, Rect, Response, Sense, Stroke, TextStyle, Ui, Vec2};

use super::theme::{self, Look, PictureColors};
use crate::i18n::{Lang, tr};

/// Size of the drawing space the label pictures are designed in; it is
/// scaled to the width available.
const DESIGN: Vec2 = Vec2::new(200.0, 130.0);

/// The same for the small pictures beside the guidance steps.
const STEP_DESIGN: Vec2 = Vec2::new(200.0, 70.0);

/// Widest a step's picture is drawn, in points.
const STEP_MAX_WIDTH: f32 = 260.0;

/// Widest a picture is drawn, in points.
const MAX_WIDTH: f32 = 330.0;

/// A drawing area scaled from the design space.
struct Canvas {
    painter: egui::Painter,
    origin: Pos2,
    scale: f32,
    colors: PictureColors,
}

impl Canvas {
    fn pos(&self, x: f32, y: f32) -> Pos2 {
        self.origin + Vec2::new(x, y) * self.scale
    }

    fn rect(&self, x0: f32, y0: f32, x1: f32, y1: f32) -> Rect {
        Rect::from_two_pos(self.pos(x0, y0), self.pos(x1, y1))
    }

    fn stroke(&self, width: f32, color: egui::Color32) -> Stroke {
        Stroke::new(width * self.scale, color)
    }

    /// A filled box with an outline.
    fn boxed(&self, r: Rect, corner: f32, fill: egui::Color32, outline: Stroke) {
        let corner = egui::CornerRadius::from(corner * self.scale);
        self.painter
            .rect(r, corner, fill, outline, egui::StrokeKind::Inside);
    }

    /// An arc around `center` from angle `from` to `to` (radians, 0 to the
    /// right, growing clockwise on screen).
    fn arc(&self, center: (f32, f32), radius: f32, from: f32, to: f32, stroke: Stroke) {
        let points: Vec<Pos2> = (0u8..=16)
            .map(|i| {
                let a = from + (to - from) * f32::from(i) / 16.0;
                self.pos(center.0 + radius * a.cos(), center.1 + radius * a.sin())
            })
            .collect();
        self.painter.add(egui::Shape::line(points, stroke));
    }

    /// A "not this" mark: a circle with a diagonal bar.
    fn forbidden(&self, center: (f32, f32), radius: f32) {
        let stroke = self.stroke(4.0, self.colors.stop);
        self.painter
            .circle_stroke(self.pos(center.0, center.1), radius * self.scale, stroke);
        let d = radius * std::f32::consts::FRAC_1_SQRT_2;
        self.line(
            (center.0 - d, center.1 - d),
            (center.0 + d, center.1 + d),
            stroke,
        );
    }

    fn line(&self, from: (f32, f32), to: (f32, f32), stroke: Stroke) {
        self.painter
            .line_segment([self.pos(from.0, from.1), self.pos(to.0, to.1)], stroke);
    }

    fn text(
        &self,
        ui: &Ui,
        at: (f32, f32),
        anchor: Align2,
        text: &str,
        style: &TextStyle,
        color: egui::Color32,
    ) {
        let font = style.resolve(ui.style());
        self.painter
            .text(self.pos(at.0, at.1), anchor, text, font, color);
    }
}

/// Allocates a label picture's space and gives it its accessible name.
fn canvas(ui: &mut Ui, look: Look, alt: &str) -> (Response, Canvas) {
    canvas_sized(ui, look, alt, DESIGN, MAX_WIDTH)
}

fn canvas_sized(
    ui: &mut Ui,
    look: Look,
    alt: &str,
    design: Vec2,
    max_width: f32,
) -> (Response, Canvas) {
    let width = ui.available_width().min(max_width);
    let scale = width / design.x;
    let (rect, response) = ui.allocate_exact_size(design * scale, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, alt));
    let painter = ui.painter_at(rect);
    (
        response,
        Canvas {
            painter,
            origin: rect.min,
            scale,
            colors: theme::picture_colors(look),
        },
    )
}

/// The back of a bedside patient monitor, with the label sticker
/// highlighted and named.
pub fn label_location(ui: &mut Ui, lang: Lang, look: Look) -> Response {
    let alt = tr(lang, "picture-label-location");
    let (response, c) = canvas(ui, look, &alt);
    let colors = c.colors;
    let outline = c.stroke(1.6, colors.outline);
    // The carrying handle and the body, seen from the back.
    c.boxed(
        c.rect(72.0, 6.0, 128.0, 22.0),
        6.0,
        colors.background,
        outline,
    );
    c.boxed(c.rect(14.0, 18.0, 186.0, 112.0), 10.0, colors.body, outline);
    // Ventilation slots.
    for y in [32.0, 39.0, 46.0, 53.0, 60.0] {
        c.line((26.0, y), (70.0, y), c.stroke(2.0, colors.detail));
    }
    // The sockets along the bottom edge; the network one is wider.
    for (x0, x1) in [(28.0, 40.0), (46.0, 58.0), (64.0, 82.0)] {
        c.boxed(
            c.rect(x0, 92.0, x1, 104.0),
            1.5,
            colors.background,
            c.stroke(1.2, colors.outline),
        );
    }
    // The label sticker.
    let sticker = c.rect(106.0, 36.0, 172.0, 86.0);
    c.boxed(
        sticker,
        3.0,
        colors.highlight,
        c.stroke(2.6, colors.outline),
    );
    for (y, w) in [(46.0, 52.0), (56.0, 40.0), (66.0, 46.0), (76.0, 30.0)] {
        c.line(
            (113.0, y),
            (113.0 + w, y),
            c.stroke(2.2, colors.highlight_text),
        );
    }
    // Its name, under the monitor, with a pointer up to it.
    c.line((139.0, 86.0), (139.0, 114.0), c.stroke(1.6, colors.outline));
    c.text(
        ui,
        (139.0, 129.0),
        Align2::CENTER_BOTTOM,
        &tr(lang, "picture-label-location-caption"),
        &TextStyle::Small,
        colors.outline,
    );
    response
}

/// A rating label, with the model field marked.
pub fn rating_label(ui: &mut Ui, lang: Lang, look: Look) -> Response {
    let alt = tr(lang, "picture-rating-label");
    let (response, c) = canvas(ui, look, &alt);
    let colors = c.colors;
    c.boxed(
        c.rect(8.0, 6.0, 192.0, 124.0),
        4.0,
        colors.background,
        c.stroke(1.6, colors.outline),
    );
    let body = TextStyle::Small;
    c.text(
        ui,
        (18.0, 14.0),
        Align2::LEFT_TOP,
        "CONTEC",
        &TextStyle::Body,
        colors.outline,
    );
    // The model field, marked.
    let field = c.rect(14.0, 36.0, 186.0, 60.0);
    c.boxed(field, 3.0, colors.highlight, c.stroke(2.6, colors.outline));
    let model = format!("{}: CMS8000", tr(lang, "picture-rating-label-model"));
    c.text(
        ui,
        (20.0, 48.0),
        Align2::LEFT_CENTER,
        &model,
        &TextStyle::Body,
        colors.highlight_text,
    );
    // Other fields, as lines of small print.
    c.text(
        ui,
        (18.0, 68.0),
        Align2::LEFT_TOP,
        "SN: 0000000",
        &body,
        colors.detail,
    );
    c.text(
        ui,
        (18.0, 84.0),
        Align2::LEFT_TOP,
        "100-240V~ 50/60Hz",
        &body,
        colors.detail,
    );
    // A barcode and the CE mark, as on most labels.
    let mut x = 120.0;
    for bar in 0u8..22 {
        let width = if bar % 3 == 0 { 1.8 } else { 0.9 };
        c.line((x, 98.0), (x, 118.0), c.stroke(width, colors.outline));
        x += 2.6;
    }
    c.text(
        ui,
        (18.0, 100.0),
        Align2::LEFT_TOP,
        "CE",
        &TextStyle::Body,
        colors.outline,
    );
    response
}

/// The picture for a guidance step, by the step's message id, if it has
/// one.
pub fn for_step(ui: &mut Ui, step_id: &str, lang: Lang, look: Look) -> Option<Response> {
    match step_id {
        "guide-unplug" | "guide-unknown-precaution" => Some(unplug(ui, lang, look)),
        "guide-no-c-key" => Some(no_c_key(ui, lang, look)),
        _ => None,
    }
}

/// The network plug pulled out of the monitor's socket, and Wi-Fi off.
fn unplug(ui: &mut Ui, lang: Lang, look: Look) -> Response {
    let alt = tr(lang, "picture-unplug");
    let (response, c) = canvas_sized(ui, look, &alt, STEP_DESIGN, STEP_MAX_WIDTH);
    let colors = c.colors;
    let outline = c.stroke(1.6, colors.outline);
    // The monitor's side with its network socket.
    c.boxed(c.rect(4.0, 8.0, 40.0, 62.0), 4.0, colors.body, outline);
    c.boxed(
        c.rect(26.0, 24.0, 40.0, 46.0),
        1.5,
        colors.background,
        outline,
    );
    // The plug, out, with its cable and clip, and the way it went.
    c.boxed(
        c.rect(62.0, 26.0, 82.0, 44.0),
        2.0,
        colors.highlight,
        outline,
    );
    c.line((62.0, 30.0), (56.0, 30.0), c.stroke(1.6, colors.outline));
    c.line((82.0, 35.0), (112.0, 35.0), c.stroke(3.0, colors.outline));
    c.line((45.0, 54.0), (75.0, 54.0), c.stroke(2.0, colors.outline));
    c.line((75.0, 54.0), (69.0, 50.0), c.stroke(2.0, colors.outline));
    c.line((75.0, 54.0), (69.0, 58.0), c.stroke(2.0, colors.outline));
    // Wi-Fi, crossed out.
    let wifi = c.stroke(3.0, colors.outline);
    let (from, to) = (-2.4, -0.74);
    for radius in [10.0, 18.0, 26.0] {
        c.arc((160.0, 52.0), radius, from, to, wifi);
    }
    c.painter
        .circle_filled(c.pos(160.0, 52.0), 2.5 * c.scale, colors.outline);
    c.forbidden((160.0, 38.0), 28.0);
    response
}

/// The monitor's C key, crossed out.
fn no_c_key(ui: &mut Ui, lang: Lang, look: Look) -> Response {
    let alt = tr(lang, "picture-no-c-key");
    let (response, c) = canvas_sized(ui, look, &alt, STEP_DESIGN, STEP_MAX_WIDTH);
    let colors = c.colors;
    c.boxed(
        c.rect(20.0, 19.0, 52.0, 51.0),
        5.0,
        colors.body,
        c.stroke(2.0, colors.outline),
    );
    c.text(
        ui,
        (36.0, 35.0),
        Align2::CENTER_CENTER,
        "C",
        &theme::title_style(),
        colors.outline,
    );
    c.forbidden((36.0, 35.0), 28.0);
    response
}
