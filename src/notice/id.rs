//! The notice id: the random name a notice carries in each of its
//! renderings and its data, so that the doctor's register knows it again.

use std::fmt::Write as _;

/// A new random notice id: 128 bits from the system's generator, as 32
/// lowercase hex digits.
pub fn new_notice_id() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        // No system generator: std's randomly keyed hasher, fed the time,
        // still gives ids that do not repeat.
        use std::hash::{BuildHasher, Hasher};
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        for (i, chunk) in bytes.chunks_mut(8).enumerate() {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u128(now);
            h.write_usize(i);
            chunk.copy_from_slice(&h.finish().to_le_bytes());
        }
    }
    bytes.iter().fold(String::with_capacity(32), |mut id, b| {
        let _ = write!(id, "{b:02x}");
        id
    })
}

/// Whether `id` has the shape [`new_notice_id`] gives.
pub fn is_notice_id(id: &str) -> bool {
    id.len() == 32
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_new_each_time_and_well_formed() {
        let a = new_notice_id();
        let b = new_notice_id();
        assert_ne!(a, b);
        assert!(is_notice_id(&a), "{a}");
        assert!(!is_notice_id("ABCDEF0123456789abcdef0123456789"));
    }
}
