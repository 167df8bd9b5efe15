//! The layout engine: a [`Doc`] (the notice, the patient's sheet, the
//! leaflet, the register's summary) set into pages of drawing operations
//! ([`Op`]) in a [`Style`], with the bookmark of each section, so that the
//! page count is known before anything is drawn.

use super::qr::{qr_modules, qr_squares};
use super::style::{
    ACCENT, ALERT_BG, ALERT_INK, BOTTOM, BULLET_INDENT, CONTENT_W, ICON_TEXT_GAP, ICON_W, INK,
    KICKER_SIZE, LABEL_GAP, LABEL_W, LEADING, LETTERHEAD_SIZE, MARGIN_X, MUTED, PHOTO_GAP,
    PHOTO_MAX_H, PICTURE_BESIDE_W, PICTURE_MAX_W, QR_INK, QR_QUIET_MODULES, QR_SIDE, QR_TEXT_GAP,
    RULE, SMALL_SIZE, SUB_INDENT, Style, TOP, VERDICT_PAD, VERDICT_SIZE, verdict_colors,
};
use crate::identify::VerdictKind;
use crate::notice::doc::{Block, Doc};
use crate::notice::font::{self, Metrics};
use crate::notice::photo::PhotoOutcome;

/// One drawing operation, in points from the page's top-left corner.
#[derive(Debug, Clone)]
pub(super) enum Op {
    /// One line of text; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: (u8, u8, u8),
        text: String,
    },
    /// A rectangle, filled and/or outlined.
    Rect {
        rect: (f32, f32, f32, f32),
        fill: Option<(u8, u8, u8)>,
        stroke: Option<(u8, u8, u8)>,
    },
    /// A horizontal rule.
    Rule { x: f32, y: f32, w: f32 },
    /// Photo number `index` scaled into the box.
    Image {
        index: usize,
        rect: (f32, f32, f32, f32),
    },
    /// A drawing, its design units in points from `origin`, scaled.
    Picture {
        origin: (f32, f32),
        scale: f32,
        picture: crate::drawing::Picture,
    },
    /// Rectangles filled as one shape (the dark modules of a QR code), so
    /// no hairline shows where two of them touch.
    Squares {
        rects: Vec<(f32, f32, f32, f32)>,
        color: (u8, u8, u8),
    },
}

/// Laid-out pages, plus the bookmark of each section.
pub(super) struct Pages {
    pub(super) pages: Vec<Vec<Op>>,
    pub(super) bookmarks: Vec<(String, usize, f32)>,
}

struct Layout<'a> {
    fonts: &'a (Metrics, Metrics),
    /// Finished pages.
    done: Vec<Vec<Op>>,
    /// The page being filled.
    current: Vec<Op>,
    bookmarks: Vec<(String, usize, f32)>,
    y: f32,
    /// The type sizes.
    style: Style,
    /// Left edge and width of the column that paragraphs, bullets and
    /// fields flow in: the full content width, or the column beside a QR
    /// code.
    column: (f32, f32),
    /// The bottom of the QR code the column runs beside, while it does.
    float_bottom: Option<f32>,
}

impl Layout<'_> {
    fn page(&mut self) -> &mut Vec<Op> {
        &mut self.current
    }

    fn new_page(&mut self) {
        self.done.push(std::mem::take(&mut self.current));
        self.y = TOP;
        // A QR code stays on its page; the text after it takes the width.
        self.column = (MARGIN_X, CONTENT_W);
        self.float_bottom = None;
    }

    /// Starts a new page unless `height` more points fit on this one.
    /// A drawing at the column's left edge, at most [`PICTURE_MAX_W`]
    /// wide, kept whole on one page.
    fn picture(&mut self, picture: crate::drawing::Picture) {
        let (left, width) = self.column;
        let scale = (width.min(PICTURE_MAX_W) / picture.size.0).min(1.0);
        let height = picture.size.1 * scale;
        self.ensure(height + 8.0);
        self.y += 4.0;
        let origin = (left + BULLET_INDENT, self.y);
        self.page().push(Op::Picture {
            origin,
            scale,
            picture,
        });
        self.y += height + 4.0;
    }

    /// A drawing at the left margin, [`PICTURE_BESIDE_W`] wide, with what
    /// follows in its section set in the column beside it (as beside a QR
    /// code).
    fn picture_beside(&mut self, picture: crate::drawing::Picture) {
        self.end_float();
        let scale = PICTURE_BESIDE_W / picture.size.0;
        let height = picture.size.1 * scale;
        self.ensure(height + 6.0);
        let top = self.y + 2.0;
        self.page().push(Op::Picture {
            origin: (MARGIN_X, top),
            scale,
            picture,
        });
        let indent = PICTURE_BESIDE_W + QR_TEXT_GAP;
        self.column = (MARGIN_X + indent, CONTENT_W - indent);
        self.float_bottom = Some(top + height + 2.0);
        self.y = top;
    }

    /// A small drawing hung in the left margin beside the block that
    /// follows, as wide as what it draws: it takes no room from the text.
    fn icon(&mut self, picture: crate::drawing::Picture) {
        let (right, bottom) = picture.extent();
        let scale = ICON_W / right.max(1.0);
        let height = bottom * scale;
        // On the same page as the line it stands beside, centred on it.
        self.ensure(height);
        let line = self.style.body * LEADING;
        let top = (self.y + (line - height) / 2.0).max(TOP);
        let origin = (MARGIN_X - ICON_W - ICON_TEXT_GAP, top);
        self.page().push(Op::Picture {
            origin,
            scale,
            picture,
        });
    }

    fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP {
            self.new_page();
        }
    }

    fn metrics(&self, bold: bool) -> &Metrics {
        if bold { &self.fonts.1 } else { &self.fonts.0 }
    }

    fn wrap(&self, text: &str, bold: bool, size: f32, width: f32) -> Vec<String> {
        let clean = font::printable(text, self.fonts);
        font::wrap(&clean, self.metrics(bold), size, width)
    }

    fn text(
        &mut self,
        x: f32,
        line_top: f32,
        size: f32,
        bold: bool,
        color: (u8, u8, u8),
        text: String,
    ) {
        // The baseline sits about one em below the top of the line box.
        let y = line_top + size * 1.02;
        self.page().push(Op::Text {
            x,
            y,
            size,
            bold,
            color,
            text,
        });
    }

    /// A wrapped paragraph at `x` with `width`, flowing across pages.
    fn para(&mut self, text: &str, x: f32, width: f32, size: f32, bold: bool, color: (u8, u8, u8)) {
        let line_h = size * LEADING;
        for line in self.wrap(text, bold, size, width) {
            self.ensure(line_h);
            let y = self.y;
            self.text(x, y, size, bold, color, line);
            self.y += line_h;
        }
    }

    fn bullet(&mut self, text: &str, indent: f32, mark: &str, bold: bool) {
        let line_h = self.style.body * LEADING;
        let (left, width) = self.column;
        let x = left + indent;
        let lines = self.wrap(text, bold, self.style.body, width - indent);
        for (i, line) in lines.into_iter().enumerate() {
            self.ensure(line_h);
            let y = self.y;
            if i == 0 {
                self.text(x - 10.0, y, self.style.body, bold, ACCENT, mark.to_owned());
            }
            self.text(x, y, self.style.body, bold, INK, line);
            self.y += line_h;
        }
    }

    /// The verdict in large type on a band of its colour, kept whole.
    fn verdict(&mut self, kind: VerdictKind, text: &str) {
        let (bg, ink) = verdict_colors(kind);
        let line_h = VERDICT_SIZE * 1.2;
        let lines = self.wrap(text, true, VERDICT_SIZE, CONTENT_W - 2.0 * VERDICT_PAD);
        #[expect(clippy::cast_precision_loss, reason = "a handful of lines")]
        let height = 2.0 * VERDICT_PAD + lines.len() as f32 * line_h;
        self.ensure(height + 8.0);
        self.y += 4.0;
        let top = self.y;
        self.page().push(Op::Rect {
            rect: (MARGIN_X, top, CONTENT_W, height),
            fill: Some(bg),
            stroke: None,
        });
        // Optical centring: the cap height sits a little above the line box's middle.
        self.y += VERDICT_PAD - 0.1 * VERDICT_SIZE;
        for line in lines {
            let y = self.y;
            self.text(MARGIN_X + VERDICT_PAD, y, VERDICT_SIZE, true, ink, line);
            self.y += line_h;
        }
        self.y = top + height + 10.0;
    }

    /// The pharmacy's name (larger) and address above everything else,
    /// then a rule.
    fn letterhead(&mut self, lines: &[String]) {
        let mut lines = lines.iter().filter(|l| !l.trim().is_empty());
        let Some(first) = lines.next() else {
            return;
        };
        self.para(first, MARGIN_X, CONTENT_W, LETTERHEAD_SIZE, true, INK);
        for line in lines {
            self.para(line, MARGIN_X, CONTENT_W, self.style.body, false, MUTED);
        }
        self.y += 4.0;
        let y = self.y;
        self.page().push(Op::Rule {
            x: MARGIN_X,
            y,
            w: CONTENT_W,
        });
        self.y += 14.0;
    }

    fn field(&mut self, label: &str, value: &str) {
        let line_h = self.style.body * LEADING;
        let labels = self.wrap(label, true, self.style.body, LABEL_W);
        let (left, width) = self.column;
        let values = self.wrap(value, false, self.style.body, width - LABEL_W - LABEL_GAP);
        let rows = labels.len().max(values.len()).max(1);
        // Keep a field together unless it is longer than a page.
        #[expect(clippy::cast_precision_loss, reason = "a handful of lines")]
        let height = rows as f32 * line_h;
        self.ensure(height.min(BOTTOM - TOP));
        for i in 0..rows {
            self.ensure(line_h);
            let y = self.y;
            if let Some(l) = labels.get(i) {
                self.text(left, y, self.style.body, true, MUTED, l.clone());
            }
            if let Some(v) = values.get(i) {
                self.text(
                    left + LABEL_W + LABEL_GAP,
                    y,
                    self.style.body,
                    false,
                    INK,
                    v.clone(),
                );
            }
            self.y += line_h;
        }
        self.y += 1.5;
    }

    fn heading(&mut self, text: &str) {
        // Keep the heading with at least three lines of what follows.
        self.ensure(self.style.heading * LEADING + 6.0 + 3.0 * self.style.body * LEADING);
        if self.y > TOP {
            self.y += 10.0;
        }
        let page = self.done.len();
        self.bookmarks.push((text.to_owned(), page, self.y));
        self.para(text, MARGIN_X, CONTENT_W, self.style.heading, true, ACCENT);
        let y = self.y + 1.0;
        self.page().push(Op::Rule {
            x: MARGIN_X,
            y,
            w: CONTENT_W,
        });
        self.y += 6.0;
    }

    fn alert(&mut self, heading: &str, paras: &[String]) {
        let pad = 10.0;
        let inner_w = CONTENT_W - 2.0 * pad;
        let head = self.wrap(heading, true, 11.0, inner_w);
        let body: Vec<Vec<String>> = paras
            .iter()
            .map(|p| self.wrap(p, false, self.style.body, inner_w))
            .collect();
        #[expect(clippy::cast_precision_loss, reason = "a handful of lines")]
        let height = 2.0 * pad
            + head.len() as f32 * 11.0 * LEADING
            + body
                .iter()
                .map(|p| p.len() as f32 * self.style.body * LEADING + 4.0)
                .sum::<f32>();
        self.ensure(height);
        let top = self.y;
        self.page().push(Op::Rect {
            rect: (MARGIN_X, top, CONTENT_W, height),
            fill: Some(ALERT_BG),
            stroke: Some(ALERT_INK),
        });
        self.y += pad;
        for line in head {
            let y = self.y;
            self.text(MARGIN_X + pad, y, 11.0, true, ALERT_INK, line);
            self.y += 11.0 * LEADING;
        }
        for p in body {
            self.y += 4.0;
            for line in p {
                let y = self.y;
                self.text(MARGIN_X + pad, y, self.style.body, false, INK, line);
                self.y += self.style.body * LEADING;
            }
        }
        self.y = top + height + 12.0;
    }

    /// The photos that could be prepared, two to a row, each with its name
    /// (the document names those that could not).
    fn photos(&mut self, photos: &[PhotoOutcome]) {
        let cell_w = (CONTENT_W - PHOTO_GAP) / 2.0;
        let caption_h = SMALL_SIZE * LEADING + 2.0;
        let mut row: Vec<(usize, f32, f32, String)> = Vec::new();
        for (index, p) in photos.iter().enumerate() {
            if let Ok(p) = &p.result {
                #[expect(clippy::cast_precision_loss, reason = "pixel sizes fit f32")]
                let (w, h) = (p.width.max(1) as f32, p.height.max(1) as f32);
                let scale = (cell_w / w).min(PHOTO_MAX_H / h);
                row.push((index, w * scale, h * scale, p.name.clone()));
            }
        }
        self.y += 6.0;
        for pair in row.chunks(2) {
            let row_h = pair.iter().map(|c| c.2).fold(0.0, f32::max) + caption_h;
            self.ensure(row_h);
            let top = self.y;
            for (col, (index, w, h, name)) in pair.iter().enumerate() {
                #[expect(clippy::cast_precision_loss, reason = "column 0 or 1")]
                let x = MARGIN_X + col as f32 * (cell_w + PHOTO_GAP);
                self.page().push(Op::Image {
                    index: *index,
                    rect: (x, top, *w, *h),
                });
                self.page().push(Op::Rect {
                    rect: (x, top, *w, *h),
                    fill: None,
                    stroke: Some(RULE),
                });
                let caption = self
                    .wrap(name, false, SMALL_SIZE, cell_w)
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                self.text(x, top + h + 1.0, SMALL_SIZE, false, MUTED, caption);
            }
            self.y = top + row_h + 8.0;
        }
    }

    /// A QR code of `text`, [`QR_SIDE`] wide at the left margin, with its
    /// quiet zone kept clear all round (to the left it lies in the page
    /// margin). The rest of the section flows in a column beside it, from
    /// its top, until [`Layout::end_float`]. Text too long for a QR code
    /// is printed as it is.
    fn qr(&mut self, text: &str) {
        self.end_float();
        let Some((width, dark)) = qr_modules(text) else {
            let (left, width) = self.column;
            self.para(text, left, width, self.style.body, false, INK);
            return;
        };
        #[expect(
            clippy::cast_precision_loss,
            reason = "a QR code is at most 177 modules"
        )]
        let module = QR_SIDE / width as f32;
        let quiet = QR_QUIET_MODULES * module;
        self.ensure(QR_SIDE + 2.0 * quiet);
        let top = self.y + quiet;
        let rects = qr_squares(width, &dark, (MARGIN_X, top), module);
        self.page().push(Op::Squares {
            rects,
            color: QR_INK,
        });
        let indent = QR_SIDE + quiet + QR_TEXT_GAP;
        self.column = (MARGIN_X + indent, CONTENT_W - indent);
        self.float_bottom = Some(top + QR_SIDE + quiet);
        self.y = top;
    }

    /// Back to the full width below the QR code the column ran beside.
    fn end_float(&mut self) {
        if let Some(bottom) = self.float_bottom.take() {
            self.y = self.y.max(bottom);
        }
        self.column = (MARGIN_X, CONTENT_W);
    }

    /// One document from the top of the current page.
    fn doc(&mut self, d: &Doc, photos: &[PhotoOutcome]) {
        self.letterhead(&d.letterhead);
        if let Some(kicker) = &d.kicker {
            // The kicker names the pages: a bookmark reaches them.
            let page = self.done.len();
            self.bookmarks.push((kicker.clone(), page, self.y));
            self.para(kicker, MARGIN_X, CONTENT_W, KICKER_SIZE, true, MUTED);
            self.y += 3.0;
        }
        self.para(
            &d.title,
            MARGIN_X,
            CONTENT_W,
            self.style.title,
            true,
            ACCENT,
        );
        if !d.subtitle.is_empty() {
            self.y += 2.0;
            self.para(
                &d.subtitle,
                MARGIN_X,
                CONTENT_W,
                self.style.subtitle,
                false,
                INK,
            );
        }
        self.y += 6.0;
        let y = self.y;
        self.page().push(Op::Rule {
            x: MARGIN_X,
            y,
            w: CONTENT_W,
        });
        self.y += 12.0;
        if let Some(a) = &d.alert {
            self.alert(&a.heading, &a.paras);
        }
        for (label, value) in &d.header {
            self.field(label, value);
        }
        for s in &d.sections {
            if s.new_page {
                self.new_page();
            }
            if !s.heading.is_empty() {
                self.heading(&s.heading);
            }
            self.blocks(&s.blocks, photos);
            self.end_float();
        }
    }

    fn blocks(&mut self, blocks: &[Block], photos: &[PhotoOutcome]) {
        let mut after_list = false;
        for b in blocks {
            // A field right after a list would read as one more item.
            if after_list && matches!(b, Block::Field(..)) {
                self.y += 5.0;
            }
            after_list = matches!(
                b,
                Block::Bullet(_) | Block::StrongBullet(_) | Block::SubBullet(_)
            );
            match b {
                Block::Para(p) => {
                    let (left, width) = self.column;
                    self.y += 2.0;
                    self.para(p, left, width, self.style.body, false, INK);
                    self.y += 2.0;
                }
                Block::Strong(p) => {
                    // A sub-heading stays with at least two lines of what follows.
                    self.ensure(4.0 * self.style.body * LEADING);
                    let (left, width) = self.column;
                    self.y += 3.0;
                    self.para(p, left, width, self.style.body + 0.5, true, INK);
                    self.y += 3.0;
                }
                Block::Field(label, value) => self.field(label, value),
                Block::Bullet(p) => self.bullet(p, BULLET_INDENT, "•", false),
                Block::StrongBullet(p) => self.bullet(p, BULLET_INDENT, "•", true),
                Block::SubBullet(p) => self.bullet(p, SUB_INDENT, "–", false),
                Block::Verdict(kind, p) => self.verdict(*kind, p),
                Block::Photos => self.photos(photos),
                Block::Qr(text) => self.qr(text),
                Block::Picture(id, lang) => self.picture(id.picture(*lang)),
                Block::PictureBeside(id, lang) => self.picture_beside(id.picture(*lang)),
                Block::Icon(id, lang) => self.icon(id.picture(*lang)),
            }
        }
    }
}

pub(super) fn layout(
    docs: &[&Doc],
    fonts: &(Metrics, Metrics),
    photos: &[PhotoOutcome],
    style: Style,
) -> Pages {
    let mut l = Layout {
        fonts,
        done: Vec::new(),
        current: Vec::new(),
        bookmarks: Vec::new(),
        y: TOP,
        style,
        column: (MARGIN_X, CONTENT_W),
        float_bottom: None,
    };
    for (i, d) in docs.iter().enumerate() {
        if i > 0 {
            l.new_page();
        }
        l.doc(d, photos);
    }
    l.done.push(l.current);
    Pages {
        pages: l.done,
        bookmarks: l.bookmarks,
    }
}

/// What the layout put on each page of `docs` set in `style`: the QR squares, and each
/// line of text as its left edge, baseline and words (for tests that read
/// the page back as a camera or a reader would).
#[cfg(test)]
pub(crate) fn laid_out(docs: &[&Doc], style: Style) -> Vec<LaidOutPage> {
    let Some(fonts) = font::metrics() else {
        return Vec::new();
    };
    layout(docs, fonts, &[], style)
        .pages
        .iter()
        .map(|ops| {
            let mut page = LaidOutPage::default();
            for op in ops {
                match op {
                    Op::Squares { rects, .. } => page.squares.extend(rects.iter().copied()),
                    Op::Text {
                        x, y, size, text, ..
                    } => {
                        page.lines.push((*x, *y, *size, text.clone()));
                    }
                    Op::Rect { .. } | Op::Rule { .. } | Op::Image { .. } | Op::Picture { .. } => {}
                }
            }
            page
        })
        .collect()
}

/// One laid-out page, as [`laid_out`] gives it.
#[cfg(test)]
#[derive(Debug, Default)]
pub(crate) struct LaidOutPage {
    /// The QR squares: x, y, width, height in points from the top left.
    pub squares: Vec<(f32, f32, f32, f32)>,
    /// The lines of text: x, baseline, type size and the words.
    pub lines: Vec<(f32, f32, f32, String)>,
}
