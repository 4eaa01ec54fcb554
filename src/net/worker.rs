//! Scanning long texts in a module Web Worker (pkg/src/worker.js) so typing never stalls. The
//! worker has its own engine; it is told the policy, the name list and the "always allow"
//! answers, and answers `{ id, findings }` or `{ id, error }`.

use super::js;
use super::State;
use js_sys::{Function, JsString, Promise};
use std::rc::{Rc, Weak};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The worker, if any.
#[derive(Default)]
pub enum Slot {
    /// Not started yet.
    #[default]
    Unstarted,
    /// Failed or stopped: scans run inline from now on.
    Gone,
    /// Running.
    Running(web_sys::Worker),
}

impl State {
    /// Like scan, but texts from the worker threshold on are scanned in the worker; falls
    /// back to scanning inline.
    pub async fn scan_async(self: Rc<Self>, text: JsString) -> Result<JsValue, JsValue> {
        let can = js::get(&self.env, "createWorker").is_function();
        if f64::from(text.length()) < self.settings.worker_threshold || !can {
            return self.core.scan(&text);
        }
        match self.worker_scan(&text) {
            Ok(p) => match JsFuture::from(p).await {
                Ok(findings) => Ok(findings),
                Err(_) => self.core.scan(&text),
            },
            Err(_) => self.core.scan(&text),
        }
    }

    fn worker_scan(self: &Rc<Self>, text: &JsString) -> Result<Promise, JsValue> {
        if matches!(*self.worker.borrow(), Slot::Unstarted) {
            self.start_worker()?;
        }
        let worker = match &*self.worker.borrow() {
            Slot::Running(w) => w.clone(),
            _ => return Err(JsValue::from_str("no worker")),
        };
        let id = self.worker_seq.get() + 1;
        self.worker_seq.set(id);
        let mut settle = None;
        let p = Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
        if let Some((resolve, reject)) = settle {
            self.pending.borrow_mut().push((id, resolve, reject));
        }
        let msg = js::obj(&[("type", &"scan".into()), ("id", &id.into()), ("text", text)]);
        worker.post_message(&msg)?;
        Ok(p)
    }

    fn start_worker(self: &Rc<Self>) -> Result<(), JsValue> {
        let worker: web_sys::Worker =
            js::call_method(&self.env, "createWorker", &[])?.unchecked_into();
        let me: Weak<State> = Rc::downgrade(self);
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let Some(st) = me.upgrade() else { return };
                let data = e.data();
                let Some(id) = js::get(&data, "id").as_f64() else {
                    return;
                };
                let taken = {
                    let mut pending = st.pending.borrow_mut();
                    let at = pending.iter().position(|(i, _, _)| f64::from(*i) == id);
                    at.map(|at| pending.remove(at))
                };
                let Some((_, resolve, reject)) = taken else {
                    return;
                };
                let error = js::get(&data, "error");
                let _ = if error.is_undefined() || error.is_null() || error == JsValue::FALSE {
                    resolve.call1(&JsValue::UNDEFINED, &js::get(&data, "findings"))
                } else {
                    let m = js::coerce(&error).map(String::from).unwrap_or_default();
                    reject.call1(&JsValue::UNDEFINED, &js_sys::Error::new(&m))
                };
            });
        let me: Weak<State> = Rc::downgrade(self);
        let on_error = Closure::<dyn FnMut()>::new(move || {
            let Some(st) = me.upgrade() else { return };
            st.fail_pending("worker failed");
            st.worker.replace(Slot::Gone);
        });
        // The listeners live as long as the worker (the JS garbage collector frees them).
        let on_message: Function = on_message.into_js_value().unchecked_into();
        let on_error: Function = on_error.into_js_value().unchecked_into();
        worker.add_event_listener_with_callback("message", &on_message)?;
        worker.add_event_listener_with_callback("error", &on_error)?;
        let allowed = self.core.export_allowed()?;
        let init = js::obj(&[
            ("type", &"init".into()),
            ("policy", &self.settings.policy.as_str().into()),
            ("gazetteer", &self.gazetteer),
            ("options", &self.settings.core_options),
            ("allowed", &allowed),
        ]);
        worker.post_message(&init)?;
        self.worker.replace(Slot::Running(worker));
        Ok(())
    }

    /// Hands the worker the core's "always allow" answers after a change (the keyed hashes
    /// the core holds: no value crosses).
    pub fn allowed_to_worker(&self) -> Result<(), JsValue> {
        if let Slot::Running(w) = &*self.worker.borrow() {
            let state = self.core.export_allowed()?;
            let _ = w.post_message(&js::obj(&[("type", &"allowed".into()), ("state", &state)]));
        }
        Ok(())
    }

    fn fail_pending(&self, why: &str) {
        let pending = std::mem::take(&mut *self.pending.borrow_mut());
        for (_, _, reject) in pending {
            let _ = reject.call1(&JsValue::UNDEFINED, &js_sys::Error::new(why));
        }
    }

    /// Stops the worker for good (dispose).
    pub fn stop_worker(&self) {
        if let Slot::Running(w) = self.worker.replace(Slot::Gone) {
            w.terminate();
        }
        self.fail_pending("disposed");
    }

    /// The worker as `guard._worker` shows it: undefined before, null after, else the Worker.
    pub fn worker_js(&self) -> JsValue {
        match &*self.worker.borrow() {
            Slot::Unstarted => JsValue::UNDEFINED,
            Slot::Gone => JsValue::NULL,
            Slot::Running(w) => w.clone().into(),
        }
    }
}
