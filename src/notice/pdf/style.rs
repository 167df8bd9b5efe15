//! The page and its type: A4 geometry, type sizes ([`Style`]), the
//! spacing of blocks, drawing and QR sizes, and the colours.

use crate::identify::VerdictKind;

// A4 in points, and the frame the content flows in.
pub(super) const PAGE_W: f32 = 595.28;
pub(super) const PAGE_H: f32 = 841.89;
pub(super) const MARGIN_X: f32 = 56.0;
pub(super) const TOP: f32 = 54.0;
pub(super) const BOTTOM: f32 = PAGE_H - 58.0;
pub(super) const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
pub(super) const FOOTER_BASELINE: f32 = PAGE_H - 34.0;

// Type sizes in points.
pub(super) const TITLE_SIZE: f32 = 17.0;
pub(super) const SUBTITLE_SIZE: f32 = 11.5;
pub(super) const HEADING_SIZE: f32 = 12.5;
pub(super) const BODY_SIZE: f32 = 10.0;

/// The type sizes of a document, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Style {
    /// The title.
    pub title: f32,
    /// The line under the title.
    pub subtitle: f32,
    /// Section headings.
    pub heading: f32,
    /// Paragraphs, bullets and fields.
    pub body: f32,
}

impl Style {
    /// The notice's sizes: a doctor's document, dense but clear.
    pub(crate) const STANDARD: Style = Style {
        title: TITLE_SIZE,
        subtitle: SUBTITLE_SIZE,
        heading: HEADING_SIZE,
        body: BODY_SIZE,
    };
}
pub(super) const SMALL_SIZE: f32 = 8.0;
pub(super) const LEADING: f32 = 1.36;

/// Width of the label column of fields.
pub(super) const LABEL_W: f32 = 160.0;
pub(super) const LABEL_GAP: f32 = 10.0;
pub(super) const BULLET_INDENT: f32 = 14.0;
pub(super) const SUB_INDENT: f32 = 30.0;
pub(super) const PHOTO_MAX_H: f32 = 210.0;
pub(super) const PHOTO_GAP: f32 = 14.0;
/// Side of a QR code without its quiet zone: 38 mm, which a phone camera
/// reads from a leaflet held at arm's length.
pub(super) const QR_SIDE: f32 = 38.0 * 72.0 / 25.4;
/// The light margin kept around a QR code, in modules (the standard's 4).
pub(super) const QR_QUIET_MODULES: f32 = 4.0;
/// Space between a QR code's quiet zone and the text beside it.
pub(super) const QR_TEXT_GAP: f32 = 8.0;

/// Colours (sRGB).
pub(super) const INK: (u8, u8, u8) = (0x1a, 0x1a, 0x1a);
pub(super) const ACCENT: (u8, u8, u8) = (0x1f, 0x3a, 0x5f);
pub(super) const MUTED: (u8, u8, u8) = (0x5a, 0x5a, 0x5a);
pub(super) const RULE: (u8, u8, u8) = (0xb8, 0xc2, 0xcc);
pub(super) const ALERT_INK: (u8, u8, u8) = (0x9b, 0x1c, 0x1c);
pub(super) const ALERT_BG: (u8, u8, u8) = (0xfd, 0xee, 0xee);
pub(super) const WHITE: (u8, u8, u8) = (0xff, 0xff, 0xff);
/// Amber for a verdict that is not known yet (dark ink on it).
pub(super) const AMBER: (u8, u8, u8) = (0xf5, 0xb7, 0x2e);
/// Pure black for QR modules: the most contrast for a camera.
pub(super) const QR_INK: (u8, u8, u8) = (0, 0, 0);

/// Letterhead, kicker and verdict banner sizes in points.
pub(super) const LETTERHEAD_SIZE: f32 = 13.0;
pub(super) const KICKER_SIZE: f32 = 10.5;
pub(super) const VERDICT_SIZE: f32 = 21.0;
pub(super) const VERDICT_PAD: f32 = 12.0;

/// Fill and ink of the verdict banner: the alert's red when affected, amber
/// when unknown, the notice's own navy when not listed — a neutral colour,
/// never a green that would read as "all clear".
pub(super) fn verdict_colors(kind: VerdictKind) -> ((u8, u8, u8), (u8, u8, u8)) {
    match kind {
        VerdictKind::Affected => (ALERT_INK, WHITE),
        VerdictKind::Unknown => (AMBER, INK),
        VerdictKind::NotAffected => (ACCENT, WHITE),
    }
}

/// Widest a drawing is set on the page, in points (about 34 mm): beside
/// the steps of the patient's one-page sheet.
pub(super) const PICTURE_MAX_W: f32 = 96.0;

/// Smallest type a drawing's words are printed at, in points.
pub(super) const MIN_PICTURE_TEXT: f32 = 5.0;

/// Width of an icon hung in the margin ([`Block::Icon`]), about 10 mm.
pub(super) const ICON_W: f32 = 28.0;

/// Space between an icon and the text beside it.
pub(super) const ICON_TEXT_GAP: f32 = 6.0;

/// Width of a drawing set beside text (about 25 mm).
pub(super) const PICTURE_BESIDE_W: f32 = 72.0;
