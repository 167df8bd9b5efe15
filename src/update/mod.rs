//! Fetching and verifying signed updates of the list of affected models,
//! and choosing the list in use at start: what the app runs. (Reading CSAF
//! advisories is a maintainers' tool, in `crate::maintain`.) No egui here.
//!
//! - [`signature`]: the pinned minisign key and [`Verifier`].
//! - [`list`]: [`ActiveList`] and [`active_list`]: the newest valid one of
//!   {bundled, stored}, re-verified on every load.
//! - [`fetch`]: [`fetch_update`], the only network code in the app, and
//!   [`check_offer`], its decision on the downloaded list and signature.
//! - [`diff`]: [`ListDiff`], "what changed".
//! - [`store`]: the stored list on disk, written atomically.
//! - [`about`]: the list in use seen per source, for "About the advisories".
//!
//! Callers pass the data dir (`crate::datadir`), the feed URL and the
//! verifier; nothing here reads the environment or the clock by itself.

pub(crate) mod about;
pub(crate) mod diff;
pub(crate) mod fetch;
pub(crate) mod list;
pub(crate) mod signature;
pub(crate) mod store;

pub use diff::ListDiff;
pub use fetch::{
    DEFAULT_FEED_URL, Download, FetchOptions, Offer, Progress, UpdateError, UpdateOutcome,
    check_offer, fetch_update,
};
pub use list::{ActiveList, BundledListError, ListOrigin, active_list};
pub use signature::{PINNED_PUBLIC_KEY, SignatureError, Verifier};
pub use store::{MAX_LIST_BYTES, StoredListError, list_path, signature_path};
