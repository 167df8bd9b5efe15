//! The list of affected models: its schema, the copy bundled in the binary,
//! and the checks that keep a list well-formed before anything trusts it.
//!
//! The list is data, not code: a newer signed list (see `crate::update`)
//! replaces the bundled one without a new release of the app.

mod schema;

pub use schema::{
    Advisory, Catalog, CatalogError, Grade, ImporterCode, LookAlike, ModelEntry, Source,
};

/// The list shipped inside the binary, as published (exact bytes).
pub const BUNDLED_JSON: &str = include_str!("../../assets/affected-models.json");
