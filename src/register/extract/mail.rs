//! The notice data attached to an e-mail, found by walking its MIME parts
//! with bounds.
//!
//! `mail-parser` reads each part's headers (folding, quoting, RFC 2231 and
//! 2047 names), but the walk over the parts is done here rather than by its
//! `MessageParser::parse`: that one decodes every base64 and
//! quoted-printable body of the message and keeps a value for every header
//! and every part, about 30 times the message's size on a message made of
//! short header lines or empty parts (a 30 MB one took 950 MB). Here only
//! what can hold a notice is ever decoded (the attachment named
//! [`data::FILE_NAME`], and a forwarded message to look into), a part's
//! headers are read only up to [`MAX_HEAD_BYTES`], and the walk stops after
//! [`MAX_PARTS`] parts. The photos and the PDF attached to a notice e-mail
//! are passed over without being decoded.

use std::borrow::Cow;

use mail_parser::decoders::base64::base64_decode;
use mail_parser::decoders::quoted_printable::quoted_printable_decode;
use mail_parser::parsers::MessageStream;
use mail_parser::{Header, HeaderName, MessageParser};
use memchr::memmem;

use super::Refusal;
use crate::notice::data::{self, DataError, NoticeData};

/// The most parts read in one e-mail, nested ones included: a notice
/// e-mail has its text, its PDF, its data and one per photo.
pub(crate) const MAX_PARTS: usize = 500;

/// The most bytes of headers read for one part (or message): real ones,
/// with their chain of `Received` and signature headers, are a few
/// kilobytes.
pub(crate) const MAX_HEAD_BYTES: usize = 128 * 1024;

/// Nested e-mails (a notice forwarded as an attachment) are followed this
/// deep.
const MAX_NESTING: usize = 3;

/// How deep multipart parts may nest in one message.
const MAX_MULTIPART_DEPTH: usize = 16;

/// The most bytes of the data attachment decoded: base64 of a notice at
/// the data cap with its line breaks, or quoted-printable of one with
/// every byte escaped, with room to spare. A larger one is refused
/// undecoded.
const MAX_ENCODED_DATA_BYTES: usize = 4 * data::MAX_BYTES;

/// The notice data in an e-mail's attachments, and in the messages
/// attached to it (a forwarded notice). Never empty: an e-mail without any
/// gives one refusal.
pub(crate) fn notices(bytes: &[u8]) -> Vec<Result<NoticeData, Refusal>> {
    let mut walk = Walk {
        // Only the headers that say what a part is are parsed into values;
        // the others are skipped as they are read.
        parser: MessageParser::new()
            .with_mime_headers()
            .default_header_ignore(),
        parts: 0,
        out: Vec::new(),
    };
    if let Err(refusal) = walk.entity(bytes, false, 0, 0) {
        walk.out.push(Err(refusal));
    }
    if walk.out.is_empty() {
        walk.out.push(Err(Refusal::MailWithoutData));
    }
    walk.out
}

/// The walk over one e-mail's parts.
struct Walk {
    /// Reads one part's headers.
    parser: MessageParser,
    /// Parts read so far, at every level.
    parts: usize,
    /// What the data attachments found gave.
    out: Vec<Result<NoticeData, Refusal>>,
}

/// What a part is, as its headers say. Owned, so that the headers read to
/// learn it are dropped before the part's own parts are read.
#[derive(Debug, PartialEq, Eq)]
enum Kind {
    /// `multipart/*`, with its boundary; `digest` makes `message/rfc822`
    /// the parts' default type.
    Multipart { boundary: Vec<u8>, digest: bool },
    /// `message/rfc822` or `message/global`: an e-mail inside.
    Message(Encoding),
    /// The attachment holding a notice's data.
    Data(Encoding),
    /// Anything else: passed over.
    Other,
}

impl Walk {
    /// Reads one part (or the message itself, or a message inside it):
    /// headers, then a body by its kind. `in_digest` is whether its parent
    /// is a `multipart/digest`; `messages` and `multiparts` are how deep it
    /// is.
    fn entity(
        &mut self,
        bytes: &[u8],
        in_digest: bool,
        messages: usize,
        multiparts: usize,
    ) -> Result<(), Refusal> {
        self.parts += 1;
        if self.parts > MAX_PARTS {
            return Err(Refusal::MailTooComplex);
        }
        let (head, body) = split_head(bytes).ok_or(Refusal::MailTooComplex)?;
        match self.kind(head, in_digest) {
            Kind::Multipart { boundary, digest } => {
                if multiparts >= MAX_MULTIPART_DEPTH {
                    return Err(Refusal::MailTooComplex);
                }
                for part in Parts::new(body, &boundary) {
                    self.entity(part, digest, messages, multiparts + 1)?;
                }
            }
            Kind::Message(encoding) => {
                if messages < MAX_NESTING
                    && let Some(inner) = decode(body, encoding)
                {
                    self.entity(&inner, false, messages + 1, 0)?;
                }
            }
            Kind::Data(encoding) => self.out.push(read_data(body, encoding)),
            Kind::Other => {}
        }
        Ok(())
    }

    /// What the headers in `head` say the part is (none: plain text, or an
    /// e-mail in a digest).
    fn kind(&self, head: &[u8], in_digest: bool) -> Kind {
        let mut headers: Vec<Header<'_>> = Vec::new();
        MessageStream::new(head).parse_headers(&self.parser, &mut headers);
        let content_type = |name: HeaderName<'static>| {
            headers
                .iter()
                .rev()
                .find(|h| h.name == name)
                .and_then(|h| h.value.as_content_type())
        };
        let transfer = encoding(&headers);
        let Some(ct) = content_type(HeaderName::ContentType) else {
            return if in_digest {
                Kind::Message(transfer)
            } else {
                Kind::Other
            };
        };
        let subtype = ct.subtype().unwrap_or_default();
        if ct.ctype().eq_ignore_ascii_case("multipart") {
            if let Some(boundary) = ct.attribute("boundary").filter(|b| !b.is_empty()) {
                return Kind::Multipart {
                    boundary: boundary.as_bytes().to_vec(),
                    digest: subtype.eq_ignore_ascii_case("digest"),
                };
            }
        } else if ct.ctype().eq_ignore_ascii_case("message")
            && (subtype.eq_ignore_ascii_case("rfc822") || subtype.eq_ignore_ascii_case("global"))
        {
            return Kind::Message(transfer);
        }
        // The name as `mail-parser` gives it: the `Content-Disposition`
        // file name, else the `Content-Type` name.
        let name = content_type(HeaderName::ContentDisposition)
            .and_then(|cd| cd.attribute("filename"))
            .or_else(|| ct.attribute("name"));
        if name == Some(data::FILE_NAME) {
            Kind::Data(transfer)
        } else {
            Kind::Other
        }
    }
}

/// How a body is encoded for transport.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Base64,
    QuotedPrintable,
    /// `7bit`, `8bit`, `binary`, or none given: as it is.
    AsIs,
}

/// The body's encoding, from `Content-Transfer-Encoding`.
fn encoding(headers: &[Header<'_>]) -> Encoding {
    let name = headers
        .iter()
        .rev()
        .find(|h| h.name == HeaderName::ContentTransferEncoding)
        .and_then(|h| h.value.as_text())
        .unwrap_or_default()
        .trim();
    if name.eq_ignore_ascii_case("base64") {
        Encoding::Base64
    } else if name.eq_ignore_ascii_case("quoted-printable") {
        Encoding::QuotedPrintable
    } else {
        Encoding::AsIs
    }
}

/// A body decoded from its transport encoding (never larger than the
/// body); `None` if it is damaged.
fn decode(body: &[u8], encoding: Encoding) -> Option<Cow<'_, [u8]>> {
    match encoding {
        Encoding::Base64 => base64_decode(body).map(Cow::Owned),
        Encoding::QuotedPrintable => quoted_printable_decode(body).map(Cow::Owned),
        Encoding::AsIs => Some(Cow::Borrowed(body)),
    }
}

/// The notice in the data attachment's body.
fn read_data(body: &[u8], encoding: Encoding) -> Result<NoticeData, Refusal> {
    if encoding != Encoding::AsIs && body.len() > MAX_ENCODED_DATA_BYTES {
        return Err(Refusal::DataTooLarge);
    }
    let bytes = decode(body, encoding).ok_or_else(|| {
        DataError::NotJson(format!(
            "the attachment's {} encoding is damaged",
            if encoding == Encoding::Base64 {
                "base64"
            } else {
                "quoted-printable"
            }
        ))
    })?;
    Ok(NoticeData::parse(&bytes)?)
}

/// A part's headers and body, split at the first empty line (the body is
/// empty if there is none); `None` if the headers are longer than
/// [`MAX_HEAD_BYTES`].
fn split_head(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    if let Some(body) = bytes
        .strip_prefix(b"\r\n")
        .or_else(|| bytes.strip_prefix(b"\n"))
    {
        return Some((&[], body));
    }
    let window = &bytes[..bytes.len().min(MAX_HEAD_BYTES + 2)];
    for newline in memchr::memchr_iter(b'\n', window) {
        let after = &bytes[newline + 1..];
        let blank = if after.starts_with(b"\n") {
            1
        } else if after.starts_with(b"\r\n") {
            2
        } else {
            continue;
        };
        if newline >= MAX_HEAD_BYTES {
            return None;
        }
        return Some((&bytes[..=newline], &after[blank..]));
    }
    (bytes.len() <= MAX_HEAD_BYTES).then_some((bytes, &[]))
}

/// The parts of a multipart body: what lies between its `--boundary`
/// lines, without the line break before each (RFC 2046, 5.1.1). The
/// preamble and the epilogue are left out; a body cut before its closing
/// line ends its last part at its end.
struct Parts<'a> {
    body: &'a [u8],
    delimiter: Vec<u8>,
    /// Where the current part starts; `None` before the first delimiter
    /// line and after the closing one.
    start: Option<usize>,
    /// Where the search for the next delimiter line starts.
    pos: usize,
    done: bool,
}

impl<'a> Parts<'a> {
    fn new(body: &'a [u8], boundary: &[u8]) -> Parts<'a> {
        let mut delimiter = b"--".to_vec();
        delimiter.extend_from_slice(boundary);
        Parts {
            body,
            delimiter,
            start: None,
            pos: 0,
            done: false,
        }
    }

    /// The next delimiter line from `pos`: where it starts, whether it
    /// closes the body, and where the line after it starts.
    fn next_delimiter(&mut self) -> Option<(usize, bool, usize)> {
        let body = self.body;
        loop {
            let at = self.pos + memmem::find(&body[self.pos..], &self.delimiter)?;
            self.pos = at + self.delimiter.len();
            if at > 0 && body[at - 1] != b'\n' {
                continue;
            }
            let rest = &body[self.pos..];
            let closing = rest.starts_with(b"--");
            let line_end = memchr::memchr(b'\n', rest).map_or(body.len(), |n| self.pos + n + 1);
            let padding = &body[self.pos + if closing { 2 } else { 0 }..line_end];
            if !padding.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.pos = line_end;
            return Some((at, closing, line_end));
        }
    }
}

impl<'a> Iterator for Parts<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        while !self.done {
            let Some((at, closing, next)) = self.next_delimiter() else {
                self.done = true;
                return self.start.map(|start| &self.body[start..]);
            };
            let previous = self.start.replace(next);
            if closing {
                self.done = true;
            }
            if let Some(start) = previous {
                let mut end = at.max(start);
                if end > start && self.body[end - 1] == b'\n' {
                    end -= 1;
                    if end > start && self.body[end - 1] == b'\r' {
                        end -= 1;
                    }
                }
                return Some(&self.body[start..end]);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_what_lies_between_the_boundary_lines() {
        let body =
            b"preamble\r\n--b\r\nA: 1\r\n\r\none\r\n--b \r\n\r\ntwo\n--bb\n--b--\r\nepilogue";
        let parts: Vec<&[u8]> = Parts::new(body, b"b").collect();
        assert_eq!(
            parts,
            [&b"A: 1\r\n\r\none"[..], b"\r\ntwo\n--bb"],
            "{:?}",
            parts
                .iter()
                .map(|p| String::from_utf8_lossy(p))
                .collect::<Vec<_>>()
        );
        let cut: Vec<&[u8]> = Parts::new(b"--b\nA: 1\n\nhalf", b"b").collect();
        assert_eq!(cut, [&b"A: 1\n\nhalf"[..]]);
        assert_eq!(Parts::new(b"no parts at all", b"b").count(), 0);
    }

    #[test]
    fn headers_end_at_the_first_empty_line_and_are_bounded() {
        assert_eq!(
            split_head(b"A: 1\r\nB: 2\r\n\r\nbody\r\n\r\nmore"),
            Some((&b"A: 1\r\nB: 2\r\n"[..], &b"body\r\n\r\nmore"[..]))
        );
        assert_eq!(split_head(b"\nbody"), Some((&b""[..], &b"body"[..])));
        assert_eq!(split_head(b"A: 1\n"), Some((&b"A: 1\n"[..], &b""[..])));
        let long = [b"A: 1\n".repeat(MAX_HEAD_BYTES / 5 + 1), b"\nbody".to_vec()].concat();
        assert_eq!(split_head(&long), None);
    }

    #[test]
    fn more_parts_than_a_notice_e_mail_has_are_refused() {
        let mut mail = b"Content-Type: multipart/mixed; boundary=b\n\n".to_vec();
        for _ in 0..MAX_PARTS {
            mail.extend_from_slice(b"--b\n\nx\n");
        }
        mail.extend_from_slice(b"--b--\n");
        let got = notices(&mail);
        assert!(matches!(got[..], [Err(Refusal::MailTooComplex)]), "{got:?}");
    }

    #[test]
    fn a_forwarded_message_is_looked_into_but_not_too_deep() {
        let json = b"{\"schema\": \"someone-else\"}";
        let leaf = format!(
            "Content-Type: application/json\nContent-Disposition: attachment; filename=\"{}\"\n\n{}",
            data::FILE_NAME,
            String::from_utf8_lossy(json)
        );
        // Each level has its own boundary, as mail programs make them.
        let wrap = |inner: &str, level: usize| {
            format!(
                "Content-Type: multipart/mixed; boundary=x{level}\n\n--x{level}\n\
                 Content-Type: message/rfc822\n\n{inner}\n--x{level}--\n"
            )
        };
        let mut followed = leaf.clone();
        for level in 0..MAX_NESTING {
            followed = wrap(&followed, level);
            assert!(
                matches!(
                    notices(followed.as_bytes())[..],
                    [Err(Refusal::Data(DataError::NotOurs))]
                ),
                "{level}"
            );
        }
        let mut deep = leaf.clone();
        for level in 0..=MAX_NESTING {
            deep = wrap(&deep, level);
        }
        assert!(matches!(
            notices(deep.as_bytes())[..],
            [Err(Refusal::MailWithoutData)]
        ));
    }

    #[test]
    fn a_data_attachment_larger_than_a_notice_is_not_decoded() {
        let mail = format!(
            "Content-Type: application/json; name={}\nContent-Transfer-Encoding: base64\n\n{}",
            data::FILE_NAME,
            "QUFB".repeat(MAX_ENCODED_DATA_BYTES / 4 + 1)
        );
        assert!(matches!(
            notices(mail.as_bytes())[..],
            [Err(Refusal::DataTooLarge)]
        ));
    }
}
