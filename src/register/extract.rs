//! Received files → notices: the JSON copy found in a `.json` file, in an
//! e-mail's attachment (`.eml`, or each message of an mbox export), or
//! embedded in a notice PDF. Folders are walked. Each notice found, or each
//! reason a file or message holds none, is one [`Found`].
//!
//! Every read is bounded by what a notice can be, and stops as soon as a
//! bound is passed, so that no file, however it was made, costs more than
//! a few times [`MAX_FILE_BYTES`] of memory:
//!
//! - a file is read whole only up to [`MAX_FILE_BYTES`] (refused from its
//!   size before a byte is read); an mbox is read message by message, each
//!   up to the same bound, and its lines are never held past it;
//! - a PDF is scanned, not loaded ([`pdf`]): only its embedded files are
//!   unpacked, each stopping past [`data::MAX_BYTES`];
//! - an e-mail's parts are walked with bounds ([`mail`]): only the data
//!   attachment and forwarded messages are decoded;
//! - JSON is parsed only up to [`data::MAX_BYTES`], nested at most 128
//!   deep (`serde_json`'s limit);
//! - a folder is walked once per folder and file, whatever links lead
//!   back into it, and [`MAX_ITEMS`] files, folders and messages at most
//!   are read in one import.
//!
//! No picture is ever decoded here: the photos attached to a notice are
//! passed over.

mod mail;
pub(super) mod pdf;

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::fsutil::{self, FsError};
use crate::notice::data::{self, DataError, NoticeData};

/// The largest single file (or mbox message) read. A notice e-mail is its
/// text, its PDF (the photos as 1200 px thumbnails), the data and the
/// photos at 2000 px: 4.6 MB with eight photos, so about half a megabyte
/// a photo. 32 MiB leaves room for some fifty photos, and is above what
/// mail servers carry (most refuse messages over 25 to 35 MB).
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// [`MAX_FILE_BYTES`] as a length in memory.
const MAX_MESSAGE_BYTES: usize = 32 * 1024 * 1024;

/// The most files, folders and mbox messages read in one import. Each
/// file or message gives a [`Found`] kept until the import ends (1.2 KB
/// for a refusal, about 3 KB with a notice: 20,000 notices took 65 MB), so
/// a folder or an mbox of a million tiny files cannot fill the memory. A
/// larger import stops there and says so.
pub const MAX_ITEMS: usize = 20_000;

/// Folders inside folders are walked this deep.
const MAX_FOLDER_DEPTH: usize = 8;

/// Why a file, or a message in it, gave no notice.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    /// The file could not be read, or is too large.
    #[error("{0}")]
    File(#[from] FsError),
    /// Neither a notice, an e-mail nor a PDF.
    #[error("it is not a notice, an e-mail or a PDF written by Monitor Check")]
    Unknown,
    /// An e-mail without the notice's data attached.
    #[error(
        "it is an e-mail, but not a notice from Monitor Check (no {} attached)",
        data::FILE_NAME
    )]
    MailWithoutData,
    /// A PDF without the notice's data embedded.
    #[error(
        "it is a PDF, but carries no notice data (not written by Monitor Check, or printed \
         again by another program)"
    )]
    PdfWithoutData,
    /// A PDF that could not be read.
    #[error("the PDF could not be read ({0})")]
    BadPdf(String),
    /// The data was there but is not a notice this version reads.
    #[error("{0}")]
    Data(#[from] DataError),
    /// One message of an mbox is larger than any notice e-mail.
    #[error("the message is larger than {} MB", MAX_FILE_BYTES / (1024 * 1024))]
    MessageTooLarge,
    /// A PDF with far more parts than any notice has.
    #[error(
        "it is a PDF, but with more parts than any notice has (over {}): it was not read \
         further",
        pdf::MAX_STREAMS
    )]
    PdfTooComplex,
    /// An e-mail with more parts, or longer headers, than any notice
    /// e-mail.
    #[error(
        "it is an e-mail, but with more parts or longer headers than any notice e-mail: it \
         was not read further"
    )]
    MailTooComplex,
    /// The notice data in a PDF or an e-mail unpacks to more than any
    /// notice; unpacking stopped there.
    #[error(
        "its notice data unpacks to more than {} KiB, far more than any notice: it was not \
         unpacked further",
        data::MAX_BYTES / 1024
    )]
    DataTooLarge,
    /// More files and messages than one import reads.
    #[error(
        "more than {MAX_ITEMS} files, folders and messages in one import: the rest were \
         not read (import them in smaller batches)"
    )]
    TooMany,
}

impl Refusal {
    /// The refusal's kind, without the file's name or the data's values:
    /// for the log.
    pub fn kind(&self) -> String {
        match self {
            Refusal::File(FsError::Read { error, .. }) => {
                format!("the file could not be read ({})", error.kind())
            }
            Refusal::File(FsError::TooLarge { .. }) => "a file too large".into(),
            Refusal::File(_) => "the file could not be read".into(),
            Refusal::Unknown => "not a notice, an e-mail or a PDF".into(),
            Refusal::MailWithoutData => "an e-mail without notice data".into(),
            Refusal::PdfWithoutData => "a PDF without notice data".into(),
            Refusal::BadPdf(_) => "a PDF that could not be read".into(),
            Refusal::Data(DataError::Newer { found, supported }) => format!(
                "notice data of a newer version (format {found}; this one reads up to {supported})"
            ),
            Refusal::Data(DataError::Invalid(_)) => "damaged notice data".into(),
            Refusal::Data(DataError::TooLarge { .. }) => "a notice's data too large".into(),
            Refusal::Data(_) => "data that is not a notice".into(),
            Refusal::MessageTooLarge => "an mbox message too large".into(),
            Refusal::PdfTooComplex => "a PDF with too many parts".into(),
            Refusal::MailTooComplex => "an e-mail with too many parts".into(),
            Refusal::DataTooLarge => "notice data that unpacks too large".into(),
            Refusal::TooMany => "too many items in one import".into(),
        }
    }
}

/// One notice read, or why there was none, and where.
#[derive(Debug)]
pub struct Found {
    /// The file, and the message in it for an mbox (`inbox.mbox, message
    /// 3`).
    pub origin: String,
    /// The notice, or why there is none.
    pub result: Result<NoticeData, Refusal>,
}

/// Everything found in `paths`: files, and folders walked in name order
/// (hidden entries, and whatever is neither a file nor a folder, skipped).
/// After [`MAX_ITEMS`] files, folders and messages the reading stops, with
/// a last [`Refusal::TooMany`].
pub fn read_paths(paths: &[PathBuf]) -> Vec<Found> {
    let mut walk = Walk::default();
    for path in paths {
        if walk.full {
            break;
        }
        walk.path(path, 0);
    }
    walk.found
}

/// One import's reading: what was found so far, and what was read.
#[derive(Default)]
struct Walk {
    found: Vec<Found>,
    /// Folders and files already read: however many links lead back into
    /// a folder, it is walked once.
    seen: HashSet<Identity>,
    /// Files, folders and messages read so far.
    items: usize,
    /// Whether [`MAX_ITEMS`] was passed: nothing more is read.
    full: bool,
}

impl Walk {
    /// Counts one more file, folder or message; `false` (and the refusal
    /// that says so, once) when that is one too many.
    fn count(&mut self, origin: &str) -> bool {
        if self.full {
            return false;
        }
        self.items += 1;
        if self.items > MAX_ITEMS {
            self.full = true;
            self.found.push(Found {
                origin: origin.to_owned(),
                result: Err(Refusal::TooMany),
            });
            return false;
        }
        true
    }

    /// Adds what one file or message gave.
    fn push(&mut self, origin: String, result: Result<NoticeData, Refusal>) {
        self.found.push(Found { origin, result });
    }

    /// Adds a file that could not be read.
    fn read_error(&mut self, origin: String, path: &Path, error: io::Error) {
        let error = FsError::Read {
            path: path.to_path_buf(),
            error,
        };
        self.push(origin, Err(error.into()));
    }

    /// Reads `path`: a folder is walked, a file read. `depth` is how many
    /// folders down the walk is (0: a path the user named).
    fn path(&mut self, path: &Path, depth: usize) {
        let origin = path.display().to_string();
        if !self.count(&origin) {
            return;
        }
        // Links are followed: what counts is what they lead to, once.
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(error) => return self.read_error(origin, path, error),
        };
        if !self.seen.insert(identity(path, &metadata)) {
            return;
        }
        if metadata.is_dir() {
            self.folder(path, origin, depth);
        } else if metadata.is_file() {
            self.file(path, origin, Some(metadata.len()));
        } else if depth == 0 {
            // A pipe or a device named on purpose (`<(…)` in a shell) is
            // read; met in a folder, it is passed over: it may never end.
            self.file(path, origin, None);
        }
    }

    /// Walks a folder, its entries in name order.
    fn folder(&mut self, path: &Path, origin: String, depth: usize) {
        if depth >= MAX_FOLDER_DEPTH {
            return;
        }
        let entries = match std::fs::read_dir(path) {
            Ok(entries) => entries,
            Err(error) => return self.read_error(origin, path, error),
        };
        // No more names than can still be read are kept (and sorted).
        let room = (MAX_ITEMS + 1).saturating_sub(self.items);
        let mut children: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .take(room)
            .map(|e| e.path())
            .collect();
        children.sort();
        for child in children {
            if self.full {
                return;
            }
            self.path(&child, depth + 1);
        }
    }

    /// Reads one file: an mbox message by message, anything else whole
    /// (up to [`MAX_FILE_BYTES`]; `size` is its length, when known, so a
    /// larger one is refused without being read).
    fn file(&mut self, path: &Path, origin: String, size: Option<u64>) {
        let mut file = match File::open(path) {
            Ok(file) => file,
            Err(error) => return self.read_error(origin, path, error),
        };
        let mut head = [0u8; 5];
        let head = match read_head(&mut file, &mut head) {
            Ok(head) => head,
            Err(error) => return self.read_error(origin, path, error),
        };
        let reader = head.chain(file);
        if head == b"From " {
            self.mbox(BufReader::new(reader), &origin, path);
            return;
        }
        let result = if size.is_some_and(|n| n > MAX_FILE_BYTES) {
            Err(FsError::TooLarge {
                path: path.to_path_buf(),
                max_bytes: MAX_FILE_BYTES,
            })
        } else {
            fsutil::read_capped_sized(reader, path, MAX_FILE_BYTES, size.unwrap_or(0))
        };
        match result {
            Ok(bytes) => {
                for result in read_bytes(&bytes) {
                    self.push(origin.clone(), result);
                }
            }
            Err(error) => self.push(origin, Err(error.into())),
        }
    }

    /// Splits an mbox into messages as it reads, so an export of thousands
    /// of e-mails is never held whole. A message starts at a `From ` line
    /// at the start of the file or after an empty line; one larger than
    /// [`MAX_FILE_BYTES`] is refused as soon as it passes that, and the
    /// rest of it is read past holding no more than the start of each
    /// line. A truncated last message is read as far as it goes (its
    /// notice, if cut, fails the schema check).
    fn mbox(&mut self, mut reader: impl BufRead, origin: &str, path: &Path) {
        let mut number = 0usize;
        let mut message: Vec<u8> = Vec::new();
        // The start of a line of a message already refused.
        let mut skipped: Vec<u8> = Vec::new();
        let mut too_large = false;
        let mut previous_blank = true;
        loop {
            if self.full {
                return;
            }
            let start = message.len();
            let read = if too_large {
                skipped.clear();
                read_line_capped(&mut reader, &mut skipped, LINE_START)
            } else {
                let room = (MAX_MESSAGE_BYTES + 1).saturating_sub(start);
                read_line_capped(&mut reader, &mut message, room.max(LINE_START))
            };
            let length = match read {
                Ok(0) => break,
                Ok(length) => length,
                Err(error) => {
                    self.read_error(format!("{origin}, message {}", number + 1), path, error);
                    break;
                }
            };
            let line = if too_large {
                &skipped[..]
            } else {
                &message[start..]
            };
            let separator = previous_blank && line.starts_with(b"From ");
            previous_blank = length == line.len() && (line == b"\n" || line == b"\r\n");
            // mboxrd quotes body lines that start with "From ".
            let quoted = matches!(line.iter().position(|b| *b != b'>'),
                Some(n) if n > 0 && line[n..].starts_with(b"From "));
            if separator {
                message.truncate(start);
                self.flush(origin, number, &mut message, too_large);
                number += 1;
                too_large = false;
                previous_blank = false;
            } else if !too_large && message.len() > MAX_MESSAGE_BYTES {
                // Refused now; its memory is given back at once.
                too_large = true;
                message = Vec::new();
            } else if !too_large && quoted {
                message.remove(start);
            }
        }
        self.flush(origin, number, &mut message, too_large);
    }

    /// Reads one mbox message (numbered from 1; 0 is the text before the
    /// first, which is no message) and empties `message`.
    fn flush(&mut self, origin: &str, number: usize, message: &mut Vec<u8>, too_large: bool) {
        if number > 0 {
            let origin = format!("{origin}, message {number}");
            if self.count(&origin) {
                if too_large {
                    self.push(origin, Err(Refusal::MessageTooLarge));
                } else {
                    for result in mail::notices(message) {
                        self.push(origin.clone(), result);
                    }
                }
            }
        }
        message.clear();
    }
}

/// What tells a file or folder apart from every other, however it is
/// reached: its device and inode number on Unix (from the metadata already
/// read), its canonical path elsewhere.
#[cfg(unix)]
type Identity = (u64, u64);
#[cfg(not(unix))]
type Identity = PathBuf;

#[cfg(unix)]
fn identity(_path: &Path, metadata: &std::fs::Metadata) -> Identity {
    use std::os::unix::fs::MetadataExt as _;
    (metadata.dev(), metadata.ino())
}

#[cfg(not(unix))]
fn identity(path: &Path, _metadata: &std::fs::Metadata) -> Identity {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// How much of a line is kept once its message is refused: enough to see
/// whether it starts the next one.
const LINE_START: usize = 8;

/// Reads up to `buf.len()` bytes: fewer only at the end of the input.
fn read_head<'a>(reader: &mut impl Read, buf: &'a mut [u8]) -> io::Result<&'a [u8]> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(&buf[..filled])
}

/// Reads one line, through its `\n`, appending at most `keep` bytes of it
/// to `out` and reading past the rest; gives the line's whole length (0 at
/// the end of the input). A file with no line break is thus read in
/// buffer-sized pieces, never held.
fn read_line_capped(
    reader: &mut impl BufRead,
    out: &mut Vec<u8>,
    keep: usize,
) -> io::Result<usize> {
    let mut length = 0usize;
    let mut kept = 0usize;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(length);
        }
        let (chunk, ends) = match memchr::memchr(b'\n', buf) {
            Some(i) => (&buf[..=i], true),
            None => (buf, false),
        };
        let take = chunk.len().min(keep - kept);
        out.extend_from_slice(&chunk[..take]);
        kept += take;
        let n = chunk.len();
        length = length.saturating_add(n);
        reader.consume(n);
        if ends {
            return Ok(length);
        }
    }
}

/// The notices in one file's bytes: JSON, PDF or one e-mail. Never empty:
/// a file with no notice gives one refusal.
pub fn read_bytes(bytes: &[u8]) -> Vec<Result<NoticeData, Refusal>> {
    let trimmed = bytes.trim_ascii_start();
    if trimmed.starts_with(b"{") {
        vec![NoticeData::parse(bytes).map_err(Refusal::from)]
    } else if trimmed.starts_with(b"%PDF-") {
        vec![read_pdf(bytes)]
    } else if looks_like_mail(bytes) {
        mail::notices(bytes)
    } else {
        vec![Err(Refusal::Unknown)]
    }
}

/// Whether `bytes` start like an RFC 5322 message: a header line.
fn looks_like_mail(bytes: &[u8]) -> bool {
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let Some(colon) = first.iter().position(|b| *b == b':') else {
        return false;
    };
    colon > 0
        && first[..colon]
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
}

/// The notice data embedded in a PDF: every embedded file is tried, so the
/// name tree's shape does not matter.
fn read_pdf(bytes: &[u8]) -> Result<NoticeData, Refusal> {
    let mut last = None;
    let mut too_large = false;
    let mut truncated = false;
    for file in pdf::embedded_files(bytes) {
        let file = match file {
            Ok(file) => file,
            Err(pdf::Stop::TooManyStreams) => return Err(Refusal::PdfTooComplex),
            Err(pdf::Stop::Truncated) => {
                truncated = true;
                break;
            }
        };
        match file.unpack(data::MAX_BYTES) {
            pdf::Unpacked::Bytes(content) => match NoticeData::parse(&content) {
                Ok(data) => return Ok(data),
                // Another kind of attachment: keep looking.
                Err(DataError::NotOurs | DataError::NotJson(_)) => {}
                Err(e) => last = Some(e),
            },
            pdf::Unpacked::TooLarge => too_large = true,
            pdf::Unpacked::Unreadable => {}
        }
    }
    Err(match last {
        Some(e) => e.into(),
        None if too_large => Refusal::DataTooLarge,
        None if truncated => {
            Refusal::BadPdf("it ends in the middle of a part: the file is incomplete".to_owned())
        }
        None => Refusal::PdfWithoutData,
    })
}
