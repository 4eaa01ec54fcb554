//! Policies: what happens to each kind of personal data before a text leaves.
//!
//! A policy is a JSON document (see `docs/policy.md`) that is validated completely at load
//! time. Unknown fields, unknown entity or category names, bad regular expressions and values
//! out of range are errors naming the JSON path of the field; a policy that fails to load is
//! never replaced by a permissive default.

mod action;
mod custom;
mod doc;
mod error;
mod json_path;
mod presets;

pub use action::Action;
pub use custom::{entity_id_ok, DENY_ENTITY, VALIDATORS};
pub use doc::{
    ConsentSettings, CustomRuleDoc, DenyDoc, ListsDoc, MaskSettings, PolicyDoc, ReceiptSettings,
    RedactSettings, RedactStyle, VaultSettings,
};
use error::PolicyErrorKind as Kind;
pub use error::{PolicyError, PolicyErrorKind};
pub use presets::{preset_json, PRESETS};

use crate::matcher::Matcher;
use crate::{Category, Engine, EngineOptions, Error, Finding, Reason, Rule, Vault};
use std::collections::{BTreeMap, HashSet};

/// The format version this build reads.
pub const POLICY_VERSION: u32 = 1;

/// Where a finding's action came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionSource {
    /// The value is on the allow-list.
    AllowList,
    /// The value is on the deny-list.
    DenyList,
    /// The policy names the entity type.
    Entity,
    /// The policy names the entity's category.
    Category,
    /// Neither: the policy's `defaultAction`.
    Default,
    /// The user's "always allow" answer, held by the guard's session (not the policy).
    Session,
}

/// A validated policy, ready to build an engine and decide actions.
#[derive(Clone)]
pub struct CompiledPolicy {
    doc: PolicyDoc,
    id: String,
    version: u32,
    revision: String,
    default_action: Action,
    entities: BTreeMap<String, Action>,
    categories: BTreeMap<Category, Action>,
    entity_categories: BTreeMap<String, Category>,
    allow_values: HashSet<String>,
    allow_patterns: Vec<Matcher>,
    deny: Option<Matcher>,
    custom_rules: Vec<Rule>,
}

impl std::fmt::Debug for CompiledPolicy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Allow-list values may be personal data: counts only.
        f.debug_struct("CompiledPolicy")
            .field("id", &self.id)
            .field("version", &self.version)
            .field("revision", &self.revision)
            .field("allow_values", &self.allow_values.len())
            .field("custom_rules", &self.custom_rules.len())
            .finish()
    }
}

const MAX_EXTENDS_DEPTH: usize = 4;

fn parse_doc(json: &str, origin: &str) -> Result<PolicyDoc, PolicyError> {
    serde_json::from_str(json).map_err(|e| {
        let path = json_path::path_of(json, &e);
        // serde_json appends "at line L column C"; keep it: it locates the field in the file.
        let msg = e.to_string();
        let kind = if msg.starts_with("unknown field") {
            Kind::UnknownField
        } else if msg.starts_with("unknown variant") {
            Kind::UnknownValue
        } else {
            Kind::Syntax
        };
        PolicyError::new(
            kind,
            if origin.is_empty() {
                path
            } else {
                format!("{origin}:{path}")
            },
            msg,
        )
    })
}

/// Resolves `extends` chains (presets only) into one document.
fn resolve(doc: PolicyDoc, depth: usize) -> Result<PolicyDoc, PolicyError> {
    let Some(base) = doc.extends.clone() else {
        return Ok(doc);
    };
    if depth >= MAX_EXTENDS_DEPTH {
        return Err(PolicyError::new(
            Kind::Extends,
            "extends",
            "preset chain too deep",
        ));
    }
    let json = preset_json(&base).ok_or_else(|| {
        let names: Vec<&str> = PRESETS.iter().map(|(n, _)| *n).collect();
        PolicyError::new(
            Kind::Extends,
            "extends",
            format!(
                "unknown preset `{base}` (expected one of {})",
                names.join(", ")
            ),
        )
    })?;
    let base_doc = resolve(parse_doc(json, &format!("preset {base}"))?, depth + 1)?;
    let mut merged = base_doc.overlay(doc);
    merged.extends = Some(base);
    Ok(merged)
}

impl CompiledPolicy {
    /// Parses and validates a policy document.
    ///
    /// ```
    /// let p = pii_airlock::CompiledPolicy::from_json(r#"{"version":1,"extends":"gdpr",
    ///     "actions":{"EMAIL_ADDRESS":"mask"}}"#).unwrap();
    /// assert_eq!(p.action_for("EMAIL_ADDRESS").0, pii_airlock::Action::Mask);
    ///
    /// let e = pii_airlock::CompiledPolicy::from_json(r#"{"version":1,"actions":{"EMAIL_ADRESS":"mask"}}"#)
    ///     .unwrap_err();
    /// assert_eq!(e.to_string(), "actions.EMAIL_ADRESS: unknown entity");
    /// ```
    pub fn from_json(json: &str) -> Result<CompiledPolicy, PolicyError> {
        CompiledPolicy::from_doc(parse_doc(json, "")?)
    }

    /// A built-in preset by name (`gdpr`, `ccpa`, `hipaa`, `pci-dss`, `secrets-only`,
    /// `strict`).
    pub fn preset(name: &str) -> Result<CompiledPolicy, PolicyError> {
        CompiledPolicy::from_doc(PolicyDoc {
            extends: Some(name.to_string()),
            ..PolicyDoc::default()
        })
    }

    /// A preset name, or a policy document as JSON text (it starts with `{`): how the
    /// browser layer names its policy.
    pub fn from_preset_or_json(spec: &str) -> Result<CompiledPolicy, PolicyError> {
        if spec.trim_start().starts_with('{') {
            CompiledPolicy::from_json(spec)
        } else {
            CompiledPolicy::preset(spec)
        }
    }

    /// Validates a parsed document (resolving `extends`).
    pub fn from_doc(doc: PolicyDoc) -> Result<CompiledPolicy, PolicyError> {
        let doc = resolve(doc, 0)?;
        let version = doc.version.ok_or_else(|| {
            PolicyError::new(Kind::Version, "version", "required (this build reads 1)")
        })?;
        if version != POLICY_VERSION {
            return Err(PolicyError::new(
                Kind::Version,
                "version",
                format!("unsupported version {version} (this build reads {POLICY_VERSION})"),
            ));
        }
        if let Some(s) = doc.min_score {
            if !(0.0..=1.0).contains(&s) {
                return Err(PolicyError::new(
                    Kind::OutOfRange,
                    "minScore",
                    "must be between 0 and 1",
                ));
            }
        }
        if let Some(m) = &doc.mask {
            if m.keep > 8 {
                return Err(PolicyError::new(
                    Kind::OutOfRange,
                    "mask.keep",
                    "at most 8 characters",
                ));
            }
        }
        let custom_rules = custom::custom_rules(doc.custom_rules.as_deref().unwrap_or_default())?;
        let deny = custom::deny_matcher(&doc.deny.clone().unwrap_or_default())?;
        // The catalog's entities (the names pass's included), then the policy's own.
        let mut entity_categories: BTreeMap<String, Category> = crate::rules::entities()
            .into_iter()
            .map(|(e, c)| (e.to_string(), c))
            .collect();
        entity_categories.insert(DENY_ENTITY.to_string(), Category::Identifiers);
        for r in &custom_rules {
            entity_categories
                .entry(r.entity.to_string())
                .or_insert(r.category);
        }
        let entities = doc.actions.clone().unwrap_or_default();
        for name in entities.keys() {
            if !entity_categories.contains_key(name) {
                return Err(PolicyError::new(
                    Kind::UnknownEntity,
                    format!("actions.{name}"),
                    "unknown entity",
                ));
            }
        }
        let mut categories = BTreeMap::new();
        for (name, action) in doc.categories.iter().flatten() {
            let c = Category::ALL
                .into_iter()
                .find(|c| c.id() == name)
                .ok_or_else(|| {
                    let ids: Vec<&str> = Category::ALL.iter().map(|c| c.id()).collect();
                    PolicyError::new(
                        Kind::UnknownCategory,
                        format!("categories.{name}"),
                        format!("unknown category (expected one of {})", ids.join(", ")),
                    )
                })?;
            categories.insert(c, *action);
        }
        let allow = doc.allow.clone().unwrap_or_default();
        let allow_patterns = custom::allow_patterns(&allow.patterns)?;
        let allow_values = allow.values.iter().map(|v| Vault::normalize(v)).collect();
        let policy = CompiledPolicy {
            id: doc
                .id
                .clone()
                .or_else(|| doc.extends.clone())
                .unwrap_or_else(|| "custom".into()),
            version,
            revision: doc.revision.clone().unwrap_or_else(|| "1".into()),
            default_action: doc.default_action.unwrap_or(Action::Pseudonymize),
            entities,
            categories,
            entity_categories,
            allow_values,
            allow_patterns,
            deny,
            custom_rules,
            doc,
        };
        policy.check_engine_names()?;
        Ok(policy)
    }

    /// Checks country codes and disabled rule ids the way the engine will, without building
    /// one (building is the expensive part of [`crate::Guard::new`]; it is done once, there).
    fn check_engine_names(&self) -> Result<(), PolicyError> {
        for (i, c) in self.doc.countries.iter().flatten().enumerate() {
            if !crate::engine::known_country(c) {
                return Err(PolicyError::new(
                    Kind::UnknownCountry,
                    format!("countries[{i}]"),
                    format!("unknown country `{c}` (expected ISO 3166 alpha-2 or EU/EEA)"),
                ));
            }
        }
        for (i, id) in self.doc.disabled_rules.iter().flatten().enumerate() {
            let known =
                crate::rules::is_builtin_rule(id) || self.custom_rules.iter().any(|r| &*r.id == id);
            if !known {
                return Err(PolicyError::new(
                    Kind::UnknownRule,
                    format!("disabledRules[{i}]"),
                    format!("unknown rule `{id}`"),
                ));
            }
        }
        Ok(())
    }

    /// The policy id recorded in receipts.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The format version.
    pub fn version(&self) -> u32 {
        self.version
    }

    /// The organisation's revision, recorded in receipts.
    pub fn revision(&self) -> &str {
        &self.revision
    }

    /// The merged document (after `extends`), for display and export.
    pub fn doc(&self) -> &PolicyDoc {
        &self.doc
    }

    /// Consent settings.
    pub fn consent(&self) -> ConsentSettings {
        self.doc.consent.clone().unwrap_or_default()
    }

    /// Receipt settings.
    pub fn receipts(&self) -> ReceiptSettings {
        self.doc.receipts.clone().unwrap_or_default()
    }

    /// Mask settings.
    pub fn mask(&self) -> MaskSettings {
        self.doc.mask.clone().unwrap_or_default()
    }

    /// Redact settings.
    pub fn redact(&self) -> RedactSettings {
        self.doc.redact.unwrap_or_default()
    }

    /// Vault settings.
    pub fn vault(&self) -> VaultSettings {
        self.doc.vault.unwrap_or_default()
    }

    /// The options for an engine running this policy's rules.
    pub fn engine_options(&self) -> EngineOptions {
        let mut o = EngineOptions::default();
        if let Some(s) = self.doc.min_score {
            o.min_score = s;
        }
        o.countries = self.doc.countries.clone();
        o.disabled_rules = self.doc.disabled_rules.clone().unwrap_or_default();
        o.custom_rules = self.custom_rules.clone();
        o
    }

    /// Builds the engine for this policy; engine errors are mapped to the policy field.
    pub fn engine(&self) -> Result<Engine, PolicyError> {
        self.engine_with_gazetteer(None)
    }

    /// [`CompiledPolicy::engine`] with the name list for the names pass (`None`: the default one, see
    /// [`EngineOptions::gazetteer`]). The browser loads it as a separate asset.
    pub fn engine_with_gazetteer(
        &self,
        gazetteer: Option<std::sync::Arc<crate::Gazetteer>>,
    ) -> Result<Engine, PolicyError> {
        let mut options = self.engine_options();
        options.gazetteer = gazetteer;
        Engine::new(&options).map_err(|e| match e {
            Error::Unknown { kind: "rule", name } => PolicyError::new(
                Kind::UnknownRule,
                "disabledRules",
                format!("unknown rule `{name}`"),
            ),
            Error::Unknown { kind, name } => PolicyError::new(
                Kind::UnknownCountry,
                "countries",
                format!("unknown {kind} `{name}`"),
            ),
            Error::InvalidPattern { rule, reason } => {
                let path = self
                    .doc
                    .custom_rules
                    .iter()
                    .flatten()
                    .position(|r| r.id == rule)
                    .map_or_else(
                        || "customRules".into(),
                        |i| format!("customRules[{i}].pattern"),
                    );
                PolicyError::new(Kind::BadPattern, path, reason)
            }
            other => PolicyError::new(Kind::BadPattern, ".", other.to_string()),
        })
    }

    /// The category of an entity type, if this policy knows it.
    pub fn category_of(&self, entity: &str) -> Option<Category> {
        self.entity_categories.get(entity).copied()
    }

    /// Every entity type this policy knows, with its category.
    pub fn known_entities(&self) -> impl Iterator<Item = (&str, Category)> {
        self.entity_categories.iter().map(|(e, c)| (e.as_str(), *c))
    }

    /// The action for an entity type, and which part of the policy decided it.
    pub fn action_for(&self, entity: &str) -> (Action, ActionSource) {
        if let Some(a) = self.entities.get(entity) {
            return (*a, ActionSource::Entity);
        }
        if entity == DENY_ENTITY {
            return (Action::Redact, ActionSource::DenyList);
        }
        if let Some(a) = self
            .category_of(entity)
            .and_then(|c| self.categories.get(&c))
        {
            return (*a, ActionSource::Category);
        }
        (self.default_action, ActionSource::Default)
    }

    /// The action for one found value: the allow-list wins, then [`CompiledPolicy::action_for`].
    pub fn action_for_value(&self, entity: &str, value: &str) -> (Action, ActionSource) {
        if entity != DENY_ENTITY && self.is_allowed(value) {
            return (Action::Allow, ActionSource::AllowList);
        }
        let (a, s) = self.action_for(entity);
        if entity == DENY_ENTITY && s == ActionSource::Entity {
            return (a, ActionSource::DenyList);
        }
        (a, s)
    }

    /// Adds deny-list hits to `findings` (sorted, non-overlapping, from the engine for
    /// `text`). A hit inside one finding that is transformed anyway changes nothing; any other
    /// hit becomes a `DENY_LIST` finding spanning the hit and every finding it overlaps, so no
    /// part of a denied value is sent as typed. The list reads the folded view, as the rules
    /// do: a denied name spelt with a NO-BREAK SPACE, a soft hyphen or fullwidth letters is
    /// still denied.
    pub fn apply_deny_list(&self, text: &str, findings: Vec<Finding>) -> Vec<Finding> {
        let Some(re) = &self.deny else {
            return findings;
        };
        let folded = crate::fold::fold(text);
        let mut out = findings;
        for m in re.find_iter(folded.text()) {
            let (mut s, mut e) = (folded.start(m.start()), folded.end(m.end()));
            let first = out.partition_point(|f| f.end <= s);
            let last = out.partition_point(|f| f.start < e);
            if last == first + 1 {
                let f = &out[first];
                let kept = !self
                    .action_for_value(&f.entity, &text[f.start..f.end])
                    .0
                    .sends_original();
                if f.start <= s && e <= f.end && kept {
                    continue;
                }
            }
            if first < last {
                s = s.min(out[first].start);
                e = e.max(out[last - 1].end);
            }
            let hit = Finding {
                start: s,
                end: e,
                entity: DENY_ENTITY.into(),
                score: 1.0,
                rule: "deny-list".into(),
                reason: Reason::default(),
            };
            out.splice(first..last, [hit]);
        }
        out
    }

    /// True when `value` is on the allow-list (exact after normalization, or a whole-value
    /// pattern match).
    pub fn is_allowed(&self, value: &str) -> bool {
        self.allow_values.contains(&Vault::normalize(value))
            || self.allow_patterns.iter().any(|re| re.is_match(value))
    }
}

#[cfg(test)]
mod tests;
