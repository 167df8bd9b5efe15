//! The list's names, normalised once for fast matching ([`Names`]), and the
//! key helpers that build them: the OCR confusions (`canon`) and a key's
//! letters and digits (`KeyParts`). `tokens` and `scan` read lines against
//! these tables; `matcher` holds one.

use std::collections::{HashMap, HashSet};

use crate::catalog::{Catalog, model_key};

use super::MatchRule;

/// How a listed name (model or alias key) ties to its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ListedName {
    /// Index into `catalog.models`.
    pub model: usize,
    /// The model's own name, or an alias of it.
    pub rule: MatchRule,
}

/// An importer's code for a listed model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ImporterCode {
    /// Index into `catalog.models`.
    pub model: usize,
    /// The importer's name as listed (`Gima`).
    pub importer: String,
}

/// A listed firmware string, ready to be found in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FirmwareString {
    /// The string without spaces, upper case.
    pub key: Vec<char>,
    /// Index into `catalog.models`.
    pub model: usize,
    /// The string as listed.
    pub shown: String,
}

/// The list's names, normalised once for fast matching.
#[derive(Debug)]
pub(super) struct Names {
    /// Key of every model name and alias → the entry it names.
    pub(super) listed: HashMap<String, ListedName>,
    /// Listed keys with every confusable letter turned into its digit.
    pub(super) listed_canon: HashMap<String, usize>,
    /// Digit part of listed keys → model (`None` if two models share it).
    pub(super) listed_digits: HashMap<String, Option<usize>>,
    /// Key of every product listed as not affected → its index.
    pub(super) look_alikes: HashMap<String, usize>,
    /// Importer code key → the model it stands for and its importer.
    pub(super) codes: HashMap<String, ImporterCode>,
    /// Upper-case importer names (`GIMA`).
    pub(super) importers: HashSet<String>,
    /// Listed firmware strings.
    pub(super) firmware: Vec<FirmwareString>,
    /// GTIN → model.
    pub(super) gtins: HashMap<String, usize>,
    /// Upper-case brand → brand as listed.
    pub(super) brands: HashMap<String, String>,
    /// Letter prefixes of listed and look-alike names (`CMS`, `MN`, `PM` …).
    pub(super) prefixes: HashSet<String>,
}

impl Names {
    /// Normalises the list's names once.
    pub(super) fn new(catalog: &Catalog) -> Self {
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
                listed
                    .entry(key.clone())
                    .or_insert(ListedName { model: i, rule });
                listed_canon.entry(canon(&key)).or_insert(i);
                let KeyParts { letters, digits } = KeyParts::of(&key);
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
                codes.insert(
                    model_key(&c.code),
                    ImporterCode {
                        model: i,
                        importer: c.importer.clone(),
                    },
                );
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
                    firmware.push(FirmwareString {
                        key,
                        model: i,
                        shown: f.clone(),
                    });
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
            let letters = KeyParts::of(&key).letters;
            if !letters.is_empty() {
                prefixes.insert(letters);
            }
            look_alikes.insert(key, i);
            brands.insert(model_key(&l.brand), l.brand.clone());
        }
        brands.retain(|k, _| !k.is_empty());
        Self {
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
}

/// Letters an OCR engine confuses with digits, and the digit each stands for.
pub(super) fn confusable_digit(c: char) -> Option<char> {
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
pub(super) fn canon(key: &str) -> String {
    key.chars()
        .map(|c| confusable_digit(c).unwrap_or(c))
        .collect()
}

/// The letter prefix of a comparison key and the digit run after it
/// (`CMS8000X` → `CMS`, `8000`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct KeyParts {
    /// The leading ASCII letters.
    pub letters: String,
    /// The digits right after them.
    pub digits: String,
}

impl KeyParts {
    /// Splits a comparison key (see [`crate::catalog::model_key`]).
    fn of(key: &str) -> Self {
        let letters: String = key.chars().take_while(char::is_ascii_uppercase).collect();
        let digits: String = key
            .chars()
            .skip(letters.len())
            .take_while(char::is_ascii_digit)
            .collect();
        Self { letters, digits }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confusables() {
        assert_eq!(canon("CMS8OOO"), "CM58000");
        assert_eq!(canon("MNL20"), "MN120");
    }
}
