//! Incoming responses: putting original values back into a model's answer, for a whole JSON
//! body and for a server-sent-events stream whose text deltas split placeholders anywhere.

use crate::{StreamRestorer, Vault};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Restores every string in a JSON document. A string that itself holds a JSON object or array
/// (tool-call `arguments`) is restored inside, so a restored value with a quote in it cannot
/// break that inner document.
pub fn restore_value(v: &mut Value, vault: &Vault) {
    match v {
        Value::String(s) => {
            let t = s.trim_start();
            if t.starts_with('{') || t.starts_with('[') {
                if let Ok(mut inner) = serde_json::from_str::<Value>(s) {
                    restore_value(&mut inner, vault);
                    if let Ok(out) = serde_json::to_string(&inner) {
                        *s = out;
                        return;
                    }
                }
            }
            let restored = vault.restore(s);
            if restored != *s {
                *s = restored;
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| restore_value(x, vault)),
        Value::Object(o) => o.values_mut().for_each(|x| restore_value(x, vault)),
        _ => {}
    }
}

/// Restores a whole JSON response body. `None` when the body is not JSON (restore it as text).
pub fn restore_json(body: &str, vault: &Vault) -> Option<String> {
    let mut v: Value = serde_json::from_str(body).ok()?;
    restore_value(&mut v, vault);
    serde_json::to_string(&v).ok()
}

/// Which text stream inside an event a delta belongs to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum StreamKey {
    /// Chat Completions `choices[i].delta.content`.
    ChatContent(u64),
    /// Chat Completions `choices[i].delta.tool_calls[j].function.arguments`.
    ChatToolArgs(u64, u64),
    /// Responses API `response.output_text.delta` (output_index, content_index).
    OutputText(u64, u64),
    /// Responses API `response.function_call_arguments.delta` (output_index).
    FunctionArgs(u64),
}

struct Open {
    restorer: StreamRestorer,
    /// Top-level fields to copy into a synthetic flush event (id, model, item_id, ...).
    template: Map<String, Value>,
}

/// Restores an OpenAI-style SSE stream (`text/event-stream`) chunk by chunk.
///
/// Events are cut at blank lines however the bytes arrive. Text deltas of one stream (one
/// choice, one tool call, one output part) run through their own [`StreamRestorer`], so a
/// placeholder split across events is restored; what a restorer holds back is sent as an extra
/// delta event when that stream ends (`finish_reason`, a `.done` event, `[DONE]`, or the end).
/// Events that are not JSON, and comments, pass through unchanged; other JSON events have their
/// strings restored whole.
pub struct SseRestorer {
    vault: Vault,
    buffer: String,
    open: BTreeMap<StreamKey, Open>,
}

impl std::fmt::Debug for SseRestorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SseRestorer")
            .field("buffered_bytes", &self.buffer.len())
            .field("open_streams", &self.open.len())
            .finish()
    }
}

fn u(v: Option<&Value>) -> u64 {
    v.and_then(Value::as_u64).unwrap_or(0)
}

impl SseRestorer {
    /// A restorer with a snapshot of `vault`.
    pub fn new(vault: &Vault) -> SseRestorer {
        SseRestorer {
            vault: vault.clone(),
            buffer: String::new(),
            open: BTreeMap::new(),
        }
    }

    /// Feeds received text; returns the complete, restored events so far.
    pub fn push(&mut self, chunk: &str) -> String {
        self.buffer.push_str(chunk);
        let mut out = String::new();
        while let Some((end, next)) = event_end(&self.buffer) {
            let event: String = self.buffer[..end].to_string();
            self.buffer.drain(..next);
            self.event(&event, &mut out);
        }
        out
    }

    /// Ends the stream: a last event without its blank line, and everything held back.
    pub fn finish(&mut self) -> String {
        let mut out = String::new();
        let rest = std::mem::take(&mut self.buffer);
        if !rest.trim().is_empty() {
            self.event(rest.trim_end_matches(['\r', '\n']), &mut out);
        }
        self.flush(&|_| true, &mut out);
        out
    }

    /// Sends what the streams chosen by `which` hold back. `which` is a trait object: a
    /// generic parameter gave one copy of this function (and its JSON building) per caller.
    fn flush(&mut self, which: &dyn Fn(&StreamKey) -> bool, out: &mut String) {
        let keys: Vec<StreamKey> = self.open.keys().filter(|k| which(k)).cloned().collect();
        for k in keys {
            let mut open = self.open.remove(&k).expect("key listed above");
            let held = open.restorer.finish();
            if held.is_empty() {
                continue;
            }
            let mut ev = open.template;
            match k {
                StreamKey::ChatContent(i) => {
                    ev.insert(
                        "choices".into(),
                        serde_json::json!([{"index": i, "delta": {"content": held}, "finish_reason": null}]),
                    );
                }
                StreamKey::ChatToolArgs(i, j) => {
                    ev.insert(
                        "choices".into(),
                        serde_json::json!([{"index": i, "delta": {"tool_calls": [
                            {"index": j, "function": {"arguments": held}}]}, "finish_reason": null}]),
                    );
                }
                StreamKey::OutputText(..) | StreamKey::FunctionArgs(_) => {
                    ev.insert("delta".into(), Value::String(held));
                }
            }
            if let Some(Value::String(t)) = ev.get("type") {
                out.push_str("event: ");
                out.push_str(&t.clone());
                out.push('\n');
            }
            out.push_str("data: ");
            out.push_str(&Value::Object(ev).to_string());
            out.push_str("\n\n");
        }
    }

    fn restorer(&mut self, key: StreamKey, template: Map<String, Value>) -> &mut StreamRestorer {
        let vault = &self.vault;
        let open = self.open.entry(key).or_insert_with(|| Open {
            restorer: vault.stream_restorer(),
            template: Map::new(),
        });
        open.template = template;
        &mut open.restorer
    }

    /// One event (without its terminating blank line).
    fn event(&mut self, event: &str, out: &mut String) {
        let mut data: Option<String> = None;
        let mut other = Vec::new();
        for line in event.split('\n') {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if let Some(d) = line.strip_prefix("data:") {
                let d = d.strip_prefix(' ').unwrap_or(d);
                match &mut data {
                    Some(acc) => {
                        acc.push('\n');
                        acc.push_str(d);
                    }
                    None => data = Some(d.to_string()),
                }
            } else {
                other.push(line);
            }
        }
        let Some(data) = data else {
            // Comments, `retry:`, a bare `event:`: nothing to restore.
            out.push_str(event);
            out.push_str("\n\n");
            return;
        };
        let parsed = serde_json::from_str::<Value>(&data);
        let Ok(Value::Object(mut obj)) = parsed else {
            // `[DONE]` or anything else that is not a JSON object ends the text streams first.
            self.flush(&|_| true, out);
            for l in &other {
                out.push_str(l);
                out.push('\n');
            }
            out.push_str("data: ");
            out.push_str(&data);
            out.push_str("\n\n");
            return;
        };
        let mut flush_after: Vec<StreamKey> = Vec::new();
        self.transform(&mut obj, &mut flush_after, out);
        for l in &other {
            out.push_str(l);
            out.push('\n');
        }
        out.push_str("data: ");
        out.push_str(&Value::Object(obj).to_string());
        out.push_str("\n\n");
        self.flush(&|k| flush_after.contains(k), out);
    }

    /// Restores the deltas of one JSON event in place; records streams that end with it.
    /// Held-back text of an ending stream is flushed into the event itself when the event
    /// carries that stream's delta, so no extra event is needed in the common case.
    fn transform(
        &mut self,
        obj: &mut Map<String, Value>,
        ends: &mut Vec<StreamKey>,
        out: &mut String,
    ) {
        // Inserted one by one: `collect` into the map would bring in its own sort.
        let template = |obj: &Map<String, Value>, keep: &[&str]| -> Map<String, Value> {
            let mut t = Map::new();
            for (k, v) in obj.iter().filter(|(k, _)| keep.contains(&k.as_str())) {
                t.insert(k.clone(), v.clone());
            }
            t
        };
        let kind = obj.get("type").and_then(Value::as_str).map(str::to_string);
        match kind.as_deref() {
            Some("response.output_text.delta") | Some("response.function_call_arguments.delta") => {
                let key = if kind.as_deref() == Some("response.output_text.delta") {
                    StreamKey::OutputText(u(obj.get("output_index")), u(obj.get("content_index")))
                } else {
                    StreamKey::FunctionArgs(u(obj.get("output_index")))
                };
                let t = template(obj, &["type", "item_id", "output_index", "content_index"]);
                if let Some(Value::String(d)) = obj.get_mut("delta") {
                    *d = self.restorer(key, t).push(d);
                }
                return;
            }
            Some("response.output_text.done") | Some("response.function_call_arguments.done") => {
                // The done event repeats the whole text: the held-back tail must go out first.
                let key = if kind.as_deref() == Some("response.output_text.done") {
                    StreamKey::OutputText(u(obj.get("output_index")), u(obj.get("content_index")))
                } else {
                    StreamKey::FunctionArgs(u(obj.get("output_index")))
                };
                self.flush(&|k| *k == key, out);
            }
            _ => {}
        }
        let Some(Value::Array(choices)) = obj.get("choices").cloned() else {
            if kind.is_some() {
                let mut v = Value::Object(std::mem::take(obj));
                restore_value(&mut v, &self.vault);
                if let Value::Object(o) = v {
                    *obj = o;
                }
            }
            return;
        };
        let t = template(
            obj,
            &["id", "object", "created", "model", "system_fingerprint"],
        );
        let mut new_choices = Vec::with_capacity(choices.len());
        for mut choice in choices {
            let i = u(choice.get("index"));
            let finished = choice.get("finish_reason").is_some_and(|r| !r.is_null());
            if let Some(delta) = choice.get_mut("delta") {
                if let Some(Value::String(c)) = delta.get_mut("content") {
                    let r = self.restorer(StreamKey::ChatContent(i), t.clone());
                    let mut s = r.push(c);
                    if finished {
                        s.push_str(&r.finish());
                    }
                    *c = s;
                }
                if let Some(Value::Array(calls)) = delta.get_mut("tool_calls") {
                    for call in calls {
                        let j = u(call.get("index"));
                        if let Some(Value::String(a)) = call
                            .get_mut("function")
                            .and_then(|f| f.get_mut("arguments"))
                        {
                            *a = self
                                .restorer(StreamKey::ChatToolArgs(i, j), t.clone())
                                .push(a);
                        }
                    }
                }
            }
            if let Some(m) = choice.get_mut("message") {
                restore_value(m, &self.vault);
            }
            if finished {
                ends.extend(
                    self.open
                        .keys()
                        .filter(|k| matches!(k, StreamKey::ChatContent(x) | StreamKey::ChatToolArgs(x, _) if *x == i))
                        .cloned(),
                );
            }
            new_choices.push(choice);
        }
        obj.insert("choices".into(), Value::Array(new_choices));
    }
}

/// The end of the first complete event in `buf` and where the next one starts.
fn event_end(buf: &str) -> Option<(usize, usize)> {
    let b = buf.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' {
            if b.get(i + 1) == Some(&b'\n') {
                return Some((i, i + 2));
            }
            if b.get(i + 1) == Some(&b'\r') && b.get(i + 2) == Some(&b'\n') {
                return Some((i, i + 3));
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;
    use serde_json::json;

    fn vault() -> Vault {
        let engine = Engine::default_engine();
        let mut v = Vault::new();
        let t = "mail jane@example.com, call +44 20 7946 0958";
        v.pseudonymize(t, &engine.scan(t));
        v
    }

    #[test]
    fn json_body_restores_message_and_tool_arguments() {
        let v = vault();
        let body = json!({"choices": [{"message": {"content": "Wrote to [EMAIL_ADDRESS_1].",
            "tool_calls": [{"function": {"name": "call", "arguments": "{\"n\":\"[PHONE_NUMBER_1]\"}"}}]}}],
            "id": "chatcmpl-1"});
        let out: Value =
            serde_json::from_str(&restore_json(&body.to_string(), &v).unwrap()).unwrap();
        assert_eq!(
            out["choices"][0]["message"]["content"],
            "Wrote to jane@example.com."
        );
        let args: Value = serde_json::from_str(
            out["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"]
                .as_str()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(args["n"], "+44 20 7946 0958");
        assert_eq!(out["id"], "chatcmpl-1");
        assert_eq!(restore_json("not json", &v), None);
    }

    /// Builds a Chat Completions stream whose content deltas are `pieces`.
    fn chat_stream(pieces: &[&str]) -> String {
        let mut s = String::new();
        s.push_str(": keep-alive\n\n");
        for (n, p) in pieces.iter().enumerate() {
            let ev = json!({"id": "c", "object": "chat.completion.chunk", "model": "m",
                "choices": [{"index": 0, "delta": {"content": p}, "finish_reason": null}]});
            s.push_str(&format!("data: {ev}\n\n"));
            if n == 0 {
                // A second choice interleaved: its own restorer.
                let ev = json!({"choices": [{"index": 1, "delta": {"content": "B [EMAIL_"}, "finish_reason": null}]});
                s.push_str(&format!("data: {ev}\n\n"));
            }
        }
        let ev = json!({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]});
        s.push_str(&format!("data: {ev}\n\n"));
        let ev = json!({"choices": [{"index": 1, "delta": {"content": "ADDRESS_1]"}, "finish_reason": "stop"}]});
        s.push_str(&format!("data: {ev}\n\n"));
        s.push_str("data: [DONE]\n\n");
        s
    }

    /// Parses a stream back into (per-choice content, whether [DONE] came last).
    fn contents(stream: &str) -> (BTreeMap<u64, String>, bool) {
        let mut by_choice = BTreeMap::new();
        let mut done_last = false;
        for ev in stream.split("\n\n").filter(|e| !e.is_empty()) {
            done_last = false;
            for line in ev.lines() {
                let Some(d) = line.strip_prefix("data: ") else {
                    continue;
                };
                if d == "[DONE]" {
                    done_last = true;
                    continue;
                }
                let v: Value = serde_json::from_str(d).unwrap();
                for c in v["choices"].as_array().unwrap() {
                    if let Some(t) = c["delta"]["content"].as_str() {
                        by_choice
                            .entry(c["index"].as_u64().unwrap())
                            .or_insert_with(String::new)
                            .push_str(t);
                    }
                }
            }
        }
        (by_choice, done_last)
    }

    #[test]
    fn sse_restores_placeholders_split_across_events_and_chunks() {
        let v = vault();
        let answer = "Sure. I will write to [EMAIL_ADDRESS_1] and call PHONE_NUMBER_1 today.";
        let expected = v.restore(answer);
        assert!(expected.contains("jane@example.com") && expected.contains("+44 20 7946 0958"));
        // Cut the answer into deltas at every position pair, and the byte stream into chunks.
        for cut in (1..answer.len()).step_by(3) {
            let pieces = [&answer[..cut], &answer[cut..]];
            let stream = chat_stream(&pieces);
            for chunk_len in [1, 7, 64, stream.len()] {
                let mut r = SseRestorer::new(&v);
                let mut out = String::new();
                let bytes: Vec<char> = stream.chars().collect();
                for c in bytes.chunks(chunk_len) {
                    out += &r.push(&c.iter().collect::<String>());
                }
                out += &r.finish();
                let (got, done_last) = contents(&out);
                assert_eq!(got[&0], expected, "cut {cut} chunk {chunk_len}");
                assert_eq!(got[&1], "B jane@example.com");
                assert!(done_last, "[DONE] must stay last");
                assert!(out.starts_with(": keep-alive\n\n"));
                assert!(!out.contains("EMAIL_ADDRESS_1"), "{out}");
            }
        }
    }

    #[test]
    fn sse_crlf_multiline_and_unterminated_last_event() {
        let v = vault();
        let stream = "event: x\r\ndata: {\"choices\":[{\"index\":0,\r\ndata: \"delta\":{\"content\":\"to [EMAIL_ADDRESS_1]\"}}]}\r\n\r\n";
        let mut r = SseRestorer::new(&v);
        let mut out = r.push(stream);
        out += &r.finish();
        let (got, _) = contents(&out);
        assert_eq!(got[&0], "to jane@example.com");
        assert!(out.starts_with("event: x\n"));
        // No blank line at the end: finish() still handles the event.
        let mut r = SseRestorer::new(&v);
        let mut out = r.push(
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"[PHONE_NUMBER_1]\"}}]}",
        );
        out += &r.finish();
        assert_eq!(contents(&out).0[&0], "+44 20 7946 0958");
    }

    #[test]
    fn sse_tool_call_arguments_and_responses_api() {
        let v = vault();
        let evs = [
            json!({"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "id": "t", "function": {"name": "send", "arguments": "{\"to\":\"[EMAIL_"}}]}}]}),
            json!({"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": "ADDRESS_1]\"}"}}]}}]}),
            json!({"choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]}),
        ];
        let stream: String = evs.iter().map(|e| format!("data: {e}\n\n")).collect();
        let mut r = SseRestorer::new(&v);
        let out = r.push(&stream) + &r.finish();
        let mut args = String::new();
        for line in out.lines().filter_map(|l| l.strip_prefix("data: ")) {
            let e: Value = serde_json::from_str(line).unwrap();
            if let Some(a) =
                e["choices"][0]["delta"]["tool_calls"][0]["function"]["arguments"].as_str()
            {
                args.push_str(a);
            }
        }
        assert_eq!(args, "{\"to\":\"jane@example.com\"}");

        let evs = [
            json!({"type": "response.output_text.delta", "output_index": 0, "content_index": 0, "delta": "Hi [PHONE_"}),
            json!({"type": "response.output_text.delta", "output_index": 0, "content_index": 0, "delta": "NUMBER_1]!"}),
            json!({"type": "response.output_text.done", "output_index": 0, "content_index": 0, "text": "Hi [PHONE_NUMBER_1]!"}),
        ];
        let stream: String = evs
            .iter()
            .map(|e| format!("event: {}\ndata: {e}\n\n", e["type"].as_str().unwrap()))
            .collect();
        let mut r = SseRestorer::new(&v);
        let out = r.push(&stream) + &r.finish();
        let mut deltas = String::new();
        let mut done_text = String::new();
        for line in out.lines().filter_map(|l| l.strip_prefix("data: ")) {
            let e: Value = serde_json::from_str(line).unwrap();
            match e["type"].as_str().unwrap() {
                "response.output_text.delta" => deltas.push_str(e["delta"].as_str().unwrap()),
                "response.output_text.done" => done_text = e["text"].as_str().unwrap().into(),
                _ => {}
            }
        }
        assert_eq!(deltas, "Hi +44 20 7946 0958!");
        assert_eq!(done_text, "Hi +44 20 7946 0958!");
        // The held-back tail went out before the done event.
        assert!(out.find("response.output_text.done").unwrap() > out.rfind("\"delta\":").unwrap());
    }

    #[test]
    fn debug_shows_counts_only() {
        let v = vault();
        let mut r = SseRestorer::new(&v);
        r.push("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"jane\"}}]}");
        assert!(!format!("{r:?}").contains("jane"));
    }
}
