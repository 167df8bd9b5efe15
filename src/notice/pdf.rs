//! The notice as an A4 PDF/A-3b with krilla: the bundled DejaVu fonts
//! embedded, headings, wrapped paragraphs, the label photos as thumbnails,
//! bookmarks per section, a footer with the list version and page
//! numbers, and the notice's data ([`super::data`]) as an embedded file.
//!
//! krilla draws glyphs where it is told and does no layout, so this module
//! lays the document out itself in two passes: first into pages of drawing
//! operations (so the page count is known), then onto krilla pages.
//!
//! One file per job: `style` (page, type sizes, colours), `layout` (the
//! generic layout engine, shared by the notice, the patient's sheet, the
//! leaflet and the register's summary), `qr` (QR codes) and `paint` (the
//! krilla painter, the metadata and the embedded file).

mod layout;
mod paint;
mod qr;
mod style;

#[cfg(test)]
pub(crate) use layout::laid_out;
pub use paint::PdfError;
pub(crate) use paint::PdfInfo;
#[cfg(test)]
pub(crate) use qr::qr_modules;
pub(crate) use style::Style;

use super::content::Notice;
use super::doc::{self, Doc};
use super::font;
use super::photo::{self, PDF_MAX_PX, PhotoFile, PhotoOutcome};
use crate::i18n::Lang;

/// The notice as PDF bytes in `lang`, with `photos` as thumbnails: each
/// re-encoded upright with no metadata. A photo that cannot be decoded is
/// left out and the notice names it.
pub fn render_pdf(notice: &Notice, lang: Lang, photos: &[PhotoFile]) -> Result<Vec<u8>, PdfError> {
    let prepared = photo::prepare_all(photos, PDF_MAX_PX);
    render_pdf_prepared(notice, lang, &prepared)
}

/// As [`render_pdf`], with photos already prepared by
/// [`photo::prepare_all`] (a photo that failed is named in the notice).
pub fn render_pdf_prepared(
    notice: &Notice,
    lang: Lang,
    photos: &[PhotoOutcome],
) -> Result<Vec<u8>, PdfError> {
    let notice = photo::noting_unreadable(notice, photos);
    let notice = notice.as_ref();
    let d = doc::build(notice, lang);
    let info = PdfInfo::for_notice(notice, lang, &doc::subject(notice, lang));
    render_docs(&[&d], &info, photos)
}

/// Lays out `docs` one after the other, each from a new page, into one PDF
/// described by `info`, with the footer of the first and pages numbered
/// across all of them. The notice is one document; the patient's sheet is
/// two (the patient's page, then the notice).
pub(crate) fn render_docs(
    docs: &[&Doc],
    info: &PdfInfo,
    photos: &[PhotoOutcome],
) -> Result<Vec<u8>, PdfError> {
    render_docs_styled(docs, info, photos, Style::STANDARD)
}

/// As [`render_docs`], with the type sizes of `style` (the patients'
/// leaflet is set larger, for older eyes).
pub(crate) fn render_docs_styled(
    docs: &[&Doc],
    info: &PdfInfo,
    photos: &[PhotoOutcome],
    style: Style,
) -> Result<Vec<u8>, PdfError> {
    let fonts = font::metrics().ok_or(PdfError::Font)?;
    let pages = layout::layout(docs, fonts, photos, style);
    let footer = docs.first().map(|d| d.footer.as_str()).unwrap_or_default();
    paint::write(&pages, footer, info, fonts, photos)
}
