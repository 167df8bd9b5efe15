//! From what was read to one verdict.
//!
//! Readings are sorted into device readings that count (confidence at
//! least [`MIN_CONFIDENCE`]), weak ones, hesitant ones (a listed model read
//! only in part) and accessory mentions. Only device readings that count
//! decide; everything else can only make the answer more cautious. The
//! last step, [`enforce_safety`], re-checks the one rule that matters most.

use super::scan::{Finding, Scan};
use super::tokens::Class;
use super::{Caution, Evidence, MIN_CONFIDENCE, MatchRule, NextStep, Verdict, VerdictKind};
use crate::catalog::Catalog;

/// Which device a decisive reading says it is. Two readings name the same
/// device exactly when their identities are equal.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Identity {
    /// A listed model, by the model it is (relabels count as their root).
    Listed(usize),
    /// A listed model with an extra suffix.
    Variant {
        /// The comparison key of what was read (`CMS8000PLUS`).
        key: String,
        /// The model it starts with (relabels count as their root).
        root: usize,
    },
    /// Possibly a listed model, read only in part (index into
    /// `catalog.models`).
    Hesitant(usize),
    /// A product the list names as not affected (index into
    /// `catalog.not_affected`).
    LookAlike(usize),
    /// A model not on the list, by its comparison key.
    Unlisted(String),
}

impl Identity {
    /// The listed model this identity is or extends, if any.
    fn root(&self) -> Option<usize> {
        match self {
            Identity::Listed(root) | Identity::Variant { root, .. } => Some(*root),
            Identity::Hesitant(_) | Identity::LookAlike(_) | Identity::Unlisted(_) => None,
        }
    }
}

/// Index of the model a listed model is (itself unless a relabel).
fn root_of(catalog: &Catalog, model: usize) -> usize {
    let Some(entry) = catalog.models.get(model) else {
        return model;
    };
    let root = catalog.relabel_root(entry);
    catalog
        .models
        .iter()
        .position(|m| m.model == root.model)
        .unwrap_or(model)
}

fn identity(catalog: &Catalog, f: &Finding) -> Identity {
    match &f.class {
        Class::Listed { model, .. } => Identity::Listed(root_of(catalog, *model)),
        Class::Variant { model } => Identity::Variant {
            key: crate::catalog::model_key(&f.read),
            root: root_of(catalog, *model),
        },
        Class::Hesitant { model } => Identity::Hesitant(*model),
        Class::LookAlike { idx } => Identity::LookAlike(*idx),
        Class::Unlisted { key, .. } => Identity::Unlisted(key.clone()),
    }
}

/// The name to show for what a finding was read as.
fn matched_name(catalog: &Catalog, f: &Finding) -> String {
    match &f.class {
        Class::Listed { model, .. } => catalog
            .models
            .get(*model)
            .map_or_else(|| f.read.clone(), |m| m.model.clone()),
        Class::LookAlike { idx } => catalog
            .not_affected
            .get(*idx)
            .map_or_else(|| f.read.clone(), |l| l.model.clone()),
        Class::Variant { .. } | Class::Hesitant { .. } | Class::Unlisted { .. } => f.read.clone(),
    }
}

/// The listed model a finding points at, if any.
fn listed_model(f: &Finding) -> Option<usize> {
    match &f.class {
        Class::Listed { model, .. } | Class::Variant { model } | Class::Hesitant { model } => {
            Some(*model)
        }
        Class::LookAlike { .. } | Class::Unlisted { .. } => None,
    }
}

fn evidence(catalog: &Catalog, f: &Finding) -> Evidence {
    let rule = match &f.class {
        Class::Listed { rule, .. } => *rule,
        Class::LookAlike { .. } => MatchRule::LookAlike,
        Class::Variant { .. } | Class::Hesitant { .. } | Class::Unlisted { .. } => {
            MatchRule::UnlistedModel
        }
    };
    Evidence {
        text: f.text.clone(),
        matched: matched_name(catalog, f),
        rule,
        origin: f.origin.clone(),
    }
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// Adds the sources of listed model `model` (and of the model it is).
fn add_model_sources(catalog: &Catalog, model: usize, sources: &mut Vec<String>) {
    let Some(entry) = catalog.models.get(model) else {
        return;
    };
    for id in entry
        .sources
        .iter()
        .chain(&catalog.relabel_root(entry).sources)
    {
        push_unique(sources, id.clone());
    }
}

/// Turns what was read into the verdict.
pub(crate) fn decide(catalog: &Catalog, scan: Scan) -> Verdict {
    let Scan {
        findings,
        ids,
        unknown_products,
        bad_udis,
    } = scan;
    let mut v = Verdict::unknown(ids);
    if catalog.models.is_empty() {
        // Without a list nothing can be ruled in or out.
        v.evidence = findings.iter().map(|f| evidence(catalog, f)).collect();
        v.cautions.push(Caution::NoModelFound);
        enforce_safety(&mut v, &findings);
        return v;
    }

    let device = findings.iter().filter(|f| !f.accessory);
    let (strong, weak): (Vec<&Finding>, Vec<&Finding>) =
        device.partition(|f| f.confidence >= MIN_CONFIDENCE);
    let (hesitant, decisive): (Vec<&Finding>, Vec<&Finding>) = strong
        .into_iter()
        .partition(|f| matches!(f.class, Class::Hesitant { .. }));
    let accessory: Vec<&Finding> = findings.iter().filter(|f| f.accessory).collect();
    // A catalogue code that is not on the list (`REF MS-7-0042`) is a
    // code, not another model: where the label names a model it does not
    // compete with it. Alone, it is all there is to go on.
    let (codes, named): (Vec<&Finding>, Vec<&Finding>) = decisive.into_iter().partition(|f| {
        f.catalogue && matches!(f.class, Class::Unlisted { .. } | Class::LookAlike { .. })
    });
    let decisive = if named.is_empty() { codes } else { named };

    let mut identities: Vec<Identity> = Vec::new();
    for f in &decisive {
        push_unique(&mut identities, identity(catalog, f));
    }

    match identities.as_slice() {
        [] => no_decisive_reading(
            catalog,
            &mut v,
            &findings,
            &hesitant,
            &weak,
            &accessory,
            &unknown_products,
        ),
        [Identity::Listed(root)] => affected(catalog, &mut v, &decisive, *root),
        [Identity::Variant { .. }] => {
            let f = decisive.first().copied();
            variant(catalog, &mut v, f, &findings);
        }
        [Identity::Hesitant(_) | Identity::LookAlike(_) | Identity::Unlisted(_)] => {
            let blockers: Vec<&Finding> = hesitant
                .iter()
                .chain(&weak)
                .chain(&accessory)
                .copied()
                .filter(|f| f.class.touches_listed())
                .collect();
            if let Some(first) = decisive.first() {
                if blockers.is_empty() {
                    not_affected(catalog, &mut v, &decisive, first);
                } else {
                    blocked(catalog, &mut v, first, &blockers, &findings);
                }
            }
        }
        many => several_identities(catalog, &mut v, many, &decisive, &findings),
    }

    add_bad_udis(&mut v, bad_udis);
    enforce_safety(&mut v, &findings);
    v
}

/// Several models were read for one device: the same model in longer and
/// shorter forms, or different models.
fn several_identities(
    catalog: &Catalog,
    v: &mut Verdict,
    many: &[Identity],
    decisive: &[&Finding],
    findings: &[Finding],
) {
    // A listed model and variants of it only: still a variant.
    let roots: Vec<usize> = many.iter().filter_map(Identity::root).collect();
    let same_root = roots.len() == many.len() && roots.windows(2).all(|w| w.first() == w.get(1));
    // The label's own model field reads a listed model exactly, and the
    // longer forms of it stand elsewhere (a REF or catalogue code such as
    // `CMS8000-EU`): the model field names the device. A variant in the
    // model field itself still means "can't tell".
    let field_names_listed = decisive
        .iter()
        .any(|f| f.model_field && matches!(identity(catalog, f), Identity::Listed(_)));
    let variant_in_field = decisive
        .iter()
        .any(|f| f.model_field && matches!(f.class, Class::Variant { .. }));
    // The model is named on the label (`CMS6000` as a title or in its
    // field) and every longer form of it is a catalogue code (`REF
    // CMS6000-A`): makers extend the model name into the code, so the code
    // says which model it is, not that it is another one.
    let model_named = decisive.iter().any(|f| {
        matches!(
            f.class,
            Class::Listed {
                rule: MatchRule::Model | MatchRule::Alias,
                ..
            }
        )
    });
    let variants_are_codes = decisive
        .iter()
        .filter(|f| matches!(f.class, Class::Variant { .. }))
        .all(|f| f.catalogue);
    let named = (field_names_listed && !variant_in_field) || (model_named && variants_are_codes);
    if same_root && named {
        if let Some(root) = roots.first() {
            affected(catalog, v, decisive, *root);
        }
    } else if same_root {
        let f = decisive
            .iter()
            .find(|f| matches!(f.class, Class::Variant { .. }))
            .copied();
        variant(catalog, v, f, findings);
    } else {
        conflict(catalog, v, decisive, findings);
    }
}

/// Codes that looked like UDIs but were broken: worth saying unless a
/// listed model was found anyway.
fn add_bad_udis(v: &mut Verdict, bad_udis: Vec<String>) {
    if v.verdict == VerdictKind::Affected || bad_udis.is_empty() {
        return;
    }
    for detail in bad_udis {
        push_unique(&mut v.cautions, Caution::BadUdi { detail });
    }
    if v.verdict == VerdictKind::Unknown {
        push_unique(&mut v.next_steps, NextStep::CheckLabelAgain);
    }
}

fn affected(catalog: &Catalog, v: &mut Verdict, decisive: &[&Finding], root: usize) {
    let used: Vec<&Finding> = decisive
        .iter()
        .copied()
        .filter(|f| identity(catalog, f) == Identity::Listed(root))
        .collect();
    // The model printed on the label names it best; codes and firmware
    // only say which family it is.
    let named = used
        .iter()
        .find(|f| {
            matches!(
                f.class,
                Class::Listed {
                    rule: MatchRule::Model | MatchRule::Alias,
                    ..
                }
            )
        })
        .or_else(|| used.first());
    let Some(model) = named.and_then(|f| listed_model(f)) else {
        return;
    };
    let Some(entry) = catalog.models.get(model) else {
        return;
    };
    v.verdict = VerdictKind::Affected;
    v.model = Some(entry.model.clone());
    v.relabel_of.clone_from(&entry.relabel_of);
    v.manufacturer = Some(entry.manufacturer.clone());
    v.advisories = catalog.advisories_for(entry).to_vec();
    v.evidence = used.iter().map(|f| evidence(catalog, f)).collect();
    add_model_sources(catalog, model, &mut v.sources);
    for cve in &v.advisories {
        if let Some(a) = catalog.advisory(cve) {
            for id in &a.sources {
                push_unique(&mut v.sources, id.clone());
            }
        }
    }
    let code_used = used.iter().any(|f| {
        matches!(
            f.class,
            Class::Listed {
                rule: MatchRule::ImporterCode,
                ..
            }
        )
    });
    if code_used {
        for code in &catalog.relabel_root(entry).importer_codes {
            for id in &code.sources {
                push_unique(&mut v.sources, id.clone());
            }
        }
    }
}

fn not_affected(catalog: &Catalog, v: &mut Verdict, decisive: &[&Finding], first: &Finding) {
    let who = identity(catalog, first);
    v.verdict = VerdictKind::NotAffected;
    v.model = Some(matched_name(catalog, first));
    v.evidence = decisive
        .iter()
        .filter(|f| identity(catalog, f) == who)
        .map(|f| evidence(catalog, f))
        .collect();
    if let Class::LookAlike { idx } = &first.class {
        for id in catalog
            .not_affected
            .get(*idx)
            .map(|l| l.sources.as_slice())
            .unwrap_or_default()
        {
            push_unique(&mut v.sources, id.clone());
        }
    }
    // "Not on the list" rests on every document the list was built from.
    for model in 0..catalog.models.len() {
        add_model_sources(catalog, model, &mut v.sources);
    }
    if let Class::Unlisted {
        near: Some(near), ..
    } = &first.class
        && let Some(listed) = catalog.models.get(*near)
    {
        v.cautions.push(Caution::NearMiss {
            read: first.read.clone(),
            listed: listed.model.clone(),
        });
        v.next_steps.push(NextStep::CheckLabelAgain);
    }
}

/// A model not on the list was read, but something else points at a
/// listed one: a weak line, a partial reading or an accessory label.
fn blocked(
    catalog: &Catalog,
    v: &mut Verdict,
    first: &Finding,
    blockers: &[&Finding],
    all: &[Finding],
) {
    let mut models = vec![matched_name(catalog, first)];
    for b in blockers {
        push_unique(&mut models, matched_name(catalog, b));
    }
    v.cautions.push(Caution::Conflict { models });
    for b in blockers {
        if b.confidence < MIN_CONFIDENCE {
            push_unique(
                &mut v.cautions,
                Caution::LowConfidence {
                    read: b.read.clone(),
                },
            );
        } else if let Class::Hesitant { model } = &b.class
            && let Some(listed) = catalog.models.get(*model)
        {
            push_unique(
                &mut v.cautions,
                Caution::NearMiss {
                    read: b.read.clone(),
                    listed: listed.model.clone(),
                },
            );
        }
        if let Some(model) = listed_model(b) {
            add_model_sources(catalog, model, &mut v.sources);
        }
    }
    unknown(
        catalog,
        v,
        all,
        &[NextStep::CheckLabelAgain, NextStep::PhotoLabel],
    );
}

fn variant(catalog: &Catalog, v: &mut Verdict, f: Option<&Finding>, all: &[Finding]) {
    if let Some(f) = f
        && let Some(model) = listed_model(f)
    {
        if let Some(listed) = catalog.models.get(model) {
            v.cautions.push(Caution::Variant {
                read: f.read.clone(),
                listed: listed.model.clone(),
            });
        }
        add_model_sources(catalog, model, &mut v.sources);
    }
    unknown(
        catalog,
        v,
        all,
        &[NextStep::CheckLabelAgain, NextStep::AskGp],
    );
}

fn conflict(catalog: &Catalog, v: &mut Verdict, decisive: &[&Finding], all: &[Finding]) {
    let mut models = Vec::new();
    for f in decisive {
        push_unique(&mut models, matched_name(catalog, f));
        if let Some(model) = listed_model(f) {
            add_model_sources(catalog, model, &mut v.sources);
        }
    }
    v.cautions.push(Caution::Conflict { models });
    unknown(
        catalog,
        v,
        all,
        &[NextStep::CheckLabelAgain, NextStep::PhotoLabel],
    );
}

fn no_decisive_reading(
    catalog: &Catalog,
    v: &mut Verdict,
    all: &[Finding],
    hesitant: &[&Finding],
    weak: &[&Finding],
    accessory: &[&Finding],
    unknown_products: &[String],
) {
    let touched = hesitant
        .iter()
        .chain(weak)
        .chain(accessory)
        .filter_map(|f| listed_model(f));
    let touched: Vec<usize> = touched.collect();
    for model in touched {
        add_model_sources(catalog, model, &mut v.sources);
    }
    if !hesitant.is_empty() {
        for f in hesitant {
            if let Some(listed) = listed_model(f).and_then(|m| catalog.models.get(m)) {
                push_unique(
                    &mut v.cautions,
                    Caution::NearMiss {
                        read: f.read.clone(),
                        listed: listed.model.clone(),
                    },
                );
            }
        }
        return unknown(
            catalog,
            v,
            all,
            &[NextStep::CheckLabelAgain, NextStep::TypeModel],
        );
    }
    // The weak line that would matter most: a listed model first.
    let best_weak = weak.iter().max_by(|a, b| {
        (a.class.touches_listed(), a.confidence)
            .partial_cmp(&(b.class.touches_listed(), b.confidence))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    if let Some(f) = best_weak {
        v.cautions.push(Caution::LowConfidence {
            read: f.read.clone(),
        });
        return unknown(
            catalog,
            v,
            all,
            &[NextStep::PhotoLabel, NextStep::TypeModel],
        );
    }
    if let Some(first) = accessory.first() {
        // Only the monitor an accessory fits was named, not this device.
        v.cautions.push(Caution::AccessoryOnly {
            fits: first.read.clone(),
        });
        return unknown(
            catalog,
            v,
            all,
            &[NextStep::PhotoLabel, NextStep::TypeModel],
        );
    }
    if let Some(code) = unknown_products.first() {
        v.cautions.push(Caution::UnknownGtin { gtin: code.clone() });
    }
    if let Some(brand) = &v.identifiers.brand {
        v.cautions.push(Caution::BrandOnly {
            brand: brand.clone(),
        });
    }
    if let Some(serial) = &v.identifiers.serial {
        v.cautions.push(Caution::SerialOnly {
            serial: serial.clone(),
        });
    }
    if v.cautions.is_empty() && v.identifiers.udi_raw.is_none() {
        v.cautions.push(Caution::NoModelFound);
    }
    unknown(
        catalog,
        v,
        all,
        &[NextStep::TypeModel, NextStep::PhotoLabel],
    );
}

/// Makes `v` an `unknown` verdict showing everything that was read.
fn unknown(catalog: &Catalog, v: &mut Verdict, all: &[Finding], steps: &[NextStep]) {
    v.verdict = VerdictKind::Unknown;
    v.model = None;
    v.relabel_of = None;
    v.manufacturer = None;
    v.advisories.clear();
    v.evidence = all.iter().map(|f| evidence(catalog, f)).collect();
    for s in steps {
        push_unique(&mut v.next_steps, *s);
    }
}

/// The safety rule, checked last whatever the steps above did:
///
/// - a listed model read anywhere — any confidence, any line, even as the
///   monitor an accessory fits, even only as a possible variant — never
///   leaves the answer `not_affected`; the answer becomes `unknown`;
/// - `not_affected` always names the model that was read;
/// - `unknown` names no model and always says what to do next.
///
/// Telling a carer "not on the list" about a listed monitor is the one
/// mistake this app must not make; an extra `unknown` only costs a second
/// look at the label.
pub(super) fn enforce_safety(v: &mut Verdict, findings: &[Finding]) {
    if v.verdict == VerdictKind::NotAffected {
        let listed: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.class.touches_listed())
            .collect();
        if v.model.is_none() || !listed.is_empty() {
            let mut models: Vec<String> = v.model.iter().cloned().collect();
            for f in listed {
                push_unique(&mut models, f.read.clone());
            }
            if !v
                .cautions
                .iter()
                .any(|c| matches!(c, Caution::Conflict { .. }))
            {
                v.cautions.push(Caution::Conflict { models });
            }
            v.verdict = VerdictKind::Unknown;
            push_unique(&mut v.next_steps, NextStep::CheckLabelAgain);
        }
    }
    if v.verdict == VerdictKind::Unknown {
        v.model = None;
        v.relabel_of = None;
        v.manufacturer = None;
        v.advisories.clear();
        if v.next_steps.is_empty() {
            v.next_steps
                .extend([NextStep::TypeModel, NextStep::PhotoLabel]);
        }
        if v.cautions.is_empty() {
            v.cautions.push(Caution::NoModelFound);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identify::{Identifiers, Origin};

    fn finding(class: Class, confidence: f32, accessory: bool) -> Finding {
        Finding {
            class,
            read: "CMS8000".into(),
            text: "CMS8000".into(),
            origin: Origin::Typed,
            confidence,
            accessory,
            model_field: false,
            catalogue: false,
        }
    }

    fn not_affected_verdict() -> Verdict {
        Verdict {
            verdict: VerdictKind::NotAffected,
            model: Some("VM-8".into()),
            ..Verdict::unknown(Identifiers::default())
        }
    }

    #[test]
    fn safety_turns_any_listed_reading_into_unknown() {
        let classes = [
            Class::Listed {
                model: 0,
                rule: MatchRule::Model,
            },
            Class::Variant { model: 0 },
            Class::Hesitant { model: 0 },
        ];
        for class in classes {
            for (confidence, accessory) in [(1.0, false), (0.1, false), (1.0, true), (0.1, true)] {
                let mut v = not_affected_verdict();
                enforce_safety(&mut v, &[finding(class.clone(), confidence, accessory)]);
                assert_eq!(
                    v.verdict,
                    VerdictKind::Unknown,
                    "{class:?} {confidence} {accessory}"
                );
                assert_eq!(v.model, None);
                assert!(!v.next_steps.is_empty());
                assert!(
                    v.cautions
                        .iter()
                        .any(|c| matches!(c, Caution::Conflict { .. }))
                );
            }
        }
    }

    #[test]
    fn safety_keeps_not_affected_for_unlisted_readings() {
        let mut v = not_affected_verdict();
        let unlisted = Class::Unlisted {
            key: "VM8".into(),
            near: None,
        };
        enforce_safety(&mut v, &[finding(unlisted, 1.0, false)]);
        assert_eq!(v.verdict, VerdictKind::NotAffected);
    }

    #[test]
    fn safety_refuses_not_affected_without_a_model() {
        let mut v = not_affected_verdict();
        v.model = None;
        enforce_safety(&mut v, &[]);
        assert_eq!(v.verdict, VerdictKind::Unknown);
        assert!(!v.next_steps.is_empty());
    }
}
