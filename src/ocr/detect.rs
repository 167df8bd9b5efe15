//! Text detection: the DB ("differentiable binarisation") model gives a
//! per-pixel text probability; connected regions above a threshold become
//! line boxes (minimum-area rectangles, grown back to full text height).

use image::GrayImage;
use image::imageops::FilterType;
use rten::Model;
use rten_imageproc::{PointF, RetrievalMode, find_contours, min_area_rect};
use rten_tensor::NdTensor;
use rten_tensor::prelude::*;

use super::OcrError;
use super::geometry::{LineBox, clamp_u32, f32_of, f32_of_count, usize_of};

/// Pixels above this probability count as text.
const PIXEL_THRESHOLD: f32 = 0.3;
/// Regions whose mean probability is below this are dropped as noise.
const BOX_THRESHOLD: f32 = 0.55;
/// How far the shrunk DB regions are grown back (`PaddleOCR`'s `unclip_ratio`).
const UNCLIP_RATIO: f32 = 1.7;
/// Regions thinner than this (in detector pixels) are specks, not text.
const MIN_THICKNESS_PX: f32 = 3.0;
/// More regions than this means we are looking at texture, not a label.
const MAX_REGIONS: usize = 400;
/// `ImageNet` statistics, as `PaddleOCR` normalises detector input.
const MEAN: [f32; 3] = [0.485, 0.456, 0.406];
const STD: [f32; 3] = [0.229, 0.224, 0.225];

/// A detected line and how sure the detector is of it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Detected {
    /// The line, in work-image pixels; `dir` follows the long side.
    pub line: LineBox,
    /// Mean text probability inside the region.
    pub score: f32,
}

/// Runs the detector on `gray` resized so its long side is about
/// `long_side` pixels (rounded to multiples of 32, as the model needs).
pub(crate) fn detect(
    model: &Model,
    gray: &GrayImage,
    long_side: u32,
) -> Result<Vec<Detected>, OcrError> {
    let (w, h) = gray.dimensions();
    if w == 0 || h == 0 {
        return Ok(Vec::new());
    }
    let factor = f32_of(long_side) / f32_of(w.max(h));
    let det_w = round32(f32_of(w) * factor);
    let det_h = round32(f32_of(h) * factor);
    let resized = image::imageops::resize(gray, det_w, det_h, FilterType::Triangle);
    let plane = usize_of(det_w) * usize_of(det_h);
    let mut data = Vec::with_capacity(plane * 3);
    for (mean, std) in MEAN.into_iter().zip(STD) {
        data.extend(
            resized
                .as_raw()
                .iter()
                .map(|&v| (f32::from(v) / 255.0 - mean) / std),
        );
    }
    drop(resized);
    let input = NdTensor::from_data([1, 3, usize_of(det_h), usize_of(det_w)], data);
    let output = model.run_one(input.into(), None).map_err(OcrError::model)?;
    let probs: NdTensor<f32, 4> = output.try_into().map_err(OcrError::model)?;
    let [_, _, ph, pw] = probs.shape();
    let prob = probs.slice((0, 0));
    let scale_x = f32_of(w) / f32_of_count(pw);
    let scale_y = f32_of(h) / f32_of_count(ph);
    Ok(regions(&prob, scale_x, scale_y))
}

/// Rounds to a multiple of 32, at least 32.
fn round32(v: f32) -> u32 {
    let n = clamp_u32(v / 32.0, 1, 1024);
    n * 32
}

/// Turns a probability map into line boxes in work-image pixels.
fn regions(prob: &rten_tensor::NdTensorView<f32, 2>, scale_x: f32, scale_y: f32) -> Vec<Detected> {
    let [ph, pw] = prob.shape();
    let mask_data: Vec<bool> = prob.iter().map(|&p| p > PIXEL_THRESHOLD).collect();
    let mask = NdTensor::from_data([ph, pw], mask_data);
    let contours = find_contours(mask.view(), RetrievalMode::External);
    let mut out = Vec::new();
    for contour in contours.iter() {
        if out.len() >= MAX_REGIONS {
            break;
        }
        // Contours trace thin parts twice; repeated points make the
        // minimum-area rectangle collapse, so keep each point once.
        let mut points: Vec<PointF> = contour.iter().map(|p| p.to_f32()).collect();
        points.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        points.dedup();
        if points.len() < 3 {
            continue;
        }
        let Some(rect) = min_area_rect(&points) else {
            continue;
        };
        let (rw, rh) = (rect.width(), rect.height());
        if rw.min(rh) < MIN_THICKNESS_PX {
            continue;
        }
        let score = mean_inside(prob, &rect);
        if score < BOX_THRESHOLD {
            continue;
        }
        // Grow the shrunk kernel back to the text's full extent.
        let area = rw * rh;
        let perimeter = 2.0 * (rw + rh);
        let grow = area * UNCLIP_RATIO / perimeter.max(1.0);
        let grown = rect.expanded(2.0 * grow, 2.0 * grow);
        if let Some(line) = to_work_pixels(&grown, scale_x, scale_y) {
            out.push(Detected { line, score });
        }
    }
    out
}

/// Mean probability of the map inside a rotated rectangle.
fn mean_inside(
    prob: &rten_tensor::NdTensorView<f32, 2>,
    rect: &rten_imageproc::RotatedRect,
) -> f32 {
    let [ph, pw] = prob.shape();
    let corners = rect.corners();
    let min_x = corners.iter().map(|p| p.x).fold(f32::MAX, f32::min).floor();
    let max_x = corners.iter().map(|p| p.x).fold(f32::MIN, f32::max).ceil();
    let min_y = corners.iter().map(|p| p.y).fold(f32::MAX, f32::min).floor();
    let max_y = corners.iter().map(|p| p.y).fold(f32::MIN, f32::max).ceil();
    let hi_x = u32::try_from(pw.saturating_sub(1)).unwrap_or(u32::MAX);
    let hi_y = u32::try_from(ph.saturating_sub(1)).unwrap_or(u32::MAX);
    let (x0, x1) = (clamp_u32(min_x, 0, hi_x), clamp_u32(max_x, 0, hi_x));
    let (y0, y1) = (clamp_u32(min_y, 0, hi_y), clamp_u32(max_y, 0, hi_y));
    let mut sum = 0.0;
    let mut n = 0u32;
    for y in y0..=y1 {
        for x in x0..=x1 {
            let p = PointF::from_yx(f32_of(y), f32_of(x));
            if rect.contains(p)
                && let Some(&v) = prob.get([usize_of(y), usize_of(x)])
            {
                sum += v;
                n += 1;
            }
        }
    }
    if n == 0 { 0.0 } else { sum / f32_of(n) }
}

/// Maps a rectangle from detector pixels to work pixels (the two differ by a
/// slightly different factor per axis, from rounding to multiples of 32).
fn to_work_pixels(
    rect: &rten_imageproc::RotatedRect,
    scale_x: f32,
    scale_y: f32,
) -> Option<LineBox> {
    let corners = rect
        .corners()
        .map(|p| PointF::from_yx(p.y * scale_y, p.x * scale_x));
    let r = min_area_rect(&corners)?;
    let c = r.center();
    // `up_axis` is along the rectangle's height; the reading direction is
    // perpendicular to it. Make the long side the reading direction.
    let up = r.up_axis();
    let along = (-up.y, up.x);
    let line = LineBox {
        center: (c.x, c.y),
        dir: (along.0, along.1),
        length: r.width(),
        thickness: r.height(),
    };
    Some(if line.length >= line.thickness {
        line
    } else {
        line.turned()
    })
}
