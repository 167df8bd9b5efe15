//! Photos of one device → readings for the matcher, shared by the app, the
//! CLI and the maintainers' bench: reading a photo file with a size cap
//! (and its text, [`read_photo`]), the photos in a folder, turning what the
//! OCR found into [`Reading`]s, and [`verdict`], the one way photos and
//! typed text together become a verdict.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::catalog::Catalog;
use crate::fsutil::{self, FsError};
use crate::identify::{self, InputError, Reading, Verdict};
use crate::ocr::{OcrError, PhotoText, Progress, Reader, StageTimes};

/// Extensions [`images_in`] picks up in a folder (any case).
const IMAGE_EXTENSIONS: [&str; 6] = ["jpg", "jpeg", "jpe", "png", "heic", "heif"];

/// Largest photo file read, in bytes. A 12 MP phone JPEG is 3–8 MB; a
/// larger file is almost surely not a label photo, and reading it whole
/// would waste memory before the decoder's own pixel limit could refuse it.
pub const MAX_PHOTO_BYTES: u64 = 40 * 1024 * 1024;

/// Reads a photo file whole, refusing one larger than [`MAX_PHOTO_BYTES`]
/// without reading it all.
pub fn read_file(path: &Path) -> Result<Vec<u8>, FsError> {
    fsutil::read_capped(path, MAX_PHOTO_BYTES)
}

/// Why one photo could not be used.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    /// The file could not be read (or is too large).
    #[error(transparent)]
    File(#[from] FsError),
    /// The reader refused the picture or failed on it.
    #[error(transparent)]
    Ocr(#[from] OcrError),
}

/// One photo read: its name (no directory), what was read, how long it took.
pub struct PhotoRead {
    /// The file name, as [`display_name`] gives it.
    pub name: String,
    /// The text lines and barcodes read.
    pub text: PhotoText,
    /// Seconds from reading the file to the text.
    pub seconds: f64,
}

/// Reads one photo from disk and its text, timed.
pub fn read_photo(reader: &Reader, path: &Path) -> Result<PhotoRead, PhotoError> {
    read_photo_timed(reader, path).map(|(read, _)| read)
}

/// [`read_photo`], also saying how long each stage of the reader took
/// (for `bench`).
pub fn read_photo_timed(
    reader: &Reader,
    path: &Path,
) -> Result<(PhotoRead, StageTimes), PhotoError> {
    let name = display_name(path);
    let start = Instant::now();
    let bytes = read_file(path)?;
    let (text, stages) = reader.read_timed(&bytes, &name, &Progress::new())?;
    let read = PhotoRead {
        name,
        text,
        seconds: start.elapsed().as_secs_f64(),
    };
    Ok((read, stages))
}

/// A folder of photos could not be listed.
#[derive(Debug, thiserror::Error)]
#[error("cannot list the folder {}", dir.display())]
pub struct FolderError {
    dir: PathBuf,
    #[source]
    source: std::io::Error,
}

/// The photos in `dir` (by extension), sorted by name.
pub fn images_in(dir: &Path) -> Result<Vec<PathBuf>, FolderError> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|source| FolderError {
            dir: dir.to_path_buf(),
            source,
        })?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| IMAGE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// Why photos and typed text gave no verdict.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    /// The typed text was refused (too long, a control character).
    #[error("the typed text was refused: {0}")]
    Text(#[from] InputError),
    /// No text was typed and no photo could be read.
    #[error("nothing to identify from: no photo could be read and no text was given")]
    NothingRead,
}

/// The typed text as a reading: `None` when nothing but spaces (or barcode
/// separators) was typed, an error when it is refused. [`verdict`] applies
/// this rule; callers may apply it first to refuse bad text before slow
/// photo reading.
pub fn typed_reading(typed: &str) -> Result<Option<Reading>, InputError> {
    if typed.chars().all(|c| c.is_whitespace() || c == '\u{1D}') {
        return Ok(None);
    }
    identify::check_text(typed)?;
    Ok(Some(Reading::typed(typed)))
}

/// The verdict for one device from what was read on its photos (`read`:
/// each photo's name and text) and the text the user typed. Empty typed
/// text counts as none; other typed text must pass
/// [`identify::check_text`]. With neither typed text nor a photo read,
/// there is nothing to identify from.
pub fn verdict(
    catalog: &Catalog,
    typed: &str,
    read: &[(&str, &PhotoText)],
) -> Result<Verdict, CheckError> {
    let typed = typed_reading(typed)?;
    if typed.is_none() && read.is_empty() {
        return Err(CheckError::NothingRead);
    }
    let mut all: Vec<Reading> = read
        .iter()
        .flat_map(|(name, text)| readings(name, text))
        .collect();
    all.extend(typed);
    Ok(identify::identify_readings(catalog, &all))
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
    use crate::identify::{Origin, VerdictKind};
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
            quality: None,
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
        assert!(matches!(
            read_file(&path),
            Err(FsError::TooLarge {
                max_bytes: MAX_PHOTO_BYTES,
                ..
            })
        ));
        let missing = read_file(&dir.path().join("missing.jpg")).unwrap_err();
        assert!(missing.is_not_found());
        assert!(missing.to_string().contains("missing.jpg"), "{missing}");
    }

    fn label(lines: &[&str]) -> PhotoText {
        PhotoText {
            lines: lines.iter().map(|t| line(t, 0.95)).collect(),
            barcodes: Vec::new(),
            width: 800,
            height: 600,
            quality: None,
        }
    }

    #[test]
    fn verdict_from_photos_alone() {
        let text = label(&["Model: CMS8000"]);
        let v = verdict(&Catalog::bundled(), "", &[("a.jpg", &text)]).unwrap();
        assert_eq!(v.verdict, VerdictKind::Affected);
        assert!(
            v.evidence
                .iter()
                .all(|e| matches!(e.origin, Origin::Photo { .. })),
            "{:?}",
            v.evidence
        );
    }

    #[test]
    fn blank_typed_text_is_simply_absent() {
        let text = label(&["Model: CMS8000"]);
        let catalog = Catalog::bundled();
        let with_blank = verdict(&catalog, "  \n\t ", &[("a.jpg", &text)]).unwrap();
        let without = verdict(&catalog, "", &[("a.jpg", &text)]).unwrap();
        assert_eq!(with_blank, without);
        // Blank text and no photo: nothing to identify from, not a text error.
        assert_eq!(verdict(&catalog, "   ", &[]), Err(CheckError::NothingRead));
    }

    #[test]
    fn typed_text_alone_gives_a_verdict() {
        let v = verdict(&Catalog::bundled(), "CMS 8000", &[]).unwrap();
        assert_eq!(v.verdict, VerdictKind::Affected);
        assert!(v.evidence.iter().any(|e| e.origin == Origin::Typed));
    }

    #[test]
    fn typed_text_and_photos_are_combined() {
        // The photo shows only the brand; the typed model decides.
        let text = label(&["CONTEC MEDICAL SYSTEMS CO., LTD"]);
        let catalog = Catalog::bundled();
        let photo_only = verdict(&catalog, "", &[("a.jpg", &text)]).unwrap();
        assert_ne!(photo_only.verdict, VerdictKind::Affected);
        let both = verdict(&catalog, "CMS8000", &[("a.jpg", &text)]).unwrap();
        assert_eq!(both.verdict, VerdictKind::Affected);
        assert_eq!(both.model.as_deref(), Some("CMS8000"));
    }

    #[test]
    fn refused_typed_text_is_an_error_even_with_photos() {
        let text = label(&["Model: CMS8000"]);
        let catalog = Catalog::bundled();
        let control = verdict(&catalog, "CMS\u{7}8000", &[("a.jpg", &text)]);
        assert_eq!(
            control,
            Err(CheckError::Text(InputError::ControlCharacter { code: 7 }))
        );
        let long = "8".repeat(identify::MAX_TEXT_CHARS + 1);
        assert!(matches!(
            verdict(&catalog, &long, &[("a.jpg", &text)]),
            Err(CheckError::Text(InputError::TooLong { .. }))
        ));
    }

    #[test]
    fn nothing_typed_and_no_photo_read_is_nothing_read() {
        assert_eq!(
            verdict(&Catalog::bundled(), "", &[]),
            Err(CheckError::NothingRead)
        );
    }

    #[test]
    fn names_drop_directories() {
        assert_eq!(
            display_name(Path::new("/home/maria/Rossi/label.jpg")),
            "label.jpg"
        );
    }
}
