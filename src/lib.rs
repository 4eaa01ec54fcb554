//! pii-airlock finds personal data and secrets in text, before the text leaves the client.
//!
//! The crate is the detection and transformation core: plain Rust with no browser dependency.
//! The same code runs natively (the `pii-airlock` CLI, the tests, the benchmarks) and compiled
//! to WebAssembly behind a thin wasm-bindgen layer (`src/wasm.rs`, only on `wasm32`).
//!
//! # Usage
//!
//! ```
//! use pii_airlock::{Engine, Vault};
//!
//! let engine = Engine::default_engine();
//! let text = "Mail jane.doe@example.com or call +44 20 7946 0958.";
//! let findings = engine.scan(text);
//! assert_eq!(findings[0].entity.as_ref(), "EMAIL_ADDRESS");
//!
//! let mut vault = Vault::new();
//! let outgoing = vault.pseudonymize(text, &findings);
//! assert_eq!(outgoing, "Mail [EMAIL_ADDRESS_1] or call [PHONE_NUMBER_1].");
//! assert_eq!(vault.restore("Reply to [EMAIL_ADDRESS_1]"), "Reply to jane.doe@example.com");
//! ```
//!
//! # Design
//!
//! All pattern rules are compiled once into one multi-pattern lazy-DFA matcher
//! ([`Engine`]); candidates are validated (check digits, ranges) and scored with context words,
//! then overlaps are resolved deterministically. Offsets are UTF-8 byte offsets inside Rust and
//! are converted with [`convert_offsets`] to the unit a caller indexes by (UTF-16 for JavaScript).
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod checksum;
mod context;
mod engine;
mod error;
mod finding;
// The browser guard's minimal action model, a stand-in for the policy layer (issue #6): kept
// out of the crate root so the policy's own `Decision`/`Receipt` names never collide.
pub mod guard_actions;
mod offsets;
mod payload;
mod placeholder;
mod response;
mod rules;
mod vault;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use checksum::*;
pub use engine::{Engine, EngineOptions};
pub use error::Error;
pub use finding::{Finding, Reason};
pub use offsets::{convert_offsets, to_byte_offset, OffsetUnit};
pub use payload::{PayloadError, PayloadOptions, RequestBody, TextField};
pub use response::{restore_json, restore_value, SseRestorer};
pub use rules::{catalog, Candidate, Category, Rule, RuleDef, Validate, Verdict};
pub use vault::{StreamRestorer, Vault};
