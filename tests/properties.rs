//! Property tests: round trips, streaming equals whole, nothing found leaks under a redacting
//! policy, surrogates are valid and never the original.
#![cfg(not(target_arch = "wasm32"))]

use pii_airlock::{iban_mod97, luhn, operators, CompiledPolicy, Engine, Guard, RestoreMode, Vault};
use proptest::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(Engine::default_engine)
}

/// A guard per policy, built once (building compiles an engine); each case starts from an
/// empty vault and chain, as a new conversation would.
fn with_guard<T>(policy_json: &str, f: impl FnOnce(&mut Guard) -> T) -> T {
    static G: OnceLock<Mutex<HashMap<String, Guard>>> = OnceLock::new();
    let mut map = G.get_or_init(Default::default).lock().unwrap();
    let g = map.entry(policy_json.to_string()).or_insert_with(|| {
        Guard::new(
            CompiledPolicy::from_json(policy_json).unwrap(),
            b"r",
            [1; 32],
        )
        .unwrap()
    });
    g.vault_mut().forget_all();
    *g.receipts_mut() = Default::default();
    f(g)
}

/// A Luhn-valid card number of a network the engine knows, grouped by four.
fn card() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["4", "51", "55", "6011"]),
        any::<u64>(),
    )
        .prop_map(|(p, r)| {
            let mut d: Vec<u8> = p.bytes().map(|b| b - b'0').collect();
            let mut r = r;
            while d.len() < 15 {
                d.push((r % 10) as u8);
                r /= 10;
            }
            for check in 0..10 {
                let s: String = d
                    .iter()
                    .chain([&check])
                    .map(|x| char::from(b'0' + x))
                    .collect();
                if luhn(&s) {
                    return s
                        .as_bytes()
                        .chunks(4)
                        .map(|c| std::str::from_utf8(c).unwrap())
                        .collect::<Vec<_>>()
                        .join(" ");
                }
            }
            unreachable!("one check digit fits")
        })
}

/// A mod-97-valid IBAN (DE, 22 characters; GB, 22; FR, 27), printed in groups of four.
fn iban() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec![("DE", 18), ("FR", 23), ("NL", 14)]),
        any::<u128>(),
    )
        .prop_map(|((cc, n), r)| {
            let mut r = r;
            let bban: String = (0..n)
                .map(|_| {
                    let d = (r % 10) as u8;
                    r /= 10;
                    char::from(b'0' + d)
                })
                .collect();
            let bban = if cc == "NL" {
                format!("ABNA{}", &bban[4..])
            } else {
                bban
            };
            let rotated = format!("{bban}{cc}00");
            let rem = pii_airlock::mod97_of(rotated.bytes()).unwrap();
            let s = format!("{cc}{:02}{bban}", 98 - rem);
            s.as_bytes()
                .chunks(4)
                .map(|c| std::str::from_utf8(c).unwrap())
                .collect::<Vec<_>>()
                .join(" ")
        })
}

fn email() -> impl Strategy<Value = String> {
    (
        "[a-z]{1,8}",
        "[a-z]{1,8}",
        prop::sample::select(vec!["com", "org", "de"]),
    )
        .prop_map(|(a, b, t)| format!("{a}.{b}@mail{t}.{t}"))
}

fn ipv4() -> impl Strategy<Value = String> {
    (11u8..=223, any::<u8>(), any::<u8>(), 1u8..=254)
        .prop_map(|(a, b, c, d)| format!("{a}.{b}.{c}.{d}"))
}

/// Prose: words, punctuation and non-ASCII, but no placeholder-like tokens.
fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "the", "Dear", "é", "😀", "über", ",", ".", " ", " ", "\n", "call", "at", "and", "\"",
            "\\", "(", ")", "ß", "card", "mail",
        ]),
        0..12,
    )
    .prop_map(|w| w.join(" "))
}

/// Text mixing prose and values that the engine finds.
fn text_with_values() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![prose(), "\\PC{0,16}", card(), iban(), email(), ipv4()],
        1..8,
    )
    .prop_map(|parts| parts.join(" "))
}

/// Restore leaves a value the text places in a URL or an HTML tag as its placeholder (issue
/// 17, tests/restore_safety.rs): the round trips hold for texts that open neither.
fn opens_url_or_tag(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    ["<", "](", "]:", "//", "www."]
        .iter()
        .any(|m| lower.contains(m))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn restore_undoes_pseudonymize(text in text_with_values()) {
        prop_assume!(!opens_url_or_tag(&text));
        let findings = engine().scan(&text);
        let mut v = Vault::new();
        let out = v.pseudonymize(&text, &findings);
        prop_assert_eq!(v.restore(&out), text);
    }

    #[test]
    fn restore_undoes_synthesize(text in text_with_values()) {
        prop_assume!(!opens_url_or_tag(&text));
        let restored = with_guard(r#"{"version":1,"defaultAction":"synthesize"}"#, |g| {
            let out = g.apply(&text, &[], 0, [0; 16], "p").unwrap();
            g.restore(&out.text)
        });
        prop_assert_eq!(restored, text);
    }

    #[test]
    fn nothing_found_survives_a_redacting_policy(text in text_with_values(),
                                                  preset in prop::sample::select(vec!["strict", "hipaa", "gdpr"])) {
        let json = format!(r#"{{"version":1,"extends":"{preset}"}}"#);
        let (findings, plan, out) = with_guard(&json, |g| {
            let findings = g.scan(&text);
            let plan = g.plan(&text);
            let decisions = plan.fail_closed_decisions();
            let out = g.apply_plan(&text, &plan, &decisions, 0, [0; 16], "p").unwrap();
            (findings, plan, out)
        });
        for (f, item) in findings.iter().zip(&plan.items) {
            if item.action.sends_original() {
                continue;
            }
            let value = &text[f.start..f.end];
            prop_assert!(!out.text.contains(value), "{} leaked under {}", f.entity, preset);
        }
    }

    #[test]
    fn card_surrogates_are_valid_and_different(c in card(), key in any::<[u8; 8]>()) {
        let s = operators::surrogate("CREDIT_CARD", &c, &key, 0).unwrap();
        prop_assert!(luhn(&s));
        prop_assert_eq!(s.len(), c.len());
        prop_assert_ne!(Vault::normalize(&s), Vault::normalize(&c));
        let found = engine().scan(&s);
        prop_assert!(found.len() == 1 && &*found[0].entity == "CREDIT_CARD");
    }

    #[test]
    fn iban_surrogates_are_valid_and_different(i in iban(), key in any::<[u8; 8]>()) {
        let s = operators::surrogate("IBAN_CODE", &i, &key, 0).unwrap();
        prop_assert!(iban_mod97(&s));
        prop_assert_eq!(&s[..2], &i[..2]);
        prop_assert_eq!(s.len(), i.len());
        prop_assert_ne!(Vault::normalize(&s), Vault::normalize(&i));
        let found = engine().scan(&s);
        prop_assert!(found.len() == 1 && &*found[0].entity == "IBAN_CODE", "{}", s);
    }

    #[test]
    fn email_and_ip_surrogates_are_found_again(e in email(), ip in ipv4(), key in any::<[u8; 8]>()) {
        for (entity, v) in [("EMAIL_ADDRESS", &e), ("IP_ADDRESS", &ip)] {
            let s = operators::surrogate(entity, v, &key, 0).unwrap();
            prop_assert_ne!(&s, v);
            // IP surrogates come from the documentation ranges (RFC 5737), which the engine
            // reports below the default minimum score (issue #15): look for them lower.
            let found = if entity == "IP_ADDRESS" { low_engine().scan(&s) } else { engine().scan(&s) };
            prop_assert!(found.len() == 1 && &*found[0].entity == entity, "{}", s);
        }
    }
}

/// The default engine, but reporting scores down to 0.2.
fn low_engine() -> &'static Engine {
    static E: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    E.get_or_init(|| {
        Engine::new(&pii_airlock::EngineOptions {
            min_score: 0.2,
            ..Default::default()
        })
        .unwrap()
    })
}

/// A vault with placeholders (one holding JSON-special characters) and surrogates.
fn filled_vault() -> (Vault, Vec<String>) {
    let mut v = Vault::new();
    let p: Arc<str> = "PERSON".into();
    let e: Arc<str> = "EMAIL_ADDRESS".into();
    let c: Arc<str> = "CREDIT_CARD".into();
    v.placeholder_for(&p, "Jane \"JD\" Doe\\");
    v.placeholder_for(&e, "jane@example.com");
    let s1 = v
        .surrogate_for(&c, "4111 1111 1111 1111", b"k", &|_| true)
        .unwrap();
    let s2 = v
        .surrogate_for(&e, "bob@example.org", b"k", &|_| true)
        .unwrap();
    (v, vec![s1, s2])
}

/// Answer fragments: placeholders in the forms models write, surrogates, JSON escapes.
fn answer(surrogates: Vec<String>) -> impl Strategy<Value = String> {
    let mut parts: Vec<String> = [
        "[PERSON_1]",
        "PERSON 1",
        "person_1",
        "<EMAIL_ADDRESS_1>",
        "EMAIL ADDRESS 1",
        "[PERSON_2]",
        "\\u005bPERSON_1\\u005d",
        "PERSON\\u005f1",
        "\\\"",
        "\\\\",
        "\\n",
        "\\u00e9",
        "\\ud83d\\ude00",
        "\\u12",
        "Dear ",
        " ",
        ", ",
        "é",
        "😀",
        "x",
        "{\"a\":\"",
        "\"}",
        "1",
        "[",
        "]",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Models regroup numbers they repeat.
    for s in &surrogates {
        parts.push(s.replace(' ', ""));
        parts.push(s.replace(' ', "-"));
    }
    parts.extend(surrogates);
    prop::collection::vec(prop::sample::select(parts), 0..40).prop_map(|v| v.concat())
}

fn streamed(v: &Vault, mode: RestoreMode, text: &str, cuts: &[usize]) -> String {
    let mut r = v.stream_restorer_with(mode);
    let mut out = String::new();
    let mut at = 0;
    let mut cuts: Vec<usize> = cuts
        .iter()
        .map(|c| c % (text.len() + 1))
        .filter(|c| text.is_char_boundary(*c))
        .collect();
    cuts.sort_unstable();
    for c in cuts {
        out += &r.push(&text[at..c]);
        at = c;
    }
    out += &r.push(&text[at..]);
    out += &r.finish();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn streaming_equals_whole(
        (text, cuts) in answer(filled_vault().1)
            .prop_flat_map(|t| (Just(t), prop::collection::vec(any::<usize>(), 0..12)))
    ) {
        let (v, _) = filled_vault();
        prop_assert_eq!(streamed(&v, RestoreMode::Text, &text, &cuts), v.restore(&text));
        // JSON mode: whole is the one-chunk stream; compare with every other cutting.
        prop_assert_eq!(streamed(&v, RestoreMode::Json, &text, &cuts), v.restore_json(&text));
    }
}

#[test]
fn streaming_equals_whole_for_every_single_cut() {
    let (v, s) = filled_vault();
    let text = format!(
        "{}Dear [PERSON_1], mail {} or \\u005bEMAIL_ADDRESS_1\\u005d, card {}. {}",
        "x ".repeat(300),
        s[1],
        s[0],
        "y".repeat(900)
    );
    for mode in [RestoreMode::Text, RestoreMode::Json] {
        let whole = streamed(&v, mode, &text, &[]);
        for cut in 0..=text.len() {
            assert_eq!(
                streamed(&v, mode, &text, &[cut]),
                whole,
                "{mode:?} cut {cut}"
            );
        }
    }
    assert!(v.restore(&text).contains("bob@example.org"));
    assert!(v.restore(&text).contains("4111 1111 1111 1111"));
    let regrouped = s[0].replace(' ', "-");
    assert_eq!(
        v.restore(&format!("({regrouped})")),
        "(4111 1111 1111 1111)"
    );
    assert!(v
        .restore_json(&text)
        .contains("Dear Jane \\\"JD\\\" Doe\\\\,"));
    assert!(v.restore_json(&text).contains("jane@example.com"));
}

/// A value as it might be pasted: each character of `value` kept or rewritten by `picks`
/// (Unicode spaces for spaces, dashes for hyphens, another script's digits for digits, the
/// fullwidth or mathematical bold form, an entity for `@`), with invisible characters between
/// some of them.
fn pasted(value: &str, picks: &[u8]) -> String {
    const SPACES: &[char] = &[
        ' ', '\u{A0}', '\u{202F}', '\u{2009}', '\u{2007}', '\u{3000}',
    ];
    const ZEROS: &[u32] = &[0x30, 0xFF10, 0x0660, 0x06F0, 0x0966, 0x0E50, 0x1D7CE];
    const INVISIBLE: &[&str] = &["", "", "", "\u{AD}", "\u{200B}", "\u{2060}", "\u{FEFF}"];
    let mut out = String::new();
    let n = value.chars().count();
    for (i, c) in value.chars().enumerate() {
        let p = usize::from(picks[i % picks.len()]);
        match c {
            ' ' => out.push(SPACES[p % SPACES.len()]),
            '0'..='9' => {
                let zero = ZEROS[p % ZEROS.len()];
                out.push(char::from_u32(zero + c.to_digit(10).unwrap()).unwrap());
            }
            '@' => out.push_str(["@", "&#64;", "&commat;", "\u{FF20}"][p % 4]),
            c if p % 5 == 0 && c.is_ascii_graphic() => {
                out.push(char::from_u32(u32::from(c) + 0xFEE0).unwrap())
            }
            // MATHEMATICAL BOLD letters ("fancy text").
            c if p % 5 == 1 && c.is_ascii_alphabetic() => {
                let k = if c.is_ascii_uppercase() {
                    u32::from(c) - u32::from('A')
                } else {
                    26 + u32::from(c) - u32::from('a')
                };
                out.push(char::from_u32(0x1D400 + k).unwrap())
            }
            c => out.push(c),
        }
        if i + 1 < n {
            out.push_str(INVISIBLE[(p / 7) % INVISIBLE.len()]);
        }
    }
    out
}

/// Words around the value: non-ASCII, entities, invisible characters, no context word that
/// would change a score.
fn neighbour() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "the",
            "über",
            "用户",
            "Ωμέγα",
            "😀",
            "&amp;",
            "ｆｕｌｌ",
            "\u{200B}",
            "\u{AD}",
            ",",
            "é",
            "\u{A0}",
            "x\u{2011}y",
            "&nbsp;",
            "\\u00e9",
            "o\u{FB03}ce",
            "\u{FB01}",
            "\u{1D431}\u{1D432}",
            "50%",
            "a%20b",
            "\u{3002}",
        ]),
        0..6,
    )
    .prop_map(|w| w.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Folding, scanning and mapping back: the finding is exactly the characters of the value
    /// as pasted, whatever surrounds it, and none of its neighbours' (invisible characters
    /// next to it included).
    #[test]
    fn folded_findings_map_to_the_value_as_typed(
        which in 0usize..3,
        c in card(),
        i in iban(),
        e in email(),
        picks in prop::collection::vec(any::<u8>(), 1..16),
        left in neighbour(),
        right in neighbour(),
        edge in prop::sample::select(vec!["", "\u{200B}", "\u{AD}", "\u{FEFF}"]),
    ) {
        let (entity, value) = [("CREDIT_CARD", c), ("IBAN_CODE", i), ("EMAIL_ADDRESS", e)]
            .into_iter()
            .nth(which)
            .unwrap();
        let typed = pasted(&value, &picks);
        let text = format!("{left} {edge}{typed}{edge} {right}");
        let start = left.len() + 1 + edge.len();
        let span = (start, start + typed.len());
        let found = engine().scan(&text);
        prop_assert!(
            found.iter().any(|f| &*f.entity == entity && (f.start, f.end) == span),
            "{entity} {typed:?} at {span:?} in {text:?}: {:?}",
            found.iter().map(|f| (&*f.entity, &text[f.start..f.end])).collect::<Vec<_>>()
        );
    }
}
