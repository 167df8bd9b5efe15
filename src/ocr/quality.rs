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
//!
//! One file per job: `measure` ([`Quality`], [`assess`]), `advice`
//! ([`Advice`], [`advice`]), `field` (the model-field crop, [`model_field`])
//! and `quad` (a text line's box, which the measures and the field share).

mod advice;
mod field;
mod measure;
mod quad;

#[cfg(test)]
mod tests;

pub use advice::{Advice, advice};
pub use field::{CropRect, model_field};
pub use measure::{Quality, assess};
