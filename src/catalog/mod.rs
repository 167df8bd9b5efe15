//! The list of affected models: its schema, the copy bundled in the binary,
//! and the checks that keep a list well-formed before anything trusts it.
//!
//! The list is data, not code: a newer signed list (see `crate::update`)
//! replaces the bundled one without a new release of the app.

mod keys;
mod schema;
mod validate;

use std::sync::OnceLock;

pub use keys::{gs1_check_digit, gtin14, is_valid_gtin14, model_key};
pub use schema::{
    Advisory, Catalog, CatalogError, Grade, ImporterCode, LookAlike, ModelEntry, Source,
};
pub use validate::SCHEMA;

/// The list shipped inside the binary, as published (exact bytes).
pub const BUNDLED_JSON: &str = include_str!("../../assets/affected-models.json");

impl Catalog {
    /// The list built into the app, parsed and checked once per process.
    ///
    /// Infallible in practice: the test `bundled_list_is_valid` fails the
    /// build's test run if [`BUNDLED_JSON`] breaks any rule, so a shipped
    /// binary always parses it. Should that guard ever be bypassed, this
    /// returns [`Catalog::unavailable`] rather than crashing a carer's app;
    /// the matcher never answers "not affected" from a list without models.
    /// Callers that want the reason use [`Catalog::try_bundled`].
    pub fn bundled() -> Catalog {
        static BUNDLED: OnceLock<Catalog> = OnceLock::new();
        BUNDLED
            .get_or_init(|| Catalog::try_bundled().unwrap_or_else(|_| Catalog::unavailable()))
            .clone()
    }

    /// The list built into the app, or why it is not valid.
    pub fn try_bundled() -> Result<Catalog, CatalogError> {
        Catalog::from_json(BUNDLED_JSON)
    }

    /// A stand-in with no models and version 0, for when no valid list is
    /// at hand. It does not pass [`Catalog::validate`]; any real list
    /// replaces it, and the matcher answers only "unknown" against it.
    pub fn unavailable() -> Catalog {
        Catalog {
            schema: SCHEMA,
            version: 0,
            issued: String::new(),
            sources: Vec::new(),
            advisories: Vec::new(),
            models: Vec::new(),
            not_affected: Vec::new(),
        }
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The advisory for this CVE id.
    pub fn advisory(&self, cve: &str) -> Option<&Advisory> {
        self.advisories
            .iter()
            .find(|a| a.cve.eq_ignore_ascii_case(cve))
    }

    /// The listed model named `name`, by its canonical name or an alias, in
    /// any spelling with the same [`model_key`] (`cms 8000` finds `CMS8000`).
    pub fn model(&self, name: &str) -> Option<&ModelEntry> {
        let key = model_key(name);
        if key.is_empty() {
            return None;
        }
        self.models
            .iter()
            .find(|m| model_key(&m.model) == key || m.aliases.iter().any(|a| model_key(a) == key))
    }

    /// For a relabelled model, the model it is; otherwise the model itself.
    /// Follows chains of relabels, and stops on a loop (which validation
    /// forbids anyway).
    pub fn relabel_root<'a>(&'a self, entry: &'a ModelEntry) -> &'a ModelEntry {
        let mut current = entry;
        for _ in 0..self.models.len() {
            let Some(next) = current
                .relabel_of
                .as_deref()
                .and_then(|of| self.models.iter().find(|m| m.model == of))
            else {
                break;
            };
            current = next;
        }
        current
    }

    /// The CVE ids that concern a model: its own, or, for a relabel that
    /// lists none, those of the model it is.
    pub fn advisories_for<'a>(&'a self, entry: &'a ModelEntry) -> &'a [String] {
        if entry.advisories.is_empty() {
            &self.relabel_root(entry).advisories
        } else {
            &entry.advisories
        }
    }
}

#[cfg(test)]
mod tests;
