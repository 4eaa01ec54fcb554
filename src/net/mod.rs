//! The browser layer of the guard (wasm32 only): it intercepts requests and shows nothing
//! itself — the core ([`crate::Guard`] behind `src/wasm.rs`) decides, the DOM parts (dialog,
//! highlighting) are handed in as `env` by the JavaScript entry.
//!
//! pkg/src/guard.js is the thin entry: it defines the JavaScript classes (the errors, the
//! `Guard` EventTarget whose methods call [`Net`]) and the hooks that must exist before the
//! engine has loaded; everything else is here:
//!
//! | module | holds |
//! |---|---|
//! | `options` | `createGuard` options, checked |
//! | `consent_flow` | who is asked, one consent at a time, committing the answer, receipts and events |
//! | `fetch` | the fetch guard and reading request bodies |
//! | `stream` | restoring answers (JSON, text, `text/event-stream` as a stream) |
//! | `xhr` | the XMLHttpRequest guard and its restoring getters |
//! | `beacon` | `navigator.sendBeacon` and `WebSocket.send` (filtered without asking) |
//! | `later` | `fetchLater`, by the beacon's rules |
//! | `realtime` | the Realtime API's server events restored on its socket and `oai-events` data channel (also one the service opens, and those made before the engine ran); that channel's `send` guarded |
//! | `query` | the query string of a guarded request (`?q=…`, `EventSource`), checked like a body |
//! | `bypass` | after `install()`: requests to guarded endpoints the guard did not send (resource timing) |
//! | `elsewhere` | requests to other endpoints: originals the guard kept are masked in them, compressed bodies too, and in URLs scripts hand the browser (`elsewhere/urls`: element setters, HTML text, `window.open`, navigations, data channels) |
//! | `install` | putting the hooks on the page and taking them off |
//! | `receipts_store` | receipts in `localStorage`, expiring by the policy's retention |
//! | `vault_store` | the encrypted vault in `localStorage` across reloads (`vault` option) |
//! | `worker` | scanning long texts in a Web Worker |
//! | `serve_worker` | the page's side of the application's own guarded worker: its consent questions, its bypass reports |
//! | `task` | promises of Rust futures; a panic rejects them and poisons the module |
//! | `errors`, `js` | the package's error classes; bindings and small helpers |
//!
//! The core is called through its JavaScript object, behind pkg/guard.js's poison check, so a
//! trap in the engine poisons the module and every later request is blocked.

mod beacon;
mod bypass;
mod consent_flow;
mod elsewhere;
mod errors;
mod fetch;
mod install;
mod js;
mod later;
mod options;
mod query;
mod realtime;
mod receipts_store;
mod serve_worker;
mod stream;
mod task;
mod vault_store;
mod worker;
mod xhr;

use js::{Core, Glue};
use js_sys::{Function, JsString, Object, Promise};
use options::Settings;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Everything one guard holds.
pub(crate) struct State {
    glue: Glue,
    core: Core,
    /// The core's `keepsOriginals`, read once from its poison-checking wrapper (each read of
    /// the wrapper's property makes a new function): the URL hooks on the DOM's hottest paths
    /// (`appendChild`, `setAttribute`) ask it on every call.
    keeps: Function,
    /// The user's `Guard` object (an EventTarget): events are dispatched on it. Weak, so the
    /// module's heap does not keep it alive.
    target: js_sys::WeakRef<Object>,
    env: JsValue,
    strings: JsValue,
    settings: Settings,
    /// Option and policy both permit "send as typed".
    allow_as_typed: bool,
    policy_retention_days: u32,
    gazetteer: JsValue,
    /// Highlight choices by `entity \0 value`: redact or allow once ("always allow" lives in
    /// the core guard's session, as keyed hashes).
    choices: RefCell<Vec<(String, crate::PerFinding)>>,
    last_receipt: RefCell<JsValue>,
    last_receipts: RefCell<JsValue>,
    attached: RefCell<Vec<(u32, JsValue)>>,
    attach_seq: Cell<u32>,
    uninstall: RefCell<Option<Function>>,
    /// The last consent's gate: the next one waits for it.
    queue: RefCell<Promise>,
    worker: RefCell<worker::Slot>,
    worker_seq: Cell<u32>,
    pending: RefCell<Vec<(u32, Function, Function)>>,
    disposed: Cell<bool>,
    /// Guarded requests the guard sent whose resource entry has not been seen, by URL.
    sent: RefCell<std::collections::HashMap<String, u32>>,
    /// The bypass warning was printed (once per guard).
    bypass_warned: Cell<bool>,
    /// The sockets and data channels whose messages this guard restores: each is restored
    /// once, however it was reached (made, opened by the remote side, adopted from
    /// installPending).
    restoring: js_sys::WeakSet,
}

fn choice_key(entity: &JsValue, value: &JsValue) -> String {
    let s = |v| js::coerce(v).map(String::from).unwrap_or_default();
    format!("{}\u{0}{}", s(entity), s(value))
}

impl State {
    fn choice_for(&self, finding: &JsValue, value: &JsValue) -> Option<crate::PerFinding> {
        let key = choice_key(&js::get(finding, "entity"), value);
        self.choices
            .borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, c)| *c)
    }

    /// Dispatches `type` on the user's guard (a CustomEvent when there is a detail).
    fn emit(&self, kind: &str, detail: Option<&JsValue>) {
        let Some(target) = self.target.deref() else {
            return;
        };
        let event: Result<web_sys::Event, JsValue> = match detail {
            Some(d) => {
                let init = web_sys::CustomEventInit::new();
                init.set_detail(d);
                web_sys::CustomEvent::new_with_event_init_dict(kind, &init).map(Into::into)
            }
            None => web_sys::Event::new(kind),
        };
        if let Ok(e) = event {
            let _ = target
                .unchecked_ref::<web_sys::EventTarget>()
                .dispatch_event(&e);
        }
    }
}

/// The guard's browser layer, one per `createGuard`. Internal: pkg/src/guard.js's `Guard`
/// class is the public face and calls these methods.
#[wasm_bindgen]
pub struct Net {
    st: Rc<State>,
}

fn text(v: &JsValue) -> Result<JsString, JsValue> {
    js::coerce(v)
}

#[wasm_bindgen]
impl Net {
    /// Checks `options`, builds the core and the browser layer. `target` is the user's guard
    /// object (events go there), `env` the DOM parts or null, `gazetteer` the name list or
    /// undefined, `glue` the thin entry's classes and shims.
    #[wasm_bindgen(constructor)]
    pub fn new(
        target: Object,
        options: JsValue,
        env: JsValue,
        gazetteer: JsValue,
        glue: Glue,
    ) -> Result<Net, JsValue> {
        js::set_glue(&glue);
        task::hook_panics();
        let settings = options::parse(&glue, &options, &env)?;
        let names = gazetteer
            .dyn_ref::<js_sys::Uint8Array>()
            .map(|b| b.to_vec());
        let inner = crate::wasm::Guard::new(
            &settings.policy,
            settings.core_options.clone(),
            &js::random(32)?.to_vec(),
            &settings.receipt_key.to_vec(),
            names,
        )
        .map_err(|e| errors::from_core(&glue, e))?;
        let retention = inner.receipt_retention_days();
        let policy_allows = inner.allow_send_as_typed();
        // Every call into the core goes through the poison check from here on.
        let core: Core = glue.wrap(&JsValue::from(inner)).unchecked_into();
        let strings = match js::get(&env, "strings") {
            f if f.is_function() => {
                f.unchecked_ref::<Function>()
                    .call2(&env, &settings.locale, &settings.strings)?
            }
            _ => JsValue::NULL,
        };
        let allow_as_typed = settings.allow_as_typed && policy_allows;
        let net = Net {
            st: Rc::new(State {
                glue,
                keeps: js::get(&core, "keepsOriginals").unchecked_into(),
                core,
                target: js_sys::WeakRef::new(&target),
                env,
                strings,
                settings,
                allow_as_typed,
                policy_retention_days: retention,
                gazetteer: if gazetteer.is_undefined() {
                    JsValue::NULL
                } else {
                    gazetteer
                },
                choices: RefCell::default(),
                last_receipt: RefCell::new(JsValue::NULL),
                last_receipts: RefCell::new(js_sys::Array::new().into()),
                attached: RefCell::default(),
                attach_seq: Cell::new(0),
                uninstall: RefCell::default(),
                queue: RefCell::new(Promise::resolve(&JsValue::UNDEFINED)),
                worker: RefCell::default(),
                worker_seq: Cell::new(0),
                pending: RefCell::default(),
                disposed: Cell::new(false),
                sent: RefCell::default(),
                bypass_warned: Cell::new(false),
                restoring: js_sys::WeakSet::new(),
            }),
        };
        net.st.load_vault()?;
        Ok(net)
    }

    /// The core (behind the poison check).
    #[wasm_bindgen(getter)]
    pub fn core(&self) -> JsValue {
        self.st.core.clone()
    }

    /// The resolved strings (dialog and popover), or null without a browser.
    #[wasm_bindgen(getter)]
    pub fn strings(&self) -> JsValue {
        self.st.strings.clone()
    }

    /// The policy's id, as recorded in receipts.
    #[wasm_bindgen(getter, js_name = policyId)]
    pub fn policy_id(&self) -> JsValue {
        js::get(&self.st.core, "policyId")
    }

    /// False when the name list could not be loaded.
    #[wasm_bindgen(getter, js_name = namesAvailable)]
    pub fn names_available(&self) -> JsValue {
        js::get(&self.st.core, "namesAvailable")
    }

    /// Whether "Send as typed" is offered.
    #[wasm_bindgen(getter, js_name = allowAsTyped)]
    pub fn allow_as_typed(&self) -> bool {
        self.st.allow_as_typed
    }

    /// The last receipt issued.
    #[wasm_bindgen(getter, js_name = lastReceipt)]
    pub fn last_receipt(&self) -> JsValue {
        self.st.last_receipt.borrow().clone()
    }

    /// The receipts of the last request.
    #[wasm_bindgen(getter, js_name = lastReceipts)]
    pub fn last_receipts(&self) -> JsValue {
        self.st.last_receipts.borrow().clone()
    }

    /// True after `dispose()`.
    #[wasm_bindgen(getter)]
    pub fn disposed(&self) -> bool {
        self.st.disposed.get()
    }

    /// The scanning worker: undefined before one is needed, null once it is gone.
    #[wasm_bindgen(getter, js_name = _worker)]
    pub fn worker(&self) -> JsValue {
        self.st.worker_js()
    }

    /// Findings with the policy's action and whether each needs a decision.
    pub fn scan(&self, t: JsValue) -> Result<JsValue, JsValue> {
        // Expired "always allow" answers no longer show as allowed.
        self.st.core.expire(js::now())?;
        self.st.core.scan(&text(&t)?)
    }

    /// Like scan; long texts are scanned in the worker.
    #[wasm_bindgen(js_name = scanAsync)]
    pub fn scan_async(&self, t: JsValue) -> Promise {
        let st = Rc::clone(&self.st);
        task::spawn(None, async move { st.scan_async(text(&t)?).await })
    }

    /// Applies the policy with nobody to ask; records a receipt.
    pub fn redact(&self, t: JsValue) -> Result<JsValue, JsValue> {
        let t = text(&t)?;
        let out = self
            .st
            .core
            .redact(&t, js::now(), &js::random(16)?)
            .map_err(|e| errors::from_core(&self.st.glue, e))?;
        self.st.save_vault();
        Ok(out)
    }

    /// Same as redact.
    pub fn pseudonymize(&self, t: JsValue) -> Result<JsValue, JsValue> {
        self.redact(t)
    }

    /// Puts original values back (expired ones are gone first).
    pub fn restore(&self, t: JsValue) -> Result<JsValue, JsValue> {
        self.st.core.expire(js::now())?;
        self.st.core.restore(&text(&t)?)
    }

    /// Restores every string of a JSON text; undefined when it is not JSON.
    #[wasm_bindgen(js_name = restoreJson)]
    pub fn restore_json(&self, t: JsValue) -> Result<JsValue, JsValue> {
        self.st.core.expire(js::now())?;
        self.st.core.restore_json(&text(&t)?)
    }

    /// Records a per-finding choice: "redact", "allow-once" or "always-allow".
    pub fn choose(
        &self,
        finding: JsValue,
        value: JsValue,
        decision: JsValue,
    ) -> Result<(), JsValue> {
        let st = &self.st;
        let entity = js::get(&finding, "entity");
        let key = choice_key(&entity, &value);
        let choice = decision
            .as_string()
            .and_then(|d| crate::PerFinding::from_id(&d));
        match choice {
            Some(crate::PerFinding::AlwaysAllow) => {
                let value = text(&value)?;
                if !st.core.always_allow(&entity, &value, js::now())? {
                    let e = js::coerce(&entity).map(String::from).unwrap_or_default();
                    return Err(errors::config(
                        &st.glue,
                        &format!("the policy does not let {e} values be sent as typed"),
                    ));
                }
                st.allowed_to_worker()?;
                st.choices.borrow_mut().retain(|(k, _)| *k != key);
            }
            Some(crate::PerFinding::AllowOnce) if !st.allow_as_typed => {
                return Err(errors::config(
                    &st.glue,
                    "the policy does not let values be sent as typed",
                ))
            }
            Some(c @ (crate::PerFinding::Redact | crate::PerFinding::AllowOnce)) => {
                let mut choices = st.choices.borrow_mut();
                choices.retain(|(k, _)| *k != key);
                choices.push((key, c));
            }
            None => {
                return Err(errors::config(
                    &st.glue,
                    &format!("unknown decision {}", js::quote(&decision)),
                ))
            }
        }
        st.emit("change", None);
        Ok(())
    }

    /// The highlight choice for a finding, if any.
    #[wasm_bindgen(js_name = choiceFor)]
    pub fn choice_for(&self, finding: JsValue, value: JsValue) -> JsValue {
        self.st
            .choice_for(&finding, &value)
            .map_or(JsValue::NULL, |c| JsValue::from_str(c.id()))
    }

    /// Forgets always-allow answers and highlight choices.
    #[wasm_bindgen(js_name = resetChoices)]
    pub fn reset_choices(&self) -> Result<(), JsValue> {
        let st = &self.st;
        st.core.reset_allowed()?;
        st.choices.borrow_mut().clear();
        st.allowed_to_worker()?;
        st.emit("change", None);
        Ok(())
    }

    /// Forgets one value's placeholders (right to erasure), in storage too.
    pub fn forget(&self, value: JsValue) -> Result<JsValue, JsValue> {
        let n = self.st.core.forget(&text(&value)?)?;
        self.st.save_vault();
        Ok(n)
    }

    /// Starts live highlighting (needs a browser).
    pub fn attach(&self, element: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let st = &self.st;
        let attach = js::get(&st.env, "attach");
        if !attach.is_function() {
            return Err(errors::config(&st.glue, "attach() needs a browser"));
        }
        let Some(target) = st.target.deref() else {
            return Err(errors::config(&st.glue, "the guard is gone"));
        };
        let opts = Object::assign(
            &js::obj(&[("debounce", &st.settings.debounce)]),
            options.unchecked_ref(),
        );
        let ctl = attach
            .unchecked_ref::<Function>()
            .call3(&st.env, &target, &element, &opts)?;
        let id = st.attach_seq.get() + 1;
        st.attach_seq.set(id);
        st.attached.borrow_mut().push((id, ctl.clone()));
        let detach = js::get(&ctl, "detach");
        let me = Rc::downgrade(st);
        let wrapped =
            wasm_bindgen::closure::Closure::<dyn FnMut() -> Result<JsValue, JsValue>>::new(
                move || {
                    if let Some(st) = me.upgrade() {
                        st.attached.borrow_mut().retain(|(i, _)| *i != id);
                    }
                    match detach.dyn_ref::<Function>() {
                        Some(f) => f.call0(&JsValue::UNDEFINED),
                        None => Ok(JsValue::UNDEFINED),
                    }
                },
            );
        js::set(&ctl, "detach", &wrapped.into_js_value())?;
        Ok(ctl)
    }

    /// Asks the user about the personal data in `text` (when there is any to ask about).
    #[wasm_bindgen(js_name = requestConsent)]
    pub fn request_consent(&self, t: JsValue, options: JsValue) -> Promise {
        let st = Rc::clone(&self.st);
        let focus = match js::get(&options, "returnFocus") {
            f if f.is_undefined() => js::active_element(),
            f => f,
        };
        task::spawn(
            None,
            async move { st.request_consent(text(&t)?, focus).await },
        )
    }

    /// Checks an outgoing request body; resolves with the body to send.
    #[wasm_bindgen(js_name = guardBody)]
    pub fn guard_body(&self, body: JsValue, options: JsValue) -> Promise {
        let st = Rc::clone(&self.st);
        let focus = match js::get(&options, "returnFocus") {
            f if f.is_undefined() => JsValue::NULL,
            f => f,
        };
        let purpose = js::get(&options, "purpose");
        let conversation = js::get(&options, "conversation");
        task::spawn(Some("the request body could not be checked"), async move {
            let body = text(&body).map_err(|e| {
                errors::as_blocked(
                    &st.glue,
                    e,
                    errors::Reason::BodyType,
                    "the request body could not be read",
                )
            })?;
            let purpose = if purpose.is_undefined() {
                "request".into()
            } else {
                text(&purpose)?
            };
            let conversation = match conversation {
                c if c.is_undefined() || c.is_null() => JsValue::UNDEFINED,
                c => text(&c)?.into(),
            };
            st.guard_body(body, focus, purpose, conversation).await
        })
    }

    /// Stored receipts, oldest first, expired ones dropped.
    pub fn receipts(&self) -> Result<JsValue, JsValue> {
        self.st.load_receipts().map(Into::into)
    }

    /// True when requests to `url` are guarded.
    pub fn matches(&self, url: JsValue) -> Result<bool, JsValue> {
        self.st.glue.matches(&self.st.settings.endpoints, &url)
    }

    /// A fetch that guards the configured endpoints and restores their responses.
    #[wasm_bindgen(js_name = guardFetch)]
    pub fn guard_fetch(&self, fetch_impl: JsValue) -> Result<Function, JsValue> {
        self.st.guard_fetch(fetch_impl)
    }

    /// Restores placeholders in a response.
    #[wasm_bindgen(js_name = restoreResponse)]
    pub fn restore_response(&self, res: JsValue) -> Promise {
        let st = Rc::clone(&self.st);
        task::spawn(None, st.restore_response(res))
    }

    /// The replacement for one hooked function (installPending switches to these).
    pub fn hook(&self, kind: &str, original: Function) -> Result<Function, JsValue> {
        self.st.hook(kind, original)
    }

    /// The `message` and `close` listeners (`{ message, close }`) that restore what `target`
    /// delivers when it is a socket to a guarded endpoint or a Realtime data channel made
    /// before the engine ran: installPending added its own listeners then, first, and they
    /// call these; `undefined` for anything else.
    #[wasm_bindgen(js_name = restoreMessages)]
    pub fn restore_messages_of(&self, target: JsValue) -> Result<JsValue, JsValue> {
        self.st.adopt(&target)
    }

    /// Hooks fetch, XMLHttpRequest, sendBeacon, WebSocket and form posts, also in the
    /// same-origin frames the page reaches; returns the undo function.
    pub fn install(&self) -> Result<Function, JsValue> {
        if let Some(f) = &*self.st.uninstall.borrow() {
            return Ok(f.clone());
        }
        let scope: JsValue = js::global().into();
        let undo = self.st.install_into(&scope)?;
        let frames = self.st.hook_frames(&scope)?;
        let watch = self.st.watch_bypass(&scope);
        let me = Rc::downgrade(&self.st);
        let f: Function = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            for f in [&frames, &watch].into_iter().flatten() {
                let _ = f.call0(&JsValue::UNDEFINED);
            }
            let _ = undo.call0(&JsValue::UNDEFINED);
            if let Some(st) = me.upgrade() {
                st.uninstall.replace(None);
            }
        })
        .into_js_value()
        .unchecked_into();
        self.st.uninstall.replace(Some(f.clone()));
        Ok(f)
    }

    /// Hooks form posts and same-origin frames and watches for requests that go around the
    /// guard (what installPending's own hooks leave out); returns the undo function.
    #[wasm_bindgen(js_name = installExtras)]
    pub fn install_extras(&self) -> Result<Function, JsValue> {
        self.st.install_extras(&js::global().into())
    }

    /// Answers the consent questions of the application's own `worker` that runs
    /// `installWorkerGuard` (pii-airlock/worker-guard) as this guard's own; returns the
    /// function that stops.
    #[wasm_bindgen(js_name = serveWorker)]
    pub fn serve_worker(&self, worker: JsValue) -> Result<Function, JsValue> {
        self.st.serve_worker(&worker)
    }

    /// Unhooks, stops highlighting and the worker, frees the engine.
    pub fn dispose(&self) {
        let st = &self.st;
        if st.disposed.replace(true) {
            return;
        }
        let undo = st.uninstall.borrow().clone();
        if let Some(f) = undo {
            let _ = f.call0(&JsValue::UNDEFINED);
        }
        let attached: Vec<JsValue> = st
            .attached
            .borrow()
            .iter()
            .map(|(_, c)| c.clone())
            .collect();
        for c in attached {
            let _ = js::call_method(&c, "detach", &[]);
        }
        st.stop_worker();
        let _ = js::call_method(&st.core, "free", &[]);
    }
}
