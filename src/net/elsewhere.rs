//! Requests to endpoints the guard does not check. The values the guard kept from the model
//! come back into the page when answers are restored, and a script that sends what the page
//! shows (analytics, session replay, an error reporter attaching the last response) would
//! carry them to its own servers. So the URL and the body of such a request — by default
//! only one to another origin than the page's (`elsewhere` option), and none where there is
//! no page (Node) — have every kept original replaced by its placeholder or surrogate
//! (`Guard::mask_originals` in the core).
//!
//! Bodies: strings, `URLSearchParams` and the text entries of `FormData` are masked as text.
//! Bytes, `Blob`s (a `FormData`'s files among them) and the body of a `Request` object are
//! read while the guard keeps any original (before that, nothing in them can be one, and they
//! are not touched):
//! - compressed (gzip or zlib by their header; raw deflate by trying, when the bytes are not
//!   text) — decompressed, masked, and compressed again in the same format;
//! - UTF-8 text — masked;
//! - anything else (an image, protobuf) cannot be rewritten without breaking it, so it is sent
//!   as it is unless a kept original is in it as UTF-8, and then it is refused.
//!
//! What changed nothing is sent exactly as it was, byte for byte. Compressed bytes and `Blob`s
//! take waiting to read, so `fetch` and an asynchronous `XMLHttpRequest` wait, a beacon is
//! queued once read (it answers `true` before that, see src/net/beacon.rs), and a call that
//! must answer at once (a synchronous `XMLHttpRequest`, `WebSocket.send`) refuses them while
//! the guard keeps originals. A refused request fires `blocked`; a masked one fires `masked`
//! on the guard with the origin and path (never the query or body).
//!
//! URLs the page's scripts hand to the browser (pixels, element `src`s, `window.open`,
//! navigations) and WebRTC data channels are masked by the same rules in `urls`.

mod compressed;
mod css;
mod nodes;
mod urls;

pub use urls::url_places;

use super::errors::{self, Reason};
use super::js;
use super::options::{view_bytes, Elsewhere};
use super::State;
use compressed::Format;
use js_sys::{Array, Object, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// `new globalThis[class](...args)`: the page's own class (no web-sys binding needed).
fn construct(class: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let class: js_sys::Function = js::get(&js::global(), class).dyn_into()?;
    let list: js_sys::Array = args.iter().map(|a| (*a).clone()).collect();
    js_sys::Reflect::construct(&class, &list)
}

/// How a body is read for masking.
#[derive(PartialEq, Eq)]
enum Kind {
    /// A string or `URLSearchParams`: masked as text, at once.
    Text,
    /// A `FormData`: its text entries masked at once, its files (Blobs) only by waiting.
    Form,
    /// An `ArrayBuffer` or a view of one.
    Bytes,
    /// A `Blob` or `File`: readable only by waiting.
    Blob,
    /// Nothing, or what is not read (a stream).
    Other,
}

/// The kind of `body` (by class, not `instanceof`: a frame's objects are of another realm).
fn kind(body: &JsValue) -> Kind {
    if body.is_string() {
        return Kind::Text;
    }
    match js::class_of(body).as_str() {
        "URLSearchParams" => Kind::Text,
        "FormData" => Kind::Form,
        "Blob" | "File" => Kind::Blob,
        "ArrayBuffer" => Kind::Bytes,
        _ if js_sys::ArrayBuffer::is_view(body) => Kind::Bytes,
        _ => Kind::Other,
    }
}

/// A copy of the bytes of an `ArrayBuffer` or a view.
fn bytes_of(body: &JsValue) -> Vec<u8> {
    if js::class_of(body) == "ArrayBuffer" {
        Uint8Array::new(body).to_vec()
    } else {
        view_bytes(body).to_vec()
    }
}

/// The `[name, value]` entries of a `FormData` (a value is a string or a File).
pub(super) fn form_entries(form: &JsValue) -> Result<Vec<(JsValue, JsValue)>, JsValue> {
    let entries = js::call_method(form, "entries", &[])?;
    let Some(iter) = js_sys::try_iter(&entries)? else {
        return Ok(Vec::new());
    };
    iter.map(|pair| {
        let pair: Array = pair?.unchecked_into();
        Ok((pair.get(0), pair.get(1)))
    })
    .collect()
}

/// A `FormData` of `entries` with the values `masked` has for them; `None` when it has none
/// (nothing changed).
fn form_with(
    entries: &[(JsValue, JsValue)],
    masked: Vec<Option<JsValue>>,
) -> Result<Option<JsValue>, JsValue> {
    if masked.iter().all(Option::is_none) {
        return Ok(None);
    }
    let out = construct("FormData", &[])?;
    for ((name, value), masked) in entries.iter().zip(masked) {
        let value = masked.unwrap_or_else(|| value.clone());
        if value.is_string() {
            js::call_method(&out, "append", &[name, &value])?;
        } else {
            // A file keeps its name.
            js::call_method(&out, "append", &[name, &value, &js::get(&value, "name")])?;
        }
    }
    Ok(Some(out))
}

/// `bytes` as text: UTF-8 without control characters other than tab, line breaks and form
/// feed. Binary formats (images, protobuf's field tags) have them, and rewriting text inside
/// them would break their lengths and offsets.
fn as_text(bytes: &[u8]) -> Option<&str> {
    std::str::from_utf8(bytes).ok().filter(|s| {
        !s.chars()
            .any(|c| c.is_control() && !"\t\n\r\x0c".contains(c))
    })
}

/// A Blob (or File: its name too) like `original` holding `bytes`.
fn blob_like(original: &JsValue, bytes: &[u8]) -> Result<JsValue, JsValue> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = js::obj(&[("type", &js::get(original, "type"))]);
    if js::class_of(original) == "File" {
        js::set(&options, "lastModified", &js::get(original, "lastModified"))?;
        construct("File", &[&parts, &js::get(original, "name"), &options])
    } else {
        construct("Blob", &[&parts, &options])
    }
}

/// The init of `fetch(url, init)` that sends what `request` would (its own body left out).
fn init_of(request: &web_sys::Request) -> Object {
    let r: &JsValue = request;
    let copied = [
        "method",
        "headers",
        "mode",
        "credentials",
        "cache",
        "redirect",
        "referrer",
        "referrerPolicy",
        "integrity",
        "keepalive",
        "signal",
    ];
    let init = Object::new();
    for key in copied {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js::set(&init, key, &js::get(r, key));
    }
    init
}

impl State {
    /// Whether a request to `url` (not a guarded endpoint) has kept originals masked.
    pub fn masks(&self, url: &web_sys::Url) -> bool {
        match self.settings.elsewhere {
            Elsewhere::Off => false,
            Elsewhere::All => true,
            // Without a page (Node: a server or a script using the guard) nothing is a third
            // party to the page, and the other requests are the program's own business.
            Elsewhere::CrossOrigin => js::get(&js::get(&js::global(), "location"), "origin")
                .as_string()
                .is_some_and(|page| page != url.origin()),
        }
    }

    /// `url` with kept originals masked; `None` when it holds none.
    pub fn masked_url(&self, url: &web_sys::Url) -> Result<Option<web_sys::Url>, JsValue> {
        match self.core.mask_originals(&url.href())? {
            Some(masked) => Ok(Some(web_sys::Url::new(&masked)?)),
            None => Ok(None),
        }
    }

    /// Whether `body` has to be read by waiting: bytes (they may be compressed), Blobs and
    /// a `FormData` with files, while the guard keeps any original.
    pub fn reads_later(&self, body: &JsValue) -> Result<bool, JsValue> {
        let later = match kind(body) {
            Kind::Bytes | Kind::Blob => true,
            Kind::Form => form_entries(body)?.iter().any(|(_, v)| !v.is_string()),
            Kind::Text | Kind::Other => false,
        };
        Ok(later && self.core.keeps_originals()?)
    }

    /// `body` with kept originals masked, for callers that must answer at once; `None` when
    /// it holds none or is not read. Bytes that are text are masked; binary bytes holding a
    /// kept original, compressed bytes and Blobs (a `FormData`'s files among them), which
    /// cannot be read now, are refused while the guard keeps originals.
    pub fn masked_body(&self, body: &JsValue) -> Result<Option<JsValue>, JsValue> {
        match kind(body) {
            Kind::Text => self.masked_text(body),
            Kind::Form => {
                let entries = form_entries(body)?;
                let mut masked = Vec::with_capacity(entries.len());
                for (_, value) in &entries {
                    masked.push(if value.is_string() {
                        self.masked_text(value)?
                    } else if self.core.keeps_originals()? {
                        return Err(self.unreadable());
                    } else {
                        None
                    });
                }
                form_with(&entries, masked)
            }
            Kind::Bytes if self.core.keeps_originals()? => {
                let bytes = bytes_of(body);
                if as_text(&bytes).is_none() && Format::announced(&bytes).is_some() {
                    return Err(self.unreadable());
                }
                Ok(self
                    .masked_plain(&bytes)?
                    .map(|m| Uint8Array::from(&m[..]).into()))
            }
            Kind::Blob if self.core.keeps_originals()? => Err(self.unreadable()),
            _ => Ok(None),
        }
    }

    /// `body` with kept originals masked, reading bytes and Blobs (decompressed when they
    /// are compressed); `None` when it holds none or is not read. A masked body keeps its
    /// kind: a Blob stays a Blob of the same type (a File keeps its name), bytes become a
    /// `Uint8Array`, a `FormData` stays one.
    pub async fn masked_body_read(&self, body: &JsValue) -> Result<Option<JsValue>, JsValue> {
        if !self.reads_later(body)? {
            return self.masked_body(body);
        }
        match kind(body) {
            Kind::Blob => self.masked_blob(body).await,
            Kind::Form => {
                let entries = form_entries(body)?;
                let mut masked = Vec::with_capacity(entries.len());
                for (_, value) in &entries {
                    masked.push(if value.is_string() {
                        self.masked_text(value)?
                    } else {
                        self.masked_blob(value).await?
                    });
                }
                form_with(&entries, masked)
            }
            _ => {
                let masked = self.masked_bytes(&bytes_of(body)).await?;
                Ok(masked.map(|m| Uint8Array::from(&m[..]).into()))
            }
        }
    }

    /// A Blob (or File) with kept originals masked, read first.
    async fn masked_blob(&self, blob: &JsValue) -> Result<Option<JsValue>, JsValue> {
        let read = blob.unchecked_ref::<web_sys::Blob>().array_buffer();
        let bytes = Uint8Array::new(&JsFuture::from(read).await?).to_vec();
        match self.masked_bytes(&bytes).await? {
            Some(masked) => Ok(Some(blob_like(blob, &masked)?)),
            None => Ok(None),
        }
    }

    /// A string or `URLSearchParams` with kept originals masked.
    fn masked_text(&self, body: &JsValue) -> Result<Option<JsValue>, JsValue> {
        if let Some(text) = body.as_string() {
            return Ok(self.core.mask_originals(&text)?.map(JsValue::from));
        }
        let text = String::from(js::coerce(body)?);
        let Some(masked) = self.core.mask_originals(&text)? else {
            return Ok(None);
        };
        Ok(Some(construct("URLSearchParams", &[&masked.into()])?))
    }

    /// Bytes of any kind with kept originals masked: compressed ones are decompressed and,
    /// when masking changed them, compressed again in their format.
    async fn masked_bytes(&self, bytes: &[u8]) -> Result<Option<Vec<u8>>, JsValue> {
        let text = as_text(bytes).is_some();
        // What the header announces; raw deflate has none and is tried on binary bytes only.
        let tried = match Format::announced(bytes) {
            Some(format) => Some(format),
            None if !text && !bytes.is_empty() => Some(Format::Raw),
            None => None,
        };
        if let Some(format) = tried {
            // Bytes that do not decompress were not compressed (or not in a format the
            // receiver could read either): they are judged as they are, below.
            if let Ok(plain) = compressed::decompress(format, bytes).await {
                if format != Format::Raw || as_text(&plain).is_some() {
                    return match self.masked_plain(&plain)? {
                        Some(masked) => Ok(Some(compressed::compress(format, &masked).await?)),
                        None => Ok(None),
                    };
                }
            }
        }
        self.masked_plain(bytes)
    }

    /// Uncompressed bytes with kept originals masked: text is masked; binary that holds a
    /// kept original as UTF-8 (a string field of protobuf) cannot be rewritten without
    /// breaking its lengths, and is refused.
    fn masked_plain(&self, bytes: &[u8]) -> Result<Option<Vec<u8>>, JsValue> {
        if let Some(text) = as_text(bytes) {
            return Ok(self.core.mask_originals(text)?.map(String::into_bytes));
        }
        // The valid UTF-8 runs of the bytes, each one apart (U+FFFD between them stands as
        // a word break, as any non-letter does).
        if self
            .core
            .mask_originals(&String::from_utf8_lossy(bytes))?
            .is_some()
        {
            return Err(self.unreadable());
        }
        Ok(None)
    }

    /// The error of a body that holds, or may hold, a kept original the guard cannot mask.
    pub(super) fn unreadable(&self) -> JsValue {
        errors::blocked(
            &self.glue,
            Reason::BodyType,
            "pii-airlock: a request to an endpoint the guard does not check has a body that may \
             hold a value the guard kept and cannot be masked (binary, or not readable at once); \
             the request was not sent",
            None,
        )
    }

    /// The error a request to an endpoint the guard does not check fails with when its
    /// body could not be masked because of `e`.
    pub fn not_sent_error(&self, e: JsValue) -> JsValue {
        errors::as_blocked(
            &self.glue,
            e,
            Reason::BodyType,
            "the body of a request to an endpoint the guard does not check could not be masked",
        )
    }

    /// [`State::not_sent_error`], and `blocked` fires with it.
    pub fn not_sent(&self, e: JsValue) -> JsValue {
        let e = self.not_sent_error(e);
        self.emit("blocked", Some(&e));
        e
    }

    /// Tells the page a request was masked: origin and path only, the path masked too (a
    /// pixel may carry the value in its path, and the page's listeners are scripts as well).
    pub fn note_masked(&self, url: &web_sys::Url) {
        let shown = format!("{}{}", url.origin(), url.pathname());
        let shown = match self.core.mask_originals(&shown) {
            Ok(Some(masked)) => masked,
            Ok(None) => shown,
            // The core failed: better no detail than the value.
            Err(_) => url.origin(),
        };
        self.note_masked_as(&shown);
    }

    /// Fires `masked` with `{ url: shown }`.
    pub fn note_masked_as(&self, shown: &str) {
        let detail = js::obj(&[("url", &shown.into())]);
        self.emit("masked", Some(&detail));
    }

    /// `fetch(input, init)` to an endpoint the guard does not check, masked: the URL and the
    /// body (`init.body`, else a `Request`'s own). A `Request` whose URL or body changes is
    /// sent as `fetch(url, init)` with its settings copied into `init`.
    pub async fn masked_fetch(
        &self,
        input: JsValue,
        init: JsValue,
        url: &web_sys::Url,
    ) -> Result<(JsValue, JsValue), JsValue> {
        if !self.masks(url) {
            return Ok((input, init));
        }
        let request = (js::class_of(&input) == "Request")
            .then(|| input.clone().unchecked_into::<web_sys::Request>());
        let target = self.masked_url(url)?;
        let given = js::get(&init, "body");
        // `init.body`, when given, is what is sent; else the Request's own body, if any.
        let own = request
            .as_ref()
            .filter(|r| (given.is_undefined() || given.is_null()) && r.body().is_some());
        let (body, changed) = match own {
            // Its URL is rewritten only with its body copied out, so it is read then too.
            Some(r) if target.is_some() || self.core.keeps_originals()? => {
                let bytes = JsFuture::from(web_sys::Request::clone(r)?.array_buffer()?).await?;
                let bytes = Uint8Array::new(&bytes);
                match self.masked_body_read(&bytes).await? {
                    Some(masked) => (Some(masked), true),
                    None => (Some(bytes.into()), false),
                }
            }
            Some(_) => (None, false),
            None => {
                let masked = self.masked_body_read(&given).await?;
                let changed = masked.is_some();
                (masked, changed)
            }
        };
        if target.is_none() && !changed {
            return Ok((input, init));
        }
        self.note_masked(url);
        let next = match &request {
            Some(r) if target.is_some() || own.is_some() => {
                Object::assign(&init_of(r), init.unchecked_ref())
            }
            _ => Object::assign(&Object::new(), init.unchecked_ref()),
        };
        if let Some(body) = body {
            js::set(&next, "body", &body)?;
        }
        let input = match (&target, &request) {
            (Some(u), _) => u.href().into(),
            (None, Some(r)) if own.is_some() => r.url().into(),
            _ => input,
        };
        Ok((input, next.into()))
    }
}
