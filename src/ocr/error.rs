//! What can go wrong while reading a photo, in words a caller can show.

/// Why a photo could not be read.
///
/// Messages are lower-case and carry no file names or paths: the caller adds
/// the name it knows when it reports the error.
#[derive(Debug, thiserror::Error)]
pub enum OcrError {
    /// The file has no bytes at all.
    #[error("the file is empty")]
    Empty,
    /// The bytes are not a picture in any format we know (e.g. text renamed `.jpg`).
    #[error("the file is not a picture (JPEG, PNG or HEIC)")]
    NotAnImage,
    /// A picture format we do not read (GIF, WebP, TIFF …).
    #[error("pictures in {format} format cannot be read: save the photo as JPEG")]
    UnsupportedFormat {
        /// The format that was recognised.
        format: String,
    },
    /// The picture stops before its end (an interrupted copy or download).
    #[error("the picture is cut short (truncated): copy the photo again")]
    Truncated,
    /// The picture is damaged in a way other than being cut short.
    #[error("the picture is damaged and cannot be decoded: {detail}")]
    Corrupt {
        /// What the decoder reported, in English.
        detail: String,
    },
    /// The picture has more pixels than we are willing to decode.
    #[error(
        "the picture is too large ({width}×{height} pixels; at most {max_pixels} pixels in all)"
    )]
    TooLarge {
        /// Width as declared by the file.
        width: u32,
        /// Height as declared by the file.
        height: u32,
        /// The limit in force.
        max_pixels: u64,
    },
    /// An iPhone HEIC/HEIF picture that could not be decoded here.
    #[error("this HEIC/HEIF picture cannot be read here ({detail}): save the photo as JPEG")]
    HeicUnsupported {
        /// Why, in English.
        detail: String,
    },
    /// The caller asked to stop.
    #[error("reading the photo was cancelled")]
    Cancelled,
    /// The embedded OCR models failed to load or to run.
    #[error("the text reader failed: {detail}")]
    Model {
        /// What the model runtime reported.
        detail: String,
    },
}

impl OcrError {
    /// Wraps a model-runtime failure.
    pub(crate) fn model(err: impl std::fmt::Display) -> Self {
        Self::Model {
            detail: err.to_string(),
        }
    }
}
