//! The user's "always allow" answers of one guard session. They live here, in the guard, and
//! not in the policy: the compiled policy is what the organisation wrote and never changes
//! while a page runs.
//!
//! Only keyed hashes of `(entity type, normalized value)` are kept — never the value — so
//! neither a heap snapshot nor `Debug` output holds what the user allowed, and a hash cannot
//! be reversed by hashing every phone number (the key is the guard's secret). Each answer
//! expires with the policy's vault time-to-live, like the placeholders it stands beside.

use crate::operators::hmac_sha256;
use crate::Vault;
use std::collections::HashMap;

/// Keyed hashes of always-allowed values, with their expiry.
#[derive(Clone)]
pub struct AllowedValues {
    key: [u8; 32],
    /// How long an answer holds (ms); 0 keeps it until [`AllowedValues::clear`].
    ttl_ms: u64,
    /// Hash → Unix ms from which the answer no longer holds.
    entries: HashMap<[u8; 32], u64>,
}

impl std::fmt::Debug for AllowedValues {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AllowedValues")
            .field("entries", &self.entries.len())
            .field("ttl_ms", &self.ttl_ms)
            .finish()
    }
}

impl AllowedValues {
    /// An empty set; `secret` is the guard's secret (the key is derived from it, so the same
    /// secret keys nothing else the same way), `ttl_ms` the policy's vault time-to-live.
    pub fn new(secret: &[u8; 32], ttl_ms: u64) -> AllowedValues {
        AllowedValues {
            key: hmac_sha256(secret, b"pii-airlock always-allow v1"),
            ttl_ms,
            entries: HashMap::new(),
        }
    }

    fn hash(&self, conversation: Option<&str>, entity: &str, value: &str) -> [u8; 32] {
        // The same normalization as the vault and the policy's allow-list: case, spaces and
        // a number's separators do not make a new value. The scope comes first, tagged, so
        // no conversation id can pose as the whole session.
        let scope = match conversation {
            None => String::from("s"),
            Some(id) => format!("c{id}"),
        };
        let msg = format!("{scope}\u{0}{entity}\u{0}{}", Vault::normalize(value));
        hmac_sha256(&self.key, msg.as_bytes())
    }

    /// Allows `value` of type `entity` from `now_ms` for the time-to-live: in one
    /// `conversation`, or (`None`) in every conversation of the session.
    pub fn insert(&mut self, conversation: Option<&str>, entity: &str, value: &str, now_ms: u64) {
        let until = match self.ttl_ms {
            0 => u64::MAX,
            ttl => now_ms.saturating_add(ttl),
        };
        self.entries
            .insert(self.hash(conversation, entity, value), until);
    }

    /// True when `value` of type `entity` was allowed for the whole session or for
    /// `conversation`, and has not expired by the last [`AllowedValues::expire`].
    pub fn contains(&self, conversation: Option<&str>, entity: &str, value: &str) -> bool {
        if self.entries.is_empty() {
            return false;
        }
        let held = |scope| self.entries.contains_key(&self.hash(scope, entity, value));
        held(None) || conversation.is_some_and(|c| held(Some(c)))
    }

    /// Drops the answers whose time is up at `now_ms`.
    pub fn expire(&mut self, now_ms: u64) {
        self.entries.retain(|_, until| *until > now_ms);
    }

    /// Forgets every answer.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The state as bytes (the derived key, the time-to-live and each hash with its expiry),
    /// for a scanning worker's copy of the guard: what crosses is what is held, no value.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(40 + self.entries.len() * 40);
        out.extend_from_slice(&self.key);
        out.extend_from_slice(&self.ttl_ms.to_le_bytes());
        for (hash, until) in &self.entries {
            out.extend_from_slice(hash);
            out.extend_from_slice(&until.to_le_bytes());
        }
        out
    }

    /// Reads [`AllowedValues::to_bytes`]; `None` when the bytes are not such a state.
    pub fn from_bytes(bytes: &[u8]) -> Option<AllowedValues> {
        if bytes.len() < 40 || (bytes.len() - 40) % 40 != 0 {
            return None;
        }
        let entries = bytes[40..]
            .chunks_exact(40)
            .map(|c| (c[..32].try_into().expect("32 bytes"), le_u64(&c[32..])))
            .collect();
        Some(AllowedValues {
            key: bytes[..32].try_into().expect("32 bytes"),
            ttl_ms: le_u64(&bytes[32..40]),
            entries,
        })
    }

    /// How many answers are held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no answer is held.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn le_u64(b: &[u8]) -> u64 {
    u64::from_le_bytes(b.try_into().expect("8 bytes"))
}
