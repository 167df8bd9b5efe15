//! Parsing a list and checking its rules before anything trusts it.
//!
//! Every rule error names the line of the offending value, so whoever edits
//! the list can find it. Lines are found by searching the text for the value
//! (serde keeps no positions once parsing succeeded); for a value listed
//! twice, the later occurrence is reported.

use std::collections::{HashMap, HashSet};

use super::keys::{is_valid_gtin14, model_key};
use super::schema::{Catalog, CatalogError};

/// The only schema revision this build understands.
pub const SCHEMA: u32 = 1;

impl Catalog {
    /// Parses a list and checks every rule; errors carry line numbers.
    pub fn from_json(text: &str) -> Result<Catalog, CatalogError> {
        let catalog: Catalog = serde_json::from_str(text).map_err(|e| CatalogError::Parse {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        Checker::new(text).check(&catalog)?;
        Ok(catalog)
    }

    /// Checks the rules of an already parsed list. Line numbers then refer
    /// to the list as pretty-printed JSON.
    pub fn validate(&self) -> Result<(), CatalogError> {
        let text = serde_json::to_string_pretty(self)
            .map_err(|e| CatalogError::Invalid(format!("the list cannot be written out: {e}")))?;
        Checker::new(&text).check(self)
    }
}

/// Which occurrence of a value to point at.
#[derive(Clone, Copy)]
enum Nth {
    First,
    Last,
}

struct Checker<'t> {
    text: &'t str,
}

impl<'t> Checker<'t> {
    fn new(text: &'t str) -> Self {
        Self { text }
    }

    /// The 1-based line where the JSON string `value` occurs.
    fn line_of(&self, value: &str, nth: Nth) -> usize {
        let needle = serde_json::to_string(value).unwrap_or_else(|_| format!("\"{value}\""));
        let found = match nth {
            Nth::First => self.text.find(&needle),
            Nth::Last => self.text.rfind(&needle),
        };
        found.map_or(1, |at| line_at(self.text, at))
    }

    /// The 1-based line where `"field": value` occurs (first or last time).
    fn line_of_field(&self, field: &str, value: &str, nth: Nth) -> usize {
        let needle = serde_json::to_string(value).unwrap_or_else(|_| format!("\"{value}\""));
        let key = format!("\"{field}\"");
        let hits = self.text.match_indices(&needle).filter(|(at, _)| {
            let before = self.text.get(..*at).unwrap_or_default().trim_end();
            before
                .strip_suffix(':')
                .is_some_and(|b| b.trim_end().ends_with(&key))
        });
        let found = match nth {
            Nth::First => hits.map(|(at, _)| at).next(),
            Nth::Last => hits.map(|(at, _)| at).last(),
        };
        found.map_or_else(|| self.line_of(value, nth), |at| line_at(self.text, at))
    }

    /// The 1-based line where the key `"key"` occurs first.
    fn line_of_key(&self, key: &str) -> usize {
        self.text
            .find(&format!("\"{key}\""))
            .map_or(1, |at| line_at(self.text, at))
    }

    fn at(&self, value: &str, nth: Nth, message: String) -> CatalogError {
        CatalogError::Rule {
            line: self.line_of(value, nth),
            message,
        }
    }

    fn check(&self, c: &Catalog) -> Result<(), CatalogError> {
        self.check_header(c)?;
        let source_ids = self.check_sources(c)?;
        let cves = self.check_advisories(c, &source_ids)?;
        self.check_models(c, &source_ids, &cves)?;
        self.check_names(c)?;
        Ok(())
    }

    fn check_header(&self, c: &Catalog) -> Result<(), CatalogError> {
        if c.schema != SCHEMA {
            return Err(CatalogError::Rule {
                line: self.line_of_key("schema"),
                message: format!("schema is {}, this app reads schema {SCHEMA}", c.schema),
            });
        }
        if c.version == 0 {
            return Err(CatalogError::Rule {
                line: self.line_of_key("version"),
                message: "version must be greater than 0".into(),
            });
        }
        if !is_date(&c.issued) {
            return Err(self.at(&c.issued, Nth::First, bad_date("issued", &c.issued)));
        }
        if c.models.is_empty() {
            return Err(CatalogError::Rule {
                line: self.line_of_key("models"),
                message: "the list names no model".into(),
            });
        }
        Ok(())
    }

    fn check_sources(&self, c: &'t Catalog) -> Result<HashSet<&'t str>, CatalogError> {
        let mut ids = HashSet::new();
        for s in &c.sources {
            if s.id.trim().is_empty() {
                return Err(CatalogError::Rule {
                    line: self.line_of_key("sources"),
                    message: "a source has an empty id".into(),
                });
            }
            if !ids.insert(s.id.as_str()) {
                return Err(CatalogError::Rule {
                    line: self.line_of_field("id", &s.id, Nth::Last),
                    message: format!("source id {} is listed twice", s.id),
                });
            }
            for (field, value) in [("publisher", &s.publisher), ("title", &s.title)] {
                if value.trim().is_empty() {
                    return Err(self.at(
                        &s.id,
                        Nth::First,
                        format!("source {} has an empty {field}", s.id),
                    ));
                }
            }
            if !(s.url.starts_with("https://") || s.url.starts_with("http://")) {
                return Err(self.at(
                    &s.url,
                    Nth::First,
                    format!("source {} has no web address", s.id),
                ));
            }
            if !is_date(&s.date) {
                return Err(self.at(&s.date, Nth::First, bad_date("date", &s.date)));
            }
            if s.date.as_str() > c.issued.as_str() {
                return Err(self.at(
                    &s.date,
                    Nth::First,
                    format!("source {} is dated after the list was issued", s.id),
                ));
            }
            if let Some(updated) = &s.updated {
                if !is_date(updated) {
                    return Err(self.at(updated, Nth::First, bad_date("updated", updated)));
                }
                if updated < &s.date || updated.as_str() > c.issued.as_str() {
                    return Err(self.at(
                        updated,
                        Nth::First,
                        format!("source {} was updated before it was published or after the list was issued", s.id),
                    ));
                }
            }
        }
        Ok(ids)
    }

    fn check_refs(
        &self,
        sources: &[String],
        known: &HashSet<&str>,
        owner: &str,
    ) -> Result<(), CatalogError> {
        if sources.is_empty() {
            return Err(self.at(owner, Nth::First, format!("{owner} cites no source")));
        }
        for id in sources {
            if !known.contains(id.as_str()) {
                return Err(self.at(
                    id,
                    Nth::First,
                    format!("{owner} cites source {id}, which is not listed"),
                ));
            }
        }
        Ok(())
    }

    fn check_advisories(
        &self,
        c: &'t Catalog,
        sources: &HashSet<&str>,
    ) -> Result<HashSet<&'t str>, CatalogError> {
        let mut cves = HashSet::new();
        for a in &c.advisories {
            if !is_cve(&a.cve) {
                return Err(self.at(&a.cve, Nth::First, format!("{} is not a CVE id", a.cve)));
            }
            if !cves.insert(a.cve.as_str()) {
                return Err(CatalogError::Rule {
                    line: self.line_of_field("cve", &a.cve, Nth::Last),
                    message: format!("{} is listed twice", a.cve),
                });
            }
            if !is_cwe(&a.cwe) {
                return Err(self.at(&a.cwe, Nth::First, format!("{} is not a CWE id", a.cwe)));
            }
            let scores = [Some(a.cvss_v3), a.cvss_v4];
            if scores.iter().flatten().any(|s| !(0.0..=10.0).contains(s)) {
                return Err(self.at(
                    &a.cve,
                    Nth::First,
                    format!("{} has a CVSS score outside 0–10", a.cve),
                ));
            }
            if a.firmware.is_empty() {
                return Err(self.at(&a.cve, Nth::First, format!("{} names no firmware", a.cve)));
            }
            self.check_refs(&a.sources, sources, &a.cve)?;
        }
        Ok(cves)
    }

    fn check_models(
        &self,
        c: &Catalog,
        sources: &HashSet<&str>,
        cves: &HashSet<&str>,
    ) -> Result<(), CatalogError> {
        let names: HashSet<&str> = c.models.iter().map(|m| m.model.as_str()).collect();
        for m in &c.models {
            if model_key(&m.model).is_empty() {
                return Err(CatalogError::Rule {
                    line: self.line_of_key("models"),
                    message: "a model has an empty name".into(),
                });
            }
            for (field, value) in [
                ("brand", &m.brand),
                ("manufacturer", &m.manufacturer),
                ("kind", &m.kind),
            ] {
                if value.trim().is_empty() {
                    return Err(self.at(
                        &m.model,
                        Nth::First,
                        format!("model {} has an empty {field}", m.model),
                    ));
                }
            }
            self.check_refs(&m.sources, sources, &m.model)?;
            for cve in &m.advisories {
                if !cves.contains(cve.as_str()) {
                    return Err(self.at(
                        cve,
                        Nth::Last,
                        format!(
                            "model {} names {cve}, which is not among the advisories",
                            m.model
                        ),
                    ));
                }
            }
            if let Some(of) = &m.relabel_of
                && (of == &m.model || !names.contains(of.as_str()))
            {
                return Err(self.at(
                    of,
                    Nth::Last,
                    format!(
                        "model {} is a relabel of {of}, which is not another listed model",
                        m.model
                    ),
                ));
            }
            for gtin in &m.gtins {
                if !is_valid_gtin14(gtin) {
                    return Err(self.at(
                        gtin,
                        Nth::First,
                        format!("{gtin} is not a 14-digit GTIN with a valid check digit"),
                    ));
                }
            }
            for code in &m.importer_codes {
                if model_key(&code.code).is_empty() || code.importer.trim().is_empty() {
                    return Err(self.at(
                        &code.code,
                        Nth::First,
                        format!("model {} has an empty importer code", m.model),
                    ));
                }
                let owner = format!("{} code {}", code.importer, code.code);
                if code.sources.is_empty() {
                    return Err(self.at(
                        &code.code,
                        Nth::First,
                        format!("{owner} cites no source"),
                    ));
                }
                for id in &code.sources {
                    if !sources.contains(id.as_str()) {
                        return Err(self.at(
                            id,
                            Nth::First,
                            format!("{owner} cites source {id}, which is not listed"),
                        ));
                    }
                }
            }
            for f in &m.firmware {
                if f.trim().is_empty() {
                    return Err(self.at(
                        &m.model,
                        Nth::First,
                        format!("model {} has an empty firmware string", m.model),
                    ));
                }
            }
        }
        self.check_look_alikes(c, sources)
    }

    fn check_look_alikes(&self, c: &Catalog, sources: &HashSet<&str>) -> Result<(), CatalogError> {
        for l in &c.not_affected {
            if model_key(&l.model).is_empty() {
                return Err(CatalogError::Rule {
                    line: self.line_of_key("not_affected"),
                    message: "a look-alike has an empty name".into(),
                });
            }
            for id in &l.sources {
                if !sources.contains(id.as_str()) {
                    return Err(self.at(
                        id,
                        Nth::First,
                        format!(
                            "look-alike {} cites source {id}, which is not listed",
                            l.model
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// No name may lead to two entries: a model, alias, code or firmware
    /// string listed twice, or a look-alike that is also a listed name,
    /// would make the matcher's answer depend on the order of the file.
    fn check_names(&self, c: &Catalog) -> Result<(), CatalogError> {
        // key → the entry it belongs to ("model CMS8000", "look-alike PM50").
        let mut owners: HashMap<String, String> = HashMap::new();
        let mut claim = |name: &str, owner: String| -> Result<(), CatalogError> {
            let key = model_key(name);
            match owners.get(&key) {
                Some(previous) if previous != &owner => Err(self.at(
                    name,
                    Nth::Last,
                    format!("{name} names both {previous} and {owner}"),
                )),
                _ => {
                    owners.insert(key, owner);
                    Ok(())
                }
            }
        };
        for m in &c.models {
            let owner = format!("model {}", m.model);
            claim(&m.model, owner.clone())?;
            let mut seen = HashSet::from([m.model.to_uppercase()]);
            for alias in &m.aliases {
                if model_key(alias).is_empty() || !seen.insert(alias.to_uppercase()) {
                    return Err(self.at(
                        alias,
                        Nth::Last,
                        format!("alias {alias} of {} is empty or listed twice", m.model),
                    ));
                }
                claim(alias, owner.clone())?;
            }
        }
        for l in &c.not_affected {
            claim(&l.model, format!("look-alike {}", l.model))?;
        }
        let mut codes: HashMap<String, &str> = HashMap::new();
        let mut firmware: HashMap<String, &str> = HashMap::new();
        for m in &c.models {
            for code in &m.importer_codes {
                if let Some(previous) = codes.insert(model_key(&code.code), &m.model) {
                    return Err(self.at(
                        &code.code,
                        Nth::Last,
                        format!(
                            "importer code {} is listed twice (models {previous} and {})",
                            code.code, m.model
                        ),
                    ));
                }
            }
            for f in &m.firmware {
                let key: String = f.split_whitespace().collect::<String>().to_uppercase();
                if let Some(previous) = firmware.insert(key, &m.model) {
                    return Err(self.at(
                        f,
                        Nth::Last,
                        format!(
                            "firmware {f} is listed twice (models {previous} and {})",
                            m.model
                        ),
                    ));
                }
            }
        }
        let mut gtins: HashSet<&str> = HashSet::new();
        for gtin in c.models.iter().flat_map(|m| &m.gtins) {
            if !gtins.insert(gtin) {
                return Err(self.at(gtin, Nth::Last, format!("GTIN {gtin} is listed twice")));
            }
        }
        Ok(())
    }
}

/// The 1-based line of byte offset `at`.
fn line_at(text: &str, at: usize) -> usize {
    text.get(..at)
        .map_or(1, |before| before.matches('\n').count() + 1)
}

fn bad_date(field: &str, value: &str) -> String {
    format!("{field} {value:?} is not a date of the form YYYY-MM-DD")
}

/// Whether `s` is a real calendar date written `YYYY-MM-DD`.
pub(crate) fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    let (Some(year), Some(month), Some(day)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 1900 && (1..=days).contains(&day)
}

fn is_cve(s: &str) -> bool {
    let mut parts = s.split('-');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some("CVE"), Some(y), Some(n), None)
            if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())
                && n.len() >= 4 && n.bytes().all(|b| b.is_ascii_digit())
    )
}

fn is_cwe(s: &str) -> bool {
    s.strip_prefix("CWE-")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}
