//! The wasm-bindgen façade: a thin layer over the core. Offsets leave here as UTF-16 code
//! units (JavaScript string indices). Errors become JS `Error`s with a stable `name`; no
//! message contains the scanned text.

use crate::{convert_offsets, Engine, EngineOptions, Finding, OffsetUnit, StreamRestorer, Vault};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** One piece of personal data or secret. Offsets are UTF-16 code units (string indices). */
export interface Finding {
  /** Start index in the scanned string (inclusive). */
  start: number;
  /** End index in the scanned string (exclusive). */
  end: number;
  /** Stable upper-case entity id, e.g. "EMAIL_ADDRESS", "CREDIT_CARD", "SECRET". */
  entity: string;
  /** Confidence in [0, 1]. */
  score: number;
  /** Id of the rule that found it, e.g. "email", "credit-card", "openai-api-key". */
  rule: string;
  /** The check that passed, e.g. "luhn", "mod97". */
  check?: string;
  /** The context word near the value that raised the score. */
  context?: string;
}

/** Options for building an engine. Every field is optional. */
export interface EngineOptions {
  /** ISO 3166 alpha-2 codes or "EU"/"EEA" whose national rules run. Default: all. */
  countries?: string[];
  /** Findings scored below this are dropped. Default 0.5. */
  minScore?: number;
  /** Rule ids to leave out. */
  disabledRules?: string[];
}
"#;

/// Installs the panic hook so a panic shows a stack in the console (without the text).
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsEngineOptions {
    countries: Option<Vec<String>>,
    min_score: Option<f32>,
    #[serde(default)]
    disabled_rules: Vec<String>,
}

#[derive(Serialize)]
struct JsFinding<'a> {
    start: usize,
    end: usize,
    entity: &'a str,
    score: f32,
    rule: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    check: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<&'a str>,
}

fn js_error(name: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    e.set_name(name);
    e.into()
}

fn to_js(findings: &[Finding]) -> Result<JsValue, JsValue> {
    let out: Vec<JsFinding<'_>> = findings
        .iter()
        .map(|f| JsFinding {
            start: f.start,
            end: f.end,
            entity: &f.entity,
            score: f.score,
            rule: &f.rule,
            check: f.reason.check,
            context: f.reason.context.as_deref(),
        })
        .collect();
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    out.serialize(&ser).map_err(|e| {
        js_error(
            "PiiAirlockError",
            &format!("could not return findings: {e}"),
        )
    })
}

/// serde-wasm-bindgen reads only the fields it knows, so a misspelt option would silently
/// fall back to a default; for a privacy filter that must be an error.
fn reject_unknown_keys(value: &JsValue, known: &[&str]) -> Result<(), JsValue> {
    if !value.is_object() {
        return Err(js_error(
            "PiiAirlockConfigError",
            "options must be an object",
        ));
    }
    let object: &js_sys::Object = value.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(js_error(
                "PiiAirlockConfigError",
                &format!("unknown option `{key}` (known: {})", known.join(", ")),
            ));
        }
    }
    Ok(())
}

/// A detector plus the placeholder vault of one conversation.
#[wasm_bindgen]
pub struct Airlock {
    engine: Engine,
    vault: Vault,
}

#[wasm_bindgen]
impl Airlock {
    /// Builds the engine (a few milliseconds; do it once). Throws `PiiAirlockConfigError` on
    /// unknown options, countries or rules.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "EngineOptions | undefined")] options: JsValue,
    ) -> Result<Airlock, JsValue> {
        let opts: JsEngineOptions = if options.is_undefined() || options.is_null() {
            JsEngineOptions::default()
        } else {
            reject_unknown_keys(&options, &["countries", "minScore", "disabledRules"])?;
            serde_wasm_bindgen::from_value(options)
                .map_err(|e| js_error("PiiAirlockConfigError", &e.to_string()))?
        };
        let mut engine_options = EngineOptions {
            countries: opts.countries,
            disabled_rules: opts.disabled_rules,
            ..EngineOptions::default()
        };
        if let Some(s) = opts.min_score {
            engine_options.min_score = s;
        }
        let engine = Engine::new(&engine_options)
            .map_err(|e| js_error("PiiAirlockConfigError", &e.to_string()))?;
        engine.warm_up();
        Ok(Airlock {
            engine,
            vault: Vault::new(),
        })
    }

    /// Finds personal data and secrets; offsets are UTF-16 indices into `text`.
    #[wasm_bindgen(unchecked_return_type = "Finding[]")]
    pub fn scan(&self, text: &str) -> Result<JsValue, JsValue> {
        let mut findings = self.engine.scan(text);
        convert_offsets(text, &mut findings, OffsetUnit::Utf16);
        to_js(&findings)
    }

    /// Replaces every finding with a numbered placeholder (`[EMAIL_ADDRESS_1]`); the same value
    /// gets the same placeholder for the life of this object.
    pub fn redact(&mut self, text: &str) -> String {
        let findings = self.engine.scan(text);
        self.vault.pseudonymize(text, &findings)
    }

    /// Puts the originals back into a text containing this object's placeholders.
    pub fn restore(&self, text: &str) -> String {
        self.vault.restore(text)
    }

    /// A restorer for an answer that arrives in chunks.
    #[wasm_bindgen(js_name = streamRestorer)]
    pub fn stream_restorer(&self) -> Restorer {
        Restorer {
            inner: self.vault.stream_restorer(),
        }
    }

    /// Forgets one value's placeholders (right to erasure). Returns how many were removed.
    pub fn forget(&mut self, value: &str) -> usize {
        self.vault.forget(value)
    }

    /// Forgets every placeholder.
    #[wasm_bindgen(js_name = forgetAll)]
    pub fn forget_all(&mut self) {
        self.vault.forget_all();
    }

    /// Number of values in the vault.
    #[wasm_bindgen(getter, js_name = vaultSize)]
    pub fn vault_size(&self) -> usize {
        self.vault.len()
    }
}

/// Restores a streamed answer chunk by chunk.
#[wasm_bindgen]
pub struct Restorer {
    inner: StreamRestorer,
}

#[wasm_bindgen]
impl Restorer {
    /// Feeds a chunk; returns the restored text that is final so far.
    pub fn push(&mut self, chunk: &str) -> String {
        self.inner.push(chunk)
    }

    /// Ends the stream; returns what was held back.
    pub fn finish(&mut self) -> String {
        self.inner.finish()
    }
}
