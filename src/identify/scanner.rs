//! What a barcode scanner in keyboard mode types, turned into text the
//! matcher reads. No I/O here.
//!
//! A keyboard-mode scanner "types" its data, so the text arrives in many
//! shapes: with a symbology identifier in front (`]d2` GS1 DataMatrix, `]C1`
//! GS1-128, `]Q3` GS1 QR, `]e0` GS1 `DataBar`), with the group separator as
//! the real control character, as a written placeholder (`<GS>`, `^]`, …)
//! or not at all, with Enter or Tab after each scan, and, when the scanner
//! sends US key codes to a computer set to the Italian layout, with its
//! punctuation swapped (`(` arrives as `)`, `]` as `+`). [`read_scan`]
//! undoes what it can prove and says what it changed, so the counter screen
//! can show "read as …".
//!
//! Italian medicine packs are recognised and never passed on as a device:
//! the AIC code of the pack's sticker (Code 32: an optional `A` and nine
//! digits, the first `0`, the last a check digit) and the GS1 DataMatrix of
//! the EU anti-falsification rules when it carries a national reimbursement
//! number (AI 710–717; 716 is Italy's AIC). A GS1 company prefix from Italy
//! (`80`–`83`) says nothing about the product: Italian device makers use it
//! too, so it is not taken as a medicine. Nine-digit Minsan codes that do
//! not start with `0` belong to devices and other pharmacy goods and stay
//! plain text.
//!
//! Shapes left alone: the `~1` and `~d029` escapes are inputs of barcode
//! *encoders*, not what a scanner types; the `029` a scanner types when it
//! sends GS as Alt+0029 to a program that ignores Alt codes cannot be told
//! from data digits.

use serde::Serialize;

use super::MAX_TEXT_CHARS;
use super::normalize::GS;
use super::udi::{self, UdiScheme};

/// What a scan was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScanKind {
    /// A UDI: a GS1 element string (raw or bracketed), a GS1 Digital Link
    /// or a HIBC code. Its product code may or may not be on the list.
    Gs1,
    /// Text that is no code: a model, a brand and model, an importer code.
    Plain,
    /// An Italian medicine pack (AIC code, or a GS1 code with a national
    /// reimbursement number). Never a device: do not identify it.
    MedicinePack,
}

/// One change made to the scanner's text, for "read as …".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "repair", content = "detail", rename_all = "snake_case")]
pub enum Repair {
    /// A symbology identifier (e.g. `]d2`) was taken off the front.
    SymbologyPrefix(String),
    /// A written group separator (e.g. `<GS>`) was read as the real one.
    SeparatorWritten(String),
    /// Punctuation typed through the Italian keyboard layout from US key
    /// codes was put back.
    KeyboardLayout,
    /// More scans followed the first one; only the first was kept.
    LaterScansDropped(usize),
    /// Typed text stood before the scan; it is kept on its own line.
    TextBeforeScan(String),
    /// The separators were missing and the fields after the GTIN could not
    /// be split for sure; only the GTIN was kept. The detail is what was
    /// dropped.
    UncertainFieldsDropped(String),
}

impl Repair {
    /// Message id of the phrase saying what was changed.
    pub fn message_id(&self) -> &'static str {
        match self {
            Repair::SymbologyPrefix(_) => "scan-repair-symbology",
            Repair::SeparatorWritten(_) => "scan-repair-separator",
            Repair::KeyboardLayout => "scan-repair-layout",
            Repair::LaterScansDropped(_) => "scan-repair-later",
            Repair::TextBeforeScan(_) => "scan-repair-text-before",
            Repair::UncertainFieldsDropped(_) => "scan-repair-uncertain",
        }
    }

    /// Fluent arguments of the phrase, by name, for `crate::i18n::tr_args`.
    pub fn message_args(&self) -> Vec<(&'static str, String)> {
        match self {
            Repair::SymbologyPrefix(detail)
            | Repair::SeparatorWritten(detail)
            | Repair::TextBeforeScan(detail)
            | Repair::UncertainFieldsDropped(detail) => {
                vec![("detail", detail.replace(GS, "<GS>"))]
            }
            Repair::KeyboardLayout => Vec::new(),
            Repair::LaterScansDropped(count) => vec![("count", count.to_string())],
        }
    }
}

/// A scan made ready for [`super::identify_text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScannerInput {
    /// The text to identify: GS1 data with real GS separators, or the
    /// plain text trimmed. For a medicine pack, the pack's code (not to be
    /// identified).
    pub text: String,
    /// What the scan was.
    pub kind: ScanKind,
    /// What was changed to get `text`, in order.
    pub repaired: Vec<Repair>,
}

/// Why a scan was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScanError {
    /// Nothing but spaces, line breaks and separators.
    #[error("the scan is empty")]
    Empty,
    /// Longer than a label's code can be.
    #[error("the scan is {chars} characters long, more than any label holds")]
    TooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// Control characters, broken bytes or other noise no label carries.
    #[error("the scan is not readable text")]
    Garbage,
}

/// Symbology identifiers of GS1 data (ISO/IEC 15424 with modifier).
const GS1_IDS: [&str; 4] = ["]d2", "]C1", "]Q3", "]e0"];

/// What scanners and people write for the group separator: the caret
/// notation terminals show for Ctrl+] (how a keyboard sends GS), the
/// Unicode picture of GS, and the common written forms.
const GS_PLACEHOLDERS: [&str; 10] = [
    "<GS>", "<gs>", "[GS]", "[gs]", "{GS}", "{gs}", "\\x1d", "\\x1D", "^]", "\u{241D}",
];

/// At most this many places in one line are tried as the start of a scan
/// typed after some text; bounds the work on a hostile input.
const MAX_SPLIT_TRIES: usize = 8;

/// US key → what the Italian layout types for that key (shift included).
/// Letters, digits, space, `!`, `$`, `%`, `,` and `.` are the same on both.
const US_TO_IT: [(char, char); 27] = [
    ('`', '\\'),
    ('-', '\''),
    ('=', 'ì'),
    ('[', 'è'),
    (']', '+'),
    (';', 'ò'),
    ('\'', 'à'),
    ('\\', 'ù'),
    ('/', '-'),
    ('~', '|'),
    ('@', '"'),
    ('#', '£'),
    ('^', '&'),
    ('&', '/'),
    ('*', '('),
    ('(', ')'),
    (')', '='),
    ('_', '?'),
    ('+', '^'),
    ('{', 'é'),
    ('}', '*'),
    (':', 'ç'),
    ('"', '°'),
    ('|', '§'),
    ('<', ';'),
    ('>', ':'),
    ('?', '_'),
];

/// Reads what a scanner typed. Trailing Enter/Tab and spaces are dropped;
/// GS1 data comes back with real separators and without its symbology
/// identifier where the matcher does not need it.
///
/// Several scans in a row (one per line, or run together): the first code
/// is kept and the rest dropped, said in `repaired`. When the first line
/// holds typed text, every line is kept, since a model on any of them must
/// reach the matcher. Text typed
/// right before a scan on the same line (`CMS]d2010…`) is kept as a line of
/// its own before the scan's data.
pub fn read_scan(raw: &str) -> Result<ScannerInput, ScanError> {
    if raw
        .chars()
        .any(|c| c == '\u{FFFD}' || (c.is_control() && !matches!(c, GS | '\r' | '\n' | '\t')))
    {
        return Err(ScanError::Garbage);
    }
    let chars = raw.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(ScanError::TooLong { chars });
    }
    let pieces: Vec<&str> = raw
        .split(['\r', '\n', '\t'])
        .map(|p| p.trim_matches(|c: char| c.is_whitespace()))
        .filter(|p| !p.chars().all(|c| c.is_whitespace() || c == GS))
        .collect();
    let Some(first) = pieces.first() else {
        return Err(ScanError::Empty);
    };
    let Coded {
        input: mut read,
        sure,
    } = read_line(first);
    let typed = read
        .repaired
        .iter()
        .any(|r| matches!(r, Repair::TextBeforeScan(_)));
    if read.kind == ScanKind::Plain {
        if pieces.len() > 1 {
            read.text = pieces.join("\n");
            read.repaired.clear();
        }
    } else if typed || !sure {
        // Typed text, or a code that did not read cleanly, may hold a
        // model: no line is dropped.
        for piece in pieces.iter().skip(1) {
            read.text.push('\n');
            read.text.push_str(piece);
        }
    } else if pieces.len() > 1 {
        read.repaired
            .push(Repair::LaterScansDropped(pieces.len() - 1));
    }
    let chars = read.text.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(ScanError::TooLong { chars });
    }
    Ok(read)
}

/// One line: a code, plain text, or plain text with a code after it.
fn read_line(line: &str) -> Coded {
    if let Some(code) = read_code(line) {
        return code;
    }
    let starts = line
        .char_indices()
        .skip(1)
        .filter(|(i, c)| {
            let rest = line.get(*i..).unwrap_or_default();
            (*c == ']' || *c == '+')
                && rest.chars().nth(1).is_some_and(|c| c.is_ascii_alphabetic())
                && rest.chars().nth(2).is_some_and(|c| c.is_ascii_digit())
        })
        .take(MAX_SPLIT_TRIES);
    for (i, _) in starts {
        let (before, after) = line.split_at(i);
        let before = before.trim_end();
        // Only a code read for sure is split off the typed text.
        if let Some(Coded {
            mut input,
            sure: true,
        }) = read_code(after)
            && input.kind != ScanKind::Plain
        {
            input.text = format!("{before}\n{}", input.text);
            input
                .repaired
                .insert(0, Repair::TextBeforeScan(before.to_owned()));
            return Coded { input, sure: true };
        }
    }
    Coded {
        input: ScannerInput {
            text: line.to_owned(),
            kind: ScanKind::Plain,
            repaired: Vec::new(),
        },
        sure: false,
    }
}

/// `line` as a code, if it is one as typed or once the Italian layout is
/// undone. `None` for plain text.
fn read_code(line: &str) -> Option<Coded> {
    let as_typed = read_as_code(line);
    if as_typed.as_ref().is_some_and(|c| c.sure) {
        return as_typed;
    }
    // Undo the layout only when that turns the line into a valid code: a
    // model such as `MN-120` is never touched.
    let unmangled = from_italian_layout(line);
    if unmangled != line
        && let Some(mut code) = read_as_code(&unmangled).filter(|c| c.sure)
    {
        code.input.repaired.insert(0, Repair::KeyboardLayout);
        return Some(code);
    }
    as_typed
}

/// A line read as a code, and whether the reading is sure (a UDI that
/// parsed with its check digits, or a valid AIC code).
struct Coded {
    input: ScannerInput,
    sure: bool,
}

fn read_as_code(line: &str) -> Option<Coded> {
    let mut repaired = Vec::new();
    let mut text = line.to_owned();
    for placeholder in GS_PLACEHOLDERS {
        if text.contains(placeholder) {
            text = text.replace(placeholder, &GS.to_string());
            repaired.push(Repair::SeparatorWritten(placeholder.to_owned()));
        }
    }
    let (id, body) = symbology_id(text.trim_start_matches(GS));
    if let Some(id) = id {
        repaired.insert(0, Repair::SymbologyPrefix(id.to_owned()));
    }
    let body = body.trim_start_matches(GS);
    // Another identifier further on: a second scan run into the first.
    let (body, later_part) = match find_later_id(body) {
        Some(at) => (body.get(..at).unwrap_or(body), body.get(at..)),
        None => (body, None),
    };
    let later = later_part.is_some();
    if is_aic(body) {
        if later {
            repaired.push(Repair::LaterScansDropped(1));
        }
        return Some(Coded {
            input: ScannerInput {
                text: body.to_owned(),
                kind: ScanKind::MedicinePack,
                repaired,
            },
            sure: true,
        });
    }
    let gs1_id = id.filter(|id| GS1_IDS.contains(id));
    // What the matcher is given: the body alone when it reads as a UDI
    // that way, else with the identifier that makes it one.
    let (given, parsed) = if let Some(result) = udi::parse(body) {
        (body.to_owned(), result)
    } else {
        let with_id = format!("{}{body}", gs1_id?);
        let result = udi::parse(&with_id)?;
        (with_id, result)
    };
    let Ok(parsed) = parsed else {
        // A code that did not read cleanly drops nothing: what followed
        // it may be a model name, and a listed one must reach the matcher.
        let text = match later_part {
            Some(rest) => format!("{given}\n{rest}"),
            None => given,
        };
        return Some(Coded {
            input: ScannerInput {
                text,
                kind: ScanKind::Gs1,
                repaired,
            },
            sure: false,
        });
    };
    if later {
        repaired.push(Repair::LaterScansDropped(1));
    }
    let kind = if parsed.reimbursement.is_some() {
        ScanKind::MedicinePack
    } else {
        ScanKind::Gs1
    };
    let mut text = given;
    if kind == ScanKind::Gs1
        && parsed.scheme == UdiScheme::Gs1
        && !body.contains(GS)
        && body.starts_with(|c: char| c.is_ascii_digit())
        && let Some(gtin) = &parsed.gtin
        && [&parsed.serial, &parsed.lot]
            .into_iter()
            .flatten()
            .any(|value| hides_fields(value))
    {
        let sure = format!("01{gtin}");
        let dropped = body.strip_prefix(sure.as_str()).unwrap_or(body);
        repaired.push(Repair::UncertainFieldsDropped(dropped.to_owned()));
        text = sure;
    }
    Some(Coded {
        input: ScannerInput {
            text,
            kind,
            repaired,
        },
        // GS1 data holds no spaces: a space means text ran into the code.
        sure: !body.contains(char::is_whitespace),
    })
}

/// The symbology identifier at the start of `text` (`]` + letter + digit),
/// and the rest.
fn symbology_id(text: &str) -> (Option<&str>, &str) {
    let mut chars = text.chars();
    let is_id = chars.next() == Some(']')
        && chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.next().is_some_and(|c| c.is_ascii_digit());
    if is_id && let (Some(id), Some(rest)) = (text.get(..3), text.get(3..)) {
        return (Some(id), rest);
    }
    (None, text)
}

/// Where a GS1 symbology identifier starts inside `body`: `]` is not a
/// character GS1 data may hold, so it begins another scan.
fn find_later_id(body: &str) -> Option<usize> {
    let rest = body.get(1..)?;
    GS1_IDS
        .iter()
        .filter_map(|id| rest.find(id))
        .min()
        .map(|at| at + 1)
}

/// Whether a variable-length value read from a string without separators
/// may have swallowed further fields: some tail of it reads as valid GS1
/// fields on its own.
fn hides_fields(value: &str) -> bool {
    value
        .char_indices()
        .skip(1)
        .filter_map(|(i, _)| value.get(i..))
        .filter(|tail| tail.starts_with(|c: char| c.is_ascii_digit()))
        .any(|tail| matches!(udi::parse(&format!("{GS}{tail}")), Some(Ok(_))))
}

/// An AIC code of an Italian medicine: optionally `A`, then nine digits,
/// the first `0`, the last the check digit of the eight before it.
fn is_aic(text: &str) -> bool {
    let digits = text.strip_prefix('A').unwrap_or(text);
    let values: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if values.len() != 9 || digits.len() != 9 || values.first() != Some(&0) {
        return false;
    }
    // Digits in odd places are added; those in even places are doubled and
    // their two digits added.
    let sum: u32 = values
        .iter()
        .take(8)
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let z = 2 * d;
                z / 10 + z % 10
            } else {
                d
            }
        })
        .sum();
    values.get(8) == Some(&(sum % 10))
}

/// `text` as it was meant, when it was typed through the Italian layout
/// from US key codes.
fn from_italian_layout(text: &str) -> String {
    text.chars()
        .map(|c| {
            US_TO_IT
                .iter()
                .find(|(_, it)| *it == c)
                .map_or(c, |(us, _)| *us)
        })
        .collect()
}

/// `text` as the US key codes would type it on the Italian layout (tests).
#[cfg(test)]
fn to_italian_layout(text: &str) -> String {
    text.chars()
        .map(|c| {
            US_TO_IT
                .iter()
                .find(|(us, _)| *us == c)
                .map_or(c, |(_, it)| *it)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::identify::{VerdictKind, identify_text};

    const GTIN: &str = "09506000134352";

    fn read(raw: &str) -> ScannerInput {
        match read_scan(raw) {
            Ok(r) => r,
            Err(e) => panic!("{raw:?} → {e}"),
        }
    }

    #[test]
    #[expect(clippy::too_many_lines, reason = "one table of scanner shapes")]
    fn shapes_of_gs1_scans() {
        use Repair::{KeyboardLayout as Layout, SeparatorWritten as Sep, SymbologyPrefix as Id};
        let raw_gs1 = format!("01{GTIN}11240115{GS}21SN12345");
        let cases: Vec<(String, String, Vec<Repair>)> = vec![
            // Symbology identifiers, as the scanner sends them.
            (
                format!("]d201{GTIN}11240115\u{1D}21SN12345\r\n"),
                raw_gs1.clone(),
                vec![Id("]d2".into())],
            ),
            (
                format!("]C101{GTIN}11240115\u{1D}21SN12345\r"),
                raw_gs1.clone(),
                vec![Id("]C1".into())],
            ),
            (
                format!("]Q301{GTIN}11240115\u{1D}21SN12345\t"),
                raw_gs1.clone(),
                vec![Id("]Q3".into())],
            ),
            (
                format!("]e001{GTIN}11240115\u{1D}21SN12345"),
                raw_gs1.clone(),
                vec![Id("]e0".into())],
            ),
            // A leading FNC1 as GS.
            (
                format!("\u{1D}01{GTIN}11240115\u{1D}21SN12345\n"),
                raw_gs1.clone(),
                vec![],
            ),
            // Written separators.
            (
                format!("]d201{GTIN}11240115<GS>21SN12345"),
                raw_gs1.clone(),
                vec![Id("]d2".into()), Sep("<GS>".into())],
            ),
            (
                format!("01{GTIN}11240115{{GS}}21SN12345"),
                raw_gs1.clone(),
                vec![Sep("{GS}".into())],
            ),
            (
                format!("01{GTIN}11240115[GS]21SN12345"),
                raw_gs1.clone(),
                vec![Sep("[GS]".into())],
            ),
            (
                format!("]d201{GTIN}11240115^]21SN12345"),
                raw_gs1.clone(),
                vec![Id("]d2".into()), Sep("^]".into())],
            ),
            (
                format!("01{GTIN}11240115\u{241D}21SN12345"),
                raw_gs1.clone(),
                vec![Sep("\u{241D}".into())],
            ),
            (
                format!("01{GTIN}11240115\\x1d21SN12345"),
                raw_gs1.clone(),
                vec![Sep("\\x1d".into())],
            ),
            // Bracketed, as printed under the code: passed on as it is.
            (
                format!("(01){GTIN}(21)ABC123"),
                format!("(01){GTIN}(21)ABC123"),
                vec![],
            ),
            // The Italian layout, from US key codes: `(` → `)`, `)` → `=`,
            // `]` → `+`, `<GS>` → `;GS:`, `-` → `'`.
            (
                format!(")01={GTIN})21=ABC"),
                format!("(01){GTIN}(21)ABC"),
                vec![Layout],
            ),
            (
                format!("+d201{GTIN}11240115;GS:21SN'12345"),
                format!("01{GTIN}11240115{GS}21SN-12345"),
                vec![Layout, Id("]d2".into()), Sep("<GS>".into())],
            ),
            (
                format!("+C101{GTIN}11240115\u{1D}21SN12345"),
                raw_gs1.clone(),
                vec![Layout, Id("]C1".into())],
            ),
            // Only a GTIN: nothing to split.
            (
                format!("]d201{GTIN}"),
                format!("01{GTIN}"),
                vec![Id("]d2".into())],
            ),
            // Dropped separator, serial last and plain: kept.
            (
                format!("]d201{GTIN}1124011521ABCXYZ"),
                format!("01{GTIN}1124011521ABCXYZ"),
                vec![Id("]d2".into())],
            ),
            // Dropped separator with a lot after the serial: the split is
            // not sure, only the GTIN is kept.
            (
                format!("]d201{GTIN}21SN1234510LOT7"),
                format!("01{GTIN}"),
                vec![
                    Id("]d2".into()),
                    Repair::UncertainFieldsDropped("21SN1234510LOT7".into()),
                ],
            ),
            // Two scans, one after the other.
            (
                format!("]d201{GTIN}\u{1D}21A1\r\n]d201{GTIN}\u{1D}21B2\r\n"),
                format!("01{GTIN}{GS}21A1"),
                vec![Id("]d2".into()), Repair::LaterScansDropped(1)],
            ),
            (
                format!("]d201{GTIN}{GS}21A1]d201{GTIN}{GS}21B2"),
                format!("01{GTIN}{GS}21A1"),
                vec![Id("]d2".into()), Repair::LaterScansDropped(1)],
            ),
            // A scan in the middle of typing.
            (
                format!("CMS]d201{GTIN}{GS}21A1"),
                format!("CMS\n01{GTIN}{GS}21A1"),
                vec![Repair::TextBeforeScan("CMS".into()), Id("]d2".into())],
            ),
            (
                format!("CMS8000 +d201{GTIN}"),
                format!("CMS8000\n01{GTIN}"),
                vec![
                    Repair::TextBeforeScan("CMS8000".into()),
                    Layout,
                    Id("]d2".into()),
                ],
            ),
            // GS1 Digital Link and HIBC pass as they are.
            (
                format!("https://id.gs1.org/01/{GTIN}/21/X9\r"),
                format!("https://id.gs1.org/01/{GTIN}/21/X9"),
                vec![],
            ),
            ("+A123BJC5D6E71G\n".into(), "+A123BJC5D6E71G".into(), vec![]),
        ];
        for (raw, text, repaired) in cases {
            let r = read(&raw);
            assert_eq!(r.kind, ScanKind::Gs1, "{raw:?}");
            assert_eq!(r.text, text, "{raw:?}");
            assert_eq!(r.repaired, repaired, "{raw:?}");
        }
    }

    #[test]
    fn plain_text_passes_through() {
        for (raw, text) in [
            ("CMS8000", "CMS8000"),
            ("  Gima 35152\r\n", "Gima 35152"),
            ("MN-120\t", "MN-120"),
            ("Epsimed MN-120", "Epsimed MN-120"),
            ("CMS8000+", "CMS8000+"),
            ("(2024) CMS8000", "(2024) CMS8000"),
            ("CONTEC\r\nCMS 8000\r\n", "CONTEC\nCMS 8000"),
            // A Minsan code of a device or other pharmacy goods.
            ("A912345671", "A912345671"),
            // An Italian GTIN alone is no medicine (Italian device makers
            // use the same prefix).
            ("8012345678907", "8012345678907"),
        ] {
            let r = read(raw);
            assert_eq!(r.kind, ScanKind::Plain, "{raw:?}");
            assert_eq!(r.text, text, "{raw:?}");
            assert!(r.repaired.is_empty(), "{raw:?}: {:?}", r.repaired);
        }
    }

    #[test]
    fn medicine_packs_are_recognised() {
        for (raw, text) in [
            // Real AIC codes (Code 32 as the scanner sends it).
            ("A031981069\r", "031981069"),
            ("031981069", "031981069"),
            ("A012345676", "A012345676"),
            ("]A0A012345676", "A012345676"),
        ] {
            let r = read(raw);
            assert_eq!(r.kind, ScanKind::MedicinePack, "{raw:?}");
            assert_eq!(r.text.trim_start_matches('A'), text.trim_start_matches('A'));
        }
        // The EU pack DataMatrix with Italy's AIC (AI 716).
        let fmd = format!("]d20108012345678907{GS}21RX7Y2Z{GS}10L42{GS}17270131{GS}716031981069");
        let r = read(&fmd);
        assert_eq!(r.kind, ScanKind::MedicinePack);
        // A wrong check digit is not an AIC.
        assert_eq!(read("031981068").kind, ScanKind::Plain);
        assert_eq!(read("131981069").kind, ScanKind::Plain);
    }

    #[test]
    fn bad_scans_are_refused() {
        assert_eq!(read_scan(""), Err(ScanError::Empty));
        assert_eq!(read_scan(" \r\n\t "), Err(ScanError::Empty));
        assert_eq!(read_scan("\u{1D}\u{1D}\r"), Err(ScanError::Empty));
        // A separator before the identifier does not cut the scan away.
        assert_eq!(read(&format!("{GS}]d201{GTIN}")).text, format!("01{GTIN}"));
        assert_eq!(read_scan("CMS\u{7}8000"), Err(ScanError::Garbage));
        assert_eq!(read_scan("CMS\u{FFFD}8000"), Err(ScanError::Garbage));
        // 10 KB of noise: bytes read lossily, or printable junk.
        let bytes: Vec<u8> = (0..10_240u32)
            .map(|i| u8::try_from((i * 7919 + 13) % 256).unwrap())
            .collect();
        let noise = String::from_utf8_lossy(&bytes);
        assert_eq!(read_scan(&noise), Err(ScanError::Garbage));
        let junk = "]d2%&/()=".repeat(1200);
        assert_eq!(read_scan(&junk), Err(ScanError::TooLong { chars: 10_800 }));
    }

    #[test]
    fn layout_tables_are_inverse() {
        let all: String = US_TO_IT.iter().map(|(us, _)| *us).collect();
        assert_eq!(from_italian_layout(&to_italian_layout(&all)), all);
        assert_eq!(to_italian_layout("(01)"), ")01=");
        assert_eq!(to_italian_layout("]d2"), "+d2");
        assert_eq!(to_italian_layout("MN-120/A"), "MN'120-A");
    }

    #[test]
    fn aic_check_digit() {
        assert!(is_aic("012345676"));
        assert!(is_aic("A020096020"));
        assert!(!is_aic("012345670"));
        assert!(!is_aic("A0123456760"));
        assert!(!is_aic("０12345676"));
    }

    #[test]
    fn an_unknown_gtin_and_serial_give_unknown_with_the_serial_kept() {
        let catalog = Catalog::bundled();
        for raw in [
            format!("]d201{GTIN}{GS}21SN0042\r\n"),
            format!("]d201{GTIN}<GS>21SN0042"),
            format!("+d201{GTIN};GS:21SN0042"),
            format!("01{GTIN}21SN0042"),
        ] {
            let scan = read(&raw);
            assert_eq!(scan.kind, ScanKind::Gs1, "{raw:?}");
            let v = identify_text(&catalog, &scan.text).expect("accepted");
            assert_eq!(v.verdict, VerdictKind::Unknown, "{raw:?}");
            assert_eq!(v.identifiers.serial.as_deref(), Some("SN0042"), "{raw:?}");
            assert_eq!(v.identifiers.gtin.as_deref(), Some(GTIN), "{raw:?}");
        }
    }

    #[test]
    fn typed_model_before_a_scan_still_decides() {
        let catalog = Catalog::bundled();
        let scan = read(&format!("CMS8000]d201{GTIN}{GS}21SN0042"));
        let v = identify_text(&catalog, &scan.text).expect("accepted");
        assert_eq!(v.verdict, VerdictKind::Affected);
        assert_eq!(v.identifiers.serial.as_deref(), Some("SN0042"));
    }
}
