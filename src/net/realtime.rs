//! The OpenAI Realtime API, both ways. Its server events (text deltas, transcripts, items, the
//! finished response) arrive as messages on a WebSocket to a guarded endpoint or on the WebRTC
//! data channel `oai-events`; they are restored before the page's listeners see them. A
//! listener added when the socket or channel is made (in the capture phase, so it runs before
//! any the page adds) reads each message; one that needs restoring is stopped and delivered
//! again as one or more new `message` events (what a text stream held back first), which every
//! listener and `onmessage` receive. Messages with nothing to restore (audio, session events)
//! go on as they came.
//!
//! Outgoing, a data channel labelled `oai-events` is guarded like the Realtime socket
//! (`RTCDataChannel.send` filtered by the policy without asking, refused on a block). Audio
//! travels as RTP media, not through the channel: it cannot be read or filtered.

use super::js;
use super::State;
use js_sys::{Array, Function, JsString, Object, Reflect, WeakSet};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;

/// The label of the Realtime API's event channel over WebRTC.
pub const REALTIME_CHANNEL: &str = "oai-events";

/// The purpose receipts name for what the Realtime data channel sends.
const CHANNEL_PURPOSE: &str = "/v1/realtime (data channel)";

type Method = Closure<dyn FnMut(JsValue, Array) -> Result<JsValue, JsValue>>;

/// Whether `channel` is a Realtime event channel.
pub fn realtime_channel(channel: &JsValue) -> bool {
    js::get(channel, "label").as_string().as_deref() == Some(REALTIME_CHANNEL)
}

impl State {
    /// Restores the server events `target` (a Realtime socket or data channel of
    /// `conversation`) delivers, from now on.
    pub fn restore_messages(
        self: &Rc<Self>,
        target: &JsValue,
        conversation: JsValue,
    ) -> Result<(), JsValue> {
        let Some(listeners) = self.restoring_listeners(target, conversation)? else {
            return Ok(());
        };
        for (kind, f) in listeners {
            let options = js::obj(&[("capture", &JsValue::TRUE)]);
            js::call_method(target, "addEventListener", &[&kind.into(), &f, &options])?;
        }
        Ok(())
    }

    /// The `message` and `close` listeners that restore what `target` delivers, for the
    /// caller to add before any of the page's (a listener added later runs after those the
    /// page added first, capture or not); `None` when it is restored already or cannot be.
    fn restoring_listeners(
        self: &Rc<Self>,
        target: &JsValue,
        conversation: JsValue,
    ) -> Result<Option<[(&'static str, JsValue); 2]>, JsValue> {
        // A stand-in without events (a test's fake, a bare polyfill) is left as it is: its
        // answers then keep their placeholders, which hold no value.
        if !js::get(target, "addEventListener").is_function() {
            return Ok(None);
        }
        // Twice would restore what is already restored, and deliver it twice.
        let key: &js_sys::Object = target.unchecked_ref();
        if self.restoring.has(key) {
            return Ok(None);
        }
        self.restoring.add(key);
        let stream = self.core.event_restorer()?;
        let ours = WeakSet::new();
        // The origin of the last message, for what the channel still holds when it closes.
        let origin = Rc::new(RefCell::new(JsValue::from("")));
        let deliver = {
            let (target, ours) = (target.clone(), ours.clone());
            move |data: &str, origin: &JsValue, last_id: &JsValue| -> Result<(), JsValue> {
                let class: Function = js::get(&js::global(), "MessageEvent").unchecked_into();
                let init = js::obj(&[
                    ("data", &data.into()),
                    ("origin", origin),
                    ("lastEventId", last_id),
                ]);
                let ev = Reflect::construct(&class, &Array::of2(&"message".into(), &init))?;
                ours.add(ev.unchecked_ref());
                js::call_method(&target, "dispatchEvent", &[&ev]).map(|_| ())
            }
        };
        let deliver = Rc::new(deliver);
        let (st, d, o, s, c) = (
            Rc::clone(self),
            Rc::clone(&deliver),
            Rc::clone(&origin),
            stream.clone(),
            conversation.clone(),
        );
        // `Fn`, not `FnMut`: the events it delivers reach it again (and are let through),
        // and a wasm-bindgen `FnMut` closure refuses to be entered twice.
        let on_message = Closure::<dyn Fn(JsValue)>::new(move |e: JsValue| {
            if ours.has(e.unchecked_ref()) {
                return;
            }
            let Some(text) = js::get(&e, "data").as_string() else {
                return;
            };
            let from = js::get(&e, "origin");
            *o.borrow_mut() = from.clone();
            // A message the core cannot read goes on as it came: it carries placeholders,
            // never values.
            let Ok(out) = st.core.restore_event(&s, &text, js::now(), &c) else {
                return;
            };
            if out.is_empty() {
                return;
            }
            let _ = js::call_method(&e, "stopImmediatePropagation", &[]);
            let last_id = js::get(&e, "lastEventId");
            for m in &out {
                let _ = d(m, &from, &last_id);
            }
        });
        let on_close = Closure::<dyn FnMut(JsValue)>::new(move |_e: JsValue| {
            let held = js::call_method(&stream, "finish", &[]).unwrap_or_default();
            let from = origin.borrow().clone();
            for m in Array::from(&held).iter() {
                if let Some(m) = m.as_string() {
                    let _ = deliver(&m, &from, &"".into());
                }
            }
        });
        Ok(Some([
            ("message", on_message.into_js_value()),
            ("close", on_close.into_js_value()),
        ]))
    }

    /// `RTCPeerConnection.prototype.createDataChannel`, hooked: the Realtime event channel's
    /// incoming messages are restored (in the default conversation).
    pub fn create_channel_hook(self: &Rc<Self>, original: Function) -> Function {
        let st = Rc::clone(self);
        self.glue.method(
            &Method::new(move |this: JsValue, args: Array| {
                let channel = original.apply(&this, &args)?;
                if realtime_channel(&channel) && !st.disposed.get() {
                    st.restore_messages(&channel, JsValue::UNDEFINED)?;
                }
                Ok(channel)
            })
            .into_js_value(),
        )
    }

    /// `RTCDataChannelEvent.prototype.channel` of `scope`, hooked: a Realtime event channel
    /// the service opens (`ondatachannel`) reaches the page only through this getter, so it
    /// is restored before the page can add a listener. Returns the undo function.
    pub fn hook_remote_channels(self: &Rc<Self>, scope: &JsValue) -> Option<Function> {
        let proto = js::get(&js::get(scope, "RTCDataChannelEvent"), "prototype");
        if !proto.is_object() {
            return None;
        }
        let proto: Object = proto.unchecked_into();
        let desc = Reflect::get_own_property_descriptor(&proto, &"channel".into()).ok()?;
        let getter: Function = js::get(&desc, "get").dyn_into().ok()?;
        let st = Rc::clone(self);
        let get = Method::new(move |event: JsValue, _| {
            let channel = getter.call0(&event)?;
            if channel.is_object() && realtime_channel(&channel) && !st.disposed.get() {
                st.restore_messages(&channel, JsValue::UNDEFINED)?;
            }
            Ok(channel)
        });
        let hooked = js::obj(&[
            ("get", &self.glue.method(&get.into_js_value()).into()),
            ("configurable", &true.into()),
            ("enumerable", &js::get(&desc, "enumerable")),
        ]);
        if !Reflect::define_property(&proto, &"channel".into(), &hooked).unwrap_or(false) {
            return None;
        }
        let undo = Closure::<dyn FnMut()>::new(move || {
            let _ = Reflect::define_property(&proto, &"channel".into(), desc.unchecked_ref());
        });
        Some(undo.into_js_value().unchecked_into())
    }

    /// The listeners (`{ message, close }`) that restore `target`'s incoming messages when it
    /// is a socket to a guarded endpoint (in the conversation its URL names) or a Realtime
    /// data channel, for installPending's listeners, added when `target` was made, to call;
    /// `undefined` for anything else.
    pub fn adopt(self: &Rc<Self>, target: &JsValue) -> Result<JsValue, JsValue> {
        let conversation = if realtime_channel(target) {
            JsValue::UNDEFINED
        } else {
            let url = js::get(target, "url");
            let Some(url) = (if url.is_string() {
                self.guarded(&url)?
            } else {
                None
            }) else {
                return Ok(JsValue::UNDEFINED);
            };
            self.conversation_for(&url, JsValue::UNDEFINED)?
        };
        Ok(match self.restoring_listeners(target, conversation)? {
            Some([(_, message), (_, close)]) => {
                js::obj(&[("message", &message), ("close", &close)]).into()
            }
            None => JsValue::UNDEFINED,
        })
    }

    /// What the Realtime data channel may send in place of `data`, or the error to refuse
    /// with: the socket's rules (src/net/beacon.rs), in the default conversation.
    pub fn filter_channel(&self, data: &JsValue) -> Result<JsValue, JsValue> {
        let purpose = JsString::from(CHANNEL_PURPOSE);
        self.filter_as(&purpose, &JsValue::UNDEFINED, data)
    }
}
