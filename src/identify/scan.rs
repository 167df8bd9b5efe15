//! Line scanning: every reading is cut to the caps, split into lines and
//! read for UDIs, firmware strings, importer codes, keyword values and
//! model-like tokens. The result is a [`Scan`]: what was found, before
//! anything is decided.
//!
//! A keyword gives its value a role: after "Model", "Type" … the token is
//! the label's model field; after "REF", "Cat.", "Art." … a catalogue code.
//! The value is the next token on the line, or on the next line when the
//! key stands alone; a key alone under a lone value takes that value when
//! the line below gives it none (the key was printed under its value).
//! Ratings, dates, addresses, phone numbers and standards are never read
//! as models (see `markings`), unless they read as a listed model.

use std::collections::{HashMap, HashSet};

use super::markings;
use super::names::{FirmwareString, ImporterCode, Names};
use super::normalize::{Atom, GS, atoms, normalize};
use super::tokens::{Class, is_marking};
use super::udi::{self, Udi, UdiError};
use super::words::{
    ACCESSORY_NOUNS, CONNECTORS, LOT_KEYWORDS, MODEL_KEYWORDS, REF_KEYWORDS, SERIAL_KEYWORDS,
    is_filler, is_keyword_word, match_keyword,
};
use super::{
    Identifiers, MAX_READINGS, MAX_TEXT_CHARS, MAX_TOTAL_CHARS, MatchRule, Origin, Reading,
};

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
    /// Model names, codes, firmware and GTINs found, in reading order.
    pub findings: Vec<Finding>,
    /// Serial, UDI parts, firmware … as read.
    pub ids: Identifiers,
    /// Product codes (GTIN or HIBC) read that the list does not hold.
    pub unknown_products: Vec<String>,
    /// Why codes that looked like UDIs could not be used.
    pub bad_udis: Vec<String>,
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

/// One reading as it is cut for scanning: its text within the caps.
struct Capped<'r> {
    /// The text, cut to [`MAX_TEXT_CHARS`] and what is left of
    /// [`MAX_TOTAL_CHARS`].
    text: String,
    /// The reading it was cut from.
    reading: &'r Reading,
}

/// Where a UDI or GTIN was read, for the finding it may become.
struct Source<'a> {
    /// Typed, photo line or barcode.
    origin: &'a Origin,
    /// The line's confidence (1 for typed text and barcodes).
    confidence: f32,
    /// The text it was read from, for evidence.
    text: &'a str,
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
    /// UDIs are read and set aside (not in the second, safety pass).
    read_udis: bool,
    prev: &'a LineFlags,
}

impl Names {
    /// Reads `readings` (cut to [`MAX_READINGS`] and the character caps)
    /// as the readings of one device.
    pub(super) fn scan(&self, readings: &[Reading]) -> Scan {
        self.scan_with(readings, true)
    }

    /// Reads `readings` as if they held no UDI: nothing is set aside as
    /// one, so a listed name inside a UDI element (`(21) CMS8000`, a serial
    /// that spells a model) is read like any other text. Only its findings
    /// are used, as a second opinion before "not on the list".
    pub(super) fn scan_without_udis(&self, readings: &[Reading]) -> Scan {
        self.scan_with(readings, false)
    }

    fn scan_with(&self, readings: &[Reading], read_udis: bool) -> Scan {
        let readings = readings.get(..MAX_READINGS).unwrap_or(readings);
        // Cut every reading, and all of them together, to the caps.
        let mut budget = MAX_TOTAL_CHARS;
        let mut texts: Vec<Capped<'_>> = Vec::with_capacity(readings.len());
        for r in readings {
            if budget == 0 {
                break;
            }
            let text: String = r.text.chars().take(MAX_TEXT_CHARS.min(budget)).collect();
            budget = budget.saturating_sub(text.chars().count().max(1));
            texts.push(Capped { text, reading: r });
        }
        let mut scan = Scan::default();
        // Which photos (or the typed input) mention an importer anywhere:
        // a bare code on one line of a Gima label is then Gima's code.
        let mut importer_in: HashSet<&str> = HashSet::new();
        for Capped { text, reading: r } in &texts {
            if self.mentions_importer(text) {
                importer_in.insert(group_of(&r.origin));
            }
        }
        let mut flags: HashMap<&str, LineFlags> = HashMap::new();
        for Capped { text, reading: r } in &texts {
            let group = group_of(&r.origin);
            let prev = flags.remove(group).unwrap_or_default();
            let last = self.scan_reading(
                text,
                &r.origin,
                importer_in.contains(group),
                prev,
                read_udis,
                &mut scan,
            );
            flags.insert(group, last);
        }
        // A key on the last line of a photo with a lone value above it.
        for last in flags.into_values() {
            claim_value_above(&last, &mut scan);
        }
        scan
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
        read_udis: bool,
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
        if read_udis
            && !joined.trim().contains(' ')
            && let Some(result) = udi::parse(&normalize(&joined))
        {
            self.record_udi(
                result,
                &Source {
                    origin,
                    confidence,
                    text: joined.trim(),
                },
                scan,
            );
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
                read_udis,
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
            self.record_udi(
                result,
                &Source {
                    origin,
                    confidence: 1.0,
                    text: trimmed,
                },
                scan,
            );
            return;
        }
        if let Some(gtin) = crate::catalog::gtin14(trimmed) {
            self.record_gtin(
                &gtin,
                &Source {
                    origin,
                    confidence: 1.0,
                    text: trimmed,
                },
                scan,
            );
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
    fn record_udi(&self, result: Result<Udi, UdiError>, source: &Source<'_>, scan: &mut Scan) {
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
                    self.record_gtin(g, source, scan);
                }
            }
            Err(e) => {
                scan.ids
                    .udi_raw
                    .get_or_insert_with(|| source.text.to_owned());
                scan.bad_udis.push(e.to_string());
            }
        }
    }

    /// Stores a GTIN, and a finding if the list holds it.
    fn record_gtin(&self, gtin: &str, source: &Source<'_>, scan: &mut Scan) {
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
            text: source.text.to_owned(),
            origin: source.origin.clone(),
            confidence: source.confidence,
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
        if ctx.read_udis {
            self.take_udis(&mut chars, ctx, scan);
        }
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
                    // Only a UDI that was read whole is blanked out: the
                    // text of one that was not may hold a model name, and a
                    // listed model read anywhere must count (for a name
                    // inside a UDI element, see `scan_without_udis`).
                    let whole = result.is_ok();
                    self.record_udi(
                        result,
                        &Source {
                            origin: ctx.origin,
                            confidence: ctx.confidence,
                            text: raw.trim(),
                        },
                        scan,
                    );
                    if whole {
                        blank(chars, i, i + used);
                        i += used.max(1);
                        continue;
                    }
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
                let whole = result.is_ok();
                self.record_udi(
                    result,
                    &Source {
                        origin: ctx.origin,
                        confidence: ctx.confidence,
                        text: &chunk,
                    },
                    scan,
                );
                if whole {
                    blank(chars, start, start + len);
                }
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
        for FirmwareString { key, model, shown } in &self.firmware {
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
        let ImporterCode { model, importer } = self.codes.get(&code)?;
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
