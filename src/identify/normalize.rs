//! Text clean-up before matching, and splitting a line into atoms.
//!
//! Normalising is deliberately gentle: NFKC (full-width letters and digits
//! become ASCII), every kind of dash becomes `-`, odd spaces become a space.
//! Case is kept here, because a model is reported as it was printed; atoms
//! carry an upper-case copy for comparing.

use unicode_normalization::UnicodeNormalization;

/// The group separator (FNC1 in GS1 barcodes).
pub(crate) const GS: char = '\u{1D}';

/// NFKC plus dash, space and invisible-character clean-up. Keeps GS, CR and
/// LF (they carry meaning in UDIs and line breaks); turns a tab and every
/// other control character into a space.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkc() {
        match c {
            GS | '\n' | '\r' => out.push(c),
            '\u{2010}'..='\u{2015}' | '\u{2043}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => {
                out.push('-');
            }
            '\u{2044}' | '\u{2215}' => out.push('/'),
            '\u{00B7}' | '\u{2022}' | '\u{2219}' | '\u{30FB}' => out.push('.'),
            // Soft hyphen and zero-width characters: invisible on the label.
            '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            c if c.is_control() || c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A maximal run of letters and digits in a line (a trailing `+` belongs
/// to it, as in `CMS50D+`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Atom {
    /// Upper-case characters, for comparing.
    pub upper: Vec<char>,
    /// The characters as printed.
    pub shown: String,
    /// What stands between the previous atom (or the line start) and this one.
    pub sep_before: String,
}

impl Atom {
    /// The upper-case text.
    pub fn text(&self) -> String {
        self.upper.iter().collect()
    }

    /// Whether every character is an ASCII letter.
    pub fn is_letters(&self) -> bool {
        !self.upper.is_empty() && self.upper.iter().all(char::is_ascii_uppercase)
    }

    /// Whether every character is an ASCII digit.
    pub fn is_digits(&self) -> bool {
        !self.upper.is_empty() && self.upper.iter().all(char::is_ascii_digit)
    }

    /// Whether the atom starts with an ASCII digit.
    pub fn starts_with_digit(&self) -> bool {
        self.upper.first().is_some_and(char::is_ascii_digit)
    }
}

/// Splits a (normalised) line into atoms.
pub(crate) fn atoms(line: &str) -> Vec<Atom> {
    let mut atoms = Vec::new();
    let mut sep = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_alphanumeric() {
            sep.push(c);
            continue;
        }
        let mut upper = vec![c.to_ascii_uppercase()];
        let mut shown = String::from(c);
        while let Some(&next) = chars.peek() {
            if next.is_alphanumeric() {
                upper.push(next.to_ascii_uppercase());
                shown.push(next);
                chars.next();
            } else {
                break;
            }
        }
        // A `+` right after an atom is part of the name (`CMS50D+`) unless
        // more letters follow it (`a+b`).
        if chars.peek() == Some(&'+') {
            let mut ahead = chars.clone();
            ahead.next();
            if !ahead.peek().is_some_and(|c| c.is_alphanumeric()) {
                chars.next();
                upper.push('+');
                shown.push('+');
            }
        }
        atoms.push(Atom {
            upper,
            shown,
            sep_before: std::mem::take(&mut sep),
        });
    }
    atoms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_and_dashes_become_ascii() {
        assert_eq!(normalize("ＣＭＳ８０００"), "CMS8000");
        assert_eq!(normalize("CMS–8000"), "CMS-8000");
        assert_eq!(normalize("MN\u{2011}120"), "MN-120");
        assert_eq!(normalize("CMS\u{00A0}8000\t"), "CMS 8000 ");
        assert_eq!(normalize("a\u{1D}b\r\n"), "a\u{1D}b\r\n");
        assert_eq!(normalize("CMS\u{200B}8000"), "CMS8000");
    }

    #[test]
    fn atoms_keep_separators_and_plus() {
        let a = atoms("Model: CMS-8000, CMS50D+ x");
        let texts: Vec<String> = a.iter().map(Atom::text).collect();
        assert_eq!(texts, ["MODEL", "CMS", "8000", "CMS50D+", "X"]);
        let seps: Vec<&str> = a.iter().map(|a| a.sep_before.as_str()).collect();
        assert_eq!(seps, ["", ": ", "-", ", ", " "]);
        assert_eq!(a.get(1).map(|a| a.shown.as_str()), Some("CMS"));
    }
}
