//! Files on disk, read and written one way for the whole app.
//!
//! - Reads are capped: a file larger than the caller's limit is refused
//!   without being read whole, so a wrong file (a video, a disk image)
//!   cannot make the app allocate without bound.
//! - Writes are atomic: the bytes go to a temporary file in the target's
//!   folder, are flushed to the disk and renamed over the target, so a
//!   reader sees the old file or the new one, never a mix — even after a
//!   crash or a power cut. A failed write leaves no temporary file behind.
//! - Every error names the file it is about ([`FsError`]).
//!
//! Core modules still never pick paths themselves: callers pass them in.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Why a file could not be read or written. Each variant names the file.
///
/// The operating system's reason is part of the message rather than a
/// separate `source()`: the app shows only the message, and the CLI's
/// error-chain printer would otherwise say it twice.
#[derive(Debug, thiserror::Error)]
pub enum FsError {
    /// The file could not be opened or read.
    #[error("could not read {}: {error}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        error: io::Error,
    },
    /// The file is larger than the caller accepts; it was not read whole.
    #[error("{} is larger than {}", path.display(), size_text(*max_bytes))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The cap, in bytes.
        max_bytes: u64,
    },
    /// The file was expected to hold text but is not UTF-8.
    #[error("{} is not UTF-8 text (invalid byte at position {valid_up_to})", path.display())]
    NotText {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        valid_up_to: usize,
    },
    /// The file could not be written or put in place; the old file, if
    /// any, is untouched.
    #[error("could not write {}: {error}", path.display())]
    Write {
        /// The file that was to be written.
        path: PathBuf,
        /// What the operating system said.
        error: io::Error,
    },
    /// A folder could not be created.
    #[error("could not create the folder {}: {error}", path.display())]
    CreateFolder {
        /// The folder.
        path: PathBuf,
        /// What the operating system said.
        error: io::Error,
    },
}

impl FsError {
    /// Whether the file was simply not there.
    pub fn is_not_found(&self) -> bool {
        matches!(self, FsError::Read { error, .. } if error.kind() == io::ErrorKind::NotFound)
    }
}

/// A cap in words: "40 MiB", "64 KiB" or "4096 bytes".
fn size_text(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// Reads the file at `path` whole, refusing one larger than `max_bytes`
/// without reading it all.
pub fn read_capped(path: &Path, max_bytes: u64) -> Result<Vec<u8>, FsError> {
    let read_error = |error| FsError::Read {
        path: path.to_path_buf(),
        error,
    };
    let file = File::open(path).map_err(read_error)?;
    // A regular file says its size: refuse it before reading a byte. The
    // capped read below still holds for pipes and files that grow.
    let size = file
        .metadata()
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map_or(0, |m| m.len());
    if size > max_bytes {
        return Err(FsError::TooLarge {
            path: path.to_path_buf(),
            max_bytes,
        });
    }
    read_capped_sized(file, path, max_bytes, size)
}

/// Reads `reader` to its end, refusing more than `max_bytes` without
/// reading it all; `name` is what errors call it (a path, or e.g.
/// "standard input").
pub fn read_capped_from(
    reader: impl Read,
    name: &Path,
    max_bytes: u64,
) -> Result<Vec<u8>, FsError> {
    read_capped_sized(reader, name, max_bytes, 0)
}

/// [`read_capped_from`], with room made first for the `expected` bytes (a
/// file's size), so that a large file is read into one buffer rather than
/// copied each time a growing one fills up: its read costs its size in
/// memory, not up to twice that.
pub fn read_capped_sized(
    reader: impl Read,
    name: &Path,
    max_bytes: u64,
    expected: u64,
) -> Result<Vec<u8>, FsError> {
    let room = usize::try_from(expected.min(max_bytes)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(room);
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| FsError::Read {
            path: name.to_path_buf(),
            error,
        })?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > max_bytes {
        return Err(FsError::TooLarge {
            path: name.to_path_buf(),
            max_bytes,
        });
    }
    Ok(bytes)
}

/// Reads the text file at `path`: capped as [`read_capped`], and refused
/// unless it is UTF-8.
pub fn read_capped_text(path: &Path, max_bytes: u64) -> Result<String, FsError> {
    into_text(path, read_capped(path, max_bytes)?)
}

/// `bytes` read from `name` as UTF-8 text.
pub fn into_text(name: &Path, bytes: Vec<u8>) -> Result<String, FsError> {
    String::from_utf8(bytes).map_err(|e| FsError::NotText {
        path: name.to_path_buf(),
        valid_up_to: e.utf8_error().valid_up_to(),
    })
}

/// A read whose file may be missing: `Ok(None)` when it is not there,
/// every other error kept.
pub fn if_exists<T>(result: Result<T, FsError>) -> Result<Option<T>, FsError> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(e) if e.is_not_found() => Ok(None),
        Err(e) => Err(e),
    }
}

/// Creates `dir` and the folders above it, if missing.
pub fn create_dir_all(dir: &Path) -> Result<(), FsError> {
    fs::create_dir_all(dir).map_err(|error| FsError::CreateFolder {
        path: dir.to_path_buf(),
        error,
    })
}

/// Writes `bytes` to `path` so that `path` holds either its old content or
/// all of `bytes`, never part. The folder must exist.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), FsError> {
    commit(vec![stage(path, bytes)?])
}

/// A file written in full and flushed to the disk beside its target, not
/// yet in place. Dropping it without [`commit`] removes the temporary file.
#[derive(Debug)]
#[must_use = "a staged file is removed again unless it is committed"]
pub struct Staged {
    /// The temporary file; `None` once renamed into place.
    temp: Option<PathBuf>,
    /// Where it goes.
    target: PathBuf,
}

impl Drop for Staged {
    fn drop(&mut self) {
        if let Some(temp) = self.temp.take() {
            let _ = fs::remove_file(temp);
        }
    }
}

/// Writes `bytes` to a fresh temporary file in the folder of `path` and
/// flushes it to the disk; [`commit`] puts it in place.
pub fn stage(path: &Path, bytes: &[u8]) -> Result<Staged, FsError> {
    // The process id keeps two app instances apart, the counter two
    // threads of one (the draft writer and a notice save).
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = folder_of(path).join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    if let Err(error) = write_new(&temp, bytes) {
        // Leave no temporary file behind; the target is untouched.
        let _ = fs::remove_file(&temp);
        return Err(FsError::Write {
            path: path.to_path_buf(),
            error,
        });
    }
    Ok(Staged {
        temp: Some(temp),
        target: path.to_path_buf(),
    })
}

/// Creates `path` (never writing through a file or link already there),
/// writes `bytes` and flushes them to the disk.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Renames staged files over their targets, in the order given, then
/// flushes their folders. If a rename fails, the files after it are not
/// put in place and their temporary files are removed; the ones before it
/// stay in place (a rename cannot be undone atomically).
pub fn commit(files: Vec<Staged>) -> Result<(), FsError> {
    let mut folders: Vec<PathBuf> = Vec::new();
    for mut file in files {
        let Some(temp) = file.temp.take() else {
            continue;
        };
        if let Err(error) = fs::rename(&temp, &file.target) {
            let _ = fs::remove_file(&temp);
            return Err(FsError::Write {
                path: file.target.clone(),
                error,
            });
        }
        let folder = folder_of(&file.target);
        if !folders.contains(&folder) {
            folders.push(folder);
        }
    }
    for folder in &folders {
        sync_dir(folder);
    }
    Ok(())
}

/// The folder `path` is in ("." for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Makes a rename durable: on Unix it is only on the disk once the folder
/// itself is flushed. Best effort: the data is already safe in the file,
/// and some file systems refuse to flush a folder.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_file_exactly_at_the_cap_is_read_one_byte_over_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let at = dir.path().join("at.bin");
        let over = dir.path().join("over.bin");
        fs::write(&at, [7u8; 100]).unwrap();
        fs::write(&over, [7u8; 101]).unwrap();
        assert_eq!(read_capped(&at, 100).unwrap(), vec![7u8; 100]);
        let err = read_capped(&over, 100).unwrap_err();
        assert!(
            matches!(&err, FsError::TooLarge { path, max_bytes: 100 } if path == &over),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            format!("{} is larger than 100 bytes", over.display())
        );
    }

    #[test]
    fn a_stream_over_the_cap_is_refused_after_cap_plus_one_bytes() {
        // An endless reader: the cap, not the end of the data, stops it.
        let endless = io::repeat(b'x');
        let err = read_capped_from(endless, Path::new("standard input"), 64 * 1024).unwrap_err();
        assert_eq!(err.to_string(), "standard input is larger than 64 KiB");
        let exact = read_capped_from(&[1u8, 2, 3][..], Path::new("-"), 3).unwrap();
        assert_eq!(exact, vec![1, 2, 3]);
    }

    #[test]
    fn a_sparse_huge_file_is_refused_from_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.jpg");
        File::create(&path)
            .unwrap()
            .set_len(40 * 1024 * 1024 + 1)
            .unwrap();
        let err = read_capped(&path, 40 * 1024 * 1024).unwrap_err();
        assert!(err.to_string().ends_with("is larger than 40 MiB"), "{err}");
    }

    #[test]
    fn a_missing_file_is_a_read_error_or_none_when_optional() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing.json");
        let err = read_capped(&path, 10).unwrap_err();
        assert!(err.is_not_found());
        assert!(err.to_string().starts_with("could not read "), "{err}");
        assert!(err.to_string().contains("missing.json"), "{err}");
        assert!(if_exists(read_capped(&path, 10)).unwrap().is_none());
        // Other errors are kept: a folder is there but is not a file.
        let folder = if_exists(read_capped(dir.path(), 10));
        assert!(matches!(folder, Err(FsError::Read { .. })), "{folder:?}");
    }

    #[test]
    fn text_must_be_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("label.txt");
        fs::write(&path, b"CMS\xff8000").unwrap();
        let err = read_capped_text(&path, 100).unwrap_err();
        assert!(
            matches!(err, FsError::NotText { valid_up_to: 3, .. }),
            "{err:?}"
        );
        assert!(
            err.to_string().contains("label.txt is not UTF-8 text"),
            "{err}"
        );
        fs::write(&path, "Modello: CMS8000 è").unwrap();
        assert_eq!(read_capped_text(&path, 100).unwrap(), "Modello: CMS8000 è");
    }

    #[test]
    fn atomic_write_replaces_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notice.pdf");
        write_atomic(&path, b"first version, rather long").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"first version, rather long");
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert_eq!(names_in(dir.path()), ["notice.pdf"]);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file_whole_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.json");
        write_atomic(&path, b"old and whole").unwrap();
        // The target is a folder now: the rename fails after the temp file
        // was written in full.
        let blocked = dir.path().join("blocked");
        fs::create_dir(&blocked).unwrap();
        fs::write(blocked.join("inside"), b"x").unwrap();
        let err = write_atomic(&blocked, b"new").unwrap_err();
        assert!(
            matches!(&err, FsError::Write { path, .. } if path == &blocked),
            "{err:?}"
        );
        assert_eq!(fs::read(&path).unwrap(), b"old and whole");
        assert_eq!(names_in(dir.path()), ["blocked", "draft.json"]);
    }

    #[test]
    fn writing_into_a_missing_folder_fails_cleanly_and_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("notice.pdf");
        let err = write_atomic(&path, b"x").unwrap_err();
        assert!(
            matches!(&err, FsError::Write { path: p, .. } if p == &path),
            "{err:?}"
        );
        let message = err.to_string();
        assert!(message.starts_with("could not write "), "{message}");
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(names_in(dir.path()).is_empty());
    }

    #[test]
    fn a_staged_pair_is_committed_together_or_dropped_without_trace() {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("list.json");
        let sig = dir.path().join("list.json.minisig");
        // Dropped before commit: nothing is left, the targets are not made.
        let staged = stage(&list, b"{}").unwrap();
        assert_eq!(names_in(dir.path()).len(), 1);
        drop(staged);
        assert!(names_in(dir.path()).is_empty());
        // Committed: both in place, no temp files.
        let pair = vec![stage(&list, b"{}").unwrap(), stage(&sig, b"sig").unwrap()];
        commit(pair).unwrap();
        assert_eq!(fs::read(&list).unwrap(), b"{}");
        assert_eq!(fs::read(&sig).unwrap(), b"sig");
        assert_eq!(names_in(dir.path()), ["list.json", "list.json.minisig"]);
    }

    #[test]
    fn a_folder_that_cannot_be_created_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        fs::write(&blocker, b"x").unwrap();
        let err = create_dir_all(&blocker.join("sub")).unwrap_err();
        assert!(matches!(err, FsError::CreateFolder { .. }), "{err:?}");
        assert!(
            err.to_string().starts_with("could not create the folder "),
            "{err}"
        );
        assert!(err.to_string().contains("sub"), "{err}");
        create_dir_all(&dir.path().join("a").join("b")).unwrap();
        assert!(dir.path().join("a").join("b").is_dir());
    }

    #[test]
    fn caps_read_as_words() {
        assert_eq!(size_text(40 * 1024 * 1024), "40 MiB");
        assert_eq!(size_text(64 * 1024), "64 KiB");
        assert_eq!(size_text(4096), "4 KiB");
        assert_eq!(size_text(1000), "1000 bytes");
    }
}
