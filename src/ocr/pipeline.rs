//! From an upright grey picture to text lines: detection, which way is up,
//! recognition, retries; barcodes on a second thread meanwhile.
//!
//! Which way is up: the detector's boxes give each line's axis but not its
//! direction (a label photographed upside down has the same boxes). The
//! label's main axis is the most common box angle. Its longest lines are
//! read in the likelier direction (rightwards); unless that reading is
//! confident, they are read the other way too, and the better way wins for
//! the whole label. The winning reading of those lines is kept for the
//! pass, so they are not read again. Lines at another angle, and lines
//! read with low confidence, are also tried the other way round alone.
//!
//! Retries: a pass that finds no line that could name a model (letters and
//! digits in one token) is repeated on an enlarged crop of the text found
//! (small print, label far away) and with the picture turned a quarter (the
//! detector prefers horizontal text); the pass with the most model-like
//! lines wins. The check needs no catalogue, so it works for any label.

use std::time::{Duration, Instant};

use image::GrayImage;

use super::barcode::{self, Barcode};
use super::decode::{Decoded, shrink};
use super::detect::{self, Detected};
use super::geometry::{LineBox, clamp_u32, f32_of, f32_of_count};
use super::quality;
use super::recognize::{self, Recognised};
use super::{OcrError, PhotoText, Progress, Reader, StageTimes, TextLine};
use crate::model_line::looks_like_model_line;

/// Long side of the detector input for the whole picture, first pass and
/// quarter turn (small pictures are enlarged to it). `PaddleOCR` uses
/// 736–960; 640 has 24 % fewer pixels than 736, reads the dev corpus as
/// 736 did (60/60 right, no more retries) and took 12 % off the time per
/// photo (issue 13). Small print it misses is caught by the zoom retry,
/// which keeps [`ZOOM_DET_SIDE_PX`].
const DET_SIDE_PX: u32 = 640;
/// Long side of the detector input for the zoom retry: the retry runs only
/// when the first pass found no model line, so it can afford the larger
/// picture that small print needs.
const ZOOM_DET_SIDE_PX: u32 = 736;
/// Long side of the picture barcodes are looked for in.
const BARCODE_MAX_SIDE_PX: u32 = 1600;
/// Lines read both ways to decide which way is up. They are read whole
/// and the winning reading is kept for the pass: on the dev corpus the
/// forward reading was sure for 37 photos of 60, which then spend nothing
/// on the question (issue 13: 6 % off the time per photo, against reading
/// only the middle 7 line heights both ways and the whole lines again).
const ORIENTATION_SAMPLE: usize = 2;
/// Mean confidence of the forward reading above which it is not also read
/// the other way round.
const SURE_UPRIGHT: f32 = 0.93;
/// Below this confidence a line is also tried the other way round.
const LOW_CONFIDENCE: f32 = 0.75;
/// Lines thinner than this (work pixels) are too small to read.
const MIN_LINE_THICKNESS_PX: f32 = 6.0;
/// Most lines recognised per pass (largest first): a label has 10–40.
const MAX_LINES: usize = 80;
/// Lines at least this elongated have a trustworthy axis.
const ELONGATED: f32 = 2.0;
/// One- and two-symbol reads below this confidence are dropped (icons).
const MIN_SHORT_CONFIDENCE: f32 = 0.3;
/// Boxes on one row: heights within this ratio,
const ROW_MAX_HEIGHT_RATIO: f32 = 2.5;
/// centres offset across the row by less than this many (smaller) heights,
const ROW_MAX_OFFSET: f32 = 0.5;
/// and a gap along the row of less than this many (larger) heights.
const ROW_MAX_GAP: f32 = 3.0;

/// The lines read in one pass.
#[derive(Debug, Default)]
struct Pass {
    lines: Vec<(LineBox, Recognised)>,
    /// Main reading direction, degrees in `[0, 360)`.
    angle_deg: Option<f32>,
}

impl Pass {
    /// How promising the pass is: model-like lines first, then how much
    /// confident text it read.
    fn score(&self) -> (usize, f32) {
        let model_like = self
            .lines
            .iter()
            .filter(|(_, r)| r.confidence >= 0.5 && looks_like_model_line(&r.text))
            .count();
        let mass = self
            .lines
            .iter()
            .map(|(_, r)| r.confidence * f32_of_count(r.text.chars().count().min(20)))
            .sum();
        (model_like, mass)
    }
}

/// Time spent recognising in one pass: the orientation samples, then the lines.
#[derive(Debug, Default)]
struct PassTimes {
    orient: Duration,
    recognize: Duration,
    lines: usize,
}

/// Reads `decoded`: text lines and barcodes; `times` gets the time of each
/// stage after decoding.
pub(crate) fn run(
    reader: &Reader,
    decoded: &Decoded,
    progress: &Progress,
    times: &mut StageTimes,
) -> Result<PhotoText, OcrError> {
    let gray = &decoded.gray;
    let scale = decoded.scale();
    std::thread::scope(|scope| {
        let start = Instant::now();
        let dets = detect::detect(&reader.det, gray, DET_SIDE_PX)?;
        times.detect = start.elapsed();
        progress.advance(0.35);
        progress.check()?;
        let angle = dominant_axis_deg(&dets);
        let text_region = region_of(&dets, gray);

        // Barcodes need the text angle only to level a tilted Code 128; they
        // run beside recognition, which leaves a core idle now and then.
        // The barcode decoder is a port of a large Java library; should it
        // panic on some odd picture, the photo is still read, without codes.
        let barcode_job = move || {
            let start = Instant::now();
            let codes = std::panic::catch_unwind(|| {
                let small = shrink(gray.clone(), BARCODE_MAX_SIDE_PX);
                let to_photo = f32_of(small.width()) / f32_of(gray.width().max(1)) * scale;
                barcode::read(&small, to_photo, angle)
            })
            .unwrap_or_default();
            (codes, start.elapsed())
        };
        let handle = std::thread::Builder::new()
            .name("ocr-barcodes".to_owned())
            .spawn_scoped(scope, barcode_job);
        // Without a thread (the system refused one), read them here.
        let (handle, inline_barcodes) = match handle {
            Ok(h) => (Some(h), None),
            Err(_) => (None, Some(barcode_job())),
        };

        let mut first = PassTimes::default();
        let mut best = read_lines(reader, gray, dets, angle, &mut first)?;
        times.orient = first.orient;
        times.recognize = first.recognize;
        times.recognize_lines = first.lines;
        progress.advance(0.7);
        if best.score().0 == 0 {
            let retries_start = Instant::now();
            let vertical = angle.is_some_and(|a| (a.rem_euclid(180.0) - 90.0).abs() < 45.0);
            let retries: [Retry; 2] = if vertical {
                [Retry::QuarterTurn, Retry::Zoom]
            } else {
                [Retry::Zoom, Retry::QuarterTurn]
            };
            for (i, retry) in retries.into_iter().enumerate() {
                progress.check()?;
                let dets = match retry {
                    Retry::Zoom => match text_region {
                        Some(region) => detect_zoomed(reader, gray, region)?,
                        None => continue,
                    },
                    Retry::QuarterTurn => detect_turned(reader, gray)?,
                };
                let angle = dominant_axis_deg(&dets);
                let pass = read_lines(reader, gray, dets, angle, &mut PassTimes::default())?;
                progress.advance(0.7 + 0.1 * (f32_of_count(i) + 1.0));
                if pass.score() > best.score() {
                    best = pass;
                }
                if best.score().0 > 0 {
                    break;
                }
            }
            times.retries = retries_start.elapsed();
        }
        progress.check()?;
        let wait = Instant::now();
        let (barcodes, barcode_time): (Vec<Barcode>, Duration) = match handle {
            Some(h) => h.join().unwrap_or_default(),
            None => inline_barcodes.unwrap_or_default(),
        };
        times.barcodes_wait = wait.elapsed();
        times.barcodes = barcode_time;
        let mut text = to_photo_text(best, barcodes, decoded);
        let start = Instant::now();
        text.quality = Some(quality::assess(gray, &text));
        times.quality = start.elapsed();
        progress.advance(1.0);
        Ok(text)
    })
}

#[derive(Debug, Clone, Copy)]
enum Retry {
    /// Detect again on the part of the picture where text was found,
    /// enlarged: a label far from the camera has small print.
    Zoom,
    /// Detect again on the picture turned a quarter.
    QuarterTurn,
}

/// A rectangle of the work picture: left, top, width, height.
type Region = (u32, u32, u32, u32);

/// Where the text is, with a margin; `None` when nothing was found or the
/// text already fills most of the picture (zooming would not enlarge it).
fn region_of(dets: &[Detected], gray: &GrayImage) -> Option<Region> {
    let (w, h) = gray.dimensions();
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for d in dets {
        for (x, y) in d.line.corners() {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
    }
    if dets.is_empty() {
        return None;
    }
    let margin = 0.1 * (x1 - x0).max(y1 - y0);
    let left = clamp_u32(x0 - margin, 0, w);
    let top = clamp_u32(y0 - margin, 0, h);
    let right = clamp_u32(x1 + margin, 0, w);
    let bottom = clamp_u32(y1 + margin, 0, h);
    let (rw, rh) = (right.saturating_sub(left), bottom.saturating_sub(top));
    // Worth it only when the region's long side is well below the picture's.
    let enlarges = f32_of(rw.max(rh)) < 0.7 * f32_of(w.max(h));
    (rw >= 32 && rh >= 32 && enlarges).then_some((left, top, rw, rh))
}

/// Detects on `region` of the picture, enlarged to the detector's size;
/// boxes come back in the coordinates of `gray`.
fn detect_zoomed(
    reader: &Reader,
    gray: &GrayImage,
    (left, top, w, h): Region,
) -> Result<Vec<Detected>, OcrError> {
    let crop = image::imageops::crop_imm(gray, left, top, w, h).to_image();
    let dets = detect::detect(&reader.det, &crop, ZOOM_DET_SIDE_PX)?;
    let (dx, dy) = (f32_of(left), f32_of(top));
    Ok(dets
        .into_iter()
        .map(|d| Detected {
            line: LineBox {
                center: (d.line.center.0 + dx, d.line.center.1 + dy),
                ..d.line
            },
            ..d
        })
        .collect())
}

/// Detects on the picture turned a quarter clockwise; boxes come back in
/// the coordinates of `gray`.
fn detect_turned(reader: &Reader, gray: &GrayImage) -> Result<Vec<Detected>, OcrError> {
    let turned = image::imageops::rotate90(gray);
    let h = f32_of(gray.height());
    let dets = detect::detect(&reader.det, &turned, DET_SIDE_PX)?;
    // rotate90 sends (x, y) to (h - y, x); undo it.
    Ok(dets
        .into_iter()
        .map(|d| {
            let (tx, ty) = d.line.center;
            let (dx, dy) = d.line.dir;
            Detected {
                line: LineBox {
                    center: (ty, h - tx),
                    dir: (dy, -dx),
                    ..d.line
                },
                ..d
            }
        })
        .collect())
}

/// The most common line axis, degrees in `[0, 180)`, from elongated boxes.
fn dominant_axis_deg(dets: &[Detected]) -> Option<f32> {
    const BINS: usize = 36;
    let mut hist = [0.0f32; BINS];
    let axes: Vec<(f32, f32)> = dets
        .iter()
        .filter(|d| d.line.aspect() >= ELONGATED)
        .map(|d| {
            (
                d.line.angle_deg().rem_euclid(180.0),
                d.line.length * d.score,
            )
        })
        .collect();
    if axes.is_empty() {
        return None;
    }
    for &(a, w) in &axes {
        let bin = bin_of(a, BINS);
        if let Some(h) = hist.get_mut(bin) {
            *h += w;
        }
    }
    let smoothed = |i: usize| {
        let at = |j: usize| hist.get(j % BINS).copied().unwrap_or(0.0);
        at(i + BINS - 1) + 2.0 * at(i) + at(i + 1)
    };
    let mode = (0..BINS).max_by(|&a, &b| smoothed(a).total_cmp(&smoothed(b)))?;
    let mode_deg = (f32_of_count(mode) + 0.5) * 180.0 / f32_of_count(BINS);
    // Mean of the doubled angles near the mode (axes wrap at 180°).
    let (mut sx, mut sy) = (0.0f32, 0.0f32);
    for &(a, w) in &axes {
        let diff = (a - mode_deg + 90.0).rem_euclid(180.0) - 90.0;
        if diff.abs() <= 12.0 {
            let r = (2.0 * a).to_radians();
            sx += w * r.cos();
            sy += w * r.sin();
        }
    }
    Some((sy.atan2(sx).to_degrees() / 2.0).rem_euclid(180.0))
}

fn bin_of(angle_deg: f32, bins: usize) -> usize {
    let b = (angle_deg / 180.0 * f32_of_count(bins)).floor();
    if b.is_nan() || b < 0.0 {
        0
    } else {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "b is a non-negative whole number below a small bin count"
        )]
        let i = b as usize;
        i.min(bins - 1)
    }
}

/// Smallest angle between two axes (undirected), degrees.
fn axis_difference(a: f32, b: f32) -> f32 {
    ((a - b + 90.0).rem_euclid(180.0) - 90.0).abs()
}

/// Orients every box, reads it, and fixes lines read upside down; `times`
/// gets the time spent recognising.
fn read_lines(
    reader: &Reader,
    gray: &GrayImage,
    mut dets: Vec<Detected>,
    axis_deg: Option<f32>,
    times: &mut PassTimes,
) -> Result<Pass, OcrError> {
    dets.retain(|d| d.line.thickness.min(d.line.length) >= MIN_LINE_THICKNESS_PX);
    if dets.len() > MAX_LINES {
        dets.sort_by(|a, b| {
            (b.line.length * b.line.thickness).total_cmp(&(a.line.length * a.line.thickness))
        });
        dets.truncate(MAX_LINES);
    }
    if dets.is_empty() {
        return Ok(Pass::default());
    }
    let axis = axis_deg.unwrap_or(0.0);
    // Of the two ways along the axis, first try the one reading rightwards
    // (downwards for a vertical axis): most labels are photographed roughly
    // upright.
    let forward_deg = if axis > 90.0 { axis + 180.0 } else { axis };
    let forward = unit(forward_deg);
    let orient = |line: LineBox, towards: (f32, f32)| {
        if line.aspect() >= ELONGATED {
            // Keep the long side; pick its direction closer to `towards`.
            if line.dir.0 * towards.0 + line.dir.1 * towards.1 >= 0.0 {
                line
            } else {
                line.flipped()
            }
        } else {
            line.oriented_towards(towards)
        }
    };

    // Which way along the axis? Ask the longest on-axis lines.
    let mut sample: Vec<usize> = (0..dets.len())
        .filter(|&i| {
            dets.get(i).is_some_and(|d| {
                d.line.aspect() >= 2.5 && axis_difference(d.line.angle_deg(), axis) <= 15.0
            })
        })
        .collect();
    sample.sort_by(|&a, &b| {
        let len = |i: usize| dets.get(i).map_or(0.0, |d| d.line.length);
        len(b).total_cmp(&len(a))
    });
    sample.truncate(ORIENTATION_SAMPLE);
    // Whole lines, as the pass reads them: the winning way's reading is kept.
    let sample_boxes: Vec<LineBox> = sample
        .iter()
        .filter_map(|&i| dets.get(i))
        .map(|d| orient(d.line, forward))
        .collect();
    let start = Instant::now();
    let (upside_down, sample_boxes, sample_reads) = read_sample(reader, gray, sample_boxes)?;
    times.orient = start.elapsed();
    let (towards, angle_deg) = if upside_down {
        (
            (-forward.0, -forward.1),
            (forward_deg + 180.0).rem_euclid(360.0),
        )
    } else {
        (forward, forward_deg)
    };

    // The other lines; then all of them back in the detector's order.
    let rest: Vec<usize> = (0..dets.len()).filter(|i| !sample.contains(i)).collect();
    let boxes: Vec<LineBox> = rest
        .iter()
        .filter_map(|&i| dets.get(i))
        .map(|d| orient(d.line, towards))
        .collect();
    let start = Instant::now();
    let reads = recognize::recognise(&reader.rec, &reader.alphabet, gray, &boxes)?;
    let mut slots: Vec<Option<(LineBox, Recognised)>> = vec![None; dets.len()];
    let read = sample
        .iter()
        .zip(sample_boxes.into_iter().zip(sample_reads));
    for (&i, line) in read.chain(rest.iter().zip(boxes.into_iter().zip(reads))) {
        if let Some(slot) = slots.get_mut(i) {
            *slot = Some(line);
        }
    }
    let mut lines: Vec<(LineBox, Recognised)> = slots.into_iter().flatten().collect();

    // Doubtful lines, and lines off the main axis: try the other way round.
    let retry: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            lines.get(i).is_some_and(|(b, r)| {
                r.confidence < LOW_CONFIDENCE || axis_difference(b.angle_deg(), axis) > 30.0
            })
        })
        .collect();
    let retry_boxes: Vec<LineBox> = retry
        .iter()
        .filter_map(|&i| lines.get(i).map(|(b, _)| b.flipped()))
        .collect();
    let reads = recognize::recognise(&reader.rec, &reader.alphabet, gray, &retry_boxes)?;
    times.recognize = start.elapsed();
    times.lines = lines.len() + retry_boxes.len();
    for ((&i, b), r) in retry.iter().zip(retry_boxes).zip(reads) {
        if let Some(slot) = lines.get_mut(i)
            && r.confidence > slot.1.confidence + 0.05
        {
            *slot = (b, r);
        }
    }
    // Icons and specks come out as one or two symbols read with little
    // confidence; they are noise to every caller.
    lines.retain(|(_, r)| {
        let n = r.text.chars().count();
        n > 2 || (n > 0 && r.confidence >= MIN_SHORT_CONFIDENCE)
    });
    Ok(Pass {
        lines: merge_rows(lines, towards),
        angle_deg: Some(angle_deg),
    })
}

/// Reads the sample lines, turned the likelier way, to tell which way is
/// up: whether the label is upside down, and the sample lines as the
/// winning way read them (each is elongated, so flipped it is the box
/// `orient` gives it for the other way).
fn read_sample(
    reader: &Reader,
    gray: &GrayImage,
    forward: Vec<LineBox>,
) -> Result<(bool, Vec<LineBox>, Vec<Recognised>), OcrError> {
    let read_forward = recognize::recognise(&reader.rec, &reader.alphabet, gray, &forward)?;
    let total = |rs: &[Recognised]| rs.iter().map(|r| r.confidence).sum::<f32>();
    // Text read upside down comes out as low-confidence garbage, so a
    // confident forward reading settles it; otherwise compare both ways.
    let sure = total(&read_forward) >= SURE_UPRIGHT * f32_of_count(read_forward.len());
    if read_forward.is_empty() || sure {
        return Ok((false, forward, read_forward));
    }
    let flipped: Vec<LineBox> = forward.iter().map(|b| b.flipped()).collect();
    let read_flipped = recognize::recognise(&reader.rec, &reader.alphabet, gray, &flipped)?;
    Ok(if total(&read_flipped) > total(&read_forward) {
        (true, flipped, read_flipped)
    } else {
        (false, forward, read_forward)
    })
}

/// Root of `i` in a union-find forest, halving paths on the way.
fn union_root(parent: &mut [usize], mut i: usize) -> usize {
    while let Some(&p) = parent.get(i) {
        if p == i {
            break;
        }
        let grand = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(i) {
            *slot = grand;
        }
        i = p;
    }
    i
}

/// Joins boxes that sit on one row of the label ("MODEL" | "CMS 8000" in
/// two table cells) into one line, so a key and its value stay together.
fn merge_rows(lines: Vec<(LineBox, Recognised)>, dir: (f32, f32)) -> Vec<(LineBox, Recognised)> {
    let down = (-dir.1, dir.0);
    let along = |b: &LineBox| b.center.0 * dir.0 + b.center.1 * dir.1;
    let across = |b: &LineBox| b.center.0 * down.0 + b.center.1 * down.1;
    let on_axis = |b: &LineBox| b.dir.0 * dir.0 + b.dir.1 * dir.1 > 0.98;
    let same_row = |a: &LineBox, b: &LineBox| {
        let (t_min, t_max) = (a.thickness.min(b.thickness), a.thickness.max(b.thickness));
        let gap = (along(a) - along(b)).abs() - f32::midpoint(a.length, b.length);
        on_axis(a)
            && on_axis(b)
            && t_max < ROW_MAX_HEIGHT_RATIO * t_min
            && (across(a) - across(b)).abs() < ROW_MAX_OFFSET * t_min
            && gap < ROW_MAX_GAP * t_max
    };
    // Union-find over the pairs that share a row.
    let mut parent: Vec<usize> = (0..lines.len()).collect();
    for (i, (a, _)) in lines.iter().enumerate() {
        for (j, (b, _)) in lines.iter().enumerate().skip(i + 1) {
            if same_row(a, b) {
                let (ri, rj) = (union_root(&mut parent, i), union_root(&mut parent, j));
                if let Some(slot) = parent.get_mut(rj) {
                    *slot = ri;
                }
            }
        }
    }
    let mut groups: Vec<Vec<(LineBox, Recognised)>> = Vec::new();
    let mut group_of: Vec<Option<usize>> = vec![None; lines.len()];
    for (i, line) in lines.into_iter().enumerate() {
        let r = union_root(&mut parent, i);
        let g = if let Some(g) = group_of.get(r).copied().flatten() {
            g
        } else {
            groups.push(Vec::new());
            let g = groups.len() - 1;
            if let Some(slot) = group_of.get_mut(r) {
                *slot = Some(g);
            }
            g
        };
        if let Some(group) = groups.get_mut(g) {
            group.push(line);
        }
    }
    groups
        .into_iter()
        .filter_map(|mut group| {
            if group.len() == 1 {
                return group.pop();
            }
            group.sort_by(|(a, _), (b, _)| along(a).total_cmp(&along(b)));
            Some(join(&group, dir))
        })
        .collect()
}

/// One line made of `parts`, their texts in the order given: the box that
/// holds them all, confidence weighted by characters.
fn join(parts: &[(LineBox, Recognised)], dir: (f32, f32)) -> (LineBox, Recognised) {
    let down = (-dir.1, dir.0);
    let along = |b: &LineBox| b.center.0 * dir.0 + b.center.1 * dir.1;
    let across = |b: &LineBox| b.center.0 * down.0 + b.center.1 * down.1;
    let (mut u0, mut u1, mut v0, mut v1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
    for (b, _) in parts {
        u0 = u0.min(along(b) - b.length / 2.0);
        u1 = u1.max(along(b) + b.length / 2.0);
        v0 = v0.min(across(b) - b.thickness / 2.0);
        v1 = v1.max(across(b) + b.thickness / 2.0);
    }
    let (um, vm) = (f32::midpoint(u0, u1), f32::midpoint(v0, v1));
    let line = LineBox {
        center: (dir.0 * um + down.0 * vm, dir.1 * um + down.1 * vm),
        dir,
        length: u1 - u0,
        thickness: v1 - v0,
    };
    let chars: f32 = parts
        .iter()
        .map(|(_, r)| f32_of_count(r.text.chars().count()))
        .sum();
    let confidence = parts
        .iter()
        .map(|(_, r)| r.confidence * f32_of_count(r.text.chars().count()))
        .sum::<f32>()
        / chars.max(1.0);
    let text = parts
        .iter()
        .map(|(_, r)| r.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    (line, Recognised { text, confidence })
}

/// Words a label prints as the key of a field: model, type, catalogue
/// number (REF), serial and lot, in English and Italian. Upper case.
const FIELD_KEYS: &[&str] = &[
    "MODEL",
    "MOD",
    "MODELLO",
    "MODELL",
    "TYPE",
    "TYP",
    "TIPO",
    "REF",
    "CAT",
    "ART",
    "CODE",
    "COD",
    "CODICE",
    "SN",
    "S",
    "SERIAL",
    "SER",
    "MATRICOLA",
    "LOT",
    "LOTTO",
];

/// The words of a line, upper case, split at spaces and key punctuation.
fn key_words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | '#' | '/'))
        .filter(|w| !w.is_empty())
        .map(str::to_uppercase)
        .collect()
}

/// A line that is only a key ("REF", "Model No.:", "S/N"), no value.
fn is_lone_key(text: &str) -> bool {
    let words = key_words(text);
    let Some(first) = words.first() else {
        return false;
    };
    // A lone `S` is a speck or an icon read as a letter, unless `S/N`.
    let s_alone = first == "S" && words.get(1).is_none_or(|w| w != "N");
    words.len() <= 3
        && !s_alone
        && FIELD_KEYS.contains(&first.as_str())
        && words.iter().all(|w| {
            FIELD_KEYS.contains(&w.as_str()) || matches!(w.as_str(), "NO" | "NR" | "N" | "NUMBER")
        })
}

/// A line that starts with a key of its own.
fn starts_with_key(text: &str) -> bool {
    key_words(text)
        .first()
        .is_some_and(|w| FIELD_KEYS.contains(&w.as_str()))
}

/// How far a key and its value may sit apart on one row, in line heights
/// (table cells), and across rows (a value above or below the key).
const KEY_ROW_MAX_GAP: f32 = 15.0;
const KEY_COLUMN_MAX_GAP: f32 = 1.2;

/// Joins each key printed alone ("REF", "MODEL") with its value, found by
/// position as a person reads a label: on the same row after the key, or
/// else the nearest line just below or above it that overlaps it along
/// the row (a key printed under its value, as a caption). The key comes
/// first in the joined text, so the matcher reads "REF CMS8000-01".
/// `dir` is the reading direction of the label.
fn pair_keys(lines: Vec<(LineBox, Recognised)>, dir: (f32, f32)) -> Vec<(LineBox, Recognised)> {
    let down = (-dir.1, dir.0);
    let along = |b: &LineBox| b.center.0 * dir.0 + b.center.1 * dir.1;
    let across = |b: &LineBox| b.center.0 * down.0 + b.center.1 * down.1;
    let n = lines.len();
    let mut value_of: Vec<Option<usize>> = vec![None; n];
    let mut taken = vec![false; n];
    for k in 0..n {
        let Some((kb, kr)) = lines.get(k) else {
            continue;
        };
        if !is_lone_key(&kr.text) {
            continue;
        }
        // (row first, distance in line heights, index)
        let mut best: Option<(bool, f32, usize)> = None;
        for (j, (vb, vr)) in lines.iter().enumerate() {
            if j == k
                || taken.get(j) == Some(&true)
                || value_of.get(j).is_some_and(Option::is_some)
                || starts_with_key(&vr.text)
            {
                continue;
            }
            let t_min = kb.thickness.min(vb.thickness).max(1.0);
            let t_max = kb.thickness.max(vb.thickness).max(1.0);
            let (ku0, ku1) = (along(kb) - kb.length / 2.0, along(kb) + kb.length / 2.0);
            let (vu0, vu1) = (along(vb) - vb.length / 2.0, along(vb) + vb.length / 2.0);
            let offset = (across(vb) - across(kb)).abs();
            let candidate = if offset < ROW_MAX_OFFSET * t_min {
                let gap = vu0 - ku1;
                (gap > -0.5 * t_min && gap < KEY_ROW_MAX_GAP * t_max).then_some((true, gap / t_max))
            } else {
                let gap = offset - f32::midpoint(kb.thickness, vb.thickness);
                let overlap = ku1.min(vu1) - ku0.max(vu0);
                // Below wins a near tie: a key over its value is the usual form.
                let below = across(vb) > across(kb);
                let bias = if below { 0.0 } else { 0.2 };
                (overlap > 0.0 && gap < KEY_COLUMN_MAX_GAP * t_max)
                    .then_some((false, gap / t_max + bias))
            };
            let Some((row, dist)) = candidate else {
                continue;
            };
            let better = best.is_none_or(|(brow, bdist, _)| (row, -dist) > (brow, -bdist));
            if better {
                best = Some((row, dist, j));
            }
        }
        if let Some((_, _, j)) = best {
            if let Some(slot) = value_of.get_mut(k) {
                *slot = Some(j);
            }
            if let Some(slot) = taken.get_mut(j) {
                *slot = true;
            }
        }
    }
    let mut slots: Vec<Option<(LineBox, Recognised)>> = lines.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        if taken.get(k) == Some(&true) {
            continue;
        }
        let Some(key) = slots.get_mut(k).and_then(Option::take) else {
            continue;
        };
        let value = value_of
            .get(k)
            .copied()
            .flatten()
            .and_then(|j| slots.get_mut(j).and_then(Option::take));
        match value {
            Some(value) => out.push(join(&[key, value], dir)),
            None => out.push(key),
        }
    }
    out
}

fn unit(deg: f32) -> (f32, f32) {
    let (s, c) = deg.to_radians().sin_cos();
    (c, s)
}

/// Lines in reading order, in photo pixels.
fn to_photo_text(pass: Pass, barcodes: Vec<Barcode>, decoded: &Decoded) -> PhotoText {
    let scale = decoded.scale().max(1e-6);
    let down = pass.angle_deg.map_or((0.0, 1.0), |a| {
        let (dx, dy) = unit(a);
        (-dy, dx)
    });
    let reading_dir = pass.angle_deg.map_or((1.0, 0.0), unit);
    let mut lines = pair_keys(pass.lines, reading_dir);
    // Top to bottom along the label's own "down", then along the line.
    lines.sort_by(|(a, _), (b, _)| {
        let key = |l: &LineBox| l.center.0 * down.0 + l.center.1 * down.1;
        key(a).total_cmp(&key(b))
    });
    let lines = lines
        .into_iter()
        .map(|(b, r)| TextLine {
            text: r.text,
            confidence: r.confidence,
            quad: b.corners().map(|(x, y)| (x / scale, y / scale)),
        })
        .collect();
    PhotoText {
        lines,
        barcodes,
        width: decoded.width,
        height: decoded.height,
        quality: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxed(text: &str, center: (f32, f32), length: f32, thickness: f32) -> (LineBox, Recognised) {
        (
            LineBox {
                center,
                dir: (1.0, 0.0),
                length,
                thickness,
            },
            Recognised {
                text: text.to_owned(),
                confidence: 0.9,
            },
        )
    }

    fn texts(lines: &[(LineBox, Recognised)]) -> Vec<&str> {
        let mut t: Vec<&str> = lines.iter().map(|(_, r)| r.text.as_str()).collect();
        t.sort_unstable();
        t
    }

    #[test]
    fn a_key_printed_under_its_value_is_joined_to_it() {
        let lines = vec![
            boxed("CMS8000-01", (120.0, 100.0), 200.0, 22.0),
            boxed("REF", (60.0, 128.0), 50.0, 14.0),
            boxed("INPUT 100-240V~ 50/60Hz", (170.0, 175.0), 300.0, 22.0),
        ];
        let out = pair_keys(lines, (1.0, 0.0));
        assert_eq!(texts(&out), ["INPUT 100-240V~ 50/60Hz", "REF CMS8000-01"]);
    }

    #[test]
    fn a_key_takes_the_value_on_its_row_then_the_nearer_of_below_and_above() {
        // A wide table: the value far to the right on the key's row.
        let row = vec![
            boxed("MODEL", (50.0, 100.0), 60.0, 20.0),
            boxed("CMS 6000", (400.0, 101.0), 100.0, 20.0),
            boxed("Patient Monitor", (60.0, 70.0), 120.0, 20.0),
        ];
        assert_eq!(
            texts(&pair_keys(row, (1.0, 0.0))),
            ["MODEL CMS 6000", "Patient Monitor"]
        );
        // A key over its value, a title further above.
        let column = vec![
            boxed("Patient Monitor", (100.0, 62.0), 200.0, 20.0),
            boxed("MODEL", (50.0, 100.0), 60.0, 16.0),
            boxed("CMS 6000", (70.0, 125.0), 100.0, 20.0),
        ];
        assert_eq!(
            texts(&pair_keys(column, (1.0, 0.0))),
            ["MODEL CMS 6000", "Patient Monitor"]
        );
    }

    #[test]
    fn a_line_with_its_own_key_or_far_away_is_no_value() {
        let lines = vec![
            boxed("S/N", (50.0, 100.0), 40.0, 20.0),
            boxed("LOT 2401", (60.0, 125.0), 80.0, 20.0),
            boxed("CMS8000", (400.0, 300.0), 100.0, 20.0),
        ];
        assert_eq!(
            texts(&pair_keys(lines, (1.0, 0.0))),
            ["CMS8000", "LOT 2401", "S/N"]
        );
    }

    #[test]
    fn dominant_axis_ignores_stray_boxes() {
        let mk = |deg: f32, length: f32| {
            let (s, c) = deg.to_radians().sin_cos();
            Detected {
                line: LineBox {
                    center: (0.0, 0.0),
                    dir: (c, s),
                    length,
                    thickness: 10.0,
                },
                score: 1.0,
            }
        };
        let dets = vec![
            mk(178.0, 200.0),
            mk(2.0, 200.0),
            mk(0.0, 150.0),
            mk(90.0, 100.0),
        ];
        let a = dominant_axis_deg(&dets).unwrap();
        assert!(axis_difference(a, 0.0) < 2.0, "{a}");
    }
}
