//! Barcodes on the label: GS1 `DataMatrix` (UDI), Code 128 (serials) and QR,
//! read with `rxing` from the same grey picture the OCR uses.
//!
//! `DataMatrix` and QR finders cope with any rotation. Code 128 is read along
//! pixel rows (and columns), so a tilted label is also tried turned level
//! by the text angle the detector found.

use std::collections::HashSet;

use image::GrayImage;
use rxing::common::HybridBinarizer;
use rxing::{
    BarcodeFormat, BinaryBitmap, DecodeHints, Luma8LuminanceSource, MultiFormatReader, Reader,
};

use super::geometry::{bilinear, clamp_u32, f32_of, usize_of};

/// A barcode found in the photo.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Barcode {
    /// The payload as decoded, unchanged: GS1 group separators (U+001D) are kept.
    pub text: String,
    /// Symbology: `DATA_MATRIX`, `CODE_128` or `QR_CODE`.
    pub format: String,
    /// Where it is, in upright full-resolution pixels (clockwise corners),
    /// when the decoder reported its position.
    pub quad: Option<[(f32, f32); 4]>,
}

/// Reads the barcodes in `gray`. `to_photo` turns `gray` pixels into photo
/// pixels; `text_angle_deg` is the reading direction of most text lines.
pub(crate) fn read(gray: &GrayImage, to_photo: f32, text_angle_deg: Option<f32>) -> Vec<Barcode> {
    let mut found = Vec::new();
    let identity = |x: f32, y: f32| (x, y);
    scan(
        gray,
        &[
            BarcodeFormat::DATA_MATRIX,
            BarcodeFormat::QR_CODE,
            BarcodeFormat::CODE_128,
        ],
        &identity,
        to_photo,
        &mut found,
    );
    let has_linear = found.iter().any(|b| b.format == "CODE_128");
    if !has_linear && let Some(angle) = text_angle_deg {
        // Off a quarter turn by more than a few degrees: level it and retry.
        let off = angle.rem_euclid(90.0);
        if off > 4.0 && off < 86.0 {
            let (level, back) = rotate(gray, -angle);
            scan(
                &level,
                &[BarcodeFormat::CODE_128],
                &back,
                to_photo,
                &mut found,
            );
        }
    }
    found
}

fn scan(
    gray: &GrayImage,
    formats: &[BarcodeFormat],
    back: &dyn Fn(f32, f32) -> (f32, f32),
    to_photo: f32,
    found: &mut Vec<Barcode>,
) {
    let (w, h) = gray.dimensions();
    let Ok(source) = Luma8LuminanceSource::new(gray.as_raw().clone(), w, h) else {
        return;
    };
    let mut bitmap = BinaryBitmap::new(HybridBinarizer::new(source));
    let mut reader = MultiFormatReader::default();
    for format in formats {
        let hints = DecodeHints {
            PossibleFormats: Some(HashSet::from([*format])),
            TryHarder: Some(true),
            ..DecodeHints::default()
        };
        let Ok(result) = reader.decode_with_hints(&mut bitmap, &hints) else {
            continue;
        };
        let text = result.getText().to_owned();
        let format = format!("{:?}", result.getBarcodeFormat());
        if found.iter().any(|b| b.text == text && b.format == format) {
            continue;
        }
        let points: Vec<(f32, f32)> = result
            .getPoints()
            .iter()
            .map(|p| {
                let (x, y) = back(p.x, p.y);
                (x / to_photo, y / to_photo)
            })
            .collect();
        found.push(Barcode {
            text,
            format,
            quad: quad_around(&points),
        });
    }
}

/// An axis-aligned quad around the points reported by the decoder (corners
/// for 2-D codes, the two ends of the scan line for Code 128), with a margin.
fn quad_around(points: &[(f32, f32)]) -> Option<[(f32, f32); 4]> {
    if points.is_empty() {
        return None;
    }
    let min_x = points.iter().map(|p| p.0).fold(f32::MAX, f32::min);
    let max_x = points.iter().map(|p| p.0).fold(f32::MIN, f32::max);
    let min_y = points.iter().map(|p| p.1).fold(f32::MAX, f32::min);
    let max_y = points.iter().map(|p| p.1).fold(f32::MIN, f32::max);
    // A scan line has no height: give it a tenth of its length.
    let pad = ((max_x - min_x).max(max_y - min_y) * 0.1).max(4.0);
    Some([
        (min_x - pad, min_y - pad),
        (max_x + pad, min_y - pad),
        (max_x + pad, max_y + pad),
        (min_x - pad, max_y + pad),
    ])
}

/// Turns `gray` by `deg` degrees (positive: clockwise on screen) onto a
/// canvas large enough to hold it; returns the picture and the map from
/// its pixels back to `gray` pixels.
fn rotate(gray: &GrayImage, deg: f32) -> (GrayImage, impl Fn(f32, f32) -> (f32, f32) + use<>) {
    let (w, h) = gray.dimensions();
    let (sin, cos) = deg.to_radians().sin_cos();
    let (wf, hf) = (f32_of(w), f32_of(h));
    let out_w = clamp_u32(wf * cos.abs() + hf * sin.abs(), 1, 20_000);
    let out_h = clamp_u32(wf * sin.abs() + hf * cos.abs(), 1, 20_000);
    let (cx, cy) = (wf / 2.0, hf / 2.0);
    let (ocx, ocy) = (f32_of(out_w) / 2.0, f32_of(out_h) / 2.0);
    // Output pixel → source pixel is the inverse rotation.
    let back = move |x: f32, y: f32| {
        let (dx, dy) = (x - ocx, y - ocy);
        (cx + dx * cos + dy * sin, cy - dx * sin + dy * cos)
    };
    let mut out = Vec::with_capacity(usize_of(out_w) * usize_of(out_h));
    for y in 0..out_h {
        for x in 0..out_w {
            let (sx, sy) = back(f32_of(x) + 0.5, f32_of(y) + 0.5);
            let v = if sx < 0.0 || sy < 0.0 || sx > wf || sy > hf {
                255.0
            } else {
                bilinear(gray, sx, sy)
            };
            out.push(u8::try_from(clamp_u32(v, 0, 255)).unwrap_or(u8::MAX));
        }
    }
    let image = GrayImage::from_raw(out_w, out_h, out).unwrap_or_else(|| GrayImage::new(1, 1));
    (image, back)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rxing::{MultiFormatWriter, Writer};

    /// Renders a code with rxing's writer into a grey page with a margin.
    fn render(format: BarcodeFormat, text: &str, w: i32, h: i32) -> GrayImage {
        let matrix = MultiFormatWriter
            .encode(text, &format, w, h)
            .expect("encodes");
        let (mw, mh) = (matrix.width(), matrix.height());
        let margin = 40;
        let mut img = GrayImage::from_pixel(mw + 2 * margin, mh + 2 * margin, image::Luma([235]));
        for y in 0..mh {
            for x in 0..mw {
                if matrix.get(x, y) {
                    img.put_pixel(x + margin, y + margin, image::Luma([20]));
                }
            }
        }
        img
    }

    #[test]
    fn reads_a_gs1_datamatrix_keeping_separators() {
        let payload = "01080123456789011724123110ABC123\u{1d}21SN0042";
        let img = render(BarcodeFormat::DATA_MATRIX, payload, 160, 160);
        let found = read(&img, 1.0, None);
        let dm = found
            .iter()
            .find(|b| b.format == "DATA_MATRIX")
            .expect("found");
        assert_eq!(dm.text, payload);
        assert!(dm.quad.is_some());
    }

    #[test]
    fn reads_code128_and_qr() {
        let img = render(BarcodeFormat::CODE_128, "SN8251-2102-8542", 400, 80);
        let found = read(&img, 0.5, None);
        let c = found
            .iter()
            .find(|b| b.format == "CODE_128")
            .expect("found");
        assert_eq!(c.text, "SN8251-2102-8542");
        // Coordinates come back in photo pixels: twice the work pixels here.
        let quad = c.quad.unwrap();
        assert!(quad[1].0 > 600.0);

        let img = render(BarcodeFormat::QR_CODE, "CMS8000 SN 123", 200, 200);
        let found = read(&img, 1.0, None);
        assert!(
            found
                .iter()
                .any(|b| b.format == "QR_CODE" && b.text == "CMS8000 SN 123")
        );
    }

    #[test]
    fn reads_a_tilted_code128_when_the_text_angle_is_known() {
        let img = render(BarcodeFormat::CODE_128, "REF178322", 300, 60);
        let (tilted, _) = rotate(&img, 30.0);
        let found = read(&tilted, 1.0, Some(30.0));
        assert!(found.iter().any(|b| b.text == "REF178322"), "{found:?}");
    }
}
