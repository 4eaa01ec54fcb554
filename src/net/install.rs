//! Installing the hooks on the page: `fetch`, `XMLHttpRequest.prototype.open`/`send`,
//! `navigator.sendBeacon` and `WebSocket.prototype.send`, each undone by the function returned.

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
    /// The replacement for `original` of one kind of hook: `fetch`, `open`, `send`,
    /// `sendBeacon` or `websocket`. Also what installPending switches to once the engine runs.
    pub fn hook(self: &Rc<Self>, kind: &str, original: Function) -> Result<Function, JsValue> {
        Ok(match kind {
            "fetch" => self.guard_fetch(original.into())?,
            "open" => self.xhr_open_hook(original),
            "send" => self.xhr_send_hook(original),
            "sendBeacon" => self.beacon_hook(original),
            "websocket" => self.websocket_hook(original),
            other => return Err(js_sys::TypeError::new(&format!("no hook named {other}")).into()),
        })
    }

    /// Hooks what `scope` has of the guarded APIs; returns the undo function.
    pub fn install_into(self: &Rc<Self>, scope: &JsValue) -> Result<Function, JsValue> {
        let proto = |class: &str| js::get(&js::get(scope, class), "prototype");
        let places = [
            (scope.clone(), "fetch", "fetch"),
            (proto("XMLHttpRequest"), "open", "open"),
            (proto("XMLHttpRequest"), "send", "send"),
            (js::get(scope, "navigator"), "sendBeacon", "sendBeacon"),
            (proto("WebSocket"), "send", "websocket"),
        ];
        let mut done: Vec<Replaced> = Vec::new();
        for (on, name, kind) in places {
            let Ok(original) = js::get(&on, name).dyn_into::<Function>() else {
                continue;
            };
            let own = on
                .dyn_ref::<Object>()
                .is_some_and(|o| Object::has_own(o, &name.into()));
            let hooked = match self.hook(kind, original.clone()) {
                Ok(h) => h,
                Err(e) => {
                    undo(&mut done);
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
        let undo_fn = Closure::<dyn FnMut()>::new(move || undo(&mut done));
        Ok(undo_fn.into_js_value().unchecked_into())
    }
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
