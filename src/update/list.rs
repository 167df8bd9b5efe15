//! The list in use: the newest valid one of the bundled list and the signed
//! list stored in the data dir, re-verified every time it is loaded.

use std::path::Path;

use crate::catalog::{BUNDLED_JSON, Catalog, CatalogError};

use super::signature::Verifier;
use super::store;
use super::store::StoredListError;
// `fetch` names the cap through `list`.

/// Where the list in use came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListOrigin {
    /// Built into the app.
    Bundled,
    /// Downloaded by an earlier update and stored in the data dir.
    Stored,
}

/// Why the bundled list could not be used (a build defect: tests keep it
/// from shipping).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the list built into the app is not valid: {0}")]
pub struct BundledListError(pub String);

/// The list of affected models in use, with the exact bytes it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct ActiveList {
    /// The parsed, validated list.
    pub catalog: Catalog,
    /// The list file exactly as published (for `list --raw` and checksums).
    pub raw: String,
    /// Bundled or stored.
    pub origin: ListOrigin,
    /// The `.minisig` text that signs `raw`, for a stored list.
    pub signature: Option<String>,
    /// A stored list that was present but refused, and why.
    pub ignored_stored: Option<StoredListError>,
    /// Set only if the bundled list itself is broken.
    pub bundled_error: Option<BundledListError>,
}

impl ActiveList {
    /// A verified list kept in the data dir, with its signature.
    pub fn stored(catalog: Catalog, raw: String, signature: String) -> Self {
        Self {
            catalog,
            raw,
            origin: ListOrigin::Stored,
            signature: Some(signature),
            ignored_stored: None,
            bundled_error: None,
        }
    }

    /// The list built into the app.
    pub fn bundled() -> Self {
        let (catalog, bundled_error) = match Catalog::try_bundled() {
            Ok(catalog) => (catalog, None),
            // A list without models and version 0: the matcher then answers
            // only "unknown", and any signed update replaces it. Better than
            // a crash; the error is kept for the caller to show.
            Err(e) => (
                Catalog::unavailable(),
                Some(BundledListError(e.to_string())),
            ),
        };
        Self {
            catalog,
            raw: BUNDLED_JSON.to_owned(),
            origin: ListOrigin::Bundled,
            signature: None,
            ignored_stored: None,
            bundled_error,
        }
    }

    /// The list's version number.
    pub fn version(&self) -> u64 {
        self.catalog.version
    }

    /// The list's issue date, `YYYY-MM-DD`.
    pub fn issued(&self) -> &str {
        &self.catalog.issued
    }
}

/// The list to use: the newest valid one of the bundled list and the list
/// stored in `data_dir` (if any), the stored one re-verified with `verifier`.
///
/// Never fails: a bad stored list is ignored and the reason is kept in
/// [`ActiveList::ignored_stored`].
pub fn active_list(data_dir: Option<&Path>, verifier: &Verifier) -> ActiveList {
    let mut bundled = ActiveList::bundled();
    let Some(dir) = data_dir else {
        return bundled;
    };
    match load_stored(dir, verifier) {
        Ok(Some(stored)) if stored.catalog.version > bundled.catalog.version => stored,
        // No stored list; or the app itself was upgraded and its bundled
        // list is newer than the stored one: the bundled one wins, silently.
        Ok(_) => bundled,
        Err(e) => {
            bundled.ignored_stored = Some(e);
            bundled
        }
    }
}

/// Reads and re-verifies the stored list; `Ok(None)` when there is none.
fn load_stored(dir: &Path, verifier: &Verifier) -> Result<Option<ActiveList>, StoredListError> {
    let Some((raw, signature)) = store::read(dir)? else {
        return Ok(None);
    };
    let signature = signature.ok_or(StoredListError::Unsigned)?;
    verifier.verify(raw.as_bytes(), &signature)?;
    let catalog = parse_catalog(&raw).map_err(|e| StoredListError::Invalid(e.to_string()))?;
    Ok(Some(ActiveList::stored(catalog, raw, signature)))
}

/// Parses and validates a list (schema and rules).
pub(crate) fn parse_catalog(raw: &str) -> Result<Catalog, CatalogError> {
    Catalog::from_json(raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::update::diff::tests::catalog;
    use crate::update::signature::SignatureError;
    use crate::update::signature::tests::{keypair, sign};

    /// A list newer than the bundled one, signed with `sk`.
    fn signed_list(sk: &minisign::SecretKey, bump: u64) -> (String, String) {
        let version = ActiveList::bundled().version() + bump;
        let raw = serde_json::to_string_pretty(&catalog(version, &["CMS8000", "CMS6000"])).unwrap();
        let sig = sign(sk, raw.as_bytes());
        (raw, sig)
    }

    #[test]
    fn no_data_dir_or_empty_data_dir_means_bundled() {
        let verifier = Verifier::pinned();
        let list = active_list(None, &verifier);
        assert_eq!(list.origin, ListOrigin::Bundled);
        assert_eq!(list.raw, BUNDLED_JSON);
        let dir = tempfile::tempdir().unwrap();
        let list = active_list(Some(dir.path()), &verifier);
        assert_eq!(list.origin, ListOrigin::Bundled);
        assert_eq!(list.ignored_stored, None);
    }

    #[test]
    fn newer_signed_stored_list_is_used() {
        let (pk, sk) = keypair();
        let verifier = Verifier::new(&pk).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (raw, sig) = signed_list(&sk, 5);
        store::write(dir.path(), &raw, &sig).unwrap();
        let list = active_list(Some(dir.path()), &verifier);
        assert_eq!(list.origin, ListOrigin::Stored);
        assert_eq!(list.raw, raw);
        assert_eq!(list.signature.as_deref(), Some(sig.as_str()));
        assert_eq!(list.version(), ActiveList::bundled().version() + 5);
    }

    #[test]
    fn stored_list_not_newer_than_bundled_is_silently_skipped() {
        let (pk, sk) = keypair();
        let dir = tempfile::tempdir().unwrap();
        let raw =
            serde_json::to_string(&catalog(ActiveList::bundled().version(), &["CMS8000"])).unwrap();
        store::write(dir.path(), &raw, &sign(&sk, raw.as_bytes())).unwrap();
        let list = active_list(Some(dir.path()), &Verifier::new(&pk).unwrap());
        assert_eq!(list.origin, ListOrigin::Bundled);
        assert_eq!(list.ignored_stored, None);
    }

    #[test]
    fn tampered_stored_list_is_ignored_with_a_reason() {
        let (pk, sk) = keypair();
        let verifier = Verifier::new(&pk).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (raw, sig) = signed_list(&sk, 5);
        store::write(dir.path(), &raw.replace("CMS6000", "CMS6001"), &sig).unwrap();
        let list = active_list(Some(dir.path()), &verifier);
        assert_eq!(list.origin, ListOrigin::Bundled);
        assert_eq!(
            list.ignored_stored,
            Some(StoredListError::Signature(SignatureError::Mismatch))
        );
    }

    #[test]
    fn stored_list_signed_by_another_key_is_ignored() {
        let (_, sk) = keypair();
        let dir = tempfile::tempdir().unwrap();
        let (raw, sig) = signed_list(&sk, 5);
        store::write(dir.path(), &raw, &sig).unwrap();
        let list = active_list(Some(dir.path()), &Verifier::pinned());
        assert_eq!(
            list.ignored_stored,
            Some(StoredListError::Signature(SignatureError::WrongKey))
        );
    }

    #[test]
    fn unsigned_or_unparseable_stored_list_is_ignored() {
        let (pk, sk) = keypair();
        let verifier = Verifier::new(&pk).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (raw, _) = signed_list(&sk, 5);
        std::fs::create_dir_all(dir.path().join(store::LIST_DIR)).unwrap();
        std::fs::write(store::list_path(dir.path()), &raw).unwrap();
        let list = active_list(Some(dir.path()), &verifier);
        assert_eq!(list.ignored_stored, Some(StoredListError::Unsigned));

        let junk = "{\"not\": \"a list\"}";
        store::write(dir.path(), junk, &sign(&sk, junk.as_bytes())).unwrap();
        let list = active_list(Some(dir.path()), &verifier);
        assert!(
            matches!(list.ignored_stored, Some(StoredListError::Invalid(_))),
            "{:?}",
            list.ignored_stored
        );
        assert_eq!(list.origin, ListOrigin::Bundled);
    }
}
