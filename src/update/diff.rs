//! "What changed" between two lists, for the user after an update.

use crate::catalog::{Catalog, ModelEntry, Source};

/// The differences between the list in use and a newer one.
#[derive(Debug, Clone, PartialEq)]
pub struct ListDiff {
    /// Version of the list that was in use.
    pub old_version: u64,
    /// Version of the new list.
    pub new_version: u64,
    /// Issue date of the list that was in use, `YYYY-MM-DD`.
    pub old_issued: String,
    /// Issue date of the new list, `YYYY-MM-DD`.
    pub new_issued: String,
    /// Models in the new list only.
    pub models_added: Vec<ModelEntry>,
    /// Models in the old list only.
    pub models_removed: Vec<ModelEntry>,
    /// Names of models in both lists whose entry changed (aliases, codes, firmware…).
    pub models_changed: Vec<String>,
    /// Sources in the new list only.
    pub sources_added: Vec<Source>,
    /// Sources in the old list only.
    pub sources_removed: Vec<Source>,
    /// CVE ids in the new list only.
    pub advisories_added: Vec<String>,
    /// CVE ids in the old list only.
    pub advisories_removed: Vec<String>,
}

impl ListDiff {
    /// Compares `old` with `new`, each item keyed by its model name, source
    /// id or CVE id.
    pub fn between(old: &Catalog, new: &Catalog) -> Self {
        let model_key = |m: &ModelEntry| m.model.clone();
        let source_key = |s: &Source| s.id.clone();
        Self {
            old_version: old.version,
            new_version: new.version,
            old_issued: old.issued.clone(),
            new_issued: new.issued.clone(),
            models_added: only_in(&new.models, &old.models, model_key),
            models_removed: only_in(&old.models, &new.models, model_key),
            models_changed: new
                .models
                .iter()
                .filter(|n| old.models.iter().any(|o| o.model == n.model && o != *n))
                .map(|n| n.model.clone())
                .collect(),
            sources_added: only_in(&new.sources, &old.sources, source_key),
            sources_removed: only_in(&old.sources, &new.sources, source_key),
            advisories_added: only_in(&new.advisories, &old.advisories, |a| a.cve.clone())
                .into_iter()
                .map(|a| a.cve)
                .collect(),
            advisories_removed: only_in(&old.advisories, &new.advisories, |a| a.cve.clone())
                .into_iter()
                .map(|a| a.cve)
                .collect(),
        }
    }

    /// True when nothing but the version and date changed.
    pub fn is_content_unchanged(&self) -> bool {
        self.models_added.is_empty()
            && self.models_removed.is_empty()
            && self.models_changed.is_empty()
            && self.sources_added.is_empty()
            && self.sources_removed.is_empty()
            && self.advisories_added.is_empty()
            && self.advisories_removed.is_empty()
    }
}

/// Items of `a` whose key is not the key of any item of `b`, in `a`'s order.
fn only_in<T: Clone>(a: &[T], b: &[T], key: impl Fn(&T) -> String) -> Vec<T> {
    a.iter()
        .filter(|x| {
            let k = key(x);
            !b.iter().any(|y| key(y) == k)
        })
        .cloned()
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::catalog::{Advisory, Grade};

    pub(crate) fn model(name: &str) -> ModelEntry {
        ModelEntry {
            model: name.to_owned(),
            brand: "Contec".to_owned(),
            manufacturer: "Contec Medical Systems Co., Ltd".to_owned(),
            kind: "patient monitor".to_owned(),
            relabel_of: None,
            aliases: Vec::new(),
            importer_codes: Vec::new(),
            firmware: Vec::new(),
            gtins: Vec::new(),
            advisories: Vec::new(),
            sources: vec!["s1".to_owned()],
        }
    }

    pub(crate) fn source(id: &str) -> Source {
        Source {
            id: id.to_owned(),
            publisher: "CISA".to_owned(),
            title: format!("title of {id}"),
            date: "2025-01-30".to_owned(),
            updated: None,
            url: "https://example.invalid/".to_owned(),
            grade: Grade::Primary,
        }
    }

    pub(crate) fn advisory(cve: &str) -> Advisory {
        Advisory {
            cve: cve.to_owned(),
            cwe: "CWE-912".to_owned(),
            summary: "hidden function".to_owned(),
            cvss_v3: 7.5,
            cvss_v4: Some(7.7),
            firmware: vec!["all".to_owned()],
            sources: vec!["s1".to_owned()],
        }
    }

    pub(crate) fn catalog(version: u64, models: &[&str]) -> Catalog {
        Catalog {
            schema: 1,
            version,
            issued: format!("2025-02-{:02}", version.min(28)),
            sources: vec![source("s1")],
            advisories: vec![advisory("CVE-2025-0626")],
            models: models.iter().map(|m| model(m)).collect(),
            not_affected: Vec::new(),
        }
    }

    #[test]
    fn lists_models_sources_and_cves_added_and_removed() {
        let old = catalog(1, &["CMS8000", "MN-120"]);
        let mut new = catalog(3, &["CMS8000", "CMS6000", "CMS7000"]);
        new.sources.push(source("s2"));
        new.advisories.push(advisory("CVE-2025-1204"));
        new.models[0].aliases.push("CMS 8000".to_owned());
        let d = ListDiff::between(&old, &new);
        assert_eq!((d.old_version, d.new_version), (1, 3));
        assert_eq!(
            (d.old_issued.as_str(), d.new_issued.as_str()),
            ("2025-02-01", "2025-02-03")
        );
        let names = |v: &[ModelEntry]| v.iter().map(|m| m.model.clone()).collect::<Vec<_>>();
        assert_eq!(names(&d.models_added), ["CMS6000", "CMS7000"]);
        assert_eq!(names(&d.models_removed), ["MN-120"]);
        assert_eq!(d.models_changed, ["CMS8000"]);
        assert_eq!(d.sources_added.len(), 1);
        assert_eq!(d.sources_added[0].id, "s2");
        assert!(d.sources_removed.is_empty());
        assert_eq!(d.advisories_added, ["CVE-2025-1204"]);
        assert!(d.advisories_removed.is_empty());
        assert!(!d.is_content_unchanged());
    }

    #[test]
    fn version_bump_alone_is_content_unchanged() {
        let d = ListDiff::between(&catalog(1, &["CMS8000"]), &catalog(2, &["CMS8000"]));
        assert!(d.is_content_unchanged());
    }
}
