//! What can go wrong while reading a photo, in words a caller can show.

/// Why a photo could not be read.
///
/// Messages are lower-case and carry no file names or paths: the caller adds
/// the name it knows when it reports the error.
#[derive(Debug, thiserror::Error)]
pub enum OcrError {
    /// The photo could not be decoded (not a picture, damaged, too large …).
    #[error(transparent)]
    Picture(#[from] crate::picture::PictureError),
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
