//! Installing the hooks on the page: `fetch`, `XMLHttpRequest.prototype.open`/`send`,
//! `navigator.sendBeacon`, `fetchLater`, `WebSocket.prototype.send`, the `EventSource`, `WebSocket`
//! and `WebTransport` constructors (the query of their URL), form posts (a `submit` listener and
//! `HTMLFormElement.prototype.submit`) and the URL sinks of src/net/elsewhere/urls.rs (element
//! setters, `setAttribute`, HTML text, `window.open`, navigations, `RTCDataChannel.send`),
//! each undone by the function returned; and, for the
//! page itself, the same hooks in every same-origin frame the page reaches through
//! `contentWindow` or `contentDocument` (an `about:blank` frame's `fetch` is the classic way
//! around a hooked one). What cannot be hooked from here is listed in docs/threat-model.md.

use super::elsewhere::url_places;
use super::errors::{self, Reason};
use super::js;
use super::State;
use js_sys::{Function, Object, Reflect};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// One replaced property: where, which, what was there (own or inherited).
struct Replaced {
    on: JsValue,
    name: &'static str,
    original: JsValue,
    own: bool,
}

impl State {
    /// The replacement for `original` of one kind of hook: `fetch`, `open`,
    /// `setRequestHeader`, `send`, `sendBeacon`, `fetchLater`, `websocket`, `formSubmit`, the constructors
    /// `EventSource`, `WebSocket` and `WebTransport` (their URL's query), or the URL sinks of
    /// src/net/elsewhere/urls.rs (`windowOpen`, `setAttribute`, `setAttributeNS`,
    /// `dataChannel`, `insertHTML`, `fragment`). Also what installPending switches to once the engine runs.
    pub fn hook(self: &Rc<Self>, kind: &str, original: Function) -> Result<Function, JsValue> {
        Ok(match kind {
            "fetch" => self.guard_fetch(original.into())?,
            "open" => self.xhr_open_hook(original),
            "setRequestHeader" => self.xhr_header_hook(original),
            "send" => self.xhr_send_hook(original),
            "sendBeacon" => self.beacon_hook(original),
            "fetchLater" => self.fetch_later_hook(original),
            "websocket" => self.websocket_hook(original),
            "EventSource" | "WebSocket" | "WebTransport" => {
                self.constructor_hook(original, kind)?
            }
            "formSubmit" => self.form_submit_hook(original),
            "windowOpen" | "setAttribute" | "setAttributeNS" => self.url_arg_hook(kind, original),
            "dataChannel" => self.data_channel_hook(original),
            "createDataChannel" => self.create_channel_hook(original),
            "insertHTML" | "fragment" => self.insert_html_hook(kind, original),
            "insertNode" | "insertNodes" | "insertAdjacent" => self.insert_hook(kind, original),
            "attrNode" | "namedItem" => self.attr_node_hook(kind, original),
            "cssArg0" | "cssArg1" => self.css_hook(kind, original),
            other => return Err(js_sys::TypeError::new(&format!("no hook named {other}")).into()),
        })
    }

    /// The error for a form post to a guarded endpoint: its body (form-encoded or multipart)
    /// is not a JSON body the guard can check, and a navigation cannot wait for a dialog.
    fn form_refusal(
        &self,
        form: &JsValue,
        submitter: &JsValue,
    ) -> Result<Option<JsValue>, JsValue> {
        let own = |v: &JsValue| {
            js::call_method(v, "hasAttribute", &[&"formaction".into()]).is_ok_and(|h| h.is_truthy())
        };
        let action = if js::truthy(submitter) && own(submitter) {
            js::get(submitter, "formAction")
        } else {
            js::get(form, "action")
        };
        let url = js::resolve_url(&String::from(js::coerce(&action)?))?;
        if !self.glue.matches(&self.settings.endpoints, &url)? {
            return Ok(None);
        }
        let e = errors::blocked(
            &self.glue,
            Reason::BodyType,
            "pii-airlock: a form post to a guarded endpoint cannot be checked; the form was not sent",
            None,
        );
        self.emit("blocked", Some(&e));
        Ok(Some(e))
    }

    /// `HTMLFormElement.prototype.submit`, hooked: it fires no `submit` event.
    fn form_submit_hook(self: &Rc<Self>, original: Function) -> Function {
        let st = Rc::clone(self);
        self.glue.method(
            &Closure::<dyn FnMut(JsValue, js_sys::Array) -> Result<JsValue, JsValue>>::new(
                move |form: JsValue, args: js_sys::Array| match st
                    .form_refusal(&form, &JsValue::UNDEFINED)?
                {
                    Some(e) => Err(e),
                    None => original.apply(&form, &args),
                },
            )
            .into_js_value(),
        )
    }

    /// A capture listener on `document` that stops `submit` events of forms posting to a
    /// guarded endpoint (also `requestSubmit()`); returns the function that removes it.
    fn form_listener(self: &Rc<Self>, scope: &JsValue) -> Option<Function> {
        let doc = js::get(scope, "document");
        if !doc.is_object() {
            return None;
        }
        let st = Rc::clone(self);
        let f: Function = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let form: JsValue = e.target().map_or(JsValue::NULL, Into::into);
            let submitter = js::get(&e, "submitter");
            if let Ok(Some(_)) = st.form_refusal(&form, &submitter) {
                e.prevent_default();
                e.stop_immediate_propagation();
            }
        })
        .into_js_value()
        .unchecked_into();
        let target: &web_sys::EventTarget = doc.unchecked_ref();
        target
            .add_event_listener_with_callback_and_bool("submit", &f, true)
            .ok()?;
        let doc2 = doc.clone();
        let undo = Closure::<dyn FnMut()>::new(move || {
            let t: &web_sys::EventTarget = doc2.unchecked_ref();
            let _ = t.remove_event_listener_with_callback_and_bool("submit", &f, true);
        });
        Some(undo.into_js_value().unchecked_into())
    }

    /// Hooks `HTMLIFrameElement.prototype.contentWindow` and `contentDocument` of `scope`: a
    /// same-origin frame's window gets the guard's hooks the first time the page reaches it
    /// this way, before the caller can use its `fetch`. Frames present now are hooked at
    /// once. Returns the undo function (it also unhooks the frames).
    pub fn hook_frames(self: &Rc<Self>, scope: &JsValue) -> Result<Option<Function>, JsValue> {
        let proto = js::get(&js::get(scope, "HTMLIFrameElement"), "prototype");
        if !proto.is_object() {
            return Ok(None);
        }
        let proto: Object = proto.unchecked_into();
        let seen = js_sys::WeakSet::new();
        let undos: Rc<std::cell::RefCell<Vec<Function>>> = Rc::default();
        let mut restore: Vec<(&'static str, JsValue)> = Vec::new();
        for name in ["contentWindow", "contentDocument"] {
            let desc = Reflect::get_own_property_descriptor(&proto, &name.into())?;
            let getter = js::get(&desc, "get");
            if !getter.is_function() {
                continue;
            }
            let getter: Function = getter.unchecked_into();
            let st = Rc::clone(self);
            let (seen, undos) = (seen.clone(), Rc::clone(&undos));
            let get = Closure::<dyn FnMut(JsValue, js_sys::Array) -> Result<JsValue, JsValue>>::new(
                move |frame: JsValue, _| {
                    let got = getter.call0(&frame)?;
                    let win = if name == "contentDocument" {
                        js::get(&got, "defaultView")
                    } else {
                        got.clone()
                    };
                    // Objects of a frame's realm fail `instanceof Object`: check by type.
                    if win.is_object() {
                        let w: &Object = win.unchecked_ref();
                        if !seen.has(w) {
                            seen.add(w);
                            // A cross-origin frame's fetch cannot be read, nor used by the page.
                            if Reflect::get(w, &"fetch".into()).is_ok() {
                                if let Ok(undo) = st.install_into(&win) {
                                    undos.borrow_mut().push(undo);
                                }
                            }
                        }
                    }
                    Ok(got)
                },
            );
            let hooked = js::obj(&[
                ("get", &self.glue.method(&get.into_js_value()).into()),
                ("configurable", &true.into()),
                ("enumerable", &js::get(&desc, "enumerable")),
            ]);
            Reflect::define_property(&proto, &name.into(), &hooked)?;
            restore.push((name, desc));
        }
        // Frames already in the page: reaching them hooks them.
        if let Ok(list) = js::call_method(
            &js::get(scope, "document"),
            "querySelectorAll",
            &[&"iframe".into()],
        ) {
            let n = js::get(&list, "length").as_f64().unwrap_or(0.0) as u32;
            for i in 0..n {
                let frame = js::call_method(&list, "item", &[&i.into()]).unwrap_or_default();
                let _ = js::get(&frame, "contentWindow");
            }
        }
        let undo = Closure::<dyn FnMut()>::new(move || {
            for (name, desc) in restore.drain(..) {
                let _ = Reflect::define_property(&proto, &name.into(), desc.unchecked_ref());
            }
            for f in undos.borrow_mut().drain(..).rev() {
                let _ = f.call0(&JsValue::UNDEFINED);
            }
        });
        Ok(Some(undo.into_js_value().unchecked_into()))
    }

    /// Hooks what `scope` has of the guarded APIs; returns the undo function.
    pub fn install_into(self: &Rc<Self>, scope: &JsValue) -> Result<Function, JsValue> {
        let proto = |class: &str| js::get(&js::get(scope, class), "prototype");
        let mut places = vec![
            (scope.clone(), "fetch", "fetch"),
            (proto("XMLHttpRequest"), "open", "open"),
            (
                proto("XMLHttpRequest"),
                "setRequestHeader",
                "setRequestHeader",
            ),
            (proto("XMLHttpRequest"), "send", "send"),
            (js::get(scope, "navigator"), "sendBeacon", "sendBeacon"),
            (scope.clone(), "fetchLater", "fetchLater"),
            (proto("WebSocket"), "send", "websocket"),
            (scope.clone(), "EventSource", "EventSource"),
            (scope.clone(), "WebSocket", "WebSocket"),
            (scope.clone(), "WebTransport", "WebTransport"),
        ];
        places.extend(form_places(scope));
        places.extend(url_places(self.settings.elsewhere, scope));
        self.replace(places, Some(self.listeners(scope)))
    }

    /// The form listener, the URL sinks' setters and navigation listener of `scope`
    /// (src/net/elsewhere/urls.rs) and the getter of the data channels the remote side opens
    /// (src/net/realtime.rs), undone by the one function returned.
    fn listeners(self: &Rc<Self>, scope: &JsValue) -> Function {
        let form = self.form_listener(scope);
        let sinks = self.hook_url_sinks(scope);
        let channels = self.hook_remote_channels(scope);
        let undo = Closure::<dyn FnMut()>::new(move || {
            let _ = sinks.call0(&JsValue::UNDEFINED);
            for f in [&form, &channels].into_iter().flatten() {
                let _ = f.call0(&JsValue::UNDEFINED);
            }
        });
        undo.into_js_value().unchecked_into()
    }

    /// What the hooks installPending sets before the engine loads leave out, for the page
    /// once it runs: form posts, same-origin frames and the URL sinks (before the engine
    /// runs the guard keeps nothing to mask in them). Returns the undo function.
    pub fn install_extras(self: &Rc<Self>, scope: &JsValue) -> Result<Function, JsValue> {
        let mut places = form_places(scope);
        places.extend(url_places(self.settings.elsewhere, scope));
        let forms = self.replace(places, Some(self.listeners(scope)))?;
        let frames = self.hook_frames(scope)?;
        let watch = self.watch_bypass(scope);
        let undo = Closure::<dyn FnMut()>::new(move || {
            for f in [&frames, &watch].into_iter().flatten() {
                let _ = f.call0(&JsValue::UNDEFINED);
            }
            let _ = forms.call0(&JsValue::UNDEFINED);
        });
        Ok(undo.into_js_value().unchecked_into())
    }

    /// Puts the hooks of `places` (where, which, kind) and `listener`'s undo together into
    /// one undo function; on an error nothing stays replaced.
    fn replace(
        self: &Rc<Self>,
        places: Vec<(JsValue, &'static str, &'static str)>,
        listener: Option<Function>,
    ) -> Result<Function, JsValue> {
        let mut done: Vec<Replaced> = Vec::new();
        for (on, name, kind) in places {
            // A frame's functions and objects are of another realm: checked by type, not
            // `instanceof`.
            let original = js::get(&on, name);
            if !original.is_function() {
                continue;
            }
            let original: Function = original.unchecked_into();
            let own = on.is_object() && Object::has_own(on.unchecked_ref::<Object>(), &name.into());
            let hooked = match self.hook(kind, original.clone()) {
                Ok(h) => h,
                Err(e) => {
                    undo(&mut done);
                    if let Some(f) = &listener {
                        let _ = f.call0(&JsValue::UNDEFINED);
                    }
                    return Err(e);
                }
            };
            js::set(&on, name, &hooked)?;
            done.push(Replaced {
                on,
                name,
                original: original.into(),
                own,
            });
        }
        let undo_fn = Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = &listener {
                let _ = f.call0(&JsValue::UNDEFINED);
            }
            undo(&mut done)
        });
        Ok(undo_fn.into_js_value().unchecked_into())
    }
}

/// `HTMLFormElement.prototype.submit` of `scope`, as a place to hook.
fn form_places(scope: &JsValue) -> Vec<(JsValue, &'static str, &'static str)> {
    let proto = js::get(&js::get(scope, "HTMLFormElement"), "prototype");
    vec![(proto, "submit", "formSubmit")]
}

/// Puts back what was replaced, newest first (idempotent: a second call finds nothing to do).
fn undo(done: &mut Vec<Replaced>) {
    while let Some(r) = done.pop() {
        if r.own {
            let _ = js::set(&r.on, r.name, &r.original);
        } else {
            let _ = Reflect::delete_property(r.on.unchecked_ref::<Object>(), &r.name.into());
        }
    }
}
