//! Photos of one device → readings for the matcher, shared by the app and
//! the CLI: reading a photo file with a size cap, and turning what the OCR
//! found into [`Reading`]s.

use std::io::Read as _;
use std::path::Path;

use crate::identify::Reading;
use crate::ocr::PhotoText;

/// Largest photo file read, in bytes. A 12 MP phone JPEG is 3–8 MB; a
/// larger file is almost surely not a label photo, and reading it whole
/// would waste memory before the decoder's own pixel limit could refuse it.
pub const MAX_PHOTO_BYTES: u64 = 40 * 1024 * 1024;

/// Why a photo file could not be read from disk.
#[derive(Debug, thiserror::Error)]
pub enum PhotoFileError {
    /// Opening or reading failed.
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    /// Larger than [`MAX_PHOTO_BYTES`].
    #[error("the file is larger than {} MB", MAX_PHOTO_BYTES / (1024 * 1024))]
    TooBig,
}

/// Reads a photo file whole, refusing one larger than [`MAX_PHOTO_BYTES`]
/// without reading it all.
pub fn read_file(path: &Path) -> Result<Vec<u8>, PhotoFileError> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_PHOTO_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_PHOTO_BYTES {
        return Err(PhotoFileError::TooBig);
    }
    Ok(bytes)
}

/// The file name shown in evidence: no directories, which may carry a
/// person's name.
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| "photo".to_owned(), |n| n.to_string_lossy().into_owned())
}

/// One reading per text line (with its confidence) and per barcode.
pub fn readings(name: &str, text: &PhotoText) -> Vec<Reading> {
    let lines = text
        .lines
        .iter()
        .map(|l| Reading::photo(name, l.confidence, l.text.clone()));
    let codes = text
        .barcodes
        .iter()
        .map(|b| Reading::barcode(name, b.format.clone(), b.text.clone()));
    lines.chain(codes).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::identify::{self, VerdictKind};
    use crate::ocr::TextLine;

    fn line(text: &str, confidence: f32) -> TextLine {
        TextLine {
            text: text.to_owned(),
            confidence,
            quad: [(0.0, 0.0), (10.0, 0.0), (10.0, 5.0), (0.0, 5.0)],
        }
    }

    #[test]
    fn lines_of_a_photo_identify_the_device() {
        let text = PhotoText {
            lines: vec![
                line("CONTEC MEDICAL SYSTEMS CO., LTD", 0.97),
                line("Model: CMS8000", 0.95),
                line("SN: C8K2401234", 0.93),
            ],
            barcodes: Vec::new(),
            width: 800,
            height: 600,
        };
        let readings = readings("label.jpg", &text);
        assert_eq!(readings.len(), 3);
        let verdict = identify::identify_readings(&Catalog::bundled(), &readings);
        assert_eq!(verdict.verdict, VerdictKind::Affected);
        assert_eq!(verdict.model.as_deref(), Some("CMS8000"));
    }

    #[test]
    fn a_file_too_large_is_refused_without_reading_it_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.jpg");
        let f = std::fs::File::create(&path).unwrap();
        f.set_len(MAX_PHOTO_BYTES + 10).unwrap();
        assert!(matches!(read_file(&path), Err(PhotoFileError::TooBig)));
        assert!(matches!(
            read_file(&dir.path().join("missing.jpg")),
            Err(PhotoFileError::Io(_))
        ));
    }

    #[test]
    fn names_drop_directories() {
        assert_eq!(
            display_name(Path::new("/home/maria/Rossi/label.jpg")),
            "label.jpg"
        );
    }
}
