//! The text of a PDF the app wrote, read back with `lopdf` (a dependency of
//! the crate already), so the tests need no PDF tool on the machine.
//!
//! Included with `#[path]` by the integration tests and by the unit tests
//! (`src/notice/tests.rs`).

use lopdf::{Document, Object};

/// The text of each page in drawing order (the app draws line by line, top
/// to bottom), the pages joined by a form feed as `pdftotext` does. A line
/// ends where a text object ends, so `flat` helpers see words apart.
///
/// Panics on a PDF it cannot read, and on text it would pass over (inside a
/// form `XObject`, or given as `/ActualText`): a test that a phrase is absent
/// must not pass because the reader missed it.
pub fn pdf_text(pdf: &[u8]) -> String {
    let doc = Document::load_mem(pdf).unwrap_or_else(|e| panic!("lopdf reads the PDF: {e}"));
    let has_form = doc.objects.values().any(|o| {
        o.as_stream()
            .and_then(|s| s.dict.get(b"Subtype"))
            .and_then(Object::as_name)
            .is_ok_and(|name| name == b"Form")
    });
    assert!(
        !has_form,
        "a form XObject: this reader would not see its text"
    );
    let pages: Vec<String> = doc
        .get_pages()
        .into_iter()
        .map(|(number, id)| {
            let content = doc
                .get_and_decode_page_content(id)
                .unwrap_or_else(|e| panic!("page {number}: {e}"));
            let actual_text = content.operations.iter().any(|op| {
                op.operator == "BDC"
                    && op
                        .operands
                        .iter()
                        .any(|o| o.as_dict().is_ok_and(|d| d.has(b"ActualText")))
            });
            assert!(!actual_text, "page {number}: /ActualText is not read here");
            doc.extract_text(&[number])
                .unwrap_or_else(|e| panic!("page {number}: {e}"))
        })
        .collect();
    pages.join("\u{c}")
}
