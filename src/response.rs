//! Incoming responses: putting original values back into a model's answer, for a whole JSON
//! body and for streams whose text deltas split placeholders anywhere: server-sent events
//! ([`SseRestorer`]) and streams of JSON objects ([`JsonStreamRestorer`]: NDJSON, or one JSON
//! array whose elements arrive one by one).
//!
//! The answer formats read, from each provider's API reference:
//! - OpenAI Chat Completions (`choices[].message`, `choices[].delta.content`, `tool_calls`) and
//!   Responses (`response.*.delta` / `.done` events).
//! - Anthropic Messages (`content[]` blocks; `content_block_start` / `_delta` with `text_delta`,
//!   `thinking_delta`, `input_json_delta` / `_stop`, `message_stop`).
//! - Gemini `generateContent` / `streamGenerateContent` (`candidates[].content.parts[].text`,
//!   `functionCall.args`, `finishReason`), as SSE (`alt=sse`) or a streamed JSON array.
//! - Ollama `/api/chat` (`message.content`, `message.thinking`, `message.tool_calls`) and
//!   `/api/generate` (`response`), NDJSON ending with `"done": true`.
//! - Cohere v2 chat (`message.content[].text`, `tool_plan`; events `content-start` /
//!   `content-delta` / `content-end`, `tool-plan-delta`, `tool-call-*`, `message-end`).
//!
//! Text is restored as [`RestoreOptions`] allow (never into URLs by default). Tool-call
//! arguments (`arguments`, `partial_json`, `args`, a `tool_use` block's `input`) are left as
//! the model wrote them unless [`RestoreOptions::tool_arguments`] is set: a tool may fetch,
//! send or store what it is given.

use crate::restore::{restore_text, Issued, RestoreMode, UrlRules};
use crate::{RestoreOptions, StreamRestorer, Vault};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

mod eventstream;
pub use eventstream::EventStreamRestorer;

/// What restoring one response reads, built once: the vault's snapshot and the options.
struct Ctx {
    issued: Arc<Issued>,
    rules: Arc<UrlRules>,
    tool_arguments: bool,
}

/// Keys whose value is a tool call's arguments (in every API above), whatever object holds
/// them.
const TOOL_KEYS: &[&str] = &["arguments", "partial_json", "args"];

/// Whether `key` of `obj` holds tool-call input: [`TOOL_KEYS`], the `input` of an Anthropic
/// `tool_use` block (or a Responses `custom_tool_call`), the `delta` of a Responses event
/// streaming arguments.
fn is_tool_key(obj: &Map<String, Value>, key: &str) -> bool {
    let kind = obj.get("type").and_then(Value::as_str).unwrap_or("");
    TOOL_KEYS.contains(&key)
        || key == "input" && (kind.ends_with("tool_use") || kind.ends_with("tool_call"))
        || key == "delta" && kind.starts_with("response.") && responses_tool_event(kind)
}

/// A Responses API event type that streams a tool call's input.
fn responses_tool_event(kind: &str) -> bool {
    kind.contains("arguments") || kind.contains("tool_call_input")
}

impl Ctx {
    fn new(vault: &Vault, options: &RestoreOptions) -> Ctx {
        Ctx {
            issued: Arc::new(vault.issued()),
            rules: Arc::new(UrlRules::new(options)),
            tool_arguments: options.tool_arguments,
        }
    }

    fn stream(&self, mode: RestoreMode) -> StreamRestorer {
        StreamRestorer::from_parts(self.issued.clone(), self.rules.clone(), mode)
    }

    /// Restores every string of `v`; `tool`: `v` is (inside) tool-call arguments. A string
    /// that itself holds a JSON object or array (OpenAI's `arguments`) is restored inside, so
    /// a restored value with a quote in it cannot break that inner document.
    fn value(&self, v: &mut Value, tool: bool) {
        if tool && !self.tool_arguments {
            return;
        }
        match v {
            Value::String(s) => {
                let t = s.trim_start();
                if t.starts_with('{') || t.starts_with('[') {
                    if let Ok(mut inner) = serde_json::from_str::<Value>(s) {
                        self.value(&mut inner, tool);
                        if let Ok(out) = serde_json::to_string(&inner) {
                            *s = out;
                            return;
                        }
                    }
                }
                let restored = restore_text(s, &self.issued, &self.rules);
                if restored != *s {
                    *s = restored;
                }
            }
            Value::Array(a) => a.iter_mut().for_each(|x| self.value(x, tool)),
            Value::Object(o) => {
                let keys: Vec<String> = o.keys().cloned().collect();
                for k in keys {
                    let t = tool || is_tool_key(o, &k);
                    if let Some(x) = o.get_mut(&k) {
                        self.value(x, t);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Restores every string in a JSON document with the default (safe) [`RestoreOptions`].
pub fn restore_value(v: &mut Value, vault: &Vault) {
    restore_value_with(v, vault, &RestoreOptions::default());
}

/// Restores every string in a JSON document as `options` allow; tool-call arguments only when
/// [`RestoreOptions::tool_arguments`] is set.
pub fn restore_value_with(v: &mut Value, vault: &Vault, options: &RestoreOptions) {
    Ctx::new(vault, options).value(v, false);
}

/// Restores a whole JSON response body with the default (safe) [`RestoreOptions`]. `None`
/// when the body is not JSON (restore it as text).
pub fn restore_json(body: &str, vault: &Vault) -> Option<String> {
    restore_json_with(body, vault, &RestoreOptions::default())
}

/// [`restore_json`] as `options` allow. A body with nothing to restore comes back as it was,
/// byte for byte: written anew, its keys would be reordered and its numbers reformatted (an
/// embeddings answer's vectors among them).
pub fn restore_json_with(body: &str, vault: &Vault, options: &RestoreOptions) -> Option<String> {
    let mut v: Value = serde_json::from_str(body).ok()?;
    let before = v.clone();
    restore_value_with(&mut v, vault, options);
    if v == before {
        return Some(body.to_string());
    }
    serde_json::to_string(&v).ok()
}

/// Which text stream inside an event a delta belongs to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum StreamKey {
    /// Chat Completions `choices[i].delta.content`.
    ChatContent(u64),
    /// Chat Completions `choices[i].delta.tool_calls[j].function.arguments`.
    ChatToolArgs(u64, u64),
    /// Responses API `response.<kind>.delta`: kind, output_index, content (or summary) index.
    Responses(String, u64, u64),
    /// Anthropic content block `index`, by delta type (`text_delta`, `thinking_delta`,
    /// `input_json_delta`).
    Block(u64, &'static str),
    /// Cohere `content-delta` of content `index`.
    CohereText(u64),
    /// Cohere `tool-plan-delta`.
    CohereToolPlan,
    /// Cohere `tool-call-delta` of tool call `index`.
    CohereToolArgs(u64),
    /// Gemini candidate `index`, thought parts apart.
    Gemini(u64, bool),
    /// Ollama: `message.content`, `message.thinking` or `response`.
    Ollama(&'static str),
    /// Bedrock ConverseStream `contentBlockDelta` text of content block `contentBlockIndex`.
    Bedrock(u64),
}

/// The field of an Anthropic delta type that carries its text.
fn block_field(delta_type: &str) -> Option<(&'static str, &'static str)> {
    match delta_type {
        "text_delta" => Some(("text_delta", "text")),
        "thinking_delta" => Some(("thinking_delta", "thinking")),
        "input_json_delta" => Some(("input_json_delta", "partial_json")),
        _ => None,
    }
}

struct Open {
    restorer: StreamRestorer,
    /// Top-level fields to copy into a synthetic event (id, model, item_id, ...).
    template: Map<String, Value>,
}

/// The text streams of one response, whatever carries them (SSE events or JSON lines): each
/// runs through its own [`StreamRestorer`]; what one holds back goes out when its stream ends,
/// in the ending event itself where that event carries the stream's text, else as an extra
/// event built like the API's own delta events.
struct Streams {
    ctx: Ctx,
    open: BTreeMap<StreamKey, Open>,
}

fn u(v: Option<&Value>) -> u64 {
    v.and_then(Value::as_u64).unwrap_or(0)
}

/// The fields of `obj` named in `keep`, in their order.
fn template(obj: &Map<String, Value>, keep: &[&str]) -> Map<String, Value> {
    // Inserted one by one: `collect` into the map would bring in its own sort.
    let mut t = Map::new();
    for (k, v) in obj.iter().filter(|(k, _)| keep.contains(&k.as_str())) {
        t.insert(k.clone(), v.clone());
    }
    t
}

/// An object holding `leaf` at `path`, objects created on the way.
fn nest(path: &[&str], leaf: Value) -> Value {
    path.iter().rev().fold(leaf, |v, k| {
        let mut m = Map::new();
        m.insert((*k).into(), v);
        Value::Object(m)
    })
}

/// `v` (an object) with `key` set to `x`.
fn with(mut v: Value, key: &str, x: Value) -> Value {
    if let Value::Object(m) = &mut v {
        m.insert(key.into(), x);
    }
    v
}

/// A Chat Completions `choices` array of one unfinished choice.
fn chat_choice(choice: Value) -> Value {
    Value::Array(vec![with(choice, "finish_reason", Value::Null)])
}

/// The string at `path` inside `v`, to change in place.
fn str_at<'v>(v: &'v mut Value, path: &[&str]) -> Option<&'v mut String> {
    let mut cur = v;
    for p in path {
        cur = cur.get_mut(*p)?;
    }
    match cur {
        Value::String(s) => Some(s),
        _ => None,
    }
}

impl Streams {
    fn new(vault: &Vault, options: &RestoreOptions) -> Streams {
        Streams {
            ctx: Ctx::new(vault, options),
            open: BTreeMap::new(),
        }
    }

    /// Pushes `text` through the stream `key` (created with `mode` if new).
    fn push(
        &mut self,
        key: StreamKey,
        mode: RestoreMode,
        t: Map<String, Value>,
        text: &str,
    ) -> String {
        let ctx = &self.ctx;
        let open = self.open.entry(key).or_insert_with(|| Open {
            restorer: ctx.stream(mode),
            template: Map::new(),
        });
        open.template = t;
        open.restorer.push(text)
    }

    /// Ends the stream `key`: what it held back ("" if it is not open).
    fn end(&mut self, key: &StreamKey) -> String {
        self.open
            .remove(key)
            .map(|mut o| o.restorer.finish())
            .unwrap_or_default()
    }

    /// Ends the streams chosen by `which`; returns the events carrying what they held back.
    /// `which` is a trait object: a generic parameter gave one copy of this function (and its
    /// JSON building) per caller.
    fn flush(&mut self, which: &dyn Fn(&StreamKey) -> bool) -> Vec<Value> {
        let keys: Vec<StreamKey> = self.open.keys().filter(|k| which(k)).cloned().collect();
        let mut out = Vec::new();
        for k in keys {
            let mut open = self.open.remove(&k).expect("key listed above");
            let held = open.restorer.finish();
            if held.is_empty() {
                continue;
            }
            let mut ev = open.template;
            // Built from paths rather than `json!` literals: one small function instead of
            // a copy of the literal's construction code per event shape in the `.wasm`.
            let held = Value::String(held);
            let (kind, index, field, value): (Option<&str>, Option<u64>, &str, Value) = match k {
                StreamKey::ChatContent(i) => {
                    let choice = with(nest(&["delta", "content"], held), "index", i.into());
                    (None, None, "choices", chat_choice(choice))
                }
                StreamKey::ChatToolArgs(i, j) => {
                    let call = with(nest(&["function", "arguments"], held), "index", j.into());
                    let choice = nest(&["delta", "tool_calls"], Value::Array(vec![call]));
                    (
                        None,
                        None,
                        "choices",
                        chat_choice(with(choice, "index", i.into())),
                    )
                }
                StreamKey::Responses(..) => (None, None, "delta", held),
                StreamKey::Block(i, t) => {
                    let f = block_field(t).map_or("text", |(_, f)| f);
                    let delta = with(nest(&[f], held), "type", t.into());
                    (Some("content_block_delta"), Some(i), "delta", delta)
                }
                StreamKey::CohereText(i) => (
                    Some("content-delta"),
                    Some(i),
                    "delta",
                    nest(&["message", "content", "text"], held),
                ),
                StreamKey::CohereToolPlan => (
                    Some("tool-plan-delta"),
                    None,
                    "delta",
                    nest(&["message", "tool_plan"], held),
                ),
                StreamKey::CohereToolArgs(i) => (
                    Some("tool-call-delta"),
                    Some(i),
                    "delta",
                    nest(&["message", "tool_calls", "function", "arguments"], held),
                ),
                StreamKey::Gemini(i, thought) => {
                    let mut part = nest(&["text"], held);
                    if thought {
                        part = with(part, "thought", Value::Bool(true));
                    }
                    let content = with(
                        nest(&["parts"], Value::Array(vec![part])),
                        "role",
                        "model".into(),
                    );
                    let cand = with(nest(&["content"], content), "index", i.into());
                    (None, None, "candidates", Value::Array(vec![cand]))
                }
                StreamKey::Ollama("response") => {
                    ev.insert("done".into(), Value::Bool(false));
                    (None, None, "response", held)
                }
                StreamKey::Ollama(f) => {
                    ev.insert("done".into(), Value::Bool(false));
                    let m = with(nest(&[f], held), "role", "assistant".into());
                    (None, None, "message", m)
                }
                StreamKey::Bedrock(_) => (None, None, "delta", nest(&["text"], held)),
            };
            if let Some(kind) = kind {
                ev.insert("type".into(), kind.into());
            }
            if let Some(i) = index {
                ev.insert("index".into(), i.into());
            }
            ev.insert(field.into(), value);
            out.push(Value::Object(ev));
        }
        out
    }

    /// Restores the deltas of one JSON event in place; returns the extra events to send before
    /// it (what ending streams held back).
    fn event(&mut self, obj: &mut Map<String, Value>) -> Vec<Value> {
        let kind = obj.get("type").and_then(Value::as_str).map(str::to_string);
        match kind.as_deref() {
            Some(k) if k.starts_with("response.") => self.responses(k, obj),
            Some(k) if k.starts_with("content_block_") || k.starts_with("message_") => {
                self.anthropic(k, obj)
            }
            Some(k) if k.contains('-') => self.cohere(k, obj),
            Some(_) => {
                self.whole(obj);
                Vec::new()
            }
            None if obj.get("choices").is_some_and(Value::is_array) => {
                self.chat(obj);
                Vec::new()
            }
            None if obj.get("candidates").is_some_and(Value::is_array) => {
                self.gemini(obj);
                Vec::new()
            }
            None if obj.get("done").is_some_and(Value::is_boolean) => {
                self.ollama(obj);
                Vec::new()
            }
            None => {
                self.whole(obj);
                Vec::new()
            }
        }
    }

    /// Every string of an event that carries no stream.
    fn whole(&self, obj: &mut Map<String, Value>) {
        let mut v = Value::Object(std::mem::take(obj));
        self.ctx.value(&mut v, false);
        if let Value::Object(o) = v {
            *obj = o;
        }
    }

    /// OpenAI Responses API events.
    fn responses(&mut self, kind: &str, obj: &mut Map<String, Value>) -> Vec<Value> {
        let second = |obj: &Map<String, Value>| {
            u(obj
                .get("content_index")
                .or_else(|| obj.get("summary_index")))
        };
        if let Some(base) = kind.strip_suffix(".delta") {
            // Audio (Realtime `response.output_audio.delta`) is base64: no text to restore.
            if base.ends_with("audio") {
                return Vec::new();
            }
            if obj.get("delta").is_some_and(Value::is_string) {
                let tool = responses_tool_event(base);
                if tool && !self.ctx.tool_arguments {
                    return Vec::new();
                }
                let key =
                    StreamKey::Responses(base.into(), u(obj.get("output_index")), second(obj));
                let mode = if tool {
                    RestoreMode::Json
                } else {
                    RestoreMode::Text
                };
                let t = template(
                    obj,
                    &[
                        "type",
                        "response_id",
                        "item_id",
                        "output_index",
                        "content_index",
                        "summary_index",
                    ],
                );
                if let Some(Value::String(d)) = obj.get_mut("delta") {
                    *d = self.push(key, mode, t, d);
                }
                return Vec::new();
            }
        }
        // A `.done` event repeats the whole text: the held-back tail must go out first. The
        // end of the response ends every stream.
        // (The Realtime API's `response.done` ends its response too.)
        let before = if matches!(
            kind,
            "response.completed" | "response.incomplete" | "response.failed" | "response.done"
        ) {
            self.flush(&|k| matches!(k, StreamKey::Responses(..)))
        } else if let Some(base) = kind.strip_suffix(".done") {
            let key = StreamKey::Responses(base.into(), u(obj.get("output_index")), second(obj));
            self.flush(&|k| *k == key)
        } else {
            Vec::new()
        };
        self.whole(obj);
        before
    }

    /// Anthropic Messages events.
    fn anthropic(&mut self, kind: &str, obj: &mut Map<String, Value>) -> Vec<Value> {
        let i = u(obj.get("index"));
        let t = template(obj, &[]);
        match kind {
            "content_block_start" => {
                // A text block may start with text: the same stream as its deltas.
                let block_type = obj
                    .get("content_block")
                    .and_then(|b| b.get("type"))
                    .and_then(Value::as_str)
                    .unwrap_or("");
                let (dt, field) = match block_type {
                    "text" => ("text_delta", "text"),
                    "thinking" => ("thinking_delta", "thinking"),
                    _ => {
                        self.whole(obj);
                        return Vec::new();
                    }
                };
                let mut v = Value::Object(std::mem::take(obj));
                if let Some(s) = str_at(&mut v, &["content_block", field]) {
                    *s = self.push(StreamKey::Block(i, dt), RestoreMode::Text, t, s);
                }
                if let Value::Object(o) = v {
                    *obj = o;
                }
                Vec::new()
            }
            "content_block_delta" => {
                let dt = obj
                    .get("delta")
                    .and_then(|d| d.get("type"))
                    .and_then(Value::as_str)
                    .and_then(block_field);
                let Some((dt, field)) = dt else {
                    self.whole(obj);
                    return Vec::new();
                };
                let tool = dt == "input_json_delta";
                if tool && !self.ctx.tool_arguments {
                    return Vec::new();
                }
                let mode = if tool {
                    RestoreMode::Json
                } else {
                    RestoreMode::Text
                };
                let mut v = Value::Object(std::mem::take(obj));
                if let Some(s) = str_at(&mut v, &["delta", field]) {
                    *s = self.push(StreamKey::Block(i, dt), mode, t, s);
                }
                if let Value::Object(o) = v {
                    *obj = o;
                }
                Vec::new()
            }
            "content_block_stop" => self.flush(&|k| matches!(k, StreamKey::Block(x, _) if *x == i)),
            "message_stop" => self.flush(&|_| true),
            _ => {
                self.whole(obj);
                Vec::new()
            }
        }
    }

    /// Cohere v2 chat events.
    fn cohere(&mut self, kind: &str, obj: &mut Map<String, Value>) -> Vec<Value> {
        let i = u(obj.get("index"));
        let t = template(obj, &["id"]);
        let mut v = Value::Object(std::mem::take(obj));
        let mut before = Vec::new();
        match kind {
            "content-start" | "content-delta" => {
                if let Some(s) = str_at(&mut v, &["delta", "message", "content", "text"]) {
                    *s = self.push(StreamKey::CohereText(i), RestoreMode::Text, t, s);
                }
            }
            "content-end" => before = self.flush(&|k| *k == StreamKey::CohereText(i)),
            "tool-plan-delta" => {
                if let Some(s) = str_at(&mut v, &["delta", "message", "tool_plan"]) {
                    *s = self.push(StreamKey::CohereToolPlan, RestoreMode::Text, t, s);
                }
            }
            "tool-call-start" | "tool-call-delta" => {
                if kind == "tool-call-start" {
                    before = self.flush(&|k| *k == StreamKey::CohereToolPlan);
                }
                if self.ctx.tool_arguments {
                    let path = ["delta", "message", "tool_calls", "function", "arguments"];
                    if let Some(s) = str_at(&mut v, &path) {
                        *s = self.push(StreamKey::CohereToolArgs(i), RestoreMode::Json, t, s);
                    }
                }
            }
            "tool-call-end" => before = self.flush(&|k| *k == StreamKey::CohereToolArgs(i)),
            "message-end" => {
                before = self.flush(&|_| true);
                self.ctx.value(&mut v, false);
            }
            _ => self.ctx.value(&mut v, false),
        }
        if let Value::Object(o) = v {
            *obj = o;
        }
        before
    }

    /// A Chat Completions chunk. Held-back text of a finishing choice goes into this chunk.
    fn chat(&mut self, obj: &mut Map<String, Value>) {
        let Some(Value::Array(choices)) = obj.remove("choices") else {
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
                    let mut s =
                        self.push(StreamKey::ChatContent(i), RestoreMode::Text, t.clone(), c);
                    if finished {
                        s.push_str(&self.end(&StreamKey::ChatContent(i)));
                    }
                    *c = s;
                }
                if let (true, Some(Value::Array(calls))) =
                    (self.ctx.tool_arguments, delta.get_mut("tool_calls"))
                {
                    for call in calls {
                        let j = u(call.get("index"));
                        if let Some(Value::String(a)) = call
                            .get_mut("function")
                            .and_then(|f| f.get_mut("arguments"))
                        {
                            let key = StreamKey::ChatToolArgs(i, j);
                            *a = self.push(key, RestoreMode::Json, t.clone(), a);
                        }
                    }
                }
            }
            if let Some(m) = choice.get_mut("message") {
                self.ctx.value(m, false);
            }
            if finished {
                // Tool arguments held back: into this chunk as one more tool-call delta.
                let ends: Vec<StreamKey> = self
                    .open
                    .keys()
                    .filter(|k| matches!(k, StreamKey::ChatToolArgs(x, _) if *x == i))
                    .cloned()
                    .collect();
                for k in ends {
                    let held = self.end(&k);
                    if let (false, StreamKey::ChatToolArgs(_, j)) = (held.is_empty(), k) {
                        let call = with(
                            nest(&["function", "arguments"], Value::String(held)),
                            "index",
                            j.into(),
                        );
                        let delta = choice.as_object_mut().map(|c| {
                            c.entry("delta")
                                .or_insert_with(|| Value::Object(Map::new()))
                        });
                        if let Some(Value::Object(d)) = delta {
                            match d
                                .entry("tool_calls")
                                .or_insert_with(|| Value::Array(Vec::new()))
                            {
                                Value::Array(a) => a.push(call),
                                other => *other = Value::Array(vec![call]),
                            }
                        }
                    }
                }
            }
            new_choices.push(choice);
        }
        obj.insert("choices".into(), Value::Array(new_choices));
    }

    /// A Gemini `GenerateContentResponse` chunk. Held-back text of a finishing candidate goes
    /// into its last text part.
    fn gemini(&mut self, obj: &mut Map<String, Value>) {
        let Some(Value::Array(mut cands)) = obj.remove("candidates") else {
            return;
        };
        let t = template(obj, &["modelVersion", "responseId"]);
        for cand in &mut cands {
            let i = u(cand.get("index"));
            let finished = cand.get("finishReason").is_some_and(|r| !r.is_null());
            if let Some(Value::Array(parts)) =
                cand.get_mut("content").and_then(|c| c.get_mut("parts"))
            {
                for part in parts.iter_mut() {
                    let thought = part.get("thought") == Some(&Value::Bool(true));
                    match part.get_mut("text") {
                        Some(Value::String(s)) => {
                            *s = self.push(
                                StreamKey::Gemini(i, thought),
                                RestoreMode::Text,
                                t.clone(),
                                s,
                            );
                        }
                        _ => self.ctx.value(part, false),
                    }
                }
            }
            if finished {
                for thought in [true, false] {
                    let held = self.end(&StreamKey::Gemini(i, thought));
                    if held.is_empty() {
                        continue;
                    }
                    let Some(c) = cand.as_object_mut() else {
                        continue;
                    };
                    let content = c
                        .entry("content")
                        .or_insert_with(|| nest(&["role"], "model".into()));
                    let Some(content) = content.as_object_mut() else {
                        continue;
                    };
                    let parts = content
                        .entry("parts")
                        .or_insert_with(|| Value::Array(Vec::new()));
                    let Some(parts) = parts.as_array_mut() else {
                        continue;
                    };
                    let last = parts.iter_mut().rev().find(|p| {
                        p.get("text").is_some_and(Value::is_string)
                            && (p.get("thought") == Some(&Value::Bool(true))) == thought
                    });
                    match last.and_then(|p| p.get_mut("text")) {
                        Some(Value::String(s)) => s.push_str(&held),
                        _ => {
                            let mut part = nest(&["text"], Value::String(held));
                            if thought {
                                part = with(part, "thought", Value::Bool(true));
                            }
                            parts.push(part);
                        }
                    }
                }
            }
        }
        obj.insert("candidates".into(), Value::Array(cands));
    }

    /// An Ollama `/api/chat` or `/api/generate` object. The last one (`"done": true`) carries
    /// what was held back.
    fn ollama(&mut self, obj: &mut Map<String, Value>) {
        let done = obj.get("done") == Some(&Value::Bool(true));
        let t = template(obj, &["model", "created_at"]);
        if let Some(Value::Object(m)) = obj.get_mut("message") {
            for f in ["content", "thinking"] {
                if let Some(Value::String(s)) = m.get_mut(f) {
                    *s = self.push(StreamKey::Ollama(f), RestoreMode::Text, t.clone(), s);
                }
            }
            if let Some(calls) = m.get_mut("tool_calls") {
                self.ctx.value(calls, false);
            }
        }
        for f in ["response", "thinking"] {
            if let Some(Value::String(s)) = obj.get_mut(f) {
                let key = if f == "response" {
                    "response"
                } else {
                    "thinking"
                };
                *s = self.push(StreamKey::Ollama(key), RestoreMode::Text, t.clone(), s);
            }
        }
        if !done {
            return;
        }
        let generate = obj.contains_key("response");
        for f in ["content", "thinking", "response"] {
            let held = self.end(&StreamKey::Ollama(f));
            if held.is_empty() {
                continue;
            }
            let target = if f == "response" || generate {
                Some(&mut *obj)
            } else {
                match obj
                    .entry("message")
                    .or_insert_with(|| nest(&["role"], "assistant".into()))
                {
                    Value::Object(m) => Some(m),
                    _ => None,
                }
            };
            if let Some(m) = target {
                match m.entry(f).or_insert_with(|| Value::String(String::new())) {
                    Value::String(s) => s.push_str(&held),
                    other => *other = Value::String(held),
                }
            }
        }
    }
}

/// Restores a server-sent-events stream (`text/event-stream`) chunk by chunk: OpenAI (Chat
/// Completions, Responses), Anthropic Messages, Gemini (`alt=sse`) and Cohere v2 events.
///
/// Events are cut at blank lines however the bytes arrive. Text deltas of one stream (one
/// choice, one tool call, one content block, one candidate) run through their own
/// [`StreamRestorer`], so a placeholder split across events is restored; what a restorer holds
/// back goes out when that stream ends (`finish_reason`, a `.done` or `*_stop` / `*-end`
/// event, `finishReason`, `[DONE]`, or the end), in the ending event where it carries the
/// stream's text, else as an extra delta event of the API's own shape. Events that are not
/// JSON, and comments, pass through unchanged; other JSON events have their strings restored
/// whole.
pub struct SseRestorer {
    streams: Streams,
    buffer: String,
}

impl std::fmt::Debug for SseRestorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SseRestorer")
            .field("buffered_bytes", &self.buffer.len())
            .field("open_streams", &self.streams.open.len())
            .finish()
    }
}

/// Writes `events` as SSE events (with an `event:` line named by their `type`).
fn write_sse(events: Vec<Value>, out: &mut String) {
    for ev in events {
        if let Some(t) = ev.get("type").and_then(Value::as_str) {
            out.push_str("event: ");
            out.push_str(t);
            out.push('\n');
        }
        out.push_str("data: ");
        out.push_str(&ev.to_string());
        out.push_str("\n\n");
    }
}

impl SseRestorer {
    /// A restorer with a snapshot of `vault` and the default (safe) [`RestoreOptions`].
    pub fn new(vault: &Vault) -> SseRestorer {
        SseRestorer::with_options(vault, &RestoreOptions::default())
    }

    /// A restorer with a snapshot of `vault`, restoring as `options` allow.
    pub fn with_options(vault: &Vault, options: &RestoreOptions) -> SseRestorer {
        SseRestorer {
            streams: Streams::new(vault, options),
            buffer: String::new(),
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
        write_sse(self.streams.flush(&|_| true), &mut out);
        out
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
        let (before, data) = match parsed {
            Ok(Value::Object(mut obj)) => {
                let before = self.streams.event(&mut obj);
                (before, Value::Object(obj).to_string())
            }
            // `[DONE]` or anything else that is not a JSON object ends the text streams first.
            _ => (self.streams.flush(&|_| true), data),
        };
        write_sse(before, out);
        for l in &other {
            out.push_str(l);
            out.push('\n');
        }
        out.push_str("data: ");
        out.push_str(&data);
        out.push_str("\n\n");
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

/// Restores a stream of JSON objects chunk by chunk: NDJSON (Ollama `/api/chat` and
/// `/api/generate`) or one JSON array whose elements arrive one by one (Gemini
/// `streamGenerateContent` without `alt=sse`). Each complete object is restored like an SSE
/// event's data ([`SseRestorer`]); everything between objects (newlines, the array's brackets
/// and commas) passes through unchanged. What a text stream holds back goes out in its
/// stream's last object (`"done": true`, `finishReason`), else as an extra object before the
/// array's `]` or at the end.
pub struct JsonStreamRestorer {
    streams: Streams,
    /// Bytes of an object not complete yet.
    buffer: String,
    /// Nesting depth inside the current object (0 between objects), whether inside a string,
    /// and whether the last character was a backslash in one.
    depth: u32,
    in_string: bool,
    escaped: bool,
    /// The stream is one JSON array (its `[` came first).
    array: bool,
    /// Something other than whitespace came already.
    started: bool,
}

impl std::fmt::Debug for JsonStreamRestorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonStreamRestorer")
            .field("buffered_bytes", &self.buffer.len())
            .field("open_streams", &self.streams.open.len())
            .finish()
    }
}

impl JsonStreamRestorer {
    /// A restorer with a snapshot of `vault`, restoring as `options` allow.
    pub fn new(vault: &Vault, options: &RestoreOptions) -> JsonStreamRestorer {
        JsonStreamRestorer {
            streams: Streams::new(vault, options),
            buffer: String::new(),
            depth: 0,
            in_string: false,
            escaped: false,
            array: false,
            started: false,
        }
    }

    /// Writes extra objects as elements of the stream.
    fn write(&self, events: Vec<Value>, before_element: bool, out: &mut String) {
        for ev in events {
            if self.array && !before_element {
                out.push(',');
            }
            out.push_str(&ev.to_string());
            if self.array && before_element {
                out.push(',');
            }
            if !self.array {
                out.push('\n');
            }
        }
    }

    /// Feeds received text; returns the restored stream so far (complete objects and what
    /// lies between them).
    pub fn push(&mut self, chunk: &str) -> String {
        let mut out = String::new();
        for c in chunk.chars() {
            if self.depth == 0 {
                match c {
                    '{' => {
                        self.started = true;
                        self.depth = 1;
                        self.buffer.push(c);
                    }
                    '[' if !self.started => {
                        self.started = true;
                        self.array = true;
                        out.push(c);
                    }
                    ']' if self.array => {
                        let held = self.streams.flush(&|_| true);
                        self.write(held, false, &mut out);
                        out.push(c);
                    }
                    c => {
                        self.started |= !c.is_whitespace();
                        out.push(c);
                    }
                }
                continue;
            }
            self.buffer.push(c);
            if self.in_string {
                match (self.escaped, c) {
                    (true, _) => self.escaped = false,
                    (false, '\\') => self.escaped = true,
                    (false, '"') => self.in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => self.in_string = true,
                '{' | '[' => self.depth += 1,
                '}' | ']' => {
                    self.depth -= 1;
                    if self.depth == 0 {
                        let text = std::mem::take(&mut self.buffer);
                        self.object(&text, &mut out);
                    }
                }
                _ => {}
            }
        }
        out
    }

    fn object(&mut self, text: &str, out: &mut String) {
        match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(mut obj)) => {
                let before = self.streams.event(&mut obj);
                self.write(before, true, out);
                out.push_str(&Value::Object(obj).to_string());
            }
            // Not JSON after all: as it came, unrestored (it carries no text stream).
            _ => out.push_str(text),
        }
    }

    /// Ends the stream: an unfinished object as it came, and everything held back.
    pub fn finish(&mut self) -> String {
        let mut out = std::mem::take(&mut self.buffer);
        self.depth = 0;
        let held = self.streams.flush(&|_| true);
        self.write(held, false, &mut out);
        out
    }
}

/// Restores events that arrive one per message, each a whole JSON object: the OpenAI Realtime
/// API's server events on its WebSocket or on the `oai-events` WebRTC data channel. Text deltas
/// (`response.output_text.delta`, `response.text.delta`, `response.output_audio_transcript.delta`,
/// `response.audio_transcript.delta`) run through one [`StreamRestorer`] per item and content
/// part, so a placeholder split across messages is restored; what one holds back goes out as one
/// more delta message before the stream's `.done` (or `response.done`). Every other event
/// (`conversation.item.created` / `.added` / `.done`, `response.content_part.done`,
/// `response.output_item.done`, `response.done` with its output) has its strings restored whole;
/// audio deltas pass untouched.
///
/// A socket lives long and its conversation's vault grows while it is open:
/// [`EventRestorer::set_vault`] takes a newer snapshot for the streams opened after it.
pub struct EventRestorer {
    streams: Streams,
}

impl std::fmt::Debug for EventRestorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventRestorer")
            .field("open_streams", &self.streams.open.len())
            .finish()
    }
}

/// The `type` of a JSON event read without parsing it (providers write it first): audio deltas
/// are large and frequent, and carry nothing to restore.
fn cheap_type(message: &str) -> Option<&str> {
    let head = &message.as_bytes()[..message.len().min(200)];
    let at = head.windows(6).position(|w| w == b"\"type\"")? + 6;
    let rest = message[at..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    rest.find('"').map(|end| &rest[..end])
}

impl EventRestorer {
    /// A restorer with a snapshot of `vault`, restoring as `options` allow.
    pub fn new(vault: &Vault, options: &RestoreOptions) -> EventRestorer {
        EventRestorer {
            streams: Streams::new(vault, options),
        }
    }

    /// Restores with `vault` from now on (streams already open keep their snapshot).
    pub fn set_vault(&mut self, vault: &Vault) {
        self.streams.ctx.issued = Arc::new(vault.issued());
    }

    /// Whether `message` may need restoring: a JSON object that is not an audio delta.
    /// Cheap; [`EventRestorer::push`] decides.
    pub fn reads(message: &str) -> bool {
        message.trim_start().starts_with('{')
            && !cheap_type(message).is_some_and(|t| t.ends_with("audio.delta"))
    }

    /// One received message. `None`: deliver it as it came (not JSON, nothing restored,
    /// nothing held back). Otherwise the messages to deliver in its place, in order: what
    /// ending streams held back, then the message restored.
    pub fn push(&mut self, message: &str) -> Option<Vec<String>> {
        if !EventRestorer::reads(message) {
            return None;
        }
        let Ok(Value::Object(mut obj)) = serde_json::from_str::<Value>(message) else {
            return None;
        };
        let before = obj.clone();
        let extra = self.streams.event(&mut obj);
        if extra.is_empty() && obj == before {
            return None;
        }
        let mut out: Vec<String> = extra.iter().map(Value::to_string).collect();
        out.push(Value::Object(obj).to_string());
        Some(out)
    }

    /// The end (the socket closed): what the open streams still hold, as delta messages.
    pub fn finish(&mut self) -> Vec<String> {
        let held = self.streams.flush(&|_| true);
        held.iter().map(Value::to_string).collect()
    }
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
        let args_of = |out: &str| -> Value {
            let out: Value = serde_json::from_str(out).unwrap();
            assert_eq!(
                out["choices"][0]["message"]["content"],
                "Wrote to jane@example.com."
            );
            assert_eq!(out["id"], "chatcmpl-1");
            let args = &out["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"];
            serde_json::from_str(args.as_str().unwrap()).unwrap()
        };
        // Tool arguments are left as written by default, restored when the app opts in.
        let out = restore_json(&body.to_string(), &v).unwrap();
        assert_eq!(args_of(&out)["n"], "[PHONE_NUMBER_1]");
        let opts = RestoreOptions {
            tool_arguments: true,
            ..RestoreOptions::default()
        };
        let out = restore_json_with(&body.to_string(), &v, &opts).unwrap();
        assert_eq!(args_of(&out)["n"], "+44 20 7946 0958");
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
        let args_of = |mut r: SseRestorer| {
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
            args
        };
        assert_eq!(
            args_of(SseRestorer::new(&v)),
            "{\"to\":\"[EMAIL_ADDRESS_1]\"}"
        );
        let opts = RestoreOptions {
            tool_arguments: true,
            ..RestoreOptions::default()
        };
        assert_eq!(
            args_of(SseRestorer::with_options(&v, &opts)),
            "{\"to\":\"jane@example.com\"}"
        );

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
    fn json_streams_split_inside_strings_and_without_an_end_marker() {
        let v = vault();
        let o = RestoreOptions::default();
        // Braces, brackets and escaped quotes inside strings do not end an object.
        let lines = concat!(
            r#"{"response":"a \"}]\" b [EMAIL_","done":false}"#,
            "\n",
            r#"{"response":"ADDRESS_1] {x}","done":false}"#,
            "\n"
        );
        let mut r = JsonStreamRestorer::new(&v, &o);
        let out: String = lines.chars().map(|c| r.push(&c.to_string())).collect();
        let out = out + &r.finish();
        let text: String = out
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .map(|o| o["response"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(text, "a \"}]\" b jane@example.com {x}");
        // A streamed array whose candidate never finishes: the held-back tail becomes one more
        // element before the closing bracket.
        let array = r#"[{"candidates":[{"content":{"parts":[{"text":"to EMAIL_ADDRESS_1"}]}}]}]"#;
        let mut r = JsonStreamRestorer::new(&v, &o);
        let out = r.push(array) + &r.finish();
        let parsed: Vec<Value> = serde_json::from_str(&out).unwrap();
        let text: String = parsed
            .iter()
            .map(|e| {
                e["candidates"][0]["content"]["parts"][0]["text"]
                    .as_str()
                    .unwrap()
            })
            .collect();
        assert_eq!(text, "to jane@example.com");
    }

    #[test]
    fn debug_shows_counts_only() {
        let v = vault();
        let mut r = SseRestorer::new(&v);
        r.push("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"jane\"}}]}");
        assert!(!format!("{r:?}").contains("jane"));
    }
}
