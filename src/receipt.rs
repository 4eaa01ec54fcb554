//! Consent receipts: what was sent under which policy and which decisions, without any of the
//! values, chained by hash so a removed, reordered or altered receipt is detected.

use crate::operators::hex;
use crate::Action;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

// The TypeScript of receipts, next to the types: the package's .d.ts is generated with it
// (tests/ts_types.rs checks it against a serialized receipt).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const RECEIPT_TS: &'static str = r#"
/** One finding's outcome in a receipt: index, type and action, never the value. */
export interface ReceiptDecision {
  index: number;
  entity: string;
  category?: string;
  action: FindingAction;
  decidedBy: "policy" | "user";
  alwaysAllow?: boolean;
}
/** A consent receipt of the core: no values, chained by hash. */
export interface Receipt {
  id: string;
  /** Unix ms. */
  timeMs: number;
  policyId: string;
  policyVersion: number;
  policyRevision: string;
  purpose: string;
  /** Findings per category id. */
  categories: Record<string, number>;
  decisions: ReceiptDecision[];
  /** HMAC-SHA-256 (hex) of the text sent, under the receipt key. */
  textHmac: string;
  prevHash: string;
  hash: string;
}
"#;

/// The hash before the first receipt of a new chain.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

const DAY_MS: u64 = 86_400_000;

/// Who decided a finding's action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecidedBy {
    /// The policy, without asking.
    Policy,
    /// The user, when asked or by overriding.
    User,
}

/// One finding's outcome in a receipt: its position in the scan, type and action — never
/// its value or offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ReceiptDecision {
    /// Index of the finding in the plan.
    pub index: usize,
    /// Entity type.
    pub entity: String,
    /// Category id, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The action applied.
    pub action: Action,
    /// Who decided it.
    pub decided_by: DecidedBy,
    /// The user asked that this value be allowed from now on (the value itself is not here).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub always_allow: bool,
}

/// The hashed part of a receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ReceiptBody {
    /// Receipt id (from caller-supplied random bytes).
    pub id: String,
    /// When the text was sent (Unix ms, caller's clock).
    pub time_ms: u64,
    /// Policy id.
    pub policy_id: String,
    /// Policy format version.
    pub policy_version: u32,
    /// The organisation's revision of the policy.
    pub policy_revision: String,
    /// Purpose or endpoint the text was sent to, as the application names it.
    pub purpose: String,
    /// Findings per category id (`other` for types without one).
    pub categories: BTreeMap<String, u32>,
    /// Every finding's outcome.
    pub decisions: Vec<ReceiptDecision>,
    /// HMAC-SHA-256 (hex) of the text actually sent, under the application's receipt key:
    /// proves what was sent to someone holding the key and the text, reveals nothing else.
    pub text_hmac: String,
    /// `hash` of the previous receipt ([`GENESIS`] for the first).
    pub prev_hash: String,
}

/// A consent receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Receipt {
    /// The content.
    #[serde(flatten)]
    pub body: ReceiptBody,
    /// SHA-256 (hex) of the body's JSON serialization.
    pub hash: String,
}

impl ReceiptBody {
    /// SHA-256 (hex) of this body's JSON form (fields in declaration order, maps sorted).
    pub fn digest(&self) -> String {
        let json = serde_json::to_vec(self).expect("receipt body serializes");
        hex(&Sha256::digest(&json))
    }

    /// Seals the body into a receipt.
    pub fn seal(self) -> Receipt {
        let hash = self.digest();
        Receipt { body: self, hash }
    }
}

impl Receipt {
    /// True when `text` is the text this receipt was issued for (needs the receipt key).
    pub fn matches_text(&self, receipt_key: &[u8], text: &str) -> bool {
        hex(&crate::operators::hmac_sha256(receipt_key, text.as_bytes())) == self.body.text_hmac
    }
}

/// Formats 16 random bytes as a version-4 UUID.
pub fn uuid_v4(mut b: [u8; 16]) -> String {
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// Why a chain does not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainError {
    /// Index of the first receipt that does not fit.
    pub index: usize,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl std::fmt::Display for ChainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "receipt {}: {}", self.index, self.reason)
    }
}

impl std::error::Error for ChainError {}

/// Receipts in order, each holding the hash of the one before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ReceiptChain {
    /// The hash the first kept receipt points to: [`GENESIS`], or the last expired one's.
    pub anchor: String,
    /// The receipts, oldest first.
    pub receipts: Vec<Receipt>,
}

impl Default for ReceiptChain {
    fn default() -> Self {
        ReceiptChain {
            anchor: GENESIS.to_string(),
            receipts: Vec::new(),
        }
    }
}

impl ReceiptChain {
    /// An empty chain.
    pub fn new() -> ReceiptChain {
        ReceiptChain::default()
    }

    /// The hash the next receipt must point to. Keep it outside the chain's storage too:
    /// [`ReceiptChain::verify_head`] then also detects removal of the newest receipts.
    pub fn head(&self) -> &str {
        self.receipts.last().map_or(&self.anchor, |r| &r.hash)
    }

    /// Appends a receipt; it must point to the current head.
    pub fn push(&mut self, r: Receipt) -> Result<(), ChainError> {
        if r.body.prev_hash != self.head() {
            return Err(ChainError {
                index: self.receipts.len(),
                reason: "does not point to the chain's head",
            });
        }
        self.receipts.push(r);
        Ok(())
    }

    /// Checks every hash and link, and that time does not run backwards. Detects an altered,
    /// removed (except the newest) or reordered receipt.
    pub fn verify(&self) -> Result<(), ChainError> {
        let mut prev = self.anchor.as_str();
        let mut time = 0;
        for (i, r) in self.receipts.iter().enumerate() {
            if r.body.digest() != r.hash {
                return Err(ChainError {
                    index: i,
                    reason: "content does not match its hash (altered)",
                });
            }
            if r.body.prev_hash != prev {
                return Err(ChainError {
                    index: i,
                    reason: "does not point to the previous receipt (removed or reordered)",
                });
            }
            if r.body.time_ms < time {
                return Err(ChainError {
                    index: i,
                    reason: "older than the receipt before it (reordered)",
                });
            }
            time = r.body.time_ms;
            prev = &r.hash;
        }
        Ok(())
    }

    /// [`ReceiptChain::verify`], and the newest receipt is the one whose hash the caller
    /// kept: detects truncation too.
    pub fn verify_head(&self, expected_head: &str) -> Result<(), ChainError> {
        self.verify()?;
        if self.head() != expected_head {
            return Err(ChainError {
                index: self.receipts.len(),
                reason: "chain ends before the expected head (receipts removed)",
            });
        }
        Ok(())
    }

    /// Drops receipts older than `retention_days` at `now_ms` (oldest first, so the rest
    /// still verifies from the new anchor). Returns how many were dropped.
    pub fn expire(&mut self, now_ms: u64, retention_days: u32) -> usize {
        let keep_ms = u64::from(retention_days) * DAY_MS;
        let n = self
            .receipts
            .iter()
            .take_while(|r| r.body.time_ms.saturating_add(keep_ms) <= now_ms)
            .count();
        if n > 0 {
            self.anchor = self.receipts[n - 1].hash.clone();
            self.receipts.drain(..n);
        }
        n
    }

    /// The chain as pretty JSON, for a privacy officer.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("chain serializes")
    }

    /// Reads a chain exported by [`ReceiptChain::to_json`] (does not verify it).
    pub fn from_json(json: &str) -> Result<ReceiptChain, serde_json::Error> {
        serde_json::from_str(json)
    }
}
