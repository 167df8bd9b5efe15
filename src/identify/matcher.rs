//! Finding model names, codes, firmware strings and UDIs in text.
//!
//! A line is split into atoms (runs of letters and digits). A model-like
//! token is a letter prefix plus a digit run, written together (`CMS8000`)
//! or split by one space, dash, dot or slash (`CMS 8000`, `MN-120`), plus
//! whatever suffix follows (`X`, `Plus`, `VET`, `V3.0`). Each token is read
//! in every way the OCR confusions allow (O/0, I/l/1, S/5, B/8 inside the
//! digit run only) and the most cautious reading wins: a listed model beats
//! a possible variant, which beats "not on the list". Whole-token rules
//! keep near misses apart: `CMS800` is not `CMS8000`.
//!
//! A keyword gives its value a role: after "Model", "Type" … the token is
//! the label's model field; after "REF", "Cat.", "Art." … a catalogue code.
//! The value is the next token on the line, or on the next line when the
//! key stands alone; a key alone under a lone value takes that value when
//! the line below gives it none (the key was printed under its value).
//! Ratings, dates, addresses, phone numbers and standards are never read
//! as models (see `markings`), unless they read as a listed model.

use std::collections::{HashMap, HashSet};

use crate::catalog::{Catalog, model_key};

use super::decide;
use super::markings;
use super::normalize::{Atom, GS, atoms, normalize};
use super::udi::{self, Udi, UdiError};
use super::{
    InputError, MAX_READINGS, MAX_TEXT_CHARS, MAX_TOTAL_CHARS, MatchRule, Origin, Reading, Verdict,
    check_text,
};

/// What a piece of text was read as.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Class {
    /// A listed model (by name, alias, importer code, firmware or GTIN).
    Listed {
        /// Index into `catalog.models`.
        model: usize,
        /// How it was tied to the entry.
        rule: MatchRule,
    },
    /// A listed model with something extra: maybe an unlisted variant.
    Variant {
        /// The listed model it starts with.
        model: usize,
    },
    /// Close enough to a listed model that it may be one, read badly: only
    /// its digits (`Model: 8000`), or a letter/digit confusion outside the
    /// digit run (`CM58000`).
    Hesitant {
        /// The listed model it may be.
        model: usize,
    },
    /// A product the list names as not affected.
    LookAlike {
        /// Index into `catalog.not_affected`.
        idx: usize,
    },
    /// A model-like token that is not on the list.
    Unlisted {
        /// Its comparison key.
        key: String,
        /// A listed model it is one edit away from.
        near: Option<usize>,
    },
}

impl Class {
    /// How cautious an answer this reading calls for; higher wins when one
    /// token can be read several ways.
    fn rank(&self) -> u8 {
        match self {
            Class::Listed { .. } => 4,
            Class::Variant { .. } | Class::Hesitant { .. } => 3,
            // A near miss says more than a plain unlisted reading of the
            // same token (`CMS8OO` is `CMS800`, next to `CMS8000`).
            Class::Unlisted { near: Some(_), .. } => 2,
            Class::LookAlike { .. } | Class::Unlisted { near: None, .. } => 1,
        }
    }

    /// Whether this reading points at a listed model in any way.
    pub(crate) fn touches_listed(&self) -> bool {
        self.rank() >= 3
    }
}

/// One thing found in the readings.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Finding {
    /// What it was read as.
    pub class: Class,
    /// The token as read (confusions corrected), e.g. `CMS 5100`.
    pub read: String,
    /// The line it was found in, as given.
    pub text: String,
    /// Where the line came from.
    pub origin: Origin,
    /// The line's confidence (1 for typed text and barcodes).
    pub confidence: f32,
    /// Whether it names the monitor an accessory fits, not the device.
    pub accessory: bool,
    /// Whether it stands right after a model keyword ("Model:", "Mod.",
    /// "Modello", "Type"): the label's own model field, as opposed to a
    /// catalogue (REF) code or a bare token.
    pub model_field: bool,
    /// Whether it stands right after a catalogue keyword ("REF", "Cat.",
    /// "Art.", "Cod."): a catalogue code, which may extend the model name.
    pub catalogue: bool,
}

/// Everything read from a set of readings, before deciding.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub findings: Vec<Finding>,
    pub ids: super::Identifiers,
    /// Product codes (GTIN or HIBC) read that the list does not hold.
    pub unknown_products: Vec<String>,
    /// Why codes that looked like UDIs could not be used.
    pub bad_udis: Vec<String>,
}

/// The list's names, normalised once for fast matching.
#[derive(Debug)]
pub struct Matcher<'c> {
    catalog: &'c Catalog,
    /// Key of every model name and alias → (model, rule).
    listed: HashMap<String, (usize, MatchRule)>,
    /// Listed keys with every confusable letter turned into its digit.
    listed_canon: HashMap<String, usize>,
    /// Digit part of listed keys → model (`None` if two models share it).
    listed_digits: HashMap<String, Option<usize>>,
    look_alikes: HashMap<String, usize>,
    /// Importer code → (model, importer display name).
    codes: HashMap<String, (usize, String)>,
    /// Upper-case importer names (`GIMA`).
    importers: HashSet<String>,
    /// Firmware string without spaces, upper case → (model, as listed).
    firmware: Vec<(Vec<char>, usize, String)>,
    gtins: HashMap<String, usize>,
    /// Upper-case brand → brand as listed.
    brands: HashMap<String, String>,
    /// Letter prefixes of listed and look-alike names (`CMS`, `MN`, `PM` …).
    prefixes: HashSet<String>,
}

/// Letters an OCR engine confuses with digits, and the digit each stands for.
fn confusable_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        'O' => Some('0'),
        'I' | 'L' => Some('1'),
        'S' => Some('5'),
        'B' => Some('8'),
        _ => None,
    }
}

/// `key` with every confusable letter replaced by its digit.
fn canon(key: &str) -> String {
    key.chars()
        .map(|c| confusable_digit(c).unwrap_or(c))
        .collect()
}

/// The leading ASCII letters and the digits after them.
fn split_key(key: &str) -> (String, String) {
    let letters: String = key.chars().take_while(char::is_ascii_uppercase).collect();
    let digits: String = key
        .chars()
        .skip(letters.len())
        .take_while(char::is_ascii_digit)
        .collect();
    (letters, digits)
}

/// Levenshtein distance, stopping early above 1 (all we ask is "≤ 1").
fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    match long.len() - short.len() {
        0 => {
            short
                .iter()
                .zip(long.iter())
                .filter(|(x, y)| x != y)
                .count()
                <= 1
        }
        1 => {
            let prefix = short
                .iter()
                .zip(long.iter())
                .take_while(|(x, y)| x == y)
                .count();
            short.get(prefix..) == long.get(prefix + 1..)
        }
        _ => false,
    }
}

/// Words after which comes the model.
const MODEL_KEYWORDS: &[&[&str]] = &[
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
const REF_KEYWORDS: &[&[&str]] = &[
    &["CAT", "NO"],
    &["ART", "NO"],
    &["REF"],
    &["CAT"],
    &["COD"],
    &["CODE"],
    &["CODICE"],
    &["ART"],
    &["ARTICOLO"],
];

/// Words after which comes the serial number.
const SERIAL_KEYWORDS: &[&[&str]] = &[
    &["SERIAL", "NO"],
    &["SERIAL", "NR"],
    &["SERIAL", "NUMBER"],
    &["SER", "NO"],
    &["N", "DI", "SERIE"],
    &["NO", "DI", "SERIE"],
    &["NUMERO", "DI", "SERIE"],
    &["S", "N"],
    &["SERIAL"],
    &["SN"],
    &["MATRICOLA"],
];

/// Words after which comes the lot.
const LOT_KEYWORDS: &[&[&str]] = &[&["LOT"], &["LOTTO"], &["BATCH"]];

/// Words that, right before a model, say the label is an accessory's
/// naming the monitor it fits ("for use with", "compatibile con" …).
const CONNECTORS: &[&str] = &[
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
];

/// Accessories: a model after one of these on a line is the monitor the
/// accessory fits.
const ACCESSORY_NOUNS: &[&str] = &[
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
];

/// Variant words that, after a listed model, make it a possible variant.
const VARIANT_WORDS: &[&str] = &[
    "PLUS", "PRO", "VET", "MAX", "MINI", "LITE", "ELITE", "EXPERT", "PREMIUM", "ADVANCED", "II",
    "III", "IV", "NEW", "NEO",
];

/// Letter prefixes that are standards, units or markings, never models.
const STOP_PREFIXES: &[&str] = &[
    "SPO", "CO", "ETCO", "O", "IP", "IPX", "CE", "EN", "IEC", "ISO", "UNI", "DIN", "UL", "CSA",
    "DC", "AC", "USB", "RS", "V", "VER", "VERSION", "SW", "HW", "FW", "REV", "R", "P", "PAG",
    "PAGE", "N", "NO", "NR", "TEL", "FAX", "VIA", "CAP", "ZIP", "UDI", "GTIN", "LOT", "SN", "REF",
    "PN", "HTTP", "HTTPS", "WWW", "EU", "EC", "MD", "ART", "CAT", "COD", "HZ", "KHZ", "MHZ", "GHZ",
    "MAH", "VA", "MA", "W", "KG", "G", "MM", "CM", "M", "H", "MIN", "S", "T", "NIBP", "ECG",
    "RESP", "TEMP", "PR", "HR", "IBP", "BPM", "MMHG", "RR", "PI", "PVC", "X", "A", "B", "C", "D",
    "E", "F", "K", "L", "Q", "U", "Y", "Z", "J", "I",
];

/// A model-like token before it is interpreted.
#[derive(Debug)]
struct Token {
    /// Upper-case letters in front (empty for a digit-first token).
    letters: Vec<char>,
    /// The same, as printed.
    letters_shown: Vec<char>,
    /// What was printed between the letters and the digits.
    sep: String,
    /// The rest of the atom holding the digits, upper case and as printed.
    rest: Vec<char>,
    rest_shown: Vec<char>,
    /// Suffix words after the digits (`Plus`, `-X`, `.0`), squashed upper
    /// case and as printed.
    suffix: String,
    suffix_shown: String,
    /// Followed by `.` and digits: a version string unless the base is listed.
    dotted: bool,
    /// The letters and digits were separate atoms (no letter give-back).
    split: bool,
}

/// One way of reading a token.
struct Interpretation {
    class: Class,
    shown: String,
    substitutions: usize,
    /// Its letters are a marking or unit (`SpO2`, `IP22`, `CE0123`).
    stopword: bool,
}

/// Per-line facts about its place in a photo.
#[derive(Debug, Clone, Default)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent facts about one line, each set in one place"
)]
struct LineFlags {
    /// The line was only a model keyword ("Model:"), so the next line's
    /// first token is the model.
    ends_with_model_keyword: bool,
    /// That keyword names the model field itself, not a REF or code.
    keyword_is_model_field: bool,
    /// The line ended with "for use with" or similar.
    ends_with_connector: bool,
    /// The line held one model-like token and nothing but brands: the
    /// value of a key printed under it, if the next line is that key.
    lone_value: Option<Pending>,
    /// The line was a key alone, and the line above it a lone value: if
    /// the line below gives the key no value, that one is its value.
    value_above: Option<Pending>,
    /// The keyword of the line above was given its value on this line.
    took_value: bool,
}

/// A token read alone on a line, kept in case a key below claims it.
#[derive(Debug, Clone)]
struct Pending {
    /// The finding as it would be recorded under a key.
    finding: Finding,
    /// Where it was recorded already (it was credible without a key).
    recorded_at: Option<usize>,
}

/// What a line is read with.
struct LineCtx<'a> {
    origin: &'a Origin,
    confidence: f32,
    /// The line as given, for evidence.
    text: &'a str,
    /// An importer name appears somewhere in the same photo or input.
    importer_seen: bool,
    /// The whole typed input is this one line of one atom.
    sole_atom: bool,
    prev: &'a LineFlags,
}

impl<'c> Matcher<'c> {
    /// Normalises the list's names once.
    pub fn new(catalog: &'c Catalog) -> Self {
        let mut listed = HashMap::new();
        let mut listed_canon = HashMap::new();
        let mut listed_digits: HashMap<String, Option<usize>> = HashMap::new();
        let mut prefixes = HashSet::new();
        let mut codes = HashMap::new();
        let mut importers = HashSet::new();
        let mut firmware = Vec::new();
        let mut gtins = HashMap::new();
        let mut brands = HashMap::new();
        for (i, m) in catalog.models.iter().enumerate() {
            let own = model_key(&m.model);
            for name in std::iter::once(&m.model).chain(&m.aliases) {
                let key = model_key(name);
                if key.is_empty() {
                    continue;
                }
                let rule = if key == own {
                    MatchRule::Model
                } else {
                    MatchRule::Alias
                };
                listed.entry(key.clone()).or_insert((i, rule));
                listed_canon.entry(canon(&key)).or_insert(i);
                let (letters, digits) = split_key(&key);
                if !digits.is_empty() {
                    listed_digits
                        .entry(digits)
                        .and_modify(|e| {
                            if *e != Some(i) {
                                *e = None;
                            }
                        })
                        .or_insert(Some(i));
                }
                if !letters.is_empty() {
                    prefixes.insert(letters);
                }
            }
            for c in &m.importer_codes {
                codes.insert(model_key(&c.code), (i, c.importer.clone()));
                importers.insert(model_key(&c.importer));
                brands.insert(model_key(&c.importer), c.importer.clone());
            }
            for f in &m.firmware {
                let key: Vec<char> = f
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .map(|c| c.to_ascii_uppercase())
                    .collect();
                if !key.is_empty() {
                    firmware.push((key, i, f.clone()));
                }
            }
            for g in &m.gtins {
                gtins.insert(g.clone(), i);
            }
            brands.insert(model_key(&m.brand), m.brand.clone());
        }
        let mut look_alikes = HashMap::new();
        for (i, l) in catalog.not_affected.iter().enumerate() {
            let key = model_key(&l.model);
            let (letters, _) = split_key(&key);
            if !letters.is_empty() {
                prefixes.insert(letters);
            }
            look_alikes.insert(key, i);
            brands.insert(model_key(&l.brand), l.brand.clone());
        }
        brands.retain(|k, _| !k.is_empty());
        Self {
            catalog,
            listed,
            listed_canon,
            listed_digits,
            look_alikes,
            codes,
            importers,
            firmware,
            gtins,
            brands,
            prefixes,
        }
    }

    /// The list this matcher was built from.
    pub fn catalog(&self) -> &'c Catalog {
        self.catalog
    }

    /// Identifies typed text; see [`super::identify_text`].
    pub fn identify_text(&self, text: &str) -> Result<Verdict, InputError> {
        check_text(text)?;
        Ok(self.identify_readings(&[Reading::typed(text)]))
    }

    /// Identifies one device from several readings; see
    /// [`super::identify_readings`].
    pub fn identify_readings(&self, readings: &[Reading]) -> Verdict {
        let readings = readings.get(..MAX_READINGS).unwrap_or(readings);
        // Cut every reading, and all of them together, to the caps.
        let mut budget = MAX_TOTAL_CHARS;
        let mut texts: Vec<(String, &Reading)> = Vec::with_capacity(readings.len());
        for r in readings {
            if budget == 0 {
                break;
            }
            let text: String = r.text.chars().take(MAX_TEXT_CHARS.min(budget)).collect();
            budget = budget.saturating_sub(text.chars().count().max(1));
            texts.push((text, r));
        }
        let mut scan = Scan::default();
        // Which photos (or the typed input) mention an importer anywhere:
        // a bare code on one line of a Gima label is then Gima's code.
        let mut importer_in: HashSet<&str> = HashSet::new();
        for (text, r) in &texts {
            if self.mentions_importer(text) {
                importer_in.insert(group_of(&r.origin));
            }
        }
        let mut flags: HashMap<&str, LineFlags> = HashMap::new();
        for (text, r) in &texts {
            let group = group_of(&r.origin);
            let prev = flags.remove(group).unwrap_or_default();
            let last = self.scan_reading(
                text,
                &r.origin,
                importer_in.contains(group),
                prev,
                &mut scan,
            );
            flags.insert(group, last);
        }
        // A key on the last line of a photo with a lone value above it.
        for last in flags.into_values() {
            claim_value_above(&last, &mut scan);
        }
        decide::decide(self, scan)
    }

    fn mentions_importer(&self, text: &str) -> bool {
        atoms(&normalize(text))
            .iter()
            .any(|a| self.importers.contains(&a.text()))
    }

    /// Reads one reading; returns the flags of its last line.
    fn scan_reading(
        &self,
        capped: &str,
        origin: &Origin,
        importer_seen: bool,
        prev: LineFlags,
        scan: &mut Scan,
    ) -> LineFlags {
        let confidence = match origin {
            Origin::Photo { confidence, .. } if confidence.is_finite() => {
                confidence.clamp(0.0, 1.0)
            }
            Origin::Photo { .. } => 0.0,
            Origin::Typed | Origin::Barcode { .. } => 1.0,
        };
        if matches!(origin, Origin::Barcode { .. }) {
            self.scan_barcode(capped, origin, scan);
            claim_value_above(&prev, scan);
            return LineFlags::default();
        }
        // A raw GS1 string (prefix, GS separators) may be broken by CR/LF
        // noise; with no space anywhere, try it whole first.
        let joined: String = capped
            .chars()
            .filter(|c| *c != '\r' && *c != '\n')
            .collect();
        if !joined.trim().contains(' ')
            && let Some(result) = udi::parse(&normalize(&joined))
        {
            self.record_udi(result, origin, confidence, joined.trim(), scan);
            claim_value_above(&prev, scan);
            return LineFlags::default();
        }
        let sole_atom = matches!(origin, Origin::Typed) && atoms(&normalize(capped)).len() == 1;
        let mut prev = prev;
        for line in capped.split(['\n', '\r']) {
            if line.trim().is_empty() {
                continue;
            }
            let ctx = LineCtx {
                origin,
                confidence,
                text: line.trim(),
                importer_seen,
                sole_atom,
                prev: &prev,
            };
            let flags = self.scan_line(line, &ctx, scan);
            if !flags.took_value {
                claim_value_above(&prev, scan);
            }
            prev = flags;
        }
        prev
    }

    /// A barcode payload: a UDI, a bare GTIN (EAN/UPC), or else most likely
    /// the serial. Barcodes are never read for model names: serials such as
    /// `MN240708747` would look like one.
    fn scan_barcode(&self, payload: &str, origin: &Origin, scan: &mut Scan) {
        let text = normalize(payload);
        let trimmed = text.trim_matches(|c: char| c.is_whitespace());
        if trimmed.is_empty() {
            return;
        }
        // The decoder gives no confidence: a decoded barcode is exact.
        if let Some(result) = udi::parse(trimmed) {
            self.record_udi(result, origin, 1.0, trimmed, scan);
            return;
        }
        if let Some(gtin) = crate::catalog::gtin14(trimmed) {
            self.record_gtin(&gtin, (origin, 1.0, trimmed), scan);
            return;
        }
        let serial_like = trimmed.chars().count() <= 40
            && trimmed
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '/');
        if serial_like && scan.ids.serial.is_none() {
            scan.ids.serial = Some(trimmed.to_owned());
        }
    }

    /// Stores a parsed UDI's parts and its product code as a finding.
    fn record_udi(
        &self,
        result: Result<Udi, UdiError>,
        origin: &Origin,
        confidence: f32,
        raw: &str,
        scan: &mut Scan,
    ) {
        match result {
            Ok(u) => {
                let ids = &mut scan.ids;
                ids.udi_raw.get_or_insert_with(|| u.raw.clone());
                if let Some(s) = &u.serial {
                    ids.serial.get_or_insert_with(|| s.clone());
                }
                if let Some(l) = &u.lot {
                    ids.lot.get_or_insert_with(|| l.clone());
                }
                if let Some(d) = &u.manufactured {
                    ids.manufactured.get_or_insert_with(|| d.clone());
                }
                if let Some(d) = &u.expiry {
                    ids.expiry.get_or_insert_with(|| d.clone());
                }
                if let Some(p) = &u.product_code {
                    ids.product_code.get_or_insert_with(|| p.clone());
                    // The list holds no HIBC codes: a HIBC product is never
                    // on it.
                    scan.unknown_products.push(p.clone());
                }
                if let Some(g) = &u.gtin {
                    self.record_gtin(g, (origin, confidence, raw), scan);
                }
            }
            Err(e) => {
                scan.ids.udi_raw.get_or_insert_with(|| raw.to_owned());
                scan.bad_udis.push(e.to_string());
            }
        }
    }

    fn record_gtin(
        &self,
        gtin: &str,
        (origin, confidence, text): (&Origin, f32, &str),
        scan: &mut Scan,
    ) {
        scan.ids.gtin.get_or_insert_with(|| gtin.to_owned());
        let Some(&model) = self.gtins.get(gtin) else {
            scan.unknown_products.push(gtin.to_owned());
            return;
        };
        scan.findings.push(Finding {
            class: Class::Listed {
                model,
                rule: MatchRule::Gtin,
            },
            read: gtin.to_owned(),
            text: text.to_owned(),
            origin: origin.clone(),
            confidence,
            accessory: false,
            model_field: false,
            catalogue: false,
        });
    }

    /// Reads one line of text; returns its flags for the next line.
    #[expect(
        clippy::too_many_lines,
        reason = "one pass over the atoms of a line: its states read best together"
    )]
    fn scan_line(&self, raw_line: &str, ctx: &LineCtx<'_>, scan: &mut Scan) -> LineFlags {
        let mut chars: Vec<char> = normalize(raw_line).chars().collect();
        self.take_udis(&mut chars, ctx, scan);
        self.take_firmware(&mut chars, ctx, scan);
        let line: String = chars.iter().collect();
        let atoms = atoms(&line);
        let field_key: Vec<bool> = (0..atoms.len())
            .map(|k| {
                [MODEL_KEYWORDS, REF_KEYWORDS, SERIAL_KEYWORDS, LOT_KEYWORDS]
                    .iter()
                    .any(|table| match_keyword(&atoms, k, table).is_some())
            })
            .collect();
        let marks = markings::not_model(&atoms, &field_key);
        let mut flags = LineFlags::default();
        let mut i = 0;
        let mut model_context = ctx.prev.ends_with_model_keyword;
        let mut model_field = model_context && ctx.prev.keyword_is_model_field;
        let mut inherited = model_context;
        let mut first_token_seen = false;
        let mut keyword_seen = false;
        // Tokens read on this line, and the one kept for a key below.
        let mut token_count = 0;
        let mut atoms_in_tokens = 0;
        let mut alone: Option<Pending> = None;
        while let Some(atom) = atoms.get(i) {
            if let Some(n) = match_keyword(&atoms, i, SERIAL_KEYWORDS) {
                keyword_seen = true;
                i = take_value(&atoms, i + n, &mut scan.ids.serial);
                continue;
            }
            if let Some(n) = match_keyword(&atoms, i, LOT_KEYWORDS) {
                keyword_seen = true;
                i = take_value(&atoms, i + n, &mut scan.ids.lot);
                continue;
            }
            if let Some(value) = glued_value(atom, "SN") {
                keyword_seen = true;
                scan.ids.serial.get_or_insert(value);
                i += 1;
                continue;
            }
            if let Some(value) = glued_value(atom, "LOT") {
                keyword_seen = true;
                scan.ids.lot.get_or_insert(value);
                i += 1;
                continue;
            }
            let model_keyword = match_keyword(&atoms, i, MODEL_KEYWORDS);
            if let Some(n) = model_keyword.or_else(|| match_keyword(&atoms, i, REF_KEYWORDS)) {
                i += n;
                model_context = true;
                inherited = false;
                keyword_seen = true;
                model_field = model_keyword.is_some();
                if i >= atoms.len() {
                    flags.ends_with_model_keyword = true;
                    flags.keyword_is_model_field = model_field;
                }
                continue;
            }
            if let Some(brand) = self.brands.get(&atom.text()) {
                scan.ids.brand.get_or_insert_with(|| brand.clone());
            }
            if let Some(next) = self.importer_code_at(&atoms, i, ctx, scan) {
                flags.took_value |= inherited;
                keyword_seen = true;
                i = next;
                model_context = false;
                inherited = false;
                continue;
            }
            let keyword = model_context;
            let typed = matches!(ctx.origin, Origin::Typed);
            if let Some((token, next)) = self.token_at(&atoms, i, keyword, ctx.sole_atom, typed) {
                let accessory = is_accessory(&atoms, i, &self.brands)
                    || (!first_token_seen
                        && ctx.prev.ends_with_connector
                        && only_filler_before(&atoms, i, &self.brands));
                first_token_seen = true;
                token_count += 1;
                atoms_in_tokens += next - i;
                let marked = marks.get(i..next).is_some_and(|m| m.contains(&true));
                let reading = self
                    .interpret(&token)
                    .filter(|r| !(marked && is_marking(r, &token)));
                if let Some(reading) = reading {
                    // An unlisted model needs a reason to be believed: a
                    // keyword before it, a listed model one edit away, or a
                    // person who typed it (and not as a unit or marking).
                    // Photos are full of other codes.
                    let credible = match &reading.class {
                        Class::Unlisted { near, .. } => {
                            keyword || near.is_some() || (typed && !reading.stopword)
                        }
                        _ => true,
                    };
                    let finding = Finding {
                        class: reading.class,
                        read: reading.shown,
                        text: ctx.text.to_owned(),
                        origin: ctx.origin.clone(),
                        confidence: ctx.confidence,
                        accessory,
                        model_field: keyword && model_field,
                        catalogue: keyword && !model_field,
                    };
                    let recorded_at = credible.then(|| {
                        scan.findings.push(finding.clone());
                        scan.findings.len() - 1
                    });
                    flags.took_value |= inherited && credible;
                    if !keyword && !accessory {
                        alone = Some(Pending {
                            finding,
                            recorded_at,
                        });
                    }
                }
                i = next;
                model_context = false;
                inherited = false;
                model_field = false;
                continue;
            }
            // A keyword's value is the next token; only filler words and
            // brands may stand between.
            if !is_filler(atom) && !self.brands.contains_key(&atom.text()) {
                model_context = false;
                inherited = false;
            }
            i += 1;
        }
        flags.ends_with_connector = atoms
            .last()
            .is_some_and(|a| CONNECTORS.contains(&a.text().as_str()));
        // One token and brands only: a value whose key may be printed below.
        let brands_only = atoms
            .iter()
            .filter(|a| self.brands.contains_key(&a.text()))
            .count()
            + atoms_in_tokens
            == atoms.len();
        if token_count == 1 && !keyword_seen && brands_only {
            flags.lone_value = alone;
        }
        // A key alone on its line, under a lone value: if the next line
        // gives the key nothing, the value above is the key's.
        let key_alone = flags.ends_with_model_keyword
            && token_count == 0
            && atoms
                .iter()
                .enumerate()
                .all(|(k, a)| field_key.get(k) == Some(&true) || is_filler(a));
        if key_alone && ctx.prev.lone_value.is_some() {
            flags.value_above.clone_from(&ctx.prev.lone_value);
        }
        flags
    }

    /// Finds UDIs in a line (bracketed, Digital Link, raw, HIBC), records
    /// them and blanks them out so their digits are not read as models.
    fn take_udis(&self, chars: &mut [char], ctx: &LineCtx<'_>, scan: &mut Scan) {
        let mut i = 0;
        while i < chars.len() {
            if chars.get(i) == Some(&'(') {
                let rest: String = chars.iter().skip(i).collect();
                if let Some((used, result)) = udi::parse_bracketed(&rest, "") {
                    let raw: String = chars.iter().skip(i).take(used).collect();
                    self.record_udi(result, ctx.origin, ctx.confidence, raw.trim(), scan);
                    blank(chars, i, i + used);
                    i += used.max(1);
                    continue;
                }
            }
            i += 1;
        }
        // Space-separated chunks: URLs, HIBC, raw GS1.
        let mut start = 0;
        let mut previous_chunk = String::new();
        while start < chars.len() {
            let len = chars.iter().skip(start).take_while(|c| **c != ' ').count();
            if len == 0 {
                start += 1;
                continue;
            }
            let chunk: String = chars.iter().skip(start).take(len).collect();
            let after_keyword = matches!(
                previous_chunk
                    .trim_end_matches([':', '.'])
                    .to_ascii_uppercase()
                    .as_str(),
                "SN" | "S/N" | "LOT" | "SERIAL" | "MATRICOLA" | "REF"
            );
            let candidate = chunk.starts_with(['+', '*', ']', GS])
                || chunk.to_ascii_lowercase().starts_with("http")
                || (!after_keyword && chunk.starts_with("01") && chunk.len() >= 16);
            if candidate && let Some(result) = udi::parse(&chunk) {
                self.record_udi(result, ctx.origin, ctx.confidence, &chunk, scan);
                blank(chars, start, start + len);
            }
            previous_chunk = chunk;
            start += len;
        }
    }

    /// Finds listed firmware strings (ignoring spaces and case), records
    /// them and blanks them out (`CMS7.820…` must not read as a model).
    fn take_firmware(&self, chars: &mut [char], ctx: &LineCtx<'_>, scan: &mut Scan) {
        let (compact, map): (Vec<char>, Vec<usize>) = chars
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_whitespace())
            .map(|(i, c)| (c.to_ascii_uppercase(), i))
            .unzip();
        for (key, model, shown) in &self.firmware {
            let Some(at) = compact.windows(key.len()).position(|w| w == key.as_slice()) else {
                continue;
            };
            let (Some(&from), Some(&to)) = (map.get(at), map.get(at + key.len() - 1)) else {
                continue;
            };
            scan.ids.firmware.get_or_insert_with(|| shown.clone());
            scan.findings.push(Finding {
                class: Class::Listed {
                    model: *model,
                    rule: MatchRule::Firmware,
                },
                read: shown.clone(),
                text: ctx.text.to_owned(),
                origin: ctx.origin.clone(),
                confidence: ctx.confidence,
                accessory: false,
                model_field: false,
                catalogue: false,
            });
            blank(chars, from, to + 1);
        }
    }

    /// An importer code at atom `i` in a context that makes it one: after
    /// the importer's name or a REF/code keyword (up to three atoms
    /// before), glued to them (`REF35152`), or alone on a line of an input
    /// that names the importer, or as the whole typed input. A bare number
    /// elsewhere is more likely a serial or a price. Returns the next index.
    fn importer_code_at(
        &self,
        atoms: &[Atom],
        i: usize,
        ctx: &LineCtx<'_>,
        scan: &mut Scan,
    ) -> Option<usize> {
        let atom = atoms.get(i)?;
        let (code, glued) = if atom.is_digits() {
            (atom.text(), false)
        } else {
            let letters: String = atom
                .upper
                .iter()
                .take_while(|c| c.is_ascii_uppercase())
                .collect();
            let digits: String = atom.upper.iter().skip(letters.len()).collect();
            let context = self.importers.contains(&letters)
                || REF_KEYWORDS
                    .iter()
                    .any(|k| k.len() == 1 && k.first() == Some(&letters.as_str()));
            if !context || digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            (digits, true)
        };
        let (model, importer) = self.codes.get(&code)?;
        let before = atoms.get(i.saturating_sub(3)..i).unwrap_or_default();
        let in_context = glued
            || before.iter().any(|a| {
                let t = a.text();
                self.importers.contains(&t)
                    || REF_KEYWORDS.iter().any(|k| k.first() == Some(&t.as_str()))
            })
            || ctx.sole_atom
            || (atoms.len() == 1 && ctx.importer_seen);
        if !in_context {
            return None;
        }
        scan.ids
            .importer_code
            .get_or_insert_with(|| format!("{importer} {code}"));
        scan.findings.push(Finding {
            class: Class::Listed {
                model: *model,
                rule: MatchRule::ImporterCode,
            },
            read: format!("{importer} {code}"),
            text: ctx.text.to_owned(),
            origin: ctx.origin.clone(),
            confidence: ctx.confidence,
            accessory: is_accessory(atoms, i, &self.brands),
            model_field: false,
            catalogue: false,
        });
        Some(i + 1)
    }

    /// A model-like token starting at atom `i`, and the index after it.
    fn token_at(
        &self,
        atoms: &[Atom],
        i: usize,
        keyword: bool,
        sole_atom: bool,
        typed: bool,
    ) -> Option<(Token, usize)> {
        let atom = atoms.get(i)?;
        let (letters, letters_shown, sep, number, next, split): (
            Vec<char>,
            Vec<char>,
            String,
            &Atom,
            usize,
            bool,
        ) = if atom.is_letters() {
            // `CMS 8000`, `MN-l20`, `VM-8`: letters, one separator, digits.
            let number = atoms.get(i + 1)?;
            let sep = number.sep_before.clone();
            let text = atom.text();
            let joinable = sep.chars().count() <= 3
                && matches!(sep.trim(), "" | "-" | "." | "/" | "_")
                && starts_numeric(number)
                && !self.brands.contains_key(&text)
                && !is_keyword_word(&text);
            // Letters and digits apart need a reason to be one name: a
            // separator, a prefix the list knows, a keyword, or letters a
            // person typed as a code (`ePM 10`, `MX 450`), not as a word.
            let spaced_ok = !sep.trim().is_empty()
                || (text.len() >= 2 && (self.prefixes.contains(&text) || keyword))
                || (typed && printed_as_code(&atom.shown));
            if !joinable || !spaced_ok || text.len() > 8 {
                return None;
            }
            (
                atom.upper.clone(),
                atom.shown.chars().collect(),
                sep,
                number,
                i + 2,
                true,
            )
        } else if atom.upper.first().is_some_and(char::is_ascii_uppercase) {
            // `CMS8000`, `MN120`, `CMS8OOO`: letters and digits in one atom.
            if !atom.upper.iter().any(char::is_ascii_digit) {
                return None;
            }
            (Vec::new(), Vec::new(), String::new(), atom, i + 1, false)
        } else if atom.starts_with_digit() && (keyword || sole_atom) {
            // `Model: 8000`, or only `8000` typed.
            (Vec::new(), Vec::new(), String::new(), atom, i + 1, true)
        } else {
            return None;
        };
        let mut token = Token {
            letters,
            letters_shown,
            sep,
            rest: number.upper.clone(),
            rest_shown: number.shown.chars().collect(),
            suffix: String::new(),
            suffix_shown: String::new(),
            dotted: false,
            split,
        };
        let mut k = next;
        for _ in 0..3 {
            let Some(a) = atoms.get(k) else { break };
            let sep = a.sep_before.as_str();
            let text = a.text();
            let dotted = sep == "." && a.starts_with_digit();
            let word = sep.chars().all(|c| c == ' ')
                && sep.len() <= 2
                && VARIANT_WORDS.contains(&text.as_str());
            let dashed = (sep == "-" || sep == "_")
                && a.upper.len() <= 5
                && !is_keyword_word(&text)
                && !self.brands.contains_key(&text);
            if !(dotted || word || dashed) {
                break;
            }
            token.dotted |= dotted;
            token
                .suffix
                .extend(a.upper.iter().filter(|c| c.is_alphanumeric() || **c == '+'));
            token.suffix_shown.push_str(sep);
            token.suffix_shown.push_str(&a.shown);
            k += 1;
        }
        Some((token, k))
    }

    /// Every way of reading `token`; the most cautious wins, then the one
    /// with the fewest confusions assumed.
    fn interpret(&self, token: &Token) -> Option<Interpretation> {
        let mut best: Option<Interpretation> = None;
        let mut consider = |r: Interpretation| {
            let better = best.as_ref().is_none_or(|b| {
                (r.class.rank(), std::cmp::Reverse(r.substitutions))
                    > (b.class.rank(), std::cmp::Reverse(b.substitutions))
            });
            if better {
                best = Some(r);
            }
        };
        // For a mixed atom, its letters are the leading letters of `rest`.
        let (letters, letters_shown, rest, rest_shown): (
            Vec<char>,
            Vec<char>,
            Vec<char>,
            Vec<char>,
        ) = if token.split {
            (
                token.letters.clone(),
                token.letters_shown.clone(),
                token.rest.clone(),
                token.rest_shown.clone(),
            )
        } else {
            let n = token
                .rest
                .iter()
                .take_while(|c| c.is_ascii_uppercase())
                .count();
            (
                token.rest.get(..n).unwrap_or_default().to_vec(),
                token.rest_shown.get(..n).unwrap_or_default().to_vec(),
                token.rest.get(n..).unwrap_or_default().to_vec(),
                token.rest_shown.get(n..).unwrap_or_default().to_vec(),
            )
        };
        // Letters given back to the digit run: `MNl20` is `MN` + `120`.
        let max_give_back = if token.split {
            0
        } else {
            letters.len().saturating_sub(1).min(2)
        };
        for give_back in 0..=max_give_back {
            let keep = letters.len() - give_back;
            let given = letters.get(keep..).unwrap_or_default();
            if !given.iter().all(|c| confusable_digit(*c).is_some()) {
                continue;
            }
            let run_src: Vec<char> = given.iter().chain(&rest).copied().collect();
            let run_shown: Vec<char> = letters_shown
                .get(keep..)
                .unwrap_or_default()
                .iter()
                .chain(&rest_shown)
                .copied()
                .collect();
            let base_letters = letters.get(..keep).unwrap_or_default();
            let base_shown = letters_shown.get(..keep).unwrap_or_default();
            // A keyword or brand glued in front (`MODELCMS8000`) is another reading.
            for strip in self.glued_prefixes(base_letters) {
                let l: String = base_letters
                    .get(strip..)
                    .unwrap_or_default()
                    .iter()
                    .collect();
                let l_shown: String = base_shown.get(strip..).unwrap_or_default().iter().collect();
                let extra = give_back + usize::from(strip > 0);
                for r in self.read_run(token, &l, &l_shown, &run_src, &run_shown, extra) {
                    consider(r);
                }
            }
        }
        best
    }

    /// Where the real letters may start: 0, and after a keyword or brand
    /// glued in front of them.
    fn glued_prefixes(&self, letters: &[char]) -> Vec<usize> {
        let text: String = letters.iter().collect();
        let mut out = vec![0];
        let words = MODEL_KEYWORDS
            .iter()
            .chain(REF_KEYWORDS)
            .filter_map(|k| k.first().copied())
            .chain(self.brands.keys().map(String::as_str));
        for w in words {
            if text.len() > w.len() && text.starts_with(w) && !out.contains(&w.len()) {
                out.push(w.len());
            }
        }
        out
    }

    /// The readings of letters `l` + the digit run in `run` (+ suffix).
    fn read_run(
        &self,
        token: &Token,
        l: &str,
        l_shown: &str,
        run: &[char],
        run_shown: &[char],
        extra: usize,
    ) -> Vec<Interpretation> {
        let m = run
            .iter()
            .take_while(|c| confusable_digit(**c).is_some())
            .count();
        let Some(last_digit) = run
            .get(..m)
            .and_then(|r| r.iter().rposition(char::is_ascii_digit))
        else {
            return Vec::new();
        };
        let mut ends = vec![last_digit + 1];
        if m != last_digit + 1 {
            ends.push(m);
        }
        let mut out = Vec::new();
        for e in ends {
            let Some(head) = run.get(..e) else { continue };
            let digits: String = head.iter().filter_map(|c| confusable_digit(*c)).collect();
            let substitutions = extra + head.iter().filter(|c| !c.is_ascii_digit()).count();
            let mut tail: String = run
                .get(e..)
                .unwrap_or_default()
                .iter()
                .filter(|c| c.is_alphanumeric() || **c == '+')
                .collect();
            tail.push_str(&token.suffix);
            let tail_shown: String = run_shown
                .get(e..)
                .unwrap_or_default()
                .iter()
                .collect::<String>()
                + &token.suffix_shown;
            let Some(class) = self.classify(l, &digits, &tail, token.dotted) else {
                continue;
            };
            let shown = format!("{l_shown}{}{digits}{tail_shown}", token.sep);
            out.push(Interpretation {
                class,
                shown,
                substitutions,
                stopword: STOP_PREFIXES.contains(&l),
            });
        }
        out
    }

    /// What letters + digits + suffix name, if anything.
    fn classify(&self, letters: &str, digits: &str, suffix: &str, dotted: bool) -> Option<Class> {
        let base = format!("{letters}{digits}");
        let full = format!("{base}{suffix}");
        if letters.is_empty() {
            // Digits alone: only worth anything if they are a listed model's.
            return self
                .listed_digits
                .get(digits)
                .copied()
                .flatten()
                .map(|model| Class::Hesitant { model });
        }
        if let Some(&(model, rule)) = self.listed.get(&full) {
            return Some(Class::Listed { model, rule });
        }
        if let Some(&idx) = self.look_alikes.get(&full) {
            return Some(Class::LookAlike { idx });
        }
        if !suffix.is_empty()
            && let Some(&(model, _)) = self.listed.get(&base)
        {
            return Some(Class::Variant { model });
        }
        if dotted {
            // `CMS7.820.075…`: a version string, not a model.
            return None;
        }
        if let Some(&model) = self.listed_canon.get(&canon(&full)) {
            return Some(Class::Hesitant { model });
        }
        // Models carry short numbers; seven digits or more is a serial or a
        // date that lost its keyword (`C520E472537`, `MN240708747`).
        if is_keyword_word(letters) || full.chars().filter(char::is_ascii_digit).count() >= 7 {
            return None;
        }
        let near = self
            .listed
            .iter()
            .filter(|(key, _)| within_one_edit(key, &full))
            .map(|(_, (model, _))| *model)
            .min();
        Some(Class::Unlisted { key: full, near })
    }
}

/// Whether letters were written as a code rather than a word: two to five
/// letters with a capital after the first (`ePM`, `MX`, `iMEC`), unlike
/// `nel` or `Mindray`.
fn printed_as_code(shown: &str) -> bool {
    let n = shown.chars().count();
    (2..=5).contains(&n)
        && shown.chars().all(|c| c.is_ascii_alphabetic())
        && shown.chars().skip(1).any(|c| c.is_ascii_uppercase())
}

/// Whether a reading of marked atoms (a rating, date, address, phone
/// number or standard) is that marking rather than a model: anything not on
/// the list and not one edit from it, and a bare number that only shares
/// the digits of a listed model (`120V` is not the MN-120). A listed model
/// or a variant of one is never dropped.
fn is_marking(reading: &Interpretation, token: &Token) -> bool {
    match &reading.class {
        Class::LookAlike { .. } | Class::Unlisted { near: None, .. } => true,
        Class::Hesitant { .. } => {
            token.letters.is_empty() && token.rest.first().is_some_and(char::is_ascii_digit)
        }
        Class::Listed { .. } | Class::Variant { .. } | Class::Unlisted { near: Some(_), .. } => {
            false
        }
    }
}

/// Gives the key of `key_line` the value read alone on the line above it,
/// as its model field or catalogue code (the key was printed under it).
fn claim_value_above(key_line: &LineFlags, scan: &mut Scan) {
    let Some(pending) = &key_line.value_above else {
        return;
    };
    let field = key_line.keyword_is_model_field;
    let slot = pending.recorded_at.and_then(|at| scan.findings.get_mut(at));
    if let Some(found) = slot {
        found.model_field = field;
        found.catalogue = !field;
    } else {
        let mut found = pending.finding.clone();
        found.model_field = field;
        found.catalogue = !field;
        scan.findings.push(found);
    }
}

/// Which photo (or the typed input) a reading belongs to.
fn group_of(origin: &Origin) -> &str {
    match origin {
        Origin::Typed => "",
        Origin::Photo { file, .. } | Origin::Barcode { file, .. } => file,
    }
}

/// Overwrites `chars[from..to]` with spaces.
fn blank(chars: &mut [char], from: usize, to: usize) {
    for c in chars.iter_mut().take(to).skip(from) {
        *c = ' ';
    }
}

/// Whether `a` starts a digit run: a digit, or confusable letters then a digit.
fn starts_numeric(a: &Atom) -> bool {
    let run = a
        .upper
        .iter()
        .take_while(|c| confusable_digit(**c).is_some());
    a.upper
        .first()
        .is_some_and(|c| confusable_digit(*c).is_some())
        && run.clone().any(char::is_ascii_digit)
}

/// The number of atoms of the keyword at `i`, if one of `table` is there.
/// Parts of a keyword must be close (`S/N`, `Model No.`), not words apart.
fn match_keyword(atoms: &[Atom], i: usize, table: &[&[&str]]) -> Option<usize> {
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
fn is_keyword_word(word: &str) -> bool {
    [MODEL_KEYWORDS, REF_KEYWORDS, SERIAL_KEYWORDS, LOT_KEYWORDS]
        .iter()
        .flat_map(|t| t.iter())
        .any(|k| k.first() == Some(&word) && (k.len() == 1 || word.len() > 1))
}

/// Words that may sit between a keyword and its value (`Model No.:`).
fn is_filler(a: &Atom) -> bool {
    matches!(a.text().as_str(), "NO" | "NR" | "N" | "NUMBER" | "NUMERO")
}

/// Stores the value after a serial or lot keyword: the next atom and any
/// atoms joined to it by `-`, `/` or `.` (`8251-2102-8542`). Returns the
/// index after it.
fn take_value(atoms: &[Atom], start: usize, slot: &mut Option<String>) -> usize {
    let Some(first) = atoms.get(start) else {
        return start;
    };
    let mut value = first.shown.clone();
    let mut k = start + 1;
    while let Some(a) = atoms.get(k) {
        if a.sep_before.is_empty()
            || !a.sep_before.chars().all(|c| matches!(c, '-' | '/' | '.'))
            || a.sep_before.len() > 1
        {
            break;
        }
        value.push_str(&a.sep_before);
        value.push_str(&a.shown);
        k += 1;
    }
    slot.get_or_insert(value);
    k
}

/// `SN12345` → `12345`: a keyword glued to its value (a digit first).
fn glued_value(atom: &Atom, keyword: &str) -> Option<String> {
    let rest = atom.text().strip_prefix(keyword)?.to_owned();
    rest.starts_with(|c: char| c.is_ascii_digit())
        .then(|| atom.shown.chars().skip(keyword.len()).collect())
}

/// Whether the token at `i` names the monitor an accessory fits: a
/// connector right before it (a brand may sit between: "for use with
/// Contec CMS8000"), or an accessory noun anywhere before it on the line.
fn is_accessory(atoms: &[Atom], i: usize, brands: &HashMap<String, String>) -> bool {
    let before = atoms.get(..i).unwrap_or_default();
    if before
        .iter()
        .any(|a| ACCESSORY_NOUNS.contains(&a.text().as_str()))
    {
        return true;
    }
    let mut back = before.iter().rev();
    let Some(last) = back.next() else {
        return false;
    };
    let last = last.text();
    if CONNECTORS.contains(&last.as_str()) {
        return true;
    }
    brands.contains_key(&last)
        && back
            .next()
            .is_some_and(|a| CONNECTORS.contains(&a.text().as_str()))
}

/// Whether only brands and keywords stand before atom `i`.
fn only_filler_before(atoms: &[Atom], i: usize, brands: &HashMap<String, String>) -> bool {
    atoms
        .get(..i)
        .unwrap_or_default()
        .iter()
        .all(|a| brands.contains_key(&a.text()) || is_keyword_word(&a.text()) || is_filler(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit() {
        assert!(within_one_edit("CMS800", "CMS8000"));
        assert!(within_one_edit("CMS80000", "CMS8000"));
        assert!(within_one_edit("KMS8000", "CMS8000"));
        assert!(within_one_edit("CMS8800", "CMS8000"));
        assert!(!within_one_edit("CMS5100", "CMS6000"));
        assert!(!within_one_edit("VM8", "CMS8000"));
    }

    #[test]
    fn confusables() {
        assert_eq!(canon("CMS8OOO"), "CM58000");
        assert_eq!(canon("MNL20"), "MN120");
    }
}
