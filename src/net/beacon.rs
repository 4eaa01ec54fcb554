//! `navigator.sendBeacon` and `WebSocket.prototype.send` to guarded endpoints. Both must
//! answer at once (a beacon is usually sent while the page unloads, when no dialog can be
//! shown), so nobody is asked: the body is filtered by the policy — what it would ask about
//! becomes a placeholder, as with `consent: "redact"` — or blocked when the policy blocks a
//! finding, the body cannot be read synchronously (a Blob) or is not JSON. A blocked beacon
//! returns false (the platform's "not queued"); a blocked WebSocket message throws
//! `PiiAirlockBlockedError`. Both also fire `blocked`.

use super::fetch::body_text_now;
use super::js;
use super::State;
use js_sys::{Array, Function, JsString, Uint8Array};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;

type Method = Closure<dyn FnMut(JsValue, Array) -> Result<JsValue, JsValue>>;

impl State {
    /// The body to send instead of `data` to the guarded `url`, or the error to block with.
    pub(super) fn filter_now(
        &self,
        url: &web_sys::Url,
        data: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let purpose: JsString = url.pathname().into();
        let conversation = self.conversation_for(url, JsValue::UNDEFINED)?;
        self.filter_as(&purpose, &conversation, data)
    }

    /// [`State::filter_now`] for a `purpose` and `conversation` already told (a data channel
    /// has no URL).
    pub fn filter_as(
        &self,
        purpose: &JsString,
        conversation: &JsValue,
        data: &JsValue,
    ) -> Result<JsValue, JsValue> {
        if self.disposed.get() {
            return Err(super::errors::blocked(
                &self.glue,
                super::errors::Reason::Engine,
                "pii-airlock: the guard was disposed; the request was not sent",
                None,
            ));
        }
        let Some(text) = body_text_now(&self.glue, data)? else {
            return Ok(data.clone());
        };
        let out = self.guard_body_now(&text, purpose, conversation)?;
        // Bytes stay bytes (no content type is added); a string stays a string.
        Ok(if data.is_string() {
            out
        } else {
            Uint8Array::from(String::from(js::coerce(&out)?).as_bytes()).into()
        })
    }

    pub(super) fn guarded(&self, url: &JsValue) -> Result<Option<web_sys::Url>, JsValue> {
        let url = js::resolve_url(&String::from(js::coerce(url)?))?;
        Ok(self
            .glue
            .matches(&self.settings.endpoints, &url)?
            .then_some(url))
    }

    /// `navigator.sendBeacon`, hooked.
    pub fn beacon_hook(self: &Rc<Self>, original: Function) -> Function {
        let st = Rc::clone(self);
        self.glue.method(
            &Method::new(move |this: JsValue, args: Array| {
                let Some(url) = st.guarded(&args.get(0))? else {
                    return st.masked_beacon(&original, &this, &args);
                };
                if st.check_url_arg(&args, 0).is_err() {
                    return Ok(JsValue::FALSE);
                }
                match st.filter_now(&url, &args.get(1)) {
                    Ok(body) => {
                        // The URL as sent (its query may have changed) is what the watch sees.
                        let sent = js::resolve_url(&String::from(js::coerce(&args.get(0))?))?;
                        st.note_sent(&sent);
                        original.call2(&this, &args.get(0), &body)
                    }
                    Err(e) => {
                        st.emit("blocked", Some(&e));
                        Ok(JsValue::FALSE)
                    }
                }
            })
            .into_js_value(),
        )
    }

    /// A beacon to an endpoint the guard does not check, its URL and body masked. Bytes
    /// and Blobs are read first while the guard keeps originals (src/net/elsewhere.rs); a
    /// beacon cannot wait for that, so it answers `true` at once and is queued, masked,
    /// once read — or, when its body cannot be masked, not at all (`blocked` fires).
    fn masked_beacon(
        self: &Rc<Self>,
        original: &Function,
        this: &JsValue,
        args: &Array,
    ) -> Result<JsValue, JsValue> {
        let url = js::resolve_url(&String::from(js::coerce(&args.get(0))?))?;
        if !self.masks(&url) {
            return original.apply(this, args);
        }
        let target = self.masked_url(&url)?;
        let data = args.get(1);
        let sent_to: JsValue = target
            .as_ref()
            .map_or_else(|| args.get(0), |u| u.href().into());
        if self.reads_later(&data)? {
            let (st, original, this) = (Rc::clone(self), original.clone(), this.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match st.masked_body_read(&data).await {
                    Ok(body) => {
                        if target.is_some() || body.is_some() {
                            st.note_masked(&url);
                        }
                        let _ = original.call2(&this, &sent_to, &body.unwrap_or(data));
                    }
                    Err(e) => {
                        st.not_sent(e);
                    }
                }
            });
            return Ok(JsValue::TRUE);
        }
        let body = match self.masked_body(&data) {
            Ok(body) => body,
            Err(e) => {
                self.not_sent(e);
                return Ok(JsValue::FALSE);
            }
        };
        if target.is_none() && body.is_none() {
            return original.apply(this, args);
        }
        self.note_masked(&url);
        original.call2(this, &sent_to, &body.unwrap_or(data))
    }

    /// `WebSocket.prototype.send`, hooked (the socket's URL decides).
    pub fn websocket_hook(self: &Rc<Self>, original: Function) -> Function {
        let st = Rc::clone(self);
        self.glue.method(
            &Method::new(move |this: JsValue, args: Array| {
                let Some(url) = st.guarded(&js::get(&this, "url"))? else {
                    let url = js::resolve_url(&String::from(js::coerce(&js::get(&this, "url"))?))?;
                    if st.masks(&url) {
                        match st.masked_body(&args.get(0)) {
                            Ok(Some(body)) => {
                                st.note_masked(&url);
                                return original.call1(&this, &body);
                            }
                            Ok(None) => {}
                            Err(e) => return Err(st.not_sent(e)),
                        }
                    }
                    return original.apply(&this, &args);
                };
                match st.filter_now(&url, &args.get(0)) {
                    Ok(body) => original.call1(&this, &body),
                    Err(e) => {
                        st.emit("blocked", Some(&e));
                        Err(e)
                    }
                }
            })
            .into_js_value(),
        )
    }
}
