//! Minisign verification of the list: the pinned release key, and a way for
//! tests to bring their own throwaway key.
//!
//! The list decides whether the app says "affected" or "not affected", so a
//! list that was not signed by the release maintainers must never be used,
//! whether it came from the network or from the data dir.

use minisign_verify::{PublicKey, Signature};

/// The public half of the release maintainers' list-signing key (minisign
/// format). Its secret half never enters the repository.
pub const PINNED_PUBLIC_KEY: &str = include_str!("../../assets/keys/list-signing.pub");

/// Why a signature was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// The `.minisig` text is not a minisign signature.
    #[error("the signature file is not a readable minisign signature")]
    Malformed,
    /// The signature names another key than the pinned one.
    #[error("the list was signed with a key other than the one this app trusts")]
    WrongKey,
    /// The signature does not match the bytes (tampered list or signature).
    #[error("the signature does not match the list: it was changed after signing")]
    Mismatch,
    /// The signature uses the legacy (non-prehashed) mode, which we do not accept.
    #[error("the signature uses an unsupported minisign mode")]
    Unsupported,
    /// The trusted public key itself could not be read.
    #[error("the trusted public key is unreadable")]
    BadKey,
}

/// Checks detached minisign signatures against one public key.
#[derive(Debug, Clone)]
pub struct Verifier {
    // `None` only if the pinned key text failed to parse; a unit test keeps
    // that from shipping, and verification then refuses everything rather
    // than panicking.
    key: Option<PublicKey>,
}

impl Verifier {
    /// The verifier the app uses: the pinned release key.
    pub fn pinned() -> Self {
        Self {
            key: PublicKey::decode(PINNED_PUBLIC_KEY).ok(),
        }
    }

    /// A verifier for another key, given as the text of a minisign `.pub`
    /// file (two lines) or as the bare base64 line. Meant for tests.
    pub fn new(public_key: &str) -> Result<Self, SignatureError> {
        let text = public_key.trim();
        let key = if text.lines().count() >= 2 {
            PublicKey::decode(text)
        } else {
            PublicKey::from_base64(text)
        }
        .map_err(|_| SignatureError::BadKey)?;
        Ok(Self { key: Some(key) })
    }

    /// Checks that `signature` (the text of a `.minisig` file) signs exactly
    /// `data` with this verifier's key.
    pub fn verify(&self, data: &[u8], signature: &str) -> Result<(), SignatureError> {
        let Some(key) = &self.key else {
            return Err(SignatureError::BadKey);
        };
        let signature = Signature::decode(signature).map_err(|e| match e {
            minisign_verify::Error::UnsupportedAlgorithm => SignatureError::Unsupported,
            _ => SignatureError::Malformed,
        })?;
        // Legacy (non-prehashed) signatures are refused: current minisign
        // never makes them, and accepting them only widens what we parse.
        key.verify(data, &signature, false).map_err(|e| match e {
            minisign_verify::Error::UnexpectedKeyId => SignatureError::WrongKey,
            minisign_verify::Error::InvalidSignature => SignatureError::Mismatch,
            minisign_verify::Error::UnexpectedAlgorithm
            | minisign_verify::Error::UnsupportedAlgorithm
            | minisign_verify::Error::UnsupportedLegacyMode => SignatureError::Unsupported,
            minisign_verify::Error::InvalidEncoding | minisign_verify::Error::IoError(_) => {
                SignatureError::Malformed
            }
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Cursor;

    /// A throwaway key pair: (public key text, secret key).
    pub(crate) fn keypair() -> (String, minisign::SecretKey) {
        let minisign::KeyPair { pk, sk } =
            minisign::KeyPair::generate_unencrypted_keypair().unwrap();
        (pk.to_box().unwrap().to_string(), sk)
    }

    /// Signs `data` with `sk`, giving the `.minisig` text.
    pub(crate) fn sign(sk: &minisign::SecretKey, data: &[u8]) -> String {
        minisign::sign(None, sk, Cursor::new(data), Some("test"), None)
            .unwrap()
            .into_string()
    }

    #[test]
    fn pinned_key_parses() {
        assert!(Verifier::pinned().key.is_some());
        assert!(PINNED_PUBLIC_KEY.contains("146CFEB122B84114"));
    }

    #[test]
    fn accepts_own_signature_and_refuses_changes() {
        let (pk, sk) = keypair();
        let verifier = Verifier::new(&pk).unwrap();
        let sig = sign(&sk, b"hello");
        assert_eq!(verifier.verify(b"hello", &sig), Ok(()));
        assert_eq!(
            verifier.verify(b"hellO", &sig),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verifier.verify(b"hello", "not a signature"),
            Err(SignatureError::Malformed)
        );
    }

    #[test]
    fn base64_line_alone_is_a_key() {
        let (pk, sk) = keypair();
        let line = pk.lines().nth(1).unwrap();
        let verifier = Verifier::new(line).unwrap();
        assert_eq!(verifier.verify(b"x", &sign(&sk, b"x")), Ok(()));
        assert_eq!(Verifier::new("nope").err(), Some(SignatureError::BadKey));
    }

    #[test]
    fn other_key_is_wrong_key() {
        let (_, sk) = keypair();
        let sig = sign(&sk, b"data");
        assert_eq!(
            Verifier::pinned().verify(b"data", &sig),
            Err(SignatureError::WrongKey)
        );
    }

    #[test]
    fn tampered_trusted_comment_is_mismatch() {
        let (pk, sk) = keypair();
        let sig = sign(&sk, b"data").replace("trusted comment: test", "trusted comment: evil");
        assert_eq!(
            Verifier::new(&pk).unwrap().verify(b"data", &sig),
            Err(SignatureError::Mismatch)
        );
    }
}
