//! "About the advisories": the list in use seen per source document, for
//! the app's view and the CLI. Nothing is fetched: it reads the list.

use crate::catalog::{Advisory, Catalog, ModelEntry, Source};

/// One source document and what the list takes from it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceOverview<'a> {
    /// The document (publisher, title, dates, address, grade).
    pub source: &'a Source,
    /// The vulnerabilities it is cited for.
    pub advisories: Vec<&'a Advisory>,
    /// The models it is cited for (directly or through an importer code).
    pub models: Vec<&'a ModelEntry>,
}

/// Every source of `catalog`, in list order, with the advisories and models
/// that cite it.
pub fn overview(catalog: &Catalog) -> Vec<SourceOverview<'_>> {
    catalog
        .sources
        .iter()
        .map(|source| SourceOverview {
            source,
            advisories: catalog
                .advisories
                .iter()
                .filter(|a| a.sources.contains(&source.id))
                .collect(),
            models: catalog
                .models
                .iter()
                .filter(|m| {
                    m.sources.contains(&source.id)
                        || m.importer_codes
                            .iter()
                            .any(|c| c.sources.contains(&source.id))
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::update::diff::tests::{catalog, source};

    #[test]
    fn groups_advisories_and_models_by_source() {
        let mut c = catalog(1, &["CMS8000", "CMS6000"]);
        c.sources.push(source("s2"));
        c.models[1].sources = vec!["s2".to_owned()];
        let o = overview(&c);
        assert_eq!(o.len(), 2);
        assert_eq!(o[0].source.id, "s1");
        assert_eq!(o[0].advisories.len(), 1);
        assert_eq!(o[0].models.len(), 1);
        assert_eq!(o[0].models[0].model, "CMS8000");
        assert_eq!(o[1].models[0].model, "CMS6000");
        assert!(o[1].advisories.is_empty());
    }

    #[test]
    fn bundled_list_has_an_overview_per_source() {
        let c = Catalog::bundled();
        assert_eq!(overview(&c).len(), c.sources.len());
    }
}
