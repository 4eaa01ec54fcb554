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
  /**
   * The name and place list (`pii-airlock/gazetteer`, e.g. from `loadGazetteer()`) for
   * PERSON and LOCATION. Without it those come only from cues ("my name is", titles).
   */
  gazetteer?: Uint8Array;
}
"#;

/// Installs the panic hook so a panic shows a stack in the console (without the text).
#[wasm_bindgen(start)]
pub fn start() {
    crate::panic_hook::install();
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsEngineOptions {
    countries: Option<Vec<String>>,
    min_score: Option<f32>,
    #[serde(default)]
    disabled_rules: Vec<String>,
    /// Read as bytes apart from serde (a `Uint8Array`); accepted here so the key is known.
    #[serde(rename = "gazetteer")]
    _gazetteer: Option<serde::de::IgnoredAny>,
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

// Findings cross into JavaScript as one array of numbers plus their distinct labels, and a
// small JS function builds the objects: serialising field by field from Rust costs a call
// across the boundary per field, and on text dense with personal data that was a third of
// the time of a scan (docs/benchmarks.md). Same objects, same property order as before.
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

/// Distinct labels of one call, joined by NUL (which no label contains).
///
/// A finding's entity, rule id, check and context word are the engine's shared strings, so
/// four labels per finding are nearly always pointers seen before: a small cache by address
/// answers those without hashing the text (four SipHash lookups per finding were most of the
/// conversion on dense text). Ids still go by text.
#[derive(Default)]
struct Labels<'a> {
    ids: std::collections::HashMap<&'a str, u32>,
    joined: String,
    seen: [(usize, usize, u32); 32],
}

impl<'a> Labels<'a> {
    fn id(&mut self, s: &'a str) -> u32 {
        let (at, len) = (s.as_ptr() as usize, s.len());
        let slot = (at >> 3) % self.seen.len();
        let (a, l, id) = self.seen[slot];
        if a == at && l == len && at != 0 {
            return id;
        }
        let next = self.ids.len() as u32;
        let id = *self.ids.entry(s).or_insert_with(|| {
            if next > 0 {
                self.joined.push('\0');
            }
            self.joined.push_str(s);
            next
        });
        self.seen[slot] = (at, len, id);
        id
    }
}

fn to_js(findings: &[Finding]) -> Result<JsValue, JsValue> {
    let mut labels = Labels::default();
    let mut nums = Vec::with_capacity(findings.len() * 6);
    for f in findings {
        let (entity, rule) = (labels.id(&f.entity), labels.id(&f.rule));
        if entity > 0xffff || rule > 0xffff {
            return Err(js_error("PiiAirlockError", "too many distinct labels"));
        }
        let check = f.reason.check.map_or(0, |c| labels.id(c) + 1);
        let context = f.reason.context.as_deref().map_or(0, |c| labels.id(c) + 1);
        let as_u32 =
            |n: usize| u32::try_from(n).map_err(|_| js_error("PiiAirlockError", "text too long"));
        nums.extend([
            as_u32(f.start)?,
            as_u32(f.end)?,
            (entity << 16) | rule,
            (f.score * 1000.0).round() as u32,
            check,
            context,
        ]);
    }
    Ok(unpack_findings(&nums, &labels.joined))
}

// The keys each options object takes: the TypeScript interfaces `EngineOptions`,
// `GuardCoreOptions` (here) and `RestoreOptions` (src/restore.rs) list exactly these
// (tests/ts_types.rs).
/// `EngineOptions` (the `Airlock` constructor).
const ENGINE_OPTION_KEYS: &[&str] = &["countries", "minScore", "disabledRules", "gazetteer"];
/// `GuardCoreOptions` (the core `Guard` constructor).
const GUARD_CORE_OPTION_KEYS: &[&str] = &["openai", "paths", "restore"];
/// `RestoreOptions`.
const RESTORE_OPTION_KEYS: &[&str] = &["urlSchemes", "urlOrigins", "toolArguments"];

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
    restore: crate::RestoreOptions,
}

#[wasm_bindgen]
impl Airlock {
    /// Builds the engine (a few milliseconds; do it once). Throws `PiiAirlockConfigError` on
    /// unknown options, countries or rules.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "EngineOptions | undefined")] options: JsValue,
    ) -> Result<Airlock, JsValue> {
        let mut gazetteer = None;
        let opts: JsEngineOptions = if options.is_undefined() || options.is_null() {
            JsEngineOptions::default()
        } else {
            reject_unknown_keys(&options, ENGINE_OPTION_KEYS)?;
            let list = js_sys::Reflect::get(&options, &JsValue::from_str("gazetteer"))
                .unwrap_or(JsValue::UNDEFINED);
            if !list.is_undefined() && !list.is_null() {
                let bytes = list.dyn_into::<js_sys::Uint8Array>().map_err(|_| {
                    js_error("PiiAirlockConfigError", "`gazetteer` must be a Uint8Array")
                })?;
                let parsed = crate::Gazetteer::from_vec(bytes.to_vec())
                    .map_err(|e| js_error("PiiAirlockConfigError", &e.to_string()))?;
                gazetteer = Some(std::sync::Arc::new(parsed));
            }
            serde_wasm_bindgen::from_value(options)
                .map_err(|e| js_error("PiiAirlockConfigError", &e.to_string()))?
        };
        let mut engine_options = EngineOptions {
            countries: opts.countries,
            disabled_rules: opts.disabled_rules,
            gazetteer,
            ..EngineOptions::default()
        };
        if let Some(s) = opts.min_score {
            engine_options.min_score = s;
        }
        let engine = Engine::new(&engine_options)
            .map_err(|e| js_error("PiiAirlockConfigError", &e.to_string()))?;
        // No warm-up scan here: it cost more at start-up than it saved on the first scan
        // (first result of a 10 KB prompt 238 -> 212 ms in Node, docs/benchmarks.md).
        Ok(Airlock {
            engine,
            vault: Vault::new(),
            restore: crate::RestoreOptions::default(),
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

    /// Puts the originals back into a text containing this object's placeholders, as the
    /// restore options allow (by default never into a URL or an HTML attribute).
    pub fn restore(&self, text: &str) -> String {
        self.vault.restore_with(text, &self.restore)
    }

    /// Replaces the restore options (undefined: the safe defaults). Throws
    /// `PiiAirlockConfigError` on unknown keys or entries that do not parse.
    #[wasm_bindgen(js_name = setRestoreOptions)]
    pub fn set_restore_options(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RestoreOptions | undefined")] options: JsValue,
    ) -> Result<(), JsValue> {
        self.restore = restore_options(options)?;
        Ok(())
    }

    /// A restorer for an answer that arrives in chunks.
    #[wasm_bindgen(js_name = streamRestorer)]
    pub fn stream_restorer(&self) -> Restorer {
        Restorer {
            inner: self
                .vault
                .stream_restorer_for(crate::RestoreMode::Text, &self.restore),
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
// The browser guard: one object per page or conversation. It wraps the core [`crate::Guard`]
// (policy, engine, vault, receipt chain) and adds request bodies and response streams. Every
// decision — a finding's action, what a user's answer does, what is blocked — is made by the
// core; JavaScript brings the clock and the random bytes, which the core has no access to.
// ---------------------------------------------------------------------------------------------

use crate::consent::Plan;
use crate::{
    restore_json_with, Action, CompiledPolicy, EventRestorer, EventStreamRestorer,
    JsonStreamRestorer, PayloadOptions, RestoreOptions, SseRestorer,
};
use std::sync::Arc;

#[wasm_bindgen(typescript_custom_section)]
const TS_GUARD_TYPES: &'static str = r#"
/** A user's answer for one finding (from the highlight popover). */
export type FindingDecision = "redact" | "allow-once" | "always-allow";
/** A finding plus what the policy does with it. */
export interface PlannedFinding extends Finding {
  /** Position in the text's plan. */
  index: number;
  action: FindingAction;
  /** The user must decide before the text can be sent. */
  needsDecision: boolean;
  /** Category id, e.g. "contact", "secrets", "special_categories". */
  category?: string;
}
/** One piece of user text in a request body. */
export interface PreparedField {
  /** Readable path, e.g. "messages[1].content[0].text". */
  path: string;
  text: string;
  findings: PlannedFinding[];
}
/** Request-body options of the guard core. */
export interface GuardCoreOptions {
  /** Read the known request fields first, shapes checked (default true); every other string is scanned either way. */
  openai?: boolean;
  /** JSON paths to scan even where the structural allow-list would skip them. */
  paths?: string[];
  /** Where answers may get values back (default: never into URLs, not in tool arguments). */
  restore?: RestoreOptions;
}
"#;

/// Reads `RestoreOptions` from JS (undefined: the defaults); unknown keys and entries that do
/// not parse are `PiiAirlockConfigError`s.
fn restore_options(v: JsValue) -> Result<RestoreOptions, JsValue> {
    if v.is_undefined() || v.is_null() {
        return Ok(RestoreOptions::default());
    }
    // serde_wasm_bindgen reads only the fields it knows: unknown ones are checked here.
    reject_unknown_keys(&v, RESTORE_OPTION_KEYS)?;
    let o: RestoreOptions = serde_wasm_bindgen::from_value(v).map_err(config_error)?;
    o.validate().map_err(config_error)?;
    Ok(o)
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsGuardOptions {
    openai: Option<bool>,
    #[serde(default)]
    paths: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsPlanned<'a> {
    #[serde(flatten)]
    finding: JsFinding<'a>,
    index: usize,
    action: Action,
    needs_decision: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'static str>,
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
    /// One per text that had findings, in order.
    receipts: &'a [crate::Receipt],
}

fn ser<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error("PiiAirlockError", &format!("could not return a value: {e}")))
}

fn plan_to_js<'a>(text: &str, plan: &'a Plan) -> Vec<JsPlanned<'a>> {
    let mut utf16: Vec<Finding> = plan.items.iter().map(|i| i.finding.clone()).collect();
    convert_offsets(text, &mut utf16, OffsetUnit::Utf16);
    plan.items
        .iter()
        .zip(utf16)
        .map(|(i, u)| JsPlanned {
            finding: JsFinding {
                start: u.start,
                end: u.end,
                entity: &i.finding.entity,
                score: i.finding.score,
                rule: &i.finding.rule,
                check: i.finding.reason.check,
                context: i.finding.reason.context.as_deref(),
            },
            index: i.index,
            action: i.action,
            needs_decision: i.needs_decision,
            category: i.category.map(|c| c.id()),
        })
        .collect()
}

fn payload_error(e: crate::PayloadError) -> JsValue {
    js_error("PiiAirlockPayloadError", &e.to_string())
}

fn config_error(e: impl std::fmt::Display) -> JsValue {
    js_error("PiiAirlockConfigError", &e.to_string())
}

/// A policy that does not load: a `PiiAirlockConfigError` that also carries the fault's
/// stable `kind` (`unknown-entity`, ...) and the field's `path`, so callers need not parse
/// the message.
fn policy_error(e: crate::PolicyError) -> JsValue {
    let err = config_error(&e);
    let _ = js_sys::Reflect::set(&err, &"kind".into(), &e.kind.id().into());
    let _ = js_sys::Reflect::set(&err, &"path".into(), &e.path.as_str().into());
    err
}

/// Consent errors keep their kind in the name, so the JS can tell a policy block (never
/// sendable) from a decision problem. Messages name findings by index and type only.
fn consent_error(e: crate::ConsentError) -> JsValue {
    let name = match e {
        crate::ConsentError::Blocked { .. } => "PiiAirlockPolicyBlock",
        _ => "PiiAirlockConsentError",
    };
    js_error(name, &e.to_string())
}

/// The dialog's answer, as the core names it.
type Outcome = crate::Answer;

fn parse_outcome(outcome: &str) -> Result<Outcome, JsValue> {
    crate::Answer::from_id(outcome).ok_or_else(|| {
        config_error(format!(
            "unknown outcome `{outcome}` (expected redacted or as-typed)"
        ))
    })
}

use crate::PerFinding;

fn parse_per_finding(s: &str) -> Result<PerFinding, JsValue> {
    PerFinding::from_id(s).ok_or_else(|| {
        config_error(format!(
            "unknown decision `{s}` (expected redact, allow-once or always-allow)"
        ))
    })
}

/// Reads `choices[field][finding]`: a per-finding answer or null.
fn read_choices(choices: JsValue) -> Result<Vec<Vec<Option<PerFinding>>>, JsValue> {
    if choices.is_undefined() || choices.is_null() {
        return Ok(Vec::new());
    }
    let raw: Vec<Vec<Option<String>>> = serde_wasm_bindgen::from_value(choices)
        .map_err(|e| config_error(format!("bad choices: {e}")))?;
    raw.into_iter()
        .map(|f| {
            f.into_iter()
                .map(|c| c.as_deref().map(parse_per_finding).transpose())
                .collect()
        })
        .collect()
}

fn receipt_id(ids: &[u8], i: usize) -> Result<[u8; 16], JsValue> {
    ids.get(i * 16..i * 16 + 16)
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| config_error("not enough random bytes for the receipt ids (16 per text)"))
}

/// The guard core: the policy guard plus request-body options.
#[wasm_bindgen]
pub struct Guard {
    inner: crate::Guard,
    payload: PayloadOptions,
    names_available: bool,
    restore: RestoreOptions,
}

impl Guard {
    /// Commits `prepared` with the plans it was made with; `ids` holds 16 random bytes per
    /// text with findings (one receipt each).
    fn commit_prepared(
        &mut self,
        prepared: &crate::Prepared,
        outcome: Outcome,
        choices: &[Vec<Option<PerFinding>>],
        now_ms: f64,
        ids: &[u8],
        purpose: &str,
    ) -> Result<crate::Committed, JsValue> {
        if let Some(last) = prepared.texts_with_findings().checked_sub(1) {
            receipt_id(ids, last)?;
        }
        let mut next = 0;
        let mut id = || {
            let i = next;
            next += 1;
            receipt_id(ids, i).unwrap_or([0; 16])
        };
        self.inner
            .commit(
                prepared,
                outcome,
                choices,
                now_ms.max(0.0) as u64,
                &mut id,
                purpose,
            )
            .map_err(|e| match e {
                crate::RequestError::Consent(e) => consent_error(e),
                crate::RequestError::Payload(e) => payload_error(e),
            })
    }
}

/// A request (or plain text) parsed and planned once by `Guard.prepareBody` /
/// `Guard.prepareText`: `previewBody` and `commitBody` use its plans, so what a dialog
/// previewed is what is sent.
#[wasm_bindgen]
pub struct Prepared {
    inner: crate::Prepared,
}

#[wasm_bindgen]
impl Prepared {
    /// The user texts with their planned findings (UTF-16 offsets), in document order.
    #[wasm_bindgen(getter, unchecked_return_type = "PreparedField[]")]
    pub fn fields(&self) -> Result<JsValue, JsValue> {
        let fields: Vec<JsField<'_>> = self
            .inner
            .fields()
            .map(|(path, text, plan)| JsField {
                path,
                text,
                findings: plan_to_js(text, plan),
            })
            .collect();
        ser(&fields)
    }
}

#[wasm_bindgen]
impl Guard {
    /// Builds the guard. `policy` is a preset name (`gdpr`, `ccpa`, `hipaa`, `pci-dss`,
    /// `secrets-only`, `strict`) or a policy document as JSON text; `conversation_key` is 32
    /// random bytes, `receipt_key` keys the receipts' text HMAC; `gazetteer` is the name list
    /// (`data/gazetteer.txt`), or undefined when it could not be loaded. Throws
    /// `PiiAirlockConfigError` naming the field at fault.
    #[wasm_bindgen(constructor)]
    pub fn new(
        policy: &str,
        #[wasm_bindgen(unchecked_param_type = "GuardCoreOptions | undefined")] options: JsValue,
        conversation_key: &[u8],
        receipt_key: &[u8],
        gazetteer: Option<Vec<u8>>,
    ) -> Result<Guard, JsValue> {
        let (opts, restore): (JsGuardOptions, _) = if options.is_undefined() || options.is_null() {
            (JsGuardOptions::default(), RestoreOptions::default())
        } else {
            reject_unknown_keys(&options, GUARD_CORE_OPTION_KEYS)?;
            let restore = js_sys::Reflect::get(&options, &JsValue::from_str("restore"))
                .unwrap_or(JsValue::UNDEFINED);
            (
                serde_wasm_bindgen::from_value(options).map_err(config_error)?,
                restore_options(restore)?,
            )
        };
        let policy = CompiledPolicy::from_preset_or_json(policy).map_err(policy_error)?;
        let key: [u8; 32] = conversation_key
            .try_into()
            .map_err(|_| config_error("the conversation key must be 32 bytes"))?;
        let (gazetteer, names_available) = match gazetteer {
            Some(bytes) => (
                Some(Arc::new(
                    crate::Gazetteer::from_vec(bytes).map_err(config_error)?,
                )),
                true,
            ),
            None => (None, cfg!(feature = "embedded-gazetteer")),
        };
        let inner = crate::Guard::with_gazetteer(policy, receipt_key, key, gazetteer)
            .map_err(policy_error)?;
        // No warm-up scan, as in `Airlock::new` (docs/benchmarks.md).
        Ok(Guard {
            inner,
            payload: PayloadOptions {
                openai: opts.openai.unwrap_or(true),
                paths: opts.paths,
            },
            names_available,
            restore,
        })
    }

    /// True when the name list is loaded, so PERSON and LOCATION findings can be made.
    #[wasm_bindgen(getter, js_name = namesAvailable)]
    pub fn names_available(&self) -> bool {
        self.names_available
    }

    /// The policy id recorded in receipts.
    #[wasm_bindgen(getter, js_name = policyId)]
    pub fn policy_id(&self) -> String {
        self.inner.policy().id().to_string()
    }

    /// Whether the policy lets the user send values as typed.
    #[wasm_bindgen(getter, js_name = allowSendAsTyped)]
    pub fn allow_send_as_typed(&self) -> bool {
        self.inner.policy().consent().allow_send_as_typed
    }

    /// Days the policy keeps receipts.
    #[wasm_bindgen(getter, js_name = receiptRetentionDays)]
    pub fn receipt_retention_days(&self) -> u32 {
        self.inner.policy().receipts().retention_days
    }

    /// Findings with the policy's actions; offsets are UTF-16 indices into `text`.
    #[wasm_bindgen(unchecked_return_type = "PlannedFinding[]")]
    pub fn scan(&self, text: &str) -> Result<JsValue, JsValue> {
        let plan = self.inner.plan(text);
        ser(&plan_to_js(text, &plan))
    }

    /// Applies the policy to `text` as if sent with "Send redacted" and nobody to ask; records
    /// a receipt (`now_ms`, 16 random bytes `id`). Throws `PiiAirlockPolicyBlock` when the
    /// policy blocks a finding.
    pub fn redact(&mut self, text: &str, now_ms: f64, id: &[u8]) -> Result<String, JsValue> {
        let prepared = self.inner.prepare_text(text);
        let mut out =
            self.commit_prepared(&prepared, Outcome::Redacted, &[], now_ms, id, "redact")?;
        Ok(out.texts.pop().unwrap_or_default())
    }

    /// Puts originals (placeholders and surrogates) back into an answer, as the restore
    /// options allow (by default never into a URL or an HTML attribute).
    pub fn restore(&self, text: &str) -> String {
        self.inner.vault().restore_with(text, &self.restore)
    }

    /// Restores every string of a JSON body (tool-call arguments only with `toolArguments`);
    /// `undefined` when the body is not JSON.
    #[wasm_bindgen(js_name = restoreJson)]
    pub fn restore_json(&self, body: &str) -> Option<String> {
        restore_json_with(body, self.inner.vault(), &self.restore)
    }

    /// A URL or body bound for an endpoint the guard does not check, with every original
    /// the guard keeps (as written or percent-encoded) replaced by its placeholder or
    /// surrogate; `undefined` when it holds none.
    #[wasm_bindgen(js_name = maskOriginals)]
    pub fn mask_originals(&self, text: &str) -> Option<String> {
        self.inner.mask_originals(text)
    }

    /// Whether `maskOriginals` has any original to look for (bodies that take work to read
    /// are read only then).
    #[wasm_bindgen(js_name = keepsOriginals)]
    pub fn keeps_originals(&self) -> bool {
        self.inner.keeps_originals()
    }

    /// Replaces the restore options (undefined: the safe defaults). Throws
    /// `PiiAirlockConfigError` on unknown keys or entries that do not parse.
    #[wasm_bindgen(js_name = setRestoreOptions)]
    pub fn set_restore_options(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RestoreOptions | undefined")] options: JsValue,
    ) -> Result<(), JsValue> {
        self.restore = restore_options(options)?;
        Ok(())
    }

    /// A restorer for plain text arriving in chunks.
    #[wasm_bindgen(js_name = streamRestorer)]
    pub fn stream_restorer(&self) -> Restorer {
        Restorer {
            inner: self
                .inner
                .vault()
                .stream_restorer_for(crate::RestoreMode::Text, &self.restore),
        }
    }

    /// A restorer for a `text/event-stream` body arriving in chunks (OpenAI, Anthropic,
    /// Gemini `alt=sse`, Cohere events).
    #[wasm_bindgen(js_name = sseRestorer)]
    pub fn sse_restorer(&self) -> SseStream {
        SseStream {
            inner: SseRestorer::with_options(self.inner.vault(), &self.restore),
        }
    }

    /// A restorer for a stream of JSON objects arriving in chunks: NDJSON
    /// (`application/x-ndjson`, Ollama) or a streamed JSON array (Gemini
    /// `streamGenerateContent` without `alt=sse`).
    #[wasm_bindgen(js_name = jsonStreamRestorer)]
    pub fn json_stream_restorer(&self) -> JsonStream {
        JsonStream {
            inner: JsonStreamRestorer::new(self.inner.vault(), &self.restore),
        }
    }

    /// Finds the user-text fields of a request body and plans each, once. `conversation`
    /// names the conversation whose vault numbers and keeps its values (undefined: the
    /// guard's default one). Throws `PiiAirlockPayloadError` when the body is not JSON or has
    /// a shape the guard does not know.
    #[wasm_bindgen(js_name = prepareBody)]
    pub fn prepare_body(
        &self,
        body: &str,
        conversation: Option<String>,
    ) -> Result<Prepared, JsValue> {
        let inner = self
            .inner
            .prepare_body(body, &self.payload, conversation.as_deref())
            .map_err(payload_error)?;
        Ok(Prepared { inner })
    }

    /// Plans one plain text (field path `text`), once.
    #[wasm_bindgen(js_name = prepareText)]
    pub fn prepare_text(&self, text: &str) -> Prepared {
        Prepared {
            inner: self.inner.prepare_text(text),
        }
    }

    /// Applies a consent outcome ("redacted" or "as-typed") and per-finding choices
    /// (`choices[field][finding]`) to a prepared request, with the plans it was prepared
    /// with. `ids` holds 16 random bytes per field with findings. Returns
    /// `{ body?, text?, changed, receipts }`: `body` for a prepared body (only when it
    /// changed), `text` for a prepared text.
    #[wasm_bindgen(js_name = commitBody)]
    pub fn commit_body(
        &mut self,
        prepared: &Prepared,
        outcome: &str,
        #[wasm_bindgen(unchecked_param_type = "(FindingDecision | null)[][] | undefined")]
        choices: JsValue,
        now_ms: f64,
        ids: &[u8],
        purpose: &str,
    ) -> Result<JsValue, JsValue> {
        let outcome = parse_outcome(outcome)?;
        let choices = read_choices(choices)?;
        let out = self.commit_prepared(&prepared.inner, outcome, &choices, now_ms, ids, purpose)?;
        let text = match prepared.inner.fields().next() {
            Some((crate::PLAIN_TEXT_PATH, _, _)) if out.body.is_none() => out.texts.first(),
            _ => None,
        };
        ser(&JsCommitted {
            body: out.body.as_deref(),
            text: text.map(String::as_str),
            changed: out.changed,
            receipts: &out.receipts,
        })
    }

    /// What `commitBody` would send for each field of a prepared request, without changing
    /// this guard.
    #[wasm_bindgen(js_name = previewBody)]
    pub fn preview_body(
        &self,
        prepared: &Prepared,
        outcome: &str,
        #[wasm_bindgen(unchecked_param_type = "(FindingDecision | null)[][] | undefined")]
        choices: JsValue,
        now_ms: f64,
    ) -> Result<Vec<String>, JsValue> {
        let outcome = parse_outcome(outcome)?;
        let choices = read_choices(choices)?;
        self.inner
            .preview(&prepared.inner, outcome, &choices, now_ms.max(0.0) as u64)
            .map_err(consent_error)
    }

    /// How many texts this guard has scanned: a diagnostic (a guarded request is planned
    /// once, however long its consent takes).
    #[wasm_bindgen(getter, js_name = scanCount)]
    pub fn scan_count(&self) -> f64 {
        self.inner.scan_count() as f64
    }

    /// Sends `value` of type `entity` as typed from now on in this session ("always allow",
    /// until the policy's vault time-to-live has passed since `now_ms`). Refused (returns
    /// false) where the policy does not let the user send values as typed or blocks the type.
    #[wasm_bindgen(js_name = alwaysAllow)]
    pub fn always_allow(&mut self, entity: &str, value: &str, now_ms: f64) -> bool {
        self.inner
            .allow_value(entity, value, now_ms.max(0.0) as u64)
            .is_ok()
    }

    /// Forgets every "always allow" answer.
    #[wasm_bindgen(js_name = resetAllowed)]
    pub fn reset_allowed(&mut self) {
        self.inner.reset_allowed_values();
    }

    /// The "always allow" answers as bytes (keyed hashes, never values), for a worker's copy.
    #[wasm_bindgen(js_name = exportAllowed)]
    pub fn export_allowed(&self) -> Vec<u8> {
        self.inner.allowed_values().to_bytes()
    }

    /// Takes the answers `exportAllowed` gave. Throws `PiiAirlockConfigError` on other bytes.
    #[wasm_bindgen(js_name = importAllowed)]
    pub fn import_allowed(&mut self, bytes: &[u8]) -> Result<(), JsValue> {
        let a = crate::AllowedValues::from_bytes(bytes)
            .ok_or_else(|| config_error("not an always-allow state"))?;
        self.inner.set_allowed_values(a);
        Ok(())
    }

    /// Forgets one value's placeholders and surrogates. Returns how many were removed.
    pub fn forget(&mut self, value: &str) -> usize {
        self.inner.forget(value)
    }

    /// Forgets every placeholder.
    #[wasm_bindgen(js_name = forgetAll)]
    pub fn forget_all(&mut self) {
        self.inner.forget_all();
    }

    /// Drops vault entries and receipts past the policy's time limits.
    pub fn expire(&mut self, now_ms: f64) {
        self.inner.expire(now_ms.max(0.0) as u64);
    }

    /// What restores the answer to the request `sent` (the body as it left) of
    /// `conversation` (undefined: the default one): only the values whose placeholder or
    /// surrogate that body carries, expired ones dropped first; a request continuing a
    /// provider-kept history (`previous_response_id`) gets its conversation's values only.
    #[wasm_bindgen(js_name = answerScope)]
    pub fn answer_scope(
        &mut self,
        sent: &str,
        now_ms: f64,
        conversation: Option<String>,
    ) -> AnswerScope {
        AnswerScope {
            vault: self.inner.answer_vault_in(
                conversation.as_deref(),
                sent,
                now_ms.max(0.0) as u64,
            ),
            restore: self.restore.clone(),
        }
    }

    /// What restores the answers of `conversation` as a whole (undefined: the default one):
    /// every value it holds, expired ones dropped first. For reads that send no body (a
    /// message batch's results).
    #[wasm_bindgen(js_name = conversationScope)]
    pub fn conversation_scope(&mut self, now_ms: f64, conversation: Option<String>) -> AnswerScope {
        AnswerScope {
            vault: self
                .inner
                .conversation_values(conversation.as_deref(), now_ms.max(0.0) as u64),
            restore: self.restore.clone(),
        }
    }

    /// A restorer for the server events of a Realtime socket or data channel, one message
    /// at a time (see `restoreEvent`).
    #[wasm_bindgen(js_name = eventRestorer)]
    pub fn event_restorer(&self) -> EventStream {
        EventStream {
            inner: EventRestorer::new(&crate::Vault::new(), &self.restore),
        }
    }

    /// One message received on a Realtime socket or data channel of `conversation`, restored
    /// with that conversation's values as they are now (the socket's own messages add to
    /// them). An empty array: deliver the message as it came; else the messages to deliver
    /// in its place, in order.
    #[wasm_bindgen(js_name = restoreEvent)]
    pub fn restore_event(
        &mut self,
        stream: &mut EventStream,
        message: &str,
        now_ms: f64,
        conversation: Option<String>,
    ) -> Vec<String> {
        if !EventRestorer::reads(message) {
            return Vec::new();
        }
        let values = self
            .inner
            .conversation_values(conversation.as_deref(), now_ms.max(0.0) as u64);
        stream.inner.set_vault(&values);
        stream.inner.push(message).unwrap_or_default()
    }

    /// A restorer for an AWS event stream (`application/vnd.amazon.eventstream`, Bedrock's
    /// streamed answers) arriving in byte chunks.
    #[wasm_bindgen(js_name = eventStreamRestorer)]
    pub fn event_stream_restorer(&self) -> AwsEventStream {
        AwsEventStream {
            inner: EventStreamRestorer::new(self.inner.vault(), &self.restore),
        }
    }

    /// The vault as an AES-256-GCM blob under `key` (32 bytes) with a fresh 12-byte `nonce`.
    #[wasm_bindgen(js_name = exportVault)]
    pub fn export_vault(&self, key: &[u8], nonce: &[u8]) -> Result<Vec<u8>, JsValue> {
        let key: [u8; 32] = key
            .try_into()
            .map_err(|_| config_error("the vault key must be 32 bytes"))?;
        let nonce: [u8; 12] = nonce
            .try_into()
            .map_err(|_| config_error("the vault nonce must be 12 bytes"))?;
        Ok(self.inner.vault().export_encrypted(&key, &nonce))
    }

    /// Replaces the vault with an exported one (this policy's time-to-live, expired entries
    /// dropped). Throws `PiiAirlockConfigError` on a wrong key or a damaged blob.
    #[wasm_bindgen(js_name = importVault)]
    pub fn import_vault(&mut self, blob: &[u8], key: &[u8], now_ms: f64) -> Result<(), JsValue> {
        let key: [u8; 32] = key
            .try_into()
            .map_err(|_| config_error("the vault key must be 32 bytes"))?;
        self.inner
            .load_vault(blob, &key, now_ms.max(0.0) as u64)
            .map_err(config_error)
    }

    /// The receipt chain as JSON (no values), to persist or verify.
    #[wasm_bindgen(js_name = receiptsJson)]
    pub fn receipts_json(&self) -> String {
        self.inner.receipts().to_json()
    }
}

/// The restore side of one request: the values its body carried (see `Guard.answerScope`),
/// restored as the guard's restore options allow, with the same restoring methods as the guard.
#[wasm_bindgen]
pub struct AnswerScope {
    vault: Vault,
    restore: RestoreOptions,
}

#[wasm_bindgen]
impl AnswerScope {
    /// True when the request carried no placeholder or surrogate: nothing to restore.
    #[wasm_bindgen(getter)]
    pub fn empty(&self) -> bool {
        self.vault.is_empty()
    }

    /// Puts this request's originals back into an answer (never into a URL or an HTML
    /// attribute unless the restore options allow it).
    pub fn restore(&self, text: &str) -> String {
        self.vault.restore_with(text, &self.restore)
    }

    /// Restores every string of a JSON body; `undefined` when the body is not JSON.
    #[wasm_bindgen(js_name = restoreJson)]
    pub fn restore_json(&self, body: &str) -> Option<String> {
        restore_json_with(body, &self.vault, &self.restore)
    }

    /// A restorer for plain text arriving in chunks.
    #[wasm_bindgen(js_name = streamRestorer)]
    pub fn stream_restorer(&self) -> Restorer {
        Restorer {
            inner: self
                .vault
                .stream_restorer_for(crate::RestoreMode::Text, &self.restore),
        }
    }

    /// A restorer for a `text/event-stream` body arriving in chunks.
    #[wasm_bindgen(js_name = sseRestorer)]
    pub fn sse_restorer(&self) -> SseStream {
        SseStream {
            inner: SseRestorer::with_options(&self.vault, &self.restore),
        }
    }

    /// A restorer for NDJSON or a streamed JSON array arriving in chunks.
    #[wasm_bindgen(js_name = jsonStreamRestorer)]
    pub fn json_stream_restorer(&self) -> JsonStream {
        JsonStream {
            inner: JsonStreamRestorer::new(&self.vault, &self.restore),
        }
    }

    /// A restorer for an AWS event stream arriving in byte chunks.
    #[wasm_bindgen(js_name = eventStreamRestorer)]
    pub fn event_stream_restorer(&self) -> AwsEventStream {
        AwsEventStream {
            inner: EventStreamRestorer::new(&self.vault, &self.restore),
        }
    }
}

/// Restores the server events of a Realtime socket or data channel (through
/// `Guard.restoreEvent`, which brings the conversation's values up to date).
#[wasm_bindgen]
pub struct EventStream {
    inner: EventRestorer,
}

#[wasm_bindgen]
impl EventStream {
    /// The channel closed: what its text streams still hold, as messages to deliver.
    pub fn finish(&mut self) -> Vec<String> {
        self.inner.finish()
    }
}

/// Restores an AWS event stream (Bedrock) chunk by chunk, frames re-encoded with their
/// checksums.
#[wasm_bindgen]
pub struct AwsEventStream {
    inner: EventStreamRestorer,
}

#[wasm_bindgen]
impl AwsEventStream {
    /// Feeds received bytes; returns the restored frames complete so far.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<u8> {
        self.inner.push(chunk)
    }

    /// Ends the stream; returns an incomplete frame as it came and what was held back.
    pub fn finish(&mut self) -> Vec<u8> {
        self.inner.finish()
    }

    /// Frames passed on unread because their framing or checksum did not hold.
    #[wasm_bindgen(getter, js_name = corruptFrames)]
    pub fn corrupt_frames(&self) -> u32 {
        self.inner.corrupt_frames() as u32
    }
}

/// Restores a stream of JSON objects (NDJSON or a streamed array) chunk by chunk.
#[wasm_bindgen]
pub struct JsonStream {
    inner: JsonStreamRestorer,
}

#[wasm_bindgen]
impl JsonStream {
    /// Feeds received text; returns the restored stream so far.
    pub fn push(&mut self, chunk: &str) -> String {
        self.inner.push(chunk)
    }

    /// Ends the stream; returns what was held back.
    pub fn finish(&mut self) -> String {
        self.inner.finish()
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
