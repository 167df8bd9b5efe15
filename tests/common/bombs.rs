//! Files made to cost a reader far more than their size: decompression
//! bombs built at test time (a 2 GiB one in about 2 MB, in milliseconds),
//! and PDFs shaped like a notice around them.
//!
//! Included with `#[path]` by the register's unit tests
//! (`src/register/tests.rs`) and by `tests/memory_ceiling.rs`.

use std::fmt::Write as _;

use flate2::{Compress, Compression, FlushCompress};

/// One mebibyte.
pub const MIB: u64 = 1024 * 1024;

/// zlib data that inflates to `prefix` followed by `zeros` zero bytes
/// (`zeros` a whole number of MiB, at least 2). flate2 packs a MiB of
/// zeros once; that block, which writes zeros whatever was written before
/// it, is then repeated, so a 2 GiB bomb is built in milliseconds. The
/// stream is complete, checksum included.
pub fn zlib_zeros(prefix: &[u8], zeros: u64) -> Vec<u8> {
    assert!(zeros >= 2 * MIB && zeros.is_multiple_of(MIB), "{zeros}");
    let mut c = Compress::new(Compression::best(), true);
    let mut out = Vec::new();
    deflate(&mut c, prefix, FlushCompress::None, &mut out);
    let mib = vec![0u8; 1 << 20];
    deflate(&mut c, &mib, FlushCompress::Sync, &mut out);
    let start = out.len();
    deflate(&mut c, &mib, FlushCompress::Sync, &mut out);
    let block = out[start..].to_vec();
    for _ in 2..zeros / MIB {
        out.extend_from_slice(&block);
    }
    // The last block: empty, fixed codes, marked final.
    out.extend_from_slice(&[0x03, 0x00]);
    out.extend_from_slice(&adler32_then_zeros(prefix, zeros).to_be_bytes());
    out
}

/// Feeds `input` to the compressor, then flushes as asked.
fn deflate(c: &mut Compress, mut input: &[u8], flush: FlushCompress, out: &mut Vec<u8>) {
    loop {
        out.reserve(64 * 1024);
        let before = c.total_in();
        c.compress_vec(input, out, flush).expect("deflate");
        let used = usize::try_from(c.total_in() - before).expect("a length");
        input = &input[used..];
        if input.is_empty() && out.len() < out.capacity() {
            return;
        }
    }
}

/// The Adler-32 checksum of `prefix` followed by `zeros` zero bytes (a
/// zero byte adds nothing to the first sum and the first sum to the
/// second).
fn adler32_then_zeros(prefix: &[u8], zeros: u64) -> u32 {
    const MOD: u64 = 65521;
    let (mut a, mut b) = (1u64, 0u64);
    for &byte in prefix {
        a = (a + u64::from(byte)) % MOD;
        b = (b + a) % MOD;
    }
    b = (b + (zeros % MOD) * a) % MOD;
    u32::try_from((b << 16) | a).expect("32 bits")
}

/// A PDF of `objects` (each what goes between `N 0 obj` and `endobj`),
/// numbered from 1 with object 1 the catalog, and a cross-reference table.
pub fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\x80\x80\x80\x80\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f\r\n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n\r\n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A stream object: `dict` (without `/Length`) and `content`.
pub fn stream(dict: &str, content: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {} >>\nstream\n", content.len()).into_bytes();
    out.extend_from_slice(content);
    out.extend_from_slice(b"\nendstream");
    out
}

/// A one-page PDF shaped like a notice: its data embedded as
/// `monitor-check-notice.json` (named in the catalog's name tree and in a
/// file specification), the embedded stream packed by `filter` (e.g.
/// `/Filter /FlateDecode`, or nothing).
pub fn notice_pdf(filter: &str, content: &[u8]) -> Vec<u8> {
    pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names \
          [(monitor-check-notice.json) 4 0 R] >> >> /AF [4 0 R] >>"
            .to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_vec(),
        b"<< /Type /Filespec /F (monitor-check-notice.json) /UF (monitor-check-notice.json) \
          /AFRelationship /Data /EF << /F 5 0 R >> >>"
            .to_vec(),
        stream(
            &format!("/Type /EmbeddedFile /Subtype /application#2Fjson {filter}"),
            content,
        ),
    ])
}

/// A PDF as a writer that packs objects would make it: the catalog, the
/// page tree and the file specification are inside an object stream (found
/// through a cross-reference stream), and that object stream inflates to
/// `zeros` zero bytes after them. `embedded`, if given, is embedded as the
/// notice's data, unpacked, in a stream of its own.
pub fn object_stream_pdf(zeros: u64, embedded: Option<&[u8]>) -> Vec<u8> {
    let members = [
        "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names \
         [(monitor-check-notice.json) 6 0 R] >> >> >>",
        "<< /Type /Pages /Kids [] /Count 0 >>",
        "<< /Type /Filespec /F (monitor-check-notice.json) /EF << /F 4 0 R >> >>",
    ];
    let mut body = Vec::new();
    let mut index = String::new();
    for (number, member) in [1, 2, 6].into_iter().zip(members) {
        write!(index, "{number} {} ", body.len()).expect("a string takes any text");
        body.extend_from_slice(member.as_bytes());
        body.push(b' ');
    }
    let first = index.len();
    let packed = zlib_zeros(&[index.as_bytes(), &body].concat(), zeros);

    let mut out = b"%PDF-1.7\n%\x80\x80\x80\x80\n".to_vec();
    let mut offsets = Vec::new();
    let mut object = |out: &mut Vec<u8>, number: u32, bytes: &[u8]| {
        offsets.push((number, out.len()));
        out.extend_from_slice(format!("{number} 0 obj\n").as_bytes());
        out.extend_from_slice(bytes);
        out.extend_from_slice(b"\nendobj\n");
    };
    object(
        &mut out,
        3,
        &stream(
            &format!("/Type /ObjStm /N 3 /First {first} /Filter /FlateDecode"),
            &packed,
        ),
    );
    let data = embedded.unwrap_or(b"");
    object(
        &mut out,
        4,
        &stream("/Type /EmbeddedFile /Subtype /application#2Fjson", data),
    );
    let xref_at = out.len();
    // Cross-reference rows (type, offset or container, index), /W [1 4 2].
    let mut rows = Vec::new();
    let mut row = |kind: u8, field: usize, index: u16| {
        rows.push(kind);
        rows.extend_from_slice(&u32::try_from(field).expect("an offset").to_be_bytes());
        rows.extend_from_slice(&index.to_be_bytes());
    };
    let offset = |n: u32| {
        offsets
            .iter()
            .find(|(m, _)| *m == n)
            .map_or(0, |(_, at)| *at)
    };
    row(0, 0, 0xffff);
    row(2, 3, 0);
    row(2, 3, 1);
    row(1, offset(3), 0);
    row(1, offset(4), 0);
    row(1, xref_at, 0);
    row(2, 3, 2);
    out.extend_from_slice(b"5 0 obj\n");
    out.extend_from_slice(&stream("/Type /XRef /Size 7 /Root 1 0 R /W [1 4 2]", &rows));
    out.extend_from_slice(format!("\nendobj\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    out
}
