//! The query string of a request to a guarded endpoint: `GET /v1/ask?q=…`, an `EventSource`
//! (whose only payload is its URL), a socket or beacon URL. Its values are checked like a
//! body's strings — as a JSON body of `[key, value]` pairs, so the one consent flow and policy
//! decide — and the URL is rebuilt with what the check let through. A URL without a query
//! is left alone; one whose check changes nothing is sent exactly as written.

use super::js;
use super::State;
use js_sys::{Array, Function, JsString, Object, Reflect};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The query of `url` as the JSON body `{"query": [["key","value"], …]}` (bodies are JSON
/// objects), or `None` without one.
fn query_body(url: &web_sys::Url) -> Result<Option<JsString>, JsValue> {
    if url.search().len() <= 1 {
        return Ok(None);
    }
    let pairs = Array::from(&js::get(url, "searchParams"));
    Ok(Some(js_sys::JSON::stringify(&js::obj(&[(
        "query", &pairs,
    )]))?))
}

/// `url` with the checked pairs in `out` (the JSON the check returned) as its query.
fn with_query(url: &web_sys::Url, out: &JsValue) -> Result<web_sys::Url, JsValue> {
    let doc = js_sys::JSON::parse(&String::from(js::coerce(out)?))?;
    let pairs = js::get(&doc, "query");
    let class: Function = js::get(&js::global(), "URLSearchParams").unchecked_into();
    let params = Reflect::construct(&class, &Array::of1(&pairs))?;
    let next = web_sys::Url::new(&url.href())?;
    next.set_search(&String::from(js::coerce(&params)?));
    Ok(next)
}

impl State {
    /// Checks the query of the guarded `url`, asking when the policy asks (as for a body).
    /// Returns the URL to send: `url` itself when nothing changed.
    pub async fn guard_query(
        self: Rc<Self>,
        url: web_sys::Url,
        conversation: JsValue,
    ) -> Result<web_sys::Url, JsValue> {
        let Some(body) = query_body(&url)? else {
            return Ok(url);
        };
        let purpose: JsString = url.pathname().into();
        let out = Rc::clone(&self)
            .guard_body(body.clone(), js::active_element(), purpose, conversation)
            .await?;
        if js::coerce(&out)? == body {
            return Ok(url);
        }
        with_query(&url, &out)
    }

    /// [`State::guard_query`] for callers that must answer at once (an `EventSource` or
    /// `WebSocket` being built, `XMLHttpRequest.open`, a beacon): nobody is asked, what the
    /// policy would ask about becomes a placeholder, a block refuses.
    pub fn guard_query_now(
        &self,
        url: &web_sys::Url,
        conversation: &JsValue,
    ) -> Result<web_sys::Url, JsValue> {
        let same = || web_sys::Url::new(&url.href());
        let Some(body) = query_body(url)? else {
            return same();
        };
        let purpose: JsString = url.pathname().into();
        let out = self.guard_body_now(&body, &purpose, conversation)?;
        if js::coerce(&out)? == body {
            return same();
        }
        with_query(url, &out)
    }
}

/// The statics a page reads from the classes hooked below (`EventSource.OPEN`, …).
const STATICS: [&str; 4] = ["CONNECTING", "OPEN", "CLOSING", "CLOSED"];

impl State {
    /// The URL argument `arg` with its query checked now, if it goes to a guarded endpoint;
    /// else `None` (the call goes on unchanged).
    fn checked_url_now(&self, arg: &JsValue) -> Result<Option<JsValue>, JsValue> {
        if arg.is_undefined() {
            return Ok(None);
        }
        let url = js::resolve_url(&String::from(js::coerce(arg)?))?;
        if url.search().len() <= 1 || !self.glue.matches(&self.settings.endpoints, &url)? {
            return Ok(None);
        }
        if self.disposed.get() {
            return Err(super::errors::blocked(
                &self.glue,
                super::errors::Reason::Engine,
                "pii-airlock: the guard was disposed; the request was not sent",
                None,
            ));
        }
        let conversation = self.conversation_for(&url, JsValue::UNDEFINED)?;
        let checked = self.guard_query_now(&url, &conversation)?;
        Ok((checked.href() != url.href()).then(|| checked.href().into()))
    }

    /// `XMLHttpRequest.open`'s and `navigator.sendBeacon`'s URL argument at `index` of `args`,
    /// replaced by the checked one where its query had to change. A refusal is emitted as
    /// `blocked` and returned.
    pub fn check_url_arg(&self, args: &Array, index: u32) -> Result<(), JsValue> {
        match self.checked_url_now(&args.get(index)) {
            Ok(Some(u)) => {
                args.set(index, u);
                Ok(())
            }
            Ok(None) => Ok(()),
            Err(e) => {
                self.emit("blocked", Some(&e));
                Err(e)
            }
        }
    }

    /// `EventSource`, `WebSocket` or `WebTransport`, hooked: built with the checked URL when it
    /// goes to a guarded endpoint with a query (the connection opens at once, so nobody is
    /// asked), with kept originals masked when it goes to another
    /// (src/net/elsewhere/urls.rs). A socket (`WebSocket`) to a guarded endpoint has its
    /// incoming messages restored (src/net/realtime.rs); a `WebTransport` session to one is
    /// refused: its streams and datagrams are bytes the guard cannot read.
    pub fn constructor_hook(
        self: &Rc<Self>,
        original: Function,
        kind: &str,
    ) -> Result<Function, JsValue> {
        let st = Rc::clone(self);
        let class = original.clone();
        let socket = kind == "WebSocket";
        let transport = kind == "WebTransport";
        let hooked = self.glue.method(
            &Closure::<dyn FnMut(JsValue, Array) -> Result<JsValue, JsValue>>::new(
                move |_this: JsValue, args: Array| {
                    if transport
                        && !args.get(0).is_undefined()
                        && st.glue.matches(&st.settings.endpoints, &args.get(0))?
                    {
                        let e = super::errors::blocked(
                            &st.glue,
                            super::errors::Reason::BodyType,
                            "pii-airlock: a WebTransport session to a guarded endpoint sends bytes the guard cannot read; it was not opened",
                            None,
                        );
                        st.emit("blocked", Some(&e));
                        return Err(e);
                    }
                    st.check_url_arg(&args, 0)?;
                    // To an endpoint the guard does not check: kept originals masked.
                    let guarded = !args.get(0).is_undefined()
                        && st.glue.matches(&st.settings.endpoints, &args.get(0))?;
                    if !args.get(0).is_undefined() && !guarded {
                        st.mask_url_arg(&args, 0)?;
                    }
                    let made = Reflect::construct(&class, &args)?;
                    if socket && guarded {
                        let url = js::resolve_url(&String::from(js::coerce(&args.get(0))?))?;
                        let conversation = st.conversation_for(&url, JsValue::UNDEFINED)?;
                        st.restore_messages(&made, conversation)?;
                    }
                    Ok(made)
                },
            )
            .into_js_value(),
        );
        // `x instanceof EventSource` and `EventSource.OPEN` keep working.
        js::set(&hooked, "prototype", &js::get(&original, "prototype"))?;
        for name in STATICS {
            let v = js::get(&original, name);
            if !v.is_undefined() {
                let desc = js::obj(&[("value", &v)]);
                Object::define_property(&hooked, &JsValue::from(name), &desc);
            }
        }
        Ok(hooked)
    }
}
