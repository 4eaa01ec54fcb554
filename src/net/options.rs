//! `createGuard` options: checked here, so a misspelt option or preset is an error that names
//! it instead of a silent default.

use super::errors;
use super::js::{self, Glue};
use js_sys::{Function, Object, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Every `createGuard` option: `GuardOptions` in pkg/index.d.ts lists exactly these
/// (tests/ts_types.rs).
const KNOWN: &[&str] = &[
    "policy",
    "endpoints",
    "locale",
    "strings",
    "consent",
    "allowAsTyped",
    "openai",
    "paths",
    "restore",
    "worker",
    "wasm",
    "gazetteer",
    "debounce",
    "receipts",
    "receiptKey",
    "vault",
    "conversationOf",
    "onBypass",
    "elsewhere",
];
/// Options that are the core's settings: request bodies and restore (passed on to it and to
/// the worker).
const CORE: &[&str] = &["openai", "paths", "restore"];
/// Engine settings people try as options; they are policy fields.
const POLICY_FIELDS: &[&str] = &["countries", "minScore", "disabledRules"];
/// Texts from this length (UTF-16 units) are scanned in a worker unless told otherwise.
const WORKER_THRESHOLD: f64 = 50_000.0;

/// How findings that need a decision are settled.
pub enum ConsentMode {
    /// The browser's consent dialog (`env.showConsentDialog`).
    Dialog,
    /// No question: they become placeholders.
    Redact,
    /// Refuse any request with such findings.
    Block,
    /// The application's function decides.
    Ask(Function),
}

/// Which requests to endpoints the guard does not check have kept originals masked
/// (`elsewhere` option; src/net/elsewhere.rs).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Elsewhere {
    /// Requests to other origins than the page's (the default): analytics, session replay,
    /// error reporting — third parties.
    CrossOrigin,
    /// Every request, the page's own backend too.
    All,
    /// None.
    Off,
}

/// Where receipts are stored, and for how long at most.
pub struct StoreOptions {
    /// `Storage`-like: `getItem`, `setItem`.
    pub storage: JsValue,
    /// The storage key.
    pub key: String,
    /// The application's retention in days, if it gave one (the policy's applies too).
    pub days: Option<f64>,
}

/// Where the encrypted vault is kept across reloads (`vault` option).
pub struct VaultStore {
    /// `Storage`-like: `getItem`, `setItem`, `removeItem`.
    pub storage: JsValue,
    /// The storage key.
    pub key: String,
    /// The AES-256-GCM key (32 bytes), held by the application.
    pub secret: Uint8Array,
}

/// Checked options.
pub struct Settings {
    /// A preset name or the policy document as JSON text.
    pub policy: String,
    /// `{ openai, paths }` as given.
    pub core_options: JsValue,
    /// Endpoint list for the matcher.
    pub endpoints: JsValue,
    /// How findings are settled.
    pub consent: ConsentMode,
    /// The application permits "send as typed" (the policy must too).
    pub allow_as_typed: bool,
    /// Worker threshold (infinite: never).
    pub worker_threshold: f64,
    /// Stored receipts.
    pub receipts: Option<StoreOptions>,
    /// The receipts' HMAC key.
    pub receipt_key: Uint8Array,
    /// The persisted vault, if any.
    pub vault: Option<VaultStore>,
    /// For `env.strings`.
    pub locale: JsValue,
    /// For `env.strings`.
    pub strings: JsValue,
    /// For `env.attach`.
    pub debounce: JsValue,
    /// The conversation of a request that names none with the header (beacons, sockets):
    /// `(url: URL) => string | undefined`.
    pub conversation_of: Option<Function>,
    /// Called with `{ url, initiatorType }` for a request that went around the guard.
    pub on_bypass: Option<Function>,
    /// Where kept originals are masked in requests the guard does not check.
    pub elsewhere: Elsewhere,
}

fn bad(glue: &Glue, message: &str) -> JsValue {
    errors::config(glue, message)
}

/// Checks `options` (an object, known keys only) and reads them.
pub fn parse(glue: &Glue, options: &JsValue, env: &JsValue) -> Result<Settings, JsValue> {
    let options = if options.is_undefined() {
        Object::new().into()
    } else {
        options.clone()
    };
    if !options.is_object() || options.is_function() {
        return Err(bad(glue, "options must be an object"));
    }
    for key in Object::keys(options.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !KNOWN.contains(&key.as_str()) {
            let hint = if POLICY_FIELDS.contains(&key.as_str()) {
                format!("; `{key}` is a policy field: {{ policy: {{ version: 1, extends: 'gdpr', {key}: ... }} }}")
            } else {
                String::new()
            };
            return Err(bad(
                glue,
                &format!("unknown option `{key}` (known: {}){hint}", KNOWN.join(", ")),
            ));
        }
    }
    let get = |k: &str| js::get(&options, k);
    let policy = policy_text(glue, &get("policy"))?;
    let consent = match get("consent") {
        v if v.is_undefined() => {
            if js::truthy(&js::get(env, "showConsentDialog")) {
                ConsentMode::Dialog
            } else {
                ConsentMode::Redact
            }
        }
        v if v.is_function() => ConsentMode::Ask(v.unchecked_into()),
        v => match v.as_string().as_deref() {
            Some("dialog") => ConsentMode::Dialog,
            Some("redact") => ConsentMode::Redact,
            Some("block") => ConsentMode::Block,
            _ => {
                return Err(bad(
                    glue,
                    "consent must be \"dialog\", \"redact\", \"block\" or a function",
                ))
            }
        },
    };
    let receipts = match get("receipts") {
        r if r.is_undefined() => None,
        r => Some(store_options(glue, &r)?),
    };
    let receipt_key = match get("receiptKey") {
        k if k.is_undefined() => js::random(32)?,
        k => key_bytes(glue, &k)?,
    };
    let core_options = Object::new();
    for k in CORE {
        let v = get(k);
        if !v.is_undefined() {
            js::set(&core_options, k, &v)?;
        }
    }
    let endpoints = match get("endpoints") {
        e if e.is_undefined() || e.is_null() => glue.endpoints(),
        e => e,
    };
    let worker = get("worker");
    let worker_threshold = if worker == JsValue::FALSE {
        f64::INFINITY
    } else {
        match js::get(&worker, "threshold").as_f64() {
            Some(t) if worker.is_object() && t != 0.0 && !t.is_nan() => t,
            _ => WORKER_THRESHOLD,
        }
    };
    let vault = match get("vault") {
        v if v.is_undefined() => None,
        v => Some(vault_store(glue, &v)?),
    };
    let allow = get("allowAsTyped");
    let function = |k: &str| match get(k) {
        v if v.is_undefined() || v.is_null() => Ok(None),
        v if v.is_function() => Ok(Some(v.unchecked_into::<Function>())),
        _ => Err(bad(glue, &format!("{k} must be a function"))),
    };
    let conversation_of = function("conversationOf")?;
    let on_bypass = function("onBypass")?;
    let elsewhere = match get("elsewhere") {
        v if v.is_undefined() => Elsewhere::CrossOrigin,
        v => match v.as_string().as_deref() {
            Some("cross-origin") => Elsewhere::CrossOrigin,
            Some("all") => Elsewhere::All,
            Some("off") => Elsewhere::Off,
            _ => {
                return Err(bad(
                    glue,
                    "elsewhere must be \"cross-origin\", \"all\" or \"off\"",
                ))
            }
        },
    };
    Ok(Settings {
        policy,
        core_options: core_options.into(),
        endpoints,
        consent,
        allow_as_typed: allow.is_undefined() || allow.is_null() || js::truthy(&allow),
        worker_threshold,
        receipts,
        receipt_key,
        vault,
        locale: get("locale"),
        strings: get("strings"),
        debounce: get("debounce"),
        conversation_of,
        on_bypass,
        elsewhere,
    })
}

/// The policy as the core reads it: a preset name, or the document as JSON text.
fn policy_text(glue: &Glue, policy: &JsValue) -> Result<String, JsValue> {
    if policy.is_undefined() {
        return Ok("gdpr".into());
    }
    if let Some(name) = policy.as_string() {
        if crate::PRESETS.iter().any(|(n, _)| *n == name) {
            return Ok(name);
        }
        let names: Vec<&str> = crate::PRESETS.iter().map(|(n, _)| *n).collect();
        return Err(bad(
            glue,
            &format!(
                "policy: unknown preset {} (expected one of {}, or a policy object)",
                js::quote(policy),
                names.join(", ")
            ),
        ));
    }
    if !policy.is_object() || policy.is_function() || js_sys::Array::is_array(policy) {
        return Err(bad(glue, "policy must be a preset name or a policy object"));
    }
    match js_sys::JSON::stringify(policy) {
        Ok(s) => Ok(String::from(s)),
        Err(e) => Err(bad(
            glue,
            &format!("policy is not JSON-serialisable ({})", errors::message(&e)),
        )),
    }
}

fn store_options(glue: &Glue, r: &JsValue) -> Result<StoreOptions, JsValue> {
    const WANT: &str =
        "receipts needs { retentionDays: number > 0 } (or no retentionDays: the policy's)";
    if !r.is_object() {
        return Err(bad(glue, WANT));
    }
    let days = js::get(r, "retentionDays");
    let days = if days.is_undefined() {
        None
    } else {
        match days.as_f64() {
            Some(d) if d > 0.0 => Some(d),
            _ => return Err(bad(glue, WANT)),
        }
    };
    let storage = match js::get(r, "storage") {
        s if s.is_undefined() || s.is_null() => js::get(&js::global(), "localStorage"),
        s => s,
    };
    let key = js::get(r, "storageKey")
        .as_string()
        .unwrap_or_else(|| "pii-airlock:receipts".into());
    Ok(StoreOptions { storage, key, days })
}

fn vault_store(glue: &Glue, v: &JsValue) -> Result<VaultStore, JsValue> {
    const WANT: &str =
        "vault needs { key: 32 bytes (Uint8Array or ArrayBuffer), storage?, storageKey? }";
    if !v.is_object() {
        return Err(bad(glue, WANT));
    }
    let secret = match js::get(v, "key") {
        k if k.is_instance_of::<js_sys::ArrayBuffer>() => Uint8Array::new(&k),
        k if js_sys::ArrayBuffer::is_view(&k) => view_bytes(&k),
        _ => return Err(bad(glue, WANT)),
    };
    if secret.length() != 32 {
        return Err(bad(glue, WANT));
    }
    let storage = match js::get(v, "storage") {
        s if s.is_undefined() || s.is_null() => js::get(&js::global(), "localStorage"),
        s => s,
    };
    if !js::get(&storage, "getItem").is_function() {
        return Err(bad(
            glue,
            "vault.storage must be a Storage (getItem, setItem)",
        ));
    }
    let key = js::get(v, "storageKey")
        .as_string()
        .unwrap_or_else(|| "pii-airlock:vault".into());
    Ok(VaultStore {
        storage,
        key,
        secret: Uint8Array::new(&secret.slice(0, 32)),
    })
}

fn key_bytes(glue: &Glue, k: &JsValue) -> Result<Uint8Array, JsValue> {
    if let Some(s) = k.as_string() {
        return Ok(Uint8Array::from(s.as_bytes()));
    }
    if k.is_instance_of::<js_sys::ArrayBuffer>() {
        return Ok(Uint8Array::new(k));
    }
    if js_sys::ArrayBuffer::is_view(k) {
        return Ok(view_bytes(k));
    }
    Err(bad(
        glue,
        "receiptKey must be a string, an ArrayBuffer or a typed array",
    ))
}

/// The bytes an `ArrayBufferView` looks at (no copy).
pub fn view_bytes(v: &JsValue) -> Uint8Array {
    let buffer = js::get(v, "buffer");
    let offset = js::get(v, "byteOffset").as_f64().unwrap_or(0.0) as u32;
    let length = js::get(v, "byteLength").as_f64().unwrap_or(0.0) as u32;
    Uint8Array::new_with_byte_offset_and_length(&buffer, offset, length)
}
