//! Requests to guarded endpoints that did not pass through the guard: a client that kept
//! `fetch` from before `install()` (the `openai` SDK's constructor stores it), or a
//! `const f = fetch` taken earlier. Nothing can stop such a request once it is made, but the
//! page's own resource timing sees it: after `install()`, a `PerformanceObserver` on
//! `resource` entries (fetch, XMLHttpRequest, beacon) compares each entry to a guarded
//! endpoint against the requests the guard itself sent. One it did not send is a bypass: one
//! `console.warn` per guard, a `pii-airlock-bypass` event on the guard for each, and the
//! `onBypass` option. Both carry the origin and path only — a query string can hold anything.

use super::js;
use super::State;
use js_sys::{Array, Function, Reflect};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How many distinct URLs the guard remembers having sent (entries usually arrive within a
/// request's lifetime; this bounds what a never-answered request leaves behind).
const MAX_SENT: usize = 512;

/// The resource-timing initiator types of requests the guard hooks.
const HOOKED: [&str; 3] = ["fetch", "xmlhttprequest", "beacon"];

/// How a sent request and its resource entry are matched: origin, path and query, no
/// fragment (an entry's name has none).
fn key_of(url: &web_sys::Url) -> String {
    format!("{}{}{}", url.origin(), url.pathname(), url.search())
}

impl State {
    /// Notes that the guard sends a request to `url` now: its resource entry is no bypass.
    pub fn note_sent(&self, url: &web_sys::Url) {
        let mut sent = self.sent.borrow_mut();
        let key = key_of(url);
        if sent.len() >= MAX_SENT && !sent.contains_key(&key) {
            sent.clear();
        }
        let n = sent.entry(key).or_insert(0);
        *n = n.saturating_add(1);
    }

    /// True (and the note used up) when the guard sent the request of this entry.
    fn take_sent(&self, url: &web_sys::Url) -> bool {
        let mut sent = self.sent.borrow_mut();
        let key = key_of(url);
        match sent.get_mut(&key) {
            Some(n) if *n > 1 => {
                *n -= 1;
                true
            }
            Some(_) => {
                sent.remove(&key);
                true
            }
            None => false,
        }
    }

    fn on_entry(&self, entry: &JsValue) -> Result<(), JsValue> {
        let kind = js::get(entry, "initiatorType")
            .as_string()
            .unwrap_or_default();
        if !HOOKED.contains(&kind.as_str()) {
            return Ok(());
        }
        let Some(name) = js::get(entry, "name").as_string() else {
            return Ok(());
        };
        let url = js::resolve_url(&name)?;
        if !self.glue.matches(&self.settings.endpoints, &url)? || self.take_sent(&url) {
            return Ok(());
        }
        let shown = format!("{}{}", url.origin(), url.pathname());
        if !self.bypass_warned.replace(true) {
            let message = format!(
                "pii-airlock: a request to {shown} did not pass through the guard (a client \
                 that kept fetch from before install()?); give that client \
                 `fetch: guard.guardFetch()`"
            );
            let console = js::get(&js::global(), "console");
            let _ = js::call_method(&console, "warn", &[&message.into()]);
        }
        let detail = js::obj(&[("url", &shown.into()), ("initiatorType", &kind.into())]);
        self.emit("pii-airlock-bypass", Some(&detail));
        if let Some(f) = &self.settings.on_bypass {
            let _ = f.call1(&JsValue::UNDEFINED, &detail);
        }
        Ok(())
    }

    /// Starts watching the page's resource entries; returns the function that stops it, or
    /// `None` where there is no `PerformanceObserver` (Node).
    pub fn watch_bypass(self: &Rc<Self>, scope: &JsValue) -> Option<Function> {
        let class = js::get(scope, "PerformanceObserver");
        if !class.is_function() {
            return None;
        }
        let me = Rc::downgrade(self);
        let callback = Closure::<dyn FnMut(JsValue)>::new(move |list: JsValue| {
            let Some(st) = me.upgrade() else { return };
            let entries = js::call_method(&list, "getEntries", &[]).unwrap_or_default();
            for e in Array::from(&entries).iter() {
                // A malformed entry is skipped: this is a warning, never a gate.
                let _ = st.on_entry(&e);
            }
        })
        .into_js_value();
        let class: &js_sys::Function = class.unchecked_ref();
        let observer = Reflect::construct(class, &Array::of1(&callback)).ok()?;
        let init = js::obj(&[("type", &"resource".into())]);
        js::call_method(&observer, "observe", &[&init]).ok()?;
        let stop = Closure::<dyn FnMut()>::new(move || {
            let _ = js::call_method(&observer, "disconnect", &[]);
        });
        Some(stop.into_js_value().unchecked_into())
    }
}
