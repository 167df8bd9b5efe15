//! Where the model field should be on the photo (`model_field`), for the
//! close-up crop: around the line with a model key word, or else the
//! largest block of text.

use serde::Serialize;

use super::quad::Quad;
use crate::ocr::PhotoText;
use crate::ocr::geometry::{clamp_u32, f32_of};

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
