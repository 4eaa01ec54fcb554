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
//! # Policies, consent and restore
//!
//! A [`CompiledPolicy`] (JSON, presets in `policies/`) says per entity type or category what happens
//! to a finding: allow, highlight, ask, redact, mask, pseudonymize, synthesize or block.
//! [`Guard`] holds policy, engine, [`Vault`] and [`ReceiptChain`] for one conversation: it
//! plans, applies the user's [`Decision`]s, issues a consent [`Receipt`] without any value,
//! and restores placeholders and surrogates in the answer, whole or streamed, in plain text
//! or inside JSON tool-call arguments. See `docs/policy.md`.
//!
//! # Design
//!
//! All pattern rules are compiled once into one multi-pattern lazy-DFA matcher
//! ([`Engine`]); candidates are validated (check digits, ranges) and scored with context words,
//! then overlaps are resolved deterministically. The rules read a folded view of the text
//! ([`fold_text`]: Unicode spaces, dashes and digits as ASCII, invisible characters left out,
//! escapes decoded) and every finding is mapped back to the characters as typed; values inside
//! URLs are findings of their own. Offsets are UTF-8 byte offsets inside Rust and
//! are converted with [`convert_offsets`] to the unit a caller indexes by (UTF-16 for JavaScript).
#![deny(missing_docs)]
// No unsafe code, except the first module's allocator (src/scan_alloc.rs, wasm32 with feature
// `scanner` only), which cannot be written without it.
#![cfg_attr(
    not(all(target_arch = "wasm32", feature = "scanner")),
    forbid(unsafe_code)
)]
#![cfg_attr(all(target_arch = "wasm32", feature = "scanner"), deny(unsafe_code))]
// The scanner module (feature `scanner`) compiles the core but reaches only the engine: what
// it leaves unreached (the pattern compiler's helpers) is in use in every other build.
#![cfg_attr(
    all(target_arch = "wasm32", feature = "scanner"),
    allow(dead_code, unused_imports)
)]
// clippy.toml forbids std's lower-casing (its case table would enter the wasm modules); unit
// tests compare against it on purpose.
#![cfg_attr(test, allow(clippy::disallowed_methods))]

mod automaton;
mod checksum;
mod consent;
mod context;
#[cfg(all(target_arch = "wasm32", feature = "browser"))]
mod dom;
mod encoded;
mod engine;
mod error;
mod finding;
mod fold;
mod guard;
mod lower;
mod matcher;
mod names;
mod offsets;
mod panic_hook;
mod payload;
mod placeholder;
mod policy;
mod receipt;
mod response;
mod restore;
mod rules;
mod sort;
mod starts;
mod vault;

/// True in the first module (wasm32, feature `scanner`), which only highlights while the full
/// module loads and leaves some rarer readings to it (docs/pasted-text.md lists them): every
/// request waits for the full module, so nothing leaves unread. The optimiser drops the code
/// behind it there.
pub(crate) const FIRST_MODULE: bool = cfg!(all(target_arch = "wasm32", feature = "scanner"));

pub mod operators;

#[cfg(all(target_arch = "wasm32", not(feature = "scanner")))]
mod wasm;
// The package's small first module: the engine alone, for highlighting (feature `scanner`).
#[cfg(all(target_arch = "wasm32", feature = "scanner"))]
mod wasm_scan;
// Its allocator: smaller than the standard library's (the module says what it costs).
#[cfg(all(target_arch = "wasm32", feature = "scanner"))]
#[allow(unsafe_code)]
mod scan_alloc;
#[cfg(all(target_arch = "wasm32", feature = "scanner"))]
#[global_allocator]
static ALLOCATOR: scan_alloc::ScanAlloc = scan_alloc::ScanAlloc::new();
#[cfg(all(target_arch = "wasm32", feature = "scanner", feature = "browser"))]
compile_error!("feature `scanner` builds the first module alone: build it without `browser`");
// The benchmarks' reference pass (scripts/bench.sh builds it into a module of its own).
#[cfg(all(target_arch = "wasm32", feature = "bench-reference"))]
mod bench_reference;
// The names pass as issue 14 found it, beside today's, for `benches/names.rs` only.
#[cfg(all(feature = "names-reference", not(test)))]
#[doc(hidden)]
pub mod names_bench;
#[cfg(all(feature = "names-reference", not(test)))]
#[allow(dead_code, clippy::all)]
mod names_v0;
// The browser layer over `wasm` (fetch/XHR/beacon hooks, consent flow, receipts storage).
#[cfg(all(target_arch = "wasm32", feature = "browser"))]
mod net;

pub use checksum::*;
pub use consent::{
    build_outgoing, plan, Answer, Applied, BuildContext, Choice, ConsentError, Decision, Outgoing,
    PerFinding, Plan, PlanItem, PlanSummary, Target,
};
pub use engine::{Engine, EngineOptions};
pub use error::Error;
pub use finding::{Finding, Reason};
pub use fold::fold_text;
pub use guard::{
    AllowRefused, AllowedValues, Committed, Guard, Prepared, RequestError, PLAIN_TEXT_PATH,
};
pub use names::Gazetteer;
pub use offsets::{convert_offsets, to_byte_offset, OffsetUnit};
pub use payload::{continues_server_history, PayloadError, PayloadOptions, RequestBody, TextField};
pub use policy::{
    entity_id_ok, preset_json, Action, ActionSource, CompiledPolicy, ConsentSettings,
    CustomRuleDoc, DenyDoc, ListsDoc, MaskSettings, PolicyDoc, PolicyError, PolicyErrorKind,
    ReceiptSettings, RedactSettings, RedactStyle, VaultSettings, DENY_ENTITY, POLICY_VERSION,
    PRESETS, VALIDATORS,
};
pub use receipt::{
    uuid_v4, ChainError, DecidedBy, Receipt, ReceiptBody, ReceiptChain, ReceiptDecision, GENESIS,
};
pub use response::{
    restore_json, restore_json_with, restore_value, restore_value_with, EventRestorer,
    EventStreamRestorer, JsonStreamRestorer, SseRestorer,
};
pub use restore::{RestoreMode, RestoreOptions, RestoreOptionsError, StreamRestorer};
pub use rules::secrets::public_prefix_len;
pub use rules::{
    builtin_rules, catalog, display_name, entities, is_builtin_rule, Boundary, Candidate, Category,
    Rule, RuleDef, Validate, Verdict, Words, ENTITY_NAMES,
};
pub use vault::{Vault, VaultError};
