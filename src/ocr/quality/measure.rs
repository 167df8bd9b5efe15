//! The measures of one photo ([`Quality`], [`assess`]): sharpness, exposure,
//! glare, text size and text cut off, on and around the text boxes.

use image::GrayImage;
use serde::Serialize;

use super::field::{CropRect, model_field};
use super::quad::Quad;
use crate::ocr::PhotoText;
use crate::ocr::decode::WORK_MAX_SIDE_PX;
use crate::ocr::geometry::{clamp_u32, f32_of, f32_of_count, usize_of};

/// Lines fainter than this (grey levels between ink and paper) carry no
/// edge worth measuring: noise of a dim phone photo reaches about this far.
const MIN_EDGE_CONTRAST: f32 = 24.0;
/// Pixels at least this bright (after a 3×3 smoothing, which keeps clipped
/// areas with noise on them above it) are clipped: no print survives there.
pub(super) const CLIPPED_LUMA: u8 = 248;
/// Pixels darker than this count as black, for [`Quality::dark_fraction`].
const BLACK_LUMA: u8 = 40;
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
