//! Downloading a newer list: HTTPS, timeouts, a size cap, the signature, the
//! schema and the no-rollback rule, then atomic storage in the data dir.
//!
//! This is the only code in the app that touches the network, and it runs
//! only when the user asks for an update.

use std::io::Read;
use std::ops::ControlFlow;
use std::path::Path;
use std::time::{Duration, Instant};

use url::Url;

use super::diff::ListDiff;
use super::list::{ActiveList, parse_catalog};
use super::signature::{SignatureError, Verifier};
use super::store::MAX_LIST_BYTES;
use super::store::{self, MAX_SIGNATURE_BYTES};
use crate::catalog::CatalogError;

/// Where the maintainers publish the list; its signature is at the same
/// address plus `.minisig`. A setting: `monitor-check update --from URL`
/// and the app's settings override it.
pub const DEFAULT_FEED_URL: &str = "https://monitor-check.github.io/list/affected-models.json";

/// Limits of one update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// How long to wait for a connection to the server.
    pub connect_timeout: Duration,
    /// How long the whole update (list and signature) may take.
    pub total_timeout: Duration,
    /// The largest list accepted, in bytes.
    pub max_bytes: u64,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_bytes: MAX_LIST_BYTES,
        }
    }
}

/// Which file is being downloaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Download {
    /// `affected-models.json`.
    List,
    /// `affected-models.json.minisig`.
    Signature,
}

/// How far an update has got, reported to the caller as it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Connecting to the server for a file.
    Connecting(Download),
    /// Bytes of a file received so far, and the size the server announced.
    Receiving {
        /// Which file.
        file: Download,
        /// Bytes received so far.
        bytes: u64,
        /// Size announced by the server (not trusted for the cap).
        total: Option<u64>,
    },
    /// Checking the signature and the contents.
    Verifying,
    /// Writing the accepted list to the data dir.
    Saving,
}

/// What an update did.
#[derive(Debug, Clone)]
#[expect(
    clippy::large_enum_variant,
    reason = "made once per user-requested update, never stored in bulk"
)]
pub enum UpdateOutcome {
    /// A newer list was accepted, stored and is now the list in use.
    Updated {
        /// The new list in use.
        list: ActiveList,
        /// What changed from the list that was in use.
        diff: ListDiff,
    },
    /// The server offers exactly the list already in use.
    UpToDate {
        /// Its version.
        version: u64,
        /// Its issue date, `YYYY-MM-DD`.
        issued: String,
    },
}

/// Why an update was refused; the list in use is kept in every case.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UpdateError {
    /// The address is not a URL.
    #[error("the list address is not a valid URL: {0}")]
    BadUrl(String),
    /// The address is not HTTPS (plain HTTP is allowed on this machine only).
    #[error("the list address must start with https://")]
    InsecureUrl,
    /// The server could not be reached.
    #[error("could not reach the list server: {0}")]
    Network(String),
    /// The server did not answer, or not completely, in time.
    #[error("the list server did not answer in time")]
    Timeout,
    /// The server answered with an HTTP error.
    #[error("the list server answered HTTP {status} for the {what}")]
    HttpStatus {
        /// The HTTP status code, e.g. 404.
        status: u16,
        /// `list` or `signature`.
        what: &'static str,
    },
    /// The list is larger than the cap.
    #[error("the list is larger than the {max_bytes} bytes allowed")]
    TooLarge {
        /// The cap, in bytes.
        max_bytes: u64,
    },
    /// There is no `.minisig` beside the list.
    #[error("the list is not signed: the server has no signature for it")]
    Unsigned,
    /// The `.minisig` is not a minisign signature.
    #[error("the signature file is not a readable minisign signature")]
    MalformedSignature,
    /// The signature does not match the list.
    #[error("the list does not match its signature: it was changed after signing")]
    BadSignature,
    /// The list was signed, but not with the key this app trusts.
    #[error("the list was signed with a key this app does not trust")]
    WrongKey,
    /// The signed bytes are not a list.
    #[error("the list cannot be read: {0}")]
    Unparseable(String),
    /// The list parses but breaks a rule of the schema.
    #[error("the list failed its checks: {0}")]
    SchemaInvalid(String),
    /// The list offered is older than the one in use.
    #[error(
        "the list offered (version {offered}) is older than the one in use (version {current})"
    )]
    Rollback {
        /// Version offered by the server.
        offered: u64,
        /// Version in use.
        current: u64,
    },
    /// Same version as the list in use, but other contents.
    #[error(
        "the list offered has the same version ({version}) as the one in use but other contents"
    )]
    SameVersion {
        /// The version both claim.
        version: u64,
    },
    /// The accepted list could not be written to the data dir.
    #[error("the new list could not be saved: {0}")]
    Storage(String),
    /// The caller cancelled.
    #[error("the update was cancelled")]
    Cancelled,
}

/// Fetches the list at `url` and its signature at `url` + `.minisig`,
/// checks them, and if the list is newer than `current`, stores it in
/// `data_dir` and returns it as the new list in use.
///
/// `progress` is called as the update goes; returning
/// `ControlFlow::Break(())` cancels it (nothing is stored).
pub fn fetch_update(
    url: &str,
    current: &ActiveList,
    verifier: &Verifier,
    data_dir: &Path,
    options: &FetchOptions,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<UpdateOutcome, UpdateError> {
    log::info!(
        "checking {url} for a newer list than version {} of {}",
        current.catalog.version,
        current.catalog.issued
    );
    let result = fetch_and_store(url, current, verifier, data_dir, options, progress);
    match &result {
        Ok(UpdateOutcome::UpToDate { version, issued }) => {
            log::info!("the list is up to date: version {version} of {issued}");
        }
        Ok(UpdateOutcome::Updated { diff, .. }) => log::info!(
            "list updated: version {} of {} -> version {} of {}",
            diff.old_version,
            diff.old_issued,
            diff.new_version,
            diff.new_issued
        ),
        Err(e) => {
            // A storage error names the data folder, which holds the
            // user's name.
            let said = e
                .to_string()
                .replace(&*data_dir.to_string_lossy(), "<data folder>");
            log::warn!("list update refused: {said}");
        }
    }
    result
}

/// [`fetch_update`], without its log.
fn fetch_and_store(
    url: &str,
    current: &ActiveList,
    verifier: &Verifier,
    data_dir: &Path,
    options: &FetchOptions,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<UpdateOutcome, UpdateError> {
    let list_url = checked_url(url)?;
    let mut sig_url = list_url.clone();
    sig_url.set_path(&format!("{}.minisig", list_url.path()));
    let deadline = Instant::now() + options.total_timeout;
    let agent = agent(&list_url, options);

    let body = download(
        &agent,
        &list_url,
        Download::List,
        deadline,
        options.max_bytes,
        progress,
    )?;
    let signature = match download(
        &agent,
        &sig_url,
        Download::Signature,
        deadline,
        MAX_SIGNATURE_BYTES,
        progress,
    ) {
        Ok(s) => s,
        Err(UpdateError::HttpStatus {
            status: 404 | 410, ..
        }) => return Err(UpdateError::Unsigned),
        Err(UpdateError::TooLarge { .. }) => return Err(UpdateError::MalformedSignature),
        Err(e) => return Err(e),
    };

    step(progress, Progress::Verifying)?;
    let list = match check_offer(body, signature, current, verifier)? {
        Offer::Newer(list) => list,
        Offer::UpToDate { version, issued } => {
            return Ok(UpdateOutcome::UpToDate { version, issued });
        }
    };

    step(progress, Progress::Saving)?;
    let signature = list.signature.as_deref().unwrap_or_default();
    store::write(data_dir, &list.raw, signature)
        .map_err(|e| UpdateError::Storage(e.to_string()))?;
    let diff = ListDiff::between(&current.catalog, &list.catalog);
    Ok(UpdateOutcome::Updated { list, diff })
}

/// What a downloaded list is worth once [`check_offer`] has accepted it.
#[derive(Debug, Clone)]
#[expect(
    clippy::large_enum_variant,
    reason = "made once per user-requested update, never stored in bulk"
)]
pub enum Offer {
    /// A newer list, verified and valid, not yet stored.
    Newer(ActiveList),
    /// Exactly the list already in use.
    UpToDate {
        /// Its version.
        version: u64,
        /// Its issue date, `YYYY-MM-DD`.
        issued: String,
    },
}

/// Decides on a downloaded list (`body`) and its `.minisig` (`signature`),
/// as [`fetch_update`] does before storing anything: the signature by
/// `verifier`'s key on the raw bytes first, then the schema and the rules,
/// then no rollback and no other contents under the version of `current`.
/// Kept apart from the download so that it can be tested and fuzzed
/// without a network.
pub fn check_offer(
    body: Vec<u8>,
    signature: Vec<u8>,
    current: &ActiveList,
    verifier: &Verifier,
) -> Result<Offer, UpdateError> {
    let signature = String::from_utf8(signature).map_err(|_| UpdateError::MalformedSignature)?;
    // The signature is checked on the raw bytes before anything reads them.
    verifier.verify(&body, &signature).map_err(|e| match e {
        SignatureError::WrongKey => UpdateError::WrongKey,
        SignatureError::Mismatch => UpdateError::BadSignature,
        SignatureError::Malformed | SignatureError::Unsupported | SignatureError::BadKey => {
            UpdateError::MalformedSignature
        }
    })?;
    let raw = String::from_utf8(body)
        .map_err(|_| UpdateError::Unparseable("the list is not UTF-8 text".to_owned()))?;
    let catalog = parse_catalog(&raw).map_err(|e| match e {
        CatalogError::Parse { .. } => UpdateError::Unparseable(e.to_string()),
        // Every other catalog error is a broken rule (with or without a line).
        _ => UpdateError::SchemaInvalid(e.to_string()),
    })?;

    let (offered, in_use) = (catalog.version, current.catalog.version);
    if offered < in_use {
        return Err(UpdateError::Rollback {
            offered,
            current: in_use,
        });
    }
    if offered == in_use {
        return if raw == current.raw {
            Ok(Offer::UpToDate {
                version: offered,
                issued: catalog.issued,
            })
        } else {
            Err(UpdateError::SameVersion { version: offered })
        };
    }
    Ok(Offer::Newer(ActiveList::stored(catalog, raw, signature)))
}

fn step(
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
    p: Progress,
) -> Result<(), UpdateError> {
    match progress(p) {
        ControlFlow::Continue(()) => Ok(()),
        ControlFlow::Break(()) => Err(UpdateError::Cancelled),
    }
}

/// Parses `url` and allows HTTPS anywhere, plain HTTP only to this machine
/// (local test servers).
fn checked_url(url: &str) -> Result<Url, UpdateError> {
    let parsed = Url::parse(url.trim()).map_err(|e| UpdateError::BadUrl(e.to_string()))?;
    match parsed.scheme() {
        "https" => Ok(parsed),
        "http" if is_loopback(&parsed) => Ok(parsed),
        "http" => Err(UpdateError::InsecureUrl),
        other => Err(UpdateError::BadUrl(format!("unsupported scheme {other}"))),
    }
}

fn is_loopback(url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// One agent for both downloads. Settings that keep an update bounded and
/// private live here; the per-request time budget is set in [`download`].
fn agent(url: &Url, options: &FetchOptions) -> ureq::Agent {
    let mut config = ureq::Agent::config_builder()
        .timeout_connect(Some(options.connect_timeout))
        .timeout_global(Some(options.total_timeout))
        .max_redirects(MAX_REDIRECTS)
        // Error statuses are answers, mapped to `HttpStatus` by `download`.
        .http_status_as_error(false)
        .user_agent(concat!("monitor-check/", env!("CARGO_PKG_VERSION")));
    if url.scheme() == "https" {
        // Checked on every hop, so a redirect cannot downgrade to plain HTTP.
        config = config.https_only(true);
    } else {
        // Local test servers: a proxy from the environment must not see them.
        config = config.proxy(None);
    }
    config.build().new_agent()
}

/// How many redirects one download follows before giving up.
const MAX_REDIRECTS: u32 = 5;

/// GETs `url` into memory, never holding more than `max_bytes + 1` bytes
/// whatever the server announces, and giving up at `deadline`.
fn download(
    agent: &ureq::Agent,
    url: &Url,
    file: Download,
    deadline: Instant,
    max_bytes: u64,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<Vec<u8>, UpdateError> {
    step(progress, Progress::Connecting(file))?;
    let remaining = deadline
        .checked_duration_since(Instant::now())
        .filter(|d| !d.is_zero())
        .ok_or(UpdateError::Timeout)?;
    let response = agent
        .get(url.as_str())
        .config()
        // What is left of the whole update's budget, body included.
        .timeout_global(Some(remaining))
        .build()
        .call()
        .map_err(transport_error)?;
    let status = response.status();
    if !status.is_success() {
        return Err(UpdateError::HttpStatus {
            status: status.as_u16(),
            what: match file {
                Download::List => "list",
                Download::Signature => "signature",
            },
        });
    }
    let total = response.body().content_length();
    // An honest oversize announcement is refused before reading; a lying or
    // missing one is caught by the count below.
    if total.is_some_and(|n| n > max_bytes) {
        return Err(UpdateError::TooLarge { max_bytes });
    }
    let mut reader = response.into_body().into_reader();
    let mut body = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        if Instant::now() >= deadline {
            return Err(UpdateError::Timeout);
        }
        // Read no further than one byte past the cap, so an endless body is
        // refused holding at most `max_bytes + 1` bytes.
        let received = u64::try_from(body.len()).unwrap_or(u64::MAX);
        let room = usize::try_from(max_bytes.saturating_add(1).saturating_sub(received))
            .unwrap_or(usize::MAX);
        let Some(buf) = chunk.get_mut(..room.min(16 * 1024)) else {
            break;
        };
        let n = match reader.read(buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(transport_error(ureq::Error::from(e))),
        };
        let Some(bytes) = buf.get(..n) else {
            break;
        };
        body.extend_from_slice(bytes);
        let received = u64::try_from(body.len()).unwrap_or(u64::MAX);
        if received > max_bytes {
            return Err(UpdateError::TooLarge { max_bytes });
        }
        step(
            progress,
            Progress::Receiving {
                file,
                bytes: received,
                total,
            },
        )?;
    }
    Ok(body)
}

/// Maps a failed request or body read to the reason shown to the user.
fn transport_error(e: ureq::Error) -> UpdateError {
    match e {
        ureq::Error::Timeout(_) => UpdateError::Timeout,
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => UpdateError::Timeout,
        // ureq's own text ("io: …") is terse; the OS error and its causes
        // read better.
        ureq::Error::Io(e) => UpdateError::Network(error_chain(&e)),
        ureq::Error::TooManyRedirects => {
            UpdateError::Network(format!("more than {MAX_REDIRECTS} redirects"))
        }
        ureq::Error::RequireHttpsOnly(to) => UpdateError::Network(format!(
            "redirected from https to a plain http address: {to}"
        )),
        ureq::Error::Rustls(e) => {
            UpdateError::Network(format!("the secure connection failed: {e}"))
        }
        other => UpdateError::Network(error_chain(&other)),
    }
}

/// The error and its causes on one line ("a: b: c"), since an error's own
/// message alone often says little.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let part = s.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        source = s.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_or_local_http() {
        assert!(checked_url("https://example.org/list.json").is_ok());
        assert!(checked_url("http://127.0.0.1:8080/a.json").is_ok());
        assert!(checked_url("http://localhost/a.json").is_ok());
        assert!(checked_url("http://[::1]:9/a.json").is_ok());
        assert_eq!(
            checked_url("http://example.org/a.json").err(),
            Some(UpdateError::InsecureUrl)
        );
        assert!(matches!(
            checked_url("ftp://example.org/a.json"),
            Err(UpdateError::BadUrl(_))
        ));
        assert!(matches!(
            checked_url("not a url"),
            Err(UpdateError::BadUrl(_))
        ));
    }

    #[test]
    fn default_feed_is_https_json() {
        let url = checked_url(DEFAULT_FEED_URL).unwrap();
        assert_eq!(url.scheme(), "https");
        assert!(url.path().ends_with("/affected-models.json"));
    }

    #[test]
    fn an_https_update_never_makes_a_plain_http_request() {
        // ureq checks every hop against `https_only`, redirects included,
        // before connecting; a local server cannot serve trusted TLS, so the
        // agent is checked directly.
        let url = checked_url("https://h.example/affected-models.json").unwrap();
        let agent = agent(&url, &FetchOptions::default());
        let err = agent.get("http://127.0.0.1:9/a.json").call().unwrap_err();
        assert!(matches!(err, ureq::Error::RequireHttpsOnly(_)), "{err}");
        let UpdateError::Network(reason) = transport_error(err) else {
            panic!("expected a network error");
        };
        assert!(reason.contains("plain http"), "{reason}");
    }

    #[test]
    fn timeouts_read_as_timeouts() {
        let timeout = ureq::Error::Timeout(ureq::Timeout::Global);
        assert_eq!(transport_error(timeout), UpdateError::Timeout);
        // As a body read reports it: wrapped in an io::Error.
        let wrapped = ureq::Error::Timeout(ureq::Timeout::RecvBody).into_io();
        assert_eq!(
            transport_error(ureq::Error::from(wrapped)),
            UpdateError::Timeout
        );
        let os = std::io::Error::from(std::io::ErrorKind::TimedOut);
        assert_eq!(transport_error(ureq::Error::from(os)), UpdateError::Timeout);
    }

    #[test]
    fn signature_url_keeps_the_query() {
        let url = checked_url("https://h.example/a/affected-models.json?x=1").unwrap();
        let mut sig = url.clone();
        sig.set_path(&format!("{}.minisig", url.path()));
        assert_eq!(
            sig.as_str(),
            "https://h.example/a/affected-models.json.minisig?x=1"
        );
    }
}
