//! What to tell the person who took the photo ([`Advice`], [`advice`]):
//! each measure against the limit the reader needs.

use serde::Serialize;

use super::measure::{CLIPPED_LUMA, Quality};

/// Below this many edge widths per line height the photo is blurred. A
/// stroke is about a seventh of the capital height and a line box about
/// 1.6 capital heights; once the blur is wider than half a stroke,
/// neighbouring strokes run together: 2 × 7 × 1.6 edge widths per line.
pub(super) const MIN_SHARPNESS: f32 = 22.4;
/// With no line found, edges wider than this (reader pixels) mean blur.
const MAX_EDGE_WIDTH_NO_TEXT_PX: f32 = 3.0;
/// A label's paper darker than this (of 255) was photographed in too little
/// light: white paper should come out well above mid-grey.
pub(super) const DARK_PAPER_LUMA: f32 = 90.0;
/// Ink lighter than this (of 255) is washed out by too much light.
const BRIGHT_INK_LUMA: f32 = 150.0;
/// Glare when at least this share of the area on and around the text is
/// clipped,
const GLARE_MIN_FRACTION: f32 = 0.02;
/// while the paper there (the median grey level) stays this far below
/// clipping: a reflection is brighter than the paper around it. Paper
/// that is clipped all over is only bright, and its print still reads.
const GLARE_PAPER_HEADROOM: f32 = 16.0;
/// Text lines lower than this (box height at the reader's resolution)
/// are too small: the recogniser needs letters about 9 pixels high, and a
/// line box is about 1.6 times the letter height.
const MIN_LINE_HEIGHT_PX: f32 = 14.0;

/// What would make the next photo better, with the measure behind it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Advice {
    /// The text is blurred (shaken or out of focus): hold steady, tap to focus.
    Blurred {
        /// [`Quality::sharpness`], or with no text the inverse of the edge width.
        sharpness: f32,
    },
    /// Too little light: more light.
    TooDark {
        /// [`Quality::paper_luma`], or the photo's mean with no text.
        paper_luma: f32,
    },
    /// Too much light: the print is washed out.
    TooBright {
        /// [`Quality::ink_luma`].
        ink_luma: f32,
    },
    /// A reflection covers the text: avoid the lamp behind you.
    Glare {
        /// [`Quality::glare_over_text`].
        glare_over_text: f32,
    },
    /// The print is too small in the photo: move closer.
    TextTooSmall {
        /// [`Quality::reader_line_height_px`].
        line_height_px: f32,
    },
    /// The label runs off the edge of the photo: get all of it in.
    CutOff {
        /// [`Quality::lines_at_edge`].
        lines_at_edge: usize,
    },
}

impl Advice {
    /// The Fluent id of the sentence telling the user what to do.
    pub fn message_id(self) -> &'static str {
        match self {
            Advice::Blurred { .. } => "coach-blurred",
            Advice::TooDark { .. } => "coach-too-dark",
            Advice::TooBright { .. } => "coach-too-bright",
            Advice::Glare { .. } => "coach-glare",
            Advice::TextTooSmall { .. } => "coach-text-too-small",
            Advice::CutOff { .. } => "coach-cut-off",
        }
    }

    /// How far the measure is past its limit (1 at the limit): the advice
    /// is listed most severe first.
    pub fn severity(self) -> f32 {
        match self {
            Advice::Blurred { sharpness } => MIN_SHARPNESS / sharpness.max(0.1),
            Advice::TooDark { paper_luma } => DARK_PAPER_LUMA / paper_luma.max(1.0),
            Advice::TooBright { ink_luma } => ink_luma / BRIGHT_INK_LUMA,
            Advice::Glare { glare_over_text } => glare_over_text / GLARE_MIN_FRACTION,
            Advice::TextTooSmall { line_height_px } => MIN_LINE_HEIGHT_PX / line_height_px.max(1.0),
            // A fact rather than a degree; it comes after anything well past its limit.
            Advice::CutOff { .. } => 1.0,
        }
    }
}

/// The advice for a photo with these measures, most severe first; empty
/// when nothing stands out.
pub fn advice(q: &Quality) -> Vec<Advice> {
    let mut out = Vec::new();
    match (q.sharpness, q.edge_width_px) {
        (Some(sharpness), _) if sharpness < MIN_SHARPNESS => {
            out.push(Advice::Blurred { sharpness });
        }
        (None, Some(width)) if q.line_height_px.is_none() && width > MAX_EDGE_WIDTH_NO_TEXT_PX => {
            out.push(Advice::Blurred {
                sharpness: MIN_SHARPNESS * MAX_EDGE_WIDTH_NO_TEXT_PX / width,
            });
        }
        _ => {}
    }
    let paper = q.paper_luma.unwrap_or(q.mean_luma);
    if paper < DARK_PAPER_LUMA {
        out.push(Advice::TooDark { paper_luma: paper });
    }
    if let Some(ink) = q.ink_luma
        && ink > BRIGHT_INK_LUMA
    {
        out.push(Advice::TooBright { ink_luma: ink });
    }
    let paper_below_clipping = q
        .near_text_luma
        .is_some_and(|l| l < f32::from(CLIPPED_LUMA) - GLARE_PAPER_HEADROOM);
    if q.glare_over_text >= GLARE_MIN_FRACTION && paper_below_clipping {
        out.push(Advice::Glare {
            glare_over_text: q.glare_over_text,
        });
    }
    if let Some(h) = q.reader_line_height_px
        && h < MIN_LINE_HEIGHT_PX
    {
        out.push(Advice::TextTooSmall { line_height_px: h });
    }
    if q.cut_off {
        out.push(Advice::CutOff {
            lines_at_edge: q.lines_at_edge,
        });
    }
    out.sort_by(|a, b| b.severity().total_cmp(&a.severity()));
    out
}
