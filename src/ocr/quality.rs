//! How fit a label photo is for reading, measured on its pixels and on the
//! text lines found, and what to tell the person who took it.
//!
//! Every measure is taken where it matters, on and around the text boxes
//! the detector gave, and scaled by the text's own size, so one limit holds
//! for a phone's 12 MP photo and a webcam's 0.3 MP frame alike:
//!
//! - sharpness: how many edge widths fit in a line's height. A blurred step
//!   edge of contrast `C` and blur `σ` has a steepest slope of
//!   `C / (σ √(2π))`, so the edge width follows from the contrast and the
//!   steepest slopes in each line box, whatever the lighting;
//! - exposure: the paper (bright end) and the ink (dark end) of the text
//!   boxes, and the share of very dark and clipped pixels in the photo;
//! - glare: the share of clipped pixels on and around the text;
//! - text size: the median line height, at the resolution the reader works at;
//! - cut off: text lines running into the edge of the frame.
//!
//! The limits come from what the reader needs (see each constant) and were
//! checked on the dev corpus as a whole (`tools/coach_score.py`). Nothing
//! here changes a verdict: the advice only explains and asks.

use image::GrayImage;
use serde::Serialize;

use super::PhotoText;
use super::geometry::{clamp_u32, f32_of, f32_of_count, usize_of};
use super::pipeline::WORK_MAX_SIDE_PX;

/// Lines fainter than this (grey levels between ink and paper) carry no
/// edge worth measuring: noise of a dim phone photo reaches about this far.
const MIN_EDGE_CONTRAST: f32 = 24.0;
/// Below this many edge widths per line height the photo is blurred. A
/// stroke is about a seventh of the capital height and a line box about
/// 1.6 capital heights; once the blur is wider than half a stroke,
/// neighbouring strokes run together: 2 × 7 × 1.6 edge widths per line.
const MIN_SHARPNESS: f32 = 22.4;
/// With no line found, edges wider than this (reader pixels) mean blur.
const MAX_EDGE_WIDTH_NO_TEXT_PX: f32 = 3.0;
/// A label's paper darker than this (of 255) was photographed in too little
/// light: white paper should come out well above mid-grey.
const DARK_PAPER_LUMA: f32 = 90.0;
/// Ink lighter than this (of 255) is washed out by too much light.
const BRIGHT_INK_LUMA: f32 = 150.0;
/// Pixels at least this bright (after a 3×3 smoothing, which keeps clipped
/// areas with noise on them above it) are clipped: no print survives there.
const CLIPPED_LUMA: u8 = 248;
/// Pixels darker than this count as black, for [`Quality::dark_fraction`].
const BLACK_LUMA: u8 = 40;
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
/// A line closer than this share of the photo's short side to an edge
/// runs into it (at least [`MIN_EDGE_MARGIN_PX`]).
const EDGE_MARGIN: f32 = 0.005;
const MIN_EDGE_MARGIN_PX: f32 = 2.0;
/// Lines taller than this share of the frame's short side are not print.
const MAX_LINE_SHARE: f32 = 1.0 / 3.0;
/// Only lines read this surely (and of three symbols or more) count as
/// text running into the edge: specks and shapes at the border do not.
const MIN_READ_CONFIDENCE: f32 = 0.5;
/// The area around a line that counts as "near the text", in line heights.
const NEAR_TEXT_LINES: f32 = 1.0;
/// Percentiles for the paper and ink of a line, and its steepest edges.
const PAPER_PERCENTILE: f32 = 0.95;
const INK_PERCENTILE: f32 = 0.05;
/// The steepest slopes of a line in one direction (along or across it):
/// edges are a small share of a line's pixels, and only some face each way.
const EDGE_PERCENTILE: f32 = 0.99;
/// Gradient histogram: bins per grey level of slope.
const SLOPE_BINS_PER_LEVEL: f32 = 4.0;
const SLOPE_BINS: usize = 1024;
/// Tile side (reader pixels) for the edge width when no line was found.
const TILE_PX: u32 = 32;

/// Measures of one photo's fitness for reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quality {
    /// Line height over edge width, median over the text lines with enough
    /// contrast: large is sharp. Each line counts its worse direction
    /// (along or across it), so a shake in one direction shows. `None`
    /// when no line could be measured.
    pub sharpness: Option<f32>,
    /// Edge width (the blur's standard deviation, worse direction), in
    /// reader pixels: median over the text lines, or over the whole photo
    /// when no line was found.
    pub edge_width_px: Option<f32>,
    /// Mean grey level of the whole photo, 0..=255.
    pub mean_luma: f32,
    /// Share of the photo's pixels that are nearly black.
    pub dark_fraction: f32,
    /// Share of the photo's pixels that are clipped white.
    pub bright_fraction: f32,
    /// Grey level of the paper in the text boxes (their bright end).
    pub paper_luma: Option<f32>,
    /// Grey level of the ink in the text boxes (their dark end).
    pub ink_luma: Option<f32>,
    /// Median grey level on and around the text (mostly the label's paper).
    pub near_text_luma: Option<f32>,
    /// Share of the area on and around the text that is clipped white.
    pub glare_over_text: f32,
    /// Median height of the text lines, in photo pixels.
    pub line_height_px: Option<f32>,
    /// The same at the resolution the reader works at (it shrinks large photos).
    pub reader_line_height_px: Option<f32>,
    /// Text lines running into the edge of the frame.
    pub lines_at_edge: usize,
    /// True when some text runs into the edge of the frame.
    pub cut_off: bool,
    /// Where the model field should be, in photo pixels: around the line
    /// with a model key word, or else the largest block of text.
    pub model_field: Option<CropRect>,
}

/// An upright rectangle of the photo, in photo pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CropRect {
    /// Left edge.
    pub x: u32,
    /// Top edge.
    pub y: u32,
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

impl CropRect {
    /// The same rectangle in a copy of the photo scaled by `factor` (for a
    /// preview or thumbnail), kept inside `width`×`height`.
    #[must_use]
    pub fn scaled(self, factor: f32, width: u32, height: u32) -> Self {
        let x = clamp_u32(f32_of(self.x) * factor, 0, width);
        let y = clamp_u32(f32_of(self.y) * factor, 0, height);
        let right = clamp_u32(f32_of(self.x + self.width) * factor, x, width);
        let bottom = clamp_u32(f32_of(self.y + self.height) * factor, y, height);
        Self {
            x,
            y,
            width: right - x,
            height: bottom - y,
        }
    }
}

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

/// Measures `gray`, an upright grey copy of the photo `text` was read from
/// (at full resolution or shrunk), around the lines in `text`.
pub fn assess(gray: &GrayImage, text: &PhotoText) -> Quality {
    let gw = gray.width();
    // Image pixels per photo pixel.
    let scale = if text.width == 0 {
        1.0
    } else {
        f32_of(gw) / f32_of(text.width)
    };
    // Reader pixels per photo pixel: the reader shrinks a large photo.
    let long_side = f32_of(text.width.max(text.height).max(1));
    let reader_scale = (f32_of(WORK_MAX_SIDE_PX) / long_side).min(1.0);
    // Reader pixels per image pixel.
    let to_reader = reader_scale / scale.max(1e-6);

    let smooth = smoothed(gray);
    let (mean_luma, dark_fraction, bright_fraction) = exposure(gray);

    // A "line" taller than a third of the frame is a stain or a shape the
    // detector took for text, not print.
    let tallest = f32_of(text.width.min(text.height)) * MAX_LINE_SHARE;
    let boxes: Vec<Quad> = text
        .lines
        .iter()
        .filter_map(|l| Quad::new(l.quad))
        .filter(|q| q.height <= tallest)
        .filter_map(|q| {
            Quad::new(
                [
                    q.at(0.0, 0.0),
                    q.at(q.length, 0.0),
                    q.at(q.length, q.height),
                    q.at(0.0, q.height),
                ]
                .map(|(x, y)| (x * scale, y * scale)),
            )
        })
        .collect();

    let mut heights: Vec<f32> = boxes.iter().map(|b| b.height / scale).collect();
    let line_height_px = median(&mut heights);

    let mut edge_widths = Vec::new();
    let mut sharpness_of_lines = Vec::new();
    let mut box_hist = [0u32; 256];
    for b in &boxes {
        let stats = line_stats(&smooth, b);
        for (acc, v) in box_hist.iter_mut().zip(stats.luma) {
            *acc += v;
        }
        if let Some(width) = stats.edge_width() {
            edge_widths.push(width * to_reader);
            sharpness_of_lines.push(b.height / width.max(0.1));
        }
    }
    let has_box_pixels = box_hist.iter().any(|&n| n > 0);
    let paper_luma = has_box_pixels.then(|| percentile(&box_hist, PAPER_PERCENTILE));
    let ink_luma = has_box_pixels.then(|| percentile(&box_hist, INK_PERCENTILE));
    let edge_width_px = if boxes.is_empty() {
        whole_edge_width(&smooth).map(|w| w * to_reader)
    } else {
        median(&mut edge_widths)
    };

    let (w, h) = (f32_of(text.width), f32_of(text.height));
    let margin = (EDGE_MARGIN * w.min(h)).max(MIN_EDGE_MARGIN_PX);
    let lines_at_edge = text
        .lines
        .iter()
        .filter(|l| l.confidence >= MIN_READ_CONFIDENCE && l.text.chars().count() >= 3)
        .filter(|l| {
            l.quad
                .iter()
                .any(|&(x, y)| x < margin || y < margin || x > w - margin || y > h - margin)
        })
        .count();

    let (near_text_luma, glare_over_text) = glare_near(&smooth, &boxes);
    Quality {
        sharpness: median(&mut sharpness_of_lines),
        edge_width_px,
        mean_luma,
        dark_fraction,
        bright_fraction,
        paper_luma,
        ink_luma,
        near_text_luma,
        glare_over_text,
        line_height_px,
        reader_line_height_px: line_height_px.map(|h| h * reader_scale),
        lines_at_edge,
        cut_off: lines_at_edge > 0,
        model_field: model_field(text),
    }
}

/// A text line's box in image pixels: top-left corner, reading direction,
/// direction down the text, length and height.
#[derive(Debug, Clone, Copy)]
struct Quad {
    origin: (f32, f32),
    along: (f32, f32),
    down: (f32, f32),
    length: f32,
    height: f32,
}

impl Quad {
    /// From corners clockwise from the top-left of the text.
    fn new(q: [(f32, f32); 4]) -> Option<Self> {
        let [tl, tr, _, bl] = q;
        let length = (tr.0 - tl.0).hypot(tr.1 - tl.1);
        let height = (bl.0 - tl.0).hypot(bl.1 - tl.1);
        if !(length >= 1.0 && height >= 1.0 && length.is_finite() && height.is_finite()) {
            return None;
        }
        Some(Self {
            origin: tl,
            along: ((tr.0 - tl.0) / length, (tr.1 - tl.1) / length),
            down: ((bl.0 - tl.0) / height, (bl.1 - tl.1) / height),
            length,
            height,
        })
    }

    /// Position of a point along and down the box, from its top-left.
    fn local(&self, x: f32, y: f32) -> (f32, f32) {
        let (dx, dy) = (x - self.origin.0, y - self.origin.1);
        (
            dx * self.along.0 + dy * self.along.1,
            dx * self.down.0 + dy * self.down.1,
        )
    }

    /// The image pixels (centres) within `grow` of the box, each once.
    fn pixels(&self, grow: f32, w: u32, h: u32) -> impl Iterator<Item = (u32, u32)> + '_ {
        let corners = [
            self.at(-grow, -grow),
            self.at(self.length + grow, -grow),
            self.at(self.length + grow, self.height + grow),
            self.at(-grow, self.height + grow),
        ];
        let min = |f: fn(&(f32, f32)) -> f32| corners.iter().map(f).fold(f32::MAX, f32::min);
        let max = |f: fn(&(f32, f32)) -> f32| corners.iter().map(f).fold(f32::MIN, f32::max);
        let x0 = clamp_u32(min(|p| p.0).floor(), 0, w);
        let x1 = clamp_u32(max(|p| p.0).ceil(), 0, w);
        let y0 = clamp_u32(min(|p| p.1).floor(), 0, h);
        let y1 = clamp_u32(max(|p| p.1).ceil(), 0, h);
        (y0..y1).flat_map(move |y| {
            (x0..x1).filter_map(move |x| {
                let (a, b) = self.local(f32_of(x) + 0.5, f32_of(y) + 0.5);
                let inside =
                    a >= -grow && a <= self.length + grow && b >= -grow && b <= self.height + grow;
                inside.then_some((x, y))
            })
        })
    }

    fn at(&self, a: f32, b: f32) -> (f32, f32) {
        (
            self.origin.0 + self.along.0 * a + self.down.0 * b,
            self.origin.1 + self.along.1 * a + self.down.1 * b,
        )
    }
}

/// The grey levels and slopes inside one line box.
struct LineStats {
    luma: [u32; 256],
    /// Slopes along the line and across it.
    along: Vec<u32>,
    across: Vec<u32>,
}

impl LineStats {
    /// The blur's standard deviation in image pixels, from the contrast
    /// between paper and ink and the steepest slopes, in the worse of the
    /// two directions; `None` when the line is too faint to tell.
    fn edge_width(&self) -> Option<f32> {
        let contrast =
            percentile(&self.luma, PAPER_PERCENTILE) - percentile(&self.luma, INK_PERCENTILE);
        if contrast < MIN_EDGE_CONTRAST {
            return None;
        }
        let width = |hist: &[u32]| {
            let slope = percentile(hist, EDGE_PERCENTILE) / SLOPE_BINS_PER_LEVEL;
            contrast / ((2.0 * std::f32::consts::PI).sqrt() * slope.max(0.25))
        };
        Some(width(&self.along).max(width(&self.across)))
    }
}

fn line_stats(smooth: &GrayImage, b: &Quad) -> LineStats {
    let (w, h) = smooth.dimensions();
    let mut stats = LineStats {
        luma: [0u32; 256],
        along: vec![0u32; SLOPE_BINS],
        across: vec![0u32; SLOPE_BINS],
    };
    let top = u32::try_from(SLOPE_BINS - 1).unwrap_or(0);
    let add = |hist: &mut Vec<u32>, g: f32| {
        let bin = usize_of(clamp_u32(g.abs() * SLOPE_BINS_PER_LEVEL, 0, top));
        if let Some(n) = hist.get_mut(bin) {
            *n += 1;
        }
    };
    for (x, y) in b.pixels(0.0, w, h) {
        let Some(v) = smooth.get_pixel_checked(x, y) else {
            continue;
        };
        if let Some(n) = stats.luma.get_mut(usize::from(v.0[0])) {
            *n += 1;
        }
        if let Some((gx, gy)) = gradient(smooth, x, y) {
            add(&mut stats.along, gx * b.along.0 + gy * b.along.1);
            add(&mut stats.across, gx * b.down.0 + gy * b.down.1);
        }
    }
    stats
}

/// Slope (grey levels per pixel, across and down) at an inner pixel, by
/// central differences.
fn gradient(img: &GrayImage, x: u32, y: u32) -> Option<(f32, f32)> {
    if x == 0 || y == 0 {
        return None;
    }
    let at = |xx: u32, yy: u32| img.get_pixel_checked(xx, yy).map(|p| f32::from(p.0[0]));
    let gx = (at(x + 1, y)? - at(x - 1, y)?) / 2.0;
    let gy = (at(x, y + 1)? - at(x, y - 1)?) / 2.0;
    Some((gx, gy))
}

/// Edge width over the whole picture, for a photo where no text was found:
/// the median over tiles with some contrast in them.
fn whole_edge_width(smooth: &GrayImage) -> Option<f32> {
    let (w, h) = smooth.dimensions();
    let mut widths = Vec::new();
    for ty in (0..h / TILE_PX).map(|i| i * TILE_PX) {
        for tx in (0..w / TILE_PX).map(|i| i * TILE_PX) {
            let tile = Quad {
                origin: (f32_of(tx), f32_of(ty)),
                along: (1.0, 0.0),
                down: (0.0, 1.0),
                length: f32_of(TILE_PX),
                height: f32_of(TILE_PX),
            };
            if let Some(width) = line_stats(smooth, &tile).edge_width() {
                widths.push(width);
            }
        }
    }
    median(&mut widths)
}

/// The median grey level on and near the text boxes, and the share of
/// clipped pixels there (each counted once).
fn glare_near(smooth: &GrayImage, boxes: &[Quad]) -> (Option<f32>, f32) {
    let (w, h) = smooth.dimensions();
    let mut seen = vec![false; usize_of(w) * usize_of(h)];
    let (mut near, mut clipped) = (0usize, 0usize);
    let mut hist = [0u32; 256];
    for b in boxes {
        for (x, y) in b.pixels(NEAR_TEXT_LINES * b.height, w, h) {
            let i = usize_of(y) * usize_of(w) + usize_of(x);
            if let Some(slot) = seen.get_mut(i)
                && !*slot
            {
                *slot = true;
                near += 1;
                let v = smooth.get_pixel_checked(x, y).map_or(0, |p| p.0[0]);
                clipped += usize::from(v >= CLIPPED_LUMA);
                if let Some(n) = hist.get_mut(usize::from(v)) {
                    *n += 1;
                }
            }
        }
    }
    if near == 0 {
        (None, 0.0)
    } else {
        (
            Some(percentile(&hist, 0.5)),
            f32_of_count(clipped) / f32_of_count(near),
        )
    }
}

/// Mean grey level, and the shares of nearly black and clipped pixels.
fn exposure(gray: &GrayImage) -> (f32, f32, f32) {
    let n = gray.as_raw().len();
    if n == 0 {
        return (0.0, 0.0, 0.0);
    }
    let (mut sum, mut dark, mut bright) = (0u64, 0usize, 0usize);
    for &v in gray.as_raw() {
        sum += u64::from(v);
        dark += usize::from(v < BLACK_LUMA);
        bright += usize::from(v >= CLIPPED_LUMA);
    }
    let total = f32_of_count(n);
    #[expect(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        reason = "a mean grey level, 0..=255: f32 holds it well enough"
    )]
    let mean = (sum as f64 / n as f64) as f32;
    (
        mean,
        f32_of_count(dark) / total,
        f32_of_count(bright) / total,
    )
}

/// The picture smoothed by a 3×3 binomial filter (edges copied), so that
/// single noisy pixels neither clip nor make steep slopes.
fn smoothed(gray: &GrayImage) -> GrayImage {
    let (w, h) = gray.dimensions();
    let (wu, hu) = (usize_of(w), usize_of(h));
    if wu == 0 || hu == 0 {
        return gray.clone();
    }
    // Rows first (sums up to 4 × 255), then columns.
    let mut rows = vec![0u16; wu * hu];
    for (src, out) in gray
        .as_raw()
        .chunks_exact(wu)
        .zip(rows.chunks_exact_mut(wu))
    {
        let at = |i: usize| u16::from(src.get(i).copied().unwrap_or(0));
        for (x, slot) in out.iter_mut().enumerate() {
            *slot = at(x.saturating_sub(1)) + 2 * at(x) + at((x + 1).min(wu - 1));
        }
    }
    let mut out = vec![0u8; wu * hu];
    for (y, row) in out.chunks_exact_mut(wu).enumerate() {
        let (up, down) = (y.saturating_sub(1), (y + 1).min(hu - 1));
        for (x, slot) in row.iter_mut().enumerate() {
            let at = |yy: usize| u32::from(rows.get(yy * wu + x).copied().unwrap_or(0));
            let sum = at(up) + 2 * at(y) + at(down);
            *slot = u8::try_from((sum + 8) / 16).unwrap_or(u8::MAX);
        }
    }
    GrayImage::from_raw(w, h, out).unwrap_or_else(|| gray.clone())
}

/// The value below which a share `q` of a histogram's counts lie (bins are
/// the values).
fn percentile(hist: &[u32], q: f32) -> f32 {
    let total: u64 = hist.iter().map(|&n| u64::from(n)).sum();
    if total == 0 {
        return 0.0;
    }
    #[expect(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a pixel count times a share in 0..=1, rounded up to a whole count"
    )]
    let target = ((total as f64) * f64::from(q.clamp(0.0, 1.0)))
        .ceil()
        .max(1.0) as u64;
    let mut seen = 0u64;
    for (i, &n) in hist.iter().enumerate() {
        seen += u64::from(n);
        if seen >= target {
            return f32_of_count(i);
        }
    }
    f32_of_count(hist.len().saturating_sub(1))
}

/// The median of `values` (reordered), `None` when empty.
fn median(values: &mut [f32]) -> Option<f32> {
    values.sort_by(f32::total_cmp);
    let n = values.len();
    if n == 0 {
        return None;
    }
    let hi = values.get(n / 2).copied()?;
    if n % 2 == 1 {
        Some(hi)
    } else {
        values.get(n / 2 - 1).map(|&lo| f32::midpoint(lo, hi))
    }
}

/// Key words that open the model field on a label, English and Italian
/// (and German and French, common on imported labels). Upper case.
const MODEL_KEYS: &[&str] = &[
    "MODEL", "MOD", "MODELLO", "MODELL", "MODELE", "TYPE", "TYP", "TIPO",
];
/// Around the model key, the crop reaches this many line heights across
/// (the value may sit on the line below or above) and along the line after
/// the key (the value follows it on the row).
const FIELD_MARGIN_LINES: f32 = 1.5;
const FIELD_REACH_LINES: f32 = 8.0;
/// Lines closer than this many line heights belong to one block of text.
const BLOCK_GAP_LINES: f32 = 1.5;

/// Where the model field should be, in photo pixels: around the first line
/// that holds a model key word ("Model:", "Tipo"), or else the largest
/// block of text; `None` when no text was found.
pub fn model_field(text: &PhotoText) -> Option<CropRect> {
    let quads: Vec<(usize, Quad)> = text
        .lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| Quad::new(l.quad).map(|q| (i, q)))
        .collect();
    let keyed = quads.iter().find(|(i, _)| {
        text.lines.get(*i).is_some_and(|l| {
            l.text
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| MODEL_KEYS.contains(&w.to_uppercase().as_str()))
        })
    });
    let points: Vec<(f32, f32)> = if let Some((_, q)) = keyed {
        let reach = q.length.max(FIELD_REACH_LINES * q.height);
        let m = FIELD_MARGIN_LINES * q.height;
        vec![
            q.at(-m, -m),
            q.at(q.length + reach, -m),
            q.at(q.length + reach, q.height + m),
            q.at(-m, q.height + m),
        ]
    } else {
        let block = largest_block(&quads.iter().map(|(_, q)| *q).collect::<Vec<_>>());
        let m = block.iter().map(|q| q.height).fold(0.0, f32::max) / 2.0;
        block
            .iter()
            .flat_map(|q| {
                [
                    q.at(-m, -m),
                    q.at(q.length + m, -m),
                    q.at(q.length + m, q.height + m),
                    q.at(-m, q.height + m),
                ]
            })
            .collect()
    };
    bounding_rect(&points, text.width, text.height)
}

/// The block of lines (close to one another) covering the most area.
fn largest_block(quads: &[Quad]) -> Vec<Quad> {
    let n = quads.len();
    let mut group: Vec<usize> = (0..n).collect();
    // Few lines (at most a hundred or so): pairwise is fine.
    for i in 0..n {
        for j in (i + 1)..n {
            let (Some(a), Some(b)) = (quads.get(i), quads.get(j)) else {
                continue;
            };
            if close(a, b) {
                let (gi, gj) = (
                    group.get(i).copied().unwrap_or(i),
                    group.get(j).copied().unwrap_or(j),
                );
                for g in &mut group {
                    if *g == gj {
                        *g = gi;
                    }
                }
            }
        }
    }
    let area_of = |g: usize| -> f32 {
        quads
            .iter()
            .zip(&group)
            .filter(|(_, gg)| **gg == g)
            .map(|(q, _)| q.length * q.height)
            .sum()
    };
    let Some(best) = group
        .iter()
        .copied()
        .max_by(|&a, &b| area_of(a).total_cmp(&area_of(b)))
    else {
        return Vec::new();
    };
    quads
        .iter()
        .zip(&group)
        .filter(|(_, g)| **g == best)
        .map(|(q, _)| *q)
        .collect()
}

/// Two boxes closer than [`BLOCK_GAP_LINES`] (of the taller) at their
/// upright bounding rectangles.
fn close(a: &Quad, b: &Quad) -> bool {
    let gap = BLOCK_GAP_LINES * a.height.max(b.height);
    let bounds = |q: &Quad| {
        let c = [
            q.at(0.0, 0.0),
            q.at(q.length, 0.0),
            q.at(q.length, q.height),
            q.at(0.0, q.height),
        ];
        let xs = c.map(|p| p.0);
        let ys = c.map(|p| p.1);
        (
            xs.iter().copied().fold(f32::MAX, f32::min),
            ys.iter().copied().fold(f32::MAX, f32::min),
            xs.iter().copied().fold(f32::MIN, f32::max),
            ys.iter().copied().fold(f32::MIN, f32::max),
        )
    };
    let (ax0, ay0, ax1, ay1) = bounds(a);
    let (bx0, by0, bx1, by1) = bounds(b);
    ax0 - gap <= bx1 && bx0 - gap <= ax1 && ay0 - gap <= by1 && by0 - gap <= ay1
}

/// The upright rectangle holding `points`, cut to the photo.
fn bounding_rect(points: &[(f32, f32)], width: u32, height: u32) -> Option<CropRect> {
    if points.is_empty() {
        return None;
    }
    let x0 = points.iter().map(|p| p.0).fold(f32::MAX, f32::min);
    let y0 = points.iter().map(|p| p.1).fold(f32::MAX, f32::min);
    let x1 = points.iter().map(|p| p.0).fold(f32::MIN, f32::max);
    let y1 = points.iter().map(|p| p.1).fold(f32::MIN, f32::max);
    let left = clamp_u32(x0.floor(), 0, width);
    let top = clamp_u32(y0.floor(), 0, height);
    let right = clamp_u32(x1.ceil(), left, width);
    let bottom = clamp_u32(y1.ceil(), top, height);
    (right > left && bottom > top).then_some(CropRect {
        x: left,
        y: top,
        width: right - left,
        height: bottom - top,
    })
}

#[cfg(test)]
mod tests {
    use image::Luma;

    use super::*;
    use crate::ocr::TextLine;

    const PAPER: u8 = 215;
    const INK: u8 = 35;

    /// A 640×480 "label" (larger for large print): rows of letter-like
    /// strokes `line_px` high, with
    /// the matching text lines (boxes a bit taller than the letters, as the
    /// detector gives them). The first line reads "Model: CMS8000".
    fn label(line_px: u32) -> (GrayImage, PhotoText) {
        let letter = line_px * 5 / 8;
        let stroke = (letter / 7).max(1);
        let pitch = letter * 3 / 4 + stroke;
        // Small print fits 640×480; large print gets a larger picture.
        let (width, height) = ((120 + pitch * 26).max(640), (120 + line_px * 6).max(480));
        let mut img = GrayImage::from_pixel(width, height, Luma([PAPER]));
        let mut lines = Vec::new();
        let mut top = 60;
        let mut row = 0;
        while top + line_px < height - 60 {
            let (x0, x1) = (60, 60 + pitch * (18 + (row % 3) * 4));
            let y0 = top + (line_px - letter) / 2;
            // Letters: two uprights and a bar across, like an "H", in turn
            // with an "E"-like shape, so edges run both ways.
            let mut x = x0;
            let mut shape = 0;
            while x + pitch <= x1 {
                let wid = pitch - stroke;
                for y in y0..y0 + letter {
                    for dx in 0..stroke {
                        img.put_pixel(x + dx, y, Luma([INK]));
                        if shape % 2 == 0 {
                            img.put_pixel(x + wid - stroke + dx, y, Luma([INK]));
                        }
                    }
                }
                for dx in 0..wid {
                    for dy in 0..stroke {
                        img.put_pixel(x + dx, y0 + letter / 2 + dy, Luma([INK]));
                        if shape % 2 == 1 {
                            img.put_pixel(x + dx, y0 + dy, Luma([INK]));
                            img.put_pixel(x + dx, y0 + letter - 1 - dy, Luma([INK]));
                        }
                    }
                }
                x += pitch;
                shape += 1;
            }
            let (left, right) = (f32_of(x0) - 2.0, f32_of(x) + 2.0);
            let (upper, lower) = (f32_of(top), f32_of(top + line_px));
            lines.push(TextLine {
                text: if row == 0 {
                    "Model: CMS8000"
                } else {
                    "SN 12345"
                }
                .to_owned(),
                confidence: 0.9,
                quad: [(left, upper), (right, upper), (right, lower), (left, lower)],
            });
            top += line_px * 2;
            row += 1;
        }
        let text = PhotoText {
            lines,
            barcodes: Vec::new(),
            width,
            height,
            quality: None,
        };
        (img, text)
    }

    fn kinds(q: &Quality) -> Vec<&'static str> {
        advice(q).into_iter().map(Advice::message_id).collect()
    }

    #[test]
    fn a_sharp_well_lit_label_needs_no_advice() {
        let (img, text) = label(32);
        let q = assess(&img, &text);
        assert!(kinds(&q).is_empty(), "{q:#?}");
        assert!(q.sharpness.is_some_and(|s| s > MIN_SHARPNESS), "{q:#?}");
        assert_eq!(q.line_height_px, Some(32.0));
        assert!(!q.cut_off && q.glare_over_text < 0.001, "{q:#?}");
    }

    #[test]
    fn blur_is_seen_relative_to_the_print() {
        let (img, text) = label(32);
        let sharp = assess(&img, &text).sharpness.unwrap();
        // A blur of a tenth of the line height: the strokes run together.
        let blurred = image::imageops::blur(&img, 3.2);
        let q = assess(&blurred, &text);
        assert_eq!(kinds(&q), ["coach-blurred"], "{q:#?}");
        assert!(q.sharpness.unwrap() < sharp / 2.0, "{sharp} {q:#?}");
        // The same blur on print four times larger is harmless.
        let (big, big_text) = label(128);
        let q = assess(&image::imageops::blur(&big, 3.2), &big_text);
        assert!(!kinds(&q).contains(&"coach-blurred"), "{q:#?}");
    }

    #[test]
    fn noise_alone_is_not_blur() {
        let (mut img, text) = label(32);
        // Deterministic noise of about 8 grey levels.
        let mut state = 12_345u32;
        for p in img.pixels_mut() {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let n = i32::try_from((state >> 16) % 29).unwrap() - 14;
            p.0[0] = u8::try_from((i32::from(p.0[0]) + n).clamp(0, 255)).unwrap();
        }
        let q = assess(&img, &text);
        assert!(kinds(&q).is_empty(), "{q:#?}");
    }

    #[test]
    fn a_dark_photo_asks_for_light_and_a_faded_one_for_less() {
        let (img, text) = label(32);
        let dark = GrayImage::from_fn(img.width(), img.height(), |x, y| {
            Luma([img.get_pixel(x, y).0[0] / 6])
        });
        let q = assess(&dark, &text);
        assert_eq!(kinds(&q), ["coach-too-dark"], "{q:#?}");
        assert!(q.dark_fraction > 0.9, "{q:#?}");
        let faded = GrayImage::from_fn(img.width(), img.height(), |x, y| {
            Luma([175 + img.get_pixel(x, y).0[0] / 4])
        });
        let q = assess(&faded, &text);
        assert!(kinds(&q).contains(&"coach-too-bright"), "{q:#?}");
        assert!(!kinds(&q).contains(&"coach-too-dark"), "{q:#?}");
    }

    #[test]
    fn a_clipped_patch_over_the_text_is_glare_but_not_elsewhere() {
        let (img, text) = label(32);
        let mut glare = img.clone();
        for y in 70..200 {
            for x in 100..260 {
                glare.put_pixel(x, y, Luma([255]));
            }
        }
        let q = assess(&glare, &text);
        assert_eq!(kinds(&q), ["coach-glare"], "{q:#?}");
        // The same patch far from the text, in the empty margin.
        let mut aside = img.clone();
        for y in 400..480 {
            for x in 500..640 {
                aside.put_pixel(x, y, Luma([255]));
            }
        }
        let q = assess(&aside, &text);
        assert!(kinds(&q).is_empty(), "{q:#?}");
    }

    #[test]
    fn tiny_print_asks_to_move_closer() {
        let (img, text) = label(10);
        let q = assess(&img, &text);
        assert!(kinds(&q).contains(&"coach-text-too-small"), "{q:#?}");
        // A large photo is shrunk by the reader: 20-pixel lines in a
        // 4096-pixel photo are 10 pixels to it.
        let (_, mut big) = label(20);
        big.width = 4096;
        big.height = 3072;
        let q = assess(&img, &big);
        assert_eq!(q.reader_line_height_px, Some(10.0));
        assert!(kinds(&q).contains(&"coach-text-too-small"), "{q:#?}");
    }

    #[test]
    fn text_running_into_the_frame_is_cut_off() {
        let (img, mut text) = label(32);
        let q = assess(&img, &text);
        assert!(!q.cut_off);
        let line = text.lines.get_mut(1).unwrap();
        line.quad[1].0 = 640.0;
        line.quad[2].0 = 640.0;
        let q = assess(&img, &text);
        assert!(q.cut_off && q.lines_at_edge == 1, "{q:#?}");
        assert_eq!(kinds(&q), ["coach-cut-off"]);
    }

    #[test]
    fn the_model_field_crop_surrounds_the_model_key() {
        let (_, text) = label(32);
        let field = model_field(&text).unwrap();
        let first = text.lines.first().unwrap();
        // Holds the key's line, and the line below where a value may sit.
        for (x, y) in first.quad {
            assert!(
                f32_of(field.x) <= x
                    && x <= f32_of(field.x + field.width)
                    && f32_of(field.y) <= y
                    && y <= f32_of(field.y + field.height),
                "{field:?} {first:?}"
            );
        }
        assert!(field.y + field.height < 240, "{field:?}");
        // Without a key word: the largest block of text.
        let (_, mut plain) = label(32);
        for l in &mut plain.lines {
            l.text = "SN 12345".to_owned();
        }
        let block = model_field(&plain).unwrap();
        assert!(block.height > 300, "{block:?}");
        // Scaled for a preview half the size.
        let half = field.scaled(0.5, 320, 240);
        assert_eq!(half.x, field.x / 2);
        assert!(half.x + half.width <= 320);
    }

    #[test]
    fn advice_is_ordered_by_severity_and_nothing_read_is_measured() {
        let q = Quality {
            sharpness: Some(MIN_SHARPNESS / 3.0),
            edge_width_px: Some(5.0),
            near_text_luma: Some(70.0),
            mean_luma: 80.0,
            dark_fraction: 0.2,
            bright_fraction: 0.0,
            paper_luma: Some(DARK_PAPER_LUMA * 0.9),
            ink_luma: Some(20.0),
            glare_over_text: 0.0,
            line_height_px: Some(20.0),
            reader_line_height_px: Some(20.0),
            lines_at_edge: 1,
            cut_off: true,
            model_field: None,
        };
        assert_eq!(
            kinds(&q),
            ["coach-blurred", "coach-too-dark", "coach-cut-off"]
        );
        // No text found in a smeared photo: judged on its edges alone.
        let (_, mut text) = label(32);
        text.lines.clear();
        let squares = GrayImage::from_fn(640, 480, |x, y| {
            Luma([if (x / 40 + y / 40) % 2 == 0 { 40 } else { 210 }])
        });
        let q = assess(&image::imageops::blur(&squares, 6.0), &text);
        assert_eq!(kinds(&q), ["coach-blurred"], "{q:#?}");
        let q = assess(&squares, &text);
        assert!(kinds(&q).is_empty(), "{q:#?}");
        assert_eq!(q.model_field, None);
    }
}
