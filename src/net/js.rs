//! The JavaScript this layer talks to: the core behind pkg/guard.js's poison check, the thin
//! entry's glue (error classes, the `this`-passing shim, the endpoint matcher) and a few
//! globals; plus small helpers for reading and building plain JS objects.

use js_sys::{Array, Function, JsString, Object, Reflect, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// The wasm `Guard` of `src/wasm.rs`, reached through JavaScript on purpose: every call
    /// passes pkg/guard.js's poison check, so a trap in the engine poisons the module and
    /// blocks every later request, exactly as for calls made from JavaScript.
    pub type Core;
    #[wasm_bindgen(method, catch)]
    pub fn scan(this: &Core, text: &JsString) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    pub fn redact(
        this: &Core,
        text: &JsString,
        now: f64,
        id: &Uint8Array,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    pub fn restore(this: &Core, text: &JsString) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = restoreJson)]
    pub fn restore_json(this: &Core, text: &JsString) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = alwaysAllow)]
    pub fn always_allow(
        this: &Core,
        entity: &JsValue,
        value: &JsString,
        now_ms: f64,
    ) -> Result<bool, JsValue>;
    #[wasm_bindgen(method, catch, js_name = resetAllowed)]
    pub fn reset_allowed(this: &Core) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = exportAllowed)]
    pub fn export_allowed(this: &Core) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    pub fn forget(this: &Core, value: &JsString) -> Result<JsValue, JsValue>;
    /// The core's `Prepared` for a body: its fields are parsed and planned once, and
    /// `previewBody`/`commitBody` use those plans.
    #[wasm_bindgen(method, catch, js_name = prepareBody)]
    pub fn prepare_body(
        this: &Core,
        body: &JsString,
        conversation: &JsValue,
    ) -> Result<JsValue, JsValue>;
    /// The core's `Prepared` for a plain text.
    #[wasm_bindgen(method, catch, js_name = prepareText)]
    pub fn prepare_text(this: &Core, text: &JsString) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = previewBody)]
    pub fn preview_body(
        this: &Core,
        prepared: &JsValue,
        outcome: &str,
        choices: &JsValue,
        now: f64,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = commitBody)]
    pub fn commit_body(
        this: &Core,
        prepared: &JsValue,
        outcome: &str,
        choices: &JsValue,
        now: f64,
        ids: &Uint8Array,
        purpose: &JsString,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = sseRestorer)]
    pub fn sse_restorer(this: &Core) -> Result<Sse, JsValue>;
    /// The core's `JsonStream` (NDJSON or a streamed JSON array); it has `push`/`finish` like
    /// an `SseStream`, so it is used as one.
    #[wasm_bindgen(method, catch, js_name = jsonStreamRestorer)]
    pub fn json_stream_restorer(this: &Core) -> Result<Sse, JsValue>;
    #[wasm_bindgen(method, catch)]
    pub fn expire(this: &Core, now: f64) -> Result<(), JsValue>;
    /// `undefined` when the text holds no kept original.
    #[wasm_bindgen(method, catch, js_name = maskOriginals)]
    pub fn mask_originals(this: &Core, text: &str) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(method, catch, js_name = keepsOriginals)]
    pub fn keeps_originals(this: &Core) -> Result<bool, JsValue>;
    /// The core's `AnswerScope` for a request as it left: it has the restoring methods of
    /// the core (`restore`, `restoreJson`, `sseRestorer`, `jsonStreamRestorer`), so it is
    /// used as one.
    #[wasm_bindgen(method, catch, js_name = answerScope)]
    pub fn answer_scope(
        this: &Core,
        sent: &JsValue,
        now: f64,
        conversation: &JsValue,
    ) -> Result<Core, JsValue>;

    /// The core's `AnswerScope` for a conversation as a whole (a message batch's results).
    #[wasm_bindgen(method, catch, js_name = conversationScope)]
    pub fn conversation_scope(
        this: &Core,
        now: f64,
        conversation: &JsValue,
    ) -> Result<Core, JsValue>;
    /// The core's `EventStream`: a Realtime channel's restorer, fed through `restoreEvent`.
    #[wasm_bindgen(method, catch, js_name = eventRestorer)]
    pub fn event_restorer(this: &Core) -> Result<JsValue, JsValue>;
    /// The messages to deliver in place of `message` (empty: deliver it as it came).
    #[wasm_bindgen(method, catch, js_name = restoreEvent)]
    pub fn restore_event(
        this: &Core,
        stream: &JsValue,
        message: &str,
        now: f64,
        conversation: &JsValue,
    ) -> Result<Vec<String>, JsValue>;
    /// The core's `AwsEventStream` (Bedrock's binary event stream).
    #[wasm_bindgen(method, catch, js_name = eventStreamRestorer)]
    pub fn event_stream_restorer(this: &Core) -> Result<AwsStream, JsValue>;

    /// A core `AwsEventStream`, behind the poison check.
    pub type AwsStream;
    #[wasm_bindgen(method, catch, js_name = push)]
    pub fn push_bytes(this: &AwsStream, chunk: &[u8]) -> Result<Vec<u8>, JsValue>;
    #[wasm_bindgen(method, catch, js_name = finish)]
    pub fn finish_bytes(this: &AwsStream) -> Result<Vec<u8>, JsValue>;
    #[wasm_bindgen(method, getter, js_name = corruptFrames)]
    pub fn corrupt_frames(this: &AwsStream) -> u32;

    /// A core `SseStream` or `JsonStream`, also behind the poison check.
    pub type Sse;
    #[wasm_bindgen(method, catch)]
    pub fn push(this: &Sse, chunk: &str) -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch)]
    pub fn finish(this: &Sse) -> Result<String, JsValue>;

    /// What pkg/src/guard.js hands over: the pieces that have to be JavaScript.
    #[derive(Clone)]
    pub type Glue;
    #[wasm_bindgen(method, getter = BlockedError)]
    pub fn blocked_error(this: &Glue) -> Function;
    #[wasm_bindgen(method, getter = ConfigError)]
    pub fn config_error(this: &Glue) -> Function;
    #[wasm_bindgen(method, getter)]
    pub fn endpoints(this: &Glue) -> JsValue;
    /// Per-request state of XMLHttpRequest objects (`{ guarded, purpose }`), shared with the
    /// hooks installPending sets before the engine has loaded.
    #[wasm_bindgen(method, getter)]
    pub fn xhr(this: &Glue) -> js_sys::WeakMap;
    #[wasm_bindgen(method, catch)]
    pub fn matches(this: &Glue, endpoints: &JsValue, url: &JsValue) -> Result<bool, JsValue>;
    /// `fn` as a function that passes its `this` first (prototype hooks and getters need it).
    #[wasm_bindgen(method)]
    pub fn method(this: &Glue, f: &JsValue) -> Function;
    /// pkg/guard.js `guardObject`.
    #[wasm_bindgen(method)]
    pub fn wrap(this: &Glue, object: &JsValue) -> JsValue;
    /// pkg/guard.js `poison`: marks the module trapped, returns the error to reject with.
    #[wasm_bindgen(method)]
    pub fn poison(this: &Glue, cause: &JsValue) -> JsValue;

    /// `String(v)`, as the JavaScript guard coerced its arguments.
    #[wasm_bindgen(catch, js_name = String)]
    pub fn coerce(v: &JsValue) -> Result<JsString, JsValue>;
    #[wasm_bindgen(catch, js_namespace = crypto, js_name = getRandomValues)]
    fn get_random_values(buf: &Uint8Array) -> Result<JsValue, JsValue>;
}

thread_local! {
    static GLUE: RefCell<Option<Glue>> = const { RefCell::new(None) };
}

/// Keeps the glue for code that runs without a guard at hand (the panic hook). The error
/// classes are module-level singletons, so the first guard's glue serves every guard.
pub fn set_glue(glue: &Glue) {
    GLUE.with(|g| {
        if let Ok(mut g) = g.try_borrow_mut() {
            g.get_or_insert_with(|| glue.clone());
        }
    });
}

/// The glue kept by [`set_glue`].
pub fn glue() -> Option<Glue> {
    GLUE.with(|g| g.try_borrow().ok().and_then(|g| g.clone()))
}

/// `n` bytes from the platform's CSPRNG (the core has no random source of its own).
pub fn random(n: u32) -> Result<Uint8Array, JsValue> {
    let buf = Uint8Array::new_with_length(n);
    get_random_values(&buf)?;
    Ok(buf)
}

/// The caller's clock (the core has none).
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// `obj[key]`, undefined when it cannot be read.
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    if obj.is_undefined() || obj.is_null() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `obj[key] = value`.
pub fn set(obj: &JsValue, key: &str, value: &JsValue) -> Result<(), JsValue> {
    Reflect::set(obj, &JsValue::from_str(key), value).map(|_| ())
}

/// A plain object from key/value pairs.
pub fn obj(pairs: &[(&str, &JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

/// `obj[name](...args)`.
pub fn call_method(obj: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    // Checked by type, not `instanceof`: a frame's functions are of another realm.
    let f = get(obj, name);
    if !f.is_function() {
        return Err(js_sys::TypeError::new(&format!("{name} is not a function")).into());
    }
    let f: Function = f.unchecked_into();
    let list: Array = args.iter().map(|a| (*a).clone()).collect();
    f.apply(obj, &list)
}

/// The object's class as `Object.prototype.toString` reports it (`Request`, `Blob`): unlike
/// `instanceof`, it holds for objects of a frame's realm too.
pub fn class_of(v: &JsValue) -> String {
    if !v.is_object() {
        return String::new();
    }
    let to_string = get(&get(&get(&global(), "Object"), "prototype"), "toString");
    to_string
        .unchecked_ref::<Function>()
        .call0(v)
        .ok()
        .and_then(|s| s.as_string())
        .map(|s| {
            s.trim_start_matches("[object ")
                .trim_end_matches(']')
                .to_string()
        })
        .unwrap_or_default()
}

/// `JSON.stringify(v)` for messages ("undefined" when there is no JSON form).
pub fn quote(v: &JsValue) -> String {
    js_sys::JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| "undefined".into())
}

/// `globalThis`.
pub fn global() -> Object {
    js_sys::global()
}

/// `globalThis.location?.href`: relative URLs resolve against the page.
pub fn base_href() -> Option<String> {
    get(&get(&global(), "location"), "href").as_string()
}

/// `new URL(input, location.href)`.
pub fn resolve_url(input: &str) -> Result<web_sys::Url, JsValue> {
    match base_href() {
        Some(base) => web_sys::Url::new_with_base(input, &base),
        None => web_sys::Url::new(input),
    }
}

/// `globalThis.document?.activeElement ?? null`: where focus goes back after the dialog.
pub fn active_element() -> JsValue {
    let el = get(&get(&global(), "document"), "activeElement");
    if el.is_undefined() {
        JsValue::NULL
    } else {
        el
    }
}

/// JavaScript truthiness.
pub fn truthy(v: &JsValue) -> bool {
    v.is_truthy()
}
