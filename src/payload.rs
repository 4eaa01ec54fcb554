//! Outgoing request bodies: finding the user text inside an LLM API request and putting the
//! transformed text back.
//!
//! Every string of a JSON body is user text except a short allow-list of structural fields
//! (`model`, `role`, ids, `type` and other enums, tool names, base64 payloads of images,
//! audio and other binary files — a *text* file in base64 is decoded and read like any field):
//! a field nobody listed — `tools[].function.description`, a system prompt, a metadata
//! value, a Gemini `contents[].parts[].text` — is scanned all the same. The known fields of the
//! major APIs are read first, in their own order and with their own checks: Chat Completions
//! `messages[].content` as a string or as content parts, tool-call `arguments` (JSON inside a
//! string, rewritten leaf by leaf), the Responses API `input` and `instructions`, legacy
//! `prompt`, Anthropic `system` and content blocks. It fails closed: a body that is not a JSON
//! object, or a known field of a shape it does not know, is an error, never a pass-through.

use serde_json::Value;
use std::fmt;

/// Which fields of a request body hold user text.
#[derive(Debug, Clone)]
pub struct PayloadOptions {
    /// Read the known request fields (OpenAI, Anthropic content blocks): tool-call
    /// `arguments` as JSON, their shapes checked, unknown content-part and input-item types
    /// refused (default `true`). Off, every string outside the structural allow-list is still
    /// scanned, as text.
    pub openai: bool,
    /// Extra fields, as dot paths: `metadata.note`, `documents.*.text` (`*` is every element
    /// or member; a number indexes an array). A path that resolves to an object or array means
    /// every string inside it, structural fields included; a path that is absent is skipped.
    pub paths: Vec<String>,
}

impl Default for PayloadOptions {
    fn default() -> Self {
        PayloadOptions {
            openai: true,
            paths: Vec::new(),
        }
    }
}

/// Why a body could not be handled. Messages name the field, never its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayloadError {
    /// The body is not JSON (or not UTF-8).
    NotJson,
    /// The body is JSON but not an object.
    NotObject,
    /// A known field has a shape the guard does not understand.
    UnexpectedShape {
        /// Where, e.g. `messages[2].content[0]`.
        path: String,
        /// What was expected there.
        expected: &'static str,
    },
    /// A configured path could not be parsed.
    BadPath(String),
    /// The number of replacement texts does not match the number of fields.
    FieldCount,
}

impl fmt::Display for PayloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PayloadError::NotJson => write!(f, "the request body is not JSON"),
            PayloadError::NotObject => write!(f, "the request body is not a JSON object"),
            PayloadError::UnexpectedShape { path, expected } => {
                write!(
                    f,
                    "unexpected request shape at `{path}`: expected {expected}"
                )
            }
            PayloadError::BadPath(p) => write!(f, "bad configured path `{p}`"),
            PayloadError::FieldCount => write!(f, "replacement count does not match the fields"),
        }
    }
}

impl std::error::Error for PayloadError {}

/// Where a text field lives.
#[derive(Debug, Clone, PartialEq)]
enum Loc {
    /// A JSON pointer into the body.
    Pointer(String),
    /// A string leaf inside a JSON document that is itself a string in the body (tool-call
    /// `arguments`): index into `RequestBody::embedded`, and a pointer inside that document.
    Embedded(usize, String),
    /// A text file attached in base64 (see [`Collector::attachment`]): the pointer of the
    /// string, and what stands before the base64 in it (`data:text/csv;base64,` or nothing).
    Base64(String, String),
}

/// One piece of user text inside a request.
#[derive(Debug, Clone, PartialEq)]
pub struct TextField {
    /// A readable path for people, e.g. `messages[0].content` or
    /// `messages[1].tool_calls[0].function.arguments.to`.
    pub path: String,
    /// The text as sent.
    pub text: String,
    loc: Loc,
}

/// A parsed request body and the user-text fields found in it.
#[derive(Debug, Clone)]
pub struct RequestBody {
    root: Value,
    /// (pointer of the string in the body, the document parsed from it).
    embedded: Vec<(String, Value)>,
    fields: Vec<TextField>,
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn shape(path: &str, expected: &'static str) -> PayloadError {
    PayloadError::UnexpectedShape {
        path: path.to_string(),
        expected,
    }
}

/// Content-part types that carry no text to scan (images, audio, files are out of scope of a
/// text scanner; they pass as they are).
const NON_TEXT_PARTS: &[&str] = &[
    "image_url",
    "input_image",
    "input_audio",
    "file",
    "input_file",
];
/// Content-part types whose `text` is user-visible text.
const TEXT_PARTS: &[&str] = &["text", "input_text", "output_text"];
/// Content blocks of Anthropic and Cohere messages whose strings the sweep scans
/// ([`Collector::sweep`]: tool inputs and results, documents, thinking), minus their base64
/// payloads.
const SWEPT_PARTS: &[&str] = &[
    "image",
    "document",
    "tool_use",
    "tool_result",
    "server_tool_use",
    "web_search_tool_result",
    "search_result",
    "thinking",
    "redacted_thinking",
    "container_upload",
];

/// Keys whose string values are structure, not text: model names, roles, ids, enums. Scanning
/// them finds nothing a person typed, and rewriting one would break the request.
const STRUCTURAL: &[&str] = &[
    "model",
    "role",
    "type",
    "id",
    "object",
    "call_id",
    "tool_call_id",
    "tool_use_id",
    "previous_response_id",
    "response_id",
    "item_id",
    "file_id",
    "status",
    "stop_reason",
    "finish_reason",
    "tool_choice",
    "reasoning_effort",
    "effort",
    "service_tier",
    "truncation",
    "modalities",
    "include",
    "media_type",
    "mime_type",
    "mimeType",
    "responseMimeType",
    "response_mime_type",
    "detail",
    "voice",
    "encrypted_content",
    "signature",
    "keep_alive",
];
/// Keys of binary payloads (base64 images, audio, files; image URLs): not text, never
/// scanned, as the content-part types that carry them.
const BINARY: &[&str] = &[
    "image_url",
    "input_audio",
    "file_data",
    "inline_data",
    "inlineData",
    "images",
];
/// Whether a file of media type `media` is text: read and checked, not passed as binary.
fn textual(media: &str) -> bool {
    let m = media.trim().to_ascii_lowercase();
    let m = m.split(';').next().unwrap_or("");
    m.starts_with("text/")
        || m.starts_with("message/")
        || m.ends_with("+json")
        || m.ends_with("+xml")
        || [
            "application/json",
            "application/x-ndjson",
            "application/xml",
            "application/csv",
            "application/yaml",
            "application/x-yaml",
            "application/javascript",
            "application/sql",
            "application/x-sh",
            "application/toml",
        ]
        .contains(&m)
}

/// Keys under which a `name` is a tool's or function's identifier, not a person's.
const TOOLISH: &[&str] = &[
    "tools",
    "function",
    "function_call",
    "functionCall",
    "functionResponse",
    "functionDeclarations",
    "function_declarations",
    "tool_choice",
];

struct Collector {
    fields: Vec<TextField>,
    embedded: Vec<(String, Value)>,
    /// Pointers already collected, and those of strings holding an embedded document.
    seen: std::collections::HashSet<String>,
}

impl Collector {
    fn text(&mut self, pointer: String, path: String, value: &Value) {
        if let Value::String(s) = value {
            if !self.seen.insert(pointer.clone()) {
                return;
            }
            self.fields.push(TextField {
                path,
                text: s.clone(),
                loc: Loc::Pointer(pointer),
            });
        }
    }

    /// A string that holds JSON (tool-call arguments): scan its string leaves when it parses,
    /// the whole string as text when it does not (a model may send partial JSON).
    fn json_string(
        &mut self,
        pointer: String,
        path: String,
        value: &Value,
    ) -> Result<(), PayloadError> {
        let Value::String(s) = value else {
            return Err(shape(&path, "a string"));
        };
        match serde_json::from_str::<Value>(s) {
            Ok(doc) => {
                let idx = self.embedded.len();
                let mut leaves = Vec::new();
                string_leaves(&doc, String::new(), path.clone(), &mut leaves);
                for (inner, p, text) in leaves {
                    self.fields.push(TextField {
                        path: p,
                        text,
                        loc: Loc::Embedded(idx, inner),
                    });
                }
                self.seen.insert(pointer.clone());
                self.embedded.push((pointer, doc));
            }
            Err(_) => self.text(pointer, path, value),
        }
        Ok(())
    }

    /// A file in base64 (a `data:` URL, or a `data` field beside its media type) whose media
    /// type is text — a CSV, a mail, a log attached to a prompt: its decoded text is a field
    /// like any other, encoded back when the body is rebuilt. Other files (images, PDFs,
    /// audio) pass as they are. A text file that is not base64 or not UTF-8 cannot be read, so
    /// the request is refused rather than sent unread.
    fn attachment(
        &mut self,
        pointer: String,
        path: String,
        value: &Value,
        media: Option<&str>,
    ) -> Result<(), PayloadError> {
        if let Value::Object(o) = value {
            // Gemini's `inlineData: { mimeType, data }`.
            let media = ["mimeType", "mime_type", "media_type"]
                .iter()
                .find_map(|k| o.get(*k).and_then(Value::as_str));
            return match o.get("data") {
                Some(data) => self.attachment(
                    format!("{pointer}/data"),
                    format!("{path}.data"),
                    data,
                    media,
                ),
                None => Ok(()),
            };
        }
        let Value::String(s) = value else {
            return Ok(());
        };
        let (media, prefix, coded) = match s.strip_prefix("data:") {
            Some(rest) => {
                let Some(comma) = rest.find(',') else {
                    return Ok(());
                };
                let head = &rest[..comma];
                if !head.ends_with(";base64") {
                    return Ok(());
                }
                let media = head.split(';').next().unwrap_or("");
                (Some(media), &s[..5 + comma + 1], &rest[comma + 1..])
            }
            None => (media, "", s.as_str()),
        };
        if !media.is_some_and(textual) {
            return Ok(());
        }
        let bytes = crate::rules::secrets::codec::base64_decode(coded.trim())
            .ok_or_else(|| shape(&path, "a base64 text file"))?;
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let text = std::str::from_utf8(bytes).map_err(|_| shape(&path, "a UTF-8 text file"))?;
        if !self.seen.insert(pointer.clone()) {
            return Ok(());
        }
        self.fields.push(TextField {
            path,
            text: text.to_string(),
            loc: Loc::Base64(pointer, prefix.to_string()),
        });
        Ok(())
    }

    /// `content` of a chat message or a Responses item: a string, null, or parts.
    fn content(&mut self, ptr: &str, path: &str, content: &Value) -> Result<(), PayloadError> {
        match content {
            Value::Null => Ok(()),
            Value::String(_) => {
                self.text(ptr.to_string(), path.to_string(), content);
                Ok(())
            }
            Value::Array(parts) => {
                for (i, part) in parts.iter().enumerate() {
                    let pptr = format!("{ptr}/{i}");
                    let ppath = format!("{path}[{i}]");
                    if let Value::String(_) = part {
                        // Some clients send bare strings as parts.
                        self.text(pptr, ppath, part);
                        continue;
                    }
                    let kind = part
                        .get("type")
                        .and_then(Value::as_str)
                        .ok_or_else(|| shape(&ppath, "a content part with a `type`"))?;
                    if TEXT_PARTS.contains(&kind) {
                        let text = part
                            .get("text")
                            .filter(|t| t.is_string())
                            .ok_or_else(|| shape(&ppath, "a string `text`"))?;
                        self.text(format!("{pptr}/text"), format!("{ppath}.text"), text);
                    } else if kind == "refusal" {
                        if let Some(r) = part.get("refusal") {
                            self.text(format!("{pptr}/refusal"), format!("{ppath}.refusal"), r);
                        }
                    } else if !NON_TEXT_PARTS.contains(&kind) && !SWEPT_PARTS.contains(&kind) {
                        return Err(shape(&ppath, "a known content-part type"));
                    }
                }
                Ok(())
            }
            _ => Err(shape(path, "a string, null or an array of content parts")),
        }
    }

    fn chat(&mut self, messages: &Value) -> Result<(), PayloadError> {
        let Value::Array(messages) = messages else {
            return Err(shape("messages", "an array"));
        };
        for (i, m) in messages.iter().enumerate() {
            let path = format!("messages[{i}]");
            let Value::Object(m) = m else {
                return Err(shape(&path, "an object"));
            };
            if let Some(c) = m.get("content") {
                self.content(
                    &format!("/messages/{i}/content"),
                    &format!("{path}.content"),
                    c,
                )?;
            }
            if let Some(r) = m.get("refusal") {
                self.text(
                    format!("/messages/{i}/refusal"),
                    format!("{path}.refusal"),
                    r,
                );
            }
            if let Some(calls) = m.get("tool_calls") {
                let Value::Array(calls) = calls else {
                    return Err(shape(&format!("{path}.tool_calls"), "an array"));
                };
                for (j, call) in calls.iter().enumerate() {
                    if let Some(args) = call.get("function").and_then(|f| f.get("arguments")) {
                        self.json_string(
                            format!("/messages/{i}/tool_calls/{j}/function/arguments"),
                            format!("{path}.tool_calls[{j}].function.arguments"),
                            args,
                        )?;
                    }
                }
            }
            if let Some(args) = m.get("function_call").and_then(|f| f.get("arguments")) {
                self.json_string(
                    format!("/messages/{i}/function_call/arguments"),
                    format!("{path}.function_call.arguments"),
                    args,
                )?;
            }
        }
        Ok(())
    }

    fn responses_input(&mut self, input: &Value) -> Result<(), PayloadError> {
        match input {
            Value::String(_) => {
                self.text("/input".into(), "input".into(), input);
                Ok(())
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let ptr = format!("/input/{i}");
                    let path = format!("input[{i}]");
                    let Value::Object(obj) = item else {
                        return Err(shape(&path, "an object"));
                    };
                    let kind = obj.get("type").and_then(Value::as_str).unwrap_or("message");
                    match kind {
                        "message" => {
                            let c = obj
                                .get("content")
                                .ok_or_else(|| shape(&path, "a message with `content`"))?;
                            self.content(&format!("{ptr}/content"), &format!("{path}.content"), c)?;
                        }
                        "function_call" | "custom_tool_call" => {
                            for key in ["arguments", "input"] {
                                if let Some(a) = obj.get(key) {
                                    self.json_string(
                                        format!("{ptr}/{key}"),
                                        format!("{path}.{key}"),
                                        a,
                                    )?;
                                }
                            }
                        }
                        "function_call_output" | "custom_tool_call_output" => {
                            if let Some(o) = obj.get("output") {
                                self.json_string(
                                    format!("{ptr}/output"),
                                    format!("{path}.output"),
                                    o,
                                )?;
                            }
                        }
                        // References to earlier items carry no new text.
                        "item_reference" | "reasoning" => {}
                        _ => return Err(shape(&path, "a known input item type")),
                    }
                }
                Ok(())
            }
            _ => Err(shape("input", "a string or an array of items")),
        }
    }

    fn openai(&mut self, root: &serde_json::Map<String, Value>) -> Result<(), PayloadError> {
        if let Some(m) = root.get("messages") {
            self.chat(m)?;
        }
        if let Some(i) = root.get("input") {
            self.responses_input(i)?;
        }
        for key in ["instructions", "prompt", "system"] {
            match root.get(key) {
                None | Some(Value::Null) => {}
                Some(v @ Value::String(_)) => self.text(format!("/{key}"), key.to_string(), v),
                // Legacy `prompt` as a list of strings; Anthropic-style `system` as parts.
                Some(v @ Value::Array(_)) if key != "instructions" => {
                    self.content(&format!("/{key}"), key, v)?
                }
                Some(_) => return Err(shape(key, "a string")),
            }
        }
        // Identifiers an app sends about its end user are often an e-mail address.
        for key in ["user", "safety_identifier"] {
            if let Some(v) = root.get(key) {
                self.text(format!("/{key}"), key.to_string(), v);
            }
        }
        if let Some(Value::Object(meta)) = root.get("metadata") {
            for (k, v) in meta {
                self.text(
                    format!("/metadata/{}", escape(k)),
                    format!("metadata.{k}"),
                    v,
                );
            }
        }
        Ok(())
    }

    /// Every string of the body not collected yet, except structural fields and binary
    /// payloads: the fields no list of known ones anticipated.
    fn sweep(
        &mut self,
        v: &Value,
        ptr: &str,
        display: &str,
        toolish: bool,
    ) -> Result<(), PayloadError> {
        match v {
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    let (p, d) = (format!("{ptr}/{i}"), format!("{display}[{i}]"));
                    if let Value::String(_) = x {
                        self.text(p, d, x);
                    } else {
                        self.sweep(x, &p, &d, toolish)?;
                    }
                }
            }
            Value::Object(o) => {
                let base64 = o.get("type").and_then(Value::as_str) == Some("base64");
                for (k, x) in o {
                    let p = format!("{ptr}/{}", escape(k));
                    let d = if display.is_empty() {
                        k.clone()
                    } else {
                        format!("{display}.{k}")
                    };
                    if BINARY.contains(&k.as_str()) || (base64 && k == "data") {
                        let media = ["media_type", "mimeType", "mime_type"]
                            .iter()
                            .find_map(|k| o.get(*k).and_then(Value::as_str));
                        self.attachment(p, d, x, media)?;
                        continue;
                    }
                    let structural = STRUCTURAL.contains(&k.as_str())
                        || (k == "name" && (toolish || o.contains_key("type")));
                    // A list of enum values (`modalities`, `include`) is structural too.
                    let enums = x.as_array().is_some_and(|a| a.iter().all(Value::is_string));
                    if structural && (x.is_string() || enums) {
                        continue;
                    }
                    match x {
                        Value::String(_) => self.text(p, d, x),
                        _ => self.sweep(x, &p, &d, toolish || TOOLISH.contains(&k.as_str()))?,
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn configured(&mut self, root: &Value, path: &str) -> Result<(), PayloadError> {
        let segments = parse_path(path)?;
        let mut found = Vec::new();
        resolve(root, &segments, String::new(), String::new(), &mut found);
        for (ptr, display, value) in found {
            let mut leaves = Vec::new();
            string_leaves(value, ptr, display, &mut leaves);
            for (p, d, _) in leaves {
                let v = root.pointer(&p).cloned().unwrap_or(Value::Null);
                self.text(p, d, &v);
            }
        }
        Ok(())
    }
}

fn parse_path(path: &str) -> Result<Vec<String>, PayloadError> {
    let norm = path.replace("[*]", ".*").replace('[', ".").replace(']', "");
    let segs: Vec<String> = norm
        .trim_start_matches('.')
        .split('.')
        .map(str::to_string)
        .collect();
    if path.is_empty() || segs.iter().any(String::is_empty) {
        return Err(PayloadError::BadPath(path.to_string()));
    }
    Ok(segs)
}

/// Every value reached by `segments` from `v`, with its pointer and display path.
fn resolve<'a>(
    v: &'a Value,
    segments: &[String],
    ptr: String,
    display: String,
    out: &mut Vec<(String, String, &'a Value)>,
) {
    let Some((seg, rest)) = segments.split_first() else {
        out.push((ptr, display, v));
        return;
    };
    match v {
        Value::Array(a) => {
            let idx: Vec<usize> = if seg == "*" {
                (0..a.len()).collect()
            } else {
                seg.parse().into_iter().filter(|&i| i < a.len()).collect()
            };
            for i in idx {
                resolve(
                    &a[i],
                    rest,
                    format!("{ptr}/{i}"),
                    format!("{display}[{i}]"),
                    out,
                );
            }
        }
        Value::Object(o) => {
            let keys: Vec<&String> = if seg == "*" {
                o.keys().collect()
            } else {
                o.keys().filter(|k| *k == seg).collect()
            };
            for k in keys {
                let d = if display.is_empty() {
                    k.clone()
                } else {
                    format!("{display}.{k}")
                };
                resolve(&o[k], rest, format!("{ptr}/{}", escape(k)), d, out);
            }
        }
        _ => {}
    }
}

/// Every string inside `v` (object values and array elements, not keys).
fn string_leaves(v: &Value, ptr: String, display: String, out: &mut Vec<(String, String, String)>) {
    match v {
        Value::String(s) => out.push((ptr, display, s.clone())),
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                string_leaves(x, format!("{ptr}/{i}"), format!("{display}[{i}]"), out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                let d = if display.is_empty() {
                    k.clone()
                } else {
                    format!("{display}.{k}")
                };
                string_leaves(x, format!("{ptr}/{}", escape(k)), d, out);
            }
        }
        _ => {}
    }
}

/// True when a request body continues a conversation whose history the provider keeps
/// (`previous_response_id`, `conversation` of the Responses API): its answer may quote
/// placeholders of earlier requests that this body does not repeat.
pub fn continues_server_history(body: &str) -> bool {
    serde_json::from_str::<Value>(body).is_ok_and(|v| {
        ["previous_response_id", "conversation"]
            .iter()
            .any(|k| v.get(k).is_some_and(|x| !x.is_null()))
    })
}

impl RequestBody {
    /// Parses `body` and finds its user-text fields, in document order.
    pub fn parse(body: &str, options: &PayloadOptions) -> Result<RequestBody, PayloadError> {
        let root: Value = serde_json::from_str(body).map_err(|_| PayloadError::NotJson)?;
        let Value::Object(obj) = &root else {
            return Err(PayloadError::NotObject);
        };
        let mut c = Collector {
            fields: Vec::new(),
            embedded: Vec::new(),
            seen: Default::default(),
        };
        if options.openai {
            c.openai(obj)?;
        }
        for p in &options.paths {
            c.configured(&root, p)?;
        }
        c.sweep(&root, "", "", false)?;
        Ok(RequestBody {
            root,
            embedded: c.embedded,
            fields: c.fields,
        })
    }

    /// The user-text fields found.
    pub fn fields(&self) -> &[TextField] {
        &self.fields
    }

    /// Serializes the body with `texts[i]` in place of field `i`.
    pub fn rebuild(mut self, texts: &[String]) -> Result<String, PayloadError> {
        if texts.len() != self.fields.len() {
            return Err(PayloadError::FieldCount);
        }
        for (field, text) in self.fields.iter().zip(texts) {
            let (slot, text) = match &field.loc {
                Loc::Pointer(p) => (self.root.pointer_mut(p), text.clone()),
                Loc::Embedded(i, p) => (self.embedded[*i].1.pointer_mut(p), text.clone()),
                Loc::Base64(p, prefix) => {
                    let coded = crate::rules::secrets::codec::base64_encode(text.as_bytes());
                    (self.root.pointer_mut(p), format!("{prefix}{coded}"))
                }
            };
            let slot = slot.ok_or(PayloadError::FieldCount)?;
            *slot = Value::String(text);
        }
        for (ptr, doc) in &self.embedded {
            let s = serde_json::to_string(doc).map_err(|_| PayloadError::NotJson)?;
            let slot = self.root.pointer_mut(ptr).ok_or(PayloadError::FieldCount)?;
            *slot = Value::String(s);
        }
        serde_json::to_string(&self.root).map_err(|_| PayloadError::NotJson)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(body: &Value) -> Vec<(String, String)> {
        RequestBody::parse(&body.to_string(), &PayloadOptions::default())
            .unwrap()
            .fields()
            .iter()
            .map(|f| (f.path.clone(), f.text.clone()))
            .collect()
    }

    fn upper_all(body: &Value, options: &PayloadOptions) -> Value {
        let req = RequestBody::parse(&body.to_string(), options).unwrap();
        let texts: Vec<String> = req.fields().iter().map(|f| f.text.to_uppercase()).collect();
        serde_json::from_str(&req.rebuild(&texts).unwrap()).unwrap()
    }

    #[test]
    fn text_files_in_base64_are_read_and_encoded_back() {
        use crate::rules::secrets::codec::{base64_decode, base64_encode};
        let csv = "name,email\nJane Doe,jane@example.com\n";
        let b64 = base64_encode(csv.as_bytes());
        let body = json!({
            "messages": [{"role": "user", "content": [
                {"type": "text", "text": "summarise"},
                {"type": "file", "file": {"filename": "c.csv", "file_data": format!("data:text/csv;base64,{b64}")}},
                {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}]},
                {"role": "user", "content": [{"type": "document",
                    "source": {"type": "base64", "media_type": "text/plain", "data": b64}}]}],
            "contents": [{"parts": [{"inlineData": {"mimeType": "text/markdown", "data": b64}},
                {"inlineData": {"mimeType": "application/pdf", "data": "JVBERi0="}}]}]
        });
        let f = fields(&body);
        let files: Vec<&(String, String)> = f.iter().filter(|(_, t)| t == csv).collect();
        assert_eq!(files.len(), 3, "{f:?}");
        let out = upper_all(&body, &PayloadOptions::default());
        let decoded = |v: &Value, prefix: &str| {
            let s = v
                .as_str()
                .unwrap()
                .strip_prefix(prefix)
                .unwrap()
                .to_string();
            String::from_utf8(base64_decode(&s).unwrap()).unwrap()
        };
        let upper = csv.to_uppercase();
        let part = &out["messages"][0]["content"][1]["file"]["file_data"];
        assert_eq!(decoded(part, "data:text/csv;base64,"), upper);
        assert_eq!(
            decoded(&out["messages"][1]["content"][0]["source"]["data"], ""),
            upper
        );
        assert_eq!(
            decoded(&out["contents"][0]["parts"][0]["inlineData"]["data"], ""),
            upper
        );
        // Binary files pass as they were.
        assert_eq!(
            out["contents"][0]["parts"][1]["inlineData"]["data"],
            "JVBERi0="
        );
        assert_eq!(
            out["messages"][0]["content"][2]["image_url"]["url"],
            "data:image/png;base64,iVBORw0KGgo="
        );
    }

    #[test]
    fn a_text_file_that_cannot_be_read_is_refused() {
        for data in ["data:text/plain;base64,@@@", "data:text/plain;base64,//79"] {
            let body = json!({"messages": [{"role": "user", "content": [
                {"type": "file", "file": {"file_data": data}}]}]});
            let e = RequestBody::parse(&body.to_string(), &PayloadOptions::default()).unwrap_err();
            assert!(matches!(e, PayloadError::UnexpectedShape { .. }), "{e:?}");
        }
    }

    #[test]
    fn chat_completions_strings_parts_and_tool_calls() {
        let body = json!({
            "model": "gpt-x", "stream": true,
            "messages": [
                {"role": "system", "content": "be brief"},
                {"role": "user", "content": [
                    {"type": "text", "text": "mail a@b.io"},
                    {"type": "image_url", "image_url": {"url": "https://x/y.png"}}
                ]},
                {"role": "assistant", "content": null, "tool_calls": [
                    {"id": "c1", "type": "function",
                     "function": {"name": "send", "arguments": "{\"to\":\"a@b.io\",\"n\":3}"}}
                ]},
                {"role": "tool", "tool_call_id": "c1", "content": "sent"}
            ]
        });
        assert_eq!(
            fields(&body),
            vec![
                ("messages[0].content".into(), "be brief".into()),
                ("messages[1].content[0].text".into(), "mail a@b.io".into()),
                (
                    "messages[2].tool_calls[0].function.arguments.to".into(),
                    "a@b.io".into()
                ),
                ("messages[3].content".into(), "sent".into()),
            ]
        );
        let out = upper_all(&body, &PayloadOptions::default());
        assert_eq!(out["messages"][1]["content"][0]["text"], "MAIL A@B.IO");
        // The image URL is not user text and is left alone; so are model and stream.
        assert_eq!(
            out["messages"][1]["content"][1]["image_url"]["url"],
            "https://x/y.png"
        );
        assert_eq!(out["model"], "gpt-x");
        assert_eq!(out["stream"], true);
        // Arguments stay a JSON string with only its string leaves changed.
        let args: Value = serde_json::from_str(
            out["messages"][2]["tool_calls"][0]["function"]["arguments"]
                .as_str()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(args, json!({"to": "A@B.IO", "n": 3}));
    }

    #[test]
    fn tool_arguments_that_are_not_json_are_scanned_as_text() {
        let body = json!({"messages": [{"role": "assistant", "tool_calls": [
            {"function": {"name": "f", "arguments": "{\"to\": \"a@b.io"}}]}]});
        assert_eq!(
            fields(&body),
            vec![(
                "messages[0].tool_calls[0].function.arguments".into(),
                "{\"to\": \"a@b.io".into()
            )]
        );
    }

    #[test]
    fn responses_api_input_forms() {
        let body = json!({"model": "m", "instructions": "sys", "input": "hello a@b.io"});
        assert_eq!(
            fields(&body),
            vec![
                ("input".into(), "hello a@b.io".into()),
                ("instructions".into(), "sys".into())
            ]
        );
        let body = json!({"input": [
            {"role": "user", "content": [{"type": "input_text", "text": "t1"}, {"type": "input_image", "image_url": "u"}]},
            {"type": "message", "role": "user", "content": "t2"},
            {"type": "function_call", "call_id": "x", "name": "f", "arguments": "{\"q\":\"t3\"}"},
            {"type": "function_call_output", "call_id": "x", "output": "t4"},
            {"type": "item_reference", "id": "r"}
        ]});
        let got: Vec<String> = fields(&body).into_iter().map(|f| f.1).collect();
        assert_eq!(got, ["t1", "t2", "t3", "t4"]);
    }

    #[test]
    fn fails_closed_on_unknown_shapes() {
        let opts = PayloadOptions::default();
        assert_eq!(
            RequestBody::parse("hello a@b.io", &opts).unwrap_err(),
            PayloadError::NotJson
        );
        assert_eq!(
            RequestBody::parse("", &opts).unwrap_err(),
            PayloadError::NotJson
        );
        assert_eq!(
            RequestBody::parse("[1]", &opts).unwrap_err(),
            PayloadError::NotObject
        );
        for (body, at) in [
            (json!({"messages": "hi"}), "messages"),
            (json!({"messages": ["hi"]}), "messages[0]"),
            (json!({"messages": [{"content": 5}]}), "messages[0].content"),
            (
                json!({"messages": [{"content": [{"type": "video", "data": "x"}]}]}),
                "messages[0].content[0]",
            ),
            (
                json!({"messages": [{"content": [{"text": "no type"}]}]}),
                "messages[0].content[0]",
            ),
            (
                json!({"messages": [{"content": [{"type": "text", "text": 1}]}]}),
                "messages[0].content[0]",
            ),
            (json!({"input": 7}), "input"),
            (
                json!({"input": [{"type": "computer_call_output"}]}),
                "input[0]",
            ),
            (json!({"prompt": {"a": 1}}), "prompt"),
        ] {
            match RequestBody::parse(&body.to_string(), &opts) {
                Err(PayloadError::UnexpectedShape { path, .. }) => assert_eq!(path, at, "{body}"),
                other => panic!("{body}: {other:?}"),
            }
        }
    }

    #[test]
    fn errors_never_echo_content() {
        let err = RequestBody::parse(
            "{\"messages\": [{\"content\": 5}], \"x\": \"jane@example.com\"",
            &PayloadOptions::default(),
        )
        .unwrap_err();
        assert!(!err.to_string().contains("jane"));
    }

    #[test]
    fn configured_paths() {
        let body = json!({
            "query": "find a@b.io",
            "docs": [{"text": "d1", "meta": {"k": "d2", "n": 1}}, {"text": "d3"}],
            "a/b": {"c~d": "e1"}
        });
        let opts = PayloadOptions {
            openai: false,
            paths: vec![
                "query".into(),
                "docs[*].text".into(),
                "docs.0.meta".into(),
                "a/b.c~d".into(),
                "missing.x".into(),
            ],
        };
        let req = RequestBody::parse(&body.to_string(), &opts).unwrap();
        let got: Vec<&str> = req.fields().iter().map(|f| f.text.as_str()).collect();
        assert_eq!(got, ["find a@b.io", "d1", "d3", "d2", "e1"]);
        let out = upper_all(&body, &opts);
        assert_eq!(out["docs"][0]["meta"], json!({"k": "D2", "n": 1}));
        assert_eq!(out["a/b"]["c~d"], "E1");
        assert!(RequestBody::parse(
            "{}",
            &PayloadOptions {
                openai: false,
                paths: vec!["a..b".into()]
            }
        )
        .is_err());
    }

    #[test]
    fn unknown_bodies_have_every_string_scanned() {
        let body = json!({"model": "m", "q": {"text": "mail a@b.io", "n": 2}, "tags": ["x"]});
        let got: Vec<(String, String)> = fields(&body);
        assert_eq!(
            got,
            vec![
                ("q.text".into(), "mail a@b.io".into()),
                ("tags[0]".into(), "x".into())
            ]
        );
        // A configured path adds to the sweep (in its own order), never narrows it.
        let opts = PayloadOptions {
            openai: true,
            paths: vec!["tags".into()],
        };
        let req = RequestBody::parse(&body.to_string(), &opts).unwrap();
        let got: Vec<&str> = req.fields().iter().map(|f| f.path.as_str()).collect();
        assert_eq!(got, ["tags[0]", "q.text"]);
        assert!(fields(&json!({"model": "m"})).is_empty());
    }

    fn texts(body: &Value) -> Vec<String> {
        fields(body).into_iter().map(|f| f.1).collect()
    }

    #[test]
    fn strings_beside_the_known_fields_are_scanned() {
        // Tool descriptions, schema descriptions, metadata, stop sequences, a participant's
        // name: every string a person may have written, wherever it stands.
        let body = json!({
            "model": "gpt-x", "temperature": 0.2, "stream": true,
            "modalities": ["text"], "tool_choice": "auto", "stop": ["t1"],
            "messages": [{"role": "user", "name": "t2", "content": "t3"}],
            "tools": [{"type": "function", "function": {
                "name": "send_mail", "description": "t4",
                "parameters": {"type": "object", "properties": {
                    "to": {"type": "string", "description": "t5", "enum": ["t6"]}}}}}],
            "response_format": {"type": "json_schema", "json_schema": {"name": "n", "schema": {"description": "t7"}}},
            "prediction": {"type": "content", "content": "t8"}
        });
        let mut got = texts(&body);
        got.sort();
        assert_eq!(got, ["n", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8"]);
        // Found where it stands, and rewritten there.
        let out = upper_all(&body, &PayloadOptions::default());
        assert_eq!(out["tools"][0]["function"]["description"], "T4");
        assert_eq!(out["tools"][0]["function"]["name"], "send_mail");
        assert_eq!(out["model"], "gpt-x");
        // Without the known fields' reading (`openai: false`) the same strings are found.
        let opts = PayloadOptions {
            openai: false,
            paths: vec![],
        };
        let req = RequestBody::parse(&body.to_string(), &opts).unwrap();
        assert_eq!(req.fields().len(), 9);
    }

    #[test]
    fn anthropic_messages() {
        let body = json!({
            "model": "claude-x", "max_tokens": 100,
            "system": [{"type": "text", "text": "s1", "cache_control": {"type": "ephemeral"}}],
            "metadata": {"user_id": "u1"},
            "messages": [
                {"role": "user", "content": [
                    {"type": "text", "text": "t1"},
                    {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}},
                    {"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": "d1"}}
                ]},
                {"role": "assistant", "content": [
                    {"type": "thinking", "thinking": "th1", "signature": "sig"},
                    {"type": "tool_use", "id": "toolu_1", "name": "lookup", "input": {"q": "q1"}}
                ]},
                {"role": "user", "content": [
                    {"type": "tool_result", "tool_use_id": "toolu_1", "content": [{"type": "text", "text": "r1"}]}
                ]}
            ],
            "tools": [{"name": "lookup", "description": "desc1", "input_schema": {"type": "object"}}]
        });
        let mut got = texts(&body);
        got.sort();
        assert_eq!(got, ["d1", "desc1", "q1", "r1", "s1", "t1", "th1", "u1"]);
    }

    #[test]
    fn gemini_ollama_and_cohere_bodies() {
        let gemini = json!({
            "systemInstruction": {"parts": [{"text": "s1"}]},
            "contents": [
                {"role": "user", "parts": [{"text": "t1"}, {"inlineData": {"mimeType": "image/png", "data": "AAAA"}}]},
                {"role": "model", "parts": [{"functionCall": {"name": "f", "args": {"to": "a1"}}}]},
                {"role": "user", "parts": [{"functionResponse": {"name": "f", "response": {"ok": "o1"}}}]}
            ],
            "generationConfig": {"responseMimeType": "application/json", "stopSequences": ["x1"]}
        });
        let mut got = texts(&gemini);
        got.sort();
        assert_eq!(got, ["a1", "o1", "s1", "t1", "x1"]);

        let ollama_chat = json!({"model": "llama3", "keep_alive": "5m", "format": "json",
            "messages": [{"role": "user", "content": "t1", "images": ["iVBORw0KGgo="]}]});
        assert_eq!(texts(&ollama_chat), ["t1", "json"]);
        let ollama_generate = json!({"model": "llama3", "prompt": "p1", "system": "s1",
            "images": ["iVBORw0KGgo="], "context": [1, 2, 3]});
        assert_eq!(texts(&ollama_generate), ["p1", "s1"]);

        let cohere = json!({"model": "command-r", "messages": [
                {"role": "system", "content": "s1"},
                {"role": "user", "content": [{"type": "text", "text": "t1"}]},
                {"role": "assistant", "tool_plan": "plan1", "tool_calls": [
                    {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{\"q\":\"a1\"}"}}]},
                {"role": "tool", "tool_call_id": "c1", "content": [
                    {"type": "document", "document": {"id": "doc1", "data": {"text": "d1"}}}]}
            ],
            "documents": [{"id": "x", "data": {"title": "d2", "snippet": "d3"}}, "d4"]});
        let mut got = texts(&cohere);
        got.sort();
        assert_eq!(got, ["a1", "d1", "d2", "d3", "d4", "plan1", "s1", "t1"]);
    }

    #[test]
    fn end_user_ids_and_metadata_are_text() {
        let body = json!({"messages": [{"role": "user", "content": "hi"}],
            "user": "jane@example.com", "metadata": {"note": "x", "n": 1}});
        let got: Vec<String> = fields(&body).into_iter().map(|f| f.0).collect();
        assert_eq!(got, ["messages[0].content", "user", "metadata.note"]);
    }

    #[test]
    fn rebuild_checks_the_count() {
        let req = RequestBody::parse(r#"{"input":"x"}"#, &PayloadOptions::default()).unwrap();
        assert_eq!(req.rebuild(&[]).unwrap_err(), PayloadError::FieldCount);
    }

    #[test]
    fn overlapping_configured_path_is_one_field() {
        let body = json!({"input": "x"});
        let opts = PayloadOptions {
            openai: true,
            paths: vec!["input".into()],
        };
        assert_eq!(
            RequestBody::parse(&body.to_string(), &opts)
                .unwrap()
                .fields()
                .len(),
            1
        );
    }
}
