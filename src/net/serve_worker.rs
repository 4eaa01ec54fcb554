//! The page's side of an application's own guarded Web Worker (`installWorkerGuard` of
//! pkg/src/worker-guard.js, a chat client streaming off the main thread): a worker cannot show a
//! dialog, so `guard.serveWorker(worker)` answers the worker guard's consent questions as this
//! guard answers its own — its consent mode, its dialog and strings, one consent at a time with
//! the page's own requests — and passes on the requests around the worker's guard that it
//! reports (`pii-airlock-bypass`, origin and path only).
//!
//! Page and worker talk over a `MessageChannel` set up by one message
//! (`{ "pii-airlock-worker": "connect" }` carrying the port), which the worker guard takes
//! before the worker's own code sees it. On the port: `{ id, request }` (the worker's dialog
//! request: `items`, `previews`, `allowAsTyped`) → `{ id, answer }`; `{ bypass: { url,
//! initiatorType } }`; and `{ closed: true }` once the page stops serving. The worker reads an
//! answer as its own dialog's: anything it does not know is a cancel (fail closed).

use super::errors;
use super::js;
use super::options::ConsentMode;
use super::State;
use crate::Answer;
use js_sys::{Array, Function, Promise, Reflect};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The key of the one message that hands the worker its port (pkg/src/worker-guard.js reads it).
const MARK: &str = "pii-airlock-worker";

/// What a question gets when nobody answers it here: the worker sends nothing.
const CANCELLED: &str = "cancelled";

impl State {
    /// Starts answering `worker`'s consent questions; returns the function that stops (later
    /// questions are then answered with placeholders, open ones are cancelled by the worker).
    pub fn serve_worker(self: &Rc<Self>, worker: &JsValue) -> Result<Function, JsValue> {
        if !js::get(worker, "postMessage").is_function() {
            return Err(errors::config(&self.glue, "serveWorker needs a Worker"));
        }
        let class = js::get(&js::global(), "MessageChannel");
        if !class.is_function() {
            return Err(errors::config(&self.glue, "serveWorker needs a browser"));
        }
        let class: &Function = class.unchecked_ref();
        let channel = Reflect::construct(class, &Array::new())?;
        let port = js::get(&channel, "port1");
        let serving = Rc::new(Cell::new(true));
        let me = Rc::downgrade(self);
        let (here, on) = (port.clone(), Rc::clone(&serving));
        let on_message = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            let Some(st) = me.upgrade() else { return };
            let data = js::get(&e, "data");
            let bypass = js::get(&data, "bypass");
            if bypass.is_object() {
                if on.get() {
                    st.worker_bypass(&bypass);
                }
                return;
            }
            let id = js::get(&data, "id");
            let request = js::get(&data, "request");
            if id.as_f64().is_none() || !request.is_object() {
                return;
            }
            let port = here.clone();
            if !on.get() {
                // A question that crossed the stop: nobody is asked, placeholders.
                answer(&port, &id, Answer::Redacted.id());
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                let a = st.answer_worker(&request).await;
                answer(&port, &id, &a);
            });
        });
        // Setting `onmessage` starts the port; the listener lives as long as the port.
        js::set(&port, "onmessage", &on_message.into_js_value())?;
        let hello = js::obj(&[(MARK, &"connect".into())]);
        let transfer = Array::of1(&js::get(&channel, "port2"));
        js::call_method(worker, "postMessage", &[&hello, &transfer])?;
        let stop = Closure::<dyn FnMut()>::new(move || {
            if serving.replace(false) {
                let _ = js::call_method(
                    &port,
                    "postMessage",
                    &[&js::obj(&[("closed", &true.into())]).into()],
                );
            }
        });
        Ok(stop.into_js_value().unchecked_into())
    }

    /// One question of the worker, in turn with the page's own consents.
    async fn answer_worker(&self, request: &JsValue) -> String {
        let mut open: Option<Function> = None;
        let gate = Promise::new(&mut |resolve, _| open = Some(resolve));
        let before = self.queue.replace(gate);
        // The promise before never rejects: it is a gate like this one.
        let _ = JsFuture::from(before).await;
        let answer = self.answer_now(request).await;
        if let Some(open) = open {
            let _ = open.call0(&JsValue::UNDEFINED);
        }
        answer
    }

    /// What this guard's consent mode answers to the worker's dialog request.
    async fn answer_now(&self, request: &JsValue) -> String {
        if self.disposed.get() {
            return CANCELLED.into();
        }
        // Both the worker's policy and this guard must permit "send as typed".
        let allow = self.allow_as_typed && js::truthy(&js::get(request, "allowAsTyped"));
        let listed: Array = js::get(request, "items").dyn_into().unwrap_or_default();
        let asked = match &self.settings.consent {
            ConsentMode::Redact => return Answer::Redacted.id().into(),
            ConsentMode::Block => return CANCELLED.into(),
            ConsentMode::Ask(f) => {
                // As the page's own requests ask it: the findings left to the user.
                let items: Array = listed
                    .iter()
                    .filter(|it| js::truthy(&js::get(it, "asked")))
                    .map(|it| {
                        js::obj(&[
                            ("entity", &js::get(&it, "entity")),
                            ("value", &js::get(&it, "value")),
                            ("field", &js::get(&it, "field")),
                            ("effect", &js::get(&it, "effect")),
                        ])
                    })
                    .collect();
                let q = js::obj(&[("items", &items), ("allowAsTyped", &allow.into())]);
                f.call1(&JsValue::UNDEFINED, &q)
            }
            ConsentMode::Dialog => {
                let q = js::obj(&[
                    ("items", &listed),
                    ("previews", &js::get(request, "previews")),
                    ("strings", &self.strings),
                    ("allowAsTyped", &allow.into()),
                    ("returnFocus", &js::active_element()),
                ]);
                js::call_method(&self.env, "showConsentDialog", &[&q])
            }
        };
        let answer = match asked {
            Ok(r) => JsFuture::from(Promise::resolve(&r)).await,
            Err(e) => Err(e),
        };
        match answer.ok().and_then(|a| a.as_string()) {
            Some(a) if a == Answer::AsTyped.id() && !allow => CANCELLED.into(),
            Some(a) => a,
            None => CANCELLED.into(),
        }
    }

    /// A request around the worker's guard, as the worker reported it: fired here as the
    /// page's own would be, origin and path only (a query could hold anything).
    fn worker_bypass(&self, bypass: &JsValue) {
        let url = js::get(bypass, "url").as_string().unwrap_or_default();
        let Ok(url) = js::resolve_url(&url) else {
            return;
        };
        let kind = js::get(bypass, "initiatorType")
            .as_string()
            .unwrap_or_default();
        let detail = js::obj(&[
            ("url", &format!("{}{}", url.origin(), url.pathname()).into()),
            ("initiatorType", &kind.into()),
            ("worker", &true.into()),
        ]);
        self.emit("pii-airlock-bypass", Some(&detail));
        if let Some(f) = &self.settings.on_bypass {
            let _ = f.call1(&JsValue::UNDEFINED, &detail);
        }
    }
}

/// Posts `{ id, answer }` to the worker (a closed port drops it).
fn answer(port: &JsValue, id: &JsValue, answer: &str) {
    let msg = js::obj(&[("id", id), ("answer", &answer.into())]);
    let _ = js::call_method(port, "postMessage", &[&msg.into()]);
}
