//! The core compiled to wasm32, run by wasm-bindgen-test in Node and in headless Chromium
//! (`WASM_BINDGEN_USE_BROWSER=1`). Same assertions in both places: offsets are UTF-16 there too.
#![cfg(target_arch = "wasm32")]

use pii_airlock::{convert_offsets, Engine, OffsetUnit, Vault};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn scans_and_converts_to_utf16() {
    let engine = Engine::default_engine();
    let text = "😀 écrire à jane.doe@example.com, 4111-1111-1111-1111";
    let mut f = engine.scan(text);
    convert_offsets(text, &mut f, OffsetUnit::Utf16);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let slice = |a: usize, b: usize| String::from_utf16(&utf16[a..b]).unwrap();
    assert_eq!(f.len(), 2);
    assert_eq!(slice(f[0].start, f[0].end), "jane.doe@example.com");
    assert_eq!(slice(f[1].start, f[1].end), "4111-1111-1111-1111");
}

#[wasm_bindgen_test]
fn redact_then_restore_round_trips() {
    let engine = Engine::default_engine();
    let text = "Call +44 20 7946 0958 or mail a@example.org; again a@example.org";
    let mut vault = Vault::new();
    let out = vault.pseudonymize(text, &engine.scan(text));
    assert_eq!(
        out,
        "Call [PHONE_NUMBER_1] or mail [EMAIL_ADDRESS_1]; again [EMAIL_ADDRESS_1]"
    );
    assert_eq!(vault.restore(&out), text);
}

#[wasm_bindgen_test]
fn streaming_restore_in_wasm() {
    let engine = Engine::default_engine();
    let mut vault = Vault::new();
    let _ = vault.pseudonymize("x@example.com", &engine.scan("x@example.com"));
    let answer = "Write to [EMAIL_ADDRESS_1] today.";
    let mut r = vault.stream_restorer();
    let mut got = String::new();
    for ch in answer.chars() {
        got += &r.push(&ch.to_string());
    }
    got += &r.finish();
    assert_eq!(got, "Write to x@example.com today.");
}

#[wasm_bindgen_test]
fn empty_and_odd_input_is_fine() {
    let engine = Engine::default_engine();
    assert!(engine.scan("").is_empty());
    assert!(engine.scan("\u{0}\u{FFFD}\u{202E}abc\u{301}").is_empty());
}

/// Issue 16's table in wasm: every value type through every pasted-text transformation,
/// found with UTF-16 offsets on the characters as typed.
#[path = "pasted/cases.rs"]
mod pasted;

#[wasm_bindgen_test]
fn pasted_text_table_in_wasm() {
    let engine = Engine::default_engine();
    let cases = pasted::cases();
    assert!(cases.len() > 400);
    let mut failed = Vec::new();
    for case in &cases {
        let mut f = engine.scan(&case.text);
        convert_offsets(&case.text, &mut f, OffsetUnit::Utf16);
        let utf16: Vec<u16> = case.text.encode_utf16().collect();
        let hit = f.iter().any(|f| {
            &*f.entity == case.entity
                && String::from_utf16(&utf16[f.start..f.end]).is_ok_and(|s| s == case.value)
        });
        if !hit {
            failed.push(format!("{} {}", case.entity, case.kind));
        }
    }
    assert!(failed.is_empty(), "{failed:?}");
}
