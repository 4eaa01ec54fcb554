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

// ---------------------------------------------------------------------------------------------
// The browser guard (issue #7): one object per page or conversation that plans, applies the
// user's decisions, rewrites request bodies and restores responses. The decision logic lives
// in the core (`guard_actions`, `payload`, `response`); this is only the JS edge.
// ---------------------------------------------------------------------------------------------

use crate::guard_actions::{apply_decisions, ActionModel, Decision, Outcome, Planned, Receipt};
use crate::{restore_json, PayloadOptions, RequestBody, SseRestorer};

#[wasm_bindgen(typescript_custom_section)]
const TS_GUARD_TYPES: &'static str = r#"
/** What the guard does with a finding before asking: "ask" (default) or "allow". */
export type FindingAction = "allow" | "ask";
/** A user's answer for one finding. */
export type FindingDecision = "redact" | "allow-once" | "always-allow";
/** A finding plus the action the guard assigns to it. */
export interface PlannedFinding extends Finding {
  action: FindingAction;
}
/** One piece of user text in a request body. */
export interface PreparedField {
  /** Readable path, e.g. "messages[1].content[0].text". */
  path: string;
  text: string;
  findings: PlannedFinding[];
}
/** One line of a consent receipt: the entity type and what was done, never the value. */
export interface ReceiptItem {
  entity: string;
  /** null: allowed without asking. */
  decision: FindingDecision | null;
}
export interface Receipt {
  items: ReceiptItem[];
}
/** Options of the guard core. */
export interface GuardCoreOptions extends EngineOptions {
  /** Look at OpenAI request fields (default true). */
  openai?: boolean;
  /** Extra JSON paths of user text, e.g. "documents.*.text". */
  paths?: string[];
}
"#;

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsGuardOptions {
    countries: Option<Vec<String>>,
    min_score: Option<f32>,
    #[serde(default)]
    disabled_rules: Vec<String>,
    openai: Option<bool>,
    #[serde(default)]
    paths: Vec<String>,
}

#[derive(Serialize)]
struct JsPlanned<'a> {
    #[serde(flatten)]
    finding: JsFinding<'a>,
    action: crate::guard_actions::Action,
}

#[derive(Serialize)]
struct JsField<'a> {
    path: &'a str,
    text: &'a str,
    findings: Vec<JsPlanned<'a>>,
}

#[derive(Serialize)]
struct JsCommitted<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    changed: bool,
    receipt: &'a Receipt,
}

fn ser<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error("PiiAirlockError", &format!("could not return a value: {e}")))
}

fn planned_to_js<'a>(text: &str, planned: &'a [Planned]) -> Vec<JsPlanned<'a>> {
    let mut utf16: Vec<crate::Finding> = planned.iter().map(|p| p.finding.clone()).collect();
    convert_offsets(text, &mut utf16, OffsetUnit::Utf16);
    planned
        .iter()
        .zip(utf16)
        .map(|(p, u)| JsPlanned {
            finding: JsFinding {
                start: u.start,
                end: u.end,
                entity: &p.finding.entity,
                score: p.finding.score,
                rule: &p.finding.rule,
                check: p.finding.reason.check,
                context: p.finding.reason.context.as_deref(),
            },
            action: p.action,
        })
        .collect()
}

fn payload_error(e: crate::PayloadError) -> JsValue {
    js_error("PiiAirlockPayloadError", &e.to_string())
}

/// Reads the user's per-finding choices: `choices[field][finding]` is a decision or null.
fn read_choices(choices: JsValue) -> Result<Vec<Vec<Option<Decision>>>, JsValue> {
    if choices.is_undefined() || choices.is_null() {
        return Ok(Vec::new());
    }
    let raw: Vec<Vec<Option<String>>> = serde_wasm_bindgen::from_value(choices)
        .map_err(|e| js_error("PiiAirlockConfigError", &format!("bad choices: {e}")))?;
    raw.into_iter()
        .map(|field| {
            field
                .into_iter()
                .map(|c| {
                    c.map(|s| s.parse::<Decision>())
                        .transpose()
                        .map_err(|e| js_error("PiiAirlockConfigError", &e.to_string()))
                })
                .collect()
        })
        .collect()
}

/// The guard core: engine, vault, "always allow" answers and request-body options.
#[wasm_bindgen]
pub struct Guard {
    engine: Engine,
    vault: Vault,
    actions: ActionModel,
    payload: PayloadOptions,
}

/// Applies `outcome` and `choices` to each text; returns the new texts and the receipt.
fn commit_texts(
    engine: &Engine,
    vault: &mut Vault,
    actions: &mut ActionModel,
    texts: &[&str],
    outcome: Outcome,
    choices: &[Vec<Option<Decision>>],
) -> Result<(Vec<String>, Receipt), JsValue> {
    let mut receipt = Receipt::default();
    let mut out = Vec::with_capacity(texts.len());
    for (i, text) in texts.iter().enumerate() {
        let planned = actions.plan(engine, text);
        let field_choices = choices.get(i);
        if field_choices.is_some_and(|c| c.len() != planned.len()) {
            return Err(js_error(
                "PiiAirlockConfigError",
                "choices do not match the findings (the text changed since it was scanned?)",
            ));
        }
        let decisions: Vec<Decision> = (0..planned.len())
            .map(|k| ActionModel::decide(outcome, field_choices.and_then(|c| c[k])))
            .collect();
        let new = apply_decisions(text, &planned, &decisions, vault, actions, &mut receipt)
            .ok_or_else(|| js_error("PiiAirlockError", "could not apply the decisions"))?;
        out.push(new);
    }
    Ok((out, receipt))
}

fn parse_outcome(outcome: &str) -> Result<Outcome, JsValue> {
    outcome
        .parse()
        .map_err(|e: crate::Error| js_error("PiiAirlockConfigError", &e.to_string()))
}

#[wasm_bindgen]
impl Guard {
    /// Builds the guard core. Throws `PiiAirlockConfigError` on unknown options.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "GuardCoreOptions | undefined")] options: JsValue,
    ) -> Result<Guard, JsValue> {
        let opts: JsGuardOptions = if options.is_undefined() || options.is_null() {
            JsGuardOptions::default()
        } else {
            reject_unknown_keys(
                &options,
                &["countries", "minScore", "disabledRules", "openai", "paths"],
            )?;
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
        Ok(Guard {
            engine,
            vault: Vault::new(),
            actions: ActionModel::new(),
            payload: PayloadOptions {
                openai: opts.openai.unwrap_or(true),
                paths: opts.paths,
            },
        })
    }

    /// Findings with their actions; offsets are UTF-16 indices into `text`.
    #[wasm_bindgen(unchecked_return_type = "PlannedFinding[]")]
    pub fn scan(&self, text: &str) -> Result<JsValue, JsValue> {
        let planned = self.actions.plan(&self.engine, text);
        ser(&planned_to_js(text, &planned))
    }

    /// Replaces every finding the user has not always-allowed with its placeholder.
    pub fn redact(&mut self, text: &str) -> Result<String, JsValue> {
        let (mut out, _) = commit_texts(
            &self.engine,
            &mut self.vault,
            &mut self.actions,
            &[text],
            Outcome::Redacted,
            &[],
        )?;
        Ok(out.pop().unwrap_or_default())
    }

    /// Puts originals back into a text holding this guard's placeholders.
    pub fn restore(&self, text: &str) -> String {
        self.vault.restore(text)
    }

    /// Restores every string of a JSON body; `undefined` when the body is not JSON.
    #[wasm_bindgen(js_name = restoreJson)]
    pub fn restore_json(&self, body: &str) -> Option<String> {
        restore_json(body, &self.vault)
    }

    /// A restorer for plain text arriving in chunks.
    #[wasm_bindgen(js_name = streamRestorer)]
    pub fn stream_restorer(&self) -> Restorer {
        Restorer {
            inner: self.vault.stream_restorer(),
        }
    }

    /// A restorer for a `text/event-stream` body arriving in chunks.
    #[wasm_bindgen(js_name = sseRestorer)]
    pub fn sse_restorer(&self) -> SseStream {
        SseStream {
            inner: SseRestorer::new(&self.vault),
        }
    }

    /// Finds the user-text fields of a request body and plans each. Throws
    /// `PiiAirlockPayloadError` when the body is not JSON or has a shape the guard does not know.
    #[wasm_bindgen(js_name = prepareBody, unchecked_return_type = "PreparedField[]")]
    pub fn prepare_body(&self, body: &str) -> Result<JsValue, JsValue> {
        let req = RequestBody::parse(body, &self.payload).map_err(payload_error)?;
        let plans: Vec<Vec<Planned>> = req
            .fields()
            .iter()
            .map(|f| self.actions.plan(&self.engine, &f.text))
            .collect();
        let fields: Vec<JsField<'_>> = req
            .fields()
            .iter()
            .zip(&plans)
            .map(|(f, p)| JsField {
                path: &f.path,
                text: &f.text,
                findings: planned_to_js(&f.text, p),
            })
            .collect();
        ser(&fields)
    }

    /// Applies a consent outcome ("redacted" or "as-typed") and per-finding choices
    /// (`choices[field][finding]`: a decision or null) to a request body. Returns
    /// `{ body, changed, receipt }`; `body` is the original string when nothing changed.
    #[wasm_bindgen(js_name = commitBody)]
    pub fn commit_body(
        &mut self,
        body: &str,
        outcome: &str,
        #[wasm_bindgen(unchecked_param_type = "(FindingDecision | null)[][] | undefined")]
        choices: JsValue,
    ) -> Result<JsValue, JsValue> {
        let outcome = parse_outcome(outcome)?;
        let choices = read_choices(choices)?;
        let req = RequestBody::parse(body, &self.payload).map_err(payload_error)?;
        if !choices.is_empty() && choices.len() != req.fields().len() {
            return Err(js_error(
                "PiiAirlockConfigError",
                "choices do not match the fields of the body",
            ));
        }
        let texts: Vec<&str> = req.fields().iter().map(|f| f.text.as_str()).collect();
        let (new, receipt) = commit_texts(
            &self.engine,
            &mut self.vault,
            &mut self.actions,
            &texts,
            outcome,
            &choices,
        )?;
        let changed = new.iter().zip(&texts).any(|(a, b)| a != b);
        let out = if changed {
            req.clone().rebuild(&new).map_err(payload_error)?
        } else {
            body.to_string()
        };
        ser(&JsCommitted {
            body: Some(&out),
            text: None,
            changed,
            receipt: &receipt,
        })
    }

    /// What `commitBody` would send for each field, without changing this guard (the vault
    /// and the "always allow" answers of a copy are used): the dialog's preview.
    #[wasm_bindgen(js_name = previewBody)]
    pub fn preview_body(
        &self,
        body: &str,
        outcome: &str,
        #[wasm_bindgen(unchecked_param_type = "(FindingDecision | null)[][] | undefined")]
        choices: JsValue,
    ) -> Result<Vec<String>, JsValue> {
        let outcome = parse_outcome(outcome)?;
        let choices = read_choices(choices)?;
        let req = RequestBody::parse(body, &self.payload).map_err(payload_error)?;
        let texts: Vec<&str> = req.fields().iter().map(|f| f.text.as_str()).collect();
        let mut vault = self.vault.clone();
        let mut actions = self.actions.clone();
        Ok(commit_texts(
            &self.engine,
            &mut vault,
            &mut actions,
            &texts,
            outcome,
            &choices,
        )?
        .0)
    }

    /// What `commitText` would return as text, without changing this guard.
    #[wasm_bindgen(js_name = previewText)]
    pub fn preview_text(
        &self,
        text: &str,
        outcome: &str,
        #[wasm_bindgen(unchecked_param_type = "(FindingDecision | null)[] | undefined")]
        choices: JsValue,
    ) -> Result<String, JsValue> {
        let outcome = parse_outcome(outcome)?;
        let choices = if choices.is_undefined() || choices.is_null() {
            Vec::new()
        } else {
            read_choices(js_sys::Array::of1(&choices).into())?
        };
        let mut vault = self.vault.clone();
        let mut actions = self.actions.clone();
        let (mut out, _) = commit_texts(
            &self.engine,
            &mut vault,
            &mut actions,
            &[text],
            outcome,
            &choices,
        )?;
        Ok(out.pop().unwrap_or_default())
    }

    /// Like `commitBody` for one plain text: returns `{ text, changed, receipt }`.
    #[wasm_bindgen(js_name = commitText)]
    pub fn commit_text(
        &mut self,
        text: &str,
        outcome: &str,
        #[wasm_bindgen(unchecked_param_type = "(FindingDecision | null)[] | undefined")]
        choices: JsValue,
    ) -> Result<JsValue, JsValue> {
        let outcome = parse_outcome(outcome)?;
        let choices = if choices.is_undefined() || choices.is_null() {
            Vec::new()
        } else {
            read_choices(js_sys::Array::of1(&choices).into())?
        };
        let (mut new, receipt) = commit_texts(
            &self.engine,
            &mut self.vault,
            &mut self.actions,
            &[text],
            outcome,
            &choices,
        )?;
        let out = new.pop().unwrap_or_default();
        ser(&JsCommitted {
            body: None,
            text: Some(&out),
            changed: out != text,
            receipt: &receipt,
        })
    }

    /// Stops asking about `value` of type `entity`.
    #[wasm_bindgen(js_name = alwaysAllow)]
    pub fn always_allow(&mut self, entity: &str, value: &str) {
        self.actions.always_allow(&entity.into(), value);
    }

    /// Forgets every "always allow" answer.
    #[wasm_bindgen(js_name = resetAllowed)]
    pub fn reset_allowed(&mut self) {
        self.actions.reset();
    }

    /// Forgets one value's placeholders. Returns how many were removed.
    pub fn forget(&mut self, value: &str) -> usize {
        self.vault.forget(value)
    }

    /// Forgets every placeholder.
    #[wasm_bindgen(js_name = forgetAll)]
    pub fn forget_all(&mut self) {
        self.vault.forget_all();
    }
}

/// Restores a `text/event-stream` body chunk by chunk, across event boundaries.
#[wasm_bindgen]
pub struct SseStream {
    inner: SseRestorer,
}

#[wasm_bindgen]
impl SseStream {
    /// Feeds received text; returns the complete restored events so far.
    pub fn push(&mut self, chunk: &str) -> String {
        self.inner.push(chunk)
    }

    /// Ends the stream; returns what was held back.
    pub fn finish(&mut self) -> String {
        self.inner.finish()
    }
}
