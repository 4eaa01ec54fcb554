//! The vault's only way out of the process: an encrypted, authenticated blob.
//!
//! Format, version 1 (all integers big-endian):
//!
//! | bytes | content |
//! |---|---|
//! | 4 | magic `PIAV` |
//! | 1 | format version (1) |
//! | 12 | AES-GCM nonce, supplied by the caller (never reuse one with the same key) |
//! | rest | AES-256-GCM ciphertext of the JSON state, 16-byte tag appended |
//!
//! The five header bytes are the associated data, so a changed version byte fails
//! authentication. The browser can produce and read the same blob with WebCrypto
//! (`AES-GCM`, `iv` = nonce, `additionalData` = header, `tagLength` 128).

use super::{Entry, Vault};
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

const MAGIC: &[u8; 4] = b"PIAV";
const FORMAT: u8 = 1;
const HEADER: usize = 5;
const NONCE: usize = 12;

/// Why an encrypted vault could not be read. Messages carry no vault content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VaultError {
    /// Not a vault blob (too short, or wrong magic bytes).
    NotAVault,
    /// A format version this build cannot read.
    UnsupportedVersion(u8),
    /// Authentication failed: wrong key, or the blob was altered.
    WrongKeyOrDamaged,
    /// Decrypted, but the content is not a vault state (written by an incompatible build).
    Corrupt,
}

impl std::fmt::Display for VaultError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VaultError::NotAVault => f.write_str("not an encrypted vault blob"),
            VaultError::UnsupportedVersion(v) => {
                write!(
                    f,
                    "unsupported vault blob version {v} (this build reads {FORMAT})"
                )
            }
            VaultError::WrongKeyOrDamaged => {
                f.write_str("vault blob could not be decrypted: wrong key or altered data")
            }
            VaultError::Corrupt => f.write_str("vault blob decrypted but its content is invalid"),
        }
    }
}

impl std::error::Error for VaultError {}

#[derive(Serialize, Deserialize)]
struct State {
    originals: HashMap<String, Entry>,
    counters: HashMap<Arc<str>, u32>,
    surrogates: HashMap<String, Entry>,
    now_ms: u64,
    ttl_ms: u64,
}

impl Vault {
    /// Encrypts the whole vault with AES-256-GCM under `key` (held by the caller) and a fresh
    /// 12-byte `nonce` (from the caller's random source; never reuse one with the same key).
    pub fn export_encrypted(&self, key: &[u8; 32], nonce: &[u8; 12]) -> Vec<u8> {
        let state = State {
            originals: self.originals.clone(),
            counters: self.counters.clone(),
            surrogates: self.surrogates.clone(),
            now_ms: self.now_ms,
            ttl_ms: self.ttl_ms,
        };
        let plain = serde_json::to_vec(&state).expect("vault state serializes");
        let mut out = Vec::with_capacity(HEADER + NONCE + plain.len() + 16);
        out.extend_from_slice(MAGIC);
        out.push(FORMAT);
        let cipher = Aes256Gcm::new(key.into());
        let sealed = cipher
            .encrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: &plain,
                    aad: &out[..HEADER],
                },
            )
            .expect("AES-GCM encryption of an in-memory buffer does not fail");
        out.extend_from_slice(nonce);
        out.extend_from_slice(&sealed);
        out
    }

    /// Decrypts a blob made by [`Vault::export_encrypted`]. A wrong key or an altered blob
    /// is an error, never a panic or a partially filled vault.
    pub fn import_encrypted(blob: &[u8], key: &[u8; 32]) -> Result<Vault, VaultError> {
        if blob.len() < HEADER + NONCE + 16 || &blob[..4] != MAGIC {
            return Err(VaultError::NotAVault);
        }
        if blob[4] != FORMAT {
            return Err(VaultError::UnsupportedVersion(blob[4]));
        }
        let cipher = Aes256Gcm::new(key.into());
        let plain = cipher
            .decrypt(
                Nonce::from_slice(&blob[HEADER..HEADER + NONCE]),
                Payload {
                    msg: &blob[HEADER + NONCE..],
                    aad: &blob[..HEADER],
                },
            )
            .map_err(|_| VaultError::WrongKeyOrDamaged)?;
        let state: State = serde_json::from_slice(&plain).map_err(|_| VaultError::Corrupt)?;
        let mut v = Vault {
            now_ms: state.now_ms,
            ttl_ms: state.ttl_ms,
            counters: state.counters,
            ..Vault::default()
        };
        for (k, e) in &state.originals {
            if k.is_empty() {
                return Err(VaultError::Corrupt);
            }
            v.placeholders
                .insert((e.entity.clone(), e.norm.clone()), format!("[{k}]"));
        }
        for (s, e) in &state.surrogates {
            v.surrogate_of
                .insert((e.entity.clone(), e.norm.clone()), s.clone());
        }
        v.originals = state.originals;
        v.surrogates = state.surrogates;
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> Vault {
        let mut v = Vault::with_ttl(60_000);
        v.expire(1_000);
        let e: Arc<str> = "PERSON".into();
        v.placeholder_for(&e, "Jane Doe");
        let c: Arc<str> = "CREDIT_CARD".into();
        v.surrogate_for(&c, "4111 1111 1111 1111", b"conv", &|_| true)
            .unwrap();
        v
    }

    #[test]
    fn round_trip_keeps_mapping_numbering_and_clock() {
        let v = filled();
        let key = [7u8; 32];
        let blob = v.export_encrypted(&key, &[1u8; 12]);
        let text = String::from_utf8_lossy(&blob);
        assert!(!text.contains("Jane") && !text.contains("4111"));
        let mut back = Vault::import_encrypted(&blob, &key).unwrap();
        assert_eq!(back.restore("[PERSON_1]"), "Jane Doe");
        let e: Arc<str> = "PERSON".into();
        assert_eq!(back.placeholder_for(&e, "jane doe"), "[PERSON_1]");
        assert_eq!(back.placeholder_for(&e, "John Roe"), "[PERSON_2]");
        let c: Arc<str> = "CREDIT_CARD".into();
        let s = back
            .surrogate_for(&c, "4111-1111-1111-1111", b"other", &|_| true)
            .unwrap();
        assert_eq!(back.restore(&s), "4111 1111 1111 1111");
        // Jane Doe, John Roe and the card.
        assert_eq!(back.expire(61_000), 3);
    }

    #[test]
    fn wrong_key_and_tampering_are_errors() {
        let blob = filled().export_encrypted(&[7u8; 32], &[1u8; 12]);
        assert_eq!(
            Vault::import_encrypted(&blob, &[8u8; 32]).unwrap_err(),
            VaultError::WrongKeyOrDamaged
        );
        let mut bad = blob.clone();
        let last = bad.len() - 1;
        bad[last] ^= 1;
        assert_eq!(
            Vault::import_encrypted(&bad, &[7u8; 32]).unwrap_err(),
            VaultError::WrongKeyOrDamaged
        );
        let mut ver = blob.clone();
        ver[4] = 2;
        assert_eq!(
            Vault::import_encrypted(&ver, &[7u8; 32]).unwrap_err(),
            VaultError::UnsupportedVersion(2)
        );
        assert_eq!(
            Vault::import_encrypted(b"PIAV", &[7u8; 32]).unwrap_err(),
            VaultError::NotAVault
        );
    }
}
