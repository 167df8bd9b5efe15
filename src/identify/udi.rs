//! UDI parsing: GS1 element strings (printed with brackets, or raw with
//! FNC1/GS separators and symbology identifiers), GS1 Digital Link URLs,
//! and HIBC codes.
//!
//! A UDI never names a model by itself: its product code (GTIN or HIBC
//! labeler + product) is looked up in the list, which today holds no
//! sourced GTIN. What a UDI reliably gives is the serial, lot and dates for
//! the notice.

use crate::catalog::{gtin14, is_valid_gtin14};

use super::normalize::GS;

/// Which kind of code a UDI was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UdiScheme {
    /// GS1 element string, bracketed or raw.
    Gs1,
    /// GS1 Digital Link URL.
    Gs1DigitalLink,
    /// HIBC (Health Industry Bar Code).
    Hibc,
}

/// The parts of a UDI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Udi {
    /// The code as read, without trailing line breaks.
    pub raw: String,
    /// Which kind of code it was.
    pub scheme: UdiScheme,
    /// GTIN, 14 digits with a correct check digit (GS1 only).
    pub gtin: Option<String>,
    /// HIBC labeler code and product code, e.g. `A123BJC5D6E7`.
    pub product_code: Option<String>,
    /// Lot or batch.
    pub lot: Option<String>,
    /// Serial number.
    pub serial: Option<String>,
    /// Production date, `YYYY-MM-DD` (day `00` kept as printed).
    pub manufactured: Option<String>,
    /// Expiry date, `YYYY-MM-DD` (day `00` kept as printed).
    pub expiry: Option<String>,
    /// National healthcare reimbursement number (AI 710–717), e.g. Italy's
    /// AIC (716). Only medicine packs carry one.
    pub reimbursement: Option<String>,
}

impl Udi {
    fn new(raw: &str, scheme: UdiScheme) -> Self {
        Self {
            raw: raw.trim_end_matches(['\r', '\n']).to_owned(),
            scheme,
            gtin: None,
            product_code: None,
            lot: None,
            serial: None,
            manufactured: None,
            expiry: None,
            reimbursement: None,
        }
    }
}

/// Why a code that looks like a UDI could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UdiError {
    /// The GTIN's last digit does not match the others.
    #[error("the GTIN {gtin} has a wrong check digit")]
    GtinCheckDigit {
        /// The GTIN as read.
        gtin: String,
    },
    /// A field has the wrong length or characters.
    #[error("the field ({ai}) is malformed")]
    BadField {
        /// Its application identifier.
        ai: String,
    },
    /// An application identifier this parser does not know; what follows
    /// cannot be split.
    #[error("the application identifier ({ai}) is not known")]
    UnknownAi {
        /// The digits read as an identifier.
        ai: String,
    },
    /// The HIBC check character does not match.
    #[error("the HIBC check character is wrong")]
    HibcCheck,
    /// The HIBC code is too short or has characters HIBC does not use.
    #[error("the HIBC code is malformed")]
    HibcMalformed,
}

/// How long a GS1 field's value is.
#[derive(Clone, Copy)]
enum Len {
    Fixed(usize),
    Upto(usize),
}

/// The GS1 application identifiers a medical label may carry, with the
/// length of their values. Identifiers not here stop parsing.
fn ai_spec(digits: &str) -> Option<(usize, Len)> {
    let two = digits.get(..2)?;
    let spec2 = match two {
        "00" => Some(Len::Fixed(18)),
        "01" | "02" => Some(Len::Fixed(14)),
        "10" | "21" | "22" => Some(Len::Upto(20)),
        "11" | "12" | "13" | "15" | "16" | "17" => Some(Len::Fixed(6)),
        "20" => Some(Len::Fixed(2)),
        "30" | "37" => Some(Len::Upto(8)),
        "90" | "91" | "92" | "93" | "94" | "95" | "96" | "97" | "98" | "99" => Some(Len::Upto(90)),
        _ => None,
    };
    if let Some(len) = spec2 {
        return Some((2, len));
    }
    let three = digits.get(..3)?;
    let spec3 = match three {
        "235" => Some(Len::Upto(28)),
        "240" | "241" | "250" | "251" | "253" | "400" | "401" | "403" => Some(Len::Upto(30)),
        // National healthcare reimbursement numbers: medicine packs.
        "710" | "711" | "712" | "713" | "714" | "715" | "716" | "717" | "243" => {
            Some(Len::Upto(20))
        }
        "242" => Some(Len::Upto(6)),
        "410" | "411" | "412" | "413" | "414" | "415" | "416" | "417" => Some(Len::Fixed(13)),
        "422" | "424" | "426" => Some(Len::Fixed(3)),
        _ => None,
    };
    if let Some(len) = spec3 {
        return Some((3, len));
    }
    let four = digits.get(..4)?;
    if four.starts_with("31")
        || four.starts_with("32")
        || four.starts_with("33")
        || four.starts_with("34")
        || four.starts_with("35")
        || four.starts_with("36")
    {
        return Some((4, Len::Fixed(6)));
    }
    match four {
        "7003" => Some((4, Len::Fixed(10))),
        "7240" => Some((4, Len::Upto(20))),
        "8004" => Some((4, Len::Upto(30))),
        "8020" => Some((4, Len::Upto(25))),
        _ => None,
    }
}

/// Symbology identifiers that scanners put in front of the data.
const SYMBOLOGY_IDS: [&str; 8] = ["]d2", "]C1", "]Q3", "]e0", "]d1", "]Q1", "]C0", "]E0"];

/// Placeholders people type or scanners print for the GS character.
const GS_PLACEHOLDERS: [&str; 6] = ["<GS>", "[GS]", "{GS}", "\\x1d", "\\x1D", "\u{241D}"];

/// Parses `text` as one UDI of any supported kind. `None` if it does not
/// look like a UDI at all; `Some(Err)` if it does but is broken.
pub fn parse(text: &str) -> Option<Result<Udi, UdiError>> {
    let mut s: String = text.chars().filter(|c| *c != '\r' && *c != '\n').collect();
    for placeholder in GS_PLACEHOLDERS {
        if s.contains(placeholder) {
            s = s.replace(placeholder, "\u{1D}");
        }
    }
    let trimmed = s.trim_matches(|c: char| c == ' ' || c == '\t');
    let (symbology, body) = strip_symbology(trimmed);
    let lower = body.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return parse_digital_link(body, trimmed);
    }
    if body.starts_with('+') || body.starts_with("*+") {
        return parse_hibc(body, trimmed);
    }
    if body.starts_with('(') {
        return parse_bracketed(body, trimmed).map(|(_, r)| r);
    }
    let body_no_fnc = body.trim_start_matches(GS);
    let looks_raw = symbology.is_some_and(|s| s != "]d1" && s != "]Q1")
        || body.starts_with(GS)
        || body.contains(GS)
        || starts_with_gtin_field(body_no_fnc);
    if looks_raw
        && body_no_fnc
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    {
        return Some(parse_raw(body_no_fnc, trimmed));
    }
    None
}

/// Whether `s` starts with `01` and fourteen digits.
fn starts_with_gtin_field(s: &str) -> bool {
    s.starts_with("01")
        && s.get(2..16)
            .is_some_and(|d| d.len() == 14 && d.bytes().all(|b| b.is_ascii_digit()))
}

fn strip_symbology(s: &str) -> (Option<&'static str>, &str) {
    for id in SYMBOLOGY_IDS {
        if let Some(rest) = s.strip_prefix(id) {
            return (Some(id), rest);
        }
    }
    (None, s)
}

/// Stores one GS1 field in `udi`, checking it.
fn store(udi: &mut Udi, ai: &str, value: &str) -> Result<(), UdiError> {
    let bad = || UdiError::BadField { ai: ai.to_owned() };
    match ai {
        "01" | "02" => {
            if value.len() != 14 || !value.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            if !is_valid_gtin14(value) {
                return Err(UdiError::GtinCheckDigit {
                    gtin: value.to_owned(),
                });
            }
            if ai == "01" {
                udi.gtin = Some(value.to_owned());
            }
        }
        "11" => udi.manufactured = Some(gs1_date(value).ok_or_else(bad)?),
        "17" => udi.expiry = Some(gs1_date(value).ok_or_else(bad)?),
        "10" | "21" => {
            if value.is_empty() || value.chars().any(|c| c.is_control() || c == ' ') {
                return Err(bad());
            }
            let slot = if ai == "10" {
                &mut udi.lot
            } else {
                &mut udi.serial
            };
            *slot = Some(value.to_owned());
        }
        "710" | "711" | "712" | "713" | "714" | "715" | "716" | "717" => {
            udi.reimbursement = Some(value.to_owned());
        }
        _ => {}
    }
    Ok(())
}

/// `YYMMDD` → `20YY-MM-DD`. Day `00` (no day given) is kept. The century
/// is assumed: devices with UDIs are all from this one.
fn gs1_date(v: &str) -> Option<String> {
    if v.len() != 6 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (yy, mm, dd) = (v.get(0..2)?, v.get(2..4)?, v.get(4..6)?);
    let month: u32 = mm.parse().ok()?;
    let day: u32 = dd.parse().ok()?;
    ((1..=12).contains(&month) && day <= 31).then(|| format!("20{yy}-{mm}-{dd}"))
}

/// Raw element string: fixed fields take their length, variable fields run
/// to the next GS or the end. A scanner that drops the separators leaves a
/// variable field running into the next one; that cannot be undone, so a
/// too-long field is reported rather than guessed.
fn parse_raw(body: &str, raw: &str) -> Result<Udi, UdiError> {
    let mut udi = Udi::new(raw, UdiScheme::Gs1);
    let chars: Vec<char> = body.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars.get(i) == Some(&GS) {
            i += 1;
            continue;
        }
        let head: String = chars.iter().skip(i).take(4).collect();
        let Some((ai_len, len)) = ai_spec(&head) else {
            let ai: String = head.chars().take(2).collect();
            return Err(UdiError::UnknownAi { ai });
        };
        let ai: String = head.chars().take(ai_len).collect();
        i += ai_len;
        let value: String = match len {
            Len::Fixed(n) => {
                let v: String = chars.iter().skip(i).take(n).collect();
                if v.chars().count() != n {
                    return Err(UdiError::BadField { ai });
                }
                i += n;
                v
            }
            Len::Upto(max) => {
                let v: String = chars.iter().skip(i).take_while(|c| **c != GS).collect();
                let n = v.chars().count();
                if n > max {
                    return Err(UdiError::BadField { ai });
                }
                i += n;
                v
            }
        };
        store(&mut udi, &ai, &value)?;
    }
    Ok(udi)
}

/// Bracketed element string, `(01)…(11)…(21)…`, spaces allowed around the
/// brackets. Returns how many characters of `body` it used (a variable
/// field ends at a space, since GS1 values never hold one) and the result.
/// `None` if `body` does not start with a known bracketed identifier.
pub(crate) fn parse_bracketed(
    body: &str,
    raw_hint: &str,
) -> Option<(usize, Result<Udi, UdiError>)> {
    let chars: Vec<char> = body.chars().collect();
    let first = bracket_ai(&chars, 0)?;
    // "(2024)" or "(1)" in ordinary text is not a UDI.
    ai_spec(&first.0).filter(|(n, _)| *n == first.0.len())?;
    let mut udi = Udi::new(raw_hint, UdiScheme::Gs1);
    let mut i = 0;
    let mut error = None;
    while let Some((ai, after)) = bracket_ai(&chars, i) {
        let Some((_, len)) = ai_spec(&ai).filter(|(n, _)| *n == ai.len()) else {
            error.get_or_insert(UdiError::UnknownAi { ai: ai.clone() });
            i = after;
            i += chars
                .iter()
                .skip(i)
                .take_while(|c| **c != '(' && **c != ' ')
                .count();
            continue;
        };
        let mut j = after;
        j += chars.iter().skip(j).take_while(|c| **c == ' ').count();
        let value: String = chars
            .iter()
            .skip(j)
            .take_while(|c| **c != '(' && **c != ' ' && **c != GS)
            .collect();
        let n = value.chars().count();
        let ok = match len {
            Len::Fixed(want) => n == want,
            Len::Upto(max) => n > 0 && n <= max,
        };
        if ok {
            if let Err(e) = store(&mut udi, &ai, &value) {
                error.get_or_insert(e);
            }
        } else {
            error.get_or_insert(UdiError::BadField { ai: ai.clone() });
        }
        i = j + n;
        // Spaces before the next bracket belong to the code; anything else
        // ends it.
        let spaces = chars
            .iter()
            .skip(i)
            .take_while(|c| **c == ' ' || **c == GS)
            .count();
        if chars.get(i + spaces) == Some(&'(') {
            i += spaces;
        }
    }
    let used: String = chars.iter().take(i).collect();
    udi.raw = if raw_hint.is_empty() {
        used.trim().to_owned()
    } else {
        raw_hint.to_owned()
    };
    Some((i, error.map_or(Ok(udi), Err)))
}

/// At `i`: `(` + 2–4 digits + `)`; returns the digits and the index after `)`.
fn bracket_ai(chars: &[char], i: usize) -> Option<(String, usize)> {
    if chars.get(i) != Some(&'(') {
        return None;
    }
    let digits: String = chars
        .iter()
        .skip(i + 1)
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let n = digits.len();
    ((2..=4).contains(&n) && chars.get(i + 1 + n) == Some(&')')).then_some((digits, i + n + 2))
}

/// GS1 Digital Link: `https://host/…/01/<GTIN>/10/<lot>/21/<serial>?11=…`.
/// `None` for a web address without a `01` (or `gtin`) path segment.
fn parse_digital_link(url: &str, raw: &str) -> Option<Result<Udi, UdiError>> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let (path_and_query, _) = after_scheme.split_once('#').unwrap_or((after_scheme, ""));
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let at = segments
        .iter()
        .position(|s| *s == "01" || s.eq_ignore_ascii_case("gtin"))?;
    let mut udi = Udi::new(raw, UdiScheme::Gs1DigitalLink);
    let gtin_raw = percent_decode(segments.get(at + 1)?);
    let Some(gtin) = gtin14(&gtin_raw) else {
        if gtin_raw.bytes().all(|b| b.is_ascii_digit())
            && matches!(gtin_raw.len(), 8 | 12 | 13 | 14)
        {
            return Some(Err(UdiError::GtinCheckDigit { gtin: gtin_raw }));
        }
        return Some(Err(UdiError::BadField { ai: "01".into() }));
    };
    udi.gtin = Some(gtin);
    let mut rest = segments.iter().skip(at + 2);
    while let (Some(key), Some(value)) = (rest.next(), rest.next()) {
        let ai = match key.to_ascii_lowercase().as_str() {
            "10" | "lot" => "10",
            "21" | "ser" => "21",
            _ => continue,
        };
        if let Err(e) = store(&mut udi, ai, &percent_decode(value)) {
            return Some(Err(e));
        }
    }
    for pair in query.split('&') {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        if matches!(key, "10" | "11" | "17" | "21")
            && let Err(e) = store(&mut udi, key, &percent_decode(value))
        {
            return Some(Err(e));
        }
    }
    Some(Ok(udi))
}

/// Decodes `%xx` escapes; a broken escape is kept as written.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = (b == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        if let Some(v) = hex {
            out.push(v);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of a HIBC character in the mod-43 check.
fn hibc_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        'A'..='Z' => Some(u32::from(c) - u32::from('A') + 10),
        '-' => Some(36),
        '.' => Some(37),
        ' ' => Some(38),
        '$' => Some(39),
        '/' => Some(40),
        '+' => Some(41),
        '%' => Some(42),
        _ => None,
    }
}

/// The mod-43 check character of `data`.
pub(crate) fn hibc_check(data: &str) -> Option<char> {
    const TABLE: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";
    let mut sum = 0;
    for c in data.chars() {
        sum += hibc_value(c)?;
    }
    TABLE.chars().nth(usize::try_from(sum % 43).ok()?)
}

/// HIBC: `+` labeler (4, first a letter), product (1–18), unit of measure
/// (1 digit), then optionally `/` and secondary data, then the check
/// character over everything before it. Code 39 `*` wrappers are dropped.
fn parse_hibc(body: &str, raw: &str) -> Option<Result<Udi, UdiError>> {
    let data = body.trim_start_matches('*').trim_end_matches('*');
    let chars: Vec<char> = data.chars().collect();
    // `+` then a digit is a phone number or a sum, not a HIBC code.
    if !chars.get(1).is_some_and(char::is_ascii_alphabetic) {
        return None;
    }
    let upper = data.to_ascii_uppercase();
    let (content, check) = upper.split_at_checked(upper.len().checked_sub(1)?)?;
    if content.len() < 7 || content.chars().any(|c| hibc_value(c).is_none()) {
        return Some(Err(UdiError::HibcMalformed));
    }
    if hibc_check(content).map(String::from).as_deref() != Some(check) {
        return Some(Err(UdiError::HibcCheck));
    }
    let (primary, secondary) = content.split_once('/').unwrap_or((content, ""));
    let Some(body) = primary.strip_prefix('+') else {
        return Some(Err(UdiError::HibcMalformed));
    };
    // The last character of the primary data is the unit of measure.
    if !body.chars().last().is_some_and(|c| c.is_ascii_digit()) {
        return Some(Err(UdiError::HibcMalformed));
    }
    let product = body.get(..body.len() - 1).unwrap_or_default();
    if !(5..=22).contains(&product.len()) || !product.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Some(Err(UdiError::HibcMalformed));
    }
    let mut udi = Udi::new(raw, UdiScheme::Hibc);
    udi.product_code = Some(product.to_owned());
    for field in secondary.split('/').filter(|f| !f.is_empty()) {
        hibc_secondary(&mut udi, field);
    }
    Some(Ok(udi))
}

/// One secondary field: `$lot`, `$+serial`, `$$…` with a date format flag,
/// `16D` + production date, `14D` + expiry date, `S` + serial.
fn hibc_secondary(udi: &mut Udi, field: &str) {
    if let Some(date) = field.strip_prefix("16D") {
        udi.manufactured = yyyymmdd(date);
    } else if let Some(date) = field.strip_prefix("14D") {
        udi.expiry = yyyymmdd(date);
    } else if let Some(rest) = field.strip_prefix("$$+") {
        udi.serial = Some(skip_hibc_date(rest).to_owned());
    } else if let Some(rest) = field.strip_prefix("$$") {
        udi.lot = Some(skip_hibc_date(rest).to_owned());
    } else if let Some(rest) = field.strip_prefix("$+") {
        udi.serial = Some(rest.to_owned());
    } else if let Some(rest) = field.strip_prefix('$') {
        udi.lot = Some(rest.to_owned());
    } else if let Some(rest) = field.strip_prefix('S') {
        udi.serial = Some(rest.to_owned());
    }
}

/// Drops the expiry date in front of a `$$` lot or serial: a flag digit
/// 2–7 says its format; a leading 0 or 1 is a bare `MMYY`.
fn skip_hibc_date(s: &str) -> &str {
    let skip = match s.chars().next() {
        Some('0' | '1') => 4,
        Some('2' | '3') => 7,
        Some('4') => 9,
        Some('5') => 6,
        Some('6') => 8,
        Some('7') => 1,
        _ => 0,
    };
    s.get(skip..).unwrap_or_default()
}

fn yyyymmdd(s: &str) -> Option<String> {
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(format!("{}-{}-{}", s.get(..4)?, s.get(4..6)?, s.get(6..8)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Udi {
        match parse(text) {
            Some(Ok(u)) => u,
            other => panic!("{text:?} → {other:?}"),
        }
    }

    #[test]
    fn bracketed_gs1() {
        let u = ok("(01)09506000134352(11)240115(17)290100(10)LOT7(21)SN12345");
        assert_eq!(u.gtin.as_deref(), Some("09506000134352"));
        assert_eq!(u.manufactured.as_deref(), Some("2024-01-15"));
        assert_eq!(u.expiry.as_deref(), Some("2029-01-00"));
        assert_eq!(u.lot.as_deref(), Some("LOT7"));
        assert_eq!(u.serial.as_deref(), Some("SN12345"));
        let spaced = ok("(01) 09506000134352 (21) 77");
        assert_eq!(spaced.serial.as_deref(), Some("77"));
    }

    #[test]
    fn raw_gs1_with_prefixes_and_separators() {
        for text in [
            "]d2010950600013435211240115\u{1D}21SN12345\r\n",
            "]C1010950600013435211240115\u{1D}21SN12345",
            "]Q3010950600013435211240115<GS>21SN12345",
            "\u{1D}010950600013435211240115\u{1D}21SN12345",
            "010950600013435211240115\u{1D}21SN12345",
        ] {
            let u = ok(text);
            assert_eq!(u.gtin.as_deref(), Some("09506000134352"), "{text:?}");
            assert_eq!(u.serial.as_deref(), Some("SN12345"), "{text:?}");
            assert_eq!(u.manufactured.as_deref(), Some("2024-01-15"), "{text:?}");
        }
    }

    #[test]
    fn bad_check_digit_is_an_error() {
        assert_eq!(
            parse("(01)09506000134353(21)1"),
            Some(Err(UdiError::GtinCheckDigit {
                gtin: "09506000134353".into()
            }))
        );
        assert!(matches!(
            parse("0109506000134353"),
            Some(Err(UdiError::GtinCheckDigit { .. }))
        ));
    }

    #[test]
    fn digital_link() {
        let u = ok("https://id.gs1.org/01/09506000134352/10/AB%2F1/21/XYZ9?11=230301");
        assert_eq!(u.scheme, UdiScheme::Gs1DigitalLink);
        assert_eq!(u.gtin.as_deref(), Some("09506000134352"));
        assert_eq!(u.lot.as_deref(), Some("AB/1"));
        assert_eq!(u.serial.as_deref(), Some("XYZ9"));
        assert_eq!(u.manufactured.as_deref(), Some("2023-03-01"));
        let short = ok("https://example.com/shop/01/9506000134352/21/5");
        assert_eq!(short.gtin.as_deref(), Some("09506000134352"));
        assert_eq!(parse("https://example.com/01"), None);
        assert_eq!(parse("https://www.contecmed.com/"), None);
    }

    #[test]
    fn hibc() {
        // The example from the HIBC LIC standard: check character G.
        assert_eq!(hibc_check("+A123BJC5D6E71"), Some('G'));
        let u = ok("+A123BJC5D6E71G");
        assert_eq!(u.scheme, UdiScheme::Hibc);
        assert_eq!(u.product_code.as_deref(), Some("A123BJC5D6E7"));
        let data = "+A123BJC5D6E71/$$+3250101SER42/16D20240115";
        let check = hibc_check(data).expect("check");
        let u = ok(&format!("*{data}{check}*"));
        assert_eq!(u.serial.as_deref(), Some("SER42"));
        assert_eq!(u.manufactured.as_deref(), Some("2024-01-15"));
        assert_eq!(parse("+A123BJC5D6E71H"), Some(Err(UdiError::HibcCheck)));
        assert_eq!(parse("+39 02 1234"), None);
    }

    #[test]
    fn not_udis() {
        for text in [
            "CMS8000",
            "SN 12345",
            "0123",
            "(1) model",
            "(2024) CMS8000",
            "Gima 35152",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }
}
