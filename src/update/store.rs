//! The accepted list and its signature on disk, in `<data dir>/list/`.
//!
//! Both files go through [`fsutil`]: capped reads, and a write that puts
//! the pair in place with two atomic renames. The two renames are not one
//! atomic step: a crash between them leaves a list and a signature that do
//! not match, which the load-time signature check refuses, so the app
//! falls back to the bundled list and never uses a list that was not
//! signed.

use std::path::{Path, PathBuf};

use super::signature::SignatureError;
use crate::fsutil::{self, FsError};

/// The largest list accepted, from the network or the data dir (1 MiB).
///
/// Today's list is a few kilobytes; the cap keeps a hostile server or a
/// corrupted file from making the app allocate without bound.
pub const MAX_LIST_BYTES: u64 = 1024 * 1024;

/// Why a stored list was not used (the bundled one is used instead).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoredListError {
    /// The file exists but could not be read.
    #[error("the stored list could not be read: {0}")]
    Unreadable(String),
    /// The list is there but its signature file is missing.
    #[error("the stored list has no signature")]
    Unsigned,
    /// The file is larger than any list we accept.
    #[error("the stored list is larger than {MAX_LIST_BYTES} bytes")]
    TooLarge,
    /// The signature does not verify.
    #[error("the stored list failed its signature check: {0}")]
    Signature(#[from] SignatureError),
    /// The signed bytes are not a valid list.
    #[error("the stored list is not a valid list: {0}")]
    Invalid(String),
}

/// Sub-folder of the data dir that holds the list.
pub const LIST_DIR: &str = "list";
/// File name of the stored list (the same as the published one).
pub const LIST_FILE: &str = "affected-models.json";
/// File name of its detached minisign signature.
pub const SIGNATURE_FILE: &str = "affected-models.json.minisig";
/// A `.minisig` file is a few hundred bytes; anything much larger is not one.
pub(crate) const MAX_SIGNATURE_BYTES: u64 = 4096;

/// Where the stored list lives under `data_dir`.
pub fn list_path(data_dir: &Path) -> PathBuf {
    data_dir.join(LIST_DIR).join(LIST_FILE)
}

/// Where the stored signature lives under `data_dir`.
pub fn signature_path(data_dir: &Path) -> PathBuf {
    data_dir.join(LIST_DIR).join(SIGNATURE_FILE)
}

/// Reads the stored list and its signature, `None` if no list is stored.
pub(crate) fn read(data_dir: &Path) -> Result<Option<(String, Option<String>)>, StoredListError> {
    let Some(raw) = read_capped(&list_path(data_dir), MAX_LIST_BYTES)? else {
        return Ok(None);
    };
    let signature = read_capped(&signature_path(data_dir), MAX_SIGNATURE_BYTES)?;
    Ok(Some((raw, signature)))
}

/// The text of `path` (capped), `None` if it is not there.
fn read_capped(path: &Path, max_bytes: u64) -> Result<Option<String>, StoredListError> {
    fsutil::if_exists(fsutil::read_capped_text(path, max_bytes)).map_err(|e| match e {
        FsError::TooLarge { .. } => StoredListError::TooLarge,
        e => StoredListError::Unreadable(e.to_string()),
    })
}

/// Stores `raw` and `signature` in `data_dir`, replacing any earlier list.
pub(crate) fn write(data_dir: &Path, raw: &str, signature: &str) -> Result<(), FsError> {
    let dir = data_dir.join(LIST_DIR);
    fsutil::create_dir_all(&dir)?;
    // Both temp files are complete and on disk before either rename, so the
    // window in which the pair is mismatched is two renames long.
    let list = fsutil::stage(&dir.join(LIST_FILE), raw.as_bytes())?;
    let sig = fsutil::stage(&dir.join(SIGNATURE_FILE), signature.as_bytes())?;
    fsutil::commit(vec![list, sig])
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    #[test]
    fn write_then_read_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path()).unwrap(), None);
        write(dir.path(), "{\"a\":1}", "sig").unwrap();
        assert_eq!(
            read(dir.path()).unwrap(),
            Some(("{\"a\":1}".to_owned(), Some("sig".to_owned())))
        );
        write(dir.path(), "{\"a\":2}", "sig2").unwrap();
        assert_eq!(
            read(dir.path()).unwrap(),
            Some(("{\"a\":2}".to_owned(), Some("sig2".to_owned())))
        );
        // No temp files are left behind.
        let names: Vec<_> = fs::read_dir(dir.path().join(LIST_DIR))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn missing_signature_is_reported_as_none() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join(LIST_DIR)).unwrap();
        fs::write(list_path(dir.path()), "{}").unwrap();
        assert_eq!(read(dir.path()).unwrap(), Some(("{}".to_owned(), None)));
    }

    #[test]
    fn oversized_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join(LIST_DIR)).unwrap();
        let big = vec![b' '; usize::try_from(MAX_LIST_BYTES).unwrap() + 1];
        fs::write(list_path(dir.path()), big).unwrap();
        assert_eq!(read(dir.path()), Err(StoredListError::TooLarge));
    }

    #[test]
    fn unwritable_data_dir_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the folder should be.
        let blocker = dir.path().join("blocked");
        fs::write(&blocker, "x").unwrap();
        let err = write(&blocker, "{}", "sig").unwrap_err();
        assert!(matches!(err, FsError::CreateFolder { .. }), "{err:?}");
        assert!(err.to_string().contains("blocked"), "{err}");
    }
}
