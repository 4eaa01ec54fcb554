//! The package's own error classes, built from Rust: `PiiAirlockBlockedError` (a request was
//! not sent, with a `reason`) and `PiiAirlockConfigError` (bad options). They are JavaScript
//! classes (pkg/src/guard.js) so that `instanceof` works for callers; the core only names its
//! errors, so its errors are mapped here.

use super::js::{self, Glue};
use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Why a request was not sent (`PiiAirlockBlockedError.reason`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Reason {
    /// The user cancelled (or `consent: "block"`).
    Cancelled,
    /// The user chose to edit the message.
    Edit,
    /// The body is not JSON or has a shape the guard does not know.
    Payload,
    /// The engine failed (or is not running).
    Engine,
    /// The body cannot be read as text.
    BodyType,
    /// A synchronous XMLHttpRequest to a guarded endpoint.
    SyncXhr,
    /// Asking for consent failed.
    Consent,
    /// The policy blocks a finding.
    PolicyBlock,
}

impl Reason {
    fn id(self) -> &'static str {
        match self {
            Reason::Cancelled => "cancelled",
            Reason::Edit => "edit",
            Reason::Payload => "payload",
            Reason::Engine => "engine",
            Reason::BodyType => "body-type",
            Reason::SyncXhr => "sync-xhr",
            Reason::Consent => "consent",
            Reason::PolicyBlock => "policy-block",
        }
    }
}

fn construct(ctor: &js_sys::Function, args: &[&JsValue]) -> JsValue {
    let list: Array = args.iter().map(|a| (*a).clone()).collect();
    // The classes are plain Error subclasses: constructing one does not throw. Should it
    // anyway, the thrown value is still an error that stops the request.
    Reflect::construct(ctor, &list).unwrap_or_else(|e| e)
}

/// `new PiiAirlockBlockedError(reason, message, { cause })`.
pub fn blocked(glue: &Glue, reason: Reason, message: &str, cause: Option<&JsValue>) -> JsValue {
    let options = match cause {
        Some(c) => js::obj(&[("cause", c)]).into(),
        None => JsValue::UNDEFINED,
    };
    construct(
        &glue.blocked_error(),
        &[&reason.id().into(), &message.into(), &options],
    )
}

/// `new PiiAirlockConfigError(message)`.
pub fn config(glue: &Glue, message: &str) -> JsValue {
    construct(&glue.config_error(), &[&message.into()])
}

fn is_instance(glue: &Glue, e: &JsValue, blocked_class: bool) -> bool {
    let class = if blocked_class {
        glue.blocked_error()
    } else {
        glue.config_error()
    };
    // `e instanceof class`: the class's prototype is on e's chain.
    js::get(&class, "prototype")
        .dyn_into::<js_sys::Object>()
        .is_ok_and(|p| p.is_prototype_of(e))
}

/// The error's `name`.
pub fn name(e: &JsValue) -> String {
    js::get(e, "name").as_string().unwrap_or_default()
}

/// `e.message ?? e`, as text.
pub fn message(e: &JsValue) -> String {
    let m = js::get(e, "message");
    let v = if m.is_undefined() || m.is_null() {
        e
    } else {
        &m
    };
    js::coerce(v).map(String::from).unwrap_or_default()
}

/// A core error as the package's class: config errors keep their message (and a policy
/// error's `kind` and `path`), a policy block
/// becomes `PiiAirlockBlockedError("policy-block")`; anything else is passed on.
pub fn from_core(glue: &Glue, e: JsValue) -> JsValue {
    match name(&e).as_str() {
        "PiiAirlockConfigError" if !is_instance(glue, &e, false) => {
            let out = config(glue, &message(&e));
            // A policy error's stable kind and field path go with it.
            for key in ["kind", "path"] {
                let v = js::get(&e, key);
                if !v.is_undefined() {
                    let _ = js::set(&out, key, &v);
                }
            }
            out
        }
        "PiiAirlockPolicyBlock" => blocked(
            glue,
            Reason::PolicyBlock,
            &format!("pii-airlock: {}", message(&e)),
            Some(&e),
        ),
        _ => e,
    }
}

/// `e` if it already says why a request was blocked, else a blocked error with `reason`.
pub fn as_blocked(glue: &Glue, e: JsValue, reason: Reason, what: &str) -> JsValue {
    if is_instance(glue, &e, true) {
        return e;
    }
    blocked(
        glue,
        reason,
        &format!("pii-airlock: {what}; the request was not sent"),
        Some(&e),
    )
}
