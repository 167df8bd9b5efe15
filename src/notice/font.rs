//! The bundled fonts (DejaVu Sans and Sans Bold, licence in
//! `assets/fonts/LICENSE-DejaVu.txt`) and what the PDF writer needs from
//! them: advance widths for line breaking, and which characters they can
//! draw. The UI can load the same bytes so screen and paper match.

use std::sync::OnceLock;

/// DejaVu Sans, the body font of the notice.
pub const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// DejaVu Sans Bold, for headings and labels.
pub const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// The character drawn instead of one the fonts lack.
const REPLACEMENT: char = '?';

/// Advance widths of one font.
pub(crate) struct Metrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
}

impl Metrics {
    fn parse(data: &'static [u8]) -> Option<Metrics> {
        let face = ttf_parser::Face::parse(data, 0).ok()?;
        let units_per_em = f32::from(face.units_per_em());
        Some(Metrics { face, units_per_em })
    }

    /// Whether the font has a glyph for `c`.
    pub(crate) fn has(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some()
    }

    /// Width of `text` at `size` points, without kerning (kerning only
    /// narrows Latin text, so a line measured this way never overflows).
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text
            .chars()
            .map(|c| {
                self.face
                    .glyph_index(c)
                    .and_then(|g| self.face.glyph_hor_advance(g))
                    .map_or(0.0, f32::from)
            })
            .sum();
        units / self.units_per_em * size
    }
}

/// Metrics of the regular and bold fonts; `None` if a bundled font cannot
/// be parsed (a broken build, caught by the tests).
pub(crate) fn metrics() -> Option<&'static (Metrics, Metrics)> {
    static METRICS: OnceLock<Option<(Metrics, Metrics)>> = OnceLock::new();
    METRICS
        .get_or_init(|| Some((Metrics::parse(REGULAR_TTF)?, Metrics::parse(BOLD_TTF)?)))
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
