//! The XMLHttpRequest guard: `open` notes whether the request is guarded (and refuses a
//! synchronous one), `send` checks the body first and only then sends; the finished answer is
//! read back with the originals restored (`responseText`, `response`).

use super::errors::{self, Reason};
use super::fetch::body_text;
use super::js;
use super::stream::restore_event_stream;
use super::task::spawn;
use super::State;
use js_sys::{Array, Function, JsString};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A hook receiving `this` first (see the glue's `method`).
type Method = Closure<dyn FnMut(JsValue, Array) -> Result<JsValue, JsValue>>;

const DONE: f64 = 4.0;

/// Whether the answer `xhr` received is an AWS event stream (Bedrock's streamed answers).
fn event_stream(xhr: &JsValue) -> bool {
    js::call_method(xhr, "getResponseHeader", &[&"content-type".into()])
        .ok()
        .and_then(|t| t.as_string())
        .is_some_and(|t| t.to_ascii_lowercase().contains("vnd.amazon.eventstream"))
}

/// The getters of `XMLHttpRequest.prototype` the restoring getters read through.
#[derive(Clone)]
struct Getters {
    text: Function,
    response: Function,
}

fn getters() -> Option<Getters> {
    let proto = js::get(&js::get(&js::global(), "XMLHttpRequest"), "prototype");
    let get = |name: &str| {
        js_sys::Reflect::get_own_property_descriptor(
            proto.unchecked_ref::<js_sys::Object>(),
            &name.into(),
        )
        .ok()
        .map(|d| js::get(&d, "get"))
        .and_then(|g| g.dyn_into::<Function>().ok())
    };
    Some(Getters {
        text: get("responseText")?,
        response: get("response")?,
    })
}

impl State {
    fn method(&self, f: Method) -> Function {
        self.glue.method(&f.into_js_value())
    }

    /// `XMLHttpRequest.prototype.open`, hooked.
    pub fn xhr_open_hook(self: &Rc<Self>, open: Function) -> Function {
        let st = Rc::clone(self);
        self.method(Method::new(move |xhr: JsValue, args: Array| {
            let target = js::resolve_url(&String::from(js::coerce(&args.get(1))?))?;
            let guarded = st.glue.matches(&st.settings.endpoints, &target)?;
            let asynchronous = args.get(2);
            let asynchronous = asynchronous.is_undefined() || js::truthy(&asynchronous);
            if guarded && !asynchronous {
                return Err(errors::blocked(
                    &st.glue,
                    Reason::SyncXhr,
                    "pii-airlock: synchronous requests to a guarded endpoint are not allowed",
                    None,
                ));
            }
            // The query is known now and cannot change after `open`: checked without asking.
            let (target, args) = if guarded {
                st.check_url_arg(&args, 1)?;
                let checked = js::resolve_url(&String::from(js::coerce(&args.get(1))?))?;
                (checked, args)
            } else if st.masks(&target) {
                match st.masked_url(&target)? {
                    Some(masked) => {
                        st.note_masked(&target);
                        args.set(1, masked.href().into());
                        (masked, args)
                    }
                    None => (target, args),
                }
            } else {
                (target, args)
            };
            let state = js::obj(&[
                ("async", &asynchronous.into()),
                ("guarded", &guarded.into()),
                ("purpose", &target.pathname().into()),
                ("url", &target.href().into()),
            ]);
            st.glue.xhr().set(xhr.unchecked_ref(), &state);
            let rest = args.slice(3, args.length());
            let call = Array::of3(&args.get(0), &args.get(1), &asynchronous.into()).concat(&rest);
            open.apply(&xhr, &call)
        }))
    }

    /// `XMLHttpRequest.prototype.setRequestHeader`, hooked: the conversation header of a
    /// guarded request names its conversation (as with fetch) and is never sent.
    pub fn xhr_header_hook(self: &Rc<Self>, set: Function) -> Function {
        let st = Rc::clone(self);
        self.method(Method::new(move |xhr: JsValue, args: Array| {
            let state = st.glue.xhr().get(xhr.unchecked_ref());
            let name = js::coerce(&args.get(0))?;
            let ours = String::from(name).eq_ignore_ascii_case(super::fetch::CONVERSATION_HEADER);
            if ours && js::truthy(&js::get(&state, "guarded")) {
                let id: JsValue = js::coerce(&args.get(1))?.into();
                js::set(&state, "conversation", &id)?;
                return Ok(JsValue::UNDEFINED);
            }
            set.apply(&xhr, &args)
        }))
    }

    /// `XMLHttpRequest.prototype.send`, hooked.
    pub fn xhr_send_hook(self: &Rc<Self>, send: Function) -> Function {
        let st = Rc::clone(self);
        self.method(Method::new(move |xhr: JsValue, args: Array| {
            let state = st.glue.xhr().get(xhr.unchecked_ref());
            let body = args.get(0);
            if !js::truthy(&js::get(&state, "guarded")) {
                let url = js::get(&state, "url").as_string().unwrap_or_default();
                let url = js::resolve_url(&url)?;
                if st.masks(&url) {
                    // Set by this layer's `open`; a request opened before the engine ran
                    // (installPending's hook) is taken as asynchronous, as most are.
                    let asynchronous = js::get(&state, "async") != JsValue::FALSE;
                    if asynchronous && st.reads_later(&body)? {
                        st.masked_xhr_send(xhr, body, send.clone(), url);
                        return Ok(JsValue::UNDEFINED);
                    }
                    match st.masked_body(&body) {
                        Ok(Some(masked)) => {
                            st.note_masked(&url);
                            return send.call1(&xhr, &masked);
                        }
                        Ok(None) => {}
                        Err(e) => return Err(st.not_sent(e)),
                    }
                }
                return send.call1(&xhr, &body);
            }
            let purpose: JsString = js::get(&state, "purpose").dyn_into().unwrap_or_default();
            let url = js::resolve_url(&js::get(&state, "url").as_string().unwrap_or_default())?;
            let conversation = st.conversation_for(&url, js::get(&state, "conversation"));
            st.xhr_send(xhr, body, send.clone(), purpose, url, conversation);
            Ok(JsValue::UNDEFINED)
        }))
    }

    /// Checks the body, then sends it; when it must not go, the request fails with `error`
    /// and `loadend` events and `xhr.piiAirlockError` says why.
    pub fn xhr_send(
        self: &Rc<Self>,
        xhr: JsValue,
        body: JsValue,
        send: Function,
        purpose: JsString,
        url: web_sys::Url,
        conversation: Result<JsValue, JsValue>,
    ) {
        let st = Rc::clone(self);
        let target = xhr.clone();
        let flow = async move {
            let conversation = conversation?;
            // A form is checked, not rewritten (as by fetch): it goes as it was, or not at all.
            if js::class_of(&body) == "FormData" {
                st.check_form(&body).map_err(|e| {
                    errors::as_blocked(
                        &st.glue,
                        e,
                        Reason::Payload,
                        "the form could not be checked",
                    )
                })?;
                st.note_sent(&url);
                return send.call1(&target, &body);
            }
            let text = body_text(&st.glue, &body).await.map_err(|e| {
                errors::as_blocked(
                    &st.glue,
                    e,
                    Reason::BodyType,
                    "the request body could not be read",
                )
            })?;
            let out = match text {
                None => JsValue::NULL,
                Some(text) => {
                    Rc::clone(&st)
                        .guard_body(text, js::active_element(), purpose, conversation.clone())
                        .await?
                }
            };
            // The answer is restored with what this request's body carried, nothing else.
            if !out.is_null() {
                let scope = st.core.answer_scope(&out, js::now(), &conversation)?;
                if !js::truthy(&js::get(&scope, "empty")) {
                    st.restoring_getters(&target, scope);
                }
            }
            // What the guard sends is no bypass (src/net/bypass.rs).
            st.note_sent(&url);
            send.call1(&target, &out)
        };
        self.send_when_done(xhr, flow);
    }

    /// An asynchronous request to an endpoint the guard does not check whose body must be
    /// read first (bytes, a Blob): sent once its kept originals are masked.
    fn masked_xhr_send(
        self: &Rc<Self>,
        xhr: JsValue,
        body: JsValue,
        send: Function,
        url: web_sys::Url,
    ) {
        let st = Rc::clone(self);
        let target = xhr.clone();
        let flow = async move {
            let masked = st
                .masked_body_read(&body)
                .await
                .map_err(|e| st.not_sent_error(e))?;
            let body = match masked {
                Some(masked) => {
                    st.note_masked(&url);
                    masked
                }
                None => body,
            };
            send.call1(&target, &body)
        };
        self.send_when_done(xhr, flow);
    }

    /// Runs `flow` (which ends by sending `xhr`); when it fails, the request fails with
    /// `error` and `loadend` events, `xhr.piiAirlockError` says why and `blocked` fires.
    fn send_when_done(
        self: &Rc<Self>,
        xhr: JsValue,
        flow: impl std::future::Future<Output = Result<JsValue, JsValue>> + 'static,
    ) {
        let st = Rc::clone(self);
        let failed = Closure::once_into_js(move |err: JsValue| {
            let err = errors::as_blocked(
                &st.glue,
                err,
                Reason::Engine,
                "the request could not be checked",
            );
            let _ = js::set(&xhr, "piiAirlockError", &err);
            st.emit("blocked", Some(&err));
            let target: &web_sys::EventTarget = xhr.unchecked_ref();
            for kind in ["error", "loadend"] {
                if let Ok(ev) = web_sys::ProgressEvent::new(kind) {
                    let _ = target.dispatch_event(&ev);
                }
            }
        });
        let p = spawn(Some("the request could not be checked"), flow);
        let _ = js::call_method(&p, "catch", &[&failed]);
    }

    /// Own getters on one request that restore its finished answer (cached per raw answer).
    fn restoring_getters(self: &Rc<Self>, xhr: &JsValue, scope: super::js::Core) {
        let scope = Rc::new(scope);
        let Some(g) = getters() else { return };
        let cache: Rc<RefCell<Option<(JsValue, JsValue)>>> = Rc::default();
        let restore = {
            let core = Rc::clone(&scope);
            let cache = Rc::clone(&cache);
            move |raw: JsValue| -> Result<JsValue, JsValue> {
                if let Some((seen, out)) = &*cache.borrow() {
                    if *seen == raw {
                        return Ok(out.clone());
                    }
                }
                let text: JsString = raw.clone().unchecked_into();
                let out = match core.restore_json(&text)? {
                    v if v.is_undefined() || v.is_null() => core.restore(&text)?,
                    v => v,
                };
                cache.replace(Some((raw, out.clone())));
                Ok(out)
            }
        };
        let done = |xhr: &JsValue| js::get(xhr, "readyState").as_f64() == Some(DONE);
        let text_get = g.text.clone();
        let r = restore.clone();
        let text = Method::new(move |xhr: JsValue, _| {
            let raw = text_get.call0(&xhr)?;
            if done(&xhr) {
                r(raw)
            } else {
                Ok(raw)
            }
        });
        let st = Rc::clone(self);
        let frames: Rc<RefCell<Option<(JsValue, JsValue)>>> = Rc::default();
        let blob = Rc::new(std::cell::Cell::new(false));
        if js::get(xhr, "responseType").as_string().as_deref() == Some("blob") {
            blob.set(self.answer_as_bytes(xhr, &blob).is_ok());
        }
        let as_blob = Rc::clone(&blob);
        let response = Method::new(move |xhr: JsValue, _| {
            let raw = g.response.call0(&xhr)?;
            if !done(&xhr) || raw.is_undefined() || raw.is_null() {
                return Ok(raw);
            }
            if raw.is_string() {
                return restore(raw);
            }
            // Bedrock's binary event stream, read whole: its frames restored and encoded
            // again; and an answer the page asked for as a `Blob` (read as bytes, see
            // `answer_as_bytes`), restored as text when it is UTF-8.
            if raw.is_instance_of::<js_sys::ArrayBuffer>() && (as_blob.get() || event_stream(&xhr))
            {
                if let Some((seen, out)) = &*frames.borrow() {
                    if *seen == raw {
                        return Ok(out.clone());
                    }
                }
                let bytes = js_sys::Uint8Array::new(&raw).to_vec();
                let restored: Vec<u8> = if event_stream(&xhr) {
                    let state = st.glue.xhr().get(xhr.unchecked_ref());
                    let url =
                        js::resolve_url(&js::get(&state, "url").as_string().unwrap_or_default())?;
                    restore_event_stream(&st, &scope, &bytes, &url)?
                } else {
                    match std::str::from_utf8(&bytes) {
                        // A binary answer holds no placeholder to restore.
                        Err(_) => bytes,
                        Ok(text) => {
                            let text = restore(JsString::from(text).into())?;
                            String::from(js::coerce(&text)?).into_bytes()
                        }
                    }
                };
                let out: JsValue = if as_blob.get() {
                    blob_of(&restored, &xhr)?
                } else {
                    js_sys::Uint8Array::from(&restored[..]).buffer().into()
                };
                frames.replace(Some((raw, out.clone())));
                return Ok(out);
            }
            if js::get(&xhr, "responseType").as_string().as_deref() == Some("json") {
                let json = js_sys::JSON::stringify(&raw)?;
                let restored = scope.restore_json(&json)?;
                return js_sys::JSON::parse(&String::from(js::coerce(&restored)?));
            }
            Ok(raw)
        });
        for (name, getter) in [("responseText", text), ("response", response)] {
            let desc = js::obj(&[
                ("configurable", &true.into()),
                ("get", &self.method(getter)),
            ]);
            let _ = js_sys::Reflect::define_property(
                xhr.unchecked_ref::<js_sys::Object>(),
                &name.into(),
                &desc,
            );
        }
    }

    /// The page asked for `xhr`'s answer as a `Blob`, which cannot be read at once to
    /// restore it: the request reads it as bytes instead (set before it is sent), and an own
    /// `responseType` keeps answering `blob` until the page sets another, which `blob`
    /// (whether the restoring getter hands out a `Blob`) then follows.
    fn answer_as_bytes(
        &self,
        xhr: &JsValue,
        blob: &Rc<std::cell::Cell<bool>>,
    ) -> Result<(), JsValue> {
        let proto = js::get(&js::get(&js::global(), "XMLHttpRequest"), "prototype");
        let desc = js_sys::Reflect::get_own_property_descriptor(
            proto.unchecked_ref::<js_sys::Object>(),
            &"responseType".into(),
        )?;
        let (get, set) = (js::get(&desc, "get"), js::get(&desc, "set"));
        let (Some(get), Some(set)) = (get.dyn_ref::<Function>(), set.dyn_ref::<Function>()) else {
            return Err(JsValue::UNDEFINED);
        };
        set.call1(xhr, &"arraybuffer".into())?;
        let (flag, native) = (Rc::clone(blob), get.clone());
        let getter = Method::new(move |xhr: JsValue, _| {
            if flag.get() {
                Ok("blob".into())
            } else {
                native.call0(&xhr)
            }
        });
        let (flag, native) = (Rc::clone(blob), set.clone());
        let setter = Method::new(move |xhr: JsValue, args: Array| {
            let out = native.call1(&xhr, &args.get(0))?;
            flag.set(false);
            Ok(out)
        });
        let desc = js::obj(&[
            ("configurable", &true.into()),
            ("get", &self.method(getter)),
            ("set", &self.method(setter)),
        ]);
        js_sys::Reflect::define_property(
            xhr.unchecked_ref::<js_sys::Object>(),
            &"responseType".into(),
            &desc,
        )?;
        Ok(())
    }
}

/// `bytes` as the `Blob` an answer read as one would be: typed as the answer's content.
fn blob_of(bytes: &[u8], xhr: &JsValue) -> Result<JsValue, JsValue> {
    let kind = js::call_method(xhr, "getResponseHeader", &[&"content-type".into()])?;
    let kind = kind.as_string().unwrap_or_default();
    let parts = Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = js::obj(&[("type", &kind.into())]);
    let class: Function = js::get(&js::global(), "Blob").unchecked_into();
    js_sys::Reflect::construct(&class, &Array::of2(&parts, &options))
}
