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
//! `prompt`, Anthropic `system` and content blocks, embeddings and moderation `input` (a
//! string, strings, or text and image parts), Assistants `content`, Cohere v1 `message`,
//! `chat_history` and `preamble`, rerank `query`, Anthropic batches' `requests[].params`,
//! Realtime client events (`item`, `session.instructions`, `response.instructions` and
//! `response.input`), Bedrock Converse blocks (`{"text": …}`, `{"document": …}`). It fails
//! closed: a body that is not a JSON object, or a known field of a shape it does not know
//! (token ids in place of text among them), is an error, never a pass-through.
//!
//! Numbers are text too: a number leaf is scanned as its decimal text (`{"phone":
//! 4915112345678}`), and when the action changes it the leaf goes out as a string holding
//! the placeholder (an API whose schema needs a number there refuses the request; the value
//! does not leave). Object keys that are not plain identifiers (`jane@example.com`, `+49…`,
//! `Jane Doe`) are scanned as well and renamed the same way; paths shown to people and
//! in errors name such a key `*`, never its text.

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
    /// An object key: the embedded document it is in (`None`: the body), the pointer of the
    /// object holding it, and the key.
    Key(Option<usize>, String, String),
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
    // Assistants messages; Realtime conversation items (their `transcript` is swept).
    "image_file",
    "audio",
    "output_audio",
];
/// Bedrock Converse content blocks (an object with one key naming the block) whose strings
/// the sweep scans; `text` and `document` are read in [`Collector::bedrock_block`].
const BEDROCK_BLOCKS: &[&str] = &[
    "image",
    "video",
    "toolUse",
    "toolResult",
    "guardContent",
    "cachePoint",
    "reasoningContent",
    "citationsContent",
    "searchResult",
];
/// Bedrock document formats that are text: their `source.bytes` is read like a text file.
const BEDROCK_TEXT_FORMATS: &[&str] = &["txt", "csv", "md", "html"];
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
    "assistant_id",
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
/// Keys whose *string* is a binary payload: Realtime `input_audio_buffer.append` and audio
/// parts, Bedrock blobs (images, videos, documents in base64) and encrypted reasoning. An
/// object under the same key is configuration and is swept (a Realtime session's
/// `audio.input.transcription.prompt` is text).
const BINARY_STRINGS: &[&str] = &["audio", "bytes", "redactedContent"];
/// Keys whose numbers are sampling parameters or token ids, never a person's: a random
/// `seed` of 16 digits can pass a card number's checksum, and Ollama's `context` (the token
/// ids of earlier turns, text the guard cannot read in any case) runs to thousands of numbers,
/// each a scan. Every other number is scanned.
const NUMERIC_PARAMETERS: &[&str] = &[
    "seed",
    "context",
    "temperature",
    "top_p",
    "top_k",
    "topP",
    "topK",
    "max_tokens",
    "max_output_tokens",
    "max_completion_tokens",
    "maxOutputTokens",
    "num_ctx",
    "num_predict",
    "frequency_penalty",
    "presence_penalty",
    "dimensions",
    "n",
    "top_n",
];

/// Whether an object key may be data (an e-mail address, a phone number, a name keying a
/// map): anything but a plain identifier (`max_tokens`, `inlineData`, `Content-Type`).
/// Identifiers are schema, not data; scanning each of them would cost a scan per key.
fn data_key(k: &str) -> bool {
    let mut chars = k.chars();
    !(chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
}

/// How a key appears in a path shown to people and in errors: a key that may be data is
/// `*`, never its text.
fn shown(k: &str) -> &str {
    if data_key(k) {
        "*"
    } else {
        k
    }
}

/// `path.segment` (or `segment` at the top); a key from the body goes through [`shown`]
/// first.
fn join(path: &str, segment: &str) -> String {
    if path.is_empty() {
        segment.to_string()
    } else {
        format!("{path}.{segment}")
    }
}

/// The text of a leaf that is scanned: a string's own, a number's decimal form.
fn leaf_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
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
    /// A string or number leaf (other values are not text and are skipped).
    fn text(&mut self, pointer: String, path: String, value: &Value) {
        if let Some(text) = leaf_text(value) {
            if !self.seen.insert(pointer.clone()) {
                return;
            }
            self.fields.push(TextField {
                path,
                text,
                loc: Loc::Pointer(pointer),
            });
        }
    }

    /// The key `key` of the object at `parent` (in embedded document `doc`, or the body),
    /// when it may be data ([`data_key`]).
    fn key(&mut self, doc: Option<usize>, parent: &str, path: &str, key: &str) {
        if !data_key(key)
            || !self.seen.insert(format!(
                "{}{parent}/{}\u{1}",
                doc.unwrap_or(usize::MAX),
                escape(key)
            ))
        {
            return;
        }
        self.fields.push(TextField {
            path: join(path, "<key>"),
            text: key.to_string(),
            loc: Loc::Key(doc, parent.to_string(), key.to_string()),
        });
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
                let mut keys = Vec::new();
                object_keys(&doc, String::new(), path.clone(), &mut keys);
                for (parent, p, key) in keys {
                    self.key(Some(idx), &parent, &p, &key);
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
                    let Some(kind) = part.get("type").and_then(Value::as_str) else {
                        self.bedrock_block(&pptr, &ppath, part)?;
                        continue;
                    };
                    self.part(&pptr, &ppath, kind, part)?;
                }
                Ok(())
            }
            _ => Err(shape(path, "a string, null or an array of content parts")),
        }
    }

    /// One content part of type `kind`: text read, non-text and swept types passed on, any
    /// other type refused.
    fn part(
        &mut self,
        ptr: &str,
        path: &str,
        kind: &str,
        part: &Value,
    ) -> Result<(), PayloadError> {
        if TEXT_PARTS.contains(&kind) {
            let text = part
                .get("text")
                .filter(|t| t.is_string())
                .ok_or_else(|| shape(path, "a string `text`"))?;
            self.text(format!("{ptr}/text"), format!("{path}.text"), text);
        } else if kind == "refusal" {
            if let Some(r) = part.get("refusal") {
                self.text(format!("{ptr}/refusal"), format!("{path}.refusal"), r);
            }
        } else if !NON_TEXT_PARTS.contains(&kind) && !SWEPT_PARTS.contains(&kind) {
            return Err(shape(path, "a known content-part type"));
        }
        Ok(())
    }

    /// A Bedrock Converse content block: an object with one key naming it. `text` is read, a
    /// text `document`'s base64 `source.bytes` decoded and read; the other blocks are swept.
    fn bedrock_block(&mut self, ptr: &str, path: &str, part: &Value) -> Result<(), PayloadError> {
        let block = match part {
            Value::Object(o) if o.len() == 1 => o.iter().next(),
            _ => None,
        };
        let Some((name, v)) = block else {
            return Err(shape(path, "a content part with a `type`"));
        };
        match name.as_str() {
            "text" if v.is_string() => {
                self.text(format!("{ptr}/text"), format!("{path}.text"), v);
            }
            "document" => {
                let format = v.get("format").and_then(Value::as_str).unwrap_or("");
                let bytes = v.get("source").and_then(|s| s.get("bytes"));
                if let Some(b) = bytes.filter(|_| {
                    BEDROCK_TEXT_FORMATS.contains(&format.to_ascii_lowercase().as_str())
                }) {
                    self.attachment(
                        format!("{ptr}/document/source/bytes"),
                        format!("{path}.document.source.bytes"),
                        b,
                        Some("text/plain"),
                    )?;
                }
            }
            b if BEDROCK_BLOCKS.contains(&b) => {}
            _ => return Err(shape(path, "a content part with a `type`")),
        }
        Ok(())
    }

    /// `messages` of a chat body at `base` (a pointer; `path` as shown).
    fn chat(&mut self, base: &str, path: &str, messages: &Value) -> Result<(), PayloadError> {
        let Value::Array(messages) = messages else {
            return Err(shape(&join(path, "messages"), "an array"));
        };
        for (i, m) in messages.iter().enumerate() {
            let path = join(path, &format!("messages[{i}]"));
            let ptr = format!("{base}/messages/{i}");
            let Value::Object(m) = m else {
                return Err(shape(&path, "an object"));
            };
            if let Some(c) = m.get("content") {
                self.content(&format!("{ptr}/content"), &format!("{path}.content"), c)?;
            }
            if let Some(r) = m.get("refusal") {
                self.text(format!("{ptr}/refusal"), format!("{path}.refusal"), r);
            }
            if let Some(calls) = m.get("tool_calls") {
                let Value::Array(calls) = calls else {
                    return Err(shape(&format!("{path}.tool_calls"), "an array"));
                };
                for (j, call) in calls.iter().enumerate() {
                    if let Some(args) = call.get("function").and_then(|f| f.get("arguments")) {
                        self.json_string(
                            format!("{ptr}/tool_calls/{j}/function/arguments"),
                            format!("{path}.tool_calls[{j}].function.arguments"),
                            args,
                        )?;
                    }
                }
            }
            if let Some(args) = m.get("function_call").and_then(|f| f.get("arguments")) {
                self.json_string(
                    format!("{ptr}/function_call/arguments"),
                    format!("{path}.function_call.arguments"),
                    args,
                )?;
            }
        }
        Ok(())
    }

    /// `input` at `ptr`: the Responses API's string or items, embeddings' and moderation's
    /// string, strings or text and image parts. Token ids (numbers) are text the guard
    /// cannot read, so they are refused.
    fn input(&mut self, ptr: &str, path: &str, input: &Value) -> Result<(), PayloadError> {
        match input {
            Value::String(_) => {
                self.text(ptr.to_string(), path.to_string(), input);
                Ok(())
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let iptr = format!("{ptr}/{i}");
                    let ipath = format!("{path}[{i}]");
                    match item {
                        Value::String(_) => self.text(iptr, ipath, item),
                        Value::Object(obj) => self.item(&iptr, &ipath, obj)?,
                        Value::Number(_) | Value::Array(_) => {
                            return Err(shape(&ipath, "text, not token ids"))
                        }
                        _ => return Err(shape(&ipath, "an object")),
                    }
                }
                Ok(())
            }
            _ => Err(shape(path, "a string or an array of items")),
        }
    }

    /// One item of a Responses `input`, a Realtime `conversation.item.create`, or one part of
    /// a moderation `input`.
    fn item(
        &mut self,
        ptr: &str,
        path: &str,
        obj: &serde_json::Map<String, Value>,
    ) -> Result<(), PayloadError> {
        let kind = obj.get("type").and_then(Value::as_str).unwrap_or("message");
        match kind {
            "message" => {
                let c = obj
                    .get("content")
                    .ok_or_else(|| shape(path, "a message with `content`"))?;
                self.content(&format!("{ptr}/content"), &format!("{path}.content"), c)?;
            }
            "function_call" | "custom_tool_call" => {
                for key in ["arguments", "input"] {
                    if let Some(a) = obj.get(key) {
                        self.json_string(format!("{ptr}/{key}"), format!("{path}.{key}"), a)?;
                    }
                }
            }
            "function_call_output" | "custom_tool_call_output" => {
                if let Some(o) = obj.get("output") {
                    self.json_string(format!("{ptr}/output"), format!("{path}.output"), o)?;
                }
            }
            // References to earlier items carry no new text.
            "item_reference" | "reasoning" => {}
            // Moderation's multimodal input: text and image parts.
            k if TEXT_PARTS.contains(&k) || NON_TEXT_PARTS.contains(&k) => {
                self.part(ptr, path, k, &Value::Object(obj.clone()))?;
            }
            _ => return Err(shape(path, "a known input item type")),
        }
        Ok(())
    }

    /// The known fields of an LLM request body (or of one nested in it, at `base`).
    fn openai(
        &mut self,
        base: &str,
        path: &str,
        root: &serde_json::Map<String, Value>,
    ) -> Result<(), PayloadError> {
        let at = |key: &str| (format!("{base}/{key}"), join(path, key));
        if let Some(m) = root.get("messages") {
            self.chat(base, path, m)?;
        }
        if let Some(i) = root.get("input") {
            let (p, d) = at("input");
            self.input(&p, &d, i)?;
        }
        for key in ["instructions", "prompt", "system"] {
            let (p, d) = at(key);
            match root.get(key) {
                None | Some(Value::Null) => {}
                Some(v @ Value::String(_)) => self.text(p, d, v),
                // Legacy `prompt` as a list of strings; Anthropic-style `system` as parts.
                Some(v @ Value::Array(_)) if key != "instructions" => self.content(&p, &d, v)?,
                // The Responses API's prompt template (`id`, `version`, `variables`): swept.
                Some(Value::Object(_)) if key == "prompt" => {}
                Some(_) => return Err(shape(&d, "a string")),
            }
        }
        // Cohere v1 chat (`message`, `preamble`) and rerank (`query`); an Assistants message's
        // `content` (a string or parts; Gemini's `content` object is swept).
        for key in ["message", "preamble", "query"] {
            let (p, d) = at(key);
            if let Some(v) = root.get(key) {
                self.text(p, d, v);
            }
        }
        if let Some(c @ (Value::String(_) | Value::Array(_))) = root.get("content") {
            let (p, d) = at("content");
            self.content(&p, &d, c)?;
        }
        if let Some(history) = root.get("chat_history") {
            let Value::Array(history) = history else {
                return Err(shape(&join(path, "chat_history"), "an array"));
            };
            for (i, turn) in history.iter().enumerate() {
                if let Some(m) = turn.get("message") {
                    let d = join(path, &format!("chat_history[{i}].message"));
                    self.text(format!("{base}/chat_history/{i}/message"), d, m);
                }
            }
        }
        // Identifiers an app sends about its end user are often an e-mail address.
        for key in ["user", "safety_identifier"] {
            if let Some(v) = root.get(key) {
                let (p, d) = at(key);
                self.text(p, d, v);
            }
        }
        if let Some(Value::Object(meta)) = root.get("metadata") {
            for (k, v) in meta {
                self.text(
                    format!("{base}/metadata/{}", escape(k)),
                    join(&join(path, "metadata"), shown(k)),
                    v,
                );
            }
        }
        // Anthropic message batches: each request's `params` is a Messages body.
        if let Some(Value::Array(requests)) = root.get("requests") {
            for (i, r) in requests.iter().enumerate() {
                if let Some(Value::Object(params)) = r.get("params") {
                    let d = join(path, &format!("requests[{i}].params"));
                    self.openai(&format!("{base}/requests/{i}/params"), &d, params)?;
                }
            }
        }
        self.realtime(base, path, root)
    }

    /// Realtime API client events: a conversation item, a session's or a response's
    /// `instructions`, a response's own `input` items.
    fn realtime(
        &mut self,
        base: &str,
        path: &str,
        root: &serde_json::Map<String, Value>,
    ) -> Result<(), PayloadError> {
        let kind = root.get("type").and_then(Value::as_str).unwrap_or("");
        if kind == "conversation.item.create" {
            let Some(Value::Object(item)) = root.get("item") else {
                return Err(shape(&join(path, "item"), "an object"));
            };
            return self.item(&format!("{base}/item"), &join(path, "item"), item);
        }
        let key = match kind {
            "session.update" => "session",
            "response.create" => "response",
            _ => return Ok(()),
        };
        let Some(Value::Object(o)) = root.get(key) else {
            return Ok(());
        };
        let (ptr, at) = (format!("{base}/{key}"), join(path, key));
        match o.get("instructions") {
            None | Some(Value::Null) => {}
            Some(v @ Value::String(_)) => self.text(
                format!("{ptr}/instructions"),
                format!("{at}.instructions"),
                v,
            ),
            Some(_) => return Err(shape(&format!("{at}.instructions"), "a string")),
        }
        if let Some(i) = o.get("input") {
            self.input(&format!("{ptr}/input"), &format!("{at}.input"), i)?;
        }
        Ok(())
    }

    /// Every string and number of the body not collected yet, and every key that may be
    /// data, except structural fields and binary payloads: the fields no list of known ones
    /// anticipated.
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
                    if let Value::String(_) | Value::Number(_) = x {
                        self.text(p, d, x);
                    } else {
                        self.sweep(x, &p, &d, toolish)?;
                    }
                }
            }
            Value::Object(o) => {
                let base64 = o.get("type").and_then(Value::as_str) == Some("base64");
                for (k, x) in o {
                    self.key(None, ptr, display, k);
                    let p = format!("{ptr}/{}", escape(k));
                    let d = join(display, shown(k));
                    if BINARY_STRINGS.contains(&k.as_str()) && x.is_string() {
                        continue;
                    }
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
                    if structural && (x.is_string() || x.is_number() || enums) {
                        continue;
                    }
                    let numbers = x.is_number()
                        || x.as_array().is_some_and(|a| a.iter().all(Value::is_number));
                    if numbers && NUMERIC_PARAMETERS.contains(&k.as_str()) {
                        continue;
                    }
                    match x {
                        Value::String(_) | Value::Number(_) => self.text(p, d, x),
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
                let d = join(&display, shown(k));
                resolve(&o[k], rest, format!("{ptr}/{}", escape(k)), d, out);
            }
        }
        _ => {}
    }
}

/// Every string and number inside `v` (object values and array elements, not keys), as
/// (pointer, path shown, text).
fn string_leaves(v: &Value, ptr: String, display: String, out: &mut Vec<(String, String, String)>) {
    match v {
        Value::String(_) | Value::Number(_) => {
            if let Some(text) = leaf_text(v) {
                out.push((ptr, display, text));
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                string_leaves(x, format!("{ptr}/{i}"), format!("{display}[{i}]"), out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                let d = join(&display, shown(k));
                string_leaves(x, format!("{ptr}/{}", escape(k)), d, out);
            }
        }
        _ => {}
    }
}

/// Every object key inside `v`, parents before their children, as (pointer of the object
/// holding it, path shown of that object, key).
fn object_keys(v: &Value, ptr: String, display: String, out: &mut Vec<(String, String, String)>) {
    match v {
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                object_keys(x, format!("{ptr}/{i}"), format!("{display}[{i}]"), out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                out.push((ptr.clone(), display.clone(), k.clone()));
                object_keys(
                    x,
                    format!("{ptr}/{}", escape(k)),
                    join(&display, shown(k)),
                    out,
                );
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

/// Renames `key` of the object at `parent` in `doc` to `text`; a name the object already
/// has is refused (one value would overwrite the other).
fn rename(
    doc: &mut Value,
    parent: &str,
    key: &str,
    text: &str,
    path: &str,
) -> Result<(), PayloadError> {
    if key == text {
        return Ok(());
    }
    let Some(Value::Object(o)) = doc.pointer_mut(parent) else {
        return Err(PayloadError::FieldCount);
    };
    if o.contains_key(text) {
        return Err(shape(path, "keys that stay distinct"));
    }
    let v = o.remove(key).ok_or(PayloadError::FieldCount)?;
    o.insert(text.to_string(), v);
    Ok(())
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
            c.openai("", "", obj)?;
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
        // Values first, while every pointer still names the keys as sent.
        let mut keys = Vec::new();
        for (field, text) in self.fields.iter().zip(texts) {
            let (slot, text) = match &field.loc {
                Loc::Pointer(p) => (self.root.pointer_mut(p), text.clone()),
                Loc::Embedded(i, p) => (self.embedded[*i].1.pointer_mut(p), text.clone()),
                Loc::Base64(p, prefix) => {
                    let coded = crate::rules::secrets::codec::base64_encode(text.as_bytes());
                    (self.root.pointer_mut(p), format!("{prefix}{coded}"))
                }
                Loc::Key(doc, parent, key) => {
                    keys.push((*doc, parent, key, text, &field.path));
                    continue;
                }
            };
            let slot = slot.ok_or(PayloadError::FieldCount)?;
            // A number the action left as it was stays a number.
            if !matches!(slot, Value::Number(n) if n.to_string() == text) {
                *slot = Value::String(text);
            }
        }
        // Then keys, children before their parents (they were found parents first), those
        // inside tool-call arguments before the arguments are written back as strings.
        for (doc, parent, key, text, path) in keys.iter().rev().filter(|k| k.0.is_some()) {
            let i = doc.unwrap_or_default();
            rename(&mut self.embedded[i].1, parent, key, text, path)?;
        }
        for (ptr, doc) in &self.embedded {
            let s = serde_json::to_string(doc).map_err(|_| PayloadError::NotJson)?;
            let slot = self.root.pointer_mut(ptr).ok_or(PayloadError::FieldCount)?;
            *slot = Value::String(s);
        }
        for (_, parent, key, text, path) in keys.iter().rev().filter(|k| k.0.is_none()) {
            rename(&mut self.root, parent, key, text, path)?;
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

    /// The first tool call's arguments of message `i`, parsed.
    fn arguments(out: &Value, i: usize) -> Value {
        let s = out["messages"][i]["tool_calls"][0]["function"]["arguments"].as_str();
        serde_json::from_str(s.unwrap()).unwrap()
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
                // Numbers inside the arguments are scanned as their decimal text.
                (
                    "messages[2].tool_calls[0].function.arguments.n".into(),
                    "3".into()
                ),
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
        let args = arguments(&out, 2);
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
            // `{"text": …}` alone is a Bedrock block; a typeless part of any other shape is not.
            (
                json!({"messages": [{"content": [{"txt": "no type"}]}]}),
                "messages[0].content[0]",
            ),
            (
                json!({"messages": [{"content": [{"text": "a", "extra": "b"}]}]}),
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
            (json!({"prompt": 5}), "prompt"),
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
        // A configured path's numbers are text too; the sweep adds the keys that are not
        // identifiers (`a/b`, `c~d`).
        assert_eq!(
            got,
            ["find a@b.io", "d1", "d3", "d2", "1", "e1", "a/b", "c~d"]
        );
        let out = upper_all(&body, &opts);
        assert_eq!(out["docs"][0]["meta"], json!({"k": "D2", "n": 1}));
        // Keys are rewritten with the other texts (here upper-cased like them).
        assert_eq!(out["A/B"]["C~D"], "E1");
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
        assert_eq!(
            got,
            ["messages[0].content", "user", "metadata.n", "metadata.note"]
        );
    }

    fn paths(body: &Value) -> Vec<String> {
        fields(body).into_iter().map(|f| f.0).collect()
    }

    fn refused_at(body: &Value) -> String {
        match RequestBody::parse(&body.to_string(), &PayloadOptions::default()) {
            Err(PayloadError::UnexpectedShape { path, .. }) => path,
            other => panic!("{body}: {other:?}"),
        }
    }

    #[test]
    fn embeddings_and_moderation_inputs() {
        // OpenAI-style embeddings and moderation, Ollama `/api/embed`: a string or strings.
        let body = json!({"model": "text-embedding-3-small", "input": ["a@b.io", "t2"],
            "encoding_format": "float"});
        assert_eq!(
            fields(&body)[..2],
            [
                ("input[0]".into(), "a@b.io".into()),
                ("input[1]".into(), "t2".into())
            ]
        );
        // Moderation's multimodal input: text parts read, image parts passed.
        let body = json!({"model": "omni-moderation-latest", "input": [
            {"type": "text", "text": "t1"},
            {"type": "image_url", "image_url": {"url": "https://x/y.png"}}]});
        assert_eq!(texts(&body), ["t1"]);
        // Token ids are text the guard cannot read: refused, not sent unread.
        assert_eq!(refused_at(&json!({"input": [1, 2, 3]})), "input[0]");
        assert_eq!(refused_at(&json!({"input": [[1, 2], [3]]})), "input[0]");
    }

    #[test]
    fn a_responses_prompt_template_is_read_not_refused() {
        let body = json!({"model": "m", "input": "t1",
            "prompt": {"id": "pmpt_1", "variables": {"customer": "v1"}}});
        let got = fields(&body);
        assert!(
            got.contains(&("prompt.variables.customer".into(), "v1".into())),
            "{got:?}"
        );
    }

    #[test]
    fn cohere_v1_chat_rerank_and_embed() {
        let chat = json!({"message": "m1", "preamble": "p1", "conversation_id": "c",
            "chat_history": [{"role": "USER", "message": "h1"}, {"role": "CHATBOT", "message": "h2"}]});
        let got = fields(&chat);
        assert_eq!(
            got[..4],
            [
                ("message".into(), "m1".into()),
                ("preamble".into(), "p1".into()),
                ("chat_history[0].message".into(), "h1".into()),
                ("chat_history[1].message".into(), "h2".into()),
            ]
        );
        assert!(refused_at(&json!({"chat_history": "h"})) == "chat_history");
        let rerank = json!({"model": "rerank-v3.5", "query": "q1", "top_n": 2,
            "documents": ["d1", {"text": "d2"}]});
        let mut got = texts(&rerank);
        got.sort();
        assert_eq!(got, ["d1", "d2", "q1"]);
        let embed = json!({"model": "embed-v4.0", "input_type": "search_query",
            "texts": ["e1"], "inputs": [{"content": [{"type": "text", "text": "e2"}]}]});
        let got = texts(&embed);
        assert!(
            got.contains(&"e1".into()) && got.contains(&"e2".into()),
            "{got:?}"
        );
    }

    #[test]
    fn gemini_embeddings_and_token_counts() {
        let body = json!({"requests": [{"model": "models/text-embedding-004",
            "content": {"parts": [{"text": "t1"}]}, "taskType": "RETRIEVAL_DOCUMENT", "title": "t2"}]});
        let got = texts(&body);
        assert!(
            got.contains(&"t1".into()) && got.contains(&"t2".into()),
            "{got:?}"
        );
        let count = json!({"generateContentRequest": {"model": "models/gemini-x",
            "contents": [{"role": "user", "parts": [{"text": "t3"}]}]}});
        assert_eq!(texts(&count), ["t3"]);
    }

    #[test]
    fn assistants_messages_and_conversation_items() {
        let message = json!({"role": "user", "content": [
            {"type": "text", "text": "t1"}, {"type": "image_file", "image_file": {"file_id": "file-1"}}],
            "attachments": [{"file_id": "file-2", "tools": [{"type": "file_search"}]}]});
        assert_eq!(paths(&message), ["content[0].text"]);
        let thread_run = json!({"assistant_id": "asst_1", "instructions": "i1",
            "thread": {"messages": [{"role": "user", "content": "t2"}]}});
        let mut got = texts(&thread_run);
        got.sort();
        assert_eq!(got, ["i1", "t2"]);
        let items = json!({"items": [{"type": "message", "role": "user",
            "content": [{"type": "input_text", "text": "t3"}]}]});
        assert_eq!(texts(&items), ["t3"]);
        assert_eq!(
            refused_at(&json!({"content": [{"type": "video", "url": "u"}]})),
            "content[0]"
        );
    }

    #[test]
    fn anthropic_message_batches_read_each_request() {
        let body = json!({"requests": [{"custom_id": "r1", "params": {"model": "claude-x",
            "max_tokens": 10, "system": "s1",
            "messages": [{"role": "user", "content": [{"type": "text", "text": "t1"}]}]}}]});
        assert_eq!(
            fields(&body)[..2],
            [
                (
                    "requests[0].params.messages[0].content[0].text".into(),
                    "t1".into()
                ),
                ("requests[0].params.system".into(), "s1".into()),
            ]
        );
        // Each request is read with the Messages checks: an unknown block fails closed.
        let body = json!({"requests": [{"custom_id": "r1", "params": {
            "messages": [{"role": "user", "content": [{"type": "video", "data": "x"}]}]}}]});
        assert_eq!(
            refused_at(&body),
            "requests[0].params.messages[0].content[0]"
        );
    }

    #[test]
    fn realtime_client_events() {
        let item = json!({"type": "conversation.item.create", "event_id": "e1", "item": {
            "type": "message", "role": "user", "content": [
                {"type": "input_text", "text": "t1"},
                {"type": "input_audio", "audio": "UklGRiQAAABXQVZF", "transcript": "t2"}]}});
        let got = fields(&item);
        assert_eq!(got[0], ("item.content[0].text".into(), "t1".into()));
        assert!(got.contains(&("item.content[1].transcript".into(), "t2".into())));
        // Audio in base64 is not text: neither scanned nor rewritten.
        assert!(!got.iter().any(|(_, t)| t.starts_with("UklG")), "{got:?}");
        let append = json!({"type": "input_audio_buffer.append", "audio": "UklGRiQAAABXQVZF"});
        assert!(fields(&append).is_empty());
        // An `audio` object is configuration, and its transcription prompt is text.
        let config = json!({"type": "session.update", "session": {"audio": {"input": {
            "format": {"type": "audio/pcm", "rate": 24000},
            "transcription": {"model": "m", "prompt": "p1"}}}}});
        assert!(texts(&config).contains(&"p1".to_string()));
        let session = json!({"type": "session.update", "session": {"type": "realtime",
            "instructions": "i1", "tools": [{"type": "function", "name": "f", "description": "d1"}]}});
        assert_eq!(
            fields(&session)[0],
            ("session.instructions".into(), "i1".into())
        );
        let response = json!({"type": "response.create", "response": {"instructions": "i2",
            "input": [{"type": "message", "role": "user", "content": [{"type": "input_text", "text": "t3"}]}]}});
        assert_eq!(texts(&response)[..2], ["i2".to_string(), "t3".to_string()]);
        for (body, at) in [
            (
                json!({"type": "conversation.item.create", "item": "t"}),
                "item",
            ),
            (
                json!({"type": "conversation.item.create", "item": {"type": "mcp_call"}}),
                "item",
            ),
            (
                json!({"type": "session.update", "session": {"instructions": 5}}),
                "session.instructions",
            ),
        ] {
            assert_eq!(refused_at(&body), at, "{body}");
        }
    }

    #[test]
    fn bedrock_converse_blocks() {
        use crate::rules::secrets::codec::base64_encode;
        let note = "call jane@example.com";
        let body = json!({
            "system": [{"text": "s1"}, {"cachePoint": {"type": "default"}}],
            "messages": [{"role": "user", "content": [
                {"text": "t1"},
                {"image": {"format": "png", "source": {"bytes": "iVBORw0KGgo="}}},
                {"document": {"format": "txt", "name": "notes", "source": {"bytes": base64_encode(note.as_bytes())}}},
                {"document": {"format": "pdf", "name": "scan", "source": {"bytes": "JVBERi0="}}}
            ]}, {"role": "assistant", "content": [
                {"toolUse": {"toolUseId": "tu1", "name": "lookup", "input": {"q": "q1"}}}
            ]}],
            "inferenceConfig": {"maxTokens": 100}
        });
        let got = fields(&body);
        assert_eq!(got[0], ("messages[0].content[0].text".into(), "t1".into()));
        let all: Vec<&str> = got.iter().map(|f| f.1.as_str()).collect();
        for want in ["s1", note, "notes", "scan", "q1"] {
            assert!(all.contains(&want), "{want}: {all:?}");
        }
        assert!(!all
            .iter()
            .any(|t| t.contains("iVBOR") || t.contains("JVBER")));
        // The text document goes back in base64, changed like any field.
        let out = upper_all(&body, &PayloadOptions::default());
        let sent = out["messages"][0]["content"][2]["document"]["source"]["bytes"]
            .as_str()
            .unwrap();
        let decoded = crate::rules::secrets::codec::base64_decode(sent).unwrap();
        assert_eq!(decoded, note.to_uppercase().as_bytes());
        assert_eq!(
            out["messages"][0]["content"][1]["image"]["source"]["bytes"],
            "iVBORw0KGgo="
        );
        assert_eq!(
            refused_at(&json!({"messages": [{"content": [{"video": {}, "text": "x"}]}]})),
            "messages[0].content[0]"
        );
    }

    #[test]
    fn numbers_are_scanned_and_replaced_by_strings_when_changed() {
        let body = json!({"model": "m", "seed": 4111111111111111u64, "temperature": 0.5,
            "metadata": {"phone": 4915112345678u64},
            "messages": [{"role": "assistant", "tool_calls": [{"function": {"name": "pay",
                "arguments": "{\"card\":4111111111111111,\"qty\":2}"}}]}],
            "event": {"amount": 12.5}});
        let got = fields(&body);
        let has = |p: &str, t: &str| got.contains(&(p.to_string(), t.to_string()));
        assert!(has("metadata.phone", "4915112345678"), "{got:?}");
        assert!(has(
            "messages[0].tool_calls[0].function.arguments.card",
            "4111111111111111"
        ));
        assert!(has("event.amount", "12.5"));
        // Sampling parameters are not data.
        assert!(!got.iter().any(|(p, _)| p == "seed" || p == "temperature"));
        // Changed: a string in its place; unchanged: the number as it was.
        let req = RequestBody::parse(&body.to_string(), &PayloadOptions::default()).unwrap();
        let new: Vec<String> = req
            .fields()
            .iter()
            .map(|f| {
                if f.text.len() > 12 {
                    "[X]".to_string()
                } else {
                    f.text.clone()
                }
            })
            .collect();
        let out: Value = serde_json::from_str(&req.rebuild(&new).unwrap()).unwrap();
        assert_eq!(out["metadata"]["phone"], "[X]");
        assert_eq!(out["event"]["amount"], json!(12.5));
        assert_eq!(out["seed"], json!(4111111111111111u64));
        let args = arguments(&out, 0);
        assert_eq!(args, json!({"card": "[X]", "qty": 2}));
    }

    #[test]
    fn keys_that_may_be_data_are_scanned_and_renamed() {
        let body = json!({"metadata": {"jane@example.com": "vip", "plan": "pro"},
            "messages": [{"role": "assistant", "tool_calls": [{"function": {"name": "f",
                "arguments": "{\"scores\":{\"+4915112345678\":{\"a@b.io\":1}}}"}}]}],
            "max_tokens": 5});
        let got = fields(&body);
        let keys: Vec<&(String, String)> = got.iter().filter(|f| f.0.ends_with("<key>")).collect();
        let key_texts: Vec<&str> = keys.iter().map(|f| f.1.as_str()).collect();
        assert_eq!(key_texts.len(), 3, "{got:?}");
        for k in ["jane@example.com", "+4915112345678", "a@b.io"] {
            assert!(key_texts.contains(&k), "{k}: {got:?}");
        }
        // Identifiers (`metadata`, `plan`, `max_tokens`) are schema, not data.
        assert!(!key_texts.contains(&"plan"));
        // A key that may be data never shows in a path (paths reach dialogs and errors).
        for (p, _) in &got {
            assert!(!p.contains('@') && !p.contains("+49"), "{p}");
        }
        let out = upper_all(&body, &PayloadOptions::default());
        assert_eq!(out["metadata"]["JANE@EXAMPLE.COM"], "VIP");
        assert!(out["metadata"].get("jane@example.com").is_none());
        let args = arguments(&out, 0);
        assert_eq!(args, json!({"scores": {"+4915112345678": {"A@B.IO": 1}}}));
        // Two keys that would become one are refused: one value would overwrite the other.
        let body = json!({"m": {"x y": 1, "X Y": 2}});
        let req = RequestBody::parse(&body.to_string(), &PayloadOptions::default()).unwrap();
        let new: Vec<String> = req.fields().iter().map(|f| f.text.to_uppercase()).collect();
        assert!(matches!(
            req.rebuild(&new),
            Err(PayloadError::UnexpectedShape { .. })
        ));
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
