//! The two OCR models, stored packed in the binary and unpacked once when a
//! reader starts.
//!
//! Packed means: the `.onnx` file split into four byte lanes (every fourth
//! byte from offsets 0, 1, 2 and 3, one lane after the other), then one zlib
//! stream. The models are mostly 32-bit floats, whose high bytes repeat far
//! more than their low bytes (and whose lowest bits `derive.py` set to
//! zero), so the split saves most of the binary's size. Unpacking gives
//! back the derived `.onnx` files byte for byte (the test below checks the
//! sha256 sums listed in `assets/models/NOTICE`); `assets/models/derive.py`
//! makes them from the upstream files and `pack.py` packs and unpacks them.

use super::OcrError;

/// The detection model (PP-OCRv6 small det), packed.
static DET_PACKED: &[u8] = include_bytes!("../../assets/models/PP-OCRv6_det_small.onnx.packed");
/// The recognition model (PP-OCRv6 small rec), packed.
static REC_PACKED: &[u8] = include_bytes!("../../assets/models/PP-OCRv6_rec_small.onnx.packed");

/// Number of byte lanes the packer splits a model into.
const LANES: usize = 4;
/// Far above either model (12 MB): a damaged stream cannot make us allocate more.
const MAX_MODEL_BYTES: usize = 64 * 1024 * 1024;

/// The detection model's `.onnx` bytes.
pub(crate) fn detection() -> Result<Vec<u8>, OcrError> {
    unpack(DET_PACKED)
}

/// The recognition model's `.onnx` bytes.
pub(crate) fn recognition() -> Result<Vec<u8>, OcrError> {
    unpack(REC_PACKED)
}

/// Inflates a packed model (zlib checks its Adler-32 sum) and joins its lanes.
fn unpack(packed: &[u8]) -> Result<Vec<u8>, OcrError> {
    let split = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(packed, MAX_MODEL_BYTES)
        .map_err(|e| OcrError::model(format!("embedded model does not unpack: {e}")))?;
    Ok(join_lanes(&split))
}

/// Puts back the bytes the packer split into lanes: lane `k` holds the bytes
/// at offsets `k`, `k + LANES`, `k + 2 * LANES` … of the original.
fn join_lanes(split: &[u8]) -> Vec<u8> {
    let mut out = vec![0; split.len()];
    let mut rest = split;
    for lane in 0..LANES {
        let len = (split.len() + LANES - 1 - lane) / LANES;
        for (dst, &byte) in out.iter_mut().skip(lane).step_by(LANES).zip(rest) {
            *dst = byte;
        }
        rest = rest.get(len..).unwrap_or_default();
    }
    out
}

#[cfg(test)]
mod tests {
    use sha2::{Digest, Sha256};

    use super::*;

    fn sha256_hex(bytes: &[u8]) -> String {
        use std::fmt::Write as _;
        Sha256::digest(bytes)
            .iter()
            .fold(String::new(), |mut hex, b| {
                let _ = write!(hex, "{b:02x}");
                hex
            })
    }

    /// The sums of the derived files in `assets/models/NOTICE`, as
    /// `derive.py` makes them from the upstream files.
    #[test]
    fn unpacked_models_are_the_derived_files_byte_for_byte() {
        let det = detection().unwrap();
        assert_eq!(det.len(), 9_929_606);
        assert_eq!(
            sha256_hex(&det),
            "45f47e8df108087b045e5898719e35a54abb1afd2ec6564fcc1f6a8391d9a1c5"
        );
        let rec = recognition().unwrap();
        assert_eq!(rec.len(), 12_347_364);
        assert_eq!(
            sha256_hex(&rec),
            "c3f591910ad3699fa1d742e07f435589c3cfba19a4da961565d537d01e2832d1"
        );
        let notice = include_str!("../../assets/models/NOTICE");
        assert!(notice.contains(&sha256_hex(&det)) && notice.contains(&sha256_hex(&rec)));
    }

    #[test]
    fn lanes_join_back_for_every_length_remainder() {
        for n in 0..=11_u8 {
            let original: Vec<u8> = (0..n).collect();
            let split: Vec<u8> = (0..LANES)
                .flat_map(|lane| original.iter().skip(lane).step_by(LANES).copied())
                .collect();
            assert_eq!(join_lanes(&split), original, "length {n}");
        }
    }

    #[test]
    fn a_damaged_model_is_an_error_not_a_panic() {
        let mut damaged = DET_PACKED.get(..4096).unwrap().to_vec();
        damaged.extend_from_slice(&[0xff; 64]);
        assert!(matches!(unpack(&damaged), Err(OcrError::Model { .. })));
    }
}
