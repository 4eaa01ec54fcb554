//! The policy document as written in JSON, before validation. Every field is optional so a
//! policy can `extends` a preset and override only what it changes.

use super::Action;
use crate::Category;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

// The TypeScript of these types, next to them: the package's .d.ts is generated with it, and
// tests/ts_types.rs fails when a field here is missing there (or the other way round).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const POLICY_TS: &'static str = include_str!("policy.d.ts");

/// A policy file as parsed, before `extends` is resolved and names are checked.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PolicyDoc {
    /// Format version of the document; this build reads `1`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// Identifier recorded in consent receipts (`acme-support`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The organisation's own revision of the policy, recorded in receipts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    /// Free text for people reading the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A preset this policy starts from (`gdpr`, `ccpa`, `hipaa`, `pci-dss`, `secrets-only`,
    /// `strict`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// Action for entity types neither `actions` nor `categories` mention.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_action: Option<Action>,
    /// Per entity type (`EMAIL_ADDRESS`): wins over the category's action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actions: Option<BTreeMap<String, Action>>,
    /// Per category id (`contact`, `secrets`, ...; see [`Category::id`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub categories: Option<BTreeMap<String, Action>>,
    /// Findings scored below this are not reported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_score: Option<f32>,
    /// Countries or regions (`EU`, `EEA`) whose national rules run; absent means all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub countries: Option<Vec<String>>,
    /// Built-in rule ids to switch off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disabled_rules: Option<Vec<String>>,
    /// Values and patterns that are never treated as personal data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow: Option<ListsDoc>,
    /// Values and patterns that are always treated as personal data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deny: Option<DenyDoc>,
    /// Organisation-specific detectors, compiled into the same single pass.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_rules: Option<Vec<CustomRuleDoc>>,
    /// When the user is asked, and what they may choose.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent: Option<ConsentSettings>,
    /// Consent receipt settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receipts: Option<ReceiptSettings>,
    /// How `mask` masks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mask: Option<MaskSettings>,
    /// How `redact` redacts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redact: Option<RedactSettings>,
    /// How long the pseudonym vault remembers values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vault: Option<VaultSettings>,
}

/// An allow-list: exact values (compared after normalization) and whole-value patterns.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ListsDoc {
    /// Literal values.
    #[serde(default)]
    pub values: Vec<String>,
    /// Regular expressions (ASCII syntax, size-limited) that must match the whole value.
    #[serde(default)]
    pub patterns: Vec<String>,
}

/// A deny-list: values and patterns always reported, as entity `DENY_LIST`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct DenyDoc {
    /// Literal values, matched case-insensitively on word boundaries.
    #[serde(default)]
    pub values: Vec<String>,
    /// Regular expressions (ASCII syntax, size-limited), found anywhere in the text.
    #[serde(default)]
    pub patterns: Vec<String>,
}

/// A detector defined in the policy.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CustomRuleDoc {
    /// Rule id, kebab-case, distinct from the built-in ids.
    pub id: String,
    /// Entity reported, upper-case (`EMPLOYEE_ID`).
    pub entity: String,
    /// Category for category actions; default `identifiers`.
    #[serde(default)]
    pub category: Option<Category>,
    /// ASCII regular expression (same syntax as the built-in rules).
    pub pattern: String,
    /// Check run on each candidate: `luhn`, `mod97` or `verhoeff`.
    #[serde(default)]
    pub validator: Option<String>,
    /// Lower-case context words that raise the score.
    #[serde(default)]
    pub context: Vec<String>,
    /// Score without a passing check; default 0.6.
    #[serde(default)]
    pub score: Option<f32>,
    /// Report only with a context word nearby.
    #[serde(default)]
    pub needs_context: bool,
}

/// When the user is asked and what they may answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ConsentSettings {
    /// Actions that, besides `ask`, are shown to the user for confirmation (the policy's
    /// action is the proposed answer).
    #[serde(default)]
    pub confirm: Vec<Action>,
    /// May the user choose to send a value as typed when the policy would transform it?
    #[serde(default = "yes")]
    pub allow_send_as_typed: bool,
}

impl Default for ConsentSettings {
    fn default() -> Self {
        ConsentSettings {
            confirm: Vec::new(),
            allow_send_as_typed: true,
        }
    }
}

fn yes() -> bool {
    true
}

/// Consent receipt settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ReceiptSettings {
    /// Receipts older than this many days are dropped from the chain.
    #[serde(default = "default_retention")]
    pub retention_days: u32,
}

impl Default for ReceiptSettings {
    fn default() -> Self {
        ReceiptSettings {
            retention_days: default_retention(),
        }
    }
}

fn default_retention() -> u32 {
    365
}

/// How `mask` masks a value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct MaskSettings {
    /// Trailing characters (letters and digits) kept visible; at most 8. Secrets keep none.
    #[serde(default = "default_keep")]
    pub keep: usize,
    /// The masking character.
    #[serde(default = "default_mask_char")]
    pub char: char,
}

impl Default for MaskSettings {
    fn default() -> Self {
        MaskSettings {
            keep: default_keep(),
            char: default_mask_char(),
        }
    }
}

fn default_keep() -> usize {
    4
}

fn default_mask_char() -> char {
    '*'
}

/// How `redact` replaces a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RedactStyle {
    /// `[EMAIL_ADDRESS]`: the model still knows what kind of value was there.
    #[default]
    Typed,
    /// `[REDACTED]`.
    Fixed,
    /// Nothing at all.
    Remove,
}

/// How `redact` redacts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RedactSettings {
    /// `typed` (default), `fixed` or `remove`.
    #[serde(default)]
    pub style: RedactStyle,
}

/// How long the vault remembers values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct VaultSettings {
    /// Entries older than this many minutes are forgotten; 0 keeps them until `forget_all`.
    #[serde(default = "default_ttl")]
    pub ttl_minutes: u64,
}

impl Default for VaultSettings {
    fn default() -> Self {
        VaultSettings {
            ttl_minutes: default_ttl(),
        }
    }
}

fn default_ttl() -> u64 {
    24 * 60
}

impl PolicyDoc {
    /// Parses a policy document without validating names (see [`crate::CompiledPolicy::from_doc`]);
    /// syntax errors and unknown fields name their JSON path.
    pub fn from_json(json: &str) -> Result<PolicyDoc, super::PolicyError> {
        super::parse_doc(json, "")
    }

    /// Lays `over` on top of `self`: scalars and sub-objects of `over` win, the `actions` and
    /// `categories` maps merge key by key, allow/deny lists and custom rules are appended.
    pub fn overlay(mut self, over: PolicyDoc) -> PolicyDoc {
        macro_rules! take {
            ($($f:ident),*) => { $( if over.$f.is_some() { self.$f = over.$f; } )* };
        }
        take!(
            version,
            id,
            revision,
            description,
            default_action,
            min_score,
            countries,
            disabled_rules,
            consent,
            receipts,
            mask,
            redact,
            vault
        );
        self.extends = over.extends;
        if let Some(a) = over.actions {
            self.actions.get_or_insert_with(BTreeMap::new).extend(a);
        }
        if let Some(c) = over.categories {
            self.categories.get_or_insert_with(BTreeMap::new).extend(c);
        }
        if let Some(a) = over.allow {
            let mine = self.allow.get_or_insert_with(ListsDoc::default);
            mine.values.extend(a.values);
            mine.patterns.extend(a.patterns);
        }
        if let Some(d) = over.deny {
            let mine = self.deny.get_or_insert_with(DenyDoc::default);
            mine.values.extend(d.values);
            mine.patterns.extend(d.patterns);
        }
        if let Some(r) = over.custom_rules {
            self.custom_rules.get_or_insert_with(Vec::new).extend(r);
        }
        self
    }
}
