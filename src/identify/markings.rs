//! Text on a label that is never a model name: electrical ratings, dates,
//! addresses, phone numbers, and standards and markings (IEC, EN and ISO
//! numbers, CE marks, IP codes).
//!
//! [`not_model`] marks the atoms of a line that belong to such a phrase.
//! The matcher drops a reading built from marked atoms unless it names a
//! listed model: this rule only ever removes answers that are not on the
//! list, and never hides one that is.
//!
//! A phrase is found in two ways. A starter word ("Input", "Tel", "Date",
//! "Address") marks itself and the values after it, up to the next field
//! keyword. Without a starter, the shape of the value gives it away:
//! `100-240V~`, `50/60Hz`, `2024-03-18`, `Mar 2023`, `+39 055 123 4567`,
//! `IEC 60601-1-2:2014`, `CE 0123`, `IPX1`.

use super::normalize::Atom;

/// Words that start an electrical rating.
const RATING_STARTERS: &[&str] = &[
    "INPUT",
    "OUTPUT",
    "POWER",
    "RATED",
    "RATING",
    "RATINGS",
    "SUPPLY",
    "VOLTAGE",
    "CURRENT",
    "FREQUENCY",
    "CONSUMPTION",
    "ALIMENTAZIONE",
    "INGRESSO",
    "USCITA",
    "TENSIONE",
    "CORRENTE",
    "POTENZA",
    "FREQUENZA",
    "ASSORBIMENTO",
];

/// Units that follow a number in a rating or a measurement.
const UNITS: &[&str] = &[
    "V", "VAC", "VDC", "KV", "MV", "A", "MA", "UA", "AH", "MAH", "W", "KW", "MW", "WH", "VA",
    "KVA", "HZ", "KHZ", "MHZ", "GHZ", "KPA", "MMHG", "KG", "G", "MM", "CM", "M", "DB", "BPM",
];

/// Words that stand beside the numbers of a rating (`AC`, `DC`, `max`).
const RATING_WORDS: &[&str] = &["AC", "DC", "MAX", "MIN", "TYP", "NOM", "CA", "CC", "X"];

/// Words that start a date.
const DATE_STARTERS: &[&str] = &[
    "DATE",
    "MFG",
    "MFD",
    "MANUFACTURED",
    "MANUFACTURE",
    "MANUFACTURING",
    "PRODUCTION",
    "PRODUCED",
    "EXP",
    "EXPIRY",
    "EXPIRES",
    "EXPIRATION",
    "DATA",
    "FABBRICAZIONE",
    "PRODUZIONE",
    "PRODOTTO",
    "SCADENZA",
    "DATUM",
    "HERSTELLUNGSDATUM",
    "HERGESTELLT",
    "HERSTELLUNG",
    "VERFALLSDATUM",
    "VERWENDBAR",
];

/// Words that may sit inside a date phrase ("Date of manufacture").
const DATE_FILLERS: &[&str] = &[
    "OF",
    "DI",
    "DEL",
    "DELLA",
    "ON",
    "IL",
    "MANUFACTURE",
    "PRODUCTION",
    "PRODUZIONE",
    "AM",
    "DER",
    "BIS",
    "HERSTELLUNG",
];

/// Month names and their usual abbreviations, English, Italian and German.
const MONTHS: &[&str] = &[
    "JAN",
    "JANUARY",
    "FEB",
    "FEBRUARY",
    "MAR",
    "MARCH",
    "APR",
    "APRIL",
    "MAY",
    "JUN",
    "JUNE",
    "JUL",
    "JULY",
    "AUG",
    "AUGUST",
    "SEP",
    "SEPT",
    "SEPTEMBER",
    "OCT",
    "OCTOBER",
    "NOV",
    "NOVEMBER",
    "DEC",
    "DECEMBER",
    "GEN",
    "GENNAIO",
    "FEBBRAIO",
    "MARZO",
    "APRILE",
    "MAG",
    "MAGGIO",
    "GIU",
    "GIUGNO",
    "LUG",
    "LUGLIO",
    "AGO",
    "AGOSTO",
    "SET",
    "SETTEMBRE",
    "OTT",
    "OTTOBRE",
    "NOVEMBRE",
    "DIC",
    "DICEMBRE",
    "JANUAR",
    "FEBRUAR",
    "MÄRZ",
    "MAERZ",
    "MRZ",
    "MAI",
    "JUNI",
    "JULI",
    "OKT",
    "OKTOBER",
    "DEZ",
    "DEZEMBER",
];

/// Words that start a phone or fax number.
const PHONE_STARTERS: &[&str] = &[
    "TEL",
    "TELEPHONE",
    "PHONE",
    "FAX",
    "TELEFONO",
    "TELEFAX",
    "CELL",
    "MOBILE",
    "HOTLINE",
    "WHATSAPP",
];

/// Words that start an address: everything after them to the next field
/// keyword is the address.
const ADDRESS_STARTERS: &[&str] = &[
    "ADDRESS",
    "ADD",
    "ADDR",
    "INDIRIZZO",
    "SEDE",
    "MANUFACTURER",
    "MANUFACTURED",
    "MFR",
    "FABBRICANTE",
    "PRODUTTORE",
    "HERSTELLER",
    "ANSCHRIFT",
    "ADRESSE",
    "VERTRIEB",
    "IMPORTEUR",
    "DISTRIBUTOR",
    "DISTRIBUTED",
    "DISTRIBUTORE",
    "IMPORTER",
    "IMPORTED",
    "IMPORTATORE",
    "REP",
];

/// Words of a street address; with a house number beside them, the part
/// of the line they stand in is an address.
const STREET_WORDS: &[&str] = &[
    "STREET",
    "ROAD",
    "RD",
    "AVENUE",
    "AVE",
    "BOULEVARD",
    "BLVD",
    "LANE",
    "DRIVE",
    "SQUARE",
    "HIGHWAY",
    "VIA",
    "VIALE",
    "PIAZZA",
    "PIAZZALE",
    "CORSO",
    "LARGO",
    "VICOLO",
    "STRADA",
    "LOCALITA",
    "STRASSE",
    "STR",
    "RUE",
    "CALLE",
    "ZONE",
    "DISTRICT",
    "ROOM",
    "SUITE",
    "FLOOR",
    "BUILDING",
    "BLDG",
    "BOX",
];

/// Standards bodies whose numbers appear on labels (`IEC 60601-1`,
/// `EN ISO 80601-2-61`, `YY 0505`).
const STANDARDS: &[&str] = &[
    "IEC", "EN", "ISO", "UNI", "CEI", "DIN", "ANSI", "AAMI", "UL", "CSA", "IEEE", "ASTM", "BS",
    "NF", "JIS", "GB", "YY", "GOST",
];

/// Which kind of phrase a starter opens; decides which atoms it covers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phrase {
    Rating,
    Date,
    Phone,
    Address,
}

/// For each atom of a line, whether it belongs to a rating, date, address,
/// phone number, standard or marking. `field_key[i]` tells whether a field
/// keyword (model, REF, serial, lot) starts at atom `i`: a phrase ends there.
pub(crate) fn not_model(atoms: &[Atom], field_key: &[bool]) -> Vec<bool> {
    let mut marks = vec![false; atoms.len()];
    let is_key = |i: usize| field_key.get(i).copied().unwrap_or(false);
    mark_starters(atoms, &is_key, &mut marks);
    mark_streets(atoms, &is_key, &mut marks);
    for i in 0..atoms.len() {
        mark_ratings(atoms, i, &mut marks);
        mark_dates(atoms, i, &mut marks);
        mark_phone(atoms, i, &mut marks);
        mark_standard(atoms, i, &mut marks);
    }
    marks
}

fn set(marks: &mut [bool], from: usize, to: usize) {
    for m in marks.iter_mut().take(to).skip(from) {
        *m = true;
    }
}

/// Starter words and the values after them.
fn mark_starters(atoms: &[Atom], is_key: &dyn Fn(usize) -> bool, marks: &mut [bool]) {
    let mut i = 0;
    while let Some(atom) = atoms.get(i) {
        let text = atom.text();
        let phrase = if ADDRESS_STARTERS.contains(&text.as_str()) {
            Some(Phrase::Address)
        } else if RATING_STARTERS.contains(&text.as_str()) {
            Some(Phrase::Rating)
        } else if PHONE_STARTERS.contains(&text.as_str()) {
            Some(Phrase::Phone)
        } else if DATE_STARTERS.contains(&text.as_str()) {
            Some(Phrase::Date)
        } else {
            None
        };
        let Some(phrase) = phrase else {
            i += 1;
            continue;
        };
        let mut k = i + 1;
        while let Some(a) = atoms.get(k) {
            if is_key(k) || (phrase != Phrase::Address && !belongs(phrase, a)) {
                break;
            }
            k += 1;
        }
        set(marks, i, k);
        i = k.max(i + 1);
    }
}

/// Whether `a` can continue a phrase of kind `phrase`.
fn belongs(phrase: Phrase, a: &Atom) -> bool {
    let text = a.text();
    match phrase {
        Phrase::Rating => {
            a.is_digits()
                || is_quantity(a)
                || UNITS.contains(&text.as_str())
                || RATING_WORDS.contains(&text.as_str())
        }
        Phrase::Date => {
            a.is_digits()
                || MONTHS.contains(&text.as_str())
                || DATE_FILLERS.contains(&text.as_str())
                || DATE_STARTERS.contains(&text.as_str())
                || glued_month_year(&text)
        }
        Phrase::Phone => a.is_digits() || matches!(text.as_str(), "NO" | "NR" | "EXT" | "N"),
        Phrase::Address => true,
    }
}

/// A number glued to a unit: `240V`, `60Hz`, `2200mAh`.
fn is_quantity(a: &Atom) -> bool {
    if !a.starts_with_digit() {
        return false;
    }
    let unit: String = a
        .upper
        .iter()
        .skip_while(|c| c.is_ascii_digit())
        .filter(|c| **c != '+')
        .collect();
    !unit.is_empty() && UNITS.contains(&unit.as_str())
}

/// `MAR2023`, `2023MAR`: a month and a year in one atom.
fn glued_month_year(text: &str) -> bool {
    let letters: String = text.chars().take_while(char::is_ascii_uppercase).collect();
    let rest = text.get(letters.len()..).unwrap_or_default();
    if !letters.is_empty() && MONTHS.contains(&letters.as_str()) && is_year(rest) {
        return true;
    }
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let rest = text.get(digits.len()..).unwrap_or_default();
    is_year(&digits) && MONTHS.contains(&rest)
}

/// Four digits from 1970 to 2099.
fn is_year(text: &str) -> bool {
    text.len() == 4
        && text
            .parse::<u32>()
            .is_ok_and(|y| (1970..=2099).contains(&y))
        && text.bytes().all(|b| b.is_ascii_digit())
}

/// A street word with a house number in the same part of the line: the
/// part between field keywords is an address.
fn mark_streets(atoms: &[Atom], is_key: &dyn Fn(usize) -> bool, marks: &mut [bool]) {
    let mut start = 0;
    while start < atoms.len() {
        let mut end = start + 1;
        while end < atoms.len() && !is_key(end) {
            end += 1;
        }
        let part = atoms.get(start..end).unwrap_or_default();
        let street = part
            .iter()
            .any(|a| STREET_WORDS.contains(&a.text().as_str()));
        let number = part.iter().any(Atom::is_digits);
        if street && number && part.len() >= 2 {
            set(marks, start, end);
        }
        start = end;
    }
}

/// `100-240V~`, `50/60Hz`, `1.5A`, `12 V`, `DC 12V`: numbers tied to a unit.
fn mark_ratings(atoms: &[Atom], i: usize, marks: &mut [bool]) {
    let Some(a) = atoms.get(i) else { return };
    let unit_after = |k: usize| {
        atoms.get(k).is_some_and(|n| {
            UNITS.contains(&n.text().as_str()) && n.sep_before.chars().all(|c| c == ' ')
        })
    };
    if is_quantity(a) || (a.is_digits() && unit_after(i + 1)) {
        // Walk back over the numbers joined to it (`100-240V`, `1.5A`)
        // and an `AC`/`DC` in front.
        let mut from = i;
        // Atoms marked already need no second walk (`1V-1V-1V…` stays linear).
        while from > 0 && marks.get(from - 1) == Some(&false) {
            let Some(cur) = atoms.get(from) else { break };
            let Some(prev) = atoms.get(from - 1) else {
                break;
            };
            let joined = matches!(cur.sep_before.trim(), "-" | "/" | "." | "," | "~" | "~/");
            let prev_text = prev.text();
            if (joined && (prev.is_digits() || is_quantity(prev)))
                || (RATING_WORDS.contains(&prev_text.as_str())
                    && prev_text.len() == 2
                    && cur.sep_before.chars().count() <= 2)
            {
                from -= 1;
            } else {
                break;
            }
        }
        let to = if unit_after(i + 1) { i + 2 } else { i + 1 };
        set(marks, from, to);
    }
}

/// `2024-03-18`, `18/03/2024`, `03.2024`, `Mar 2023`, `18 MAR 2023`.
fn mark_dates(atoms: &[Atom], at: usize, marks: &mut [bool]) {
    let Some(atom) = atoms.get(at) else { return };
    let text = atom.text();
    if glued_month_year(&text) {
        set(marks, at, at + 1);
        return;
    }
    let number = |k: usize| atoms.get(k).is_some_and(Atom::is_digits);
    let joined = |k: usize| {
        atoms
            .get(k)
            .is_some_and(|n| n.is_digits() && matches!(n.sep_before.as_str(), "-" | "/" | "."))
    };
    // A chain of numbers joined by one `-`, `/` or `.` each, from its start.
    if atom.is_digits() && !(at > 0 && joined(at) && number(at - 1)) {
        let mut end = at + 1;
        while joined(end) {
            end += 1;
        }
        let parts: Vec<String> = atoms
            .get(at..end)
            .unwrap_or_default()
            .iter()
            .map(Atom::text)
            .collect();
        let short = |s: &String| (1..=2).contains(&s.len());
        let date = match parts.as_slice() {
            [first, second, third] => {
                (is_year(first) && short(second) && short(third))
                    || (short(first) && short(second) && (is_year(third) || third.len() == 2))
            }
            [first, second] => {
                (is_year(first) && short(second)) || (short(first) && is_year(second))
            }
            _ => false,
        };
        if date {
            set(marks, at, end);
            return;
        }
    }
    // A month name beside a day or a year.
    if MONTHS.contains(&text.as_str()) {
        if number(at + 1) || (at > 0 && number(at - 1)) {
            let from = if at > 0 && number(at - 1) { at - 1 } else { at };
            let mut to = at + 1;
            while number(to) && to < at + 3 {
                to += 1;
            }
            set(marks, from, to);
        }
        return;
    }
    // A year set apart by a space is a date, not the number of a model
    // (`acquistato nel 2020`).
    if is_year(&text) && atom.sep_before.chars().all(|c| c == ' ') && at > 0 {
        set(marks, at, at + 1);
    }
}

/// `+39 055 123 4567`, `+86-335-8015430`, `(0335) 8015430`: an
/// international prefix, or three digit groups or more that make at least
/// eight digits.
fn mark_phone(atoms: &[Atom], i: usize, marks: &mut [bool]) {
    let Some(a) = atoms.get(i) else { return };
    if !a.is_digits() {
        return;
    }
    let group_sep = |s: &str| {
        let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        s.chars().count() <= 3 && matches!(t.as_str(), "" | "-" | "." | "/" | ")" | "(" | ")-")
    };
    if i > 0 && atoms.get(i - 1).is_some_and(Atom::is_digits) && group_sep(&a.sep_before) {
        // Not the first group of a run.
        return;
    }
    let plus = a.sep_before.trim_end().ends_with('+') || a.sep_before.trim_end().ends_with("+(");
    let mut k = i + 1;
    let mut digits = a.upper.len();
    while let Some(n) = atoms.get(k) {
        if !(n.is_digits() && group_sep(&n.sep_before)) {
            break;
        }
        digits += n.upper.len();
        k += 1;
    }
    let groups = k - i;
    if (plus && digits >= 6) || (groups >= 3 && digits >= 8) {
        set(marks, i, k);
    }
}

/// `IEC 60601-1-2:2014`, `EN ISO 80601-2-61`, `IEC60601`, `CE 0123`,
/// `IPX1`, `IP22`.
fn mark_standard(atoms: &[Atom], i: usize, marks: &mut [bool]) {
    let Some(a) = atoms.get(i) else { return };
    let text = a.text();
    let letters: String = text.chars().take_while(char::is_ascii_uppercase).collect();
    let rest = text.get(letters.len()..).unwrap_or_default();
    // Protection class: IP and two digits, or IPX and one.
    let ip = (letters == "IP" && rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_digit()))
        || (letters == "IPX" && rest.len() == 1 && rest.bytes().all(|b| b.is_ascii_digit()));
    if ip {
        set(marks, i, i + 1);
        return;
    }
    let body = STANDARDS.contains(&letters.as_str()) || letters == "CE";
    if !body {
        return;
    }
    let mut k = i + 1;
    if rest.is_empty() {
        // The number is the next atom (after `EN ISO`, the one after that).
        while atoms
            .get(k)
            .is_some_and(|n| STANDARDS.contains(&n.text().as_str()) && n.sep_before.len() <= 2)
        {
            k += 1;
        }
        let Some(number) = atoms.get(k) else { return };
        let close = number.sep_before.chars().count() <= 2
            && number
                .sep_before
                .chars()
                .all(|c| matches!(c, ' ' | '-' | '.'));
        if !(number.is_digits() && close) {
            return;
        }
        if letters == "CE" && number.upper.len() != 4 {
            return;
        }
        k += 1;
    } else if !rest.bytes().all(|b| b.is_ascii_digit()) || (letters == "CE" && rest.len() != 4) {
        return;
    }
    // The parts and the year: `-1-2`, `.1`, `:2014`, `/A1`.
    while let Some(n) = atoms.get(k) {
        let part = matches!(n.sep_before.as_str(), "-" | "." | ":" | "/" | "+")
            && (n.is_digits() || n.upper.len() <= 2);
        if !part {
            break;
        }
        k += 1;
    }
    set(marks, i, k);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identify::normalize::{atoms, normalize};

    /// The atoms of `line` that are marked, joined by spaces.
    fn marked(line: &str) -> String {
        let a = atoms(&normalize(line));
        let keys: Vec<bool> = a
            .iter()
            .map(|x| matches!(x.text().as_str(), "MODEL" | "REF" | "SN" | "LOT" | "TYPE"))
            .collect();
        let m = not_model(&a, &keys);
        a.iter()
            .zip(m)
            .filter(|(_, m)| *m)
            .map(|(a, _)| a.shown.clone())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn ratings() {
        assert_eq!(marked("INPUT 100-240V~ 50/60Hz"), "INPUT 100 240V 50 60Hz");
        assert_eq!(marked("Input: DC 12V 1.5A"), "Input DC 12V 1 5A");
        assert_eq!(marked("100-240V~ 50/60Hz 1.2A"), "100 240V 50 60Hz 1 2A");
        assert_eq!(
            marked("Alimentazione 230 V 50 Hz"),
            "Alimentazione 230 V 50 Hz"
        );
        assert_eq!(
            marked("INPUT 100-240V~ MODEL CMS8000"),
            "INPUT 100 240V",
            "a rating ends at the next field"
        );
        assert_eq!(marked("Battery 11.1V 2200mAh"), "11 1V 2200mAh");
    }

    #[test]
    fn dates() {
        assert_eq!(marked("2024-03-18"), "2024 03 18");
        assert_eq!(marked("Mfg. date 03/2023"), "Mfg date 03 2023");
        assert_eq!(
            marked("Data di produzione: 18.03.2024"),
            "Data di produzione 18 03 2024"
        );
        assert_eq!(marked("MAR 2023"), "MAR 2023");
        assert_eq!(marked("18 Mar 2023"), "18 Mar 2023");
        assert_eq!(marked("MAR2023"), "MAR2023");
        assert_eq!(marked("acquistato nel 2020"), "2020");
        assert_eq!(marked("CMS8000"), "");
        assert_eq!(marked("CMS 8000"), "");
    }

    #[test]
    fn phones_and_addresses() {
        assert_eq!(marked("Tel: +86-335-8015430"), "Tel 86 335 8015430");
        assert_eq!(marked("+39 055 123 4567"), "39 055 123 4567");
        assert_eq!(marked("0335 801 5430"), "0335 801 5430");
        assert_eq!(
            marked("No.112 Qinhuang West Street"),
            "No 112 Qinhuang West Street"
        );
        assert_eq!(marked("Via Roma 12, Milano"), "Via Roma 12 Milano");
        assert_eq!(
            marked("Add: Unit B12, 4 Harbour Rd MODEL VM-8"),
            "Add Unit B12 4 Harbour Rd"
        );
        assert_eq!(marked("Made in China"), "");
    }

    #[test]
    fn standards_and_markings() {
        assert_eq!(marked("IEC 60601-1-2:2014"), "IEC 60601 1 2 2014");
        assert_eq!(marked("EN ISO 80601-2-61"), "EN ISO 80601 2 61");
        assert_eq!(marked("IEC60601-1"), "IEC60601 1");
        assert_eq!(marked("CE 0123 IPX1 IP22"), "CE 0123 IPX1 IP22");
        assert_eq!(marked("YY 0505"), "YY 0505");
        assert_eq!(marked("CMS 6000"), "");
        assert_eq!(marked("MN-120"), "");
    }
}
