//! The files embedded in a PDF, found by one pass over its bytes instead of
//! loading the document.
//!
//! Loading a whole document (lopdf's `Document::load_mem`) costs far more
//! than the file's size on a file made to do so: it unpacks object streams
//! while it loads, and parses every object it finds into values many times
//! their size (a 20 MB PDF holding one long array of numbers took 1.2 GB).
//! A notice needs none of that: its data is one stream marked
//! `/Type /EmbeddedFile`, and streams are never stored inside object
//! streams. So the bytes are scanned once for the `stream` keyword; only
//! the dictionary just before each one is parsed (a few kilobytes at most),
//! and only an embedded file's content is ever unpacked, by lopdf's capped
//! decoders. Object streams, page contents, fonts and pictures are skipped
//! unread.
//!
//! The scan does not follow references: an embedded file whose `/Length`
//! is an indirect object is cut at its `endstream`, and one whose `/Filter`
//! is indirect is left alone (not as Monitor Check writes them).

use lopdf::{DecompressError, Dictionary, Object, Stream, StringFormat};
use memchr::memmem;

/// The most streams read in one PDF: a notice has about a dozen (fonts,
/// pages, its data) and one or two per photo, so this leaves room for
/// hundreds of photos while bounding the work a made-up file can ask for.
pub(crate) const MAX_STREAMS: usize = 1000;

/// The most bytes of a stream's dictionary read before its `stream`
/// keyword: a notice's are under 300 bytes.
const MAX_DICT_BYTES: usize = 16 * 1024;

/// How deep arrays and dictionaries may nest inside a stream's dictionary.
const MAX_DEPTH: usize = 8;

/// The most packed bytes of an embedded file unpacked: its data in hex
/// (the most a PDF filter inflates a notice's bytes) of a notice at the
/// data cap, with room to spare. A larger embedded file is another
/// attachment, not a notice's data.
const MAX_PACKED_BYTES: usize = 4 * crate::notice::data::MAX_BYTES;

/// Why a PDF was not read further.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// More than [`MAX_STREAMS`] streams.
    TooManyStreams,
    /// A stream runs to the end of the file: the file is cut short.
    Truncated,
}

/// What unpacking one embedded file gave.
#[derive(Debug)]
pub(crate) enum Unpacked {
    /// Its bytes, at most the limit asked for.
    Bytes(Vec<u8>),
    /// It unpacks to more than the limit; unpacking stopped there.
    TooLarge,
    /// Packed in a way lopdf does not read, or damaged, or larger packed
    /// than any notice's data: not a notice.
    Unreadable,
}

/// One embedded file: its dictionary and its packed content in the file.
pub(crate) struct EmbeddedFile<'a> {
    dict: Dictionary,
    content: &'a [u8],
}

impl EmbeddedFile<'_> {
    /// The file's bytes, unpacked by its filters; unpacking stops as soon
    /// as the output passes `max_bytes`.
    pub(crate) fn unpack(&self, max_bytes: usize) -> Unpacked {
        if self.content.len() > MAX_PACKED_BYTES {
            return Unpacked::Unreadable;
        }
        let mut dict = Dictionary::new();
        for key in [&b"Filter"[..], b"DecodeParms"] {
            if let Ok(value) = self.dict.get(key) {
                dict.set(key, value.clone());
            }
        }
        let stream = Stream::new(dict, self.content.to_vec());
        match stream.decompressed_content_with_limit(max_bytes) {
            Ok(bytes) => Unpacked::Bytes(bytes),
            Err(lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => {
                Unpacked::TooLarge
            }
            Err(_) => Unpacked::Unreadable,
        }
    }
}

/// The embedded files of `pdf`, in file order, found as the scan reaches
/// them: the caller reads each before the next is looked for. A [`Stop`]
/// ends the scan.
pub(crate) fn embedded_files(pdf: &[u8]) -> EmbeddedFiles<'_> {
    EmbeddedFiles {
        pdf,
        pos: 0,
        streams: 0,
        done: false,
    }
}

/// The scan behind [`embedded_files`].
pub(crate) struct EmbeddedFiles<'a> {
    pdf: &'a [u8],
    /// Where the search for the next `stream` keyword starts: past the
    /// previous stream's content, so bytes inside content are never taken
    /// for structure.
    pos: usize,
    /// Streams seen so far.
    streams: usize,
    done: bool,
}

impl<'a> Iterator for EmbeddedFiles<'a> {
    type Item = Result<EmbeddedFile<'a>, Stop>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let Some(keyword) = self.next_keyword() else {
                self.done = true;
                break;
            };
            self.streams += 1;
            if self.streams > MAX_STREAMS {
                self.done = true;
                return Some(Err(Stop::TooManyStreams));
            }
            let dict_start = self.pos.max(keyword.at.saturating_sub(MAX_DICT_BYTES));
            let dict = stream_dict(&self.pdf[dict_start..keyword.at]);
            let length = dict
                .as_ref()
                .and_then(|d| d.get(b"Length").ok())
                .and_then(|l| l.as_i64().ok())
                .and_then(|l| usize::try_from(l).ok());
            let Some((content, end)) = content(self.pdf, keyword.data, length) else {
                self.done = true;
                return Some(Err(Stop::Truncated));
            };
            self.pos = end;
            if let Some(dict) = dict
                && dict.has_type(b"EmbeddedFile")
            {
                return Some(Ok(EmbeddedFile { dict, content }));
            }
        }
        None
    }
}

/// A `stream` keyword: where it starts, and where its content starts.
struct Keyword {
    at: usize,
    data: usize,
}

impl EmbeddedFiles<'_> {
    /// The next `stream` keyword from `pos`: the word on its own (not
    /// `endstream`, not part of a name), followed by an end of line.
    fn next_keyword(&mut self) -> Option<Keyword> {
        const WORD: &[u8] = b"stream";
        let pdf = self.pdf;
        let mut from = self.pos;
        loop {
            let at = from + memmem::find(&pdf[from..], WORD)?;
            from = at + WORD.len();
            let before = at.checked_sub(1).map(|i| pdf[i]);
            if !before.is_none_or(|b| is_white(b) || b == b'>') {
                continue;
            }
            let mut data = from;
            while matches!(pdf.get(data), Some(b' ' | b'\t')) {
                data += 1;
            }
            match (pdf.get(data), pdf.get(data + 1)) {
                (Some(b'\r'), Some(b'\n')) => data += 2,
                (Some(b'\n' | b'\r'), _) => data += 1,
                _ => continue,
            }
            return Some(Keyword { at, data });
        }
    }
}

/// A stream's content from `start`: `length` bytes when the dictionary's
/// `/Length` is a number that ends at `endstream`, else up to the next
/// `endstream` (without the end of line before it). With the offset the
/// scan goes on from; `None` when no `endstream` follows.
fn content(pdf: &[u8], start: usize, length: Option<usize>) -> Option<(&[u8], usize)> {
    if let Some(end) = length.and_then(|n| start.checked_add(n))
        && end <= pdf.len()
    {
        let mut after = end;
        while pdf.get(after).is_some_and(|b| is_white(*b)) {
            after += 1;
        }
        if pdf[after..].starts_with(b"endstream") {
            return Some((&pdf[start..end], after));
        }
    }
    let found = start + memmem::find(&pdf[start..], b"endstream")?;
    let mut end = found;
    if pdf[start..end].ends_with(b"\r\n") {
        end -= 2;
    } else if pdf[start..end].ends_with(b"\n") || pdf[start..end].ends_with(b"\r") {
        end -= 1;
    }
    Some((&pdf[start..end], found))
}

/// The dictionary that ends `head` (the bytes before a `stream` keyword),
/// read from just after the last `obj` keyword in it; `None` unless that
/// is exactly one dictionary.
fn stream_dict(head: &[u8]) -> Option<Dictionary> {
    let obj = memmem::rfind(head, b"obj")?;
    // `endobj` ends another object: this stream has no header of its own.
    if obj == 0 || !is_white(head[obj - 1]) {
        return None;
    }
    let mut lexer = Lexer {
        bytes: &head[obj + 3..],
        pos: 0,
    };
    lexer.skip_space();
    let Object::Dictionary(dict) = lexer.object(0)? else {
        return None;
    };
    lexer.skip_space();
    (lexer.pos == lexer.bytes.len()).then_some(dict)
}

/// PDF white space (ISO 32000-1, 7.2.2).
fn is_white(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// PDF delimiters (ISO 32000-1, 7.2.2).
fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// Reads direct objects from a short slice: the grammar of ISO 32000-1,
/// 7.3, without streams and with references kept as references. Every
/// read stays inside the slice.
struct Lexer<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn rest(&self) -> &[u8] {
        &self.bytes[self.pos..]
    }

    /// Skips white space and comments.
    fn skip_space(&mut self) {
        while let Some(b) = self.peek() {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while self.peek().is_some_and(|b| b != b'\n' && b != b'\r') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// One object, nested at most [`MAX_DEPTH`] deep.
    fn object(&mut self, depth: usize) -> Option<Object> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'<' if self.rest().starts_with(b"<<") => {
                self.dictionary(depth).map(Object::Dictionary)
            }
            b'<' => self.hex_string(),
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    if self.peek()? == b']' {
                        self.pos += 1;
                        return Some(Object::Array(items));
                    }
                    items.push(self.object(depth + 1)?);
                }
            }
            b'(' => self.literal_string(),
            b'/' => Some(Object::Name(self.name())),
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number(),
            _ => {
                let word = self.regular_word();
                match word {
                    b"true" => Some(Object::Boolean(true)),
                    b"false" => Some(Object::Boolean(false)),
                    b"null" => Some(Object::Null),
                    _ => None,
                }
            }
        }
    }

    fn dictionary(&mut self, depth: usize) -> Option<Dictionary> {
        self.pos += 2;
        let mut dict = Dictionary::new();
        loop {
            self.skip_space();
            if self.rest().starts_with(b">>") {
                self.pos += 2;
                return Some(dict);
            }
            if self.peek()? != b'/' {
                return None;
            }
            let key = self.name();
            self.skip_space();
            let value = self.object(depth + 1)?;
            dict.set(key, value);
        }
    }

    /// The bytes up to the next white space or delimiter.
    fn regular_word(&mut self) -> &[u8] {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|b| !is_white(b) && !is_delimiter(b))
        {
            self.pos += 1;
        }
        &self.bytes[start..self.pos]
    }

    /// A name, its `#xx` escapes decoded.
    fn name(&mut self) -> Vec<u8> {
        self.pos += 1;
        let raw = self.regular_word();
        let mut name = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            if raw[i] == b'#'
                && let Some(byte) = raw
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                name.push(byte);
                i += 3;
            } else {
                name.push(raw[i]);
                i += 1;
            }
        }
        name
    }

    /// An integer, a real, or a reference `n g R`.
    fn number(&mut self) -> Option<Object> {
        let word = std::str::from_utf8(self.regular_word()).ok()?;
        if let Ok(n) = word.parse::<i64>() {
            let after = self.pos;
            if n >= 0
                && let Some(id) = self.reference_tail(n)
            {
                return Some(Object::Reference(id));
            }
            self.pos = after;
            return Some(Object::Integer(n));
        }
        word.parse::<f32>().ok().map(Object::Real)
    }

    /// After an object number: ` g R`, giving the reference.
    fn reference_tail(&mut self, number: i64) -> Option<(u32, u16)> {
        self.skip_space();
        let generation: u16 = std::str::from_utf8(self.regular_word())
            .ok()?
            .parse()
            .ok()?;
        self.skip_space();
        if self.regular_word() != b"R" {
            return None;
        }
        Some((u32::try_from(number).ok()?, generation))
    }

    /// A `( … )` string: balanced parentheses, backslash escapes kept as
    /// written (only whether it ends matters here).
    fn literal_string(&mut self) -> Option<Object> {
        let start = self.pos + 1;
        let mut open = 0usize;
        loop {
            let b = self.peek()?;
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'(' => open += 1,
                b')' => {
                    open -= 1;
                    if open == 0 {
                        let text = self.bytes.get(start..self.pos - 1)?;
                        return Some(Object::String(text.to_vec(), StringFormat::Literal));
                    }
                }
                _ => {}
            }
        }
    }

    /// A `< … >` string of hexadecimal digits (kept as written).
    fn hex_string(&mut self) -> Option<Object> {
        let start = self.pos + 1;
        let end = start + memchr::memchr(b'>', self.bytes.get(start..)?)?;
        self.pos = end + 1;
        let text = &self.bytes[start..end];
        text.iter()
            .all(|b| b.is_ascii_hexdigit() || is_white(*b))
            .then(|| Object::String(text.to_vec(), StringFormat::Hexadecimal))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(pdf: &[u8]) -> Vec<Result<Vec<u8>, Stop>> {
        embedded_files(pdf)
            .map(|f| f.map(|f| f.content.to_vec()))
            .collect()
    }

    #[test]
    fn an_embedded_file_is_found_with_its_length_or_its_endstream() {
        let pdf = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\
            2 0 obj\n<</Length 3/Type/EmbeddedFile>>\nstream\nabc\nendstream\nendobj\n\
            3 0 obj\n<< /Length 9 0 R /Type /Embedded#46ile % a comment\n>>stream\r\n\
            {\"a\": 1}\r\nendstream\nendobj\n\
            4 0 obj\n<< /Length 4 /Type /XObject >>\nstream\nwxyz\nendstream\nendobj\n%%EOF\n";
        assert_eq!(
            files(pdf),
            [Ok(b"abc".to_vec()), Ok(b"{\"a\": 1}".to_vec())]
        );
    }

    #[test]
    fn bytes_inside_a_stream_are_never_read_as_structure() {
        // The first stream's content holds what looks like an embedded
        // file; its /Length carries the scan past it.
        let inner = b"\n9 0 obj\n<< /Type /EmbeddedFile >>\nstream\nfake\nendstream\n";
        let mut pdf = format!("1 0 obj\n<< /Length {} >>\nstream\n", inner.len()).into_bytes();
        pdf.extend_from_slice(inner);
        pdf.extend_from_slice(b"\nendstream\nendobj\n");
        assert!(files(&pdf).is_empty());
    }

    #[test]
    fn the_dictionary_read_is_the_one_just_before_the_keyword() {
        for bad in [
            &b"1 0 obj\n<< /Type /EmbeddedFile >> junk\nstream\nx\nendstream\n"[..],
            b"1 0 obj\n<< /Type /EmbeddedFile\nstream\nx\nendstream\n",
            b"endobj << /Type /EmbeddedFile >>\nstream\nx\nendstream\n",
            b"1 0 obj\n<< /Type /EmbeddedFile /Sub/upstream\nx\nendstream\n",
        ] {
            assert!(files(bad).is_empty(), "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn a_stream_cut_short_ends_the_scan() {
        let pdf = b"1 0 obj\n<< /Type /EmbeddedFile /Length 100 >>\nstream\nabc";
        assert_eq!(files(pdf), [Err(Stop::Truncated)]);
    }

    #[test]
    fn more_streams_than_a_notice_has_stop_the_scan() {
        let one = b"1 0 obj\n<< /Length 1 >>\nstream\nx\nendstream\nendobj\n";
        let pdf = one.repeat(MAX_STREAMS + 1);
        assert_eq!(files(&pdf), [Err(Stop::TooManyStreams)]);
        assert!(files(&one.repeat(MAX_STREAMS)).is_empty());
    }

    #[test]
    fn nesting_and_size_of_the_dictionary_are_bounded() {
        let deep = format!(
            "1 0 obj\n<< /Type /EmbeddedFile /A {}1{} >>\nstream\nx\nendstream\n",
            "[".repeat(MAX_DEPTH + 1),
            "]".repeat(MAX_DEPTH + 1)
        );
        assert!(files(deep.as_bytes()).is_empty());
        let long = format!(
            "1 0 obj\n<< /Type /EmbeddedFile /A [{}] >>\nstream\nx\nendstream\n",
            "0 ".repeat(MAX_DICT_BYTES)
        );
        assert!(files(long.as_bytes()).is_empty());
    }

    #[test]
    fn unpacking_stops_at_the_limit() {
        use std::io::Write as _;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(&[b'x'; 5000]).unwrap();
        let packed = z.finish().unwrap();
        let mut dict = Dictionary::new();
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        let file = EmbeddedFile {
            dict,
            content: &packed,
        };
        assert!(matches!(file.unpack(5000), Unpacked::Bytes(b) if b.len() == 5000));
        assert!(matches!(file.unpack(4999), Unpacked::TooLarge));
    }
}
