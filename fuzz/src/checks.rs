//! The properties every fuzz target checks. Shared by the libFuzzer targets (fuzz/) and the
//! deterministic harness that runs in `cargo test` (tests/robustness.rs), so the same
//! invariants are checked with and without a nightly toolchain.

use pii_airlock::{convert_offsets, Engine, Finding, OffsetUnit, Vault};
use std::collections::HashMap;

/// Scans `text` and checks the findings: non-empty, within bounds, on character boundaries,
/// sorted and non-overlapping, scores in [0, 1], and UTF-16 offsets that agree with the bytes.
pub fn check_scan(engine: &Engine, text: &str) -> Vec<Finding> {
    let found = engine.scan(text);
    let mut prev = 0;
    for f in &found {
        assert!(f.start < f.end, "empty finding");
        assert!(f.end <= text.len(), "finding past the end");
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "finding off a character boundary"
        );
        assert!(f.start >= prev, "findings overlap or are unsorted");
        assert!((0.0..=1.0).contains(&f.score), "score out of range");
        prev = f.end;
    }
    let mut utf16 = found.clone();
    convert_offsets(text, &mut utf16, OffsetUnit::Utf16);
    let mut units = 0;
    let mut at = 0;
    for (b, u) in found.iter().zip(&utf16) {
        units += text[at..b.start].encode_utf16().count();
        assert_eq!(
            u.start, units,
            "UTF-16 start disagrees with the byte offset"
        );
        units += text[b.start..b.end].encode_utf16().count();
        assert_eq!(u.end, units, "UTF-16 end disagrees with the byte offset");
        at = b.end;
    }
    found
}

/// Pseudonymizes `text` and restores it: the original comes back, whenever the original did
/// not already contain text that the vault reads as one of its own placeholders. Two spellings
/// of one value (`01/02/1992` and `01021992`) share a placeholder by design, so each comes
/// back as the first spelling seen. A placeholder the text puts in a URL or a tag is left as it
/// is by design (see `RestoreOptions`); where the text holds none of the characters that can
/// make one, every value must come back, and elsewhere every value must come back or its
/// placeholder stay in place.
pub fn check_round_trip(engine: &Engine, text: &str) {
    let found = check_scan(engine, text);
    let mut vault = Vault::new();
    let outgoing = vault.pseudonymize(text, &found);
    if vault.restore(text) != text {
        return;
    }
    let mut first: HashMap<(&str, String), &str> = HashMap::new();
    let mut expected = String::with_capacity(text.len());
    // Each placeholder of the outgoing text and the spelling it stands for.
    let mut tokens: Vec<(String, &str)> = Vec::new();
    let mut at = 0;
    let mut out_at = 0;
    for f in &found {
        let value = &text[f.start..f.end];
        let spelling = *first
            .entry((&f.entity, Vault::normalize(value)))
            .or_insert(value);
        expected.push_str(&text[at..f.start]);
        expected.push_str(spelling);
        out_at += f.start - at;
        let len = outgoing[out_at..].find(']').expect("placeholder ends") + 1;
        tokens.push((outgoing[out_at..out_at + len].to_string(), spelling));
        out_at += len;
        at = f.end;
    }
    expected.push_str(&text[at..]);
    if tokens.iter().any(|(t, _)| text.contains(t.as_str())) {
        return;
    }
    let restored = vault.restore(&outgoing);
    let may_hold_url = outgoing.contains(['<', '/', '(', ':', '?', '#'])
        || outgoing.to_ascii_lowercase().contains("www.")
        || outgoing.contains("].")
        || outgoing.contains("]@");
    if !may_hold_url {
        assert!(restored == expected, "round trip changed the text");
        return;
    }
    let mut forced = restored;
    for (t, v) in &tokens {
        forced = forced.replace(t.as_str(), v);
    }
    assert!(forced == expected, "round trip changed the text");
}

/// Restores `answer` in chunks cut at `cuts` (lengths, wrapped around) and compares with
/// restoring it whole.
pub fn check_stream(vault: &Vault, answer: &str, cuts: &[u8]) {
    let whole = vault.restore(answer);
    let mut stream = vault.stream_restorer();
    let mut out = String::new();
    let mut at = 0;
    let mut i = 0;
    while at < answer.len() {
        let step = cuts
            .get(i % cuts.len().max(1))
            .map_or(7, |&c| 1 + c as usize % 64);
        i += 1;
        let mut end = (at + step).min(answer.len());
        while !answer.is_char_boundary(end) {
            end += 1;
        }
        out.push_str(&stream.push(&answer[at..end]));
        at = end;
    }
    out.push_str(&stream.finish());
    assert!(
        out == whole,
        "streaming restore differs from restoring the whole"
    );
}

/// A vault holding a few values of different kinds, for the streaming targets.
pub fn sample_vault(engine: &Engine) -> Vault {
    let text = "Mail jane.doe@example.com or bob@example.org, call +44 20 7946 0958, \
                card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, host 192.0.2.44";
    let mut vault = Vault::new();
    vault.pseudonymize(text, &engine.scan(text));
    vault
}
