//! The measures and the advice on drawn labels: sharp, blurred, dark,
//! faded, glared, tiny and cut-off print, and the model-field crop.

use image::{GrayImage, Luma};

use super::advice::{DARK_PAPER_LUMA, MIN_SHARPNESS};
use super::*;
use crate::ocr::geometry::f32_of;
use crate::ocr::{PhotoText, TextLine};

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
