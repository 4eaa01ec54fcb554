//! The request shapes of the LLM endpoints guarded by default besides chat (embeddings,
//! moderation, Realtime events, Bedrock Converse, message batches), and the values JSON
//! carries outside strings (numbers, object keys), through the `Guard` the browser layer
//! uses: what leaves holds placeholders, never the values. Shapes from each provider's
//! public API reference; values generated here.

use pii_airlock::{restore_json, Answer, CompiledPolicy, Guard, PayloadOptions};
use serde_json::{json, Value};

fn guard() -> Guard {
    Guard::new(CompiledPolicy::preset("gdpr").unwrap(), b"k", [7; 32]).unwrap()
}

fn ids() -> impl FnMut() -> [u8; 16] {
    let mut n = 0u8;
    move || {
        n += 1;
        [n; 16]
    }
}

/// The body as it would leave, every finding redacted (as a beacon or socket message is).
fn sent(g: &mut Guard, body: &Value) -> String {
    let p = g
        .prepare_body(&body.to_string(), &PayloadOptions::default(), None)
        .unwrap();
    let out = g
        .commit(&p, Answer::Redacted, &[], 1_000, &mut ids(), "test")
        .unwrap();
    out.body.unwrap_or_else(|| body.to_string())
}

const EMAIL: &str = "jane.roe@example.org";
const CARD: u64 = 4111111111111111;

#[test]
fn an_embeddings_batch_leaves_with_placeholders() {
    let mut g = guard();
    let body = json!({"model": "text-embedding-3-small",
        "input": [format!("notes from {EMAIL}"), "nothing here"]});
    let out = sent(&mut g, &body);
    assert!(!out.contains(EMAIL), "{out}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["input"][0], "notes from [EMAIL_ADDRESS_1]");
    assert_eq!(v["input"][1], "nothing here");
}

#[test]
fn a_realtime_item_and_its_number_leaves_leave_with_placeholders() {
    let mut g = guard();
    let body = json!({"type": "conversation.item.create", "item": {"type": "message",
        "role": "user", "content": [{"type": "input_text", "text": format!("mail {EMAIL}")}]},
        "metadata": {"card": CARD}});
    let out = sent(&mut g, &body);
    assert!(
        !out.contains(EMAIL) && !out.contains(&CARD.to_string()),
        "{out}"
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["metadata"]["card"], "[CREDIT_CARD_1]");
}

#[test]
fn a_number_in_tool_arguments_and_a_key_holding_an_address_are_replaced() {
    let mut g = guard();
    let args = json!({"card": CARD, "qty": 2}).to_string();
    let body = json!({"messages": [
        {"role": "user", "content": "pay"},
        {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function",
            "function": {"name": "pay", "arguments": args}}]}],
        "metadata": {EMAIL: "vip"}});
    let out = sent(&mut g, &body);
    assert!(
        !out.contains(EMAIL) && !out.contains(&CARD.to_string()),
        "{out}"
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["metadata"]["[EMAIL_ADDRESS_1]"], "vip");
    let args: Value = serde_json::from_str(
        v["messages"][1]["tool_calls"][0]["function"]["arguments"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(args, json!({"card": "[CREDIT_CARD_1]", "qty": 2}));
}

#[test]
fn a_bedrock_converse_body_leaves_with_placeholders() {
    let mut g = guard();
    let body = json!({"system": [{"text": "be brief"}],
        "messages": [{"role": "user", "content": [{"text": format!("write to {EMAIL}")}]}],
        "inferenceConfig": {"maxTokens": 64}});
    let out = sent(&mut g, &body);
    assert!(!out.contains(EMAIL), "{out}");
    assert!(out.contains("write to [EMAIL_ADDRESS_1]"), "{out}");
}

#[test]
fn a_number_without_findings_stays_a_number() {
    let mut g = guard();
    let body = json!({"input": format!("hi {EMAIL}"), "dimensions": 256, "metadata": {"n": 12}});
    let v: Value = serde_json::from_str(&sent(&mut g, &body)).unwrap();
    assert_eq!(v["dimensions"], 256);
    assert_eq!(v["metadata"]["n"], 12);
}

#[test]
fn answers_without_text_to_restore_come_back_as_they_were() {
    let mut g = guard();
    sent(&mut g, &json!({"input": format!("hi {EMAIL}")}));
    // An embeddings answer (vectors written as the provider writes them), a moderation
    // result, a token count: nothing to restore, so not a byte is rewritten.
    for answer in [
        r#"{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.10000000,-1.5E-7,3e2]}],"model":"m","usage":{"prompt_tokens":5,"total_tokens":5}}"#,
        r#"{"id":"modr-1","results":[{"flagged":false,"category_scores":{"violence":1.0e-6}}]}"#,
        r#"{"input_tokens": 14}"#,
    ] {
        assert_eq!(restore_json(answer, g.vault()).as_deref(), Some(answer));
    }
}

// ---- Answers the guard reads beside JSON and SSE: Realtime server events, AWS event streams.

use pii_airlock::{EventRestorer, EventStreamRestorer, RestoreOptions};

/// A guard whose vault issued `[EMAIL_ADDRESS_1]` for [`EMAIL`].
fn guard_with_email() -> Guard {
    let mut g = guard();
    sent(&mut g, &json!({"input": format!("write to {EMAIL}")}));
    g
}

#[test]
fn realtime_server_events_are_restored_message_by_message() {
    let g = guard_with_email();
    let mut r = EventRestorer::new(g.vault(), &RestoreOptions::default());
    let ids = json!({"response_id": "resp_1", "item_id": "item_1", "output_index": 0, "content_index": 0});
    let ev = |kind: &str, extra: Value| {
        let mut v = ids.clone();
        v["type"] = kind.into();
        for (k, x) in extra.as_object().unwrap() {
            v[k] = x.clone();
        }
        v.to_string()
    };
    // The placeholder is cut across three text deltas, and a transcript's across two.
    let messages = [
        ev("response.output_text.delta", json!({"delta": "Mail [EMAIL_"})),
        ev("response.output_text.delta", json!({"delta": "ADD"})),
        ev("response.output_text.delta", json!({"delta": "RESS_1] now"})),
        ev("response.output_audio.delta", json!({"delta": "AAAA//8="})),
        ev("response.output_text.done", json!({"text": "Mail [EMAIL_ADDRESS_1] now"})),
        ev("response.audio_transcript.delta", json!({"content_index": 1, "delta": "to [EMAIL_ADDRESS"})),
        ev("response.audio_transcript.delta", json!({"content_index": 1, "delta": "_1]"})),
        ev("response.audio_transcript.done", json!({"content_index": 1, "transcript": "to [EMAIL_ADDRESS_1]"})),
        json!({"type": "conversation.item.done", "item": {"id": "item_1", "type": "message",
            "role": "assistant", "content": [{"type": "output_text", "text": "Mail [EMAIL_ADDRESS_1] now"},
            {"type": "output_audio", "transcript": "to [EMAIL_ADDRESS_1]"}]}}).to_string(),
        json!({"type": "response.done", "response": {"id": "resp_1", "status": "completed",
            "output": [{"type": "message", "content": [{"type": "output_text", "text": "[EMAIL_ADDRESS_1]"}]}]}}).to_string(),
    ];
    let mut delivered: Vec<Value> = Vec::new();
    for m in &messages {
        match r.push(m) {
            None => delivered.push(serde_json::from_str(m).unwrap()),
            Some(out) => delivered.extend(
                out.iter()
                    .map(|s| serde_json::from_str::<Value>(s).unwrap()),
            ),
        }
    }
    for m in r.finish() {
        delivered.push(serde_json::from_str(&m).unwrap());
    }
    let all: String = delivered.iter().map(Value::to_string).collect();
    assert!(!all.contains("EMAIL_ADDRESS"), "{all}");
    let deltas = |kind: &str| -> String {
        delivered
            .iter()
            .filter(|e| e["type"] == kind)
            .map(|e| e["delta"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        deltas("response.output_text.delta"),
        format!("Mail {EMAIL} now")
    );
    assert_eq!(
        deltas("response.audio_transcript.delta"),
        format!("to {EMAIL}")
    );
    // What was held back went out before its stream's `.done`, with the event's ids.
    let done = delivered
        .iter()
        .position(|e| e["type"] == "response.output_text.done")
        .unwrap();
    let last_delta = delivered
        .iter()
        .rposition(|e| e["type"] == "response.output_text.delta")
        .unwrap();
    assert!(last_delta < done);
    assert_eq!(delivered[last_delta]["item_id"], "item_1");
    let find = |kind: &str| {
        delivered
            .iter()
            .find(|e| e["type"] == kind)
            .unwrap()
            .clone()
    };
    assert_eq!(
        find("response.output_text.done")["text"],
        format!("Mail {EMAIL} now")
    );
    assert_eq!(
        find("conversation.item.done")["item"]["content"][1]["transcript"],
        format!("to {EMAIL}")
    );
    assert_eq!(
        find("response.done")["response"]["output"][0]["content"][0]["text"],
        EMAIL
    );
    // The audio passed as it came, untouched; a message with nothing to restore too.
    assert!(r.push(&messages[3]).is_none());
    assert!(r
        .push(r#"{"type":"session.updated","session":{"instructions":"be brief"}}"#)
        .is_none());
    assert!(r.push("not json").is_none());
}

#[test]
fn a_realtime_restorer_learns_values_sent_after_it_was_made() {
    let mut g = guard();
    let mut r = EventRestorer::new(g.vault(), &RestoreOptions::default());
    sent(
        &mut g,
        &json!({"type": "conversation.item.create", "item": {"type": "message",
        "role": "user", "content": [{"type": "input_text", "text": format!("mail {EMAIL}")}]}}),
    );
    r.set_vault(g.vault());
    let mut out = r
        .push(r#"{"type":"response.output_text.delta","output_index":0,"content_index":0,"delta":"[EMAIL_ADDRESS_1]."}"#)
        .unwrap();
    out.extend(r.finish());
    let text: String = out
        .iter()
        .map(|m| {
            serde_json::from_str::<Value>(m).unwrap()["delta"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(text, format!("{EMAIL}."));
}

// AWS event stream frames, written here from the format's description (prelude: total and
// header lengths, CRC-32 of the prelude; string headers; payload; CRC-32 of the whole), with a
// table CRC-32 of this file's own.

fn crc32_table(data: &[u8]) -> u32 {
    let table: Vec<u32> = (0..256u32)
        .map(|n| {
            (0..8).fold(n, |c, _| {
                if c & 1 == 1 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                }
            })
        })
        .collect();
    !data.iter().fold(!0u32, |c, &b| {
        table[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

fn frame(event_type: &str, payload: &Value) -> Vec<u8> {
    let mut h = Vec::new();
    for (k, v) in [
        (":event-type", event_type),
        (":content-type", "application/json"),
        (":message-type", "event"),
    ] {
        h.push(k.len() as u8);
        h.extend_from_slice(k.as_bytes());
        h.push(7);
        h.extend_from_slice(&(v.len() as u16).to_be_bytes());
        h.extend_from_slice(v.as_bytes());
    }
    let p = payload.to_string().into_bytes();
    let total = (16 + h.len() + p.len()) as u32;
    let mut f = total.to_be_bytes().to_vec();
    f.extend_from_slice(&(h.len() as u32).to_be_bytes());
    let c = crc32_table(&f);
    f.extend_from_slice(&c.to_be_bytes());
    f.extend_from_slice(&h);
    f.extend_from_slice(&p);
    let c = crc32_table(&f);
    f.extend_from_slice(&c.to_be_bytes());
    f
}

/// Splits a stream into (event type, payload) frames, checking every length and checksum.
fn frames(mut b: &[u8]) -> Vec<(String, Value)> {
    let be = |x: &[u8]| u32::from_be_bytes([x[0], x[1], x[2], x[3]]) as usize;
    let mut out = Vec::new();
    while !b.is_empty() {
        let (total, hl) = (be(b), be(&b[4..]));
        assert_eq!(be(&b[8..]) as u32, crc32_table(&b[..8]), "prelude checksum");
        assert_eq!(
            be(&b[total - 4..]) as u32,
            crc32_table(&b[..total - 4]),
            "message checksum"
        );
        let h = &b[12..12 + hl];
        let name_len = h[0] as usize;
        assert_eq!(&h[1..1 + name_len], b":event-type");
        let vl = u16::from_be_bytes([h[2 + name_len], h[3 + name_len]]) as usize;
        let kind = String::from_utf8(h[4 + name_len..4 + name_len + vl].to_vec()).unwrap();
        let payload = serde_json::from_slice(&b[12 + hl..total - 4]).unwrap();
        out.push((kind, payload));
        b = &b[total..];
    }
    out
}

fn b64(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            s.push(if i <= c.len() {
                A[(n >> (18 - 6 * i) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    s
}

fn unb64(s: &str) -> Vec<u8> {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for ch in s.bytes().filter(|&c| c != b'=') {
        acc = (acc << 6) | A.iter().position(|&a| a == ch).unwrap() as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// Runs `stream` through a restorer in chunks of `size` bytes.
fn through(g: &Guard, stream: &[u8], size: usize) -> (Vec<u8>, usize) {
    let mut r = EventStreamRestorer::new(g.vault(), &RestoreOptions::default());
    let mut out = Vec::new();
    for c in stream.chunks(size) {
        out.extend(r.push(c));
    }
    out.extend(r.finish());
    (out, r.corrupt_frames())
}

fn converse_stream() -> Vec<u8> {
    let mut s = frame("messageStart", &json!({"role": "assistant", "p": "abc"}));
    for piece in ["Write to [EMAIL_", "ADDRESS_1] to", "day."] {
        s.extend(frame(
            "contentBlockDelta",
            &json!({"contentBlockIndex": 0, "delta": {"text": piece}, "p": "ab"}),
        ));
    }
    s.extend(frame("contentBlockStop", &json!({"contentBlockIndex": 0})));
    s.extend(frame("messageStop", &json!({"stopReason": "end_turn"})));
    s.extend(frame(
        "metadata",
        &json!({"usage": {"inputTokens": 5, "outputTokens": 9}}),
    ));
    s
}

#[test]
fn a_bedrock_converse_stream_is_restored_with_valid_checksums() {
    let g = guard_with_email();
    let stream = converse_stream();
    for size in [1, 5, 64, stream.len()] {
        let (out, corrupt) = through(&g, &stream, size);
        assert_eq!(corrupt, 0);
        let fs = frames(&out);
        let text: String = fs
            .iter()
            .filter(|(k, _)| k == "contentBlockDelta")
            .map(|(_, p)| p["delta"]["text"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(text, format!("Write to {EMAIL} today."), "chunks of {size}");
        assert!(!String::from_utf8_lossy(&out).contains("EMAIL_ADDRESS"));
        assert_eq!(fs.last().unwrap().0, "metadata");
        // Frames with nothing to restore are passed on byte for byte.
        assert!(out.starts_with(&frame(
            "messageStart",
            &json!({"role": "assistant", "p": "abc"})
        )));
    }
}

#[test]
fn a_bedrock_invoke_stream_has_its_chunks_restored() {
    let g = guard_with_email();
    let events = [
        json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
        json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hi [EMAIL_ADD"}}),
        json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "RESS_1]!"}}),
        json!({"type": "content_block_stop", "index": 0}),
        json!({"type": "message_stop"}),
    ];
    let stream: Vec<u8> = events
        .iter()
        .flat_map(|e| frame("chunk", &json!({"bytes": b64(e.to_string().as_bytes())})))
        .collect();
    let (out, corrupt) = through(&g, &stream, 7);
    assert_eq!(corrupt, 0);
    let mut text = String::new();
    for (kind, p) in frames(&out) {
        assert_eq!(kind, "chunk");
        let inner: Value = serde_json::from_slice(&unb64(p["bytes"].as_str().unwrap())).unwrap();
        if inner["type"] == "content_block_delta" {
            text.push_str(inner["delta"]["text"].as_str().unwrap());
        }
    }
    assert_eq!(text, format!("Hi {EMAIL}!"));
}

#[test]
fn a_corrupt_event_stream_frame_is_passed_on_untouched_and_counted() {
    let g = guard_with_email();
    let mut bad = frame(
        "contentBlockDelta",
        &json!({"contentBlockIndex": 0, "delta": {"text": "[EMAIL_ADDRESS_1] "}}),
    );
    let n = bad.len();
    bad[n - 8] ^= 0x20; // a payload byte: the message checksum no longer holds
    let good = frame(
        "contentBlockDelta",
        &json!({"contentBlockIndex": 1, "delta": {"text": "[EMAIL_ADDRESS_1]"}}),
    );
    let stream = [bad.clone(), good].concat();
    let (out, corrupt) = through(&g, &stream, 3);
    assert_eq!(corrupt, 1);
    assert!(out.starts_with(&bad), "the bad frame goes on as it came");
    let rest: String = frames(&out[bad.len()..])
        .iter()
        .map(|(_, p)| p["delta"]["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(rest, EMAIL);
    // A prelude that does not check out: nothing after it can be framed, all of it passes.
    let mut broken = stream.clone();
    broken[9] ^= 1;
    let (out, corrupt) = through(&g, &broken, 5);
    assert_eq!((out, corrupt), (broken, 1));
}
