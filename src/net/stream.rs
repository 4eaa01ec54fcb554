//! Restoring answers: JSON and text bodies whole, `text/event-stream` chunk by chunk through a
//! TransformStream, so a streamed answer is shown as it arrives with the originals back.

use super::js::{self, AwsStream, Sse};
use super::State;
use js_sys::{Function, JsString, Object, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Response, TransformStreamDefaultController as Controller};

/// UTF-8 decoding across chunk boundaries, as `TextDecoder` with `{ stream: true }`: a
/// character cut between two chunks waits for the rest; bad bytes become U+FFFD.
#[derive(Default)]
pub struct Utf8Stream {
    held: Vec<u8>,
    started: bool,
}

impl Utf8Stream {
    /// Decodes what is complete so far.
    pub fn push(&mut self, bytes: &[u8]) -> String {
        self.held.extend_from_slice(bytes);
        if !self.started {
            if self.held.len() < 3 && b"\xEF\xBB\xBF".starts_with(&self.held) {
                return String::new();
            }
            self.started = true;
            if self.held.starts_with(b"\xEF\xBB\xBF") {
                self.held.drain(..3);
            }
        }
        let mut out = String::new();
        loop {
            match std::str::from_utf8(&self.held) {
                Ok(s) => {
                    out.push_str(s);
                    self.held.clear();
                    return out;
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    out.push_str(std::str::from_utf8(&self.held[..good]).unwrap_or_default());
                    match e.error_len() {
                        // Cut at the end: wait for the rest of the character.
                        None => {
                            self.held.drain(..good);
                            return out;
                        }
                        Some(bad) => {
                            out.push('\u{FFFD}');
                            self.held.drain(..good + bad);
                        }
                    }
                }
            }
        }
    }

    /// The end of the stream: an unfinished character becomes U+FFFD.
    pub fn finish(&mut self) -> String {
        let rest = std::mem::take(&mut self.held);
        self.started = true;
        String::from_utf8_lossy(&rest).into_owned()
    }
}

/// A copy of `res` with `body`; length and encoding headers dropped (the body changed).
fn rewrap(res: &Response, body: &JsValue) -> Result<Response, JsValue> {
    let headers = web_sys::Headers::new_with_headers(&res.headers())?;
    headers.delete("content-length")?;
    headers.delete("content-encoding")?;
    let init = web_sys::ResponseInit::new();
    init.set_status(res.status());
    init.set_status_text(&res.status_text());
    init.set_headers(&headers);
    let out = match body.as_string() {
        Some(text) => Response::new_with_opt_str_and_init(Some(&text), &init)?,
        None => Response::new_with_opt_readable_stream_and_init(Some(body.unchecked_ref()), &init)?,
    };
    for (key, value) in [
        ("url", JsValue::from(res.url())),
        ("redirected", res.redirected().into()),
    ] {
        Object::define_property(&out, &key.into(), &js::obj(&[("value", &value)]));
    }
    Ok(out)
}

fn chunk_bytes(chunk: &JsValue) -> Result<Vec<u8>, JsValue> {
    if js_sys::ArrayBuffer::is_view(chunk) {
        Ok(super::options::view_bytes(chunk).to_vec())
    } else if chunk.is_instance_of::<js_sys::ArrayBuffer>() {
        Ok(Uint8Array::new(chunk).to_vec())
    } else {
        Err(js_sys::TypeError::new("an event-stream chunk must be bytes").into())
    }
}

fn enqueue(ctl: &Controller, text: &str) -> Result<(), JsValue> {
    if text.is_empty() {
        return Ok(());
    }
    ctl.enqueue_with_chunk(&Uint8Array::from(text.as_bytes()))
}

/// Gemini's `:streamGenerateContent` without `alt=sse`: a JSON array sent piece by piece.
fn json_array_stream(r: &Response, kind: &str) -> bool {
    kind.contains("json")
        && r.url()
            .to_ascii_lowercase()
            .split('?')
            .next()
            .is_some_and(|path| path.ends_with(":streamgeneratecontent"))
}

/// A TransformStream restoring a streamed body (events or JSON objects) across chunk
/// boundaries.
fn sse_transform(sse: Sse) -> Result<web_sys::TransformStream, JsValue> {
    let state = Rc::new(RefCell::new((sse, Utf8Stream::default())));
    let s = Rc::clone(&state);
    let transform = Closure::<dyn FnMut(JsValue, Controller) -> Result<(), JsValue>>::new(
        move |chunk: JsValue, ctl: Controller| {
            let text = s.borrow_mut().1.push(&chunk_bytes(&chunk)?);
            let out = s.borrow().0.push(&text)?;
            enqueue(&ctl, &out)
        },
    );
    let flush =
        Closure::<dyn FnMut(Controller) -> Result<(), JsValue>>::new(move |ctl: Controller| {
            let text = state.borrow_mut().1.finish();
            let st = state.borrow();
            let mut out = st.0.push(&text)?;
            out.push_str(&st.0.finish()?);
            enqueue(&ctl, &out)?;
            if let Ok(free) = js::get(&st.0, "free").dyn_into::<Function>() {
                let _ = free.call0(&st.0);
            }
            Ok(())
        });
    let transformer = js::obj(&[
        ("transform", &transform.into_js_value()),
        ("flush", &flush.into_js_value()),
    ]);
    web_sys::TransformStream::new_with_transformer(&transformer)
}

/// A TransformStream restoring an AWS event stream (Bedrock) frame by frame; frames whose
/// checksum does not hold go on untouched and are reported as `unrestored` when it ends.
fn aws_transform(
    st: Rc<State>,
    aws: AwsStream,
    url: &web_sys::Url,
) -> Result<web_sys::TransformStream, JsValue> {
    let aws = Rc::new(aws);
    let a = Rc::clone(&aws);
    let transform = Closure::<dyn FnMut(JsValue, Controller) -> Result<(), JsValue>>::new(
        move |chunk: JsValue, ctl: Controller| {
            let out = a.push_bytes(&chunk_bytes(&chunk)?)?;
            enqueue_bytes(&ctl, &out)
        },
    );
    // Origin and path only: the query may hold anything.
    let (origin, path) = (url.origin(), url.pathname());
    let flush =
        Closure::<dyn FnMut(Controller) -> Result<(), JsValue>>::new(move |ctl: Controller| {
            let last = aws.finish_bytes();
            report_and_free(&st, &aws, &origin, &path);
            enqueue_bytes(&ctl, &last?)
        });
    let transformer = js::obj(&[
        ("transform", &transform.into_js_value()),
        ("flush", &flush.into_js_value()),
    ]);
    web_sys::TransformStream::new_with_transformer(&transformer)
}

/// Reports the frames of a finished AWS event stream whose checksum did not hold (as
/// `unrestored`, origin and path only: the query may hold anything) and frees its restorer.
fn report_and_free(st: &State, aws: &AwsStream, origin: &str, path: &str) {
    let frames = aws.corrupt_frames();
    if frames > 0 {
        let detail = js::obj(&[
            ("reason", &"corrupt-frame".into()),
            ("frames", &frames.into()),
            ("origin", &origin.into()),
            ("path", &path.into()),
        ]);
        st.emit("unrestored", Some(&detail));
    }
    if let Ok(free) = js::get(aws, "free").dyn_into::<Function>() {
        let _ = free.call0(aws);
    }
}

/// A whole AWS event stream (Bedrock's answer read by XMLHttpRequest as an `ArrayBuffer`),
/// restored frame by frame with `core`'s values, as `aws_transform` restores one in pieces.
pub fn restore_event_stream(
    st: &State,
    core: &super::js::Core,
    bytes: &[u8],
    url: &web_sys::Url,
) -> Result<Vec<u8>, JsValue> {
    let aws = core.event_stream_restorer()?;
    let out = aws.push_bytes(bytes).and_then(|mut out| {
        out.extend(aws.finish_bytes()?);
        Ok(out)
    });
    report_and_free(st, &aws, &url.origin(), &url.pathname());
    out
}

fn enqueue_bytes(ctl: &Controller, bytes: &[u8]) -> Result<(), JsValue> {
    if bytes.is_empty() {
        return Ok(());
    }
    ctl.enqueue_with_chunk(&Uint8Array::from(bytes))
}

/// Anthropic's `/v1/messages/batches/{id}/results`: a JSONL file of whole answers.
pub fn batch_results(url: &web_sys::Url) -> bool {
    let path = url.pathname().to_ascii_lowercase();
    let path = path.trim_end_matches('/');
    path.ends_with("/results")
        && path
            .rsplit('/')
            .nth(2)
            .is_some_and(|batches| batches == "batches")
}

impl State {
    /// Restores placeholders in a response with every value of the guard (expired ones
    /// dropped first): `guard.restoreResponse(res)`.
    pub async fn restore_response(self: Rc<Self>, res: JsValue) -> Result<JsValue, JsValue> {
        self.core.expire(js::now())?;
        restore_with(&self, &self.core, res, None).await
    }
}

/// Restores placeholders in a response with `core`'s values (the guard's, or one request's
/// `AnswerScope`): JSON, text, and event streams chunk by chunk. `url`: where the request
/// went (else the response's own `url`, empty on a `Response` a fetch stand-in built).
pub async fn restore_with(
    st: &Rc<State>,
    core: &super::js::Core,
    res: JsValue,
    url: Option<&web_sys::Url>,
) -> Result<JsValue, JsValue> {
    let r: Response = res.clone().unchecked_into();
    let kind = r
        .headers()
        .get("content-type")?
        .unwrap_or_default()
        .to_ascii_lowercase();
    let Some(body) = r.body() else { return Ok(res) };
    // Bedrock's binary event stream: frames decoded, restored and encoded again.
    let url = match url {
        Some(u) => web_sys::Url::new(&u.href()).ok(),
        None => web_sys::Url::new(&r.url()).ok(),
    };
    if kind.contains("vnd.amazon.eventstream") {
        let url = url.map_or_else(|| web_sys::Url::new("about:blank"), Ok)?;
        let ts = aws_transform(Rc::clone(st), core.event_stream_restorer()?, &url)?;
        let piped = js::call_method(&body, "pipeThrough", &[&ts])?;
        return Ok(rewrap(&r, &piped)?.into());
    }
    let batch = url.as_ref().is_some_and(batch_results);
    // Streams are restored chunk by chunk: events (OpenAI, Anthropic, Gemini `alt=sse`,
    // Cohere), and streams of JSON objects (Ollama's NDJSON, Gemini's streamed array, which
    // arrives as `application/json` from a `:streamGenerateContent` URL without `alt=sse`,
    // a message batch's JSONL results whatever their type says).
    let stream = if kind.contains("text/event-stream") {
        Some(core.sse_restorer()?)
    } else if batch || kind.contains("ndjson") || json_array_stream(&r, &kind) {
        Some(core.json_stream_restorer()?)
    } else {
        None
    };
    if let Some(restorer) = stream {
        let ts = sse_transform(restorer)?;
        let piped = js::call_method(&body, "pipeThrough", &[&ts])?;
        return Ok(rewrap(&r, &piped)?.into());
    }
    let whole = kind.contains("json");
    if !whole && !kind.starts_with("text/") {
        return Ok(res);
    }
    let text: JsString = JsFuture::from(r.text()?).await?.unchecked_into();
    let restored = if whole {
        match core.restore_json(&text)? {
            v if v.is_undefined() || v.is_null() => core.restore(&text)?,
            v => v,
        }
    } else {
        core.restore(&text)?
    };
    Ok(rewrap(&r, &restored)?.into())
}
