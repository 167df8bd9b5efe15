//! List updates against a real HTTP server on 127.0.0.1 that each test
//! starts itself: what is accepted, what is refused and why, and that a
//! refused update always leaves the list in use as it was.
//!
//! Tests sign with throwaway minisign keys and drive the library directly
//! (the CLI always uses the pinned key); the CLI tests at the end check the
//! refusal paths and exit codes of the real binary.
#![expect(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions (server, keys) may panic in a test"
)]

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::ops::ControlFlow;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use monitor_check::catalog::{Advisory, Catalog, Grade, ModelEntry, Source};
use monitor_check::identify::{VerdictKind, identify_text};
use monitor_check::update::{
    ActiveList, FetchOptions, ListOrigin, Progress, SignatureError, StoredListError, UpdateError,
    UpdateOutcome, Verifier, active_list, fetch_update, list_path, signature_path,
};

// ---------------------------------------------------------------------------
// A tiny HTTP/1.1 server: one connection at a time, `Connection: close`,
// bounded in time, stopped on drop.

#[derive(Clone)]
enum Reply {
    /// 200 with an honest Content-Length.
    Body(Vec<u8>),
    /// Just a status line, e.g. 404.
    Status(u16),
    /// 200 without Content-Length: the body ends when the socket closes.
    Unframed(Vec<u8>),
    /// 200, chunked.
    Chunked(Vec<u8>),
    /// 200 whose Content-Length claims `claimed` bytes but sends `body`.
    Lying { claimed: usize, body: Vec<u8> },
    /// Reads the request and never answers.
    Silent,
    /// 302 to another path on the same server.
    Redirect(&'static str),
    /// 200 with an honest Content-Length, then one byte every `every`.
    Drip { body: Vec<u8>, every: Duration },
}

struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    hits: Arc<Mutex<Vec<String>>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    fn start(routes: Vec<(&str, Reply)>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let hits = Arc::new(Mutex::new(Vec::new()));
        let routes: Vec<(String, Reply)> =
            routes.into_iter().map(|(p, r)| (p.to_owned(), r)).collect();
        let (stop2, hits2) = (Arc::clone(&stop), Arc::clone(&hits));
        let thread = std::thread::Builder::new()
            .name("test-http-server".to_owned())
            .spawn(move || serve(&listener, &routes, &stop2, &hits2))
            .unwrap();
        Self {
            addr,
            stop,
            hits,
            thread: Some(thread),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn hits(&self) -> Vec<String> {
        self.hits.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(
    listener: &TcpListener,
    routes: &[(String, Reply)],
    stop: &AtomicBool,
    hits: &Mutex<Vec<String>>,
) {
    // Never outlive a test by much, even if it forgets to stop us.
    let give_up = Instant::now() + Duration::from_mins(1);
    let mut held = Vec::new();
    while !stop.load(Ordering::SeqCst) && Instant::now() < give_up {
        let Ok((mut stream, _)) = listener.accept() else {
            std::thread::sleep(Duration::from_millis(5));
            continue;
        };
        let _ = stream.set_nonblocking(false);
        let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
        let _ = stream.set_write_timeout(Some(Duration::from_secs(5)));
        let Some(path) = read_request_path(&mut stream) else {
            continue;
        };
        hits.lock().unwrap().push(path.clone());
        let reply = routes
            .iter()
            .find(|(p, _)| *p == path)
            .map_or(Reply::Status(404), |(_, r)| r.clone());
        if matches!(reply, Reply::Silent) {
            held.push(stream);
            continue;
        }
        let _ = respond(&mut stream, &reply);
    }
}

fn read_request_path(stream: &mut TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 16 * 1024 {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return None,
        }
    }
    let text = String::from_utf8_lossy(&head);
    text.lines()
        .next()?
        .split_whitespace()
        .nth(1)
        .map(str::to_owned)
}

fn respond(stream: &mut TcpStream, reply: &Reply) -> std::io::Result<()> {
    const OK: &str = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n";
    match reply {
        Reply::Body(body) => {
            write!(stream, "{OK}Content-Length: {}\r\n\r\n", body.len())?;
            stream.write_all(body)
        }
        Reply::Status(code) => write!(
            stream,
            "HTTP/1.1 {code} Nope\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
        ),
        Reply::Unframed(body) => {
            write!(stream, "{OK}\r\n")?;
            stream.write_all(body)
        }
        Reply::Chunked(body) => {
            write!(stream, "{OK}Transfer-Encoding: chunked\r\n\r\n")?;
            for chunk in body.chunks(64 * 1024) {
                write!(stream, "{:x}\r\n", chunk.len())?;
                stream.write_all(chunk)?;
                stream.write_all(b"\r\n")?;
            }
            stream.write_all(b"0\r\n\r\n")
        }
        Reply::Lying { claimed, body } => {
            write!(stream, "{OK}Content-Length: {claimed}\r\n\r\n")?;
            stream.write_all(body)
        }
        Reply::Silent => Ok(()),
        Reply::Redirect(to) => write!(
            stream,
            "HTTP/1.1 302 Found\r\nLocation: {to}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
        ),
        Reply::Drip { body, every } => {
            write!(stream, "{OK}Content-Length: {}\r\n\r\n", body.len())?;
            // Ends early (write error) once the client has given up.
            for byte in body {
                stream.write_all(&[*byte])?;
                stream.flush()?;
                std::thread::sleep(*every);
            }
            Ok(())
        }
    }
}

// ---------------------------------------------------------------------------
// Lists and keys

struct Keys {
    public: String,
    secret: minisign::SecretKey,
}

impl Keys {
    fn new() -> Self {
        let minisign::KeyPair { pk, sk } =
            minisign::KeyPair::generate_unencrypted_keypair().unwrap();
        Self {
            public: pk.to_box().unwrap().to_string(),
            secret: sk,
        }
    }

    fn verifier(&self) -> Verifier {
        Verifier::new(&self.public).unwrap()
    }

    fn sign(&self, data: &[u8]) -> Vec<u8> {
        minisign::sign(
            None,
            &self.secret,
            std::io::Cursor::new(data),
            Some("file:affected-models.json"),
            None,
        )
        .unwrap()
        .into_string()
        .into_bytes()
    }
}

fn bundled_version() -> u64 {
    ActiveList::bundled().version()
}

fn model(name: &str) -> ModelEntry {
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
        advisories: vec!["CVE-2025-0626".to_owned()],
        sources: vec!["test-source".to_owned()],
    }
}

/// A list `bump` versions above the bundled one, naming `models`.
fn list(bump: u64, models: &[&str]) -> String {
    let catalog = Catalog {
        schema: 1,
        version: bundled_version() + bump,
        issued: "2099-03-03".to_owned(),
        sources: vec![Source {
            id: "test-source".to_owned(),
            publisher: "Test CERT".to_owned(),
            title: "A test advisory".to_owned(),
            date: "2099-01-30".to_owned(),
            updated: None,
            url: "https://example.invalid/advisory".to_owned(),
            grade: Grade::Primary,
        }],
        advisories: vec![Advisory {
            cve: "CVE-2025-0626".to_owned(),
            cwe: "CWE-912".to_owned(),
            summary: "a hidden function mounts a remote share".to_owned(),
            cvss_v3: 7.5,
            cvss_v4: Some(7.7),
            firmware: vec!["all".to_owned()],
            sources: vec!["test-source".to_owned()],
        }],
        models: models.iter().map(|m| model(m)).collect(),
        not_affected: Vec::new(),
    };
    serde_json::to_string_pretty(&catalog).unwrap()
}

fn fast() -> FetchOptions {
    FetchOptions {
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(3),
        ..FetchOptions::default()
    }
}

fn go(
    url: &str,
    current: &ActiveList,
    keys: &Keys,
    dir: &Path,
) -> Result<UpdateOutcome, UpdateError> {
    fetch_update(url, current, &keys.verifier(), dir, &fast(), &mut |_| {
        ControlFlow::Continue(())
    })
}

/// Serves `body` and `sig` at the usual paths.
fn feed(body: Vec<u8>, sig: Vec<u8>) -> Server {
    Server::start(vec![
        ("/affected-models.json", Reply::Body(body)),
        ("/affected-models.json.minisig", Reply::Body(sig)),
    ])
}

/// Asserts an update is refused with `expected`, and that the list in use
/// and the data dir are exactly as before.
fn assert_refused(
    result: Result<UpdateOutcome, UpdateError>,
    expected: &UpdateError,
    before: &ActiveList,
    keys: &Keys,
    dir: &Path,
) {
    match result {
        Err(e) => assert_eq!(&e, expected, "refused for another reason: {e}"),
        Ok(o) => panic!("expected a refusal ({expected}), got {o:?}"),
    }
    let after = active_list(Some(dir), &keys.verifier());
    assert_eq!(after.raw, before.raw, "the list in use changed");
    assert_eq!(after.origin, before.origin);
    assert_eq!(after.ignored_stored, None);
}

const MIB: usize = 1024 * 1024;

// ---------------------------------------------------------------------------
// Accepted

#[test]
fn valid_update_is_accepted_stored_and_used_from_then_on() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let current = active_list(Some(dir.path()), &keys.verifier());
    assert_eq!(current.origin, ListOrigin::Bundled);

    let body = list(3, &["CMS8000", "ZX4100", "ZX4200"]);
    let server = feed(body.clone().into_bytes(), keys.sign(body.as_bytes()));
    let mut seen = Vec::new();
    let outcome = fetch_update(
        &server.url("/affected-models.json"),
        &current,
        &keys.verifier(),
        dir.path(),
        &fast(),
        &mut |p| {
            seen.push(p);
            ControlFlow::Continue(())
        },
    )
    .unwrap();
    let UpdateOutcome::Updated { list: new, diff } = outcome else {
        panic!("expected Updated, got {outcome:?}");
    };
    assert_eq!(new.origin, ListOrigin::Stored);
    assert_eq!(new.raw, body);
    assert_eq!(diff.old_version, current.version());
    assert_eq!(diff.new_version, bundled_version() + 3);
    assert_eq!(diff.new_issued, "2099-03-03");
    let added: Vec<_> = diff.models_added.iter().map(|m| m.model.as_str()).collect();
    assert_eq!(added, ["ZX4100", "ZX4200"]);
    assert!(diff.sources_added.iter().any(|s| s.id == "test-source"));
    assert_eq!(
        server.hits(),
        ["/affected-models.json", "/affected-models.json.minisig"]
    );
    assert!(matches!(seen.first(), Some(Progress::Connecting(_))));
    assert!(seen.contains(&Progress::Verifying));
    assert_eq!(seen.last(), Some(&Progress::Saving));

    // Stored exactly as published, and from now on the list in use.
    assert_eq!(
        std::fs::read_to_string(list_path(dir.path())).unwrap(),
        body
    );
    let reloaded = active_list(Some(dir.path()), &keys.verifier());
    assert_eq!(reloaded.origin, ListOrigin::Stored);
    assert_eq!(reloaded.raw, body);
    assert!(reloaded.catalog.model("zx 4100").is_some());
    // Identification uses the list in use: a model only the new list names
    // is now found affected.
    let before = identify_text(&current.catalog, "ZX4100").unwrap();
    assert_ne!(before.verdict, VerdictKind::Affected);
    let after = identify_text(&reloaded.catalog, "ZX4100").unwrap();
    assert_eq!(after.verdict, VerdictKind::Affected);
    assert_eq!(after.model.as_deref(), Some("ZX4100"));

    // The same list again: up to date, and still exit-0 material.
    let again = go(
        &server.url("/affected-models.json"),
        &reloaded,
        &keys,
        dir.path(),
    )
    .unwrap();
    assert!(
        matches!(again, UpdateOutcome::UpToDate { version, .. } if version == bundled_version() + 3)
    );
}

// ---------------------------------------------------------------------------
// Refused

#[test]
fn tampered_body_is_refused() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let before = active_list(Some(dir.path()), &keys.verifier());
    let body = list(1, &["CMS8000"]);
    let sig = keys.sign(body.as_bytes());
    // An attacker drops the model from the list after signing.
    let server = feed(list(1, &[]).into_bytes(), sig);
    let r = go(
        &server.url("/affected-models.json"),
        &before,
        &keys,
        dir.path(),
    );
    assert_refused(r, &UpdateError::BadSignature, &before, &keys, dir.path());
    assert!(!list_path(dir.path()).exists());
}

#[test]
fn tampered_signature_is_refused() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let before = active_list(Some(dir.path()), &keys.verifier());
    let body = list(1, &["CMS8000"]);
    let sig = String::from_utf8(keys.sign(body.as_bytes())).unwrap();
    // Change one base64 character well inside the signature bytes (after
    // the algorithm and key id).
    let mut lines: Vec<String> = sig.lines().map(str::to_owned).collect();
    let mut chars: Vec<char> = lines[1].chars().collect();
    chars[60] = if chars[60] == 'A' { 'B' } else { 'A' };
    lines[1] = chars.into_iter().collect();
    let server = feed(body.into_bytes(), lines.join("\n").into_bytes());
    let r = go(
        &server.url("/affected-models.json"),
        &before,
        &keys,
        dir.path(),
    );
    assert_refused(r, &UpdateError::BadSignature, &before, &keys, dir.path());
}

#[test]
fn garbage_signature_is_refused_as_malformed() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let before = active_list(Some(dir.path()), &keys.verifier());
    let server = feed(
        list(1, &[]).into_bytes(),
        b"<html>not found</html>".to_vec(),
    );
    let r = go(
        &server.url("/affected-models.json"),
        &before,
        &keys,
        dir.path(),
    );
    assert_refused(
        r,
        &UpdateError::MalformedSignature,
        &before,
        &keys,
        dir.path(),
    );
}

#[test]
fn list_signed_with_another_key_is_refused() {
    let keys = Keys::new();
    let attacker = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let before = active_list(Some(dir.path()), &keys.verifier());
    let body = list(1, &[]);
    let server = feed(body.clone().into_bytes(), attacker.sign(body.as_bytes()));
    let r = go(
        &server.url("/affected-models.json"),
        &before,
        &keys,
        dir.path(),
    );
    assert_refused(r, &UpdateError::WrongKey, &before, &keys, dir.path());
}

#[test]
fn older_and_equal_versions_are_refused() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let first = active_list(Some(dir.path()), &keys.verifier());
    let v5 = list(5, &["CMS8000", "CMS6000"]);
    let server = feed(v5.clone().into_bytes(), keys.sign(v5.as_bytes()));
    go(
        &server.url("/affected-models.json"),
        &first,
        &keys,
        dir.path(),
    )
    .unwrap();
    drop(server);
    let before = active_list(Some(dir.path()), &keys.verifier());
    assert_eq!(before.version(), bundled_version() + 5);

    // A genuine, signed, but older list: no rollback.
    let v3 = list(3, &["CMS8000"]);
    let server = feed(v3.clone().into_bytes(), keys.sign(v3.as_bytes()));
    let r = go(
        &server.url("/affected-models.json"),
        &before,
        &keys,
        dir.path(),
    );
    let expected = UpdateError::Rollback {
        offered: bundled_version() + 3,
        current: bundled_version() + 5,
    };
    assert_refused(r, &expected, &before, &keys, dir.path());
    drop(server);

    // Same version number, other contents.
    let other_v5 = list(5, &["CMS8000"]);
    let server = feed(
        other_v5.clone().into_bytes(),
        keys.sign(other_v5.as_bytes()),
    );
    let r = go(
        &server.url("/affected-models.json"),
        &before,
        &keys,
        dir.path(),
    );
    let expected = UpdateError::SameVersion {
        version: bundled_version() + 5,
    };
    assert_refused(r, &expected, &before, &keys, dir.path());
}

#[test]
fn oversized_bodies_are_refused_however_they_are_framed() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let before = active_list(Some(dir.path()), &keys.verifier());
    let big = vec![b' '; 2 * MIB];
    let too_large = UpdateError::TooLarge {
        max_bytes: 1024 * 1024,
    };
    for reply in [
        Reply::Body(big.clone()),
        Reply::Unframed(big.clone()),
        Reply::Chunked(big.clone()),
    ] {
        let server = Server::start(vec![("/affected-models.json", reply)]);
        let r = go(
            &server.url("/affected-models.json"),
            &before,
            &keys,
            dir.path(),
        );
        assert_refused(r, &too_large, &before, &keys, dir.path());
        // Refused before the signature was even asked for.
        assert_eq!(server.hits(), ["/affected-models.json"]);
    }
}

#[test]
fn lying_content_length_is_not_trusted() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let before = active_list(Some(dir.path()), &keys.verifier());
    // The server claims a small list, then sends 2 MiB: only the claimed
    // bytes are read as the body, and they are not what was signed.
    let body = list(1, &["CMS8000"]);
    let mut sent = body.clone().into_bytes();
    sent.resize(2 * MIB, b' ');
    let server = Server::start(vec![
        (
            "/affected-models.json",
            Reply::Lying {
                claimed: 100,
                body: sent,
            },
        ),
        (
            "/affected-models.json.minisig",
            Reply::Body(keys.sign(body.as_bytes())),
        ),
    ]);
    let r = go(
        &server.url("/affected-models.json"),
        &before,
        &keys,
        dir.path(),
    );
    assert_refused(r, &UpdateError::BadSignature, &before, &keys, dir.path());
}

/// Runs an update from `server` with a 1 s connect timeout and a total
/// deadline of `total_secs`, and checks that it ends in `Timeout` well
/// before 5 s, with the list in use kept.
fn assert_times_out(server: &Server, total_secs: u64) {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let before = active_list(Some(dir.path()), &keys.verifier());
    let options = FetchOptions {
        connect_timeout: Duration::from_secs(1),
        total_timeout: Duration::from_secs(total_secs),
        ..FetchOptions::default()
    };
    let started = Instant::now();
    let r = fetch_update(
        &server.url("/affected-models.json"),
        &before,
        &keys.verifier(),
        dir.path(),
        &options,
        &mut |_| ControlFlow::Continue(()),
    );
    let took = started.elapsed();
    assert!(took < Duration::from_secs(5), "took {took:?}");
    assert_refused(r, &UpdateError::Timeout, &before, &keys, dir.path());
}

#[test]
fn server_that_never_answers_times_out_quickly() {
    let server = Server::start(vec![("/affected-models.json", Reply::Silent)]);
    assert_times_out(&server, 1);
}

#[test]
fn server_that_drips_is_cut_off_at_the_total_deadline() {
    // Always some progress, so only the total deadline can stop it.
    let server = Server::start(vec![(
        "/affected-models.json",
        Reply::Drip {
            body: vec![b' '; 200],
            every: Duration::from_millis(50),
        },
    )]);
    assert_times_out(&server, 1);
}

#[test]
fn the_deadline_covers_the_signature_too() {
    let server = Server::start(vec![
        (
            "/affected-models.json",
            Reply::Body(list(1, &["CMS8000"]).into_bytes()),
        ),
        ("/affected-models.json.minisig", Reply::Silent),
    ]);
    assert_times_out(&server, 2);
}

#[test]
fn up_to_five_redirects_are_followed() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let before = active_list(Some(dir.path()), &keys.verifier());
    let body = list(1, &["CMS8000"]);
    let server = Server::start(vec![
        ("/affected-models.json", Reply::Redirect("/r1")),
        ("/r1", Reply::Redirect("/r2")),
        ("/r2", Reply::Redirect("/r3")),
        ("/r3", Reply::Redirect("/r4")),
        ("/r4", Reply::Redirect("/list.json")),
        ("/list.json", Reply::Body(body.clone().into_bytes())),
        (
            "/affected-models.json.minisig",
            Reply::Body(keys.sign(body.as_bytes())),
        ),
    ]);
    let r = go(
        &server.url("/affected-models.json"),
        &before,
        &keys,
        dir.path(),
    );
    assert!(matches!(r, Ok(UpdateOutcome::Updated { .. })), "{r:?}");
    assert_eq!(server.hits().len(), 7);
}

#[test]
fn a_sixth_redirect_is_refused() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let before = active_list(Some(dir.path()), &keys.verifier());
    let body = list(1, &["CMS8000"]);
    let server = Server::start(vec![
        ("/affected-models.json", Reply::Redirect("/r1")),
        ("/r1", Reply::Redirect("/r2")),
        ("/r2", Reply::Redirect("/r3")),
        ("/r3", Reply::Redirect("/r4")),
        ("/r4", Reply::Redirect("/r5")),
        ("/r5", Reply::Redirect("/list.json")),
        ("/list.json", Reply::Body(body.clone().into_bytes())),
    ]);
    let r = go(
        &server.url("/affected-models.json"),
        &before,
        &keys,
        dir.path(),
    );
    let Err(UpdateError::Network(reason)) = &r else {
        panic!("expected a network error, got {r:?}");
    };
    assert!(reason.contains("redirects"), "{reason}");
    assert!(!server.hits().contains(&"/list.json".to_owned()));
    assert_eq!(
        active_list(Some(dir.path()), &keys.verifier()).raw,
        before.raw
    );
}

#[test]
fn missing_list_is_an_http_error() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let before = active_list(Some(dir.path()), &keys.verifier());
    let server = Server::start(vec![]);
    let r = go(
        &server.url("/affected-models.json"),
        &before,
        &keys,
        dir.path(),
    );
    let expected = UpdateError::HttpStatus {
        status: 404,
        what: "list",
    };
    assert_refused(r, &expected, &before, &keys, dir.path());
}

#[test]
fn server_error_on_the_signature_is_an_http_error() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let before = active_list(Some(dir.path()), &keys.verifier());
    let server = Server::start(vec![
        (
            "/affected-models.json",
            Reply::Body(list(1, &[]).into_bytes()),
        ),
        ("/affected-models.json.minisig", Reply::Status(500)),
    ]);
    let r = go(
        &server.url("/affected-models.json"),
        &before,
        &keys,
        dir.path(),
    );
    let expected = UpdateError::HttpStatus {
        status: 500,
        what: "signature",
    };
    assert_refused(r, &expected, &before, &keys, dir.path());
}

#[test]
fn list_without_signature_is_refused_as_unsigned() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let before = active_list(Some(dir.path()), &keys.verifier());
    let server = Server::start(vec![(
        "/affected-models.json",
        Reply::Body(list(1, &["CMS8000"]).into_bytes()),
    )]);
    let r = go(
        &server.url("/affected-models.json"),
        &before,
        &keys,
        dir.path(),
    );
    assert_refused(r, &UpdateError::Unsigned, &before, &keys, dir.path());
}

#[test]
fn signed_garbage_is_refused_as_unparseable() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let before = active_list(Some(dir.path()), &keys.verifier());
    for body in [&b"this is not json"[..], br#"{"version": 99}"#] {
        let server = feed(body.to_vec(), keys.sign(body));
        let r = go(
            &server.url("/affected-models.json"),
            &before,
            &keys,
            dir.path(),
        );
        assert!(
            matches!(&r, Err(UpdateError::Unparseable(_))),
            "{:?}",
            r.as_ref().err()
        );
        assert_eq!(
            active_list(Some(dir.path()), &keys.verifier()).raw,
            before.raw
        );
    }
}

#[test]
fn signed_list_that_breaks_a_rule_is_refused_as_schema_invalid() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let before = active_list(Some(dir.path()), &keys.verifier());
    // Well-formed JSON of the right shape, signed, but naming no model.
    let body = list(1, &[]);
    let server = feed(body.clone().into_bytes(), keys.sign(body.as_bytes()));
    let r = go(
        &server.url("/affected-models.json"),
        &before,
        &keys,
        dir.path(),
    );
    let Err(UpdateError::SchemaInvalid(rule)) = &r else {
        panic!("expected SchemaInvalid, got {r:?}");
    };
    assert!(rule.contains("line"), "{rule}");
    assert_eq!(
        active_list(Some(dir.path()), &keys.verifier()).raw,
        before.raw
    );
}

#[test]
fn closed_port_is_a_network_error() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let before = active_list(Some(dir.path()), &keys.verifier());
    // Bind then drop: the port is (almost certainly) closed now.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let r = go(
        &format!("http://127.0.0.1:{port}/affected-models.json"),
        &before,
        &keys,
        dir.path(),
    );
    assert!(matches!(&r, Err(UpdateError::Network(_))), "{r:?}");
}

#[test]
fn unwritable_data_dir_is_a_storage_error() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let before = active_list(None, &keys.verifier());
    let body = list(1, &["CMS8000"]);
    let server = feed(body.clone().into_bytes(), keys.sign(body.as_bytes()));
    let r = go(
        &server.url("/affected-models.json"),
        &before,
        &keys,
        &blocker,
    );
    assert!(matches!(&r, Err(UpdateError::Storage(_))), "{r:?}");
}

#[test]
fn cancelling_stores_nothing() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let before = active_list(Some(dir.path()), &keys.verifier());
    let body = list(1, &["CMS8000"]);
    let server = feed(body.clone().into_bytes(), keys.sign(body.as_bytes()));
    let r = fetch_update(
        &server.url("/affected-models.json"),
        &before,
        &keys.verifier(),
        dir.path(),
        &fast(),
        &mut |p| {
            if p == Progress::Saving {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        },
    );
    assert_refused(r, &UpdateError::Cancelled, &before, &keys, dir.path());
    assert!(!list_path(dir.path()).exists());
}

#[test]
fn every_refusal_has_its_own_message() {
    let errors = [
        UpdateError::BadUrl("x".to_owned()),
        UpdateError::InsecureUrl,
        UpdateError::Network("x".to_owned()),
        UpdateError::Timeout,
        UpdateError::HttpStatus {
            status: 404,
            what: "list",
        },
        UpdateError::TooLarge { max_bytes: 1 },
        UpdateError::Unsigned,
        UpdateError::MalformedSignature,
        UpdateError::BadSignature,
        UpdateError::WrongKey,
        UpdateError::Unparseable("x".to_owned()),
        UpdateError::SchemaInvalid("x".to_owned()),
        UpdateError::Rollback {
            offered: 1,
            current: 2,
        },
        UpdateError::SameVersion { version: 2 },
        UpdateError::Storage("x".to_owned()),
        UpdateError::Cancelled,
    ];
    let messages: BTreeSet<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), errors.len());
    for m in &messages {
        assert!(m.starts_with(|c: char| c.is_lowercase()), "{m}");
        assert!(!m.ends_with('.'), "{m}");
    }
}

// ---------------------------------------------------------------------------
// The stored list at start

#[test]
fn tampered_stored_list_is_ignored_at_load() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let current = active_list(Some(dir.path()), &keys.verifier());
    let body = list(2, &["CMS8000", "CMS6000"]);
    let server = feed(body.clone().into_bytes(), keys.sign(body.as_bytes()));
    go(
        &server.url("/affected-models.json"),
        &current,
        &keys,
        dir.path(),
    )
    .unwrap();
    assert_eq!(
        active_list(Some(dir.path()), &keys.verifier()).origin,
        ListOrigin::Stored
    );

    // Someone edits the stored list on disk to drop a model.
    std::fs::write(list_path(dir.path()), list(2, &["CMS8000"])).unwrap();
    let loaded = active_list(Some(dir.path()), &keys.verifier());
    assert_eq!(loaded.origin, ListOrigin::Bundled);
    assert_eq!(loaded.raw, ActiveList::bundled().raw);
    assert_eq!(
        loaded.ignored_stored,
        Some(StoredListError::Signature(SignatureError::Mismatch))
    );
    assert!(
        loaded
            .ignored_stored
            .unwrap()
            .to_string()
            .contains("signature")
    );

    // Deleting the signature is no better.
    std::fs::remove_file(signature_path(dir.path())).unwrap();
    let loaded = active_list(Some(dir.path()), &keys.verifier());
    assert_eq!(loaded.ignored_stored, Some(StoredListError::Unsigned));
}

// ---------------------------------------------------------------------------
// The CLI: it always trusts only the pinned key, so a test key's list is
// refused as signed by another key; the other refusals show as for a user.

fn cli_update(url: &str, data_dir: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_monitor-check"))
        .args(["update", "--from", url])
        .env("MONITOR_CHECK_DATA_DIR", data_dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn cli_update_refusals_exit_non_zero_with_the_reason() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let body = list(1, &["CMS8000"]);
    let server = Server::start(vec![
        ("/signed.json", Reply::Body(body.clone().into_bytes())),
        (
            "/signed.json.minisig",
            Reply::Body(keys.sign(body.as_bytes())),
        ),
        ("/unsigned.json", Reply::Body(body.clone().into_bytes())),
    ]);
    let cases = [
        ("/signed.json", "signed with a key this app does not trust"),
        ("/unsigned.json", "the list is not signed"),
        ("/missing.json", "HTTP 404"),
    ];
    for (path, reason) in cases {
        let (code, stdout, stderr) = cli_update(&server.url(path), dir.path());
        assert_eq!(code, 1, "{path}: {stderr}");
        assert!(stdout.is_empty(), "{path}: {stdout}");
        assert!(stderr.contains(reason), "{path}: {stderr}");
        assert!(stderr.contains("keeping the list in use"), "{stderr}");
    }
    let (code, _, stderr) = cli_update("http://example.invalid/list.json", dir.path());
    assert_eq!(code, 1);
    assert!(stderr.contains("must start with https://"), "{stderr}");
    assert!(!list_path(dir.path()).exists());
}

#[test]
fn cli_update_from_this_machine_ignores_proxies_from_the_environment() {
    let keys = Keys::new();
    let dir = tempfile::tempdir().unwrap();
    let body = list(1, &["CMS8000"]);
    let server = feed(body.clone().into_bytes(), keys.sign(body.as_bytes()));
    // A "proxy" that only records what reaches it.
    let proxy = Server::start(vec![]);
    let proxy_url = proxy.url("");
    let mut command = Command::new(env!("CARGO_BIN_EXE_monitor-check"));
    command
        .args(["update", "--from", &server.url("/affected-models.json")])
        .env("MONITOR_CHECK_DATA_DIR", dir.path())
        .env_remove("NO_PROXY")
        .env_remove("no_proxy");
    for var in [
        "ALL_PROXY",
        "all_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
    ] {
        command.env(var, &proxy_url);
    }
    let out = command.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Reached the server itself: the test key is not the pinned one.
    assert!(
        stderr.contains("signed with a key this app does not trust"),
        "{stderr}"
    );
    assert_eq!(
        server.hits(),
        ["/affected-models.json", "/affected-models.json.minisig"]
    );
    assert!(proxy.hits().is_empty(), "{:?}", proxy.hits());
}

// ---------------------------------------------------------------------------
// The same, through the app's welcome step (egui_kittest).

mod app {
    use super::*;
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use monitor_check::i18n::{Lang, tr};
    use monitor_check::ui::{AppConfig, MonitorCheckApp};

    fn app(dir: &Path, keys: &Keys) -> Harness<'static, MonitorCheckApp> {
        let config = AppConfig {
            verifier: keys.verifier(),
            ..AppConfig::offline(Lang::En, dir)
        };
        let mut h = Harness::builder()
            .with_size(egui::vec2(1000.0, 1600.0))
            .build_eframe(move |cc| MonitorCheckApp::new(cc, config));
        h.run_steps(4);
        h
    }

    fn check_for_updates(h: &mut Harness<'_, MonitorCheckApp>, url: &str, expect: &str) {
        h.get_by_label(&tr(Lang::En, "list-settings")).click();
        h.run_steps(4);
        let field = tr(Lang::En, "list-feed-url");
        h.get_by_label(&field).focus();
        h.run_steps(2);
        h.get_by_label(&field).type_text(url);
        h.run_steps(2);
        h.get_by_role_and_label(Role::Button, &tr(Lang::En, "list-check-updates"))
            .click();
        for _ in 0..100 {
            h.run_steps(2);
            if h.query_by_label_contains(expect).is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("{expect:?} never appeared");
    }

    #[test]
    fn the_app_takes_a_signed_update_and_says_what_changed() {
        let keys = Keys::new();
        let body = list(1, &["CMS8000", "CMS4242"]);
        let sig = keys.sign(body.as_bytes());
        let server = feed(body.into_bytes(), sig);
        let dir = tempfile::tempdir().unwrap();
        let mut h = app(dir.path(), &keys);
        check_for_updates(
            &mut h,
            &server.url("/affected-models.json"),
            "New list in use",
        );
        h.get_by_label_contains("+ CMS4242");
        assert_eq!(
            h.query_all_by_label_contains("version 2").count(),
            2,
            "banner and list line"
        );
        // The new list is the one in use from now on, also after a restart.
        drop(h);
        let list = active_list(Some(dir.path()), &keys.verifier());
        assert_eq!(list.origin, ListOrigin::Stored);
    }

    #[test]
    fn the_app_refuses_a_tampered_update_and_keeps_its_list() {
        let keys = Keys::new();
        let body = list(1, &["CMS8000"]);
        let sig = keys.sign(body.as_bytes());
        let tampered = body.replace("CMS8000", "CMS8001");
        let server = feed(tampered.into_bytes(), sig);
        let dir = tempfile::tempdir().unwrap();
        let mut h = app(dir.path(), &keys);
        check_for_updates(
            &mut h,
            &server.url("/affected-models.json"),
            &tr(Lang::En, "list-update-refused"),
        );
        h.get_by_label_contains("signature");
        h.get_by_label_contains("version 1.");
    }
}
