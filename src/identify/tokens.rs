//! The tokeniser: model-like tokens in a line's atoms, and what each reads
//! as against the list.
//!
//! A model-like token is a letter prefix plus a digit run, written together
//! (`CMS8000`) or split by one space, dash, dot or slash (`CMS 8000`,
//! `MN-120`), plus whatever suffix follows (`X`, `Plus`, `VET`, `V3.0`).
//! Each token is read in every way the OCR confusions allow (O/0, I/l/1,
//! S/5, B/8 inside the digit run only) and the most cautious reading wins:
//! a listed model beats a possible variant, which beats "not on the list".
//! Whole-token rules keep near misses apart: `CMS800` is not `CMS8000`.
//!
//! `crate::model_line` holds the list-free version of the same idea, for
//! callers that only need to know whether a line is worth reading (OCR).

use super::MatchRule;
use super::names::{ListedName, Names, canon, confusable_digit};
use super::normalize::Atom;
use super::words::{MODEL_KEYWORDS, REF_KEYWORDS, STOP_PREFIXES, VARIANT_WORDS, is_keyword_word};

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

/// A model-like token before it is interpreted.
#[derive(Debug)]
pub(super) struct Token {
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
pub(super) struct Interpretation {
    /// What it reads as.
    pub class: Class,
    /// The token as read, confusions corrected (`CMS 8000`).
    pub shown: String,
    /// How many OCR confusions this reading assumes; fewer wins a tie.
    substitutions: usize,
    /// Its letters are a marking or unit (`SpO2`, `IP22`, `CE0123`).
    pub stopword: bool,
}

/// A token's letters and the rest of it, upper case and as printed, once a
/// mixed atom (`CMS8000`) has been cut where its letters end.
struct LettersAndRun {
    letters: Vec<char>,
    letters_shown: Vec<char>,
    rest: Vec<char>,
    rest_shown: Vec<char>,
}

/// The letters that stand apart in front of a token's digits (`CMS` in
/// `CMS 8000`), and what separates them from the digits.
#[derive(Debug, Default)]
struct Letters {
    upper: Vec<char>,
    shown: Vec<char>,
    sep: String,
}

impl Token {
    /// A token of `letters` (empty when they are part of `number`) and the
    /// atom holding the digits, with no suffix yet.
    fn new(letters: Letters, number: &Atom, split: bool) -> Self {
        Self {
            letters: letters.upper,
            letters_shown: letters.shown,
            sep: letters.sep,
            rest: number.upper.clone(),
            rest_shown: number.shown.chars().collect(),
            suffix: String::new(),
            suffix_shown: String::new(),
            dotted: false,
            split,
        }
    }

    /// The letters and what follows them. Split tokens keep their parts;
    /// for a mixed atom the letters are the leading letters of `rest`.
    fn letters_and_run(&self) -> LettersAndRun {
        if self.split {
            return LettersAndRun {
                letters: self.letters.clone(),
                letters_shown: self.letters_shown.clone(),
                rest: self.rest.clone(),
                rest_shown: self.rest_shown.clone(),
            };
        }
        let n = self
            .rest
            .iter()
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        LettersAndRun {
            letters: self.rest.get(..n).unwrap_or_default().to_vec(),
            letters_shown: self.rest_shown.get(..n).unwrap_or_default().to_vec(),
            rest: self.rest.get(n..).unwrap_or_default().to_vec(),
            rest_shown: self.rest_shown.get(n..).unwrap_or_default().to_vec(),
        }
    }
}

impl Names {
    /// A model-like token starting at atom `i`, and the index after it.
    pub(super) fn token_at(
        &self,
        atoms: &[Atom],
        i: usize,
        keyword: bool,
        sole_atom: bool,
        typed: bool,
    ) -> Option<(Token, usize)> {
        let atom = atoms.get(i)?;
        let (mut token, next) = if atom.is_letters() {
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
            let letters = Letters {
                upper: atom.upper.clone(),
                shown: atom.shown.chars().collect(),
                sep,
            };
            (Token::new(letters, number, true), i + 2)
        } else if atom.upper.first().is_some_and(char::is_ascii_uppercase) {
            // `CMS8000`, `MN120`, `CMS8OOO`: letters and digits in one atom.
            if !atom.upper.iter().any(char::is_ascii_digit) {
                return None;
            }
            (Token::new(Letters::default(), atom, false), i + 1)
        } else if atom.starts_with_digit() && (keyword || sole_atom) {
            // `Model: 8000`, or only `8000` typed.
            (Token::new(Letters::default(), atom, true), i + 1)
        } else {
            return None;
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
    pub(super) fn interpret(&self, token: &Token) -> Option<Interpretation> {
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
        let LettersAndRun {
            letters,
            letters_shown,
            rest,
            rest_shown,
        } = token.letters_and_run();
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
        if let Some(&ListedName { model, rule }) = self.listed.get(&full) {
            return Some(Class::Listed { model, rule });
        }
        if let Some(&idx) = self.look_alikes.get(&full) {
            return Some(Class::LookAlike { idx });
        }
        if !suffix.is_empty()
            && let Some(&ListedName { model, .. }) = self.listed.get(&base)
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
            .map(|(_, name)| name.model)
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
pub(super) fn is_marking(reading: &Interpretation, token: &Token) -> bool {
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
}
