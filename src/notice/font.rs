//! The bundled fonts (DejaVu Sans and Sans Bold, licence in
//! `assets/fonts/LICENSE-DejaVu.txt`) and what the PDF writer needs from
//! them: advance widths for line breaking, and which characters they can
//! draw. The UI can load the same bytes so screen and paper match.

use std::sync::OnceLock;

/// DejaVu Sans and Sans Bold, zlib-packed by `build.rs`.
static REGULAR_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/DejaVuSans.ttf.zlib"));
static BOLD_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/DejaVuSans-Bold.ttf.zlib"));

/// Far above either font (760 kB): a damaged stream cannot make us
/// allocate more.
const MAX_FONT_BYTES: usize = 4 * 1024 * 1024;

/// DejaVu Sans, the body font of the notice and the app's only font.
pub fn regular() -> &'static [u8] {
    static FONT: OnceLock<Vec<u8>> = OnceLock::new();
    FONT.get_or_init(|| unpack(REGULAR_PACKED))
}

/// DejaVu Sans Bold, for headings and labels.
pub fn bold() -> &'static [u8] {
    static FONT: OnceLock<Vec<u8>> = OnceLock::new();
    FONT.get_or_init(|| unpack(BOLD_PACKED))
}

/// The font packed by `build.rs` from a file in the repository; empty if
/// it does not inflate (a broken build: the fonts then fail to parse, and
/// the tests say so).
fn unpack(packed: &[u8]) -> Vec<u8> {
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(packed, MAX_FONT_BYTES)
        .unwrap_or_default()
}

/// The character drawn instead of one the fonts lack.
const REPLACEMENT: char = '?';

/// Advance widths of one font, read with `skrifa` (the reader egui
/// uses too).
pub(crate) struct Metrics {
    charmap: skrifa::charmap::Charmap<'static>,
    /// Advances in font units: unscaled, so no rounding or hinting.
    advances: skrifa::metrics::GlyphMetrics<'static>,
    units_per_em: f32,
}

impl Metrics {
    fn parse(data: &'static [u8]) -> Option<Metrics> {
        use skrifa::MetadataProvider as _;
        use skrifa::raw::TableProvider as _;
        let font = skrifa::FontRef::new(data).ok()?;
        let units_per_em = f32::from(font.head().ok()?.units_per_em());
        Some(Metrics {
            charmap: font.charmap(),
            advances: font.glyph_metrics(
                skrifa::instance::Size::unscaled(),
                skrifa::instance::LocationRef::default(),
            ),
            units_per_em,
        })
    }

    /// The glyph for `c`, if the font has one.
    fn glyph_id(&self, c: char) -> Option<skrifa::GlyphId> {
        self.charmap.map(c).filter(|g| g.to_u32() != 0)
    }

    /// Whether the font has a glyph for `c`.
    pub(crate) fn has(&self, c: char) -> bool {
        self.glyph_id(c).is_some()
    }

    /// The glyph for `c` and its advance in ems: the glyphs are set one
    /// per character at their advances, with no shaping or kerning (DejaVu
    /// has a precomposed glyph for every Latin letter), so text measured by
    /// [`Self::width`] is exactly as wide on the page.
    pub(crate) fn glyph(&self, c: char) -> (u16, f32) {
        let id = self.glyph_id(c);
        let advance = id
            .and_then(|g| self.advances.advance_width(g))
            .unwrap_or(0.0);
        let index = id.and_then(|g| u16::try_from(g.to_u32()).ok()).unwrap_or(0);
        (index, advance / self.units_per_em)
    }

    /// Width of `text` at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph(c).1).sum::<f32>() * size
    }
}

/// Metrics of the regular and bold fonts; `None` if a bundled font cannot
/// be parsed (a broken build, caught by the tests).
pub(crate) fn metrics() -> Option<&'static (Metrics, Metrics)> {
    static METRICS: OnceLock<Option<(Metrics, Metrics)>> = OnceLock::new();
    METRICS
        .get_or_init(|| Some((Metrics::parse(regular())?, Metrics::parse(bold())?)))
        .as_ref()
}

/// `text` with every character both fonts can draw kept, white space made
/// plain spaces, and anything else replaced by `?`. PDF/A forbids drawing
/// a missing glyph, and a user may type anything.
pub(crate) fn printable(text: &str, fonts: &(Metrics, Metrics)) -> String {
    text.chars()
        .map(|c| {
            if c.is_whitespace() || c.is_control() {
                ' '
            } else if fonts.0.has(c) && fonts.1.has(c) && !is_forbidden(c) {
                c
            } else {
                REPLACEMENT
            }
        })
        .collect()
}

/// Code points PDF/A does not allow a glyph to map to.
fn is_forbidden(c: char) -> bool {
    matches!(c, '\u{0}' | '\u{FEFF}' | '\u{FFFE}') || ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// Greedy line breaking of `text` into lines no wider than `max_width`
/// points at `size`. Breaks at spaces; a word wider than a line (a URL, a
/// UDI) is cut between characters.
pub(crate) fn wrap(text: &str, m: &Metrics, size: f32, max_width: f32) -> Vec<String> {
    let space = m.width(" ", size);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_w = 0.0f32;
    for word in text.split_whitespace() {
        let word_w = m.width(word, size);
        if !line.is_empty() && line_w + space + word_w <= max_width {
            line.push(' ');
            line.push_str(word);
            line_w += space + word_w;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if word_w <= max_width {
            line.push_str(word);
            line_w = word_w;
            continue;
        }
        // Too wide for any line: cut it.
        line_w = 0.0;
        for c in word.chars() {
            let cw = m.width(c.encode_utf8(&mut [0; 4]), size);
            if !line.is_empty() && line_w + cw > max_width {
                lines.push(std::mem::take(&mut line));
                line_w = 0.0;
            }
            line.push(c);
            line_w += cw;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_parse_and_have_italian_letters() {
        let fonts = metrics().expect("bundled fonts parse");
        for c in "àèéìòùÀÈÉÌÒÙ€·•—–“”’«»°±".chars() {
            assert!(fonts.0.has(c) && fonts.1.has(c), "missing {c}");
        }
        assert_eq!(printable("a\u{E000}b\tc", fonts), "a?b c");
        assert_eq!(printable("漢", fonts), "?");
    }

    #[test]
    fn wrap_respects_width_and_keeps_words() {
        let fonts = metrics().expect("bundled fonts parse");
        let text = "Il monitor è stato scollegato dalla rete e il Wi-Fi è spento \
                    da lunedì mattina, così come indicato dal Ministero.";
        let lines = wrap(text, &fonts.0, 10.0, 150.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(fonts.0.width(l, 10.0) <= 150.0, "{l}");
        }
        assert_eq!(
            lines.join(" "),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }

    #[test]
    fn wrap_cuts_a_word_wider_than_the_line() {
        let fonts = metrics().expect("bundled fonts parse");
        let url = "https://example.org/".to_owned() + &"a".repeat(200);
        let lines = wrap(&url, &fonts.0, 10.0, 100.0);
        assert!(lines.len() > 3);
        assert_eq!(lines.concat(), url);
        assert!(wrap("", &fonts.0, 10.0, 100.0).is_empty());
    }
}
