//! The fetch guard: requests to guarded endpoints are checked (and rewritten) before they
//! leave, their answers restored; every other request passes untouched.

use super::errors::{self, Reason};
use super::js;
use super::options::view_bytes;
use super::task::spawn;
use super::State;
use js_sys::{Function, JsString, Object};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A request body as text: strings, Blobs and UTF-8 bytes; kinds that cannot be scanned as
/// text are refused. `None`: no body.
pub async fn body_text(glue: &js::Glue, body: &JsValue) -> Result<Option<JsString>, JsValue> {
    // By class, not `instanceof`: a frame's Blob is of another realm.
    if matches!(js::class_of(body).as_str(), "Blob" | "File") {
        let blob: &web_sys::Blob = body.unchecked_ref();
        let text = JsFuture::from(blob.text()).await?;
        return Ok(Some(text.unchecked_into()));
    }
    body_text_now(glue, body)
}

/// [`body_text`] for callers that must answer at once: a Blob cannot be read synchronously.
pub fn body_text_now(glue: &js::Glue, body: &JsValue) -> Result<Option<JsString>, JsValue> {
    if body.is_undefined() || body.is_null() {
        return Ok(None);
    }
    if body.is_string() {
        return Ok(Some(body.clone().unchecked_into()));
    }
    let bytes = if js::class_of(body) == "ArrayBuffer" {
        Some(js_sys::Uint8Array::new(body))
    } else if js_sys::ArrayBuffer::is_view(body) {
        Some(view_bytes(body))
    } else {
        None
    };
    let Some(bytes) = bytes else {
        return Err(errors::blocked(
            glue,
            Reason::BodyType,
            "pii-airlock: this request body type cannot be checked (send a JSON string)",
            None,
        ));
    };
    let bytes = bytes.to_vec();
    // As TextDecoder("utf-8", { fatal: true }): a byte order mark is dropped, bad bytes refuse.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Some(JsString::from(s))),
        Err(_) => Err(errors::blocked(
            glue,
            Reason::BodyType,
            "pii-airlock: the request body is not valid UTF-8; the request was not sent",
            None,
        )),
    }
}

/// Whether `text` is a session description (RFC 8866: `v=0`, then `<letter>=` lines), the
/// offer a WebRTC Realtime call posts: the browser writes it (addresses, keys, codecs), the
/// user does not, so it is sent as it is.
pub fn is_sdp(text: &str) -> bool {
    text.starts_with("v=0")
        && text.lines().all(|l| {
            let b = l.as_bytes();
            b.is_empty() || (b.len() >= 2 && b[0].is_ascii_lowercase() && b[1] == b'=')
        })
}

/// The request header that names a request's conversation: its values are numbered and
/// restored apart from every other conversation of the guard. Read and removed here, never
/// sent.
pub const CONVERSATION_HEADER: &str = "x-pii-airlock-conversation";

/// `new Headers(headers)` without `content-length` (the body changes) and without the
/// conversation header; falsy stays as it is.
fn without_length(headers: JsValue) -> Result<JsValue, JsValue> {
    if !js::truthy(&headers) {
        return Ok(headers);
    }
    let h = web_sys::Headers::new_with_str_sequence_sequence(&headers)?;
    h.delete("content-length")?;
    h.delete(CONVERSATION_HEADER)?;
    Ok(h.into())
}

/// The headers of a fetch call: `init.headers`, else the Request's.
fn headers_of(request: Option<&web_sys::Request>, init: &JsValue) -> Option<web_sys::Headers> {
    match js::get(init, "headers") {
        h if js::truthy(&h) => web_sys::Headers::new_with_str_sequence_sequence(&h).ok(),
        _ => request.map(web_sys::Request::headers),
    }
}

/// The conversation a fetch names with [`CONVERSATION_HEADER`], or undefined.
fn conversation_of(request: Option<&web_sys::Request>, init: &JsValue) -> JsValue {
    headers_of(request, init)
        .and_then(|h| h.get(CONVERSATION_HEADER).ok().flatten())
        .map_or(JsValue::UNDEFINED, JsValue::from)
}

impl State {
    /// The conversation of a request to `url`: the one it names itself (`named`: the
    /// header), else what the `conversationOf` option says for the URL, else undefined (the
    /// guard's default conversation). A function that throws or answers anything but a
    /// string fails the request: its values must not land in the wrong conversation.
    pub fn conversation_for(&self, url: &web_sys::Url, named: JsValue) -> Result<JsValue, JsValue> {
        if !named.is_undefined() && !named.is_null() {
            return Ok(named);
        }
        let Some(f) = &self.settings.conversation_of else {
            return Ok(JsValue::UNDEFINED);
        };
        match f.call1(&JsValue::UNDEFINED, url)? {
            v if v.is_undefined() || v.is_null() => Ok(JsValue::UNDEFINED),
            v if v.is_string() => Ok(v),
            _ => Err(errors::config(
                &self.glue,
                "conversationOf must return a string or undefined",
            )),
        }
    }

    /// `guard.guardFetch(fetchImpl)`: a fetch named `guardedFetch`.
    pub fn guard_fetch(self: &Rc<Self>, fetch_impl: JsValue) -> Result<Function, JsValue> {
        let base = if fetch_impl.is_undefined() {
            js::get(&js::global(), "fetch")
        } else {
            fetch_impl
        };
        // A frame's fetch is a function of another realm, where `instanceof Function` fails.
        if !base.is_function() {
            return Err(js_sys::TypeError::new("guardFetch needs a fetch function").into());
        }
        let base: Function = base.unchecked_into();
        let st = Rc::clone(self);
        let f =
            Closure::<dyn FnMut(JsValue, JsValue) -> js_sys::Promise>::new(move |input, init| {
                spawn(
                    Some("the request could not be checked"),
                    Rc::clone(&st).fetch(base.clone(), input, init),
                )
            });
        let f: Function = f.into_js_value().unchecked_into();
        let name = js::obj(&[("value", &"guardedFetch".into())]);
        Object::define_property(&f, &"name".into(), &name);
        Ok(f)
    }

    async fn fetch(
        self: Rc<Self>,
        base: Function,
        input: JsValue,
        init: JsValue,
    ) -> Result<JsValue, JsValue> {
        // `this` undefined: a platform fetch then works in its own realm (a frame's fetch in
        // its frame), as when called bare.
        let global = JsValue::UNDEFINED;
        // By class, not `instanceof`: a frame's Request is of another realm.
        let request = (js::class_of(&input) == "Request")
            .then(|| input.clone().unchecked_into::<web_sys::Request>());
        let url = match &request {
            Some(r) => r.url(),
            None => js::coerce(&input)?.into(),
        };
        let url = js::resolve_url(&url)?;
        if !self.glue.matches(&self.settings.endpoints, &url)? {
            let (input, init) = self
                .masked_fetch(input, init, &url)
                .await
                .map_err(|e| self.not_sent(e))?;
            return JsFuture::from(promise(base.call2(&global, &input, &init)?)).await;
        }
        let stainless = from_stainless_sdk(request.as_ref(), &init);
        let outcome = Rc::clone(&self)
            .checked_fetch(base, input, init, request, url)
            .await;
        match outcome {
            Err(e) if stainless && errors::name(&e) == "PiiAirlockBlockedError" => {
                refusal_response(&e)
            }
            other => other,
        }
    }

    /// [`State::fetch`] for a guarded URL.
    async fn checked_fetch(
        self: Rc<Self>,
        base: Function,
        input: JsValue,
        init: JsValue,
        request: Option<web_sys::Request>,
        url: web_sys::Url,
    ) -> Result<JsValue, JsValue> {
        let global = JsValue::UNDEFINED;
        if self.disposed.get() {
            return Err(errors::blocked(
                &self.glue,
                Reason::Engine,
                "pii-airlock: the guard was disposed; the request was not sent",
                None,
            ));
        }
        let body = js::get(&init, "body");
        // A form (multipart: an image edit) is checked, not rewritten: it goes as it was, or
        // not at all.
        let form = js::class_of(&body) == "FormData";
        if form {
            if let Err(e) = self.check_form(&body) {
                let e = errors::as_blocked(
                    &self.glue,
                    e,
                    Reason::Payload,
                    "the form could not be checked",
                );
                self.emit("blocked", Some(&e));
                return Err(e);
            }
        }
        let read = async {
            if form {
                // Checked above; its query is checked below like any other.
                Ok(None)
            } else if !body.is_undefined() && !body.is_null() {
                body_text(&self.glue, &body).await
            } else if let Some(r) = request.as_ref().filter(|r| r.body().is_some()) {
                let text = JsFuture::from(web_sys::Request::clone(r)?.text()?).await?;
                Ok(Some(text.unchecked_into()))
            } else {
                Ok(None)
            }
        };
        let text = match read.await {
            // A WebRTC call's SDP offer (`application/sdp`) carries no user text: as it is.
            Ok(Some(t))
                if headers_of(request.as_ref(), &init)
                    .and_then(|h| h.get("content-type").ok().flatten())
                    .is_some_and(|c| c.to_ascii_lowercase().starts_with("application/sdp"))
                    && is_sdp(&String::from(&t)) =>
            {
                None
            }
            Ok(t) => t,
            Err(e) => {
                let e = errors::as_blocked(
                    &self.glue,
                    e,
                    Reason::BodyType,
                    "the request body could not be read",
                );
                self.emit("blocked", Some(&e));
                return Err(e);
            }
        };
        // One conversation for the query and the body: `conversationOf` is asked once, so
        // both number their values in the same place.
        // A message batch's results come back to a bodiless GET: restored with the values of
        // its conversation as a whole.
        let batch = text.is_none() && super::stream::batch_results(&url);
        let conversation = if url.search().len() > 1 || text.is_some() || batch {
            match self.conversation_for(&url, conversation_of(request.as_ref(), &init)) {
                Ok(c) => c,
                Err(e) => {
                    let e = errors::as_blocked(
                        &self.glue,
                        e,
                        Reason::Engine,
                        "the request's conversation could not be told",
                    );
                    self.emit("blocked", Some(&e));
                    return Err(e);
                }
            }
        } else {
            JsValue::UNDEFINED
        };
        // The query (`GET /v1/ask?q=…` carries the prompt in the URL) is checked like a body,
        // and the request goes to the URL the check returns.
        let sent_url = if url.search().len() > 1 {
            match Rc::clone(&self)
                .guard_query(url.clone(), conversation.clone())
                .await
            {
                Ok(u) => u,
                Err(e) => {
                    let e = errors::as_blocked(
                        &self.glue,
                        e,
                        Reason::Engine,
                        "the request's query could not be checked",
                    );
                    self.emit("blocked", Some(&e));
                    return Err(e);
                }
            }
        } else {
            url.clone()
        };
        // The answer is restored with what this request's body carried, nothing else.
        let (req, next_init, scope) = match text {
            None if batch => match self.core.conversation_scope(js::now(), &conversation) {
                Ok(scope) => (input, init, Some(scope)),
                Err(e) => {
                    let e = errors::as_blocked(
                        &self.glue,
                        e,
                        Reason::Engine,
                        "the answer's values could not be read",
                    );
                    self.emit("blocked", Some(&e));
                    return Err(e);
                }
            },
            None => (input, init, None),
            Some(text) => {
                let purpose: JsString = url.pathname().into();
                let checked = Rc::clone(&self)
                    .guard_body(text, js::active_element(), purpose, conversation.clone())
                    .await
                    .map(|out| (out, conversation));
                let (out, conversation) = match checked {
                    Ok(checked) => checked,
                    Err(e) => {
                        self.emit("blocked", Some(&e));
                        return Err(e);
                    }
                };
                let built = self
                    .core
                    .answer_scope(&out, js::now(), &conversation)
                    .and_then(|scope| {
                        rebuild(request.as_ref(), input, &init, &out).map(|r| (r.0, r.1, scope))
                    });
                match built {
                    Ok((r, i, scope)) => (r, i, Some(scope)),
                    Err(e) => {
                        let e = errors::as_blocked(
                            &self.glue,
                            e,
                            Reason::Engine,
                            "the request could not be rebuilt",
                        );
                        self.emit("blocked", Some(&e));
                        return Err(e);
                    }
                }
            }
        };
        let req = if sent_url.href() == url.href() {
            req
        } else {
            match retarget(req, &sent_url) {
                Ok(r) => r,
                Err(e) => {
                    let e = errors::as_blocked(
                        &self.glue,
                        e,
                        Reason::BodyType,
                        "the request's URL could not be rewritten",
                    );
                    self.emit("blocked", Some(&e));
                    return Err(e);
                }
            }
        };
        // What the guard sends is no bypass (src/net/bypass.rs).
        self.note_sent(&sent_url);
        let res = JsFuture::from(promise(base.call2(&global, &req, &next_init)?)).await?;
        match scope {
            Some(scope) if !js::truthy(&js::get(&scope, "empty")) => {
                super::stream::restore_with(&self, &scope, res, Some(&url)).await
            }
            _ => Ok(res),
        }
    }
}

/// True when the request comes from an SDK generated by Stainless (the official `openai`
/// and `@anthropic-ai/sdk` clients): they send `x-stainless-*` headers on every request and
/// retry a rejected `fetch` as a connection error — reopening the consent dialog each time.
fn from_stainless_sdk(request: Option<&web_sys::Request>, init: &JsValue) -> bool {
    headers_of(request, init).is_some_and(|h| {
        ["x-stainless-retry-count", "x-stainless-lang"]
            .iter()
            .any(|k| h.has(k).unwrap_or(false))
    })
}

/// A refusal these SDKs do not retry: an HTTP 400 with `x-should-retry: false` (which they
/// obey before looking at the status) and the error as JSON, so the app's `APIError` carries
/// `type: "pii_airlock_blocked"` and the reason as `code`. Nothing reached the network.
fn refusal_response(e: &JsValue) -> Result<JsValue, JsValue> {
    let error = js::obj(&[
        ("type", &"pii_airlock_blocked".into()),
        ("code", &js::get(e, "reason")),
        ("message", &errors::message(e).into()),
    ]);
    let body = js_sys::JSON::stringify(&js::obj(&[("error", &error)]))?;
    let headers = web_sys::Headers::new()?;
    headers.set("content-type", "application/json")?;
    headers.set("x-should-retry", "false")?;
    let init = web_sys::ResponseInit::new();
    init.set_status(400);
    init.set_status_text("Blocked by pii-airlock");
    init.set_headers(&headers);
    Ok(web_sys::Response::new_with_opt_str_and_init(Some(&String::from(body)), &init)?.into())
}

/// The request to send with the checked body `out`: `init` with the new body and without
/// `content-length`; a Request is rebuilt around it.
fn rebuild(
    request: Option<&web_sys::Request>,
    input: JsValue,
    init: &JsValue,
    out: &JsValue,
) -> Result<(JsValue, JsValue), JsValue> {
    let next = Object::assign(&Object::new(), init.unchecked_ref());
    js::set(&next, "body", out)?;
    let headers = match js::get(init, "headers") {
        h if h.is_undefined() || h.is_null() => match request {
            Some(r) => r.headers().into(),
            None => JsValue::UNDEFINED,
        },
        h => h,
    };
    js::set(&next, "headers", &without_length(headers)?)?;
    Ok(match request {
        Some(r) => {
            let rebuilt = web_sys::Request::new_with_request_and_init(r, next.unchecked_ref())?;
            (rebuilt.into(), JsValue::UNDEFINED)
        }
        None => (input, next.into()),
    })
}

/// The request `req` (a URL string or a `Request`) sent to `url` instead. A `Request` is
/// rebuilt only when it has no body (`new Request(url, request)` cannot carry a body stream
/// over); one with a body and a query that had to change is refused.
fn retarget(req: JsValue, url: &web_sys::Url) -> Result<JsValue, JsValue> {
    if js::class_of(&req) != "Request" {
        return Ok(url.href().into());
    }
    let r: &web_sys::Request = req.unchecked_ref();
    if r.body().is_some() {
        return Err(
            js_sys::TypeError::new("a Request with a body cannot be sent to another URL").into(),
        );
    }
    Ok(web_sys::Request::new_with_str_and_init(&url.href(), req.unchecked_ref())?.into())
}

/// `Promise.resolve(v)`: a fetch implementation may return a plain value.
pub fn promise(v: JsValue) -> js_sys::Promise {
    js_sys::Promise::resolve(&v)
}
