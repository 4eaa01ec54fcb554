//! `fetchLater` (Chromium's deferred fetch: queued now, sent when the page goes or after its
//! `activateAfter`). It answers at once and its request may leave when no page is left to ask
//! or to restore an answer into, so it follows `sendBeacon`'s rules (src/net/beacon.rs): to a
//! guarded endpoint its query and body are filtered by the policy without asking; to another
//! endpoint kept originals are masked in its URL and body, and a body that cannot be read at
//! once is refused while the guard keeps originals (`WebSocket.send`'s rules). A `Request`
//! object's body cannot be read at once: one to a guarded endpoint is refused. A refusal throws
//! `PiiAirlockBlockedError` (nothing is queued) and fires `blocked`.

use super::errors::{self, Reason};
use super::js;
use super::State;
use js_sys::{Array, Function, Object};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;

type Method = Closure<dyn FnMut(JsValue, Array) -> Result<JsValue, JsValue>>;

impl State {
    /// `fetchLater`, hooked.
    pub fn fetch_later_hook(self: &Rc<Self>, original: Function) -> Function {
        let st = Rc::clone(self);
        self.glue.method(
            &Method::new(move |this: JsValue, args: Array| {
                st.later_args(&args)?;
                original.apply(&this, &args)
            })
            .into_js_value(),
        )
    }

    /// Makes `args` (input, init) of a `fetchLater` safe to queue, in place; or returns the
    /// error to refuse with (`blocked` fired).
    fn later_args(&self, args: &Array) -> Result<(), JsValue> {
        let input = args.get(0);
        let request = js::class_of(&input) == "Request";
        let target = if request {
            js::get(&input, "url")
        } else {
            input
        };
        let url = js::resolve_url(&String::from(js::coerce(&target)?))?;
        let init = args.get(1);
        let body = js::get(&init, "body");
        let with_body = |body: JsValue| -> Result<(), JsValue> {
            let copy = Object::assign(&Object::new(), init.unchecked_ref());
            js::set(&copy, "body", &body)?;
            args.set(1, copy.into());
            Ok(())
        };
        if self.glue.matches(&self.settings.endpoints, &url)? {
            if request {
                let e = errors::blocked(
                    &self.glue,
                    Reason::BodyType,
                    "pii-airlock: a fetchLater Request to a guarded endpoint cannot be checked \
                     (its body cannot be read at once); it was not queued",
                    None,
                );
                self.emit("blocked", Some(&e));
                return Err(e);
            }
            self.check_url_arg(args, 0)?;
            if body.is_undefined() || body.is_null() {
                return Ok(());
            }
            let checked = js::resolve_url(&String::from(js::coerce(&args.get(0))?))?;
            let out = self.filter_now(&checked, &body).inspect_err(|e| {
                self.emit("blocked", Some(e));
            })?;
            return with_body(out);
        }
        if !self.masks(&url) {
            return Ok(());
        }
        if request {
            // Its URL and body are the Request's own: neither can be rewritten at once.
            if self.core.keeps_originals()? {
                return Err(self.not_sent(self.unreadable()));
            }
            return Ok(());
        }
        let before = args.get(0);
        self.mask_url_arg(args, 0)?;
        let mut masked = args.get(0) != before;
        if !(body.is_undefined() || body.is_null()) {
            if let Some(out) = self.masked_body(&body).map_err(|e| self.not_sent(e))? {
                with_body(out)?;
                masked = true;
            }
        }
        if masked {
            self.note_masked(&url);
        }
        Ok(())
    }
}
