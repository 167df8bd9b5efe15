//! Fetching and verifying signed updates of the list of affected models,
//! and choosing the list in use at start: what the app runs. (Reading CSAF
//! advisories is a maintainers' tool, in `crate::maintain`.) No egui here.
//!
//! - [`signature`]: the pinned minisign key and [`Verifier`].
//! - [`list`]: [`ActiveList`] and [`active_list`]: the newest valid one of
//!   {bundled, stored}, re-verified on every load.
//! - [`fetch`]: [`fetch_update`], the only network code in the app.
//! - [`diff`]: [`ListDiff`], "what changed".
//! - [`store`]: the stored list on disk, written atomically.
//! - [`about`]: the list in use seen per source, for "About the advisories".
//!
//! Callers pass the data dir, the feed URL and the verifier; nothing here
//! reads the environment or the clock by itself except the explicit
//! [`default_data_dir`] helper.

use std::path::PathBuf;

pub(crate) mod about;
pub(crate) mod diff;
pub(crate) mod fetch;
pub(crate) mod list;
pub(crate) mod signature;
pub(crate) mod store;

pub use diff::ListDiff;
pub use fetch::{
    DEFAULT_FEED_URL, Download, FetchOptions, Progress, UpdateError, UpdateOutcome, fetch_update,
};
pub use list::{
    ActiveList, BundledListError, ListOrigin, MAX_LIST_BYTES, StoredListError, active_list,
};
pub use signature::{PINNED_PUBLIC_KEY, SignatureError, Verifier};
pub use store::{list_path, signature_path};

/// The app's data dir on this machine: `$XDG_DATA_HOME/monitor-check` (or
/// `~/.local/share/monitor-check`) on Linux, the platform's equivalent
/// elsewhere; `None` when the system has no home folder.
///
/// This is the one place that decides it; callers pass the result on.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "Monitor Check", "monitor-check")
        .map(|dirs| dirs.data_dir().to_path_buf())
}
