//! The words the matcher knows: keywords that give the next token a role
//! (model, catalogue code, serial, lot), connectors and accessory nouns
//! that mark an accessory's label, variant words, and letter prefixes that
//! are markings rather than models. Tables only, and the few lookups on
//! them; nothing here knows the list.

use super::normalize::Atom;

/// Words after which comes the model.
pub(super) const MODEL_KEYWORDS: &[&[&str]] = &[
    &["MODEL", "NO"],
    &["MODEL", "NR"],
    &["MODEL", "NUMBER"],
    &["MOD", "NO"],
    &["TYPE", "NO"],
    &["MODELLO"],
    &["MODELL"],
    &["MODEL"],
    &["MOD"],
    &["TYPE"],
    &["TYP"],
    &["TIPO"],
];

/// Words after which comes a catalogue or importer code (or a model).
pub(super) const REF_KEYWORDS: &[&[&str]] = &[
    &["CAT", "NO"],
    &["ART", "NO"],
    &["ART", "NR"],
    &["REF"],
    &["CAT"],
    &["COD"],
    &["CODE"],
    &["CODICE"],
    &["ART"],
    &["ARTICOLO"],
    &["ARTIKELNUMMER"],
    &["BESTELLNUMMER"],
];

/// Words after which comes the serial number.
pub(super) const SERIAL_KEYWORDS: &[&[&str]] = &[
    &["SERIAL", "NO"],
    &["SERIAL", "NR"],
    &["SERIAL", "NUMBER"],
    &["SER", "NO"],
    &["N", "DI", "SERIE"],
    &["NO", "DI", "SERIE"],
    &["NUMERO", "DI", "SERIE"],
    &["S", "N"],
    &["SERIEN", "NR"],
    &["SER", "NR"],
    &["SERIAL"],
    &["SN"],
    &["MATRICOLA"],
    &["SERIENNUMMER"],
    &["SERIENNR"],
];

/// Words after which comes the lot.
pub(super) const LOT_KEYWORDS: &[&[&str]] = &[
    &["LOT"],
    &["LOTTO"],
    &["BATCH"],
    &["CHARGE"],
    &["CHARGENNUMMER"],
];

/// Words that, right before a model, say the label is an accessory's
/// naming the monitor it fits ("for use with", "compatibile con",
/// "passend für" …).
pub(super) const CONNECTORS: &[&str] = &[
    "WITH",
    "CON",
    "FOR",
    "PER",
    "COMPATIBLE",
    "COMPATIBILE",
    "FITS",
    "FIT",
    "SUITABLE",
    "ADATTO",
    "ADATTA",
    "ADATTI",
    "ADATTE",
    "COMPATIBILITY",
    "COMPATIBILITA",
    "COMPATIBILITÀ",
    "MIT",
    "FÜR",
    "FUR",
    "FUER",
    "PASSEND",
    "KOMPATIBEL",
    "GEEIGNET",
];

/// Accessories: a model after one of these on a line is the monitor the
/// accessory fits.
pub(super) const ACCESSORY_NOUNS: &[&str] = &[
    "ACCESSORY",
    "ACCESSORIES",
    "ACCESSORIO",
    "ACCESSORI",
    "SENSOR",
    "SENSORS",
    "SENSORE",
    "SENSORI",
    "PROBE",
    "SONDA",
    "CABLE",
    "CAVO",
    "BATTERY",
    "BATTERIA",
    "CUFF",
    "BRACCIALE",
    "LEADWIRE",
    "LEADWIRES",
    "ELECTRODE",
    "ELECTRODES",
    "ELETTRODO",
    "ELETTRODI",
    "CHARGER",
    "CARICATORE",
    "CARICABATTERIE",
    "ADAPTER",
    "ADATTATORE",
    "ALIMENTATORE",
    "SPARE",
    "REPLACEMENT",
    "RICAMBIO",
    "BRACKET",
    "STAFFA",
    "MOUNT",
    "SUPPORTO",
    "TUBE",
    "TUBO",
    "HOSE",
    "ZUBEHÖR",
    "ZUBEHOR",
    "ZUBEHOER",
    "SENSOREN",
    "KABEL",
    "AKKU",
    "BATTERIE",
    "MANSCHETTE",
    "ELEKTRODE",
    "ELEKTRODEN",
    "LADEGERÄT",
    "LADEGERAT",
    "NETZTEIL",
    "ERSATZTEIL",
    "HALTERUNG",
    "SCHLAUCH",
];

/// Variant words that, after a listed model, make it a possible variant.
pub(super) const VARIANT_WORDS: &[&str] = &[
    "PLUS", "PRO", "VET", "MAX", "MINI", "LITE", "ELITE", "EXPERT", "PREMIUM", "ADVANCED", "II",
    "III", "IV", "NEW", "NEO",
];

/// Letter prefixes that are standards, units or markings, never models.
pub(super) const STOP_PREFIXES: &[&str] = &[
    "SPO", "CO", "ETCO", "O", "IP", "IPX", "CE", "EN", "IEC", "ISO", "UNI", "DIN", "UL", "CSA",
    "DC", "AC", "USB", "RS", "V", "VER", "VERSION", "SW", "HW", "FW", "REV", "R", "P", "PAG",
    "PAGE", "N", "NO", "NR", "TEL", "FAX", "VIA", "CAP", "ZIP", "UDI", "GTIN", "LOT", "SN", "REF",
    "PN", "HTTP", "HTTPS", "WWW", "EU", "EC", "MD", "ART", "CAT", "COD", "HZ", "KHZ", "MHZ", "GHZ",
    "MAH", "VA", "MA", "W", "KG", "G", "MM", "CM", "M", "H", "MIN", "S", "T", "NIBP", "ECG",
    "RESP", "TEMP", "PR", "HR", "IBP", "BPM", "MMHG", "RR", "PI", "PVC", "X", "A", "B", "C", "D",
    "E", "F", "K", "L", "Q", "U", "Y", "Z", "J", "I",
];

/// The number of atoms of the keyword at `i`, if one of `table` is there.
/// Parts of a keyword must be close (`S/N`, `Model No.`), not words apart.
pub(super) fn match_keyword(atoms: &[Atom], i: usize, table: &[&[&str]]) -> Option<usize> {
    table.iter().find_map(|words| {
        let matched = words.iter().enumerate().all(|(k, w)| {
            atoms
                .get(i + k)
                .is_some_and(|a| a.text() == *w && (k == 0 || a.sep_before.chars().count() <= 2))
        });
        matched.then_some(words.len())
    })
}

/// Whether `word` is the first word of any keyword.
pub(super) fn is_keyword_word(word: &str) -> bool {
    [MODEL_KEYWORDS, REF_KEYWORDS, SERIAL_KEYWORDS, LOT_KEYWORDS]
        .iter()
        .flat_map(|t| t.iter())
        .any(|k| k.first() == Some(&word) && (k.len() == 1 || word.len() > 1))
}

/// Words that may sit between a keyword and its value (`Model No.:`).
pub(super) fn is_filler(a: &Atom) -> bool {
    matches!(a.text().as_str(), "NO" | "NR" | "N" | "NUMBER" | "NUMERO")
}
