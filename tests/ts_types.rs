//! The package's TypeScript declarations are generated from text kept next to the Rust types
//! (`src/policy/policy.d.ts`, the `typescript_custom_section`s of `src/restore.rs`,
//! `src/receipt.rs` and `src/wasm.rs`). This test
//! fails when a field of a Rust option or result type is missing from its TypeScript
//! interface, or the TypeScript names one the Rust side does not read, and when a string union
//! drifts from the Rust enum it mirrors.

use pii_airlock::{
    Action, Category, CompiledPolicy, ConsentSettings, CustomRuleDoc, DenyDoc, Guard, ListsDoc,
    MaskSettings, PolicyDoc, PolicyErrorKind, ReceiptSettings, RedactSettings, RestoreOptions,
    VaultSettings, PRESETS,
};
use std::collections::BTreeSet;

const POLICY_TS: &str = include_str!("../src/policy/policy.d.ts");
const WASM_RS: &str = include_str!("../src/wasm.rs");
const RESTORE_RS: &str = include_str!("../src/restore.rs");
const RECEIPT_RS: &str = include_str!("../src/receipt.rs");
const OPTIONS_RS: &str = include_str!("../src/net/options.rs");
const INDEX_D_TS: &str = include_str!("../pkg/index.d.ts");

/// The fields a serde type reads, from its own "unknown field" error (every type here denies
/// unknown fields, and serde lists what it expected).
fn serde_fields<T: serde::de::DeserializeOwned>() -> BTreeSet<String> {
    let e = serde_json::from_str::<T>(r#"{"\u0001":0}"#)
        .err()
        .expect("an unknown field is refused")
        .to_string();
    let tail = &e[e.find("expected").expect("serde names what it expected")..];
    tail.split('`')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect()
}

/// The members of `export interface name { ... }` in `ts` (top level only; comments skipped),
/// each with whether it is optional.
fn ts_interface(ts: &str, name: &str) -> Vec<(String, bool)> {
    let head = format!("export interface {name} ");
    let start = ts
        .find(&head)
        .unwrap_or_else(|| panic!("no interface {name}"));
    let body = &ts[start + ts[start..].find('{').unwrap() + 1..];
    let mut depth = 1;
    let mut out = Vec::new();
    for line in body.lines() {
        let t = line.trim();
        if t.starts_with("/**") || t.starts_with('*') || t.starts_with("//") {
            continue;
        }
        if depth == 1 {
            if let Some(colon) = t.find(':') {
                let key = &t[..colon];
                let (key, optional) = match key.strip_suffix('?') {
                    Some(k) => (k, true),
                    None => (key, false),
                };
                if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric()) {
                    out.push((key.to_string(), optional));
                }
            }
        }
        depth += t.matches('{').count() as i32 - t.matches('}').count() as i32;
        if depth <= 0 {
            return out;
        }
    }
    panic!("interface {name} is not closed")
}

fn ts_fields(ts: &str, name: &str) -> BTreeSet<String> {
    ts_interface(ts, name).into_iter().map(|(k, _)| k).collect()
}

/// The string literals of `export type name = 'a' | "b" ...;`.
fn ts_union(ts: &str, name: &str) -> BTreeSet<String> {
    let head = format!("export type {name} =");
    let start = ts.find(&head).unwrap_or_else(|| panic!("no type {name}")) + head.len();
    let body = &ts[start..start + ts[start..].find(';').unwrap()];
    body.split(['\'', '"'])
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect()
}

fn set<'a>(names: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    names.into_iter().map(String::from).collect()
}

#[test]
fn policy_types_match_their_typescript() {
    let cases = [
        ("PolicyDoc", serde_fields::<PolicyDoc>()),
        ("CustomRuleDoc", serde_fields::<CustomRuleDoc>()),
        ("ListsDoc", serde_fields::<ListsDoc>()),
        ("DenyDoc", serde_fields::<DenyDoc>()),
        ("ConsentSettings", serde_fields::<ConsentSettings>()),
        ("ReceiptSettings", serde_fields::<ReceiptSettings>()),
        ("MaskSettings", serde_fields::<MaskSettings>()),
        ("RedactSettings", serde_fields::<RedactSettings>()),
        ("VaultSettings", serde_fields::<VaultSettings>()),
    ];
    for (name, rust) in cases {
        assert!(!rust.is_empty(), "{name}: no fields read");
        assert_eq!(ts_fields(POLICY_TS, name), rust, "{name}");
    }
    // Only `version` is required in a document; in a custom rule, what has no serde default.
    let required = |name| -> BTreeSet<String> {
        ts_interface(POLICY_TS, name)
            .into_iter()
            .filter(|(_, opt)| !opt)
            .map(|(k, _)| k)
            .collect()
    };
    assert_eq!(required("PolicyDoc"), set(["version"]));
    assert_eq!(required("CustomRuleDoc"), set(["id", "entity", "pattern"]));
}

#[test]
fn restore_options_match_their_typescript() {
    assert_eq!(
        ts_fields(RESTORE_RS, "RestoreOptions"),
        serde_fields::<RestoreOptions>()
    );
}

#[test]
fn string_unions_match_the_rust_enums() {
    assert_eq!(
        ts_union(POLICY_TS, "PresetName"),
        set(PRESETS.iter().map(|(n, _)| *n))
    );
    assert_eq!(
        ts_union(POLICY_TS, "CategoryId"),
        set(Category::ALL.iter().map(|c| c.id()))
    );
    assert_eq!(
        ts_union(POLICY_TS, "PolicyErrorKind"),
        set(PolicyErrorKind::ALL.iter().map(|k| k.id()))
    );
    assert_eq!(
        ts_union(POLICY_TS, "FindingAction"),
        set(Action::ALL.iter().map(|a| a.id()))
    );
}

#[test]
fn receipts_match_their_typescript() {
    let policy = CompiledPolicy::preset("gdpr").unwrap();
    let mut g = Guard::new(policy, b"k", [1; 32]).unwrap();
    let out = g
        .apply("mail jane@example.com", &[], 1, [2; 16], "t")
        .unwrap();
    let json = serde_json::to_value(&out.receipt).unwrap();
    let keys: BTreeSet<String> = json.as_object().unwrap().keys().cloned().collect();
    assert_eq!(ts_fields(RECEIPT_RS, "Receipt"), keys);
    // A decision's optional fields may be absent; every field it has is declared.
    let decision = json["decisions"][0].as_object().unwrap();
    let declared = ts_fields(RECEIPT_RS, "ReceiptDecision");
    for k in decision.keys() {
        assert!(declared.contains(k), "ReceiptDecision lacks {k}");
    }
    for (k, optional) in ts_interface(RECEIPT_RS, "ReceiptDecision") {
        assert!(
            optional || decision.contains_key(&k),
            "{k} is not always there"
        );
    }
}

/// The strings of `const name: &[&str] = &[...];` in Rust source.
fn rust_list(src: &str, name: &str) -> BTreeSet<String> {
    let head = format!("const {name}: &[&str] = &[");
    let start = src.find(&head).unwrap_or_else(|| panic!("no list {name}")) + head.len();
    let body = &src[start..start + src[start..].find("];").unwrap()];
    body.split('"')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect()
}

#[test]
fn option_keys_the_js_edge_accepts_match_their_typescript() {
    // Options read by hand (a JS object, not serde): the key lists that refuse unknown keys.
    assert_eq!(
        ts_fields(WASM_RS, "EngineOptions"),
        rust_list(WASM_RS, "ENGINE_OPTION_KEYS")
    );
    assert_eq!(
        ts_fields(WASM_RS, "GuardCoreOptions"),
        rust_list(WASM_RS, "GUARD_CORE_OPTION_KEYS")
    );
    assert_eq!(
        rust_list(WASM_RS, "RESTORE_OPTION_KEYS"),
        serde_fields::<RestoreOptions>()
    );
    assert_eq!(
        ts_fields(INDEX_D_TS, "GuardOptions"),
        rust_list(OPTIONS_RS, "KNOWN")
    );
}
