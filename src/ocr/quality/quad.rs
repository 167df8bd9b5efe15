//! A text line's box, turned upright: where a point is along and down it,
//! and the pixels within it. Shared by the measures and the model field.

use crate::ocr::geometry::{clamp_u32, f32_of};

/// A text line's box in image pixels: top-left corner, reading direction,
/// direction down the text, length and height.
#[derive(Debug, Clone, Copy)]
pub(super) struct Quad {
    pub(super) origin: (f32, f32),
    pub(super) along: (f32, f32),
    pub(super) down: (f32, f32),
    pub(super) length: f32,
    pub(super) height: f32,
}

impl Quad {
    /// From corners clockwise from the top-left of the text.
    pub(super) fn new(q: [(f32, f32); 4]) -> Option<Self> {
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
    pub(super) fn local(&self, x: f32, y: f32) -> (f32, f32) {
        let (dx, dy) = (x - self.origin.0, y - self.origin.1);
        (
            dx * self.along.0 + dy * self.along.1,
            dx * self.down.0 + dy * self.down.1,
        )
    }

    /// The image pixels (centres) within `grow` of the box, each once.
    pub(super) fn pixels(
        &self,
        grow: f32,
        w: u32,
        h: u32,
    ) -> impl Iterator<Item = (u32, u32)> + '_ {
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

    pub(super) fn at(&self, a: f32, b: f32) -> (f32, f32) {
        (
            self.origin.0 + self.along.0 * a + self.down.0 * b,
            self.origin.1 + self.along.1 * a + self.down.1 * b,
        )
    }
}
