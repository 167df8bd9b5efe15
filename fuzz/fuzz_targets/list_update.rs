//! A downloaded list and its `.minisig`, decided on as an update decides
//! (`update::check_offer`), and the same pair stored in the data dir, read
//! back at start (`update::active_list`).
//!
//! The input is one byte of mode, then the signature text up to the first
//! NUL byte, then the list's bytes. Modes:
//! - 0: the pinned key, as the app runs. Nobody here can sign for it, so
//!   every list must be refused; this reaches the signature's reading and
//!   checking.
//! - 1: a throwaway key that signs the list itself (the signature text is
//!   used as the trusted comment), to reach what follows a good signature:
//!   the list's checks, no rollback, same version.
//! - 2: the pair stored in a data dir and read back at start, with the
//!   pinned key and with the throwaway key.
#![no_main]

use std::io::Cursor;
use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use monitor_check::update::{
    self, ActiveList, ListDiff, ListOrigin, Offer, Verifier, list_path, signature_path,
};

/// The bundled list, the list in use when an update is asked for.
fn current() -> &'static ActiveList {
    static CURRENT: OnceLock<ActiveList> = OnceLock::new();
    CURRENT.get_or_init(ActiveList::bundled)
}

/// A throwaway key pair, and a verifier for its public half.
fn test_key() -> &'static (minisign::SecretKey, Verifier) {
    static KEY: OnceLock<(minisign::SecretKey, Verifier)> = OnceLock::new();
    KEY.get_or_init(|| {
        let minisign::KeyPair { pk, sk } =
            minisign::KeyPair::generate_unencrypted_keypair().expect("a throwaway key");
        let text = pk.to_box().expect("the public key as text").to_string();
        (
            sk,
            Verifier::new(&text).expect("a verifier for the throwaway key"),
        )
    })
}

/// `body` signed with the throwaway key, with `comment` trusted.
fn sign(body: &[u8], comment: &str) -> Option<String> {
    let (sk, _) = test_key();
    minisign::sign(None, sk, Cursor::new(body), Some(comment), None)
        .ok()
        .map(minisign::SignatureBox::into_string)
}

/// A data dir of this process's own, emptied for every input.
fn data_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = if std::path::Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        base.join(format!("monitor-check-fuzz-{}", std::process::id()))
    })
}

/// The update's decision, checked against what it may decide.
fn decide(body: &[u8], signature: &[u8], verifier: &Verifier) -> bool {
    let current = current();
    match update::check_offer(body.to_vec(), signature.to_vec(), current, verifier) {
        Ok(Offer::Newer(list)) => {
            assert!(
                list.version() > current.version(),
                "a list not newer was taken"
            );
            assert_eq!(
                list.raw.as_bytes(),
                body,
                "the list taken is not the one signed"
            );
            assert!(
                list.catalog.validate().is_ok(),
                "a list taken fails its checks"
            );
            let _ = ListDiff::between(&current.catalog, &list.catalog);
            true
        }
        Ok(Offer::UpToDate { version, .. }) => {
            assert_eq!(version, current.version());
            assert_eq!(
                body,
                current.raw.as_bytes(),
                "another list taken as the one in use"
            );
            true
        }
        Err(e) => {
            let _ = e.to_string();
            false
        }
    }
}

/// The pair stored as an update stores it, then the list chosen at start.
fn stored(body: &[u8], signature: &[u8], verifier: &Verifier) -> ActiveList {
    let dir = data_dir();
    let list = list_path(dir);
    let parent = list.parent().expect("the list's folder");
    std::fs::create_dir_all(parent).expect("the data dir");
    std::fs::write(&list, body).expect("the stored list");
    std::fs::write(signature_path(dir), signature).expect("the stored signature");
    update::active_list(Some(dir), verifier)
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let (signature, body) = match rest.iter().position(|b| *b == 0) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &[][..]),
    };
    let pinned = Verifier::pinned();
    match mode % 3 {
        0 => assert!(
            !decide(body, signature, &pinned),
            "a list accepted without the pinned key"
        ),
        1 => {
            let comment = String::from_utf8_lossy(signature);
            if let Some(own) = sign(body, &comment) {
                decide(body, own.as_bytes(), &test_key().1);
            }
        }
        _ => {
            let chosen = stored(body, signature, &pinned);
            assert_eq!(
                chosen.origin,
                ListOrigin::Bundled,
                "a stored list used without the pinned key"
            );
            let comment = String::from_utf8_lossy(signature);
            if let Some(own) = sign(body, &comment) {
                let chosen = stored(body, own.as_bytes(), &test_key().1);
                if chosen.origin == ListOrigin::Stored {
                    assert!(
                        chosen.version() > current().version(),
                        "an older stored list used"
                    );
                    assert_eq!(chosen.raw.as_bytes(), body);
                }
            }
        }
    }
});
