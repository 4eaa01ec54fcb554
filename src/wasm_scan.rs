//! The scanner module's façade (wasm build with feature `scanner`): what highlighting needs and
//! nothing else. It is the package's small first module (`dist/web/pii_airlock_scan.js`): the
//! engine with the ahead-of-time automaton and the names pass, but no pattern compiler, no
//! policy, consent, vault, receipts, request bodies or browser layer, and no serde. The full
//! module (src/wasm.rs) loads behind it and takes over; until then nothing can be sent, since
//! only the full module filters.
//!
//! One API: `Scanner.scan` returns the same `Finding` objects as the full module's
//! `Airlock.scan` for the same text and options (tests/js/scanner.test.mjs checks it on the
//! benchmark inputs and the pasted-text cases), and its TypeScript types are the full module's.

use crate::{convert_offsets, Engine, EngineOptions, Finding, OffsetUnit};
use js_sys::{Array, Object, Reflect, Uint8Array};
use std::sync::Arc;
use wasm_bindgen::prelude::*;

// The types are declared once, next to the full module's façade (src/wasm.rs); this glue sits
// in a scanner/ folder beside that one's (scripts/build-wasm.sh).
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
import type { Finding, EngineOptions } from '../pii_airlock.js';
export type { Finding, EngineOptions };
"#;

/// Installs the panic hook, as the full module does (location only, never the message). The
/// default build of this module has immediate-abort panics (scripts/build-wasm.sh), which trap
/// without calling a hook; a `PII_SCANNER_STABLE_FLAGS=1` build reports through it.
#[wasm_bindgen(start)]
pub fn start() {
    crate::panic_hook::install();
}

/// The option keys `EngineOptions` has (the full module takes the same ones).
const OPTION_KEYS: &[&str] = &["countries", "minScore", "disabledRules", "gazetteer"];

fn js_error(name: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    e.set_name(name);
    e.into()
}

fn config_error(message: &str) -> JsValue {
    js_error("PiiAirlockConfigError", message)
}

/// A list of strings, or a `PiiAirlockConfigError` naming the option.
fn strings(value: JsValue, option: &str) -> Result<Vec<String>, JsValue> {
    let wrong = || config_error(&["`", option, "` must be an array of strings"].concat());
    if !Array::is_array(&value) {
        return Err(wrong());
    }
    Array::from(&value)
        .iter()
        .map(|v| v.as_string().ok_or_else(wrong))
        .collect()
}

/// `EngineOptions` read without serde: the same keys and checks as the full module.
fn engine_options(options: &JsValue) -> Result<EngineOptions, JsValue> {
    let mut out = EngineOptions::default();
    if options.is_undefined() || options.is_null() {
        return Ok(out);
    }
    if !options.is_object() {
        return Err(config_error("options must be an object"));
    }
    let object: &Object = options.unchecked_ref();
    for key in Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_KEYS.contains(&key.as_str()) {
            return Err(config_error(
                &[
                    "unknown option `",
                    &key,
                    "` (known: ",
                    &OPTION_KEYS.join(", "),
                    ")",
                ]
                .concat(),
            ));
        }
    }
    let get = |key: &str| {
        let v = Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        (!v.is_undefined() && !v.is_null()).then_some(v)
    };
    if let Some(list) = get("gazetteer") {
        let bytes = list
            .dyn_into::<Uint8Array>()
            .map_err(|_| config_error("`gazetteer` must be a Uint8Array"))?;
        let parsed =
            crate::Gazetteer::from_vec(bytes.to_vec()).map_err(|e| config_error(&e.message()))?;
        out.gazetteer = Some(Arc::new(parsed));
    }
    if let Some(c) = get("countries") {
        out.countries = Some(strings(c, "countries")?);
    }
    if let Some(d) = get("disabledRules") {
        out.disabled_rules = strings(d, "disabledRules")?;
    }

    if let Some(s) = get("minScore") {
        out.min_score =
            s.as_f64()
                .ok_or_else(|| config_error("`minScore` must be a number"))? as f32;
    }
    Ok(out)
}

// The same packing as the full module's `Airlock.scan` (src/wasm.rs): one array of numbers plus
// the distinct labels, unpacked into the same objects in the same property order.
#[wasm_bindgen(inline_js = r#"
export function unpackFindings(nums, labels) {
  const names = labels.split('\u0000');
  const out = new Array(nums.length / 6);
  for (let i = 0, j = 0; j < nums.length; i += 1, j += 6) {
    const f = { start: nums[j], end: nums[j + 1], entity: names[nums[j + 2] >>> 16],
      score: nums[j + 3] / 1000, rule: names[nums[j + 2] & 0xffff] };
    if (nums[j + 4] !== 0) f.check = names[nums[j + 4] - 1];
    if (nums[j + 5] !== 0) f.context = names[nums[j + 5] - 1];
    out[i] = f;
  }
  return out;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = unpackFindings)]
    fn unpack_findings(nums: &[u32], labels: &str) -> JsValue;
}

/// Index of `s` among the labels of one call, added when new.
fn label<'a>(labels: &mut Vec<&'a str>, s: &'a str) -> u32 {
    // A handful of distinct labels per scan: a linear search is enough.
    let i = labels.iter().position(|l| *l == s).unwrap_or_else(|| {
        labels.push(s);
        labels.len() - 1
    });
    i as u32
}

fn to_js(findings: &[Finding]) -> Result<JsValue, JsValue> {
    let mut labels = Vec::new();
    let mut nums = Vec::with_capacity(findings.len() * 6);
    let too_long = || js_error("PiiAirlockError", "text too long");
    for f in findings {
        let entity = label(&mut labels, &f.entity);
        let rule = label(&mut labels, &f.rule);
        if entity > 0xffff || rule > 0xffff {
            return Err(js_error("PiiAirlockError", "too many distinct labels"));
        }
        let check = f.reason.check.map_or(0, |c| label(&mut labels, c) + 1);
        let context = f
            .reason
            .context
            .as_deref()
            .map_or(0, |c| label(&mut labels, c) + 1);
        nums.extend([
            u32::try_from(f.start).map_err(|_| too_long())?,
            u32::try_from(f.end).map_err(|_| too_long())?,
            (entity << 16) | rule,
            (f.score * 1000.0).round() as u32,
            check,
            context,
        ]);
    }
    Ok(unpack_findings(&nums, &labels.join("\0")))
}

/// The engine alone: scans text for highlighting. Built by the package's loader from the
/// first module while the full one loads.
#[wasm_bindgen]
pub struct Scanner {
    engine: Engine,
}

#[wasm_bindgen]
impl Scanner {
    /// Builds the engine from the built-in catalog's ahead-of-time automaton. Throws
    /// `PiiAirlockConfigError` on unknown options, countries or rules.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "EngineOptions | undefined")] options: JsValue,
    ) -> Result<Scanner, JsValue> {
        let mut options = engine_options(&options)?;
        // Rules this module leaves to the full module (their validators are not in it:
        // `rules::FULL_MODULE_RULES`).
        let full_only = crate::rules::FULL_MODULE_RULES.iter();
        options
            .disabled_rules
            .extend(full_only.map(|id| String::from(*id)));
        let engine = Engine::new(&options).map_err(|e| config_error(&e.message()))?;
        Ok(Scanner { engine })
    }

    /// Finds personal data and secrets; offsets are UTF-16 indices into `text`. The same
    /// findings as the full module's `Airlock.scan`.
    #[wasm_bindgen(unchecked_return_type = "Finding[]")]
    pub fn scan(&self, text: &str) -> Result<JsValue, JsValue> {
        let mut findings = self.engine.scan(text);
        convert_offsets(text, &mut findings, OffsetUnit::Utf16);
        to_js(&findings)
    }
}
