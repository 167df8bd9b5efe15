//! The app's drawings as shapes, in the core so that the screen (egui,
//! `ui/pictures.rs`) and paper (the PDF writer) draw the same picture:
//! where the label sits on the back of a bedside monitor or underneath it,
//! what a rating label's model field looks like, the network plug out and
//! Wi-Fi off, and the C key not to press. Original artwork made for this app. Every word in
//! a drawing comes from the translation files; colours are roles that each
//! renderer maps to its own palette (high contrast included on screen).

use crate::i18n::{Lang, tr};

/// What a shape is painted with; each renderer picks the colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// Behind and around the object.
    Background,
    /// The object's body.
    Body,
    /// Outlines, pointers and captions.
    Outline,
    /// Secondary detail (slots, small print).
    Detail,
    /// What the picture points at.
    Highlight,
    /// Lines and text on the highlight.
    HighlightText,
    /// A "do not" mark.
    Stop,
}

/// Type size of a text in a drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextSize {
    /// Small print.
    Small,
    /// Body text.
    Body,
    /// A large letter (a key cap).
    Large,
}

/// Where a text's point is: its left edge or centre, and its top, middle or
/// bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Left edge, top.
    LeftTop,
    /// Left edge, middle.
    LeftMiddle,
    /// Centre, middle.
    Middle,
    /// Centre, bottom.
    CenterBottom,
}

/// One shape, in the picture's design units (y grows downwards).
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A filled box with an outline.
    Box {
        /// Corners: left, top, right, bottom.
        rect: [f32; 4],
        /// Corner radius.
        corner: f32,
        /// Fill.
        fill: Paint,
        /// Outline width.
        width: f32,
        /// Outline.
        stroke: Paint,
    },
    /// A line through `points`.
    Line {
        /// The points, in order.
        points: Vec<(f32, f32)>,
        /// Width.
        width: f32,
        /// Colour.
        paint: Paint,
    },
    /// A circle's outline.
    Ring {
        /// Centre.
        center: (f32, f32),
        /// Radius.
        radius: f32,
        /// Width.
        width: f32,
        /// Colour.
        paint: Paint,
    },
    /// A filled dot.
    Dot {
        /// Centre.
        center: (f32, f32),
        /// Radius.
        radius: f32,
        /// Colour.
        paint: Paint,
    },
    /// A text.
    Text {
        /// Its point.
        at: (f32, f32),
        /// How the point relates to the text.
        anchor: Anchor,
        /// The words.
        text: String,
        /// Type size.
        size: TextSize,
        /// Colour.
        paint: Paint,
    },
}

/// One drawing, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// Width and height of its design space.
    pub size: (f32, f32),
    /// Its shapes, back to front.
    pub shapes: Vec<Shape>,
    /// What it shows, for screen readers and where it cannot be drawn.
    pub alt: String,
}

impl Picture {
    /// The right and bottom edges of what the picture draws, in design
    /// units: its drawings may leave part of their frame empty. Texts are
    /// not measured; a picture cut this way keeps its words inside its
    /// other shapes.
    pub fn extent(&self) -> (f32, f32) {
        let mut edge = (0.0f32, 0.0f32);
        let mut reach = |x: f32, y: f32| edge = (edge.0.max(x), edge.1.max(y));
        for shape in &self.shapes {
            match shape {
                Shape::Box { rect, width, .. } => {
                    reach(rect[2] + width / 2.0, rect[3] + width / 2.0);
                }
                Shape::Line { points, width, .. } => {
                    for &(x, y) in points {
                        reach(x + width / 2.0, y + width / 2.0);
                    }
                }
                Shape::Ring {
                    center,
                    radius,
                    width,
                    ..
                } => reach(
                    center.0 + radius + width / 2.0,
                    center.1 + radius + width / 2.0,
                ),
                Shape::Dot { center, radius, .. } => reach(center.0 + radius, center.1 + radius),
                Shape::Text { .. } => {}
            }
        }
        (edge.0.min(self.size.0), edge.1.min(self.size.1))
    }
}

/// The drawings the app has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureId {
    /// The back of a bedside monitor with the label marked.
    LabelLocation,
    /// The same monitor seen from below, with a label underneath marked.
    LabelUnderneath,
    /// A rating label with the model field marked.
    RatingLabel,
    /// The network plug out, Wi-Fi crossed out.
    Unplug,
    /// The C key crossed out.
    NoCKey,
}

impl PictureId {
    /// The drawing that goes with a guidance step, by its message id.
    pub fn for_step(step_id: &str) -> Option<PictureId> {
        match step_id {
            "guide-unplug" | "guide-unknown-precaution" => Some(PictureId::Unplug),
            "guide-no-c-key" => Some(PictureId::NoCKey),
            _ => None,
        }
    }

    /// The drawing, with its words in `lang`.
    pub fn picture(self, lang: Lang) -> Picture {
        match self {
            PictureId::LabelLocation => label_location(lang),
            PictureId::LabelUnderneath => label_underneath(lang),
            PictureId::RatingLabel => rating_label(lang),
            PictureId::Unplug => unplug(lang),
            PictureId::NoCKey => no_c_key(lang),
        }
    }
}

fn boxed(rect: [f32; 4], corner: f32, fill: Paint, width: f32, stroke: Paint) -> Shape {
    Shape::Box {
        rect,
        corner,
        fill,
        width,
        stroke,
    }
}

fn line(from: (f32, f32), to: (f32, f32), width: f32, paint: Paint) -> Shape {
    Shape::Line {
        points: vec![from, to],
        width,
        paint,
    }
}

fn text(at: (f32, f32), anchor: Anchor, text: &str, size: TextSize, paint: Paint) -> Shape {
    Shape::Text {
        at,
        anchor,
        text: text.to_owned(),
        size,
        paint,
    }
}

/// An arc around `center` from angle `from` to `to` (radians, 0 to the
/// right, growing clockwise as y grows downwards).
fn arc(center: (f32, f32), radius: f32, from: f32, to: f32, width: f32, paint: Paint) -> Shape {
    let points = (0u8..=16)
        .map(|i| {
            let a = from + (to - from) * f32::from(i) / 16.0;
            (center.0 + radius * a.cos(), center.1 + radius * a.sin())
        })
        .collect();
    Shape::Line {
        points,
        width,
        paint,
    }
}

/// A "not this" mark: a circle with a diagonal bar.
fn forbidden(center: (f32, f32), radius: f32) -> [Shape; 2] {
    let d = radius * std::f32::consts::FRAC_1_SQRT_2;
    [
        Shape::Ring {
            center,
            radius,
            width: 4.0,
            paint: Paint::Stop,
        },
        line(
            (center.0 - d, center.1 - d),
            (center.0 + d, center.1 + d),
            4.0,
            Paint::Stop,
        ),
    ]
}

fn label_location(lang: Lang) -> Picture {
    use Paint::{Background, Body, Detail, Highlight, HighlightText, Outline};
    let mut shapes = vec![
        // The carrying handle and the body, seen from the back.
        boxed([72.0, 6.0, 128.0, 22.0], 6.0, Background, 1.6, Outline),
        boxed([14.0, 18.0, 186.0, 112.0], 10.0, Body, 1.6, Outline),
    ];
    // Ventilation slots.
    for y in [32.0, 39.0, 46.0, 53.0, 60.0] {
        shapes.push(line((26.0, y), (70.0, y), 2.0, Detail));
    }
    // The sockets along the bottom edge; the network one is wider.
    for (x0, x1) in [(28.0, 40.0), (46.0, 58.0), (64.0, 82.0)] {
        shapes.push(boxed([x0, 92.0, x1, 104.0], 1.5, Background, 1.2, Outline));
    }
    // The label sticker, marked, with lines of print.
    shapes.push(boxed(
        [106.0, 36.0, 172.0, 86.0],
        3.0,
        Highlight,
        2.6,
        Outline,
    ));
    for (y, w) in [(46.0, 52.0), (56.0, 40.0), (66.0, 46.0), (76.0, 30.0)] {
        shapes.push(line((113.0, y), (113.0 + w, y), 2.2, HighlightText));
    }
    // Its name, under the monitor, with a pointer up to it.
    shapes.push(line((139.0, 86.0), (139.0, 114.0), 1.6, Outline));
    shapes.push(text(
        (139.0, 129.0),
        Anchor::CenterBottom,
        &tr(lang, "picture-label-location-caption"),
        TextSize::Small,
        Outline,
    ));
    Picture {
        size: (200.0, 130.0),
        shapes,
        alt: tr(lang, "picture-label-location"),
    }
}

fn label_underneath(lang: Lang) -> Picture {
    use Paint::{Background, Body, Detail, Highlight, HighlightText, Outline};
    let mut shapes = vec![
        // The underside, seen from below: the base plate with its edge.
        boxed([14.0, 12.0, 186.0, 104.0], 10.0, Body, 1.6, Outline),
        boxed([24.0, 22.0, 176.0, 94.0], 6.0, Background, 1.2, Detail),
    ];
    // Four rubber feet in the corners.
    for (x, y) in [(38.0, 36.0), (162.0, 36.0), (38.0, 80.0), (162.0, 80.0)] {
        shapes.push(Shape::Dot {
            center: (x, y),
            radius: 7.0,
            paint: Outline,
        });
    }
    // The battery cover, to one side.
    shapes.push(boxed([54.0, 30.0, 84.0, 86.0], 2.0, Body, 1.2, Detail));
    // The label sticker, marked, with lines of print.
    shapes.push(boxed(
        [98.0, 34.0, 150.0, 82.0],
        3.0,
        Highlight,
        2.6,
        Outline,
    ));
    for (y, w) in [(44.0, 40.0), (54.0, 30.0), (64.0, 36.0), (73.0, 24.0)] {
        shapes.push(line((104.0, y), (104.0 + w, y), 2.2, HighlightText));
    }
    // Its name, under the monitor, with a pointer down to it.
    shapes.push(line((124.0, 82.0), (124.0, 114.0), 1.6, Outline));
    shapes.push(text(
        (124.0, 129.0),
        Anchor::CenterBottom,
        &tr(lang, "picture-label-underneath-caption"),
        TextSize::Small,
        Outline,
    ));
    Picture {
        size: (200.0, 130.0),
        shapes,
        alt: tr(lang, "picture-label-underneath"),
    }
}

fn rating_label(lang: Lang) -> Picture {
    use Paint::{Background, Detail, Highlight, HighlightText, Outline};
    let model = format!("{}: CMS8000", tr(lang, "picture-rating-label-model"));
    let mut shapes = vec![
        boxed([8.0, 6.0, 192.0, 124.0], 4.0, Background, 1.6, Outline),
        text(
            (18.0, 14.0),
            Anchor::LeftTop,
            "CONTEC",
            TextSize::Body,
            Outline,
        ),
        // The model field, marked.
        boxed([14.0, 36.0, 186.0, 60.0], 3.0, Highlight, 2.6, Outline),
        text(
            (20.0, 48.0),
            Anchor::LeftMiddle,
            &model,
            TextSize::Body,
            HighlightText,
        ),
        // Other fields, as lines of small print.
        text(
            (18.0, 68.0),
            Anchor::LeftTop,
            "SN: 0000000",
            TextSize::Small,
            Detail,
        ),
        text(
            (18.0, 84.0),
            Anchor::LeftTop,
            "100-240V~ 50/60Hz",
            TextSize::Small,
            Detail,
        ),
        text(
            (18.0, 100.0),
            Anchor::LeftTop,
            "CE",
            TextSize::Body,
            Outline,
        ),
    ];
    // A barcode, as on most labels.
    let mut x = 120.0;
    for bar in 0u8..22 {
        let width = if bar % 3 == 0 { 1.8 } else { 0.9 };
        shapes.push(line((x, 98.0), (x, 118.0), width, Outline));
        x += 2.6;
    }
    Picture {
        size: (200.0, 130.0),
        shapes,
        alt: tr(lang, "picture-rating-label"),
    }
}

fn unplug(lang: Lang) -> Picture {
    use Paint::{Background, Body, Highlight, Outline};
    let mut shapes = vec![
        // The monitor's side with its network socket.
        boxed([4.0, 8.0, 40.0, 62.0], 4.0, Body, 1.6, Outline),
        boxed([26.0, 24.0, 40.0, 46.0], 1.5, Background, 1.6, Outline),
        // The plug, out, with its clip and cable, and the way it went.
        boxed([62.0, 26.0, 82.0, 44.0], 2.0, Highlight, 1.6, Outline),
        line((62.0, 30.0), (56.0, 30.0), 1.6, Outline),
        line((82.0, 35.0), (112.0, 35.0), 3.0, Outline),
        Shape::Line {
            points: vec![(69.0, 50.0), (75.0, 54.0), (69.0, 58.0)],
            width: 2.0,
            paint: Outline,
        },
        line((45.0, 54.0), (75.0, 54.0), 2.0, Outline),
    ];
    // Wi-Fi, crossed out.
    for radius in [10.0, 18.0, 26.0] {
        shapes.push(arc((160.0, 52.0), radius, -2.4, -0.74, 3.0, Outline));
    }
    shapes.push(Shape::Dot {
        center: (160.0, 52.0),
        radius: 2.5,
        paint: Outline,
    });
    shapes.extend(forbidden((160.0, 38.0), 28.0));
    Picture {
        size: (200.0, 70.0),
        shapes,
        alt: tr(lang, "picture-unplug"),
    }
}

fn no_c_key(lang: Lang) -> Picture {
    use Paint::{Body, Outline};
    let mut shapes = vec![
        boxed([20.0, 19.0, 52.0, 51.0], 5.0, Body, 2.0, Outline),
        text((36.0, 35.0), Anchor::Middle, "C", TextSize::Large, Outline),
    ];
    shapes.extend(forbidden((36.0, 35.0), 28.0));
    Picture {
        size: (200.0, 70.0),
        shapes,
        alt: tr(lang, "picture-no-c-key"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [PictureId; 5] = [
        PictureId::LabelLocation,
        PictureId::LabelUnderneath,
        PictureId::RatingLabel,
        PictureId::Unplug,
        PictureId::NoCKey,
    ];

    /// Every shape lies inside its picture, and every picture has its
    /// words and alternative text in every language.
    #[test]
    fn drawings_stay_in_their_frame_and_speak_every_language() {
        for lang in Lang::ALL {
            for id in ALL {
                let p = id.picture(lang);
                assert!(!p.alt.is_empty() && !p.alt.contains('{'), "{id:?} {lang:?}");
                let inside = |(x, y): (f32, f32)| {
                    (0.0..=p.size.0).contains(&x) && (0.0..=p.size.1).contains(&y)
                };
                for shape in &p.shapes {
                    let ok = match shape {
                        Shape::Box { rect, .. } => {
                            inside((rect[0], rect[1])) && inside((rect[2], rect[3]))
                        }
                        Shape::Line { points, .. } => points.iter().all(|p| inside(*p)),
                        Shape::Ring { center, radius, .. } | Shape::Dot { center, radius, .. } => {
                            inside((center.0 - radius, center.1 - radius))
                                && inside((center.0 + radius, center.1 + radius))
                        }
                        Shape::Text { at, text, .. } => inside(*at) && !text.is_empty(),
                    };
                    assert!(ok, "{id:?}: {shape:?}");
                }
            }
        }
        let it = PictureId::RatingLabel.picture(Lang::It);
        assert!(
            it.shapes
                .iter()
                .any(|s| matches!(s, Shape::Text { text, .. } if text == "Modello: CMS8000"))
        );
    }

    #[test]
    fn the_first_steps_have_their_drawing() {
        assert_eq!(PictureId::for_step("guide-unplug"), Some(PictureId::Unplug));
        assert_eq!(
            PictureId::for_step("guide-no-c-key"),
            Some(PictureId::NoCKey)
        );
        assert_eq!(PictureId::for_step("guide-tell-gp"), None);
    }
}
