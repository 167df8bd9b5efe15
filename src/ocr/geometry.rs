//! Oriented text-line boxes and sampling them into straight crops.
//!
//! A detected line is a rotated rectangle. Its long side is the reading
//! direction up to a half turn; which of the two ways is "up" is decided by
//! the reader (see `pipeline`), and [`LineBox::flipped`] gives the other one.

use image::GrayImage;

/// A text line as an oriented rectangle, in work-image pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LineBox {
    /// Centre of the rectangle.
    pub center: (f32, f32),
    /// Unit vector in the reading direction (left to right of the text).
    pub dir: (f32, f32),
    /// Extent along `dir`.
    pub length: f32,
    /// Extent across `dir` (the line height).
    pub thickness: f32,
}

impl LineBox {
    /// The same rectangle read the other way round (turned half a turn).
    pub fn flipped(self) -> Self {
        Self {
            dir: (-self.dir.0, -self.dir.1),
            ..self
        }
    }

    /// The same rectangle read along its other axis (turned a quarter turn).
    pub fn turned(self) -> Self {
        Self {
            dir: (-self.dir.1, self.dir.0),
            length: self.thickness,
            thickness: self.length,
            ..self
        }
    }

    /// Unit vector from the bottom of the text to its top, in image
    /// coordinates (y grows downwards).
    pub fn up(self) -> (f32, f32) {
        (self.dir.1, -self.dir.0)
    }

    /// Angle of the reading direction in degrees, in `[0, 360)`, with 0
    /// meaning left-to-right and 90 meaning top-to-bottom.
    pub fn angle_deg(self) -> f32 {
        self.dir.1.atan2(self.dir.0).to_degrees().rem_euclid(360.0)
    }

    /// Length over thickness.
    pub fn aspect(self) -> f32 {
        self.length / self.thickness.max(1e-3)
    }

    /// The box turned (by a multiple of a quarter turn) so that its reading
    /// direction is as close as possible to `target` (a unit vector).
    pub fn oriented_towards(self, target: (f32, f32)) -> Self {
        let candidates = [self, self.turned(), self.flipped(), self.turned().flipped()];
        let mut best = self;
        let mut best_dot = f32::MIN;
        for c in candidates {
            let dot = c.dir.0 * target.0 + c.dir.1 * target.1;
            if dot > best_dot {
                best_dot = dot;
                best = c;
            }
        }
        best
    }

    /// The corners, clockwise from the top-left of the text as read.
    pub fn corners(self) -> [(f32, f32); 4] {
        let (cx, cy) = self.center;
        let (dx, dy) = self.dir;
        let (ux, uy) = self.up();
        let hl = self.length / 2.0;
        let ht = self.thickness / 2.0;
        let at = |a: f32, b: f32| (cx + dx * a + ux * b, cy + dy * a + uy * b);
        [at(-hl, ht), at(hl, ht), at(hl, -ht), at(-hl, -ht)]
    }
}

/// Samples the box into a straight crop `out_h` pixels high, as wide as the
/// box's aspect ratio asks (clamped to `[min_w, max_w]`), text upright.
///
/// Each output pixel averages up to 3×3 bilinear samples when the crop is
/// much smaller than the box, so that thin strokes are not skipped.
pub(crate) fn sample_crop(
    gray: &GrayImage,
    line: LineBox,
    out_h: u32,
    min_w: u32,
    max_w: u32,
) -> (Vec<f32>, u32) {
    let height = f32_of(out_h);
    let out_w = clamp_u32((height * line.aspect()).round(), min_w, max_w);
    let step_l = line.length / f32_of(out_w);
    let step_t = line.thickness / height;
    let sub = clamp_u32(step_t.max(step_l).ceil(), 1, 3);
    let sub_f = f32_of(sub);
    let (dx, dy) = line.dir;
    // Down the text is the opposite of up.
    let (ux, uy) = line.up();
    let (down_x, down_y) = (-ux, -uy);
    let origin_x = line.center.0 - dx * line.length / 2.0 + ux * line.thickness / 2.0;
    let origin_y = line.center.1 - dy * line.length / 2.0 + uy * line.thickness / 2.0;
    let mut out = Vec::with_capacity(usize_of(out_w) * usize_of(out_h));
    for row in 0..out_h {
        for col in 0..out_w {
            let mut acc = 0.0;
            for sy in 0..sub {
                for sx in 0..sub {
                    let a = (f32_of(col) + (f32_of(sx) + 0.5) / sub_f) * step_l;
                    let b = (f32_of(row) + (f32_of(sy) + 0.5) / sub_f) * step_t;
                    let x = origin_x + dx * a + down_x * b;
                    let y = origin_y + dy * a + down_y * b;
                    acc += bilinear(gray, x, y);
                }
            }
            out.push(acc / (sub_f * sub_f));
        }
    }
    (out, out_w)
}

/// Grey level at a sub-pixel position; outside the picture the nearest edge
/// pixel is used so that crops running off the edge do not get black bars.
pub(crate) fn bilinear(gray: &GrayImage, x: f32, y: f32) -> f32 {
    let (w, h) = gray.dimensions();
    if w == 0 || h == 0 {
        return 0.0;
    }
    let max_x = f32_of(w - 1);
    let max_y = f32_of(h - 1);
    let x = (x - 0.5).clamp(0.0, max_x);
    let y = (y - 0.5).clamp(0.0, max_y);
    let x0 = x.floor();
    let y0 = y.floor();
    let fx = x - x0;
    let fy = y - y0;
    let xi = clamp_u32(x0, 0, w - 1);
    let yi = clamp_u32(y0, 0, h - 1);
    let xi1 = (xi + 1).min(w - 1);
    let yi1 = (yi + 1).min(h - 1);
    let px = |xx: u32, yy: u32| {
        gray.get_pixel_checked(xx, yy)
            .map_or(0.0, |p| f32::from(p.0[0]))
    };
    let top = px(xi, yi) * (1.0 - fx) + px(xi1, yi) * fx;
    let bottom = px(xi, yi1) * (1.0 - fx) + px(xi1, yi1) * fx;
    top * (1.0 - fy) + bottom * fy
}

/// A pixel size or coordinate as `f32`. Exact: our pictures are at most
/// 20 000 pixels a side, far below 2^24.
#[expect(clippy::cast_precision_loss, reason = "values are far below 2^24")]
pub(crate) fn f32_of(v: u32) -> f32 {
    v as f32
}

/// A small count (lines, symbols, bins) as `f32`.
#[expect(clippy::cast_precision_loss, reason = "counts are far below 2^24")]
pub(crate) fn f32_of_count(v: usize) -> f32 {
    v as f32
}

/// Rounds a float into `[lo, hi]` as a `u32`.
pub(crate) fn clamp_u32(v: f32, lo: u32, hi: u32) -> u32 {
    if v.is_nan() || v <= f32_of(lo) {
        return lo;
    }
    if v >= f32_of(hi) {
        return hi;
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "v is finite and within [lo, hi], both u32"
    )]
    let out = v.round() as u32;
    out
}

/// A `u32` as a `usize` (always fits on the platforms we build for).
pub(crate) fn usize_of(v: u32) -> usize {
    usize::try_from(v).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn horizontal() -> LineBox {
        LineBox {
            center: (50.0, 20.0),
            dir: (1.0, 0.0),
            length: 80.0,
            thickness: 10.0,
        }
    }

    #[test]
    fn corners_of_a_horizontal_box() {
        let c = horizontal().corners();
        assert_eq!(c[0], (10.0, 15.0));
        assert_eq!(c[1], (90.0, 15.0));
        assert_eq!(c[2], (90.0, 25.0));
        assert_eq!(c[3], (10.0, 25.0));
    }

    #[test]
    fn flipping_reverses_reading_order() {
        let c = horizontal().flipped().corners();
        // Top-left of upside-down text is the bottom-right of the picture.
        assert_eq!(c[0], (90.0, 25.0));
    }

    #[test]
    fn orienting_picks_the_closest_quarter_turn() {
        let b = horizontal().oriented_towards((0.0, 1.0));
        assert!((b.dir.1 - 1.0).abs() < 1e-6);
        assert!((b.length - 10.0).abs() < 1e-6);
        let b = horizontal().oriented_towards((-1.0, 0.1));
        assert!((b.dir.0 + 1.0).abs() < 1e-6);
        assert!((b.length - 80.0).abs() < 1e-6);
    }

    #[test]
    fn crop_of_an_upside_down_line_is_upright() {
        // Dark top half of a band: read flipped, the dark half must be at the bottom.
        let mut img = GrayImage::from_pixel(100, 40, image::Luma([255]));
        for y in 15..20 {
            for x in 10..90 {
                img.put_pixel(x, y, image::Luma([0]));
            }
        }
        let (crop, w) = sample_crop(&img, horizontal(), 10, 8, 1000);
        assert_eq!(w, 80);
        let top = crop[usize_of(w) + 40];
        let bottom = crop[usize_of(w) * 8 + 40];
        assert!(top < 60.0 && bottom > 200.0, "{top} {bottom}");
        let (crop, w) = sample_crop(&img, horizontal().flipped(), 10, 8, 1000);
        let top = crop[usize_of(w) + 40];
        let bottom = crop[usize_of(w) * 8 + 40];
        assert!(top > 200.0 && bottom < 60.0, "{top} {bottom}");
    }
}
