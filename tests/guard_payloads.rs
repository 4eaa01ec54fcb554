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
