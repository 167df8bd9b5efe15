//! Received files → notices: the JSON copy found in a `.json` file, in an
//! e-mail's attachment (`.eml`, or each message of an mbox export), or
//! embedded in a notice PDF. Folders are walked. Each notice found, or each
//! reason a file or message holds none, is one [`Found`].

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use mail_parser::{MessageParser, MimeHeaders};

use crate::fsutil::{self, FsError};
use crate::notice::data::{self, DataError, NoticeData};

/// The largest single file (or mbox message) read: a notice e-mail with
/// its PDF and photos is a few megabytes.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// [`MAX_FILE_BYTES`] as a length in memory.
const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;

/// Nested e-mails (a notice forwarded as an attachment) are followed this
/// deep.
const MAX_NESTING: usize = 3;

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
/// (hidden entries skipped).
pub fn read_paths(paths: &[PathBuf]) -> Vec<Found> {
    let mut found = Vec::new();
    for path in paths {
        read_path(path, &mut found, 0);
    }
    found
}

fn read_path(path: &Path, found: &mut Vec<Found>, depth: usize) {
    let origin = path.display().to_string();
    if path.is_dir() {
        let entries = match std::fs::read_dir(path) {
            Ok(entries) => entries,
            Err(error) => {
                let error = FsError::Read {
                    path: path.to_path_buf(),
                    error,
                };
                found.push(Found {
                    origin,
                    result: Err(error.into()),
                });
                return;
            }
        };
        let mut children: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .collect();
        children.sort();
        // Links between folders could otherwise loop.
        if depth < 8 {
            for child in children {
                read_path(&child, found, depth + 1);
            }
        }
        return;
    }
    match std::fs::File::open(path) {
        Ok(file) => read_file(file, &origin, path, found),
        Err(error) => found.push(Found {
            origin,
            result: Err(FsError::Read {
                path: path.to_path_buf(),
                error,
            }
            .into()),
        }),
    }
}

/// Reads one opened file: an mbox is read message by message, anything
/// else whole (up to [`MAX_FILE_BYTES`]).
fn read_file(file: std::fs::File, origin: &str, path: &Path, found: &mut Vec<Found>) {
    let mut reader = BufReader::new(file);
    let head = match reader.fill_buf() {
        Ok(head) => head,
        Err(error) => {
            found.push(Found {
                origin: origin.to_owned(),
                result: Err(FsError::Read {
                    path: path.to_path_buf(),
                    error,
                }
                .into()),
            });
            return;
        }
    };
    if head.starts_with(b"From ") {
        read_mbox(reader, origin, found);
        return;
    }
    let result = fsutil::read_capped_from(reader, path, MAX_FILE_BYTES)
        .map_err(Refusal::from)
        .map(|bytes| read_bytes(&bytes));
    match result {
        Ok(results) => found.extend(results.into_iter().map(|result| Found {
            origin: origin.to_owned(),
            result,
        })),
        Err(e) => found.push(Found {
            origin: origin.to_owned(),
            result: Err(e),
        }),
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
        read_mail(bytes, 0)
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

/// The notice data attached to an e-mail, or found in a message attached
/// to it (a forwarded notice).
fn read_mail(bytes: &[u8], depth: usize) -> Vec<Result<NoticeData, Refusal>> {
    let Some(message) = MessageParser::default().parse(bytes) else {
        return vec![Err(Refusal::Unknown)];
    };
    let mut out = Vec::new();
    for part in message.attachments() {
        if let Some(inner) = part.message() {
            if depth < MAX_NESTING {
                out.extend(
                    read_mail(inner.raw_message(), depth + 1)
                        .into_iter()
                        .filter(|r| !matches!(r, Err(Refusal::MailWithoutData))),
                );
            }
            continue;
        }
        if part.attachment_name() == Some(data::FILE_NAME) {
            out.push(NoticeData::parse(part.contents()).map_err(Refusal::from));
        }
    }
    if out.is_empty() {
        out.push(Err(Refusal::MailWithoutData));
    }
    out
}

/// The notice data embedded in a PDF: every embedded file stream is tried,
/// so the name tree's shape does not matter.
fn read_pdf(bytes: &[u8]) -> Result<NoticeData, Refusal> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| Refusal::BadPdf(e.to_string()))?;
    let mut last = None;
    for object in doc.objects.values() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        let is_file = stream
            .dict
            .get(b"Type")
            .and_then(lopdf::Object::as_name)
            .is_ok_and(|name| name == b"EmbeddedFile");
        if !is_file {
            continue;
        }
        let content = if stream.dict.get(b"Filter").is_ok() {
            match stream.decompressed_content() {
                Ok(content) => content,
                Err(_) => continue,
            }
        } else {
            stream.content.clone()
        };
        match NoticeData::parse(&content) {
            Ok(data) => return Ok(data),
            // Another kind of attachment: keep looking.
            Err(DataError::NotOurs | DataError::NotJson(_)) => {}
            Err(e) => last = Some(e),
        }
    }
    Err(last.map_or(Refusal::PdfWithoutData, Refusal::from))
}

/// Splits an mbox into messages as it reads, so an export of thousands of
/// e-mails is never held whole. A message starts at a `From ` line at the
/// start of the file or after an empty line; one larger than
/// [`MAX_FILE_BYTES`] is refused and skipped. A truncated last message is
/// read as far as it goes (its notice, if cut, fails the schema check).
fn read_mbox(mut reader: impl BufRead, origin: &str, found: &mut Vec<Found>) {
    let mut number = 0usize;
    let mut message: Vec<u8> = Vec::new();
    let mut too_large = false;
    let mut previous_blank = true;
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader
            .by_ref()
            .take(MAX_FILE_BYTES)
            .read_until(b'\n', &mut line)
        {
            Ok(0) => break,
            Ok(_) => {}
            Err(error) => {
                found.push(Found {
                    origin: format!("{origin}, message {}", number + 1),
                    result: Err(FsError::Read {
                        path: PathBuf::from(origin),
                        error,
                    }
                    .into()),
                });
                break;
            }
        }
        if previous_blank && line.starts_with(b"From ") {
            flush(origin, number, &mut message, too_large, found);
            number += 1;
            too_large = false;
            previous_blank = false;
            continue;
        }
        previous_blank = line == b"\n" || line == b"\r\n";
        if too_large {
            continue;
        }
        if message.len() + line.len() > MAX_MESSAGE_BYTES {
            too_large = true;
            message = Vec::new();
            continue;
        }
        // mboxrd quotes body lines that start with "From ".
        let unquoted = match line.iter().position(|b| *b != b'>') {
            Some(n) if n > 0 && line[n..].starts_with(b"From ") => &line[1..],
            _ => &line[..],
        };
        message.extend_from_slice(unquoted);
    }
    flush(origin, number, &mut message, too_large, found);
}

/// Reads one mbox message (numbered from 1; 0 is the text before the
/// first, which is no message) and empties `message`.
fn flush(
    origin: &str,
    number: usize,
    message: &mut Vec<u8>,
    too_large: bool,
    found: &mut Vec<Found>,
) {
    if number == 0 {
        return;
    }
    let origin = format!("{origin}, message {number}");
    if too_large {
        found.push(Found {
            origin,
            result: Err(Refusal::MessageTooLarge),
        });
    } else {
        found.extend(read_mail(message, 0).into_iter().map(|result| Found {
            origin: origin.clone(),
            result,
        }));
    }
    message.clear();
}
