//! Text recognition: straight line crops 48 px high go through the CRNN/SVTR
//! model; its per-column class probabilities are decoded greedily (CTC).

use image::GrayImage;
use rten::Model;
use rten_tensor::NdTensor;
use rten_tensor::prelude::*;
use unicode_normalization::UnicodeNormalization;

use super::OcrError;
use super::geometry::{LineBox, f32_of, sample_crop, usize_of};

/// Input height of the recognition model.
pub(crate) const REC_HEIGHT: u32 = 48;
/// Narrowest crop: very short boxes still get a few output columns.
const MIN_WIDTH: u32 = 32;
/// Widest crop (40 times the height): longer lines are squeezed.
const MAX_WIDTH: u32 = REC_HEIGHT * 40;
/// Lines recognised in one model run (padded to the widest of them).
const BATCH: usize = 4;

/// The recogniser's alphabet, and which symbols a label may carry.
#[derive(Debug)]
pub(crate) struct Alphabet {
    /// Symbol of each output class; class 0 (the CTC blank) has none.
    symbols: Vec<String>,
    /// Classes we accept: the blank, Latin letters, digits, punctuation.
    /// The embedded model knows only these (`assets/models/derive.py` cut
    /// its 18,000 CJK classes, which on European labels were only ever
    /// misreadings); the filter keeps that rule for any model loaded.
    allowed: Vec<usize>,
}

impl Alphabet {
    /// Builds the alphabet from the model's `character` metadata: one symbol
    /// per line, after the blank, followed by a final space class.
    pub fn from_metadata(character: &str) -> Self {
        let mut symbols = vec![String::new()];
        symbols.extend(character.split('\n').map(str::to_owned));
        symbols.push(" ".to_owned());
        let allowed = symbols
            .iter()
            .enumerate()
            .filter(|(i, s)| *i == 0 || is_label_symbol(s))
            .map(|(i, _)| i)
            .collect();
        Self { symbols, allowed }
    }

    /// Number of output classes the model must have.
    pub fn classes(&self) -> usize {
        self.symbols.len()
    }
}

/// True for symbols that can appear on a European device label.
fn is_label_symbol(s: &str) -> bool {
    let normalized: String = s.nfkc().collect();
    !normalized.is_empty()
        && normalized.chars().all(|c| {
            c == ' '
                || c.is_ascii_graphic()
                || matches!(
                    c,
                    '\u{00A0}'
                        ..='\u{017F}' | 'Ω' | 'μ' | '€' | '–' | '—' | '’' | '‘' | '“' | '”'
                )
        })
}

/// One recognised line.
#[derive(Debug, Clone)]
pub(crate) struct Recognised {
    /// The text, NFKC-normalised (full-width colons become `:`).
    pub text: String,
    /// Mean probability of the symbols read, 0 when nothing was read.
    pub confidence: f32,
}

/// Recognises each line (in the given orientation) from `gray`.
pub(crate) fn recognise(
    model: &Model,
    alphabet: &Alphabet,
    gray: &GrayImage,
    lines: &[LineBox],
) -> Result<Vec<Recognised>, OcrError> {
    let crops: Vec<(Vec<f32>, u32)> = lines
        .iter()
        .map(|&line| sample_crop(gray, line, REC_HEIGHT, MIN_WIDTH, MAX_WIDTH))
        .collect();
    // Similar widths together, so little of each batch is padding.
    let mut order: Vec<usize> = (0..crops.len()).collect();
    order.sort_by_key(|&i| crops.get(i).map_or(0, |c| c.1));
    let mut results: Vec<Option<Recognised>> = vec![None; crops.len()];
    for chunk in order.chunks(BATCH) {
        let batch: Vec<&(Vec<f32>, u32)> = chunk.iter().filter_map(|&i| crops.get(i)).collect();
        let decoded = run_batch(model, alphabet, &batch)?;
        for (&i, r) in chunk.iter().zip(decoded) {
            if let Some(slot) = results.get_mut(i) {
                *slot = Some(r);
            }
        }
    }
    Ok(results
        .into_iter()
        .map(|r| {
            r.unwrap_or(Recognised {
                text: String::new(),
                confidence: 0.0,
            })
        })
        .collect())
}

fn run_batch(
    model: &Model,
    alphabet: &Alphabet,
    batch: &[&(Vec<f32>, u32)],
) -> Result<Vec<Recognised>, OcrError> {
    let Some(width) = batch.iter().map(|c| c.1).max() else {
        return Ok(Vec::new());
    };
    let h = usize_of(REC_HEIGHT);
    let w = usize_of(width);
    // Padding is 0 after normalisation, i.e. mid grey, as PaddleOCR pads.
    let mut data = vec![0.0f32; batch.len() * 3 * h * w];
    for (n, (pixels, crop_w)) in batch.iter().map(|c| (&c.0, c.1)).enumerate() {
        let cw = usize_of(crop_w);
        for c in 0..3 {
            let plane = (n * 3 + c) * h * w;
            for (y, row) in pixels.chunks(cw.max(1)).enumerate().take(h) {
                let start = plane + y * w;
                if let Some(dst) = data.get_mut(start..start + row.len()) {
                    for (d, &v) in dst.iter_mut().zip(row) {
                        *d = v / 127.5 - 1.0;
                    }
                }
            }
        }
    }
    let input = NdTensor::from_data([batch.len(), 3, h, w], data);
    let output = model.run_one(input.into(), None).map_err(OcrError::model)?;
    let probs: NdTensor<f32, 3> = output.try_into().map_err(OcrError::model)?;
    let [n, steps, classes] = probs.shape();
    if classes != alphabet.classes() {
        return Err(OcrError::Model {
            detail: format!(
                "recogniser has {classes} classes, alphabet has {}",
                alphabet.classes()
            ),
        });
    }
    let mut out = Vec::with_capacity(n);
    for (i, crop) in batch.iter().enumerate().take(n) {
        // Columns past the crop's own width saw only padding.
        let used = (steps * usize_of(crop.1)).div_ceil(w.max(1)).min(steps);
        let seq = probs.slice(i);
        out.push(ctc_greedy(&seq, used, alphabet));
    }
    Ok(out)
}

/// Best allowed class per column; repeats merged, blanks dropped.
fn ctc_greedy(
    seq: &rten_tensor::NdTensorView<f32, 2>,
    steps: usize,
    alphabet: &Alphabet,
) -> Recognised {
    let mut text = String::new();
    let mut probs_sum = 0.0;
    let mut count = 0u32;
    let mut prev = 0usize;
    for t in 0..steps {
        let mut best = 0usize;
        let mut best_p = f32::MIN;
        for &class in &alphabet.allowed {
            if let Some(&p) = seq.get([t, class])
                && p > best_p
            {
                best_p = p;
                best = class;
            }
        }
        if best != 0 && best != prev {
            if let Some(sym) = alphabet.symbols.get(best) {
                text.push_str(sym);
            }
            probs_sum += best_p;
            count += 1;
        }
        prev = best;
    }
    let confidence = if count == 0 {
        0.0
    } else {
        probs_sum / f32_of(count)
    };
    Recognised {
        text: text.nfkc().collect::<String>().trim().to_owned(),
        confidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphabet_keeps_latin_and_drops_cjk() {
        let a = Alphabet::from_metadata("A\n中\n：\né\n8");
        // blank, A, 中, ：, é, 8, space
        assert_eq!(a.classes(), 7);
        assert_eq!(a.allowed, vec![0, 1, 3, 4, 5, 6]);
    }

    /// The derived recogniser carries only label symbols, the same rule as
    /// the filter, so nothing it reads is dropped and nothing is missing.
    #[test]
    fn the_embedded_recogniser_knows_only_label_symbols() {
        let reader = crate::ocr::Reader::new().unwrap();
        let alphabet = &reader.alphabet;
        assert_eq!(alphabet.classes(), 500);
        assert_eq!(alphabet.allowed, (0..500).collect::<Vec<_>>());
        for needed in ["C", "M", "S", "8", "0", "-", "/", ":", "é", "Ω", "€", " "] {
            assert!(alphabet.symbols.iter().any(|s| s == needed), "{needed}");
        }
    }

    #[test]
    fn greedy_decoding_merges_repeats_and_skips_blanks() {
        let a = Alphabet::from_metadata("C\nM\nS\n8\n0");
        // classes: 0 blank, 1 C, 2 M, 3 S, 4 8, 5 0, 6 space
        let path = [1, 1, 2, 0, 3, 6, 4, 5, 0, 5, 5, 5, 0];
        let mut data = vec![0.0f32; path.len() * 7];
        for (t, &c) in path.iter().enumerate() {
            data[t * 7 + c] = 0.9;
        }
        let seq = NdTensor::from_data([path.len(), 7], data);
        let r = ctc_greedy(&seq.view(), path.len(), &a);
        assert_eq!(r.text, "CMS 800");
        assert!((r.confidence - 0.9).abs() < 1e-6);
    }
}
